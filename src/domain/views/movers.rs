//! The top movers of the overview and the portfolio one-pager: followed accounts whose score
//! or tier changed since their last review (an account without one: in the last 90 days),
//! read from the score history (`history`) against today's ranking.

use std::collections::HashMap;

use crate::domain::date::Date;
use crate::domain::history::{movers, ScorePoint};
use crate::domain::scoring::Ranked;
use crate::domain::workspace::Workspace;

/// How far back "moved" looks for an account that has had no review.
pub const QUARTER_DAYS: i32 = 90;

/// One line of the list.
#[derive(Clone, Debug, PartialEq)]
pub struct MoverRow {
    pub account_id: String,
    pub name: String,
    pub then: ScorePoint,
    pub now: ScorePoint,
    /// The day compared with, and whether it is the account's last review.
    pub since: Date,
    pub since_review: bool,
}

impl MoverRow {
    pub fn change(&self) -> Option<i32> {
        Some(i32::from(self.now.score()?) - i32::from(self.then.score()?))
    }
}

/// At most `n` movers, tier changes first, then the biggest score changes.
pub fn top_movers(ws: &Workspace, ranking: &[Ranked], today: Date, n: usize) -> Vec<MoverRow> {
    let reviewed: HashMap<&str, Date> =
        ws.plans.iter().filter_map(|p| Some((p.account_id.as_str(), p.last_review()?.held_on))).collect();
    let quarter_ago = today.add_days(-QUARTER_DAYS);
    let candidates = ranking.iter().filter_map(|r| {
        let a = ws.accounts.get(r.index)?;
        if a.history.is_empty() {
            return None;
        }
        let since = reviewed.get(a.id.as_str()).copied().unwrap_or(quarter_ago);
        let now = ScorePoint(today, r.score.shown(), r.standing().tier);
        Some((r.index, now, since, a.history.as_slice()))
    });
    movers(candidates, n)
        .into_iter()
        .filter_map(|m| {
            let a = ws.accounts.get(m.index)?;
            Some(MoverRow {
                account_id: a.id.clone(),
                name: a.fields.name.clone(),
                then: m.then,
                now: m.now,
                since: m.since,
                since_review: reviewed.contains_key(a.id.as_str()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_portfolio;
    use crate::domain::scoring::rank;
    use crate::domain::tier::Tier;

    #[test]
    fn the_sample_shows_cartech_up_since_its_review_and_vicom_down_the_quarter() {
        let now_ms = 1_795_737_600_000;
        let today = Date::from_unix_ms(now_ms);
        let ws = sample_portfolio(now_ms);
        let ranking = rank(&ws.accounts, &ws.scoring);
        let rows = top_movers(&ws, &ranking, today, 5);
        let seen: Vec<(&str, Option<i32>, bool, bool)> =
            rows.iter().map(|r| (r.name.as_str(), r.change(), r.since_review, r.then.tier() != r.now.tier())).collect();
        // Vicom fell from the key tier in the quarter (to standard today): first. Cartech gained
        // three points since its review ten days ago.
        assert_eq!(seen, vec![("Vicom", Some(-36), false, true), ("Cartech", Some(3), true, false)]);
        assert_eq!(rows[1].since, today.add_days(-10));
        assert_eq!(rows[0].since, today.add_days(-QUARTER_DAYS));
        assert_eq!((rows[0].then.tier(), rows[0].now.tier()), (Tier::Key, Tier::Standard));
        assert!(top_movers(&ws, &ranking, today, 1).len() == 1);
    }
}
