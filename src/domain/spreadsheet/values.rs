//! Values as exports write them: the words CRMs use for a status or a stage, dates in the
//! orders Europe and America write them, and the value map that lets the user say what
//! each listed value of a column becomes — so that an unknown value takes a default
//! instead of refusing the row.

use std::collections::HashMap;

use super::Table;
use crate::domain::account::{Stage, Status};
use crate::domain::date::Date;
use crate::domain::order::{descending_u32, order_by, pair};

/// Distinct values a map lists (by count); rarer ones take the default, and the map says
/// how many those are.
pub const MAX_VALUES: usize = 100;

/// One value found in a column: as first written, how many rows hold it, what it becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueEntry {
    pub value: String,
    pub count: usize,
    /// The slug of the choice it becomes; `None` for the default.
    pub choice: Option<String>,
}

/// The distinct values of an enumerated column and what each becomes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ValueMap {
    pub entries: Vec<ValueEntry>,
    /// Rows holding values beyond the listed ones (they take the default).
    pub others: usize,
    index: HashMap<String, usize>,
}

fn key(value: &str) -> String {
    value.trim().to_lowercase()
}

impl ValueMap {
    /// The values of `column`, most frequent first, each with `guess`'s choice.
    pub fn build(table: &Table, column: usize, guess: impl Fn(&str) -> Option<String>) -> ValueMap {
        let mut counts: HashMap<String, (usize, usize, String)> = HashMap::new();
        for (order, (_, row)) in table.rows.iter().enumerate() {
            let v = Table::cell(row, column);
            if v.is_empty() {
                continue;
            }
            counts.entry(key(v)).or_insert_with(|| (0, order, v.to_string())).0 += 1;
        }
        let found: Vec<(usize, usize, String)> = counts.into_values().collect();
        // Most rows first; among equals, the order of the file.
        let order = order_by(found.iter().map(|(count, first, _)| pair(descending_u32(*count), *first)));
        let others = order.iter().skip(MAX_VALUES).map(|&i| found[i].0).sum();
        let entries: Vec<ValueEntry> = order
            .into_iter()
            .take(MAX_VALUES)
            .map(|i| {
                let (count, _, value) = &found[i];
                ValueEntry { choice: guess(value), value: value.clone(), count: *count }
            })
            .collect();
        let index = entries.iter().enumerate().map(|(i, e)| (key(&e.value), i)).collect();
        ValueMap { entries, others, index }
    }

    /// What a value becomes: `Some(slug)`, or `None` for the default (also for an empty or
    /// unlisted value).
    pub fn choice(&self, value: &str) -> Option<&str> {
        self.index.get(&key(value)).and_then(|&i| self.entries[i].choice.as_deref())
    }

    /// Whether the value is listed and mapped to a choice (not left to the default).
    pub fn is_mapped(&self, value: &str) -> bool {
        self.choice(value).is_some()
    }

    /// Maps the `i`-th listed value.
    pub fn set(&mut self, i: usize, choice: Option<String>) {
        if let Some(e) = self.entries.get_mut(i) {
            e.choice = choice;
        }
    }

    /// Rows whose value takes the default.
    pub fn defaulted(&self) -> usize {
        self.others + self.entries.iter().filter(|e| e.choice.is_none()).map(|e| e.count).sum::<usize>()
    }
}

/// The words of a value: lower case, split at anything that is not a letter or digit.
fn words(value: &str) -> Vec<String> {
    value.to_lowercase().split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The status a CRM value names, in English, Dutch or German: `Customer - Direct`,
/// `Former customer`, `oud-klant`, `Lead`, `Aktiv`. Partners, competitors and anything
/// else name none (they take the default the user chooses).
pub fn guess_status(value: &str) -> Option<Status> {
    let w = words(value);
    let any = |list: &[&str]| w.iter().any(|x| list.contains(&x.as_str()));
    if any(&[
        "former",
        "formerly",
        "ex",
        "churned",
        "churn",
        "lost",
        "inactive",
        "inactief",
        "oud",
        "voormalig",
        "verloren",
        "ehemalig",
        "ehemaliger",
        "gekündigt",
        "opgezegd",
        "terminated",
        "cancelled",
        "inaktiv",
    ]) {
        Some(Status::Former)
    } else if any(&[
        "prospect",
        "prospects",
        "lead",
        "leads",
        "opportunity",
        "suspect",
        "interessent",
        "potential",
        "potentieel",
        "potentiële",
        "marketingqualifiedlead",
        "salesqualifiedlead",
        "mql",
        "sql",
        "subscriber",
    ]) {
        Some(Status::Prospect)
    } else if any(&[
        "customer",
        "customers",
        "client",
        "klant",
        "kunde",
        "active",
        "actief",
        "aktiv",
        "evangelist",
        "debiteur",
    ]) {
        Some(Status::Customer)
    } else {
        None
    }
}

/// A relationship stage as a number 1–5 (possibly followed by its name, as exported) or a
/// name in English, Dutch or German.
pub fn guess_stage(value: &str) -> Option<Stage> {
    let t = value.trim().to_lowercase();
    let mut chars = t.chars();
    if let Some(n) = chars.next().and_then(|c| c.to_digit(10)) {
        let rest = chars.as_str();
        if (1..=5).contains(&n) && !rest.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
            return Some(Stage::ALL[n as usize - 1]);
        }
    }
    let word = t.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    match word {
        "exploratory" | "verkennend" | "explorativ" => Some(Stage::Exploratory),
        "basic" | "basis" => Some(Stage::Basic),
        "cooperative" | "co-operative" | "samenwerkend" | "coöperatief" | "kooperativ" => Some(Stage::Cooperative),
        "interdependent" | "wederzijds afhankelijk" | "interdependent " | "gegenseitig abhängig" => {
            Some(Stage::Interdependent)
        }
        "integrated" | "geïntegreerd" | "geintegreerd" | "integriert" => Some(Stage::Integrated),
        _ => None,
    }
}

/// The three numbers of a date and whether it starts with the year.
fn date_parts(value: &str) -> Option<(u32, u32, i64, bool)> {
    // A time of day after the date is dropped: `2026-03-31T14:00:00Z`, `31-3-2026 14:00`.
    let date = value.trim().split([' ', 'T']).next()?;
    let mut parts = date.split(['-', '/', '.']);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let num =
        |s: &str| (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?;
    let (x, y, z): (i64, i64, i64) = (num(a)?, num(b)?, num(c)?);
    if a.len() == 4 {
        Some((y as u32, z as u32, x, true))
    } else if c.len() == 4 {
        Some((x as u32, y as u32, z, false))
    } else {
        None
    }
}

/// A date as exports write it: `2026-03-31` (with or without a time), or day, month and
/// year separated by `-`, `/` or `.` — day first unless `day_first` is false (American
/// `3/31/2026`). Anything else, or a day that does not exist, is `None`.
pub fn loose_date(value: &str, day_first: bool) -> Option<Date> {
    let (first, second, year, year_first) = date_parts(value)?;
    let (month, day) = if year_first || !day_first { (first, second) } else { (second, first) };
    let year = i32::try_from(year).ok()?;
    Date::from_ymd(year, month, day).ok()
}

/// Whether a column's dates put the day first: a first number over 12 says yes, a second
/// one over 12 says no; without either, `default`.
pub fn day_first<'a>(values: impl Iterator<Item = &'a str>, default: bool) -> bool {
    for v in values {
        if let Some((a, b, _, false)) = date_parts(v) {
            if a > 12 && b <= 12 {
                return true;
            }
            if b > 12 && a <= 12 {
                return false;
            }
        }
    }
    default
}

/// A rating from a cell: a whole number 0–5 (`4`, `4.0`, `4,0`).
pub fn rating(v: &str) -> Option<u8> {
    let n = crate::domain::number::parse_number(v).ok()?;
    (n.fract() == 0.0 && (0.0..=5.0).contains(&n)).then_some(n as u8)
}

/// A checklist answer from a cell, in English or Dutch, as words, letters or digits.
pub fn yes_no(v: &str) -> Option<bool> {
    match v.trim().to_lowercase().as_str() {
        "yes" | "y" | "ja" | "j" | "1" | "true" | "waar" | "x" | "✓" | "✔" => Some(true),
        "no" | "n" | "nee" | "0" | "false" | "onwaar" => Some(false),
        _ => None,
    }
}
