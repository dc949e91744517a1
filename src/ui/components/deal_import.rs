//! Importing a deal history: which column is the account, the value, the stage and the close
//! date; what each stage means (won, open, lost); then, per matched account, what its deals
//! say — and the accounts the deals name that the portfolio does not have, listed, never
//! created.

use leptos::prelude::*;

use crate::domain::deals::{self, match_deals, read_deals, DealField, DealImport as Matched, DealMapping, DealStage};
use crate::domain::spreadsheet::Scale;
use crate::domain::validate::FieldSet;
use crate::i18n::t;
use crate::platform::{now_ms, today};
use crate::ui::components::csv::{examples, short_list, value_table, FileFacts, Loaded};
use crate::ui::state::use_app;

/// Matched accounts the preview lists.
const SHOWN_ACCOUNTS: usize = 10;

#[component]
pub fn DealImport(loaded: Loaded, reread: Callback<u8>, on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let name = loaded.name.clone();
    let table = StoredValue::new(loaded.table.clone());
    let mapping = RwSignal::new(table.with_value(DealMapping::guess));
    let set_revenue = RwSignal::new(false);
    let today = today();
    let matched: Memo<Matched> = Memo::new(move |_| {
        mapping.with(|m| {
            table.with_value(|tbl| {
                let (found, refused) = read_deals(tbl, m);
                state.workspace.with(|w| match_deals(&found, refused, w, today))
            })
        })
    });
    let missing = move || mapping.with(DealMapping::missing);
    let can_import = move || missing().is_empty() && matched.with(|m| !m.summaries.is_empty());

    let import = move |_| {
        let mut ws = state.workspace.get_untracked();
        let (n, in_use) = matched.with_untracked(|m| deals::apply(&mut ws, m, set_revenue.get_untracked(), now_ms()));
        state.replace_workspace(ws, (t.crm.deals_imported)(n, in_use));
        on_done.run(());
    };
    let cancel = move |_| {
        state.notify(t.share.cancelled);
        on_done.run(());
    };

    let columns = table.with_value(|tbl| {
        (0..tbl.headers.len())
            .map(|i| {
                let id = format!("deal-column-{i}");
                let header = tbl.headers[i].clone();
                let samples = mapping.with_untracked(|m| m.profiles.get(i).map(examples).unwrap_or_default());
                let current = move || mapping.with(|m| m.columns.get(i).copied().flatten());
                view! {
                    <tr>
                        <th scope="row"><label for=id.clone()>{(t.share.column_becomes)(&header)}</label></th>
                        <td class="meta examples">{samples}</td>
                        <td>
                            <select id=id on:change=move |ev| {
                                let chosen = DealField::from_key(&event_target_value(&ev));
                                mapping.update(|m| table.with_value(|tbl| m.retarget(tbl, i, chosen)));
                            }>
                                <option value="" selected=move || current().is_none()>{t.crm.not_used}</option>
                                {DealField::ALL
                                    .iter()
                                    .map(|&f| view! { <option value=f.key() selected=move || current() == Some(f)>{(t.crm.deal_field)(f)}</option> })
                                    .collect_view()}
                            </select>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    });

    // The stage values, rebuilt only when the stage column changes.
    let stage_column = Memo::new(move |_| mapping.with(|m| m.column(DealField::Stage)));
    let stage_table = move || {
        stage_column.get().map(|col| {
            let entries = mapping.with_untracked(|m| m.stages.entries.clone());
            let rows = entries
                .into_iter()
                .enumerate()
                .map(|(n, e)| {
                    let id = format!("stage-{col}-{n}");
                    let current = move || {
                        mapping.with(|m| {
                            m.stages.entries.get(n).and_then(|e| e.choice.as_deref()).and_then(DealStage::from_slug)
                        })
                    };
                    view! {
                        <tr>
                            <th scope="row"><label for=id.clone()>{(t.crm.value_becomes)(&e.value)}</label></th>
                            <td class="num">{e.count}</td>
                            <td>
                                <select id=id on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    mapping.update(|m| m.stages.set(n, (!v.is_empty()).then_some(v.clone())));
                                }>
                                    <option value="" selected=move || current().is_none()>{t.crm.stage_default}</option>
                                    {DealStage::ALL
                                        .into_iter()
                                        .map(|s| view! { <option value=s.slug() selected=move || current() == Some(s)>{(t.crm.deal_stage)(s)}</option> })
                                        .collect_view()}
                                </select>
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            value_table("deal-stages-title".into(), t.crm.stages_title.into(), rows.into_any(), None)
        })
    };

    let currency = move || state.currency.get();
    let has_amount = Memo::new(move |_| mapping.with(|m| m.column(DealField::Amount).is_some()));
    let has_date = Memo::new(move |_| mapping.with(|m| m.column(DealField::CloseDate).is_some()));
    let found = Memo::new(move |_| mapping.with(|m| m.found_currency));
    let settings = move || {
        view! {
            <div class="inline-form">
                <Show when=move || has_amount.get()>
                    <div class="field">
                        <label for="deal-scale">{t.crm.scale_label}</label>
                        <select id="deal-scale" on:change=move |ev| {
                            let s = Scale::from_slug(&event_target_value(&ev));
                            mapping.update(|m| m.scale = s);
                        }>
                            {Scale::ALL.into_iter().map(|s| view! { <option value=s.slug() selected=move || mapping.with(|m| m.scale == s)>{(t.crm.scale)(s)}</option> }).collect_view()}
                        </select>
                    </div>
                </Show>
                <Show when=move || has_date.get()>
                    <div class="field">
                        <label for="deal-dates">{t.crm.date_order}</label>
                        <select id="deal-dates" on:change=move |ev| {
                            let day_first = event_target_value(&ev) == "day";
                            mapping.update(|m| m.day_first = day_first);
                        }>
                            <option value="day" selected=move || mapping.with(|m| m.day_first)>{t.crm.day_first}</option>
                            <option value="month" selected=move || mapping.with(|m| !m.day_first)>{t.crm.month_first}</option>
                        </select>
                    </div>
                </Show>
            </div>
            {move || found.get().filter(|c| *c != currency()).map(|c| view! {
                <p class="hint hint-warning">{(t.crm.deal_currency)(c, currency())}</p>
            })}
        }
    };

    let preview = move || {
        matched.with(|m| {
            let c = currency();
            let order = crate::domain::order::order_by(
                m.summaries.iter().map(|(_, _, s)| crate::domain::order::descending_amount(s.won_last_12)),
            );
            let shown: Vec<&(String, String, deals::DealSummary)> = order.into_iter().map(|i| &m.summaries[i]).collect();
            let more = shown.len().saturating_sub(SHOWN_ACCOUNTS);
            let rows = shown
                .into_iter()
                .take(SHOWN_ACCOUNTS)
                .map(|(_, name, s)| {
                    view! {
                        <tr>
                            <th scope="row">{name.clone()}</th>
                            <td class="num">{(t.money)(s.won_last_12, c)}</td>
                            <td class="num">{(t.money)(s.won_prior_12, c)}</td>
                            <td class="num">{s.growth().map(t.crm.growth).unwrap_or_else(|| t.crm.no_growth.to_string())}</td>
                            <td class="num">{s.products}</td>
                            <td class="num">{(t.money)(s.open_pipeline, c)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let unmatched: Vec<String> = m.unmatched.iter().map(|u| (t.crm.unmatched_line)(&u.name, u.deals, &(t.money)(u.won, c))).collect();
            let refused: Vec<String> = m.refused.iter().map(|(line, p)| (t.crm.deal_refused)(*line, *p)).collect();
            view! {
                <p class="totals" role="status">{(t.crm.deal_tally)(m.deals, m.summaries.len(), m.matched_deals, m.refused.len())}</p>
                {(!m.summaries.is_empty()).then(|| view! {
                    <table class="plain deal-preview">
                        <thead>
                            <tr>
                                <th scope="col">{t.col_account}</th>
                                <th scope="col" class="num">{t.crm.won_last}</th>
                                <th scope="col" class="num">{t.crm.won_prior}</th>
                                <th scope="col" class="num">{t.crm.growth_title}</th>
                                <th scope="col" class="num">{t.crm.products}</th>
                                <th scope="col" class="num">{t.crm.pipeline}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                    {(more > 0).then(|| view! { <p class="hint">{(t.crm.more_accounts)(more)}</p> })}
                })}
                {(!unmatched.is_empty()).then(|| view! { <h4>{t.crm.unmatched_title}</h4><p class="hint">{t.crm.unmatched_help}</p>{short_list(unmatched, "notes")} })}
                {(!refused.is_empty()).then(|| view! { <h4>{t.crm.problems_title}</h4>{short_list(refused, "problems")} })}
            }
        })
    };

    view! {
        <div class="csv-mapping" role="region" aria-labelledby="deals-title">
            <h3 id="deals-title">{(t.crm.deals_title)(&name)}</h3>
            <FileFacts loaded=loaded reread=reread />
            <p class="hint">{t.crm.deals_mapping_help}</p>
            <table class="plain mapping-table">
                <thead>
                    <tr>
                        <th scope="col">{t.share.col_field}</th>
                        <th scope="col">{t.crm.examples}</th>
                        <th scope="col">{t.share.col_choice}</th>
                    </tr>
                </thead>
                <tbody>{columns}</tbody>
            </table>
            {settings}
            {stage_table}
            {move || {
                let missing = missing();
                (!missing.is_empty()).then(|| view! {
                    <ul class="field-error">{missing.into_iter().map(|f| view! { <li>{(t.crm.deal_missing)(f)}</li> }).collect_view()}</ul>
                })
            }}
            {preview}
            <div class="field-check">
                <input id="deals-revenue" type="checkbox" prop:checked=move || set_revenue.get() on:change=move |ev| set_revenue.set(event_target_checked(&ev)) />
                <label for="deals-revenue">{t.crm.set_revenue}</label>
            </div>
            <div class="form-actions">
                <button type="button" class="button-primary" disabled=move || !can_import() on:click=import>
                    {move || (t.crm.add_deals)(matched.with(|m| m.summaries.len()))}
                </button>
                <button type="button" class="button-quiet" on:click=cancel>{t.share.cancel_import}</button>
            </div>
        </div>
    }
}
