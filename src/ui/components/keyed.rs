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

/// One item of a keyed list, as its child sees it: reading it tracks the item, so the child's
/// reactive parts follow the item wherever it moves.
///
/// Each item has its own memo of its value: a child's many reactive parts subscribe to it, not
/// to the whole list. When the list changes, only the items' memos re-run and only the parts
/// of items that really changed follow. (With every part subscribed to the list, a change at
/// 100 rows re-ran about 900 effects, each unsubscribing from a set of 900: 16 ms per rating.)
pub struct Item<T: Send + Sync + 'static> {
    slot: Memo<Option<usize>>,
    /// The item now; once it is gone, as it was last: what the child shows while it is
    /// being removed.
    current: Memo<T>,
}

impl<T: Send + Sync + 'static> Clone for Item<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Item<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Item<T> {
    fn new(items: Signal<Vec<T>>, slot: Memo<Option<usize>>, first: T) -> Self {
        let current = Memo::new(move |last: Option<&T>| {
            slot.get()
                .and_then(|i| items.with(|v| v.get(i).cloned()))
                .unwrap_or_else(|| last.cloned().unwrap_or_else(|| first.clone()))
        });
        Item { slot, current }
    }

    /// Reads the item, tracking it.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.current.with(f)
    }

    pub fn get(&self) -> T {
        self.current.get()
    }

    /// Reads the item without tracking it (in event handlers).
    pub fn get_untracked(&self) -> T {
        self.current.get_untracked()
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.current.with_untracked(f)
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
    T: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // The list as a signal of its own, set from `items` by an effect. Why: reactive_graph marks
    // a memo's whole subtree once for every path that leads to it, and a list memo is usually
    // reached along several (the workspace, the ranking, memos of both). Behind an effect the
    // items' subtree is marked once per change, not once per path: at 100 rows that was
    // 15 ms per rating.
    let list = RwSignal::new(items.get_untracked());
    Effect::new(move |_| {
        let now = items.get();
        if list.with_untracked(|was| *was != now) {
            list.set(now);
        }
    });
    let items: Signal<Vec<T>> = list.into();
    // The generic part is kept small: everything else is shared by every list (see `keyed_list`).
    let keys: Arc<dyn Fn() -> Vec<String> + Send + Sync> =
        Arc::new(move || items.with(|v| v.iter().map(key).collect()));
    let make: Make = Arc::new(move |at: usize, slot: Memo<Option<usize>>| {
        let first = items.with_untracked(|v| v.get(at).cloned())?;
        Some(child(Item::new(items, slot, first)).into_any())
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
