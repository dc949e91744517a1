//! The one-page account plan: what fits on one printed page (A4 or a 16:9 slide) for a
//! quarterly account review. Each list is cut to what a page holds, most pressing first, and
//! says how many more the plan has, so the page can say "continued in Keystone" instead of
//! spilling onto a second page.

use crate::domain::account::Account;
use crate::domain::criteria::Criterion;
use crate::domain::date::Date;
use crate::domain::plan::{Action, ActionStatus, Agreement, Kpi, Need, NeedStatus, Objective, ObjectiveStatus, Plan};
use crate::domain::plan::{PlanHealth, Quadrant};
use crate::domain::scoring::{AccountScore, Standing};
use crate::domain::stakeholder::Stakeholder;

/// How many of each a page holds.
pub const GOALS: usize = 4;
pub const ACTIONS: usize = 6;
pub const KPIS: usize = 3;
pub const PEOPLE: usize = 6;
pub const NEEDS: usize = 4;
pub const AGREEMENTS: usize = 4;
pub const SWOT: usize = 3;

/// A list as printed: the first items, and how many more there are.
#[derive(Clone, Debug, PartialEq)]
pub struct Listed<T> {
    pub items: Vec<T>,
    pub more: usize,
}

impl<T> Listed<T> {
    fn cut(mut items: Vec<T>, max: usize) -> Listed<T> {
        let more = items.len().saturating_sub(max);
        items.truncate(max);
        Listed { items, more }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanSheet {
    /// The day it is judged on (and printed).
    pub today: Date,
    pub account: String,
    pub owner: String,
    pub sector: String,
    pub revenue: Option<f64>,
    pub potential: Option<f64>,
    /// The score and what each criterion adds (`None`: unrated).
    pub score: Option<u8>,
    pub criteria: Vec<(Criterion, Option<u8>, f64)>,
    pub standing: Option<Standing>,
    /// Why it is a key account: the criteria it scores 4 or 5 on, best first.
    pub strengths: Vec<Criterion>,
    /// The manager's reason when the tier was decided by hand.
    pub reason: String,
    pub promoted_on: Option<Date>,
    /// What we commit to, and what the client can expect.
    pub internal: String,
    pub external: String,
    pub health: PlanHealth,
    pub next_review: Option<Date>,
    pub last_meeting: Option<Date>,
    /// The last review held (`reviews`): when, and who reviewed.
    pub last_review: Option<(Date, String)>,
    /// Pursued first, at risk first, then by target date; dropped ones left out.
    pub goals: Listed<Objective>,
    /// Not done, overdue and soonest first (undated last).
    pub actions: Listed<Action>,
    /// Measured ones first.
    pub kpis: Listed<Kpi>,
    /// The most influential first.
    pub people: Listed<Stakeholder>,
    /// Open ones (identified, proposed), the most valuable first.
    pub needs: Listed<Need>,
    pub agreements: Listed<Agreement>,
    pub swot: Vec<(Quadrant, Listed<String>)>,
}

impl PlanSheet {
    /// Whether something was left off the page.
    pub fn continued(&self) -> bool {
        self.goals.more
            + self.actions.more
            + self.kpis.more
            + self.people.more
            + self.needs.more
            + self.agreements.more
            + self.swot.iter().map(|(_, l)| l.more).sum::<usize>()
            > 0
    }
}

/// The sheet for `plan` of `account`, as of `today`. `score` and `standing` come from the
/// ranking (the account may be unrated); the reason from the manager's tier decision.
pub fn plan_sheet(
    account: &Account,
    plan: &Plan,
    score: Option<&AccountScore>,
    standing: Option<Standing>,
    today: Date,
) -> PlanSheet {
    let f = &account.fields;
    let criteria: Vec<(Criterion, Option<u8>, f64)> =
        score.map(|s| s.criteria.iter().map(|c| (c.criterion, c.rating, c.points)).collect()).unwrap_or_default();
    let mut strong: Vec<(Criterion, u8, f64)> =
        criteria.iter().filter_map(|&(c, r, p)| r.filter(|r| *r >= 4).map(|r| (c, r, p))).collect();
    strong.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.total_cmp(&a.2)));

    let mut goals: Vec<Objective> =
        plan.objectives.iter().filter(|o| o.status != ObjectiveStatus::Dropped).cloned().collect();
    goals.sort_by_key(|o| (!o.is_pursued(), !o.at_risk(today), o.target.is_none(), o.target));
    let mut actions: Vec<Action> = plan.actions.iter().filter(|a| a.status != ActionStatus::Done).cloned().collect();
    actions.sort_by_key(|a| (!a.overdue(today), a.due.is_none(), a.due));
    let mut kpis: Vec<Kpi> = plan.kpis.clone();
    kpis.sort_by_key(|k| k.measurements.is_empty());
    let mut people: Vec<Stakeholder> = account.stakeholders.clone();
    people.sort_by_key(|p| std::cmp::Reverse(p.influence));
    let mut needs: Vec<Need> = plan
        .needs
        .iter()
        .filter(|n| matches!(n.status, NeedStatus::Identified | NeedStatus::Proposed))
        .cloned()
        .collect();
    needs.sort_by(|a, b| b.value.unwrap_or(0.0).total_cmp(&a.value.unwrap_or(0.0)));

    PlanSheet {
        today,
        account: f.name.clone(),
        owner: f.owner.clone(),
        sector: f.sector.clone(),
        revenue: f.revenue,
        potential: f.potential,
        score: score.and_then(AccountScore::shown),
        criteria,
        standing,
        strengths: strong.into_iter().map(|s| s.0).collect(),
        reason: account.decided.as_ref().map(|d| d.reason.trim().to_string()).unwrap_or_default(),
        promoted_on: plan.promotion.promoted_on,
        internal: plan.promotion.internal.trim().to_string(),
        external: plan.promotion.external.trim().to_string(),
        health: plan.health(today, &account.stakeholders),
        next_review: plan.review.next,
        last_meeting: plan.meetings.iter().map(|m| m.date).filter(|d| *d <= today).max(),
        last_review: plan.last_review().map(|r| (r.held_on, r.reviewer.trim().to_string())),
        goals: Listed::cut(goals, GOALS),
        actions: Listed::cut(actions, ACTIONS),
        kpis: Listed::cut(kpis, KPIS),
        people: Listed::cut(people, PEOPLE),
        needs: Listed::cut(needs, NEEDS),
        agreements: Listed::cut(plan.agreements.clone(), AGREEMENTS),
        swot: Quadrant::ALL.into_iter().map(|q| (q, Listed::cut(plan.swot.list(q).clone(), SWOT))).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_portfolio;
    use crate::domain::scoring::rank;

    fn sheet_of(ws: &crate::domain::workspace::Workspace, id: &str, today: Date) -> PlanSheet {
        let ranking = rank(&ws.accounts, &ws.scoring);
        let i = ws.accounts.iter().position(|a| a.id == id).unwrap();
        let r = ranking.iter().find(|r| r.index == i).unwrap();
        plan_sheet(&ws.accounts[i], ws.plan(id).unwrap(), Some(&r.score), Some(r.standing()), today)
    }

    #[test]
    fn the_sample_cartech_plan_fits_one_page() {
        let now = 1_795_737_600_000;
        let ws = sample_portfolio(now);
        let today = Date::from_unix_ms(now);
        let s = sheet_of(&ws, "sample-02-cartech", today);
        assert_eq!(s.account, "Cartech");
        assert!(!s.continued(), "the sample plan fits: {s:#?}");
        assert!(s.score.is_some() && s.criteria.len() == 5);
        assert!(!s.strengths.is_empty(), "Cartech is a key account for its strong criteria");
        assert!(!s.goals.items.is_empty() && !s.actions.items.is_empty() && !s.kpis.items.is_empty());
        assert!(!s.people.items.is_empty(), "the map is on the page");
        assert!(s.actions.items.iter().all(|a| a.status != ActionStatus::Done), "done actions stay off");
        assert_eq!(s.last_review, Some((today.add_days(-10), "Marco Visser".to_string())), "the last review held");
    }

    #[test]
    fn long_lists_are_cut_most_pressing_first_and_say_how_many_more() {
        let now = 1_795_737_600_000;
        let mut ws = sample_portfolio(now);
        let today = Date::from_unix_ms(now);
        let mut plan = ws.plan("sample-02-cartech").unwrap().clone();
        for i in 0..10 {
            plan.actions.push(Action {
                id: format!("extra-{i}"),
                title: format!("Extra {i}"),
                due: Some(today.add_days(40 + i)),
                ..Action::default()
            });
        }
        plan.actions.push(Action {
            id: "late".into(),
            title: "Late one".into(),
            due: Some(today.add_days(-3)),
            ..Action::default()
        });
        ws.plans.retain(|p| p.account_id != "sample-02-cartech");
        ws.plans.push(std::sync::Arc::new(plan));
        let s = sheet_of(&ws, "sample-02-cartech", today);
        assert_eq!(s.actions.items.len(), ACTIONS);
        assert_eq!(s.actions.items[0].title, "Late one", "the overdue action leads");
        assert!(s.actions.more >= 5 && s.continued());
        let dues: Vec<Option<Date>> = s.actions.items[1..].iter().map(|a| a.due).collect();
        assert!(dues.windows(2).all(|w| w[0].is_some() && (w[1].is_none() || w[0] <= w[1])), "{dues:?}");
    }
}
