//! Typst markup from user text and Markdown, for the board pack PDF.
//!
//! Structure is only ever emitted as function calls written here; every
//! user string goes through `text` (markup) or `string` (a string literal),
//! so a paper can never run Typst code, read files or import packages:
//! `#read(...)`, `$x$`, `<label>`, `@ref` and comments come out as text.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// User text as literal Typst markup: ASCII punctuation backslash-escaped,
/// line and paragraph breaks (and their Unicode separators) turned into
/// spaces, control characters dropped.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push(' '),
            c if c.is_control() => {}
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// User text as a Typst string literal, quotes included.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\u{2028}' | '\u{2029}' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How deep quotes and lists may nest in the pack.
pub const MAX_NESTING: usize = 8;

/// Markdown as Typst markup. Headings start at `base` (the level of the
/// first heading in the paper) and never skip a level, so the PDF outline
/// and its tags stay well formed. Images become their alt text; raw HTML
/// is shown as literal text; links keep only web and mail addresses.
///
/// Quotes and lists nest at most `MAX_NESTING` deep: deeper levels are
/// written at the deepest level, so no paper can exhaust the typesetter
/// (twenty nested `>` once made every pack of its meeting fail).
pub fn markdown(md: &str, base: u8) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_FOOTNOTES);
    opts.insert(Options::ENABLE_TASKLISTS);
    let mut out = String::with_capacity(md.len() * 2);
    let mut last_level = base.saturating_sub(1);
    let mut in_image = 0usize;
    let mut code: Option<String> = None;
    // For each open quote or list: was its wrapper written?
    let mut nest: Vec<bool> = Vec::new();
    let deep = |nest: &[bool]| nest.iter().filter(|w| **w).count() >= MAX_NESTING;
    for event in Parser::new_ext(md, opts) {
        if let Some(buf) = code.as_mut() {
            match event {
                Event::Text(t) => buf.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    out.push_str(&format!("\n#raw(block: true, {})\n", string(buf)));
                    code = None;
                }
                _ => {}
            }
            continue;
        }
        if in_image > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => in_image += 1,
                Event::End(TagEnd::Image) => in_image -= 1,
                Event::Text(t) | Event::Code(t) => out.push_str(&text(&t)),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {}
                Tag::Heading { level, .. } => {
                    let wanted = base.saturating_add(heading_rank(level)).min(6);
                    let lvl = wanted.min(last_level.saturating_add(1)).max(base);
                    last_level = lvl;
                    out.push_str(&format!("\n#heading(level: {lvl})["));
                }
                Tag::BlockQuote(_) => {
                    let write = !deep(&nest);
                    nest.push(write);
                    if write {
                        out.push_str("\n#quote(block: true)[");
                    }
                }
                Tag::CodeBlock(_) => code = Some(String::new()),
                Tag::List(start) => {
                    let write = !deep(&nest);
                    nest.push(write);
                    match (write, start) {
                        (true, Some(start)) => out.push_str(&format!("\n#enum(start: {start}, ")),
                        (true, None) => out.push_str("\n#list("),
                        (false, _) => {}
                    }
                }
                Tag::Item => {
                    if nest.last() == Some(&true) {
                        out.push('[');
                    } else {
                        out.push_str("\n\n– ");
                    }
                }
                Tag::FootnoteDefinition(name) => {
                    out.push_str(&format!("\n#block[#super[{}] ", text(&name)));
                }
                Tag::Table(aligns) => {
                    let cols = aligns.len().max(1);
                    let align: Vec<&str> = aligns
                        .iter()
                        .map(|a| match a {
                            pulldown_cmark::Alignment::Right => "right",
                            pulldown_cmark::Alignment::Center => "center",
                            _ => "left",
                        })
                        .collect();
                    out.push_str(&format!(
                        "\n#table(columns: {cols}, align: ({},), ",
                        align.join(", ")
                    ));
                }
                Tag::TableHead => out.push_str("table.header("),
                Tag::TableRow => {}
                Tag::TableCell => out.push('['),
                Tag::Emphasis => out.push_str("#emph["),
                Tag::Strong => out.push_str("#strong["),
                Tag::Strikethrough => out.push_str("#strike["),
                Tag::Link { dest_url, .. } => {
                    let url = dest_url.to_string();
                    if url.starts_with("https://")
                        || url.starts_with("http://")
                        || url.starts_with("mailto:")
                    {
                        out.push_str(&format!("#link({})[", string(&url)));
                    } else {
                        out.push_str("#[");
                    }
                }
                Tag::Image { .. } => in_image = 1,
                _ => out.push_str("#["),
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph => out.push_str("\n\n"),
                TagEnd::Heading(_) => out.push_str("]\n"),
                TagEnd::BlockQuote(_) => {
                    if nest.pop().unwrap_or(true) {
                        out.push_str("]\n");
                    }
                }
                TagEnd::List(_) => {
                    if nest.pop().unwrap_or(true) {
                        out.push_str(")\n");
                    }
                }
                TagEnd::Item => {
                    if nest.last() == Some(&true) {
                        out.push_str("],");
                    } else {
                        out.push_str("\n\n");
                    }
                }
                TagEnd::FootnoteDefinition => out.push_str("]\n"),
                TagEnd::Table => out.push_str(")\n"),
                TagEnd::TableHead => out.push_str("),"),
                TagEnd::TableRow => {}
                TagEnd::TableCell => out.push_str("],"),
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                    out.push(']')
                }
                TagEnd::Image => {}
                _ => out.push(']'),
            },
            Event::Text(t) => out.push_str(&text(&t)),
            Event::Code(t) => out.push_str(&format!("#raw({})", string(&t))),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str("#linebreak()"),
            Event::Rule => out.push_str("\n#line(length: 100%)\n"),
            Event::FootnoteReference(name) => {
                out.push_str(&format!("#super[{}]", text(&name)));
            }
            Event::TaskListMarker(done) => out.push_str(if done { "☑ " } else { "☐ " }),
            // Raw HTML is not interpreted: it is shown as the text it is.
            Event::Html(t) | Event::InlineHtml(t) => out.push_str(&text(&t)),
            Event::InlineMath(t) | Event::DisplayMath(t) => out.push_str(&text(&t)),
        }
    }
    out
}

fn heading_rank(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 0,
        HeadingLevel::H2 => 1,
        HeadingLevel::H3 => 2,
        HeadingLevel::H4 => 3,
        HeadingLevel::H5 => 4,
        HeadingLevel::H6 => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typst_syntax_in_user_text_is_literal() {
        let hostile = "#read(\"/etc/passwd\") #import \"@preview/x:1.0\": * $x^2$ <label> @ref // c /* d */ = h - l + e * b _ i ` r \\ [x] {y}";
        let t = text(hostile);
        // Every ASCII punctuation character is escaped.
        let mut chars = t.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' {
                assert!(chars.next().is_some_and(|n| n.is_ascii_punctuation()));
            } else {
                assert!(!c.is_ascii_punctuation(), "unescaped {c} in {t}");
            }
        }
        assert_eq!(text("a\nb\u{2028}c\u{7}d"), "a b cd");
        assert_eq!(string("say \"hi\"\\\n"), "\"say \\\"hi\\\"\\\\\\n\"");
    }

    #[test]
    fn markdown_structure_becomes_function_calls() {
        let md = "# Background\n\nSome *em* and **strong**.\n\n### Deep\n\n- one\n- two\n\n| A | B |\n|---|--:|\n| 1 | 2 |\n\n[site](https://example.org) and [bad](javascript:alert(1))\n\n![alt text](/etc/passwd)\n";
        let t = markdown(md, 2);
        assert!(t.contains("#heading(level: 2)[Background]"), "{t}");
        assert!(
            t.contains("#heading(level: 3)[Deep]"),
            "no skipped level: {t}"
        );
        assert!(t.contains("#emph[em]") && t.contains("#strong[strong]"));
        assert!(t.contains("#list([one],[two],)"), "{t}");
        assert!(
            t.contains(
                "#table(columns: 2, align: (left, right,), table.header([A],[B],),[1],[2],)"
            ),
            "{t}"
        );
        assert!(t.contains("#link(\"https://example.org\")[site]"));
        assert!(!t.contains("javascript"), "{t}");
        assert!(t.contains("alt text") && !t.contains("/etc/passwd"));
    }

    #[test]
    fn code_is_a_string_literal() {
        let t = markdown(
            "Use `#read(\"x\")` here.\n\n```\n#import \"a\"\n$b$\n```\n",
            2,
        );
        assert!(t.contains("#raw(\"#read(\\\"x\\\")\")"), "{t}");
        assert!(
            t.contains("#raw(block: true, \"#import \\\"a\\\"\\n$b$\\n\")"),
            "{t}"
        );
    }

    #[test]
    fn deep_nesting_is_bounded_and_still_typesets() {
        let quotes = format!("{} the end of the quote", ">".repeat(40));
        let mut lists = String::new();
        for depth in 0..60 {
            lists.push_str(&format!("{}- level {depth}\n", "  ".repeat(depth)));
        }
        for md in [quotes.as_str(), lists.as_str()] {
            let t = markdown(md, 2);
            assert!(t.matches("#quote(").count() <= MAX_NESTING, "{t}");
            assert!(t.matches("#list(").count() <= MAX_NESTING, "{t}");
            // Every word is still there.
            assert!(
                t.contains("the end of the quote") || t.contains("level 59"),
                "{t}"
            );
            let doc = format!("#set page(width: 15cm, height: auto)\n{t}");
            crate::render::pack_pdf::compile(doc).expect("typesets");
        }
    }
}
