//! Thin wrappers over the browser's clock and randomness, so that the domain can take
//! them as plain parameters.

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

pub fn current_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// `2026-11-27`, for "added"/"updated" lines.
pub fn iso_date(ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// A new account id: time-ordered and random enough never to collide between the
/// colleagues whose files are merged later.
pub fn new_id() -> String {
    let random = (js_sys::Math::random() * 2f64.powi(52)) as u64;
    format!("a-{:x}-{:013x}", now_ms(), random)
}

/// Today's date in the user's time zone (what they mean by "due today").
pub fn today() -> crate::domain::date::Date {
    let d = js_sys::Date::new_0();
    crate::domain::date::Date::from_ymd(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|_| crate::domain::date::Date::from_unix_ms(now_ms()))
}

/// The local date and time (hour, minute) of an ISO 8601 timestamp such as an export's
/// "exported at"; `None` when it is not one.
pub fn local_date_time(iso: &str) -> Option<(crate::domain::date::Date, u32, u32)> {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return None;
    }
    let day = crate::domain::date::Date::from_ymd(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).ok()?;
    Some((day, d.get_hours(), d.get_minutes()))
}

/// The local date and time (hour, minute) of a moment in milliseconds since the epoch.
pub fn local_date_time_ms(ms: i64) -> Option<(crate::domain::date::Date, u32, u32)> {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let day = crate::domain::date::Date::from_ymd(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).ok()?;
    Some((day, d.get_hours(), d.get_minutes()))
}

/// `2026-11-27T21:58:33.000Z`, for "exported at".
pub fn iso_now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// Offers `text` to the user as a downloaded file.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    web_sys::Url::revoke_object_url(&url)
}

/// The text of a file the user chose or dropped.
pub async fn read_file(file: web_sys::File) -> Result<String, String> {
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await.map_err(|e| format!("{e:?}"))?;
    text.as_string().ok_or_else(|| "the file is not text".to_string())
}

/// The text of a spreadsheet the user chose, in the encoding its bytes say (UTF-8 with or
/// without a byte-order mark, UTF-16, or Windows-1252), decoded by the browser's
/// `TextDecoder`, and that encoding.
pub async fn read_text_file(file: web_sys::File) -> Result<(crate::domain::spreadsheet::TextEncoding, String), String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.map_err(|e| format!("{e:?}"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let encoding = crate::domain::spreadsheet::TextEncoding::detect(&bytes);
    let decoder = web_sys::TextDecoder::new_with_label(encoding.label()).map_err(|e| format!("{e:?}"))?;
    let text = decoder.decode_with_u8_array(&bytes).map_err(|e| format!("{e:?}"))?;
    Ok((encoding, text))
}

/// Lets the browser paint before a long synchronous step (a status message, say).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 16);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` and records how long it took as a User Timing measure named `name`, visible in
/// the browser's performance tools and read by `make bench`. Costs two timestamps.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let Some(perf) = web_sys::window().and_then(|w| w.performance()) else { return f() };
    let start = format!("{name}:start");
    let _ = perf.mark(&start);
    let out = f();
    let _ = perf.measure_with_start_mark(name, &start);
    out
}

/// Records a User Timing mark (e.g. "the ranked table is on screen").
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// The browser's preferred languages, most preferred first (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    let Some(w) = web_sys::window() else { return Vec::new() };
    let list: Vec<String> = w.navigator().languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        w.navigator().language().into_iter().collect()
    } else {
        list
    }
}

/// Tells the browser (and screen readers) which language the page is in: `<html lang>`.
pub fn set_document_language(code: &str) {
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", code);
    }
}

/// Reloads the page (after a language switch).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// Opens the browser's print dialog (print to paper or save as PDF).
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
