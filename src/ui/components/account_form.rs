//! The account form, used to add and to edit. Every field is kept as typed; the domain
//! validates it on submit (and again on every keystroke once a message shows, so it goes as
//! soon as the field is fixed). Nothing invalid reaches the workspace.

use leptos::prelude::*;

use crate::domain::account::{AccountField, AccountFields, FieldKind, Stage, Status};
use crate::domain::validate::FieldSet;
use crate::i18n::t;
use crate::ui::components::form::{options, Control, FormState};
use crate::ui::state::use_app;

/// The control each kind of account field gets.
fn control(f: AccountField) -> Control {
    let t = t();
    match f.kind() {
        FieldKind::Text => Control::Text,
        FieldKind::LongText => Control::Area,
        FieldKind::Number => Control::Number,
        FieldKind::Year => Control::Whole,
        FieldKind::Choice if f == AccountField::Stage => Control::Select(std::sync::Arc::new(move || {
            let mut opts = vec![(String::new(), t.portfolio.stage_none.to_string())];
            opts.extend(Stage::ALL.iter().map(|s| (s.slug().to_string(), (t.portfolio.stage)(*s).to_string())));
            opts
        })),
        FieldKind::Choice => Control::Select(options(&Status::ALL, Status::slug, t.status)),
    }
}

/// The account's fields. With `submit_label` the form is submitted as a whole (a new
/// account); without, it saves itself as it is typed and shows no button.
#[component]
pub fn AccountForm(
    form: FormState<AccountFields>,
    #[prop(optional)] submit_label: Option<&'static str>,
    #[prop(optional)] on_submit: Option<Callback<()>>,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let t = t();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if let Some(on_submit) = on_submit {
            on_submit.run(());
        }
    };
    let fields = AccountField::ALL
        .iter()
        .map(|&f| match f {
            AccountField::Stage => form.field_hinted(f, control(f), t.portfolio.stage_help),
            AccountField::Revenue | AccountField::Potential => {
                form.field_hinted(f, control(f), (t.amount_hint)(use_app().currency.get_untracked()))
            }
            _ => form.field(f, control(f)),
        })
        .collect_view();
    let summary = move || {
        let n = form.error_count();
        (n > 0 && submit_label.is_some())
            .then(|| view! { <p class="form-summary" role="alert">{(t.form_has_errors)(n)}</p> })
    };
    view! {
        <form class="account-form" novalidate=true on:submit=submit>
            <div class="form-grid">{fields}</div>
            {summary}
            {submit_label.map(|label| view! {
                <div class="form-actions">
                    <button type="submit" class="button-primary">{label}</button>
                    {on_cancel.map(|cancel| view! {
                        <button type="button" class="button-quiet" on:click=move |_| cancel.run(())>{t.cancel}</button>
                    })}
                </div>
            })}
        </form>
    }
}
