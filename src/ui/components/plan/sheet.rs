//! The one-page plan for a meeting: laid out for paper only (the screen never shows it), from
//! `views::sheet`. The print stylesheet hides the rest of the page; KPI charts are SVG images
//! so that they print sharp at any resolution.

use leptos::prelude::*;

use crate::charts::{draw_kpi, svg_data_url, to_svg};
use crate::domain::views::sheet::{plan_sheet, Listed, PlanSheet};
use crate::i18n::t;
use crate::ui::components::chart::kpi_series;
use crate::ui::components::plan::use_plan;
use crate::ui::components::widgets::TierBadge;

/// KPI charts on paper, in CSS pixels (scaled to the column by the stylesheet).
const CHART_W: u32 = 320;
const CHART_H: u32 = 120;

/// The sheet; `slide` lays it out for a 16:9 page instead of A4 portrait.
#[component]
pub fn PlanSheetView(slide: Signal<bool>) -> impl IntoView {
    let ctx = use_plan();
    let state = ctx.state;
    let today = ctx.today;
    let sheet = Memo::new(move |_| {
        let id = ctx.account_id.get_value();
        let ranked = state.ranked(&id);
        state.workspace.with(|w| {
            let account = w.find(&id)?;
            let plan = w.plan(&id)?;
            Some(plan_sheet(account, plan, ranked.as_ref().map(|r| &r.score), ranked.map(|r| r.standing()), today))
        })
    });
    view! {
        <article class="print-sheet" class:slide=move || slide.get()>
            {move || sheet.get().map(|s| sheet_body(state, s))}
        </article>
    }
}

fn more(n: usize) -> Option<impl IntoView> {
    (n > 0).then(|| view! { <p class="sheet-more">{(t().sheet.more)(n)}</p> })
}

fn none_yet<T>(list: &Listed<T>) -> Option<impl IntoView> {
    list.items.is_empty().then(|| view! { <p class="sheet-none">{t().plan.none_yet}</p> })
}

fn sheet_body(state: crate::ui::state::AppState, s: PlanSheet) -> impl IntoView {
    let t = t();
    let currency = state.currency.get_untracked();
    let weights = state.workspace.with_untracked(|w| w.scoring.weights);
    let subtitle = (t.list)(&[
        s.sector.clone(),
        if s.owner.is_empty() { String::new() } else { (t.sheet.owner)(&s.owner) },
        (t.sheet.printed_on)(&(t.date_long)(s.today)),
    ]);
    let strengths: Vec<&str> = s.strengths.iter().map(|&c| (t.criterion)(c)).collect();
    let why = if strengths.is_empty() { t.sheet.no_strengths.to_string() } else { (t.sheet.strengths)(&strengths) };
    let money = |v: Option<f64>| v.map(|v| (t.money)(v, currency));
    let figures = (t.list)(&[
        money(s.revenue).map(|m| (t.sheet.revenue)(&m)).unwrap_or_default(),
        money(s.potential).map(|m| (t.sheet.potential)(&m)).unwrap_or_default(),
    ]);
    let criteria = s
        .criteria
        .iter()
        .map(|&(c, rating, points)| {
            view! {
                <tr>
                    <th scope="row">{(t.criterion)(c)}</th>
                    <td>{rating.map(|r| (t.plan.points_of)(r, 5)).unwrap_or_else(|| t.sheet.unrated.to_string())}</td>
                    <td class="num">{(t.points)(points, weights.get(c))}</td>
                </tr>
            }
        })
        .collect_view();
    let goals = s
        .goals
        .items
        .iter()
        .map(|o| {
            view! {
                <li>
                    <span class=format!("chip status-{}", o.status.slug())>{(t.plan.objective_status)(o.status)}</span>
                    <span>{o.what.clone()}</span>
                    {o.target.map(|d| view! { <span class="meta">{(t.date)(d)}</span> })}
                </li>
            }
        })
        .collect_view();
    let actions = s
        .actions
        .items
        .iter()
        .map(|a| {
            let late = a.overdue(s.today);
            view! {
                <li class:overdue=late>
                    <span>{a.title.clone()}</span>
                    <span class="meta">{(t.list)(&[a.owner.clone(), a.due.map(|d| (t.sheet.due)(&(t.date)(d))).unwrap_or_default()])}</span>
                    {late.then(|| view! { <span class="chip chip-bad">{t.plan.overdue}</span> })}
                </li>
            }
        })
        .collect_view();
    let kpis = s
        .kpis
        .items
        .iter()
        .map(|k| {
            let series = kpi_series(k);
            let svg = to_svg(CHART_W, CHART_H, |area| draw_kpi(area, &series, false, 1.0));
            let latest = k
                .latest()
                .map(|m| (t.plan.latest)(&(t.plan.quantity)(&(t.number_short)(m.value), &k.unit), &(t.date)(m.date)));
            view! {
                <figure class="sheet-kpi">
                    <figcaption>
                        <strong>{k.name.clone()}</strong>
                        <span class="meta">{latest.unwrap_or_else(|| t.plan.no_measurements.to_string())}</span>
                    </figcaption>
                    <img class="sheet-chart" src=svg_data_url(&svg) alt=(t.plan.chart_of)(&k.name) />
                </figure>
            }
        })
        .collect_view();
    let swot = s
        .swot
        .iter()
        .map(|(q, list)| {
            view! {
                <div class=format!("quadrant q-{}", q.slug())>
                    <h3>{(t.plan.quadrant)(*q)}</h3>
                    <ul>{list.items.iter().map(|e| view! { <li>{e.clone()}</li> }).collect_view()}</ul>
                    {more(list.more)}
                </div>
            }
        })
        .collect_view();
    let people = s
        .people
        .items
        .iter()
        .map(|p| {
            let role = match p.role {
                crate::domain::stakeholder::BuyingRole::Other if !p.role_name.is_empty() => p.role_name.clone(),
                r => (t.people.role)(r).to_string(),
            };
            view! {
                <li>
                    <span>{p.name.clone()}</span>
                    <span class="meta">{(t.list)(&[p.title.clone(), role, (t.people.attitude)(p.attitude).to_string()])}</span>
                </li>
            }
        })
        .collect_view();
    let needs = s
        .needs
        .items
        .iter()
        .map(|n| {
            view! {
                <li>
                    <span>{n.need.clone()}</span>
                    <span class="meta">{(t.list)(&[money(n.value).unwrap_or_default(), (t.plan.need_status)(n.status).to_string()])}</span>
                </li>
            }
        })
        .collect_view();
    let agreements = s.agreements.items.iter().map(|a| view! { <li>{a.text.clone()}</li> }).collect_view();
    let promise =
        |label: &'static str, text: &str| (!text.is_empty()).then(|| view! { <p>{(t.field_value)(label, text)}</p> });
    let internal = promise((t.plan.promotion_field)(crate::domain::plan::PromotionField::Internal), &s.internal);
    let external = promise((t.plan.promotion_field)(crate::domain::plan::PromotionField::External), &s.external);
    let review = (t.list)(&[
        s.next_review.map(|d| (t.plan.next_review_on)(&(t.date_long)(d))).unwrap_or_default(),
        s.last_meeting.map(|d| (t.sheet.last_met)(&(t.date_long)(d))).unwrap_or_default(),
        s.last_review.as_ref().map(|(d, who)| (t.sheet.last_reviewed)(&(t.date_long)(*d), who)).unwrap_or_default(),
    ]);
    let h = s.health;
    view! {
        <header class="sheet-head">
            <div>
                <h1>{(t.sheet.title)(&s.account)}</h1>
                <p class="meta">{subtitle}</p>
            </div>
            <div class="sheet-figures">
                <div class="sheet-box">
                    <strong>{s.score.map(t.sheet.score).unwrap_or_else(|| t.sheet.unrated.to_string())}</strong>
                    {s.standing.map(|st| view! { <TierBadge standing=st /> })}
                </div>
                <div class=format!("sheet-box health-{}", h.band.slug())>
                    <strong>{(t.plan.health_label)(h.score, h.band)}</strong>
                    <span class="meta">{(t.plan.trend_line)(h.trend)}</span>
                </div>
            </div>
        </header>
        <div class="sheet-grid">
            <section class="sheet-why">
                <h2>{t.sheet.why}</h2>
                <p>{why}</p>
                {(!s.reason.is_empty()).then(|| view! { <p>{(t.sheet.decided)(&s.reason)}</p> })}
                {s.promoted_on.map(|d| view! { <p>{(t.sheet.key_since)(&(t.date_long)(d))}</p> })}
                {(!figures.is_empty()).then(|| view! { <p class="meta">{figures}</p> })}
                <table class="sheet-criteria">
                    <tbody>{criteria}</tbody>
                </table>
            </section>
            <section>
                <h2>{t.plan.sum_goals}</h2>
                {none_yet(&s.goals)}
                <ul class="sheet-list">{goals}</ul>
                {more(s.goals.more)}
                <h2>{t.plan.sum_actions}</h2>
                {none_yet(&s.actions)}
                <ul class="sheet-list">{actions}</ul>
                {more(s.actions.more)}
            </section>
            <section class="sheet-kpis">
                <h2>{t.plan.sum_kpis}</h2>
                {none_yet(&s.kpis)}
                {kpis}
                {more(s.kpis.more)}
            </section>
            <section>
                <h2>{t.plan.sum_swot}</h2>
                <div class="sheet-swot">{swot}</div>
            </section>
            <section>
                <h2>{t.sheet.people}</h2>
                {none_yet(&s.people)}
                <ul class="sheet-list">{people}</ul>
                {more(s.people.more)}
                <h2>{t.sheet.needs}</h2>
                {none_yet(&s.needs)}
                <ul class="sheet-list">{needs}</ul>
                {more(s.needs.more)}
            </section>
            <section>
                <h2>{t.sheet.commitments}</h2>
                {internal}
                {external}
                <ul class="sheet-list">{agreements}</ul>
                {more(s.agreements.more)}
            </section>
        </div>
        <footer class="sheet-foot">
            <span>{review}</span>
            {s.continued().then(|| view! { <span>{t.sheet.continued}</span> })}
        </footer>
    }
}
