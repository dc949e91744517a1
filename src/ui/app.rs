//! The application shell: loads the workspace, provides the app state, keeps the route in
//! step with the address bar, persists every change, and picks the page to show.

use leptos::prelude::*;

use crate::domain::workspace::Workspace;
use crate::i18n::t;
use crate::platform::now_ms;
use crate::storage::{self, StorageError};
use crate::ui::components::widgets::{ConfirmDialog, Missing, NoticeBar};
use crate::ui::pages::account::AccountPage;
use crate::ui::pages::accounts::AccountsPage;
use crate::ui::pages::method::MethodPage;
use crate::ui::pages::new_account::NewAccountPage;
use crate::ui::pages::overview::OverviewPage;
use crate::ui::pages::plan::PlanPage;
use crate::ui::pages::plans::PlansPage;
use crate::ui::pages::portfolio::PortfolioPage;
use crate::ui::pages::rate::RatePage;
use crate::ui::pages::share::SharePage;
use crate::ui::pages::what_if::WhatIfPage;
use crate::ui::persist::{self, Base};
use crate::ui::route::Route;
use crate::ui::state::{use_app, AppState};

fn current_route() -> Route {
    let hash = window().location().hash().unwrap_or_default();
    Route::parse(&hash)
}

#[component]
pub fn App() -> impl IntoView {
    let (initial, base, problem) = match crate::platform::timed("keystone:load", || storage::load_workspace(now_ms())) {
        Ok(stored) => (stored.as_ref().map(|s| s.workspace.clone()).unwrap_or_default(), stored, None),
        Err(e) => (Workspace::default(), None, Some(e)),
    };
    let mut initial = initial;
    initial.ensure_profile(crate::platform::new_id);
    let state = AppState::new(initial, current_route());
    let base = Base::new(base);
    match problem {
        // Never write over what could not be read without the user's say.
        Some(e @ (StorageError::Unreadable { .. } | StorageError::UnreadableNoBackup { .. })) => {
            persist::lock(state, &e)
        }
        Some(e) => state.storage_problem.set(Some(persist::storage_message(&e))),
        None => {}
    }
    provide_context(state);
    provide_context(base);
    persist::install(state, base);
    persist::follow_scores(state);

    leptos::task::spawn_local(async move {
        state.persistent.set(storage::request_persistence().await);
    });

    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| state.follow_address(current_route()));
    // Closing or reloading the tab with input that could not be saved: the browser asks.
    let on_unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        // Typed input not saved, or work this tab could not store (storage full, or unreadable
        // stored data it must not write over): a reload would lose it.
        if !state.unsaved().is_empty() || state.unsaved.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| state.viewport.update(|v| *v += 1));
    on_cleanup(move || {
        on_hash.remove();
        on_unload.remove();
        on_resize.remove();
    });

    // Each page starts at the top, as a new document would.
    Effect::new(move |_| {
        state.route.track();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });

    // On a phone the navigation folds behind a Menu button; choosing a page folds it again.
    let menu_open = RwSignal::new(false);
    Effect::new(move |_| {
        state.route.track();
        menu_open.set(false);
    });
    let t = t();
    view! {
        <header class="topbar">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                <span class="brand-name">{t.app_name}</span>
                <span class="brand-tagline">{t.tagline}</span>
            </a>
            <button
                type="button"
                class="menu-toggle"
                aria-expanded=move || menu_open.get().to_string()
                aria-controls="main-nav"
                on:click=move |_| menu_open.update(|o| *o = !*o)
            >
                {t.menu}
            </button>
            // The navigation and the language switch wrap together: on a tablet they move under
            // the name as one line instead of leaving the switch alone on a line of its own.
            <div class="topbar-end">
            <nav id="main-nav" aria-label=t.main_nav class:open=move || menu_open.get()>
                <a href=Route::Overview.href() class:current=move || state.route.with(|r| matches!(r, Route::Overview))>
                    {t.portfolio.nav_overview}
                </a>
                <a href=Route::Accounts.href() class:current=move || state.route.with(|r| matches!(r, Route::Accounts | Route::WhatIf))>
                    {t.nav_accounts}
                </a>
                <a href=Route::Rate.href() class:current=move || state.route.with(|r| matches!(r, Route::Rate))>
                    {t.rate.nav}
                </a>
                <a href=Route::Portfolio.href() class:current=move || state.route.with(|r| matches!(r, Route::Portfolio))>
                    {t.portfolio.nav_portfolio}
                </a>
                <a href=Route::Plans.href() class:current=move || state.route.with(|r| matches!(r, Route::Plans | Route::Plan(..)))>
                    {t.plan.nav_plans}
                </a>
                <a href=Route::Share.href() class:current=move || state.route.with(|r| matches!(r, Route::Share))>
                    {t.share.nav}
                </a>
                <a href=Route::Method(None).href() class:current=move || state.route.with(|r| matches!(r, Route::Method(_)))>
                    {t.method.nav}
                </a>
                <a href=Route::NewAccount.href() class:current=move || state.route.with(|r| matches!(r, Route::NewAccount))>
                    {t.nav_add}
                </a>
            </nav>
            <LanguageSwitch />
            </div>
        </header>
        <StorageBanner />
        <UpdateBanner />
        <main id="main">
            {move || match state.route.get() {
                Route::Overview => view! { <OverviewPage /> }.into_any(),
                Route::Accounts => view! { <AccountsPage /> }.into_any(),
                Route::Portfolio => view! { <PortfolioPage /> }.into_any(),
                Route::WhatIf => view! { <WhatIfPage /> }.into_any(),
                Route::Rate => view! { <RatePage /> }.into_any(),
                Route::NewAccount => view! { <NewAccountPage /> }.into_any(),
                Route::Account(id) => view! { <AccountPage id=id /> }.into_any(),
                Route::Plans => view! { <PlansPage /> }.into_any(),
                Route::Share => view! { <SharePage /> }.into_any(),
                Route::Method(topic) => view! { <MethodPage topic=topic /> }.into_any(),
                Route::Plan(id, section) => view! { <PlanPage id=id section=section /> }.into_any(),
                Route::NotFound => view! { <Missing text=t.page_missing /> }.into_any(),
            }}
        </main>
        <NoticeBar />
        <LeaveDialog />
        <UndoDialog />
    }
}

/// Asks before leaving a page that holds input not saved yet.
#[component]
fn LeaveDialog() -> impl IntoView {
    let state = use_app();
    let t = t();
    move || {
        state.leaving.get().map(|route| {
            let labels = untrack(|| state.unsaved());
            let stay = Callback::new(move |_| state.leaving.set(None));
            let leave = Callback::new(move |_| {
                state.leaving.set(None);
                state.go(route.clone());
            });
            view! {
                <ConfirmDialog
                    title=t.leave_title.to_string()
                    body=(t.leave_body)(&labels)
                    confirm_label=t.leave_anyway
                    cancel_label=t.stay
                    on_confirm=leave
                    on_cancel=stay
                />
            }
        })
    }
}

/// Shows what undoing an import would do, and asks.
#[component]
fn UndoDialog() -> impl IntoView {
    let state = use_app();
    let t = t();
    move || {
        state.undoing.get().map(|pending| {
            let u = &pending.undone;
            view! {
                <ConfirmDialog
                    title=t.share.undo_title.to_string()
                    body=(t.share.undo_body)(&u.removed, &u.restored, &u.kept, u.scoring)
                    confirm_label=t.share.undo_confirm
                    cancel_label=t.share.undo_keep
                    on_confirm=Callback::new(move |_| state.confirm_undo())
                    on_cancel=Callback::new(move |_| state.undoing.set(None))
                />
            }
        })
    }
}

/// A newer version of Keystone is installed beside this one (public/offline.js says so): the
/// user decides when to switch, so a page never runs half of one version and half of another.
/// Picks the language before the app mounts: the one chosen in this browser, else the
/// browser's own (see `i18n::Lang::preferred`), and tells the page.
pub fn pick_language() {
    let lang = crate::i18n::Lang::preferred(storage::language().as_deref(), &crate::platform::browser_languages());
    crate::i18n::set_language(lang);
    crate::platform::set_document_language(lang.code());
}

/// The other language, named in itself. Choosing it is remembered in this browser and the
/// page reloads in it; typed input that is not saved yet makes the browser ask first.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let now = crate::i18n::language();
    let other = crate::i18n::Lang::ALL.into_iter().find(|l| *l != now).unwrap_or(now);
    let switch = move |_| {
        storage::set_language(other.code());
        crate::platform::reload();
    };
    view! {
        <button type="button" class="lang-switch" lang=other.code() on:click=switch>{other.name()}</button>
    }
}

#[component]
fn UpdateBanner() -> impl IntoView {
    let t = t();
    let ready = RwSignal::new(false);
    let on_ready =
        window_event_listener(leptos::ev::Custom::<leptos::ev::Event>::new("keystone:update-ready"), move |_| {
            ready.set(true)
        });
    on_cleanup(move || on_ready.remove());
    // The reload saves as leaving the page always does (`persist`), then the new version opens.
    let update = move |_| {
        if let Ok(event) = web_sys::Event::new("keystone:update-now") {
            let _ = window().dispatch_event(&event);
        }
    };
    move || {
        ready.get().then(|| {
            view! {
                <div class="banner banner-info" role="status">
                    <p>{t.update_ready}</p>
                    <div class="banner-actions">
                        <button type="button" class="button-primary" on:click=update>{t.update_now}</button>
                    </div>
                </div>
            }
        })
    }
}

#[component]
fn StorageBanner() -> impl IntoView {
    let state = use_app();
    let base = expect_context::<Base>();
    // While changes exist only in this tab (`unsaved`), the message stays and offers the way out.
    let actions = move || {
        if let Some(key) = state.locked.get() {
            let download = move |_| {
                let raw = storage::raw_by_name(&key).unwrap_or_default();
                let name = (t().share.backup_file)(&crate::platform::iso_date(now_ms()));
                if crate::platform::download(&name, &raw, "text/plain").is_err() {
                    state.notify(t().share.download_failed);
                }
            };
            view! {
                <button type="button" class="button-primary" on:click=download>{t().download_unreadable}</button>
                // The work done in this tab meanwhile is not stored anywhere: it can be exported.
                <Show when=move || state.unsaved.get()>
                    <button type="button" class="button-secondary" on:click=move |_| crate::ui::components::share::export_workspace(state, None)>
                        {t().export_now}
                    </button>
                </Show>
                <button type="button" class="button-quiet" on:click=move |_| persist::unlock(state, base)>
                    {t().start_afresh}
                </button>
            }
            .into_any()
        } else if state.unsaved.get() {
            view! {
                <button type="button" class="button-primary" on:click=move |_| crate::ui::components::share::export_workspace(state, None)>
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
    };
    move || {
        state.storage_problem.get().map(|text| {
            view! {
                <div class="banner banner-error" role="alert">
                    <p>{text}</p>
                    <div class="banner-actions">{actions}</div>
                </div>
            }
        })
    }
}
