//! The demo reads true whatever day it is loaded on: meetings on working
//! days in working hours, papers and publications on working days, each
//! paper on one agenda, each decision on the item it decides.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::London;

use quorate::db::{agenda, bodies, meetings, papers, record};
use quorate::domain::calendar::Calendars;

fn london(t: NaiveDateTime) -> chrono::DateTime<chrono_tz::Tz> {
    Utc.from_utc_datetime(&t).with_timezone(&London)
}

/// Words of four letters or more, lower case, for comparing texts.
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.to_lowercase().trim_end_matches('s').to_string())
        .collect()
}

/// Everything that went wrong with the demo loaded at `now`.
fn problems_at(now: NaiveDateTime) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("demo.db").display());
    let pool = quorate::db::connect(&url, 1, 5000).expect("database");
    let mut conn = pool.get().expect("connection");
    quorate::db::run_migrations(&mut conn).expect("migrations");
    quorate::demo::load(&mut conn, now, "http://localhost").expect("demo");
    let cals = Calendars::builtin();
    let cal = cals.get("england-and-wales").expect("calendar");
    let mut out = Vec::new();
    let working = |what: &str, t: NaiveDateTime, out: &mut Vec<String>| {
        let l = london(t);
        if !cal.is_working_day(l.date_naive()) {
            out.push(format!("{what} on {}", l.format("%A %-d %B %Y %H:%M")));
        }
    };
    let mut paper_titles: Vec<String> = Vec::new();
    for body in bodies::all(&mut conn).expect("bodies") {
        for m in meetings::of_body(&mut conn, &body.id).expect("meetings") {
            let what = format!("{} meeting", body.name);
            working(&what, m.starts_at, &mut out);
            let (start, end) = (london(m.starts_at), london(m.ends_at));
            let nine = NaiveTime::from_hms_opt(9, 0, 0).expect("time");
            let six = NaiveTime::from_hms_opt(18, 0, 0).expect("time");
            if start.time() < nine || end.time() > six || end.date_naive() != start.date_naive() {
                out.push(format!(
                    "{what} from {} to {}",
                    start.format("%A %-d %B %H:%M"),
                    end.format("%H:%M")
                ));
            }
            for v in agenda::version_list(&mut conn, &m.id).expect("versions") {
                working(
                    &format!("{what}: agenda version {} published", v.0),
                    v.1,
                    &mut out,
                );
            }
            let items = agenda::items_of(&mut conn, &m.id).expect("items");
            for p in papers::of_meeting(&mut conn, &m.id).expect("papers") {
                paper_titles.push(p.title.clone());
                for (n, status, _, at, _) in papers::history(&mut conn, &p.id).expect("versions") {
                    working(
                        &format!("'{}' version {n} ({status})", p.title),
                        at,
                        &mut out,
                    );
                }
            }
            for d in record::decisions_of_meeting(&mut conn, &m.id).expect("decisions") {
                working(&format!("decision {}", d.reference), d.created_at, &mut out);
                let Some(item) = items.iter().find(|i| i.id == d.item_id) else {
                    out.push(format!("decision {} has no item", d.reference));
                    continue;
                };
                let title = items
                    .iter()
                    .find(|i| i.id == d.item_id)
                    .and_then(|i| i.paper_id.as_ref())
                    .and_then(|pid| papers::find(&mut conn, pid).ok().flatten())
                    .map(|p| p.title)
                    .unwrap_or_else(|| item.title.clone());
                let shared = words(&d.text)
                    .into_iter()
                    .any(|w| words(&title).contains(&w));
                if !shared {
                    out.push(format!(
                        "decision '{}' is recorded on the item '{title}'",
                        d.text
                    ));
                }
            }
        }
    }
    paper_titles.sort();
    for pair in paper_titles.windows(2) {
        if pair[0] == pair[1] {
            out.push(format!("the paper '{}' is on two agendas", pair[0]));
        }
    }
    out
}

#[test]
fn the_demo_reads_true_whatever_day_it_is_loaded() {
    // A whole week, and days beside bank holidays and a clock change.
    let mut days: Vec<NaiveDate> = (0..7)
        .map(|n| NaiveDate::from_ymd_opt(2026, 11, 26).expect("date") + chrono::Duration::days(n))
        .collect();
    for (y, m, d) in [(2026, 12, 29), (2027, 4, 6), (2027, 3, 29), (2027, 6, 1)] {
        days.push(NaiveDate::from_ymd_opt(y, m, d).expect("date"));
    }
    let mut all = Vec::new();
    for day in days {
        let now = day.and_hms_opt(9, 0, 0).expect("time");
        for p in problems_at(now) {
            all.push(format!("loaded on {} {}: {p}", day.weekday(), day));
        }
    }
    assert!(all.is_empty(), "{}", all.join("\n"));
}
