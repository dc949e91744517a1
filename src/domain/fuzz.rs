//! Property-based fuzzing of everything that reads outside input: exported files, stored
//! workspaces, spreadsheets and typed numbers. Inputs are random text and, more usefully,
//! valid files with random damage (cut, spliced, bytes flipped), which reach deep into the
//! parsers instead of failing at the first character.
//!
//! `make test` runs 256 cases per property (proptest's default). The long run:
//! `PROPTEST_CASES=1000000 cargo test --release --lib fuzz` (about 10 minutes here; 20,000 cases take 13 s).
//! Properties: nothing panics; what is accepted survives a round trip; numbers stay finite
//! and bounded. Memory is bounded by the size caps checked before parsing (tested where
//! they are defined).

use proptest::prelude::*;

use super::deals::{self, match_deals, read_deals, DealMapping};
use super::merge::{apply, review};
use super::number::{parse_number, MAX_ABS};
use super::sample::sample_portfolio;
use super::share::{export, parse, to_json};
use super::spreadsheet::import::{self, check_rows, Mapping};
use super::spreadsheet::tests::{decode as decode_bytes, fixture};
use super::spreadsheet::{read_table, write_csv};
use super::workspace::{decode, encode};

/// One piece of damage to a text, at a position given as a fraction of its length.
#[derive(Clone, Debug)]
enum Damage {
    Cut { at: usize, len: usize },
    Insert { at: usize, text: String },
    Truncate { at: usize },
    Duplicate { at: usize, len: usize },
}

fn damage() -> impl Strategy<Value = Damage> {
    // Characters that matter to JSON and CSV, plus some that matter to neither.
    let junk = "[\\[\\]{}\":,;\n\r0-9eE.\\-+a-z \\\\\u{0}\u{feff}é€]{0,12}";
    prop_oneof![
        (any::<usize>(), 1..64usize).prop_map(|(at, len)| Damage::Cut { at, len }),
        (any::<usize>(), junk).prop_map(|(at, text)| Damage::Insert { at, text }),
        any::<usize>().prop_map(|at| Damage::Truncate { at }),
        (any::<usize>(), 1..256usize).prop_map(|(at, len)| Damage::Duplicate { at, len }),
    ]
}

/// `text` with the damage applied, character-wise (so the result stays valid UTF-8).
fn damaged(text: &str, damage: &[Damage]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for d in damage {
        let n = chars.len().max(1);
        match d {
            Damage::Cut { at, len } => {
                let at = at % n;
                let end = (at + len).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            Damage::Insert { at, text } => {
                let at = at % (chars.len() + 1);
                chars.splice(at..at, text.chars());
            }
            Damage::Truncate { at } => chars.truncate(at % n),
            Damage::Duplicate { at, len } => {
                let at = at % n;
                let end = (at + len).min(chars.len());
                let piece: Vec<char> = chars.get(at..end).unwrap_or_default().to_vec();
                chars.splice(at..at, piece);
            }
        }
    }
    chars.into_iter().collect()
}

fn exported_sample() -> String {
    to_json(&export(&sample_portfolio(1_795_737_600_000), None, "2026-11-27T12:00:00Z", "fuzz"))
}

fn sample_csv() -> String {
    let ws = sample_portfolio(1_795_737_600_000);
    let rows: Vec<Vec<String>> = ws
        .accounts
        .iter()
        .map(|a| {
            let f = &a.fields;
            vec![f.name.clone(), f.sector.clone(), f.revenue.map(|r| r.to_string()).unwrap_or_default()]
        })
        .collect();
    write_csv(&["Naam", "Sector", "Omzet"], &rows, ';')
}

/// Everything an accepted import goes through: review against my workspace, apply, store.
fn import_all_the_way(text: &str) {
    if let Ok(envelope) = parse(text) {
        let again = parse(&to_json(&envelope)).expect("an accepted file survives export and import");
        assert_eq!(again.data, envelope.data);
        let mine = sample_portfolio(1_795_737_600_000);
        let items = review(&mine, &envelope.data);
        let merged = apply(&mine, &envelope.data, &items);
        assert_eq!(decode(&encode(&merged)).expect("a merged workspace can be stored"), merged);
    }
}

/// Everything a CSV goes through: read, map (value maps included), check and apply as
/// accounts — and as deals — and the result stored and read back.
fn csv_all_the_way(text: &str) {
    if let Ok(table) = read_table(text) {
        let today = super::date::Date::parse("2026-11-28").unwrap_or(super::date::Date::from_unix_ms(0));
        let mut ws = sample_portfolio(1_795_737_600_000);
        let mapping = Mapping::guess(&table, &ws);
        let checks = check_rows(&table, &mapping, &ws, today);
        assert_eq!(checks.len(), table.rows.len());
        let mut n = 0;
        import::apply(
            &mut ws,
            &checks,
            mapping.currency,
            || {
                n += 1;
                format!("imported-{n}")
            },
            1,
        );
        let deal_mapping = DealMapping::guess(&table);
        let (found, refused) = read_deals(&table, &deal_mapping);
        assert_eq!(found.len() + refused.len(), table.rows.len());
        let matched = match_deals(&found, refused, &ws, today);
        assert!(matched.summaries.iter().all(|(_, _, s)| s.is_valid()));
        deals::apply(&mut ws, &matched, true, 2);
        assert_eq!(decode(&encode(&ws)).expect("an imported workspace can be stored"), ws);
    }
}

/// Bytes decoded as the app decodes a chosen file, then imported.
fn bytes_all_the_way(bytes: &[u8]) {
    let (_, text) = decode_bytes(bytes);
    csv_all_the_way(&text);
}

/// A structural attack on an export: what a hand-made hostile file does.
#[derive(Clone, Debug)]
enum Hostile {
    /// Gives the nth objective the id of the first.
    DuplicateObjective(usize),
    /// Sets an edit counter.
    Counter(u64),
    Agreements(usize),
    SwotLines(usize),
    FollowUps(usize),
    /// A deletion with an id this long.
    TombstoneId(usize),
    Tombstones(usize),
}

fn hostile() -> impl Strategy<Value = Hostile> {
    prop_oneof![
        (1..4usize).prop_map(Hostile::DuplicateObjective),
        prop_oneof![Just(u64::MAX), Just(super::sync::MAX_COUNT), Just(super::sync::MAX_COUNT + 1), any::<u64>()]
            .prop_map(Hostile::Counter),
        prop_oneof![Just(500usize), Just(501), 0..2_000usize].prop_map(Hostile::Agreements),
        prop_oneof![Just(500usize), Just(501), 0..1_000usize].prop_map(Hostile::SwotLines),
        (0..300usize).prop_map(Hostile::FollowUps),
        prop_oneof![Just(0usize), Just(200), Just(201), 0..6_000usize].prop_map(Hostile::TombstoneId),
        prop_oneof![Just(0usize), Just(super::share::MAX_TOMBSTONES + 1), 0..100usize].prop_map(Hostile::Tombstones),
    ]
}

fn attacked(attacks: &[Hostile]) -> String {
    use super::plan::{Agreement, FollowUp};
    use super::sync::{RecordKind, Tombstone};
    let mut env = export(&sample_portfolio(1_795_737_600_000), None, "2026-11-27T12:00:00Z", "fuzz");
    let d = &mut env.data;
    for a in attacks {
        let plan = std::sync::Arc::make_mut(&mut d.plans[0]);
        match a {
            Hostile::DuplicateObjective(n) => {
                if let (Some(first), true) = (plan.objectives.first().map(|o| o.id.clone()), *n < plan.objectives.len())
                {
                    plan.objectives[*n].id = first;
                }
            }
            Hostile::Counter(c) => {
                std::sync::Arc::make_mut(&mut d.accounts[0]).rev.0.insert("mallory".into(), *c);
            }
            Hostile::Agreements(n) => {
                plan.agreements = (0..*n).map(|i| Agreement { id: format!("g{i}"), text: "x".into() }).collect();
            }
            Hostile::SwotLines(n) => plan.swot.threats = vec!["x".into(); *n],
            Hostile::FollowUps(n) => {
                if let Some(m) = plan.meetings.first_mut() {
                    m.follow_ups = vec![FollowUp { text: "x".into(), action_id: None }; *n];
                }
            }
            Hostile::TombstoneId(len) => d.tombstones.push(Tombstone {
                kind: RecordKind::Account,
                id: "x".repeat(*len),
                rev: Default::default(),
                deleted_ms: 0,
            }),
            Hostile::Tombstones(n) => {
                d.tombstones = (0..*n)
                    .map(|i| Tombstone {
                        kind: RecordKind::Account,
                        id: format!("t{i}"),
                        rev: Default::default(),
                        deleted_ms: 0,
                    })
                    .collect()
            }
        }
    }
    to_json(&env)
}

proptest! {
    // Each case builds and parses a whole export (some with 40,000 deletions): fewer cases
    // keep `make test` quick; the long run (`PROPTEST_CASES`) raises them with the rest.
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48)))]

    /// A hostile file is refused, or what is accepted keeps every bound: ids unique per kind,
    /// counters that cannot wrap, lists and ids within their limits.
    #[test]
    fn hostile_structures_are_refused_or_kept_within_bounds(attacks in prop::collection::vec(hostile(), 1..4)) {
        let text = attacked(&attacks);
        if let Ok(env) = parse(&text) {
            let d = &env.data;
            for p in &d.plans {
                let mut ids = std::collections::HashSet::new();
                prop_assert!(p.objectives.iter().all(|o| ids.insert(o.id.clone())), "duplicate objective ids accepted");
                prop_assert!(p.agreements.len() <= super::plan::MAX_ITEMS && p.swot.threats.len() <= super::plan::MAX_ITEMS);
                prop_assert!(p.meetings.iter().all(|m| m.follow_ups.len() <= super::plan::MAX_FOLLOW_UPS));
            }
            prop_assert!(d.accounts.iter().all(|a| a.rev.0.values().all(|n| *n <= super::sync::MAX_COUNT)));
            prop_assert!(d.tombstones.len() <= super::share::MAX_TOMBSTONES);
            prop_assert!(d.tombstones.iter().all(|t| super::sync::valid_id(&t.id)));
        }
        import_all_the_way(&text);
    }
}

proptest! {
    #[test]
    fn any_text_is_refused_or_imported_without_panic(text in any::<String>()) {
        import_all_the_way(&text);
        let _ = decode(&text);
        csv_all_the_way(&text);
    }

    #[test]
    fn a_damaged_export_is_refused_or_imported_without_panic(d in prop::collection::vec(damage(), 1..5)) {
        import_all_the_way(&damaged(&exported_sample(), &d));
    }

    #[test]
    fn a_damaged_stored_workspace_is_refused_or_read_without_panic(d in prop::collection::vec(damage(), 1..5)) {
        let text = damaged(&encode(&sample_portfolio(1_795_737_600_000)), &d);
        if let Ok(ws) = decode(&text) {
            prop_assert_eq!(decode(&encode(&ws)).expect("what was read can be stored again"), ws);
        }
    }

    #[test]
    fn a_damaged_spreadsheet_is_refused_or_checked_without_panic(d in prop::collection::vec(damage(), 1..5)) {
        csv_all_the_way(&damaged(&sample_csv(), &d));
    }

    #[test]
    fn damaged_crm_exports_in_any_encoding_are_refused_or_imported_without_panic(
        file in prop::sample::select(&["salesforce-accounts.csv", "register-nl.csv", "latin1-accounts.csv", "excel-sep.csv", "deals-nl.csv", "deals-pipedrive.csv"][..]),
        cut in any::<usize>(),
        flips in prop::collection::vec((any::<usize>(), any::<u8>()), 0..6),
    ) {
        let mut bytes = fixture(file);
        for (at, b) in flips {
            let len = bytes.len().max(1);
            if let Some(x) = bytes.get_mut(at % len) {
                *x = b;
            }
        }
        bytes.truncate(cut % (bytes.len() + 1) + bytes.len() / 2);
        bytes_all_the_way(&bytes);
    }

    #[test]
    fn any_bytes_are_decoded_and_read_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        bytes_all_the_way(&bytes);
    }

    #[test]
    fn typed_numbers_are_finite_and_bounded(text in "[0-9.,eE+\\- \u{a0}€%a-z]{0,24}") {
        if let Ok(v) = parse_number(&text) {
            prop_assert!(v.is_finite() && v.abs() <= MAX_ABS, "{text:?} gave {v}");
        }
    }
}
