//! Calendar dates for plans: due dates, reviews, measurements. Stored and typed as
//! `YYYY-MM-DD` (what `<input type="date">` gives), held as days since 1970-01-01 so that
//! overdue and staleness are plain subtraction.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The years a date may fall in; anything else is a typo, not a plan.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("expected a date as YYYY-MM-DD")]
    Format,
    #[error("no such day")]
    NoSuchDay,
    #[error("the year must be between {MIN_YEAR} and {MAX_YEAR}")]
    OutOfRange,
}

impl Date {
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return Err(DateError::OutOfRange);
        }
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay);
        }
        Ok(Date { days: days_from_civil(year, month, day) })
    }

    pub fn parse(text: &str) -> Result<Date, DateError> {
        let text = text.trim();
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(DateError::Format);
        };
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return Err(DateError::Format);
        }
        let num = |s: &str| s.parse::<u32>().map_err(|_| DateError::Format);
        Date::from_ymd(num(y)? as i32, num(m)?, num(d)?)
    }

    /// A date as a person types it, in either language: the ISO form, the day first with any of
    /// `-` `/` `.` or spaces between the parts (`28-11-2026`, `1/3/2027`), the month by name
    /// in English or Dutch, whole or cut to three letters or more (`28 Nov 2026`, `1 mrt 2027`,
    /// `5 september 2027`), or eight digits (`28112026`). Years have four digits; a day first
    /// is never read as a month, so `11/28/2026` is no day rather than a guess.
    pub fn parse_typed(text: &str) -> Result<Date, DateError> {
        let text = text.trim();
        if let Ok(d) = Date::parse(text) {
            return Ok(d);
        }
        let lower = text.to_lowercase();
        let parts: Vec<&str> = lower
            .split(|c: char| matches!(c, '-' | '/' | '.' | ',') || c.is_whitespace())
            .filter(|p| !p.is_empty())
            .collect();
        let digits = |s: &str, lens: &[usize]| lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        let num = |s: &str| s.parse::<u32>().map_err(|_| DateError::Format);
        let (day, month, year) = match parts.as_slice() {
            [all] if digits(all, &[8]) => (&all[..2], &all[2..4], &all[4..]),
            [y, m, d] if digits(y, &[4]) && digits(m, &[1, 2]) && digits(d, &[1, 2]) => (*d, *m, *y),
            [d, m, y] if digits(d, &[1, 2]) && digits(y, &[4]) => (*d, *m, *y),
            _ => return Err(DateError::Format),
        };
        let month = match month_named(month) {
            Some(m) => m,
            None if digits(month, &[1, 2]) => num(month)?,
            None => return Err(DateError::Format),
        };
        Date::from_ymd(num(year)? as i32, month, num(day)?)
    }

    /// The UTC calendar day of a Unix timestamp in milliseconds.
    pub fn from_unix_ms(ms: i64) -> Date {
        Date { days: ms.div_euclid(86_400_000).clamp(i32::MIN as i64, i32::MAX as i64) as i32 }
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }

    pub fn add_days(self, n: i32) -> Date {
        Date { days: self.days.saturating_add(n) }
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i32 {
        later.days - self.days
    }

    /// Days since 1970-01-01, for charts that place dates on an axis.
    pub fn day_number(self) -> i32 {
        self.days
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date", "description": "A calendar date, YYYY-MM-DD." })
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy as i32;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The month a word names, in English or Dutch: the whole name, or its first three letters
/// or more, plus the usual `mrt` and `sept`.
fn month_named(word: &str) -> Option<u32> {
    const NAMES: [[&str; 2]; 12] = [
        ["january", "januari"],
        ["february", "februari"],
        ["march", "maart"],
        ["april", "april"],
        ["may", "mei"],
        ["june", "juni"],
        ["july", "juli"],
        ["august", "augustus"],
        ["september", "september"],
        ["october", "oktober"],
        ["november", "november"],
        ["december", "december"],
    ];
    match word {
        "mrt" => return Some(3),
        "sept" => return Some(9),
        _ => {}
    }
    if word.chars().count() < 3 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    NAMES.iter().position(|names| names.iter().any(|n| n.starts_with(word))).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Result<(i32, u32, u32), DateError>) {
        assert_eq!(Date::parse(text).map(Date::ymd), expected, "{text:?}");
    }

    #[test]
    fn parses_valid_days_only() {
        check("2026-11-27", Ok((2026, 11, 27)));
        check(" 2024-02-29 ", Ok((2024, 2, 29)));
        check("2023-02-29", Err(DateError::NoSuchDay));
        check("2026-13-01", Err(DateError::NoSuchDay));
        check("2026-04-31", Err(DateError::NoSuchDay));
        check("2026-00-10", Err(DateError::NoSuchDay));
        check("1850-01-01", Err(DateError::OutOfRange));
        check("27-11-2026", Err(DateError::Format));
        check("2026/11/27", Err(DateError::Format));
        check("2026-1-5", Err(DateError::Format));
        check("", Err(DateError::Format));
        check("2026-11-27-1", Err(DateError::Format));
        check("+026-11-27", Err(DateError::Format));
    }

    #[test]
    fn reads_dates_as_people_type_them_in_either_language() {
        let check = |text: &str, expected: Result<(i32, u32, u32), DateError>| {
            assert_eq!(Date::parse_typed(text).map(Date::ymd), expected, "{text:?}");
        };
        for text in ["2026-11-28", "28-11-2026", "28/11/2026", "28.11.2026", " 28 11 2026 ", "28112026", "2026/11/28"] {
            check(text, Ok((2026, 11, 28)));
        }
        for text in ["28 Nov 2026", "28 november 2026", "28 NOV. 2026", "28-nov-2026", "28 Novem 2026"] {
            check(text, Ok((2026, 11, 28)));
        }
        check("1 mrt 2027", Ok((2027, 3, 1)));
        check("1 maart 2027", Ok((2027, 3, 1)));
        check("1 Mar 2027", Ok((2027, 3, 1)));
        check("5 mei 2027", Ok((2027, 5, 5)));
        check("5 May, 2027", Ok((2027, 5, 5)));
        check("3 okt 2027", Ok((2027, 10, 3)));
        check("3 sept 2027", Ok((2027, 9, 3)));
        check("1-3-2027", Ok((2027, 3, 1)));
        // The day comes first: an American order is no day, not a silent swap.
        check("11/28/2026", Err(DateError::NoSuchDay));
        check("31-04-2027", Err(DateError::NoSuchDay));
        check("28-11-1850", Err(DateError::OutOfRange));
        // Unfinished or unknown: not a date yet.
        for text in
            ["", "28", "28-11", "28-11-26", "28-11-202", "28 ju 2026", "28 xyz 2026", "Nov 28 2026", "28-11-2026-1"]
        {
            check(text, Err(DateError::Format));
        }
    }

    #[test]
    fn arithmetic_and_display_agree_with_the_calendar() {
        let d = Date::parse("2026-02-28").unwrap();
        assert_eq!(d.add_days(1).to_string(), "2026-03-01");
        assert_eq!(Date::parse("2024-02-28").unwrap().add_days(1).to_string(), "2024-02-29");
        assert_eq!(Date::parse("1970-01-01").unwrap().day_number(), 0);
        assert_eq!(d.days_until(Date::parse("2027-02-28").unwrap()), 365);
        assert_eq!(Date::from_unix_ms(1_795_737_600_000 + 86_399_999).to_string(), "2026-11-27");
        assert_eq!(Date::from_unix_ms(-1).to_string(), "1969-12-31");
        // Every day in the accepted range round-trips.
        let start = Date::parse("1900-01-01").unwrap();
        for n in 0..=start.days_until(Date::parse("2200-12-31").unwrap()) {
            let day = start.add_days(n);
            assert_eq!(Date::parse(&day.to_string()), Ok(day));
        }
    }

    #[test]
    fn serializes_as_an_iso_string() {
        let d = Date::parse("2026-11-27").unwrap();
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-11-27\"");
        assert_eq!(serde_json::from_str::<Date>("\"2026-11-27\"").unwrap(), d);
        assert!(serde_json::from_str::<Date>("\"2026-02-30\"").is_err());
        assert!(serde_json::from_str::<Date>("20261127").is_err());
    }
}
