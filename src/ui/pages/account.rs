//! `#/accounts/<id>`: one account — its score and why, the checklist and rating overrides
//! that drive it, its details, and deletion (confirmed, undoable).

use leptos::prelude::*;

use std::sync::Arc;

use crate::domain::account::AccountFields;
use crate::domain::criteria::{Criterion, Question};
use crate::domain::scoring::{portfolio_shifts, AccountScore, CriterionScore, Ranked, Shift, Tier, MAX_RATING};
use crate::domain::tier::{DecisionField, TierChoice};
use crate::i18n::t;
use crate::platform::{iso_date, local_date_time_ms, now_ms, today};
use crate::ui::components::account_form::AccountForm;
use crate::ui::components::chart::{ContributionChart, ScoreHistory};
use crate::ui::components::deals::{deal_summary, evidence, DealPanel, ExtraFields};
use crate::ui::components::form::{save_state, Control, FormState};
use crate::ui::components::groups::GroupPanel;
use crate::ui::components::plan::PromoteButton;
use crate::ui::components::stakeholders::Stakeholders;
use crate::ui::components::whitespace::WhitespaceGrid;
use crate::ui::components::widgets::{ConfirmDialog, Missing, TierBadge, WhyLink};
use crate::ui::route::{Route, Section, Topic};
use crate::ui::state::use_app;

#[component]
pub fn AccountPage(id: String) -> impl IntoView {
    let state = use_app();
    let lookup = id.clone();
    let exists = Memo::new(move |_| state.workspace.with(|w| w.find(&lookup).is_some()));
    move || {
        if exists.get() {
            view! { <AccountView id=id.clone() /> }.into_any()
        } else {
            view! { <Missing text=t().account_missing /> }.into_any()
        }
    }
}

#[component]
fn AccountView(id: String) -> impl IntoView {
    let state = use_app();
    let t = t();
    let id = StoredValue::new(id);
    let fields = Memo::new(move |_| state.workspace.with(|w| id.with_value(|id| w.find(id).map(|a| a.fields.clone()))));
    let stamps = Memo::new(move |_| {
        state.workspace.with(|w| id.with_value(|id| w.find(id).map(|a| (a.created_ms, a.updated_ms))))
    });
    let ranked = Memo::new(move |_| id.with_value(|id| state.ranked(id)));
    let score: Signal<Option<AccountScore>> = Signal::derive(move || ranked.get().map(|x| x.score));
    let settings = Signal::derive(move || state.workspace.with(|w| w.scoring));
    let name = move || fields.with(|f| f.as_ref().map(|f| f.name.clone()).unwrap_or_default());
    let has_plan = Memo::new(move |_| state.workspace.with(|w| id.with_value(|id| w.plan(id).is_some())));
    let confirming = RwSignal::new(false);
    let deals = deal_summary(id);

    let subtitle = move || {
        fields.with(|f| {
            f.as_ref()
                .map(|f| {
                    let stage = f.stage.map(|s| (t.portfolio.stage)(s).to_string()).unwrap_or_default();
                    (t.list)(&[
                        (t.status)(f.status).to_string(),
                        stage,
                        f.sector.clone(),
                        f.region.clone(),
                        f.owner.clone(),
                    ])
                })
                .unwrap_or_default()
        })
    };
    // Local days, as the rest of the page writes dates.
    let day = move |ms: i64| local_date_time_ms(ms).map_or_else(|| iso_date(ms), |(d, _, _)| (t.date_long)(d));
    let stamp_text = move || stamps.get().map(|(c, u)| (t.stamps)(&day(c), &day(u))).unwrap_or_default();

    // The details save themselves as they are typed (one save model on the whole page).
    let form = FormState::<AccountFields>::showing("field", &fields.get_untracked().unwrap_or_default(), today());
    let saving = form.autosave(
        t.form_edit_title,
        move || fields.get(),
        move |record| {
            let mut found = false;
            state.workspace.update(|w| found = id.with_value(|id| w.update_fields(id, record, now_ms())));
            found
        },
    );
    // Suggestions that moved because accounts were added since this one was last changed.
    let shifts = Memo::new(move |_| {
        state.workspace.with(|w| {
            id.with_value(|id| w.accounts.iter().position(|a| &a.id == id))
                .map(|i| portfolio_shifts(&w.accounts, i))
                .unwrap_or_default()
        })
    });
    let confirm_delete = Callback::new(move |_| {
        confirming.set(false);
        // Leave the page first, so it never shows its own "does not exist" state.
        let account_id = id.get_value();
        state.navigate(Route::Accounts);
        state.delete_account(&account_id);
    });
    let cancel_delete = Callback::new(move |_| confirming.set(false));

    view! {
        <section class="page account">
            <nav class="crumbs"><a href=Route::Accounts.href()>{t.nav_accounts}</a></nav>
            <div class="page-head">
                <div>
                    <h1>{name}</h1>
                    <p class="lead">{subtitle}</p>
                    <p class="stamp">{stamp_text}</p>
                </div>
                <div class="head-actions">
                    <NextUnrated id=id />
                    <Show
                        when=move || has_plan.get()
                        fallback=move || view! { <PromoteButton account_id=id /> }
                    >
                        <a class="button button-primary" href=move || Route::Plan(id.get_value(), Section::Summary).href()>{t.plan.open_plan}</a>
                    </Show>
                </div>
                <div class="score-box" aria-live="polite">
                    <span class="score-label">{t.score_label}</span>
                    <span class="score-value">
                        {move || score.get().and_then(|s| s.shown()).map(|s| s.to_string()).unwrap_or_else(|| t.not_ranked.into())}
                    </span>
                    {move || ranked.get().map(|r| view! { <TierBadge standing=r.standing() /> })}
                    <span class="score-ranks">
                        {move || ranked.get().map(|x| (t.ranks_line)(x.rank, x.revenue_rank))}
                        {move || ranked.get().filter(|x| x.tied).map(|_| view! { <span class="tie" title=t.tie_title>{t.tie_mark}</span> })}
                    </span>
                </div>
            </div>

            <Facts fields=fields />

            <section class="panel">
                <h2>{t.chart_contrib_title}</h2>
                <Show when=move || score.get().is_some_and(|s| s.tier == Tier::Incomplete)>
                    <p class="hint">{t.incomplete_help}</p>
                </Show>
                <ContributionChart score=score settings=settings />
            </section>

            <TierPanel id=id ranked=ranked />

            <ScoreHistory id=id ranked=ranked />

            <div class="criteria">
                {Criterion::ALL
                    .into_iter()
                    .map(|c| {
                        let shift = Signal::derive(move || shifts.with(|s| s.iter().find(|x| x.criterion == c).copied()));
                        view! { <CriterionCard id=id criterion=c score=score shift=shift deals=deals /> }
                    })
                    .collect_view()}
            </div>

            <DealPanel id=id deals=deals />

            <Stakeholders id=id />

            <WhitespaceGrid id=id />

            <GroupPanel id=id />

            <section class="panel" id="account-details">
                <div class="panel-head">
                    <h2>{t.form_edit_title}</h2>
                    {save_state(saving)}
                </div>
                <AccountForm form=form />
            </section>

            <ExtraFields id=id />

            <div class="danger-zone">
                <button type="button" class="button-danger" on:click=move |_| confirming.set(true)>{t.delete_account}</button>
            </div>
            <Show when=move || confirming.get()>
                <ConfirmDialog
                    title=(t.confirm_delete_title)(&name())
                    body=t.confirm_delete_body
                    confirm_label=t.confirm_delete
                    on_confirm=confirm_delete
                    on_cancel=cancel_delete
                />
            </Show>
        </section>
    }
}

/// The figures the score rests on, at the top of the page: read before rating.
#[component]
fn Facts(fields: Memo<Option<AccountFields>>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let edit = move |_| {
        // The details form is further down: bring it into view, its first field ready to type.
        if let Some(el) = document().get_element_by_id("account-details") {
            el.scroll_into_view();
        }
        if let Some(input) = document()
            .query_selector("#account-details input")
            .ok()
            .flatten()
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = input.focus();
        }
    };
    let figures = move || {
        fields.get().map(|f| {
            let missing = || t.rate.fact_missing.to_string();
            let money = |v: Option<f64>| v.map(|v| (t.money)(v, state.currency.get())).unwrap_or_else(missing);
            let facts = [
                (t.rate.fact_revenue, money(f.revenue)),
                (t.rate.fact_potential, money(f.potential)),
                (t.rate.fact_margin, f.margin_pct.map(t.rate.margin).unwrap_or_else(missing)),
                (t.rate.fact_years, f.relationship_years.map(t.rate.years).unwrap_or_else(missing)),
                (t.rate.fact_stage, f.stage.map(|s| (t.portfolio.stage)(s).to_string()).unwrap_or_else(missing)),
            ];
            facts.into_iter().map(|(label, value)| view! { <div><dt>{label}</dt><dd>{value}</dd></div> }).collect_view()
        })
    };
    view! {
        <section class="panel facts" aria-labelledby="facts-title">
            <div class="panel-head">
                <h2 id="facts-title">{t.rate.facts_title}</h2>
                <button type="button" class="button-link" on:click=edit>{t.rate.edit_details}</button>
            </div>
            <dl class="figures">{figures}</dl>
        </section>
    }
}

/// Moves on to the next account that still misses a rating, without the list in between.
#[component]
fn NextUnrated(id: StoredValue<String>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let next = Memo::new(move |_| {
        state.workspace.with(|w| {
            state.ranking.with(|r| id.with_value(|id| crate::domain::views::rating::next_unrated_account(w, r, id)))
        })
    });
    view! {
        <button
            type="button"
            class="button-secondary"
            disabled=move || next.with(Option::is_none)
            title=move || next.with(Option::is_none).then_some(t.rate.all_rated)
            on:click=move |_| {
                if let Some(to) = next.get_untracked() {
                    state.navigate(Route::Account(to));
                }
            }
        >
            {t.rate.next_unrated}
        </button>
    }
}

/// The manager's decision on the tier: the score advises, the manager decides.
#[component]
fn TierPanel(id: StoredValue<String>, ranked: Memo<Option<Ranked>>) -> impl IntoView {
    let state = use_app();
    let t = t();
    let today = today();
    let decision =
        Memo::new(move |_| state.workspace.with(|w| id.with_value(|id| w.find(id).map(|a| a.decided.clone()))));
    let choice = TierChoice::of(decision.get_untracked().flatten().as_ref());
    let form = FormState::<TierChoice>::showing("decision", &choice, today);
    let saving = form.autosave(
        t.tier_title,
        move || decision.get().map(|d| TierChoice::of(d.as_ref())),
        move |choice| {
            let earlier = decision.get_untracked().flatten();
            let decided = choice.decide(earlier.as_ref(), today);
            let mut found = false;
            state.workspace.update(|w| found = id.with_value(|id| w.decide(id, decided, now_ms())));
            found
        },
    );
    let options = Arc::new(move || {
        let says = ranked.with(|r| r.map_or(Tier::Incomplete, |r| r.score.tier));
        let mut opts = vec![(String::new(), (t.follow_score)(says))];
        opts.extend(Tier::DECIDABLE.iter().map(|x| (x.slug().to_string(), (t.tier)(*x).to_string())));
        opts
    });
    let when = move || {
        decision
            .get()
            .flatten()
            .map(|d| view! { <p class="hint">{(t.decided_on)(&(t.date_long)(d.on), d.promoted)}</p> })
    };
    view! {
        <section class="panel tier-panel">
            <div class="panel-head">
                <h2>{t.tier_title}</h2>
                {save_state(saving)}
            </div>
            <p class="hint">{t.decision_help}</p>
            <div class="form-grid">
                {form.field(DecisionField::Tier, Control::Select(options))}
                {form.field(DecisionField::Reason, Control::Text)}
            </div>
            {when}
        </section>
    }
}

#[component]
fn CriterionCard(
    id: StoredValue<String>,
    criterion: Criterion,
    score: Signal<Option<AccountScore>>,
    shift: Signal<Option<Shift>>,
    deals: Memo<Option<crate::domain::deals::DealSummary>>,
) -> impl IntoView {
    let state = use_app();
    let t = t();
    let c = criterion;
    let cs = move || score.get().map(|s| *s.get(c));
    let answers = Memo::new(move |_| {
        state.workspace.with(|w| {
            id.with_value(|id| {
                w.find(id).map(|a| c.questions().map(|q| (q, a.assessment.answer(q))).collect::<Vec<_>>())
            })
            .unwrap_or_default()
        })
    });
    let rating_id = format!("rating-{}", c.slug());
    let ws_evidence = crate::ui::components::whitespace::evidence(id);
    let set_override = move |ev: leptos::ev::Event| {
        let rating = event_target_value(&ev).parse::<u8>().ok().filter(|r| *r <= MAX_RATING);
        state.workspace.update(|w| {
            id.with_value(|id| w.set_override(id, c, rating, now_ms()));
        });
    };
    let weight = move || state.workspace.with(|w| w.scoring.weights.get(c));

    let question_row = move |q: Question| {
        let qid = format!("q-{}", q.slug());
        let current = move || answers.with(|a| a.iter().find(|(x, _)| *x == q).and_then(|(_, v)| *v));
        let set = move |answer: Option<bool>| {
            state.workspace.update(|w| {
                id.with_value(|id| w.set_answer(id, q, answer, now_ms()));
            });
        };
        // What an imported deal history says to the question: shown with its figures, and
        // taken as the answer only when the user says so.
        let says = move || deals.with(|d| d.as_ref().and_then(|d| evidence(d, q, state.currency.get())));
        let take = move |_| {
            if let Some((yes, _)) = says() {
                state.workspace.update(|w| {
                    id.with_value(|id| w.set_answer(id, q, Some(yes), now_ms()));
                });
            }
        };
        let hint = move || {
            says().map(|(yes, figures)| {
                let differs = current() != Some(yes);
                view! {
                    <p class="evidence">
                        {(t.crm.evidence)(yes, &figures)}
                        {differs.then(|| view! {
                            <button type="button" class="button-quiet" on:click=take>{(t.crm.take_answer)(yes)}</button>
                        })}
                    </p>
                }
            })
        };
        view! {
            <li class="question">
                <span class="q-text" id=qid.clone()>{(t.question)(q)}</span>
                <span class="answer-toggle" role="radiogroup" aria-labelledby=qid.clone()>
                    {[(Some(true), t.answer_yes, "yes"), (Some(false), t.answer_no, "no"), (None, t.answer_none, "none")]
                        .into_iter()
                        .map(|(value, text, slug)| view! {
                            <label class=format!("answer-option answer-{slug}")>
                                <input type="radio" name=qid.clone() value=slug prop:checked=move || current() == value on:change=move |_| set(value) />
                                <span>{text}</span>
                            </label>
                        })
                        .collect_view()}
                </span>
                {hint}
            </li>
        }
    };

    let explanation = move |cs: CriterionScore| {
        let headline = match cs.overridden {
            Some(r) => (t.overridden_with_suggestion)(r, cs.suggested),
            None => (t.suggested)(cs.suggested),
        };
        view! {
            <strong>{headline}</strong>
            {(t.basis)(c, cs.basis)}
        }
    };

    view! {
        <section class="panel criterion" style=format!("--accent: var(--criterion-{})", c.index())>
            <header>
                <h3>{(t.criterion)(c)}</h3>
                <span class="points">
                    {move || cs().map(|cs| if cs.rating.is_some() { (t.points)(cs.points, weight()) } else { (t.tier)(Tier::Incomplete).to_string() })}
                </span>
            </header>
            <p class="hint">{(t.criterion_help)(c)}<WhyLink topic=Topic::Criteria /></p>
            <div class="rating-row">
                <div class="field field-inline">
                    <label for=rating_id.clone()>{(t.rating_label)((t.criterion)(c))}</label>
                    <select id=rating_id on:change=set_override>
                        <option value="" selected=move || cs().is_some_and(|cs| cs.overridden.is_none())>
                            {move || (t.rating_suggested_option)(cs().and_then(|cs| cs.suggested))}
                        </option>
                        {(0..=MAX_RATING)
                            .map(|r| view! {
                                <option value=r.to_string() selected=move || cs().and_then(|cs| cs.overridden) == Some(r)>
                                    {r.to_string()}
                                </option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <p class="why" class:overridden=move || cs().is_some_and(|cs| cs.overridden.is_some())>
                    {move || cs().map(explanation)}
                    {move || (c == Criterion::RevenueVolume).then(|| deals.with(|d| d.as_ref().map(|d| {
                        let m = |v| (t.money)(v, state.currency.get());
                        view! { <span class="deal-note">{(t.crm.why_deals)(&m(d.won_last_12), &m(d.won_prior_12), d.growth())}</span> }
                    })))}
                    {move || ws_evidence.get().and_then(|(value, used)| match c {
                        Criterion::RevenuePotential => Some((t.whitespace.why_potential)(&(t.money)(value, state.currency.get()))),
                        Criterion::ProductFit => Some((t.whitespace.why_fit)(used)),
                        _ => None,
                    }).map(|text| view! { <span class="deal-note">{text}</span> })}
                    {move || shift.get().map(|s| {
                        let since = crate::domain::date::Date::from_unix_ms(s.since_ms);
                        view! { <span class="shift-note">{(t.shift_note)(s.criterion, s.was, s.higher, s.added, &(t.date_long)(since))}</span> }
                    })}
                </p>
            </div>
            <details class="checklist" open=true>
                <summary>{t.checklist}</summary>
                <ul>{c.questions().map(question_row).collect_view()}</ul>
            </details>
        </section>
    }
}
