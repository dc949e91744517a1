//! English texts.

use super::{
    CrmTexts, GroupTexts, HeldTexts, MethodTexts, PeopleTexts, PlanTexts, PortfolioTexts, RateTexts, ShareTexts,
    SheetTexts, TemplateTexts, Texts, WhitespaceTexts,
};
use crate::domain::account::{AccountField, Stage, Status};
use crate::domain::criteria::{Criterion, Question};
use crate::domain::deals::{DealField, DealProblem, DealStage};
use crate::domain::groups::GroupProblem;
use crate::domain::merge::Change;
use crate::domain::money::Currency;
use crate::domain::plan::{
    ActionField, ActionStatus, AgreementField, Band, Direction, HealthPart, KpiField, KpiKind, MeasurementField,
    MeetingField, NeedField, NeedStatus, ObjectiveField, ObjectiveStatus, Perspective, PlanPart, PromotionField,
    Quadrant, ReviewField, SwotField, Team, Trend,
};
use crate::domain::portfolio::Quadrant as Cell;
use crate::domain::scoring::{Basis, Tier};
use crate::domain::share::ImportError;
use crate::domain::spreadsheet::{CsvError, ExportColumn, Target};
use crate::domain::spreadsheet::{Scale, TextEncoding};
use crate::domain::stakeholder::{Attitude, BuyingRole, Gap, StakeholderField};
use crate::domain::sync::RecordKind;
use crate::domain::template::{Template, TemplateWords};
use crate::domain::validate::Problem;
use crate::domain::views::ranking::Column;
use crate::domain::views::review::FieldName;
use crate::domain::whitespace::{CellStatus, OfferingField};
use crate::domain::workspace::DecodeError;
use crate::storage::WriteError;
use crate::ui::route::{Section, Topic};

pub const EN: Texts = Texts {
    app_name: "Keystone",
    tagline: "Key account management",
    nav_accounts: "Accounts",
    nav_add: "Add account",
    menu: "Menu",
    main_nav: "Main",

    empty_title: "Find the accounts that deserve key-account treatment",
    empty_body: "Add your accounts, rate them on five criteria and see which few deserve a key-account plan. \
                 Everything stays in this browser. Not sure where to start? Load the sample portfolio and see \
                 why the biggest customer is not always the best key account.",
    show_more: |next, left| format!("Show {next} more ({left} not shown)"),
    list: |parts| parts.iter().filter(|p| !p.is_empty()).map(String::as_str).collect::<Vec<_>>().join(" · "),
    field_value: |label, value| format!("{label}: {value}"),
    date: |d| {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let (y, m, day) = d.ymd();
        format!("{day} {} {y}", MONTHS[(m as usize).clamp(1, 12) - 1])
    },
    date_placeholder: "dd-mm-yyyy",
    pick_date: |field| format!("{field}: pick from a calendar"),
    date_long: |d| {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let (y, m, day) = d.ymd();
        format!("{day} {} {y}", MONTHS[(m as usize).clamp(1, 12) - 1])
    },
    date_time: |d, h, m| format!("{} {h:02}:{m:02}", (EN.date)(d)),
    percent: |share| format!("{:.0} %", share * 100.0),
    percent_sign: "%",
    number: group_decimal,
    number_short: crate::charts::short_number,
    form_clash: |fields| {
        format!(
            "Another tab changed {} meanwhile; your value replaced it. Check that this is what you want.",
            fields.join(", ")
        )
    },
    add_account: "Add account",
    load_sample: "Load sample portfolio",
    sample_loaded: "Sample portfolio loaded.",

    ranking_title: "Ranked accounts",
    ranking_intro: "Ranked on all five criteria. Compare the rank with the revenue rank: \
                    revenue alone never picks a key account.",
    column: |c| match c {
        Column::Rank => "Rank",
        Column::Name => "Account",
        Column::Sector => "Sector",
        Column::Owner => "Owner",
        Column::Revenue => "Revenue",
        Column::RevenueRank => "Revenue rank",
        Column::Score => "Score",
        Column::Tier => "Tier",
        Column::Plan => "Plan",
    },
    col_account: "Account",
    col_tier: "Tier",
    shift_mark: |places| if places > 0 { format!("▲{places}") } else { format!("▼{}", -places) },
    shift_title: |places| match places {
        1 => "1 place higher than by revenue alone".into(),
        p if p > 0 => format!("{p} places higher than by revenue alone"),
        -1 => "1 place lower than by revenue alone".into(),
        p => format!("{} places lower than by revenue alone", -p),
    },
    sort_by: |col| format!("Sort by {}", col.to_lowercase()),
    search_label: "Search by name",
    search_placeholder: "Account name",
    filter_sector: "Sector",
    filter_owner: "Owner",
    filter_tier: "Tier",
    filter_all: "All",
    clear_filters: "Clear filters",
    no_matches: "No account matches these filters.",
    group_by_parent: "Group by parent account",
    group_heading: |parent, n, revenue, potential, whitespace| {
        format!("Group {parent} · {n} accounts · revenue {revenue} · potential {potential} · whitespace {whitespace}")
    },
    showing: |shown, total| {
        if shown == total {
            format!("{total} accounts")
        } else {
            format!("{shown} of {total} accounts")
        }
    },
    not_ranked: "–",

    weights_title: "Criteria weights",
    weights_help: "How much each criterion counts. Change one and the others adjust so the total stays 100 %.",
    weight_label: |criterion| format!("{criterion} weight"),
    weights_total: |sum| format!("Total {sum} %"),
    reset_defaults: "Reset to defaults",
    thresholds_title: "Tiers",
    threshold_key: "Key account from score",
    threshold_watch: "Watch from score",
    threshold_key_range: "The key-account threshold must be between 1 and 100.",
    threshold_watch_below_key: "The watch threshold must be above 0 and below the key-account threshold.",
    whole_number_0_100: "Enter a whole number from 0 to 100.",

    chart_rank_title: "Rank by revenue vs rank by score",
    chart_rank_caption: "Each line joins an account's rank by revenue (left) to its rank by score (right). \
                         Green lines rise when all five criteria count; red lines fall.",
    chart_by_revenue: "By revenue",
    chart_by_score: "By score",
    chart_contrib_title: "What makes up the score",
    chart_contrib_caption: "Each bar shows the points a criterion adds, out of the most its weight allows.",

    form_new_title: "Add account",
    form_edit_title: "Details",
    save: "Save",
    save_account: "Save account",
    cancel: "Cancel",
    saved: "Saved.",
    save_state: |s| {
        use crate::ui::components::form::SaveState;
        match s {
            SaveState::Idle => String::new(),
            SaveState::Pending => "Saving…".into(),
            SaveState::Saved => "Saved".into(),
            SaveState::Invalid(1) => "Not saved: one field needs attention.".into(),
            SaveState::Invalid(n) => format!("Not saved: {n} fields need attention."),
            SaveState::Gone => "This was deleted meanwhile; nothing was saved.".into(),
            SaveState::TabOnly => "Kept in this tab only: the browser could not store it (see above).".into(),
        }
    },
    leave_title: "Leave without saving?",
    leave_body: |what| {
        format!("What you typed here is not saved yet ({}). If you leave now, it is lost.", what.join(", "))
    },
    leave_anyway: "Leave without saving",
    stay: "Stay",
    tie_mark: "=",
    tie_title: "Another account has the same score. The exact score decides the order, then revenue, then name.",
    shift_note: |c, was, higher, added, since| {
        let what = match c {
            Criterion::RevenueVolume => "revenue",
            Criterion::RevenuePotential => "revenue potential",
            _ => "lifetime value",
        };
        let accounts = |n: usize| if n == 1 { "1 account".to_string() } else { format!("{n} accounts") };
        if higher > 0 {
            format!("Was {was} until {} with higher {what} joined the portfolio (since {since}).", accounts(higher))
        } else {
            format!("Was {was} until {} joined the portfolio (since {since}).", accounts(added))
        }
    },
    tier_title: "Tier",
    follow_score: |tier| format!("As the score says ({})", (EN.tier)(tier)),
    decision_field: |f| match f {
        crate::domain::tier::DecisionField::Tier => "Tier in force",
        crate::domain::tier::DecisionField::Reason => "Why (for colleagues)",
    },
    decision_help: "The score advises; you decide. A decided tier counts everywhere: in the overview, \
                    the matrix filters, exports and the plans list.",
    decided_on: |date, promoted| {
        if promoted {
            format!("Decided by promoting the account to key account on {date}.")
        } else {
            format!("Decided on {date}.")
        }
    },
    form_has_errors: |n| {
        if n == 1 {
            "One field needs attention; nothing was saved.".into()
        } else {
            format!("{n} fields need attention; nothing was saved.")
        }
    },

    score_label: "Score",
    incomplete_help: "Rate every criterion (answer its checklist or set a rating) to get a score.",
    rating_label: |criterion| format!("{criterion} rating"),
    rating_suggested_option: |s| match s {
        Some(r) => format!("Suggested ({r})"),
        None => "Suggested (none yet)".into(),
    },
    suggested: |s| match s {
        Some(r) => format!("Suggested {r} / 5"),
        None => "No suggestion yet".into(),
    },
    overridden_with_suggestion: |r, s| match s {
        Some(s) => format!("Set by you: {r} / 5 (suggested {s} / 5)"),
        None => format!("Set by you: {r} / 5 (no suggestion yet)"),
    },
    ranks_line: |rank, revenue_rank| {
        let n = |x: Option<u32>| x.map_or_else(|| "–".to_string(), |x| x.to_string());
        format!("Rank {} · Revenue rank {}", n(rank), n(revenue_rank))
    },
    points: |p, max| format!("{p:.1} of {max} points"),
    suggested_rating: "as suggested",
    checklist: "Checklist",
    answer_yes: "Yes",
    answer_no: "No",
    answer_none: "Not answered",

    delete_account: "Delete account",
    confirm_delete_title: |name| format!("Delete {name}?"),
    confirm_delete_body:
        "The account, its ratings, checklist answers and plan are removed. You can undo this right after.",
    confirm_delete: "Delete",
    deleted: |name| format!("Deleted {name}."),
    undo: "Undo",
    dismiss: "Dismiss",
    update_ready: "A new version of Keystone is ready. Your work is saved and comes along.",
    update_now: "Reload to update",
    busy: |what, done, total| format!("{what} {} %", done * 100 / total.max(1)),
    applying_import: "Applying the import…",
    saving_changes: "Saving your changes…",
    restored: |name| format!("Restored {name}."),

    account_missing: "This account does not exist. It may have been deleted.",
    page_missing: "There is no page at this address.",
    back_to_accounts: "Back to accounts",
    account_gone_on_save: "This account was deleted meanwhile; nothing was saved.",

    storage_unreadable: |reason, backup| {
        format!(
            "The data stored in this browser could not be read ({reason}). A copy was kept unchanged \
             under \u{201c}{backup}\u{201d}. Nothing you do here is saved over it until you choose \
             \u{201c}Start afresh\u{201d}; download the data first to keep it."
        )
    },
    storage_unreadable_no_backup: |reason| {
        format!(
            "The data stored in this browser could not be read ({reason}), and there was no room for a \
             backup copy. Nothing you do here is saved over it until you choose \u{201c}Start afresh\u{201d}; \
             download the data first to keep it."
        )
    },
    download_unreadable: "Download the unreadable data",
    start_afresh: "Start afresh",
    tab_clash: |items| {
        format!(
            "Another tab changed the same things as this one meanwhile. Its version was kept for: {}. \
             Check them and change them again if needed.",
            items.join(", ")
        )
    },
    tab_clash_item: |name, field| match (name, field) {
        ("", _) => "scoring settings".into(),
        (name, "") => name.to_string(),
        (name, field) => format!("{name} ({field})"),
    },
    storage_write_failed: |reason| {
        format!("Your last change could not be saved in this browser ({reason}). It is kept in this tab only.")
    },
    storage_unavailable: "This browser does not allow the app to store data; changes are kept in this tab only.",
    storage_full: "This browser's storage for Keystone is full, so your latest changes are kept in this tab only. \
                   Export now to keep them safe, then make room, for example by deleting accounts you no longer need.",
    export_now: "Export now",
    storage_meter: |used, quota, persistent| {
        let pct = (used as f64 * 100.0 / quota.max(1) as f64).ceil() as usize;
        let kept = match persistent {
            Some(true) => " The browser keeps this data even when disk space runs low.",
            Some(false) => " The browser may clear this data when disk space runs low: export regularly.",
            None => "",
        };
        format!("Keystone uses {pct} % of the storage this browser allows it.{kept}")
    },
    storage_needed: |needed, quota| {
        format!(
            "The work in this tab needs {:.1} million characters of storage; this browser allows Keystone {:.1} million. \
             Export it now, then make room.",
            needed as f64 / 1e6,
            quota as f64 / 1e6
        )
    },
    your_data: "Your data",
    crash_title: "Keystone stopped working",
    crash_body: "Something went wrong inside the app. Your data is still stored in this browser. \
                 Download a copy to be safe, then reload the page.",
    crash_body_unsaved: "Something went wrong inside the app. Your latest changes could not be stored in this \
                         browser (its storage was full), so the stored copy is from before them. Download it to \
                         be safe, then reload the page.",
    crash_download: "Download my data",
    crash_reload: "Reload",
    crash_detail: "Technical detail",

    stamps: |created, updated| format!("Added {created} · updated {updated}"),

    account_field: |f| match f {
        AccountField::Name => "Name",
        AccountField::Sector => "Sector",
        AccountField::Region => "Country / region",
        AccountField::Owner => "Account owner",
        AccountField::Status => "Status",
        AccountField::Stage => "Relationship stage",
        AccountField::Revenue => "Current annual revenue",
        AccountField::Potential => "Revenue potential (extra per year within ~3 years)",
        AccountField::Margin => "Gross margin (%)",
        AccountField::RelationshipYears => "Expected relationship (years)",
        AccountField::CustomerSince => "Customer since (year)",
        AccountField::Notes => "Notes",
        AccountField::CrmId => "CRM id",
    },
    decode_error: |e| match e {
        DecodeError::Invalid { line, column, message } => {
            format!("it is not valid workspace data (line {line}, column {column}: {message})")
        }
        DecodeError::NoVersion => "it has no format version, so it is not a Keystone workspace".into(),
        DecodeError::Newer { found, supported } => {
            format!("it was written by a newer Keystone (format {found}; this one reads up to {supported})")
        }
        DecodeError::TooMany(n) => format!("it holds {n} accounts, more than this app accepts"),
    },
    write_error: |e| match e {
        WriteError::Refused(name) => format!("the browser refused the write ({name})"),
        WriteError::Mismatch => "the stored copy did not match what was written".into(),
    },
    problem: |p| match p {
        Problem::Required => "This field is required.".into(),
        Problem::NotANumber => "Enter a number, such as 1250000 or 1.250.000.".into(),
        Problem::NotAWholeNumber => "Enter a year as a whole number, such as 2019.".into(),
        Problem::TooLarge => "This number is too large.".into(),
        Problem::Negative => "Enter zero or more.".into(),
        Problem::OutOfRange { min, max } => format!("Enter a value from {min} to {max}."),
        Problem::InFuture { max } => format!("The year cannot be after {max}."),
        Problem::TooLong { max } => format!("Keep this under {max} characters."),
        Problem::NotInList => "Choose one of the options in the list.".into(),
        Problem::NotADate => "Enter a date as day, month and year, for example 28-11-2026 or 28 Nov 2026.".into(),
        Problem::NoSuchDay => "That day does not exist: check the day and the month.".into(),
        Problem::DateOutOfRange => "Enter a date between 1900 and 2200.".into(),
        Problem::DateInFuture => "This date cannot be in the future.".into(),
        Problem::TargetNotBetter => "The target must be better than the baseline (see 'Better is').".into(),
        Problem::BeforePromotion => "The client cannot have been told before the promotion.".into(),
    },
    criterion: |c| match c {
        Criterion::RevenueVolume => "Revenue volume",
        Criterion::RevenuePotential => "Revenue potential",
        Criterion::LifetimeValue => "Lifetime value",
        Criterion::ProductFit => "Product fit",
        Criterion::StrategicValue => "Strategic value",
    },
    criterion_help: |c| match c {
        Criterion::RevenueVolume => "How much the account buys from us today. Easy to see, never decisive alone.",
        Criterion::RevenuePotential => "How much more it could buy within about three years.",
        Criterion::LifetimeValue => "Whether the business with it is lasting and profitable, not just large.",
        Criterion::ProductFit => "Whether it needs what we offer, and gains more from it than most.",
        Criterion::StrategicValue => {
            "What the relationship brings beyond money: reputation, vision, references, learning."
        }
    },
    question: |q| match q {
        Question::VolumeStable => "Has its revenue with us held steady or grown over recent years?",
        Question::VolumeRecurring => "Does it order regularly, rather than once in a while?",
        Question::PotentialExpansion => "Does it have concrete plans to expand or grow?",
        Question::PotentialWallet => "Does it spend budget on things we offer that we do not yet win?",
        Question::PotentialMarket => "Is its market growing?",
        Question::LtvHealthy => "Is it financially healthy?",
        Question::LtvCompetitive => "Does it hold its own against competitors and market change?",
        Question::LtvMargin => "Do we make a healthy margin on what it buys?",
        Question::LtvLoyal => "Is it likely to stay a customer for many years?",
        Question::FitProfile => "Does it match our ideal customer profile?",
        Question::FitNeeds => "Does it need what we offer?",
        Question::FitBenefit => "Does it benefit more than most customers from what we offer?",
        Question::FitUnderstood => "Do we understand its needs and challenges well?",
        Question::StrategicReputation => "Is its reputation one we are glad to be associated with?",
        Question::StrategicVision => "Does its long-term vision fit ours?",
        Question::StrategicReference => "Would it act as a reference or open doors for us?",
        Question::StrategicFeedback => "Does it give valuable feedback or develop things with us?",
        Question::StrategicMutual => "Are the long-term benefits clear for both sides?",
    },
    basis: |c, b| match b {
        Basis::MissingNumber => match c {
            Criterion::RevenueVolume => "Enter the current annual revenue to get a suggestion.".into(),
            Criterion::RevenuePotential => "Enter the revenue potential to get a suggestion.".into(),
            _ => "Enter revenue, gross margin and expected relationship years to get a suggestion.".into(),
        },
        Basis::Zero => "The figure is zero, so the suggestion is 0.".into(),
        Basis::Portfolio { band, adjustment } => {
            let place = match band {
                5 => "in the top fifth of the portfolio",
                4 => "in the second fifth of the portfolio",
                3 => "in the middle fifth of the portfolio",
                2 => "in the fourth fifth of the portfolio",
                _ => "in the bottom fifth of the portfolio",
            };
            let what = match c {
                Criterion::RevenueVolume => "Revenue is",
                Criterion::RevenuePotential => "Potential is",
                _ => "Lifetime value (revenue × margin × years) is",
            };
            let checklist = match (c, adjustment) {
                (_, 0) => String::new(),
                (Criterion::LifetimeValue, a) => format!(" Sustainability concerns take {} off.", -a),
                (_, a) if a > 0 => " The checklist adds one.".into(),
                _ => " The checklist takes one off.".into(),
            };
            format!("{what} {place} ({band}).{checklist}")
        }
        Basis::Checklist { yes, total } => format!("{yes} of {total} checklist answers are yes."),
        Basis::ChecklistOpen { answered, total } => {
            format!("Answer all {total} checklist questions to get a suggestion ({answered} answered).")
        }
    },
    tier: |tier| match tier {
        Tier::Key => "Key account",
        Tier::Watch => "Watch",
        Tier::Standard => "Standard",
        Tier::Incomplete => "Incomplete",
    },
    standing_note: |s| match (s.decided, s.overrules()) {
        (false, _) => None,
        (true, false) => Some("decided".into()),
        (true, true) => Some(format!("decided · score says {}", (EN.tier)(s.score_says))),
    },
    status: |s| match s {
        Status::Prospect => "Prospect",
        Status::Customer => "Customer",
        Status::Former => "Former customer",
    },
    money,
    amount_hint: |c| match c {
        Currency::Eur => "In euros. Typing 250k or 1,5 mln works too.",
        Currency::Usd => "In US dollars. Typing 250k or 1.5M works too.",
        Currency::Gbp => "In pounds sterling. Typing 250k or 1.5M works too.",
        Currency::Chf => "In Swiss francs. Typing 250k or 1.5M works too.",
        Currency::Sek => "In Swedish kronor. Typing 250k or 1.5M works too.",
        Currency::Nok => "In Norwegian kroner. Typing 250k or 1.5M works too.",
        Currency::Dkk => "In Danish kroner. Typing 250k or 1.5M works too.",
        Currency::Pln => "In Polish złoty. Typing 250k or 1.5M works too.",
    },
    plan: PLAN,
    share: SHARE,
    portfolio: PORTFOLIO,
    crm: CRM,
    rate: RATE,
    people: PEOPLE,
    groups: GROUPS,
    whitespace: WHITESPACE,
    method: METHOD,
    sheet: SHEET,
    template: TEMPLATE,
    held: HELD,
};

const PORTFOLIO: PortfolioTexts = PortfolioTexts {
    coverage_title: "Relationship coverage",
    coverage_none: "Every planned or mapped account is well covered.",
    nav_overview: "Overview",
    nav_portfolio: "Portfolio",
    stage: |s| match s {
        Stage::Exploratory => "1 Exploratory",
        Stage::Basic => "2 Basic",
        Stage::Cooperative => "3 Cooperative",
        Stage::Interdependent => "4 Interdependent",
        Stage::Integrated => "5 Integrated",
    },
    stage_none: "Not assessed",
    stage_help: "How strong we are in the account: from first contacts (1) to one team with the customer (5).",
    quadrant: |q| match q {
        Cell::Strategic => "Strategic",
        Cell::Star => "Star",
        Cell::Status => "Status",
        Cell::Streamline => "Streamline",
    },
    stance: |q| match q {
        Cell::Strategic => "Invest: attractive, and we are strong there.",
        Cell::Star => "Invest to build: attractive, but our relationship is still weak.",
        Cell::Status => "Maintain: we are strong, the account offers less ahead.",
        Cell::Streamline => "Manage for profitability: serve efficiently.",
    },

    matrix_title: "Portfolio matrix",
    matrix_help: "Up: how attractive the account is ahead — revenue potential, lifetime value, product fit and \
                  strategic value, with your weights. Right: our relationship stage. Bubble area: current revenue.",
    axis_attractiveness: "Attractiveness",
    axis_strength: "Our strength (relationship stage)",
    matrix_label: "Portfolio matrix: accounts by attractiveness and relationship stage; the list beside it names them.",
    matrix_empty:
        "No account can be placed yet. Give accounts a relationship stage on their page and rate their criteria.",
    unplaced: |n| match n {
        1 => "1 account is not on the matrix: it has no relationship stage or an unrated criterion.".into(),
        n => format!("{n} accounts are not on the matrix: they have no relationship stage or an unrated criterion."),
    },
    bubble: |name, a, stage| format!("{name} · attractiveness {a:.0} · {stage}"),
    list_title: "Accounts by quadrant",
    none_here: "None",

    overview_title: "Overview",
    tile_accounts: "Accounts",
    tier_counts: |key, watch, standard, incomplete| {
        let mut s = format!("{key} key · {watch} watch · {standard} standard");
        if incomplete > 0 {
            s.push_str(&format!(" · {incomplete} incomplete"));
        }
        s
    },
    tile_key_share: "Revenue from key accounts",
    key_share_detail: |key, total| format!("{key} of {total}"),
    tile_concentration: "Revenue concentration",
    concentration_detail: |n| match n {
        1 => "brought by the top 20 % of accounts (1 account)".into(),
        n => format!("brought by the top 20 % of accounts ({n} accounts)"),
    },
    tile_open_needs: "Open future needs",
    open_needs_detail: |plans| match plans {
        1 => "in 1 plan".into(),
        n => format!("across {n} plans"),
    },
    attention_title: "Plans needing attention",
    attention_none: "No plan needs attention: nothing overdue, off target or stale.",
    attention_reasons: |overdue, off, stale, review| {
        let mut parts = Vec::new();
        match overdue {
            0 => {}
            1 => parts.push("1 overdue action".to_string()),
            n => parts.push(format!("{n} overdue actions")),
        }
        match off {
            0 => {}
            1 => parts.push("1 KPI off target".to_string()),
            n => parts.push(format!("{n} KPIs off target")),
        }
        if review {
            parts.push("review overdue".into());
        }
        if stale {
            parts.push("not updated for a long time".into());
        }
        parts.join(" · ")
    },
    reviews_title: |days| format!("Reviews in the next {days} days"),
    reviews_none: "No plan review is due soon.",
    review_due: |date, days| match days {
        d if d < 0 => format!("{date} · overdue by {} days", -d),
        0 => format!("{date} · today"),
        1 => format!("{date} · tomorrow"),
        d => format!("{date} · in {d} days"),
    },
    open_matrix: "Open the portfolio matrix",
    open_what_if: "Try other weights",

    what_if_title: "What if…",
    what_if_help: "Try other weights and thresholds here. Nothing changes for real until you apply them; \
                   Discard goes back to the settings in use.",
    before: "Now",
    after: "With these settings",
    apply: "Apply these settings",
    discard: "Discard",
    applied: "The new settings are in use.",
    unchanged_settings: "Change a weight or threshold to see how the ranking would move.",
    moved: |n| match n {
        0 => "no change".into(),
        n if n > 0 => format!("up {n}"),
        n => format!("down {}", -n),
    },
    move_mark: |n| match n {
        n if n > 0 => "▲ ",
        n if n < 0 => "▼ ",
        _ => "",
    },
    moves_summary: |up, down| format!("{up} accounts would rise, {down} would fall."),
    col_account: "Account",
    col_before: "Rank now",
    col_after: "Rank then",
    col_move: "Move",
    chart_title: "Rank now against rank with the new settings",
};

const SHARE: ShareTexts = ShareTexts {
    nav: "Share",
    title: "Share with colleagues",
    intro: "Export your work to a file and pass it on. Importing a colleague's file shows every difference \
            first and merges record by record: nothing of yours is replaced without your say.",
    name_field: |_| "Your name",
    your_name_help: "Shown to colleagues in the files you export.",
    export_title: "Export",
    export_all: "Export workspace",
    export_selected: |n| if n == 1 { "Export 1 account".into() } else { format!("Export {n} accounts") },
    choose_accounts: "Or choose accounts to export (with their scores and plans):",
    exported: |file| format!("Saved {file}."),
    download_failed: "This browser did not let Keystone save the file.",
    unreadable_file: "the file could not be read as text",
    import_title: "Import",
    import_help: "Choose a Keystone file, drop it here, or paste its contents.",
    choose_file: "Import file",
    drop_here: "Drop a Keystone file here",
    paste_label: "Or paste the file's contents",
    review_paste: "Review pasted import",
    reading: "Reading the file…",
    checking: |bytes| format!("Checking the file ({} KB)…", bytes.div_ceil(1024)),
    rejected: |why| format!("This file was not imported: {why}. Nothing was changed."),
    review_title: |who, when| {
        if who.is_empty() {
            format!("Review the import (exported {when})")
        } else {
            format!("Review the import from {who} (exported {when})")
        }
    },
    review_help: "Nothing has changed yet. Check each difference; the choices are preset to keep your changes \
                  and take theirs. Then apply, or cancel.",
    nothing_new: "This file holds nothing you do not have already.",
    apply: "Apply import",
    cancel_import: "Cancel import",
    applied: |n| if n == 1 { "Imported 1 change.".into() } else { format!("Imported {n} changes.") },
    cancelled: "Import cancelled. Nothing was changed.",
    undone: "Import undone.",
    deletions_title: "Deletions remembered",
    deletions: |n, old| {
        let n_text = if n == 1 { "1 deletion is".to_string() } else { format!("{n} deletions are") };
        format!(
            "{n_text} remembered, so that an older file from a colleague cannot bring deleted accounts back. \
             {old} of them are older than six months."
        )
    },
    forget_old: "Forget deletions older than six months",
    forget_body: "Colleagues who have not imported your files for more than six months could then bring those \
                  accounts back with an old file. Everyone else is not affected.",
    forget_confirm: "Forget them",
    forgotten: |n| if n == 1 { "Forgot 1 old deletion.".into() } else { format!("Forgot {n} old deletions.") },
    backups_title: "Copies of unreadable data",
    backups_help: "When the stored data could not be read, Keystone kept a copy before starting afresh.",
    backup_line: |when, chars| format!("{when} · {} KB", chars.div_ceil(1024)),
    backup_file: |day| format!("keystone-unreadable-{day}.txt"),
    backup_download: "Download",
    backup_delete: "Delete",
    backup_delete_title: "Delete this copy?",
    backup_delete_body: "The copy of the unreadable data is removed from this browser for good. Download it first if \
                         you may need it.",
    undo_title: "Undo this change to many accounts?",
    undo_body: |removed, restored, kept, scoring| {
        let names = |v: &[String]| {
            let shown: Vec<&str> = v.iter().take(5).map(String::as_str).collect();
            let more = v.len().saturating_sub(5);
            if more > 0 {
                format!("{} and {more} more", shown.join(", "))
            } else {
                shown.join(", ")
            }
        };
        let mut parts = Vec::new();
        match removed.len() {
            0 => {}
            1 => parts.push(format!("This takes out the account it added ({}).", names(removed))),
            n => parts.push(format!("This takes out the {n} accounts it added ({}).", names(removed))),
        }
        match restored.len() {
            0 => {}
            1 => parts.push(format!("It puts back the account it changed ({}) as it was.", names(restored))),
            n => parts.push(format!("It puts back the {n} accounts it changed as they were ({}).", names(restored))),
        }
        if scoring {
            parts.push("The settings (weights, tiers, the catalogue of offerings) go back to what they were.".into());
        }
        if !kept.is_empty() {
            parts.push(format!(
                "You changed {} since: {} stay as they are now.",
                names(kept),
                if kept.len() == 1 { "it will" } else { "they will" }
            ));
        }
        if parts.is_empty() {
            parts.push("Nothing of it is left to undo.".into());
        }
        parts.join(" ")
    },
    undo_confirm: "Undo the change",
    undo_keep: "Keep the change",
    add: "Add",
    skip: "Skip",
    me: "Me",
    colleague: "Colleague",
    record_title: |kind, name| format!("{} · {name}", (SHARE.kind)(kind)),
    choice_for: |title| format!("Use {title}"),
    choice_for_field: |title, field| format!("Use {title} · {field}"),
    shown: |v, c| super::shown_in(&EN, v, c),
    keep_mine: "Keep mine",
    all_mine: |what| format!("Keep all mine for {what}"),
    all_theirs: |what| format!("Take all theirs for {what}"),
    take_theirs: "Take theirs",
    take_both: "Combine both",
    col_field: "Field",
    col_mine: "Mine",
    col_theirs: "Theirs",
    col_choice: "Use",
    decided: |conflict| if conflict { "changed on both sides" } else { "" },
    change: |c| match c {
        Change::New => "New",
        Change::Unchanged => "Unchanged",
        Change::ChangedThere => "Changed there",
        Change::ChangedHere => "Changed here",
        Change::ChangedBoth => "Changed on both sides",
        Change::Conflict => "Conflict",
        Change::DeletedThere => "Deleted there",
    },
    kind: |k| match k {
        RecordKind::Account => "Account",
        RecordKind::Plan => "Plan",
        RecordKind::Scoring => "Scoring settings",
        RecordKind::Catalogue => "Catalogue of offerings",
    },
    field_name: |f| match f {
        FieldName::Account(f) => (EN.account_field)(*f).into(),
        FieldName::Assessment => "Checklist and ratings".into(),
        FieldName::Plan(p) => match p {
            PlanPart::Promotion => "Promotion".into(),
            PlanPart::Objectives => "Objectives".into(),
            PlanPart::Actions => "Actions".into(),
            PlanPart::Agreements => "Service agreements".into(),
            PlanPart::Kpis => "KPIs".into(),
            PlanPart::Meetings => "Meetings".into(),
            PlanPart::Needs => "Future needs".into(),
            PlanPart::Swot => "SWOT".into(),
            PlanPart::Review => "Review".into(),
            PlanPart::Reviews => "Reviews held".into(),
        },
        FieldName::Scoring => "Weights, tiers and currency".into(),
        FieldName::Extra => "Fields from the CRM".into(),
        FieldName::Deals => "Deal history".into(),
        FieldName::Stakeholders => "Stakeholders".into(),
        FieldName::Parent => "Parent account".into(),
        FieldName::Whitespace => "Whitespace".into(),
        FieldName::Offerings => "Offerings".into(),
        FieldName::Other(key) => key.replace('_', " "),
    },
    count_line: |counts| {
        counts.iter().map(|(c, n)| format!("{} {n}", (SHARE.change)(*c))).collect::<Vec<_>>().join(" · ")
    },
    error: |e| match e {
        ImportError::TooLarge { max, .. } => format!("the file is larger than {} MB", max / (1024 * 1024)),
        ImportError::NotJson { line, column, .. } => format!("it is not valid JSON (line {line}, column {column})"),
        ImportError::NotKeystone => "it is not a Keystone export".into(),
        ImportError::Newer { found, supported } => {
            format!("it was made by a newer Keystone (format {found}; this one reads up to {supported}); update Keystone first")
        }
        ImportError::Invalid { path, message, line: 0, .. } => format!("{path} is wrong: {message}"),
        ImportError::Invalid { path, message, line, column } => {
            format!("{path} is wrong: {message} (line {line}, column {column})")
        }
    },
    empty_value: "(empty)",
    csv_title: "Spreadsheets",
    csv_help: "Bring accounts in from a CRM or Excel export, or take the ranked list to Excel.",
    separator: "Separator",
    separator_comma: "Comma (most Excel versions)",
    separator_semicolon: "Semicolon (Dutch Excel)",
    export_csv: "Export ranked list (CSV)",
    import_csv: "Import accounts from CSV",
    csv_file_name: |day| format!("keystone-ranking-{day}.csv"),
    export_file_name: |day, selected| match selected {
        None => format!("keystone-{day}.json"),
        Some(1) => format!("keystone-{day}-1-account.json"),
        Some(n) => format!("keystone-{day}-{n}-accounts.json"),
    },
    mapping_title: |file| format!("Import accounts from {file}"),
    mapping_help: "Check what each column becomes: the guesses come from the column names and their values. \
        Nothing changes until you import, and an import can be undone.",
    column_becomes: |header| format!("Column \u{201c}{header}\u{201d} becomes"),
    target: |t| match t {
        Target::Ignore => "(not imported)".into(),
        Target::Field(f) => (EN.account_field)(f).into(),
        Target::Extra => "Keep as extra field".into(),
        Target::Parent => "Parent account (name or CRM id)".into(),
        Target::Rating(c) => format!("{} rating (0–5)", (EN.criterion)(c)),
        Target::Answer(q) => format!("Answer: {}", (EN.question)(q)),
    },
    export_column: |c| match c {
        ExportColumn::Rank => "Rank".into(),
        ExportColumn::Field(AccountField::Name) => "Account".into(),
        ExportColumn::Field(f) => (EN.account_field)(f).into(),
        ExportColumn::RevenueRank => "Revenue rank".into(),
        ExportColumn::Score => "Score".into(),
        ExportColumn::Tier => "Tier".into(),
        // Tagged, so that an import in any language reads them back.
        ExportColumn::Rating(c) => Target::Rating(c).tagged_header(&format!("{} rating", (EN.criterion)(c))),
        ExportColumn::Answer(q) => Target::Answer(q).tagged_header((EN.question)(q)),
    },
    row_problem: |line, field, problem| format!("Line {line}: {field}: {problem}"),
    row_duplicate: |line| {
        format!("Line {line}: repeats an earlier row, or names an account that has another CRM id (skipped)")
    },
    more_problems: |n| format!("and {n} more"),
    skip_problems: "Skip rows with problems",
    fix_or_skip: "Fix the file, or choose to skip rows with problems.",
    csv_error: |e| match e {
        CsvError::TooLarge(bytes) => {
            format!("the file is {} MB; files over 10 MB are refused", bytes.div_ceil(1024 * 1024))
        }
        CsvError::Empty => "the file is empty".into(),
        CsvError::TooManyRows => "the file has more than 50,000 rows".into(),
        CsvError::TooManyColumns => "the file has more than 500 columns".into(),
        CsvError::Malformed { line, .. } => format!("line {line} cannot be read as CSV"),
    },
    no_name_column: "Choose which column holds the account name.",
};

const CRM: CrmTexts = CrmTexts {
    currency_title: "Currency",
    currency_help: "The currency of every amount in this portfolio. Changing it converts nothing: \
        one portfolio, one currency.",
    currency_label: "Currency",
    currency_changed: |c| format!("Amounts are now shown in {}.", (CRM.currency_name)(c)),
    currency_name: |c| match c {
        Currency::Eur => "Euro (EUR)",
        Currency::Usd => "US dollar (USD)",
        Currency::Gbp => "Pound sterling (GBP)",
        Currency::Chf => "Swiss franc (CHF)",
        Currency::Sek => "Swedish krona (SEK)",
        Currency::Nok => "Norwegian krone (NOK)",
        Currency::Dkk => "Danish krone (DKK)",
        Currency::Pln => "Polish złoty (PLN)",
    },
    money_header: |label, c| format!("{label} ({})", c.code()),
    money_short: |v, c| with_currency(&short_amount(v.abs()), v < 0.0, c),
    import_deals: "Import deal history (CSV)",
    deals_help: "A deals or opportunities export (account, stage, close date, value) shows what each account \
        really bought: revenue won per year and per quarter, products, open pipeline.",
    file_facts: |rows, columns, encoding| {
        format!("{rows} rows · {columns} columns · {encoding}", rows = group_thousands(rows as f64))
    },
    encoding: |e| match e {
        TextEncoding::Utf8 => "text in UTF-8",
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => "text in UTF-16",
        TextEncoding::Windows1252 => "text in Windows-1252 (Western European), converted",
    },
    separator_found: "Columns separated by",
    separator_name: |s| match s {
        b',' => "Comma",
        b';' => "Semicolon",
        b'\t' => "Tab",
        b'|' => "Vertical bar",
        _ => "Other",
    },
    no_values: "(empty)",
    amounts_in: "Amounts are in",
    currency_found: |c| format!("The amounts in this file are marked in {}.", (CRM.currency_name)(c)),
    currency_switch: |now, chosen| {
        format!(
            "Your portfolio is in {}; importing switches it to {}. No amount is converted.",
            (CRM.currency_name)(now),
            (CRM.currency_name)(chosen)
        )
    },
    linked: |linked, unlinked| match unlinked {
        0 => format!(" {} put in their group.", accounts(linked)),
        n => format!(
            " {} put in their group; {n} parent{} not found or refused (a group cannot contain itself).",
            accounts(linked),
            if n == 1 { "" } else { "s" }
        ),
    },
    imported: |added, updated| match (added, updated) {
        (a, 0) => format!("Imported {}.", accounts(a)),
        (0, u) => format!("Updated {}.", accounts(u)),
        (a, u) => format!("Imported {} and updated {}.", accounts(a), accounts(u)),
    },
    examples: "Examples",
    valid: "Valid",
    more_columns: |n| format!("{n} more columns, not imported"),
    row_updates: |line, name| format!("Line {line} updates {name}"),
    rows_defaulted: |n, f| match f {
        AccountField::Status => format!(
            "{} with a status not in the list above: they are imported as {} — change that in the list if you like.",
            rows(n),
            (EN.status)(Status::Customer)
        ),
        _ => format!("{} with a value not in the list above: that field stays empty.", rows(n)),
    },
    updates_title: "Accounts this import updates",
    problems_title: "Rows that cannot be imported",
    tally: |t| {
        let parts = [
            (t.new, if t.new == 1 { "1 new account".to_string() } else { format!("{} new accounts", t.new) }),
            (t.update, format!("{} to update", accounts(t.update))),
            (t.unchanged, format!("{} already up to date", accounts(t.unchanged))),
            (t.invalid, format!("{} with problems", rows(t.invalid))),
            (t.duplicate, format!("{} skipped as duplicates", rows(t.duplicate))),
        ];
        let text: Vec<String> = parts.into_iter().filter(|(n, _)| *n > 0).map(|(_, text)| text).collect();
        if text.is_empty() {
            "No rows.".into()
        } else {
            text.join(" · ")
        }
    },
    import_button: |new, update| match (new, update) {
        (0, 0) => "Import".into(),
        (n, 0) => format!("Import {}", accounts(n)),
        (0, u) => format!("Update {}", accounts(u)),
        (n, u) => format!("Import {} and update {u}", accounts(n)),
    },
    scale_preview: |raw, read| format!("\u{201c}{raw}\u{201d} is read as {read}"),
    scale_label: "Amounts are",
    scale: |s| match s {
        Scale::Units => "as written",
        Scale::Thousands => "in thousands",
        Scale::Millions => "in millions",
    },
    looks_scaled: "Every amount is below 10,000 — are they in thousands?",
    valid_share: |valid, of, choice| {
        if choice {
            format!("{valid} of {of} recognised")
        } else {
            format!("{valid} of {of}")
        }
    },
    value_becomes: |v| format!("\u{201c}{v}\u{201d} becomes"),
    value_default: |f| match f {
        AccountField::Status => format!("Default ({})", (EN.status)(Status::Customer)),
        _ => "Leave empty".into(),
    },
    choice_label: |f, slug| match f {
        AccountField::Status => Status::from_slug(slug).map_or(slug.to_string(), |s| (EN.status)(s).into()),
        AccountField::Stage => Stage::from_slug(slug).map_or(slug.to_string(), |s| (PORTFOLIO.stage)(s).into()),
        _ => slug.to_string(),
    },
    values_title: |field| format!("Values of {field}"),
    value: "Value in the file",
    rows: "Rows",
    becomes: "Becomes",
    other_values: |n, f| format!("{} hold rarer values; they get the default ({}).", rows(n), (CRM.value_default)(f)),

    deals_title: |file| format!("Deal history from {file}"),
    deals_mapping_help: "Check which column is the account, the value, the stage and the close date, and what each \
        stage means. Nothing changes until you add the history, and that can be undone.",
    deals_imported: |n, in_use| match in_use {
        0 => format!("Added the deal history to {}.", accounts(n)),
        1 => format!("Added the deal history to {}; 1 offering it shows won is now marked in use.", accounts(n)),
        k => format!("Added the deal history to {}; {k} offerings it shows won are now marked in use.", accounts(n)),
    },
    not_used: "(not used)",
    deal_field: |f| match f {
        DealField::Account => "Account name",
        DealField::AccountId => "Account CRM id",
        DealField::Product => "Product",
        DealField::Stage => "Stage (won, open, lost)",
        DealField::CloseDate => "Close date",
        DealField::Amount => "Value",
    },
    deal_missing: |f| match f {
        DealField::Account => "Choose the column with the account (its name or its CRM id).".into(),
        f => format!("Choose the column with the {}.", (CRM.deal_field)(f).to_lowercase()),
    },
    stages_title: "What each stage means",
    stage_default: "Open (default)",
    deal_stage: |s| match s {
        DealStage::Won => "Won",
        DealStage::Open => "Open",
        DealStage::Lost => "Lost",
    },
    date_order: "Dates are written",
    day_first: "Day first (31-03-2026)",
    month_first: "Month first (3/31/2026)",
    deal_currency: |found, portfolio| {
        format!(
            "The values are marked in {}, your portfolio is in {}. They are taken as they are: nothing is converted.",
            (CRM.currency_name)(found),
            (CRM.currency_name)(portfolio)
        )
    },
    deal_tally: |deals, accounts_n, matched, refused| {
        let mut parts = vec![format!("{} deals read", group_thousands(deals as f64))];
        parts.push(format!("{} matched ({} deals)", accounts(accounts_n), group_thousands(matched as f64)));
        if refused > 0 {
            parts.push(format!("{} cannot be read", rows(refused)));
        }
        parts.join(" · ")
    },
    deal_refused: |line, p| {
        let why = match p {
            DealProblem::NoAccount => "no account",
            DealProblem::NoAmount => "no value",
            DealProblem::BadAmount => "the value is not a number",
            DealProblem::NegativeAmount => "the value is negative",
            DealProblem::BadDate => "the close date is not a date",
            DealProblem::WonWithoutDate => "a won deal without a close date",
        };
        format!("Line {line}: {why}")
    },
    unmatched_title: "Accounts in the deals that are not in your portfolio",
    unmatched_help: "They are not created. Add them (or import them from your CRM) and import the deals again.",
    unmatched_line: |name, deals, won| format!("{name}: {deals} deals, {won} won"),
    more_accounts: |n| if n == 1 { "and 1 more account".into() } else { format!("and {n} more accounts") },
    set_revenue: "Also set each account's current revenue to its revenue won in the last 12 months",
    add_deals: |n| if n == 0 { "Add deal history".into() } else { format!("Add the deal history to {}", accounts(n)) },

    deals_panel: "Deal history",
    deals_as_of: |d| format!("From the deals imported on {d}."),
    won_last: "Won, last 12 months",
    won_prior: "Won, 12 months before",
    growth_title: "Growth",
    growth: |g| {
        let pct = (g * 100.0).round();
        if pct > 0.0 {
            format!("+{pct:.0} %")
        } else {
            format!("{pct:.0} %")
        }
    },
    no_growth: "—",
    products: "Products bought",
    pipeline: "Open pipeline",
    pipeline_value: |v, n| if n == 1 { format!("{v} (1 deal)") } else { format!("{v} ({n} deals)") },
    quarters_title: "Revenue won per quarter",
    quarters_caption: "Revenue won per quarter over the last two years, from the imported deals.",
    quarter: |y, q| format!("Q{q} \u{2019}{:02}", y.rem_euclid(100)),
    use_as_revenue: |v| format!("Use {v} as current revenue"),
    use_as_revenue_help: "Revenue won in the last 12 months, from the deals.",
    revenue_set: |v| format!("Current revenue set to {v}."),
    extra_title: "From your CRM",
    why_deals: |last, prior, growth| match growth {
        Some(g) => format!("Deals: {last} won in the last 12 months, {prior} the 12 before ({}).", (CRM.growth)(g)),
        None => format!("Deals: {last} won in the last 12 months."),
    },
    evidence: |yes, figures| format!("The deals suggest {}: {figures}", if yes { "yes" } else { "no" }),
    evidence_growth: |last, prior, growth| {
        format!("{last} won in the last 12 months against {prior} before ({growth}).")
    },
    evidence_quarters: |n| format!("deals won in {n} of the last 4 full quarters."),
    take_answer: |yes| if yes { "Answer yes".into() } else { "Answer no".into() },
};

/// "1 account", "12 accounts".
fn accounts(n: usize) -> String {
    if n == 1 {
        "1 account".into()
    } else {
        format!("{} accounts", group_thousands(n as f64))
    }
}

/// "1 row", "12 rows".
fn rows(n: usize) -> String {
    if n == 1 {
        "1 row".into()
    } else {
        format!("{} rows", group_thousands(n as f64))
    }
}

const PLAN: PlanTexts = PlanTexts {
    nav_plans: "Plans",
    promote: "Promote to key account",
    promoted: "Promoted to key account. Set the goals before you tell the client.",
    open_plan: "Open plan",
    plan_of: |name| format!("Key-account plan · {name}"),
    no_plan: "This account has no plan. Promote it to key account to start one.",
    tab: |s| match s {
        Section::Summary => "Summary",
        Section::Goals => "1 · Goals",
        Section::Deliver => "2 · Deliver",
        Section::Measure => "3 · Measure",
        Section::Anticipate => "4 · Anticipate",
        Section::Swot => "SWOT",
        Section::Review => "Review",
    },
    sections: "Plan sections",
    health: "Plan health",
    band: |b| match b {
        Band::Red => "weak",
        Band::Yellow => "fair",
        Band::Green => "good",
    },
    trend: |t| match t {
        Trend::Improving => "improving",
        Trend::Worsening => "worsening",
        Trend::Flat => "steady",
        Trend::Unknown => "not enough data",
    },
    trend_mark: |t| match t {
        Trend::Improving => "↗",
        Trend::Worsening => "↘",
        Trend::Flat => "→",
        Trend::Unknown => "·",
    },
    trend_line: |t| format!("{} {}", (PLAN.trend_mark)(t), (PLAN.trend)(t)),
    band_and_trend: |b, t| format!("{} · {}", (PLAN.band)(b), (PLAN.trend)(t)),
    health_label: |score, b| format!("Plan health {score} ({})", (PLAN.band)(b)),
    health_parts: "How it adds up",
    health_part: |p| match p {
        HealthPart::Objectives => "Objectives on track, two actions each",
        HealthPart::Actions => "Actions on time",
        HealthPart::Kpis => "KPIs measured and on target",
        HealthPart::Reviews => "Review planned, client met recently",
        HealthPart::Stakeholders => "Stakeholders mapped without gaps",
        HealthPart::Freshness => "Kept up to date",
    },
    points_of: |got, of| format!("{got} of {of}"),
    status_of: |item| format!("Status {item}"),
    updated_days_ago: |d| match d {
        0 => "Updated today".into(),
        1 => "Updated yesterday".into(),
        d => format!("Updated {d} days ago"),
    },
    stale: "Stale",
    next_review_on: |d| format!("Next review {d}"),
    review_overdue: "Review overdue",
    none_yet: "None yet.",
    more: |n| format!("and {n} more"),

    sum_goals: "Goals",
    sum_actions: "Next actions",
    sum_kpis: "KPIs",
    sum_swot: "SWOT",

    promotion_title: "Promotion to key account",
    promotion_help:
        "Before you tell the client, agree inside the company what you commit to and what the client may expect.",

    objectives_title: "Objectives",
    objectives_help: "What you want to achieve with and for this account, why, and how.",
    no_link: "None",
    add_objective: "Add objective",
    thin_objective: "Fewer than two actions",
    at_risk: "At risk",
    actions_count: |n| if n == 1 { "1 action".into() } else { format!("{n} actions") },

    actions_title: "Actions and commitments",
    actions_help: "What is delivered, by whom and when. Every objective deserves at least two actions.",
    add_action: "Add action",
    overdue: "Overdue",
    agreements_title: "Service agreements",
    agreements_help: "What the client can expect from us: response times, a dedicated contact, review rhythm.",
    add_agreement: "Add agreement",

    kpis_title: "KPIs",
    kpis_help: "Measure what the account was selected for: satisfaction, revenue growth, product adoption.",
    add_kpi: "Add KPI",
    suggestions: "Suggested from the criteria this account scores high on:",
    suggestion_name: |c| match c {
        Criterion::RevenueVolume => "Revenue growth",
        Criterion::RevenuePotential => "Share of wallet",
        Criterion::LifetimeValue => "Gross margin",
        Criterion::ProductFit => "Product adoption",
        Criterion::StrategicValue => "Customer satisfaction (NPS)",
    },
    suggestion_unit: |k| match k {
        KpiKind::Satisfaction => "points",
        _ => "%",
    },
    quantity: |value, unit| if unit.is_empty() { value.to_string() } else { format!("{value} {unit}") },
    against_target: |value, target, unit| {
        if unit.is_empty() {
            format!("{value} / {target}")
        } else {
            format!("{value} / {target} {unit}")
        }
    },
    measurement_of: |kpi, date| format!("{kpi} {date}"),
    add_measurement_to: |kpi| format!("Add measurement · {kpi}"),
    measurements_count: |n| format!("Measurements ({n})"),
    meeting_on: |date| format!("Meeting date {date}"),
    use_suggestion: |name| format!("Use \u{201c}{name}\u{201d}"),
    add_measurement: "Add measurement",
    progress: |p| format!("{:.0} % of the way to target", p * 100.0),
    latest: |value, date| format!("Latest {value} on {date}"),
    no_measurements: "No measurements yet.",
    off_target: "Off target",
    target_line: |v| format!("Target {v}"),
    chart_of: |name| format!("Measurements of {name} against its target"),

    meetings_title: "Meetings",
    meetings_help: "Meet regularly to hear current and future challenges; follow-ups become actions in one click.",
    log_meeting: "Log meeting",
    pick_attendees: "Add from the stakeholders:",
    make_action: "Make it an action",
    is_action: "Action created",
    action_created: "The follow-up is now an action in step 2.",

    needs_title: "Future needs",
    needs_help: "Needs you heard become opportunities: note them, propose a solution, follow them to won or lost.",
    add_need: "Add need",
    open_needs: |open, potential| {
        format!("Open needs worth {open}, against a revenue potential of {potential} a year.")
    },

    swot_help: "Our position in this account: what helps and hurts us, inside and outside.",
    quadrant: |q| match q {
        Quadrant::Strengths => "Strengths",
        Quadrant::Weaknesses => "Weaknesses",
        Quadrant::Opportunities => "Opportunities",
        Quadrant::Threats => "Threats",
    },
    new_entry: |q| match q {
        Quadrant::Strengths => "New strength",
        Quadrant::Weaknesses => "New weakness",
        Quadrant::Opportunities => "New opportunity",
        Quadrant::Threats => "New threat",
    },
    add_entry: |q| match q {
        Quadrant::Strengths => "Add strength",
        Quadrant::Weaknesses => "Add weakness",
        Quadrant::Opportunities => "Add opportunity",
        Quadrant::Threats => "Add threat",
    },

    review_title: "Review",
    review_help: "Plans that go stale stop helping. Set when you next review this plan and how often.",

    overview_title: "Key-account plans",
    overview_intro: "Every plan at a glance. Stale plans and overdue work come first.",
    overview_empty: "No plans yet. Open a key account and promote it to start its plan.",
    col_health: "Health",
    col_next_review: "Next review",
    col_overdue: "Overdue actions",
    col_at_risk: "Objectives at risk",
    col_off_target: "KPIs off target",
    col_updated: "Days since update",

    delete_item: |what| format!("Delete {what}"),
    edit_item: |what| format!("Edit {what}"),
    save_changes: "Save changes",
    edit: "Edit",
    confirm_item_title: "Delete this item?",
    confirm_item_body: "It is removed from the plan. You can undo this right after.",
    item_deleted: "Deleted from the plan.",
    plan_gone: "This plan no longer exists; nothing was saved.",

    objective_field: |f| match f {
        ObjectiveField::What => "What (outcome)",
        ObjectiveField::Owner => "Owner",
        ObjectiveField::Why => "Why",
        ObjectiveField::How => "How (approach)",
        ObjectiveField::Perspective => "Perspective",
        ObjectiveField::Target => "Target date",
        ObjectiveField::Status => "Status",
        ObjectiveField::Kpi => "Measured by KPI",
    },
    action_field: |f| match f {
        ActionField::Title => "Action",
        ActionField::Objective => "For objective",
        ActionField::Owner => "Owner",
        ActionField::Team => "Team",
        ActionField::Due => "Due",
        ActionField::Status => "Status",
    },
    agreement_field: |f| match f {
        AgreementField::Text => "Agreement",
    },
    kpi_field: |f| match f {
        KpiField::Name => "KPI name",
        KpiField::Unit => "Unit",
        KpiField::Kind => "Kind",
        KpiField::Criterion => "Tracks criterion",
        KpiField::Baseline => "Baseline",
        KpiField::Target => "Target",
        KpiField::Direction => "Better is",
        KpiField::TargetDate => "Target date",
    },
    measurement_field: |f| match f {
        MeasurementField::Date => "Measured on",
        MeasurementField::Value => "Value",
    },
    meeting_field: |f| match f {
        MeetingField::Date => "Meeting date",
        MeetingField::Attendees => "Attendees",
        MeetingField::Summary => "Summary",
        MeetingField::FollowUps => "Follow-ups (one per line)",
    },
    need_field: |f| match f {
        NeedField::Need => "Need",
        NeedField::Heard => "Heard when / where",
        NeedField::Timeframe => "Expected timeframe",
        NeedField::Value => "Estimated value",
        NeedField::Solution => "Proposed solution",
        NeedField::Status => "Status",
    },
    swot_field: |f| match f {
        SwotField::Entry => "Entry",
    },
    review_field: |f| match f {
        ReviewField::Next => "Next review",
        ReviewField::Cadence => "Review every (days)",
    },
    promotion_field: |f| match f {
        PromotionField::PromotedOn => "Promoted on",
        PromotionField::ToldOn => "Client told on",
        PromotionField::Internal => "Internal expectations (what we commit to)",
        PromotionField::External => "External expectations (what the client can expect)",
    },
    objective_status: |s| match s {
        ObjectiveStatus::NotStarted => "Not started",
        ObjectiveStatus::OnTrack => "On track",
        ObjectiveStatus::AtRisk => "At risk",
        ObjectiveStatus::Done => "Done",
        ObjectiveStatus::Dropped => "Dropped",
    },
    action_status: |s| match s {
        ActionStatus::Open => "Open",
        ActionStatus::InProgress => "In progress",
        ActionStatus::Done => "Done",
        ActionStatus::Blocked => "Blocked",
    },
    team: |t| match t {
        Team::Sales => "Sales",
        Team::Service => "Service",
        Team::Operations => "Operations",
        Team::Product => "Product",
        Team::Management => "Management",
        Team::Other => "Other",
    },
    perspective: |p| match p {
        Perspective::Ours => "Ours",
        Perspective::Client => "The client's",
    },
    kpi_kind: |k| match k {
        KpiKind::Satisfaction => "Satisfaction",
        KpiKind::RevenueGrowth => "Revenue growth",
        KpiKind::ProductAdoption => "Product adoption",
        KpiKind::Custom => "Custom",
    },
    direction: |d| match d {
        Direction::Higher => "Higher",
        Direction::Lower => "Lower",
    },
    need_status: |s| match s {
        NeedStatus::Identified => "Identified",
        NeedStatus::Proposed => "Proposed",
        NeedStatus::Won => "Won",
        NeedStatus::Lost => "Lost",
    },
};

/// An amount in whole units of `c`, grouped: `€1,250,000`, `CHF 1,250,000`, `1,250,000 kr`.
fn money(v: f64, c: Currency) -> String {
    with_currency(&group_thousands(v.abs()), v < 0.0 && v.round() != 0.0, c)
}

fn with_currency(amount: &str, negative: bool, c: Currency) -> String {
    let minus = if negative { "-" } else { "" };
    match (c.sign_first(), c.symbol().chars().all(char::is_alphabetic)) {
        (true, false) => format!("{minus}{}{amount}", c.symbol()),
        (true, true) => format!("{minus}{} {amount}", c.symbol()),
        (false, _) => format!("{minus}{amount} {}", c.symbol()),
    }
}

/// `1.2M`, `46k`, `900`: amounts in charts.
fn short_amount(v: f64) -> String {
    crate::charts::short_number(v)
}

/// `1234.5` → `1,234.5`; whole numbers without decimals.
fn group_decimal(v: f64) -> String {
    super::grouped_decimal(v, ',', '.')
}

/// `1234567.8` → `1,234,568`: revenue is shown in whole euros.
fn group_thousands(v: f64) -> String {
    super::grouped(v, ',')
}

const RATE: RateTexts = RateTexts {
    nav: "Rate",
    title: "Rate accounts",
    help: "Give every account the ratings it still misses, a row per account. A grey figure is Keystone's suggestion from the account's figures and answers; type over it to decide yourself. Scores and tiers follow as you go.",
    keys_help: "Keys: arrows move between cells · 0–5 rate and move on to the next rating still missing · Delete goes back to the suggestion · Enter opens the checklist, where Y (or J) and N answer and Escape closes · Space selects the row.",
    progress: |rated, total| format!("{rated} of {total} rated"),
    incomplete_only: "Only accounts still missing a rating",
    grid_label: "Ratings per account",
    col_select: "Select",
    col_score: "Score",
    cell: |criterion, rating, set| match (rating, set) {
        (Some(r), true) => format!("{criterion}: {r}, set by you"),
        (Some(r), false) => format!("{criterion}: {r}, suggested"),
        (None, _) => format!("{criterion}: needs a rating"),
    },
    missing: "–",
    suggested_title: "Suggested: type a figure to decide yourself",
    select_row: |name| format!("Select {name}"),
    editing: |criterion, name| format!("{criterion} for {name}"),
    use_suggestion: "Use the suggestion",
    open_checklist: "Checklist",
    close_checklist: "Close checklist",
    checklist_of: |criterion, name| format!("{criterion} checklist for {name}"),
    nothing_listed: "No accounts match these filters.",
    selected: |n| if n == 1 { "1 account selected".into() } else { format!("{n} accounts selected") },
    bulk_set: "Set",
    bulk_rating: "to rating",
    bulk_answer: "Answer",
    bulk_question: "with",
    bulk_apply_rating: "Set rating",
    bulk_apply_answer: "Set answer",
    clear_selection: "Clear selection",
    select_all: "Select all listed accounts",
    rated_many: |n| if n == 1 { "Rated 1 account.".into() } else { format!("Rated {n} accounts.") },
    answered_many: |n| if n == 1 { "Answered for 1 account.".into() } else { format!("Answered for {n} accounts.") },
    next_unrated: "Next unrated account",
    all_rated: "Every other account is rated.",
    rate_many_link: "Rate many at once",
    facts_title: "Key figures",
    fact_revenue: "Revenue per year",
    fact_potential: "Extra potential per year",
    fact_margin: "Gross margin",
    fact_years: "Relationship ahead",
    fact_stage: "Relationship stage",
    fact_missing: "not filled in",
    margin: |m| format!("{} %", trim_number(m)),
    years: |y| if y == 1.0 { "1 year".into() } else { format!("{} years", trim_number(y)) },
    edit_details: "Edit details",
    answer_group: |q| format!("Answer: {q}"),
};

/// 12 → "12", 12.5 → "12.5": a figure as a person writes it.
fn trim_number(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

const PEOPLE: PeopleTexts = PeopleTexts {
    title: "Stakeholders",
    help: "Who decides, who buys, who uses — and how each of them stands towards us. The map warns where \
           the relationship is thin: no champion, a strong blocker, no decision maker known or out of touch, \
           or everything through one person.",
    add: "Add stakeholder",
    none_yet: "Nobody mapped yet. Start with the person who signs, then who they listen to.",
    field: |f| match f {
        StakeholderField::Name => "Full name",
        StakeholderField::Title => "Job title",
        StakeholderField::Department => "Department",
        StakeholderField::Role => "Buying role",
        StakeholderField::RoleName => "Name of the new role",
        StakeholderField::Influence => "Influence (1–5)",
        StakeholderField::Attitude => "Attitude to us",
        StakeholderField::ReportsTo => "Reports to",
        StakeholderField::Owner => "Our relationship owner",
        StakeholderField::LastContact => "Last contact",
        StakeholderField::Notes => "Notes on this person",
    },
    role: |r| match r {
        BuyingRole::DecisionMaker => "Decision maker",
        BuyingRole::EconomicBuyer => "Economic buyer",
        BuyingRole::TechnicalBuyer => "Technical buyer",
        BuyingRole::User => "User",
        BuyingRole::Influencer => "Influencer",
        BuyingRole::Gatekeeper => "Gatekeeper",
        BuyingRole::Other => "Another role…",
    },
    attitude: |a| match a {
        Attitude::Champion => "Champion",
        Attitude::Supporter => "Supporter",
        Attitude::Neutral => "Neutral",
        Attitude::Sceptic => "Sceptic",
        Attitude::Blocker => "Blocker",
    },
    other_role: "Other role",
    own_role_hint: "For a role the six above do not cover, such as Legal or Works council. It joins the list for \
                    everyone you map; it never counts as the decision maker.",
    nobody: "Nobody in the map",
    coverage_title: "Coverage",
    gap: |g| match g {
        Gap::NoChampion => "No champion: nobody in the account argues our case.".into(),
        Gap::StrongBlocker(name) => format!("{name} blocks us and has a strong say (influence 4 or 5)."),
        Gap::NoDecisionMaker => "No decision maker known: who signs?".into(),
        Gap::DecisionMakerOutOfTouch(name, Some(days)) => {
            format!("Decision maker {name} last contacted {days} days ago (more than 90).")
        }
        Gap::DecisionMakerOutOfTouch(name, None) => format!("Decision maker {name}: no contact recorded."),
        Gap::SingleThreaded(name) => {
            format!("Single-threaded: in the last 90 days we only spoke to {name}. If they leave, we are out.")
        }
    },
    gap_short: |g| match g {
        Gap::NoChampion => "no champion".into(),
        Gap::StrongBlocker(name) => format!("strong blocker ({name})"),
        Gap::NoDecisionMaker => "no decision maker known".into(),
        Gap::DecisionMakerOutOfTouch(_, Some(days)) => format!("decision maker not seen for {days} days"),
        Gap::DecisionMakerOutOfTouch(_, None) => "decision maker never contacted".into(),
        Gap::SingleThreaded(name) => format!("single-threaded through {name}"),
    },
    covered: "Well covered: a champion, a decision maker in touch, several people contacted.",
    chart_label: "Org chart of the stakeholders",
    chart_help: "Colour is the attitude to us (green champion … red blocker), size the influence. Point at a \
                 person for their title; click to edit them. The list beside the chart has the same people.",
    owner_line: |o| format!("ours: {o}"),
    reports_to: |b| format!("reports to {b}"),
    influence: |n| format!("influence {n} of 5"),
    last_contact: |d| format!("last contact {d}"),
    never_contacted: "no contact recorded",
    circle: "Not saved: that reporting line would run in a circle.",
    deleted: "Stakeholder deleted.",
    tip: |name, title, attitude| {
        if title.is_empty() {
            format!("{name} · {attitude}")
        } else {
            format!("{name}, {title} · {attitude}")
        }
    },
    met: |n| match n {
        1 => "Last contact updated for 1 stakeholder.".into(),
        n => format!("Last contact updated for {n} stakeholders."),
    },
    gaps_of: |name, n| match n {
        1 => format!("{name}: 1 coverage warning"),
        n => format!("{name}: {n} coverage warnings"),
    },
    list_title: "People",
};

const GROUPS: GroupTexts = GroupTexts {
    title: "Group",
    help: "A group and its subsidiaries, as in your CRM. The group's revenue and potential add up on the \
           parent's page, and a plan on the parent covers members without a plan of their own.",
    parent_label: "Parent account",
    parent_hint: "The name or CRM id of the account this one belongs to.",
    set: "Set parent",
    remove: "Remove from group",
    part_of: "Part of the group of",
    problem: |p| match p {
        GroupProblem::Unknown => "No account by that name or CRM id.",
        GroupProblem::Itself => "An account cannot be its own parent.",
        GroupProblem::Circle => "That account belongs to this one's group already: a group cannot contain itself.",
    },
    subsidiaries: "Subsidiaries",
    rollup: |n, revenue, potential, whitespace| {
        format!("The group: {n} accounts, revenue {revenue}, potential {potential}, whitespace {whitespace}.")
    },
    covered_by: |name| format!("No plan of its own: the group plan of {name} covers it."),
    updated: "Group updated.",
    table_title: "Account groups",
    col_group: "Group",
    col_members: "Subsidiaries",
    col_revenue: "Revenue (group)",
    col_potential: "Potential (group)",
    col_whitespace: "Whitespace (group)",
    members: |names| match names {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a}, {b}"),
        [a, b, rest @ ..] => format!("{a}, {b} and {} more", rest.len()),
    },
};

const WHITESPACE: WhitespaceTexts = WhitespaceTexts {
    title: "Whitespace",
    help: "What this account buys of our offerings, what is in discussion, and what more it could buy. \
           Potential and in-discussion values add up to the whitespace, shown with the revenue potential \
           rating; offerings in use are shown with product fit. You still decide the ratings.",
    no_catalogue: "No offerings in the catalogue yet.",
    to_catalogue: "Add them on the Portfolio page.",
    col_offering: "Offering",
    col_status: "Status",
    col_value: "Annual value",
    col_whitespace: "Whitespace",
    status: |s| match s {
        CellStatus::InUse => "In use",
        CellStatus::InDiscussion => "In discussion",
        CellStatus::Potential => "Potential",
        CellStatus::NotRelevant => "Not relevant",
        CellStatus::Lost => "Lost",
    },
    unset: "—",
    unknown_offering: "An offering not in either catalogue",
    status_of: |name| format!("Status of {name}"),
    value_of: |name| format!("Annual value of {name}"),
    typical: |v| format!("typically {v}"),
    bad_value: "Enter an amount of 0 or more, or leave it empty for the typical value.",
    total: |value, used| match used {
        1 => format!("Whitespace {value} · 1 offering in use"),
        n => format!("Whitespace {value} · {n} offerings in use"),
    },
    why_potential: |value| format!("Whitespace: {value} in potential and in discussion."),
    why_fit: |n| match n {
        1 => "Uses 1 offering of the catalogue.".into(),
        n => format!("Uses {n} offerings of the catalogue."),
    },
    catalogue_title: "Catalogue of offerings",
    catalogue_help: "What you sell, with what an account typically buys of it in a year. Each account's \
                     whitespace is mapped against this list.",
    add_offering: "Add offering",
    field: |f| match f {
        OfferingField::Name => "Offering",
        OfferingField::Family => "Product family",
        OfferingField::TypicalValue => "Typical annual value",
    },
    deleted: "Offering deleted.",
    heat_title: "Cross-sell map",
    heat_help: "Key accounts against the catalogue: where each offering stands, the most whitespace first.",
    heat_empty: "No key accounts yet.",
};

const TEMPLATE: TemplateTexts = TemplateTexts {
    title: "Start from a template",
    help: "A plan for the situation the account is in, with starter objectives, actions with due dates, \
           KPIs and a review rhythm. Change anything afterwards.",
    name: |t| match t {
        Template::Acquire => "Acquire",
        Template::Expand => "Expand",
        Template::Retain => "Retain",
        Template::TurnAround => "Turn around",
    },
    blurb: |t| match t {
        Template::Acquire => {
            "A new key account: get known in their buying process and win the first order. Reviewed monthly."
        }
        Template::Expand => {
            "An account that already buys: a second product line and more revenue. Reviewed each quarter."
        }
        Template::Retain => "A valued account: renew the agreement and keep them satisfied. Reviewed each quarter.",
        Template::TurnAround => "An account in trouble: solve what hurts and win back trust. Reviewed every two weeks.",
    },
    words: |t| match t {
        Template::Acquire => TemplateWords {
            objectives: ["Become a recognised supplier in their buying process", "Win the first substantial order"],
            actions: [
                "Map the decision makers and the buying process",
                "Introduce our management to theirs",
                "Propose a pilot that shows our value",
                "Agree the service level for the pilot",
            ],
            kpis: [("Share of their spend in our category", "%"), ("Contacts in touch", "people")],
        },
        Template::Expand => TemplateWords {
            objectives: ["Bring a second product line into use", "Grow revenue by a fifth"],
            actions: [
                "Hold their needs against our whitespace",
                "Run a joint roadmap session",
                "Propose a bundle for their next budget round",
                "Hold a business review with their management",
            ],
            kpis: [("Revenue growth", "%"), ("Products in use", "products")],
        },
        Template::Retain => TemplateWords {
            objectives: ["Renew the framework agreement", "Keep satisfaction at 8 or higher"],
            actions: [
                "Agree the renewal timeline with their buyer",
                "Go through last quarter's service incidents with them",
                "Executive visit to thank them and hear their plans",
                "Send the renewal proposal",
            ],
            kpis: [("Customer satisfaction", "points"), ("Open service incidents", "incidents")],
        },
        Template::TurnAround => TemplateWords {
            objectives: ["Solve the issues that hurt the relationship", "Restore the trust of their decision makers"],
            actions: [
                "Hear their complaints first-hand, in person",
                "Agree a recovery plan with dates",
                "Report progress on the recovery plan",
                "Review the relationship with their management",
            ],
            kpis: [("Open complaints", "complaints"), ("Customer satisfaction", "points")],
        },
    },
    use_it: |name| format!("Start as {name}"),
    copy_label: "Or copy the structure of another plan",
    copy_none: "Choose a plan",
    copy_button: "Copy structure",
    started: |o, a, k| format!("Plan started: {o} objectives, {a} actions and {k} KPIs added."),
    own_title: "Your templates",
    own_blurb: |o, a, k| format!("{o} objectives, {a} actions, {k} KPIs"),
    use_own: |name| format!("Start from {name}"),
    remove_own: |name| format!("Remove the template {name}"),
    removed_own: |name| format!("Template \u{201c}{name}\u{201d} removed."),
    save: "Save as template",
    save_help: "Keeps this plan's objectives, actions, KPIs (without measurements), agreements and review rhythm, \
                with their dates counted from today, so the next plan can start from them. It travels in \
                exports of the whole workspace.",
    name_label: "Template name",
    save_button: "Save template",
    cancel: "Cancel",
    saved: |name| format!("Saved as the template \u{201c}{name}\u{201d}. An empty plan can start from it."),
    save_problem: |p| {
        use crate::domain::template::{SaveProblem as P, MAX_NAME, MAX_OWN};
        match p {
            P::NoName => "Give the template a name.".into(),
            P::LongName => format!("Keep the name to {MAX_NAME} characters."),
            P::NameTaken => "A template has this name already.".into(),
            P::Blank => "This plan has no objectives, actions or KPIs to keep yet.".into(),
            P::Full => format!("Keystone keeps {MAX_OWN} templates: remove one first."),
        }
    },
};

const HELD: HeldTexts = HeldTexts {
    title: "Quarterly reviews",
    help: "Hold the account review with this plan on screen. Start review keeps the plan as it stands today \
           (objectives, actions, KPI values, needs, health, score and tier), so the next review shows what moved.",
    start: "Start review",
    started: |day| format!("Review of {day} started: the plan as it stands is kept. Write down what you decide."),
    full: "This plan holds the most reviews Keystone keeps (100).",
    none: "No review held yet. Start one in your next account review.",
    field: |f| match f {
        crate::domain::reviews::NotesField::Reviewer => "Reviewed by",
        crate::domain::reviews::NotesField::Decisions => "Decisions",
        crate::domain::reviews::NotesField::NextSteps => "Next steps",
    },
    review_of: |day| format!("Review of {day}"),
    notes_hint: "Saved as you type. The plan as it stood that day stays as it was.",
    list_title: "Reviews held",
    col_day: "Date",
    col_reviewer: "Reviewed by",
    col_score: "Score",
    col_tier: "Tier",
    col_health: "Health",
    col_decisions: "Decisions",
    open: |day| format!("Open the review of {day}"),
    compare_title: "What moved",
    compare_from: "From",
    compare_to: "To",
    now: "The plan today",
    since: |day| format!("Since the review of {day}"),
    between: |a, b| format!("From the review of {a} to the review of {b}"),
    score_moved: |a, b| match (a, b) {
        (Some(a), Some(b)) if a == b => format!("Score {b}, unchanged"),
        (Some(a), Some(b)) => format!("Score {a} \u{2192} {b} ({:+})", i32::from(b) - i32::from(a)),
        (None, Some(b)) => format!("Score {b}, fully rated since"),
        (Some(a), None) => format!("Score {a}, not fully rated now"),
        (None, None) => "Not fully rated".into(),
    },
    tier_moved: |a, b| if a == b { format!("Tier: {b}, unchanged") } else { format!("Tier: {a} \u{2192} {b}") },
    health_moved: |a, b| {
        if a == b {
            format!("Plan health {b}, unchanged")
        } else {
            format!("Plan health {a} \u{2192} {b}")
        }
    },
    kpis: "KPIs",
    kpi_moved: |name, a, b, better| {
        let way = match better {
            Some(true) => " (the right way)",
            Some(false) => " (the wrong way)",
            None => "",
        };
        format!("{name}: {a} \u{2192} {b}{way}")
    },
    actions_done: "Actions done",
    actions_added: "Actions added",
    actions_overdue: "Actions overdue",
    objectives: "Objectives that changed",
    objective_moved: |what, a, b| match (a, b) {
        (Some(a), Some(b)) => format!("{what}: {a} \u{2192} {b}"),
        (None, Some(b)) => format!("{what}: added ({b})"),
        (Some(_), None) | (None, None) => format!("{what}: removed"),
    },
    needs_won: "Needs won",
    needs_lost: "Needs lost",
    needs_new: "Needs heard since",
    nothing: "Nothing in the plan moved.",
    history_title: "Score history",
    history_empty: "Keystone records the score and tier of key accounts, of accounts with a plan and of \
                    accounts whose tier you decided, once a day when they change. Nothing recorded for this \
                    account yet.",
    history_summary: |now, since, change| {
        let now = now.map_or_else(|| "Not fully rated".to_string(), |s| format!("Score {s}"));
        match change {
            Some(0) => format!("{now}; the same as on {since}."),
            Some(c) => format!("{now}; {c:+} since {since}."),
            None => format!("{now}; recorded since {since}."),
        }
    },
    movers_title: "Top movers",
    movers_help: "Followed accounts whose score or tier changed since their last review (or in the last 90 days).",
    movers_none: "No followed account moved since its last review.",
    mover_scores: |a, b| {
        let s = |x: Option<u8>| x.map_or_else(|| "\u{2013}".to_string(), |v| v.to_string());
        match (a, b) {
            (Some(a), Some(b)) => format!("{a} \u{2192} {b} ({:+})", i32::from(b) - i32::from(a)),
            _ => format!("{} \u{2192} {}", s(a), s(b)),
        }
    },
    since_review: |day| format!("since the review of {day}"),
    since_day: |day| format!("since {day}"),
    col_recent: "Score, last 90 days",
    recent: |c| match c {
        Some(0) => "unchanged".into(),
        Some(c) => format!("{c:+}"),
        None => "\u{2013}".into(),
    },
};

const SHEET: SheetTexts = SheetTexts {
    print: "Print / PDF",
    print_slide: "Print as slide (16:9)",
    title: |name| format!("Account plan {name}"),
    printed_on: |day| format!("Printed {day}"),
    last_reviewed: |day, who| {
        if who.is_empty() {
            format!("Last reviewed {day}")
        } else {
            format!("Last reviewed {day} by {who}")
        }
    },
    owner: |who| format!("Account owner: {who}"),
    score: |s| format!("Score {s} of 100"),
    unrated: "Not fully rated",
    why: "Why a key account",
    strengths: |names: &[&str]| {
        // Criterion names are titles; in a sentence they read in lower case.
        let names: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => format!("Rated high on {one}."),
            [rest @ .., last] => format!("Rated high on {} and {last}.", rest.join(", ")),
        }
    },
    no_strengths: "No criterion is rated 4 or 5 yet.",
    decided: |reason| format!("Decision: {reason}"),
    key_since: |day| format!("Key account since {day}."),
    revenue: |amount| format!("Revenue {amount}"),
    potential: |amount| format!("potential {amount}"),
    commitments: "Commitments",
    people: "Stakeholders",
    needs: "Open needs",
    last_met: |day| format!("Last met {day}"),
    more: |n| format!("+{n} more in Keystone"),
    continued: "Continued in Keystone: some lists are longer than this page shows.",
    due: |day| format!("due {day}"),
};

const METHOD: MethodTexts = MethodTexts {
    nav: "Method",
    title: "The method",
    intro: "Keystone follows a simple method: find the few accounts that matter most, then plan, deliver and \
            measure for each of them. Here it is in short.",
    contents: "On this page",
    topic: |t| match t {
        Topic::WhyKam => (
            "Why key accounts",
            &[
                "A few customers matter far more to your business than all the others. Key account management \
                 picks them out and gives them extra attention and resources, so that you and they grow \
                 together: a partnership, not a string of orders.",
                "It pays back in loyalty (they stay, and hear first of what is new), in revenue (bigger deals, \
                 and referrals from a supplier they trust), in insight (what they buy shows where their market \
                 is going) and in growth you can plan for.",
            ],
        ),
        Topic::CrmVsKam => (
            "CRM and KAM",
            &[
                "A CRM keeps data on every customer and makes the sales process run smoothly for all of them. \
                 Key account management works on a small, chosen group and on the long-term relationship with \
                 each of them.",
                "Keystone sits next to your CRM: bring the accounts in from it, choose the few, and plan for \
                 them here.",
            ],
        ),
        Topic::Managers => (
            "Account manager and key account manager",
            &["An account manager looks after many customers with a short horizon: this quarter's orders. A key \
                 account manager looks after a few of them for years: their plans, their people, and what both \
                 companies want to achieve together."],
        ),
        Topic::Criteria => (
            "The five criteria and the checklist",
            &[
                "Never choose key accounts on revenue alone. Keystone rates every account from 0 to 5 on five \
                 criteria and weighs them (the weights are yours) into a score from 0 to 100.",
                "1. Revenue volume: what the account buys from you today. Easy to see, never decisive on its own.",
                "2. Revenue potential: how much more it could buy within about three years.",
                "3. Lifetime value: whether the business lasts and pays. A big buyer fighting its competitors on a \
                 thin margin is a poor key account; a loyal, healthy one is a good one.",
                "4. Product fit: whether it needs what you offer, gains more from it than most customers, and you \
                 understand its challenges.",
                "5. Strategic value: what the relationship brings beyond money: a reputation you are glad to be \
                 linked to, a vision that fits yours, references, feedback, things built together.",
                "For each criterion a few yes/no questions suggest the rating. You can always set it yourself; the \
                 account's page shows why a suggestion is what it is. The first three criteria also look at where \
                 the account stands among all your accounts.",
            ],
        ),
        Topic::Story => (
            "The biggest customer is not always the best key account",
            &[
                "Vicom brought in more revenue than any other customer and looked like the obvious key account. \
                 Cartech was smaller, but genuinely keen to work together: it gave valuable product feedback and \
                 tried new releases first.",
                "Rated on all five criteria, Cartech came out on top. When Vicom later ended its contract, the deep \
                 relationship with Cartech carried the business. The sample portfolio tells this story: load it \
                 and compare the rank with the revenue rank.",
            ],
        ),
        Topic::Steps => (
            "The four steps of a key-account plan",
            &[
                "1. Set goals. Before you tell the client, agree inside your company what you commit to and what \
                 the client may expect: what you want to achieve with and for them, why, and how.",
                "2. Deliver. Turn each goal into actions with an owner and a date. Sales, service and operations \
                 work as one, and service agreements tell the client what to expect.",
                "3. Measure. Follow what the account was chosen for: satisfaction, revenue growth, product \
                 adoption. Targets and measurements show whether the plan works.",
                "4. Anticipate. Meet regularly to hear the client's plans and challenges. A need heard early, such \
                 as a hotel planning a renovation that will need new systems, becomes an offer made to measure.",
                "Then review the plan on a fixed rhythm: plans that go stale stop helping.",
            ],
        ),
        Topic::Swot => (
            "SWOT for a key account",
            &["Strengths and weaknesses are yours, in this account; opportunities and threats come from outside: \
                 the client's market, its competitors, new rules. Together they show where you stand and what to \
                 do next."],
        ),
        Topic::Matrix => (
            "The portfolio matrix",
            &[
                "The matrix places every account by how attractive it is ahead (revenue potential, lifetime value, \
                 product fit and strategic value, with your weights) against how strong you already are there (the \
                 relationship stage, from 1 Exploratory to 5 Integrated). The bubble's size is its revenue.",
                "Strategic: attractive, and you are strong there: invest. Star: attractive, but the relationship \
                 is still weak: invest to build it. Status: you are strong, but there is less ahead: maintain. \
                 Streamline: neither: serve efficiently and profitably.",
            ],
        ),
    },
    why: "Why?",
    why_title: |t| format!("Why? {} (the method)", (METHOD.topic)(t).0),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_in_the_portfolios_currency() {
        let check = |v: f64, c: Currency, expected: &str| assert_eq!((EN.money)(v, c), expected, "{v} {c:?}");
        check(1_234_567.8, Currency::Eur, "€1,234,568");
        check(0.0, Currency::Eur, "€0");
        check(999.0, Currency::Eur, "€999");
        check(-1000.0, Currency::Eur, "-€1,000");
        check(1_250_000.0, Currency::Usd, "$1,250,000");
        check(980_000.0, Currency::Gbp, "£980,000");
        check(1_250_000.0, Currency::Chf, "CHF 1,250,000");
        check(1_250_000.0, Currency::Sek, "1,250,000 kr");
        check(125_000.0, Currency::Pln, "125,000 zł");
        let short = |v: f64, c: Currency, expected: &str| assert_eq!((CRM.money_short)(v, c), expected, "{v} {c:?}");
        short(1_234_567.0, Currency::Eur, "€1.2M");
        short(45_800.0, Currency::Usd, "$46k");
        short(900.0, Currency::Nok, "900 kr");
        let day = |iso: &str| (EN.date)(crate::domain::date::Date::parse(iso).unwrap());
        assert_eq!((day("2026-11-28"), day("2027-01-05")), ("28 Nov 2026".to_string(), "5 Jan 2027".to_string()));
        assert_eq!((EN.date_long)(crate::domain::date::Date::parse("2027-09-05").unwrap()), "5 September 2027");
        assert_eq!((SHARE.export_file_name)("2026-11-27", Some(2)), "keystone-2026-11-27-2-accounts.json");
        assert_eq!((SHARE.export_file_name)("2026-11-27", Some(1)), "keystone-2026-11-27-1-account.json");
        assert_eq!((SHARE.export_file_name)("2026-11-27", None), "keystone-2026-11-27.json");
        assert_eq!(
            (SHEET.strengths)(&["Product fit", "Strategic value"]),
            "Rated high on product fit and strategic value."
        );
        assert_eq!((SHEET.strengths)(&["A", "B", "C"]), "Rated high on a, b and c.");
    }

    /// The import review speaks the app's language: for a colleague's copy of the sample with
    /// every kind of field changed, no row shows JSON (braces, quotes) or raw floats.
    #[test]
    fn the_review_shows_values_as_the_app_does() {
        use crate::domain::date::Date;
        use crate::domain::merge::review;
        use crate::domain::plan::{Objective, PlanPart};
        use crate::domain::share::export;
        use crate::domain::views::review::review_rows;
        let mine = crate::domain::sample::sample_portfolio(1_795_737_600_000);
        let mut theirs = mine.clone();
        theirs.profile.editor_id = "bram".into();
        let today = Date::parse("2026-11-27").unwrap();
        for id in ["sample-02-cartech", "sample-04-brabant"] {
            let mut f = theirs.find(id).unwrap().fields.clone();
            f.revenue = Some(700_000.0);
            f.potential = Some(1_250_000.5);
            f.margin_pct = Some(36.5);
            f.relationship_years = Some(7.25);
            f.customer_since = Some(2011);
            f.stage = Some(Stage::Integrated);
            f.status = Status::Prospect;
            f.notes = "Met the board".into();
            theirs.update_fields(id, f, 5);
            theirs.set_answer(id, Question::FitNeeds, Some(false), 6);
            theirs.set_answer(id, Question::LtvMargin, None, 6);
            theirs.set_override(id, Criterion::StrategicValue, Some(2), 7);
            theirs.edit_plan(id, 8, |p| {
                p.promotion.internal = "Two visits a year".into();
                p.promotion.client_told_on = Some(today);
                p.review.next = Some(today);
                p.review.cadence_days = Some(45);
                p.swot.threats.push("New rival".into());
                p.objectives.push(Objective {
                    id: "o-new".into(),
                    what: "Win the plant".into(),
                    ..Objective::default()
                });
                if let Some(k) = p.kpis.first_mut() {
                    k.target += 5.0;
                }
                if let Some(m) = p.meetings.first_mut() {
                    m.summary = "Changed".into();
                }
            });
        }
        theirs.edit_scoring(|s| s.weights.set(Criterion::RevenueVolume, 35));
        let mut medisys = theirs.find("sample-07-medisys").unwrap().clone();
        medisys.id = "new-one".into();
        medisys.fields.name = "Newco".into();
        theirs.add(medisys);
        let file = export(&theirs, None, "2026-11-27T12:00:00Z", "test");
        let items = review(&mine, &file.data);
        let names = crate::domain::views::review::offering_names(&mine.offerings, &items);
        let rows: Vec<_> = review_rows(&items, &names).collect();
        assert!(rows.len() >= 5, "{rows:?}");
        let mut seen_parts = Vec::new();
        let mut lines = Vec::new();
        for row in &rows {
            for f in &row.fields {
                if let crate::domain::views::review::FieldName::Plan(part) = &f.name {
                    seen_parts.push(*part);
                }
                lines.push(format!(
                    "{} | {} | {}",
                    (EN.share.field_name)(&f.name),
                    (EN.share.shown)(&f.mine, Currency::Eur),
                    (EN.share.shown)(&f.theirs, Currency::Eur)
                ));
            }
        }
        for part in [
            PlanPart::Promotion,
            PlanPart::Objectives,
            PlanPart::Kpis,
            PlanPart::Meetings,
            PlanPart::Swot,
            PlanPart::Review,
        ] {
            assert!(seen_parts.contains(&part), "{part:?} differs in the example");
        }
        let raw_float = |l: &str| {
            l.split(|c: char| !(c.is_ascii_digit() || c == '.')).any(|w| w.ends_with(".0") || w.contains("e+"))
        };
        for l in &lines {
            assert!(!l.contains('{') && !l.contains('"') && !raw_float(l), "{l}");
        }
        let all = lines.join("\n");
        for expected in [
            "€700,000",
            "€1,250,001",
            "36.5 %",
            "5 Integrated",
            "Prospect",
            "→ No",
            "→ Not answered",
            "Met the board",
            "27 Nov 2026",
            "Threats: New rival",
            "Win the plant",
        ] {
            assert!(all.contains(expected), "{expected} missing from:\n{all}");
        }
    }

    #[test]
    fn every_question_and_criterion_has_text() {
        for q in Question::ALL {
            assert!((EN.question)(q).ends_with('?'));
        }
        for c in Criterion::ALL {
            assert!(!(EN.criterion)(c).is_empty() && !(EN.criterion_help)(c).is_empty());
        }
    }
}
