//! Each message is three askama templates under `templates/email/<name>/`:
//! `subject.txt`, `body.txt` and `body.html` (escaped for HTML).

use askama::Template;
use chrono::NaiveDateTime;

use crate::db::DbConn;
use crate::db::outbox::{self, OutboxRow};
use crate::domain::preferences::{self, Preferences, Route, Stop};
use crate::error::AppResult;

/// A rendered message, ready for the outbox.
#[derive(Clone, Debug)]
pub struct Email {
    pub template: &'static str,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// An optional text attachment: (file name, content), such as an `.ics` invitation.
    pub attachment: Option<(String, String)>,
    /// The body the message is about, if one (see `about`).
    pub body_id: Option<String>,
}

/// The inside of an HTML document's `<body>` (all of it, if it has none).
fn inside_body(html: &str) -> &str {
    let start = html
        .find("<body")
        .and_then(|i| html[i..].find('>').map(|j| i + j + 1));
    let end = html.rfind("</body>");
    match (start, end) {
        (Some(s), Some(e)) if s <= e => &html[s..e],
        _ => html,
    }
}

/// Writes a message in its recipient's language: the one they chose, or
/// for a bilingual body's business and a person who has not chosen, both
/// in one message (Welsh first); English otherwise. `write` builds the
/// message, and is called in each language (dates included).
pub fn written_for(
    chosen: Option<&str>,
    bilingual: bool,
    write: impl Fn() -> AppResult<Email>,
) -> AppResult<Email> {
    use crate::i18n::{Lang, with};
    match (chosen.and_then(Lang::from_code), bilingual) {
        (Some(lang), _) => with(lang, &write),
        (None, true) => Ok(Email::bilingual(
            with(Lang::Welsh, &write)?,
            with(Lang::English, &write)?,
        )),
        (None, false) => with(Lang::English, &write),
    }
}

impl Email {
    /// One message in Welsh and English, Welsh first (the Welsh Language
    /// Standards: Welsh no less favourably than English), for a person
    /// whose language is not known. Both parts go in the same message, so
    /// neither is sent later than the other.
    pub fn bilingual(welsh: Email, english: Email) -> Email {
        let divider = "=".repeat(40);
        let subject = one_line(&format!("{} / {}", welsh.subject, english.subject));
        let text = format!(
            "{}\n\n{}\n\n{divider}\n\n{}",
            crate::i18n::text(crate::i18n::Lang::Welsh, "mail-both-languages"),
            welsh.text.trim_end(),
            english.text
        );
        let html = format!(
            "<!DOCTYPE html>\n<html lang=\"cy\">\n<head><meta charset=\"utf-8\"><title>{}</title></head>\n<body style=\"font-family: Arial, sans-serif; font-size: 16px; color: #0b0c0c;\">\n<p>{}</p>\n<div lang=\"cy\">{}</div>\n<hr>\n<div lang=\"en\">{}</div>\n</body>\n</html>\n",
            askama::filters::escape(&subject, askama::filters::Html)
                .map(|s| s.to_string())
                .unwrap_or_default(),
            crate::i18n::text(crate::i18n::Lang::Welsh, "mail-both-languages"),
            inside_body(&welsh.html),
            inside_body(&english.html),
        );
        Email {
            subject,
            text,
            html,
            ..english
        }
    }

    /// Marks the message as the business of a body: its secretariat sees it
    /// on the body's mail page.
    pub fn about(mut self, body_id: &str) -> Email {
        self.body_id = Some(body_id.to_string());
        self
    }

    /// Writes it to the outbox in the caller's transaction. A repeated
    /// `dedupe_key` is ignored, so an event never sends the same mail twice.
    /// The recipient's preferences apply: routine mail on a topic they
    /// turned off is not queued (false), and may be held for their daily
    /// digest.
    pub fn enqueue(
        &self,
        conn: &mut DbConn,
        dedupe_key: Option<String>,
        now: NaiveDateTime,
    ) -> AppResult<bool> {
        Ok(self.enqueue_returning(conn, dedupe_key, now)?.is_some())
    }

    /// As `enqueue`, returning the new message's id when one was queued.
    pub fn enqueue_returning(
        &self,
        conn: &mut DbConn,
        dedupe_key: Option<String>,
        now: NaiveDateTime,
    ) -> AppResult<Option<String>> {
        let class = preferences::class(self.template);
        let (user_id, prefs) = match crate::db::preferences::for_address(conn, &self.to)? {
            Some((id, chosen)) => (
                Some(id),
                chosen
                    .map(|(d, off)| Preferences::from_stored(&d, &off))
                    .unwrap_or_default(),
            ),
            None => (None, Preferences::default()),
        };
        let route = preferences::route(&prefs, class);
        if route == Route::Drop {
            tracing::debug!(
                template = self.template,
                "not queued: the recipient turned it off"
            );
            return Ok(None);
        }
        let row = OutboxRow {
            id: crate::clock::new_id(),
            template: self.template.to_string(),
            recipient: self.to.clone(),
            subject: self.subject.clone(),
            body_text: self.text.clone(),
            body_html: self.html.clone(),
            dedupe_key,
            created_at: now,
            attempts: 0,
            next_attempt_at: now,
            locked_until: None,
            sent_at: None,
            failed_at: None,
            last_error: None,
            attachment_name: self.attachment.as_ref().map(|a| a.0.clone()),
            attachment_content: self.attachment.as_ref().map(|a| a.1.clone()),
            body_id: self.body_id.clone(),
            // Only someone with an account can be unsubscribed.
            unsubscribe: user_id
                .as_ref()
                .and(Stop::for_class(class))
                .map(|s| s.key().to_string()),
            user_id,
            held: route == Route::Hold,
            digest_id: None,
        };
        Ok(outbox::enqueue(conn, &row)?.then_some(row.id))
    }
}

#[derive(Template)]
#[template(path = "email/invitation/subject.txt")]
struct InvitationSubject<'a> {
    inviter: &'a str,
}

#[derive(Template)]
#[template(path = "email/invitation/body.txt")]
struct InvitationText<'a> {
    name: &'a str,
    inviter: &'a str,
    organisation: &'a str,
    link: &'a str,
    expires: &'a str,
}

#[derive(Template)]
#[template(path = "email/invitation/body.html")]
struct InvitationHtml<'a> {
    name: &'a str,
    inviter: &'a str,
    organisation: &'a str,
    link: &'a str,
    expires: &'a str,
}

/// The invitation to set a password.
pub struct Invitation<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub inviter: &'a str,
    pub organisation: &'a str,
    pub link: &'a str,
    pub expires: &'a str,
}

impl Invitation<'_> {
    pub fn render(&self) -> AppResult<Email> {
        Ok(Email {
            template: "invitation",
            to: self.to.to_string(),
            subject: one_line(
                &InvitationSubject {
                    inviter: self.inviter,
                }
                .render()?,
            ),
            text: InvitationText {
                name: self.name,
                inviter: self.inviter,
                organisation: self.organisation,
                link: self.link,
                expires: self.expires,
            }
            .render()?,
            html: InvitationHtml {
                name: self.name,
                inviter: self.inviter,
                organisation: self.organisation,
                link: self.link,
                expires: self.expires,
            }
            .render()?,
            attachment: None,
            body_id: None,
        })
    }
}

#[derive(Template)]
#[template(path = "email/meeting_changed/subject.txt")]
struct MeetingChangedSubject<'a> {
    body: &'a str,
    when: &'a str,
    cancelled: bool,
}

#[derive(Template)]
#[template(path = "email/meeting_changed/body.txt")]
struct MeetingChangedText<'a> {
    m: &'a MeetingChanged<'a>,
}

#[derive(Template)]
#[template(path = "email/meeting_changed/body.html")]
struct MeetingChangedHtml<'a> {
    m: &'a MeetingChanged<'a>,
}

/// A meeting was moved or cancelled: sent to authors of its papers.
pub struct MeetingChanged<'a> {
    pub to: &'a str,
    pub name: &'a str,
    pub body: &'a str,
    pub when: &'a str,
    pub location: &'a str,
    pub cancelled: bool,
    pub reason: &'a str,
    pub paper_deadline: &'a str,
    pub publication_deadline: &'a str,
    pub link: &'a str,
}

impl MeetingChanged<'_> {
    pub fn render(&self) -> AppResult<Email> {
        Ok(Email {
            template: "meeting_changed",
            to: self.to.to_string(),
            subject: one_line(
                &MeetingChangedSubject {
                    body: self.body,
                    when: self.when,
                    cancelled: self.cancelled,
                }
                .render()?,
            ),
            text: MeetingChangedText { m: self }.render()?,
            html: MeetingChangedHtml { m: self }.render()?,
            attachment: None,
            body_id: None,
        })
    }
}

#[derive(Template)]
#[template(path = "email/notice/subject.txt")]
struct NoticeSubject<'a> {
    m: &'a Notice,
}

#[derive(Template)]
#[template(path = "email/notice/body.txt")]
struct NoticeText<'a> {
    m: &'a Notice,
}

#[derive(Template)]
#[template(path = "email/notice/body.html")]
struct NoticeHtml<'a> {
    m: &'a Notice,
}

/// A short message about something that happened to a person's paper or
/// meeting: a few paragraphs and one link.
pub struct Notice {
    pub template: &'static str,
    pub to: String,
    pub name: String,
    pub subject: String,
    pub lines: Vec<String>,
    pub link_text: String,
    pub link: String,
}

impl Notice {
    pub fn render(&self) -> AppResult<Email> {
        Ok(Email {
            template: self.template,
            to: self.to.clone(),
            subject: one_line(&NoticeSubject { m: self }.render()?),
            text: NoticeText { m: self }.render()?,
            html: NoticeHtml { m: self }.render()?,
            attachment: None,
            body_id: None,
        })
    }
}

#[derive(Template)]
#[template(path = "email/agenda_published/subject.txt")]
struct AgendaSubject<'a> {
    m: &'a AgendaPublished,
}

#[derive(Template)]
#[template(path = "email/agenda_published/body.txt")]
struct AgendaText<'a> {
    m: &'a AgendaPublished,
}

#[derive(Template)]
#[template(path = "email/agenda_published/body.html")]
struct AgendaHtml<'a> {
    m: &'a AgendaPublished,
    subject: &'a str,
}

/// An agenda (or a supplement) went out: sent to members and substitutes,
/// with the members' briefing (exempt items withheld) and an `.ics`.
pub struct AgendaPublished {
    pub to: String,
    pub name: String,
    pub body: String,
    pub when: String,
    pub location: String,
    pub number: i32,
    pub late_reason: String,
    pub supplement_reason: String,
    pub changes: Vec<String>,
    pub link: String,
    pub briefs: Vec<crate::domain::briefing::BriefItem>,
    pub ics: String,
}

impl AgendaPublished {
    pub fn render(&self) -> AppResult<Email> {
        let subject = one_line(&AgendaSubject { m: self }.render()?);
        Ok(Email {
            template: "agenda_published",
            to: self.to.clone(),
            text: AgendaText { m: self }.render()?,
            html: AgendaHtml {
                m: self,
                subject: &subject,
            }
            .render()?,
            subject,
            attachment: Some(("meeting.ics".to_string(), self.ics.clone())),
            body_id: None,
        })
    }
}

/// Subjects are one line: no header injection through a name.
/// Declares a message whose three templates (`email/<name>/subject.txt`,
/// `body.txt`, `body.html`, named in full: askama takes only literals)
/// read the fields of one struct as `m`.
macro_rules! message {
    ($name:literal, [$subject:literal, $text:literal, $html:literal], $doc:literal, $ty:ident { $($(#[$fdoc:meta])* $field:ident: $fty:ty),* $(,)? }) => {
        #[doc = $doc]
        pub struct $ty {
            pub to: String,
            $($(#[$fdoc])* pub $field: $fty,)*
        }

        impl $ty {
            pub fn render(&self) -> AppResult<Email> {
                // A subject may say nothing of the message's fields.
                #[allow(dead_code)]
                #[derive(Template)]
                #[template(path = $subject)]
                struct Subject<'a> {
                    m: &'a $ty,
                }
                #[derive(Template)]
                #[template(path = $text)]
                struct Text<'a> {
                    m: &'a $ty,
                }
                #[derive(Template)]
                #[template(path = $html)]
                struct Html<'a> {
                    m: &'a $ty,
                }
                Ok(Email {
                    template: $name,
                    to: self.to.clone(),
                    subject: one_line(&Subject { m: self }.render()?),
                    text: Text { m: self }.render()?,
                    html: Html { m: self }.render()?,
                    attachment: None,
                    body_id: None,
                })
            }
        }
    };
}

message!(
    "password_reset",
    [
        "email/password_reset/subject.txt",
        "email/password_reset/body.txt",
        "email/password_reset/body.html"
    ],
    "A link to choose a new password, asked for on the sign-in page.",
    PasswordReset {
        name: String,
        email: String,
        link: String,
        expires: String,
    }
);

message!(
    "call_for_papers",
    [
        "email/call_for_papers/subject.txt",
        "email/call_for_papers/body.txt",
        "email/call_for_papers/body.html"
    ],
    "A meeting is scheduled: its deadlines and how to submit, to the body's members and officers.",
    CallForPapers {
        name: String,
        body: String,
        when: String,
        location: String,
        proposal_deadline: String,
        paper_deadline: String,
        publication_deadline: String,
        link: String,
    }
);

message!(
    "paper_reminder",
    [
        "email/paper_reminder/subject.txt",
        "email/paper_reminder/body.txt",
        "email/paper_reminder/body.html"
    ],
    "An unsubmitted paper's deadline is near (3 and 1 working days before, and on the day).",
    PaperReminder {
        name: String,
        title: String,
        body: String,
        when: String,
        deadline: String,
        /// "in 3 working days", "tomorrow"
        due_words: String,
        on_the_day: bool,
        link: String,
        /// A bilingual body: the day the Welsh version is due ("" otherwise).
        translation_deadline: String,
        translation_link: String,
    }
);

message!(
    "sign_off_reminder",
    [
        "email/sign_off_reminder/subject.txt",
        "email/sign_off_reminder/body.txt",
        "email/sign_off_reminder/body.html"
    ],
    "A submitted paper has waited two working days for its sponsor's sign-off.",
    SignOffReminder {
        name: String,
        author: String,
        title: String,
        body: String,
        when: String,
        submitted: String,
        deadline: String,
        link: String,
    }
);

message!(
    "secretariat_digest",
    [
        "email/secretariat_digest/subject.txt",
        "email/secretariat_digest/body.txt",
        "email/secretariat_digest/body.html"
    ],
    "Monday's digest for a body's secretariat: what waits for them, each with its link.",
    SecretariatDigest {
        name: String,
        body: String,
        /// (what, when, link)
        items: Vec<(String, String, String)>,
        home: String,
    }
);

fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_control())
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> Email {
        Invitation {
            to: "ann@example.org",
            name,
            inviter: "Carol Clerk",
            organisation: "Northshire County Council",
            link: "https://quorate.example/invitations/abc",
            expires: "Thursday 3 December 2026 at 09:00",
        }
        .render()
        .expect("renders")
    }

    #[test]
    fn invitation_renders_all_three_parts() {
        let m = sample("Ann Example");
        assert_eq!(m.subject, "Carol Clerk has invited you to Quorate");
        assert_eq!(
            m.text,
            "Dear Ann Example,\n\n\
             Carol Clerk has given you an account on Quorate, where Northshire County Council \
             and its partners prepare board papers, agendas and actions.\n\n\
             Choose your password here:\n\
             https://quorate.example/invitations/abc\n\n\
             The link works once, until Thursday 3 December 2026 at 09:00.\n\
             If you did not expect this message, you can ignore it."
        );
        assert!(
            m.html
                .contains("<a href=\"https://quorate.example/invitations/abc\">")
        );
    }

    #[test]
    fn notices_render_every_line_and_escape_html() {
        let m = Notice {
            template: "paper_returned",
            to: "ann@example.org".into(),
            name: "Ann".into(),
            subject: "Your paper was returned\r\nBcc: x@y.org".into(),
            lines: vec![
                "The secretariat returned 'Youth <clubs>'.".into(),
                "Reason: add costs.".into(),
            ],
            link_text: "Open the paper".into(),
            link: "https://q.example/papers/1".into(),
        }
        .render()
        .expect("renders");
        assert_eq!(m.subject, "Your paper was returned Bcc: x@y.org");
        assert_eq!(
            m.text,
            "Dear Ann,\n\nThe secretariat returned 'Youth <clubs>'.\n\nReason: add costs.\n\nOpen the paper: https://q.example/papers/1"
        );
        assert!(
            m.html.contains("Youth &#60;clubs&#62;") || m.html.contains("Youth &lt;clubs&gt;"),
            "{}",
            m.html
        );
    }

    #[test]
    fn names_are_escaped_in_html_and_cannot_break_the_subject() {
        let m = sample("<script>alert(1)</script>");
        assert!(!m.html.contains("<script>"), "{}", m.html);
        assert!(m.html.contains("&#60;script&#62;") || m.html.contains("&lt;script&gt;"));
        let s = one_line("Hello\r\nBcc: x@y.org");
        assert_eq!(s, "Hello Bcc: x@y.org");
    }
}

/// One held message inside a daily digest.
#[derive(Clone, Debug)]
pub struct DigestItem {
    pub subject: String,
    pub text: String,
    /// The inside of the message's own HTML body (our escaped template).
    pub html: String,
}

message!(
    "daily_digest",
    [
        "email/daily_digest/subject.txt",
        "email/daily_digest/body.txt",
        "email/daily_digest/body.html"
    ],
    "Routine mail held for a person who chose a daily digest, in one message.",
    DailyDigest {
        name: String,
        date: String,
        items: Vec<DigestItem>,
        /// Where to change what Quorate sends.
        settings: String,
    }
);
