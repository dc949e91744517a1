//! `#/share`: export, import (always through a review before anything changes), CSV, and
//! how much storage Keystone uses. A rejected or cancelled import changes nothing, in memory
//! or in storage.

use leptos::prelude::*;

use crate::domain::merge::{review, Item};
use crate::domain::share::{parse, ImportError, MAX_FILE_BYTES};
use crate::i18n::t;
use crate::platform::read_file;
use crate::ui::components::csv::CsvPanel;
use crate::ui::components::share::{CurrencySetting, ExportPanel, ImportPanel, Pending, ReviewPanel, StorageMeter};
use crate::ui::state::use_app;

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
            let e = ImportError::TooLarge { bytes: file.size() as usize, max: MAX_FILE_BYTES };
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
                <CsvPanel />
                <CurrencySetting />
                <StorageMeter />
            </Show>
            {move || problem.get().map(|p| view! { <p class="banner banner-error" role="alert">{p}</p> })}
            {move || pending.get().map(|p| view! { <ReviewPanel pending=p items=items on_done=Callback::new(move |_| pending.set(None)) /> })}
        </section>
    }
}
