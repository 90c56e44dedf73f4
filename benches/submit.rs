//! Paper submission under 8 concurrent authors on SQLite, in one run: the
//! handler's old path (load the whole paper page, then submit, all in one
//! write transaction) against the new one (typeset the report first, outside
//! the transaction; then load the paper and submit). Each
//! round, 8 authors submit their own paper at once through `AppState::tx`,
//! as the page handler does; the figures are each submission's time from
//! asking for the transaction to its commit.
//!
//! Run: cargo bench --bench submit        (add `--profile dev` for a quick,
//!                                          unoptimised run on a dev build)

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use quorate::clock::MockClock;
use quorate::config::Settings;
use quorate::services::{Actor, papers};
use quorate::state::AppState;

const AUTHORS: usize = 8;
const ROUNDS: usize = 12;
const LATE: &str = "The inspection report arrived after the deadline.";

/// One copy of the demo's returned paper (complete, and accepted on a late
/// reason) for each author; their ids.
async fn papers_to_submit(state: &AppState, authors: &[String]) -> Vec<String> {
    let authors = authors.to_vec();
    state
        .tx(move |c| {
            let template = quorate::db::users::all_with_organisation(c)?
                .into_iter()
                .flat_map(|(u, _)| quorate::db::papers::of_author(c, &u.id).unwrap_or_default())
                .find(|p| p.status == "returned")
                .expect("the demo has a returned paper");
            let mut ids = Vec::new();
            for a in &authors {
                let mut p = template.clone();
                p.id = quorate::clock::new_id();
                p.author_user_id = a.clone();
                // Each report its own, so no typesetting is done twice.
                p.body_markdown = format!("{}\n\nCopy {}.", template.body_markdown, p.id);
                quorate::db::papers::insert(c, &p)?;
                ids.push(p.id);
            }
            Ok(ids)
        })
        .await
        .expect("papers")
}

async fn round(state: &AppState, authors: &[String], old_path: bool) -> Vec<Duration> {
    let ids = papers_to_submit(state, authors).await;
    let mut tasks = Vec::new();
    for (author, id) in authors.iter().cloned().zip(ids) {
        let state = state.clone();
        tasks.push(tokio::spawn(async move {
            let parts = state.ctx_parts();
            let start = Instant::now();
            if !old_path {
                // As the handler does now: typeset before the transaction.
                let (st, a, p) = (state.clone(), author.clone(), id.clone());
                st.db(move |c| {
                    let who = quorate::services::accounts::user(c, &a)?;
                    let (who, grants) = quorate::services::accounts::with_grants(c, who)?;
                    papers::check_before_submit(c, &grants, &who.id, &p)
                })
                .await
                .expect("checked");
            }
            let done = state
                .tx(move |c| {
                    let who = quorate::services::accounts::user(c, &author)?;
                    let (who, grants) = quorate::services::accounts::with_grants(c, who)?;
                    let actor = Actor::system(&who.name);
                    if old_path {
                        let page =
                            papers::page(c, &grants, &who.id, &id, papers::PaperUse::Editing)?;
                        papers::submit_paper(
                            c,
                            &actor,
                            &who.id,
                            &page.paper,
                            Some(LATE),
                            &parts.ctx(),
                        )
                    } else {
                        papers::change_visible(
                            c,
                            &grants,
                            &who.id,
                            &actor,
                            &id,
                            &parts.ctx(),
                            |c, _, uid, a, p, ctx| {
                                papers::submit_paper(c, a, uid, p, Some(LATE), ctx)
                            },
                        )
                    }
                })
                .await;
            assert!(done.is_ok(), "submitted: {done:?}");
            start.elapsed()
        }));
    }
    let mut out = Vec::new();
    for t in tasks {
        out.push(t.await.expect("task"));
    }
    out
}

fn report(name: &str, mut times: Vec<Duration>, wall: Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    println!(
        "{name}: {} submissions, median {:.1} ms, p95 {:.1} ms, max {:.1} ms; {:.0} submissions/s",
        times.len(),
        at(0.5).as_secs_f64() * 1000.0,
        at(0.95).as_secs_f64() * 1000.0,
        at(1.0).as_secs_f64() * 1000.0,
        times.len() as f64 / wall.as_secs_f64()
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut settings = Settings::defaults().expect("settings");
    settings.database_url = Some(quorate::config::Secret::new(format!(
        "sqlite://{}",
        dir.path().join("bench.db").display()
    )));
    settings.data_dir = dir.path().to_path_buf();
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap();
    let clock = Arc::new(MockClock::new(now));
    let mailer = quorate::mail::Mailer::from_settings(None, dir.path(), 1).expect("mailer");
    let state =
        quorate::startup::build_state(settings, clock, Some(mailer), true).expect("app state");
    let base = state.base_url().to_string();
    state
        .tx(move |c| quorate::demo::load(c, now.naive_utc(), &base).map(|_| ()))
        .await
        .expect("demo");
    let authors: Vec<String> = state
        .db(|c| Ok(quorate::db::users::all_with_organisation(c)?))
        .await
        .expect("people")
        .into_iter()
        .take(AUTHORS)
        .map(|(u, _)| u.id)
        .collect();
    assert_eq!(authors.len(), AUTHORS);
    println!(
        "pool of {} connections, {AUTHORS} authors at once, {ROUNDS} rounds",
        state.settings.database.pool_size
    );
    for (name, old) in [
        ("before (page loader, then submit)", true),
        ("after (typeset first; the paper, then submit)", false),
    ] {
        round(&state, &authors, old).await; // warm up
        let mut times = Vec::new();
        let start = Instant::now();
        for _ in 0..ROUNDS {
            times.extend(round(&state, &authors, old).await);
        }
        report(name, times, start.elapsed());
    }
}
