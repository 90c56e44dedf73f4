//! A real browser for page journeys: Debian's Chromium driven over WebDriver
//! by Debian's chromedriver, each test with its own driver and profile.
//!
//! A journey acts as a person does: it finds fields by their visible label,
//! buttons and links by their text, and reads what the page says. It never
//! builds a request body. Where Chromium or chromedriver is not installed the
//! journeys are skipped, loudly; with QUORATE_TEST_REQUIRE_BROWSER=1 (as in
//! .ci/run) a missing browser fails the run instead.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use futures_util::FutureExt;
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Phone width used by the journeys (an iPhone 12-15 in portrait).
pub const PHONE: (u32, u32) = (390, 844);
pub const DESKTOP: (u32, u32) = (1280, 900);

fn required() -> bool {
    std::env::var("QUORATE_TEST_REQUIRE_BROWSER").is_ok_and(|v| v == "1")
}

/// Is a browser here? Says loudly, once, when it is not.
pub fn available() -> bool {
    let here = Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists();
    if !here {
        assert!(
            !required(),
            "QUORATE_TEST_REQUIRE_BROWSER=1 but {CHROMIUM} or {CHROMEDRIVER} is missing \
             (apt-get install chromium chromium-driver)"
        );
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            use std::io::Write;
            let _ = std::io::stderr().write_all(
                b"\n\
                ************************************************************************\n\
                * [quorate tests] BROWSER JOURNEYS SKIPPED: no Chromium/chromedriver.  *\n\
                * apt-get install chromium chromium-driver to run them. .ci/run does.  *\n\
                ************************************************************************\n",
            );
        });
    }
    here
}

/// axe-core's script, installed by `npm ci --prefix tests/browser`.
fn axe_source() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(_) => {
            assert!(
                !required(),
                "QUORATE_TEST_REQUIRE_BROWSER=1 but axe-core is not installed: npm ci --prefix tests/browser"
            );
            static ONCE: Once = Once::new();
            ONCE.call_once(|| {
                eprintln!(
                    "\n[quorate tests] ACCESSIBILITY CHECKS SKIPPED: axe-core not installed (npm ci --prefix tests/browser)\n"
                );
            });
            None
        }
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A string as an XPath literal, whatever quotes it holds.
fn xpath_literal(s: &str) -> String {
    if !s.contains('\'') {
        format!("'{s}'")
    } else if !s.contains('"') {
        format!("\"{s}\"")
    } else {
        let parts: Vec<String> = s.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// One Chromium, with its own chromedriver and profile, at a base URL.
pub struct Browser {
    pub client: Client,
    base: String,
    driver: Option<Child>,
    _profile: tempfile::TempDir,
    /// A name for screenshots.
    pub name: String,
    axe_loaded_for: Option<String>,
    /// Page states checked by `check_page`, each at two widths.
    pub page_states: usize,
}

impl Browser {
    /// Opens Chromium at `base`, `width` by `height` CSS pixels.
    pub async fn open(base: &str, name: &str, (width, height): (u32, u32)) -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().expect("profile dir");
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": CHROMIUM,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions",
                    "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-GB",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.path().display()),
                ],
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() > deadline => panic!("Chromium did not start: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        let b = Browser {
            client,
            base: base.trim_end_matches('/').to_string(),
            driver: Some(driver),
            _profile: profile,
            name: name.to_string(),
            axe_loaded_for: None,
            page_states: 0,
        };
        let _ = std::fs::remove_file(screenshot_dir().join(format!("{name}-FAILED.png")));
        b.set_viewport(width, height).await;
        b
    }

    /// Makes the page's viewport (not the window) `width` by `height`.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        let _ = self.client.set_window_size(width, height).await;
        // The window includes no chrome when headless, but check and adjust.
        let inner = self
            .client
            .execute("return [window.innerWidth, window.innerHeight];", vec![])
            .await
            .expect("viewport");
        let w = inner[0].as_u64().unwrap_or(width as u64) as i64;
        let h = inner[1].as_u64().unwrap_or(height as u64) as i64;
        let (dw, dh) = (width as i64 - w, height as i64 - h);
        if dw != 0 || dh != 0 {
            let _ = self
                .client
                .set_window_size((width as i64 + dw) as u32, (height as i64 + dh) as u32)
                .await;
        }
    }

    /// Runs a journey and always closes the browser, even when it fails;
    /// on failure keeps a screenshot and prints what the page said.
    pub async fn run<F, Fut>(mut self, journey: F)
    where
        F: FnOnce(Browser) -> Fut,
        Fut: Future<Output = Browser>,
    {
        let client = self.client.clone();
        let name = self.name.clone();
        // Held here so a failing journey's browser stays up to be looked at.
        let driver = self.driver.take();
        let result = std::panic::AssertUnwindSafe(journey(self))
            .catch_unwind()
            .await;
        let result = result.map(|b| {
            eprintln!(
                "[browser {name}] {} page states checked, each at {} and {} px wide",
                b.page_states, DESKTOP.0, PHONE.0
            );
        });
        if let Err(panic) = result {
            if let Ok(png) = client.screenshot().await {
                let _ = std::fs::write(screenshot_dir().join(format!("{name}-FAILED.png")), png);
            }
            if let Ok(url) = client.current_url().await {
                eprintln!("[browser {name}] failed at {url}");
            }
            let _ = client.close().await;
            stop(driver);
            std::panic::resume_unwind(panic);
        }
        let _ = client.close().await;
        stop(driver);
    }

    pub async fn goto(&self, path: &str) {
        let url = if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{}", self.base, path)
        };
        self.client.goto(&url).await.expect("navigate");
    }

    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.expect("url");
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_string(),
        }
    }

    /// The page's visible text.
    pub async fn text(&self) -> String {
        self.client
            .execute("return document.body.innerText", vec![])
            .await
            .expect("page text")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Panics unless the page shows `words`.
    pub async fn sees(&self, words: &str) {
        let text = self.text().await;
        assert!(
            text.contains(words),
            "[{}] expected to see {words:?} on {}:\n{text}",
            self.name,
            self.path().await
        );
    }

    pub async fn does_not_see(&self, words: &str) {
        let text = self.text().await;
        assert!(
            !text.contains(words),
            "[{}] did not expect {words:?} on {}:\n{text}",
            self.name,
            self.path().await
        );
    }

    async fn find_one(&self, what: &str, xpaths: &[String]) -> Element {
        for xp in xpaths {
            let found = self
                .client
                .find_all(Locator::XPath(xp))
                .await
                .expect("find");
            for el in found {
                if el.is_displayed().await.unwrap_or(false) {
                    return el;
                }
            }
        }
        let text = self.text().await;
        panic!(
            "[{}] no {what} on {}. The page says:\n{text}",
            self.name,
            self.path().await
        );
    }

    /// A link by its text (exact, then starting with it).
    pub async fn link(&self, text: &str) -> Element {
        let t = xpath_literal(text);
        self.find_one(
            &format!("link {text:?}"),
            &[
                format!("//a[normalize-space(.)={t}]"),
                format!("//a[starts-with(normalize-space(.), {t})]"),
            ],
        )
        .await
    }

    pub async fn click_link(&self, text: &str) {
        self.link(text).await.click().await.expect("click link");
    }

    /// A button (or summary) by its text.
    pub async fn click_button(&self, text: &str) {
        let t = xpath_literal(text);
        let el = self
            .find_one(
                &format!("button {text:?}"),
                &[
                    format!("//button[normalize-space(.)={t}]"),
                    format!("//input[(@type='submit' or @type='button') and @value={t}]"),
                    format!("//button[starts-with(normalize-space(.), {t})]"),
                    format!("//summary[normalize-space(.)={t}]"),
                ],
            )
            .await;
        el.click().await.expect("click button");
    }

    /// The control a visible label names (exact text, then text that starts
    /// with it), whether the label points at it or wraps it.
    pub async fn field(&self, label: &str) -> Element {
        let t = xpath_literal(label);
        let labels = [
            format!("//label[normalize-space(.)={t}]"),
            format!("//label[starts-with(normalize-space(.), {t})]"),
        ];
        for xp in &labels {
            for l in self
                .client
                .find_all(Locator::XPath(xp))
                .await
                .expect("find label")
            {
                // A person reads only the labels on screen (not those in a
                // closed <details>).
                if !l.is_displayed().await.unwrap_or(false) {
                    continue;
                }
                if let Some(id) = l.attr("for").await.expect("for") {
                    if let Ok(el) = self.client.find(Locator::Id(&id)).await {
                        return el;
                    }
                } else if let Ok(el) = l.find(Locator::Css("input, select, textarea")).await {
                    return el;
                }
            }
        }
        let text = self.text().await;
        panic!(
            "[{}] no field labelled {label:?} on {}:\n{text}",
            self.name,
            self.path().await
        );
    }

    /// Types into the field labelled `label`, replacing what it held.
    pub async fn fill(&self, label: &str, value: &str) {
        let el = self.field(label).await;
        el.clear().await.expect("clear");
        if !value.is_empty() {
            el.send_keys(value).await.expect("type");
        }
    }

    /// What the field labelled `label` holds now.
    pub async fn value_of(&self, label: &str) -> String {
        self.field(label)
            .await
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default()
    }

    /// Chooses the option whose visible text is (or starts with) `option`
    /// in the list labelled `label`.
    pub async fn choose(&self, label: &str, option: &str) {
        let el = self.field(label).await;
        let t = xpath_literal(option);
        let found = match el
            .find(Locator::XPath(&format!(
                ".//option[normalize-space(.)={t}]"
            )))
            .await
        {
            Ok(o) => Ok(o),
            Err(_) => {
                el.find(Locator::XPath(&format!(
                    ".//option[starts-with(normalize-space(.), {t})]"
                )))
                .await
            }
        };
        let opt = found
            .unwrap_or_else(|e| panic!("[{}] {label:?} has no option {option:?}: {e}", self.name));
        opt.click().await.expect("choose option");
    }

    /// Ticks the checkbox or picks the radio with this label, by clicking
    /// the label as a person would.
    pub async fn tick(&self, label: &str) {
        let t = xpath_literal(label);
        let el = self
            .find_one(
                &format!("radio or checkbox {label:?}"),
                &[
                    format!("//label[normalize-space(.)={t}][.//input or @for]"),
                    format!("//label[starts-with(normalize-space(.), {t})][.//input or @for]"),
                ],
            )
            .await;
        el.click().await.expect("click label");
    }

    /// Picks `label` in the group of choices whose legend is `legend`.
    pub async fn tick_in(&self, legend: &str, label: &str) {
        let (g, t) = (xpath_literal(legend), xpath_literal(label));
        let el = self
            .find_one(
                &format!("{label:?} in {legend:?}"),
                &[format!(
                    "//fieldset[legend[normalize-space(.)={g}]]//label[normalize-space(.)={t}]"
                )],
            )
            .await;
        el.click().await.expect("click label");
    }

    pub async fn is_ticked(&self, label: &str) -> bool {
        self.field(label)
            .await
            .is_selected()
            .await
            .expect("selected")
    }

    /// Saves a screenshot under target/browser-screenshots/ to look at.
    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(
                screenshot_dir().join(format!("{}-{name}.png", self.name)),
                png,
            );
        }
    }

    /// Is anything on the page wider than the viewport (so it scrolls sideways)?
    pub async fn assert_no_sideways_scroll(&self) {
        let v = self
            .client
            .execute(
                "const w = document.documentElement.clientWidth;\
                 const wide = [];\
                 if (document.documentElement.scrollWidth > w) {\
                   for (const el of document.body.querySelectorAll('*')) {\
                     const r = el.getBoundingClientRect();\
                     if (r.right > w + 1 && getComputedStyle(el).position !== 'fixed') {\
                       let p = el.parentElement, inside = false;\
                       while (p) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') { inside = true; break; } p = p.parentElement; }\
                       if (!inside) wide.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : '') + ' ' + Math.round(r.right) + 'px');\
                     }\
                   }\
                 }\
                 return [document.documentElement.scrollWidth, w, wide.slice(0, 8)];",
                vec![],
            )
            .await
            .expect("measure");
        let (scroll, width) = (v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0));
        assert!(
            scroll <= width,
            "[{}] {} scrolls sideways: {scroll}px of content in a {width}px viewport; too wide: {}",
            self.name,
            self.path().await,
            v[2]
        );
    }

    /// Runs axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page as it is;
    /// panics listing every violation. Does nothing (said once, loudly) when
    /// axe-core is not installed.
    pub async fn assert_accessible(&mut self, state: &str) {
        let Some(axe) = axe_source() else {
            return;
        };
        let url = self.path().await;
        let loaded = self
            .client
            .execute("return typeof window.axe !== 'undefined';", vec![])
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if !loaded || self.axe_loaded_for.as_deref() != Some(url.as_str()) {
            self.client
                .execute(&format!("{axe}\n;return true;"), vec![])
                .await
                .expect("load axe-core");
            self.axe_loaded_for = Some(url.clone());
        }
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22a','wcag22aa']}})\
                   .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))\
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("run axe-core");
        let violations: Vec<String> = result
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        assert!(
            violations.is_empty(),
            "[{}] axe-core found {} WCAG 2.2 A/AA violation(s) on {state} ({url}):\n{}",
            self.name,
            violations.len(),
            violations.join("\n")
        );
    }

    /// Checks the page state at desktop and at phone width: no sideways
    /// scroll, no duplicate ids, no axe-core violations; keeps a screenshot
    /// of each. The browser is left at the width it was.
    pub async fn check_page(&mut self, state: &str) {
        let (w, h) = self.viewport().await;
        let (other_w, other_h) = if w <= PHONE.0 { DESKTOP } else { PHONE };
        for (width, height, label) in [(w, h, ""), (other_w, other_h, " (other width)")] {
            if label.is_empty() {
                self.check_here(state).await;
            } else {
                self.set_viewport(width, height).await;
                let named = format!("{state} at {width}px");
                self.check_here(&named).await;
                self.set_viewport(w, h).await;
            }
        }
        self.page_states += 1;
    }

    async fn check_here(&mut self, state: &str) {
        self.assert_no_sideways_scroll().await;
        self.assert_unique_ids().await;
        self.assert_accessible(state).await;
        self.screenshot(state).await;
    }

    async fn viewport(&self) -> (u32, u32) {
        let v = self
            .client
            .execute("return [window.innerWidth, window.innerHeight];", vec![])
            .await
            .expect("viewport");
        (
            u32::try_from(v[0].as_u64().unwrap_or(1280)).unwrap_or(1280),
            u32::try_from(v[1].as_u64().unwrap_or(900)).unwrap_or(900),
        )
    }

    /// Every id on the page once (a label's `for` must find one control).
    pub async fn assert_unique_ids(&self) {
        let v = self
            .client
            .execute(
                "const seen = {}, twice = [];\
                 for (const el of document.querySelectorAll('[id]')) {\
                   if (seen[el.id]) { if (!twice.includes(el.id)) twice.push(el.id); } else { seen[el.id] = true; }\
                 }\
                 return twice;",
                vec![],
            )
            .await
            .expect("ids");
        let twice: Vec<&str> = v
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        assert!(
            twice.is_empty(),
            "[{}] {} has ids used more than once: {twice:?}",
            self.name,
            self.path().await
        );
    }

    /// Waits until the page shows `words` (after a click that loads a page).
    pub async fn wait_to_see(&self, words: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if self.text().await.contains(words) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.sees(words).await;
    }

    /// After following a link to `#id`: the page is at that field, the field
    /// is on screen, and its inline error (`id-error`) is shown.
    pub async fn assert_landed_on_error(&self, id: &str) {
        let v = self
            .client
            .execute(
                "const id = arguments[0];\
                 const el = document.getElementById(id);\
                 const err = document.getElementById(id + '-error') || (el && el.querySelector('.error-message'));\
                 if (!el) return 'no element #' + id;\
                 if (location.hash !== '#' + id) return 'the address ends ' + location.hash;\
                 const r = el.getBoundingClientRect();\
                 if (r.bottom < 0 || r.top > window.innerHeight) return 'the field is off screen';\
                 if (!err || err.offsetParent === null) return 'no inline error is shown at the field';\
                 return 'ok';",
                vec![json!(id)],
            )
            .await
            .expect("check the field");
        assert_eq!(
            v.as_str().unwrap_or_default(),
            "ok",
            "[{}] following the error link to #{id} on {}",
            self.name,
            self.path().await
        );
    }

    /// Goes back one page, as the browser's Back button does.
    pub async fn back(&self) {
        self.client.back().await.expect("back");
    }

    /// The content type the browser gets for `href`, with its own cookies.
    pub async fn fetch_content_type(&self, href: &str) -> String {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 fetch(arguments[0], {credentials: 'same-origin'})\
                   .then(r => done(r.status + ' ' + (r.headers.get('content-type') || '')))\
                   .catch(e => done('failed: ' + e));",
                vec![json!(href)],
            )
            .await
            .expect("fetch")
            .as_str()
            .unwrap_or_default()
            .trim_start_matches("200 ")
            .to_string()
    }

    /// Signs in through the sign-in page.
    pub async fn sign_in(&self, email: &str, password: &str) {
        self.goto("/login").await;
        self.fill("Email address", email).await;
        self.fill("Password", password).await;
        self.click_button("Sign in").await;
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.path().await.starts_with("/login") && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.does_not_see("There is a problem").await;
    }

    pub async fn sign_out(&self) {
        self.click_button("Sign out").await;
        self.wait_to_see("You have signed out").await;
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        stop(self.driver.take());
    }
}

fn stop(driver: Option<Child>) {
    if let Some(mut d) = driver {
        let _ = d.kill();
        let _ = d.wait();
    }
}

pub fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/browser-screenshots");
    let _ = std::fs::create_dir_all(&dir);
    dir
}
