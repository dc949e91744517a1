//! The message catalog: every user-facing string of the app lives here, never in a
//! component. A catalog is a plain struct of texts and formatting functions, so adding
//! Dutch means writing one more `const Texts` and nothing else.

mod en;
mod nl;

use crate::domain::account::{AccountField, Stage, Status};
use crate::domain::criteria::{Criterion, Question};
use crate::domain::date::Date;
use crate::domain::deals::{DealField, DealProblem, DealStage};
use crate::domain::money::Currency;
use crate::domain::plan::{
    ActionField, ActionStatus, AgreementField, Band, Direction, KpiField, KpiKind, MeasurementField, MeetingField,
    NeedField, NeedStatus, ObjectiveField, ObjectiveStatus, Perspective, PromotionField, Quadrant, ReviewField,
    SwotField, Team, Trend,
};
use crate::domain::portfolio::Quadrant as Cell;
use crate::domain::scoring::{Basis, Tier};
use crate::domain::spreadsheet::import::Tally;
use crate::domain::spreadsheet::{Scale, TextEncoding};
use crate::domain::validate::Problem;
use crate::domain::views::ranking::Column;
use crate::domain::views::review::Shown;
use crate::ui::route::Section;

pub use en::EN;
pub use nl::NL;

/// The languages Keystone speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Nl,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Nl];

    /// The code for `<html lang>` and for remembering the choice.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }

    /// The language's own name, as the switch offers it.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Nl => "Nederlands",
        }
    }

    /// A language tag such as `nl`, `nl-BE` or `en-GB`, if it is one of ours.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language to start in: the one chosen in this browser, else the first of the
    /// browser's preferred languages that Keystone speaks, else English.
    pub fn preferred(chosen: Option<&str>, browser: &[String]) -> Lang {
        chosen.and_then(Lang::from_tag).or_else(|| browser.iter().find_map(|t| Lang::from_tag(t))).unwrap_or(Lang::En)
    }
}

/// The language in use, set once before the app mounts (switching reloads the page, so every
/// text, chart and format follows at once).
static LANG: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

pub fn set_language(lang: Lang) {
    LANG.store(lang as u8, std::sync::atomic::Ordering::Relaxed);
}

pub fn language() -> Lang {
    match LANG.load(std::sync::atomic::Ordering::Relaxed) {
        1 => Lang::Nl,
        _ => Lang::En,
    }
}

/// `v` rounded to a whole number, its thousands separated by `mark` (each catalog its own).
fn grouped(v: f64, mark: char) -> String {
    let whole = v.round().abs() as u64;
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if v < 0.0 && whole > 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(mark);
        }
        out.push(ch);
    }
    out
}

/// `v` grouped by `mark` with up to two decimals after `point`; whole numbers without decimals.
fn grouped_decimal(v: f64, mark: char, point: char) -> String {
    let whole = grouped(v.trunc(), mark);
    let frac = (v.fract().abs() * 100.0).round() as u32;
    match frac {
        0 => whole,
        f if f % 10 == 0 => format!("{whole}{point}{}", f / 10),
        f => format!("{whole}{point}{f:02}"),
    }
}

/// The catalog in use.
pub fn t() -> &'static Texts {
    match language() {
        Lang::En => &EN,
        Lang::Nl => &NL,
    }
}

/// A value of the import review, shown as the rest of the app shows it, in the language of `t`.
pub(crate) fn shown_in(t: &'static Texts, v: &Shown, currency: Currency) -> String {
    let yes_no = |a: Option<bool>| match a {
        Some(true) => t.answer_yes,
        Some(false) => t.answer_no,
        None => t.answer_none,
    };
    match v {
        Shown::Empty => t.share.empty_value.into(),
        Shown::Text(s) => s.clone(),
        Shown::Number(n) => (t.number)(*n),
        Shown::Money(n) => (t.money)(*n, currency),
        Shown::Percent(n) => format!("{} %", (t.number)(*n)),
        Shown::Year(y) => y.to_string(),
        Shown::Date(d) => (t.date)(*d),
        Shown::Status(s) => (t.status)(*s).into(),
        Shown::Stage(s) => (t.portfolio.stage)(*s).into(),
        Shown::Items(items) => items.iter().map(|i| shown_in(t, i, currency)).collect::<Vec<_>>().join("; "),
        Shown::Cells(cells) => cells
            .iter()
            .map(|(name, status, value)| {
                let name = name.as_deref().unwrap_or(t.whitespace.unknown_offering);
                let status = (t.whitespace.status)(*status);
                match value {
                    Some(v) => format!("{name}: {status}, {}", (t.money)(*v, currency)),
                    None => format!("{name}: {status}"),
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
        Shown::Assessment { answers, ratings } => {
            let answers = answers.iter().map(|(q, a)| format!("{} → {}", (t.question)(*q), yes_no(*a)));
            let ratings = ratings.iter().map(|(c, r)| match r {
                Some(r) => format!("{}: {r} / 5", (t.rating_label)((t.criterion)(*c))),
                None => format!("{}: {}", (t.rating_label)((t.criterion)(*c)), t.suggested_rating),
            });
            answers.chain(ratings).collect::<Vec<_>>().join("; ")
        }
        Shown::Promotion(p) => {
            let date =
                |d: Option<crate::domain::date::Date>| d.map(t.date).unwrap_or_else(|| t.share.empty_value.into());
            (t.list)(&[
                (t.field_value)((t.plan.promotion_field)(PromotionField::PromotedOn), &date(p.promoted_on)),
                (t.field_value)((t.plan.promotion_field)(PromotionField::ToldOn), &date(p.client_told_on)),
                if p.internal.is_empty() {
                    String::new()
                } else {
                    (t.field_value)((t.plan.promotion_field)(PromotionField::Internal), &p.internal)
                },
                if p.external.is_empty() {
                    String::new()
                } else {
                    (t.field_value)((t.plan.promotion_field)(PromotionField::External), &p.external)
                },
            ])
        }
        Shown::Review(r) => (t.list)(&[
            r.next.map(|d| (t.field_value)((t.plan.review_field)(ReviewField::Next), &(t.date)(d))).unwrap_or_default(),
            (t.field_value)((t.plan.review_field)(ReviewField::Cadence), &r.cadence().to_string()),
        ]),
        Shown::Swot(lines) => {
            lines.iter().map(|(q, s)| (t.field_value)((t.plan.quadrant)(*q), s)).collect::<Vec<_>>().join("; ")
        }
        Shown::Scoring(s) => {
            let weights = Criterion::ALL.iter().map(|&c| format!("{} {} %", (t.criterion)(c), s.weights.get(c)));
            let tiers = [
                format!("{} {}", t.threshold_key, s.thresholds.key()),
                format!("{} {}", t.threshold_watch, s.thresholds.watch()),
            ];
            let currency = format!("{} {}", t.crm.currency_label, s.currency.code());
            weights.chain(tiers).chain([currency]).collect::<Vec<_>>().join("; ")
        }
        Shown::Extra(list) => list.iter().map(|(l, v)| (t.field_value)(l, v)).collect::<Vec<_>>().join("; "),
        Shown::Deals(d) => {
            format!("{} {} ({})", t.crm.won_last, (t.money)(d.won_last_12, currency), (t.date)(d.as_of))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    /// Text written between tags in the components' `view!` blocks (`<p>"Save"</p>`): what a
    /// user reads must come from the catalogs, or half the page would stay English in Dutch.
    /// Attribute values (`class="panel"`) and Rust expressions are not text.
    fn literal_texts(source: &str) -> Vec<String> {
        let mut found = Vec::new();
        for (start, _) in source.match_indices("view! {") {
            let block = &source[start..];
            let (mut depth, mut end) = (0usize, block.len());
            for (i, ch) in block.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 1 => {
                        end = i;
                        break;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            let block = &block[..end];
            let mut rest = block;
            while let Some(open) = rest.find('"') {
                let after = &rest[open + 1..];
                let Some(close) = after.find('"') else { break };
                let literal = &after[..close];
                let before = rest[..open].trim_end().chars().last();
                let next = after[close + 1..].trim_start().chars().next();
                let between_tags = before == Some('>') || (next == Some('<') && before != Some('='));
                if between_tags && literal.chars().any(char::is_alphabetic) {
                    found.push(literal.to_string());
                }
                rest = &after[close + 1..];
            }
        }
        found
    }

    #[test]
    fn components_write_no_text_of_their_own() {
        assert_eq!(literal_texts(r#"view! { <p class="hint">"Save"</p> }"#), ["Save"]);
        assert!(literal_texts(r#"view! { <a class="x" href=h>{t.save}</a> <span aria-hidden="true">"◆"</span> }"#)
            .is_empty());
        let mut offenders = Vec::new();
        let mut dirs = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src/ui"))];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    offenders.extend(literal_texts(&source).into_iter().map(|l| format!("{}: {l:?}", path.display())));
                }
            }
        }
        assert!(offenders.is_empty(), "text written in components instead of the catalogs:\n{}", offenders.join("\n"));
    }

    #[test]
    fn the_language_follows_the_choice_then_the_browser() {
        let check = |chosen: Option<&str>, browser: &[&str], expected: Lang| {
            let browser: Vec<String> = browser.iter().map(|s| s.to_string()).collect();
            assert_eq!(Lang::preferred(chosen, &browser), expected, "{chosen:?} {browser:?}");
        };
        check(None, &["nl-NL", "en"], Lang::Nl);
        check(None, &["nl-BE"], Lang::Nl);
        check(None, &["de-DE", "en-GB", "nl"], Lang::En);
        check(None, &["fr", "nl"], Lang::Nl);
        check(None, &[], Lang::En);
        check(Some("en"), &["nl-NL"], Lang::En);
        check(Some("nl"), &["en-US"], Lang::Nl);
        check(Some("klingon"), &["nl"], Lang::Nl);
    }
}

/// A form field's label, from the catalog in use.
pub trait Label: Copy {
    fn label(self) -> &'static str;
}

macro_rules! label {
    ($ty:ty, $($path:ident).+) => {
        impl Label for $ty {
            fn label(self) -> &'static str {
                (t().$($path).+)(self)
            }
        }
    };
}

label!(AccountField, account_field);
label!(ObjectiveField, plan.objective_field);
label!(ActionField, plan.action_field);
label!(AgreementField, plan.agreement_field);
label!(KpiField, plan.kpi_field);
label!(MeasurementField, plan.measurement_field);
label!(MeetingField, plan.meeting_field);
label!(NeedField, plan.need_field);
label!(SwotField, plan.swot_field);
label!(ReviewField, plan.review_field);
label!(PromotionField, plan.promotion_field);
label!(crate::domain::stakeholder::StakeholderField, people.field);
label!(crate::domain::whitespace::OfferingField, whitespace.field);
label!(crate::domain::tier::DecisionField, decision_field);
label!(crate::domain::sync::NameField, share.name_field);
label!(crate::domain::reviews::NotesField, held.field);

pub struct Texts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub nav_accounts: &'static str,
    pub nav_add: &'static str,
    pub main_nav: &'static str,
    /// The button that opens the navigation on a phone.
    pub menu: &'static str,

    pub empty_title: &'static str,
    pub empty_body: &'static str,
    pub add_account: &'static str,
    pub show_more: fn(usize, usize) -> String,
    /// Parts of a line shown together ("Customer · Automotive · NL"); empty parts left out.
    pub list: fn(&[String]) -> String,
    /// "Why: to grow" — a field's label and its value.
    pub field_value: fn(&str, &str) -> String,
    /// A date in a table, list or field: short.
    pub date: fn(Date) -> String,
    /// What a date field shows while empty: the order of day, month and year.
    pub date_placeholder: &'static str,
    /// The button beside a date field that opens the browser's calendar (the field's label).
    pub pick_date: fn(&str) -> String,
    /// A date in running text ("next review on 28 November 2026").
    pub date_long: fn(Date) -> String,
    /// A date with a time of day (local).
    pub date_time: fn(Date, u32, u32) -> String,
    /// A share from 0 to 1 as a percentage.
    pub percent: fn(f64) -> String,
    pub percent_sign: &'static str,
    /// A figure in full, grouped: `1,234.5` / `1.234,5`.
    pub number: fn(f64) -> String,
    /// A figure in short, for KPIs and chart axes: `1.2M` / `1,2 mln`, `46k`, `7.3` / `7,3`.
    pub number_short: fn(f64) -> String,
    /// Another tab saved these fields meanwhile; the user's values replaced them.
    pub form_clash: fn(&[&str]) -> String,
    pub load_sample: &'static str,
    pub sample_loaded: &'static str,

    pub ranking_title: &'static str,
    pub ranking_intro: &'static str,
    pub column: fn(Column) -> &'static str,
    pub col_account: &'static str,
    pub col_tier: &'static str,
    /// "▲3": places gained against the revenue rank.
    pub shift_mark: fn(i64) -> String,
    pub shift_title: fn(i64) -> String,
    pub sort_by: fn(&str) -> String,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub filter_sector: &'static str,
    pub filter_owner: &'static str,
    pub filter_tier: &'static str,
    pub filter_all: &'static str,
    pub clear_filters: &'static str,
    pub no_matches: &'static str,
    /// The ranked table's switch that lists each group's accounts together.
    pub group_by_parent: &'static str,
    /// A group's heading in the ranked table: parent, accounts, revenue, potential, whitespace.
    pub group_heading: fn(&str, usize, &str, &str, &str) -> String,
    pub showing: fn(usize, usize) -> String,
    pub not_ranked: &'static str,

    pub weights_title: &'static str,
    pub weights_help: &'static str,
    pub weight_label: fn(&str) -> String,
    pub weights_total: fn(u32) -> String,
    pub reset_defaults: &'static str,
    pub thresholds_title: &'static str,
    pub threshold_key: &'static str,
    pub threshold_watch: &'static str,
    pub threshold_key_range: &'static str,
    pub threshold_watch_below_key: &'static str,
    pub whole_number_0_100: &'static str,

    pub chart_rank_title: &'static str,
    pub chart_rank_caption: &'static str,
    pub chart_by_revenue: &'static str,
    pub chart_by_score: &'static str,
    pub chart_contrib_title: &'static str,
    pub chart_contrib_caption: &'static str,

    pub form_new_title: &'static str,
    pub form_edit_title: &'static str,
    pub save: &'static str,
    pub save_account: &'static str,
    pub cancel: &'static str,
    pub saved: &'static str,
    pub form_has_errors: fn(usize) -> String,
    /// A form that saves as it is typed: its state.
    pub save_state: fn(crate::ui::components::form::SaveState) -> String,
    pub leave_title: &'static str,
    /// What holds unsaved input (form names).
    pub leave_body: fn(&[&str]) -> String,
    pub leave_anyway: &'static str,
    pub stay: &'static str,
    /// Beside a rank decided by the tie-break.
    pub tie_mark: &'static str,
    pub tie_title: &'static str,
    /// A portfolio-relative suggestion that moved because accounts were added: was, higher,
    /// added, since (date).
    pub shift_note: fn(Criterion, u8, usize, usize, &str) -> String,
    pub tier_title: &'static str,
    /// The "no decision" option, with what the score says.
    pub follow_score: fn(Tier) -> String,
    pub decision_field: fn(crate::domain::tier::DecisionField) -> &'static str,
    pub decision_help: &'static str,
    /// When and how the decision was made: date, by promotion.
    pub decided_on: fn(&str, bool) -> String,

    pub score_label: &'static str,
    pub incomplete_help: &'static str,
    pub rating_label: fn(&str) -> String,
    pub rating_suggested_option: fn(Option<u8>) -> String,
    pub suggested: fn(Option<u8>) -> String,
    pub overridden_with_suggestion: fn(u8, Option<u8>) -> String,
    pub ranks_line: fn(Option<u32>, Option<u32>) -> String,
    pub points: fn(f64, u8) -> String,
    /// A rating not set by hand (in the import review).
    pub suggested_rating: &'static str,
    pub checklist: &'static str,
    pub answer_yes: &'static str,
    pub answer_no: &'static str,
    pub answer_none: &'static str,

    pub delete_account: &'static str,
    pub confirm_delete_title: fn(&str) -> String,
    pub confirm_delete_body: &'static str,
    pub confirm_delete: &'static str,
    pub deleted: fn(&str) -> String,
    pub undo: &'static str,
    pub dismiss: &'static str,
    /// A newer version of the app is ready beside this one, and the button that switches.
    pub update_ready: &'static str,
    pub update_now: &'static str,
    /// What long work is under way and how far (done, total): "Applying the import… 40 %".
    pub busy: fn(&str, usize, usize) -> String,
    pub applying_import: &'static str,
    pub saving_changes: &'static str,
    pub restored: fn(&str) -> String,

    pub account_missing: &'static str,
    pub page_missing: &'static str,
    pub back_to_accounts: &'static str,
    pub account_gone_on_save: &'static str,

    pub storage_unreadable: fn(&str, &str) -> String,
    pub storage_unreadable_no_backup: fn(&str) -> String,
    pub download_unreadable: &'static str,
    pub start_afresh: &'static str,
    pub tab_clash: fn(&[String]) -> String,
    pub tab_clash_item: fn(&str, &str) -> String,
    pub storage_write_failed: fn(&str) -> String,
    pub storage_unavailable: &'static str,
    pub storage_full: &'static str,
    pub export_now: &'static str,
    pub storage_meter: fn(usize, usize, Option<bool>) -> String,
    /// After a failed write: what the work in this tab needs, against what the browser allows.
    pub storage_needed: fn(usize, usize) -> String,
    pub your_data: &'static str,
    pub crash_title: &'static str,
    pub crash_body: &'static str,
    pub crash_body_unsaved: &'static str,
    pub crash_download: &'static str,
    pub crash_reload: &'static str,
    pub crash_detail: &'static str,

    /// "Added <date> · updated <date>".
    pub stamps: fn(&str, &str) -> String,

    pub account_field: fn(AccountField) -> &'static str,
    pub decode_error: fn(&crate::domain::workspace::DecodeError) -> String,
    pub write_error: fn(&crate::storage::WriteError) -> String,
    pub problem: fn(Problem) -> String,
    pub criterion: fn(Criterion) -> &'static str,
    pub criterion_help: fn(Criterion) -> &'static str,
    pub question: fn(Question) -> &'static str,
    pub basis: fn(Criterion, Basis) -> String,
    pub tier: fn(Tier) -> &'static str,
    /// Beside a tier badge: "decided", "decided · score says Watch"; nothing for the score's own tier.
    pub standing_note: fn(crate::domain::scoring::Standing) -> Option<String>,
    pub status: fn(Status) -> &'static str,
    /// An amount in the portfolio's currency, whole units, grouped: "€1,250,000".
    pub money: fn(f64, Currency) -> String,
    /// What a money field's hint says about its currency.
    pub amount_hint: fn(Currency) -> &'static str,
    pub plan: PlanTexts,
    pub share: ShareTexts,
    pub portfolio: PortfolioTexts,
    pub crm: CrmTexts,
    pub rate: RateTexts,
    pub people: PeopleTexts,
    pub groups: GroupTexts,
    pub whitespace: WhitespaceTexts,
    pub method: MethodTexts,
    pub sheet: SheetTexts,
    pub template: TemplateTexts,
    pub held: HeldTexts,
}

/// Texts of the overview (dashboard), the portfolio matrix and the what-if sandbox.
pub struct PortfolioTexts {
    /// The overview's panel of accounts whose relationship coverage is thin.
    pub coverage_title: &'static str,
    pub coverage_none: &'static str,
    pub nav_overview: &'static str,
    pub nav_portfolio: &'static str,
    pub stage: fn(Stage) -> &'static str,
    pub stage_none: &'static str,
    pub stage_help: &'static str,
    pub quadrant: fn(Cell) -> &'static str,
    pub stance: fn(Cell) -> &'static str,

    pub matrix_title: &'static str,
    pub matrix_help: &'static str,
    pub axis_attractiveness: &'static str,
    pub axis_strength: &'static str,
    pub matrix_label: &'static str,
    pub matrix_empty: &'static str,
    pub unplaced: fn(usize) -> String,
    pub bubble: fn(&str, f64, &str) -> String,
    pub list_title: &'static str,
    pub none_here: &'static str,

    pub overview_title: &'static str,
    pub tile_accounts: &'static str,
    pub tier_counts: fn(usize, usize, usize, usize) -> String,
    pub tile_key_share: &'static str,
    pub key_share_detail: fn(&str, &str) -> String,
    pub tile_concentration: &'static str,
    pub concentration_detail: fn(usize) -> String,
    pub tile_open_needs: &'static str,
    pub open_needs_detail: fn(usize) -> String,
    pub attention_title: &'static str,
    pub attention_none: &'static str,
    pub attention_reasons: fn(usize, usize, bool, bool) -> String,
    pub reviews_title: fn(i32) -> String,
    pub reviews_none: &'static str,
    /// A review's date and how far off it is.
    pub review_due: fn(&str, i32) -> String,
    pub open_matrix: &'static str,
    pub open_what_if: &'static str,

    pub what_if_title: &'static str,
    pub what_if_help: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub apply: &'static str,
    pub discard: &'static str,
    pub applied: &'static str,
    pub unchanged_settings: &'static str,
    pub moved: fn(i64) -> String,
    /// The arrow before "up 2" (with its space).
    pub move_mark: fn(i64) -> &'static str,
    pub moves_summary: fn(usize, usize) -> String,
    pub col_account: &'static str,
    pub col_before: &'static str,
    pub col_after: &'static str,
    pub col_move: &'static str,
    pub chart_title: &'static str,
}

/// Texts of export, import and the import review.
pub struct ShareTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub name_field: fn(crate::domain::sync::NameField) -> &'static str,
    pub your_name_help: &'static str,
    pub export_title: &'static str,
    pub export_all: &'static str,
    pub export_selected: fn(usize) -> String,
    pub choose_accounts: &'static str,
    pub exported: fn(&str) -> String,
    pub download_failed: &'static str,
    pub unreadable_file: &'static str,
    pub import_title: &'static str,
    pub import_help: &'static str,
    pub choose_file: &'static str,
    pub drop_here: &'static str,
    pub paste_label: &'static str,
    pub review_paste: &'static str,
    pub reading: &'static str,
    pub checking: fn(usize) -> String,
    pub rejected: fn(&str) -> String,
    pub review_title: fn(&str, &str) -> String,
    pub review_help: &'static str,
    pub nothing_new: &'static str,
    pub apply: &'static str,
    pub cancel_import: &'static str,
    pub applied: fn(usize) -> String,
    pub cancelled: &'static str,
    pub undone: &'static str,
    pub deletions_title: &'static str,
    /// Deletions remembered, of which old.
    pub deletions: fn(usize, usize) -> String,
    pub forget_old: &'static str,
    pub forget_body: &'static str,
    pub forget_confirm: &'static str,
    pub forgotten: fn(usize) -> String,
    pub backups_title: &'static str,
    pub backups_help: &'static str,
    /// When, size in characters.
    pub backup_line: fn(&str, usize) -> String,
    pub backup_file: fn(&str) -> String,
    pub backup_download: &'static str,
    pub backup_delete: &'static str,
    pub backup_delete_title: &'static str,
    pub backup_delete_body: &'static str,
    pub undo_title: &'static str,
    /// Removed, restored, kept (names), scoring settings restored.
    pub undo_body: fn(&[String], &[String], &[String], bool) -> String,
    pub undo_confirm: &'static str,
    pub undo_keep: &'static str,
    /// For records only in their file.
    pub add: &'static str,
    pub skip: &'static str,
    /// Who wrote a text, when a name is not known.
    pub me: &'static str,
    pub colleague: &'static str,
    pub record_title: fn(crate::domain::sync::RecordKind, &str) -> String,
    pub choice_for: fn(&str) -> String,
    pub choice_for_field: fn(&str, &str) -> String,
    pub shown: fn(&crate::domain::views::review::Shown, Currency) -> String,
    pub keep_mine: &'static str,
    pub all_mine: fn(&str) -> String,
    pub all_theirs: fn(&str) -> String,
    pub take_theirs: &'static str,
    pub take_both: &'static str,
    pub col_field: &'static str,
    pub col_mine: &'static str,
    pub col_theirs: &'static str,
    pub col_choice: &'static str,
    pub decided: fn(bool) -> &'static str,
    pub change: fn(crate::domain::merge::Change) -> &'static str,
    pub kind: fn(crate::domain::sync::RecordKind) -> &'static str,
    pub field_name: fn(&crate::domain::views::review::FieldName) -> String,
    pub count_line: fn(&[(crate::domain::merge::Change, usize)]) -> String,
    pub error: fn(&crate::domain::share::ImportError) -> String,
    pub empty_value: &'static str,
    pub csv_title: &'static str,
    pub csv_help: &'static str,
    pub separator: &'static str,
    pub separator_comma: &'static str,
    pub separator_semicolon: &'static str,
    pub export_csv: &'static str,
    pub import_csv: &'static str,
    pub csv_file_name: fn(&str) -> String,
    /// The export file's name for a day (ISO, so files sort) and a selection of n accounts.
    pub export_file_name: fn(&str, Option<usize>) -> String,
    pub mapping_title: fn(&str) -> String,
    pub mapping_help: &'static str,
    pub column_becomes: fn(&str) -> String,
    pub target: fn(crate::domain::spreadsheet::Target) -> String,
    pub export_column: fn(crate::domain::spreadsheet::ExportColumn) -> String,
    /// Line, field, problem.
    pub row_problem: fn(usize, &str, &str) -> String,
    pub row_duplicate: fn(usize) -> String,
    pub more_problems: fn(usize) -> String,
    pub skip_problems: &'static str,
    pub fix_or_skip: &'static str,
    pub csv_error: fn(&crate::domain::spreadsheet::CsvError) -> String,
    pub no_name_column: &'static str,
}

/// Texts of plans and the plan overview.
pub struct PlanTexts {
    pub nav_plans: &'static str,
    pub promote: &'static str,
    pub promoted: &'static str,
    pub open_plan: &'static str,
    pub plan_of: fn(&str) -> String,
    pub no_plan: &'static str,
    pub tab: fn(Section) -> &'static str,
    pub sections: &'static str,
    pub health: &'static str,
    pub band: fn(Band) -> &'static str,
    pub trend: fn(Trend) -> &'static str,
    pub trend_mark: fn(Trend) -> &'static str,
    /// "↗ improving".
    pub trend_line: fn(Trend) -> String,
    pub band_and_trend: fn(Band, Trend) -> String,
    pub health_label: fn(u8, Band) -> String,
    /// The disclosure under the health box that shows its parts.
    pub health_parts: &'static str,
    pub health_part: fn(crate::domain::plan::HealthPart) -> &'static str,
    /// Points earned of points possible: "12 of 20".
    pub points_of: fn(u8, u8) -> String,
    pub status_of: fn(&str) -> String,
    pub updated_days_ago: fn(i32) -> String,
    pub stale: &'static str,
    pub next_review_on: fn(&str) -> String,
    pub review_overdue: &'static str,
    pub none_yet: &'static str,
    pub more: fn(usize) -> String,

    pub sum_goals: &'static str,
    pub sum_actions: &'static str,
    pub sum_kpis: &'static str,
    pub sum_swot: &'static str,

    pub promotion_title: &'static str,
    pub promotion_help: &'static str,

    pub objectives_title: &'static str,
    pub objectives_help: &'static str,
    pub no_link: &'static str,
    pub add_objective: &'static str,
    pub thin_objective: &'static str,
    pub at_risk: &'static str,
    pub actions_count: fn(usize) -> String,

    pub actions_title: &'static str,
    pub actions_help: &'static str,
    pub add_action: &'static str,
    pub overdue: &'static str,
    pub agreements_title: &'static str,
    pub agreements_help: &'static str,
    pub add_agreement: &'static str,

    pub kpis_title: &'static str,
    pub kpis_help: &'static str,
    pub add_kpi: &'static str,
    pub suggestions: &'static str,
    pub suggestion_name: fn(Criterion) -> &'static str,
    pub use_suggestion: fn(&str) -> String,
    pub suggestion_unit: fn(KpiKind) -> &'static str,
    /// A value with its unit.
    pub quantity: fn(&str, &str) -> String,
    /// Latest value, target, unit.
    pub against_target: fn(&str, &str, &str) -> String,
    pub measurement_of: fn(&str, &str) -> String,
    pub add_measurement_to: fn(&str) -> String,
    pub measurements_count: fn(usize) -> String,
    pub meeting_on: fn(&str) -> String,
    pub add_measurement: &'static str,
    pub progress: fn(f64) -> String,
    pub latest: fn(&str, &str) -> String,
    pub no_measurements: &'static str,
    pub off_target: &'static str,
    pub target_line: fn(&str) -> String,
    pub chart_of: fn(&str) -> String,

    pub meetings_title: &'static str,
    pub meetings_help: &'static str,
    pub log_meeting: &'static str,
    /// Above the stakeholders offered as attendees.
    pub pick_attendees: &'static str,
    pub make_action: &'static str,
    pub is_action: &'static str,
    pub action_created: &'static str,

    pub needs_title: &'static str,
    pub needs_help: &'static str,
    pub add_need: &'static str,
    pub open_needs: fn(&str, &str) -> String,

    pub swot_help: &'static str,
    pub quadrant: fn(Quadrant) -> &'static str,
    pub new_entry: fn(Quadrant) -> &'static str,
    pub add_entry: fn(Quadrant) -> &'static str,

    pub review_title: &'static str,
    pub review_help: &'static str,

    pub overview_title: &'static str,
    pub overview_intro: &'static str,
    pub overview_empty: &'static str,
    pub col_health: &'static str,
    pub col_next_review: &'static str,
    pub col_overdue: &'static str,
    pub col_at_risk: &'static str,
    pub col_off_target: &'static str,
    pub col_updated: &'static str,

    pub delete_item: fn(&str) -> String,
    pub edit_item: fn(&str) -> String,
    pub save_changes: &'static str,
    pub edit: &'static str,
    pub confirm_item_title: &'static str,
    pub confirm_item_body: &'static str,
    pub item_deleted: &'static str,
    pub plan_gone: &'static str,

    pub objective_field: fn(ObjectiveField) -> &'static str,
    pub action_field: fn(ActionField) -> &'static str,
    pub agreement_field: fn(AgreementField) -> &'static str,
    pub kpi_field: fn(KpiField) -> &'static str,
    pub measurement_field: fn(MeasurementField) -> &'static str,
    pub meeting_field: fn(MeetingField) -> &'static str,
    pub need_field: fn(NeedField) -> &'static str,
    pub swot_field: fn(SwotField) -> &'static str,
    pub review_field: fn(ReviewField) -> &'static str,
    pub promotion_field: fn(PromotionField) -> &'static str,

    pub objective_status: fn(ObjectiveStatus) -> &'static str,
    pub action_status: fn(ActionStatus) -> &'static str,
    pub team: fn(Team) -> &'static str,
    pub perspective: fn(Perspective) -> &'static str,
    pub kpi_kind: fn(KpiKind) -> &'static str,
    pub direction: fn(Direction) -> &'static str,
    pub need_status: fn(NeedStatus) -> &'static str,
}

/// Texts of whitespace: the catalogue, an account's grid, the heat map.
pub struct WhitespaceTexts {
    pub title: &'static str,
    pub help: &'static str,
    pub no_catalogue: &'static str,
    pub to_catalogue: &'static str,
    pub col_offering: &'static str,
    pub col_status: &'static str,
    pub col_value: &'static str,
    pub col_whitespace: &'static str,
    pub status: fn(crate::domain::whitespace::CellStatus) -> &'static str,
    pub unset: &'static str,
    /// A whitespace cell in an import review whose offering neither catalogue names.
    pub unknown_offering: &'static str,
    pub status_of: fn(&str) -> String,
    pub value_of: fn(&str) -> String,
    pub typical: fn(&str) -> String,
    pub bad_value: &'static str,
    /// The account's whitespace value and offerings in use.
    pub total: fn(&str, usize) -> String,
    /// On the revenue potential and product fit ratings.
    pub why_potential: fn(&str) -> String,
    pub why_fit: fn(usize) -> String,
    pub catalogue_title: &'static str,
    pub catalogue_help: &'static str,
    pub add_offering: &'static str,
    pub field: fn(crate::domain::whitespace::OfferingField) -> &'static str,
    pub deleted: &'static str,
    pub heat_title: &'static str,
    pub heat_help: &'static str,
    pub heat_empty: &'static str,
}

/// Texts of account groups (a parent and its subsidiaries).
pub struct GroupTexts {
    pub title: &'static str,
    pub help: &'static str,
    pub parent_label: &'static str,
    pub parent_hint: &'static str,
    pub set: &'static str,
    pub remove: &'static str,
    /// Before the parent's name.
    pub part_of: &'static str,
    pub problem: fn(crate::domain::groups::GroupProblem) -> &'static str,
    pub subsidiaries: &'static str,
    /// Accounts in the group (the parent included), its revenue, potential and whitespace.
    pub rollup: fn(usize, &str, &str, &str) -> String,
    pub covered_by: fn(&str) -> String,
    pub updated: &'static str,
    pub table_title: &'static str,
    pub col_group: &'static str,
    pub col_members: &'static str,
    pub col_revenue: &'static str,
    pub col_potential: &'static str,
    pub col_whitespace: &'static str,
    pub members: fn(&[String]) -> String,
}

/// Texts of the stakeholder map on the account page, and of coverage warnings.
pub struct PeopleTexts {
    pub title: &'static str,
    pub help: &'static str,
    pub add: &'static str,
    pub none_yet: &'static str,
    pub field: fn(crate::domain::stakeholder::StakeholderField) -> &'static str,
    /// A method role by name; for `Other`, the choice that asks for a new role's name.
    pub role: fn(crate::domain::stakeholder::BuyingRole) -> &'static str,
    /// A person of a role of the team's own that has no name.
    pub other_role: &'static str,
    /// The hint under the role's name: what a role of one's own is for.
    pub own_role_hint: &'static str,
    pub attitude: fn(crate::domain::stakeholder::Attitude) -> &'static str,
    /// The reports-to choice for "nobody in the map".
    pub nobody: &'static str,
    pub coverage_title: &'static str,
    pub gap: fn(&crate::domain::stakeholder::Gap) -> String,
    /// The same in a few words, for lists of accounts.
    pub gap_short: fn(&crate::domain::stakeholder::Gap) -> String,
    /// No gaps.
    pub covered: &'static str,
    pub chart_label: &'static str,
    pub chart_help: &'static str,
    /// Under a person on the chart: our relationship owner.
    pub owner_line: fn(&str) -> String,
    pub reports_to: fn(&str) -> String,
    pub influence: fn(u8) -> String,
    pub last_contact: fn(&str) -> String,
    pub never_contacted: &'static str,
    /// A save refused because the reporting line would run in a circle.
    pub circle: &'static str,
    pub deleted: &'static str,
    /// Hover text on the chart: name, title, attitude.
    pub tip: fn(&str, &str, &str) -> String,
    /// After a meeting was logged: how many stakeholders' last contact moved.
    pub met: fn(usize) -> String,
    /// The plan summary's and overview's heading for coverage.
    pub gaps_of: fn(&str, usize) -> String,
    pub list_title: &'static str,
}

/// Texts of the rating grid (`#/rate`) and of rating on the account page.
pub struct RateTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub help: &'static str,
    pub keys_help: &'static str,
    /// "23 of 85 rated".
    pub progress: fn(usize, usize) -> String,
    pub incomplete_only: &'static str,
    pub grid_label: &'static str,
    pub col_select: &'static str,
    pub col_score: &'static str,
    /// A cell for screen readers: criterion, rating, whether it was set by hand.
    pub cell: fn(&str, Option<u8>, bool) -> String,
    /// What a cell shows without a rating.
    pub missing: &'static str,
    pub suggested_title: &'static str,
    pub select_row: fn(&str) -> String,
    /// "Product fit for Cartech": the editor under the grid.
    pub editing: fn(&str, &str) -> String,
    pub use_suggestion: &'static str,
    pub open_checklist: &'static str,
    pub close_checklist: &'static str,
    pub checklist_of: fn(&str, &str) -> String,
    pub nothing_listed: &'static str,
    pub selected: fn(usize) -> String,
    pub bulk_set: &'static str,
    pub bulk_rating: &'static str,
    pub bulk_answer: &'static str,
    pub bulk_question: &'static str,
    pub bulk_apply_rating: &'static str,
    pub bulk_apply_answer: &'static str,
    pub clear_selection: &'static str,
    pub select_all: &'static str,
    pub rated_many: fn(usize) -> String,
    pub answered_many: fn(usize) -> String,
    pub next_unrated: &'static str,
    pub all_rated: &'static str,
    pub rate_many_link: &'static str,
    pub facts_title: &'static str,
    pub fact_revenue: &'static str,
    pub fact_potential: &'static str,
    pub fact_margin: &'static str,
    pub fact_years: &'static str,
    pub fact_stage: &'static str,
    pub fact_missing: &'static str,
    /// "32 %": a gross margin as typed.
    pub margin: fn(f64) -> String,
    pub years: fn(f64) -> String,
    pub edit_details: &'static str,
    pub answer_group: fn(&str) -> String,
}

/// Texts of bringing CRM data in: the account import's mapping, the deal history, the
/// portfolio's currency.
pub struct CrmTexts {
    pub currency_title: &'static str,
    pub currency_help: &'static str,
    pub currency_label: &'static str,
    pub currency_changed: fn(Currency) -> String,
    pub currency_name: fn(Currency) -> &'static str,
    /// A money column's header in the ranked-list export: the label and the currency code.
    pub money_header: fn(&str, Currency) -> String,
    /// "€1.2M": an amount in a chart.
    pub money_short: fn(f64, Currency) -> String,
    pub import_deals: &'static str,
    pub deals_help: &'static str,
    /// Rows, columns, encoding.
    pub file_facts: fn(usize, usize, &str) -> String,
    pub encoding: fn(TextEncoding) -> &'static str,
    pub separator_found: &'static str,
    pub separator_name: fn(u8) -> &'static str,
    pub no_values: &'static str,
    pub amounts_in: &'static str,
    pub currency_found: fn(Currency) -> String,
    /// The portfolio's currency, the one chosen for the import.
    pub currency_switch: fn(Currency, Currency) -> String,
    /// Added, updated.
    pub imported: fn(usize, usize) -> String,
    /// After an import with a parent column: accounts put in their group, and parents not
    /// found or refused (a group cannot contain itself).
    pub linked: fn(usize, usize) -> String,
    pub examples: &'static str,
    pub valid: &'static str,
    pub more_columns: fn(usize) -> String,
    pub row_updates: fn(usize, &str) -> String,
    pub rows_defaulted: fn(usize, AccountField) -> String,
    pub updates_title: &'static str,
    pub problems_title: &'static str,
    pub tally: fn(Tally) -> String,
    /// New, updated.
    pub import_button: fn(usize, usize) -> String,
    /// The first value as written, and as it will be read.
    pub scale_preview: fn(&str, &str) -> String,
    pub scale_label: &'static str,
    pub scale: fn(Scale) -> &'static str,
    pub looks_scaled: &'static str,
    /// Valid, of, whether the column is a choice (then "recognised").
    pub valid_share: fn(usize, usize, bool) -> String,
    pub value_becomes: fn(&str) -> String,
    pub value_default: fn(AccountField) -> String,
    /// A status or stage slug as the user knows it.
    pub choice_label: fn(AccountField, &str) -> String,
    pub values_title: fn(&str) -> String,
    pub value: &'static str,
    pub rows: &'static str,
    pub becomes: &'static str,
    pub other_values: fn(usize, AccountField) -> String,

    pub deals_title: fn(&str) -> String,
    pub deals_mapping_help: &'static str,
    /// Accounts that got a deal history, whitespace cells marked in use from it.
    pub deals_imported: fn(usize, usize) -> String,
    pub not_used: &'static str,
    pub deal_field: fn(DealField) -> &'static str,
    pub deal_missing: fn(DealField) -> String,
    pub stages_title: &'static str,
    pub stage_default: &'static str,
    pub deal_stage: fn(DealStage) -> &'static str,
    pub date_order: &'static str,
    pub day_first: &'static str,
    pub month_first: &'static str,
    /// The currency the deal values are marked with, the portfolio's.
    pub deal_currency: fn(Currency, Currency) -> String,
    /// Deals read, accounts matched, deals matched, rows refused.
    pub deal_tally: fn(usize, usize, usize, usize) -> String,
    pub deal_refused: fn(usize, DealProblem) -> String,
    pub unmatched_title: &'static str,
    pub unmatched_help: &'static str,
    /// Name, deals, won.
    pub unmatched_line: fn(&str, usize, &str) -> String,
    pub more_accounts: fn(usize) -> String,
    pub set_revenue: &'static str,
    pub add_deals: fn(usize) -> String,

    pub deals_panel: &'static str,
    pub deals_as_of: fn(&str) -> String,
    pub won_last: &'static str,
    pub won_prior: &'static str,
    pub growth_title: &'static str,
    /// A change as a share: "+33 %".
    pub growth: fn(f64) -> String,
    pub no_growth: &'static str,
    pub products: &'static str,
    pub pipeline: &'static str,
    pub pipeline_value: fn(&str, u32) -> String,
    pub quarters_title: &'static str,
    pub quarters_caption: &'static str,
    pub quarter: fn(i32, u32) -> String,
    pub use_as_revenue: fn(&str) -> String,
    pub use_as_revenue_help: &'static str,
    pub revenue_set: fn(&str) -> String,
    pub extra_title: &'static str,
    /// The criterion's why: won in the last 12 months, the 12 before, growth.
    pub why_deals: fn(&str, &str, Option<f64>) -> String,
    /// What the deals suggest, with the figures.
    pub evidence: fn(bool, &str) -> String,
    pub evidence_growth: fn(&str, &str, &str) -> String,
    pub evidence_quarters: fn(usize) -> String,
    pub take_answer: fn(bool) -> String,
}

/// The method page: the method in the app's own words, and the "Why?" links to it.
/// Starting a plan from a template or from another plan.
pub struct TemplateTexts {
    pub title: &'static str,
    pub help: &'static str,
    pub name: fn(crate::domain::template::Template) -> &'static str,
    pub blurb: fn(crate::domain::template::Template) -> &'static str,
    pub words: fn(crate::domain::template::Template) -> crate::domain::template::TemplateWords,
    /// "Start as Expand".
    pub use_it: fn(&str) -> String,
    pub copy_label: &'static str,
    pub copy_none: &'static str,
    pub copy_button: &'static str,
    /// What a start added: (objectives, actions, KPIs).
    pub started: fn(usize, usize, usize) -> String,
    /// The team's own templates.
    pub own_title: &'static str,
    /// What an own template holds: (objectives, actions, KPIs).
    pub own_blurb: fn(usize, usize, usize) -> String,
    /// "Start from Renewal year".
    pub use_own: fn(&str) -> String,
    /// "Remove the template Renewal year".
    pub remove_own: fn(&str) -> String,
    pub removed_own: fn(&str) -> String,
    pub save: &'static str,
    pub save_help: &'static str,
    pub name_label: &'static str,
    pub save_button: &'static str,
    pub cancel: &'static str,
    pub saved: fn(&str) -> String,
    pub save_problem: fn(crate::domain::template::SaveProblem) -> String,
}

/// The quarterly review as a record, the score history and the top movers.
pub struct HeldTexts {
    pub title: &'static str,
    pub help: &'static str,
    pub start: &'static str,
    /// "Review of 29 November 2026 started …".
    pub started: fn(&str) -> String,
    pub full: &'static str,
    pub none: &'static str,
    pub field: fn(crate::domain::reviews::NotesField) -> &'static str,
    /// "Review of 29 November 2026".
    pub review_of: fn(&str) -> String,
    pub notes_hint: &'static str,
    pub list_title: &'static str,
    pub col_day: &'static str,
    pub col_reviewer: &'static str,
    pub col_score: &'static str,
    pub col_tier: &'static str,
    pub col_health: &'static str,
    pub col_decisions: &'static str,
    /// The label of the button that opens a review: "Open the review of 29 November 2026".
    pub open: fn(&str) -> String,
    pub compare_title: &'static str,
    pub compare_from: &'static str,
    pub compare_to: &'static str,
    pub now: &'static str,
    /// "Since the review of 19 November 2026" / "From the review of … to the review of …".
    pub since: fn(&str) -> String,
    pub between: fn(&str, &str) -> String,
    pub score_moved: fn(Option<u8>, Option<u8>) -> String,
    pub tier_moved: fn(&str, &str) -> String,
    pub health_moved: fn(u8, u8) -> String,
    pub kpis: &'static str,
    /// (name, then, now, moved the right way).
    pub kpi_moved: fn(&str, &str, &str, Option<bool>) -> String,
    pub actions_done: &'static str,
    pub actions_added: &'static str,
    pub actions_overdue: &'static str,
    pub objectives: &'static str,
    /// (objective, status then, status now); none: added or removed.
    pub objective_moved: fn(&str, Option<&str>, Option<&str>) -> String,
    pub needs_won: &'static str,
    pub needs_lost: &'static str,
    pub needs_new: &'static str,
    pub nothing: &'static str,
    pub history_title: &'static str,
    pub history_empty: &'static str,
    /// (score now, the first day shown, the change since).
    pub history_summary: fn(Option<u8>, &str, Option<i32>) -> String,
    pub movers_title: &'static str,
    pub movers_help: &'static str,
    pub movers_none: &'static str,
    /// (score then, score now).
    pub mover_scores: fn(Option<u8>, Option<u8>) -> String,
    pub since_review: fn(&str) -> String,
    pub since_day: fn(&str) -> String,
    /// The what-if table's column: how the score moved over the last 90 days.
    pub col_recent: &'static str,
    pub recent: fn(Option<i32>) -> String,
}

/// The printed one-page plan.
pub struct SheetTexts {
    pub print: &'static str,
    pub print_slide: &'static str,
    /// "Account plan Cartech".
    pub title: fn(&str) -> String,
    /// "Printed 29 November 2026".
    pub printed_on: fn(&str) -> String,
    /// "Last reviewed 19 November 2026 by Marco Visser" (no "by" without a name).
    pub last_reviewed: fn(&str, &str) -> String,
    pub owner: fn(&str) -> String,
    /// "Score 78 of 100".
    pub score: fn(u8) -> String,
    pub unrated: &'static str,
    pub why: &'static str,
    /// "Rated high on product fit and strategic value."
    pub strengths: fn(&[&str]) -> String,
    pub no_strengths: &'static str,
    pub decided: fn(&str) -> String,
    pub key_since: fn(&str) -> String,
    pub revenue: fn(&str) -> String,
    pub potential: fn(&str) -> String,
    pub commitments: &'static str,
    pub people: &'static str,
    pub needs: &'static str,
    pub last_met: fn(&str) -> String,
    /// Under a list cut short: "+3 more in Keystone".
    pub more: fn(usize) -> String,
    /// At the foot of a page that left something off.
    pub continued: &'static str,
    pub due: fn(&str) -> String,
}

pub struct MethodTexts {
    pub nav: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    /// The table of contents' heading.
    pub contents: &'static str,
    /// A topic's heading and its paragraphs.
    pub topic: fn(crate::ui::route::Topic) -> (&'static str, &'static [&'static str]),
    /// The short link from a criterion, a step or a quadrant to its topic.
    pub why: &'static str,
    /// What that link opens, for screen readers and as its tooltip.
    pub why_title: fn(crate::ui::route::Topic) -> String,
}
