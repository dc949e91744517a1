//! Spreadsheets: importing accounts from a CSV (a CRM or Excel export) through a column
//! mapping and a preview, and exporting the ranked list as a CSV that Excel opens well.
//!
//! Reading handles a UTF-8 byte-order mark, quoted fields, `,` or `;` as separator (Dutch
//! Excel writes `;` with decimal commas such as `1.234,56`, which the number parser reads).
//! Every row is validated exactly like the account form; rows with problems are reported
//! with their line number and can be skipped.

use std::collections::HashSet;

use super::account::{AccountDraft, AccountField, AccountFields, Stage, Status};
use super::date::Date;
use super::scoring::{Ranked, Tier};
use super::validate::{FieldError, FieldSet, Form};
use super::workspace::Workspace;

/// Files over this are refused before reading.
pub const MAX_CSV_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_ROWS: usize = 50_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    /// Data rows, each with the line it started on (1 = the header line).
    pub rows: Vec<(usize, Vec<String>)>,
    pub delimiter: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("the file is {0} bytes; files over {MAX_CSV_BYTES} bytes are refused")]
    TooLarge(usize),
    #[error("the file is empty")]
    Empty,
    #[error("the file has more than {MAX_ROWS} rows")]
    TooManyRows,
    #[error("line {line}: {message}")]
    Malformed { line: usize, message: String },
}

/// `;` when the header line has more semicolons than commas (outside quotes), else `,`.
fn sniff(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    let (mut quoted, mut commas, mut semis) = (false, 0, 0);
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semis += 1,
            _ => {}
        }
    }
    if semis > commas {
        b';'
    } else {
        b','
    }
}

pub fn read_table(text: &str) -> Result<Table, CsvError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(CsvError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CsvError::Empty);
    }
    let delimiter = sniff(text);
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(true).from_reader(text.as_bytes());
    let line_at =
        |byte: u64| text.as_bytes()[..(byte as usize).min(text.len())].iter().filter(|b| **b == b'\n').count() + 1;
    let malformed = |e: csv::Error| CsvError::Malformed {
        line: e.position().map_or(0, |p| line_at(p.byte())),
        message: match e.kind() {
            csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".into(),
            _ => e.to_string(),
        },
    };
    let headers: Vec<String> = reader.headers().map_err(malformed)?.iter().map(|h| h.trim().to_string()).collect();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // Lines are counted incrementally: rescanning from the start would be quadratic.
    let (mut counted_to, mut line) = (0usize, 1usize);
    loop {
        let before = reader.position().byte();
        if !reader.read_record(&mut record).map_err(malformed)? {
            break;
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if rows.len() >= MAX_ROWS {
            return Err(CsvError::TooManyRows);
        }
        // The line a record starts on: where the reader stood, past any blank lines.
        let start = record.position().map_or(before, |p| p.byte());
        let skipped = text.as_bytes()[(start as usize).min(text.len())..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let at = (start as usize + skipped).min(text.len()).max(counted_to);
        line += text.as_bytes()[counted_to..at].iter().filter(|b| **b == b'\n').count();
        counted_to = at;
        rows.push((line, record.iter().map(str::to_string).collect()));
    }
    Ok(Table { headers, rows, delimiter })
}

/// What a column becomes: nothing, or one of the account's fields (all of them can be
/// imported; the list comes from [`AccountField::ALL`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Ignore,
    Field(AccountField),
}

impl Target {
    /// "Not imported" first, then every account field in form order.
    pub fn all() -> impl Iterator<Item = Target> {
        std::iter::once(Target::Ignore).chain(AccountField::ALL.iter().map(|&f| Target::Field(f)))
    }

    pub fn slug(self) -> &'static str {
        match self {
            Target::Ignore => "ignore",
            Target::Field(f) => f.key(),
        }
    }

    pub fn from_slug(s: &str) -> Target {
        AccountField::from_key(s).map_or(Target::Ignore, Target::Field)
    }
}

/// Header words (English and Dutch) that name a field. A word matches a whole word of the
/// header, or the whole header; words over six letters also match inside a header.
fn header_words(f: AccountField) -> &'static [&'static str] {
    match f {
        AccountField::Potential => &["potential", "potentieel", "upside"],
        AccountField::Margin => &["margin", "marge", "gm"],
        AccountField::Revenue => &["revenue", "omzet", "turnover", "sales", "arr", "annual revenue"],
        AccountField::Owner => &["owner", "eigenaar", "accountmanager", "account manager", "rep", "salesperson"],
        AccountField::Sector => &["sector", "industry", "branche", "segment"],
        AccountField::Region => {
            &["country", "land", "region", "regio", "location", "office", "vestiging", "city", "plaats"]
        }
        AccountField::Stage => &["stage", "relationship stage", "relatiefase", "fase"],
        AccountField::Status => &["status", "type"],
        AccountField::CustomerSince => &["since", "sinds", "customer since", "klant sinds"],
        AccountField::RelationshipYears => &["years", "jaren", "duration", "looptijd"],
        AccountField::Notes => &["notes", "note", "notities", "opmerkingen", "comments", "description", "omschrijving"],
        AccountField::Name => &[
            "account",
            "company",
            "name",
            "naam",
            "bedrijf",
            "bedrijfsnaam",
            "klant",
            "organisation",
            "organization",
            "customer",
        ],
    }
}

/// The order headers are tried against the fields: specific words before general ones
/// ("revenue potential" is the potential, not the revenue; "customer since" is not a name).
const GUESS_ORDER: [AccountField; 12] = [
    AccountField::Potential,
    AccountField::Margin,
    AccountField::Revenue,
    AccountField::Owner,
    AccountField::Sector,
    AccountField::Region,
    AccountField::Stage,
    AccountField::Status,
    AccountField::CustomerSince,
    AccountField::RelationshipYears,
    AccountField::Notes,
    AccountField::Name,
];

/// Guesses a column's meaning from its header, in English or Dutch.
pub fn guess(header: &str) -> Target {
    let h = header.trim().to_lowercase().replace(['_', '-'], " ");
    let has = |words: &[&str]| {
        words.iter().any(|w| h == *w || h.split(' ').any(|part| part == *w) || h.contains(w) && w.len() > 6)
    };
    GUESS_ORDER.into_iter().find(|&f| has(header_words(f))).map_or(Target::Ignore, Target::Field)
}

/// One guess per column; each target is used at most once (the first column wins).
pub fn guess_mapping(headers: &[String]) -> Vec<Target> {
    let mut used = HashSet::new();
    headers
        .iter()
        .map(|h| {
            let t = guess(h);
            if t != Target::Ignore && !used.insert(t) {
                Target::Ignore
            } else {
                t
            }
        })
        .collect()
}

/// Status words from CRMs, in English or Dutch.
fn status_slug(text: &str) -> String {
    let t = text.trim().to_lowercase();
    let slug = match t.as_str() {
        "" => "",
        "prospect" | "lead" | "opportunity" | "prospect klant" => Status::Prospect.slug(),
        "customer" | "client" | "klant" | "active" | "actief" => Status::Customer.slug(),
        "former" | "former customer" | "churned" | "lost" | "oud klant" | "oud-klant" | "inactive" | "inactief" => {
            Status::Former.slug()
        }
        other => return other.to_string(), // validation names it
    };
    slug.to_string()
}

/// A relationship stage as a number 1–5 (possibly followed by its name, as exported) or a
/// name in English or Dutch.
fn stage_slug(text: &str) -> String {
    let t = text.trim().to_lowercase();
    let by_number = t.chars().next().and_then(|c| c.to_digit(10)).filter(|n| (1..=5).contains(n));
    let stage = by_number.map(|n| Stage::ALL[n as usize - 1]).or_else(|| {
        let word = t.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
        match word {
            "exploratory" | "verkennend" => Some(Stage::Exploratory),
            "basic" | "basis" => Some(Stage::Basic),
            "cooperative" | "samenwerkend" => Some(Stage::Cooperative),
            "interdependent" | "wederzijds afhankelijk" => Some(Stage::Interdependent),
            "integrated" | "geïntegreerd" | "geintegreerd" => Some(Stage::Integrated),
            _ => None,
        }
    });
    match stage {
        Some(s) => s.slug().to_string(),
        None => t, // empty, or named by validation
    }
}

/// A row as the account form would see it.
pub fn draft(row: &[String], mapping: &[Target]) -> AccountDraft {
    let mut d = AccountFields::blank_draft();
    for (value, target) in row.iter().zip(mapping) {
        let Target::Field(f) = *target else { continue };
        let v = value.trim();
        match f {
            AccountField::Status => d.set(f, status_slug(v)),
            AccountField::Stage => d.set(f, stage_slug(v)),
            AccountField::Margin => d.set(f, v.trim_end_matches('%').trim()),
            _ => d.set(f, v),
        }
    }
    if d.get(AccountField::Status).is_empty() {
        d.set(AccountField::Status, Status::Customer.slug());
    }
    d
}

#[derive(Clone, Debug, PartialEq)]
pub enum RowOutcome {
    Ready(AccountFields),
    Invalid(Vec<FieldError<AccountField>>),
    /// An account with this name exists already (in the workspace or earlier in the file).
    Duplicate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowCheck {
    pub line: usize,
    pub outcome: RowOutcome,
}

/// Validates every row under a mapping, exactly as the account form would. `existing` holds
/// the workspace's account names.
pub fn check_rows(table: &Table, mapping: &[Target], existing: &[String], today: Date) -> Vec<RowCheck> {
    let mut seen: HashSet<String> = existing.iter().map(|n| n.trim().to_lowercase()).collect();
    table
        .rows
        .iter()
        .map(|(line, row)| {
            let outcome = match AccountFields::read(&draft(row, mapping), "", None, today) {
                Ok(fields) if !seen.insert(fields.name.to_lowercase()) => RowOutcome::Duplicate,
                Ok(fields) => RowOutcome::Ready(fields),
                Err(errors) => RowOutcome::Invalid(errors),
            };
            RowCheck { line: *line, outcome }
        })
        .collect()
}

/// A column of the ranked-list export: the ranking's figures and every account field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportColumn {
    Rank,
    Field(AccountField),
    RevenueRank,
    Score,
    Tier,
}

impl ExportColumn {
    /// Rank first, then every account field in form order, then the scoring's figures.
    pub fn all() -> impl Iterator<Item = ExportColumn> {
        std::iter::once(ExportColumn::Rank).chain(AccountField::ALL.iter().map(|&f| ExportColumn::Field(f))).chain([
            ExportColumn::RevenueRank,
            ExportColumn::Score,
            ExportColumn::Tier,
        ])
    }
}

/// A word the export writes for a choice, in the user's language (the import reads it back).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    Status(Status),
    Stage(Stage),
    Tier(Tier),
}

/// The ranked list as rows of cells, in rank order. Numbers are plain (decimal comma with
/// `;`); choices are written as `word` says.
pub fn export_rows(ws: &Workspace, ranking: &[Ranked], sep: char, word: &dyn Fn(Word) -> String) -> Vec<Vec<String>> {
    let num = |v: Option<f64>| v.map(|v| csv_number(v, sep)).unwrap_or_default();
    ranking
        .iter()
        .filter_map(|r| {
            let f = &ws.accounts.get(r.index)?.fields;
            Some(
                ExportColumn::all()
                    .map(|c| match c {
                        ExportColumn::Rank => r.rank.map(|x| x.to_string()).unwrap_or_default(),
                        ExportColumn::RevenueRank => r.revenue_rank.map(|x| x.to_string()).unwrap_or_default(),
                        ExportColumn::Score => r.score.shown().map(|x| x.to_string()).unwrap_or_default(),
                        ExportColumn::Tier => word(Word::Tier(r.standing().tier)),
                        ExportColumn::Field(field) => match field {
                            AccountField::Name => f.name.clone(),
                            AccountField::Status => word(Word::Status(f.status)),
                            AccountField::Sector => f.sector.clone(),
                            AccountField::Region => f.region.clone(),
                            AccountField::Owner => f.owner.clone(),
                            AccountField::CustomerSince => f.customer_since.map(|y| y.to_string()).unwrap_or_default(),
                            AccountField::Stage => f.stage.map(|s| word(Word::Stage(s))).unwrap_or_default(),
                            AccountField::Revenue => num(f.revenue),
                            AccountField::Potential => num(f.potential),
                            AccountField::Margin => num(f.margin_pct),
                            AccountField::RelationshipYears => num(f.relationship_years),
                            AccountField::Notes => f.notes.clone(),
                        },
                    })
                    .collect(),
            )
        })
        .collect()
}

/// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+cmd…`, `@SUM(…)`), or a
/// tab or carriage return that some read as the start of one, gets a leading `'`: Excel then
/// shows the text as typed and runs nothing (OWASP's advice on CSV injection). A plain number
/// such as `-5` stays a number.
fn neutralised(text: &str) -> std::borrow::Cow<'_, str> {
    let risky = match text.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => super::number::parse_number(text).is_err(),
        _ => false,
    };
    if risky {
        std::borrow::Cow::Owned(format!("'{text}"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// One cell, neutralised if it looks like a formula, quoted when it holds the separator, a
/// quote or a line break.
fn cell(out: &mut String, text: &str, sep: char) {
    let text = &*neutralised(text);
    if text.contains([sep, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// A CSV that Excel opens as a table: a byte-order mark (so accents survive), CRLF line
/// ends, quoted cells where needed. With `;` numbers use a decimal comma (Dutch Excel).
pub fn write_csv(headers: &[&str], rows: &[Vec<String>], sep: char) -> String {
    let mut out = String::from("\u{feff}");
    for line in std::iter::once(headers.iter().map(|h| h.to_string()).collect::<Vec<_>>()).chain(rows.iter().cloned()) {
        for (i, text) in line.iter().enumerate() {
            if i > 0 {
                out.push(sep);
            }
            cell(&mut out, text, sep);
        }
        out.push_str("\r\n");
    }
    out
}

/// A number for a CSV cell: plain digits, decimal comma when the separator is `;`.
pub fn csv_number(v: f64, sep: char) -> String {
    let s = super::account::format_plain(v);
    if sep == ';' {
        s.replace('.', ",")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validate::Problem;

    fn today() -> Date {
        Date::parse("2026-11-28").unwrap()
    }

    const DUTCH: &str = "\u{feff}Bedrijfsnaam;Branche;Omzet;Marge;Accountmanager;Klant sinds;Opmerkingen\r\n\
        Cartech;Automotive;\"1.234.567,50\";36,5;Sanne;2019;\"Zegt \"\"ja\"\"; wil pilot\"\r\n\
        Vicom;Telecom;2.400.000;7;Pieter;2012;\r\n\
        ;Bouw;100;5;;;\r\n\
        Polder;Bouw;veel;5;;2040;\r\n\
        \r\n\
        Cartech;Automotive;1;1;;;\r\n";

    #[test]
    fn reads_dutch_excel_with_bom_semicolons_quotes_and_decimal_commas() {
        let table = read_table(DUTCH).unwrap();
        assert_eq!(table.delimiter, b';');
        assert_eq!(table.headers[0], "Bedrijfsnaam");
        assert_eq!(table.rows.len(), 5, "the empty line is skipped");
        assert_eq!(table.rows[0].1[6], "Zegt \"ja\"; wil pilot");
        let mapping = guess_mapping(&table.headers);
        assert_eq!(
            mapping,
            vec![
                Target::Field(AccountField::Name),
                Target::Field(AccountField::Sector),
                Target::Field(AccountField::Revenue),
                Target::Field(AccountField::Margin),
                Target::Field(AccountField::Owner),
                Target::Field(AccountField::CustomerSince),
                Target::Field(AccountField::Notes)
            ]
        );

        let checks = check_rows(&table, &mapping, &["vicom".to_string()], today());
        let lines: Vec<usize> = checks.iter().map(|c| c.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5, 7]);
        match &checks[0].outcome {
            RowOutcome::Ready(f) => {
                assert_eq!(
                    (f.name.as_str(), f.revenue, f.margin_pct, f.customer_since),
                    ("Cartech", Some(1_234_567.5), Some(36.5), Some(2019))
                );
                assert_eq!(f.notes, "Zegt \"ja\"; wil pilot");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(checks[1].outcome, RowOutcome::Duplicate, "Vicom exists already");
        assert_eq!(
            checks[2].outcome,
            RowOutcome::Invalid(vec![FieldError { field: AccountField::Name, problem: Problem::Required }])
        );
        assert_eq!(
            checks[3].outcome,
            RowOutcome::Invalid(vec![
                FieldError { field: AccountField::CustomerSince, problem: Problem::InFuture { max: 2026 } },
                FieldError { field: AccountField::Revenue, problem: Problem::NotANumber },
            ])
        );
        assert_eq!(checks[4].outcome, RowOutcome::Duplicate, "Cartech twice in the file");
    }

    #[test]
    fn reads_crm_exports_with_commas() {
        let text = "Account Name,Industry,Annual Revenue,Employees,Office Location,Account Owner,Type\n\
                    \"Globex, Inc.\",Energy,\"1,250,000\",120,Rotterdam,Anna,Prospect\n";
        let table = read_table(text).unwrap();
        assert_eq!(table.delimiter, b',');
        let mapping = guess_mapping(&table.headers);
        assert_eq!(
            mapping,
            vec![
                Target::Field(AccountField::Name),
                Target::Field(AccountField::Sector),
                Target::Field(AccountField::Revenue),
                Target::Ignore,
                Target::Field(AccountField::Region),
                Target::Field(AccountField::Owner),
                Target::Field(AccountField::Status)
            ]
        );
        let checks = check_rows(&table, &mapping, &[], today());
        match &checks[0].outcome {
            RowOutcome::Ready(f) => {
                assert_eq!(
                    (f.name.as_str(), f.revenue, f.region.as_str(), f.status),
                    ("Globex, Inc.", Some(1_250_000.0), "Rotterdam", Status::Prospect)
                );
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_stage_column_is_the_relationship_stage_not_the_status() {
        let text = "Name,Stage,Status\nCartech,3 Cooperative,Customer\nVicom,integrated,prospect\nAtlas,Basis,\n";
        let table = read_table(text).unwrap();
        let mapping = guess_mapping(&table.headers);
        assert_eq!(
            mapping,
            vec![
                Target::Field(AccountField::Name),
                Target::Field(AccountField::Stage),
                Target::Field(AccountField::Status)
            ]
        );
        let stages: Vec<Option<Stage>> = check_rows(&table, &mapping, &[], today())
            .into_iter()
            .map(|c| match c.outcome {
                RowOutcome::Ready(f) => f.stage,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(stages, vec![Some(Stage::Cooperative), Some(Stage::Integrated), Some(Stage::Basic)]);
        // Every account field can be chosen as a target, the stage included.
        assert_eq!(Target::all().count(), 1 + AccountField::ALL.len());
        assert!(Target::all().any(|t| t == Target::Field(AccountField::Stage)));
    }

    #[test]
    fn malformed_and_hostile_files_are_refused_not_panicked_on() {
        assert_eq!(read_table(""), Err(CsvError::Empty));
        assert_eq!(read_table("\u{feff}  \n"), Err(CsvError::Empty));
        assert_eq!(read_table(&"x".repeat(MAX_CSV_BYTES + 1)), Err(CsvError::TooLarge(MAX_CSV_BYTES + 1)));
        let ragged = read_table("a,b\n1\n1,2,3\n").unwrap();
        assert_eq!(ragged.rows.len(), 2, "ragged rows are read; missing cells are empty");
        let checks = check_rows(
            &ragged,
            &[Target::Field(AccountField::Name), Target::Field(AccountField::Revenue)],
            &[],
            today(),
        );
        assert!(matches!(checks[0].outcome, RowOutcome::Ready(_)));
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
}
