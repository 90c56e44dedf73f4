//! The form contract: every form a page renders, submitted back with exactly
//! the names and values the HTML holds (empty fields filled with valid
//! sample values), must be read whole by its handler. A field the handler
//! ignores is refused by `checked_form` with "does not read", so a form and
//! its handler that disagree (the cover sheet once posted
//! `implications.financial` to a handler reading `financial`) fail here.
//!
//! The pages are found by following links from the home page of the demo,
//! as the public and as each demo role, so a new form is covered without
//! naming it.

use std::collections::{BTreeSet, VecDeque};

use scraper::{ElementRef, Html, Selector};

use crate::helpers::TestApp;

const ROLES: &[(&str, &str)] = &[
    ("public", ""),
    ("secretariat", "sam.clarke@northshire.example"),
    ("chair", "margaret.hale@northshire.example"),
    ("member", "priya.shah@ashby.example"),
    ("substitute", "ian.booth@ashby.example"),
    ("officer", "nadia.hussain@ashby.example"),
    ("observer", "grace.turner@northshire.example"),
    ("admin", "admin@northshire.example"),
];

/// A form as the page renders it.
#[derive(Debug)]
struct FormSeen {
    page: String,
    action: String,
    multipart: bool,
    fields: Vec<(String, String)>,
    /// The fields a person types text into (not hidden, password, choices
    /// or files).
    texts: BTreeSet<String>,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

/// A valid value for an empty control, as a careful person would type it.
fn sample(name: &str, kind: &str) -> String {
    let n = name.to_ascii_lowercase();
    match kind {
        "date" => return "2027-03-15".into(),
        "time" => return "10:00".into(),
        "number" => return "15".into(),
        "email" => return "someone@northshire.example".into(),
        "password" => return "a long sample passphrase".into(),
        _ => {}
    }
    // Day, month and year fields.
    if n.ends_with("-day") {
        return "15".into();
    }
    if n.ends_with("-month") {
        return "3".into();
    }
    if n.ends_with("-year") {
        return "2027".into();
    }
    if n.ends_with("_on") || n == "date" || n == "from" || n == "to" {
        "2027-03-15".into()
    } else if n == "start" {
        "10:00".into()
    } else if n == "end" {
        "12:00".into()
    } else if n.contains("minutes") || n.contains("within") {
        "15".into()
    } else if n.contains("email") {
        "someone@northshire.example".into()
    } else if n.contains("password") {
        "a long sample passphrase".into()
    } else if n == "slug" {
        "sample-body".into()
    } else if n == "short_name" {
        "SMP".into()
    } else {
        "Sample text for the contract test".into()
    }
}

/// The fields a browser would send for this form, pressing its first
/// submit button.
fn fields_of(form: ElementRef<'_>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut radios_done = BTreeSet::new();
    let mut pressed = false;
    for el in form.select(&sel("input, select, textarea, button")) {
        let v = el.value();
        let Some(name) = v.attr("name") else { continue };
        if v.attr("disabled").is_some() {
            continue;
        }
        let kind = v.attr("type").unwrap_or("text").to_ascii_lowercase();
        match (v.name(), kind.as_str()) {
            ("button", _) | ("input", "submit") => {
                if !pressed {
                    pressed = true;
                    out.push((name.into(), v.attr("value").unwrap_or_default().into()));
                }
            }
            ("input", "file") => {}
            ("input", "checkbox") => {
                if v.attr("checked").is_some() {
                    out.push((name.into(), v.attr("value").unwrap_or("on").into()));
                }
            }
            ("input", "radio") => {
                if radios_done.contains(name) {
                    continue;
                }
                // The checked one, or else the first.
                let group: Vec<ElementRef<'_>> = form
                    .select(&sel("input[type=radio]"))
                    .filter(|r| r.value().attr("name") == Some(name))
                    .collect();
                let chosen = group
                    .iter()
                    .find(|r| r.value().attr("checked").is_some())
                    .or(group.first());
                if let Some(r) = chosen {
                    out.push((name.into(), r.value().attr("value").unwrap_or("on").into()));
                }
                radios_done.insert(name.to_string());
            }
            ("select", _) => {
                let options: Vec<ElementRef<'_>> = el.select(&sel("option")).collect();
                let chosen = options
                    .iter()
                    .find(|o| o.value().attr("selected").is_some())
                    .filter(|o| !o.value().attr("value").unwrap_or_default().is_empty())
                    .or_else(|| {
                        options
                            .iter()
                            .find(|o| !o.value().attr("value").unwrap_or_default().is_empty())
                    });
                let value = chosen
                    .map(|o| o.value().attr("value").unwrap_or_default().to_string())
                    .unwrap_or_default();
                out.push((name.into(), value));
            }
            ("textarea", _) => {
                let text: String = el.text().collect();
                let value = if text.trim().is_empty() {
                    sample(name, "textarea")
                } else {
                    text
                };
                out.push((name.into(), value));
            }
            (_, "hidden") => out.push((name.into(), v.attr("value").unwrap_or_default().into())),
            _ => {
                let value = v.attr("value").unwrap_or_default();
                let value = if value.is_empty() {
                    sample(name, &kind)
                } else {
                    value.to_string()
                };
                out.push((name.into(), value));
            }
        }
    }
    out
}

/// Pages reachable by links from `/`, and the POST forms on them.
async fn crawl(app: &TestApp, client: &reqwest::Client, limit: usize) -> (usize, Vec<FormSeen>) {
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from(["/".to_string()]);
    let mut forms = Vec::new();
    let mut pages = 0;
    while let Some(path) = queue.pop_front() {
        if pages >= limit {
            break;
        }
        if !seen.insert(path.clone()) {
            continue;
        }
        let resp = client.get(app.url(&path)).send().await.expect("get");
        let html_page = resp
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|c| c.starts_with("text/html"));
        if !resp.status().is_success() || !html_page {
            continue;
        }
        pages += 1;
        let body = resp.text().await.expect("body");
        let doc = Html::parse_document(&body);
        for a in doc.select(&sel("a[href]")) {
            let href = a.value().attr("href").unwrap_or_default();
            let href = href.split('#').next().unwrap_or_default();
            let skip = !href.starts_with('/')
                || href.starts_with("//")
                || href.starts_with("/api/")
                || href.starts_with("/static/")
                || href.starts_with("/calendar/")
                || [".pdf", ".ics", ".csv", ".atom", ".xml"]
                    .iter()
                    .any(|e| href.contains(e))
                || href.contains("/download")
                || href.contains("/attachments/");
            if !skip && !seen.contains(href) {
                queue.push_back(href.to_string());
            }
        }
        for form in doc.select(&sel("form")) {
            let v = form.value();
            if !v
                .attr("method")
                .is_some_and(|m| m.eq_ignore_ascii_case("post"))
            {
                continue;
            }
            forms.push(FormSeen {
                page: path.clone(),
                action: v.attr("action").unwrap_or(&path).to_string(),
                multipart: v.attr("enctype").is_some_and(|e| e.contains("multipart")),
                fields: fields_of(form),
                texts: text_names(form),
            });
        }
    }
    (pages, forms)
}

#[tokio::test]
async fn every_form_on_every_page_is_read_whole_by_its_handler() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for (role, email) in ROLES {
        let app = TestApp::spawn_demo().await;
        let client = if email.is_empty() {
            app.browser()
        } else {
            app.login(email, quorate::demo::DEMO_PASSWORD).await
        };
        let (pages, forms) = crawl(&app, &client, 400).await;
        assert!(pages > 5, "{role}: only {pages} pages were reached");
        // Distinct (action, field names): the same form on many pages once.
        let mut distinct = BTreeSet::new();
        for f in forms {
            if f.multipart || f.action == "/logout" {
                continue;
            }
            let names: Vec<&str> = f.fields.iter().map(|(n, _)| n.as_str()).collect();
            let shape = format!("{}|{}", route_shape(&f.action), names.join(","));
            if !distinct.insert(shape) {
                continue;
            }
            let resp = client
                .post(app.url(&f.action))
                .header("Origin", &app.address)
                .form(&f.fields)
                .send()
                .await
                .expect("post");
            let status = resp.status().as_u16();
            let body = resp.text().await.unwrap_or_default();
            checked += 1;
            if body.contains("does not read") || body.contains("could not be read") || status >= 500
            {
                let why = Html::parse_document(&body)
                    .select(&sel("main"))
                    .next()
                    .map(|m| m.text().collect::<Vec<_>>().join(" "))
                    .unwrap_or_default();
                failures.push(format!(
                    "{role}: form on {} posting to {} answered {status}: {}",
                    f.page,
                    f.action,
                    why.split_whitespace().collect::<Vec<_>>().join(" ")
                ));
            }
        }
    }
    eprintln!("[form contract] {checked} distinct forms submitted as rendered");
    assert!(checked >= 20, "only {checked} forms were found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `/papers/0194…/edit` → `/papers/{id}/edit`, to count a form once.
fn route_shape(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            if seg.len() >= 32 && seg.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
                "{id}"
            } else {
                seg
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Text a person types into a field, marked so it can be found again.
fn marked(n: usize) -> String {
    format!("Typed-{n:03} text")
}

/// No form loses what was typed: every form on the demo's pages, as the
/// secretariat and the site administrator, has each of its text fields
/// filled with distinct text (which makes the dates and numbers in it
/// wrong); whenever the answer shows an error, it must show every piece of
/// that text again.
#[tokio::test]
async fn a_form_shown_again_with_errors_keeps_everything_typed() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for (role, email) in [
        ("secretariat", "sam.clarke@northshire.example"),
        ("admin", "admin@northshire.example"),
    ] {
        let app = TestApp::spawn_demo().await;
        let client = app.login(email, quorate::demo::DEMO_PASSWORD).await;
        let (_, forms) = crawl(&app, &client, 400).await;
        let mut distinct = BTreeSet::new();
        for f in forms {
            if f.multipart || f.action == "/logout" || f.action.ends_with("/cancel") {
                continue;
            }
            let names: Vec<&str> = f.fields.iter().map(|(n, _)| n.as_str()).collect();
            if !distinct.insert(format!("{}|{}", route_shape(&f.action), names.join(","))) {
                continue;
            }
            // Fill each text field the page rendered with its own marker.
            let texts = &f.texts;
            if texts.is_empty() {
                continue;
            }
            let mut typed = Vec::new();
            let fields: Vec<(String, String)> = f
                .fields
                .iter()
                .map(|(n, v)| {
                    if texts.contains(n) {
                        let m = marked(typed.len());
                        typed.push((n.clone(), m.clone()));
                        (n.clone(), m)
                    } else {
                        (n.clone(), v.clone())
                    }
                })
                .collect();
            let resp = client
                .post(app.url(&f.action))
                .header("Origin", &app.address)
                .form(&fields)
                .send()
                .await
                .expect("post");
            let status = resp.status().as_u16();
            let body = resp.text().await.unwrap_or_default();
            if status != 422 && !body.contains("There is a problem") {
                continue;
            }
            checked += 1;
            let lost: Vec<&str> = typed
                .iter()
                .filter(|(_, m)| !body.contains(m.as_str()))
                .map(|(n, _)| n.as_str())
                .collect();
            if !lost.is_empty() {
                let _ = std::fs::write(
                    std::env::temp_dir().join(format!(
                        "lost-{}.html",
                        route_shape(&f.action).replace('/', "_")
                    )),
                    &body,
                );
                failures.push(format!(
                    "{role}: the form on {} posting to {} showed an error and lost what was typed in {lost:?}",
                    f.page, f.action
                ));
            }
        }
    }
    eprintln!("[forms] {checked} forms shown again with errors, each checked for what was typed");
    assert!(checked >= 8, "only {checked} forms showed an error");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The names of the form's fields a person types text into.
fn text_names(form: ElementRef<'_>) -> BTreeSet<String> {
    form.select(&sel("input, textarea"))
        .filter(|el| {
            let v = el.value();
            v.name() == "textarea"
                || matches!(
                    v.attr("type").unwrap_or("text"),
                    "text" | "email" | "search" | "tel" | "url"
                )
        })
        .filter_map(|el| el.value().attr("name"))
        .filter(|name| *name != "csrf_token")
        .map(str::to_string)
        .collect()
}

/// The one form page no link leads to (an invitation, reached from its
/// email) is read whole too: posted back as rendered, it sets the password.
#[tokio::test]
async fn the_invitation_form_is_read_whole() {
    let app = TestApp::spawn().await;
    let (admin, token) = app.admin().await;
    let resp = app
        .post_json(
            "/api/v1/users",
            Some(&token),
            &serde_json::json!({"email": "new.member@test.example", "name": "New Member", "organisation_id": admin.organisation_id}),
        )
        .await;
    assert_eq!(resp.status(), 201);
    app.run_pending_jobs().await;
    let text = app.emails().last().map(|m| m.text()).unwrap_or_default();
    let link = crate::helpers::link_in(&text, &format!("{}/invitations/", app.address));
    let client = app.browser();
    let html = client
        .get(&link)
        .send()
        .await
        .expect("invitation page")
        .text()
        .await
        .unwrap_or_default();
    let doc = Html::parse_document(&html);
    let form = doc
        .select(&sel("form[method=post]"))
        .find(|f| f.value().attr("action") != Some("/logout"))
        .expect("the invitation form");
    let action = form.value().attr("action").unwrap_or(&link).to_string();
    let fields = fields_of(form);
    assert!(fields.iter().any(|(n, _)| n == "password"), "{fields:?}");
    let resp = client
        .post(if action.starts_with("http") {
            action.clone()
        } else {
            app.url(&action)
        })
        .header("Origin", &app.address)
        .form(&fields)
        .send()
        .await
        .expect("post");
    let status = resp.status().as_u16();
    let body = resp.text().await.unwrap_or_default();
    assert!(!body.contains("does not read"), "{body}");
    assert_eq!(status, 303, "the password is set and the person signed in");
}
