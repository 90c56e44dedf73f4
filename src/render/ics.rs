//! iCalendar (RFC 5545) output: meetings, deadlines and invitations.
//!
//! Written here rather than with a crate because the output must be
//! byte-for-byte stable for a given state (DTSTAMP from the data, not the
//! clock), so feeds can be cached and compared, and it is small: escaping,
//! folding at 75 octets, and CRLF line ends.

use chrono::NaiveDateTime;

/// One VEVENT. Times are UTC.
#[derive(Clone, Debug)]
pub struct CalEvent {
    /// Stable across changes: the same meeting keeps its UID.
    pub uid: String,
    /// Raised on every change, so calendar programs take the update.
    pub sequence: i32,
    /// When this state of the event was last changed.
    pub stamp: NaiveDateTime,
    pub starts: NaiveDateTime,
    pub ends: NaiveDateTime,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub url: Option<String>,
    pub cancelled: bool,
}

/// A whole calendar. `method` is "PUBLISH" for feeds and invitations.
pub fn calendar(name: &str, events: &[CalEvent]) -> String {
    let mut out = String::with_capacity(256 + events.len() * 400);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Quorate//Quorate agendas//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    for e in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", text(&e.uid)));
        line(&mut out, &format!("DTSTAMP:{}", utc(e.stamp)));
        line(&mut out, &format!("DTSTART:{}", utc(e.starts)));
        line(&mut out, &format!("DTEND:{}", utc(e.ends)));
        line(&mut out, &format!("SEQUENCE:{}", e.sequence.max(0)));
        line(&mut out, &format!("SUMMARY:{}", text(&e.summary)));
        if !e.location.is_empty() {
            line(&mut out, &format!("LOCATION:{}", text(&e.location)));
        }
        if !e.description.is_empty() {
            line(&mut out, &format!("DESCRIPTION:{}", text(&e.description)));
        }
        if let Some(url) = &e.url {
            line(&mut out, &format!("URL:{}", url.replace(['\r', '\n'], "")));
        }
        line(
            &mut out,
            if e.cancelled {
                "STATUS:CANCELLED"
            } else {
                "STATUS:CONFIRMED"
            },
        );
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

fn utc(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT escaping (RFC 5545 3.3.11); control characters are dropped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line folded at 75 octets, never inside a character.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(summary: &str) -> CalEvent {
        let t = chrono::NaiveDate::from_ymd_opt(2027, 1, 12)
            .and_then(|d| d.and_hms_opt(14, 0, 0))
            .unwrap_or_default();
        CalEvent {
            uid: "m1@quorate".into(),
            sequence: 2,
            stamp: t,
            starts: t,
            ends: t + chrono::Duration::hours(2),
            summary: summary.into(),
            description: "Line one\nLine two; with, commas \\ slash".into(),
            location: "County Hall".into(),
            url: Some("http://x/meetings/m1".into()),
            cancelled: true,
        }
    }

    #[test]
    fn lines_are_escaped_folded_and_end_in_crlf() {
        let long = "Ü".repeat(100);
        let cal = calendar("Board", &[event(&long)]);
        for l in cal.split("\r\n") {
            assert!(l.len() <= 75, "line too long: {l:?}");
        }
        assert!(cal.contains("DESCRIPTION:Line one\\nLine two\\; with\\, commas \\\\ slash"));
        assert!(cal.contains("DTSTART:20270112T140000Z\r\n"));
        assert!(cal.contains("STATUS:CANCELLED\r\n"));
        assert!(cal.contains("SEQUENCE:2\r\n"));
        let unfolded = cal.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{long}\r\n")));
    }

    #[test]
    fn the_same_state_gives_the_same_bytes() {
        assert_eq!(calendar("B", &[event("x")]), calendar("B", &[event("x")]));
    }
}
