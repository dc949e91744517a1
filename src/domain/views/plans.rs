//! The plan overview: one row per plan, what needs attention first.

use crate::domain::date::Date;
use crate::domain::plan::PlanHealth;
use crate::domain::scoring::{Ranked, Standing, Tier};
use crate::domain::workspace::Workspace;

#[derive(Clone, Debug, PartialEq)]
pub struct PlanRow {
    /// The account's id (a plan is keyed by its account).
    pub id: String,
    pub name: String,
    pub standing: Standing,
    pub health: PlanHealth,
    pub next_review: Option<Date>,
}

/// Every plan, those needing attention first (see [`PlanHealth::needs_attention`]), then by
/// health, worst first, then by name.
pub fn plan_rows(ws: &Workspace, ranking: &[Ranked], today: Date) -> Vec<PlanRow> {
    let mut standings = vec![Standing::new(Tier::Incomplete, None); ws.accounts.len()];
    for r in ranking {
        if let Some(t) = standings.get_mut(r.index) {
            *t = r.standing();
        }
    }
    let index: std::collections::HashMap<&str, usize> =
        ws.accounts.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut rows: Vec<PlanRow> = ws
        .plans
        .iter()
        .filter_map(|p| {
            let i = *index.get(p.account_id.as_str())?;
            Some(PlanRow {
                id: p.account_id.clone(),
                name: ws.accounts[i].fields.name.clone(),
                standing: standings[i],
                health: p.health(today, &ws.accounts[i].stakeholders),
                next_review: p.review.next,
            })
        })
        .collect();
    rows.sort_by_cached_key(|r| (!r.health.needs_attention(), r.health.score, r.name.to_lowercase()));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::portfolio::dashboard;
    use crate::domain::sample::sample_portfolio;
    use crate::domain::scoring::rank;

    #[test]
    fn the_stale_plan_comes_first_and_the_overview_agrees() {
        let ws = sample_portfolio(1_795_737_600_000);
        let ranking = rank(&ws.accounts, &ws.scoring);
        let today = Date::parse("2026-11-27").unwrap();
        let rows = plan_rows(&ws, &ranking, today);
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, vec!["Brabant Foods", "Cartech"]);
        assert!(rows[0].health.needs_attention() && !rows[1].health.needs_attention());
        assert_eq!(rows[1].standing.tier, Tier::Key);
        // One definition of "needs attention": the overview lists exactly these plans.
        let d = dashboard(&ws.accounts, &ranking, &ws.plans, today, 30);
        let attention: Vec<&str> = d.attention.iter().map(|a| a.account_id.as_str()).collect();
        let flagged: Vec<&str> = rows.iter().filter(|r| r.health.needs_attention()).map(|r| r.id.as_str()).collect();
        assert_eq!(attention, flagged);
    }
}
