//! Opening files: the file input (keyboard and screen reader friendly as it is native) inside
//! an area that also takes files dropped on it.

use crate::browser;
use crate::content::results;
use crate::results::{read_file, unread, FileReading, Problem, LARGEST_FILE};
use wasm_bindgen::closure::Closure;
use web_sys::{File, FileList, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OpenProps {
    /// How many files are being read.
    pub on_start: Callback<usize>,
    pub on_read: Callback<Vec<FileReading>>,
}

#[function_component]
pub fn Open(props: &OpenProps) -> Html {
    let text = results();
    let dragging = use_state(|| false);
    let read = {
        let (on_start, on_read) = (props.on_start.clone(), props.on_read.clone());
        move |list: Option<FileList>| {
            let Some(list) = list else { return };
            let files: Vec<File> = (0..list.length()).filter_map(|index| list.get(index)).collect();
            if files.is_empty() {
                return;
            }
            on_start.emit(files.len());
            read_all(files, on_read.clone());
        }
    };
    let onchange = {
        let read = read.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            read(input.files());
            // The same file may be chosen again, after it changed.
            input.set_value("");
        })
    };
    let drag = |over: bool| {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(over);
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            read(event.data_transfer().and_then(|data| data.files()));
        })
    };
    html! {
        <div class={classes!("aw-drop", dragging.then_some("aw-dragging"))}
            ondragover={drag(true)} ondragleave={drag(false)} {ondrop}>
            <label for="aw-files">{ text.open }</label>
            <input id="aw-files" type="file" multiple=true aria-describedby="aw-files-hint"
                accept=".jsonl,.ndjson,.json,.csv,.txt,.log,application/json,text/csv,text/plain" {onchange} />
            <p id="aw-files-hint" class="aw-hint">{ text.open_hint }</p>
        </div>
    }
}

/// Reads `files` as text, except those too large for this page, and hands on what each held.
fn read_all(files: Vec<File>, on_read: Callback<Vec<FileReading>>) {
    let (small, large): (Vec<File>, Vec<File>) = files.into_iter().partition(|file| file.size() as u64 <= LARGEST_FILE);
    let texts: js_sys::Array = small.iter().collect();
    let done = Closure::once_into_js(move |texts: js_sys::Array| {
        let mut read: Vec<FileReading> = small
            .iter()
            .zip(texts.iter())
            .map(|(file, text)| match text.as_string() {
                Some(text) => read_file(&file.name(), &text),
                None => unread(&file.name(), Problem::Unreadable),
            })
            .collect();
        read.extend(large.iter().map(|file| unread(&file.name(), Problem::TooLarge(file.size() as u64))));
        on_read.emit(read);
    });
    browser::read_texts(&texts, &done);
}
