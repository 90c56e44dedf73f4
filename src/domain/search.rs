//! What a search asks for, read from whatever a person types, and written as
//! a query each database's full-text index understands the same way.
//!
//! Words are runs of letters and digits, lower-cased; everything else
//! (quotes aside) only separates them, so operators, SQL, emoji and control
//! characters are never read as anything but text. Every word must match
//! (each index stems it: "ready" finds "readiness"); words in double quotes
//! must match together, in order. Common English words ("the", "of") are
//! left out of the words, as PostgreSQL's english configuration leaves them
//! out of what it indexes, so both databases answer alike.

/// What can be searched for, as named in the API and the `kind` filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Paper,
    Item,
    Decision,
    Action,
    Minutes,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Paper,
        Kind::Item,
        Kind::Decision,
        Kind::Action,
        Kind::Minutes,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Paper => "paper",
            Kind::Item => "item",
            Kind::Decision => "decision",
            Kind::Action => "action",
            Kind::Minutes => "minutes",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

/// The most a search reads of what was typed, and the most words it keeps:
/// a 10,000-character paste is searched by its first words, not refused.
pub const MAX_CHARS: usize = 1_000;
pub const MAX_WORDS: usize = 16;

/// A search, read from what was typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Words each hit must hold (stemmed by the index).
    pub words: Vec<String>,
    /// Runs of words in quotes, each held in order.
    pub phrases: Vec<Vec<String>>,
}

/// The words of `text`: runs of letters and digits, lower-cased.
fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

impl Query {
    pub fn parse(typed: &str) -> Query {
        let typed: String = typed.chars().take(MAX_CHARS).collect();
        let mut query = Query::default();
        let mut budget = MAX_WORDS;
        // Text between double quotes (straight or curly) is a phrase; an
        // unclosed quote is taken as closed at the end.
        let normalised = typed.replace(['\u{201c}', '\u{201d}'], "\"");
        for (n, part) in normalised.split('"').enumerate() {
            if budget == 0 {
                break;
            }
            let words = tokens(part);
            if n % 2 == 1 {
                let mut phrase: Vec<String> = words.into_iter().take(budget).collect();
                while phrase.first().is_some_and(|w| is_stop_word(w)) {
                    phrase.remove(0);
                }
                while phrase.last().is_some_and(|w| is_stop_word(w)) {
                    phrase.pop();
                }
                budget -= phrase.len();
                match phrase.len() {
                    0 => {}
                    1 => query.add_word(phrase.remove(0)),
                    _ => {
                        if !query.phrases.contains(&phrase) {
                            query.phrases.push(phrase);
                        }
                    }
                }
            } else {
                for w in words.into_iter().filter(|w| !is_stop_word(w)) {
                    if budget == 0 {
                        break;
                    }
                    budget -= 1;
                    query.add_word(w);
                }
            }
        }
        query
    }

    fn add_word(&mut self, w: String) {
        if !self.words.contains(&w) {
            self.words.push(w);
        }
    }

    /// Nothing to search for: nothing typed, or only common words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// An SQLite FTS5 match expression: every word and phrase quoted (so
    /// none is read as an operator), all required.
    pub fn to_fts5(&self) -> String {
        let quoted = |w: &[String]| format!("\"{}\"", w.join(" "));
        self.words
            .iter()
            .map(|w| quoted(std::slice::from_ref(w)))
            .chain(self.phrases.iter().map(|p| quoted(p)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A PostgreSQL `to_tsquery` text: words joined by `&`, a phrase's
    /// words by `<->`. Words are only letters and digits, so nothing in
    /// them is an operator.
    pub fn to_tsquery(&self) -> String {
        self.words
            .iter()
            .cloned()
            .chain(
                self.phrases
                    .iter()
                    .map(|p| format!("({})", p.join(" <-> "))),
            )
            .collect::<Vec<_>>()
            .join(" & ")
    }
}

/// PostgreSQL's english stop words (the Snowball list): words so common that
/// its index leaves them out, and so does the query on both databases.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "did",
    "do",
    "does",
    "doing",
    "don",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "s",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

pub fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.binary_search(&w).is_ok()
}

/// The marks a database puts around the matched words of a snippet: control
/// characters, which no stored text may hold.
pub const MARK_START: char = '\u{1}';
pub const MARK_END: char = '\u{2}';

/// A piece of a snippet, matched or not.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Part {
    pub text: String,
    /// This piece matched the search.
    pub matched: bool,
}

/// A snippet marked by the database, as plain text and as pieces to show
/// with the matches highlighted.
pub fn split_snippet(marked: &str) -> (String, Vec<Part>) {
    let mut parts: Vec<Part> = Vec::new();
    let mut current = String::new();
    let mut matched = false;
    let push = |text: &mut String, matched: bool, parts: &mut Vec<Part>| {
        if text.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(last) if last.matched == matched => last.text.push_str(text),
            _ => parts.push(Part {
                text: text.clone(),
                matched,
            }),
        }
        text.clear();
    };
    for c in marked.chars() {
        match c {
            MARK_START | MARK_END => {
                push(&mut current, matched, &mut parts);
                matched = c == MARK_START;
            }
            c if c.is_control() && c != '\n' => current.push(' '),
            '\n' => current.push(' '),
            c => current.push(c),
        }
    }
    push(&mut current, matched, &mut parts);
    let plain = parts.iter().map(|p| p.text.as_str()).collect();
    (plain, parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(q: &Query) -> Vec<&str> {
        q.words.iter().map(String::as_str).collect()
    }

    #[test]
    fn the_stop_words_are_sorted_for_lookup() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the") && !is_stop_word("school"));
    }

    #[test]
    fn every_word_is_required_and_common_words_are_left_out() {
        let q = Query::parse("  School   readiness in the County ");
        assert_eq!(words(&q), ["school", "readiness", "county"]);
        assert_eq!(q.to_fts5(), "\"school\" \"readiness\" \"county\"");
        assert_eq!(q.to_tsquery(), "school & readiness & county");
    }

    #[test]
    fn quoted_words_are_a_phrase() {
        let q = Query::parse("budget \u{201c}the school readiness\u{201d} \"of\" \"x");
        assert_eq!(words(&q), ["budget", "x"]);
        assert_eq!(q.phrases, [vec!["school".to_string(), "readiness".into()]]);
        assert_eq!(q.to_fts5(), "\"budget\" \"x\" \"school readiness\"");
        assert_eq!(q.to_tsquery(), "budget & x & (school <-> readiness)");
    }

    #[test]
    fn operators_sql_and_emoji_are_only_text() {
        for typed in [
            "school OR readiness",
            "\"; DROP TABLE papers; --",
            "NEAR(a b) AND * ^ - + : ( ) ' \\ %",
            "\u{1f3eb}\u{1f4da}",
            "a\u{0}b\u{7f}c",
            "title:foo & !bar | baz <-> qux",
        ] {
            let q = Query::parse(typed);
            for w in q.words.iter().chain(q.phrases.iter().flatten()) {
                assert!(w.chars().all(char::is_alphanumeric), "{typed:?} gave {w:?}");
            }
        }
        assert!(Query::parse("\u{1f3eb}\u{1f4da} the of").is_empty());
        assert!(Query::parse("").is_empty());
        assert_eq!(words(&Query::parse("Llŷr's café")), ["llŷr", "café"]);
    }

    #[test]
    fn a_long_paste_is_searched_by_its_first_words() {
        let long = "word ".repeat(3_000) + &"other ".repeat(3_000);
        assert_eq!(words(&Query::parse(&long)), ["word"]);
        let many: String = (0..100).map(|n| format!("w{n} ")).collect();
        assert_eq!(Query::parse(&many).words.len(), MAX_WORDS);
    }

    #[test]
    fn kinds_read_back() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        assert_eq!(Kind::parse("everything"), None);
    }

    #[test]
    fn a_marked_snippet_splits_into_matched_pieces() {
        let (plain, parts) = split_snippet("…the \u{1}school\u{2} \u{1}readiness\u{2} plan\n");
        assert_eq!(plain, "…the school readiness plan ");
        assert_eq!(
            parts,
            [
                Part {
                    text: "…the ".into(),
                    matched: false
                },
                Part {
                    text: "school".into(),
                    matched: true
                },
                Part {
                    text: " ".into(),
                    matched: false
                },
                Part {
                    text: "readiness".into(),
                    matched: true
                },
                Part {
                    text: " plan ".into(),
                    matched: false
                },
            ]
        );
    }
}
