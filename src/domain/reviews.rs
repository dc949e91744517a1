//! The quarterly account review as a record. *Start review* freezes a [`Snapshot`] of the
//! plan — objectives, actions, KPI values, needs, health, score and tier — with the day and
//! who reviewed; the reviewer writes the decisions and next steps ([`ReviewNotes`]). Any two
//! snapshots (or a snapshot and the plan as it is now) [`compare`]: what moved since.
//!
//! Held reviews are a list of the plan (`Plan::reviews`) and merge item by item like the
//! others: a colleague's reviews are added, none is lost (append-only; the app offers no
//! delete). A snapshot is never changed after it was taken.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::plan::{Action, ActionStatus, Direction, Kpi, Need, NeedStatus, Objective, ObjectiveStatus, Plan, MAX_TEXT};
use super::tier::Tier;
use super::validate::{field_set, Checker, Draft, FieldError, Form};

/// Held reviews kept per plan: twenty-five years of quarterly reviews.
pub const MAX_REVIEWS: usize = 100;

/// The plan as it stood on a review day.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    /// The account's score (none while incomplete) and tier in force.
    pub score: Option<u8>,
    pub tier: Option<Tier>,
    /// Plan health, 0–100.
    pub health: u8,
    pub objectives: Vec<Objective>,
    pub actions: Vec<Action>,
    /// KPIs with their latest measurement only: what a comparison needs.
    pub kpis: Vec<Kpi>,
    pub needs: Vec<Need>,
}

impl Snapshot {
    /// The plan as it is, with the account's score, tier and the plan's health on `day`.
    pub fn of(plan: &Plan, score: Option<u8>, tier: Tier, health: u8) -> Snapshot {
        Snapshot {
            score,
            tier: Some(tier),
            health,
            objectives: plan.objectives.clone(),
            actions: plan.actions.clone(),
            kpis: plan
                .kpis
                .iter()
                .map(|k| Kpi { measurements: k.latest().into_iter().collect(), ..k.clone() })
                .collect(),
            needs: plan.needs.clone(),
        }
    }
}

/// One review held: when, by whom, what was decided, and the plan as it stood.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeldReview {
    pub id: String,
    pub held_on: Date,
    #[serde(default)]
    pub reviewer: String,
    #[serde(default)]
    pub decisions: String,
    #[serde(default)]
    pub next_steps: String,
    #[serde(default)]
    pub snapshot: Snapshot,
}

impl HeldReview {
    pub fn notes(&self) -> ReviewNotes {
        ReviewNotes {
            reviewer: self.reviewer.clone(),
            decisions: self.decisions.clone(),
            next_steps: self.next_steps.clone(),
        }
    }
}

impl Plan {
    /// Holds a review today: the snapshot is kept with the reviewer's name, and the next
    /// review is planned one cadence from today. False when the plan holds the most reviews
    /// it may.
    pub fn hold_review(&mut self, id: String, today: Date, reviewer: &str, snapshot: Snapshot) -> bool {
        if self.reviews.len() >= MAX_REVIEWS {
            return false;
        }
        let review = HeldReview {
            id,
            held_on: today,
            reviewer: reviewer.chars().take(MAX_NAME).collect(),
            decisions: String::new(),
            next_steps: String::new(),
            snapshot,
        };
        // In the order they were held.
        let at = self.reviews.partition_point(|r| r.held_on <= today);
        self.reviews.insert(at, review);
        self.review.next = Some(today.add_days(i32::from(self.review.cadence())));
        true
    }

    /// Writes a held review's notes; the snapshot stays as it was taken.
    pub fn write_notes(&mut self, id: &str, notes: ReviewNotes) -> bool {
        let Some(r) = self.reviews.iter_mut().find(|r| r.id == id) else { return false };
        r.reviewer = notes.reviewer;
        r.decisions = notes.decisions;
        r.next_steps = notes.next_steps;
        true
    }

    /// The last review held, if any.
    pub fn last_review(&self) -> Option<&HeldReview> {
        self.reviews.last()
    }
}

const MAX_NAME: usize = 200;

field_set!(
    pub enum NotesField {
        Reviewer = "reviewer",
        Decisions = "decisions",
        NextSteps = "next_steps",
    }
);

/// What the reviewer writes after the snapshot is taken.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewNotes {
    pub reviewer: String,
    pub decisions: String,
    pub next_steps: String,
}

impl Form for ReviewNotes {
    type Field = NotesField;
    fn blank(_: Date) -> Draft<NotesField> {
        Draft::default()
    }
    fn draft(&self) -> Draft<NotesField> {
        Draft::default()
            .with(NotesField::Reviewer, &self.reviewer)
            .with(NotesField::Decisions, &self.decisions)
            .with(NotesField::NextSteps, &self.next_steps)
    }
    /// The reviewer is named; decisions and next steps may wait until after the meeting.
    fn read(
        d: &Draft<NotesField>,
        _: &str,
        _: Option<&ReviewNotes>,
        _: Date,
    ) -> Result<ReviewNotes, Vec<FieldError<NotesField>>> {
        let mut c = Checker::new(d);
        let reviewer = c.text(NotesField::Reviewer, true, MAX_NAME);
        let decisions = c.text(NotesField::Decisions, false, MAX_TEXT);
        let next_steps = c.text(NotesField::NextSteps, false, MAX_TEXT);
        c.finish(ReviewNotes { reviewer, decisions, next_steps })
    }
}

// ---------------------------------------------------------------------------------------
// Comparing two points in time

/// A KPI's value then and now.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiMove {
    pub name: String,
    pub unit: String,
    pub then: Option<f64>,
    pub now: Option<f64>,
    pub target: f64,
    /// Moved the way the KPI should (none when one side has no value).
    pub better: Option<bool>,
}

/// An objective whose status changed, or that was added (`then` none) or removed (`now` none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusMove {
    pub what: String,
    pub then: Option<ObjectiveStatus>,
    pub now: Option<ObjectiveStatus>,
}

/// What changed between an earlier and a later snapshot.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    pub score: (Option<u8>, Option<u8>),
    pub tier: (Option<Tier>, Option<Tier>),
    pub health: (u8, u8),
    /// KPIs whose latest value changed (or that were added).
    pub kpis: Vec<KpiMove>,
    /// Actions done since (including new ones already done).
    pub actions_done: Vec<String>,
    /// Actions added since and not done.
    pub actions_added: Vec<String>,
    /// Actions not done and past their due day at the later point.
    pub actions_overdue: Vec<String>,
    pub objectives: Vec<StatusMove>,
    pub needs_won: Vec<String>,
    pub needs_lost: Vec<String>,
    pub needs_new: Vec<String>,
}

impl Comparison {
    /// Nothing in the plan moved (score, tier and health aside).
    pub fn plan_unchanged(&self) -> bool {
        self.kpis.is_empty()
            && self.actions_done.is_empty()
            && self.actions_added.is_empty()
            && self.actions_overdue.is_empty()
            && self.objectives.is_empty()
            && self.needs_won.is_empty()
            && self.needs_lost.is_empty()
            && self.needs_new.is_empty()
    }
}

/// What moved from `then` to `now` (`now_day` decides what is overdue). Items are matched by
/// id; lists keep the later snapshot's order.
pub fn compare(then: &Snapshot, now: &Snapshot, now_day: Date) -> Comparison {
    let value = |k: &Kpi| k.latest().map(|m| m.value);
    let mut kpis = Vec::new();
    for k in &now.kpis {
        let before = then.kpis.iter().find(|o| o.id == k.id);
        let (was, is) = (before.and_then(value), value(k));
        if before.is_some() && was == is {
            continue;
        }
        if before.is_none() && is.is_none() {
            continue;
        }
        let better = match (was, is) {
            (Some(a), Some(b)) => Some(match k.direction {
                Direction::Higher => b >= a,
                Direction::Lower => b <= a,
            }),
            _ => None,
        };
        kpis.push(KpiMove { name: k.name.clone(), unit: k.unit.clone(), then: was, now: is, target: k.target, better });
    }

    let done = |a: &Action| a.status == ActionStatus::Done;
    let (mut actions_done, mut actions_added) = (Vec::new(), Vec::new());
    for a in &now.actions {
        match then.actions.iter().find(|o| o.id == a.id) {
            Some(o) if done(a) && !done(o) => actions_done.push(a.title.clone()),
            Some(_) => {}
            None if done(a) => actions_done.push(a.title.clone()),
            None => actions_added.push(a.title.clone()),
        }
    }
    let actions_overdue = now.actions.iter().filter(|a| a.overdue(now_day)).map(|a| a.title.clone()).collect();

    let mut objectives = Vec::new();
    for o in &now.objectives {
        let was = then.objectives.iter().find(|x| x.id == o.id).map(|x| x.status);
        if was != Some(o.status) {
            objectives.push(StatusMove { what: o.what.clone(), then: was, now: Some(o.status) });
        }
    }
    for o in then.objectives.iter().filter(|o| !now.objectives.iter().any(|x| x.id == o.id)) {
        objectives.push(StatusMove { what: o.what.clone(), then: Some(o.status), now: None });
    }

    let (mut needs_won, mut needs_lost, mut needs_new) = (Vec::new(), Vec::new(), Vec::new());
    for n in &now.needs {
        let was = then.needs.iter().find(|x| x.id == n.id).map(|x| x.status);
        match (was, n.status) {
            (Some(w), s) if w == s => {}
            (_, NeedStatus::Won) => needs_won.push(n.need.clone()),
            (_, NeedStatus::Lost) => needs_lost.push(n.need.clone()),
            (None, _) => needs_new.push(n.need.clone()),
            _ => {}
        }
    }

    Comparison {
        score: (then.score, now.score),
        tier: (then.tier, now.tier),
        health: (then.health, now.health),
        kpis,
        actions_done,
        actions_added,
        actions_overdue,
        objectives,
        needs_won,
        needs_lost,
        needs_new,
    }
}

/// Reads a plan's reviews in the order they were held (a stable sort: a merge appends the
/// other side's after mine). Bounds are the import's business (`share::parse`).
pub fn read_in_order<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<HeldReview>, D::Error> {
    let mut reviews = Vec::<HeldReview>::deserialize(d)?;
    reviews.sort_by_key(|r| r.held_on);
    Ok(reviews)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Measurement;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn plan() -> Plan {
        let mut p = Plan::new("acc".into(), d("2026-06-01"), 0);
        p.objectives = vec![
            Objective { id: "o1".into(), what: "Grow service revenue".into(), ..Default::default() },
            Objective {
                id: "o2".into(),
                what: "Second supplier out".into(),
                status: ObjectiveStatus::OnTrack,
                ..Default::default()
            },
        ];
        p.actions = vec![
            Action { id: "a1".into(), title: "Plan QBR".into(), due: Some(d("2026-07-01")), ..Default::default() },
            Action { id: "a2".into(), title: "Site visit".into(), due: Some(d("2026-12-01")), ..Default::default() },
        ];
        p.kpis = vec![Kpi {
            id: "k1".into(),
            name: "Satisfaction".into(),
            unit: "points".into(),
            baseline: 6.0,
            target: 8.0,
            measurements: vec![
                Measurement { date: d("2026-05-01"), value: 6.0 },
                Measurement { date: d("2026-06-01"), value: 6.5 },
            ],
            ..Default::default()
        }];
        p.needs = vec![Need { id: "n1".into(), need: "Spare parts in 24 h".into(), ..Default::default() }];
        p
    }

    fn check(then: &Snapshot, now: &Snapshot, day: &str, expected: Comparison) {
        assert_eq!(compare(then, now, d(day)), expected);
    }

    #[test]
    fn a_snapshot_keeps_the_plan_and_only_each_kpis_latest_value() {
        let p = plan();
        let s = Snapshot::of(&p, Some(72), Tier::Key, 64);
        assert_eq!((s.score, s.tier, s.health), (Some(72), Some(Tier::Key), 64));
        assert_eq!(s.kpis[0].measurements, vec![Measurement { date: d("2026-06-01"), value: 6.5 }]);
        assert_eq!((s.objectives.len(), s.actions.len(), s.needs.len()), (2, 2, 1));
    }

    #[test]
    fn holding_a_review_keeps_it_in_order_and_plans_the_next() {
        let mut p = plan();
        p.review.cadence_days = Some(90);
        let s = Snapshot::of(&p, Some(72), Tier::Key, 64);
        assert!(p.hold_review("r2".into(), d("2026-09-01"), "Anna", s.clone()));
        assert!(p.hold_review("r1".into(), d("2026-06-01"), "Anna", s.clone()));
        assert_eq!(p.reviews.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["r1", "r2"]);
        assert_eq!(p.review.next, Some(d("2026-08-30")), "one cadence from the review just held");
        assert_eq!(p.last_review().map(|r| r.id.as_str()), Some("r2"));
        let notes = ReviewNotes { reviewer: "Bram".into(), decisions: "Go".into(), next_steps: "Call".into() };
        assert!(p.write_notes("r1", notes.clone()));
        assert_eq!(p.reviews[0].notes(), notes);
        assert_eq!(p.reviews[0].snapshot, s, "the snapshot stays as taken");
        assert!(!p.write_notes("nope", notes));
        let full = HeldReview { id: String::new(), held_on: d("2026-01-01"), ..p.reviews[0].clone() };
        p.reviews = (0..MAX_REVIEWS).map(|i| HeldReview { id: format!("x{i}"), ..full.clone() }).collect();
        assert!(!p.hold_review("one-more".into(), d("2026-12-01"), "Anna", s));
    }

    #[test]
    fn the_comparison_names_what_moved_since_the_last_review() {
        let before = plan();
        let then = Snapshot::of(&before, Some(66), Tier::Watch, 55);
        let mut after = before.clone();
        after.kpis[0].record(Measurement { date: d("2026-09-01"), value: 7.2 });
        after.actions[0].status = ActionStatus::Done;
        after.actions.push(Action { id: "a3".into(), title: "Price review".into(), ..Default::default() });
        after.objectives[0].status = ObjectiveStatus::AtRisk;
        after.objectives.remove(1);
        after.objectives.push(Objective { id: "o3".into(), what: "Enter Belgium".into(), ..Default::default() });
        after.needs[0].status = NeedStatus::Won;
        after.needs.push(Need {
            id: "n2".into(),
            need: "Training".into(),
            status: NeedStatus::Lost,
            ..Default::default()
        });
        after.needs.push(Need { id: "n3".into(), need: "Remote monitoring".into(), ..Default::default() });
        let now = Snapshot::of(&after, Some(74), Tier::Key, 70);
        check(
            &then,
            &now,
            "2026-12-15",
            Comparison {
                score: (Some(66), Some(74)),
                tier: (Some(Tier::Watch), Some(Tier::Key)),
                health: (55, 70),
                kpis: vec![KpiMove {
                    name: "Satisfaction".into(),
                    unit: "points".into(),
                    then: Some(6.5),
                    now: Some(7.2),
                    target: 8.0,
                    better: Some(true),
                }],
                actions_done: vec!["Plan QBR".into()],
                actions_added: vec!["Price review".into()],
                actions_overdue: vec!["Site visit".into()],
                objectives: vec![
                    StatusMove {
                        what: "Grow service revenue".into(),
                        then: Some(ObjectiveStatus::NotStarted),
                        now: Some(ObjectiveStatus::AtRisk),
                    },
                    StatusMove { what: "Enter Belgium".into(), then: None, now: Some(ObjectiveStatus::NotStarted) },
                    StatusMove { what: "Second supplier out".into(), then: Some(ObjectiveStatus::OnTrack), now: None },
                ],
                needs_won: vec!["Spare parts in 24 h".into()],
                needs_lost: vec!["Training".into()],
                needs_new: vec!["Remote monitoring".into()],
            },
        );
        // The same snapshot twice: nothing moved in the plan.
        let same = compare(&then, &then, d("2026-06-02"));
        assert!(same.plan_unchanged());
        assert_eq!(same.score, (Some(66), Some(66)));
        // A KPI that should go down and went down moved the right way.
        let mut lower = before.clone();
        lower.kpis[0].direction = Direction::Lower;
        let t = Snapshot::of(&lower, None, Tier::Incomplete, 0);
        lower.kpis[0].record(Measurement { date: d("2026-07-01"), value: 6.0 });
        let n = Snapshot::of(&lower, None, Tier::Incomplete, 0);
        assert_eq!(compare(&t, &n, d("2026-07-02")).kpis[0].better, Some(true));
    }

    #[test]
    fn review_notes_need_a_reviewer() {
        let d0 = d("2026-11-29");
        let ok = ReviewNotes { reviewer: "Anna".into(), ..Default::default() };
        assert_eq!(ReviewNotes::read(&ok.draft(), "", None, d0), Ok(ok));
        let none = ReviewNotes::default();
        let errors = ReviewNotes::read(&none.draft(), "", None, d0).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, NotesField::Reviewer);
    }
}
