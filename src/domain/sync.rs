//! What lets colleagues merge each other's files without a server or a common ancestor:
//! every record carries a version vector (how many edits each editor has made to it), and
//! deletions leave tombstones that carry the deleted record's vector.
//!
//! Comparing two vectors of the same record tells the story:
//! - equal: nobody changed it since the two copies parted;
//! - mine ≤ theirs: only they changed it ("changed there");
//! - theirs ≤ mine: only I changed it ("changed here");
//! - neither: both changed it — a conflict the user resolves.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The highest edit count a revision holds: far beyond any real editing, and exact in every
/// JSON reader (2^53). Imports with higher counts are refused; counting stops there.
pub const MAX_COUNT: u64 = 1 << 53;

/// Ids of records and editors are at most this long.
pub const MAX_ID: usize = 200;

/// Ids that are words of the app's addresses (`#/accounts/new`), so never a record's.
pub const RESERVED_IDS: [&str; 1] = ["new"];

/// A record id as files and addresses carry it: 1 to [`MAX_ID`] characters from letters,
/// digits and `-_.~` (what stays readable in an address), and not a reserved word.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~'))
        && !RESERVED_IDS.contains(&id)
}

/// A version vector: edits per editor id.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rev(pub BTreeMap<String, u64>);

/// How two revisions of one record relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    Same,
    /// The first is older: the second includes all its edits and more.
    Older,
    /// The first is newer.
    Newer,
    /// Each has edits the other lacks.
    Concurrent,
}

impl Rev {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Records one more edit by `editor`. Counts stop at [`MAX_COUNT`] instead of wrapping
    /// round to 0, which would make an edit look older than its predecessor.
    pub fn bump(&mut self, editor: &str) {
        let n = self.0.entry(editor.to_string()).or_insert(0);
        *n = n.saturating_add(1).min(MAX_COUNT);
    }

    pub fn relation(&self, other: &Rev) -> Relation {
        let mut ord = Ordering::Equal;
        for editor in self.0.keys().chain(other.0.keys()) {
            let (a, b) = (self.get(editor), other.get(editor));
            match (ord, a.cmp(&b)) {
                (_, Ordering::Equal) => {}
                (Ordering::Equal, o) => ord = o,
                (o, p) if o != p => return Relation::Concurrent,
                _ => {}
            }
        }
        match ord {
            Ordering::Equal => Relation::Same,
            Ordering::Less => Relation::Older,
            Ordering::Greater => Relation::Newer,
        }
    }

    /// Everything either side has seen.
    pub fn merged(&self, other: &Rev) -> Rev {
        let mut out = self.clone();
        for (editor, &n) in &other.0 {
            let e = out.0.entry(editor.clone()).or_insert(0);
            *e = (*e).max(n);
        }
        out
    }

    pub fn get(&self, editor: &str) -> u64 {
        self.0.get(editor).copied().unwrap_or(0)
    }

    /// True when `other` has no edit this one lacks.
    pub fn includes(&self, other: &Rev) -> bool {
        matches!(other.relation(self), Relation::Same | Relation::Older)
    }

    /// True when this revision has seen the edit `dot` (or there is no dot to see).
    pub fn has_seen(&self, dot: Option<&Dot>) -> bool {
        dot.is_none_or(|d| self.get(&d.0) >= d.1)
    }
}

/// A record as a JSON tree. Goes through text on purpose: converting with
/// `serde_json::to_value` would compile a second copy of every type's serializer into the
/// app, and text serialization is there anyway for storage.
pub fn to_tree<T: Serialize>(record: &T) -> serde_json::Value {
    serde_json::to_string(record).ok().and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default()
}

/// The inverse of [`to_tree`], also through text (see there).
pub fn from_tree<T: serde::de::DeserializeOwned>(tree: &serde_json::Value) -> Option<T> {
    serde_json::from_str(&tree.to_string()).ok()
}

/// The edit that last set a field: (editor, that editor's count on the record after it).
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dot(pub String, pub u64);

/// Per-field dots of a record. Fields never edited since creation have none.
pub type Dots = BTreeMap<String, Dot>;

/// Stamps the fields that differ between `before` and `after` (both serialized records) with
/// the editor's current count on `rev`. `meta` lists keys that are bookkeeping, not fields.
pub fn stamp(
    before: &serde_json::Value,
    after: &serde_json::Value,
    meta: &[&str],
    rev: &Rev,
    editor: &str,
    dots: &mut Dots,
) {
    let (Some(b), Some(a)) = (before.as_object(), after.as_object()) else { return };
    let n = rev.get(editor);
    for key in a.keys().chain(b.keys()) {
        if !meta.contains(&key.as_str()) && a.get(key) != b.get(key) {
            dots.insert(key.clone(), Dot(editor.to_string(), n));
        }
    }
}

/// The kinds of record that merge independently.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Account,
    Plan,
    Scoring,
    /// The catalogue of offerings (whitespace).
    Catalogue,
}

/// What remains of a deleted record: enough to keep an old file from bringing it back.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub kind: RecordKind,
    /// The account id (plans are keyed by their account).
    pub id: String,
    /// The record's revision at deletion, the deletion included.
    pub rev: Rev,
    pub deleted_ms: i64,
}

/// An item deleted from one of a record's lists (a stakeholder, a whitespace cell): its id and
/// the edit that deleted it. A colleague's copy made before that edit cannot bring the item
/// back in a merge; one who saw the deletion and added the item again keeps it.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gone {
    pub id: String,
    pub dot: Dot,
}

/// Deletions a record remembers; the oldest are forgotten beyond this (a colleague's copy
/// that old is rare, and the list must stay small in storage).
pub const MAX_GONE: usize = 200;

/// Who edits in this browser. The id never changes; the name is what colleagues see.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    pub editor_id: String,
    pub display_name: String,
}

crate::domain::validate::field_set!(
    /// The display name as a form.
    pub enum NameField {
        Name = "name",
    }
);

/// The name colleagues see on exported files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DisplayName(pub String);

pub const MAX_DISPLAY_NAME: usize = 100;

impl crate::domain::validate::Form for DisplayName {
    type Field = NameField;
    fn blank(_: crate::domain::date::Date) -> crate::domain::validate::Draft<NameField> {
        Default::default()
    }
    fn draft(&self) -> crate::domain::validate::Draft<NameField> {
        crate::domain::validate::Draft::default().with(NameField::Name, &self.0)
    }
    fn read(
        d: &crate::domain::validate::Draft<NameField>,
        _: &str,
        _: Option<&DisplayName>,
        _: crate::domain::date::Date,
    ) -> Result<DisplayName, Vec<crate::domain::validate::FieldError<NameField>>> {
        let mut c = crate::domain::validate::Checker::new(d);
        let name = c.text(NameField::Name, false, MAX_DISPLAY_NAME);
        c.finish(DisplayName(name))
    }
}

impl Profile {
    /// The key edits are counted under; a profile not yet set up counts as "local".
    pub fn editor(&self) -> &str {
        if self.editor_id.is_empty() {
            "local"
        } else {
            &self.editor_id
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rev(pairs: &[(&str, u64)]) -> Rev {
        Rev(pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect())
    }

    fn check(a: &[(&str, u64)], b: &[(&str, u64)], expected: Relation) {
        assert_eq!(rev(a).relation(&rev(b)), expected, "{a:?} vs {b:?}");
    }

    #[test]
    fn relations() {
        check(&[], &[], Relation::Same);
        check(&[("a", 1)], &[("a", 1)], Relation::Same);
        check(&[("a", 1)], &[("a", 2)], Relation::Older);
        check(&[("a", 1)], &[("a", 1), ("b", 1)], Relation::Older);
        check(&[("a", 2), ("b", 1)], &[("a", 1)], Relation::Newer);
        check(&[("a", 2)], &[("a", 1), ("b", 1)], Relation::Concurrent);
        check(&[("a", 0)], &[], Relation::Same);
    }

    #[test]
    fn bump_and_merge() {
        let mut a = rev(&[("a", 1)]);
        a.bump("a");
        a.bump("b");
        assert_eq!(a, rev(&[("a", 2), ("b", 1)]));
        let m = a.merged(&rev(&[("a", 1), ("c", 4)]));
        assert_eq!(m, rev(&[("a", 2), ("b", 1), ("c", 4)]));
        assert!(m.includes(&a) && !a.includes(&m));
    }
}
