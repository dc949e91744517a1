//! What every form of Keystone shares. Each record type names its fields once, in a
//! [`FieldSet`] enum; the form as typed (a [`Draft`]), the validation messages
//! ([`FieldError`]), the catalog's labels and the spreadsheet columns all derive from that
//! enum. A problem is always reported against a field of the enum — never a string key that
//! a typo could silently fail to match.
//!
//! A record edited through a form implements [`Form`]: it builds the draft that shows it,
//! and reads a draft back (validating every field, reporting every problem at once). The
//! draft holds what the user typed, unchanged, so nothing is lost or coerced before the
//! domain has judged it. [`edit`] writes only the fields the user changed onto the record as
//! it is *now*, so a form opened before another tab's save never reverts that save.

use std::marker::PhantomData;

use super::date::{Date, DateError};
use super::number::{parse_number, NumberError};

/// The fields of one record type, in form order.
pub trait FieldSet: Copy + Eq + std::hash::Hash + std::fmt::Debug + Send + Sync + 'static {
    const ALL: &'static [Self];
    /// The field's name in stored and exported JSON, and in element ids.
    fn key(self) -> &'static str;
    /// Position in [`FieldSet::ALL`].
    fn index(self) -> usize;
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|f| f.key() == key)
    }
}

/// Declares a [`FieldSet`] enum: `field_set!(pub enum X { A = "a", B = "b" })`.
macro_rules! field_set {
    ($(#[$m:meta])* $vis:vis enum $name:ident { $($(#[$vm:meta])* $variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name { $($(#[$vm])* $variant),+ }
        impl $crate::domain::validate::FieldSet for $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];
            fn key(self) -> &'static str { match self { $($name::$variant => $key),+ } }
            fn index(self) -> usize { self as usize }
        }
    };
}
pub(crate) use field_set;

/// What is wrong with one field. The UI turns this into a sentence from the catalog.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Problem {
    Required,
    NotANumber,
    NotAWholeNumber,
    TooLarge,
    Negative,
    /// Outside an inclusive range.
    OutOfRange {
        min: f64,
        max: f64,
    },
    /// A year later than the current one.
    InFuture {
        max: i32,
    },
    TooLong {
        max: usize,
    },
    /// A value that is not one of the choices offered.
    NotInList,
    NotADate,
    /// Read as a date, but the calendar has no such day (30 February).
    NoSuchDay,
    DateOutOfRange,
    DateInFuture,
    /// A KPI target that is not better than its baseline in the KPI's direction.
    TargetNotBetter,
    /// The client was told before the promotion date.
    BeforePromotion,
}

/// A problem with one field of a form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FieldError<F> {
    pub field: F,
    pub problem: Problem,
}

/// A form as typed: one string per field of `F`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft<F> {
    values: Vec<String>,
    fields: PhantomData<fn() -> F>,
}

impl<F: FieldSet> Default for Draft<F> {
    fn default() -> Draft<F> {
        Draft { values: vec![String::new(); F::ALL.len()], fields: PhantomData }
    }
}

impl<F: FieldSet> Draft<F> {
    pub fn get(&self, f: F) -> &str {
        self.values.get(f.index()).map_or("", String::as_str)
    }

    pub fn set(&mut self, f: F, value: impl Into<String>) {
        if let Some(slot) = self.values.get_mut(f.index()) {
            *slot = value.into();
        }
    }

    /// This draft with `f` set to `value` (for building drafts in one expression).
    pub fn with(mut self, f: F, value: impl Into<String>) -> Draft<F> {
        self.set(f, value);
        self
    }

    /// The values in field order (for code that keeps drafts of any record alike).
    pub fn into_values(self) -> Vec<String> {
        self.values
    }

    /// A draft from values in field order; missing ones are empty, extra ones dropped.
    pub fn from_values(mut values: Vec<String>) -> Draft<F> {
        values.resize(F::ALL.len(), String::new());
        Draft { values, fields: PhantomData }
    }

    /// The fields whose text differs from `other`, in form order.
    pub fn changed_from(&self, other: &Draft<F>) -> Vec<F> {
        F::ALL.iter().copied().filter(|&f| self.get(f) != other.get(f)).collect()
    }
}

/// `text` without the invisible controls that reorder what follows them (U+202A–U+202E,
/// U+2066–U+2069): with them a name like "\u{202e}gnp.exe" displays as "exe.png". Arabic or
/// Hebrew text needs none of them; the browser orders it by itself.
pub fn without_bidi_overrides(text: &str) -> std::borrow::Cow<'_, str> {
    let control = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if text.chars().any(control) {
        std::borrow::Cow::Owned(text.chars().filter(|c| !control(*c)).collect())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Collects the problems of one draft while its fields are read.
pub struct Checker<'a, F> {
    draft: &'a Draft<F>,
    errors: Vec<FieldError<F>>,
}

impl<'a, F: FieldSet> Checker<'a, F> {
    pub fn new(draft: &'a Draft<F>) -> Checker<'a, F> {
        Checker { draft, errors: Vec::new() }
    }

    pub fn fail(&mut self, field: F, problem: Problem) {
        self.errors.push(FieldError { field, problem });
    }

    pub fn raw(&self, f: F) -> &'a str {
        self.draft.get(f)
    }

    /// Trimmed text of at most `max` characters, without bidirectional override controls.
    pub fn text(&mut self, f: F, required: bool, max: usize) -> String {
        let cleaned = without_bidi_overrides(self.draft.get(f));
        let v = cleaned.trim();
        if required && v.is_empty() {
            self.fail(f, Problem::Required);
        } else if v.chars().count() > max {
            self.fail(f, Problem::TooLong { max });
        }
        v.to_string()
    }

    /// Text kept as typed (notes: line breaks and spacing matter) but for bidirectional
    /// override controls, at most `max` characters.
    pub fn verbatim(&mut self, f: F, max: usize) -> String {
        let v = without_bidi_overrides(self.draft.get(f));
        if v.chars().count() > max {
            self.fail(f, Problem::TooLong { max });
        }
        v.to_string()
    }

    pub fn date(&mut self, f: F, required: bool) -> Option<Date> {
        let value = self.draft.get(f).trim();
        if value.is_empty() {
            if required {
                self.fail(f, Problem::Required);
            }
            return None;
        }
        match Date::parse_typed(value) {
            Ok(d) => Some(d),
            Err(DateError::OutOfRange) => {
                self.fail(f, Problem::DateOutOfRange);
                None
            }
            Err(DateError::NoSuchDay) => {
                self.fail(f, Problem::NoSuchDay);
                None
            }
            Err(_) => {
                self.fail(f, Problem::NotADate);
                None
            }
        }
    }

    /// A number within `min..=max`. Below a `min` of 0 with no upper bound reads as
    /// "negative"; otherwise as out of range.
    pub fn number(&mut self, f: F, required: bool, min: Option<f64>, max: Option<f64>) -> Option<f64> {
        let value = self.draft.get(f);
        if value.trim().is_empty() {
            if required {
                self.fail(f, Problem::Required);
            }
            return None;
        }
        match parse_number(value) {
            Ok(v) if min.is_some_and(|m| v < m) && max.is_none() => self.fail(f, Problem::Negative),
            Ok(v) if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) => {
                self.fail(f, Problem::OutOfRange { min: min.unwrap_or(f64::MIN), max: max.unwrap_or(f64::MAX) })
            }
            Ok(v) => return Some(v),
            Err(NumberError::NotANumber) => self.fail(f, Problem::NotANumber),
            Err(NumberError::TooLarge) => self.fail(f, Problem::TooLarge),
        }
        None
    }

    /// One of a list of choices by its slug; empty means `default`.
    pub fn choice<T: Copy>(&mut self, f: F, from_slug: impl Fn(&str) -> Option<T>, default: T) -> T {
        match self.draft.get(f).trim() {
            "" => default,
            slug => from_slug(slug).unwrap_or_else(|| {
                self.fail(f, Problem::NotInList);
                default
            }),
        }
    }

    /// An optional choice: empty means none.
    pub fn optional_choice<T>(&mut self, f: F, from_slug: impl Fn(&str) -> Option<T>) -> Option<T> {
        match self.draft.get(f).trim() {
            "" => None,
            slug => from_slug(slug).or_else(|| {
                self.fail(f, Problem::NotInList);
                None
            }),
        }
    }

    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn into_errors(self) -> Vec<FieldError<F>> {
        self.errors
    }

    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldError<F>>> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self.errors)
        }
    }
}

/// A record edited through a form.
pub trait Form: Sized {
    type Field: FieldSet;
    /// The form for a new record, defaults filled in.
    fn blank(today: Date) -> Draft<Self::Field>;
    /// The form showing this record. Reading it back gives the record unchanged.
    fn draft(&self) -> Draft<Self::Field>;
    /// Reads a draft into a record with the given id. `base` is the record being edited
    /// (`None` for a new one): whatever the form does not show — measurements, links — comes
    /// from it.
    fn read(
        draft: &Draft<Self::Field>,
        id: &str,
        base: Option<&Self>,
        today: Date,
    ) -> Result<Self, Vec<FieldError<Self::Field>>>;
}

/// What saving an edit form does.
#[derive(Clone, Debug, PartialEq)]
pub struct Edited<R, F> {
    pub record: R,
    /// Fields the user changed that someone else (another tab) had changed too since the
    /// form was opened: the user's value replaced theirs, and the user is told.
    pub clashes: Vec<F>,
}

/// What reading or editing a form gives: the record, or every problem with it.
pub type FormResult<R, T> = Result<T, Vec<FieldError<<R as Form>::Field>>>;

/// Saves an edit form over the record as it is now. Only the fields the user changed —
/// where `typed` differs from `opened`, the draft the form was opened with — are written;
/// everything else stays as it is now, so an edit from an outdated form merges with, and
/// never reverts, what was saved meanwhile.
pub fn edit<R: Form>(
    current: &R,
    id: &str,
    opened: &Draft<R::Field>,
    typed: &Draft<R::Field>,
    today: Date,
) -> FormResult<R, Edited<R, R::Field>> {
    let now = current.draft();
    let mut merged = now.clone();
    let mut clashes = Vec::new();
    for f in typed.changed_from(opened) {
        if now.get(f) != opened.get(f) && now.get(f) != typed.get(f) {
            clashes.push(f);
        }
        merged.set(f, typed.get(f));
    }
    let record = R::read(&merged, id, Some(current), today)?;
    Ok(Edited { record, clashes })
}

#[cfg(test)]
mod tests {
    use super::*;

    field_set!(
        enum Demo {
            Name = "name",
            Count = "count",
            When = "when",
        }
    );

    #[derive(Clone, Debug, PartialEq)]
    struct Rec {
        name: String,
        count: Option<f64>,
        when: Option<Date>,
    }

    impl Form for Rec {
        type Field = Demo;
        fn blank(_: Date) -> Draft<Demo> {
            Draft::default()
        }
        fn draft(&self) -> Draft<Demo> {
            Draft::default()
                .with(Demo::Name, &self.name)
                .with(Demo::Count, self.count.map(|c| c.to_string()).unwrap_or_default())
                .with(Demo::When, self.when.map(|d| d.to_string()).unwrap_or_default())
        }
        fn read(d: &Draft<Demo>, _: &str, _: Option<&Rec>, _: Date) -> Result<Rec, Vec<FieldError<Demo>>> {
            let mut c = Checker::new(d);
            let rec = Rec {
                name: c.text(Demo::Name, true, 10),
                count: c.number(Demo::Count, false, Some(0.0), None),
                when: c.date(Demo::When, false),
            };
            c.finish(rec)
        }
    }

    fn today() -> Date {
        Date::parse("2026-11-28").unwrap()
    }

    #[test]
    fn field_sets_know_their_keys() {
        assert_eq!(Demo::ALL, &[Demo::Name, Demo::Count, Demo::When]);
        assert_eq!((Demo::Count.key(), Demo::Count.index()), ("count", 1));
        assert_eq!(Demo::from_key("when"), Some(Demo::When));
        assert_eq!(Demo::from_key("nope"), None);
    }

    #[test]
    fn every_problem_is_reported_against_its_field() {
        let d = Draft::default().with(Demo::Count, "-2").with(Demo::When, "2026-02-30");
        assert_eq!(
            Rec::read(&d, "", None, today()),
            Err(vec![
                FieldError { field: Demo::Name, problem: Problem::Required },
                FieldError { field: Demo::Count, problem: Problem::Negative },
                FieldError { field: Demo::When, problem: Problem::NoSuchDay },
            ])
        );
    }

    #[test]
    fn an_outdated_form_writes_only_what_its_user_changed() {
        let opened = Rec { name: "Cartech".into(), count: Some(1.0), when: None };
        let form_opened = opened.draft();
        // Meanwhile another tab changed the count and the date.
        let now = Rec { count: Some(7.0), when: Some(today()), ..opened.clone() };
        // This form changes only the name.
        let typed = form_opened.clone().with(Demo::Name, "Cartech BV");
        let out = edit(&now, "", &form_opened, &typed, today()).unwrap();
        assert_eq!(out.record, Rec { name: "Cartech BV".into(), ..now.clone() });
        assert!(out.clashes.is_empty());
        // Both changed the count: the user's value wins and the clash is named.
        let typed = form_opened.clone().with(Demo::Count, "3");
        let out = edit(&now, "", &form_opened, &typed, today()).unwrap();
        assert_eq!((out.record.count, out.clashes), (Some(3.0), vec![Demo::Count]));
        // An untouched form changes nothing.
        assert_eq!(edit(&now, "", &form_opened, &form_opened, today()).unwrap().record, now);
    }
}
