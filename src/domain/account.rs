//! The account register: what we know about each account, and validation of what the
//! user types before any of it is stored.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::criteria::{Criterion, Question};
use super::date::Date;
use super::tier::Decision;
use super::validate::{field_set, Checker, Draft, FieldError, Form, Problem};

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

/// Our relative strength in the account (McDonald & Woodburn's relationship stages); places
/// the account on the portfolio matrix.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Exploratory,
    Basic,
    Cooperative,
    Interdependent,
    Integrated,
}

impl Stage {
    pub const ALL: [Stage; 5] =
        [Stage::Exploratory, Stage::Basic, Stage::Cooperative, Stage::Interdependent, Stage::Integrated];

    /// 1 to 5.
    pub const fn number(self) -> u8 {
        self as u8 + 1
    }

    pub const fn slug(self) -> &'static str {
        match self {
            Stage::Exploratory => "exploratory",
            Stage::Basic => "basic",
            Stage::Cooperative => "cooperative",
            Stage::Interdependent => "interdependent",
            Stage::Integrated => "integrated",
        }
    }

    pub fn from_slug(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|x| x.slug() == s)
    }

    /// Stages 3 and up (Cooperative: several contacts on both sides) count as strong.
    pub const fn is_strong(self) -> bool {
        self.number() >= 3
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
    /// The account's id in the CRM it came from: a second import recognises it by this.
    pub crm_id: String,
}

/// A column of a CRM export kept with the account (employees, website, city…), as text.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extra {
    pub label: String,
    pub value: String,
}

/// Extra fields one account may keep, and their sizes.
pub const MAX_EXTRAS: usize = 30;
pub const MAX_EXTRA_LABEL: usize = 100;
pub const MAX_EXTRA_VALUE: usize = 1_000;

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
    /// The manager's decision on the tier; without one, the score's tier counts.
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub decided: Option<Decision>,
    /// Columns of a CRM export kept with the account.
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub extra: Vec<Extra>,
    /// What an imported deal history says about the account.
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub deals: Option<super::deals::DealSummary>,
    /// The account's parent in a group (its id; see `groups`).
    #[cfg_attr(test, serde(default, skip_serializing_if = "Option::is_none"))]
    pub parent: Option<String>,
    /// Who we know in the account (see `stakeholder`).
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub stakeholders: Vec<super::stakeholder::Stakeholder>,
    /// Where each offering of the catalogue stands in the account (see `whitespace`).
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub whitespace: Vec<super::whitespace::Cell>,
    /// Stakeholders and whitespace cells deleted from this account (see `sync::Gone`).
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub removed: Vec<super::sync::Gone>,
    /// Score and tier over time, as one text: per point the day (days since 1 January 1970),
    /// the score (`-` while incomplete) and the tier's letter (k, w, s, i), e.g.
    /// `"20786:72k 20810:66w"` (see `history`). Recorded, not edited.
    #[cfg_attr(test, serde(default, skip_serializing_if = "Vec::is_empty"))]
    #[cfg_attr(test, schemars(with = "String"))]
    pub history: Vec<super::history::ScorePoint>,
    /// Milliseconds since the Unix epoch.
    pub created_ms: i64,
    /// Left out of the stored form while it equals `created_ms` (format 8).
    #[cfg_attr(test, serde(default))]
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
    #[serde(serialize_with = "whole")]
    revenue: Option<f64>,
    #[serde(serialize_with = "whole")]
    potential: Option<f64>,
    #[serde(serialize_with = "whole")]
    margin_pct: Option<f64>,
    #[serde(serialize_with = "whole")]
    relationship_years: Option<f64>,
    customer_since: Option<i32>,
    stage: Option<Stage>,
    notes: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    crm_id: &'a str,
    assessment: &'a Assessment,
    #[serde(skip_serializing_if = "Option::is_none")]
    decided: &'a Option<Decision>,
    #[serde(skip_serializing_if = "<[Extra]>::is_empty")]
    extra: &'a [Extra],
    #[serde(skip_serializing_if = "Option::is_none")]
    deals: &'a Option<super::deals::DealSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: &'a Option<String>,
    #[serde(skip_serializing_if = "<[super::stakeholder::Stakeholder]>::is_empty")]
    stakeholders: &'a [super::stakeholder::Stakeholder],
    #[serde(skip_serializing_if = "<[super::whitespace::Cell]>::is_empty")]
    whitespace: &'a [super::whitespace::Cell],
    #[serde(skip_serializing_if = "<[super::sync::Gone]>::is_empty")]
    removed: &'a [super::sync::Gone],
    #[serde(
        skip_serializing_if = "<[super::history::ScorePoint]>::is_empty",
        serialize_with = "super::history::serialize"
    )]
    history: &'a [super::history::ScorePoint],
    created_ms: i64,
    /// Left out while it equals `created_ms` (format 8): most of 10,000 imported accounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    updated_ms: Option<i64>,
    #[serde(skip_serializing_if = "super::sync::Rev::is_empty")]
    rev: &'a super::sync::Rev,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    dots: &'a super::sync::Dots,
}

/// An amount as JSON writes it most briefly: whole numbers without the `.0` (readers take
/// either); two characters less per amount, for 10,000 accounts four amounts each.
fn whole<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(x as i64),
        Some(x) => s.serialize_f64(x),
        None => s.serialize_none(),
    }
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
    crm_id: String,
    #[serde(default)]
    assessment: Assessment,
    #[serde(default)]
    decided: Option<Decision>,
    #[serde(default)]
    extra: Vec<Extra>,
    #[serde(default)]
    deals: Option<super::deals::DealSummary>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    stakeholders: Vec<super::stakeholder::Stakeholder>,
    #[serde(default)]
    whitespace: Vec<super::whitespace::Cell>,
    #[serde(default)]
    removed: Vec<super::sync::Gone>,
    #[serde(default, deserialize_with = "super::history::deserialize")]
    history: Vec<super::history::ScorePoint>,
    created_ms: i64,
    #[serde(default)]
    updated_ms: Option<i64>,
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
            crm_id: &f.crm_id,
            assessment: &self.assessment,
            decided: &self.decided,
            extra: &self.extra,
            deals: &self.deals,
            parent: &self.parent,
            stakeholders: &self.stakeholders,
            whitespace: &self.whitespace,
            removed: &self.removed,
            history: &self.history,
            created_ms: self.created_ms,
            updated_ms: Some(self.updated_ms).filter(|&u| u != self.created_ms),
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
                crm_id: f.crm_id,
            },
            assessment: f.assessment,
            decided: f.decided,
            extra: f.extra,
            deals: f.deals,
            parent: f.parent,
            stakeholders: f.stakeholders,
            whitespace: f.whitespace,
            removed: f.removed,
            history: f.history,
            created_ms: f.created_ms,
            updated_ms: f.updated_ms.unwrap_or(f.created_ms),
            rev: f.rev,
            dots: f.dots,
        })
    }
}

/// Keys of a serialized account that are bookkeeping rather than fields (`removed` remembers
/// deleted stakeholders and cells for merges, see `sync::Gone`; `history` is recorded, not
/// edited, and merges day by day, see `history::combine`).
pub const ACCOUNT_META: [&str; 7] = ["id", "created_ms", "updated_ms", "rev", "dots", "removed", "history"];

impl Account {
    pub fn new(id: String, fields: AccountFields, now_ms: i64) -> Account {
        Account {
            id,
            fields,
            assessment: Assessment::default(),
            decided: None,
            extra: Vec::new(),
            deals: None,
            parent: None,
            stakeholders: Vec::new(),
            whitespace: Vec::new(),
            removed: Vec::new(),
            history: Vec::new(),
            created_ms: now_ms,
            updated_ms: now_ms,
            rev: super::sync::Rev::default(),
            dots: Default::default(),
        }
    }

    /// Remembers that the stakeholder or whitespace cell `id` was deleted. The deleting edit's
    /// dot is filled in when the edit is stamped (`Workspace::edit`), hence the blank one.
    pub fn forget_item(&mut self, id: &str) {
        self.removed.retain(|g| g.id != id);
        self.removed.push(super::sync::Gone { id: id.to_string(), dot: super::sync::Dot(String::new(), 0) });
        let over = self.removed.len().saturating_sub(super::sync::MAX_GONE);
        self.removed.drain(..over);
    }

    /// The item `id` is back (an undo, a cell set again): no longer deleted.
    pub fn revive_item(&mut self, id: &str) {
        self.removed.retain(|g| g.id != id);
    }
}

field_set!(
    /// The fields of an account, in form order. The draft, the validation messages, the
    /// catalog's labels, the spreadsheet's import targets and export columns derive from it.
    pub enum AccountField {
        Name = "name",
        Status = "status",
        Sector = "sector",
        Region = "region",
        Owner = "owner",
        CustomerSince = "customer_since",
        Stage = "stage",
        Revenue = "revenue",
        Potential = "potential",
        Margin = "margin_pct",
        RelationshipYears = "relationship_years",
        Notes = "notes",
        CrmId = "crm_id",
    }
);

/// What kind of value a field holds: decides the control, the keyboard and how a
/// spreadsheet cell is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// Several lines, kept as typed.
    LongText,
    Number,
    Year,
    /// One of a fixed list (a select).
    Choice,
}

impl AccountField {
    pub const fn kind(self) -> FieldKind {
        match self {
            AccountField::Name
            | AccountField::Sector
            | AccountField::Region
            | AccountField::Owner
            | AccountField::CrmId => FieldKind::Text,
            AccountField::Status | AccountField::Stage => FieldKind::Choice,
            AccountField::Revenue
            | AccountField::Potential
            | AccountField::Margin
            | AccountField::RelationshipYears => FieldKind::Number,
            AccountField::CustomerSince => FieldKind::Year,
            AccountField::Notes => FieldKind::LongText,
        }
    }
}

/// The account form as typed: every field a string, so that nothing is lost or coerced
/// before validation and the user sees exactly what they typed next to the message.
pub type AccountDraft = Draft<AccountField>;

pub const MAX_NAME: usize = 200;
pub const MAX_SHORT_TEXT: usize = 200;
pub const MAX_NOTES: usize = 20_000;
pub const MAX_YEARS: f64 = 100.0;
pub const MIN_YEAR: i32 = 1800;

impl AccountFields {
    /// The form for a new account (status: customer).
    pub fn blank_draft() -> AccountDraft {
        AccountDraft::default().with(AccountField::Status, Status::Customer.slug())
    }
}

impl Form for AccountFields {
    type Field = AccountField;

    fn blank(_: Date) -> AccountDraft {
        AccountFields::blank_draft()
    }

    /// Numbers are written back plainly, so that saving an untouched form changes nothing.
    fn draft(&self) -> AccountDraft {
        let num = |v: Option<f64>| v.map(format_plain).unwrap_or_default();
        AccountDraft::default()
            .with(AccountField::Name, &self.name)
            .with(AccountField::Status, self.status.slug())
            .with(AccountField::Sector, &self.sector)
            .with(AccountField::Region, &self.region)
            .with(AccountField::Owner, &self.owner)
            .with(AccountField::CustomerSince, self.customer_since.map(|y| y.to_string()).unwrap_or_default())
            .with(AccountField::Stage, self.stage.map(|s| s.slug()).unwrap_or_default())
            .with(AccountField::Revenue, num(self.revenue))
            .with(AccountField::Potential, num(self.potential))
            .with(AccountField::Margin, num(self.margin_pct))
            .with(AccountField::RelationshipYears, num(self.relationship_years))
            .with(AccountField::Notes, &self.notes)
            .with(AccountField::CrmId, &self.crm_id)
    }

    /// Validates every field, reporting all problems at once (not only the first), so the
    /// user can fix the whole form in one pass.
    fn read(
        d: &AccountDraft,
        _: &str,
        _: Option<&AccountFields>,
        today: Date,
    ) -> Result<AccountFields, Vec<FieldError<AccountField>>> {
        use AccountField as F;
        let current_year = today.ymd().0;
        let mut c = Checker::new(d);
        let name = c.text(F::Name, true, MAX_NAME);
        let status = c.choice(F::Status, Status::from_slug, Status::default());
        let sector = c.text(F::Sector, false, MAX_SHORT_TEXT);
        let region = c.text(F::Region, false, MAX_SHORT_TEXT);
        let owner = c.text(F::Owner, false, MAX_SHORT_TEXT);
        let customer_since = match c.raw(F::CustomerSince).trim() {
            "" => None,
            text => match text.parse::<i32>() {
                Ok(y) if y > current_year => {
                    c.fail(F::CustomerSince, Problem::InFuture { max: current_year });
                    None
                }
                Ok(y) if y < MIN_YEAR => {
                    c.fail(F::CustomerSince, Problem::OutOfRange { min: MIN_YEAR as f64, max: current_year as f64 });
                    None
                }
                Ok(y) => Some(y),
                Err(_) => {
                    c.fail(F::CustomerSince, Problem::NotAWholeNumber);
                    None
                }
            },
        };
        let stage = c.optional_choice(F::Stage, Stage::from_slug);
        let revenue = c.number(F::Revenue, false, Some(0.0), None);
        let potential = c.number(F::Potential, false, Some(0.0), None);
        let margin_pct = c.number(F::Margin, false, Some(0.0), Some(100.0));
        let relationship_years = c.number(F::RelationshipYears, false, Some(0.0), Some(MAX_YEARS));
        let notes = c.verbatim(F::Notes, MAX_NOTES);
        let crm_id = c.text(F::CrmId, false, MAX_SHORT_TEXT);
        c.finish(AccountFields {
            name,
            sector,
            region,
            owner,
            status,
            revenue,
            potential,
            margin_pct,
            relationship_years,
            customer_since,
            stage,
            notes,
            crm_id,
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
    use crate::domain::validate::FieldSet;
    use AccountField as F;

    fn today() -> Date {
        Date::parse("2026-11-28").unwrap()
    }

    fn draft() -> AccountDraft {
        AccountDraft::default().with(F::Name, "Cartech")
    }

    fn check(d: AccountDraft, expected: Result<AccountFields, Vec<(AccountField, Problem)>>) {
        let got = AccountFields::read(&d, "", None, today())
            .map_err(|es| es.into_iter().map(|e| (e.field, e.problem)).collect::<Vec<_>>());
        assert_eq!(got, expected);
    }

    #[test]
    fn minimal_account_is_valid() {
        check(draft(), Ok(AccountFields { name: "Cartech".into(), ..AccountFields::default() }));
    }

    #[test]
    fn full_account_is_parsed_and_trimmed() {
        let d = AccountDraft::default()
            .with(F::Name, "  Cartech BV ")
            .with(F::Sector, " Automotive")
            .with(F::Region, "NL")
            .with(F::Owner, "Sanne")
            .with(F::Status, "prospect")
            .with(F::Revenue, "1.250.000")
            .with(F::Potential, "400000")
            .with(F::Margin, "32,5")
            .with(F::RelationshipYears, "8")
            .with(F::CustomerSince, "2019")
            .with(F::Stage, "cooperative")
            .with(F::Notes, "likes pilots");
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
                crm_id: String::new(),
            }),
        );
    }

    #[test]
    fn empty_name_is_required() {
        check(draft().with(F::Name, "   "), Err(vec![(F::Name, Problem::Required)]));
    }

    #[test]
    fn bad_numbers_get_a_message_each_in_form_order() {
        check(
            draft()
                .with(F::Revenue, "twelve")
                .with(F::Potential, "-5")
                .with(F::Margin, "120")
                .with(F::RelationshipYears, "NaN")
                .with(F::CustomerSince, "2031"),
            Err(vec![
                (F::CustomerSince, Problem::InFuture { max: 2026 }),
                (F::Revenue, Problem::NotANumber),
                (F::Potential, Problem::Negative),
                (F::Margin, Problem::OutOfRange { min: 0.0, max: 100.0 }),
                (F::RelationshipYears, Problem::NotANumber),
            ]),
        );
    }

    #[test]
    fn absurd_input_is_refused_not_panicked_on() {
        check(
            draft().with(F::Name, "x".repeat(MAX_NAME + 1)),
            Err(vec![(F::Name, Problem::TooLong { max: MAX_NAME })]),
        );
        check(draft().with(F::Revenue, "1e308"), Err(vec![(F::Revenue, Problem::TooLarge)]));
        check(draft().with(F::Revenue, "9".repeat(40)), Err(vec![(F::Revenue, Problem::TooLarge)]));
        check(draft().with(F::CustomerSince, "12.5"), Err(vec![(F::CustomerSince, Problem::NotAWholeNumber)]));
        check(draft().with(F::CustomerSince, "99999999999"), Err(vec![(F::CustomerSince, Problem::NotAWholeNumber)]));
        check(
            draft().with(F::CustomerSince, "1200"),
            Err(vec![(F::CustomerSince, Problem::OutOfRange { min: 1800.0, max: 2026.0 })]),
        );
        check(draft().with(F::Status, "vip"), Err(vec![(F::Status, Problem::NotInList)]));
        check(draft().with(F::Stage, "6"), Err(vec![(F::Stage, Problem::NotInList)]));
    }

    #[test]
    fn round_trips_through_the_draft() {
        let d = draft().with(F::Revenue, "1234567.5").with(F::Margin, "30").with(F::CustomerSince, "2001");
        let fields = AccountFields::read(&d, "", None, today()).unwrap();
        assert_eq!(AccountFields::read(&fields.draft(), "", None, today()).unwrap(), fields);
        assert_eq!(fields.draft().get(F::Revenue), "1234567.5");
        let thousandths = AccountFields { revenue: Some(1234.567), ..fields };
        assert_eq!(AccountFields::read(&thousandths.draft(), "", None, today()).unwrap(), thousandths);
    }

    /// The serde impls restate the fields (flat JSON without `serde(flatten)`): every field
    /// of the enum must be written under its key, so a new field cannot be forgotten there.
    #[test]
    fn every_field_is_stored_under_its_key() {
        // (An empty CRM id is left out of the JSON, as most accounts have none.)
        let fields = AccountFields::read(&draft().with(F::CrmId, "001bm00001"), "", None, today()).unwrap();
        let json = serde_json::to_value(Account::new("a".into(), fields, 0)).unwrap();
        for f in AccountField::ALL {
            assert!(json.get(f.key()).is_some(), "{f:?}");
        }
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
