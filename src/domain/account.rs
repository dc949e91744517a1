//! The account register: what we know about each account, and validation of what the
//! user types before any of it is stored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::criteria::{Criterion, Question};
use super::number::{parse_number, NumberError};
use super::portfolio::Stage;

/// Where the account stands commercially.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Prospect,
    #[default]
    Customer,
    Former,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Prospect, Status::Customer, Status::Former];

    pub const fn slug(self) -> &'static str {
        match self {
            Status::Prospect => "prospect",
            Status::Customer => "customer",
            Status::Former => "former",
        }
    }

    pub fn from_slug(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.slug() == s)
    }
}

/// The descriptive fields of an account, as validated from a form.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountFields {
    pub name: String,
    pub sector: String,
    pub region: String,
    pub owner: String,
    pub status: Status,
    /// Current annual revenue with us.
    pub revenue: Option<f64>,
    /// Extra annual revenue expected within about three years.
    pub potential: Option<f64>,
    /// Gross margin on what the account buys from us, in percent.
    pub margin_pct: Option<f64>,
    /// How many more years we expect the relationship to last.
    pub relationship_years: Option<f64>,
    pub customer_since: Option<i32>,
    /// Our relative strength in the account; places it on the portfolio matrix.
    pub stage: Option<Stage>,
    pub notes: String,
}

/// The user's input to scoring: checklist answers and rating overrides.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    /// One per question, unanswered ones included.
    pub answers: Answers,
    /// Ratings (0–5) the user set by hand, replacing the suggestion.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<Criterion, u8>,
}

impl Assessment {
    pub fn answer(&self, q: Question) -> Option<bool> {
        self.answers.get(q)
    }

    pub fn set_answer(&mut self, q: Question, answer: Option<bool>) {
        self.answers.set(q, answer);
    }

    pub fn set_override(&mut self, c: Criterion, rating: Option<u8>) {
        match rating {
            Some(r) => self.overrides.insert(c, r.min(5)),
            None => self.overrides.remove(&c),
        };
    }
}

/// Checklist answers as two bit sets over [`Question::index`]. Stored as one character per
/// question in [`Question::ALL`] order — `y`, `n`, or `-` for unanswered — because 10,000
/// accounts with 18 named answers each would not fit the browser's storage. Format 3 and
/// older wrote a map from question name to true/false; that is still read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Answers {
    yes: u32,
    no: u32,
}

impl Answers {
    pub fn get(&self, q: Question) -> Option<bool> {
        let bit = 1 << q.index();
        if self.yes & bit != 0 {
            Some(true)
        } else if self.no & bit != 0 {
            Some(false)
        } else {
            None
        }
    }

    pub fn set(&mut self, q: Question, answer: Option<bool>) {
        let bit = 1 << q.index();
        self.yes &= !bit;
        self.no &= !bit;
        match answer {
            Some(true) => self.yes |= bit,
            Some(false) => self.no |= bit,
            None => {}
        }
    }

    /// (yes, no) among the questions whose bits are set in `mask`.
    pub fn count(&self, mask: u32) -> (u8, u8) {
        ((self.yes & mask).count_ones() as u8, (self.no & mask).count_ones() as u8)
    }
}

impl Serialize for Answers {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text: String = Question::ALL
            .iter()
            .map(|&q| match self.get(q) {
                Some(true) => 'y',
                Some(false) => 'n',
                None => '-',
            })
            .collect();
        s.serialize_str(text.trim_end_matches('-'))
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Answers, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Answers;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("checklist answers: a string of y, n and -")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Answers, E> {
                let mut out = Answers::default();
                // Characters beyond the questions this version knows are a newer app's.
                for (q, c) in Question::ALL.into_iter().zip(text.chars()) {
                    match c {
                        'y' => out.set(q, Some(true)),
                        'n' => out.set(q, Some(false)),
                        '-' => {}
                        other => return Err(E::custom(format!("unexpected {other:?} in checklist answers"))),
                    }
                }
                Ok(out)
            }
            // Format 3 and older: {"volume_stable": true, ...}.
            fn visit_map<M: serde::de::MapAccess<'de>>(self, mut map: M) -> Result<Answers, M::Error> {
                let mut out = Answers::default();
                while let Some((q, a)) = map.next_entry::<Question, bool>()? {
                    out.set(q, Some(a));
                }
                Ok(out)
            }
        }
        d.deserialize_any(Visitor)
    }
}

#[cfg(test)]
impl schemars::JsonSchema for Answers {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answers".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Checklist answers, one character per question in the order of the README: y, n or - (unanswered); trailing unanswered ones may be left off. Format 3 and older: an object from question name to true/false.",
            "type": ["string", "object"],
            "pattern": "^[yn-]*$",
            "additionalProperties": { "type": "boolean" }
        })
    }
}

// In JSON an account's fields sit beside `id` (one flat object). The serde impls below
// write and read that shape directly, because `#[serde(flatten)]` buffers every account on
// import (slow for 10,000) and pulls a large generic deserializer into the app.
/// A stored account.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq)]
pub struct Account {
    /// Stable id, never reused; survives renames and travels with exported files.
    pub id: String,
    #[cfg_attr(test, serde(flatten))]
    pub fields: AccountFields,
    #[cfg_attr(test, serde(default))]
    pub assessment: Assessment,
    /// Milliseconds since the Unix epoch.
    pub created_ms: i64,
    pub updated_ms: i64,
    /// Who changed this account how often (see `sync`); how merges tell edits apart.
    #[cfg_attr(test, serde(default))]
    pub rev: super::sync::Rev,
    /// Which edit last set each field (see `sync`).
    #[cfg_attr(test, serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty"))]
    pub dots: super::sync::Dots,
}

/// The flat JSON shape of an [`Account`], for writing (borrowed).
#[derive(Serialize)]
struct FlatRef<'a> {
    id: &'a str,
    name: &'a str,
    sector: &'a str,
    region: &'a str,
    owner: &'a str,
    status: Status,
    revenue: Option<f64>,
    potential: Option<f64>,
    margin_pct: Option<f64>,
    relationship_years: Option<f64>,
    customer_since: Option<i32>,
    stage: Option<Stage>,
    notes: &'a str,
    assessment: &'a Assessment,
    created_ms: i64,
    updated_ms: i64,
    rev: &'a super::sync::Rev,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    dots: &'a super::sync::Dots,
}

/// The flat JSON shape of an [`Account`], for reading. Only `id` and the timestamps are
/// required, as before.
#[derive(Deserialize)]
struct Flat {
    id: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    sector: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    revenue: Option<f64>,
    #[serde(default)]
    potential: Option<f64>,
    #[serde(default)]
    margin_pct: Option<f64>,
    #[serde(default)]
    relationship_years: Option<f64>,
    #[serde(default)]
    customer_since: Option<i32>,
    #[serde(default)]
    stage: Option<Stage>,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    assessment: Assessment,
    created_ms: i64,
    updated_ms: i64,
    #[serde(default)]
    rev: super::sync::Rev,
    #[serde(default)]
    dots: super::sync::Dots,
}

impl Serialize for Account {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = &self.fields;
        FlatRef {
            id: &self.id,
            name: &f.name,
            sector: &f.sector,
            region: &f.region,
            owner: &f.owner,
            status: f.status,
            revenue: f.revenue,
            potential: f.potential,
            margin_pct: f.margin_pct,
            relationship_years: f.relationship_years,
            customer_since: f.customer_since,
            stage: f.stage,
            notes: &f.notes,
            assessment: &self.assessment,
            created_ms: self.created_ms,
            updated_ms: self.updated_ms,
            rev: &self.rev,
            dots: &self.dots,
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Account {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Account, D::Error> {
        let f = Flat::deserialize(d)?;
        Ok(Account {
            id: f.id,
            fields: AccountFields {
                name: f.name,
                sector: f.sector,
                region: f.region,
                owner: f.owner,
                status: f.status,
                revenue: f.revenue,
                potential: f.potential,
                margin_pct: f.margin_pct,
                relationship_years: f.relationship_years,
                customer_since: f.customer_since,
                stage: f.stage,
                notes: f.notes,
            },
            assessment: f.assessment,
            created_ms: f.created_ms,
            updated_ms: f.updated_ms,
            rev: f.rev,
            dots: f.dots,
        })
    }
}

/// Keys of a serialized account that are bookkeeping rather than fields.
pub const ACCOUNT_META: [&str; 5] = ["id", "created_ms", "updated_ms", "rev", "dots"];

impl Account {
    pub fn new(id: String, fields: AccountFields, now_ms: i64) -> Account {
        Account {
            id,
            fields,
            assessment: Assessment::default(),
            created_ms: now_ms,
            updated_ms: now_ms,
            rev: super::sync::Rev::default(),
            dots: Default::default(),
        }
    }
}

/// Which form field a validation problem belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Sector,
    Region,
    Owner,
    Status,
    Revenue,
    Potential,
    Margin,
    RelationshipYears,
    CustomerSince,
    Stage,
    Notes,
}

/// What is wrong with one field. The UI turns this into a sentence from the catalog.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Problem {
    Required,
    NotANumber,
    NotAWholeNumber,
    TooLarge,
    Negative,
    /// Outside an inclusive range.
    OutOfRange {
        min: f64,
        max: f64,
    },
    /// A year later than the current one.
    InFuture {
        max: i32,
    },
    TooLong {
        max: usize,
    },
    UnknownStatus,
    NotADate,
    DateOutOfRange,
    DateInFuture,
    /// A KPI target that is not better than its baseline in the KPI's direction.
    TargetNotBetter,
    /// The client was told before the promotion date.
    BeforePromotion,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

/// The form as typed: every field a string, so that nothing is lost or coerced before
/// validation and the user sees exactly what they typed next to the message.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccountDraft {
    pub name: String,
    pub sector: String,
    pub region: String,
    pub owner: String,
    pub status: String,
    pub revenue: String,
    pub potential: String,
    pub margin_pct: String,
    pub relationship_years: String,
    pub customer_since: String,
    /// A [`Stage`] slug, or empty for not assessed.
    pub stage: String,
    pub notes: String,
}

pub const MAX_NAME: usize = 200;
pub const MAX_SHORT_TEXT: usize = 200;
pub const MAX_NOTES: usize = 20_000;
pub const MAX_YEARS: f64 = 100.0;
pub const MIN_YEAR: i32 = 1800;

impl AccountDraft {
    /// The draft that edits an existing account: numbers are written back plainly so
    /// that saving an untouched form changes nothing.
    pub fn from_fields(f: &AccountFields) -> AccountDraft {
        let num = |v: Option<f64>| v.map(format_plain).unwrap_or_default();
        AccountDraft {
            name: f.name.clone(),
            sector: f.sector.clone(),
            region: f.region.clone(),
            owner: f.owner.clone(),
            status: f.status.slug().to_string(),
            revenue: num(f.revenue),
            potential: num(f.potential),
            margin_pct: num(f.margin_pct),
            relationship_years: num(f.relationship_years),
            customer_since: f.customer_since.map(|y| y.to_string()).unwrap_or_default(),
            stage: f.stage.map(|s| s.slug().to_string()).unwrap_or_default(),
            notes: f.notes.clone(),
        }
    }

    /// Validates every field, reporting all problems at once (not only the first), so
    /// the user can fix the whole form in one pass.
    pub fn validate(&self, current_year: i32) -> Result<AccountFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field, problem| errors.push(FieldError { field, problem });

        let name = self.name.trim().to_string();
        if name.is_empty() {
            err(Field::Name, Problem::Required);
        } else if name.chars().count() > MAX_NAME {
            err(Field::Name, Problem::TooLong { max: MAX_NAME });
        }
        for (field, text) in [(Field::Sector, &self.sector), (Field::Region, &self.region), (Field::Owner, &self.owner)]
        {
            if text.trim().chars().count() > MAX_SHORT_TEXT {
                err(field, Problem::TooLong { max: MAX_SHORT_TEXT });
            }
        }
        if self.notes.chars().count() > MAX_NOTES {
            err(Field::Notes, Problem::TooLong { max: MAX_NOTES });
        }
        let status = if self.status.trim().is_empty() {
            Status::default()
        } else {
            Status::from_slug(self.status.trim()).unwrap_or_else(|| {
                err(Field::Status, Problem::UnknownStatus);
                Status::default()
            })
        };

        let stage = match self.stage.trim() {
            "" => None,
            slug => Stage::from_slug(slug).or_else(|| {
                err(Field::Stage, Problem::UnknownStatus);
                None
            }),
        };

        let mut number = |field, text: &str, min: f64, max: Option<f64>| -> Option<f64> {
            if text.trim().is_empty() {
                return None;
            }
            match parse_number(text) {
                Err(NumberError::NotANumber) => err(field, Problem::NotANumber),
                Err(NumberError::TooLarge) => err(field, Problem::TooLarge),
                Ok(v) if v < min && max.is_none() => err(field, Problem::Negative),
                Ok(v) if v < min || max.is_some_and(|m| v > m) => {
                    err(field, Problem::OutOfRange { min, max: max.unwrap_or(f64::MAX) })
                }
                Ok(v) => return Some(v),
            }
            None
        };
        let revenue = number(Field::Revenue, &self.revenue, 0.0, None);
        let potential = number(Field::Potential, &self.potential, 0.0, None);
        let margin_pct = number(Field::Margin, &self.margin_pct, 0.0, Some(100.0));
        let relationship_years = number(Field::RelationshipYears, &self.relationship_years, 0.0, Some(MAX_YEARS));

        let customer_since = match self.customer_since.trim() {
            "" => None,
            text => match text.parse::<i32>() {
                Ok(y) if y > current_year => {
                    err(Field::CustomerSince, Problem::InFuture { max: current_year });
                    None
                }
                Ok(y) if y < MIN_YEAR => {
                    err(Field::CustomerSince, Problem::OutOfRange { min: MIN_YEAR as f64, max: current_year as f64 });
                    None
                }
                Ok(y) => Some(y),
                Err(_) => {
                    err(Field::CustomerSince, Problem::NotAWholeNumber);
                    None
                }
            },
        };

        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(AccountFields {
            name,
            sector: self.sector.trim().to_string(),
            region: self.region.trim().to_string(),
            owner: self.owner.trim().to_string(),
            status,
            revenue,
            potential,
            margin_pct,
            relationship_years,
            customer_since,
            stage,
            notes: self.notes.clone(),
        })
    }
}

/// Writes a number without grouping or exponent, dropping a trailing `.0`, in a form
/// that [`parse_number`] reads back to the same value: exactly three decimals would be
/// read as a thousands group, so a fourth digit (`0`) is added.
pub fn format_plain(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        return format!("{}", v as i64);
    }
    let mut s = format!("{v}");
    if s.find('.').is_some_and(|dot| s.len() - dot - 1 == 3) {
        s.push('0');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    const YEAR: i32 = 2026;

    fn draft() -> AccountDraft {
        AccountDraft { name: "Cartech".into(), ..AccountDraft::default() }
    }

    fn check(d: AccountDraft, expected: Result<AccountFields, Vec<(Field, Problem)>>) {
        let got = d.validate(YEAR).map_err(|es| es.into_iter().map(|e| (e.field, e.problem)).collect::<Vec<_>>());
        assert_eq!(got, expected);
    }

    #[test]
    fn minimal_account_is_valid() {
        check(draft(), Ok(AccountFields { name: "Cartech".into(), ..AccountFields::default() }));
    }

    #[test]
    fn full_account_is_parsed_and_trimmed() {
        let d = AccountDraft {
            name: "  Cartech BV ".into(),
            sector: " Automotive".into(),
            region: "NL".into(),
            owner: "Sanne".into(),
            status: "prospect".into(),
            revenue: "1.250.000".into(),
            potential: "400000".into(),
            margin_pct: "32,5".into(),
            relationship_years: "8".into(),
            customer_since: "2019".into(),
            stage: "cooperative".into(),
            notes: "likes pilots".into(),
        };
        check(
            d,
            Ok(AccountFields {
                name: "Cartech BV".into(),
                sector: "Automotive".into(),
                region: "NL".into(),
                owner: "Sanne".into(),
                status: Status::Prospect,
                revenue: Some(1_250_000.0),
                potential: Some(400_000.0),
                margin_pct: Some(32.5),
                relationship_years: Some(8.0),
                customer_since: Some(2019),
                stage: Some(Stage::Cooperative),
                notes: "likes pilots".into(),
            }),
        );
    }

    #[test]
    fn empty_name_is_required() {
        check(AccountDraft { name: "   ".into(), ..draft() }, Err(vec![(Field::Name, Problem::Required)]));
    }

    #[test]
    fn bad_numbers_get_a_message_each() {
        check(
            AccountDraft {
                revenue: "twelve".into(),
                potential: "-5".into(),
                margin_pct: "120".into(),
                relationship_years: "NaN".into(),
                customer_since: "2031".into(),
                ..draft()
            },
            Err(vec![
                (Field::Revenue, Problem::NotANumber),
                (Field::Potential, Problem::Negative),
                (Field::Margin, Problem::OutOfRange { min: 0.0, max: 100.0 }),
                (Field::RelationshipYears, Problem::NotANumber),
                (Field::CustomerSince, Problem::InFuture { max: YEAR }),
            ]),
        );
    }

    #[test]
    fn absurd_input_is_refused_not_panicked_on() {
        check(
            AccountDraft { name: "x".repeat(MAX_NAME + 1), ..draft() },
            Err(vec![(Field::Name, Problem::TooLong { max: MAX_NAME })]),
        );
        check(AccountDraft { revenue: "1e308".into(), ..draft() }, Err(vec![(Field::Revenue, Problem::NotANumber)]));
        check(AccountDraft { revenue: "9".repeat(40), ..draft() }, Err(vec![(Field::Revenue, Problem::TooLarge)]));
        check(
            AccountDraft { customer_since: "12.5".into(), ..draft() },
            Err(vec![(Field::CustomerSince, Problem::NotAWholeNumber)]),
        );
        check(
            AccountDraft { customer_since: "99999999999".into(), ..draft() },
            Err(vec![(Field::CustomerSince, Problem::NotAWholeNumber)]),
        );
        check(
            AccountDraft { customer_since: "1200".into(), ..draft() },
            Err(vec![(Field::CustomerSince, Problem::OutOfRange { min: 1800.0, max: 2026.0 })]),
        );
        check(AccountDraft { status: "vip".into(), ..draft() }, Err(vec![(Field::Status, Problem::UnknownStatus)]));
        check(AccountDraft { stage: "6".into(), ..draft() }, Err(vec![(Field::Stage, Problem::UnknownStatus)]));
    }

    #[test]
    fn round_trips_through_the_draft() {
        let d = AccountDraft {
            revenue: "1234567.5".into(),
            margin_pct: "30".into(),
            customer_since: "2001".into(),
            ..draft()
        };
        let fields = d.validate(YEAR).unwrap();
        assert_eq!(AccountDraft::from_fields(&fields).validate(YEAR).unwrap(), fields);
        assert_eq!(AccountDraft::from_fields(&fields).revenue, "1234567.5");
        let thousandths = AccountFields { revenue: Some(1234.567), ..fields };
        assert_eq!(AccountDraft::from_fields(&thousandths).validate(YEAR).unwrap(), thousandths);
    }

    #[test]
    fn overrides_are_clamped() {
        let mut a = Assessment::default();
        a.set_override(Criterion::ProductFit, Some(9));
        assert_eq!(a.overrides.get(&Criterion::ProductFit), Some(&5));
        a.set_override(Criterion::ProductFit, None);
        assert!(a.overrides.is_empty());
    }
}
