//! Form fields for the plan forms: every control has a `<label for>`, and a message
//! element (named by `aria-describedby`) that shows the domain's validation problem.
//! Values are kept as typed in `RwSignal<String>`s until the domain validates them.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::plan::Invalid;
use crate::i18n::t;

pub type Options = Arc<dyn Fn() -> Vec<(String, String)> + Send + Sync>;

#[derive(Clone)]
pub enum Kind {
    Text,
    Area,
    Date,
    Number,
    Select(Options),
}

/// Fixed options from a list of slugs and their texts.
pub fn options<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    slug: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
) -> Options {
    Arc::new(move || all.iter().map(|&x| (slug(x).to_string(), text(x).to_string())).collect())
}

/// One labelled control. `form` and `key` make the element id (`form-key`), and `key` is
/// the field name the domain reports problems under.
pub fn field(
    form: &str,
    key: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Vec<Invalid>>,
    kind: Kind,
) -> impl IntoView {
    let id = format!("{form}-{key}");
    let error_id = format!("{id}-error");
    let message = move || errors.with(|es| es.iter().find(|e| e.field == key).map(|e| (t().problem)(e.problem)));
    let invalid = move || message().is_some().then_some("true");
    let on_input = move |ev: leptos::ev::Event| value.set(event_target_value(&ev));
    let wide = matches!(kind, Kind::Area);
    let control = match kind {
        Kind::Area => view! {
            <textarea id=id.clone() rows="3" prop:value=move || value.get() on:input=on_input aria-invalid=invalid aria-describedby=error_id.clone()></textarea>
        }
        .into_any(),
        Kind::Select(opts) => view! {
            <select id=id.clone() on:change=on_input aria-describedby=error_id.clone()>
                {move || option_list(opts(), value)}
            </select>
        }
        .into_any(),
        Kind::Text | Kind::Date | Kind::Number => {
            let (ty, mode) = match kind {
                Kind::Date => ("date", "numeric"),
                Kind::Number => ("text", "decimal"),
                _ => ("text", "text"),
            };
            view! {
                <input
                    id=id.clone()
                    type=ty
                    inputmode=mode
                    autocomplete="off"
                    prop:value=move || value.get()
                    on:input=on_input
                    on:change=on_input
                    aria-invalid=invalid
                    aria-describedby=error_id.clone()
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:field-wide=wide class:has-error=move || message().is_some()>
            <label for=id>{label}</label>
            {control}
            <p class="field-error" id=error_id>{message}</p>
        </div>
    }
}

/// A small "×" button that asks for confirmation before running `on_delete`.
#[component]
pub fn DeleteButton(
    /// What is deleted, for the button's accessible name ("Delete <what>").
    what: String,
    on_delete: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let label = (t().plan.delete_item)(&what);
    view! {
        <button type="button" class="button-icon delete" aria-label=label.clone() title=label on:click=move |_| asking.set(true)>
            "×"
        </button>
        <Show when=move || asking.get()>
            <crate::ui::widgets::ConfirmDialog
                title=t().plan.confirm_item_title.to_string()
                body=t().plan.confirm_item_body
                confirm_label=t().confirm_delete
                on_confirm=Callback::new(move |_| {
                    asking.set(false);
                    on_delete.run(());
                })
                on_cancel=Callback::new(move |_| asking.set(false))
            />
        </Show>
    }
}

/// The buttons of an add form that doubles as an edit form: "Add …" or "Save changes"
/// with "Cancel" while an item is being edited.
#[component]
pub fn FormButtons(
    editing: RwSignal<Option<String>>,
    add_label: &'static str,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let t = t();
    view! {
        <div class="form-actions field-wide">
            <button type="submit" class="button-primary">
                {move || if editing.with(Option::is_some) { t.plan.save_changes } else { add_label }}
            </button>
            <Show when=move || editing.with(Option::is_some)>
                <button type="button" class="button-quiet" on:click=move |_| on_cancel.run(())>{t.cancel}</button>
            </Show>
        </div>
    }
}

/// A small "Edit" button that loads an item into its form.
#[component]
pub fn EditButton(what: String, on_edit: Callback<()>) -> impl IntoView {
    let label = (t().plan.edit_item)(&what);
    view! {
        <button type="button" class="button-link edit" aria-label=label.clone() title=label on:click=move |_| on_edit.run(())>
            {t().plan.edit}
        </button>
    }
}

/// Moves keyboard focus (and the view) to a form field after loading an item into it.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// A labelled select over one of the domain's small enums (statuses), for changing an item
/// in place. `hidden_label` keeps the label for screen readers only (in table rows).
pub fn status_select<T: Copy + PartialEq + Send + Sync + 'static>(
    id: String,
    label: String,
    hidden_label: bool,
    all: &'static [T],
    slug: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
    current: T,
    on_pick: impl Fn(T) + 'static,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if let Some(&v) = all.iter().find(|x| slug(**x) == chosen) {
            on_pick(v);
        }
    };
    view! {
        <label for=id.clone() class=if hidden_label { "visually-hidden" } else { "inline-label" }>{label}</label>
        <select id=id on:change=on_change>
            {all.iter().map(|&v| view! { <option value=slug(v) selected=v == current>{text(v)}</option> }).collect_view()}
        </select>
    }
}

/// A labelled filter: "All" plus `options` (value, text), bound to `value` ("" = all).
pub fn filter_select(
    label: &'static str,
    id: &'static str,
    value: RwSignal<String>,
    options: Box<dyn Fn() -> Vec<(String, String)> + Send + Sync>,
) -> impl IntoView {
    view! {
        <div class="field field-inline">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" selected=move || value.with(String::is_empty)>{t().filter_all}</option>
                {move || option_list(options(), value)}
            </select>
        </div>
    }
}

/// `<option>`s for (value, text) pairs, the one equal to `value` selected.
fn option_list(options: Vec<(String, String)>, value: RwSignal<String>) -> impl IntoView {
    options
        .into_iter()
        .map(|(v, text)| {
            let v2 = v.clone();
            view! { <option value=v selected=move || value.with(|x| *x == v2)>{text}</option> }
        })
        .collect_view()
}

/// Filter options from a column of texts: each distinct non-empty value once, sorted without
/// regard to case, as (value, text) pairs.
pub fn distinct_options<S: AsRef<str>>(values: impl IntoIterator<Item = S>) -> Vec<(String, String)> {
    let set: std::collections::BTreeSet<String> =
        values.into_iter().map(|s| s.as_ref().to_string()).filter(|s| !s.is_empty()).collect();
    let mut v: Vec<String> = set.into_iter().collect();
    v.sort_by_cached_key(|s| s.to_lowercase());
    v.into_iter().map(|s| (s.clone(), s)).collect()
}
