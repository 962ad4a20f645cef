//! What the widget keeps in the browser: versioned records under keys of its own.
//!
//! Pure logic over a [`KeyValue`] store, so every path (corrupt values, newer formats, a store
//! that refuses writes) is tested natively against [`MemoryStore`]; `local` adapts it to the
//! browser's localStorage.

pub mod hook;
#[cfg(target_arch = "wasm32")]
pub mod local;

use miniserde::{json, Deserialize, Serialize};
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
    fn get(&self, key: &str) -> Result<Option<String>, Failure>;
    fn set(&self, key: &str, value: &str) -> Result<(), Failure>;
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
    fn set(&self, key: &str, value: &str) -> Result<(), Failure> {
        self.values.borrow_mut().insert(key.into(), value.into());
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
    pub fn load<T: Deserialize>(&self, name: &str, now: u64) -> Loaded<T> {
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
        let moved = self.store.set(&format!("{key}:backup:{now}"), &raw).and_then(|()| self.store.remove(&key));
        Some(moved.err().map_or(notice, Notice::from))
    }

    /// Reads a flow's two records (its progress and its history), and the first problem met
    /// with either; a missing or unreadable history is empty.
    pub fn load_flow<P: Deserialize, H: Deserialize + Default>(
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
                self.store.set(&key, &json::to_string(&envelope))
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

fn decode<T: Deserialize>(raw: &str) -> Result<T, Notice> {
    let header: Header = json::from_str(raw).map_err(|_| Notice::Unreadable)?;
    match header.format {
        Some(FORMAT) => json::from_str::<Envelope<T>>(raw).map(|e| e.record).map_err(|_| Notice::Unreadable),
        Some(format) if format > FORMAT => Err(Notice::Newer),
        _ => Err(Notice::Unreadable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Note {
        text: String,
    }

    fn vault(store: &Rc<MemoryStore>) -> Vault {
        Vault::new(store.clone(), "default", "survey")
    }

    /// A store whose writes fail, like a full or blocked localStorage.
    struct Refusing(Failure);
    impl KeyValue for Refusing {
        fn get(&self, _: &str) -> Result<Option<String>, Failure> {
            match self.0 {
                Failure::Full => Ok(None),
                failure => Err(failure),
            }
        }
        fn set(&self, _: &str, _: &str) -> Result<(), Failure> {
            Err(self.0)
        }
        fn remove(&self, _: &str) -> Result<(), Failure> {
            Err(self.0)
        }
        fn keys(&self) -> Result<Vec<String>, Failure> {
            Err(self.0)
        }
    }

    #[test]
    fn a_saved_record_reads_back_with_its_format_and_time() {
        let store = Rc::new(MemoryStore::default());
        let note = Note { text: "half-typed «comment»".into() };
        vault(&store).save("progress", Some(&note), 1_700_000_000_000).unwrap();
        let raw = store.get("alliance-widget:default:survey:progress").unwrap().unwrap();
        assert_eq!(raw, r#"{"format":1,"updated":1700000000000,"record":{"text":"half-typed «comment»"}}"#);
        let loaded: Loaded<Note> = vault(&store).load("progress", 0);
        assert_eq!(loaded, Loaded { record: Some(note), notice: None });
    }

    #[test]
    fn saving_nothing_removes_the_key() {
        let store = Rc::new(MemoryStore::default());
        vault(&store).save("progress", Some(&Note { text: "x".into() }), 1).unwrap();
        vault(&store).save::<Note>("progress", None, 2).unwrap();
        assert_eq!(store.keys().unwrap(), Vec::<String>::new());
    }

    #[test]
    fn corrupt_json_is_moved_to_a_backup_and_reported() {
        let store = Rc::new(MemoryStore::with(&[("alliance-widget:default:survey:progress", "{not json")]));
        let loaded: Loaded<Note> = vault(&store).load("progress", 42);
        assert_eq!(loaded, Loaded { record: None, notice: Some(Notice::Unreadable) });
        assert_eq!(store.get("alliance-widget:default:survey:progress").unwrap(), None);
        assert_eq!(
            store.get("alliance-widget:default:survey:progress:backup:42").unwrap().as_deref(),
            Some("{not json")
        );
    }

    #[test]
    fn foreign_json_without_our_format_is_unreadable() {
        for raw in
            [r#"{"text":"no format"}"#, "[1,2]", r#""a string""#, r#"{"format":1,"updated":5}"#, r#"{"format":"1"}"#]
        {
            let store = Rc::new(MemoryStore::with(&[("alliance-widget:default:survey:progress", raw)]));
            let loaded: Loaded<Note> = vault(&store).load("progress", 7);
            assert_eq!(loaded.notice, Some(Notice::Unreadable), "{raw}");
            assert_eq!(store.keys().unwrap(), vec!["alliance-widget:default:survey:progress:backup:7"]);
        }
    }

    #[test]
    fn a_record_from_a_newer_format_is_set_aside_not_misread() {
        let raw = r#"{"format":2,"updated":1,"record":"from the future"}"#;
        let store = Rc::new(MemoryStore::with(&[("alliance-widget:default:survey:progress", raw)]));
        let loaded: Loaded<Note> = vault(&store).load("progress", 9);
        assert_eq!(loaded.notice, Some(Notice::Newer));
        assert_eq!(store.get("alliance-widget:default:survey:progress:backup:9").unwrap().as_deref(), Some(raw));
    }

    #[test]
    fn refused_reads_and_writes_become_notices() {
        let blocked = Vault::new(Rc::new(Refusing(Failure::Unavailable)), "default", "survey");
        let loaded: Loaded<Note> = blocked.load("progress", 1);
        assert_eq!(loaded.notice, Some(Notice::Unavailable));
        let full = Vault::new(Rc::new(Refusing(Failure::Full)), "default", "survey");
        assert_eq!(full.save("progress", Some(&Note { text: "x".into() }), 1), Err(Failure::Full));
    }

    #[test]
    fn delete_all_removes_the_widgets_keys_and_nothing_else() {
        let store = Rc::new(MemoryStore::with(&[
            ("alliance-widget:default:survey:progress", "{}"),
            ("alliance-widget:other:survey:responses", "{}"),
            ("alliance-widget:default:survey:progress:backup:1", "x"),
            ("host-page-setting", "keep me"),
            ("alliance-widgetish", "keep me too"),
        ]));
        vault(&store).delete_all().unwrap();
        assert_eq!(store.keys().unwrap(), vec!["alliance-widgetish", "host-page-setting"]);
    }
}
