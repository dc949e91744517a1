//! End-to-end: the release `dist/` served under a sub-path on 127.0.0.1, driven through
//! WebDriver in headless Chromium the way a new user would use it — by visible labels and
//! button texts — with a reload to prove persistence.
//!
//! Run by `make test` (`cargo test --features e2e --test e2e`) after `trunk build --release`.
//! `KEYSTONE_DIST` names the dist folder; `KEYSTONE_SHOTS`, if set, a folder for screenshots.
#![cfg(not(target_arch = "wasm32"))]

#[macro_use]
mod support;

use std::path::Path;

use fantoccini::{Client, Locator};
use support::*;

/// `text` as an XPath string literal, whatever quotes it contains.
fn literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        format!("concat('{}')", text.replace('\'', "', \"'\", '"))
    }
}

/// A button or link by its accessible name (its text, or its aria-label).
fn button_xpath(text: &str) -> String {
    let t = literal(text);
    format!("//*[self::button or self::a][normalize-space()={t} or @aria-label={t}]")
}

/// The form control whose `<label>` reads exactly `label`.
fn labelled_xpath(label: &str) -> String {
    format!("//*[@id=//label[normalize-space()={}]/@for]", literal(label))
}

async fn click(c: &Client, text: &str) {
    let el = eventually!(format!("button {text:?}"), c.find(Locator::XPath(&button_xpath(text))).await.ok());
    // As a user would: scroll it to the middle first, clear of the notice at the bottom.
    let arg = serde_json::to_value(&el).unwrap();
    c.execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg]).await.unwrap();
    el.click().await.unwrap_or_else(|e| panic!("clicking {text:?}: {e}"));
}

/// Types into a labelled field as a user would: select all, type, Tab away (which fires `change`).
async fn fill(c: &Client, label: &str, text: &str) {
    let el = eventually!(format!("field {label:?}"), c.find(Locator::XPath(&labelled_xpath(label))).await.ok());
    el.clear().await.unwrap();
    el.send_keys(&format!("{text}\u{e004}")).await.unwrap();
}

async fn field_value(c: &Client, label: &str) -> String {
    let el = c.find(Locator::XPath(&labelled_xpath(label))).await.unwrap();
    el.prop("value").await.unwrap().unwrap_or_default()
}

/// The message shown next to a field (the element its `aria-describedby` names).
/// The answer picked for a checklist question (yes, no, none), found by the question's text.
async fn checked_answer(c: &Client, question: &str) -> String {
    let script = "const q = [...document.querySelectorAll('.answer-toggle')].find(g => \
        document.getElementById(g.getAttribute('aria-labelledby')).textContent.trim() === arguments[0]); \
        const on = q && q.querySelector('input:checked'); return on ? on.value : '';";
    c.execute(script, vec![question.into()]).await.unwrap().as_str().unwrap_or_default().to_string()
}

async fn field_message(c: &Client, label: &str) -> Option<String> {
    let el = c.find(Locator::XPath(&labelled_xpath(label))).await.ok()?;
    // The error message comes first; a hint may follow it.
    let described = el.attr("aria-describedby").await.ok()??;
    let id = described.split_whitespace().next()?;
    let text = c.find(Locator::Id(id)).await.ok()?.text().await.ok()?;
    (!text.trim().is_empty()).then_some(text)
}

async fn ranked_names(c: &Client) -> Option<Vec<String>> {
    let mut names = Vec::new();
    for cell in c.find_all(Locator::Css("table.ranked tbody tr td:nth-child(2)")).await.ok()? {
        names.push(cell.text().await.ok()?);
    }
    (!names.is_empty()).then_some(names)
}

fn above(names: &[String], a: &str, b: &str) -> bool {
    let pos = |n: &str| names.iter().position(|x| x == n);
    matches!((pos(a), pos(b)), (Some(x), Some(y)) if x < y)
}

async fn heading(c: &Client) -> Option<String> {
    c.find(Locator::Css("main h1")).await.ok()?.text().await.ok()
}

async fn shot(c: &Client, name: &str) {
    if let Ok(dir) = std::env::var("KEYSTONE_SHOTS") {
        let png = c.screenshot().await.unwrap();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_user_finds_cartech_above_vicom_tunes_weights_adds_an_account_and_reloads() {
    let port = serve(dist()).await;
    let b = browser().await;
    let c = &b.client;
    let home = format!("http://127.0.0.1:{port}{SUB_PATH}");

    // Nothing is served at the host's root: the app only lives under the sub-path.
    c.goto(&format!("http://127.0.0.1:{port}/")).await.unwrap();
    c.goto(&home).await.unwrap();

    // First run: the empty state offers the sample portfolio.
    click(c, "Load sample portfolio").await;
    let names = eventually!("the ranked table", ranked_names(c).await.filter(|n| n.len() >= 10));
    assert!(above(&names, "Cartech", "Vicom"), "Cartech ranks above Vicom: {names:?}");
    shot(c, "ranked-table").await;
    c.execute("document.querySelector('.ranking .chart').scrollIntoView()", vec![]).await.unwrap();
    shot(c, "rank-chart").await;

    // Cartech's page explains its score, with the breakdown chart painted.
    click(c, "Cartech").await;
    eventually!("Cartech's page", heading(c).await.filter(|h| h == "Cartech"));
    let painted = eventually!(
        "the breakdown chart",
        c.execute("const c = document.querySelector('canvas'); return c ? c.width : 0;", vec![])
            .await
            .ok()
            .and_then(|v| v.as_u64())
            .filter(|w| *w > 0)
    );
    assert!(painted >= 600, "canvas backing store is laid out: {painted}");
    assert!(c.find(Locator::XPath("//*[contains(., 'of 4 checklist answers are yes.')]")).await.is_ok());
    shot(c, "score-breakdown").await;
    click(c, "Accounts").await;
    eventually!("the table again", ranked_names(c).await);

    // Let revenue volume dominate: Vicom climbs above Cartech.
    fill(c, "Revenue volume weight", "80").await;
    let names = eventually!("Vicom to move up", ranked_names(c).await.filter(|n| above(n, "Vicom", "Cartech")));
    assert!(above(&names, "Vicom", "Cartech"));
    assert_eq!(field_value(c, "Revenue volume weight").await, "80");

    // Add an account with a bad revenue value: a message beside the field, nothing saved.
    click(c, "Add account").await;
    eventually!("the form", heading(c).await.filter(|h| h == "Add account"));
    fill(c, "Name", "Globex").await;
    fill(c, "Current annual revenue", "twelve thousand").await;
    fill(c, "Gross margin (%)", "25").await;
    click(c, "Save account").await;
    let message = eventually!("the revenue message", field_message(c, "Current annual revenue").await);
    assert!(message.contains("Enter a number"), "{message}");
    assert_eq!(heading(c).await.as_deref(), Some("Add account"), "still on the form");
    shot(c, "form-error").await;

    // Fix it and save: the account page opens at a deep link.
    fill(c, "Current annual revenue", "1.250.000").await;
    eventually!("the message to go", field_message(c, "Current annual revenue").await.is_none().then_some(()));
    click(c, "Save account").await;
    eventually!("the account page", heading(c).await.filter(|h| h == "Globex"));
    let url = c.current_url().await.unwrap();
    assert!(url.path() == SUB_PATH && url.fragment().is_some_and(|f| f.starts_with("/accounts/")), "{url}");

    // Reload the deep link: everything is as it was.
    c.refresh().await.unwrap();
    eventually!("the account after reload", heading(c).await.filter(|h| h == "Globex"));
    assert_eq!(field_value(c, "Current annual revenue").await, "1250000");
    assert_eq!(field_value(c, "Gross margin (%)").await, "25");
    shot(c, "account").await;

    click(c, "Accounts").await;
    let names =
        eventually!("the table after reload", ranked_names(c).await.filter(|n| n.contains(&"Globex".to_string())));
    assert!(above(&names, "Vicom", "Cartech"), "the weights survived the reload: {names:?}");
    assert_eq!(field_value(c, "Revenue volume weight").await, "80");
    assert_eq!(names.len(), 13);

    // A deep link to a deleted or unknown account says so, and offers the way back.
    c.goto(&format!("{home}#/accounts/no-such-account")).await.unwrap();
    eventually!(
        "the missing-account page",
        c.find(Locator::XPath("//*[contains(., 'This account does not exist')]")).await.ok()
    );
    click(c, "Back to accounts").await;
    eventually!("the list again", ranked_names(c).await);

    c.clone().close().await.unwrap();
}

/// Types a date the way a Dutch or British user does, day first (`20-11-2026`): the field
/// then shows it in the app's language (`20 Nov 2026` / `20-11-2026`), whatever the
/// browser's own locale.
async fn fill_date(c: &Client, label: &str, iso: &str) {
    let el = eventually!(format!("date field {label:?}"), c.find(Locator::XPath(&labelled_xpath(label))).await.ok());
    let (y, rest) = iso.split_at(4);
    let (m, d) = (&rest[1..3], &rest[4..6]);
    el.clear().await.unwrap();
    el.send_keys(&format!("{d}-{m}-{y}")).await.unwrap();
    let day = keystone::domain::date::Date::parse(iso).unwrap();
    let shown = [(keystone::i18n::EN.date)(day), (keystone::i18n::NL.date)(day)];
    let value = el.prop("value").await.unwrap().unwrap_or_default();
    assert!(shown.contains(&value), "typed {label:?}: shows {value:?}, not one of {shown:?}");
}

async fn select(c: &Client, label: &str, option: &str) {
    let el = eventually!(format!("select {label:?}"), c.find(Locator::XPath(&labelled_xpath(label))).await.ok());
    el.select_by_label(option).await.unwrap_or_else(|e| panic!("choosing {option:?} in {label:?}: {e}"));
}

/// The text of `<main>`, or nothing while the page is still loading (right after a reload
/// there is no `<main>` until the app has mounted; the callers poll).
async fn page_text(c: &Client) -> String {
    match c.find(Locator::Css("main")).await {
        Ok(main) => main.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

async fn wait_text(c: &Client, text: &str) {
    eventually!(format!("text {text:?}"), page_text(c).await.contains(text).then_some(()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_key_account_manager_builds_a_plan_that_survives_a_reload() {
    let port = serve(dist()).await;
    let b = browser().await;
    let c = &b.client;
    c.goto(&format!("http://127.0.0.1:{port}{SUB_PATH}")).await.unwrap();
    click(c, "Load sample portfolio").await;
    eventually!("the ranked table", ranked_names(c).await);

    // Promote Medisys: its plan opens on step 1.
    click(c, "Medisys").await;
    eventually!("Medisys", heading(c).await.filter(|h| h == "Medisys"));
    click(c, "Promote to key account").await;
    eventually!("the new plan", heading(c).await.filter(|h| h == "Key-account plan · Medisys"));

    // Step 1: two objectives.
    for what in ["Adopt the compliance module", "Halve audit findings"] {
        fill(c, "What (outcome)", what).await;
        click(c, "Add objective").await;
        wait_text(c, what).await;
    }

    shot(c, "plan-goals").await;

    // Step 2: two actions per objective, one of them already overdue.
    click(c, "2 · Deliver").await;
    let actions = [
        ("Compliance workshop", "Adopt the compliance module", Some("2026-01-15")),
        ("Module demo", "Adopt the compliance module", None),
        ("Audit review", "Halve audit findings", None),
        ("Process training", "Halve audit findings", None),
    ];
    for (title, objective, due) in actions {
        fill(c, "Action", title).await;
        select(c, "For objective", objective).await;
        if let Some(due) = due {
            fill_date(c, "Due", due).await;
        }
        click(c, "Add action").await;
        wait_text(c, title).await;
    }
    assert!(page_text(c).await.contains("Overdue"), "the past due date is flagged");
    shot(c, "plan-deliver").await;

    // Step 3: a KPI with three measurements, drawn as a chart.
    click(c, "3 · Measure").await;
    fill(c, "KPI name", "Compliance module adoption").await;
    fill(c, "Unit", "%").await;
    fill(c, "Baseline", "10").await;
    fill(c, "Target", "80").await;
    click(c, "Add KPI").await;
    wait_text(c, "Compliance module adoption").await;
    for (date, value) in [("2026-06-01", "20"), ("2026-08-01", "35"), ("2026-10-01", "50")] {
        fill_date(c, "Measured on", date).await;
        fill(c, "Value", value).await;
        click(c, "Add measurement").await;
        // In a sentence, the date is written out.
        let shown = (keystone::i18n::EN.date_long)(keystone::domain::date::Date::parse(date).unwrap());
        wait_text(c, &format!("Latest {value} % on {shown}")).await;
    }
    wait_text(c, "Measurements (3)").await;
    let painted = eventually!(
        "the KPI chart",
        c.execute("const c = document.querySelector('.kpi-card canvas'); return c ? c.width : 0;", vec![])
            .await
            .ok()
            .and_then(|v| v.as_u64())
            .filter(|w| *w > 0)
    );
    assert!(painted > 300);
    shot(c, "plan-measure").await;

    // Step 4: a meeting whose follow-up becomes an action in one click.
    click(c, "4 · Anticipate").await;
    fill(c, "Attendees", "Their compliance officer").await;
    fill(c, "Follow-ups (one per line)", "Send the compliance checklist").await;
    click(c, "Log meeting").await;
    click(c, "Make it an action").await;
    wait_text(c, "Action created").await;

    // SWOT: one entry per quadrant.
    click(c, "SWOT").await;
    for (label, button, text) in [
        ("New strength", "Add strength", "Strong fit with their compliance needs"),
        ("New weakness", "Add weakness", "Little contact with their IT team"),
        ("New opportunity", "Add opportunity", "New EU rules next year"),
        ("New threat", "Add threat", "A niche competitor"),
    ] {
        fill(c, label, text).await;
        click(c, button).await;
        wait_text(c, text).await;
    }

    // Reload: everything is still there, on the one-screen summary too.
    c.refresh().await.unwrap();
    wait_text(c, "A niche competitor").await;
    click(c, "Summary").await;
    for text in [
        "Adopt the compliance module",
        "Halve audit findings",
        "Compliance workshop",
        "Compliance module adoption",
        "Strong fit with their compliance needs",
    ] {
        wait_text(c, text).await;
    }
    shot(c, "plan-summary").await;
    click(c, "2 · Deliver").await;
    wait_text(c, "Send the compliance checklist").await;

    // The plan overview flags the overdue action.
    click(c, "Plans").await;
    eventually!("the overview", heading(c).await.filter(|h| h == "Key-account plans"));
    let row = eventually!(
        "Medisys in the overview",
        c.find(Locator::XPath("//table//tr[td[1]//a[normalize-space()='Medisys']]")).await.ok()
    );
    let cells: Vec<String> = {
        let mut v = Vec::new();
        for td in row.find_all(Locator::Css("td")).await.unwrap() {
            v.push(td.text().await.unwrap());
        }
        v
    };
    assert_eq!(cells[4], "1", "one overdue action: {cells:?}");
    assert!(row.attr("class").await.unwrap().unwrap_or_default().contains("attention"), "the row stands out");
    shot(c, "plan-overview").await;

    c.clone().close().await.unwrap();
}

/// Waits for the notice bar to say something containing `text`.
async fn wait_notice(c: &Client, text: &str) {
    let xpath = format!("//*[contains(@class,'notice')]//*[contains(normalize-space(), {})]", literal(text));
    eventually!(format!("notice {text:?}"), c.find(Locator::XPath(&xpath)).await.ok());
}

/// Everything the browser stores of the workspace, as one text: each part's text after its key,
/// in key order.
async fn stored(c: &Client) -> String {
    script_text(
        c,
        "return Object.keys(localStorage).sort() \
           .filter(k => k.startsWith('keystone.v2.') || k === 'keystone.v1.workspace') \
           .map(k => k + '=' + localStorage.getItem(k)).join('\\n');",
    )
    .await
}

/// The text a script returns ("" for anything else).
async fn script_text(c: &Client, script: &str) -> String {
    c.execute(script, vec![]).await.unwrap().as_str().unwrap_or_default().to_string()
}

/// As [`stored`], as the recovery screen's download writes it: one JSON object of every part
/// under its key, in key order.
async fn stored_bundle(c: &Client) -> String {
    script_text(
        c,
        "const o = {}; for (const k of Object.keys(localStorage).sort()) \
           if (k.startsWith('keystone.v2.') || k === 'keystone.v1.workspace') o[k] = localStorage.getItem(k); \
         return JSON.stringify(o);",
    )
    .await
}

/// Waits until a form that saves itself says it saved.
async fn wait_saved(c: &Client) {
    eventually!(
        "the form to say it saved",
        c.find(Locator::XPath("//*[contains(@class,'save-state') and normalize-space()='Saved']")).await.ok()
    );
}

async fn edit_account(c: &Client, home: &str, name: &str, label: &str, value: &str) {
    c.goto(home).await.unwrap();
    click(c, "Accounts").await;
    click(c, name).await;
    eventually!(format!("{name}'s page"), heading(c).await.filter(|h| h == name));
    // The details save themselves once the field is left.
    fill(c, label, value).await;
    wait_saved(c).await;
    assert_eq!(field_value(c, label).await, value);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn colleagues_share_a_file_review_it_apply_undo_and_reapply() {
    let port = serve(dist()).await;
    let home = format!("http://127.0.0.1:{port}{SUB_PATH}");
    let downloads = std::env::temp_dir().join(format!("keystone-e2e-downloads-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads).unwrap();
    let _cleanup = TempDir(downloads.clone());

    // Anna works in her browser and exports.
    let anna = browser_with_downloads(Some(&downloads)).await;
    let a = &anna.client;
    a.goto(&home).await.unwrap();
    click(a, "Load sample portfolio").await;
    eventually!("Anna's table", ranked_names(a).await);
    edit_account(a, &home, "Vicom", "Account owner", "Anna de Wit").await;
    edit_account(a, &home, "Medisys", "Sector", "Medical devices").await;
    click(a, "Add account").await;
    fill(a, "Name", "Globex").await;
    click(a, "Save account").await;
    eventually!("Globex", heading(a).await.filter(|h| h == "Globex"));
    click(a, "Share").await;
    fill(a, "Your name", "Anna").await;
    wait_saved(a).await;
    click(a, "Export workspace").await;
    let file = eventually!(
        "the exported file",
        std::fs::read_dir(&downloads).ok().and_then(|entries| {
            entries.filter_map(Result::ok).map(|e| e.path()).find(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                name.starts_with("keystone-") && name.ends_with(".json")
            })
        })
    );
    let text =
        eventually!("the whole file", std::fs::read_to_string(&file).ok().filter(|t| t.trim_end().ends_with('}')));
    assert!(text.contains("\"exported_by\": \"Anna\"") && text.contains("\"format\": \"keystone-workspace\""));
    anna.client.clone().close().await.unwrap();

    // Bram has his own copy, with his own edits: one of them on the same field as Anna.
    let bram = browser().await;
    let b = &bram.client;
    b.goto(&home).await.unwrap();
    click(b, "Load sample portfolio").await;
    eventually!("Bram's table", ranked_names(b).await);
    edit_account(b, &home, "Vicom", "Account owner", "Bram Bakker").await;
    edit_account(b, &home, "Cartech", "Notes", "Bram met their CTO in November.").await;

    // A broken file is refused with where it is wrong, and nothing changes.
    click(b, "Share").await;
    let before = stored(b).await;
    fill(b, "Or paste the file's contents", "{\"format\": \"keystone-workspace\", \"schema\": 4,").await;
    click(b, "Review pasted import").await;
    wait_text(b, "not valid JSON (line 1, column").await;
    assert_eq!(stored(b).await, before, "a rejected import changes nothing");

    // Bram imports Anna's file: the review shows what happened where.
    let input = b.find(Locator::Css("#import-file")).await.unwrap();
    input.send_keys(&file.display().to_string()).await.unwrap();
    eventually!("the review", b.find(Locator::Css("section.review")).await.ok());
    let mut seen = Vec::new();
    for item in b.find_all(Locator::Css(".review-item")).await.unwrap() {
        let title = item.find(Locator::Css("h3")).await.unwrap().text().await.unwrap();
        let chip = item.find(Locator::Css("header .chip")).await.unwrap().text().await.unwrap();
        seen.push((title, chip));
    }
    seen.sort();
    assert_eq!(
        seen,
        vec![
            ("Account · Cartech".to_string(), "Changed here".to_string()),
            ("Account · Globex".to_string(), "New".to_string()),
            ("Account · Medisys".to_string(), "Changed there".to_string()),
            ("Account · Vicom".to_string(), "Conflict".to_string()),
        ],
        "review categories"
    );
    wait_text(b, "Review the import from Anna").await;
    shot(b, "import-review").await;
    assert_eq!(stored(b).await, before, "reviewing changes nothing");

    // For the conflict, Bram takes Anna's owner this time.
    select(b, "Use Account · Vicom · Account owner", "Take theirs").await;
    click(b, "Apply import").await;
    wait_notice(b, "Imported").await;
    // The save follows once the change is painted (and the notice may come first).
    let applied = eventually!(
        "the import stored",
        Some(stored(b).await)
            .filter(|s| s.contains("Globex") && s.contains("Medical devices") && s.contains("Anna de Wit"))
    );
    assert!(applied.contains("Bram met their CTO"), "Bram's own change is kept");

    // Undo puts back exactly what was there; importing again works the same.
    click(b, "Undo").await;
    click(b, "Undo the change").await;
    eventually!("the undo", (stored(b).await == before).then_some(()));
    let input = eventually!("the import form", b.find(Locator::Css("#import-file")).await.ok());
    input.send_keys(&file.display().to_string()).await.unwrap();
    eventually!("the review again", b.find(Locator::Css("section.review")).await.ok());
    click(b, "Apply import").await;
    wait_notice(b, "Imported").await;
    let reapplied = stored(b).await;
    assert!(reapplied.contains("Globex") && reapplied.contains("Medical devices"));
    assert!(reapplied.contains("Bram Bakker"), "the conflict keeps Bram's value by default");

    // It all survives a reload.
    b.refresh().await.unwrap();
    click(b, "Accounts").await;
    let names = eventually!("the merged table", ranked_names(b).await.filter(|n| n.contains(&"Globex".to_string())));
    assert_eq!(names.len(), 13);
    b.clone().close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dutch_excel_csv_imports_through_mapping_and_preview() {
    let port = serve(dist()).await;
    let dir = std::env::temp_dir().join(format!("keystone-e2e-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let _cleanup = TempDir(dir.clone());
    let csv = dir.join("crm-export.csv");
    std::fs::write(
        &csv,
        "\u{feff}Bedrijfsnaam;Branche;Omzet;Marge;Accountmanager\r\n\
         Hollandia Zuivel;Food;\"1.234.567,89\";31,5;Eva\r\n\
         Kempen Metaal;Industry;veel;12;Joost\r\n\
         Zeeland Wind;Energy;850.000;28;Eva\r\n",
    )
    .unwrap();

    let b = browser().await;
    let c = &b.client;
    c.goto(&format!("http://127.0.0.1:{port}{SUB_PATH}#/share")).await.unwrap();
    eventually!("the share page", heading(c).await.filter(|h| h == "Share with colleagues"));
    let before = stored(c).await;
    let input = eventually!("the CSV input", c.find(Locator::Css("#csv-file")).await.ok());
    input.send_keys(&csv.display().to_string()).await.unwrap();

    // The mapping is guessed from the Dutch headers; the preview finds the bad row by line.
    wait_text(c, "Import accounts from crm-export.csv").await;
    assert_eq!(field_value(c, "Column \u{201c}Bedrijfsnaam\u{201d} becomes").await, "name");
    assert_eq!(field_value(c, "Column \u{201c}Omzet\u{201d} becomes").await, "revenue");
    assert_eq!(field_value(c, "Column \u{201c}Marge\u{201d} becomes").await, "margin_pct");
    wait_text(c, "2 new accounts · 1 row with problems").await;
    wait_text(c, "Line 3: Current annual revenue: Enter a number").await;
    shot(c, "csv-mapping").await;
    assert_eq!(stored(c).await, before, "nothing is added before the import");

    // Rows with problems must be skipped knowingly.
    let import = c.find(Locator::XPath(&button_xpath("Import 2 accounts"))).await.unwrap();
    assert!(!import.is_enabled().await.unwrap());
    let skip = c.find(Locator::XPath(&labelled_xpath("Skip rows with problems"))).await.unwrap();
    skip.click().await.unwrap();
    eventually!("the import button", import.is_enabled().await.ok().filter(|e| *e));
    import.click().await.unwrap();
    wait_notice(c, "Imported 2 accounts.").await;

    click(c, "Accounts").await;
    let names = eventually!("the imported accounts", ranked_names(c).await);
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(sorted, vec!["Hollandia Zuivel".to_string(), "Zeeland Wind".to_string()]);
    wait_text(c, "€1,234,568").await;
    click(c, "Hollandia Zuivel").await;
    eventually!("the account", heading(c).await.filter(|h| h == "Hollandia Zuivel"));
    assert_eq!(field_value(c, "Gross margin (%)").await, "31.5");
    c.clone().close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_shows_a_recovery_screen_that_saves_the_data() {
    let port = serve(dist()).await;
    let downloads = std::env::temp_dir().join(format!("keystone-e2e-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&downloads);
    std::fs::create_dir_all(&downloads).unwrap();
    let _cleanup = TempDir(downloads.clone());
    let b = browser_with_downloads(Some(&downloads)).await;
    let c = &b.client;
    c.goto(&format!("http://127.0.0.1:{port}{SUB_PATH}")).await.unwrap();
    click(c, "Load sample portfolio").await;
    eventually!("the table", ranked_names(c).await);
    let data = stored_bundle(c).await;
    assert!(data.contains("Cartech"));

    // The storage is full and an edit could not be stored: the screen must not claim that all
    // the work is stored.
    c.execute(
        "let i = 0; for (const n of [500000, 50000, 5000, 500, 50, 5, 1]) { \
           try { for (;;) { localStorage.setItem('junk-' + i++, 'x'.repeat(n)); } } catch (e) {} } return i;",
        vec![],
    )
    .await
    .unwrap();
    fill(c, "Revenue volume weight", "80").await;
    eventually!("the storage message", c.find(Locator::Css("[role=alert]")).await.ok());
    let outcome = c
        .execute(
            "try { window.wasmBindings.keystone_crash_test(); return 'no crash'; } catch (e) { return 'crashed'; }",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(outcome.as_str(), Some("crashed"));
    let title = eventually!("the recovery title", c.find(Locator::Css("section.recovery h1")).await.ok());
    assert_eq!(title.text().await.unwrap(), "Keystone stopped working");
    let said = c.find(Locator::Css("section.recovery p")).await.unwrap().text().await.unwrap();
    assert!(said.contains("could not be stored"), "{said}");
    shot(c, "recovery").await;

    // Its button saves the stored data, without the crashed app's help.
    click(c, "Download my data").await;
    let file = downloads.join("keystone-recovered-data.json");
    let saved = eventually!("the recovered file", std::fs::read_to_string(&file).ok().filter(|t| !t.is_empty()));
    assert_eq!(saved, data, "the download is exactly what was stored");

    // Reload brings the app back with everything in place (room made first).
    c.execute(
        "for (const k of Object.keys(localStorage)) if (k.startsWith('junk-')) localStorage.removeItem(k);",
        vec![],
    )
    .await
    .unwrap();
    click(c, "Reload").await;
    let names = eventually!("the table after reload", ranked_names(c).await);
    assert!(names.contains(&"Cartech".to_string()));
    c.clone().close().await.unwrap();
}

/// The app served under the sub-path, opened in a fresh browser with the sample loaded and
/// its ranked table on screen; returns the browser and the app's address.
async fn with_sample() -> (Browser, String) {
    let port = serve(dist()).await;
    let home = format!("http://127.0.0.1:{port}{SUB_PATH}");
    let b = browser().await;
    b.client.goto(&home).await.unwrap();
    click(&b.client, "Load sample portfolio").await;
    eventually!("the table", ranked_names(&b.client).await);
    (b, home)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_tabs_see_each_others_edits_and_damaged_data_waits_for_the_users_say() {
    let (b, home) = with_sample().await;
    let c = &b.client;

    // A second tab of the same browser, on the same data.
    let first = c.window().await.unwrap();
    let second = c.new_window(true).await.unwrap().handle;
    c.switch_to_window(second.clone()).await.unwrap();
    c.goto(&format!("{home}#/accounts")).await.unwrap();
    eventually!("the second tab's table", ranked_names(c).await.filter(|n| n.contains(&"Vicom".to_string())));

    // An edit in the first tab shows up in the second without a reload.
    c.switch_to_window(first.clone()).await.unwrap();
    edit_account(c, &home, "Vicom", "Name", "Vicom Group").await;
    c.switch_to_window(second.clone()).await.unwrap();
    eventually!(
        "the rename in the other tab",
        ranked_names(c).await.filter(|n| n.contains(&"Vicom Group".to_string()))
    );
    shot(c, "second-tab").await;
    c.close_window().await.unwrap();
    c.switch_to_window(first).await.unwrap();

    // Damaged stored data: the app opens, keeps a copy, and waits for the user's say.
    c.execute("localStorage.setItem('keystone.v2.head', '{\"schema\":3,\"accounts\":[{\"id\":');", vec![])
        .await
        .unwrap();
    c.goto(&home).await.unwrap();
    let alert = eventually!("the storage message", c.find(Locator::Css("[role=alert]")).await.ok());
    assert!(alert.text().await.unwrap().contains("could not be read"));
    shot(c, "unreadable").await;
    click(c, "Load sample portfolio").await;
    eventually!("the sample in the tab", ranked_names(c).await);
    let head = c.execute("return localStorage.getItem('keystone.v2.head')", vec![]).await.unwrap();
    assert_eq!(head.as_str(), Some("{\"schema\":3,\"accounts\":[{\"id\":"), "not written over");
    click(c, "Start afresh").await;
    eventually!("the sample saved", Some(stored(c).await).filter(|s| s.contains("Cartech")));
    let backups = c
        .execute("return Object.keys(localStorage).filter(k => k.startsWith('keystone.v1.backup.')).length", vec![])
        .await
        .unwrap();
    assert_eq!(backups.as_u64(), Some(1));
    c.clone().close().await.unwrap();
}

/// Moves a synthetic pointer over the matrix until its tooltip names `name`; returns that
/// point as an offset from the canvas's centre (what WebDriver's pointer actions take).
async fn find_bubble(c: &Client, name: &str) -> (i64, i64) {
    let script = r#"
        const [name, done] = arguments;
        const canvas = document.querySelector('.matrix canvas');
        const box = canvas.getBoundingClientRect();
        const wait = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        (async () => {
            for (let y = 4; y < box.height; y += 8) {
                for (let x = 4; x < box.width; x += 8) {
                    canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: box.left + x, clientY: box.top + y, bubbles: true }));
                    await wait();
                    const tip = document.querySelector('.bubble-tip');
                    if (tip && tip.textContent.startsWith(name + ' ·')) {
                        return done([Math.round(x - box.width / 2), Math.round(y - box.height / 2)]);
                    }
                }
            }
            done(null);
        })();
    "#;
    let found = c.execute_async(script, vec![serde_json::json!(name)]).await.unwrap();
    let xy = found.as_array().unwrap_or_else(|| panic!("no bubble names {name}"));
    (xy[0].as_i64().unwrap(), xy[1].as_i64().unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_director_reads_the_overview_and_opens_cartech_from_the_matrix() {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
    let (b, home) = with_sample().await;
    let c = &b.client;

    // With data, the landing view is the overview.
    c.goto(&home).await.unwrap();
    eventually!("the overview", heading(c).await.filter(|h| h == "Overview"));
    wait_text(c, "Revenue from key accounts").await;
    wait_text(c, "Plans needing attention").await;
    shot(c, "overview").await;

    click(c, "Portfolio").await;
    eventually!("the matrix page", heading(c).await.filter(|h| h == "Portfolio matrix"));
    // The list beside the chart names Cartech under Strategic, Vicom under Status.
    let strategic = c.find(Locator::Css(".quadrant-0")).await.unwrap().text().await.unwrap();
    assert!(strategic.contains("Cartech") && !strategic.contains("Vicom"), "{strategic}");
    assert!(c.find(Locator::Css(".quadrant-2")).await.unwrap().text().await.unwrap().contains("Vicom"));
    let (x, y) = find_bubble(c, "Cartech").await;
    shot(c, "matrix").await;

    // A real click on that spot opens Cartech.
    let canvas = c.find(Locator::Css(".matrix canvas")).await.unwrap();
    let actions = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement { element: canvas, duration: None, x, y })
        .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
        .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
    c.perform_actions(actions).await.unwrap();
    eventually!("Cartech's page", heading(c).await.filter(|h| h == "Cartech"));

    // Filtering by owner leaves only that owner's accounts in the list.
    c.back().await.unwrap();
    eventually!("the matrix page again", heading(c).await.filter(|h| h == "Portfolio matrix"));
    select(c, "Owner", "Sanne Jansen").await;
    let list = eventually!(
        "the filtered list",
        match c.find(Locator::Css(".matrix-list")).await {
            Ok(el) => el.text().await.ok().filter(|t| !t.contains("Vicom")),
            Err(_) => None,
        }
    );
    assert!(list.contains("Cartech"), "{list}");

    // What if revenue volume counted most? The sandbox shows it; nothing is stored until applied.
    let before = stored(c).await;
    click(c, "Accounts").await;
    click(c, "Try other weights").await;
    eventually!("the sandbox", heading(c).await.filter(|h| h == "What if…"));
    fill(c, "Revenue volume weight", "80").await;
    wait_text(c, "would rise").await;
    shot(c, "what-if").await;
    assert_eq!(stored(c).await, before);
    c.clone().close().await.unwrap();
}

/// The text of the overview's tile with the given heading.
async fn tile(c: &Client, heading: &str) -> Option<String> {
    let xpath = format!("//div[contains(@class,'tile')][h2[normalize-space()={}]]", literal(heading));
    c.find(Locator::XPath(&xpath)).await.ok()?.text().await.ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typed_details_survive_leaving_promotion_decides_the_tier_and_an_old_undo_is_gone() {
    let port = serve(dist()).await;
    let dir = std::env::temp_dir().join(format!("keystone-e2e-trust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let _cleanup = TempDir(dir.clone());
    let b = browser().await;
    let c = &b.client;
    let home = format!("http://127.0.0.1:{port}{SUB_PATH}");
    c.goto(&home).await.unwrap();
    click(c, "Load sample portfolio").await;
    eventually!("the ranked table", ranked_names(c).await);
    click(c, "Overview").await;
    let share_before = eventually!("the key-account share", tile(c, "Revenue from key accounts").await);

    // A detail typed and the page left at once (no Tab, no button): it is saved on the way out.
    click(c, "Accounts").await;
    click(c, "Medisys").await;
    eventually!("Medisys's page", heading(c).await.filter(|h| h == "Medisys"));
    let sector = c.find(Locator::XPath(&labelled_xpath("Sector"))).await.unwrap();
    sector.clear().await.unwrap();
    sector.send_keys("Medical devices").await.unwrap();
    click(c, "Accounts").await;
    eventually!("the table", ranked_names(c).await);
    c.refresh().await.unwrap();
    click(c, "Medisys").await;
    eventually!("Medisys again", heading(c).await.filter(|h| h == "Medisys"));
    assert_eq!(field_value(c, "Sector").await, "Medical devices", "kept through leaving and a reload");

    // Promotion is the decision: the plan, the plans list, the table and the overview agree.
    let says = c.find(Locator::Css(".score-box .badge")).await.unwrap().text().await.unwrap();
    assert_ne!(says, "Key account", "the score alone does not make Medisys a key account");
    click(c, "Promote to key account").await;
    eventually!("the plan", heading(c).await.filter(|h| h.contains("Medisys")));
    wait_text(c, "decided").await;
    let badge = c.find(Locator::Css("main .lead .badge")).await.unwrap().text().await.unwrap();
    assert_eq!(badge, "Key account", "plan header");
    click(c, "Plans").await;
    let row = eventually!(
        "Medisys in the plans list",
        c.find(Locator::XPath("//tr[td/a[normalize-space()='Medisys']]")).await.ok()
    );
    assert!(row.text().await.unwrap().contains("Key account"), "plans list");
    click(c, "Accounts").await;
    let row = eventually!(
        "Medisys's row",
        c.find(Locator::XPath("//table[contains(@class,'ranked')]//tr[td/a[normalize-space()='Medisys']]")).await.ok()
    );
    let text = row.text().await.unwrap();
    assert!(text.contains("Key account") && text.contains("decided") && text.contains("score says"), "{text}");
    click(c, "Overview").await;
    let share_after =
        eventually!("the new share", tile(c, "Revenue from key accounts").await.filter(|s| *s != share_before));
    assert_ne!(share_before, share_after, "Medisys's revenue now counts as key-account revenue");
    shot(c, "decided-tier").await;

    // An import's undo lasts ten seconds; rating an imported account meanwhile is safe.
    let csv = dir.join("two.csv");
    std::fs::write(&csv, "Name,Revenue\nGlobex,250000\nInitech,180000\n").unwrap();
    click(c, "Share").await;
    let input = eventually!("the CSV input", c.find(Locator::Css("#csv-file")).await.ok());
    input.send_keys(&csv.display().to_string()).await.unwrap();
    click(c, "Import 2 accounts").await;
    wait_notice(c, "Imported 2 accounts.").await;
    click(c, "Accounts").await;
    assert!(c.find(Locator::XPath(&button_xpath("Undo"))).await.is_err(), "moving on ends the undo offer");
    click(c, "Globex").await;
    eventually!("Globex's page", heading(c).await.filter(|h| h == "Globex"));
    select(c, "Product fit rating", "4").await;
    tokio::time::sleep(std::time::Duration::from_secs(11)).await;
    assert!(c.find(Locator::XPath(&button_xpath("Undo"))).await.is_err(), "no undo offered after its time");
    assert!(stored(c).await.contains("Globex"), "the import and the rating stay");
    c.clone().close().await.unwrap();
}

/// Reads one field of an account from what the browser stores.
async fn stored_field(c: &Client, id: &str, field: &str) -> String {
    let script = format!(
        "for (const k of Object.keys(localStorage).filter(k => k.startsWith('keystone.v2.shard.'))) {{ \
           const a = JSON.parse(localStorage.getItem(k)).accounts.find(x => x.id === '{id}'); \
           if (a) return String(a['{field}']); \
         }} return '';"
    );
    script_text(c, &script).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_opened_before_another_tabs_save_never_reverts_it() {
    let (b, home) = with_sample().await;
    let c = &b.client;
    let cartech = format!("{home}#/accounts/sample-02-cartech");

    // Three tabs on Cartech's page, each changing a different field a moment apart.
    let first = c.window().await.unwrap();
    c.goto(&cartech).await.unwrap();
    let second = c.new_window(true).await.unwrap().handle;
    c.switch_to_window(second.clone()).await.unwrap();
    c.goto(&cartech).await.unwrap();
    let third = c.new_window(true).await.unwrap().handle;
    c.switch_to_window(third.clone()).await.unwrap();
    c.goto(&cartech).await.unwrap();
    eventually!("the third tab", heading(c).await.filter(|h| h == "Cartech"));
    for (tab, label, value) in [
        (first.clone(), "Sector", "Sector from A"),
        (second.clone(), "Notes", "Notes from B"),
        (third.clone(), "Account owner", "Owner from C"),
    ] {
        c.switch_to_window(tab).await.unwrap();
        eventually!("Cartech's page", heading(c).await.filter(|h| h == "Cartech"));
        fill(c, label, value).await;
        wait_saved(c).await;
        tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    }
    // The last save follows its tab's painted frame, and the other tabs take it in and write
    // theirs: wait until storage holds all three, as a reload would read it.
    let mut last = Vec::new();
    let stored_all = async |last: &mut Vec<String>| {
        let mut now = Vec::new();
        for field in ["sector", "notes", "owner"] {
            now.push(stored_field(c, "sample-02-cartech", field).await);
        }
        *last = now;
        (*last == ["Sector from A", "Notes from B", "Owner from C"]).then_some(())
    };
    let waited = tokio::time::timeout(std::time::Duration::from_secs(20), async {
        while stored_all(&mut last).await.is_none() {
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    })
    .await;
    assert!(waited.is_ok(), "all three tabs' fields stored; storage holds {last:?}");
    // The first tab shows the others' values in the fields it did not touch.
    c.switch_to_window(first.clone()).await.unwrap();
    eventually!("B's notes in A", (field_value(c, "Notes").await == "Notes from B").then_some(()));
    c.switch_to_window(third).await.unwrap();
    c.close_window().await.unwrap();

    // A plan item: B opens an objective's edit form; A marks the objective at risk; B saves a
    // new wording. The status A set stays.
    let goals = format!("{home}#/accounts/sample-02-cartech/plan/goals");
    c.switch_to_window(second.clone()).await.unwrap();
    c.goto(&goals).await.unwrap();
    click(c, "Edit Cut Cartech's order-to-delivery time by a fifth").await;
    c.switch_to_window(first.clone()).await.unwrap();
    c.goto(&goals).await.unwrap();
    let status = eventually!("the status select", c.find(Locator::Css("#objective-status-sample-o2")).await.ok());
    status.select_by_label("At risk").await.unwrap();
    eventually!("A's status stored", stored(c).await.contains("\"at_risk\"").then_some(()));
    c.switch_to_window(second).await.unwrap();
    fill(c, "What (outcome)", "Cut order-to-delivery time by a quarter").await;
    click(c, "Save changes").await;
    let plan = eventually!(
        "B's wording stored",
        Some(stored(c).await).filter(|s| s.contains("Cut order-to-delivery time by a quarter"))
    );
    let at = plan.find("Cut order-to-delivery time by a quarter").unwrap();
    let objective = &plan[plan[..at].rfind('{').unwrap()..at + plan[at..].find('}').unwrap()];
    assert!(objective.contains("\"status\":\"at_risk\""), "A's status survives B's stale form: {objective}");
    c.clone().close().await.unwrap();
}

/// A fixture of `tests/fixtures/csv/`, as a path the file input takes.
fn csv_fixture(name: &str) -> String {
    format!("{}/tests/fixtures/csv/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wide_crm_export_and_its_deal_history_come_in_through_the_file_inputs() {
    let port = serve(dist()).await;
    let b = browser().await;
    let c = &b.client;
    c.goto(&format!("http://127.0.0.1:{port}{SUB_PATH}#/share")).await.unwrap();
    eventually!("the share page", heading(c).await.filter(|h| h == "Share with colleagues"));

    // A 55-column Salesforce export: ids are ids, names are names, Type is the status.
    let input = eventually!("the CSV input", c.find(Locator::Css("#csv-file")).await.ok());
    input.send_keys(&csv_fixture("salesforce-accounts.csv")).await.unwrap();
    wait_text(c, "Import accounts from salesforce-accounts.csv").await;
    wait_text(c, "24 rows · 55 columns · text in UTF-8").await;
    assert_eq!(field_value(c, "Column \u{201c}Account ID\u{201d} becomes").await, "crm_id");
    assert_eq!(field_value(c, "Column \u{201c}Account Name\u{201d} becomes").await, "name");
    assert_eq!(field_value(c, "Column \u{201c}Type\u{201d} becomes").await, "status");
    wait_text(c, "46 more columns, not imported").await;
    // Partners and "Other" take the default status, which the user can change per value.
    assert_eq!(field_value(c, "\u{201c}Technology Partner\u{201d} becomes").await, "");
    select(c, "\u{201c}Other\u{201d} becomes", "Prospect").await;
    wait_text(c, "24 new accounts").await;
    wait_text(c, "6 rows with a status not in the list above").await;
    // The number of employees is kept, by choice.
    c.execute("document.querySelector('.more-columns').open = true", vec![]).await.unwrap();
    select(c, "Column \u{201c}Employees\u{201d} becomes", "Keep as extra field").await;
    c.execute("document.querySelector('.csv-mapping').scrollIntoView()", vec![]).await.unwrap();
    shot(c, "crm-mapping").await;
    // Every choice fits inside its own column (a select sizes itself to its longest option).
    let overflowing = c
        .execute(
            "return [...document.querySelectorAll('.mapping-table td select')] \
               .filter(s => s.getBoundingClientRect().right > s.closest('td').getBoundingClientRect().right + 1).length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(overflowing.as_u64(), Some(0), "selects overflow their cells");
    // On a phone the mapping is a list of small cards, with nothing cut off at the side.
    c.set_window_size(390, 844).await.unwrap();
    let wide = eventually!(
        "the phone layout",
        c.execute(
            "const m = document.querySelector('.csv-mapping'); \
             return getComputedStyle(document.querySelector('.mapping-table tr')).display === 'block' \
               ? m.scrollWidth - m.clientWidth : null",
            vec![],
        )
        .await
        .ok()
        .and_then(|v| v.as_i64())
    );
    assert!(wide <= 0, "the mapping is {wide} px wider than the screen");
    c.execute("document.querySelector('.csv-mapping').scrollIntoView()", vec![]).await.unwrap();
    shot(c, "crm-mapping-phone").await;
    c.set_window_size(1280, 900).await.unwrap();
    c.execute("document.querySelector('.value-map').scrollIntoView()", vec![]).await.unwrap();
    shot(c, "crm-values").await;
    click(c, "Import 24 accounts").await;
    wait_notice(c, "Imported 24 accounts.").await;

    // The team sells spare parts: an offering in the catalogue, which the deals will show won.
    click(c, "Portfolio").await;
    fill(c, "Offering", "Spare parts").await;
    click(c, "Add offering").await;
    wait_text(c, "Spare parts").await;
    click(c, "Share").await;

    // The opportunities: American dates, dollars, one account the portfolio does not have.
    let input = eventually!("the deals input", c.find(Locator::Css("#deals-file")).await.ok());
    input.send_keys(&csv_fixture("deals-salesforce-opportunities.csv")).await.unwrap();
    wait_text(c, "Deal history from deals-salesforce-opportunities.csv").await;
    assert_eq!(field_value(c, "Column \u{201c}Close Date\u{201d} becomes").await, "close_date");
    assert_eq!(field_value(c, "Dates are written").await, "month");
    assert_eq!(field_value(c, "\u{201c}Closed Won\u{201d} becomes").await, "won");
    wait_text(c, "240 deals read · 11 accounts matched (220 deals)").await;
    wait_text(c, "Unknown Industries Ltd: 20 deals").await;
    wait_text(c, "The values are marked in US dollar (USD), your portfolio is in Euro (EUR)").await;
    let revenue = c
        .find(Locator::XPath(&labelled_xpath(
            "Also set each account's current revenue to its revenue won in the last 12 months",
        )))
        .await
        .unwrap();
    revenue.click().await.unwrap();
    shot(c, "deals-preview").await;
    click(c, "Add the deal history to 11 accounts").await;
    wait_notice(c, "Added the deal history to 11 accounts; ").await;
    wait_notice(c, "offerings it shows won are now marked in use.").await;

    // Undone in one step, as a JSON import is; then added again.
    click(c, "Undo").await;
    click(c, "Undo the change").await;
    eventually!("the history gone", (!stored(c).await.contains("won_last_12")).then_some(()));
    let input = eventually!("the deals input", c.find(Locator::Css("#deals-file")).await.ok());
    input.send_keys(&csv_fixture("deals-salesforce-opportunities.csv")).await.unwrap();
    let revenue = eventually!(
        "the revenue choice",
        c.find(Locator::XPath(&labelled_xpath(
            "Also set each account's current revenue to its revenue won in the last 12 months"
        )))
        .await
        .ok()
    );
    revenue.click().await.unwrap();
    click(c, "Add the deal history to 11 accounts").await;
    wait_notice(c, "Added the deal history to 11 accounts; ").await;

    // Cartech's page: the figures, the quarters, the evidence — and its kept employee count.
    click(c, "Accounts").await;
    eventually!("the imported accounts", ranked_names(c).await.filter(|n| n.len() == 24));
    click(c, "Cartech").await;
    eventually!("Cartech's page", heading(c).await.filter(|h| h == "Cartech"));
    wait_text(c, "Deal history").await;
    wait_text(c, "€716,200").await;
    wait_text(c, "Deals: €716,200 won in the last 12 months, €492,076 the 12 before (+46 %).").await;
    assert_eq!(field_value(c, "Current annual revenue").await, "716200");
    // Cartech won spare parts this year: the offering is in use in its whitespace.
    assert_eq!(field_value(c, "Status of Spare parts").await, "in_use");
    wait_text(c, "From your CRM").await;
    assert!(page_text(c).await.contains("Employees\n50"), "the kept column shows: {}", page_text(c).await);
    let painted = eventually!(
        "the quarter chart",
        c.execute(
            "const f = [...document.querySelectorAll('figure')].find(f => f.textContent.includes('per quarter')); \
             return f ? f.querySelector('canvas').width : 0;",
            vec![]
        )
        .await
        .ok()
        .and_then(|v| v.as_u64())
        .filter(|w| *w > 0)
    );
    assert!(painted > 100);
    wait_text(c, "The deals suggest yes:").await;
    let question = "Has its revenue with us held steady or grown over recent years?";
    c.execute("document.querySelector('.criterion').scrollIntoView()", vec![]).await.unwrap();
    shot(c, "deal-evidence").await;
    click(c, "Answer yes").await;
    eventually!("the answer taken", (checked_answer(c, question).await == "yes").then_some(()));
    c.execute("document.querySelector('.deal-panel').scrollIntoView()", vec![]).await.unwrap();
    shot(c, "deal-history").await;

    // All of it survives a reload.
    c.refresh().await.unwrap();
    eventually!("Cartech's page again", heading(c).await.filter(|h| h == "Cartech"));
    wait_text(c, "Revenue won per quarter").await;
    assert_eq!(checked_answer(c, question).await, "yes");
    c.clone().close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eighty_five_imported_accounts_are_rated_with_the_keyboard_alone() {
    let port = serve(dist()).await;
    let b = browser().await;
    let c = &b.client;
    let home = format!("http://127.0.0.1:{port}{SUB_PATH}");
    c.goto(&format!("{home}#/share")).await.unwrap();
    eventually!("the share page", heading(c).await.filter(|h| h == "Share with colleagues"));
    let file = std::env::temp_dir().join(format!("keystone-85-{}.csv", std::process::id()));
    std::fs::write(&file, eighty_five_accounts()).unwrap();
    let input = eventually!("the CSV input", c.find(Locator::Css("#csv-file")).await.ok());
    input.send_keys(file.to_str().unwrap()).await.unwrap();
    wait_text(c, "85 new accounts").await;
    click(c, "Import 85 accounts").await;
    wait_notice(c, "Imported 85 accounts.").await;
    let _ = std::fs::remove_file(&file);

    // Imported accounts miss their product fit and strategic value: none has a score yet.
    c.goto(&format!("{home}#/rate")).await.unwrap();
    eventually!("the rating grid", (rate_progress(c).await == "0 of 85 rated").then_some(()));
    shot(c, "rate-grid-start").await;

    // From here on only keys: Tab into the grid, then a figure per missing rating.
    let (keys, tabs) = rate_with_keys(c).await;
    eprintln!("keystrokes to rate 85 imported accounts: {keys} ({tabs} Tab presses, {} figures)", keys - tabs);
    assert_eq!(keys - tabs, 170, "exactly one figure per missing rating (two per account)");
    // The rows kept their order while they were rated: the first account is still first.
    let first = c.find(Locator::Css(".rate-grid tbody th")).await.unwrap().text().await.unwrap();
    assert_eq!(first, "Account 00 Holding");
    shot(c, "rate-grid-done").await;
    for (width, name) in [(1024, "rate-grid-1024"), (390, "rate-grid-390")] {
        c.set_window_size(width, 900).await.unwrap();
        shot(c, name).await;
    }
    c.set_window_size(1280, 900).await.unwrap();

    // Every rating is stored: a reload shows the same progress, and the ranked table scores all 85.
    c.refresh().await.unwrap();
    eventually!("the ratings after a reload", (rate_progress(c).await == "85 of 85 rated").then_some(()));
    c.goto(&format!("{home}#/accounts")).await.unwrap();
    let names = eventually!("the ranked table", ranked_names(c).await);
    assert!(!names.is_empty());
    let unranked = c
        .execute("return [...document.querySelectorAll('table.ranked tbody tr td:first-child')].filter(td => td.textContent.trim() === '–').length", vec![])
        .await
        .unwrap();
    assert_eq!(unranked.as_u64(), Some(0), "every account has a rank");
    c.clone().close().await.unwrap();
}

/// Whether the account page's coverage list warns of `gap` (the start of its text).
async fn warns(c: &Client, gap: &str) -> bool {
    let script = "return [...document.querySelectorAll('.stakeholders .coverage li')] \
        .some(li => li.textContent.trim().startsWith(arguments[0]));";
    c.execute(script, vec![gap.into()]).await.unwrap().as_bool().unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_maps_five_stakeholders_and_a_champion_clears_the_warning() {
    let (b, home) = with_sample().await;
    let c = &b.client;
    click(c, "Medisys").await;
    eventually!("Medisys's page", heading(c).await.filter(|h| h == "Medisys"));
    eventually!("the empty map's warnings", warns(c, "No champion").await.then_some(()));
    assert!(warns(c, "No decision maker known").await);
    let lines_before = stored(c).await.matches("\"reports_to\"").count();

    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() as i64;
    let recently = keystone::domain::date::Date::from_unix_ms(now).add_days(-5).to_string();
    let people = [
        ("Katrin Vogel", "Managing director", "Decision maker", None),
        ("Jonas Weber", "Head of procurement", "Economic buyer", Some("Katrin Vogel")),
        ("Mira Schulz", "Compliance lead", "Influencer", Some("Katrin Vogel")),
        ("Felix Braun", "IT manager", "Technical buyer", Some("Jonas Weber")),
        ("Lea Fischer", "Lab lead", "User", Some("Mira Schulz")),
    ];
    for (name, title, role, boss) in people {
        fill(c, "Full name", name).await;
        fill(c, "Job title", title).await;
        select(c, "Buying role", role).await;
        if let Some(boss) = boss {
            select(c, "Reports to", boss).await;
        }
        fill_date(c, "Last contact", &recently).await;
        click(c, "Add stakeholder").await;
        let listed = format!("//*[contains(@class,'org-list')]//h3[normalize-space()={}]", literal(name));
        eventually!(format!("{name} in the list"), c.find(Locator::XPath(&listed)).await.ok());
    }
    // A decision maker in touch, several people contacted — but nobody argues our case.
    assert!(warns(c, "No champion").await);
    assert!(!warns(c, "No decision maker known").await && !warns(c, "Single-threaded").await);
    let stored_text = stored(c).await;
    assert_eq!(stored_text.matches("\"reports_to\"").count(), lines_before + 4, "four reporting lines stored");
    assert_eq!(c.find_all(Locator::Css(".stakeholders canvas")).await.unwrap().len(), 1, "the org chart");
    shot(c, "stakeholders").await;

    click(c, "Edit Mira Schulz").await;
    eventually!("the form holds Mira", (field_value(c, "Full name").await == "Mira Schulz").then_some(()));
    select(c, "Attitude to us", "Champion").await;
    click(c, "Save changes").await;
    eventually!("the warning to clear", (!warns(c, "No champion").await).then_some(()));
    wait_text(c, "Well covered").await;

    // Kept across a reload.
    c.goto(&home).await.unwrap();
    c.refresh().await.unwrap();
    click(c, "Accounts").await;
    click(c, "Medisys").await;
    eventually!("Medisys's page again", heading(c).await.filter(|h| h == "Medisys"));
    wait_text(c, "Well covered").await;
    let chip =
        "//*[contains(@class,'org-list')]//article[.//h3[normalize-space()='Mira Schulz']]//*[contains(@class,'chip')]";
    let text = eventually!("Mira's attitude", c.find(Locator::XPath(chip)).await.ok()).text().await.unwrap();
    assert_eq!(text, "Champion");
    c.clone().close().await.unwrap();
}

/// The text of the revenue potential rating's whitespace evidence ("" without one).
async fn whitespace_evidence(c: &Client) -> String {
    script_text(
        c,
        "const n = [...document.querySelectorAll('.deal-note')].find(n => n.textContent.startsWith('Whitespace')); \
         return n ? n.textContent.trim() : '';",
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_whitespace_cells_move_the_potential_evidence_and_two_accounts_form_a_group() {
    let (b, home) = with_sample().await;
    let c = &b.client;
    click(c, "Medisys").await;
    eventually!("Medisys's page", heading(c).await.filter(|h| h == "Medisys"));
    eventually!(
        "no whitespace yet",
        (whitespace_evidence(c).await == "Whitespace: €0 in potential and in discussion.").then_some(())
    );
    select(c, "Status of Production planning", "Potential").await;
    eventually!(
        "the typical value counts",
        (whitespace_evidence(c).await == "Whitespace: €120,000 in potential and in discussion.").then_some(())
    );
    select(c, "Status of Quality module", "In discussion").await;
    fill(c, "Annual value of Quality module", "95000").await;
    select(c, "Status of Delivery tracking", "In use").await;
    eventually!(
        "the three cells counted",
        (whitespace_evidence(c).await == "Whitespace: €215,000 in potential and in discussion.").then_some(())
    );
    wait_text(c, "Uses 1 offering of the catalogue.").await;

    // Medisys joins Cartech's group.
    fill(c, "Parent account", "Cartech").await;
    click(c, "Set parent").await;
    wait_text(c, "Part of the group of Cartech").await;
    wait_text(c, "the group plan of Cartech covers it").await;
    shot(c, "whitespace-group").await;

    // All kept across a reload; Cartech's page rolls the group up.
    c.goto(&home).await.unwrap();
    c.refresh().await.unwrap();
    click(c, "Accounts").await;
    // The ranked table lists the group together, under a heading with its figures.
    let toggle = "Group by parent account";
    eventually!("the grouping switch", c.find(Locator::XPath(&labelled_xpath(toggle))).await.ok())
        .click()
        .await
        .unwrap();
    wait_text(c, "Group Cartech · 2 accounts · revenue €1,050,000 · potential €1,330,000 · whitespace €495,000").await;
    let grouped = eventually!("Cartech, then Medisys under it", {
        let names = ranked_names(c).await.unwrap_or_default();
        let at = names.iter().position(|n| n == "Cartech");
        at.filter(|&i| names.get(i + 1).map(String::as_str) == Some("Medisys")).map(|_| names)
    });
    assert!(grouped.len() >= 12, "{grouped:?}");
    click(c, "Cartech").await;
    eventually!("Cartech's page", heading(c).await.filter(|h| h == "Cartech"));
    // Cartech's €280,000 and Medisys's €215,000 of whitespace.
    wait_text(c, "The group: 2 accounts, revenue €1,050,000, potential €1,330,000, whitespace €495,000.").await;
    click(c, "Medisys").await;
    eventually!("Medisys's page again", heading(c).await.filter(|h| h == "Medisys"));
    eventually!(
        "the cells after a reload",
        (whitespace_evidence(c).await == "Whitespace: €215,000 in potential and in discussion.").then_some(())
    );
    c.clone().close().await.unwrap();
}

/// The main story in Dutch: the switch in the header, the ranking and the method's lesson,
/// a weight, an account typed with a Dutch amount, a plan started, and the choice remembered
/// across a reload; then back to English.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_identify_and_plan_story_runs_in_dutch() {
    let port = serve(dist()).await;
    let b = browser().await;
    let c = &b.client;
    let home = format!("http://127.0.0.1:{port}{SUB_PATH}");
    c.goto(&home).await.unwrap();
    click(c, "Nederlands").await;
    click(c, "Voorbeeldportefeuille laden").await;
    let lang = c.execute("return document.documentElement.lang", vec![]).await.unwrap();
    assert_eq!(lang, "nl");
    let names = eventually!("de ranglijst", ranked_names(c).await.filter(|n| n.len() >= 10));
    assert!(above(&names, "Cartech", "Vicom"), "Cartech boven Vicom: {names:?}");
    assert_eq!(heading(c).await.as_deref(), Some("Ranglijst van accounts"));
    let text = page_text(c).await;
    for expected in ["€ 2.400.000", "Positie", "Key account", "Volgen", "Weging omzetvolume"] {
        assert!(text.contains(expected), "{expected} missing");
    }
    shot(c, "nl-ranked").await;

    // The method's lesson in Dutch: Cartech explains its score.
    click(c, "Cartech").await;
    eventually!("Cartech", heading(c).await.filter(|h| h == "Cartech"));
    wait_text(c, "antwoorden op de checklist zijn ja.").await;
    click(c, "Accounts").await;
    eventually!("de ranglijst", ranked_names(c).await);
    fill(c, "Weging omzetvolume", "80").await;
    eventually!("Vicom stijgt", ranked_names(c).await.filter(|n| above(n, "Vicom", "Cartech")));

    // An account typed the Dutch way: a message in Dutch for a bad amount, then € 1.250.000,00.
    click(c, "Account toevoegen").await;
    eventually!("het formulier", heading(c).await.filter(|h| h == "Account toevoegen"));
    fill(c, "Naam", "Globex").await;
    fill(c, "Huidige jaaromzet", "twaalf").await;
    click(c, "Account opslaan").await;
    let message = eventually!("de melding", field_message(c, "Huidige jaaromzet").await);
    assert!(message.starts_with("Vul een getal in"), "{message}");
    fill(c, "Huidige jaaromzet", "€ 1.250.000,00").await;
    fill(c, "Brutomarge (%)", "25,5").await;
    click(c, "Account opslaan").await;
    eventually!("de accountpagina", heading(c).await.filter(|h| h == "Globex"));
    assert_eq!(field_value(c, "Huidige jaaromzet").await, "1250000");
    assert_eq!(field_value(c, "Brutomarge (%)").await, "25.5");

    // A plan for Medisys, with a first objective.
    click(c, "Accounts").await;
    click(c, "Medisys").await;
    eventually!("Medisys", heading(c).await.filter(|h| h == "Medisys"));
    click(c, "Bevorderen tot key account").await;
    eventually!("het nieuwe plan", heading(c).await.filter(|h| h == "Accountplan · Medisys"));
    fill(c, "Wat (resultaat)", "Compliancemodule in gebruik").await;
    click(c, "Doelstelling toevoegen").await;
    wait_text(c, "Compliancemodule in gebruik").await;
    shot(c, "nl-plan").await;

    // Reloaded: still Dutch, everything kept; and back to English in one click.
    c.refresh().await.unwrap();
    eventually!("het plan na herladen", heading(c).await.filter(|h| h == "Accountplan · Medisys"));
    wait_text(c, "Compliancemodule in gebruik").await;
    click(c, "English").await;
    eventually!("the plan in English", heading(c).await.filter(|h| h == "Key-account plan · Medisys"));
    c.clone().close().await.unwrap();
}

/// Every route of the app, with `account`'s page and each section of its plan.
fn every_route(account: &str) -> Vec<String> {
    let pages =
        ["#/", "#/accounts", "#/rate", "#/portfolio", "#/what-if", "#/plans", "#/share", "#/accounts/new", "#/method"];
    let plan = ["", "/goals", "/deliver", "/measure", "/anticipate", "/swot", "/review"];
    pages
        .into_iter()
        .map(String::from)
        .chain([format!("#/accounts/{account}")])
        .chain(plan.into_iter().map(|section| format!("#/accounts/{account}/plan{section}")))
        .collect()
}

/// Waits until the service worker has stored this version and controls the page.
/// Opens the app, loads the sample and waits until the service worker controls the page.
async fn sample_under_service_worker(c: &Client, home: &str) {
    c.goto(home).await.unwrap();
    click(c, "Load sample portfolio").await;
    eventually!("the table", ranked_names(c).await);
    wait_for_service_worker(c).await;
}

async fn wait_for_service_worker(c: &Client) {
    eventually!(
        "the service worker in control",
        (c.execute("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)", vec![]).await.ok()
            == Some(serde_json::json!(true)))
        .then_some(())
    );
}

/// Every route at a phone's, a tablet's and a laptop's width: the page never scrolls sideways
/// (tables scroll inside their own box), and on a tablet the ranked table shows rank, name,
/// score and tier without scrolling.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_route_scrolls_sideways_on_a_phone_a_tablet_or_a_laptop() {
    let (b, home) = with_sample().await;
    let c = &b.client;
    let routes = every_route("sample-02-cartech");
    // In Dutch too, whose words are longer (the language is the browser's, read at start).
    for (lang, width, height) in
        ["en", "nl"].into_iter().flat_map(|l| [(390, 844), (1024, 768), (1366, 800)].map(move |(w, h)| (l, w, h)))
    {
        if width == 390 {
            speak(c, lang).await;
        }
        c.set_window_size(width, height).await.unwrap();
        for route in &routes {
            c.goto(&format!("{home}{route}")).await.unwrap();
            // The route's content is drawn (its heading), then the widths are compared.
            eventually!("the page", heading(c).await.filter(|h| !h.is_empty()));
            let fits = eventually!(
                "the page laid out",
                c.execute(
                    "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| Some((v[0].as_i64()?, v[1].as_i64()?)))
            );
            assert!(fits.0 <= fits.1, "{lang} {route} at {width} px is {} px wide for {} px", fits.0, fits.1);
        }
        if width == 1024 && lang == "en" {
            c.goto(&format!("{home}#/accounts")).await.unwrap();
            eventually!("the table", ranked_names(c).await);
            let hidden = c
                .execute(
                    "const t = document.querySelector('table.ranked'); \
                     const box = t.parentElement.getBoundingClientRect(); \
                     return [...t.querySelectorAll('thead th')] \
                       .filter(th => th.offsetParent !== null && th.getBoundingClientRect().right > box.right + 1) \
                       .map(th => th.textContent.trim())",
                    vec![],
                )
                .await
                .unwrap();
            assert_eq!(hidden, serde_json::json!([]), "columns past the table's edge at 1024 px");
            shot(c, "ranked-1024").await;
        }
    }
    c.set_window_size(390, 844).await.unwrap();
    c.goto(&format!("{home}#/accounts")).await.unwrap();
    eventually!("the table", ranked_names(c).await);
    shot(c, "ranked-390").await;
    c.clone().close().await.unwrap();
}

/// Chooses the browser's language (as the header's switch does) and reloads in it; waits until
/// the page says it speaks it.
async fn speak(c: &Client, lang: &str) {
    c.execute(&format!("localStorage.setItem('keystone.language', '{lang}')"), vec![]).await.unwrap();
    c.refresh().await.unwrap();
    eventually!("the page's language", {
        let l = c.execute("return document.documentElement.lang", vec![]).await.ok();
        l.filter(|l| l == lang)
    });
}

/// The accessibility rules of axe-core (npm, pinned in `scripts/env.sh`), run on every route
/// in English and in Dutch: no serious or critical violation anywhere.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_passes_the_accessibility_rules() {
    let axe_path = std::env::var("KEYSTONE_AXE")
        .unwrap_or_else(|_| format!("{}/.tools/npm/node_modules/axe-core/axe.min.js", env!("CARGO_MANIFEST_DIR")));
    let axe = std::fs::read_to_string(&axe_path)
        .unwrap_or_else(|e| panic!("axe-core at {axe_path} ({e}): run scripts/setup.sh"));
    let (b, home) = with_sample().await;
    let c = &b.client;
    let routes = every_route("sample-02-cartech");
    let mut found = Vec::new();
    for (lang, route) in ["en", "nl"].into_iter().flat_map(|l| routes.iter().map(move |r| (l, r))) {
        if route == "#/" {
            // Each language from the top.
            c.goto(&format!("{home}{route}")).await.unwrap();
            speak(c, lang).await;
        }
        c.goto(&format!("{home}{route}")).await.unwrap();
        eventually!("the page", heading(c).await.filter(|h| !h.is_empty()));
        // Charts and late parts settle before the rules look.
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        if c.execute("return typeof axe", vec![]).await.unwrap() != "object" {
            c.execute(&axe, vec![]).await.unwrap();
        }
        let script = "
            const done = arguments[0];
            axe.run(document, { resultTypes: ['violations'] }).then(r => done(
                r.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))
            ));";
        let violations = c.execute_async(script, vec![]).await.unwrap();
        for v in violations.as_array().into_iter().flatten() {
            found.push(format!("{lang} {route}: {}", v.as_str().unwrap_or_default()));
        }
    }
    assert!(found.is_empty(), "serious or critical accessibility violations:\n{}", found.join("\n"));
    c.clone().close().await.unwrap();
}

/// After one visit the app opens with the network gone: in a new tab, an edit is kept across a
/// reload. The web app manifest is there to install it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_one_visit_the_app_works_offline_in_a_new_tab_and_keeps_an_edit() {
    let (port, network_down) = support::serve_switchable(dist()).await;
    let home = format!("http://127.0.0.1:{port}{SUB_PATH}");
    let b = browser().await;
    let c = &b.client;
    sample_under_service_worker(c, &home).await;
    let manifest = c
        .execute_async(
            "const done = arguments[0]; fetch(document.querySelector('link[rel=manifest]').href) \
             .then(r => r.json()).then(m => done(m.name + ' | ' + m.display)).catch(e => done(String(e)))",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(manifest, "Keystone · Key account management | standalone");

    // The network goes: a new tab opens the app from what the service worker keeps.
    network_down.store(true, std::sync::atomic::Ordering::SeqCst);
    let second = c.new_window(true).await.unwrap().handle;
    c.switch_to_window(second).await.unwrap();
    c.goto(&format!("{home}#/accounts")).await.unwrap();
    let names = eventually!("the table offline", ranked_names(c).await);
    assert!(names.contains(&"Cartech".to_string()), "{names:?}");
    // An edit offline, then a reload offline: kept.
    let before = stored(c).await;
    fill(c, "Revenue volume weight", "80").await;
    let moved = eventually!("Vicom to move up", ranked_names(c).await.filter(|n| above(n, "Vicom", "Cartech")));
    let stored_now = eventually!("the weight stored", {
        let now = stored(c).await;
        (now != before).then_some(now)
    });
    c.refresh().await.unwrap();
    let again = eventually!("the table after an offline reload", ranked_names(c).await);
    assert_eq!(again, moved, "the order after the reload");
    assert_eq!(field_value(c, "Revenue volume weight").await, "80");
    assert_eq!(stored(c).await, stored_now, "the reload wrote nothing new");
    c.clone().close().await.unwrap();
}

/// Copies the files of `from` (one level, and its `public/`) into `to`.
fn copy_app(from: &Path, to: &Path) {
    for dir in ["", "public"] {
        std::fs::create_dir_all(to.join(dir)).unwrap();
        for entry in std::fs::read_dir(from.join(dir)).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_file() {
                std::fs::copy(entry.path(), to.join(dir).join(entry.file_name())).unwrap();
            }
        }
    }
}

/// A new version deployed while the app is open: it is installed beside the running one, and
/// the page offers to switch instead of mixing the two; after the switch the new one runs and
/// the work is still there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_version_is_offered_as_reload_to_update_and_keeps_the_work() {
    let site = std::env::temp_dir().join(format!("keystone-update-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&site);
    copy_app(&dist(), &site);
    let port = serve(site.clone()).await;
    let home = format!("http://127.0.0.1:{port}{SUB_PATH}");
    let b = browser().await;
    let c = &b.client;
    sample_under_service_worker(c, &home).await;
    let running = "return document.querySelector('link[href$=\"_bg.wasm\"]').getAttribute('href')";
    let old = c.execute(running, vec![]).await.unwrap();
    let old = old.as_str().unwrap().trim_start_matches("./").trim_end_matches("_bg.wasm").to_string();

    // The next build is deployed: the same code under new names, as trunk's hashes give it.
    let new = format!("{old}next");
    let index = std::fs::read_to_string(site.join("index.html")).unwrap().replace(&old, &new);
    for suffix in [".js", "_bg.wasm"] {
        std::fs::copy(site.join(format!("{old}{suffix}")), site.join(format!("{new}{suffix}"))).unwrap();
    }
    std::fs::write(site.join("index.html"), index).unwrap();

    // Opening the app again still runs the version it has, and offers the new one.
    c.goto(&format!("{home}?again#/accounts")).await.unwrap();
    eventually!("the table", ranked_names(c).await);
    assert_eq!(c.execute(running, vec![]).await.unwrap(), format!("./{old}_bg.wasm"));
    eventually!(
        "the offer",
        c.find(Locator::XPath("//*[@role='status']//button[normalize-space()='Reload to update']")).await.ok()
    );
    shot(c, "update-offer").await;
    click(c, "Reload to update").await;
    eventually!(
        "the new version running",
        (c.execute(running, vec![]).await.ok() == Some(serde_json::json!(format!("./{new}_bg.wasm")))).then_some(())
    );
    let names = eventually!("the table in the new version", ranked_names(c).await);
    assert!(names.contains(&"Cartech".to_string()), "{names:?}");
    c.clone().close().await.unwrap();
    let _ = std::fs::remove_dir_all(&site);
}

/// The one-page plan goes into the quarterly review: the *Print / PDF* button opens the
/// browser's print dialog, and what Chromium prints is Cartech's plan on one A4 page (and on
/// one 16:9 slide), with the texts a director reads, not the app around them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cartech_plan_prints_on_one_page_and_one_slide() {
    let (b, home) = with_sample().await;
    let c = &b.client;
    c.goto(&format!("{home}#/accounts/sample-02-cartech/plan")).await.unwrap();
    wait_text(c, "Print as slide (16:9)").await;
    // The dialog itself would block the session: count the calls instead.
    c.execute("window.printed = []; window.print = () => window.printed.push(document.querySelector('.print-sheet').className);", vec![])
        .await
        .unwrap();
    let expected = [
        "Account plan Cartech",
        "Why a key account",
        "Cartech runs three of our modules instead of one",
        "Send proposal for the plant upgrade",
        "Product adoption",
        "Customer satisfaction (NPS)",
        "Stakeholders",
        "Henk Verbeek",
        "Open needs",
        "Systems upgrade for the renovated plant",
        "Commitments",
        "Answer within four working hours",
        "Strengths",
        "Last reviewed",
        "by Marco Visser",
    ];
    for (button, paper, class) in
        [("Print / PDF", A4, "print-sheet"), ("Print as slide (16:9)", SLIDE, "print-sheet slide")]
    {
        click(c, button).await;
        eventually!(
            format!("{button} opens the print dialog"),
            Some(script_text(c, "return (window.printed || []).join('|');").await).filter(|p| p.ends_with(class))
        );
        let (text, pages) = pdf_text(&print_pdf(&b, paper).await);
        assert_eq!(pages, 1, "{button}: one page\n{text}");
        // Line breaks and capitals (headings are set in capitals) aside.
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        for t in expected {
            assert!(flat.contains(&t.to_lowercase()), "{button}: {t:?} is on the page:\n{text}");
        }
        for app in ["Load sample portfolio", "Overview", "1 · Goals", "Print / PDF"] {
            assert!(!flat.contains(&app.to_lowercase()), "{button}: the app's {app:?} stays off paper:\n{text}");
        }
        assert!(!flat.contains("continued in keystone"), "the sample fits without cuts");
    }
    c.clone().close().await.unwrap();
}

/// The portfolio goes into the management meeting on one landscape page: the overview's
/// figures, the plans needing attention and the reviews due, with the matrix printed as a
/// sharp image instead of the screen's canvas.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_portfolio_overview_prints_on_one_landscape_page() {
    let (b, home) = with_sample().await;
    let c = &b.client;
    c.goto(&format!("{home}#/")).await.unwrap();
    wait_text(c, "Plans needing attention").await;
    c.execute("window.printed = 0; window.print = () => { window.printed += 1; };", vec![]).await.unwrap();
    click(c, "Print / PDF").await;
    eventually!("the print dialog", Some(script_text(c, "return String(window.printed);").await).filter(|p| p == "1"));
    let drawn =
        "const i = document.querySelector('img.matrix-print'); return String(!!i && i.complete && i.naturalWidth > 0);";
    eventually!("the matrix as an image", Some(script_text(c, drawn).await).filter(|d| d == "true"));
    let (text, pages) = pdf_text(&print_pdf(&b, (29.7, 21.0)).await);
    assert_eq!(pages, 1, "one landscape page:\n{text}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    for t in [
        "Overview",
        "Printed",
        "Revenue from key accounts",
        "Revenue concentration",
        "Plans needing attention",
        "Brabant Foods",
        "Portfolio matrix",
        "Top movers",
        "Vicom",
        "since the review of",
    ] {
        assert!(flat.contains(&t.to_lowercase()), "{t:?} is on the page:\n{text}");
    }
    for app in ["Load sample portfolio", "Print / PDF", "Open the portfolio matrix"] {
        assert!(!flat.contains(&app.to_lowercase()), "the app's {app:?} stays off paper:\n{text}");
    }
    c.clone().close().await.unwrap();
}

/// Cartech's quarterly review: the manager opens the plan's review step in the meeting, sees
/// what moved since the last review, starts this one, writes the decision and the next
/// steps, reloads, and compares the two reviews held.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quarterly_review_is_held_noted_and_compared_after_a_reload() {
    let (b, home) = with_sample().await;
    let c = &b.client;
    c.goto(&format!("{home}#/accounts/sample-02-cartech/plan/review")).await.unwrap();
    wait_text(c, "Since the review of").await;
    // Headings of the lists are set in capitals: compare without case.
    let before = page_text(c).await.to_lowercase();
    for t in ["Marco Visser", "Product adoption: 52", "(the right way)", "Actions done", "Map their order flow"] {
        assert!(before.contains(&t.to_lowercase()), "{t:?} in:\n{before}");
    }
    click(c, "Start review").await;
    wait_notice(c, "Write down what you decide").await;
    wait_text(c, "Nothing in the plan moved.").await;
    fill(c, "Reviewed by", "Marco Visser").await;
    fill(c, "Decisions", "Keep Cartech a key account; budget the plant upgrade.").await;
    fill(c, "Next steps", "Sanne books the roadmap session.").await;
    wait_saved(c).await;
    shot(c, "plan-review").await;

    c.refresh().await.unwrap();
    wait_text(c, "Keep Cartech a key account; budget the plant upgrade.").await;
    assert_eq!(field_value(c, "Next steps").await, "Sanne books the roadmap session.");
    // The two reviews side by side: the sample's against today's.
    let days: Vec<String> = script_text(
        c,
        "return [...document.querySelectorAll('.held-table tbody th')].map(t => t.textContent.trim()).join('|');",
    )
    .await
    .split('|')
    .map(str::to_string)
    .collect();
    assert_eq!(days.len(), 2, "{days:?}");
    select(c, "From", &format!("Review of {}", days[0])).await;
    select(c, "To", &format!("Review of {}", days[1])).await;
    wait_text(c, &format!("From the review of {} to the review of {}", days[0], days[1])).await;
    let compared = page_text(c).await;
    assert!(
        compared.contains("Product adoption: 52") && compared.contains("Send proposal for the plant upgrade"),
        "{compared}"
    );
    c.clone().close().await.unwrap();
}
