//! The meeting record, kept live by the secretariat: attendance, then per
//! item notes, declarations, decisions and actions.

use crate::web::extract::{CsrfForm, SignedIn};
use std::collections::HashMap;

use actix_web::{HttpRequest, web};
use serde::Deserialize;

use crate::domain::format::{london_date_words, london_day};
use crate::domain::roles::Role;
use crate::error::{AppError, FieldError};
use crate::services::actions::{self as action_svc, ActionInput};
use crate::services::record;
use crate::state::AppState;
use crate::views::Errors;
use crate::views::record::{AttendanceRow, RecordAction, RecordItem, RecordPage, RecordTyped};
use crate::web::auth::AuthUser;
use crate::web::dates::ReadDate;
use crate::web::respond::{PageResult, form_nav, html, see_other};
use crate::web::routes::Routes;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/meetings/{id}/record", record_page)
        .post("/meetings/{id}/record/attendance", attendance)
        .post("/meetings/{id}/record/items/{item}/{what}", item_form)
        .post(
            "/meetings/{id}/record/items/{item}/movements/{user_id}/remove",
            remove_movement,
        )
        .post(
            "/meetings/{id}/record/decisions/{decision}/{change}",
            fix_decision,
        )
        .post(
            "/meetings/{id}/record/actions/{action_id}/{change}",
            fix_action,
        );
}

async fn render_record(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    id: String,
    errors: Vec<FieldError>,
    focus: String,
    typed: RecordTyped,
) -> PageResult {
    let grants = user.grants.clone();
    let parts = state.ctx_parts();
    let sheet = state
        .tx(move |c| record::sheet(c, &grants, &id, &parts.ctx()))
        .await?;
    let record::RecordSheet {
        meeting: m,
        body,
        working: w,
        quorum: q,
        members,
        attendance: att,
        declarations: decls,
        moves,
        decisions,
        votes,
        actions: acts,
        notes,
        people,
        may_correct,
        item_quorum,
        item_voters,
    } = sheet;
    let votes_by_name = body.votes_by_name;
    let name_of: HashMap<String, String> = people
        .iter()
        .map(|(u, _)| (u.id.clone(), u.name.clone()))
        .collect();
    let attendance = members
        .iter()
        .filter(|mm| mm.role != Role::Secretariat.as_str() && mm.role != Role::Observer.as_str())
        .map(|mm| {
            let a = att.iter().find(|a| a.user_id == mm.user_id);
            let typed_status = typed.value("", "attendance", &format!("status-{}", mm.user_id));
            let typed_sub =
                typed.value("", "attendance", &format!("substitute_for-{}", mm.user_id));
            let attendance_typed = typed.form == "attendance";
            AttendanceRow {
                user_id: mm.user_id.clone(),
                name: mm.name.clone(),
                organisation: mm.organisation.clone(),
                role: Role::parse(&mm.role)
                    .map(|r| r.label().to_string())
                    .unwrap_or_default(),
                status: if attendance_typed {
                    typed_status.to_string()
                } else {
                    a.map(|a| a.status.clone()).unwrap_or_default()
                },
                substitute_for: if attendance_typed {
                    typed_sub.to_string()
                } else {
                    a.and_then(|a| a.substitute_for_user_id.clone())
                        .unwrap_or_default()
                },
                is_substitute: mm.role == "officer"
                    || crate::domain::roles::Role::parse(&mm.role)
                        .is_some_and(crate::domain::roles::Role::stands_in),
                remote: if attendance_typed {
                    typed.value("", "attendance", &format!("mode-{}", mm.user_id)) == "remote"
                } else {
                    a.is_some_and(|a| a.mode.as_deref() == Some("remote"))
                },
            }
        })
        .collect();
    let voting = members
        .iter()
        .filter(|mm| matches!(mm.role.as_str(), "chair" | "vice_chair" | "member"))
        .map(|mm| (mm.user_id.clone(), mm.name.clone()))
        .collect();
    let lang = crate::web::respond::lang(req);
    let name = |id: &str| name_of.get(id).cloned().unwrap_or_default();
    let present = att
        .iter()
        .filter(|a| a.status == "present")
        .map(|a| (a.user_id.clone(), name(&a.user_id)))
        .collect();
    let items = w
        .items
        .iter()
        .map(|i| RecordItem {
            id: i.row.id.clone(),
            number: i.number,
            title: i.title.clone(),
            exempt: i.exempt_category.is_some(),
            declarations: decls
                .iter()
                .filter(|d| d.item_id == i.row.id)
                .map(|d| {
                    format!(
                        "{}: {}{}",
                        name_of.get(&d.user_id).cloned().unwrap_or_default(),
                        d.interest,
                        if d.left_room {
                            crate::i18n::text(lang, "declaration-left-note")
                        } else {
                            String::new()
                        }
                    )
                })
                .collect(),
            notes: notes.get(&i.row.id).cloned().unwrap_or_default(),
            quorum: item_quorum
                .get(&i.row.id)
                .map(|q| {
                    crate::i18n::text_with(
                        lang,
                        if q.met {
                            "record-item-quorate"
                        } else {
                            "record-item-not-quorate"
                        },
                        &[
                            ("present", crate::i18n::Arg::count(q.present)),
                            ("needed", crate::i18n::Arg::count(q.needed)),
                        ],
                    )
                })
                .unwrap_or_default(),
            moves: record::movement_words(lang, &moves, &i.row.id, name),
            voters: item_voters
                .get(&i.row.id)
                .map(|v| v.iter().map(|u| (u.clone(), name(u))).collect())
                .unwrap_or_default(),
            decisions: decisions
                .iter()
                .filter(|d| d.item_id == i.row.id)
                .map(|d| crate::views::record::RecordDecision {
                    id: d.id.clone(),
                    reference: d.reference.clone(),
                    text: d.text.clone(),
                    withdrawn: d.withdrawn_reason.clone().unwrap_or_default(),
                    vote: record::vote_words(lang, d, &votes, name),
                })
                .collect(),
            actions: acts
                .iter()
                .filter(|a| a.item_id.as_deref() == Some(i.row.id.as_str()))
                .enumerate()
                .map(|(n, a)| {
                    let typed_here = typed.item == a.id && typed.form == "correct-action";
                    let fix = |field: &str, held: &str| {
                        if typed_here {
                            typed.value(&a.id, "correct-action", field).to_string()
                        } else {
                            held.to_string()
                        }
                    };
                    RecordAction {
                        id: a.id.clone(),
                        which: crate::i18n::text_with(
                            lang,
                            "action-which",
                            &[
                                ("item", crate::i18n::Arg::count(i.number as usize)),
                                ("n", crate::i18n::Arg::count(n + 1)),
                            ],
                        ),
                        description: a.description.clone(),
                        owner: name_of.get(&a.owner_user_id).cloned().unwrap_or_default(),
                        due: london_date_words(a.due_on),
                        fix_description: fix("description", &a.description),
                        fix_owner: fix("owner_user_id", &a.owner_user_id),
                        fix_due: if typed_here {
                            typed.date(&a.id, "correct-action", "due_on")
                        } else {
                            crate::views::DateTyped::of(a.due_on)
                        },
                    }
                })
                .collect(),
            late_urgency: i
                .paper
                .as_ref()
                .filter(|p| p.late)
                .and_then(|p| p.late_reason.clone())
                .unwrap_or_default(),
        })
        .collect();
    let (nav, status) = form_nav(req, Some(user), &errors);
    let page = RecordPage {
        nav,
        errors: Errors(errors),
        meeting_id: m.id.clone(),
        body_name: body.name.clone(),
        body_slug: body.slug.clone(),
        date: london_day(m.starts_at),
        quorum: crate::i18n::text_with(
            lang,
            "record-quorum",
            &[
                ("present", crate::i18n::Arg::count(q.present)),
                ("members", crate::i18n::Arg::count(q.members)),
                ("needed", crate::i18n::Arg::count(q.needed)),
            ],
        ),
        quorate: q.met,
        attendance,
        voting,
        items,
        people: people
            .iter()
            .map(|(u, org)| (u.id.clone(), format!("{}, {org}", u.name)))
            .collect(),
        members: members
            .iter()
            .map(|mm| (mm.user_id.clone(), mm.name.clone()))
            .collect(),
        present,
        votes_by_name,
        key: crate::clock::new_id(),
        can_correct: may_correct,
        bilingual: body.bilingual,
        focus_item: focus,
        typed,
    };
    html(status, &page)
}

async fn record_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
) -> PageResult {
    render_record(
        &state,
        &req,
        &user,
        path.into_inner(),
        Vec::new(),
        String::new(),
        RecordTyped::default(),
    )
    .await
}

#[derive(Default, Deserialize)]
struct RecordForm {
    #[serde(default)]
    notes: String,
    #[serde(default)]
    user_id: String,
    #[serde(default)]
    interest: String,
    #[serde(default)]
    left_room: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    owner_user_id: String,
    #[serde(flatten)]
    due: crate::web::dates::DueOnFields,
    #[serde(default)]
    decision_id: String,
    #[serde(default)]
    movement: String,
    /// Arriving remotely: "yes" when ticked.
    #[serde(default)]
    remote: String,
    #[serde(default)]
    vote_for: String,
    #[serde(default)]
    vote_against: String,
    #[serde(default)]
    vote_abstain: String,
    #[serde(default)]
    idempotency_key: String,
    /// Votes by name: `vote-{user id}` is for, against, abstain or "".
    #[serde(flatten)]
    rest: HashMap<String, String>,
}

impl RecordForm {
    /// The vote as typed: counts (a number that is not one reads as -1,
    /// which the rules refuse with the right words) or, by name, each
    /// choice made.
    fn vote(&self) -> record::VoteInput {
        let count = |s: &str| {
            let s = s.trim();
            (!s.is_empty()).then(|| s.parse::<i32>().unwrap_or(-1))
        };
        let mut by_name: Vec<record::NamedVoteInput> = self
            .rest
            .iter()
            .filter_map(|(k, v)| {
                let who = k.strip_prefix("vote-")?;
                (!v.is_empty()).then(|| record::NamedVoteInput {
                    user_id: who.to_string(),
                    vote: v.clone(),
                })
            })
            .collect();
        by_name.sort_by(|a, b| a.user_id.cmp(&b.user_id));
        record::VoteInput {
            for_: count(&self.vote_for),
            against: count(&self.vote_against),
            abstain: count(&self.vote_abstain),
            by_name: (!by_name.is_empty()).then_some(by_name),
        }
    }
}

/// Runs a record change for the meeting's secretariat.
pub(super) async fn in_meeting(
    state: &AppState,
    user: &AuthUser,
    id: String,
    change: impl record::MeetingChange,
) -> Result<(), AppError> {
    let grants = user.grants.clone();
    state
        .tx(move |c| record::in_managed_meeting(c, &grants, &id, change))
        .await
}

/// Everyone's attendance, from the one form on the record sheet: each
/// person's `status-{id}` and, for substitutes, `substitute_for-{id}`.
async fn attendance(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<HashMap<String, String>>,
) -> PageResult {
    let id = path.into_inner();
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let entries: Vec<(String, record::AttendanceInput)> = form
        .iter()
        .filter_map(|(k, v)| {
            let who = k.strip_prefix("status-")?;
            Some((
                who.to_string(),
                record::AttendanceInput {
                    status: Some(v.clone()),
                    substitute_for: form.get(&format!("substitute_for-{who}")).cloned(),
                    // The box is sent only when ticked.
                    mode: Some(
                        if form.get(&format!("mode-{who}")).map(String::as_str) == Some("remote") {
                            "remote"
                        } else {
                            "in_person"
                        }
                        .to_string(),
                    ),
                },
            ))
        })
        .collect();
    let result = in_meeting(&state, &user, id.clone(), move |c, m, b| {
        record::set_attendance_all(c, &actor, m, b, &entries, now).map(|_| ())
    })
    .await;
    let errors = crate::web::respond::field_errors(result)?;
    if errors.is_empty() {
        return Ok(see_other(&format!(
            "/meetings/{id}/record?notice=attendance-saved#attendance"
        )));
    }
    let typed = RecordTyped {
        item: String::new(),
        form: "attendance".into(),
        fields: form,
    };
    render_record(&state, &req, &user, id, errors, String::new(), typed).await
}

#[derive(Default, Deserialize)]
struct FixForm {
    #[serde(default)]
    text: String,
    #[serde(default)]
    reason: String,
}

/// Corrects or withdraws a decision from the record sheet.
async fn fix_decision(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<FixForm>,
) -> PageResult {
    let (id, did, change) = path.into_inner();
    let Some(kind) = record::RecordChange::parse(&change) else {
        return Err(AppError::NotFound.into());
    };
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let typed = RecordTyped {
        item: did.clone(),
        form: change.clone(),
        fields: [("text", &form.text), ("reason", &form.reason)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect(),
    };
    let target = did.clone();
    let result = in_meeting(&state, &user, id.clone(), move |c, m, _| {
        record::change_decision(
            c,
            &actor,
            m,
            &target,
            kind,
            Some(&form.text),
            Some(&form.reason),
            now,
        )
        .map(|_| ())
    })
    .await;
    let errors = crate::web::respond::field_errors(result)?;
    if errors.is_empty() {
        let notice = match kind {
            record::RecordChange::Correct => "decision-corrected",
            record::RecordChange::Withdraw => "decision-withdrawn",
        };
        return Ok(see_other(&format!(
            "/meetings/{id}/record?notice={notice}#decision-{did}"
        )));
    }
    let errors = crate::web::respond::rekey(errors, |field| {
        let prefix = match (change.as_str(), field) {
            ("correct", "text") => "fix-text",
            ("correct", "reason") => "fix-reason",
            ("withdraw", "reason") => "withdraw-reason",
            _ => "withdraw",
        };
        format!("{prefix}-{did}")
    });
    render_record(&state, &req, &user, id, errors, String::new(), typed).await
}

#[derive(Default, Deserialize)]
struct FixActionForm {
    #[serde(default)]
    description: String,
    #[serde(default)]
    owner_user_id: String,
    #[serde(flatten)]
    due: crate::web::dates::DueOnFields,
    #[serde(default)]
    reason: String,
}

/// Corrects or withdraws an action from the record sheet.
async fn fix_action(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<FixActionForm>,
) -> PageResult {
    let (id, aid, change) = path.into_inner();
    let Some(kind) = record::RecordChange::parse(&change) else {
        return Err(AppError::NotFound.into());
    };
    let actor = user.actor(&req);
    let parts = state.ctx_parts();
    let due = form
        .due
        .typed()
        .read("due_on", "label-due-date", crate::web::respond::lang(&req));
    let typed = RecordTyped {
        item: aid.clone(),
        form: format!("{change}-action"),
        fields: [
            ("description", &form.description),
            ("owner_user_id", &form.owner_user_id),
            ("due_on-day", &form.due.day),
            ("due_on-month", &form.due.month),
            ("due_on-year", &form.due.year),
            ("reason", &form.reason),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect(),
    };
    let fix = action_svc::ActionCorrection {
        description: Some(form.description),
        owner_user_id: Some(form.owner_user_id),
        due_on: due.value.clone(),
        reason: Some(form.reason),
        translations: None,
    };
    let (target, meeting, grants) = (aid.clone(), id.clone(), user.grants.clone());
    let result = state
        .tx(move |c| {
            record::in_managed_meeting(c, &grants, &meeting, |c, m, _| {
                action_svc::change_recorded(
                    c,
                    &actor,
                    &grants,
                    m,
                    &target,
                    kind,
                    &fix,
                    &parts.ctx(),
                )
            })
        })
        .await;
    let errors = match crate::web::respond::split(result)? {
        Err(errors) => errors,
        Ok(a) => {
            let (notice, anchor) = match kind {
                record::RecordChange::Correct => ("action-corrected", format!("action-{aid}")),
                record::RecordChange::Withdraw => (
                    "action-withdrawn",
                    format!("item-{}", a.item_id.unwrap_or_default()),
                ),
            };
            return Ok(see_other(&format!(
                "/meetings/{id}/record?notice={notice}#{anchor}"
            )));
        }
    };
    let errors = crate::web::respond::rekey(
        crate::web::dates::in_words(errors, &due, "due_on"),
        |field| {
            let prefix = match (change.as_str(), field) {
                ("correct", "description") => "fixact-desc",
                ("correct", "owner_user_id") => "fixact-owner",
                ("correct", "due_on") => "fixact-due",
                ("correct", "reason") => "fixact-reason",
                ("withdraw", "reason") => "withdrawact-reason",
                _ => "withdrawact",
            };
            format!("{prefix}-{aid}")
        },
    );
    render_record(&state, &req, &user, id, errors, String::new(), typed).await
}

async fn item_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String, String)>,
    CsrfForm(form): CsrfForm<RecordForm>,
) -> PageResult {
    let (id, item, what) = path.into_inner();
    let actor = user.actor(&req);
    let grants = user.grants.clone();
    let parts = state.ctx_parts();
    let item_id = item.clone();
    let key = Some(form.idempotency_key.clone()).filter(|k| !k.is_empty());
    let due = form
        .due
        .typed()
        .read("due_on", "label-due-date", crate::web::respond::lang(&req));
    let due_on = due.value.clone();
    let vote = form.vote();
    let mut typed = RecordTyped {
        item: item.clone(),
        form: what.clone(),
        fields: [
            ("movement", &form.movement),
            ("remote", &form.remote),
            ("vote_for", &form.vote_for),
            ("vote_against", &form.vote_against),
            ("vote_abstain", &form.vote_abstain),
            ("notes", &form.notes),
            ("user_id", &form.user_id),
            ("interest", &form.interest),
            ("left_room", &form.left_room),
            ("text", &form.text),
            ("description", &form.description),
            ("owner_user_id", &form.owner_user_id),
            ("due_on-day", &form.due.day),
            ("due_on-month", &form.due.month),
            ("due_on-year", &form.due.year),
            ("decision_id", &form.decision_id),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect(),
    };
    for (k, v) in form.rest.iter().filter(|(k, _)| k.starts_with("vote-")) {
        typed.fields.insert(k.clone(), v.clone());
    }
    let result = match what.as_str() {
        "movements" => {
            let input = record::MovementInput {
                movement: Some(form.movement.clone()),
                // The box is sent only when ticked.
                mode: (form.movement == "arrives" && form.remote == "yes")
                    .then(|| "remote".to_string()),
            };
            in_meeting(&state, &user, id.clone(), move |c, m, b| {
                record::set_movement(c, &actor, m, b, &item_id, &form.user_id, &input, parts.now)
                    .map(|_| ())
            })
            .await
        }
        "notes" => {
            in_meeting(&state, &user, id.clone(), move |c, m, _| {
                record::set_notes(c, &actor, m, &item_id, &form.notes, parts.now)
            })
            .await
        }
        "declarations" => {
            in_meeting(&state, &user, id.clone(), move |c, m, b| {
                record::declare(
                    c,
                    &actor,
                    m,
                    b,
                    &item_id,
                    &form.user_id,
                    Some(&form.interest),
                    form.left_room == "yes",
                    key.as_deref(),
                    parts.now,
                )
                .map(|_| ())
            })
            .await
        }
        "decisions" => {
            in_meeting(&state, &user, id.clone(), move |c, m, b| {
                record::decide(
                    c,
                    &actor,
                    m,
                    b,
                    Some(&item_id),
                    Some(&form.text),
                    Some(&vote),
                    key.as_deref(),
                    parts.now,
                )
                .map(|_| ())
            })
            .await
        }
        "actions" => {
            in_meeting(&state, &user, id.clone(), move |c, m, _| {
                record::item_of(c, m, &item_id, "item_id")?;
                let input = ActionInput {
                    decision_id: Some(form.decision_id).filter(|d| !d.is_empty()),
                    item_id: Some(item_id.clone()),
                    description: Some(form.description),
                    owner_user_id: Some(form.owner_user_id),
                    due_on,
                    idempotency_key: key,
                    translations: None,
                };
                action_svc::create(c, &actor, &grants, &input, &parts.ctx()).map(|_| ())
            })
            .await
        }
        _ => return Err(AppError::NotFound.into()),
    };
    let errors = crate::web::respond::field_errors(result)?;
    if errors.is_empty() {
        let notice = match what.as_str() {
            "notes" => "notes-saved",
            "declarations" => "declaration-recorded",
            "movements" => "movement-recorded",
            "decisions" => "decision-recorded",
            _ => "action-recorded",
        };
        return Ok(see_other(&format!(
            "/meetings/{id}/record?notice={notice}#item-{item}"
        )));
    }
    // Each error at its field in this item's form.
    let errors = crate::web::respond::rekey(
        crate::web::dates::in_words(errors, &due, "due_on"),
        |field| {
            let prefix = match (what.as_str(), field) {
                ("notes", _) => "notes",
                ("declarations", "user_id") => "decl-user",
                ("declarations", _) => "decl",
                ("movements", "user_id") => "move-user",
                ("movements", _) => "move",
                ("decisions", f) if f.starts_with("vote") => "dec-vote",
                ("decisions", _) => "dec",
                ("actions", "owner_user_id") => "act-owner",
                ("actions", "due_on") => "act-due",
                ("actions", "decision_id") => "act-dec",
                _ => "act",
            };
            format!("{prefix}-{item}")
        },
    );
    render_record(&state, &req, &user, id, errors, item, typed).await
}

/// Removes an arrival or departure recorded at an item.
async fn remove_movement(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String, String)>,
    CsrfForm(_): CsrfForm<HashMap<String, String>>,
) -> PageResult {
    let (id, item, who) = path.into_inner();
    let actor = user.actor(&req);
    let now = state.clock.now_naive();
    let item_id = item.clone();
    in_meeting(&state, &user, id.clone(), move |c, m, _| {
        record::clear_movement(c, &actor, m, &item_id, &who, now)
    })
    .await?;
    Ok(see_other(&format!(
        "/meetings/{id}/record?notice=movement-removed#item-{item}"
    )))
}
