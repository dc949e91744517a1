//! `#/accounts/new`: the account form for a new account.

use leptos::prelude::*;

use crate::domain::account::{Account, AccountFields};
use crate::i18n::t;
use crate::platform::{new_id, now_ms, today};
use crate::ui::components::account_form::AccountForm;
use crate::ui::components::form::FormState;
use crate::ui::route::Route;
use crate::ui::state::use_app;

#[component]
pub fn NewAccountPage() -> impl IntoView {
    let state = use_app();
    let t = t();
    let form = FormState::<AccountFields>::new("field", today());
    form.guard(t.form_new_title);
    let on_submit = Callback::new(move |_| {
        let Some(edited) = form.submit(None) else { return };
        // Saved: nothing is left to lose on the way to the new account's page.
        form.reset();
        let account = Account::new(new_id(), edited.record, now_ms());
        let route = Route::Account(account.id.clone());
        state.workspace.update(|w| w.add(account));
        state.notify(t.saved);
        state.navigate(route);
    });
    let on_cancel = Callback::new(move |_| state.navigate(Route::Accounts));
    view! {
        <section class="page narrow">
            <h1>{t.form_new_title}</h1>
            <AccountForm form=form submit_label=t.save_account on_submit=on_submit on_cancel=on_cancel />
        </section>
    }
}
