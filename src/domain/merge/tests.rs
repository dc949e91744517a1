use super::*;
use crate::domain::account::AccountFields;
use crate::domain::criteria::Criterion;
use crate::domain::date::Date;
use crate::domain::plan::Objective;
use crate::domain::sample::sample_portfolio;
use crate::domain::share::{export, parse, to_json};
use crate::domain::stakeholder::Stakeholder;

fn colleague(name: &str) -> Workspace {
    let mut ws = Workspace::default();
    ws.ensure_profile(|| name.to_string());
    ws.profile.display_name = name.to_uppercase();
    ws
}

/// Exports `from` to a file (JSON and back, as colleagues do) and reviews it against `to`.
fn review_file(from: &Workspace, to: &Workspace) -> (Shared, Vec<Item>) {
    let text = to_json(&export(from, None, "2026-11-27T12:00:00Z", "test"));
    let shared = parse(&text).expect("our own export parses").data;
    let items = review(to, &shared);
    (shared, items)
}

/// Imports `from` into `to` with the review's defaults; returns the review. Every import is
/// also applied in slices (of one item, and of three), which must give the same workspace.
fn sync(from: &Workspace, to: &mut Workspace) -> Vec<Item> {
    let (shared, items) = review_file(from, to);
    let whole = apply(to, &shared, &items);
    for max in [1, 3] {
        let mut sliced = to.clone();
        let mut merging = Merging::new(&items, Authors { mine: "1".into(), theirs: "2".into() });
        let mut steps = 0;
        while let Some((done, total)) = merging.step(&mut sliced, &shared, max) {
            assert!(done < total);
            steps += 1;
        }
        assert_eq!(steps, items.len().div_ceil(max).saturating_sub(1), "one step per slice");
        assert_eq!(sliced, whole, "applied {max} item(s) at a time");
    }
    *to = whole;
    items
}

fn changes(items: &[Item]) -> Vec<(String, Change)> {
    let mut v: Vec<(String, Change)> = items
        .iter()
        .filter(|i| i.change != Change::Unchanged)
        .map(|i| (format!("{:?}:{}", i.kind, i.label), i.change))
        .collect();
    v.sort();
    v
}

fn account<'a>(ws: &'a Workspace, id: &str) -> &'a AccountFields {
    &ws.find(id).unwrap_or_else(|| panic!("{id} missing")).fields
}

const VICOM: &str = "sample-01-vicom";
const CARTECH: &str = "sample-02-cartech";
const POLDER: &str = "sample-08-polder";

fn started() -> (Workspace, Workspace) {
    let mut a = colleague("a");
    a.load_sample(sample_portfolio(1_795_737_600_000));
    let mut b = colleague("b");
    let first = sync(&a, &mut b);
    assert!(first
        .iter()
        .filter(|i| !matches!(i.kind, RecordKind::Scoring | RecordKind::Catalogue))
        .all(|i| i.change == Change::New));
    (a, b)
}

fn set(ws: &mut Workspace, id: &str, change: impl FnOnce(&mut AccountFields)) {
    let mut f = ws.find(id).unwrap().fields.clone();
    change(&mut f);
    assert!(ws.update_fields(id, f, 10));
}

#[test]
fn a_first_import_brings_everything_and_a_second_changes_nothing() {
    let (a, mut b) = started();
    assert_eq!(b.accounts, a.accounts);
    assert_eq!(b.plans, a.plans);
    assert_eq!(b.scoring, a.scoring);
    let again = sync(&a, &mut b);
    assert!(changes(&again).is_empty(), "{:?}", changes(&again));
    assert!(again.iter().all(|i| !i.changes_mine()));
}

#[test]
fn who_changed_what_is_told_apart_field_by_field() {
    let (mut a, mut b) = started();
    set(&mut a, VICOM, |f| f.revenue = Some(2_000_000.0)); // only they (a) change Vicom's revenue
    set(&mut b, CARTECH, |f| f.owner = "Bram".into()); // only I (b) change Cartech's owner
    set(&mut a, "sample-03-noordzee", |f| f.sector = "Transport".into()); // both change Noordzee,
    set(&mut b, "sample-03-noordzee", |f| f.notes = "New contact".into()); // different fields

    let (shared, items) = review_file(&a, &b);
    assert_eq!(
        changes(&items),
        vec![
            ("Account:Cartech".into(), Change::ChangedHere),
            ("Account:Noordzee Logistics".into(), Change::ChangedBoth),
            ("Account:Vicom".into(), Change::ChangedThere),
        ]
    );
    let noordzee = items.iter().find(|i| i.id == "sample-03-noordzee").unwrap();
    let fields: Vec<(&str, Option<Pick>)> = noordzee.fields.iter().map(|f| (f.field.as_str(), f.auto)).collect();
    assert_eq!(fields, vec![("notes", Some(Pick::Mine)), ("sector", Some(Pick::Theirs))]);

    b = apply(&b, &shared, &items);
    assert_eq!(account(&b, VICOM).revenue, Some(2_000_000.0));
    assert_eq!(account(&b, CARTECH).owner, "Bram");
    assert_eq!(
        (account(&b, "sample-03-noordzee").sector.as_str(), account(&b, "sample-03-noordzee").notes.as_str()),
        ("Transport", "New contact")
    );

    // Back the other way, nothing conflicts and a ends up with the same.
    let back = sync(&b, &mut a);
    assert!(!back.iter().any(|i| i.change == Change::Conflict));
    assert_eq!(a.accounts, b.accounts);
}

#[test]
fn the_same_field_changed_on_both_sides_is_a_conflict_resolved_once() {
    let (mut a, mut b) = started();
    set(&mut a, VICOM, |f| f.owner = "Anna".into());
    set(&mut b, VICOM, |f| f.owner = "Bram".into());
    let (shared, mut items) = review_file(&a, &b);
    assert_eq!(changes(&items), vec![("Account:Vicom".into(), Change::Conflict)]);
    let vicom = items.iter_mut().find(|i| i.id == VICOM).unwrap();
    assert_eq!(vicom.fields[0].field, "owner");
    assert_eq!(
        (vicom.fields[0].mine.clone(), vicom.fields[0].theirs.clone()),
        (Value::from("Bram"), Value::from("Anna"))
    );
    assert_eq!(vicom.fields[0].pick, Pick::Mine, "a conflict keeps mine unless told otherwise");
    vicom.fields[0].pick = Pick::Theirs;
    b = apply(&b, &shared, &items);
    assert_eq!(account(&b, VICOM).owner, "Anna");
    // b took a's value: a has nothing new to see, and the two agree.
    assert!(changes(&sync(&b, &mut a)).is_empty());
    assert_eq!(a.accounts, b.accounts);

    // Had b kept its own value, that resolution reaches a without a second conflict.
    let (mut a, mut b) = started();
    set(&mut a, VICOM, |f| f.owner = "Anna".into());
    set(&mut b, VICOM, |f| f.owner = "Bram".into());
    let items = sync(&a, &mut b);
    assert_eq!(changes(&items), vec![("Account:Vicom".into(), Change::Conflict)]);
    assert_eq!(account(&b, VICOM).owner, "Bram");
    let back = sync(&b, &mut a);
    assert_eq!(changes(&back), vec![("Account:Vicom".into(), Change::ChangedThere)]);
    assert_eq!(account(&a, VICOM).owner, "Bram");
    assert!(changes(&sync(&a, &mut b)).is_empty());
}

#[test]
fn deletions_travel_and_old_files_do_not_resurrect() {
    let (mut a, mut b) = started();
    let old_file_of_b = b.clone();
    a.remove(POLDER, 20);
    let items = sync(&a, &mut b);
    assert_eq!(changes(&items), vec![("Account:Polder Bouw".into(), Change::DeletedThere)]);
    assert!(b.find(POLDER).is_none());

    // An old file that still has Polder does not bring it back, at either colleague.
    for ws in [&mut a, &mut b] {
        let items = sync(&old_file_of_b, ws);
        assert_eq!(changes(&items), vec![("Account:Polder Bouw".into(), Change::ChangedHere)]);
        assert!(ws.find(POLDER).is_none());
    }
}

#[test]
fn an_edit_against_a_deletion_is_a_conflict() {
    let (mut a, mut b) = started();
    a.remove(POLDER, 20);
    set(&mut b, POLDER, |f| f.notes = "Big new project".into());
    let (shared, items) = review_file(&a, &b);
    assert_eq!(changes(&items), vec![("Account:Polder Bouw".into(), Change::Conflict)]);
    b = apply(&b, &shared, &items);
    assert_eq!(account(&b, POLDER).notes, "Big new project", "kept by default");
    // Kept against the deletion: the other side now sees a newer record, not a conflict.
    let back = sync(&b, &mut a);
    assert_eq!(changes(&back), vec![("Account:Polder Bouw".into(), Change::Conflict)]);
    // …which a resolves by taking it back.
    let (shared, mut items) = review_file(&b, &a);
    items.iter_mut().for_each(|i| i.choose(Pick::Theirs));
    a = apply(&a, &shared, &items);
    assert_eq!(account(&a, POLDER).notes, "Big new project");
    assert!(changes(&sync(&a, &mut b)).is_empty());
    assert!(changes(&sync(&b, &mut a)).is_empty());
}

fn add_objective(ws: &mut Workspace, id: &str, what: &str) {
    assert!(ws.edit_plan(CARTECH, 30, |p| p.objectives.push(Objective {
        id: id.into(),
        what: what.into(),
        ..Objective::default()
    })));
}

#[test]
fn plan_lists_changed_on_both_sides_combine() {
    let (mut a, mut b) = started();
    add_objective(&mut a, "oa", "Enter Germany");
    add_objective(&mut b, "ob", "Second plant");
    b.edit_plan(CARTECH, 31, |p| {
        p.kpis[0].record(crate::domain::plan::Measurement { date: Date::parse("2026-11-20").unwrap(), value: 64.0 })
    });
    a.edit_plan(CARTECH, 31, |p| {
        p.kpis[0].record(crate::domain::plan::Measurement { date: Date::parse("2026-11-21").unwrap(), value: 65.0 })
    });
    let items = sync(&a, &mut b);
    let plan = items.iter().find(|i| i.kind == RecordKind::Plan).unwrap();
    assert_eq!(plan.change, Change::Conflict);
    assert!(plan.fields.iter().all(|f| f.combinable && f.pick == Pick::Both), "{:?}", plan.fields);
    let p = b.plan(CARTECH).unwrap();
    let whats: Vec<&str> = p.objectives.iter().map(|o| o.what.as_str()).collect();
    assert!(whats.contains(&"Enter Germany") && whats.contains(&"Second plant"), "{whats:?}");
    assert_eq!(p.kpis[0].measurements.len(), 6, "4 shared + one each");
    // Combined once, agreed after.
    sync(&b, &mut a);
    assert_eq!(a.plan(CARTECH), b.plan(CARTECH));
}

fn add_person(ws: &mut Workspace, id: &str, name: &str) {
    let person = Stakeholder { id: id.into(), name: name.into(), ..Stakeholder::default() };
    assert_eq!(ws.save_stakeholder(VICOM, person, 30), Ok(true));
}

#[test]
fn stakeholder_maps_changed_on_both_sides_combine_person_by_person() {
    let (mut a, mut b) = started();
    add_person(&mut a, "pa", "Eva de Vries");
    add_person(&mut b, "pb", "Jan Smit");
    let items = sync(&a, &mut b);
    let vicom = items.iter().find(|i| i.kind == RecordKind::Account && i.id == VICOM).unwrap();
    assert_eq!(vicom.change, Change::Conflict);
    let field = vicom.fields.iter().find(|f| f.field == "stakeholders").unwrap();
    assert!(field.combinable && field.pick == Pick::Both, "{field:?}");
    let names = |ws: &Workspace| -> Vec<String> {
        ws.find(VICOM).unwrap().stakeholders.iter().map(|p| p.name.clone()).collect()
    };
    let got = names(&b);
    assert!(got.contains(&"Eva de Vries".to_string()) && got.contains(&"Jan Smit".to_string()), "{got:?}");
    assert_eq!(got.len(), 3 + 2, "Vicom's three from the sample, and one each");
    // Combined once, agreed after; an edit to one person then travels as a change there.
    sync(&b, &mut a);
    assert_eq!(a.find(VICOM), b.find(VICOM));
    let mut eva = a.find(VICOM).unwrap().stakeholders.iter().find(|p| p.id == "pa").unwrap().clone();
    eva.attitude = crate::domain::stakeholder::Attitude::Champion;
    assert_eq!(a.save_stakeholder(VICOM, eva, 40), Ok(true));
    assert_eq!(changes(&sync(&a, &mut b)), vec![("Account:Vicom".into(), Change::ChangedThere)]);
    assert_eq!(a.find(VICOM), b.find(VICOM));
}

fn people(ws: &Workspace) -> Vec<String> {
    ws.find(VICOM).unwrap().stakeholders.iter().map(|p| p.id.clone()).collect()
}

/// A person deleted on one side while the other added someone: "combine both" keeps the new
/// person and does not bring the deleted one back, on either side, and the map then agrees.
#[test]
fn a_deleted_stakeholder_stays_deleted_when_maps_combine() {
    use crate::domain::whitespace::CellStatus;
    let (mut a, mut b) = started();
    add_person(&mut a, "pa", "Eva de Vries");
    sync(&a, &mut b);
    let gone = people(&a)[0].clone();
    assert!(a.remove_stakeholder(VICOM, &gone, 40).is_some());
    assert!(a.set_cell(VICOM, "sample-off-train", None, None, 40), "a clears a whitespace cell too");
    add_person(&mut b, "pb", "Jan Smit");
    assert!(b.set_cell(VICOM, "sample-off-track", Some(CellStatus::Potential), None, 40));
    let items = sync(&a, &mut b);
    let vicom = items.iter().find(|i| i.kind == RecordKind::Account && i.id == VICOM).unwrap();
    assert_eq!(vicom.change, Change::Conflict, "both changed the map");
    let got = people(&b);
    assert!(!got.contains(&gone) && got.contains(&"pa".into()) && got.contains(&"pb".into()), "{got:?}");
    let cells: Vec<String> = b.find(VICOM).unwrap().whitespace.iter().map(|c| c.id.clone()).collect();
    assert!(!cells.contains(&"sample-off-train".into()) && cells.contains(&"sample-off-track".into()), "{cells:?}");
    // Back the other way: a's copy gets Jan and the consulting cell, and stays without the deleted ones.
    sync(&b, &mut a);
    assert_eq!(a.find(VICOM), b.find(VICOM));
    assert!(!people(&a).contains(&gone));
}

/// Someone who saw a deletion and adds the person back (an undo, say) keeps them; an old copy
/// from before the deletion does not.
#[test]
fn a_person_added_back_after_the_deletion_was_seen_stays() {
    let (mut a, mut b) = started();
    let gone = people(&a)[0].clone();
    let (at, person) = a.remove_stakeholder(VICOM, &gone, 40).unwrap();
    sync(&a, &mut b);
    assert!(!people(&b).contains(&gone), "the deletion travelled");
    // b brings the person back knowingly; a meanwhile edits someone else.
    assert!(b.restore_stakeholder(VICOM, at, person, 50));
    add_person(&mut a, "pa", "Eva de Vries");
    sync(&b, &mut a);
    assert!(people(&a).contains(&gone), "added again after seeing the deletion: kept");
    assert!(a.find(VICOM).unwrap().removed.is_empty(), "no deletion remembered for a living person");
}

#[test]
fn catalogues_and_whitespace_merge_offering_by_offering() {
    use crate::domain::whitespace::{whitespace_value, CellStatus, Offering};
    let (mut a, mut b) = started();
    let offering = |id: &str, typical: f64| Offering {
        id: id.into(),
        name: id.to_uppercase(),
        family: "Software".into(),
        typical_value: Some(typical),
    };
    a.save_offering(offering("erp", 50_000.0));
    b.save_offering(offering("wms", 30_000.0));
    assert!(a.set_cell(VICOM, "erp", Some(CellStatus::Potential), None, 30));
    assert!(b.set_cell(VICOM, "wms", Some(CellStatus::InDiscussion), Some(45_000.0), 30));
    let items = sync(&a, &mut b);
    let catalogue = items.iter().find(|i| i.kind == RecordKind::Catalogue).unwrap();
    assert_eq!(catalogue.change, Change::Conflict);
    assert_eq!(catalogue.fields[0].pick, Pick::Both, "both sides' offerings by default");
    let names: Vec<&str> = b.offerings.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(names[names.len() - 2..], ["wms", "erp"], "the sample's, mine, then theirs");
    let vicom = b.find(VICOM).unwrap();
    // The sample's €15,000 of training, ERP at its typical €50,000, WMS at €45,000.
    assert_eq!(whitespace_value(&vicom.whitespace, &b.offerings), 110_000.0);
    // Combined once, agreed after.
    sync(&b, &mut a);
    assert_eq!((a.offerings.clone(), a.find(VICOM)), (b.offerings.clone(), b.find(VICOM)));
    assert_eq!(changes(&sync(&a, &mut b)), Vec::new());
}

#[test]
fn scoring_settings_merge_as_one_record() {
    let (mut a, mut b) = started();
    a.edit_scoring(|s| s.weights.set(Criterion::RevenueVolume, 40));
    let items = sync(&a, &mut b);
    assert_eq!(changes(&items), vec![("Scoring:".into(), Change::ChangedThere)]);
    assert_eq!(b.scoring, a.scoring);
    b.edit_scoring(|s| s.weights.set(Criterion::ProductFit, 30));
    a.edit_scoring(|s| s.weights.set(Criterion::ProductFit, 10));
    assert_eq!(changes(&sync(&a, &mut b)), vec![("Scoring:".into(), Change::Conflict)]);
}

/// Three colleagues pass files round-robin while editing concurrently, each accepting the
/// review's defaults. Nobody's field is lost, every true conflict is surfaced, and after a
/// few rounds all three agree.
#[test]
fn three_colleagues_round_robin() {
    let (mut a, mut b) = started();
    let mut c = colleague("c");
    sync(&a, &mut c);

    set(&mut a, VICOM, |f| f.revenue = Some(2_100_000.0));
    set(&mut b, VICOM, |f| f.notes = "Renewal talks in March".into());
    c.remove(POLDER, 40);
    add_objective(&mut a, "oa", "Enter Germany");
    add_objective(&mut b, "ob", "Second plant");
    add_person(&mut a, "pa", "Eva de Vries");
    add_person(&mut c, "pc", "Cor Jansen");
    let gone = people(&b)[0].clone();
    assert!(b.remove_stakeholder(VICOM, &gone, 40).is_some());
    set(&mut a, CARTECH, |f| f.owner = "Anna".into());
    set(&mut c, CARTECH, |f| f.owner = "Cas".into());
    let new = crate::domain::account::Account::new(
        "c-new".into(),
        AccountFields { name: "Zenit".into(), ..Default::default() },
        50,
    );
    c.add(new);

    let mut conflicts = Vec::new();
    for _ in 0..3 {
        for (from, to) in [(0, 1), (1, 2), (2, 0)] {
            let snapshot = [&a, &b, &c][from].clone();
            let target = [&mut a, &mut b, &mut c].into_iter().nth(to).unwrap();
            let items = sync(&snapshot, target);
            conflicts.extend(items.iter().filter(|i| i.change == Change::Conflict).map(|i| (to, i.label.clone())));
        }
    }

    for ws in [&a, &b, &c] {
        assert_eq!(account(ws, VICOM).revenue, Some(2_100_000.0), "a's revenue survives");
        assert_eq!(account(ws, VICOM).notes, "Renewal talks in March", "b's notes survive");
        assert!(ws.find(POLDER).is_none(), "c's deletion holds");
        assert!(ws.find("c-new").is_some(), "c's new account arrives");
        let whats: Vec<&str> = ws.plan(CARTECH).unwrap().objectives.iter().map(|o| o.what.as_str()).collect();
        assert!(whats.contains(&"Enter Germany") && whats.contains(&"Second plant"), "{whats:?}");
        let people: Vec<&str> = ws.find(VICOM).unwrap().stakeholders.iter().map(|p| p.name.as_str()).collect();
        assert!(people.contains(&"Eva de Vries") && people.contains(&"Cor Jansen"), "{people:?}");
        assert!(!self::people(ws).contains(&gone), "b's deleted stakeholder stays deleted");
    }
    // The owner was changed by a and c concurrently: that conflict was put to someone.
    assert!(conflicts.iter().any(|(_, label)| label == "Cartech"), "{conflicts:?}");
    // And in the end everybody agrees on every record.
    assert_eq!(a.accounts, b.accounts);
    assert_eq!(b.accounts, c.accounts);
    assert_eq!(a.plans, c.plans);
}

#[test]
fn notes_written_on_both_sides_can_be_combined_marked_with_who_wrote_which() {
    let (mut a, mut b) = started();
    set(&mut a, CARTECH, |f| f.notes = "Anna met the CFO.".into());
    set(&mut b, CARTECH, |f| f.notes = "Bram heard about a new plant.".into());
    let (shared, mut items) = review_file(&a, &b);
    let item = items.iter_mut().find(|i| i.id == CARTECH && i.kind == RecordKind::Account).unwrap();
    assert_eq!(item.change, Change::Conflict);
    let notes = item.fields.iter_mut().find(|f| f.field == "notes").unwrap();
    assert!(notes.combinable, "free text in conflict can be combined");
    assert_eq!(notes.pick, Pick::Mine, "by default a conflict keeps mine");
    notes.pick = Pick::Both;
    let authors = Authors { mine: "Bram".into(), theirs: "Anna".into() };
    let merged = apply_with(&b, &shared, &items, &authors);
    assert_eq!(account(&merged, CARTECH).notes, "Bram: Bram heard about a new plant.\n\nAnna: Anna met the CFO.");
    // The combination is a new edit of Bram's, so it travels back to Anna as a change there.
    let (_, back) = review_file(&merged, &a);
    let cartech = back.iter().find(|i| i.id == CARTECH && i.kind == RecordKind::Account).unwrap();
    assert_eq!(cartech.change, Change::ChangedThere);
}

/// A colleague's file brings their reviews (added to mine, none lost), their days of score
/// history (mine kept on a day both recorded) and their own templates; nothing of this asks
/// for a decision in the review.
#[test]
fn reviews_histories_and_templates_travel_in_files_and_only_add() {
    use crate::domain::history::ScorePoint;
    use crate::domain::reviews::Snapshot;
    use crate::domain::template::save_own;
    use crate::domain::tier::Tier;
    let day = |s: &str| Date::parse(s).unwrap();
    let mut anna = colleague("anna");
    anna.load_sample(sample_portfolio(1_795_737_600_000));
    let mut bram = colleague("bram");
    sync(&anna, &mut bram);
    let point = |ws: &mut Workspace, on: &str, score: u8| {
        let i = ws.accounts.iter().position(|a| a.id == VICOM).unwrap();
        std::sync::Arc::make_mut(&mut ws.accounts[i]).history.push(ScorePoint(day(on), Some(score), Tier::Watch));
    };
    assert!(anna.edit_plan(CARTECH, 5, |p| {
        p.hold_review("r-anna".into(), day("2026-12-01"), "Anna", Snapshot::default());
    }));
    assert!(bram.edit_plan(CARTECH, 6, |p| {
        p.hold_review("r-bram".into(), day("2026-12-03"), "Bram", Snapshot::default());
    }));
    point(&mut anna, "2026-12-01", 55);
    point(&mut anna, "2026-12-03", 50);
    point(&mut bram, "2026-12-03", 51);
    let plan = anna.plan(CARTECH).unwrap().clone();
    let mut n = 0;
    let ids = || {
        n += 1;
        format!("ta-{n}")
    };
    anna.templates.push(save_own(&plan, "Anna's expand", &[], day("2026-12-01"), "t-anna".into(), ids).unwrap());

    let items = sync(&anna, &mut bram);
    let cartech = items.iter().find(|i| i.id == CARTECH && i.kind == RecordKind::Plan).unwrap();
    let fields: Vec<(&str, Pick)> = cartech.fields.iter().map(|f| (f.field.as_str(), f.pick)).collect();
    // Each planned its next review on the day it held one: that date is a conflict, mine kept.
    assert_eq!(fields, [("review", Pick::Mine), ("reviews", Pick::Both)]);
    let vicom = items.iter().find(|i| i.id == VICOM && i.kind == RecordKind::Account).unwrap();
    assert!(vicom.fields.is_empty(), "a history is not a field to decide on: {:?}", vicom.fields);
    let held: Vec<&str> = bram.plan(CARTECH).unwrap().reviews.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(held, ["sample-r1", "r-anna", "r-bram"], "in the order they were held");
    let history: Vec<(String, Option<u8>)> =
        bram.find(VICOM).unwrap().history.iter().map(|p| (p.day().to_string(), p.score())).collect();
    assert!(history.ends_with(&[("2026-12-01".into(), Some(55)), ("2026-12-03".into(), Some(51))]), "{history:?}");
    assert_eq!(bram.templates.len(), 1);
    // The same file again adds nothing.
    let before = bram.clone();
    sync(&anna, &mut bram);
    assert_eq!(bram.templates, before.templates);
    assert_eq!(bram.plan(CARTECH).unwrap().reviews.len(), 3);
}
