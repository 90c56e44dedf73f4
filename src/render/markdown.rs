//! Markdown (tables, footnotes, strikethrough) rendered by pulldown-cmark and
//! then sanitised by ammonia into `SafeHtml`, the only value a template may
//! print unescaped.

use std::fmt;
use std::sync::OnceLock;

use pulldown_cmark::{Options, Parser, html};

/// HTML that has been sanitised. It can only be made by `render`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SafeHtml(String);

impl SafeHtml {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SafeHtml {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for SafeHtml {}

impl serde::Serialize for SafeHtml {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

fn sanitiser() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::default();
        // Footnote links need ids; prefixing them stops a paper from
        // clobbering the page's own ids.
        b.add_generic_attributes(["id"])
            .id_prefix(Some("paper-"))
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("noopener noreferrer nofollow"))
            .add_allowed_classes("td", ["align-left", "align-center", "align-right"])
            .add_allowed_classes("th", ["align-left", "align-center", "align-right"]);
        b
    })
}

/// Renders untrusted Markdown to safe HTML.
pub fn render(markdown: &str) -> SafeHtml {
    render_below(markdown, 0)
}

/// As `render`, for a document shown under a heading of `level`: its own
/// headings move down so that `#` becomes a heading of `level + 1` (at
/// most level 6).
pub fn render_below(markdown: &str, level: usize) -> SafeHtml {
    use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
    let shift = |l: HeadingLevel| {
        HeadingLevel::try_from((l as usize + level).min(6)).unwrap_or(HeadingLevel::H6)
    };
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_FOOTNOTES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let parser = Parser::new_ext(markdown, options).map(|e| match e {
        Event::Start(Tag::Heading {
            level: l,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: shift(l),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(l)) => Event::End(TagEnd::Heading(shift(l))),
        other => other,
    });
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, parser);
    // Footnote references point at "#name"; ids get the prefix, so links must too.
    let raw = raw.replace("href=\"#", "href=\"#paper-");
    // Column alignment arrives as inline style, which is never allowed through;
    // it becomes a class the stylesheet knows.
    let raw = raw
        .replace(" style=\"text-align: left\"", " class=\"align-left\"")
        .replace(" style=\"text-align: center\"", " class=\"align-center\"")
        .replace(" style=\"text-align: right\"", " class=\"align-right\"");
    SafeHtml(sanitiser().clean(&raw).to_string())
}

/// The text of a Markdown document without its markup (for word counts).
pub use crate::domain::format::markdown_text as plain_text;

#[cfg(test)]
mod tests {
    use super::*;

    /// Payloads from the usual XSS cheat sheets. None may survive as markup.
    const XSS: &[&str] = &[
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\">",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "[x](javascript:alert(1))",
        "[x](JAVASCRIPT:alert(1))",
        "![x](javascript:alert(1))",
        "[x](data:text/html,<script>alert(1)</script>)",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<style>body{background:red}</style>",
        "<body onload=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=\"javascript:alert(1)\">",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<<script>script>alert(1)<</script>/script>",
        "<p title=\"</p><script>alert(1)</script>\">x</p>",
        "<table><tr><td background=\"javascript:alert(1)\">x</td></tr></table>",
        "<a href=\"#\" onclick=\"alert(1)\">x</a>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<marquee onstart=alert(1)>x</marquee>",
        "`<script>alert(1)</script>`",
        "<template><script>alert(1)</script></template>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    ];

    const FORBIDDEN_TAGS: &[&str] = &[
        "script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "button",
        "meta", "base", "link", "template", "noscript", "video", "source", "marquee", "body",
    ];

    /// Scans sanitised output (well-formed: every `<` starts a tag) for live
    /// markup: forbidden elements, event handlers, styles, script URLs.
    fn live_markup(html: &str) -> Option<String> {
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            let after = &rest[i + 1..];
            let mut quoted = false;
            let end = after.char_indices().find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == '>' && !quoted
            });
            let Some((end, _)) = end else {
                return Some("unterminated tag".into());
            };
            let tag = after[..end].trim_start_matches('/');
            rest = &after[end + 1..];
            let mut parts = tag.splitn(2, char::is_whitespace);
            let name = parts
                .next()
                .unwrap_or("")
                .trim_end_matches('/')
                .to_ascii_lowercase();
            if FORBIDDEN_TAGS.contains(&name.as_str()) {
                return Some(format!("<{name}>"));
            }
            let mut attrs = parts.next().unwrap_or("");
            while !attrs.trim().is_empty() {
                attrs = attrs.trim_start();
                let name_end = attrs
                    .find(|c: char| c == '=' || c.is_whitespace())
                    .unwrap_or(attrs.len());
                let attr = attrs[..name_end].to_ascii_lowercase();
                attrs = &attrs[name_end..];
                let mut value = String::new();
                if let Some(v) = attrs.strip_prefix("=\"") {
                    let close = v.find('"').unwrap_or(v.len());
                    value = v[..close].to_ascii_lowercase();
                    attrs = v.get(close + 1..).unwrap_or("");
                }
                if attr.starts_with("on") || attr == "style" || attr == "srcdoc" {
                    return Some(format!("attribute {attr}"));
                }
                let v = value.replace(['\t', '\n', ' '], "");
                if [
                    "href",
                    "src",
                    "action",
                    "formaction",
                    "background",
                    "xlink:href",
                ]
                .contains(&attr.as_str())
                    && (v.starts_with("javascript:")
                        || v.starts_with("data:")
                        || v.starts_with("vbscript:")
                        || v.contains("&#"))
                {
                    return Some(format!("{attr}={value}"));
                }
            }
        }
        None
    }

    #[test]
    fn xss_payloads_render_inert() {
        assert!(XSS.len() >= 30);
        for payload in XSS {
            let html = render(payload);
            assert_eq!(
                live_markup(html.as_str()),
                None,
                "payload {payload:?} rendered as {:?}",
                html.as_str()
            );
            let wrapped = render(&format!(
                "Intro\n\n{payload}\n\n| a | b |\n|---|---|\n| {payload} | x |\n"
            ));
            assert_eq!(
                live_markup(wrapped.as_str()),
                None,
                "payload {payload:?} in a table rendered as {:?}",
                wrapped.as_str()
            );
        }
    }

    #[test]
    fn the_scanner_itself_catches_live_markup() {
        assert!(live_markup("<p>ok</p><script>x</script>").is_some());
        assert!(live_markup("<img src=\"x\" onerror=\"alert(1)\">").is_some());
        assert!(live_markup("<a href=\"javascript:alert(1)\">x</a>").is_some());
        assert_eq!(
            live_markup("<p title=\"&lt;script&gt;\">onerror=alert(1)</p>"),
            None
        );
    }

    #[test]
    fn tables_footnotes_and_headings_survive() {
        let html = render(
            "## Costs\n\n| Item | £ |\n|---|--:|\n| Clubs | 20,000 |\n\nSee the note.[^1]\n\n[^1]: From the 2027 budget.\n\n[Report](https://example.gov.uk/r)",
        );
        let s = html.as_str();
        assert!(s.contains("<h2>Costs</h2>"));
        assert!(
            s.contains("<table>") && s.contains("<td class=\"align-right\">20,000</td>"),
            "{s}"
        );
        assert!(
            s.contains("href=\"#paper-1\"") && s.contains("id=\"paper-1\""),
            "{s}"
        );
        assert!(s.contains("<a href=\"https://example.gov.uk/r\" rel=\"noopener noreferrer nofollow\">Report</a>"), "{s}");
    }

    #[test]
    fn plain_text_drops_markup() {
        let t = plain_text(
            "# Title\n\nSome **bold** and [a link](https://x.example).\n\n| a | b |\n|---|---|\n| c | d |",
        );
        assert_eq!(crate::domain::briefing::word_count(&t), 10, "{t}");
    }

    #[test]
    fn a_document_under_a_heading_moves_its_headings_down() {
        let html = render_below("# Minutes\n\n## 5. Item\n\n###### Deep", 2);
        assert!(html.as_str().contains("<h3>Minutes</h3>"), "{html}");
        assert!(html.as_str().contains("<h4>5. Item</h4>"), "{html}");
        assert!(html.as_str().contains("<h6>Deep</h6>"), "{html}");
    }
}
