//! Addresses that pages, mail, packs and search all link to, in one place.

/// Where a published version's papers are read: append the paper id.
pub fn papers_base(meeting_id: &str, version: i32) -> String {
    format!("/meetings/{meeting_id}/agenda/versions/{version}/papers/")
}

/// A paper as published in a version, readable by anyone who may see it.
pub fn published_paper_path(meeting_id: &str, version: i32, paper_id: &str) -> String {
    format!("{}{paper_id}", papers_base(meeting_id, version))
}

/// The public "reasons restricted" page of an exempt item in a version.
pub fn restricted_path(meeting_id: &str, version: i32, item_id: &str) -> String {
    format!("/meetings/{meeting_id}/agenda/versions/{version}/restricted/{item_id}")
}

/// A feed's address for subscribing: `webcal://` in place of `https://` or
/// `http://`, which calendar apps open as "subscribe to this calendar".
pub fn webcal(url: &str) -> String {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    format!("webcal://{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_feed_is_subscribed_to_by_webcal() {
        assert_eq!(
            webcal("https://quorate.example/calendar/cal_x.ics"),
            "webcal://quorate.example/calendar/cal_x.ics"
        );
        assert_eq!(
            webcal("http://127.0.0.1:8080/a.ics"),
            "webcal://127.0.0.1:8080/a.ics"
        );
    }
}
