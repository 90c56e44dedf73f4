//! Importing an existing action log from CSV, the spreadsheet most
//! secretariats keep: columns are matched by name (with common aliases, or
//! an explicit mapping), every row is checked, and nothing is written
//! unless every row is valid (or invalid rows are skipped on request).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::Actor;
use crate::db::actions::Action;
use crate::db::bodies::Body;
use crate::db::{DbConn, record, users};
use crate::domain::actions::ActionStatus;
use crate::error::{AppError, AppResult};

/// The fields an action log can fill, with the headers recognised for each.
pub const FIELDS: [(&str, &[&str], bool); 7] = [
    (
        "description",
        &["description", "action", "action description", "what"],
        true,
    ),
    (
        "owner_email",
        &[
            "owner_email",
            "owner email",
            "owner",
            "email",
            "responsible",
        ],
        true,
    ),
    (
        "due_on",
        &["due_on", "due", "due date", "deadline", "target date"],
        true,
    ),
    ("status", &["status", "rag", "state"], false),
    (
        "decision",
        &["decision", "reference", "decision reference", "minute ref"],
        false,
    ),
    (
        "closed_on",
        &["closed_on", "closed", "completed", "date completed"],
        false,
    ),
    (
        "note",
        &["note", "latest note", "progress", "update", "comments"],
        false,
    ),
];

/// A problem with the file or one of its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// Line in the file (1 is the header); 0 for the file as a whole.
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Report {
    pub rows: usize,
    pub imported: usize,
    pub skipped: usize,
    pub problems: Vec<RowProblem>,
}

/// A checked row, ready to write.
pub struct ParsedRow {
    pub action: Action,
    pub note: Option<String>,
}

/// Which column holds each field: explicit `mapping` (field -> header) first,
/// then the aliases. Problems name missing and unknown columns.
pub fn map_columns(
    headers: &[String],
    mapping: &HashMap<String, String>,
) -> Result<HashMap<&'static str, usize>, Vec<RowProblem>> {
    let norm = |s: &str| s.trim().trim_start_matches('\u{feff}').to_lowercase();
    let mut problems = Vec::new();
    let mut out = HashMap::new();
    for (field, aliases, required) in FIELDS {
        let found = match mapping.get(field) {
            Some(h) => headers.iter().position(|x| norm(x) == norm(h)),
            None => headers
                .iter()
                .position(|x| aliases.iter().any(|a| norm(x) == *a)),
        };
        match found {
            Some(i) => {
                out.insert(field, i);
            }
            None if required => problems.push(RowProblem {
                line: 1,
                message: match mapping.get(field) {
                    Some(h) => crate::i18n::say_args(
                        "err-import-no-column",
                        &[
                            ("heading", crate::i18n::Arg::Text(h)),
                            ("field", crate::i18n::Arg::Text(field)),
                        ],
                    ),
                    None => crate::i18n::say_args(
                        "err-import-missing-column",
                        &[
                            ("field", crate::i18n::Arg::Text(field)),
                            ("heading", crate::i18n::Arg::Text(aliases[0])),
                        ],
                    ),
                },
            }),
            None => {}
        }
    }
    for (i, h) in headers.iter().enumerate() {
        if !out.values().any(|v| *v == i) && !norm(h).is_empty() {
            problems.push(RowProblem {
                line: 1,
                message: crate::i18n::say_args(
                    "err-import-unknown-column",
                    &[("heading", crate::i18n::Arg::Text(h.trim()))],
                ),
            });
        }
    }
    for (field, h) in mapping {
        if !FIELDS.iter().any(|f| f.0 == field) {
            problems.push(RowProblem {
                line: 0,
                message: crate::i18n::say_args(
                    "err-import-unknown-field",
                    &[
                        ("field", crate::i18n::Arg::Text(field)),
                        ("heading", crate::i18n::Arg::Text(h)),
                        (
                            "fields",
                            crate::i18n::Arg::Text(&FIELDS.map(|f| f.0).join(", ")),
                        ),
                    ],
                ),
            });
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .ok()
        .filter(|d| crate::domain::validate::plausible(*d))
}

fn status_of(s: &str) -> Option<ActionStatus> {
    match s.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
        "" | "open" | "not_started" | "red" | "amber" | "green" => Some(ActionStatus::Open),
        "in_progress" | "ongoing" | "started" => Some(ActionStatus::InProgress),
        "done" | "complete" | "completed" | "closed" => Some(ActionStatus::Done),
        "dropped" | "cancelled" | "withdrawn" => Some(ActionStatus::Dropped),
        _ => None,
    }
}

/// Reads and checks the whole file. Returns the good rows and every problem.
pub fn check(
    conn: &mut DbConn,
    body: &Body,
    bytes: &[u8],
    mapping: &HashMap<String, String>,
    actor: &Actor,
    now: NaiveDateTime,
    mut progress: impl FnMut(usize),
) -> AppResult<(Vec<ParsedRow>, Report)> {
    let mut report = Report::default();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            report.problems.push(RowProblem {
                line,
                message: crate::i18n::say("err-import-not-utf8"),
            });
            return Ok((Vec::new(), report));
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => {
            report.problems.push(RowProblem {
                line: 1,
                message: crate::i18n::say_args(
                    "err-import-header",
                    &[("why", crate::i18n::Arg::Text(&e.to_string()))],
                ),
            });
            return Ok((Vec::new(), report));
        }
    };
    let cols = match map_columns(&headers, mapping) {
        Ok(c) => c,
        Err(p) => {
            report.problems = p;
            return Ok((Vec::new(), report));
        }
    };
    let owners: HashMap<String, (String, String)> = users::all_with_organisation(conn)?
        .into_iter()
        .map(|(u, _)| (u.email.to_lowercase(), (u.id, u.organisation_id)))
        .collect();
    let decisions: HashMap<String, String> = record::search_decisions(
        conn,
        &record::DecisionFilter {
            after: None,
            body_ids: Some(vec![body.id.clone()]),
            exempt: crate::db::ExemptScope::All,
            limit: i64::MAX,
            ..Default::default()
        },
    )?
    .into_iter()
    .map(|d| (d.reference.to_lowercase(), d.id))
    .collect();
    let mut rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let line = n + 2;
        report.rows += 1;
        if n % 1000 == 0 {
            progress(n);
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report.problems.push(RowProblem {
                    line,
                    message: crate::i18n::say_args(
                        "err-import-row",
                        &[("why", crate::i18n::Arg::Text(&e.to_string()))],
                    ),
                });
                continue;
            }
        };
        let get = |f: &str| {
            cols.get(f)
                .and_then(|i| record.get(*i))
                .unwrap_or("")
                .trim()
        };
        let mut why = Vec::new();
        let description = get("description");
        if description.is_empty() {
            why.push(crate::i18n::say("err-import-no-description"));
        } else if description.chars().count() > 2000 {
            why.push(crate::i18n::say("err-import-description-long"));
        } else if description
            .chars()
            .any(|c| c != '\n' && c != '\t' && crate::domain::validate::is_forbidden_char(c))
        {
            why.push(crate::i18n::say("err-import-description-control"));
        }
        let owner = owners.get(&get("owner_email").to_lowercase());
        if owner.is_none() {
            why.push(if get("owner_email").is_empty() {
                crate::i18n::say("err-import-no-owner")
            } else {
                crate::i18n::say_args(
                    "err-import-unknown-owner",
                    &[("email", crate::i18n::Arg::Text(get("owner_email")))],
                )
            });
        }
        let due = parse_date(get("due_on"));
        if due.is_none() {
            why.push(crate::i18n::say_args(
                "err-import-bad-due",
                &[("date", crate::i18n::Arg::Text(get("due_on")))],
            ));
        }
        let status = status_of(get("status"));
        if status.is_none() {
            why.push(crate::i18n::say_args(
                "err-import-unknown-status",
                &[("status", crate::i18n::Arg::Text(get("status")))],
            ));
        }
        let decision = match get("decision") {
            "" => None,
            r => match decisions.get(&r.to_lowercase()) {
                Some(id) => Some(id.clone()),
                None => {
                    why.push(crate::i18n::say_args(
                        "err-import-no-decision",
                        &[("reference", crate::i18n::Arg::Text(r))],
                    ));
                    None
                }
            },
        };
        let closed = match get("closed_on") {
            "" => None,
            s => match parse_date(s) {
                Some(d) => Some(d),
                None => {
                    why.push(crate::i18n::say_args(
                        "err-import-bad-closed",
                        &[("date", crate::i18n::Arg::Text(s))],
                    ));
                    None
                }
            },
        };
        let (Some((owner_id, org_id)), Some(due), Some(status), true) =
            (owner, due, status, why.is_empty())
        else {
            report.problems.push(RowProblem {
                line,
                message: crate::i18n::say_args(
                    "err-import-line",
                    &[
                        ("line", crate::i18n::Arg::Text(&line.to_string())),
                        ("problems", crate::i18n::Arg::Text(&why.join("; "))),
                    ],
                ),
            });
            continue;
        };
        let closed_on = if status.is_closed() {
            Some(closed.unwrap_or(due))
        } else {
            None
        };
        let note = Some(get("note").to_string()).filter(|s| !s.is_empty());
        rows.push(ParsedRow {
            action: Action {
                id: crate::clock::new_id(),
                body_id: body.id.clone(),
                meeting_id: None,
                item_id: None,
                decision_id: decision,
                description: description.to_string(),
                owner_user_id: owner_id.clone(),
                owner_organisation_id: org_id.clone(),
                due_on: due,
                status: status.as_str().to_string(),
                dropped_reason: (status == ActionStatus::Dropped)
                    .then(|| "Dropped before import".to_string()),
                closed_on,
                exempt: false,
                version: 1,
                idempotency_key: None,
                idempotency_digest: None,
                created_by: actor.label.clone(),
                created_at: now,
                updated_at: now,
            },
            note,
        });
    }
    progress(report.rows);
    Ok((rows, report))
}

/// Writes checked rows in batches (one transaction is the caller's).
pub fn write(
    conn: &mut DbConn,
    rows: &[ParsedRow],
    actor: &Actor,
    now: NaiveDateTime,
) -> AppResult<usize> {
    use crate::db::actions::ActionEvent;
    use crate::db::schema::{action_events, actions};
    use diesel::{ExecuteCopyFromDsl, RunQueryDsl};
    let events: Vec<ActionEvent> = rows
        .iter()
        .filter_map(|r| {
            r.note.as_ref().map(|n| ActionEvent {
                id: crate::clock::new_id(),
                action_id: r.action.id.clone(),
                kind: "note".into(),
                note: n.clone(),
                old_due_on: None,
                new_due_on: None,
                status: None,
                author_user_id: actor.user_id.clone(),
                author: format!("{} (imported)", actor.label),
                created_at: now,
            })
        })
        .collect();
    let list: Vec<Action> = rows.iter().map(|r| r.action.clone()).collect();
    // Bulk writes go through each backend's own connection: PostgreSQL takes
    // the rows in one COPY, SQLite in multi-row inserts.
    match conn {
        DbConn::Postgresql(pg) => {
            diesel::copy_from(actions::table)
                .from_insertable(list)
                .execute(pg)?;
            diesel::copy_from(action_events::table)
                .from_insertable(events)
                .execute(pg)?;
        }
        DbConn::Sqlite(s) => {
            for chunk in list.chunks(400) {
                diesel::insert_into(actions::table)
                    .values(chunk)
                    .execute(s)?;
            }
            for chunk in events.chunks(800) {
                diesel::insert_into(action_events::table)
                    .values(chunk)
                    .execute(s)?;
            }
        }
    }
    Ok(rows.len())
}

/// Checks and, when allowed, writes: all rows valid, or `skip_invalid`.
#[allow(clippy::too_many_arguments)]
pub fn import(
    conn: &mut DbConn,
    actor: &Actor,
    body: &Body,
    bytes: &[u8],
    mapping: &HashMap<String, String>,
    skip_invalid: bool,
    now: NaiveDateTime,
    progress: impl FnMut(usize),
) -> AppResult<Report> {
    let (rows, mut report) = check(conn, body, bytes, mapping, actor, now, progress)?;
    let file_level = report.problems.iter().any(|p| p.line <= 1);
    if file_level || (!report.problems.is_empty() && !skip_invalid) {
        return Ok(report);
    }
    report.skipped = report.problems.len();
    report.imported = write(conn, &rows, actor, now)?;
    actor.audit(
        conn,
        now,
        "actions.import",
        "body",
        &body.id,
        format!(
            "imported {} actions ({} rows skipped)",
            report.imported, report.skipped
        ),
    )?;
    if report.imported == 0 && report.rows == 0 {
        return Err(AppError::Validation(vec![crate::error::FieldError::new(
            "file",
            "empty",
            crate::i18n::say("err-import-empty"),
        )]));
    }
    Ok(report)
}
