//! Hash routes (`#/accounts/<id>`): every view has an address that survives a reload and
//! works on any static host, at the root or a sub-path, with no rewrite rules.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The overview (dashboard); the empty state while there are no accounts.
    Overview,
    Accounts,
    Portfolio,
    WhatIf,
    /// The rating grid: many accounts rated at once.
    Rate,
    NewAccount,
    Account(String),
    Plans,
    Plan(String, Section),
    Share,
    /// The method explained, at one of its topics (or the top).
    Method(Option<Topic>),
    NotFound,
}

/// A topic of the method page, which "Why?" links point to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    WhyKam,
    CrmVsKam,
    Managers,
    Criteria,
    Story,
    Steps,
    Swot,
    Matrix,
}

impl Topic {
    pub const ALL: [Topic; 8] = [
        Topic::WhyKam,
        Topic::CrmVsKam,
        Topic::Managers,
        Topic::Criteria,
        Topic::Story,
        Topic::Steps,
        Topic::Swot,
        Topic::Matrix,
    ];

    pub const fn slug(self) -> &'static str {
        match self {
            Topic::WhyKam => "why",
            Topic::CrmVsKam => "crm",
            Topic::Managers => "managers",
            Topic::Criteria => "criteria",
            Topic::Story => "story",
            Topic::Steps => "steps",
            Topic::Swot => "swot",
            Topic::Matrix => "matrix",
        }
    }
}

/// A view of a plan: the one-screen summary, or one of its detailed sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Summary,
    Goals,
    Deliver,
    Measure,
    Anticipate,
    Swot,
    Review,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Summary,
        Section::Goals,
        Section::Deliver,
        Section::Measure,
        Section::Anticipate,
        Section::Swot,
        Section::Review,
    ];

    pub const fn slug(self) -> &'static str {
        match self {
            Section::Summary => "",
            Section::Goals => "goals",
            Section::Deliver => "deliver",
            Section::Measure => "measure",
            Section::Anticipate => "anticipate",
            Section::Swot => "swot",
            Section::Review => "review",
        }
    }
}

impl Route {
    /// Reads `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/').trim_end_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        let id = |raw: &str| percent_decode(raw).filter(|id| !id.is_empty());
        let section = |slug: &str| Section::ALL.into_iter().find(|s| s.slug() == slug && !slug.is_empty());
        match parts.as_slice() {
            [""] => Route::Overview,
            ["accounts"] => Route::Accounts,
            ["portfolio"] => Route::Portfolio,
            ["what-if"] => Route::WhatIf,
            ["rate"] => Route::Rate,
            ["plans"] => Route::Plans,
            ["share"] => Route::Share,
            ["method"] => Route::Method(None),
            ["method", slug] => {
                Topic::ALL.into_iter().find(|t| t.slug() == *slug).map_or(Route::NotFound, |t| Route::Method(Some(t)))
            }
            ["accounts", "new"] => Route::NewAccount,
            ["accounts", raw] => id(raw).map_or(Route::NotFound, Route::Account),
            ["accounts", raw, "plan"] => id(raw).map_or(Route::NotFound, |id| Route::Plan(id, Section::Summary)),
            ["accounts", raw, "plan", slug] => match (id(raw), section(slug)) {
                (Some(id), Some(s)) => Route::Plan(id, s),
                _ => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }

    /// The `href` of this route, for links.
    pub fn href(&self) -> String {
        match self {
            Route::Overview | Route::NotFound => "#/".into(),
            Route::Accounts => "#/accounts".into(),
            Route::Portfolio => "#/portfolio".into(),
            Route::WhatIf => "#/what-if".into(),
            Route::Rate => "#/rate".into(),
            Route::NewAccount => "#/accounts/new".into(),
            Route::Account(id) => format!("#/accounts/{}", percent_encode(id)),
            Route::Plans => "#/plans".into(),
            Route::Share => "#/share".into(),
            Route::Method(None) => "#/method".into(),
            Route::Method(Some(t)) => format!("#/method/{}", t.slug()),
            Route::Plan(id, Section::Summary) => format!("#/accounts/{}/plan", percent_encode(id)),
            Route::Plan(id, s) => format!("#/accounts/{}/plan/{}", percent_encode(id), s.slug()),
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
        check("", Route::Overview);
        check("#", Route::Overview);
        check("#/", Route::Overview);
        check("#/portfolio", Route::Portfolio);
        check("#/what-if", Route::WhatIf);
        check("#/rate", Route::Rate);
        check("#/accounts", Route::Accounts);
        check("#/accounts/new", Route::NewAccount);
        check("#/accounts/a-1f2", Route::Account("a-1f2".into()));
        check("#/accounts/a-1f2/", Route::Account("a-1f2".into()));
        check("#/elsewhere", Route::NotFound);
        check("#/accounts/a/b", Route::NotFound);
        check("#/accounts/%ZZ", Route::NotFound);
        check("#/accounts/%", Route::NotFound);
        check("#/plans", Route::Plans);
        check("#/share", Route::Share);
        check("#/method", Route::Method(None));
        check("#/method/criteria", Route::Method(Some(Topic::Criteria)));
        check("#/method/nope", Route::NotFound);
        check("#/accounts/a-1/plan", Route::Plan("a-1".into(), Section::Summary));
        check("#/accounts/a-1/plan/measure", Route::Plan("a-1".into(), Section::Measure));
        check("#/accounts/a-1/plan/nope", Route::NotFound);
        check("#/accounts/a-1/plan/", Route::Plan("a-1".into(), Section::Summary));
        check("#/accounts//plan", Route::NotFound);
    }

    #[test]
    fn hrefs_round_trip_any_id() {
        for id in ["sample-01-vicom", "with space", "ünï/cødé?#", "%41"] {
            let route = Route::Account(id.into());
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(&Route::NewAccount.href()), Route::NewAccount);
        for s in Section::ALL {
            let route = Route::Plan("x y".into(), s);
            assert_eq!(Route::parse(&route.href()), route);
        }
        for route in
            [Route::Overview, Route::Accounts, Route::Portfolio, Route::WhatIf, Route::Rate, Route::Plans, Route::Share]
        {
            assert_eq!(Route::parse(&route.href()), route);
        }
        for t in Topic::ALL.map(Some).into_iter().chain([None]) {
            assert_eq!(Route::parse(&Route::Method(t).href()), Route::Method(t));
        }
    }
}
