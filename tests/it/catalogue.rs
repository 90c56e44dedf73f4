//! The message catalogues (`locales/`) against the code that uses them:
//! every key a template or a source file asks for is in the catalogue, and
//! every key in the catalogue is used somewhere (or by another message).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The first string literal after each `marker` in `text`.
fn keys_after(text: &str, marker: &str, out: &mut BTreeSet<String>) {
    let mut rest = text;
    while let Some(at) = rest.find(marker) {
        rest = &rest[at + marker.len()..];
        let Some(open) = rest.find('"') else { break };
        // Only a literal that is the call's first or second argument (not
        // an argument's name when the key is a variable: `&[("date", …`).
        if rest[..open].contains([')', ';', '[']) {
            continue;
        }
        let after = &rest[open + 1..];
        // A key made at run time (`&format!("paper-status-{status}")`) is
        // not one key.
        if let Some(close) = after.find('"')
            && !after[..close].contains('{')
        {
            out.insert(after[..close].to_string());
        }
    }
}

/// Keys used by templates (`nav.t("…")`) and by Rust code
/// (`i18n::text(lang, "…")`, `i18n::text_with(…)`).
fn used_keys() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut paths = Vec::new();
    files(&root().join("templates"), "html", &mut paths);
    files(&root().join("templates"), "txt", &mut paths);
    files(&root().join("templates"), "typ", &mut paths);
    for p in &paths {
        let text = std::fs::read_to_string(p).expect("template");
        keys_after(&text, ".t(", &mut keys);
        keys_after(&text, ".t_with(", &mut keys);
    }
    let mut sources = Vec::new();
    files(&root().join("src"), "rs", &mut sources);
    for p in sources.iter().filter(|p| !p.ends_with("i18n.rs")) {
        let text = std::fs::read_to_string(p).expect("source");
        for marker in [
            "i18n::text(",
            "i18n::text_with(",
            ".t(",
            "i18n::t(",
            "i18n::t_args(",
            "i18n::say(",
            "i18n::say_args(",
            " say(",
            " say_args(",
        ] {
            keys_after(&text, marker, &mut keys);
        }
    }
    keys
}

/// The text of every template and source file.
fn all_code() -> String {
    let mut paths = Vec::new();
    for ext in ["html", "txt", "typ"] {
        files(&root().join("templates"), ext, &mut paths);
    }
    files(&root().join("src"), "rs", &mut paths);
    paths
        .iter()
        .filter(|p| !p.ends_with("i18n.rs"))
        .map(|p| std::fs::read_to_string(p).expect("source"))
        .collect()
}

/// (key, file) of every message in a language's folder, and the text of
/// all its files (for messages that use other messages).
fn catalogue(lang: &str) -> (Vec<(String, String)>, String) {
    let mut paths = Vec::new();
    files(&root().join("locales").join(lang), "ftl", &mut paths);
    let mut keys = Vec::new();
    let mut all = String::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("catalogue");
        for line in text.lines() {
            let first = line.chars().next();
            if first.is_some_and(|c| c.is_ascii_lowercase())
                && let Some((key, _)) = line.split_once('=')
            {
                keys.push((key.trim().to_string(), p.display().to_string()));
            }
        }
        all.push_str(&text);
    }
    (keys, all)
}

#[test]
fn every_key_the_code_uses_is_in_the_catalogue_and_every_key_is_used() {
    let used = used_keys();
    assert!(
        used.len() > 10,
        "the scan found only {} keys: is it reading the templates?",
        used.len()
    );
    let (keys, text) = catalogue("en-GB");
    let missing: Vec<&String> = used
        .iter()
        .filter(|k| !keys.iter().any(|(key, _)| key == *k))
        .collect();
    assert!(
        missing.is_empty(),
        "used but not in locales/en-GB: {missing:?}"
    );
    let mut seen = BTreeSet::new();
    for (key, file) in &keys {
        assert!(seen.insert(key.clone()), "{key} is defined twice ({file})");
    }
    // A key may also be chosen before the call (`let key = if … { "a" }
    // else { "b" }`): any string literal naming it counts as a use.
    let code = all_code();
    let unused: Vec<&(String, String)> = keys
        .iter()
        .filter(|(k, _)| {
            !used.contains(k)
                && !text.contains(&format!("{{ {k} }}"))
                && !code.contains(&format!("\"{k}\""))
        })
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogue but used nowhere: {unused:?}"
    );
}

/// Every string literal in the source that starts with `prefix` and looks
/// like a key (`"field-title"`).
fn literals_with_prefix(prefix: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut sources = Vec::new();
    files(&root().join("src"), "rs", &mut sources);
    for p in &sources {
        let text = std::fs::read_to_string(p).expect("source");
        let quoted = format!("\"{prefix}");
        let mut rest = text.as_str();
        while let Some(at) = rest.find(&quoted) {
            rest = &rest[at + 1..];
            let key: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                .collect();
            if rest[key.len()..].starts_with('"') {
                out.insert(key);
            }
        }
    }
    out
}

/// Problems with what people type name the field from the catalogue
/// (`Problems::line(field, "field-…", …)`): each such key is there in both
/// languages with the words that ask for it (`.required`), and every
/// problem key the code names (`"err-…"`) exists.
#[test]
fn every_field_name_and_problem_the_code_names_is_in_both_catalogues() {
    let fields = literals_with_prefix("field-");
    let errs = literals_with_prefix("err-");
    assert!(fields.len() > 20 && errs.len() > 100, "{fields:?} {errs:?}");
    for lang in ["en-GB", "cy"] {
        let (keys, text) = catalogue(lang);
        for k in fields.iter().chain(&errs) {
            assert!(
                keys.iter().any(|(key, _)| key == k),
                "{k} is used in src/ but not in locales/{lang}"
            );
        }
        for k in &fields {
            let at = text.find(&format!("\n{k} =")).expect("found above");
            let block: String = text[at + 1..]
                .lines()
                .skip(1)
                .take_while(|l| l.starts_with(' '))
                .collect();
            assert!(
                block.contains(".required ="),
                "{k} in locales/{lang} has no .required attribute"
            );
        }
    }
}

#[test]
fn the_scan_finds_a_key_and_not_a_later_literal() {
    let mut keys = BTreeSet::new();
    keys_after(
        r#"{{ nav.t("nav-sign-in") }} x.t(a); "not-a-key""#,
        ".t(",
        &mut keys,
    );
    assert_eq!(keys.into_iter().collect::<Vec<_>>(), vec!["nav-sign-in"]);
}

/// Each message of a language: key → (file name, the variables it uses).
fn messages(lang: &str) -> std::collections::BTreeMap<String, (String, BTreeSet<String>)> {
    let mut paths = Vec::new();
    files(&root().join("locales").join(lang), "ftl", &mut paths);
    let mut out = std::collections::BTreeMap::new();
    for p in paths {
        let file = p
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&p).expect("catalogue");
        let mut current: Option<String> = None;
        for line in text.lines() {
            let first = line.chars().next();
            if first.is_some_and(|c| c.is_ascii_lowercase())
                && let Some((key, _)) = line.split_once('=')
            {
                current = Some(key.trim().to_string());
                out.insert(key.trim().to_string(), (file.clone(), BTreeSet::new()));
            } else if first.is_none_or(|c| c == '#') {
                current = None;
                continue;
            }
            if let Some(key) = &current
                && let Some((_, vars)) = out.get_mut(key)
            {
                let mut rest = line;
                while let Some(at) = rest.find('$') {
                    rest = &rest[at + 1..];
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    vars.insert(name);
                }
            }
        }
    }
    out
}

#[test]
fn welsh_and_english_have_the_same_messages_in_the_same_files_with_the_same_arguments() {
    let en = messages("en-GB");
    let cy = messages("cy");
    assert!(en.len() > 100, "only {} English messages found", en.len());
    let only_en: Vec<&String> = en.keys().filter(|k| !cy.contains_key(*k)).collect();
    let only_cy: Vec<&String> = cy.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(
        only_en.is_empty(),
        "in locales/en-GB but not locales/cy (translate them): {only_en:?}"
    );
    assert!(
        only_cy.is_empty(),
        "in locales/cy but not locales/en-GB: {only_cy:?}"
    );
    for (key, (file, vars)) in &en {
        let (cy_file, cy_vars) = &cy[key];
        assert_eq!(file, cy_file, "{key} is in en-GB/{file} but cy/{cy_file}");
        assert_eq!(
            vars, cy_vars,
            "{key} uses different arguments in English and Welsh"
        );
    }
}
