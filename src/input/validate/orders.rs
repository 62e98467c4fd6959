//! An orders file (CSV as a case system exports it, or TOML) → [`Order`]s, and an index
//! file → [`IndexSeries`].
//!
//! Contract: every problem of every order is reported with its file, line and column and
//! the field; the orders are returned only when there is none. CSV: a header row naming
//! the columns (any order; `;` or `,` between fields, told from the header), dates as
//! 2024-08-07 or 07-08-2024 (also with `.` or `/`), numbers with a decimal point or
//! comma, an empty cell for a value not given.

use std::collections::BTreeMap;
use std::ops::Range;

use jiff::civil::Date;
use rust_decimal::Decimal;
use toml::Spanned;

use super::checker::{Checker, POINTS, QUANTITY, exact_decimal, quoted, shorten, unknown_help};
use super::contract::{date, period};
use crate::domain::calendar::WeekdayCount;
use crate::domain::contract::{Basis, Contract, Course, IndexSeries, Order};
use crate::domain::{BidId, CriterionId};
use crate::input::diag::{Code, Diagnostic, FileId, Sources, nearest};
use crate::input::raw::{self, RawIndex, RawOrders};

/// A value read from the file, with where it stands.
#[derive(Clone, Debug)]
struct Located<T> {
    value: T,
    span: Range<usize>,
}

/// One order's fields as read, before they are checked against the contract.
#[derive(Clone, Debug)]
struct Fields {
    id: Located<String>,
    citizen: Option<Located<String>>,
    supplier: Located<String>,
    line: Located<String>,
    ordered: Located<Date>,
    start: Located<Date>,
    end: Located<Date>,
    hours: Option<Located<Decimal>>,
    stopped: Option<Located<Date>>,
    completed_days: Option<Located<Decimal>>,
    cancelled: Option<Located<Date>>,
    /// The line it starts on.
    line_no: usize,
    /// Whether `hours` was written (and so reported if it could not be read).
    hours_written: bool,
}

/// The line of any offset in a text, found by binary search over the lines' starts, so
/// numbering every order costs one pass over the file, not one per order.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The one-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|start| *start <= offset)
    }
}

/// What orders are checked against.
pub struct OrderRules<'a> {
    pub contract: &'a Contract,
    /// The suppliers the contract was awarded to.
    pub suppliers: &'a [BidId],
    /// From this day on, the price in force is not known (an index value is missing), and
    /// why.
    pub prices_unknown_from: Option<(Date, String)>,
    /// The last day the settlement pays for (`--through`, or the end of `--month`): a
    /// price needed only after it is not needed.
    pub needed_until: Option<Date>,
    /// The price lines of the tender, to tell a line the contract does not pay from one
    /// the tender does not have.
    pub tender_lines: Vec<String>,
}

/// Reads and checks an orders file; `csv` tells its format.
pub fn orders(
    sources: &Sources,
    file: FileId,
    csv: bool,
    rules: &OrderRules<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Vec<Order>> {
    let start = diagnostics.len();
    let mut check = Checker::new(sources, file, diagnostics);
    let fields = if csv {
        csv_fields(&mut check)
    } else {
        toml_fields(sources, &mut check)
    };
    // The rows that could be read are checked too, so every problem is listed in one run.
    let orders = check_orders(&mut check, &fields, rules);
    if check.errors_since(start) {
        return None;
    }
    Some(orders)
}

fn toml_fields(sources: &Sources, check: &mut Checker<'_>) -> Vec<Fields> {
    let (parsed, problems) = raw::parse::<RawOrders>(sources, check.file);
    check.diagnostics.extend(problems);
    let Some(parsed) = parsed else {
        return Vec::new();
    };
    let lines = LineIndex::new(check.text);
    let mut out = Vec::new();
    for (n, o) in parsed.orders.iter().enumerate() {
        let field = |name: &str| format!("orders[{}].{name}", n + 1);
        let located = |s: &Spanned<String>| Located {
            value: s.get_ref().clone(),
            span: s.span(),
        };
        let date_of =
            |check: &mut Checker<'_>, value: &Spanned<toml::value::Datetime>, name: &str| {
                date(check, value, &field(name)).map(|d| Located {
                    value: d,
                    span: value.span(),
                })
            };
        let ordered = date_of(check, &o.ordered, "ordered");
        let start = date_of(check, &o.start, "start");
        let end = date_of(check, &o.end, "end");
        let stopped = o.stopped.as_ref().map(|v| date_of(check, v, "stopped"));
        let cancelled = o.cancelled.as_ref().map(|v| date_of(check, v, "cancelled"));
        let hours = o.hours.as_ref().map(|v| {
            check
                .limited(v, &field("hours"), QUANTITY)
                .map(|h| Located {
                    value: h,
                    span: v.span(),
                })
        });
        let completed_days = o.completed_days.as_ref().map(|v| {
            check
                .limited(v, &field("completed_days"), POINTS)
                .map(|d| Located {
                    value: d,
                    span: v.span(),
                })
        });
        let (Some(ordered), Some(start), Some(end)) = (ordered, start, end) else {
            continue;
        };
        let whole = o.id.span().start..end.span.end.max(o.id.span().end);
        out.push(Fields {
            id: located(&o.id),
            citizen: o.citizen.as_ref().map(located),
            supplier: located(&o.supplier),
            line: located(&o.line),
            ordered,
            start,
            end,
            hours: hours.flatten(),
            stopped: stopped.flatten(),
            completed_days: completed_days.flatten(),
            cancelled: cancelled.flatten(),
            line_no: lines.line(whole.start),
            hours_written: o.hours.is_some(),
        });
    }
    out
}

/// The columns of the CSV format; the first six are required.
const COLUMNS: [&str; 11] = [
    "id",
    "supplier",
    "line",
    "ordered",
    "start",
    "end",
    "citizen",
    "hours",
    "stopped",
    "completed_days",
    "cancelled",
];
const REQUIRED: usize = 6;

fn csv_fields(check: &mut Checker<'_>) -> Vec<Fields> {
    let text = check.text;
    // A byte-order mark (Excel writes one) is no part of the first column's name.
    let offset = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let body = &text[offset..];
    let first_line = body.lines().next().unwrap_or_default();
    // The delimiter the header uses most: `;` (Danish Excel), `,` or a tab.
    let delimiter = [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| (first_line.matches(char::from(*d)).count(), *d == b';'))
        .unwrap_or(b';');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut records = reader.records();
    let Some(Ok(header)) = records.next() else {
        check.report(
            Code::Shape,
            0..first_line.len().min(80),
            "header",
            "the orders file has no header row".into(),
            format!(
                "start the file with a row naming the columns: {}",
                COLUMNS.join(";")
            ),
        );
        return Vec::new();
    };
    let header_spans = field_spans(body, 0, delimiter);
    let mut column_of: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, name) in header.iter().enumerate() {
        let lower = name.trim().to_lowercase();
        let name = lower.as_str();
        let span = header_spans.get(i).cloned().unwrap_or(0..0);
        let span = span.start + offset..span.end + offset;
        match COLUMNS.iter().find(|c| **c == name) {
            Some(known) if column_of.contains_key(known) => check.report(
                Code::Shape,
                span,
                "header",
                format!("column `{name}` is named twice"),
                "name each column once".into(),
            ),
            Some(known) => {
                column_of.insert(known, i);
            }
            None => check.report(
                Code::UnknownField,
                span,
                "header",
                format!("unknown column `{}`", shorten(name)),
                format!(
                    "{}the columns are: {} (a column not needed can be removed)",
                    nearest(name, COLUMNS)
                        .map(|n| format!("did you mean `{n}`? "))
                        .unwrap_or_default(),
                    COLUMNS.join(", ")
                ),
            ),
        }
    }
    let missing: Vec<&str> = COLUMNS[..REQUIRED]
        .iter()
        .filter(|c| !column_of.contains_key(*c))
        .copied()
        .collect();
    if !missing.is_empty() {
        check.report(
            Code::Shape,
            0..first_line.len().min(80) + offset,
            "header",
            format!("the header lacks the column(s) {}", quoted(&missing)),
            format!(
                "name every required column: {} (optional: {})",
                COLUMNS[..REQUIRED].join(", "),
                COLUMNS[REQUIRED..].join(", ")
            ),
        );
        return Vec::new();
    }
    let lines = LineIndex::new(text);
    let mut out = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let at = error.position().map_or(0, |p| p.byte() as usize) + offset;
                check.report(
                    Code::Syntax,
                    at..at,
                    "row",
                    format!("the row cannot be read as CSV: {error}"),
                    "save the file as UTF-8 CSV, each quoted value closed".into(),
                );
                continue;
            }
        };
        // The reader's position can stand on the line break that ended the row before
        // (after "\r", on its "\n"): the row starts after it.
        let mut row_start = record.position().map_or(0, |p| p.byte() as usize);
        while body
            .as_bytes()
            .get(row_start)
            .is_some_and(|b| *b == b'\r' || *b == b'\n')
        {
            row_start += 1;
        }
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let spans: Vec<Range<usize>> = field_spans(body, row_start, delimiter)
            .into_iter()
            .map(|s| s.start + offset..s.end + offset)
            .collect();
        let row_end = spans.last().map_or(row_start + offset, |s| s.end);
        if record.len() != header.len() {
            let quote = body[row_start..row_end.saturating_sub(offset).max(row_start)]
                .matches('"')
                .count()
                % 2
                == 1
                || record.iter().any(|f| f.contains(char::from(delimiter)));
            let help = if quote {
                "a quote (\") opens a value that is not closed before the row's fields end: close it, or remove it"
            } else {
                "give every row as many fields as the header (an empty field for a value not given)"
            };
            check.report(
                Code::Shape,
                row_start + offset..row_end,
                "row",
                format!(
                    "the row has {} field(s), the header {}",
                    record.len(),
                    header.len()
                ),
                help.into(),
            );
            continue;
        }
        let cell = |name: &str| -> Option<Located<String>> {
            let i = *column_of.get(name)?;
            let value = record.get(i)?.trim();
            (!value.is_empty()).then(|| Located {
                value: value.to_string(),
                span: spans.get(i).cloned().unwrap_or(row_start..row_start),
            })
        };
        let row = Row {
            cell: &cell,
            whole: row_start + offset..row_end,
            line_no: lines.line(row_start + offset),
        };
        if let Some(fields) = row.fields(check) {
            out.push(fields);
        }
    }
    out
}

/// One CSV row being read.
struct Row<'a> {
    cell: &'a dyn Fn(&str) -> Option<Located<String>>,
    whole: Range<usize>,
    line_no: usize,
}

impl Row<'_> {
    fn required(&self, check: &mut Checker<'_>, name: &str) -> Option<Located<String>> {
        let value = (self.cell)(name);
        if value.is_none() {
            check.report(
                Code::Shape,
                self.whole.clone(),
                name,
                format!("the order has no `{name}`"),
                format!("fill in the `{name}` column"),
            );
        }
        value
    }

    fn date(
        &self,
        check: &mut Checker<'_>,
        name: &str,
        required: bool,
    ) -> Option<Option<Located<Date>>> {
        let cell = if required {
            Some(self.required(check, name)?)
        } else {
            (self.cell)(name)
        };
        let Some(cell) = cell else {
            return Some(None);
        };
        match csv_date(&cell.value) {
            Some(value) => Some(Some(Located {
                value,
                span: cell.span,
            })),
            None => {
                check.report(
                    Code::BadValue,
                    cell.span,
                    name,
                    format!("`{name}` = \"{}\" is not a date", shorten(&cell.value)),
                    "write a date as 2024-08-07 or 07-08-2024".into(),
                );
                None
            }
        }
    }

    fn number(&self, check: &mut Checker<'_>, name: &str) -> Option<Option<Located<Decimal>>> {
        let Some(cell) = (self.cell)(name) else {
            return Some(None);
        };
        let (value, problem) = csv_number(&cell.value);
        if let Some(value) = value {
            return Some(Some(Located {
                value,
                span: cell.span,
            }));
        }
        check.report(
            Code::NotANumber,
            cell.span,
            name,
            format!("`{name}` = \"{}\" {problem}", shorten(&cell.value)),
            "write a plain number such as 6 or 0,5: no thousands separator, at most 10 decimals, at most 1 000 000 000".into(),
        );
        None
    }

    fn fields(&self, check: &mut Checker<'_>) -> Option<Fields> {
        let id = self.required(check, "id");
        let supplier = self.required(check, "supplier");
        let line = self.required(check, "line");
        let ordered = self.date(check, "ordered", true);
        let start = self.date(check, "start", true);
        let end = self.date(check, "end", true);
        let stopped = self.date(check, "stopped", false);
        let cancelled = self.date(check, "cancelled", false);
        let hours = self.number(check, "hours");
        let completed_days = self.number(check, "completed_days");
        Some(Fields {
            id: id?,
            citizen: (self.cell)("citizen"),
            supplier: supplier?,
            line: line?,
            ordered: ordered??,
            start: start??,
            end: end??,
            hours: hours?,
            stopped: stopped?,
            completed_days: completed_days?,
            cancelled: cancelled?,
            line_no: self.line_no,
            hours_written: (self.cell)("hours").is_some(),
        })
    }
}

/// A number as a CSV cell writes it: a decimal point or a decimal comma, no exponent, no
/// thousands separator, within the limits every calculation stays exact in (at most
/// 10^9, at most 10 decimals); or why not.
fn csv_number(text: &str) -> (Option<Decimal>, &'static str) {
    if text.contains('.') && text.contains(',') {
        return (
            None,
            "has both a point and a comma: write it without a thousands separator",
        );
    }
    if !text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+'))
    {
        return (None, "is not a number");
    }
    let Some(value) = exact_decimal(&text.replacen(',', ".", 1)) else {
        return (None, "is not a number");
    };
    if value.abs() > Decimal::from(1_000_000_000) {
        (None, "is too large")
    } else if value.normalize().scale() > 10 {
        (None, "is too precise")
    } else {
        (Some(value), "")
    }
}

/// The byte ranges of the fields of the CSV record starting at `start`, quotes included.
fn field_spans(text: &str, start: usize, delimiter: u8) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut field_start = start;
    let mut quoted = false;
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && b == delimiter {
            spans.push(field_start..i);
            field_start = i + 1;
        } else if !quoted && (b == b'\n' || b == b'\r') {
            break;
        }
        i += 1;
    }
    spans.push(field_start..i);
    spans
}

/// A date as a case system or Danish Excel writes it: 2024-08-07, 07-08-2024, 7.8.2024 or
/// 07/08/2024.
fn csv_date(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.split(['-', '.', '/']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |s: &str| -> Option<i32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a)?, number(b)?, number(c)?)
    } else if c.len() == 4 {
        (number(c)?, number(b)?, number(a)?)
    } else {
        return None;
    };
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// Checks each order against the contract; returns those without a problem.
fn check_orders(check: &mut Checker<'_>, fields: &[Fields], rules: &OrderRules<'_>) -> Vec<Order> {
    let contract = rules.contract;
    let first = fields.iter().map(|f| f.start.value).min();
    let last = fields.iter().map(|f| f.end.value).max();
    let calendar = match (first, last) {
        (Some(first), Some(last)) => WeekdayCount::new(first, last, &contract.weekdays.excluded),
        _ => WeekdayCount::new(contract.start, contract.start, &contract.weekdays.excluded),
    };
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let mut orders = Vec::new();
    for f in fields {
        let errors_before = check.diagnostics.len();
        if let Some(line) = seen.get(f.id.value.as_str()) {
            check.report(
                Code::DuplicateOrder,
                f.id.span.clone(),
                "id",
                format!("order `{}` is listed twice (also on line {line})", shorten(&f.id.value)),
                "give each order its own id; an order changed later is one order with its new dates".into(),
            );
        } else {
            seen.insert(&f.id.value, f.line_no);
        }
        if let Some(order) = check_order(check, f, rules, &calendar)
            && !check.errors_since(errors_before)
        {
            orders.push(order);
        }
    }
    orders
}

fn check_order(
    check: &mut Checker<'_>,
    f: &Fields,
    rules: &OrderRules<'_>,
    calendar: &WeekdayCount,
) -> Option<Order> {
    let contract = rules.contract;
    let start_errors = check.diagnostics.len();
    let suppliers: Vec<&str> = rules.suppliers.iter().map(|s| s.0.as_str()).collect();
    if !suppliers.contains(&f.supplier.value.as_str()) {
        check.report(
            Code::UnknownSupplier,
            f.supplier.span.clone(),
            "supplier",
            format!(
                "`{}` is not a supplier under this contract",
                shorten(&f.supplier.value)
            ),
            unknown_help(&f.supplier.value, &suppliers, "suppliers (bid ids)"),
        );
    }
    let line = CriterionId(f.line.value.as_str().into());
    let basis = contract.payment_of(&line).map(|p| p.basis);
    if basis.is_none() && rules.tender_lines.contains(&f.line.value) {
        check.report(
            Code::UnknownOrderLine,
            f.line.span.clone(),
            "line",
            format!(
                "the contract does not say how price line `{}` is paid",
                f.line.value
            ),
            format!(
                "add it to `[contract.payment]` in tender.toml, e.g. {} = {{ per = \"weekday\" }} (or \"hour\")",
                f.line.value
            ),
        );
    } else if basis.is_none() {
        let lines: Vec<&str> = contract.payment.iter().map(|p| p.line.as_str()).collect();
        check.report(
            Code::UnknownOrderLine,
            f.line.span.clone(),
            "line",
            format!(
                "`{}` is no price line the contract pays",
                shorten(&f.line.value)
            ),
            unknown_help(&f.line.value, &lines, "price lines in contract.payment"),
        );
    }
    let ordered = f.ordered.value;
    if ordered < contract.start || ordered > contract.last_order_day() {
        let help = match &contract.extension {
            Some(x) if !x.exercised && ordered > contract.end && ordered <= x.until => format!(
                "the contract ran until {}; it may be extended until {}, but `contract.extension.exercised` is false: set it to true once the option is exercised",
                contract.end, x.until
            ),
            _ => format!(
                "an order must be placed within the contract period, {} to {}; check the date",
                contract.start,
                contract.last_order_day()
            ),
        };
        check.report(
            Code::OutsideContract,
            f.ordered.span.clone(),
            "ordered",
            format!("order placed on {ordered}, outside the contract period"),
            help,
        );
    }
    let (start, end) = (f.start.value, f.end.value);
    let ordered_days = calendar.between(start, end);
    if end < start {
        check.report(
            Code::BadOrder,
            f.end.span.clone(),
            "end",
            format!("the order ends ({end}) before it starts ({start})"),
            "give the last day of the ordered period, on or after `start`".into(),
        );
    } else if ordered_days == 0 {
        check.report(
            Code::BadOrder,
            f.start.span.start..f.end.span.end.max(f.start.span.end),
            "start",
            format!("the ordered period {start} to {end} holds no weekday"),
            "check the dates: payment counts the weekdays of the ordered period".into(),
        );
    }
    if start < contract.start {
        check.report(
            Code::BadOrder,
            f.start.span.clone(),
            "start",
            format!(
                "the order starts on {start}, before the contract ({})",
                contract.start
            ),
            "check the date: nothing is delivered under the contract before it starts".into(),
        );
    } else if start < ordered {
        check.report(
            Code::BadOrder,
            f.start.span.clone(),
            "start",
            format!("the order starts on {start}, before it was placed ({ordered})"),
            "check the dates: `ordered` is the day the order was placed, `start` the first day of its period".into(),
        );
    }
    if let Some(latest) = latest_end(contract)
        && end > latest
    {
        check.report(
            Code::BadOrder,
            f.end.span.clone(),
            "end",
            format!(
                "the order runs until {end}, more than {MAX_YEARS_AFTER} years after the last day orders may be placed ({})",
                contract.last_order_day()
            ),
            "check the date: orders placed in the contract period are delivered on its terms after it ends, but not for years".into(),
        );
    }
    let hours = match (basis, &f.hours) {
        (Some(Basis::Hour), Some(h)) if h.value > Decimal::ZERO => Some(h.value),
        (Some(Basis::Hour), Some(h)) => {
            check.report(
                Code::BadOrder,
                h.span.clone(),
                "hours",
                format!("`hours` = {} must be above 0", h.value),
                "give the hours ordered for the whole period, e.g. 6".into(),
            );
            None
        }
        (Some(Basis::Hour), None) if f.hours_written => {
            // Written but unreadable: reported where it stands already.
            None
        }
        (Some(Basis::Hour), None) => {
            check.report(
                Code::BadOrder,
                f.line.span.clone(),
                "hours",
                format!(
                    "line `{}` is paid per hour, but the order gives no `hours`",
                    f.line.value
                ),
                "give the hours ordered for the whole period (6 for ½ hour a week over 12 weeks)"
                    .into(),
            );
            None
        }
        (Some(Basis::Weekday), Some(h)) => {
            check.diagnostics.push(
                Diagnostic::at(Code::UnusedHours, check.file, h.span.clone(), "hours").warns(
                    format!(
                        "line `{}` is paid per weekday; the hours are not used",
                        f.line.value
                    ),
                    "leave `hours` empty for a day-priced line, or check the line",
                ),
            );
            None
        }
        _ => None,
    };
    let course = course(check, f, rules, ordered_days);
    // Only for an order with no other problem: one placed outside the contract needs no
    // second error about its price.
    let clean = !check.errors_since(start_errors);
    if let (Some((from, why)), Some(course), true) = (&rules.prices_unknown_from, course, clean) {
        let applies = contract
            .indexation
            .as_ref()
            .map(|i| i.applies_to)
            .unwrap_or(crate::domain::contract::AppliesTo::OrderDate);
        // The last day paid for, within what the settlement asks.
        let last_paid = match course {
            Course::Full => Some(end),
            Course::Stopped(day) => Some(day),
            Course::Completed(days) => calendar.nth_from(start, days),
            Course::Cancelled(_) => None,
        }
        .map(|day| rules.needed_until.map_or(day, |until| until.min(day)))
        .filter(|day| *day >= start);
        let reaches = match (applies, last_paid) {
            (_, None) => false,
            (crate::domain::contract::AppliesTo::OrderDate, Some(_)) => ordered >= *from,
            (crate::domain::contract::AppliesTo::DeliveryDate, Some(day)) => day >= *from,
        };
        if reaches {
            check.report(
                Code::UnknownPrice,
                f.ordered.span.clone(),
                "ordered",
                format!("the price in force for this order is not known: {why}"),
                "give the index file with the value that is missing (--index FILE)".into(),
            );
        }
    }
    if check.errors_since(start_errors) {
        return None;
    }
    Some(Order {
        id: f.id.value.clone(),
        citizen: f
            .citizen
            .as_ref()
            .map(|c| c.value.clone())
            .unwrap_or_default(),
        supplier: BidId(f.supplier.value.clone()),
        line,
        ordered,
        start,
        end,
        hours,
        course: course?,
        file_line: f.line_no,
    })
}

/// How long after the last day orders may be placed an order may still run.
const MAX_YEARS_AFTER: i64 = 2;

/// The last day an order may run to.
fn latest_end(contract: &Contract) -> Option<Date> {
    contract
        .last_order_day()
        .checked_add(jiff::Span::new().years(MAX_YEARS_AFTER))
        .ok()
}

/// What became of an order: run in full, stopped on a day, after some weekdays, or
/// cancelled in time.
fn course(
    check: &mut Checker<'_>,
    f: &Fields,
    rules: &OrderRules<'_>,
    ordered_days: u32,
) -> Option<Course> {
    let (start, end) = (f.start.value, f.end.value);
    let given = [
        f.stopped.as_ref().map(|s| ("stopped", s.span.clone())),
        f.completed_days
            .as_ref()
            .map(|s| ("completed_days", s.span.clone())),
        f.cancelled.as_ref().map(|s| ("cancelled", s.span.clone())),
    ];
    let given: Vec<(&str, Range<usize>)> = given.into_iter().flatten().collect();
    if given.len() > 1 {
        check.report(
            Code::BadOrder,
            given[1].1.clone(),
            given[1].0,
            format!("the order gives both `{}` and `{}`", given[0].0, given[1].0),
            "give one: `stopped` (the day the order was interrupted), `completed_days` (the weekdays completed) or `cancelled` (cancelled before it started)".into(),
        );
        return None;
    }
    if let Some(stopped) = &f.stopped {
        let day = stopped.value;
        if day < start || day > end {
            check.report(
                Code::BadOrder,
                stopped.span.clone(),
                "stopped",
                format!("the order is stopped on {day}, outside its period {start} to {end}"),
                "give the day the order was interrupted, within its period; an order cancelled before it started is `cancelled`".into(),
            );
            return None;
        }
        return Some(Course::Stopped(day));
    }
    if let Some(completed) = &f.completed_days {
        let whole = u32::try_from(completed.value.normalize().mantissa())
            .ok()
            .filter(|_| {
                completed.value.normalize().scale() == 0 && !completed.value.is_sign_negative()
            });
        let Some(days) = whole else {
            check.report(
                Code::BadOrder,
                completed.span.clone(),
                "completed_days",
                format!(
                    "`completed_days` = {} is not a whole number of days",
                    completed.value
                ),
                "give the weekdays completed as a whole number, 0 or more".into(),
            );
            return None;
        };
        if days > ordered_days {
            check.report(
                Code::BadOrder,
                completed.span.clone(),
                "completed_days",
                format!(
                    "{days} weekdays completed, but the order holds only {ordered_days} weekdays ({start} to {end})"
                ),
                "give at most the ordered weekdays; an order that was extended is a new order or a new end date".into(),
            );
            return None;
        }
        return Some(Course::Completed(days));
    }
    if let Some(cancelled) = &f.cancelled {
        let day = cancelled.value;
        let Some(rule) = &rules.contract.cancellation else {
            check.report(
                Code::BadOrder,
                cancelled.span.clone(),
                "cancelled",
                "the order is cancelled, but the contract states no cancellation rule".into(),
                "add `[contract] cancellation = { days_before_start = 1, source = \"...\" }` as the contract says, or record the order as `stopped`".into(),
            );
            return None;
        };
        let latest = start
            .checked_sub(jiff::Span::new().days(i64::from(rule.days_before_start)))
            .ok()?;
        if day < f.ordered.value {
            check.report(
                Code::BadOrder,
                cancelled.span.clone(),
                "cancelled",
                format!(
                    "cancelled on {day}, before the order was placed ({})",
                    f.ordered.value
                ),
                "check the dates".into(),
            );
            return None;
        }
        if day > latest {
            let source = rule
                .source
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            check.report(
                Code::BadOrder,
                cancelled.span.clone(),
                "cancelled",
                format!(
                    "cancelled on {day}: an order may be cancelled until {} day(s) before its start, so by {latest}{source}",
                    rule.days_before_start
                ),
                "an order interrupted once it had started is `stopped` on that day, and paid up to it".into(),
            );
            return None;
        }
        return Some(Course::Cancelled(day));
    }
    Some(Course::Full)
}

/// Reads and checks an index file: the index the contract names (`expected`), a value
/// above 0 for each period.
pub fn index(
    sources: &Sources,
    file: FileId,
    expected: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<IndexSeries> {
    let start = diagnostics.len();
    let (parsed, problems) = raw::parse::<RawIndex>(sources, file);
    diagnostics.extend(problems);
    let parsed: RawIndex = parsed?;
    let mut check = Checker::new(sources, file, diagnostics);
    let name = parsed.index.get_ref();
    if name.trim().to_lowercase() != expected.trim().to_lowercase() {
        check.report(
            Code::BadValue,
            parsed.index.span(),
            "index",
            format!("this is an index of \"{name}\", but the contract names \"{expected}\""),
            "give the values of the index the contract names, with its name as `contract.indexation.index` writes it".into(),
        );
    }
    let mut values = BTreeMap::new();
    for (key, value) in &parsed.values {
        let field = format!("values.{}", key.get_ref());
        let Some(p) = period(&mut check, key, &field) else {
            continue;
        };
        let Some(number) = check.limited(value, &field, POINTS) else {
            continue;
        };
        if number <= Decimal::ZERO {
            check.report(
                Code::BadValue,
                value.span(),
                &field,
                format!("the index value {number} is not above 0"),
                "give the published index value, e.g. 104.3".into(),
            );
            continue;
        }
        if values.insert(p, number).is_some() {
            check.report(
                Code::BadValue,
                key.span(),
                &field,
                format!("period {p} is given twice"),
                "give each period once (2024K3 and 2024Q3 are the same quarter)".into(),
            );
        }
    }
    if check.errors_since(start) {
        return None;
    }
    Some(IndexSeries {
        name: parsed.index.get_ref().clone(),
        values,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn dates_as_case_systems_write_them() {
        assert_eq!(csv_date("2024-08-07"), Some(d(2024, 8, 7)));
        assert_eq!(csv_date("07-08-2024"), Some(d(2024, 8, 7)));
        assert_eq!(csv_date("7.8.2024"), Some(d(2024, 8, 7)));
        assert_eq!(csv_date("07/08/2024"), Some(d(2024, 8, 7)));
        assert_eq!(csv_date("2024-02-30"), None);
        assert_eq!(csv_date("24-08-07"), None);
        assert_eq!(csv_date("2024-08-07T10:00"), None);
        assert_eq!(csv_date(""), None);
    }

    #[test]
    fn numbers_as_cells_write_them() {
        let n = |s: &str| csv_number(s).0.map(|d| d.to_string());
        assert_eq!(n("6"), Some("6".into()));
        assert_eq!(n("0,5"), Some("0.5".into()));
        assert_eq!(n("6.5"), Some("6.5".into()));
        assert_eq!(
            csv_number("1.000,5").1,
            "has both a point and a comma: write it without a thousands separator"
        );
        assert_eq!(csv_number("1e3").1, "is not a number");
        assert_eq!(csv_number("9999999999").1, "is too large");
        assert_eq!(csv_number("0,12345678901").1, "is too precise");
    }

    #[test]
    fn field_spans_follow_quotes() {
        let text = "a;\"b;c\";d\nx;y;z\n";
        assert_eq!(field_spans(text, 0, b';'), vec![0..1, 2..7, 8..9]);
        assert_eq!(field_spans(text, 10, b';'), vec![10..11, 12..13, 14..15]);
    }
}
