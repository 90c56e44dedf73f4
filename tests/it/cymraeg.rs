//! Welsh and English: the language a page is in, how people choose it, and
//! a Welsh journey through the public pages in a real browser that finds no
//! English interface words on them.

use std::collections::BTreeMap;

use crate::browser::{self, Browser, PHONE};
use crate::helpers::TestApp;
use quorate::demo::DEMO_PASSWORD;
use serde_json::{Value, json};

const MEMBER: &str = "priya.shah@ashby.example";

/// The `lang` of a page's `<html>`.
fn html_lang(page: &str) -> String {
    page.split("<html lang=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_string()
}

async fn text_of(request: reqwest::RequestBuilder) -> String {
    request
        .send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body")
}

async fn page(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String, String) {
    let resp = client.get(app.url(path)).send().await.expect("request");
    let status = resp.status().as_u16();
    let language = resp
        .headers()
        .get("content-language")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, language, resp.text().await.expect("body"))
}

#[tokio::test]
async fn a_welsh_address_serves_the_welsh_page_and_remembers_the_choice() {
    let app = TestApp::spawn_demo().await;
    let client = app.browser();
    let (status, language, body) = page(&client, &app, "/cy/").await;
    assert_eq!(status, 200);
    assert_eq!(language, "cy");
    assert_eq!(html_lang(&body), "cy");
    assert!(body.contains("Byrddau a phartneriaethau"), "{body}");
    assert!(!body.contains("Boards and partnerships"));
    // The two alternates, and the toggle back to English.
    assert!(body.contains(r#"hreflang="en-GB" href="/en""#), "{body}");
    assert!(body.contains(r#"hreflang="cy" href="/cy""#), "{body}");
    assert!(body.contains(">English</a>"), "{body}");

    // The page's own links carry no prefix: the cookie keeps them Welsh.
    let (_, language, body) = page(&client, &app, "/bodies/northshire-psb").await;
    assert_eq!(language, "cy");
    assert!(body.contains("Cyfarfodydd blaenorol"), "{body}");
    assert!(body.contains(">Cymraeg<") || body.contains(">English<"));

    // The English address switches back, and that sticks too.
    let (_, language, body) = page(&client, &app, "/en/bodies/northshire-psb").await;
    assert_eq!(language, "en-GB");
    assert!(body.contains("Past meetings"), "{body}");
    let (_, language, _) = page(&client, &app, "/").await;
    assert_eq!(language, "en-GB");
}

#[tokio::test]
async fn the_browser_s_language_is_the_first_guess_and_a_query_can_ask_for_welsh() {
    let app = TestApp::spawn_demo().await;
    let client = reqwest::Client::new();
    let welsh = text_of(
        client
            .get(app.url("/decisions"))
            .header("Accept-Language", "cy-GB,cy;q=0.9,en;q=0.5"),
    )
    .await;
    assert_eq!(html_lang(&welsh), "cy");
    assert!(welsh.contains("Cofrestr penderfyniadau"), "{welsh}");
    // The same page for someone whose browser asks for English, straight
    // after: not the Welsh page kept for the first.
    let english = text_of(
        client
            .get(app.url("/decisions"))
            .header("Accept-Language", "en-GB,en;q=0.9"),
    )
    .await;
    assert_eq!(html_lang(&english), "en-GB");
    assert!(english.contains("Decisions register"));
    let french = text_of(
        client
            .get(app.url("/decisions"))
            .header("Accept-Language", "fr-FR,fr;q=0.9"),
    )
    .await;
    assert_eq!(
        html_lang(&french),
        "en-GB",
        "English when neither is asked for"
    );
    let query = text_of(client.get(app.url("/decisions?lang=cy"))).await;
    assert_eq!(html_lang(&query), "cy");
}

#[tokio::test]
async fn a_published_agenda_is_kept_once_per_language() {
    let app = TestApp::spawn_demo().await;
    let english = reqwest::Client::new();
    let home = text_of(english.get(app.url("/bodies/northshire-psb"))).await;
    let agenda = home
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|h| h.contains("/agenda/versions/"))
        .expect("a published agenda")
        .to_string();
    for _ in 0..2 {
        let page = text_of(english.get(app.url(&agenda))).await;
        assert_eq!(html_lang(&page), "en-GB");
    }
    let welsh = app.browser();
    for _ in 0..2 {
        let page = text_of(welsh.get(app.url(&format!("/cy{agenda}")))).await;
        assert_eq!(html_lang(&page), "cy", "{page}");
        assert!(page.contains("Fersiwn"), "{page}");
        assert!(!page.contains("Print-friendly pack"), "{page}");
    }
}

#[tokio::test]
async fn an_unknown_language_or_page_is_not_found_never_an_error() {
    let app = TestApp::spawn_demo().await;
    let client = app.browser();
    for path in ["/fr/decisions", "/xx/", "/cy-xx/decisions", "/cyfarfodydd"] {
        let (status, _, _) = page(&client, &app, path).await;
        assert_eq!(status, 404, "{path}");
    }
    let (status, language, body) = page(&client, &app, "/cy/no-such-page").await;
    assert_eq!(status, 404);
    assert_eq!(language, "cy");
    assert!(body.contains("Heb ddod o hyd i&#39;r dudalen"), "{body}");
    // A language change only ever goes back to a page on this site.
    let (status, _, _) = page(&client, &app, "/cy//evil.example/").await;
    assert_ne!(status, 500);
}

/// Every English interface message whose Welsh differs, as the words that
/// would show if a page forgot to translate it: whole messages, and the
/// fixed parts (three words or more) of messages with arguments.
fn english_only_words() -> (Vec<String>, Vec<String>) {
    fn read(lang: &str) -> BTreeMap<String, String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        let mut out = BTreeMap::new();
        for entry in std::fs::read_dir(dir).expect("catalogue").flatten() {
            let text = std::fs::read_to_string(entry.path()).expect("file");
            for line in text.lines() {
                if line.starts_with(|c: char| c.is_ascii_lowercase())
                    && let Some((key, value)) = line.split_once(" = ")
                    && !value.trim().is_empty()
                {
                    out.insert(key.trim().to_string(), value.trim().to_string());
                }
            }
        }
        out
    }
    let (en, cy) = (read("en-GB"), read("cy"));
    let mut whole = Vec::new();
    let mut parts = Vec::new();
    for (key, english) in &en {
        if cy.get(key) == Some(english) {
            continue;
        }
        if english.contains('{') {
            for part in english.split(['{', '}']) {
                let part = part
                    .trim()
                    .trim_matches(|c: char| c.is_ascii_punctuation())
                    .trim();
                if part.split_whitespace().count() >= 3 && !part.contains('$') {
                    parts.push(part.to_string());
                }
            }
        } else {
            whole.push(english.clone());
        }
    }
    (whole, parts)
}

/// The product's name, the same in both languages (the English catalogue
/// also has "Quorate" as the record's word for a meeting with its quorum).
const PRODUCT: &str = "Quorate";

/// Panics if the page shows an English interface message.
async fn all_welsh(b: &Browser, what: &str) {
    let (whole, parts) = english_only_words();
    let texts = b
        .client
        .execute(
            r#"const out = [document.title];
               const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
               while (w.nextNode()) {
                 // Content declared English (an English working copy) is
                 // not interface.
                 const home = w.currentNode.parentElement && w.currentNode.parentElement.closest('[lang]');
                 if (home && home.lang.startsWith('en')) continue;
                 const t = w.currentNode.textContent.trim();
                 if (t) out.push(t);
               }
               for (const e of document.querySelectorAll('[aria-label],[placeholder],[title]')) {
                 for (const a of ['aria-label', 'placeholder', 'title']) {
                   if (e.getAttribute(a)) out.push(e.getAttribute(a));
                 }
               }
               return out;"#,
            vec![],
        )
        .await
        .expect("page text");
    let texts: Vec<String> = texts
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let lang = b
        .client
        .execute("return document.documentElement.lang", vec![])
        .await
        .expect("lang");
    assert_eq!(lang.as_str(), Some("cy"), "{what}: <html lang>");
    let mut english = Vec::new();
    for t in &texts {
        if t == PRODUCT {
            continue;
        }
        if whole.iter().any(|w| w == t) || parts.iter().any(|p| t.contains(p.as_str())) {
            english.push(t.clone());
        }
    }
    assert!(
        english.is_empty(),
        "{what} ({}): English interface words on a Welsh page: {english:?}",
        b.path().await
    );
}

/// A member of the public reads the Board's pages in Welsh on a phone,
/// from the toggle on the home page, and switches back to English.
#[tokio::test]
async fn the_public_reads_the_board_in_welsh_on_a_phone() {
    if !browser::available() {
        return;
    }
    let app = TestApp::spawn_demo().await;
    let b = Browser::open(&app.address, "cymraeg", PHONE).await;
    b.run(|mut b| async move {
        b.goto("/").await;
        b.click_link("Cymraeg").await;
        b.wait_to_see("Byrddau a phartneriaethau").await;
        assert!(b.path().await.starts_with("/cy"), "{}", b.path().await);
        all_welsh(&b, "home").await;
        b.check_page("Welsh home, phone").await;

        b.click_link("Northshire Public Service Board").await;
        b.wait_to_see("Cyfarfodydd blaenorol").await;
        b.sees("Cadeirydd").await;
        b.sees("Bwrdd").await;
        all_welsh(&b, "body page").await;

        let past = b
            .client
            .find(fantoccini::Locator::XPath(
                "//table[.//caption[starts-with(normalize-space(.), 'Cyfarfodydd blaenorol')]]//tbody//a",
            ))
            .await
            .expect("a past meeting");
        past.click().await.expect("open the past meeting");
        b.wait_to_see("Penderfyniadau a wnaed").await;
        b.sees("Hydref 2026").await;
        all_welsh(&b, "past meeting").await;
        b.check_page("Welsh past meeting, phone").await;

        b.click_link("Tudalen yr agenda").await;
        b.wait_to_see("Fersiwn").await;
        all_welsh(&b, "published agenda").await;
        b.click_link("Memory cafés").await;
        b.wait_to_see("Penderfynwyd yn y cyfarfod").await;
        all_welsh(&b, "published paper").await;

        b.click_link("Cofrestr penderfyniadau").await;
        b.wait_to_see("Cyfeirnod").await;
        all_welsh(&b, "decisions register").await;

        b.fill("Chwilio papurau, penderfyniadau a chamau gweithredu", "memory")
            .await;
        b.click_button("Chwilio").await;
        b.wait_to_see("Canlyniadau").await;
        all_welsh(&b, "search").await;

        b.goto("/bodies/northshire-psb").await;
        b.click_link("Blaenraglen: beth fydd y cyfarfodydd nesaf yn ei drafod")
            .await;
        b.wait_to_see("Penderfyniad allweddol").await;
        all_welsh(&b, "forward plan").await;

        b.goto("/").await;
        b.click_link("Yr hyn a gyflawnwyd gennym").await;
        b.wait_to_see("Agreed the joint winter plan").await;
        all_welsh(&b, "what we achieved").await;

        b.click_link("Hygyrchedd").await;
        b.wait_to_see("Datganiad hygyrchedd").await;

        b.goto("/no-such-page").await;
        b.wait_to_see("Heb ddod o hyd i'r dudalen").await;
        all_welsh(&b, "page not found").await;

        // Back to English, which sticks.
        b.goto("/").await;
        b.click_link("English").await;
        b.wait_to_see("Boards and partnerships").await;
        b.goto("/decisions").await;
        b.wait_to_see("Decisions register").await;
        b
    })
    .await;
    drop(app);
}

/// A member chooses Welsh with the toggle while signed in; it is kept in
/// their profile and follows them to another browser.
#[tokio::test]
async fn a_member_s_choice_of_welsh_follows_them_to_another_browser() {
    if !browser::available() {
        return;
    }
    let app = TestApp::spawn_demo().await;
    let b = Browser::open(&app.address, "cymraeg-member", PHONE).await;
    let address = app.address.clone();
    b.run(|b| async move {
        b.sign_in(MEMBER, DEMO_PASSWORD).await;
        b.goto("/decisions").await;
        b.wait_to_see("Decisions register").await;
        b.click_button("Cymraeg").await;
        b.wait_to_see("Cofrestr penderfyniadau").await;
        assert_eq!(b.path().await, "/decisions", "back on the same page");
        b
    })
    .await;
    // Another browser, with no cookie yet: signing in brings the choice.
    let other = Browser::open(&address, "cymraeg-member-2", PHONE).await;
    other
        .run(|b| async move {
            b.sign_in(MEMBER, DEMO_PASSWORD).await;
            b.goto("/decisions").await;
            b.wait_to_see("Cofrestr penderfyniadau").await;
            b.sees("Allgofnodi").await;
            b.click_button("English").await;
            b.wait_to_see("Decisions register").await;
            b
        })
        .await;
    drop(app);
}

/// What a request writes is kept and sent in English (until content and
/// mail are bilingual), even when the person asking reads in Welsh: the
/// clerk cancels in Welsh, and the author is told the meeting's date in
/// English.
#[tokio::test]
async fn a_clerk_cancelling_in_welsh_sends_the_author_english_mail() {
    use crate::builders::{accepted_paper, board, complete};
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    accepted_paper(&app, &b, complete(&b)).await;
    let resp = app
        .api
        .post(app.url(&format!("/api/v1/meetings/{}/cancel", b.meeting)))
        .header("Accept-Language", "cy")
        .bearer_auth(&b.clerk)
        .json(&serde_json::json!({"reason": "The hall is flooded"}))
        .send()
        .await
        .expect("cancel");
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    app.run_pending_jobs().await;
    let told: Vec<String> = app
        .emails()
        .iter()
        .map(|m| m.text())
        .filter(|t| t.contains("The hall is flooded"))
        .collect();
    assert!(!told.is_empty(), "the author is told");
    for text in &told {
        assert!(text.contains("January 2027"), "{text}");
        assert!(!text.contains("Ionawr"), "{text}");
    }
}

/// An author writes in Welsh: their papers, the paper form and the check
/// before submitting show no English interface words.
#[tokio::test]
async fn an_author_works_on_a_paper_in_welsh() {
    if !browser::available() {
        return;
    }
    let app = TestApp::spawn_demo().await;
    let b = Browser::open(&app.address, "cymraeg-author", PHONE).await;
    b.run(|b| async move {
        b.sign_in("amira.khan@chamber.northshire.example", DEMO_PASSWORD)
            .await;
        b.goto("/").await;
        b.click_button("Cymraeg").await;
        b.wait_to_see("Allgofnodi").await;
        b.click_link("Eich papurau").await;
        b.wait_to_see("Y cam nesaf").await;
        all_welsh(&b, "your papers").await;
        b.goto("/my/papers").await;
        let draft = b
            .client
            .execute(
                "return [...document.querySelectorAll('main a[href^=\"/papers/\"]')].map(a => a.getAttribute('href'))[0]",
                vec![],
            )
            .await
            .expect("a paper link");
        let draft = draft.as_str().unwrap_or_default().to_string();
        b.goto(&format!("{draft}/edit")).await;
        b.wait_to_see("Ysgrifennu eich papur").await;
        all_welsh(&b, "the paper form").await;
        b.click_button("Cadw a gwirio cyn cyflwyno").await;
        b.wait_to_see("Gwiriwch eich papur cyn i chi ei gyflwyno").await;
        // What the briefing requirements ask for, in Welsh too.
        b.sees("Rhowch ddiben y papur.").await;
        all_welsh(&b, "the check before submitting").await;
        b.screenshot("cymraeg-author-check-phone").await;
        b
    })
    .await;
}

/// A member who asks for a new password on the Welsh sign-in page is
/// written to in Welsh, and the problems with the password they choose are
/// told in Welsh, though the transaction that finds them writes English.
#[tokio::test]
async fn a_member_resets_their_password_in_welsh() {
    if !browser::available() {
        return;
    }
    let app = TestApp::spawn().await;
    crate::builders::board(&app).await;
    let member = "member@police.example";
    let inbox = app.smtp.clone();
    let state = app.state.clone();
    let page = Browser::open(&app.address, "cymraeg-reset", PHONE).await;
    page.run(|b| async move {
        b.goto("/cy/login").await;
        b.click_link("Wedi anghofio eich cyfrinair?").await;
        b.fill("Cyfeiriad e-bost", member).await;
        b.click_button("Anfonwch ddolen ataf").await;
        b.wait_to_see("Gwiriwch eich e-bost").await;

        quorate::jobs::run_once(&state).await.expect("mail worker");
        let mail = inbox
            .received()
            .into_iter()
            .find(|m| m.to == [member] && m.text().contains("/password-reset/"))
            .expect("the reset mail");
        let text = mail.text();
        assert!(text.contains("Annwyl"), "{text}");
        assert!(text.contains("dewiswch gyfrinair newydd yma"), "{text}");
        assert!(!text.contains("Dear"), "in Welsh only: {text}");
        let link = crate::helpers::link_in(&text, "http");
        let path = link
            .find("/password-reset/")
            .map(|at| link[at..].to_string())
            .expect("the link's path");

        b.goto(&format!("/cy{path}")).await;
        b.fill("Cyfrinair newydd", "byr").await;
        b.fill("Teipiwch y cyfrinair newydd eto", "byr").await;
        b.click_button("Cadw'r cyfrinair a mewngofnodi").await;
        b.wait_to_see("Rhaid i'ch cyfrinair fod o leiaf 12 nod o hyd.")
            .await;
        b.fill("Cyfrinair newydd", "barcud dôl copr glaw").await;
        b.fill("Teipiwch y cyfrinair newydd eto", "barcud dôl copr glaw")
            .await;
        b.click_button("Cadw'r cyfrinair a mewngofnodi").await;
        b.wait_to_see("Mae eich cyfrinair newydd wedi'i gadw ac rydych wedi mewngofnodi")
            .await;
        b.goto("/en/").await;
        b.sign_out().await;
        b.sign_in(member, "barcud dôl copr glaw").await;
        b
    })
    .await;
}

/// The Welsh PSB's clerk works in Welsh: the pages of the secretariat's week
/// (home, agenda builder, meeting record, minutes, tracker, an action, their
/// own actions, follow-through, account, import, admin and managing the
/// body) show no English interface words.
#[tokio::test]
async fn the_welsh_clerk_s_week_is_in_welsh() {
    if !browser::available() {
        return;
    }
    let app = TestApp::spawn_demo().await;
    let now = app.state.clock.now_naive();
    let (next, past, action) = app
        .state
        .db(move |c| {
            let body =
                quorate::db::bodies::find_by_slug(c, "dyffryn-tawel-psb")?.expect("the Welsh PSB");
            let all = quorate::db::meetings::of_body(c, &body.id)?;
            let next = all.iter().find(|m| m.starts_at > now).map(|m| m.id.clone());
            let past = all
                .iter()
                .rev()
                .find(|m| m.ends_at < now)
                .map(|m| m.id.clone());
            let action = quorate::db::actions::search(
                c,
                // The Welsh PSB has none yet: any public action will do.
                &quorate::db::actions::ActionFilter {
                    exempt: quorate::db::ExemptScope::None,
                    limit: 1,
                    ..Default::default()
                },
            )?
            .into_iter()
            .next()
            .map(|a| a.id);
            Ok((next, past, action))
        })
        .await
        .expect("the demo's meetings");
    let next = next.expect("a meeting to come");
    let past = past.expect("a meeting held");
    let action = action.expect("an action arising");
    // What the public reads of the held meeting: the standard items and
    // the exempt paragraph (the Welsh Order's own words) in Welsh.
    let agenda = text_of(
        app.api
            .get(app.url(&format!("/cy/meetings/{past}/agenda/versions/1"))),
    )
    .await;
    for welsh in [
        "Datgan buddiannau",
        "Gwahardd y wasg a&#39;r cyhoedd",
        "Gwybodaeth yn ymwneud â materion ariannol neu fusnes unrhyw berson penodol",
    ] {
        assert!(agenda.contains(welsh), "{welsh}: {agenda}");
    }
    assert!(!agenda.contains("Information relating to the financial"));
    // The page saying why an item is withheld reads in Welsh too.
    let item = crate::helpers::link_in(&agenda, "/agenda/versions/1/restricted/")
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let why = text_of(app.api.get(app.url(&format!(
        "/cy/meetings/{past}/agenda/versions/1/restricted/{item}"
    ))))
    .await;
    assert!(
        why.contains("Fersiwn 1 o&#39;r agenda") || why.contains("Fersiwn 1 o'r agenda"),
        "{why}"
    );
    assert!(!why.contains("Agenda version"), "{why}");
    let b = Browser::open(&app.address, "cymraeg-clerk", PHONE).await;
    b.run(|b| async move {
        b.sign_in("sian.morgan@dyffryntawel.example", DEMO_PASSWORD)
            .await;
        let mut pages = vec![
            ("home".to_string(), "/cy/".to_string()),
            (
                "agenda builder".into(),
                format!("/cy/meetings/{next}/agenda"),
            ),
            ("tracker".into(), "/cy/actions".into()),
            ("your actions".into(), "/cy/my/actions".into()),
            (
                "follow-through".into(),
                "/cy/bodies/dyffryn-tawel-psb/follow-through".into(),
            ),
            ("account".into(), "/cy/account".into()),
            (
                "import".into(),
                "/cy/bodies/dyffryn-tawel-psb/actions/import".into(),
            ),
            ("translation queue".into(), "/cy/translations".into()),
            ("admin".into(), "/cy/admin".into()),
            (
                "managing the body".into(),
                "/cy/admin/bodies/dyffryn-tawel-psb".into(),
            ),
        ];
        pages.push((
            "meeting record".into(),
            format!("/cy/meetings/{past}/record"),
        ));
        pages.push(("minutes".into(), format!("/cy/meetings/{past}/minutes")));
        pages.push(("an action".into(), format!("/cy/actions/{action}")));
        for (what, path) in pages {
            b.goto(&path).await;
            all_welsh(&b, &what).await;
        }
        b.screenshot("cymraeg-clerk-builder-phone").await;
        // What she typed wrong is told in Welsh, field by field.
        b.goto("/cy/admin/bodies/dyffryn-tawel-psb").await;
        b.fill("Yn dechrau am (amser Llundain)", "25:99").await;
        b.click_button("Trefnu'r cyfarfod").await;
        b.wait_to_see("Rhowch yr amser dechrau fel 14:00.").await;
        b.sees("Rhowch ble cynhelir y cyfarfod.").await;
        all_welsh(&b, "a meeting scheduled with mistakes").await;
        b.screenshot("cymraeg-clerk-meeting-errors-phone").await;
        b.goto(&format!("/cy/meetings/{next}/agenda")).await;
        b.click_button("Ychwanegu'r eitem").await;
        b.wait_to_see("Rhowch deitl.").await;
        b.sees("Dywedwch pam nad oes papur").await;
        all_welsh(&b, "a verbal item added with nothing filled in").await;
        b
    })
    .await;
}

/// The site administrator's pages read in Welsh too: organisations, people,
/// bodies, bank holidays and the audit log show no English interface words
/// (the audit log's entries are records, kept as written).
#[tokio::test]
async fn the_site_administrator_s_pages_are_in_welsh() {
    if !browser::available() {
        return;
    }
    let app = TestApp::spawn_demo().await;
    let b = Browser::open(&app.address, "cymraeg-admin", PHONE).await;
    b.run(|b| async move {
        b.sign_in("admin@northshire.example", DEMO_PASSWORD).await;
        for (what, path) in [
            ("admin", "/cy/admin"),
            ("organisations", "/cy/admin/organisations"),
            ("people", "/cy/admin/users"),
            ("bodies", "/cy/admin/bodies"),
            ("bank holidays", "/cy/admin/holidays"),
            ("audit log", "/cy/admin/audit"),
        ] {
            b.goto(path).await;
            all_welsh(&b, what).await;
        }
        b
    })
    .await;
}

/// English words that no Welsh sentence here uses: a problem that holds
/// one was not translated.
const ENGLISH_WORDS: [&str; 21] = [
    "the", "must", "enter", "choose", "cannot", "only", "has", "have", "this", "that", "with",
    "there", "could", "give", "be", "is", "are", "most", "can", "not", "no",
];

fn english_words_in(message: &str) -> Vec<String> {
    message
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| ENGLISH_WORDS.contains(&w.as_str()))
        .collect()
}

/// Someone using the API in Welsh (`Accept-Language: cy`) who sends what
/// breaks the rules is told every problem in Welsh: missing and malformed
/// fields, control characters, text too long, unknown choices, a bad
/// query, the wrong content type. The same requests in English are told
/// in English (so the check can tell the two apart).
#[tokio::test]
async fn problems_with_what_was_sent_are_told_in_welsh() {
    let app = TestApp::spawn().await;
    let b = crate::builders::board(&app).await;
    let m = b.meeting.clone();
    let long = "x".repeat(10_001);
    let too_many: Vec<String> = (0..21).map(|i| format!("Recommendation {i}")).collect();
    let cases: Vec<(&str, String, &str, Value)> = vec![
        (
            "POST",
            "/api/v1/bodies/psb/meetings".into(),
            &b.clerk,
            json!({"location": "Neuadd\u{7}y Sir"}),
        ),
        (
            "POST",
            "/api/v1/bodies/psb/meetings".into(),
            &b.clerk,
            json!({"starts_at": "soon", "ends_at": "2200-01-01T10:00:00Z", "location": "Neuadd"}),
        ),
        (
            "POST",
            format!("/api/v1/meetings/{m}/papers"),
            &b.author,
            json!({"title": " ", "purpose": long, "item_type": "vote", "minutes_allocated": 999, "recommendations": too_many}),
        ),
        (
            "POST",
            "/api/v1/bodies".into(),
            &b.admin,
            json!({"name": "", "slug": "Bad Slug", "kind": "club"}),
        ),
        (
            "POST",
            "/api/v1/organisations".into(),
            &b.admin,
            json!({"name": ""}),
        ),
        (
            "POST",
            "/api/v1/users".into(),
            &b.admin,
            json!({"name": "", "email": "not-an-email"}),
        ),
        (
            "POST",
            "/api/v1/bodies/psb/priorities".into(),
            &b.clerk,
            json!({"title": "Line\nbreak"}),
        ),
        (
            "POST",
            "/api/v1/actions".into(),
            &b.clerk,
            json!({"description": "", "due_on": "someday"}),
        ),
        (
            "POST",
            format!("/api/v1/meetings/{m}/proposals"),
            &b.member,
            json!({"title": ""}),
        ),
        (
            "POST",
            format!("/api/v1/meetings/{m}/agenda/items"),
            &b.clerk,
            json!({"title": "", "item_type": "vote"}),
        ),
        (
            "POST",
            format!("/api/v1/meetings/{m}/cancel"),
            &b.clerk,
            json!({"reason": ""}),
        ),
        (
            "GET",
            "/api/v1/search?q=clubs&kind=poems".into(),
            &b.clerk,
            Value::Null,
        ),
        (
            "GET",
            "/api/v1/decisions?limit=0".into(),
            &b.clerk,
            Value::Null,
        ),
    ];
    let client = reqwest::Client::new();
    for lang in ["cy", "en-GB"] {
        for (method, path, token, body) in &cases {
            let mut req = client
                .request(method.parse().expect("a method"), app.url(path))
                .bearer_auth(token)
                .header("Accept-Language", lang);
            if !body.is_null() {
                req = req.json(body);
            }
            let resp = req.send().await.expect("an answer");
            let status = resp.status().as_u16();
            assert!((400..500).contains(&status), "{method} {path}: {status}");
            let problem: Value = resp.json().await.expect("problem details");
            let mut said: Vec<String> = problem["errors"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|e| e["message"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            said.push(problem["detail"].as_str().unwrap_or_default().to_string());
            assert!(
                said.len() > 1 || status == 400,
                "{method} {path}: {problem}"
            );
            for message in said {
                let english = english_words_in(&message);
                if lang == "cy" {
                    assert!(
                        english.is_empty(),
                        "{method} {path}: English {english:?} in {message:?}"
                    );
                } else {
                    assert!(
                        !english.is_empty(),
                        "{method} {path}: no English word in {message:?}"
                    );
                }
            }
        }
    }
    // A form that breaks every rule of the cover sheet names each field.
    let resp = client
        .post(app.url(&format!("/api/v1/meetings/{m}/papers")))
        .bearer_auth(&b.author)
        .header("Accept-Language", "cy")
        .json(&json!({"title": "", "purpose": "x".repeat(10_001)}))
        .send()
        .await
        .expect("an answer");
    let problem: Value = resp.json().await.expect("problem details");
    let text = problem.to_string();
    assert!(text.contains("Rhowch deitl."), "{text}");
    assert!(
        text.contains("Diben: 10001 o nodau; gall drafft ddal 10000 ar y mwyaf."),
        "{text}"
    );
}
