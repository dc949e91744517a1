//! Starting an empty plan: from one of the four templates, or from the structure of another
//! plan. Shown only while the plan has no objectives, actions or KPIs (`template::is_blank`).

use leptos::prelude::*;

use crate::domain::plan::Plan;
use crate::domain::template::{apply, apply_own, copy_structure, save_own, SaveProblem, Started, Template};
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
    let own = Memo::new(move |_| state.workspace.with(|w| w.templates.clone()));
    let use_own = move |id: String| {
        let Some(t) = own.with_untracked(|list| list.iter().find(|x| x.id == id).cloned()) else { return };
        begin(&|p| apply_own(p, &t, today, new_id));
    };
    let own_card = move |x: crate::domain::template::OwnTemplate| {
        let (id, remove_id) = (x.id.clone(), x.id.clone());
        let p = &x.plan;
        view! {
            <div class="template-card own">
                <h3>{x.name.clone()}</h3>
                <p class="hint">{(t.template.own_blurb)(p.objectives.len(), p.actions.len(), p.kpis.len())}</p>
                <div class="card-actions">
                    <button type="button" class="button-secondary" on:click=move |_| use_own(id.clone())>
                        {(t.template.use_own)(&x.name)}
                    </button>
                    <button
                        type="button"
                        class="button-quiet"
                        aria-label=(t.template.remove_own)(&x.name)
                        title=(t.template.remove_own)(&x.name)
                        on:click=move |_| state.delete_template(&remove_id)
                    >
                        "×"
                    </button>
                </div>
            </div>
        }
    };
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
            <Show when=move || own.with(|o| !o.is_empty())>
                <h3 class="own-title">{t.template.own_title}</h3>
                <div class="template-cards">{move || own.get().into_iter().map(own_card).collect_view()}</div>
            </Show>
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

/// *Save as template*: this plan's structure kept under a name, for the team's next plans.
#[component]
pub fn SaveTemplate() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let state = ctx.state;
    let open = RwSignal::new(false);
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<SaveProblem>);
    state.guard(crate::ui::state::Guard {
        label: t.template.save,
        unsaved: Signal::derive(move || open.get() && !name.with(|n| n.trim().is_empty())),
        flush: None,
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(plan) = ctx.plan.get_untracked() else { return };
        let typed = name.get_untracked();
        let result =
            state.workspace.with_untracked(|w| save_own(&plan, &typed, &w.templates, ctx.today, new_id(), new_id));
        match result {
            Ok(kept) => {
                let text = (t.template.saved)(&kept.name);
                state.workspace.update(|w| w.save_template(kept));
                state.notify(text);
                name.set(String::new());
                problem.set(None);
                open.set(false);
            }
            Err(p) => problem.set(Some(p)),
        }
    };
    let message = move || problem.get().map(t.template.save_problem);
    view! {
        <div class="save-template-box">
        <button type="button" class="button-secondary" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
            {t.template.save}
        </button>
        <Show when=move || open.get()>
            <form class="save-template" novalidate=true on:submit=save>
                <div class="field" class:has-error=move || problem.with(Option::is_some)>
                    <label for="template-name">{t.template.name_label}</label>
                    <input
                        id="template-name"
                        type="text"
                        autocomplete="off"
                        prop:value=move || name.get()
                        on:input=move |ev| {
                            name.set(event_target_value(&ev));
                            problem.set(None);
                        }
                        aria-invalid=move || problem.with(Option::is_some).then_some("true")
                        aria-describedby="template-name-error template-name-help"
                    />
                    <p class="field-error" id="template-name-error">{message}</p>
                    <p class="hint" id="template-name-help">{t.template.save_help}</p>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button-primary">{t.template.save_button}</button>
                    <button type="button" class="button-secondary" on:click=move |_| {
                        open.set(false);
                        name.set(String::new());
                        problem.set(None);
                    }>{t.template.cancel}</button>
                </div>
            </form>
        </Show>
        </div>
    }
}
