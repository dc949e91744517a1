//! Keeps the workspace and localStorage in step — the one place that writes it.
//!
//! The workspace is stored in parts (`domain::layout`): a save writes only the parts whose
//! records changed since the tab's *base* (what it last read from or wrote to storage), found
//! by pointer, so an edit at 10,000 accounts writes one shard of ~65 KB instead of 4 MB.
//! Before each write the tab compares the stored head with its base's: if another tab wrote
//! in between, this tab first reads the parts that changed and absorbs them (a three-way
//! merge, `domain::merge::tabs`), then writes the result, so an edit made in a tab with an
//! outdated view never silently overwrites a newer one. Storage events for the head bring
//! other tabs' writes in as they happen. Unreadable stored data is never written over until
//! the user says so.

use leptos::prelude::*;

use crate::domain::merge::tabs::absorb;
use crate::domain::workspace::{decode, Workspace};
use crate::i18n::t;
use crate::platform::now_ms;
use crate::storage::{self, Key, Saving, StorageError, Stored};
use crate::ui::state::{AppState, Busy};

/// What this tab last read from or wrote to storage, and a save under way in steps.
#[derive(Clone, Copy)]
pub struct Base(StoredValue<Option<Stored>>, StoredValue<Option<Saving>>);

impl Base {
    pub fn new(stored: Option<Stored>) -> Base {
        Base(StoredValue::new(stored), StoredValue::new(None))
    }
}

/// Shards written per task when a save is large: at 10,000 accounts 8 shards (about 500 KB)
/// take some 30 ms.
const SHARDS_PER_STEP: usize = 8;
/// Up to this many records to write, a save is written at once (well under 100 ms); the
/// sample, or one edit at 10,000 accounts, never waits for a second task.
const RECORDS_AT_ONCE: usize = 2_000;

pub fn storage_message(e: &StorageError) -> String {
    let t = t();
    match e {
        StorageError::Unavailable => t.storage_unavailable.to_string(),
        StorageError::Unreadable { reason, backup } => (t.storage_unreadable)(&(t.decode_error)(reason), backup),
        StorageError::UnreadableNoBackup { reason } => (t.storage_unreadable_no_backup)(&(t.decode_error)(reason)),
        StorageError::Full => t.storage_full.to_string(),
        StorageError::Write(w) => (t.storage_write_failed)(&(t.write_error)(w)),
    }
}

/// Stops all writes: the stored data could not be read. `key` holds a copy of it to download.
pub fn lock(state: AppState, e: &StorageError) {
    let key = match e {
        StorageError::Unreadable { backup, .. } => backup.clone(),
        _ => Key::Head.name(),
    };
    state.locked.set(Some(key));
    state.storage_problem.set(Some(storage_message(e)));
}

/// Records the score history (`domain::history`) once the ranking has settled: a few seconds
/// after its last change, so that a weight dragged about records where it ended, and the
/// save this causes never competes with the edit the user is waiting for.
pub fn follow_scores(state: AppState) {
    const SETTLE: std::time::Duration = std::time::Duration::from_secs(3);
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let record = move || {
        if state.locked.try_with_untracked(Option::is_some) != Some(false) {
            return;
        }
        // Records are shared: the copy costs a pointer per account.
        let Some(mut ws) = state.workspace.try_get_untracked() else { return };
        let recorded = state.ranking.with_untracked(|ranking| ws.record_history(ranking, crate::platform::today()));
        if recorded > 0 {
            state.workspace.set(ws);
        }
    };
    Effect::new(move |_| {
        state.ranking.track();
        if let Some(Some(h)) = pending.try_get_value() {
            h.clear();
        }
        pending.try_set_value(set_timeout_with_handle(record, SETTLE).ok());
    });
}

/// Installs the save effect and the listener for other tabs' writes.
pub fn install(state: AppState, base: Base) {
    // The write waits until the browser has painted the change, so it never delays what the
    // user sees. Edits that come before it are written together; leaving the page writes at
    // once.
    let scheduled = StoredValue::new(false);
    // A frame or timer may outlive the app (a test unmounts it): then there is nothing to do.
    let flush = move || {
        if scheduled.try_get_value() == Some(true) {
            scheduled.set_value(false);
            crate::platform::timed("keystone:save", || sync(state, base));
        }
    };
    // Leaving: a save under way in steps is finished at once, then anything newer written.
    let leave = move || {
        finish_now(state, base);
        scheduled.try_set_value(true);
        flush();
    };
    Effect::new(move |previous: Option<()>| {
        state.workspace.track();
        // Not on the first run: that would only write back what was just read.
        if previous.is_some() && !scheduled.get_value() {
            scheduled.set_value(true);
            // A task queued from the next frame's callback runs after that frame is painted.
            // Hidden tabs get no frames: they write straight away.
            if document().hidden() {
                set_timeout(flush, std::time::Duration::ZERO);
            } else {
                request_animation_frame(move || set_timeout(flush, std::time::Duration::ZERO));
            }
        }
    });
    let on_leave = window_event_listener(leptos::ev::pagehide, move |_| leave());
    // A tab going to the background may be frozen or discarded without `pagehide`.
    let on_hide = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            leave();
        }
    });
    let on_storage = window_event_listener(leptos::ev::storage, move |e| {
        if state.locked.with_untracked(Option::is_some) {
            return;
        }
        let key = e.key();
        // The head is written last: when it arrives, the parts it names are there.
        if key.as_deref() == Some(Key::Head.name().as_str()) {
            if let Some(raw) = e.new_value() {
                if take_in(state, base, raw) {
                    sync(state, base);
                }
            }
        } else if key.as_deref() == Some(Key::Legacy.name().as_str()) {
            // An older Keystone, still open in another tab, wrote everything the old way.
            if let Some(raw) = e.new_value() {
                take_in_legacy(state, raw);
            }
        }
    });
    on_cleanup(move || {
        on_storage.remove();
        on_leave.remove();
        on_hide.remove();
    });
}

/// The user agreed to start afresh over unreadable stored data (a copy of which is kept).
pub fn unlock(state: AppState, base: Base) {
    state.locked.set(None);
    state.storage_problem.set(None);
    // Written over on purpose: the unreadable parts stay in their backup copy, and this tab
    // writes every part afresh.
    base.0.set_value(None);
    let saving = state.workspace.with_untracked(|ws| Saving::start(ws, None));
    write(state, base, saving);
}

/// Writes what changed unless storage already has it; absorbs another tab's write first.
fn sync(state: AppState, base: Base) {
    if state.locked.with_untracked(Option::is_some) {
        state.unsaved.set(true);
        return;
    }
    // A save in steps is under way: it looks again when it is done.
    if base.1.with_value(Option::is_some) {
        return;
    }
    let saving = state.workspace.with_untracked(|ws| base.0.with_value(|b| Saving::start(ws, b.as_ref())));
    if saving.is_empty() {
        return;
    }
    match storage::read_head() {
        Ok(Some(head)) if base.0.with_value(|b| b.as_ref().map(|b| &b.head) != Some(&head)) => {
            if take_in(state, base, head) {
                sync(state, base);
            }
        }
        Err(e) => failed(state, &e),
        Ok(_) => write(state, base, saving),
    }
}

/// Writes what `saving` holds over the base: at once when it is small, else a few shards
/// per task (see [`step`]).
fn write(state: AppState, base: Base, saving: Saving) {
    if saving.records() <= RECORDS_AT_ONCE {
        let result = finish(saving);
        done(state, base, result);
    } else {
        base.1.set_value(Some(saving));
        state.busy.set(Some(Busy { what: t().saving_changes.to_string(), done: 0, total: 1 }));
        set_timeout(move || step(state, base), std::time::Duration::ZERO);
    }
}

fn finish(mut saving: Saving) -> Result<Stored, StorageError> {
    let result = saving.step(usize::MAX).and_then(|_| saving.finish());
    storage::saved(result.is_ok());
    result
}

/// One step of a large save; the head is written in the last, unless another tab wrote
/// meanwhile: then its write is taken in first and the save starts over.
fn step(state: AppState, base: Base) {
    let Some(mut saving) = base.1.try_update_value(Option::take).flatten() else { return };
    match crate::platform::timed("keystone:save", || saving.step(SHARDS_PER_STEP)) {
        Err(e) => {
            state.busy.try_set(None);
            storage::saved(false);
            failed(state, &e);
        }
        Ok(false) => {
            let (done, total) = saving.progress();
            state.busy.try_set(Some(Busy { what: t().saving_changes.to_string(), done, total }));
            base.1.set_value(Some(saving));
            set_timeout(move || step(state, base), std::time::Duration::ZERO);
        }
        Ok(true) => {
            state.busy.try_set(None);
            let foreign = match storage::read_head() {
                Ok(Some(head)) => base.0.with_value(|b| b.as_ref().map(|b| &b.head) != Some(&head)).then_some(head),
                _ => None,
            };
            match foreign {
                Some(head) => {
                    if take_in(state, base, head) {
                        sync(state, base);
                    }
                }
                None => {
                    let result = crate::platform::timed("keystone:save", || finish(saving));
                    done(state, base, result);
                    // Edits made while it was being written.
                    sync(state, base);
                }
            }
        }
    }
}

/// Finishes a save under way in steps at once (the page is being left).
fn finish_now(state: AppState, base: Base) {
    if let Some(saving) = base.1.try_update_value(Option::take).flatten() {
        state.busy.try_set(None);
        let result = finish(saving);
        done(state, base, result);
    }
}

fn done(state: AppState, base: Base, result: Result<Stored, StorageError>) {
    match result {
        Ok(stored) => {
            base.0.set_value(Some(stored));
            state.writes.try_update(|n| *n += 1);
            // A write works again: the write-failure message has done its job.
            if state.unsaved.get_untracked() {
                state.unsaved.set(false);
                state.storage_problem.set(None);
            }
        }
        Err(e) => failed(state, &e),
    }
}

fn failed(state: AppState, e: &StorageError) {
    // The tab keeps the work and the stored copy stays as it was; the banner stays until a
    // later write succeeds. A "Saved." beside it would not be true.
    if state.notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.text == t().saved)) {
        state.notice.set(None);
    }
    state.unsaved.set(true);
    state.storage_problem.set(Some(storage_message(e)));
}

/// Absorbs another tab's write (its head's text) into this tab. Returns whether this tab must
/// still write (it holds changes the stored parts lack, and the workspace signal did not
/// change).
fn take_in(state: AppState, base: Base, head: String) -> bool {
    let theirs = match base.0.with_value(|b| storage::read_foreign(&head, b.as_ref(), now_ms())) {
        Ok(stored) => stored,
        Err(e) => {
            // Unreadable here (a newer Keystone in another tab, or foreign data): a copy is
            // kept; stop writing, and ask.
            lock(state, &e);
            return false;
        }
    };
    let mine = state.workspace.get_untracked();
    let empty = Workspace::default();
    let out = base.0.with_value(|b| absorb(b.as_ref().map_or(&empty, |b| &b.workspace), &mine, &theirs.workspace));
    let must_write = crate::domain::layout::changes(&theirs.workspace, &out.workspace).any();
    base.0.set_value(Some(theirs));
    if !out.clashes.is_empty() {
        let list: Vec<String> = out.clashes.iter().map(|c| (t().tab_clash_item)(&c.label, &c.field)).collect();
        state.storage_problem.set(Some((t().tab_clash)(&list)));
    }
    if out.workspace != mine {
        // The save effect runs again and writes if needed.
        state.workspace.set(out.workspace);
        false
    } else {
        must_write
    }
}

/// An older Keystone wrote the whole workspace under the single key: merge it in by
/// revision, let the save effect write the parts, and remove the single key.
fn take_in_legacy(state: AppState, raw: String) {
    let Ok(theirs) = decode(&raw) else {
        return; // not ours to judge: the old tab shows its own problem
    };
    let merged = state.workspace.with_untracked(|ws| crate::domain::layout::take_in_single_key(ws, &theirs));
    storage::forget_legacy();
    state.workspace.set(merged);
}
