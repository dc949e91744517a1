//! The account form, used to add and to edit. Every field is kept as typed; validation
//! runs in the domain on submit (and again on every keystroke once a message shows, so
//! it disappears as soon as the field is fixed). Nothing invalid reaches the workspace.

use leptos::prelude::*;

use crate::domain::account::{Account, AccountDraft, AccountFields, Field, FieldError, Status};
use crate::domain::portfolio::Stage;
use crate::i18n::t;
use crate::platform::{current_year, new_id, now_ms};
use crate::ui::route::Route;
use crate::ui::state::use_app;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Number,
    Year,
    Notes,
}

fn field_id(f: Field) -> &'static str {
    match f {
        Field::Name => "field-name",
        Field::Sector => "field-sector",
        Field::Region => "field-region",
        Field::Owner => "field-owner",
        Field::Status => "field-status",
        Field::Stage => "field-stage",
        Field::Revenue => "field-revenue",
        Field::Potential => "field-potential",
        Field::Margin => "field-margin",
        Field::RelationshipYears => "field-years",
        Field::CustomerSince => "field-since",
        Field::Notes => "field-notes",
    }
}

fn slot(d: &mut AccountDraft, f: Field) -> &mut String {
    match f {
        Field::Name => &mut d.name,
        Field::Sector => &mut d.sector,
        Field::Region => &mut d.region,
        Field::Owner => &mut d.owner,
        Field::Status => &mut d.status,
        Field::Stage => &mut d.stage,
        Field::Revenue => &mut d.revenue,
        Field::Potential => &mut d.potential,
        Field::Margin => &mut d.margin_pct,
        Field::RelationshipYears => &mut d.relationship_years,
        Field::CustomerSince => &mut d.customer_since,
        Field::Notes => &mut d.notes,
    }
}

#[component]
pub fn AccountForm(
    initial: AccountDraft,
    submit_label: &'static str,
    on_submit: Callback<AccountFields>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let t = t();
    let draft = RwSignal::new(initial);
    let errors = RwSignal::new(Vec::<FieldError>::new());

    let revalidate = move || {
        if !errors.with_untracked(Vec::is_empty) {
            errors.set(draft.with_untracked(|d| d.validate(current_year())).err().unwrap_or_default());
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(|d| d.validate(current_year())) {
            Ok(fields) => {
                errors.set(Vec::new());
                on_submit.run(fields);
            }
            Err(es) => {
                // Take the user to the first problem.
                if let Some(first) = es.first() {
                    if let Some(el) = document().get_element_by_id(field_id(first.field)) {
                        use wasm_bindgen::JsCast;
                        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                            let _ = el.focus();
                        }
                    }
                }
                errors.set(es);
            }
        }
    };

    let input = move |field: Field, kind: Kind| {
        let id = field_id(field);
        let error_id = format!("{id}-error");
        let message = move || errors.with(|es| es.iter().find(|e| e.field == field).map(|e| (t.problem)(e.problem)));
        let invalid = move || message().is_some().then_some("true");
        let on_input = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            draft.update(|d| *slot(d, field) = v);
            revalidate();
        };
        // The draft is a handful of short strings; cloning it to read one is cheap.
        let current = move || {
            let mut d = draft.get();
            std::mem::take(slot(&mut d, field))
        };
        let control = match kind {
            Kind::Notes => view! {
                <textarea id=id rows="4" prop:value=current on:input=on_input aria-invalid=invalid aria-describedby=error_id.clone()></textarea>
            }
            .into_any(),
            _ => {
                let mode = match kind {
                    Kind::Number => "decimal",
                    Kind::Year => "numeric",
                    _ => "text",
                };
                let required = field == Field::Name;
                view! {
                    <input
                        id=id
                        type="text"
                        inputmode=mode
                        required=required
                        autocomplete="off"
                        prop:value=current
                        on:input=on_input
                        aria-invalid=invalid
                        aria-describedby=error_id.clone()
                    />
                }
                .into_any()
            }
        };
        view! {
            <div class="field" class:field-wide=kind == Kind::Notes class:has-error=move || message().is_some()>
                <label for=id>{(t.field_label)(field)}</label>
                {control}
                <p class="field-error" id=error_id>{message}</p>
            </div>
        }
    };

    let status_select = move || {
        let id = field_id(Field::Status);
        view! {
            <div class="field">
                <label for=id>{(t.field_label)(Field::Status)}</label>
                <select id=id on:change=move |ev| draft.update(|d| d.status = event_target_value(&ev))>
                    {Status::ALL
                        .into_iter()
                        .map(|s| {
                            let selected = move || draft.with(|d| d.status == s.slug());
                            view! { <option value=s.slug() selected=selected>{(t.status)(s)}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        }
    };

    let stage_select = move || {
        let id = field_id(Field::Stage);
        let tp = &t.portfolio;
        view! {
            <div class="field">
                <label for=id>{(t.field_label)(Field::Stage)}</label>
                <select id=id aria-describedby="field-stage-help" on:change=move |ev| draft.update(|d| d.stage = event_target_value(&ev))>
                    <option value="" selected=move || draft.with(|d| d.stage.is_empty())>{tp.stage_none}</option>
                    {Stage::ALL
                        .into_iter()
                        .map(|s| {
                            let selected = move || draft.with(|d| d.stage == s.slug());
                            view! { <option value=s.slug() selected=selected>{(tp.stage)(s)}</option> }
                        })
                        .collect_view()}
                </select>
                <p class="hint" id="field-stage-help">{tp.stage_help}</p>
            </div>
        }
    };

    let summary = move || {
        let n = errors.with(Vec::len);
        (n > 0).then(|| view! { <p class="form-summary" role="alert">{(t.form_has_errors)(n)}</p> })
    };

    view! {
        <form class="account-form" novalidate=true on:submit=submit>
            <div class="form-grid">
                {input(Field::Name, Kind::Text)}
                {status_select()}
                {input(Field::Sector, Kind::Text)}
                {input(Field::Region, Kind::Text)}
                {input(Field::Owner, Kind::Text)}
                {input(Field::CustomerSince, Kind::Year)}
                {stage_select()}
                {input(Field::Revenue, Kind::Number)}
                {input(Field::Potential, Kind::Number)}
                {input(Field::Margin, Kind::Number)}
                {input(Field::RelationshipYears, Kind::Number)}
                {input(Field::Notes, Kind::Notes)}
            </div>
            {summary}
            <div class="form-actions">
                <button type="submit" class="button-primary">{submit_label}</button>
                {on_cancel.map(|cancel| view! {
                    <button type="button" class="button-quiet" on:click=move |_| cancel.run(())>{t.cancel}</button>
                })}
            </div>
        </form>
    }
}

#[component]
pub fn NewAccountPage() -> impl IntoView {
    let state = use_app();
    let t = t();
    let initial = AccountDraft { status: Status::Customer.slug().into(), ..AccountDraft::default() };
    let on_submit = Callback::new(move |fields: AccountFields| {
        let account = Account::new(new_id(), fields, now_ms());
        let route = Route::Account(account.id.clone());
        state.workspace.update(|w| w.add(account));
        state.notify(t.saved);
        state.navigate(route);
    });
    let on_cancel = Callback::new(move |_| {
        state.navigate(Route::Accounts);
    });
    view! {
        <section class="page narrow">
            <h1>{t.form_new_title}</h1>
            <AccountForm initial=initial submit_label=t.save_account on_submit=on_submit on_cancel=on_cancel />
        </section>
    }
}
