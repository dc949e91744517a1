//! CSV on the Share page: export of the ranked list, and import of accounts through a
//! column mapping and a preview with per-row problems.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::account::Account;
use crate::domain::spreadsheet::{
    check_rows, export_rows, guess_mapping, read_table, write_csv, CsvError, ExportColumn, RowOutcome, Table, Target,
    Word, MAX_CSV_BYTES,
};
use crate::i18n::{t, Label};
use crate::platform::{download, new_id, now_ms, read_file, today};
use crate::ui::state::use_app;

/// How many row problems are listed before "and N more".
const SHOWN_PROBLEMS: usize = 12;

#[component]
pub fn CsvPanel() -> impl IntoView {
    let state = use_app();
    let t = t();
    let separator = RwSignal::new(';');
    let table = RwSignal::new(None::<(String, Table)>);
    let problem = RwSignal::new(None::<String>);
    let reading = RwSignal::new(None::<String>);

    let export_csv = move |_| {
        let sep = separator.get_untracked();
        let word = |w: Word| match w {
            Word::Status(s) => (t.status)(s).to_string(),
            Word::Stage(s) => (t.portfolio.stage)(s).to_string(),
            Word::Tier(x) => (t.tier)(x).to_string(),
        };
        let rows = state
            .workspace
            .with_untracked(|w| state.ranking.with_untracked(|ranking| export_rows(w, ranking, sep, &word)));
        let headers: Vec<&str> = ExportColumn::all().map(t.share.export_column).collect();
        let file = (t.share.csv_file_name)(&today().to_string());
        match download(&file, &write_csv(&headers, &rows, sep), "text/csv;charset=utf-8") {
            Ok(()) => state.notify((t.share.exported)(&file)),
            Err(_) => state.notify(t.share.download_failed),
        }
    };

    let on_file = move |ev: leptos::ev::Event| {
        let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(file) = input.as_ref().and_then(|i| i.files()).and_then(|f| f.get(0)) else { return };
        if let Some(i) = input {
            i.set_value("");
        }
        if file.size() > MAX_CSV_BYTES as f64 {
            let e = CsvError::TooLarge(file.size() as usize);
            problem.set(Some((t.share.rejected)(&(t.share.csv_error)(&e))));
            return;
        }
        let name = file.name();
        reading.set(Some(t.share.reading.to_string()));
        leptos::task::spawn_local(async move {
            let outcome = match read_file(file).await {
                Ok(text) => {
                    reading.set(Some((t.share.checking)(text.len())));
                    crate::platform::next_frame().await;
                    read_table(&text).map_err(|e| (t.share.csv_error)(&e))
                }
                Err(_) => Err(t.share.unreadable_file.to_string()),
            };
            reading.set(None);
            match outcome {
                Ok(parsed) => {
                    problem.set(None);
                    table.set(Some((name, parsed)));
                }
                Err(e) => problem.set(Some((t.share.rejected)(&e))),
            }
        });
    };

    view! {
        <section class="panel csv-panel">
            <h2>{t.share.csv_title}</h2>
            <p class="hint">{t.share.csv_help}</p>
            <div class="inline-form">
                <div class="field">
                    <label for="csv-separator">{t.share.separator}</label>
                    <select id="csv-separator" on:change=move |ev| separator.set(if event_target_value(&ev) == "," { ',' } else { ';' })>
                        <option value=";" selected=true>{t.share.separator_semicolon}</option>
                        <option value=",">{t.share.separator_comma}</option>
                    </select>
                </div>
                <button type="button" class="button-secondary" on:click=export_csv>{t.share.export_csv}</button>
                <label for="csv-file" class="button button-secondary file-button">{t.share.import_csv}</label>
                <input id="csv-file" class="visually-hidden" type="file" accept=".csv,text/csv,text/plain" on:change=on_file />
            </div>
            <p class="hint" role="status">{move || reading.get()}</p>
            {move || problem.get().map(|p| view! { <p class="banner banner-error" role="alert">{p}</p> })}
            {move || table.get().map(|(name, tbl)| view! { <CsvMapping name=name table=tbl on_done=Callback::new(move |_| table.set(None)) /> })}
        </section>
    }
}

#[component]
fn CsvMapping(name: String, table: Table, on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let mapping = RwSignal::new(guess_mapping(&table.headers));
    let skip = RwSignal::new(false);
    let table = StoredValue::new(table);
    let today = today();
    let checks = Memo::new(move |_| {
        let existing: Vec<String> =
            state.workspace.with(|w| w.accounts.iter().map(|a| a.fields.name.clone()).collect());
        mapping.with(|m| table.with_value(|tbl| check_rows(tbl, m, &existing, today)))
    });
    let has_name = move || mapping.with(|m| m.contains(&Target::Field(crate::domain::account::AccountField::Name)));
    let counts = move || {
        checks.with(|c| {
            let ready = c.iter().filter(|r| matches!(r.outcome, RowOutcome::Ready(_))).count();
            let bad = c.iter().filter(|r| matches!(r.outcome, RowOutcome::Invalid(_))).count();
            (ready, bad, c.len() - ready - bad)
        })
    };
    let can_import = move || {
        let (ready, bad, _) = counts();
        has_name() && ready > 0 && (bad == 0 || skip.get())
    };
    let import = move |_| {
        let fields: Vec<_> = checks.with_untracked(|c| {
            c.iter()
                .filter_map(|r| match &r.outcome {
                    RowOutcome::Ready(f) => Some(f.clone()),
                    _ => None,
                })
                .collect()
        });
        let n = fields.len();
        let mut ws = state.workspace.get_untracked();
        let now = now_ms();
        for f in fields {
            ws.add(Account::new(new_id(), f, now));
        }
        state.replace_workspace(ws, (t.share.csv_imported)(n));
        on_done.run(());
    };

    let columns = table.with_value(|tbl| {
        tbl.headers
            .iter()
            .enumerate()
            .map(|(i, header)| {
                let id = format!("csv-column-{i}");
                let sample = tbl.rows.first().and_then(|(_, r)| r.get(i)).cloned().unwrap_or_default();
                let current = mapping.with_untracked(|m| m.get(i).copied().unwrap_or(Target::Ignore));
                view! {
                    <tr>
                        <th scope="row">
                            <label for=id.clone()>{(t.share.column_becomes)(header)}</label>
                        </th>
                        <td class="meta">{sample}</td>
                        <td>
                            <select
                                id=id
                                on:change=move |ev| {
                                    let target = Target::from_slug(&event_target_value(&ev));
                                    mapping.update(|m| {
                                        if let Some(slot) = m.get_mut(i) {
                                            *slot = target;
                                        }
                                    });
                                }
                            >
                                {Target::all()
                                    .map(|tg| view! { <option value=tg.slug() selected=tg == current>{(t.share.target)(tg)}</option> })
                                    .collect_view()}
                            </select>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    });
    let problems = move || {
        checks.with(|c| {
            let all: Vec<String> = c
                .iter()
                .flat_map(|r| match &r.outcome {
                    RowOutcome::Invalid(errors) => errors
                        .iter()
                        .map(|e| (t.share.row_problem)(r.line, e.field.label(), &(t.problem)(e.problem)))
                        .collect::<Vec<_>>(),
                    RowOutcome::Duplicate => vec![(t.share.row_duplicate)(r.line)],
                    RowOutcome::Ready(_) => Vec::new(),
                })
                .collect();
            let more = all.len().saturating_sub(SHOWN_PROBLEMS);
            view! {
                <ul class="problems">{all.into_iter().take(SHOWN_PROBLEMS).map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                {(more > 0).then(|| view! { <p class="hint">{(t.share.more_problems)(more)}</p> })}
            }
        })
    };

    view! {
        <div class="csv-mapping" role="region" aria-labelledby="csv-title">
            <h3 id="csv-title">{(t.share.mapping_title)(&name)}</h3>
            <p class="hint">{t.share.mapping_help}</p>
            <table class="plain">
                <thead>
                    <tr>
                        <th scope="col">{t.share.col_field}</th>
                        <th scope="col">{t.share.example}</th>
                        <th scope="col">{t.share.col_choice}</th>
                    </tr>
                </thead>
                <tbody>{columns}</tbody>
            </table>
            <p class="totals" role="status">{move || { let (r, b, d) = counts(); (t.share.rows_summary)(r, b, d) }}</p>
            {problems}
            <Show when=move || !has_name()>
                <p class="field-error">{t.share.no_name_column}</p>
            </Show>
            <div class="field-check">
                <input id="csv-skip" type="checkbox" prop:checked=move || skip.get() on:change=move |ev| skip.set(event_target_checked(&ev)) />
                <label for="csv-skip">{t.share.skip_problems}</label>
            </div>
            <Show when=move || { has_name() && counts().1 > 0 && !skip.get() }>
                <p class="hint">{t.share.fix_or_skip}</p>
            </Show>
            <div class="form-actions">
                <button type="button" class="button-primary" disabled=move || !can_import() on:click=import>
                    {move || (t.share.import_rows)(counts().0)}
                </button>
                <button type="button" class="button-quiet" on:click=move |_| on_done.run(())>{t.share.cancel_import}</button>
            </div>
        </div>
    }
}
