//! Small shared pieces: the confirmation dialog, the notice bar, tier badges, "show more",
//! the missing-page message and the empty state.

use leptos::html;
use leptos::prelude::*;

use crate::domain::sample::sample_portfolio;
use crate::domain::scoring::Standing;
use crate::i18n::t;
use crate::platform::now_ms;
use crate::ui::route::Route;
use crate::ui::state::use_app;

/// The tier in force, and — when the manager decided it — that it was decided and, if it
/// differs, what the score says.
#[component]
pub fn TierBadge(#[prop(into)] standing: Standing) -> impl IntoView {
    let t = t();
    let note = (t.standing_note)(standing);
    view! {
        <span class=format!("badge tier-{}", standing.tier.slug())>{(t.tier)(standing.tier)}</span>
        {note.map(|n| view! { <span class="decided-note">{n}</span> })}
    }
}

/// A modal confirmation. Focus starts on the safe choice (cancel); Escape cancels.
#[component]
pub fn ConfirmDialog(
    title: String,
    #[prop(into)] body: String,
    confirm_label: &'static str,
    /// The safe choice's text ("Cancel" unless said otherwise).
    #[prop(optional)]
    cancel_label: Option<&'static str>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let cancel_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = cancel_ref.get() {
            let _ = button.focus();
        }
    });
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            on_cancel.run(());
        }
    };
    view! {
        <div class="dialog-backdrop" on:keydown=on_key>
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="dialog-title" aria-describedby="dialog-body">
                <h2 id="dialog-title">{title}</h2>
                <p id="dialog-body">{body}</p>
                <div class="dialog-actions">
                    <button type="button" class="button-quiet" node_ref=cancel_ref on:click=move |_| on_cancel.run(())>
                        {cancel_label.unwrap_or(t().cancel)}
                    </button>
                    <button type="button" class="button-danger" on:click=move |_| on_confirm.run(())>
                        {confirm_label}
                    </button>
                </div>
            </div>
        </div>
    }
}

/// How long a plain notice stays up.
const NOTICE_MS: u64 = 5000;
/// How long an undo is offered: long enough to regret a click, short enough that nobody
/// undoes an old change by surprise. Moving to another page ends it too.
pub const UNDO_MS: u64 = 10_000;

/// The latest notice. A plain one goes after a few seconds; one that offers Undo after ten
/// seconds or when the user moves to another page, whichever comes first.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = use_app();
    let t = t();
    Effect::new(move |_| {
        let Some((seq, undo)) = state.notice.with(|n| n.as_ref().map(|n| (n.seq, n.undo.is_some()))) else {
            return;
        };
        let wait = if undo { UNDO_MS } else { NOTICE_MS };
        set_timeout(
            // The app may be gone by then (a test unmounts it): read and write only if not.
            move || {
                if state.notice.try_with_untracked(|n| n.as_ref().is_some_and(|n| n.seq == seq)) == Some(true) {
                    state.notice.try_set(None);
                }
            },
            std::time::Duration::from_millis(wait),
        );
    });
    view! {
        <div class="notice-area" role="status" aria-live="polite">
            {move || {
                state.busy.get().map(|b| {
                    let label = (t.busy)(&b.what, b.done, b.total);
                    let percent = b.done * 100 / b.total.max(1);
                    view! {
                        <div class="notice busy">
                            <span>{label.clone()}</span>
                            <div class="progress" role="progressbar" aria-label=label aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent.to_string()>
                                <div class="progress-bar" style=format!("width: {percent}%")></div>
                            </div>
                        </div>
                    }
                })
            }}
            {move || {
                state.notice.get().map(|notice| {
                    let can_undo = notice.undo.is_some();
                    view! {
                        <div class="notice">
                            <span>{notice.text}</span>
                            <Show when=move || can_undo>
                                <button type="button" class="button-link" on:click=move |_| state.undo()>{t.undo}</button>
                            </Show>
                            <button type="button" class="button-icon" aria-label=t.dismiss on:click=move |_| state.notice.set(None)>
                                "×"
                            </button>
                        </div>
                    }
                })
            }}
        </div>
    }
}

/// "Show N more" under a list that is shown a page at a time. `more`: how many are hidden.
#[component]
pub fn ShowMore(#[prop(into)] more: Signal<usize>, shown: RwSignal<usize>, page: usize) -> impl IntoView {
    move || {
        let more = more.get();
        (more > 0).then(|| {
            view! {
                <p class="show-more">
                    <button type="button" class="button-secondary" on:click=move |_| shown.update(|n| *n += page)>
                        {(t().show_more)(more.min(page), more)}
                    </button>
                </p>
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

/// Shows its children once there are accounts, and the empty state (add one, or load the
/// sample) before.
#[component]
pub fn NeedsAccounts(children: ChildrenFn) -> impl IntoView {
    let state = use_app();
    let has_accounts = Memo::new(move |_| state.workspace.with(|w| !w.accounts.is_empty()));
    move || if has_accounts.get() { children().into_any() } else { view! { <EmptyState /> }.into_any() }
}

#[component]
fn EmptyState() -> impl IntoView {
    let state = use_app();
    let t = t();
    let load_sample = move |_| {
        let sample = sample_portfolio(now_ms());
        // Keep the user's scoring settings; take the sample's accounts and plans.
        state.workspace.update(|w| w.load_sample(sample));
        // The sample's story is its ranking: show that first.
        state.navigate(Route::Accounts);
        state.notify(t.sample_loaded);
    };
    view! {
        <section class="page empty-state">
            <h1>{t.empty_title}</h1>
            <p>{t.empty_body}</p>
            <div class="empty-actions">
                <a class="button button-primary" href=Route::NewAccount.href()>{t.add_account}</a>
                <button type="button" class="button-secondary" on:click=load_sample>{t.load_sample}</button>
            </div>
        </section>
    }
}

/// "Why?": a link from a criterion, a plan step or a quadrant to where the method page
/// explains it.
#[component]
pub fn WhyLink(topic: crate::ui::route::Topic) -> impl IntoView {
    let t = t();
    let title = (t.method.why_title)(topic);
    view! {
        <a class="why-link" href=crate::ui::route::Route::Method(Some(topic)).href() title=title.clone() aria-label=title>
            {t.method.why}
        </a>
    }
}
