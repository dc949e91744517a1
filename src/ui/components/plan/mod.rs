//! The sections of one key-account plan: the one-screen summary and the method's four
//! steps (plus SWOT and review). They share a [`PlanCtx`], provided by the plan page.

pub mod anticipate;
pub mod deliver;
pub mod goals;
pub mod held;
pub mod measure;
pub mod review;
pub mod sheet;
pub mod start;
pub mod summary;

use leptos::prelude::*;

use crate::domain::date::Date;
use crate::domain::plan::{Plan, PlanHealth, PlanItem};
use crate::domain::validate::Form;
use crate::i18n::{t, Label};
use crate::platform::{now_ms, today};
use crate::ui::components::form::FormState;
use crate::ui::route::{Route, Section};
use crate::ui::state::{use_app, AppState};

/// What every section of one plan page shares, provided by context.
#[derive(Clone, Copy)]
pub struct PlanCtx {
    pub state: AppState,
    pub account_id: StoredValue<String>,
    pub plan: Memo<Option<Plan>>,
    pub health: Memo<Option<PlanHealth>>,
    pub today: Date,
}

impl PlanCtx {
    /// Changes this plan (see `AppState::edit_plan`).
    pub fn edit(&self, change: impl FnOnce(&mut Plan)) -> bool {
        self.state.edit_plan(&self.account_id.get_value(), change)
    }

    /// A list of the plan, as a signal for a keyed list.
    pub fn list<T: Clone + PartialEq + Send + Sync + 'static>(&self, get: fn(&Plan) -> &Vec<T>) -> Signal<Vec<T>> {
        let plan = self.plan;
        Memo::new(move |_| plan.with(|p| p.as_ref().map(|p| get(p).clone()).unwrap_or_default())).into()
    }

    /// Saves an add-or-edit form of plan items: a new item is appended, an edit is written
    /// field by field over the item as it is now. Returns whether it was saved.
    pub fn save_item<R>(&self, form: FormState<R>) -> bool
    where
        R: Form + PlanItem + Clone + 'static,
        R::Field: Label,
    {
        let editing = form.record_id();
        let current: Option<R> = editing
            .as_ref()
            .and_then(|e| self.plan.with_untracked(|p| p.as_ref().and_then(|p| p.item::<R>(e).cloned())));
        let Some(edited) = form.submit(current.as_ref()) else { return false };
        let record = edited.record;
        let saved = self.edit(|p| p.save(record));
        if saved {
            if let Some(text) = crate::ui::components::form::clash_text(&edited.clashes) {
                self.state.notify(text);
            }
            form.reset();
        }
        saved
    }
}

pub fn use_plan() -> PlanCtx {
    expect_context::<PlanCtx>()
}

/// Promotes an account: starts its plan and opens it.
pub fn promote(state: AppState, account_id: &str) {
    state.workspace.update(|w| {
        w.promote(account_id, today(), now_ms());
    });
    state.notify(t().plan.promoted);
    state.navigate(Route::Plan(account_id.to_string(), Section::Goals));
}

/// The button that promotes an account.
#[component]
pub fn PromoteButton(account_id: StoredValue<String>) -> impl IntoView {
    let state = use_app();
    view! {
        <button type="button" class="button-primary" on:click=move |_| promote(state, &account_id.get_value())>
            {t().plan.promote}
        </button>
    }
}
