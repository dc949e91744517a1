//! Score and tier history: each account's score and tier in force, kept when they change,
//! one point per day at most (the day's last value), so that the account page can show how
//! an account moved and the overview can name the accounts that moved most.
//!
//! Which accounts keep a history ([`tracks`]): those with a plan, the key accounts, and those
//! whose tier the manager decided — with the day one of them leaves the key tier or the watch
//! list. Not every one of 10,000 accounts: a browser's storage holds 10,000 accounts with
//! little to spare, and the few that deserve key-account treatment are the ones a manager
//! follows. An account keeps its last [`MAX_POINTS`] points.

use serde::Deserialize;

use super::date::Date;
use super::scoring::Ranked;
use super::tier::Tier;

/// Points kept per account: a year of monthly changes.
pub const MAX_POINTS: usize = 12;

/// An account's score (none while incomplete) and tier in force on one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScorePoint(pub Date, pub Option<u8>, pub Tier);

/// A history as stored: one short text, `"20786:72k 20810:66w"` — per point the day (days since
/// 1 January 1970), the score (`-` while incomplete) and the tier's letter (k, w, s, i) — about
/// ten characters a point, since a thousand followed accounts with a year of points each must
/// fit the browser's storage beside 10,000 accounts.
pub fn encode(history: &[ScorePoint]) -> String {
    let mut out = String::with_capacity(history.len() * 10);
    for (i, p) in history.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let score = p.1.map_or_else(|| "-".to_string(), |s| s.to_string());
        out.push_str(&format!("{}:{score}{}", p.0.day_number(), letter(p.2)));
    }
    out
}

fn letter(t: Tier) -> char {
    match t {
        Tier::Key => 'k',
        Tier::Watch => 'w',
        Tier::Standard => 's',
        Tier::Incomplete => 'i',
    }
}

/// Reads a stored history; `None` when any point is not one [`encode`] writes.
pub fn decode(text: &str) -> Option<Vec<ScorePoint>> {
    let point = |p: &str| -> Option<ScorePoint> {
        let (day, rest) = p.split_once(':')?;
        let day: i32 = day.parse().ok()?;
        // Years 1700 to 2240: anything else is not a day Keystone recorded.
        if !(-100_000..=100_000).contains(&day) {
            return None;
        }
        let tier = match rest.chars().last()? {
            'k' => Tier::Key,
            'w' => Tier::Watch,
            's' => Tier::Standard,
            'i' => Tier::Incomplete,
            _ => return None,
        };
        let score = match &rest[..rest.len() - 1] {
            "-" => None,
            s => Some(s.parse::<u8>().ok().filter(|s| *s <= 100)?),
        };
        Some(ScorePoint(Date::from_unix_ms(i64::from(day) * 86_400_000), score, tier))
    };
    let mut out: Vec<ScorePoint> = text.split_whitespace().map(point).collect::<Option<_>>()?;
    tidy(&mut out);
    Some(out)
}

/// Serde: a history as its stored text (see [`encode`]).
pub fn serialize<S: serde::Serializer>(history: &[ScorePoint], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&encode(history))
}

/// Serde: a history from its stored text (see [`decode`]), in date order and bounded.
pub fn deserialize<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<ScorePoint>, D::Error> {
    let text = String::deserialize(d)?;
    decode(&text).ok_or_else(|| serde::de::Error::custom("expected a score history such as \"20786:72k 20810:66w\""))
}

impl ScorePoint {
    pub fn day(&self) -> Date {
        self.0
    }
    pub fn score(&self) -> Option<u8> {
        self.1
    }
    pub fn tier(&self) -> Tier {
        self.2
    }
    fn same_value(&self, other: &ScorePoint) -> bool {
        self.1 == other.1 && self.2 == other.2
    }
}

/// Whether an account keeps a history: it has a plan, it is a key account, or the manager
/// decided its tier. `last` is its last point: an account that leaves the key tier or the
/// watch list gets that change recorded, and is followed no more until it comes back.
pub fn tracks(tier: Tier, planned: bool, decided: bool, last: Option<ScorePoint>) -> bool {
    planned || decided || tier == Tier::Key || last.is_some_and(|p| matches!(p.2, Tier::Key | Tier::Watch))
}

/// The history with `now` recorded: nothing when the value is the last point's, the last
/// point replaced when it is of the same day (and dropped when that brings the value back to
/// the point before), else a new point. Returns whether anything changed.
pub fn record(history: &mut Vec<ScorePoint>, now: ScorePoint) -> bool {
    match history.last().copied() {
        Some(last) if last.same_value(&now) => false,
        Some(last) if last.0 >= now.0 => {
            history.pop();
            if !history.last().is_some_and(|p| p.same_value(&now)) {
                history.push(ScorePoint(last.0.max(now.0), now.1, now.2));
            }
            true
        }
        _ => {
            history.push(now);
            let over = history.len().saturating_sub(MAX_POINTS);
            history.drain(..over);
            true
        }
    }
}

/// A history as read from outside (a file, another tab's merge): in date order, one point
/// per day (the later in the list wins), at most [`MAX_POINTS`].
pub fn tidy(history: &mut Vec<ScorePoint>) {
    let sorted = history.windows(2).all(|w| w[0].0 < w[1].0);
    if !sorted {
        let mut by_day = std::collections::BTreeMap::new();
        for p in history.iter() {
            by_day.insert(p.0, *p);
        }
        *history = by_day.into_values().collect();
    }
    let over = history.len().saturating_sub(MAX_POINTS);
    history.drain(..over);
}

/// Both histories as one: every day of either, mine winning on a day both recorded.
pub fn combine(mine: &[ScorePoint], theirs: &[ScorePoint]) -> Vec<ScorePoint> {
    let mut by_day = std::collections::BTreeMap::new();
    // Mine come last, so they win on a day both recorded.
    for p in theirs.iter().chain(mine) {
        by_day.insert(p.0, *p);
    }
    let mut out: Vec<ScorePoint> = by_day.into_values().collect();
    tidy(&mut out);
    out
}

/// The value in force on `day`: the last point on or before it.
pub fn at(history: &[ScorePoint], day: Date) -> Option<ScorePoint> {
    let n = history.partition_point(|p| p.0 <= day);
    n.checked_sub(1).map(|i| history[i])
}

/// What a change "since `day`" starts from: the value in force then, or, for an account
/// followed only since, its first point.
pub fn then(history: &[ScorePoint], day: Date) -> Option<ScorePoint> {
    at(history, day).or_else(|| history.first().copied())
}

/// Points gained since `day`: the score `now` against [`then`]. None without two scores.
pub fn change_since(history: &[ScorePoint], day: Date, now: Option<u8>) -> Option<i32> {
    Some(i32::from(now?) - i32::from(then(history, day)?.1?))
}

/// What recording today's ranking changes: for each tracked account (by index into the
/// ranked accounts) the point to record. `planned(index)`: the account has a plan;
/// `last_of(index)`: its last point.
pub fn due(
    ranking: &[Ranked],
    today: Date,
    planned: impl Fn(usize) -> bool,
    last_of: impl Fn(usize) -> Option<ScorePoint>,
) -> Vec<(usize, ScorePoint)> {
    ranking
        .iter()
        .filter_map(|r| {
            let standing = r.standing();
            let last = last_of(r.index);
            if !tracks(standing.tier, planned(r.index), standing.decided, last) {
                return None;
            }
            let now = ScorePoint(today, r.score.shown(), standing.tier);
            match last {
                Some(last) if last.same_value(&now) => None,
                _ => Some((r.index, now)),
            }
        })
        .collect()
}

/// An account that moved: its value then (at `since`) and now.
#[derive(Clone, Debug, PartialEq)]
pub struct Mover {
    pub index: usize,
    pub since: Date,
    pub then: ScorePoint,
    pub now: ScorePoint,
}

impl Mover {
    /// Points gained (negative: lost); none when either side has no score.
    pub fn change(&self) -> Option<i32> {
        Some(i32::from(self.now.1?) - i32::from(self.then.1?))
    }
    pub fn tier_changed(&self) -> bool {
        self.then.2 != self.now.2
    }
}

/// The accounts that moved most since their `since` day (an account's last review, else a
/// quarter ago): tier changes first, then by the size of the score change; at most `n`.
/// `now` is each account's value today (from the ranking); `history_of` its history.
pub fn movers<'a>(
    candidates: impl Iterator<Item = (usize, ScorePoint, Date, &'a [ScorePoint])>,
    n: usize,
) -> Vec<Mover> {
    let mut out: Vec<Mover> = candidates
        .filter_map(|(index, now, since, history)| {
            let m = Mover { index, since, then: then(history, since)?, now };
            (m.tier_changed() || m.change().is_some_and(|c| c != 0)).then_some(m)
        })
        .collect();
    out.sort_by_key(|m| (std::cmp::Reverse(m.tier_changed()), std::cmp::Reverse(m.change().map_or(0, i32::abs))));
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }
    fn p(day: &str, score: u8, tier: Tier) -> ScorePoint {
        ScorePoint(d(day), Some(score), tier)
    }

    fn check(start: Vec<ScorePoint>, now: ScorePoint, expected: Vec<ScorePoint>, changed: bool) {
        let mut h = start;
        assert_eq!(record(&mut h, now), changed);
        assert_eq!(h, expected);
    }

    #[test]
    fn a_change_is_recorded_once_a_day_and_the_days_last_value_counts() {
        use Tier::*;
        check(vec![], p("2026-11-01", 70, Key), vec![p("2026-11-01", 70, Key)], true);
        // The same value again: nothing.
        check(vec![p("2026-11-01", 70, Key)], p("2026-11-05", 70, Key), vec![p("2026-11-01", 70, Key)], false);
        // Another day: a new point.
        let two = vec![p("2026-11-01", 70, Key), p("2026-11-05", 64, Watch)];
        check(vec![p("2026-11-01", 70, Key)], p("2026-11-05", 64, Watch), two.clone(), true);
        // The same day: replaced (a weight dragged about records where it ended).
        check(
            two.clone(),
            p("2026-11-05", 66, Watch),
            vec![p("2026-11-01", 70, Key), p("2026-11-05", 66, Watch)],
            true,
        );
        // Back to the day before's value on the same day: today's point goes.
        check(two, p("2026-11-05", 70, Key), vec![p("2026-11-01", 70, Key)], true);
        // Unscored counts as a value of its own.
        check(
            vec![p("2026-11-01", 70, Key)],
            ScorePoint(d("2026-11-02"), None, Incomplete),
            vec![p("2026-11-01", 70, Key), ScorePoint(d("2026-11-02"), None, Incomplete)],
            true,
        );
    }

    #[test]
    fn a_history_keeps_its_last_points_and_reads_the_value_on_any_day() {
        let mut h = Vec::new();
        let start = d("2026-01-01");
        for i in 0..20u8 {
            record(&mut h, ScorePoint(start.add_days(i32::from(i) * 7), Some(40 + i), Tier::Watch));
        }
        assert_eq!(h.len(), MAX_POINTS);
        assert_eq!(h[0].1, Some(48), "the oldest went");
        assert_eq!(at(&h, start.add_days(8 * 7 + 3)).map(|p| p.1), Some(Some(48)));
        assert_eq!(at(&h, start), None, "nothing known that early");
        assert_eq!(at(&h, d("2030-01-01")).map(|p| p.1), Some(Some(59)));
        assert_eq!(change_since(&h, start.add_days(8 * 7 + 3), Some(60)), Some(60 - 48));
        assert_eq!(change_since(&h, start, Some(59)), Some(59 - 48), "before the first point: from the first point");
        assert_eq!(change_since(&h, start, None), None, "not scored now");
        assert_eq!(change_since(&[], start, Some(50)), None);
    }

    #[test]
    fn two_histories_combine_day_by_day() {
        use Tier::*;
        let mine = vec![p("2026-10-01", 60, Watch), p("2026-11-01", 72, Key)];
        let theirs = vec![p("2026-10-15", 65, Watch), p("2026-11-01", 70, Key)];
        assert_eq!(
            combine(&mine, &theirs),
            vec![p("2026-10-01", 60, Watch), p("2026-10-15", 65, Watch), p("2026-11-01", 72, Key)]
        );
        let mut unordered = vec![p("2026-11-01", 1, Key), p("2026-10-01", 2, Key), p("2026-11-01", 3, Key)];
        tidy(&mut unordered);
        assert_eq!(unordered, vec![p("2026-10-01", 2, Key), p("2026-11-01", 3, Key)]);
    }

    #[test]
    fn movers_put_tier_changes_first_then_the_biggest_change() {
        use Tier::*;
        let today = d("2026-11-29");
        let a = [p("2026-08-01", 50, Watch), p("2026-11-20", 58, Watch)];
        let b = [p("2026-08-01", 70, Key), p("2026-10-01", 62, Watch)];
        let c = [p("2026-08-01", 80, Key)];
        let e = [p("2026-11-01", 40, Watch), p("2026-11-25", 30, Standard)];
        let since = today.add_days(-90);
        let list = [
            (0, p("2026-11-29", 58, Watch), since, &a[..]),
            (1, p("2026-11-29", 62, Watch), since, &b[..]),
            (2, p("2026-11-29", 80, Key), since, &c[..]),
            // Followed only since November: its first point stands in.
            (3, p("2026-11-29", 30, Standard), since, &e[..]),
        ];
        let m = movers(list.into_iter(), 5);
        let order: Vec<(usize, Option<i32>)> = m.iter().map(|m| (m.index, m.change())).collect();
        assert_eq!(order, vec![(3, Some(-10)), (1, Some(-8)), (0, Some(8))]);
        assert_eq!(movers(list.into_iter(), 1).len(), 1);
    }

    #[test]
    fn a_history_is_stored_as_one_short_text() {
        let h = vec![p("2026-11-01", 70, Tier::Key), ScorePoint(d("2026-11-02"), None, Tier::Incomplete)];
        assert_eq!(encode(&h), "20758:70k 20759:-i");
        assert_eq!(decode("20758:70k 20759:-i"), Some(h.clone()));
        assert_eq!(decode(""), Some(vec![]));
        // Out of order and twice a day: read in order, the later one kept.
        assert_eq!(decode("20759:-i 20758:10s 20758:70k"), Some(h));
        for bad in ["20758", "20758:70", "20758:70x", "x:70k", "20758:101k", "99999999:70k", "20758:k", "20758:-5k"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn accounts_worth_following_keep_a_history() {
        use Tier::*;
        let was = |t: Tier| Some(p("2026-11-01", 60, t));
        assert!(tracks(Key, false, false, None));
        assert!(tracks(Standard, true, false, None), "a plan is followed whatever its tier");
        assert!(tracks(Watch, false, true, None), "so is an account whose tier the manager decided");
        assert!(!tracks(Watch, false, false, None), "the watch list by score alone is not");
        assert!(tracks(Standard, false, false, was(Key)), "a fall out of the key tier is recorded");
        assert!(tracks(Standard, false, false, was(Watch)), "and out of the watch list");
        assert!(!tracks(Standard, false, false, was(Standard)), "then it is followed no more");
        assert!(!tracks(Incomplete, false, false, None));
    }
}
