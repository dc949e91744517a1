//! The import against files imitating what CRMs, registers and Excel write
//! (`tests/fixtures/csv/`, written for these tests). Each test states how many rows import,
//! what each column maps to, and what the listed values become.

use super::columns::{guess, Profile};
use super::import::{apply, check_rows, column_validity, tally, Mapping, RowOutcome, Tally};
use super::*;
use crate::domain::account::{Account, AccountFields, Stage, Status};
use crate::domain::date::Date;
use crate::domain::money::Currency;
use crate::domain::validate::{FieldError, Problem};

fn today() -> Date {
    Date::parse("2026-11-28").unwrap()
}

/// The bytes decoded as the browser would: [`TextEncoding::detect`], then a WHATWG decoder.
pub(crate) fn decode(bytes: &[u8]) -> (TextEncoding, String) {
    let enc = TextEncoding::detect(bytes);
    let decoder = encoding_rs::Encoding::for_label(enc.label().as_bytes()).unwrap();
    let (text, _, _) = decoder.decode(bytes);
    (enc, text.into_owned())
}

pub(crate) fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/csv/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

struct Loaded {
    encoding: TextEncoding,
    table: Table,
    mapping: Mapping,
    checks: Vec<import::RowCheck>,
}

fn load(name: &str, ws: &Workspace) -> Loaded {
    let (encoding, text) = decode(&fixture(name));
    let table = read_table(&text).unwrap();
    let mapping = Mapping::guess(&table, ws);
    let checks = check_rows(&table, &mapping, ws, today());
    Loaded { encoding, table, mapping, checks }
}

impl Loaded {
    /// The mapped columns as `(header, target slug)`, in file order.
    fn mapped(&self) -> Vec<(&str, &str)> {
        self.table
            .headers
            .iter()
            .zip(&self.mapping.columns)
            .filter(|(_, c)| c.target != Target::Ignore)
            // A test's few slugs, kept for its duration so they compare as plain `&str`.
            .map(|(h, c)| (h.as_str(), &*String::leak(c.target.slug())))
            .collect()
    }

    /// What each listed value of a column becomes: `(value, count, slug or "")`.
    fn values(&self, header: &str) -> Vec<(&str, usize, &str)> {
        let i = self.table.headers.iter().position(|h| h == header).unwrap();
        self.mapping.columns[i]
            .values
            .entries
            .iter()
            .map(|e| (e.value.as_str(), e.count, e.choice.as_deref().unwrap_or("")))
            .collect()
    }

    fn ready(&self) -> Vec<&AccountFields> {
        self.checks
            .iter()
            .filter_map(|c| match &c.outcome {
                RowOutcome::New(i) => Some(&i.fields),
                _ => None,
            })
            .collect()
    }

    fn tally(&self) -> Tally {
        tally(&self.checks)
    }
}

fn new_only(n: usize) -> Tally {
    Tally { new: n, ..Tally::default() }
}

#[test]
fn salesforce_account_export_with_56_columns() {
    let l = load("salesforce-accounts.csv", &Workspace::default());
    assert_eq!(
        (l.encoding, l.table.delimiter, l.table.headers.len(), l.table.rows.len()),
        (TextEncoding::Utf8, b',', 55, 24)
    );
    assert_eq!(
        l.mapped(),
        vec![
            ("Account ID", "crm_id"),
            ("Account Name", "name"),
            ("Parent Account ID", "parent"),
            ("Type", "status"),
            ("Industry", "sector"),
            ("Annual Revenue", "revenue"),
            ("Billing Country", "region"),
            ("Account Owner", "owner"),
            ("Description", "notes"),
        ]
    );
    // The Type column's values, mapped instead of refused: partners take the default.
    assert_eq!(
        l.values("Type"),
        vec![
            ("Customer - Direct", 9, "customer"),
            ("Customer - Channel", 3, "customer"),
            ("Technology Partner", 3, ""),
            ("Prospect", 3, "prospect"),
            ("Installation Partner", 3, ""),
            ("Other", 3, ""),
        ]
    );
    assert_eq!(l.tally(), new_only(24));
    let ready = l.ready();
    assert_eq!(ready[2].notes, "Framework agreement, renews \"every\" March; contact via portal");
    assert_eq!(ready[5].notes, "Multi-line note:\nline two, with comma");
    // A technology partner takes the default; a prospect is one.
    assert_eq!(
        (ready[2].status, ready[3].status, ready[0].status),
        (Status::Customer, Status::Prospect, Status::Customer)
    );
    assert_eq!(ready[0].crm_id, "001bm000000ZL8U9AAL");
    // Nine partners and others took the default and say so.
    assert_eq!(l.checks.iter().filter(|c| c.defaulted.contains(&AccountField::Status)).count(), 9);
    let status_column = l.table.headers.iter().position(|h| h == "Type").unwrap();
    assert_eq!(column_validity(&l.table, &l.mapping, &l.checks)[status_column], Some((15, 24)));
}

#[test]
fn hubspot_ids_before_names_are_ids_not_names() {
    let l = load("hubspot-companies.csv", &Workspace::default());
    assert_eq!(
        l.mapped(),
        vec![
            ("Company ID", "crm_id"),
            ("Company name", "name"),
            ("Company owner", "owner"),
            ("Industry", "sector"),
            ("Annual Revenue", "revenue"),
            ("Country/Region", "region"),
            ("Lifecycle Stage", "status"),
        ]
    );
    assert_eq!(
        l.values("Lifecycle Stage"),
        vec![
            ("customer", 8, "customer"),
            ("lead", 3, "prospect"),
            ("opportunity", 3, "prospect"),
            ("subscriber", 2, "prospect"),
            ("evangelist", 2, "customer"),
            ("other", 2, ""),
        ]
    );
    assert_eq!(l.tally(), new_only(20));
    assert!(l.ready().iter().all(|f| !f.name.starts_with("COMP-")), "named by their names, not their ids");
    assert_eq!(l.ready()[0].name, "Noorderlicht Energie");
}

#[test]
fn dynamics_guid_columns_are_not_names_and_dollars_are_noticed() {
    let l = load("dynamics365-accounts.csv", &Workspace::default());
    assert_eq!(
        l.mapped(),
        vec![
            ("Account Name", "name"),
            ("Address 1: City", "region"),
            ("Account Number", "crm_id"),
            ("Relationship Type", "status"),
            ("Industry", "sector"),
            ("Annual Revenue", "revenue"),
            ("Owner", "owner"),
        ]
    );
    assert_eq!((l.mapping.found_currency, l.mapping.currency), (Some(Currency::Usd), Currency::Usd));
    assert_eq!(l.tally(), new_only(18));
    assert_eq!(l.ready()[1].revenue, Some(1_000_000.0), "$1,000,000.00");
    assert_eq!(
        l.values("Relationship Type"),
        vec![
            ("Customer", 7, "customer"),
            ("Prospect", 3, "prospect"),
            ("Competitor", 2, ""),
            ("Partner", 2, ""),
            ("Vendor", 2, ""),
            ("Reseller", 2, ""),
        ]
    );
}

#[test]
fn pipedrive_organizations_with_labels() {
    let l = load("pipedrive-organizations.csv", &Workspace::default());
    assert_eq!(
        l.mapped(),
        vec![
            ("Organization - ID", "crm_id"),
            ("Organization - Name", "name"),
            ("Organization - Owner", "owner"),
            ("Organization - Label", "status"),
            ("Organization - Annual revenue", "revenue"),
        ]
    );
    assert_eq!(
        l.values("Organization - Label"),
        vec![
            ("Customer", 5, "customer"),
            ("Hot lead", 3, "prospect"),
            ("Cold lead", 3, "prospect"),
            ("Warm lead", 2, "prospect")
        ]
    );
    assert_eq!(l.tally(), new_only(15));
    // A row without a label is a customer, as the form's default; not "defaulted" (it had no value).
    assert_eq!(l.ready()[4].status, Status::Customer);
    assert!(l.checks[4].defaulted.is_empty());
}

#[test]
fn odoo_contacts_with_company_type_and_internal_reference() {
    let l = load("odoo-contacts.csv", &Workspace::default());
    assert_eq!(
        l.mapped(),
        vec![("Name", "name"), ("Internal Reference", "crm_id"), ("Country", "region"), ("Salesperson", "owner")]
    );
    assert_eq!(l.tally(), new_only(16));
    assert_eq!(l.ready()[0].crm_id, "C04200");
}

#[test]
fn zoho_account_types_map_and_partners_default() {
    let l = load("zoho-accounts.csv", &Workspace::default());
    assert_eq!(
        l.mapped(),
        vec![
            ("Record Id", "crm_id"),
            ("Account Name", "name"),
            ("Account Owner", "owner"),
            ("Account Type", "status"),
            ("Industry", "sector"),
            ("Annual Revenue", "revenue"),
            ("Billing Country", "region"),
        ]
    );
    let mapped: Vec<(&str, &str)> = l.values("Account Type").into_iter().map(|(v, _, s)| (v, s)).collect();
    assert_eq!(
        mapped,
        vec![
            ("Customer", "customer"),
            ("Prospect", "prospect"),
            ("Partner", ""),
            ("Competitor", ""),
            ("Reseller", ""),
            ("Analyst", ""),
            ("Investor", "")
        ]
    );
    assert_eq!(l.tally(), new_only(21));
    assert_eq!(l.ready()[0].revenue, Some(410_000.0));
}

#[test]
fn dutch_register_with_bom_semicolons_crlf_and_exponents() {
    let l = load("register-nl.csv", &Workspace::default());
    assert_eq!((l.encoding, l.table.delimiter), (TextEncoding::Utf8, b';'));
    assert_eq!(
        l.mapped(),
        vec![
            ("KvK-nummer", "crm_id"),
            ("Handelsnaam", "name"),
            ("Branche", "sector"),
            ("Provincie", "region"),
            ("Jaaromzet", "revenue"),
        ]
    );
    // "Address Status" holds N and blanks: no status, so it is not proposed and refuses nothing.
    assert_eq!(guess("Address Status"), Target::Field(AccountField::Status), "the header alone would say status");
    assert_eq!(l.tally(), new_only(12));
    let revenues: Vec<Option<f64>> = l.ready().iter().map(|f| f.revenue).take(4).collect();
    assert_eq!(revenues, vec![Some(241_392_000_000.0), Some(1_500_000.0), Some(875_000.0), Some(3_250_000.0)]);
    assert_eq!(l.checks[0].line, 2);
}

#[test]
fn windows_1252_file_with_german_headers_in_thousands() {
    let bytes = fixture("latin1-accounts.csv");
    assert!(std::str::from_utf8(&bytes).is_err(), "the fixture really is not UTF-8");
    let l = load("latin1-accounts.csv", &Workspace::default());
    assert_eq!((l.encoding, l.table.delimiter), (TextEncoding::Windows1252, b';'));
    assert_eq!(
        l.mapped(),
        vec![
            ("Firmenname", "name"),
            ("Branche", "sector"),
            ("Umsatz (Tsd. €)", "revenue"),
            ("Ort", "region"),
            ("Betreuer", "owner"),
            ("Kunde seit", "customer_since"),
            ("Bruttomarge %", "margin_pct"),
            ("Bemerkungen", "notes"),
        ]
    );
    assert_eq!(l.mapping.columns[2].scale, Scale::Thousands, "the header says thousands");
    assert_eq!(l.tally(), new_only(6));
    let r = l.ready();
    assert_eq!(
        (r[0].name.as_str(), r[0].revenue, r[0].margin_pct, r[0].customer_since),
        ("Société Générale Services", Some(1_250_000.0), Some(32.5), Some(2015))
    );
    assert_eq!(r[2].name, "Ørsted Offshore Teknik");
    assert_eq!(r[3].notes, "Zahlt pünktlich – „gute“ Beziehung");
}

#[test]
fn excel_sep_line_dutch_values_and_blank_trailing_rows() {
    let l = load("excel-sep.csv", &Workspace::default());
    assert_eq!((l.table.delimiter, l.table.declared, l.table.rows.len()), (b';', true, 10));
    assert_eq!(l.checks[0].line, 3, "the sep= line and the header come first");
    assert_eq!(
        l.mapped(),
        vec![
            ("Klant", "name"),
            ("Sector", "sector"),
            ("Omzet", "revenue"),
            ("Potentieel", "potential"),
            ("Marge", "margin_pct"),
            ("Accountmanager", "owner"),
            ("Status", "status"),
            ("Relatiefase", "stage"),
            ("Klant sinds", "customer_since"),
        ]
    );
    assert_eq!(
        l.values("Status"),
        vec![
            ("Klant", 4, "customer"),
            ("Prospect", 2, "prospect"),
            ("Oud-klant", 1, "former"),
            ("Actief", 1, "customer"),
            ("Lead", 1, "prospect"),
            ("Partner", 1, ""),
        ]
    );
    assert_eq!(l.tally(), new_only(10));
    let r = l.ready();
    assert_eq!((r[1].revenue, r[1].margin_pct, r[1].potential), (Some(2_250.07), Some(21.1), Some(150_000.0)));
    assert_eq!(
        r.iter().map(|f| f.stage).take(6).collect::<Vec<_>>(),
        vec![
            Some(Stage::Cooperative),
            Some(Stage::Basic),
            Some(Stage::Exploratory),
            Some(Stage::Interdependent),
            Some(Stage::Integrated),
            None
        ]
    );
    // Amounts up to 10,750: plausible as they are, so no hint.
    assert!(!l.mapping.looks_scaled(2));
}

#[test]
fn revenues_kept_in_thousands_are_hinted_and_scaled_on_request() {
    let table = read_table("Company,Revenue\nCartech,1.250\nVicom,830\nAtlas,4100\n").unwrap();
    let mut mapping = Mapping::guess(&table, &Workspace::default());
    assert_eq!(mapping.columns[1].scale, Scale::Units, "the header says nothing");
    assert!(mapping.looks_scaled(1), "every amount below 10,000 is a hint");
    mapping.columns[1].scale = Scale::Thousands;
    assert!(!mapping.looks_scaled(1));
    let checks = check_rows(&table, &mapping, &Workspace::default(), today());
    let revenues: Vec<Option<f64>> = checks
        .iter()
        .map(|c| match &c.outcome {
            RowOutcome::New(i) => i.fields.revenue,
            _ => None,
        })
        .collect();
    assert_eq!(revenues, vec![Some(1_250_000.0), Some(830_000.0), Some(4_100_000.0)]);
}

#[test]
fn tab_separated_with_json_and_pipes_in_quoted_text() {
    let l = load("tab-separated.tsv", &Workspace::default());
    assert_eq!(l.table.delimiter, b'\t');
    assert_eq!(
        l.mapped(),
        vec![
            ("company", "name"),
            ("revenue", "revenue"),
            ("margin", "margin_pct"),
            ("owner", "owner"),
            ("notes", "notes")
        ]
    );
    let r = l.ready();
    assert_eq!((r[1].revenue, r[1].margin_pct), (Some(1_250_000.0), Some(21.0)));
    assert_eq!(r[0].notes, "{\"source\": \"portal\", \"tier\": 0} | pipe | comma, \"quoted\"");
    assert_eq!(l.mapping.found_currency, Some(Currency::Eur));
}

#[test]
fn a_second_import_updates_by_crm_id_and_the_same_file_twice_adds_nothing() {
    let mut ws = Workspace::default();
    let first = load("zoho-accounts.csv", &ws);
    let mut n = 0;
    let done = apply(
        &mut ws,
        &first.checks,
        first.mapping.currency,
        || {
            n += 1;
            format!("a{n}")
        },
        1,
    );
    assert_eq!((done.added, done.updated, ws.accounts.len()), (21, 0, 21));
    // The same file again: every row is recognised, nothing changes.
    let again = load("zoho-accounts.csv", &ws);
    assert_eq!(again.tally(), Tally { unchanged: 21, ..Tally::default() });
    // A later export: one account renamed in the CRM, one revenue changed, one new account.
    let (_, text) = decode(&fixture("zoho-accounts.csv"));
    let text = text
        .replace("Polder Bouw", "Polder Bouwgroep")
        .replace("716000.00", "742000.00")
        + "zcrm_4876876000000999999,Nieuw Bedrijf,Sanne de Vries,Prospect,Energy,100000,5,Utrecht,Netherlands,Active,,2026-11-01 10:00:00\n";
    let table = read_table(&text).unwrap();
    let mapping = Mapping::guess(&table, &ws);
    let checks = check_rows(&table, &mapping, &ws, today());
    assert_eq!(tally(&checks), Tally { new: 1, update: 2, unchanged: 19, ..Tally::default() });
    let updated: Vec<&str> = checks
        .iter()
        .filter_map(|c| match &c.outcome {
            RowOutcome::Update { name, .. } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(updated, vec!["Polder Bouw", "Brightwave Media"], "the review names the accounts it updates");
    let before = ws.clone();
    let done = apply(&mut ws, &checks, mapping.currency, || "new".into(), 2);
    assert_eq!((done.added, done.updated, ws.accounts.len()), (1, 2, 22));
    assert!(ws.accounts.iter().any(|a| a.fields.name == "Polder Bouwgroep"));
    let ids: Vec<&str> = ws.accounts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(&ids[..21], &before.accounts.iter().map(|a| a.id.as_str()).collect::<Vec<_>>()[..], "updated in place");
}

#[test]
fn without_crm_ids_a_name_recognises_the_account_and_kept_columns_travel() {
    let mut ws = Workspace::default();
    let mut account =
        Account::new("cartech".into(), AccountFields { name: "Cartech".into(), ..AccountFields::default() }, 0);
    account.fields.revenue = Some(1.0);
    ws.add(account);
    let text = "Company,Revenue,Employees,Website\nCartech,2000000,120,cartech.example\nVicom,900000,40,\nvicom,1,1,\n";
    let table = read_table(text).unwrap();
    let mut mapping = Mapping::guess(&table, &ws);
    assert_eq!(mapping.target(2), Target::Ignore, "extra columns are opt-in");
    mapping.retarget(&table, 2, Target::Extra);
    mapping.retarget(&table, 3, Target::Extra);
    let checks = check_rows(&table, &mapping, &ws, today());
    assert_eq!(tally(&checks), Tally { new: 1, update: 1, duplicate: 1, ..Tally::default() });
    apply(&mut ws, &checks, Currency::Eur, || "vicom".into(), 5);
    let cartech = ws.find("cartech").unwrap();
    assert_eq!(cartech.fields.revenue, Some(2_000_000.0));
    assert_eq!(
        cartech.extra,
        vec![
            crate::domain::account::Extra { label: "Employees".into(), value: "120".into() },
            crate::domain::account::Extra { label: "Website".into(), value: "cartech.example".into() },
        ]
    );
    assert_eq!(ws.find("vicom").unwrap().extra.len(), 1, "an empty cell keeps no field");
    // Exported, the extra fields are columns; imported again they are proposed as extras.
    assert_eq!(extra_labels(&ws), vec!["Employees".to_string(), "Website".to_string()]);
    let again = Mapping::guess(&table, &ws);
    assert_eq!((again.target(2), again.target(3)), (Target::Extra, Target::Extra));
}

#[test]
fn rows_are_refused_only_for_what_makes_an_account_invalid() {
    let text = "Name,Revenue,Status,Customer since\n\
                Cartech,-5,Customer,2019\n\
                ,100,Customer,\n\
                Polder,veel,Weird value,2040\n\
                Atlas,1000,Weird value,2019-03-01\n";
    let table = read_table(text).unwrap();
    let mut mapping = Mapping::guess(&table, &Workspace::default());
    assert_eq!(mapping.target(2), Target::Field(AccountField::Status));
    // The user maps the odd value to former customer.
    let i = mapping.columns[2].values.entries.iter().position(|e| e.value == "Weird value").unwrap();
    mapping.columns[2].values.set(i, Some("former".into()));
    let checks = check_rows(&table, &mapping, &Workspace::default(), today());
    let outcomes: Vec<_> = checks.iter().map(|c| (c.line, c.outcome.clone())).collect();
    let err = |field, problem| FieldError { field, problem };
    assert_eq!(outcomes[0], (2, RowOutcome::Invalid(vec![err(AccountField::Revenue, Problem::Negative)])));
    assert_eq!(outcomes[1], (3, RowOutcome::Invalid(vec![err(AccountField::Name, Problem::Required)])));
    assert_eq!(
        outcomes[2],
        (
            4,
            RowOutcome::Invalid(vec![
                err(AccountField::CustomerSince, Problem::InFuture { max: 2026 }),
                err(AccountField::Revenue, Problem::NotANumber)
            ])
        )
    );
    match &outcomes[3].1 {
        RowOutcome::New(i) => assert_eq!((i.fields.status, i.fields.customer_since), (Status::Former, Some(2019))),
        other => panic!("{other:?}"),
    }
}

#[test]
fn separators_are_found_and_can_be_changed() {
    assert_eq!(read_table("a;b;c\n1;2;3\n").unwrap().delimiter, b';');
    assert_eq!(read_table("a|b|c\n1|2|3\n").unwrap().delimiter, b'|');
    assert_eq!(read_table("a\tb\n1,5\t2,5\n").unwrap().delimiter, b'\t');
    // Commas inside quotes do not count; the semicolons split every line.
    assert_eq!(read_table("\"a, b, c\";d\n\"1, 2\";3\n").unwrap().delimiter, b';');
    // One column: nothing splits, comma is assumed.
    assert_eq!(read_table("name\nCartech\n").unwrap().delimiter, b',');
    let forced = read_table_as("a;b,c\n1;2,3\n", Some(b',')).unwrap();
    assert_eq!((forced.delimiter, forced.headers.len()), (b',', 2));
    assert_eq!(read_table("sep=|\na|b\n1|2\n").unwrap().headers, vec!["a", "b"]);
}

#[test]
fn encodings_are_told_apart() {
    let check = |bytes: &[u8], expected: TextEncoding| assert_eq!(TextEncoding::detect(bytes), expected, "{bytes:?}");
    check(b"\xef\xbb\xbfName\n", TextEncoding::Utf8);
    check("Société".as_bytes(), TextEncoding::Utf8);
    check(b"Soci\xe9t\xe9", TextEncoding::Windows1252);
    check(b"\xff\xfeN\x00a\x00", TextEncoding::Utf16Le);
    check(b"\xfe\xff\x00N\x00a", TextEncoding::Utf16Be);
    check(b"N\x00a\x00m\x00e\x00", TextEncoding::Utf16Le);
    check(b"", TextEncoding::Utf8);
    // A multi-byte character cut off at the end is still UTF-8.
    check(&"Café".as_bytes()[..4], TextEncoding::Utf8);
    let utf16: Vec<u8> = "\u{feff}Naam;Omzet\r\nCafé;1\r\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let (enc, text) = decode(&utf16);
    assert_eq!(enc, TextEncoding::Utf16Le);
    assert_eq!(read_table(&text).unwrap().rows[0].1[0], "Café");
}

#[test]
fn profiles_tell_names_from_identifiers() {
    for id in [
        "001bm00001ZL8U9AAL",
        "COMP-5880f9ce-0001",
        "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "12345678",
        "zcrm_4876876000000417001",
    ] {
        assert!(columns::is_id_like(id), "{id}");
    }
    for name in ["Cartech", "3M", "Vicom Telecom", "Bol.com", "7-Eleven", "A1 Telekom", "Société Générale"] {
        assert!(!columns::is_id_like(name), "{name}");
    }
    let table = read_table("Name,Code\nCOMP-1234-a,x\nCOMP-5678-b,y\n").unwrap();
    assert!(!Profile::of(&table, 0).fits(AccountField::Name));
}

#[test]
fn headers_in_three_languages_and_scales_in_headers() {
    let check = |h: &str, t: Target| assert_eq!(guess(h), t, "{h}");
    check("Brutomarge %", Target::Field(AccountField::Margin));
    check("Jaaromzet", Target::Field(AccountField::Revenue));
    check("Umsatz", Target::Field(AccountField::Revenue));
    check("Branche", Target::Field(AccountField::Sector));
    check("Kunde seit", Target::Field(AccountField::CustomerSince));
    check("Revenue potential", Target::Field(AccountField::Potential));
    check("AccountId", Target::Field(AccountField::CrmId));
    check("Parent Account ID", Target::Ignore);
    check("Owner ID", Target::Ignore);
    check("Employees", Target::Ignore);
    for (h, s) in [
        ("Revenue (k€)", Scale::Thousands),
        ("Omzet x 1.000", Scale::Thousands),
        ("Umsatz in Mio", Scale::Millions),
        ("Revenue (m)", Scale::Millions),
        ("Annual revenue", Scale::Units),
        ("Revenue '000", Scale::Thousands),
    ] {
        assert_eq!(Scale::from_header(h), s, "{h}");
    }
}

#[test]
fn malformed_and_hostile_files_are_refused_not_panicked_on() {
    assert_eq!(read_table(""), Err(CsvError::Empty));
    assert_eq!(read_table("\u{feff}  \n"), Err(CsvError::Empty));
    assert_eq!(read_table(&"x".repeat(MAX_CSV_BYTES + 1)), Err(CsvError::TooLarge(MAX_CSV_BYTES + 1)));
    let ragged = read_table("a,b\n1\n1,2,3\n").unwrap();
    assert_eq!(ragged.rows.len(), 2, "ragged rows are read; missing cells are empty");
    let mapping = Mapping::with_targets(
        &ragged,
        &[Target::Field(AccountField::Name), Target::Field(AccountField::Revenue)],
        Currency::Eur,
    );
    let checks = check_rows(&ragged, &mapping, &Workspace::default(), today());
    assert!(matches!(checks[0].outcome, RowOutcome::New(_)));
    // Unterminated quotes swallow the rest of the file as one field; still no panic.
    assert!(read_table("name\n\"open").is_ok());
    let many = format!("name\n{}", "x\n".repeat(MAX_ROWS + 1));
    assert_eq!(read_table(&many), Err(CsvError::TooManyRows));
}

#[test]
fn cells_a_spreadsheet_would_run_are_written_as_text() {
    let rows = vec![vec![
        "=HYPERLINK(\"http://evil\",\"x\")".to_string(),
        "+cmd|' /C calc'!A0".into(),
        "-2+3".into(),
        "@SUM(A1)".into(),
        "\tTab".into(),
        "-5".into(),
        "Plain".into(),
    ]];
    let out = write_csv(&["a", "b", "c", "d", "e", "f", "g"], &rows, ',');
    let line = out.lines().nth(1).unwrap();
    assert_eq!(
        line,
        "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'+cmd|' /C calc'!A0,'-2+3,'@SUM(A1),'\tTab,-5,Plain"
    );
    // Read back, the text is what was written, marked as text.
    let back = read_table(&out).unwrap();
    assert_eq!(back.rows[0].1[0], "'=HYPERLINK(\"http://evil\",\"x\")");
}

#[test]
fn exports_that_excel_opens() {
    let rows = vec![
        vec!["1".into(), "Globex; \"the\" company".into(), csv_number(1234.5, ';')],
        vec!["2".into(), "Line\nbreak".into(), csv_number(7.0, ';')],
    ];
    let out = write_csv(&["Rank", "Account", "Revenue"], &rows, ';');
    assert_eq!(
        out,
        "\u{feff}Rank;Account;Revenue\r\n1;\"Globex; \"\"the\"\" company\";1234,5\r\n2;\"Line\nbreak\";7\r\n"
    );
    // What we write, we read back.
    let back = read_table(&out).unwrap();
    assert_eq!(back.rows[0].1[1], "Globex; \"the\" company");
    assert_eq!(csv_number(1234.5, ','), "1234.5");
}

/// The ranked list exported with English-like headers: tagged ones for ratings and answers.
fn export_sample(ws: &Workspace) -> String {
    use crate::domain::scoring::rank;
    let ranking = rank(&ws.accounts, &ws.scoring);
    let words = |w: Word| match w {
        Word::Status(s) => s.slug().to_string(),
        Word::Stage(s) => s.slug().to_string(),
        Word::Tier(t) => t.slug().to_string(),
        Word::Answer(yes) => if yes { "Yes" } else { "No" }.to_string(),
    };
    let headers: Vec<String> = ExportColumn::all()
        .map(|c| match c {
            ExportColumn::Rank => "Rank".to_string(),
            ExportColumn::Field(AccountField::Name) => "Account name".to_string(),
            ExportColumn::Field(f) => f.key().to_string(),
            ExportColumn::RevenueRank => "Revenue rank".to_string(),
            ExportColumn::Score => "Score".to_string(),
            ExportColumn::Tier => "Tier".to_string(),
            ExportColumn::Rating(c) => Target::Rating(c).tagged_header("Rating"),
            ExportColumn::Answer(q) => Target::Answer(q).tagged_header("Answer"),
        })
        .collect();
    let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
    write_csv(&headers, &export_rows(ws, &ranking, &[], ',', &words), ',')
}

#[test]
fn ratings_and_answers_travel_in_the_ranked_export_and_come_back_unchanged() {
    use crate::domain::criteria::{Criterion, Question};
    let mut ws = crate::domain::sample::sample_portfolio(0);
    let cartech = ws.accounts.iter().position(|a| a.fields.name == "Cartech").unwrap();
    let id = ws.accounts[cartech].id.clone();
    ws.set_override(&id, Criterion::StrategicValue, Some(5), 1);
    ws.set_answer(&id, Question::FitNeeds, Some(false), 1);
    let text = export_sample(&ws);

    // Read back into the same workspace: the tags are recognised, nothing changes.
    let table = read_table(&text).unwrap();
    let mapping = Mapping::guess(&table, &ws);
    let header = |t: Target| table.headers.iter().position(|h| Target::tagged(h) == Some(t)).unwrap();
    assert_eq!(
        mapping.target(header(Target::Rating(Criterion::StrategicValue))),
        Target::Rating(Criterion::StrategicValue)
    );
    assert_eq!(mapping.target(header(Target::Answer(Question::FitNeeds))), Target::Answer(Question::FitNeeds));
    let checks = check_rows(&table, &mapping, &ws, today());
    let t = tally(&checks);
    assert_eq!((t.unchanged, t.update, t.new, t.invalid), (ws.accounts.len(), 0, 0, 0), "a round trip changes nothing");
    let validity = column_validity(&table, &mapping, &checks);
    assert_eq!(validity[header(Target::Rating(Criterion::StrategicValue))].map(|(v, n)| v == n), Some(true));

    // Rated in the spreadsheet: the figures a colleague typed come in as the user's ratings.
    let mut rated = ws.clone();
    let before = rated.accounts[cartech].assessment.clone();
    std::sync::Arc::make_mut(&mut rated.accounts[cartech]).assessment = Default::default();
    let checks = check_rows(&table, &mapping, &rated, today());
    assert_eq!(tally(&checks).update, 1);
    apply(&mut rated, &checks, Currency::Eur, || "new".into(), 2);
    assert_eq!(rated.accounts[cartech].assessment, before);
}

#[test]
fn rating_and_answer_cells_read_loosely_and_never_refuse_a_row() {
    use super::values::{rating, yes_no};
    use crate::domain::criteria::{Criterion, Question};
    for (cell, expected) in [
        ("4", Some(4)),
        ("4.0", Some(4)),
        ("4,0", Some(4)),
        ("0", Some(0)),
        ("5", Some(5)),
        ("6", None),
        ("3.5", None),
        ("-1", None),
        ("four", None),
        ("", None),
    ] {
        assert_eq!(rating(cell), expected, "{cell:?}");
    }
    for (cell, expected) in [
        ("yes", Some(true)),
        ("Ja", Some(true)),
        ("x", Some(true)),
        ("1", Some(true)),
        ("TRUE", Some(true)),
        ("j", Some(true)),
        ("nee", Some(false)),
        ("No", Some(false)),
        ("0", Some(false)),
        ("false", Some(false)),
        ("maybe", None),
        ("", None),
    ] {
        assert_eq!(yes_no(cell), expected, "{cell:?}");
    }
    // A file rated in Excel by hand, with Dutch answers and one rating out of range.
    let text =
        "Naam,Productfit [rating:product_fit],Strategisch [rating:strategic_value],Profiel [answer:fit_profile]\n\
                Alfa BV,4,2,ja\nBeta BV,9,3,nee\nGamma BV,,1,misschien\n";
    let table = read_table(text).unwrap();
    let ws = Workspace::default();
    let mapping = Mapping::guess(&table, &ws);
    let checks = check_rows(&table, &mapping, &ws, today());
    assert_eq!(tally(&checks).new, 3, "no row is refused for a rating or an answer");
    let validity = column_validity(&table, &mapping, &checks);
    assert_eq!(validity[1], Some((1, 2)), "9 is no rating");
    assert_eq!(validity[3], Some((2, 3)), "misschien is no answer");
    let mut ws = ws;
    let mut n = 0;
    apply(
        &mut ws,
        &checks,
        Currency::Eur,
        || {
            n += 1;
            format!("a{n}")
        },
        1,
    );
    let get = |name: &str| ws.accounts.iter().find(|a| a.fields.name == name).unwrap().assessment.clone();
    assert_eq!(get("Alfa BV").overrides.get(&Criterion::ProductFit), Some(&4));
    assert_eq!(get("Alfa BV").answer(Question::FitProfile), Some(true));
    assert_eq!(get("Beta BV").overrides.get(&Criterion::ProductFit), None);
    assert_eq!(get("Beta BV").overrides.get(&Criterion::StrategicValue), Some(&3));
    assert_eq!(get("Gamma BV").answer(Question::FitProfile), None);
}

/// A CRM export with a parent column: by CRM id or by name, parents before or after their
/// subsidiaries, a parent outside the file, and a circle the file itself draws.
#[test]
fn parent_columns_put_accounts_in_groups() {
    let csv = "Account ID,Account Name,Parent Account ID,Annual Revenue\n\
               S-1,Vicom NL,H-1,2000000\n\
               H-1,Vicom Holding,,100000\n\
               S-2,Vicom BE,Vicom Holding,400000\n\
               S-3,Vicom Services,S-1,60000\n\
               X-1,Orphan BV,Z-9,10\n\
               C-1,Loop A,C-2,1\n\
               C-2,Loop B,C-1,1\n";
    let table = read_table(csv).unwrap();
    let mut ws = Workspace::default();
    let mapping = Mapping::guess(&table, &ws);
    assert_eq!(mapping.target(2), Target::Parent, "Salesforce's header");
    let checks = check_rows(&table, &mapping, &ws, today());
    let mut n = 0;
    let done = apply(
        &mut ws,
        &checks,
        Currency::Eur,
        || {
            n += 1;
            format!("a{n}")
        },
        2,
    );
    // Four linked; the parent outside the file is not found, and the second half of the
    // loop is refused (a group cannot contain itself).
    assert_eq!((done.added, done.linked, done.unlinked), (7, 4, 2));
    let parent_of = |name: &str| {
        let a = ws.accounts.iter().find(|a| a.fields.name == name).unwrap();
        a.parent.as_ref().map(|p| ws.find(p).unwrap().fields.name.clone())
    };
    assert_eq!(parent_of("Vicom NL").as_deref(), Some("Vicom Holding"), "a parent later in the file");
    assert_eq!(parent_of("Vicom BE").as_deref(), Some("Vicom Holding"), "by name");
    assert_eq!(parent_of("Vicom Services").as_deref(), Some("Vicom NL"));
    assert_eq!(parent_of("Orphan BV"), None);
    assert_eq!((parent_of("Loop A").as_deref(), parent_of("Loop B")), (Some("Loop B"), None));
    let holding = ws.accounts.iter().position(|a| a.fields.name == "Vicom Holding").unwrap();
    let group = crate::domain::groups::group_of(&ws.accounts, &ws.offerings, holding).unwrap();
    assert_eq!((group.members.len(), group.revenue), (3, 2_560_000.0));
    // The same file again changes nothing but tries the refused half of the loop once more.
    let again = tally(&check_rows(&table, &mapping, &ws, today()));
    assert_eq!((again.unchanged, again.update), (6, 1), "{again:?}");
}
