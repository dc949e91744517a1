//! The only module that touches localStorage. Keys are namespaced (`keystone.`) and
//! carry the stored format's major version, so a future incompatible format can live
//! beside this one instead of overwriting it.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::layout::{self, Changes, Head, SHARDS};
use crate::domain::workspace::{decode, DecodeError, Workspace};

/// Every key Keystone writes. Nothing else in the app names a storage key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    /// The whole workspace as one text: how Keystone stored it before the split into parts.
    /// Read once to move it into parts (and when an older Keystone, still open in another
    /// tab, writes it again).
    Legacy,
    /// The head of the workspace's parts (`domain::layout`), written last on every save.
    Head,
    /// The record ids in workspace order.
    Order,
    /// One shard of the records.
    Shard(usize),
    /// A copy of stored data that could not be read, taken before anything else is written.
    Backup { taken_ms: i64 },
}

/// What every key of the workspace's parts begins with.
pub const PARTS_PREFIX: &str = "keystone.v2.";

impl Key {
    pub fn name(&self) -> String {
        match self {
            Key::Legacy => "keystone.v1.workspace".into(),
            Key::Head => "keystone.v2.head".into(),
            Key::Order => "keystone.v2.order".into(),
            Key::Shard(k) => format!("keystone.v2.shard.{k}"),
            Key::Backup { taken_ms } => format!("keystone.v1.backup.{taken_ms}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum StorageError {
    #[error("local storage is not available")]
    Unavailable,
    /// The stored workspace could not be decoded; its raw text is safe under `backup`.
    #[error("{reason}")]
    Unreadable { reason: DecodeError, backup: String },
    /// As above, but even the backup copy could not be written: nothing may be saved.
    #[error("{reason}; the backup copy failed too")]
    UnreadableNoBackup { reason: DecodeError },
    /// The browser refused the write for lack of space (Chromium's QuotaExceededError,
    /// Firefox's NS_ERROR_DOM_QUOTA_REACHED).
    #[error("storage is full")]
    Full,
    #[error("{0:?}")]
    Write(WriteError),
}

/// Why a write failed, other than a full storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The browser refused it; the name of its error.
    Refused(String),
    /// What was read back differs from what was written.
    Mismatch,
}

/// What browsers typically allow one site in localStorage: 5 MiB of UTF-16 text.
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;

fn storage() -> Result<web_sys::Storage, StorageError> {
    // `LocalStorage::raw` panics when storage is unavailable (disabled cookies, some
    // private modes), so ask the window first.
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        _ => Err(StorageError::Unavailable),
    }
}

fn get(store: &web_sys::Storage, key: &Key) -> Result<Option<String>, StorageError> {
    store.get_item(&key.name()).map_err(|_| StorageError::Unavailable)
}

/// What this tab last read from or wrote to storage: the head's text (another tab's write
/// changes it), the stamps it records, and the workspace those parts hold.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub head: String,
    pub order: String,
    pub shards: Vec<String>,
    pub workspace: Workspace,
    /// The workspace's records' shards (see `layout::Slots`).
    pub slots: layout::Slots,
}

impl Stored {
    fn new(head_text: String, head: &Head, workspace: Workspace) -> Stored {
        let slots = layout::Slots::of(&workspace);
        Stored { head: head_text, order: head.order.clone(), shards: head.shards.clone(), workspace, slots }
    }
}

/// Loads the workspace. `Ok(None)` on first run. Unreadable data is first copied to a
/// fresh backup key, never overwritten, and reported. A workspace stored the old way (one
/// key) is moved into parts here, once.
pub fn load_workspace(now_ms: i64) -> Result<Option<Stored>, StorageError> {
    let store = storage()?;
    let legacy = get(&store, &Key::Legacy)?;
    let Some(head_text) = get(&store, &Key::Head)? else {
        return match legacy {
            Some(raw) => migrate(&store, raw, now_ms).map(Some),
            None => Ok(None),
        };
    };
    let read = crate::platform::timed("keystone:decode", || read_all(&store, &head_text));
    let (head, workspace) = match read {
        Ok(read) => read,
        Err(reason) => return Err(back_up(&bundle(&store), reason, now_ms)),
    };
    let stored = Stored::new(head_text, &head, workspace);
    match legacy.map(|raw| decode(&raw)) {
        // An older Keystone in another tab wrote after the move: merge it in and write.
        Some(Ok(theirs)) => {
            let merged = layout::take_in_single_key(&stored.workspace, &theirs);
            match save_workspace(&merged, Some(&stored)) {
                Ok(saved) => {
                    let _ = store.remove_item(&Key::Legacy.name());
                    Ok(Some(saved))
                }
                // Not merged in this time: the single key stays and is tried again next load.
                Err(_) => Ok(Some(stored)),
            }
        }
        Some(Err(_)) | None => Ok(Some(stored)),
    }
}

fn read_all(store: &web_sys::Storage, head_text: &str) -> Result<(Head, Workspace), DecodeError> {
    let missing = || DecodeError::Invalid { line: 0, column: 0, message: "a part of the workspace is missing".into() };
    let head = layout::decode_head(head_text)?;
    let order = get(store, &Key::Order).ok().flatten().ok_or_else(missing)?;
    let order = layout::decode_order(&order)?;
    let mut shards = Vec::with_capacity(SHARDS);
    for k in 0..SHARDS {
        let text = get(store, &Key::Shard(k)).ok().flatten().ok_or_else(missing)?;
        shards.push(layout::decode_shard(&text)?);
    }
    let ws = layout::assemble(head.clone(), &order, shards)?;
    Ok((head, ws))
}

/// Every part as stored, as one text (what a backup of unreadable parts holds).
fn bundle(store: &web_sys::Storage) -> String {
    let mut parts = std::collections::BTreeMap::new();
    for key in [Key::Head, Key::Order].into_iter().chain((0..SHARDS).map(Key::Shard)) {
        if let Ok(Some(text)) = get(store, &key) {
            parts.insert(key.name(), text);
        }
    }
    serde_json::to_string(&parts).unwrap_or_default()
}

/// Moves a workspace stored under the single key into parts. Both would not fit the quota at
/// 10,000 accounts, so the single key goes first and comes back if the parts fail.
fn migrate(store: &web_sys::Storage, raw: String, now_ms: i64) -> Result<Stored, StorageError> {
    let workspace = match crate::platform::timed("keystone:decode", || decode(&raw)) {
        Ok(ws) => ws,
        Err(reason) => return Err(back_up(&raw, reason, now_ms)),
    };
    let _ = store.remove_item(&Key::Legacy.name());
    match save_workspace(&workspace, None) {
        Ok(stored) => Ok(stored),
        Err(e) => {
            // Put back as it was, and stop: nothing may be written over it until the user has
            // downloaded it (the lock of unreadable data, with this key as the copy).
            remove_parts(store);
            let _ = store.set_item(&Key::Legacy.name(), &raw);
            let reason =
                DecodeError::Invalid { line: 0, column: 0, message: format!("it could not be moved into parts ({e})") };
            Err(StorageError::Unreadable { reason, backup: Key::Legacy.name() })
        }
    }
}

fn remove_parts(store: &web_sys::Storage) {
    for key in [Key::Head, Key::Order].into_iter().chain((0..SHARDS).map(Key::Shard)) {
        let _ = store.remove_item(&key.name());
    }
}

/// The head's text as stored right now (another tab may have written it).
pub fn read_head() -> Result<Option<String>, StorageError> {
    get(&storage()?, &Key::Head)
}

/// The single key has been merged in: it goes, so that it is not merged again.
pub fn forget_legacy() {
    if let Ok(store) = storage() {
        let _ = store.remove_item(&Key::Legacy.name());
    }
}

/// What another tab's write holds: its head, and the parts whose stamps differ from what
/// this tab last stored (all of them when it stored nothing yet), put together with the
/// records this tab already has.
pub fn read_foreign(head_text: &str, base: Option<&Stored>, now_ms: i64) -> Result<Stored, StorageError> {
    let store = storage()?;
    let read = || -> Result<Stored, DecodeError> {
        let head = layout::decode_head(head_text)?;
        let Some(base) = base else {
            let (head, ws) = read_all(&store, head_text)?;
            return Ok(Stored::new(head_text.to_string(), &head, ws));
        };
        let order = if head.order != base.order {
            get(&store, &Key::Order).ok().flatten().map(|t| layout::decode_order(&t)).transpose()?
        } else {
            None
        };
        let mut changed = Vec::new();
        for k in 0..SHARDS {
            if head.shards.get(k) != base.shards.get(k) {
                if let Some(text) = get(&store, &Key::Shard(k)).ok().flatten() {
                    changed.push((k, layout::decode_shard(&text)?));
                }
            }
        }
        let ws = layout::rebuild(&base.workspace, head.clone(), order, changed);
        Ok(Stored::new(head_text.to_string(), &head, ws))
    };
    read().map_err(|reason| back_up(&bundle(&store), reason, now_ms))
}

/// Copies unreadable stored text to a fresh backup key and returns the error to show. The
/// same text backed up before (every reload over the same damaged data) is not copied again.
pub fn back_up(raw: &str, reason: DecodeError, now_ms: i64) -> StorageError {
    let Ok(store) = storage() else { return StorageError::UnreadableNoBackup { reason } };
    if let Some(same) = backups().into_iter().find(|b| store.get_item(&b.key).ok().flatten().as_deref() == Some(raw)) {
        return StorageError::Unreadable { reason, backup: same.key };
    }
    let mut taken_ms = now_ms;
    // Never overwrite an earlier backup: step the timestamp until the key is free.
    while store.get_item(&Key::Backup { taken_ms }.name()).ok().flatten().is_some() {
        taken_ms += 1;
    }
    let backup = Key::Backup { taken_ms }.name();
    match store.set_item(&backup, raw) {
        Ok(()) => StorageError::Unreadable { reason, backup },
        Err(_) => StorageError::UnreadableNoBackup { reason },
    }
}

/// A copy of unreadable stored data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Backup {
    /// Its storage key.
    pub key: String,
    /// When it was taken (milliseconds since the epoch).
    pub taken_ms: i64,
    /// Its size in characters.
    pub chars: usize,
}

const BACKUP_PREFIX: &str = "keystone.v1.backup.";

/// Every backup copy, oldest first.
pub fn backups() -> Vec<Backup> {
    let Ok(store) = storage() else { return Vec::new() };
    let n = store.length().unwrap_or(0);
    let mut out: Vec<Backup> = (0..n)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter_map(|key| {
            let taken_ms = key.strip_prefix(BACKUP_PREFIX)?.parse().ok()?;
            let chars = store.get_item(&key).ok().flatten()?.encode_utf16().count();
            Some(Backup { key, taken_ms, chars })
        })
        .collect();
    out.sort_by_key(|b| b.taken_ms);
    out
}

/// Deletes a backup copy (only ever one of ours).
pub fn delete_backup(key: &str) -> bool {
    key.starts_with(BACKUP_PREFIX) && storage().is_ok_and(|s| s.remove_item(key).is_ok())
}

/// Whether the last write of the workspace failed: the tab holds work the browser does not.
/// Kept outside any signal so that the crash screen, which runs without the app, can tell the
/// truth about what is stored.
pub static LAST_WRITE_FAILED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Writes what changed since `base` (everything when there is none) and reads each part
/// back, so a silently failed write is noticed. The parts go first and the head last: a tab
/// that reads the new head finds the parts it names. Returns what is stored now (the tab's
/// new base).
pub fn save_workspace(ws: &Workspace, base: Option<&Stored>) -> Result<Stored, StorageError> {
    let mut saving = Saving::start(ws, base);
    let result = saving.step(usize::MAX).and_then(|_| saving.finish());
    LAST_WRITE_FAILED.store(result.is_err(), std::sync::atomic::Ordering::SeqCst);
    result
}

/// A save in steps: a change to thousands of accounts rewrites most shards, about 4 MB at
/// 10,000 accounts — written a few shards per task so the page keeps answering, the head
/// last (until then other tabs and a reload see the workspace as it was).
pub struct Saving {
    ws: Workspace,
    /// The shards to write, with their records.
    todo: Vec<(usize, layout::Shard)>,
    done: usize,
    head_changed: bool,
    order_changed: bool,
    first: bool,
    order: String,
    shards: Vec<String>,
    slots: layout::Slots,
}

impl Saving {
    pub fn start(ws: &Workspace, base: Option<&Stored>) -> Saving {
        let changes = base.map_or_else(Changes::all, |b| layout::changes(&b.workspace, ws));
        let (order, shards) = match base {
            Some(b) if b.shards.len() == SHARDS => (b.order.clone(), b.shards.clone()),
            _ => (String::new(), vec![String::new(); SHARDS]),
        };
        // The base's slots serve while no record moved; else the ids are hashed again.
        let slots = match base {
            Some(b) if !changes.order => b.slots.clone(),
            _ => layout::Slots::of(ws),
        };
        Saving {
            ws: ws.clone(),
            todo: layout::shards_of(ws, &changes.shards, &slots),
            slots,
            done: 0,
            head_changed: changes.head,
            order_changed: changes.order || base.is_none(),
            first: base.is_none(),
            order,
            shards,
        }
    }

    /// (shards written, shards to write).
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.todo.len())
    }

    /// Nothing differs from what is stored: there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.todo.is_empty() && !self.order_changed && !self.head_changed
    }

    /// How many records the shards still to write hold: what the save will cost.
    pub fn records(&self) -> usize {
        self.todo[self.done..].iter().map(|(_, s)| s.accounts.len() + s.plans.len()).sum()
    }

    /// Writes up to `max` more shards; returns whether all are written.
    pub fn step(&mut self, max: usize) -> Result<bool, StorageError> {
        let store = storage()?;
        let end = self.todo.len().min(self.done.saturating_add(max));
        for (k, shard) in &self.todo[self.done..end] {
            let text = layout::encode_shard(shard);
            write_verified(&store, &Key::Shard(*k), &text)?;
            self.shards[*k] = layout::stamp(&text);
        }
        self.done = end;
        Ok(self.done == self.todo.len())
    }

    /// Writes the order (if it changed) and the head: from now on the save is what is stored.
    pub fn finish(self) -> Result<Stored, StorageError> {
        let store = storage()?;
        let mut order = self.order;
        if self.order_changed {
            let text = layout::encode_order(&self.ws);
            write_verified(&store, &Key::Order, &text)?;
            order = layout::stamp(&text);
        }
        let head = layout::encode_head(&self.ws, &order, &self.shards);
        write_verified(&store, &Key::Head, &head)?;
        if self.first {
            let _ = store.remove_item(&Key::Legacy.name());
        }
        Ok(Stored { head, order, shards: self.shards, workspace: self.ws, slots: self.slots })
    }
}

/// Records the outcome of a save, for the crash screen.
pub fn saved(ok: bool) {
    LAST_WRITE_FAILED.store(!ok, std::sync::atomic::Ordering::SeqCst);
}

fn write_verified(store: &web_sys::Storage, key: &Key, text: &str) -> Result<(), StorageError> {
    let name = key.name();
    store.set_item(&name, text).map_err(|e| match js_error_name(&e).as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        other => StorageError::Write(WriteError::Refused(other.to_string())),
    })?;
    match store.get_item(&name) {
        Ok(Some(back)) if back == text => Ok(()),
        _ => Err(StorageError::Write(WriteError::Mismatch)),
    }
}

/// Characters this site keeps in localStorage (keys and values), against [`QUOTA_CHARS`].
pub fn used_chars() -> usize {
    let Ok(store) = storage() else { return 0 };
    let n = store.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| store.key(i).ok().flatten())
        .map(|k| k.encode_utf16().count() + store.get_item(&k).ok().flatten().map_or(0, |v| v.encode_utf16().count()))
        .sum()
}

/// Asks the browser to keep this site's data even when disk space runs low. Resolves to
/// whether it agreed (`None` when the browser cannot say).
pub async fn request_persistence() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let answer = wasm_bindgen_futures::JsFuture::from(manager.persist().ok()?).await.ok()?;
    answer.as_bool()
}

/// Where this browser remembers the chosen language: a setting of the browser, not of the
/// shared workspace (colleagues who import a file keep their own language).
const LANGUAGE_KEY: &str = "keystone.language";

/// The language chosen in this browser, as a code such as `nl`.
pub fn language() -> Option<String> {
    storage().ok()?.get_item(LANGUAGE_KEY).ok().flatten()
}

/// Remembers the language chosen in this browser. False when the browser refused.
pub fn set_language(code: &str) -> bool {
    storage().ok().is_some_and(|s| s.set_item(LANGUAGE_KEY, code).is_ok())
}

/// The raw stored text under a key (tests and diagnostics).
pub fn raw(key: &Key) -> Option<String> {
    raw_by_name(&key.name())
}

/// The raw stored text under one of our key names (as carried in [`StorageError::Unreadable`]).
pub fn raw_by_name(name: &str) -> Option<String> {
    if !name.starts_with("keystone.") {
        return None;
    }
    storage().ok()?.get_item(name).ok().flatten()
}

fn js_error_name(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name())).unwrap_or_else(|| "write refused".into())
}
