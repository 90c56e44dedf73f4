//! The board pack as a PDF, typeset in-process by typst: cover page, agenda
//! with links and page numbers, the members' briefing (member pack), then
//! each paper with its cover sheet. One level-1 heading per item gives one
//! bookmark per item.
//!
//! The typst world serves one in-memory source and the embedded fonts, and
//! denies every file and package, so nothing a paper says can reach the disk.
//!
//! The server typesets in a child process (`quorate typeset`, the same
//! program): typst's library and the fonts, about 25 MB once loaded, and the
//! 100 to 200 MB a pack takes while it is made, are held only while a pack
//! or a paper's check is typeset, and a server at rest stays small. Without
//! `typeset_in_child` (tests of this module, benchmarks) it is done here.

use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, OnceLock};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

use super::typst_markup::{markdown, string, text};
use crate::domain::agenda::ItemKind;
use crate::domain::briefing::BriefItem;
use crate::domain::briefing::ItemType;
use crate::domain::frozen::Frozen;
use crate::i18n::{self, Arg, Lang};

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

static FONTS: LazyLock<FontStore> = LazyLock::new(|| {
    let mut store = FontStore::new();
    store.extend(typst_kit::fonts::embedded());
    store
});

/// One pack is typeset at a time: it is CPU-bound and memory-hungry.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

struct PackWorld {
    main: Source,
}

impl World for PackWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        FONTS.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, _id: FileId) -> FileResult<Bytes> {
        Err(FileError::AccessDenied)
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

/// Typesets `source` into PDF bytes in this process: tagged PDF/UA-1 when
/// the document passes its checks, otherwise a plain tagged PDF (with a log
/// line).
fn compile_here(source: String) -> Result<Vec<u8>, String> {
    let path = VirtualPath::new("/pack.typ").map_err(|e| format!("path: {e:?}"))?;
    let id = FileId::new(RootedPath::new(VirtualRoot::Project, path));
    let world = PackWorld {
        main: Source::new(id, source),
    };
    let result = typst::compile::<typst_layout::PagedDocument>(&world)
        .output
        .map_err(|errors| {
            errors
                .iter()
                .map(|d| d.message.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        });
    let pdf = result.and_then(|doc| {
        let ua = typst_pdf::PdfOptions {
            standards: typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::Ua_1])
                .unwrap_or_default(),
            ..Default::default()
        };
        match typst_pdf::pdf(&doc, &ua) {
            Ok(bytes) => Ok(bytes),
            Err(errors) => {
                tracing::warn!(
                    problems = %errors.iter().map(|d| d.message.to_string()).collect::<Vec<_>>().join("; "),
                    "board pack is not PDF/UA-1; writing a tagged PDF instead"
                );
                typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|errors| {
                    errors
                        .iter()
                        .map(|d| d.message.to_string())
                        .collect::<Vec<_>>()
                        .join("; ")
                })
            }
        }
    });
    // Typst memoises heavily; without this a server grows by the size of
    // every pack it has made.
    comemo::evict(0);
    pdf
}

/// Lays out Typst `source` in this process without making a PDF.
fn lays_out_here(source: String) -> Result<(), String> {
    let path = VirtualPath::new("/paper.typ").map_err(|e| format!("path: {e:?}"))?;
    let id = FileId::new(RootedPath::new(VirtualRoot::Project, path));
    let world = PackWorld {
        main: Source::new(id, source),
    };
    let result = typst::compile::<typst_layout::PagedDocument>(&world)
        .output
        .map(|_| ())
        .map_err(|errors| {
            errors
                .iter()
                .map(|d| d.message.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        });
    comemo::evict(0);
    result
}

/// The program that typesets for this process (`program typeset …`), set
/// once at start by the server; unset, typesetting happens in-process.
static CHILD: OnceLock<PathBuf> = OnceLock::new();

/// Typesets in child processes running `program` from now on.
pub fn typeset_in_child(program: PathBuf) {
    let _ = CHILD.set(program);
}

/// Why typesetting gave no answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The source does not typeset: typst's own words.
    Refused(String),
    /// The typesetter could not be run, or stopped without an answer.
    Broken(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Refused(why) | Failure::Broken(why) => f.write_str(why),
        }
    }
}

/// Typesets `source` into PDF bytes (tagged PDF/UA-1 when the document
/// passes its checks, otherwise a plain tagged PDF, with a log line). One
/// pack at a time: it is CPU-bound and memory-hungry.
pub fn compile(source: String) -> Result<Vec<u8>, String> {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    match CHILD.get() {
        Some(program) => in_child(program, "pdf", source).map_err(|f| f.to_string()),
        None => compile_here(source),
    }
}

/// Lays out Typst `source` without making a PDF: `Refused` names what stops
/// it typesetting. Used on a paper's report when it is submitted, so that
/// no accepted paper can break a board pack later.
pub fn lays_out(source: String) -> Result<(), Failure> {
    match CHILD.get() {
        Some(program) => in_child(program, "check", source).map(|_| ()),
        None => lays_out_here(source).map_err(Failure::Refused),
    }
}

/// Runs `program typeset what`, the source on its standard input; the PDF
/// (or nothing, for a check) comes back on its standard output. Exit code 1
/// is typst refusing the source, with its words on standard error; a
/// warning on success (a pack that is not PDF/UA-1) is logged here.
fn in_child(program: &Path, what: &str, source: String) -> Result<Vec<u8>, Failure> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(program)
        .args(["typeset", what])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Failure::Broken(format!("could not start the typesetter: {e}")))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| Failure::Broken("the typesetter took no input".into()))?;
    // Written from a thread while the answer is read here: a large pack
    // fills both pipes.
    let writer = std::thread::spawn(move || stdin.write_all(source.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| Failure::Broken(format!("the typesetter: {e}")))?;
    let _ = writer.join();
    let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
    match out.status.code() {
        Some(0) => {
            if !said.is_empty() {
                tracing::warn!(said = %said, "typesetting");
            }
            Ok(out.stdout)
        }
        Some(1) => Err(Failure::Refused(said)),
        _ => {
            tracing::error!(status = %out.status, said = %said, "the typesetter stopped");
            Err(Failure::Broken(format!(
                "the typesetter stopped ({}); try again",
                out.status
            )))
        }
    }
}

/// `quorate typeset pdf|check`: typesets standard input here, for a parent
/// process (see `in_child`). Exit code 0 with the PDF (or nothing) on
/// standard output; 1 with typst's words on standard error; 2 when it was
/// asked wrongly.
pub fn typeset_standard_input(what: &str) -> std::process::ExitCode {
    use std::io::{Read, Write};
    use std::process::ExitCode;
    // Its warnings (a pack that is not PDF/UA-1) go to the parent, which logs them.
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .without_time()
        .with_target(false)
        .with_max_level(tracing::Level::WARN)
        .try_init();
    let mut source = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut source) {
        eprintln!("reading the source: {e}");
        return ExitCode::from(2);
    }
    let answer = match what {
        "pdf" => compile_here(source),
        "check" => lays_out_here(source).map(|()| Vec::new()),
        other => {
            eprintln!("typeset what? {other:?} (pdf or check)");
            return ExitCode::from(2);
        }
    };
    match answer {
        Ok(bytes) => match std::io::stdout().write_all(&bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("writing the PDF: {e}");
                ExitCode::from(2)
            }
        },
        Err(why) => {
            eprintln!("{why}");
            ExitCode::from(1)
        }
    }
}

/// Whether a paper's report (Markdown) typesets as it would in the pack.
/// The answer depends on the text alone, so the latest answers are kept by
/// the text's SHA-256: a submission can be checked before its write
/// transaction (`services::papers::check_before_submit`) and find the
/// answer waiting inside it, instead of typesetting under SQLite's write lock.
pub fn report_lays_out(body_markdown: &str) -> Result<(), Failure> {
    use sha2::{Digest, Sha256};
    use std::collections::HashMap;
    type Answers = HashMap<[u8; 32], Result<(), Failure>>;
    static KNOWN: OnceLock<Mutex<Answers>> = OnceLock::new();
    const KEEP: usize = 256;
    let key: [u8; 32] = Sha256::digest(body_markdown.as_bytes()).into();
    let known = KNOWN.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(answer) = known.lock().ok().and_then(|k| k.get(&key).cloned()) {
        return answer;
    }
    let answer = lays_out(format!(
        "#heading(level: 2)[Report]\n{}",
        markdown(body_markdown, 3)
    ));
    // A typesetter that could not answer is asked again next time.
    if !matches!(answer, Err(Failure::Broken(_)))
        && let Ok(mut k) = known.lock()
    {
        if k.len() >= KEEP {
            k.clear();
        }
        k.insert(key, answer.clone());
    }
    answer
}

/// The Typst source of a pack. Give it the view the audience may see; the
/// briefing goes in front when `briefs` is not empty (the member pack).
pub fn source(f: &Frozen, briefs: &[BriefItem], audience: &str) -> String {
    let mut s = String::with_capacity(16 * 1024);
    let date = crate::domain::format::london_day(f.starts_at);
    let title = format!("{}: {date}", f.body_name);
    s.push_str(&format!(
        "#set document(title: {}, author: {})\n",
        string(&title),
        string(&f.body_name)
    ));
    s.push_str("#set page(paper: \"a4\", margin: (x: 2.2cm, y: 2.4cm), numbering: \"1\")\n");
    s.push_str(match i18n::current() {
        Lang::Welsh => "#set text(font: \"Libertinus Serif\", size: 11pt, lang: \"cy\")\n",
        Lang::English => {
            "#set text(font: \"Libertinus Serif\", size: 11pt, lang: \"en\", region: \"gb\")\n"
        }
    });
    s.push_str("#set table(inset: 5pt, stroke: 0.5pt + luma(150))\n");
    s.push_str("#show link: underline\n");
    // Cover page.
    s.push_str("#align(center)[#v(5cm)\n");
    s.push_str(&format!(
        "#text(size: 24pt, weight: \"bold\")[{}]\n\n",
        text(&f.body_name)
    ));
    s.push_str(&format!("#text(size: 16pt)[{}]\n\n", text(&date)));
    s.push_str(&format!(
        "{}, {}\n\n",
        text(&crate::domain::format::london_span(f.starts_at, f.ends_at)),
        text(&f.location)
    ));
    s.push_str(&format!(
        "{}\n\n",
        text(&i18n::t_args(
            "pdf-cover-line",
            &[
                ("audience", Arg::Text(&i18n::t(audience))),
                ("version", Arg::Number(i64::from(f.number))),
                (
                    "published",
                    Arg::Text(&crate::domain::format::london_datetime(f.published_at)),
                ),
            ],
        ))
    ));
    if let Some(r) = &f.late_reason {
        s.push_str(&format!(
            "{} {}\n\n",
            text(&i18n::t("pdf-published-late")),
            text(r)
        ));
    }
    if let Some(r) = &f.supplement_reason {
        s.push_str(&format!(
            "{} {}\n\n",
            text(&i18n::t("pdf-supplement")),
            text(r)
        ));
    }
    if let Some((en, cy)) = &f.translation_urgency {
        s.push_str(&format!(
            "{} {} {}\n\n",
            text(&i18n::t("translation-urgency-tag")),
            text(cy),
            text(en)
        ));
    }
    s.push_str("]\n#pagebreak()\n");
    // Agenda.
    s.push_str(&format!(
        "#heading(level: 1)[{}]\n",
        text(&i18n::t("pdf-agenda"))
    ));
    s.push_str(&format!(
        "#table(columns: (auto, 1fr, auto, auto), table.header([#strong[{}]], [#strong[{}]], [#strong[{}]], [#strong[{}]]),\n",
        text(&i18n::t("pdf-no")),
        text(&i18n::t("pdf-item")),
        text(&i18n::t("pdf-minutes")),
        text(&i18n::t("pdf-page"))
    ));
    for i in &f.items {
        let mut cell = String::new();
        let label = format!("<item-{}>", i.number);
        cell.push_str(&format!("#link({label})[{}]", text(&i.title)));
        let mut notes = Vec::new();
        if let (Some(p), Some(o)) = (&i.presenter, &i.organisation) {
            notes.push(format!("{p}, {o}"));
        } else if let Some(o) = &i.organisation {
            notes.push(o.clone());
        }
        if let Some(t) = i.item_type.as_deref().and_then(ItemType::parse) {
            notes.push(if i.to_note {
                i18n::t("pdf-to-note")
            } else {
                t.label().to_string()
            });
        }
        if i.paper.is_none()
            && let Some(r) = &i.verbal_reason
        {
            notes.push(format!("{} {r}", i18n::t("pdf-verbal")));
        }
        if i.late {
            notes.push(match &i.late_reason {
                Some(r) => format!("{} {r}", i18n::t("pdf-late-colon")),
                None => i18n::t("pdf-late"),
            });
        }
        if let Some(r) = &i.supplement {
            notes.push(format!("{} {r}", i18n::t("pdf-supplement")));
        }
        if let Some(c) = i.exempt_category {
            notes.push(i18n::t_args(
                "pdf-exempt-category",
                &[("category", Arg::Number(i64::from(c)))],
            ));
        }
        if i.kind == ItemKind::Exclusion {
            notes.push(i18n::t("pdf-exclusion-note"));
        }
        for n in notes {
            cell.push_str(&format!("#linebreak()#text(size: 9pt)[{}]", text(&n)));
        }
        let page = format!("#context counter(page).at({label}).first()");
        s.push_str(&format!(
            "[{}], [{cell}], [{}], [{page}],\n",
            i.number, i.minutes
        ));
    }
    s.push_str(")\n");
    // Members' briefing.
    if !briefs.is_empty() {
        s.push_str(&format!(
            "#pagebreak()\n#heading(level: 1)[{}]\n",
            text(&i18n::t("mail-agenda-briefing"))
        ));
        for b in briefs {
            // "5\. …": an unescaped "5. " would start a numbered list.
            s.push_str(&format!(
                "#heading(level: 2)[{}]\n",
                text(&i18n::t_args(
                    "pdf-briefing-on",
                    &[
                        ("number", Arg::Number(i64::from(b.number))),
                        ("title", Arg::Text(&b.title))
                    ]
                ))
            ));
            let mut rows: Vec<(String, String)> = Vec::new();
            if !b.asked.is_empty() {
                rows.push((i18n::t("pdf-asked"), b.asked.clone()));
            }
            if !b.presented_by.is_empty() {
                rows.push((i18n::t("brief-presented-by"), b.presented_by.clone()));
            }
            for t in &b.tags {
                rows.push((i18n::t("pdf-status"), t.clone()));
            }
            if b.withheld {
                rows.push((i18n::t("pdf-briefing"), i18n::t("pdf-exempt-members")));
            } else {
                if !b.verbal.is_empty() {
                    rows.push((i18n::t("mail-agenda-verbal"), b.verbal.clone()));
                }
                if !b.purpose.is_empty() {
                    rows.push((i18n::t("paper-field-purpose"), b.purpose.clone()));
                }
                let asked = if b.decision {
                    "brief-decision-asked"
                } else {
                    "brief-recommendations"
                };
                for r in &b.recommendations {
                    rows.push((i18n::t(asked), r.clone()));
                }
                for (h, t) in &b.implications {
                    rows.push((h.clone(), t.clone()));
                }
                if !b.consulted.is_empty() {
                    rows.push((i18n::t("paper-field-consulted"), b.consulted.clone()));
                }
            }
            s.push_str(&terms(&rows));
        }
    }
    // Every item, in order: one heading (and so one bookmark) each. Papers
    // start on a new page; items without a paper say what they are.
    let mut after_paper = true;
    for i in &f.items {
        let Some(p) = &i.paper else {
            if after_paper {
                s.push_str("#pagebreak()\n");
            }
            after_paper = false;
            s.push_str(&format!(
                "#heading(level: 1)[{}] <item-{}>\n",
                text(&format!("{}. {}", i.number, i.title)),
                i.number
            ));
            s.push_str(&item_without_paper(i));
            continue;
        };
        after_paper = true;
        s.push_str("#pagebreak()\n");
        s.push_str(&format!(
            "#heading(level: 1)[{}] <item-{}>\n",
            text(&format!("{}. {}", i.number, p.title)),
            i.number
        ));
        let mut rows: Vec<(String, String)> = Vec::new();
        if let Some(t) = i.item_type.as_deref().and_then(ItemType::parse) {
            rows.push((i18n::t("pdf-for"), t.label()));
        }
        if let (Some(pr), Some(o)) = (&i.presenter, &i.organisation) {
            rows.push((i18n::t("brief-presented-by"), format!("{pr}, {o}")));
        }
        if let Some(sp) = &p.sponsor {
            rows.push((i18n::t("paper-field-sponsor"), sp.clone()));
        }
        if i.late {
            rows.push((
                i18n::t("pdf-late"),
                i.late_reason.clone().unwrap_or_else(|| i18n::t("pdf-yes")),
            ));
        }
        if let Some(r) = &i.supplement {
            rows.push((i18n::t("pdf-supplement-heading"), r.clone()));
        }
        rows.push((i18n::t("paper-field-purpose"), p.purpose.clone()));
        rows.push((i18n::t("paper-field-summary"), p.summary.clone()));
        for (n, r) in p.recommendations.iter().enumerate() {
            rows.push((
                i18n::t_args("pdf-recommendation", &[("number", Arg::count(n + 1))]),
                r.clone(),
            ));
        }
        for (h, t) in &p.implications {
            rows.push((h.clone(), t.clone()));
        }
        if !p.consulted.is_empty() {
            rows.push((i18n::t("paper-field-consulted"), p.consulted.join(", ")));
        }
        if let Some(pr) = &p.priority {
            rows.push((i18n::t("pdf-priority"), pr.clone()));
        }
        rows.push((
            i18n::t("pdf-length"),
            i18n::t_args("pdf-words", &[("count", Arg::count(p.word_count))]),
        ));
        s.push_str(&format!(
            "#heading(level: 2)[{}]\n",
            text(&i18n::t("pdf-cover-sheet"))
        ));
        s.push_str(&terms(&rows));
        s.push_str(&format!(
            "#heading(level: 2)[{}]\n",
            text(&i18n::t("pdf-report"))
        ));
        s.push_str(&markdown(&p.body_markdown, 3));
        if !p.attachments.is_empty() {
            s.push_str(&format!(
                "\n#heading(level: 2)[{}]\n",
                text(&i18n::t("pdf-appendices"))
            ));
            s.push_str(&format!(
                "{}\n\n#list(",
                text(&i18n::t("pdf-separate-files"))
            ));
            for (_, name) in &p.attachments {
                s.push_str(&format!("[{}],", text(name)));
            }
            s.push_str(")\n");
        }
    }
    s
}

/// What the previous meeting's minutes in a pack are: a draft for this
/// meeting to approve, or approved, and of which day.
pub fn previous_minutes_note(m: &crate::domain::frozen::PreviousMinutes, lang: Lang) -> String {
    let key = if m.approved {
        "pack-minutes-approved"
    } else {
        "pack-minutes-draft"
    };
    let day = crate::domain::format::london_day(m.meeting_starts_at);
    i18n::text_with(lang, key, &[("date", i18n::Arg::Text(&day))])
}

/// What an item without a paper is: a standard item, the action log, the
/// resolution to exclude the public, a verbal report, or withheld.
fn item_without_paper(i: &crate::domain::frozen::FrozenItem) -> String {
    let mut s = String::new();
    match i.kind {
        ItemKind::ActionLog if !i.action_log.is_empty() => {
            s.push_str(&format!("{}\n\n", text(&i18n::t("pdf-action-log-intro"))));
            s.push_str(&format!(
                "#table(columns: (1fr, auto, auto, auto), table.header([#strong[{}]], [#strong[{}]], [#strong[{}]], [#strong[{}]]),\n",
                text(&i18n::t("pdf-action")),
                text(&i18n::t("pdf-owner")),
                text(&i18n::t("pdf-due")),
                text(&i18n::t("pdf-status"))
            ));
            for a in &i.action_log {
                let mut what = String::new();
                if !a.reference.is_empty() {
                    what.push_str(&format!("{}: ", text(&a.reference)));
                }
                what.push_str(&text(&a.description));
                if !a.latest_note.is_empty() {
                    what.push_str(&format!(
                        "#linebreak()#text(size: 9pt)[{} {}]",
                        text(&i18n::t("pdf-latest")),
                        text(&a.latest_note)
                    ));
                }
                s.push_str(&format!(
                    "[{what}], [{}], [{}], [{}],\n",
                    text(&format!("{}, {}", a.owner, a.organisation)),
                    text(&crate::domain::format::london_date_words(a.due_on)),
                    text(
                        &crate::domain::actions::ActionStatus::from_label(&a.status)
                            .map(|st| st.label())
                            .unwrap_or_else(|| a.status.clone())
                    )
                ));
            }
            s.push_str(")\n");
        }
        ItemKind::ActionLog => s.push_str(&format!("{}\n\n", text(&i18n::t("pdf-no-actions")))),
        ItemKind::Minutes => match &i.previous_minutes {
            Some(m) => {
                s.push_str(&format!(
                    "#heading(level: 2)[{}]\n",
                    text(&i18n::t("pack-minutes-heading"))
                ));
                s.push_str(&format!(
                    "#emph[{}]\n\n",
                    text(&previous_minutes_note(m, i18n::current()))
                ));
                s.push_str(&markdown(&m.markdown, 3));
                s.push('\n');
            }
            None => s.push_str(&format!("{}\n\n", text(&i18n::t("pack-minutes-none")))),
        },
        ItemKind::Exclusion => s.push_str(&format!("{}\n\n", text(&i18n::t("pdf-exclusion")))),
        ItemKind::Substantive
            if i.is_exempt() && i.paper.is_none() && i.verbal_reason.is_none() =>
        {
            s.push_str(&format!(
                "{}\n\n",
                text(&i18n::t("pdf-exempt-not-included"))
            ));
        }
        ItemKind::Substantive => match &i.verbal_reason {
            Some(r) => s.push_str(&format!("{} {}\n\n", text(&i18n::t("pdf-verbal")), text(r))),
            None => s.push_str(&format!("{}\n\n", text(&i18n::t("pdf-no-paper")))),
        },
        _ => s.push_str(&format!("{}\n\n", text(&i18n::t("pdf-standard-item")))),
    }
    s
}

fn terms(rows: &[(String, String)]) -> String {
    let mut s = String::from("#terms(");
    for (k, v) in rows {
        s.push_str(&format!("terms.item([{}], [{}]),", text(k), text(v)));
    }
    s.push_str(")\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_that_cannot_be_typeset_is_named_before_it_reaches_a_pack() {
        assert_eq!(report_lays_out("A short report.\n\n- one\n- two"), Ok(()));
        // Deep nesting is bounded by the conversion, so even this lays out.
        let deep = format!("{}deep", "> ".repeat(60));
        assert_eq!(report_lays_out(&deep), Ok(()));
        // What the check catches: Typst that cannot be laid out, with its reason.
        let broken = format!("{}x{}", "#quote[".repeat(200), "]".repeat(200));
        let err = lays_out(broken).expect_err("too deep to lay out");
        assert!(
            matches!(&err, Failure::Refused(why) if !why.is_empty()),
            "the reason is given: {err:?}"
        );
    }
}
