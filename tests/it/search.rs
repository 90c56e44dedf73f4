//! Full-text search from the outside, on whichever database the tests run
//! on: every word must match (stemmed), quoted words together, best first
//! with the matched words marked; filters and pages; anything typed gives
//! results or a friendly empty state; exempt material is found only by
//! those entitled, asked as every role; and the index follows every change.

use serde_json::{Value, json};

use crate::builders::{board, complete, post, published_agenda, submit_sign_accept};
use crate::helpers::{TestApp, json};

const BOARD: &str = "Northshire Public Service Board";
/// A word only the demo's exempt paper holds.
const EXEMPT_WORD: &str = "tenancies";

async fn hits(app: &TestApp, query: &str, token: Option<&str>) -> Vec<Value> {
    let resp = app.get(&format!("/api/v1/search?{query}"), token).await;
    assert_eq!(resp.status(), 200, "{query}");
    json(resp).await["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn titles(hits: &[Value]) -> Vec<String> {
    hits.iter()
        .map(|h| h["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn q(words: &str) -> String {
    format!(
        "q={}",
        url::form_urlencoded::byte_serialize(words.as_bytes()).collect::<String>()
    )
}

/// A token for a demo person.
async fn demo_token(app: &TestApp, email: &'static str) -> String {
    let user = app
        .state
        .db(move |c| Ok(quorate::db::users::find_by_email(c, email)?))
        .await
        .expect("user")
        .unwrap_or_else(|| panic!("{email}"));
    app.token_for(&user.id).await
}

#[tokio::test]
async fn every_word_must_match_stemmed_with_phrases_filters_and_pages() {
    let app = TestApp::spawn_demo().await;
    // The public finds a published paper by two words, and opens the copy
    // published with the agenda; the snippet marks the words that matched.
    let found = hits(&app, &q("dementia support"), None).await;
    let cafes = found
        .iter()
        .find(|h| h["kind"] == "paper")
        .cloned()
        .unwrap_or_else(|| panic!("no paper in {found:?}"));
    assert_eq!(
        cafes["title"],
        "Memory cafés: a twelve-month pilot in Ashby and Carrow"
    );
    assert_eq!(cafes["body"], BOARD);
    let url = cafes["url"].as_str().unwrap_or_default();
    assert!(url.contains("/agenda/versions/"), "{url}");
    assert_eq!(app.get(url, None).await.status(), 200);
    let marked: Vec<String> = cafes["snippet_parts"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["matched"] == true)
        .map(|p| p["text"].as_str().unwrap_or_default().to_lowercase())
        .collect();
    let mut marked_words = marked.clone();
    marked_words.sort();
    marked_words.dedup();
    assert_eq!(marked_words, ["dementia", "support"], "{cafes}");

    // A short text (a decision) is shown whole, matches marked.
    let decided = hits(&app, &format!("{}&kind=decision", q("memory cafés")), None).await;
    assert_eq!(
        decided.first().map(|h| h["snippet"].clone()),
        Some(json!("Approved the memory cafés pilot for twelve months.")),
        "{decided:?}"
    );

    // The review's example, as a member (the paper is not yet published):
    // two words, each alone and together.
    let member = demo_token(&app, "priya.shah@ashby.example").await;
    let m = Some(member.as_str());
    let found = hits(&app, &q("school readiness"), m).await;
    let paper = found
        .iter()
        .find(|h| h["kind"] == "paper")
        .cloned()
        .unwrap_or_else(|| panic!("no paper in {found:?}"));
    assert_eq!(
        paper["title"],
        "Narrowing the gap: school-readiness programme for 2027-28"
    );
    assert!(paper["date"].as_str().is_some_and(|d| d.len() == 10));
    assert_eq!(
        paper["url"],
        json!(format!(
            "/papers/{}",
            paper["id"].as_str().unwrap_or_default()
        ))
    );
    for word in ["school", "readiness"] {
        assert!(
            hits(&app, &q(word), m)
                .await
                .iter()
                .any(|h| h["id"] == paper["id"]),
            "{word}"
        );
    }
    assert!(
        hits(&app, &q("school readiness"), None).await.is_empty(),
        "not yet published"
    );

    // Stemmed: other forms of the words find it.
    let stemmed = hits(&app, &q("ready schools"), m).await;
    assert!(titles(&stemmed).contains(&paper["title"].as_str().unwrap_or_default().to_string()));
    // Every word must match.
    assert!(
        hits(&app, &q("school readiness zebrafish"), m)
            .await
            .is_empty()
    );
    // Quoted words must match together, in order.
    let phrase = hits(&app, &q("\"school readiness programme\""), m).await;
    assert!(phrase.iter().any(|h| h["id"] == paper["id"]), "{phrase:?}");
    let reversed = hits(&app, &q("\"programme readiness school\""), m).await;
    assert!(
        !reversed.iter().any(|h| h["id"] == paper["id"]),
        "{reversed:?}"
    );

    // Filters: kind, body, dates.
    for kind in ["paper", "item", "decision", "action", "minutes"] {
        for h in hits(&app, &format!("{}&kind={kind}", q("school")), m).await {
            assert_eq!(h["kind"], kind, "{h}");
        }
    }
    assert!(
        !hits(&app, &format!("{}&kind=decision", q("school readiness")), m)
            .await
            .iter()
            .any(|h| h["kind"] == "paper")
    );
    assert!(
        hits(
            &app,
            &format!("{}&body=northshire-psb", q("school readiness")),
            m
        )
        .await
        .iter()
        .any(|h| h["id"] == paper["id"])
    );
    assert!(
        hits(
            &app,
            &format!("{}&body=no-such-body", q("school readiness")),
            m
        )
        .await
        .is_empty()
    );
    let day = paper["date"].as_str().unwrap_or_default().to_string();
    let on_the_day = hits(
        &app,
        &format!("{}&from={day}&to={day}", q("school readiness")),
        m,
    )
    .await;
    assert!(
        on_the_day.iter().all(|h| h["date"] == json!(day)),
        "{on_the_day:?}"
    );
    assert!(on_the_day.iter().any(|h| h["id"] == paper["id"]));
    assert!(
        !hits(&app, &format!("{}&to=2000-01-01", q("school readiness")), m)
            .await
            .iter()
            .any(|h| h["id"] == paper["id"])
    );
    for bad in ["kind=everything", "from=31/12/2026", "to=tomorrow"] {
        let resp = app.get(&format!("/api/v1/search?q=school&{bad}"), m).await;
        assert_eq!(resp.status(), 400, "{bad}");
    }

    // A page at a time: the pages hold what one long page holds, once each.
    let all = hits(&app, &format!("{}&limit=500", q("agreed")), None).await;
    assert!(all.len() > 3, "{}", all.len());
    let mut paged = Vec::new();
    let mut cursor = String::new();
    for _ in 0..100 {
        let resp = app
            .get(
                &format!("/api/v1/search?{}&limit=2&cursor={cursor}", q("agreed")),
                None,
            )
            .await;
        let page = json(resp).await;
        paged.extend(page["items"].as_array().cloned().unwrap_or_default());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = c.to_string(),
            None => break,
        }
    }
    let ids = |v: &[Value]| {
        v.iter()
            .map(|h| format!("{}/{}", h["kind"], h["id"]))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&paged), ids(&all));
    drop(app);
}

#[tokio::test]
async fn anything_typed_gives_results_or_a_friendly_empty_state() {
    let app = TestApp::spawn_demo().await;
    let long = "school ".repeat(1_500);
    for typed in [
        "",
        " ",
        "\"",
        "\"\"\"",
        "school OR readiness",
        "school AND NOT readiness",
        "NEAR(school readiness)",
        "school*",
        "-school +readiness",
        "title:school",
        "'; DROP TABLE papers; --",
        "\" OR 1=1 --",
        "school & !readiness | (x <-> y)",
        "%_\\",
        "\u{1f3eb}\u{1f4da}",
        "\u{b2} \u{216b} \u{3007} a\u{301}",
        "the of and",
        "u\u{0}c",
        long.as_str(),
    ] {
        let path = format!("/api/v1/search?{}", q(typed));
        let resp = app.get(&path, None).await;
        assert_eq!(resp.status(), 200, "{typed:?}");
        let body = json(resp).await;
        assert!(body["items"].is_array(), "{typed:?}: {body}");
        let page = app
            .api
            .get(app.url(&format!("/search?{}", q(typed))))
            .send()
            .await
            .expect("search page");
        assert_eq!(page.status(), 200, "{typed:?}");
        let text = page.text().await.unwrap_or_default();
        assert!(text.contains("Words to find"), "{typed:?}");
        if !typed.trim().is_empty() {
            assert!(
                text.contains("Results") || text.contains("common words such as"),
                "{typed:?}"
            );
        }
    }
    // Operators are words: "OR" does not widen the search.
    assert!(hits(&app, &q("school OR zebrafish"), None).await.is_empty());
    // Only common words: the page says what to do.
    let text = app
        .api
        .get(app.url("/search?q=the+of"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(text.contains("common words such as"), "{text}");
    // A date the page cannot read is named, and what was typed is kept.
    let text = app
        .api
        .get(app.url("/search?q=school&from=31%2F12%2F2026"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(text.contains("Enter a date like 2026-03-31."), "{text}");
    assert!(text.contains("value=\"31/12/2026\""), "{text}");
    drop(app);
}

/// The demo's exempt paper, searched for by every kind of reader: found by
/// the board's members, chair, secretariat and an administrator; never by
/// the public, an observer, an officer, or someone from another body.
#[tokio::test]
async fn exempt_material_is_found_only_by_those_entitled() {
    let app = TestApp::spawn_demo().await;
    for (who, email, finds) in [
        ("member", Some("priya.shah@ashby.example"), true),
        ("chair", Some("margaret.hale@northshire.example"), true),
        ("secretariat", Some("sam.clarke@northshire.example"), true),
        ("administrator", Some("admin@northshire.example"), true),
        ("public", None, false),
        ("observer", Some("grace.turner@northshire.example"), false),
        ("officer", Some("nadia.hussain@ashby.example"), false),
        (
            "police officer",
            Some("sarah.lewis@police.northshire.example"),
            false,
        ),
    ] {
        let t = match email {
            Some(e) => Some(demo_token(&app, e).await),
            None => None,
        };
        for query in [
            q(EXEMPT_WORD),
            q("housing referral route"),
            format!("{}&kind=paper", q("sleeping rough")),
        ] {
            let resp = app
                .get(&format!("/api/v1/search?{query}"), t.as_deref())
                .await;
            let text = resp.text().await.unwrap_or_default();
            let found = text.contains("Housing first");
            assert_eq!(found, finds, "{who} searching {query}: {text}");
            if !finds {
                assert!(!text.contains(EXEMPT_WORD), "{who}: {text}");
            }
        }
    }
    // The page too, signed in as people, and as the public.
    let public = app
        .api
        .get(app.url(&format!("/search?{}", q(EXEMPT_WORD))))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .unwrap_or_default();
    assert!(!public.contains("Housing first") && public.contains("Nothing matched"));
    drop(app);
}

/// Each change is searchable at once, by those who may see it: a draft by
/// its author only; published papers and agenda items by the public; a new
/// title replaces the old; a withdrawn decision and its actions go.
#[tokio::test]
async fn the_index_follows_every_change() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let mut paper = complete(&b);
    paper["title"] = json!("Quillwort meadows restoration");
    paper["body_markdown"] =
        json!("## Plan\n\nRestore the **quillwort** meadows by the Ashby brook.");
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/papers", b.meeting),
        &b.author,
        paper,
    )
    .await;
    assert_eq!(resp.status(), 201);
    let created = json(resp).await;
    let id = created["id"].as_str().unwrap_or_default().to_string();
    let word = q("quillwort meadow");
    assert_eq!(
        titles(&hits(&app, &word, Some(&b.author)).await),
        ["Quillwort meadows restoration"]
    );
    assert!(
        hits(&app, &word, None).await.is_empty(),
        "a draft is not public"
    );
    assert!(
        hits(&app, &word, Some(&b.member)).await.is_empty(),
        "a draft is its author's"
    );

    // A new title: the old words go, the new ones come.
    let resp = crate::builders::patch(
        &app,
        &format!("/api/v1/papers/{id}"),
        &b.author,
        created["version"].as_i64(),
        &json!({"title": "Sundew bog restoration"}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    assert!(
        hits(&app, &q("quillwort meadows restoration"), Some(&b.author))
            .await
            .iter()
            .all(|h| h["title"] != "Quillwort meadows restoration")
    );
    assert_eq!(
        titles(&hits(&app, &q("sundew"), Some(&b.author)).await),
        ["Sundew bog restoration"]
    );
    // The body's words still find it (the body was not changed).
    assert_eq!(hits(&app, &q("quillwort"), Some(&b.author)).await.len(), 1);

    // A verbal item: its members find it at once, the public once published.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/agenda/items", b.meeting),
        &b.clerk,
        json!({"title": "Otter holts on the Ashby brook", "item_type": "discussion", "verbal_reason": "Survey results came in this week", "minutes_allocated": 10}),
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let otters = q("otter holts");
    assert_eq!(
        titles(&hits(&app, &otters, Some(&b.member)).await),
        ["Otter holts on the Ashby brook"]
    );
    assert!(
        hits(&app, &otters, None).await.is_empty(),
        "not yet published"
    );

    // Published: the public finds the paper (once: its agenda item is the
    // paper) and the verbal item.
    submit_sign_accept(&app, &b, &id).await;
    published_agenda(&app, &b).await;
    let public = hits(&app, &q("sundew bog"), None).await;
    let kinds: Vec<&str> = public.iter().filter_map(|h| h["kind"].as_str()).collect();
    assert_eq!(kinds, ["paper"], "{public:?}");
    let verbal = hits(&app, &otters, None).await;
    assert_eq!(
        verbal.first().map(|h| h["kind"].clone()),
        Some(json!("item")),
        "{verbal:?}"
    );

    // A decision and its action are found; withdrawn, both go.
    let agenda = json(
        app.get(&format!("/api/v1/meetings/{}/agenda", b.meeting), None)
            .await,
    )
    .await;
    let item = agenda["items"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|i| i["paper_id"] == json!(id))
        .and_then(|i| i["id"].as_str())
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/decisions", b.meeting),
        &b.clerk,
        json!({"item_id": item, "text": "Agreed the sundew bog plan with the wildlife trust."}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let decision = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let resp = post(
        &app,
        "/api/v1/actions",
        &b.clerk,
        json!({"decision_id": decision, "description": "Survey the sundew bog with the wildlife trust", "owner_user_id": b.author_id, "due_on": "2027-03-01"}),
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let trust = q("wildlife trust");
    let mut kinds: Vec<String> = hits(&app, &trust, None)
        .await
        .iter()
        .map(|h| h["kind"].as_str().unwrap_or_default().to_string())
        .collect();
    kinds.sort();
    assert_eq!(kinds, ["action", "decision"]);
    // Corrected, the decision's old words go; its action stays.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/decisions/{decision}/correct", b.meeting),
        &b.clerk,
        json!({"text": "Agreed the sundew bog plan with the county ecologist.", "reason": "The trust was not a party."}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    let kinds: Vec<Value> = hits(&app, &trust, None)
        .await
        .iter()
        .map(|h| h["kind"].clone())
        .collect();
    assert_eq!(kinds, [json!("action")]);
    assert_eq!(hits(&app, &q("county ecologist"), None).await.len(), 1);

    // Withdrawn (recorded in error), a decision is no longer found.
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/decisions", b.meeting),
        &b.clerk,
        json!({"item_id": item, "text": "Thanked the badger group for their survey."}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let thanks = json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert_eq!(hits(&app, &q("badger"), None).await.len(), 1);
    let resp = post(
        &app,
        &format!("/api/v1/meetings/{}/decisions/{thanks}/withdraw", b.meeting),
        &b.clerk,
        json!({"reason": "Recorded in error."}),
    )
    .await;
    assert_eq!(
        resp.status(),
        200,
        "{}",
        resp.text().await.unwrap_or_default()
    );
    for token in [None, Some(b.clerk.as_str())] {
        assert!(hits(&app, &q("badger"), token).await.is_empty());
    }
    drop(app);
}

/// The index rebuilt whole (as the upgrade that adds it does) holds just
/// what the changes wrote one by one: the same answers to every reader.
#[tokio::test]
async fn a_rebuilt_index_answers_as_the_one_kept_in_step() {
    let app = TestApp::spawn_demo().await;
    let admin = demo_token(&app, "admin@northshire.example").await;
    let member = demo_token(&app, "priya.shah@ashby.example").await;
    let queries = [
        "agreed",
        "memory cafés",
        "tenancies",
        "school readiness",
        "winter",
    ];
    let mut before = Vec::new();
    for token in [None, Some(admin.as_str()), Some(member.as_str())] {
        for query in queries {
            before.push(hits(&app, &format!("{}&limit=500", q(query)), token).await);
        }
    }
    assert!(before.iter().any(|h| !h.is_empty()));
    let n = app
        .state
        .db(|c| Ok(quorate::db::search::rebuild(c)?))
        .await
        .expect("rebuild");
    assert!(n > 20, "{n}");
    let mut after = Vec::new();
    for token in [None, Some(admin.as_str()), Some(member.as_str())] {
        for query in queries {
            after.push(hits(&app, &format!("{}&limit=500", q(query)), token).await);
        }
    }
    // Equal ranks may come in another order: compare what was found.
    let sorted = |mut v: Vec<Vec<Value>>| {
        for hits in &mut v {
            hits.sort_by_key(|h| format!("{}/{}", h["kind"], h["id"]));
        }
        v
    };
    assert_eq!(sorted(before.clone()), sorted(after));

    // Indexed in bulk (as the benchmark data set is), the same things are
    // found by the same readers (minutes are not bulk-indexed).
    let n = app
        .state
        .tx(|c| {
            use diesel::RunQueryDsl;
            diesel::sql_query("DELETE FROM search_documents WHERE kind <> 'minutes'").execute(c)?;
            Ok(quorate::db::search::index_in_bulk(c, "")?)
        })
        .await
        .expect("bulk index");
    assert!(n > 20, "{n}");
    let found = |v: &[Vec<Value>]| {
        v.iter()
            .map(|hits| {
                let mut ids: Vec<String> = hits
                    .iter()
                    .filter(|h| h["kind"] != "minutes")
                    .map(|h| format!("{}/{}", h["kind"], h["id"]))
                    .collect();
                ids.sort();
                ids
            })
            .collect::<Vec<_>>()
    };
    let mut bulk = Vec::new();
    for token in [None, Some(admin.as_str()), Some(member.as_str())] {
        for query in queries {
            bulk.push(hits(&app, &format!("{}&limit=500", q(query)), token).await);
        }
    }
    assert_eq!(found(&before), found(&bulk));
    drop(app);
}
