//! Parsing of numbers as people type them and as real exports write them — the one number
//! parser of the app, used by every form and by the CSV import.
//!
//! Accepted: English and Dutch (or German) notation (`1234.5`, `1,234.5`, `1.234,5`, `12,5`);
//! thousands grouped by `.`, `,`, a space, a no-break space or an apostrophe (`1'250'000`);
//! a currency sign or code before or after (`€ 1.250.000,00`, `$1,250,000.00`, `1 250 000 EUR`);
//! a trailing `%` (the number as written: `36 %` is 36); parentheses for a negative (`(1,250)`);
//! an exponent, with either decimal mark (`1.5e6`, `2,41392E+11`); and a scale word after the
//! number: `k` (thousand), `M`, `m`, `mln`, `mio` (million), `bn`, `mrd` (billion).
//!
//! Refused: `NaN`, `inf`, other letters, two decimal marks, and anything beyond [`MAX_ABS`].
//! The rule for a lone separator: when exactly three digits follow it, it groups thousands
//! (`1.234` = 1234, which is what a Dutch user means by a revenue); otherwise it is the decimal
//! mark (`12,5` = 12.5). Before an exponent a lone separator is always the decimal mark.

/// The largest magnitude any number field accepts. Far above any real revenue, far below
/// the point where sums lose integer precision.
pub const MAX_ABS: f64 = 1e13;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all (letters, several decimal marks, empty after trimming).
    NotANumber,
    /// Parsed, but beyond [`MAX_ABS`].
    TooLarge,
}

/// Currency signs and codes a number may carry (they are dropped: one portfolio, one currency).
const CURRENCIES: [&str; 17] =
    ["€", "$", "£", "¥", "fr.", "kr.", "kr", "zł", "eur", "usd", "gbp", "chf", "sek", "nok", "dkk", "pln", "zl"];

/// Scale words after a number, longest first.
const SCALES: [(&str, f64); 8] =
    [("mln", 1e6), ("mio", 1e6), ("mrd", 1e9), ("bn", 1e9), ("k", 1e3), ("K", 1e3), ("M", 1e6), ("m", 1e6)];

/// Parses a number as typed or exported. Never panics, never returns NaN or infinity.
pub fn parse_number(input: &str) -> Result<f64, NumberError> {
    if input.len() > 100 {
        // Longer than any number: also bounds the work below.
        return if input.trim().chars().all(|c| c.is_ascii_digit()) {
            Err(NumberError::TooLarge)
        } else {
            Err(NumberError::NotANumber)
        };
    }
    let mut text: String = input.trim().to_string();
    // Parentheses: an accountant's negative.
    let mut negative = false;
    if text.starts_with('(') && text.ends_with(')') && text.len() >= 2 {
        negative = true;
        text = text[1..text.len() - 1].trim().to_string();
    }
    // A currency sign or code, before or after.
    let lower = text.to_lowercase();
    for c in CURRENCIES {
        if lower.starts_with(c) {
            text = text[c.len()..].trim_start().to_string();
            break;
        }
        if lower.ends_with(c) && lower.len() > c.len() {
            text = text[..text.len() - c.len()].trim_end().to_string();
            break;
        }
    }
    // A sign may come before or after the currency sign: "-€5", "€-5".
    if let Some(rest) = text.strip_prefix('-') {
        negative = !negative;
        text = rest.trim_start().to_string();
    } else if let Some(rest) = text.strip_prefix('+') {
        text = rest.trim_start().to_string();
    }
    let lower = text.to_lowercase();
    for c in CURRENCIES {
        if lower.starts_with(c) {
            text = text[c.len()..].trim_start().to_string();
            break;
        }
    }
    if let Some(rest) = text.strip_suffix('%') {
        text = rest.trim_end().to_string();
    }
    // A scale word: 250k, 1,5 mln, 2.4M.
    let mut scale = 1.0;
    for (word, factor) in SCALES {
        if let Some(rest) = text.strip_suffix(word) {
            if rest.ends_with(|c: char| c.is_ascii_digit() || c == ' ' || c == '\u{a0}') {
                scale = factor;
                text = rest.trim_end().to_string();
                break;
            }
        }
    }
    // An exponent: e or E, an optional sign, at most three digits.
    let mut exponent: i32 = 0;
    if let Some(at) = text.find(['e', 'E']) {
        let (mantissa, exp) = (&text[..at], &text[at + 1..]);
        let digits = exp.strip_prefix('+').or_else(|| exp.strip_prefix('-')).unwrap_or(exp);
        if digits.is_empty() || digits.len() > 3 || !digits.chars().all(|c| c.is_ascii_digit()) || mantissa.is_empty() {
            return Err(NumberError::NotANumber);
        }
        exponent = exp.parse().map_err(|_| NumberError::NotANumber)?;
        text = mantissa.to_string();
    }
    let cleaned: String =
        text.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_' | '\'' | '’')).collect();
    let body = cleaned.as_str();
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(NumberError::NotANumber);
    }
    if !body.starts_with(|c: char| c.is_ascii_digit()) || !body.ends_with(|c: char| c.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    let decimal_mark = if exponent != 0 || text.contains(['e', 'E']) {
        // Before an exponent a lone separator is the decimal mark (`2,41392E+11`).
        match (body.contains('.'), body.contains(',')) {
            (true, true) => decimal_mark(body)?,
            (true, false) if body.matches('.').count() == 1 => Some('.'),
            (false, true) if body.matches(',').count() == 1 => Some(','),
            (false, false) => None,
            _ => return Err(NumberError::NotANumber),
        }
    } else {
        decimal_mark(body)?
    };
    let mut canonical = String::with_capacity(body.len() + 8);
    if negative {
        canonical.push('-');
    }
    for c in body.chars() {
        match c {
            '0'..='9' => canonical.push(c),
            c if Some(c) == decimal_mark => canonical.push('.'),
            _ => {} // a thousands separator
        }
    }
    if exponent != 0 {
        canonical.push_str(&format!("e{exponent}"));
    }
    let value: f64 = canonical.parse::<f64>().map_err(|_| NumberError::NotANumber)? * scale;
    if !value.is_finite() || value.abs() > MAX_ABS {
        return Err(NumberError::TooLarge);
    }
    Ok(value)
}

/// Decides which of `.` and `,` (if any) is the decimal mark in a string of digits and
/// separators, rejecting mixes that cannot be read one way.
fn decimal_mark(body: &str) -> Result<Option<char>, NumberError> {
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    match (dots, commas) {
        (0, 0) => Ok(None),
        (_, 0) => lone_separator('.', body, dots),
        (0, _) => lone_separator(',', body, commas),
        _ => {
            // Both present: the last one is the decimal mark and must occur once.
            let last_dot = body.rfind('.').unwrap_or(0);
            let last_comma = body.rfind(',').unwrap_or(0);
            let (decimal, grouping) = if last_dot > last_comma { ('.', ',') } else { (',', '.') };
            if body.matches(decimal).count() != 1 || !groups_ok(&body[..body.rfind(decimal).unwrap_or(0)], grouping) {
                return Err(NumberError::NotANumber);
            }
            Ok(Some(decimal))
        }
    }
}

fn lone_separator(sep: char, body: &str, count: usize) -> Result<Option<char>, NumberError> {
    if count > 1 {
        // Repeated: it can only group thousands.
        return if groups_ok(body, sep) { Ok(None) } else { Err(NumberError::NotANumber) };
    }
    let after = body.len() - body.rfind(sep).unwrap_or(0) - 1;
    if after == 3 {
        Ok(None)
    } else {
        Ok(Some(sep))
    }
}

/// `1.234.567`: groups after the first are exactly three digits long.
fn groups_ok(integer_part: &str, sep: char) -> bool {
    let mut parts = integer_part.split(sep);
    let first_ok = parts.next().is_some_and(|p| !p.is_empty() && p.len() <= 3 || !integer_part.contains(sep));
    first_ok && parts.all(|p| p.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<f64, NumberError>) {
        assert_eq!(parse_number(input), expected, "input {input:?}");
    }

    #[test]
    fn plain_and_signed() {
        check("1234", Ok(1234.0));
        check("  42 ", Ok(42.0));
        check("-3.5", Ok(-3.5));
        check("+7", Ok(7.0));
        check("0", Ok(0.0));
    }

    #[test]
    fn english_and_dutch_notation() {
        check("1,234.56", Ok(1234.56));
        check("1.234,56", Ok(1234.56));
        check("1.234.567", Ok(1_234_567.0));
        check("1,234,567", Ok(1_234_567.0));
        check("12,5", Ok(12.5));
        check("12.5", Ok(12.5));
        check("1.234", Ok(1234.0));
        check("1 250 000", Ok(1_250_000.0));
        check("1\u{a0}250", Ok(1250.0));
    }

    #[test]
    fn rejects_what_is_not_a_number() {
        for bad in [
            "",
            "  ",
            "abc",
            "12a",
            "NaN",
            "inf",
            "-inf",
            "1.2.3,4,5",
            ".5",
            "5.",
            "--1",
            "1,2.3,4",
            "e5",
            "1e",
            "1e1234",
            "1.5.6e2",
            "€",
            "5 apples",
            "(5",
        ] {
            check(bad, Err(NumberError::NotANumber));
        }
    }

    #[test]
    fn rejects_absurd_sizes() {
        check("99999999999999999999", Err(NumberError::TooLarge));
        check(&"9".repeat(400), Err(NumberError::TooLarge));
        check("10000000000000", Ok(1e13));
        check("1e308", Err(NumberError::TooLarge));
        check("9e999", Err(NumberError::TooLarge));
        check("20000 mrd", Err(NumberError::TooLarge));
    }

    /// What real exports and people write.
    #[test]
    fn exports_and_people_write_numbers_many_ways() {
        check("2,41392E+11", Ok(241_392_000_000.0));
        check("1.5e6", Ok(1_500_000.0));
        check("1E3", Ok(1000.0));
        check("€ 1.250.000,00", Ok(1_250_000.0));
        check("$1,250,000.00", Ok(1_250_000.0));
        check("1 250 000 EUR", Ok(1_250_000.0));
        check("1\u{a0}250\u{a0}000\u{a0}€", Ok(1_250_000.0));
        check("CHF 1'250'000", Ok(1_250_000.0));
        check("£250k", Ok(250_000.0));
        check("1,5 mln", Ok(1_500_000.0));
        check("2.4M", Ok(2_400_000.0));
        check("3 mio", Ok(3_000_000.0));
        check("1,2 mrd", Ok(1_200_000_000.0));
        check("36 %", Ok(36.0));
        check("36,5%", Ok(36.5));
        check("(1,250)", Ok(-1250.0));
        check("-€5", Ok(-5.0));
        check("€-5", Ok(-5.0));
        check("+7", Ok(7.0));
        check("€5", Ok(5.0));
    }
}
