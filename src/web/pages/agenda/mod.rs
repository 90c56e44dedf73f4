//! Agenda pages: the secretariat's builder and publishing, and the
//! published versions, briefing, print pack and papers everyone reads.

use crate::web::extract::{CsrfForm, SignedIn};
use crate::web::routes::Routes;
use std::collections::HashMap;

use actix_web::{HttpRequest, web};
use serde::Deserialize;

use super::meetings::change;
use crate::domain::agenda::ItemKind;
use crate::domain::briefing::ItemType;
use crate::domain::format::{london_datetime, london_day};
use crate::error::{AppError, FieldError};
use crate::services::agenda::{self as svc, ItemChange, ItemInput, PublishInput, Working};
use crate::state::AppState;
use crate::views::Errors;
use crate::views::agenda::{AgendaRow, BuilderPage, PublishPage, heading_for};
use crate::web::auth::AuthUser;
use crate::web::respond::{PageResult, form_nav, html, see_other};

pub mod published;

pub fn configure(r: &mut Routes<'_>) {
    r.get("/meetings/{id}/agenda", builder)
        .post("/meetings/{id}/agenda/items", add_item)
        .post("/meetings/{id}/agenda/items/{item}/move", move_item)
        .post("/meetings/{id}/agenda/items/{item}/change", change_item)
        .post("/meetings/{id}/agenda/items/{item}/remove", remove_item)
        .post("/meetings/{id}/agenda/items/{item}/refer", refer)
        .post("/meetings/{id}/agenda/sort", sort)
        .get("/meetings/{id}/agenda/publish", publish_page)
        .post("/meetings/{id}/agenda/publish", publish);
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
                            Some("approved") => crate::i18n::t("builder-late-approved"),
                            Some(_) => crate::i18n::t("builder-late-rejected"),
                            None => crate::i18n::t("builder-late-awaiting"),
                        },
                        "tag-red".to_string(),
                    ));
                }
            }
            if let Some(c) = i.exempt_category {
                tags.push((
                    crate::i18n::t_args(
                        "meeting-exempt",
                        &[("category", crate::i18n::Arg::Number(i64::from(c)))],
                    ),
                    "tag-grey".into(),
                ));
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
                title: i.kind.title_in(&i.title, crate::i18n::current()),
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
                    (None, Some(r)) => crate::i18n::t_args(
                        "agenda-verbal",
                        &[("reason", crate::i18n::Arg::Text(r))],
                    ),
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
                restricted_link: String::new(),
                public_interest: String::new(),
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
    let nav_lang = nav.lang;
    let w = &l.working;
    let page = BuilderPage {
        nav,
        errors: Errors(errors),
        meeting_id: l.meeting.id.clone(),
        body_name: l.body.name.clone(),
        body_slug: l.body.slug.clone(),
        bilingual: l.body.bilingual,
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
        conflicts: l
            .conflicts
            .iter()
            .map(|c| {
                let item = w
                    .items
                    .iter()
                    .find(|i| i.row.id == c.item_id)
                    .map(|i| format!("{}. {}", i.number, i.title))
                    .unwrap_or_default();
                (
                    crate::views::interests::conflict_words(nav_lang, &item, c),
                    format!("/people/{}/interests", c.user_id),
                )
            })
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
                    match p.audience.as_str() {
                        "members" => crate::i18n::text(nav_lang, "builder-pack-members"),
                        "public" => crate::i18n::text(nav_lang, "builder-pack-public"),
                        "members-cy" => crate::i18n::text(nav_lang, "builder-pack-members-cy"),
                        "public-cy" => crate::i18n::text(nav_lang, "builder-pack-public-cy"),
                        other => other.to_string(),
                    },
                    match p.status.as_str() {
                        "ready" => crate::i18n::text(nav_lang, "builder-pack-ready"),
                        _ => crate::i18n::text_with(
                            nav_lang,
                            "builder-pack-failed",
                            &[(
                                "error",
                                crate::i18n::Arg::Text(&p.error.clone().unwrap_or_default()),
                            )],
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
    SignedIn(user): SignedIn,
    path: web::Path<String>,
) -> PageResult {
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
            crate::i18n::say("err-agenda-invalid-minutes-allocated"),
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
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<ItemForm>,
) -> PageResult {
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
        exempt_public_interest: None,
        translations: None,
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
    SignedIn(user): SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<ItemForm>,
) -> PageResult {
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
    SignedIn(user): SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<ItemForm>,
) -> PageResult {
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
        translations: None,
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
    SignedIn(user): SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(_): CsrfForm<ItemForm>,
) -> PageResult {
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

#[derive(Deserialize)]
struct ReferForm {
    #[serde(default)]
    body_slug: String,
    #[serde(default)]
    note: String,
}

async fn refer(
    state: web::Data<AppState>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<(String, String)>,
    CsrfForm(form): CsrfForm<ReferForm>,
) -> PageResult {
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
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(_): CsrfForm<ItemForm>,
) -> PageResult {
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
        translation_missing: w
            .preflight
            .blocking
            .iter()
            .any(|f| f.code == "translation_missing"),
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
        late_hint: crate::i18n::t_args(
            "builder-late-hint",
            &[("deadline", crate::i18n::Arg::Text(&deadline))],
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
    SignedIn(user): SignedIn,
    path: web::Path<String>,
) -> PageResult {
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
    cache: web::Data<published::PublicPages>,
    req: HttpRequest,
    SignedIn(user): SignedIn,
    path: web::Path<String>,
    CsrfForm(form): CsrfForm<ItemForm>,
) -> PageResult {
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
