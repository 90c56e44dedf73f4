//! Appendices: judged by their bytes, size-limited, stored safely, and
//! served as downloads only to those who may see the paper.

use reqwest::multipart::{Form, Part};
use serde_json::json;

use crate::builders::{board, post};
use crate::helpers::{PASSWORD, TestApp, json};

const PDF: &[u8] =
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n";
const EXE: &[u8] =
    b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0\xb8\0\0\0\0\0\0\0@\0\0\0\0\0\0\0PE\0\0";

/// A board, a meeting, and a draft paper by an officer; returns (paper id, author token, other member's token).
async fn draft(app: &TestApp) -> (String, String, String) {
    let b = board(app).await;
    let paper = json(
        post(
            app,
            &format!("/api/v1/meetings/{}/papers", b.meeting),
            &b.author,
            json!({"title": "Budget"}),
        )
        .await,
    )
    .await;
    (
        paper["id"].as_str().unwrap_or_default().to_string(),
        b.author,
        b.member,
    )
}

async fn upload(
    app: &TestApp,
    paper: &str,
    token: &str,
    name: &str,
    bytes: &[u8],
) -> reqwest::Response {
    let form = Form::new().part(
        "file",
        Part::bytes(bytes.to_vec()).file_name(name.to_string()),
    );
    app.api
        .post(app.url(&format!("/api/v1/papers/{paper}/attachments")))
        .bearer_auth(token)
        .multipart(form)
        .send()
        .await
        .expect("upload")
}

#[tokio::test]
async fn an_appendix_is_stored_by_hash_and_downloaded_as_an_attachment() {
    let app = TestApp::spawn().await;
    let (paper, author, member) = draft(&app).await;
    let resp = upload(
        &app,
        &paper,
        &author,
        "../../etc/Budget 2027\u{202E}.pdf",
        PDF,
    )
    .await;
    let status = resp.status();
    assert_eq!(status, 201, "{}", resp.text().await.unwrap_or_default());
    let a = json(resp).await;
    assert_eq!(a["content_type"], "application/pdf");
    assert_eq!(
        a["filename"], "Budget 2027.pdf",
        "path segments and the bidi override are gone"
    );
    assert_eq!(a["size_bytes"].as_u64(), Some(PDF.len() as u64));
    let sha = a["sha256"].as_str().unwrap_or_default().to_string();
    assert!(
        app.dir
            .path()
            .join("attachments")
            .join(&sha[..2])
            .join(&sha)
            .is_file(),
        "stored under the data folder by content hash"
    );

    let url = format!(
        "/api/v1/papers/{paper}/attachments/{}",
        a["id"].as_str().unwrap_or_default()
    );
    let resp = app.get(&url, Some(&author)).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "application/pdf");
    assert_eq!(
        resp.headers()["content-disposition"],
        "attachment; filename=\"Budget 2027.pdf\"; filename*=UTF-8''Budget%202027.pdf"
    );
    assert_eq!(resp.headers()["x-content-type-options"], "nosniff");
    assert_eq!(resp.bytes().await.expect("bytes").as_ref(), PDF);

    assert_eq!(
        app.get(&url, Some(&member)).await.status(),
        404,
        "a member cannot see someone's draft, nor its appendices"
    );
    assert_eq!(app.get(&url, None).await.status(), 404);
    let list = json(
        app.get(
            &format!("/api/v1/papers/{paper}/attachments"),
            Some(&author),
        )
        .await,
    )
    .await;
    assert_eq!(list["items"].as_array().map(Vec::len), Some(1), "{list}");
    assert!(list["next_cursor"].is_null());
}

#[tokio::test]
async fn disguised_wrong_and_oversized_files_are_refused() {
    let app = TestApp::spawn_with(|s| s.uploads.max_bytes = 4096).await;
    let (paper, author, _) = draft(&app).await;
    let resp = upload(&app, &paper, &author, "minutes.pdf", EXE).await;
    assert_eq!(resp.status(), 415, "an executable renamed .pdf");
    assert!(
        json(resp).await["detail"]
            .as_str()
            .is_some_and(|d| d.contains("not allowed"))
    );
    let resp = upload(&app, &paper, &author, "notes.txt", b"just some text").await;
    assert_eq!(resp.status(), 415);
    let mut big = PDF.to_vec();
    big.resize(5000, b' ');
    let resp = upload(&app, &paper, &author, "big.pdf", &big).await;
    assert_eq!(resp.status(), 413);
    let resp = app
        .api
        .post(app.url(&format!("/api/v1/papers/{paper}/attachments")))
        .bearer_auth(&author)
        .json(&json!({"file": "x"}))
        .send()
        .await
        .expect("send");
    assert_eq!(resp.status(), 415, "not multipart");
    let resp = upload(
        &app,
        &paper,
        &author,
        "costs.csv",
        b"area,cost\nNorth,10000\n",
    )
    .await;
    assert_eq!(
        resp.status(),
        201,
        "CSV, which has no signature, is accepted as text"
    );
    let list = json(
        app.get(
            &format!("/api/v1/papers/{paper}/attachments"),
            Some(&author),
        )
        .await,
    )
    .await;
    assert_eq!(
        list["items"].as_array().map(Vec::len),
        Some(1),
        "nothing of the refused uploads was kept"
    );
    let tmp = app.dir.path().join("tmp");
    assert_eq!(
        std::fs::read_dir(&tmp).map(|d| d.count()).unwrap_or(0),
        0,
        "temporary files are removed"
    );
}

#[tokio::test]
async fn the_author_uploads_on_the_edit_page_with_the_form_token() {
    let app = TestApp::spawn().await;
    let (paper, _, _) = draft(&app).await;
    let browser = app.login("author@ashby.example", PASSWORD).await;
    let html = browser
        .get(app.url(&format!("/papers/{paper}/edit")))
        .send()
        .await
        .expect("edit")
        .text()
        .await
        .expect("html");
    assert!(html.contains("enctype=\"multipart/form-data\""));
    let (h1, appendices) = (
        html.find("<h1>Write your paper</h1>"),
        html.find("id=\"section-attachments\""),
    );
    assert!(
        h1.is_some() && appendices > h1,
        "the appendices come after the cover sheet, not above the title"
    );
    let token = crate::helpers::csrf_token(&html);
    let form = Form::new()
        .text("csrf_token", "forged-forged-forged-forged-forged-1234")
        .part("file", Part::bytes(PDF.to_vec()).file_name("a.pdf"));
    let resp = browser
        .post(app.url(&format!("/papers/{paper}/attachments")))
        .header("Origin", &app.address)
        .multipart(form)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 400, "a forged token is refused");
    let form = Form::new().text("csrf_token", token).part(
        "file",
        Part::bytes(PDF.to_vec()).file_name("Appendix 1.pdf"),
    );
    let resp = browser
        .post(app.url(&format!("/papers/{paper}/attachments")))
        .header("Origin", &app.address)
        .multipart(form)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), 303);
    let html = browser
        .get(app.url(&format!("/papers/{paper}")))
        .send()
        .await
        .expect("paper")
        .text()
        .await
        .expect("html");
    assert!(html.contains("Appendix 1.pdf"));
}

/// An upload's parts are only read for a paper that exists and that the
/// caller may change, and never in unbounded number: a request that is
/// nothing but text fields no longer grows the server's memory.
#[tokio::test]
async fn uploads_are_refused_before_they_are_read() {
    let app = TestApp::spawn().await;
    let (paper, author, member) = draft(&app).await;
    let big = "x".repeat(60 * 1024);
    let many = |n: usize| {
        let mut form = Form::new();
        for i in 0..n {
            form = form.text(format!("field{i}"), big.clone());
        }
        form.part("file", Part::bytes(PDF.to_vec()).file_name("a.pdf"))
    };
    let send = |path: String, token: String, form: Form| {
        let app = &app;
        async move {
            app.api
                .post(app.url(&path))
                .bearer_auth(token)
                .multipart(form)
                .send()
                .await
                .expect("post")
                .status()
                .as_u16()
        }
    };
    assert_eq!(
        send(
            "/api/v1/papers/no-such-paper/attachments".into(),
            author.clone(),
            many(40)
        )
        .await,
        404
    );
    assert!(
        matches!(
            send(
                format!("/api/v1/papers/{paper}/attachments"),
                member.clone(),
                many(40)
            )
            .await,
            403 | 404
        ),
        "someone who may not change the paper"
    );
    assert_eq!(
        send(
            format!("/api/v1/papers/{paper}/attachments"),
            author.clone(),
            many(40)
        )
        .await,
        413,
        "forty text fields are not an upload"
    );
    // A normal upload still works.
    assert_eq!(
        send(
            format!("/api/v1/papers/{paper}/attachments"),
            author,
            many(1)
        )
        .await,
        201
    );
}
