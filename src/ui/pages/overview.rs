//! `#/`: the landing view once there is data. The portfolio in a few figures, the matrix,
//! and the plans that need someone this week.

use leptos::prelude::*;

use crate::domain::stakeholder::{coverage_watch, Gap};

use crate::domain::date::Date;
use crate::domain::portfolio::{dashboard, Attention};
use crate::domain::scoring::Tier;
use crate::domain::views::movers::{top_movers, MoverRow};
use crate::i18n::t;
use crate::platform::today;
use crate::ui::components::keyed::keyed;
use crate::ui::components::matrix::{matrix_image, points, MatrixChart};
use crate::ui::components::widgets::NeedsAccounts;
use crate::ui::route::{Route, Section};
use crate::ui::state::use_app;

/// How far ahead "upcoming reviews" look.
const REVIEW_HORIZON_DAYS: i32 = 30;

/// Top movers listed.
const MOVERS_SHOWN: usize = 5;

#[component]
pub fn OverviewPage() -> impl IntoView {
    view! { <NeedsAccounts><Overview /></NeedsAccounts> }
}

#[component]
fn Overview() -> impl IntoView {
    let state = use_app();
    let t = t();
    let tp = &t.portfolio;
    let today = today();
    let d = Memo::new(move |_| {
        state
            .workspace
            .with(|w| state.ranking.with(|r| dashboard(&w.accounts, r, &w.plans, today, REVIEW_HORIZON_DAYS)))
    });
    let name = move |id: &str| state.workspace.with(|w| w.find(id).map(|a| a.fields.name.clone()).unwrap_or_default());
    let pts = Memo::new(move |_| points(state, "", "", "").0);
    let highlight = RwSignal::new(None::<String>);
    // Printing: the matrix is drawn once more as an SVG image (sharp on paper), then the
    // browser's dialog opens once that is on the page.
    let printing = RwSignal::new(false);
    let print = move |_| {
        printing.set(true);
        request_animation_frame(move || set_timeout(crate::platform::print, std::time::Duration::from_millis(50)));
    };
    let printed_matrix = move || {
        printing.get().then(|| {
            let src = pts.with(|p| matrix_image(p, 720, 420));
            view! { <img class="print-only matrix-print" src=src alt=tp.matrix_label /> }
        })
    };

    let tier_bar = move || {
        d.with(|d| {
            let total = d.accounts.max(1) as f64;
            Tier::ALL
                .iter()
                .enumerate()
                .filter(|(i, _)| d.tiers[*i] > 0)
                .map(|(i, &tier)| {
                    let style = format!("width:{:.2}%", d.tiers[i] as f64 * 100.0 / total);
                    view! { <span class=format!("tier-seg tier-{}", tier.slug()) style=style title=(t.tier)(tier)></span> }
                })
                .collect_view()
        })
    };
    let attention: Signal<Vec<Attention>> = Memo::new(move |_| d.with(|d| d.attention.clone())).into();
    let attention_list = keyed(
        attention,
        |a: &Attention| a.account_id.clone(),
        move |a| {
            let id = a.with_untracked(|a| a.account_id.clone());
            let href = Route::Plan(id.clone(), Section::Summary).href();
            view! {
                <li>
                    <a href=href>{move || name(&id)}</a>
                    <span class="reasons">{move || a.with(|a| (tp.attention_reasons)(a.overdue_actions, a.kpis_off_target, a.stale, a.review_overdue))}</span>
                </li>
            }
        },
    );
    let watch: Signal<Vec<(String, Vec<Gap>)>> =
        Memo::new(move |_| state.workspace.with(|w| coverage_watch(&w.accounts, &w.plans, today))).into();
    let watch_list = keyed(
        watch,
        |(id, _): &(String, Vec<Gap>)| id.clone(),
        move |g| {
            let id = g.with_untracked(|(id, _)| id.clone());
            let href = Route::Account(id.clone()).href();
            view! {
                <li>
                    <a href=href>{move || name(&id)}</a>
                    <span class="reasons">{move || g.with(|(_, gaps)| gaps.iter().map(t.people.gap_short).collect::<Vec<_>>().join(" · "))}</span>
                </li>
            }
        },
    );
    // Followed accounts that moved since their last review (`views::movers`).
    let movers: Signal<Vec<MoverRow>> =
        Memo::new(move |_| state.workspace.with(|w| state.ranking.with(|r| top_movers(w, r, today, MOVERS_SHOWN))))
            .into();
    let mover_list = keyed(
        movers,
        |m: &MoverRow| m.account_id.clone(),
        move |m| {
            let id = m.with_untracked(|m| m.account_id.clone());
            let href = Route::Account(id.clone()).href();
            let detail = move || {
                m.with(|m| {
                    let mut parts = vec![(t.held.mover_scores)(m.then.score(), m.now.score())];
                    if m.then.tier() != m.now.tier() {
                        parts.push((t.held.tier_moved)((t.tier)(m.then.tier()), (t.tier)(m.now.tier())));
                    }
                    let day = (t.date_long)(m.since);
                    parts.push(if m.since_review { (t.held.since_review)(&day) } else { (t.held.since_day)(&day) });
                    parts.join(" · ")
                })
            };
            view! {
                <li class:fell=move || m.with(|m| m.change().is_some_and(|c| c < 0))>
                    <a href=href>{move || name(&id)}</a>
                    <span class="reasons">{detail}</span>
                </li>
            }
        },
    );
    let reviews: Signal<Vec<(String, Date)>> = Memo::new(move |_| d.with(|d| d.upcoming_reviews.clone())).into();
    let review_list = keyed(
        reviews,
        |(id, _): &(String, Date)| id.clone(),
        move |r| {
            let id = r.with_untracked(|(id, _)| id.clone());
            let href = Route::Plan(id.clone(), Section::Review).href();
            let days = move || r.with(|(_, date)| today.days_until(*date));
            view! {
                <li class:overdue=move || days() < 0>
                    <a href=href>{move || name(&id)}</a>
                    <span class="when">{move || r.with(|(_, date)| (tp.review_due)(&(t.date_long)(*date), today.days_until(*date)))}</span>
                </li>
            }
        },
    );

    view! {
        <section class="page overview">
            <div class="page-head">
                <div>
                    <h1>{tp.overview_title}</h1>
                    <p class="print-only stamp">{(t.sheet.printed_on)(&(t.date_long)(today))}</p>
                </div>
                <button type="button" class="button-secondary print-button" on:click=print>{t.sheet.print}</button>
            </div>
            <div class="tiles">
                <div class="tile">
                    <h2>{tp.tile_accounts}</h2>
                    <p class="tile-figure">{move || d.with(|d| d.accounts.to_string())}</p>
                    <div class="tier-bar" aria-hidden="true">{tier_bar}</div>
                    <p class="tile-detail">{move || d.with(|d| (tp.tier_counts)(d.tiers[0], d.tiers[1], d.tiers[2], d.tiers[3]))}</p>
                </div>
                <div class="tile">
                    <h2>{tp.tile_key_share}</h2>
                    <p class="tile-figure">{move || d.with(|d| (t.percent)(d.key_revenue_share))}</p>
                    <div class="share-bar" aria-hidden="true">
                        <span style=move || d.with(|d| format!("width:{:.2}%", d.key_revenue_share * 100.0))></span>
                    </div>
                    <p class="tile-detail">
                        {move || d.with(|d| (tp.key_share_detail)(&(t.money)(d.total_revenue * d.key_revenue_share, state.currency.get()), &(t.money)(d.total_revenue, state.currency.get())))}
                    </p>
                </div>
                <div class="tile">
                    <h2>{tp.tile_concentration}</h2>
                    <p class="tile-figure">{move || d.with(|d| (t.percent)(d.top_fifth_share))}</p>
                    <div class="share-bar" aria-hidden="true">
                        <span style=move || d.with(|d| format!("width:{:.2}%", d.top_fifth_share * 100.0))></span>
                    </div>
                    <p class="tile-detail">{move || d.with(|d| (tp.concentration_detail)(d.top_fifth))}</p>
                </div>
                <div class="tile">
                    <h2>{tp.tile_open_needs}</h2>
                    <p class="tile-figure">{move || d.with(|d| (t.money)(d.open_needs_value, state.currency.get()))}</p>
                    <p class="tile-detail">{move || d.with(|d| (tp.open_needs_detail)(d.plans))}</p>
                </div>
            </div>
            <div class="overview-grid">
                <section class="panel">
                    <h2>{tp.matrix_title}</h2>
                    <Show when=move || pts.with(|p| !p.is_empty()) fallback=move || view! { <p class="empty-note">{tp.matrix_empty}</p> }>
                        <MatrixChart points=pts highlight=highlight height=360.0 />
                    </Show>
                    {printed_matrix}
                    <p><a class="button button-secondary" href=Route::Portfolio.href()>{tp.open_matrix}</a></p>
                </section>
                <div>
                    <section class="panel">
                        <h2>{tp.attention_title}</h2>
                        <Show when=move || attention.with(Vec::is_empty)>
                            <p class="empty-note">{tp.attention_none}</p>
                        </Show>
                        <ul class="attention-list">{attention_list}</ul>
                    </section>
                    <section class="panel movers">
                        <h2>{t.held.movers_title}</h2>
                        <p class="hint">{t.held.movers_help}</p>
                        <Show when=move || movers.with(Vec::is_empty)>
                            <p class="empty-note">{t.held.movers_none}</p>
                        </Show>
                        <ul class="attention-list">{mover_list}</ul>
                    </section>
                    <section class="panel">
                        <h2>{(tp.reviews_title)(REVIEW_HORIZON_DAYS)}</h2>
                        <Show when=move || reviews.with(Vec::is_empty)>
                            <p class="empty-note">{tp.reviews_none}</p>
                        </Show>
                        <ul class="review-list">{review_list}</ul>
                    </section>
                    <section class="panel">
                        <h2>{tp.coverage_title}</h2>
                        <Show when=move || watch.with(Vec::is_empty)>
                            <p class="empty-note">{tp.coverage_none}</p>
                        </Show>
                        <ul class="attention-list">{watch_list}</ul>
                    </section>
                </div>
            </div>
        </section>
    }
}
