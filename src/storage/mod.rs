//! The only module that touches localStorage. Keys are namespaced (`keystone.`) and
//! carry the stored format's major version, so a future incompatible format can live
//! beside this one instead of overwriting it.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::workspace::{decode, encode, DecodeError, Workspace};

/// Every key Keystone writes. Nothing else in the app names a storage key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    /// The workspace: accounts and scoring settings.
    Workspace,
    /// A copy of stored data that could not be read, taken before anything else is written.
    Backup { taken_ms: i64 },
}

impl Key {
    pub fn name(&self) -> String {
        match self {
            Key::Workspace => "keystone.v1.workspace".into(),
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

/// What was stored under [`Key::Workspace`], read and decoded. The raw text is kept as the
/// tab's *base*: a later write compares it with what is stored then, to notice other tabs.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub raw: String,
    pub workspace: Workspace,
}

/// Loads the workspace. `Ok(None)` on first run. Unreadable data is first copied to a
/// fresh backup key, never overwritten, and reported.
pub fn load_workspace(now_ms: i64) -> Result<Option<Stored>, StorageError> {
    let Some(raw) = read_workspace()? else {
        return Ok(None);
    };
    match crate::platform::timed("keystone:decode", || decode(&raw)) {
        Ok(workspace) => Ok(Some(Stored { raw, workspace })),
        Err(reason) => Err(back_up(&raw, reason, now_ms)),
    }
}

/// The raw text under [`Key::Workspace`] right now (another tab may have written it).
pub fn read_workspace() -> Result<Option<String>, StorageError> {
    storage()?.get_item(&Key::Workspace.name()).map_err(|_| StorageError::Unavailable)
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

/// Writes the workspace and reads it back, so a silently failed write is noticed. Returns
/// the text written (the tab's new base).
pub fn save_workspace(ws: &Workspace) -> Result<String, StorageError> {
    let result = write_workspace(ws);
    LAST_WRITE_FAILED.store(result.is_err(), std::sync::atomic::Ordering::SeqCst);
    result
}

fn write_workspace(ws: &Workspace) -> Result<String, StorageError> {
    let store = storage()?;
    let key = Key::Workspace.name();
    let json = encode(ws);
    store.set_item(&key, &json).map_err(|e| match js_error_name(&e).as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        other => StorageError::Write(WriteError::Refused(other.to_string())),
    })?;
    match store.get_item(&key) {
        Ok(Some(back)) if back == json => Ok(json),
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
