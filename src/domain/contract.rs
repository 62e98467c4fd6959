//! The contract a tender leads to: its period, what a supplier is paid for each price line,
//! which days count, how orders may be cancelled and how prices are indexed — and the
//! orders placed under it and the index series its prices follow.
//!
//! Contract: values of these types are only built by `input` (the `[contract]` section of
//! `tender.toml`, an orders file, an index file), so the invariants stated on each field
//! hold; the payment arithmetic in `payments` relies on them.

use std::fmt;
use std::ops::Range;

use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::{BidId, CriterionId};
use crate::values::Rounding;

/// Where a value stands in an input file, so a later stage can point at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// The file's index among the run's sources (`input::diag::FileId`).
    pub file: usize,
    pub span: Range<usize>,
}

/// A clause reference with the rule it carries, as the tender writes it.
pub type Source = Option<String>;

/// `[contract]` of `tender.toml`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contract {
    /// The first day of the contract period.
    pub start: Date,
    /// The last day of the contract period, without options. `start <= end`.
    pub end: Date,
    /// The option to extend, and whether the authority has exercised it.
    pub extension: Option<Extension>,
    /// The clause of the period.
    pub source: Source,
    /// The suppliers the contract was awarded to (bid ids), where the tender names them;
    /// otherwise the single winner of the evaluation.
    pub suppliers: Option<Vec<(BidId, Site)>>,
    /// Which days are weekdays (hverdage) for payment.
    pub weekdays: Weekdays,
    /// How each payable price line is paid; a line not listed cannot be ordered.
    pub payment: Vec<LinePayment>,
    /// How late an order may be cancelled without payment; `None`: the contract states no
    /// cancellation, and an order marked cancelled is an error.
    pub cancellation: Option<Cancellation>,
    /// How an order's amount is rounded: a rule of the tender, or whole øre half up where
    /// it states none (`stated` tells which).
    pub amount_rounding: AmountRounding,
    pub indexation: Option<Indexation>,
}

impl Contract {
    /// The last day an order may be placed: the end of the period, or of the extension
    /// where it has been exercised.
    pub fn last_order_day(&self) -> Date {
        match &self.extension {
            Some(extension) if extension.exercised => extension.until,
            _ => self.end,
        }
    }

    /// How a price line is paid, if it can be ordered.
    pub fn payment_of(&self, line: &CriterionId) -> Option<&LinePayment> {
        self.payment.iter().find(|p| &p.line == line)
    }
}

/// An option to extend the contract period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extension {
    /// The last day of the extended period; after the contract's end.
    pub until: Date,
    /// Whether the authority has exercised the option.
    pub exercised: bool,
}

/// The days that count as weekdays (hverdage): Monday to Friday, except the days listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weekdays {
    /// Each at most once, in the order of [`DayOff::ALL`].
    pub excluded: Vec<DayOff>,
    pub source: Source,
}

/// A kind of day that is no weekday although it falls on Monday to Friday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DayOff {
    /// The public holidays of the Danish holiday act (helligdage).
    PublicHolidays,
    /// 24 December (juleaftensdag).
    ChristmasEve,
    /// 31 December (nytårsaftensdag).
    NewYearsEve,
    /// 5 June (grundlovsdag).
    ConstitutionDay,
}

impl DayOff {
    pub const ALL: [DayOff; 4] = [
        DayOff::PublicHolidays,
        DayOff::ChristmasEve,
        DayOff::NewYearsEve,
        DayOff::ConstitutionDay,
    ];

    /// The name the tender writes.
    pub fn name(self) -> &'static str {
        match self {
            DayOff::PublicHolidays => "public-holidays",
            DayOff::ChristmasEve => "christmas-eve",
            DayOff::NewYearsEve => "new-years-eve",
            DayOff::ConstitutionDay => "constitution-day",
        }
    }
}

/// How one price line is paid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinePayment {
    pub line: CriterionId,
    pub basis: Basis,
    pub source: Source,
}

/// What a price line's price is a price of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Basis {
    /// A day price: price × completed weekdays (Bilag B pkt. 1.4.1 of the reference).
    Weekday,
    /// An hour price: price × ordered hours ÷ ordered weekdays × completed weekdays
    /// (Bilag B pkt. 1.4.2 of the reference).
    Hour,
}

/// Until when an order may be cancelled without payment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cancellation {
    /// An order may be cancelled up to this many days before its start (1: the day before).
    pub days_before_start: u32,
    pub source: Source,
}

/// How an order's amount is rounded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AmountRounding {
    pub rule: Rounding,
    /// Whether the tender states it (else it is the default: whole øre, half up).
    pub stated: bool,
}

/// `[contract.indexation]`: yearly adjustment of the prices by a published index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Indexation {
    /// The index the contract names, as the index file must name it too.
    pub index: String,
    /// Only the part of a yearly rise above this many percent is added (2.0); a fall is
    /// passed on in full, but never below the price bid.
    pub threshold: Decimal,
    /// How the yearly change (in percent) is rounded before use; `None`: exact.
    pub change_rounding: Option<Rounding>,
    /// How an adjusted price is rounded.
    pub price_rounding: Rounding,
    /// Which date decides the price an order is paid at.
    pub applies_to: AppliesTo,
    /// In order of effective date, each later than the one before.
    pub adjustments: Vec<Adjustment>,
    pub source: Source,
}

/// Which date decides the price in force for an order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AppliesTo {
    /// The day the order was placed: an order keeps its price to its end (Bilag B pkt.
    /// 1.5 of the reference: orders placed before 1 January are not adjusted).
    OrderDate,
    /// Each weekday delivered is paid at the price in force on that day.
    DeliveryDate,
}

/// One yearly adjustment: from its effective date, prices move by the index's change from
/// one period to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adjustment {
    pub effective: Date,
    pub from: Period,
    /// Later than `from`, and over before `effective` (the index is published by then).
    pub to: Period,
    /// Where the adjustment stands in `tender.toml`.
    pub site: Site,
}

/// A period of an index series: a year, a quarter ("2024K3") or a month ("2024M09").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub year: i16,
    pub part: PeriodPart,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodPart {
    Year,
    Quarter(i8),
    Month(i8),
}

impl Period {
    /// Reads "2024", "2024K3" (also "2024Q3") or "2024M09".
    pub fn parse(text: &str) -> Option<Period> {
        let text = text.trim();
        let year: i16 = text.get(..4)?.parse().ok()?;
        if !(1900..=2200).contains(&year) {
            return None;
        }
        let rest = &text[4..];
        let part = if rest.is_empty() {
            PeriodPart::Year
        } else if let Some(q) = rest.strip_prefix(['K', 'Q']) {
            let q: i8 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
            (q.to_string() == rest[1..]).then_some(PeriodPart::Quarter(q))?
        } else if let Some(m) = rest.strip_prefix('M') {
            let month: i8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
            (m.len() == 2).then_some(PeriodPart::Month(month))?
        } else {
            return None;
        };
        Some(Period { year, part })
    }

    /// The last day of the period.
    pub fn last_day(self) -> Date {
        let last_month = match self.part {
            PeriodPart::Year => 12,
            PeriodPart::Quarter(q) => q * 3,
            PeriodPart::Month(m) => m,
        };
        let first = Date::new(self.year, last_month, 1).unwrap_or(Date::MAX);
        first.last_of_month()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.part {
            PeriodPart::Year => write!(f, "{}", self.year),
            PeriodPart::Quarter(q) => write!(f, "{}K{q}", self.year),
            PeriodPart::Month(m) => write!(f, "{}M{m:02}", self.year),
        }
    }
}

/// An index series as entered from the publisher: a value per period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexSeries {
    /// The index's name, as the file gives it.
    pub name: String,
    /// Each value above 0.
    pub values: std::collections::BTreeMap<Period, Decimal>,
}

/// One order placed under the contract, as the case system exported it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Order {
    /// Unique within the orders file.
    pub id: String,
    /// The citizen's reference, as given (may be empty).
    pub citizen: String,
    pub supplier: BidId,
    pub line: CriterionId,
    /// The day the order was placed; within the contract period.
    pub ordered: Date,
    /// The ordered period, `start <= end`, holding at least one weekday.
    pub start: Date,
    pub end: Date,
    /// Ordered hours in the period, above 0, for an hour-priced line; `None` for a day price.
    pub hours: Option<Decimal>,
    /// What became of the order.
    pub course: Course,
    /// The line of the order in its file, for reports.
    pub file_line: usize,
}

/// How an order ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Course {
    /// Delivered through its last day (unless a settlement date comes first).
    Full,
    /// Stopped by the authority on this day (`start <= day <= end`): paid through it.
    Stopped(Date),
    /// Stopped after this many completed weekdays (at most the ordered ones; 0: none).
    Completed(u32),
    /// Cancelled before it started, in time: nothing is paid.
    Cancelled(Date),
}
