//! Deal history: a CRM's deals or opportunities export (account, product, stage, close date,
//! value — thousands of rows) turned into what it says about each account: revenue won in
//! the last twelve months and the twelve before, growth, products bought, open pipeline, and
//! revenue won per quarter. The summary is evidence: it is offered as the account's revenue
//! (the user confirms) and shown with the checklist questions it answers — it never answers
//! them by itself.
//!
//! Deals are matched to accounts by CRM id when the export has one, else by name (exactly,
//! then ignoring case, punctuation and legal forms such as `B.V.` or `GmbH`). Deals naming no
//! account are listed; no account is created from them.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::criteria::Question;
use super::date::Date;
use super::number::{parse_number, MAX_ABS};
use super::order::{descending_u32, order_by, pair};
use super::spreadsheet::columns::{normalise, Profile, Scale, PROFILE_ROWS};
use super::spreadsheet::values::{self, loose_date, ValueMap};
use super::spreadsheet::Table;
use super::validate::FieldSet;
use super::workspace::Workspace;

super::validate::field_set!(
    /// The columns of a deals export that the summary uses.
    pub enum DealField {
        Account = "account",
        AccountId = "account_id",
        Product = "product",
        Stage = "stage",
        CloseDate = "close_date",
        Amount = "amount",
    }
);

/// Where a deal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DealStage {
    Won,
    /// Still in the pipeline: the default for a stage the map does not name.
    Open,
    Lost,
}

impl DealStage {
    pub const ALL: [DealStage; 3] = [DealStage::Won, DealStage::Open, DealStage::Lost];

    pub const fn slug(self) -> &'static str {
        match self {
            DealStage::Won => "won",
            DealStage::Open => "open",
            DealStage::Lost => "lost",
        }
    }

    pub fn from_slug(s: &str) -> Option<DealStage> {
        DealStage::ALL.into_iter().find(|x| x.slug() == s)
    }
}

/// The stage a CRM value names, in English, Dutch or German: `Closed Won`, `won`,
/// `Gewonnen`, `Closed Lost`, `Verloren`. Pipeline stages (`Proposal`, `Negotiation`) are
/// open.
pub fn guess_stage(value: &str) -> Option<DealStage> {
    let lower = value.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let any = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if any(&[
        "lost",
        "closedlost",
        "verloren",
        "cancelled",
        "canceled",
        "geannuleerd",
        "rejected",
        "afgewezen",
        "dead",
        "abandoned",
        "storniert",
        "abgesagt",
    ]) {
        Some(DealStage::Lost)
    } else if any(&[
        "won",
        "closedwon",
        "gewonnen",
        "signed",
        "getekend",
        "ordered",
        "besteld",
        "invoiced",
        "gefactureerd",
        "booked",
        "unterschrieben",
        "auftrag",
    ]) {
        Some(DealStage::Won)
    } else if any(&[
        "open",
        "qualification",
        "qualified",
        "prospecting",
        "proposal",
        "quote",
        "offerte",
        "negotiation",
        "onderhandeling",
        "review",
        "discovery",
        "demo",
        "angebot",
        "verhandlung",
        "pipeline",
        "commit",
    ]) {
        Some(DealStage::Open)
    } else {
        None
    }
}

fn header_words(f: DealField) -> &'static [&'static str] {
    match f {
        DealField::Account => &[
            "account",
            "account name",
            "company",
            "company name",
            "associated company",
            "organization",
            "organisation",
            "organisatie",
            "organization name",
            "klant",
            "klantnaam",
            "bedrijf",
            "bedrijfsnaam",
            "customer",
            "customer name",
            "kunde",
            "firma",
            "relatie",
            "partner",
        ],
        DealField::AccountId => &[
            "account id",
            "company id",
            "customer id",
            "organization id",
            "associated company id",
            "crm id",
            "klantnummer",
            "relatienummer",
            "debiteurnummer",
            "kundennummer",
            "customer number",
            "account number",
        ],
        DealField::Product => &[
            "product",
            "products",
            "product name",
            "product family",
            "productgroep",
            "artikel",
            "item",
            "line item",
            "produkt",
            "dienst",
            "service",
            "offering",
        ],
        DealField::Stage => &["stage", "deal stage", "status", "fase", "phase", "pipeline stage", "won lost", "result"],
        DealField::CloseDate => &[
            "close date",
            "closed date",
            "closedate",
            "close",
            "closed",
            "won time",
            "won date",
            "expected close date",
            "close time",
            "sluitdatum",
            "datum",
            "date",
            "abschlussdatum",
            "order date",
            "orderdatum",
            "invoice date",
            "factuurdatum",
        ],
        DealField::Amount => &[
            "amount",
            "value",
            "deal value",
            "deal amount",
            "revenue",
            "expected revenue",
            "bedrag",
            "waarde",
            "omzet",
            "betrag",
            "wert",
            "umsatz",
            "total",
            "totaal",
            "price",
            "prijs",
        ],
    }
}

/// Words that make a header about something other than the deal's account (`Deal Name`,
/// `Opportunity Owner`, `Contact`).
const NOT_ACCOUNT: [&str; 7] = ["deal", "opportunity", "owner", "contact", "user", "created", "lead"];

fn strength(h: &str, f: DealField) -> u8 {
    // Pipedrive writes `Deal - Organization`, `Deal - Value`: the prefix says nothing.
    let h = ["deal ", "opportunity "]
        .iter()
        .find_map(|p| h.strip_prefix(p))
        .filter(|rest| !matches!(*rest, "name" | "title" | "id" | "owner"))
        .unwrap_or(h);
    let words: Vec<&str> = h.split(' ').collect();
    let id = words.iter().any(|w| matches!(*w, "id" | "nr" | "number" | "nummer" | "code"));
    let other = words.iter().any(|w| NOT_ACCOUNT.contains(w));
    match f {
        DealField::Account if id || other => return 0,
        DealField::AccountId if !id || other => return 0,
        _ => {}
    }
    header_words(f)
        .iter()
        .map(|w| {
            if h == *w {
                3
            } else if words.contains(w) || (w.contains(' ') && format!(" {h} ").contains(&format!(" {w} "))) {
                2
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// What the user confirms before deals are read.
#[derive(Clone, Debug, PartialEq)]
pub struct DealMapping {
    /// What each column is (`None`: not used).
    pub columns: Vec<Option<DealField>>,
    pub profiles: Vec<Profile>,
    /// What each stage value means.
    pub stages: ValueMap,
    /// What the amounts count.
    pub scale: Scale,
    /// Dates are written day first (`31-03-2026`), not month first (`3/31/2026`).
    pub day_first: bool,
    /// The currency the values are marked with, if they are (never converted).
    pub found_currency: Option<crate::domain::money::Currency>,
}

impl DealMapping {
    pub fn guess(table: &Table) -> DealMapping {
        let profiles: Vec<Profile> = (0..table.headers.len()).map(|i| Profile::of(table, i)).collect();
        let stage_known = |i: usize| {
            table.rows.iter().take(PROFILE_ROWS).filter(|(_, r)| guess_stage(Table::cell(r, i)).is_some()).count()
        };
        let mut proposals: Vec<(usize, DealField, usize)> = Vec::new();
        for (i, header) in table.headers.iter().enumerate() {
            let h = normalise(header);
            let p = &profiles[i];
            let share = |n: usize| if p.filled == 0 { 0.0 } else { n as f64 / p.filled as f64 };
            for &f in DealField::ALL {
                let s = strength(&h, f) as usize;
                let fits = match f {
                    DealField::Amount => share(p.numeric) >= 0.8,
                    DealField::CloseDate => share(p.years) >= 0.8,
                    DealField::Account | DealField::Product => p.filled > 0 && share(p.numeric) < 0.5,
                    DealField::AccountId => p.filled > 0,
                    // The stage column is the one whose values say won and lost best.
                    DealField::Stage => stage_known(i) > 0,
                };
                if s > 0 && fits {
                    let weight = if f == DealField::Stage { stage_known(i) * 4 + s } else { s };
                    proposals.push((i, f, weight));
                }
            }
        }
        let order = order_by(proposals.iter().map(|&(i, _, w)| pair(descending_u32(w), i)));
        let mut columns = vec![None; table.headers.len()];
        let mut used = HashSet::new();
        for (i, f, _) in order.into_iter().map(|k| proposals[k]) {
            if columns[i].is_none() && used.insert(f) {
                columns[i] = Some(f);
            }
        }
        let mut m = DealMapping {
            columns,
            profiles,
            stages: ValueMap::default(),
            scale: Scale::Units,
            day_first: true,
            found_currency: None,
        };
        for f in [DealField::Stage, DealField::Amount, DealField::CloseDate] {
            m.refresh(table, f);
        }
        m
    }

    /// Points a column at a field (taking it from the column that had it). What follows from
    /// a field's column (stage values, scale, date order) is guessed again only for the fields
    /// whose column changed: the user's other choices stay.
    pub fn retarget(&mut self, table: &Table, column: usize, field: Option<DealField>) {
        let Some(&old) = self.columns.get(column) else { return };
        let before: Vec<Option<usize>> = DealField::ALL.iter().map(|&f| self.column(f)).collect();
        if field.is_some() {
            for c in self.columns.iter_mut().filter(|c| **c == field) {
                *c = None;
            }
        }
        self.columns[column] = field;
        for (&f, was) in DealField::ALL.iter().zip(before) {
            if self.column(f) != was || Some(f) == old || Some(f) == field {
                self.refresh(table, f);
            }
        }
    }

    /// Guesses again what follows from `f`'s column.
    fn refresh(&mut self, table: &Table, f: DealField) {
        let column = self.column(f);
        let cells = |i: usize| table.rows.iter().map(move |(_, r)| Table::cell(r, i));
        match f {
            DealField::Stage => {
                self.stages = column.map_or_else(ValueMap::default, |i| {
                    ValueMap::build(table, i, |v| guess_stage(v).map(|s| s.slug().to_string()))
                });
            }
            DealField::Amount => {
                self.scale = column.map_or(Scale::Units, |i| Scale::from_header(&table.headers[i]));
                self.found_currency = column
                    .and_then(|i| cells(i).take(PROFILE_ROWS).find_map(crate::domain::money::Currency::marked_in));
            }
            DealField::CloseDate => self.day_first = column.is_none_or(|i| values::day_first(cells(i), true)),
            _ => {}
        }
    }

    pub fn column(&self, f: DealField) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(f))
    }

    /// What the summary needs: an account (by name or id), an amount and a stage.
    pub fn missing(&self) -> Vec<DealField> {
        let mut out = Vec::new();
        if self.column(DealField::Account).is_none() && self.column(DealField::AccountId).is_none() {
            out.push(DealField::Account);
        }
        for f in [DealField::Amount, DealField::Stage, DealField::CloseDate] {
            if self.column(f).is_none() {
                out.push(f);
            }
        }
        out
    }

    fn stage_of(&self, value: &str) -> DealStage {
        self.stages.choice(value).and_then(DealStage::from_slug).unwrap_or(DealStage::Open)
    }
}

/// One deal as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Deal {
    pub line: usize,
    pub account: String,
    pub account_id: String,
    pub product: String,
    pub stage: DealStage,
    pub close: Option<Date>,
    pub amount: f64,
}

/// Why a row is not read as a deal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DealProblem {
    NoAccount,
    NoAmount,
    BadAmount,
    NegativeAmount,
    BadDate,
    /// A won deal counts in a period only with the day it was won.
    WonWithoutDate,
}

/// Reads every row; refused rows are named with their line.
pub fn read_deals(table: &Table, m: &DealMapping) -> (Vec<Deal>, Vec<(usize, DealProblem)>) {
    let col = |f| m.column(f);
    let (account, account_id, product, stage, close, amount) = (
        col(DealField::Account),
        col(DealField::AccountId),
        col(DealField::Product),
        col(DealField::Stage),
        col(DealField::CloseDate),
        col(DealField::Amount),
    );
    let get = |row: &[String], c: Option<usize>| c.map_or(String::new(), |i| Table::cell(row, i).to_string());
    let mut deals = Vec::new();
    let mut refused = Vec::new();
    for (line, row) in &table.rows {
        let deal = (|| {
            let (name, id) = (get(row, account), get(row, account_id));
            if name.is_empty() && id.is_empty() {
                return Err(DealProblem::NoAccount);
            }
            let raw = get(row, amount);
            if raw.is_empty() {
                return Err(DealProblem::NoAmount);
            }
            let value = parse_number(&raw).map_err(|_| DealProblem::BadAmount)? * m.scale.factor();
            if value < 0.0 {
                return Err(DealProblem::NegativeAmount);
            }
            if value > MAX_ABS {
                return Err(DealProblem::BadAmount);
            }
            let date_text = get(row, close);
            let date = match date_text.is_empty() {
                true => None,
                false => Some(loose_date(&date_text, m.day_first).ok_or(DealProblem::BadDate)?),
            };
            let stage = m.stage_of(&get(row, stage));
            if stage == DealStage::Won && date.is_none() {
                return Err(DealProblem::WonWithoutDate);
            }
            Ok(Deal {
                line: *line,
                account: name.chars().take(200).collect(),
                account_id: id.chars().take(200).collect(),
                product: get(row, product).chars().take(200).collect(),
                stage,
                close: date,
                amount: value,
            })
        })();
        match deal {
            Ok(d) => deals.push(d),
            Err(p) => refused.push((*line, p)),
        }
    }
    (deals, refused)
}

/// Quarters of won revenue a summary keeps: two years.
pub const QUARTERS: usize = 8;

/// What a deal history says about one account, as of the day it was imported.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DealSummary {
    pub as_of: Date,
    /// Won in the twelve months up to `as_of`, and in the twelve before.
    pub won_last_12: f64,
    pub won_prior_12: f64,
    pub won_deals: u32,
    /// Different products among the won deals.
    pub products: u32,
    /// The value of the deals still open.
    pub open_pipeline: f64,
    pub open_deals: u32,
    /// Won per calendar quarter, oldest first; the last is `as_of`'s quarter.
    pub quarters: Vec<f64>,
}

/// A calendar quarter as one number: year × 4 + quarter (0–3).
fn quarter_number(d: Date) -> i64 {
    let (y, m, _) = d.ymd();
    y as i64 * 4 + (m as i64 - 1) / 3
}

/// The year and quarter (1–4) of the `i`-th quarter of a summary made on `as_of`.
pub fn quarter_label(as_of: Date, i: usize) -> (i32, u32) {
    let n = quarter_number(as_of) - (QUARTERS as i64 - 1 - i as i64);
    (n.div_euclid(4) as i32, n.rem_euclid(4) as u32 + 1)
}

impl DealSummary {
    fn from_deals(deals: &[&Deal], as_of: Date) -> DealSummary {
        let mut s = DealSummary {
            as_of,
            won_last_12: 0.0,
            won_prior_12: 0.0,
            won_deals: 0,
            products: 0,
            open_pipeline: 0.0,
            open_deals: 0,
            quarters: vec![0.0; QUARTERS],
        };
        let mut products = HashSet::new();
        let now_q = quarter_number(as_of);
        for d in deals {
            match (d.stage, d.close) {
                (DealStage::Won, Some(close)) => {
                    let age = close.days_until(as_of);
                    if age < 365 {
                        s.won_last_12 += d.amount;
                    } else if age < 730 {
                        s.won_prior_12 += d.amount;
                    }
                    let back = now_q - quarter_number(close);
                    if (0..QUARTERS as i64).contains(&back) {
                        s.quarters[QUARTERS - 1 - back as usize] += d.amount;
                    }
                    s.won_deals += 1;
                    if !d.product.is_empty() {
                        products.insert(d.product.to_lowercase());
                    }
                }
                (DealStage::Open, _) => {
                    s.open_pipeline += d.amount;
                    s.open_deals += 1;
                }
                _ => {}
            }
        }
        s.products = products.len() as u32;
        let cap = |v: &mut f64| *v = v.min(MAX_ABS);
        cap(&mut s.won_last_12);
        cap(&mut s.won_prior_12);
        cap(&mut s.open_pipeline);
        s.quarters.iter_mut().for_each(cap);
        s
    }

    /// Won in the last twelve months against the twelve before, as a share (0.25 = +25 %).
    pub fn growth(&self) -> Option<f64> {
        (self.won_prior_12 > 0.0).then(|| (self.won_last_12 - self.won_prior_12) / self.won_prior_12)
    }

    /// Of the last four full quarters, those with revenue won.
    pub fn active_quarters(&self) -> usize {
        let n = self.quarters.len();
        self.quarters.iter().skip(n.saturating_sub(5)).take(4).filter(|v| **v > 0.0).count()
    }

    /// What the deals say to a checklist question, when they say something: revenue that held
    /// (within 5 %) or grew answers "stable or grown"; won deals in three of the last four
    /// quarters answer "orders regularly" (one or none: no).
    pub fn suggests(&self, q: Question) -> Option<bool> {
        match q {
            Question::VolumeStable => self.growth().map(|g| g >= -0.05),
            Question::VolumeRecurring => match self.active_quarters() {
                0 | 1 if self.quarters.len() == QUARTERS => Some(false),
                3 | 4 => Some(true),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether a stored summary is within bounds (an imported file may hold anything).
    pub fn is_valid(&self) -> bool {
        let amount = |v: f64| v.is_finite() && (0.0..=MAX_ABS).contains(&v);
        self.quarters.len() <= QUARTERS
            && self.quarters.iter().all(|v| amount(*v))
            && [self.won_last_12, self.won_prior_12, self.open_pipeline].into_iter().all(amount)
    }
}

/// Deals that name no account of the workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct Unmatched {
    pub name: String,
    pub deals: usize,
    pub won: f64,
}

/// A deals file matched to the workspace.
#[derive(Clone, Debug, PartialEq)]
pub struct DealImport {
    /// Account id, account name, summary — in the workspace's order.
    pub summaries: Vec<(String, String, DealSummary)>,
    pub unmatched: Vec<Unmatched>,
    pub refused: Vec<(usize, DealProblem)>,
    pub deals: usize,
    pub matched_deals: usize,
    /// By account id: the products won in the last two years, as the file names them. They
    /// mark the offerings of the catalogue with those names as in use ([`apply`]).
    pub won_products: HashMap<String, Vec<String>>,
}

/// A company name without case, punctuation or legal form: `Cartech B.V.` is `cartech`.
pub fn name_key(name: &str) -> String {
    const LEGAL: [&str; 24] = [
        "bv",
        "b v",
        "nv",
        "n v",
        "vof",
        "bvba",
        "gmbh",
        "ag",
        "kg",
        "se",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "plc",
        "sa",
        "sarl",
        "srl",
        "spa",
        "ab",
        "as",
        "oy",
        "corp",
    ];
    let lower = name.to_lowercase().replace(['.', ','], " ");
    let mut words: Vec<&str> =
        lower.split(|c: char| !c.is_alphanumeric() && c != '&').filter(|w| !w.is_empty()).collect();
    // Strip legal forms from the end (`Globex Holding B.V.` keeps `holding`).
    loop {
        let n = words.len();
        if n > 1 && LEGAL.contains(&words[n - 1]) {
            words.pop();
        } else if n > 2 && LEGAL.contains(&format!("{} {}", words[n - 2], words[n - 1]).as_str()) {
            words.truncate(n - 2);
        } else {
            break;
        }
    }
    words.join(" ")
}

/// Groups deals by account and summarises each matched account's deals.
pub fn match_deals(deals: &[Deal], refused: Vec<(usize, DealProblem)>, ws: &Workspace, as_of: Date) -> DealImport {
    let (by_crm, by_name) = ws.lookup();
    // A loose key names an account only when no other account shares it.
    let mut by_key: HashMap<String, Option<usize>> = HashMap::new();
    for (i, a) in ws.accounts.iter().enumerate() {
        by_key.entry(name_key(&a.fields.name)).and_modify(|e| *e = None).or_insert(Some(i));
    }
    let mut groups: HashMap<usize, Vec<&Deal>> = HashMap::new();
    let mut unmatched: Vec<Unmatched> = Vec::new();
    let mut unmatched_at: HashMap<String, usize> = HashMap::new();
    for d in deals {
        let found = by_crm
            .get(d.account_id.as_str())
            .copied()
            .filter(|_| !d.account_id.is_empty())
            .or_else(|| by_name.get(&crate::domain::workspace::name_key(&d.account)).copied())
            .or_else(|| by_key.get(&name_key(&d.account)).copied().flatten());
        match found {
            Some(i) => groups.entry(i).or_default().push(d),
            None => {
                let label = if d.account.is_empty() { d.account_id.clone() } else { d.account.clone() };
                let at = *unmatched_at.entry(label.to_lowercase()).or_insert_with(|| {
                    unmatched.push(Unmatched { name: label, deals: 0, won: 0.0 });
                    unmatched.len() - 1
                });
                unmatched[at].deals += 1;
                if d.stage == DealStage::Won {
                    unmatched[at].won += d.amount;
                }
            }
        }
    }
    let matched_deals = groups.values().map(Vec::len).sum();
    let indices: Vec<usize> = groups.keys().copied().collect();
    let summaries = order_by(indices.iter().map(|&i| i as u64))
        .into_iter()
        .map(|k| indices[k])
        .map(|i| {
            let a = &ws.accounts[i];
            (a.id.clone(), a.fields.name.clone(), DealSummary::from_deals(&groups[&i], as_of))
        })
        .collect();
    let won_products = groups
        .iter()
        .map(|(&i, deals)| {
            let mut seen = HashSet::new();
            let recent = deals.iter().filter(|d| {
                d.stage == DealStage::Won && d.close.is_some_and(|c| (0..730).contains(&c.days_until(as_of)))
            });
            let names = recent
                .map(|d| d.product.trim().to_string())
                .filter(|p| !p.is_empty() && seen.insert(p.to_lowercase()))
                .collect();
            (ws.accounts[i].id.clone(), names)
        })
        .collect();
    // Most deals first; among equals, in the order the file names them.
    let order = order_by(unmatched.iter().enumerate().map(|(at, u)| pair(descending_u32(u.deals), at)));
    let unmatched = order.into_iter().map(|i| unmatched[i].clone()).collect();
    DealImport { summaries, unmatched, refused, deals: deals.len(), matched_deals, won_products }
}

/// Stores each matched account's summary (replacing an earlier one) and, if the user chose
/// so, takes its revenue won in the last twelve months as its current revenue. Offerings of
/// the catalogue won in the last two years are marked in use in the account's whitespace
/// (`whitespace::mark_in_use`). Returns how many accounts changed and how many offerings were
/// marked in use.
pub fn apply(ws: &mut Workspace, import: &DealImport, set_revenue: bool, now_ms: i64) -> (usize, usize) {
    let (mut changed, mut in_use) = (0, 0);
    // Indices looked up once: thousands of summaries must not search every account each.
    let at = ws.positions();
    let offerings = ws.offerings.clone();
    for (id, _, summary) in &import.summaries {
        let mut any = false;
        let won = import.won_products.get(id).map_or(&[][..], Vec::as_slice);
        let found = ws.edit_hinted(id, at.get(id).copied(), now_ms, |a| {
            let before = (a.deals.clone(), a.fields.revenue);
            a.deals = Some(summary.clone());
            if set_revenue {
                a.fields.revenue = Some(summary.won_last_12);
            }
            let marked = super::whitespace::mark_in_use(&mut a.whitespace, &offerings, won);
            in_use += marked;
            any = marked > 0 || before != (a.deals.clone(), a.fields.revenue);
        });
        changed += usize::from(found && any);
    }
    (changed, in_use)
}

/// A deal history with a bit of everything, for tests elsewhere in the domain.
#[cfg(test)]
pub(crate) fn summary_for_tests(as_of: Date) -> DealSummary {
    DealSummary {
        as_of,
        won_last_12: 1_200_000.0,
        won_prior_12: 900_000.0,
        won_deals: 14,
        products: 3,
        open_pipeline: 250_000.0,
        open_deals: 2,
        quarters: vec![200_000.0, 250_000.0, 0.0, 450_000.0, 300_000.0, 400_000.0, 300_000.0, 200_000.0],
    }
}

// The fixtures are files read natively and decoded with `encoding_rs`: native only.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use super::*;
    use crate::domain::account::{Account, AccountFields};
    use crate::domain::spreadsheet::import::{self, check_rows, Mapping};
    use crate::domain::spreadsheet::read_table;
    use crate::domain::spreadsheet::tests::{decode, fixture};

    fn today() -> Date {
        Date::parse("2026-11-28").unwrap()
    }

    /// A summary for other modules' tests.
    fn workspace(names: &[&str]) -> Workspace {
        let mut ws = Workspace::default();
        for (i, n) in names.iter().enumerate() {
            ws.add(Account::new(format!("a{i}"), AccountFields { name: n.to_string(), ..AccountFields::default() }, 0));
        }
        ws
    }

    struct Loaded {
        table: Table,
        mapping: DealMapping,
        import: DealImport,
    }

    fn load(name: &str, ws: &Workspace) -> Loaded {
        let (_, text) = decode(&fixture(name));
        let table = read_table(&text).unwrap();
        let mapping = DealMapping::guess(&table);
        let (deals, refused) = read_deals(&table, &mapping);
        let import = match_deals(&deals, refused, ws, today());
        Loaded { table, mapping, import }
    }

    impl Loaded {
        fn mapped(&self) -> Vec<(&str, &str)> {
            self.table
                .headers
                .iter()
                .zip(&self.mapping.columns)
                .filter_map(|(h, c)| c.map(|f| (h.as_str(), f.key())))
                .collect()
        }

        fn stages(&self) -> Vec<(&str, usize, &str)> {
            self.mapping
                .stages
                .entries
                .iter()
                .map(|e| (e.value.as_str(), e.count, e.choice.as_deref().unwrap_or("")))
                .collect()
        }

        fn summary(&self, name: &str) -> &DealSummary {
            &self.import.summaries.iter().find(|(_, n, _)| n == name).unwrap_or_else(|| panic!("{name}")).2
        }
    }

    #[test]
    fn salesforce_opportunities_match_imported_accounts_by_crm_id() {
        // The accounts come from the Salesforce account export, CRM ids included.
        let mut ws = Workspace::default();
        let (_, text) = decode(&fixture("salesforce-accounts.csv"));
        let accounts = read_table(&text).unwrap();
        let m = Mapping::guess(&accounts, &ws);
        let checks = check_rows(&accounts, &m, &ws, today());
        let mut n = 0;
        import::apply(
            &mut ws,
            &checks,
            m.currency,
            || {
                n += 1;
                format!("sf{n}")
            },
            1,
        );

        let l = load("deals-salesforce-opportunities.csv", &ws);
        assert_eq!(
            l.mapped(),
            vec![
                ("Account Name", "account"),
                ("Account ID", "account_id"),
                ("Stage", "stage"),
                ("Amount", "amount"),
                ("Close Date", "close_date"),
                ("Product Family", "product"),
            ]
        );
        assert!(!l.mapping.day_first, "3/31/2026 is American");
        assert_eq!(l.mapping.found_currency, Some(crate::domain::money::Currency::Usd));
        assert_eq!(
            l.stages(),
            vec![
                ("Closed Won", 120, "won"),
                ("Closed Lost", 30, "lost"),
                ("Negotiation/Review", 30, "open"),
                ("Prospecting", 30, "open"),
                ("Proposal/Price Quote", 30, "open"),
            ]
        );
        assert_eq!((l.import.deals, l.import.refused.len(), l.import.matched_deals), (240, 0, 220));
        assert_eq!(l.import.summaries.len(), 11);
        assert_eq!(l.import.unmatched, vec![Unmatched { name: "Unknown Industries Ltd".into(), deals: 20, won: 0.0 }]);
        let cartech = l.summary("Cartech");
        assert_eq!(
            (cartech.won_last_12, cartech.won_prior_12, cartech.won_deals, cartech.products, cartech.open_pipeline),
            (716_200.0, 492_076.0, 20, 4, 0.0)
        );
        assert_eq!(
            cartech.quarters,
            vec![47_060.0, 267_360.0, 85_888.0, 135_004.0, 184_120.0, 127_068.0, 221_772.0, 96_472.0]
        );
        // "Polder Bouw B.V." in the deals is the account "Polder Bouw", by its CRM id.
        assert_eq!((l.summary("Polder Bouw").open_pipeline, l.summary("Polder Bouw").open_deals), (660_340.0, 20));

        // Applied: summaries stored, and the revenue only when the user asks. The catalogue's
        // offerings named like won products are marked in use, unless the user said lost.
        let offering = |id: &str, name: &str| crate::domain::whitespace::Offering {
            id: id.into(),
            name: name.into(),
            ..Default::default()
        };
        ws.offerings = vec![offering("o-m", "machines"), offering("o-s", " Service"), offering("o-p", "Spare parts")];
        use crate::domain::whitespace::CellStatus;
        ws.set_cell("sf1", "o-s", Some(CellStatus::Potential), Some(9_000.0), 1);
        ws.set_cell("sf1", "o-p", Some(CellStatus::Lost), None, 1);
        let l = load("deals-salesforce-opportunities.csv", &ws);
        let mut won = l.import.won_products["sf1"].clone();
        won.sort();
        assert_eq!(won, ["Machines", "Service", "Spare parts", "Training"]);
        let before = ws.find("sf1").unwrap().fields.revenue;
        let (accounts, in_use) = apply(&mut ws, &l.import, false, 2);
        assert_eq!(accounts, 11);
        let cells: Vec<(&str, CellStatus, Option<f64>)> =
            ws.find("sf1").unwrap().whitespace.iter().map(|c| (c.id.as_str(), c.status, c.value)).collect();
        assert_eq!(
            cells,
            [
                ("o-s", CellStatus::InUse, Some(9_000.0)),
                ("o-p", CellStatus::Lost, None),
                ("o-m", CellStatus::InUse, None)
            ]
        );
        // Cartech's two, and every other account's won products that the catalogue names.
        let named = ["machines", "service", "spare parts"];
        let others: usize = l
            .import
            .won_products
            .iter()
            .filter(|(id, _)| *id != "sf1")
            .map(|(_, won)| won.iter().filter(|p| named.contains(&p.to_lowercase().as_str())).count())
            .sum();
        assert!(others > 0);
        assert_eq!(in_use, 2 + others);
        assert_eq!(ws.find("sf1").unwrap().fields.revenue, before);
        assert_eq!(ws.find("sf1").unwrap().deals.as_ref().map(|d| d.won_last_12), Some(716_200.0));
        apply(&mut ws, &l.import, true, 3);
        assert_eq!(ws.find("sf1").unwrap().fields.revenue, Some(716_200.0));
    }

    #[test]
    fn pipedrive_deals_by_name_with_status_and_won_time() {
        let ws = workspace(&[
            "Cartech",
            "Vicom Telecom",
            "Globex Logistics",
            "Polder Bouw",
            "Atlas Machinery",
            "Noorderlicht Energie",
            "Brightwave Media",
            "Delta Foods",
            "Hanze Pharma",
        ]);
        let l = load("deals-pipedrive.csv", &ws);
        assert_eq!(
            l.mapped(),
            vec![
                ("Deal - Organization", "account"),
                ("Deal - Value", "amount"),
                ("Deal - Status", "stage"),
                ("Deal - Won time", "close_date"),
                ("Deal - Product name", "product"),
            ]
        );
        assert_eq!(l.stages(), vec![("won", 45, "won"), ("open", 30, "open"), ("lost", 15, "lost")]);
        assert_eq!((l.import.deals, l.import.matched_deals, l.import.unmatched.len()), (90, 90, 0));
        let cartech = l.summary("Cartech");
        assert_eq!((cartech.won_last_12, cartech.won_prior_12, cartech.products), (66_700.0, 135_550.0, 3));
        assert_eq!(cartech.suggests(Question::VolumeStable), Some(false), "revenue halved");
        let brightwave = l.summary("Brightwave Media");
        assert_eq!((brightwave.won_last_12, brightwave.won_prior_12), (129_450.0, 99_800.0));
        assert_eq!(brightwave.suggests(Question::VolumeStable), Some(true));
        assert_eq!(brightwave.suggests(Question::VolumeRecurring), Some(true), "won in each of the last four quarters");
        let globex = l.summary("Globex Logistics");
        assert_eq!((globex.won_deals, globex.open_deals, globex.open_pipeline), (0, 10, 211_250.0));
        assert_eq!(globex.suggests(Question::VolumeStable), None, "no history to compare");
        assert_eq!(globex.suggests(Question::VolumeRecurring), Some(false));
    }

    #[test]
    fn dutch_deals_with_legal_forms_and_day_first_dates() {
        let names = [
            "Tidewater Metals",
            "Umbra Textiles",
            "Vantage Banking",
            "Westbrook Dairy",
            "Yarrow Agritech",
            "Zenith Automotive",
            "Alder & Finch Consulting",
            "Solace Healthcare",
        ];
        let l = load("deals-nl.csv", &workspace(&names));
        assert_eq!(
            l.mapped(),
            vec![
                ("Klant", "account"),
                ("Product", "product"),
                ("Fase", "stage"),
                ("Sluitdatum", "close_date"),
                ("Bedrag", "amount")
            ]
        );
        assert!(l.mapping.day_first);
        assert_eq!(
            l.stages(),
            vec![
                ("Gewonnen", 30, "won"),
                ("Verloren", 10, "lost"),
                ("Offerte", 10, "open"),
                ("Onderhandeling", 10, "open")
            ]
        );
        assert_eq!((l.import.deals, l.import.matched_deals, l.import.summaries.len()), (60, 60, 8));
        let tidewater = l.summary("Tidewater Metals");
        assert_eq!((tidewater.won_last_12, tidewater.won_prior_12, tidewater.won_deals), (35_625.0, 30_750.0, 5));
        assert_eq!(l.summary("Umbra Textiles").open_pipeline, 76_500.0);
    }

    #[test]
    fn hubspot_stages_map_and_unknown_ones_stay_open() {
        let l = load("deals-hubspot.csv", &workspace(&["Delta Foods", "Kestrel Aerospace", "Noorderlicht Energie"]));
        assert_eq!(
            l.mapped(),
            vec![
                ("Deal Stage", "stage"),
                ("Close Date", "close_date"),
                ("Amount", "amount"),
                ("Associated Company", "account")
            ]
        );
        assert_eq!(
            l.stages(),
            vec![
                ("Closed won", 17, "won"),
                ("Closed lost", 9, "lost"),
                ("Appointment scheduled", 8, ""),
                ("Contract sent", 8, ""),
                ("Qualified to buy", 8, "open"),
            ]
        );
        assert_eq!((l.import.matched_deals, l.import.summaries.len()), (15, 3));
        let unmatched: Vec<(&str, usize)> = l.import.unmatched.iter().map(|u| (u.name.as_str(), u.deals)).collect();
        assert_eq!(unmatched.len(), 7, "named, not created");
        assert!(unmatched.iter().all(|(_, n)| *n == 5));
        let delta = l.summary("Delta Foods");
        assert_eq!((delta.won_last_12, delta.won_prior_12, delta.open_pipeline), (18_800.0, 73_600.0, 46_600.0));
    }

    #[test]
    fn rows_that_are_no_deal_are_refused_with_their_line() {
        let text = "Account,Stage,Close date,Amount\n\
                    Cartech,Won,2026-03-01,1000\n\
                    ,Won,2026-03-01,1000\n\
                    Cartech,Won,2026-03-01,\n\
                    Cartech,Won,2026-03-01,lots\n\
                    Cartech,Won,2026-03-01,-5\n\
                    Cartech,Won,31-02-2026,5\n\
                    Cartech,Won,,5\n\
                    Cartech,Open,,5\n";
        let table = read_table(text).unwrap();
        let m = DealMapping::guess(&table);
        assert!(m.missing().is_empty());
        let (deals, refused) = read_deals(&table, &m);
        assert_eq!(deals.iter().map(|d| d.line).collect::<Vec<_>>(), vec![2, 9]);
        assert_eq!(
            refused,
            vec![
                (3, DealProblem::NoAccount),
                (4, DealProblem::NoAmount),
                (5, DealProblem::BadAmount),
                (6, DealProblem::NegativeAmount),
                (7, DealProblem::BadDate),
                (8, DealProblem::WonWithoutDate),
            ]
        );
        let only_names = read_table("Account,Amount\nCartech,5\n").unwrap();
        assert_eq!(DealMapping::guess(&only_names).missing(), vec![DealField::Stage, DealField::CloseDate]);
    }

    #[test]
    fn names_match_without_case_punctuation_or_legal_form() {
        for (a, b) in [
            ("Cartech B.V.", "cartech"),
            ("CARTECH BV", "cartech"),
            ("Müller Maschinenbau GmbH", "müller maschinenbau"),
            ("Globex Holding N.V.", "globex holding"),
            ("Alder & Finch Consulting Ltd.", "alder & finch consulting"),
            ("BV", "bv"),
        ] {
            assert_eq!(name_key(a), b, "{a}");
        }
        // Two accounts sharing a loose key: neither is guessed.
        let ws = workspace(&["Cartech BV", "Cartech NV"]);
        let table = read_table("Account,Stage,Close date,Amount\nCartech,Won,2026-03-01,1000\n").unwrap();
        let (deals, refused) = read_deals(&table, &DealMapping::guess(&table));
        assert_eq!(match_deals(&deals, refused, &ws, today()).unmatched.len(), 1);
    }

    #[test]
    fn summaries_know_their_quarters_and_growth() {
        let s = summary_for_tests(today());
        assert_eq!(s.growth().map(|g| (g * 1000.0).round()), Some(333.0));
        assert_eq!(s.active_quarters(), 4);
        assert_eq!((quarter_label(today(), 7), quarter_label(today(), 0)), ((2026, 4), (2025, 1)));
        let flat = DealSummary { won_prior_12: 1_250_000.0, ..s.clone() };
        assert_eq!(flat.suggests(Question::VolumeStable), Some(true), "-4 % is steady");
        let falling = DealSummary { won_prior_12: 1_300_000.0, ..s.clone() };
        assert_eq!(falling.suggests(Question::VolumeStable), Some(false));
        let lumpy = DealSummary { quarters: vec![0.0, 0.0, 0.0, 0.0, 9.0, 0.0, 0.0, 5.0], ..s.clone() };
        assert_eq!(lumpy.suggests(Question::VolumeRecurring), Some(false), "one of the last four full quarters");
        assert_eq!(s.suggests(Question::FitNeeds), None);
        assert!(s.is_valid());
        assert!(!DealSummary { won_last_12: f64::NAN, ..s.clone() }.is_valid());
        assert!(!DealSummary { quarters: vec![1.0; 9], ..s }.is_valid());
    }
}
