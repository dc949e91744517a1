//! Keystone: key account management in the browser. See ARCHITECTURE.md for the map.

pub mod charts;
pub mod domain;
pub mod i18n;
pub mod platform;
pub mod storage;
pub mod ui;

#[cfg(test)]
mod tests {
    /// User data reaches the page only as text nodes and attribute values, which Leptos
    /// escapes. Setting inner HTML would turn a name like `<img onerror=…>` into markup, so
    /// no source file may do it.
    #[test]
    fn no_code_sets_inner_html() {
        fn walk(dir: &std::path::Path, hits: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("readable source tree").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, hits);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap_or_default();
                    let needle = ["inner", "_html"].concat();
                    if text.contains(&needle) && !path.ends_with("lib.rs") {
                        hits.push(path.display().to_string());
                    }
                }
            }
        }
        let mut hits = Vec::new();
        walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut hits);
        assert!(hits.is_empty(), "inner HTML is set in {hits:?}");
        let needle = ["set_inner", "_html"].concat();
        let index = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap_or_default();
        assert!(!index.contains(&needle));
    }

    fn sources(dir: &str) -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut out = Vec::new();
        let mut stack = vec![root];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).expect("readable source tree").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap_or_default()));
                }
            }
        }
        out
    }

    /// ARCHITECTURE.md's layering, checked: pages compose components and never import one
    /// another; the domain knows nothing of the browser or of Leptos; only the catalog holds
    /// the message structs.
    #[test]
    fn layers_import_only_what_they_may() {
        for (path, text) in sources("src/ui/pages") {
            assert!(!text.contains("ui::pages::"), "{path} imports a page");
        }
        for (path, text) in sources("src/domain") {
            for forbidden in ["leptos", "web_sys", "gloo", "js_sys", "crate::ui", "crate::i18n", "crate::storage"] {
                assert!(!text.contains(forbidden), "{path} uses {forbidden}");
            }
        }
        for (path, text) in sources("src/ui/components") {
            assert!(!text.contains("ui::pages::"), "{path} imports a page");
        }
    }
}
