//! Appendices: which file types are allowed (judged by their bytes, never by
//! their name), and how names are cleaned for storage and display.

use crate::domain::validate::FieldError;

/// (content type, extension, description) of every allowed type.
pub const ALLOWED: [(&str, &str, &str); 6] = [
    ("application/pdf", "pdf", "PDF"),
    (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "docx",
        "Word (DOCX)",
    ),
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        "Excel (XLSX)",
    ),
    ("text/csv", "csv", "CSV"),
    ("image/png", "png", "PNG"),
    ("image/jpeg", "jpg", "JPEG"),
];

/// The file's real type from its first bytes (and, for CSV, which has no
/// signature, the name plus a check that it is text). Anything else is refused.
pub fn sniff(head: &[u8], filename: &str) -> Result<&'static str, FieldError> {
    let refused = |what: String| {
        FieldError::new(
            "file",
            "type_not_allowed",
            crate::i18n::say_args(
                "err-attachments-type",
                &[("what", crate::i18n::Arg::Text(&what))],
            ),
        )
    };
    if let Some(kind) = infer::get(head) {
        let mime = kind.mime_type();
        return ALLOWED
            .iter()
            .find(|(t, _, _)| *t == mime)
            .map(|(t, _, _)| *t)
            .ok_or_else(|| {
                refused(crate::i18n::say_args(
                    "err-attachments-not-allowed",
                    &[
                        ("name", crate::i18n::Arg::Text(&clean_filename(filename))),
                        (
                            "kind",
                            crate::i18n::Arg::Text(&kind.extension().to_uppercase()),
                        ),
                    ],
                ))
            });
    }
    let looks_csv = filename.to_ascii_lowercase().ends_with(".csv");
    let text = !head.contains(&0) && std::str::from_utf8(trim_partial_utf8(head)).is_ok();
    if looks_csv && text {
        return Ok("text/csv");
    }
    Err(refused(crate::i18n::say_args(
        "err-attachments-unrecognised",
        &[("name", crate::i18n::Arg::Text(&clean_filename(filename)))],
    )))
}

/// The head of a file may end in the middle of a UTF-8 character.
fn trim_partial_utf8(bytes: &[u8]) -> &[u8] {
    match std::str::from_utf8(bytes) {
        Ok(_) => bytes,
        Err(e) if e.error_len().is_none() => &bytes[..e.valid_up_to()],
        Err(_) => bytes,
    }
}

pub fn extension_of(content_type: &str) -> &'static str {
    ALLOWED
        .iter()
        .find(|(t, _, _)| *t == content_type)
        .map(|(_, e, _)| *e)
        .unwrap_or("bin")
}

/// A safe display name: the last path segment, without control or bidi
/// characters, at most 120 characters, ending in the real type's extension.
pub fn clean_filename(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = last
        .chars()
        .filter(|c| {
            !crate::domain::validate::is_forbidden_char(*c)
                && !matches!(c, '"' | '<' | '>' | ':' | '*' | '?' | '|')
        })
        .collect();
    let trimmed = cleaned.trim().trim_start_matches('.').trim();
    let mut name: String = trimmed.chars().take(120).collect();
    if name.is_empty() {
        name = "attachment".into();
    }
    name
}

/// The cleaned name, with the extension the content really has.
pub fn stored_filename(raw: &str, content_type: &str) -> String {
    let name = clean_filename(raw);
    let ext = extension_of(content_type);
    let lower = name.to_ascii_lowercase();
    let has = lower.ends_with(&format!(".{ext}")) || (ext == "jpg" && lower.ends_with(".jpeg"));
    if has { name } else { format!("{name}.{ext}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";
    const PNG: &[u8] =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0\xb8\0\0\0\0\0\0\0@\0\0\0\0\0\0\0";

    #[test]
    fn types_come_from_the_bytes() {
        assert_eq!(sniff(PDF, "report.pdf"), Ok("application/pdf"));
        assert_eq!(sniff(PNG, "chart.png"), Ok("image/png"));
        assert_eq!(
            sniff(PDF, "looks-like-a.png"),
            Ok("application/pdf"),
            "the name does not decide"
        );
        let err = sniff(EXE, "minutes.pdf").expect_err("an executable renamed .pdf");
        assert_eq!(err.code, "type_not_allowed");
        assert!(err.message.contains("EXE"), "{}", err.message);
        assert_eq!(
            sniff(b"area,cost\nNorth,10000\n", "costs.csv"),
            Ok("text/csv")
        );
        assert!(
            sniff(b"area,cost\n", "costs.txt").is_err(),
            "plain text is not on the list"
        );
        assert!(
            sniff(b"a,b\0c", "x.csv").is_err(),
            "binary content named .csv"
        );
        assert!(
            sniff(b"<html><script>alert(1)</script>", "x.csv").is_err(),
            "HTML named .csv is refused"
        );
    }

    #[test]
    fn names_are_cleaned() {
        assert_eq!(clean_filename("../../etc/passwd"), "passwd");
        assert_eq!(
            clean_filename("C:\\Users\\ann\\Budget 2027.xlsx"),
            "Budget 2027.xlsx"
        );
        assert_eq!(clean_filename("evil\u{202E}fdp.exe"), "evilfdp.exe");
        assert_eq!(clean_filename("line\r\nbreak\".pdf"), "linebreak.pdf");
        assert_eq!(clean_filename("..."), "attachment");
        assert_eq!(clean_filename(&"a".repeat(300)).len(), 120);
        assert_eq!(stored_filename("report", "application/pdf"), "report.pdf");
        assert_eq!(stored_filename("photo.JPEG", "image/jpeg"), "photo.JPEG");
        assert_eq!(
            stored_filename("minutes.pdf", "image/png"),
            "minutes.pdf.png"
        );
    }
}
