//! Tiers: what the score advises (key account, watch, standard — or incomplete when a
//! criterion is unrated), and the manager's decision, which is what counts. The score
//! advises; the manager decides.

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::validate::{field_set, Checker, Draft, FieldError, Form};

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Key,
    Watch,
    Standard,
    /// At least one criterion is unrated: no score is shown.
    Incomplete,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::Key, Tier::Watch, Tier::Standard, Tier::Incomplete];
    /// The tiers a manager can decide on.
    pub const DECIDABLE: [Tier; 3] = [Tier::Key, Tier::Watch, Tier::Standard];

    pub const fn slug(self) -> &'static str {
        match self {
            Tier::Key => "key",
            Tier::Watch => "watch",
            Tier::Standard => "standard",
            Tier::Incomplete => "incomplete",
        }
    }

    pub fn from_slug(s: &str) -> Option<Tier> {
        Tier::ALL.into_iter().find(|t| t.slug() == s)
    }
}

/// The manager's decision on an account's tier, with why and when.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// Key, watch or standard (never incomplete).
    pub tier: Tier,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    pub on: Date,
    /// Made by promoting the account to key account (its plan says why).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub promoted: bool,
}

/// Where an account stands: the tier in force — the manager's decision if there is one, else
/// what the score says — and what the score says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Standing {
    pub tier: Tier,
    pub decided: bool,
    pub score_says: Tier,
}

/// What the score says, with no decision.
impl From<Tier> for Standing {
    fn from(tier: Tier) -> Standing {
        Standing::new(tier, None)
    }
}

impl Standing {
    pub fn new(score_says: Tier, decided: Option<Tier>) -> Standing {
        Standing { tier: decided.unwrap_or(score_says), decided: decided.is_some(), score_says }
    }

    /// The decision differs from what the score says.
    pub fn overrules(&self) -> bool {
        self.decided && self.tier != self.score_says
    }
}

field_set!(
    /// The tier decision as a form.
    pub enum DecisionField {
        Tier = "tier",
        Reason = "reason",
    }
);

/// What the tier form edits: a decided tier (or none: the score's tier counts) and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TierChoice {
    pub tier: Option<Tier>,
    pub reason: String,
}

impl TierChoice {
    pub fn of(decision: Option<&Decision>) -> TierChoice {
        decision.map_or_else(TierChoice::default, |d| TierChoice { tier: Some(d.tier), reason: d.reason.clone() })
    }

    /// The decision this choice makes on `today`. A decision that keeps its tier keeps its date
    /// (and whether it came from a promotion): only the reason changed.
    pub fn decide(&self, earlier: Option<&Decision>, today: Date) -> Option<Decision> {
        let tier = self.tier?;
        Some(match earlier {
            Some(d) if d.tier == tier => Decision { reason: self.reason.clone(), ..d.clone() },
            _ => Decision { tier, reason: self.reason.clone(), on: today, promoted: false },
        })
    }
}

/// Reasons are short notes for colleagues.
pub const MAX_REASON: usize = 2_000;

impl Form for TierChoice {
    type Field = DecisionField;
    fn blank(_: Date) -> Draft<DecisionField> {
        Draft::default()
    }
    fn draft(&self) -> Draft<DecisionField> {
        Draft::default()
            .with(DecisionField::Tier, self.tier.map(Tier::slug).unwrap_or_default())
            .with(DecisionField::Reason, &self.reason)
    }
    fn read(
        d: &Draft<DecisionField>,
        _: &str,
        _: Option<&TierChoice>,
        _: Date,
    ) -> Result<TierChoice, Vec<FieldError<DecisionField>>> {
        let mut c = Checker::new(d);
        let tier =
            c.optional_choice(DecisionField::Tier, |s| Tier::from_slug(s).filter(|t| Tier::DECIDABLE.contains(t)));
        let reason = c.text(DecisionField::Reason, false, MAX_REASON);
        c.finish(TierChoice { tier, reason })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decision_keeps_its_date_when_only_the_reason_changes() {
        let d = |s: &str| Date::parse(s).unwrap();
        let promoted = Decision { tier: Tier::Key, reason: String::new(), on: d("2026-01-05"), promoted: true };
        let choice = TierChoice { tier: Some(Tier::Key), reason: "Strategic partner".into() };
        let kept = choice.decide(Some(&promoted), d("2026-11-28")).unwrap();
        assert_eq!((kept.on, kept.promoted, kept.reason.as_str()), (d("2026-01-05"), true, "Strategic partner"));
        let watch = TierChoice { tier: Some(Tier::Watch), reason: "Lost the tender".into() };
        let changed = watch.decide(Some(&promoted), d("2026-11-28")).unwrap();
        assert_eq!((changed.tier, changed.on, changed.promoted), (Tier::Watch, d("2026-11-28"), false));
        assert_eq!(TierChoice::default().decide(Some(&promoted), d("2026-11-28")), None, "back to the score");
        // Incomplete is what a score says, never a decision.
        let draft = Draft::default().with(DecisionField::Tier, "incomplete");
        assert!(TierChoice::read(&draft, "", None, d("2026-11-28")).is_err());
        assert_eq!(
            Standing::new(Tier::Watch, Some(Tier::Key)),
            Standing { tier: Tier::Key, decided: true, score_says: Tier::Watch }
        );
        assert!(Standing::new(Tier::Watch, Some(Tier::Key)).overrules() && !Standing::from(Tier::Key).overrules());
    }
}
