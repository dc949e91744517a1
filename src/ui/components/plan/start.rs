//! Starting an empty plan: from one of the four templates, or from the structure of another
//! plan. Shown only while the plan has no objectives, actions or KPIs (`template::is_blank`).

use leptos::prelude::*;

use crate::domain::plan::Plan;
use crate::domain::template::{apply, copy_structure, Started, Template};
use crate::i18n::t;
use crate::platform::new_id;
use crate::ui::components::plan::use_plan;

#[component]
pub fn StartPanel() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let today = ctx.today;
    let state = ctx.state;
    // Either start edits the plan once and says what it added.
    let begin = move |fill: &dyn Fn(&mut Plan) -> Started| {
        let mut started = None;
        ctx.edit(|p| started = Some(fill(p)));
        if let Some(s) = started {
            state.notify((t.template.started)(s.objectives, s.actions, s.kpis));
        }
    };
    let start = move |template: Template| begin(&|p| apply(p, template, &(t.template.words)(template), today, new_id));
    // Other plans to copy from, by account name.
    let others = Memo::new(move |_| {
        let me = ctx.account_id.get_value();
        state.workspace.with(|w| {
            let mut list: Vec<(String, String)> = w
                .plans
                .iter()
                .filter(|p| p.account_id != me && !crate::domain::template::is_blank(p))
                .filter_map(|p| w.find(&p.account_id).map(|a| (p.account_id.clone(), a.fields.name.clone())))
                .collect();
            list.sort_by_key(|(_, name)| name.to_lowercase());
            list
        })
    });
    let source = RwSignal::new(String::new());
    let copy = move |_| {
        let from_id = source.get_untracked();
        let Some(from) = state.workspace.with_untracked(|w| w.plan(&from_id).cloned()) else { return };
        begin(&|p| copy_structure(p, &from, today, new_id));
    };
    let card = move |template: Template| {
        let name = (t.template.name)(template);
        view! {
            <div class="template-card">
                <h3>{name}</h3>
                <p class="hint">{(t.template.blurb)(template)}</p>
                <button type="button" class="button-secondary" on:click=move |_| start(template)>
                    {(t.template.use_it)(name)}
                </button>
            </div>
        }
    };
    view! {
        <section class="panel start-panel">
            <h2>{t.template.title}</h2>
            <p class="hint">{t.template.help}</p>
            <div class="template-cards">{Template::ALL.iter().map(|&x| card(x)).collect_view()}</div>
            <Show when=move || others.with(|o| !o.is_empty())>
                <div class="copy-plan">
                    <div class="field">
                        <label for="copy-plan-from">{t.template.copy_label}</label>
                        <select id="copy-plan-from" on:change=move |ev| source.set(event_target_value(&ev))>
                            <option value="" selected=move || source.with(String::is_empty)>{t.template.copy_none}</option>
                            {move || {
                                others
                                    .get()
                                    .into_iter()
                                    .map(|(id, name)| {
                                        let v = id.clone();
                                        view! { <option value=id selected=move || source.with(|s| *s == v)>{name}</option> }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                    <button type="button" class="button-secondary" disabled=move || source.with(String::is_empty) on:click=copy>
                        {t.template.copy_button}
                    </button>
                </div>
            </Show>
        </section>
    }
}
