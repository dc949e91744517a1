//! The weights of the five criteria and the tier thresholds: the stored settings on the
//! accounts page, a sandbox's on the what-if page.

use leptos::prelude::*;

use crate::domain::criteria::Criterion;
use crate::domain::scoring::{ScoringSettings, ThresholdError, Thresholds, Weights};
use crate::i18n::t;
use crate::ui::state::use_app;

fn parse_percent(text: &str) -> Option<u8> {
    text.trim().trim_end_matches('%').trim().parse::<u8>().ok().filter(|v| *v <= 100)
}

#[component]
pub fn WeightsPanel() -> impl IntoView {
    let state = use_app();
    let scoring = Memo::new(move |_| state.workspace.with(|w| w.scoring));
    let set = Callback::new(move |s: ScoringSettings| state.workspace.update(|w| w.edit_scoring(|x| *x = s)));
    view! { <ScoringPanel scoring=scoring.into() set=set /> }
}

/// Weights and thresholds of `scoring`, edited through `set`: the stored settings on the
/// accounts page, the sandbox's on the what-if page.
#[component]
pub fn ScoringPanel(scoring: Signal<ScoringSettings>, set: Callback<ScoringSettings>) -> impl IntoView {
    let t = t();
    let weight_errors = RwSignal::new([false; 5]);
    let threshold_error = RwSignal::new(None::<(bool, &'static str)>);

    let weight_input = move |c: Criterion| {
        let id = format!("weight-{}", c.slug());
        let error_id = format!("{id}-error");
        let has_error = move || weight_errors.with(|e| e[c.index()]);
        let on_change = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            match parse_percent(&text) {
                Some(v) => {
                    weight_errors.update(|e| e[c.index()] = false);
                    let mut s = scoring.get_untracked();
                    s.weights.set(c, v);
                    set.run(s);
                }
                None => weight_errors.update(|e| e[c.index()] = true),
            }
        };
        view! {
            <div class="weight" class:has-error=has_error>
                <label for=id.clone()>{(t.weight_label)((t.criterion)(c))}</label>
                <div class="weight-input">
                    <input
                        id=id
                        type="text"
                        inputmode="numeric"
                        prop:value=move || scoring.with(|s| s.weights.get(c).to_string())
                        on:change=on_change
                        aria-invalid=move || has_error().then_some("true")
                        aria-describedby=error_id.clone()
                    />
                    <span aria-hidden="true">{t.percent_sign}</span>
                    <span class="weight-bar" aria-hidden="true">
                        <span style=move || format!("width:{}%", scoring.with(|s| s.weights.get(c)))></span>
                    </span>
                </div>
                <p class="field-error" id=error_id>{move || has_error().then_some(t.whole_number_0_100)}</p>
            </div>
        }
    };

    let threshold_input = move |is_key: bool| {
        let (id, label) =
            if is_key { ("threshold-key", t.threshold_key) } else { ("threshold-watch", t.threshold_watch) };
        let error_id = format!("{id}-error");
        let message = move || threshold_error.get().filter(|(k, _)| *k == is_key).map(|(_, m)| m);
        let on_change = move |ev: leptos::ev::Event| {
            let Some(v) = parse_percent(&event_target_value(&ev)) else {
                threshold_error.set(Some((is_key, t.whole_number_0_100)));
                return;
            };
            let current = scoring.get_untracked().thresholds;
            let (key, watch) = if is_key { (v, current.watch()) } else { (current.key(), v) };
            match Thresholds::new(key, watch) {
                Ok(th) => {
                    threshold_error.set(None);
                    set.run(ScoringSettings { thresholds: th, ..scoring.get_untracked() });
                }
                Err(ThresholdError::KeyOutOfRange) => threshold_error.set(Some((is_key, t.threshold_key_range))),
                Err(ThresholdError::WatchNotBelowKey) => {
                    threshold_error.set(Some((is_key, t.threshold_watch_below_key)))
                }
            }
        };
        view! {
            <div class="field" class:has-error=move || message().is_some()>
                <label for=id>{label}</label>
                <input
                    id=id
                    type="text"
                    inputmode="numeric"
                    prop:value=move || scoring.with(|s| if is_key { s.thresholds.key() } else { s.thresholds.watch() }.to_string())
                    on:change=on_change
                    aria-invalid=move || message().is_some().then_some("true")
                    aria-describedby=error_id.clone()
                />
                <p class="field-error" id=error_id>{message}</p>
            </div>
        }
    };

    let reset = move |_| {
        weight_errors.set([false; 5]);
        threshold_error.set(None);
        // The currency is a setting of the portfolio, not of scoring: a reset keeps it.
        set.run(ScoringSettings { currency: scoring.get_untracked().currency, ..ScoringSettings::default() });
    };
    let is_default = move || scoring.with(|s| s.weights == Weights::default() && s.thresholds == Thresholds::default());

    view! {
        <section class="panel weights">
            <h2>{t.weights_title}</h2>
            <p class="hint">{t.weights_help}</p>
            {Criterion::ALL.into_iter().map(weight_input).collect_view()}
            <p class="total">{move || (t.weights_total)(scoring.with(|s| Criterion::ALL.iter().map(|&c| s.weights.get(c) as u32).sum()))}</p>
            <h2>{t.thresholds_title}</h2>
            {threshold_input(true)}
            {threshold_input(false)}
            <button type="button" class="button-secondary" on:click=reset disabled=is_default>{t.reset_defaults}</button>
        </section>
    }
}
