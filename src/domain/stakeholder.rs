//! Who we know in a key account: the stakeholder map (buying role, influence, attitude to us,
//! reporting line, our relationship owner, last contact) and the coverage rules that warn
//! where the relationship is thin.
//!
//! Stakeholders are a list of the account's plan: mapping who decides is part of planning a
//! key account, and so they export, merge item by item, undo and sync between tabs like
//! every other plan item.
//!
//! # Coverage rules (shown to users in the README)
//! - **No champion**: nobody in the map is marked *champion*.
//! - **Strong blocker**: a *blocker* with influence 4 or 5.
//! - **No decision maker known**: nobody has the buying role *decision maker*.
//! - **Decision maker out of touch**: a decision maker not contacted for more than 90 days
//!   (or never).
//! - **Single-threaded**: of the people in the map, only one was contacted in the last 90 days —
//!   everything we hear comes through one person.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::plan::{slugged, MAX_TEXT};
use super::validate::{field_set, Checker, Draft, FieldError, Form};

/// Days after which a contact counts as out of touch.
pub const FRESH_DAYS: i32 = 90;
/// Influence runs from 1 (little) to 5 (decisive).
pub const MAX_INFLUENCE: u8 = 5;
/// An influence of this or more makes a blocker a strong one.
pub const STRONG_INFLUENCE: u8 = 4;
/// Short texts: a name, a title, a department.
const MAX_SHORT: usize = 200;

slugged!(
    /// The part a person plays in the client's buying decision.
    BuyingRole {
        DecisionMaker = "decision_maker",
        EconomicBuyer = "economic_buyer",
        TechnicalBuyer = "technical_buyer",
        User = "user",
        Influencer = "influencer",
        Gatekeeper = "gatekeeper",
        Other = "other",
    } default Influencer
);

/// `Other` is a role of the team's own, named in `Stakeholder::role_name` (format 8).
impl BuyingRole {
    /// The six roles of the buying centre the coverage rules know.
    pub const METHOD: &'static [BuyingRole] = &[
        BuyingRole::DecisionMaker,
        BuyingRole::EconomicBuyer,
        BuyingRole::TechnicalBuyer,
        BuyingRole::User,
        BuyingRole::Influencer,
        BuyingRole::Gatekeeper,
    ];
}

/// How the role control writes a role of the team's own: `other:<name>`; plain `other` asks
/// for a new name in the role-name field.
pub const OWN_ROLE_PREFIX: &str = "other:";

slugged!(
    /// How a person stands towards us, from best to worst.
    Attitude {
        Champion = "champion",
        Supporter = "supporter",
        Neutral = "neutral",
        Sceptic = "sceptic",
        Blocker = "blocker",
    } default Neutral
);

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Stakeholder {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub department: String,
    pub role: BuyingRole,
    /// The name of a role of the team's own (Legal, Works council…) when `role` is *other*.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role_name: String,
    /// 1–5.
    #[cfg_attr(test, schemars(range(min = 1, max = 5)))]
    pub influence: u8,
    pub attitude: Attitude,
    /// The id of the person this one reports to (in the same map).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reports_to: Option<String>,
    /// Who on our side keeps the relationship.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_contact: Option<Date>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Default for Stakeholder {
    fn default() -> Stakeholder {
        Stakeholder {
            id: String::new(),
            name: String::new(),
            title: String::new(),
            department: String::new(),
            role: BuyingRole::DEFAULT,
            role_name: String::new(),
            influence: 3,
            attitude: Attitude::DEFAULT,
            reports_to: None,
            owner: String::new(),
            last_contact: None,
            notes: String::new(),
        }
    }
}

field_set!(
    pub enum StakeholderField {
        Name = "name",
        Title = "title",
        Department = "department",
        Role = "role",
        RoleName = "role_name",
        Influence = "influence",
        Attitude = "attitude",
        ReportsTo = "reports_to",
        Owner = "owner",
        LastContact = "last_contact",
        Notes = "notes",
    }
);

impl Form for Stakeholder {
    type Field = StakeholderField;
    fn blank(_: Date) -> Draft<StakeholderField> {
        Stakeholder::default().draft()
    }
    fn draft(&self) -> Draft<StakeholderField> {
        use StakeholderField as F;
        Draft::default()
            .with(F::Name, &self.name)
            .with(F::Title, &self.title)
            .with(F::Department, &self.department)
            .with(F::Role, self.role_choice())
            .with(F::RoleName, &self.role_name)
            .with(F::Influence, self.influence.to_string())
            .with(F::Attitude, self.attitude.slug())
            .with(F::ReportsTo, self.reports_to.clone().unwrap_or_default())
            .with(F::Owner, &self.owner)
            .with(F::LastContact, self.last_contact.map(|d| d.to_string()).unwrap_or_default())
            .with(F::Notes, &self.notes)
    }
    /// A last contact cannot lie in the future.
    fn read(
        d: &Draft<StakeholderField>,
        id: &str,
        _: Option<&Stakeholder>,
        today: Date,
    ) -> Result<Stakeholder, Vec<FieldError<StakeholderField>>> {
        use StakeholderField as F;
        let mut c = Checker::new(d);
        let name = c.text(F::Name, true, MAX_SHORT);
        let title = c.text(F::Title, false, MAX_SHORT);
        let department = c.text(F::Department, false, MAX_SHORT);
        // A role of our own is picked from the list (`other:Legal`) or named anew (`other`
        // and a name); the six of the method by their slug.
        let (role, role_name) = match d.get(F::Role).trim().strip_prefix(OWN_ROLE_PREFIX) {
            Some(name) => (BuyingRole::Other, name.trim().to_string()),
            None => {
                let role = c.choice(F::Role, BuyingRole::from_slug, BuyingRole::DEFAULT);
                let name = if role == BuyingRole::Other { c.text(F::RoleName, true, MAX_SHORT) } else { String::new() };
                (role, name)
            }
        };
        let influence = c.number(F::Influence, true, Some(1.0), Some(f64::from(MAX_INFLUENCE)));
        let attitude = c.choice(F::Attitude, Attitude::from_slug, Attitude::DEFAULT);
        let reports_to = Some(c.text(F::ReportsTo, false, MAX_SHORT)).filter(|s| !s.is_empty() && s != id);
        let owner = c.text(F::Owner, false, MAX_SHORT);
        let last_contact = c.date(F::LastContact, false);
        if last_contact.is_some_and(|d| d > today) {
            c.fail(F::LastContact, super::validate::Problem::DateInFuture);
        }
        let notes = c.text(F::Notes, false, MAX_TEXT);
        c.finish(Stakeholder {
            id: id.to_string(),
            name,
            title,
            department,
            role,
            role_name,
            influence: influence.map_or(3, |v| v.round() as u8),
            attitude,
            reports_to,
            owner,
            last_contact,
            notes,
        })
    }
}

impl Stakeholder {
    /// The value of the role control for this person.
    pub fn role_choice(&self) -> String {
        match self.role {
            BuyingRole::Other if !self.role_name.is_empty() => format!("{OWN_ROLE_PREFIX}{}", self.role_name),
            role => role.slug().to_string(),
        }
    }
}

/// The team's own roles: every role name given in any map, each once (ignoring case and
/// spaces around it), alphabetically. The list grows as people type new roles and a role
/// no one has any more leaves it.
pub fn own_roles<'a>(maps: impl IntoIterator<Item = &'a [Stakeholder]>) -> Vec<String> {
    let mut seen: HashMap<String, String> = HashMap::new();
    for p in maps.into_iter().flatten().filter(|p| p.role == BuyingRole::Other) {
        let name = p.role_name.trim();
        if !name.is_empty() {
            seen.entry(name.to_lowercase()).or_insert_with(|| name.to_string());
        }
    }
    let mut out: Vec<String> = seen.into_values().collect();
    out.sort_by_key(|n| n.to_lowercase());
    out
}

/// The people `id` may report to: anyone in the map but themselves and those who report to
/// them, directly or not (a reporting line never runs in a circle).
pub fn possible_managers<'a>(people: &'a [Stakeholder], id: &str) -> Vec<&'a Stakeholder> {
    let below = reports_of(people, id);
    people.iter().filter(|p| p.id != id && !below.contains(p.id.as_str())).collect()
}

/// Everyone who reports to `id`, directly or not.
fn reports_of<'a>(people: &'a [Stakeholder], id: &str) -> HashSet<&'a str> {
    let mut below: HashSet<&str> = HashSet::new();
    let mut todo = vec![id];
    while let Some(boss) = todo.pop() {
        for p in people.iter().filter(|p| p.reports_to.as_deref() == Some(boss)) {
            if below.insert(p.id.as_str()) {
                todo.push(p.id.as_str());
            }
        }
    }
    below
}

/// Whether saving `person` into `people` (replacing the one with its id) would close a
/// reporting line into a circle.
pub fn closes_circle(people: &[Stakeholder], person: &Stakeholder) -> bool {
    let Some(boss) = person.reports_to.as_deref() else { return false };
    boss == person.id || reports_of(people, &person.id).contains(boss)
}

/// A save refused: the reporting line would run in a circle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Circle;

/// At most this many people in one account's map.
pub const MAX_STAKEHOLDERS: usize = 200;

/// Checks a map that comes from outside (a file): its size, ids and texts within what the
/// form allows. On a problem: where (relative to the map) and what was expected. Circles are
/// tolerated: two colleagues' edits can make one, and the chart draws it anyway.
pub fn check_map(people: &[Stakeholder]) -> Result<(), (String, String)> {
    if people.len() > MAX_STAKEHOLDERS {
        return Err((String::new(), format!("{} people; at most {MAX_STAKEHOLDERS} are accepted", people.len())));
    }
    let mut seen = HashSet::new();
    for (i, p) in people.iter().enumerate() {
        let at = |f: &str| format!("[{i}].{f}");
        if !super::sync::valid_id(&p.id) || !seen.insert(p.id.as_str()) {
            return Err((at("id"), "expected an id of its own".into()));
        }
        if p.name.trim().is_empty() || p.name.chars().count() > MAX_SHORT {
            return Err((at("name"), format!("expected a name of 1 to {MAX_SHORT} characters")));
        }
        for (f, v) in
            [("title", &p.title), ("department", &p.department), ("owner", &p.owner), ("role_name", &p.role_name)]
        {
            if v.chars().count() > MAX_SHORT {
                return Err((at(f), format!("expected at most {MAX_SHORT} characters")));
            }
        }
        if p.notes.chars().count() > MAX_TEXT {
            return Err((at("notes"), format!("expected at most {MAX_TEXT} characters")));
        }
        if !(1..=MAX_INFLUENCE).contains(&p.influence) {
            return Err((at("influence"), "expected 1 to 5".into()));
        }
        if p.reports_to.as_deref().is_some_and(|b| !super::sync::valid_id(b)) {
            return Err((at("reports_to"), "expected the id of a person".into()));
        }
    }
    Ok(())
}

/// A gap in our coverage of an account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    NoChampion,
    /// A blocker with influence 4 or 5 (by name).
    StrongBlocker(String),
    NoDecisionMaker,
    /// A decision maker not contacted for more than 90 days; the days since (`None`: never).
    DecisionMakerOutOfTouch(String, Option<i32>),
    /// Only this person was contacted in the last 90 days.
    SingleThreaded(String),
}

/// The coverage warnings for a stakeholder map, most serious first.
pub fn coverage(people: &[Stakeholder], today: Date) -> Vec<Gap> {
    let mut gaps = Vec::new();
    let since = |p: &Stakeholder| p.last_contact.map(|d| d.days_until(today));
    let fresh = |p: &Stakeholder| since(p).is_some_and(|d| d <= FRESH_DAYS);
    if !people.iter().any(|p| p.role == BuyingRole::DecisionMaker) {
        gaps.push(Gap::NoDecisionMaker);
    }
    for p in people.iter().filter(|p| p.role == BuyingRole::DecisionMaker && !fresh(p)) {
        gaps.push(Gap::DecisionMakerOutOfTouch(p.name.clone(), since(p)));
    }
    for p in people.iter().filter(|p| p.attitude == Attitude::Blocker && p.influence >= STRONG_INFLUENCE) {
        gaps.push(Gap::StrongBlocker(p.name.clone()));
    }
    if !people.iter().any(|p| p.attitude == Attitude::Champion) {
        gaps.push(Gap::NoChampion);
    }
    let contacted: Vec<&Stakeholder> = people.iter().filter(|p| fresh(p)).collect();
    if let [only] = contacted.as_slice() {
        gaps.push(Gap::SingleThreaded(only.name.clone()));
    }
    gaps
}

/// The accounts whose relationship coverage to watch — those with a plan and those with a
/// stakeholder map — and their gaps; accounts without gaps are left out, the most gaps first.
pub fn coverage_watch(
    accounts: &[std::sync::Arc<super::account::Account>],
    plans: &[std::sync::Arc<super::plan::Plan>],
    today: Date,
) -> Vec<(String, Vec<Gap>)> {
    let planned: HashSet<&str> = plans.iter().map(|p| p.account_id.as_str()).collect();
    let mut out: Vec<(String, Vec<Gap>)> = accounts
        .iter()
        .filter(|a| !a.stakeholders.is_empty() || planned.contains(a.id.as_str()))
        .map(|a| (a.id.clone(), coverage(&a.stakeholders, today)))
        .filter(|(_, g)| !g.is_empty())
        .collect();
    out.sort_by_key(|(_, g)| std::cmp::Reverse(g.len()));
    out
}

/// A person's place in the org chart: a row (0 = the top) and a column, in slots of one
/// label's width. Every person has a slot of their own.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Index into the stakeholder list.
    pub index: usize,
    pub depth: usize,
    pub x: f64,
}

/// Lays out the org chart: the people at the top of a reporting line (or whose manager is not
/// in the map) side by side, everyone under whom they report. Leaves take one slot each, left
/// to right in list order; a manager sits centred over their reports. Since each subtree has
/// slots of its own, no two people share a slot, and a line never runs in a circle (a
/// damaged file's circle is broken where it is found).
pub fn org_chart(people: &[Stakeholder]) -> Vec<Placed> {
    let (children, roots) = reporting(people);
    let mut placed: Vec<Option<Placed>> = vec![None; people.len()];
    let mut next = 0.0;
    // People in a circle are reached from no root: each such circle is started from its
    // first person, whose line to their manager is then not drawn.
    for i in roots.into_iter().chain(0..people.len()) {
        if placed[i].is_none() {
            subtree(i, &children, &mut placed, &mut next);
        }
    }
    placed.into_iter().flatten().collect()
}

/// Who reports to whom (indices), and who reports to no one in the map.
fn reporting(people: &[Stakeholder]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let at: HashMap<&str, usize> = people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); people.len()];
    let mut roots = Vec::new();
    for (i, p) in people.iter().enumerate() {
        match p.reports_to.as_deref().and_then(|b| at.get(b)) {
            Some(&b) if b != i => children[b].push(i),
            _ => roots.push(i),
        }
    }
    (children, roots)
}

/// The same reporting lines as an outline for a narrow screen: one person per row (`x` is
/// the row), each manager directly above their reports and `depth` the indent, so the chart
/// grows downwards instead of sideways. Circles are broken as in [`org_chart`].
pub fn org_outline(people: &[Stakeholder]) -> Vec<Placed> {
    let (children, roots) = reporting(people);
    let mut seen = vec![false; people.len()];
    let mut out = Vec::with_capacity(people.len());
    for i in roots.into_iter().chain(0..people.len()) {
        let mut stack = vec![(i, 0)];
        while let Some((p, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[p], true) {
                continue;
            }
            out.push(Placed { index: p, depth, x: out.len() as f64 });
            stack.extend(children[p].iter().rev().filter(|&&c| !seen[c]).map(|&c| (c, depth + 1)));
        }
    }
    out
}

/// Places `i` and everyone under them; an explicit stack keeps a deep chart from
/// overflowing the stack.
fn subtree(i: usize, children: &[Vec<usize>], placed: &mut [Option<Placed>], next: &mut f64) {
    // (person, depth, children visited)
    let mut stack = vec![(i, 0, false)];
    while let Some((p, d, visited)) = stack.pop() {
        if visited {
            let xs: Vec<f64> =
                children[p].iter().filter_map(|&c| placed[c].filter(|c| c.depth == d + 1)).map(|c| c.x).collect();
            let x = match (xs.first(), xs.last()) {
                (Some(a), Some(b)) => (a + b) / 2.0,
                _ => {
                    *next += 1.0;
                    *next - 1.0
                }
            };
            placed[p] = Some(Placed { index: p, depth: d, x });
            continue;
        }
        if placed[p].is_some() {
            continue;
        }
        // Marked now so that a circle below stops here.
        placed[p] = Some(Placed { index: p, depth: d, x: f64::NAN });
        stack.push((p, d, true));
        for &c in children[p].iter().rev() {
            if placed[c].is_none() {
                stack.push((c, d + 1, false));
            }
        }
    }
}

/// Whom each person in the chart reports to, as drawn: pairs of indices (report, manager)
/// for lines between two people placed one row apart.
pub fn chart_lines(people: &[Stakeholder], placed: &[Placed]) -> Vec<(usize, usize)> {
    let at: HashMap<&str, usize> = people.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
    let depth: HashMap<usize, usize> = placed.iter().map(|p| (p.index, p.depth)).collect();
    people
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let b = *at.get(p.reports_to.as_deref()?)?;
            (depth.get(&i)? == &(depth.get(&b)? + 1)).then_some((i, b))
        })
        .collect()
}

/// A logged meeting refreshes the last contact of the people who attended: matched by name
/// in the meeting's attendees (case and spacing ignored). Returns how many changed.
pub fn met(people: &mut [Stakeholder], attendees: &str, on: Date) -> usize {
    let names: Vec<String> = attendees.split([',', ';', '\n']).map(attendee_key).filter(|s| !s.is_empty()).collect();
    let mut n = 0;
    for p in people.iter_mut() {
        if names.contains(&attendee_key(&p.name)) && p.last_contact.is_none_or(|d| d < on) {
            p.last_contact = Some(on);
            n += 1;
        }
    }
    n
}

/// A name as typed in a meeting's attendees: `workspace::name_key`, and spacing inside the
/// name ignored too (free text is typed in a hurry).
fn attendee_key(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn person(id: &str, role: BuyingRole, attitude: Attitude, influence: u8, contact: Option<&str>) -> Stakeholder {
        Stakeholder {
            id: id.into(),
            name: id.to_uppercase(),
            role,
            attitude,
            influence,
            last_contact: contact.map(day),
            ..Stakeholder::default()
        }
    }

    fn check(people: &[Stakeholder], expected: &[Gap]) {
        assert_eq!(coverage(people, day("2026-11-28")), expected);
    }

    #[test]
    fn coverage_rules() {
        use Attitude::*;
        use BuyingRole::*;
        // Nobody mapped: no decision maker, no champion — and no contact to be single-threaded on.
        check(&[], &[Gap::NoDecisionMaker, Gap::NoChampion]);
        // A well-covered account: a fresh decision maker, a champion, two people in touch.
        let good = [
            person("dm", DecisionMaker, Supporter, 5, Some("2026-10-01")),
            person("ch", User, Champion, 3, Some("2026-11-20")),
        ];
        check(&good, &[]);
        // 90 days is still in touch; 91 is not; never is not.
        check(
            &[
                person("dm", DecisionMaker, Champion, 5, Some("2026-08-30")),
                person("x", User, Neutral, 2, Some("2026-11-01")),
            ],
            &[],
        );
        check(
            &[
                person("dm", DecisionMaker, Champion, 5, Some("2026-08-29")),
                person("x", User, Neutral, 2, Some("2026-11-01")),
                person("y", User, Neutral, 2, Some("2026-11-02")),
            ],
            &[Gap::DecisionMakerOutOfTouch("DM".into(), Some(91))],
        );
        check(&[person("dm", DecisionMaker, Champion, 5, None)], &[Gap::DecisionMakerOutOfTouch("DM".into(), None)]);
        // A blocker counts from influence 4.
        let blockers = [
            person("dm", DecisionMaker, Champion, 5, Some("2026-11-01")),
            person("b3", Gatekeeper, Blocker, 3, Some("2026-11-01")),
            person("b4", TechnicalBuyer, Blocker, 4, None),
        ];
        check(&blockers, &[Gap::StrongBlocker("B4".into())]);
        // Vicom: everything goes through purchasing.
        let single = [
            person("inkoop", EconomicBuyer, Supporter, 4, Some("2026-11-10")),
            person("dir", DecisionMaker, Neutral, 5, Some("2025-01-10")),
        ];
        check(
            &single,
            &[
                Gap::DecisionMakerOutOfTouch("DIR".into(), Some(687)),
                Gap::NoChampion,
                Gap::SingleThreaded("INKOOP".into()),
            ],
        );
    }

    #[test]
    fn the_overview_watches_planned_and_mapped_accounts() {
        use crate::domain::account::{Account, AccountFields};
        use std::sync::Arc;
        let today = day("2026-11-28");
        let ws = crate::domain::sample::sample_portfolio(1_795_737_600_000);
        let watch = coverage_watch(&ws.accounts, &ws.plans, Date::from_unix_ms(1_795_737_600_000));
        let ids: Vec<&str> = watch.iter().map(|(id, _)| id.as_str()).collect();
        // Vicom (mapped, no plan) is single-threaded with its decision maker out of touch;
        // Brabant has a plan but nobody mapped; Cartech is well covered.
        assert_eq!(ids, ["sample-01-vicom", "sample-04-brabant"]);
        assert!(matches!(watch[0].1.last(), Some(Gap::SingleThreaded(n)) if n == "Ingrid Postma"), "{:?}", watch[0].1);
        // An account with neither plan nor map is not watched.
        let bare = Arc::new(Account::new("x".into(), AccountFields { name: "X".into(), ..Default::default() }, 0));
        assert!(coverage_watch(&[bare], &[], today).is_empty());
    }

    #[test]
    fn the_form_reads_and_refuses() {
        let today = day("2026-11-28");
        let d = Stakeholder::blank(today)
            .with(StakeholderField::Name, "  Eva de Vries ")
            .with(StakeholderField::Role, "decision_maker")
            .with(StakeholderField::Influence, "5")
            .with(StakeholderField::LastContact, "2026-11-01");
        let s = Stakeholder::read(&d, "s1", None, today).unwrap();
        assert_eq!(
            (s.name.as_str(), s.role, s.influence, s.attitude),
            ("Eva de Vries", BuyingRole::DecisionMaker, 5, Attitude::Neutral)
        );
        assert_eq!(s.last_contact, Some(day("2026-11-01")));
        let fields = |d: &Draft<StakeholderField>| -> Vec<StakeholderField> {
            Stakeholder::read(d, "s1", None, today).unwrap_err().into_iter().map(|e| e.field).collect()
        };
        assert_eq!(fields(&d.clone().with(StakeholderField::Name, " ")), [StakeholderField::Name]);
        assert_eq!(fields(&d.clone().with(StakeholderField::Influence, "6")), [StakeholderField::Influence]);
        assert_eq!(fields(&d.clone().with(StakeholderField::Influence, "0")), [StakeholderField::Influence]);
        assert_eq!(
            fields(&d.clone().with(StakeholderField::LastContact, "2026-11-29")),
            [StakeholderField::LastContact]
        );
        assert_eq!(fields(&d.clone().with(StakeholderField::Attitude, "friend")), [StakeholderField::Attitude]);
        // Reporting to oneself is no reporting line.
        let own = Stakeholder::read(&d.clone().with(StakeholderField::ReportsTo, "s1"), "s1", None, today).unwrap();
        assert_eq!(own.reports_to, None);
    }

    /// Roles of the team's own: picked from the list or named anew, listed once each, and
    /// never counted as a decision maker.
    #[test]
    fn own_roles_are_named_listed_and_kept_apart_from_the_method_roles() {
        let today = day("2026-11-28");
        let d = Stakeholder::blank(today).with(StakeholderField::Name, "Iris");
        let read = |role: &str, name: &str| {
            Stakeholder::read(
                &d.clone().with(StakeholderField::Role, role).with(StakeholderField::RoleName, name),
                "s1",
                None,
                today,
            )
            .map(|s| (s.role, s.role_name.clone(), s.role_choice()))
            .map_err(|e| e.into_iter().map(|e| e.field).collect::<Vec<_>>())
        };
        let other = BuyingRole::Other;
        assert_eq!(read("other", " Legal counsel "), Ok((other, "Legal counsel".into(), "other:Legal counsel".into())));
        assert_eq!(read("other:Works council", ""), Ok((other, "Works council".into(), "other:Works council".into())));
        assert_eq!(read("other", ""), Err(vec![StakeholderField::RoleName]), "a new role needs a name");
        // A name left in the field does not stick to a method role.
        assert_eq!(read("gatekeeper", "Legal"), Ok((BuyingRole::Gatekeeper, String::new(), "gatekeeper".into())));
        assert_eq!(read("lawyer", ""), Err(vec![StakeholderField::Role]));

        let own = |id: &str, name: &str| Stakeholder {
            id: id.into(),
            name: id.into(),
            role: BuyingRole::Other,
            role_name: name.into(),
            ..Stakeholder::default()
        };
        let a = [own("p1", "Works council"), own("p2", "legal "), line("p3", None)];
        let b = [own("p4", "Legal"), own("p5", "Audit")];
        assert_eq!(own_roles([&a[..], &b[..]]), ["Audit", "legal", "Works council"]);
        // An own role is no decision maker, whatever it is called.
        let boss = Stakeholder { influence: 5, ..own("p6", "Decision maker") };
        assert!(coverage(&[boss], today).contains(&Gap::NoDecisionMaker));
    }

    fn line(id: &str, boss: Option<&str>) -> Stakeholder {
        Stakeholder { id: id.into(), name: id.into(), reports_to: boss.map(Into::into), ..Stakeholder::default() }
    }

    #[test]
    fn reporting_lines_never_circle() {
        let people = [line("ceo", None), line("cfo", Some("ceo")), line("buyer", Some("cfo")), line("it", Some("ceo"))];
        let ids = |v: Vec<&Stakeholder>| v.into_iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(possible_managers(&people, "cfo")), ["ceo", "it"]);
        assert_eq!(ids(possible_managers(&people, "ceo")), Vec::<String>::new());
        assert!(closes_circle(&people, &line("ceo", Some("buyer"))));
        assert!(closes_circle(&people, &line("cfo", Some("cfo"))));
        assert!(!closes_circle(&people, &line("buyer", Some("it"))));
    }

    #[test]
    fn org_chart_gives_everyone_a_slot_of_their_own() {
        let people = [
            line("ceo", None),
            line("cfo", Some("ceo")),
            line("buyer", Some("cfo")),
            line("controller", Some("cfo")),
            line("it", Some("ceo")),
            line("lone", None),
            line("orphan", Some("gone")),
        ];
        let placed = org_chart(&people);
        assert_eq!(placed.len(), people.len());
        let at = |id: &str| *placed.iter().find(|p| people[p.index].id == id).unwrap();
        // Leaves left to right in list order; managers centred over their reports.
        assert_eq!((at("buyer").x, at("controller").x, at("it").x), (0.0, 1.0, 2.0));
        assert_eq!((at("cfo").x, at("cfo").depth), (0.5, 1));
        assert_eq!((at("ceo").x, at("ceo").depth), (1.25, 0));
        assert_eq!((at("lone").x, at("orphan").x, at("orphan").depth), (3.0, 4.0, 0));
        // No two people in a row share a slot.
        for a in &placed {
            for b in &placed {
                if a.index != b.index && a.depth == b.depth {
                    assert!((a.x - b.x).abs() >= 0.5, "{a:?} {b:?}");
                }
            }
        }
        let lines = chart_lines(&people, &placed);
        let named: Vec<(&str, &str)> =
            lines.iter().map(|&(r, b)| (people[r].id.as_str(), people[b].id.as_str())).collect();
        assert_eq!(named, [("cfo", "ceo"), ("buyer", "cfo"), ("controller", "cfo"), ("it", "ceo")]);
        // A damaged file's circle is still drawn, every person once.
        let circle = [line("a", Some("b")), line("b", Some("a"))];
        let placed = org_chart(&circle);
        assert_eq!(placed.len(), 2);
        assert!(placed.iter().all(|p| p.x.is_finite()));
        assert_eq!(chart_lines(&circle, &placed).len(), 1);
    }

    #[test]
    fn the_outline_puts_each_manager_above_their_reports_one_per_row() {
        let check = |people: &[Stakeholder], expected: &[(&str, usize)]| {
            let rows = org_outline(people);
            let got: Vec<(&str, usize)> = rows.iter().map(|p| (people[p.index].id.as_str(), p.depth)).collect();
            assert_eq!(got, expected);
            assert!(rows.iter().enumerate().all(|(row, p)| p.x == row as f64), "x is the row");
            // The same lines as the wide chart: reports one level under their manager.
            assert_eq!(chart_lines(people, &rows), chart_lines(people, &org_chart(people)));
        };
        let people = [
            line("ceo", None),
            line("it", Some("ceo")),
            line("cfo", Some("ceo")),
            line("buyer", Some("cfo")),
            line("lone", None),
            line("orphan", Some("gone")),
        ];
        check(&people, &[("ceo", 0), ("it", 1), ("cfo", 1), ("buyer", 2), ("lone", 0), ("orphan", 0)]);
        // A damaged file's circle: everyone once, broken where it is found.
        check(&[line("a", Some("b")), line("b", Some("a"))], &[("a", 0), ("b", 1)]);
        check(&[], &[]);
    }

    #[test]
    fn a_meeting_refreshes_who_attended() {
        let mut people = [line("a", None), line("b", None)];
        people[0].name = "Eva de Vries".into();
        people[1].name = "Jan Smit".into();
        people[1].last_contact = Some(day("2026-12-01"));
        assert_eq!(met(&mut people, "eva  de vries, Jan Smit; Piet", day("2026-11-28")), 1);
        assert_eq!(people[0].last_contact, Some(day("2026-11-28")));
        // A later contact is kept.
        assert_eq!(people[1].last_contact, Some(day("2026-12-01")));
    }
}
