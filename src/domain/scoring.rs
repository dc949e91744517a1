//! Scoring: from an account's numbers and checklist answers to a rating per criterion,
//! a weighted score (0–100), a tier and a rank in the portfolio.
//!
//! # The suggestion rules (also shown to the user, next to each rating)
//! - **Revenue volume** and **revenue potential**: the account's value is placed among
//!   the portfolio's positive values for that number; the top fifth gets 5, the next 4,
//!   and so on down to 1. A value of zero suggests 0. The criterion's checklist can then
//!   move the suggestion one step: up when more answers are yes than no, down when more
//!   are no than yes.
//! - **Lifetime value**: annual revenue × gross margin × expected relationship years,
//!   placed in the portfolio the same way; then each *no* to a sustainability question
//!   takes one step off (a big buyer that struggles is a poor key account).
//! - **Product fit** and **strategic value**: from the checklist alone, once all of the
//!   criterion's questions are answered: 5 × yes / questions, rounded half up.
//!
//! A user override replaces the suggestion. A criterion with neither is unrated and the
//! account is *incomplete*: it gets no score rather than a misleading one.

use serde::{Deserialize, Serialize};
use std::sync::Arc;

use super::account::{Account, Assessment};
use super::criteria::{Criterion, Question};

pub const MAX_RATING: u8 = 5;

/// Criterion weights in whole percent; the invariant is that they sum to exactly 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "[u8; 5]", into = "[u8; 5]")]
pub struct Weights([u8; 5]);

impl Default for Weights {
    /// Volume alone never decides (the method's central lesson): it gets the smallest share.
    fn default() -> Weights {
        Weights([10, 20, 25, 20, 25])
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("weights must sum to 100 %, these sum to {0} %")]
pub struct WeightsError(pub u32);

impl TryFrom<[u8; 5]> for Weights {
    type Error = WeightsError;
    fn try_from(w: [u8; 5]) -> Result<Weights, WeightsError> {
        let sum: u32 = w.iter().map(|&x| x as u32).sum();
        if sum == 100 {
            Ok(Weights(w))
        } else {
            Err(WeightsError(sum))
        }
    }
}

impl From<Weights> for [u8; 5] {
    fn from(w: Weights) -> [u8; 5] {
        w.0
    }
}

impl Weights {
    pub fn get(&self, c: Criterion) -> u8 {
        self.0[c.index()]
    }

    /// Sets one weight and rescales the others proportionally so the total stays 100 %.
    /// Rounding leftovers go to the largest remainders, so repeated edits do not drift.
    /// When all the others are zero, the rest is shared equally.
    pub fn set(&mut self, c: Criterion, value: u8) {
        let value = value.min(100);
        let target = c.index();
        let rest = 100 - value as u32;
        let others: u32 = (0..5).filter(|&i| i != target).map(|i| self.0[i] as u32).sum();
        let mut new = [0u32; 5];
        let mut remainders = [(0u32, 0usize); 4];
        for (k, i) in (0..5).filter(|&i| i != target).enumerate() {
            let (num, den) = if others == 0 { (rest, 4) } else { (rest * self.0[i] as u32, others) };
            new[i] = num / den;
            // `den` is the same for every share in one call, so remainders compare directly.
            remainders[k] = (num % den, i);
        }
        new[target] = value as u32;
        let mut leftover = 100 - new.iter().sum::<u32>();
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, i) in remainders.iter().cycle().take(leftover as usize) {
            new[i] += 1;
            leftover -= 1;
        }
        debug_assert_eq!(leftover, 0);
        self.0 = new.map(|x| x as u8);
    }
}

#[cfg(test)]
impl schemars::JsonSchema for Weights {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Weights".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Criterion weights in percent, in the order revenue volume, revenue potential, lifetime value, product fit, strategic value; they sum to 100.",
            "type": "array", "items": { "type": "integer", "minimum": 0, "maximum": 100 }, "minItems": 5, "maxItems": 5
        })
    }
}

#[cfg(test)]
impl schemars::JsonSchema for Thresholds {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Thresholds".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Tier boundaries on the 0–100 score: 0 < watch < key ≤ 100.",
            "type": "object", "required": ["key", "watch"],
            "properties": { "key": { "type": "integer", "minimum": 1, "maximum": 100 }, "watch": { "type": "integer", "minimum": 1, "maximum": 99 } }
        })
    }
}

/// Tier boundaries on the 0–100 score. Invariant: `0 < watch < key <= 100`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawThresholds", into = "RawThresholds")]
pub struct Thresholds {
    key: u8,
    watch: u8,
}

#[derive(Clone, Copy, Serialize, Deserialize)]
struct RawThresholds {
    key: u8,
    watch: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ThresholdError {
    #[error("the key-account threshold must be between 1 and 100")]
    KeyOutOfRange,
    #[error("the watch threshold must be above 0 and below the key-account threshold")]
    WatchNotBelowKey,
}

impl TryFrom<RawThresholds> for Thresholds {
    type Error = ThresholdError;
    fn try_from(r: RawThresholds) -> Result<Thresholds, ThresholdError> {
        Thresholds::new(r.key, r.watch)
    }
}

impl From<Thresholds> for RawThresholds {
    fn from(t: Thresholds) -> RawThresholds {
        RawThresholds { key: t.key, watch: t.watch }
    }
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds { key: 70, watch: 50 }
    }
}

impl Thresholds {
    pub fn new(key: u8, watch: u8) -> Result<Thresholds, ThresholdError> {
        if key == 0 || key > 100 {
            return Err(ThresholdError::KeyOutOfRange);
        }
        if watch == 0 || watch >= key {
            return Err(ThresholdError::WatchNotBelowKey);
        }
        Ok(Thresholds { key, watch })
    }
    pub fn key(&self) -> u8 {
        self.key
    }
    pub fn watch(&self) -> u8 {
        self.watch
    }

    pub fn tier(&self, shown_score: u8) -> Tier {
        if shown_score >= self.key {
            Tier::Key
        } else if shown_score >= self.watch {
            Tier::Watch
        } else {
            Tier::Standard
        }
    }
}

/// Everything the user can tune about scoring — and the portfolio's currency, which travels
/// and merges with them as the workspace's settings.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoringSettings {
    pub weights: Weights,
    pub thresholds: Thresholds,
    pub currency: super::money::Currency,
}

pub use super::tier::{Standing, Tier};

/// Why a suggestion is what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The number this criterion needs is missing.
    MissingNumber,
    /// The number is zero.
    Zero,
    /// The value sits in `band` (5 = top fifth of the portfolio); the checklist moved it by `adjustment`.
    Portfolio { band: u8, adjustment: i8 },
    /// All checklist questions answered: `yes` of `total`.
    Checklist { yes: u8, total: u8 },
    /// Not all checklist questions answered yet.
    ChecklistOpen { answered: u8, total: u8 },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CriterionScore {
    pub criterion: Criterion,
    pub suggested: Option<u8>,
    pub basis: Basis,
    pub overridden: Option<u8>,
    /// The override if any, else the suggestion.
    pub rating: Option<u8>,
    /// Points this criterion adds to the 0–100 score (weight × rating / 5).
    pub points: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AccountScore {
    pub criteria: [CriterionScore; 5],
    /// `None` when any criterion is unrated.
    pub score: Option<f64>,
    pub tier: Tier,
}

impl AccountScore {
    /// The score as shown (rounded half up); the tier is decided on this same number so
    /// that a "70" is never shown as a Watch account.
    pub fn shown(&self) -> Option<u8> {
        self.score.map(shown_score)
    }
    pub fn get(&self, c: Criterion) -> &CriterionScore {
        &self.criteria[c.index()]
    }
}

fn shown_score(s: f64) -> u8 {
    (s + 0.5).floor().clamp(0.0, 100.0) as u8
}

/// The portfolio's distribution of the numbers that are rated relative to it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Portfolio {
    revenue: Vec<f64>,
    potential: Vec<f64>,
    lifetime: Vec<f64>,
}

/// A distribution's band edges: its number of values and where bands 2 to 5 start.
type Edges = (usize, [Option<f64>; 4]);

/// Annual revenue × margin × years: the profit we expect over the relationship.
pub fn lifetime_value(a: &Account) -> Option<f64> {
    let f = &a.fields;
    Some(f.revenue? * f.margin_pct? / 100.0 * f.relationship_years?)
}

impl Portfolio {
    pub fn of(accounts: &[Arc<Account>]) -> Portfolio {
        Portfolio::of_some(accounts, |_| true)
    }

    /// The distribution over the accounts that `keep` keeps.
    pub fn of_some(accounts: &[Arc<Account>], keep: impl Fn(&Account) -> bool) -> Portfolio {
        let counted: Vec<[Option<f64>; 3]> =
            accounts.iter().filter(|a| keep(a)).map(|a| Portfolio::counted(a)).collect();
        let sorted = |k: usize| {
            let mut v: Vec<f64> = counted.iter().filter_map(|c| c[k]).collect();
            v.sort_by(f64::total_cmp);
            v
        };
        Portfolio { revenue: sorted(0), potential: sorted(1), lifetime: sorted(2) }
    }

    /// The figures of `a` the distribution counts: positive and finite.
    fn counted(a: &Account) -> [Option<f64>; 3] {
        figures(a).map(|v| v.filter(|x| *x > 0.0 && x.is_finite()))
    }

    /// The distribution with `was`'s figures replaced by `now`'s: each taken out of its sorted
    /// list and put in at its place (equal to [`Portfolio::of`] the accounts after the change).
    fn replace(&mut self, was: &Account, now: &Account) {
        let (out, into) = (Portfolio::counted(was), Portfolio::counted(now));
        for (k, list) in [&mut self.revenue, &mut self.potential, &mut self.lifetime].into_iter().enumerate() {
            if out[k] == into[k] {
                continue;
            }
            if let Some(v) = out[k] {
                let at = list.partition_point(|x| x.total_cmp(&v).is_lt());
                if list.get(at).is_some_and(|x| x.total_cmp(&v).is_eq()) {
                    list.remove(at);
                }
            }
            if let Some(v) = into[k] {
                let at = list.partition_point(|x| x.total_cmp(&v).is_lt());
                list.insert(at, v);
            }
        }
    }

    /// The band edges of the three figures (see [`Portfolio::edges`]): all that an account's
    /// ratings take from the portfolio. Equal edges put every account in the same bands, so a
    /// revenue edited within its band leaves the other 9,999 ratings as they were.
    fn all_edges(&self) -> [Edges; 3] {
        [&self.revenue, &self.potential, &self.lifetime].map(|v| Portfolio::edges(v))
    }

    /// What [`Portfolio::band`] depends on: the number of values and the value each band from
    /// the second on starts at. `band(x) ≥ b` exactly when `x` reaches the `m`-th smallest
    /// value, `m = ⌊(b − 1)·n / 5⌋ + 1` (always, when `m` is 1: no edge).
    fn edges(sorted: &[f64]) -> Edges {
        let n = sorted.len().max(1);
        let edge = |b: usize| {
            let m = (b - 1) * n / 5 + 1;
            if m >= 2 {
                sorted.get(m - 1).copied()
            } else {
                None
            }
        };
        (sorted.len(), [edge(2), edge(3), edge(4), edge(5)])
    }

    /// [`Portfolio::band`] from the edges alone: four comparisons instead of a search.
    fn band_at(edges: &Edges, x: f64) -> u8 {
        1 + edges.1.iter().filter(|e| e.is_none_or(|e| x >= e)).count() as u8
    }

    /// The bands of an account's three figures under `edges` (see [`numeric`]: a missing or
    /// non-positive figure has none).
    fn bands(edges: &[Edges; 3], a: &Account) -> [Option<u8>; 3] {
        let figures = figures(a);
        std::array::from_fn(|k| figures[k].filter(|v| *v > 0.0).map(|v| Portfolio::band_at(&edges[k], v)))
    }

    /// 1–5: which fifth of the positive values `x` falls in (5 = top fifth).
    fn band(sorted: &[f64], x: f64) -> u8 {
        let n = sorted.len().max(1);
        let at_or_below = sorted.partition_point(|v| *v <= x).max(1);
        // ceil(5 × at_or_below / n), in integers.
        (5 * at_or_below).div_ceil(n).clamp(1, 5) as u8
    }
}

/// Each criterion's questions as a bit mask over `Question::index`.
const QUESTION_MASKS: [u32; 5] = {
    let mut masks = [0u32; 5];
    let mut i = 0;
    while i < Question::ALL.len() {
        let q = Question::ALL[i];
        masks[q.criterion().index()] |= 1 << q.index();
        i += 1;
    }
    masks
};

fn answers(assessment: &Assessment, c: Criterion) -> (u8, u8, u8) {
    let mask = QUESTION_MASKS[c.index()];
    let (yes, no) = assessment.answers.count(mask);
    (yes, no, mask.count_ones() as u8)
}

fn numeric(sorted: &[f64], value: Option<f64>, adjustment: i8) -> (Option<u8>, Basis) {
    match value {
        None => (None, Basis::MissingNumber),
        Some(v) if v <= 0.0 => (Some(0), Basis::Zero),
        Some(v) => {
            let band = Portfolio::band(sorted, v);
            let rating = (band as i8 + adjustment).clamp(0, MAX_RATING as i8) as u8;
            (Some(rating), Basis::Portfolio { band, adjustment })
        }
    }
}

/// The suggested rating for one criterion, with its reason.
pub fn suggest(account: &Account, portfolio: &Portfolio, c: Criterion) -> (Option<u8>, Basis) {
    let (yes, no, total) = answers(&account.assessment, c);
    let f = &account.fields;
    match c {
        Criterion::RevenueVolume => numeric(&portfolio.revenue, f.revenue, (yes as i8 - no as i8).signum()),
        Criterion::RevenuePotential => numeric(&portfolio.potential, f.potential, (yes as i8 - no as i8).signum()),
        Criterion::LifetimeValue => numeric(&portfolio.lifetime, lifetime_value(account), -(no as i8)),
        Criterion::ProductFit | Criterion::StrategicValue => {
            if yes + no < total {
                (None, Basis::ChecklistOpen { answered: yes + no, total })
            } else {
                // round(5 × yes / total), half up, in integers.
                let rating = ((10 * yes as u32 + total as u32) / (2 * total as u32)) as u8;
                (Some(rating), Basis::Checklist { yes, total })
            }
        }
    }
}

pub fn score(account: &Account, portfolio: &Portfolio, settings: &ScoringSettings) -> AccountScore {
    weigh(rate(account, portfolio), settings)
}

/// An account's five ratings before weighting: what depends on the account and the
/// portfolio, not on the weights (so a weight change re-weighs without re-rating).
type Rated = [(Option<u8>, Basis, Option<u8>); 5];

fn rate(account: &Account, portfolio: &Portfolio) -> Rated {
    Criterion::ALL.map(|c| {
        let (suggested, basis) = suggest(account, portfolio, c);
        let overridden = account.assessment.overrides.get(&c).map(|r| (*r).min(MAX_RATING));
        (suggested, basis, overridden)
    })
}

fn weigh(rated: Rated, settings: &ScoringSettings) -> AccountScore {
    let mut i = 0;
    let criteria = rated.map(|(suggested, basis, overridden)| {
        let c = Criterion::ALL[i];
        i += 1;
        let rating = overridden.or(suggested);
        let points = rating.map_or(0.0, |r| settings.weights.get(c) as f64 * r as f64 / MAX_RATING as f64);
        CriterionScore { criterion: c, suggested, basis, overridden, rating, points }
    });
    let complete = criteria.iter().all(|c| c.rating.is_some());
    let score = complete.then(|| criteria.iter().map(|c| c.points).sum::<f64>());
    let tier = score.map_or(Tier::Incomplete, |s| settings.thresholds.tier(shown_score(s)));
    AccountScore { criteria, score, tier }
}

/// A suggestion that moved because the portfolio changed, not the account: accounts were
/// added since the account was last changed, and its figure now falls in another fifth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shift {
    pub criterion: Criterion,
    /// The suggestion without the accounts added since.
    pub was: u8,
    pub now: u8,
    /// Accounts added since the account was last changed.
    pub added: usize,
    /// Of those, how many have a higher figure than this account.
    pub higher: usize,
    /// When the first of them was added.
    pub since_ms: i64,
}

/// The figure a portfolio-relative criterion places.
fn figure(a: &Account, c: Criterion) -> Option<f64> {
    match c {
        Criterion::RevenueVolume => a.fields.revenue,
        Criterion::RevenuePotential => a.fields.potential,
        Criterion::LifetimeValue => lifetime_value(a),
        Criterion::ProductFit | Criterion::StrategicValue => None,
    }
}

/// Why the account's portfolio-relative suggestions differ from what they were when the
/// account was last changed: one entry per criterion that moved.
pub fn portfolio_shifts(accounts: &[Arc<Account>], index: usize) -> Vec<Shift> {
    let Some(me) = accounts.get(index) else { return Vec::new() };
    let seen = me.created_ms.max(me.updated_ms);
    let later: Vec<&Account> = accounts.iter().filter(|a| a.created_ms > seen).map(|a| &**a).collect();
    if later.is_empty() {
        return Vec::new();
    }
    let now = Portfolio::of(accounts);
    let then = Portfolio::of_some(accounts, |a| a.created_ms <= seen);
    [Criterion::RevenueVolume, Criterion::RevenuePotential, Criterion::LifetimeValue]
        .into_iter()
        .filter_map(|c| {
            let (Some(was), Some(is)) = (suggest(me, &then, c).0, suggest(me, &now, c).0) else { return None };
            let mine = figure(me, c)?;
            (was != is).then(|| Shift {
                criterion: c,
                was,
                now: is,
                added: later.len(),
                higher: later.iter().filter(|a| figure(a, c).is_some_and(|v| v > mine)).count(),
                since_ms: later.iter().map(|a| a.created_ms).min().unwrap_or(seen),
            })
        })
        .collect()
}

/// One account's place in the portfolio.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranked {
    /// Index into the accounts slice that was ranked.
    pub index: usize,
    pub score: AccountScore,
    /// 1 = best score; `None` for incomplete accounts. Every complete account has its own
    /// rank: equal shown scores are ordered by the exact score, then revenue, then name.
    pub rank: Option<u32>,
    /// Another account shows the same score: its rank was decided by the tie-break.
    pub tied: bool,
    /// 1 = highest current revenue; `None` without a revenue figure. Equal revenues share a rank.
    pub revenue_rank: Option<u32>,
    /// The manager's decision on the tier, if any.
    pub decided: Option<Tier>,
}

impl Ranked {
    /// The tier in force and what the score says.
    pub fn standing(&self) -> Standing {
        Standing::new(self.score.tier, self.decided)
    }
}

/// Scores and ranks the whole portfolio. The result is ordered by rank (incomplete
/// accounts last, by name), so a table can show it as is.
///
/// Runs on every weight change, for up to 10,000 accounts within a frame: sorting moves
/// 4-byte indices over precomputed keys, never the (large) scores, and compares names
/// without allocating.
pub fn rank(accounts: &[Arc<Account>], settings: &ScoringSettings) -> Vec<Ranked> {
    rank_cached(&mut RankCache::default(), accounts, settings)
}

/// What [`rank_cached`] keeps between calls: the portfolio and every account's ratings, by
/// account pointer (the workspace shares its records, and an edit replaces the record it
/// changes), and the last ranking's order. The cache holds its own reference to each
/// account, so a pointer it compares can never have been reused by another account.
#[derive(Clone, Debug, Default)]
pub struct RankCache {
    portfolio: Portfolio,
    rated: Vec<(Arc<Account>, Rated)>,
    /// What the last ranking was made with and of: its settings, every account's score, the
    /// accounts' indices best first and their revenue ranks. Empty before the first ranking.
    settings: ScoringSettings,
    scores: Vec<AccountScore>,
    order: Vec<u32>,
    revenue_rank: Vec<Option<u32>>,
    /// The accounts' indices by revenue, highest first.
    by_revenue: Vec<u32>,
}

/// The figures the portfolio is made of.
fn figures(a: &Account) -> [Option<f64>; 3] {
    [a.fields.revenue, a.fields.potential, lifetime_value(a)]
}

/// At most this many changed accounts are moved into place in the last order; more, and
/// sorting afresh is as quick.
const MOVED_AT_MOST: usize = 64;

/// As [`rank`], re-rating only the accounts that changed since the last call (and those whose
/// bands a changed figure moved: see `Portfolio::all_edges`). When a few accounts changed and
/// neither the settings nor any revenue did, those few are taken out of the last order and
/// put back where they now belong (binary search) instead of sorting 10,000 again.
pub fn rank_cached(cache: &mut RankCache, accounts: &[Arc<Account>], settings: &ScoringSettings) -> Vec<Ranked> {
    rank_into(cache, accounts, settings, None).0
}

/// As [`rank_cached`], given the ranking it returned last (`previous`), which it changes in
/// place when few accounts moved: only the places between where they were and where they now
/// are get new entries, instead of 10,000 built again. Also says whether the ranking changed
/// (an edit that moves no score leaves it as it was, and nothing that shows it runs again).
pub fn rank_into(
    cache: &mut RankCache,
    accounts: &[Arc<Account>],
    settings: &ScoringSettings,
    previous: Option<Vec<Ranked>>,
) -> (Vec<Ranked>, bool) {
    let aligned = cache.rated.len() == accounts.len();
    let same = |i: usize| aligned && Arc::ptr_eq(&cache.rated[i].0, &accounts[i]);
    // The distribution moves only when a figure changes: a rating or an answer leaves it.
    let figures_kept =
        aligned && (0..accounts.len()).all(|i| same(i) || figures(&cache.rated[i].0) == figures(&accounts[i]));
    // The records that changed, when they are few.
    let changed: Option<Vec<usize>> = aligned
        .then(|| (0..accounts.len()).filter(|&i| !same(i)).take(MOVED_AT_MOST + 1).collect::<Vec<usize>>())
        .filter(|changed| changed.len() <= MOVED_AT_MOST);
    if figures_kept && cache.settings == *settings && cache.order.len() == accounts.len() {
        if let Some(changed) = &changed {
            return moved(cache, accounts, settings, changed, previous);
        }
    }
    if !figures_kept {
        // A few records changed: their figures are taken out of the distribution and the new
        // ones put in (three 10,000-value lists were sorted afresh: 2.4 ms of a revenue edit).
        let portfolio = if let Some(changed) = &changed {
            let mut p = cache.portfolio.clone();
            for &i in changed {
                p.replace(&cache.rated[i].0, &accounts[i]);
            }
            p
        } else {
            Portfolio::of(accounts)
        };
        // An account's ratings take only its three bands from the portfolio: when an edge moved
        // (a revenue crossed it, an account came or went), the kept accounts whose bands moved
        // are re-rated here — the few near the edge, not all 10,000.
        let (now, was) = (portfolio.all_edges(), cache.portfolio.all_edges());
        if now != was {
            for (a, r) in cache.rated.iter_mut() {
                if Portfolio::bands(&now, a) != Portfolio::bands(&was, a) {
                    *r = rate(a, &portfolio);
                }
            }
        }
        cache.portfolio = portfolio;
    }
    let aligned = cache.rated.len() == accounts.len();
    // A weight change keeps every record: their ratings stand as they are.
    let kept = aligned && (0..accounts.len()).all(|i| Arc::ptr_eq(&cache.rated[i].0, &accounts[i]));
    if !kept {
        // Accounts added or removed shift the rest: find the others by pointer.
        let by_pointer: std::collections::HashMap<*const Account, usize> = if aligned {
            std::collections::HashMap::new()
        } else {
            cache.rated.iter().enumerate().map(|(i, (a, _))| (Arc::as_ptr(a), i)).collect()
        };
        let rated: Vec<(Arc<Account>, Rated)> = accounts
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let at = if aligned { Some(i) } else { by_pointer.get(&Arc::as_ptr(a)).copied() };
                match at.and_then(|k| cache.rated.get(k)) {
                    Some((was, r)) if Arc::ptr_eq(was, a) => (Arc::clone(a), *r),
                    _ => (Arc::clone(a), rate(a, &cache.portfolio)),
                }
            })
            .collect();
        cache.rated = rated;
    }
    cache.scores = cache.rated.iter().map(|(_, r)| weigh(*r, settings)).collect();
    cache.settings = *settings;
    let revenue: Vec<f64> = accounts.iter().map(|a| revenue_key(a)).collect();
    // Revenue ranks first, in revenue order — unless no revenue changed since the last time.
    if !(figures_kept && cache.revenue_rank.len() == accounts.len()) {
        // From the last revenue order when the accounts are the same ones: one revenue edited
        // leaves it sorted but for that account, and the (adaptive) sort finds that out.
        let mut by_revenue: Vec<u32> = if aligned && cache.by_revenue.len() == accounts.len() {
            std::mem::take(&mut cache.by_revenue)
        } else {
            (0..accounts.len() as u32).collect()
        };
        by_revenue.sort_by(|&a, &b| revenue[b as usize].total_cmp(&revenue[a as usize]).then(a.cmp(&b)));
        cache.revenue_rank = vec![None; accounts.len()];
        let revenue_rank = &mut cache.revenue_rank;
        competition_ranks(&by_revenue, |i| accounts[i].fields.revenue, |i, r| revenue_rank[i] = r);
        cache.by_revenue = by_revenue;
    }

    // Then score ranks, in the final order: by score, ties by revenue, then name. Sorting
    // starts from the last order when the accounts are the same ones: a weight change
    // mostly keeps it.
    let mut order: Vec<u32> = if aligned && cache.order.len() == accounts.len() {
        std::mem::take(&mut cache.order)
    } else {
        (0..accounts.len() as u32).collect()
    };
    let key: Vec<f64> = cache.scores.iter().map(score_key).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (a as usize, b as usize);
        better(key[a], key[b], revenue[a], revenue[b], a, b, accounts)
    });
    cache.order = order;
    into(cache, accounts, previous)
}

/// The ranking from the cache, written over `previous` (what was returned last): no new
/// 3 MB list at 10,000 accounts, and whether anything changed is found on the way.
fn into(cache: &RankCache, accounts: &[Arc<Account>], previous: Option<Vec<Ranked>>) -> (Vec<Ranked>, bool) {
    let n = cache.order.len();
    let mut list = previous.unwrap_or_default();
    let mut differs = list.len() != n;
    list.truncate(n);
    for p in 0..n {
        let now = entry(cache, accounts, p);
        match list.get_mut(p) {
            Some(was) if *was == now => {}
            Some(was) => {
                *was = now;
                differs = true;
            }
            None => list.push(now),
        }
    }
    (list, differs)
}

fn revenue_key(a: &Account) -> f64 {
    a.fields.revenue.unwrap_or(-1.0)
}

fn score_key(s: &AccountScore) -> f64 {
    s.score.unwrap_or(-1.0)
}

/// The ranking's order between accounts `a` and `b` (`Less`: `a` first): by score, ties by
/// revenue, then name, then position. A strict total order, so a binary search finds one place.
fn better(
    key_a: f64,
    key_b: f64,
    revenue_a: f64,
    revenue_b: f64,
    a: usize,
    b: usize,
    accounts: &[Arc<Account>],
) -> std::cmp::Ordering {
    key_b
        .total_cmp(&key_a)
        .then(revenue_b.total_cmp(&revenue_a))
        .then_with(|| caseless(&accounts[a].fields.name, &accounts[b].fields.name))
        .then(a.cmp(&b))
}

/// The fast path of [`rank_into`]: only `changed` (few) accounts differ from the last
/// ranking, with the same settings, portfolio and revenues.
fn moved(
    cache: &mut RankCache,
    accounts: &[Arc<Account>],
    settings: &ScoringSettings,
    changed: &[usize],
    previous: Option<Vec<Ranked>>,
) -> (Vec<Ranked>, bool) {
    for &i in changed {
        let r = rate(&accounts[i], &cache.portfolio);
        cache.rated[i] = (Arc::clone(&accounts[i]), r);
        cache.scores[i] = weigh(r, settings);
    }
    let mut out = vec![false; accounts.len()];
    for &i in changed {
        out[i] = true;
    }
    // The places between the first and the last a changed account had or has now are the
    // only ones whose entry can differ (and their neighbours', for the tie marks).
    let mut span = (usize::MAX, 0);
    let mut widen = |order: &[u32]| {
        for (p, &o) in order.iter().enumerate() {
            if out[o as usize] {
                span = (span.0.min(p), span.1.max(p));
            }
        }
    };
    widen(&cache.order);
    cache.order.retain(|&o| !out[o as usize]);
    for &i in changed {
        let (key, revenue) = (score_key(&cache.scores[i]), revenue_key(&accounts[i]));
        let scores = &cache.scores;
        let at = cache.order.partition_point(|&o| {
            let o = o as usize;
            better(score_key(&scores[o]), key, revenue_key(&accounts[o]), revenue, o, i, accounts).is_lt()
        });
        cache.order.insert(at, i as u32);
    }
    widen(&cache.order);
    match previous {
        Some(mut list) if list.len() == cache.order.len() => {
            let mut differs = false;
            if span.0 <= span.1 {
                let (from, to) = (span.0.saturating_sub(1), span.1 + 1);
                for (p, was) in list.iter_mut().enumerate().take(to + 1).skip(from) {
                    let now = entry(cache, accounts, p);
                    if *was != now {
                        *was = now;
                        differs = true;
                    }
                }
            }
            (list, differs)
        }
        previous => into(cache, accounts, previous),
    }
}

/// The ranking's entry at `place` of the cache's order. Complete accounts come first, so
/// ranks run 1, 2, 3… along the order.
fn entry(cache: &RankCache, accounts: &[Arc<Account>], place: usize) -> Ranked {
    let (order, scores) = (&cache.order, &cache.scores);
    let shown = |p: usize| order.get(p).and_then(|&i| scores[i as usize].shown());
    let i = order[place] as usize;
    let here = shown(place);
    let tied = here.is_some() && (place.checked_sub(1).and_then(shown) == here || shown(place + 1) == here);
    Ranked {
        index: i,
        score: scores[i],
        rank: here.map(|_| place as u32 + 1),
        tied,
        revenue_rank: cache.revenue_rank[i],
        decided: accounts[i].decided.as_ref().map(|d| d.tier),
    }
}

/// Names compared as lower case, without building lower-case copies.
fn caseless(a: &str, b: &str) -> std::cmp::Ordering {
    a.chars().flat_map(char::to_lowercase).cmp(b.chars().flat_map(char::to_lowercase))
}

/// Standard competition ranking (1, 2, 2, 4) along `order` (best first).
fn competition_ranks(order: &[u32], key: impl Fn(usize) -> Option<f64>, mut set: impl FnMut(usize, Option<u32>)) {
    let mut previous: Option<(f64, u32)> = None;
    for (place, &i) in order.iter().enumerate() {
        let i = i as usize;
        let rank = key(i).map(|k| match previous {
            Some((p, r)) if p == k => r,
            _ => {
                previous = Some((k, place as u32 + 1));
                place as u32 + 1
            }
        });
        set(i, rank);
    }
}

/// Answers every question of a criterion at once (used by the sample portfolio and tests).
pub fn answer_all(assessment: &mut Assessment, c: Criterion, yes: &[Question]) {
    for q in c.questions() {
        assessment.set_answer(q, Some(yes.contains(&q)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::AccountFields;

    fn account(
        name: &str,
        revenue: Option<f64>,
        potential: Option<f64>,
        margin: Option<f64>,
        years: Option<f64>,
    ) -> Account {
        let fields = AccountFields {
            name: name.into(),
            revenue,
            potential,
            margin_pct: margin,
            relationship_years: years,
            ..Default::default()
        };
        Account::new(name.to_lowercase(), fields, 0)
    }

    fn check_weights(start: [u8; 5], c: Criterion, value: u8, expected: [u8; 5]) {
        let mut w = Weights::try_from(start).unwrap();
        w.set(c, value);
        assert_eq!(<[u8; 5]>::from(w), expected, "set {c:?} to {value} from {start:?}");
        assert_eq!(<[u8; 5]>::from(w).iter().map(|&x| x as u32).sum::<u32>(), 100);
    }

    #[test]
    fn weights_rebalance_to_100() {
        check_weights([10, 20, 25, 20, 25], Criterion::RevenueVolume, 80, [80, 4, 6, 4, 6]);
        check_weights([20, 20, 20, 20, 20], Criterion::ProductFit, 40, [15, 15, 15, 40, 15]);
        check_weights([20, 20, 20, 20, 20], Criterion::ProductFit, 0, [25, 25, 25, 0, 25]);
        check_weights([100, 0, 0, 0, 0], Criterion::RevenueVolume, 50, [50, 13, 13, 12, 12]);
        check_weights([10, 20, 25, 20, 25], Criterion::StrategicValue, 100, [0, 0, 0, 0, 100]);
        check_weights([10, 20, 25, 20, 25], Criterion::StrategicValue, 250, [0, 0, 0, 0, 100]);
        check_weights([33, 33, 34, 0, 0], Criterion::ProductFit, 1, [33, 33, 33, 1, 0]);
    }

    #[test]
    fn weights_that_do_not_sum_to_100_are_refused() {
        assert_eq!(Weights::try_from([10, 10, 10, 10, 10]), Err(WeightsError(50)));
        assert!(serde_json::from_str::<Weights>("[50,50,50,50,50]").is_err());
        assert_eq!(serde_json::from_str::<Weights>("[10,20,25,20,25]").unwrap(), Weights::default());
    }

    #[test]
    fn thresholds_are_validated() {
        assert_eq!(Thresholds::new(70, 50).map(|t| (t.key(), t.watch())), Ok((70, 50)));
        assert_eq!(Thresholds::new(0, 0), Err(ThresholdError::KeyOutOfRange));
        assert_eq!(Thresholds::new(101, 50), Err(ThresholdError::KeyOutOfRange));
        assert_eq!(Thresholds::new(60, 60), Err(ThresholdError::WatchNotBelowKey));
        assert_eq!(Thresholds::new(60, 0), Err(ThresholdError::WatchNotBelowKey));
        assert!(serde_json::from_str::<Thresholds>(r#"{"key":40,"watch":50}"#).is_err());
        let t = Thresholds::default();
        assert_eq!(
            [t.tier(70), t.tier(69), t.tier(50), t.tier(49)],
            [Tier::Key, Tier::Watch, Tier::Watch, Tier::Standard]
        );
    }

    fn check_band(values: &[f64], x: f64, expected: u8) {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        assert_eq!(Portfolio::band(&v, x), expected, "{x} in {values:?}");
    }

    #[test]
    fn bands_are_fifths_of_the_portfolio() {
        let ten: Vec<f64> = (1..=10).map(f64::from).collect();
        check_band(&ten, 10.0, 5);
        check_band(&ten, 9.0, 5);
        check_band(&ten, 8.0, 4);
        check_band(&ten, 2.0, 1);
        check_band(&ten, 1.0, 1);
        check_band(&[5.0], 5.0, 5);
        check_band(&[], 5.0, 5);
        check_band(&[3.0, 3.0, 3.0], 3.0, 5);
    }

    fn check_suggestion(a: &Account, portfolio: &Portfolio, c: Criterion, expected: (Option<u8>, Basis)) {
        assert_eq!(suggest(a, portfolio, c), expected, "{c:?} for {}", a.fields.name);
    }

    #[test]
    fn numeric_suggestions_follow_the_portfolio_and_checklist() {
        let mut accounts: Vec<Arc<Account>> = (1..=5)
            .map(|i| {
                account(&format!("A{i}"), Some(i as f64 * 100.0), Some(i as f64 * 10.0), Some(20.0), Some(i as f64))
            })
            .map(Arc::new)
            .collect();
        accounts.push(Arc::new(account("Zero", Some(0.0), None, Some(20.0), Some(3.0))));
        let p = Portfolio::of(&accounts);
        check_suggestion(
            &accounts[4],
            &p,
            Criterion::RevenueVolume,
            (Some(5), Basis::Portfolio { band: 5, adjustment: 0 }),
        );
        check_suggestion(
            &accounts[0],
            &p,
            Criterion::RevenueVolume,
            (Some(1), Basis::Portfolio { band: 1, adjustment: 0 }),
        );
        check_suggestion(&accounts[5], &p, Criterion::RevenueVolume, (Some(0), Basis::Zero));
        check_suggestion(&accounts[5], &p, Criterion::RevenuePotential, (None, Basis::MissingNumber));
        check_suggestion(&accounts[5], &p, Criterion::LifetimeValue, (Some(0), Basis::Zero));

        // The checklist nudges volume by at most one step.
        let mut a = Account::clone(&accounts[2]);
        a.assessment.set_answer(Question::VolumeStable, Some(true));
        a.assessment.set_answer(Question::VolumeRecurring, Some(true));
        check_suggestion(&a, &p, Criterion::RevenueVolume, (Some(4), Basis::Portfolio { band: 3, adjustment: 1 }));
        a.assessment.set_answer(Question::VolumeStable, Some(false));
        check_suggestion(&a, &p, Criterion::RevenueVolume, (Some(3), Basis::Portfolio { band: 3, adjustment: 0 }));

        // Each sustainability "no" takes a step off lifetime value.
        let mut top = Account::clone(&accounts[4]);
        check_suggestion(&top, &p, Criterion::LifetimeValue, (Some(5), Basis::Portfolio { band: 5, adjustment: 0 }));
        top.assessment.set_answer(Question::LtvHealthy, Some(false));
        top.assessment.set_answer(Question::LtvCompetitive, Some(false));
        top.assessment.set_answer(Question::LtvMargin, Some(true));
        check_suggestion(&top, &p, Criterion::LifetimeValue, (Some(3), Basis::Portfolio { band: 5, adjustment: -2 }));
    }

    #[test]
    fn checklist_suggestions_need_every_answer() {
        let mut a = account("A", None, None, None, None);
        let p = Portfolio::of(&[Arc::new(a.clone())]);
        check_suggestion(&a, &p, Criterion::ProductFit, (None, Basis::ChecklistOpen { answered: 0, total: 4 }));
        a.assessment.set_answer(Question::FitNeeds, Some(true));
        check_suggestion(&a, &p, Criterion::ProductFit, (None, Basis::ChecklistOpen { answered: 1, total: 4 }));
        answer_all(&mut a.assessment, Criterion::ProductFit, &[Question::FitNeeds, Question::FitProfile]);
        check_suggestion(&a, &p, Criterion::ProductFit, (Some(3), Basis::Checklist { yes: 2, total: 4 }));
        answer_all(&mut a.assessment, Criterion::ProductFit, &[Question::FitNeeds]);
        check_suggestion(&a, &p, Criterion::ProductFit, (Some(1), Basis::Checklist { yes: 1, total: 4 }));
        answer_all(
            &mut a.assessment,
            Criterion::StrategicValue,
            &[Question::StrategicVision, Question::StrategicMutual],
        );
        check_suggestion(&a, &p, Criterion::StrategicValue, (Some(2), Basis::Checklist { yes: 2, total: 5 }));
    }

    #[test]
    fn score_is_the_weighted_sum_and_incomplete_gets_none() {
        let mut a = account("A", Some(100.0), Some(10.0), Some(20.0), Some(5.0));
        let settings = ScoringSettings::default();
        let p = Portfolio::of(&[Arc::new(a.clone())]);
        let s = score(&a, &p, &settings);
        assert_eq!(s.score, None);
        assert_eq!(s.tier, Tier::Incomplete);
        assert_eq!(s.get(Criterion::RevenueVolume).points, 10.0);

        a.assessment.set_override(Criterion::ProductFit, Some(5));
        a.assessment.set_override(Criterion::StrategicValue, Some(0));
        let s = score(&a, &p, &settings);
        // 10 + 20 + 25 + 20 + 0: volume, potential and lifetime are all top of a one-account portfolio.
        assert_eq!(s.score, Some(75.0));
        assert_eq!(s.tier, Tier::Key);
        assert_eq!(s.get(Criterion::StrategicValue).suggested, None);
        assert_eq!(s.get(Criterion::StrategicValue).rating, Some(0));

        a.assessment.set_override(Criterion::RevenueVolume, Some(2));
        let s = score(&a, &p, &settings);
        assert_eq!((s.score, s.get(Criterion::RevenueVolume).suggested), (Some(69.0), Some(5)));
        assert_eq!(s.tier, Tier::Watch);
    }

    #[test]
    fn shown_score_rounds_half_up_and_tier_follows_it() {
        assert_eq!([shown_score(69.4), shown_score(69.5), shown_score(100.0), shown_score(0.0)], [69, 70, 100, 0]);
    }

    #[test]
    fn a_suggestion_moved_by_new_accounts_says_so() {
        let mut ws = crate::domain::sample::sample_portfolio(1_000);
        let fjord = ws.accounts.iter().position(|a| a.fields.name == "Fjord Maritime").unwrap();
        assert!(portfolio_shifts(&ws.accounts, fjord).is_empty(), "nothing added since");
        let before = rank(&ws.accounts, &ws.scoring);
        // Three smaller accounts arrive later: Fjord's revenue now ranks higher in the portfolio.
        for (i, revenue) in [100_000.0, 110_000.0, 120_000.0].into_iter().enumerate() {
            let mut a = account(&format!("New {i}"), Some(revenue), Some(1.0), Some(10.0), Some(1.0));
            a.created_ms = 2_000 + i as i64;
            ws.accounts.push(Arc::new(a));
        }
        let shifts = portfolio_shifts(&ws.accounts, fjord);
        let volume = shifts.iter().find(|s| s.criterion == Criterion::RevenueVolume).expect("volume moved");
        assert!(volume.was < volume.now, "{volume:?}");
        assert_eq!((volume.added, volume.higher, volume.since_ms), (3, 0, 2_000));
        let after = rank(&ws.accounts, &ws.scoring);
        let score = |r: &[Ranked]| r.iter().find(|x| x.index == fjord).and_then(|x| x.score.shown());
        assert_ne!(score(&before), score(&after), "the score moved without anyone touching Fjord");
        // Bigger accounts arriving are counted as such.
        let mut big = account("Giant", Some(9e6), Some(1.0), Some(10.0), Some(1.0));
        big.created_ms = 2_500;
        ws.accounts.push(Arc::new(big));
        let cartech = ws.accounts.iter().position(|a| a.fields.name == "Cartech").unwrap();
        for s in portfolio_shifts(&ws.accounts, cartech).iter().filter(|s| s.criterion == Criterion::RevenueVolume) {
            assert_eq!((s.added, s.higher), (4, 1), "{s:?}");
        }
        // Editing the account takes the new portfolio as seen.
        Arc::make_mut(&mut ws.accounts[fjord]).updated_ms = 3_000;
        assert!(portfolio_shifts(&ws.accounts, fjord).is_empty());
    }

    /// A band read from the edges is the band; two distributions with the same edges put every
    /// number in the same band; one value edited moves the edges only when it crosses one.
    #[test]
    fn bands_follow_from_the_band_edges() {
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as f64 / (1u64 << 31) as f64
        };
        let (mut same, mut moved) = (0, 0);
        for n in [1usize, 2, 3, 4, 5, 6, 9, 10, 11, 37, 200] {
            for _ in 0..40 {
                let values: Vec<f64> = (0..n).map(|_| (next() * 20.0).floor() * 1_000.0 + 1.0).collect();
                let mut edited = values.clone();
                let at = (next() * n as f64) as usize % n;
                edited[at] = (next() * 20.0).floor() * 1_000.0 + 1.0;
                let sorted = |v: &[f64]| {
                    let mut v = v.to_vec();
                    v.sort_by(f64::total_cmp);
                    v
                };
                let (a, b) = (sorted(&values), sorted(&edited));
                let pa = Portfolio { revenue: a.clone(), potential: Vec::new(), lifetime: Vec::new() };
                let pb = Portfolio { revenue: b.clone(), potential: Vec::new(), lifetime: Vec::new() };
                let bands_agree = (0..=21_000).step_by(250).all(|x| {
                    Portfolio::band(&a, x as f64 + 0.5) == Portfolio::band(&b, x as f64 + 0.5)
                        && Portfolio::band(&a, x as f64) == Portfolio::band(&b, x as f64)
                });
                // Probed between the values and at each value itself (where `≥` matters).
                let probes: Vec<f64> = (0..=21_000).step_by(125).map(f64::from).chain(a.iter().copied()).collect();
                for (sorted, edges) in [(&a, Portfolio::edges(&a)), (&b, Portfolio::edges(&b))] {
                    for &x in &probes {
                        assert_eq!(Portfolio::band_at(&edges, x), Portfolio::band(sorted, x), "{sorted:?} at {x}");
                    }
                }
                if pa.all_edges() == pb.all_edges() {
                    same += 1;
                    assert!(bands_agree, "{values:?} → {edited:?}");
                } else {
                    moved += 1;
                }
            }
        }
        assert!(same > 100 && moved > 100, "both cases are tried: {same} / {moved}");
    }

    /// A distribution changed one account at a time equals the distribution taken afresh,
    /// whatever the figures become (missing, zero, equal to another's, new).
    #[test]
    fn a_distribution_changed_in_place_equals_one_taken_afresh() {
        let ws = crate::domain::sample::synthetic(300, 0, 1_700_000_000_000);
        let mut accounts = ws.accounts.clone();
        let mut portfolio = Portfolio::of(&accounts);
        let other_revenue = accounts[5].fields.revenue;
        let edits = [
            (0usize, None, Some(5.0), Some(12.0)),
            (1, Some(0.0), None, None),
            (2, other_revenue, Some(30.0), Some(3.0)),
            (3, Some(1e9), Some(1e9), Some(40.0)),
            (0, Some(123_456.0), Some(10.0), Some(2.0)),
            (4, Some(-5.0), Some(50.0), Some(5.0)),
        ];
        for (i, revenue, margin, years) in edits {
            let was = Arc::clone(&accounts[i]);
            let mut a = (*was).clone();
            (a.fields.revenue, a.fields.margin_pct, a.fields.relationship_years) = (revenue, margin, years);
            a.fields.potential = revenue.map(|r| r * 2.0);
            accounts[i] = Arc::new(a);
            portfolio.replace(&was, &accounts[i]);
            assert_eq!(portfolio, Portfolio::of(&accounts), "after editing account {i}");
        }
    }

    /// The cached ranking is the ranking: after every kind of change it equals a fresh one.
    #[test]
    fn ranking_with_a_cache_equals_ranking_afresh() {
        use crate::domain::workspace::Workspace;
        let mut ws = crate::domain::sample::synthetic(400, 4, 1_700_000_000_000);
        ws.ensure_profile(|| "me".into());
        let mut cache = RankCache::default();
        // A second cache ranks into its last ranking, changed in place, as the app does.
        let patched = std::cell::RefCell::new((RankCache::default(), None::<Vec<Ranked>>));
        let check = |cache: &mut RankCache, ws: &Workspace, what: &str| {
            let fresh = rank(&ws.accounts, &ws.scoring);
            assert_eq!(rank_cached(cache, &ws.accounts, &ws.scoring), fresh, "{what}");
            let (into, last) = &mut *patched.borrow_mut();
            let was = last.clone();
            let (now, changed) = rank_into(into, &ws.accounts, &ws.scoring, last.take());
            assert_eq!(now, fresh, "{what}, in place");
            assert_eq!(changed, was.as_ref() != Some(&fresh), "{what}: whether it changed");
            *last = Some(now);
        };
        check(&mut cache, &ws, "first");
        let id = ws.accounts[10].id.clone();
        ws.set_override(&id, Criterion::ProductFit, Some(0), 1);
        check(&mut cache, &ws, "a rating");
        let mut f = ws.accounts[11].fields.clone();
        f.revenue = Some(9e9);
        let other = ws.accounts[11].id.clone();
        ws.update_fields(&other, f, 2);
        check(&mut cache, &ws, "a revenue that moves the portfolio");
        for (k, factor) in [1.001, 0.999, 0.5, 2.0, 1e-3].into_iter().enumerate() {
            let i = 20 + 7 * k;
            let mut f = ws.accounts[i].fields.clone();
            f.revenue = f.revenue.map(|r| r * factor);
            let edited = ws.accounts[i].id.clone();
            ws.update_fields(&edited, f, 2);
            check(&mut cache, &ws, "a revenue edited, within its band or not");
        }
        let mut f = ws.accounts[60].fields.clone();
        f.margin_pct = Some(f.margin_pct.unwrap_or(10.0) * 3.0);
        let edited = ws.accounts[60].id.clone();
        ws.update_fields(&edited, f, 2);
        check(&mut cache, &ws, "a margin, which moves the lifetime value");
        ws.edit_scoring(|s| s.weights.set(Criterion::RevenueVolume, 70));
        check(&mut cache, &ws, "a weight");
        let removed = ws.remove(&id, 3).unwrap();
        check(&mut cache, &ws, "a deletion");
        ws.restore(removed);
        check(&mut cache, &ws, "an undo");
        ws.set_answer(&other, crate::domain::criteria::Question::FitNeeds, Some(false), 4);
        check(&mut cache, &ws, "an answer");
        ws.accounts.reverse();
        check(&mut cache, &ws, "a new order");
        let mut f = ws.accounts[8].fields.clone();
        f.notes = "Called on Monday".into();
        let noted = ws.accounts[8].id.clone();
        ws.update_fields(&noted, f, 4);
        check(&mut cache, &ws, "a note, which changes no place");
        assert!(
            !rank_into(&mut patched.borrow_mut().0, &ws.accounts, &ws.scoring, Some(rank(&ws.accounts, &ws.scoring))).1
        );
        // The few-changes path: a name that moves a tie, two accounts swapped, ratings of
        // complete and incomplete accounts, and more changes than are moved one by one.
        let mut f = ws.accounts[5].fields.clone();
        f.name = "Aaa first of its ties".into();
        let named = ws.accounts[5].id.clone();
        ws.update_fields(&named, f, 5);
        check(&mut cache, &ws, "a new name");
        ws.accounts.swap(3, 300);
        check(&mut cache, &ws, "two accounts swapped");
        for (k, i) in [0usize, 7, 99, 250, 399].into_iter().enumerate() {
            let id = ws.accounts[i].id.clone();
            for c in Criterion::ALL {
                ws.set_override(&id, c, Some((k % 6) as u8), 6);
            }
            check(&mut cache, &ws, "one account rated in full");
        }
        let ids: Vec<String> = ws.accounts.iter().take(100).map(|a| a.id.clone()).collect();
        for id in &ids {
            ws.set_override(id, Criterion::StrategicValue, Some(1), 7);
        }
        check(&mut cache, &ws, "a hundred ratings at once");
    }

    #[test]
    fn ranking_orders_by_score_and_breaks_ties_visibly() {
        let mut accounts = vec![
            account("Low", Some(300.0), Some(1.0), Some(10.0), Some(1.0)),
            account("High", Some(100.0), Some(1.0), Some(10.0), Some(1.0)),
            account("Twin", Some(200.0), Some(1.0), Some(10.0), Some(1.0)),
            account("Open", Some(400.0), None, None, None),
        ];
        for (a, rating) in accounts.iter_mut().zip([1u8, 5, 5, 5]) {
            for c in Criterion::ALL {
                a.assessment.set_override(c, Some(rating));
            }
        }
        accounts[3].assessment.overrides.clear();
        let accounts: Vec<Arc<Account>> = accounts.into_iter().map(Arc::new).collect();
        let ranked = rank(&accounts, &ScoringSettings::default());
        let rows: Vec<(&str, Option<u32>, bool, Option<u32>)> =
            ranked.iter().map(|r| (accounts[r.index].fields.name.as_str(), r.rank, r.tied, r.revenue_rank)).collect();
        // Twin and High show the same score: Twin's higher revenue puts it first, and both say
        // they were tied. Every complete account has a rank of its own.
        assert_eq!(
            rows,
            vec![
                ("Twin", Some(1), true, Some(3)),
                ("High", Some(2), true, Some(4)),
                ("Low", Some(3), false, Some(2)),
                ("Open", None, false, Some(1))
            ]
        );
    }
}
