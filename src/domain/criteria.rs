//! The method's five selection criteria and the checklist questions behind them.
//!
//! Question wording lives in the i18n catalog; this module only knows which questions
//! exist and which criterion each one informs, so that the scoring rules can be tested
//! without any user-facing text.

use serde::{Deserialize, Serialize};

/// One of the five criteria a key account is selected on (method.md §2).
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    RevenueVolume,
    RevenuePotential,
    LifetimeValue,
    ProductFit,
    StrategicValue,
}

impl Criterion {
    /// All criteria in the order the method presents them.
    pub const ALL: [Criterion; 5] = [
        Criterion::RevenueVolume,
        Criterion::RevenuePotential,
        Criterion::LifetimeValue,
        Criterion::ProductFit,
        Criterion::StrategicValue,
    ];

    /// Position in [`Criterion::ALL`], used to index fixed-size arrays.
    pub const fn index(self) -> usize {
        match self {
            Criterion::RevenueVolume => 0,
            Criterion::RevenuePotential => 1,
            Criterion::LifetimeValue => 2,
            Criterion::ProductFit => 3,
            Criterion::StrategicValue => 4,
        }
    }

    /// Short machine-readable name, used in URLs and element ids.
    pub const fn slug(self) -> &'static str {
        match self {
            Criterion::RevenueVolume => "revenue_volume",
            Criterion::RevenuePotential => "revenue_potential",
            Criterion::LifetimeValue => "lifetime_value",
            Criterion::ProductFit => "product_fit",
            Criterion::StrategicValue => "strategic_value",
        }
    }

    /// The checklist questions that inform this criterion.
    pub fn questions(self) -> impl Iterator<Item = Question> {
        Question::ALL.into_iter().filter(move |q| q.criterion() == self)
    }
}

/// A yes/no checklist question. Its position in [`Question::ALL`] is its place in stored
/// answers (see `account::Answers`): new questions are only ever appended.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    VolumeStable,
    VolumeRecurring,
    PotentialExpansion,
    PotentialWallet,
    PotentialMarket,
    LtvHealthy,
    LtvCompetitive,
    LtvMargin,
    LtvLoyal,
    FitProfile,
    FitNeeds,
    FitBenefit,
    FitUnderstood,
    StrategicReputation,
    StrategicVision,
    StrategicReference,
    StrategicFeedback,
    StrategicMutual,
}

impl Question {
    pub const ALL: [Question; 18] = [
        Question::VolumeStable,
        Question::VolumeRecurring,
        Question::PotentialExpansion,
        Question::PotentialWallet,
        Question::PotentialMarket,
        Question::LtvHealthy,
        Question::LtvCompetitive,
        Question::LtvMargin,
        Question::LtvLoyal,
        Question::FitProfile,
        Question::FitNeeds,
        Question::FitBenefit,
        Question::FitUnderstood,
        Question::StrategicReputation,
        Question::StrategicVision,
        Question::StrategicReference,
        Question::StrategicFeedback,
        Question::StrategicMutual,
    ];

    /// Position in [`Question::ALL`] (the declaration order).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The question's name in JSON and in element ids.
    pub const fn slug(self) -> &'static str {
        use Question::*;
        match self {
            VolumeStable => "volume_stable",
            VolumeRecurring => "volume_recurring",
            PotentialExpansion => "potential_expansion",
            PotentialWallet => "potential_wallet",
            PotentialMarket => "potential_market",
            LtvHealthy => "ltv_healthy",
            LtvCompetitive => "ltv_competitive",
            LtvMargin => "ltv_margin",
            LtvLoyal => "ltv_loyal",
            FitProfile => "fit_profile",
            FitNeeds => "fit_needs",
            FitBenefit => "fit_benefit",
            FitUnderstood => "fit_understood",
            StrategicReputation => "strategic_reputation",
            StrategicVision => "strategic_vision",
            StrategicReference => "strategic_reference",
            StrategicFeedback => "strategic_feedback",
            StrategicMutual => "strategic_mutual",
        }
    }

    pub const fn criterion(self) -> Criterion {
        use Question::*;
        match self {
            VolumeStable | VolumeRecurring => Criterion::RevenueVolume,
            PotentialExpansion | PotentialWallet | PotentialMarket => Criterion::RevenuePotential,
            LtvHealthy | LtvCompetitive | LtvMargin | LtvLoyal => Criterion::LifetimeValue,
            FitProfile | FitNeeds | FitBenefit | FitUnderstood => Criterion::ProductFit,
            StrategicReputation | StrategicVision | StrategicReference | StrategicFeedback | StrategicMutual => {
                Criterion::StrategicValue
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_criterion_has_questions_and_indexes_match_order() {
        for (i, c) in Criterion::ALL.into_iter().enumerate() {
            assert_eq!(c.index(), i);
            assert!(c.questions().count() >= 2, "{c:?} needs at least two questions");
        }
        let total: usize = Criterion::ALL.iter().map(|c| c.questions().count()).sum();
        assert_eq!(total, Question::ALL.len());
        for (i, q) in Question::ALL.into_iter().enumerate() {
            assert_eq!(q.index(), i);
        }
    }

    #[test]
    fn names_are_stable_in_json() {
        assert_eq!(serde_json::to_string(&Criterion::LifetimeValue).unwrap(), "\"lifetime_value\"");
        assert_eq!(serde_json::to_string(&Question::FitNeeds).unwrap(), "\"fit_needs\"");
        for c in Criterion::ALL {
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{}\"", c.slug()));
        }
        for q in Question::ALL {
            assert_eq!(serde_json::to_string(&q).unwrap(), format!("\"{}\"", q.slug()));
        }
    }
}
