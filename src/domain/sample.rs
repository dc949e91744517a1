//! An invented portfolio that tells the method's story: Vicom brings the most revenue,
//! but scored on all five criteria Cartech is the better key account.

use super::account::{Account, AccountFields, Status};
use super::criteria::{Criterion, Question};
use super::scoring::answer_all;
use super::workspace::Workspace;

struct Row {
    name: &'static str,
    sector: &'static str,
    region: &'static str,
    owner: &'static str,
    status: Status,
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
    let accounts = ROWS
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
                notes: r.notes.into(),
            };
            let mut account = Account::new(format!("sample-{:02}-{}", i + 1, slug(r.name)), fields, now_ms);
            for c in Criterion::ALL {
                answer_all(&mut account.assessment, c, r.yes);
            }
            account
        })
        .collect();
    Workspace { accounts, ..Workspace::default() }
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
    fn when_volume_dominates_vicom_climbs_above_cartech() {
        let mut ws = sample_portfolio(0);
        let before = position(&ws, "Vicom");
        ws.scoring.weights.set(Criterion::RevenueVolume, 80);
        assert!(position(&ws, "Vicom") < before);
        assert!(position(&ws, "Vicom") < position(&ws, "Cartech"));
    }
}
