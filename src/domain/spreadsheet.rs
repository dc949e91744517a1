//! Spreadsheets: importing accounts from a CSV (a CRM or Excel export) through a column
//! mapping and a preview, and exporting the ranked list as a CSV that Excel opens well.
//!
//! Reading handles a UTF-8 byte-order mark, quoted fields, `,` or `;` as separator (Dutch
//! Excel writes `;` with decimal commas such as `1.234,56`, which the number parser reads).
//! Every row is validated exactly like the account form; rows with problems are reported
//! with their line number and can be skipped.

use std::collections::HashSet;

use super::account::{AccountDraft, AccountFields, FieldError, Status};

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

/// What a column becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    Ignore,
    Name,
    Sector,
    Region,
    Owner,
    Status,
    Revenue,
    Potential,
    Margin,
    Years,
    Since,
    Notes,
}

impl Target {
    pub const ALL: [Target; 12] = [
        Target::Ignore,
        Target::Name,
        Target::Sector,
        Target::Region,
        Target::Owner,
        Target::Status,
        Target::Revenue,
        Target::Potential,
        Target::Margin,
        Target::Years,
        Target::Since,
        Target::Notes,
    ];

    pub const fn slug(self) -> &'static str {
        match self {
            Target::Ignore => "ignore",
            Target::Name => "name",
            Target::Sector => "sector",
            Target::Region => "region",
            Target::Owner => "owner",
            Target::Status => "status",
            Target::Revenue => "revenue",
            Target::Potential => "potential",
            Target::Margin => "margin",
            Target::Years => "years",
            Target::Since => "since",
            Target::Notes => "notes",
        }
    }

    pub fn from_slug(s: &str) -> Target {
        Target::ALL.into_iter().find(|t| t.slug() == s).unwrap_or(Target::Ignore)
    }
}

/// Guesses a column's meaning from its header, in English or Dutch.
pub fn guess(header: &str) -> Target {
    let h = header.trim().to_lowercase().replace(['_', '-'], " ");
    let has = |words: &[&str]| {
        words.iter().any(|w| h == *w || h.split(' ').any(|part| part == *w) || h.contains(w) && w.len() > 6)
    };
    if has(&["potential", "potentieel", "upside"]) {
        Target::Potential
    } else if has(&["margin", "marge", "gm"]) {
        Target::Margin
    } else if has(&["revenue", "omzet", "turnover", "sales", "arr", "annual revenue"]) {
        Target::Revenue
    } else if has(&["owner", "eigenaar", "accountmanager", "account manager", "rep", "salesperson"]) {
        Target::Owner
    } else if has(&["sector", "industry", "branche", "segment"]) {
        Target::Sector
    } else if has(&["country", "land", "region", "regio", "location", "office", "vestiging", "city", "plaats"]) {
        Target::Region
    } else if has(&["status", "stage", "type"]) {
        Target::Status
    } else if has(&["since", "sinds", "customer since", "klant sinds"]) {
        Target::Since
    } else if has(&["years", "jaren", "duration", "looptijd"]) {
        Target::Years
    } else if has(&["notes", "note", "notities", "opmerkingen", "comments", "description", "omschrijving"]) {
        Target::Notes
    } else if has(&[
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
    ]) {
        Target::Name
    } else {
        Target::Ignore
    }
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

/// A row as the account form would see it.
pub fn draft(row: &[String], mapping: &[Target]) -> AccountDraft {
    let mut d = AccountDraft { status: Status::Customer.slug().into(), ..AccountDraft::default() };
    for (value, target) in row.iter().zip(mapping) {
        let v = value.trim().to_string();
        match target {
            Target::Ignore => {}
            Target::Name => d.name = v,
            Target::Sector => d.sector = v,
            Target::Region => d.region = v,
            Target::Owner => d.owner = v,
            Target::Status => d.status = status_slug(&v),
            Target::Revenue => d.revenue = v,
            Target::Potential => d.potential = v,
            Target::Margin => d.margin_pct = v.trim_end_matches('%').trim().to_string(),
            Target::Years => d.relationship_years = v,
            Target::Since => d.customer_since = v,
            Target::Notes => d.notes = v,
        }
    }
    if d.status.is_empty() {
        d.status = Status::Customer.slug().into();
    }
    d
}

#[derive(Clone, Debug, PartialEq)]
pub enum RowOutcome {
    Ready(AccountFields),
    Invalid(Vec<FieldError>),
    /// An account with this name exists already (in the workspace or earlier in the file).
    Duplicate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowCheck {
    pub line: usize,
    pub outcome: RowOutcome,
}

/// Validates every row under a mapping. `existing` holds the workspace's account names.
pub fn check_rows(table: &Table, mapping: &[Target], existing: &[String], current_year: i32) -> Vec<RowCheck> {
    let mut seen: HashSet<String> = existing.iter().map(|n| n.trim().to_lowercase()).collect();
    table
        .rows
        .iter()
        .map(|(line, row)| {
            let outcome = match draft(row, mapping).validate(current_year) {
                Ok(fields) if !seen.insert(fields.name.to_lowercase()) => RowOutcome::Duplicate,
                Ok(fields) => RowOutcome::Ready(fields),
                Err(errors) => RowOutcome::Invalid(errors),
            };
            RowCheck { line: *line, outcome }
        })
        .collect()
}

/// One cell, quoted when it holds the separator, a quote or a line break.
fn cell(out: &mut String, text: &str, sep: char) {
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
    use crate::domain::account::{Field, Problem};

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
                Target::Name,
                Target::Sector,
                Target::Revenue,
                Target::Margin,
                Target::Owner,
                Target::Since,
                Target::Notes
            ]
        );

        let checks = check_rows(&table, &mapping, &["vicom".to_string()], 2026);
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
            RowOutcome::Invalid(vec![FieldError { field: Field::Name, problem: Problem::Required }])
        );
        assert_eq!(
            checks[3].outcome,
            RowOutcome::Invalid(vec![
                FieldError { field: Field::Revenue, problem: Problem::NotANumber },
                FieldError { field: Field::CustomerSince, problem: Problem::InFuture { max: 2026 } },
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
                Target::Name,
                Target::Sector,
                Target::Revenue,
                Target::Ignore,
                Target::Region,
                Target::Owner,
                Target::Status
            ]
        );
        let checks = check_rows(&table, &mapping, &[], 2026);
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
    fn malformed_and_hostile_files_are_refused_not_panicked_on() {
        assert_eq!(read_table(""), Err(CsvError::Empty));
        assert_eq!(read_table("\u{feff}  \n"), Err(CsvError::Empty));
        assert_eq!(read_table(&"x".repeat(MAX_CSV_BYTES + 1)), Err(CsvError::TooLarge(MAX_CSV_BYTES + 1)));
        let ragged = read_table("a,b\n1\n1,2,3\n").unwrap();
        assert_eq!(ragged.rows.len(), 2, "ragged rows are read; missing cells are empty");
        let checks = check_rows(&ragged, &[Target::Name, Target::Revenue], &[], 2026);
        assert!(matches!(checks[0].outcome, RowOutcome::Ready(_)));
        // Unterminated quotes swallow the rest of the file as one field; still no panic.
        assert!(read_table("name\n\"open").is_ok());
        let many = format!("name\n{}", "x\n".repeat(MAX_ROWS + 1));
        assert_eq!(read_table(&many), Err(CsvError::TooManyRows));
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
