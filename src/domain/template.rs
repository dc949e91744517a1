//! Starting a plan: from one of the method's four situations (a template), or from the
//! structure of another plan. A template is structure only — what each objective, action and
//! KPI is about comes from the catalog, in the user's language ([`TemplateWords`]), and every
//! date is relative to the day the plan starts.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::plan::{Action, ActionStatus, Direction, Kpi, KpiKind, Objective, ObjectiveStatus, Perspective, Plan, Team};

super::plan::slugged!(
    /// The situation a plan starts in.
    Template { Acquire = "acquire", Expand = "expand", Retain = "retain", TurnAround = "turn_around" } default Expand
);

/// What a template's items are called, in one language (from the catalog).
#[derive(Clone, Copy, Debug)]
pub struct TemplateWords {
    pub objectives: [&'static str; 2],
    pub actions: [&'static str; 4],
    /// Name and unit.
    pub kpis: [(&'static str, &'static str); 2],
}

/// A template's structure: dates in days from the start.
struct Starter {
    /// Perspective and target.
    objectives: [(Perspective, i32); 2],
    /// The objective it serves, due, team.
    actions: [(usize, i32, Team); 4],
    /// Kind, direction, baseline, target, target date.
    kpis: [(KpiKind, Direction, f64, f64, i32); 2],
    cadence_days: u16,
}

fn starter(t: Template) -> Starter {
    use Team::*;
    match t {
        // Get known in their buying process, then win the first order; a monthly review.
        Template::Acquire => Starter {
            objectives: [(Perspective::Ours, 180), (Perspective::Ours, 270)],
            actions: [(0, 14, Sales), (0, 30, Management), (1, 60, Sales), (1, 90, Service)],
            kpis: [
                (KpiKind::RevenueGrowth, Direction::Higher, 0.0, 20.0, 365),
                (KpiKind::Custom, Direction::Higher, 1.0, 5.0, 180),
            ],
            cadence_days: 30,
        },
        // A second product line and more revenue; reviewed each quarter.
        Template::Expand => Starter {
            objectives: [(Perspective::Client, 270), (Perspective::Ours, 365)],
            actions: [(0, 21, Sales), (0, 45, Product), (1, 60, Sales), (1, 90, Management)],
            kpis: [
                (KpiKind::RevenueGrowth, Direction::Higher, 0.0, 20.0, 365),
                (KpiKind::ProductAdoption, Direction::Higher, 1.0, 2.0, 270),
            ],
            cadence_days: 90,
        },
        // Renew the agreement and keep them satisfied; reviewed each quarter.
        Template::Retain => Starter {
            objectives: [(Perspective::Ours, 300), (Perspective::Client, 365)],
            actions: [(0, 30, Sales), (1, 14, Service), (1, 60, Management), (0, 120, Sales)],
            kpis: [
                (KpiKind::Satisfaction, Direction::Higher, 7.0, 8.0, 365),
                (KpiKind::Custom, Direction::Lower, 5.0, 1.0, 180),
            ],
            cadence_days: 90,
        },
        // Solve what hurts the relationship and win back trust; reviewed every two weeks.
        Template::TurnAround => Starter {
            objectives: [(Perspective::Client, 90), (Perspective::Ours, 180)],
            actions: [(0, 7, Management), (0, 14, Service), (1, 30, Sales), (1, 60, Management)],
            kpis: [
                (KpiKind::Custom, Direction::Lower, 5.0, 0.0, 90),
                (KpiKind::Satisfaction, Direction::Higher, 5.0, 7.0, 180),
            ],
            cadence_days: 14,
        },
    }
}

/// What a start added, for the message that says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Started {
    pub objectives: usize,
    pub actions: usize,
    pub kpis: usize,
}

/// Whether a plan has nothing a start would add to (no objectives, actions or KPIs): only then
/// is a start offered, so that it never mixes with work already done.
pub fn is_blank(plan: &Plan) -> bool {
    plan.objectives.is_empty() && plan.actions.is_empty() && plan.kpis.is_empty()
}

/// Adds the template's objectives, actions (linked to their objectives) and KPIs, dated from
/// `today`, and sets the review rhythm; the first review is one cadence away. `new_id` gives
/// each item a fresh id.
pub fn apply(
    plan: &mut Plan,
    t: Template,
    words: &TemplateWords,
    today: Date,
    mut new_id: impl FnMut() -> String,
) -> Started {
    let s = starter(t);
    let kpi_ids: Vec<String> = s.kpis.iter().map(|_| new_id()).collect();
    let objective_ids: Vec<String> = s.objectives.iter().map(|_| new_id()).collect();
    for (i, ((perspective, days), what)) in s.objectives.iter().zip(words.objectives).enumerate() {
        plan.objectives.push(Objective {
            id: objective_ids[i].clone(),
            what: what.to_string(),
            perspective: *perspective,
            target: Some(today.add_days(*days)),
            status: ObjectiveStatus::NotStarted,
            // The first objective is measured by the first KPI, the second by the second.
            kpi_id: kpi_ids.get(i).cloned(),
            ..Objective::default()
        });
    }
    for ((objective, days, team), title) in s.actions.iter().zip(words.actions) {
        plan.actions.push(Action {
            id: new_id(),
            title: title.to_string(),
            team: *team,
            due: Some(today.add_days(*days)),
            status: ActionStatus::Open,
            objective_id: objective_ids.get(*objective).cloned(),
            ..Action::default()
        });
    }
    for (i, ((kind, direction, baseline, target, days), (name, unit))) in s.kpis.iter().zip(words.kpis).enumerate() {
        plan.kpis.push(Kpi {
            id: kpi_ids[i].clone(),
            name: name.to_string(),
            unit: unit.to_string(),
            kind: *kind,
            baseline: *baseline,
            target: *target,
            direction: *direction,
            target_date: Some(today.add_days(*days)),
            ..Kpi::default()
        });
    }
    plan.review.cadence_days = Some(s.cadence_days);
    plan.review.next = Some(today.add_days(i32::from(s.cadence_days)));
    Started { objectives: 2, actions: 4, kpis: 2 }
}

/// Copies the structure of `from` (last year's plan, or a plan for a similar account): its
/// objectives, actions and KPIs with new ids and links kept, every date moved by as long as
/// `from` has run (from its promotion, else its creation, to `today`), objectives not started
/// and actions open again, KPIs without their measurements (the last one becomes the new
/// baseline), the agreements and the review rhythm. Meetings, needs and the SWOT are about
/// their own time and stay behind.
pub fn copy_structure(plan: &mut Plan, from: &Plan, today: Date, mut new_id: impl FnMut() -> String) -> Started {
    let started = from.promotion.promoted_on.unwrap_or_else(|| Date::from_unix_ms(from.created_ms));
    let shift = started.days_until(today).max(0);
    let moved = |d: Option<Date>| d.map(|d| d.add_days(shift));
    let mut ids = std::collections::HashMap::new();
    let mut fresh = |old: &str, ids: &mut std::collections::HashMap<String, String>| {
        ids.entry(old.to_string()).or_insert_with(&mut new_id).clone()
    };
    for k in &from.kpis {
        plan.kpis.push(Kpi {
            id: fresh(&k.id, &mut ids),
            baseline: k.latest().map_or(k.baseline, |m| m.value),
            target_date: moved(k.target_date),
            measurements: Vec::new(),
            ..k.clone()
        });
    }
    for o in &from.objectives {
        plan.objectives.push(Objective {
            id: fresh(&o.id, &mut ids),
            target: moved(o.target),
            status: ObjectiveStatus::NotStarted,
            kpi_id: o.kpi_id.as_ref().and_then(|k| ids.get(k).cloned()),
            ..o.clone()
        });
    }
    for a in &from.actions {
        plan.actions.push(Action {
            id: fresh(&a.id, &mut ids),
            due: moved(a.due),
            status: ActionStatus::Open,
            objective_id: a.objective_id.as_ref().and_then(|o| ids.get(o).cloned()),
            ..a.clone()
        });
    }
    for g in &from.agreements {
        let mut g = g.clone();
        g.id = fresh(&g.id, &mut ids);
        plan.agreements.push(g);
    }
    plan.review.cadence_days = from.review.cadence_days;
    plan.review.next = Some(today.add_days(i32::from(plan.review.cadence())));
    Started { objectives: from.objectives.len(), actions: from.actions.len(), kpis: from.kpis.len() }
}

/// A plan saved by a user as a template of their own: its structure (objectives, actions,
/// agreements, KPIs without measurements, the review rhythm), dated from the day it was
/// saved. Kept in the workspace and in whole-workspace exports; colleagues' templates are
/// added on import (by id, none replaced).
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnTemplate {
    pub id: String,
    pub name: String,
    /// The structure, its `promotion.promoted_on` the day it was saved (where its dates count from).
    pub plan: Plan,
}

/// Templates a workspace keeps. They are stored in the head, which every save writes, so the
/// shelf stays small: a template is a few kilobytes.
pub const MAX_OWN: usize = 20;
/// A template's name.
pub const MAX_NAME: usize = 80;

/// Why a plan cannot be saved as a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveProblem {
    /// The name is empty.
    NoName,
    /// The name is longer than [`MAX_NAME`].
    LongName,
    /// Another template has this name (any case).
    NameTaken,
    /// The plan has nothing to copy.
    Blank,
    /// The workspace keeps [`MAX_OWN`] templates already.
    Full,
}

/// `plan`'s structure as a template named `name`, saved `today`.
pub fn save_own(
    plan: &Plan,
    name: &str,
    existing: &[OwnTemplate],
    today: Date,
    id: String,
    new_id: impl FnMut() -> String,
) -> Result<OwnTemplate, SaveProblem> {
    let name = name.trim();
    if name.is_empty() {
        return Err(SaveProblem::NoName);
    }
    if name.chars().count() > MAX_NAME {
        return Err(SaveProblem::LongName);
    }
    if existing.iter().any(|t| t.name.to_lowercase() == name.to_lowercase()) {
        return Err(SaveProblem::NameTaken);
    }
    if is_blank(plan) {
        return Err(SaveProblem::Blank);
    }
    if existing.len() >= MAX_OWN {
        return Err(SaveProblem::Full);
    }
    let mut structure = Plan::default();
    copy_structure(&mut structure, plan, today, new_id);
    structure.promotion.promoted_on = Some(today);
    // Who did what is the user's own plan's business; the template keeps what, not whom.
    structure.review.next = None;
    Ok(OwnTemplate { id, name: name.to_string(), plan: structure })
}

/// Starts `plan` from an own template: its structure with every date moved to count from `today`.
pub fn apply_own(plan: &mut Plan, t: &OwnTemplate, today: Date, new_id: impl FnMut() -> String) -> Started {
    copy_structure(plan, &t.plan, today, new_id)
}

/// Colleagues' templates added to mine: by id, none replaced, at most [`MAX_OWN`].
pub fn combine_own(mine: &mut Vec<OwnTemplate>, theirs: &[OwnTemplate]) {
    for t in theirs {
        if mine.len() >= MAX_OWN {
            break;
        }
        if !mine.iter().any(|m| m.id == t.id) {
            mine.push(t.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::Measurement;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    const WORDS: TemplateWords = TemplateWords {
        objectives: ["O1", "O2"],
        actions: ["A1", "A2", "A3", "A4"],
        kpis: [("K1", "%"), ("K2", "points")],
    };

    fn counter() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("id-{n}")
        }
    }

    #[test]
    fn every_template_starts_a_plan_that_is_sound_as_far_as_it_goes() {
        let today = d("2026-11-29");
        for &t in Template::ALL {
            let mut plan = Plan::new("acc".into(), today, 0);
            assert!(is_blank(&plan));
            let started = apply(&mut plan, t, &WORDS, today, counter());
            assert_eq!(started, Started { objectives: 2, actions: 4, kpis: 2 });
            assert!(!is_blank(&plan));
            // Every action serves an objective of this plan; every objective has two actions.
            for o in &plan.objectives {
                assert!(!plan.is_thin(o), "{t:?}: {} has two actions", o.what);
                assert!(o.target.is_some_and(|d| d > today));
                assert!(plan.kpis.iter().any(|k| Some(&k.id) == o.kpi_id.as_ref()), "{t:?}: measured by a KPI");
            }
            assert!(plan.actions.iter().all(|a| a.due.is_some_and(|d| d > today)));
            let mut ids: Vec<&str> = plan.objectives.iter().map(|o| o.id.as_str()).collect();
            ids.extend(plan.actions.iter().map(|a| a.id.as_str()));
            ids.extend(plan.kpis.iter().map(|k| k.id.as_str()));
            let n = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n, "fresh ids");
            assert_eq!(plan.review.next, Some(today.add_days(i32::from(plan.review.cadence()))));
            // A started plan is sound but not yet healthy: nothing measured, nobody met or mapped.
            let h = plan.health(today, &[]);
            assert_eq!(h.points[..2], [20, 20], "{t:?}: {h:?}");
            assert!(h.score <= 58, "{t:?}: {h:?}");
        }
        let mut turn = Plan::new("acc".into(), today, 0);
        apply(&mut turn, Template::TurnAround, &WORDS, today, counter());
        assert_eq!(turn.review.cadence(), 14, "a turnaround is reviewed every two weeks");
        assert_eq!(turn.actions[0].due, Some(d("2026-12-06")), "first action within a week");
    }

    #[test]
    fn a_copied_plan_keeps_the_structure_and_leaves_the_year_behind() {
        let mut last = Plan::new("old".into(), d("2025-12-01"), 0);
        apply(&mut last, Template::Expand, &WORDS, d("2025-12-01"), counter());
        last.kpis[0].record(Measurement { date: d("2026-06-01"), value: 12.0 });
        last.objectives[0].status = ObjectiveStatus::Done;
        last.actions[1].status = ActionStatus::Done;
        let today = d("2026-12-01");
        let mut plan = Plan::new("acc".into(), today, 0);
        let mut n = 0;
        let started = copy_structure(&mut plan, &last, today, || {
            n += 1;
            format!("new-{n}")
        });
        assert_eq!(started, Started { objectives: 2, actions: 4, kpis: 2 });
        // Dates a year on; statuses fresh; no measurements, the last one the new baseline.
        assert_eq!(plan.actions[0].due, last.actions[0].due.map(|d| d.add_days(365)));
        assert!(plan.objectives.iter().all(|o| o.status == ObjectiveStatus::NotStarted));
        assert!(plan.actions.iter().all(|a| a.status == ActionStatus::Open));
        assert!(plan.kpis.iter().all(|k| k.measurements.is_empty()));
        assert_eq!(plan.kpis[0].baseline, 12.0);
        // Links follow the new ids.
        for a in &plan.actions {
            assert!(plan.objectives.iter().any(|o| Some(&o.id) == a.objective_id.as_ref()));
        }
        for o in &plan.objectives {
            assert!(plan.kpis.iter().any(|k| Some(&k.id) == o.kpi_id.as_ref()));
        }
        assert!(plan.objectives.iter().all(|o| !last.objectives.iter().any(|x| x.id == o.id)), "new ids");
        assert_eq!(plan.review.cadence(), 90);
    }

    fn check_save(name: &str, existing: &[OwnTemplate], plan: &Plan, expected: Result<&str, SaveProblem>) {
        let got = save_own(plan, name, existing, d("2026-11-29"), "t-new".into(), counter());
        assert_eq!(got.as_ref().map(|t| t.name.as_str()).map_err(|e| *e), expected);
    }

    #[test]
    fn an_own_template_keeps_the_structure_and_starts_a_plan_later() {
        let saved_on = d("2026-11-29");
        let mut mine = Plan::new("acc".into(), d("2026-09-01"), 0);
        mine.promotion.promoted_on = Some(d("2026-09-01"));
        apply(&mut mine, Template::Retain, &WORDS, d("2026-09-01"), counter());
        mine.kpis[0].record(Measurement { date: d("2026-10-01"), value: 7.5 });
        mine.actions[0].owner = "Sanne".into();
        let t = save_own(&mine, "  Renewal year ", &[], saved_on, "t1".into(), counter()).unwrap();
        assert_eq!((t.name.as_str(), t.plan.promotion.promoted_on), ("Renewal year", Some(saved_on)));
        assert!(t.plan.kpis.iter().all(|k| k.measurements.is_empty()), "no measurements travel");
        assert_eq!(t.plan.review.next, None);
        // Used two months later: every date moves by the two months.
        let later = d("2027-01-28");
        let mut plan = Plan::new("other".into(), later, 0);
        let started = apply_own(&mut plan, &t, later, counter());
        assert_eq!(started, Started { objectives: 2, actions: 4, kpis: 2 });
        assert_eq!(plan.actions[1].due, t.plan.actions[1].due.map(|x| x.add_days(60)));
        assert_eq!(plan.review.cadence(), 90);

        // Names are required, short and unique; a blank plan or a full shelf saves nothing.
        check_save("", &[], &mine, Err(SaveProblem::NoName));
        check_save(&"x".repeat(MAX_NAME + 1), &[], &mine, Err(SaveProblem::LongName));
        check_save("renewal YEAR", std::slice::from_ref(&t), &mine, Err(SaveProblem::NameTaken));
        check_save("Blank", &[], &Plan::new("b".into(), saved_on, 0), Err(SaveProblem::Blank));
        let full: Vec<OwnTemplate> =
            (0..MAX_OWN).map(|i| OwnTemplate { id: format!("t{i}"), name: format!("T{i}"), ..t.clone() }).collect();
        check_save("One more", &full, &mine, Err(SaveProblem::Full));
        check_save("Second", std::slice::from_ref(&t), &mine, Ok("Second"));

        // A colleague's templates are added by id; mine stay as they are.
        let mut shelf = vec![t.clone()];
        let theirs = vec![
            OwnTemplate { name: "Changed there".into(), ..t.clone() },
            OwnTemplate { id: "t2".into(), ..t.clone() },
        ];
        combine_own(&mut shelf, &theirs);
        assert_eq!(
            shelf.iter().map(|t| (t.id.as_str(), t.name.as_str())).collect::<Vec<_>>(),
            [("t1", "Renewal year"), ("t2", "Renewal year")]
        );
    }
}
