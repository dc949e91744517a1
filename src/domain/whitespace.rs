//! Whitespace: what more we could sell in an account. The workspace keeps a catalogue of
//! offerings (name, family, typical annual value); each account keeps a cell per offering it
//! has a status for — in use, in discussion, potential, not relevant, lost — with a value.
//!
//! # Rules (shown to users in the README)
//! - **Whitespace value** of an account: the values of its offerings *in discussion* and
//!   *potential*; a cell without a value counts the offering's typical annual value.
//! - **Offerings in use**: the count of cells *in use*. Both are evidence shown with the revenue
//!   potential and product fit ratings; the user still decides the ratings.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::plan::slugged;
use super::validate::{field_set, Checker, Draft, FieldError, Form};

/// Offerings in a catalogue, cells per account: at most this many.
pub const MAX_OFFERINGS: usize = 500;
const MAX_SHORT: usize = 200;

slugged!(
    /// Where an offering stands in an account.
    CellStatus {
        InUse = "in_use",
        InDiscussion = "in_discussion",
        Potential = "potential",
        NotRelevant = "not_relevant",
        Lost = "lost",
    } default Potential
);

impl CellStatus {
    /// Counts towards the whitespace value.
    pub fn is_open(self) -> bool {
        matches!(self, CellStatus::InDiscussion | CellStatus::Potential)
    }
}

/// An offering of the catalogue.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Offering {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub family: String,
    /// What an account typically buys of it in a year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub typical_value: Option<f64>,
}

/// One account's cell for one offering (`id` is the offering's id).
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Cell {
    pub id: String,
    pub status: CellStatus,
    /// Annual value; without one the offering's typical value counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
}

field_set!(
    pub enum OfferingField {
        Name = "name",
        Family = "family",
        TypicalValue = "typical_value",
    }
);

impl Form for Offering {
    type Field = OfferingField;
    fn blank(_: Date) -> Draft<OfferingField> {
        Draft::default()
    }
    fn draft(&self) -> Draft<OfferingField> {
        Draft::default()
            .with(OfferingField::Name, &self.name)
            .with(OfferingField::Family, &self.family)
            .with(OfferingField::TypicalValue, self.typical_value.map(super::account::format_plain).unwrap_or_default())
    }
    fn read(
        d: &Draft<OfferingField>,
        id: &str,
        _: Option<&Offering>,
        _: Date,
    ) -> Result<Offering, Vec<FieldError<OfferingField>>> {
        let mut c = Checker::new(d);
        let o = Offering {
            id: id.to_string(),
            name: c.text(OfferingField::Name, true, MAX_SHORT),
            family: c.text(OfferingField::Family, false, MAX_SHORT),
            typical_value: c.number(OfferingField::TypicalValue, false, Some(0.0), None),
        };
        c.finish(o)
    }
}

/// The account's whitespace value (see the rules above).
pub fn whitespace_value(cells: &[Cell], offerings: &[Offering]) -> f64 {
    let typical: HashMap<&str, f64> =
        offerings.iter().filter_map(|o| Some((o.id.as_str(), o.typical_value?))).collect();
    let known: HashSet<&str> = offerings.iter().map(|o| o.id.as_str()).collect();
    cells
        .iter()
        .filter(|c| c.status.is_open() && known.contains(c.id.as_str()))
        .filter_map(|c| c.value.or_else(|| typical.get(c.id.as_str()).copied()))
        .sum()
}

/// How many of the catalogue's offerings the account uses.
pub fn in_use(cells: &[Cell], offerings: &[Offering]) -> usize {
    let known: HashSet<&str> = offerings.iter().map(|o| o.id.as_str()).collect();
    cells.iter().filter(|c| c.status == CellStatus::InUse && known.contains(c.id.as_str())).count()
}

/// Sets (or with `None`, clears) an account's cell for an offering.
pub fn set_cell(cells: &mut Vec<Cell>, offering: &str, status: Option<CellStatus>, value: Option<f64>) {
    match (cells.iter().position(|c| c.id == offering), status) {
        (Some(i), None) => {
            cells.remove(i);
        }
        (Some(i), Some(status)) => cells[i] = Cell { id: offering.to_string(), status, value },
        (None, Some(status)) => cells.push(Cell { id: offering.to_string(), status, value }),
        (None, None) => {}
    }
}

/// Checks a catalogue or an account's cells from outside (a file): sizes, ids, names, values.
/// On a problem: where (relative to the list) and what was expected.
pub fn check_offerings(offerings: &[Offering]) -> Result<(), (String, String)> {
    if offerings.len() > MAX_OFFERINGS {
        return Err((String::new(), format!("{} offerings; at most {MAX_OFFERINGS} are accepted", offerings.len())));
    }
    let mut seen = HashSet::new();
    for (i, o) in offerings.iter().enumerate() {
        if !super::sync::valid_id(&o.id) || !seen.insert(o.id.as_str()) {
            return Err((format!("[{i}].id"), "expected an id of its own".into()));
        }
        if o.name.trim().is_empty() || o.name.chars().count() > MAX_SHORT || o.family.chars().count() > MAX_SHORT {
            return Err((format!("[{i}].name"), format!("expected a name of 1 to {MAX_SHORT} characters")));
        }
        if o.typical_value.is_some_and(|v| !v.is_finite() || !(0.0..=super::number::MAX_ABS).contains(&v)) {
            return Err((format!("[{i}].typical_value"), "expected a number ≥ 0".into()));
        }
    }
    Ok(())
}

pub fn check_cells(cells: &[Cell]) -> Result<(), (String, String)> {
    if cells.len() > MAX_OFFERINGS {
        return Err((String::new(), format!("{} cells; at most {MAX_OFFERINGS} are accepted", cells.len())));
    }
    let mut seen = HashSet::new();
    for (i, c) in cells.iter().enumerate() {
        if !super::sync::valid_id(&c.id) || !seen.insert(c.id.as_str()) {
            return Err((format!("[{i}].id"), "expected the id of an offering, once".into()));
        }
        if c.value.is_some_and(|v| !v.is_finite() || !(0.0..=super::number::MAX_ABS).contains(&v)) {
            return Err((format!("[{i}].value"), "expected a number ≥ 0".into()));
        }
    }
    Ok(())
}

/// Marks the offerings named by `won` (products won, as a deal history names them; matched
/// to the catalogue by name without regard to case or spaces around) as in use: a cell that is
/// missing, potential or in discussion becomes in use. A cell the user marked lost or not
/// relevant is left as it is: that was their judgement, and an old deal does not overrule it.
/// Returns how many cells changed.
pub fn mark_in_use(cells: &mut Vec<Cell>, offerings: &[Offering], won: &[String]) -> usize {
    let won: std::collections::HashSet<String> = won.iter().map(|p| p.trim().to_lowercase()).collect();
    let mut marked = 0;
    for o in offerings.iter().filter(|o| won.contains(&o.name.trim().to_lowercase())) {
        match cells.iter_mut().find(|c| c.id == o.id) {
            None => {
                cells.push(Cell { id: o.id.clone(), status: CellStatus::InUse, value: None });
                marked += 1;
            }
            Some(c) if matches!(c.status, CellStatus::Potential | CellStatus::InDiscussion) => {
                c.status = CellStatus::InUse;
                marked += 1;
            }
            Some(_) => {}
        }
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offering(id: &str, typical: Option<f64>) -> Offering {
        Offering { id: id.into(), name: id.to_uppercase(), family: String::new(), typical_value: typical }
    }

    fn cell(id: &str, status: CellStatus, value: Option<f64>) -> Cell {
        Cell { id: id.into(), status, value }
    }

    fn check(cells: &[Cell], expected: (f64, usize)) {
        let catalogue = [offering("erp", Some(50_000.0)), offering("wms", Some(30_000.0)), offering("bi", None)];
        assert_eq!((whitespace_value(cells, &catalogue), in_use(cells, &catalogue)), expected, "{cells:?}");
    }

    #[test]
    fn whitespace_sums_what_is_open() {
        use CellStatus::*;
        check(&[], (0.0, 0));
        // In discussion and potential count, their own value first, else the typical one.
        check(&[cell("erp", Potential, None), cell("wms", InDiscussion, Some(45_000.0))], (95_000.0, 0));
        // In use, lost and not relevant add nothing; in use counts as a product in use.
        check(
            &[cell("erp", InUse, Some(80_000.0)), cell("wms", Lost, Some(10.0)), cell("bi", NotRelevant, None)],
            (0.0, 1),
        );
        // No value and no typical value: nothing to add. An offering gone from the catalogue
        // counts for nothing.
        check(&[cell("bi", Potential, None), cell("gone", Potential, Some(1e6)), cell("gone", InUse, None)], (0.0, 0));
    }

    #[test]
    fn the_sample_tells_cartechs_cross_sell_story() {
        let ws = crate::domain::sample::sample_portfolio(1_795_737_600_000);
        let of = |id: &str| {
            let a = ws.find(id).unwrap();
            (whitespace_value(&a.whitespace, &ws.offerings), in_use(&a.whitespace, &ws.offerings))
        };
        // Cartech: planning in discussion (180,000), quality and training at their typical
        // values (80,000 + 20,000); one module in use.
        assert_eq!(of("sample-02-cartech"), (280_000.0, 1));
        // Vicom: the managed service on price; only training is left open.
        assert_eq!(of("sample-01-vicom"), (15_000.0, 1));
    }

    #[test]
    fn cells_are_set_and_cleared() {
        let mut cells = Vec::new();
        set_cell(&mut cells, "erp", Some(CellStatus::Potential), None);
        set_cell(&mut cells, "wms", Some(CellStatus::InUse), Some(5.0));
        set_cell(&mut cells, "erp", Some(CellStatus::InDiscussion), Some(7.0));
        assert_eq!(
            cells,
            [cell("erp", CellStatus::InDiscussion, Some(7.0)), cell("wms", CellStatus::InUse, Some(5.0))]
        );
        set_cell(&mut cells, "erp", None, None);
        assert_eq!(cells, [cell("wms", CellStatus::InUse, Some(5.0))]);
        assert!(check_cells(&[cell("a", CellStatus::InUse, Some(-1.0))]).is_err());
        assert!(check_cells(&[cell("a", CellStatus::InUse, None), cell("a", CellStatus::Lost, None)]).is_err());
        assert!(check_offerings(&[offering("a", Some(f64::NAN))]).is_err());
        assert!(check_offerings(&[offering("a", Some(1.0)), offering("b", None)]).is_ok());
    }
}
