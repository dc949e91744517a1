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

use super::account::{Account, MAX_NAME, MAX_NOTES, MAX_SHORT_TEXT, MAX_YEARS};
use super::date::Date;
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
    pub accounts: Vec<Account>,
    pub plans: Vec<Plan>,
    /// Present in whole-workspace exports only.
    pub scoring: Option<ScoringSettings>,
    pub scoring_rev: Rev,
    pub tombstones: Vec<Tombstone>,
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

/// `keystone-2026-11-27.json`, or `keystone-2026-11-27-3-accounts.json` for a selection.
pub fn file_name(day: Date, selected: Option<usize>) -> String {
    match selected {
        None => format!("keystone-{day}.json"),
        Some(1) => format!("keystone-{day}-1-account.json"),
        Some(n) => format!("keystone-{day}-{n}-accounts.json"),
    }
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
        path: serde_json::from_str::<Value>(text).map_or_else(|_| "data".into(), |v| locate(&v)),
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
    super::workspace::upgrade(&mut data.accounts, &data.plans, envelope.schema);
    Ok(envelope)
}

/// serde's messages end in " at line L column C", which we report separately.
fn type_message(message: &str) -> String {
    let m = message.split(" at line ").next().unwrap_or(message);
    m.replace("expected f64", "expected a number").replace("expected i64", "expected a whole number")
}

fn fits<T: serde::de::DeserializeOwned>(v: &Value) -> bool {
    serde_json::from_str::<T>(&v.to_string()).is_ok()
}

/// Where in the file a value does not fit its type. Checks each record on its own, then
/// narrows into the failing one by re-checking ever smaller pieces of it inside a minimal
/// valid record, down to the field (or list item) that is wrong.
fn locate(file: &Value) -> String {
    for key in ["format", "app_version", "exported_at", "exported_by"] {
        if !file.get(key).is_some_and(Value::is_string) {
            return key.into();
        }
    }
    let Some(data) = file.get("data").filter(|d| d.is_object()) else { return "data".into() };
    type Check = fn(&Value) -> bool;
    let records: [(&str, Value, Check); 3] = [
        ("accounts", serde_json::json!({ "id": "x", "created_ms": 0, "updated_ms": 0 }), fits::<Account>),
        ("plans", serde_json::json!({ "account_id": "x" }), fits::<Plan>),
        ("tombstones", serde_json::json!({}), fits::<Tombstone>),
    ];
    for (list, base, ok) in records {
        let Some(items) = data.get(list) else { continue };
        let Some(items) = items.as_array() else { return format!("data.{list}") };
        for (i, item) in items.iter().enumerate() {
            if !ok(item) {
                let base = base.clone();
                let rebuild = move |v: Value| with_fields(&base, v);
                return narrow(format!("data.{list}[{i}]"), item, &rebuild, &ok);
            }
        }
    }
    for (key, ok) in [("scoring", fits::<Option<ScoringSettings>> as fn(&Value) -> bool), ("scoring_rev", fits::<Rev>)]
    {
        if data.get(key).is_some_and(|v| !ok(v)) {
            return format!("data.{key}");
        }
    }
    "data".into()
}

/// `base` with the fields of `v` (an object) on top.
fn with_fields(base: &Value, v: Value) -> Value {
    let mut out = base.clone();
    if let (Some(o), Value::Object(m)) = (out.as_object_mut(), v) {
        o.extend(m);
    }
    out
}

fn narrow(path: String, node: &Value, rebuild: &dyn Fn(Value) -> Value, ok: &dyn Fn(&Value) -> bool) -> String {
    match node {
        Value::Object(map) => {
            for (k, child) in map {
                let wrap = |v: Value| rebuild(Value::Object(std::iter::once((k.clone(), v)).collect()));
                if !ok(&wrap(child.clone())) {
                    return narrow(format!("{path}.{k}"), child, &wrap, ok);
                }
            }
            path
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let wrap = |v: Value| rebuild(Value::Array(vec![v]));
                if !ok(&wrap(child.clone())) {
                    return narrow(format!("{path}[{i}]"), child, &wrap, ok);
                }
            }
            path
        }
        _ => path,
    }
}

/// The rules the form enforces, applied to imported records.
fn validate(data: &Shared) -> Result<(), ImportError> {
    let mut ids = std::collections::HashSet::new();
    for (i, a) in data.accounts.iter().enumerate() {
        let p = |field: &str| format!("data.accounts[{i}].{field}");
        if a.id.trim().is_empty() || a.id.len() > 200 {
            return Err(invalid(p("id"), "expected a non-empty id"));
        }
        if !ids.insert(a.id.as_str()) {
            return Err(invalid(p("id"), format!("the id \"{}\" appears twice", a.id)));
        }
        let f = &a.fields;
        if f.name.trim().is_empty() || f.name.chars().count() > MAX_NAME {
            return Err(invalid(p("name"), format!("expected a name of 1 to {MAX_NAME} characters")));
        }
        for (field, text) in [("sector", &f.sector), ("region", &f.region), ("owner", &f.owner)] {
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
        if let Some((c, _)) = a.assessment.overrides.iter().find(|(_, r)| **r > MAX_RATING) {
            return Err(invalid(p(&format!("assessment.overrides.{}", c.slug())), "expected a rating from 0 to 5"));
        }
    }
    let mut planned = std::collections::HashSet::new();
    for (i, plan) in data.plans.iter().enumerate() {
        if !ids.contains(plan.account_id.as_str()) {
            return Err(invalid(format!("data.plans[{i}].account_id"), "expected the id of an account in this file"));
        }
        if !planned.insert(plan.account_id.as_str()) {
            return Err(invalid(format!("data.plans[{i}].account_id"), "this account has two plans"));
        }
        let lists = [
            ("objectives", plan.objectives.len()),
            ("actions", plan.actions.len()),
            ("kpis", plan.kpis.len()),
            ("meetings", plan.meetings.len()),
            ("needs", plan.needs.len()),
        ];
        if let Some((name, n)) = lists.iter().find(|(_, n)| *n > MAX_ITEMS) {
            return Err(invalid(
                format!("data.plans[{i}].{name}"),
                format!("{n} items; at most {MAX_ITEMS} are accepted"),
            ));
        }
        for (k, kpi) in plan.kpis.iter().enumerate() {
            let values = [kpi.baseline, kpi.target].into_iter().chain(kpi.measurements.iter().map(|m| m.value));
            if values.into_iter().any(|v| !v.is_finite()) {
                return Err(invalid(format!("data.plans[{i}].kpis[{k}]"), "expected finite numbers"));
            }
        }
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
        assert_eq!(file_name(Date::parse("2026-11-27").unwrap(), Some(2)), "keystone-2026-11-27-2-accounts.json");
        assert_eq!(file_name(Date::parse("2026-11-27").unwrap(), None), "keystone-2026-11-27.json");
    }

    #[test]
    fn broken_files_say_where_they_are_wrong() {
        let good = sample_file();
        check("", Err("not valid JSON at line 1, column 0"));
        check(
            "{\"format\": \"keystone-workspace\",\n \"schema\": 5,,}",
            Err("not valid JSON at line 2, column 14: key must be a string"),
        );
        check("[1, 2]", Err("this is not a Keystone export"));
        check(r#"{"format":"other","schema":1}"#, Err("this is not a Keystone export"));
        check(
            &good.replacen("\"schema\": 5", "\"schema\": 9", 1),
            Err("this file comes from a newer Keystone (format version 9"),
        );
        check(&good.replacen("\"schema\": 5", "\"schema\": \"three\"", 1), Err("schema: expected the format version"));

        // A type error names the field even through the flattened account fields.
        let bad = good.replacen("\"revenue\": 640000.0", "\"revenue\": \"lots\"", 1);
        check(&bad, Err("data.accounts[1].revenue: invalid type: string \"lots\", expected a number (line "));
        // Range errors are checked after parsing.
        check(
            &good.replacen("\"revenue\": 640000.0", "\"revenue\": -5.0", 1),
            Err("data.accounts[1].revenue: expected a number ≥ 0"),
        );
        check(
            &good.replacen("\"margin_pct\": 36.0", "\"margin_pct\": 360.0", 1),
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
            &good.replacen("\"revenue\": 640000.0", "\"revenue\": 1e308", 1),
            Err("data.accounts[1].revenue: expected a number ≥ 0"),
        );
        // JSON has no NaN or infinity: such files are not JSON at all.
        check(&good.replacen("\"revenue\": 640000.0", "\"revenue\": NaN", 1), Err("not valid JSON"));
        check(&good.replacen("\"revenue\": 640000.0", "\"revenue\": 1e999", 1), Err("data: number out of range"));
        // HTML is just text: accepted as typed, and shown as text (no component sets inner HTML).
        let html = "\"name\": \"<img src=x onerror=alert(1)>\"";
        check(&good.replacen(cartech, html, 1), Ok(12));
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
