//! CSV on the Share page: the ranked list to Excel, and accounts and deal histories in from
//! CRM exports — each through a mapping the user checks (what each column becomes, what each
//! listed value means, which currency and scale the amounts are in) and a preview that says
//! row by row what will happen. Nothing changes until the user imports; an import is undone
//! in one step.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::account::AccountField;
use crate::domain::money::Currency;
use crate::domain::spreadsheet::columns::Profile;
use crate::domain::spreadsheet::import::{
    self, check_rows, choices, column_validity, is_money, tally, Mapping, RowOutcome,
};
use crate::domain::spreadsheet::values::ValueMap;
use crate::domain::spreadsheet::{
    export_rows, extra_labels, read_table_as, write_csv, CsvError, ExportColumn, Scale, Table, Target, TextEncoding,
    Word, MAX_CSV_BYTES,
};
use crate::i18n::{t, Label};
use crate::platform::{download, new_id, now_ms, read_text_file, today};
use crate::ui::components::deal_import::DealImport;
use crate::ui::state::use_app;

/// How many row notes a list shows before "and N more".
pub const SHOWN_ROWS: usize = 12;
/// Wide exports: with more columns than this, those not imported are folded away.
const FOLD_AFTER: usize = 10;

/// What a chosen file is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Accounts,
    Deals,
}

/// A spreadsheet read from a file, waiting for its mapping.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub kind: Kind,
    pub name: String,
    pub encoding: TextEncoding,
    /// The decoded text, to read again with another separator.
    pub text: std::sync::Arc<String>,
    pub table: Table,
}

/// Rows applied per task: about 30 ms of work at a time.
const ROWS_PER_SLICE: usize = 1_000;

#[component]
pub fn CsvPanel() -> impl IntoView {
    let state = use_app();
    let t = t();
    let separator = RwSignal::new(';');
    let loaded = RwSignal::new(None::<Loaded>);
    let problem = RwSignal::new(None::<String>);
    let reading = RwSignal::new(None::<String>);

    let export_csv = move |_| {
        let sep = separator.get_untracked();
        let word = |w: Word| match w {
            Word::Status(s) => (t.status)(s).to_string(),
            Word::Stage(s) => (t.portfolio.stage)(s).to_string(),
            Word::Tier(x) => (t.tier)(x).to_string(),
            Word::Answer(yes) => if yes { t.answer_yes } else { t.answer_no }.to_string(),
        };
        let (rows, extras, currency) = state.workspace.with_untracked(|w| {
            let extras = extra_labels(w);
            let rows = state.ranking.with_untracked(|ranking| export_rows(w, ranking, &extras, sep, &word));
            (rows, extras, w.scoring.currency)
        });
        let headers: Vec<String> = ExportColumn::all()
            .map(|c| match c {
                ExportColumn::Field(f) if is_money(f) => (t.crm.money_header)(&(t.share.export_column)(c), currency),
                c => (t.share.export_column)(c),
            })
            .chain(extras)
            .collect();
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        let file = (t.share.csv_file_name)(&today().to_string());
        match download(&file, &write_csv(&headers, &rows, sep), "text/csv;charset=utf-8") {
            Ok(()) => state.notify((t.share.exported)(&file)),
            Err(_) => state.notify(t.share.download_failed),
        }
    };

    let on_file = move |kind: Kind, ev: leptos::ev::Event| {
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
        loaded.set(None);
        leptos::task::spawn_local(async move {
            let outcome = match read_text_file(file).await {
                Ok((encoding, text)) => {
                    reading.set(Some((t.share.checking)(text.len())));
                    crate::platform::next_frame().await;
                    read_table_as(&text, None)
                        .map(|table| Loaded { kind, name, encoding, text: std::sync::Arc::new(text), table })
                        .map_err(|e| (t.share.csv_error)(&e))
                }
                Err(_) => Err(t.share.unreadable_file.to_string()),
            };
            reading.set(None);
            match outcome {
                Ok(l) => {
                    problem.set(None);
                    loaded.set(Some(l));
                }
                Err(e) => problem.set(Some((t.share.rejected)(&e))),
            }
        });
    };
    // Another separator: the same text read again, and a fresh mapping.
    let reread = Callback::new(move |sep: u8| {
        let Some(l) = loaded.get_untracked() else { return };
        match read_table_as(&l.text, Some(sep)) {
            Ok(table) => loaded.set(Some(Loaded { table, ..l })),
            Err(e) => problem.set(Some((t.share.rejected)(&(t.share.csv_error)(&e)))),
        }
    });
    let done = Callback::new(move |_| loaded.set(None));

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
            </div>
            <div class="inline-form">
                <label for="csv-file" class="button button-secondary file-button">{t.share.import_csv}</label>
                <input id="csv-file" class="visually-hidden" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" on:change=move |ev| on_file(Kind::Accounts, ev) />
                <label for="deals-file" class="button button-secondary file-button">{t.crm.import_deals}</label>
                <input id="deals-file" class="visually-hidden" type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" on:change=move |ev| on_file(Kind::Deals, ev) />
            </div>
            <p class="hint">{t.crm.deals_help}</p>
            <p class="hint" role="status">{move || reading.get()}</p>
            {move || problem.get().map(|p| view! { <p class="banner banner-error" role="alert">{p}</p> })}
            {move || {
                loaded.get().map(|l| match l.kind {
                    Kind::Accounts => view! { <AccountImport loaded=l reread=reread on_done=done /> }.into_any(),
                    Kind::Deals => view! { <DealImport loaded=l reread=reread on_done=done /> }.into_any(),
                })
            }}
        </section>
    }
}

/// "24 rows · 55 columns", the separator (which the user may change) and the encoding.
#[component]
pub fn FileFacts(loaded: Loaded, reread: Callback<u8>) -> impl IntoView {
    let t = t();
    let current = loaded.table.delimiter;
    let id = format!("{}-separator", if loaded.kind == Kind::Accounts { "accounts" } else { "deals" });
    view! {
        <div class="file-facts">
            <p class="hint">
                {(t.crm.file_facts)(loaded.table.rows.len(), loaded.table.headers.len(), (t.crm.encoding)(loaded.encoding))}
            </p>
            <div class="field field-inline">
                <label for=id.clone()>{t.crm.separator_found}</label>
                <select id=id on:change=move |ev| {
                    if let Some(b) = event_target_value(&ev).bytes().next() {
                        reread.run(b);
                    }
                }>
                    {crate::domain::spreadsheet::SEPARATORS
                        .into_iter()
                        .map(|s| {
                            let value = (s as char).to_string();
                            view! { <option value=value selected=s == current>{(t.crm.separator_name)(s)}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}

/// A column's example values, as the mapping table shows them.
pub fn examples(p: &Profile) -> String {
    if p.examples.is_empty() {
        t().crm.no_values.to_string()
    } else {
        p.examples.join(" · ")
    }
}

/// The currency of the amounts: stated, switchable, and what switching means.
#[component]
fn CurrencyChoice(mapping: RwSignal<Mapping>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let found = mapping.with_untracked(|m| m.found_currency);
    let portfolio = move || state.currency.get();
    let has_accounts = move || state.workspace.with(|w| !w.accounts.is_empty());
    view! {
        <div class="field field-inline currency-choice">
            <label for="import-currency">{t.crm.amounts_in}</label>
            <select id="import-currency" on:change=move |ev| {
                if let Some(c) = Currency::from_code(&event_target_value(&ev)) {
                    mapping.update(|m| m.currency = c);
                }
            }>
                {Currency::ALL
                    .into_iter()
                    .map(|c| view! {
                        <option value=c.code() selected=move || mapping.with(|m| m.currency == c)>{(t.crm.currency_name)(c)}</option>
                    })
                    .collect_view()}
            </select>
        </div>
        {found.map(|c| view! { <p class="hint">{(t.crm.currency_found)(c)}</p> })}
        {move || {
            let chosen = mapping.with(|m| m.currency);
            (has_accounts() && chosen != portfolio())
                .then(|| view! { <p class="hint hint-warning">{(t.crm.currency_switch)(portfolio(), chosen)}</p> })
        }}
    }
}

#[component]
fn AccountImport(loaded: Loaded, reread: Callback<u8>, on_done: Callback<()>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let today = today();
    let name = loaded.name.clone();
    let table = StoredValue::new(loaded.table.clone());
    let mapping = RwSignal::new(state.workspace.with_untracked(|w| table.with_value(|tbl| Mapping::guess(tbl, w))));
    let skip = RwSignal::new(false);
    let checks = Memo::new(move |_| {
        state.workspace.with(|w| mapping.with(|m| table.with_value(|tbl| check_rows(tbl, m, w, today))))
    });
    let counts = Memo::new(move |_| checks.with(|c| tally(c)));
    let validity =
        Memo::new(move |_| mapping.with(|m| checks.with(|c| table.with_value(|tbl| column_validity(tbl, m, c)))));
    let has_name = move || mapping.with(Mapping::has_name);
    let can_import = move || {
        let c = counts.get();
        has_name() && c.new + c.update > 0 && (c.invalid == 0 || skip.get())
    };

    let import = move |_| {
        let currency = mapping.with_untracked(|m| m.currency);
        let rows = checks.get_untracked();
        let total = rows.len();
        // Applied a slice of rows per task (10,000 rows take a few hundred milliseconds);
        // the counts are shared with the closing notice.
        let done = std::rc::Rc::new(std::cell::Cell::new(import::Applied::default()));
        let counts = done.clone();
        let mut applying: Option<import::Applying> = None;
        let mut next = 0;
        state.run_sliced(
            t.applying_import.to_string(),
            move |ws| {
                let a = applying.get_or_insert_with(|| import::Applying::new(ws, currency));
                let end = (next + ROWS_PER_SLICE).min(total);
                a.rows(ws, &rows[next..end], new_id, now_ms());
                next = end;
                if next == total {
                    a.link_parents(ws, now_ms());
                }
                done.set(a.done);
                (next < total).then_some((next, total))
            },
            move || {
                let done = counts.get();
                let linked = (done.linked + done.unlinked > 0).then(|| (t.crm.linked)(done.linked, done.unlinked));
                format!("{}{}", (t.crm.imported)(done.added, done.updated), linked.unwrap_or_default())
            },
        );
        on_done.run(());
    };
    let cancel = move |_| {
        state.notify(t.share.cancelled);
        on_done.run(());
    };

    // Mapped columns first; in a wide export the rest folded away.
    let (mapped, rest): (Vec<usize>, Vec<usize>) =
        mapping.with_untracked(|m| (0..m.columns.len()).partition(|&i| m.target(i) != Target::Ignore));
    let fold = mapped.len() + rest.len() > FOLD_AFTER;
    let row = move |i: usize| view! { <ColumnRow i=i table=table mapping=mapping validity=validity /> };
    let head = move || {
        view! {
            <thead>
                <tr>
                    <th scope="col">{t.share.col_field}</th>
                    <th scope="col">{t.crm.examples}</th>
                    <th scope="col">{t.share.col_choice}</th>
                    <th scope="col" class="num">{t.crm.valid}</th>
                </tr>
            </thead>
        }
    };
    let folded = rest.len();
    let columns = if fold {
        view! {
            <table class="plain mapping-table">{head()}<tbody>{mapped.into_iter().map(row).collect_view()}</tbody></table>
            <details class="more-columns">
                <summary>{(t.crm.more_columns)(folded)}</summary>
                <table class="plain mapping-table">{head()}<tbody>{rest.into_iter().map(row).collect_view()}</tbody></table>
            </details>
        }
        .into_any()
    } else {
        let all: Vec<usize> = mapped.into_iter().chain(rest).collect();
        view! { <table class="plain mapping-table">{head()}<tbody>{all.into_iter().map(row).collect_view()}</tbody></table> }
            .into_any()
    };

    // One value map per choice column, rebuilt only when its column's target changes.
    let choice_columns = move || {
        mapping.with(|m| {
            (0..m.columns.len())
                .filter_map(|i| match m.target(i) {
                    Target::Field(f @ (AccountField::Status | AccountField::Stage)) => Some((i, f)),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
    };

    let review = move || {
        checks.with(|c| {
            let mut updates = Vec::new();
            let mut problems = Vec::new();
            for r in c {
                match &r.outcome {
                    RowOutcome::Update { name, .. } => updates.push((t.crm.row_updates)(r.line, name)),
                    RowOutcome::Invalid(errors) => problems.extend(
                        errors.iter().map(|e| (t.share.row_problem)(r.line, e.field.label(), &(t.problem)(e.problem))),
                    ),
                    RowOutcome::Duplicate => problems.push((t.share.row_duplicate)(r.line)),
                    _ => {}
                }
            }
            let defaulted: Vec<String> = [AccountField::Status, AccountField::Stage]
                .into_iter()
                .filter_map(|f| {
                    let n = c.iter().filter(|r| r.defaulted.contains(&f)).count();
                    (n > 0).then(|| (t.crm.rows_defaulted)(n, f))
                })
                .collect();
            view! {
                {(!updates.is_empty()).then(|| view! { <h4>{t.crm.updates_title}</h4>{short_list(updates, "notes")} })}
                {(!defaulted.is_empty()).then(|| view! { <ul class="notes">{defaulted.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul> })}
                {(!problems.is_empty()).then(|| view! { <h4>{t.crm.problems_title}</h4>{short_list(problems, "problems")} })}
            }
        })
    };

    view! {
        <div class="csv-mapping" role="region" aria-labelledby="csv-title">
            <h3 id="csv-title">{(t.share.mapping_title)(&name)}</h3>
            <FileFacts loaded=loaded reread=reread />
            <p class="hint">{t.share.mapping_help}</p>
            <CurrencyChoice mapping=mapping />
            {columns}
            <For each=choice_columns key=|x| *x let:((i, f))>
                <ValueMapTable i=i field=f mapping=mapping />
            </For>
            <p class="totals" role="status">{move || (t.crm.tally)(counts.get())}</p>
            {review}
            <Show when=move || !has_name()>
                <p class="field-error">{t.share.no_name_column}</p>
            </Show>
            <Show when=move || { counts.get().invalid > 0 }>
                <div class="field-check">
                    <input id="csv-skip" type="checkbox" prop:checked=move || skip.get() on:change=move |ev| skip.set(event_target_checked(&ev)) />
                    <label for="csv-skip">{t.share.skip_problems}</label>
                </div>
            </Show>
            <Show when=move || { has_name() && counts.get().invalid > 0 && !skip.get() }>
                <p class="hint">{t.share.fix_or_skip}</p>
            </Show>
            <div class="form-actions">
                <button type="button" class="button-primary" disabled=move || !can_import() on:click=import>
                    {move || { let c = counts.get(); (t.crm.import_button)(c.new, c.update) }}
                </button>
                <button type="button" class="button-quiet" on:click=cancel>{t.share.cancel_import}</button>
            </div>
        </div>
    }
}

/// A list of row notes, the first [`SHOWN_ROWS`] of them and how many more.
pub fn short_list(all: Vec<String>, class: &'static str) -> impl IntoView {
    let more = all.len().saturating_sub(SHOWN_ROWS);
    view! {
        <ul class=class>{all.into_iter().take(SHOWN_ROWS).map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
        {(more > 0).then(|| view! { <p class="hint">{(t().share.more_problems)(more)}</p> })}
    }
}

/// One column of the file: its header, examples, what it becomes (with the scale of money
/// amounts) and how many of its values are valid for that.
#[component]
fn ColumnRow(
    i: usize,
    table: StoredValue<Table>,
    mapping: RwSignal<Mapping>,
    validity: Memo<Vec<Option<(usize, usize)>>>,
) -> impl IntoView {
    let t = t();
    let id = format!("csv-column-{i}");
    let header = table.with_value(|tbl| tbl.headers.get(i).cloned().unwrap_or_default());
    let (samples, first) = mapping.with_untracked(|m| {
        let p = m.profiles.get(i).cloned().unwrap_or_default();
        (examples(&p), p.examples.first().cloned())
    });
    let target = move || mapping.with(|m| m.target(i));
    let money = move || target().field().is_some_and(is_money);
    let scale_id = format!("csv-scale-{i}");
    let preview = Signal::derive(move || {
        let (scale, currency) = mapping.with(|m| (m.columns.get(i).map_or(Scale::Units, |c| c.scale), m.currency));
        first.as_deref().and_then(|v| {
            crate::domain::number::parse_number(v)
                .ok()
                .map(|n| (t.crm.scale_preview)(v, &(t.money)(n * scale.factor(), currency)))
        })
    });
    view! {
        <tr>
            <th scope="row"><label for=id.clone()>{(t.share.column_becomes)(&header)}</label></th>
            <td class="meta examples">{samples}</td>
            <td>
                <select id=id on:change=move |ev| {
                    let chosen = Target::from_slug(&event_target_value(&ev));
                    mapping.update(|m| table.with_value(|tbl| m.retarget(tbl, i, chosen)));
                }>
                    {Target::all()
                        .map(|tg| view! { <option value=tg.slug() selected=move || target() == tg>{(t.share.target)(tg)}</option> })
                        .collect_view()}
                </select>
                <Show when=money>
                    <div class="field field-inline scale">
                        <label for=scale_id.clone()>{t.crm.scale_label}</label>
                        <select id=scale_id.clone() on:change=move |ev| {
                            let s = Scale::from_slug(&event_target_value(&ev));
                            mapping.update(|m| {
                                if let Some(c) = m.columns.get_mut(i) {
                                    c.scale = s;
                                }
                            });
                        }>
                            {Scale::ALL
                                .into_iter()
                                .map(|s| view! {
                                    <option value=s.slug() selected=move || mapping.with(|m| m.columns.get(i).is_some_and(|c| c.scale == s))>
                                        {(t.crm.scale)(s)}
                                    </option>
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <p class="hint">{preview}</p>
                    <Show when=move || mapping.with(|m| m.looks_scaled(i))>
                        <p class="hint hint-warning">{t.crm.looks_scaled}</p>
                    </Show>
                </Show>
            </td>
            <td class="num">
                {move || validity.with(|v| v.get(i).copied().flatten()).map(|(valid, of)| {
                    let choice = target().field().is_some_and(|f| f.kind() == crate::domain::account::FieldKind::Choice);
                    (t.crm.valid_share)(valid, of, choice)
                })}
            </td>
        </tr>
    }
}

/// The listed values of a status or stage column and what each becomes.
#[component]
fn ValueMapTable(i: usize, field: AccountField, mapping: RwSignal<Mapping>) -> impl IntoView {
    let t = t();
    let values: ValueMap = mapping.with_untracked(|m| m.columns.get(i).map(|c| c.values.clone()).unwrap_or_default());
    let header_id = format!("values-{i}");
    let options = choices(field);
    let rows = values
        .entries
        .iter()
        .enumerate()
        .map(|(n, e)| {
            let id = format!("value-{i}-{n}");
            let current = move || mapping.with(|m| m.columns.get(i).and_then(|c| c.values.entries.get(n)).and_then(|e| e.choice.clone()));
            let options = options.clone();
            view! {
                <tr>
                    <th scope="row"><label for=id.clone()>{(t.crm.value_becomes)(&e.value)}</label></th>
                    <td class="num">{e.count}</td>
                    <td>
                        <select id=id on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let choice = (!v.is_empty()).then_some(v);
                            mapping.update(|m| {
                                if let Some(c) = m.columns.get_mut(i) {
                                    c.values.set(n, choice.clone());
                                }
                            });
                        }>
                            <option value="" selected=move || current().is_none()>{(t.crm.value_default)(field)}</option>
                            {options
                                .iter()
                                .map(|slug| {
                                    let slug = slug.to_string();
                                    let label = (t.crm.choice_label)(field, &slug);
                                    let is = slug.clone();
                                    view! { <option value=slug selected=move || current().as_deref() == Some(is.as_str())>{label}</option> }
                                })
                                .collect_view()}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let others = values.others;
    let note = (others > 0).then(|| (t.crm.other_values)(others, field));
    value_table(header_id, (t.crm.values_title)(field.label()), rows.into_any(), note)
}

/// The listed values of a column with their counts and what each becomes (account status,
/// relationship stage, deal stage): one layout for every value map.
pub fn value_table(heading_id: String, heading: String, rows: AnyView, note: Option<String>) -> impl IntoView {
    let t = t();
    let labelled_by = heading_id.clone();
    view! {
        <section class="value-map" aria-labelledby=labelled_by>
            <h4 id=heading_id>{heading}</h4>
            <table class="plain">
                <thead>
                    <tr>
                        <th scope="col">{t.crm.value}</th>
                        <th scope="col" class="num">{t.crm.rows}</th>
                        <th scope="col">{t.crm.becomes}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {note.map(|n| view! { <p class="hint">{n}</p> })}
        </section>
    }
}
