//! Bilingual bodies (Welsh Language Standards): the Welsh version of what
//! people write, the Welsh language impact on the cover sheet, the
//! pre-flight that holds publication until both languages are complete,
//! the chair's urgency reason, the public reading the Welsh, and members
//! who wish to speak Welsh at a meeting.

use serde_json::{Value, json};

use crate::browser::{self, Browser, PHONE};
use crate::builders::{
    Board, board_with_policy, complete, created, patch, post, published_agenda, submit_sign_accept,
};
use crate::helpers::{PASSWORD, TestApp, error_fields, json};

/// A Welsh PSB (bilingual by its rules), its meeting saying how to attend
/// remotely as Welsh notices must.
async fn welsh_board(app: &TestApp) -> Board {
    let b = board_with_policy(app, json!({"rules": "wales-psb"})).await;
    let resp = patch(
        app,
        &format!("/api/v1/meetings/{}", b.meeting),
        &b.clerk,
        None,
        &json!({"remote_access": "Join on Teams: tawel.example/live"}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    b
}

async fn draft(app: &TestApp, b: &Board) -> String {
    let resp = post(
        app,
        &format!("/api/v1/meetings/{}/papers", b.meeting),
        &b.author,
        complete(b),
    )
    .await;
    assert_eq!(resp.status(), 201);
    json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

async fn put_welsh(app: &TestApp, token: &str, id: &str, body: Value) -> reqwest::Response {
    app.api
        .put(app.url(&format!("/api/v1/translations/paper/{id}")))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .expect("put translation")
}

fn codes(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["code"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

/// The Welsh of every field of the builders' complete paper.
fn all_welsh() -> Value {
    json!({"cy": {
        "title": "Clybiau ieuenctid yn Ashby",
        "purpose": "Cytuno ar gyllid ar gyfer dau glwb ieuenctid.",
        "summary": "Byddai dau glwb yn agor ar nos Wener o fis Ebrill.",
        "recommendations": "Cymeradwyo £20,000 o gronfa'r bartneriaeth ar gyfer dau glwb ieuenctid.",
        "implications_financial": "£20,000 o gronfa'r bartneriaeth.",
        "implications_legal": "dim",
        "implications_risk": "Isel.",
        "implications_equality": "Asesiad ynghlwm; dim effaith andwyol.",
        "implications_environment": "dim",
        "implications_welsh_language": "Bydd y clybiau'n cynnig gweithgareddau yn Gymraeg ac yn Saesneg.",
        "body_markdown": "## Cefndir\n\nGofynnodd pobl ifanc am rywle i fynd ar nos Wener."
    }})
}

#[tokio::test]
async fn a_bilingual_board_publishes_only_when_both_languages_are_complete() {
    let app = TestApp::spawn().await;
    let b = welsh_board(&app).await;

    // Welsh rules make the body bilingual, translations due 3 working days
    // before publication.
    let body = json(app.get("/api/v1/bodies/psb", None).await).await;
    assert_eq!(body["policy"]["bilingual"], true, "{body}");
    assert_eq!(body["policy"]["translation_working_days"], 3, "{body}");

    // A decision paper in Wales states its effect on the Welsh language.
    let id = draft(&app, &b).await;
    let resp = post(
        &app,
        &format!("/api/v1/papers/{id}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    assert!(error_fields(&json(resp).await).contains(&"implications.welsh_language".to_string()));

    // Welsh only: another language is refused, naming it, and nothing is saved.
    let resp = patch(
        &app,
        &format!("/api/v1/papers/{id}"),
        &b.author,
        None,
        &json!({"implications": {"welsh_language": "Clubs will run in Welsh and English."},
                "translations": {"fr": {"title": "Clubs de jeunes"}}}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    assert_eq!(error_fields(&problem), vec!["translations.fr"], "{problem}");
    let paper = json(
        app.get(&format!("/api/v1/papers/{id}"), Some(&b.author))
            .await,
    )
    .await;
    assert_eq!(
        paper["implications"]["welsh_language"], "",
        "nothing half-saved"
    );

    // The paper takes and returns its Welsh beside the English.
    let resp = patch(
        &app,
        &format!("/api/v1/papers/{id}"),
        &b.author,
        None,
        &json!({"implications": {"welsh_language": "Clubs will run in Welsh and English."},
                "translations": {"cy": {"title": "Clybiau ieuenctid yn Ashby"}}}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let paper = json(resp).await;
    assert_eq!(paper["title"], "Youth clubs in Ashby");
    assert_eq!(
        paper["translations"]["cy"]["title"],
        "Clybiau ieuenctid yn Ashby"
    );
    assert_eq!(paper["translation_status"]["cy"]["title"], "translated");
    assert_eq!(
        paper["translation_status"]["cy"]["purpose"],
        "awaiting_translation"
    );
    submit_sign_accept(&app, &b, &id).await;

    // The pre-flight names each missing translation, in both languages.
    let publish = |token: String| {
        let app = &app;
        let path = format!("/api/v1/meetings/{}/agenda/publish", b.meeting);
        async move { post(app, &path, &token, json!({})).await }
    };
    let resp = publish(b.clerk.clone()).await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    assert!(
        codes(&problem).iter().all(|c| c == "translation_missing"),
        "{problem}"
    );
    let fields = error_fields(&problem);
    assert!(
        fields.iter().any(|f| f.ends_with(".paper.purpose")),
        "{fields:?}"
    );
    assert!(
        fields.iter().any(|f| f.ends_with(".paper.body_markdown")),
        "{fields:?}"
    );
    assert!(
        !fields.iter().any(|f| f.ends_with(".paper.title")),
        "the title is done"
    );
    assert!(problem.to_string().contains("Purpose / Diben"), "{problem}");
    assert!(
        problem
            .to_string()
            .contains("Item 5 \\\"Youth clubs in Ashby\\\": the Welsh is missing"),
        "{problem}"
    );

    // A Welsh text over the word limit says it is the Welsh.
    let resp = put_welsh(
        &app,
        &b.author,
        &id,
        json!({"cy": {"purpose": "gair ".repeat(61)}}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    assert_eq!(error_fields(&problem), vec!["translations.cy.purpose"]);
    assert!(
        problem
            .to_string()
            .contains("Purpose in Welsh has 61 words"),
        "{problem}"
    );

    // Only the author and the secretariat write it; anyone else is refused.
    let resp = app
        .get(&format!("/api/v1/translations/paper/{id}"), Some(&b.member))
        .await;
    assert_eq!(resp.status(), 403);
    let resp = app
        .get(&format!("/api/v1/translations/paper/{id}"), None)
        .await;
    assert_eq!(resp.status(), 401);
    // Approving is the secretariat's.
    let resp = put_welsh(&app, &b.author, &id, json!({"approve": true})).await;
    assert_eq!(resp.status(), 403);

    let resp = put_welsh(&app, &b.author, &id, all_welsh()).await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    assert_eq!(json(resp).await["status"], "translated");
    // A verbal item comes with its Welsh title.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/items", b.meeting),
        &b.clerk,
        json!({"title": "Flood response update", "item_type": "information",
               "verbal_reason": "Reported on the day",
               "translations": {"cy": {"title": "Diweddariad llifogydd"}}}),
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    // Its Welsh is corrected later with the item's other changes.
    let flood_id = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = patch(
        &app,
        &format!("/api/v1/meetings/{}/agenda/items/{flood_id}", b.meeting),
        &b.clerk,
        None,
        &json!({"minutes_allocated": 10,
                "translations": {"cy": {"title": "Diweddariad ar yr ymateb i lifogydd"}}}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let resp = put_welsh(&app, &b.clerk, &id, json!({"approve": true})).await;
    assert_eq!(json(resp).await["status"], "approved");

    let resp = publish(b.clerk.clone()).await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );

    // The API's agenda keeps the English in `title`, whatever the language
    // asked, with the Welsh beside it.
    let agenda = json(
        app.get(
            &format!("/api/v1/meetings/{}/agenda/versions/1?lang=cy", b.meeting),
            None,
        )
        .await,
    )
    .await;
    let flood = agenda["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["title"] == "Flood response update"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        flood["translations"]["cy"]["title"], "Diweddariad ar yr ymateb i lifogydd",
        "{agenda}"
    );

    // Published in both languages at once: the Welsh page reads the Welsh.
    let welsh = app
        .get(
            &format!("/cy/meetings/{}/agenda/versions/1", b.meeting),
            None,
        )
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(welsh.contains("Clybiau ieuenctid yn Ashby"), "{welsh}");
    let english = app
        .get(&format!("/meetings/{}/agenda/versions/1", b.meeting), None)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(english.contains("Youth clubs in Ashby"));
    assert!(!english.contains("Clybiau ieuenctid"));

    // The public pack in Welsh is typeset from the Welsh; the English from
    // the English.
    for (lang, title, implication) in [
        (
            "cy",
            "Clybiau ieuenctid yn Ashby",
            "gweithgareddau yn Gymraeg ac yn Saesneg",
        ),
        (
            "en",
            "Youth clubs in Ashby",
            "Clubs will run in Welsh and English.",
        ),
    ] {
        let raw = app
            .get(&format!("/{lang}/meetings/{}/pack.pdf", b.meeting), None)
            .await
            .bytes()
            .await
            .unwrap_or_default();
        let text = crate::packs::flat(&crate::packs::read_pdf(&raw).pages.join(" "));
        assert!(text.contains(title), "{lang}: {text}");
        assert!(text.contains(implication), "{lang}: {text}");
    }

    // The feed and the calendar at the Welsh address are in Welsh, with
    // the Welsh of what was translated; at the plain address, English.
    let atom = app
        .get("/cy/bodies/psb/feed.atom", None)
        .await
        .bytes()
        .await
        .unwrap_or_default();
    let feed = feed_rs::parser::parse(atom.as_ref()).expect("valid Atom");
    let title = feed.title.map(|t| t.content).unwrap_or_default();
    assert_eq!(title, "Northshire Public Service Board: agendâu");
    let entry = feed.entries[0]
        .content
        .as_ref()
        .and_then(|c| c.body.clone())
        .unwrap_or_default();
    assert!(entry.contains("Clybiau ieuenctid yn Ashby"), "{entry}");
    let ics = app
        .get("/cy/bodies/psb/meetings.ics", None)
        .await
        .text()
        .await
        .unwrap_or_default();
    let descriptions: Vec<String> = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()))
        .flat_map(|c| c.expect("valid iCalendar").events)
        .flat_map(|e| e.properties)
        .filter(|p| p.name == "DESCRIPTION")
        .filter_map(|p| p.value)
        .collect();
    assert!(
        descriptions
            .iter()
            .any(|d| d.starts_with("Agenda (fersiwn 1) a phapurau")),
        "{descriptions:?}"
    );
    let english = app
        .get("/bodies/psb/meetings.ics", None)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        english.contains("Agenda (version 1) and papers"),
        "{english}"
    );

    // The agenda email: a member who has not chosen a language gets one
    // message with both, Welsh first, through SMTP.
    app.run_pending_jobs().await;
    let to_chair: Vec<String> = app
        .emails()
        .iter()
        .filter(|m| m.to.iter().any(|t| t == "chair@test.example"))
        .map(|m| m.text())
        .filter(|t| t.contains("Clybiau ieuenctid"))
        .collect();
    assert_eq!(to_chair.len(), 1, "one message, in both languages");
    let text = &to_chair[0];
    let (welsh_at, english_at) = (
        text.find("Annwyl").expect("the Welsh"),
        text.find("Dear").expect("the English"),
    );
    assert!(welsh_at < english_at, "Welsh first: {text}");
    assert!(
        text.contains("Agenda wedi'i chyhoeddi") && text.contains("Agenda published"),
        "{text}"
    );
    assert!(
        text.contains("Youth clubs in Ashby"),
        "the English part reads the English"
    );
}

/// An English board is not asked for Welsh, and cannot be given it.
/// A change to the English after the Welsh was written puts that field's
/// Welsh out of date: the API, the translation page and the pre-flight say
/// so, and it counts again once a translator has checked it.
#[tokio::test]
async fn a_change_to_the_english_is_checked_in_welsh_again() {
    let app = TestApp::spawn().await;
    let b = welsh_board(&app).await;
    let id = draft(&app, &b).await;
    let resp = patch(
        &app,
        &format!("/api/v1/papers/{id}"),
        &b.author,
        None,
        &json!({"implications": {"welsh_language": "Clubs will run in Welsh and English."}}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let resp = put_welsh(&app, &b.author, &id, all_welsh()).await;
    assert_eq!(json(resp).await["status"], "translated");

    // Space and line endings around the English are not a change.
    let paper = json(
        app.get(&format!("/api/v1/papers/{id}"), Some(&b.author))
            .await,
    )
    .await;
    let purpose = paper["purpose"].as_str().unwrap_or_default().to_string();
    let resp = patch(
        &app,
        &format!("/api/v1/papers/{id}"),
        &b.author,
        None,
        &json!({"purpose": format!("  {purpose}\r\n")}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(
        json(resp).await["translation_status"]["cy"]["purpose"],
        "translated"
    );

    // A changed word is a change.
    let resp = patch(
        &app,
        &format!("/api/v1/papers/{id}"),
        &b.author,
        None,
        &json!({"purpose": "To agree funding for three youth clubs."}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    let paper = json(resp).await;
    assert_eq!(
        paper["translation_status"]["cy"]["purpose"], "english_changed",
        "{paper}"
    );
    assert_eq!(paper["translation_status"]["cy"]["title"], "translated");
    assert_eq!(
        paper["translations"]["cy"]["purpose"], "Cytuno ar gyllid ar gyfer dau glwb ieuenctid.",
        "the Welsh is kept for the translator to check"
    );

    // The translation page tells the author what changed.
    let author = app.login("author@ashby.example", PASSWORD).await;
    let html = author
        .get(app.url(&format!("/translations/paper/{id}")))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(html.contains("English changed: check the Welsh"), "{html}");
    assert!(html.contains("The English has changed since this Welsh was written"));

    // The pre-flight holds publication, naming the field and why.
    submit_sign_accept(&app, &b, &id).await;
    // The sponsor was asked to sign off in both languages, the paper named
    // in each.
    app.run_pending_jobs().await;
    let asked: Vec<String> = app
        .emails()
        .iter()
        .filter(|m| m.to.iter().any(|t| t == "ceo@ashby.example"))
        .filter_map(|m| m.header("Subject"))
        .collect();
    assert!(
        asked.iter().any(|s| s
            == "Angen cymeradwyaeth: Clybiau ieuenctid yn Ashby / Sign-off needed: Youth clubs in Ashby"),
        "{asked:?}"
    );
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/publish", b.meeting),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    let fields = error_fields(&problem);
    let on_paper: Vec<&String> = fields.iter().filter(|f| f.contains(".paper.")).collect();
    assert_eq!(on_paper.len(), 1, "{problem}");
    assert!(on_paper[0].ends_with(".paper.purpose"), "{problem}");
    assert!(
        problem
            .to_string()
            .contains("the Welsh of Purpose / Diben is out of date"),
        "{problem}"
    );

    // Asked in Welsh, the problems are told in Welsh, though the
    // transaction that found them writes in English.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/publish?lang=cy", b.meeting),
        &b.clerk,
        json!({}),
    )
    .await;
    let problem = json(resp).await;
    assert!(
        problem
            .to_string()
            .contains("mae Cymraeg Purpose / Diben wedi dyddio"),
        "{problem}"
    );
    let resp = app
        .api
        .put(app.url(&format!("/api/v1/translations/paper/{id}?lang=cy")))
        .bearer_auth(&b.author)
        .json(&json!({"cy": {"purpose": "gair ".repeat(61)}}))
        .send()
        .await
        .expect("put");
    assert_eq!(resp.status(), 422);
    let problem = json(resp).await;
    assert!(
        problem
            .to_string()
            .contains("Mae gan Diben yn Gymraeg 61 o eiriau; y terfyn yw 60."),
        "{problem}"
    );

    // The translator corrects it; the publication goes ahead.
    let resp = put_welsh(
        &app,
        &b.author,
        &id,
        json!({"cy": {"purpose": "Cytuno ar gyllid ar gyfer tri chlwb ieuenctid."}}),
    )
    .await;
    assert_eq!(json(resp).await["status"], "translated");
    let resp = put_welsh(&app, &b.clerk, &id, json!({"approve": true})).await;
    assert_eq!(json(resp).await["status"], "approved");
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/publish", b.meeting),
        &b.clerk,
        json!({}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
}

#[tokio::test]
async fn an_english_board_publishes_in_english_only() {
    let app = TestApp::spawn().await;
    let b = crate::builders::board(&app).await;
    let id = draft(&app, &b).await;
    let paper = json(
        app.get(&format!("/api/v1/papers/{id}"), Some(&b.author))
            .await,
    )
    .await;
    assert!(paper.get("translations").is_none(), "{paper}");
    let resp = put_welsh(&app, &b.author, &id, all_welsh()).await;
    assert_eq!(resp.status(), 422);
    assert_eq!(codes(&json(resp).await), vec!["not_bilingual"]);
}

/// Through the pages: the author writes the Welsh beside the English, the
/// secretariat's queue shows what is still waiting and when it is due, a
/// member says they wish to speak Welsh (and the secretariat sees the 10%
/// trigger), the chair records why an untranslated item cannot wait, and
/// the public reads the reason in both languages.
#[tokio::test]
async fn the_welsh_is_written_queued_and_urged_through_the_pages() {
    if !browser::available() {
        return;
    }
    let app = TestApp::spawn().await;
    let b = welsh_board(&app).await;
    let id = draft(&app, &b).await;
    let resp = patch(
        &app,
        &format!("/api/v1/papers/{id}"),
        &b.author,
        None,
        &json!({"implications": {"welsh_language": "Clubs will run in Welsh and English."}}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    submit_sign_accept(&app, &b, &id).await;
    let meeting = b.meeting.clone();
    let page = Browser::open(&app.address, "bilingual", PHONE).await;
    let (pid, m) = (id.clone(), meeting.clone());
    page.run(|mut b2| async move {
        b2.sign_in("author@ashby.example", PASSWORD).await;
        b2.goto(&format!("/papers/{pid}")).await;
        b2.click_link("Welsh version").await;
        b2.wait_to_see("Welsh version: Youth clubs in Ashby").await;
        b2.sees("Awaiting translation").await;
        b2.check_page("Welsh version of a paper").await;
        b2.fill("Title in Welsh", "Clybiau ieuenctid yn Ashby")
            .await;
        b2.fill("Purpose in Welsh", &"gair ".repeat(61)).await;
        b2.click_button("Save the Welsh version").await;
        b2.wait_to_see("Purpose in Welsh has 61 words; the limit is 60.")
            .await;
        assert_eq!(
            b2.value_of("Title in Welsh").await,
            "Clybiau ieuenctid yn Ashby",
            "what was typed is kept"
        );
        b2.fill(
            "Purpose in Welsh",
            "Cytuno ar gyllid ar gyfer dau glwb ieuenctid.",
        )
        .await;
        b2.click_button("Save the Welsh version").await;
        b2.wait_to_see("The Welsh version is saved.").await;
        b2.sees("Translated").await;
        b2.sign_out().await;

        // The secretariat's queue: what waits, for which meeting, due when.
        b2.sign_in("clerk@test.example", PASSWORD).await;
        b2.goto("/translations").await;
        b2.wait_to_see("Awaiting translation").await;
        b2.sees("Youth clubs in Ashby").await;
        b2.sees("Summary").await;
        b2.check_page("Translation queue").await;
        // The publish page says what stops it, and where to go.
        b2.goto(&format!("/meetings/{m}/agenda/publish")).await;
        b2.wait_to_see("It cannot be published yet:").await;
        b2.sees("the Welsh is missing for Summary / Crynodeb").await;
        b2.click_link("Translations").await;
        b2.wait_to_see("Awaiting translation").await;
        b2.sign_out().await;

        // A member wishes to speak Welsh: one of three is over 10%. They
        // read Quorate in Welsh, which is also the language of their mail.
        b2.sign_in("member@police.example", PASSWORD).await;
        b2.goto("/").await;
        b2.click_button("Cymraeg").await;
        b2.wait_to_see("Allgofnodi").await;
        // The English address for the rest of the visit; the profile keeps
        // the choice of Welsh.
        b2.goto("/en/").await;
        b2.goto(&format!("/meetings/{m}")).await;
        b2.tick("I wish to speak Welsh at this meeting").await;
        b2.click_button("Save my preference").await;
        b2.wait_to_see("Your language preference for the meeting is saved.")
            .await;
        assert!(b2.is_ticked("I wish to speak Welsh at this meeting").await);
        b2.sign_out().await;
        b2.sign_in("clerk@test.example", PASSWORD).await;
        b2.goto(&format!("/meetings/{m}")).await;
        b2.wait_to_see("1 of 3 members wish to speak Welsh at this meeting.")
            .await;
        b2.sees("arrange simultaneous translation").await;
        // The timeline shows when the translations are due.
        b2.sees("Translations due").await;
        b2.goto("/translations").await;
        b2.wait_to_see("Simultaneous translation needed").await;
        b2.sign_out().await;

        // The chair records why the agenda cannot wait for the Welsh.
        b2.sign_in("chair@test.example", PASSWORD).await;
        b2.goto(&format!("/meetings/{m}")).await;
        b2.click_link("Publish before the translations are complete (chair)")
            .await;
        b2.wait_to_see("Still to translate").await;
        b2.check_page("Chair's urgency reason").await;
        b2.click_button("Record the reason").await;
        b2.wait_to_see("Enter the reason in English.").await;
        b2.fill(
            "The reason, in English",
            "The grant offer expires on 15 January.",
        )
        .await;
        b2.fill(
            "The reason, in Welsh",
            "Daw'r cynnig grant i ben ar 15 Ionawr.",
        )
        .await;
        b2.click_button("Record the reason").await;
        b2.wait_to_see("The chair's reason is recorded").await;
        b2
    })
    .await;

    published_agenda(&app, &b).await;
    let public = Browser::open(&app.address, "bilingual-public", PHONE).await;
    public
        .run(|b2| async move {
            b2.goto(&format!("/cy/meetings/{meeting}/agenda/versions/1"))
                .await;
            b2.wait_to_see("Daw'r cynnig grant i ben ar 15 Ionawr.")
                .await;
            b2.sees("The grant offer expires on 15 January.").await;
            b2.sees("Clybiau ieuenctid yn Ashby").await;
            b2.screenshot("bilingual-welsh-agenda-phone").await;
            b2
        })
        .await;
    // The member who chose Welsh is written to in Welsh only.
    app.run_pending_jobs().await;
    let to_member: Vec<String> = app
        .emails()
        .iter()
        .filter(|m| m.to.iter().any(|t| t == "member@police.example"))
        .map(|m| m.text())
        .filter(|t| t.contains("Clybiau ieuenctid"))
        .collect();
    assert_eq!(to_member.len(), 1);
    assert!(to_member[0].contains("Annwyl"), "{}", to_member[0]);
    assert!(!to_member[0].contains("Dear "), "{}", to_member[0]);
    assert!(
        to_member[0].contains("Briff yr aelodau"),
        "{}",
        to_member[0]
    );
}

/// A bilingual body's decisions: the secretariat gives each its Welsh; a
/// reader of Welsh reads it in the register, the API keeps the English in
/// `text` with the Welsh beside it, and an exempt decision's Welsh is no
/// more public than its English.
#[tokio::test]
async fn decisions_are_read_in_welsh_and_exempt_ones_stay_hidden_in_both() {
    let app = TestApp::spawn().await;
    let b = welsh_board(&app).await;
    let mut ids = Vec::new();
    for (title, text, exempt) in [
        (
            "Meeting dates for 2027",
            "Approved the meeting dates for 2027.",
            None,
        ),
        (
            "Tender award",
            "Awarded the contract to ZQXBIDDER.",
            Some(14),
        ),
    ] {
        let mut item = json!({"title": title, "item_type": "decision", "verbal_reason": "Reported on the day"});
        if let Some(c) = exempt {
            item["exempt_category"] = json!(c);
            item["exempt_public_interest"] = json!("Prices are commercially sensitive.");
        }
        let resp = post(
            &app,
            &format!("/api/v1/meetings/{}/agenda/items", b.meeting),
            &b.clerk,
            item,
        )
        .await;
        assert_eq!(
            resp.status(),
            201,
            "{}",
            resp.text().await.unwrap_or_default()
        );
        let item = json(resp).await["id"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        // The open decision is recorded with its Welsh; the exempt one's
        // Welsh is added afterwards.
        let mut decision = json!({"item_id": item, "text": text});
        if exempt.is_none() {
            decision["translations"] =
                json!({"cy": {"text": "Cymeradwywyd dyddiadau'r cyfarfodydd ar gyfer 2027."}});
        }
        let resp = post(
            &app,
            &format!("/api/v1/meetings/{}/decisions", b.meeting),
            &b.clerk,
            decision,
        )
        .await;
        assert_eq!(
            resp.status(),
            201,
            "{}",
            resp.text().await.unwrap_or_default()
        );
        let recorded = json(resp).await;
        if exempt.is_none() {
            assert_eq!(
                recorded["translation_status"]["cy"]["text"], "translated",
                "{recorded}"
            );
        } else {
            assert_eq!(
                recorded["translation_status"]["cy"]["text"], "awaiting_translation",
                "{recorded}"
            );
        }
        ids.push(recorded["id"].as_str().unwrap_or_default().to_string());
    }
    for (id, welsh) in ids
        .iter()
        .skip(1)
        .zip(["Dyfarnwyd y contract i ZQXCYNIGYDD."])
    {
        let resp = app
            .api
            .put(app.url(&format!("/api/v1/translations/decision/{id}")))
            .bearer_auth(&b.clerk)
            .json(&json!({"cy": {"text": welsh}}))
            .send()
            .await
            .expect("put");
        assert_eq!(
            resp.status(),
            200,
            "{}",
            resp.text().await.unwrap_or_default()
        );
    }
    // The register page in Welsh reads the Welsh; in English, the English.
    let welsh = app
        .get("/cy/decisions", None)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(welsh.contains("Cymeradwywyd dyddiadau"), "{welsh}");
    assert!(!welsh.contains("ZQXCYNIGYDD") && !welsh.contains("ZQXBIDDER"));
    let english = app
        .get("/decisions", None)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(english.contains("Approved the meeting dates for 2027."));
    assert!(!english.contains("Cymeradwywyd"));
    // The API: English in `text`, Welsh beside it, whatever language asked.
    let resp = app
        .api
        .get(app.url("/api/v1/decisions"))
        .header("Accept-Language", "cy")
        .send()
        .await
        .expect("get");
    let list = json(resp).await;
    let open = &list["items"][0];
    assert_eq!(
        open["text"], "Approved the meeting dates for 2027.",
        "{list}"
    );
    assert_eq!(
        open["translations"]["cy"]["text"],
        "Cymeradwywyd dyddiadau'r cyfarfodydd ar gyfer 2027."
    );
    assert_eq!(open["translation_status"]["cy"]["text"], "translated");
    assert!(!list.to_string().contains("ZQX"), "{list}");
    // The secretariat, who may see it, reads the exempt one in both.
    let resp = app
        .api
        .get(app.url("/api/v1/decisions"))
        .bearer_auth(&b.clerk)
        .send()
        .await
        .expect("get");
    let all = json(resp).await.to_string();
    assert!(
        all.contains("ZQXBIDDER") && all.contains("ZQXCYNIGYDD"),
        "{all}"
    );

    // An action on the open decision takes its Welsh with it; its owner
    // reads it in Welsh on the Welsh page, the API keeps both.
    let resp = post(
        &app,
        "/api/v1/actions",
        &b.clerk,
        json!({"decision_id": ids[0], "description": "Publish the meeting dates.",
               "owner_user_id": b.sponsor_id, "due_on": "2027-02-01",
               "translations": {"cy": {"description": "Cyhoeddi dyddiadau'r cyfarfodydd."}}}),
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let action = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let shown = json(
        app.get(&format!("/api/v1/actions/{action}"), Some(&b.clerk))
            .await,
    )
    .await;
    assert_eq!(shown["description"], "Publish the meeting dates.");
    assert_eq!(
        shown["translations"]["cy"]["description"], "Cyhoeddi dyddiadau'r cyfarfodydd.",
        "{shown}"
    );
    let owner = app.login("ceo@ashby.example", PASSWORD).await;
    let page = owner
        .get(app.url(&format!("/cy/actions/{action}")))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(page.contains("Cyhoeddi dyddiadau"), "{page}");

    // The owner, who has not chosen a language, is told in both, Welsh
    // first, each with the action in its own language, through SMTP.
    app.run_pending_jobs().await;
    let told: Vec<String> = app
        .emails()
        .iter()
        .filter(|m| m.to.iter().any(|t| t == "ceo@ashby.example"))
        .map(|m| m.text())
        .filter(|t| t.contains("Publish the meeting dates."))
        .collect();
    assert_eq!(told.len(), 1, "{told:?}");
    let text = &told[0];
    let (cy, en) = (
        text.find("Cyhoeddi dyddiadau'r cyfarfodydd.")
            .expect("the Welsh action"),
        text.find("Publish the meeting dates.")
            .expect("the English action"),
    );
    assert!(cy < en, "Welsh first: {text}");
    assert!(text.contains("wedi rhoi cam gweithredu i chi"), "{text}");
    assert!(text.contains("Annwyl") && text.contains("Dear"), "{text}");
    assert!(text.contains("Agor y cam gweithredu") && text.contains("Open the action"));
    assert!(text.contains("Chwefror 2027") && text.contains("February 2027"));
}

/// API problems answer in Welsh when asked (`?lang=cy` or
/// `Accept-Language: cy`), and in English otherwise.
#[tokio::test]
async fn api_problems_speak_the_language_asked_for() {
    let app = TestApp::spawn().await;
    let missing = "/api/v1/papers/no-such-paper";
    let english = json(app.get(missing, None).await).await;
    assert_eq!(english["title"], "Not Found");
    assert_eq!(english["detail"], "There is nothing at this address.");
    let welsh = json(app.get(&format!("{missing}?lang=cy"), None).await).await;
    assert_eq!(welsh["title"], "Heb ei Ganfod", "{welsh}");
    assert_eq!(welsh["detail"], "Does dim byd yn y cyfeiriad hwn.");
    assert_eq!(welsh["status"], 404);
    let resp = app
        .api
        .post(app.url("/api/v1/bodies"))
        .header("Accept-Language", "cy-GB, en;q=0.5")
        .json(&json!({}))
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 401);
    let problem = json(resp).await;
    assert_eq!(problem["title"], "Heb ei Awdurdodi", "{problem}");
    assert!(
        problem["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("Mewngofnodwch"))
    );
}

/// The secretariat writes the minutes' Welsh version; members reading in
/// Welsh read it, members reading in English the English, and the
/// secretariat keeps editing the English.
#[tokio::test]
async fn minutes_are_circulated_in_welsh_to_those_who_read_welsh() {
    if !browser::available() {
        return;
    }
    let app = TestApp::spawn().await;
    let b = welsh_board(&app).await;
    // The day after the meeting.
    app.clock.set(
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 1, 13, 10, 0, 0)
            .single()
            .expect("time"),
    );
    // The next meeting, which approves them.
    let resp = post(
        &app,
        "/api/v1/bodies/psb/meetings",
        &b.clerk,
        json!({"starts_at": "2027-03-09T14:00:00Z", "ends_at": "2027-03-09T16:00:00Z",
               "location": "County Hall"}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let m = b.meeting.clone();
    let clock = app.clock.clone();
    let page = Browser::open(&app.address, "bilingual-minutes", PHONE).await;
    page.run(|b2| async move {
        b2.sign_in("clerk@test.example", PASSWORD).await;
        b2.goto(&format!("/meetings/{m}/minutes")).await;
        b2.fill("Minutes", "The board met and agreed its dates.")
            .await;
        b2.click_button("Save the minutes").await;
        b2.wait_to_see("Minutes saved.").await;
        b2.click_link("Welsh version").await;
        b2.wait_to_see("Awaiting translation").await;
        b2.fill(
            "Minutes in Welsh",
            "Cyfarfu'r bwrdd a chytunodd ar ei ddyddiadau.",
        )
        .await;
        b2.click_button("Save the Welsh version").await;
        b2.wait_to_see("The Welsh version is saved.").await;
        b2.goto(&format!("/meetings/{m}/minutes")).await;
        b2.click_button("Circulate the draft to members").await;
        b2.wait_to_see("Draft minutes saved and circulated to members.")
            .await;
        b2.sign_out().await;
        b2.sign_in("member@police.example", PASSWORD).await;
        b2.goto(&format!("/cy/meetings/{m}/minutes")).await;
        b2.wait_to_see("Cyfarfu'r bwrdd a chytunodd ar ei ddyddiadau.")
            .await;
        b2.does_not_see("The board met and agreed its dates.").await;
        b2.goto(&format!("/en/meetings/{m}/minutes")).await;
        b2.wait_to_see("The board met and agreed its dates.").await;
        b2.sign_out().await;

        // At the next meeting the clerk corrects the English: the Welsh is
        // out of date, and the minutes wait for it before approval.
        clock.set(
            chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2027, 3, 9, 14, 10, 0)
                .single()
                .expect("time"),
        );
        b2.sign_in("clerk@test.example", PASSWORD).await;
        b2.goto(&format!("/meetings/{m}/minutes")).await;
        b2.fill(
            "Minutes",
            "The board met, agreed its dates and thanked the hosts.",
        )
        .await;
        b2.click_button("Approved at the next meeting: freeze and publish")
            .await;
        b2.click_button("Yes, approve and publish the minutes")
            .await;
        b2.wait_to_see(
            "The minutes cannot be approved until their Welsh version is complete and up to date",
        )
        .await;
        b2.sees("English changed: check the Welsh").await;
        b2.click_link("Welsh version").await;
        b2.sees("The English has changed since this Welsh was written")
            .await;
        b2.sees("The board met, agreed its dates and thanked the hosts.")
            .await;
        b2.fill(
            "Minutes in Welsh",
            "Cyfarfu'r bwrdd, cytunodd ar ei ddyddiadau a diolchodd i'r gwesteiwyr.",
        )
        .await;
        b2.click_button("Save the Welsh version").await;
        b2.wait_to_see("The Welsh version is saved.").await;
        b2.goto(&format!("/meetings/{m}/minutes")).await;
        b2.click_button("Approved at the next meeting: freeze and publish")
            .await;
        b2.click_button("Yes, approve and publish the minutes")
            .await;
        b2.wait_to_see("Minutes approved, frozen and published.")
            .await;
        b2.sign_out().await;

        // The public reads the approved minutes in either language.
        b2.goto(&format!("/cy/meetings/{m}/minutes")).await;
        b2.wait_to_see("diolchodd i'r gwesteiwyr").await;
        b2.goto(&format!("/en/meetings/{m}/minutes")).await;
        b2.wait_to_see("thanked the hosts").await;
        b2
    })
    .await;
}

/// The banner after an action is in the reader's language.
#[tokio::test]
async fn banners_speak_the_readers_language() {
    let app = TestApp::spawn().await;
    for (path, words) in [
        ("/cy/?notice=signed-out", "Rydych wedi allgofnodi."),
        ("/?notice=signed-out", "You have signed out."),
        (
            "/cy/?notice=agenda-published-2-3",
            "Fersiwn 2 o&#39;r agenda wedi&#39;i chyhoeddi a&#39;i hanfon at 3 aelod.",
        ),
        (
            "/?notice=agenda-published-1-1",
            "Agenda version 1 published and sent to 1 member.",
        ),
    ] {
        let page = app.get(path, None).await.text().await.unwrap_or_default();
        assert!(page.contains(words), "{path}: {page}");
    }
}

/// A GET as `token`, answering (status, ETag, body).
async fn read_minutes(app: &TestApp, url: &str, token: Option<&str>) -> (u16, String, Value) {
    let resp = app.get(url, token).await;
    let status = resp.status().as_u16();
    let etag = resp
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, etag, resp.json().await.unwrap_or(Value::Null))
}

async fn put_minutes(
    app: &TestApp,
    url: &str,
    token: &str,
    if_match: Option<&str>,
    body: Value,
) -> (u16, Value) {
    let mut req = app.api.put(app.url(url)).bearer_auth(token).json(&body);
    if let Some(tag) = if_match {
        req = req.header("If-Match", tag);
    }
    let resp = req.send().await.expect("put minutes");
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// The minutes have an API of their own: the secretariat reads the working
/// copy and changes it with its Welsh in one request (or not at all); the
/// part taken in private reaches only those who may see it; members read
/// the draft once circulated, the public not before approval. An action
/// corrected through the API takes its Welsh with it.
#[tokio::test]
async fn minutes_and_corrected_actions_take_their_welsh_through_the_api() {
    let app = TestApp::spawn().await;
    let b = welsh_board(&app).await;
    let url = format!("/api/v1/meetings/{}/minutes", b.meeting);
    for who in [None, Some(b.member.as_str()), Some(b.author.as_str())] {
        let (status, _, body) = read_minutes(&app, &url, who).await;
        assert_eq!(status, 404, "{who:?} read a draft not circulated: {body}");
    }
    let (status, etag, first) = read_minutes(&app, &url, Some(&b.clerk)).await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(first["status"], "draft");
    assert_eq!(
        first["translation_status"]["cy"]["body_markdown"], "awaiting_translation",
        "{first}"
    );
    assert!(!etag.is_empty());
    let (status, _) = put_minutes(
        &app,
        &url,
        &b.member,
        None,
        json!({"body_markdown": "Mine"}),
    )
    .await;
    assert_eq!(status, 403);
    // Every problem at once (a control character in the private part, a
    // language Quorate does not hold, a Welsh field minutes do not have),
    // and nothing of the request is kept.
    let (status, problem) = put_minutes(
        &app,
        &url,
        &b.clerk,
        Some(&etag),
        json!({"body_markdown": "ZQXLOST", "exempt_markdown": "Bell\u{7}",
               "translations": {"fr": {"body_markdown": "Non"}, "cy": {"nonsense": "Na"}}}),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    let mut fields = error_fields(&problem);
    fields.sort();
    assert_eq!(
        fields,
        [
            "exempt_markdown",
            "translations.cy.nonsense",
            "translations.fr"
        ],
        "{problem}"
    );
    let (_, same_etag, again) = read_minutes(&app, &url, Some(&b.clerk)).await;
    assert_eq!(again["body_markdown"], first["body_markdown"]);
    assert_eq!(same_etag, etag);
    // Both languages and the private part in one request.
    let (status, saved) = put_minutes(
        &app,
        &url,
        &b.clerk,
        Some(&etag),
        json!({
            "body_markdown": "## Present\n\nThe Board met.",
            "exempt_markdown": "ZQXPRIVATE: the tender prices.",
            "translations": {"cy": {"body_markdown": "## Yn bresennol\n\nCyfarfu'r Bwrdd."}}
        }),
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["body_markdown"], "## Present\n\nThe Board met.");
    assert_eq!(saved["exempt_markdown"], "ZQXPRIVATE: the tender prices.");
    assert_eq!(
        saved["translations"]["cy"]["body_markdown"],
        "## Yn bresennol\n\nCyfarfu'r Bwrdd."
    );
    assert_eq!(
        saved["translation_status"]["cy"]["body_markdown"],
        "translated"
    );
    // What was read before is out of date now.
    let (status, _) = put_minutes(
        &app,
        &url,
        &b.clerk,
        Some(&etag),
        json!({"body_markdown": "Late"}),
    )
    .await;
    assert_eq!(status, 412);
    // A change to the English leaves the Welsh to be checked.
    let (_, etag, _) = read_minutes(&app, &url, Some(&b.clerk)).await;
    let (status, changed) = put_minutes(
        &app,
        &url,
        &b.clerk,
        Some(&etag),
        json!({"body_markdown": "## Present\n\nThe Board met at County Hall."}),
    )
    .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(
        changed["translation_status"]["cy"]["body_markdown"], "english_changed",
        "{changed}"
    );
    assert_eq!(changed["exempt_markdown"], "ZQXPRIVATE: the tender prices.");
    // Circulated: the members read the draft, the private part too; an
    // officer reads the open part only; the public still nothing.
    let clerk = app.login("clerk@test.example", PASSWORD).await;
    let page = format!("/meetings/{}/minutes", b.meeting);
    let version = changed["version"].to_string();
    let resp = app
        .submit_form(
            &clerk,
            &page,
            &page,
            &[
                ("action", "circulate"),
                (
                    "body_markdown",
                    "## Present\n\nThe Board met at County Hall.",
                ),
                ("exempt_markdown", "ZQXPRIVATE: the tender prices."),
                ("version", &version),
            ],
        )
        .await;
    let went = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(went.ends_with("notice=minutes-circulated"), "{went}");
    let (status, _, member) = read_minutes(&app, &url, Some(&b.member)).await;
    assert_eq!(status, 200, "{member}");
    assert_eq!(member["status"], "circulated");
    assert_eq!(member["exempt_markdown"], "ZQXPRIVATE: the tender prices.");
    let (status, _, officer) = read_minutes(&app, &url, Some(&b.author)).await;
    assert_eq!(status, 200, "{officer}");
    assert!(!officer.to_string().contains("ZQXPRIVATE"), "{officer}");
    let (status, _, public) = read_minutes(&app, &url, None).await;
    assert_eq!(status, 404, "{public}");

    // An action corrected through the API takes its Welsh; a correction of
    // the Welsh alone needs no change to the English.
    let item = created(
        &app,
        &format!("/api/v1/meetings/{}/agenda/items", b.meeting),
        &b.clerk,
        json!({"title": "Meeting dates", "item_type": "decision", "verbal_reason": "Reported on the day"}),
    )
    .await;
    let decision = created(
        &app,
        &format!("/api/v1/meetings/{}/decisions", b.meeting),
        &b.clerk,
        json!({"item_id": item, "text": "Approved the dates."}),
    )
    .await;
    let action = created(
        &app,
        "/api/v1/actions",
        &b.clerk,
        json!({"decision_id": decision, "description": "Publish the dates.",
               "owner_user_id": b.sponsor_id, "due_on": "2027-02-01"}),
    )
    .await;
    // The correction (its reason and Welsh as given), then the action as
    // the API shows it.
    let correct = |reason: &'static str, welsh: &'static str| {
        let (app, b, action) = (&app, &b, &action);
        async move {
            let resp = post(
                app,
                &format!("/api/v1/meetings/{}/actions/{action}/correct", b.meeting),
                &b.clerk,
                json!({"description": "Publish the dates online.", "owner_user_id": b.sponsor_id,
                       "due_on": "2027-02-01", "reason": reason,
                       "translations": {"cy": {"description": welsh}}}),
            )
            .await;
            assert_eq!(
                resp.status(),
                200,
                "{}",
                resp.text().await.unwrap_or_default()
            );
            json(
                app.get(&format!("/api/v1/actions/{action}"), Some(&b.clerk))
                    .await,
            )
            .await
        }
    };
    let shown = correct("The minute-taker misheard", "Cyhoeddi'r dyddiadau ar-lein.").await;
    assert_eq!(shown["description"], "Publish the dates online.");
    assert_eq!(
        shown["translations"]["cy"]["description"], "Cyhoeddi'r dyddiadau ar-lein.",
        "{shown}"
    );
    assert_eq!(
        shown["translation_status"]["cy"]["description"],
        "translated"
    );
    let shown = correct("Better Welsh", "Cyhoeddi'r dyddiadau ar y we.").await;
    assert_eq!(
        shown["translations"]["cy"]["description"],
        "Cyhoeddi'r dyddiadau ar y we."
    );
    assert_eq!(
        shown["version"], 2,
        "a Welsh-only correction leaves the English as it was: {shown}"
    );
}
