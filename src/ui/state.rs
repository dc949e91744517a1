//! The one app-state struct, provided by context. Domain types hold no signals; this
//! struct holds the signals around them.

use leptos::prelude::*;

use crate::domain::plan::{ItemRef, Plan, RemovedItem};
use crate::domain::scoring::{rank_into, RankCache, Ranked};
use crate::domain::workspace::{undo_since, Removed, Undone, Workspace};
use crate::i18n::t;
use crate::platform::now_ms;
use crate::ui::route::Route;

/// What a notice's Undo button puts back.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    Account(Box<Removed>),
    /// A change to many records (an import): the workspace before and right after it. Undoing
    /// it asks first and keeps what was changed since (`workspace::undo_since`).
    Bulk {
        before: Box<Workspace>,
        after: Box<Workspace>,
    },
    PlanItem {
        account_id: String,
        removed: RemovedItem,
    },
    Stakeholder {
        account_id: String,
        at: usize,
        person: Box<crate::domain::stakeholder::Stakeholder>,
    },
    Offering {
        at: usize,
        offering: Box<crate::domain::whitespace::Offering>,
    },
    Template {
        at: usize,
        template: Box<crate::domain::template::OwnTemplate>,
    },
}

/// A message at the bottom of the screen, optionally offering to undo a deletion.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Distinguishes a notice from an identical later one, so a timer set for the first
    /// never hides the second.
    pub seq: u64,
    pub text: String,
    pub undo: Option<Undo>,
}

/// Something on the page that holds typed input not saved yet.
#[derive(Clone, Copy)]
pub struct Guard {
    /// What it is, for the question before leaving ("Objectives").
    pub label: &'static str,
    /// Whether it holds input that is not saved.
    pub unsaved: Signal<bool>,
    /// Saves what can be saved now (forms that save as they are typed).
    pub flush: Option<Callback<()>>,
}

/// Long work under way (an import applied in slices, a large save): what, and how far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Busy {
    pub what: String,
    pub done: usize,
    pub total: usize,
}

/// A bulk undo waiting for the user's word: what it would do.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingUndo {
    pub undone: Undone,
}

#[derive(Clone, Copy)]
pub struct AppState {
    /// The source of truth; every change is persisted by one effect in `app.rs`.
    pub workspace: RwSignal<Workspace>,
    /// Scores and ranks, derived from the workspace; ordered by rank.
    pub ranking: Memo<Vec<Ranked>>,
    /// The portfolio's currency: every amount on screen is shown in it.
    pub currency: Memo<crate::domain::money::Currency>,
    pub route: RwSignal<Route>,
    pub notice: RwSignal<Option<Notice>>,
    /// A storage problem to show until it is resolved.
    pub storage_problem: RwSignal<Option<String>>,
    /// Stored data could not be read: nothing is written until the user agrees. Holds the
    /// key of a copy of that data, offered for download.
    pub locked: RwSignal<Option<String>>,
    /// The last write to storage failed: the tab holds changes the browser does not.
    pub unsaved: RwSignal<bool>,
    /// Whether the browser agreed to keep our data when space runs low.
    pub persistent: RwSignal<Option<bool>>,
    /// Bumped on window resize so that charts redraw at the new width.
    pub viewport: RwSignal<u32>,
    /// Forms and panels with typed input not saved yet; leaving the page asks first.
    guards: StoredValue<Vec<(u64, Guard)>>,
    next_guard: StoredValue<u64>,
    /// A navigation held back because something is not saved: the user decides.
    pub leaving: RwSignal<Option<Route>>,
    /// A bulk undo held back until the user has seen what it does.
    pub undoing: RwSignal<Option<PendingUndo>>,
    /// Long work under way, shown as a progress bar.
    pub busy: RwSignal<Option<Busy>>,
    /// Bumped after each successful write to storage.
    pub writes: RwSignal<u64>,
}

impl AppState {
    pub fn new(workspace: Workspace, route: Route) -> AppState {
        let workspace = RwSignal::new(workspace);
        // Only accounts changed since the last ranking are scored again, and the last ranking
        // is changed in place (`rank_into`): a rating at 10,000 accounts touches a few entries.
        // The memo owns the ranking and is told whether it changed, so nothing compares
        // 10,000 entries to find out.
        let cache = StoredValue::new(RankCache::default());
        let ranking = Memo::new_owning(move |previous: Option<Vec<Ranked>>| {
            workspace.with(|w| {
                crate::platform::timed("keystone:rank", || {
                    cache.try_update_value(|c| rank_into(c, &w.accounts, &w.scoring, previous)).unwrap_or_default()
                })
            })
        });
        AppState {
            workspace,
            ranking,
            currency: Memo::new(move |_| workspace.with(|w| w.scoring.currency)),
            route: RwSignal::new(route),
            notice: RwSignal::new(None),
            storage_problem: RwSignal::new(None),
            locked: RwSignal::new(None),
            unsaved: RwSignal::new(false),
            persistent: RwSignal::new(None),
            viewport: RwSignal::new(0),
            guards: StoredValue::new(Vec::new()),
            next_guard: StoredValue::new(0),
            leaving: RwSignal::new(None),
            undoing: RwSignal::new(None),
            busy: RwSignal::new(None),
            writes: RwSignal::new(0),
        }
    }

    /// Registers something holding typed input; it is unregistered when the calling
    /// component goes away.
    pub fn guard(&self, guard: Guard) {
        let id = self.next_guard.get_value();
        self.next_guard.set_value(id + 1);
        self.guards.update_value(|g| g.push((id, guard)));
        let guards = self.guards;
        on_cleanup(move || guards.update_value(|g| g.retain(|(i, _)| *i != id)));
    }

    /// Saves whatever saves itself, then names what still holds unsaved input.
    pub fn unsaved(&self) -> Vec<&'static str> {
        let guards: Vec<Guard> = self.guards.with_value(|g| g.iter().map(|(_, g)| *g).collect());
        for g in &guards {
            if let Some(flush) = g.flush {
                flush.run(());
            }
        }
        guards.iter().filter(|g| g.unsaved.get_untracked()).map(|g| g.label).collect()
    }

    /// The account's place in the ranking (score, tier, ranks), by account id. Reactive.
    pub fn ranked(&self, account_id: &str) -> Option<Ranked> {
        let index = self.workspace.with(|w| w.accounts.iter().position(|a| a.id == account_id))?;
        self.ranking.with(|r| r.iter().find(|x| x.index == index).copied())
    }

    /// Shows `route` now and puts it in the address bar (for reload and history) — unless
    /// something on this page holds unsaved input: then the user is asked first.
    pub fn navigate(&self, route: Route) {
        if self.route.with_untracked(|r| *r == route) {
            return;
        }
        if self.unsaved().is_empty() {
            self.go(route);
        } else {
            self.leaving.set(Some(route));
        }
    }

    /// Goes to `route` without asking (the user already agreed, or nothing is unsaved).
    pub fn go(&self, route: Route) {
        let href = route.href();
        self.set_route(route);
        let _ = window().location().set_hash(&href);
    }

    /// The address bar changed (a link, back or forward): follow it, unless something on this
    /// page holds unsaved input — then put the address back and ask.
    pub fn follow_address(&self, route: Route) {
        if self.route.with_untracked(|r| *r == route) {
            return;
        }
        if self.unsaved().is_empty() {
            self.set_route(route);
        } else {
            let here = self.route.get_untracked().href();
            let _ = window().location().replace(&format!("#{}", here.trim_start_matches('#')));
            self.leaving.set(Some(route));
        }
    }

    /// Changes the route only when it differs, so the echo of our own `navigate` through
    /// `hashchange` does not rebuild the page.
    pub fn set_route(&self, route: Route) {
        if self.route.with_untracked(|r| *r != route) {
            // An undo offer belongs to the page it was made on: moving on ends it (one made
            // right after this navigation, such as a deletion's, stays).
            if let Some(seq) = self.notice.with_untracked(|n| n.as_ref().map(|n| n.seq)) {
                self.expire_undo(seq);
            }
            self.route.set(route);
        }
    }

    pub fn notify(&self, text: impl Into<String>) {
        self.show(text.into(), None);
    }

    fn show(&self, text: String, undo: Option<Undo>) {
        let seq = self.notice.with_untracked(|n| n.as_ref().map_or(0, |n| n.seq + 1));
        self.notice.set(Some(Notice { seq, text, undo }));
    }

    /// Removes an own plan template, keeping it in the notice so that it can be put back.
    pub fn delete_template(&self, id: &str) {
        let mut removed = None;
        self.workspace.update(|w| removed = w.remove_template(id));
        if let Some((at, template)) = removed {
            let text = (t().template.removed_own)(&template.name);
            self.show(text, Some(Undo::Template { at, template: Box::new(template) }));
        }
    }

    /// Removes an account, keeping it in the notice so that it can be put back.
    pub fn delete_account(&self, id: &str) {
        let mut removed = None;
        self.workspace.update(|w| removed = w.remove(id, now_ms()));
        if let Some(removed) = removed {
            let text = (t().deleted)(&removed.account.fields.name);
            self.show(text, Some(Undo::Account(Box::new(removed))));
        }
    }

    pub fn undo(&self) {
        let Some(Notice { undo: Some(undo), .. }) = self.notice.get_untracked() else {
            return;
        };
        match undo {
            Undo::Account(removed) => {
                let text = (t().restored)(&removed.account.fields.name);
                self.workspace.update(|w| w.restore(*removed));
                self.notify(text);
            }
            Undo::Bulk { before, after } => {
                // Show what it would do, and ask.
                let undone = self.workspace.with_untracked(|now| undo_since(&before, &after, now));
                self.notice.set(None);
                self.undoing.set(Some(PendingUndo { undone }));
            }
            Undo::PlanItem { account_id, removed } => {
                self.workspace.update(|w| {
                    w.edit_plan(&account_id, now_ms(), |p| p.restore(removed));
                });
                self.notice.set(None);
            }
            Undo::Offering { at, offering } => {
                self.workspace.update(|w| w.restore_offering(at, *offering));
                self.notice.set(None);
            }
            Undo::Template { at, template } => {
                self.workspace.update(|w| w.restore_template(at, *template));
                self.notice.set(None);
            }
            Undo::Stakeholder { account_id, at, person } => {
                self.workspace.update(|w| {
                    w.restore_stakeholder(&account_id, at, *person, now_ms());
                });
                self.notice.set(None);
            }
        }
    }

    /// Changes an account's plan; tells the user when the plan is gone (deleted in the
    /// meantime) instead of failing silently. Returns whether the plan existed.
    pub fn edit_plan(&self, account_id: &str, change: impl FnOnce(&mut Plan)) -> bool {
        let mut found = false;
        self.workspace.update(|w| found = w.edit_plan(account_id, now_ms(), change));
        if !found {
            self.notify(t().plan.plan_gone);
        }
        found
    }

    /// Replaces the workspace (an applied import), offering to undo.
    pub fn replace_workspace(&self, new: Workspace, text: String) {
        let before = self.workspace.get_untracked();
        self.workspace.set(new.clone());
        self.show(text, Some(Undo::Bulk { before: Box::new(before), after: Box::new(new) }));
    }

    /// Replaces the workspace with `new`, computed from `start` by work that took several
    /// tasks: edits made meanwhile are kept (merged as another tab's write would be).
    fn replace_from(&self, start: Workspace, new: Workspace, text: String) {
        let Some(live) = self.workspace.try_get_untracked() else { return };
        let result = if crate::domain::layout::changes(&start, &live).any() {
            crate::domain::merge::tabs::absorb(&start, &live, &new).workspace
        } else {
            new
        };
        self.workspace.set(result.clone());
        self.show(text, Some(Undo::Bulk { before: Box::new(live), after: Box::new(result) }));
    }

    /// Runs a long change in slices, one task each, so that the page keeps answering input
    /// while a progress bar says how far it is. `step` changes a copy of the workspace and
    /// returns (done, total) while there is more to do, `None` once finished; `finish` says
    /// what was done. The result is offered for undo like an import.
    pub fn run_sliced<S, F>(&self, what: String, step: S, finish: F)
    where
        S: FnMut(&mut Workspace) -> Option<(usize, usize)> + 'static,
        F: FnOnce() -> String + 'static,
    {
        let start = self.workspace.get_untracked();
        let work = start.clone();
        self.busy.set(Some(Busy { what, done: 0, total: 1 }));
        let state = *self;
        // The first slice waits a task too, so the progress bar is painted first.
        set_timeout(move || slice(state, start, work, step, finish), std::time::Duration::ZERO);
    }

    /// A change to many accounts at once (a bulk action): applied, told in `text(changed)`,
    /// and offered for undo like an import. Nothing is offered when nothing changed.
    pub fn change_many(&self, change: impl FnOnce(&mut Workspace) -> usize, text: fn(usize) -> String) {
        let before = self.workspace.get_untracked();
        let mut changed = 0;
        self.workspace.update(|w| changed = change(w));
        if changed == 0 {
            self.notify(text(0));
            return;
        }
        let after = self.workspace.get_untracked();
        self.show(text(changed), Some(Undo::Bulk { before: Box::new(before), after: Box::new(after) }));
    }

    /// Carries out a bulk undo the user agreed to.
    pub fn confirm_undo(&self) {
        if let Some(PendingUndo { undone }) = self.undoing.get_untracked() {
            self.undoing.set(None);
            self.workspace.set(undone.workspace);
            self.notify(t().share.undone);
        }
    }

    /// Drops an undo offer (its time is up, or the user moved on).
    pub fn expire_undo(&self, seq: u64) {
        if self.notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.seq == seq && n.undo.is_some())) {
            self.notice.set(None);
        }
    }

    /// Removes an item from a plan, offering to undo.
    pub fn delete_plan_item(&self, account_id: &str, item: &ItemRef) {
        let mut removed = None;
        self.workspace.update(|w| removed = w.remove_plan_item(account_id, item, now_ms()));
        if let Some(removed) = removed {
            let undo = Undo::PlanItem { account_id: account_id.to_string(), removed };
            self.show(t().plan.item_deleted.to_string(), Some(undo));
        }
    }
}

impl AppState {
    /// Tells the user something was deleted, offering to undo it.
    pub fn show_undo(&self, text: String, undo: Undo) {
        self.show(text, Some(undo));
    }

    /// Deletes a stakeholder from an account's map, offering to undo.
    pub fn delete_stakeholder(&self, account_id: &str, id: &str) {
        let mut removed = None;
        self.workspace.update(|w| removed = w.remove_stakeholder(account_id, id, now_ms()));
        if let Some((at, person)) = removed {
            let undo = Undo::Stakeholder { account_id: account_id.to_string(), at, person: Box::new(person) };
            self.show(t().people.deleted.to_string(), Some(undo));
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// One slice of [`AppState::run_sliced`], then the next in a later task. Reads signals with
/// `try_`: the app may be gone before the work ends (a test unmounts it).
fn slice<S, F>(state: AppState, start: Workspace, mut work: Workspace, mut step: S, finish: F)
where
    S: FnMut(&mut Workspace) -> Option<(usize, usize)> + 'static,
    F: FnOnce() -> String + 'static,
{
    if state.busy.try_with_untracked(|_| ()).is_none() {
        return;
    }
    match crate::platform::timed("keystone:slice", || step(&mut work)) {
        Some((done, total)) => {
            state.busy.try_update(|b| {
                if let Some(b) = b {
                    b.done = done;
                    b.total = total;
                }
            });
            set_timeout(move || slice(state, start, work, step, finish), std::time::Duration::ZERO);
        }
        None => {
            state.busy.try_set(None);
            state.replace_from(start, work, finish());
        }
    }
}
