//! The application shell: loads the workspace, provides the app state, keeps the route in
//! step with the address bar, persists every change, and picks the page to show.

use leptos::prelude::*;

use crate::domain::workspace::Workspace;
use crate::i18n::t;
use crate::platform::now_ms;
use crate::storage::{self, StorageError};
use crate::ui::account::AccountPage;
use crate::ui::accounts::AccountsPage;
use crate::ui::form::NewAccountPage;
use crate::ui::plan::PlanPage;
use crate::ui::plans::PlansPage;
use crate::ui::route::Route;
use crate::ui::share::SharePage;
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::NoticeBar;

fn current_route() -> Route {
    let hash = window().location().hash().unwrap_or_default();
    Route::parse(&hash)
}

fn storage_message(e: &StorageError) -> String {
    match e {
        StorageError::Unavailable => t().storage_unavailable.to_string(),
        StorageError::Unreadable { reason, backup } => (t().storage_unreadable)(&reason.to_string(), backup),
        StorageError::Full => t().storage_full.to_string(),
        StorageError::UnreadableNoBackup { .. } | StorageError::Write(_) => (t().storage_write_failed)(&e.to_string()),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let (initial, problem, may_save) = match storage::load_workspace(now_ms()) {
        Ok(ws) => (ws.unwrap_or_default(), None, true),
        // The unreadable data is safe in its backup key, so saving over it is allowed.
        Err(e @ StorageError::Unreadable { .. }) => (Workspace::default(), Some(storage_message(&e)), true),
        // Without a backup, never overwrite what we could not read.
        Err(e) => (Workspace::default(), Some(storage_message(&e)), false),
    };
    let mut initial = initial;
    initial.ensure_profile(crate::platform::new_id);
    let state = AppState::new(initial, current_route());
    state.storage_problem.set(problem);
    provide_context(state);

    leptos::task::spawn_local(async move {
        state.persistent.set(storage::request_persistence().await);
    });

    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| state.set_route(current_route()));
    let on_resize = window_event_listener(leptos::ev::resize, move |_| state.viewport.update(|v| *v += 1));
    on_cleanup(move || {
        on_hash.remove();
        on_resize.remove();
    });

    // The one place that writes the workspace to storage: after every change, not on
    // the first run (that would only write back what was just read).
    Effect::new(move |previous: Option<()>| {
        state.workspace.with(|ws| {
            if previous.is_some() && may_save {
                // On failure the tab keeps the work and the old stored copy stays as it was;
                // the banner stays until a later write succeeds.
                match storage::save_workspace(ws) {
                    Ok(()) => {
                        // A write works again: the write-failure message has done its job.
                        if state.unsaved.get_untracked() {
                            state.unsaved.set(false);
                            state.storage_problem.set(None);
                        }
                    }
                    Err(e) => {
                        state.unsaved.set(true);
                        state.storage_problem.set(Some(storage_message(&e)));
                    }
                }
            }
        });
    });

    // Each page starts at the top, as a new document would.
    Effect::new(move |_| {
        state.route.track();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });

    let t = t();
    view! {
        <header class="topbar">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                <span class="brand-name">{t.app_name}</span>
                <span class="brand-tagline">{t.tagline}</span>
            </a>
            <nav aria-label=t.main_nav>
                <a href=Route::Accounts.href() class:current=move || state.route.with(|r| matches!(r, Route::Accounts))>
                    {t.nav_accounts}
                </a>
                <a href=Route::Plans.href() class:current=move || state.route.with(|r| matches!(r, Route::Plans | Route::Plan(..)))>
                    {t.plan.nav_plans}
                </a>
                <a href=Route::Share.href() class:current=move || state.route.with(|r| matches!(r, Route::Share))>
                    {t.share.nav}
                </a>
                <a href=Route::NewAccount.href() class:current=move || state.route.with(|r| matches!(r, Route::NewAccount))>
                    {t.nav_add}
                </a>
            </nav>
        </header>
        <StorageBanner />
        <main id="main">
            {move || match state.route.get() {
                Route::Accounts => view! { <AccountsPage /> }.into_any(),
                Route::NewAccount => view! { <NewAccountPage /> }.into_any(),
                Route::Account(id) => view! { <AccountPage id=id /> }.into_any(),
                Route::Plans => view! { <PlansPage /> }.into_any(),
                Route::Share => view! { <SharePage /> }.into_any(),
                Route::Plan(id, section) => view! { <PlanPage id=id section=section /> }.into_any(),
                Route::NotFound => view! { <Missing text=t.page_missing /> }.into_any(),
            }}
        </main>
        <NoticeBar />
    }
}

#[component]
fn StorageBanner() -> impl IntoView {
    let state = use_app();
    // While changes exist only in this tab (`unsaved`), the message stays and offers the way out.
    move || {
        state.storage_problem.get().map(|text| {
            view! {
                <div class="banner banner-error" role="alert">
                    <p>{text}</p>
                    {move || {
                        if state.unsaved.get() {
                            view! {
                                <button type="button" class="button-primary" on:click=move |_| crate::ui::share::export_workspace(None)>
                                    {t().export_now}
                                </button>
                            }
                            .into_any()
                        } else {
                            view! {
                                <button type="button" class="button-quiet" on:click=move |_| state.storage_problem.set(None)>
                                    {t().dismiss}
                                </button>
                            }
                            .into_any()
                        }
                    }}
                </div>
            }
        })
    }
}

/// A page for an address that shows nothing.
#[component]
pub fn Missing(text: &'static str) -> impl IntoView {
    view! {
        <section class="page missing">
            <p>{text}</p>
            <a class="button" href=Route::Accounts.href()>{t().back_to_accounts}</a>
        </section>
    }
}
