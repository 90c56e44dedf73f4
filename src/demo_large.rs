//! `quorate demo --scale large`: a data set for benchmarks (50 bodies,
//! 5,000 past meetings, 20,000 decisions, 200,000 actions; 200 meetings to
//! come with 100,000 papers in every state), written in batches through each
//! backend's own connection, and indexed for search in bulk.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::RunQueryDsl;

use crate::db::actions::Action;
use crate::db::agenda::AgendaItem;
use crate::db::bodies::Body;
use crate::db::meetings::Meeting;
use crate::db::organisations::Organisation;
use crate::db::papers::Paper;
use crate::db::record::Decision;
use crate::db::users::User;
use crate::db::{DbConn, schema};
use crate::domain::policy::Policy;
use crate::error::AppResult;

pub const BODIES: usize = 50;
pub const MEETINGS_PER_BODY: usize = 100;
pub const DECISIONS_PER_MEETING: usize = 4;
pub const ACTIONS_PER_DECISION: usize = 10;
/// Meetings to come per body, weekly from the day after `now`.
pub const UPCOMING_PER_BODY: usize = 4;
pub const PAPERS_PER_UPCOMING: usize = 500;
const PEOPLE: usize = 400;

macro_rules! insert_all {
    ($conn:expr, $table:expr, $rows:expr, $chunk:expr) => {{
        for chunk in $rows.chunks($chunk) {
            match $conn {
                DbConn::Postgresql(pg) => diesel::insert_into($table).values(chunk).execute(pg)?,
                DbConn::Sqlite(s) => diesel::insert_into($table).values(chunk).execute(s)?,
            };
        }
    }};
}

/// A two-hour meeting at the Town Hall, recorded at `recorded`.
fn meeting(id: &str, body: &Body, at: NaiveDateTime, recorded: NaiveDateTime) -> Meeting {
    Meeting {
        id: id.to_string(),
        body_id: body.id.clone(),
        starts_at: at,
        ends_at: at + Duration::hours(2),
        location: "Town Hall".into(),
        status: "scheduled".into(),
        cancel_reason: None,
        version: 1,
        created_at: recorded,
        updated_at: recorded,
        remote_access: String::new(),
        translation_urgency_en: None,
        translation_urgency_cy: None,
        translation_urgency_by: None,
    }
}

/// Adds the large data set; `progress(stage, done, total)` is called as it goes.
pub fn load(
    conn: &mut DbConn,
    now: NaiveDateTime,
    mut progress: impl FnMut(&str, u64, u64),
) -> AppResult<()> {
    let id = |kind: &str, n: usize| format!("large-{kind}-{n:07}");
    let orgs: Vec<Organisation> = (0..20)
        .map(|n| Organisation {
            id: id("org", n),
            name: format!("Large Partner {n:02}"),
            short_name: format!("LP{n:02}"),
            name_key: format!("large partner {n:02}"),
            created_at: now,
        })
        .collect();
    insert_all!(conn, schema::organisations::table, orgs, 500);
    let users: Vec<User> = (0..PEOPLE)
        .map(|n| User {
            id: id("user", n),
            email: format!("person{n:04}@large.example"),
            name: format!("Person {n:04}"),
            organisation_id: orgs[n % orgs.len()].id.clone(),
            is_admin: false,
            password_hash: None,
            session_epoch: 0,
            created_at: now,
            updated_at: now,
            language: None,
        })
        .collect();
    insert_all!(conn, schema::users::table, users, 500);
    let bodies: Vec<Body> = (0..BODIES)
        .map(|n| {
            Body::new(
                id("body", n),
                format!("Large Partnership {n:02}"),
                format!("large-{n:02}"),
                if n == 0 { "board" } else { "partnership" },
                None,
                &Policy::default(),
                now,
            )
        })
        .collect();
    insert_all!(conn, schema::bodies::table, bodies, 200);
    let total_actions =
        (BODIES * MEETINGS_PER_BODY * DECISIONS_PER_MEETING * ACTIONS_PER_DECISION) as u64;
    let mut done = 0u64;
    let start = now - Duration::days(7 * MEETINGS_PER_BODY as i64);
    for (b, body) in bodies.iter().enumerate() {
        let mut meetings = Vec::new();
        let mut items = Vec::new();
        let mut decisions = Vec::new();
        let mut actions = Vec::new();
        let mut numbers = std::collections::HashMap::<i32, i32>::new();
        for m in 0..MEETINGS_PER_BODY {
            let at = start + Duration::days(7 * m as i64) + Duration::hours(14);
            let mid = id("meeting", b * MEETINGS_PER_BODY + m);
            meetings.push(meeting(&mid, body, at, at));
            let iid = id("item", b * MEETINGS_PER_BODY + m);
            items.push(AgendaItem {
                id: iid.clone(),
                meeting_id: mid.clone(),
                kind: "substantive".into(),
                position: 1,
                title: format!("Partnership business {m}"),
                item_type: Some("decision".into()),
                paper_id: None,
                presenter_user_id: None,
                organisation_id: None,
                minutes_allocated: 30,
                verbal_reason: Some("Recorded for the benchmark data set.".into()),
                to_note: false,
                exempt_category: None,
                referred_from_item_id: None,
                created_at: at,
                updated_at: at,
                exempt_public_interest: String::new(),
            });
            let year = chrono::Datelike::year(&at.date());
            for d in 0..DECISIONS_PER_MEETING {
                let n = numbers.entry(year).or_insert(0);
                *n += 1;
                let did = id(
                    "decision",
                    (b * MEETINGS_PER_BODY + m) * DECISIONS_PER_MEETING + d,
                );
                decisions.push(Decision {
                    id: did.clone(),
                    body_id: body.id.clone(),
                    meeting_id: mid.clone(),
                    item_id: iid.clone(),
                    year,
                    number: *n,
                    reference: format!("{}/{year}/{:03}", body.slug, n),
                    text: format!("Resolved to carry out proposal {d} of meeting {m}."),
                    exempt: false,
                    idempotency_key: None,
                    idempotency_digest: None,
                    created_by: "benchmark".into(),
                    created_at: at,
                    withdrawn_reason: None,
                    withdrawn_at: None,
                    votes_for: None,
                    votes_against: None,
                    votes_abstain: None,
                });
                for a in 0..ACTIONS_PER_DECISION {
                    let n = ((b * MEETINGS_PER_BODY + m) * DECISIONS_PER_MEETING + d)
                        * ACTIONS_PER_DECISION
                        + a;
                    let owner = &users[(n * 7919) % users.len()];
                    let due: NaiveDate = at.date() + Duration::days(7 + (n % 60) as i64);
                    let (status, closed) = match n % 10 {
                        0..=4 => ("done", Some(due - Duration::days((n % 5) as i64))),
                        5 | 6 => ("done", Some(due + Duration::days(1 + (n % 20) as i64))),
                        7 => ("in_progress", None),
                        8 => ("dropped", Some(due)),
                        _ => ("open", None),
                    };
                    actions.push(Action {
                        id: id("action", n),
                        body_id: body.id.clone(),
                        meeting_id: Some(mid.clone()),
                        item_id: Some(iid.clone()),
                        decision_id: Some(did.clone()),
                        description: format!("Action {a} on decision {d} of meeting {m}"),
                        owner_user_id: owner.id.clone(),
                        owner_organisation_id: owner.organisation_id.clone(),
                        due_on: due,
                        status: status.into(),
                        dropped_reason: (status == "dropped")
                            .then(|| "No longer needed".to_string()),
                        closed_on: closed
                            .filter(|c| c.and_hms_opt(0, 0, 0).is_some_and(|t| t <= now)),
                        exempt: false,
                        version: 1,
                        idempotency_key: None,
                        idempotency_digest: None,
                        created_by: "benchmark".into(),
                        created_at: at,
                        updated_at: at,
                    });
                }
            }
        }
        insert_all!(conn, schema::meetings::table, meetings, 500);
        insert_all!(conn, schema::agenda_items::table, items, 400);
        insert_all!(conn, schema::decisions::table, decisions, 400);
        insert_all!(conn, schema::actions::table, actions, 400);
        done += actions.len() as u64;
        progress("actions", done, total_actions);
    }
    upcoming(conn, now, &bodies, &users, &mut progress)?;
    Ok(())
}

/// Meetings to come, each with papers in every state: a fifth draft, a
/// fifth returned, a fifth submitted and waiting for sign-off (some for
/// days), a fifth signed off, a fifth accepted.
fn upcoming(
    conn: &mut DbConn,
    now: NaiveDateTime,
    bodies: &[Body],
    users: &[User],
    progress: &mut impl FnMut(&str, u64, u64),
) -> AppResult<()> {
    let total = (bodies.len() * UPCOMING_PER_BODY * PAPERS_PER_UPCOMING) as u64;
    let mut done = 0u64;
    for (b, body) in bodies.iter().enumerate() {
        let mut meetings = Vec::new();
        let mut papers = Vec::new();
        for m in 0..UPCOMING_PER_BODY {
            let n = b * UPCOMING_PER_BODY + m;
            let at =
                now.date().and_hms_opt(14, 0, 0).unwrap_or(now) + Duration::days(1 + 7 * m as i64);
            let mid = format!("large-upcoming-{n:05}");
            meetings.push(meeting(&mid, body, at, now));
            for p in 0..PAPERS_PER_UPCOMING {
                let k = n * PAPERS_PER_UPCOMING + p;
                let author = &users[(k * 31) % users.len()];
                let sponsor = &users[(k * 17 + 1) % users.len()];
                let submitted = now - Duration::days((k % 6) as i64);
                let (status, submitted_at, signed_off) = match k % 5 {
                    0 => ("draft", None, false),
                    1 => ("returned", Some(submitted), false),
                    2 => ("submitted", Some(submitted), false),
                    3 => ("submitted", Some(submitted), true),
                    _ => ("accepted", Some(submitted), true),
                };
                papers.push(Paper {
                    id: format!("large-paper-{k:06}"),
                    meeting_id: mid.clone(),
                    author_user_id: author.id.clone(),
                    status: status.into(),
                    version: 1,
                    title: format!("Paper {p} for meeting {n}"),
                    item_type: Some("decision".into()),
                    presenting_organisation_id: Some(author.organisation_id.clone()),
                    presenter_user_id: Some(author.id.clone()),
                    sponsor_user_id: Some(sponsor.id.clone()),
                    purpose: "To decide on the proposal.".into(),
                    summary: "A summary of the proposal in a few sentences.".into(),
                    recommendations: r#"["Agree the proposal."]"#.into(),
                    implications_financial: "None.".into(),
                    implications_legal: "None.".into(),
                    implications_risk: "Low.".into(),
                    implications_equality: "None.".into(),
                    equality_assessment: None,
                    implications_environment: "None.".into(),
                    implications_welsh_language: String::new(),
                    consulted_organisation_ids: "[]".into(),
                    priority_id: None,
                    no_priority_reason: "Business as usual.".into(),
                    body_markdown: "The paper's body, a few paragraphs long.".into(),
                    exempt_category: None,
                    exempt_reason: String::new(),
                    exempt_public_interest: String::new(),
                    minutes_allocated: Some(15),
                    key_decision: false,
                    late: false,
                    late_reason: None,
                    late_decision: None,
                    late_decision_note: None,
                    late_decided_by: None,
                    late_decided_at: None,
                    signed_off_by: signed_off.then(|| sponsor.id.clone()),
                    signed_off_at: signed_off.then_some(submitted),
                    submitted_at,
                    returned_reason: (status == "returned")
                        .then(|| "Please shorten the summary.".to_string()),
                    withdrawn_reason: None,
                    accepted_at: (status == "accepted").then_some(submitted),
                    created_at: now - Duration::days(10),
                    updated_at: submitted,
                });
            }
        }
        insert_all!(conn, schema::meetings::table, meetings, 500);
        insert_all!(conn, schema::papers::table, papers, 100);
        done += papers.len() as u64;
        progress("papers", done, total);
    }
    // Written in bulk, the data set is indexed for search in bulk too.
    progress("search index", 0, 1);
    crate::db::search::index_in_bulk(conn, "large-")?;
    progress("search index", 1, 1);
    Ok(())
}
