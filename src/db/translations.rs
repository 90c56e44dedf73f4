//! Welsh versions of what people write (`translations`), and who wishes to
//! speak Welsh at a meeting (`welsh_speakers`).

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::{translations, welsh_speakers};
use crate::domain::translation::{Status, Stored, Subject};

#[derive(Clone, Debug, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = translations)]
pub struct Translation {
    pub id: String,
    pub subject_kind: String,
    pub subject_id: String,
    pub field: String,
    pub lang: String,
    pub text: String,
    /// translated or approved
    pub status: String,
    pub updated_by: String,
    pub updated_at: NaiveDateTime,
    /// The digest of the English the text was written from.
    pub source_digest: Option<String>,
}

/// Each record's stored texts in `lang`, by record id, then field.
pub fn of(
    conn: &mut DbConn,
    subject: Subject,
    ids: &[String],
    lang: &str,
) -> QueryResult<HashMap<String, HashMap<String, Stored>>> {
    let mut out: HashMap<String, HashMap<String, Stored>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows: Vec<Translation> = translations::table
        .filter(translations::subject_kind.eq(subject.as_str()))
        .filter(translations::subject_id.eq_any(ids))
        .filter(translations::lang.eq(lang))
        .select(Translation::as_select())
        .load(conn)?;
    for r in rows {
        out.entry(r.subject_id).or_default().insert(
            r.field,
            Stored {
                text: r.text,
                status: Status::stored(&r.status),
                source: r.source_digest,
            },
        );
    }
    Ok(out)
}

/// One record's stored texts in `lang`, by field.
pub fn of_one(
    conn: &mut DbConn,
    subject: Subject,
    id: &str,
    lang: &str,
) -> QueryResult<HashMap<String, Stored>> {
    Ok(of(conn, subject, &[id.to_string()], lang)?
        .remove(id)
        .unwrap_or_default())
}

/// Writes a field's text (a blank text removes it: the field is awaiting
/// translation again).
pub fn put(conn: &mut DbConn, row: &Translation) -> QueryResult<()> {
    let this = translations::table
        .filter(translations::subject_kind.eq(&row.subject_kind))
        .filter(translations::subject_id.eq(&row.subject_id))
        .filter(translations::field.eq(&row.field))
        .filter(translations::lang.eq(&row.lang));
    if row.text.trim().is_empty() {
        diesel::delete(this).execute(conn)?;
        return Ok(());
    }
    let changed = diesel::update(this)
        .set((
            translations::text.eq(&row.text),
            translations::status.eq(&row.status),
            translations::updated_by.eq(&row.updated_by),
            translations::updated_at.eq(row.updated_at),
            translations::source_digest.eq(&row.source_digest),
        ))
        .execute(conn)?;
    if changed == 0 {
        diesel::insert_into(translations::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Marks a record's translated fields approved; returns how many changed.
pub fn approve(
    conn: &mut DbConn,
    subject: Subject,
    id: &str,
    lang: &str,
    by: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        translations::table
            .filter(translations::subject_kind.eq(subject.as_str()))
            .filter(translations::subject_id.eq(id))
            .filter(translations::lang.eq(lang))
            .filter(translations::status.eq(Status::Translated.as_str())),
    )
    .set((
        translations::status.eq(Status::Approved.as_str()),
        translations::updated_by.eq(by),
        translations::updated_at.eq(now),
    ))
    .execute(conn)
}

/// Records whether a person wishes to speak Welsh at a meeting.
pub fn set_speaks_welsh(
    conn: &mut DbConn,
    meeting_id: &str,
    user_id: &str,
    wishes: bool,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(
        welsh_speakers::table
            .filter(welsh_speakers::meeting_id.eq(meeting_id))
            .filter(welsh_speakers::user_id.eq(user_id)),
    )
    .execute(conn)?;
    if wishes {
        diesel::insert_into(welsh_speakers::table)
            .values((
                welsh_speakers::meeting_id.eq(meeting_id),
                welsh_speakers::user_id.eq(user_id),
                welsh_speakers::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The people who wish to speak Welsh at a meeting.
pub fn welsh_speakers(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Vec<String>> {
    welsh_speakers::table
        .filter(welsh_speakers::meeting_id.eq(meeting_id))
        .select(welsh_speakers::user_id)
        .load(conn)
}
