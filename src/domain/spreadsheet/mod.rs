//! Spreadsheets: reading the CSV files CRMs, registers and Excel write (this module), what
//! their columns mean ([`columns`]), how their listed values map onto ours ([`values`]), the
//! account import itself ([`import`]) — and exporting the ranked list as a CSV that Excel
//! opens well.
//!
//! Reading takes the file as it comes: UTF-8 with or without a byte-order mark, UTF-16 with
//! one, or Windows-1252 (what Excel on Windows writes, a superset of Latin-1) — the decoding
//! itself is the browser's `TextDecoder` (`encoding_rs` in native tests), this module only
//! says which. An Excel `sep=;` first line, or else the separator (`,` `;` tab `|`) that
//! splits the first lines most consistently; quoted fields with separators, quotes and line
//! breaks inside; CRLF; blank rows anywhere.

pub mod columns;
pub mod import;
pub mod values;

// The fixtures are files read natively and decoded with `encoding_rs`: native only.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests;

use super::account::{AccountField, Stage, Status};
use super::criteria::{Criterion, Question};
use super::scoring::{Ranked, Tier};
use super::validate::FieldSet;
use super::workspace::Workspace;

pub use columns::{guess_mapping, Scale, Target};

/// Files over this are refused before reading.
pub const MAX_CSV_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_ROWS: usize = 50_000;
/// Columns beyond this are refused (no export has more; a corrupt file may).
pub const MAX_COLUMNS: usize = 500;

/// A text encoding, by the WHATWG label both `TextDecoder` and `encoding_rs` understand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Also read for Latin-1 (ISO-8859-1), which it contains, as the web standard does.
    Windows1252,
}

impl TextEncoding {
    pub const fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Utf16Le => "utf-16le",
            TextEncoding::Utf16Be => "utf-16be",
            TextEncoding::Windows1252 => "windows-1252",
        }
    }

    /// The encoding of a file's bytes: a byte-order mark decides; without one, UTF-16 shows
    /// as zero bytes in every other place of ASCII text; text that is valid UTF-8 is UTF-8
    /// (other encodings almost never are, once they hold an accent); the rest is Windows-1252,
    /// which decodes any byte.
    pub fn detect(bytes: &[u8]) -> TextEncoding {
        match bytes {
            [0xEF, 0xBB, 0xBF, ..] => return TextEncoding::Utf8,
            [0xFF, 0xFE, ..] => return TextEncoding::Utf16Le,
            [0xFE, 0xFF, ..] => return TextEncoding::Utf16Be,
            _ => {}
        }
        let head = &bytes[..bytes.len().min(200) & !1];
        let zeros = |odd: bool| head.iter().skip(odd as usize).step_by(2).filter(|b| **b == 0).count();
        if head.len() >= 4 && zeros(true) * 2 > head.len() / 2 && zeros(false) == 0 {
            return TextEncoding::Utf16Le;
        }
        if head.len() >= 4 && zeros(false) * 2 > head.len() / 2 && zeros(true) == 0 {
            return TextEncoding::Utf16Be;
        }
        match std::str::from_utf8(bytes) {
            Ok(_) => TextEncoding::Utf8,
            // A multi-byte character cut by the end of the file is still UTF-8.
            Err(e) if e.error_len().is_none() && bytes.len() - e.valid_up_to() < 4 => TextEncoding::Utf8,
            Err(_) => TextEncoding::Windows1252,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    /// Data rows, each with the line of the file it started on.
    pub rows: Vec<(usize, Vec<String>)>,
    pub delimiter: u8,
    /// The separator came from an Excel `sep=` line (and was not guessed).
    pub declared: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("the file is {0} bytes; files over {MAX_CSV_BYTES} bytes are refused")]
    TooLarge(usize),
    #[error("the file is empty")]
    Empty,
    #[error("the file has more than {MAX_ROWS} rows")]
    TooManyRows,
    #[error("the file has more than {MAX_COLUMNS} columns")]
    TooManyColumns,
    #[error("line {line}: {message}")]
    Malformed { line: usize, message: String },
}

/// The separators a file may use, in the order they win ties.
pub const SEPARATORS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The separator that splits the first lines most consistently: the same number of fields
/// on (nearly) every line, and more than one. Separators inside quotes do not count.
fn sniff(text: &str) -> u8 {
    const LINES: usize = 30;
    let mut counts: Vec<[usize; 4]> = vec![[0; 4]];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                if counts.len() == LINES {
                    break;
                }
                counts.push([0; 4]);
            }
            _ if !quoted => {
                if let Some(i) = SEPARATORS.iter().position(|s| *s == b) {
                    if let Some(last) = counts.last_mut() {
                        last[i] += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // The last line may be cut off or empty.
    if counts.len() > 1 && counts.last().is_some_and(|c| c.iter().all(|n| *n == 0)) {
        counts.pop();
    }
    let best = (0..SEPARATORS.len()).filter(|&i| counts[0][i] > 0).max_by_key(|&i| {
        let agree = counts.iter().filter(|c| c[i] == counts[0][i]).count();
        // Agreement first (in tenths, so that one odd line does not decide), then the
        // number of fields, then the order of SEPARATORS.
        (agree * 10 / counts.len(), counts[0][i], std::cmp::Reverse(i))
    });
    best.map_or(b',', |i| SEPARATORS[i])
}

/// An Excel `sep=;` first line: the separator it declares and the text after the line.
fn declared_separator(text: &str) -> Option<(u8, &str)> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let line = first.trim_end_matches('\r').trim_matches('"');
    let sep = line.strip_prefix("sep=").or_else(|| line.strip_prefix("SEP="))?;
    let b = *sep.as_bytes().first()?;
    (sep.len() == 1 && (SEPARATORS.contains(&b) || b.is_ascii_punctuation())).then_some((b, rest))
}

/// Reads a CSV, finding its separator.
pub fn read_table(text: &str) -> Result<Table, CsvError> {
    read_table_as(text, None)
}

/// Reads a CSV with the given separator, or the one it declares or uses.
pub fn read_table_as(text: &str, separator: Option<u8>) -> Result<Table, CsvError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(CsvError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (declared, text, first_line) = match declared_separator(text) {
        Some((sep, rest)) => (Some(sep), rest, 2),
        None => (None, text, 1),
    };
    if text.trim().is_empty() {
        return Err(CsvError::Empty);
    }
    let delimiter = separator.or(declared).unwrap_or_else(|| sniff(text));
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(true).from_reader(text.as_bytes());
    let line_at = |byte: u64| {
        text.as_bytes()[..(byte as usize).min(text.len())].iter().filter(|b| **b == b'\n').count() + first_line
    };
    let malformed = |e: csv::Error| CsvError::Malformed {
        line: e.position().map_or(0, |p| line_at(p.byte())),
        message: match e.kind() {
            csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".into(),
            _ => e.to_string(),
        },
    };
    let headers: Vec<String> = reader.headers().map_err(malformed)?.iter().map(|h| h.trim().to_string()).collect();
    if headers.len() > MAX_COLUMNS {
        return Err(CsvError::TooManyColumns);
    }
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    // Lines are counted incrementally: rescanning from the start would be quadratic.
    let (mut counted_to, mut line) = (0usize, first_line);
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
        if record.len() > MAX_COLUMNS {
            return Err(CsvError::TooManyColumns);
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
    Ok(Table {
        headers,
        rows,
        delimiter,
        declared: declared.is_some() && separator.is_none_or(|s| Some(s) == declared),
    })
}

impl Table {
    /// The cell of a row in a column; empty when the row is short.
    pub fn cell(row: &[String], column: usize) -> &str {
        row.get(column).map_or("", |c| c.trim())
    }
}

/// A column of the ranked-list export: the ranking's figures, every account field, and the
/// ratings and answers the user gave (so a team can rate in a spreadsheet and bring it back).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportColumn {
    Rank,
    Field(AccountField),
    RevenueRank,
    Score,
    Tier,
    Rating(Criterion),
    Answer(Question),
}

impl ExportColumn {
    /// Rank first, then every account field in form order, then the scoring's figures, then
    /// the ratings set by hand and the checklist answers.
    pub fn all() -> impl Iterator<Item = ExportColumn> {
        std::iter::once(ExportColumn::Rank)
            .chain(AccountField::ALL.iter().map(|&f| ExportColumn::Field(f)))
            .chain([ExportColumn::RevenueRank, ExportColumn::Score, ExportColumn::Tier])
            .chain(Criterion::ALL.iter().map(|&c| ExportColumn::Rating(c)))
            .chain(Question::ALL.iter().map(|&q| ExportColumn::Answer(q)))
    }
}

/// A word the export writes for a choice, in the user's language (the import reads it back).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    Status(Status),
    Stage(Stage),
    Tier(Tier),
    /// A checklist answer: yes or no.
    Answer(bool),
}

/// The labels of the extra fields kept with accounts, in order of first appearance: the
/// export's last columns (at most [`MAX_EXTRA_COLUMNS`]).
pub fn extra_labels(ws: &Workspace) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for e in ws.accounts.iter().flat_map(|a| &a.extra) {
        if labels.len() == MAX_EXTRA_COLUMNS {
            break;
        }
        if seen.insert(e.label.as_str()) {
            labels.push(e.label.clone());
        }
    }
    labels
}

/// Extra-field columns the export writes at most.
pub const MAX_EXTRA_COLUMNS: usize = 100;

/// The ranked list as rows of cells, in rank order: the [`ExportColumn`]s, then one column per
/// extra field (`extras`, from [`extra_labels`]). Numbers are plain (decimal comma with `;`);
/// choices are written as `word` says.
pub fn export_rows(
    ws: &Workspace,
    ranking: &[Ranked],
    extras: &[String],
    sep: char,
    word: &dyn Fn(Word) -> String,
) -> Vec<Vec<String>> {
    let num = |v: Option<f64>| v.map(|v| csv_number(v, sep)).unwrap_or_default();
    ranking
        .iter()
        .filter_map(|r| {
            let a = ws.accounts.get(r.index)?;
            let f = &a.fields;
            Some(
                ExportColumn::all()
                    .map(|c| match c {
                        ExportColumn::Rank => r.rank.map(|x| x.to_string()).unwrap_or_default(),
                        ExportColumn::RevenueRank => r.revenue_rank.map(|x| x.to_string()).unwrap_or_default(),
                        ExportColumn::Score => r.score.shown().map(|x| x.to_string()).unwrap_or_default(),
                        ExportColumn::Tier => word(Word::Tier(r.standing().tier)),
                        // Only what the user set: a suggestion is recomputed on import.
                        ExportColumn::Rating(c) => {
                            a.assessment.overrides.get(&c).map(|r| r.to_string()).unwrap_or_default()
                        }
                        ExportColumn::Answer(q) => {
                            a.assessment.answer(q).map(|y| word(Word::Answer(y))).unwrap_or_default()
                        }
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
                            AccountField::CrmId => f.crm_id.clone(),
                        },
                    })
                    .chain(extras.iter().map(|label| {
                        a.extra.iter().find(|e| &e.label == label).map(|e| e.value.clone()).unwrap_or_default()
                    }))
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
