//! The background worker: sends the outbox with retries and back-off. Runs
//! inside `serve` and alone as `quorate worker`; several can run at once.

use std::time::Duration;

use chrono::TimeDelta;

use crate::db::outbox;
use crate::error::AppResult;
use crate::mail::transport::Failure;
use crate::state::AppState;

/// How long a claimed message stays reserved for the worker sending it.
const CLAIM_SECONDS: i64 = 300;
const BATCH: i64 = 20;
/// Back-off never waits longer than this between attempts.
const MAX_BACKOFF_SECONDS: u64 = 6 * 3600;

/// Delay before attempt `attempts + 1`: the initial delay, doubled each time.
pub fn backoff(initial_seconds: u64, attempts: u32) -> u64 {
    let exp = attempts.saturating_sub(1).min(30);
    initial_seconds
        .saturating_mul(1u64 << exp)
        .min(MAX_BACKOFF_SECONDS)
}

/// A back-off stretched or shrunk by up to a fifth at random, so messages
/// that failed together are not all retried at the same moment.
fn jittered(seconds: u64) -> u64 {
    use rand::Rng;
    let spread = seconds / 5;
    if spread == 0 {
        return seconds;
    }
    seconds - spread + rand::rng().random_range(0..=2 * spread)
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct RunReport {
    pub sent: usize,
    pub failed: usize,
}

/// Sends everything due now, batch by batch, `mail.connections` messages
/// at once, and reports what happened.
pub async fn run_once(state: &AppState) -> AppResult<RunReport> {
    use futures_util::StreamExt;
    let at_once = usize::try_from(state.settings.mail.connections.max(1)).unwrap_or(1);
    let batch_size = BATCH.max(i64::try_from(at_once * 5).unwrap_or(BATCH));
    let mut report = RunReport::default();
    loop {
        let now = state.clock.now_naive();
        let lock_until = now + TimeDelta::seconds(CLAIM_SECONDS);
        let batch = state
            .db(move |c| Ok(outbox::claim_due(c, now, lock_until, batch_size)?))
            .await?;
        if batch.is_empty() {
            return Ok(report);
        }
        let outcomes: Vec<AppResult<bool>> = futures_util::stream::iter(batch)
            .map(|mail| deliver(state, mail))
            .buffer_unordered(at_once)
            .collect()
            .await;
        for outcome in outcomes {
            if outcome? {
                report.sent += 1;
            } else {
                report.failed += 1;
            }
        }
    }
}

/// Sends one claimed message and records what happened: sent (true), or
/// failed, to be retried after a back-off or, refused for good or out of
/// attempts, marked failed (false).
async fn deliver(state: &AppState, mail: outbox::Claimed) -> AppResult<bool> {
    let unsubscribe = match (&mail.user_id, &mail.unsubscribe) {
        (Some(user), Some(stop)) => crate::services::preferences::unsubscribe_url(
            state.base_url(),
            state.cookie_key.master(),
            user,
            stop,
        )?,
        _ => None,
    };
    let result = state
        .mailer
        .send(&state.mail_from, &mail, unsubscribe.as_deref())
        .await;
    let now = state.clock.now_naive();
    let id = mail.id.clone();
    match result {
        Ok(()) => {
            state
                .db(move |c| Ok(outbox::mark_sent(c, &id, now)?))
                .await?;
            Ok(true)
        }
        Err(e) => {
            let attempts = u32::try_from(mail.attempts).unwrap_or(u32::MAX);
            // A server's refusal for good (5xx) is final at once.
            let retry_at = (e.1 == Failure::Transient
                && attempts < state.settings.mail.retry_max_attempts)
                .then(|| {
                    let wait =
                        jittered(backoff(state.settings.mail.retry_initial_seconds, attempts));
                    now + TimeDelta::seconds(i64::try_from(wait).unwrap_or(i64::MAX / 2))
                });
            tracing::warn!(mail_id = %mail.id, attempts, error = %e.0, gave_up = retry_at.is_none(), "mail not sent");
            let msg = e.0.clone();
            state
                .db(move |c| Ok(outbox::mark_failed(c, &id, &msg, retry_at, now)?))
                .await?;
            Ok(false)
        }
    }
}

/// A worker step that queues mail in one transaction, logging how many it
/// queued, or that it failed and will be tried at the next tick.
async fn queue_step<F>(state: &AppState, what: &'static str, step: F)
where
    F: FnOnce(&mut crate::db::DbConn, &crate::services::Ctx<'_>) -> AppResult<usize>
        + Send
        + 'static,
{
    let parts = state.ctx_parts();
    match state.tx(move |c| step(c, &parts.ctx())).await {
        Ok(n) if n > 0 => tracing::info!(queued = n, "{what}"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "{what}: will retry"),
    }
}

/// The scheduler's part of a tick: queues what is due (action and paper
/// reminders, the weekly and daily digests, each once) and makes missing
/// board packs. Each step is its own transaction; a failed one is logged
/// and tried again at the next tick.
pub async fn schedule(state: &AppState) {
    // Action reminders and escalations (each is queued once).
    queue_step(state, "action reminders", |c, ctx| {
        crate::services::actions::send_reminders(c, ctx)
    })
    .await;
    // Calls for papers go when a meeting is scheduled; here, reminders
    // to authors and sponsors before the paper deadline (each once).
    let grace = TimeDelta::hours(i64::from(state.settings.worker.reminder_grace_hours));
    queue_step(state, "paper reminders", move |c, ctx| {
        crate::services::chase::send_reminders(c, ctx, grace)
    })
    .await;
    // Decision notes: the secretariat reminded the working day before one
    // falls due; published from the record on the day.
    queue_step(state, "decision notes", |c, ctx| {
        crate::services::decision_note::keep_due(c, ctx)
    })
    .await;
    // The secretariat's weekly digest (once a week per person and body).
    queue_step(state, "secretariat digests", |c, ctx| {
        crate::services::chase::send_digests(c, ctx)
    })
    .await;
    // Routine mail held for those who chose a daily digest (07:00).
    queue_step(state, "daily digests", |c, ctx| {
        crate::services::preferences::send_daily_digests(c, ctx)
    })
    .await;
    // Board packs for newly published agendas (and retries of failed ones).
    if let Err(e) = crate::services::packs::make_missing(state, 2).await {
        tracing::warn!(error = %e, "board packs: will retry");
    }
}

/// Runs until the process stops, once every `tick_seconds`.
pub async fn run_forever(state: AppState) {
    let tick = Duration::from_secs(state.settings.worker.tick_seconds);
    tracing::info!(mailer = %state.mailer.describe(), every_seconds = tick.as_secs(), "worker started");
    loop {
        // Another instance may have imported new bank holidays.
        match state
            .db(crate::services::meetings::calendars_in_force)
            .await
        {
            Ok(cals) => state.set_calendars(cals),
            Err(e) => tracing::warn!(error = %e, "could not reload bank holidays"),
        }
        match run_once(&state).await {
            Ok(r) if r.sent + r.failed > 0 => {
                tracing::info!(sent = r.sent, failed = r.failed, "worker pass")
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "worker pass failed; will retry"),
        }
        schedule(&state).await;
        tokio::time::sleep(tick).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jitter_stays_within_a_fifth() {
        for _ in 0..200 {
            let j = jittered(100);
            assert!((80..=120).contains(&j), "{j}");
        }
        assert_eq!(jittered(3), 3);
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(30, 1), 30);
        assert_eq!(backoff(30, 2), 60);
        assert_eq!(backoff(30, 3), 120);
        assert_eq!(backoff(30, 40), MAX_BACKOFF_SECONDS);
    }
}
