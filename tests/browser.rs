//! Components and storage in headless Chromium (wasm-bindgen-test): the real app is
//! mounted into the test page, with real localStorage, and driven through the DOM by
//! visible labels and button texts.
#![cfg(target_arch = "wasm32")]

use keystone::domain::sample::sample_portfolio;
use keystone::domain::workspace::{decode, SCHEMA_VERSION};
use keystone::storage::{self, Key, StorageError};
use keystone::ui::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Lets Leptos run its effects and DOM updates, and the browser its frames and timers (the
/// app saves after the next frame is painted).
async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 5).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

/// A fresh page: empty storage, the given route, the app mounted in a new container.
async fn mount(hash: &str) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    local_storage().clear().unwrap();
    mount_over(hash).await
}

/// The app mounted over whatever storage holds now.
async fn mount_over(hash: &str) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    web_sys::window().unwrap().location().set_hash(hash).unwrap();
    // Replace only the previous test's container: the runner reports through the page too.
    if let Some(old) = document().get_element_by_id("app-under-test") {
        old.remove();
    }
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    container.set_id("app-under-test");
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container, App);
    settle().await;
    handle
}

fn all(selector: &str) -> Vec<web_sys::Element> {
    let list = document().query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

fn text_of(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn button(text: &str) -> HtmlElement {
    all("button, a.button")
        .into_iter()
        // The accessible name: aria-label when there is one, else the text.
        .find(|b| b.get_attribute("aria-label").unwrap_or_else(|| text_of(b)) == text)
        .unwrap_or_else(|| {
            panic!("no button {text:?} among {:?}", all("button, a.button").iter().map(text_of).collect::<Vec<_>>())
        })
        .unchecked_into()
}

/// The control whose `<label>` reads `label`.
fn labelled<T: JsCast>(label: &str) -> T {
    let l = all("label").into_iter().find(|l| text_of(l) == label).unwrap_or_else(|| panic!("no label {label:?}"));
    let id = l.get_attribute("for").expect("label has a for attribute");
    document().get_element_by_id(&id).unwrap_or_else(|| panic!("no control #{id}")).unchecked_into()
}

fn fire(target: &web_sys::EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    target.dispatch_event(&web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}

fn type_into(label: &str, value: &str) {
    let input: HtmlInputElement = labelled(label);
    input.set_value(value);
    fire(&input, "input");
    fire(&input, "change");
}

/// Account names in table order.
fn ranked_names() -> Vec<String> {
    all("table.ranked tbody tr td:nth-child(2)").iter().map(text_of).collect()
}

fn position(names: &[String], name: &str) -> usize {
    names.iter().position(|n| n == name).unwrap_or_else(|| panic!("{name} not in {names:?}"))
}

/// Everything stored of the workspace, as one text: each part under its key, in key order.
fn stored() -> Option<String> {
    let s = local_storage();
    let mut keys: Vec<String> = (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(storage::PARTS_PREFIX) || *k == Key::Legacy.name())
        .collect();
    keys.sort();
    (!keys.is_empty())
        .then(|| keys.iter().map(|k| format!("{k}={}\n", s.get_item(k).unwrap().unwrap_or_default())).collect())
}

/// The workspace as stored, read as the app reads it when it starts.
fn saved_ws() -> keystone::domain::workspace::Workspace {
    storage::load_workspace(0).expect("readable").expect("stored").workspace
}

#[wasm_bindgen_test]
fn storage_round_trips_under_a_namespaced_versioned_key() {
    local_storage().clear().unwrap();
    assert_eq!(storage::load_workspace(1).unwrap(), None);
    let ws = sample_portfolio(42);
    storage::save_workspace(&ws, None).unwrap();
    let raw = local_storage().get_item("keystone.v2.head").unwrap().expect("the head under its key");
    assert!(raw.starts_with(&format!(r#"{{"schema":{SCHEMA_VERSION},"#)), "{}", &raw[..40]);
    let shards = (0..keystone::domain::layout::SHARDS)
        .filter(|k| local_storage().get_item(&format!("keystone.v2.shard.{k}")).unwrap().is_some())
        .count();
    assert_eq!(shards, keystone::domain::layout::SHARDS, "every shard is written, empty ones too");
    assert_eq!(storage::load_workspace(2).unwrap().map(|s| s.workspace), Some(ws));
}

/// The format before the split into parts: the last single-key Keystone's file, as stored.
#[wasm_bindgen_test]
async fn a_workspace_stored_the_old_way_moves_into_parts_once() {
    local_storage().clear().unwrap();
    let v6 = include_str!("fixtures/workspace-v6.json");
    local_storage().set_item("keystone.v1.workspace", v6).unwrap();
    let expected = decode(v6).unwrap();
    let _app = mount_over("#/accounts").await;
    assert_eq!(ranked_names().len(), expected.accounts.len());
    assert_eq!(storage::raw(&Key::Legacy), None, "the single key is gone: both would not fit at 10,000 accounts");
    assert!(storage::raw(&Key::Head).is_some());
    assert_eq!(saved_ws().accounts, expected.accounts, "every record moved unchanged");
    assert_eq!(saved_ws().plans, expected.plans);
}

#[wasm_bindgen_test]
fn unreadable_storage_is_backed_up_and_left_alone() {
    local_storage().clear().unwrap();
    let corrupt = r#"{"schema":1,"accounts":[{"id":"#;
    local_storage().set_item("keystone.v1.workspace", corrupt).unwrap();
    local_storage().set_item("keystone.v1.backup.7", "earlier backup").unwrap();
    let err = storage::load_workspace(7).unwrap_err();
    let StorageError::Unreadable { backup, .. } = err else { panic!("unexpected {err:?}") };
    assert_eq!(backup, "keystone.v1.backup.8", "an earlier backup is never overwritten");
    assert_eq!(local_storage().get_item(&backup).unwrap().as_deref(), Some(corrupt));
    assert_eq!(local_storage().get_item("keystone.v1.backup.7").unwrap().as_deref(), Some("earlier backup"));
    assert_eq!(
        storage::raw(&Key::Legacy).as_deref(),
        Some(corrupt),
        "loading never writes over what it could not read"
    );
    assert_eq!(storage::raw(&Key::Head), None, "nor moves it anywhere");
}

#[wasm_bindgen_test]
async fn first_run_loads_the_sample_and_ranks_cartech_above_vicom() {
    let _app = mount("#/").await;
    assert!(stored().is_none());
    button("Load sample portfolio").click();
    settle().await;
    let names = ranked_names();
    assert!(names.len() >= 10, "{names:?}");
    assert!(position(&names, "Cartech") < position(&names, "Vicom"), "{names:?}");
    let saved = saved_ws();
    assert_eq!(saved.accounts.len(), names.len());
    assert_eq!(saved.plans.len(), 2, "the sample's plans come along");
}

#[wasm_bindgen_test]
async fn a_volume_heavy_weight_moves_vicom_up_and_is_persisted() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    let before = position(&ranked_names(), "Vicom");
    type_into("Revenue volume weight", "80");
    settle().await;
    let names = ranked_names();
    assert!(position(&names, "Vicom") < before, "{names:?}");
    assert!(position(&names, "Vicom") < position(&names, "Cartech"), "{names:?}");
    // The others were rescaled so the total stays 100 %.
    let weights: u32 = ["Revenue potential", "Lifetime value", "Product fit", "Strategic value"]
        .iter()
        .map(|c| labelled::<HtmlInputElement>(&format!("{c} weight")).value().parse::<u32>().unwrap())
        .sum();
    assert_eq!(weights, 20);
    let saved = saved_ws();
    assert_eq!(saved.scoring.weights.get(keystone::domain::criteria::Criterion::RevenueVolume), 80);

    // An invalid weight gets a message and changes nothing.
    type_into("Product fit weight", "abc");
    settle().await;
    assert!(text_of(&document().get_element_by_id("weight-product_fit-error").unwrap()).contains("whole number"));
    assert_eq!(saved_ws().scoring, saved.scoring);
}

#[wasm_bindgen_test]
async fn the_form_refuses_bad_input_with_a_message_then_saves() {
    let _app = mount("#/accounts/new").await;
    type_into("Name", "Globex");
    type_into("Current annual revenue", "lots");
    type_into("Gross margin (%)", "140");
    button("Save account").click();
    settle().await;
    let revenue_error = text_of(&document().get_element_by_id("field-revenue-error").unwrap());
    assert!(revenue_error.contains("Enter a number"), "{revenue_error}");
    assert!(text_of(&document().get_element_by_id("field-margin_pct-error").unwrap()).contains("0 to 100"));
    assert!(stored().is_none(), "nothing invalid is saved");

    type_into("Current annual revenue", "1.250.000");
    settle().await;
    assert_eq!(
        text_of(&document().get_element_by_id("field-revenue-error").unwrap()),
        "",
        "the message goes once fixed"
    );
    type_into("Gross margin (%)", "30");
    button("Save account").click();
    settle().await;
    let saved = saved_ws();
    assert_eq!(saved.accounts.len(), 1);
    assert_eq!(saved.accounts[0].fields.name, "Globex");
    assert_eq!(saved.accounts[0].fields.revenue, Some(1_250_000.0));
    assert!(
        web_sys::window().unwrap().location().hash().unwrap().starts_with("#/accounts/a-"),
        "went to the account page"
    );
}

#[wasm_bindgen_test]
async fn deleting_asks_first_and_can_be_undone() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech").unwrap();
    settle().await;
    assert_eq!(text_of(&all("h1")[0]), "Cartech");

    button("Delete account").click();
    settle().await;
    button("Cancel").click();
    settle().await;
    assert!(saved_ws().find("sample-02-cartech").is_some(), "cancel keeps it");

    button("Delete account").click();
    settle().await;
    button("Delete").click();
    settle().await;
    assert!(saved_ws().find("sample-02-cartech").is_none());
    assert!(!ranked_names().contains(&"Cartech".to_string()));

    button("Undo").click();
    settle().await;
    let saved = saved_ws();
    assert_eq!(saved.accounts[1].id, "sample-02-cartech", "restored in its place");
    assert!(ranked_names().contains(&"Cartech".to_string()));
}

/// Picks an answer (yes, no, none) to a checklist question by the question's text.
fn answer(question: &str, value: &str) {
    let doc = web_sys::window().unwrap().document().unwrap();
    let group = all(".answer-toggle")
        .into_iter()
        .find(|g| {
            let id = g.get_attribute("aria-labelledby").unwrap_or_default();
            doc.get_element_by_id(&id).is_some_and(|l| text_of(&l) == question)
        })
        .unwrap_or_else(|| panic!("no answers for {question}"));
    let input: HtmlInputElement =
        group.query_selector(&format!("input[value={value}]")).unwrap().expect("the option").dyn_into().unwrap();
    input.click();
}

#[wasm_bindgen_test]
async fn a_checklist_answer_and_an_override_change_the_score() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-01-vicom").unwrap();
    settle().await;
    let score = || text_of(&all(".score-value")[0]).parse::<u32>().expect("a numeric score");
    let before = score();

    // Strategic value 2 → 5 at weight 25 adds 25 × 3/5 = 15 points.
    let rating: HtmlSelectElement = labelled("Strategic value rating");
    rating.set_value("5");
    fire(&rating, "change");
    settle().await;
    assert_eq!(score(), before + 15);
    assert!(all(".why").iter().any(|w| text_of(w).starts_with("Set by you: 5 / 5")));

    // Product fit 3 of 4 yes (4) → 4 of 4 (5) at weight 20 adds 4 points.
    answer("Do we understand its needs and challenges well?", "yes");
    settle().await;
    assert_eq!(score(), before + 19);
    assert!(all(".why").iter().any(|w| text_of(w).contains("4 of 4 checklist answers are yes.")));

    // Back to the suggestion.
    rating.set_value("");
    fire(&rating, "change");
    settle().await;
    assert_eq!(score(), before + 4);
}

#[wasm_bindgen_test]
async fn columns_sort_and_filters_narrow_the_table() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    let all_names = ranked_names();

    button("Revenue").click();
    settle().await;
    assert_eq!(ranked_names()[0], "Vicom", "highest revenue first");
    button("Revenue").click();
    settle().await;
    assert_eq!(ranked_names().last().map(String::as_str), Some("Vicom"), "second click reverses");
    button("Account").click();
    settle().await;
    let mut sorted = all_names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(ranked_names(), sorted);

    type_into("Search by name", "car");
    settle().await;
    assert_eq!(ranked_names(), vec!["Cartech".to_string()]);
    type_into("Search by name", "");

    let tier: HtmlSelectElement = labelled("Tier");
    tier.set_value("key");
    fire(&tier, "change");
    settle().await;
    let keys = ranked_names();
    assert!(keys.contains(&"Cartech".to_string()) && !keys.contains(&"Vicom".to_string()), "{keys:?}");
    assert!(all("table.ranked tbody .badge").iter().all(|b| text_of(b) == "Key account"));

    let owner: HtmlSelectElement = labelled("Owner");
    owner.set_value("Pieter de Vries");
    fire(&owner, "change");
    settle().await;
    assert!(ranked_names().is_empty());
    assert!(text_of(&all(".empty-note")[0]).contains("No account matches"));
    button("Clear filters").click();
    settle().await;
    assert_eq!(ranked_names().len(), all_names.len());
}

#[wasm_bindgen_test]
async fn the_plan_overview_puts_stale_and_overdue_plans_first() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/plans").unwrap();
    settle().await;
    let rows = all("table.plans-table tbody tr");
    let names: Vec<String> = rows.iter().map(|r| text_of(&r.query_selector("td a").unwrap().unwrap())).collect();
    assert_eq!(names, vec!["Brabant Foods", "Cartech"]);
    assert!(rows[0].class_name().contains("attention") && !rows[1].class_name().contains("attention"));
    assert!(text_of(&rows[0]).contains("Stale"));
}

#[wasm_bindgen_test]
async fn promoting_starts_a_plan_and_deleting_the_account_takes_it_along() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-07-medisys").unwrap();
    settle().await;
    button("Promote to key account").click();
    settle().await;
    assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), "#/accounts/sample-07-medisys/plan/goals");
    assert!(saved_ws().plan("sample-07-medisys").is_some());

    // Step 1 refuses an objective without an outcome, with the message beside the field.
    button("Add objective").click();
    settle().await;
    assert_eq!(text_of(&document().get_element_by_id("objective-what-error").unwrap()), "This field is required.");
    type_into("What (outcome)", "Adopt the compliance module");
    button("Add objective").click();
    settle().await;
    let plan = saved_ws().plan("sample-07-medisys").cloned().unwrap();
    assert_eq!(plan.objectives.len(), 1);

    // Deleting an objective asks first and can be undone.
    button("Delete Adopt the compliance module").click();
    settle().await;
    button("Delete").click();
    settle().await;
    assert!(saved_ws().plan("sample-07-medisys").unwrap().objectives.is_empty());
    button("Undo").click();
    settle().await;
    assert_eq!(saved_ws().plan("sample-07-medisys").unwrap().objectives.len(), 1);

    // The account's deletion removes its plan too; undo brings both back.
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-07-medisys").unwrap();
    settle().await;
    button("Delete account").click();
    settle().await;
    button("Delete").click();
    settle().await;
    assert!(saved_ws().plan("sample-07-medisys").is_none(), "no orphaned plan");
    button("Undo").click();
    settle().await;
    assert_eq!(saved_ws().plan("sample-07-medisys").unwrap().objectives.len(), 1);
}

#[wasm_bindgen_test]
async fn editing_keeps_ids_positions_and_measurements() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    let plan = || saved_ws().plan("sample-02-cartech").cloned().unwrap();

    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech/plan/goals").unwrap();
    settle().await;
    button("Edit Cut Cartech's order-to-delivery time by a fifth").click();
    settle().await;
    assert_eq!(
        labelled::<HtmlInputElement>("What (outcome)").value(),
        "Cut Cartech's order-to-delivery time by a fifth"
    );
    type_into("What (outcome)", "Cut order-to-delivery time by a quarter");
    button("Save changes").click();
    settle().await;
    let objectives = plan().objectives;
    assert_eq!(objectives.len(), 2);
    assert_eq!(
        (objectives[1].id.as_str(), objectives[1].what.as_str()),
        ("sample-o2", "Cut order-to-delivery time by a quarter")
    );
    assert_eq!(labelled::<HtmlInputElement>("What (outcome)").value(), "", "the form is free again");

    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech/plan/measure").unwrap();
    settle().await;
    let before = plan().kpis[0].measurements.clone();
    button("Edit Product adoption").click();
    settle().await;
    type_into("Target", "90");
    button("Save changes").click();
    settle().await;
    let kpi = plan().kpis[0].clone();
    assert_eq!((kpi.target, kpi.measurements), (90.0, before));

    // A cancelled edit changes nothing.
    button("Edit Product adoption").click();
    settle().await;
    type_into("Target", "10");
    button("Cancel").click();
    settle().await;
    assert_eq!(plan().kpis[0].target, 90.0);
}

/// A colleague's file: my stored workspace as colleague "b" has it, with b's edit.
fn colleague_file(change: impl FnOnce(&mut keystone::domain::workspace::Workspace)) -> String {
    use keystone::domain::share::{export, to_json};
    let mut theirs = saved_ws();
    theirs.profile.editor_id = "b".into();
    theirs.profile.display_name = "Bram".into();
    change(&mut theirs);
    to_json(&export(&theirs, None, "2026-11-27T10:00:00.000Z", "test"))
}

async fn paste(text: &str) {
    let area: web_sys::HtmlTextAreaElement = labelled("Or paste the file's contents");
    area.set_value(text);
    fire(&area, "input");
    settle().await;
}

#[wasm_bindgen_test]
async fn the_import_review_names_whitespace_cells_by_their_offering() {
    use keystone::domain::whitespace::{CellStatus, Offering};
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/share").unwrap();
    settle().await;
    // The colleague adds an offering of their own and maps two cells of Vicom's whitespace.
    let file = colleague_file(|ws| {
        ws.save_offering(Offering {
            id: "off-bram".into(),
            name: "Predictive maintenance".into(),
            ..Offering::default()
        });
        ws.set_cell("sample-01-vicom", "off-bram", Some(CellStatus::Potential), Some(40_000.0), 99);
        ws.set_cell("sample-01-vicom", "sample-off-train", Some(CellStatus::InDiscussion), None, 99);
    });
    paste(&file).await;
    button("Review pasted import").click();
    settle().await;
    let items: Vec<String> = all(".review-item").iter().map(text_of).collect();
    let vicom = items.iter().find(|i| i.starts_with("Account · Vicom")).unwrap_or_else(|| panic!("{items:?}"));
    assert!(vicom.contains("Predictive maintenance: Potential, €40,000"), "{vicom}");
    assert!(vicom.contains("Training: In discussion"), "{vicom}");
    assert!(!vicom.contains("off-bram") && !vicom.contains("sample-off"), "no ids: {vicom}");
    button("Cancel import").click();
    settle().await;
}

#[wasm_bindgen_test]
async fn an_import_is_reviewed_then_applied_or_cancelled_and_can_be_undone() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/share").unwrap();
    settle().await;
    let before = stored().unwrap();
    let file = colleague_file(|ws| {
        let mut f = ws.find("sample-01-vicom").unwrap().fields.clone();
        f.owner = "Bram Bakker".into();
        ws.update_fields("sample-01-vicom", f, 99);
    });

    // Review, then cancel: storage is byte-for-byte as it was.
    paste(&file).await;
    button("Review pasted import").click();
    settle().await;
    let review = text_of(&all("section.review")[0]);
    assert!(review.contains("from Bram"), "{review}");
    let items: Vec<String> = all(".review-item").iter().map(text_of).collect();
    assert_eq!(items.len(), 1, "{items:?}");
    assert!(items[0].starts_with("Account · Vicom") && items[0].contains("Changed there"), "{items:?}");
    assert!(items[0].contains("Pieter de Vries") && items[0].contains("Bram Bakker"), "side by side: {items:?}");
    button("Cancel import").click();
    settle().await;
    assert_eq!(stored().unwrap(), before, "a cancelled import changes nothing");

    // Review again and apply: their change arrives; undo restores the exact bytes.
    paste(&file).await;
    button("Review pasted import").click();
    settle().await;
    button("Apply import").click();
    settle().await;
    assert_eq!(saved_ws().find("sample-01-vicom").unwrap().fields.owner, "Bram Bakker");
    // Undoing an import says what it will do, and asks.
    button("Undo").click();
    settle().await;
    let dialog = text_of(&all("[role=alertdialog]")[0]);
    assert!(dialog.contains("puts back the account it changed (Vicom)"), "{dialog}");
    button("Undo the change").click();
    settle().await;
    assert_eq!(stored().unwrap(), before, "undo puts back exactly what was there");

    // A broken file is refused with where it is wrong, and changes nothing.
    paste("{\"format\": \"keystone-workspace\", \"schema\": 4, \"data\": {\"accounts\": [}").await;
    button("Review pasted import").click();
    settle().await;
    let alert = text_of(&all("[role=alert]")[0]);
    assert!(alert.contains("not valid JSON (line 1, column"), "{alert}");
    assert_eq!(stored().unwrap(), before);

    // Per record: keep all mine, although they changed it.
    paste(&file).await;
    button("Review pasted import").click();
    settle().await;
    button("Keep all mine for Account · Vicom").click();
    settle().await;
    let choice: HtmlSelectElement = labelled("Use Account · Vicom · Account owner");
    assert_eq!(choice.value(), "mine");
    button("Apply import").click();
    settle().await;
    assert_eq!(saved_ws().find("sample-01-vicom").unwrap().fields.owner, "Pieter de Vries");
    button("Undo").click();
    settle().await;
    button("Undo the change").click();
    settle().await;
    assert_eq!(stored().unwrap(), before);

    // A file from a newer Keystone is refused with that reason.
    let newer = file.replacen(&format!("\"schema\": {SCHEMA_VERSION}"), "\"schema\": 99", 1);
    assert_ne!(newer, file, "the file names its schema");
    paste(&newer).await;
    button("Review pasted import").click();
    settle().await;
    assert!(text_of(&all("[role=alert]")[0]).contains("newer Keystone"));
    assert_eq!(stored().unwrap(), before);
}

/// Fills localStorage to the brim with junk keys; returns their names.
fn fill_storage() -> Vec<String> {
    let store = local_storage();
    let mut keys = Vec::new();
    let mut chunk = "x".repeat(512 * 1024);
    while chunk.len() >= 16 {
        let key = format!("junk-{}", keys.len());
        if store.set_item(&key, &chunk).is_ok() {
            keys.push(key);
        } else {
            chunk.truncate(chunk.len() / 2);
        }
    }
    keys
}

#[wasm_bindgen_test]
async fn a_full_storage_keeps_the_work_in_the_tab_and_offers_export() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    let stored_before = stored().expect("the sample was saved");
    let junk = fill_storage();

    // An edit that cannot be stored: the tab keeps it, storage keeps the old copy.
    type_into("Revenue volume weight", "80");
    settle().await;
    let banner = text_of(&all("[role=alert]")[0]);
    assert!(banner.contains("storage for Keystone is full"), "{banner}");
    assert!(all("button").iter().any(|b| text_of(b) == "Export now"), "the way out is offered");
    assert!(!all("button").iter().any(|b| text_of(b) == "Dismiss"), "the message cannot be waved away");
    assert_eq!(labelled::<HtmlInputElement>("Revenue volume weight").value(), "80", "the tab keeps the change");
    assert_eq!(stored(), Some(stored_before), "the previous stored data is intact");
    // The storage meter tells the same story as the banner: what this tab's work needs.
    web_sys::window().unwrap().location().set_hash("#/share").unwrap();
    settle().await;
    let meter = text_of(&all(".storage-meter .hint")[0]);
    assert!(meter.contains("needs") && meter.contains("million characters"), "{meter}");
    web_sys::window().unwrap().location().set_hash("#/accounts").unwrap();
    settle().await;

    // Room again: the next change is stored and the message goes.
    for key in junk {
        local_storage().remove_item(&key).unwrap();
    }
    type_into("Revenue volume weight", "70");
    settle().await;
    assert!(all("[role=alert]").is_empty(), "the banner goes once saving works again");
    let saved = saved_ws();
    assert_eq!(saved.scoring.weights.get(keystone::domain::criteria::Criterion::RevenueVolume), 70);
}

#[wasm_bindgen_test]
async fn unreadable_storage_is_not_written_over_until_the_user_says_so() {
    local_storage().clear().unwrap();
    let newer = r#"{"schema":10,"accounts":[],"hologram":true}"#;
    local_storage().set_item("keystone.v1.workspace", newer).unwrap();
    let _app = mount_over("#/").await;
    let banner = text_of(&all("[role=alert]")[0]);
    assert!(banner.contains("newer Keystone") && banner.contains("keystone.v1.backup."), "{banner}");
    assert!(!all("button").iter().any(|b| text_of(b) == "Dismiss"), "the choice cannot be waved away");
    button("Download the unreadable data");

    // Work goes on in the tab, but nothing is written over the data.
    button("Load sample portfolio").click();
    settle().await;
    assert!(ranked_names().len() >= 10);
    assert_eq!(storage::raw(&Key::Legacy).as_deref(), Some(newer), "unreadable data is never written over silently");
    assert_eq!(storage::raw(&Key::Head), None);

    // Work done meanwhile is kept nowhere but this tab: it can be exported.
    assert!(all("button").iter().any(|b| text_of(b) == "Export now"), "the way out for the tab's work");

    // The user's say: start afresh. The tab's work is saved; the backup copy stays.
    button("Start afresh").click();
    settle().await;
    let saved = saved_ws();
    assert!(saved.accounts.len() >= 10);
    let backups: Vec<String> = (0..local_storage().length().unwrap())
        .filter_map(|i| local_storage().key(i).unwrap())
        .filter(|k| k.starts_with("keystone.v1.backup."))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(local_storage().get_item(&backups[0]).unwrap().as_deref(), Some(newer));
    assert!(all("[role=alert]").is_empty());
}

/// What another tab of the same browser does: read what is stored, change it, and write the
/// parts that changed (the head last). Returns the new head's text.
fn other_tab_writes(change: impl FnOnce(&mut keystone::domain::workspace::Workspace)) -> String {
    let base = storage::load_workspace(0).unwrap().expect("stored");
    let mut ws = base.workspace.clone();
    change(&mut ws);
    storage::save_workspace(&ws, Some(&base)).unwrap().head
}

fn rename(ws: &mut keystone::domain::workspace::Workspace, id: &str, name: &str) {
    let mut f = ws.find(id).unwrap().fields.clone();
    f.name = name.into();
    assert!(ws.update_fields(id, f, 99));
}

#[wasm_bindgen_test]
async fn an_outdated_tab_merges_the_other_tabs_edit_instead_of_overwriting_it() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    // Another tab renames Vicom; this tab has not heard of it (no storage event arrives).
    other_tab_writes(|ws| rename(ws, "sample-01-vicom", "Vicom Group"));
    // An edit here, in the outdated view.
    type_into("Revenue volume weight", "80");
    settle().await;
    let saved = saved_ws();
    assert_eq!(saved.find("sample-01-vicom").unwrap().fields.name, "Vicom Group", "the other tab's edit survives");
    assert_eq!(saved.scoring.weights.get(keystone::domain::criteria::Criterion::RevenueVolume), 80, "so does this one");
    assert!(ranked_names().contains(&"Vicom Group".to_string()), "and this tab now shows it");
}

#[wasm_bindgen_test]
async fn another_tabs_edit_arrives_through_the_storage_event() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    let before = storage::raw(&Key::Head).unwrap();
    let raw = other_tab_writes(|ws| rename(ws, "sample-02-cartech", "Cartech Europe"));
    let written = stored().unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some("keystone.v2.head"));
    init.set_old_value(Some(&before));
    init.set_new_value(Some(&raw));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
    settle().await;
    assert!(ranked_names().contains(&"Cartech Europe".to_string()), "{:?}", ranked_names());
    assert_eq!(stored().unwrap(), written, "nothing new here, so nothing is written back");
    assert!(all("[role=alert]").is_empty());
}

#[wasm_bindgen_test]
async fn html_in_account_data_renders_as_inert_text() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    let payload = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";
    other_tab_writes(|ws| rename(ws, "sample-02-cartech", payload));
    drop(_app);
    let _app = mount_over("#/accounts").await;
    assert!(ranked_names().iter().any(|n| n == payload), "shown as the text it is: {:?}", ranked_names());
    assert!(all("#app-under-test img, #app-under-test script").is_empty(), "no element was made from the data");
    for page in ["#/", "#/portfolio", "#/what-if", "#/accounts/sample-02-cartech", "#/accounts/sample-02-cartech/plan"]
    {
        web_sys::window().unwrap().location().set_hash(page).unwrap();
        settle().await;
        assert!(text_of(&document().get_element_by_id("app-under-test").unwrap()).contains(payload), "{page}");
        // The page's own images (the printed plan's charts) are fine; none made from the data.
        assert!(
            all("#app-under-test img[onerror], #app-under-test img[src='x'], #app-under-test script").is_empty(),
            "{page}"
        );
    }
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn the_what_if_sandbox_changes_nothing_until_applied() {
    use keystone::domain::criteria::Criterion;
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    let before = stored().unwrap();
    web_sys::window().unwrap().location().set_hash("#/what-if").unwrap();
    settle().await;
    assert!(text_of(&all(".what-if-summary")[0]).contains("Change a weight"));

    type_into("Revenue volume weight", "80");
    settle().await;
    assert_eq!(stored().unwrap(), before, "trying weights stores nothing");
    let summary = text_of(&all(".what-if-summary")[0]);
    assert!(summary.contains("would rise") && summary.contains("would fall"), "{summary}");
    let vicom_row =
        all(".what-if-table tbody tr").into_iter().map(|r| text_of(&r)).find(|r| r.starts_with("Vicom")).unwrap();
    assert!(vicom_row.contains("▲ up"), "{vicom_row}");
    let order: Vec<String> = all(".what-if-table tbody tr td:first-child").iter().map(text_of).collect();
    assert!(position(&order, "Vicom") < position(&order, "Cartech"), "the table is in the new order: {order:?}");

    // Discard: back to the ranking, settings as they were.
    button("Discard").click();
    settle().await;
    assert_eq!(stored().unwrap(), before);
    assert!(position(&ranked_names(), "Cartech") < position(&ranked_names(), "Vicom"));

    // Try again and apply: now it is stored and the ranking follows.
    web_sys::window().unwrap().location().set_hash("#/what-if").unwrap();
    settle().await;
    type_into("Revenue volume weight", "80");
    settle().await;
    button("Apply these settings").click();
    settle().await;
    let saved = saved_ws();
    assert_eq!(saved.scoring.weights.get(Criterion::RevenueVolume), 80);
    assert!(text_of(&all(".what-if-summary")[0]).contains("Change a weight"), "applied: nothing left to try");
}

#[wasm_bindgen_test]
async fn the_overview_is_the_landing_view_once_there_is_data() {
    let _app = mount("#/").await;
    assert!(all(".tiles").is_empty(), "no figures without data: the empty state");
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/").unwrap();
    settle().await;
    let tiles: Vec<String> = all(".tile").iter().map(text_of).collect();
    assert_eq!(tiles.len(), 4, "{tiles:?}");
    assert!(tiles[0].starts_with("Accounts12") && tiles[0].contains("2 key · 4 watch · 6 standard"), "{tiles:?}");
    assert!(tiles[2].contains("top 20 % of accounts (3 accounts)"), "{tiles:?}");
    assert_eq!(all(".overview canvas").len(), 1, "the matrix is on the overview");
    // Focusing an account in the matrix list highlights it (the same state the bubbles use).
    web_sys::window().unwrap().location().set_hash("#/portfolio").unwrap();
    settle().await;
    let link: HtmlElement =
        all(".matrix-list a").into_iter().find(|a| text_of(a) == "Cartech").unwrap().unchecked_into();
    link.focus().unwrap();
    settle().await;
    assert_eq!(all(".matrix-list li.lit").iter().map(text_of).collect::<Vec<_>>(), vec!["Cartech".to_string()]);
    assert!(text_of(&all(".bubble-tip")[0]).starts_with("Cartech · attractiveness 100"));
}

/// Sets an attribute on an element from the test, to see later whether the very same element
/// is still on the page (a rebuilt element would not carry it).
fn mark(el: &web_sys::Element) {
    el.set_attribute("data-test-mark", "kept").unwrap();
}

fn input_by_id(id: &str) -> HtmlInputElement {
    document().get_element_by_id(id).unwrap_or_else(|| panic!("no #{id}")).unchecked_into()
}

#[wasm_bindgen_test]
async fn typing_in_one_kpi_card_survives_a_measurement_recorded_on_another() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech/plan/measure").unwrap();
    settle().await;
    let kpis = saved_ws().plan("sample-02-cartech").unwrap().kpis.clone();
    assert_eq!(kpis.len(), 2, "the sample's Cartech plan has two KPIs");
    let (first, second) = (kpis[0].id.clone(), kpis[1].id.clone());
    let second_card = input_by_id(&format!("measure-{second}-value")).closest(".kpi-card").unwrap().unwrap();
    mark(&second_card);

    // Half-typed in the second card…
    let typed = input_by_id(&format!("measure-{second}-value"));
    typed.set_value("77");
    fire(&typed, "input");
    // …while a measurement is recorded on the first.
    let value = input_by_id(&format!("measure-{first}-value"));
    value.set_value("64");
    fire(&value, "input");
    let form: web_sys::HtmlFormElement = value.closest("form").unwrap().unwrap().unchecked_into();
    form.request_submit().unwrap();
    settle().await;

    let stored_first = saved_ws().plan("sample-02-cartech").unwrap().kpis[0].clone();
    assert_eq!(stored_first.latest().map(|m| m.value), Some(64.0), "the measurement was recorded");
    assert_eq!(input_by_id(&format!("measure-{first}-value")).value(), "", "its own form is free again");
    assert_eq!(input_by_id(&format!("measure-{second}-value")).value(), "77", "the other card kept what was typed");
    let card = input_by_id(&format!("measure-{second}-value")).closest(".kpi-card").unwrap().unwrap();
    assert_eq!(card.get_attribute("data-test-mark").as_deref(), Some("kept"), "the other card was not rebuilt");
}

#[wasm_bindgen_test]
async fn a_weight_change_updates_rows_in_place_without_rebuilding_them() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    let row_of = |name: &str| {
        all("table.ranked tbody tr")
            .into_iter()
            .find(|r| r.query_selector("td:nth-child(2)").unwrap().is_some_and(|c| text_of(&c) == name))
            .unwrap_or_else(|| panic!("{name}'s row"))
    };
    // Each row carries its account's name as a mark set from the test.
    let names = ranked_names();
    assert_eq!(names.len(), 12);
    for name in &names {
        row_of(name).set_attribute("data-test-mark", name).unwrap();
    }
    let score_before = text_of(&row_of("Vicom").query_selector("td.score").unwrap().unwrap());

    type_into("Revenue volume weight", "80");
    settle().await;

    let after = ranked_names();
    assert!(position(&after, "Vicom") < position(&after, "Cartech"), "the order follows the weights: {after:?}");
    assert_ne!(names, after, "rows moved");
    let score_after = text_of(&row_of("Vicom").query_selector("td.score").unwrap().unwrap());
    assert_ne!(score_before, score_after, "the figures follow the weights");
    // Every account's row is the very element it was: moved and updated, never rebuilt or
    // reused for another account.
    for name in &after {
        assert_eq!(row_of(name).get_attribute("data-test-mark").as_deref(), Some(name.as_str()), "{name}'s row");
    }
}

fn dialog() -> Option<String> {
    all("[role=alertdialog]").first().map(text_of)
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

/// Sets a labelled field as a user would, and leaves it (which fires `change`).
fn type_and_leave(label: &str, value: &str) {
    type_into(label, value);
}

#[wasm_bindgen_test]
async fn details_save_as_they_are_typed_and_values_that_cannot_be_saved_are_guarded() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech").unwrap();
    settle().await;
    let cartech = || saved_ws().find("sample-02-cartech").unwrap().fields.clone();

    // The details: saved once the field is left; no Save button.
    type_and_leave("Gross margin (%)", "41");
    settle().await;
    assert_eq!(cartech().margin_pct, Some(41.0));
    assert!(text_of(&all(".save-state")[1]).contains("Saved"), "the form says so");
    let stage: HtmlSelectElement = labelled("Relationship stage");
    stage.set_value("integrated");
    fire(&stage, "change");
    settle().await;
    assert_eq!(cartech().stage, Some(keystone::domain::account::Stage::Integrated));

    // A value that cannot be saved stays, with its message; the rest is saved.
    let revenue = cartech().revenue;
    type_into("Current annual revenue", "lots");
    type_and_leave("Sector", "Automotive parts");
    settle().await;
    assert_eq!((cartech().revenue, cartech().sector.as_str()), (revenue, "Automotive parts"));
    assert!(text_of(&document().get_element_by_id("field-revenue-error").unwrap()).contains("Enter a number"));
    // Leaving now would lose it: the app asks, and staying keeps it.
    web_sys::window().unwrap().location().set_hash("#/accounts").unwrap();
    settle().await;
    let asked = dialog().expect("the app asks before leaving");
    assert!(asked.contains("Details"), "{asked}");
    assert_eq!(hash(), "#/accounts/sample-02-cartech", "still on the page");
    button("Stay").click();
    settle().await;
    assert_eq!(labelled::<HtmlInputElement>("Current annual revenue").value(), "lots");
    // Fixed: saved, and leaving is free.
    type_and_leave("Current annual revenue", "700.000");
    settle().await;
    assert_eq!(cartech().revenue, Some(700_000.0));
    web_sys::window().unwrap().location().set_hash("#/accounts").unwrap();
    settle().await;
    assert!(dialog().is_none());
    assert_eq!(hash(), "#/accounts");

    // Typing and leaving at once: the page saves on the way out, and the pause timer it left
    // behind finds the form gone without harm (a panic there would crash the app).
    static PANICKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    std::panic::set_hook(Box::new(|info| {
        PANICKED.store(true, std::sync::atomic::Ordering::SeqCst);
        web_sys::console::error_1(&info.to_string().into());
    }));
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech").unwrap();
    settle().await;
    let notes: web_sys::HtmlTextAreaElement = labelled("Notes");
    notes.set_value("Call before the board meeting");
    fire(&notes, "input");
    web_sys::window().unwrap().location().set_hash("#/accounts").unwrap();
    settle().await;
    sleep_ms(900).await;
    assert_eq!(cartech().notes, "Call before the board meeting");
    assert!(!PANICKED.load(std::sync::atomic::Ordering::SeqCst), "a timer touched the disposed form");
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn every_form_submitted_as_a_whole_asks_before_its_input_is_lost() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    let kpi = saved_ws().plan("sample-02-cartech").unwrap().kpis[0].id.clone();
    let plan = "#/accounts/sample-02-cartech/plan";
    let value_label = format!("measure-{kpi}-value");
    let forms: Vec<(String, Box<dyn Fn() -> HtmlInputElement>)> = vec![
        ("#/accounts/new".into(), Box::new(|| labelled("Name"))),
        (format!("{plan}/goals"), Box::new(|| labelled("What (outcome)"))),
        (format!("{plan}/deliver"), Box::new(|| labelled("Action"))),
        (format!("{plan}/deliver"), Box::new(|| labelled("Agreement"))),
        (format!("{plan}/measure"), Box::new(|| labelled("KPI name"))),
        (format!("{plan}/measure"), Box::new(move || input_by_id(&value_label))),
        (format!("{plan}/anticipate"), Box::new(|| labelled("Attendees"))),
        (format!("{plan}/anticipate"), Box::new(|| labelled("Need"))),
        (format!("{plan}/swot"), Box::new(|| labelled("New threat"))),
    ];
    for (route, field) in forms {
        web_sys::window().unwrap().location().set_hash(&route).unwrap();
        settle().await;
        let input = field();
        input.set_value("half-typed 12");
        fire(&input, "input");
        // A link elsewhere: the app asks instead of dropping what was typed.
        web_sys::window().unwrap().location().set_hash("#/plans").unwrap();
        settle().await;
        assert!(dialog().is_some_and(|d| d.contains("not saved")), "{route}: no question before leaving");
        assert_eq!(hash(), route, "{route}: the page stays");
        button("Stay").click();
        settle().await;
        assert_eq!(field().value(), "half-typed 12", "{route}: what was typed is still there");
        // Leaving without saving, chosen: the user goes, and the plan is as it was.
        web_sys::window().unwrap().location().set_hash("#/plans").unwrap();
        settle().await;
        button("Leave without saving").click();
        settle().await;
        assert_eq!(hash(), "#/plans", "{route}: left when the user chose to");
        assert!(!stored().unwrap().contains("half-typed 12"), "{route}: nothing half-typed was stored");
    }
}

#[wasm_bindgen_test]
async fn promotion_review_and_name_save_as_they_are_typed() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    let plan = || saved_ws().plan("sample-02-cartech").unwrap().clone();
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech/plan/goals").unwrap();
    settle().await;
    let internal: web_sys::HtmlTextAreaElement = labelled("Internal expectations (what we commit to)");
    internal.set_value("Quarterly visits by the director");
    fire(&internal, "input");
    fire(&internal, "change");
    settle().await;
    assert_eq!(plan().promotion.internal, "Quarterly visits by the director");

    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech/plan/review").unwrap();
    settle().await;
    type_and_leave("Review every (days)", "45");
    settle().await;
    assert_eq!(plan().review.cadence_days, Some(45));
    type_and_leave("Review every (days)", "0");
    settle().await;
    assert_eq!(plan().review.cadence_days, Some(45), "an impossible cadence is not saved");
    assert!(text_of(&all("section.narrow .save-state")[0]).contains("Not saved"));

    web_sys::window().unwrap().location().set_hash("#/share").unwrap();
    settle().await;
    button("Leave without saving").click();
    settle().await;
    type_and_leave("Your name", "Anna");
    settle().await;
    assert_eq!(saved_ws().profile.display_name, "Anna");
}

#[wasm_bindgen_test]
async fn the_same_unreadable_data_is_kept_once_and_copies_can_be_listed_and_deleted() {
    local_storage().clear().unwrap();
    let damaged = r#"{"schema":4,"accounts":[{"id":"#;
    local_storage().set_item("keystone.v1.workspace", damaged).unwrap();
    // Three reloads over the same damaged data keep one copy, not three.
    for t in [10, 20, 30] {
        let _ = storage::load_workspace(t);
    }
    let copies = storage::backups();
    assert_eq!(copies.len(), 1, "{copies:?}");
    let _app = mount_over("#/share").await;
    button("Start afresh").click();
    settle().await;
    let listed = text_of(&all(".backups")[0]);
    assert!(listed.contains("Copies of unreadable data") && listed.contains("KB"), "{listed}");
    button("Download");
    button("Delete").click();
    settle().await;
    assert!(dialog().is_some_and(|d| d.contains("Delete this copy?")), "it asks first");
    all(".dialog button").into_iter().find(|b| text_of(b) == "Delete").unwrap().unchecked_into::<HtmlElement>().click();
    settle().await;
    assert!(storage::backups().is_empty(), "deleted");
}

/// Presses `key` where the keyboard focus is (the grid listens on the table).
fn press(key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let target = document().active_element().expect("something has the focus");
    target
        .dispatch_event(&web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap())
        .unwrap();
}

fn focused_id() -> String {
    document().active_element().map(|e| e.id()).unwrap_or_default()
}

fn stored_account(name: &str) -> keystone::domain::account::Account {
    let ws = saved_ws();
    ws.accounts
        .into_iter()
        .find(|a| a.fields.name == name)
        .map(std::sync::Arc::unwrap_or_clone)
        .unwrap_or_else(|| panic!("{name} stored"))
}

#[wasm_bindgen_test]
async fn the_rating_grid_rates_with_keys_opens_checklists_and_acts_on_a_selection() {
    use keystone::domain::account::{Account, AccountFields};
    use keystone::domain::criteria::{Criterion, Question};
    local_storage().clear().unwrap();
    let mut ws = sample_portfolio(42);
    let sample = ws.accounts.len();
    for (id, name) in [("n-z", "Zwaluw NV"), ("n-a", "Anker BV")] {
        ws.add(Account::new(id.into(), AccountFields { name: name.into(), ..AccountFields::default() }, 42));
    }
    storage::save_workspace(&ws, None).unwrap();
    let _app = mount_over("#/rate").await;
    settle().await;

    // The two new accounts come first, by name; the cursor waits on the first missing rating.
    let progress = text_of(&all(".rate-progress strong")[0]);
    assert_eq!(progress, format!("{sample} of {} rated", sample + 2));
    let names: Vec<String> = all(".rate-grid tbody th[scope=row]").iter().map(text_of).collect();
    assert_eq!(&names[..2], ["Anker BV", "Zwaluw NV"]);
    let cell: HtmlElement = document().get_element_by_id("rate-0-0").unwrap().unchecked_into();
    assert_eq!(cell.get_attribute("tabindex").as_deref(), Some("0"), "one tab stop: the cursor cell");
    assert_eq!(cell.get_attribute("aria-label").as_deref(), Some("Revenue volume: needs a rating"));
    cell.focus().unwrap();

    // A digit rates and moves on to the next rating still missing.
    press("4");
    settle().await;
    assert_eq!(stored_account("Anker BV").assessment.overrides.get(&Criterion::RevenueVolume), Some(&4));
    assert_eq!(focused_id(), "rate-0-1");
    assert_eq!(
        document().get_element_by_id("rate-0-0").unwrap().get_attribute("aria-label").as_deref(),
        Some("Revenue volume: 4, set by you")
    );
    press("ArrowDown");
    settle().await;
    assert_eq!(focused_id(), "rate-1-1");

    // Enter opens the checklist in place; y answers and moves to the next question; Escape closes.
    press("Enter");
    settle().await;
    assert_eq!(all(".checklist-row").len(), 1);
    assert_eq!(focused_id(), "rate-question-0");
    press("y");
    settle().await;
    assert_eq!(stored_account("Zwaluw NV").assessment.answer(Question::PotentialExpansion), Some(true));
    assert_eq!(focused_id(), "rate-question-1");
    press("n");
    settle().await;
    assert_eq!(stored_account("Zwaluw NV").assessment.answer(Question::PotentialWallet), Some(false));
    press("Escape");
    settle().await;
    assert!(all(".checklist-row").is_empty());
    assert_eq!(focused_id(), "rate-1-1");
    // Delete goes back to the suggestion.
    press("ArrowUp");
    press("ArrowLeft");
    settle().await;
    press("Delete");
    settle().await;
    assert_eq!(stored_account("Anker BV").assessment.overrides.get(&Criterion::RevenueVolume), None);

    // Both new accounts selected: one click rates their strategic value, and can be undone.
    for name in ["Select Anker BV", "Select Zwaluw NV"] {
        let boxed: HtmlInputElement = all("input[type=checkbox]")
            .into_iter()
            .find(|b| b.get_attribute("aria-label").as_deref() == Some(name))
            .unwrap()
            .unchecked_into();
        boxed.click();
    }
    settle().await;
    let criterion: HtmlSelectElement = document().get_element_by_id("bulk-criterion").unwrap().unchecked_into();
    criterion.set_value("strategic_value");
    fire(&criterion, "change");
    let rating: HtmlSelectElement = document().get_element_by_id("bulk-rating").unwrap().unchecked_into();
    rating.set_value("2");
    fire(&rating, "change");
    button("Set rating").click();
    settle().await;
    for name in ["Anker BV", "Zwaluw NV"] {
        assert_eq!(stored_account(name).assessment.overrides.get(&Criterion::StrategicValue), Some(&2), "{name}");
    }
    assert!(text_of(&all(".notice")[0]).contains("Rated 2 accounts."));
    button("Undo").click();
    settle().await;
    button("Undo the change").click();
    settle().await;
    assert_eq!(stored_account("Anker BV").assessment.overrides.get(&Criterion::StrategicValue), None);
}

#[wasm_bindgen_test]
async fn the_account_page_answers_with_one_tap_and_moves_on_to_the_next_unrated_account() {
    use keystone::domain::account::{Account, AccountFields};
    use keystone::domain::criteria::Question;
    local_storage().clear().unwrap();
    let mut ws = sample_portfolio(42);
    for (id, name) in [("n-b", "Baken BV"), ("n-a", "Anker BV")] {
        ws.add(Account::new(id.into(), AccountFields { name: name.into(), ..AccountFields::default() }, 42));
    }
    storage::save_workspace(&ws, None).unwrap();
    let _app = mount_over("#/accounts/n-a").await;
    settle().await;
    // The figures come before the criteria.
    let facts = all(".facts dd").iter().map(text_of).collect::<Vec<_>>();
    assert_eq!(facts.len(), 5);
    assert!(facts.iter().all(|f| f == "not filled in"), "{facts:?}");
    answer("Does it match our ideal customer profile?", "no");
    settle().await;
    assert_eq!(stored_account("Anker BV").assessment.answer(Question::FitProfile), Some(false));
    answer("Does it match our ideal customer profile?", "none");
    settle().await;
    assert_eq!(stored_account("Anker BV").assessment.answer(Question::FitProfile), None);
    button("Next unrated account").click();
    settle().await;
    assert_eq!(text_of(&all("h1")[0]), "Baken BV");
}

/// Waits for the next task (a timer of 0 ms): what a slice of long work gives way to.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Chooses `text` as the file of the file input `id`, as the browser's file picker would.
fn choose_file(id: &str, name: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let bag = web_sys::FilePropertyBag::new();
    bag.set_type("text/csv");
    let file = web_sys::File::new_with_str_sequence_and_options(&parts, name, &bag).unwrap();
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.items().add_with_file(&file).unwrap();
    let input: HtmlInputElement = document().get_element_by_id(id).unwrap().unchecked_into();
    input.set_files(transfer.files().as_ref());
    fire(&input, "change");
}

#[wasm_bindgen_test]
async fn a_large_import_is_applied_in_slices_and_the_page_answers_meanwhile() {
    use keystone::domain::account::{Account, AccountFields};
    local_storage().clear().unwrap();
    let mut ws = keystone::domain::workspace::Workspace::default();
    ws.ensure_profile(|| "me".into());
    for i in 0..3_000 {
        let fields =
            AccountFields { name: format!("Account {i:04}"), owner: "Anna de Wit".into(), ..AccountFields::default() };
        ws.add(Account::new(format!("acc-{i}"), fields, 0));
    }
    storage::save_workspace(&ws, None).unwrap();
    let _app = mount_over("#/share").await;
    let mut csv = String::from("Account Name;Account Owner\n");
    for i in 0..3_000 {
        csv.push_str(&format!("Account {i:04};Bram Bakker\n"));
    }
    choose_file("csv-file", "crm.csv", &csv);
    let mut tries = 0;
    while !all("button").iter().any(|b| text_of(b) == "Update 3,000 accounts") {
        settle().await;
        tries += 1;
        assert!(tries < 100, "the CSV review did not come");
    }
    button("Update 3,000 accounts").click();
    next_task().await;
    assert!(!all("[role=progressbar]").is_empty(), "the progress shows while the rows are applied");

    // Input is handled while the import is still being applied: typing into the paste box
    // enables its button before the last slice has run.
    let area: web_sys::HtmlTextAreaElement = labelled("Or paste the file's contents");
    area.set_value("{}");
    fire(&area, "input");
    leptos::task::tick().await;
    let review: web_sys::HtmlButtonElement = button("Review pasted import").unchecked_into();
    assert!(!review.disabled(), "the page answered the input");
    assert!(!all("[role=progressbar]").is_empty(), "…while the import was still under way");

    let mut tries = 0;
    while !all("[role=progressbar]").is_empty() || !text_of(&all(".notice-area")[0]).contains("Updated 3,000 accounts")
    {
        settle().await;
        tries += 1;
        assert!(tries < 400, "the import did not finish: {}", text_of(&all(".notice-area")[0]));
    }
    // The save of 3,000 changed accounts runs in steps too; the head is written last, so what
    // is stored changes all at once.
    let stored_all = || saved_ws().accounts.iter().all(|a| a.fields.owner == "Bram Bakker");
    let mut tries = 0;
    while !(all("[role=progressbar]").is_empty() && stored_all()) {
        settle().await;
        tries += 1;
        assert!(tries < 400, "the import was not stored");
    }
    assert_eq!(saved_ws().accounts.len(), 3_000);
}

/// The texts of the coverage warnings on the page (the account's map).
fn coverage_texts() -> Vec<String> {
    all(".stakeholders .coverage li, .stakeholders .coverage-ok").iter().map(text_of).collect()
}

fn pick(label: &str, value: &str) {
    let select: HtmlSelectElement = labelled(label);
    select.set_value(value);
    assert_eq!(select.value(), value, "{label} offers {value}");
    fire(&select, "change");
}

#[wasm_bindgen_test]
async fn a_stakeholder_is_added_with_a_reporting_line_clears_a_gap_and_deletes_with_undo() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-01-vicom").unwrap();
    settle().await;
    assert!(coverage_texts().iter().any(|g| g.starts_with("No champion")), "{:?}", coverage_texts());
    assert!(coverage_texts().iter().any(|g| g.starts_with("Single-threaded")), "{:?}", coverage_texts());
    assert_eq!(all(".stakeholders canvas").len(), 1, "the org chart is drawn");
    // Every label on the account page names one control: forms side by side never share one.
    let mut labels: Vec<String> = all("label[for]").iter().map(text_of).collect();
    labels.sort();
    let twice: Vec<&String> = labels.windows(2).filter(|w| w[0] == w[1]).map(|w| &w[0]).collect();
    assert!(twice.is_empty(), "label texts that appear twice on the account page: {twice:?}");

    // A name is required: the message sits next to the field and nothing is stored.
    button("Add stakeholder").click();
    settle().await;
    let name: HtmlInputElement = labelled("Full name");
    let message = document().get_element_by_id(&name.get_attribute("aria-describedby").unwrap()).unwrap();
    assert!(!text_of(&message).is_empty(), "a message for the empty name");
    assert_eq!(saved_ws().find("sample-01-vicom").unwrap().stakeholders.len(), 3);

    type_into("Full name", "Eva de Vries");
    type_into("Job title", "Head of network planning");
    pick("Attitude to us", "champion");
    pick("Reports to", "vc-dir");
    type_into("Last contact", "2026-11-20");
    button("Add stakeholder").click();
    settle().await;
    let saved = saved_ws();
    let people = &saved.find("sample-01-vicom").unwrap().stakeholders;
    let eva = people.iter().find(|p| p.name == "Eva de Vries").expect("stored");
    assert_eq!(eva.reports_to.as_deref(), Some("vc-dir"));
    assert!(!coverage_texts().iter().any(|g| g.starts_with("No champion")), "{:?}", coverage_texts());
    assert!(!coverage_texts().iter().any(|g| g.starts_with("Single-threaded")), "two people in touch now");
    assert!(all(".org-list h3").iter().any(|h| text_of(h) == "Eva de Vries"), "listed beside the chart");

    // Editing Frank: he may not report to Eva, who reports to him.
    button("Edit Frank Hoekstra").click();
    settle().await;
    let boss: HtmlSelectElement = labelled("Reports to");
    let offered: Vec<String> = (0..boss.length())
        .filter_map(|i| boss.item(i))
        .map(|o| o.unchecked_into::<web_sys::HtmlOptionElement>().value())
        .collect();
    assert!(!offered.contains(&eva.id) && !offered.contains(&"vc-dir".to_string()), "{offered:?}");
    button("Cancel").click();
    settle().await;

    button("Delete Eva de Vries").click();
    settle().await;
    button("Delete").click();
    settle().await;
    assert_eq!(saved_ws().find("sample-01-vicom").unwrap().stakeholders.len(), 3);
    assert!(coverage_texts().iter().any(|g| g.starts_with("No champion")));
    button("Undo").click();
    settle().await;
    let back = saved_ws();
    assert_eq!(back.find("sample-01-vicom").unwrap().stakeholders[3].name, "Eva de Vries", "back in its place");
}

/// Speaks Dutch until dropped (every other test expects English).
struct Dutch;

impl Dutch {
    fn on() -> Dutch {
        keystone::i18n::set_language(keystone::i18n::Lang::Nl);
        Dutch
    }
}

impl Drop for Dutch {
    fn drop(&mut self) {
        keystone::i18n::set_language(keystone::i18n::Lang::En);
    }
}

/// In Dutch the whole page speaks Dutch, amounts and dates in Dutch formats, and a Dutch
/// amount typed in a form is stored as the number it is.
#[wasm_bindgen_test]
async fn in_dutch_texts_amounts_and_dates_follow_the_language() {
    let _dutch = Dutch::on();
    let _app = mount("#/").await;
    button("Voorbeeldportefeuille laden").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/accounts").unwrap();
    settle().await;
    let page = text_of(&document().body().unwrap());
    for expected in ["Ranglijst van accounts", "€ 2.400.000", "Weging omzetvolume", "Positie op omzet", "English"] {
        assert!(page.contains(expected), "{expected} missing");
    }
    for english in ["Ranked accounts", "Revenue", "Load sample"] {
        assert!(!page.contains(english), "{english} still in English");
    }
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-03-noordzee").unwrap();
    settle().await;
    type_into("Huidige jaaromzet", "€ 1.300.000,50");
    settle().await;
    fire(&labelled::<HtmlInputElement>("Huidige jaaromzet"), "change");
    for _ in 0..40 {
        settle().await;
        if saved_ws().find("sample-03-noordzee").unwrap().fields.revenue == Some(1_300_000.5) {
            break;
        }
    }
    assert_eq!(saved_ws().find("sample-03-noordzee").unwrap().fields.revenue, Some(1_300_000.5));
    // A plan's dates read day first.
    web_sys::window().unwrap().location().set_hash("#/plans").unwrap();
    settle().await;
    let plans = text_of(&document().body().unwrap());
    assert!(plans.contains("Accountplannen"), "{plans}");
    // Cell by cell (the page's text runs cells together).
    let cells: Vec<String> = all("td").iter().map(text_of).collect();
    let shape = |dashes: [usize; 2]| {
        move |w: &[u8]| {
            w.iter().enumerate().all(|(i, c)| if dashes.contains(&i) { *c == b'-' } else { c.is_ascii_digit() })
        }
    };
    let dated = |dashes| cells.iter().filter(|c| c.as_bytes().windows(10).any(shape(dashes))).count();
    assert!(dated([2, 5]) >= 2, "review dates as 28-11-2026: {cells:?}");
    assert_eq!(dated([4, 7]), 0, "no date as 2026-11-28: {cells:?}");

    // A date field shows and takes the Dutch form, whatever the browser's own locale.
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech/plan/review").unwrap();
    settle().await;
    let next = || labelled::<HtmlInputElement>("Volgende evaluatie");
    let saved_next = || saved_ws().plan("sample-02-cartech").unwrap().review.next.map(|d| d.to_string());
    assert_eq!(next().get_attribute("type").as_deref(), Some("text"));
    let shown = next().value();
    assert!(shown.as_bytes().windows(10).any(shape([2, 5])), "the saved day as dd-mm-jjjj: {shown:?}");
    for (typed, iso, shows) in [("1 mrt 2027", "2027-03-01", "01-03-2027"), ("15-4-2027", "2027-04-15", "15-04-2027")] {
        type_and_leave("Volgende evaluatie", typed);
        for _ in 0..40 {
            settle().await;
            if saved_next().as_deref() == Some(iso) {
                break;
            }
        }
        assert_eq!(saved_next().as_deref(), Some(iso), "{typed} is saved as that day");
        assert_eq!(next().value(), shows, "{typed} is shown the Dutch way");
    }
    // The calendar beside the field (the browser's own picker) sets the same field; its button
    // is named after the field.
    assert_eq!(
        document()
            .query_selector(".date-field button.calendar")
            .unwrap()
            .unwrap()
            .get_attribute("aria-label")
            .as_deref(),
        Some("Volgende evaluatie: kies in een kalender")
    );
    let picker: HtmlInputElement =
        document().query_selector(".date-field .calendar-picker").unwrap().unwrap().unchecked_into();
    assert_eq!(picker.value(), "2027-04-15", "the calendar opens at the field's day");
    picker.set_value("2027-05-20");
    fire(&picker, "change");
    for _ in 0..40 {
        settle().await;
        if saved_next().as_deref() == Some("2027-05-20") {
            break;
        }
    }
    assert_eq!((saved_next().as_deref(), next().value()), (Some("2027-05-20"), "20-05-2027".to_string()));
    type_and_leave("Volgende evaluatie", "31-02-2027");
    settle().await;
    settle().await;
    let message = document().get_element_by_id(&format!("{}-error", next().id())).unwrap();
    assert!(text_of(&message).contains("Die dag bestaat niet"), "a message next to the field: {}", text_of(&message));
    assert_eq!(saved_next().as_deref(), Some("2027-05-20"), "a day that does not exist is not saved");
}

/// Each criterion's "Why?" opens the method page at the five criteria; every topic is there,
/// in the page's language.
#[wasm_bindgen_test]
async fn why_links_open_the_method_at_their_topic() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech").unwrap();
    settle().await;
    let why: Vec<web_sys::Element> = all("a.why-link");
    assert_eq!(why.len(), 5, "one per criterion");
    assert!(why.iter().all(|a| a.get_attribute("href").as_deref() == Some("#/method/criteria")));
    assert_eq!(text_of(&why[0]), "Why?");
    why[0].unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    settle().await;
    assert_eq!(text_of(&all("main h1")[0]), "The method");
    let headings: Vec<String> = all(".method-topic h2").iter().map(text_of).collect();
    assert_eq!(headings.len(), 8, "{headings:?}");
    assert!(headings.contains(&"The five criteria and the checklist".to_string()));
    let current = all(".method-topic.current");
    assert_eq!(current.len(), 1);
    assert_eq!(current[0].id(), "method-criteria");
    assert!(text_of(&current[0]).contains("Never choose key accounts on revenue alone"));
    // The plan's steps and the matrix's quadrants point to theirs.
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech/plan/goals").unwrap();
    settle().await;
    assert!(all("a.why-link").iter().any(|a| a.get_attribute("href").as_deref() == Some("#/method/steps")));
    web_sys::window().unwrap().location().set_hash("#/portfolio").unwrap();
    settle().await;
    assert_eq!(all("a.why-link[href='#/method/matrix']").len(), 4, "one per quadrant");
}

/// The values a select offers.
fn offered(label: &str) -> Vec<String> {
    let select: HtmlSelectElement = labelled(label);
    (0..select.length())
        .filter_map(|i| select.item(i))
        .map(|o| o.unchecked_into::<web_sys::HtmlOptionElement>().value())
        .collect()
}

/// A role of the team's own: named in the form (a name is required, next to the field), shown
/// with the person, and offered for everyone mapped after, on any account.
#[wasm_bindgen_test]
async fn a_role_of_our_own_is_named_once_and_offered_everywhere_after() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-01-vicom").unwrap();
    settle().await;
    assert!(document().query_selector("#person-role_name").unwrap().is_none(), "no name asked for a method role");
    type_into("Full name", "Iris Bakker");
    pick("Buying role", "other");
    settle().await;
    button("Add stakeholder").click();
    settle().await;
    let name: HtmlInputElement = labelled("Name of the new role");
    let message = document().get_element_by_id(&format!("{}-error", name.id())).unwrap();
    assert!(!text_of(&message).is_empty(), "a new role needs a name, said next to the field");
    assert_eq!(saved_ws().find("sample-01-vicom").unwrap().stakeholders.len(), 3, "nothing stored");
    type_into("Name of the new role", "Legal counsel");
    button("Add stakeholder").click();
    settle().await;
    let saved = saved_ws();
    let iris = saved.find("sample-01-vicom").unwrap().stakeholders.iter().find(|p| p.name == "Iris Bakker").cloned();
    let iris = iris.expect("stored");
    assert_eq!(
        (iris.role, iris.role_name.as_str()),
        (keystone::domain::stakeholder::BuyingRole::Other, "Legal counsel")
    );
    assert!(all(".stakeholders .items").iter().any(|l| text_of(l).contains("Legal counsel")), "shown with her");
    assert!(coverage_texts().iter().any(|g| g.starts_with("No champion")), "and the map's warnings are unchanged");

    // On another account the role is in the list, between the method's roles and "Another role…".
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech").unwrap();
    settle().await;
    let roles = offered("Buying role");
    assert_eq!(roles[roles.len() - 2..], ["other:Legal counsel", "other"], "{roles:?}");
    type_into("Full name", "Bas Vos");
    pick("Buying role", "other:Legal counsel");
    settle().await;
    assert!(document().query_selector("#person-role_name").unwrap().is_none(), "a known role needs no new name");
    button("Add stakeholder").click();
    settle().await;
    let saved = saved_ws();
    let bas = saved.find("sample-02-cartech").unwrap().stakeholders.iter().find(|p| p.name == "Bas Vos").cloned();
    assert_eq!(bas.expect("stored").role_name, "Legal counsel");
}

#[wasm_bindgen_test]
async fn accounts_are_grouped_by_name_and_a_circle_is_refused_next_to_the_field() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    // Noordzee Logistics joins Vicom's group, by Vicom's name.
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-03-noordzee").unwrap();
    settle().await;
    type_into("Parent account", "vicom");
    button("Set parent").click();
    settle().await;
    assert_eq!(saved_ws().find("sample-03-noordzee").unwrap().parent.as_deref(), Some("sample-01-vicom"));
    assert!(text_of(&all(".group-panel")[0]).contains("Part of the group of Vicom"));

    // On Vicom's page: the subsidiary and the group's figures; Vicom cannot go under it.
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-01-vicom").unwrap();
    settle().await;
    let panel = text_of(&all(".group-panel")[0]);
    assert!(panel.contains("Noordzee Logistics"), "{panel}");
    assert!(
        panel.contains("The group: 2 accounts, revenue €3,550,000, potential €360,000, whitespace €15,000"),
        "{panel}"
    );
    type_into("Parent account", "Noordzee Logistics");
    button("Set parent").click();
    settle().await;
    let input: HtmlInputElement = labelled("Parent account");
    let message = document().get_element_by_id("group-parent-message").unwrap();
    assert!(text_of(&message).contains("cannot contain itself"), "{}", text_of(&message));
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(saved_ws().find("sample-01-vicom").unwrap().parent, None, "nothing stored");
    type_into("Parent account", "Nobody at all");
    button("Set parent").click();
    settle().await;
    assert!(text_of(&message).contains("No account by that name"));

    // The accounts page lists the group with its figures rolled up.
    web_sys::window().unwrap().location().set_hash("#/accounts").unwrap();
    settle().await;
    let groups = all("table.groups-table tbody tr");
    assert_eq!(groups.len(), 1);
    let cells: Vec<String> = all("table.groups-table tbody tr > *").iter().map(text_of).collect();
    assert_eq!(cells, ["Vicom", "Noordzee Logistics", "€3,550,000", "€360,000", "€15,000"]);

    // And the ranked table lists the group's accounts together under a heading with the same
    // figures, the subsidiary indented under its parent, when asked to.
    let rows = || -> Vec<(String, String)> {
        all("table.ranked tbody tr:not(.gap)")
            .iter()
            .map(|r| (r.get_attribute("class").unwrap_or_default(), text_of(&r.first_element_child().unwrap())))
            .collect()
    };
    assert!(!rows().iter().any(|(class, _)| class == "group-row"), "not grouped until asked");
    let toggle: HtmlInputElement = labelled("Group by parent account");
    toggle.set_checked(true);
    fire(&toggle, "change");
    settle().await;
    let now = rows();
    let at = now.iter().position(|(class, _)| class == "group-row").expect("a group heading");
    assert_eq!(now[at].1, "Group Vicom · 2 accounts · revenue €3,550,000 · potential €360,000 · whitespace €15,000");
    let names: Vec<String> = all("table.ranked tbody tr:not(.gap)")
        .iter()
        .skip(at + 1)
        .take(2)
        .map(|r| {
            let cells = r.children();
            text_of(&cells.item(1).unwrap())
        })
        .collect();
    assert_eq!(names, ["Vicom", "Noordzee Logistics"]);
    assert!(now[at + 2].0.ends_with(" member") && !now[at + 1].0.ends_with(" member"), "{now:?}");
    assert_eq!(now.len(), 12 + 1, "every account once and the heading");
}

#[wasm_bindgen_test]
async fn an_offering_is_added_to_the_catalogue_and_an_accounts_cells_feed_its_evidence() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/portfolio").unwrap();
    settle().await;
    // A typical value that is not a number is refused next to the field.
    type_into("Offering", "Predictive maintenance");
    type_into("Typical annual value", "a lot");
    button("Add offering").click();
    settle().await;
    assert_eq!(saved_ws().offerings.len(), 5, "nothing stored");
    type_into("Typical annual value", "€ 90.000");
    button("Add offering").click();
    settle().await;
    let saved = saved_ws();
    let added = saved.offerings.iter().find(|o| o.name == "Predictive maintenance").expect("stored");
    assert_eq!(added.typical_value, Some(90_000.0), "the Dutch notation reads");

    web_sys::window().unwrap().location().set_hash("#/accounts/sample-01-vicom").unwrap();
    settle().await;
    let why = || all(".deal-note").iter().map(text_of).filter(|t| t.starts_with("Whitespace")).collect::<Vec<_>>();
    assert_eq!(why(), ["Whitespace: €15,000 in potential and in discussion."]);
    let status: HtmlSelectElement = labelled("Status of Predictive maintenance");
    status.set_value("potential");
    fire(&status, "change");
    settle().await;
    assert_eq!(why(), ["Whitespace: €105,000 in potential and in discussion."], "its typical value counts");
    type_into("Annual value of Predictive maintenance", "120000");
    settle().await;
    assert_eq!(why(), ["Whitespace: €135,000 in potential and in discussion."]);
    let vicom = saved_ws();
    let cell = vicom.find("sample-01-vicom").unwrap().whitespace.iter().find(|c| c.id == added.id).cloned().unwrap();
    assert_eq!((cell.status.slug(), cell.value), ("potential", Some(120_000.0)));
}

/// An empty plan starts from a template (structure in the user's language, dates from today)
/// or from another plan's structure without its measurements; once it has content, the offer
/// goes.
#[wasm_bindgen_test]
async fn an_empty_plan_starts_from_a_template_or_another_plans_structure() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    for (account, how) in [("sample-07-medisys", "template"), ("sample-05-helios", "copy")] {
        web_sys::window().unwrap().location().set_hash(&format!("#/accounts/{account}")).unwrap();
        settle().await;
        button("Promote to key account").click();
        settle().await;
        settle().await;
        let plan = || saved_ws().plan(account).cloned().expect("a plan");
        assert!(plan().objectives.is_empty());
        if how == "template" {
            assert_eq!(all(".template-card").len(), 4, "four situations offered");
            button("Start as Retain").click();
        } else {
            pick("Or copy the structure of another plan", "sample-02-cartech");
            settle().await;
            button("Copy structure").click();
        }
        for _ in 0..40 {
            settle().await;
            if !plan().objectives.is_empty() {
                break;
            }
        }
        let p = plan();
        if how == "template" {
            assert_eq!((p.objectives.len(), p.actions.len(), p.kpis.len()), (2, 4, 2));
            assert_eq!(p.objectives[0].what, "Renew the framework agreement");
            assert_eq!(p.review.cadence_days, Some(90));
        } else {
            let cartech = saved_ws().plan("sample-02-cartech").cloned().unwrap();
            assert_eq!(p.objectives.len(), cartech.objectives.len());
            assert_eq!(p.actions.len(), cartech.actions.len());
            assert!(p.kpis.iter().all(|k| k.measurements.is_empty()), "no measurements travel");
            assert!(cartech.kpis.iter().all(|k| !k.measurements.is_empty()), "Cartech keeps its own");
        }
        assert!(all(".start-panel").is_empty(), "the offer goes once the plan has content");
        assert!(text_of(&document().body().unwrap()).contains("Plan started"), "a notice says what was added");
    }
}

/// A quarterly review on Cartech's plan: the sample's past review is listed and compared with
/// the plan today; *Start review* keeps the plan as it stands, with the reviewer, and the
/// notes typed under it are saved; compared with the plan now, nothing moved.
#[wasm_bindgen_test]
async fn a_review_keeps_the_plan_and_says_what_moved_since() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech/plan/review").unwrap();
    settle().await;
    let page = || text_of(&document().body().unwrap());
    let held = || saved_ws().plan("sample-02-cartech").map(|p| p.reviews.clone()).unwrap_or_default();
    assert_eq!(held().len(), 1, "the sample holds one past review");
    assert!(page().contains("Marco Visser"), "the past review is listed");
    let moved = text_of(&all(".moved")[0]);
    assert!(moved.starts_with("Since the review of"), "{moved}");
    assert!(
        moved.contains("Product adoption: 52") && moved.contains("60") && moved.contains("(the right way)"),
        "{moved}"
    );
    assert!(moved.contains("Map their order flow"), "an action done since: {moved}");
    assert!(moved.contains("Send proposal for the plant upgrade"), "an action added since: {moved}");

    button("Start review").click();
    for _ in 0..20 {
        settle().await;
        if held().len() == 2 {
            break;
        }
    }
    let reviews = held();
    assert_eq!(reviews.len(), 2);
    let today = keystone::platform::today();
    assert_eq!(reviews[1].held_on, today);
    assert_eq!(reviews[1].snapshot.kpis.len(), 2);
    assert!(reviews[1].snapshot.score.is_some());
    let plan = saved_ws().plan("sample-02-cartech").cloned().unwrap();
    assert_eq!(plan.review.next, Some(today.add_days(30)), "the next review is a cadence away");

    type_into("Reviewed by", "Marco Visser");
    type_into("Decisions", "Ask for the plant upgrade budget in January.");
    for _ in 0..40 {
        settle().await;
        if held()[1].decisions.starts_with("Ask for") {
            break;
        }
    }
    assert_eq!(held()[1].reviewer, "Marco Visser");
    assert_eq!(held()[1].decisions, "Ask for the plant upgrade budget in January.");
    assert_eq!(held()[0].decisions, reviews[0].decisions, "the earlier review is untouched");
    let moved = text_of(&all(".moved")[0]);
    assert!(moved.contains("Nothing in the plan moved."), "{moved}");
}

/// A plan saved as a template appears on another account's empty plan and starts it; a
/// nameless template is refused next to its field.
#[wasm_bindgen_test]
async fn a_plan_saved_as_a_template_starts_another_plan() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech/plan").unwrap();
    settle().await;
    button("Save as template").click();
    settle().await;
    button("Save template").click();
    settle().await;
    let errors: Vec<String> = all(".field-error").iter().map(text_of).filter(|e| !e.is_empty()).collect();
    assert_eq!(errors, vec!["Give the template a name.".to_string()]);
    type_into("Template name", "Pilot first");
    button("Save template").click();
    for _ in 0..20 {
        settle().await;
        if !saved_ws().templates.is_empty() {
            break;
        }
    }
    let kept = saved_ws().templates;
    assert_eq!(kept.len(), 1);
    assert_eq!((kept[0].name.as_str(), kept[0].plan.objectives.len()), ("Pilot first", 2));

    web_sys::window().unwrap().location().set_hash("#/accounts/sample-07-medisys").unwrap();
    settle().await;
    button("Promote to key account").click();
    settle().await;
    settle().await;
    button("Start from Pilot first").click();
    for _ in 0..20 {
        settle().await;
        if saved_ws().plan("sample-07-medisys").is_some_and(|p| !p.objectives.is_empty()) {
            break;
        }
    }
    let p = saved_ws().plan("sample-07-medisys").cloned().unwrap();
    assert_eq!((p.objectives.len(), p.actions.len(), p.kpis.len()), (2, 5, 2));
    assert!(p.kpis.iter().all(|k| k.measurements.is_empty()));
}

/// The account page shows a followed account's score history, and today's score is recorded
/// once the ranking has settled (a few seconds after the last change).
#[wasm_bindgen_test]
async fn a_followed_accounts_score_is_recorded_and_charted() {
    let _app = mount("#/").await;
    button("Load sample portfolio").click();
    settle().await;
    web_sys::window().unwrap().location().set_hash("#/accounts/sample-02-cartech").unwrap();
    settle().await;
    let panel = text_of(&all(".history-panel")[0]);
    assert!(panel.starts_with("Score history"), "{panel}");
    assert!(panel.contains("Score 96; +34 since"), "{panel}");
    assert_eq!(all(".history-panel canvas").len(), 1);
    let today = keystone::platform::today();
    let last_day = || saved_ws().find("sample-02-cartech").and_then(|a| a.history.last().map(|p| p.day()));
    for _ in 0..80 {
        settle().await;
        if last_day() == Some(today) {
            break;
        }
    }
    assert_eq!(last_day(), Some(today), "today's score was recorded");
    // The what-if table shows each followed account's score change over the last 90 days.
    web_sys::window().unwrap().location().set_hash("#/what-if").unwrap();
    settle().await;
    let row = |name: &str| {
        all(".what-if-table tbody tr").iter().map(text_of).find(|r| r.starts_with(name)).unwrap_or_default()
    };
    assert!(row("Vicom").ends_with("-36"), "{}", row("Vicom"));
    assert!(row("Cartech").ends_with("+8"), "{}", row("Cartech"));
    assert!(row("Atlas Office").ends_with("–"), "not followed: {}", row("Atlas Office"));
    // Not every account is followed: only plans, key accounts and decided tiers.
    let followed = saved_ws().accounts.iter().filter(|a| !a.history.is_empty()).count();
    assert!((2..12).contains(&followed), "{followed} of 12 followed");
}
