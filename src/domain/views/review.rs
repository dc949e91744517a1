//! The import review as people read it: each differing field named by its place in the
//! record, each value typed (money, a date, a status, a list of items…) so the catalog can
//! show it the way the rest of the app does — never as JSON.

use std::collections::HashMap;

use serde_json::Value;

use crate::domain::account::{AccountField, Assessment, FieldKind, Stage, Status};
use crate::domain::criteria::{Criterion, Question};
use crate::domain::date::Date;
use crate::domain::merge::{Change, FieldDiff, Item, Pick};
use crate::domain::plan::{PlanPart, Promotion, Quadrant, Review, Swot};
use crate::domain::scoring::ScoringSettings;
use crate::domain::sync::{from_tree, RecordKind};
use crate::domain::validate::FieldSet;
use crate::domain::whitespace::{Cell, CellStatus, Offering};

/// Which part of a record a difference is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldName {
    Account(AccountField),
    /// Checklist answers and ratings set by hand.
    Assessment,
    Plan(PlanPart),
    /// Columns of a CRM export kept with the account.
    Extra,
    /// The summary of an imported deal history.
    Deals,
    /// The account's stakeholder map.
    Stakeholders,
    /// The account's parent in a group.
    Parent,
    /// The account's whitespace cells.
    Whitespace,
    /// The workspace's catalogue of offerings.
    Offerings,
    Scoring,
    /// A key this version does not know.
    Other(String),
}

impl FieldName {
    pub fn of(kind: RecordKind, key: &str) -> FieldName {
        match kind {
            RecordKind::Scoring => FieldName::Scoring,
            RecordKind::Account if key == "assessment" => FieldName::Assessment,
            RecordKind::Account if key == "extra" => FieldName::Extra,
            RecordKind::Account if key == "deals" => FieldName::Deals,
            RecordKind::Account if key == "stakeholders" => FieldName::Stakeholders,
            RecordKind::Account if key == "parent" => FieldName::Parent,
            RecordKind::Account if key == "whitespace" => FieldName::Whitespace,
            RecordKind::Catalogue => FieldName::Offerings,
            RecordKind::Account => AccountField::from_key(key).map_or(FieldName::Other(key.into()), FieldName::Account),
            RecordKind::Plan => PlanPart::from_key(key).map_or(FieldName::Other(key.into()), FieldName::Plan),
        }
    }
}

/// A value as the review shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    Empty,
    Text(String),
    Number(f64),
    Money(f64),
    Percent(f64),
    Year(i32),
    Date(Date),
    Status(Status),
    Stage(Stage),
    /// A plan list, by its items' titles (meetings by their date).
    Items(Vec<Shown>),
    /// An account's whitespace: each cell's offering (its name, `None` when neither catalogue
    /// knows it), status and value.
    Cells(Vec<(Option<String>, CellStatus, Option<f64>)>),
    /// The checklist answers and hand-set ratings that differ between the two sides, as
    /// this side has them (`None`: not answered / suggested).
    Assessment {
        answers: Vec<(Question, Option<bool>)>,
        ratings: Vec<(Criterion, Option<u8>)>,
    },
    Promotion(Promotion),
    Review(Review),
    Swot(Vec<(Quadrant, String)>),
    Scoring(ScoringSettings),
    /// Extra fields as label and value.
    Extra(Vec<(String, String)>),
    Deals(Box<crate::domain::deals::DealSummary>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FieldRow {
    pub name: FieldName,
    pub mine: Shown,
    pub theirs: Shown,
    /// Both sides changed it: the user decides.
    pub conflict: bool,
    pub pick: Pick,
    /// "Combine both" is offered (plan lists).
    pub combinable: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    pub kind: RecordKind,
    pub id: String,
    /// The account's name.
    pub label: String,
    pub change: Change,
    pub pick: Pick,
    pub fields: Vec<FieldRow>,
}

/// Offering names by id, for whitespace cells: from my catalogue, then from the catalogue the
/// review brings (an offering only the colleague has is named too).
pub type OfferingNames = HashMap<String, String>;

pub fn offering_names(mine: &[Offering], items: &[Item]) -> OfferingNames {
    let mut names: OfferingNames = mine.iter().map(|o| (o.id.clone(), o.name.clone())).collect();
    let brought = items
        .iter()
        .flat_map(|i| &i.fields)
        .filter(|f| f.field == "offerings")
        .flat_map(|f| [&f.theirs, &f.mine])
        .filter_map(from_tree::<Vec<Offering>>)
        .flatten();
    for o in brought {
        names.entry(o.id).or_insert(o.name);
    }
    names
}

/// The review rows worth showing: every record that is not unchanged.
pub fn review_rows<'a>(items: &'a [Item], names: &'a OfferingNames) -> impl Iterator<Item = ReviewRow> + 'a {
    items.iter().filter(|i| i.change != Change::Unchanged).map(|i| review_row(i, names))
}

pub fn review_row(item: &Item, names: &OfferingNames) -> ReviewRow {
    ReviewRow {
        kind: item.kind,
        id: item.id.clone(),
        label: item.label.clone(),
        change: item.change,
        pick: item.pick,
        fields: item.fields.iter().map(|f| field_row(item.kind, f, names)).collect(),
    }
}

fn field_row(kind: RecordKind, f: &FieldDiff, names: &OfferingNames) -> FieldRow {
    let name = FieldName::of(kind, &f.field);
    let (mine, theirs) = match &name {
        FieldName::Assessment => assessments(&f.mine, &f.theirs),
        FieldName::Whitespace => (cells(&f.mine, names), cells(&f.theirs, names)),
        name => (shown(name, &f.mine), shown(name, &f.theirs)),
    };
    FieldRow { name, mine, theirs, conflict: f.auto.is_none(), pick: f.pick, combinable: f.combinable }
}

fn text(v: &Value) -> Shown {
    match v {
        Value::Null => Shown::Empty,
        Value::String(s) if s.trim().is_empty() => Shown::Empty,
        Value::String(s) => Shown::Text(s.clone()),
        Value::Number(n) => n.as_f64().map_or(Shown::Empty, Shown::Number),
        Value::Bool(b) => Shown::Text(b.to_string()),
        // Only a newer Keystone's unknown fields get here.
        other => Shown::Text(other.to_string()),
    }
}

fn shown(name: &FieldName, v: &Value) -> Shown {
    if v.is_null() {
        return Shown::Empty;
    }
    let number = || v.as_f64();
    match name {
        FieldName::Account(f) => match (f, f.kind()) {
            (AccountField::Status, _) => v.as_str().and_then(Status::from_slug).map_or_else(|| text(v), Shown::Status),
            (AccountField::Stage, _) => v.as_str().and_then(Stage::from_slug).map_or_else(|| text(v), Shown::Stage),
            (AccountField::Revenue | AccountField::Potential, _) => number().map_or_else(|| text(v), Shown::Money),
            (AccountField::Margin, _) => number().map_or_else(|| text(v), Shown::Percent),
            (_, FieldKind::Year) => v.as_i64().map_or_else(|| text(v), |y| Shown::Year(y as i32)),
            (_, FieldKind::Number) => number().map_or_else(|| text(v), Shown::Number),
            _ => text(v),
        },
        FieldName::Plan(PlanPart::Promotion) => from_tree::<Promotion>(v).map_or_else(|| text(v), Shown::Promotion),
        FieldName::Plan(PlanPart::Review) => from_tree::<Review>(v).map_or_else(|| text(v), Shown::Review),
        FieldName::Plan(PlanPart::Swot) => from_tree::<Swot>(v).map_or_else(
            || text(v),
            |s| {
                let lines: Vec<(Quadrant, String)> =
                    Quadrant::ALL.iter().flat_map(|&q| s.list(q).iter().map(move |x| (q, x.clone()))).collect();
                if lines.is_empty() {
                    Shown::Empty
                } else {
                    Shown::Swot(lines)
                }
            },
        ),
        FieldName::Plan(_) | FieldName::Stakeholders | FieldName::Whitespace | FieldName::Offerings => {
            match v.as_array() {
                Some(items) if items.is_empty() => Shown::Empty,
                Some(items) => Shown::Items(items.iter().map(item_title).collect()),
                None => text(v),
            }
        }
        FieldName::Scoring => from_tree::<ScoringSettings>(v).map_or_else(|| text(v), Shown::Scoring),
        FieldName::Extra => match from_tree::<Vec<crate::domain::account::Extra>>(v) {
            Some(list) if list.is_empty() => Shown::Empty,
            Some(list) => Shown::Extra(list.into_iter().map(|e| (e.label, e.value)).collect()),
            None => text(v),
        },
        FieldName::Deals => {
            from_tree::<crate::domain::deals::DealSummary>(v).map_or_else(|| text(v), |d| Shown::Deals(Box::new(d)))
        }
        FieldName::Assessment | FieldName::Parent | FieldName::Other(_) => text(v),
    }
}

/// Whitespace cells by their offering's name.
fn cells(v: &Value, names: &OfferingNames) -> Shown {
    match from_tree::<Vec<Cell>>(v) {
        Some(list) if list.is_empty() => Shown::Empty,
        Some(list) => Shown::Cells(list.into_iter().map(|c| (names.get(&c.id).cloned(), c.status, c.value)).collect()),
        None => text(v),
    }
}

/// A plan item by its title; a meeting by its date.
fn item_title(v: &Value) -> Shown {
    let Value::Object(o) = v else { return text(v) };
    for key in ["what", "title", "name", "need", "text"] {
        if let Some(s) = o.get(key).and_then(Value::as_str) {
            return Shown::Text(s.to_string());
        }
    }
    o.get("date").and_then(Value::as_str).and_then(|d| Date::parse(d).ok()).map_or(Shown::Empty, Shown::Date)
}

/// Both sides' assessments, narrowed to the answers and ratings that differ.
fn assessments(mine: &Value, theirs: &Value) -> (Shown, Shown) {
    let a: Assessment = from_tree(mine).unwrap_or_default();
    let b: Assessment = from_tree(theirs).unwrap_or_default();
    let questions: Vec<Question> = Question::ALL.into_iter().filter(|&q| a.answer(q) != b.answer(q)).collect();
    let criteria: Vec<Criterion> =
        Criterion::ALL.into_iter().filter(|c| a.overrides.get(c) != b.overrides.get(c)).collect();
    let side = |x: &Assessment| Shown::Assessment {
        answers: questions.iter().map(|&q| (q, x.answer(q))).collect(),
        ratings: criteria.iter().map(|c| (*c, x.overrides.get(c).copied())).collect(),
    };
    (side(&a), side(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::merge::review;
    use crate::domain::sample::sample_portfolio;
    use crate::domain::share::export;

    /// A colleague's copy of the sample, changed in every kind of field.
    fn rows() -> Vec<ReviewRow> {
        let mine = sample_portfolio(1_795_737_600_000);
        let mut theirs = mine.clone();
        theirs.profile.editor_id = "bram".into();
        let cartech = "sample-02-cartech";
        let today = Date::parse("2026-11-27").unwrap();
        let edit = |w: &mut crate::domain::workspace::Workspace| {
            let i = w.accounts.iter().position(|a| a.id == cartech).unwrap();
            let mut f = w.accounts[i].fields.clone();
            f.revenue = Some(700_000.0);
            f.stage = Some(Stage::Integrated);
            f.notes = "From Bram".into();
            w.update_fields(cartech, f, 5);
            w.set_answer(cartech, Question::FitNeeds, Some(false), 6);
            let extra = vec![crate::domain::account::Extra { label: "Employees".into(), value: "120".into() }];
            w.update_imported(cartech, Some(i), w.accounts[i].fields.clone(), extra, &[], &[], 6);
            w.set_deals(cartech, Some(crate::domain::deals::summary_for_tests(today)), 6);
            w.edit_plan(cartech, 7, |p| {
                p.swot.threats.push("New rival".into());
                p.review.next = Some(today);
            });
            // An offering only the colleague has, and two cells of Cartech's whitespace.
            let new = Offering { id: "off-bram".into(), name: "Predictive maintenance".into(), ..Offering::default() };
            w.save_offering(new);
            w.set_cell(cartech, "off-bram", Some(CellStatus::Potential), Some(40_000.0), 8);
            w.set_cell(cartech, "sample-off-train", Some(CellStatus::InUse), None, 8);
        };
        edit(&mut theirs);
        let file = export(&theirs, None, "2026-11-27T12:00:00Z", "test");
        let items = review(&mine, &file.data);
        let names = offering_names(&mine.offerings, &items);
        review_rows(&items, &names).collect()
    }

    #[test]
    fn whitespace_cells_are_named_from_either_catalogue() {
        let rows = rows();
        let cells = field(&rows, FieldName::Whitespace);
        let Shown::Cells(theirs) = &cells.theirs else { panic!("{:?}", cells.theirs) };
        assert!(theirs.contains(&(Some("Predictive maintenance".into()), CellStatus::Potential, Some(40_000.0))));
        assert!(theirs.contains(&(Some("Training".into()), CellStatus::InUse, None)));
        let Shown::Cells(mine) = &cells.mine else { panic!("{:?}", cells.mine) };
        assert!(mine.iter().all(|(name, _, _)| name.is_some()), "the sample's cells are all named: {mine:?}");
        // An offering neither side knows stays unnamed (the catalog says so), never its id.
        let names = OfferingNames::new();
        let v = serde_json::json!([{ "id": "gone", "status": "potential" }]);
        assert_eq!(super::cells(&v, &names), Shown::Cells(vec![(None, CellStatus::Potential, None)]));
    }

    fn field(rows: &[ReviewRow], name: FieldName) -> &FieldRow {
        rows.iter().flat_map(|r| &r.fields).find(|f| f.name == name).unwrap_or_else(|| panic!("{name:?}"))
    }

    #[test]
    fn values_are_typed_not_json() {
        let rows = rows();
        assert!(rows.iter().all(|r| r.change != Change::Unchanged));
        let revenue = field(&rows, FieldName::Account(AccountField::Revenue));
        assert_eq!((&revenue.mine, &revenue.theirs), (&Shown::Money(640_000.0), &Shown::Money(700_000.0)));
        let stage = field(&rows, FieldName::Account(AccountField::Stage));
        assert_eq!(stage.theirs, Shown::Stage(Stage::Integrated));
        let answers = field(&rows, FieldName::Assessment);
        assert_eq!(
            answers.theirs,
            Shown::Assessment { answers: vec![(Question::FitNeeds, Some(false))], ratings: vec![] },
            "only the answer that differs"
        );
        let swot = field(&rows, FieldName::Plan(PlanPart::Swot));
        assert!(matches!(&swot.theirs, Shown::Swot(lines) if lines.contains(&(Quadrant::Threats, "New rival".into()))));
        assert!(swot.combinable);
        assert!(matches!(field(&rows, FieldName::Plan(PlanPart::Review)).theirs, Shown::Review(_)));
        let extra = field(&rows, FieldName::Extra);
        assert_eq!(
            (&extra.mine, &extra.theirs),
            (&Shown::Empty, &Shown::Extra(vec![("Employees".into(), "120".into())]))
        );
        assert!(matches!(&field(&rows, FieldName::Deals).theirs, Shown::Deals(d) if d.won_last_12 == 1_200_000.0));
    }

    #[test]
    fn field_names_come_from_the_field_lists() {
        assert_eq!(FieldName::of(RecordKind::Account, "stage"), FieldName::Account(AccountField::Stage));
        assert_eq!(FieldName::of(RecordKind::Account, "margin_pct"), FieldName::Account(AccountField::Margin));
        assert_eq!(FieldName::of(RecordKind::Plan, "kpis"), FieldName::Plan(PlanPart::Kpis));
        assert_eq!(FieldName::of(RecordKind::Plan, "future"), FieldName::Other("future".into()));
    }
}
