//! The authorisation matrix: every route of the router, called as each of
//! eleven kinds of person, against one table of expected outcomes.
//!
//! The routes come from the router's own table (`quorate::web::route_table`),
//! so a route added without a row here fails the test. Each route is called
//! with an empty body (a form with only its CSRF token, or `{}`): the
//! question is whether the person gets in, not whether the request is
//! complete. Outcomes:
//!
//! - `A` allowed: the route did its work or judged the input (2xx, 304, a
//!   redirect that is not to sign in, 400, 409, 412, 413, 415, 422);
//! - `L` sign in first (401, or a redirect to `/login`);
//! - `F` forbidden (403);
//! - `N` not found: the route does not tell this person the thing exists.
//!
//! A 5xx is always a failure. Set `QUORATE_MATRIX_PRINT=1` to print the
//! table as found, to review and paste when routes change.

use std::collections::BTreeMap;

use reqwest::Method;
use serde_json::json;

use crate::helpers::{NaiveNow, PASSWORD, TestApp, json};
use quorate::demo::DEMO_PASSWORD;

/// The people, in the order of each row's letters.
const ROLES: [&str; 11] = [
    "public",
    "signed in, no role",
    "officer of another organisation",
    "officer",
    "observer",
    "member",
    "substitute",
    "chair",
    "secretariat of another body",
    "secretariat",
    "admin",
];

/// Expected outcome per route, one letter per role in `ROLES` order:
/// public, no role, officer of another organisation, officer, observer,
/// member, substitute, chair, secretariat of another body, secretariat,
/// admin. Reviewed by hand, row by row; notes on the less obvious ones:
/// - non-exempt actions are public record (the body's `actions.csv`), so any
///   signed-in person may open one (`GET /actions/{id}`);
/// - the paper is the police's, submitted, before publication: its author
///   is the officer; officers of other organisations and observers do not
///   see it, members do; only its author submits and withdraws it;
/// - `GET /admin` lets in the officer of another organisation because she
///   is the secretariat of her own local partnership;
/// - attachment, calendar and invitation routes are called with ids that do
///   not exist (404 or an "invalid link" page for everyone).
const EXPECTED: &[(&str, &str)] = &[
    (
        "DELETE /api/v1/bodies/{slug}/members/{user_id}",
        "LFFFFFFFFAA",
    ),
    (
        "DELETE /api/v1/bodies/{slug}/priorities/{id}",
        "LFFFFFFFFAA",
    ),
    (
        "DELETE /api/v1/meetings/{id}/agenda/items/{item}",
        "LFFFFFFFFAA",
    ),
    ("DELETE /api/v1/users/{id}/tokens/{token_id}", "LFFAFFFFFFA"),
    ("GET /", "AAAAAAAAAAA"),
    ("GET /accessibility", "AAAAAAAAAAA"),
    ("GET /account", "LAAAAAAAAAA"),
    ("GET /actions", "LAAAAAAAAAA"),
    ("GET /actions/{id}", "LAAAAAAAAAA"),
    ("GET /admin", "LFAFFFFFAAA"),
    ("GET /admin/audit", "LFFFFFFFFFA"),
    ("GET /admin/audit.csv", "LFFFFFFFFFA"),
    ("GET /admin/bodies", "LFFFFFFFFFA"),
    ("GET /admin/bodies/{slug}", "LFFFFFFFFAA"),
    ("GET /admin/holidays", "LFFFFFFFFFA"),
    ("GET /admin/mail", "LFFFFFFFFFA"),
    ("GET /admin/organisations", "LFFFFFFFFFA"),
    ("GET /admin/users", "LFFFFFFFFFA"),
    ("GET /api/v1/actions", "LAAAAAAAAAA"),
    ("GET /api/v1/actions/{id}", "LAAAAAAAAAA"),
    ("GET /api/v1/bodies", "AAAAAAAAAAA"),
    ("GET /api/v1/bodies/{slug}", "AAAAAAAAAAA"),
    ("GET /api/v1/bodies/{slug}/follow-through", "AAAAAAAAAAA"),
    ("GET /api/v1/decisions", "AAAAAAAAAAA"),
    ("GET /api/v1/me/mail-preferences", "LAAAAAAAAAA"),
    ("GET /api/v1/meetings/{id}", "AAAAAAAAAAA"),
    ("GET /api/v1/meetings/{id}/agenda", "AAAAAAAAAAA"),
    ("GET /api/v1/meetings/{id}/ocd", "AAAAAAAAAAA"),
    (
        "GET /api/v1/meetings/{id}/agenda/versions/{n}",
        "AAAAAAAAAAA",
    ),
    ("GET /api/v1/meetings/{id}/papers", "AAAAAAAAAAA"),
    ("GET /api/v1/meetings/{id}/proposals", "LFAAAAAAFAA"),
    ("GET /api/v1/openapi.json", "AAAAAAAAAAA"),
    ("GET /api/docs/openapi.json", "AAAAAAAAAAA"),
    ("GET /api/v1/organisations", "AAAAAAAAAAA"),
    ("GET /api/v1/outcomes", "AAAAAAAAAAA"),
    ("GET /api/v1/bodies/{slug}/outcomes", "AAAAAAAAAAA"),
    ("GET /api/v1/bodies/{slug}/forward-plan", "AAAAAAAAAAA"),
    ("GET /api/v1/bodies/{slug}/meetings", "AAAAAAAAAAA"),
    (
        "GET /api/v1/organisations/{id}/follow-through",
        "AAAAAAAAAAA",
    ),
    ("GET /api/v1/papers/{id}", "NNNANAAANAA"),
    ("GET /api/v1/papers/{id}/attachments", "NNNANAAANAA"),
    ("GET /api/v1/papers/{id}/attachments/{aid}", "NNNNNNNNNNN"),
    ("GET /api/v1/search", "AAAAAAAAAAA"),
    ("GET /api/v1/users/{id}/tokens", "LFFAFFFFFFA"),
    ("GET /bodies/{slug}", "AAAAAAAAAAA"),
    ("GET /bodies/{slug}/actions.csv", "AAAAAAAAAAA"),
    ("GET /bodies/{slug}/outcomes", "AAAAAAAAAAA"),
    ("GET /bodies/{slug}/forward-plan", "AAAAAAAAAAA"),
    ("GET /bodies/{slug}/forward-plan.ics", "AAAAAAAAAAA"),
    ("GET /bodies/{slug}/forward-plan.csv", "AAAAAAAAAAA"),
    ("GET /bodies/{slug}/meetings.csv", "AAAAAAAAAAA"),
    ("GET /bodies/{slug}/follow-through.csv", "AAAAAAAAAAA"),
    ("GET /bodies.csv", "AAAAAAAAAAA"),
    ("GET /bodies/{slug}/outcomes.csv", "AAAAAAAAAAA"),
    ("GET /outcomes", "AAAAAAAAAAA"),
    ("GET /outcomes.csv", "AAAAAAAAAAA"),
    ("GET /bodies/{slug}/actions/import", "LFFFFFFFFAA"),
    ("GET /bodies/{slug}/decisions.csv", "AAAAAAAAAAA"),
    ("GET /bodies/{slug}/feed.atom", "AAAAAAAAAAA"),
    ("GET /bodies/{slug}/follow-through", "AAAAAAAAAAA"),
    ("GET /bodies/{slug}/mail", "LFFFFFFFFAA"),
    ("GET /bodies/{slug}/meetings.ics", "AAAAAAAAAAA"),
    ("GET /calendar/{secret}.ics", "NNNNNNNNNNN"),
    ("GET /decisions", "AAAAAAAAAAA"),
    ("GET /favicon.ico", "AAAAAAAAAAA"),
    ("GET /healthz", "AAAAAAAAAAA"),
    ("GET /invitations/{token}", "AAAAAAAAAAA"),
    ("GET /licences/fonts", "AAAAAAAAAAA"),
    ("GET /login", "AAAAAAAAAAA"),
    ("GET /meetings/{id}", "AAAAAAAAAAA"),
    ("GET /password-reset", "AAAAAAAAAAA"),
    ("GET /password-reset/{token}", "NNNNNNNNNNN"),
    ("GET /meetings/{id}/agenda", "LFFFFFFFFAA"),
    ("GET /meetings/{id}/agenda/publish", "LFFFFFFFFAA"),
    ("GET /meetings/{id}/agenda/versions/{n}", "AAAAAAAAAAA"),
    (
        "GET /meetings/{id}/agenda/versions/{n}/briefing",
        "LFAAAAAAFAA",
    ),
    (
        "GET /meetings/{id}/agenda/versions/{n}/members-pack",
        "LNAAAAAANAA",
    ),
    (
        "GET /meetings/{id}/agenda/versions/{n}/members-pack.pdf",
        "LNAAAAAANAA",
    ),
    ("GET /meetings/{id}/agenda/versions/{n}/pack", "AAAAAAAAAAA"),
    (
        "GET /meetings/{id}/agenda/versions/{n}/pack.pdf",
        "AAAAAAAAAAA",
    ),
    (
        "GET /meetings/{id}/agenda/versions/{n}/papers/{paper}",
        "AAAAAAAAAAA",
    ),
    (
        "GET /meetings/{id}/agenda/versions/{n}/restricted/{item}",
        "NNNNNNNNNNN",
    ),
    (
        "GET /meetings/{id}/agenda/versions/{n}/papers/{paper}.pdf",
        "AAAAAAAAAAA",
    ),
    ("GET /meetings/{id}/briefing", "LFAAAAAAFAA"),
    ("GET /meetings/{id}/members-pack", "LNAAAAAANAA"),
    ("GET /meetings/{id}/members-pack.pdf", "LNAAAAAANAA"),
    ("GET /meetings/{id}/minutes", "AAAAAAAAAAA"),
    ("GET /meetings/{id}/pack", "AAAAAAAAAAA"),
    ("GET /meetings/{id}/pack.pdf", "AAAAAAAAAAA"),
    ("GET /meetings/{id}/record", "LFFFFFFFFAA"),
    ("GET /my/actions", "LAAAAAAAAAA"),
    ("GET /my/papers", "LAAAAAAAAAA"),
    ("GET /organisations/{id}/follow-through", "AAAAAAAAAAA"),
    ("GET /papers/{id}", "LNNANAAANAA"),
    ("GET /papers/{id}/attachments/{aid}", "LNNNNNNNNNN"),
    ("GET /papers/{id}/edit", "LNNANFFFNAA"),
    ("GET /papers/{id}/submit", "LNNANFFFNAA"),
    ("GET /search", "AAAAAAAAAAA"),
    ("GET /unsubscribe/{token}", "NNNNNNNNNNN"),
    ("GET /static/favicon.svg", "AAAAAAAAAAA"),
    ("GET /static/quorate.css", "AAAAAAAAAAA"),
    ("PATCH /api/v1/actions/{id}", "LFFFFAFFFAA"),
    ("PATCH /api/v1/meetings/{id}", "LFFFFFFFFAA"),
    (
        "PATCH /api/v1/meetings/{id}/agenda/items/{item}",
        "LFFFFFFFFAA",
    ),
    ("PATCH /api/v1/papers/{id}", "LNNANFFFNAA"),
    ("POST /account/calendar", "LAAAAAAAAAA"),
    ("POST /account/mail", "LAAAAAAAAAA"),
    ("POST /account/password", "LAAAAAAAAAA"),
    ("POST /account/sessions/end", "LAAAAAAAAAA"),
    // The language toggle: anyone may choose (a cookie); a signed-in
    // person's choice is also kept in their profile.
    ("POST /account/language", "AAAAAAAAAAA"),
    ("POST /account/tokens", "LAAAAAAAAAA"),
    ("POST /account/tokens/{id}/revoke", "LNNANNNNNNN"),
    ("POST /actions/{id}", "LFFFFAFFFAA"),
    ("POST /admin/bodies", "LFFFFFFFFFA"),
    ("POST /admin/bodies/{slug}/meetings", "LFFFFFFFFAA"),
    ("POST /admin/bodies/{slug}/members", "LFFFFFFFFAA"),
    (
        "POST /admin/bodies/{slug}/members/{user_id}/remove",
        "LFFFFFFFFAA",
    ),
    ("POST /admin/bodies/{slug}/priorities", "LFFFFFFFFAA"),
    (
        "POST /admin/bodies/{slug}/priorities/{id}/retire",
        "LFFFFFFFFNN",
    ),
    ("POST /admin/holidays", "LFFFFFFFFFA"),
    ("POST /admin/organisations", "LFFFFFFFFFA"),
    (
        "POST /admin/organisations/{id}/interest-policy",
        "LFFFFFFFFFA",
    ),
    ("POST /admin/users", "LFFFFFFFFFA"),
    ("POST /api/v1/actions", "LFFFFFFFFAA"),
    ("POST /api/v1/bodies", "LFFFFFFFFFA"),
    ("POST /api/v1/bodies/{slug}/meetings", "LFFFFFFFFAA"),
    ("POST /api/v1/bodies/{slug}/priorities", "LFFFFFFFFAA"),
    ("POST /api/v1/meetings/{id}/agenda/items", "LFFFFFFFFAA"),
    (
        "POST /api/v1/meetings/{id}/agenda/items/{item}/refer",
        "LFFFFFFFFAA",
    ),
    ("POST /api/v1/meetings/{id}/agenda/publish", "LFFFFFFFFAA"),
    ("POST /api/v1/meetings/{id}/cancel", "LFFFFFFFFAA"),
    ("POST /api/v1/meetings/{id}/decisions", "LFFFFFFFFAA"),
    (
        "POST /api/v1/meetings/{id}/actions/{action_id}/correct",
        "LFFFFFFFFAA",
    ),
    (
        "POST /api/v1/meetings/{id}/actions/{action_id}/withdraw",
        "LFFFFFFFFAA",
    ),
    (
        "POST /api/v1/meetings/{id}/decisions/{decision}/correct",
        "LFFFFFFFFAA",
    ),
    (
        "POST /api/v1/meetings/{id}/decisions/{decision}/withdraw",
        "LFFFFFFFFAA",
    ),
    ("POST /api/v1/meetings/{id}/declarations", "LFFFFFFFFAA"),
    ("POST /api/v1/meetings/{id}/papers", "LFAAFAAAFAA"),
    ("POST /api/v1/meetings/{id}/proposals", "LFAAFAAAFAA"),
    ("POST /api/v1/organisations", "LFFFFFFFFFA"),
    ("POST /api/v1/papers/{id}/accept", "LNNFNFFFNAA"),
    ("POST /api/v1/papers/{id}/attachments", "LNNANFFFNAA"),
    ("POST /api/v1/papers/{id}/late-decision", "LNNFNFFANFF"),
    ("POST /api/v1/papers/{id}/return", "LNNFNFFFNAA"),
    ("POST /api/v1/papers/{id}/sign-off", "LNNFNFFFNFF"),
    ("POST /api/v1/papers/{id}/submit", "LNNANFFFNFF"),
    ("POST /api/v1/papers/{id}/withdraw", "LNNANFFFNAA"),
    ("POST /api/v1/proposals/{id}/{outcome}", "LFFFFFFFFAA"),
    ("POST /api/v1/users", "LFFFFFFFFFA"),
    ("POST /api/v1/users/{id}/tokens", "LFFAFFFFFFA"),
    ("POST /admin/mail/{id}/{mail_change}", "LFFFFFFFFFA"),
    ("POST /bodies/{slug}/actions/import", "LFFFFFFFFAA"),
    ("POST /bodies/{slug}/mail/{id}/{mail_change}", "LFFFFFFFFAA"),
    ("POST /invitations/{token}", "AAAAAAAAAAA"),
    ("POST /password-reset", "AAAAAAAAAAA"),
    ("POST /password-reset/{token}", "NNNNNNNNNNN"),
    ("POST /login", "AAAAAAAAAAA"),
    ("POST /logout", "AAAAAAAAAAA"),
    ("POST /meetings/{id}/agenda/items", "LFFFFFFFFAA"),
    (
        "POST /meetings/{id}/agenda/items/{item}/change",
        "LFFFFFFFFAA",
    ),
    (
        "POST /meetings/{id}/agenda/items/{item}/move",
        "LFFFFFFFFAA",
    ),
    (
        "POST /meetings/{id}/agenda/items/{item}/refer",
        "LFFFFFFFFAA",
    ),
    (
        "POST /meetings/{id}/agenda/items/{item}/remove",
        "LFFFFFFFFAA",
    ),
    ("POST /meetings/{id}/agenda/publish", "LFFFFFFFFAA"),
    ("POST /meetings/{id}/agenda/sort", "LFFFFFFFFAA"),
    ("POST /meetings/{id}/cancel", "LFFFFFFFFAA"),
    ("POST /meetings/{id}/minutes", "LFFFFFFFFAA"),
    ("POST /meetings/{id}/papers", "LFAAFAAAFAA"),
    ("POST /meetings/{id}/proposals", "LFAAFAAAFAA"),
    ("POST /meetings/{id}/record/attendance", "LFFFFFFFFAA"),
    (
        "POST /meetings/{id}/record/actions/{action_id}/{change}",
        "LFFFFFFFFAA",
    ),
    (
        "POST /meetings/{id}/record/decisions/{decision}/{change}",
        "LFFFFFFFFAA",
    ),
    (
        "POST /meetings/{id}/record/items/{item}/{what}",
        "LFFFFFFFFAA",
    ),
    // Nothing is recorded for the officer at that item: nothing to remove.
    (
        "POST /meetings/{id}/record/items/{item}/movements/{user_id}/remove",
        "LFFFFFFFFNN",
    ),
    ("POST /meetings/{id}/decision-note/publish", "LFFFFFFFFAA"),
    ("POST /meetings/{id}/reschedule", "LFFFFFFFFAA"),
    ("POST /papers/{id}/attachments", "LNNANFFFNAA"),
    ("POST /papers/{id}/edit", "LNNANFFFNAA"),
    ("POST /papers/{id}/submit", "LNNANFFFNFF"),
    ("POST /papers/{id}/{action}", "LNNFNFFFNFF"),
    ("POST /proposals/{id}/{outcome}", "LFFFFFFFFAA"),
    ("POST /unsubscribe/{token}", "NNNNNNNNNNN"),
    ("PUT /api/v1/bodies/{slug}/members/{user_id}", "LFFFFFFFFAA"),
    ("PUT /api/v1/me/mail-preferences", "LAAAAAAAAAA"),
    ("PUT /api/v1/meetings/{id}/agenda/order", "LFFFFFFFFAA"),
    (
        "PUT /api/v1/meetings/{id}/attendance/{user_id}",
        "LFFFFFFFFAA",
    ),
    (
        "PUT /api/v1/meetings/{id}/attendance/{user_id}/items/{item_id}",
        "LFFFFFFFFAA",
    ),
    // Nothing is recorded for the officer at that item: nothing to remove.
    (
        "DELETE /api/v1/meetings/{id}/attendance/{user_id}/items/{item_id}",
        "LFFFFFFFFNN",
    ),
    ("GET /account/interests", "LAAAAAAAAAA"),
    ("GET /people/{id}/interests", "AAAAAAAAAAA"),
    // Only she (the member) and an administrator keep her register.
    ("POST /people/{id}/interests", "LNNNNANNNNA"),
    (
        "POST /people/{id}/interests/{interest}/{step}",
        "LNNNNANNNNA",
    ),
    // The police officer's register: her organisation does not publish it.
    ("GET /api/v1/users/{id}/interests", "NNNANNNNNAA"),
    ("POST /api/v1/users/{id}/interests", "LNNANNNNNNA"),
    // Another person's interest id: not found for anyone.
    (
        "PUT /api/v1/users/{id}/interests/{interest_id}",
        "LNNNNNNNNNN",
    ),
    (
        "DELETE /api/v1/users/{id}/interests/{interest_id}",
        "LNNNNNNNNNN",
    ),
    (
        "PUT /api/v1/organisations/{id}/interest-policy",
        "LFFFFFFFFFA",
    ),
    // Those at the table declare their own interests from the briefing.
    ("POST /meetings/{id}/briefing/declarations", "LFFFFAAAFFF"),
    // The demo publishes the decision note of the meeting held last.
    ("GET /api/v1/meetings/{id}/decision-note", "AAAAAAAAAAA"),
    // The meeting's minutes are a draft not yet circulated: only its
    // secretariat (and the admin) reads them.
    ("GET /api/v1/meetings/{id}/minutes", "NNNNNNNNNAA"),
    ("PUT /api/v1/meetings/{id}/minutes", "LFFFFFFFFAA"),
    ("GET /meetings/{id}/decision-note", "AAAAAAAAAAA"),
    (
        "POST /api/v1/meetings/{id}/decision-note/publish",
        "LFFFFFFFFAA",
    ),
    // The police paper's Welsh version: its author (the officer) and the
    // secretariat write it; the Board is English only, so a save is refused
    // in words (422), not hidden.
    ("GET /translations/{kind}/{id}", "LFFAFFFFFAA"),
    ("POST /translations/{kind}/{id}", "LFFAFFFFFAA"),
    ("GET /api/v1/translations/{kind}/{id}", "LFFAFFFFFAA"),
    ("PUT /api/v1/translations/{kind}/{id}", "LFFAFFFFFAA"),
    // The translation queue: anyone who runs a body.
    ("GET /translations", "LFAFFFFFAAA"),
    // Only those at the table say they will speak Welsh (the meeting is
    // over, so it is refused in words, 409).
    ("POST /meetings/{id}/speak-welsh", "LFFFFAAAFFF"),
    // The chair's urgency reason: the chair (and the secretariat, to read
    // it); an English-only body has none (404).
    ("GET /meetings/{id}/translation-urgency", "LFFFFFFNFNN"),
    ("POST /meetings/{id}/translation-urgency", "LFFFFFFNFFN"),
];

/// The ids the routes' `{placeholders}` are filled with.
struct Fixture {
    values: BTreeMap<&'static str, String>,
}

impl Fixture {
    /// Fills `path`: a placeholder's value depends on its name and on the
    /// segment before it (`/meetings/{id}` is a meeting, `/papers/{id}` a
    /// paper).
    fn fill(&self, path: &str) -> String {
        let mut out = Vec::new();
        let mut previous = "";
        for segment in path.split('/') {
            let filled = if let Some(start) = segment.find('{') {
                let end = segment.find('}').unwrap_or(segment.len());
                let name = &segment[start + 1..end];
                let key = match name {
                    "id" => previous,
                    "user_id" if path.ends_with("/remove") => "remove",
                    other => other,
                };
                let value = self.values.get(key).cloned().unwrap_or_else(|| {
                    panic!("no value for {{{name}}} after {previous} in {path}")
                });
                format!("{}{value}{}", &segment[..start], &segment[end + 1..])
            } else {
                segment.to_string()
            };
            if !segment.starts_with('{') {
                previous = segment;
            }
            out.push(filled);
        }
        out.join("/")
    }
}

/// One person: a browser with their session and an API token.
struct Person {
    browser: reqwest::Client,
    csrf: String,
    token: Option<String>,
}

fn classify(status: u16, location: &str) -> char {
    match status {
        401 => 'L',
        303 | 302 if location.starts_with("/login") => 'L',
        403 => 'F',
        404 => 'N',
        405 => 'M',
        500..=599 => 'E',
        _ => 'A',
    }
}

/// Routes that end the caller's session run after the others, signing out
/// last of all.
fn ends_session(path: &str) -> u8 {
    match path {
        "/logout" => 2,
        p if p.starts_with("/account/sessions") => 1,
        _ => 0,
    }
}

/// The JSON sent to an API route: `{}`, or where the route finds its target
/// in the body, just the target, so that rights are what is tested.
fn body_for(route: &str, fx: &Fixture) -> serde_json::Value {
    match route {
        "POST /api/v1/actions" => json!({"item_id": fx.values["item"]}),
        _ => json!({}),
    }
}

async fn person(app: &TestApp, email: Option<(&str, &str)>) -> Person {
    let browser = match email {
        Some((e, p)) => app.login(e, p).await,
        None => app.browser(),
    };
    let page = if email.is_some() {
        "/account"
    } else {
        "/login"
    };
    let csrf = app.form_token(&browser, page).await;
    let token = match email {
        Some((e, _)) => {
            let id = app
                .state
                .db({
                    let e = e.to_string();
                    move |c| Ok(quorate::db::users::find_by_email(c, &e)?)
                })
                .await
                .expect("user")
                .expect("known user")
                .id;
            Some(app.token_for(&id).await)
        }
        None => None,
    };
    Person {
        browser,
        csrf,
        token,
    }
}

async fn fixture(app: &TestApp) -> Fixture {
    let now = app.clock.now_naive_utc();
    let values = app
        .state
        .db(move |c| {
            use quorate::db::*;
            let psb = bodies::find_by_slug(c, "northshire-psb")?.expect("board");
            let meetings = meetings::of_body(c, &psb.id)?;
            // The latest meeting held, with its published agenda and record.
            let past = meetings
                .iter()
                .filter(|m| m.starts_at < now)
                .max_by_key(|m| m.starts_at)
                .expect("a past meeting")
                .clone();
            let next = meetings
                .iter()
                .filter(|m| m.starts_at > now)
                .min_by_key(|m| m.starts_at)
                .expect("a next meeting")
                .clone();
            let ashby = organisations::find_by_name(c, "Ashby District Council")?.expect("Ashby");
            let officer =
                users::find_by_email(c, "sarah.lewis@police.northshire.example")?.expect("officer");
            // A paper the officer's organisation (the police) presents to the
            // next meeting, submitted, not yet published.
            let paper = papers::of_meeting(c, &next.id)?
                .into_iter()
                .find(|p| {
                    p.presenting_organisation_id.as_deref()
                        == Some(officer.organisation_id.as_str())
                        && p.exempt_category.is_none()
                        && matches!(p.status.as_str(), "submitted" | "accepted")
                })
                .expect("a police paper before publication");
            let published = agenda::find(c, &past.id)?
                .map(|a| a.published_number)
                .unwrap_or(0);
            let published_paper = papers::of_meeting(c, &past.id)?
                .into_iter()
                .find(|p| p.exempt_category.is_none() && p.status == "published")
                .expect("a published paper");
            // A paper's item: the kind the secretariat moves and refers.
            let item = agenda::items_of(c, &past.id)?
                .into_iter()
                .find(|i| i.paper_id.is_some())
                .expect("a paper's item");
            let action = actions::open_actions(c)?
                .into_iter()
                .find(|a| a.body_id == psb.id)
                .expect("an action");
            let mut proposal = None;
            for m in &meetings {
                proposal = proposal.or(proposals::of_meeting(c, &m.id)?.into_iter().next());
            }
            let proposal = proposal.expect("a proposal").id;
            let priority = priorities::active_of(c, &psb.id)?
                .into_iter()
                .next()
                .expect("a priority")
                .id;
            let observer =
                users::find_by_email(c, "grace.turner@northshire.example")?.expect("observer");
            let token = tokens::of_user(c, &officer.id)?
                .into_iter()
                .next()
                .map(|t| t.id)
                .unwrap_or_else(|| "no-token".into());
            let mut v = BTreeMap::new();
            v.insert("meetings", past.id.clone());
            v.insert("bodies", psb.slug.clone());
            v.insert("slug", psb.slug.clone());
            v.insert("papers", paper.id.clone());
            // The police paper's Welsh version (the body is English only).
            v.insert("kind", "paper".into());
            v.insert("translations", paper.id.clone());
            v.insert("paper", published_paper.id.clone());
            v.insert("n", published.to_string());
            v.insert("item", item.id.clone());
            v.insert("items", item.id.clone());
            v.insert("item_id", item.id.clone());
            // Cllr Priya Shah's register: Ashby publishes its members'.
            let priya = users::find_by_email(c, "priya.shah@ashby.example")?.expect("Priya");
            let interest = quorate::db::interests::of_user(c, &priya.id)?
                .into_iter()
                .next()
                .expect("an interest")
                .id;
            v.insert("people", priya.id.clone());
            v.insert("interest", interest.clone());
            v.insert("interest_id", interest);
            v.insert("step", "end".into());
            v.insert("actions", action.id.clone());
            v.insert("organisations", ashby.id.clone());
            v.insert("users", officer.id.clone());
            v.insert("user_id", officer.id.clone());
            v.insert("user", officer.id.clone());
            v.insert("token_id", token.clone());
            v.insert("tokens", token);
            v.insert("proposals", proposal);
            v.insert("outcome", "accept".into());
            v.insert("action", "sign-off".into());
            v.insert("what", "notes".into());
            v.insert(
                "decision",
                quorate::db::record::decisions_of_meeting(c, &past.id)?
                    .into_iter()
                    .next()
                    .map(|d| d.id)
                    .unwrap_or_else(|| "no-decision".into()),
            );
            v.insert("change", "correct".into());
            v.insert("mail_change", "retry".into());
            // A message about the Board, still waiting to go (a retry is
            // refused, 409, and changes nothing).
            v.insert(
                "mail",
                outbox::listing(c, Some(std::slice::from_ref(&psb.id)), None, 1)?
                    .into_iter()
                    .next()
                    .map(|r| r.id)
                    .unwrap_or_else(|| "no-mail".into()),
            );
            v.insert(
                "action_id",
                actions::search(
                    c,
                    &actions::ActionFilter {
                        meeting_id: Some(past.id.clone()),
                        limit: 10,
                        ..Default::default()
                    },
                )?
                .into_iter()
                .next()
                .map(|a| a.id)
                .unwrap_or_else(|| "no-action".into()),
            );
            v.insert("aid", "no-such-attachment".into());
            v.insert("secret", "cal_no-such-secret-0123456789".into());
            v.insert("token", "no-such-invitation-0123456789".into());
            v.insert("priorities", priority);
            // The page's "remove" names another person than the API's
            // DELETE, which runs first and would leave nothing to remove.
            v.insert("remove", observer.id.clone());
            v.insert("members", officer.id.clone());
            v.insert("versions", published.to_string());
            Ok(v)
        })
        .await
        .expect("fixture");
    Fixture { values }
}

/// The demo, with two people it does not have: someone with no role
/// anywhere, and the secretariat of another body only; and an API token of
/// the officer's for the token routes to name.
async fn demo_with_everyone() -> (TestApp, Fixture) {
    let app = TestApp::spawn_demo().await;
    let officer = app
        .state
        .db(|c| {
            Ok(quorate::db::users::find_by_email(
                c,
                "sarah.lewis@police.northshire.example",
            )?)
        })
        .await
        .expect("officer")
        .expect("the demo's officer");
    app.token_for(&officer.id).await;
    let fx = fixture(&app).await;
    let org = fx.values["organisations"].clone();
    app.create_user("no-role@ashby.example", &org, false).await;
    let other_clerk = app.create_user("clerk@safer.example", &org, false).await;
    let (_, admin_token) = app.admin().await;
    let resp = app
        .put_json(
            &format!(
                "/api/v1/bodies/safer-communities/members/{}",
                other_clerk.id
            ),
            Some(&admin_token),
            &json!({"role": "secretariat"}),
        )
        .await;
    assert!(resp.status().is_success(), "{}", json(resp).await);
    (app, fx)
}

#[tokio::test]
async fn every_route_answers_every_kind_of_person_as_the_table_says() {
    let logins: [Option<(&str, &str)>; 11] = [
        None,
        Some(("no-role@ashby.example", PASSWORD)),
        Some(("nadia.hussain@ashby.example", DEMO_PASSWORD)),
        Some(("sarah.lewis@police.northshire.example", DEMO_PASSWORD)),
        Some(("grace.turner@northshire.example", DEMO_PASSWORD)),
        Some(("priya.shah@ashby.example", DEMO_PASSWORD)),
        Some(("ian.booth@ashby.example", DEMO_PASSWORD)),
        Some(("margaret.hale@northshire.example", DEMO_PASSWORD)),
        Some(("clerk@safer.example", PASSWORD)),
        Some(("sam.clarke@northshire.example", DEMO_PASSWORD)),
        Some(("admin@northshire.example", DEMO_PASSWORD)),
    ];
    let mut routes: Vec<(Method, String)> = quorate::web::route_table()
        .into_iter()
        .filter_map(|r| {
            let m = Method::from_bytes(r.method.as_str().as_bytes()).ok()?;
            (m != Method::HEAD).then_some((m, r.path))
        })
        .collect();
    // Reads first, then changes, then the routes that end the session: an
    // empty change can still do something (an author's withdraw needs no
    // fields), and must not hide a later read.
    routes.sort_by_key(|(m, p)| (ends_session(p), *m != Method::GET));
    let mut found: BTreeMap<String, String> = BTreeMap::new();
    for (r, login) in logins.iter().enumerate() {
        // Each kind of person gets a demo of their own, so that nothing one
        // of them changes decides what the next one sees.
        let (app, fx) = demo_with_everyone().await;
        let who = person(&app, *login).await;
        for (method, pattern) in &routes {
            let path = fx.fill(pattern);
            let api = path.starts_with("/api/");
            let mut req = who
                .browser
                .request(method.clone(), app.url(&path))
                .header("Origin", &app.address);
            if api {
                if let Some(t) = &who.token {
                    req = req.bearer_auth(t);
                }
                if *method != Method::GET && *method != Method::DELETE {
                    req = req.json(&body_for(&format!("{method} {pattern}"), &fx));
                }
            } else if *method != Method::GET {
                req = req.form(&[("csrf_token", who.csrf.as_str())]);
            }
            let resp = req.send().await.expect("request");
            let location = resp
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .unwrap_or_default()
                .to_string();
            let letter = classify(resp.status().as_u16(), &location);
            let key = format!("{method} {pattern}");
            let row = found.entry(key).or_default();
            assert_eq!(
                row.chars().count(),
                r,
                "{method} {pattern}: a route registered twice?"
            );
            row.push(letter);
            if letter == 'E' {
                panic!(
                    "{method} {path} as {}: {} {}",
                    ROLES[r],
                    resp.status(),
                    resp.text().await.unwrap_or_default()
                );
            }
        }
    }
    if std::env::var("QUORATE_MATRIX_PRINT").is_ok() {
        for (route, row) in &found {
            println!("    (\"{route}\", \"{row}\"),");
        }
    }
    let expected: BTreeMap<&str, &str> = EXPECTED.iter().copied().collect();
    let mut problems = Vec::new();
    for (route, row) in &found {
        match expected.get(route.as_str()) {
            None => problems.push(format!("{route}: not in the table (found {row})")),
            Some(want) if want != row => {
                let who: Vec<String> = want
                    .chars()
                    .zip(row.chars())
                    .enumerate()
                    .filter(|(_, (w, f))| w != f)
                    .map(|(i, (w, f))| format!("{} expected {w} got {f}", ROLES[i]))
                    .collect();
                problems.push(format!("{route}: {}", who.join("; ")));
            }
            Some(_) => {}
        }
    }
    for route in expected.keys() {
        if !found.contains_key(*route) {
            problems.push(format!("{route}: in the table but not a route"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} routes differ from the table:\n{}",
        problems.len(),
        found.len(),
        problems.join("\n")
    );
    eprintln!(
        "authorisation matrix: {} routes x {} kinds of person = {} calls",
        found.len(),
        ROLES.len(),
        found.len() * ROLES.len()
    );
}
