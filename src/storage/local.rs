//! The browser's localStorage as a [`KeyValue`] store that never throws into the widget.
//!
//! Records are written through gloo-storage's `LocalStorage::set`. Its other calls either
//! parse what they read as JSON (a value set aside must be read and kept as it is, JSON or
//! not) or turn an exception from the browser into one thrown through the widget
//! (`get_item`, `remove_item`, `length` and `key` throw when a page or a browser setting
//! blocks storage); those few calls go through `LocalStorage::raw()` and report failures.

use super::{Failure, KeyValue};
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde_json::value::RawValue;
use wasm_bindgen::JsValue;

/// localStorage, or nothing when the browser refuses it (switched off, sandboxed frame).
pub struct LocalStore(Option<web_sys::Storage>);

impl LocalStore {
    pub fn open() -> Self {
        // `LocalStorage::raw()` panics when access throws, so ask for access first.
        let allowed = web_sys::window().is_some_and(|window| matches!(window.local_storage(), Ok(Some(_))));
        LocalStore(allowed.then(LocalStorage::raw))
    }

    fn storage(&self) -> Result<&web_sys::Storage, Failure> {
        self.0.as_ref().ok_or(Failure::Unavailable)
    }
}

/// QuotaExceededError means full; anything else thrown means storage is unusable.
fn failure_named(name: Option<&str>) -> Failure {
    match name {
        Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => Failure::Full,
        _ => Failure::Unavailable,
    }
}

fn failure(error: JsValue) -> Failure {
    let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|name| name.as_string());
    failure_named(name.as_deref())
}

impl KeyValue for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, Failure> {
        self.storage()?.get_item(key).map_err(failure)
    }
    fn set(&self, key: &str, json: &RawValue) -> Result<(), Failure> {
        self.storage()?;
        LocalStorage::set(key, json).map_err(|error| match error {
            StorageError::JsError(error) => failure_named(Some(&error.name)),
            _ => Failure::Unavailable,
        })
    }
    fn set_text(&self, key: &str, text: &str) -> Result<(), Failure> {
        self.storage()?.set_item(key, text).map_err(failure)
    }
    fn remove(&self, key: &str) -> Result<(), Failure> {
        self.storage()?.remove_item(key).map_err(failure)
    }
    fn keys(&self) -> Result<Vec<String>, Failure> {
        let storage = self.storage()?;
        let length = storage.length().map_err(failure)?;
        (0..length).map(|index| storage.key(index).map(Option::unwrap_or_default).map_err(failure)).collect()
    }
}
