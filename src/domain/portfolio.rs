//! The key-account portfolio (method §4): where each account stands on attractiveness and
//! on our strength in it, and the dashboard's figures for the whole portfolio.
//!
//! **Attractiveness** (0–100) looks ahead: it is the weighted mean of the ratings of the
//! four criteria that measure future value — revenue potential, lifetime value, product fit
//! and strategic value — with the user's weights for them, rescaled to sum to 100 %. Revenue
//! volume is left out on purpose: it is today's size, shown as the bubble's area instead. If
//! all four weights are zero the four count equally. An account with any of them unrated has
//! no attractiveness and is not placed.
//!
//! **Strength** is the relationship stage, 1 Exploratory to 5 Integrated. Stages 3 and up
//! (Cooperative: several contacts on both sides) count as strong; attractiveness from 50
//! (the middle of the scale) counts as high.

use super::account::{Account, Stage};
use super::criteria::Criterion;
use super::date::Date;
use super::plan::Plan;
use super::scoring::{AccountScore, Ranked, Tier, Weights};
use std::sync::Arc;

/// The four cells of the matrix, each with the stance it implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quadrant {
    /// High attractiveness, strong relationship: invest.
    Strategic,
    /// High attractiveness, weak relationship: invest to build the relationship.
    Star,
    /// Low attractiveness, strong relationship: maintain.
    Status,
    /// Low attractiveness, weak relationship: manage for profitability.
    Streamline,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] = [Quadrant::Strategic, Quadrant::Star, Quadrant::Status, Quadrant::Streamline];

    pub fn of(attractiveness: f64, stage: Stage) -> Quadrant {
        match (attractiveness >= HIGH_ATTRACTIVENESS, stage.is_strong()) {
            (true, true) => Quadrant::Strategic,
            (true, false) => Quadrant::Star,
            (false, true) => Quadrant::Status,
            (false, false) => Quadrant::Streamline,
        }
    }
}

/// Attractiveness from this value up is high.
pub const HIGH_ATTRACTIVENESS: f64 = 50.0;

/// The criteria that measure future value.
pub const FUTURE: [Criterion; 4] =
    [Criterion::RevenuePotential, Criterion::LifetimeValue, Criterion::ProductFit, Criterion::StrategicValue];

/// Attractiveness 0–100, or `None` when one of the four criteria is unrated.
pub fn attractiveness(score: &AccountScore, weights: &Weights) -> Option<f64> {
    let total: u32 = FUTURE.iter().map(|&c| weights.get(c) as u32).sum();
    let mut sum = 0.0;
    for c in FUTURE {
        let rating = score.get(c).rating? as f64;
        let w = if total == 0 { 1.0 } else { weights.get(c) as f64 };
        sum += w * rating * 20.0;
    }
    Some(sum / if total == 0 { FUTURE.len() as f64 } else { total as f64 })
}

/// One account on the matrix.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Index into the accounts.
    pub index: usize,
    pub attractiveness: f64,
    pub stage: Stage,
    pub quadrant: Quadrant,
    /// Current revenue (0 when unknown): the bubble's area.
    pub revenue: f64,
}

/// The accounts that can be placed, and the indices of those that cannot (no stage, or a
/// future-value criterion unrated). `keep` filters accounts (owner, sector, tier).
pub fn place(
    accounts: &[Arc<Account>],
    ranking: &[Ranked],
    weights: &Weights,
    keep: impl Fn(&Account, Tier) -> bool,
) -> (Vec<Placed>, Vec<usize>) {
    let mut placed = Vec::new();
    let mut unplaced = Vec::new();
    for r in ranking {
        let Some(account) = accounts.get(r.index) else { continue };
        if !keep(account, r.standing().tier) {
            continue;
        }
        match (account.fields.stage, attractiveness(&r.score, weights)) {
            (Some(stage), Some(a)) => placed.push(Placed {
                index: r.index,
                attractiveness: a,
                stage,
                quadrant: Quadrant::of(a, stage),
                revenue: account.fields.revenue.unwrap_or(0.0).max(0.0),
            }),
            _ => unplaced.push(r.index),
        }
    }
    (placed, unplaced)
}

/// A plan that needs someone's attention, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Attention {
    pub account_id: String,
    pub overdue_actions: usize,
    pub kpis_off_target: usize,
    pub stale: bool,
    pub review_overdue: bool,
}

/// The dashboard's figures.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Dashboard {
    /// Accounts per tier, in [`Tier`] order: key, watch, standard, incomplete.
    pub tiers: [usize; 4],
    pub accounts: usize,
    pub total_revenue: f64,
    /// Share (0–1) of current revenue that comes from key accounts.
    pub key_revenue_share: f64,
    /// Share (0–1) of current revenue that the top 20 % of accounts by revenue bring
    /// (at least one account).
    pub top_fifth_share: f64,
    /// How many accounts the top 20 % is.
    pub top_fifth: usize,
    /// Plans that need attention ([`crate::domain::plan::PlanHealth::needs_attention`]); worst first.
    pub attention: Vec<Attention>,
    /// Plans whose next review is within `horizon` days (or overdue), soonest first.
    pub upcoming_reviews: Vec<(String, Date)>,
    /// Open future-needs value over all plans.
    pub open_needs_value: f64,
    pub plans: usize,
}

fn tier_slot(t: Tier) -> usize {
    match t {
        Tier::Key => 0,
        Tier::Watch => 1,
        Tier::Standard => 2,
        Tier::Incomplete => 3,
    }
}

pub fn dashboard(
    accounts: &[Arc<Account>],
    ranking: &[Ranked],
    plans: &[Arc<Plan>],
    today: Date,
    horizon: i32,
) -> Dashboard {
    let mut d = Dashboard { accounts: accounts.len(), plans: plans.len(), ..Dashboard::default() };
    let mut key_revenue = 0.0;
    for r in ranking {
        // The tier in force: a manager's decision counts, not only the score.
        let tier = r.standing().tier;
        d.tiers[tier_slot(tier)] += 1;
        let revenue = accounts.get(r.index).and_then(|a| a.fields.revenue).unwrap_or(0.0).max(0.0);
        d.total_revenue += revenue;
        if tier == Tier::Key {
            key_revenue += revenue;
        }
    }
    let mut revenues: Vec<f64> = accounts.iter().map(|a| a.fields.revenue.unwrap_or(0.0).max(0.0)).collect();
    revenues.sort_by(|a, b| b.total_cmp(a));
    d.top_fifth = if accounts.is_empty() { 0 } else { accounts.len().div_ceil(5) };
    if d.total_revenue > 0.0 {
        d.key_revenue_share = key_revenue / d.total_revenue;
        d.top_fifth_share = revenues.iter().take(d.top_fifth).sum::<f64>() / d.total_revenue;
    }
    let mut attention: Vec<(u8, Attention)> = Vec::new();
    let healths = super::plan::healths(accounts, plans, today);
    for p in plans {
        let Some(&h) = healths.get(p.account_id.as_str()) else { continue };
        d.open_needs_value += p.open_needs_value();
        if h.needs_attention() {
            attention.push((
                h.score,
                Attention {
                    account_id: p.account_id.clone(),
                    overdue_actions: h.overdue_actions,
                    kpis_off_target: h.kpis_off_target,
                    stale: h.stale,
                    review_overdue: h.review_overdue,
                },
            ));
        }
        if let Some(next) = p.review.next {
            if today.days_until(next) <= horizon {
                d.upcoming_reviews.push((p.account_id.clone(), next));
            }
        }
    }
    attention.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.account_id.cmp(&b.1.account_id)));
    d.attention = attention.into_iter().map(|(_, a)| a).collect();
    d.upcoming_reviews.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    d
}

/// How an account's rank moves when the scoring settings change (the what-if sandbox).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Move {
    pub index: usize,
    pub before: Option<u32>,
    pub after: Option<u32>,
}

impl Move {
    /// Places gained (positive) or lost (negative); 0 when either rank is missing.
    pub fn gained(&self) -> i64 {
        match (self.before, self.after) {
            (Some(b), Some(a)) => b as i64 - a as i64,
            _ => 0,
        }
    }
}

/// Every account's rank before and after, in the order of `after`.
pub fn moves(before: &[Ranked], after: &[Ranked]) -> Vec<Move> {
    let mut rank_before = vec![None; before.iter().map(|r| r.index + 1).max().unwrap_or(0)];
    for r in before {
        rank_before[r.index] = r.rank;
    }
    after
        .iter()
        .map(|r| Move { index: r.index, before: rank_before.get(r.index).copied().flatten(), after: r.rank })
        .collect()
}

/// Moves from rank by revenue (before) to rank by score (after): the method's lesson, for the
/// rank comparison chart and the ranked table's arrows.
pub fn revenue_moves(ranking: &[Ranked]) -> Vec<Move> {
    ranking.iter().map(|r| Move { index: r.index, before: r.revenue_rank, after: r.rank }).collect()
}

/// The moves a rank chart shows: accounts with both ranks that are among the first `max`
/// before or after — beyond that a chart turns to mush. In the order of `moves`.
pub fn charted(moves: &[Move], max: usize) -> Vec<Move> {
    let ranked: Vec<&Move> = moves.iter().filter(|m| m.before.is_some() && m.after.is_some()).collect();
    let mut by_after = ranked.clone();
    by_after.sort_by_key(|m| m.after);
    let mut by_before = ranked.clone();
    by_before.sort_by_key(|m| m.before);
    let chosen: std::collections::HashSet<usize> =
        by_after.iter().take(max).chain(by_before.iter().take(max)).map(|m| m.index).collect();
    ranked.into_iter().filter(|m| chosen.contains(&m.index)).copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_portfolio;
    use crate::domain::scoring::{rank, ScoringSettings};

    fn check_quadrant(attractiveness: f64, stage: Stage, expected: Quadrant) {
        assert_eq!(Quadrant::of(attractiveness, stage), expected, "{attractiveness} at {stage:?}");
    }

    #[test]
    fn quadrants_split_at_attractiveness_50_and_stage_3() {
        check_quadrant(50.0, Stage::Cooperative, Quadrant::Strategic);
        check_quadrant(100.0, Stage::Integrated, Quadrant::Strategic);
        check_quadrant(49.9, Stage::Cooperative, Quadrant::Status);
        check_quadrant(80.0, Stage::Basic, Quadrant::Star);
        check_quadrant(0.0, Stage::Exploratory, Quadrant::Streamline);
        check_quadrant(49.9, Stage::Basic, Quadrant::Streamline);
        assert_eq!(Stage::ALL.map(Stage::number), [1, 2, 3, 4, 5]);
        assert_eq!(Stage::ALL.map(|s| Stage::from_slug(s.slug())), Stage::ALL.map(Some));
    }

    fn sample() -> (Vec<Arc<Account>>, Vec<Ranked>, ScoringSettings) {
        let ws = sample_portfolio(1_795_737_600_000);
        let ranking = rank(&ws.accounts, &ws.scoring);
        (ws.accounts, ranking, ws.scoring)
    }

    fn check_attractiveness(name: &str, weights: [u8; 5], expected: Option<f64>) {
        let (accounts, ranking, mut settings) = sample();
        for (c, w) in Criterion::ALL.into_iter().zip(weights) {
            settings.weights.set(c, w);
        }
        assert_eq!(Criterion::ALL.map(|c| settings.weights.get(c)), weights, "weights that sum to 100 are kept");
        let r = ranking.iter().find(|r| accounts[r.index].fields.name == name).unwrap();
        let got = attractiveness(&r.score, &settings.weights).map(|a| (a * 10.0).round() / 10.0);
        assert_eq!(got, expected, "{name} with {weights:?}");
    }

    #[test]
    fn attractiveness_is_the_weighted_mean_of_the_four_future_criteria() {
        // Helios's ratings: volume 2, then potential 5, lifetime value 2, fit 4, strategic 3.
        let (accounts, ranking, _) = sample();
        let helios = ranking.iter().find(|r| accounts[r.index].fields.name == "Helios Energy").unwrap();
        let ratings: Vec<Option<u8>> = FUTURE.iter().map(|&c| helios.score.get(c).rating).collect();
        assert_eq!(ratings, [Some(5), Some(2), Some(4), Some(3)]);
        // Default weights 10/20/25/20/25 → (20·5 + 25·2 + 20·4 + 25·3) · 20 / 90.
        check_attractiveness("Helios Energy", [10, 20, 25, 20, 25], Some(67.8));
        // Only the four's proportions matter, not volume's weight.
        check_attractiveness("Helios Energy", [60, 10, 10, 10, 10], Some(70.0));
        check_attractiveness("Helios Energy", [0, 70, 10, 10, 10], Some(88.0));
        // All weight on volume: the four count equally.
        check_attractiveness("Helios Energy", [100, 0, 0, 0, 0], Some(70.0));
        // Vicom: big today, little ahead.
        check_attractiveness("Vicom", [10, 20, 25, 20, 25], Some(28.9));
        check_attractiveness("Cartech", [10, 20, 25, 20, 25], Some(100.0));
    }

    #[test]
    fn the_sample_places_cartech_strategic_and_vicom_status() {
        let (accounts, ranking, settings) = sample();
        let (placed, unplaced) = place(&accounts, &ranking, &settings.weights, |_, _| true);
        assert_eq!((placed.len(), unplaced.len()), (12, 0));
        let quadrant = |name: &str| placed.iter().find(|p| accounts[p.index].fields.name == name).unwrap().quadrant;
        assert_eq!(quadrant("Cartech"), Quadrant::Strategic);
        assert_eq!(quadrant("Vicom"), Quadrant::Status);
        assert_eq!(quadrant("Helios Energy"), Quadrant::Star);
        assert_eq!(quadrant("Atlas Office"), Quadrant::Streamline);
        // Filters and missing stages.
        let mut accounts = accounts;
        Arc::make_mut(&mut accounts[1]).fields.stage = None;
        let (placed, unplaced) =
            place(&accounts, &ranking, &settings.weights, |a, _| a.fields.owner != "Pieter de Vries");
        assert!(unplaced.contains(&1), "Cartech has no stage now");
        assert!(placed.iter().all(|p| accounts[p.index].fields.owner != "Pieter de Vries"));
    }

    #[test]
    fn the_dashboard_sums_the_portfolio() {
        let ws = sample_portfolio(1_795_737_600_000);
        let ranking = rank(&ws.accounts, &ws.scoring);
        let today = Date::parse("2026-11-27").unwrap();
        let d = dashboard(&ws.accounts, &ranking, &ws.plans, today, 30);
        assert_eq!(d.accounts, 12);
        assert_eq!(d.tiers.iter().sum::<usize>(), 12);
        let total: f64 = ws.accounts.iter().filter_map(|a| a.fields.revenue).sum();
        assert_eq!(d.total_revenue, total);
        // Top 20 % of 12 accounts = 3 (rounded up): Vicom, Rijnland, Polder… whatever the three biggest are.
        let mut revenues: Vec<f64> = ws.accounts.iter().filter_map(|a| a.fields.revenue).collect();
        revenues.sort_by(|a, b| b.total_cmp(a));
        assert_eq!(d.top_fifth, 3);
        assert!((d.top_fifth_share - revenues[..3].iter().sum::<f64>() / total).abs() < 1e-12);
        let key: f64 = ranking
            .iter()
            .filter(|r| r.standing().tier == Tier::Key)
            .filter_map(|r| ws.accounts[r.index].fields.revenue)
            .sum();
        assert!((d.key_revenue_share - key / total).abs() < 1e-12);
        assert_eq!(d.open_needs_value, ws.plans.iter().map(|p| p.open_needs_value()).sum::<f64>());
        assert_eq!(d.plans, 2);
        // An empty portfolio has no shares to divide by zero.
        let empty = dashboard(&[], &[], &[], today, 30);
        assert_eq!((empty.top_fifth, empty.key_revenue_share, empty.top_fifth_share), (0, 0.0, 0.0));
    }

    #[test]
    fn plans_needing_attention_and_reviews_due_are_listed() {
        let mut ws = sample_portfolio(1_795_737_600_000);
        let far = Date::parse("2027-06-01").unwrap();
        let d = dashboard(&ws.accounts, &rank(&ws.accounts, &ws.scoring), &ws.plans, far, 30);
        // Half a year on, every plan is stale and its review overdue.
        assert_eq!(d.attention.len(), 2);
        assert!(d.attention.iter().all(|a| a.stale && a.review_overdue));
        assert_eq!(d.upcoming_reviews.len(), 2, "overdue reviews count as due");
        for p in &mut ws.plans {
            Arc::make_mut(p).review.next = None;
        }
        let d = dashboard(&ws.accounts, &rank(&ws.accounts, &ws.scoring), &ws.plans, far, 30);
        assert!(d.upcoming_reviews.is_empty());
    }

    #[test]
    fn moves_compare_ranks_before_and_after() {
        let (accounts, before, mut settings) = sample();
        settings.weights.set(Criterion::RevenueVolume, 80);
        let after = rank(&accounts, &settings);
        let moves = moves(&before, &after);
        assert_eq!(moves.len(), accounts.len());
        let vicom = moves.iter().find(|m| accounts[m.index].fields.name == "Vicom").unwrap();
        assert!(vicom.gained() > 0, "{vicom:?}");
        let cartech = moves.iter().find(|m| accounts[m.index].fields.name == "Cartech").unwrap();
        assert!(cartech.gained() < 0, "{cartech:?}");
        assert_eq!(Move { index: 0, before: None, after: Some(1) }.gained(), 0);
    }
}
