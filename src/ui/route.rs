//! Hash routes (`#/accounts/<id>`): every view has an address that survives a reload and
//! works on any static host, at the root or a sub-path, with no rewrite rules.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Accounts,
    NewAccount,
    Account(String),
    NotFound,
}

impl Route {
    /// Reads `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/').trim_end_matches('/');
        let mut parts = path.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (Some(""), None, None) | (Some("accounts"), None, None) => Route::Accounts,
            (Some("accounts"), Some("new"), None) => Route::NewAccount,
            (Some("accounts"), Some(id), None) if !id.is_empty() => match percent_decode(id) {
                Some(id) => Route::Account(id),
                None => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }

    /// The `href` of this route, for links.
    pub fn href(&self) -> String {
        match self {
            Route::Accounts | Route::NotFound => "#/".into(),
            Route::NewAccount => "#/accounts/new".into(),
            Route::Account(id) => format!("#/accounts/{}", percent_encode(id)),
        }
    }
}

fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(hash: &str, expected: Route) {
        assert_eq!(Route::parse(hash), expected, "{hash:?}");
    }

    #[test]
    fn parses_every_view() {
        check("", Route::Accounts);
        check("#", Route::Accounts);
        check("#/", Route::Accounts);
        check("#/accounts", Route::Accounts);
        check("#/accounts/new", Route::NewAccount);
        check("#/accounts/a-1f2", Route::Account("a-1f2".into()));
        check("#/accounts/a-1f2/", Route::Account("a-1f2".into()));
        check("#/elsewhere", Route::NotFound);
        check("#/accounts/a/b", Route::NotFound);
        check("#/accounts/%ZZ", Route::NotFound);
        check("#/accounts/%", Route::NotFound);
    }

    #[test]
    fn hrefs_round_trip_any_id() {
        for id in ["sample-01-vicom", "with space", "ünï/cødé?#", "%41"] {
            let route = Route::Account(id.into());
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(&Route::NewAccount.href()), Route::NewAccount);
        assert_eq!(Route::parse(&Route::Accounts.href()), Route::Accounts);
    }
}
