//! A rettelsesblad file on its own: its number, date and changes.

use crate::domain::{Change, Rettelsesblad};
use crate::input::diag::{Code, Diagnostic, FileId, Sources};
use crate::input::raw::RawRettelsesblad;

use super::checker::{Checker, civil_date};

/// The highest rettelsesblad number accepted: far above any real tender's, low enough that
/// a typing error is never taken for a number (and then silently dropped).
pub const MAX_NUMBER: u32 = 999;

/// Validates a rettelsesblad file on its own: its number, date and that every change has
/// a path and a value. Whether each path exists, and whether the amended tender is valid,
/// is checked when the versions are built.
pub fn rettelsesblad(
    sources: &Sources,
    file: FileId,
    label: String,
    raw: &RawRettelsesblad,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Rettelsesblad> {
    let mut check = Checker::new(sources, file, diagnostics);
    let number = check.whole(&raw.number, "number", 1).and_then(|n| {
        let number = u32::try_from(n).ok().filter(|n| *n <= MAX_NUMBER);
        if number.is_none() {
            check.report(
                Code::Numbering,
                raw.number.span(),
                "number",
                format!("rettelsesblad number {n} is above {MAX_NUMBER}"),
                "number the rettelsesblade 1, 2, 3, ... in the order they were issued".into(),
            );
        }
        number
    });
    let date = raw.date.get_ref();
    let civil = if date.time.is_none() {
        date.date.and_then(civil_date)
    } else {
        None
    };
    if civil.is_none() {
        check.report(
            Code::BadValue,
            raw.date.span(),
            "date",
            format!("`date` must be a date such as 2023-09-20, found {date}"),
            "write the date the rettelsesblad was issued, without a time: date = 2023-09-20".into(),
        );
    }
    if raw.changes.get_ref().is_empty() {
        check.report(
            Code::Shape,
            raw.changes.span(),
            "changes",
            "the rettelsesblad has no changes".into(),
            "add [[changes]] tables with path = \"criteria.spor1.max\" and value = ...".into(),
        );
    }
    let changes = raw
        .changes
        .get_ref()
        .iter()
        .map(|c| Change {
            path: c.path.get_ref().clone(),
            value: check
                .text
                .get(c.value.span())
                .unwrap_or_default()
                .to_string(),
            reason: c.reason.clone(),
            file,
            span: c.path.span(),
            line: check.line(c.path.span().start),
        })
        .collect();
    if !check.clean() {
        return None;
    }
    Some(Rettelsesblad {
        number: number?,
        date: civil?,
        title: raw.title.clone(),
        reference: raw.reference.clone(),
        file: label,
        changes,
    })
}
