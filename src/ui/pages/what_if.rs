//! `#/what-if`: other weights and thresholds, tried on a copy of the settings. The stored
//! workspace changes only on "Apply these settings".

use leptos::prelude::*;

use crate::domain::portfolio::{charted, moves};
use crate::domain::scoring::{rank, ScoringSettings, Tier};
use crate::i18n::t;
use crate::ui::components::chart::{rank_pairs, RankPairsChart, RANK_CHART_MAX};
use crate::ui::components::keyed::keyed;
use crate::ui::components::scoring_panel::ScoringPanel;
use crate::ui::components::widgets::{NeedsAccounts, TierBadge};
use crate::ui::route::Route;
use crate::ui::state::use_app;

/// Rows shown in the table at most; the chart and the summary cover everyone.
const TABLE_MAX: usize = 100;

#[component]
pub fn WhatIfPage() -> impl IntoView {
    view! { <NeedsAccounts><Sandbox /></NeedsAccounts> }
}

/// One row of the sandbox's table.
#[derive(Clone, Debug, PartialEq)]
struct MoveRow {
    id: String,
    name: String,
    before: Option<u32>,
    after: Option<u32>,
    gained: i64,
    tier: Tier,
    /// Points gained over the last 90 days, from the score history.
    recent: Option<i32>,
}

#[component]
fn Sandbox() -> impl IntoView {
    let state = use_app();
    let t = t();
    let tp = &t.portfolio;
    let current = Memo::new(move |_| state.workspace.with(|w| w.scoring));
    let sandbox = RwSignal::new(current.get_untracked());
    let changed = Memo::new(move |_| sandbox.get() != current.get());
    let after = Memo::new(move |_| {
        let settings = sandbox.get();
        state.workspace.with(|w| rank(&w.accounts, &settings))
    });
    let moved = Memo::new(move |_| state.ranking.with(|before| after.with(|after| moves(before, after))));

    let pairs = Memo::new(move |_| {
        state.workspace.with(|w| moved.with(|ms| rank_pairs(w, &charted(ms, RANK_CHART_MAX), |_| false)))
    });

    let summary = move || {
        if !changed.get() {
            return tp.unchanged_settings.to_string();
        }
        moved.with(|ms| {
            let up = ms.iter().filter(|m| m.gained() > 0).count();
            let down = ms.iter().filter(|m| m.gained() < 0).count();
            (tp.moves_summary)(up, down)
        })
    };
    let quarter_ago = crate::platform::today().add_days(-crate::domain::views::movers::QUARTER_DAYS);
    let rows: Signal<Vec<MoveRow>> = Memo::new(move |_| {
        state.workspace.with(|w| {
            // Each account's score now, by index: what its history is compared with.
            let mut score_now = vec![None; w.accounts.len()];
            state.ranking.with(|now| {
                for r in now {
                    if let Some(slot) = score_now.get_mut(r.index) {
                        *slot = r.score.shown();
                    }
                }
            });
            after.with(|after| {
                moved.with(|ms| {
                    ms.iter()
                        .zip(after.iter())
                        .take(TABLE_MAX)
                        .filter_map(|(m, r)| {
                            let a = w.accounts.get(m.index)?;
                            Some(MoveRow {
                                id: a.id.clone(),
                                name: a.fields.name.clone(),
                                before: m.before,
                                after: m.after,
                                gained: m.gained(),
                                tier: r.score.tier,
                                recent: crate::domain::history::change_since(
                                    &a.history,
                                    quarter_ago,
                                    score_now.get(m.index).copied().flatten(),
                                ),
                            })
                        })
                        .collect()
                })
            })
        })
    })
    .into();
    let body = keyed(rows, |r: &MoveRow| r.id.clone(), move |r| view! { <tr>{move || r.with(move_cells)}</tr> });

    let apply = move |_| {
        let settings = sandbox.get_untracked();
        state.workspace.update(|w| w.edit_scoring(|s| *s = settings));
        state.notify(tp.applied);
    };
    let discard = move |_| {
        sandbox.set(current.get_untracked());
        state.navigate(Route::Accounts);
    };
    let set = Callback::new(move |s: ScoringSettings| sandbox.set(s));

    view! {
        <section class="page what-if">
            <div class="page-head">
                <div>
                    <h1>{tp.what_if_title}</h1>
                    <p class="hint">{tp.what_if_help}</p>
                </div>
                <div class="head-actions">
                    <button type="button" class="button-primary" on:click=apply disabled=move || !changed.get()>{tp.apply}</button>
                    <button type="button" class="button-quiet" on:click=discard>{tp.discard}</button>
                </div>
            </div>
            <div class="ranking-layout">
                <div class="ranking-main">
                    <p class="what-if-summary" role="status">{summary}</p>
                    <section class="panel">
                        <h2>{tp.chart_title}</h2>
                        <RankPairsChart pairs=pairs left=tp.before right=tp.after label=tp.chart_title caption="" />
                    </section>
                    <div class="table-wrap">
                        <table class="what-if-table">
                            <thead>
                                <tr>
                                    <th scope="col">{tp.col_account}</th>
                                    <th scope="col" class="num">{tp.col_before}</th>
                                    <th scope="col" class="num">{tp.col_after}</th>
                                    <th scope="col">{tp.col_move}</th>
                                    <th scope="col">{t.col_tier}</th>
                                    <th scope="col" class="num">{t.held.col_recent}</th>
                                </tr>
                            </thead>
                            <tbody>{body}</tbody>
                        </table>
                    </div>
                </div>
                <aside class="ranking-side">
                    <ScoringPanel scoring=sandbox.into() set=set />
                </aside>
            </div>
        </section>
    }
}

fn move_cells(r: &MoveRow) -> AnyView {
    let t = t();
    let tp = &t.portfolio;
    let rank_text = |x: Option<u32>| x.map_or_else(|| t.not_ranked.to_string(), |x| x.to_string());
    view! {
        <td><a href=Route::Account(r.id.clone()).href()>{r.name.clone()}</a></td>
        <td class="num">{rank_text(r.before)}</td>
        <td class="num">{rank_text(r.after)}</td>
        <td class="move" class:up={r.gained > 0} class:down={r.gained < 0}>
            <span aria-hidden="true">{(tp.move_mark)(r.gained)}</span>
            {(tp.moved)(r.gained)}
        </td>
        <td><TierBadge standing=r.tier /></td>
        <td class="num" class:up=r.recent.is_some_and(|c| c > 0) class:down=r.recent.is_some_and(|c| c < 0)>{(t.held.recent)(r.recent)}</td>
    }
    .into_any()
}
