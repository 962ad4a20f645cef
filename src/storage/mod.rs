//! What the widget keeps in the browser: versioned records under keys of its own.
//!
//! Pure logic over a [`KeyValue`] store, so every path (corrupt values, newer formats, a store
//! that refuses writes) is tested natively against [`MemoryStore`]; `local` adapts it to the
//! browser's localStorage.

#[cfg(target_arch = "wasm32")]
pub mod local;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Every key the widget writes starts with this, and "delete my data" removes exactly these.
pub const KEY_PREFIX: &str = "alliance-widget:";

/// Where a widget keeps its data unless its embed names a namespace.
pub const DEFAULT_NAMESPACE: &str = "default";

/// The start of every key of one flow in one namespace.
pub fn flow_prefix(namespace: &str, flow: &str) -> String {
    format!("{KEY_PREFIX}{namespace}:{flow}:")
}

/// The record format this build writes. A record with a higher number comes from a newer
/// build and is set aside rather than misread.
pub const FORMAT: u64 = 1;

/// Why a store call failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// Storage is switched off, blocked or throws on access.
    Unavailable,
    /// The browser refused a write because its quota is used up.
    Full,
}

/// A string store shaped like localStorage, where every call may fail.
pub trait KeyValue {
    /// The text stored under `key`, exactly as it is.
    fn get(&self, key: &str) -> Result<Option<String>, Failure>;
    /// Stores a record's JSON under `key`.
    fn set(&self, key: &str, json: &RawValue) -> Result<(), Failure>;
    /// Stores `text` under `key` as it is, JSON or not: a value set aside byte for byte.
    fn set_text(&self, key: &str, text: &str) -> Result<(), Failure>;
    fn remove(&self, key: &str) -> Result<(), Failure>;
    fn keys(&self) -> Result<Vec<String>, Failure>;
}

/// Keeps values for the life of the page: the stand-in when the browser's storage is off,
/// and the store native tests use.
#[derive(Default)]
pub struct MemoryStore {
    values: RefCell<BTreeMap<String, String>>,
}

impl MemoryStore {
    pub fn with(entries: &[(&str, &str)]) -> Self {
        let store = Self::default();
        for (key, value) in entries {
            store.values.borrow_mut().insert(key.to_string(), value.to_string());
        }
        store
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, Failure> {
        Ok(self.values.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, json: &RawValue) -> Result<(), Failure> {
        self.set_text(key, json.get())
    }
    fn set_text(&self, key: &str, text: &str) -> Result<(), Failure> {
        self.values.borrow_mut().insert(key.into(), text.into());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), Failure> {
        self.values.borrow_mut().remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, Failure> {
        Ok(self.values.borrow().keys().cloned().collect())
    }
}

/// What the visitor is told about their stored data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A stored value was not valid; it was moved to a backup key.
    Unreadable,
    /// A stored value came from a newer format; it was moved to a backup key.
    Newer,
    /// Nothing can be stored on this device.
    Unavailable,
    /// The browser's storage is full, the latest change was not stored.
    Full,
    /// The visitor deleted their data.
    Deleted,
}

impl From<Failure> for Notice {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Unavailable => Notice::Unavailable,
            Failure::Full => Notice::Full,
        }
    }
}

/// A record read back from the store, and what to tell the visitor about it.
#[derive(Debug, PartialEq)]
pub struct Loaded<T> {
    pub record: Option<T>,
    pub notice: Option<Notice>,
}

/// How every record is stored: `{"format":1,"updated":<ms>,"record":{…}}`.
#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    format: u64,
    /// Milliseconds since 1970 when the record was written.
    updated: u64,
    record: T,
}

/// Just the format of a stored value, read before trusting the rest of it.
#[derive(Deserialize)]
struct Header {
    format: Option<u64>,
}

/// One flow's corner of the store: the keys under `alliance-widget:<namespace>:<flow>:`.
#[derive(Clone)]
pub struct Vault {
    store: Rc<dyn KeyValue>,
    prefix: String,
}

impl PartialEq for Vault {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.store, &other.store) && self.prefix == other.prefix
    }
}

impl Vault {
    pub fn new(store: Rc<dyn KeyValue>, namespace: &str, flow: &str) -> Self {
        Vault { store, prefix: flow_prefix(namespace, flow) }
    }

    pub fn key(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// Reads a record. A value that can't be read is moved to `<key>:backup:<now>` so that
    /// nothing the visitor typed is destroyed, and the widget starts clean.
    pub fn load<T: DeserializeOwned>(&self, name: &str, now: u64) -> Loaded<T> {
        let mut record = None;
        let notice = self.read(name, now, &mut |raw| {
            record = Some(decode::<T>(raw)?);
            Ok(())
        });
        Loaded { record, notice }
    }

    /// Hands the stored value to `decode` and sets it aside when that fails. Not generic, so
    /// the wasm carries this once rather than once per record type.
    fn read(&self, name: &str, now: u64, decode: &mut dyn FnMut(&str) -> Result<(), Notice>) -> Option<Notice> {
        let key = self.key(name);
        let raw = match self.store.get(&key) {
            Ok(Some(raw)) => raw,
            Ok(None) => return None,
            Err(failure) => return Some(failure.into()),
        };
        let notice = decode(&raw).err()?;
        let moved = self.store.set_text(&format!("{key}:backup:{now}"), &raw).and_then(|()| self.store.remove(&key));
        Some(moved.err().map_or(notice, Notice::from))
    }

    /// Reads a flow's two records (its progress and its history), and the first problem met
    /// with either; a missing or unreadable history is empty.
    pub fn load_flow<P: DeserializeOwned, H: DeserializeOwned + Default>(
        &self,
        names: (&str, &str),
        now: u64,
    ) -> (Option<P>, H, Option<Notice>) {
        let progress = self.load::<P>(names.0, now);
        let history = self.load::<H>(names.1, now);
        (progress.record, history.record.unwrap_or_default(), progress.notice.or(history.notice))
    }

    /// Writes a record, or removes its key when there is nothing to keep.
    pub fn save<T: Serialize>(&self, name: &str, record: Option<&T>, now: u64) -> Result<(), Failure> {
        let key = self.key(name);
        match record {
            Some(record) => {
                let envelope = Envelope { format: FORMAT, updated: now, record };
                // Records are plain structs, lists and strings, which always serialise.
                let json = serde_json::value::to_raw_value(&envelope).map_err(|_| Failure::Unavailable)?;
                self.store.set(&key, &json)
            }
            None => self.store.remove(&key),
        }
    }

    /// Removes every key the widget wrote, in every namespace, and no other.
    pub fn delete_all(&self) -> Result<(), Failure> {
        for key in self.store.keys()? {
            if key.starts_with(KEY_PREFIX) {
                self.store.remove(&key)?;
            }
        }
        Ok(())
    }
}

fn decode<T: DeserializeOwned>(raw: &str) -> Result<T, Notice> {
    let header: Header = crate::json::parse(raw).ok_or(Notice::Unreadable)?;
    match header.format {
        Some(FORMAT) => crate::json::parse::<Envelope<T>>(raw).map(|e| e.record).ok_or(Notice::Unreadable),
        Some(format) if format > FORMAT => Err(Notice::Newer),
        _ => Err(Notice::Unreadable),
    }
}

#[cfg(test)]
mod tests;
