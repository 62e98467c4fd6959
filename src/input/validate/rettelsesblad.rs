//! A rettelsesblad file on its own: its number, date and changes.

use crate::domain::{Change, ChangeKind, Rettelsesblad};
use crate::input::diag::{Code, Diagnostic, FileId, Sources};
use crate::input::raw::RawRettelsesblad;

use super::checker::{Checker, civil_date, shorten};

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
    let mut changes = Vec::new();
    for (i, c) in raw.changes.get_ref().iter().enumerate() {
        let field = format!("changes[{i}]");
        let (kind, path) = match (&c.path, &c.add, &c.remove) {
            (Some(path), None, None) => (ChangeKind::Set, path),
            (None, Some(add), None) => (ChangeKind::Add, add),
            (None, None, Some(remove)) => (ChangeKind::Remove, remove),
            (first, second, third) => {
                let span = [first, second, third]
                    .into_iter()
                    .flatten()
                    .nth(1)
                    .map_or(raw.changes.span(), toml::Spanned::span);
                check.report(
                    Code::Shape,
                    span,
                    &field,
                    "a change needs exactly one of `path`, `add` and `remove`".into(),
                    "set a value with path = \"criteria.spor1.max\" and value = ...; add a table with add = \"criteria\" and value = { id = ... }; remove one with remove = \"criteria.spor3\"".into(),
                );
                continue;
            }
        };
        let value = match (kind, &c.value) {
            (ChangeKind::Remove, None) => String::new(),
            (ChangeKind::Remove, Some(value)) => {
                check.report(
                    Code::Shape,
                    value.span(),
                    &format!("{field}.value"),
                    "a removal takes no `value`".into(),
                    "remove the value: remove = \"criteria.spor3\" is the whole change".into(),
                );
                continue;
            }
            (_, None) => {
                check.report(
                    Code::Shape,
                    path.span(),
                    &format!("{field}.value"),
                    format!("this change has no `value` for `{}`", shorten(path.get_ref())),
                    "add value = ... as it would be written in tender.toml (a table { id = ..., ... } for `add`)".into(),
                );
                continue;
            }
            (_, Some(value)) => check.text.get(value.span()).unwrap_or_default().to_string(),
        };
        changes.push(Change {
            kind,
            path: path.get_ref().clone(),
            value,
            reason: c.reason.clone(),
            file,
            span: path.span(),
            line: check.line(path.span().start),
        });
    }
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
