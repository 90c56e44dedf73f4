//! The layer rule of docs/architecture.md, checked by reading the sources:
//! a handler in `web/` never touches the database (no `crate::db`, no
//! diesel, no connection); nothing below `web/` imports it; `domain/` does
//! no I/O and needs none of the service's own plumbing.

use std::path::{Path, PathBuf};

/// Top-level modules of the crate a layer may never name.
struct Rule {
    layer: &'static str,
    /// `crate::X` for these X is refused.
    modules: &'static [&'static str],
    /// Any of these words in the code is refused.
    words: &'static [&'static str],
}

const RULES: &[Rule] = &[
    Rule {
        layer: "web",
        modules: &["db"],
        words: &["diesel", "DbConn", "DbPool"],
    },
    Rule {
        layer: "services",
        modules: &["web", "views"],
        words: &["actix_web::web", "HttpRequest", "HttpResponse"],
    },
    Rule {
        layer: "db",
        modules: &["web", "services", "views", "render", "mail", "state"],
        words: &["actix_web"],
    },
    Rule {
        layer: "views",
        modules: &["web", "db"],
        words: &["diesel", "DbConn", "actix_web"],
    },
    Rule {
        layer: "render",
        modules: &["web", "views", "services", "db", "state"],
        words: &["diesel", "DbConn", "actix_web"],
    },
    Rule {
        layer: "mail",
        // Mail is queued in the outbox, in the caller's transaction.
        modules: &["web", "services", "views", "state"],
        words: &["actix_web"],
    },
    Rule {
        layer: "domain",
        modules: &[
            "web", "services", "db", "views", "render", "mail", "state", "error", "clock",
            "config", "jobs", "startup",
        ],
        words: &[
            "actix", "diesel", "tokio", "lettre", "std::fs", "std::net", "std::env", "reqwest",
        ],
    },
];

/// Every `crate::X` this source names, with its line: `use crate::{db, x}`
/// names both.
fn crate_modules(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            if let Some(group) = after.strip_prefix('{') {
                // Only the first name of each item counts: `crate::{db::x, y}`.
                let inner = group.split('}').next().unwrap_or("");
                for item in inner.split(',') {
                    let name: String = item
                        .trim()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if !name.is_empty() {
                        found.push((n + 1, name));
                    }
                }
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.push((n + 1, name));
            }
            rest = after;
        }
    }
    found
}

/// The code without `//` comments (doc comments may talk about anything).
fn without_comments(source: &str) -> String {
    source
        .lines()
        .map(|l| {
            // The first `//` outside a string starts the comment ("http://"
            // is not one).
            let comment = l
                .match_indices("//")
                .map(|(at, _)| at)
                .find(|&at| l[..at].matches('"').count() % 2 == 0);
            match comment {
                Some(at) => &l[..at],
                None => l,
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every breach of `rule` in one file's source, as "file:line: what".
fn breaches(rule: &Rule, file: &str, source: &str) -> Vec<String> {
    let code = without_comments(source);
    let mut out = Vec::new();
    for (line, module) in crate_modules(&code) {
        if rule.modules.contains(&module.as_str()) {
            out.push(format!(
                "{file}:{line}: the {} layer names crate::{module}",
                rule.layer
            ));
        }
    }
    for (n, text) in code.lines().enumerate() {
        for word in rule.words {
            let mut from = 0;
            while let Some(at) = text[from..].find(word) {
                let start = from + at;
                let end = start + word.len();
                let before = text[..start].chars().next_back();
                let after = text[end..].chars().next();
                let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
                if !ident(before) && !ident(after) {
                    out.push(format!(
                        "{file}:{}: the {} layer uses {word}",
                        n + 1,
                        rule.layer
                    ));
                }
                from = end;
            }
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Files of a layer: its folder, or `src/<layer>.rs` for a one-file layer.
fn layer_files(src: &Path, layer: &str) -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&src.join(layer), &mut files);
    let single = src.join(format!("{layer}.rs"));
    if single.is_file() {
        files.push(single);
    }
    files.sort();
    files
}

#[test]
fn every_layer_keeps_to_the_rule_in_architecture_md() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    let mut checked = 0;
    for rule in RULES {
        for file in layer_files(&src, rule.layer) {
            let source = std::fs::read_to_string(&file).expect("source readable");
            let name = file
                .strip_prefix(&src)
                .map(|p| format!("src/{}", p.display()))
                .unwrap_or_default();
            all.extend(breaches(rule, &name, &source));
            checked += 1;
        }
    }
    assert!(
        checked > 60,
        "only {checked} files were read: is src/ there?"
    );
    assert!(
        all.is_empty(),
        "{} breaches of the layer rule (docs/architecture.md):\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn the_checker_sees_a_handler_that_reaches_the_database() {
    let web = &RULES[0];
    let handler = "use crate::services::papers;\nuse crate::{db::papers as p, views};\n\
                   fn f(c: &mut DbConn) { crate::db::papers::find(c, \"x\"); }\n\
                   // crate::db in a comment is fine\n\
                   let u = \"http://x\"; // crate::db\n";
    let found = breaches(web, "src/web/x.rs", handler);
    assert_eq!(
        found,
        [
            "src/web/x.rs:2: the web layer names crate::db",
            "src/web/x.rs:3: the web layer names crate::db",
            "src/web/x.rs:3: the web layer uses DbConn",
        ]
    );
    // A name that only contains a word is not the word.
    assert!(breaches(web, "x.rs", "fn my_diesel_free() {}").is_empty());
}
