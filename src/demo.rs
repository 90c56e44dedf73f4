//! Demo data: a county Public Service Board with its partners, forum, theme
//! groups and district partnerships. Loaded through the same services as
//! real changes, so it is audited like them.

use chrono::NaiveDateTime;

use crate::db::DbConn;
use crate::db::bodies::Body;
use crate::error::{AppError, AppResult};
use crate::services::Actor;
use crate::services::accounts::{self, InitialPassword, InviteContext, NewUser};
use crate::services::directory::{self, MembershipInput, NewBody, NewOrganisation, NewPriority};

/// Every demo account signs in with this password.
pub const DEMO_PASSWORD: &str = "northshire-demo";

const ORGANISATIONS: &[(&str, &str)] = &[
    ("Northshire County Council", "NCC"),
    ("Ashby District Council", "ADC"),
    ("Brookfield Borough Council", "BBC"),
    ("Carrow District Council", "CDC"),
    ("Dunmere District Council", "DDC"),
    ("Eastwick Borough Council", "EBC"),
    ("Northshire Police Authority", "NPA"),
    ("Northshire Primary Care Trust", "PCT"),
    ("Northshire Chamber of Commerce", "Chamber"),
    ("Northshire Learning and Skills Council", "LSC"),
    ("Northshire Infrastructure Consortium", "NIC"),
    ("Northshire Association of Local Councils", "NALC"),
];

/// (key, name, email, organisation short name, site admin)
const PEOPLE: &[(&str, &str, &str, &str, bool)] = &[
    (
        "admin",
        "Alex Morgan",
        "admin@northshire.example",
        "NCC",
        true,
    ),
    (
        "clerk",
        "Sam Clarke",
        "sam.clarke@northshire.example",
        "NCC",
        false,
    ),
    (
        "chair",
        "Cllr Margaret Hale",
        "margaret.hale@northshire.example",
        "NCC",
        false,
    ),
    (
        "police",
        "Chief Supt David Osei",
        "david.osei@police.northshire.example",
        "NPA",
        false,
    ),
    (
        "ashby",
        "Cllr Priya Shah",
        "priya.shah@ashby.example",
        "ADC",
        false,
    ),
    (
        "ashby_sub",
        "Cllr Ian Booth",
        "ian.booth@ashby.example",
        "ADC",
        false,
    ),
    (
        "brookfield",
        "Cllr Tom Reilly",
        "tom.reilly@brookfield.example",
        "BBC",
        false,
    ),
    (
        "carrow",
        "Cllr Helen Price",
        "helen.price@carrow.example",
        "CDC",
        false,
    ),
    (
        "dunmere",
        "Cllr Gareth Evans",
        "gareth.evans@dunmere.example",
        "DDC",
        false,
    ),
    (
        "eastwick",
        "Cllr Ruth Okafor",
        "ruth.okafor@eastwick.example",
        "EBC",
        false,
    ),
    (
        "pct",
        "Dr Aisha Bello",
        "aisha.bello@pct.northshire.example",
        "PCT",
        false,
    ),
    (
        "chamber",
        "James Whitfield",
        "james.whitfield@chamber.example",
        "Chamber",
        false,
    ),
    ("lsc", "Linda Moss", "linda.moss@lsc.example", "LSC", false),
    (
        "nic",
        "Fiona Grant",
        "fiona.grant@nic.example",
        "NIC",
        false,
    ),
    (
        "nalc",
        "Cllr Peter Lamb",
        "peter.lamb@nalc.example",
        "NALC",
        false,
    ),
    (
        "officer",
        "Nadia Hussain",
        "nadia.hussain@ashby.example",
        "ADC",
        false,
    ),
    (
        "policy",
        "Ben Carter",
        "ben.carter@northshire.example",
        "NCC",
        false,
    ),
    (
        "scrutiny",
        "Grace Turner",
        "grace.turner@northshire.example",
        "NCC",
        false,
    ),
];

/// (slug, name, kind, parent slug)
const BODIES: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "northshire-psb",
        "Northshire Public Service Board",
        "board",
        None,
    ),
    (
        "psb-forum",
        "Public Service Board Advisory Forum",
        "forum",
        Some("northshire-psb"),
    ),
    (
        "children-young-people",
        "Children and Young People Theme Group",
        "theme_group",
        Some("northshire-psb"),
    ),
    (
        "safer-communities",
        "Safer Communities Theme Group",
        "theme_group",
        Some("northshire-psb"),
    ),
    (
        "stronger-communities",
        "Stronger Communities Theme Group",
        "theme_group",
        Some("northshire-psb"),
    ),
    (
        "healthier-communities",
        "Healthier Communities and Older People Theme Group",
        "theme_group",
        Some("northshire-psb"),
    ),
    (
        "economic-development",
        "Economic Development and Enterprise Theme Group",
        "theme_group",
        Some("northshire-psb"),
    ),
    (
        "climate-environment",
        "Climate Change and Environment Theme Group",
        "theme_group",
        Some("northshire-psb"),
    ),
    (
        "ashby-partnership",
        "Ashby Local Partnership",
        "partnership",
        Some("northshire-psb"),
    ),
    (
        "brookfield-partnership",
        "Brookfield Local Partnership",
        "partnership",
        Some("northshire-psb"),
    ),
    (
        "carrow-partnership",
        "Carrow Local Partnership",
        "partnership",
        Some("northshire-psb"),
    ),
    (
        "dunmere-partnership",
        "Dunmere Local Partnership",
        "partnership",
        Some("northshire-psb"),
    ),
    (
        "eastwick-partnership",
        "Eastwick Local Partnership",
        "partnership",
        Some("northshire-psb"),
    ),
];

/// (body slug, person key, role, substitute for)
const MEMBERSHIPS: &[(&str, &str, &str, Option<&str>)] = &[
    ("northshire-psb", "chair", "chair", None),
    ("northshire-psb", "police", "vice_chair", None),
    ("northshire-psb", "ashby", "member", None),
    ("northshire-psb", "brookfield", "member", None),
    ("northshire-psb", "carrow", "member", None),
    ("northshire-psb", "dunmere", "member", None),
    ("northshire-psb", "eastwick", "member", None),
    ("northshire-psb", "pct", "member", None),
    ("northshire-psb", "chamber", "member", None),
    ("northshire-psb", "lsc", "member", None),
    ("northshire-psb", "nic", "member", None),
    ("northshire-psb", "nalc", "member", None),
    ("northshire-psb", "ashby_sub", "substitute", Some("ashby")),
    ("northshire-psb", "clerk", "secretariat", None),
    ("northshire-psb", "officer", "officer", None),
    ("northshire-psb", "policy", "officer", None),
    ("northshire-psb", "scrutiny", "observer", None),
    ("psb-forum", "nic", "chair", None),
    ("psb-forum", "nalc", "member", None),
    ("psb-forum", "chamber", "member", None),
    ("psb-forum", "clerk", "secretariat", None),
    ("children-young-people", "lsc", "chair", None),
    ("children-young-people", "policy", "secretariat", None),
    ("safer-communities", "police", "chair", None),
    ("safer-communities", "policy", "secretariat", None),
    ("stronger-communities", "nic", "chair", None),
    ("stronger-communities", "policy", "secretariat", None),
    ("healthier-communities", "pct", "chair", None),
    ("healthier-communities", "policy", "secretariat", None),
    ("economic-development", "chamber", "chair", None),
    ("economic-development", "policy", "secretariat", None),
    ("climate-environment", "carrow", "chair", None),
    ("climate-environment", "policy", "secretariat", None),
    ("ashby-partnership", "ashby", "chair", None),
    ("ashby-partnership", "officer", "secretariat", None),
    ("brookfield-partnership", "brookfield", "chair", None),
    ("carrow-partnership", "carrow", "chair", None),
    ("dunmere-partnership", "dunmere", "chair", None),
    ("eastwick-partnership", "eastwick", "chair", None),
];

const PSB_PRIORITIES: &[&str] = &[
    "Narrowing the gap",
    "Preparing for an ageing population",
    "Economic recovery",
];

/// The accounts to print after loading: (what they show, name, email).
pub struct DemoLogin {
    pub role: &'static str,
    pub name: String,
    pub email: String,
}

/// Loads the demo into an empty database, inside the caller's transaction.
pub fn load(conn: &mut DbConn, now: NaiveDateTime) -> AppResult<Vec<DemoLogin>> {
    let actor = Actor::system("Demo loader");
    let mut orgs = std::collections::HashMap::new();
    for (name, short) in ORGANISATIONS {
        let o = directory::create_organisation(
            conn,
            &actor,
            &NewOrganisation {
                name: Some((*name).into()),
                short_name: Some((*short).into()),
            },
            now,
        )?;
        orgs.insert(*short, o.id);
    }
    let invite = InviteContext {
        base_url: "",
        days: 7,
    };
    let mut people = std::collections::HashMap::new();
    let hash = accounts::hash_password(DEMO_PASSWORD)?;
    for (key, name, email, org, admin) in PEOPLE {
        let input = NewUser {
            email: Some((*email).into()),
            name: Some((*name).into()),
            organisation_id: orgs.get(org).cloned(),
            is_admin: Some(*admin),
        };
        let u = accounts::create_user_with(
            conn,
            &actor,
            &input,
            InitialPassword::Hashed(&hash),
            &invite,
            now,
        )?;
        people.insert(*key, u);
    }
    let mut bodies: std::collections::HashMap<&str, Body> = std::collections::HashMap::new();
    for (slug, name, kind, parent) in BODIES {
        let input = NewBody {
            name: Some((*name).into()),
            slug: Some((*slug).into()),
            kind: Some((*kind).into()),
            parent_slug: parent.map(str::to_string),
            policy: None,
        };
        bodies.insert(*slug, directory::create_body(conn, &actor, &input, now)?);
    }
    let missing = || AppError::internal("demo data refers to a missing record");
    for (slug, key, role, sub) in MEMBERSHIPS {
        let body = bodies.get(slug).ok_or_else(missing)?;
        let user = people.get(key).ok_or_else(missing)?;
        let substitute_for = match sub {
            Some(k) => Some(people.get(k).ok_or_else(missing)?.id.clone()),
            None => None,
        };
        directory::put_membership(
            conn,
            &actor,
            body,
            &user.id,
            &MembershipInput {
                role: Some((*role).into()),
                substitute_for,
            },
            now,
        )?;
    }
    let psb = bodies.get("northshire-psb").ok_or_else(missing)?;
    for title in PSB_PRIORITIES {
        directory::add_priority(
            conn,
            &actor,
            psb,
            &NewPriority {
                title: Some((*title).into()),
            },
            now,
        )?;
    }
    Ok(logins())
}

/// The accounts worth trying, in the order printed.
pub fn logins() -> Vec<DemoLogin> {
    let show = [
        ("Secretariat of the Board", "clerk"),
        ("Chair of the Board", "chair"),
        ("Board member", "ashby"),
        ("Substitute", "ashby_sub"),
        ("Partner officer (district council)", "officer"),
        ("Observer", "scrutiny"),
        ("Site administrator", "admin"),
    ];
    show.iter()
        .filter_map(|(role, key)| {
            PEOPLE.iter().find(|p| p.0 == *key).map(|p| DemoLogin {
                role,
                name: p.1.to_string(),
                email: p.2.to_string(),
            })
        })
        .collect()
}

/// Does the database hold the demo (so a second `quorate demo` just serves it)?
pub fn is_loaded(conn: &mut DbConn) -> AppResult<bool> {
    let clerk = crate::db::users::find_by_email(conn, PEOPLE[1].2)?;
    let board = crate::db::bodies::find_by_slug(conn, BODIES[0].0)?;
    Ok(clerk.is_some() && board.is_some())
}

/// What `quorate demo` prints: the address and the logins.
pub fn describe(logins: &[DemoLogin], base_url: &str) -> String {
    let mut out = format!(
        "Quorate demo: Northshire Public Service Board, 12 partners, a forum, 6 theme groups, 5 local partnerships.\n\
         Open {base_url} and sign in as any of these (password: {DEMO_PASSWORD}):\n"
    );
    for l in logins {
        out.push_str(&format!("  {:<38} {:<24} {}\n", l.role, l.name, l.email));
    }
    out.push_str("Stop with Ctrl+C.");
    out
}
