//! Criterion benchmarks for the pure rules and rendering on hot paths.
//! Run: cargo bench --bench domain

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use quorate::domain::policy::{Policy, PolicyInput};
use quorate::domain::validate::Problems;
use quorate::services::accounts::hash_token;

fn validation(c: &mut Criterion) {
    c.bench_function("validate a new user (email, name, slug)", |b| {
        b.iter(|| {
            let mut p = Problems::new();
            let e = p.email("email", Some(black_box(" Priya.Shah@Ashby.example ")));
            let n = p.line("name", "a name", Some(black_box("Cllr Priya Shah")), 200);
            let s = p.slug("slug", Some(black_box("northshire-psb")));
            black_box((e, n, s, p.is_empty()))
        })
    });
    c.bench_function("apply a body policy", |b| {
        let input = PolicyInput {
            publication_clear_days: Some(7),
            paper_cutoff_time: Some("17:00".into()),
            ..Default::default()
        };
        b.iter(|| {
            let mut p = Problems::new();
            black_box(input.apply(&Policy::default(), &mut p))
        })
    });
}

fn tokens(c: &mut Criterion) {
    c.bench_function("hash an API token (every authenticated API request)", |b| {
        b.iter(|| {
            black_box(hash_token(black_box(
                "qrt_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG",
            )))
        })
    });
}

fn mail(c: &mut Criterion) {
    c.bench_function("render the invitation email (3 parts)", |b| {
        b.iter(|| {
            quorate::mail::messages::Invitation {
                to: "ann@example.org",
                name: black_box("Ann Example"),
                inviter: "Sam Clarke",
                organisation: "Northshire County Council",
                link: "https://boards.example.gov.uk/invitations/abc",
                expires: "Thursday 3 December 2026 at 09:00",
            }
            .render()
        })
    });
}

fn timeline(c: &mut Criterion) {
    use chrono::{Duration, NaiveDate};
    use quorate::domain::calendar::Calendars;
    use quorate::domain::timeline::{Rules, compute};
    let cals = Calendars::builtin();
    let ew = cals.get("england-and-wales").cloned().unwrap_or_default();
    let rules = Rules::from_policy(&Policy::default());
    let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    let mut i = 0i64;
    c.bench_function(
        "compute a meeting timeline (P, D, proposal deadline)",
        |b| {
            b.iter(|| {
                i = (i + 1) % 1000;
                black_box(compute(start + Duration::days(i), &rules, &ew))
            })
        },
    );
}

/// A realistic 2,500-word paper: headings, paragraphs, a table, footnotes.
fn long_paper() -> String {
    let para = "The partnership agreed in March to review how young people in Ashby reach \
                youth services after school, and this paper sets out what the review found, \
                what it will cost to act on it, and what the board is asked to decide today. ";
    let mut s = String::new();
    for section in 1..=10 {
        s.push_str(&format!("## Section {section}\n\n"));
        for _ in 0..5 {
            s.push_str(para);
            s.push_str("\n\n");
        }
        s.push_str("| Area | 2026 | 2027 |\n|---|--:|--:|\n| North | 10,000 | 12,000 |\n| South | 9,500 | 11,000 |\n\n");
        s.push_str(&format!(
            "See the appendix.[^{section}]\n\n[^{section}]: Figures from the county dataset.\n\n"
        ));
    }
    s
}

fn papers(c: &mut Criterion) {
    use quorate::domain::briefing::{CoverSheet, check, word_count};
    use quorate::render::markdown;
    let body = long_paper();
    let words = word_count(&markdown::plain_text(&body));
    assert!(
        (2300..=2700).contains(&words),
        "benchmark paper has {words} words"
    );
    c.bench_function("render and sanitise a 2,500-word paper", |b| {
        b.iter(|| black_box(markdown::render(black_box(&body))))
    });
    let recs = vec!["Approve the funding for two youth clubs.".to_string()];
    let consulted = vec!["org-b".to_string()];
    let text = markdown::plain_text(&body);
    let sheet = CoverSheet {
        title: "Youth clubs",
        item_type: Some("decision"),
        presenting_organisation_id: Some("org-a"),
        presenter_ok: Some(true),
        sponsor_ok: Some(true),
        sponsor_is_author: false,
        purpose: "To agree funding for two youth clubs in Ashby.",
        summary: "Two clubs would open on Friday nights from April, costing £20,000.",
        recommendations: &recs,
        financial: "£20,000 from the partnership fund.",
        legal: "none",
        risk: "Low.",
        equality: "Assessment attached.",
        equality_assessment: Some("done"),
        environment: "none",
        welsh_language: "",
        consulted_organisation_ids: &consulted,
        priority_ok: Some(true),
        no_priority_reason: "",
        body_markdown: &text,
        exempt_category: None,
        exempt_reason: "",
        exempt_public_interest: "",
    };
    c.bench_function("check a full cover sheet (2,500-word body)", |b| {
        b.iter(|| black_box(check(black_box(&sheet), &Policy::default())))
    });
}

fn calendars(c: &mut Criterion) {
    use quorate::render::ics::{CalEvent, calendar};
    let start = chrono::NaiveDate::from_ymd_opt(2020, 1, 7)
        .and_then(|d| d.and_hms_opt(14, 0, 0))
        .unwrap_or_default();
    let events: Vec<CalEvent> = (0..500)
        .map(|i| CalEvent {
            uid: format!("meeting-{i:08}@quorate"),
            sequence: i % 4,
            stamp: start,
            starts: start + chrono::Duration::weeks(i64::from(i)),
            ends: start + chrono::Duration::weeks(i64::from(i)) + chrono::Duration::hours(2),
            summary: "Northshire Public Service Board".into(),
            description: format!(
                "Agenda (version 1) and papers: http://127.0.0.1:8080/meetings/{i}"
            ),
            location: "County Hall, Northtown: Council Chamber".into(),
            url: Some(format!("http://127.0.0.1:8080/meetings/{i}")),
            cancelled: i % 10 == 0,
        })
        .collect();
    c.bench_function("iCalendar feed of 500 meetings", |b| {
        b.iter(|| {
            black_box(calendar(
                "Northshire Public Service Board",
                black_box(&events),
            ))
        })
    });
}

criterion_group!(
    benches, validation, tokens, mail, timeline, papers, calendars
);
criterion_main!(benches);
