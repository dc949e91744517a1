//! Two tabs of one browser share one stored workspace — and one editor id, so version
//! vectors cannot tell their edits apart. They do not need to: a tab knows exactly what it
//! last read from or wrote to storage (the *base*), so a three-way merge of base, mine and
//! theirs (what another tab stored since) decides every field.
//!
//! What only one side changed is kept. Items of plan lists are matched by id, so both tabs
//! may add objectives to one plan. When both changed the same field, the stored value wins —
//! it is saved already and may be on another screen — and the clash is reported, so that
//! neither edit disappears silently. A record deleted in one tab and changed in the other is
//! kept (deleting it again is one click; retyping lost work is not) and reported too.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::{combine_history, object, updated_ms, Record, GONE, HISTORY};
use crate::domain::sync::{Dot, RecordKind};
use crate::domain::workspace::Workspace;

/// A field both tabs changed, or a record one deleted and the other changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    /// The account's name ("" for the scoring settings).
    pub label: String,
    /// Where in the record, e.g. `name` or `objectives[o-1].status`; "" for a whole record.
    pub field: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Absorbed {
    pub workspace: Workspace,
    pub clashes: Vec<Clash>,
}

/// Mine (this tab's workspace) merged with theirs (the stored one), relative to the base
/// both started from.
pub fn absorb(base: &Workspace, mine: &Workspace, theirs: &Workspace) -> Absorbed {
    if mine == base {
        return Absorbed { workspace: theirs.clone(), clashes: Vec::new() };
    }
    let editor = mine.profile.editor().to_string();
    let name = |id: &str| {
        [mine, theirs, base].iter().find_map(|w| w.find(id)).map_or_else(|| id.to_string(), |a| a.fields.name.clone())
    };
    let mut clashes = Vec::new();
    // Built from theirs, so that with nothing new here the result equals the stored
    // workspace exactly and two tabs never write back and forth.
    let mut ws = theirs.clone();
    if ws.profile.editor_id.is_empty() {
        ws.profile = mine.profile.clone();
    }
    ws.accounts = absorb_kind(&base.accounts, &mine.accounts, &theirs.accounts, &editor, &name, &mut clashes);
    ws.plans = absorb_kind(&base.plans, &mine.plans, &theirs.plans, &editor, &name, &mut clashes);

    ws.scoring_rev = mine.scoring_rev.merged(&theirs.scoring_rev);
    ws.scoring = if mine.scoring == base.scoring || mine.scoring == theirs.scoring {
        theirs.scoring
    } else if theirs.scoring == base.scoring {
        mine.scoring
    } else {
        clashes.push(Clash { label: String::new(), field: "scoring".into() });
        theirs.scoring
    };
    if ws.scoring != theirs.scoring {
        ws.scoring_rev.bump(&editor);
    }
    // The catalogue and the own templates: item by item, as lists of items merge.
    ws.offerings_rev = mine.offerings_rev.merged(&theirs.offerings_rev);
    if let Some(list) = merge_list(&base.offerings, &mine.offerings, &theirs.offerings, "offerings", &mut clashes) {
        ws.offerings = list;
        if ws.offerings != theirs.offerings {
            ws.offerings_rev.bump(&editor);
        }
    }
    if let Some(list) = merge_list(&base.templates, &mine.templates, &theirs.templates, "templates", &mut clashes) {
        ws.templates = list;
    }

    // Tombstones from both sides, for records that are gone.
    let mut graves: HashMap<(RecordKind, String), usize> =
        ws.tombstones.iter().enumerate().map(|(i, t)| ((t.kind, t.id.clone()), i)).collect();
    for g in &mine.tombstones {
        match graves.get(&(g.kind, g.id.clone())) {
            Some(&i) => ws.tombstones[i].rev = ws.tombstones[i].rev.merged(&g.rev),
            None => {
                graves.insert((g.kind, g.id.clone()), ws.tombstones.len());
                ws.tombstones.push(g.clone());
            }
        }
    }
    let accounts: HashSet<String> = ws.accounts.iter().map(|a| a.id.clone()).collect();
    let planned: HashSet<String> = ws.plans.iter().map(|p| p.account_id.clone()).collect();
    ws.tombstones.retain(|t| match t.kind {
        RecordKind::Account => !accounts.contains(&t.id),
        RecordKind::Plan => !planned.contains(&t.id),
        RecordKind::Scoring | RecordKind::Catalogue => true,
    });
    // A plan never outlives its account.
    ws.plans.retain(|p| accounts.contains(&p.account_id));
    Absorbed { workspace: ws, clashes }
}

/// A workspace-wide list of items with ids (the catalogue, the own templates) merged three-way;
/// `None` when this tab did not change it (the stored list stands). A clash, or a result that
/// does not read back, keeps the stored side there and is reported under `name`.
fn merge_list<T>(base: &[T], mine: &[T], theirs: &[T], name: &str, clashes: &mut Vec<Clash>) -> Option<Vec<T>>
where
    T: PartialEq + Clone + serde::Serialize + serde::de::DeserializeOwned,
{
    use crate::domain::sync::{from_tree, to_tree};
    if mine == base || mine == theirs {
        return None;
    }
    let mut paths = Vec::new();
    let merged = merge3(Some(&to_tree(&base)), &to_tree(&mine), &to_tree(&theirs), name, &mut paths);
    let list = from_tree(&merged);
    if list.is_none() {
        paths.push(name.into());
    }
    if !paths.is_empty() {
        clashes.push(Clash { label: String::new(), field: name.into() });
    }
    Some(list.unwrap_or_else(|| theirs.to_vec()))
}

fn absorb_kind<R: Record + PartialEq>(
    base: &[R],
    mine: &[R],
    theirs: &[R],
    editor: &str,
    name: &dyn Fn(&str) -> String,
    clashes: &mut Vec<Clash>,
) -> Vec<R> {
    // Indexed by id, as in `review_kind`: 10,000 accounts must not compare every pair.
    let index = |list: &'_ [R]| -> HashMap<String, usize> {
        list.iter().enumerate().map(|(i, r)| (r.key().to_string(), i)).collect()
    };
    let (in_base, in_mine, in_theirs) = (index(base), index(mine), index(theirs));
    let whole = |id: &str| Clash { label: name(id), field: String::new() };
    let mut out = Vec::with_capacity(theirs.len().max(mine.len()));
    for t in theirs {
        let b = in_base.get(t.key()).map(|&i| &base[i]);
        match (in_mine.get(t.key()), b) {
            (Some(&i), b) => out.push(merge_record(b, &mine[i], t, editor, name, clashes)),
            // Deleted here; they did not change it since.
            (None, Some(b)) if b == t => {}
            (None, Some(_)) => {
                clashes.push(whole(t.key()));
                out.push(t.clone());
            }
            (None, None) => out.push(t.clone()),
        }
    }
    for m in mine.iter().filter(|m| !in_theirs.contains_key(m.key())) {
        match in_base.get(m.key()).map(|&i| &base[i]) {
            // Deleted there; I did not change it since.
            Some(b) if b == m => {}
            Some(_) => {
                clashes.push(whole(m.key()));
                out.push(m.clone());
            }
            None => out.push(m.clone()),
        }
    }
    out
}

fn merge_record<R: Record + PartialEq>(
    base: Option<&R>,
    mine: &R,
    theirs: &R,
    editor: &str,
    name: &dyn Fn(&str) -> String,
    clashes: &mut Vec<Clash>,
) -> R {
    if mine == theirs || base == Some(mine) {
        return theirs.clone();
    }
    if base == Some(theirs) {
        return mine.clone();
    }
    let (m, t) = (object(mine), object(theirs));
    let b = base.map(object).unwrap_or_default();
    let mut paths = Vec::new();
    let mut out = t.clone();
    // Keys of both sides: a list written only when it has items (a first stakeholder, say)
    // is missing from the other side's record, not empty there. Remembered deletions merge
    // like any list (they are bookkeeping, so they get no dot below).
    let keys: Vec<&String> = t.keys().chain(m.keys().filter(|k| !t.contains_key(*k))).collect();
    for k in keys {
        // Score histories keep the days of both (mine win on a day both recorded).
        if k == HISTORY {
            out.insert(k.clone(), combine_history(m.get(k), t.get(k)));
            continue;
        }
        if R::META.contains(&k.as_str()) && k != GONE {
            continue;
        }
        // A missing key is the empty value of its kind (a list or nothing).
        let like = m.get(k).or(t.get(k)).unwrap_or(&Value::Null);
        let absent = if like.is_array() { Value::Array(Vec::new()) } else { Value::Null };
        let side = |o: &Map<String, Value>| o.get(k).cloned().unwrap_or_else(|| absent.clone());
        let base_value = base.map(|_| side(&b));
        let merged = merge3(base_value.as_ref(), &side(&m), &side(&t), k, &mut paths);
        if merged == absent && !t.contains_key(k) {
            out.remove(k);
        } else {
            out.insert(k.clone(), merged);
        }
    }
    out.insert("updated_ms".into(), Value::from(updated_ms(&m).max(updated_ms(&t))));
    clashes.extend(paths.into_iter().map(|field| Clash { label: name(theirs.key()), field }));

    let Some(mut record) = crate::domain::sync::from_tree::<R>(&Value::Object(out.clone())) else {
        // Cannot happen for two valid records; keep the stored one rather than guess.
        return theirs.clone();
    };
    // Fields that now differ from the stored record are a new edit by this browser: they
    // get a fresh dot, so colleagues' copies of the stored record see them as news.
    let mut rev = mine.rev().merged(theirs.rev());
    let changed: Vec<&String> =
        out.keys().filter(|k| !R::META.contains(&k.as_str()) && out.get(*k) != t.get(*k)).collect();
    let mut dots = theirs.dots().clone();
    if !changed.is_empty() {
        rev.bump(editor);
        for k in changed {
            dots.insert(k.clone(), Dot(editor.to_string(), rev.get(editor)));
        }
    }
    *record.rev_mut() = rev;
    *record.dots_mut() = dots;
    record
}

/// Three-way merge of two JSON values. Objects merge key by key, lists of objects with ids
/// item by item, other lists as sets; anything else both sides changed differently is a
/// clash that the stored side (`theirs`) wins. Clashing paths are pushed to `clashes`.
fn merge3(base: Option<&Value>, mine: &Value, theirs: &Value, path: &str, clashes: &mut Vec<String>) -> Value {
    if mine == theirs || base == Some(mine) {
        return theirs.clone();
    }
    if base == Some(theirs) {
        return mine.clone();
    }
    match (base, mine, theirs) {
        (b, Value::Object(m), Value::Object(t)) => {
            let b = b.and_then(Value::as_object);
            let mut out = Map::new();
            for (k, tv) in t {
                let bv = b.and_then(|b| b.get(k));
                let merged = match m.get(k) {
                    Some(mv) => merge3(bv, mv, tv, &format!("{path}.{k}"), clashes),
                    None => tv.clone(),
                };
                out.insert(k.clone(), merged);
            }
            for (k, mv) in m.iter().filter(|(k, _)| !t.contains_key(*k)) {
                out.insert(k.clone(), mv.clone());
            }
            Value::Object(out)
        }
        (b, Value::Array(m), Value::Array(t)) if has_ids(m) && has_ids(t) => {
            let empty = Vec::new();
            let b = b.and_then(Value::as_array).unwrap_or(&empty);
            fn find<'a>(list: &'a [Value], id: &Value) -> Option<&'a Value> {
                list.iter().find(|v| v.get("id") == Some(id))
            }
            let mut out = Vec::with_capacity(t.len());
            for tv in t {
                let id = &tv["id"];
                let item_path = format!("{path}[{}]", id.as_str().unwrap_or_default());
                match (find(m, id), find(b, id)) {
                    (Some(mv), bv) => out.push(merge3(bv, mv, tv, &item_path, clashes)),
                    (None, Some(bv)) if bv == tv => {}
                    (None, Some(_)) => {
                        clashes.push(item_path);
                        out.push(tv.clone());
                    }
                    (None, None) => out.push(tv.clone()),
                }
            }
            for mv in m.iter().filter(|mv| find(t, &mv["id"]).is_none()) {
                match find(b, &mv["id"]) {
                    Some(bv) if bv == mv => {}
                    Some(_) => {
                        clashes.push(format!("{path}[{}]", mv["id"].as_str().unwrap_or_default()));
                        out.push(mv.clone());
                    }
                    None => out.push(mv.clone()),
                }
            }
            Value::Array(out)
        }
        (b, Value::Array(m), Value::Array(t)) => {
            // Texts and measurements: what I added joins theirs, what I removed leaves it.
            let empty = Vec::new();
            let b = b.and_then(Value::as_array).unwrap_or(&empty);
            let mut out: Vec<Value> = t.iter().filter(|v| !b.contains(v) || m.contains(v)).cloned().collect();
            for v in m.iter().filter(|v| !b.contains(v)) {
                if !out.contains(v) {
                    out.push(v.clone());
                }
            }
            Value::Array(out)
        }
        _ => {
            clashes.push(path.to_string());
            theirs.clone()
        }
    }
}

fn has_ids(list: &[Value]) -> bool {
    !list.is_empty() && list.iter().all(|v| v.get("id").is_some_and(Value::is_string))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::AccountFields;
    use crate::domain::plan::Objective;
    use crate::domain::sample::sample_portfolio;

    const VICOM: &str = "sample-01-vicom";
    const CARTECH: &str = "sample-02-cartech";

    /// One browser's stored workspace: both tabs start from it.
    fn base() -> Workspace {
        let mut ws = Workspace::default();
        ws.ensure_profile(|| "browser-1".into());
        ws.load_sample(sample_portfolio(1_795_737_600_000));
        ws
    }

    fn set(ws: &mut Workspace, id: &str, change: impl FnOnce(&mut AccountFields)) {
        let mut f = ws.find(id).expect("sample account").fields.clone();
        change(&mut f);
        assert!(ws.update_fields(id, f, 10));
    }

    fn add_objective(ws: &mut Workspace, id: &str) {
        assert!(ws.edit_plan(CARTECH, 20, |p| p.objectives.push(Objective { id: id.into(), ..Objective::default() })));
    }

    /// Applies `mine` and `theirs` to copies of the base, absorbs, and compares the clashes.
    fn check(
        mine: impl FnOnce(&mut Workspace),
        theirs: impl FnOnce(&mut Workspace),
        expected_clashes: &[(&str, &str)],
    ) -> Absorbed {
        let b = base();
        let (mut m, mut t) = (b.clone(), b.clone());
        mine(&mut m);
        theirs(&mut t);
        let out = absorb(&b, &m, &t);
        let clashes: Vec<(&str, &str)> = out.clashes.iter().map(|c| (c.label.as_str(), c.field.as_str())).collect();
        assert_eq!(clashes, expected_clashes);
        out
    }

    #[test]
    fn reviews_histories_and_templates_of_both_tabs_survive() {
        use crate::domain::date::Date;
        use crate::domain::history::ScorePoint;
        use crate::domain::reviews::Snapshot;
        use crate::domain::template::save_own;
        use crate::domain::tier::Tier;
        let day = |s: &str| Date::parse(s).unwrap();
        let hold = |ws: &mut Workspace, id: &str, on: &str| {
            assert!(ws.edit_plan(CARTECH, 30, |p| {
                p.hold_review(id.into(), day(on), "Anna", Snapshot::default());
            }));
        };
        let point = |ws: &mut Workspace, on: &str, score: u8| {
            let i = ws.accounts.iter().position(|a| a.id == VICOM).unwrap();
            std::sync::Arc::make_mut(&mut ws.accounts[i]).history.push(ScorePoint(day(on), Some(score), Tier::Watch));
        };
        let shelve = |ws: &mut Workspace, id: &str, name: &str| {
            let plan = ws.plan(CARTECH).unwrap().clone();
            let mut n = 0;
            let ids = || {
                n += 1;
                format!("{id}-{n}")
            };
            let t = save_own(&plan, name, &ws.templates, day("2026-11-29"), id.into(), ids).unwrap();
            ws.templates.push(t);
        };
        let out = check(
            |m| {
                hold(m, "r-mine", "2026-12-01");
                point(m, "2026-12-01", 55);
                shelve(m, "t-mine", "Mine");
            },
            |t| {
                hold(t, "r-theirs", "2026-12-02");
                point(t, "2026-12-02", 52);
                shelve(t, "t-theirs", "Theirs");
            },
            // Each review planned the next one: the stored tab's date stays, and that is said.
            &[("Cartech", "review.next")],
        );
        let ws = out.workspace;
        let held: Vec<&str> = ws.plan(CARTECH).unwrap().reviews.iter().map(|r| r.id.as_str()).collect();
        assert!(held.contains(&"r-mine") && held.contains(&"r-theirs"), "{held:?}");
        let days: Vec<String> = ws.find(VICOM).unwrap().history.iter().map(|p| p.day().to_string()).collect();
        assert!(days.ends_with(&["2026-12-01".to_string(), "2026-12-02".to_string()]), "{days:?}");
        let names: Vec<&str> = ws.templates.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Theirs", "Mine"]);
    }

    #[test]
    fn with_nothing_changed_here_the_stored_workspace_is_taken_as_it_is() {
        let out = check(|_| {}, |t| set(t, VICOM, |f| f.owner = "Anna".into()), &[]);
        let mut t = base();
        set(&mut t, VICOM, |f| f.owner = "Anna".into());
        // Exactly equal, so the tab does not write it back (no ping-pong between tabs).
        assert_eq!(out.workspace, t);
    }

    #[test]
    fn catalogues_stakeholders_and_whitespace_of_both_tabs_survive() {
        use crate::domain::stakeholder::Stakeholder;
        use crate::domain::whitespace::{CellStatus, Offering};
        let offering = |id: &str| Offering { id: id.into(), name: id.to_uppercase(), ..Offering::default() };
        let person = |id: &str| Stakeholder { id: id.into(), name: id.into(), ..Stakeholder::default() };
        let out = check(
            |m| {
                m.save_offering(offering("erp"));
                m.set_cell(VICOM, "erp", Some(CellStatus::Potential), Some(5.0), 9);
                m.save_stakeholder(VICOM, person("eva"), 9).unwrap();
            },
            |t| {
                t.save_offering(offering("wms"));
                t.set_cell(VICOM, "wms", Some(CellStatus::InUse), None, 9);
                t.save_stakeholder(VICOM, person("jan"), 9).unwrap();
            },
            &[],
        );
        let ws = out.workspace;
        let ids = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
        let all = ids(ws.offerings.iter().map(|o| o.id.as_str()).collect());
        assert_eq!(all[all.len() - 2..], ["wms", "erp"], "the sample's catalogue, then both tabs' offerings");
        let vicom = ws.find(VICOM).unwrap();
        let cells: Vec<&str> = vicom.whitespace.iter().map(|c| c.id.as_str()).collect();
        assert!(cells.contains(&"erp") && cells.contains(&"wms"), "{cells:?}");
        let people: Vec<&str> = vicom.stakeholders.iter().map(|p| p.id.as_str()).collect();
        assert!(people.contains(&"eva") && people.contains(&"jan"), "{people:?}");
    }

    /// Lists and links are written only when set, so one tab's first stakeholder or new parent
    /// is a key the other tab's record lacks: it must survive an edit there, without a clash.
    /// A stakeholder deleted in one tab stays deleted and the deletion is remembered.
    #[test]
    fn a_first_stakeholder_a_parent_and_a_deletion_survive_an_edit_in_the_other_tab() {
        use crate::domain::stakeholder::Stakeholder;
        let person = Stakeholder { id: "eva".into(), name: "Eva".into(), ..Stakeholder::default() };
        let out = check(
            |m| {
                assert_eq!(m.save_stakeholder("sample-03-noordzee", person, 9), Ok(true));
                assert_eq!(m.set_parent("sample-04-brabant", Some("sample-03-noordzee"), 9), Ok(true));
                let first = m.find(VICOM).unwrap().stakeholders[0].id.clone();
                assert!(m.remove_stakeholder(VICOM, &first, 9).is_some());
            },
            |t| {
                set(t, "sample-03-noordzee", |f| f.owner = "Anna".into());
                set(t, "sample-04-brabant", |f| f.owner = "Anna".into());
                set(t, VICOM, |f| f.owner = "Anna".into());
            },
            &[],
        );
        let ws = out.workspace;
        let noordzee = ws.find("sample-03-noordzee").unwrap();
        assert_eq!((noordzee.stakeholders.len(), noordzee.fields.owner.as_str()), (1, "Anna"));
        assert_eq!(ws.find("sample-04-brabant").unwrap().parent.as_deref(), Some("sample-03-noordzee"));
        let vicom = ws.find(VICOM).unwrap();
        assert_eq!(vicom.stakeholders.len(), 2, "one of the sample's three deleted");
        assert_eq!(vicom.removed.len(), 1, "and remembered for colleagues' merges");
        assert!(!vicom.dots.contains_key("removed"), "bookkeeping, not a field");
    }

    #[test]
    fn edits_to_different_records_and_fields_both_survive() {
        let out = check(
            |m| {
                set(m, VICOM, |f| f.notes = "Call back".into());
                set(m, CARTECH, |f| f.owner = "Bram".into());
            },
            |t| set(t, VICOM, |f| f.revenue = Some(2_000_000.0)),
            &[],
        );
        let ws = out.workspace;
        let vicom = ws.find(VICOM).unwrap();
        assert_eq!((vicom.fields.notes.as_str(), vicom.fields.revenue), ("Call back", Some(2_000_000.0)));
        assert_eq!(ws.find(CARTECH).unwrap().fields.owner, "Bram");
    }

    #[test]
    fn a_merged_record_is_a_new_revision_that_colleagues_see_as_news() {
        let out = check(
            |m| set(m, VICOM, |f| f.notes = "Call back".into()),
            |t| set(t, VICOM, |f| f.revenue = Some(2_000_000.0)),
            &[],
        );
        let mut t = base();
        set(&mut t, VICOM, |f| f.revenue = Some(2_000_000.0));
        let (stored, merged) = (t.find(VICOM).unwrap(), out.workspace.find(VICOM).unwrap().clone());
        assert!(merged.rev.includes(&stored.rev) && merged.rev != stored.rev);
        assert!(merged.rev.has_seen(merged.dots.get("notes")));
        assert!(!stored.rev.has_seen(merged.dots.get("notes")), "the notes edit is news to a copy of the stored one");
        assert_eq!(merged.dots.get("revenue"), stored.dots.get("revenue"));
    }

    #[test]
    fn the_same_field_changed_in_both_tabs_keeps_the_stored_value_and_says_so() {
        let out = check(
            |m| set(m, VICOM, |f| f.owner = "Bram".into()),
            |t| set(t, VICOM, |f| f.owner = "Anna".into()),
            &[("Vicom", "owner")],
        );
        assert_eq!(out.workspace.find(VICOM).unwrap().fields.owner, "Anna");
    }

    #[test]
    fn objectives_added_to_one_plan_in_two_tabs_are_both_kept() {
        let out = check(|m| add_objective(m, "o-here"), |t| add_objective(t, "o-there"), &[]);
        let ids: Vec<&str> = out.workspace.plan(CARTECH).unwrap().objectives.iter().map(|o| o.id.as_str()).collect();
        assert!(ids.ends_with(&["o-there", "o-here"]), "{ids:?}");
    }

    #[test]
    fn a_deletion_wins_over_nothing_but_not_over_an_edit() {
        // Deleted here, untouched there: gone, plan and all.
        let out = check(|m| drop(m.remove(CARTECH, 5)), |t| set(t, VICOM, |f| f.owner = "Anna".into()), &[]);
        assert!(out.workspace.find(CARTECH).is_none() && out.workspace.plan(CARTECH).is_none());
        assert!(out.workspace.tombstones.iter().any(|g| g.id == CARTECH));
        // Deleted there, changed here: kept and reported.
        let out = check(|m| set(m, VICOM, |f| f.owner = "Bram".into()), |t| drop(t.remove(VICOM, 5)), &[("Vicom", "")]);
        assert_eq!(out.workspace.find(VICOM).unwrap().fields.owner, "Bram");
        assert!(!out.workspace.tombstones.iter().any(|g| g.id == VICOM), "no tombstone for a living account");
    }

    fn key_at(key: u8) -> crate::domain::scoring::Thresholds {
        crate::domain::scoring::Thresholds::new(key, 40).expect("valid thresholds")
    }

    #[test]
    fn scoring_changed_in_both_tabs_keeps_the_stored_settings() {
        let out = check(
            |m| m.edit_scoring(|s| s.thresholds = key_at(70)),
            |t| t.edit_scoring(|s| s.thresholds = key_at(60)),
            &[("", "scoring")],
        );
        assert_eq!(out.workspace.scoring.thresholds.key(), 60);
        let out = check(|m| m.edit_scoring(|s| s.thresholds = key_at(70)), |_| {}, &[]);
        assert_eq!(out.workspace.scoring.thresholds.key(), 70);
    }
}
