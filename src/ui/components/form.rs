//! The one form pattern. A [`FormState`] holds the draft in one signal, built from the
//! record when editing (`Form::draft`), and reads it through the domain (`Form::read`), which
//! reports problems against the record's field enum. Every control has a `<label for>` and a
//! message element (named by `aria-describedby`) showing the domain's problem in words.
//!
//! Saving an edit writes only the fields the user changed onto the record as it is now
//! (`validate::edit`), so a form left open while another tab saved never reverts that save.

use std::marker::PhantomData;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::date::Date;
use crate::domain::validate::{edit, Draft, Edited, FieldError, FieldSet, Form, Problem};
use crate::i18n::{t, Label};
use crate::platform::new_id;
use crate::ui::state::{use_app, Guard};

pub type Options = Arc<dyn Fn() -> Vec<(String, String)> + Send + Sync>;

/// What to tell the user when their edit replaced values another tab had saved meanwhile.
pub fn clash_text<F: Label + Copy>(clashes: &[F]) -> Option<String> {
    let names: Vec<&str> = clashes.iter().map(|f| f.label()).collect();
    (!names.is_empty()).then(|| (t().form_clash)(&names))
}

/// Which control a field gets.
#[derive(Clone)]
pub enum Control {
    Text,
    /// Several lines.
    Area,
    Date,
    /// A text input with a decimal keyboard: a number input would hide what was typed when it
    /// is not a number, and we could not say what is wrong with it.
    Number,
    /// A whole number such as a year.
    Whole,
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

/// A form over the record type `R`. The typed layer is thin: the signals hold the draft's
/// values and the problems by field position, so every form shares one copy of the code
/// that keeps and shows them.
pub struct FormState<R: Form> {
    core: FormCore,
    /// The id of the item being edited; `None` while adding a new one.
    pub editing: RwSignal<Option<String>>,
    today: Date,
    record: PhantomData<fn() -> R>,
}

/// Where a form that saves itself stands, for the line beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing typed since it was opened.
    Idle,
    /// Typed, saving when typing pauses.
    Pending,
    Saved,
    /// This many fields hold values that cannot be saved (their messages say why).
    Invalid(usize),
    /// The record was deleted meanwhile.
    Gone,
    /// Saved in this tab, but the browser's storage refused it (see the banner).
    TabOnly,
}

/// How long typing pauses before a form that saves itself saves.
const TYPING_PAUSE_MS: u64 = 600;

/// What every form holds, whatever its record.
#[derive(Clone, Copy)]
struct FormCore {
    /// The draft as typed, one value per field.
    draft: RwSignal<Vec<String>>,
    /// What the form showed when it was opened (or last saved): the user changed what differs.
    opened: RwSignal<Vec<String>>,
    /// Problems by field position.
    errors: RwSignal<Vec<(usize, Problem)>>,
    prefix: StoredValue<String>,
    /// Runs when a field is left or a choice is picked (a form that saves itself saves then).
    commit: StoredValue<Option<Callback<()>>>,
}

impl FormCore {
    fn show(&self, values: Vec<String>) {
        self.draft.set(values.clone());
        self.opened.set(values);
        self.errors.set(Vec::new());
    }

    fn dirty(&self) -> bool {
        self.draft.with(|d| self.opened.with(|o| d != o))
    }

    fn id(&self, key: &str) -> String {
        self.prefix.with_value(|p| format!("{p}-{key}"))
    }

    fn message(&self, index: usize) -> Option<String> {
        self.errors.with(|es| es.iter().find(|e| e.0 == index).map(|e| (t().problem)(e.1)))
    }

    /// Shows problems and takes the user to the first one.
    fn fail(&self, errors: Vec<(usize, Problem)>, first_key: Option<&str>) {
        if let Some(key) = first_key {
            focus(&self.id(key));
        }
        self.errors.set(errors);
    }

    fn control(
        &self,
        index: usize,
        key: &str,
        label: String,
        control: Control,
        hint: Option<&'static str>,
        revalidate: Callback<()>,
    ) -> AnyView {
        let core = *self;
        let value = Signal::derive(move || core.draft.with(|d| d.get(index).cloned().unwrap_or_default()));
        let message = Signal::derive(move || core.message(index));
        let on_input = Callback::new(move |v: String| {
            let changed = core.draft.with_untracked(|d| d.get(index) != Some(&v));
            if changed {
                core.draft.update(|d| {
                    if let Some(slot) = d.get_mut(index) {
                        *slot = v;
                    }
                });
                // Once messages show, the form is checked again on every change, so a message
                // goes as soon as its field is fixed.
                if !core.errors.with_untracked(Vec::is_empty) {
                    revalidate.run(());
                }
            }
        });
        let on_commit = Callback::new(move |_| {
            if let Some(commit) = core.commit.get_value() {
                commit.run(());
            }
        });
        labelled_control(Labelled { id: self.id(key), label, value, message, on_input, on_commit, hint }, control)
    }
}

impl<R: Form> Clone for FormState<R> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<R: Form> Copy for FormState<R> {}

fn positions<F: FieldSet>(errors: Vec<FieldError<F>>) -> Vec<(usize, Problem)> {
    errors.into_iter().map(|e| (e.field.index(), e.problem)).collect()
}

impl<R: Form + 'static> FormState<R>
where
    R::Field: Label,
{
    /// An empty form for a new record. `prefix` makes the element ids (`prefix-key`).
    pub fn new(prefix: impl Into<String>, today: Date) -> FormState<R> {
        let blank = R::blank(today).into_values();
        FormState {
            core: FormCore {
                draft: RwSignal::new(blank.clone()),
                opened: RwSignal::new(blank),
                errors: RwSignal::new(Vec::new()),
                prefix: StoredValue::new(prefix.into()),
                commit: StoredValue::new(None),
            },
            editing: RwSignal::new(None),
            today,
            record: PhantomData,
        }
    }

    /// A form showing `record` (a form that edits one thing, such as the review settings):
    /// it always saves as an edit of that thing.
    pub fn showing(prefix: impl Into<String>, record: &R, today: Date) -> FormState<R> {
        let form = FormState::new(prefix, today);
        form.core.show(record.draft().into_values());
        form.editing.set(Some(String::new()));
        form
    }

    /// Opens an existing item for editing and moves focus to the form.
    pub fn load(&self, id: &str, record: &R) {
        self.core.show(record.draft().into_values());
        self.editing.set(Some(id.to_string()));
        if let Some(first) = R::Field::ALL.first() {
            focus(&self.id(*first));
        }
    }

    /// Back to an empty form for a new record.
    pub fn reset(&self) {
        self.core.show(R::blank(self.today).into_values());
        self.editing.set(None);
    }

    /// Starts a new record keeping the values of `keep` (a date entered once, say): the form
    /// holds nothing unsaved afterwards.
    pub fn restart(&self, keep: &[R::Field]) {
        let mut next = R::blank(self.today);
        let typed = self.typed();
        for f in keep {
            next.set(*f, typed.get(*f));
        }
        self.core.show(next.into_values());
    }

    /// The form now shows `record` as saved.
    pub fn saved(&self, record: &R) {
        self.core.show(record.draft().into_values());
    }

    /// Whether the user typed something not saved yet.
    pub fn dirty(&self) -> bool {
        self.core.dirty()
    }

    pub fn id(&self, f: R::Field) -> String {
        self.core.id(f.key())
    }

    /// Sets a field as if typed.
    pub fn set(&self, f: R::Field, value: String) {
        self.core.draft.update(|d| {
            if let Some(slot) = d.get_mut(f.index()) {
                *slot = value;
            }
        });
    }

    /// A field's value as typed now. Reactive.
    pub fn value(&self, f: R::Field) -> String {
        self.core.draft.with(|d| d.get(f.index()).cloned().unwrap_or_default())
    }

    fn typed(&self) -> Draft<R::Field> {
        Draft::from_values(self.core.draft.get_untracked())
    }

    fn revalidate(&self) {
        let id = self.editing.get_untracked().unwrap_or_default();
        let errors = R::read(&self.typed(), &id, None, self.today).err().unwrap_or_default();
        self.core.errors.set(positions(errors));
    }

    /// Reads the form. A new record gets a new id; an edit is written over `current` (the
    /// item as it is now), field by field. Shows the problems and focuses the first one when
    /// the form does not validate.
    pub fn submit(&self, current: Option<&R>) -> Option<Edited<R, R::Field>> {
        let editing = self.editing.get_untracked();
        let typed = self.typed();
        let result = match (&editing, current) {
            (Some(id), Some(current)) => {
                let opened = Draft::from_values(self.core.opened.get_untracked());
                edit(current, id, &opened, &typed, self.today)
            }
            _ => {
                let id = editing.clone().unwrap_or_else(new_id);
                R::read(&typed, &id, None, self.today).map(|record| Edited { record, clashes: Vec::new() })
            }
        };
        match result {
            Ok(edited) => {
                self.core.errors.set(Vec::new());
                Some(edited)
            }
            Err(errors) => {
                let first = errors.first().map(|e| e.field.key());
                self.core.fail(positions(errors), first);
                None
            }
        }
    }

    /// Guards the page: leaving it while this form holds typed input not saved asks first.
    pub fn guard(&self, label: &'static str) {
        let core = self.core;
        use_app().guard(Guard { label, unsaved: Signal::derive(move || core.dirty()), flush: None });
    }

    /// Makes the form save itself as it is typed: a change is saved when typing pauses, when
    /// the field is left or a choice picked, and before the page is left. Only the fields the
    /// user changed are written onto the record as `current` gives it now (`commit` stores
    /// it); a field whose value does not validate stays unsaved with its message while the
    /// others are saved. Untouched fields follow the record when it changes elsewhere.
    pub fn autosave(
        &self,
        label: &'static str,
        current: impl Fn() -> Option<R> + Send + Sync + 'static,
        commit: impl Fn(R) -> bool + Send + Sync + 'static,
    ) -> RwSignal<SaveState>
    where
        R: Clone + PartialEq + Send + Sync,
    {
        let state = use_app();
        let form = *self;
        let core = self.core;
        let status = RwSignal::new(SaveState::Idle);
        let current = std::sync::Arc::new(current);
        let now = {
            let current = current.clone();
            move || untrack(|| current())
        };
        // The draft a save last looked at: typing that changes nothing since needs no new save.
        let attempted = StoredValue::new(core.draft.get_untracked());
        let save = Callback::new(move |_: ()| {
            attempted.set_value(core.draft.get_untracked());
            let typed = form.typed();
            let opened = Draft::from_values(core.opened.get_untracked());
            let changed = typed.changed_from(&opened);
            if changed.is_empty() {
                if status.get_untracked() == SaveState::Pending {
                    status.set(SaveState::Saved);
                }
                return;
            }
            let Some(record) = now() else {
                status.set(SaveState::Gone);
                return;
            };
            let id = form.editing.get_untracked().unwrap_or_default();
            match edit(&record, &id, &opened, &typed, form.today) {
                Ok(edited) => {
                    if commit(edited.record) {
                        core.opened.set(typed.into_values());
                        core.errors.set(Vec::new());
                        status.set(SaveState::Saved);
                        if let Some(text) = clash_text(&edited.clashes) {
                            state.notify(text);
                        }
                    } else {
                        status.set(SaveState::Gone);
                    }
                }
                Err(errors) => {
                    // Save what can be saved; keep the rest as typed, with its message.
                    let bad: Vec<R::Field> = errors.iter().map(|e| e.field).collect();
                    let mut partial = opened.clone();
                    for f in changed.iter().filter(|f| !bad.contains(f)) {
                        partial.set(*f, typed.get(*f));
                    }
                    if partial != opened {
                        if let Ok(edited) = edit(&record, &id, &opened, &partial, form.today) {
                            if commit(edited.record) {
                                core.opened.set(partial.into_values());
                            }
                        }
                    }
                    let unsaved = bad.iter().filter(|f| changed.contains(f)).count().max(1);
                    core.errors.set(positions(errors));
                    status.set(SaveState::Invalid(unsaved));
                }
            }
        });
        core.commit.set_value(Some(save));
        // Typing: save once it pauses.
        let generation = StoredValue::new(0u64);
        Effect::new(move |previous: Option<()>| {
            core.draft.track();
            let new = core.draft.with_untracked(|d| attempted.with_value(|a| a != d));
            if previous.is_none() || !core.dirty() || !new {
                return;
            }
            status.set(SaveState::Pending);
            let mine = generation.get_value() + 1;
            generation.set_value(mine);
            set_timeout(
                // The form may be gone by then (the user moved on, and the page already saved it).
                move || {
                    if generation.try_get_value() == Some(mine) {
                        save.try_run(());
                    }
                },
                std::time::Duration::from_millis(TYPING_PAUSE_MS),
            );
        });
        // The record changed elsewhere (another tab, an import): fields not being edited follow.
        Effect::new(move |_| {
            let Some(record) = current() else { return };
            let shown = record.draft().into_values();
            let (draft, opened) = (core.draft.get_untracked(), core.opened.get_untracked());
            if shown == opened {
                return;
            }
            let untouched = |i: usize| draft.get(i) == opened.get(i);
            let next_draft: Vec<String> = shown
                .iter()
                .enumerate()
                .map(|(i, v)| if untouched(i) { v.clone() } else { draft[i].clone() })
                .collect();
            let next_opened: Vec<String> = shown
                .iter()
                .enumerate()
                .map(|(i, v)| if untouched(i) { v.clone() } else { opened[i].clone() })
                .collect();
            core.opened.set(next_opened);
            core.draft.set(next_draft);
        });
        state.guard(Guard { label, unsaved: Signal::derive(move || core.dirty()), flush: Some(save) });
        status
    }

    /// The id of the item being edited, if any.
    pub fn record_id(&self) -> Option<String> {
        self.editing.get_untracked()
    }

    /// How many fields have a problem now.
    pub fn error_count(&self) -> usize {
        self.core.errors.with(Vec::len)
    }

    /// A labelled control for `f`.
    pub fn field(&self, f: R::Field, control: Control) -> AnyView {
        self.control(f, f.label().to_string(), control, None)
    }

    pub fn field_labelled(&self, f: R::Field, label: String, control: Control) -> AnyView {
        self.control(f, label, control, None)
    }

    /// A labelled control with a hint under it (named by `aria-describedby` too).
    pub fn field_hinted(&self, f: R::Field, control: Control, hint: &'static str) -> AnyView {
        self.control(f, f.label().to_string(), control, Some(hint))
    }

    fn control(&self, f: R::Field, label: String, control: Control, hint: Option<&'static str>) -> AnyView {
        let form = *self;
        self.core.control(f.index(), f.key(), label, control, hint, Callback::new(move |_| form.revalidate()))
    }
}

/// What a labelled control shows and does.
struct Labelled {
    id: String,
    label: String,
    value: Signal<String>,
    message: Signal<Option<String>>,
    on_input: Callback<String>,
    /// The field was left, or a choice picked.
    on_commit: Callback<()>,
    hint: Option<&'static str>,
}

/// The control itself: not generic, so every form shares one copy of it.
fn labelled_control(parts: Labelled, control: Control) -> AnyView {
    let Labelled { id, label, value, message, on_input, on_commit, hint } = parts;
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-help");
    let described = match hint {
        Some(_) => format!("{error_id} {hint_id}"),
        None => error_id.clone(),
    };
    let invalid = move || message.with(Option::is_some).then_some("true");
    let input = move |ev: leptos::ev::Event| on_input.run(event_target_value(&ev));
    // A field left, or a choice picked.
    let change = move |ev: leptos::ev::Event| {
        on_input.run(event_target_value(&ev));
        on_commit.run(());
    };
    let wide = matches!(control, Control::Area);
    let element = match control {
        Control::Area => view! {
            <textarea id=id.clone() rows="3" prop:value=move || value.get() on:input=input on:change=change aria-invalid=invalid aria-describedby=described.clone()></textarea>
        }
        .into_any(),
        Control::Select(opts) => view! {
            <select id=id.clone() on:change=change aria-describedby=described.clone()>
                {move || option_list(opts(), value)}
            </select>
        }
        .into_any(),
        Control::Date => date_control(&id, &label, value, on_input, on_commit, invalid, described.clone()),
        Control::Text | Control::Number | Control::Whole => {
            let (ty, mode) = match control {
                Control::Number => ("text", "decimal"),
                Control::Whole => ("text", "numeric"),
                _ => ("text", "text"),
            };
            view! {
                <input
                    id=id.clone()
                    type=ty
                    inputmode=mode
                    autocomplete="off"
                    prop:value=move || value.get()
                    on:input=input
                    on:change=change
                    aria-invalid=invalid
                    aria-describedby=described.clone()
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:field-wide=wide class:has-error=move || message.with(Option::is_some)>
            <label for=id>{label}</label>
            {element}
            <p class="field-error" id=error_id>{move || message.get()}</p>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
        </div>
    }
    .into_any()
}

/// A date field that shows and takes dates in the app's language (`28-11-2026`, `28 Nov
/// 2026`), whatever the browser's own locale, which a native date input would follow. The
/// draft holds the ISO day as soon as the text reads as one (`Date::parse_typed`), so typing
/// the saved day again changes nothing, and anything else as typed, for the domain to name
/// the problem. A button beside it opens the browser's calendar for those who would rather
/// pick than type.
fn date_control(
    id: &str,
    label: &str,
    value: Signal<String>,
    on_input: Callback<String>,
    on_commit: Callback<()>,
    invalid: impl Fn() -> Option<&'static str> + Send + Sync + 'static,
    described: String,
) -> AnyView {
    let t = t();
    let typed = move |text: String| Date::parse_typed(&text).map(|d| d.to_string()).unwrap_or(text);
    let shown = move || {
        let v = value.get();
        Date::parse(&v).map(t.date).unwrap_or(v)
    };
    let input = move |ev: leptos::ev::Event| on_input.run(typed(event_target_value(&ev)));
    let change = move |ev: leptos::ev::Event| {
        on_input.run(typed(event_target_value(&ev)));
        on_commit.run(());
    };
    let calendar = NodeRef::<leptos::html::Input>::new();
    let open_calendar = move |_| {
        if let Some(el) = calendar.get() {
            // Where showPicker is missing (older browsers), typing still works.
            let _ = el.show_picker();
        }
    };
    let picked = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if !v.is_empty() {
            on_input.run(v);
            on_commit.run(());
        }
    };
    // Named after its field: a page with several dates has several of these buttons.
    let pick = (t.pick_date)(label);
    let iso = move || value.with(|v| if Date::parse(v).is_ok() { v.clone() } else { String::new() });
    view! {
        <div class="date-field">
            <input
                id=id.to_string()
                type="text"
                // Digits with a separator: a phone's decimal pad has `.` or `,`, both of which
                // `parse_typed` reads, where a numeric pad may have none.
                inputmode="decimal"
                autocomplete="off"
                placeholder=t.date_placeholder
                prop:value=shown
                on:input=input
                on:change=change
                aria-invalid=invalid
                aria-describedby=described
            />
            <button type="button" class="calendar" on:click=open_calendar title=pick.clone() aria-label=pick>
                <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                    <rect x="1.5" y="3" width="13" height="11.5" rx="1.5" fill="none" stroke="currentColor" />
                    <path d="M1.5 6.5h13M5 1.5v3M11 1.5v3" stroke="currentColor" fill="none" />
                </svg>
            </button>
            <input type="date" class="calendar-picker" node_ref=calendar tabindex="-1" aria-hidden="true" prop:value=iso on:change=picked />
        </div>
    }
    .into_any()
}

/// `<option>`s for (value, text) pairs, the one equal to `value` selected.
fn option_list(options: Vec<(String, String)>, value: Signal<String>) -> impl IntoView {
    options
        .into_iter()
        .map(|(v, text)| {
            let v2 = v.clone();
            view! { <option value=v selected=move || value.with(|x| *x == v2)>{text}</option> }
        })
        .collect_view()
}

/// The line beside a form that saves itself: "Saving…", "Saved", or what is not saved.
pub fn save_state(status: RwSignal<SaveState>) -> impl IntoView {
    // Saved in the app is not saved in the browser while a write fails: say so.
    let state = use_app();
    let shown = move || match status.get() {
        SaveState::Saved if state.unsaved.get() => SaveState::TabOnly,
        s => s,
    };
    view! {
        <p class="save-state" role="status" class:save-problem=move || matches!(shown(), SaveState::Invalid(_) | SaveState::Gone | SaveState::TabOnly)>
            {move || (t().save_state)(shown())}
        </p>
    }
}

/// A small "×" button that asks for confirmation before running `on_delete`.
#[component]
pub fn DeleteButton(
    /// What is deleted, for the button's accessible name ("Delete <what>").
    #[prop(into)]
    what: Signal<String>,
    on_delete: Callback<()>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let label = move || what.with(|w| (t().plan.delete_item)(w));
    view! {
        <button type="button" class="button-icon delete" aria-label=label title=label on:click=move |_| asking.set(true)>
            "×"
        </button>
        <Show when=move || asking.get()>
            <crate::ui::components::widgets::ConfirmDialog
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

/// The buttons of an add form that doubles as an edit form: "Add …" or "Save changes",
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
pub fn EditButton(#[prop(into)] what: Signal<String>, on_edit: Callback<()>) -> impl IntoView {
    let label = move || what.with(|w| (t().plan.edit_item)(w));
    view! {
        <button type="button" class="button-link edit" aria-label=label title=label on:click=move |_| on_edit.run(())>
            {t().plan.edit}
        </button>
    }
}

/// Moves keyboard focus (and the view) to an element, after loading an item into its form.
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// A labelled select over one of the domain's small enums (statuses), changing an item in
/// place. `hidden_label` keeps the label for screen readers only (in table rows).
#[allow(clippy::too_many_arguments)]
pub fn status_select<T: Copy + PartialEq + Send + Sync + 'static>(
    id: String,
    label: String,
    hidden_label: bool,
    all: &'static [T],
    slug: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
    current: Signal<T>,
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
            {all.iter().map(|&v| view! { <option value=slug(v) selected=move || current.get() == v>{text(v)}</option> }).collect_view()}
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
                {move || option_list(options(), value.into())}
            </select>
        </div>
    }
}

/// Filter options from distinct texts: (value, text) pairs.
pub fn text_options(values: Vec<String>) -> Vec<(String, String)> {
    values.into_iter().map(|s| (s.clone(), s)).collect()
}
