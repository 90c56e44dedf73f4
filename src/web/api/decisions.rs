//! The decisions register.

use std::collections::HashMap;

use crate::web::routes::Routes;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{Page, PageParams, page_of, rfc3339};
use crate::error::AppError;
use crate::services::decisions::{self, RegisterFilter};
use crate::state::AppState;
use crate::web::auth::ApiCaller;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/decisions", decisions);
}
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionOut {
    pub id: String,
    /// `{body-slug}/{YYYY}/{NNN}`
    pub reference: String,
    pub body_slug: String,
    pub meeting_id: String,
    pub item_id: String,
    pub text: String,
    pub decided_at: String,
    /// Actions recorded against it.
    pub actions: usize,
    /// Why the secretariat withdrew it (recorded in error); absent while it
    /// stands. A withdrawn decision keeps its number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn_reason: Option<String>,
    /// The vote, where one was recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote: Option<VoteOut>,
    /// A bilingual body's decision: its Welsh (`{"cy": {"text": "…"}}`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translations: Option<HashMap<String, HashMap<String, String>>>,
    /// The status of each translated field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_status: Option<HashMap<String, HashMap<String, String>>>,
}

/// A vote's count.
#[derive(Debug, Serialize, ToSchema)]
pub struct VoteOut {
    #[serde(rename = "for")]
    pub for_: i32,
    pub against: i32,
    pub abstain: i32,
}

impl From<crate::domain::record::Tally> for VoteOut {
    fn from(t: crate::domain::record::Tally) -> VoteOut {
        VoteOut {
            for_: t.for_,
            against: t.against,
            abstain: t.abstain,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct DecisionQuery {
    /// Body slug
    pub body: Option<String>,
    /// YYYY-MM-DD, inclusive
    pub from: Option<String>,
    /// YYYY-MM-DD, inclusive
    pub to: Option<String>,
    /// Words in the resolution or its reference
    pub q: Option<String>,
    /// Only decisions on a paper serving this priority (its id)
    pub priority: Option<String>,
    /// 1 to 500; default 50
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` from the previous page
    pub cursor: Option<String>,
}

/// A register cursor: the last decision's (recorded at, reference).
fn decision_cursor(at: chrono::NaiveDateTime, reference: &str) -> String {
    super::cursor_of(&format!(
        "{}|{reference}",
        at.and_utc().timestamp_nanos_opt().unwrap_or_default()
    ))
}

fn read_decision_cursor(cursor: &str) -> Result<(chrono::NaiveDateTime, String), AppError> {
    let text = super::cursor_text(cursor)?;
    let (nanos, reference) = text.split_once('|').ok_or_else(super::bad_cursor)?;
    let nanos = nanos.parse::<i64>().map_err(|_| super::bad_cursor())?;
    Ok((
        chrono::DateTime::from_timestamp_nanos(nanos).naive_utc(),
        reference.to_string(),
    ))
}

/// The decisions register (exempt decisions only for those who may see them).
#[utoipa::path(get, path = "/api/v1/decisions", tag = "record", params(DecisionQuery),
    responses((status = 200, body = Page<DecisionOut>), (status = 400, body = crate::error::Problem), (status = 404, description = "`body` names no body", body = crate::error::Problem)))]
pub async fn decisions(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: web::Query<DecisionQuery>,
) -> Result<HttpResponse, AppError> {
    let from = super::date_param("from", query.from.as_deref())?;
    let to = super::date_param("to", query.to.as_deref())?;
    let limit = PageParams {
        limit: query.limit,
        cursor: None,
    }
    .limit()?;
    let after = query
        .cursor
        .as_deref()
        .filter(|c| !c.is_empty())
        .map(read_decision_cursor)
        .transpose()?;
    let grants = caller.0.map(|c| c.grants);
    let filter = RegisterFilter {
        body: query.body.clone(),
        from,
        to,
        text: query.q.clone(),
        priority_id: query.priority.clone(),
        after,
        limit: limit + 1,
    };
    let entries = state
        .db(move |c| decisions::register_with_welsh(c, grants.as_ref(), &filter))
        .await?;
    let out = page_of(
        entries,
        limit,
        |(e, _)| decision_cursor(e.decision.created_at, &e.decision.reference),
        |(e, welsh)| {
            let (translations, translation_status) = welsh.map(|w| w.by_language()).unzip();
            DecisionOut {
                translations,
                translation_status,
                vote: e.decision.tally().map(VoteOut::from),
                actions: usize::from(e.has_actions),
                body_slug: e.body_slug,
                id: e.decision.id,
                reference: e.decision.reference,
                meeting_id: e.decision.meeting_id,
                item_id: e.decision.item_id,
                text: e.decision.text,
                decided_at: rfc3339(e.decision.created_at),
                withdrawn_reason: e.decision.withdrawn_reason,
            }
        },
    );
    Ok(HttpResponse::Ok().json(out))
}
