//! Sharing through files: the versioned export envelope, and reading an imported file
//! into validated data (or an error that says where the file is wrong).
//!
//! ```json
//! { "format": "keystone-workspace", "schema": 4, "app_version": "0.1.0",
//!   "exported_at": "2026-11-27T21:58:33Z", "exported_by": "Sanne",
//!   "data": { "accounts": [...], "plans": [...], "scoring": {...}, "scoring_rev": {...}, "tombstones": [...] } }
//! ```

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;

use super::account::{Account, MAX_NAME, MAX_NOTES, MAX_SHORT_TEXT, MAX_YEARS};
use super::plan::{Plan, MAX_ITEMS};
use super::scoring::{ScoringSettings, MAX_RATING};
use super::sync::{Rev, Tombstone};
use super::workspace::{Workspace, MAX_ACCOUNTS, SCHEMA_VERSION};

pub const FORMAT: &str = "keystone-workspace";
/// Files above this are refused before parsing: 10,000 accounts with plans fit well within.
pub const MAX_FILE_BYTES: usize = 25 * 1024 * 1024;

/// What an exported file carries.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Shared {
    pub accounts: Vec<Arc<Account>>,
    pub plans: Vec<Arc<Plan>>,
    /// Present in whole-workspace exports only.
    pub scoring: Option<ScoringSettings>,
    pub scoring_rev: Rev,
    pub tombstones: Vec<Tombstone>,
    /// The catalogue of offerings; in whole-workspace exports only.
    pub offerings: Option<Vec<crate::domain::whitespace::Offering>>,
    pub offerings_rev: Rev,
    /// Plans saved as templates; in whole-workspace exports only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<crate::domain::template::OwnTemplate>,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub format: String,
    pub schema: u32,
    pub app_version: String,
    pub exported_at: String,
    pub exported_by: String,
    pub data: Shared,
}

/// Exports the whole workspace (`only` = None) or the given accounts with their plans.
/// `exported_at` is an ISO 8601 timestamp supplied by the caller (the domain has no clock).
pub fn export(ws: &Workspace, only: Option<&[String]>, exported_at: &str, app_version: &str) -> Envelope {
    let chosen = |id: &str| only.is_none_or(|ids| ids.iter().any(|x| x == id));
    let data = Shared {
        accounts: ws.accounts.iter().filter(|a| chosen(&a.id)).cloned().collect(),
        plans: ws.plans.iter().filter(|p| chosen(&p.account_id)).cloned().collect(),
        scoring: only.is_none().then_some(ws.scoring),
        scoring_rev: if only.is_none() { ws.scoring_rev.clone() } else { Rev::default() },
        tombstones: if only.is_none() { ws.tombstones.clone() } else { Vec::new() },
        offerings: only.is_none().then(|| ws.offerings.clone()),
        offerings_rev: if only.is_none() { ws.offerings_rev.clone() } else { Rev::default() },
        templates: if only.is_none() { ws.templates.clone() } else { Vec::new() },
    };
    Envelope {
        format: FORMAT.into(),
        schema: SCHEMA_VERSION,
        app_version: app_version.into(),
        exported_at: exported_at.into(),
        exported_by: ws.profile.display_name.clone(),
        data,
    }
}

/// Pretty JSON, so a colleague (or a script) can read it.
pub fn to_json(envelope: &Envelope) -> String {
    serde_json::to_string_pretty(envelope).unwrap_or_else(|_| "{}".into())
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is {bytes} bytes; files over {max} bytes are refused")]
    TooLarge { bytes: usize, max: usize },
    #[error("not valid JSON at line {line}, column {column}: {message}")]
    NotJson { line: usize, column: usize, message: String },
    #[error("this is not a Keystone export (its \"format\" is not \"{FORMAT}\")")]
    NotKeystone,
    #[error("this file comes from a newer Keystone (format version {found}; this app reads up to {supported})")]
    Newer { found: u32, supported: u32 },
    /// Something at `path` is wrong; `line` and `column` are 0 when not known.
    #[error("{path}: {message}{}", at(*line, *column))]
    Invalid { path: String, message: String, line: usize, column: usize },
}

fn at(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(" (line {line}, column {column})")
    }
}

fn invalid(path: impl Into<String>, message: impl Into<String>) -> ImportError {
    ImportError::Invalid { path: path.into(), message: message.into(), line: 0, column: 0 }
}

/// Reads an exported file: checks size, JSON syntax, envelope and version, then every
/// record. Older versions are read as they are (each version only added fields).
pub fn parse(text: &str) -> Result<Envelope, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len(), max: MAX_FILE_BYTES });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // First only the envelope's head (the rest is skipped, not built), then the typed parse:
    // one pass over a large file instead of two. The generic tree is only built to say where
    // a file that fails the typed parse is wrong.
    #[derive(Deserialize)]
    struct Head {
        format: Option<Value>,
        schema: Option<Value>,
    }
    let head: Head = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ImportError::NotKeystone,
        _ => ImportError::NotJson { line: e.line(), column: e.column(), message: type_message(&e.to_string()) },
    })?;
    if head.format.as_ref().and_then(Value::as_str) != Some(FORMAT) {
        return Err(ImportError::NotKeystone);
    }
    match head.schema.as_ref().and_then(Value::as_u64) {
        Some(v) if v > SCHEMA_VERSION as u64 => {
            return Err(ImportError::Newer { found: v.min(u32::MAX as u64) as u32, supported: SCHEMA_VERSION })
        }
        Some(_) => {}
        None => return Err(invalid("schema", "expected the format version as a whole number")),
    }
    // Typed parse from the text: its error knows line and column; `locate` finds the path.
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| ImportError::Invalid {
        path: path_at(text, e.line(), e.column()),
        message: type_message(&e.to_string()),
        line: e.line(),
        column: e.column(),
    })?;
    let n = envelope.data.accounts.len();
    if n > MAX_ACCOUNTS {
        return Err(invalid("data.accounts", format!("{n} accounts; at most {MAX_ACCOUNTS} are accepted")));
    }
    validate(&envelope.data)?;
    let mut envelope = envelope;
    let data = &mut envelope.data;
    clean_texts(data);
    super::workspace::upgrade(&mut data.accounts, &data.plans, envelope.schema);
    Ok(envelope)
}

/// serde's messages end in " at line L column C", which we report separately.
fn type_message(message: &str) -> String {
    let m = message.split(" at line ").next().unwrap_or(message);
    m.replace("expected f64", "expected a number").replace("expected i64", "expected a whole number")
}

/// The JSON path of the value at a (1-based) line and column of `text`: where serde stopped
/// reading because the value there does not fit its type. A small scanner follows objects,
/// keys and array positions up to that point, so the path is exact whatever the record's
/// required fields are.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object { key: Option<String> },
        Array { index: usize, started: bool },
    }
    let mut stack: Vec<Frame> = Vec::new();
    let (mut l, mut c) = (1usize, 0usize);
    let mut chars = text.chars().peekable();
    let mut pending_key: Option<String> = None;
    // Whether the next string in an object is a key.
    let mut expect_key = false;
    let seen_value = |stack: &mut Vec<Frame>| {
        if let Some(Frame::Array { started, .. }) = stack.last_mut() {
            *started = true;
        }
    };
    while let Some(ch) = chars.next() {
        if ch == '\n' {
            l += 1;
            c = 0;
        } else {
            c += 1;
        }
        if l > line || (l == line && c >= column) {
            break;
        }
        match ch {
            '{' => {
                seen_value(&mut stack);
                stack.push(Frame::Object { key: None });
                expect_key = true;
            }
            '[' => {
                seen_value(&mut stack);
                stack.push(Frame::Array { index: 0, started: false });
            }
            '}' | ']' => {
                stack.pop();
                expect_key = false;
            }
            ',' => match stack.last_mut() {
                Some(Frame::Object { .. }) => expect_key = true,
                Some(Frame::Array { index, .. }) => *index += 1,
                None => {}
            },
            ':' => {
                if let Some(Frame::Object { key }) = stack.last_mut() {
                    *key = pending_key.take();
                }
            }
            '"' => {
                let mut s = String::new();
                let mut escaped = false;
                for inner in chars.by_ref() {
                    if inner == '\n' {
                        l += 1;
                        c = 0;
                    } else {
                        c += 1;
                    }
                    if escaped {
                        escaped = false;
                        s.push(inner);
                    } else if inner == '\\' {
                        escaped = true;
                    } else if inner == '"' {
                        break;
                    } else {
                        s.push(inner);
                    }
                }
                if expect_key && matches!(stack.last(), Some(Frame::Object { .. })) {
                    pending_key = Some(s);
                    expect_key = false;
                } else {
                    seen_value(&mut stack);
                }
                if l > line || (l == line && c >= column) {
                    break;
                }
            }
            ch if !ch.is_whitespace() => seen_value(&mut stack),
            _ => {}
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None } => {}
            Frame::Array { index, started } => {
                if *started {
                    path.push_str(&format!("[{index}]"));
                }
            }
        }
    }
    if path.is_empty() {
        "data".into()
    } else {
        path
    }
}

/// The rules the form enforces, applied to imported records.
fn validate(data: &Shared) -> Result<(), ImportError> {
    let mut ids = std::collections::HashSet::new();
    for (i, a) in data.accounts.iter().enumerate() {
        let p = |field: &str| format!("data.accounts[{i}].{field}");
        if !super::sync::valid_id(&a.id) {
            return Err(invalid(p("id"), ID_RULE));
        }
        check_rev(&a.rev, &a.dots, &p("rev"))?;
        if !ids.insert(a.id.as_str()) {
            return Err(invalid(p("id"), format!("the id \"{}\" appears twice", a.id)));
        }
        let f = &a.fields;
        if f.name.trim().is_empty() || f.name.chars().count() > MAX_NAME {
            return Err(invalid(p("name"), format!("expected a name of 1 to {MAX_NAME} characters")));
        }
        for (field, text) in [("sector", &f.sector), ("region", &f.region), ("owner", &f.owner), ("crm_id", &f.crm_id)]
        {
            if text.chars().count() > MAX_SHORT_TEXT {
                return Err(invalid(p(field), format!("expected at most {MAX_SHORT_TEXT} characters")));
            }
        }
        if f.notes.chars().count() > MAX_NOTES {
            return Err(invalid(p("notes"), format!("expected at most {MAX_NOTES} characters")));
        }
        let range = |field: &str, v: Option<f64>, max: f64, what: &str| match v {
            Some(x) if !x.is_finite() || x < 0.0 || x > max => Err(invalid(p(field), what.to_string())),
            _ => Ok(()),
        };
        range("revenue", f.revenue, super::number::MAX_ABS, "expected a number ≥ 0")?;
        range("potential", f.potential, super::number::MAX_ABS, "expected a number ≥ 0")?;
        range("margin_pct", f.margin_pct, 100.0, "expected a number from 0 to 100")?;
        range("relationship_years", f.relationship_years, MAX_YEARS, "expected a number from 0 to 100")?;
        if f.customer_since.is_some_and(|y| !(super::account::MIN_YEAR..=super::date::MAX_YEAR).contains(&y)) {
            return Err(invalid(p("customer_since"), "expected a year"));
        }
        if a.decided.as_ref().is_some_and(|d| d.tier == super::tier::Tier::Incomplete) {
            return Err(invalid(p("decided.tier"), "expected key, watch or standard"));
        }
        if a.decided.as_ref().is_some_and(|d| d.reason.chars().count() > MAX_NOTES) {
            return Err(invalid(p("decided.reason"), format!("expected at most {MAX_NOTES} characters")));
        }
        if a.extra.len() > super::account::MAX_EXTRAS {
            return Err(invalid(p("extra"), format!("expected at most {} extra fields", super::account::MAX_EXTRAS)));
        }
        for (j, e) in a.extra.iter().enumerate() {
            let label = e.label.chars().count();
            if label == 0 || label > super::account::MAX_EXTRA_LABEL {
                return Err(invalid(p(&format!("extra[{j}].label")), "expected a label of 1 to 100 characters"));
            }
            if e.value.chars().count() > super::account::MAX_EXTRA_VALUE {
                return Err(invalid(p(&format!("extra[{j}].value")), "expected at most 1000 characters"));
            }
        }
        if a.deals.as_ref().is_some_and(|d| !d.is_valid()) {
            return Err(invalid(p("deals"), "expected amounts from 0 to 10^13 and at most 8 quarters"));
        }
        if a.parent.as_deref().is_some_and(|p| !super::sync::valid_id(p)) {
            return Err(invalid(p("parent"), "expected the id of an account"));
        }
        if let Err((at, what)) = super::whitespace::check_cells(&a.whitespace) {
            return Err(invalid(p(&format!("whitespace{at}")), what));
        }
        if let Err((at, what)) = super::stakeholder::check_map(&a.stakeholders) {
            return Err(invalid(p(&format!("stakeholders{at}")), what));
        }
        if a.removed.len() > super::sync::MAX_GONE {
            return Err(invalid(p("removed"), format!("at most {} deletions", super::sync::MAX_GONE)));
        }
        if let Some(j) =
            a.removed.iter().position(|g| !super::sync::valid_id(&g.id) || !super::sync::valid_id(&g.dot.0))
        {
            return Err(invalid(p(&format!("removed[{j}]")), "expected the id of a deleted item and who deleted it"));
        }
        if let Some((c, _)) = a.assessment.overrides.iter().find(|(_, r)| **r > MAX_RATING) {
            return Err(invalid(p(&format!("assessment.overrides.{}", c.slug())), "expected a rating from 0 to 5"));
        }
    }
    let mut planned = std::collections::HashSet::new();
    for (i, plan) in data.plans.iter().enumerate() {
        check_rev(&plan.rev, &plan.dots, &format!("data.plans[{i}].rev"))?;
        check_plan(plan, &format!("data.plans[{i}]"))?;
        if !ids.contains(plan.account_id.as_str()) {
            return Err(invalid(format!("data.plans[{i}].account_id"), "expected the id of an account in this file"));
        }
        if !planned.insert(plan.account_id.as_str()) {
            return Err(invalid(format!("data.plans[{i}].account_id"), "this account has two plans"));
        }
        for (k, kpi) in plan.kpis.iter().enumerate() {
            let values = [kpi.baseline, kpi.target].into_iter().chain(kpi.measurements.iter().map(|m| m.value));
            if values.into_iter().any(|v| !v.is_finite()) {
                return Err(invalid(format!("data.plans[{i}].kpis[{k}]"), "expected finite numbers"));
            }
        }
    }
    if data.tombstones.len() > MAX_TOMBSTONES {
        let n = data.tombstones.len();
        return Err(invalid("data.tombstones", format!("{n} deletions; at most {MAX_TOMBSTONES} are accepted")));
    }
    let mut graves = std::collections::HashSet::new();
    for (i, t) in data.tombstones.iter().enumerate() {
        if !super::sync::valid_id(&t.id) {
            return Err(invalid(format!("data.tombstones[{i}].id"), ID_RULE));
        }
        if !graves.insert((t.kind, t.id.as_str())) {
            return Err(invalid(
                format!("data.tombstones[{i}].id"),
                format!("the deletion of \"{}\" appears twice", t.id),
            ));
        }
        check_rev(&t.rev, &Default::default(), &format!("data.tombstones[{i}].rev"))?;
    }
    check_rev(&data.scoring_rev, &Default::default(), "data.scoring_rev")?;
    check_rev(&data.offerings_rev, &Default::default(), "data.offerings_rev")?;
    if let Some(Err((at, what))) = data.offerings.as_deref().map(super::whitespace::check_offerings) {
        return Err(invalid(format!("data.offerings{at}"), what));
    }
    use super::template::{MAX_NAME as MAX_TEMPLATE_NAME, MAX_OWN};
    if data.templates.len() > MAX_OWN {
        let n = data.templates.len();
        return Err(invalid("data.templates", format!("{n} templates; at most {MAX_OWN} are accepted")));
    }
    let mut names = std::collections::HashSet::new();
    for (i, t) in data.templates.iter().enumerate() {
        let at = format!("data.templates[{i}]");
        if !super::sync::valid_id(&t.id) {
            return Err(invalid(format!("{at}.id"), ID_RULE));
        }
        let n = t.name.trim().chars().count();
        if n == 0 || n > MAX_TEMPLATE_NAME || !names.insert(t.id.as_str()) {
            let rule = format!("expected a name of 1 to {MAX_TEMPLATE_NAME} characters and an id of its own");
            return Err(invalid(format!("{at}.name"), rule));
        }
        check_plan(&t.plan, &format!("{at}.plan"))?;
    }
    Ok(())
}

/// Removes bidirectional override controls from the texts people see first (names, titles,
/// notes), as the forms do: they would make a name display as another.
fn clean_texts(data: &mut Shared) {
    use super::validate::without_bidi_overrides as clean;
    let fix = |s: &mut String| {
        if let std::borrow::Cow::Owned(c) = clean(s) {
            *s = c;
        }
    };
    for a in &mut data.accounts {
        let a = Arc::make_mut(a);
        let f = &mut a.fields;
        for s in [&mut f.name, &mut f.sector, &mut f.region, &mut f.owner, &mut f.notes, &mut f.crm_id] {
            fix(s);
        }
        for e in &mut a.extra {
            fix(&mut e.label);
            fix(&mut e.value);
        }
    }
    for p in &mut data.plans {
        let p = Arc::make_mut(p);
        p.objectives.iter_mut().for_each(|o| fix(&mut o.what));
        p.actions.iter_mut().for_each(|a| fix(&mut a.title));
        p.agreements.iter_mut().for_each(|a| fix(&mut a.text));
        p.kpis.iter_mut().for_each(|k| fix(&mut k.name));
        p.needs.iter_mut().for_each(|n| fix(&mut n.need));
        p.reviews.iter_mut().for_each(|r| {
            fix(&mut r.reviewer);
            fix(&mut r.decisions);
            fix(&mut r.next_steps);
        });
        p.meetings.iter_mut().for_each(|m| fix(&mut m.attendees));
        for q in super::plan::Quadrant::ALL {
            p.swot.list_mut(q).iter_mut().for_each(fix);
        }
    }
}

/// How many deletions a file may carry: twice the accounts a workspace holds, each with a plan.
pub const MAX_TOMBSTONES: usize = 2 * MAX_ACCOUNTS;
/// Measurements one KPI may hold.
pub const MAX_MEASUREMENTS: usize = 1_000;

const ID_RULE: &str = "expected an id of 1 to 200 letters, digits, '-', '_', '.' or '~', other than \"new\"";

/// Edit counters are bounded (see `sync::MAX_COUNT`) and editor ids are ids.
fn check_rev(rev: &Rev, dots: &super::sync::Dots, path: &str) -> Result<(), ImportError> {
    for (editor, n) in &rev.0 {
        if editor.is_empty() || editor.chars().count() > super::sync::MAX_ID || *n > super::sync::MAX_COUNT {
            return Err(invalid(path, "expected edit counts below 2^53 by editors with short ids"));
        }
    }
    if dots.len() > 64
        || dots.values().any(|d| d.1 > super::sync::MAX_COUNT || d.0.chars().count() > super::sync::MAX_ID)
    {
        return Err(invalid(path.replace(".rev", ".dots"), "expected one edit mark per field"));
    }
    Ok(())
}

/// A plan's lists and texts within bounds, its items' ids unique per kind.
fn check_plan(plan: &Plan, at: &str) -> Result<(), ImportError> {
    use super::plan::MAX_FOLLOW_UPS;
    let too_many = |name: &str, n: usize, max: usize| {
        Err(invalid(format!("{at}.{name}"), format!("{n} items; at most {max} are accepted")))
    };
    let swot = &plan.swot;
    let lists: [(&str, usize); 10] = [
        ("objectives", plan.objectives.len()),
        ("actions", plan.actions.len()),
        ("agreements", plan.agreements.len()),
        ("kpis", plan.kpis.len()),
        ("meetings", plan.meetings.len()),
        ("needs", plan.needs.len()),
        ("swot.strengths", swot.strengths.len()),
        ("swot.weaknesses", swot.weaknesses.len()),
        ("swot.opportunities", swot.opportunities.len()),
        ("swot.threats", swot.threats.len()),
    ];
    if let Some((name, n)) = lists.iter().find(|(_, n)| *n > MAX_ITEMS) {
        return too_many(name, *n, MAX_ITEMS);
    }
    for (k, kpi) in plan.kpis.iter().enumerate() {
        if kpi.measurements.len() > MAX_MEASUREMENTS {
            return too_many(&format!("kpis[{k}].measurements"), kpi.measurements.len(), MAX_MEASUREMENTS);
        }
    }
    for (m, meeting) in plan.meetings.iter().enumerate() {
        if meeting.follow_ups.len() > MAX_FOLLOW_UPS {
            return too_many(&format!("meetings[{m}].follow_ups"), meeting.follow_ups.len(), MAX_FOLLOW_UPS);
        }
    }
    // Ids unique per kind: deleting or editing one item must never touch another.
    fn unique<'a>(at: &str, name: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), ImportError> {
        let mut seen = std::collections::HashSet::new();
        for (i, id) in ids.enumerate() {
            if !super::sync::valid_id(id) {
                return Err(invalid(format!("{at}.{name}[{i}].id"), ID_RULE));
            }
            if !seen.insert(id) {
                return Err(invalid(format!("{at}.{name}[{i}].id"), format!("the id \"{id}\" appears twice")));
            }
        }
        Ok(())
    }
    unique(at, "objectives", plan.objectives.iter().map(|x| x.id.as_str()))?;
    unique(at, "actions", plan.actions.iter().map(|x| x.id.as_str()))?;
    unique(at, "agreements", plan.agreements.iter().map(|x| x.id.as_str()))?;
    unique(at, "kpis", plan.kpis.iter().map(|x| x.id.as_str()))?;
    unique(at, "meetings", plan.meetings.iter().map(|x| x.id.as_str()))?;
    unique(at, "needs", plan.needs.iter().map(|x| x.id.as_str()))?;
    if plan.reviews.len() > super::reviews::MAX_REVIEWS {
        return too_many("reviews", plan.reviews.len(), super::reviews::MAX_REVIEWS);
    }
    unique(at, "reviews", plan.reviews.iter().map(|x| x.id.as_str()))?;
    for (i, r) in plan.reviews.iter().enumerate() {
        // A snapshot holds a plan's lists: the same bounds.
        let s = &r.snapshot;
        let frozen = Plan {
            objectives: s.objectives.clone(),
            actions: s.actions.clone(),
            kpis: s.kpis.clone(),
            needs: s.needs.clone(),
            ..Plan::default()
        };
        check_plan(&frozen, &format!("{at}.reviews[{i}].snapshot"))?;
        if s.health > 100 || s.score.is_some_and(|v| v > 100) {
            return Err(invalid(format!("{at}.reviews[{i}].snapshot"), "expected a score and health of 0 to 100"));
        }
    }
    // Every text as long as its form allows.
    let p = &plan.promotion;
    let mut texts: Vec<(String, &str)> =
        vec![("promotion.internal".into(), &p.internal), ("promotion.external".into(), &p.external)];
    for (i, o) in plan.objectives.iter().enumerate() {
        for (f, v) in [("what", &o.what), ("why", &o.why), ("how", &o.how), ("owner", &o.owner)] {
            texts.push((format!("objectives[{i}].{f}"), v));
        }
    }
    for (i, a) in plan.actions.iter().enumerate() {
        texts.push((format!("actions[{i}].title"), &a.title));
        texts.push((format!("actions[{i}].owner"), &a.owner));
    }
    for (i, a) in plan.agreements.iter().enumerate() {
        texts.push((format!("agreements[{i}].text"), &a.text));
    }
    for (i, k) in plan.kpis.iter().enumerate() {
        texts.push((format!("kpis[{i}].name"), &k.name));
        texts.push((format!("kpis[{i}].unit"), &k.unit));
    }
    for (i, m) in plan.meetings.iter().enumerate() {
        texts.push((format!("meetings[{i}].attendees"), &m.attendees));
        texts.push((format!("meetings[{i}].summary"), &m.summary));
        for (j, f) in m.follow_ups.iter().enumerate() {
            texts.push((format!("meetings[{i}].follow_ups[{j}].text"), &f.text));
        }
    }
    for (i, r) in plan.reviews.iter().enumerate() {
        if r.reviewer.chars().count() > MAX_NAME {
            return Err(invalid(
                format!("{at}.reviews[{i}].reviewer"),
                format!("expected at most {MAX_NAME} characters"),
            ));
        }
        for (f, v) in [("decisions", &r.decisions), ("next_steps", &r.next_steps)] {
            texts.push((format!("reviews[{i}].{f}"), v));
        }
    }
    for (i, n) in plan.needs.iter().enumerate() {
        for (f, v) in [("need", &n.need), ("heard", &n.heard), ("timeframe", &n.timeframe), ("solution", &n.solution)] {
            texts.push((format!("needs[{i}].{f}"), v));
        }
    }
    for q in super::plan::Quadrant::ALL {
        for (i, line) in swot.list(q).iter().enumerate() {
            texts.push((format!("swot.{}[{i}]", q.slug()), line));
        }
    }
    if let Some((path, _)) = texts.iter().find(|(_, v)| v.chars().count() > super::plan::MAX_TEXT) {
        let max = super::plan::MAX_TEXT;
        return Err(invalid(format!("{at}.{path}"), format!("expected at most {max} characters")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_portfolio;

    fn sample_file() -> String {
        let mut ws = sample_portfolio(1_795_737_600_000);
        ws.profile.display_name = "Sanne".into();
        to_json(&export(&ws, None, "2026-11-27T12:00:00Z", "0.1.0"))
    }

    fn check(text: &str, expected: Result<usize, &str>) {
        let got = parse(text).map(|e| e.data.accounts.len()).map_err(|e| e.to_string());
        match (got, expected) {
            (Ok(n), Ok(m)) => assert_eq!(n, m),
            (Err(e), Err(prefix)) => assert!(e.starts_with(prefix), "{e:?} does not start with {prefix:?}"),
            (got, expected) => panic!("got {got:?}, expected {expected:?}"),
        }
    }

    /// The schema shipped in public/ is generated from these types; this test fails when
    /// they drift apart. `UPDATE_SCHEMA=1 cargo test --lib schema` rewrites it.
    #[test]
    fn the_published_schema_matches_the_types() {
        let mut schema = schemars::schema_for!(Envelope);
        schema.insert("title".into(), "Keystone export".into());
        schema.insert("$id".into(), "keystone-export.schema.json".into());
        let text = serde_json::to_string_pretty(&schema).unwrap() + "\n";
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/keystone-export.schema.json");
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &text).unwrap();
        }
        let shipped = std::fs::read_to_string(path).expect("public/keystone-export.schema.json exists");
        assert_eq!(
            shipped, text,
            "public/keystone-export.schema.json is stale: run UPDATE_SCHEMA=1 cargo test --lib schema"
        );
        // The schema knows the envelope and the records, so scripts can rely on it.
        for key in ["\"format\"", "\"exported_by\"", "\"Account\"", "\"Plan\"", "\"Tombstone\"", "\"date\""] {
            assert!(text.contains(key), "{key} missing");
        }
    }

    #[test]
    fn an_export_reads_back_as_it_was() {
        let ws = sample_portfolio(1_795_737_600_000);
        let text = sample_file();
        let env = parse(&text).unwrap();
        assert_eq!((env.format.as_str(), env.schema, env.exported_by.as_str()), (FORMAT, SCHEMA_VERSION, "Sanne"));
        assert_eq!(env.data.accounts, ws.accounts);
        assert_eq!(env.data.plans, ws.plans);
        assert_eq!(env.data.scoring, Some(ws.scoring));
        // A byte-order mark (Windows editors add one) is fine.
        check(&format!("\u{feff}{text}"), Ok(12));
    }

    #[test]
    fn a_selection_carries_its_plans_but_not_the_settings() {
        let ws = sample_portfolio(0);
        let ids = vec!["sample-02-cartech".to_string(), "sample-01-vicom".to_string()];
        let env = export(&ws, Some(&ids), "t", "v");
        assert_eq!(env.data.accounts.len(), 2);
        assert_eq!(env.data.plans.len(), 1);
        assert_eq!(env.data.scoring, None);
    }

    #[test]
    fn broken_files_say_where_they_are_wrong() {
        let good = sample_file();
        check("", Err("not valid JSON at line 1, column 0"));
        check(
            "{\"format\": \"keystone-workspace\",\n \"schema\": 6,,}",
            Err("not valid JSON at line 2, column 14: key must be a string"),
        );
        check("[1, 2]", Err("this is not a Keystone export"));
        check(r#"{"format":"other","schema":1}"#, Err("this is not a Keystone export"));
        check(
            &good.replacen("\"schema\": 9", "\"schema\": 10", 1),
            Err("this file comes from a newer Keystone (format version 10"),
        );
        check(&good.replacen("\"schema\": 9", "\"schema\": \"three\"", 1), Err("schema: expected the format version"));

        // A type error names the field even through the flattened account fields.
        let bad = good.replacen("\"revenue\": 640000", "\"revenue\": \"lots\"", 1);
        check(&bad, Err("data.accounts[1].revenue: invalid type: string \"lots\", expected a number (line "));
        // Range errors are checked after parsing.
        check(
            &good.replacen("\"revenue\": 640000", "\"revenue\": -5.0", 1),
            Err("data.accounts[1].revenue: expected a number ≥ 0"),
        );
        check(
            &good.replacen("\"margin_pct\": 36", "\"margin_pct\": 360.0", 1),
            Err("data.accounts[1].margin_pct: expected a number from 0 to 100"),
        );
        check(
            &good.replacen("\"name\": \"Cartech\"", "\"name\": \"  \"", 1),
            Err("data.accounts[1].name: expected a name"),
        );
        check(
            &good.replacen("\"id\": \"sample-02-cartech\"", "\"id\": \"sample-01-vicom\"", 1),
            Err("data.accounts[1].id: the id \"sample-01-vicom\" appears twice"),
        );
        // A plan must belong to an account in the file.
        check(
            &good.replace("\"account_id\": \"sample-04-brabant\"", "\"account_id\": \"nobody\""),
            Err("data.plans[1].account_id: expected the id of an account in this file"),
        );
        // Dates inside plans are checked too.
        let bad_date = good.replacen("\"promoted_on\": \"", "\"promoted_on\": \"2026-02-30\", \"x\": \"", 1);
        assert!(parse(&bad_date)
            .unwrap_err()
            .to_string()
            .starts_with("data.plans[0].promotion.promoted_on: no such day"));
        // The error names the field that is wrong, not a neighbour (a meeting's date, here).
        let meeting = good.find("\"meetings\": [").expect("the sample has meetings");
        let date_at = meeting + good[meeting..].find("\"date\": \"").unwrap() + "\"date\": \"".len();
        let mut bad_meeting = good.clone();
        bad_meeting.replace_range(date_at..date_at + 10, "2026-02-30");
        check(&bad_meeting, Err("data.plans[0].meetings[0].date: no such day"));
        check(&"x".repeat(MAX_FILE_BYTES + 1), Err("the file is"));
    }

    #[test]
    fn absurd_sizes_and_numbers_are_refused_with_where_they_are() {
        let good = to_json(&export(&sample_portfolio(1_795_737_600_000), None, "2026-11-27T12:00:00Z", "test"));
        let cartech = "\"name\": \"Cartech\"";
        // A 10 MB name (under the 25 MB file cap, so the field check is what refuses it).
        let huge = format!("\"name\": \"{}\"", "x".repeat(10 * 1024 * 1024));
        check(&good.replacen(cartech, &huge, 1), Err("data.accounts[1].name: expected a name of 1 to 200 characters"));
        check(
            &good.replacen("\"revenue\": 640000", "\"revenue\": 1e308", 1),
            Err("data.accounts[1].revenue: expected a number ≥ 0"),
        );
        // JSON has no NaN or infinity: such files are not JSON at all.
        check(&good.replacen("\"revenue\": 640000", "\"revenue\": NaN", 1), Err("not valid JSON"));
        check(
            &good.replacen("\"revenue\": 640000", "\"revenue\": 1e999", 1),
            Err("data.accounts[1].revenue: number out of range"),
        );
        // HTML is just text: accepted as typed, and shown as text (no component sets inner HTML).
        let html = "\"name\": \"<img src=x onerror=alert(1)>\"";
        check(&good.replacen(cartech, html, 1), Ok(12));
        // A right-to-left override would make "\u{202e}gnp.exe" display as "exe.png": removed.
        let rlo = good.replacen(cartech, "\"name\": \"\\u202egnp.exe\"", 1);
        assert_eq!(parse(&rlo).unwrap().data.accounts[1].fields.name, "gnp.exe");
    }

    /// The holes an adversarial test found, each pinned.
    #[test]
    fn every_imported_collection_has_a_bound_and_ids_are_unique() {
        let ws = sample_portfolio(1_795_737_600_000);
        let file = |change: &dyn Fn(&mut Shared)| {
            let mut env = export(&ws, None, "2026-11-27T12:00:00Z", "0.1.0");
            change(&mut env.data);
            to_json(&env)
        };
        let cartech = |d: &mut Shared| d.plans.iter().position(|p| p.account_id == "sample-02-cartech").unwrap();
        // Two objectives with one id: refused, so a deletion can never take the wrong one.
        let dup = file(&|d| {
            let i = cartech(d);
            let first = d.plans[i].objectives[0].id.clone();
            std::sync::Arc::make_mut(&mut d.plans[i]).objectives[1].id = first;
        });
        check(&dup, Err("data.plans[0].objectives[1].id: the id \"sample-o1\" appears twice"));
        // 100,000 agreements, 100,000 SWOT lines, a 10,000-character objective.
        let many = file(&|d| {
            let i = cartech(d);
            std::sync::Arc::make_mut(&mut d.plans[i]).agreements = (0..100_000)
                .map(|n| crate::domain::plan::Agreement { id: format!("g{n}"), text: "x".into() })
                .collect();
        });
        check(&many, Err("data.plans[0].agreements: 100000 items; at most 500 are accepted"));
        let swot = file(&|d| {
            let i = cartech(d);
            std::sync::Arc::make_mut(&mut d.plans[i]).swot.threats = vec!["x".into(); 600];
        });
        check(&swot, Err("data.plans[0].swot.threats: 600 items"));
        // Remembered deletions of stakeholders and cells: bounded, with ids.
        let gone =
            |id: &str| crate::domain::sync::Gone { id: id.into(), dot: crate::domain::sync::Dot("ed".into(), 1) };
        let graves = file(&|d| std::sync::Arc::make_mut(&mut d.accounts[0]).removed = vec![gone("p1"); 201]);
        check(&graves, Err("data.accounts[0].removed: at most 200 deletions"));
        let bad = file(&|d| std::sync::Arc::make_mut(&mut d.accounts[0]).removed = vec![gone("p1"), gone("")]);
        check(&bad, Err("data.accounts[0].removed[1]: expected the id"));
        let fine = file(&|d| std::sync::Arc::make_mut(&mut d.accounts[0]).removed = vec![gone("p1")]);
        check(&fine, Ok(12));
        let long = file(&|d| {
            let i = cartech(d);
            std::sync::Arc::make_mut(&mut d.plans[i]).objectives[0].why = "x".repeat(10_000);
        });
        check(&long, Err("data.plans[0].objectives[0].why: expected at most 2000 characters"));
        let follow = file(&|d| {
            let i = cartech(d);
            let f = crate::domain::plan::FollowUp { text: "x".into(), action_id: None };
            std::sync::Arc::make_mut(&mut d.plans[i]).meetings[0].follow_ups = vec![f; 101];
        });
        check(&follow, Err("data.plans[0].meetings[0].follow_ups: 101 items"));
        // Reviews held: bounded, their snapshots as plans, the reviewer's name short.
        let reviews = |change: &dyn Fn(&mut Vec<crate::domain::reviews::HeldReview>)| {
            file(&|d| {
                let i = cartech(d);
                change(&mut std::sync::Arc::make_mut(&mut d.plans[i]).reviews);
            })
        };
        let copies = reviews(&|r| {
            let one = r[0].clone();
            *r = (0..101).map(|n| crate::domain::reviews::HeldReview { id: format!("r{n}"), ..one.clone() }).collect();
        });
        check(&copies, Err("data.plans[0].reviews: 101 items; at most 100 are accepted"));
        let twice = reviews(&|r| r.push(r[0].clone()));
        check(&twice, Err("data.plans[0].reviews[1].id: the id \"sample-r1\" appears twice"));
        let name = reviews(&|r| r[0].reviewer = "x".repeat(201));
        check(&name, Err("data.plans[0].reviews[0].reviewer: expected at most 200 characters"));
        let frozen = reviews(&|r| r[0].snapshot.actions[1].id = r[0].snapshot.actions[0].id.clone());
        check(&frozen, Err("data.plans[0].reviews[0].snapshot.actions[1].id"));
        // A history that is not one; own templates bounded and named.
        let history = sample_file().replacen(
            "\"id\": \"sample-02-cartech\",",
            "\"id\": \"sample-02-cartech\", \"history\": \"20786:72x\",",
            1,
        );
        check(&history, Err("data.accounts[1].history"));
        let shelf = |change: &dyn Fn(&mut Vec<crate::domain::template::OwnTemplate>)| {
            file(&|d| {
                let plan = d.plans[0].as_ref().clone();
                d.templates = vec![crate::domain::template::OwnTemplate { id: "t1".into(), name: "Mine".into(), plan }];
                change(&mut d.templates);
            })
        };
        check(&shelf(&|_| {}), Ok(12));
        check(&shelf(&|t| t[0].name = " ".into()), Err("data.templates[0].name: expected a name of 1 to 80"));
        check(
            &shelf(&|t| {
                *t = (0..21)
                    .map(|n| crate::domain::template::OwnTemplate { id: format!("t{n}"), ..t[0].clone() })
                    .collect()
            }),
            Err("data.templates: 21 templates; at most 20"),
        );
        // Tombstones: bounded, ids within the rule.
        let graves = |n: usize, id: &dyn Fn(usize) -> String| {
            file(&|d| {
                d.tombstones = (0..n)
                    .map(|k| Tombstone {
                        kind: crate::domain::sync::RecordKind::Account,
                        id: id(k),
                        rev: Rev::default(),
                        deleted_ms: 0,
                    })
                    .collect();
            })
        };
        check(&graves(2_001, &|k| format!("{k}{}", "x".repeat(5_000))), Err("data.tombstones[0].id: expected an id"));
        check(&graves(MAX_TOMBSTONES + 1, &|k| format!("t{k}")), Err("data.tombstones: 40001 deletions"));
        check(&graves(2, &|_| "same".into()), Err("data.tombstones[1].id: the deletion of \"same\" appears twice"));
        // Counters near the end of u64 would wrap on the next edit: refused.
        let huge = file(&|d| {
            std::sync::Arc::make_mut(&mut d.accounts[0]).rev.0.insert("mallory".into(), u64::MAX);
        });
        check(&huge, Err("data.accounts[0].rev: expected edit counts below 2^53"));
        // An account called `new` would be the "add account" address.
        let reserved = file(&|d| {
            let old = d.accounts[0].id.clone();
            std::sync::Arc::make_mut(&mut d.accounts[0]).id = "new".into();
            for p in d.plans.iter_mut().filter(|p| p.account_id == old) {
                std::sync::Arc::make_mut(p).account_id = "new".into();
            }
        });
        check(&reserved, Err("data.accounts[0].id: expected an id"));
        let spaced = file(&|d| std::sync::Arc::make_mut(&mut d.accounts[0]).id = "a b".into());
        check(&spaced, Err("data.accounts[0].id: expected an id"));
    }

    #[test]
    fn counters_stop_instead_of_wrapping() {
        let mut rev = Rev::default();
        rev.0.insert("me".into(), crate::domain::sync::MAX_COUNT);
        rev.bump("me");
        assert_eq!(rev.get("me"), crate::domain::sync::MAX_COUNT, "no wrap to 0");
    }

    #[test]
    fn older_versions_are_read() {
        let v2 = include_str!("../../tests/fixtures/workspace-v2.json");
        // Wrap the stored v2 workspace as a v2 export would have looked.
        let data: Value = serde_json::from_str(v2).unwrap();
        let file = serde_json::json!({
            "format": FORMAT, "schema": 2, "app_version": "0.1.0", "exported_at": "2026-11-01T00:00:00Z",
            "exported_by": "", "data": { "accounts": data["accounts"], "plans": data["plans"], "scoring": data["scoring"] }
        });
        check(&file.to_string(), Ok(12));
    }
}
