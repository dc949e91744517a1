//! `#/rate`: the rating grid — a row per account, the five criteria as cells, rated with the
//! keyboard (or the mouse) and in bulk. What is listed, in which order, and where each key
//! goes is decided in `domain::views::rating`; this page draws it and writes the ratings.

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::criteria::{Criterion, Question};
use crate::domain::scoring::MAX_RATING;
use crate::domain::views::ranking::distinct;
use crate::domain::views::rating::{
    complete_count, indices, is_complete, next_unrated, on_checklist_key, on_key, order, places, progress, rated_row,
    rows, shape, Action, Checklist, ChecklistAction, Cursor, Filters, Find, Key, Row,
};
use crate::i18n::t;
use crate::platform::now_ms;
use crate::ui::components::form::{filter_select, text_options};
use crate::ui::components::keyed::{keyed, Item};
use crate::ui::components::widgets::{NeedsAccounts, ShowMore, TierBadge};
use crate::ui::route::Route;
use crate::ui::state::use_app;

#[component]
pub fn RatePage() -> impl IntoView {
    view! { <NeedsAccounts><RateGrid /></NeedsAccounts> }
}

/// Rows built at first and per "Show more" (see the ranked table): the keyboard brings more
/// in by itself when the cursor moves past the last one shown.
const PAGE_ROWS: usize = 100;

/// The grid's shared state, handed to every row.
#[derive(Clone, Copy)]
struct Grid {
    cursor: RwSignal<Cursor>,
    checklist: RwSignal<Option<Checklist>>,
    selected: RwSignal<BTreeSet<String>>,
    /// The listed accounts, in grid order.
    ids: Memo<Vec<String>>,
    /// The rows on screen (the first `page_size` of `ids`).
    page: Memo<Vec<Row>>,
}

impl Grid {
    fn id_at(&self, row: usize) -> Option<String> {
        self.ids.with_untracked(|ids| ids.get(row).cloned())
    }
}

fn cell_id(c: Cursor) -> String {
    format!("rate-{}-{}", c.row, c.col)
}

fn question_id(k: usize) -> String {
    format!("rate-question-{k}")
}

/// Focuses an element: at once when it is on the page already (a move between cells or
/// questions drawn), else once the DOM has caught up with the change that calls for it (a
/// checklist opened, rows added). At once, the browser focuses on a page it has just laid out;
/// from the next frame's callback, after a rating at 10,000 accounts, the focus forced a
/// layout of the changed page first (2.5–3 ms of the edit's time).
fn focus_soon(id: String) {
    let find = move || document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match find() {
        Some(el) => {
            let _ = el.focus();
        }
        None => request_animation_frame(move || {
            if let Some(el) = find() {
                let _ = el.focus();
            }
        }),
    }
}

/// Whether the cell at (row, column) of the list has a rating.
type IsRated<'a> = dyn Fn(usize, usize) -> bool + 'a;

#[component]
fn RateGrid() -> impl IntoView {
    let state = use_app();
    let t = t();
    let owner = RwSignal::new(String::new());
    let sector = RwSignal::new(String::new());
    let incomplete_only = RwSignal::new(false);
    let filters = Memo::new(move |_| Filters {
        owner: owner.get(),
        sector: sector.get(),
        incomplete_only: incomplete_only.get(),
    });
    // The order is taken when the grid opens, a filter changes or accounts come, go or move —
    // not on every rating, so a row never jumps away from under the cursor.
    let shape = Memo::new(move |_| state.workspace.with(shape));
    let ids = Memo::new(move |_| {
        let f = filters.get();
        shape.track();
        untrack(|| state.workspace.with(|w| state.ranking.with(|r| order(w, r, &f))))
    });
    // Where the listed accounts are (once per list: they stay there while the shape does) and
    // each account's place in the ranking (once per ranking): with these, a rating at 10,000
    // accounts reads arrays instead of searching accounts.
    let at = Memo::new(move |_| ids.with(|ids| untrack(|| state.workspace.with(|w| indices(w, ids)))));
    let place = Memo::new(move |_| state.ranking.with(|r| places(r, r.len())));
    let complete = Memo::new(move |_| state.ranking.with(|r| complete_count(r)));
    let done = Memo::new(move |_| at.with(|at| place.with(|place| progress(place, complete.get(), at))));
    let page_size = RwSignal::new(PAGE_ROWS);
    // Only the rows on screen are built on each rating: at 10,000 accounts the rest would
    // cost the frame; the keyboard asks which cells are rated when a key is pressed.
    let page = Memo::new(move |_| {
        let n = page_size.get();
        ids.with(|ids| {
            at.with(|at| {
                state.workspace.with(|ws| {
                    state.ranking.with(|ranking| {
                        place.with(|place| {
                            let n = n.min(ids.len());
                            rows(&Find { ws, ranking, place }, &ids[..n], &at[..n.min(at.len())])
                        })
                    })
                })
            })
        })
    });
    // Asks, for the cells the keyboard looks at, whether they are rated (the number of listed
    // rows, and the question): at 10,000 accounts a key press must not look at every row.
    let with_rated = move |f: &mut dyn FnMut(usize, &IsRated<'_>)| {
        ids.with_untracked(|ids| {
            at.with_untracked(|at| {
                state.workspace.with_untracked(|ws| {
                    state.ranking.with_untracked(|ranking| {
                        place.with_untracked(|place| {
                            let find = Find { ws, ranking, place };
                            let complete = complete.get_untracked();
                            // A search for the next unrated cell asks five times per row:
                            // a complete row answers from its place in the ranking, another
                            // is looked up once.
                            let row = std::cell::Cell::new((usize::MAX, [true; 5]));
                            let rated = |r: usize, c: usize| {
                                if at.get(r).is_some_and(|&i| is_complete(place, complete, i)) {
                                    return true;
                                }
                                if row.get().0 != r {
                                    row.set((r, rated_row(&find, ids, at, r)));
                                }
                                row.get().1.get(c).copied().unwrap_or(true)
                            };
                            f(ids.len(), &rated)
                        })
                    })
                })
            })
        })
    };
    let grid = Grid {
        cursor: RwSignal::new(Cursor::default()),
        checklist: RwSignal::new(None),
        selected: RwSignal::new(BTreeSet::new()),
        ids,
        page,
    };
    // A new list starts at its first rating still missing.
    Effect::new(move |_| {
        ids.track();
        grid.checklist.set(None);
        let mut start = Cursor::default();
        untrack(|| {
            with_rated(&mut |rows, rated| {
                if rows > 0 && rated(0, 0) {
                    start = next_unrated(Cursor::default(), rows, rated).unwrap_or_default();
                }
            })
        });
        grid.cursor.set(start);
        if start.row >= page_size.get_untracked() {
            page_size.set((start.row / PAGE_ROWS + 1) * PAGE_ROWS);
        }
    });

    let go = move |to: Cursor| {
        grid.cursor.set(to);
        if to.row >= page_size.get_untracked() {
            page_size.set((to.row / PAGE_ROWS + 1) * PAGE_ROWS);
        }
        focus_soon(cell_id(to));
    };
    let rate = move |at: Cursor, rating: Option<u8>| {
        let Some(id) = grid.id_at(at.row) else { return };
        let c = Criterion::ALL[at.col.min(4)];
        state.workspace.update(|w| {
            w.set_override(&id, c, rating, now_ms());
        });
    };
    let answer = move |row: usize, q: Question, a: Option<bool>| {
        let Some(id) = grid.id_at(row) else { return };
        state.workspace.update(|w| {
            w.set_answer(&id, q, a, now_ms());
        });
    };
    let toggle_row = move |row: usize| {
        if let Some(id) = grid.id_at(row) {
            grid.selected.update(|s| {
                if !s.remove(&id) {
                    s.insert(id);
                }
            });
        }
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let Some(key) = Key::from_name(&ev.key()) else { return };
        if let Some(open) = grid.checklist.get_untracked() {
            match on_checklist_key(open, key) {
                ChecklistAction::Focus(k) => {
                    grid.checklist.set(Some(Checklist { question: k, ..open }));
                    focus_soon(question_id(k));
                }
                ChecklistAction::Answer { question, answer: a, then } => {
                    answer(open.cell.row, question, a);
                    match then {
                        Some(k) => {
                            grid.checklist.set(Some(Checklist { question: k, ..open }));
                            focus_soon(question_id(k));
                        }
                        None => {
                            grid.checklist.set(None);
                            go(open.cell);
                        }
                    }
                }
                ChecklistAction::Close => {
                    grid.checklist.set(None);
                    go(open.cell);
                }
                ChecklistAction::Ignore => return,
            }
            ev.prevent_default();
            return;
        }
        let mut action = Action::Ignore;
        with_rated(&mut |rows, rated| action = on_key(grid.cursor.get_untracked(), key, rows, rated));
        match action {
            Action::Move(to) => go(to),
            Action::Rate { at, rating, then } => {
                rate(at, rating);
                go(then);
            }
            Action::OpenChecklist(at) => {
                grid.cursor.set(at);
                grid.checklist.set(Some(Checklist { cell: at, question: 0 }));
                focus_soon(question_id(0));
            }
            Action::ToggleRow(row) => toggle_row(row),
            Action::Ignore => return,
        }
        ev.prevent_default();
    };

    let all_selected =
        move || grid.selected.with(|s| !s.is_empty() && ids.with(|ids| ids.iter().all(|id| s.contains(id))));
    let select_all = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        grid.selected.update(|s| {
            if on {
                ids.with_untracked(|ids| s.extend(ids.iter().cloned()));
            } else {
                s.clear();
            }
        })
    };
    // The owners and sectors to filter by, listed when accounts come and go — not on every
    // rating, which changes neither (at 10,000 accounts each list costs milliseconds).
    let owners = Memo::new(move |_| {
        shape.track();
        untrack(|| state.workspace.with(|w| text_options(distinct(w.accounts.iter().map(|a| &a.fields.owner)))))
    });
    let sectors = Memo::new(move |_| {
        shape.track();
        untrack(|| state.workspace.with(|w| text_options(distinct(w.accounts.iter().map(|a| &a.fields.sector)))))
    });
    let body = keyed(page.into(), |r: &Row| r.id.clone(), move |row| view! { <RateRow row=row grid=grid /> });

    view! {
        <section class="page rate">
            <div class="page-head">
                <div>
                    <h1 id="rate-title">{t.rate.title}</h1>
                    <p class="lead">{t.rate.help}</p>
                </div>
                <p class="rate-progress" aria-live="polite">
                    <strong>{move || done.with(|p| (t.rate.progress)(p.rated, p.total))}</strong>
                    <progress max=move || done.with(|p| p.total.max(1)) value=move || done.with(|p| p.rated)></progress>
                </p>
            </div>
            <div class="filters" role="search">
                {filter_select(t.filter_owner, "rate-filter-owner", owner, Box::new(move || owners.get()))}
                {filter_select(t.filter_sector, "rate-filter-sector", sector, Box::new(move || sectors.get()))}
                <label class="check">
                    <input type="checkbox" prop:checked=move || incomplete_only.get() on:change=move |ev| incomplete_only.set(event_target_checked(&ev)) />
                    {t.rate.incomplete_only}
                </label>
            </div>
            <p class="hint keys-help">{t.rate.keys_help}</p>
            <BulkBar grid=grid />
            <div class="table-wrap">
                <table class="rate-grid" role="grid" aria-labelledby="rate-title" aria-rowcount=move || ids.with(Vec::len) + 1 on:keydown=on_keydown>
                    <thead>
                        <tr>
                            <th scope="col" class="select">
                                <input type="checkbox" tabindex="-1" aria-label=t.rate.select_all prop:checked=all_selected on:change=select_all />
                            </th>
                            <th scope="col">{t.col_account}</th>
                            {Criterion::ALL
                                .into_iter()
                                .map(|c| view! {
                                    <th scope="col" class="num crit" title=(t.criterion)(c)>
                                        {(t.criterion)(c)}
                                        <span class="weight">{move || format!("{}%", state.workspace.with(|w| w.scoring.weights.get(c)))}</span>
                                    </th>
                                })
                                .collect_view()}
                            <th scope="col" class="num">{t.rate.col_score}</th>
                            <th scope="col">{t.col_tier}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
                <Show when=move || ids.with(Vec::is_empty)>
                    <p class="empty-note">{t.rate.nothing_listed}</p>
                </Show>
            </div>
            <ShowMore more=Signal::derive(move || ids.with(Vec::len).saturating_sub(page_size.get())) shown=page_size page=PAGE_ROWS />
            <CellEditor grid=grid go=Callback::new(go) rate=Callback::new(move |(at, r)| rate(at, r)) />
        </section>
    }
}

/// One account's row, and its checklist when open. Built once per listed account.
#[component]
fn RateRow(row: Item<Row>, grid: Grid) -> impl IntoView {
    let state = use_app();
    let t = t();
    let position = Memo::new(move |_| row.position().unwrap_or(usize::MAX));
    let id = row.with_untracked(|r| r.id.clone());
    let selected = {
        let id = id.clone();
        Memo::new(move |_| grid.selected.with(|s| s.contains(&id)))
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            grid.selected.update(|s| {
                if !s.remove(&id) {
                    s.insert(id.clone());
                }
            })
        }
    };
    let name = move || row.with(|r| r.name.clone());
    // The cursor's column if it is in this row. The cells follow this, not the cursor: a
    // move then re-runs one memo per row instead of every cell's parts (a thousand at 100 rows).
    let cursor_here = Memo::new(move |_| {
        let here = position.get();
        grid.cursor.with(|x| (x.row == here).then_some(x.col))
    });
    let cell = move |col: usize| {
        let c = Criterion::ALL[col];
        let here = move || Cursor { row: position.get(), col };
        let value = Memo::new(move |_| row.with(|r| r.cells[col]));
        let active = move || cursor_here.get() == Some(col);
        let label = move || {
            let v = value.get();
            (t.rate.cell)((t.criterion)(c), v.rating, v.set)
        };
        let class = move || {
            let v = value.get();
            match (v.rating, v.set) {
                (None, _) => "rating missing",
                (Some(_), false) => "rating suggested",
                (Some(_), true) => "rating set",
            }
        };
        view! {
            <td
                role="gridcell"
                class=class
                class:active=active
                id=move || cell_id(here())
                tabindex=move || if active() { "0" } else { "-1" }
                aria-label=label
                title=move || (!value.get().set && value.get().rating.is_some()).then_some(t.rate.suggested_title)
                on:click=move |_| {
                    grid.checklist.set(None);
                    grid.cursor.set(here());
                    focus_soon(cell_id(here()));
                }
            >
                {move || value.get().rating.map(|r| r.to_string()).unwrap_or_else(|| t.rate.missing.to_string())}
            </td>
        }
    };
    let href = Route::Account(id.clone()).href();
    let open_here =
        Memo::new(move |_| grid.checklist.with(|o| o.filter(|o| o.cell.row == position.get()).map(|o| o.cell.col)));
    let checklist = move || {
        open_here.get().map(|col| {
            let c = Criterion::ALL[col];
            let questions: Vec<Question> = c.questions().collect();
            let account = id.clone();
            let items = questions
                .into_iter()
                .enumerate()
                .map(|(k, q)| {
                    let account = account.clone();
                    let current = Memo::new(move |_| {
                        state.workspace.with(|w| w.find(&account).and_then(|a| a.assessment.answer(q)))
                    });
                    let focused = move || grid.checklist.with(|o| o.is_some_and(|o| o.question == k));
                    let set = move |a: Option<bool>| {
                        if let Some(id) = grid.id_at(position.get_untracked()) {
                            state.workspace.update(|w| {
                                w.set_answer(&id, q, a, now_ms());
                            });
                        }
                        grid.checklist.update(|o| {
                            if let Some(o) = o {
                                o.question = k;
                            }
                        });
                    };
                    let toggle = move |a: Option<bool>, text: &'static str| {
                        view! {
                            <button type="button" tabindex="-1" class="toggle" aria-pressed=move || (current.get() == a).to_string() on:click=move |_| set(a)>
                                {text}
                            </button>
                        }
                    };
                    view! {
                        <li id=question_id(k) class="rate-question" class:focused=focused tabindex=move || if focused() { "0" } else { "-1" } aria-label=move || format!("{}: {}", (t.question)(q), match current.get() { Some(true) => t.answer_yes, Some(false) => t.answer_no, None => t.answer_none })>
                            <span class="q-text">{(t.question)(q)}</span>
                            <span class="toggles" role="group">
                                {toggle(Some(true), t.answer_yes)}
                                {toggle(Some(false), t.answer_no)}
                                {toggle(None, t.answer_none)}
                            </span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <tr class="checklist-row">
                    <td colspan="9" role="gridcell">
                        <p class="checklist-title"><strong>{(t.rate.checklist_of)((t.criterion)(c), &name())}</strong></p>
                        <ul class="rate-questions">{items}</ul>
                    </td>
                </tr>
            }
        })
    };
    view! {
        <tr class:selected=move || selected.get() aria-selected=move || selected.get().to_string()>
            <td class="select" role="gridcell">
                <input type="checkbox" tabindex="-1" aria-label=move || (t.rate.select_row)(&name()) prop:checked=move || selected.get() on:change=toggle />
            </td>
            <th scope="row" role="rowheader"><a href=href tabindex="-1">{name}</a></th>
            {(0..Criterion::ALL.len()).map(cell).collect_view()}
            <td class="num score" role="gridcell">{move || row.with(|r| r.score.map(|s| s.to_string()).unwrap_or_else(|| t.not_ranked.to_string()))}</td>
            <td role="gridcell">{move || view! { <TierBadge standing=row.with(|r| r.standing) /> }}</td>
        </tr>
        {checklist}
    }
}

/// Under the grid: the cell under the cursor, rated with the mouse.
#[component]
fn CellEditor(grid: Grid, go: Callback<Cursor>, rate: Callback<(Cursor, Option<u8>)>) -> impl IntoView {
    let t = t();
    let at = move || grid.cursor.get();
    let row = Memo::new(move |_| {
        grid.page.with(|rows| rows.get(at().row).map(|r| (r.id.clone(), r.name.clone(), r.cells[at().col.min(4)])))
    });
    move || {
        row.get().map(|(id, name, cell)| {
            let c = Criterion::ALL[at().col.min(4)];
            let buttons = (0..=MAX_RATING)
                .map(|r| {
                    view! {
                        <button type="button" class="toggle" aria-pressed=(cell.rating == Some(r) && cell.set).to_string() on:click=move |_| {
                            let here = at();
                            rate.run((here, Some(r)));
                            go.run(here);
                        }>{r.to_string()}</button>
                    }
                })
                .collect_view();
            view! {
                <div class="cell-editor" role="group" aria-label=(t.rate.editing)((t.criterion)(c), &name)>
                    <a href=Route::Account(id).href()>{(t.rate.editing)((t.criterion)(c), &name)}</a>
                    <span class="toggles">{buttons}</span>
                    <button type="button" class="button-link" disabled=!cell.set on:click=move |_| {
                        let here = at();
                        rate.run((here, None));
                        go.run(here);
                    }>{t.rate.use_suggestion}</button>
                    <button type="button" class="button-secondary" on:click=move |_| {
                        let here = at();
                        grid.checklist.set(Some(Checklist { cell: here, question: 0 }));
                        focus_soon(question_id(0));
                    }>{t.rate.open_checklist}</button>
                </div>
            }
        })
    }
}

/// Bulk actions on the selected accounts: a criterion's rating, a question's answer. Both can
/// be undone like an import.
#[component]
fn BulkBar(grid: Grid) -> impl IntoView {
    let state = use_app();
    let t = t();
    let criterion = RwSignal::new(Criterion::ProductFit.slug().to_string());
    let rating = RwSignal::new("3".to_string());
    let question = RwSignal::new(Question::ALL[0].slug().to_string());
    let answer = RwSignal::new("yes".to_string());
    let count = move || grid.selected.with(BTreeSet::len);
    let ids = move || grid.selected.with_untracked(|s| s.iter().cloned().collect::<Vec<_>>());
    let apply_rating = move |_| {
        let Some(c) = Criterion::ALL.into_iter().find(|c| criterion.with_untracked(|s| c.slug() == s)) else { return };
        let r = rating.with_untracked(|r| r.parse::<u8>().ok());
        let ids = ids();
        state.change_many(move |w| w.rate_many(&ids, c, r, now_ms()), t.rate.rated_many);
    };
    let apply_answer = move |_| {
        let Some(q) = Question::ALL.into_iter().find(|q| question.with_untracked(|s| q.slug() == s)) else { return };
        let a = match answer.get_untracked().as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        };
        let ids = ids();
        state.change_many(move |w| w.answer_many(&ids, q, a, now_ms()), t.rate.answered_many);
    };
    let pick = |value: RwSignal<String>, id: &'static str, label: &'static str, options: Vec<(String, String)>| {
        view! {
            <label for=id class="visually-hidden">{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {options
                    .into_iter()
                    .map(|(v, text)| {
                        let selected = value.get_untracked() == v;
                        view! { <option value=v selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        }
    };
    move || {
        (count() > 0).then(|| {
            view! {
                <div class="bulk-bar" role="group" aria-label=(t.rate.selected)(count())>
                    <strong>{(t.rate.selected)(count())}</strong>
                    <span class="bulk-action">
                        {t.rate.bulk_set}
                        {pick(criterion, "bulk-criterion", t.rate.bulk_set, Criterion::ALL.iter().map(|c| (c.slug().to_string(), (t.criterion)(*c).to_string())).collect())}
                        {t.rate.bulk_rating}
                        {pick(rating, "bulk-rating", t.rate.bulk_rating, (0..=MAX_RATING).map(|r| (r.to_string(), r.to_string())).chain([(String::new(), t.rate.use_suggestion.to_string())]).collect())}
                        <button type="button" class="button-secondary" on:click=apply_rating>{t.rate.bulk_apply_rating}</button>
                    </span>
                    <span class="bulk-action">
                        {t.rate.bulk_answer}
                        {pick(question, "bulk-question", t.rate.bulk_answer, Question::ALL.iter().map(|q| (q.slug().to_string(), (t.question)(*q).to_string())).collect())}
                        {t.rate.bulk_question}
                        {pick(answer, "bulk-answer", t.rate.bulk_question, vec![("yes".into(), t.answer_yes.into()), ("no".into(), t.answer_no.into()), (String::new(), t.answer_none.into())])}
                        <button type="button" class="button-secondary" on:click=apply_answer>{t.rate.bulk_apply_answer}</button>
                    </span>
                    <button type="button" class="button-link" on:click=move |_| grid.selected.set(BTreeSet::new())>{t.rate.clear_selection}</button>
                </div>
            }
        })
    }
}
