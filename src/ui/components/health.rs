//! A plan's health: the box in the plan's header and the dot in tables.

use leptos::prelude::*;

use crate::domain::plan::{HealthPart, PlanHealth};
use crate::i18n::t;

#[component]
pub fn HealthBox(health: PlanHealth) -> impl IntoView {
    let t = t();
    view! {
        <div class=format!("score-box health health-{}", health.band.slug())>
            <span class="score-label">{t.plan.health}</span>
            <span class="score-value">
                {health.score.to_string()}
                <span class="trend" title=(t.plan.trend)(health.trend)>{(t.plan.trend_mark)(health.trend)}</span>
            </span>
            <span class="score-ranks">{(t.plan.band_and_trend)(health.band, health.trend)}</span>
            // The parts, so that a director can see what a figure rests on.
            <details class="health-parts">
                <summary>{t.plan.health_parts}</summary>
                <dl>
                    {HealthPart::ALL
                        .into_iter()
                        .zip(health.points)
                        .map(|(part, got)| {
                            view! {
                                <div class:short=got < part.weight()>
                                    <dt>{(t.plan.health_part)(part)}</dt>
                                    <dd>{(t.plan.points_of)(got, part.weight())}</dd>
                                </div>
                            }
                        })
                        .collect_view()}
                </dl>
            </details>
        </div>
    }
}

/// A small coloured dot and score, for tables.
#[component]
pub fn HealthDot(health: PlanHealth) -> impl IntoView {
    let label = (t().plan.health_label)(health.score, health.band);
    view! {
        <span class=format!("health-dot health-{}", health.band.slug()) title=label.clone() aria-label=label>
            {health.score.to_string()}
        </span>
    }
}
