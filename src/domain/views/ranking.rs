//! The ranked table: one row per account with everything it shows already derived, and the
//! rules for filtering and sorting it.
//!
//! Built in two steps for speed at 10,000 accounts: [`texts_into`] holds what does not change
//! with the scoring settings (names, revenue, plan health) and keeps each account's entry while
//! its record does; [`shown`] picks places in the ranking, and [`row`] joins the ranking with
//! the texts for the rows drawn only.

use std::collections::HashMap;
use std::sync::Arc;

use crate::domain::account::Account;
use crate::domain::date::Date;
use crate::domain::plan::{Plan, PlanHealth};
use crate::domain::scoring::{Ranked, Standing, Tier};
use crate::domain::workspace::Workspace;

/// The ranked table's columns, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Rank,
    Name,
    Sector,
    Owner,
    Revenue,
    RevenueRank,
    Score,
    Tier,
    Plan,
}

impl Column {
    pub const ALL: [Column; 9] = [
        Column::Rank,
        Column::Name,
        Column::Sector,
        Column::Owner,
        Column::Revenue,
        Column::RevenueRank,
        Column::Score,
        Column::Tier,
        Column::Plan,
    ];

    pub fn numeric(self) -> bool {
        matches!(self, Column::Rank | Column::Revenue | Column::RevenueRank | Column::Score | Column::Plan)
    }

    /// The direction a first click sorts in: best first.
    pub fn natural_ascending(self) -> bool {
        !matches!(self, Column::Revenue | Column::Score)
    }
}

/// What a row shows that does not depend on the scoring settings, per account index.
#[derive(Clone, Debug, PartialEq)]
pub struct RowTexts {
    /// The account these were taken from: while the workspace holds the same record, they
    /// still hold (see [`texts_into`]).
    account: Arc<Account>,
    /// The account's plan its health was judged from, if it has one.
    plan_of: Option<Arc<Plan>>,
    // Shared, not copied: rows are rebuilt on every weight change, for up to 10,000 accounts.
    pub id: Arc<str>,
    pub name: Arc<str>,
    pub sector: Arc<str>,
    pub owner: Arc<str>,
    pub revenue: Option<f64>,
    pub plan: Option<PlanHealth>,
}

/// One table row.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: Arc<str>,
    pub name: Arc<str>,
    pub sector: Arc<str>,
    pub owner: Arc<str>,
    pub revenue: Option<f64>,
    pub rank: Option<u32>,
    /// Another account shows the same score; the tie-break placed this one.
    pub tied: bool,
    pub revenue_rank: Option<u32>,
    pub score: Option<u8>,
    /// The tier in force (the manager's decision, else the score's) and what the score says.
    pub standing: Standing,
    pub plan: Option<PlanHealth>,
}

impl Row {
    /// Places gained against the revenue rank (the method's lesson): positive when the
    /// account ranks higher on all five criteria than on revenue alone.
    pub fn shift(&self) -> Option<i64> {
        match (self.rank, self.revenue_rank) {
            (Some(r), Some(rr)) if r != rr => Some(rr as i64 - r as i64),
            _ => None,
        }
    }
}

/// Each account's [`RowTexts`], by account index, with the plans they were judged from.
/// Reads as a slice of rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Texts {
    rows: Vec<RowTexts>,
    /// The workspace's plans when these were taken: while it holds the same ones, no health
    /// needs judging again.
    plans: Vec<Arc<Plan>>,
}

impl std::ops::Deref for Texts {
    type Target = [RowTexts];
    fn deref(&self) -> &[RowTexts] {
        &self.rows
    }
}

/// Each account's [`RowTexts`]. Keeps the entries of `previous` (what it returned last) whose
/// account record and plan did not change, and says whether anything did. A weight change
/// leaves every record and plan as it was: that is found by comparing pointers, and nothing is
/// built, judged or compared (at 10,000 accounts, judging the plans' health alone took 4 ms).
pub fn texts_into(ws: &Workspace, today: Date, previous: Option<Texts>) -> (Texts, bool) {
    let previous = previous.unwrap_or_default();
    let same_records = |rows: &[RowTexts]| {
        rows.len() == ws.accounts.len() && rows.iter().zip(&ws.accounts).all(|(r, a)| Arc::ptr_eq(&r.account, a))
    };
    let plans_kept =
        previous.plans.len() == ws.plans.len() && previous.plans.iter().zip(&ws.plans).all(|(a, b)| Arc::ptr_eq(a, b));
    if plans_kept && same_records(&previous.rows) {
        return (previous, false);
    }
    // Each account's plan (the last one, should there be two).
    let plan_for: HashMap<&str, &Arc<Plan>> = ws.plans.iter().map(|p| (p.account_id.as_str(), p)).collect();
    let mut changed = previous.rows.len() != ws.accounts.len();
    let mut previous_rows = previous.rows.into_iter();
    let rows = ws
        .accounts
        .iter()
        .map(|a| {
            let was = previous_rows.next().filter(|was| Arc::ptr_eq(&was.account, a));
            // The plan the row was judged from: the same record and plan keep its health.
            let plan = plan_for.get(a.id.as_str()).copied();
            let kept = |was: &RowTexts| match (&was.plan_of, plan) {
                (None, None) => true,
                (Some(x), Some(y)) => Arc::ptr_eq(x, y),
                _ => false,
            };
            match was {
                Some(was) if kept(&was) => was,
                _ => {
                    changed = true;
                    let f = &a.fields;
                    RowTexts {
                        account: Arc::clone(a),
                        plan_of: plan.cloned(),
                        id: Arc::from(a.id.as_str()),
                        name: Arc::from(f.name.as_str()),
                        sector: Arc::from(f.sector.as_str()),
                        owner: Arc::from(f.owner.as_str()),
                        revenue: f.revenue,
                        plan: plan.map(|p| p.health(today, &a.stakeholders)),
                    }
                }
            }
        })
        .collect();
    (Texts { rows, plans: ws.plans.clone() }, changed)
}

/// The row of the account at place `p` of the ranking.
pub fn row(ranking: &[Ranked], texts: &[RowTexts], p: usize) -> Option<Row> {
    let r = ranking.get(p)?;
    let t = texts.get(r.index)?;
    Some(Row {
        id: t.id.clone(),
        name: t.name.clone(),
        sector: t.sector.clone(),
        owner: t.owner.clone(),
        revenue: t.revenue,
        rank: r.rank,
        tied: r.tied,
        revenue_rank: r.revenue_rank,
        score: r.score.shown(),
        standing: r.standing(),
        plan: t.plan,
    })
}

/// What the user narrowed the table to. Empty texts and `None` mean "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Part of the name, any case.
    pub search: String,
    pub sector: String,
    pub owner: String,
    pub tier: Option<Tier>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    pub fn keeps(&self, r: &Row, needle: &str) -> bool {
        (needle.is_empty() || r.name.to_lowercase().contains(needle))
            && (self.sector.is_empty() || *r.sector == *self.sector)
            && (self.owner.is_empty() || *r.owner == *self.owner)
            && self.tier.is_none_or(|t| r.standing.tier == t)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub ascending: bool,
}

impl Default for Sort {
    fn default() -> Sort {
        Sort { column: Column::Rank, ascending: true }
    }
}

impl Sort {
    /// A click on a column's header: the same column flips, another starts best first.
    pub fn click(self, column: Column) -> Sort {
        if self.column == column {
            Sort { column, ascending: !self.ascending }
        } else {
            Sort { column, ascending: column.natural_ascending() }
        }
    }
}

fn compare(a: &Row, b: &Row, column: Column) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    fn opt<T: PartialOrd>(a: &Option<T>, b: &Option<T>) -> Ordering {
        a.partial_cmp(b).unwrap_or(Ordering::Equal)
    }
    match column {
        Column::Rank => opt(&a.rank, &b.rank),
        Column::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
        Column::Sector => a.sector.to_lowercase().cmp(&b.sector.to_lowercase()),
        Column::Owner => a.owner.to_lowercase().cmp(&b.owner.to_lowercase()),
        Column::Revenue => opt(&a.revenue, &b.revenue),
        Column::RevenueRank => opt(&a.revenue_rank, &b.revenue_rank),
        Column::Score => opt(&a.score, &b.score),
        Column::Tier => a.standing.tier.cmp(&b.standing.tier),
        Column::Plan => opt(&a.plan.map(|h| h.score), &b.plan.map(|h| h.score)),
    }
}

/// Missing values sort last whichever the direction.
fn is_missing(r: &Row, column: Column) -> bool {
    match column {
        Column::Rank => r.rank.is_none(),
        Column::Revenue => r.revenue.is_none(),
        Column::RevenueRank => r.revenue_rank.is_none(),
        Column::Score => r.score.is_none(),
        Column::Plan => r.plan.is_none(),
        Column::Sector => r.sector.is_empty(),
        Column::Owner => r.owner.is_empty(),
        Column::Name | Column::Tier => false,
    }
}

/// The rows the table shows, as places in the ranking: filtered, then sorted. The sort is
/// stable on top of the rank order, so ties keep their rank order. Places, not rows: at
/// 10,000 accounts this runs on every weight change, and only the rows on screen are built
/// ([`row`]); unfiltered in rank order, no row is built here at all.
pub fn shown(ranking: &[Ranked], texts: &[RowTexts], filters: &Filters, sort: Sort) -> Vec<usize> {
    if filters.is_empty() && sort == Sort::default() {
        return (0..ranking.len()).filter(|&p| texts.get(ranking[p].index).is_some()).collect();
    }
    let needle = filters.search.trim().to_lowercase();
    let mut rows: Vec<(usize, Row)> = (0..ranking.len())
        .filter_map(|p| row(ranking, texts, p).map(|r| (p, r)))
        .filter(|(_, r)| filters.keeps(r, &needle))
        .collect();
    rows.sort_by(|(_, a), (_, b)| {
        is_missing(a, sort.column).cmp(&is_missing(b, sort.column)).then_with(|| {
            let o = compare(a, b, sort.column);
            if sort.ascending {
                o
            } else {
                o.reverse()
            }
        })
    });
    rows.into_iter().map(|(p, _)| p).collect()
}

/// The distinct non-empty values of a column of texts, sorted without regard to case: the
/// options of a filter.
pub fn distinct<S: AsRef<str>>(values: impl IntoIterator<Item = S>) -> Vec<String> {
    let set: std::collections::BTreeSet<String> =
        values.into_iter().map(|s| s.as_ref().to_string()).filter(|s| !s.is_empty()).collect();
    let mut v: Vec<String> = set.into_iter().collect();
    v.sort_by_cached_key(|s| s.to_lowercase());
    v
}

/// A line of the ranked table grouped by parent account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placed {
    /// A group's heading: the index in the groups (see `groups::groups`).
    Group(usize),
    /// An account: its place in the ranking; `member` when it is listed under its group's parent.
    Account { place: usize, member: bool },
}

/// The table's places (`places`, filtered and sorted) with the accounts of each group
/// together: a group's heading where its first account would be, then its parent, then its
/// members in the table's order. Accounts in no group stay where they were; the filters still
/// decide which accounts show (a group shows with the members that match).
pub fn grouped(places: &[usize], ranking: &[Ranked], groups: &[crate::domain::groups::Group]) -> Vec<Placed> {
    if groups.is_empty() {
        return places.iter().map(|&place| Placed::Account { place, member: false }).collect();
    }
    let mut group_at: HashMap<usize, usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        group_at.insert(group.parent, g);
        group_at.extend(group.members.iter().map(|&m| (m, g)));
    }
    let group_of = |place: usize| ranking.get(place).and_then(|r| group_at.get(&r.index).copied());
    // Each group's places in the table's order, its parent first.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for &place in places {
        if let Some(g) = group_of(place) {
            members[g].push(place);
        }
    }
    for (g, list) in members.iter_mut().enumerate() {
        list.sort_by_key(|&place| ranking[place].index != groups[g].parent);
    }
    let mut out = Vec::with_capacity(places.len() + groups.len());
    let mut done = vec![false; groups.len()];
    for &place in places {
        match group_of(place) {
            None => out.push(Placed::Account { place, member: false }),
            Some(g) if !std::mem::replace(&mut done[g], true) => {
                out.push(Placed::Group(g));
                out.extend(
                    members[g]
                        .iter()
                        .map(|&place| Placed::Account { place, member: ranking[place].index != groups[g].parent }),
                );
            }
            Some(_) => {}
        }
    }
    out
}

/// A group's heading in the table: its parent and the group's figures rolled up.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupLine {
    pub parent_id: Arc<str>,
    pub parent_name: Arc<str>,
    /// The parent and everyone under it.
    pub accounts: usize,
    pub revenue: f64,
    pub potential: f64,
    pub whitespace: f64,
}

/// A line the ranked table draws: an account's row (indented when it is a group's member)
/// or a group's heading.
#[derive(Clone, Debug, PartialEq)]
pub enum TableLine {
    Account { row: Row, member: bool },
    Group(GroupLine),
}

impl TableLine {
    /// Stable across redraws: a row stays the same element while its account is listed.
    pub fn key(&self) -> String {
        match self {
            TableLine::Account { row, .. } => row.id.to_string(),
            TableLine::Group(g) => format!("group:{}", g.parent_id),
        }
    }
}

/// The line to draw for `placed`.
pub fn table_line(
    placed: Placed,
    ranking: &[Ranked],
    texts: &[RowTexts],
    groups: &[crate::domain::groups::Group],
) -> Option<TableLine> {
    match placed {
        Placed::Account { place, member } => row(ranking, texts, place).map(|row| TableLine::Account { row, member }),
        Placed::Group(g) => group_line(groups, texts, g).map(TableLine::Group),
    }
}

/// The heading of group `g`.
pub fn group_line(groups: &[crate::domain::groups::Group], texts: &[RowTexts], g: usize) -> Option<GroupLine> {
    let group = groups.get(g)?;
    let parent = texts.get(group.parent)?;
    Some(GroupLine {
        parent_id: parent.id.clone(),
        parent_name: parent.name.clone(),
        accounts: group.members.len() + 1,
        revenue: group.revenue,
        potential: group.potential,
        whitespace: group.whitespace,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sample::sample_portfolio;
    use crate::domain::scoring::rank;

    fn sample() -> (Vec<Ranked>, Texts) {
        let ws = sample_portfolio(1_795_737_600_000);
        let ranking = rank(&ws.accounts, &ws.scoring);
        let (texts, _) = texts_into(&ws, Date::parse("2026-11-27").unwrap(), None);
        (ranking, texts)
    }

    /// The texts kept from the last run equal texts built afresh, whatever changed; a weight
    /// change keeps every entry as it was and says nothing changed.
    #[test]
    fn texts_are_kept_where_records_and_plans_are_and_rebuilt_where_not() {
        let today = Date::parse("2026-11-27").unwrap();
        let mut ws = sample_portfolio(1_795_737_600_000);
        let fresh = |ws: &Workspace| texts_into(ws, today, None).0;
        let at = |texts: &Texts, id: &str| texts.iter().position(|r| &*r.id == id).unwrap();
        let (first, changed) = texts_into(&ws, today, None);
        assert!(changed);

        ws.edit_scoring(|s| s.weights.set(crate::domain::criteria::Criterion::ALL[0], 80));
        let (texts, changed) = texts_into(&ws, today, Some(first.clone()));
        assert!(!changed, "a weight change changes no text");
        assert!(texts.iter().zip(first.iter()).all(|(a, b)| Arc::ptr_eq(&a.name, &b.name)));

        assert!(ws.set_override("sample-01-vicom", crate::domain::criteria::Criterion::ALL[1], Some(1), 5));
        let (texts, changed) = texts_into(&ws, today, Some(texts));
        assert!(changed);
        assert_eq!(texts, fresh(&ws));
        let (cartech, vicom) = (at(&texts, "sample-02-cartech"), at(&texts, "sample-01-vicom"));
        assert!(Arc::ptr_eq(&texts[cartech].name, &first[cartech].name), "other rows are kept");
        assert!(!Arc::ptr_eq(&texts[vicom].name, &first[vicom].name));

        // Cartech's plan is judged on its stakeholders: without them its health changes.
        let people: Vec<String> =
            ws.find("sample-02-cartech").unwrap().stakeholders.iter().map(|p| p.id.clone()).collect();
        for id in &people {
            assert!(ws.remove_stakeholder("sample-02-cartech", id, 6).is_some());
        }
        let (texts, changed) = texts_into(&ws, today, Some(texts));
        assert!(changed);
        assert_ne!(texts[cartech].plan, first[cartech].plan, "the health follows the stakeholders");
        assert_eq!(texts, fresh(&ws));

        // A plan edited: its health is judged again.
        let before = texts[cartech].plan;
        assert!(ws.edit_plan("sample-02-cartech", 7, |p| p.objectives.clear()));
        let (texts, changed) = texts_into(&ws, today, Some(texts));
        assert!(changed);
        assert_ne!(texts[cartech].plan, before);
        assert_eq!(texts, fresh(&ws));

        // An account removed shifts the rest.
        assert!(ws.remove("sample-01-vicom", 8).is_some());
        let (texts, changed) = texts_into(&ws, today, Some(texts));
        assert!(changed);
        assert_eq!(texts, fresh(&ws));
    }

    /// Every account's row, in rank order.
    fn sample_rows() -> Vec<Row> {
        let (ranking, texts) = sample();
        (0..ranking.len()).filter_map(|p| row(&ranking, &texts, p)).collect()
    }

    fn check(filters: Filters, sort: Sort, expected: &[&str]) {
        let (ranking, texts) = sample();
        let got: Vec<String> = shown(&ranking, &texts, &filters, sort)
            .into_iter()
            .map(|p| row(&ranking, &texts, p).unwrap().name.to_string())
            .collect();
        assert_eq!(got, expected, "{filters:?} {sort:?}");
    }

    #[test]
    fn rows_come_in_rank_order_with_the_plan_health() {
        let rows = sample_rows();
        assert_eq!(rows.len(), 12);
        assert_eq!(rows[0].rank, Some(1));
        let cartech = rows.iter().find(|r| &*r.name == "Cartech").unwrap();
        let vicom = rows.iter().find(|r| &*r.name == "Vicom").unwrap();
        assert!(cartech.rank < vicom.rank, "the method's story");
        assert!(cartech.plan.is_some() && vicom.plan.is_none());
        assert_eq!(vicom.revenue_rank, Some(1));
        assert!(vicom.shift().is_some_and(|s| s < 0), "Vicom falls against its revenue rank");
        assert!(cartech.shift().is_some_and(|s| s > 0));
    }

    #[test]
    fn filters_narrow_and_sorting_keeps_missing_values_last() {
        let all = sample_rows();
        let (ranking, texts) = sample();
        let shown = |f: &Filters, sort: Sort| {
            shown(&ranking, &texts, f, sort).into_iter().map(|p| row(&ranking, &texts, p).unwrap()).collect::<Vec<_>>()
        };
        let owner = all[0].owner.to_string();
        let by_owner: Vec<String> = all.iter().filter(|r| *r.owner == *owner).map(|r| r.name.to_string()).collect();
        let names: Vec<&str> = by_owner.iter().map(String::as_str).collect();
        check(Filters { owner: owner.clone(), ..Filters::default() }, Sort::default(), &names);
        check(Filters { search: "  CART ".into(), ..Filters::default() }, Sort::default(), &["Cartech"]);
        check(Filters { search: "zzz".into(), ..Filters::default() }, Sort::default(), &[]);
        let key = shown(&Filters { tier: Some(Tier::Key), ..Filters::default() }, Sort::default());
        assert!(!key.is_empty() && key.iter().all(|r| r.standing.tier == Tier::Key));

        // Revenue: a first click sorts the biggest first; again, the smallest first.
        let sort = Sort::default().click(Column::Revenue);
        assert!(!sort.ascending);
        let desc = shown(&Filters::default(), sort);
        assert_eq!(&*desc[0].name, "Vicom");
        let asc = shown(&Filters::default(), sort.click(Column::Revenue));
        assert_eq!(asc.last().map(|r| &*r.name), Some("Vicom"));
        // Plan health: accounts without a plan come last in either direction.
        for ascending in [true, false] {
            let by_plan = shown(&Filters::default(), Sort { column: Column::Plan, ascending });
            assert!(by_plan[0].plan.is_some() && by_plan[1].plan.is_some() && by_plan[2].plan.is_none());
        }
        // By rank (the default, taken as it comes): ranks ascending, unranked last.
        let by_rank: Vec<Option<u32>> = shown(&Filters::default(), Sort::default()).iter().map(|r| r.rank).collect();
        let ranked = by_rank.iter().take_while(|r| r.is_some()).count();
        assert!(by_rank[..ranked].windows(2).all(|w| w[0] < w[1]) && by_rank[ranked..].iter().all(Option::is_none));
        // Names sort without regard to case.
        let by_name = shown(&Filters::default(), Sort::default().click(Column::Name));
        assert!(by_name.windows(2).all(|w| w[0].name.to_lowercase() <= w[1].name.to_lowercase()));
    }

    /// Grouped by parent: a heading where the group's best-placed account was, the parent
    /// first, then its members (nested ones too) in the table's order; the rest stay in place.
    #[test]
    fn grouping_keeps_each_group_together_where_its_first_account_was() {
        use crate::domain::groups::groups;
        let mut ws = sample_portfolio(1_795_737_600_000);
        // Noordzee and Brabant under Vicom; Helios under Noordzee.
        for (child, parent) in [
            ("sample-03-noordzee", "sample-01-vicom"),
            ("sample-04-brabant", "sample-01-vicom"),
            ("sample-05-helios", "sample-03-noordzee"),
        ] {
            assert_eq!(ws.set_parent(child, Some(parent), 1), Ok(true));
        }
        let ranking = rank(&ws.accounts, &ws.scoring);
        let (texts, _) = texts_into(&ws, Date::parse("2026-11-27").unwrap(), None);
        let groups = groups(&ws.accounts, &ws.offerings);
        let names = |filters: &Filters| -> Vec<String> {
            let places = shown(&ranking, &texts, filters, Sort::default());
            grouped(&places, &ranking, &groups)
                .into_iter()
                .map(|line| match line {
                    Placed::Group(g) => format!("[{}]", group_line(&groups, &texts, g).unwrap().parent_name),
                    Placed::Account { place, member } => {
                        format!("{}{}", if member { "  " } else { "" }, row(&ranking, &texts, place).unwrap().name)
                    }
                })
                .collect()
        };
        let all = names(&Filters::default());
        let plain: Vec<String> = shown(&ranking, &texts, &Filters::default(), Sort::default())
            .into_iter()
            .map(|p| row(&ranking, &texts, p).unwrap().name.to_string())
            .collect();
        let first_of_group = plain
            .iter()
            .position(|n| ["Vicom", "Noordzee Logistics", "Brabant Foods", "Helios Energy"].contains(&n.as_str()))
            .unwrap();
        assert_eq!(all[..first_of_group], plain[..first_of_group], "accounts before the group stay in place");
        assert_eq!(all[first_of_group], "[Vicom]");
        assert_eq!(all[first_of_group + 1], "Vicom", "the parent first");
        let mut members: Vec<&str> = all[first_of_group + 2..first_of_group + 5].iter().map(|n| n.trim()).collect();
        assert!(all[first_of_group + 2..first_of_group + 5].iter().all(|n| n.starts_with("  ")), "{all:?}");
        members.sort();
        assert_eq!(members, ["Brabant Foods", "Helios Energy", "Noordzee Logistics"]);
        assert_eq!(all.len(), 12 + 1, "every account once, and one heading");
        let line = group_line(&groups, &texts, 0).unwrap();
        assert_eq!((line.accounts, line.revenue), (4, 2_400_000.0 + 1_150_000.0 + 880_000.0 + 520_000.0));
        // Filtered: the group shows with the members that match.
        assert_eq!(names(&Filters { search: "helios".into(), ..Filters::default() }), ["[Vicom]", "  Helios Energy"]);
        // No groups: the places as they were.
        assert_eq!(
            grouped(&[2, 0, 1], &ranking, &[]),
            [0, 1, 2].map(|i| Placed::Account { place: [2, 0, 1][i], member: false })
        );
    }

    #[test]
    fn filter_options_are_distinct_and_sorted_without_case() {
        assert_eq!(distinct(["b", "", "A", "b", "c"]), vec!["A", "b", "c"]);
    }
}
