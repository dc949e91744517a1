//! What the end-to-end suite and the benchmark share: a static file server that serves a
//! folder under a sub-path, a headless Chromium driven through chromedriver, and the walk that
//! rates 85 imported accounts with the keyboard alone.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Stdio;

use fantoccini::{Client, ClientBuilder};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub const SUB_PATH: &str = "/tools/keystone/";

/// Polls `$body` (an `Option`) until it is `Some`, or fails the test after 20 s.
#[macro_export]
macro_rules! eventually {
    ($what:expr, $body:expr) => {{
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        loop {
            if let Some(v) = $body {
                break v;
            }
            if std::time::Instant::now() > deadline {
                panic!("timed out waiting for {}", $what);
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }};
}

pub fn dist() -> PathBuf {
    let dir = PathBuf::from(std::env::var("KEYSTONE_DIST").unwrap_or_else(|_| "dist".into()));
    assert!(
        dir.join("index.html").exists(),
        "no {}/index.html: run `make test` (it builds dist/ first)",
        dir.display()
    );
    dir
}

/// A minimal static file server that serves `root` only under [`SUB_PATH`], as a host
/// that puts the app in a sub-folder would. No rewrites: unknown paths are 404.
pub async fn serve(root: PathBuf) -> u16 {
    serve_switchable(root).await.0
}

/// As [`serve`], with a switch: while it is on, every connection is dropped unanswered, as
/// if the network were gone.
pub async fn serve_switchable(root: PathBuf) -> (u16, std::sync::Arc<std::sync::atomic::AtomicBool>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let down = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let off = down.clone();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            if off.load(std::sync::atomic::Ordering::SeqCst) {
                drop(stream);
                continue;
            }
            let root = root.clone();
            tokio::spawn(async move {
                let _ = respond(stream, &root).await;
            });
        }
    });
    (port, down)
}

async fn respond(mut stream: TcpStream, root: &Path) -> std::io::Result<()> {
    let mut buf = vec![0u8; 8192];
    let mut len = 0;
    while !buf[..len].windows(4).any(|w| w == b"\r\n\r\n") && len < buf.len() {
        let n = stream.read(&mut buf[len..]).await?;
        if n == 0 {
            return Ok(());
        }
        len += n;
    }
    let request = String::from_utf8_lossy(&buf[..len]);
    let path = request.split_whitespace().nth(1).unwrap_or("/").split(['?', '#']).next().unwrap_or("/").to_string();
    let file = path.strip_prefix(SUB_PATH).filter(|rest| !rest.split('/').any(|seg| seg == "..")).map(|rest| {
        if rest.is_empty() {
            root.join("index.html")
        } else {
            root.join(rest)
        }
    });
    let (status, kind, body) = match file.map(|f| (std::fs::read(&f), f)) {
        Some((Ok(body), f)) => {
            let kind = match f.extension().and_then(|e| e.to_str()) {
                Some("html") => "text/html; charset=utf-8",
                Some("js") => "text/javascript",
                Some("wasm") => "application/wasm",
                Some("css") => "text/css",
                Some("svg") => "image/svg+xml",
                Some("json") => "application/json",
                Some("webmanifest") => "application/manifest+json",
                _ => "application/octet-stream",
            };
            ("200 OK", kind, body)
        }
        _ => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(&body).await?;
    stream.shutdown().await
}

pub struct Browser {
    pub client: Client,
    /// Where chromedriver listens, for the commands fantoccini has no method for.
    pub driver_port: u16,
    _driver: tokio::process::Child,
    _profile: TempDir,
}

pub struct TempDir(pub PathBuf);
impl Drop for Browser {
    /// A test that panics never closes its session; chromedriver dies with it (kill on drop)
    /// but would leave its Chromium running. Chromium is found by its own profile folder.
    fn drop(&mut self) {
        let _ = std::process::Command::new("pkill").arg("-f").arg(&self._profile.0).status();
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

pub async fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").await.unwrap().local_addr().unwrap().port()
}

pub async fn browser() -> Browser {
    browser_with_downloads(None).await
}

/// A browser with a fresh profile of its own; downloads go to `downloads` when given.
pub async fn browser_with_downloads(downloads: Option<&Path>) -> Browser {
    let driver_bin = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let chrome_bin = std::env::var("CHROME_BIN").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let port = free_port().await;
    let driver = tokio::process::Command::new(&driver_bin)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {driver_bin}: {e}"));
    eventually!("chromedriver to listen", TcpStream::connect(("127.0.0.1", port)).await.ok());

    let profile = std::env::temp_dir().join(format!("keystone-e2e-{}-{port}", std::process::id()));
    let args = [
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--no-first-run".into(),
        "--window-size=1280,900".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    let mut options = serde_json::json!({ "binary": chrome_bin, "args": args });
    if let Some(dir) = downloads {
        options["prefs"] = serde_json::json!({
            "download.default_directory": dir.display().to_string(),
            "download.prompt_for_download": false,
        });
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session");
    Browser { client, driver_port: port, _driver: driver, _profile: TempDir(profile) }
}

/// A4 portrait and a 16:9 slide (10 × 5.625 inch), in centimetres.
pub const A4: (f64, f64) = (21.0, 29.7);
pub const SLIDE: (f64, f64) = (25.4, 14.2875);

/// Prints the page as Chromium does for *Print / PDF* (WebDriver's Print Page command, which
/// applies the page's print stylesheet) on paper of `(width, height)` cm; returns the PDF.
pub async fn print_pdf(b: &Browser, (width, height): (f64, f64)) -> Vec<u8> {
    let session = b.client.session_id().await.unwrap().expect("a session");
    let body = serde_json::json!({
        "orientation": "portrait",
        "page": { "width": width, "height": height },
        "margin": { "top": 0.0, "bottom": 0.0, "left": 0.0, "right": 0.0 },
        "background": true,
    })
    .to_string();
    let mut stream = TcpStream::connect(("127.0.0.1", b.driver_port)).await.unwrap();
    let request = format!(
        "POST /session/{session}/print HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    // chromedriver keeps the connection open: read the headers, then as many bytes as they say.
    let mut response = Vec::new();
    let mut buf = [0u8; 65536];
    let body_at = loop {
        let n = stream.read(&mut buf).await.unwrap();
        assert!(n > 0, "chromedriver closed the connection: {}", String::from_utf8_lossy(&response));
        response.extend_from_slice(&buf[..n]);
        if let Some(i) = response.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
    };
    let head = String::from_utf8_lossy(&response[..body_at]).to_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no content length in {head}"));
    while response.len() < body_at + length {
        let n = stream.read(&mut buf).await.unwrap();
        assert!(n > 0, "the reply ended early");
        response.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&response[body_at..body_at + length]);
    let json = text.as_ref();
    let value: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("print reply: {e}: {text:.300}"));
    let encoded = value["value"].as_str().unwrap_or_else(|| panic!("no PDF in {value:.300}"));
    base64_decode(encoded)
}

fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for v in text.bytes().filter_map(value) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// What `pdftotext` reads in a PDF (column by column), and its number of pages (form feeds).
pub fn pdf_text(pdf: &[u8]) -> (String, usize) {
    let dir = std::env::temp_dir().join(format!("keystone-pdf-{}-{}", std::process::id(), pdf.len()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("print.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (apt poppler-utils) is needed: {e}"));
    if let Some(shots) = std::env::var_os("KEYSTONE_SHOTS") {
        let _ = std::fs::copy(&file, std::path::Path::new(&shots).join(format!("print-{}.pdf", pdf.len())));
    }
    let _ = std::fs::remove_dir_all(&dir);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let pages = text.matches('\u{c}').count().max(1);
    (text, pages)
}

/// An 85-account CRM export: figures for the numeric criteria, nothing for the checklist, so
/// that product fit and strategic value are missing on every account.
pub fn eighty_five_accounts() -> String {
    let sectors = ["Automotive", "Healthcare", "Logistics", "Food", "Energy"];
    let owners = ["Anna de Wit", "Bram Jansen", "Chris Peeters"];
    let mut csv = String::from(
        "Account Name,Account Owner,Industry,Annual Revenue,Revenue Potential,Gross Margin %,Relationship Years\n",
    );
    for i in 0..85u32 {
        let revenue = 40_000 + (i * 7_919) % 900_000;
        let potential = 10_000 + (i * 3_571) % 400_000;
        let margin = 12 + (i * 7) % 30;
        let years = 1 + (i * 3) % 9;
        csv.push_str(&format!(
            "Account {i:02} {},{},{},{revenue},{potential},{margin},{years}\n",
            ["Holding", "BV", "NV", "GmbH"][(i % 4) as usize],
            owners[(i % 3) as usize],
            sectors[(i % 5) as usize]
        ));
    }
    csv
}

/// The rating grid's progress line ("23 of 85 rated"), or nothing when it is not shown.
pub async fn rate_progress(c: &Client) -> String {
    match c.find(fantoccini::Locator::Css(".rate-progress strong")).await {
        Ok(e) => e.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// The id of the element that has the focus.
pub async fn active_id(c: &Client) -> String {
    match c.active_element().await {
        Ok(e) => e.attr("id").await.ok().flatten().unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// On the rating grid (`#/rate`) with 85 accounts to rate, keys only: Tab until a grid cell has
/// the focus, then a figure per missing rating until all 85 are rated. Returns the keystrokes
/// in all and the Tab presses among them; fails beyond 400 keystrokes, or when the cursor does
/// not move on by itself after a figure.
pub async fn rate_with_keys(c: &Client) -> (usize, usize) {
    let tab = "\u{e004}";
    let mut keys = 0;
    let in_grid =
        |id: String| id.strip_prefix("rate-").is_some_and(|rc| rc.split('-').all(|n| n.parse::<u32>().is_ok()));
    while !in_grid(active_id(c).await) {
        c.active_element().await.unwrap().send_keys(tab).await.unwrap();
        keys += 1;
        assert!(keys < 40, "the grid is reachable with Tab");
    }
    let tabs = keys;
    while rate_progress(c).await != "85 of 85 rated" {
        let before = active_id(c).await;
        let digit = ["3", "4", "2", "5", "1", "0"][keys % 6];
        c.active_element().await.unwrap().send_keys(digit).await.unwrap();
        keys += 1;
        assert!(keys <= 400, "85 accounts rated within 400 keystrokes");
        // The cursor moves on by itself before the next figure is typed.
        eventually!(
            "the cursor to move on",
            (active_id(c).await != before || rate_progress(c).await == "85 of 85 rated").then_some(())
        );
    }
    (keys, tabs)
}
