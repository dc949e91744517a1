//! Chart components: a canvas plus an effect that repaints it whenever its data or the
//! window size changes.

use leptos::html;
use leptos::prelude::*;

use crate::charts::{self, canvas::paint, ContributionBar, RankPair};
use crate::domain::criteria::Criterion;
use crate::domain::scoring::{AccountScore, ScoringSettings, Tier};
use crate::i18n::t;
use crate::ui::state::use_app;

/// How many accounts the rank comparison shows at most: beyond that it turns to mush.
pub const RANK_CHART_MAX: usize = 15;

#[component]
pub fn ContributionChart(score: Signal<Option<AccountScore>>, settings: Signal<ScoringSettings>) -> impl IntoView {
    let state = use_app();
    let canvas = NodeRef::<html::Canvas>::new();
    let height = 5.0 * 40.0;
    Effect::new(move |_| {
        state.viewport.track();
        let (Some(el), Some(score), settings) = (canvas.get(), score.get(), settings.get()) else {
            return;
        };
        let t = t();
        let bars: Vec<ContributionBar> = Criterion::ALL
            .iter()
            .map(|&c| {
                let cs = score.get(c);
                let max = settings.weights.get(c);
                ContributionBar {
                    label: (t.criterion)(c).to_string(),
                    points: cs.rating.map(|_| cs.points),
                    max,
                    value_text: match cs.rating {
                        Some(_) => (t.points)(cs.points, max),
                        None => (t.tier)(Tier::Incomplete).to_string(),
                    },
                }
            })
            .collect();
        paint(&el, height, |area, scale| charts::draw_contributions(area, &bars, scale));
    });
    view! {
        <figure class="chart">
            <canvas node_ref=canvas style=format!("height:{height}px") role="img" aria-label=t().chart_contrib_title></canvas>
            <figcaption>{t().chart_contrib_caption}</figcaption>
        </figure>
    }
}

/// Rank by revenue against rank by score, for the top accounts by either.
#[component]
pub fn RankShiftChart() -> impl IntoView {
    let state = use_app();
    let pairs = Memo::new(move |_| {
        state.workspace.with(|ws| {
            state.ranking.with(|ranking| {
                let mut chosen: Vec<_> =
                    ranking.iter().filter(|r| r.rank.is_some() && r.revenue_rank.is_some()).collect();
                let top_score: Vec<usize> = chosen.iter().take(RANK_CHART_MAX).map(|r| r.index).collect();
                chosen.sort_by_key(|r| r.revenue_rank);
                let top_revenue: Vec<usize> = chosen.iter().take(RANK_CHART_MAX).map(|r| r.index).collect();
                ranking
                    .iter()
                    .filter(|r| top_score.contains(&r.index) || top_revenue.contains(&r.index))
                    .filter_map(|r| {
                        Some(RankPair {
                            name: ws.accounts.get(r.index)?.fields.name.clone(),
                            revenue_rank: r.revenue_rank?,
                            score_rank: r.rank?,
                            emphasised: r.score.tier == Tier::Key,
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let t = t();
    view! {
        <RankPairsChart pairs=pairs left=t.chart_by_revenue right=t.chart_by_score label=t.chart_rank_title caption=t.chart_rank_caption />
    }
}

/// Two rankings side by side, a line per account (rank by revenue against rank by score, or
/// rank now against rank with the what-if settings).
#[component]
pub fn RankPairsChart(
    pairs: Memo<Vec<RankPair>>,
    left: &'static str,
    right: &'static str,
    label: &'static str,
    caption: &'static str,
) -> impl IntoView {
    let state = use_app();
    let canvas = NodeRef::<html::Canvas>::new();
    let height = move || charts::rank_shift_height(pairs.with(Vec::len));
    Effect::new(move |_| {
        state.viewport.track();
        let Some(el) = canvas.get() else { return };
        let (h, pairs) = (height(), pairs.get());
        // After the next frame: the table above it comes first on a cold start.
        request_animation_frame(move || {
            paint(&el, h, |area, scale| charts::draw_rank_shift(area, &pairs, left, right, scale));
        });
    });
    view! {
        <figure class="chart">
            <canvas node_ref=canvas style=move || format!("height:{}px", height()) role="img" aria-label=label></canvas>
            <figcaption>{caption}</figcaption>
        </figure>
    }
}
