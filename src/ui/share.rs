//! Sharing: your display name, export (whole workspace or chosen accounts), and import
//! by file picker, drag and drop or paste — always through a review before anything
//! changes. A rejected or cancelled import changes nothing, in memory or in storage.

use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::domain::merge::{apply, counts, review, Change, FieldDiff, Item, Pick};
use crate::domain::share::{export, file_name, parse, to_json, Shared, MAX_FILE_BYTES};
use crate::i18n::t;
use crate::platform::{download, iso_now, read_file, today};
use crate::ui::state::use_app;
use crate::ui::widgets::ShowMore;

/// A file read and reviewed, waiting for the user's decision.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    exported_by: String,
    exported_at: String,
    shared: Shared,
}

const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

#[component]
pub fn SharePage() -> impl IntoView {
    let state = use_app();
    let t = t();
    let pending = RwSignal::new(None::<Pending>);
    let items = RwSignal::new(Vec::<Item>::new());
    let problem = RwSignal::new(None::<String>);
    // What a long import is doing right now, shown as it goes.
    let busy = RwSignal::new(None::<String>);

    // Reading and reviewing never touch the workspace.
    let take_text = move |text: String| {
        busy.set(None);
        let parsed = crate::platform::timed("keystone:import", || {
            parse(&text).map(|envelope| {
                let reviewed = state.workspace.with_untracked(|w| review(w, &envelope.data));
                (envelope, reviewed)
            })
        });
        match parsed {
            Ok((envelope, reviewed)) => {
                problem.set(None);
                items.set(reviewed);
                pending.set(Some(Pending {
                    exported_by: envelope.exported_by,
                    exported_at: envelope.exported_at,
                    shared: envelope.data,
                }));
            }
            Err(e) => {
                pending.set(None);
                problem.set(Some((t.share.rejected)(&(t.share.error)(&e))));
            }
        }
    };
    let take_file = move |file: web_sys::File| {
        if file.size() > MAX_FILE_BYTES as f64 {
            let e = crate::domain::share::ImportError::TooLarge { bytes: file.size() as usize, max: MAX_FILE_BYTES };
            problem.set(Some((t.share.rejected)(&(t.share.error)(&e))));
            return;
        }
        busy.set(Some(t.share.reading.to_string()));
        leptos::task::spawn_local(async move {
            match read_file(file).await {
                Ok(text) => {
                    busy.set(Some((t.share.checking)(text.len())));
                    crate::platform::next_frame().await;
                    take_text(text);
                }
                Err(_) => {
                    busy.set(None);
                    problem.set(Some((t.share.rejected)(t.share.unreadable_file)));
                }
            }
        });
    };

    view! {
        <section class="page share">
            <div class="page-head">
                <div>
                    <h1>{t.share.title}</h1>
                    <p class="lead">{t.share.intro}</p>
                </div>
            </div>
            <Show when=move || pending.with(Option::is_none)>
                <div class="share-grid">
                    <ExportPanel />
                    <ImportPanel take_text=Callback::new(take_text) take_file=Callback::new(take_file) busy=busy />
                </div>
                <crate::ui::spreadsheet::CsvPanel />
                <StorageMeter />
            </Show>
            {move || problem.get().map(|p| view! { <p class="banner banner-error" role="alert">{p}</p> })}
            {move || pending.get().map(|p| view! { <ReviewPanel pending=p items=items on_done=Callback::new(move |_| pending.set(None)) /> })}
        </section>
    }
}

/// Downloads the workspace (or the given accounts) as an export file.
pub fn export_workspace(only: Option<Vec<String>>) {
    let state = use_app();
    let t = t();
    let (json, file) = state.workspace.with_untracked(|w| {
        let envelope = export(w, only.as_deref(), &iso_now(), APP_VERSION);
        (to_json(&envelope), file_name(today(), only.as_ref().map(Vec::len)))
    });
    match download(&file, &json, "application/json") {
        Ok(()) => state.notify((t.share.exported)(&file)),
        Err(_) => state.notify(t.share.download_failed),
    }
}

#[component]
fn ExportPanel() -> impl IntoView {
    let state = use_app();
    let t = t();
    let name = RwSignal::new(state.workspace.with_untracked(|w| w.profile.display_name.clone()));
    let chosen = RwSignal::new(Vec::<String>::new());
    let save_name = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let value = name.get().trim().chars().take(100).collect::<String>();
        state.workspace.update(|w| w.profile.display_name = value);
        state.notify(t.saved);
    };
    let do_export = export_workspace;
    let accounts = move || {
        state.workspace.with(|w| {
            w.accounts
                .iter()
                .map(|a| {
                    let id = a.id.clone();
                    let checkbox_id = format!("export-{}", a.id);
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
                            <label for=checkbox_id>{a.fields.name.clone()}</label>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="panel">
            <form class="inline-form" on:submit=save_name>
                <div class="field">
                    <label for="share-name">{t.share.your_name}</label>
                    <input id="share-name" type="text" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                    <p class="hint">{t.share.your_name_help}</p>
                </div>
                <button type="submit" class="button-secondary">{t.share.save_name}</button>
            </form>
            <h2>{t.share.export_title}</h2>
            <button type="button" class="button-primary" on:click=move |_| do_export(None)>{t.share.export_all}</button>
            <p class="hint">{t.share.choose_accounts}</p>
            <ul class="check-list">{accounts}</ul>
            <button
                type="button"
                class="button-secondary"
                disabled=move || chosen.with(Vec::is_empty)
                on:click=move |_| do_export(Some(chosen.get()))
            >
                {move || (t.share.export_selected)(chosen.with(Vec::len))}
            </button>
        </section>
    }
}

#[component]
fn ImportPanel(
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
                on:click=move |_| take_text.run(pasted.get())
            >
                {t.share.review_paste}
            </button>
            <p class="hint" role="status">{move || busy.get()}</p>
        </section>
    }
}

/// `2026-11-27T22:15:00.778Z` → `2026-11-27 22:15 UTC`; anything else as it is.
fn readable_time(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(day), Some(time)) if iso.as_bytes().get(10) == Some(&b'T') => format!("{day} {time} UTC"),
        _ => iso.to_string(),
    }
}

fn show_value(v: &Value) -> String {
    let t = t();
    match v {
        Value::Null => t.share.empty_value.to_string(),
        Value::String(s) if s.is_empty() => t.share.empty_value.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(items) => {
            let names: Vec<String> = items
                .iter()
                .map(|i| match i {
                    Value::Object(o) => ["what", "title", "name", "need", "text", "date"]
                        .iter()
                        .find_map(|k| o.get(*k).and_then(Value::as_str))
                        .unwrap_or("…")
                        .to_string(),
                    other => show_value(other),
                })
                .collect();
            if names.is_empty() {
                t.share.empty_value.to_string()
            } else {
                names.join("; ")
            }
        }
        other => {
            let s = other.to_string();
            if s.chars().count() > 160 {
                format!("{}…", s.chars().take(160).collect::<String>())
            } else {
                s
            }
        }
    }
}

/// Review items shown at first, and added per "Show more".
const REVIEW_PAGE: usize = 100;

#[component]
fn ReviewPanel(pending: Pending, items: RwSignal<Vec<Item>>, on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let shared = StoredValue::new(pending.shared.clone());
    let summary = move || {
        let c: Vec<(Change, usize)> = items.with(|i| counts(i).into_iter().collect());
        (t.share.count_line)(&c)
    };
    let apply_now = move |_| {
        let chosen = items.get_untracked();
        let changed = chosen.iter().filter(|i| i.changes_mine()).count();
        let merged = state.workspace.with_untracked(|w| shared.with_value(|s| apply(w, s, &chosen)));
        state.replace_workspace(merged, (t.share.applied)(changed));
        on_done.run(());
    };
    let cancel = move |_| {
        state.notify(t.share.cancelled);
        on_done.run(());
    };
    let pick_select = move |index: usize, field: Option<usize>, current: Pick, combinable: bool, label: String| {
        let id = format!("pick-{index}-{}", field.map_or("record".to_string(), |f| f.to_string()));
        let mut options = vec![(Pick::Mine, t.share.keep_mine), (Pick::Theirs, t.share.take_theirs)];
        if combinable {
            options.push((Pick::Both, t.share.take_both));
        }
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
                    items.update(|all| {
                        if let Some(item) = all.get_mut(index) {
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
            >
                {options
                    .into_iter()
                    .map(|(p, text)| {
                        let value = match p {
                            Pick::Mine => "mine",
                            Pick::Theirs => "theirs",
                            Pick::Both => "both",
                        };
                        view! { <option value=value selected=p == current>{text}</option> }
                    })
                    .collect_view()}
            </select>
        }
    };
    // A large file can change thousands of records: show them a page at a time.
    let shown = RwSignal::new(REVIEW_PAGE);
    let changed_count = move || items.with(|i| i.iter().filter(|i| i.change != Change::Unchanged).count());
    let rows = move || {
        let n = shown.get();
        items.with(|all| {
            all.iter()
                .enumerate()
                .filter(|(_, i)| i.change != Change::Unchanged)
                .take(n)
                .map(|(index, item)| {
                    let title = match item.kind {
                        crate::domain::sync::RecordKind::Scoring => (t.share.kind)(item.kind).to_string(),
                        kind => format!("{} · {}", (t.share.kind)(kind), item.label),
                    };
                    let fields = item.fields.clone();
                    let whole = fields.is_empty();
                    let label = format!("{} {}", t.share.col_choice, title);
                    view! {
                        <article class=format!("item review-item change-{:?}", item.change).to_lowercase()>
                            <header>
                                <h3>{title.clone()}</h3>
                                <span class="chip">{(t.share.change)(item.change)}</span>
                                {whole.then(|| pick_select(index, None, item.pick, false, label.clone()))}
                                {(!whole).then(|| {
                                    let set_all = move |pick: Pick| items.update(|all| {
                                        if let Some(item) = all.get_mut(index) {
                                            item.choose(pick);
                                        }
                                    });
                                    view! {
                                        <button type="button" class="button-link" aria-label=(t.share.all_mine)(&title) on:click=move |_| set_all(Pick::Mine)>
                                            {t.share.keep_mine}
                                        </button>
                                        <button type="button" class="button-link" aria-label=(t.share.all_theirs)(&title) on:click=move |_| set_all(Pick::Theirs)>
                                            {t.share.take_theirs}
                                        </button>
                                    }
                                })}
                            </header>
                            {(!whole).then(|| view! { <FieldTable index=index fields=fields title=title pick_select=pick_select /> })}
                        </article>
                    }
                })
                .collect_view()
        })
    };
    let any = move || items.with(|i| i.iter().any(|i| i.change != Change::Unchanged));
    view! {
        <section class="panel review" aria-labelledby="review-title">
            <h2 id="review-title">{(t.share.review_title)(&pending.exported_by, &readable_time(&pending.exported_at))}</h2>
            <p class="hint">{t.share.review_help}</p>
            <p class="totals">{summary}</p>
            <Show when=any fallback=move || view! { <p>{t.share.nothing_new}</p> }>
                <div class="items">{rows}</div>
            </Show>
            <ShowMore more=Signal::derive(move || changed_count().saturating_sub(shown.get())) shown=shown page=REVIEW_PAGE />
            <div class="form-actions">
                <button type="button" class="button-primary" on:click=apply_now>{t.share.apply}</button>
                <button type="button" class="button-quiet" on:click=cancel>{t.share.cancel_import}</button>
            </div>
        </section>
    }
}

#[component]
fn FieldTable<F, V>(index: usize, fields: Vec<FieldDiff>, title: String, pick_select: F) -> impl IntoView
where
    F: Fn(usize, Option<usize>, Pick, bool, String) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let t = t();
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
            <tbody>
                {fields
                    .into_iter()
                    .enumerate()
                    .map(|(f, d)| {
                        let name = (t.share.field_name)(&d.field);
                        let label = format!("{} {} · {}", t.share.col_choice, title, name);
                        view! {
                            <tr class:conflict=d.auto.is_none()>
                                <th scope="row">{name}<span class="meta">{(t.share.decided)(d.auto.is_none())}</span></th>
                                <td>{show_value(&d.mine)}</td>
                                <td>{show_value(&d.theirs)}</td>
                                <td>{pick_select(index, Some(f), d.pick, d.combinable, label)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// How much of the browser's storage Keystone uses, and whether the browser promised to keep it.
#[component]
fn StorageMeter() -> impl IntoView {
    let state = use_app();
    let t = t();
    let used = Memo::new(move |_| {
        state.workspace.track();
        crate::storage::used_chars()
    });
    let quota = crate::storage::QUOTA_CHARS;
    view! {
        <section class="panel storage-meter">
            <h2>{t.your_data}</h2>
            <meter min="0" max=quota.to_string() value=move || used.get().to_string() aria-label=t.your_data></meter>
            <p class="hint">{move || (t.storage_meter)(used.get(), quota)} " " {move || (t.storage_persistent)(state.persistent.get())}</p>
        </section>
    }
}
