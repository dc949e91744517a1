//! What a column of an account export means. The header proposes (in English, Dutch or
//! German), the values decide: a column is only proposed as the *name* when its values look
//! like names, as a number field when they read as numbers, as the status when some of its
//! values are statuses. Each field is proposed for one column at most; when several
//! headers name one field, the closest wording wins (a header with *name* beats one with
//! *id*).

use std::collections::HashSet;

use super::values;
use super::Table;
use crate::domain::account::{AccountField, FieldKind};
use crate::domain::criteria::{Criterion, Question};
use crate::domain::number::parse_number;
use crate::domain::order::{descending_u32, order_by, pair};
use crate::domain::validate::FieldSet;

/// What a column becomes: nothing, one of the account's fields (all of them can be
/// imported; the list comes from [`AccountField::ALL`]), or an extra field kept with the
/// account under the column's header.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Ignore,
    Field(AccountField),
    Extra,
    /// A criterion's rating (0–5) set by the user.
    Rating(Criterion),
    /// A checklist question's answer (yes, no, ja, nee, 1, 0, x…).
    Answer(Question),
    /// The parent account in a group: its CRM id or its name.
    Parent,
}

impl Target {
    /// "Not imported" first, then every account field in form order, then "keep as extra",
    /// then the ratings and the checklist answers.
    pub fn all() -> impl Iterator<Item = Target> {
        std::iter::once(Target::Ignore)
            .chain(AccountField::ALL.iter().map(|&f| Target::Field(f)))
            .chain(std::iter::once(Target::Extra))
            .chain(std::iter::once(Target::Parent))
            .chain(Criterion::ALL.iter().map(|&c| Target::Rating(c)))
            .chain(Question::ALL.iter().map(|&q| Target::Answer(q)))
    }

    pub fn slug(self) -> String {
        match self {
            Target::Ignore => "ignore".into(),
            Target::Extra => "extra".into(),
            Target::Parent => "parent".into(),
            Target::Field(f) => f.key().into(),
            Target::Rating(c) => format!("rating:{}", c.slug()),
            Target::Answer(q) => format!("answer:{}", q.slug()),
        }
    }

    pub fn from_slug(s: &str) -> Target {
        if let Some(c) = s.strip_prefix("rating:") {
            return Criterion::ALL.into_iter().find(|x| x.slug() == c).map_or(Target::Ignore, Target::Rating);
        }
        if let Some(q) = s.strip_prefix("answer:") {
            return Question::ALL.into_iter().find(|x| x.slug() == q).map_or(Target::Ignore, Target::Answer);
        }
        match s {
            "extra" => Target::Extra,
            "parent" => Target::Parent,
            _ => AccountField::from_key(s).map_or(Target::Ignore, Target::Field),
        }
    }

    /// The target a header names by its tag, as Keystone's own export writes it
    /// (`Product fit rating [rating:product_fit]`), or a bare tag: the same in any language.
    pub fn tagged(header: &str) -> Option<Target> {
        let h = header.trim();
        let tag = match h.strip_suffix(']').and_then(|rest| rest.rsplit_once('[')) {
            Some((_, tag)) => tag,
            None => h,
        };
        match Target::from_slug(tag.trim()) {
            t @ (Target::Rating(_) | Target::Answer(_)) => Some(t),
            _ => None,
        }
    }

    /// The header Keystone's export writes for a rating or an answer column: the label in
    /// the user's language and the tag an import reads back.
    pub fn tagged_header(self, label: &str) -> String {
        format!("{label} [{}]", self.slug())
    }

    pub fn field(self) -> Option<AccountField> {
        match self {
            Target::Field(f) => Some(f),
            _ => None,
        }
    }
}

/// What the numbers of a money column count: exports often keep revenue in thousands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Scale {
    #[default]
    Units,
    Thousands,
    Millions,
}

impl Scale {
    pub const ALL: [Scale; 3] = [Scale::Units, Scale::Thousands, Scale::Millions];

    pub const fn factor(self) -> f64 {
        match self {
            Scale::Units => 1.0,
            Scale::Thousands => 1e3,
            Scale::Millions => 1e6,
        }
    }

    pub const fn slug(self) -> &'static str {
        match self {
            Scale::Units => "units",
            Scale::Thousands => "thousands",
            Scale::Millions => "millions",
        }
    }

    pub fn from_slug(s: &str) -> Scale {
        Scale::ALL.into_iter().find(|x| x.slug() == s).unwrap_or_default()
    }

    /// What a header says about the scale: `Revenue (k€)`, `Omzet x 1.000`, `Umsatz in Mio`.
    pub fn from_header(header: &str) -> Scale {
        let h = normalise(header);
        let words: Vec<&str> = h.split(' ').collect();
        let has = |w: &str| words.contains(&w);
        let compact: String = h.chars().filter(|c| !c.is_whitespace()).collect();
        if ["k€", "€k", "keur", "x1000", "x1.000", "x1,000", "(000)", "'000", "000s", "(k)", "tsd", "teur"]
            .iter()
            .any(|m| compact.contains(m))
            || has("thousands")
            || has("duizenden")
            || has("tausend")
            || has("k")
        {
            Scale::Thousands
        } else if ["m€", "€m", "meur", "x1000000", "x1.000.000", "x1,000,000", "(m)", "(mln)"]
            .iter()
            .any(|m| compact.contains(m))
            || has("millions")
            || has("mln")
            || has("mio")
            || has("miljoen")
            || has("millionen")
        {
            Scale::Millions
        } else {
            Scale::Units
        }
    }
}

/// A header as words: lower case, `_`, `-`, `.`, `/` and camelCase boundaries as spaces.
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len() + 4);
    let mut prev_lower = false;
    let chars: Vec<char> = header.trim().chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // `AccountId`, `AccountID`: a new word. `KvK`: one word (a lone capital ending it).
        let next_letter = chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
        if c.is_uppercase() && prev_lower && next_letter {
            out.push(' ');
        }
        prev_lower = c.is_lowercase();
        match c {
            '_' | '-' | '.' | '/' | ':' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Header words (English, Dutch, German) that name a field. A word matches the whole
/// header, a whole word of it, or — for words over six letters — a part of it.
fn header_words(f: AccountField) -> &'static [&'static str] {
    match f {
        AccountField::Potential => &["potential", "potentieel", "potenzial", "upside"],
        AccountField::Margin => {
            &["margin", "marge", "gm", "brutomarge", "bruttomarge", "gross margin", "deckungsbeitrag"]
        }
        AccountField::Revenue => &[
            "revenue",
            "omzet",
            "jaaromzet",
            "turnover",
            "sales",
            "arr",
            "annual revenue",
            "umsatz",
            "jahresumsatz",
            "umsätze",
            "revenues",
        ],
        AccountField::Owner => &[
            "owner",
            "eigenaar",
            "accountmanager",
            "account manager",
            "rep",
            "salesperson",
            "verantwortlich",
            "betreuer",
            "vertriebsmitarbeiter",
            "verkoper",
            "contactpersoon intern",
        ],
        AccountField::Sector => &["sector", "industry", "branche", "segment", "industrie", "sbi", "vertical"],
        AccountField::Region => &[
            "country",
            "land",
            "region",
            "regio",
            "location",
            "office",
            "vestiging",
            "city",
            "plaats",
            "stadt",
            "ort",
            "vestigingsplaats",
            "province",
            "provincie",
            "state",
            "territory",
        ],
        AccountField::Stage => &["stage", "relationship stage", "relatiefase", "fase", "beziehungsphase"],
        AccountField::Status => {
            &["status", "type", "account type", "klanttype", "kundentyp", "lifecycle stage", "label", "relatietype"]
        }
        AccountField::CustomerSince => &["since", "sinds", "customer since", "klant sinds", "kunde seit", "seit"],
        AccountField::RelationshipYears => &["years", "jaren", "duration", "looptijd", "jahre"],
        AccountField::Notes => &[
            "notes",
            "note",
            "notities",
            "opmerkingen",
            "comments",
            "description",
            "omschrijving",
            "notizen",
            "bemerkungen",
            "beschreibung",
        ],
        AccountField::CrmId => &[
            "id",
            "crm id",
            "record id",
            "account id",
            "company id",
            "customer id",
            "customer number",
            "account number",
            "klantnummer",
            "debiteurnummer",
            "relatienummer",
            "kundennummer",
            "external id",
            "organization id",
            "organisation id",
            "org id",
            "kvk",
            "kvk nummer",
            "registration number",
            "company number",
            "reference",
            "internal reference",
            "ref",
            "handelsregisternummer",
        ],
        AccountField::Name => &[
            "account",
            "company",
            "name",
            "naam",
            "bedrijf",
            "bedrijfsnaam",
            "handelsnaam",
            "statutaire naam",
            "klant",
            "klantnaam",
            "organisation",
            "organization",
            "organisatie",
            "customer",
            "firma",
            "firmenname",
            "unternehmen",
            "kunde",
        ],
    }
}

/// Words that make a header an identifier or a code: such a column is never the name.
const ID_WORDS: [&str; 15] = [
    "id",
    "code",
    "number",
    "nummer",
    "nr",
    "no",
    "guid",
    "uuid",
    "key",
    "kvk",
    "nummern",
    "identifier",
    "ref",
    "reference",
    "referentie",
];

/// Words that say a column is about someone or something else than the account itself
/// (`Parent Account ID`, `Owner ID`): never its CRM id.
const OTHER_RECORD_WORDS: [&str; 8] = ["parent", "owner", "user", "created", "modified", "contact", "deal", "master"];

/// The order headers are tried against the fields: specific words before general ones
/// ("revenue potential" is the potential, not the revenue; "customer since" is not a name;
/// "account id" is an id).
const GUESS_ORDER: [AccountField; 13] = [
    AccountField::Potential,
    AccountField::Margin,
    AccountField::Revenue,
    AccountField::Owner,
    AccountField::Sector,
    AccountField::Stage,
    AccountField::Status,
    AccountField::CustomerSince,
    AccountField::RelationshipYears,
    AccountField::Notes,
    AccountField::CrmId,
    AccountField::Region,
    AccountField::Name,
];

/// Region words that name a town: a country or region column is the better region.
const TOWN_WORDS: [&str; 6] = ["city", "plaats", "stadt", "ort", "vestigingsplaats", "location"];

/// How well a header's words name a field: 3 the whole header, 2 a whole word or phrase
/// of it, 1 a long word inside it (or a town), 0 not at all.
fn header_match(h: &str, f: AccountField) -> u8 {
    let words: Vec<&str> = h.split(' ').collect();
    header_words(f)
        .iter()
        .map(|w| {
            let s = if h == *w {
                3
            } else if words.contains(w) || (w.contains(' ') && format!(" {h} ").contains(&format!(" {w} "))) {
                2
            } else if w.chars().count() > 6 && h.contains(w) {
                1
            } else {
                0
            };
            if TOWN_WORDS.contains(w) {
                s.min(1)
            } else {
                s
            }
        })
        .max()
        .unwrap_or(0)
}

fn has_id_word(h: &str) -> bool {
    h.split(' ').any(|w| ID_WORDS.contains(&w)) || h.ends_with('#')
}

/// Guesses a column's meaning from its header alone, in English, Dutch or German.
pub fn guess(header: &str) -> Target {
    header_candidates(&normalise(header)).next().map_or(Target::Ignore, |(f, _)| Target::Field(f))
}

fn header_candidates(h: &str) -> impl Iterator<Item = (AccountField, u8)> + '_ {
    let id = has_id_word(h);
    let other = h.split(' ').any(|w| OTHER_RECORD_WORDS.contains(&w));
    GUESS_ORDER.into_iter().filter_map(move |f| {
        let strength = match f {
            // An identifier column is never a name; an identifier of another record is
            // not the account's id.
            AccountField::Name if id => 0,
            AccountField::CrmId if !id || other => 0,
            // "Owner ID", "Region code": an id or code is not the text field itself.
            AccountField::Owner | AccountField::Sector | AccountField::Region if id => 0,
            _ => header_match(h, f),
        };
        // A header that says "name" is the name more surely than "account" or "company".
        let bonus = u8::from(
            f == AccountField::Name
                && h.split(' ').any(|w| matches!(w, "name" | "naam" | "handelsnaam" | "bedrijfsnaam" | "firmenname")),
        );
        (strength > 0).then_some((f, strength + bonus))
    })
}

/// What a column's values look like: enough to propose a target and to show the user.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    /// Up to three different example values.
    pub examples: Vec<String>,
    /// Rows looked at, and those with a value.
    pub rows: usize,
    pub filled: usize,
    /// Values that read as numbers.
    pub numeric: usize,
    /// Values that read as years (whole numbers 1900–2200) or dates.
    pub years: usize,
    /// Different values (up to the rows looked at).
    pub distinct: usize,
    /// Values shaped like identifiers (`001bm00001ZL8U9AAL`, `COMP-5880f9ce`, digits).
    pub id_like: usize,
    /// Rows whose value a status or a stage word names.
    pub statuses: usize,
    pub stages: usize,
    /// The largest number, for the hint that amounts are in thousands.
    pub max_abs: f64,
}

/// Rows a profile looks at: enough to know a column, few enough for 50,000-row files.
pub const PROFILE_ROWS: usize = 2_000;

impl Profile {
    pub fn of(table: &Table, column: usize) -> Profile {
        let mut p = Profile::default();
        let mut seen = HashSet::new();
        for (_, row) in table.rows.iter().take(PROFILE_ROWS) {
            p.rows += 1;
            let v = Table::cell(row, column);
            if v.is_empty() {
                continue;
            }
            p.filled += 1;
            if seen.insert(v.to_lowercase()) {
                p.distinct += 1;
                if p.examples.len() < 3 {
                    p.examples.push(v.chars().take(60).collect());
                }
            }
            if let Ok(n) = parse_number(v) {
                p.numeric += 1;
                p.max_abs = p.max_abs.max(n.abs());
                if n.fract() == 0.0 && (1900.0..=2200.0).contains(&n) {
                    p.years += 1;
                }
            } else if values::loose_date(v, true).or_else(|| values::loose_date(v, false)).is_some() {
                p.years += 1;
            }
            if is_id_like(v) {
                p.id_like += 1;
            }
            if values::guess_status(v).is_some() {
                p.statuses += 1;
            }
            if values::guess_stage(v).is_some() {
                p.stages += 1;
            }
        }
        p
    }

    fn share(&self, n: usize) -> f64 {
        if self.filled == 0 {
            0.0
        } else {
            n as f64 / self.filled as f64
        }
    }

    /// Whether the values could be this field's: the gate every guess passes.
    pub fn fits(&self, f: AccountField) -> bool {
        match f {
            AccountField::Name => {
                self.filled > 0
                    && self.share(self.numeric) < 0.3
                    && self.share(self.id_like) < 0.5
                    && self.share(self.distinct) >= 0.5
            }
            AccountField::CrmId => self.filled > 0 && self.share(self.distinct) >= 0.9,
            AccountField::CustomerSince => self.share(self.years) >= 0.8 || self.filled == 0,
            AccountField::Status => self.statuses > 0 && self.share(self.statuses) >= 0.3,
            AccountField::Stage => self.stages > 0 && self.share(self.stages) >= 0.3,
            f => match f.kind() {
                // Most values, not all: a revenue column may hold "n/a" or "unknown".
                FieldKind::Number | FieldKind::Year => self.share(self.numeric) >= 0.5 || self.filled == 0,
                // Text fields: not a column of identifiers or of bare numbers.
                FieldKind::Text => self.share(self.id_like) < 0.5 && self.share(self.numeric) < 0.5 || self.filled == 0,
                FieldKind::LongText | FieldKind::Choice => true,
            },
        }
    }

    /// The amounts look like thousands or millions rather than units: every one is below
    /// 10,000 — no company's annual revenue is.
    pub fn looks_scaled(&self) -> bool {
        self.numeric >= 3 && self.numeric == self.filled && self.max_abs < 10_000.0 && self.max_abs > 0.0
    }
}

/// An identifier rather than a name: one "word" with digits in it (record ids, `COMP-…`,
/// UUIDs, customer numbers), or a long run of digits.
pub fn is_id_like(v: &str) -> bool {
    let v = v.trim();
    if v.chars().any(char::is_whitespace) || v.chars().count() < 4 {
        return false;
    }
    let digits = v.chars().filter(char::is_ascii_digit).count();
    let all_digits = digits == v.chars().count();
    all_digits || (v.chars().count() >= 6 && digits >= 2 && !v.contains('.') || digits >= 4)
}

/// One proposal per column: for each, the first field (in [`GUESS_ORDER`]) its header names
/// and its values fit; then each field goes to the column naming it best (the first on a tie).
/// A column whose header is an extra field's label already kept in the workspace is kept
/// again as that extra field.
pub fn guess_mapping(table: &Table, known_extras: &[String]) -> Vec<Target> {
    let profiles: Vec<Profile> = (0..table.headers.len()).map(|i| Profile::of(table, i)).collect();
    guess_from(&table.headers, &profiles, known_extras)
}

/// [`guess_mapping`] from profiles computed already.
/// Headers that name the parent account in a group: Salesforce's *Parent Account ID*,
/// Dynamics' *Parent Account*, HubSpot's *Parent Company*, Dutch registers' *moederbedrijf*.
fn is_parent_header(h: &str) -> bool {
    const WORDS: [&str; 13] = [
        "parent",
        "parentid",
        "parent id",
        "parent account",
        "parent account id",
        "parent account name",
        "parent company",
        "parent company id",
        "parent organization",
        "parent organisation",
        "subsidiary of",
        "moederbedrijf",
        "moedermaatschappij",
    ];
    WORDS.contains(&h)
}

pub fn guess_from(headers: &[String], profiles: &[Profile], known_extras: &[String]) -> Vec<Target> {
    let proposals: Vec<(usize, AccountField, u8)> = headers
        .iter()
        .enumerate()
        .filter_map(|(i, header)| {
            let h = normalise(header);
            if is_parent_header(&h) {
                return None;
            }
            let profile = profiles.get(i)?;
            let found = header_candidates(&h).find(|(f, _)| profile.fits(*f));
            found.map(|(f, s)| (i, f, s))
        })
        .collect();
    let order = order_by(proposals.iter().map(|&(i, _, strength)| pair(descending_u32(strength as usize), i)));
    let mut out: Vec<Target> =
        headers
            .iter()
            .map(|h| {
                if known_extras.iter().any(|k| k.eq_ignore_ascii_case(h.trim())) {
                    Target::Extra
                } else {
                    Target::Ignore
                }
            })
            .collect();
    for (i, header) in headers.iter().enumerate() {
        if let Some(tagged) = Target::tagged(header) {
            out[i] = tagged;
        }
    }
    for (i, header) in headers.iter().enumerate() {
        if is_parent_header(&normalise(header)) {
            out[i] = Target::Parent;
        }
    }
    let mut used = HashSet::new();
    for (i, f, _) in order.into_iter().map(|k| proposals[k]) {
        if used.insert(f) {
            out[i] = Target::Field(f);
        }
    }
    out
}
