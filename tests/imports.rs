//! The crate's modules form a tree: following `use crate::…` from one top-level module of
//! `src/` to another never leads back to where it started.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Which top-level modules each top-level module of `src/` imports.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str().to_string_lossy().to_string();
        if first == "bin" || first == "lib.rs" {
            continue;
        }
        let module = first.trim_end_matches(".rs").to_string();
        let text = std::fs::read_to_string(&file).unwrap();
        let edges = graph.entry(module.clone()).or_default();
        for (at, _) in text.match_indices("crate::") {
            let name: String = text[at + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            let is_module = src.join(&name).is_dir() || src.join(format!("{name}.rs")).exists();
            if is_module && name != module {
                edges.insert(name);
            }
        }
    }
    graph
}

#[test]
fn no_module_imports_itself_through_others() {
    let graph = imports();
    assert!(graph.len() >= 10, "the modules were found: {graph:?}");
    assert!(graph["prerender"].contains("survey"), "prerendering depends on the screens");
    // Depth-first from each module, looking for the way back.
    for start in graph.keys() {
        let mut stack: Vec<Vec<&String>> = vec![vec![start]];
        while let Some(path) = stack.pop() {
            for next in &graph[*path.last().unwrap()] {
                assert_ne!(next, start, "an import circle: {path:?} -> {next}");
                if !path.contains(&next) && graph.contains_key(next) {
                    stack.push([path.clone(), vec![next]].concat());
                }
            }
        }
    }
}

#[test]
fn what_came_before_the_wasm_imports_nothing_of_the_crate() {
    let graph = imports();
    for leaf in ["json", "clock", "content", "browser"] {
        assert_eq!(graph[leaf], BTreeSet::new(), "{leaf} imports {:?}", graph[leaf]);
    }
    // What reads JSON reads it the one way, and imports nothing else.
    for reader in ["early", "storage"] {
        assert_eq!(graph[reader], BTreeSet::from(["json".to_string()]), "{reader} imports {:?}", graph[reader]);
    }
}
