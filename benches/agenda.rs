//! Agenda outputs at the sizes the issue names, measured in one run:
//! - the `.ics` feed of a body with 500 meetings (database query and text),
//! - the board pack PDF of 20 papers of 2,500 words, 10 in a row, with the
//!   process's resident and peak memory after each.
//!
//! Run: cargo bench --bench agenda

use std::time::Instant;

use chrono::{Duration, NaiveDate};
use quorate::db::{self, bodies, meetings};
use quorate::domain::agenda::ItemKind;
use quorate::domain::frozen::{Frozen, FrozenItem, FrozenPaper};
use quorate::domain::policy::Policy;

fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_string() + " kB")
        .unwrap_or_default()
}

fn feed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}/bench.db", dir.path().display());
    let pool = db::connect(&url, 2, 5000).expect("database");
    let mut conn = pool.get().expect("connection");
    db::run_migrations(&mut conn).expect("migrations");
    let start = NaiveDate::from_ymd_opt(2015, 1, 6)
        .and_then(|d| d.and_hms_opt(14, 0, 0))
        .unwrap_or_default();
    let body = bodies::Body::new(
        "b".into(),
        "Northshire Public Service Board".into(),
        "psb".into(),
        "board",
        None,
        &Policy::default(),
        start,
    );
    bodies::insert(&mut conn, &body).expect("body");
    for i in 0..500 {
        let at = start + Duration::weeks(i);
        meetings::insert(
            &mut conn,
            &meetings::Meeting {
                id: format!("m{i:04}"),
                body_id: "b".into(),
                starts_at: at,
                ends_at: at + Duration::hours(2),
                location: "County Hall, Northtown: Council Chamber".into(),
                remote_access: String::new(),
                translation_urgency_en: None,
                translation_urgency_cy: None,
                translation_urgency_by: None,
                status: if i % 25 == 0 {
                    "cancelled"
                } else {
                    "scheduled"
                }
                .into(),
                cancel_reason: None,
                version: 1,
                created_at: start,
                updated_at: start,
            },
        )
        .expect("meeting");
    }
    let mut times = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        let text =
            quorate::services::feeds::body_calendar(&mut conn, &body, "http://127.0.0.1:8080")
                .expect("feed");
        times.push(t.elapsed());
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 500);
    }
    times.sort();
    println!(
        ".ics feed, 500 meetings (query + text), 50 runs: median {:.2} ms, max {:.2} ms",
        times[25].as_secs_f64() * 1000.0,
        times[49].as_secs_f64() * 1000.0
    );
}

/// About 2,500 words of Markdown with headings, lists and a table.
fn paper_body(n: usize) -> String {
    let para = "The partnership reviewed the evidence from each district and found that demand for the service rose sharply over the winter, while the number of staff able to respond stayed the same. ";
    let mut md = String::new();
    for section in 0..8 {
        md.push_str(&format!("## Section {} of paper {n}\n\n", section + 1));
        for _ in 0..9 {
            md.push_str(para);
            md.push_str("\n\n");
        }
        md.push_str("- First point for the board\n- Second point, with **emphasis**\n\n");
        md.push_str("| District | 2025 | 2026 |\n|---|--:|--:|\n| Ashby | 120 | 160 |\n| Carrow | 80 | 95 |\n\n");
    }
    md
}

fn pack_of_20() -> Frozen {
    let t = NaiveDate::from_ymd_opt(2027, 1, 12)
        .and_then(|d| d.and_hms_opt(14, 0, 0))
        .unwrap_or_default();
    let items = (1..=20)
        .map(|n| FrozenItem {
            id: format!("i{n}"),
            number: i32::try_from(n).unwrap_or(0),
            kind: ItemKind::Substantive,
            title: format!("Paper {n}: winter pressures and the partnership response"),
            item_type: Some("decision".into()),
            presenter: Some("Ann Other".into()),
            organisation: Some("Northshire County Council".into()),
            minutes: 10,
            verbal_reason: None,
            to_note: false,
            exempt_category: None,
            late: false,
            late_reason: None,
            supplement: None,
            action_log: vec![],
            previous_minutes: None,
            exempt_public_interest: None,
            title_cy: None,
            paper: Some(FrozenPaper {
                id: format!("p{n}"),
                version: 1,
                title: format!("Paper {n}: winter pressures and the partnership response"),
                purpose: "To agree a joint response to winter pressures.".into(),
                summary: "Demand rose; partners propose to share staff.".into(),
                recommendations: vec!["Agree the joint response.".into()],
                implications: vec![(
                    "Financial implications".into(),
                    "£40,000 from the partnership fund.".into(),
                )],
                consulted: vec!["Northshire Police".into()],
                priority: Some("Narrowing the gap".into()),
                sponsor: Some("Chief Executive".into()),
                body_markdown: paper_body(n),
                word_count: 2500,
                attachments: vec![],
                cy: None,
            }),
        })
        .collect();
    Frozen {
        meeting_id: "m".into(),
        body_name: "Northshire Public Service Board".into(),
        body_slug: "psb".into(),
        starts_at: t,
        ends_at: t + Duration::hours(3),
        location: "County Hall".into(),
        number: 1,
        published_at: t - Duration::days(8),
        late_reason: None,
        supplement_reason: None,
        items,
        redacted: false,
        rules: None,
        remote_access: None,
        translation_urgency: None,
    }
}

fn packs() {
    let f = pack_of_20();
    let briefs = quorate::domain::briefing::brief(&f);
    let words: usize = f
        .items
        .iter()
        .filter_map(|i| i.paper.as_ref())
        .map(|p| {
            quorate::domain::briefing::word_count(&quorate::render::markdown::plain_text(
                &p.body_markdown,
            ))
        })
        .sum();
    println!("pack of 20 papers, {words} words of body text in all");
    println!(
        "before: VmRSS {} VmHWM {}",
        status("VmRSS"),
        status("VmHWM")
    );
    for run in 1..=10 {
        let t = Instant::now();
        let source = quorate::render::pack_pdf::source(&f, &briefs, "members");
        let pdf = quorate::render::pack_pdf::compile(source).expect("pack");
        println!(
            "pack {run}: {:.2} s, {} KB, VmRSS {} VmHWM {}",
            t.elapsed().as_secs_f64(),
            pdf.len() / 1024,
            status("VmRSS"),
            status("VmHWM")
        );
    }
}

fn main() {
    // `cargo bench` passes --bench; nothing to parse.
    feed();
    packs();
}
