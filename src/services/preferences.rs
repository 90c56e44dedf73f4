//! Each person's mail preferences: choosing them on the account page or
//! through the API, the signed `List-Unsubscribe` links routine mail
//! carries (RFC 8058 one-click), and the daily digest of held mail.

use chrono::{NaiveDateTime, NaiveTime};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::{Actor, Ctx};
use crate::db::DbConn;
use crate::db::outbox::{self, OutboxRow};
use crate::db::{preferences as stored, users};
use crate::domain::format::london_day;
use crate::domain::preferences::{Delivery, Preferences, Stop, Topic, statutory_word};
use crate::error::{AppError, AppResult, FieldError};
use crate::mail::messages;

/// When held routine mail goes out each day, London time.
pub const DAILY_DIGEST_TIME: NaiveTime = match NaiveTime::from_hms_opt(7, 0, 0) {
    Some(t) => t,
    None => panic!("07:00 is a time"),
};

/// A person's preferences (the defaults until they choose).
pub fn of(conn: &mut DbConn, user_id: &str) -> AppResult<Preferences> {
    Ok(stored::find(conn, user_id)?
        .map(|(d, off)| Preferences::from_stored(&d, &off))
        .unwrap_or_default())
}

/// Whether a person turned a topic off.
pub fn turned_off(conn: &mut DbConn, user_id: &str, topic: Topic) -> AppResult<bool> {
    Ok(of(conn, user_id)?.off.contains(&topic))
}

/// Reads a choice as typed or sent: `delivery` is `immediate` or `daily`,
/// `off` names routine topics. Every problem at once; turning off notices
/// of meetings is refused with the reason.
pub fn parse_choice(delivery: &str, off: &[String]) -> AppResult<Preferences> {
    let mut errors = Vec::new();
    let parsed = Delivery::parse(delivery.trim());
    if parsed.is_none() {
        errors.push(FieldError::new(
            "delivery",
            "invalid",
            crate::i18n::say("err-preferences-invalid"),
        ));
    }
    let mut topics = std::collections::BTreeSet::new();
    for word in off {
        let word = word.trim();
        match Topic::parse(word) {
            Some(t) => {
                topics.insert(t);
            }
            None if statutory_word(word) => errors.push(FieldError::new(
                "off",
                "statutory",
                crate::i18n::say("err-preferences-statutory"),
            )),
            None => errors.push(FieldError::new(
                "off",
                "invalid",
                crate::i18n::say_args(
                    "err-preferences-unknown-topic",
                    &[
                        (
                            "word",
                            crate::i18n::Arg::Text(&word.chars().take(40).collect::<String>()),
                        ),
                        (
                            "topics",
                            crate::i18n::Arg::Text(&Topic::ALL.map(Topic::key).join(", ")),
                        ),
                    ],
                ),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    Ok(Preferences {
        delivery: parsed.unwrap_or_default(),
        off: topics,
    })
}

/// Saves a person's choice, audited. Held mail goes at once when they turn
/// the digest off, and held mail on a topic they turned off is dropped.
pub fn choose(
    conn: &mut DbConn,
    actor: &Actor,
    user_id: &str,
    prefs: &Preferences,
    now: NaiveDateTime,
) -> AppResult<()> {
    stored::save(
        conn,
        user_id,
        prefs.delivery.key(),
        &prefs.stored_off(),
        now,
    )?;
    let off: Vec<String> = prefs.off.iter().map(|t| t.key().to_string()).collect();
    outbox::drop_held(conn, user_id, &off)?;
    if prefs.delivery == Delivery::Immediate {
        outbox::release_held(conn, user_id, now)?;
    }
    actor.audit(
        conn,
        now,
        "account.mail_preferences",
        "user",
        user_id,
        format!(
            "routine mail {}; turned off: {}",
            prefs.delivery.key(),
            if off.is_empty() {
                "nothing".to_string()
            } else {
                off.join(", ")
            }
        ),
    )?;
    Ok(())
}

type Signer = Hmac<Sha256>;

/// The length of a link's signature, in bytes (written as hex).
const SIGNATURE_BYTES: usize = 16;

fn signer(secret: &[u8], payload: &str) -> AppResult<Signer> {
    let mut mac = Signer::new_from_slice(secret).map_err(AppError::internal)?;
    mac.update(b"quorate-unsubscribe\0");
    mac.update(payload.as_bytes());
    Ok(mac)
}

/// The token of a `List-Unsubscribe` link: who, what it stops, and a
/// signature with the service's secret. It does not expire (RFC 8058 asks
/// that the link keep working); a new `secret_key` retires every link.
pub fn unsubscribe_token(secret: &[u8], user_id: &str, stop: Stop) -> AppResult<String> {
    let payload = format!("{user_id}.{}", stop.key());
    let sig = signer(secret, &payload)?.finalize().into_bytes();
    Ok(format!(
        "{payload}.{}",
        hex::encode(&sig[..SIGNATURE_BYTES])
    ))
}

/// The link for a message queued for `user_id` that stops `stop`.
pub fn unsubscribe_url(
    base_url: &str,
    secret: &[u8],
    user_id: &str,
    stop: &str,
) -> AppResult<Option<String>> {
    Ok(match Stop::parse(stop) {
        Some(stop) => Some(format!(
            "{base_url}/unsubscribe/{}",
            unsubscribe_token(secret, user_id, stop)?
        )),
        None => None,
    })
}

/// What a link would stop, and for whom: 404 for a link that was altered
/// or whose account is gone.
pub struct Unsubscribe {
    pub user_id: String,
    pub name: String,
    pub stop: Stop,
    /// Whether it is stopped already.
    pub done: bool,
}

pub fn read_link(conn: &mut DbConn, secret: &[u8], token: &str) -> AppResult<Unsubscribe> {
    Ok(link_with_preferences(conn, secret, token)?.0)
}

/// The link checked and read, with its owner's preferences as they stand.
fn link_with_preferences(
    conn: &mut DbConn,
    secret: &[u8],
    token: &str,
) -> AppResult<(Unsubscribe, Preferences)> {
    let mut parts = token.rsplitn(3, '.');
    let (Some(sig), Some(stop), Some(user_id)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(AppError::NotFound);
    };
    let stop = Stop::parse(stop).ok_or(AppError::NotFound)?;
    let sig = hex::decode(sig).map_err(|_| AppError::NotFound)?;
    if sig.len() != SIGNATURE_BYTES {
        return Err(AppError::NotFound);
    }
    // Compared in constant time.
    signer(secret, &format!("{user_id}.{}", stop.key()))?
        .verify_truncated_left(&sig)
        .map_err(|_| AppError::NotFound)?;
    let user = users::find(conn, user_id)?.ok_or(AppError::NotFound)?;
    let prefs = of(conn, &user.id)?;
    let link = Unsubscribe {
        done: stop.apply(&prefs) == prefs,
        user_id: user.id,
        name: user.name,
        stop,
    };
    Ok((link, prefs))
}

/// Follows a link (the one-click POST, or the button on its page): the
/// topic is turned off, audited as the link's owner.
pub fn follow_link(
    conn: &mut DbConn,
    secret: &[u8],
    token: &str,
    client_addr: Option<String>,
    now: NaiveDateTime,
) -> AppResult<Unsubscribe> {
    let (link, prefs) = link_with_preferences(conn, secret, token)?;
    let actor = Actor {
        user_id: Some(link.user_id.clone()),
        label: format!("{} (unsubscribe link)", link.name),
        client_addr,
    };
    choose(conn, &actor, &link.user_id, &link.stop.apply(&prefs), now)?;
    Ok(Unsubscribe { done: true, ..link })
}

/// The `<body>` of one of our own HTML messages, to show inside a digest.
fn inner_html(html: &str) -> &str {
    let start = html
        .find("<body")
        .and_then(|i| html[i..].find('>').map(|j| i + j + 1))
        .unwrap_or(0);
    let end = html
        .rfind("</body>")
        .filter(|&e| e >= start)
        .unwrap_or(html.len());
    &html[start..end]
}

/// Worker step: from 07:00 London time, each person with routine mail held
/// from before then gets it in one message, and the held messages are
/// marked sent in it, in the same transaction. Returns how many digests.
pub fn send_daily_digests(conn: &mut DbConn, ctx: &Ctx<'_>) -> AppResult<usize> {
    let local = ctx.now.and_utc().with_timezone(&chrono_tz::Europe::London);
    if local.time() < DAILY_DIGEST_TIME {
        return Ok(0);
    }
    let today = local.date_naive();
    let moment = crate::domain::timeline::london_instant(today, DAILY_DIGEST_TIME).naive_utc();
    let held = outbox::held_before(conn, moment)?;
    let mut by_person: Vec<(String, Vec<OutboxRow>)> = Vec::new();
    for row in held {
        let Some(user_id) = row.user_id.clone() else {
            continue;
        };
        match by_person.last_mut() {
            Some((u, rows)) if *u == user_id => rows.push(row),
            _ => by_person.push((user_id, vec![row])),
        }
    }
    let mut sent = 0;
    for (user_id, rows) in by_person {
        let Some(user) = users::find(conn, &user_id)? else {
            continue;
        };
        // The messages inside were written in the person's language when
        // queued; the digest around them follows their choice.
        let email = messages::written_for(user.language.as_deref(), false, || {
            messages::DailyDigest {
                to: user.email.clone(),
                name: user.name.clone(),
                date: london_day(ctx.now),
                items: rows
                    .iter()
                    .map(|r| messages::DigestItem {
                        subject: r.subject.clone(),
                        text: r.body_text.trim().to_string(),
                        html: inner_html(&r.body_html).trim().to_string(),
                    })
                    .collect(),
                settings: format!("{}/account#mail", ctx.base_url),
            }
            .render()
        })?;
        let key = format!("daily-digest:{user_id}:{today}");
        let Some(digest_id) = email.enqueue_returning(conn, Some(key), ctx.now)? else {
            continue;
        };
        let ids: Vec<String> = rows.into_iter().map(|r| r.id).collect();
        outbox::mark_digested(conn, &ids, &digest_id, ctx.now)?;
        sent += 1;
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"a secret of at least thirty-two characters";

    #[test]
    fn tokens_are_bound_to_the_person_and_the_topic() {
        let token = unsubscribe_token(SECRET, "u-1", Stop::Topic(Topic::Calls)).expect("token");
        assert!(token.starts_with("u-1.calls."), "{token}");
        let sig = token.rsplit('.').next().unwrap_or_default();
        assert_eq!(sig.len(), 32);
        let other = unsubscribe_token(SECRET, "u-2", Stop::Topic(Topic::Calls)).expect("token");
        assert_ne!(sig, other.rsplit('.').next().unwrap_or_default());
        let all = unsubscribe_token(SECRET, "u-1", Stop::Everything).expect("token");
        assert!(all.starts_with("u-1.all."), "{all}");
    }

    #[test]
    fn a_digest_shows_the_inside_of_each_message() {
        let html = "<!DOCTYPE html>\n<html><head><title>x</title></head>\n<body style=\"a\">\n<p>Hello</p>\n</body>\n</html>";
        assert_eq!(inner_html(html).trim(), "<p>Hello</p>");
        assert_eq!(inner_html("<p>bare</p>"), "<p>bare</p>");
    }

    #[test]
    fn statutory_notices_cannot_be_turned_off_and_every_problem_is_named() {
        let Err(AppError::Validation(errors)) = parse_choice(
            "weekly",
            &[
                "agenda".to_string(),
                "<script>".to_string(),
                "calls".to_string(),
            ],
        ) else {
            panic!("refused");
        };
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(
            errors
                .iter()
                .any(|e| e.message.contains("cannot be turned off"))
        );
        let ok = parse_choice("daily", &["calls".to_string(), "weekly".to_string()])
            .expect("a good choice");
        assert_eq!(ok.delivery, Delivery::Daily);
        assert_eq!(ok.stored_off(), "calls,weekly");
    }
}
