//! The board pack PDF, read back with real PDF parsers (lopdf for pages and
//! the outline, pdf-extract for text): pages,
//! bookmarks, page numbers that match the agenda, Typst syntax in a paper
//! kept as text, and no exempt material in the public pack.

use serde_json::json;

use crate::builders::{accepted_paper, board, complete, post, published_agenda};
use crate::helpers::{NaiveNow, PASSWORD, TestApp};

pub(crate) struct Pdf {
    pub(crate) pages: Vec<String>,
    /// (level, title, page number from 1)
    outline: Vec<(usize, String, usize)>,
}

pub(crate) fn read_pdf(bytes: &[u8]) -> Pdf {
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    let doc = lopdf::Document::load_mem(bytes).expect("a PDF lopdf can read");
    // pdf-extract reads the Unicode maps of typst's embedded fonts.
    let pages = pdf_extract::extract_text_from_mem_by_pages(bytes).expect("text of every page");
    assert_eq!(pages.len(), doc.get_pages().len());
    let outline = doc
        .get_toc()
        .map(|t| {
            t.toc
                .into_iter()
                .map(|e| (e.level, e.title, e.page))
                .collect()
        })
        .unwrap_or_default();
    Pdf { pages, outline }
}

/// Text with its line breaks and runs of spaces folded, for searching.
pub(crate) fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test]
async fn the_pack_pdf_has_an_outline_and_page_numbers_that_match_its_agenda() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    accepted_paper(&app, &b, complete(&b)).await;
    let mut tricky = complete(&b);
    tricky["title"] = json!("Typst in a paper");
    tricky["body_markdown"] = json!(
        "## Code that must stay text\n\nThis paper says #read(\"/etc/passwd\") and #import \"@preview/evil:1.0.0\": * and $x^2$ and <label> and @ref and // not a comment and /* nor this */ here.\n\n### Figures\n\n| Year | Cost |\n|---|--:|\n| 2026 | £5 |\n"
    );
    accepted_paper(&app, &b, tricky).await;
    let mut secret = complete(&b);
    secret["title"] = json!("Confidential tender ZQXPACK");
    secret["exempt_category"] = json!(3);
    secret["exempt_reason"] = json!("Commercial prices");
    accepted_paper(&app, &b, secret).await;
    published_agenda(&app, &b).await;

    let member = app.login("member@police.example", PASSWORD).await;
    let resp = member
        .get(app.url(&format!("/meetings/{}/members-pack.pdf", b.meeting)))
        .send()
        .await
        .expect("pack");
    if resp.status() != 200 {
        panic!(
            "pack: {} {}",
            resp.status(),
            resp.text().await.unwrap_or_default()
        );
    }
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    // A shared browser keeps no copy of the members' pack.
    assert_eq!(resp.headers()["cache-control"], "private, no-store");
    assert_eq!(resp.headers()["vary"], "Cookie");
    let etag = resp.headers()["etag"]
        .to_str()
        .unwrap_or_default()
        .to_string();
    let raw = resp.bytes().await.unwrap_or_default();
    if let Ok(dir) = std::env::var("QUORATE_KEEP_PACK") {
        let _ = std::fs::write(format!("{dir}/member-pack.pdf"), &raw);
    }
    let pdf = read_pdf(&raw);
    // Cover, agenda, briefing, three papers.
    assert!(pdf.pages.len() >= 6, "{} pages", pdf.pages.len());
    let titles: Vec<&str> = pdf.outline.iter().map(|(_, t, _)| t.as_str()).collect();
    assert!(titles.contains(&"Agenda"), "{titles:?}");
    assert!(
        titles.contains(&"Members' briefing") || titles.contains(&"Members’ briefing"),
        "{titles:?}"
    );
    // One bookmark per agenda item (9 here), in agenda order.
    let numbered: Vec<usize> = pdf
        .outline
        .iter()
        .filter_map(|(_, t, _)| t.split_once(". ").and_then(|(n, _)| n.parse().ok()))
        .collect();
    assert_eq!(numbered.len(), 9, "{titles:?}");
    assert_eq!(
        titles
            .iter()
            .filter(|t| t.starts_with("Briefing on item"))
            .count(),
        3,
        "{titles:?}"
    );
    let items_only: Vec<usize> = pdf
        .outline
        .iter()
        .filter(|(level, _, _)| *level == pdf.outline[0].0)
        .filter_map(|(_, t, _)| t.split_once(". ").and_then(|(n, _)| n.parse().ok()))
        .collect();
    assert_eq!(items_only, (1..=9).collect::<Vec<usize>>(), "{titles:?}");
    let item = pdf
        .outline
        .iter()
        .find(|(_, t, _)| t == "5. Youth clubs in Ashby")
        .cloned()
        .expect("a bookmark for the first paper");
    // The bookmark's page holds the paper, and the agenda gives that page.
    let page_text = flat(&pdf.pages[item.2 - 1]);
    assert!(page_text.contains("Youth clubs in Ashby"), "{page_text}");
    assert!(
        page_text.contains("To agree funding for two youth clubs."),
        "{page_text}"
    );
    let agenda_page = pdf
        .outline
        .iter()
        .find(|(_, t, _)| t == "Agenda")
        .map(|(_, _, p)| flat(&pdf.pages[p - 1]))
        .unwrap_or_default();
    // The agenda row: "5 Youth clubs in Ashby … 15 4" (minutes, then page).
    let row = agenda_page
        .split("Youth clubs in Ashby")
        .nth(1)
        .and_then(|rest| rest.split("Typst in a paper").next())
        .unwrap_or_default();
    // Minutes 15, then the page, then the next item's number (6).
    assert!(
        flat(row).ends_with(&format!("For decision 15 {} 6", item.2)),
        "the agenda gives the page the bookmark points to ({}): {agenda_page}",
        item.2
    );
    // Typst syntax in the paper is text, not code.
    let tricky_page = pdf
        .outline
        .iter()
        .find(|(_, t, _)| t == "6. Typst in a paper")
        .map(|(_, _, p)| flat(&pdf.pages[p - 1..].join(" ")))
        .unwrap_or_default();
    for literal in [
        "#read(",
        "/etc/passwd",
        "#import",
        "$x^2$",
        "<label>",
        "@ref",
        "// not a comment",
        "/* nor this */",
    ] {
        assert!(
            tricky_page.contains(literal),
            "{literal} missing from: {tricky_page}"
        );
    }
    // Members see the exempt paper; the public pack withholds it.
    assert!(titles.iter().any(|t| t.contains("ZQXPACK")), "{titles:?}");
    // The public pack has its own address, and a member asking for it gets
    // the public copy too: a cache can never swap one for the other.
    for who in [&app.api, &member] {
        let resp = who
            .get(app.url(&format!("/meetings/{}/pack.pdf", b.meeting)))
            .send()
            .await
            .expect("public pack");
        assert_eq!(resp.status(), 200);
        assert_eq!(resp.headers()["cache-control"], "public, max-age=300");
        let pdf = read_pdf(&resp.bytes().await.unwrap_or_default());
        assert!(!pdf.pages.join(" ").contains("ZQXPACK"));
    }
    // The public, and a signed-in person with no role in the body, never
    // get the members' pack.
    let resp = app
        .api
        .get(app.url(&format!("/meetings/{}/members-pack.pdf", b.meeting)))
        .send()
        .await
        .expect("members' pack");
    assert_eq!(resp.status(), 303, "the public is asked to sign in");
    app.create_user("no-role@police.example", &b.police, false)
        .await;
    let outsider = app.login("no-role@police.example", PASSWORD).await;
    for path in [
        "members-pack.pdf",
        "members-pack",
        "agenda/versions/1/members-pack.pdf",
    ] {
        let resp = outsider
            .get(app.url(&format!("/meetings/{}/{path}", b.meeting)))
            .send()
            .await
            .expect("members' pack");
        assert_eq!(resp.status(), 404, "{path}");
    }
    // An officer of the body gets the members' copy without exempt papers.
    let officer = app.login("officer@police.example", PASSWORD).await;
    let resp = officer
        .get(app.url(&format!("/meetings/{}/members-pack.pdf", b.meeting)))
        .send()
        .await
        .expect("members' pack");
    assert_eq!(resp.status(), 200);
    let pdf = read_pdf(&resp.bytes().await.unwrap_or_default());
    assert!(
        !pdf.pages.join(" ").contains("ZQXPACK"),
        "officers never see exempt papers"
    );
    let public = app
        .api
        .get(app.url(&format!("/meetings/{}/pack.pdf", b.meeting)))
        .send()
        .await
        .expect("public pack");
    assert_eq!(public.status(), 200);
    let public = read_pdf(&public.bytes().await.unwrap_or_default());
    let all = public.pages.join(" ")
        + &public
            .outline
            .iter()
            .map(|o| o.1.clone())
            .collect::<Vec<_>>()
            .join(" ");
    assert!(!all.contains("ZQXPACK"), "exempt title in the public pack");
    assert!(
        flat(&all).contains("Exempt item"),
        "the neutral title is shown"
    );
    // Each published paper is also a download of its own.
    let paper_page = format!("/meetings/{}/agenda/versions/1/papers/", b.meeting);
    let html = app
        .api
        .get(app.url(&format!("/meetings/{}/agenda/versions/1", b.meeting)))
        .send()
        .await
        .expect("agenda")
        .text()
        .await
        .unwrap_or_default();
    let start = html.find(&paper_page).expect("a paper link") + paper_page.len();
    let paper_id: String = html[start..].chars().take_while(|c| *c != '"').collect();
    let one = app
        .api
        .get(app.url(&format!("{paper_page}{paper_id}.pdf")))
        .send()
        .await
        .expect("paper pdf");
    assert_eq!(one.status(), 200);
    assert!(
        one.headers()["content-disposition"]
            .to_str()
            .unwrap_or_default()
            .starts_with("attachment")
    );
    let one = read_pdf(&one.bytes().await.unwrap_or_default());
    assert!(
        flat(&one.pages.join(" ")).contains("Cover sheet"),
        "the paper with its cover sheet"
    );
    // Made once, then served from the file; a repeat is 304.
    let again = member
        .get(app.url(&format!("/meetings/{}/members-pack.pdf", b.meeting)))
        .header("If-None-Match", etag)
        .send()
        .await
        .expect("again");
    assert_eq!(again.status(), 304);
}

#[tokio::test]
async fn a_pack_that_fails_does_not_block_publication_and_is_retried() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    accepted_paper(&app, &b, complete(&b)).await;
    // Something in the way of the packs folder: every pack fails.
    let blocker = app.dir.path().join("packs");
    std::fs::write(&blocker, b"not a folder").expect("blocker");
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/publish", b.meeting),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200, "publishing does not wait for the pack");
    let made = quorate::services::packs::make_missing(&app.state, 2)
        .await
        .expect("worker step");
    assert_eq!(made, 0);
    let clerk = app.login("clerk@test.example", PASSWORD).await;
    let builder = format!("/meetings/{}/agenda", b.meeting);
    let html = clerk
        .get(app.url(&builder))
        .send()
        .await
        .expect("builder")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains("could not be made"),
        "the failure is shown to the secretariat"
    );
    assert!(html.contains("retried automatically"));
    // The next worker pass succeeds once the folder can be made.
    std::fs::remove_file(&blocker).expect("remove blocker");
    let made = quorate::services::packs::make_missing(&app.state, 2)
        .await
        .expect("worker step");
    assert_eq!(made, 2, "members' and public packs");
    let html = clerk
        .get(app.url(&builder))
        .send()
        .await
        .expect("builder")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains("Board pack for members: ready")
            && html.contains("Board pack for the public: ready"),
        "{html}"
    );
}

/// A report nested far deeper than anyone writes (it once broke the pack
/// for everyone after publication, with the version frozen) is accepted,
/// and the published pack still typesets.
#[tokio::test]
async fn a_deeply_nested_report_cannot_break_the_pack() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let mut paper = complete(&b);
    let quotes = format!("{}Twenty quotes deep.", "> ".repeat(20));
    let lists: String = (0..45)
        .map(|level| format!("{}- level {level}\n", "  ".repeat(level)))
        .collect();
    paper["body_markdown"] = json!(format!("{quotes}\n\n{lists}"));
    accepted_paper(&app, &b, paper).await;
    published_agenda(&app, &b).await;
    let resp = app
        .api
        .get(app.url(&format!("/meetings/{}/pack.pdf", b.meeting)))
        .send()
        .await
        .expect("pack");
    assert_eq!(resp.status(), 200, "the pack typesets");
    let pdf = read_pdf(&resp.bytes().await.unwrap_or_default());
    assert!(flat(&pdf.pages.join(" ")).contains("Twenty quotes deep."));
}

/// The briefing labels what each item asks of members: a decision item's
/// recommendations are the decision asked for; a discussion item's are
/// recommendations. The PDF names the presenter once ("Presented by"), not
/// "Presenter: Presented by …".
#[tokio::test]
async fn the_briefing_says_what_each_item_asks_for_on_the_page_and_in_the_pdf() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    accepted_paper(&app, &b, complete(&b)).await;
    let mut talk = complete(&b);
    talk["title"] = json!("Night-time safety in Ashby");
    talk["item_type"] = json!("discussion");
    talk["recommendations"] = json!(["Discuss the three options and advise which to develop."]);
    accepted_paper(&app, &b, talk).await;
    published_agenda(&app, &b).await;
    let member = app.login("member@police.example", PASSWORD).await;

    let html = member
        .get(app.url(&format!(
            "/meetings/{}/agenda/versions/1/briefing",
            b.meeting
        )))
        .send()
        .await
        .expect("briefing")
        .text()
        .await
        .unwrap_or_default();
    let doc = scraper::Html::parse_document(&html);
    let section = scraper::Selector::parse("section.brief").expect("selector");
    let heading = scraper::Selector::parse("h2").expect("selector");
    let term = scraper::Selector::parse("dt").expect("selector");
    let labels = |title: &str| -> Vec<String> {
        doc.select(&section)
            .find(|s| {
                s.select(&heading)
                    .next()
                    .is_some_and(|h| h.text().collect::<String>().contains(title))
            })
            .map(|s| {
                s.select(&term)
                    .map(|t| t.text().collect::<String>())
                    .collect()
            })
            .unwrap_or_default()
    };
    let decision = labels("Youth clubs in Ashby");
    let discussion = labels("Night-time safety in Ashby");
    assert!(
        decision.contains(&"Decision asked for".to_string()),
        "{decision:?}"
    );
    assert!(
        discussion.contains(&"Recommendations".to_string()),
        "{discussion:?}"
    );
    assert!(
        !discussion.contains(&"Decision asked for".to_string()),
        "{discussion:?}"
    );

    let resp = member
        .get(app.url(&format!("/meetings/{}/members-pack.pdf", b.meeting)))
        .send()
        .await
        .expect("pack");
    assert_eq!(resp.status(), 200);
    let pdf = read_pdf(&resp.bytes().await.unwrap_or_default());
    let text = flat(&pdf.pages.join(" "));
    assert!(text.contains("Presented by"), "{text}");
    assert!(!text.contains("Presenter"), "{text}");
    assert!(!text.contains("Presented by Presented"), "{text}");
    let talk_at = text
        .find("Briefing on item 6: Night-time safety in Ashby")
        .expect("discussion brief");
    let brief = &text[talk_at..];
    let asks = brief
        .find("Discuss the three options")
        .expect("its recommendation");
    assert!(
        brief[..asks].contains("Recommendations") && !brief[..asks].contains("Decision asked for"),
        "{}",
        &brief[..asks]
    );
}

/// The demo Board's last meeting: its pack carries the draft minutes of the
/// meeting before it, for approval, and an action log that matches the
/// record (the actions that meeting took, as they stood at publication).
#[tokio::test]
async fn the_pack_carries_the_previous_minutes_and_the_actions_on_record() {
    let app = TestApp::spawn_demo().await;
    let now = app.clock.now_naive_utc();
    let (last, before) = app
        .state
        .db(move |c| {
            let psb = quorate::db::bodies::find_by_slug(c, "northshire-psb")?.expect("board");
            let mut past: Vec<_> = quorate::db::meetings::of_body(c, &psb.id)?
                .into_iter()
                .filter(|m| m.starts_at < now)
                .collect();
            past.sort_by_key(|m| m.starts_at);
            let before = past[past.len() - 2].starts_at;
            Ok((past[past.len() - 1].id.clone(), before))
        })
        .await
        .expect("meetings");
    let resp = app
        .api
        .get(app.url(&format!("/meetings/{last}/agenda/versions/1/pack.pdf")))
        .send()
        .await
        .expect("pack");
    assert_eq!(resp.status(), 200);
    let pdf = read_pdf(&resp.bytes().await.unwrap_or_default());
    let text = flat(&pdf.pages.join(" "));
    let day = quorate::domain::format::london_day(before);
    assert!(text.contains("Minutes of the previous meeting"), "{text}");
    assert!(
        text.contains(&format!(
            "Draft minutes of the meeting on {day}, for this meeting to approve."
        )),
        "{text}"
    );
    assert!(
        text.contains("Joint winter plan 2026"),
        "the minutes' own words: {text}"
    );
    assert!(!text.contains("No open actions"), "{text}");
    for action in [
        "Agree a single winter contact rota across partners",
        "Survey district office space available to partners",
    ] {
        assert!(
            text.contains(action),
            "{action} is on the action log: {text}"
        );
    }
    // The print-friendly pack says the same.
    let html = app
        .api
        .get(app.url(&format!("/meetings/{last}/agenda/versions/1/pack")))
        .send()
        .await
        .expect("pack")
        .text()
        .await
        .unwrap_or_default();
    assert!(
        html.contains("Minutes of the previous meeting") && html.contains("Joint winter plan 2026"),
        "{html}"
    );
}

/// One pack per language: a Welsh reader's pack is typeset in Welsh (its
/// headings, dates and labels), kept apart from the English one, and
/// asking in Welsh first does not change what English readers get.
#[tokio::test]
async fn a_pack_in_welsh_is_its_own_file_and_the_english_stays_english() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    accepted_paper(&app, &b, complete(&b)).await;
    published_agenda(&app, &b).await;
    let member = app.login("member@police.example", PASSWORD).await;
    let pack = |path: String| {
        let member = member.clone();
        let url = app.url(&path);
        async move {
            let raw = member
                .get(url)
                .send()
                .await
                .expect("pack")
                .bytes()
                .await
                .unwrap_or_default();
            flat(&read_pdf(&raw).pages.join(" "))
        }
    };
    let welsh = pack(format!("/cy/meetings/{}/members-pack.pdf", b.meeting)).await;
    assert!(welsh.contains("Er penderfyniad"), "{welsh}");
    assert!(welsh.contains("Taflen glawr"), "{welsh}");
    assert!(welsh.contains("Ionawr 2027"), "{welsh}");
    assert!(!welsh.contains("Cover sheet"), "{welsh}");
    let english = pack(format!("/en/meetings/{}/members-pack.pdf", b.meeting)).await;
    assert!(english.contains("For decision"), "{english}");
    assert!(english.contains("Cover sheet"), "{english}");
    assert!(!english.contains("Er penderfyniad"), "{english}");
}
