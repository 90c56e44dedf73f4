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
    // Report authors of the partners whose chief officers sponsor their
    // papers (an author never signs off their own paper).
    (
        "police_author",
        "Insp. Sarah Lewis",
        "sarah.lewis@police.northshire.example",
        "NPA",
        false,
    ),
    (
        "pct_author",
        "Tom Reid",
        "tom.reid@pct.northshire.example",
        "PCT",
        false,
    ),
    (
        "chamber_author",
        "Amira Khan",
        "amira.khan@chamber.northshire.example",
        "Chamber",
        false,
    ),
    (
        "eastwick_author",
        "Joe Price",
        "joe.price@eastwick.example",
        "EBC",
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
    ("northshire-psb", "police_author", "officer", None),
    ("northshire-psb", "pct_author", "officer", None),
    ("northshire-psb", "chamber_author", "officer", None),
    ("northshire-psb", "eastwick_author", "officer", None),
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
pub fn load(conn: &mut DbConn, now: NaiveDateTime, base_url: &str) -> AppResult<Vec<DemoLogin>> {
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
    let org_ids: std::collections::HashMap<&str, String> =
        orgs.iter().map(|(k, v)| (*k, v.clone())).collect();
    registers_of_interests(conn, &actor, now, &people, &org_ids)?;
    board_meetings(conn, now, base_url, psb, &people, &org_ids)?;
    welsh_board(conn, &actor, now, base_url, &hash)?;
    Ok(logins())
}

/// Registers of interests: Ashby District Council publishes its members'
/// registers; Cllr Priya Shah's names Eastwick Borough Council (a
/// contract), so the winter shelter paper it presents shows a likely
/// conflict, and a gift over the £50 threshold.
fn registers_of_interests(
    conn: &mut DbConn,
    actor: &Actor,
    now: NaiveDateTime,
    people: &std::collections::HashMap<&str, crate::db::users::User>,
    orgs: &std::collections::HashMap<&str, String>,
) -> AppResult<()> {
    use crate::services::interests::{self, InterestInput};
    let missing = || AppError::internal("demo data refers to a missing record");
    let admin = crate::domain::roles::Grants {
        is_admin: true,
        ..Default::default()
    };
    let ashby = orgs.get("ADC").ok_or_else(missing)?;
    interests::set_policy(conn, actor, &admin, ashby, Some("50"), true, now)?;
    let priya = people.get("ashby").ok_or_else(missing)?;
    let year_ago = (now.date() - chrono::Duration::days(400)).to_string();
    for (kind, description, org, value, starts, ends) in [
        (
            "employment",
            "Director, Shah Youth Projects Ltd",
            None,
            None,
            year_ago.clone(),
            None,
        ),
        (
            "contracts",
            "Shah Youth Projects Ltd runs the Eastwick youth hub under contract to Eastwick Borough Council",
            orgs.get("EBC"),
            None,
            year_ago.clone(),
            None,
        ),
        (
            "land",
            "Home, Mill Lane, Ashby",
            None,
            None,
            year_ago.clone(),
            None,
        ),
        (
            "gifts",
            "Dinner at the Northshire Chamber of Commerce annual awards",
            orgs.get("Chamber"),
            Some("85"),
            (now.date() - chrono::Duration::days(60)).to_string(),
            Some((now.date() - chrono::Duration::days(60)).to_string()),
        ),
    ] {
        interests::add(
            conn,
            actor,
            &admin,
            "",
            &priya.id,
            &InterestInput {
                kind: Some(kind.into()),
                description: Some(description.into()),
                organisation_id: org.cloned(),
                value: value.map(str::to_string),
                starts_on: Some(starts),
                ends_on: ends,
            },
            now,
        )?;
    }
    Ok(())
}

/// A Welsh Public Services Board beside the English one: statutory rules
/// of its own (`wales-psb`: 3 clear days, Schedule 12A Part 4, every
/// statutory member for quorum). Its last meeting's agenda is published
/// with a confidential item, so its "reasons restricted" page can be read.
fn welsh_board(
    conn: &mut DbConn,
    actor: &Actor,
    now: NaiveDateTime,
    base_url: &str,
    hash: &str,
) -> AppResult<()> {
    use crate::services::Ctx;
    use crate::services::agenda::{self, ItemInput, PublishInput};
    use crate::services::meetings::{self, MeetingInput};
    use chrono::{Datelike, Duration, NaiveTime, Weekday};

    let mut orgs = std::collections::HashMap::new();
    for (name, short) in [
        ("Dyffryn Tawel County Borough Council", "DTCBC"),
        ("Tawel Valley University Health Board", "TVUHB"),
        ("Tawel Fire and Rescue Authority", "TFRA"),
        ("Natural Resources Wales", "NRW"),
    ] {
        let o = directory::create_organisation(
            conn,
            actor,
            &NewOrganisation {
                name: Some(name.into()),
                short_name: Some(short.into()),
            },
            now,
        )?;
        orgs.insert(short, o.id);
    }
    let invite = InviteContext {
        base_url: "",
        days: 7,
    };
    let mut people = std::collections::HashMap::new();
    for (key, name, email, org) in [
        (
            "leader",
            "Cllr Rhian Evans",
            "rhian.evans@dyffryntawel.example",
            "DTCBC",
        ),
        (
            "health",
            "Dr Owain Price",
            "owain.price@tvuhb.example",
            "TVUHB",
        ),
        (
            "fire",
            "Carys Jenkins",
            "carys.jenkins@tawelfire.example",
            "TFRA",
        ),
        ("nrw", "Gareth Lloyd", "gareth.lloyd@nrw.example", "NRW"),
        (
            "clerk",
            "Siân Morgan",
            "sian.morgan@dyffryntawel.example",
            "DTCBC",
        ),
        (
            "health_sub",
            "Elin Rees",
            "elin.rees@tvuhb.example",
            "TVUHB",
        ),
    ] {
        let u = accounts::create_user_with(
            conn,
            actor,
            &NewUser {
                email: Some(email.into()),
                name: Some(name.into()),
                organisation_id: orgs.get(org).cloned(),
                is_admin: Some(false),
            },
            InitialPassword::Hashed(hash),
            &invite,
            now,
        )?;
        people.insert(key, u);
    }
    let body = directory::create_body(
        conn,
        actor,
        &NewBody {
            name: Some("Dyffryn Tawel Public Services Board".into()),
            slug: Some("dyffryn-tawel-psb".into()),
            kind: Some("board".into()),
            parent_slug: None,
            policy: Some(crate::domain::policy::PolicyInput {
                rules: Some("wales-psb".into()),
                ..Default::default()
            }),
        },
        now,
    )?;
    let missing = || AppError::internal("demo data refers to a missing record");
    for (key, role, stands_in_for) in [
        ("leader", "chair", None),
        ("health", "statutory_member", None),
        ("fire", "statutory_member", None),
        ("nrw", "statutory_member", None),
        ("health_sub", "designated_substitute", Some("health")),
        ("clerk", "secretariat", None),
    ] {
        let user = people.get(key).ok_or_else(missing)?;
        let substitute_for = match stands_in_for {
            Some(k) => Some(people.get(k).ok_or_else(missing)?.id.clone()),
            None => None,
        };
        directory::put_membership(
            conn,
            actor,
            &body,
            &user.id,
            &MembershipInput {
                role: Some(role.into()),
                substitute_for,
            },
            now,
        )?;
    }
    let clerk = people.get("clerk").ok_or_else(missing)?;
    let clerk = Actor {
        user_id: Some(clerk.id.clone()),
        label: clerk.name.clone(),
        client_addr: None,
    };
    let cals = crate::domain::calendar::Calendars::builtin();
    let cal = meetings::calendar_for(&cals, &body);
    let thursday = |from: chrono::NaiveDate| {
        let mut d = from;
        while d.weekday() != Weekday::Thu || !cal.is_working_day(d) {
            d += Duration::days(1);
        }
        d
    };
    let ten = NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default();
    let noon = NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default();
    let location = "Neuadd y Sir, Tref Tawel (County Hall, Tawel Town), and online";
    let mut held = None;
    let mut next = None;
    for day in [
        thursday(now.date() - chrono::Duration::days(28)),
        thursday(now.date() + Duration::days(42)),
    ] {
        let at = |t: NaiveTime| crate::domain::timeline::london_instant(day, t);
        let made = meetings::create_meeting(
            conn,
            &clerk,
            &body,
            &MeetingInput {
                starts_at: Some(at(ten).to_rfc3339()),
                ends_at: Some(at(noon).to_rfc3339()),
                location: Some(location.into()),
                remote_access: Some(
                    "Join on Microsoft Teams: the link is at dyffryntawel.example/psb-live, or telephone 029 2000 0000 and enter meeting number 4417. Members of the public may watch the live stream at the same address."
                        .into(),
                ),
            },
            &Ctx {
                base_url,
                calendars: &cals,
                now: at(ten).naive_utc() - Duration::days(60),
            },
        )?;
        if held.is_some() {
            next = Some(made);
        } else {
            held = Some(made);
        }
    }
    let m = held.ok_or_else(missing)?;
    let t = meetings::timeline_for(&m, &body, &cals);
    let publish_at = on_a_working_day(t.publication_deadline.naive_utc() - Duration::days(1), &cal);
    let before = publish_at - Duration::days(1);
    let clerk_grants = crate::domain::roles::Grants {
        is_admin: false,
        roles: vec![(body.id.clone(), crate::domain::roles::Role::Secretariat)],
        organisation_id: String::new(),
    };
    for (title, welsh, item_type, reason, exempt, public_interest) in [
        (
            "Well-being assessment: what residents told us",
            "Asesiad llesiant: yr hyn a ddywedodd trigolion wrthym",
            "discussion",
            "The engagement team will present the survey findings on the day.",
            None,
            None,
        ),
        (
            "Leisure centre transfer: negotiations with the preferred bidder",
            "Trosglwyddo'r ganolfan hamdden: trafodaethau gyda'r cynigydd a ffefrir",
            "decision",
            "The council's negotiating position will be reported orally.",
            Some(14),
            Some(
                "Disclosing the council's negotiating position before the contract is signed would weaken it and could cost public money; that outweighs the public interest in knowing the terms now. They will be published when the transfer is completed.",
            ),
        ),
    ] {
        let item = agenda::add_item(
            conn,
            &clerk,
            &m,
            &ItemInput {
                title: Some(title.into()),
                item_type: Some(item_type.into()),
                presenter_user_id: None,
                organisation_id: orgs.get("DTCBC").cloned(),
                minutes_allocated: Some(20),
                verbal_reason: Some(reason.into()),
                exempt_category: exempt,
                exempt_public_interest: public_interest.map(str::to_string),
                translations: None,
            },
            None,
            before,
        )?;
        // The board is bilingual: its secretariat gives each item's Welsh.
        crate::services::translations::save(
            conn,
            &clerk,
            &clerk_grants,
            crate::domain::translation::Subject::AgendaItem,
            &item.id,
            &std::collections::HashMap::from([("title".to_string(), welsh.to_string())]),
            true,
            before,
        )?;
    }
    agenda::publish(
        conn,
        &clerk,
        &m,
        &body,
        &PublishInput::default(),
        None,
        &Ctx {
            base_url,
            calendars: &cals,
            now: publish_at,
        },
    )?;
    let next = next.ok_or_else(missing)?;
    let leader = people.get("leader").ok_or_else(missing)?;
    bilingual_paper(
        conn,
        (&clerk, &clerk_grants),
        leader,
        &next,
        &orgs,
        on_a_working_day(now - Duration::days(3), &cal),
        base_url,
    )?;
    Ok(())
}

/// The Welsh board's next meeting: an accepted decision paper, written in
/// English and partly translated (title, purpose and summary in Welsh, the
/// rest awaiting translation), so the translation queue and the
/// pre-flight have something to show.
fn bilingual_paper(
    conn: &mut DbConn,
    (clerk, clerk_grants): (&Actor, &crate::domain::roles::Grants),
    sponsor: &crate::db::users::User,
    meeting: &crate::db::meetings::Meeting,
    orgs: &std::collections::HashMap<&str, String>,
    written: NaiveDateTime,
    base_url: &str,
) -> AppResult<()> {
    use crate::services::papers::{self, ImplicationsInput, PaperInput};
    let author = clerk.user_id.clone().unwrap_or_default();
    let input = PaperInput {
        title: Some("Active travel in the Tawel valley: a joint plan".into()),
        item_type: Some(Some("decision".into())),
        presenting_organisation_id: Some(orgs.get("DTCBC").cloned()),
        presenter_user_id: Some(Some(author.clone())),
        sponsor_user_id: Some(Some(sponsor.id.clone())),
        purpose: Some("To agree a joint plan for safe walking and cycling routes to schools and health centres.".into()),
        summary: Some("Residents told the well-being assessment that they would walk and cycle more if routes were safer. Partners propose three routes, built over two years, with the health board promoting them to patients.".into()),
        recommendations: Some(vec![
            "Agree the three routes in the joint plan.".into(),
            "Ask the council to bid for the Active Travel Fund by March.".into(),
        ]),
        implications: Some(ImplicationsInput {
            financial: Some("£1.2 million over two years from the Active Travel Fund, if the bid succeeds.".into()),
            legal: Some("none".into()),
            risk: Some("The bid may not succeed; the routes would then be phased.".into()),
            equality: Some("Routes are designed for wheelchairs and pushchairs.".into()),
            equality_assessment: Some("done".into()),
            environment: Some("Fewer short car journeys; lower emissions near schools.".into()),
            welsh_language: Some("Signs, maps and the promotion will be bilingual; no effect on opportunities to use Welsh otherwise.".into()),
        }),
        consulted_organisation_ids: Some(
            ["TVUHB", "NRW"]
                .iter()
                .filter_map(|o| orgs.get(o).cloned())
                .collect(),
        ),
        no_priority_reason: Some("The board has not yet set its priorities for the new well-being plan.".into()),
        body_markdown: Some("## Background\n\nThe well-being assessment asked residents what would help them be active. Safer routes came first.\n\n## The routes\n\n1. Tref Tawel station to Ysgol y Cwm.\n2. Heol y Bont to the health centre.\n3. The riverside path, joined up.".into()),
        ..Default::default()
    };
    let ctx = crate::services::Ctx {
        base_url,
        calendars: &crate::domain::calendar::Calendars::builtin(),
        now: written,
    };
    let p = papers::create_paper(conn, clerk, clerk_grants, &author, meeting, &input, written)?;
    let p = papers::submit_paper(conn, clerk, &author, &p, None, &ctx)?;
    let sponsor_actor = Actor {
        user_id: Some(sponsor.id.clone()),
        label: sponsor.name.clone(),
        client_addr: None,
    };
    let p = papers::sign_off(conn, &sponsor_actor, &sponsor.id, &p, written)?;
    let p = papers::accept(conn, clerk, clerk_grants, &p, written)?;
    crate::services::translations::save(
        conn,
        clerk,
        clerk_grants,
        crate::domain::translation::Subject::Paper,
        &p.id,
        &std::collections::HashMap::from([
            ("title".to_string(), "Teithio llesol yng nghwm Tawel: cynllun ar y cyd".to_string()),
            ("purpose".to_string(), "Cytuno ar gynllun ar y cyd ar gyfer llwybrau cerdded a beicio diogel i ysgolion a chanolfannau iechyd.".to_string()),
            ("summary".to_string(), "Dywedodd trigolion wrth yr asesiad llesiant y byddent yn cerdded ac yn beicio mwy pe bai'r llwybrau'n fwy diogel. Mae'r partneriaid yn cynnig tri llwybr, i'w hadeiladu dros ddwy flynedd, gyda'r bwrdd iechyd yn eu hyrwyddo i gleifion.".to_string()),
        ]),
        false,
        written,
    )?;
    Ok(())
}

/// One demo paper: who writes it and what it says.
struct DemoPaper {
    author: &'static str,
    org: &'static str,
    sponsor: &'static str,
    title: &'static str,
    item_type: &'static str,
    purpose: &'static str,
    summary: &'static str,
    recommendations: &'static [&'static str],
    consulted: &'static [&'static str],
    priority: Option<usize>,
    body: &'static str,
    exempt: Option<(i32, &'static str)>,
    /// A key decision, given 28 clear days' notice in the forward plan.
    key: bool,
}

const PAPERS: &[DemoPaper] = &[
    DemoPaper {
        author: "policy",
        org: "NCC",
        sponsor: "chair",
        title: "Narrowing the gap: school-readiness programme for 2027-28",
        key: true,
        item_type: "decision",
        purpose: "To agree joint funding for the school-readiness programme in the five most deprived wards.",
        summary: "Children in the five most deprived wards start school less ready than their peers. Health visitors, early-years settings and libraries propose a joint programme of home visits and reading sessions, costing £180,000 a year, shared by three partners.",
        recommendations: &[
            "Approve joint funding of £180,000 a year for two years.",
            "Ask the Children and Young People Theme Group to report progress in March 2028.",
        ],
        consulted: &["PCT", "LSC"],
        priority: Some(0),
        body: "## Background\n\nIn 2026, 58% of children in the five wards reached a good level of development, against 71% across the county.\n\n## Proposal\n\n| Partner | Share |\n|---|--:|\n| County council | £90,000 |\n| Primary care trust | £60,000 |\n| Learning and skills council | £30,000 |\n\n## Evidence\n\nA pilot in Brookfield raised the rate by nine points in two years.[^1]\n\n[^1]: Brookfield pilot evaluation, 2025.",
        exempt: None,
    },
    DemoPaper {
        author: "police_author",
        org: "NPA",
        sponsor: "police",
        title: "Safer streets: night-time economy in Eastwick town centre",
        item_type: "discussion",
        purpose: "To discuss a joint approach to violence in Eastwick town centre at night.",
        summary: "Reports of violence in the town centre between 22:00 and 03:00 rose by a fifth last year. The police propose a joint patrol and taxi-marshal scheme with the borough council and licensees.",
        recommendations: &["Discuss the options in section 3 and advise which to develop."],
        consulted: &["EBC", "Chamber"],
        priority: Some(2),
        body: "## The problem\n\nViolence with injury in the centre rose from 212 to 254 incidents.\n\n## Options\n\n1. Taxi marshals on Friday and Saturday nights.\n2. A late-night levy.\n3. Both, phased.",
        exempt: None,
        key: false,
    },
    DemoPaper {
        author: "pct_author",
        org: "PCT",
        sponsor: "pct",
        title: "Falls prevention for older people",
        item_type: "decision",
        purpose: "To agree a county-wide falls prevention service.",
        summary: "Falls are the commonest reason older people are admitted to hospital in Northshire.",
        recommendations: &["Approve the service."],
        consulted: &["NCC"],
        priority: Some(1),
        body: "## Summary\n\nA county-wide service would reduce admissions.",
        exempt: None,
        key: false,
    },
    DemoPaper {
        author: "chamber_author",
        org: "Chamber",
        sponsor: "chamber",
        title: "High-street recovery grants",
        item_type: "decision",
        purpose: "",
        summary: "",
        recommendations: &[],
        consulted: &[],
        priority: Some(2),
        body: "",
        exempt: None,
        key: false,
    },
    DemoPaper {
        author: "eastwick_author",
        org: "EBC",
        sponsor: "eastwick",
        title: "Winter shelter: extra beds from January",
        item_type: "decision",
        purpose: "To agree emergency funding for twelve extra shelter beds from January.",
        summary: "Rough sleeping in Eastwick doubled in December. The borough asks partners to fund twelve extra beds until March.",
        recommendations: &[
            "Approve £36,000 from the partnership fund for twelve beds until 31 March.",
        ],
        consulted: &["NIC", "PCT"],
        priority: Some(0),
        body: "## Why now\n\nThe December count found 23 people sleeping rough, against 11 a year ago.",
        exempt: None,
        key: false,
    },
    DemoPaper {
        author: "policy",
        org: "NCC",
        sponsor: "chair",
        title: "Disposal of the former Carrow depot",
        item_type: "decision",
        purpose: "To agree the sale of the former Carrow depot to the preferred bidder.",
        summary: "Three bids were received. The preferred bid offers the best value and keeps the site in employment use.",
        recommendations: &["Agree the sale to the preferred bidder on the terms in appendix 1."],
        consulted: &["CDC"],
        priority: Some(2),
        body: "## Bids\n\nThe bids, with the bidders' names and prices, are in appendix 1.",
        exempt: Some((
            3,
            "The bids contain the financial and business affairs of the bidders.",
        )),
        key: false,
    },
];

/// The papers of the Board's last meeting, decided there.
const PAST_PAPERS: &[DemoPaper] = &[
    DemoPaper {
        author: "pct_author",
        org: "PCT",
        sponsor: "pct",
        title: "Memory cafés: a twelve-month pilot in Ashby and Carrow",
        item_type: "decision",
        purpose: "To agree a twelve-month pilot of memory cafés for people living with dementia and their carers.",
        summary: "Two in five people diagnosed with dementia in Ashby and Carrow have no contact with any service in the year after diagnosis. Memory cafés give dementia support close to home: a monthly meeting in a library or community centre with a nurse, an adviser and volunteers.",
        recommendations: &[
            "Approve a twelve-month pilot of memory cafés in Ashby and Carrow, costing £48,000.",
            "Ask the primary care trust to report take-up by district after six months.",
        ],
        consulted: &["ADC", "CDC", "NCC"],
        priority: Some(1),
        body: "## Why memory cafés\n\nPeople who go to a memory café keep in touch with services and are admitted to hospital less often.\n\n## The pilot\n\n| Place | Sessions a month |\n|---|--:|\n| Ashby library | 2 |\n| Carrow community centre | 2 |\n\n## Cost\n\n£48,000 for twelve months, shared equally by the primary care trust and the two district councils.",
        exempt: None,
        key: false,
    },
    DemoPaper {
        author: "eastwick_author",
        org: "EBC",
        sponsor: "eastwick",
        title: "Housing first: one referral route for people sleeping rough",
        item_type: "decision",
        purpose: "To agree one referral route into housing-first tenancies across the county.",
        summary: "Each district refers people to housing-first tenancies in its own way, so some wait twice as long as others. The paper proposes one route, run by the borough council for every partner.",
        recommendations: &["Agree the housing-first referral route set out in section 2."],
        consulted: &["NPA", "PCT", "CDC"],
        priority: Some(0),
        body: "## The people waiting\n\nAppendix 1 lists the people now waiting, with their circumstances.\n\n## The route\n\nOne referral form, one panel meeting every fortnight, one waiting list.",
        exempt: Some((
            1,
            "The paper describes the circumstances of named people waiting for housing.",
        )),
        key: false,
    },
];

/// `t`, or the same time on the working day before it when `t` falls on a
/// weekend or a bank holiday: the demo's people work office days.
fn on_a_working_day(t: NaiveDateTime, cal: &crate::domain::calendar::Calendar) -> NaiveDateTime {
    let mut t = t;
    while !cal.is_working_day(t.date()) {
        t -= chrono::Duration::days(1);
    }
    t
}

/// Two Board meetings: the next (papers now due, papers in every state) and
/// the one after (open for papers).
fn board_meetings(
    conn: &mut DbConn,
    now: NaiveDateTime,
    base_url: &str,
    psb: &Body,
    people: &std::collections::HashMap<&str, crate::db::users::User>,
    orgs: &std::collections::HashMap<&str, String>,
) -> AppResult<()> {
    use crate::services::Ctx;
    use crate::services::meetings::{self, MeetingInput};
    use crate::services::papers::{self as papers, ImplicationsInput, PaperInput};
    use chrono::{Datelike, Duration, NaiveTime, Weekday};

    let cals = crate::domain::calendar::Calendars::builtin();
    let cal = meetings::calendar_for(&cals, psb);
    let rules = crate::domain::timeline::Rules::from_policy(&psb.policy());
    let two_pm = NaiveTime::from_hms_opt(14, 0, 0).unwrap_or_default();
    // The next Tuesday whose paper deadline has passed but whose agenda is not yet due.
    let mut day = now.date() + Duration::days(1);
    let next = loop {
        if day.weekday() == Weekday::Tue && cal.is_working_day(day) {
            let t = crate::domain::timeline::compute(day, &rules, &cal);
            if t.paper_deadline.naive_utc() < now && t.publication_deadline.naive_utc() > now {
                break day;
            }
            if t.paper_deadline.naive_utc() < now && day > now.date() + Duration::days(60) {
                break day;
            }
        }
        day += Duration::days(1);
        if day > now.date() + Duration::days(120) {
            break day;
        }
    };
    let after = {
        let mut d = next + Duration::days(42);
        while d.weekday() != Weekday::Tue || !cal.is_working_day(d) {
            d += Duration::days(1);
        }
        d
    };
    let missing = || AppError::internal("demo data refers to a missing record");
    let clerk = people.get("clerk").ok_or_else(missing)?;
    let clerk_actor = Actor {
        user_id: Some(clerk.id.clone()),
        label: clerk.name.clone(),
        client_addr: None,
    };
    let mut ids = Vec::new();
    for day in [next, after] {
        let at = |t: NaiveTime| crate::domain::timeline::london_instant(day, t).to_rfc3339();
        let input = MeetingInput {
            starts_at: Some(at(two_pm)),
            ends_at: Some(at(NaiveTime::from_hms_opt(16, 30, 0).unwrap_or_default())),
            location: Some("County Hall, Northtown: Council Chamber".into()),
            remote_access: None,
        };
        ids.push(meetings::create_meeting(
            conn,
            &clerk_actor,
            psb,
            &input,
            &Ctx {
                base_url,
                calendars: &cals,
                now,
            },
        )?);
    }
    let meeting = &ids[0];
    let deadline = meetings::timeline_for(meeting, psb, &cals)
        .paper_deadline
        .naive_utc();
    let on_time = on_a_working_day(deadline - Duration::days(2), &cal);
    let priorities = crate::db::priorities::active_of(conn, &psb.id)?;
    let actor_for = |key: &str| -> AppResult<(Actor, crate::domain::roles::Grants, String)> {
        let u = people.get(key).ok_or_else(missing)?;
        let grants = crate::domain::roles::Grants {
            is_admin: false,
            roles: vec![(psb.id.clone(), crate::domain::roles::Role::Member)],
            organisation_id: String::new(),
        };
        Ok((
            Actor {
                user_id: Some(u.id.clone()),
                label: u.name.clone(),
                client_addr: None,
            },
            grants,
            u.id.clone(),
        ))
    };
    let clerk_grants = crate::domain::roles::Grants {
        is_admin: false,
        roles: vec![(psb.id.clone(), crate::domain::roles::Role::Secretariat)],
        organisation_id: String::new(),
    };
    let input_for = |dp: &DemoPaper| -> AppResult<PaperInput> {
        let author_id = people.get(dp.author).ok_or_else(missing)?.id.clone();
        let sponsor = people.get(dp.sponsor).ok_or_else(missing)?;
        Ok(PaperInput {
            key_decision: Some(dp.key),
            title: Some(dp.title.into()),
            item_type: Some(Some(dp.item_type.into())),
            presenting_organisation_id: Some(orgs.get(dp.org).cloned()),
            presenter_user_id: Some(Some(author_id.clone())),
            sponsor_user_id: Some(Some(sponsor.id.clone())),
            purpose: Some(dp.purpose.into()),
            summary: Some(dp.summary.into()),
            recommendations: Some(dp.recommendations.iter().map(|r| r.to_string()).collect()),
            implications: Some(ImplicationsInput {
                financial: Some(if dp.purpose.is_empty() {
                    String::new()
                } else {
                    "Set out in the paper.".into()
                }),
                legal: Some(if dp.purpose.is_empty() {
                    String::new()
                } else {
                    "none".into()
                }),
                risk: Some(if dp.purpose.is_empty() {
                    String::new()
                } else {
                    "Low; see the paper.".into()
                }),
                equality: Some(if dp.purpose.is_empty() {
                    String::new()
                } else {
                    "No adverse impact found.".into()
                }),
                equality_assessment: Some(if dp.purpose.is_empty() {
                    String::new()
                } else {
                    "done".into()
                }),
                environment: Some(if dp.purpose.is_empty() {
                    String::new()
                } else {
                    "none".into()
                }),
                welsh_language: None,
            }),
            consulted_organisation_ids: Some(
                dp.consulted
                    .iter()
                    .filter_map(|o| orgs.get(o).cloned())
                    .collect(),
            ),
            priority_id: Some(
                dp.priority
                    .and_then(|n| priorities.get(n))
                    .map(|p| p.id.clone()),
            ),
            no_priority_reason: None,
            body_markdown: Some(dp.body.into()),
            exempt_category: Some(dp.exempt.map(|e| e.0)),
            exempt_reason: Some(dp.exempt.map(|e| e.1.to_string()).unwrap_or_default()),
            exempt_public_interest: None,
            minutes_allocated: Some(Some(15)),
            save_version: None,
            translations: None,
        })
    };
    let past = past_meeting(
        conn,
        base_url,
        psb,
        next,
        &clerk_actor,
        &clerk_grants,
        &|k| actor_for(k),
        &|k| people.get(k).cloned().ok_or_else(missing),
        &input_for,
    )?;
    // The meeting before it, recorded and its minutes circulated, so the
    // agenda published next carries its actions and draft minutes.
    let story = Story {
        base_url,
        psb,
        later: &past,
        clerk: &clerk_actor,
        clerk_grants: &clerk_grants,
        now,
    };
    let person = |k: &str| people.get(k).cloned().ok_or_else(missing);
    follow_through_story(conn, &story, &person, Part::Earlier)?;
    publish_past_meeting(conn, base_url, psb, &past, &clerk_actor)?;
    follow_through_story(conn, &story, &person, Part::Later)?;
    for (i, dp) in PAPERS.iter().enumerate() {
        let (actor, grants, author_id) = actor_for(dp.author)?;
        let sponsor = people.get(dp.sponsor).ok_or_else(missing)?;
        let input = input_for(dp)?;
        let created_at = on_a_working_day(on_time - Duration::days(10), &cal);
        let paper = papers::create_paper(
            conn, &actor, &grants, &author_id, meeting, &input, created_at,
        )?;
        let ctx = |t: NaiveDateTime| Ctx {
            base_url,
            calendars: &cals,
            now: t,
        };
        let sponsor_actor = Actor {
            user_id: Some(sponsor.id.clone()),
            label: sponsor.name.clone(),
            client_addr: None,
        };
        match i {
            // Accepted (and the exempt one too): signed off, submitted on time, accepted.
            0 | 5 => {
                let p =
                    papers::submit_paper(conn, &actor, &author_id, &paper, None, &ctx(on_time))?;
                let p = papers::sign_off(conn, &sponsor_actor, &sponsor.id, &p, on_time)?;
                papers::accept(
                    conn,
                    &clerk_actor,
                    &clerk_grants,
                    &p,
                    on_time + Duration::hours(3),
                )?;
            }
            // Submitted on time, waiting for sign-off and the secretariat.
            1 => {
                papers::submit_paper(conn, &actor, &author_id, &paper, None, &ctx(on_time))?;
            }
            // Returned with reasons.
            2 => {
                let p =
                    papers::submit_paper(conn, &actor, &author_id, &paper, None, &ctx(on_time))?;
                papers::return_paper(
                    conn,
                    &clerk_actor,
                    &clerk_grants,
                    &p,
                    "Please add the costs, who provides the service, and the evidence that it reduces admissions. The summary should say what the board is asked to decide.",
                    &ctx(on_time + Duration::hours(5)),
                )?;
            }
            // Still a draft: the cover sheet is half done.
            3 => {}
            // Late, awaiting the chair.
            4 => {
                let late_at = deadline + Duration::hours(3);
                let p = papers::sign_off(conn, &sponsor_actor, &sponsor.id, &paper, late_at)?;
                papers::submit_paper(
                    conn,
                    &actor,
                    &author_id,
                    &p,
                    Some(
                        "The December rough-sleeping count was published after the paper deadline, and the extra beds must be booked before January.",
                    ),
                    &ctx(late_at),
                )?;
            }
            _ => {}
        }
    }
    let policy = people.get("policy").ok_or_else(missing)?;
    referral(conn, base_url, now, policy)?;
    Ok(())
}

/// The Safer Communities Group met nine days ago and referred an item up
/// to the Board, where it waits for the secretariat's decision.
fn referral(
    conn: &mut DbConn,
    base_url: &str,
    now: NaiveDateTime,
    secretary: &crate::db::users::User,
) -> AppResult<()> {
    use crate::services::Ctx;
    use crate::services::agenda::{self, ItemInput};
    use crate::services::meetings::{self, MeetingInput};
    use crate::services::referrals::{self, ReferInput};
    use chrono::{Duration, NaiveTime};

    let missing = || AppError::internal("demo data refers to a missing record");
    let group = crate::db::bodies::find_by_slug(conn, "safer-communities")?.ok_or_else(missing)?;
    let board = crate::db::bodies::find_by_slug(conn, "northshire-psb")?.ok_or_else(missing)?;
    let actor = Actor {
        user_id: Some(secretary.id.clone()),
        label: secretary.name.clone(),
        client_addr: None,
    };
    let grants = crate::domain::roles::Grants {
        is_admin: false,
        roles: vec![(group.id.clone(), crate::domain::roles::Role::Secretariat)],
        organisation_id: String::new(),
    };
    let cals = crate::domain::calendar::Calendars::builtin();
    let day = on_a_working_day(
        now - Duration::days(9),
        &meetings::calendar_for(&cals, &group),
    )
    .date();
    let at = |h: u32| {
        crate::domain::timeline::london_instant(
            day,
            NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default(),
        )
    };
    let input = MeetingInput {
        starts_at: Some(at(10).to_rfc3339()),
        ends_at: Some(at(12).to_rfc3339()),
        location: Some("Northshire Police HQ, Room 4".into()),
        remote_access: None,
    };
    let earlier = at(10).naive_utc() - Duration::days(30);
    let m = meetings::create_meeting(
        conn,
        &actor,
        &group,
        &input,
        &Ctx {
            base_url,
            calendars: &cals,
            now: earlier,
        },
    )?;
    let item = agenda::add_item(
        conn,
        &actor,
        &m,
        &ItemInput {
            title: Some("Knife crime in Northtown: funding for youth outreach".into()),
            item_type: Some("decision".into()),
            presenter_user_id: None,
            organisation_id: None,
            minutes_allocated: Some(20),
            verbal_reason: Some("Police data for the quarter, presented on the day.".into()),
            exempt_category: None,
            exempt_public_interest: None,
            translations: None,
        },
        None,
        earlier,
    )?;
    referrals::refer(
        conn,
        &actor,
        &grants,
        &m,
        &group,
        &item.id,
        &ReferInput {
            body_slug: Some(board.slug.clone()),
            note: Some(
                "Decide whether partners will jointly fund two youth outreach workers for a year."
                    .into(),
            ),
        },
        &Ctx {
            base_url,
            calendars: &cals,
            now: at(13).naive_utc(),
        },
    )?;
    Ok(())
}

type ActorFor<'a> = dyn Fn(&str) -> AppResult<(Actor, crate::domain::roles::Grants, String)> + 'a;
type PersonFor<'a> = dyn Fn(&str) -> AppResult<crate::db::users::User> + 'a;
type InputFor<'a> = dyn Fn(&DemoPaper) -> AppResult<crate::services::papers::PaperInput> + 'a;

/// A Board meeting eight weeks before `next`: two papers, an agenda
/// published on time, then a supplement adding a verbal item.
#[allow(clippy::too_many_arguments)]
fn past_meeting(
    conn: &mut DbConn,
    base_url: &str,
    psb: &Body,
    next: chrono::NaiveDate,
    clerk: &Actor,
    clerk_grants: &crate::domain::roles::Grants,
    actor_for: &ActorFor<'_>,
    person: &PersonFor<'_>,
    input_for: &InputFor<'_>,
) -> AppResult<crate::db::meetings::Meeting> {
    use crate::services::Ctx;
    use crate::services::meetings::{self, MeetingInput};
    use crate::services::papers;
    use chrono::{Duration, NaiveTime};

    let cals = crate::domain::calendar::Calendars::builtin();
    let day = next - Duration::days(56);
    let at = |t: NaiveTime| crate::domain::timeline::london_instant(day, t);
    let starts = at(NaiveTime::from_hms_opt(14, 0, 0).unwrap_or_default());
    let input = MeetingInput {
        starts_at: Some(starts.to_rfc3339()),
        ends_at: Some(at(NaiveTime::from_hms_opt(16, 30, 0).unwrap_or_default()).to_rfc3339()),
        location: Some("County Hall, Northtown: Council Chamber".into()),
        remote_access: None,
    };
    let early = starts.naive_utc() - Duration::days(40);
    let m = meetings::create_meeting(
        conn,
        clerk,
        psb,
        &input,
        &Ctx {
            base_url,
            calendars: &cals,
            now: early,
        },
    )?;
    let t = meetings::timeline_for(&m, psb, &cals);
    let cal = meetings::calendar_for(&cals, psb);
    let submitted = on_a_working_day(t.paper_deadline.naive_utc() - Duration::days(3), &cal);
    for dp in PAST_PAPERS {
        let (actor, grants, author_id) = actor_for(dp.author)?;
        let sponsor = person(dp.sponsor)?;
        let sponsor_actor = Actor {
            user_id: Some(sponsor.id.clone()),
            label: sponsor.name.clone(),
            client_addr: None,
        };
        let ctx = Ctx {
            base_url,
            calendars: &cals,
            now: submitted,
        };
        let p = papers::create_paper(
            conn,
            &actor,
            &grants,
            &author_id,
            &m,
            &input_for(dp)?,
            early,
        )?;
        let p = papers::submit_paper(conn, &actor, &author_id, &p, None, &ctx)?;
        let p = papers::sign_off(conn, &sponsor_actor, &sponsor.id, &p, submitted)?;
        papers::accept(
            conn,
            clerk,
            clerk_grants,
            &p,
            submitted + Duration::hours(2),
        )?;
    }
    Ok(m)
}

/// Publishes the Board's last meeting's agenda a day before it was due,
/// then a supplement with a verbal item two days later.
fn publish_past_meeting(
    conn: &mut DbConn,
    base_url: &str,
    psb: &Body,
    m: &crate::db::meetings::Meeting,
    clerk: &Actor,
) -> AppResult<()> {
    use crate::services::Ctx;
    use crate::services::agenda::{self, ItemInput, PublishInput};
    use crate::services::meetings;
    use chrono::Duration;

    let cals = crate::domain::calendar::Calendars::builtin();
    let cal = meetings::calendar_for(&cals, psb);
    let t = meetings::timeline_for(m, psb, &cals);
    let publish_at = on_a_working_day(t.publication_deadline.naive_utc() - Duration::days(1), &cal);
    let ctx = Ctx {
        base_url,
        calendars: &cals,
        now: publish_at,
    };
    agenda::publish(conn, clerk, m, psb, &PublishInput::default(), None, &ctx)?;
    let mut later = publish_at + Duration::days(1);
    while !cal.is_working_day(later.date()) {
        later += Duration::days(1);
    }
    agenda::add_item(
        conn,
        clerk,
        m,
        &ItemInput {
            title: Some("Winter pressures: verbal update".into()),
            item_type: Some("discussion".into()),
            presenter_user_id: None,
            organisation_id: None,
            minutes_allocated: Some(10),
            verbal_reason: Some(
                "Hospital admissions rose sharply last week; the NHS will update the board on the day.".into(),
            ),
            exempt_category: None,
            exempt_public_interest: None,
            translations: None,
        },
        None,
        later,
    )?;
    agenda::publish(
        conn,
        clerk,
        m,
        psb,
        &PublishInput {
            late_reason: None,
            supplement_reason: Some(
                "A verbal update on winter pressures, added at the chair's request.".into(),
            ),
        },
        None,
        &Ctx {
            base_url,
            calendars: &cals,
            now: later,
        },
    )?;
    Ok(())
}

/// The two past Board meetings the follow-through story is about.
struct Story<'a> {
    base_url: &'a str,
    psb: &'a Body,
    /// The Board's last meeting; the story's earlier meeting is made before it.
    later: &'a crate::db::meetings::Meeting,
    clerk: &'a Actor,
    clerk_grants: &'a crate::domain::roles::Grants,
    now: NaiveDateTime,
}

/// Which half of the story: the earlier meeting (recorded, actions taken,
/// minutes circulated) before the later meeting's agenda is published, or
/// the later meeting after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Earlier,
    Later,
}

/// Two past Board meetings recorded in full (attendance, a declaration,
/// decisions, actions in every state), so follow-through tells a story;
/// the earlier meeting's minutes approved at the later one.
fn follow_through_story(
    conn: &mut DbConn,
    story: &Story<'_>,
    person: &PersonFor<'_>,
    part: Part,
) -> AppResult<()> {
    let Story {
        base_url,
        psb,
        later,
        clerk,
        clerk_grants,
        now,
    } = *story;
    use crate::services::Ctx;
    use crate::services::actions::{self, ActionInput, ActionPatch};
    use crate::services::agenda::{self, ItemInput};
    use crate::services::meetings::{self, MeetingInput};
    use crate::services::record::{self, AttendanceInput};
    use chrono::Duration;

    let cals = crate::domain::calendar::Calendars::builtin();
    let ctx_at = |t: NaiveDateTime| Ctx {
        base_url,
        calendars: &cals,
        now: t,
    };
    // The earlier meeting: eight weeks before, verbal items only.
    let cal = crate::services::meetings::calendar_for(&cals, psb);
    let start = on_a_working_day(later.starts_at - Duration::days(56), &cal);
    let (earlier, earlier_items) = if part == Part::Earlier {
        let earlier = meetings::create_meeting(
            conn,
            clerk,
            psb,
            &MeetingInput {
                starts_at: Some(start.and_utc().to_rfc3339()),
                ends_at: Some((start + Duration::minutes(150)).and_utc().to_rfc3339()),
                location: Some("County Hall, Northtown: Council Chamber".into()),
                remote_access: None,
            },
            &ctx_at(start - Duration::days(60)),
        )?;
        let mut earlier_items = Vec::new();
        for (title, kind) in [
            ("Joint winter plan 2026", "decision"),
            ("Shared office space in Carrow", "decision"),
        ] {
            earlier_items.push(agenda::add_item(
                conn,
                clerk,
                &earlier,
                &ItemInput {
                    title: Some(title.into()),
                    item_type: Some(kind.into()),
                    presenter_user_id: None,
                    organisation_id: None,
                    minutes_allocated: Some(20),
                    verbal_reason: Some("Recorded from the meeting.".into()),
                    exempt_category: None,
                    exempt_public_interest: None,
                    translations: None,
                },
                None,
                now,
            )?);
        }
        (earlier, earlier_items)
    } else {
        // Made in the first part: the Board's meeting before `later`.
        let earlier = crate::db::meetings::of_body(conn, &psb.id)?
            .into_iter()
            .filter(|m| m.starts_at < later.starts_at && !m.is_cancelled())
            .max_by_key(|m| m.starts_at)
            .ok_or_else(|| AppError::internal("the demo's earlier meeting is missing"))?;
        let items: Vec<crate::db::agenda::AgendaItem> =
            crate::db::agenda::items_of(conn, &earlier.id)?
                .into_iter()
                .filter(|i| i.kind == "substantive")
                .collect();
        (earlier, items)
    };
    // This part's meeting: only its records are made now.
    let this = if part == Part::Earlier {
        &earlier
    } else {
        later
    };
    let later_items: Vec<String> = crate::db::agenda::items_of(conn, &later.id)?
        .into_iter()
        .filter(|i| i.kind == "substantive")
        .map(|i| i.id)
        .collect();
    // Who owns what: (meeting, item index, owner, description, due after meeting (days), outcome)
    enum Outcome {
        OnTime(i64),
        Late(i64),
        InProgress(&'static str),
        Open,
        Dropped(&'static str),
    }
    let plan: Vec<(
        &crate::db::meetings::Meeting,
        String,
        &str,
        &str,
        i64,
        Outcome,
    )> = vec![
        (
            &earlier,
            earlier_items[0].id.clone(),
            "police",
            "Agree a single winter contact rota across partners",
            21,
            Outcome::OnTime(18),
        ),
        (
            &earlier,
            earlier_items[0].id.clone(),
            "pct",
            "Share weekly hospital discharge figures with partners",
            14,
            Outcome::OnTime(10),
        ),
        (
            &earlier,
            earlier_items[1].id.clone(),
            "ashby",
            "Survey district office space available to partners",
            28,
            Outcome::Late(44),
        ),
        (
            &earlier,
            earlier_items[1].id.clone(),
            "carrow",
            "Cost the shared reception in Carrow",
            21,
            Outcome::Late(35),
        ),
        (
            &earlier,
            earlier_items[1].id.clone(),
            "nic",
            "Draft a memorandum for shared buildings",
            35,
            Outcome::Dropped("Superseded by the county estates review"),
        ),
        (
            later,
            later_items.first().cloned().unwrap_or_default(),
            "ashby",
            "Recruit volunteers for the memory cafés",
            14,
            Outcome::Open,
        ),
        (
            later,
            later_items.first().cloned().unwrap_or_default(),
            "pct",
            "Report take-up of the memory cafés by district",
            70,
            Outcome::InProgress("First month's figures gathered"),
        ),
        (
            later,
            later_items.get(1).cloned().unwrap_or_default(),
            "carrow",
            "Publish the housing-first evaluation summary",
            21,
            Outcome::Open,
        ),
        (
            later,
            later_items.get(1).cloned().unwrap_or_default(),
            "police",
            "Brief neighbourhood teams on the new referral route",
            10,
            Outcome::OnTime(7),
        ),
    ];
    // Attendance, declarations and decisions, once per meeting.
    {
        let m = this;
        let at = m.starts_at + Duration::minutes(5);
        for (who, status, sub) in [
            ("chair", "present", None),
            ("police", "present", None),
            ("ashby", "apologies", None),
            ("ashby_sub", "present", Some("ashby")),
            ("brookfield", "present", None),
            ("carrow", "present", None),
            ("pct", "present", None),
            ("nic", "absent", None),
        ] {
            let u = person(who)?;
            let sub_id = match sub {
                Some(k) => Some(person(k)?.id),
                None => None,
            };
            record::set_attendance(
                conn,
                clerk,
                m,
                psb,
                &u.id,
                &AttendanceInput {
                    status: Some(status.into()),
                    substitute_for: sub_id,
                    mode: None,
                },
                at,
            )?;
        }
    }
    let carrow = person("carrow")?;
    if let Some(first) = later_items.first().filter(|_| part == Part::Later) {
        record::declare(
            conn,
            clerk,
            later,
            psb,
            first,
            &carrow.id,
            Some("Her partner volunteers for a memory café charity"),
            false,
            None,
            later.starts_at + Duration::minutes(10),
        )?;
    }
    let mut decisions = std::collections::HashMap::new();
    for (m, item, text) in [
        (
            &earlier,
            earlier_items[0].id.clone(),
            "Agreed the joint winter plan, with one contact rota across partners.",
        ),
        (
            &earlier,
            earlier_items[1].id.clone(),
            "Agreed to explore shared office space in Carrow and Ashby.",
        ),
        (
            later,
            later_items.first().cloned().unwrap_or_default(),
            "Approved the memory cafés pilot for twelve months.",
        ),
        (
            later,
            later_items.get(1).cloned().unwrap_or_default(),
            "Agreed the housing-first referral route.",
        ),
    ] {
        if item.is_empty() || m.id != this.id {
            continue;
        }
        let d = record::decide(
            conn,
            clerk,
            m,
            psb,
            Some(&item),
            Some(text),
            None,
            None,
            m.starts_at + Duration::minutes(40),
        )?;
        decisions.insert(item, d.id);
    }
    for (m, item, owner, description, due_in, outcome) in plan {
        if item.is_empty() || m.id != this.id {
            continue;
        }
        let owner = person(owner)?;
        let made = m.starts_at + Duration::hours(2);
        let a = actions::create(
            conn,
            clerk,
            clerk_grants,
            &ActionInput {
                decision_id: decisions.get(&item).cloned(),
                item_id: Some(item.clone()),
                description: Some(description.into()),
                owner_user_id: Some(owner.id.clone()),
                due_on: Some((m.starts_at.date() + Duration::days(due_in)).to_string()),
                idempotency_key: None,
                translations: None,
            },
            &ctx_at(made),
        )?;
        let owner_actor = Actor {
            user_id: Some(owner.id.clone()),
            label: owner.name.clone(),
            client_addr: None,
        };
        let owner_grants = crate::domain::roles::Grants::default();
        let patch = |status: &str, note: &str, reason: Option<&str>| ActionPatch {
            status: Some(status.into()),
            note: Some(note.into()),
            due_on: None,
            reason: reason.map(str::to_string),
        };
        let (when, p) = match outcome {
            Outcome::OnTime(d) => (
                m.starts_at + Duration::days(d),
                patch("done", "Done.", None),
            ),
            Outcome::Late(d) => (
                m.starts_at + Duration::days(d),
                patch("done", "Done, later than planned.", None),
            ),
            Outcome::InProgress(note) => (
                m.starts_at + Duration::days(7),
                patch("in_progress", note, None),
            ),
            Outcome::Dropped(why) => (
                m.starts_at + Duration::days(20),
                patch("dropped", "", Some(why)),
            ),
            Outcome::Open => continue,
        };
        let when = on_a_working_day(when, &cal);
        if when < now {
            actions::update(
                conn,
                &owner_actor,
                &owner_grants,
                &owner.id,
                &a,
                &p,
                None,
                &ctx_at(when),
            )?;
        }
    }
    // The earlier meeting's minutes, approved at the later one.
    // Drafted and circulated a few days after the earlier meeting.
    // The decision note of each meeting, published the next working day.
    let noted = on_a_working_day(this.starts_at + Duration::days(1), &cal);
    if noted < now {
        crate::services::decision_note::publish(conn, clerk, clerk_grants, &this.id, noted)?;
    }
    if part == Part::Later {
        let approve_at = later.starts_at + Duration::minutes(15);
        crate::services::minutes::approve(conn, clerk, &earlier, psb, &ctx_at(approve_at))?;
        return Ok(());
    }
    crate::services::minutes::get_or_draft(
        conn,
        &earlier,
        psb,
        &ctx_at(on_a_working_day(
            earlier.starts_at + Duration::days(3),
            &cal,
        )),
    )?;
    crate::services::minutes::circulate(
        conn,
        clerk,
        &earlier,
        psb,
        &ctx_at(on_a_working_day(
            earlier.starts_at + Duration::days(3) + Duration::hours(2),
            &cal,
        )),
    )?;
    Ok(())
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
    let mut out: Vec<DemoLogin> = show
        .iter()
        .filter_map(|(role, key)| {
            PEOPLE.iter().find(|p| p.0 == *key).map(|p| DemoLogin {
                role,
                name: p.1.to_string(),
                email: p.2.to_string(),
            })
        })
        .collect();
    out.push(DemoLogin {
        role: "Secretariat of the Welsh PSB",
        name: "Siân Morgan".into(),
        email: "sian.morgan@dyffryntawel.example".into(),
    });
    out
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
        "Quorate demo: Northshire Public Service Board, 12 partners, a forum, 6 theme groups, 5 local partnerships;\n\
         and Dyffryn Tawel Public Services Board, under the Welsh rules for PSBs.\n\
         Open {base_url} and sign in as any of these (password: {DEMO_PASSWORD}):\n"
    );
    for l in logins {
        out.push_str(&format!("  {:<38} {:<24} {}\n", l.role, l.name, l.email));
    }
    out.push_str("Stop with Ctrl+C.");
    out
}
