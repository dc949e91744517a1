//! `#/accounts`: the ranked table with its filters, the weights and tiers that drive it,
//! and the rank comparison chart. The rows, their filtering and sorting come from
//! `domain::views::ranking`; this page lays them out.

use leptos::prelude::*;

use crate::domain::scoring::Tier;
use crate::domain::views::ranking::{distinct, rows, shown, texts, Column, Filters, Row, Sort};
use crate::i18n::t;
use crate::platform::today;
use crate::ui::components::chart::RankShiftChart;
use crate::ui::components::form::{filter_select, text_options};
use crate::ui::components::groups::GroupsTable;
use crate::ui::components::health::HealthDot;
use crate::ui::components::keyed::{keyed, Item};
use crate::ui::components::scoring_panel::WeightsPanel;
use crate::ui::components::widgets::{NeedsAccounts, ShowMore, TierBadge};
use crate::ui::route::{Route, Section};
use crate::ui::state::use_app;

#[component]
pub fn AccountsPage() -> impl IntoView {
    view! { <NeedsAccounts><Ranking /></NeedsAccounts> }
}

/// Rows the ranked table shows at first, and adds per "Show more": 10,000 rows would take
/// seconds to build, and nobody reads past the first screens without searching or filtering.
const PAGE_ROWS: usize = 100;

#[component]
fn Ranking() -> impl IntoView {
    let state = use_app();
    let t = t();
    let search = RwSignal::new(String::new());
    let sector = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let tier = RwSignal::new(String::new());
    let sort = RwSignal::new(Sort::default());

    let today = today();
    // What does not change with the scoring settings, per account.
    let texts = Memo::new(move |_| state.workspace.with(|ws| texts(ws, today)));
    let all_rows = Memo::new(move |_| {
        state.workspace.with(|ws| texts.with(|texts| state.ranking.with(|ranking| rows(ws, ranking, texts))))
    });
    let filters = Memo::new(move |_| Filters {
        search: search.get(),
        sector: sector.get(),
        owner: owner.get(),
        tier: Tier::ALL.into_iter().find(|x| tier.with(|s| x.slug() == s)),
    });
    let matching = Memo::new(move |_| filters.with(|f| all_rows.with(|rows| shown(rows, f, sort.get()))));
    let total = move || all_rows.with(Vec::len);
    let page_size = RwSignal::new(PAGE_ROWS);
    let page: Signal<Vec<Row>> =
        Memo::new(move |_| matching.with(|rows| rows.iter().take(page_size.get()).cloned().collect::<Vec<_>>())).into();
    // Effects run once the view is in the DOM: the ranked table is on screen and usable.
    Effect::new(move |_| crate::platform::mark("keystone:table"));
    let clear = move |_| {
        for s in [search, sector, owner, tier] {
            s.set(String::new());
        }
    };

    let header = move |column: Column| {
        let aria_sort = move || match sort.get() {
            s if s.column == column && s.ascending => "ascending",
            s if s.column == column => "descending",
            _ => "none",
        };
        let title = (t.column)(column);
        view! {
            <th scope="col" aria-sort=aria_sort class:num=column.numeric()>
                <button type="button" class="sort" title=(t.sort_by)(title) on:click=move |_| sort.update(|s| *s = s.click(column))>
                    {title}
                </button>
            </th>
        }
    };
    let body = keyed(page, |r: &Row| r.id.to_string(), move |row| view! { <RankedRow row=row /> });

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
                        {filter_select(t.filter_sector, "filter-sector", sector, Box::new(move || texts.with(|t| text_options(distinct(t.iter().map(|x| &x.sector))))))}
                        {filter_select(t.filter_owner, "filter-owner", owner, Box::new(move || texts.with(|t| text_options(distinct(t.iter().map(|x| &x.owner))))))}
                        {filter_select(t.filter_tier, "filter-tier", tier, Box::new(move || Tier::ALL.iter().map(|&x| (x.slug().to_string(), (t.tier)(x).to_string())).collect()))}
                        <Show when=move || !filters.with(Filters::is_empty)>
                            <button type="button" class="button-link" on:click=clear>{t.clear_filters}</button>
                        </Show>
                    </div>
                    <p class="count">{move || (t.showing)(matching.with(Vec::len), total())}</p>
                    <div class="table-wrap">
                        <table class="ranked">
                            <thead>
                                <tr>{Column::ALL.into_iter().map(header).collect_view()}</tr>
                            </thead>
                            <tbody>{body}</tbody>
                        </table>
                        <Show when=move || matching.with(Vec::is_empty)>
                            <p class="empty-note">{t.no_matches}</p>
                        </Show>
                    </div>
                    <ShowMore more=Signal::derive(move || matching.with(Vec::len).saturating_sub(page_size.get())) shown=page_size page=PAGE_ROWS />
                    <GroupsTable />
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

/// One account's row. Built once per account and kept while the account is listed; its
/// cells follow the row's data, so a weight change updates the figures in place.
#[component]
fn RankedRow(row: Item<Row>) -> impl IntoView {
    let state = use_app();
    view! {
        <tr class=move || format!("tier-row-{}", row.with(|r| r.standing.tier.slug()))>
            {move || {
                let currency = state.currency.get();
                row.with(|r| cells(r, currency))
            }}
        </tr>
    }
}

fn cells(r: &Row, currency: crate::domain::money::Currency) -> AnyView {
    let t = t();
    let dash = || t.not_ranked.to_string();
    let shift = r.shift().map(|places| {
        let dir = if places > 0 { "up" } else { "down" };
        view! { <span class=format!("shift shift-{dir}") title=(t.shift_title)(places)>{(t.shift_mark)(places)}</span> }
    });
    let plan = r.plan.map(|h| {
        view! { <a href=Route::Plan(r.id.to_string(), Section::Summary).href()><HealthDot health=h /></a> }
    });
    view! {
        <td class="num">
            {r.rank.map(|x| x.to_string()).unwrap_or_else(dash)}
            {r.tied.then(|| view! { <span class="tie" title=t.tie_title>{t.tie_mark}</span> })}
            {shift}
        </td>
        <td><a href=Route::Account(r.id.to_string()).href()>{r.name.to_string()}</a></td>
        <td class="clip" title=r.sector.to_string()>{r.sector.to_string()}</td>
        <td class="clip" title=r.owner.to_string()>{r.owner.to_string()}</td>
        <td class="num">{r.revenue.map(|v| (t.money)(v, currency)).unwrap_or_else(dash)}</td>
        <td class="num">{r.revenue_rank.map(|x| x.to_string()).unwrap_or_else(dash)}</td>
        <td class="num score">{r.score.map(|s| s.to_string()).unwrap_or_else(dash)}</td>
        <td><TierBadge standing=r.standing /></td>
        <td class="num">{plan}</td>
    }
    .into_any()
}
