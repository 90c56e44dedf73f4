//! Published agendas: each version, the members' briefing, the packs (page
//! and PDF), and the papers as published; public or members' copies.

use crate::web::routes::Routes;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;

use crate::domain::briefing::brief;
use crate::domain::format::{london_datetime, london_day};
use crate::domain::frozen::changes;
use crate::error::AppError;
use crate::services::agenda::{self as svc};
use crate::state::AppState;
use crate::views::agenda::{
    BriefingPage, FrozenPaperPage, PackPage, VersionPage, pack_paper, rows_of,
};
use crate::web::auth::{AuthUser, Viewer};
use crate::web::respond::{PageResult, html, nav, require_user};

pub fn configure(r: &mut Routes<'_>) {
    r.get(
        "/meetings/{id}/agenda/versions/{n}/papers/{paper}.pdf",
        paper_pdf,
    )
    .get("/meetings/{id}/agenda/versions/{n}", version)
    .get("/meetings/{id}/agenda/versions/{n}/briefing", briefing)
    .get("/meetings/{id}/agenda/versions/{n}/pack", pack)
    .get("/meetings/{id}/agenda/versions/{n}/papers/{paper}", paper)
    .get("/meetings/{id}/agenda/versions/{n}/pack.pdf", pdf)
    .get(
        "/meetings/{id}/agenda/versions/{n}/restricted/{item}",
        restricted,
    )
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
    .post("/meetings/{id}/briefing/declarations", declare)
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
    crate::domain::format::london_span(m_start, m_end)
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
    // One page per language.
    let key = format!(
        "version-{id}-{n}-of-{latest}-{}",
        crate::web::language::of(&req).code()
    );
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

/// Why an exempt item of a published version is restricted: the public
/// copy's paragraph and public interest test, whoever asks. 404 for an item
/// that is not exempt, or not in that version.
async fn restricted(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<(String, i32, String)>,
) -> PageResult {
    let (id, n, item_id) = path.into_inner();
    let s = load_version(&state, None, id, Some(n), Readers::Public).await?;
    let f = &s.frozen;
    let item = f
        .items
        .iter()
        .find(|i| i.id == item_id)
        .ok_or(AppError::NotFound)?;
    let category = item.exempt_category.ok_or(AppError::NotFound)?;
    let profile = f.profile();
    let nav = nav(&req, viewer.0.as_ref());
    let page = crate::views::rules::RestrictedPage {
        heading: crate::i18n::text_with(
            nav.lang,
            "restricted-title",
            &[("number", crate::i18n::Arg::Number(i64::from(item.number)))],
        ),
        nav,
        meeting_id: s.meeting.id.clone(),
        body_name: s.body.name.clone(),
        body_slug: s.body.slug.clone(),
        date: london_day(f.starts_at),
        version: f.number,
        title: item.title.clone(),
        cite: profile.cite(category),
        paragraph: profile
            .paragraph_in(category, crate::i18n::current())
            .unwrap_or_default(),
        public_interest: item.exempt_public_interest.clone().unwrap_or_default(),
        asks_public_interest: profile.records_public_interest_test(),
        rules_name: crate::views::rules::name_key(profile),
        rules_sources: profile.sources(),
    };
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
        remote_access: f.remote_access.clone().unwrap_or_default(),
        number: f.number,
        latest: s.latest,
        published: london_datetime(f.published_at),
        late_reason: f.late_reason.clone().unwrap_or_default(),
        translation_urgency: f.translation_urgency.clone(),
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
    render_briefing(state, req, &user, id, n, Vec::new(), Default::default()).await
}

/// The members' briefing, with the reader's interests and the declaration
/// form (as typed, with its errors, after a problem).
async fn render_briefing(
    state: &AppState,
    req: &HttpRequest,
    user: &AuthUser,
    id: String,
    n: Option<i32>,
    errors: Vec<crate::error::FieldError>,
    typed: (String, String),
) -> PageResult {
    let grants = user.grants.clone();
    let me = user.user.id.clone();
    let (s, mine) = state
        .db(move |c| {
            let s = svc::briefing(c, &grants, &id, n)?;
            let sits = grants
                .role_in(&s.body.id)
                .is_some_and(crate::domain::roles::Role::sits_at_the_table);
            let mine = if sits && !s.meeting.is_cancelled() {
                Some(crate::services::interests::mine_at(c, &me, &s.meeting)?)
            } else {
                None
            };
            Ok((s, mine))
        })
        .await?;
    let (nav, status) = crate::web::respond::form_nav(req, Some(user), &errors);
    let lang = nav.lang;
    let title_of = |item_id: &str| {
        s.frozen
            .items
            .iter()
            .find(|i| i.id == item_id)
            .map(|i| format!("{}. {}", i.number, i.title))
            .unwrap_or_default()
    };
    let page = BriefingPage {
        meeting_id: s.meeting.id.clone(),
        body_name: s.body.name.clone(),
        body_slug: s.body.slug.clone(),
        date: london_day(s.frozen.starts_at),
        number: s.frozen.number,
        briefs: brief(&s.frozen),
        may_declare: mine.is_some(),
        conflicts: mine
            .as_ref()
            .map(|m| {
                m.conflicts
                    .iter()
                    .map(|c| {
                        crate::views::interests::conflict_words(lang, &title_of(&c.item_id), c)
                    })
                    .collect()
            })
            .unwrap_or_default(),
        declared: mine
            .as_ref()
            .map(|m| {
                m.declared
                    .iter()
                    .map(|(item, interest)| format!("{}: {interest}", title_of(item)))
                    .collect()
            })
            .unwrap_or_default(),
        items: s
            .frozen
            .items
            .iter()
            .map(|i| (i.id.clone(), format!("{} (item {})", i.title, i.number)))
            .collect(),
        typed,
        key: crate::clock::new_id(),
        errors: crate::views::Errors(errors),
        nav,
    };
    html(status, &page)
}

#[derive(Default, serde::Deserialize)]
struct DeclareForm {
    #[serde(default)]
    item_id: String,
    #[serde(default)]
    interest: String,
    #[serde(default)]
    idempotency_key: String,
}

/// A member declares an interest from their briefing.
async fn declare(
    state: web::Data<AppState>,
    req: HttpRequest,
    crate::web::extract::SignedIn(user): crate::web::extract::SignedIn,
    path: web::Path<String>,
    crate::web::extract::CsrfForm(form): crate::web::extract::CsrfForm<DeclareForm>,
) -> PageResult {
    let id = path.into_inner();
    let actor = user.actor(&req);
    let (grants, me, meeting) = (user.grants.clone(), user.user.id.clone(), id.clone());
    let now = state.clock.now_naive();
    let (item, interest, key) = (
        form.item_id.clone(),
        form.interest.clone(),
        Some(form.idempotency_key.clone()).filter(|k| !k.is_empty()),
    );
    let result = state
        .tx(move |c| {
            crate::services::record::declare_own(
                c,
                &actor,
                &grants,
                &me,
                &meeting,
                &item,
                Some(&interest),
                key.as_deref(),
                now,
            )
            .map(|_| ())
        })
        .await;
    let errors = crate::web::respond::field_errors(result)?;
    if errors.is_empty() {
        return Ok(crate::web::respond::see_other(&format!(
            "/meetings/{id}/briefing?notice=interest-declared#interests"
        )));
    }
    render_briefing(
        &state,
        &req,
        &user,
        id,
        None,
        errors,
        (form.item_id, form.interest),
    )
    .await
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
    let nav = crate::views::Nav::default();
    let previous_minutes = f
        .items
        .iter()
        .find_map(|i| i.previous_minutes.as_ref())
        .map(|m| {
            (
                crate::render::pack_pdf::previous_minutes_note(m, nav.lang),
                crate::render::markdown::render_below(&m.markdown, 2),
            )
        });
    let page = PackPage {
        previous_minutes,
        nav,
        body_name: s.body.name.clone(),
        date: london_day(f.starts_at),
        when: london_when(f.starts_at, f.ends_at),
        location: f.location.clone(),
        number: f.number,
        published: london_datetime(f.published_at),
        late_reason: f.late_reason.clone().unwrap_or_default(),
        audience: crate::i18n::t(if members {
            "pdf-audience-members"
        } else {
            "pdf-audience-public"
        }),
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
    let (meeting, item_id) = (s.meeting.clone(), item.id.clone());
    let grants = viewer.0.as_ref().map(|v| v.grants.clone());
    let user_id = viewer.0.as_ref().map(|v| v.user.id.clone());
    let decisions = state
        .db(move |c| {
            crate::services::record::decisions_on_item(
                c,
                &meeting,
                &item_id,
                grants.as_ref(),
                user_id.as_deref(),
            )
        })
        .await?;
    let page = FrozenPaperPage {
        decisions,
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
    let audience = crate::services::packs::audience_name(s.audience, crate::i18n::current());
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
