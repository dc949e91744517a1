//! The portfolio's currency. One portfolio, one currency: amounts are never converted, the
//! currency only says how they are shown, exported and read back.

use serde::{Deserialize, Serialize};

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Currency {
    #[default]
    Eur,
    Usd,
    Gbp,
    Chf,
    Sek,
    Nok,
    Dkk,
    Pln,
}

impl Currency {
    pub const ALL: [Currency; 8] = [
        Currency::Eur,
        Currency::Usd,
        Currency::Gbp,
        Currency::Chf,
        Currency::Sek,
        Currency::Nok,
        Currency::Dkk,
        Currency::Pln,
    ];

    /// The ISO 4217 code.
    pub const fn code(self) -> &'static str {
        match self {
            Currency::Eur => "EUR",
            Currency::Usd => "USD",
            Currency::Gbp => "GBP",
            Currency::Chf => "CHF",
            Currency::Sek => "SEK",
            Currency::Nok => "NOK",
            Currency::Dkk => "DKK",
            Currency::Pln => "PLN",
        }
    }

    /// The sign written with amounts.
    pub const fn symbol(self) -> &'static str {
        match self {
            Currency::Eur => "€",
            Currency::Usd => "$",
            Currency::Gbp => "£",
            Currency::Chf => "CHF",
            Currency::Sek | Currency::Nok | Currency::Dkk => "kr",
            Currency::Pln => "zł",
        }
    }

    /// Whether the sign goes before the amount (`€1,250`) or after it (`1 250 kr`).
    pub const fn sign_first(self) -> bool {
        matches!(self, Currency::Eur | Currency::Usd | Currency::Gbp | Currency::Chf)
    }

    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code().eq_ignore_ascii_case(code.trim()))
    }
}

impl Currency {
    /// The currency a written amount is marked with: a sign (`€`, `$`, `£`, `zł`) or a code
    /// (`EUR`, `usd`), before or after the number. `kr` alone could be three currencies, and
    /// says nothing.
    pub fn marked_in(text: &str) -> Option<Currency> {
        let t = text.trim();
        if t.is_empty() || !t.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let sign = |s: &str| t.contains(s);
        if sign("€") {
            return Some(Currency::Eur);
        }
        if sign("£") {
            return Some(Currency::Gbp);
        }
        if sign("zł") {
            return Some(Currency::Pln);
        }
        let letters: String = t.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        if let Some(c) = Currency::from_code(&letters) {
            return Some(c);
        }
        // `$` after the codes: `US$` is dollars, but so is plain `$`.
        sign("$").then_some(Currency::Usd)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<Currency>) {
        assert_eq!(Currency::marked_in(text), expected, "{text:?}");
    }

    #[test]
    fn amounts_say_their_currency() {
        check("€ 1.250.000,00", Some(Currency::Eur));
        check("$1,250,000.00", Some(Currency::Usd));
        check("1 250 000 EUR", Some(Currency::Eur));
        check("1'250'000 CHF", Some(Currency::Chf));
        check("£980,000", Some(Currency::Gbp));
        check("125 000 zł", Some(Currency::Pln));
        check("250 000 sek", Some(Currency::Sek));
        check("1 250 000 kr", None);
        check("1.250.000", None);
        check("EUR", None);
        check("", None);
        for c in Currency::ALL {
            assert_eq!(Currency::from_code(c.code()), Some(c));
            assert_eq!(Currency::from_code(&c.code().to_lowercase()), Some(c));
        }
    }
}
