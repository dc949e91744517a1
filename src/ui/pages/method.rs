//! `#/method`: the method in the app's own words, one section per topic, which the "Why?"
//! links beside criteria, plan steps and quadrants open at their topic.

use leptos::prelude::*;

use crate::i18n::t;
use crate::ui::route::{Route, Topic};

/// The element id of a topic's section.
fn anchor(topic: Topic) -> String {
    format!("method-{}", topic.slug())
}

#[component]
pub fn MethodPage(topic: Option<Topic>) -> impl IntoView {
    let t = t();
    // Opened at a topic: scroll to it once the page is drawn (after the app's move to the top).
    Effect::new(move |_| {
        if let Some(topic) = topic {
            request_animation_frame(move || {
                if let Some(section) = document().get_element_by_id(&anchor(topic)) {
                    section.scroll_into_view();
                }
            });
        }
    });
    let contents = Topic::ALL
        .iter()
        .map(|&topic| view! { <li><a href=Route::Method(Some(topic)).href()>{(t.method.topic)(topic).0}</a></li> })
        .collect_view();
    let sections = Topic::ALL
        .iter()
        .map(|&topic| {
            let (title, paragraphs) = (t.method.topic)(topic);
            let heading = format!("{}-title", anchor(topic));
            let labelled_by = heading.clone();
            view! {
                <section class="panel method-topic" id=anchor(topic) aria-labelledby=labelled_by class:current=topic_is(topic)>
                    <h2 id=heading>{title}</h2>
                    {paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="page method">
            <div class="page-head">
                <div>
                    <h1>{t.method.title}</h1>
                    <p class="lead">{t.method.intro}</p>
                </div>
            </div>
            <nav class="panel method-contents" aria-label=t.method.contents>
                <h2>{t.method.contents}</h2>
                <ol>{contents}</ol>
            </nav>
            {sections}
        </section>
    }
}

/// Whether `topic` is the one the address points at (highlighted).
fn topic_is(topic: Topic) -> impl Fn() -> bool {
    let state = crate::ui::state::use_app();
    move || state.route.with(|r| *r == Route::Method(Some(topic)))
}
