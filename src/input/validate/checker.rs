//! Reading values out of one file: numbers exactly as written, choices among allowed
//! words, times, whole numbers and known names, each problem reported against the file
//! with its span, field and fix.

use rust_decimal::Decimal;
use toml::Spanned;
use toml::value::Datetime;

use crate::domain::Rule;
pub(super) use crate::input::diag::shorten;
use crate::input::diag::{Code, Diagnostic, FileId, Sources, nearest};
use crate::input::raw::{Num, RawRule};

/// Reads values out of one file, reporting every problem against that file.
pub(super) struct Checker<'a> {
    pub(super) text: &'a str,
    source: &'a crate::input::diag::SourceFile,
    pub(super) file: FileId,
    pub(super) diagnostics: &'a mut Vec<Diagnostic>,
    /// The count of diagnostics when this file's checks began, to tell whether this file
    /// added any.
    start: usize,
}

impl<'a> Checker<'a> {
    pub(super) fn new(
        sources: &'a Sources,
        file: FileId,
        diagnostics: &'a mut Vec<Diagnostic>,
    ) -> Self {
        let start = diagnostics.len();
        Checker {
            text: &sources.get(file).text,
            source: sources.get(file),
            file,
            diagnostics,
            start,
        }
    }

    /// No error since the checker started (warnings do not count).
    pub(super) fn clean(&self) -> bool {
        !self.errors_since(self.start)
    }

    /// Whether an error was reported after the first `start` diagnostics.
    pub(super) fn errors_since(&self, start: usize) -> bool {
        self.diagnostics[start..].iter().any(Diagnostic::is_error)
    }

    pub(super) fn report(
        &mut self,
        code: Code,
        span: std::ops::Range<usize>,
        field: &str,
        message: String,
        help: String,
    ) {
        self.diagnostics
            .push(Diagnostic::at(code, self.file, span, field).says(message, help));
    }

    /// The exact decimal written in the file for a TOML number: the digits of the file,
    /// never the binary float the TOML parser made of them.
    pub(super) fn number(&mut self, value: &Num, field: &str) -> Option<Decimal> {
        let span = value.span();
        let written = self.text.get(span.clone()).unwrap_or_default();
        let parsed = match value.get_ref() {
            toml::Value::Integer(i) => exact_decimal(written).or(Some(Decimal::from(*i))),
            toml::Value::Float(_) => exact_decimal(written),
            _ => None,
        };
        if parsed.is_none() && matches!(value.get_ref(), toml::Value::Float(f) if f.is_finite()) {
            self.report(
                Code::BadValue,
                span,
                field,
                format!("`{field}` = {} cannot be held exactly: it is too large or has too many digits", shorten(written)),
                "give a number with at most 28 significant digits, within the field's limit (prices up to 10^12, points up to 10^6, at most 10 decimals)".into(),
            );
            return None;
        }
        if parsed.is_none() {
            let help = match value.get_ref() {
                toml::Value::String(s) if s.contains(',') => format!(
                    "write the number without quotes and with a decimal point: {}",
                    s.replace('.', "").replace(',', ".")
                ),
                toml::Value::String(_) => "write the number without quotes, e.g. 448.05".into(),
                _ => "write a plain decimal number, e.g. 448.05".into(),
            };
            self.report(
                Code::NotANumber,
                span,
                field,
                format!("`{field}` must be a number, found `{}`", shorten(written)),
                help,
            );
        }
        parsed
    }

    /// A number within a documented limit: not larger (in absolute value) and with no
    /// more decimals than the limit allows; otherwise reported as too large or too precise.
    pub(super) fn limited(&mut self, value: &Num, field: &str, limit: Limit) -> Option<Decimal> {
        let number = self.number(value, field)?;
        let max = Decimal::from(limit.max);
        let problem = if number.abs() > max {
            format!("is too large: at most {} in absolute value", limit.max)
        } else if number.normalize().scale() > limit.decimals {
            format!("is too precise: at most {} decimals", limit.decimals)
        } else {
            return Some(number);
        };
        self.report(
            Code::BadValue,
            value.span(),
            field,
            format!("`{field}` = {} {problem}", shorten(&number.to_string())),
            format!(
                "give {} within the limit; the limits keep every calculation exact",
                limit.what
            ),
        );
        None
    }

    pub(super) fn choice<T>(
        &mut self,
        value: &Spanned<String>,
        field: &str,
        options: &[(&str, T)],
    ) -> Option<T>
    where
        T: Copy,
    {
        if let Some((_, chosen)) = options.iter().find(|(name, _)| *name == value.get_ref()) {
            return Some(*chosen);
        }
        let names: Vec<&str> = options.iter().map(|(name, _)| *name).collect();
        let help = match nearest(value.get_ref(), names.iter().copied()) {
            Some(near) => format!("did you mean \"{near}\"? Allowed: {}", quoted(&names)),
            None => format!("use one of {}", quoted(&names)),
        };
        self.report(
            Code::BadValue,
            value.span(),
            field,
            format!("`{field}` cannot be \"{}\"", shorten(value.get_ref())),
            help,
        );
        None
    }

    pub(super) fn rule<T: Copy>(
        &mut self,
        raw: &RawRule,
        field: &str,
        options: &[(&str, T)],
    ) -> Option<Rule<T>> {
        let action = self.choice(&raw.rule, &format!("{field}.rule"), options)?;
        Some(Rule {
            action,
            source: raw.source.clone(),
            text: raw.text.clone(),
        })
    }

    /// A rule that the tender may leave out; `None` when absent or invalid (an invalid one
    /// is reported).
    pub(super) fn optional_rule<T: Copy>(
        &mut self,
        raw: &Option<RawRule>,
        field: &str,
        options: &[(&str, T)],
    ) -> Option<Rule<T>> {
        raw.as_ref().and_then(|r| self.rule(r, field, options))
    }

    /// A date and time with its UTC offset, as an instant.
    pub(super) fn instant(
        &mut self,
        value: &Spanned<Datetime>,
        field: &str,
    ) -> Option<jiff::Timestamp> {
        self.instant_written(value, field).map(|(_, at)| at)
    }

    /// [`Checker::instant`] with the time as written in RFC 3339 (formatted once, for both).
    pub(super) fn instant_written(
        &mut self,
        value: &Spanned<Datetime>,
        field: &str,
    ) -> Option<(String, jiff::Timestamp)> {
        let written = value.get_ref().to_string();
        match written.parse::<jiff::Timestamp>() {
            Ok(at) => Some((written, at)),
            Err(_) => {
                self.report(
                    Code::BadValue,
                    value.span(),
                    field,
                    format!("`{field}` = {written} has no date, time and UTC offset"),
                    "write the full time with its offset, e.g. 2023-10-02T12:00:00+02:00".into(),
                );
                None
            }
        }
    }

    /// A whole number of at least `min`.
    pub(super) fn whole(&mut self, value: &Num, field: &str, min: u64) -> Option<u64> {
        let number = self.number(value, field)?;
        let whole = u64::try_from(number.normalize().mantissa())
            .ok()
            .filter(|n| number.normalize().scale() == 0 && *n >= min);
        if whole.is_none() {
            self.report(
                Code::BadValue,
                value.span(),
                field,
                format!("`{field}` must be a whole number of at least {min}, found {number}"),
                format!("write a whole number such as {}", min.max(1)),
            );
        }
        whole
    }

    /// Whether a key names one of the tender's `known` items; reports it, with the nearest
    /// known name, when it does not. `what` names the items: ("price line", "price lines").
    pub(super) fn known(
        &mut self,
        key: &Spanned<String>,
        known: &[&str],
        code: Code,
        field: &str,
        what: (&str, &str),
    ) -> bool {
        if known.contains(&key.get_ref().as_str()) {
            return true;
        }
        let help = unknown_help(key.get_ref(), known, what.1);
        self.report(
            code,
            key.span(),
            field,
            format!("the tender has no {} `{}`", what.0, shorten(key.get_ref())),
            help,
        );
        false
    }

    /// The one-based line of a byte offset in this file.
    pub(super) fn line(&self, offset: usize) -> usize {
        self.source.line_of(offset)
    }
}

/// A documented limit on a number read from a file. The limits are chosen so that every
/// later product and quotient of the scoring fits the 28 significant digits of `Decimal`:
/// a price (at most 10^12) times a quantity (at most 10^9) is at most 10^21, points (at most
/// 10^6) times an amount per point (at most 10^12) at most 10^18.
#[derive(Clone, Copy, Debug)]
pub(super) struct Limit {
    pub max: i64,
    pub decimals: u32,
    /// What the field holds, for the fix ("a price").
    pub what: &'static str,
}

pub(super) const MONEY: Limit = Limit {
    max: 1_000_000_000_000,
    decimals: 10,
    what: "an amount",
};
pub(super) const QUANTITY: Limit = Limit {
    max: 1_000_000_000,
    decimals: 10,
    what: "a quantity",
};
pub(super) const POINTS: Limit = Limit {
    max: 1_000_000,
    decimals: 10,
    what: "points",
};
pub(super) const PERCENT: Limit = Limit {
    max: 1_000_000,
    decimals: 10,
    what: "a percentage",
};

pub(super) fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Parses a decimal exactly as TOML writes it: underscores between digits, an optional
/// sign, an optional exponent.
pub(super) fn exact_decimal(written: &str) -> Option<Decimal> {
    let cleaned = written.replace('_', "");
    let cleaned = cleaned.strip_prefix('+').unwrap_or(&cleaned);
    if cleaned.contains(['e', 'E']) {
        Decimal::from_scientific(cleaned).ok()
    } else {
        Decimal::from_str_exact(cleaned).ok()
    }
}

pub(super) fn unknown_help(wrong: &str, known: &[&str], what: &str) -> String {
    // A tender of thousands of bids names the first few and counts the rest: the help of
    // every mistaken id is not a list of every bid.
    let listed = match known.len().checked_sub(LISTED_KNOWN) {
        None | Some(0) => known.join(", "),
        Some(more) => format!("{} and {more} more", known[..LISTED_KNOWN].join(", ")),
    };
    match nearest(wrong, known.iter().copied()) {
        Some(near) => format!("did you mean `{near}`? The tender's {what}: {listed}"),
        None => format!("use one of the tender's {what}: {listed}"),
    }
}

/// How many of the known names a help lists.
const LISTED_KNOWN: usize = 20;

/// A TOML date as a calendar date.
pub(super) fn civil_date(date: toml::value::Date) -> Option<jiff::civil::Date> {
    let year = i16::try_from(date.year).ok()?;
    jiff::civil::Date::new(
        year,
        i8::try_from(date.month).ok()?,
        i8::try_from(date.day).ok()?,
    )
    .ok()
}
