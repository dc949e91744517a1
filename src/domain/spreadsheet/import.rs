//! Importing accounts from a table: the mapping the user confirms (what each column
//! becomes, in which scale its amounts are, what each listed value becomes), every row
//! checked exactly like the account form, and the outcome applied as one change.
//!
//! Rows are refused only for what makes an account invalid (no name, a negative revenue…).
//! A listed value that maps to nothing takes the default and the row says so. A row whose
//! CRM id (or, without one, whose name) is an account's already updates that account
//! instead of adding a second one — so importing one file twice adds nothing.

use std::collections::{HashMap, HashSet};

use super::columns::{guess_from, Profile, Scale, Target};
use super::values::{self, ValueMap};
use super::Table;
use crate::domain::account::{
    format_plain, Account, AccountDraft, AccountField, AccountFields, Extra, Stage, Status, MAX_EXTRAS,
    MAX_EXTRA_LABEL, MAX_EXTRA_VALUE,
};
use crate::domain::criteria::{Criterion, Question};
use crate::domain::date::Date;
use crate::domain::money::Currency;
use crate::domain::validate::{without_bidi_overrides, FieldError, Form};
use crate::domain::workspace::{name_key, Workspace};

/// What one column becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnPlan {
    pub target: Target,
    /// For money fields: what the numbers count.
    pub scale: Scale,
    /// For choice fields: what each listed value becomes.
    pub values: ValueMap,
}

/// Everything the user confirms before an import.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    pub columns: Vec<ColumnPlan>,
    pub profiles: Vec<Profile>,
    /// The currency the amounts are in (the workspace's after the import).
    pub currency: Currency,
    /// The currency the file's amounts are marked with, if they are (`$`, `EUR`).
    pub found_currency: Option<Currency>,
}

/// Whether amounts of this field are money (and so may be kept in thousands).
pub fn is_money(f: AccountField) -> bool {
    matches!(f, AccountField::Revenue | AccountField::Potential)
}

/// The guess for a choice field's value, as a slug.
fn value_guess(f: AccountField) -> fn(&str) -> Option<String> {
    match f {
        AccountField::Status => |v| values::guess_status(v).map(|s| s.slug().to_string()),
        AccountField::Stage => |v| values::guess_stage(v).map(|s| s.slug().to_string()),
        _ => |_| None,
    }
}

/// The choices a value of a choice field may map to, as slugs.
pub fn choices(f: AccountField) -> Vec<&'static str> {
    match f {
        AccountField::Status => Status::ALL.iter().map(|s| s.slug()).collect(),
        AccountField::Stage => Stage::ALL.iter().map(|s| s.slug()).collect(),
        _ => Vec::new(),
    }
}

impl Mapping {
    /// The proposal for a table: targets from headers and values, scales from headers, value
    /// maps from guesses, the currency from the amounts' marks or else the workspace's.
    pub fn guess(table: &Table, ws: &Workspace) -> Mapping {
        let profiles: Vec<Profile> = (0..table.headers.len()).map(|i| Profile::of(table, i)).collect();
        let known: Vec<String> = super::extra_labels(ws);
        let targets = guess_from(&table.headers, &profiles, &known);
        let mut m = Mapping {
            columns: Vec::with_capacity(targets.len()),
            profiles,
            currency: ws.scoring.currency,
            found_currency: None,
        };
        for (i, target) in targets.into_iter().enumerate() {
            m.columns.push(ColumnPlan { target: Target::Ignore, scale: Scale::Units, values: ValueMap::default() });
            m.retarget(table, i, target);
        }
        m.found_currency = m.marked_currency(table);
        if let Some(c) = m.found_currency {
            m.currency = c;
        }
        m
    }

    /// A mapping with the given targets (and what follows from them), in `currency`.
    pub fn with_targets(table: &Table, targets: &[Target], currency: Currency) -> Mapping {
        let mut m = Mapping {
            columns: vec![
                ColumnPlan { target: Target::Ignore, scale: Scale::Units, values: ValueMap::default() };
                table.headers.len()
            ],
            profiles: (0..table.headers.len()).map(|i| Profile::of(table, i)).collect(),
            currency,
            found_currency: None,
        };
        for (i, t) in targets.iter().enumerate() {
            m.retarget(table, i, *t);
        }
        m
    }

    /// Points a column at a target: each field is imported from one column at most (the
    /// column that had it before is set to "not imported"), a money column gets the scale its
    /// header says, a choice column the values it holds with their guesses.
    pub fn retarget(&mut self, table: &Table, column: usize, target: Target) {
        if column >= self.columns.len() {
            return;
        }
        if matches!(target, Target::Field(_) | Target::Rating(_) | Target::Answer(_)) {
            for (i, c) in self.columns.iter_mut().enumerate() {
                if i != column && c.target == target {
                    *c = ColumnPlan { target: Target::Ignore, scale: Scale::Units, values: ValueMap::default() };
                }
            }
        }
        let header = table.headers.get(column).map_or("", String::as_str);
        let plan = &mut self.columns[column];
        plan.target = target;
        plan.scale = match target {
            Target::Field(f) if is_money(f) => Scale::from_header(header),
            _ => Scale::Units,
        };
        plan.values = match target {
            Target::Field(f @ (AccountField::Status | AccountField::Stage)) => {
                ValueMap::build(table, column, value_guess(f))
            }
            _ => ValueMap::default(),
        };
    }

    pub fn target(&self, column: usize) -> Target {
        self.columns.get(column).map_or(Target::Ignore, |c| c.target)
    }

    pub fn has_name(&self) -> bool {
        self.columns.iter().any(|c| c.target == Target::Field(AccountField::Name))
    }

    /// Whether a money column's amounts look like thousands while read as units.
    pub fn looks_scaled(&self, column: usize) -> bool {
        match (self.columns.get(column), self.profiles.get(column)) {
            (Some(c), Some(p)) => c.target.field().is_some_and(is_money) && c.scale == Scale::Units && p.looks_scaled(),
            _ => false,
        }
    }

    /// The currency most amounts in money columns are marked with.
    fn marked_currency(&self, table: &Table) -> Option<Currency> {
        let money: Vec<usize> =
            (0..self.columns.len()).filter(|&i| self.columns[i].target.field().is_some_and(is_money)).collect();
        let mut counts: HashMap<Currency, usize> = HashMap::new();
        for (_, row) in table.rows.iter().take(super::columns::PROFILE_ROWS) {
            for &i in &money {
                if let Some(c) = Currency::marked_in(Table::cell(row, i)) {
                    *counts.entry(c).or_default() += 1;
                }
            }
        }
        // Ties cannot decide: ALL's order (EUR first) picks.
        Currency::ALL
            .into_iter()
            .filter(|c| counts.contains_key(c))
            .max_by_key(|c| (counts[c], std::cmp::Reverse(*c as u8)))
    }
}

/// What a row imports, besides its fields.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub fields: AccountFields,
    pub extra: Vec<Extra>,
    /// Ratings the row sets (columns mapped to a criterion's rating).
    pub ratings: Vec<(Criterion, u8)>,
    /// Checklist answers the row gives.
    pub answers: Vec<(Question, bool)>,
    /// The parent account the row names (CRM id or name), linked once every row is in.
    pub parent: Option<String>,
}

impl Incoming {
    /// Whether the row would change nothing of `account`'s assessment.
    fn assessment_matches(&self, a: &Account) -> bool {
        self.ratings.iter().all(|(c, r)| a.assessment.overrides.get(c) == Some(r))
            && self.answers.iter().all(|(q, yes)| a.assessment.answer(*q) == Some(*yes))
    }
}

type Ratings = Vec<(Criterion, u8)>;
type Answers = Vec<(Question, bool)>;

/// The ratings and answers a row gives. A cell that is empty or reads as neither leaves the
/// account's own (the column's validity in the preview counts such cells).
fn assessment_cells(row: &[String], mapping: &Mapping) -> (Ratings, Answers) {
    let mut ratings = Vec::new();
    let mut answers = Vec::new();
    for (i, plan) in mapping.columns.iter().enumerate() {
        let v = Table::cell(row, i);
        match plan.target {
            Target::Rating(c) => ratings.extend(values::rating(v).map(|r| (c, r))),
            Target::Answer(q) => answers.extend(values::yes_no(v).map(|a| (q, a))),
            _ => {}
        }
    }
    (ratings, answers)
}

#[derive(Clone, Debug, PartialEq)]
pub enum RowOutcome {
    /// A new account.
    New(Box<Incoming>),
    /// An account that exists (same CRM id): these values replace its own.
    Update {
        id: String,
        name: String,
        incoming: Box<Incoming>,
    },
    /// An account that exists and already holds these values.
    Unchanged {
        id: String,
    },
    Invalid(Vec<FieldError<AccountField>>),
    /// Names an account that exists with another CRM id, or repeats an earlier row.
    Duplicate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowCheck {
    pub line: usize,
    pub outcome: RowOutcome,
    /// Choice fields whose value the map left to the default.
    pub defaulted: Vec<AccountField>,
}

/// An amount in units: `1.250` in thousands is 1,250,000. Text that is no number is left
/// for validation to name.
fn scaled(v: &str, scale: Scale) -> String {
    match (scale, crate::domain::number::parse_number(v)) {
        (Scale::Units, _) | (_, Err(_)) => v.to_string(),
        (s, Ok(n)) => format_plain(n * s.factor()),
    }
}

/// A row as the account form would see it: the cells written into `draft` (blank for a new
/// account, the account's own for an update). Empty cells leave the draft's value; a value
/// the map leaves to the default is written only for a new account. Returns the defaulted
/// fields.
fn fill(draft: &mut AccountDraft, row: &[String], mapping: &Mapping, new: bool) -> Vec<AccountField> {
    let mut defaulted = Vec::new();
    for (i, plan) in mapping.columns.iter().enumerate() {
        let Target::Field(f) = plan.target else { continue };
        let v = Table::cell(row, i);
        if v.is_empty() {
            continue;
        }
        match f {
            AccountField::Status | AccountField::Stage => match plan.values.choice(v) {
                Some(slug) => draft.set(f, slug),
                None => {
                    defaulted.push(f);
                    if new {
                        let default = if f == AccountField::Status { Status::Customer.slug() } else { "" };
                        draft.set(f, default);
                    }
                }
            },
            AccountField::Revenue | AccountField::Potential => draft.set(f, scaled(v, plan.scale)),
            // A date where a year is asked: its year (`Customer since: 2019-03-01`).
            AccountField::CustomerSince => match values::loose_date(v, true).or_else(|| values::loose_date(v, false)) {
                Some(d) if crate::domain::number::parse_number(v).is_err() => draft.set(f, d.ymd().0.to_string()),
                _ => draft.set(f, v),
            },
            _ => draft.set(f, v),
        }
    }
    defaulted
}

/// The extra fields a row keeps: the header as label, the cell as value, both cut to size.
fn extras(table: &Table, row: &[String], mapping: &Mapping) -> Vec<Extra> {
    let cut = |s: &str, max: usize| without_bidi_overrides(s.trim()).chars().take(max).collect::<String>();
    mapping
        .columns
        .iter()
        .enumerate()
        .filter(|(_, p)| p.target == Target::Extra)
        .filter_map(|(i, _)| {
            let value = Table::cell(row, i);
            let label = table.headers.get(i).map(|h| cut(h, MAX_EXTRA_LABEL)).unwrap_or_default();
            (!value.is_empty() && !label.is_empty()).then(|| Extra { label, value: cut(value, MAX_EXTRA_VALUE) })
        })
        .take(MAX_EXTRAS)
        .collect()
}

/// The account a parent cell names: by CRM id, else by name (from `Workspace::lookup`).
fn referenced(
    by_crm: &std::collections::HashMap<&str, usize>,
    by_name: &std::collections::HashMap<String, usize>,
    reference: &str,
) -> Option<usize> {
    let r = reference.trim();
    by_crm.get(r).copied().or_else(|| by_name.get(&name_key(r)).copied())
}

/// The parent a row names, if its parent column has a value.
fn parent_cell(row: &[String], mapping: &Mapping) -> Option<String> {
    let i = mapping.columns.iter().position(|c| c.target == Target::Parent)?;
    Some(Table::cell(row, i).trim().to_string()).filter(|s| !s.is_empty())
}

/// `base`'s extra fields with `new` ones replacing those of the same label (others added,
/// up to [`MAX_EXTRAS`]).
pub fn merged_extras(base: &[Extra], new: &[Extra]) -> Vec<Extra> {
    let mut out = base.to_vec();
    for e in new {
        match out.iter().position(|x| x.label == e.label) {
            Some(i) => out[i].value = e.value.clone(),
            None if out.len() < MAX_EXTRAS => out.push(e.clone()),
            None => {}
        }
    }
    out
}

/// Checks every row under a mapping, exactly as the account form would.
pub fn check_rows(table: &Table, mapping: &Mapping, ws: &Workspace, today: Date) -> Vec<RowCheck> {
    let (by_crm, by_name) = ws.lookup();
    let mut names: HashSet<String> = by_name.keys().cloned().collect();
    let mut matched: HashSet<usize> = HashSet::new();
    let mut crm_seen: HashSet<String> = HashSet::new();
    let crm_column = mapping.columns.iter().position(|c| c.target == Target::Field(AccountField::CrmId));
    let name_column = mapping.columns.iter().position(|c| c.target == Target::Field(AccountField::Name));
    table
        .rows
        .iter()
        .map(|(line, row)| {
            let crm = crm_column.map(|i| Table::cell(row, i)).unwrap_or_default();
            let name = name_column.map(|i| name_key(Table::cell(row, i))).unwrap_or_default();
            // The account a row is about: the one with its CRM id; else the one with its name,
            // unless that one has another CRM id (then the row is another company).
            let found = by_crm.get(crm).copied().filter(|_| !crm.is_empty()).or_else(|| {
                by_name.get(&name).copied().filter(|&i| ws.accounts[i].fields.crm_id.is_empty() || crm.is_empty())
            });
            let repeated =
                (!crm.is_empty() && !crm_seen.insert(crm.to_string())) || found.is_some_and(|i| !matched.insert(i));
            let existing = found.map(|i| &ws.accounts[i]);
            let (outcome, defaulted) = match existing {
                _ if repeated => (RowOutcome::Duplicate, Vec::new()),
                Some(account) => {
                    let mut draft = account.fields.draft();
                    let defaulted = fill(&mut draft, row, mapping, false);
                    let outcome = match AccountFields::read(&draft, &account.id, Some(&account.fields), today) {
                        Ok(fields) => {
                            let extra = merged_extras(&account.extra, &extras(table, row, mapping));
                            // A renamed account keeps its new name to itself.
                            if name_key(&fields.name) != name_key(&account.fields.name) {
                                names.insert(name_key(&fields.name));
                            }
                            let (ratings, answers) = assessment_cells(row, mapping);
                            let parent = parent_cell(row, mapping);
                            let same_parent = parent.as_deref().is_none_or(|p| {
                                referenced(&by_crm, &by_name, p).map(|i| ws.accounts[i].id.as_str())
                                    == account.parent.as_deref()
                            });
                            let incoming = Incoming { fields, extra, ratings, answers, parent };
                            if incoming.fields == account.fields
                                && incoming.extra == account.extra
                                && incoming.assessment_matches(account)
                                && same_parent
                            {
                                RowOutcome::Unchanged { id: account.id.clone() }
                            } else {
                                RowOutcome::Update {
                                    id: account.id.clone(),
                                    name: account.fields.name.clone(),
                                    incoming: Box::new(incoming),
                                }
                            }
                        }
                        Err(errors) => RowOutcome::Invalid(errors),
                    };
                    (outcome, defaulted)
                }
                None => {
                    let mut draft = AccountFields::blank_draft();
                    let defaulted = fill(&mut draft, row, mapping, true);
                    let outcome = match AccountFields::read(&draft, "", None, today) {
                        Ok(fields) if !names.insert(name_key(&fields.name)) => RowOutcome::Duplicate,
                        Ok(fields) => {
                            let (ratings, answers) = assessment_cells(row, mapping);
                            let extra = extras(table, row, mapping);
                            let parent = parent_cell(row, mapping);
                            RowOutcome::New(Box::new(Incoming { fields, extra, ratings, answers, parent }))
                        }
                        Err(errors) => RowOutcome::Invalid(errors),
                    };
                    (outcome, defaulted)
                }
            };
            RowCheck { line: *line, outcome, defaulted }
        })
        .collect()
}

/// Counts of an import's outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub new: usize,
    pub update: usize,
    pub unchanged: usize,
    pub invalid: usize,
    pub duplicate: usize,
}

pub fn tally(checks: &[RowCheck]) -> Tally {
    let mut t = Tally::default();
    for c in checks {
        match c.outcome {
            RowOutcome::New(_) => t.new += 1,
            RowOutcome::Update { .. } => t.update += 1,
            RowOutcome::Unchanged { .. } => t.unchanged += 1,
            RowOutcome::Invalid(_) => t.invalid += 1,
            RowOutcome::Duplicate => t.duplicate += 1,
        }
    }
    t
}

/// For each column imported into a field: of the rows with a value there, how many give a
/// valid value (for a choice field: one the map names, not the default).
pub fn column_validity(table: &Table, mapping: &Mapping, checks: &[RowCheck]) -> Vec<Option<(usize, usize)>> {
    mapping
        .columns
        .iter()
        .enumerate()
        .map(|(i, plan)| {
            let reads = |v: &str| match plan.target {
                Target::Rating(_) => Some(values::rating(v).is_some()),
                Target::Answer(_) => Some(values::yes_no(v).is_some()),
                _ => None,
            };
            if reads("").is_some() {
                let filled: Vec<&str> =
                    table.rows.iter().map(|(_, row)| Table::cell(row, i)).filter(|v| !v.is_empty()).collect();
                let valid = filled.iter().filter(|v| reads(v) == Some(true)).count();
                return Some((valid, filled.len()));
            }
            let f = plan.target.field()?;
            let mut filled = 0;
            let mut valid = 0;
            for ((_, row), check) in table.rows.iter().zip(checks) {
                if Table::cell(row, i).is_empty() {
                    continue;
                }
                filled += 1;
                let bad = check.defaulted.contains(&f)
                    || matches!(&check.outcome, RowOutcome::Invalid(errors) if errors.iter().any(|e| e.field == f));
                valid += usize::from(!bad);
            }
            Some((valid, filled))
        })
        .collect()
}

/// What an applied import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Applied {
    pub added: usize,
    pub updated: usize,
    /// Accounts put under the parent their row names.
    pub linked: usize,
    /// Parents named that were not found, or would have made a group contain itself.
    pub unlinked: usize,
}

/// Adds the new accounts and updates the matched ones, and sets the workspace's currency.
/// Invalid, duplicate and unchanged rows change nothing.
pub fn apply(
    ws: &mut Workspace,
    checks: &[RowCheck],
    currency: Currency,
    new_id: impl FnMut() -> String,
    now_ms: i64,
) -> Applied {
    let mut applying = Applying::new(ws, currency);
    applying.rows(ws, checks, new_id, now_ms);
    applying.link_parents(ws, now_ms);
    applying.done
}

/// An import applied a slice of rows at a time (10,000 rows take a few hundred milliseconds,
/// which the page spreads over several tasks to keep answering input).
pub struct Applying {
    /// Where each account was when the import began; new accounts only go at the end.
    at: std::collections::HashMap<String, usize>,
    /// (account id, the parent its row names), linked after the last row.
    links: Vec<(String, String)>,
    pub done: Applied,
}

impl Applying {
    /// Sets the workspace's currency and looks every account up once: 10,000 updates must not
    /// search 10,000 accounts each.
    pub fn new(ws: &mut Workspace, currency: Currency) -> Applying {
        ws.edit_scoring(|s| s.currency = currency);
        Applying { at: ws.positions(), links: Vec::new(), done: Applied::default() }
    }

    /// Applies these rows (the next slice of the checked rows).
    pub fn rows(&mut self, ws: &mut Workspace, checks: &[RowCheck], mut new_id: impl FnMut() -> String, now_ms: i64) {
        for c in checks {
            match &c.outcome {
                RowOutcome::New(incoming) => {
                    let mut account = Account::new(new_id(), incoming.fields.clone(), now_ms);
                    account.extra = incoming.extra.clone();
                    for &(c, r) in &incoming.ratings {
                        account.assessment.set_override(c, Some(r));
                    }
                    for &(q, yes) in &incoming.answers {
                        account.assessment.set_answer(q, Some(yes));
                    }
                    if let Some(p) = &incoming.parent {
                        self.links.push((account.id.clone(), p.clone()));
                    }
                    ws.add(account);
                    self.done.added += 1;
                }
                RowOutcome::Update { id, incoming, .. } => {
                    // An account deleted meanwhile is not resurrected: it simply does not count.
                    let updated = ws.update_imported(
                        id,
                        self.at.get(id).copied(),
                        incoming.fields.clone(),
                        incoming.extra.clone(),
                        &incoming.ratings,
                        &incoming.answers,
                        now_ms,
                    );
                    self.done.updated += usize::from(updated);
                    if let (true, Some(p)) = (updated, &incoming.parent) {
                        self.links.push((id.clone(), p.clone()));
                    }
                }
                _ => {}
            }
        }
    }

    /// Puts every account whose row named a parent under it, once all rows are in (a parent
    /// may come later in the file than its subsidiaries). References are CRM ids or names;
    /// one not found, or that would make a group contain itself, is left out and counted.
    pub fn link_parents(&mut self, ws: &mut Workspace, now_ms: i64) {
        if self.links.is_empty() {
            return;
        }
        let (by_crm, by_name) = ws.lookup();
        // Each account's parent as it stands, by index, kept current as links are made: a
        // circle is caught by walking up, without searching the accounts per link.
        let at: std::collections::HashMap<&str, usize> =
            ws.accounts.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
        let mut up: Vec<Option<usize>> =
            ws.accounts.iter().map(|a| a.parent.as_deref().and_then(|p| at.get(p).copied())).collect();
        let mut edits: Vec<(usize, String)> = Vec::new();
        for (id, reference) in std::mem::take(&mut self.links) {
            let parent = referenced(&by_crm, &by_name, &reference);
            let (Some(child), Some(parent)) = (at.get(id.as_str()).copied(), parent) else {
                self.done.unlinked += 1;
                continue;
            };
            let mut here = Some(parent);
            let mut steps = 0;
            while let Some(h) = here.filter(|&h| h != child && steps <= up.len()) {
                here = up[h];
                steps += 1;
            }
            if here == Some(child) {
                self.done.unlinked += 1;
                continue;
            }
            up[child] = Some(parent);
            edits.push((child, ws.accounts[parent].id.clone()));
        }
        drop((at, by_crm));
        for (child, parent) in edits {
            let id = ws.accounts[child].id.clone();
            ws.edit_hinted(&id, Some(child), now_ms, |a| a.parent = Some(parent));
            self.done.linked += 1;
        }
    }
}
