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

use super::account::format_plain;
use super::criteria::Criterion;
use super::date::Date;
use super::scoring::AccountScore;
use super::validate::{field_set, Checker, Draft, FieldError, Form, Problem};

pub const DEFAULT_CADENCE_DAYS: u16 = 30;
pub const MAX_TEXT: usize = 2_000;
pub const MAX_ITEMS: usize = 500;
/// Follow-ups of one meeting.
pub const MAX_FOLLOW_UPS: usize = 100;

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
    /// The reviews held, in the order they were held (see `reviews`); read back in that
    /// order whatever a merge or a file did to it.
    #[serde(skip_serializing_if = "Vec::is_empty", deserialize_with = "super::reviews::read_in_order")]
    pub reviews: Vec<super::reviews::HeldReview>,
    /// Who changed this plan how often (see `sync`).
    pub rev: super::sync::Rev,
    /// Which edit last set each field (see `sync`).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub dots: super::sync::Dots,
}

field_set!(
    /// The parts of a plan as stored: how merges and their review name them.
    pub enum PlanPart {
        Promotion = "promotion",
        Objectives = "objectives",
        Actions = "actions",
        Agreements = "agreements",
        Kpis = "kpis",
        Meetings = "meetings",
        Needs = "needs",
        Swot = "swot",
        Review = "review",
        Reviews = "reviews",
    }
);

impl PlanPart {
    /// Lists of items (the SWOT: four lists of texts), which merges can combine item by item.
    pub fn is_list(self) -> bool {
        !matches!(self, PlanPart::Promotion | PlanPart::Review)
    }
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

pub(crate) use slugged;

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

/// A new status for one plan item, by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusChange {
    Objective(String, ObjectiveStatus),
    Action(String, ActionStatus),
    Need(String, NeedStatus),
}

impl Objective {
    /// Still being worked on: neither done nor dropped.
    pub fn is_pursued(&self) -> bool {
        !matches!(self.status, ObjectiveStatus::Done | ObjectiveStatus::Dropped)
    }

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

/// The six things plan health weighs, each worth a fixed number of the 100 points. A part
/// the plan does not have yet (no objectives, no KPIs, nobody mapped) earns nothing: an empty
/// or thin plan cannot look healthy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HealthPart {
    /// Objectives pursued that are neither at risk nor thin (two live actions each).
    Objectives,
    /// Actions not overdue.
    Actions,
    /// KPIs measured and on target (one without measurements counts against).
    Kpis,
    /// A review planned ahead, and contact with the client recorded within the cadence.
    Reviews,
    /// The stakeholder map with no coverage gaps.
    Stakeholders,
    /// Edited within the review cadence.
    Freshness,
}

impl HealthPart {
    pub const ALL: [HealthPart; 6] = [
        HealthPart::Objectives,
        HealthPart::Actions,
        HealthPart::Kpis,
        HealthPart::Reviews,
        HealthPart::Stakeholders,
        HealthPart::Freshness,
    ];

    /// The points the part is worth; together 100.
    pub fn weight(self) -> u8 {
        match self {
            HealthPart::Objectives | HealthPart::Actions | HealthPart::Kpis => 20,
            HealthPart::Reviews | HealthPart::Stakeholders => 15,
            HealthPart::Freshness => 10,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanHealth {
    /// Points earned per part, in [`HealthPart::ALL`] order; `score` is their sum.
    pub points: [u8; 6],
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

impl PlanHealth {
    /// A plan needs someone's attention when an action is overdue, a KPI is off target, its
    /// review date has passed or it has gone stale. The overview and the plan list both ask
    /// this, so they always agree.
    pub fn needs_attention(&self) -> bool {
        self.overdue_actions > 0 || self.kpis_off_target > 0 || self.review_overdue || self.stale
    }
}

/// Each plan's health by account id, judged with its account's stakeholder map: the one place
/// that pairs a plan with the people it is judged on.
pub fn healths<'a>(
    accounts: &[std::sync::Arc<super::account::Account>],
    plans: &'a [std::sync::Arc<Plan>],
    today: Date,
) -> std::collections::HashMap<&'a str, PlanHealth> {
    let planned: std::collections::HashSet<&str> = plans.iter().map(|p| p.account_id.as_str()).collect();
    let people: std::collections::HashMap<&str, &[super::stakeholder::Stakeholder]> = accounts
        .iter()
        .filter(|a| planned.contains(a.id.as_str()))
        .map(|a| (a.id.as_str(), a.stakeholders.as_slice()))
        .collect();
    plans
        .iter()
        .map(|p| (p.account_id.as_str(), p.health(today, people.get(p.account_id.as_str()).copied().unwrap_or(&[]))))
        .collect()
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

    /// An objective still pursued (not done or dropped) with fewer than two live actions: the
    /// method asks for at least two actions per objective.
    pub fn is_thin(&self, o: &Objective) -> bool {
        o.is_pursued() && self.live_actions(&o.id) < 2
    }

    /// Sets the status of an objective, action or need by id. False when there is no such item.
    pub fn set_status(&mut self, change: StatusChange) -> bool {
        fn set<T, S>(list: &mut [T], id: &str, get: impl Fn(&mut T) -> (&str, &mut S), status: S) -> bool {
            for item in list {
                let (item_id, slot) = get(item);
                if item_id == id {
                    *slot = status;
                    return true;
                }
            }
            false
        }
        match change {
            StatusChange::Objective(id, s) => set(&mut self.objectives, &id, |o| (&o.id, &mut o.status), s),
            StatusChange::Action(id, s) => set(&mut self.actions, &id, |a| (&a.id, &mut a.status), s),
            StatusChange::Need(id, s) => set(&mut self.needs, &id, |n| (&n.id, &mut n.status), s),
        }
    }

    /// Open value of future needs (identified or proposed).
    pub fn open_needs_value(&self) -> f64 {
        self.needs
            .iter()
            .filter(|n| matches!(n.status, NeedStatus::Identified | NeedStatus::Proposed))
            .filter_map(|n| n.value)
            .sum()
    }

    /// The plan's health as of `today`; `people` is the account's stakeholder map.
    pub fn health(&self, today: Date, people: &[super::stakeholder::Stakeholder]) -> PlanHealth {
        let now = self.judged_on(today, people);
        let before = self.judged_on(today.add_days(-TREND_DAYS), people).score;
        let Judged {
            score,
            points,
            overdue_actions,
            objectives_at_risk,
            kpis_off_target,
            days_since_update,
            review_overdue,
        } = now;
        let trend = match score as i32 - before as i32 {
            d if d >= 5 => Trend::Improving,
            d if d <= -5 => Trend::Worsening,
            _ => Trend::Flat,
        };
        let thin_objectives = self.objectives.iter().filter(|o| self.is_thin(o)).count();
        PlanHealth {
            points,
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

    /// The plan judged as of `day`.
    fn judged_on(&self, day: Date, people: &[super::stakeholder::Stakeholder]) -> Judged {
        // A share of a list that may be empty: an empty list earns `if_none`.
        let share = |ok: usize, total: usize, if_none: f64| if total == 0 { if_none } else { ok as f64 / total as f64 };
        let cadence = i32::from(self.review.cadence());

        // Objectives: none at all earns nothing; all of them done or dropped is a plan fulfilled.
        let live: Vec<&Objective> = self.objectives.iter().filter(|o| o.is_pursued()).collect();
        let at_risk = live.iter().filter(|o| o.at_risk(day)).count();
        let sound = live.iter().filter(|o| !o.at_risk(day) && !self.is_thin(o)).count();
        let objectives = if self.objectives.is_empty() { 0.0 } else { share(sound, live.len(), 1.0) };

        // Actions: none at all earns nothing; all done is on time.
        let pending: Vec<&Action> = self.actions.iter().filter(|a| a.status != ActionStatus::Done).collect();
        let overdue = pending.iter().filter(|a| a.overdue(day)).count();
        let actions = if self.actions.is_empty() { 0.0 } else { share(pending.len() - overdue, pending.len(), 1.0) };

        // KPIs: of all of them, those measured by `day` and on target.
        let measured: Vec<&Kpi> = self.kpis.iter().filter(|k| !k.until(day).is_empty()).collect();
        let off = measured.iter().filter(|k| k.off_target(day)).count();
        let kpis = share(measured.len() - off, self.kpis.len(), 0.0);

        // Reviews: the next one planned and not passed; the client met, or the plan reviewed,
        // within the cadence.
        let review_late = self.review.next.map_or(0, |n| n.days_until(day)).max(0);
        let planned = self.review.next.is_some() && review_late == 0;
        let recent = |d: Date| (0..=cadence).contains(&d.days_until(day));
        let met = self.meetings.iter().any(|m| recent(m.date)) || self.reviews.iter().any(|r| recent(r.held_on));
        let reviews = 0.5 * f64::from(u8::from(planned)) + 0.5 * f64::from(u8::from(met));

        // Stakeholders: nobody mapped earns nothing; each coverage gap costs a quarter.
        let gaps = super::stakeholder::coverage(people, day).len();
        let stakeholders = if people.is_empty() { 0.0 } else { (1.0 - 0.25 * gaps as f64).max(0.0) };

        // Freshness: full within the cadence, then down to nothing at three cadences.
        let days_since_update = Date::from_unix_ms(self.updated_ms).days_until(day).max(0);
        let freshness = 1.0 - (f64::from(days_since_update - cadence) / (2.0 * f64::from(cadence))).clamp(0.0, 1.0);

        let shares = [objectives, actions, kpis, reviews, stakeholders, freshness];
        let mut points = [0u8; 6];
        for ((p, part), s) in points.iter_mut().zip(HealthPart::ALL).zip(shares) {
            // Half up, robust to 7.5 arriving as 7.4999….
            *p = (f64::from(part.weight()) * s.clamp(0.0, 1.0) + 1e-9).round() as u8;
        }
        Judged {
            score: points.iter().sum(),
            points,
            overdue_actions: overdue,
            objectives_at_risk: at_risk,
            kpis_off_target: off,
            days_since_update,
            review_overdue: review_late > 0,
        }
    }
}

/// A plan judged on one day: what [`Plan::health`] compares with two weeks earlier.
struct Judged {
    score: u8,
    points: [u8; 6],
    overdue_actions: usize,
    objectives_at_risk: usize,
    kpis_off_target: usize,
    days_since_update: i32,
    review_overdue: bool,
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
// The forms of plan items: one field set per item, read through the shared checker.

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn date_text(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

field_set!(
    pub enum ObjectiveField {
        What = "what",
        Owner = "owner",
        Why = "why",
        How = "how",
        Perspective = "perspective",
        Target = "target",
        Status = "status",
        Kpi = "kpi_id",
    }
);

impl Form for Objective {
    type Field = ObjectiveField;
    fn blank(_: Date) -> Draft<ObjectiveField> {
        Draft::default()
            .with(ObjectiveField::Perspective, Perspective::DEFAULT.slug())
            .with(ObjectiveField::Status, ObjectiveStatus::DEFAULT.slug())
    }
    fn draft(&self) -> Draft<ObjectiveField> {
        Draft::default()
            .with(ObjectiveField::What, &self.what)
            .with(ObjectiveField::Owner, &self.owner)
            .with(ObjectiveField::Why, &self.why)
            .with(ObjectiveField::How, &self.how)
            .with(ObjectiveField::Perspective, self.perspective.slug())
            .with(ObjectiveField::Target, date_text(self.target))
            .with(ObjectiveField::Status, self.status.slug())
            .with(ObjectiveField::Kpi, self.kpi_id.clone().unwrap_or_default())
    }
    fn read(
        d: &Draft<ObjectiveField>,
        id: &str,
        _: Option<&Objective>,
        _: Date,
    ) -> Result<Objective, Vec<FieldError<ObjectiveField>>> {
        use ObjectiveField as F;
        let mut c = Checker::new(d);
        let o = Objective {
            id: id.to_string(),
            what: c.text(F::What, true, MAX_TEXT),
            owner: c.text(F::Owner, false, MAX_TEXT),
            why: c.text(F::Why, false, MAX_TEXT),
            how: c.text(F::How, false, MAX_TEXT),
            perspective: c.choice(F::Perspective, Perspective::from_slug, Perspective::DEFAULT),
            target: c.date(F::Target, false),
            status: c.choice(F::Status, ObjectiveStatus::from_slug, ObjectiveStatus::DEFAULT),
            kpi_id: non_empty(c.raw(F::Kpi)),
        };
        c.finish(o)
    }
}

field_set!(
    pub enum ActionField {
        Title = "title",
        Objective = "objective_id",
        Owner = "owner",
        Team = "team",
        Due = "due",
        Status = "status",
    }
);

impl Form for Action {
    type Field = ActionField;
    fn blank(_: Date) -> Draft<ActionField> {
        Draft::default()
            .with(ActionField::Team, Team::DEFAULT.slug())
            .with(ActionField::Status, ActionStatus::DEFAULT.slug())
    }
    fn draft(&self) -> Draft<ActionField> {
        Draft::default()
            .with(ActionField::Title, &self.title)
            .with(ActionField::Objective, self.objective_id.clone().unwrap_or_default())
            .with(ActionField::Owner, &self.owner)
            .with(ActionField::Team, self.team.slug())
            .with(ActionField::Due, date_text(self.due))
            .with(ActionField::Status, self.status.slug())
    }
    fn read(
        d: &Draft<ActionField>,
        id: &str,
        _: Option<&Action>,
        _: Date,
    ) -> Result<Action, Vec<FieldError<ActionField>>> {
        use ActionField as F;
        let mut c = Checker::new(d);
        let a = Action {
            id: id.to_string(),
            title: c.text(F::Title, true, MAX_TEXT),
            objective_id: non_empty(c.raw(F::Objective)),
            owner: c.text(F::Owner, false, MAX_TEXT),
            team: c.choice(F::Team, Team::from_slug, Team::DEFAULT),
            due: c.date(F::Due, false),
            status: c.choice(F::Status, ActionStatus::from_slug, ActionStatus::DEFAULT),
        };
        c.finish(a)
    }
}

field_set!(
    pub enum AgreementField {
        Text = "text",
    }
);

impl Form for Agreement {
    type Field = AgreementField;
    fn blank(_: Date) -> Draft<AgreementField> {
        Draft::default()
    }
    fn draft(&self) -> Draft<AgreementField> {
        Draft::default().with(AgreementField::Text, &self.text)
    }
    fn read(
        d: &Draft<AgreementField>,
        id: &str,
        _: Option<&Agreement>,
        _: Date,
    ) -> Result<Agreement, Vec<FieldError<AgreementField>>> {
        let mut c = Checker::new(d);
        let a = Agreement { id: id.to_string(), text: c.text(AgreementField::Text, true, MAX_TEXT) };
        c.finish(a)
    }
}

field_set!(
    pub enum KpiField {
        Name = "name",
        Unit = "unit",
        Kind = "kind",
        Criterion = "criterion",
        Baseline = "baseline",
        Target = "target",
        Direction = "direction",
        TargetDate = "target_date",
    }
);

impl Form for Kpi {
    type Field = KpiField;
    fn blank(_: Date) -> Draft<KpiField> {
        Draft::default()
            .with(KpiField::Kind, KpiKind::DEFAULT.slug())
            .with(KpiField::Direction, Direction::DEFAULT.slug())
    }
    fn draft(&self) -> Draft<KpiField> {
        Draft::default()
            .with(KpiField::Name, &self.name)
            .with(KpiField::Unit, &self.unit)
            .with(KpiField::Kind, self.kind.slug())
            .with(KpiField::Criterion, self.criterion.map(|c| c.slug()).unwrap_or_default())
            .with(KpiField::Baseline, format_plain(self.baseline))
            .with(KpiField::Target, format_plain(self.target))
            .with(KpiField::Direction, self.direction.slug())
            .with(KpiField::TargetDate, date_text(self.target_date))
    }
    /// Editing a KPI changes its definition, never its measurements: they come from `base`.
    fn read(d: &Draft<KpiField>, id: &str, base: Option<&Kpi>, _: Date) -> Result<Kpi, Vec<FieldError<KpiField>>> {
        use KpiField as F;
        let mut c = Checker::new(d);
        let name = c.text(F::Name, true, MAX_TEXT);
        let unit = c.text(F::Unit, false, MAX_TEXT);
        let kind = c.choice(F::Kind, KpiKind::from_slug, KpiKind::DEFAULT);
        let criterion = c.optional_choice(F::Criterion, |s| Criterion::ALL.into_iter().find(|c| c.slug() == s));
        let baseline = c.number(F::Baseline, true, None, None);
        let target = c.number(F::Target, true, None, None);
        let direction = c.choice(F::Direction, Direction::from_slug, Direction::DEFAULT);
        if let (Some(b), Some(t)) = (baseline, target) {
            let wrong_way = match direction {
                Direction::Higher => t <= b,
                Direction::Lower => t >= b,
            };
            if wrong_way {
                c.fail(F::Target, Problem::TargetNotBetter);
            }
        }
        let kpi = Kpi {
            id: id.to_string(),
            name,
            unit,
            kind,
            criterion,
            baseline: baseline.unwrap_or_default(),
            target: target.unwrap_or_default(),
            target_date: c.date(F::TargetDate, false),
            direction,
            measurements: base.map(|k| k.measurements.clone()).unwrap_or_default(),
        };
        c.finish(kpi)
    }
}

field_set!(
    pub enum MeasurementField {
        Date = "date",
        Value = "value",
    }
);

impl Form for Measurement {
    type Field = MeasurementField;
    fn blank(today: Date) -> Draft<MeasurementField> {
        Draft::default().with(MeasurementField::Date, today.to_string())
    }
    fn draft(&self) -> Draft<MeasurementField> {
        Draft::default()
            .with(MeasurementField::Date, self.date.to_string())
            .with(MeasurementField::Value, format_plain(self.value))
    }
    /// Measurements cannot lie in the future.
    fn read(
        d: &Draft<MeasurementField>,
        _: &str,
        _: Option<&Measurement>,
        today: Date,
    ) -> Result<Measurement, Vec<FieldError<MeasurementField>>> {
        let mut c = Checker::new(d);
        let date = c.date(MeasurementField::Date, true);
        if date.is_some_and(|d| d > today) {
            c.fail(MeasurementField::Date, Problem::DateInFuture);
        }
        let value = c.number(MeasurementField::Value, true, None, None);
        match (date, value) {
            (Some(date), Some(value)) if c.is_ok() => Ok(Measurement { date, value }),
            _ => Err(c.into_errors()),
        }
    }
}

field_set!(
    pub enum MeetingField {
        Date = "date",
        Attendees = "attendees",
        Summary = "summary",
        FollowUps = "follow_ups",
    }
);

impl Form for Meeting {
    type Field = MeetingField;
    fn blank(today: Date) -> Draft<MeetingField> {
        Draft::default().with(MeetingField::Date, today.to_string())
    }
    fn draft(&self) -> Draft<MeetingField> {
        let follow_ups: Vec<&str> = self.follow_ups.iter().map(|f| f.text.as_str()).collect();
        Draft::default()
            .with(MeetingField::Date, self.date.to_string())
            .with(MeetingField::Attendees, &self.attendees)
            .with(MeetingField::Summary, &self.summary)
            .with(MeetingField::FollowUps, follow_ups.join("\n"))
    }
    /// One follow-up per line. A follow-up that became an action stays linked to it as long
    /// as its text is kept.
    fn read(
        d: &Draft<MeetingField>,
        id: &str,
        base: Option<&Meeting>,
        _: Date,
    ) -> Result<Meeting, Vec<FieldError<MeetingField>>> {
        use MeetingField as F;
        let mut c = Checker::new(d);
        let date = c.date(F::Date, true);
        let attendees = c.text(F::Attendees, false, MAX_TEXT);
        let summary = c.text(F::Summary, false, MAX_TEXT);
        let mut earlier: Vec<&FollowUp> = base.map(|m| m.follow_ups.iter().collect()).unwrap_or_default();
        let follow_ups = c
            .text(F::FollowUps, false, MAX_TEXT)
            .lines()
            .filter_map(non_empty)
            .take(MAX_FOLLOW_UPS)
            .map(|text| {
                let action_id =
                    earlier.iter().position(|f| f.text == text).and_then(|i| earlier.remove(i).action_id.clone());
                FollowUp { text, action_id }
            })
            .collect();
        match date {
            Some(date) if c.is_ok() => Ok(Meeting { id: id.to_string(), date, attendees, summary, follow_ups }),
            _ => Err(c.into_errors()),
        }
    }
}

field_set!(
    pub enum NeedField {
        Need = "need",
        Heard = "heard",
        Timeframe = "timeframe",
        Value = "value",
        Solution = "solution",
        Status = "status",
    }
);

impl Form for Need {
    type Field = NeedField;
    fn blank(_: Date) -> Draft<NeedField> {
        Draft::default().with(NeedField::Status, NeedStatus::DEFAULT.slug())
    }
    fn draft(&self) -> Draft<NeedField> {
        Draft::default()
            .with(NeedField::Need, &self.need)
            .with(NeedField::Heard, &self.heard)
            .with(NeedField::Timeframe, &self.timeframe)
            .with(NeedField::Value, self.value.map(format_plain).unwrap_or_default())
            .with(NeedField::Solution, &self.solution)
            .with(NeedField::Status, self.status.slug())
    }
    fn read(d: &Draft<NeedField>, id: &str, _: Option<&Need>, _: Date) -> Result<Need, Vec<FieldError<NeedField>>> {
        use NeedField as F;
        let mut c = Checker::new(d);
        let n = Need {
            id: id.to_string(),
            need: c.text(F::Need, true, MAX_TEXT),
            heard: c.text(F::Heard, false, MAX_TEXT),
            timeframe: c.text(F::Timeframe, false, MAX_TEXT),
            value: c.number(F::Value, false, Some(0.0), None),
            solution: c.text(F::Solution, false, MAX_TEXT),
            status: c.choice(F::Status, NeedStatus::from_slug, NeedStatus::DEFAULT),
        };
        c.finish(n)
    }
}

field_set!(
    pub enum SwotField {
        Entry = "entry",
    }
);

/// One line of a SWOT quadrant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SwotEntry(pub String);

impl Form for SwotEntry {
    type Field = SwotField;
    fn blank(_: Date) -> Draft<SwotField> {
        Draft::default()
    }
    fn draft(&self) -> Draft<SwotField> {
        Draft::default().with(SwotField::Entry, &self.0)
    }
    fn read(
        d: &Draft<SwotField>,
        _: &str,
        _: Option<&SwotEntry>,
        _: Date,
    ) -> Result<SwotEntry, Vec<FieldError<SwotField>>> {
        let mut c = Checker::new(d);
        let e = SwotEntry(c.text(SwotField::Entry, true, MAX_TEXT));
        c.finish(e)
    }
}

field_set!(
    pub enum ReviewField {
        Next = "next",
        Cadence = "cadence",
    }
);

impl Form for Review {
    type Field = ReviewField;
    fn blank(_: Date) -> Draft<ReviewField> {
        Draft::default()
    }
    fn draft(&self) -> Draft<ReviewField> {
        Draft::default()
            .with(ReviewField::Next, date_text(self.next))
            .with(ReviewField::Cadence, self.cadence_days.map(|d| d.to_string()).unwrap_or_default())
    }
    /// Next review date and cadence in days (1–365).
    fn read(
        d: &Draft<ReviewField>,
        _: &str,
        _: Option<&Review>,
        _: Date,
    ) -> Result<Review, Vec<FieldError<ReviewField>>> {
        let mut c = Checker::new(d);
        let next = c.date(ReviewField::Next, false);
        let cadence_days = match c.raw(ReviewField::Cadence).trim() {
            "" => None,
            text => match text.parse::<u16>() {
                Ok(d) if (1..=365).contains(&d) => Some(d),
                _ => {
                    c.fail(ReviewField::Cadence, Problem::OutOfRange { min: 1.0, max: 365.0 });
                    None
                }
            },
        };
        c.finish(Review { next, cadence_days })
    }
}

field_set!(
    pub enum PromotionField {
        PromotedOn = "promoted_on",
        ToldOn = "told_on",
        Internal = "internal",
        External = "external",
    }
);

impl Form for Promotion {
    type Field = PromotionField;
    fn blank(_: Date) -> Draft<PromotionField> {
        Draft::default()
    }
    fn draft(&self) -> Draft<PromotionField> {
        Draft::default()
            .with(PromotionField::PromotedOn, date_text(self.promoted_on))
            .with(PromotionField::ToldOn, date_text(self.client_told_on))
            .with(PromotionField::Internal, &self.internal)
            .with(PromotionField::External, &self.external)
    }
    /// The client cannot have been told before the promotion.
    fn read(
        d: &Draft<PromotionField>,
        _: &str,
        _: Option<&Promotion>,
        _: Date,
    ) -> Result<Promotion, Vec<FieldError<PromotionField>>> {
        use PromotionField as F;
        let mut c = Checker::new(d);
        let promoted_on = c.date(F::PromotedOn, false);
        let client_told_on = c.date(F::ToldOn, false);
        let internal = c.text(F::Internal, false, MAX_TEXT);
        let external = c.text(F::External, false, MAX_TEXT);
        if let (Some(p), Some(t)) = (promoted_on, client_told_on) {
            if t < p {
                c.fail(F::ToldOn, Problem::BeforePromotion);
            }
        }
        c.finish(Promotion { promoted_on, internal, external, client_told_on })
    }
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
    /// A SWOT line by its text (identical lines are interchangeable, so any one will do):
    /// positions shift when lines are deleted, texts do not.
    Swot(Quadrant, String),
}

/// An item kept in one of a plan's lists, by id.
pub trait PlanItem: Sized {
    fn list(plan: &Plan) -> &Vec<Self>;
    fn list_mut(plan: &mut Plan) -> &mut Vec<Self>;
    fn id(&self) -> &str;
}

macro_rules! plan_item {
    ($ty:ty, $field:ident) => {
        impl PlanItem for $ty {
            fn list(plan: &Plan) -> &Vec<Self> {
                &plan.$field
            }
            fn list_mut(plan: &mut Plan) -> &mut Vec<Self> {
                &mut plan.$field
            }
            fn id(&self) -> &str {
                &self.id
            }
        }
    };
}

plan_item!(Objective, objectives);
plan_item!(Action, actions);
plan_item!(Agreement, agreements);
plan_item!(Kpi, kpis);
plan_item!(Meeting, meetings);
plan_item!(Need, needs);

impl Plan {
    pub fn item<T: PlanItem>(&self, id: &str) -> Option<&T> {
        T::list(self).iter().find(|x| x.id() == id)
    }

    /// Saves an item: replaces the one with its id in place, or appends it.
    pub fn save<T: PlanItem>(&mut self, item: T) {
        upsert(T::list_mut(self), item, |x| x.id());
    }
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
            ItemRef::Swot(q, text) => {
                let list = self.swot.list_mut(*q);
                let i = list.iter().position(|x| x == text)?;
                RemovedItem::Swot(*q, i, list.remove(i))
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

    /// The README's worked examples: the points per part (objectives, actions, KPIs, reviews,
    /// stakeholders, freshness) and the score, as of 2026-11-10.
    fn check_health(p: &Plan, people: &[super::super::stakeholder::Stakeholder], points: [u8; 6], band: Band) {
        let h = p.health(d("2026-11-10"), people);
        assert_eq!((h.points, h.score, h.band), (points, points.iter().sum(), band), "{h:?}");
    }

    fn person(role: &str, attitude: &str, contact: &str) -> super::super::stakeholder::Stakeholder {
        use super::super::stakeholder::{Attitude, BuyingRole, Stakeholder};
        Stakeholder {
            id: format!("{role}-{attitude}"),
            name: format!("{role} {attitude}"),
            role: BuyingRole::from_slug(role).unwrap(),
            attitude: Attitude::from_slug(attitude).unwrap(),
            influence: 4,
            last_contact: Some(d(contact)),
            ..Stakeholder::default()
        }
    }

    /// One objective with two actions and one measured KPI, as a plan looks after a first hour.
    fn thin_plan() -> Plan {
        let mut p = plan_on("2026-11-01");
        p.objectives.push(Objective { id: "o".into(), what: "Grow".into(), ..Objective::default() });
        p.actions.push(action("a1", Some("o"), Some("2026-12-01"), ActionStatus::Open));
        p.actions.push(action("a2", Some("o"), Some("2026-12-15"), ActionStatus::Open));
        p.kpis.push(kpi(0.0, 10.0, Direction::Higher, None, &[("2026-11-02", 1.0)]));
        p
    }

    #[test]
    fn an_empty_or_thin_plan_cannot_look_healthy() {
        // Empty: only freshness, since it was just made.
        check_health(&plan_on("2026-11-01"), &[], [0, 0, 0, 0, 0, 10], Band::Red);
        // One objective, two actions, one KPI: sound as far as it goes, but no review, no map.
        let p = thin_plan();
        check_health(&p, &[], [20, 20, 20, 0, 0, 10], Band::Yellow);
        // The same KPI never measured counts against it.
        let mut unmeasured = p.clone();
        unmeasured.kpis[0].measurements.clear();
        check_health(&unmeasured, &[], [20, 20, 0, 0, 0, 10], Band::Red);
        // A second KPI not measured yet halves that part.
        let mut two = p.clone();
        two.kpis.push(Kpi { id: "k2".into(), ..unmeasured.kpis[0].clone() });
        check_health(&two, &[], [20, 20, 10, 0, 0, 10], Band::Yellow);
    }

    #[test]
    fn a_reviewed_and_mapped_plan_is_healthy() {
        let mut p = thin_plan();
        p.review.next = Some(d("2027-01-15"));
        p.meetings.push(Meeting {
            id: "m".into(),
            date: d("2026-10-20"),
            attendees: String::new(),
            summary: String::new(),
            follow_ups: vec![],
        });
        let people = [person("decision_maker", "supporter", "2026-10-20"), person("user", "champion", "2026-11-05")];
        check_health(&p, &people, [20, 20, 20, 15, 15, 10], Band::Green);
        // A review planned but no meeting within the 30-day cadence: half of that part.
        p.meetings[0].date = d("2026-09-01");
        check_health(&p, &people, [20, 20, 20, 8, 15, 10], Band::Green);
        // Nobody champions us: one gap costs a quarter of the map's points.
        let lukewarm = [person("decision_maker", "supporter", "2026-10-20"), person("user", "neutral", "2026-11-05")];
        check_health(&p, &lukewarm, [20, 20, 20, 8, 11, 10], Band::Green);
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
        p.review.next = Some(d("2026-12-01"));

        let h = p.health(d("2026-11-10"), &[]);
        assert_eq!(h.overdue_actions, 1, "a1 is late; a3 is done");
        assert_eq!(h.objectives_at_risk, 1, "o2's date passed");
        assert_eq!(h.thin_objectives, 1, "o2 has one live action (a4 is blocked)");
        assert_eq!(h.days_since_update, 9);
        assert!(!h.stale);
        // Objectives 1 of 2 sound (o2 late and thin), actions 2 of 3 on time, no KPIs, a review
        // planned but nobody met, no map, fresh.
        check_health(&p, &[], [10, 13, 0, 8, 0, 10], Band::Red);
        // Two weeks earlier a1 was not late yet: 48 then, 41 now.
        assert_eq!(h.trend, Trend::Worsening);

        // Sixty days on: stale, and everything pending is late.
        let h = p.health(d("2027-01-09"), &[]);
        assert!(h.stale);
        assert_eq!(h.overdue_actions, 2);
        // Objectives 1/2, actions 1/3 (blocked a4 has no date), the review date passed,
        // freshness 1 − (69 − 30)/60 → 4 of 10.
        assert_eq!(h.points, [10, 7, 0, 0, 0, 4]);

        // A passed review date makes a plan stale even when recently edited.
        p.review.next = Some(d("2026-11-05"));
        assert!(p.health(d("2026-11-10"), &[]).review_overdue && p.health(d("2026-11-10"), &[]).stale);
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
        let m = Draft::default()
            .with(MeetingField::Date, "2026-11-02")
            .with(MeetingField::FollowUps, "Send proposal\n\n  Book visit ");
        p.meetings.push(Meeting::read(&m, "m1", None, d("2026-11-28")).unwrap());
        assert_eq!(p.meetings[0].follow_ups.len(), 2);
        assert!(p.follow_up_to_action("m1", 1, "a9".into(), Some(d("2026-11-20"))));
        assert!(!p.follow_up_to_action("m1", 1, "a10".into(), None), "only once");
        assert!(!p.follow_up_to_action("m1", 5, "a11".into(), None));
        assert_eq!(p.actions.len(), 1);
        assert_eq!((p.actions[0].title.as_str(), p.actions[0].due), ("Book visit", Some(d("2026-11-20"))));
        assert_eq!(p.meetings[0].follow_ups[1].action_id.as_deref(), Some("a9"));
        // Editing the meeting keeps the link of a follow-up whose text stays.
        let edited = p.meetings[0].draft().with(MeetingField::FollowUps, "Book visit\nCall back");
        let m = Meeting::read(&edited, "m1", Some(&p.meetings[0]), d("2026-11-28")).unwrap();
        let links: Vec<Option<&str>> = m.follow_ups.iter().map(|f| f.action_id.as_deref()).collect();
        assert_eq!(links, vec![Some("a9"), None]);
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
            ItemRef::Swot(Quadrant::Threats, "b".into()),
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
        assert!(p.remove(&ItemRef::Swot(Quadrant::Strengths, "a".into())).is_none());
    }

    fn problems<R: Form>(draft: Draft<R::Field>) -> Vec<(&'static str, Problem)> {
        use crate::domain::validate::FieldSet;
        R::read(&draft, "x", None, d("2026-11-27"))
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| (e.field.key(), e.problem))
            .collect()
    }

    fn read<R: Form>(draft: Draft<R::Field>) -> R {
        R::read(&draft, "x", None, d("2026-11-27")).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn drafts_are_validated_with_a_message_per_field() {
        assert_eq!(
            problems::<Objective>(Draft::default().with(ObjectiveField::Target, "31-12-26")),
            vec![("what", Problem::Required), ("target", Problem::NotADate)]
        );
        let o: Objective = read(
            Draft::default()
                .with(ObjectiveField::What, " Grow ")
                .with(ObjectiveField::Status, "at_risk")
                .with(ObjectiveField::Perspective, "client"),
        );
        assert_eq!((o.what.as_str(), o.status, o.perspective), ("Grow", ObjectiveStatus::AtRisk, Perspective::Client));

        assert_eq!(
            problems::<Action>(Draft::default().with(ActionField::Title, "Call").with(ActionField::Due, "2026-02-30")),
            vec![("due", Problem::NoSuchDay)]
        );
        let kpi = |name: &str, baseline: &str, target: &str| {
            Draft::default()
                .with(KpiField::Name, name)
                .with(KpiField::Baseline, baseline)
                .with(KpiField::Target, target)
        };
        assert_eq!(problems::<Kpi>(kpi("NPS", "30", "20")), vec![("target", Problem::TargetNotBetter)]);
        assert_eq!(
            problems::<Kpi>(kpi("", "x", "")),
            vec![("name", Problem::Required), ("baseline", Problem::NotANumber), ("target", Problem::Required)]
        );
        let lower: Kpi = read(kpi("Churn", "10", "4").with(KpiField::Direction, "lower"));
        assert_eq!(lower.direction, Direction::Lower);

        let m = |date: &str, value: &str| {
            Draft::default().with(MeasurementField::Date, date).with(MeasurementField::Value, value)
        };
        assert_eq!(problems::<Measurement>(m("2026-12-01", "5")), vec![("date", Problem::DateInFuture)]);
        assert_eq!(
            problems::<Measurement>(m("", "NaN")),
            vec![("date", Problem::Required), ("value", Problem::NotANumber)]
        );
        assert_eq!(read::<Measurement>(m("2026-11-27", "7,5")).value, 7.5);

        assert_eq!(
            problems::<Need>(Draft::default().with(NeedField::Need, "Upgrade").with(NeedField::Value, "-5")),
            vec![("value", Problem::Negative)]
        );
        assert_eq!(
            problems::<Review>(Draft::default().with(ReviewField::Cadence, "0")),
            vec![("cadence", Problem::OutOfRange { min: 1.0, max: 365.0 })]
        );
        let review: Review =
            read(Draft::default().with(ReviewField::Next, "2027-01-01").with(ReviewField::Cadence, "14"));
        assert_eq!(review.cadence(), 14);
        assert_eq!(
            problems::<Promotion>(
                Draft::default()
                    .with(PromotionField::PromotedOn, "2026-05-01")
                    .with(PromotionField::ToldOn, "2026-04-01")
            ),
            vec![("told_on", Problem::BeforePromotion)]
        );
        assert_eq!(problems::<Meeting>(Draft::default()), vec![("date", Problem::Required)]);
        assert_eq!(problems::<Agreement>(Draft::default()), vec![("text", Problem::Required)]);
        assert_eq!(
            problems::<SwotEntry>(Draft::default().with(SwotField::Entry, "  ")),
            vec![("entry", Problem::Required)]
        );
        // Every form reads back what it shows.
        let o2: Objective = read(o.draft());
        assert_eq!(o2, Objective { id: "x".into(), ..o });
    }

    #[test]
    fn editing_a_kpi_keeps_its_measurements() {
        let k = kpi(0.0, 10.0, Direction::Higher, None, &[("2026-01-01", 1.0), ("2026-02-01", 2.0)]);
        let renamed = k.draft().with(KpiField::Name, "Adoption");
        let edited = Kpi::read(&renamed, &k.id, Some(&k), d("2026-11-27")).unwrap();
        assert_eq!((edited.name.as_str(), edited.measurements.len()), ("Adoption", 2));
    }

    #[test]
    fn one_rule_for_thin_objectives_and_attention() {
        let mut p = plan_on("2026-11-01");
        p.objectives.push(Objective { id: "o".into(), what: "Grow".into(), ..Objective::default() });
        p.actions.push(action("a1", Some("o"), None, ActionStatus::Open));
        assert!(p.is_thin(&p.objectives[0]), "one action is too few");
        p.actions.push(action("a2", Some("o"), None, ActionStatus::Blocked));
        assert!(p.is_thin(&p.objectives[0]), "a blocked action does not count");
        assert!(p.set_status(StatusChange::Action("a2".into(), ActionStatus::InProgress)));
        assert!(!p.is_thin(&p.objectives[0]));
        assert!(p.set_status(StatusChange::Objective("o".into(), ObjectiveStatus::Dropped)));
        assert!(!p.set_status(StatusChange::Need("nope".into(), NeedStatus::Won)));
        p.objectives[0].status = ObjectiveStatus::NotStarted;
        p.actions.clear();
        assert!(!p.objectives[0].status.eq(&ObjectiveStatus::Dropped) && p.is_thin(&p.objectives[0]));
        p.objectives[0].status = ObjectiveStatus::Done;
        assert!(!p.is_thin(&p.objectives[0]), "a done objective needs no more actions");

        // Attention: overdue, off target, review overdue or stale; a fresh plan needs none.
        let h = plan_on("2026-11-01").health(d("2026-11-02"), &[]);
        assert!(!h.needs_attention());
        for h in [
            PlanHealth { overdue_actions: 1, ..h },
            PlanHealth { kpis_off_target: 1, ..h },
            PlanHealth { review_overdue: true, ..h },
            PlanHealth { stale: true, ..h },
        ] {
            assert!(h.needs_attention(), "{h:?}");
        }
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
