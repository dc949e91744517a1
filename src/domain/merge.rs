//! Importing a colleague's file: a review of every record before anything changes, then
//! applying the user's choices. Records are matched by stable id; version vectors and
//! per-field dots (see `sync`) tell, per field, whether they changed it, I changed it, or
//! we both did. Tombstones keep an old file from bringing back what was deleted.
//!
//! Defaults: take what only they changed, keep what only I changed; on a true conflict keep
//! mine — except for plan lists (objectives, actions, KPIs, …), where both sides' items are
//! combined so nobody's work is lost. Every choice can be changed in the review.

use std::collections::{HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use super::account::{Account, ACCOUNT_META};
use super::plan::{Plan, PlanPart, PLAN_META};
use super::share::Shared;
use super::sync::{Dot, Dots, RecordKind, Rev, Tombstone};
use super::validate::FieldSet;
use super::workspace::Workspace;

/// How a record in the file relates to mine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// Only in their file.
    New,
    Unchanged,
    /// Only they changed it (or a field of it).
    ChangedThere,
    /// Only I changed it (their copy is older).
    ChangedHere,
    /// We changed different fields; both changes fit together.
    ChangedBoth,
    /// We changed the same field, or one of us deleted what the other changed.
    Conflict,
    /// They deleted it; I did not change it since.
    DeletedThere,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pick {
    Mine,
    Theirs,
    /// Plan lists only: my items and theirs, matched by id.
    Both,
}

/// One field that differs, side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldDiff {
    pub field: String,
    pub mine: Value,
    pub theirs: Value,
    /// What the dots decided; `None` when both changed it.
    pub auto: Option<Pick>,
    pub pick: Pick,
    /// Whether "both" is offered (lists of items with ids).
    pub combinable: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub kind: RecordKind,
    /// The account id (plans are keyed by their account).
    pub id: String,
    /// The account's name, for people.
    pub label: String,
    pub change: Change,
    /// For records as a whole: keep mine or take theirs (deletions, new records).
    pub pick: Pick,
    pub fields: Vec<FieldDiff>,
}

impl Item {
    /// Whether applying this item with its current picks changes my workspace.
    pub fn changes_mine(&self) -> bool {
        match self.change {
            Change::Unchanged | Change::ChangedHere => self.pick == Pick::Theirs,
            Change::New | Change::DeletedThere => self.pick == Pick::Theirs,
            _ => {
                self.fields.iter().any(|f| f.pick != Pick::Mine)
                    || (self.fields.is_empty() && self.pick == Pick::Theirs)
            }
        }
    }

    /// Sets every choice of this record to mine or theirs.
    pub fn choose(&mut self, pick: Pick) {
        self.pick = pick;
        for f in &mut self.fields {
            f.pick = pick;
        }
    }
}

trait Record: Serialize + DeserializeOwned + Clone {
    const KIND: RecordKind;
    const META: &'static [&'static str];
    fn key(&self) -> &str;
    fn rev(&self) -> &Rev;
    fn rev_mut(&mut self) -> &mut Rev;
    fn dots(&self) -> &Dots;
    fn dots_mut(&mut self) -> &mut Dots;
}

macro_rules! record {
    ($ty:ty, $kind:expr, $meta:expr, $key:ident) => {
        impl Record for $ty {
            const KIND: RecordKind = $kind;
            const META: &'static [&'static str] = &$meta;
            fn key(&self) -> &str {
                &self.$key
            }
            fn rev(&self) -> &Rev {
                &self.rev
            }
            fn rev_mut(&mut self) -> &mut Rev {
                &mut self.rev
            }
            fn dots(&self) -> &Dots {
                &self.dots
            }
            fn dots_mut(&mut self) -> &mut Dots {
                &mut self.dots
            }
        }
    };
}

record!(Account, RecordKind::Account, ACCOUNT_META, id);
record!(Plan, RecordKind::Plan, PLAN_META, account_id);

/// The workspace shares its records (`Arc`); changing one copies it only if it is shared.
impl<R: Record> Record for std::sync::Arc<R> {
    const KIND: RecordKind = R::KIND;
    const META: &'static [&'static str] = R::META;
    fn key(&self) -> &str {
        (**self).key()
    }
    fn rev(&self) -> &Rev {
        (**self).rev()
    }
    fn rev_mut(&mut self) -> &mut Rev {
        std::sync::Arc::make_mut(self).rev_mut()
    }
    fn dots(&self) -> &Dots {
        (**self).dots()
    }
    fn dots_mut(&mut self) -> &mut Dots {
        std::sync::Arc::make_mut(self).dots_mut()
    }
}

/// When a serialized record was last updated: an account leaves `updated_ms` out while it
/// equals `created_ms` (format 8).
fn updated_ms(o: &Map<String, Value>) -> i64 {
    o.get("updated_ms").or(o.get("created_ms")).and_then(Value::as_i64).unwrap_or(0)
}

fn object<T: Serialize>(record: &T) -> Map<String, Value> {
    match super::sync::to_tree(record) {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

/// Field by field: what differs, and what the dots say about it.
fn field_diffs<R: Record>(mine: &R, theirs: &R) -> Vec<FieldDiff> {
    let (m, t) = (object(mine), object(theirs));
    let mut keys: Vec<&String> = m.keys().chain(t.keys()).filter(|k| !R::META.contains(&k.as_str())).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let (a, b) = (m.get(k).cloned().unwrap_or(Value::Null), t.get(k).cloned().unwrap_or(Value::Null));
            if a == b {
                return None;
            }
            let they_saw_mine = theirs.rev().has_seen(mine.dots().get(k));
            let i_saw_theirs = mine.rev().has_seen(theirs.dots().get(k));
            let auto = match (i_saw_theirs, they_saw_mine) {
                (true, false) => Some(Pick::Mine),
                (false, true) => Some(Pick::Theirs),
                _ => None,
            };
            // Plan lists merge item by item on "both"; free texts keep both texts, each marked
            // with who wrote it.
            let list = (R::KIND == RecordKind::Plan && PlanPart::from_key(k).is_some_and(PlanPart::is_list))
                || (R::KIND == RecordKind::Account && ACCOUNT_LISTS.contains(&k.as_str()));
            let combinable = list || (R::KIND == RecordKind::Account && FREE_TEXT.contains(&k.as_str()));
            // A conflict keeps mine, except that lists of items combine so nobody's items are lost.
            let pick = auto.unwrap_or(if list { Pick::Both } else { Pick::Mine });
            Some(FieldDiff { field: k.clone(), mine: a, theirs: b, auto, pick, combinable })
        })
        .collect()
}

/// Account fields of free text, which "Combine both" can join.
const FREE_TEXT: [&str; 1] = ["notes"];

/// Account fields that are lists of items with ids, which combine item by item like plan lists.
const ACCOUNT_LISTS: [&str; 2] = ["stakeholders", "whitespace"];

/// The key of a record's remembered deletions (`sync::Gone`). Not a field anyone reviews:
/// it decides, with the revisions, which items of the lists stay deleted.
pub(crate) const GONE: &str = "removed";

/// The key of an account's score history (`history`): bookkeeping that merges day by day.
pub(crate) const HISTORY: &str = "history";

/// Two stored histories as one: every day of either, mine winning on a day both recorded.
pub(crate) fn combine_history(mine: Option<&Value>, theirs: Option<&Value>) -> Value {
    let read = |v: Option<&Value>| v.and_then(Value::as_str).and_then(super::history::decode).unwrap_or_default();
    Value::String(super::history::encode(&super::history::combine(&read(mine), &read(theirs))))
}

/// Items of `lists` that one side deleted and the other kept only because it had not seen
/// the deletion are dropped from the merged record `out`; an item added again after seeing
/// the deletion stays. The merged record remembers both sides' deletions of items that are
/// still gone.
fn settle_deletions(
    out: &mut Map<String, Value>,
    lists: &[&str],
    mine: (&Map<String, Value>, &Rev),
    theirs: (&Map<String, Value>, &Rev),
) {
    use super::sync::Gone;
    let gone =
        |o: &Map<String, Value>| -> Vec<Gone> { o.get(GONE).and_then(super::sync::from_tree).unwrap_or_default() };
    let (my_gone, their_gone) = (gone(mine.0), gone(theirs.0));
    if my_gone.is_empty() && their_gone.is_empty() {
        return;
    }
    let alive = |o: &Map<String, Value>, list: &str, id: &str| {
        o.get(list)
            .and_then(Value::as_array)
            .is_some_and(|items| items.iter().any(|v| v.get("id").and_then(Value::as_str) == Some(id)))
    };
    // Deleted by `by` (whose record no longer has it), unseen by the other side's revision.
    let dropped = |id: &str, list: &str, by: (&Map<String, Value>, &[Gone]), seen: &Rev| {
        by.1.iter().any(|g| g.id == id && !alive(by.0, list, id) && !seen.has_seen(Some(&g.dot)))
    };
    for list in lists {
        if let Some(Value::Array(items)) = out.get_mut(*list) {
            items.retain(|v| {
                let id = v.get("id").and_then(Value::as_str).unwrap_or_default();
                !dropped(id, list, (theirs.0, &their_gone), mine.1) && !dropped(id, list, (mine.0, &my_gone), theirs.1)
            });
        }
    }
    let mut merged: Vec<Gone> = Vec::new();
    for g in my_gone.into_iter().chain(their_gone) {
        if !merged.iter().any(|m| m.id == g.id) && !lists.iter().any(|l| alive(out, l, &g.id)) {
            merged.push(g);
        }
    }
    let over = merged.len().saturating_sub(super::sync::MAX_GONE);
    merged.drain(..over);
    if merged.is_empty() {
        out.remove(GONE);
    } else {
        out.insert(GONE.into(), super::sync::to_tree(&merged));
    }
}

/// Who wrote which side, for combined texts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Authors {
    pub mine: String,
    pub theirs: String,
}

fn classify(fields: &[FieldDiff]) -> Change {
    if fields.is_empty() {
        Change::Unchanged
    } else if fields.iter().any(|f| f.auto.is_none()) {
        Change::Conflict
    } else if fields.iter().all(|f| f.auto == Some(Pick::Theirs)) {
        Change::ChangedThere
    } else if fields.iter().all(|f| f.auto == Some(Pick::Mine)) {
        Change::ChangedHere
    } else {
        Change::ChangedBoth
    }
}

fn review_kind<R: Record + PartialEq>(
    mine: &[R],
    theirs: &[R],
    my_graves: &[Tombstone],
    their_graves: &[Tombstone],
    label: &dyn Fn(&str) -> String,
    out: &mut Vec<Item>,
) {
    // Indexed by id: files of 10,000 accounts must not compare every pair.
    let my_records: HashMap<&str, &R> = mine.iter().map(|m| (m.key(), m)).collect();
    let my_graves: HashMap<&str, &Tombstone> =
        my_graves.iter().filter(|g| g.kind == R::KIND).map(|g| (g.id.as_str(), g)).collect();
    let their_ids: HashSet<&str> = theirs.iter().map(|t| t.key()).collect();
    for t in theirs {
        let id = t.key();
        let item =
            |change, pick, fields| Item { kind: R::KIND, id: id.to_string(), label: label(id), change, pick, fields };
        match (my_records.get(id), my_graves.get(id)) {
            // The common case on a re-import: identical, nothing to compare field by field.
            (Some(m), _) if *m == t => out.push(item(Change::Unchanged, Pick::Mine, Vec::new())),
            (Some(m), _) => {
                let fields = field_diffs(*m, t);
                let change = classify(&fields);
                let pick = if change == Change::ChangedThere { Pick::Theirs } else { Pick::Mine };
                out.push(item(change, pick, fields));
            }
            // I deleted it: an old copy stays deleted; one they changed since is a conflict.
            (None, Some(g)) if g.rev.includes(t.rev()) => out.push(item(Change::ChangedHere, Pick::Mine, Vec::new())),
            (None, Some(_)) => out.push(item(Change::Conflict, Pick::Mine, Vec::new())),
            (None, None) => out.push(item(Change::New, Pick::Theirs, Vec::new())),
        }
    }
    for g in their_graves.iter().filter(|g| g.kind == R::KIND) {
        if their_ids.contains(g.id.as_str()) {
            continue;
        }
        if let Some(m) = my_records.get(g.id.as_str()) {
            let deleted_unseen = g.rev.includes(m.rev());
            let (change, pick) =
                if deleted_unseen { (Change::DeletedThere, Pick::Theirs) } else { (Change::Conflict, Pick::Mine) };
            out.push(Item { kind: R::KIND, id: g.id.clone(), label: label(&g.id), change, pick, fields: Vec::new() });
        }
    }
}

/// Compares their file with my workspace, record by record. Nothing changes yet.
pub fn review(mine: &Workspace, theirs: &Shared) -> Vec<Item> {
    let mut names: HashMap<&str, &str> =
        theirs.accounts.iter().map(|a| (a.id.as_str(), a.fields.name.as_str())).collect();
    names.extend(mine.accounts.iter().map(|a| (a.id.as_str(), a.fields.name.as_str())));
    let name = |id: &str| names.get(id).map_or_else(|| id.to_string(), |n| n.to_string());
    let mut out = Vec::new();
    review_kind(&mine.accounts, &theirs.accounts, &mine.tombstones, &theirs.tombstones, &name, &mut out);
    review_kind(&mine.plans, &theirs.plans, &mine.tombstones, &theirs.tombstones, &name, &mut out);
    if let Some(scoring) = theirs.scoring {
        let (mine_tree, theirs_tree) = (super::sync::to_tree(&mine.scoring), super::sync::to_tree(&scoring));
        let relation = mine.scoring_rev.relation(&theirs.scoring_rev);
        out.push(setting(RecordKind::Scoring, "scoring", mine_tree, theirs_tree, relation, false));
    }
    if let Some(offerings) = &theirs.offerings {
        let (mine_tree, theirs_tree) = (super::sync::to_tree(&mine.offerings), super::sync::to_tree(offerings));
        let relation = mine.offerings_rev.relation(&theirs.offerings_rev);
        // A list of offerings: on a conflict both sides' are kept, so nobody's are lost.
        out.push(setting(RecordKind::Catalogue, "offerings", mine_tree, theirs_tree, relation, true));
    }
    out
}

/// A workspace-wide record (the scoring settings, the catalogue) as one review item with one
/// field, decided by the record's revision. `list`: it is a list of items with ids, combined on
/// a conflict.
fn setting(
    kind: RecordKind,
    field: &str,
    mine: Value,
    theirs: Value,
    relation: super::sync::Relation,
    list: bool,
) -> Item {
    let differs = mine != theirs;
    let change = match (differs, relation) {
        (false, _) => Change::Unchanged,
        (true, super::sync::Relation::Older) => Change::ChangedThere,
        (true, super::sync::Relation::Newer) => Change::ChangedHere,
        (true, _) => Change::Conflict,
    };
    let auto = match change {
        Change::ChangedThere => Some(Pick::Theirs),
        Change::ChangedHere => Some(Pick::Mine),
        _ => None,
    };
    let fields = if differs {
        let pick = auto.unwrap_or(if list { Pick::Both } else { Pick::Mine });
        vec![FieldDiff { field: field.into(), mine, theirs, auto, pick, combinable: list }]
    } else {
        Vec::new()
    };
    let pick = if change == Change::ChangedThere { Pick::Theirs } else { Pick::Mine };
    Item { kind, id: String::new(), label: String::new(), change, pick, fields }
}

/// Items with ids, mine first, then theirs that I lack. KPIs with the same id also combine
/// their measurements (mine win on the same day).
fn combine(field: &str, mine: &Value, theirs: &Value) -> Value {
    match (mine, theirs) {
        (Value::Array(a), Value::Array(b)) => {
            let id = |v: &Value| v.get("id").cloned();
            let mut out = a.clone();
            for item in b {
                match out.iter().position(|x| id(x).is_some() && id(x) == id(item)) {
                    Some(i) if field == "kpis" => {
                        let merged = combine("measurements", &out[i]["measurements"], &item["measurements"]);
                        out[i]["measurements"] = merged;
                    }
                    Some(_) => {}
                    // Texts (the SWOT) have no id: add the ones I lack.
                    None if !out.contains(item) => out.push(item.clone()),
                    None => {}
                }
            }
            if field == "measurements" {
                // One per day, in date order; mine win on the same day.
                let mut seen = std::collections::BTreeMap::new();
                for m in out {
                    let date = m.get("date").and_then(Value::as_str).unwrap_or_default().to_string();
                    seen.entry(date).or_insert(m);
                }
                return Value::Array(seen.into_values().collect());
            }
            Value::Array(out)
        }
        // The SWOT: four lists of texts.
        (Value::Object(a), Value::Object(b)) => {
            let mut out = a.clone();
            for (k, v) in b {
                let merged = combine(k, a.get(k).unwrap_or(&Value::Null), v);
                out.insert(k.clone(), merged);
            }
            Value::Object(out)
        }
        (Value::Null, other) => other.clone(),
        (own, _) => own.clone(),
    }
}

/// Both texts, each marked with who wrote it.
fn combine_text(mine: &str, theirs: &str, authors: &Authors) -> String {
    match (mine.trim().is_empty(), theirs.trim().is_empty()) {
        (true, _) => theirs.to_string(),
        (_, true) => mine.to_string(),
        _ => format!("{}: {}\n\n{}: {}", authors.mine, mine.trim_end(), authors.theirs, theirs.trim_end()),
    }
}

/// My record and theirs, combined as the picks say. Returns `None` if the result does not
/// deserialize (it always should: both sides are valid records).
fn merge_record<R: Record>(mine: &R, theirs: &R, fields: &[FieldDiff], editor: &str, authors: &Authors) -> Option<R> {
    let mut out = object(mine);
    // The merged record was last updated when the later of the two was.
    let theirs_obj = object(theirs);
    out.insert("updated_ms".into(), Value::from(updated_ms(&out).max(updated_ms(&theirs_obj))));
    let mut dots = mine.dots().clone();
    let mut own_fields = Vec::new();
    for f in fields {
        match f.pick {
            Pick::Mine => {}
            Pick::Theirs => {
                out.insert(f.field.clone(), f.theirs.clone());
                match theirs.dots().get(&f.field) {
                    Some(d) => dots.insert(f.field.clone(), d.clone()),
                    None => dots.remove(&f.field),
                };
            }
            Pick::Both => {
                let both = match (&f.mine, &f.theirs) {
                    (Value::String(a), Value::String(b)) => Value::String(combine_text(a, b, authors)),
                    (a, b) => combine(&f.field, a, b),
                };
                out.insert(f.field.clone(), both);
            }
        }
        // A choice against what the dots decided, or a combination, is a new edit: it gets a
        // dot of its own so it reaches the others. A conflict resolved for one side keeps that
        // side's dot, which the merged revision now dominates, so it propagates as it is.
        let overrides = f.auto.is_some_and(|a| a != f.pick);
        if overrides || f.pick == Pick::Both {
            own_fields.push(f.field.clone());
        }
    }
    let mut rev = mine.rev().merged(theirs.rev());
    if !own_fields.is_empty() {
        rev.bump(editor);
        for k in own_fields {
            dots.insert(k, Dot(editor.to_string(), rev.get(editor)));
        }
    }
    // Score histories are recorded, not edited: both sides' days are kept.
    if R::KIND == RecordKind::Account && (out.contains_key(HISTORY) || theirs_obj.contains_key(HISTORY)) {
        out.insert(HISTORY.into(), combine_history(out.get(HISTORY), theirs_obj.get(HISTORY)));
    }
    // Most records remember no deletion: then nothing to settle, and no second serialization.
    if R::KIND == RecordKind::Account && (out.contains_key(GONE) || theirs_obj.contains_key(GONE)) {
        settle_deletions(&mut out, &ACCOUNT_LISTS, (&object(mine), mine.rev()), (&theirs_obj, theirs.rev()));
    }
    let mut record: R = super::sync::from_tree(&Value::Object(out))?;
    *record.rev_mut() = rev;
    *record.dots_mut() = dots;
    Some(record)
}

fn apply_kind<R: Record + PartialEq>(
    mine: &mut Vec<R>,
    graves: &mut Vec<Tombstone>,
    theirs: &[R],
    their_graves: &[Tombstone],
    items: &[Item],
    editor: &str,
    authors: &Authors,
) {
    // Indexed by id (see `review_kind`). Removals wait until the end so indices stay valid.
    let their_records: HashMap<&str, &R> = theirs.iter().map(|t| (t.key(), t)).collect();
    let their_graves: HashMap<&str, &Tombstone> =
        their_graves.iter().filter(|g| g.kind == R::KIND).map(|g| (g.id.as_str(), g)).collect();
    let mut my_index: HashMap<String, usize> = mine.iter().enumerate().map(|(i, m)| (m.key().to_string(), i)).collect();
    let mut removed = HashSet::new();
    for item in items.iter().filter(|i| i.kind == R::KIND) {
        let their_record = their_records.get(item.id.as_str()).copied();
        let their_grave = their_graves.get(item.id.as_str()).copied();
        match (my_index.get(&item.id).copied(), their_record) {
            // The very same record: nothing to do (most records of a colleague's file;
            // merging them through JSON trees took seconds at 10,000).
            (Some(i), Some(t)) if item.fields.is_empty() && mine[i] == *t => {}
            (Some(i), Some(t)) => {
                if let Some(merged) = merge_record(&mine[i], t, &item.fields, editor, authors) {
                    mine[i] = merged;
                }
            }
            // They deleted it.
            (Some(i), None) => {
                let Some(g) = their_grave else { continue };
                if item.pick == Pick::Theirs {
                    removed.insert(i);
                } else {
                    // Kept against their deletion: a new edit that outranks it.
                    let mut rev = mine[i].rev().merged(&g.rev);
                    rev.bump(editor);
                    *mine[i].rev_mut() = rev;
                }
            }
            // New to me, or deleted here.
            (None, Some(t)) if item.pick == Pick::Theirs => {
                let mut record = t.clone();
                if let Some(g) = graves.iter().find(|g| g.kind == R::KIND && g.id == item.id) {
                    // Brought back against my deletion: outrank the tombstone.
                    let mut rev = record.rev().merged(&g.rev);
                    rev.bump(editor);
                    *record.rev_mut() = rev;
                }
                graves.retain(|g| !(g.kind == R::KIND && g.id == item.id));
                my_index.insert(item.id.clone(), mine.len());
                mine.push(record);
            }
            (None, Some(t)) => {
                // Stays deleted here: remember that this copy was seen too.
                if let Some(g) = graves.iter_mut().find(|g| g.kind == R::KIND && g.id == item.id) {
                    g.rev = g.rev.merged(t.rev());
                }
            }
            (None, None) => {}
        }
    }
    if !removed.is_empty() {
        let mut i = 0;
        mine.retain(|_| {
            i += 1;
            !removed.contains(&(i - 1))
        });
    }
}

/// My workspace with their file merged in as the review's picks say. Pure: the caller keeps
/// the previous workspace to undo.
pub fn apply(mine: &Workspace, theirs: &Shared, items: &[Item]) -> Workspace {
    apply_with(mine, theirs, items, &Authors { mine: "1".into(), theirs: "2".into() })
}

/// [`apply`], naming the authors of texts that "Combine both" joins.
pub fn apply_with(mine: &Workspace, theirs: &Shared, items: &[Item], authors: &Authors) -> Workspace {
    let mut ws = mine.clone();
    apply_in(&mut ws, theirs, items, authors, true);
    ws
}

/// [`apply_with`] in slices of review items, one per task, for files of thousands of records:
/// accounts first, then plans, then the settings, so that every plan applied finds its
/// account; what follows from the whole file (tombstones travelling on, plans without an
/// account) is done with the last slice. The result equals [`apply_with`]'s.
pub struct Merging {
    items: Vec<Item>,
    next: usize,
    authors: Authors,
}

impl Merging {
    pub fn new(items: &[Item], authors: Authors) -> Merging {
        let mut items = items.to_vec();
        let rank = |k: RecordKind| match k {
            RecordKind::Account => 0,
            RecordKind::Plan => 1,
            RecordKind::Scoring => 2,
            RecordKind::Catalogue => 3,
        };
        items.sort_by_key(|i| rank(i.kind));
        Merging { items, next: 0, authors }
    }

    /// Applies up to `max` more items to `ws`; (done, total) while items are left, `None`
    /// once the merge is complete.
    pub fn step(&mut self, ws: &mut Workspace, theirs: &Shared, max: usize) -> Option<(usize, usize)> {
        let end = self.items.len().min(self.next.saturating_add(max.max(1)));
        let last = end == self.items.len();
        apply_in(ws, theirs, &self.items[self.next..end], &self.authors, last);
        self.next = end;
        (!last).then_some((end, self.items.len()))
    }
}

/// Applies `items` to `ws`; `finish`: this is the last of them (see [`Merging`]).
fn apply_in(ws: &mut Workspace, theirs: &Shared, items: &[Item], authors: &Authors, finish: bool) {
    let editor = ws.profile.editor().to_string();
    apply_kind(&mut ws.accounts, &mut ws.tombstones, &theirs.accounts, &theirs.tombstones, items, &editor, authors);
    apply_kind(&mut ws.plans, &mut ws.tombstones, &theirs.plans, &theirs.tombstones, items, &editor, authors);
    if let (Some(item), Some(scoring)) = (items.iter().find(|i| i.kind == RecordKind::Scoring), theirs.scoring) {
        let take = item.fields.first().is_some_and(|f| f.pick == Pick::Theirs);
        let auto = item.fields.first().and_then(|f| f.auto);
        ws.scoring_rev = ws.scoring_rev.merged(&theirs.scoring_rev);
        if take {
            ws.scoring = scoring;
        }
        if !item.fields.is_empty() && auto != Some(if take { Pick::Theirs } else { Pick::Mine }) {
            ws.scoring_rev.bump(&editor);
        }
    }
    if let (Some(item), Some(offerings)) =
        (items.iter().find(|i| i.kind == RecordKind::Catalogue), theirs.offerings.as_ref())
    {
        let field = item.fields.first();
        ws.offerings_rev = ws.offerings_rev.merged(&theirs.offerings_rev);
        match field.map(|f| f.pick) {
            Some(Pick::Theirs) => ws.offerings = offerings.clone(),
            Some(Pick::Both) => {
                let both = combine("offerings", &super::sync::to_tree(&ws.offerings), &super::sync::to_tree(offerings));
                if let Some(list) = super::sync::from_tree(&both) {
                    ws.offerings = list;
                }
            }
            _ => {}
        }
        if field.is_some_and(|f| f.auto != Some(f.pick)) {
            ws.offerings_rev.bump(&editor);
        }
    }
    if !finish {
        return;
    }
    // Their own templates are added; none of mine is replaced.
    super::template::combine_own(&mut ws.templates, &theirs.templates);
    // Their tombstones travel on, so a third colleague's old file cannot resurrect either.
    let accounts: HashSet<String> = ws.accounts.iter().map(|a| a.id.clone()).collect();
    let plans: HashSet<String> = ws.plans.iter().map(|p| p.account_id.clone()).collect();
    for g in &theirs.tombstones {
        let alive = match g.kind {
            RecordKind::Account => accounts.contains(&g.id),
            RecordKind::Plan => plans.contains(&g.id),
            RecordKind::Scoring | RecordKind::Catalogue => true,
        };
        if alive {
            continue;
        }
        match ws.tombstones.iter_mut().find(|t| t.kind == g.kind && t.id == g.id) {
            Some(t) => t.rev = t.rev.merged(&g.rev),
            None => ws.tombstones.push(g.clone()),
        }
    }
    // A plan never outlives its account.
    let accounts: std::collections::HashSet<String> = ws.accounts.iter().map(|a| a.id.clone()).collect();
    ws.plans.retain(|p| accounts.contains(&p.account_id));
}

/// How many records fall in each category (for the review's summary line).
pub fn counts(items: &[Item]) -> std::collections::BTreeMap<Change, usize> {
    let mut out = std::collections::BTreeMap::new();
    for i in items {
        *out.entry(i.change).or_insert(0) += 1;
    }
    out
}

pub mod tabs;

#[cfg(test)]
mod tests;
