//! Each person's mail preferences, one row once they have chosen.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::{mail_preferences, users};

/// The stored words: (delivery, topics turned off).
pub type Stored = (String, String);

pub fn find(conn: &mut DbConn, user_id: &str) -> QueryResult<Option<Stored>> {
    mail_preferences::table
        .find(user_id)
        .select((mail_preferences::delivery, mail_preferences::topics_off))
        .first(conn)
        .optional()
}

/// The account an address belongs to, with its preferences if it chose
/// any: `None` for an address with no account.
pub fn for_address(
    conn: &mut DbConn,
    email: &str,
) -> QueryResult<Option<(String, Option<Stored>)>> {
    let found: Option<(String, Option<String>, Option<String>)> = users::table
        .left_join(mail_preferences::table)
        .filter(users::email.eq(email))
        .select((
            users::id,
            mail_preferences::delivery.nullable(),
            mail_preferences::topics_off.nullable(),
        ))
        .first(conn)
        .optional()?;
    Ok(found.map(|(id, delivery, off)| (id, delivery.zip(off))))
}

pub fn save(
    conn: &mut DbConn,
    user_id: &str,
    delivery: &str,
    topics_off: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let n = diesel::update(mail_preferences::table.find(user_id))
        .set((
            mail_preferences::delivery.eq(delivery),
            mail_preferences::topics_off.eq(topics_off),
            mail_preferences::updated_at.eq(now),
        ))
        .execute(conn)?;
    if n == 0 {
        diesel::insert_into(mail_preferences::table)
            .values((
                mail_preferences::user_id.eq(user_id),
                mail_preferences::delivery.eq(delivery),
                mail_preferences::topics_off.eq(topics_off),
                mail_preferences::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}
