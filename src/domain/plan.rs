//! Key-account plans: the method's four steps (goals, delivery, measurement,
//! anticipation), a SWOT, and the review rhythm — plus the pure rules that judge a plan:
//! KPI progress and trend, overdue actions, objectives at risk, staleness and health.
//!
//! # Rules (shown to users in the README)
//! - **KPI progress**: (latest − baseline) ÷ (target − baseline); 0 % at the baseline, 100 % at
//!   the target, whichever direction is better.
//! - **KPI trend**: the least-squares slope of the last three measurements, read in the KPI's
//!   better direction; changes under 2 % of the baseline-to-target distance count as flat.
//! - **KPI off target**: with a target date, progress more than 10 points behind a straight
//!   line from the first measurement to the target date (or the date passed short of 100 %);
//!   without one, a worsening trend.
//! - **Overdue action**: a due date before today and not done.
//! - **Objective at risk**: marked at risk, or its target date passed while not done or dropped.
//! - **Stale plan**: not updated for longer than its review cadence (30 days by default), or
//!   its next review date has passed.
//! - **Health** (0–100): 30 % actions on time, 25 % objectives not at risk, 25 % KPIs on target,
//!   20 % freshness; a plan without objectives or without measured KPIs gets half marks for
//!   that part (an empty plan is not a healthy one). Bands red 0–50, yellow 51–75, green 76–100. The trend arrow compares today's
//!   health with the same plan judged 14 days ago.

use serde::{Deserialize, Serialize};

use super::account::Problem;
use super::criteria::Criterion;
use super::date::{Date, DateError};
use super::number::{parse_number, NumberError};
use super::scoring::AccountScore;

pub const DEFAULT_CADENCE_DAYS: u16 = 30;
pub const MAX_TEXT: usize = 2_000;
pub const MAX_ITEMS: usize = 500;

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub account_id: String,
    pub created_ms: i64,
    pub updated_ms: i64,
    pub promotion: Promotion,
    pub objectives: Vec<Objective>,
    pub actions: Vec<Action>,
    pub agreements: Vec<Agreement>,
    pub kpis: Vec<Kpi>,
    pub meetings: Vec<Meeting>,
    pub needs: Vec<Need>,
    pub swot: Swot,
    pub review: Review,
    /// Who changed this plan how often (see `sync`).
    pub rev: super::sync::Rev,
    /// Which edit last set each field (see `sync`).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub dots: super::sync::Dots,
}

/// Keys of a serialized plan that are bookkeeping rather than fields.
pub const PLAN_META: [&str; 5] = ["account_id", "created_ms", "updated_ms", "rev", "dots"];

/// Promotion to key account: set expectations before telling the client.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Promotion {
    pub promoted_on: Option<Date>,
    pub internal: String,
    pub external: String,
    pub client_told_on: Option<Date>,
}

macro_rules! slugged {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $slug:literal),+ $(,)? } default $default:ident) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(test, derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $(#[doc = $slug] $variant,)+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub const fn slug(self) -> &'static str { match self { $($name::$variant => $slug),+ } }
            pub fn from_slug(s: &str) -> Option<$name> { Self::ALL.iter().copied().find(|x| x.slug() == s) }
        }
        impl $name { pub const DEFAULT: $name = $name::$default; }
        impl Default for $name { fn default() -> $name { $name::DEFAULT } }
    };
}

slugged!(Perspective { Ours = "ours", Client = "client" } default Ours);
slugged!(ObjectiveStatus { NotStarted = "not_started", OnTrack = "on_track", AtRisk = "at_risk", Done = "done", Dropped = "dropped" } default NotStarted);
slugged!(Team { Sales = "sales", Service = "service", Operations = "operations", Product = "product", Management = "management", Other = "other" } default Sales);
slugged!(ActionStatus { Open = "open", InProgress = "in_progress", Done = "done", Blocked = "blocked" } default Open);
slugged!(KpiKind { Satisfaction = "satisfaction", RevenueGrowth = "revenue_growth", ProductAdoption = "product_adoption", Custom = "custom" } default Custom);
slugged!(Direction { Higher = "higher", Lower = "lower" } default Higher);
slugged!(NeedStatus { Identified = "identified", Proposed = "proposed", Won = "won", Lost = "lost" } default Identified);

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Objective {
    pub id: String,
    pub what: String,
    pub why: String,
    pub how: String,
    pub perspective: Perspective,
    pub owner: String,
    pub target: Option<Date>,
    pub status: ObjectiveStatus,
    pub kpi_id: Option<String>,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Action {
    pub id: String,
    pub title: String,
    pub owner: String,
    pub team: Team,
    pub due: Option<Date>,
    pub status: ActionStatus,
    pub objective_id: Option<String>,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Agreement {
    pub id: String,
    pub text: String,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub date: Date,
    pub value: f64,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Kpi {
    pub id: String,
    pub name: String,
    pub unit: String,
    pub kind: KpiKind,
    pub criterion: Option<Criterion>,
    pub baseline: f64,
    pub target: f64,
    pub target_date: Option<Date>,
    pub direction: Direction,
    /// Kept in date order.
    pub measurements: Vec<Measurement>,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FollowUp {
    pub text: String,
    /// The action this follow-up became, once it did.
    pub action_id: Option<String>,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: String,
    pub date: Date,
    #[serde(default)]
    pub attendees: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Need {
    pub id: String,
    pub need: String,
    /// When and where it was heard, in the user's words.
    pub heard: String,
    pub timeframe: String,
    pub solution: String,
    pub value: Option<f64>,
    pub status: NeedStatus,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quadrant {
    Strengths,
    Weaknesses,
    Opportunities,
    Threats,
}

impl Quadrant {
    pub const ALL: [Quadrant; 4] =
        [Quadrant::Strengths, Quadrant::Weaknesses, Quadrant::Opportunities, Quadrant::Threats];
    pub const fn slug(self) -> &'static str {
        match self {
            Quadrant::Strengths => "strengths",
            Quadrant::Weaknesses => "weaknesses",
            Quadrant::Opportunities => "opportunities",
            Quadrant::Threats => "threats",
        }
    }
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Swot {
    pub strengths: Vec<String>,
    pub weaknesses: Vec<String>,
    pub opportunities: Vec<String>,
    pub threats: Vec<String>,
}

impl Swot {
    pub fn list(&self, q: Quadrant) -> &Vec<String> {
        match q {
            Quadrant::Strengths => &self.strengths,
            Quadrant::Weaknesses => &self.weaknesses,
            Quadrant::Opportunities => &self.opportunities,
            Quadrant::Threats => &self.threats,
        }
    }
    pub fn list_mut(&mut self, q: Quadrant) -> &mut Vec<String> {
        match q {
            Quadrant::Strengths => &mut self.strengths,
            Quadrant::Weaknesses => &mut self.weaknesses,
            Quadrant::Opportunities => &mut self.opportunities,
            Quadrant::Threats => &mut self.threats,
        }
    }
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    pub next: Option<Date>,
    pub cadence_days: Option<u16>,
}

impl Review {
    pub fn cadence(&self) -> u16 {
        self.cadence_days.filter(|d| *d > 0).unwrap_or(DEFAULT_CADENCE_DAYS)
    }
}

// ---------------------------------------------------------------------------------------
// KPI rules

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Improving,
    Flat,
    Worsening,
    /// Fewer than two measurements.
    Unknown,
}

impl Kpi {
    pub fn latest(&self) -> Option<Measurement> {
        self.measurements.last().copied()
    }

    fn until(&self, day: Date) -> &[Measurement] {
        let n = self.measurements.partition_point(|m| m.date <= day);
        &self.measurements[..n]
    }

    /// 0.0 at the baseline, 1.0 at the target; `None` without measurements or distance.
    pub fn progress(&self) -> Option<f64> {
        self.progress_at(self.latest()?)
    }

    fn progress_at(&self, m: Measurement) -> Option<f64> {
        let span = self.target - self.baseline;
        (span != 0.0 && span.is_finite()).then(|| (m.value - self.baseline) / span)
    }

    pub fn trend(&self) -> Trend {
        trend_of(self, &self.measurements)
    }

    /// Whether the KPI is behind where it should be on `today` (see the module rules).
    pub fn off_target(&self, today: Date) -> bool {
        off_target(self, self.until(today), today)
    }

    /// Adds a measurement in date order; one per day (a second replaces the first).
    pub fn record(&mut self, m: Measurement) {
        match self.measurements.binary_search_by(|x| x.date.cmp(&m.date)) {
            Ok(i) => self.measurements[i] = m,
            Err(i) => self.measurements.insert(i, m),
        }
    }
}

fn trend_of(kpi: &Kpi, ms: &[Measurement]) -> Trend {
    let last = &ms[ms.len().saturating_sub(3)..];
    if last.len() < 2 {
        return Trend::Unknown;
    }
    let n = last.len() as f64;
    let mean_x = last.iter().map(|m| m.date.day_number() as f64).sum::<f64>() / n;
    let mean_y = last.iter().map(|m| m.value).sum::<f64>() / n;
    let sxx: f64 = last.iter().map(|m| (m.date.day_number() as f64 - mean_x).powi(2)).sum();
    let sxy: f64 = last.iter().map(|m| (m.date.day_number() as f64 - mean_x) * (m.value - mean_y)).sum();
    if sxx == 0.0 {
        return Trend::Unknown;
    }
    let span_days = (last[last.len() - 1].date.day_number() - last[0].date.day_number()) as f64;
    let change = sxy / sxx * span_days;
    let scale = (kpi.target - kpi.baseline).abs().max(f64::EPSILON);
    let signed = if kpi.direction == Direction::Higher { change } else { -change };
    if signed.abs() < 0.02 * scale {
        Trend::Flat
    } else if signed > 0.0 {
        Trend::Improving
    } else {
        Trend::Worsening
    }
}

fn off_target(kpi: &Kpi, ms: &[Measurement], today: Date) -> bool {
    let (Some(first), Some(latest)) = (ms.first(), ms.last()) else { return false };
    let Some(progress) = kpi.progress_at(*latest) else { return false };
    match kpi.target_date {
        Some(due) if today >= due => progress < 1.0,
        Some(due) => {
            let total = first.date.days_until(due).max(1) as f64;
            let expected = (first.date.days_until(today) as f64 / total).clamp(0.0, 1.0);
            progress < expected - 0.10
        }
        None => trend_of(kpi, ms) == Trend::Worsening,
    }
}

// ---------------------------------------------------------------------------------------
// Plan rules

impl Action {
    pub fn overdue(&self, today: Date) -> bool {
        self.status != ActionStatus::Done && self.due.is_some_and(|d| d < today)
    }
}

impl Objective {
    pub fn at_risk(&self, today: Date) -> bool {
        match self.status {
            ObjectiveStatus::Done | ObjectiveStatus::Dropped => false,
            ObjectiveStatus::AtRisk => true,
            _ => self.target.is_some_and(|t| t < today),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    Red,
    Yellow,
    Green,
}

impl Band {
    pub fn of(score: u8) -> Band {
        match score {
            0..=50 => Band::Red,
            51..=75 => Band::Yellow,
            _ => Band::Green,
        }
    }
    pub const fn slug(self) -> &'static str {
        match self {
            Band::Red => "red",
            Band::Yellow => "yellow",
            Band::Green => "green",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanHealth {
    pub overdue_actions: usize,
    pub objectives_at_risk: usize,
    pub kpis_off_target: usize,
    /// Objectives with fewer than two actions that are open, in progress or done.
    pub thin_objectives: usize,
    pub days_since_update: i32,
    pub review_overdue: bool,
    pub stale: bool,
    pub score: u8,
    pub band: Band,
    pub trend: Trend,
}

/// How many days of history the health trend compares with.
pub const TREND_DAYS: i32 = 14;

impl Plan {
    pub fn new(account_id: String, today: Date, now_ms: i64) -> Plan {
        Plan {
            account_id,
            created_ms: now_ms,
            updated_ms: now_ms,
            promotion: Promotion { promoted_on: Some(today), ..Promotion::default() },
            ..Plan::default()
        }
    }

    /// Live actions of an objective: open, in progress or done (blocked ones do not count).
    pub fn live_actions(&self, objective_id: &str) -> usize {
        self.actions
            .iter()
            .filter(|a| a.objective_id.as_deref() == Some(objective_id) && a.status != ActionStatus::Blocked)
            .count()
    }

    /// Open value of future needs (identified or proposed).
    pub fn open_needs_value(&self) -> f64 {
        self.needs
            .iter()
            .filter(|n| matches!(n.status, NeedStatus::Identified | NeedStatus::Proposed))
            .filter_map(|n| n.value)
            .sum()
    }

    pub fn health(&self, today: Date) -> PlanHealth {
        let now = self.score_on(today);
        let before = self.score_on(today.add_days(-TREND_DAYS)).0;
        let (score, overdue_actions, objectives_at_risk, kpis_off_target, days_since_update, review_overdue) = now;
        let trend = match score as i32 - before as i32 {
            d if d >= 5 => Trend::Improving,
            d if d <= -5 => Trend::Worsening,
            _ => Trend::Flat,
        };
        let thin_objectives = self
            .objectives
            .iter()
            .filter(|o| !matches!(o.status, ObjectiveStatus::Done | ObjectiveStatus::Dropped))
            .filter(|o| self.live_actions(&o.id) < 2)
            .count();
        PlanHealth {
            overdue_actions,
            objectives_at_risk,
            kpis_off_target,
            thin_objectives,
            days_since_update,
            review_overdue,
            stale: review_overdue || days_since_update > self.review.cadence() as i32,
            score,
            band: Band::of(score),
            trend,
        }
    }

    /// The plan judged as of `day`: (score, overdue, at risk, off target, days since update, review overdue).
    fn score_on(&self, day: Date) -> (u8, usize, usize, usize, i32, bool) {
        let share_ok =
            |ok: usize, total: usize, if_none: f64| if total == 0 { if_none } else { ok as f64 / total as f64 };
        let pending: Vec<&Action> = self.actions.iter().filter(|a| a.status != ActionStatus::Done).collect();
        let overdue = pending.iter().filter(|a| a.overdue(day)).count();
        let live: Vec<&Objective> = self
            .objectives
            .iter()
            .filter(|o| !matches!(o.status, ObjectiveStatus::Done | ObjectiveStatus::Dropped))
            .collect();
        let at_risk = live.iter().filter(|o| o.at_risk(day)).count();
        let measured: Vec<&Kpi> = self.kpis.iter().filter(|k| !k.until(day).is_empty()).collect();
        let off = measured.iter().filter(|k| k.off_target(day)).count();

        let cadence = self.review.cadence() as f64;
        let days_since_update = Date::from_unix_ms(self.updated_ms).days_until(day).max(0);
        let update_fresh = 1.0 - ((days_since_update as f64 - cadence) / (2.0 * cadence)).clamp(0.0, 1.0);
        let review_late = self.review.next.map_or(0, |n| n.days_until(day)).max(0);
        let review_fresh = 1.0 - (review_late as f64 / cadence).clamp(0.0, 1.0);
        let fresh = update_fresh.min(review_fresh);

        let score = 100.0
            * (0.30 * share_ok(pending.len() - overdue, pending.len(), 1.0)
                + 0.25 * share_ok(live.len() - at_risk, live.len(), 0.5)
                + 0.25 * share_ok(measured.len() - off, measured.len(), 0.5)
                + 0.20 * fresh);
        // Half up, robust to 77.5 arriving as 77.4999….
        ((score + 1e-9).round().clamp(0.0, 100.0) as u8, overdue, at_risk, off, days_since_update, review_late > 0)
    }
}

/// A KPI to suggest for an account that scored high (4 or 5) on `criterion`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KpiSuggestion {
    pub criterion: Criterion,
    pub kind: KpiKind,
}

/// The method's advice: measure what the account was selected for.
pub fn suggested_kpis(score: &AccountScore) -> Vec<KpiSuggestion> {
    Criterion::ALL
        .into_iter()
        .filter(|&c| score.get(c).rating.is_some_and(|r| r >= 4))
        .map(|criterion| KpiSuggestion {
            criterion,
            kind: match criterion {
                Criterion::RevenueVolume | Criterion::RevenuePotential => KpiKind::RevenueGrowth,
                Criterion::ProductFit => KpiKind::ProductAdoption,
                Criterion::StrategicValue => KpiKind::Satisfaction,
                Criterion::LifetimeValue => KpiKind::Custom,
            },
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Validation of what users type

/// A problem with one field of a plan form; `field` is the form's own field key.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Invalid {
    pub field: &'static str,
    pub problem: Problem,
}

#[derive(Default)]
struct Checker {
    errors: Vec<Invalid>,
}

impl Checker {
    fn fail(&mut self, field: &'static str, problem: Problem) {
        self.errors.push(Invalid { field, problem });
    }
    fn text(&mut self, field: &'static str, value: &str, required: bool) -> String {
        let v = value.trim();
        if required && v.is_empty() {
            self.fail(field, Problem::Required);
        } else if v.chars().count() > MAX_TEXT {
            self.fail(field, Problem::TooLong { max: MAX_TEXT });
        }
        v.to_string()
    }
    fn date(&mut self, field: &'static str, value: &str, required: bool) -> Option<Date> {
        if value.trim().is_empty() {
            if required {
                self.fail(field, Problem::Required);
            }
            return None;
        }
        match Date::parse(value) {
            Ok(d) => Some(d),
            Err(DateError::OutOfRange) => {
                self.fail(field, Problem::DateOutOfRange);
                None
            }
            Err(_) => {
                self.fail(field, Problem::NotADate);
                None
            }
        }
    }
    fn number(&mut self, field: &'static str, value: &str, required: bool, min: Option<f64>) -> Option<f64> {
        if value.trim().is_empty() {
            if required {
                self.fail(field, Problem::Required);
            }
            return None;
        }
        match parse_number(value) {
            Ok(v) if min.is_some_and(|m| v < m) => {
                self.fail(field, Problem::Negative);
                None
            }
            Ok(v) => Some(v),
            Err(NumberError::NotANumber) => {
                self.fail(field, Problem::NotANumber);
                None
            }
            Err(NumberError::TooLarge) => {
                self.fail(field, Problem::TooLarge);
                None
            }
        }
    }
    fn finish<T>(self, value: T) -> Result<T, Vec<Invalid>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }
}

fn pick<T: Copy>(slug: &str, from: fn(&str) -> Option<T>, default: T) -> T {
    from(slug).unwrap_or(default)
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObjectiveDraft {
    pub what: String,
    pub why: String,
    pub how: String,
    pub perspective: String,
    pub owner: String,
    pub target: String,
    pub status: String,
    pub kpi_id: String,
}

impl ObjectiveDraft {
    pub fn validate(&self, id: String) -> Result<Objective, Vec<Invalid>> {
        let mut c = Checker::default();
        let o = Objective {
            id,
            what: c.text("what", &self.what, true),
            why: c.text("why", &self.why, false),
            how: c.text("how", &self.how, false),
            perspective: pick(&self.perspective, Perspective::from_slug, Perspective::DEFAULT),
            owner: c.text("owner", &self.owner, false),
            target: c.date("target", &self.target, false),
            status: pick(&self.status, ObjectiveStatus::from_slug, ObjectiveStatus::DEFAULT),
            kpi_id: non_empty(&self.kpi_id),
        };
        c.finish(o)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionDraft {
    pub title: String,
    pub owner: String,
    pub team: String,
    pub due: String,
    pub status: String,
    pub objective_id: String,
}

impl ActionDraft {
    pub fn validate(&self, id: String) -> Result<Action, Vec<Invalid>> {
        let mut c = Checker::default();
        let a = Action {
            id,
            title: c.text("title", &self.title, true),
            owner: c.text("owner", &self.owner, false),
            team: pick(&self.team, Team::from_slug, Team::DEFAULT),
            due: c.date("due", &self.due, false),
            status: pick(&self.status, ActionStatus::from_slug, ActionStatus::DEFAULT),
            objective_id: non_empty(&self.objective_id),
        };
        c.finish(a)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KpiDraft {
    pub name: String,
    pub unit: String,
    pub kind: String,
    pub criterion: String,
    pub baseline: String,
    pub target: String,
    pub target_date: String,
    pub direction: String,
}

impl KpiDraft {
    pub fn validate(&self, id: String) -> Result<Kpi, Vec<Invalid>> {
        let mut c = Checker::default();
        let name = c.text("name", &self.name, true);
        let unit = c.text("unit", &self.unit, false);
        let baseline = c.number("baseline", &self.baseline, true, None);
        let target = c.number("target", &self.target, true, None);
        let direction = pick(&self.direction, Direction::from_slug, Direction::DEFAULT);
        if let (Some(b), Some(t)) = (baseline, target) {
            let wrong_way = match direction {
                Direction::Higher => t <= b,
                Direction::Lower => t >= b,
            };
            if wrong_way {
                c.fail("target", Problem::TargetNotBetter);
            }
        }
        let kpi = Kpi {
            id,
            name,
            unit,
            kind: pick(&self.kind, KpiKind::from_slug, KpiKind::DEFAULT),
            criterion: Criterion::ALL.into_iter().find(|cr| cr.slug() == self.criterion),
            baseline: baseline.unwrap_or_default(),
            target: target.unwrap_or_default(),
            target_date: c.date("target_date", &self.target_date, false),
            direction,
            measurements: Vec::new(),
        };
        c.finish(kpi)
    }
}

/// A measurement as typed. Measurements cannot lie in the future.
pub fn validate_measurement(date: &str, value: &str, today: Date) -> Result<Measurement, Vec<Invalid>> {
    let mut c = Checker::default();
    let d = c.date("date", date, true);
    if d.is_some_and(|d| d > today) {
        c.fail("date", Problem::DateInFuture);
    }
    let v = c.number("value", value, true, None);
    match (d, v) {
        (Some(date), Some(value)) if c.errors.is_empty() => Ok(Measurement { date, value }),
        _ => Err(c.errors),
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingDraft {
    pub date: String,
    pub attendees: String,
    pub summary: String,
    /// One follow-up per line.
    pub follow_ups: String,
}

impl MeetingDraft {
    pub fn validate(&self, id: String) -> Result<Meeting, Vec<Invalid>> {
        let mut c = Checker::default();
        let date = c.date("date", &self.date, true);
        let attendees = c.text("attendees", &self.attendees, false);
        let summary = c.text("summary", &self.summary, false);
        let follow_ups = c
            .text("follow_ups", &self.follow_ups, false)
            .lines()
            .filter_map(non_empty)
            .map(|text| FollowUp { text, action_id: None })
            .collect();
        match date {
            Some(date) if c.errors.is_empty() => Ok(Meeting { id, date, attendees, summary, follow_ups }),
            _ => Err(c.errors),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NeedDraft {
    pub need: String,
    pub heard: String,
    pub timeframe: String,
    pub solution: String,
    pub value: String,
    pub status: String,
}

impl NeedDraft {
    pub fn validate(&self, id: String) -> Result<Need, Vec<Invalid>> {
        let mut c = Checker::default();
        let n = Need {
            id,
            need: c.text("need", &self.need, true),
            heard: c.text("heard", &self.heard, false),
            timeframe: c.text("timeframe", &self.timeframe, false),
            solution: c.text("solution", &self.solution, false),
            value: c.number("value", &self.value, false, Some(0.0)),
            status: pick(&self.status, NeedStatus::from_slug, NeedStatus::DEFAULT),
        };
        c.finish(n)
    }
}

/// Review settings as typed: next review date and cadence in days (1–365).
pub fn validate_review(next: &str, cadence: &str) -> Result<Review, Vec<Invalid>> {
    let mut c = Checker::default();
    let next = c.date("next", next, false);
    let cadence_days = match cadence.trim() {
        "" => None,
        text => match text.parse::<u16>() {
            Ok(d) if (1..=365).contains(&d) => Some(d),
            _ => {
                c.fail("cadence", Problem::OutOfRange { min: 1.0, max: 365.0 });
                None
            }
        },
    };
    c.finish(Review { next, cadence_days })
}

/// Promotion as typed; the client cannot have been told before the promotion.
pub fn validate_promotion(
    promoted_on: &str,
    internal: &str,
    external: &str,
    told_on: &str,
) -> Result<Promotion, Vec<Invalid>> {
    let mut c = Checker::default();
    let promoted_on = c.date("promoted_on", promoted_on, false);
    let internal = c.text("internal", internal, false);
    let external = c.text("external", external, false);
    let client_told_on = c.date("told_on", told_on, false);
    if let (Some(p), Some(t)) = (promoted_on, client_told_on) {
        if t < p {
            c.fail("told_on", Problem::BeforePromotion);
        }
    }
    c.finish(Promotion { promoted_on, internal, external, client_told_on })
}

// ---------------------------------------------------------------------------------------
// Removing items, so that every deletion can be undone

/// An item taken out of a plan, with where it was.
#[derive(Clone, Debug, PartialEq)]
pub enum RemovedItem {
    Objective(usize, Objective),
    Action(usize, Action),
    Agreement(usize, Agreement),
    Kpi(usize, Kpi),
    Measurement(String, Measurement),
    Meeting(usize, Meeting),
    Need(usize, Need),
    Swot(Quadrant, usize, String),
}

/// Which item to remove.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemRef {
    Objective(String),
    Action(String),
    Agreement(String),
    Kpi(String),
    Measurement(String, Date),
    Meeting(String),
    Need(String),
    Swot(Quadrant, usize),
}

/// Replaces the item with the same id in place, or appends a new one. Edits keep an
/// item's position, so lists do not jump around while being kept current.
pub fn upsert<T>(list: &mut Vec<T>, item: T, id: impl Fn(&T) -> &str) {
    match list.iter().position(|x| id(x) == id(&item)) {
        Some(i) => list[i] = item,
        None => list.push(item),
    }
}

fn take<T>(list: &mut Vec<T>, id: &str, get: impl Fn(&T) -> &str) -> Option<(usize, T)> {
    let i = list.iter().position(|x| get(x) == id)?;
    Some((i, list.remove(i)))
}

fn put<T>(list: &mut Vec<T>, at: usize, item: T) {
    let at = at.min(list.len());
    list.insert(at, item);
}

impl Plan {
    pub fn remove(&mut self, item: &ItemRef) -> Option<RemovedItem> {
        Some(match item {
            ItemRef::Objective(id) => {
                let (i, o) = take(&mut self.objectives, id, |x| &x.id)?;
                RemovedItem::Objective(i, o)
            }
            ItemRef::Action(id) => {
                let (i, a) = take(&mut self.actions, id, |x| &x.id)?;
                RemovedItem::Action(i, a)
            }
            ItemRef::Agreement(id) => {
                let (i, a) = take(&mut self.agreements, id, |x| &x.id)?;
                RemovedItem::Agreement(i, a)
            }
            ItemRef::Kpi(id) => {
                let (i, k) = take(&mut self.kpis, id, |x| &x.id)?;
                RemovedItem::Kpi(i, k)
            }
            ItemRef::Measurement(kpi_id, date) => {
                let kpi = self.kpis.iter_mut().find(|k| &k.id == kpi_id)?;
                let i = kpi.measurements.iter().position(|m| m.date == *date)?;
                RemovedItem::Measurement(kpi_id.clone(), kpi.measurements.remove(i))
            }
            ItemRef::Meeting(id) => {
                let (i, m) = take(&mut self.meetings, id, |x| &x.id)?;
                RemovedItem::Meeting(i, m)
            }
            ItemRef::Need(id) => {
                let (i, n) = take(&mut self.needs, id, |x| &x.id)?;
                RemovedItem::Need(i, n)
            }
            ItemRef::Swot(q, i) => {
                let list = self.swot.list_mut(*q);
                (*i < list.len()).then_some(())?;
                RemovedItem::Swot(*q, *i, list.remove(*i))
            }
        })
    }

    pub fn restore(&mut self, removed: RemovedItem) {
        match removed {
            RemovedItem::Objective(i, o) => put(&mut self.objectives, i, o),
            RemovedItem::Action(i, a) => put(&mut self.actions, i, a),
            RemovedItem::Agreement(i, a) => put(&mut self.agreements, i, a),
            RemovedItem::Kpi(i, k) => put(&mut self.kpis, i, k),
            RemovedItem::Measurement(kpi_id, m) => {
                if let Some(k) = self.kpis.iter_mut().find(|k| k.id == kpi_id) {
                    k.record(m);
                }
            }
            RemovedItem::Meeting(i, m) => put(&mut self.meetings, i, m),
            RemovedItem::Need(i, n) => put(&mut self.needs, i, n),
            RemovedItem::Swot(q, i, s) => put(self.swot.list_mut(q), i, s),
        }
    }

    /// Turns a meeting's follow-up into an action (once), linking the two.
    pub fn follow_up_to_action(
        &mut self,
        meeting_id: &str,
        index: usize,
        action_id: String,
        due: Option<Date>,
    ) -> bool {
        let Some(follow_up) =
            self.meetings.iter_mut().find(|m| m.id == meeting_id).and_then(|m| m.follow_ups.get_mut(index))
        else {
            return false;
        };
        if follow_up.action_id.is_some() {
            return false;
        }
        follow_up.action_id = Some(action_id.clone());
        let title = follow_up.text.clone();
        self.actions.push(Action { id: action_id, title, due, ..Action::default() });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn kpi(baseline: f64, target: f64, direction: Direction, target_date: Option<&str>, points: &[(&str, f64)]) -> Kpi {
        let mut k = Kpi {
            id: "k".into(),
            name: "NPS".into(),
            baseline,
            target,
            direction,
            target_date: target_date.map(d),
            ..Kpi::default()
        };
        for (date, value) in points {
            k.record(Measurement { date: d(date), value: *value });
        }
        k
    }

    fn check_kpi(k: &Kpi, today: &str, expected: (Option<f64>, Trend, bool)) {
        let got = (k.progress().map(|p| (p * 1000.0).round() / 1000.0), k.trend(), k.off_target(d(today)));
        assert_eq!(got, expected, "{:?} on {today}", k.measurements);
    }

    #[test]
    fn kpi_progress_trend_and_target() {
        let rising = kpi(
            20.0,
            40.0,
            Direction::Higher,
            Some("2026-12-31"),
            &[("2026-01-01", 20.0), ("2026-04-01", 25.0), ("2026-07-01", 30.0)],
        );
        // Half a year in, half way: on target.
        check_kpi(&rising, "2026-07-01", (Some(0.5), Trend::Improving, false));
        // By December the straight line expects ~92 %; 50 % is behind.
        check_kpi(&rising, "2026-12-01", (Some(0.5), Trend::Improving, true));
        // After the target date anything short of 100 % is off target.
        check_kpi(&rising, "2027-01-05", (Some(0.5), Trend::Improving, true));

        // Lower is better: churn from 10 % to 4 %.
        let churn =
            kpi(10.0, 4.0, Direction::Lower, None, &[("2026-01-01", 10.0), ("2026-02-01", 9.0), ("2026-03-01", 9.5)]);
        check_kpi(&churn, "2026-03-02", (Some(0.083), Trend::Improving, false));
        let worse =
            kpi(10.0, 4.0, Direction::Lower, None, &[("2026-01-01", 9.0), ("2026-02-01", 10.0), ("2026-03-01", 11.0)]);
        check_kpi(&worse, "2026-03-02", (Some(-0.167), Trend::Worsening, true));

        let flat = kpi(0.0, 100.0, Direction::Higher, None, &[("2026-01-01", 50.0), ("2026-02-01", 50.5)]);
        check_kpi(&flat, "2026-03-01", (Some(0.505), Trend::Flat, false));
        check_kpi(&kpi(0.0, 100.0, Direction::Higher, None, &[]), "2026-03-01", (None, Trend::Unknown, false));
        check_kpi(
            &kpi(5.0, 5.0, Direction::Higher, None, &[("2026-01-01", 6.0)]),
            "2026-03-01",
            (None, Trend::Unknown, false),
        );
    }

    #[test]
    fn measurements_stay_in_date_order_one_per_day() {
        let mut k =
            kpi(0.0, 10.0, Direction::Higher, None, &[("2026-03-01", 3.0), ("2026-01-01", 1.0), ("2026-02-01", 2.0)]);
        k.record(Measurement { date: d("2026-02-01"), value: 2.5 });
        let got: Vec<(String, f64)> = k.measurements.iter().map(|m| (m.date.to_string(), m.value)).collect();
        assert_eq!(got, vec![("2026-01-01".into(), 1.0), ("2026-02-01".into(), 2.5), ("2026-03-01".into(), 3.0)]);
        // Off-target is judged on what was known that day.
        assert_eq!(k.until(d("2026-01-15")).len(), 1);
    }

    fn plan_on(updated: &str) -> Plan {
        let ms = d(updated).day_number() as i64 * 86_400_000;
        Plan::new("acc".into(), d(updated), ms)
    }

    fn action(id: &str, objective: Option<&str>, due: Option<&str>, status: ActionStatus) -> Action {
        Action {
            id: id.into(),
            title: id.into(),
            objective_id: objective.map(Into::into),
            due: due.map(d),
            status,
            ..Action::default()
        }
    }

    #[test]
    fn an_empty_plan_is_not_yet_healthy() {
        let mut p = plan_on("2026-11-01");
        let h = p.health(d("2026-11-10"));
        // 30 (nothing overdue) + 12.5 (no objectives) + 12.5 (no KPIs) + 20 (fresh)
        assert_eq!((h.score, h.band, h.stale, h.trend), (75, Band::Yellow, false, Trend::Flat));
        p.objectives.push(Objective { id: "o".into(), what: "Grow".into(), ..Objective::default() });
        p.kpis.push(kpi(0.0, 10.0, Direction::Higher, None, &[("2026-11-02", 1.0)]));
        assert_eq!(p.health(d("2026-11-10")).band, Band::Green);
    }

    #[test]
    fn overdue_actions_at_risk_objectives_and_staleness_lower_health() {
        let mut p = plan_on("2026-11-01");
        p.objectives.push(Objective {
            id: "o1".into(),
            what: "Grow".into(),
            status: ObjectiveStatus::OnTrack,
            ..Objective::default()
        });
        p.objectives.push(Objective {
            id: "o2".into(),
            what: "Pilot".into(),
            target: Some(d("2026-10-01")),
            ..Objective::default()
        });
        p.objectives.push(Objective {
            id: "o3".into(),
            what: "Old".into(),
            status: ObjectiveStatus::Done,
            ..Objective::default()
        });
        p.actions.push(action("a1", Some("o1"), Some("2026-11-05"), ActionStatus::Open));
        p.actions.push(action("a2", Some("o1"), Some("2026-12-01"), ActionStatus::InProgress));
        p.actions.push(action("a3", Some("o2"), Some("2026-10-01"), ActionStatus::Done));
        p.actions.push(action("a4", Some("o2"), None, ActionStatus::Blocked));

        let h = p.health(d("2026-11-10"));
        assert_eq!(h.overdue_actions, 1, "a1 is late; a3 is done");
        assert_eq!(h.objectives_at_risk, 1, "o2's date passed");
        assert_eq!(h.thin_objectives, 1, "o2 has one live action (a4 is blocked)");
        assert_eq!(h.days_since_update, 9);
        assert!(!h.stale);
        // actions 2/3 on time, objectives 1/2 fine, no KPIs, fresh: 30·⅔ + 25·½ + 25·½ + 20 = 65
        assert_eq!((h.score, h.band), (65, Band::Yellow));

        // Sixty days on: stale, and everything pending is late.
        let h = p.health(d("2027-01-09"));
        assert!(h.stale);
        assert_eq!(h.overdue_actions, 2);
        // actions 1/3 (blocked a4 has no date), objectives 1/2, no KPIs, freshness 1 − (69 − 30)/60:
        // 10 + 12.5 + 12.5 + 7 = 42
        assert_eq!((h.score, h.band), (42, Band::Red));
        assert_eq!(h.trend, Trend::Worsening);

        // A passed review date makes a plan stale even when recently edited.
        p.review.next = Some(d("2026-11-05"));
        assert!(p.health(d("2026-11-10")).review_overdue && p.health(d("2026-11-10")).stale);
    }

    #[test]
    fn health_bands() {
        assert_eq!(
            [Band::of(0), Band::of(50), Band::of(51), Band::of(75), Band::of(76), Band::of(100)],
            [Band::Red, Band::Red, Band::Yellow, Band::Yellow, Band::Green, Band::Green]
        );
    }

    #[test]
    fn follow_ups_become_actions_once() {
        let mut p = plan_on("2026-11-01");
        let m = MeetingDraft {
            date: "2026-11-02".into(),
            follow_ups: "Send proposal\n\n  Book visit ".into(),
            ..MeetingDraft::default()
        };
        p.meetings.push(m.validate("m1".into()).unwrap());
        assert_eq!(p.meetings[0].follow_ups.len(), 2);
        assert!(p.follow_up_to_action("m1", 1, "a9".into(), Some(d("2026-11-20"))));
        assert!(!p.follow_up_to_action("m1", 1, "a10".into(), None), "only once");
        assert!(!p.follow_up_to_action("m1", 5, "a11".into(), None));
        assert_eq!(p.actions.len(), 1);
        assert_eq!((p.actions[0].title.as_str(), p.actions[0].due), ("Book visit", Some(d("2026-11-20"))));
        assert_eq!(p.meetings[0].follow_ups[1].action_id.as_deref(), Some("a9"));
    }

    #[test]
    fn every_removal_can_be_restored_in_place() {
        let mut p = plan_on("2026-11-01");
        for id in ["a", "b", "c"] {
            p.actions.push(action(id, None, None, ActionStatus::Open));
            p.objectives.push(Objective { id: id.into(), what: id.into(), ..Objective::default() });
            p.needs.push(Need { id: id.into(), need: id.into(), ..Need::default() });
            p.agreements.push(Agreement { id: id.into(), text: id.into() });
            p.swot.threats.push(id.into());
        }
        p.kpis.push(kpi(0.0, 1.0, Direction::Higher, None, &[("2026-01-01", 0.1), ("2026-02-01", 0.2)]));
        p.meetings.push(Meeting {
            id: "m".into(),
            date: d("2026-01-01"),
            attendees: String::new(),
            summary: String::new(),
            follow_ups: vec![],
        });
        let original = p.clone();
        let refs = [
            ItemRef::Action("b".into()),
            ItemRef::Objective("a".into()),
            ItemRef::Need("c".into()),
            ItemRef::Agreement("b".into()),
            ItemRef::Swot(Quadrant::Threats, 1),
            ItemRef::Measurement("k".into(), d("2026-01-01")),
            ItemRef::Kpi("k".into()),
            ItemRef::Meeting("m".into()),
        ];
        for r in &refs {
            let removed = p.remove(r).unwrap_or_else(|| panic!("{r:?}"));
            assert_ne!(p, original);
            p.restore(removed);
            assert_eq!(p, original, "{r:?}");
        }
        assert!(p.remove(&ItemRef::Action("zz".into())).is_none());
        assert!(p.remove(&ItemRef::Swot(Quadrant::Strengths, 0)).is_none());
    }

    fn problems<T: std::fmt::Debug>(r: Result<T, Vec<Invalid>>) -> Vec<(&'static str, Problem)> {
        r.err().unwrap_or_default().into_iter().map(|i| (i.field, i.problem)).collect()
    }

    #[test]
    fn drafts_are_validated_with_a_message_per_field() {
        assert_eq!(
            problems(ObjectiveDraft { target: "31-12-2026".into(), ..Default::default() }.validate("o".into())),
            vec![("what", Problem::Required), ("target", Problem::NotADate)]
        );
        let ok = ObjectiveDraft {
            what: " Grow ".into(),
            status: "at_risk".into(),
            perspective: "client".into(),
            ..Default::default()
        };
        let o = ok.validate("o".into()).unwrap();
        assert_eq!((o.what.as_str(), o.status, o.perspective), ("Grow", ObjectiveStatus::AtRisk, Perspective::Client));

        assert_eq!(
            problems(
                ActionDraft { title: "Call".into(), due: "2026-02-30".into(), ..Default::default() }
                    .validate("a".into())
            ),
            vec![("due", Problem::NotADate)]
        );
        assert_eq!(
            problems(
                KpiDraft { name: "NPS".into(), baseline: "30".into(), target: "20".into(), ..Default::default() }
                    .validate("k".into())
            ),
            vec![("target", Problem::TargetNotBetter)]
        );
        assert_eq!(
            problems(KpiDraft { baseline: "x".into(), ..Default::default() }.validate("k".into())),
            vec![("name", Problem::Required), ("baseline", Problem::NotANumber), ("target", Problem::Required)]
        );
        let lower = KpiDraft {
            name: "Churn".into(),
            baseline: "10".into(),
            target: "4".into(),
            direction: "lower".into(),
            ..Default::default()
        };
        assert_eq!(lower.validate("k".into()).unwrap().direction, Direction::Lower);

        let today = d("2026-11-27");
        assert_eq!(problems(validate_measurement("2026-12-01", "5", today)), vec![("date", Problem::DateInFuture)]);
        assert_eq!(
            problems(validate_measurement("", "NaN", today)),
            vec![("date", Problem::Required), ("value", Problem::NotANumber)]
        );
        assert_eq!(validate_measurement("2026-11-27", "7,5", today).unwrap().value, 7.5);

        assert_eq!(
            problems(
                NeedDraft { need: "Upgrade".into(), value: "-5".into(), ..Default::default() }.validate("n".into())
            ),
            vec![("value", Problem::Negative)]
        );
        assert_eq!(problems(validate_review("", "0")), vec![("cadence", Problem::OutOfRange { min: 1.0, max: 365.0 })]);
        assert_eq!(validate_review("2027-01-01", "14").unwrap().cadence(), 14);
        assert_eq!(
            problems(validate_promotion("2026-05-01", "", "", "2026-04-01")),
            vec![("told_on", Problem::BeforePromotion)]
        );
        assert_eq!(problems(MeetingDraft::default().validate("m".into())), vec![("date", Problem::Required)]);
    }

    #[test]
    fn kpis_are_suggested_for_high_criteria() {
        use crate::domain::sample::sample_portfolio;
        use crate::domain::scoring::rank;
        let ws = sample_portfolio(0);
        let ranked = rank(&ws.accounts, &ws.scoring);
        let cartech = ranked.iter().find(|r| ws.accounts[r.index].fields.name == "Cartech").unwrap();
        let got: Vec<Criterion> = suggested_kpis(&cartech.score).into_iter().map(|s| s.criterion).collect();
        assert_eq!(
            got,
            vec![
                Criterion::RevenuePotential,
                Criterion::LifetimeValue,
                Criterion::ProductFit,
                Criterion::StrategicValue
            ]
        );
    }

    #[test]
    fn upsert_edits_in_place_or_appends() {
        let mut list =
            vec![Agreement { id: "a".into(), text: "1".into() }, Agreement { id: "b".into(), text: "2".into() }];
        upsert(&mut list, Agreement { id: "a".into(), text: "one".into() }, |x| &x.id);
        upsert(&mut list, Agreement { id: "c".into(), text: "3".into() }, |x| &x.id);
        let got: Vec<(&str, &str)> = list.iter().map(|x| (x.id.as_str(), x.text.as_str())).collect();
        assert_eq!(got, vec![("a", "one"), ("b", "2"), ("c", "3")]);
    }

    #[test]
    fn open_needs_are_summed() {
        let mut p = plan_on("2026-11-01");
        for (value, status) in [
            (Some(100.0), NeedStatus::Identified),
            (Some(50.0), NeedStatus::Proposed),
            (Some(70.0), NeedStatus::Won),
            (None, NeedStatus::Identified),
        ] {
            p.needs.push(Need { value, status, ..Need::default() });
        }
        assert_eq!(p.open_needs_value(), 150.0);
    }
}
