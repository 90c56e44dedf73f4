//! CSV cells that a spreadsheet will not run: a cell that begins with `=`,
//! `+`, `-`, `@`, a tab or a carriage return is read by Excel, LibreOffice
//! and Sheets as a formula, so an action's text or a drop reason could run
//! in a downloader's spreadsheet. Such a cell is written with a leading `'`
//! (OWASP's advice); quoting is left to the CSV writer.

use std::borrow::Cow;

/// One cell, neutralised when it could start a formula.
pub fn cell(value: &str) -> Cow<'_, str> {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

/// A row of cells, each neutralised, ready for `csv::Writer::write_record`.
pub fn row<'a>(values: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    values.into_iter().map(|v| cell(v).into_owned()).collect()
}

/// A whole CSV document (RFC 4180, UTF-8): the header row, then each row
/// with its cells neutralised.
pub fn document<R>(rows: impl IntoIterator<Item = R>) -> crate::error::AppResult<Vec<u8>>
where
    R: IntoIterator,
    R::Item: AsRef<str>,
{
    let fail = |e: &dyn std::fmt::Display| crate::error::AppError::internal(format!("csv: {e}"));
    let mut w = csv::Writer::from_writer(Vec::new());
    for (n, r) in rows.into_iter().enumerate() {
        let cells: Vec<String> = r.into_iter().map(|v| v.as_ref().to_string()).collect();
        let record = if n == 0 {
            cells
        } else {
            row(cells.iter().map(String::as_str))
        };
        w.write_record(record).map_err(|e| fail(&e))?;
    }
    w.into_inner().map_err(|e| fail(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starters_are_neutralised_and_the_rest_kept() {
        for bad in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            let out = cell(bad);
            assert!(out.starts_with('\''), "{bad:?} -> {out:?}");
            assert_eq!(&out[1..], bad);
        }
        for good in ["Approved", "2027-03-31", "psb/2027/001", "", " =not first"] {
            assert_eq!(cell(good), good);
        }
        assert_eq!(row(["a", "=b"]), ["a", "'=b"]);
    }
}
