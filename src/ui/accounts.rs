//! The accounts page: the empty state on first run, else the ranked table with its
//! filters, the weights and tiers that drive it, and the rank comparison chart.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::criteria::Criterion;
use crate::domain::plan::PlanHealth;
use crate::domain::sample::sample_portfolio;
use crate::domain::scoring::{ScoringSettings, ThresholdError, Thresholds, Tier};
use crate::i18n::t;
use crate::platform::now_ms;
use crate::platform::today;
use crate::ui::charts::RankShiftChart;
use crate::ui::fields::{distinct_options, filter_select};
use crate::ui::plan::HealthDot;
use crate::ui::route::Route;
use crate::ui::state::use_app;
use crate::ui::widgets::ShowMore;
use crate::ui::widgets::TierBadge;

#[component]
pub fn AccountsPage() -> impl IntoView {
    view! { <NeedsAccounts><Ranking /></NeedsAccounts> }
}

/// Shows its children once there are accounts, and the empty state (add one, or load the
/// sample) before.
#[component]
pub fn NeedsAccounts(children: ChildrenFn) -> impl IntoView {
    let state = use_app();
    let has_accounts = Memo::new(move |_| state.workspace.with(|w| !w.accounts.is_empty()));
    move || if has_accounts.get() { children().into_any() } else { view! { <EmptyState /> }.into_any() }
}

#[component]
pub fn EmptyState() -> impl IntoView {
    let state = use_app();
    let t = t();
    let load_sample = move |_| {
        let sample = sample_portfolio(now_ms());
        // Keep the user's scoring settings; take the sample's accounts and plans.
        state.workspace.update(|w| w.load_sample(sample));
        // The sample's story is its ranking: show that first.
        state.navigate(Route::Accounts);
        state.notify(t.sample_loaded);
    };
    view! {
        <section class="page empty-state">
            <h1>{t.empty_title}</h1>
            <p>{t.empty_body}</p>
            <div class="empty-actions">
                <a class="button button-primary" href=Route::NewAccount.href()>{t.add_account}</a>
                <button type="button" class="button-secondary" on:click=load_sample>{t.load_sample}</button>
            </div>
        </section>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
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
    const ALL: [Column; 9] = [
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

    fn title(self) -> &'static str {
        let t = t();
        match self {
            Column::Rank => t.col_rank,
            Column::Name => t.col_account,
            Column::Sector => t.col_sector,
            Column::Owner => t.col_owner,
            Column::Revenue => t.col_revenue,
            Column::RevenueRank => t.col_revenue_rank,
            Column::Score => t.col_score,
            Column::Tier => t.col_tier,
            Column::Plan => t.plan.col_plan,
        }
    }

    fn numeric(self) -> bool {
        matches!(self, Column::Rank | Column::Revenue | Column::RevenueRank | Column::Score | Column::Plan)
    }

    /// The direction a first click sorts in: best first.
    fn natural_ascending(self) -> bool {
        !matches!(self, Column::Revenue | Column::Score)
    }
}

/// One table row, everything it shows already derived.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    // Shared, not copied: the rows are rebuilt on every weight change, for up to 10,000 accounts.
    id: Arc<str>,
    name: Arc<str>,
    sector: Arc<str>,
    owner: Arc<str>,
    revenue: Option<f64>,
    rank: Option<u32>,
    revenue_rank: Option<u32>,
    score: Option<u8>,
    tier: Tier,
    plan: Option<PlanHealth>,
}

fn compare(a: &Row, b: &Row, column: Column) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    // Missing values sort last whichever the direction, so they are handled by the caller.
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
        Column::Tier => a.tier.cmp(&b.tier),
        Column::Plan => opt(&a.plan.map(|h| h.score), &b.plan.map(|h| h.score)),
    }
}

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

/// Rows the ranked table shows at first, and adds per "Show more".
const PAGE_ROWS: usize = 100;

#[component]
fn Ranking() -> impl IntoView {
    let state = use_app();
    let t = t();
    let search = RwSignal::new(String::new());
    let sector = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let tier = RwSignal::new(String::new());
    let sort = RwSignal::new((Column::Rank, true));

    let today = today();
    // What does not change with the scoring settings, per account index.
    let texts = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let health: std::collections::HashMap<&str, PlanHealth> =
                ws.plans.iter().map(|p| (p.account_id.as_str(), p.health(today))).collect();
            ws.accounts
                .iter()
                .map(|a| {
                    let f = &a.fields;
                    let text = |s: &str| -> Arc<str> { Arc::from(s) };
                    (text(&a.id), text(&f.name), text(&f.sector), text(&f.owner), health.get(a.id.as_str()).copied())
                })
                .collect::<Vec<_>>()
        })
    });
    let all_rows = Memo::new(move |_| {
        state.workspace.with(|ws| {
            texts.with(|texts| {
                state.ranking.with(|ranking| {
                    ranking
                        .iter()
                        .filter_map(|r| {
                            let a = ws.accounts.get(r.index)?;
                            let (id, name, sector, owner, plan) = texts.get(r.index)?.clone();
                            Some(Row {
                                id,
                                name,
                                sector,
                                owner,
                                revenue: a.fields.revenue,
                                rank: r.rank,
                                revenue_rank: r.revenue_rank,
                                score: r.score.shown(),
                                tier: r.score.tier,
                                plan,
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let rows = Memo::new(move |_| {
        let needle = search.get().trim().to_lowercase();
        let (sector, owner, tier) = (sector.get(), owner.get(), tier.get());
        let (column, ascending) = sort.get();
        let mut rows: Vec<Row> = all_rows.with(|rows| {
            rows.iter()
                .filter(|r| needle.is_empty() || r.name.to_lowercase().contains(&needle))
                .filter(|r| sector.is_empty() || *r.sector == *sector)
                .filter(|r| owner.is_empty() || *r.owner == *owner)
                .filter(|r| tier.is_empty() || r.tier.slug() == tier)
                .cloned()
                .collect()
        });
        // Stable sort on top of the ranking order, so ties keep rank order.
        rows.sort_by(|a, b| {
            is_missing(a, column).cmp(&is_missing(b, column)).then_with(|| {
                let o = compare(a, b, column);
                if ascending {
                    o
                } else {
                    o.reverse()
                }
            })
        });
        rows
    });
    let total = move || all_rows.with(Vec::len);
    // Long tables render a page at a time: 10,000 rows would take seconds to build and
    // nobody reads past the first screens without searching or filtering.
    let shown = RwSignal::new(PAGE_ROWS);
    // Effects run once the view is in the DOM: the ranked table is on screen and usable.
    Effect::new(move |_| crate::platform::mark("keystone:table"));
    let filtered = move || {
        !(search.get().is_empty() && sector.get().is_empty() && owner.get().is_empty() && tier.get().is_empty())
    };
    let clear = move |_| {
        search.set(String::new());
        sector.set(String::new());
        owner.set(String::new());
        tier.set(String::new());
    };

    let header = move |column: Column| {
        let aria_sort = move || match sort.get() {
            (c, true) if c == column => "ascending",
            (c, false) if c == column => "descending",
            _ => "none",
        };
        let click = move |_| {
            sort.update(|(c, asc)| {
                if *c == column {
                    *asc = !*asc;
                } else {
                    *c = column;
                    *asc = column.natural_ascending();
                }
            })
        };
        view! {
            <th scope="col" aria-sort=aria_sort class:num=column.numeric()>
                <button type="button" class="sort" title=(t.sort_by)(column.title()) on:click=click>
                    {column.title()}

                </button>
            </th>
        }
    };

    view! {
        <section class="page ranking">
            <div class="page-head">
                <div>
                    <h1>{t.ranking_title}</h1>
                    <p class="lead">{t.ranking_intro}</p>
                </div>
                <a class="button button-primary" href=Route::NewAccount.href()>{t.add_account}</a>
            </div>
            <div class="ranking-layout">
                <div class="ranking-main">
                    <div class="filters" role="search">
                        <div class="field field-inline">
                            <label for="filter-search">{t.search_label}</label>
                            <input
                                id="filter-search"
                                type="search"
                                placeholder=t.search_placeholder
                                prop:value=move || search.get()
                                on:input=move |ev| search.set(event_target_value(&ev))
                            />
                        </div>
                        {filter_select(t.filter_sector, "filter-sector", sector, Box::new(move || texts.with(|t| distinct_options(t.iter().map(|x| &x.2)))))}
                        {filter_select(t.filter_owner, "filter-owner", owner, Box::new(move || texts.with(|t| distinct_options(t.iter().map(|x| &x.3)))))}
                        {filter_select(t.filter_tier, "filter-tier", tier, Box::new(move || Tier::ALL.iter().map(|&x| (x.slug().to_string(), (t.tier)(x).to_string())).collect()))}
                        <Show when=filtered>
                            <button type="button" class="button-link" on:click=clear>{t.clear_filters}</button>
                        </Show>
                    </div>
                    <p class="count">{move || (t.showing)(rows.with(Vec::len), total())}</p>
                    <div class="table-wrap">
                        <table class="ranked">
                            <thead>
                                <tr>{Column::ALL.into_iter().map(header).collect_view()}</tr>
                            </thead>
                            <tbody>
                                {move || {
                                    let n = shown.get();
                                    rows.with(|rows| {
                                        rows.iter().take(n).cloned().map(|r| view! { <RankedRow row=r /> }).collect_view()
                                    })
                                }}
                            </tbody>
                        </table>
                        <Show when=move || rows.with(Vec::is_empty)>
                            <p class="empty-note">{t.no_matches}</p>
                        </Show>
                    </div>
                    <ShowMore more=Signal::derive(move || rows.with(Vec::len).saturating_sub(shown.get())) shown=shown page=PAGE_ROWS />
                    <section class="panel">
                        <h2>{t.chart_rank_title}</h2>
                        <RankShiftChart />
                    </section>
                </div>
                <aside class="ranking-side">
                    <WeightsPanel />
                    <a class="button button-secondary what-if-link" href=Route::WhatIf.href()>{t.portfolio.open_what_if}</a>
                </aside>
            </div>
        </section>
    }
}

#[component]
fn RankedRow(row: Row) -> impl IntoView {
    let t = t();
    let dash = || t.not_ranked.to_string();
    let href = Route::Account(row.id.to_string()).href();
    // How many places the account moved against its revenue rank: the method's lesson.
    let shift = match (row.rank, row.revenue_rank) {
        (Some(r), Some(rr)) if r < rr => Some(("up", format!("▲{}", rr - r))),
        (Some(r), Some(rr)) if r > rr => Some(("down", format!("▼{}", r - rr))),
        _ => None,
    };
    view! {
        <tr class=format!("tier-row-{}", row.tier.slug())>
            <td class="num">
                {row.rank.map(|r| r.to_string()).unwrap_or_else(dash)}
                {shift.map(|(dir, text)| view! { <span class=format!("shift shift-{dir}")>{text}</span> })}
            </td>
            <td><a href=href>{row.name.to_string()}</a></td>
            <td class="clip" title=row.sector.to_string()>{row.sector.to_string()}</td>
            <td class="clip" title=row.owner.to_string()>{row.owner.to_string()}</td>
            <td class="num">{row.revenue.map(t.money).unwrap_or_else(dash)}</td>
            <td class="num">{row.revenue_rank.map(|r| r.to_string()).unwrap_or_else(dash)}</td>
            <td class="num score">{row.score.map(|s| s.to_string()).unwrap_or_else(dash)}</td>
            <td><TierBadge tier=row.tier /></td>
            <td class="num">
                {row.plan.map(|h| view! { <a href=Route::Plan(row.id.to_string(), crate::ui::route::Section::Summary).href()><HealthDot health=h /></a> })}
            </td>
        </tr>
    }
}

fn parse_percent(text: &str) -> Option<u8> {
    text.trim().trim_end_matches('%').trim().parse::<u8>().ok().filter(|v| *v <= 100)
}

#[component]
pub fn WeightsPanel() -> impl IntoView {
    let state = use_app();
    let scoring = Memo::new(move |_| state.workspace.with(|w| w.scoring));
    let set = Callback::new(move |s: ScoringSettings| state.workspace.update(|w| w.edit_scoring(|x| *x = s)));
    view! { <ScoringPanel scoring=scoring.into() set=set /> }
}

/// Weights and thresholds of `scoring`, edited through `set`: the stored settings on the
/// accounts page, the sandbox's on the what-if page.
#[component]
pub fn ScoringPanel(scoring: Signal<ScoringSettings>, set: Callback<ScoringSettings>) -> impl IntoView {
    let t = t();
    let weight_errors = RwSignal::new([false; 5]);
    let threshold_error = RwSignal::new(None::<(bool, &'static str)>);

    let weight_input = move |c: Criterion| {
        let id = format!("weight-{}", c.slug());
        let error_id = format!("{id}-error");
        let has_error = move || weight_errors.with(|e| e[c.index()]);
        let on_change = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            match parse_percent(&text) {
                Some(v) => {
                    weight_errors.update(|e| e[c.index()] = false);
                    let mut s = scoring.get_untracked();
                    s.weights.set(c, v);
                    set.run(s);
                }
                None => weight_errors.update(|e| e[c.index()] = true),
            }
        };
        view! {
            <div class="weight" class:has-error=has_error>
                <label for=id.clone()>{(t.weight_label)((t.criterion)(c))}</label>
                <div class="weight-input">
                    <input
                        id=id
                        type="text"
                        inputmode="numeric"
                        prop:value=move || scoring.with(|s| s.weights.get(c).to_string())
                        on:change=on_change
                        aria-invalid=move || has_error().then_some("true")
                        aria-describedby=error_id.clone()
                    />
                    <span aria-hidden="true">"%"</span>
                    <span class="weight-bar" aria-hidden="true">
                        <span style=move || format!("width:{}%", scoring.with(|s| s.weights.get(c)))></span>
                    </span>
                </div>
                <p class="field-error" id=error_id>{move || has_error().then_some(t.whole_number_0_100)}</p>
            </div>
        }
    };

    let threshold_input = move |is_key: bool| {
        let (id, label) =
            if is_key { ("threshold-key", t.threshold_key) } else { ("threshold-watch", t.threshold_watch) };
        let error_id = format!("{id}-error");
        let message = move || threshold_error.get().filter(|(k, _)| *k == is_key).map(|(_, m)| m);
        let on_change = move |ev: leptos::ev::Event| {
            let Some(v) = parse_percent(&event_target_value(&ev)) else {
                threshold_error.set(Some((is_key, t.whole_number_0_100)));
                return;
            };
            let current = scoring.get_untracked().thresholds;
            let (key, watch) = if is_key { (v, current.watch()) } else { (current.key(), v) };
            match Thresholds::new(key, watch) {
                Ok(th) => {
                    threshold_error.set(None);
                    set.run(ScoringSettings { thresholds: th, ..scoring.get_untracked() });
                }
                Err(ThresholdError::KeyOutOfRange) => threshold_error.set(Some((is_key, t.threshold_key_range))),
                Err(ThresholdError::WatchNotBelowKey) => {
                    threshold_error.set(Some((is_key, t.threshold_watch_below_key)))
                }
            }
        };
        view! {
            <div class="field" class:has-error=move || message().is_some()>
                <label for=id>{label}</label>
                <input
                    id=id
                    type="text"
                    inputmode="numeric"
                    prop:value=move || scoring.with(|s| if is_key { s.thresholds.key() } else { s.thresholds.watch() }.to_string())
                    on:change=on_change
                    aria-invalid=move || message().is_some().then_some("true")
                    aria-describedby=error_id.clone()
                />
                <p class="field-error" id=error_id>{message}</p>
            </div>
        }
    };

    let reset = move |_| {
        weight_errors.set([false; 5]);
        threshold_error.set(None);
        set.run(ScoringSettings::default());
    };
    let is_default = move || scoring.get() == ScoringSettings::default();

    view! {
        <section class="panel weights">
            <h2>{t.weights_title}</h2>
            <p class="hint">{t.weights_help}</p>
            {Criterion::ALL.into_iter().map(weight_input).collect_view()}
            <p class="total">{move || (t.weights_total)(scoring.with(|s| Criterion::ALL.iter().map(|&c| s.weights.get(c) as u32).sum()))}</p>
            <h2>{t.thresholds_title}</h2>
            {threshold_input(true)}
            {threshold_input(false)}
            <button type="button" class="button-secondary" on:click=reset disabled=is_default>{t.reset_defaults}</button>
        </section>
    }
}
