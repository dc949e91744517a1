//! Keyed lists. Every list of records or plan items renders through [`keyed`], so an edit
//! elsewhere never rebuilds an item — nor wipes what a user is typing in it.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

/// A child's key: the item's key and which occurrence of it this is.
type Key = (String, usize);

/// Builds a child from the item's position when it first appears and a signal of where
/// the item sits now (`None` once it is gone).
type Make = Arc<dyn Fn(usize, Memo<Option<usize>>) -> Option<AnyView> + Send + Sync>;

/// One item of a keyed list, as its child sees it: reading it tracks the list, so the
/// child's reactive parts follow the item wherever it moves.
pub struct Item<T: Send + Sync + 'static> {
    items: Signal<Vec<T>>,
    slot: Memo<Option<usize>>,
    /// The item as it was when its child was built: what the child shows while it is
    /// being removed.
    first: StoredValue<T>,
}

impl<T: Send + Sync + 'static> Clone for Item<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Item<T> {}

impl<T: Clone + Send + Sync + 'static> Item<T> {
    /// Reads the item, tracking it.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        match self.slot.get() {
            Some(i) => self.items.with(|v| match v.get(i) {
                Some(x) => f(x),
                None => self.first.with_value(f),
            }),
            None => self.first.with_value(f),
        }
    }

    pub fn get(&self) -> T {
        self.with(T::clone)
    }

    /// Reads the item without tracking it (in event handlers).
    pub fn get_untracked(&self) -> T {
        untrack(|| self.get())
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        untrack(|| self.with(f))
    }

    /// Where the item sits in the list now (`None` once it is gone). Tracks it.
    pub fn position(&self) -> Option<usize> {
        self.slot.get()
    }
}

/// Renders `items`, one child per item, keyed by `key`. A child is built once and kept —
/// its DOM and its local signals included — while its key stays in the list, however the
/// list is reordered and whatever else in it changes; its reactive parts follow the item.
///
/// Repeated keys (an id that appears twice in a damaged file) are told apart by occurrence,
/// so two items never share one child.
pub fn keyed<T, V>(
    items: Signal<Vec<T>>,
    key: fn(&T) -> String,
    child: impl Fn(Item<T>) -> V + Send + Sync + 'static,
) -> AnyView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // The generic part is kept small: everything else is shared by every list (see `keyed_list`).
    let keys: Arc<dyn Fn() -> Vec<String> + Send + Sync> =
        Arc::new(move || items.with(|v| v.iter().map(key).collect()));
    let make: Make = Arc::new(move |at: usize, slot: Memo<Option<usize>>| {
        let first = items.with_untracked(|v| v.get(at).cloned())?;
        Some(child(Item { items, slot, first: StoredValue::new(first) }).into_any())
    });
    keyed_list(keys, make)
}

/// The one `<For>` of the app: not generic, so its diffing code is in the wasm once.
fn keyed_list(keys: Arc<dyn Fn() -> Vec<String> + Send + Sync>, make: Make) -> AnyView {
    let keys = Memo::new(move |_| keys());
    let occurrences = move |v: &[String]| {
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(v.len());
        v.iter()
            .map(|k| {
                let n = seen.entry(k.as_str()).or_insert(0);
                *n += 1;
                (k.clone(), *n - 1)
            })
            .collect::<Vec<Key>>()
    };
    // Where each keyed item sits now: rebuilt once per change, so each child finds its item
    // without scanning the list.
    let index = Memo::new(move |_| {
        keys.with(|v| occurrences(v).into_iter().enumerate().map(|(i, k)| (k, i)).collect::<HashMap<Key, usize>>())
    });
    let order = move || keys.with(|v| occurrences(v));
    let children = move |k: Key| {
        let at = index.with_untracked(|ix| ix.get(&k).copied())?;
        let slot = Memo::new(move |_| index.with(|ix| ix.get(&k).copied()));
        make(at, slot)
    };
    view! { <For each=order key=|k| k.clone() children=children /> }.into_any()
}
