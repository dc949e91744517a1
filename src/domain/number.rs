//! Parsing of numbers as people type them, in English or Dutch notation.
//!
//! `1234.5`, `1,234.5`, `1.234,5`, `1 234` and `12,5` all parse; `NaN`, `inf`, `1e308`,
//! letters and empty strings do not. The rule for a lone separator: when exactly three
//! digits follow it, it groups thousands (`1.234` = 1234, which is what a Dutch user means
//! by a revenue); otherwise it is the decimal mark (`12,5` = 12.5).

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

/// Parses a user-typed decimal number. Never panics, never returns NaN or infinity.
pub fn parse_number(input: &str) -> Result<f64, NumberError> {
    let cleaned: String =
        input.trim().chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_' | '\'')).collect();
    let (negative, body) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(NumberError::NotANumber);
    }
    if !body.starts_with(|c: char| c.is_ascii_digit()) || !body.ends_with(|c: char| c.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    let decimal_mark = decimal_mark(body)?;
    let mut canonical = String::with_capacity(body.len() + 1);
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
    let value: f64 = canonical.parse().map_err(|_| NumberError::NotANumber)?;
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
        for bad in
            ["", "  ", "abc", "12a", "NaN", "inf", "-inf", "1e5", "1.2.3,4,5", ".5", "5.", "--1", "1,2.3,4", "€5"]
        {
            check(bad, Err(NumberError::NotANumber));
        }
    }

    #[test]
    fn rejects_absurd_sizes() {
        check("99999999999999999999", Err(NumberError::TooLarge));
        check(&"9".repeat(400), Err(NumberError::TooLarge));
        check("10000000000000", Ok(1e13));
    }
}
