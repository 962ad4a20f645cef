//! Build step: `prerender <early.js> <site folder> <options.json> <screens folder> <page.html>...`
//! makes each built page answerable before any other file arrives. It writes the first screens
//! of every widget mount into the page with the script that runs them and starts the widget
//! with the mount's options, as the build read them into `options.json` (by page; see
//! `alliance_widget::prerender`), and the page's stylesheets in place of their links, which
//! would hold the first paint back for a request each. The download's module comes from the
//! site's `build-manifest.json`. Each flow's first screens alone go into the screens folder
//! (`survey.html`, `assessment.html`), for the embed loader, which carries them. It is built
//! once per language and renders its own (the manifest's English files are at its top,
//! another language's under its code).

use alliance_widget::prerender::{attribute, into_page, screens, MountOptions};
use std::collections::HashMap;
use std::path::Path;

fn main() {
    let mut args = std::env::args().skip(1);
    let usage = "usage: prerender <early.js> <site folder> <options.json> <screens folder> <page.html>...";
    let script = std::fs::read_to_string(args.next().expect(usage)).expect("the minified embed/early.js");
    let site = args.next().expect(usage);
    let options = args.next().expect(usage);
    let options = std::fs::read_to_string(&options).unwrap_or_else(|error| panic!("{options}: {error}"));
    let options: HashMap<String, Vec<MountOptions>> =
        serde_json::from_str(&options).expect("each page's mounts' options");
    let fragments = args.next().expect(usage);
    let export_module = from_manifest(Path::new(&site));
    let runtime = tokio::runtime::Builder::new_current_thread().build().expect("a runtime for yew's server renderer");
    for page in args {
        let path = Path::new(&site).join(&page);
        let html = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let mounts = options.get(&page).unwrap_or_else(|| panic!("no options for {page}"));
        let html =
            runtime.block_on(into_page(&inline_styles(&html, Path::new(&site)), &script, &export_module, mounts));
        std::fs::write(&path, html).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        println!("prerendered the first screens into {}", path.display());
    }
    std::fs::create_dir_all(&fragments).expect("the folder for the screens");
    for flow in ["survey", "assessment"] {
        let path = Path::new(&fragments).join(format!("{flow}.html"));
        let html = runtime.block_on(screens(flow)).unwrap_or_else(|| panic!("no flow {flow}"));
        std::fs::write(&path, html).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        println!("wrote the {flow}'s first screens for embeds into {}", path.display());
    }
}

/// The download's module as this language's pages address it, from the build's manifest.
fn from_manifest(site: &Path) -> String {
    let path = site.join("build-manifest.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let manifest: serde_json::Value = serde_json::from_str(&text).expect("the manifest is JSON");
    let language = alliance_widget::content::LANGUAGE;
    let section = if language == "en" { &manifest } else { &manifest[language] };
    let module = section["export"]["module"].as_str().expect("the manifest names the export's module");
    format!("/{module}")
}

/// `page` with each `<link rel=stylesheet href=/…>` replaced by the file's text in a `<style>`.
fn inline_styles(page: &str, site: &Path) -> String {
    let mut out = String::with_capacity(page.len() * 2);
    let mut rest = page;
    while let Some(start) = rest.find("<link ") {
        let end = start + rest[start..].find('>').expect("a closed <link> tag") + 1;
        let tag = &rest[start..end];
        out.push_str(&rest[..start]);
        match attribute(tag, "href").filter(|_| attribute(tag, "rel") == Some("stylesheet")) {
            Some(href) => {
                let file = site.join(href.trim_start_matches('/'));
                let css = std::fs::read_to_string(&file).unwrap_or_else(|error| panic!("{}: {error}", file.display()));
                out.push_str(&format!("<style>{}</style>", css.trim()));
            }
            None => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::inline_styles;

    #[test]
    fn stylesheets_come_inline_and_other_links_stay() {
        let site = std::env::temp_dir().join(format!("prerender-test-{}", std::process::id()));
        std::fs::create_dir_all(site.join("survey")).unwrap();
        std::fs::write(site.join("survey/widget-1.css"), ".aw-widget{color:red}\n").unwrap();
        let page = r#"<head><link href=/survey/widget-1.css rel=stylesheet><link href=/manifest.webmanifest rel=manifest></head>"#;
        assert_eq!(
            inline_styles(page, &site),
            r#"<head><style>.aw-widget{color:red}</style><link href=/manifest.webmanifest rel=manifest></head>"#
        );
        std::fs::remove_dir_all(site).unwrap();
    }
}
