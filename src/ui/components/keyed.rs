//! Keyed lists. Every list of records or plan items renders through [`keyed`], so an edit
//! elsewhere never rebuilds an item — nor wipes what a user is typing in it.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

/// A child's key: the item's key and which occurrence of it this is.
type Key = (String, usize);

/// Builds the child of a key when it first appears.
type Make = Arc<dyn Fn(Key) -> Option<AnyView> + Send + Sync>;

/// One item of a keyed list, as its child sees it: reading it tracks the item, so the child's
/// reactive parts follow the item wherever it moves.
///
/// Each item has signals of its own, set by the list only when that item changed or moved: a
/// change to one row of a hundred wakes that row's parts and no others. (With each item a
/// memo of the whole list, every change re-ran a hundred memos and marked the thousand
/// effects below them for a check: 30 ms per rating at 10,000 accounts.)
pub struct Item<T: Send + Sync + 'static> {
    slot: RwSignal<Option<usize>>,
    /// The item now; once it is gone, as it was last: what the child shows while it is
    /// being removed.
    current: RwSignal<T>,
}

impl<T: Send + Sync + 'static> Clone for Item<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Item<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Item<T> {
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

    /// Follows the list: sets what changed, and nothing else. (`try_`: a child being torn down
    /// may have lost its signals a moment before it leaves the list's register.)
    fn follow(&self, at: Option<usize>, list: &[T]) {
        if self.slot.try_get_untracked().is_some_and(|was| was != at) {
            self.slot.set(at);
        }
        if let Some(now) = at.and_then(|i| list.get(i)) {
            if self.current.try_with_untracked(|was| was != now) == Some(true) {
                self.current.set(now.clone());
            }
        }
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
    // The items shown, by key; each child registers its item and removes it when it goes.
    let shown: StoredValue<HashMap<Key, Item<T>>> = StoredValue::new(HashMap::new());
    // The list's keys, as a signal of its own set by this effect, which also hands every shown
    // item its new place and value. Why an effect: reactive_graph marks a memo's whole subtree
    // once for every path that leads to it, and a list memo is usually reached along several
    // (the workspace, the ranking, memos of both); behind an effect, what follows is marked
    // once per change.
    let keys = RwSignal::new(items.with_untracked(|v| occurrences(v.iter().map(key).collect())));
    // Where each key sits, for the children built after a change (made when first asked).
    let places: StoredValue<Option<HashMap<Key, usize>>> = StoredValue::new(None);
    Effect::new(move |_| {
        items.with(|v| {
            let now = occurrences(v.iter().map(key).collect());
            let index: HashMap<&Key, usize> = now.iter().enumerate().map(|(i, k)| (k, i)).collect();
            shown.with_value(|shown| {
                for (k, item) in shown {
                    item.follow(index.get(k).copied(), v);
                }
            });
            if keys.with_untracked(|was| *was != now) {
                places.set_value(None);
                keys.set(now);
            }
        })
    });
    // The generic part is kept small: everything else is shared by every list (see `keyed_list`).
    let make: Make = Arc::new(move |k: Key| {
        let at = places.try_update_value(|p| {
            p.get_or_insert_with(|| {
                keys.with_untracked(|v| v.iter().enumerate().map(|(i, k)| (k.clone(), i)).collect())
            })
            .get(&k)
            .copied()
        })??;
        let first = items.with_untracked(|v| v.get(at).cloned())?;
        let item = Item { slot: RwSignal::new(Some(at)), current: RwSignal::new(first) };
        shown.update_value(|s| {
            s.insert(k.clone(), item);
        });
        on_cleanup(move || {
            // Only its own entry: a child for the same key may have replaced it already.
            shown.try_update_value(|s| {
                if s.get(&k).is_some_and(|x| x.slot == item.slot) {
                    s.remove(&k);
                }
            });
        });
        Some(child(item).into_any())
    });
    keyed_list(keys, make)
}

/// Each key with its occurrence: the first of a repeated key is 0, the next 1, …
fn occurrences(v: Vec<String>) -> Vec<Key> {
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(v.len());
    v.into_iter()
        .map(|k| {
            let n = seen.entry(k.clone()).or_insert(0);
            *n += 1;
            (k, *n - 1)
        })
        .collect()
}

/// The one `<For>` of the app: not generic, so its diffing code is in the wasm once.
fn keyed_list(keys: RwSignal<Vec<Key>>, make: Make) -> AnyView {
    view! { <For each=move || keys.get() key=|k| k.clone() children=move |k: Key| make(k) /> }.into_any()
}
