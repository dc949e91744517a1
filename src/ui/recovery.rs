//! What a person sees if the app ever panics: a recovery screen instead of a dead page.
//!
//! After a panic the wasm instance has trapped and must not be called again, so the screen
//! is built with plain DOM calls from inside the panic hook, and its buttons run plain
//! JavaScript. Texts come from the catalog; the panic detail is inserted as text, never as
//! HTML.

use wasm_bindgen::prelude::*;

use crate::i18n::t;
use crate::storage::{Key, PARTS_PREFIX};

/// Replaces the default panic output with the recovery screen (and still logs the panic).
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// A deliberate crash, so that tests (and the curious) can see the recovery screen.
#[wasm_bindgen]
pub fn keystone_crash_test() {
    panic!("deliberate crash to test the recovery screen");
}

fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    let t = t();
    let element = |tag: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    // The stored workspace, downloaded as it is (every part under its key): no wasm
    // involved. Names are qualified with `window.` because inline handlers look names up on
    // `document` first (`document.URL`).
    let download = format!(
        "(function(){{var w=window,s=w.localStorage,o={{}},ks=[];for(var i=0;i<s.length;i++)ks.push(s.key(i));\
         ks.sort().forEach(function(k){{if(k.indexOf('{}')===0||k==='{}')o[k]=s.getItem(k);}});\
         var d=JSON.stringify(o),a=w.document.createElement('a');\
         a.href=w.URL.createObjectURL(new w.Blob([d],{{type:'application/json'}}));\
         a.download='keystone-recovered-data.json';w.document.body.appendChild(a);a.click();}})()",
        PARTS_PREFIX,
        Key::Legacy.name()
    );
    let build = || -> Option<web_sys::Element> {
        let screen = document.create_element("section").ok()?;
        screen.set_class_name("page recovery");
        screen.set_attribute("role", "alert").ok()?;
        // Tell the truth about what is stored: after a failed write (storage full), the stored
        // copy is older than the work that was on screen.
        let unsaved = crate::storage::LAST_WRITE_FAILED.load(std::sync::atomic::Ordering::SeqCst);
        let said = if unsaved { t.crash_body_unsaved } else { t.crash_body };
        let (title, body_text) = (element("h1", t.crash_title)?, element("p", said)?);
        screen.append_child(&title).ok()?;
        screen.append_child(&body_text).ok()?;
        let actions = document.create_element("div").ok()?;
        actions.set_class_name("empty-actions");
        let save = element("button", t.crash_download)?;
        save.set_class_name("button-primary");
        save.set_attribute("type", "button").ok()?;
        save.set_attribute("onclick", &download).ok()?;
        let reload = element("button", t.crash_reload)?;
        reload.set_class_name("button-secondary");
        reload.set_attribute("type", "button").ok()?;
        reload.set_attribute("onclick", "window.location.reload()").ok()?;
        actions.append_child(&save).ok()?;
        actions.append_child(&reload).ok()?;
        screen.append_child(&actions).ok()?;
        let details = document.create_element("details").ok()?;
        let (summary, pre) = (element("summary", t.crash_detail)?, element("pre", detail)?);
        details.append_child(&summary).ok()?;
        details.append_child(&pre).ok()?;
        screen.append_child(&details).ok()?;
        Some(screen)
    };
    if let Some(screen) = build() {
        // Remove the dead app, keep only the recovery screen.
        body.set_text_content(None);
        let _ = body.append_child(&screen);
    }
}
