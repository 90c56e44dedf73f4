//! How many database queries submitting a paper runs, counted on a real
//! SQLite connection with the demo loaded. The page's submit used to load
//! the whole paper page first (people, organisations, versions, briefing,
//! appendices) under the write lock; now it loads only the paper it changes.
//! Run with `--nocapture` to see the figures.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{TimeZone, Utc};
use diesel::Connection;
use diesel::connection::{Instrumentation, InstrumentationEvent};
use quorate::services::{Actor, CtxParts, papers};

/// Papers are due before the test's day: each submission is a late one.
const LATE: &str = "The inspection report arrived after the deadline.";

struct Count(Arc<AtomicUsize>);

impl Instrumentation for Count {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { .. } = event {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// Queries run by `f` inside a transaction that is then rolled back.
fn queries<F>(conn: &mut quorate::db::DbConn, counter: &AtomicUsize, f: F) -> usize
where
    F: FnOnce(&mut quorate::db::DbConn),
{
    let before = counter.load(Ordering::SeqCst);
    let _ = conn.transaction::<(), diesel::result::Error, _>(|c| {
        f(c);
        Err(diesel::result::Error::RollbackTransaction)
    });
    // BEGIN and ROLLBACK are not the submission's own.
    counter.load(Ordering::SeqCst) - before - 2
}

/// A real SQLite connection with the demo loaded (on the test's day),
/// counting the queries run on it from then on.
fn demo_counted() -> (
    tempfile::TempDir,
    quorate::db::DbPool,
    quorate::db::PooledConn,
    Arc<AtomicUsize>,
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("q.db").display());
    let pool = quorate::db::connect(&url, 1, 5000).expect("database");
    let mut conn = pool.get().expect("connection");
    quorate::db::run_migrations(&mut conn).expect("migrations");
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
    quorate::demo::load(&mut conn, now.naive_utc(), "http://localhost").expect("demo");
    let counter = Arc::new(AtomicUsize::new(0));
    conn.set_instrumentation(Count(counter.clone()));
    (dir, pool, conn, counter)
}

#[test]
fn submitting_a_paper_runs_only_the_queries_it_needs() {
    let (_dir, _pool, mut conn, counter) = demo_counted();
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();

    // Every paper of the demo that can be submitted (drafts, returned papers), by its author.
    let mut drafts: Vec<papers::Paper> = Vec::new();
    for who in quorate::db::users::all_with_organisation(&mut conn).expect("people") {
        drafts.extend(
            quorate::db::papers::of_author(&mut conn, &who.0.id)
                .expect("papers")
                .into_iter()
                .filter(|p| quorate::domain::papers::editable(&p.status)),
        );
    }
    assert!(!drafts.is_empty(), "the demo has drafts to submit");
    let parts = CtxParts {
        base_url: "http://localhost".into(),
        calendars: std::sync::Arc::new(
            quorate::services::meetings::calendars_in_force(&mut conn).expect("calendars"),
        ),
        now: now.naive_utc(),
    };
    let (mut before, mut after) = (0, 0);
    for draft in &drafts {
        let author =
            quorate::services::accounts::user(&mut conn, &draft.author_user_id).expect("author");
        let (author, grants) =
            quorate::services::accounts::with_grants(&mut conn, author).expect("grants");
        let actor = Actor::system(&author.name);
        // Before: the handler loaded the whole paper page (everyone, for the
        // edit form's choices), then submitted.
        let was = queries(&mut conn, &counter, |c| {
            let page = papers::page(c, &grants, &author.id, &draft.id, papers::PaperUse::Editing)
                .expect("page");
            let _ =
                papers::submit_paper(c, &actor, &author.id, &page.paper, Some(LATE), &parts.ctx());
        });
        // After: only the paper, then the submission.
        let mut outcome = String::new();
        let now = queries(&mut conn, &counter, |c| {
            let r = papers::change_visible(
                c,
                &grants,
                &author.id,
                &actor,
                &draft.id,
                &parts.ctx(),
                |c, _, uid, a, p, ctx| papers::submit_paper(c, a, uid, p, Some(LATE), ctx),
            );
            outcome = match r {
                Ok(_) => "submitted".into(),
                Err(_) => "refused with its problems".into(),
            };
        });
        println!(
            "{} ({}, {outcome}): {was} queries before, {now} after",
            draft.title, draft.status
        );
        before += was;
        after += now;
    }
    let n = drafts.len();
    println!(
        "queries per paper submit ({n} demo drafts): before {:.1}, after {:.1}",
        before as f64 / n as f64,
        after as f64 / n as f64
    );
    assert!(
        after < before,
        "submitting should run fewer queries than loading the page and submitting ({after} vs {before})"
    );
}

/// How many queries a member's home page and their view of a meeting to
/// come run (printed; the figures go in docs/performance.md).
#[test]
fn a_member_s_pages_run_a_bounded_number_of_queries() {
    let (_dir, _pool, mut conn, counter) = demo_counted();
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
    let cals = quorate::services::meetings::calendars_in_force(&mut conn).expect("calendars");
    let member = quorate::db::users::find_by_email(&mut conn, "priya.shah@ashby.example")
        .expect("lookup")
        .expect("the demo's member");
    let (member, grants) =
        quorate::services::accounts::with_grants(&mut conn, member).expect("grants");
    let home = queries(&mut conn, &counter, |c| {
        quorate::services::home::page(c, Some((&member.id, &grants)), &cals, now.naive_utc())
            .expect("home");
    });
    let next = quorate::db::meetings::upcoming(&mut conn, now.naive_utc(), 1)
        .expect("meetings")
        .remove(0);
    let meeting = queries(&mut conn, &counter, |c| {
        quorate::services::meetings::page(c, Some((&grants, &member.id)), &cals, now, &next.id)
            .expect("meeting");
    });
    println!("queries: member's home page {home}, their meeting page {meeting}");
    assert!(home > 0 && meeting > 0);
}
