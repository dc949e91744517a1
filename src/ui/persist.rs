//! Keeps the workspace and localStorage in step — the one place that writes it.
//!
//! The tab remembers what it last read from or wrote to storage (its *base*). Before each
//! write it compares the stored text with the base: if another tab wrote in between, this tab
//! first absorbs that (a three-way merge, `domain::merge::tabs`) and then writes the result, so
//! an edit made in a tab with an outdated view never silently overwrites a newer one. Storage
//! events bring other tabs' writes in as they happen. Unreadable stored data is never
//! written over until the user says so.

use leptos::prelude::*;

use crate::domain::merge::tabs::absorb;
use crate::domain::workspace::{decode, Workspace};
use crate::i18n::t;
use crate::platform::now_ms;
use crate::storage::{self, Key, StorageError, Stored};
use crate::ui::state::AppState;

/// What this tab last read from or wrote to storage.
#[derive(Clone, Copy)]
pub struct Base(StoredValue<Option<Stored>>);

impl Base {
    pub fn new(stored: Option<Stored>) -> Base {
        Base(StoredValue::new(stored))
    }
}

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
        _ => Key::Workspace.name(),
    };
    state.locked.set(Some(key));
    state.storage_problem.set(Some(storage_message(e)));
}

/// Installs the save effect and the listener for other tabs' writes.
pub fn install(state: AppState, base: Base) {
    // Writing 10,000 accounts takes tens of milliseconds (encode, store, read back), so the
    // write waits until the browser has painted the change. Edits that come before it are
    // written together; leaving the page writes at once.
    let scheduled = StoredValue::new(false);
    // A frame or timer may outlive the app (a test unmounts it): then there is nothing to do.
    let flush = move || {
        if scheduled.try_get_value() == Some(true) {
            scheduled.set_value(false);
            crate::platform::timed("keystone:save", || sync(state, base));
        }
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
    let on_leave = window_event_listener(leptos::ev::pagehide, move |_| flush());
    // A tab going to the background may be frozen or discarded without `pagehide`.
    let on_hide = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            flush();
        }
    });
    let on_storage = window_event_listener(leptos::ev::storage, move |e| {
        if e.key().as_deref() != Some(Key::Workspace.name().as_str()) || state.locked.with_untracked(Option::is_some) {
            return;
        }
        if let Some(raw) = e.new_value() {
            if take_in(state, base, raw) {
                sync(state, base);
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
    match storage::read_workspace() {
        // Readable by now (another tab fixed it): merge with it as with any other tab.
        Ok(Some(raw)) if decode(&raw).is_ok() => base.0.set_value(None),
        // Written over on purpose: treat the unreadable text as seen.
        Ok(Some(raw)) => base.0.set_value(Some(Stored { raw, workspace: Workspace::default() })),
        _ => base.0.set_value(None),
    }
    sync(state, base);
}

enum Step {
    Nothing,
    Wrote(Result<(), StorageError>),
    /// Another tab wrote this since we last looked.
    Foreign(String),
}

/// Writes the workspace unless storage already has it; absorbs another tab's write first.
fn sync(state: AppState, base: Base) {
    if state.locked.with_untracked(Option::is_some) {
        state.unsaved.set(true);
        return;
    }
    let step = state.workspace.with_untracked(|ws| {
        if base.0.with_value(|b| b.as_ref().is_some_and(|b| b.workspace == *ws)) {
            return Step::Nothing;
        }
        match storage::read_workspace() {
            Ok(Some(raw)) if base.0.with_value(|b| b.as_ref().map(|b| &b.raw) != Some(&raw)) => {
                return Step::Foreign(raw);
            }
            Err(e) => return Step::Wrote(Err(e)),
            Ok(_) => {}
        }
        Step::Wrote(
            storage::save_workspace(ws).map(|raw| base.0.set_value(Some(Stored { raw, workspace: ws.clone() }))),
        )
    });
    match step {
        Step::Nothing => {}
        Step::Wrote(Ok(())) => {
            // A write works again: the write-failure message has done its job.
            if state.unsaved.get_untracked() {
                state.unsaved.set(false);
                state.storage_problem.set(None);
            }
        }
        Step::Wrote(Err(e)) => {
            // The tab keeps the work and the old stored copy stays as it was; the banner
            // stays until a later write succeeds. A "Saved." beside it would not be true.
            if state.notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.text == t().saved)) {
                state.notice.set(None);
            }
            state.unsaved.set(true);
            state.storage_problem.set(Some(storage_message(&e)));
        }
        Step::Foreign(raw) => {
            if take_in(state, base, raw) {
                sync(state, base);
            }
        }
    }
}

/// Absorbs another tab's stored text into this tab. Returns whether this tab must still
/// write (it holds changes the stored text lacks, and the workspace signal did not change).
fn take_in(state: AppState, base: Base, raw: String) -> bool {
    let theirs = match decode(&raw) {
        Ok(ws) => ws,
        Err(reason) => {
            // Unreadable here (a newer Keystone in another tab, or foreign data): keep a copy,
            // stop writing, and ask.
            lock(state, &storage::back_up(&raw, reason, now_ms()));
            return false;
        }
    };
    let mine = state.workspace.get_untracked();
    let empty = Workspace::default();
    let out = base.0.with_value(|b| absorb(b.as_ref().map_or(&empty, |b| &b.workspace), &mine, &theirs));
    let must_write = out.workspace != theirs;
    base.0.set_value(Some(Stored { raw, workspace: theirs }));
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
