//! Addresses that pages, mail, packs and search all link to, in one place.

/// Where a published version's papers are read: append the paper id.
pub fn papers_base(meeting_id: &str, version: i32) -> String {
    format!("/meetings/{meeting_id}/agenda/versions/{version}/papers/")
}

/// A paper as published in a version, readable by anyone who may see it.
pub fn published_paper_path(meeting_id: &str, version: i32, paper_id: &str) -> String {
    format!("{}{paper_id}", papers_base(meeting_id, version))
}
