//! The account's stakeholder map: coverage warnings, the org chart with a list of the same
//! people beside it (the list is what a keyboard or a screen reader uses), and the add/edit
//! form. Rules and layout come from `domain::stakeholder`; drawing from `charts::org`.

use leptos::prelude::*;

use crate::charts::org::{draw_org, org_size, OrgShape, Person, Spot, MIN_SLOT};
use crate::domain::stakeholder::{
    chart_lines, coverage, org_chart, org_outline, possible_managers, Attitude, BuyingRole, Gap, Stakeholder,
    StakeholderField, OWN_ROLE_PREFIX,
};
use crate::i18n::t;
use crate::platform::{now_ms, today};
use crate::ui::components::chart::{canvas_chart, pointer_canvas};
use crate::ui::components::form::{clash_text, options, Control, DeleteButton, EditButton, FormButtons, FormState};
use crate::ui::components::keyed::{keyed, Item};
use crate::ui::state::use_app;

/// The coverage warnings of a map, as a list (or the all-clear).
#[component]
pub fn CoverageList(#[prop(into)] gaps: Signal<Vec<Gap>>) -> impl IntoView {
    let t = t();
    move || {
        gaps.with(|g| {
            if g.is_empty() {
                view! { <p class="coverage-ok">{t.people.covered}</p> }.into_any()
            } else {
                view! {
                    <ul class="coverage-gaps">
                        {g.iter().map(|g| view! { <li>{(t.people.gap)(g)}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        })
    }
}

#[component]
pub fn Stakeholders(id: StoredValue<String>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let today = today();
    let people = Memo::new(move |_| {
        state.workspace.with(|w| id.with_value(|id| w.find(id).map(|a| a.stakeholders.clone()).unwrap_or_default()))
    });
    let gaps = Memo::new(move |_| people.with(|p| coverage(p, today)));
    let form = FormState::<Stakeholder>::new("person", today);
    form.guard(t.people.title);
    let editing = form.editing;
    // Whom the person in the form may report to: never themselves or their own reports.
    let managers = std::sync::Arc::new(move || {
        let me = editing.get().unwrap_or_default();
        let mut out = vec![(String::new(), t.people.nobody.to_string())];
        people.with(|ps| out.extend(possible_managers(ps, &me).into_iter().map(|p| (p.id.clone(), p.name.clone()))));
        out
    });
    // The six roles of the method, the team's own roles (from every map in the workspace)
    // and the choice to name a new one.
    let own = Memo::new(move |_| {
        state.workspace.with(|w| crate::domain::stakeholder::own_roles(w.accounts.iter().map(|a| &a.stakeholders[..])))
    });
    let roles = std::sync::Arc::new(move || {
        let method = BuyingRole::METHOD.iter().map(|&r| (r.slug().to_string(), (t.people.role)(r).to_string()));
        let mine = own.get().into_iter().map(|n| (format!("{OWN_ROLE_PREFIX}{n}"), n));
        let other = BuyingRole::Other;
        method.chain(mine).chain([(other.slug().to_string(), (t.people.role)(other).to_string())]).collect()
    });
    let naming = move || form.value(StakeholderField::Role) == BuyingRole::Other.slug();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current =
            form.record_id().and_then(|sid| people.with_untracked(|ps| ps.iter().find(|p| p.id == sid).cloned()));
        let Some(edited) = form.submit(current.as_ref()) else { return };
        let refused = state.workspace.with_untracked(|w| {
            id.with_value(|id| {
                w.find(id).is_some_and(|a| crate::domain::stakeholder::closes_circle(&a.stakeholders, &edited.record))
            })
        });
        if refused {
            state.notify(t.people.circle);
            return;
        }
        let mut saved = Ok(false);
        state.workspace.update(|w| saved = id.with_value(|id| w.save_stakeholder(id, edited.record, now_ms())));
        if saved == Ok(true) {
            if let Some(text) = clash_text(&edited.clashes) {
                state.notify(text);
            }
            form.reset();
        }
    };
    let on_edit = Callback::new(move |p: Stakeholder| form.load(&p.id, &p));
    let list = move || {
        keyed(
            people.into(),
            |p: &Stakeholder| p.id.clone(),
            move |p| view! { <PersonItem person=p account=id people=people on_edit=on_edit /> },
        )
    };
    view! {
        <section class="panel stakeholders" aria-labelledby="people-title">
            <h2 id="people-title">{t.people.title}</h2>
            <p class="hint">{t.people.help}</p>
            <div class="coverage" aria-live="polite">
                <h3>{t.people.coverage_title}</h3>
                <CoverageList gaps=gaps />
            </div>
            <Show when=move || people.with(|p| !p.is_empty()) fallback=move || view! { <p class="empty-note">{t.people.none_yet}</p> }>
                <div class="org">
                    <OrgChart people=people on_pick=on_edit />
                    <div class="org-list">
                        <h3>{t.people.list_title}</h3>
                        <div class="items">{list()}</div>
                    </div>
                </div>
            </Show>
            <form class="form-grid add-form" novalidate=true on:submit=submit>
                {form.field(StakeholderField::Name, Control::Text)}
                {form.field(StakeholderField::Title, Control::Text)}
                {form.field(StakeholderField::Department, Control::Text)}
                {form.field(StakeholderField::Role, Control::Select(roles))}
                <Show when=naming>
                    {form.field_hinted(StakeholderField::RoleName, Control::Text, t.people.own_role_hint)}
                </Show>
                {form.field(StakeholderField::Influence, Control::Select(std::sync::Arc::new(|| (1..=5).map(|n| (n.to_string(), n.to_string())).collect())))}
                {form.field(StakeholderField::Attitude, Control::Select(options(Attitude::ALL, Attitude::slug, t.people.attitude)))}
                {form.field(StakeholderField::ReportsTo, Control::Select(managers))}
                {form.field(StakeholderField::Owner, Control::Text)}
                {form.field(StakeholderField::LastContact, Control::Date)}
                {form.field(StakeholderField::Notes, Control::Area)}
                <FormButtons editing=form.editing add_label=t.people.add on_cancel=Callback::new(move |_| form.reset()) />
            </form>
        </section>
    }
}

#[component]
fn PersonItem(
    person: Item<Stakeholder>,
    account: StoredValue<String>,
    people: Memo<Vec<Stakeholder>>,
    on_edit: Callback<Stakeholder>,
) -> impl IntoView {
    let state = use_app();
    let t = t();
    let pid = StoredValue::new(person.with_untracked(|p| p.id.clone()));
    let what = Signal::derive(move || person.with(|p| p.name.clone()));
    let boss = move || {
        let b = person.with(|p| p.reports_to.clone())?;
        people.with(|ps| ps.iter().find(|x| x.id == b).map(|x| (t.people.reports_to)(&x.name)))
    };
    let facts = move || {
        person.with(|p| {
            let role = match p.role {
                BuyingRole::Other if p.role_name.is_empty() => t.people.other_role.to_string(),
                BuyingRole::Other => p.role_name.clone(),
                r => (t.people.role)(r).to_string(),
            };
            let mut parts = vec![role, (t.people.influence)(p.influence)];
            if !p.owner.is_empty() {
                parts.push((t.people.owner_line)(&p.owner));
            }
            parts.push(
                p.last_contact
                    .map_or(t.people.never_contacted.to_string(), |d| (t.people.last_contact)(&(t.date_long)(d))),
            );
            parts.join(" · ")
        })
    };
    let title = move || {
        person.with(|p| {
            [p.title.as_str(), p.department.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    view! {
        <article class="item person">
            <header>
                <h3>{move || person.with(|p| p.name.clone())}</h3>
                <span class=move || format!("chip attitude-{}", person.with(|p| p.attitude.slug()))>{move || (t.people.attitude)(person.with(|p| p.attitude))}</span>
                <EditButton what=what on_edit=Callback::new(move |_| on_edit.run(person.get_untracked())) />
                <DeleteButton
                    what=what
                    on_delete=Callback::new(move |_| state.delete_stakeholder(&account.get_value(), &pid.get_value()))
                />
            </header>
            <p class="meta">{title}</p>
            <p class="meta">{facts}</p>
            <p class="meta">{boss}</p>
            <p>{move || person.with(|p| p.notes.clone())}</p>
        </article>
    }
}

/// The org chart on a canvas: hover names a person, a click opens them in the form.
#[component]
fn OrgChart(people: Memo<Vec<Stakeholder>>, on_pick: Callback<Stakeholder>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let spots = StoredValue::new(Vec::<Spot>::new());
    let lit = RwSignal::new(None::<usize>);
    // The chart's box, measured when it is placed and on every resize: a tree wider than the
    // box (a phone, or many people side by side) is drawn as an outline instead of scrolling.
    let frame = NodeRef::<leptos::html::Div>::new();
    let room = RwSignal::new(0.0_f64);
    Effect::new(move |_| {
        state.viewport.track();
        if let Some(el) = frame.get() {
            room.set(f64::from(el.client_width()));
        }
    });
    let chart = Memo::new(move |_| {
        let room = room.get();
        people.with(|ps| {
            let mut placed = org_chart(ps);
            let columns = placed.iter().map(|p| p.x + 1.0).fold(1.0, f64::max);
            let shape = if room > 0.0 && columns * MIN_SLOT > room { OrgShape::Outline } else { OrgShape::Tree };
            if shape == OrgShape::Outline {
                placed = org_outline(ps);
            }
            let mut drawn: Vec<Person> = vec![
                Person {
                    name: String::new(),
                    owner: String::new(),
                    influence: 1,
                    attitude: 2,
                    depth: 0,
                    slot: 0.0,
                    highlighted: false
                };
                ps.len()
            ];
            for p in &placed {
                let s = &ps[p.index];
                drawn[p.index] = Person {
                    name: s.name.clone(),
                    owner: if s.owner.is_empty() { String::new() } else { (t.people.owner_line)(&s.owner) },
                    influence: s.influence,
                    attitude: Attitude::ALL.iter().position(|a| *a == s.attitude).unwrap_or(2),
                    depth: p.depth,
                    slot: p.x,
                    highlighted: false,
                };
            }
            let slots = placed.iter().map(|p| p.x + 1.0).fold(1.0, f64::max);
            let rows = placed.iter().map(|p| p.depth + 1).max().unwrap_or(1);
            (drawn, chart_lines(ps, &placed), org_size(shape, slots, rows), shape)
        })
    });
    let data = move || {
        let hover = lit.get();
        chart.with(|(drawn, lines, _, shape)| {
            let mut drawn = drawn.clone();
            if let Some(p) = hover.and_then(|i| drawn.get_mut(i)) {
                p.highlighted = true;
            }
            (drawn, lines.clone(), *shape)
        })
    };
    let draw = move |area: &crate::ui::components::chart::Area,
                     (drawn, lines, shape): &(Vec<Person>, Vec<(usize, usize)>, OrgShape),
                     scale: f64| {
        let out = draw_org(area, *shape, drawn, lines, scale)?;
        let css = out.into_iter().map(|s| Spot {
            x: s.x / scale,
            y: s.y / scale,
            r: s.r / scale,
            label: (s.label.0 / scale, s.label.1 / scale, s.label.2 / scale, s.label.3 / scale),
            lines: s.lines,
        });
        spots.set_value(css.collect());
        Ok(())
    };
    let height = Signal::derive(move || chart.with(|c| c.2 .1));
    let canvas = canvas_chart(state, height, t.people.chart_label.to_string(), "", false, data, draw);
    // The person under the pointer: on their circle or their label.
    let at = move |x: f64, y: f64| -> Option<usize> {
        spots.with_value(|spots| {
            spots.iter().position(|s| {
                let (l, top, r, b) = s.label;
                (s.x - x).powi(2) + (s.y - y).powi(2) <= (s.r + 3.0).powi(2) || (x >= l && x <= r && y >= top && y <= b)
            })
        })
    };
    let tip = move |i: &usize| {
        let spot = spots.with_value(|s| s.get(*i).cloned())?;
        let text =
            people.with(|ps| ps.get(*i).map(|p| (t.people.tip)(&p.name, &p.title, (t.people.attitude)(p.attitude))))?;
        Some((text, (spot.x, spot.y, spot.r)))
    };
    let pick = move |i: usize| {
        if let Some(p) = people.with_untracked(|ps| ps.get(i).cloned()) {
            on_pick.run(p);
        }
    };
    let min_width = Signal::derive(move || chart.with(|c| (c.3 == OrgShape::Tree).then_some(c.2 .0)));
    view! {
        <figure class="chart org-chart">
            <div class="org-scroll" node_ref=frame>{pointer_canvas(canvas, lit, at, tip, pick, min_width)}</div>
            <figcaption>{t.people.chart_help}</figcaption>
        </figure>
    }
}
