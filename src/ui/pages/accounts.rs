//! `#/accounts`: the ranked table with its filters, the weights and tiers that drive it,
//! and the rank comparison chart. The rows, their filtering and sorting come from
//! `domain::views::ranking`; this page lays them out.

use leptos::prelude::*;

use crate::domain::groups::groups as all_groups;
use crate::domain::scoring::Tier;
use crate::domain::views::ranking::{
    distinct, grouped, shown, table_line, texts_into, Column, Filters, GroupLine, Row, Sort, TableLine,
};
use crate::domain::views::window::span as window_span;
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
    // Kept from the last run where they still hold, and said to have changed or not: a weight
    // change at 10,000 accounts neither rebuilds nor compares 10,000 texts.
    let texts = Memo::new_owning(move |was| state.workspace.with(|ws| texts_into(ws, today, was)));

    let filters = Memo::new(move |_| Filters {
        search: search.get(),
        sector: sector.get(),
        owner: owner.get(),
        tier: Tier::ALL.into_iter().find(|x| tier.with(|s| x.slug() == s)),
    });
    // Places in the ranking, filtered and sorted; rows are built for the ones drawn only.
    let matching = Memo::new(move |_| {
        filters.with(|f| texts.with(|texts| state.ranking.with(|ranking| shown(ranking, texts, f, sort.get()))))
    });
    let total = move || state.ranking.with(Vec::len);
    // Grouped by parent account: offered when the portfolio has groups; the groups' figures
    // are rolled up only while it is on.
    let by_parent = RwSignal::new(false);
    let has_groups = Memo::new(move |_| state.workspace.with(|w| w.accounts.iter().any(|a| a.parent.is_some())));
    let groups = Memo::new(move |_| {
        if by_parent.get() && has_groups.get() {
            state.workspace.with(|w| all_groups(&w.accounts, &w.offerings))
        } else {
            Vec::new()
        }
    });
    let lines =
        Memo::new(move |_| matching.with(|m| state.ranking.with(|ranking| groups.with(|g| grouped(m, ranking, g)))));
    let page_size = RwSignal::new(PAGE_ROWS);
    // The table spans `spanned` lines; of those, only the ones on screen and a margin are drawn.
    let spanned = Memo::new(move |_| lines.with(Vec::len).min(page_size.get()));
    let body_ref = NodeRef::<leptos::html::Tbody>::new();
    let seen = on_screen(body_ref, spanned);
    let page: Signal<Vec<TableLine>> = Memo::new(move |_| {
        let Drawn { first, last, .. } = seen.get();
        lines.with(|lines| {
            texts.with(|texts| {
                state.ranking.with(|ranking| {
                    groups.with(|g| {
                        lines.iter().take(last).skip(first).filter_map(|&l| table_line(l, ranking, texts, g)).collect()
                    })
                })
            })
        })
    })
    .into();
    let gap = move |rows: usize| (rows > 0).then(|| format!("height: {}px", rows as f64 * seen.with(|d| d.row_px)));
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
    let first = Signal::derive(move || seen.with(|d| d.first));
    let body = keyed(page, TableLine::key, move |line| view! { <RankedRow line=line first=first /> });

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
                        <Show when=move || has_groups.get()>
                            <div class="check-inline">
                                <input id="group-by-parent" type="checkbox" prop:checked=move || by_parent.get() on:change=move |ev| by_parent.set(event_target_checked(&ev)) />
                                <label for="group-by-parent">{t.group_by_parent}</label>
                            </div>
                        </Show>
                        <Show when=move || !filters.with(Filters::is_empty)>
                            <button type="button" class="button-link" on:click=clear>{t.clear_filters}</button>
                        </Show>
                    </div>
                    <p class="count">{move || (t.showing)(matching.with(Vec::len), total())}</p>
                    <div class="table-wrap">
                        <table class="ranked windowed" aria-rowcount=move || spanned.get() + 1>
                            <thead>
                                <tr aria-rowindex="1">{Column::ALL.into_iter().map(header).collect_view()}</tr>
                            </thead>
                            <tbody node_ref=body_ref>
                                <tr class="gap" aria-hidden="true"><td colspan="9" style=move || gap(seen.with(|d| d.first))></td></tr>
                                {body}
                                <tr class="gap" aria-hidden="true"><td colspan="9" style=move || gap(spanned.get().saturating_sub(seen.with(|d| d.last)))></td></tr>
                            </tbody>
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

/// A row's height in CSS pixels until one is measured (`table.windowed` in the style sheet
/// keeps every row on one line of the same height): rows not drawn take that much space.
const ROW_PX: f64 = 40.0;

/// The rows drawn: `first..last`, each `row_px` high.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drawn {
    first: usize,
    last: usize,
    row_px: f64,
}

/// The rows of the table body `body` (of `rows` rows) that are on screen, with a margin
/// (`domain::views::window`): follows scrolling, resizing and the number of rows.
fn on_screen(body: NodeRef<leptos::html::Tbody>, rows: Memo<usize>) -> Memo<Drawn> {
    let state = use_app();
    let scrolled = RwSignal::new(0u32);
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| scrolled.update(|n| *n = n.wrapping_add(1)));
    on_cleanup(move || on_scroll.remove());
    Memo::new(move |_| {
        scrolled.track();
        state.viewport.track();
        let n = rows.get();
        let screen = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(900.0);
        // Before the table is laid out: its first screenful, at the usual height.
        let Some(body) = body.get() else {
            let (first, last) = window_span(0.0, screen, ROW_PX, n);
            return Drawn { first, last, row_px: ROW_PX };
        };
        let row_px = body
            .query_selector("tr:not(.gap)")
            .ok()
            .flatten()
            .map(|r| r.get_bounding_client_rect().height())
            .filter(|h| *h >= 1.0)
            .unwrap_or(ROW_PX);
        let (first, last) = window_span(body.get_bounding_client_rect().top(), screen, row_px, n);
        Drawn { first, last, row_px }
    })
}

/// One account's row. Built once per account and kept while the account is listed; its
/// cells follow the row's data, so a weight change updates the figures in place.
#[component]
fn RankedRow(line: Item<TableLine>, first: Signal<usize>) -> impl IntoView {
    let state = use_app();
    // Its row number in the whole table (the header is row 1), for screen readers: the rows
    // before it may not be drawn.
    let index = move || first.get() + line.position().unwrap_or(0) + 2;
    let class = move || {
        line.with(|l| match l {
            TableLine::Account { row, member } => {
                format!("tier-row-{}{}", row.standing.tier.slug(), if *member { " member" } else { "" })
            }
            TableLine::Group(_) => "group-row".to_string(),
        })
    };
    view! {
        <tr class=class aria-rowindex=index>
            {move || {
                let currency = state.currency.get();
                line.with(|l| match l {
                    TableLine::Account { row, .. } => cells(row, currency),
                    TableLine::Group(g) => group_cells(g, currency),
                })
            }}
        </tr>
    }
}

/// A group's heading: one cell across the table, on one line like every row.
fn group_cells(g: &GroupLine, currency: crate::domain::money::Currency) -> AnyView {
    let t = t();
    let money = |v: f64| (t.money)(v, currency);
    let text =
        (t.group_heading)(&g.parent_name, g.accounts, &money(g.revenue), &money(g.potential), &money(g.whitespace));
    let title = text.clone();
    view! { <th scope="rowgroup" colspan="9" title=title>{text}</th> }.into_any()
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
