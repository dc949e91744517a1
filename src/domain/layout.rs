//! How the workspace is laid out in the browser's storage: split over several parts so that
//! an edit rewrites only the part it touched, never all 4 MB of 10,000 accounts.
//!
//! - **Shards**: `SHARDS` lists of records. An account goes to the shard its id hashes to,
//!   its plan to the same one, so one edit (a rating, a plan item) rewrites one shard of
//!   about 1/64 of the accounts.
//! - **Order**: the account and plan ids in workspace order (rewritten only when records are
//!   added, removed or moved).
//! - **Head**: the scoring settings, tombstones, profile, the record format (`schema`) and a
//!   stamp (hash of the text) of the order and of every shard. Written last on every save:
//!   another tab that sees a new head reads only the parts whose stamp changed.
//!
//! Everything here is pure; `storage` moves the texts in and out of localStorage and
//! `ui::persist` decides when.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::account::Account;
use super::plan::Plan;
use super::scoring::ScoringSettings;
use super::sync::{Profile, Rev, Tombstone};
use super::workspace::{upgrade, DecodeError, Workspace, MAX_ACCOUNTS, SCHEMA_VERSION};

/// How many shards the records are spread over: at 10,000 accounts about 160 per shard
/// (some 65,000 characters), so writing one takes well under a millisecond.
pub const SHARDS: usize = 64;

/// FNV-1a, 64 bits: the shard of an id and the stamp of a text. Stable across builds and
/// platforms (unlike `std`'s hasher), since it names what is stored.
pub fn fnv(bytes: &[u8]) -> u64 {
    fnv_more(0xcbf2_9ce4_8422_2325, bytes)
}

/// FNV-1a carried on from `h` over more bytes: one hash of several texts.
pub fn fnv_more(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, b| (h ^ *b as u64).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The shard an account (and its plan) is stored in.
pub fn shard_of(account_id: &str) -> usize {
    (fnv(account_id.as_bytes()) % SHARDS as u64) as usize
}

/// A stored text's stamp: what the head records for each part.
pub fn stamp(text: &str) -> String {
    format!("{:016x}", fnv(text.as_bytes()))
}

/// The head as stored.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Head {
    pub schema: Option<u32>,
    pub scoring: ScoringSettings,
    pub scoring_rev: Rev,
    pub tombstones: Vec<Tombstone>,
    pub profile: Profile,
    pub offerings: Vec<crate::domain::whitespace::Offering>,
    pub offerings_rev: Rev,
    pub templates: Vec<crate::domain::template::OwnTemplate>,
    /// The stamp of the order part.
    pub order: String,
    /// The stamp of each shard, `SHARDS` of them.
    pub shards: Vec<String>,
}

#[derive(Serialize)]
struct HeadRef<'a> {
    schema: u32,
    scoring: &'a ScoringSettings,
    scoring_rev: &'a Rev,
    tombstones: &'a [Tombstone],
    profile: &'a Profile,
    #[serde(skip_serializing_if = "<[crate::domain::whitespace::Offering]>::is_empty")]
    offerings: &'a [crate::domain::whitespace::Offering],
    offerings_rev: &'a Rev,
    #[serde(skip_serializing_if = "<[crate::domain::template::OwnTemplate]>::is_empty")]
    templates: &'a [crate::domain::template::OwnTemplate],
    order: &'a str,
    shards: &'a [String],
}

/// The ids in workspace order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Order {
    pub accounts: Vec<String>,
    pub plans: Vec<String>,
}

/// One shard's records.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Shard {
    pub accounts: Vec<Arc<Account>>,
    pub plans: Vec<Arc<Plan>>,
}

#[derive(Serialize)]
struct ShardRef<'a> {
    accounts: &'a [&'a Arc<Account>],
    plans: &'a [&'a Arc<Plan>],
}

/// The workspace's records grouped by shard (pointers only: nothing is copied).
pub struct Split<'a> {
    pub accounts: Vec<Vec<&'a Arc<Account>>>,
    pub plans: Vec<Vec<&'a Arc<Plan>>>,
}

pub fn split(ws: &Workspace) -> Split<'_> {
    let mut out = Split { accounts: vec![Vec::new(); SHARDS], plans: vec![Vec::new(); SHARDS] };
    for a in &ws.accounts {
        out.accounts[shard_of(&a.id)].push(a);
    }
    for p in &ws.plans {
        out.plans[shard_of(&p.account_id)].push(p);
    }
    out
}

/// The shard of every account and plan, by position: hashed once per order, so that a save
/// that moved no record hashes no id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Slots {
    accounts: Vec<u8>,
    plans: Vec<u8>,
}

impl Slots {
    pub fn of(ws: &Workspace) -> Slots {
        Slots {
            accounts: ws.accounts.iter().map(|a| shard_of(&a.id) as u8).collect(),
            plans: ws.plans.iter().map(|p| shard_of(&p.account_id) as u8).collect(),
        }
    }

    /// Whether these slots can be of `ws` (a guard by length; callers pass slots of a
    /// workspace in the same order, the base's only when `changes` found the order kept).
    fn fit(&self, ws: &Workspace) -> bool {
        self.accounts.len() == ws.accounts.len() && self.plans.len() == ws.plans.len()
    }
}

/// The records of the `wanted` shards, in workspace order (shard number, its records):
/// what a save of those shards writes. Only those records are gathered. `slots` are the
/// workspace's (or of one with the same order).
pub fn shards_of(ws: &Workspace, wanted: &[usize], slots: &Slots) -> Vec<(usize, Shard)> {
    const _: () = assert!(SHARDS <= 256, "a slot is one byte");
    let mut slot = [usize::MAX; SHARDS];
    let mut out: Vec<(usize, Shard)> = Vec::with_capacity(wanted.len());
    for &k in wanted {
        if k < SHARDS && slot[k] == usize::MAX {
            slot[k] = out.len();
            out.push((k, Shard::default()));
        }
    }
    if out.is_empty() {
        return out;
    }
    let fresh;
    let slots = if slots.fit(ws) {
        slots
    } else {
        fresh = Slots::of(ws);
        &fresh
    };
    for (a, &k) in ws.accounts.iter().zip(&slots.accounts) {
        if let Some(s) = out.get_mut(slot[k as usize]) {
            s.1.accounts.push(Arc::clone(a));
        }
    }
    for (p, &k) in ws.plans.iter().zip(&slots.plans) {
        if let Some(s) = out.get_mut(slot[k as usize]) {
            s.1.plans.push(Arc::clone(p));
        }
    }
    out
}

/// Serializing plain data with string keys cannot fail; an empty object is the fallback
/// rather than a panic if that ever changes.
fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "{}".into())
}

/// One shard's text; the same as [`Split::encode_shard`] gives for its records.
pub fn encode_shard(shard: &Shard) -> String {
    json(shard)
}

impl Split<'_> {
    pub fn encode_shard(&self, k: usize) -> String {
        json(&ShardRef { accounts: &self.accounts[k], plans: &self.plans[k] })
    }
}

fn order_of(ws: &Workspace) -> Order {
    Order {
        accounts: ws.accounts.iter().map(|a| a.id.clone()).collect(),
        plans: ws.plans.iter().map(|p| p.account_id.clone()).collect(),
    }
}

pub fn encode_order(ws: &Workspace) -> String {
    json(&order_of(ws))
}

/// The head for `ws`, given the stamps of the order and of every shard.
pub fn encode_head(ws: &Workspace, order: &str, shards: &[String]) -> String {
    json(&HeadRef {
        schema: SCHEMA_VERSION,
        scoring: &ws.scoring,
        scoring_rev: &ws.scoring_rev,
        tombstones: &ws.tombstones,
        profile: &ws.profile,
        offerings: &ws.offerings,
        offerings_rev: &ws.offerings_rev,
        templates: &ws.templates,
        order,
        shards,
    })
}

/// What differs between what was stored (`base`) and the workspace now: what a save writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    /// Shards whose records changed (by pointer: a record not touched since is the same `Arc`).
    pub shards: Vec<usize>,
    /// Records were added, removed or moved.
    pub order: bool,
    /// Settings, tombstones or profile changed.
    pub head: bool,
}

impl Changes {
    pub fn any(&self) -> bool {
        !self.shards.is_empty() || self.order || self.head
    }

    /// Everything: the first save, or a save over data that was not read.
    pub fn all() -> Changes {
        Changes { shards: (0..SHARDS).collect(), order: true, head: true }
    }
}

/// Compares by pointer, not by content: 10,000 accounts take microseconds.
pub fn changes(base: &Workspace, now: &Workspace) -> Changes {
    let ids_differ = |a: &[Arc<Account>], b: &[Arc<Account>]| {
        a.len() != b.len() || a.iter().zip(b).any(|(x, y)| !Arc::ptr_eq(x, y) && x.id != y.id)
    };
    let plan_ids_differ = |a: &[Arc<Plan>], b: &[Arc<Plan>]| {
        a.len() != b.len() || a.iter().zip(b).any(|(x, y)| !Arc::ptr_eq(x, y) && x.account_id != y.account_id)
    };
    let order = ids_differ(&base.accounts, &now.accounts) || plan_ids_differ(&base.plans, &now.plans);
    let head = base.scoring != now.scoring
        || base.scoring_rev != now.scoring_rev
        || base.tombstones != now.tombstones
        || base.profile != now.profile
        || base.offerings != now.offerings
        || base.offerings_rev != now.offerings_rev
        || base.templates != now.templates;
    if !order {
        // Every record is where it was: the shards to write are those of the records that
        // are not the very same, found without grouping 10,000 records by shard.
        let mut shards = std::collections::BTreeSet::new();
        for (x, y) in base.accounts.iter().zip(&now.accounts) {
            if !Arc::ptr_eq(x, y) {
                shards.insert(shard_of(&y.id));
            }
        }
        for (x, y) in base.plans.iter().zip(&now.plans) {
            if !Arc::ptr_eq(x, y) {
                shards.insert(shard_of(&y.account_id));
            }
        }
        return Changes { shards: shards.into_iter().collect(), order, head };
    }
    let same_list = |a: &[&Arc<Account>], b: &[&Arc<Account>]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y))
    };
    let same_plans =
        |a: &[&Arc<Plan>], b: &[&Arc<Plan>]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y));
    let (was, is) = (split(base), split(now));
    let shards = (0..SHARDS)
        .filter(|&k| !same_list(&was.accounts[k], &is.accounts[k]) || !same_plans(&was.plans[k], &is.plans[k]))
        .collect();
    Changes { shards, order, head }
}

/// Reads the head, refusing what this app cannot read.
pub fn decode_head(text: &str) -> Result<Head, DecodeError> {
    let head: Head = serde_json::from_str(text)?;
    match head.schema {
        None => Err(DecodeError::NoVersion),
        Some(v) if v > SCHEMA_VERSION => Err(DecodeError::Newer { found: v, supported: SCHEMA_VERSION }),
        Some(_) => Ok(head),
    }
}

pub fn decode_order(text: &str) -> Result<Order, DecodeError> {
    Ok(serde_json::from_str(text)?)
}

pub fn decode_shard(text: &str) -> Result<Shard, DecodeError> {
    Ok(serde_json::from_str(text)?)
}

/// Puts a workspace together from its parts. Robust to a save that stopped half-way (a full
/// storage): records are whole in their shard, and a record the order does not name yet is
/// added at the end, an id the order names without a record is skipped.
pub fn assemble(head: Head, order: &Order, shards: Vec<Shard>) -> Result<Workspace, DecodeError> {
    let count: usize = shards.iter().map(|s| s.accounts.len()).sum();
    if count > MAX_ACCOUNTS {
        return Err(DecodeError::TooMany(count));
    }
    let ws = Workspace {
        scoring: head.scoring,
        scoring_rev: head.scoring_rev,
        tombstones: head.tombstones,
        profile: head.profile,
        offerings: head.offerings,
        offerings_rev: head.offerings_rev,
        templates: head.templates,
        ..Workspace::default()
    };
    let schema = head.schema.unwrap_or(SCHEMA_VERSION);
    // A save writes each shard's records in workspace order, so following the order and
    // taking the next record of each id's shard rebuilds the workspace without a hash map.
    // Anything else (a save that stopped half-way) takes the general way.
    match in_order(order, &shards) {
        Some((accounts, plans)) => {
            let mut ws = Workspace { accounts, plans, ..ws };
            upgrade(&mut ws.accounts, &ws.plans, schema);
            Ok(ws)
        }
        None => Ok(by_id(ws, order, shards, schema)),
    }
}

#[allow(clippy::type_complexity)]
fn in_order(order: &Order, shards: &[Shard]) -> Option<(Vec<Arc<Account>>, Vec<Arc<Plan>>)> {
    let total = |f: fn(&Shard) -> usize| shards.iter().map(f).sum::<usize>();
    if shards.len() != SHARDS
        || order.accounts.len() != total(|s| s.accounts.len())
        || order.plans.len() != total(|s| s.plans.len())
    {
        return None;
    }
    let accounts = follow(&order.accounts, shards, |s| &s.accounts, |a| &a.id)?;
    let plans = follow(&order.plans, shards, |s| &s.plans, |p| &p.account_id)?;
    let alive: std::collections::HashSet<&str> = accounts.iter().map(|a| a.id.as_str()).collect();
    plans.iter().all(|p| alive.contains(p.account_id.as_str())).then_some((accounts, plans))
}

/// The records of `ids`, each the next unused one of its id's shard; `None` at the first
/// that is not where a save would have put it.
fn follow<R>(
    ids: &[String],
    shards: &[Shard],
    list: fn(&Shard) -> &Vec<Arc<R>>,
    key: fn(&R) -> &String,
) -> Option<Vec<Arc<R>>> {
    let mut next = [0usize; SHARDS];
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let k = shard_of(id);
        let r = list(shards.get(k)?).get(next[k]).filter(|r| key(r) == id)?;
        next[k] += 1;
        out.push(Arc::clone(r));
    }
    Some(out)
}

fn by_id(mut ws: Workspace, order: &Order, shards: Vec<Shard>, schema: u32) -> Workspace {
    let mut accounts: HashMap<String, Arc<Account>> = HashMap::new();
    let mut plans: HashMap<String, Arc<Plan>> = HashMap::new();
    let mut leftover_accounts = Vec::new();
    let mut leftover_plans = Vec::new();
    for shard in shards {
        for a in shard.accounts {
            leftover_accounts.push(a.id.clone());
            accounts.insert(a.id.clone(), a);
        }
        for p in shard.plans {
            leftover_plans.push(p.account_id.clone());
            plans.insert(p.account_id.clone(), p);
        }
    }
    ws.accounts = order.accounts.iter().chain(&leftover_accounts).filter_map(|id| accounts.remove(id)).collect();
    ws.plans = order.plans.iter().chain(&leftover_plans).filter_map(|id| plans.remove(id)).collect();
    // A plan never outlives its account.
    let alive: std::collections::HashSet<&str> = ws.accounts.iter().map(|a| a.id.as_str()).collect();
    ws.plans.retain(|p| alive.contains(p.account_id.as_str()));
    upgrade(&mut ws.accounts, &ws.plans, schema);
    ws
}

/// Another tab wrote: `base` (what this tab last stored) with the parts that changed put in.
/// Records of unchanged shards stay the same `Arc`s as in `base`, so the merge that follows
/// compares them by pointer.
pub fn rebuild(base: &Workspace, head: Head, order: Option<Order>, changed: Vec<(usize, Shard)>) -> Workspace {
    let order = order.unwrap_or_else(|| order_of(base));
    let was = split(base);
    let mut fresh: Vec<Option<Shard>> = vec![None; SHARDS];
    for (k, shard) in changed {
        if k < SHARDS {
            fresh[k] = Some(shard);
        }
    }
    let shards = fresh
        .into_iter()
        .enumerate()
        .map(|(k, s)| {
            s.unwrap_or_else(|| Shard {
                accounts: was.accounts[k].iter().map(|a| Arc::clone(a)).collect(),
                plans: was.plans[k].iter().map(|p| Arc::clone(p)).collect(),
            })
        })
        .collect();
    // Only a head from storage reaches here, already checked; a failure cannot happen, and
    // keeping what this tab had is the safe answer if it did.
    assemble(head, &order, shards).unwrap_or_else(|_| base.clone())
}

/// Text that a Keystone from before the split (still open in another tab) wrote under the
/// old single key after this one moved the workspace into parts. Its base is unknown, so it
/// merges as a colleague's file does: record by record, the newer revision wins, and fields
/// changed on both sides merge field by field.
pub fn take_in_single_key(current: &Workspace, legacy: &Workspace) -> Workspace {
    let theirs = super::share::export(legacy, None, "", "").data;
    let items = super::merge::review(current, &theirs);
    super::merge::apply(current, &theirs, &items)
}

/// Every part of a workspace as text: what a first (or full) save writes.
pub struct Parts {
    pub head: String,
    pub order: String,
    pub shards: Vec<String>,
}

pub fn encode_all(ws: &Workspace) -> Parts {
    let split = split(ws);
    let shards: Vec<String> = (0..SHARDS).map(|k| split.encode_shard(k)).collect();
    let order = encode_order(ws);
    let stamps: Vec<String> = shards.iter().map(|s| stamp(s)).collect();
    Parts { head: encode_head(ws, &stamp(&order), &stamps), order, shards }
}

/// Reads a full set of parts (what `encode_all` wrote).
pub fn decode_all(head: &str, order: &str, shards: &[String]) -> Result<Workspace, DecodeError> {
    let head = decode_head(head)?;
    let order = decode_order(order)?;
    let shards = shards.iter().map(|s| decode_shard(s)).collect::<Result<Vec<_>, _>>()?;
    assemble(head, &order, shards)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::criteria::Criterion;
    use crate::domain::sample::{sample_portfolio, synthetic};
    use crate::domain::workspace::{decode, encode};

    fn round_trip(ws: &Workspace) -> Workspace {
        let parts = encode_all(ws);
        decode_all(&parts.head, &parts.order, &parts.shards).expect("reads back")
    }

    fn check(base: &Workspace, edit: impl FnOnce(&mut Workspace), expected: (usize, bool, bool)) {
        let mut now = base.clone();
        edit(&mut now);
        let c = changes(base, &now);
        assert_eq!((c.shards.len(), c.order, c.head), expected, "{c:?}");
        // Writing only what changed over what was stored gives the workspace as it is now.
        // The shards named are exactly those whose records are not the very same.
        let (was, is) = (split(base), split(&now));
        let same = |k: usize| {
            let ptrs = |v: &[&Arc<Account>]| v.iter().map(|a| Arc::as_ptr(a)).collect::<Vec<_>>();
            let plan_ptrs = |v: &[&Arc<Plan>]| v.iter().map(|p| Arc::as_ptr(p)).collect::<Vec<_>>();
            ptrs(&was.accounts[k]) == ptrs(&is.accounts[k]) && plan_ptrs(&was.plans[k]) == plan_ptrs(&is.plans[k])
        };
        assert_eq!(c.shards, (0..SHARDS).filter(|&k| !same(k)).collect::<Vec<_>>());
        // Writing only what changed over what was stored gives the workspace as it is now;
        // a shard gathered alone is the same text as from the whole split.
        let stored = encode_all(base);
        let mut shards = stored.shards.clone();
        let slots = if c.order { Slots::of(&now) } else { Slots::of(base) };
        for (k, shard) in shards_of(&now, &c.shards, &slots) {
            shards[k] = encode_shard(&shard);
            assert_eq!(shards[k], is.encode_shard(k));
        }
        let order = if c.order { encode_order(&now) } else { stored.order.clone() };
        let stamps: Vec<String> = shards.iter().map(|s| stamp(s)).collect();
        let head = encode_head(&now, &stamp(&order), &stamps);
        assert_eq!(decode_all(&head, &order, &shards).unwrap(), now);
    }

    #[test]
    fn an_edit_rewrites_only_the_shard_it_touched() {
        let mut base = synthetic(2_000, 20, 1_700_000_000_000);
        base.ensure_profile(|| "me".into());
        let id = base.accounts[7].id.clone();
        check(&base, |_| {}, (0, false, false));
        check(&base, |w| assert!(w.set_override(&id, Criterion::ProductFit, Some(4), 9)), (1, false, false));
        let planned = base.plans[3].account_id.clone();
        check(
            &base,
            |w| assert!(w.edit_plan(&planned, 9, |p| p.swot.strengths.push("Fast".into()))),
            (1, false, false),
        );
        check(&base, |w| w.edit_scoring(|s| s.weights.set(Criterion::ProductFit, 40)), (0, false, true));
        // A deletion touches the account's shard, the order and the tombstones.
        check(&base, |w| assert!(w.remove(&id, 9).is_some()), (1, true, true));
        // An edit that changes nothing writes nothing.
        check(&base, |w| assert!(w.set_override(&id, Criterion::ProductFit, None, 9)), (0, false, false));
    }

    #[test]
    fn parts_round_trip_in_order() {
        let ws = sample_portfolio(1_700_000_000_000);
        assert_eq!(round_trip(&ws), ws);
        let big = synthetic(3_000, 30, 1_700_000_000_000);
        let parts = encode_all(&big);
        assert_eq!(parts.shards.len(), SHARDS);
        let largest = parts.shards.iter().map(String::len).max().unwrap();
        assert!(largest < 3 * encode(&big).len() / SHARDS, "shards are even: {largest}");
        assert_eq!(round_trip(&big), big);
    }

    /// The format before the split: one text under one key. Loading it is `decode` as ever;
    /// the fixture is what the last single-key Keystone wrote.
    #[test]
    fn the_single_key_format_moves_into_parts_unchanged() {
        let v6 = include_str!("../../tests/fixtures/workspace-v6.json");
        let ws = decode(v6).expect("the previous format loads");
        assert_eq!(round_trip(&ws), ws);
    }

    #[test]
    fn a_late_write_under_the_single_key_merges_by_revision() {
        let mut migrated = sample_portfolio(1_700_000_000_000);
        migrated.ensure_profile(|| "new-tab".into());
        let (vicom, cartech) = ("sample-01-vicom".to_string(), "sample-02-cartech".to_string());
        // This tab rates Vicom after moving the data into parts; the old tab, which still
        // had the data as it was, rates Cartech and writes everything under the old key.
        let mut current = migrated.clone();
        current.set_override(&vicom, Criterion::ProductFit, Some(1), 5);
        let mut old_tab = migrated.clone();
        old_tab.profile.editor_id = "old-tab".into();
        old_tab.set_override(&cartech, Criterion::ProductFit, Some(2), 6);
        let merged = take_in_single_key(&current, &old_tab);
        let rating =
            |id: &str| merged.find(id).and_then(|a| a.assessment.overrides.get(&Criterion::ProductFit).copied());
        assert_eq!((rating(&vicom), rating(&cartech)), (Some(1), Some(2)), "both edits survive");
    }

    #[test]
    fn a_half_written_save_still_reads() {
        let ws = sample_portfolio(1_700_000_000_000);
        let parts = encode_all(&ws);
        // The order names an account whose shard was not written, and misses one that was.
        let mut order = decode_order(&parts.order).unwrap();
        order.accounts.retain(|id| id != "sample-02-cartech");
        order.accounts.insert(0, "gone".into());
        let read = assemble(
            decode_head(&parts.head).unwrap(),
            &order,
            parts.shards.iter().map(|s| decode_shard(s).unwrap()).collect(),
        )
        .unwrap();
        assert_eq!(read.accounts.len(), ws.accounts.len());
        assert_eq!(read.accounts.last().map(|a| a.id.as_str()), Some("sample-02-cartech"));
        assert_eq!(read.plans.len(), ws.plans.len());
    }

    #[test]
    fn refuses_a_newer_or_foreign_head() {
        assert!(matches!(decode_head(r#"{"schema":99}"#), Err(DecodeError::Newer { found: 99, .. })));
        assert!(matches!(decode_head(r#"{"shards":[]}"#), Err(DecodeError::NoVersion)));
        assert!(matches!(decode_head("not json"), Err(DecodeError::Invalid { .. })));
        assert!(matches!(decode_shard(r#"{"accounts":[{"id":1}]}"#), Err(DecodeError::Invalid { .. })));
    }

    #[test]
    fn another_tabs_parts_replace_only_what_changed() {
        let mut base = synthetic(500, 5, 1_700_000_000_000);
        base.ensure_profile(|| "me".into());
        let stored = encode_all(&base);
        // The other tab rates one account and writes its shard and the head.
        let mut theirs = base.clone();
        let id = theirs.accounts[3].id.clone();
        theirs.set_override(&id, Criterion::ProductFit, Some(1), 5);
        let k = shard_of(&id);
        let text = split(&theirs).encode_shard(k);
        let mut stamps = decode_head(&stored.head).unwrap().shards;
        stamps[k] = stamp(&text);
        let head = decode_head(&encode_head(&theirs, &stamp(&stored.order), &stamps)).unwrap();
        let rebuilt = rebuild(&base, head, None, vec![(k, decode_shard(&text).unwrap())]);
        assert_eq!(rebuilt, theirs);
        let untouched = rebuilt.accounts.iter().zip(&base.accounts).filter(|(a, b)| Arc::ptr_eq(a, b)).count();
        assert!(untouched >= 500 - 500 / SHARDS * 3, "records of other shards are shared: {untouched}");
    }
}
