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
    fn set(&self, _: &str, _: &RawValue) -> Result<(), Failure> {
        Err(self.0)
    }
    fn set_text(&self, _: &str, _: &str) -> Result<(), Failure> {
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
    assert_eq!(store.get("alliance-widget:default:survey:progress:backup:42").unwrap().as_deref(), Some("{not json"));
}

#[test]
fn foreign_json_without_our_format_is_unreadable() {
    for raw in [r#"{"text":"no format"}"#, "[1,2]", r#""a string""#, r#"{"format":1,"updated":5}"#, r#"{"format":"1"}"#]
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
