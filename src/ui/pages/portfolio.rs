//! `#/portfolio`: the portfolio matrix, filters, and the same accounts as a list by
//! quadrant for keyboard and screen-reader users. Focusing or hovering a list entry lights
//! up its bubble; clicking either opens the account.

use leptos::prelude::*;

use crate::domain::account::AccountFields;
use crate::domain::portfolio::Quadrant;
use crate::domain::scoring::Tier;
use crate::domain::views::ranking::distinct;
use crate::i18n::t;
use crate::ui::components::form::{filter_select, text_options};
use crate::ui::components::keyed::keyed;
use crate::ui::components::matrix::{points, quadrant_slot, MatrixChart};
use crate::ui::components::whitespace::{CatalogueEditor, HeatMap};
use crate::ui::components::widgets::{NeedsAccounts, WhyLink};
use crate::ui::route::{Route, Topic};
use crate::ui::state::use_app;

#[component]
pub fn PortfolioPage() -> impl IntoView {
    view! { <NeedsAccounts><Matrix /></NeedsAccounts> }
}

#[component]
fn Matrix() -> impl IntoView {
    let state = use_app();
    let t = t();
    let tp = &t.portfolio;
    let (owner, sector, tier) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let data = Memo::new(move |_| points(state, &owner.read(), &sector.read(), &tier.read()));
    let pts = Memo::new(move |_| data.with(|d| d.0.clone()));
    let highlight = RwSignal::new(None::<String>);
    // Filter options depend on the accounts only, never on the scoring.
    let distinct_of = move |field: fn(&AccountFields) -> &String| {
        state.workspace.with(|w| text_options(distinct(w.accounts.iter().map(|a| field(&a.fields)))))
    };

    let quadrant = move |q: Quadrant| {
        let entries: Signal<Vec<(String, String)>> = Memo::new(move |_| {
            pts.with(|ps| {
                let mut v: Vec<(String, String)> =
                    ps.iter().filter(|p| p.quadrant == q).map(|p| (p.id.clone(), p.bubble.name.clone())).collect();
                v.sort_by_key(|(_, n)| n.to_lowercase());
                v
            })
        })
        .into();
        let items = keyed(
            entries,
            |(id, _): &(String, String)| id.clone(),
            move |e| {
                let id = e.with_untracked(|(id, _)| id.clone());
                let (focus_id, hover_id, lit_id) = (id.clone(), id.clone(), id.clone());
                view! {
                    <li class:lit=move || highlight.with(|h| h.as_deref() == Some(lit_id.as_str()))>
                        <a
                            href=Route::Account(id).href()
                            on:focus=move |_| highlight.set(Some(focus_id.clone()))
                            on:mouseenter=move |_| highlight.set(Some(hover_id.clone()))
                            on:blur=move |_| highlight.set(None)
                            on:mouseleave=move |_| highlight.set(None)
                        >
                            {move || e.with(|(_, name)| name.clone())}
                        </a>
                    </li>
                }
            },
        );
        view! {
            <section class=format!("quadrant quadrant-{}", quadrant_slot(q))>
                <h3>{(tp.quadrant)(q)}</h3>
                <p class="hint">{(tp.stance)(q)}<WhyLink topic=Topic::Matrix /></p>
                <ul>
                    <Show when=move || entries.with(Vec::is_empty)>
                        <li class="muted">{tp.none_here}</li>
                    </Show>
                    {items}
                </ul>
            </section>
        }
    };
    let unplaced: Signal<Vec<(String, String)>> = Memo::new(move |_| data.with(|d| d.1.clone())).into();
    let unplaced_list = keyed(
        unplaced,
        |(id, _): &(String, String)| id.clone(),
        move |e| {
            let id = e.with_untracked(|(id, _)| id.clone());
            view! { <li><a href=Route::Account(id).href()>{move || e.with(|(_, name)| name.clone())}</a></li> }
        },
    );

    view! {
        <section class="page portfolio">
            <div class="page-head">
                <h1>{tp.matrix_title}</h1>
            </div>
            <div class="filters">
                {filter_select(t.filter_owner, "matrix-owner", owner, Box::new(move || distinct_of(|f| &f.owner)))}
                {filter_select(t.filter_sector, "matrix-sector", sector, Box::new(move || distinct_of(|f| &f.sector)))}
                {filter_select(t.filter_tier, "matrix-tier", tier, Box::new(move || Tier::ALL.iter().map(|&x| (x.slug().to_string(), (t.tier)(x).to_string())).collect()))}
            </div>
            <div class="matrix-layout">
                <div class="panel">
                    <Show when=move || pts.with(|p| !p.is_empty()) fallback=move || view! { <p class="empty-note">{tp.matrix_empty}</p> }>
                        <MatrixChart points=pts highlight=highlight height=520.0 />
                    </Show>
                    <details class="unplaced" class:hidden=move || unplaced.with(Vec::is_empty)>
                        <summary>{move || (tp.unplaced)(unplaced.with(Vec::len))}</summary>
                        <ul>{unplaced_list}</ul>
                    </details>
                </div>
                <nav class="panel matrix-list" aria-label=tp.list_title>
                    <h2>{tp.list_title}</h2>
                    {Quadrant::ALL.into_iter().map(quadrant).collect_view()}
                </nav>
            </div>
            <HeatMap />
            <CatalogueEditor />
        </section>
    }
}
