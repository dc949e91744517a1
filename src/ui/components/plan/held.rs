//! The quarterly review as a record (`domain::reviews`): *Start review* keeps the plan as it
//! stands, the reviewer writes the decisions and next steps, and any two reviews — or the
//! last one and the plan today — are compared.

use leptos::prelude::*;

use crate::domain::date::Date;
use crate::domain::reviews::{compare, Comparison, HeldReview, NotesField, ReviewNotes, Snapshot};
use crate::domain::scoring::Tier;
use crate::i18n::t;
use crate::platform::new_id;
use crate::ui::components::form::{save_state, Control, FormState};
use crate::ui::components::keyed::keyed;
use crate::ui::components::plan::use_plan;

/// "Now" in the comparison's choices: the plan as it stands.
const NOW: &str = "";

#[component]
pub fn HeldReviews() -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let state = ctx.state;
    let reviews = ctx.list(|p| &p.reviews);
    // The review whose notes are open: the one just started or picked, else the last.
    let picked = RwSignal::new(None::<String>);
    let open_id = Memo::new(move |_| {
        let listed = |id: &String| reviews.with(|r| r.iter().any(|x| &x.id == id));
        picked.get().filter(listed).or_else(|| reviews.with(|r| r.last().map(|x| x.id.clone())))
    });
    // What the plan would be kept as now.
    let snapshot_now = move || -> Option<Snapshot> {
        let plan = ctx.plan.get()?;
        let ranked = state.ranked(&ctx.account_id.get_value());
        let tier = ranked.map_or(Tier::Incomplete, |r| r.standing().tier);
        let health = ctx.health.get().map_or(0, |h| h.score);
        Some(Snapshot::of(&plan, ranked.and_then(|r| r.score.shown()), tier, health))
    };
    let start = move |_| {
        let Some(snapshot) = untrack(snapshot_now) else { return };
        let reviewer = state.workspace.with_untracked(|w| w.profile.display_name.clone());
        let id = new_id();
        let mut held = false;
        ctx.edit(|p| held = p.hold_review(id.clone(), ctx.today, &reviewer, snapshot));
        if held {
            picked.set(Some(id));
            state.notify((t.held.started)(&(t.date_long)(ctx.today)));
        } else {
            state.notify(t.held.full);
        }
    };

    let rows = keyed(
        reviews,
        |r: &HeldReview| r.id.clone(),
        move |r| {
            let day = move || r.with(|r| (t.date_long)(r.held_on));
            let open = move |_| picked.set(Some(r.with_untracked(|r| r.id.clone())));
            let is_open = move || open_id.with(|o| r.with(|r| o.as_deref() == Some(r.id.as_str())));
            view! {
                <tr class:current=is_open>
                    <th scope="row">
                        <button type="button" class="link-button" aria-label=move || (t.held.open)(&day()) on:click=open>
                            {day}
                        </button>
                    </th>
                    // On a phone the rows stack: each cell then says what it is (`data-label`).
                    <td data-label=t.held.col_reviewer>{move || r.with(|r| r.reviewer.clone())}</td>
                    <td class="num" data-label=t.held.col_score>
                        {move || r.with(|r| r.snapshot.score.map(|s| s.to_string()).unwrap_or_else(|| "–".into()))}
                    </td>
                    <td data-label=t.held.col_tier>{move || r.with(|r| r.snapshot.tier.map(|x| (t.tier)(x)).unwrap_or_default())}</td>
                    <td class="num" data-label=t.held.col_health>{move || r.with(|r| r.snapshot.health)}</td>
                    <td class="decisions" data-label=t.held.col_decisions>{move || r.with(|r| r.decisions.clone())}</td>
                </tr>
            }
        },
    );

    view! {
        <section class="panel held-reviews">
            <div class="panel-head">
                <h2>{t.held.title}</h2>
                <button type="button" class="button-primary" on:click=start>{t.held.start}</button>
            </div>
            <p class="hint">{t.held.help}</p>
            {move || reviews.with(Vec::is_empty).then(|| view! { <p class="empty">{t.held.none}</p> })}
            {move || open_id.get().map(|id| view! { <Notes id=id /> })}
            <div class="held-list" class:hidden=move || reviews.with(Vec::is_empty)>
                <h3>{t.held.list_title}</h3>
                <div class="table-scroll">
                    <table class="held-table">
                        <thead>
                            <tr>
                                <th scope="col">{t.held.col_day}</th>
                                <th scope="col">{t.held.col_reviewer}</th>
                                <th scope="col" class="num">{t.held.col_score}</th>
                                <th scope="col">{t.held.col_tier}</th>
                                <th scope="col" class="num">{t.held.col_health}</th>
                                <th scope="col">{t.held.col_decisions}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <Compare reviews=reviews snapshot_now=Signal::derive(snapshot_now) />
            </div>
        </section>
    }
}

/// The notes of one review, saved as they are typed.
#[component]
fn Notes(id: String) -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    let id = StoredValue::new(id);
    let current = move || {
        ctx.plan.with(|p| p.as_ref()?.reviews.iter().find(|r| id.with_value(|id| r.id == *id)).map(HeldReview::notes))
    };
    let held_on = untrack(|| {
        ctx.plan.with(|p| p.as_ref()?.reviews.iter().find(|r| id.with_value(|id| r.id == *id)).map(|r| r.held_on))
    });
    let first = untrack(current).unwrap_or_default();
    let form = FormState::<ReviewNotes>::showing(format!("notes-{}", id.get_value()), &first, ctx.today);
    let saving = form.autosave(t.held.title, current, move |notes| {
        let mut written = false;
        ctx.edit(|p| written = p.write_notes(&id.get_value(), notes));
        written
    });
    view! {
        <div class="review-notes">
            <div class="panel-head">
                <h3>{held_on.map(|d| (t.held.review_of)(&(t.date_long)(d)))}</h3>
                {save_state(saving)}
            </div>
            <p class="hint">{t.held.notes_hint}</p>
            <form class="form-grid" novalidate=true on:submit=|ev| ev.prevent_default()>
                {form.field(NotesField::Reviewer, Control::Text)}
                {form.field(NotesField::Decisions, Control::Area)}
                {form.field(NotesField::NextSteps, Control::Area)}
            </form>
        </div>
    }
}

/// Any two points compared: a review with a later one, or with the plan today.
#[component]
fn Compare(reviews: Signal<Vec<HeldReview>>, snapshot_now: Signal<Option<Snapshot>>) -> impl IntoView {
    let ctx = use_plan();
    let t = t();
    // By default: the last review against the plan today ("since last review").
    let from = RwSignal::new(None::<String>);
    let to = RwSignal::new(NOW.to_string());
    let from_id = Memo::new(move |_| {
        let listed = |id: &String| reviews.with(|r| r.iter().any(|x| &x.id == id));
        from.get().filter(listed).or_else(|| reviews.with(|r| r.last().map(|x| x.id.clone())))
    });
    let point = move |id: &str| -> Option<(Snapshot, Date)> {
        if id == NOW {
            return Some((snapshot_now.get()?, ctx.today));
        }
        reviews.with(|r| r.iter().find(|x| x.id == id).map(|x| (x.snapshot.clone(), x.held_on)))
    };
    let comparison = Memo::new(move |_| {
        let (then, then_day) = point(&from_id.get()?)?;
        let (now, now_day) = point(&to.get())?;
        Some((compare(&then, &now, now_day), then_day, (to.get() != NOW).then_some(now_day)))
    });
    let options = move |selected: Memo<Option<String>>, with_now: bool| {
        let mut list: Vec<(String, String)> =
            reviews.get().iter().rev().map(|r| (r.id.clone(), (t.held.review_of)(&(t.date_long)(r.held_on)))).collect();
        if with_now {
            list.insert(0, (NOW.to_string(), t.held.now.to_string()));
        }
        list.into_iter()
            .map(|(id, label)| {
                let value = id.clone();
                view! { <option value=id selected=move || selected.with(|s| s.as_deref() == Some(value.as_str()))>{label}</option> }
            })
            .collect_view()
    };
    let to_memo = Memo::new(move |_| Some(to.get()));
    view! {
        <div class="compare">
            <h3>{t.held.compare_title}</h3>
            <div class="compare-pick">
                <div class="field">
                    <label for="compare-from">{t.held.compare_from}</label>
                    <select id="compare-from" on:change=move |ev| from.set(Some(event_target_value(&ev)))>
                        {move || options(from_id, false)}
                    </select>
                </div>
                <div class="field">
                    <label for="compare-to">{t.held.compare_to}</label>
                    <select id="compare-to" on:change=move |ev| to.set(event_target_value(&ev))>
                        {move || options(to_memo, true)}
                    </select>
                </div>
            </div>
            {move || comparison.get().map(|(c, then_day, now_day)| view! { <Moved c=c then_day=then_day now_day=now_day /> })}
        </div>
    }
}

/// What moved, in words.
#[component]
fn Moved(c: Comparison, then_day: Date, now_day: Option<Date>) -> impl IntoView {
    let t = t();
    let heading = match now_day {
        None => (t.held.since)(&(t.date_long)(then_day)),
        Some(d) => (t.held.between)(&(t.date_long)(then_day), &(t.date_long)(d)),
    };
    let tier = |x: Option<Tier>| x.map(|x| (t.tier)(x)).unwrap_or_default();
    let value =
        |v: Option<f64>, unit: &str| v.map_or_else(|| "–".to_string(), |v| (t.plan.quantity)(&(t.number)(v), unit));
    let list = |title: &'static str, items: Vec<String>| {
        (!items.is_empty()).then(|| {
            view! {
                <div class="moved-list">
                    <h4>{title}</h4>
                    <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul>
                </div>
            }
        })
    };
    let kpis: Vec<String> = c
        .kpis
        .iter()
        .map(|k| (t.held.kpi_moved)(&k.name, &value(k.then, &k.unit), &value(k.now, &k.unit), k.better))
        .collect();
    let objectives: Vec<String> = c
        .objectives
        .iter()
        .map(|o| {
            (t.held.objective_moved)(&o.what, o.then.map(t.plan.objective_status), o.now.map(t.plan.objective_status))
        })
        .collect();
    let unchanged = c.plan_unchanged();
    view! {
        <div class="moved" aria-live="polite">
            <p class="moved-head">{heading}</p>
            <ul class="moved-figures">
                <li>{(t.held.score_moved)(c.score.0, c.score.1)}</li>
                <li>{(t.held.tier_moved)(tier(c.tier.0), tier(c.tier.1))}</li>
                <li>{(t.held.health_moved)(c.health.0, c.health.1)}</li>
            </ul>
            {unchanged.then(|| view! { <p class="hint">{t.held.nothing}</p> })}
            <div class="moved-lists">
                {list(t.held.kpis, kpis)}
                {list(t.held.actions_done, c.actions_done)}
                {list(t.held.actions_added, c.actions_added)}
                {list(t.held.actions_overdue, c.actions_overdue)}
                {list(t.held.objectives, objectives)}
                {list(t.held.needs_won, c.needs_won)}
                {list(t.held.needs_lost, c.needs_lost)}
                {list(t.held.needs_new, c.needs_new)}
            </div>
        </div>
    }
}
