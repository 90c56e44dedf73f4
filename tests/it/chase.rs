//! The chase for papers, through a real SMTP server: the call for papers
//! when a meeting is scheduled, author reminders on the right working days
//! across bank holidays and a clock change, sponsors reminded, each message
//! once, and stale reminders skipped after a pause.

use chrono::{TimeZone, Utc};
use serde_json::json;

use crate::builders::{Board, board, complete, post};
use crate::helpers::{ReceivedMail, TestApp, json};

/// Runs the reminder step as the worker does, at `at` (UTC), with the
/// configured grace, then delivers what it queued.
async fn tick(app: &TestApp, at: (i32, u32, u32, u32, u32)) -> usize {
    let (y, mo, d, h, mi) = at;
    app.clock.set(
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0)
            .single()
            .expect("time"),
    );
    let parts = app.state.ctx_parts();
    let grace = chrono::TimeDelta::hours(6);
    let n = app
        .state
        .tx(move |c| quorate::services::chase::send_reminders(c, &parts.ctx(), grace))
        .await
        .expect("reminders");
    app.run_pending_jobs().await;
    n
}

fn to(mails: &[ReceivedMail], who: &str, subject: &str) -> usize {
    mails
        .iter()
        .filter(|m| {
            m.to.iter().any(|t| t == who)
                && m.header("Subject").is_some_and(|s| s.contains(subject))
        })
        .count()
}

/// Moves the board's meeting to Tuesday 19 January 2027: papers due Monday
/// 4 January at 12:00, with Monday 28 December and Friday 1 January bank
/// holidays on the way.
async fn move_over_new_year(app: &TestApp, b: &Board) {
    let resp = crate::builders::patch(
        app,
        &format!("/api/v1/meetings/{}", b.meeting),
        &b.clerk,
        Some(1),
        &json!({"starts_at": "2027-01-19T14:00:00Z", "ends_at": "2027-01-19T16:00:00Z"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    assert_eq!(
        json(resp).await["timeline"]["paper_deadline"],
        "2027-01-04T12:00:00Z"
    );
}

async fn draft(app: &TestApp, b: &Board, meeting: &str, title: &str) -> String {
    let mut body = complete(b);
    body["title"] = json!(title);
    let resp = post(
        app,
        &format!("/api/v1/meetings/{meeting}/papers"),
        &b.author,
        body,
    )
    .await;
    assert_eq!(resp.status(), 201);
    json(resp).await["id"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Scheduling a meeting calls its members and officers for papers, with
/// the deadlines and a link to the meeting; not the secretariat, and not
/// again.
#[tokio::test]
async fn a_meeting_scheduled_calls_for_papers() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    app.run_pending_jobs().await;
    let mails = app.emails();
    for who in [
        "chair@test.example",
        "author@ashby.example",
        "ceo@ashby.example",
        "member@police.example",
        "officer@police.example",
    ] {
        assert_eq!(to(&mails, who, "Call for papers"), 1, "{who}");
    }
    assert_eq!(to(&mails, "clerk@test.example", "Call for papers"), 0);
    let call = mails
        .iter()
        .find(|m| m.to == ["author@ashby.example"] && m.text().contains("Call for papers"))
        .expect("the author's call");
    let text = call.text();
    assert_eq!(
        call.header("Subject").as_deref(),
        Some("Call for papers: Northshire Public Service Board, Tuesday 12 January 2027 at 14:00")
    );
    assert!(
        text.contains("Papers due by: Wednesday 23 December 2026 at 12:00"),
        "{text}"
    );
    assert!(text.contains("Propose an item by:"), "{text}");
    let link = crate::helpers::link_in(&text, &format!("{}/meetings/", app.address));
    assert_eq!(link, format!("{}/meetings/{}", app.address, b.meeting));
    let page = app.get(&format!("/meetings/{}", b.meeting), None).await;
    assert_eq!(page.status(), 200, "the link opens the meeting");
    // The retry of a message is the same message.
    let id = call.header("Message-ID").expect("a Message-ID");
    assert!(
        id.starts_with('<') && id.ends_with("@localhost>") && id.len() == 44,
        "{id}"
    );
    // A meeting recorded after its deadline calls for nothing.
    let before = app.emails().len();
    let resp = post(&app, "/api/v1/bodies/psb/meetings", &b.clerk,
        json!({"starts_at": "2026-11-30T14:00:00Z", "ends_at": "2026-11-30T16:00:00Z", "location": "County Hall"})).await;
    assert_eq!(resp.status(), 201);
    app.run_pending_jobs().await;
    assert_eq!(
        app.emails().len(),
        before,
        "no call for a meeting past its deadline"
    );
}

/// Authors of unsubmitted papers hear 3 and 1 working days before the
/// paper deadline and on the day, on working days across Christmas and New
/// Year; each once; a submitted paper's sponsor hears after it has waited
/// two working days; a worker down for days sends no stale burst.
#[tokio::test]
async fn authors_and_sponsors_are_chased_on_working_days_each_once() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    move_over_new_year(&app, &b).await;
    let paper = draft(&app, &b, &b.meeting, "Youth clubs in Ashby").await;
    app.run_pending_jobs().await;
    let author = "author@ashby.example";
    let count = |subject: &'static str| {
        let mails = app.emails();
        to(&mails, author, subject)
    };

    assert_eq!(tick(&app, (2026, 12, 24, 9, 0)).await, 0, "too early");
    // Three working days before: Tuesday 29 December.
    assert_eq!(tick(&app, (2026, 12, 29, 9, 0)).await, 1);
    assert_eq!(tick(&app, (2026, 12, 29, 11, 0)).await, 0, "once");
    assert_eq!(count("Your paper is due in 3 working days"), 1);
    assert!(
        !app.emails().iter().any(|m| m.text().contains("Annwyl")),
        "an English board writes in English only"
    );
    // One working day before: Thursday 31 December (New Year's Day and
    // the weekend come between).
    assert_eq!(tick(&app, (2026, 12, 30, 9, 0)).await, 0);
    assert_eq!(tick(&app, (2027, 1, 1, 9, 0)).await, 0, "a bank holiday");
    assert_eq!(count("Your paper is due"), 1);
    // The 31st was missed; on the holiday nothing new, and the missed one
    // is stale by now.
    assert_eq!(tick(&app, (2027, 1, 4, 8, 30)).await, 1, "on the day");
    assert_eq!(count("Your paper is due today"), 1);
    let mails = app.emails();
    let today = mails
        .iter()
        .find(|m| m.header("Subject").is_some_and(|s| s.contains("due today")))
        .expect("on the day");
    let link = crate::helpers::link_in(&today.text(), &format!("{}/papers/", app.address));
    assert_eq!(link, format!("{}/papers/{paper}/edit", app.address));
    assert!(
        !today.text().contains("tomorrow")
            && today.text().contains("Monday 4 January 2027 at 12:00"),
        "{}",
        today.text()
    );
    // After the deadline, nothing more.
    assert_eq!(tick(&app, (2027, 1, 4, 13, 0)).await, 0);

    // Submitted on Monday 4 January, not signed off: the sponsor hears on
    // Wednesday 6 January, once.
    app.clock.set(
        Utc.with_ymd_and_hms(2027, 1, 4, 11, 0, 0)
            .single()
            .expect("time"),
    );
    let resp = post(
        &app,
        &format!("/api/v1/papers/{paper}/submit"),
        &b.author,
        json!({}),
    )
    .await;
    assert_eq!(resp.status(), 200, "submitted before the cut-off");
    assert_eq!(tick(&app, (2027, 1, 5, 9, 0)).await, 0);
    assert_eq!(tick(&app, (2027, 1, 6, 9, 0)).await, 1);
    assert_eq!(tick(&app, (2027, 1, 7, 9, 0)).await, 0);
    let mails = app.emails();
    assert_eq!(
        to(&mails, "ceo@ashby.example", "waits for your sign-off"),
        1
    );
}

/// A worker that was down catches up without a burst: a reminder more than
/// the grace after its moment is skipped, and only the latest is sent; the
/// moment is 09:00 London time whether the clocks have gone forward or not.
#[tokio::test]
async fn a_worker_back_from_a_pause_sends_no_stale_reminders() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    move_over_new_year(&app, &b).await;
    draft(&app, &b, &b.meeting, "Youth clubs in Ashby").await;
    // Down from before Christmas until 16:00 on Tuesday 29 December: the
    // 3-day reminder (meant for 09:00) is 7 hours late and skipped.
    assert_eq!(tick(&app, (2026, 12, 29, 16, 0)).await, 0);
    // Skipped, and said so once however many ticks follow.
    assert_eq!(tick(&app, (2026, 12, 29, 16, 1)).await, 0);
    let noted = app
        .state
        .db(|c| Ok(quorate::db::audit::recent(c, 50)?))
        .await
        .expect("audit")
        .into_iter()
        .filter(|e| e.action == "chase.reminders_skipped")
        .map(|e| e.summary)
        .collect::<Vec<_>>();
    assert_eq!(
        noted,
        [
            "The author reminders meant for 2026-12-29 (3 working days before the deadline) were not sent: the worker reached them too late (1 paper not yet submitted)"
        ]
    );
    // Thursday 31 December at 14:00: the 1-day reminder is in time.
    assert_eq!(tick(&app, (2026, 12, 31, 14, 0)).await, 1);
    let mails = app.emails();
    assert_eq!(to(&mails, "author@ashby.example", "Your paper is due"), 1);
    assert_eq!(to(&mails, "author@ashby.example", "in 1 working day"), 1);
}

/// The secretariat's weekly digest: what waits for them, each with its
/// link, once a week, from 08:00 on Monday.
#[tokio::test]
async fn the_secretariat_gets_a_weekly_digest_once_a_week() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    draft(&app, &b, &b.meeting, "Youth clubs in Ashby").await;
    let digest = |at: (i32, u32, u32, u32, u32)| {
        let (y, mo, d, h, mi) = at;
        app.clock.set(
            Utc.with_ymd_and_hms(y, mo, d, h, mi, 0)
                .single()
                .expect("time"),
        );
        let parts = app.state.ctx_parts();
        app.state
            .tx(move |c| quorate::services::chase::send_digests(c, &parts.ctx()))
    };
    // Thursday 26 November: the first tick of the week sends it.
    assert_eq!(digest((2026, 11, 26, 9, 0)).await.expect("digest"), 1);
    assert_eq!(
        digest((2026, 11, 27, 9, 0)).await.expect("digest"),
        0,
        "once a week"
    );
    assert_eq!(
        digest((2026, 11, 30, 7, 30)).await.expect("digest"),
        0,
        "before 08:00 on Monday"
    );
    assert_eq!(digest((2026, 11, 30, 8, 5)).await.expect("digest"), 1);
    app.run_pending_jobs().await;
    let mails = app.emails();
    let digests: Vec<_> = mails
        .iter()
        .filter(|m| {
            m.header("Subject")
                .is_some_and(|s| s.starts_with("This week for the"))
        })
        .collect();
    assert_eq!(digests.len(), 2);
    assert!(
        digests.iter().all(|m| m.to == ["clerk@test.example"]),
        "the secretariat only"
    );
    let text = digests[1].text();
    assert!(
        text.contains("1 paper still being written for Tuesday 12 January 2027 at 14:00"),
        "{text}"
    );
    assert!(
        text.contains("Build and publish the agenda for Tuesday 12 January 2027"),
        "{text}"
    );
    let link = crate::helpers::link_in(&text, &format!("{}/meetings/", app.address));
    assert!(
        link.ends_with(&b.meeting) || link.ends_with("/agenda"),
        "{link}"
    );

    // A clerk who chose Welsh gets next week's in Welsh, though the board
    // publishes in English only.
    app.state
        .tx(|c| {
            let clerk =
                quorate::db::users::find_by_email(c, "clerk@test.example")?.expect("the clerk");
            quorate::db::users::set_language(c, &clerk.id, Some("cy"), clerk.updated_at)?;
            Ok(())
        })
        .await
        .expect("the clerk's language");
    assert_eq!(digest((2026, 12, 7, 8, 5)).await.expect("digest"), 1);
    app.run_pending_jobs().await;
    let welsh: Vec<String> = app
        .emails()
        .iter()
        .filter(|m| {
            m.header("Subject")
                .is_some_and(|s| s.starts_with("Yr wythnos hon i"))
        })
        .map(|m| m.text())
        .collect();
    assert_eq!(welsh.len(), 1, "{welsh:?}");
    assert!(
        welsh[0]
            .contains("1 papur yn dal i gael ei ysgrifennu ar gyfer Dydd Mawrth 12 Ionawr 2027"),
        "{}",
        welsh[0]
    );
    assert!(!welsh[0].contains("Dear"), "{}", welsh[0]);
}

/// Across the clocks going forward (Sunday 28 March 2027) and Easter: the
/// reminders come on the right working days, at 09:00 London time in
/// British Summer Time.
#[tokio::test]
async fn reminders_keep_to_working_days_across_easter_and_the_clock_change() {
    let app = TestApp::spawn().await;
    let b = board(&app).await;
    let resp = crate::builders::patch(
        &app,
        &format!("/api/v1/meetings/{}", b.meeting),
        &b.clerk,
        Some(1),
        &json!({"starts_at": "2027-04-15T13:00:00Z", "ends_at": "2027-04-15T15:00:00Z"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    // Thursday 15 April 2027: papers due Wednesday 31 March at 12:00 BST.
    assert_eq!(
        json(resp).await["timeline"]["paper_deadline"],
        "2027-03-31T11:00:00Z"
    );
    draft(&app, &b, &b.meeting, "Youth clubs in Ashby").await;
    let author = "author@ashby.example";
    assert_eq!(tick(&app, (2027, 3, 23, 9, 0)).await, 0, "too early");
    // Three working days before, in winter time: Wednesday 24 March
    // (Good Friday and Easter Monday come between).
    assert_eq!(tick(&app, (2027, 3, 24, 9, 0)).await, 1);
    assert_eq!(tick(&app, (2027, 3, 26, 9, 0)).await, 0, "Good Friday");
    assert_eq!(tick(&app, (2027, 3, 29, 9, 0)).await, 0, "Easter Monday");
    // One working day before is Tuesday 30 March, in summer time: its
    // moment is 09:00 BST (08:00 UTC), so at 15:30 BST it is more than the
    // 6 hours' grace late and skipped.
    assert_eq!(tick(&app, (2027, 3, 30, 14, 30)).await, 0, "stale in BST");
    // On the day, at 09:00 BST.
    assert_eq!(tick(&app, (2027, 3, 31, 8, 0)).await, 1);
    let mails = app.emails();
    assert_eq!(to(&mails, author, "Your paper is due in 3 working days"), 1);
    assert_eq!(to(&mails, author, "Your paper is due today"), 1);
    assert_eq!(to(&mails, author, "Your paper is due"), 2);
}

/// A bilingual board's author who has not chosen a language is reminded in
/// Welsh and English in one message, Welsh first, with the day the paper's
/// Welsh version is due.
#[tokio::test]
async fn a_bilingual_board_reminds_in_both_languages_with_the_translation_deadline() {
    let app = TestApp::spawn().await;
    let b = crate::builders::board_with_policy(&app, json!({"rules": "wales-psb"})).await;
    let paper = draft(&app, &b, &b.meeting, "Youth clubs in Ashby").await;
    app.run_pending_jobs().await;
    // The meeting is on Tuesday 12 January 2027: under Welsh rules the
    // agenda is published by Wednesday 6 January, translations are due
    // three working days before, on Thursday 31 December.
    let mut sent = 0;
    for day in 14..=24 {
        sent += tick(&app, (2026, 12, day, 9, 0)).await;
        if sent > 0 {
            break;
        }
    }
    assert_eq!(sent, 1, "the first reminder went");
    let mails = app.emails();
    let reminder = mails
        .iter()
        .find(|m| {
            m.to.iter().any(|t| t == "author@ashby.example")
                && m.header("Subject")
                    .is_some_and(|s| s.contains("Youth clubs"))
                && m.text().contains("Annwyl")
        })
        .expect("a reminder in both languages");
    let text = reminder.text();
    let subject = reminder.header("Subject").unwrap_or_default();
    assert!(
        subject.starts_with("Mae eich papur yn ddyledus"),
        "{subject}"
    );
    assert!(subject.contains("Your paper is due"), "{subject}");
    assert!(
        text.find("Annwyl") < text.find("Dear"),
        "Welsh first: {text}"
    );
    assert!(text.contains("Dydd Iau 31 Rhagfyr 2026"), "{text}");
    assert!(text.contains("Thursday 31 December 2026"), "{text}");
    assert!(
        text.contains(&format!("{}/translations/paper/{paper}", app.address)),
        "{text}"
    );
    // The call for papers went to members the same way.
    let call = mails
        .iter()
        .find(|m| {
            m.to.iter().any(|t| t == "member@police.example")
                && m.header("Subject")
                    .is_some_and(|s| s.contains("Call for papers"))
        })
        .expect("a call for papers");
    let subject = call.header("Subject").unwrap_or_default();
    assert!(subject.starts_with("Galwad am bapurau"), "{subject}");
    // Moving the meeting tells the author, in both languages.
    let resp = crate::builders::patch(
        &app,
        &format!("/api/v1/meetings/{}", b.meeting),
        &b.clerk,
        None,
        &json!({"starts_at": "2027-01-19T14:00:00Z", "ends_at": "2027-01-19T16:00:00Z"}),
    )
    .await;
    assert_eq!(resp.status(), 200);
    app.run_pending_jobs().await;
    let moved = app
        .emails()
        .into_iter()
        .find(|m| {
            m.to.iter().any(|t| t == "author@ashby.example")
                && m.header("Subject").is_some_and(|s| s.contains("Changed:"))
        })
        .expect("the author is told");
    let text = moved.text();
    assert!(text.contains("Wedi newid: cyfarfod"), "{text}");
    assert!(text.contains("Dydd Mawrth 19 Ionawr 2027"), "{text}");
    assert!(text.contains("Tuesday 19 January 2027"), "{text}");
}
