//! The author's results page: starts the page in its `data-alliance-results` element.

fn main() {
    #[cfg(target_arch = "wasm32")]
    start();
}

#[cfg(target_arch = "wasm32")]
fn start() {
    use alliance_widget::content::text;
    use alliance_widget::results::screens::ResultsPage;
    let document = web_sys::window().and_then(|window| window.document());
    let Some(root) = document.and_then(|document| document.query_selector("[data-alliance-results]").ok().flatten())
    else {
        return;
    };
    alliance_widget::crash::watch(&root, text().crash);
    root.set_inner_html("");
    yew::Renderer::<ResultsPage>::with_root(root).render();
}
