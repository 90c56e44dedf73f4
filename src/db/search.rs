//! The full-text index: one `search_documents` row per paper, agenda item,
//! decision, action and meeting's minutes, rewritten by the write that
//! changes the thing (in its transaction), with who may find it. SQLite
//! indexes the rows with FTS5, PostgreSQL with a `tsvector` column.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Double, Nullable, Text};

use super::DbConn;
use super::schema::search_documents;
use crate::domain::search::{Kind, MARK_END, MARK_START};
use crate::domain::timeline::london_date;

#[derive(Clone, Debug, Insertable)]
#[diesel(table_name = search_documents)]
struct Doc {
    kind: String,
    ref_id: String,
    body_id: String,
    meeting_id: Option<String>,
    day: NaiveDate,
    public: bool,
    exempt: bool,
    named: String,
    title: String,
    content: String,
}

/// Text as indexed: never the marks a snippet's matches are put between.
fn clean(text: &str) -> String {
    text.replace([MARK_START, MARK_END], " ")
}

fn put(conn: &mut DbConn, mut doc: Doc) -> QueryResult<()> {
    remove(conn, kind_of(&doc.kind), &doc.ref_id)?;
    doc.title = clean(&doc.title);
    doc.content = clean(&doc.content);
    diesel::insert_into(search_documents::table)
        .values(&doc)
        .execute(conn)
        .map(|_| ())
}

fn kind_of(s: &str) -> Kind {
    Kind::parse(s).unwrap_or(Kind::Paper)
}

/// Takes something out of the index.
pub fn remove(conn: &mut DbConn, kind: Kind, ref_id: &str) -> QueryResult<()> {
    diesel::delete(
        search_documents::table
            .filter(search_documents::kind.eq(kind.as_str()))
            .filter(search_documents::ref_id.eq(ref_id)),
    )
    .execute(conn)
    .map(|_| ())
}

fn meeting_day(conn: &mut DbConn, meeting_id: &str) -> QueryResult<Option<(String, NaiveDate)>> {
    Ok(super::meetings::find(conn, meeting_id)?
        .map(|m| (m.body_id, london_date(m.starts_at.and_utc()))))
}

fn names(ids: &[Option<&str>]) -> String {
    ids.iter().flatten().copied().collect::<Vec<_>>().join(" ")
}

/// (Re)indexes a paper: its title, cover sheet, body and appendix names.
pub fn index_paper(conn: &mut DbConn, paper_id: &str) -> QueryResult<()> {
    let Some(p) = super::papers::find(conn, paper_id)? else {
        return remove(conn, Kind::Paper, paper_id);
    };
    let Some((body_id, day)) = meeting_day(conn, &p.meeting_id)? else {
        return remove(conn, Kind::Paper, paper_id);
    };
    let appendices: Vec<String> = super::attachments::of_paper(conn, paper_id)?
        .into_iter()
        .map(|a| a.filename)
        .collect();
    let content = [
        p.purpose.clone(),
        p.summary.clone(),
        p.recommendations().join("\n"),
        p.implications_financial.clone(),
        p.implications_legal.clone(),
        p.implications_risk.clone(),
        p.implications_equality.clone(),
        p.implications_environment.clone(),
        crate::domain::format::markdown_text(&p.body_markdown),
        appendices.join("\n"),
    ]
    .into_iter()
    .filter(|s| !s.trim().is_empty())
    .collect::<Vec<_>>()
    .join("\n");
    put(
        conn,
        Doc {
            kind: Kind::Paper.as_str().into(),
            ref_id: p.id.clone(),
            body_id,
            meeting_id: Some(p.meeting_id.clone()),
            day,
            public: p.status == "published" && !p.is_exempt(),
            exempt: p.is_exempt(),
            named: names(&[
                Some(p.author_user_id.as_str()),
                p.sponsor_user_id.as_deref(),
                p.presenter_user_id.as_deref(),
            ]),
            title: p.title.clone(),
            content,
        },
    )
}

/// (Re)indexes an agenda item without a paper (an item with one is found
/// as its paper, with the paper's title and confidentiality): public once
/// an agenda holding it is published (it was there when the latest version
/// went out).
pub fn index_item(conn: &mut DbConn, item_id: &str) -> QueryResult<()> {
    let Some(item) = super::agenda::find_item(conn, item_id)?.filter(|i| i.paper_id.is_none())
    else {
        return remove(conn, Kind::Item, item_id);
    };
    let Some((body_id, day)) = meeting_day(conn, &item.meeting_id)? else {
        return remove(conn, Kind::Item, item_id);
    };
    let published_at = super::agenda::latest_published_at(conn, &item.meeting_id)?;
    let exempt = item.exempt_category.is_some();
    put(
        conn,
        Doc {
            kind: Kind::Item.as_str().into(),
            ref_id: item.id.clone(),
            body_id,
            meeting_id: Some(item.meeting_id.clone()),
            day,
            public: !exempt && published_at.is_some_and(|at| item.created_at <= at),
            exempt,
            named: names(&[item.presenter_user_id.as_deref()]),
            title: item.title.clone(),
            content: item.verbal_reason.clone().unwrap_or_default(),
        },
    )
}

/// (Re)indexes every item of a meeting's agenda (as it is published).
pub fn index_items_of(conn: &mut DbConn, meeting_id: &str) -> QueryResult<()> {
    for item in super::agenda::items_of(conn, meeting_id)? {
        index_item(conn, &item.id)?;
    }
    Ok(())
}

/// (Re)indexes a decision and the actions arising from it (which the public
/// finds only under a decision it may read).
pub fn index_decision(conn: &mut DbConn, decision_id: &str) -> QueryResult<()> {
    let Some(d) = super::record::find_decision(conn, decision_id)? else {
        return remove(conn, Kind::Decision, decision_id);
    };
    if d.withdrawn_at.is_some() {
        remove(conn, Kind::Decision, decision_id)?;
    } else {
        let day = meeting_day(conn, &d.meeting_id)?
            .map(|(_, day)| day)
            .unwrap_or_else(|| d.created_at.date());
        put(
            conn,
            Doc {
                kind: Kind::Decision.as_str().into(),
                ref_id: d.id.clone(),
                body_id: d.body_id.clone(),
                meeting_id: Some(d.meeting_id.clone()),
                day,
                public: !d.exempt,
                exempt: d.exempt,
                named: String::new(),
                title: d.reference.clone(),
                content: d.text.clone(),
            },
        )?;
    }
    for a in super::actions::of_decision(conn, decision_id)? {
        index_action(conn, &a)?;
    }
    Ok(())
}

/// (Re)indexes an action: the public finds it only when it arose from a
/// decision the public may read, as the meeting's page shows it.
pub fn index_action(conn: &mut DbConn, a: &super::actions::Action) -> QueryResult<()> {
    let decision = match &a.decision_id {
        Some(id) => super::record::find_decision(conn, id)?,
        None => None,
    };
    let public = !a.exempt
        && decision
            .as_ref()
            .is_some_and(|d| !d.exempt && d.withdrawn_at.is_none());
    let day = match &a.meeting_id {
        Some(m) => meeting_day(conn, m)?.map(|(_, day)| day),
        None => None,
    }
    .unwrap_or_else(|| a.created_at.date());
    put(
        conn,
        Doc {
            kind: Kind::Action.as_str().into(),
            ref_id: a.id.clone(),
            body_id: a.body_id.clone(),
            meeting_id: a.meeting_id.clone(),
            day,
            public,
            exempt: a.exempt,
            named: a.owner_user_id.clone(),
            title: a.description.chars().take(200).collect(),
            content: a.description.clone(),
        },
    )
}

/// The document id of a meeting's exempt minutes (its open minutes use the
/// meeting's id).
pub fn exempt_minutes_ref(meeting_id: &str) -> String {
    format!("{meeting_id}/exempt")
}

/// (Re)indexes a meeting's minutes: the open part, public once approved,
/// and the exempt part, for those who see exempt material.
pub fn index_minutes(conn: &mut DbConn, meeting_id: &str) -> QueryResult<()> {
    let exempt_ref = exempt_minutes_ref(meeting_id);
    let minutes = super::minutes::find(conn, meeting_id)?;
    let meeting = super::meetings::find(conn, meeting_id)?;
    let (Some(m), Some(meeting)) = (minutes, meeting) else {
        remove(conn, Kind::Minutes, meeting_id)?;
        return remove(conn, Kind::Minutes, &exempt_ref);
    };
    let day = london_date(meeting.starts_at.and_utc());
    let approved = m.status == "approved";
    for (ref_id, markdown, exempt) in [
        (meeting_id.to_string(), &m.body_markdown, false),
        (exempt_ref, &m.exempt_markdown, true),
    ] {
        let text = crate::domain::format::markdown_text(markdown);
        if text.trim().is_empty() {
            remove(conn, Kind::Minutes, &ref_id)?;
            continue;
        }
        put(
            conn,
            Doc {
                kind: Kind::Minutes.as_str().into(),
                ref_id,
                body_id: meeting.body_id.clone(),
                meeting_id: Some(meeting_id.to_string()),
                day,
                public: approved && !exempt,
                exempt,
                named: String::new(),
                title: String::new(),
                content: text,
            },
        )?;
    }
    Ok(())
}

/// A meeting moved: what is indexed under it takes the new day.
pub fn set_meeting_day(conn: &mut DbConn, meeting_id: &str, day: NaiveDate) -> QueryResult<()> {
    diesel::update(search_documents::table.filter(search_documents::meeting_id.eq(meeting_id)))
        .set(search_documents::day.eq(day))
        .execute(conn)
        .map(|_| ())
}

/// Indexes everything afresh (after the upgrade that adds the index, or a
/// restore): returns how many documents it holds.
pub fn rebuild(conn: &mut DbConn) -> QueryResult<i64> {
    use super::schema::{actions, agenda_items, decisions, minutes, papers};
    conn.transaction(|conn| {
        diesel::delete(search_documents::table).execute(conn)?;
        let ids: Vec<String> = papers::table.select(papers::id).load(conn)?;
        for id in ids {
            index_paper(conn, &id)?;
        }
        let ids: Vec<String> = agenda_items::table.select(agenda_items::id).load(conn)?;
        for id in ids {
            index_item(conn, &id)?;
        }
        // A decision indexes its actions too; then the rest of the actions.
        let ids: Vec<String> = decisions::table.select(decisions::id).load(conn)?;
        for id in ids {
            index_decision(conn, &id)?;
        }
        let rest: Vec<super::actions::Action> = actions::table
            .filter(actions::decision_id.is_null())
            .select(super::actions::Action::as_select())
            .load(conn)?;
        for a in rest {
            index_action(conn, &a)?;
        }
        let ids: Vec<String> = minutes::table.select(minutes::meeting_id).load(conn)?;
        for id in ids {
            index_minutes(conn, &id)?;
        }
        search_documents::table.count().get_result(conn)
    })
}

/// What a search asks for, and who is asking.
#[derive(Clone, Debug, Default)]
pub struct Find {
    pub fts5: String,
    pub tsquery: String,
    pub kind: Option<Kind>,
    pub body_id: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Sees everything (a site administrator).
    pub all: bool,
    /// The reader, for what names them.
    pub user_id: Option<String>,
    /// Bodies where the reader has a role: they may find what is not public.
    pub member_of: Vec<String>,
    /// Of those, where the reader's role sees exempt material.
    pub exempt_in: Vec<String>,
    pub offset: i64,
    pub limit: i64,
}

/// A match, best first.
#[derive(Clone, Debug, QueryableByName)]
pub struct Found {
    #[diesel(sql_type = Text)]
    pub kind: String,
    #[diesel(sql_type = Text)]
    pub ref_id: String,
    #[diesel(sql_type = Text)]
    pub body_id: String,
    #[diesel(sql_type = Nullable<Text>)]
    pub meeting_id: Option<String>,
    #[diesel(sql_type = Date)]
    pub day: NaiveDate,
    #[diesel(sql_type = Text)]
    pub title: String,
    /// The best passage, matches between `MARK_START` and `MARK_END`.
    #[diesel(sql_type = Text)]
    pub snippet: String,
    #[diesel(sql_type = Double)]
    pub rank: f64,
}

/// Who may find a document, as SQL over the binds after the query itself:
/// everything; or public; or naming the reader; or, in a body where the
/// reader has a role, not exempt or where the role sees exempt material.
/// Lists of ids travel as one space-separated text (ids hold no spaces).
const FILTERS_SQLITE: &str = "\
    (?2 IS NULL OR d.kind = ?2) \
    AND (?3 IS NULL OR d.body_id = ?3) \
    AND (?4 IS NULL OR d.day >= ?4) \
    AND (?5 IS NULL OR d.day <= ?5) \
    AND (?6 OR d.public \
         OR (?7 IS NOT NULL AND instr(' ' || d.named || ' ', ' ' || ?7 || ' ') > 0) \
         OR (instr(?8, ' ' || d.body_id || ' ') > 0 \
             AND (NOT d.exempt OR instr(?9, ' ' || d.body_id || ' ') > 0)))";

const FILTERS_PG: &str = "\
    ($2::text IS NULL OR d.kind = $2) \
    AND ($3::text IS NULL OR d.body_id = $3) \
    AND ($4::date IS NULL OR d.day >= $4) \
    AND ($5::date IS NULL OR d.day <= $5) \
    AND ($6 OR d.public \
         OR ($7::text IS NOT NULL AND d.named <> '' AND $7 = ANY(string_to_array(d.named, ' '))) \
         OR (d.body_id = ANY(string_to_array($8, ' ')) \
             AND (NOT d.exempt OR d.body_id = ANY(string_to_array($9, ' ')))))";

/// Text up to this long is shown whole as its snippet (a decision, an
/// action), so both databases show the same; longer text, a passage.
const WHOLE: usize = 300;

/// Matches the reader may find, best first, `limit` from `offset`.
pub fn find(conn: &mut DbConn, f: &Find) -> QueryResult<Vec<Found>> {
    let spaced = |ids: &[String]| format!(" {} ", ids.join(" "));
    let (sql, matching) = match conn {
        DbConn::Sqlite(_) => (
            format!(
                "SELECT d.kind, d.ref_id, d.body_id, d.meeting_id, d.day, d.title, \
                   CASE WHEN length(d.content) <= {WHOLE} \
                     THEN highlight(search_fts, 1, char(1), char(2)) \
                     ELSE snippet(search_fts, 1, char(1), char(2), '…', 24) END AS snippet, \
                   bm25(search_fts, 4.0, 1.0) AS rank \
                 FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid \
                 WHERE search_fts MATCH ?1 AND {FILTERS_SQLITE} \
                 ORDER BY rank, d.id LIMIT ?10 OFFSET ?11"
            ),
            &f.fts5,
        ),
        // Rank and page first; only the page's passages are marked.
        DbConn::Postgresql(_) => (
            format!(
                "WITH q AS (SELECT to_tsquery('english', $1) AS query), \
                 page AS ( \
                   SELECT d.id, ts_rank_cd(d.tsv, q.query)::float8 AS rank \
                   FROM search_documents d, q \
                   WHERE d.tsv @@ q.query AND {FILTERS_PG} \
                   ORDER BY rank DESC, d.id LIMIT $10 OFFSET $11) \
                 SELECT d.kind, d.ref_id, d.body_id, d.meeting_id, d.day, d.title, \
                   CASE WHEN length(d.content) <= {WHOLE} \
                     THEN ts_headline('english', d.content, q.query, \
                       'StartSel=\"\u{1}\", StopSel=\"\u{2}\", HighlightAll=true') \
                     ELSE ts_headline('english', d.content, q.query, \
                       'StartSel=\"\u{1}\", StopSel=\"\u{2}\", MaxWords=30, MinWords=12, \
                        MaxFragments=1, FragmentDelimiter=\"…\"') END AS snippet, \
                   -page.rank AS rank \
                 FROM page JOIN search_documents d ON d.id = page.id, q \
                 ORDER BY page.rank DESC, d.id"
            ),
            &f.tsquery,
        ),
    };
    let query = diesel::sql_query(sql)
        .bind::<Text, _>(matching)
        .bind::<Nullable<Text>, _>(f.kind.map(|k| k.as_str().to_string()))
        .bind::<Nullable<Text>, _>(f.body_id.clone())
        .bind::<Nullable<Date>, _>(f.from)
        .bind::<Nullable<Date>, _>(f.to)
        .bind::<Bool, _>(f.all)
        .bind::<Nullable<Text>, _>(f.user_id.clone())
        .bind::<Text, _>(spaced(&f.member_of))
        .bind::<Text, _>(spaced(&f.exempt_in))
        .bind::<BigInt, _>(f.limit)
        .bind::<BigInt, _>(f.offset);
    match conn {
        DbConn::Sqlite(c) => query.load(c),
        DbConn::Postgresql(c) => query.load(c),
    }
}

/// Indexes, in a few statements, the papers, verbal agenda items,
/// decisions and actions whose ids start with `prefix` and are not indexed
/// yet: for data written in bulk without the write path (the benchmark data
/// set). The text is the stored text as it is (a paper's Markdown is not
/// reduced to plain text), and a meeting's day is its UTC date.
pub fn index_in_bulk(conn: &mut DbConn, prefix: &str) -> QueryResult<usize> {
    let (day, day_of_created) = match conn {
        DbConn::Sqlite(_) => ("date(m.starts_at)", "date(a.created_at)"),
        DbConn::Postgresql(_) => ("(m.starts_at)::date", "(a.created_at)::date"),
    };
    let nl = "' ' || chr(10) || ' '";
    let nl = match conn {
        DbConn::Sqlite(_) => nl.replace("chr(10)", "char(10)"),
        DbConn::Postgresql(_) => nl.to_string(),
    };
    let insert = "INSERT INTO search_documents \
        (kind, ref_id, body_id, meeting_id, day, public, exempt, named, title, content)";
    let unindexed = |kind: &str, alias: &str| {
        format!(
            "{alias}.id LIKE $1 AND NOT EXISTS (SELECT 1 FROM search_documents s \
             WHERE s.kind = '{kind}' AND s.ref_id = {alias}.id)"
        )
    };
    let statements = [
        format!(
            "{insert} SELECT 'paper', p.id, m.body_id, p.meeting_id, {day}, \
               p.status = 'published' AND p.exempt_category IS NULL, \
               p.exempt_category IS NOT NULL, \
               p.author_user_id || ' ' || coalesce(p.sponsor_user_id, '') || ' ' || coalesce(p.presenter_user_id, ''), \
               p.title, \
               p.purpose || {nl} || p.summary || {nl} || p.implications_financial || {nl} || p.body_markdown \
             FROM papers p JOIN meetings m ON m.id = p.meeting_id WHERE {}",
            unindexed("paper", "p")
        ),
        format!(
            "{insert} SELECT 'item', i.id, m.body_id, i.meeting_id, {day}, \
               i.exempt_category IS NULL AND EXISTS (SELECT 1 FROM agenda_versions v \
                 WHERE v.meeting_id = i.meeting_id AND v.published_at >= i.created_at), \
               i.exempt_category IS NOT NULL, coalesce(i.presenter_user_id, ''), \
               i.title, coalesce(i.verbal_reason, '') \
             FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id \
             WHERE i.paper_id IS NULL AND {}",
            unindexed("item", "i")
        ),
        format!(
            "{insert} SELECT 'decision', d.id, d.body_id, d.meeting_id, {day}, \
               NOT d.exempt, d.exempt, '', d.reference, d.text \
             FROM decisions d JOIN meetings m ON m.id = d.meeting_id \
             WHERE d.withdrawn_at IS NULL AND {}",
            unindexed("decision", "d")
        ),
        format!(
            "{insert} SELECT 'action', a.id, a.body_id, a.meeting_id, \
               coalesce({day}, {day_of_created}), \
               NOT a.exempt AND EXISTS (SELECT 1 FROM decisions d WHERE d.id = a.decision_id \
                 AND NOT d.exempt AND d.withdrawn_at IS NULL), \
               a.exempt, a.owner_user_id, substr(a.description, 1, 200), a.description \
             FROM actions a LEFT JOIN meetings m ON m.id = a.meeting_id WHERE {}",
            unindexed("action", "a")
        ),
    ];
    let pattern = format!("{prefix}%");
    let mut n = 0;
    for sql in statements {
        let sql = match conn {
            DbConn::Sqlite(_) => sql.replace("$1", "?"),
            DbConn::Postgresql(_) => sql,
        };
        let query = diesel::sql_query(sql).bind::<Text, _>(&pattern);
        n += match conn {
            DbConn::Sqlite(c) => query.execute(c)?,
            DbConn::Postgresql(c) => query.execute(c)?,
        };
    }
    Ok(n)
}
