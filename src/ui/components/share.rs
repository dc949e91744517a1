//! The pieces of the Share page: export (whole workspace or chosen accounts), import by file
//! picker, drag and drop or paste, the review of an import, and the storage meter.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::merge::{counts, Authors, Change, Item, Merging, Pick};
use crate::domain::share::{export, to_json, Shared};
use crate::domain::sync::{DisplayName, NameField, RecordKind};
use crate::domain::views::review::{offering_names, review_row, OfferingNames, ReviewRow};
use crate::i18n::t;
use crate::platform::{download, iso_now, today};
use crate::ui::components::form::{save_state, Control, FormState};
use crate::ui::components::keyed::{keyed, Item as Keyed};
use crate::ui::components::widgets::ShowMore;
use crate::ui::state::{use_app, AppState};

const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A file read and reviewed, waiting for the user's decision.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub exported_by: String,
    pub exported_at: String,
    pub shared: Shared,
}

/// Downloads the workspace (or the given accounts) as an export file.
pub fn export_workspace(state: AppState, only: Option<Vec<String>>) {
    let t = t();
    let (json, file) = state.workspace.with_untracked(|w| {
        let envelope = export(w, only.as_deref(), &iso_now(), APP_VERSION);
        (to_json(&envelope), (t.share.export_file_name)(&today().to_string(), only.as_ref().map(Vec::len)))
    });
    match download(&file, &json, "application/json") {
        Ok(()) => state.notify((t.share.exported)(&file)),
        Err(_) => state.notify(t.share.download_failed),
    }
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    const EXPORT_PAGE: usize = 50;
    let state = use_app();
    let t = t();
    let chosen = RwSignal::new(Vec::<String>::new());
    // The name saves itself as it is typed.
    let current = Memo::new(move |_| state.workspace.with(|w| DisplayName(w.profile.display_name.clone())));
    let name = FormState::<DisplayName>::showing("share", &current.get_untracked(), today());
    let saving = name.autosave(
        t.share.export_title,
        move || Some(current.get()),
        move |DisplayName(value)| {
            state.workspace.update(|w| w.profile.display_name = value);
            true
        },
    );
    // A page of the accounts at a time, narrowed by name: 10,000 checkboxes took the browser
    // seconds to lay out whenever the panel appeared.
    let search = RwSignal::new(String::new());
    let shown = RwSignal::new(EXPORT_PAGE);
    let matching = Memo::new(move |_| {
        let needle = search.with(|s| s.trim().to_lowercase());
        state.workspace.with(|w| {
            w.accounts
                .iter()
                .filter(|a| needle.is_empty() || a.fields.name.to_lowercase().contains(&needle))
                .map(|a| (a.id.clone(), a.fields.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let accounts: Signal<Vec<(String, String)>> =
        Memo::new(move |_| matching.with(|m| m.iter().take(shown.get()).cloned().collect())).into();
    let more = Signal::derive(move || matching.with(Vec::len).saturating_sub(shown.get()));
    let list = keyed(
        accounts,
        |(id, _): &(String, String)| id.clone(),
        move |a| {
            let id = a.with_untracked(|(id, _)| id.clone());
            let checkbox_id = format!("export-{id}");
            let checked = {
                let id = id.clone();
                move || chosen.with(|c| c.contains(&id))
            };
            view! {
                <li>
                    <input
                        type="checkbox"
                        id=checkbox_id.clone()
                        prop:checked=checked
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            chosen.update(|c| {
                                c.retain(|x| *x != id);
                                if on {
                                    c.push(id.clone());
                                }
                            });
                        }
                    />
                    <label for=checkbox_id>{move || a.with(|(_, name)| name.clone())}</label>
                </li>
            }
        },
    );
    view! {
        <section class="panel">
            <form class="inline-form" on:submit=|ev| ev.prevent_default()>
                {name.field_hinted(NameField::Name, Control::Text, t.share.your_name_help)}
                {save_state(saving)}
            </form>
            <h2>{t.share.export_title}</h2>
            <button type="button" class="button-primary" on:click=move |_| export_workspace(state, None)>{t.share.export_all}</button>
            <p class="hint">{t.share.choose_accounts}</p>
            <Show when=move || state.workspace.with(|w| w.accounts.len() > EXPORT_PAGE)>
                <div class="field field-inline">
                    <label for="export-search">{t.search_label}</label>
                    <input id="export-search" type="search" prop:value=move || search.get() on:input=move |ev| {
                        search.set(event_target_value(&ev));
                        shown.set(EXPORT_PAGE);
                    } />
                </div>
            </Show>
            <ul class="check-list">{list}</ul>
            <ShowMore more=more shown=shown page=EXPORT_PAGE />
            <button
                type="button"
                class="button-secondary"
                disabled=move || chosen.with(Vec::is_empty)
                on:click=move |_| export_workspace(state, Some(chosen.get()))
            >
                {move || (t.share.export_selected)(chosen.with(Vec::len))}
            </button>
        </section>
    }
}

/// The portfolio's currency: how every amount is shown and exported. Nothing is converted.
#[component]
pub fn CurrencySetting() -> impl IntoView {
    let state = use_app();
    let t = t();
    let change = move |ev: leptos::ev::Event| {
        let Some(c) = crate::domain::money::Currency::from_code(&event_target_value(&ev)) else { return };
        if c != state.currency.get_untracked() {
            state.workspace.update(|w| w.edit_scoring(|s| s.currency = c));
            state.notify((t.crm.currency_changed)(c));
        }
    };
    view! {
        <section class="panel currency-setting">
            <h2>{t.crm.currency_title}</h2>
            <p class="hint">{t.crm.currency_help}</p>
            <div class="field field-inline">
                <label for="portfolio-currency">{t.crm.currency_label}</label>
                <select id="portfolio-currency" on:change=change>
                    {crate::domain::money::Currency::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.code() selected=move || state.currency.get() == c>{(t.crm.currency_name)(c)}</option> })
                        .collect_view()}
                </select>
            </div>
        </section>
    }
}

#[component]
pub fn ImportPanel(
    take_text: Callback<String>,
    take_file: Callback<web_sys::File>,
    busy: RwSignal<Option<String>>,
) -> impl IntoView {
    let t = t();
    let pasted = RwSignal::new(String::new());
    let dragging = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) {
            take_file.run(file);
        }
        // Choosing the same file again must fire again.
        if let Some(i) = input {
            i.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            take_file.run(file);
        }
    };
    view! {
        <section
            class="panel drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <h2>{t.share.import_title}</h2>
            <p class="hint">{t.share.import_help}</p>
            <div class="field">
                <label for="import-file" class="button button-primary file-button">{t.share.choose_file}</label>
                <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=on_file />
            </div>
            <p class="drop-hint" aria-hidden="true">{t.share.drop_here}</p>
            <div class="field">
                <label for="import-paste">{t.share.paste_label}</label>
                <textarea id="import-paste" rows="4" prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
            </div>
            <button
                type="button"
                class="button-secondary"
                disabled=move || pasted.with(|p| p.trim().is_empty())
                on:click=move |_| {
                    // The review holds the text now; a pasted file of megabytes left in the box
                    // would cost the browser seconds of layout whenever the page moves.
                    take_text.run(pasted.get_untracked());
                    pasted.set(String::new());
                }
            >
                {t.share.review_paste}
            </button>
            <p class="hint" role="status">{move || busy.get()}</p>
        </section>
    }
}

/// When a file was exported, in the user's local time.
fn exported_when(iso: &str) -> String {
    crate::platform::local_date_time(iso).map_or_else(|| iso.to_string(), |(d, h, m)| (t().date_time)(d, h, m))
}

/// Review items shown at first, and added per "Show more".
const REVIEW_PAGE: usize = 100;
/// Review items applied per task (see `Merging`): about 20 ms each at 10,000 accounts.
const ITEMS_PER_SLICE: usize = 1_000;

/// Sets the pick of one record (all its fields) or of one of its fields.
fn choose(items: RwSignal<Vec<Item>>, kind: RecordKind, id: &str, field: Option<usize>, pick: Pick) {
    items.update(|all| {
        if let Some(item) = all.iter_mut().find(|i| i.kind == kind && i.id == id) {
            match field {
                Some(f) => {
                    if let Some(fd) = item.fields.get_mut(f) {
                        fd.pick = pick;
                    }
                }
                None => item.choose(pick),
            }
        }
    });
}

#[component]
pub fn ReviewPanel(pending: Pending, items: RwSignal<Vec<Item>>, on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let shared = StoredValue::new(pending.shared.clone());
    let exported_by = StoredValue::new(pending.exported_by.clone());
    let summary = move || {
        let c: Vec<(Change, usize)> = items.with(|i| counts(i).into_iter().collect());
        (t.share.count_line)(&c)
    };
    let apply_now = move |_| {
        let chosen = items.get_untracked();
        let changed = chosen.iter().filter(|i| i.changes_mine()).count();
        // Texts combined from both sides say who wrote which.
        let authors = Authors {
            mine: state.workspace.with_untracked(|w| w.profile.display_name.clone()),
            theirs: exported_by.get_value(),
        };
        let authors = Authors {
            mine: if authors.mine.trim().is_empty() { t.share.me.to_string() } else { authors.mine },
            theirs: if authors.theirs.trim().is_empty() { t.share.colleague.to_string() } else { authors.theirs },
        };
        // A slice of records per task: a colleague's file of 10,000 accounts took 170 ms at
        // once. The review closes now; the file goes with the work.
        let theirs = shared.try_update_value(std::mem::take).unwrap_or_default();
        let mut merging = Merging::new(&chosen, authors);
        state.run_sliced(
            t.applying_import.to_string(),
            move |ws| merging.step(ws, &theirs, ITEMS_PER_SLICE),
            move || (t.share.applied)(changed),
        );
        on_done.run(());
    };
    let cancel = move |_| {
        state.notify(t.share.cancelled);
        on_done.run(());
    };
    // A large file can change thousands of records: show them a page at a time.
    let shown = RwSignal::new(REVIEW_PAGE);
    let changed_count = move || items.with(|i| i.iter().filter(|i| i.change != Change::Unchanged).count());
    let page: Signal<Vec<Item>> = Memo::new(move |_| {
        let n = shown.get();
        items.with(|all| all.iter().filter(|i| i.change != Change::Unchanged).take(n).cloned().collect())
    })
    .into();
    // Whitespace cells name their offering from my catalogue or the one the file brings.
    let names = StoredValue::new(
        state.workspace.with_untracked(|ws| items.with_untracked(|i| offering_names(&ws.offerings, i))),
    );
    let rows = keyed(
        page,
        |i: &Item| format!("{:?}/{}", i.kind, i.id),
        move |item| view! { <ReviewItem item=item items=items names=names /> },
    );
    let any = move || items.with(|i| i.iter().any(|i| i.change != Change::Unchanged));
    view! {
        <section class="panel review" aria-labelledby="review-title">
            <h2 id="review-title">{(t.share.review_title)(&pending.exported_by, &exported_when(&pending.exported_at))}</h2>
            <p class="hint">{t.share.review_help}</p>
            <p class="totals">{summary}</p>
            <Show when=move || !any()>
                <p>{t.share.nothing_new}</p>
            </Show>
            <div class="items">{rows}</div>
            <ShowMore more=Signal::derive(move || changed_count().saturating_sub(shown.get())) shown=shown page=REVIEW_PAGE />
            <div class="form-actions">
                <button type="button" class="button-primary" on:click=apply_now>{t.share.apply}</button>
                <button type="button" class="button-quiet" on:click=cancel>{t.share.cancel_import}</button>
            </div>
        </section>
    }
}

/// A select for a record's or a field's choice, showing the current pick.
fn pick_select(
    id: String,
    label: String,
    combinable: bool,
    new: bool,
    current: Signal<Pick>,
    on_pick: impl Fn(Pick) + 'static,
) -> impl IntoView {
    let t = t();
    // A record only they have is added or skipped: nothing of mine is at stake.
    let mut choices = if new {
        vec![(Pick::Theirs, t.share.add), (Pick::Mine, t.share.skip)]
    } else {
        vec![(Pick::Mine, t.share.keep_mine), (Pick::Theirs, t.share.take_theirs)]
    };
    if combinable {
        choices.push((Pick::Both, t.share.take_both));
    }
    let slug = |p: Pick| match p {
        Pick::Mine => "mine",
        Pick::Theirs => "theirs",
        Pick::Both => "both",
    };
    view! {
        <label for=id.clone() class="visually-hidden">{label}</label>
        <select
            id=id
            on:change=move |ev| {
                let pick = match event_target_value(&ev).as_str() {
                    "theirs" => Pick::Theirs,
                    "both" => Pick::Both,
                    _ => Pick::Mine,
                };
                on_pick(pick);
            }
        >
            {choices
                .into_iter()
                .map(|(p, text)| view! { <option value=slug(p) selected=move || current.get() == p>{text}</option> })
                .collect_view()}
        </select>
    }
}

/// One record of the review. Its fields and values never change while the review is open;
/// only the picks do, so only they are reactive (a select keeps its focus when used).
#[component]
fn ReviewItem(item: Keyed<Item>, items: RwSignal<Vec<Item>>, names: StoredValue<OfferingNames>) -> impl IntoView {
    let t = t();
    let currency = use_app().currency.get_untracked();
    let row: ReviewRow = item.with_untracked(|i| names.with_value(|n| review_row(i, n)));
    let (kind, id) = (row.kind, row.id.clone());
    let title = match kind {
        RecordKind::Scoring => (t.share.kind)(kind).to_string(),
        kind => (t.share.record_title)(kind, &row.label),
    };
    let whole = row.fields.is_empty();
    let element = format!("{}-{}", kind_slug(kind), id);
    let record_pick = Signal::derive(move || item.with(|i| i.pick));
    let head_choice = {
        let id = id.clone();
        whole.then(|| {
            pick_select(
                format!("pick-{element}"),
                (t.share.choice_for)(&title),
                false,
                row.change == Change::New,
                record_pick,
                move |p| choose(items, kind, &id, None, p),
            )
        })
    };
    let all_buttons = {
        let id = id.clone();
        (!whole).then(|| {
            let (mine_id, theirs_id) = (id.clone(), id);
            view! {
                <button type="button" class="button-link" aria-label=(t.share.all_mine)(&title) on:click=move |_| choose(items, kind, &mine_id, None, Pick::Mine)>
                    {t.share.keep_mine}
                </button>
                <button type="button" class="button-link" aria-label=(t.share.all_theirs)(&title) on:click=move |_| choose(items, kind, &theirs_id, None, Pick::Theirs)>
                    {t.share.take_theirs}
                </button>
            }
        })
    };
    let fields = (!whole).then(|| {
        let body = row
            .fields
            .into_iter()
            .enumerate()
            .map(|(f, d)| {
                let name = (t.share.field_name)(&d.name);
                let label = (t.share.choice_for_field)(&title, &name);
                let current = Signal::derive(move || item.with(|i| i.fields.get(f).map_or(Pick::Mine, |x| x.pick)));
                let id = id.clone();
                view! {
                    <tr class:conflict=d.conflict>
                        <th scope="row">{name}<span class="meta">{(t.share.decided)(d.conflict)}</span></th>
                        <td>{(t.share.shown)(&d.mine, currency)}</td>
                        <td>{(t.share.shown)(&d.theirs, currency)}</td>
                        <td>{pick_select(format!("pick-{element}-{f}"), label, d.combinable, false, current, move |p| choose(items, kind, &id, Some(f), p))}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="plain diff">
                <thead>
                    <tr>
                        <th scope="col">{t.share.col_field}</th>
                        <th scope="col">{t.share.col_mine}</th>
                        <th scope="col">{t.share.col_theirs}</th>
                        <th scope="col">{t.share.col_choice}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
    });
    view! {
        <article class=format!("item review-item change-{}", change_slug(row.change))>
            <header>
                <h3>{title.clone()}</h3>
                <span class="chip">{(t.share.change)(row.change)}</span>
                {head_choice}
                {all_buttons}
            </header>
            {fields}
        </article>
    }
}

fn kind_slug(k: RecordKind) -> &'static str {
    match k {
        RecordKind::Account => "account",
        RecordKind::Plan => "plan",
        RecordKind::Scoring => "scoring",
        RecordKind::Catalogue => "catalogue",
    }
}

fn change_slug(c: Change) -> &'static str {
    match c {
        Change::New => "new",
        Change::Unchanged => "unchanged",
        Change::ChangedThere => "changedthere",
        Change::ChangedHere => "changedhere",
        Change::ChangedBoth => "changedboth",
        Change::Conflict => "conflict",
        Change::DeletedThere => "deletedthere",
    }
}

/// Your data: how much of the browser's storage Keystone uses (and, when a write failed, how
/// much it would need), the copies kept of unreadable data, and the deletions remembered.
#[component]
pub fn StorageMeter() -> impl IntoView {
    let state = use_app();
    let t = t();
    // Read again after each write (not on each change: that would read 4.5 MB of storage per
    // rating at 10,000 accounts, before the write it is waiting for).
    let used = Memo::new(move |_| {
        state.writes.track();
        state.unsaved.track();
        crate::storage::used_chars()
    });
    // When the last write failed, what the work in this tab needs: the meter must not say
    // "1 %" beside a message that storage is full.
    let needed = Memo::new(move |_| {
        state
            .unsaved
            .get()
            .then(|| state.workspace.with(|w| crate::domain::workspace::encode(w).encode_utf16().count()))
    });
    let quota = crate::storage::QUOTA_CHARS;
    let shown = move || needed.get().unwrap_or(0).max(used.get());
    view! {
        <section class="panel storage-meter">
            <h2>{t.your_data}</h2>
            <meter min="0" max=quota.to_string() value=move || shown().to_string() aria-label=t.your_data></meter>
            <p class="hint">
                {move || match needed.get() {
                    Some(n) => (t.storage_needed)(n, quota),
                    None => (t.storage_meter)(used.get(), quota, state.persistent.get()),
                }}
            </p>
            <Deletions />
            <Backups />
        </section>
    }
}

/// How long deletions are remembered before they may be forgotten.
const FORGET_AFTER_DAYS: i64 = 180;

/// The deletions remembered (tombstones), and forgetting old ones.
#[component]
fn Deletions() -> impl IntoView {
    let state = use_app();
    let t = t();
    let count = Memo::new(move |_| state.workspace.with(|w| w.tombstones.len()));
    let before_ms = crate::platform::now_ms() - FORGET_AFTER_DAYS * 86_400_000;
    let old =
        Memo::new(move |_| state.workspace.with(|w| w.tombstones.iter().filter(|x| x.deleted_ms < before_ms).count()));
    let asking = RwSignal::new(false);
    let forget = Callback::new(move |_| {
        asking.set(false);
        let mut n = 0;
        state.workspace.update(|w| n = w.forget_deletions(before_ms));
        state.notify((t.share.forgotten)(n));
    });
    view! {
        <div class="deletions" class:hidden=move || count.get() == 0>
            <h3>{t.share.deletions_title}</h3>
            <p class="hint">{move || (t.share.deletions)(count.get(), old.get())}</p>
            <button type="button" class="button-secondary" disabled=move || old.get() == 0 on:click=move |_| asking.set(true)>
                {t.share.forget_old}
            </button>
            <Show when=move || asking.get()>
                <crate::ui::components::widgets::ConfirmDialog
                    title=t.share.forget_old.to_string()
                    body=t.share.forget_body
                    confirm_label=t.share.forget_confirm
                    on_confirm=forget
                    on_cancel=Callback::new(move |_| asking.set(false))
                />
            </Show>
        </div>
    }
}

/// The copies kept of stored data that could not be read: each can be downloaded or deleted.
#[component]
fn Backups() -> impl IntoView {
    let state = use_app();
    let t = t();
    let version = RwSignal::new(0u32);
    let list: Signal<Vec<crate::storage::Backup>> = Memo::new(move |_| {
        version.track();
        crate::storage::backups()
    })
    .into();
    let deleting = RwSignal::new(None::<String>);
    let confirm = Callback::new(move |_| {
        if let Some(key) = deleting.get_untracked() {
            crate::storage::delete_backup(&key);
        }
        deleting.set(None);
        version.update(|v| *v += 1);
    });
    let rows = keyed(
        list,
        |b: &crate::storage::Backup| b.key.clone(),
        move |b| {
            let backup = b.get_untracked();
            let when = crate::platform::local_date_time_ms(backup.taken_ms)
                .map(|(d, h, m)| (t.date_time)(d, h, m))
                .unwrap_or_default();
            let key = backup.key.clone();
            let download = move |_| {
                let raw = crate::storage::raw_by_name(&key).unwrap_or_default();
                let name = (t.share.backup_file)(&crate::platform::iso_date(backup.taken_ms));
                if crate::platform::download(&name, &raw, "text/plain").is_err() {
                    state.notify(t.share.download_failed);
                }
            };
            let key = backup.key.clone();
            view! {
                <li>
                    <span>{(t.share.backup_line)(&when, backup.chars)}</span>
                    <button type="button" class="button-link" on:click=download>{t.share.backup_download}</button>
                    <button type="button" class="button-link" on:click=move |_| deleting.set(Some(key.clone()))>{t.share.backup_delete}</button>
                </li>
            }
        },
    );
    view! {
        <div class="backups" class:hidden=move || list.with(Vec::is_empty)>
            <h3>{t.share.backups_title}</h3>
            <p class="hint">{t.share.backups_help}</p>
            <ul class="simple-list">{rows}</ul>
            <Show when=move || deleting.with(Option::is_some)>
                <crate::ui::components::widgets::ConfirmDialog
                    title=t.share.backup_delete_title.to_string()
                    body=t.share.backup_delete_body
                    confirm_label=t.confirm_delete
                    on_confirm=confirm
                    on_cancel=Callback::new(move |_| deleting.set(None))
                />
            </Show>
        </div>
    }
}
