//! One scheduler tick (`jobs::schedule`: action reminders and escalations,
//! author and sponsor reminders, the weekly and daily digests, missing
//! board packs) over the large data set: 200,000 actions (60,000 open or in
//! progress, most long overdue) and 100,000 papers for 200 meetings to come.
//! Prints the first tick (which queues every reminder the data has earned),
//! then the median of five idle ticks the same day, then the first tick of
//! the next day. SQLite by default; set QUORATE_BENCH_DATABASE_URL to an
//! empty PostgreSQL database to measure that.
//!
//! Run: cargo bench --bench tick

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use quorate::clock::MockClock;
use quorate::config::Settings;

async fn queued(state: &quorate::state::AppState) -> i64 {
    state
        .db(|c| {
            use diesel::prelude::*;
            use quorate::db::schema::outbox;
            Ok(outbox::table.count().get_result::<i64>(c)?)
        })
        .await
        .expect("count")
}

async fn timed(state: &quorate::state::AppState) -> (Duration, i64) {
    let before = queued(state).await;
    let start = Instant::now();
    quorate::jobs::schedule(state).await;
    let took = start.elapsed();
    (took, queued(state).await - before)
}

/// Where an idle tick's time goes, step by step.
async fn breakdown(state: &quorate::state::AppState) {
    use quorate::services::{actions, chase, preferences};
    type Step = fn(
        &mut quorate::db::DbConn,
        &quorate::services::Ctx<'_>,
    ) -> quorate::error::AppResult<usize>;
    let steps: [(&str, Step); 4] = [
        ("action reminders", actions::send_reminders),
        ("paper reminders", |c, ctx| {
            chase::send_reminders(c, ctx, chrono::TimeDelta::hours(6))
        }),
        ("weekly digests", chase::send_digests),
        ("daily digests", preferences::send_daily_digests),
    ];
    for (name, step) in steps {
        let parts = state.ctx_parts();
        let start = Instant::now();
        state
            .tx(move |c| step(c, &parts.ctx()))
            .await
            .expect("step");
        println!("  {name}: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    }
    let start = Instant::now();
    quorate::services::packs::make_missing(state, 2)
        .await
        .expect("packs");
    println!(
        "  board packs: {:.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut settings = Settings::defaults().expect("settings");
    let url = std::env::var("QUORATE_BENCH_DATABASE_URL")
        .unwrap_or_else(|_| format!("sqlite://{}", dir.path().join("bench.db").display()));
    settings.database_url = Some(quorate::config::Secret::new(url.as_str()));
    settings.data_dir = dir.path().to_path_buf();
    // Thursday 26 November 2026, 09:30: after the day's reminder moment.
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 0).unwrap();
    let clock = Arc::new(MockClock::new(now));
    let state = quorate::startup::build_state(settings, clock.clone(), None, true).expect("state");
    let load = Instant::now();
    let at = now.naive_utc();
    state
        .tx(move |c| quorate::demo_large::load(c, at, |_, _, _| {}))
        .await
        .expect("large data set");
    println!(
        "large data set loaded in {:.1} s",
        load.elapsed().as_secs_f64()
    );

    let (first, n) = timed(&state).await;
    println!(
        "first tick: {:.0} ms, {n} messages queued",
        first.as_secs_f64() * 1000.0
    );
    let mut idle = Vec::new();
    for _ in 0..5 {
        clock.advance(chrono::Duration::seconds(30));
        let (took, n) = timed(&state).await;
        assert_eq!(n, 0, "nothing new is due within the same day");
        idle.push(took);
    }
    idle.sort();
    breakdown(&state).await;
    println!(
        "idle tick (same day, nothing due): median {:.1} ms, max {:.1} ms",
        idle[2].as_secs_f64() * 1000.0,
        idle[4].as_secs_f64() * 1000.0
    );
    clock.set(Utc.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).unwrap());
    let (next, n) = timed(&state).await;
    println!(
        "first tick of the next day: {:.0} ms, {n} messages queued",
        next.as_secs_f64() * 1000.0
    );
}
