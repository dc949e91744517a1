//! An invented portfolio that tells the method's story: Vicom brings the most revenue,
//! but scored on all five criteria Cartech is the better key account.

use std::sync::Arc;

use super::account::Stage;
use super::account::{Account, AccountFields, Status};
use super::criteria::{Criterion, Question};
use super::date::Date;
use super::plan::{
    Action, ActionStatus, Agreement, Direction, FollowUp, Kpi, KpiKind, Measurement, Meeting, Need, NeedStatus,
    Objective, ObjectiveStatus, Perspective, Plan, Promotion, Review, Swot, Team,
};
use super::scoring::answer_all;
use super::stakeholder::{Attitude, BuyingRole, Stakeholder};
use super::whitespace::{Cell, CellStatus, Offering};
use super::workspace::Workspace;

struct Row {
    name: &'static str,
    sector: &'static str,
    region: &'static str,
    owner: &'static str,
    status: Status,
    /// Our relationship stage: places it on the portfolio matrix.
    stage: Stage,
    revenue: f64,
    potential: f64,
    margin: f64,
    years: f64,
    since: i32,
    /// Yes-answers; every other checklist question is answered no.
    yes: &'static [Question],
    notes: &'static str,
}

use Question::*;

const ROWS: &[Row] = &[
    Row {
        name: "Vicom",
        stage: Stage::Interdependent,
        sector: "Telecom",
        region: "Netherlands",
        owner: "Pieter de Vries",
        status: Status::Customer,
        revenue: 2_400_000.0,
        potential: 60_000.0,
        margin: 7.0,
        years: 2.0,
        since: 2012,
        yes: &[VolumeRecurring, LtvLoyal, FitProfile, FitNeeds, FitBenefit, StrategicReputation, StrategicReference],
        notes: "Largest customer by revenue. Buys on price, margin under pressure; contract renewal uncertain.",
    },
    Row {
        name: "Cartech",
        stage: Stage::Cooperative,
        sector: "Automotive",
        region: "Netherlands",
        owner: "Sanne Jansen",
        status: Status::Customer,
        revenue: 640_000.0,
        potential: 950_000.0,
        margin: 36.0,
        years: 12.0,
        since: 2019,
        yes: &[
            VolumeStable, PotentialExpansion, PotentialWallet, PotentialMarket, LtvHealthy, LtvCompetitive,
            LtvMargin, LtvLoyal, FitProfile, FitNeeds, FitBenefit, FitUnderstood, StrategicReputation, StrategicVision,
            StrategicReference, StrategicFeedback, StrategicMutual,
        ],
        notes: "Orders in projects rather than a steady stream. Genuinely interested in working together; gives valuable product feedback and pilots new releases.",
    },
    Row {
        name: "Noordzee Logistics",
        stage: Stage::Basic,
        sector: "Logistics",
        region: "Netherlands",
        owner: "Pieter de Vries",
        status: Status::Customer,
        revenue: 1_150_000.0,
        potential: 300_000.0,
        margin: 22.0,
        years: 8.0,
        since: 2015,
        yes: &[VolumeStable, VolumeRecurring, PotentialWallet, LtvHealthy, LtvMargin, LtvLoyal, FitProfile, FitNeeds, FitBenefit, StrategicReputation, StrategicMutual],
        notes: "Steady buyer; expanding its warehouse network in Germany.",
    },
    Row {
        name: "Brabant Foods",
        stage: Stage::Interdependent,
        sector: "Food & beverage",
        region: "Netherlands",
        owner: "Sanne Jansen",
        status: Status::Customer,
        revenue: 880_000.0,
        potential: 420_000.0,
        margin: 28.0,
        years: 9.0,
        since: 2016,
        yes: &[VolumeStable, VolumeRecurring, PotentialExpansion, LtvHealthy, LtvCompetitive, LtvLoyal, FitProfile, FitNeeds, FitUnderstood, StrategicReputation, StrategicVision, StrategicReference],
        notes: "New production line planned for next year.",
    },
    Row {
        name: "Helios Energy",
        stage: Stage::Exploratory,
        sector: "Energy",
        region: "Belgium",
        owner: "Lotte Peeters",
        status: Status::Customer,
        revenue: 520_000.0,
        potential: 700_000.0,
        margin: 30.0,
        years: 7.0,
        since: 2020,
        yes: &[VolumeRecurring, PotentialExpansion, PotentialMarket, LtvHealthy, LtvMargin, FitProfile, FitNeeds, FitBenefit, StrategicVision, StrategicFeedback, StrategicMutual],
        notes: "Fast-growing; building solar parks in three countries.",
    },
    Row {
        name: "Delta Retail Group",
        stage: Stage::Cooperative,
        sector: "Retail",
        region: "Netherlands",
        owner: "Lotte Peeters",
        status: Status::Customer,
        revenue: 1_300_000.0,
        potential: 80_000.0,
        margin: 12.0,
        years: 4.0,
        since: 2014,
        yes: &[VolumeRecurring, LtvLoyal, FitNeeds, StrategicReputation],
        notes: "Closing stores; tenders every two years.",
    },
    Row {
        name: "Medisys",
        stage: Stage::Basic,
        sector: "Healthcare",
        region: "Germany",
        owner: "Sanne Jansen",
        status: Status::Customer,
        revenue: 410_000.0,
        potential: 380_000.0,
        margin: 31.0,
        years: 10.0,
        since: 2018,
        yes: &[VolumeStable, VolumeRecurring, PotentialWallet, LtvHealthy, LtvCompetitive, LtvMargin, LtvLoyal, FitProfile, FitNeeds, FitBenefit, FitUnderstood, StrategicReputation, StrategicReference],
        notes: "Strict compliance needs that we meet well.",
    },
    Row {
        name: "Polder Bouw",
        stage: Stage::Cooperative,
        sector: "Construction",
        region: "Netherlands",
        owner: "Pieter de Vries",
        status: Status::Customer,
        revenue: 260_000.0,
        potential: 90_000.0,
        margin: 18.0,
        years: 5.0,
        since: 2021,
        yes: &[VolumeRecurring, LtvHealthy, FitNeeds, StrategicReputation],
        notes: "Project-based orders.",
    },
    Row {
        name: "Fjord Maritime",
        stage: Stage::Exploratory,
        sector: "Shipping",
        region: "Norway",
        owner: "Lotte Peeters",
        status: Status::Customer,
        revenue: 720_000.0,
        potential: 150_000.0,
        margin: 19.0,
        years: 6.0,
        since: 2017,
        yes: &[VolumeStable, VolumeRecurring, LtvHealthy, LtvLoyal, FitProfile, FitNeeds, StrategicReputation, StrategicMutual],
        notes: "Reliable, little growth expected.",
    },
    Row {
        name: "Qubit Labs",
        stage: Stage::Exploratory,
        sector: "Technology",
        region: "Netherlands",
        owner: "Sanne Jansen",
        status: Status::Prospect,
        revenue: 0.0,
        potential: 500_000.0,
        margin: 35.0,
        years: 8.0,
        since: 2026,
        yes: &[PotentialExpansion, PotentialWallet, PotentialMarket, LtvHealthy, FitProfile, FitNeeds, FitBenefit, StrategicVision, StrategicReference, StrategicFeedback],
        notes: "Scale-up; pilot under discussion.",
    },
    Row {
        name: "Rijnland Chemicals",
        stage: Stage::Integrated,
        sector: "Chemicals",
        region: "Germany",
        owner: "Pieter de Vries",
        status: Status::Customer,
        revenue: 980_000.0,
        potential: 200_000.0,
        margin: 15.0,
        years: 5.0,
        since: 2013,
        yes: &[VolumeRecurring, PotentialWallet, LtvMargin, FitProfile, FitNeeds, StrategicReputation],
        notes: "Consolidating suppliers; we are on the shortlist.",
    },
    Row {
        name: "Atlas Office",
        stage: Stage::Basic,
        sector: "Services",
        region: "Belgium",
        owner: "Lotte Peeters",
        status: Status::Former,
        revenue: 90_000.0,
        potential: 20_000.0,
        margin: 10.0,
        years: 1.0,
        since: 2016,
        yes: &[FitNeeds],
        notes: "Moved most business to a competitor last year.",
    },
];

/// The sample portfolio, with every checklist question answered so that each account
/// has a score. `now_ms` stamps created/updated.
pub fn sample_portfolio(now_ms: i64) -> Workspace {
    let accounts: Vec<Account> = ROWS
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let fields = AccountFields {
                name: r.name.into(),
                sector: r.sector.into(),
                region: r.region.into(),
                owner: r.owner.into(),
                status: r.status,
                revenue: Some(r.revenue),
                potential: Some(r.potential),
                margin_pct: Some(r.margin),
                relationship_years: Some(r.years),
                customer_since: Some(r.since),
                stage: Some(r.stage),
                notes: r.notes.into(),
                crm_id: String::new(),
            };
            let mut account = Account::new(format!("sample-{:02}-{}", i + 1, slug(r.name)), fields, now_ms);
            for c in Criterion::ALL {
                answer_all(&mut account.assessment, c, r.yes);
            }
            account.stakeholders = stakeholders(r.name, Date::from_unix_ms(now_ms));
            account.whitespace = whitespace(r.name);
            account
        })
        .collect();
    let mut accounts: Vec<Arc<Account>> = accounts.into_iter().map(Arc::new).collect();
    let plans = vec![Arc::new(cartech_plan(now_ms)), Arc::new(brabant_plan(now_ms))];
    // Both plans began with a promotion: the manager decided they are key accounts.
    super::workspace::upgrade(&mut accounts, &plans, 4);
    let mut ws = Workspace { accounts, plans, offerings: offerings(), ..Workspace::default() };
    past(&mut ws, Date::from_unix_ms(now_ms));
    ws
}

/// The sample's past: Cartech's last quarterly review ten days ago, and how the followed
/// accounts' scores moved over the half year before (Cartech up into the key tier, Vicom down
/// to the watch list). Derived from today's scores, so they stay true to the sample's data.
fn past(ws: &mut Workspace, today: Date) {
    use super::history::ScorePoint;
    use super::reviews::Snapshot;
    use super::tier::Tier;
    let day = |n: i32| today.add_days(n);
    let ranking = super::scoring::rank(&ws.accounts, &ws.scoring);
    let score = |id: &str| {
        let i = ws.accounts.iter().position(|a| a.id == id)?;
        ranking.iter().find(|r| r.index == i).and_then(|r| r.score.shown())
    };
    let (cartech, vicom) = (score("sample-02-cartech").unwrap_or(70), score("sample-01-vicom").unwrap_or(60));
    let points = |list: &[(i32, u8, Tier)]| list.iter().map(|&(n, s, t)| ScorePoint(day(n), Some(s), t)).collect();
    for a in &mut ws.accounts {
        let history = match a.id.as_str() {
            "sample-02-cartech" => points(&[
                (-180, 62.min(cartech), Tier::Watch),
                (-90, cartech.saturating_sub(8), Tier::Key),
                (-40, cartech.saturating_sub(3), Tier::Key),
            ]),
            "sample-01-vicom" => points(&[(-180, 72.max(vicom), Tier::Key), (-75, 55.max(vicom), Tier::Watch)]),
            _ => continue,
        };
        Arc::make_mut(a).history = history;
    }
    let Some(plan) = ws.plans.iter_mut().find(|p| p.account_id == "sample-02-cartech") else { return };
    let plan = Arc::make_mut(plan);
    // The plan as it stood ten days ago: the order flow still being mapped, the plant
    // upgrade only heard of, the KPIs at their values of then.
    let mut then = plan.clone();
    let held = day(-10);
    for k in &mut then.kpis {
        k.measurements.retain(|m| m.date <= held);
    }
    then.actions.retain(|a| a.id != "sample-a5");
    for a in &mut then.actions {
        if a.id == "sample-a3" {
            a.status = ActionStatus::InProgress;
        }
    }
    for n in &mut then.needs {
        n.status = NeedStatus::Identified;
    }
    let health = then.health(held, &[]).score.max(60);
    let snapshot = Snapshot::of(&then, Some(cartech.saturating_sub(3)), Tier::Key, health);
    plan.hold_review("sample-r1".into(), held, "Marco Visser", snapshot);
    plan.reviews[0].decisions =
        "Keep Cartech a key account. Run the planning-module pilot before the roadmap session.".into();
    plan.reviews[0].next_steps = "Sanne sends the plant-upgrade proposal; service sets up the tracking link.".into();
    plan.review = Review { next: Some(day(20)), cadence_days: Some(30) };
}

const DAY_MS: i64 = 86_400_000;

/// What we sell: the catalogue the sample's whitespace is mapped against.
fn offerings() -> Vec<Offering> {
    let o = |id: &str, name: &str, family: &str, typical: f64| Offering {
        id: id.into(),
        name: name.into(),
        family: family.into(),
        typical_value: Some(typical),
    };
    vec![
        o("sample-off-plan", "Production planning", "Software", 120_000.0),
        o("sample-off-track", "Delivery tracking", "Software", 60_000.0),
        o("sample-off-quality", "Quality module", "Software", 80_000.0),
        o("sample-off-service", "Managed service", "Services", 150_000.0),
        o("sample-off-train", "Training", "Services", 20_000.0),
    ]
}

/// Cartech uses one module and is piloting a second: most of the catalogue is open to it.
/// Vicom buys the managed service on price and has ruled out the rest.
fn whitespace(account: &str) -> Vec<Cell> {
    let c = |id: &str, status: CellStatus, value: Option<f64>| Cell { id: id.into(), status, value };
    use CellStatus::*;
    match account {
        "Cartech" => vec![
            c("sample-off-track", InUse, Some(210_000.0)),
            c("sample-off-plan", InDiscussion, Some(180_000.0)),
            c("sample-off-quality", Potential, None),
            c("sample-off-train", Potential, None),
        ],
        "Vicom" => vec![
            c("sample-off-service", InUse, Some(2_100_000.0)),
            c("sample-off-plan", NotRelevant, None),
            c("sample-off-quality", Lost, None),
            c("sample-off-train", Potential, Some(15_000.0)),
        ],
        _ => Vec::new(),
    }
}

/// The method's story in people. Cartech: a champion in product development who gives us
/// product feedback, a decision maker we see often. Vicom: everything goes through purchasing,
/// the director who decides has not been seen for months.
fn stakeholders(account: &str, today: Date) -> Vec<Stakeholder> {
    #[allow(clippy::too_many_arguments)]
    fn person(
        id: &str,
        name: &str,
        title: &str,
        department: &str,
        role: BuyingRole,
        influence: u8,
        attitude: Attitude,
        reports_to: Option<&str>,
        owner: &str,
        last_contact: Option<Date>,
        notes: &str,
    ) -> Stakeholder {
        Stakeholder {
            id: id.into(),
            name: name.into(),
            title: title.into(),
            department: department.into(),
            role,
            role_name: String::new(),
            influence,
            attitude,
            reports_to: reports_to.map(Into::into),
            owner: owner.into(),
            last_contact,
            notes: notes.into(),
        }
    }
    let ago = |n: i32| Some(today.add_days(-n));
    use Attitude::*;
    use BuyingRole::*;
    match account {
        "Cartech" => vec![
            person(
                "ct-ceo",
                "Henk Verbeek",
                "Managing director",
                "Board",
                DecisionMaker,
                5,
                Supporter,
                None,
                "Sanne Jansen",
                ago(21),
                "Signs the framework agreement; wants proof in cost per car.",
            ),
            person(
                "ct-cto",
                "Lotte Kramer",
                "CTO",
                "Product development",
                TechnicalBuyer,
                4,
                Champion,
                Some("ct-ceo"),
                "Sanne Jansen",
                ago(6),
                "Tests our beta modules and gives product feedback every sprint; argues for us in the board.",
            ),
            person(
                "ct-plant",
                "Ahmed El Idrissi",
                "Plant manager",
                "Production",
                User,
                3,
                Supporter,
                Some("ct-ceo"),
                "Kees Dijkman",
                ago(30),
                "Daily user; cares about uptime.",
            ),
            person(
                "ct-buy",
                "Marloes de Wit",
                "Purchasing manager",
                "Purchasing",
                EconomicBuyer,
                3,
                Neutral,
                Some("ct-ceo"),
                "Sanne Jansen",
                ago(45),
                "Benchmarks us against two competitors each year.",
            ),
            person(
                "ct-eng",
                "Jeroen Bos",
                "Lead engineer",
                "Product development",
                Influencer,
                2,
                Champion,
                Some("ct-cto"),
                "Kees Dijkman",
                ago(12),
                "",
            ),
        ],
        "Vicom" => vec![
            person(
                "vc-dir",
                "Frank Hoekstra",
                "Operations director",
                "Operations",
                DecisionMaker,
                5,
                Neutral,
                None,
                "Pieter de Vries",
                ago(160),
                "Decides on the renewal; we last met him at the contract signing.",
            ),
            person(
                "vc-buy",
                "Ingrid Postma",
                "Senior buyer",
                "Purchasing",
                EconomicBuyer,
                4,
                Sceptic,
                Some("vc-dir"),
                "Pieter de Vries",
                ago(9),
                "All contact runs through her; negotiates on price only.",
            ),
            person(
                "vc-it",
                "Ruud Meijer",
                "IT architect",
                "IT",
                TechnicalBuyer,
                3,
                Neutral,
                Some("vc-dir"),
                "",
                None,
                "Never met: purchasing keeps us away from IT.",
            ),
        ],
        _ => Vec::new(),
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn action(id: &str, title: &str, owner: &str, team: Team, due: Date, status: ActionStatus, objective: &str) -> Action {
    Action {
        id: id.into(),
        title: title.into(),
        owner: owner.into(),
        team,
        due: Some(due),
        status,
        objective_id: Some(objective.into()),
    }
}

fn measured(kpi: Kpi, points: &[(Date, f64)]) -> Kpi {
    let mut kpi = kpi;
    for &(date, value) in points {
        kpi.record(Measurement { date, value });
    }
    kpi
}

/// A well-kept plan: the method's four steps, all in use.
fn cartech_plan(now_ms: i64) -> Plan {
    let today = Date::from_unix_ms(now_ms);
    let day = |n: i32| today.add_days(n);
    Plan {
        account_id: "sample-02-cartech".into(),
        created_ms: now_ms - 90 * DAY_MS,
        updated_ms: now_ms,
        promotion: Promotion {
            promoted_on: Some(day(-90)),
            internal:
                "A dedicated team of sales, service and product; quarterly business reviews; a budget for joint pilots."
                    .into(),
            external: "A named account manager, answers within four working hours, early access to new releases."
                .into(),
            client_told_on: Some(day(-80)),
        },
        objectives: vec![
            Objective {
                id: "sample-o1".into(),
                what: "Cartech runs three of our modules instead of one".into(),
                why: "They gain most from the integrated modules, and it triples our share of their budget".into(),
                how: "A joint roadmap session each quarter; a pilot of the planning module".into(),
                perspective: Perspective::Ours,
                owner: "Sanne Jansen".into(),
                target: Some(day(180)),
                status: ObjectiveStatus::OnTrack,
                kpi_id: Some("sample-k1".into()),
            },
            Objective {
                id: "sample-o2".into(),
                what: "Cut Cartech's order-to-delivery time by a fifth".into(),
                why: "Their customers ask for faster delivery; it is their main challenge this year".into(),
                how: "Connect their planning to our delivery tracking".into(),
                perspective: Perspective::Client,
                owner: "Operations lead".into(),
                target: Some(day(120)),
                status: ObjectiveStatus::OnTrack,
                kpi_id: None,
            },
        ],
        actions: vec![
            action(
                "sample-a1",
                "Run the planning-module pilot",
                "Sanne Jansen",
                Team::Product,
                day(21),
                ActionStatus::InProgress,
                "sample-o1",
            ),
            action(
                "sample-a2",
                "Roadmap session with their CTO",
                "Sanne Jansen",
                Team::Sales,
                day(35),
                ActionStatus::Open,
                "sample-o1",
            ),
            action(
                "sample-a3",
                "Map their order flow",
                "Operations lead",
                Team::Operations,
                day(-12),
                ActionStatus::Done,
                "sample-o2",
            ),
            action(
                "sample-a4",
                "Set up delivery tracking link",
                "Service desk",
                Team::Service,
                day(28),
                ActionStatus::Open,
                "sample-o2",
            ),
            Action {
                id: "sample-a5".into(),
                title: "Send proposal for the plant upgrade".into(),
                owner: "Sanne Jansen".into(),
                due: Some(day(10)),
                ..Action::default()
            },
        ],
        agreements: vec![
            Agreement { id: "sample-g1".into(), text: "Answer within four working hours".into() },
            Agreement { id: "sample-g2".into(), text: "Quarterly business review".into() },
            Agreement { id: "sample-g3".into(), text: "Dedicated contact: Sanne Jansen".into() },
        ],
        kpis: vec![
            measured(
                Kpi {
                    id: "sample-k1".into(),
                    name: "Product adoption".into(),
                    unit: "%".into(),
                    kind: KpiKind::ProductAdoption,
                    criterion: Some(Criterion::ProductFit),
                    baseline: 33.0,
                    target: 100.0,
                    target_date: Some(day(180)),
                    direction: Direction::Higher,
                    measurements: Vec::new(),
                },
                &[(day(-90), 33.0), (day(-60), 45.0), (day(-30), 52.0), (day(-2), 60.0)],
            ),
            measured(
                Kpi {
                    id: "sample-k2".into(),
                    name: "Customer satisfaction (NPS)".into(),
                    unit: "points".into(),
                    kind: KpiKind::Satisfaction,
                    criterion: Some(Criterion::StrategicValue),
                    baseline: 30.0,
                    target: 60.0,
                    target_date: Some(day(270)),
                    direction: Direction::Higher,
                    measurements: Vec::new(),
                },
                &[(day(-90), 30.0), (day(-45), 41.0), (day(-5), 47.0)],
            ),
        ],
        meetings: vec![Meeting {
            id: "sample-m1".into(),
            date: day(-30),
            attendees: "Sanne Jansen; Cartech's CTO and plant manager".into(),
            summary: "Their Tilburg plant will be renovated next spring; the systems there need an upgrade.".into(),
            follow_ups: vec![
                FollowUp { text: "Send proposal for the plant upgrade".into(), action_id: Some("sample-a5".into()) },
                FollowUp { text: "Invite their CTO to our product day".into(), action_id: None },
            ],
        }],
        needs: vec![Need {
            id: "sample-n1".into(),
            need: "Systems upgrade for the renovated plant".into(),
            heard: "Quarterly review at their Tilburg plant".into(),
            timeframe: "Next spring".into(),
            solution: "Upgrade package with installation and training".into(),
            value: Some(180_000.0),
            status: NeedStatus::Proposed,
        }],
        swot: Swot {
            strengths: strings(&["Trusted relationship with their CTO", "Our modules fit their production line"]),
            weaknesses: strings(&["Only one contact on their buying side"]),
            opportunities: strings(&["Plant renovation next spring", "Their expansion into Germany"]),
            threats: strings(&["A competitor offers a cheaper bundle"]),
        },
        review: Review { next: Some(day(20)), cadence_days: Some(30) },
        reviews: Vec::new(),
        rev: Default::default(),
        dots: Default::default(),
    }
}

/// A plan that went stale: the kind the plan overview must make impossible to miss.
fn brabant_plan(now_ms: i64) -> Plan {
    let today = Date::from_unix_ms(now_ms);
    let day = |n: i32| today.add_days(n);
    Plan {
        account_id: "sample-04-brabant".into(),
        created_ms: now_ms - 120 * DAY_MS,
        updated_ms: now_ms - 50 * DAY_MS,
        promotion: Promotion { promoted_on: Some(day(-120)), ..Promotion::default() },
        objectives: vec![Objective {
            id: "sample-o3".into(),
            what: "Become the supplier for their new production line".into(),
            owner: "Sanne Jansen".into(),
            target: Some(day(60)),
            status: ObjectiveStatus::AtRisk,
            ..Objective::default()
        }],
        actions: vec![action(
            "sample-a6",
            "Technical proposal for the new line",
            "Sanne Jansen",
            Team::Sales,
            day(-10),
            ActionStatus::Open,
            "sample-o3",
        )],
        kpis: vec![measured(
            Kpi {
                id: "sample-k3".into(),
                name: "Revenue growth".into(),
                unit: "%".into(),
                kind: KpiKind::RevenueGrowth,
                criterion: Some(Criterion::RevenueVolume),
                baseline: 0.0,
                target: 15.0,
                target_date: None,
                direction: Direction::Higher,
                measurements: Vec::new(),
            },
            &[(day(-110), 4.0), (day(-80), 3.0), (day(-50), 1.0)],
        )],
        review: Review { next: Some(day(-5)), cadence_days: Some(30) },
        ..Plan::default()
    }
}

fn slug(name: &str) -> String {
    name.split_whitespace().next().unwrap_or("account").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::{rank, Tier};

    fn position(ws: &Workspace, name: &str) -> usize {
        let ranked = rank(&ws.accounts, &ws.scoring);
        ranked.iter().position(|r| ws.accounts[r.index].fields.name == name).unwrap()
    }

    #[test]
    fn tells_the_story_vicom_leads_on_revenue_cartech_on_score() {
        let ws = sample_portfolio(0);
        assert!((10..=15).contains(&ws.accounts.len()));
        let ranked = rank(&ws.accounts, &ws.scoring);
        for r in &ranked {
            let a = &ws.accounts[r.index];
            eprintln!(
                "{:>2?} {:>2?} {:<20} {:?} {:?}",
                r.rank,
                r.revenue_rank,
                a.fields.name,
                r.score.shown(),
                r.score.criteria.map(|c| c.rating.unwrap_or(9))
            );
        }
        let vicom = ranked.iter().find(|r| ws.accounts[r.index].fields.name == "Vicom").unwrap();
        let cartech = ranked.iter().find(|r| ws.accounts[r.index].fields.name == "Cartech").unwrap();
        assert_eq!(vicom.revenue_rank, Some(1));
        assert_eq!(cartech.rank, Some(1));
        assert_eq!(cartech.score.tier, Tier::Key);
        assert_ne!(vicom.score.tier, Tier::Key);
        assert!(ranked.iter().all(|r| r.score.score.is_some()), "every sample account is complete");
        assert!(position(&ws, "Cartech") < position(&ws, "Vicom"));
    }

    #[test]
    fn sample_plans_show_a_healthy_and_a_stale_plan() {
        use crate::domain::plan::Band;
        let now = 1_795_737_600_000;
        let ws = sample_portfolio(now);
        let today = Date::from_unix_ms(now);
        for plan in &ws.plans {
            assert!(ws.find(&plan.account_id).is_some(), "{} belongs to a sample account", plan.account_id);
        }
        let cartech = ws.plan_health("sample-02-cartech", today).unwrap();
        assert_eq!(
            (cartech.band, cartech.stale, cartech.overdue_actions, cartech.kpis_off_target),
            (Band::Green, false, 0, 0)
        );
        let brabant = ws.plan_health("sample-04-brabant", today).unwrap();
        assert!(brabant.stale && brabant.review_overdue);
        assert_eq!((brabant.overdue_actions, brabant.objectives_at_risk, brabant.kpis_off_target), (1, 1, 1));
        assert_eq!(brabant.band, Band::Red);
    }

    #[test]
    fn when_volume_dominates_vicom_climbs_above_cartech() {
        let mut ws = sample_portfolio(0);
        let before = position(&ws, "Vicom");
        ws.scoring.weights.set(Criterion::RevenueVolume, 80);
        assert!(position(&ws, "Vicom") < before);
        assert!(position(&ws, "Vicom") < position(&ws, "Cartech"));
    }
}

/// A large invented portfolio for benchmarks: `accounts` accounts with every checklist
/// question answered, and full plans (the Cartech plan's shape) for the first `plans`.
/// Deterministic: the same arguments give the same workspace.
#[cfg(any(test, feature = "e2e"))]
pub fn synthetic(accounts: usize, plans: usize, now_ms: i64) -> Workspace {
    use super::account::Stage;
    const SECTORS: [&str; 8] =
        ["Automotive", "Telecom", "Food", "Energy", "Retail", "Healthcare", "Construction", "Logistics"];
    const OWNERS: [&str; 12] = [
        "Sanne Jansen",
        "Pieter de Vries",
        "Anna de Wit",
        "Bram Bakker",
        "Eva Visser",
        "Daan Smit",
        "Lotte Mulder",
        "Sem de Boer",
        "Noor Bos",
        "Luuk Vos",
        "Fleur Peters",
        "Jesse Hendriks",
    ];
    // A small linear congruential generator: enough spread, no dependency.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as f64 / (1u64 << 31) as f64
    };
    let accounts: Vec<Arc<Account>> = (0..accounts)
        .map(|i| {
            let revenue = (10_000.0 * (1.0 + 400.0 * next() * next())).round();
            let fields = AccountFields {
                name: format!("Account {i:05}"),
                sector: SECTORS[i % SECTORS.len()].into(),
                region: if i % 3 == 0 { "Belgium" } else { "Netherlands" }.into(),
                owner: OWNERS[(i / 7) % OWNERS.len()].into(),
                status: Status::Customer,
                revenue: Some(revenue),
                potential: Some((revenue * 2.0 * next()).round()),
                margin_pct: Some((5.0 + 40.0 * next()).round()),
                relationship_years: Some((1.0 + 14.0 * next()).round()),
                customer_since: Some(2000 + (next() * 26.0) as i32),
                stage: Some(Stage::ALL[(next() * 5.0) as usize % 5]),
                notes: "Met at the trade fair; wants a quarterly review.".into(),
                crm_id: String::new(),
            };
            let mut account = Account::new(format!("a-{i:05}"), fields, now_ms);
            for q in Question::ALL {
                account.assessment.set_answer(q, Some(next() < 0.5));
            }
            Arc::new(account)
        })
        .collect();
    let template = cartech_plan(now_ms);
    let plans =
        accounts.iter().take(plans).map(|a| Arc::new(Plan { account_id: a.id.clone(), ..template.clone() })).collect();
    Workspace { accounts, plans, ..Workspace::default() }
}

/// Gives each planned account of a synthetic workspace `people` stakeholders (a reporting tree,
/// realistic names, titles, owners, dates and a short note) and `cells` whitespace cells against
/// a catalogue of as many offerings: what a busy key-account team keeps.
pub fn relationships(ws: &mut Workspace, people: usize, cells: usize) {
    use super::stakeholder::{Attitude, BuyingRole};
    use super::whitespace::{Cell, CellStatus, Offering};
    ws.offerings = (0..cells)
        .map(|k| Offering {
            id: format!("off-{k:02}"),
            name: format!("Offering {k} Professional"),
            family: ["Software", "Services", "Hardware"][k % 3].into(),
            typical_value: Some(25_000.0 + 5_000.0 * k as f64),
        })
        .collect();
    let planned: std::collections::HashSet<String> = ws.plans.iter().map(|p| p.account_id.clone()).collect();
    let today = Date::from_unix_ms(1_793_577_600_000);
    for a in ws.accounts.iter_mut().filter(|a| planned.contains(&a.id)) {
        let a = Arc::make_mut(a);
        a.stakeholders = (0..people)
            .map(|k| Stakeholder {
                id: format!("{}-p{k:02}", a.id),
                name: format!("Firstname Lastname-{k:02}"),
                title: "Head of Procurement Europe".into(),
                department: "Purchasing".into(),
                role: BuyingRole::METHOD[k % BuyingRole::METHOD.len()],
                role_name: String::new(),
                influence: (k % 5) as u8 + 1,
                attitude: Attitude::ALL[k % Attitude::ALL.len()],
                reports_to: (k > 0).then(|| format!("{}-p{:02}", a.id, (k - 1) / 3)),
                owner: "Sanne Jansen".into(),
                last_contact: Some(today.add_days(-(k as i32) * 7)),
                notes: "Met at the quarterly review; wants a roadmap.".into(),
            })
            .collect();
        a.whitespace = (0..cells)
            .map(|k| Cell {
                id: format!("off-{k:02}"),
                status: CellStatus::ALL[k % CellStatus::ALL.len()],
                value: (k % 2 == 0).then_some(40_000.0 + 1_000.0 * k as f64),
            })
            .collect();
    }
}

#[cfg(test)]
mod synthetic_tests {
    use super::synthetic;
    use crate::domain::criteria::Criterion;
    use crate::domain::workspace::{decode, encode};

    #[test]
    fn the_synthetic_portfolio_is_deterministic_and_complete() {
        let a = synthetic(500, 10, 1);
        assert_eq!(a, synthetic(500, 10, 1));
        assert_eq!((a.accounts.len(), a.plans.len()), (500, 10));
        let ranked = crate::domain::scoring::rank(&a.accounts, &a.scoring);
        assert!(ranked.iter().all(|r| r.rank.is_some()), "every synthetic account is scored");
        assert_eq!(decode(&encode(&a)).unwrap(), a);
    }

    /// The storage budget (issue 7): 10,000 accounts and 100 full plans fit the 5 MiB of text
    /// a browser gives a site with 10 % to spare: 4.12 M characters. With 15 stakeholders and
    /// 20 whitespace cells on each planned account (issue 16) they still do, since format 8
    /// writes accounts more compactly: 4.67 M (89 %; format 7 took 5.11 M). Format 9 adds the
    /// score history of the accounts worth following: a year of monthly changes on each of
    /// them (here 1,086, every plan, decision and key account) adds 0.13 M, which fits beside
    /// the plain accounts (4.25 M) — and with the relationships too, in the 5 MiB but not
    /// with 10 % to spare (4.79 M, 91 %).
    #[test]
    fn ten_thousand_accounts_and_a_hundred_plans_fit_in_browser_storage() {
        let budget = crate::domain::workspace::STORAGE_BUDGET_CHARS;
        let mut ws = synthetic(10_000, 100, 1_795_737_600_000);
        let plain = encode(&ws).encode_utf16().count();
        assert!(plain < budget, "{plain} characters");
        let mut full = ws.clone();
        super::relationships(&mut full, 15, 20);
        let related = encode(&full).encode_utf16().count();
        println!("storage: {plain} characters; with relationships {related}");
        assert!(related < budget, "{related} characters");
        // A year of monthly weight changes moves every followed account's score each month.
        let today = crate::domain::date::Date::from_unix_ms(1_795_737_600_000);
        let mut followed = 0;
        for month in 0..12 {
            for w in [&mut ws, &mut full] {
                let c = if month % 2 == 1 { Criterion::RevenueVolume } else { Criterion::StrategicValue };
                w.scoring.weights.set(c, 20 + month);
                let ranking = crate::domain::scoring::rank(&w.accounts, &w.scoring);
                followed = followed.max(w.record_history(&ranking, today.add_days(i32::from(month) * 30)));
            }
        }
        let with_history = encode(&ws).encode_utf16().count();
        let everything = encode(&full).encode_utf16().count();
        println!(
            "with a year of history on {followed} followed accounts: {with_history}; and relationships {everything}"
        );
        assert!(with_history < budget, "{with_history} characters");
        assert!(everything < 5 * 1024 * 1024, "{everything} characters");
    }
}
