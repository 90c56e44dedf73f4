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

criterion_group!(benches, validation, tokens, mail);
criterion_main!(benches);
