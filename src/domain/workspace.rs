//! The workspace: every account plus the scoring settings, its edit operations and its
//! stored (schema-versioned) form.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::account::{Account, AccountFields, ACCOUNT_META};
use super::criteria::{Criterion, Question};
use super::date::Date;
use super::groups::{parent_problem, GroupProblem};
use super::plan::{ItemRef, Plan, RemovedItem, PLAN_META};
use super::scoring::ScoringSettings;
use super::stakeholder::{closes_circle, Circle, Stakeholder};
use super::sync::{stamp, to_tree, Dot, Profile, RecordKind, Rev, Tombstone};
use super::tier::{Decision, Tier};
use super::whitespace::{CellStatus, Offering};

/// The version of the stored workspace format. Bump it with a migration in [`decode`].
/// - 1: accounts and scoring settings.
/// - 2: plus `plans`. Version 1 data reads as is (no plans); the bump makes an older
///   Keystone refuse version 2 data instead of silently dropping its plans on save.
/// - 3: plus revisions (`rev` on accounts and plans, `scoring_rev`), `tombstones` and the
///   local `profile`. Version 2 data reads as is: every record starts unrevised.
/// - 4: checklist answers as one compact string per account (`"yyn-…"`) instead of a map of
///   named answers, so that 10,000 accounts fit the browser's storage; relationship `stage`.
///   Version 3 maps still read.
/// - 5: the manager's tier decision on accounts (`decided`). Older data has none; an account
///   that has a plan was promoted to key account, so [`upgrade`] records that decision.
/// - 7: `stakeholders` on accounts (the stakeholder map) and `parent` (account groups). Version 6 data reads as is (nobody
///   mapped); the bump makes an older Keystone refuse version 7 data instead of silently
///   dropping the maps on save.
/// - 8: a compacter account: `updated_ms` left out while it equals `created_ms`, an empty
///   `rev` left out, whole amounts without `.0`; and `removed`, the stakeholders and cells
///   deleted from it (see `sync::Gone`). Version 7 data reads as is.
/// - 9: the reviews held on plans (`reviews`, each with its snapshot), the score history on
///   accounts (`history`) and the team's own plan templates (`templates`). Version 8 data
///   reads as is (no reviews, no history, no templates); the bump makes an older Keystone
///   refuse version 9 data instead of silently dropping them on save.
pub const SCHEMA_VERSION: u32 = 9;

/// Hard cap on accounts: twice the 10,000 we design for (about 11,600 fit the browser's
/// storage), so that a hostile or corrupt file cannot make the app allocate without bound or
/// freeze the tab for seconds on apply.
pub const MAX_ACCOUNTS: usize = 20_000;

/// What 10,000 accounts and 100 plans may take when stored: 90 % of the 5 MiB of text
/// (UTF-16 units) browsers allow a site, leaving room for a backup copy's key and growth.
pub const STORAGE_BUDGET_CHARS: usize = 5 * 1024 * 1024 * 9 / 10;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    /// Records are shared (`Arc`): copying a workspace (undo, the tab's stored base) copies
    /// pointers, and a record that was not changed since a copy is the same pointer — how the
    /// save finds what to write and the ranking what to re-score without comparing contents.
    /// Change a record through `Arc::make_mut`, which copies it only when it is shared.
    pub accounts: Vec<Arc<Account>>,
    pub scoring: ScoringSettings,
    /// At most one plan per account, linked by `account_id`.
    pub plans: Vec<Arc<Plan>>,
    pub scoring_rev: Rev,
    /// Deleted records, so that merging an older file does not bring them back.
    pub tombstones: Vec<Tombstone>,
    /// This browser's editor; never exported as data.
    pub profile: Profile,
    /// The catalogue of offerings that whitespace is mapped against.
    pub offerings: Vec<Offering>,
    pub offerings_rev: Rev,
    /// Plans saved as templates by the team (see `template::OwnTemplate`).
    pub templates: Vec<super::template::OwnTemplate>,
}

/// An account removed from the workspace — with its plan, so that a plan is never
/// orphaned and undo brings both back.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub position: usize,
    pub account: Account,
    /// The account's plan and where it stood among the plans.
    pub plan: Option<(usize, Plan)>,
    /// How many tombstones the removal added (taken back by `restore`).
    pub tombstones: usize,
}

impl Workspace {
    pub fn find(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id).map(|a| &**a)
    }

    pub fn add(&mut self, mut account: Account) {
        account.rev.bump(self.profile.editor());
        self.accounts.push(Arc::new(account));
    }

    /// Sets up this browser's editor identity once; `new_id` is only called when needed.
    pub fn ensure_profile(&mut self, new_id: impl FnOnce() -> String) {
        if self.profile.editor_id.is_empty() {
            self.profile.editor_id = new_id();
        }
    }

    /// Replaces accounts and plans with the sample's, as this editor's records.
    pub fn load_sample(&mut self, sample: Workspace) {
        let editor = self.profile.editor().to_string();
        self.accounts = sample.accounts;
        self.plans = sample.plans;
        if !sample.offerings.is_empty() {
            self.offerings = sample.offerings;
            self.offerings_rev.bump(&editor);
        }
        for a in &mut self.accounts {
            Arc::make_mut(a).rev.bump(&editor);
        }
        for p in &mut self.plans {
            Arc::make_mut(p).rev.bump(&editor);
        }
    }

    /// Changes the scoring settings, counting the edit when something changed.
    pub fn edit_scoring(&mut self, change: impl FnOnce(&mut ScoringSettings)) {
        let before = self.scoring;
        change(&mut self.scoring);
        if self.scoring != before {
            self.scoring_rev.bump(self.profile.editor());
        }
    }

    /// Replaces an account's descriptive fields. Returns false when the id is unknown
    /// (for example deleted meanwhile), so the caller can tell the user.
    pub fn update_fields(&mut self, id: &str, fields: AccountFields, now_ms: i64) -> bool {
        self.edit(id, now_ms, |a| a.fields = fields)
    }

    /// Writes what an import brings for an existing account: its fields and extra fields.
    /// `at` is where the account is (an index from [`Workspace::lookup`]); an account moved
    /// or deleted meanwhile is looked for by id, and not found is not resurrected.
    #[allow(clippy::too_many_arguments)]
    pub fn update_imported(
        &mut self,
        id: &str,
        at: Option<usize>,
        fields: AccountFields,
        extra: Vec<super::account::Extra>,
        ratings: &[(Criterion, u8)],
        answers: &[(Question, bool)],
        now_ms: i64,
    ) -> bool {
        self.edit_hinted(id, at, now_ms, |a| {
            a.fields = fields;
            a.extra = extra;
            for &(c, r) in ratings {
                a.assessment.set_override(c, Some(r));
            }
            for &(q, yes) in answers {
                a.assessment.set_answer(q, Some(yes));
            }
        })
    }

    /// Sets (or clears) the summary of an account's deal history.
    pub fn set_deals(&mut self, id: &str, deals: Option<super::deals::DealSummary>, now_ms: i64) -> bool {
        self.edit(id, now_ms, |a| a.deals = deals)
    }

    /// Saves a stakeholder into an account's map: replaces the one with its id in place, or
    /// adds it. Refused (`Err`) when the reporting line would run in a circle; `Ok(false)`
    /// when the account is gone.
    pub fn save_stakeholder(&mut self, account_id: &str, person: Stakeholder, now_ms: i64) -> Result<bool, Circle> {
        let Some(a) = self.find(account_id) else { return Ok(false) };
        if closes_circle(&a.stakeholders, &person) {
            return Err(Circle);
        }
        Ok(self.edit(account_id, now_ms, |a| {
            a.revive_item(&person.id);
            super::plan::upsert(&mut a.stakeholders, person, |p| &p.id)
        }))
    }

    /// Takes a stakeholder out of an account's map, with where they were (for undo). Who
    /// reported to them keeps the line: the chart puts them at the top until the person is
    /// back or the line is changed, so undo restores the map exactly.
    pub fn remove_stakeholder(&mut self, account_id: &str, id: &str, now_ms: i64) -> Option<(usize, Stakeholder)> {
        let mut removed = None;
        self.edit(account_id, now_ms, |a| {
            if let Some(i) = a.stakeholders.iter().position(|p| p.id == id) {
                removed = Some((i, a.stakeholders.remove(i)));
                a.forget_item(id);
            }
        });
        removed
    }

    /// Puts a removed stakeholder back where they were (unless someone with their id is
    /// there again).
    pub fn restore_stakeholder(&mut self, account_id: &str, at: usize, person: Stakeholder, now_ms: i64) -> bool {
        self.edit(account_id, now_ms, |a| {
            if !a.stakeholders.iter().any(|p| p.id == person.id) {
                a.revive_item(&person.id);
                let at = at.min(a.stakeholders.len());
                a.stakeholders.insert(at, person);
            }
        })
    }

    /// Puts an account in a group under `parent` (an account id), or takes it out (`None`).
    /// Refused when the parent is unknown, the account itself, or already under it.
    pub fn set_parent(&mut self, id: &str, parent: Option<&str>, now_ms: i64) -> Result<bool, GroupProblem> {
        if let Some(p) = parent {
            if let Some(problem) = parent_problem(&self.accounts, id, p) {
                return Err(problem);
            }
        }
        Ok(self.edit(id, now_ms, |a| a.parent = parent.map(Into::into)))
    }

    /// Saves an offering into the catalogue (replacing the one with its id in place, or adding it).
    pub fn save_offering(&mut self, offering: Offering) {
        let before = self.offerings.clone();
        super::plan::upsert(&mut self.offerings, offering, |o| &o.id);
        if self.offerings != before {
            self.offerings_rev.bump(self.profile.editor());
        }
    }

    /// Takes an offering out of the catalogue, with where it was (for undo). Accounts' cells
    /// for it stay, unseen, and count again if it comes back.
    pub fn remove_offering(&mut self, id: &str) -> Option<(usize, Offering)> {
        let i = self.offerings.iter().position(|o| o.id == id)?;
        let o = self.offerings.remove(i);
        self.offerings_rev.bump(self.profile.editor());
        Some((i, o))
    }

    pub fn restore_offering(&mut self, at: usize, offering: Offering) {
        if !self.offerings.iter().any(|o| o.id == offering.id) {
            let at = at.min(self.offerings.len());
            self.offerings.insert(at, offering);
            self.offerings_rev.bump(self.profile.editor());
        }
    }

    /// Sets (or with `None`, clears) an account's whitespace cell for an offering.
    pub fn set_cell(
        &mut self,
        id: &str,
        offering: &str,
        status: Option<CellStatus>,
        value: Option<f64>,
        now_ms: i64,
    ) -> bool {
        self.edit(id, now_ms, |a| {
            let had = a.whitespace.iter().any(|c| c.id == offering);
            super::whitespace::set_cell(&mut a.whitespace, offering, status, value);
            match status {
                Some(_) => a.revive_item(offering),
                None if had => a.forget_item(offering),
                None => {}
            }
        })
    }

    /// A logged meeting refreshes the last contact of the account's stakeholders who
    /// attended (by name). Returns how many changed.
    pub fn met(&mut self, account_id: &str, attendees: &str, on: Date, now_ms: i64) -> usize {
        let mut n = 0;
        self.edit(account_id, now_ms, |a| n = super::stakeholder::met(&mut a.stakeholders, attendees, on));
        n
    }

    pub fn set_answer(&mut self, id: &str, q: Question, answer: Option<bool>, now_ms: i64) -> bool {
        self.edit(id, now_ms, |a| a.assessment.set_answer(q, answer))
    }

    pub fn set_override(&mut self, id: &str, c: Criterion, rating: Option<u8>, now_ms: i64) -> bool {
        self.edit(id, now_ms, |a| a.assessment.set_override(c, rating))
    }

    /// Account indices by CRM id (accounts that have one) and by [`name_key`]: how imports of
    /// accounts and of deals recognise the accounts a row is about.
    pub fn lookup(&self) -> (HashMap<&str, usize>, HashMap<String, usize>) {
        let by_crm = self
            .accounts
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.fields.crm_id.is_empty())
            .map(|(i, a)| (a.fields.crm_id.as_str(), i))
            .collect();
        let by_name = self.accounts.iter().enumerate().map(|(i, a)| (name_key(&a.fields.name), i)).collect();
        (by_crm, by_name)
    }

    /// Sets one criterion's rating on many accounts (a bulk action); returns how many changed.
    pub fn rate_many(&mut self, ids: &[String], c: Criterion, rating: Option<u8>, now_ms: i64) -> usize {
        ids.iter()
            .filter(|id| self.find(id).is_some_and(|a| a.assessment.overrides.get(&c).copied() != rating))
            .cloned()
            .collect::<Vec<_>>()
            .iter()
            .filter(|id| self.set_override(id, c, rating, now_ms))
            .count()
    }

    /// Answers one checklist question on many accounts; returns how many changed.
    pub fn answer_many(&mut self, ids: &[String], q: Question, answer: Option<bool>, now_ms: i64) -> usize {
        ids.iter()
            .filter(|id| self.find(id).is_some_and(|a| a.assessment.answer(q) != answer))
            .cloned()
            .collect::<Vec<_>>()
            .iter()
            .filter(|id| self.set_answer(id, q, answer, now_ms))
            .count()
    }

    /// Forgets deletions made before `before_ms`. A tombstone keeps an older file from bringing
    /// a deleted record back; once every colleague has merged since the deletion it has done its
    /// work, and many of them only take room. Returns how many were forgotten.
    pub fn forget_deletions(&mut self, before_ms: i64) -> usize {
        let n = self.tombstones.len();
        self.tombstones.retain(|t| t.deleted_ms >= before_ms);
        n - self.tombstones.len()
    }

    /// Records the manager's tier decision (or withdraws it: the score's tier counts again).
    pub fn decide(&mut self, id: &str, decision: Option<Decision>, now_ms: i64) -> bool {
        self.edit(id, now_ms, |a| a.decided = decision)
    }

    fn edit(&mut self, id: &str, now_ms: i64, change: impl FnOnce(&mut Account)) -> bool {
        match self.accounts.iter().position(|a| a.id == id) {
            Some(i) => self.edit_at(i, now_ms, change),
            None => false,
        }
    }

    /// As `edit`, where the account probably is at index `hint` (bulk operations look
    /// indices up once instead of searching 10,000 accounts per row). A wrong hint costs a
    /// search, never a wrong account.
    pub(crate) fn edit_hinted(
        &mut self,
        id: &str,
        hint: Option<usize>,
        now_ms: i64,
        change: impl FnOnce(&mut Account),
    ) -> bool {
        match hint {
            Some(i) if self.accounts.get(i).is_some_and(|a| a.id == id) => self.edit_at(i, now_ms, change),
            _ => self.edit(id, now_ms, change),
        }
    }

    /// Where each account is, by id.
    pub fn positions(&self) -> HashMap<String, usize> {
        self.accounts.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect()
    }

    /// As `edit`, for the account at index `i`.
    fn edit_at(&mut self, i: usize, now_ms: i64, change: impl FnOnce(&mut Account)) -> bool {
        let editor = self.profile.editor().to_string();
        let Some(slot) = self.accounts.get_mut(i) else {
            return false;
        };
        // Changed on a copy: an edit that changes nothing leaves the record (and its pointer,
        // which is how the save knows what to write) as it was.
        let mut a = Account::clone(slot);
        change(&mut a);
        if a != **slot {
            a.updated_ms = now_ms;
            a.rev.bump(&editor);
            // Deletions made by this edit carry its dot (see `Account::forget_item`).
            let n = a.rev.get(&editor);
            for g in a.removed.iter_mut().filter(|g| g.dot.1 == 0) {
                g.dot = Dot(editor.clone(), n);
            }
            stamp(&to_tree(&**slot), &to_tree(&a), &ACCOUNT_META, &a.rev, &editor, &mut a.dots);
            *slot = Arc::new(a);
        }
        true
    }

    /// Removes an account and its plan, leaving tombstones (stamped `now_ms`).
    pub fn remove(&mut self, id: &str, now_ms: i64) -> Option<Removed> {
        let position = self.accounts.iter().position(|a| a.id == id)?;
        let plan = self.plans.iter().position(|p| p.account_id == id).map(|i| (i, self.plans.remove(i)));
        let account = self.accounts.remove(position);
        let editor = self.profile.editor().to_string();
        let mut bury = |kind, rev: &Rev| {
            let mut rev = rev.clone();
            rev.bump(&editor);
            self.tombstones.push(Tombstone { kind, id: id.to_string(), rev, deleted_ms: now_ms });
        };
        bury(RecordKind::Account, &account.rev);
        if let Some((_, p)) = &plan {
            bury(RecordKind::Plan, &p.rev);
        }
        let tombstones = 1 + plan.is_some() as usize;
        let plan = plan.map(|(i, p)| (i, Arc::unwrap_or_clone(p)));
        Some(Removed { position, account: Arc::unwrap_or_clone(account), plan, tombstones })
    }

    pub fn plan(&self, account_id: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| p.account_id == account_id).map(|p| &**p)
    }

    /// Records today's score and tier of the accounts that keep a history (see `history`),
    /// from `ranking`, the ranking of these very accounts. Not an edit: no revision moves.
    /// Returns how many accounts got a point.
    pub fn record_history(&mut self, ranking: &[super::scoring::Ranked], today: Date) -> usize {
        // A few hundred plans: their ids, not an index of 10,000 accounts.
        let planned: HashSet<&str> = self.plans.iter().map(|p| p.account_id.as_str()).collect();
        let accounts = &self.accounts;
        let due = super::history::due(
            ranking,
            today,
            |i| accounts.get(i).is_some_and(|a| planned.contains(a.id.as_str())),
            |i| accounts.get(i).and_then(|a| a.history.last().copied()),
        );
        let mut n = 0;
        for (i, point) in due {
            if let Some(slot) = self.accounts.get_mut(i) {
                n += usize::from(super::history::record(&mut Arc::make_mut(slot).history, point));
            }
        }
        n
    }

    /// Keeps a plan as a template of the team's own (see `template::save_own`).
    pub fn save_template(&mut self, t: super::template::OwnTemplate) {
        self.templates.push(t);
    }

    /// Takes an own template out, with where it stood, for undo.
    pub fn remove_template(&mut self, id: &str) -> Option<(usize, super::template::OwnTemplate)> {
        let i = self.templates.iter().position(|t| t.id == id)?;
        Some((i, self.templates.remove(i)))
    }

    /// Puts a removed template back where it stood (once).
    pub fn restore_template(&mut self, at: usize, t: super::template::OwnTemplate) {
        if !self.templates.iter().any(|x| x.id == t.id) {
            let at = at.min(self.templates.len());
            self.templates.insert(at, t);
        }
    }

    /// An account's plan health, judged with its stakeholder map.
    pub fn plan_health(&self, account_id: &str, today: Date) -> Option<super::plan::PlanHealth> {
        let people = self.find(account_id).map_or(&[][..], |a| &a.stakeholders);
        self.plan(account_id).map(|p| p.health(today, people))
    }

    /// Starts a plan for an account (promotion to key account). False when the account
    /// does not exist or already has a plan.
    pub fn promote(&mut self, account_id: &str, today: Date, now_ms: i64) -> bool {
        if self.find(account_id).is_none() || self.plan(account_id).is_some() {
            return false;
        }
        let mut plan = Plan::new(account_id.to_string(), today, now_ms);
        // A plan promoted again after a deletion continues the deleted plan's history.
        if let Some(t) = self.tombstones.iter().find(|t| t.kind == RecordKind::Plan && t.id == account_id) {
            plan.rev = t.rev.clone();
        }
        plan.rev.bump(self.profile.editor());
        self.tombstones.retain(|t| !(t.kind == RecordKind::Plan && t.id == account_id));
        self.plans.push(Arc::new(plan));
        // Promotion is the decision: the account is a key account from now on.
        let decision = Decision { tier: Tier::Key, reason: String::new(), on: today, promoted: true };
        self.decide(account_id, Some(decision), now_ms);
        true
    }

    /// Changes a plan, stamping `updated_ms` when something changed. False when there is no
    /// such plan (deleted meanwhile, for instance).
    pub fn edit_plan(&mut self, account_id: &str, now_ms: i64, change: impl FnOnce(&mut Plan)) -> bool {
        let editor = self.profile.editor().to_string();
        let Some(slot) = self.plans.iter_mut().find(|p| p.account_id == account_id) else {
            return false;
        };
        let mut plan = Plan::clone(slot);
        change(&mut plan);
        if plan != **slot {
            plan.updated_ms = now_ms;
            plan.rev.bump(&editor);
            stamp(&to_tree(&**slot), &to_tree(&plan), &PLAN_META, &plan.rev, &editor, &mut plan.dots);
            *slot = Arc::new(plan);
        }
        true
    }

    pub fn remove_plan_item(&mut self, account_id: &str, item: &ItemRef, now_ms: i64) -> Option<RemovedItem> {
        let mut removed = None;
        self.edit_plan(account_id, now_ms, |p| removed = p.remove(item));
        removed
    }

    /// Puts a removed account back where it was (or at the end if the list shrank).
    pub fn restore(&mut self, removed: Removed) {
        if self.find(&removed.account.id).is_some() {
            return; // already back (a double undo) — never duplicate an id
        }
        let at = removed.position.min(self.accounts.len());
        // Undo takes back exactly the tombstones the removal left (the last ones).
        let keep = self.tombstones.len().saturating_sub(removed.tombstones);
        if self.tombstones[keep..].iter().all(|t| t.id == removed.account.id) {
            self.tombstones.truncate(keep);
        } else {
            self.tombstones.retain(|t| t.id != removed.account.id);
        }
        if let Some((i, plan)) = removed.plan {
            if self.plan(&plan.account_id).is_none() {
                self.plans.insert(i.min(self.plans.len()), Arc::new(plan));
            }
        }
        self.accounts.insert(at, Arc::new(removed.account));
    }
}

/// What undoing a change to many records (an import, a merge) does, now that more may have
/// changed since: a record the change touched goes back to how it was, unless it was changed
/// again since — then it stays as it is now and is named, so nothing done since is lost
/// without the user being told.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Undone {
    pub workspace: Workspace,
    /// Accounts the change had added, now taken out again.
    pub removed: Vec<String>,
    /// Accounts (or their plans) put back as they were before the change.
    pub restored: Vec<String>,
    /// Accounts changed again since: kept as they are now.
    pub kept: Vec<String>,
    /// The workspace's settings went back: scoring (weights, tiers, currency) or the catalogue.
    pub scoring: bool,
}

/// An account name as imports compare it: trimmed, in any case.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Undoes the change from `before` to `after` on the workspace as it is `now` (see [`Undone`]).
pub fn undo_since(before: &Workspace, after: &Workspace, now: &Workspace) -> Undone {
    let mut out = Undone { workspace: now.clone(), ..Undone::default() };
    // Names as they are now, else as the change left or found them (looked up, not searched:
    // an import touches thousands of accounts).
    let mut names: HashMap<&str, &str> = HashMap::new();
    for w in [before, after, now] {
        names.extend(w.accounts.iter().map(|a| (a.id.as_str(), a.fields.name.as_str())));
    }
    let name = |id: &str| names.get(id).map_or_else(|| id.to_string(), |n| n.to_string());
    let ws = &mut out.workspace;
    undo_kind(
        &before.accounts,
        &after.accounts,
        &mut ws.accounts,
        |a| a.id.clone(),
        &name,
        &mut out.removed,
        &mut out.restored,
        &mut out.kept,
    );
    let (mut plans_removed, mut plans_restored, mut plans_kept) = (Vec::new(), Vec::new(), Vec::new());
    undo_kind(
        &before.plans,
        &after.plans,
        &mut ws.plans,
        |p| p.account_id.clone(),
        &name,
        &mut plans_removed,
        &mut plans_restored,
        &mut plans_kept,
    );
    for n in plans_restored.into_iter().chain(plans_removed) {
        if !out.restored.contains(&n) && !out.removed.contains(&n) {
            out.restored.push(n);
        }
    }
    for n in plans_kept {
        if !out.kept.contains(&n) {
            out.kept.push(n);
        }
    }
    // Tombstones the change brought or changed go back the same way (deletions made since stay).
    let (mut gone, mut back, mut since) = (Vec::new(), Vec::new(), Vec::new());
    let grave = |t: &Tombstone| format!("{:?}/{}", t.kind, t.id);
    undo_kind(
        &before.tombstones,
        &after.tombstones,
        &mut ws.tombstones,
        grave,
        &|_| String::new(),
        &mut gone,
        &mut back,
        &mut since,
    );
    // A record that is back has no tombstone.
    let alive: std::collections::HashSet<(RecordKind, &str)> = ws
        .accounts
        .iter()
        .map(|a| (RecordKind::Account, a.id.as_str()))
        .chain(ws.plans.iter().map(|p| (RecordKind::Plan, p.account_id.as_str())))
        .collect();
    let tombstones = std::mem::take(&mut ws.tombstones);
    ws.tombstones = tombstones.into_iter().filter(|t| !alive.contains(&(t.kind, t.id.as_str()))).collect();
    let settings = |w: &Workspace| (w.scoring, w.scoring_rev.clone());
    if settings(before) != settings(after) && settings(now) == settings(after) {
        ws.scoring = before.scoring;
        ws.scoring_rev = before.scoring_rev.clone();
        out.scoring = before.scoring != after.scoring;
    }
    // The catalogue the same way: back as it was, unless it was changed since.
    let catalogue = |w: &Workspace| (w.offerings.clone(), w.offerings_rev.clone());
    if catalogue(before) != catalogue(after) && catalogue(now) == catalogue(after) {
        ws.offerings = before.offerings.clone();
        ws.offerings_rev = before.offerings_rev.clone();
        out.scoring |= before.offerings != after.offerings;
    }
    // A plan never outlives its account.
    let accounts: std::collections::HashSet<&str> = ws.accounts.iter().map(|a| a.id.as_str()).collect();
    ws.plans.retain(|p| accounts.contains(p.account_id.as_str()));
    out
}

/// Records that can be told equal by pointer first: the workspace shares them, and a record
/// untouched by a change is the very same `Arc` (10,000 deep comparisons took a second).
trait Same {
    fn same(&self, other: &Self) -> bool;
}

impl<T: PartialEq> Same for Arc<T> {
    fn same(&self, other: &Self) -> bool {
        Arc::ptr_eq(self, other) || **self == **other
    }
}

impl Same for Tombstone {
    fn same(&self, other: &Self) -> bool {
        self == other
    }
}

fn same<R: Same>(a: Option<&R>, b: Option<&R>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.same(b),
        (None, None) => true,
        _ => false,
    }
}

#[allow(clippy::too_many_arguments)]
fn undo_kind<R: Clone + Same>(
    before: &[R],
    after: &[R],
    now: &mut Vec<R>,
    id: impl Fn(&R) -> String,
    name: &dyn Fn(&str) -> String,
    removed: &mut Vec<String>,
    restored: &mut Vec<String>,
    kept: &mut Vec<String>,
) {
    use std::collections::HashMap;
    let before_by: HashMap<String, &R> = before.iter().map(|r| (id(r), r)).collect();
    let after_by: HashMap<String, &R> = after.iter().map(|r| (id(r), r)).collect();
    let now_at: HashMap<String, usize> = now.iter().enumerate().map(|(i, r)| (id(r), i)).collect();
    let mut ids: Vec<String> = after.iter().map(&id).collect();
    ids.extend(before.iter().map(&id).filter(|i| !after_by.contains_key(i)));
    let mut take_out = std::collections::HashSet::new();
    let mut put_back: Vec<R> = Vec::new();
    for key in &ids {
        let (b, a) = (before_by.get(key).copied(), after_by.get(key).copied());
        if same(a, b) {
            continue; // the change did not touch it
        }
        let position = now_at.get(key).copied();
        let current = position.map(|i| &now[i]);
        if !same(current, a) {
            kept.push(name(key));
            continue;
        }
        match (b, position) {
            (Some(b), Some(i)) => {
                now[i] = b.clone();
                restored.push(name(key));
            }
            (Some(b), None) => {
                put_back.push(b.clone());
                restored.push(name(key));
            }
            (None, Some(_)) => {
                take_out.insert(key.clone());
                removed.push(name(key));
            }
            (None, None) => {}
        }
    }
    now.retain(|r| !take_out.contains(&id(r)));
    now.extend(put_back);
}

// The stored form is the workspace's fields with `schema` in front. Written out rather than
// `#[serde(flatten)]`, which would buffer the whole workspace before reading it.
#[derive(Serialize)]
struct StoredRef<'a> {
    schema: u32,
    accounts: &'a [Arc<Account>],
    scoring: &'a ScoringSettings,
    plans: &'a [Arc<Plan>],
    scoring_rev: &'a Rev,
    tombstones: &'a [Tombstone],
    profile: &'a Profile,
    offerings: &'a [Offering],
    offerings_rev: &'a Rev,
    #[serde(skip_serializing_if = "<[super::template::OwnTemplate]>::is_empty")]
    templates: &'a [super::template::OwnTemplate],
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StoredFields {
    schema: Option<u32>,
    accounts: Vec<Arc<Account>>,
    scoring: ScoringSettings,
    plans: Vec<Arc<Plan>>,
    scoring_rev: Rev,
    tombstones: Vec<Tombstone>,
    profile: Profile,
    offerings: Vec<Offering>,
    offerings_rev: Rev,
    templates: Vec<super::template::OwnTemplate>,
}

struct Stored {
    schema: Option<u32>,
    workspace: Workspace,
}

impl<'de> Deserialize<'de> for Stored {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Stored, D::Error> {
        let f = StoredFields::deserialize(d)?;
        let workspace = Workspace {
            accounts: f.accounts,
            scoring: f.scoring,
            plans: f.plans,
            scoring_rev: f.scoring_rev,
            tombstones: f.tombstones,
            profile: f.profile,
            offerings: f.offerings,
            offerings_rev: f.offerings_rev,
            templates: f.templates,
        };
        Ok(Stored { schema: f.schema, workspace })
    }
}

#[derive(Deserialize)]
struct VersionOnly {
    schema: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("not valid workspace data (line {line}, column {column}): {message}")]
    Invalid { line: usize, column: usize, message: String },
    #[error("this data has no schema version, so it is not a Keystone workspace")]
    NoVersion,
    #[error("this data was written by a newer Keystone (format {found}, this app reads up to {supported})")]
    Newer { found: u32, supported: u32 },
    #[error("the workspace holds {0} accounts, more than the {MAX_ACCOUNTS} this app accepts")]
    TooMany(usize),
}

impl From<serde_json::Error> for DecodeError {
    fn from(e: serde_json::Error) -> DecodeError {
        DecodeError::Invalid { line: e.line(), column: e.column(), message: e.to_string() }
    }
}

/// Brings records written in format `from` up to this version. Version 1 is the first format;
/// every later one only added fields, so older data reads as is — except that before format 5
/// a promotion left no tier decision: an account with a plan gets the decision it implied.
pub fn upgrade(accounts: &mut [Arc<Account>], plans: &[Arc<Plan>], from: u32) {
    if from >= 5 {
        return;
    }
    for plan in plans {
        if let Some(a) = accounts.iter_mut().find(|a| a.id == plan.account_id && a.decided.is_none()).map(Arc::make_mut)
        {
            let on = plan.promotion.promoted_on.unwrap_or_else(|| Date::from_unix_ms(plan.created_ms));
            a.decided = Some(Decision { tier: Tier::Key, reason: String::new(), on, promoted: true });
        }
    }
}

/// The stored form: `{"schema": 1, "accounts": [...], "scoring": {...}}`.
pub fn encode(ws: &Workspace) -> String {
    // Serializing plain data with string keys cannot fail; fall back to an empty object
    // rather than panic if that ever changes.
    let stored = StoredRef {
        schema: SCHEMA_VERSION,
        accounts: &ws.accounts,
        scoring: &ws.scoring,
        plans: &ws.plans,
        scoring_rev: &ws.scoring_rev,
        tombstones: &ws.tombstones,
        profile: &ws.profile,
        offerings: &ws.offerings,
        offerings_rev: &ws.offerings_rev,
        templates: &ws.templates,
    };
    serde_json::to_string(&stored).unwrap_or_else(|_| "{}".into())
}

/// Reads the stored form, migrating older versions forward and refusing newer ones.
pub fn decode(json: &str) -> Result<Workspace, DecodeError> {
    // One typed pass in the common case; the version alone is read only to explain a failure
    // (or to refuse a newer format that happens to parse).
    let version = |json: &str| serde_json::from_str::<VersionOnly>(json).map(|v| v.schema);
    let (mut ws, from) = match serde_json::from_str::<Stored>(json) {
        Ok(stored) => match stored.schema {
            None => return Err(DecodeError::NoVersion),
            Some(v) if v > SCHEMA_VERSION => return Err(DecodeError::Newer { found: v, supported: SCHEMA_VERSION }),
            Some(v) => (stored.workspace, v),
        },
        Err(e) => {
            return Err(match version(json) {
                Ok(Some(v)) if v > SCHEMA_VERSION => DecodeError::Newer { found: v, supported: SCHEMA_VERSION },
                Ok(None) => DecodeError::NoVersion,
                _ => e.into(),
            })
        }
    };
    if ws.accounts.len() > MAX_ACCOUNTS {
        return Err(DecodeError::TooMany(ws.accounts.len()));
    }
    upgrade(&mut ws.accounts, &ws.plans, from);
    Ok(ws)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::criteria::Question;
    use crate::domain::sample::sample_portfolio;

    fn check_decode(json: &str, expected: Result<usize, DecodeError>) {
        assert_eq!(decode(json).map(|w| w.accounts.len()), expected, "{json}");
    }

    #[test]
    fn round_trips_the_sample() {
        let ws = sample_portfolio(1_700_000_000_000);
        let json = encode(&ws);
        assert!(json.starts_with(r#"{"schema":9,"#));
        assert_eq!(decode(&json).unwrap(), ws);
    }

    #[test]
    fn bulk_ratings_and_answers_change_only_what_differs() {
        let mut ws = sample_portfolio(0);
        let ids: Vec<String> = ws.accounts.iter().take(3).map(|a| a.id.clone()).collect();
        let rev = |ws: &Workspace, i: usize| ws.accounts[i].rev.clone();
        let untouched = rev(&ws, 3);
        assert_eq!(ws.rate_many(&ids, Criterion::ProductFit, Some(4), 5), 3);
        assert!(ws.accounts[..3].iter().all(|a| a.assessment.overrides.get(&Criterion::ProductFit) == Some(&4)));
        assert_eq!(rev(&ws, 3), untouched, "an account not selected is not touched");
        let before = rev(&ws, 0);
        assert_eq!(ws.rate_many(&ids, Criterion::ProductFit, Some(4), 6), 0, "nothing differs: nothing changes");
        assert_eq!(rev(&ws, 0), before);
        let gone = vec!["not-there".to_string()];
        assert_eq!(ws.rate_many(&gone, Criterion::ProductFit, Some(1), 7), 0);

        let q = Question::FitNeeds;
        let was: Vec<Option<bool>> = ws.accounts[..3].iter().map(|a| a.assessment.answer(q)).collect();
        let differing = was.iter().filter(|a| **a != Some(false)).count();
        assert_eq!(ws.answer_many(&ids, q, Some(false), 8), differing);
        assert!(ws.accounts[..3].iter().all(|a| a.assessment.answer(q) == Some(false)));
        assert_eq!(ws.answer_many(&ids, q, None, 9), 3);
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        check_decode(r#"{"schema":1,"accounts":[]}"#, Ok(0));
        check_decode(r#"{"schema":2,"accounts":[],"plans":[]}"#, Ok(0));
        check_decode(r#"{"schema":3,"accounts":[],"tombstones":[]}"#, Ok(0));
        check_decode(
            r#"{"schema":4,"accounts":[{"id":"a","name":"A","assessment":{"answers":"yn-y"},"created_ms":0,"updated_ms":0}]}"#,
            Ok(1),
        );
        check_decode(r#"{"schema":6,"accounts":[]}"#, Ok(0));
        check_decode(r#"{"schema":8,"accounts":[]}"#, Ok(0));
        check_decode(r#"{"schema":9,"accounts":[]}"#, Ok(0));
        check_decode(r#"{"schema":10,"accounts":[]}"#, Err(DecodeError::Newer { found: 10, supported: 9 }));
        assert!(matches!(
            decode(
                r#"{"schema":4,"accounts":[{"id":"a","assessment":{"answers":"yx"},"created_ms":0,"updated_ms":0}]}"#
            ),
            Err(DecodeError::Invalid { .. })
        ));
        check_decode(r#"{"accounts":[]}"#, Err(DecodeError::NoVersion));
        assert!(matches!(decode(r#"{"schema":1,"accounts":[{"id":"a"#), Err(DecodeError::Invalid { line: 1, .. })));
        assert!(matches!(decode("[1,2]"), Err(DecodeError::Invalid { .. })));
        assert!(matches!(
            decode(r#"{"schema":1,"scoring":{"weights":[90,90,0,0,0]}}"#),
            Err(DecodeError::Invalid { .. })
        ));
        assert!(matches!(decode(""), Err(DecodeError::Invalid { .. })));
    }

    /// Every stored version ever written must still load: one fixture per version.
    #[test]
    fn every_older_version_migrates() {
        let v1 = include_str!("../../tests/fixtures/workspace-v1.json");
        let ws = decode(v1).expect("version 1 loads");
        assert_eq!(ws.accounts.len(), 2);
        assert_eq!(ws.accounts[1].fields.name, "Cartech");
        assert_eq!(ws.scoring.weights.get(Criterion::RevenueVolume), 30);
        assert!(ws.plans.is_empty());

        let v2 = include_str!("../../tests/fixtures/workspace-v2.json");
        let ws = decode(v2).expect("version 2 loads");
        assert_eq!((ws.accounts.len(), ws.plans.len()), (12, 2));
        assert!(ws.accounts.iter().all(|a| a.rev == Rev::default()), "records start unrevised");
        assert!(ws.tombstones.is_empty());
        assert_eq!(ws.plan("sample-02-cartech").map(|p| p.kpis.len()), Some(2));

        let v3 = include_str!("../../tests/fixtures/workspace-v3.json");
        let ws = decode(v3).expect("version 3 loads");
        assert_eq!((ws.accounts.len(), ws.plans.len(), ws.tombstones.len()), (11, 2, 1));
        let vicom = ws.find("sample-01-vicom").expect("Vicom");
        assert_eq!((vicom.fields.owner.as_str(), vicom.rev.get("editor-anna")), ("Anna de Wit", 2));
        assert_eq!(ws.tombstones[0].id, "sample-12-atlas");
        assert_eq!(ws.profile.display_name, "Anna");
        let answers_v3: Vec<Option<bool>> =
            Question::ALL.iter().map(|&q| ws.accounts[1].assessment.answer(q)).collect();
        assert!(answers_v3.iter().all(Option::is_some), "named answers of format 3 are read");

        let v4 = include_str!("../../tests/fixtures/workspace-v4.json");
        assert!(v4.contains(r#""answers":"y"#), "format 4 stores answers compactly");
        let ws = decode(v4).expect("version 4 loads");
        assert_eq!((ws.accounts.len(), ws.plans.len(), ws.tombstones.len()), (11, 2, 1));
        let answers_v4: Vec<Option<bool>> =
            Question::ALL.iter().map(|&q| ws.accounts[1].assessment.answer(q)).collect();
        assert_eq!(answers_v4, answers_v3, "the same answers in both forms");
        assert_eq!(ws.accounts[1].fields.stage, Some(crate::domain::account::Stage::Cooperative));
        // Format 4 stored no tier decisions: the two accounts with plans were promoted.
        let promoted: Vec<&str> = ws
            .accounts
            .iter()
            .filter(|a| a.decided.as_ref().is_some_and(|d| d.promoted))
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(promoted.len(), ws.plans.len());

        let v5 = include_str!("../../tests/fixtures/workspace-v5.json");
        let ws = decode(v5).expect("version 5 loads");
        let vicom = ws.find("sample-01-vicom").unwrap().decided.clone().expect("Vicom's decision");
        assert_eq!((vicom.tier, vicom.promoted), (Tier::Watch, false));
        assert!(vicom.reason.starts_with("Contract ends"));
        assert!(ws.find("sample-02-cartech").unwrap().decided.as_ref().is_some_and(|d| d.promoted));

        // Format 6 added the CRM id, extra fields, the deal history and the currency.
        let v6 = include_str!("../../tests/fixtures/workspace-v6.json");
        let ws = decode(v6).expect("version 6 loads");
        let vicom = ws.find("sample-01-vicom").unwrap();
        assert_eq!(vicom.fields.crm_id, "001bm00001ZL8U9AAL");
        assert_eq!(vicom.extra[0], crate::domain::account::Extra { label: "Employees".into(), value: "1,200".into() });
        let deals = vicom.deals.as_ref().expect("Vicom's deal history");
        assert_eq!((deals.won_last_12, deals.quarters.len()), (2_310_000.0, 8));
        assert_eq!(ws.scoring.currency, crate::domain::money::Currency::Usd);
        assert_eq!(decode(&encode(&ws)).unwrap(), ws, "and is stored again as it was read");

        // Format 7 added stakeholders, whitespace, the catalogue and groups; format 8 writes
        // accounts more compactly, which version 7 data does not need to read.
        let v7 = include_str!("../../tests/fixtures/workspace-v7.json");
        let ws = decode(v7).expect("version 7 loads");
        let vicom = ws.find("sample-01-vicom").unwrap();
        assert_eq!((vicom.stakeholders.len(), vicom.whitespace.len(), ws.offerings.len()), (3, 4, 5));
        assert_eq!((vicom.updated_ms, vicom.created_ms), (1_795_737_700_000, 1_795_737_600_000));
        assert_eq!(ws.find("sample-09-fjord").unwrap().parent.as_deref(), Some("sample-03-noordzee"));
        let again = encode(&ws);
        assert!(again.len() < v7.len(), "format 8 is shorter: {} against {}", again.len(), v7.len());
        // An untouched account ends at its creation time: no equal update time, no empty rev.
        assert!(again.contains(r#""revenue":2400000,"#) && again.contains(r#""created_ms":1795737600000},"#));
        assert_eq!(decode(&again).unwrap(), ws, "and is stored again as it was read");

        // Format 9 added held reviews, score histories and own templates: format 8 has none.
        let v8 = include_str!("../../tests/fixtures/workspace-v8.json");
        let ws = decode(v8).expect("version 8 loads");
        let cartech = ws.plan("sample-02-cartech").expect("Cartech's plan");
        assert_eq!((cartech.objectives.len(), cartech.kpis.len(), cartech.reviews.len()), (2, 2, 0));
        assert!(ws.accounts.iter().all(|a| a.history.is_empty()) && ws.templates.is_empty());
        assert_eq!(ws.find("sample-01-vicom").unwrap().stakeholders.len(), 3);
        let again = encode(&ws);
        assert!(again.starts_with(r#"{"schema":9,"#) && !again.contains(r#""reviews""#));
        assert_eq!(decode(&again).unwrap(), ws, "and is stored again as it was read");
    }

    #[test]
    fn recording_history_follows_plans_key_accounts_and_decisions_once_a_day() {
        let now_ms = 1_795_737_600_000;
        let today = Date::from_unix_ms(now_ms);
        let mut ws = sample_portfolio(now_ms);
        let revs: Vec<Rev> = ws.accounts.iter().map(|a| a.rev.clone()).collect();
        let ranking = crate::domain::scoring::rank(&ws.accounts, &ws.scoring);
        let recorded = ws.record_history(&ranking, today);
        assert!(recorded >= 3, "{recorded}");
        let cartech = ws.find("sample-02-cartech").unwrap();
        assert_eq!(cartech.history.last().map(|p| p.day()), Some(today));
        // Vicom left the watch list: that is recorded once, and then it is followed no more.
        let vicom = ws.find("sample-01-vicom").unwrap();
        assert_eq!(vicom.history.last().map(|p| (p.day(), p.tier())), Some((today, Tier::Standard)));
        assert_eq!(ws.record_history(&ranking, today), 0, "nothing changed since");
        assert_eq!(ws.record_history(&ranking, today.add_days(1)), 0, "nor the next day");
        let unfollowed = ranking.iter().filter(|r| ws.accounts[r.index].history.is_empty()).count();
        assert!(unfollowed > 0, "accounts nobody follows keep no history");
        let after: Vec<Rev> = ws.accounts.iter().map(|a| a.rev.clone()).collect();
        assert_eq!(after, revs, "recording is not an edit");
    }

    #[test]
    fn every_edit_counts_for_this_editor() {
        let mut ws = Workspace::default();
        ws.ensure_profile(|| "me".into());
        ws.ensure_profile(|| unreachable!("set up once"));
        ws.load_sample(sample_portfolio(0));
        let id = ws.accounts[0].id.clone();
        assert_eq!(ws.accounts[0].rev.0.get("me"), Some(&1));
        ws.set_override(&id, Criterion::ProductFit, Some(2), 5);
        ws.set_override(&id, Criterion::ProductFit, Some(2), 6);
        assert_eq!(ws.accounts[0].rev.0.get("me"), Some(&2), "an edit that changes nothing is not counted");
        ws.edit_scoring(|s| s.weights.set(Criterion::RevenueVolume, 40));
        assert_eq!(ws.scoring_rev.0.get("me"), Some(&1));
        ws.edit_plan("sample-02-cartech", 7, |p| p.swot.threats.push("x".into()));
        assert_eq!(ws.plan("sample-02-cartech").unwrap().rev.0.get("me"), Some(&2));
        // Each edit stamps exactly the fields it changed.
        let dots: Vec<(&str, u64)> = ws.accounts[0].dots.iter().map(|(k, d)| (k.as_str(), d.1)).collect();
        assert_eq!(dots, vec![("assessment", 2)]);
        assert_eq!(ws.plan("sample-02-cartech").unwrap().dots.keys().collect::<Vec<_>>(), vec!["swot"]);
    }

    #[test]
    fn a_deleted_account_takes_its_plan_along_and_undo_brings_both_back() {
        let mut ws = sample_portfolio(0);
        let id = ws.accounts[2].id.clone();
        assert!(ws.plan(&id).is_none());
        let today = Date::parse("2026-11-27").unwrap();
        assert!(ws.promote(&id, today, 5));
        assert!(!ws.promote(&id, today, 6), "one plan per account");
        assert!(!ws.promote("nobody", today, 6));
        let before = ws.clone();
        let removed = ws.remove(&id, 1).unwrap();
        assert!(ws.plan(&id).is_none(), "no orphaned plan");
        assert_eq!(
            ws.tombstones.iter().map(|t| t.kind).collect::<Vec<_>>(),
            vec![RecordKind::Account, RecordKind::Plan]
        );
        ws.restore(removed);
        assert_eq!(ws, before);
        // The same for a plan that is not the last one.
        let cartech = ws.remove("sample-02-cartech", 2).unwrap();
        ws.restore(cartech);
        assert_eq!(ws, before);
    }

    #[test]
    fn undoing_an_import_keeps_what_was_changed_since() {
        let mut before = sample_portfolio(0);
        before.ensure_profile(|| "me".into());
        // The "import": one new account, one changed, the weights changed.
        let mut after = before.clone();
        let mut globex = Account::clone(&after.accounts[0]);
        globex.id = "globex".into();
        globex.fields.name = "Globex".into();
        after.accounts.push(Arc::new(globex.clone()));
        let mut initech = globex.clone();
        initech.id = "initech".into();
        initech.fields.name = "Initech".into();
        after.accounts.push(Arc::new(initech));
        let mut f = after.find("sample-01-vicom").unwrap().fields.clone();
        f.owner = "Bram".into();
        after.update_fields("sample-01-vicom", f, 5);
        after.edit_scoring(|s| s.weights.set(Criterion::RevenueVolume, 50));
        after.save_offering(Offering { id: "erp".into(), name: "ERP".into(), ..Offering::default() });
        // Since then the user rated one of the new accounts.
        let mut now = after.clone();
        now.set_override("initech", Criterion::ProductFit, Some(4), 9);

        let undone = undo_since(&before, &after, &now);
        assert_eq!(undone.removed, vec!["Globex".to_string()]);
        assert_eq!(undone.restored, vec!["Vicom".to_string()]);
        assert_eq!(undone.kept, vec!["Initech".to_string()], "rated since: kept, and named");
        assert!(undone.scoring);
        let ws = &undone.workspace;
        assert!(ws.find("globex").is_none());
        assert_eq!(ws.find("initech").unwrap().assessment.overrides.get(&Criterion::ProductFit), Some(&4));
        assert_eq!(ws.find("sample-01-vicom"), before.find("sample-01-vicom"));
        assert_eq!(ws.scoring, before.scoring);
        assert_eq!(ws.offerings, before.offerings, "the catalogue goes back too");
        // Nothing changed since: the undo gives back exactly what was there.
        assert_eq!(undo_since(&before, &after, &after).workspace, before);
    }

    #[test]
    fn promotion_is_the_decision_and_old_plans_were_promotions() {
        let mut ws = sample_portfolio(0);
        let id = "sample-07-medisys";
        let today = Date::parse("2026-11-28").unwrap();
        assert!(ws.find(id).unwrap().decided.is_none());
        assert!(ws.promote(id, today, 5));
        let d = ws.find(id).unwrap().decided.clone().unwrap();
        assert_eq!((d.tier, d.promoted, d.on), (Tier::Key, true, today));
        // Format 4 stored no decision: an account with a plan was promoted.
        let mut old = ws.clone();
        for a in &mut old.accounts {
            Arc::make_mut(a).decided = None;
        }
        let json = encode(&old).replacen(r#""schema":9"#, r#""schema":4"#, 1);
        let read = decode(&json).unwrap();
        let decided: Vec<&str> =
            read.accounts.iter().filter(|a| a.decided.is_some()).map(|a| a.fields.name.as_str()).collect();
        assert_eq!(decided, vec!["Cartech", "Brabant Foods", "Medisys"]);
        // Format 5 is read as stored: no decision is invented.
        assert!(decode(&encode(&old)).unwrap().accounts.iter().all(|a| a.decided.is_none()));
    }

    #[test]
    fn old_deletions_can_be_forgotten() {
        let mut ws = sample_portfolio(0);
        ws.remove("sample-01-vicom", 1_000);
        ws.remove("sample-12-atlas", 5_000);
        assert_eq!(ws.tombstones.len(), 2);
        assert_eq!(ws.forget_deletions(2_000), 1);
        assert_eq!(ws.tombstones.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), vec!["sample-12-atlas"]);
    }

    #[test]
    fn plan_edits_stamp_the_plan() {
        let mut ws = sample_portfolio(0);
        let id = ws.accounts[0].id.clone();
        ws.promote(&id, Date::parse("2026-11-27").unwrap(), 5);
        assert!(ws.edit_plan(&id, 9, |p| p.swot.strengths.push("Loyal".into())));
        assert_eq!(ws.plan(&id).unwrap().updated_ms, 9);
        assert!(ws.edit_plan(&id, 12, |_| {}));
        assert_eq!(ws.plan(&id).unwrap().updated_ms, 9, "no change, no stamp");
        let removed =
            ws.remove_plan_item(&id, &ItemRef::Swot(crate::domain::plan::Quadrant::Strengths, "Loyal".into()), 15);
        assert!(removed.is_some() && ws.plan(&id).unwrap().swot.strengths.is_empty());
        assert!(!ws.edit_plan("nobody", 1, |_| {}));
    }

    #[test]
    fn remove_and_restore_keep_position_and_never_duplicate() {
        let mut ws = sample_portfolio(0);
        let before = ws.clone();
        let id = ws.accounts[3].id.clone();
        let removed = ws.remove(&id, 1).unwrap();
        assert_eq!(removed.position, 3);
        assert!(ws.find(&id).is_none());
        ws.restore(removed.clone());
        ws.restore(removed);
        assert_eq!(ws, before);
        assert!(ws.remove("no-such-id", 1).is_none());
    }

    #[test]
    fn edits_touch_updated_only_when_something_changed() {
        let mut ws = sample_portfolio(0);
        let id = ws.accounts[0].id.clone();
        assert!(ws.set_answer(&id, Question::FitNeeds, ws.accounts[0].assessment.answer(Question::FitNeeds), 5));
        assert_eq!(ws.accounts[0].updated_ms, 0);
        assert!(ws.set_override(&id, Criterion::ProductFit, Some(1), 7));
        assert_eq!(ws.accounts[0].updated_ms, 7);
        assert!(!ws.update_fields("gone", AccountFields::default(), 9));
    }
}
