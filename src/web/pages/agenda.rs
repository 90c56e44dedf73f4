//! Agenda pages: the secretariat's builder and publishing, and the
//! published versions, briefing, print pack and papers everyone reads.

use crate::web::routes::Routes;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::meetings::change;
use crate::domain::agenda::ItemKind;
use crate::domain::briefing::ItemType;
use crate::domain::briefing::brief;
use crate::domain::format::{london_datetime, london_day};
use crate::domain::frozen::changes;
use crate::error::{AppError, FieldError};
use crate::services::agenda::{
    self as svc, Audience, ItemChange, ItemInput, PublishInput, Working,
};
use crate::state::AppState;
use crate::views::Errors;
use crate::views::agenda::{
    AgendaRow, BriefingPage, BuilderPage, FrozenPaperPage, PackPage, PublishPage, VersionPage,
    heading_for, pack_paper, rows_of,
};
use crate::web::auth::{AuthUser, Viewer};
use crate::web::respond::{PageResult, checked_form, form_nav, html, nav, require_user, see_other};

pub fn configure(r: &mut Routes<'_>) {
    r.get("/meetings/{id}/agenda", builder)
        .post("/meetings/{id}/agenda/items", add_item)
        .post("/meetings/{id}/agenda/items/{item}/move", move_item)
        .post("/meetings/{id}/agenda/items/{item}/change", change_item)
        .post("/meetings/{id}/agenda/items/{item}/remove", remove_item)
        .post("/meetings/{id}/agenda/items/{item}/refer", refer)
        .post("/meetings/{id}/agenda/sort", sort)
        .get(
            "/meetings/{id}/agenda/versions/{n}/papers/{paper}.pdf",
            paper_pdf,
        )
        .get("/meetings/{id}/agenda/publish", publish_page)
        .post("/meetings/{id}/agenda/publish", publish)
        .get("/meetings/{id}/agenda/versions/{n}", version)
        .get("/meetings/{id}/agenda/versions/{n}/briefing", briefing)
        .get("/meetings/{id}/agenda/versions/{n}/pack", pack)
        .get("/meetings/{id}/agenda/versions/{n}/papers/{paper}", paper)
        .get("/meetings/{id}/agenda/versions/{n}/pack.pdf", pdf)
        .get(
            "/meetings/{id}/agenda/versions/{n}/members-pack",
            members_pack,
        )
        .get(
            "/meetings/{id}/agenda/versions/{n}/members-pack.pdf",
            members_pdf,
        )
        .get("/meetings/{id}/pack.pdf", latest_pdf)
        .get("/meetings/{id}/briefing", latest_briefing)
        .get("/meetings/{id}/pack", latest_pack)
        .get("/meetings/{id}/members-pack.pdf", latest_members_pdf)
        .get("/meetings/{id}/members-pack", latest_members_pack);
}

/// Whose copy of a published version is asked for. The public pack and the
/// members' pack have their own addresses, so a browser or cache that kept
/// one can never hand it out as the other.
use crate::services::agenda::Readers;

impl Readers {
    /// Who is asking: the members' copy is for signed-in people only (the
    /// public is sent to sign in first).
    fn viewer(
        self,
        req: &HttpRequest,
        viewer: Viewer,
    ) -> Result<Viewer, crate::web::respond::PageError> {
        match self {
            Readers::Members => Ok(Viewer(Some(require_user(req, viewer)?))),
            _ => Ok(viewer),
        }
    }

    /// The answer, never kept when it is the members' copy.
    fn mark(self, res: HttpResponse) -> HttpResponse {
        if self == Readers::Members {
            never_kept(res)
        } else {
            res
        }
    }
}

/// Marks an answer holding exempt material as never to be kept: on a shared
/// computer, after signing out, the same address must not give it back from
/// a cache.
fn never_kept(mut res: HttpResponse) -> HttpResponse {
    let headers = res.headers_mut();
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("private, no-store"),
    );
    headers.insert(header::VARY, header::HeaderValue::from_static("Cookie"));
    res
}

fn london_when(m_start: chrono::NaiveDateTime, m_end: chrono::NaiveDateTime) -> String {
    format!(
        "{} to {}",
        london_datetime(m_start),
        m_end
            .and_utc()
            .with_timezone(&chrono_tz::Europe::London)
            .format("%H:%M")
    )
}

/// The working agenda as the body's people see it before publication (give
/// it `services::agenda::seen_by`, which withholds exempt items), with a
/// paper linked only when the reader may open it (`may_open` holds the ids
/// of those papers).
pub fn draft_rows(w: &Working, may_open: &std::collections::HashSet<String>) -> Vec<AgendaRow> {
    builder_rows(w, &HashMap::new())
        .into_iter()
        .zip(w.items.iter())
        .map(|(mut row, item)| {
            if item
                .paper
                .as_ref()
                .is_some_and(|p| !may_open.contains(&p.id))
            {
                row.paper_link.clear();
            }
            row
        })
        .collect()
}

/// Rows of the working agenda, with the builder's controls.
fn builder_rows(w: &Working, referrals: &HashMap<String, Vec<String>>) -> Vec<AgendaRow> {
    let movable: Vec<(&str, (bool, bool))> = w
        .items
        .iter()
        .filter(|i| i.kind.movable())
        .map(|i| (i.row.id.as_str(), i.section()))
        .collect();
    let mut prev: Option<(ItemKind, bool, bool)> = None;
    w.items
        .iter()
        .map(|i| {
            let exempt = i.exempt_category.is_some();
            let mut tags = Vec::new();
            if let Some(p) = &i.paper {
                let (label, class) = super::meetings::status_tag(&p.status);
                tags.push((label, class));
                if p.late {
                    tags.push((
                        match p.late_decision.as_deref() {
                            Some("approved") => "Late: approved by the chair".to_string(),
                            Some(_) => "Late: rejected by the chair".to_string(),
                            None => "Late: awaiting the chair".to_string(),
                        },
                        "tag-red".to_string(),
                    ));
                }
            }
            if let Some(c) = i.exempt_category {
                tags.push((format!("Exempt – category {c}"), "tag-grey".into()));
            }
            let presenter = match (&i.presenter, &i.organisation) {
                (Some(p), Some(o)) => format!("{p}, {o}"),
                (Some(p), None) => p.clone(),
                (None, Some(o)) => o.clone(),
                _ => String::new(),
            };
            let pos = movable.iter().position(|m| m.0 == i.row.id);
            let section = i.section();
            let has_before = pos.is_some_and(|p| movable[..p].iter().any(|m| m.1 == section));
            let has_after = pos.is_some_and(|p| movable[p + 1..].iter().any(|m| m.1 == section));
            let row = AgendaRow {
                id: i.row.id.clone(),
                number: i.number,
                title: i.title.clone(),
                presenter,
                asked: i
                    .item_type
                    .map(|t| t.label().to_string())
                    .unwrap_or_default(),
                minutes: i.row.minutes_allocated,
                paper_link: i
                    .paper
                    .as_ref()
                    .map(|p| format!("/papers/{}", p.id))
                    .unwrap_or_default(),
                tags,
                heading: heading_for(
                    prev.as_ref().map(|(k, n, e)| (k, *n, *e)),
                    i.kind,
                    i.row.to_note,
                    exempt,
                ),
                verbal: match (&i.paper, &i.row.verbal_reason) {
                    (None, Some(r)) => format!("Verbal report: {r}"),
                    _ => String::new(),
                },
                exempt,
                movable: pos.is_some(),
                first: !has_before,
                last: !has_after,
                removable: i.kind == ItemKind::Substantive && i.paper.is_none(),
                to_note: i.row.to_note,
                information: i.kind == ItemKind::Substantive
                    && i.item_type == Some(ItemType::Information)
                    && !exempt,
                log: Vec::new(),
                referrals: referrals.get(&i.row.id).cloned().unwrap_or_default(),
                referable: i.kind == ItemKind::Substantive && !exempt,
            };
            prev = Some((i.kind, i.row.to_note, exempt));
            row
        })
        .collect()
}

type Loaded = svc::Builder;

async fn load_working(state: &AppState, user: &AuthUser, id: String) -> Result<Loaded, AppError> {
    let grants = user.grants.clone();
    let parts = state.ctx_parts();
    state
        .tx(move |c| svc::builder(c, &grants, &id, &parts.ctx()))
        .await
}

fn deadline_words(state: &AppState, l: &Loaded) -> String {
    let t = crate::services::meetings::timeline_for(&l.meeting, &l.body, &state.calendars());
    london_datetime(t.publication_deadline.naive_utc())
}

async fn render_builder(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    id: String,
    errors: Vec<FieldError>,
    typed: BuilderTyped,
) -> PageResult {
    let l = load_working(state, user, id).await?;
    let (nav, status) = form_nav(req, Some(user), &errors);
    let w = &l.working;
    let page = BuilderPage {
        nav,
        errors: Errors(errors),
        meeting_id: l.meeting.id.clone(),
        body_name: l.body.name.clone(),
        body_slug: l.body.slug.clone(),
        date: london_day(l.meeting.starts_at),
        rows: builder_rows(w, &l.referrals),
        minutes_total: w.balance.minutes_total,
        meeting_minutes: w.balance.meeting_minutes,
        balance: w.balance.clone(),
        blocking: w
            .preflight
            .blocking
            .iter()
            .map(|f| f.message.clone())
            .collect(),
        warnings: w
            .preflight
            .warnings
            .iter()
            .map(|f| f.message.clone())
            .collect(),
        published_number: w.agenda.published_number,
        changed: w.changed_since_publication,
        publication_deadline: deadline_words(state, &l),
        item_types: ItemType::ALL
            .iter()
            .map(|t| (t.as_str().to_string(), t.label().to_string()))
            .collect(),
        organisations: l.organisations.clone(),
        versions: l
            .versions
            .iter()
            .map(|(n, at, late, sup)| {
                (
                    *n,
                    london_datetime(*at),
                    sup.clone().or_else(|| late.clone()).unwrap_or_default(),
                )
            })
            .collect(),
        packs: l
            .packs
            .iter()
            .map(|p| {
                (
                    p.audience.clone(),
                    match p.status.as_str() {
                        "ready" => "ready".to_string(),
                        _ => format!(
                            "could not be made ({}); it is retried automatically",
                            p.error.clone().unwrap_or_default()
                        ),
                    },
                )
            })
            .collect(),
        related: l.related.clone(),
        verbal: typed,
    };
    html(status, &page)
}

async fn builder(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    render_builder(
        &state,
        &req,
        &user,
        path.into_inner(),
        Vec::new(),
        BuilderTyped::default(),
    )
    .await
}

/// The add-a-verbal-item form as typed, to show again with its errors.
pub use crate::views::agenda::BuilderTyped;

#[derive(Default, Deserialize)]
struct ItemForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    item_type: String,
    #[serde(default)]
    organisation_id: String,
    #[serde(default)]
    verbal_reason: String,
    #[serde(default)]
    minutes_allocated: String,
    #[serde(default)]
    direction: String,
    #[serde(default)]
    to_note: String,
    #[serde(default)]
    late_reason: String,
    #[serde(default)]
    supplement_reason: String,
}

fn parse_minutes(s: &str) -> Result<Option<i32>, Vec<FieldError>> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<i32>().map(Some).map_err(|_| {
        vec![FieldError::new(
            "minutes_allocated",
            "invalid",
            "Enter the minutes as a whole number, like 15.",
        )]
    })
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Runs a builder change, then back to the builder (errors shown there).
async fn builder_change(
    state: &AppState,
    req: &HttpRequest,
    user: AuthUser,
    id: String,
    anchor: &str,
    typed: BuilderTyped,
    f: impl crate::services::meetings::ManagedChange,
) -> PageResult {
    let actor = user.actor(req);
    let result = change(state, &user, actor, id.clone(), f).await;
    match crate::web::respond::split(result)? {
        Ok(_) => Ok(see_other(&format!("/meetings/{id}/agenda{anchor}"))),
        Err(errors) => render_builder(state, req, &user, id, errors, typed).await,
    }
}

async fn add_item(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let form: ItemForm = checked_form(&req, &body)?;
    let id = path.into_inner();
    let typed = BuilderTyped {
        title: form.title.clone(),
        item_type: form.item_type.clone(),
        organisation_id: form.organisation_id.clone(),
        verbal_reason: form.verbal_reason.clone(),
        minutes_allocated: form.minutes_allocated.clone(),
        ..BuilderTyped::default()
    };
    let minutes = match parse_minutes(&form.minutes_allocated) {
        Ok(m) => m,
        Err(errors) => return render_builder(&state, &req, &user, id, errors, typed).await,
    };
    let input = ItemInput {
        title: Some(form.title),
        item_type: non_empty(&form.item_type),
        presenter_user_id: None,
        organisation_id: non_empty(&form.organisation_id),
        minutes_allocated: minutes,
        verbal_reason: non_empty(&form.verbal_reason),
        exempt_category: None,
    };
    builder_change(
        &state,
        &req,
        user,
        id,
        "#agenda",
        typed,
        move |c, actor, _, m, ctx| svc::add_item(c, actor, m, &input, None, ctx.now).map(|i| i.id),
    )
    .await
}

async fn move_item(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let form: ItemForm = checked_form(&req, &body)?;
    let (id, item) = path.into_inner();
    let up = form.direction == "up";
    let anchor = format!("#item-{item}");
    builder_change(
        &state,
        &req,
        user,
        id,
        &anchor,
        BuilderTyped::default(),
        move |c, actor, b, m, ctx| svc::move_item(c, actor, m, b, &item, up, ctx).map(|_| item),
    )
    .await
}

async fn change_item(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let form: ItemForm = checked_form(&req, &body)?;
    let (id, item) = path.into_inner();
    let minutes = match parse_minutes(&form.minutes_allocated) {
        Ok(m) => m,
        Err(errors) => {
            return render_builder(&state, &req, &user, id, errors, BuilderTyped::default()).await;
        }
    };
    let change_input = ItemChange {
        minutes_allocated: minutes,
        to_note: match form.to_note.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
        verbal_reason: None,
    };
    let anchor = format!("#item-{item}");
    builder_change(
        &state,
        &req,
        user,
        id,
        &anchor,
        BuilderTyped::default(),
        move |c, actor, _, m, ctx| {
            svc::change_item(c, actor, m, &item, &change_input, ctx.now).map(|i| i.id)
        },
    )
    .await
}

async fn remove_item(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let _: ItemForm = checked_form(&req, &body)?;
    let (id, item) = path.into_inner();
    builder_change(
        &state,
        &req,
        user,
        id,
        "#agenda",
        BuilderTyped::default(),
        move |c, actor, _, m, ctx| svc::remove_item(c, actor, m, &item, ctx.now).map(|_| item),
    )
    .await
}

async fn refer(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, String)>,
    body: web::Bytes,
) -> PageResult {
    #[derive(Deserialize)]
    struct ReferForm {
        #[serde(default)]
        body_slug: String,
        #[serde(default)]
        note: String,
    }
    let user = require_user(&req, viewer)?;
    let form: ReferForm = checked_form(&req, &body)?;
    let (id, item) = path.into_inner();
    let grants = user.grants.clone();
    let input = crate::services::referrals::ReferInput {
        body_slug: non_empty(&form.body_slug),
        note: non_empty(&form.note),
    };
    let anchor = format!("#item-{item}");
    let typed = BuilderTyped {
        refer_item: item.clone(),
        refer_body: form.body_slug.clone(),
        refer_note: form.note.clone(),
        ..BuilderTyped::default()
    };
    let actor = user.actor(&req);
    let target = item.clone();
    let result = change(
        &state,
        &user,
        actor,
        id.clone(),
        move |c, actor, b, m, ctx| {
            crate::services::referrals::refer(c, actor, &grants, m, b, &target, &input, ctx)
                .map(|p| p.id)
        },
    )
    .await;
    match crate::web::respond::split(result)? {
        Ok(_) => Ok(see_other(&format!("/meetings/{id}/agenda{anchor}"))),
        Err(errors) => {
            // Each error at the item's own refer form.
            let errors = crate::web::respond::rekey(errors, |field| {
                let prefix = if field == "body_slug" {
                    "refer-body"
                } else {
                    "refer-note"
                };
                format!("{prefix}-{item}")
            });
            render_builder(&state, &req, &user, id, errors, typed).await
        }
    }
}

async fn sort(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let _: ItemForm = checked_form(&req, &body)?;
    builder_change(
        &state,
        &req,
        user,
        path.into_inner(),
        "#agenda",
        BuilderTyped::default(),
        move |c, actor, b, m, ctx| svc::sort_suggested(c, actor, m, b, ctx).map(|_| String::new()),
    )
    .await
}

async fn render_publish(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    id: String,
    form: ItemForm,
    errors: Vec<FieldError>,
) -> PageResult {
    let l = load_working(state, user, id).await?;
    let (nav, status) = form_nav(req, Some(user), &errors);
    let deadline = deadline_words(state, &l);
    let w = &l.working;
    let page = PublishPage {
        nav,
        errors: Errors(errors),
        meeting_id: l.meeting.id.clone(),
        body_name: l.body.name.clone(),
        date: london_day(l.meeting.starts_at),
        rows: builder_rows(w, &l.referrals),
        blocking: w
            .preflight
            .blocking
            .iter()
            .map(|f| f.message.clone())
            .collect(),
        warnings: w
            .preflight
            .warnings
            .iter()
            .map(|f| f.message.clone())
            .collect(),
        number: w.agenda.published_number + 1,
        after_deadline: w.after_deadline,
        late_hint: format!(
            "The deadline was {deadline}. The reason is shown on the public agenda."
        ),
        publication_deadline: deadline,
        recipients: l.recipients,
        late_reason: form.late_reason,
        supplement_reason: form.supplement_reason,
    };
    html(status, &page)
}

async fn publish_page(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    render_publish(
        &state,
        &req,
        &user,
        path.into_inner(),
        ItemForm::default(),
        Vec::new(),
    )
    .await
}

async fn publish(
    state: web::Data<AppState>,
    cache: web::Data<PublicPages>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
    body: web::Bytes,
) -> PageResult {
    let user = require_user(&req, viewer)?;
    let form: ItemForm = checked_form(&req, &body)?;
    let id = path.into_inner();
    let input = PublishInput {
        late_reason: non_empty(&form.late_reason),
        supplement_reason: non_empty(&form.supplement_reason),
    };
    let actor = user.actor(&req);
    let result = change(
        &state,
        &user,
        actor,
        id.clone(),
        move |c, actor, b, m, ctx| {
            let p = svc::publish(c, actor, m, b, &input, None, ctx)?;
            Ok(format!("{}-{}", p.version.number, p.recipients))
        },
    )
    .await;
    cache.forget(&id);
    match crate::web::respond::split(result)? {
        Ok(code) => Ok(see_other(&format!(
            "/meetings/{id}?notice=agenda-published-{code}"
        ))),
        Err(errors) => render_publish(&state, &req, &user, id, form, errors).await,
    }
}

use crate::services::agenda::Shown;

async fn load_version(
    state: &AppState,
    viewer: Option<&AuthUser>,
    id: String,
    n: Option<i32>,
    readers: Readers,
) -> Result<Shown, AppError> {
    let grants = viewer.map(|v| v.grants.clone());
    state
        .db(move |c| svc::shown(c, grants.as_ref(), &id, n, readers))
        .await
}

/// Rendered public pages of published versions: immutable, so kept.
pub struct PublicPages {
    pages: Mutex<HashMap<String, Arc<String>>>,
    /// Each meeting's latest published number, and when it was read. This
    /// instance forgets it when it publishes; others re-read it after
    /// `LATEST_TTL`.
    latest: Mutex<HashMap<String, (i32, std::time::Instant)>>,
}

const LATEST_TTL: std::time::Duration = std::time::Duration::from_secs(5);

impl Default for PublicPages {
    fn default() -> Self {
        PublicPages {
            pages: Mutex::new(HashMap::new()),
            latest: Mutex::new(HashMap::new()),
        }
    }
}

impl PublicPages {
    fn get(&self, key: &str) -> Option<Arc<String>> {
        self.pages.lock().ok().and_then(|m| m.get(key).cloned())
    }

    fn put(&self, key: String, page: Arc<String>) {
        if let Ok(mut m) = self.pages.lock() {
            if m.len() >= 256 {
                m.clear();
            }
            m.insert(key, page);
        }
    }

    fn latest(&self, meeting_id: &str) -> Option<i32> {
        self.latest.lock().ok().and_then(|m| {
            m.get(meeting_id)
                .filter(|(_, at)| at.elapsed() < LATEST_TTL)
                .map(|(n, _)| *n)
        })
    }

    fn set_latest(&self, meeting_id: &str, n: i32) {
        if let Ok(mut m) = self.latest.lock() {
            if m.len() >= 4096 {
                m.clear();
            }
            m.insert(meeting_id.to_string(), (n, std::time::Instant::now()));
        }
    }

    /// After publishing: the meeting's pages must say what is now latest.
    pub fn forget(&self, meeting_id: &str) {
        if let Ok(mut m) = self.latest.lock() {
            m.remove(meeting_id);
        }
    }
}

/// Does the request's `If-None-Match` name `quoted` (or `*`, when allowed)?
fn none_match(req: &HttpRequest, quoted: &str, star: bool) -> bool {
    req.headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim() == quoted || (star && t.trim() == "*"))
        })
}

fn cached_html(req: &HttpRequest, etag: &str, page: Arc<String>) -> HttpResponse {
    let quoted = format!("\"{etag}\"");
    if none_match(req, &quoted, true) {
        return HttpResponse::NotModified()
            .insert_header((header::ETAG, quoted))
            .finish();
    }
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::ETAG, quoted))
        .insert_header((header::CACHE_CONTROL, "public, max-age=60"))
        .body(page.as_str().to_string())
}

async fn version(
    state: web::Data<AppState>,
    cache: web::Data<PublicPages>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, i32)>,
) -> PageResult {
    let (id, n) = path.into_inner();
    let anonymous = viewer.0.is_none();
    // A version never changes, but its page says whether a later version
    // supersedes it: the key includes the latest number (one indexed read).
    let latest = match cache.latest(&id) {
        Some(n) => n,
        None => {
            let mid = id.clone();
            let n = state.db(move |c| svc::latest_number(c, &mid)).await?;
            cache.set_latest(&id, n);
            n
        }
    };
    let key = format!("version-{id}-{n}-of-{latest}");
    if anonymous && let Some(page) = cache.get(&key) {
        return Ok(cached_html(&req, &key, page));
    }
    let s = load_version(&state, viewer.0.as_ref(), id, Some(n), Readers::Viewer).await?;
    let page = version_page(&s, nav(&req, viewer.0.as_ref()));
    if anonymous && s.latest == latest {
        let rendered = Arc::new(page.render().map_err(AppError::from)?);
        cache.put(key.clone(), rendered.clone());
        return Ok(cached_html(&req, &key, rendered));
    }
    html(StatusCode::OK, &page)
}

fn version_page(s: &Shown, nav: crate::views::Nav) -> VersionPage {
    let f = &s.frozen;
    let base = crate::domain::links::papers_base(&s.meeting.id, f.number);
    VersionPage {
        nav,
        meeting_id: s.meeting.id.clone(),
        body_name: s.body.name.clone(),
        body_slug: s.body.slug.clone(),
        date: london_day(f.starts_at),
        when: london_when(f.starts_at, f.ends_at),
        location: f.location.clone(),
        number: f.number,
        latest: s.latest,
        published: london_datetime(f.published_at),
        late_reason: f.late_reason.clone().unwrap_or_default(),
        supplement_reason: f.supplement_reason.clone().unwrap_or_default(),
        changes: s.prev.as_ref().map(|p| changes(p, f)).unwrap_or_default(),
        rows: rows_of(f, &base),
        versions: s
            .versions
            .iter()
            .map(|(n, at)| (*n, london_datetime(*at), *n == f.number))
            .collect(),
        sees_exempt: s.audience.sees_exempt(),
    }
}

async fn show_briefing(
    state: &AppState,
    req: &HttpRequest,
    viewer: Viewer,
    id: String,
    n: Option<i32>,
) -> PageResult {
    let user = require_user(req, viewer)?;
    let s = load_version(state, Some(&user), id, n, Readers::Viewer).await?;
    if s.audience == Audience::Public {
        return Err(AppError::Forbidden.into());
    }
    let page = BriefingPage {
        nav: nav(req, Some(&user)),
        meeting_id: s.meeting.id.clone(),
        body_name: s.body.name.clone(),
        body_slug: s.body.slug.clone(),
        date: london_day(s.frozen.starts_at),
        number: s.frozen.number,
        briefs: brief(&s.frozen),
    };
    html(StatusCode::OK, &page)
}

async fn briefing(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, i32)>,
) -> PageResult {
    let (id, n) = path.into_inner();
    show_briefing(&state, &req, viewer, id, Some(n)).await
}

async fn latest_briefing(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    show_briefing(&state, &req, viewer, path.into_inner(), None).await
}

async fn show_pack(
    state: &AppState,
    req: &HttpRequest,
    viewer: Viewer,
    (id, n): (String, Option<i32>),
    readers: Readers,
) -> PageResult {
    let viewer = readers.viewer(req, viewer)?;
    let s = load_version(state, viewer.0.as_ref(), id, n, readers).await?;
    let f = &s.frozen;
    let rows = rows_of(f, "#");
    let papers = f
        .items
        .iter()
        .zip(rows.iter())
        .filter_map(|(i, r)| pack_paper(i, r))
        .collect();
    let members = s.audience.sees_exempt();
    let page = PackPage {
        body_name: s.body.name.clone(),
        date: london_day(f.starts_at),
        when: london_when(f.starts_at, f.ends_at),
        location: f.location.clone(),
        number: f.number,
        published: london_datetime(f.published_at),
        late_reason: f.late_reason.clone().unwrap_or_default(),
        audience: if members { "members" } else { "the public" }.into(),
        briefs: if members { brief(f) } else { Vec::new() },
        rows,
        papers,
    };
    Ok(readers.mark(html(StatusCode::OK, &page)?))
}

async fn pack(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, i32)>,
) -> PageResult {
    let (id, n) = path.into_inner();
    show_pack(&state, &req, viewer, (id, Some(n)), Readers::Public).await
}

async fn latest_pack(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let id = path.into_inner();
    show_pack(&state, &req, viewer, (id, None), Readers::Public).await
}

async fn members_pack(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, i32)>,
) -> PageResult {
    let (id, n) = path.into_inner();
    show_pack(&state, &req, viewer, (id, Some(n)), Readers::Members).await
}

async fn latest_members_pack(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let id = path.into_inner();
    show_pack(&state, &req, viewer, (id, None), Readers::Members).await
}

async fn paper(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, i32, String)>,
) -> PageResult {
    let (id, n, paper_id) = path.into_inner();
    let s = load_version(&state, viewer.0.as_ref(), id, Some(n), Readers::Viewer).await?;
    let item = s
        .frozen
        .item_with_paper(&paper_id)
        .ok_or(AppError::NotFound)?;
    let rows = rows_of(&s.frozen, "");
    let row = rows
        .iter()
        .find(|r| r.id == item.id)
        .ok_or(AppError::NotFound)?;
    let paper = pack_paper(item, row).ok_or(AppError::NotFound)?;
    let page = FrozenPaperPage {
        nav: nav(&req, viewer.0.as_ref()),
        paper_id: paper_id.clone(),
        meeting_id: s.meeting.id.clone(),
        body_name: s.body.name.clone(),
        body_slug: s.body.slug.clone(),
        date: london_day(s.frozen.starts_at),
        number: s.frozen.number,
        paper,
    };
    html(StatusCode::OK, &page)
}

async fn send_pdf(
    state: &AppState,
    req: &HttpRequest,
    viewer: Viewer,
    (id, n): (String, Option<i32>),
    readers: Readers,
) -> PageResult {
    let viewer = readers.viewer(req, viewer)?;
    let s = load_version(state, viewer.0.as_ref(), id, n, readers).await?;
    let audience = crate::services::packs::audience_name(s.audience);
    let etag = format!("\"pack-{}-{audience}\"", s.version.id);
    if none_match(req, &etag, false) {
        return Ok(readers.mark(
            HttpResponse::NotModified()
                .insert_header((header::ETAG, etag))
                .finish(),
        ));
    }
    let path = crate::services::packs::get_or_make(state, &s.version, audience).await?;
    let bytes = tokio::fs::read(&path)
        .await
        .map_err(|e| AppError::internal(format!("reading {}: {e}", path.display())))?;
    let name = format!(
        "board-pack-{}-{}-v{}-{audience}.pdf",
        s.body.slug,
        s.frozen.starts_at.format("%Y-%m-%d"),
        s.frozen.number
    );
    let res = HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{name}\""),
        ))
        .insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .body(bytes);
    Ok(readers.mark(res))
}

async fn pdf(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, i32)>,
) -> PageResult {
    let (id, n) = path.into_inner();
    send_pdf(&state, &req, viewer, (id, Some(n)), Readers::Public).await
}

async fn latest_pdf(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let id = path.into_inner();
    send_pdf(&state, &req, viewer, (id, None), Readers::Public).await
}

async fn members_pdf(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, i32)>,
) -> PageResult {
    let (id, n) = path.into_inner();
    send_pdf(&state, &req, viewer, (id, Some(n)), Readers::Members).await
}

async fn latest_members_pdf(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<String>,
) -> PageResult {
    let id = path.into_inner();
    send_pdf(&state, &req, viewer, (id, None), Readers::Members).await
}

async fn paper_pdf(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<(String, i32, String)>,
) -> PageResult {
    let (id, n, paper_id) = path.into_inner();
    let s = load_version(&state, viewer.0.as_ref(), id, Some(n), Readers::Viewer).await?;
    let item = s
        .frozen
        .item_with_paper(&paper_id)
        .ok_or(AppError::NotFound)?;
    let name = format!("item-{}-{}.pdf", item.number, s.body.slug);
    let file = crate::services::packs::paper_pdf(&state, &s.version, &s.frozen, &paper_id).await?;
    let bytes = tokio::fs::read(&file)
        .await
        .map_err(|e| AppError::internal(format!("reading {}: {e}", file.display())))?;
    let exempt = item.exempt_category.is_some();
    let res = HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(bytes);
    Ok(if exempt { never_kept(res) } else { res })
}
