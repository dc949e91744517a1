//! The rating grid (`#/rate`): which accounts it lists in which order, how far rating has
//! come, and where the keyboard goes. The page only draws what this module decides.
//!
//! The order is taken once — when the grid opens or a filter changes — and kept while the
//! user rates: a row never jumps away from under the cursor because its score changed.

use super::super::criteria::{Criterion, Question};
use super::super::layout::fnv_more;
use super::super::scoring::{Ranked, Standing, Tier};
use super::super::workspace::Workspace;

/// What the user narrowed the grid to. Empty texts mean "all".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub owner: String,
    pub sector: String,
    /// Only accounts that still miss a rating.
    pub incomplete_only: bool,
}

/// The ids of the accounts the grid lists: incomplete ones first (by name, so a fresh import
/// reads like the file), then the rated ones by rank.
pub fn order(ws: &Workspace, ranking: &[Ranked], filters: &Filters) -> Vec<String> {
    let mut incomplete = Vec::new();
    let mut rated = Vec::new();
    for r in ranking {
        let Some(a) = ws.accounts.get(r.index) else { continue };
        let keep = (filters.owner.is_empty() || a.fields.owner == filters.owner)
            && (filters.sector.is_empty() || a.fields.sector == filters.sector);
        if !keep {
            continue;
        }
        if r.score.tier == Tier::Incomplete {
            incomplete.push((a.fields.name.to_lowercase(), a.id.clone()));
        } else if !filters.incomplete_only {
            rated.push(a.id.clone());
        }
    }
    // The ranking lists incomplete accounts last, by name already; sort anyway, so this
    // order does not depend on that detail of `rank`.
    incomplete.sort();
    incomplete.into_iter().map(|(_, id)| id).chain(rated).collect()
}

/// One criterion of one account, as the grid shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// The rating in force: the user's, else the suggestion.
    pub rating: Option<u8>,
    /// The user set it (it is not the suggestion).
    pub set: bool,
}

/// One listed account.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub id: String,
    pub name: String,
    pub cells: [Cell; 5],
    pub score: Option<u8>,
    pub standing: Standing,
}

/// The rows for `ids` (in that order); ids no longer in the workspace are left out.
///
/// Runs on every rating for the rows on screen: two passes over the portfolio, with nothing
/// allocated per account that is not asked for.
pub fn rows(find: &Find, ids: &[String], at: &[usize]) -> Vec<Row> {
    ids.iter()
        .enumerate()
        .filter_map(|(k, id)| {
            let (i, r) = find.get(id, at.get(k).copied())?;
            Some(Row {
                id: id.clone(),
                name: find.ws.accounts[i].fields.name.clone(),
                cells: r.score.criteria.map(|c| Cell { rating: c.rating, set: c.overridden.is_some() }),
                score: r.score.shown(),
                standing: r.standing(),
            })
        })
        .collect()
}

/// Which cells of the listed accounts have a rating, one entry per id (an id no longer in the
/// workspace counts as rated: there is nothing to rate).
pub fn rated_cells(find: &Find, ids: &[String], at: &[usize]) -> Vec<[bool; 5]> {
    (0..ids.len()).map(|row| rated_row(find, ids, at, row)).collect()
}

/// One row of [`rated_cells`]: what the keyboard asks on a key press, for the rows it looks at
/// rather than for all 10,000.
pub fn rated_row(find: &Find, ids: &[String], at: &[usize], row: usize) -> [bool; 5] {
    ids.get(row)
        .and_then(|id| find.get(id, at.get(row).copied()))
        .map_or([true; 5], |(_, r)| r.score.criteria.map(|c| c.rating.is_some()))
}

/// Each account's place in the ranking, by account index (`u32::MAX`: not ranked). Built
/// once per ranking, so that looking up a row costs two array reads, not a search of
/// 10,000 accounts.
pub fn places(ranking: &[Ranked], accounts: usize) -> Vec<u32> {
    let mut place = vec![u32::MAX; accounts];
    for (p, r) in ranking.iter().enumerate() {
        if let Some(slot) = place.get_mut(r.index) {
            *slot = p as u32;
        }
    }
    place
}

/// Each listed id's account index (`usize::MAX`: not there), found once per list.
pub fn indices(ws: &Workspace, ids: &[String]) -> Vec<usize> {
    let at: std::collections::HashMap<&str, usize> =
        ws.accounts.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    ids.iter().map(|id| at.get(id.as_str()).copied().unwrap_or(usize::MAX)).collect()
}

/// Finds listed accounts and their ranking entries.
pub struct Find<'a> {
    pub ws: &'a Workspace,
    pub ranking: &'a [Ranked],
    /// From [`places`] for this ranking.
    pub place: &'a [u32],
}

impl<'a> Find<'a> {
    /// The account with `id` (its index and ranking entry). `hint` is where it was when the
    /// list was made ([`indices`]); if accounts moved since, it is searched for.
    pub fn get(&self, id: &str, hint: Option<usize>) -> Option<(usize, &'a Ranked)> {
        let i = match hint {
            Some(i) if self.ws.accounts.get(i).is_some_and(|a| a.id == id) => i,
            _ => self.ws.accounts.iter().position(|a| a.id == id)?,
        };
        let p = *self.place.get(i)? as usize;
        self.ranking.get(p).filter(|r| r.index == i).map(|r| (i, r))
    }
}

/// How far rating has come among the listed accounts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub rated: usize,
    pub total: usize,
}

/// Rated = every criterion has a rating (the account has a score). `at` are the listed
/// accounts' indices ([`indices`]), made for the workspace's current [`shape`]; `place` and
/// `complete` come from [`places`] and [`complete_count`] for the current ranking. Array reads
/// only: this runs on every rating, over up to 10,000 rows.
pub fn progress(place: &[u32], complete: usize, at: &[usize]) -> Progress {
    let rated = at.iter().filter(|&&i| is_complete(place, complete, i)).count();
    Progress { rated, total: at.len() }
}

/// Whether the account at index `i` has every rating: the ranking lists its complete accounts
/// first, so its place says it.
pub fn is_complete(place: &[u32], complete: usize, i: usize) -> bool {
    place.get(i).is_some_and(|&p| (p as usize) < complete)
}

/// How many accounts of the ranking are complete (they come first in it).
pub fn complete_count(ranking: &[Ranked]) -> usize {
    ranking.partition_point(|r| r.rank.is_some())
}

/// Which accounts the workspace holds, in which order, as one number: a list's account
/// indices ([`indices`]) hold while it stays the same. An edit of an account keeps it; adding,
/// removing or reordering accounts (an import, another tab's merge) changes it.
pub fn shape(ws: &Workspace) -> u64 {
    // Each id followed by a byte no UTF-8 text has, so ["ab", "c"] and ["a", "bc"] differ.
    ws.accounts.iter().fold(ws.accounts.len() as u64, |h, a| fnv_more(fnv_more(h, a.id.as_bytes()), &[0xff]))
}

/// The account to rate after `current`: the next one by name that still misses a rating,
/// wrapping round; `None` when every other account is rated.
pub fn next_unrated_account(ws: &Workspace, ranking: &[Ranked], current: &str) -> Option<String> {
    let mut todo: Vec<(String, &str)> = ranking
        .iter()
        .filter(|r| r.score.tier == Tier::Incomplete)
        .filter_map(|r| ws.accounts.get(r.index))
        .map(|a| (a.fields.name.to_lowercase(), a.id.as_str()))
        .collect();
    todo.sort();
    let here = ws.find(current).map(|a| (a.fields.name.to_lowercase(), current));
    let after = |k: &(String, &str)| here.as_ref().is_none_or(|h| (k.0.as_str(), k.1) > (h.0.as_str(), h.1));
    todo.iter().find(|k| after(k)).or_else(|| todo.first()).filter(|k| k.1 != current).map(|k| k.1.to_string())
}

/// A cell of the grid: a row (a listed account) and one of the five criteria.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    pub row: usize,
    pub col: usize,
}

/// A key the grid understands, whatever the keyboard layout called it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    /// 0–5: sets the rating.
    Digit(u8),
    /// Delete or Backspace: back to the suggestion.
    Clear,
    Enter,
    Escape,
    Yes,
    No,
    /// Space: selects or unselects the row, for bulk actions.
    Select,
}

impl Key {
    /// The key for a `KeyboardEvent.key`; `None` for keys the grid leaves alone.
    pub fn from_name(name: &str) -> Option<Key> {
        Some(match name {
            "ArrowLeft" => Key::Left,
            "ArrowRight" => Key::Right,
            "ArrowUp" => Key::Up,
            "ArrowDown" => Key::Down,
            "Home" => Key::Home,
            "End" => Key::End,
            "Delete" | "Backspace" => Key::Clear,
            "Enter" => Key::Enter,
            "Escape" => Key::Escape,
            " " => Key::Select,
            // j/n: ja/nee.
            "y" | "Y" | "j" | "J" => Key::Yes,
            "n" | "N" => Key::No,
            d if d.len() == 1 => match d.as_bytes()[0] {
                b @ b'0'..=b'5' => Key::Digit(b - b'0'),
                _ => return None,
            },
            _ => return None,
        })
    }
}

/// What a key press does in the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Move the cursor (nothing changes).
    Move(Cursor),
    /// Set (or with `None` clear) the rating under the cursor, then move to `then`.
    Rate { at: Cursor, rating: Option<u8>, then: Cursor },
    /// Open the checklist of the cell's criterion, at its first question.
    OpenChecklist(Cursor),
    /// Select or unselect the row.
    ToggleRow(usize),
    /// Nothing to do: the key is not for the grid (let the browser have it).
    Ignore,
}

/// The grid's answer to a key at `at`, in a grid of `rows` rows. `rated(row, col)` says
/// whether a cell has a rating (set or suggested): a digit moves on to the next cell that
/// still needs one, so a fresh import is rated with one key per missing rating.
pub fn on_key(at: Cursor, key: Key, rows: usize, rated: impl Fn(usize, usize) -> bool) -> Action {
    if rows == 0 {
        return Action::Ignore;
    }
    let cols = Criterion::ALL.len();
    let at = Cursor { row: at.row.min(rows - 1), col: at.col.min(cols - 1) };
    let to = |row: usize, col: usize| Action::Move(Cursor { row, col });
    match key {
        Key::Left => to(at.row, at.col.saturating_sub(1)),
        Key::Right => to(at.row, (at.col + 1).min(cols - 1)),
        Key::Up => to(at.row.saturating_sub(1), at.col),
        Key::Down => to((at.row + 1).min(rows - 1), at.col),
        Key::Home => to(at.row, 0),
        Key::End => to(at.row, cols - 1),
        Key::Digit(d) if d <= 5 => {
            let then = next_unrated(at, rows, |r, c| (r, c) == (at.row, at.col) || rated(r, c)).unwrap_or_else(|| {
                // Everything is rated: step on like a spreadsheet would.
                let i = (at.row * cols + at.col + 1).min(rows * cols - 1);
                Cursor { row: i / cols, col: i % cols }
            });
            Action::Rate { at, rating: Some(d), then }
        }
        Key::Clear => Action::Rate { at, rating: None, then: at },
        Key::Enter => Action::OpenChecklist(at),
        Key::Select => Action::ToggleRow(at.row),
        Key::Digit(_) | Key::Escape | Key::Yes | Key::No => Action::Ignore,
    }
}

/// The first cell after `at` (in reading order, wrapping round) that has no rating.
pub fn next_unrated(at: Cursor, rows: usize, rated: impl Fn(usize, usize) -> bool) -> Option<Cursor> {
    let cols = Criterion::ALL.len();
    let cells = rows * cols;
    let start = at.row * cols + at.col;
    (1..=cells)
        .map(|k| (start + k) % cells)
        .find(|&i| !rated(i / cols, i % cols))
        .map(|i| Cursor { row: i / cols, col: i % cols })
}

/// The open checklist: a criterion's questions for one row, one of them focused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checklist {
    pub cell: Cursor,
    /// Index among the criterion's questions.
    pub question: usize,
}

impl Checklist {
    pub fn criterion(&self) -> Criterion {
        Criterion::ALL[self.cell.col.min(Criterion::ALL.len() - 1)]
    }

    pub fn questions(&self) -> Vec<Question> {
        self.criterion().questions().collect()
    }

    pub fn focused(&self) -> Option<Question> {
        self.questions().get(self.question).copied()
    }
}

/// What a key press does in an open checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChecklistAction {
    /// Focus another question.
    Focus(usize),
    /// Answer the focused question; then focus `then`, or close when `None`.
    Answer {
        question: Question,
        answer: Option<bool>,
        then: Option<usize>,
    },
    Close,
    Ignore,
}

pub fn on_checklist_key(open: Checklist, key: Key) -> ChecklistAction {
    let n = open.questions().len();
    let Some(q) = open.focused() else { return ChecklistAction::Close };
    // Answering moves to the next question; the last one closes the checklist.
    let next = (open.question + 1 < n).then_some(open.question + 1);
    match key {
        Key::Up => ChecklistAction::Focus(open.question.saturating_sub(1)),
        Key::Down => ChecklistAction::Focus((open.question + 1).min(n - 1)),
        Key::Home => ChecklistAction::Focus(0),
        Key::End => ChecklistAction::Focus(n - 1),
        Key::Yes => ChecklistAction::Answer { question: q, answer: Some(true), then: next },
        Key::No => ChecklistAction::Answer { question: q, answer: Some(false), then: next },
        Key::Clear => ChecklistAction::Answer { question: q, answer: None, then: Some(open.question) },
        Key::Escape | Key::Enter => ChecklistAction::Close,
        _ => ChecklistAction::Ignore,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::{Account, AccountFields};
    use crate::domain::sample::sample_portfolio;
    use crate::domain::scoring::rank;

    fn check_key(at: (usize, usize), key: Key, rows: usize, unrated: &[(usize, usize)], expected: Action) {
        let got = on_key(Cursor { row: at.0, col: at.1 }, key, rows, |r, c| !unrated.contains(&(r, c)));
        assert_eq!(got, expected, "{key:?} at {at:?}");
    }

    fn cur(row: usize, col: usize) -> Cursor {
        Cursor { row, col }
    }

    #[test]
    fn arrows_move_within_the_grid_and_stop_at_its_edges() {
        check_key((0, 0), Key::Left, 3, &[], Action::Move(cur(0, 0)));
        check_key((0, 0), Key::Up, 3, &[], Action::Move(cur(0, 0)));
        check_key((0, 4), Key::Right, 3, &[], Action::Move(cur(0, 4)));
        check_key((2, 1), Key::Down, 3, &[], Action::Move(cur(2, 1)));
        check_key((1, 1), Key::Right, 3, &[], Action::Move(cur(1, 2)));
        check_key((1, 1), Key::Down, 3, &[], Action::Move(cur(2, 1)));
        check_key((1, 3), Key::Home, 3, &[], Action::Move(cur(1, 0)));
        check_key((1, 0), Key::End, 3, &[], Action::Move(cur(1, 4)));
        // A cursor left behind by a shorter list is brought back inside.
        check_key((9, 9), Key::Left, 3, &[], Action::Move(cur(2, 3)));
        check_key((0, 0), Key::Down, 0, &[], Action::Ignore);
    }

    #[test]
    fn a_digit_rates_the_cell_and_moves_to_the_next_cell_that_needs_a_rating() {
        // Product fit (3) and strategic value (4) are unrated on both rows.
        let unrated = [(0, 3), (0, 4), (1, 3), (1, 4)];
        check_key((0, 3), Key::Digit(4), 2, &unrated, Action::Rate { at: cur(0, 3), rating: Some(4), then: cur(0, 4) });
        check_key((0, 4), Key::Digit(2), 2, &unrated, Action::Rate { at: cur(0, 4), rating: Some(2), then: cur(1, 3) });
        // It wraps round to earlier rows that still miss one.
        check_key(
            (1, 4),
            Key::Digit(0),
            2,
            &[(0, 3), (1, 4)],
            Action::Rate { at: cur(1, 4), rating: Some(0), then: cur(0, 3) },
        );
        // Changing a rated cell when all are rated steps on to the next cell; the last stays.
        check_key((0, 1), Key::Digit(5), 2, &[], Action::Rate { at: cur(0, 1), rating: Some(5), then: cur(0, 2) });
        check_key((0, 4), Key::Digit(5), 2, &[], Action::Rate { at: cur(0, 4), rating: Some(5), then: cur(1, 0) });
        check_key((1, 4), Key::Digit(5), 2, &[], Action::Rate { at: cur(1, 4), rating: Some(5), then: cur(1, 4) });
        check_key((1, 2), Key::Clear, 2, &[], Action::Rate { at: cur(1, 2), rating: None, then: cur(1, 2) });
        check_key((1, 2), Key::Digit(6), 2, &[], Action::Ignore);
        check_key((1, 2), Key::Enter, 2, &[], Action::OpenChecklist(cur(1, 2)));
        check_key((1, 2), Key::Select, 2, &[], Action::ToggleRow(1));
    }

    #[test]
    fn keys_are_read_from_their_names() {
        let check = |name: &str, expected: Option<Key>| assert_eq!(Key::from_name(name), expected, "{name}");
        check("ArrowLeft", Some(Key::Left));
        check("3", Some(Key::Digit(3)));
        check("5", Some(Key::Digit(5)));
        check("6", None);
        check("j", Some(Key::Yes));
        check("N", Some(Key::No));
        check("Backspace", Some(Key::Clear));
        check(" ", Some(Key::Select));
        check("Tab", None);
        check("é", None);
    }

    #[test]
    fn answering_in_the_checklist_walks_its_questions_and_closes_after_the_last() {
        // Product fit has four questions.
        let open = |question| Checklist { cell: cur(0, 3), question };
        let check = |at: usize, key: Key, expected: ChecklistAction| {
            assert_eq!(on_checklist_key(open(at), key), expected, "{key:?} at {at}");
        };
        check(
            0,
            Key::Yes,
            ChecklistAction::Answer { question: Question::FitProfile, answer: Some(true), then: Some(1) },
        );
        check(
            3,
            Key::No,
            ChecklistAction::Answer { question: Question::FitUnderstood, answer: Some(false), then: None },
        );
        check(2, Key::Clear, ChecklistAction::Answer { question: Question::FitBenefit, answer: None, then: Some(2) });
        check(0, Key::Up, ChecklistAction::Focus(0));
        check(3, Key::Down, ChecklistAction::Focus(3));
        check(1, Key::End, ChecklistAction::Focus(3));
        check(1, Key::Escape, ChecklistAction::Close);
        check(1, Key::Digit(3), ChecklistAction::Ignore);
    }

    #[test]
    fn the_shape_follows_which_accounts_there_are_and_their_order_not_their_edits() {
        let ws = sample_portfolio(0);
        let check = |changed: &dyn Fn(&mut Workspace), expected_same: bool| {
            let mut after = ws.clone();
            changed(&mut after);
            assert_eq!(shape(&after) == shape(&ws), expected_same);
        };
        check(&|_| {}, true);
        let first = ws.accounts[0].id.clone();
        check(
            &|w| {
                assert!(w.set_override(&first, Criterion::ProductFit, Some(1), 5));
            },
            true,
        );
        check(&|w| w.accounts.swap(0, 1), false);
        check(
            &|w| {
                w.accounts.pop();
            },
            false,
        );
        check(&|w| w.add(Account::new("new".into(), AccountFields::default(), 0)), false);
    }

    #[test]
    fn incomplete_accounts_come_first_by_name_and_filters_narrow_the_list() {
        let mut ws = sample_portfolio(0);
        for (i, name) in ["zeta", "Alpha"].iter().enumerate() {
            let fields = AccountFields { name: name.to_string(), owner: "Kim".into(), ..AccountFields::default() };
            ws.add(Account::new(format!("new-{i}"), fields, 0));
        }
        let ranking = rank(&ws.accounts, &ws.scoring);
        let all = order(&ws, &ranking, &Filters::default());
        assert_eq!(all.len(), ws.accounts.len());
        assert_eq!(&all[..2], ["new-1", "new-0"], "incomplete first, by name");
        let best = ranking[0].index;
        assert_eq!(all[2], ws.accounts[best].id, "then by rank");

        let place = places(&ranking, ws.accounts.len());
        let find = Find { ws: &ws, ranking: &ranking, place: &place };
        let complete = complete_count(&ranking);
        assert_eq!(complete, ws.accounts.len() - 2);
        let p = progress(&place, complete, &indices(&ws, &all));
        assert_eq!(p, Progress { rated: ws.accounts.len() - 2, total: ws.accounts.len() });

        let kim = Filters { owner: "Kim".into(), ..Filters::default() };
        assert_eq!(order(&ws, &ranking, &kim), ["new-1", "new-0"]);
        let todo = Filters { incomplete_only: true, ..Filters::default() };
        assert_eq!(order(&ws, &ranking, &todo), ["new-1", "new-0"]);
        let listed = order(&ws, &ranking, &todo);
        assert_eq!(progress(&place, complete, &indices(&ws, &listed)), Progress { rated: 0, total: 2 });
        // An id no longer there counts as listed, not rated.
        assert_eq!(progress(&place, complete, &[usize::MAX, indices(&ws, &all)[2]]), Progress { rated: 1, total: 2 });
        let nowhere = Filters { sector: "Nowhere".into(), ..Filters::default() };
        assert!(order(&ws, &ranking, &nowhere).is_empty());

        // Rows and rated cells follow the ids given, in their order.
        let ids = vec!["new-0".to_string(), "gone".to_string(), all[2].clone()];
        let at = indices(&ws, &ids);
        let shown = rows(&find, &ids, &at);
        assert_eq!(shown.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["new-0", all[2].as_str()]);
        assert_eq!(shown[0].cells, [Cell::default(); 5]);
        assert!(shown[1].score.is_some());
        assert_eq!(rated_cells(&find, &ids, &at), [[false; 5], [true; 5], [true; 5]]);
        // A list made before the accounts moved still finds them.
        let stale = vec![0, 0, 0];
        assert_eq!(rows(&find, &ids, &stale), shown);
        assert_eq!(rated_cells(&find, &ids, &stale), [[false; 5], [true; 5], [true; 5]]);
    }

    #[test]
    fn next_unrated_account_goes_on_by_name_and_wraps_round() {
        let mut ws = sample_portfolio(0);
        for (i, name) in ["Beta", "Alpha", "Gamma"].iter().enumerate() {
            ws.add(Account::new(
                format!("n{i}"),
                AccountFields { name: name.to_string(), ..AccountFields::default() },
                0,
            ));
        }
        let ranking = rank(&ws.accounts, &ws.scoring);
        let check = |from: &str, expected: Option<&str>| {
            assert_eq!(next_unrated_account(&ws, &ranking, from).as_deref(), expected, "after {from}");
        };
        check("n1", Some("n0"));
        check("n0", Some("n2"));
        check("n2", Some("n1"));
        // From a rated account: the first unrated one after it by name.
        let cartech = ws.accounts.iter().find(|a| a.fields.name == "Cartech").unwrap().id.clone();
        check(&cartech, Some("n2"));
        check("gone", Some("n1"));
        let mut one = sample_portfolio(0);
        one.add(Account::new("solo".into(), AccountFields { name: "Solo".into(), ..AccountFields::default() }, 0));
        let r = rank(&one.accounts, &one.scoring);
        assert_eq!(next_unrated_account(&one, &r, "solo"), None, "no other account to rate");
    }
}
