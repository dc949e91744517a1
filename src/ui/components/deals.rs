//! What a CRM brought to an account page: its deal history (figures, revenue per quarter,
//! and the revenue it offers as the account's own) and the extra fields kept from an export.

use leptos::prelude::*;

use crate::domain::account::Extra;
use crate::domain::criteria::Question;
use crate::domain::deals::DealSummary;
use crate::i18n::t;
use crate::platform::now_ms;
use crate::ui::components::chart::QuarterChart;
use crate::ui::state::use_app;

/// An account's deal summary, tracked.
pub fn deal_summary(id: StoredValue<String>) -> Memo<Option<DealSummary>> {
    let state = use_app();
    Memo::new(move |_| state.workspace.with(|w| id.with_value(|id| w.find(id).and_then(|a| a.deals.clone()))))
}

#[component]
pub fn DealPanel(id: StoredValue<String>, deals: Memo<Option<DealSummary>>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let revenue =
        Memo::new(move |_| state.workspace.with(|w| id.with_value(|id| w.find(id).and_then(|a| a.fields.revenue))));
    let use_revenue = move |_| {
        let Some(won) = deals.get_untracked().map(|d| d.won_last_12) else { return };
        let mut done = false;
        state.workspace.update(|w| {
            done = id.with_value(|id| {
                let fields = w
                    .find(id)
                    .map(|a| crate::domain::account::AccountFields { revenue: Some(won), ..a.fields.clone() });
                fields.is_some_and(|f| w.update_fields(id, f, now_ms()))
            })
        });
        if done {
            state.notify((t.crm.revenue_set)(&(t.money)(won, state.currency.get_untracked())));
        }
    };
    move || {
        deals.get().map(|d| {
            let c = state.currency.get();
            let growth = d.growth().map(t.crm.growth).unwrap_or_else(|| t.crm.no_growth.to_string());
            let offer = revenue.get() != Some(d.won_last_12);
            view! {
                <section class="panel deal-panel">
                    <h2>{t.crm.deals_panel}</h2>
                    <p class="hint">{(t.crm.deals_as_of)(&(t.date_long)(d.as_of))}</p>
                    <dl class="figures">
                        <div><dt>{t.crm.won_last}</dt><dd>{(t.money)(d.won_last_12, c)}</dd></div>
                        <div><dt>{t.crm.won_prior}</dt><dd>{(t.money)(d.won_prior_12, c)}</dd></div>
                        <div><dt>{t.crm.growth_title}</dt><dd>{growth}</dd></div>
                        <div><dt>{t.crm.products}</dt><dd>{d.products}</dd></div>
                        <div><dt>{t.crm.pipeline}</dt><dd>{(t.crm.pipeline_value)(&(t.money)(d.open_pipeline, c), d.open_deals)}</dd></div>
                    </dl>
                    <QuarterChart deals=Signal::derive(move || deals.get()) />
                    {offer.then(|| view! {
                        <p>
                            <button type="button" class="button-secondary" on:click=use_revenue>
                                {(t.crm.use_as_revenue)(&(t.money)(d.won_last_12, c))}
                            </button>
                            <span class="hint">{t.crm.use_as_revenue_help}</span>
                        </p>
                    })}
                </section>
            }
        })
    }
}

/// The extra fields an import kept with the account.
#[component]
pub fn ExtraFields(id: StoredValue<String>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let extra: Memo<Vec<Extra>> = Memo::new(move |_| {
        state.workspace.with(|w| id.with_value(|id| w.find(id).map(|a| a.extra.clone()).unwrap_or_default()))
    });
    move || {
        let list = extra.get();
        (!list.is_empty()).then(|| {
            view! {
                <section class="panel extra-fields">
                    <h2>{t.crm.extra_title}</h2>
                    <dl class="figures">
                        {list.into_iter().map(|e| view! { <div><dt>{e.label}</dt><dd>{e.value}</dd></div> }).collect_view()}
                    </dl>
                </section>
            }
        })
    }
}

/// What the deal history says to a checklist question, as a sentence with its figures.
pub fn evidence(d: &DealSummary, q: Question, currency: crate::domain::money::Currency) -> Option<(bool, String)> {
    let t = t();
    let says = d.suggests(q)?;
    let figures = match q {
        Question::VolumeStable => (t.crm.evidence_growth)(
            &(t.money)(d.won_last_12, currency),
            &(t.money)(d.won_prior_12, currency),
            &d.growth().map(t.crm.growth).unwrap_or_default(),
        ),
        _ => (t.crm.evidence_quarters)(d.active_quarters()),
    };
    Some((says, figures))
}
