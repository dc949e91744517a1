//! Account groups: an account can have a parent account (a group and its subsidiaries, as
//! CRM exports carry them). A group's figures are rolled up over the parent and everyone
//! under it; a plan on the parent covers the members that have none of their own; a parent
//! line never runs in a circle.

use std::collections::HashMap;
use std::sync::Arc;

use super::account::Account;
use super::plan::Plan;
use super::whitespace::{whitespace_value, Offering};
use super::workspace::name_key;

/// Why an account cannot get this parent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupProblem {
    /// No account by that name or CRM id.
    Unknown,
    /// An account cannot be its own parent.
    Itself,
    /// The parent belongs to this account's group already: the line would run in a circle.
    Circle,
}

/// Finds the account a reference names: its CRM id, else its name (case and outer spaces ignored, as imports match names).
pub fn find_reference(accounts: &[Arc<Account>], text: &str) -> Option<usize> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    accounts
        .iter()
        .position(|a| !a.fields.crm_id.is_empty() && a.fields.crm_id == text)
        .or_else(|| accounts.iter().position(|a| a.id == text))
        .or_else(|| {
            let key = name_key(text);
            accounts.iter().position(|a| name_key(&a.fields.name) == key)
        })
}

/// Whether `child` may get `parent` (both account ids).
pub fn parent_problem(accounts: &[Arc<Account>], child: &str, parent: &str) -> Option<GroupProblem> {
    if child == parent {
        return Some(GroupProblem::Itself);
    }
    let at: HashMap<&str, usize> = accounts.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let Some(&start) = at.get(parent) else { return Some(GroupProblem::Unknown) };
    // Up from the parent: reaching the child means the child is above it. A damaged file's
    // circle ends the walk after as many steps as there are accounts.
    let mut here = start;
    for _ in 0..=accounts.len() {
        let up = accounts[here].parent.as_deref()?;
        if up == child {
            return Some(GroupProblem::Circle);
        }
        match at.get(up) {
            Some(&next) => here = next,
            None => return None,
        }
    }
    None
}

/// Whether any account has a parent: most portfolios have no groups, and then nothing needs
/// linking (at 10,000 accounts this runs on every edit of a page that shows groups).
fn in_groups(accounts: &[Arc<Account>]) -> bool {
    accounts.iter().any(|a| a.parent.is_some())
}

/// A group: a parent account and everyone under it, directly or not.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Index of the parent account.
    pub parent: usize,
    /// Indices of the members under it, in account order (the parent not included).
    pub members: Vec<usize>,
    /// Current revenue of the parent and its members together (accounts without a figure add nothing).
    pub revenue: f64,
    pub potential: f64,
    /// The whitespace of the parent and its members together (see `whitespace`).
    pub whitespace: f64,
}

/// Each account's direct subsidiaries (indices), by account index.
fn children(accounts: &[Arc<Account>]) -> Vec<Vec<usize>> {
    let at: HashMap<&str, usize> = accounts.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut out = vec![Vec::new(); accounts.len()];
    for (i, a) in accounts.iter().enumerate() {
        if let Some(&p) = a.parent.as_deref().and_then(|p| at.get(p)) {
            if p != i {
                out[p].push(i);
            }
        }
    }
    out
}

/// The direct subsidiaries of the account at `index`.
pub fn subsidiaries(accounts: &[Arc<Account>], index: usize) -> Vec<usize> {
    let Some(id) = accounts.get(index).map(|a| a.id.as_str()) else { return Vec::new() };
    accounts
        .iter()
        .enumerate()
        .filter(|(i, a)| *i != index && a.parent.as_deref() == Some(id))
        .map(|(i, _)| i)
        .collect()
}

/// The group under the account at `index`, with its figures rolled up; `None` when nobody
/// is under it.
pub fn group_of(accounts: &[Arc<Account>], offerings: &[Offering], index: usize) -> Option<Group> {
    if !in_groups(accounts) {
        return None;
    }
    let kids = children(accounts);
    group_with(accounts, offerings, &kids, index)
}

fn group_with(accounts: &[Arc<Account>], offerings: &[Offering], kids: &[Vec<usize>], index: usize) -> Option<Group> {
    if kids.get(index).is_none_or(Vec::is_empty) {
        return None;
    }
    let mut seen = vec![false; accounts.len()];
    seen[index] = true;
    let mut todo = kids[index].clone();
    let mut members = Vec::new();
    while let Some(i) = todo.pop() {
        if std::mem::replace(&mut seen[i], true) {
            continue;
        }
        members.push(i);
        todo.extend(&kids[i]);
    }
    members.sort_unstable();
    let sum = |f: fn(&Account) -> Option<f64>| {
        std::iter::once(index).chain(members.iter().copied()).filter_map(|i| f(&accounts[i])).sum::<f64>()
    };
    let whitespace = std::iter::once(index)
        .chain(members.iter().copied())
        .map(|i| whitespace_value(&accounts[i].whitespace, offerings))
        .sum();
    Some(Group {
        parent: index,
        revenue: sum(|a| a.fields.revenue),
        potential: sum(|a| a.fields.potential),
        whitespace,
        members,
    })
}

/// Every group whose parent is at the top (belongs to no group itself), the largest rolled-up
/// revenue first. Built once per workspace change: one pass to link, one walk per group.
pub fn groups(accounts: &[Arc<Account>], offerings: &[Offering]) -> Vec<Group> {
    if !in_groups(accounts) {
        return Vec::new();
    }
    let kids = children(accounts);
    let at: HashMap<&str, usize> = accounts.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let top = |i: usize| accounts[i].parent.as_deref().and_then(|p| at.get(p)).is_none_or(|&p| p == i);
    let mut out: Vec<Group> =
        (0..accounts.len()).filter(|&i| top(i)).filter_map(|i| group_with(accounts, offerings, &kids, i)).collect();
    out.sort_by(|a, b| b.revenue.total_cmp(&a.revenue).then(a.parent.cmp(&b.parent)));
    out
}

/// The plan that covers an account without a plan of its own: its nearest parent's with one.
/// Returns that parent's index.
pub fn covering_plan(accounts: &[Arc<Account>], plans: &[Arc<Plan>], index: usize) -> Option<usize> {
    let planned = |id: &str| plans.iter().any(|p| p.account_id == id);
    let own = accounts.get(index)?;
    if own.parent.is_none() || planned(&own.id) {
        return None;
    }
    let at: HashMap<&str, usize> = accounts.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut here = index;
    for _ in 0..accounts.len() {
        let up = *at.get(accounts[here].parent.as_deref()?)?;
        if up == index {
            return None;
        }
        if planned(&accounts[up].id) {
            return Some(up);
        }
        here = up;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::AccountFields;

    fn account(id: &str, name: &str, parent: Option<&str>, revenue: f64, potential: Option<f64>) -> Arc<Account> {
        let fields = AccountFields { name: name.into(), revenue: Some(revenue), potential, ..Default::default() };
        let mut a = Account::new(id.into(), fields, 0);
        a.parent = parent.map(Into::into);
        a.fields.crm_id = format!("CRM-{id}");
        Arc::new(a)
    }

    /// Vicom Holding over Vicom NL and Vicom BE; Vicom Services under Vicom NL; Cartech alone.
    fn portfolio() -> Vec<Arc<Account>> {
        vec![
            account("h", "Vicom Holding", None, 100.0, Some(10.0)),
            account("nl", "Vicom NL", Some("h"), 2_000.0, Some(50.0)),
            account("be", "Vicom BE", Some("h"), 400.0, None),
            account("svc", "Vicom Services", Some("nl"), 60.0, Some(5.0)),
            account("ct", "Cartech", None, 640.0, Some(950.0)),
        ]
    }

    #[test]
    fn rolls_up_over_the_whole_group() {
        let ws = portfolio();
        use crate::domain::whitespace::{Cell, CellStatus};
        let mut ws = ws;
        let catalogue =
            [Offering { id: "erp".into(), name: "ERP".into(), typical_value: Some(7.0), ..Offering::default() }];
        for i in [1, 3] {
            Arc::make_mut(&mut ws[i]).whitespace =
                vec![Cell { id: "erp".into(), status: CellStatus::Potential, value: None }];
        }
        let g = group_of(&ws, &catalogue, 0).unwrap();
        assert_eq!(g.members, [1, 2, 3]);
        assert_eq!((g.revenue, g.potential, g.whitespace), (2_560.0, 65.0, 14.0));
        let nl = group_of(&ws, &catalogue, 1).unwrap();
        assert_eq!((nl.members.clone(), nl.revenue), (vec![3], 2_060.0));
        assert_eq!(group_of(&ws, &catalogue, 4), None, "Cartech has no subsidiaries");
        assert_eq!(subsidiaries(&ws, 0), [1, 2]);
        // Only groups at the top are listed.
        let all = groups(&ws, &catalogue);
        assert_eq!(all.iter().map(|g| g.parent).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn refuses_circles_and_strangers() {
        let ws = portfolio();
        assert_eq!(parent_problem(&ws, "h", "svc"), Some(GroupProblem::Circle), "the holding under its grandchild");
        assert_eq!(parent_problem(&ws, "nl", "nl"), Some(GroupProblem::Itself));
        assert_eq!(parent_problem(&ws, "ct", "nobody"), Some(GroupProblem::Unknown));
        assert_eq!(parent_problem(&ws, "ct", "svc"), None);
        assert_eq!(parent_problem(&ws, "be", "nl"), None, "moving within the group");
        // A damaged file's circle does not hang the check.
        let mut bad = portfolio();
        Arc::make_mut(&mut bad[0]).parent = Some("svc".into());
        assert_eq!(parent_problem(&bad, "ct", "h"), None);
        assert!(groups(&bad, &[]).is_empty(), "a circle has nobody at the top");
        assert_eq!(group_of(&bad, &[], 0).unwrap().members, [1, 2, 3], "each member once");
    }

    #[test]
    fn references_by_crm_id_or_name() {
        let ws = portfolio();
        assert_eq!(find_reference(&ws, "CRM-be"), Some(2));
        assert_eq!(find_reference(&ws, "  vicom holding "), Some(0));
        assert_eq!(find_reference(&ws, "nl"), Some(1), "an account id");
        assert_eq!(find_reference(&ws, "Nobody"), None);
        assert_eq!(find_reference(&ws, " "), None);
    }

    #[test]
    fn a_parents_plan_covers_members_without_their_own() {
        let ws = portfolio();
        let plan = |id: &str| Arc::new(Plan { account_id: id.into(), ..Plan::default() });
        assert_eq!(covering_plan(&ws, &[plan("h")], 3), Some(0), "grandchild covered by the holding");
        assert_eq!(covering_plan(&ws, &[plan("h"), plan("nl")], 3), Some(1), "the nearest plan");
        assert_eq!(covering_plan(&ws, &[plan("h"), plan("svc")], 3), None, "its own plan");
        assert_eq!(covering_plan(&ws, &[plan("h")], 4), None, "Cartech is in no group");
    }
}
