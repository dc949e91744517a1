//! The message catalog: every user-facing string of the app lives here, never in a
//! component. A catalog is a plain struct of texts and formatting functions, so adding
//! Dutch means writing one more `const Texts` and nothing else.

mod en;

use crate::domain::account::{Field, Problem, Status};
use crate::domain::criteria::{Criterion, Question};
use crate::domain::scoring::{Basis, Tier};

pub use en::EN;

/// The catalog in use. A language switch would choose between catalogs here.
pub fn t() -> &'static Texts {
    &EN
}

pub struct Texts {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub nav_accounts: &'static str,
    pub nav_add: &'static str,
    pub main_nav: &'static str,

    pub empty_title: &'static str,
    pub empty_body: &'static str,
    pub add_account: &'static str,
    pub load_sample: &'static str,
    pub sample_loaded: &'static str,

    pub ranking_title: &'static str,
    pub ranking_intro: &'static str,
    pub col_rank: &'static str,
    pub col_account: &'static str,
    pub col_sector: &'static str,
    pub col_owner: &'static str,
    pub col_revenue: &'static str,
    pub col_revenue_rank: &'static str,
    pub col_score: &'static str,
    pub col_tier: &'static str,
    pub sort_by: fn(&str) -> String,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub filter_sector: &'static str,
    pub filter_owner: &'static str,
    pub filter_tier: &'static str,
    pub filter_all: &'static str,
    pub clear_filters: &'static str,
    pub no_matches: &'static str,
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
    pub chart_total: fn(u8) -> String,

    pub form_new_title: &'static str,
    pub form_edit_title: &'static str,
    pub save: &'static str,
    pub save_account: &'static str,
    pub cancel: &'static str,
    pub saved: &'static str,
    pub form_has_errors: fn(usize) -> String,

    pub score_title: &'static str,
    pub score_label: &'static str,
    pub incomplete_help: &'static str,
    pub rating_label: fn(&str) -> String,
    pub rating_suggested_option: fn(Option<u8>) -> String,
    pub suggested: fn(Option<u8>) -> String,
    pub overridden: fn(u8) -> String,
    pub points: fn(f64, u8) -> String,
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
    pub restored: fn(&str) -> String,

    pub account_missing: &'static str,
    pub page_missing: &'static str,
    pub back_to_accounts: &'static str,
    pub account_gone_on_save: &'static str,

    pub storage_unreadable: fn(&str, &str) -> String,
    pub storage_write_failed: fn(&str) -> String,
    pub storage_unavailable: &'static str,

    pub created: fn(&str) -> String,
    pub updated: fn(&str) -> String,

    pub field_label: fn(Field) -> &'static str,
    pub problem: fn(Problem) -> String,
    pub criterion: fn(Criterion) -> &'static str,
    pub criterion_help: fn(Criterion) -> &'static str,
    pub question: fn(Question) -> &'static str,
    pub basis: fn(Criterion, Basis) -> String,
    pub tier: fn(Tier) -> &'static str,
    pub status: fn(Status) -> &'static str,
    pub money: fn(f64) -> String,
}
