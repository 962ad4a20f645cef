//! How each file was read: one paragraph a file, its skipped entries listed below it.

use super::Loaded;
use crate::content::results;
use crate::results::report::file_sentences;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilesProps {
    pub loaded: Loaded,
}

#[function_component]
pub fn Files(props: &FilesProps) -> Html {
    let files = &props.loaded.0.files;
    html! {
        <section class="aw-files" aria-labelledby="aw-files-title">
            <h3 id="aw-files-title">{ results().files_title }</h3>
            <ul>
                { for files.iter().map(|file| {
                    let (said, places) = file_sentences(file);
                    html! {
                        <li class={classes!(file.problem.is_some().then_some("aw-problem"))}>
                            <p>{ said }</p>
                            if !places.is_empty() {
                                <ul class="aw-skipped">
                                    { for places.iter().map(|place| html! { <li>{ place }</li> }) }
                                </ul>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
