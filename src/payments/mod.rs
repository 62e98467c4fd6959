//! What the contract pays: each order's amount, month by month, at the supplier's prices
//! in force.
//!
//! Contract: pure, over validated orders. An order is paid for its completed weekdays:
//! those from its start through its end, the day it was stopped, or the settlement date
//! (`through`), whichever comes first; a cancelled order is paid nothing.
//! - a line paid per weekday: `price × completed weekdays` (Bilag B pkt. 1.4.1 of the
//!   reference tender);
//! - a line paid per hour: `ordered hours × price × completed weekdays ÷ ordered weekdays`,
//!   multiplied out before the one division (Bilag B pkt. 1.4.2).
//!
//! The price in force is the one on the day the order was placed, or on each day
//! delivered, as the contract's indexation says (see [`index`]). Rounding: the amount of
//! an order through a day is rounded by the contract's amount rounding (whole øre, half
//! up, where it states none); a month is paid the amount through its last day less the
//! amount through the month before, so the months of an order add up to exactly the
//! order's rounded amount. Overflow: prices are at most 10^12, hours 10^9 and weekdays
//! fewer than 3 million, so no product comes near the 28 digits of a decimal.

pub mod index;

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::domain::calendar::WeekdayCount;
use crate::domain::contract::{AppliesTo, Basis, Contract, Course, IndexSeries, Order};
use crate::domain::{BidId, CriterionId};
use crate::scoring::price_rules::Adjustment;
use crate::values::Money;

pub use index::{Known, PassedOn, Schedule, Step};

/// The price a supplier is bound by on a price line, as the evaluation set it, and how
/// the index moves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContractPrice {
    pub supplier: BidId,
    pub bidder: String,
    pub line: CriterionId,
    /// The price as written in the bid (absent: none was given).
    pub submitted: Option<Money>,
    /// The rules that made the bound price of what was submitted.
    pub adjustments: Vec<Adjustment>,
    pub schedule: Schedule,
}

/// Every supplier's prices over the contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prices {
    /// By supplier, then by price line in the order of the contract's payment section.
    pub lines: Vec<ContractPrice>,
    /// Where in `lines` each (supplier, line) is: every order looks its price up.
    at: HashMap<(BidId, CriterionId), usize>,
}

/// A supplier's price on a line as the evaluation bound it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bound {
    pub supplier: BidId,
    pub bidder: String,
    pub line: CriterionId,
    pub submitted: Option<Money>,
    /// The price after the price rules.
    pub price: Money,
    pub adjustments: Vec<Adjustment>,
}

impl Prices {
    /// The prices of the suppliers' lines, indexed where the contract says so.
    pub fn new(contract: &Contract, bound: Vec<Bound>, series: Option<&IndexSeries>) -> Prices {
        let lines = bound
            .into_iter()
            .map(|b| ContractPrice {
                schedule: match &contract.indexation {
                    Some(indexation) => index::schedule(b.price, indexation, series),
                    None => Schedule {
                        bid: b.price,
                        steps: Vec::new(),
                    },
                },
                supplier: b.supplier,
                bidder: b.bidder,
                line: b.line,
                submitted: b.submitted,
                adjustments: b.adjustments,
            })
            .collect::<Vec<ContractPrice>>();
        let at = lines
            .iter()
            .enumerate()
            .map(|(i, p)| ((p.supplier.clone(), p.line.clone()), i))
            .collect();
        Prices { lines, at }
    }

    pub fn of(&self, supplier: &BidId, line: &CriterionId) -> Option<&ContractPrice> {
        let at = self.at.get(&(supplier.clone(), line.clone()))?;
        self.lines.get(*at)
    }

    /// The first day from which some price is not known, with the reason.
    pub fn unknown_from(&self) -> Option<(Date, String)> {
        self.lines
            .iter()
            .filter_map(|p| p.schedule.unknown_from())
            .min_by_key(|(day, _)| *day)
    }
}

/// A stretch of an order's completed weekdays paid at one price.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stretch {
    pub first: Date,
    pub last: Date,
    /// Completed weekdays in the stretch.
    pub days: u32,
    pub price: Money,
    /// The adjustment the price comes from (`None`: the price bid).
    pub adjusted: Option<Date>,
}

/// One order's payment for one month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthPayment {
    /// (year, month).
    pub month: (i16, i8),
    /// The completed weekdays of the month, with their prices.
    pub stretches: Vec<Stretch>,
    /// Completed weekdays through the end of this month.
    pub days_through: u32,
    /// The amount through the end of this month, exact and rounded.
    pub through_exact: Decimal,
    pub through: Money,
    /// What this month pays: `through` less the same through the month before.
    pub amount: Money,
}

impl MonthPayment {
    /// The completed weekdays of this month.
    pub fn weekdays(&self) -> u32 {
        self.stretches.iter().map(|s| s.days).sum()
    }
}

/// The exact amount of an order's completed weekdays in `stretches`: `price × weekdays`
/// summed over the stretches, and for a line paid per hour that sum `× ordered hours ÷
/// ordered weekdays`, multiplied out before the one division. Not rounded.
pub fn exact_amount(
    basis: Basis,
    hours: Option<Decimal>,
    ordered_days: u32,
    stretches: &[Stretch],
) -> Decimal {
    let sum: Decimal = stretches
        .iter()
        .map(|s| s.price.value() * Decimal::from(s.days))
        .sum();
    match (basis, hours) {
        (Basis::Hour, Some(hours)) if ordered_days > 0 => hours * sum / Decimal::from(ordered_days),
        _ => sum,
    }
}

/// One order settled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrderPayment {
    pub order: Order,
    pub bidder: String,
    pub basis: Basis,
    /// The weekdays of the ordered period.
    pub ordered_days: u32,
    /// The last day paid for: the end, the day stopped, or the settlement date (`None`:
    /// cancelled, or the settlement date is before the start).
    pub paid_through: Option<Date>,
    /// Completed weekdays.
    pub completed_days: u32,
    /// Month by month, only months with completed weekdays.
    pub months: Vec<MonthPayment>,
    /// The order's amount: the rounded amount through its last day paid.
    pub amount: Money,
}

/// What a supplier is paid for one month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthTotal {
    pub supplier: BidId,
    pub bidder: String,
    pub month: (i16, i8),
    pub orders: usize,
    pub amount: Money,
}

/// The settlement of every order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settlement {
    /// In the order of the file.
    pub orders: Vec<OrderPayment>,
    /// By supplier (bid id), then month.
    pub totals: Vec<MonthTotal>,
    /// The month asked for, if one was.
    pub month: Option<(i16, i8)>,
    /// The settlement date, if one was given.
    pub through: Option<Date>,
    pub total: Money,
}

/// What a settlement is asked for.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scope {
    /// Only this month's payments (year, month).
    pub month: Option<(i16, i8)>,
    /// No day after this one is paid (the day of the settlement).
    pub through: Option<Date>,
}

impl Scope {
    /// The last day paid for: `through`, or the end of `month` where that comes first.
    pub fn last_day(self) -> Option<Date> {
        let month_end = self
            .month
            .and_then(|(year, month)| Date::new(year, month, 1).ok().map(|d| d.last_of_month()));
        match (self.through, month_end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// Settles every order. Orders are validated: their supplier and line have prices, and
/// every price they need is known.
pub fn settle(contract: &Contract, prices: &Prices, orders: &[Order], scope: Scope) -> Settlement {
    let first = orders
        .iter()
        .map(|o| o.start)
        .min()
        .unwrap_or(contract.start);
    let last = orders.iter().map(|o| o.end).max().unwrap_or(contract.start);
    let calendar = WeekdayCount::new(first, last, &contract.weekdays.excluded);
    let rounding = contract.amount_rounding.rule;
    let applies = contract
        .indexation
        .as_ref()
        .map_or(AppliesTo::OrderDate, |i| i.applies_to);
    let mut settled = Vec::with_capacity(orders.len());
    let mut totals: BTreeMap<(BidId, (i16, i8)), MonthTotal> = BTreeMap::new();
    for order in orders {
        let Some(price) = prices.of(&order.supplier, &order.line) else {
            continue;
        };
        let basis = contract
            .payment_of(&order.line)
            .map_or(Basis::Weekday, |p| p.basis);
        let ordered_days = calendar.between(order.start, order.end);
        let last_day = match order.course {
            Course::Full => Some(order.end),
            Course::Stopped(day) => Some(day),
            // The n-th weekday from the start (none: nothing completed).
            Course::Completed(days) => calendar.nth_from(order.start, days),
            Course::Cancelled(_) => None,
        };
        let paid_through = last_day
            .map(|d| scope.last_day().map_or(d, |t| t.min(d)))
            .filter(|d| *d >= order.start);
        let stretches = paid_through.map_or_else(Vec::new, |through| {
            stretches(&calendar, &price.schedule, order, through, applies)
        });
        let mut months = Vec::new();
        let mut before = Money::new(rounding.apply(Decimal::ZERO));
        let mut days_through = 0;
        for month in months_of(&stretches) {
            let upto: Vec<Stretch> = stretches
                .iter()
                .filter(|s| (s.first.year(), s.first.month()) <= month)
                .cloned()
                .collect();
            let this: Vec<Stretch> = upto
                .iter()
                .filter(|s| (s.first.year(), s.first.month()) == month)
                .cloned()
                .collect();
            days_through += this.iter().map(|s| s.days).sum::<u32>();
            let exact = exact_amount(basis, order.hours, ordered_days, &upto);
            let through = Money::new(rounding.apply(exact));
            let amount = Money::new(through.value() - before.value());
            before = through;
            months.push(MonthPayment {
                month,
                stretches: this,
                days_through,
                through_exact: exact,
                through,
                amount,
            });
        }
        let amount = before;
        for m in &months {
            if scope.month.is_none_or(|asked| asked == m.month) {
                let entry = totals
                    .entry((order.supplier.clone(), m.month))
                    .or_insert_with(|| MonthTotal {
                        supplier: order.supplier.clone(),
                        bidder: price.bidder.clone(),
                        month: m.month,
                        orders: 0,
                        amount: Money::new(Decimal::ZERO),
                    });
                entry.orders += 1;
                entry.amount = entry.amount + m.amount;
            }
        }
        settled.push(OrderPayment {
            order: order.clone(),
            bidder: price.bidder.clone(),
            basis,
            ordered_days,
            paid_through,
            completed_days: days_through,
            months,
            amount,
        });
    }
    if let Some(asked) = scope.month {
        settled.retain(|o| o.months.iter().any(|m| m.month == asked));
    }
    let totals: Vec<MonthTotal> = totals.into_values().collect();
    let total = totals
        .iter()
        .fold(Money::new(Decimal::ZERO), |sum, t| sum + t.amount);
    Settlement {
        orders: settled,
        totals,
        month: scope.month,
        through: scope.through,
        total,
    }
}

/// The completed weekdays of an order from its start through `through`, in stretches of
/// one price within one month.
fn stretches(
    calendar: &WeekdayCount,
    schedule: &Schedule,
    order: &Order,
    through: Date,
    applies: AppliesTo,
) -> Vec<Stretch> {
    // The days a new stretch starts: each month's first day, and (prices by delivery date)
    // each adjustment's date.
    let mut cuts: Vec<Date> = Vec::new();
    let mut month = order.start.first_of_month();
    while let Ok(next) = month.checked_add(jiff::Span::new().months(1)) {
        if next > through {
            break;
        }
        cuts.push(next);
        month = next;
    }
    if applies == AppliesTo::DeliveryDate {
        cuts.extend(
            schedule
                .changes()
                .map(|k| k.effective)
                .filter(|d| *d > order.start && *d <= through),
        );
    }
    cuts.sort();
    cuts.dedup();
    let mut out = Vec::new();
    let mut first = order.start;
    for end in cuts
        .iter()
        .map(|c| c.yesterday().ok())
        .chain([Some(through)])
    {
        let Some(last) = end else { continue };
        if last < first {
            continue;
        }
        let priced_on = match applies {
            AppliesTo::OrderDate => order.ordered,
            AppliesTo::DeliveryDate => first,
        };
        // Validation made sure every price an order needs is known.
        let (price, adjusted) = schedule
            .on(priced_on)
            .map_or((schedule.bid, None), |(p, k)| (p, k.map(|k| k.effective)));
        let days = calendar.between(first, last);
        if days > 0 {
            out.push(Stretch {
                first,
                last,
                days,
                price,
                adjusted,
            });
        }
        match last.tomorrow() {
            Ok(next) => first = next,
            Err(_) => break,
        }
    }
    out
}

/// The months the stretches fall in, in order, each once.
fn months_of(stretches: &[Stretch]) -> Vec<(i16, i8)> {
    let mut months: Vec<(i16, i8)> = stretches
        .iter()
        .map(|s| (s.first.year(), s.first.month()))
        .collect();
    months.dedup();
    months
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contract::{AmountRounding, Cancellation, DayOff, LinePayment, Weekdays};
    use crate::values::{Rounding, RoundingMode};
    use jiff::civil::date;
    use proptest::prelude::*;

    fn contract() -> Contract {
        Contract {
            start: date(2024, 1, 1),
            end: date(2026, 12, 31),
            extension: None,
            source: None,
            suppliers: None,
            weekdays: Weekdays {
                excluded: DayOff::ALL.to_vec(),
                source: None,
            },
            payment: vec![
                LinePayment {
                    line: CriterionId("day".into()),
                    basis: Basis::Weekday,
                    source: None,
                },
                LinePayment {
                    line: CriterionId("hour".into()),
                    basis: Basis::Hour,
                    source: None,
                },
            ],
            cancellation: Some(Cancellation {
                days_before_start: 1,
                source: None,
            }),
            amount_rounding: AmountRounding {
                rule: Rounding {
                    decimals: 2,
                    mode: RoundingMode::HalfUp,
                },
                stated: false,
            },
            indexation: None,
        }
    }

    fn prices(day: Decimal, hour: Decimal) -> Prices {
        let bound = |line: &str, price: Decimal| Bound {
            supplier: BidId("s".into()),
            bidder: "S ApS".into(),
            line: CriterionId(line.into()),
            submitted: None,
            price: Money::new(price),
            adjustments: Vec::new(),
        };
        Prices::new(
            &contract(),
            vec![bound("day", day), bound("hour", hour)],
            None,
        )
    }

    fn order(line: &str, start: Date, end: Date, hours: Option<Decimal>, course: Course) -> Order {
        Order {
            id: "o".into(),
            citizen: String::new(),
            supplier: BidId("s".into()),
            line: CriterionId(line.into()),
            ordered: start,
            start,
            end,
            hours,
            course,
            file_line: 2,
        }
    }

    #[test]
    fn an_hour_price_that_does_not_divide_evenly_is_rounded_once_per_month_through() {
        // 5 hours over 4–29 March 2024 (20 weekdays; 28–29 March are skærtorsdag and
        // langfredag, so 18) at 1 100: 5 500 × d / 18. Through March (18 weekdays): 5 500.
        // Stopped on 7 March (4 weekdays): 5 500 × 4 / 18 = 1 222,2… → 1 222,22.
        let o = order(
            "hour",
            date(2024, 3, 4),
            date(2024, 3, 29),
            Some(Decimal::from(5)),
            Course::Stopped(date(2024, 3, 7)),
        );
        let s = settle(
            &contract(),
            &prices(Decimal::from(400), Decimal::from(1100)),
            &[o],
            Scope::default(),
        );
        assert_eq!(s.orders[0].ordered_days, 18);
        assert_eq!(s.orders[0].completed_days, 4);
        assert_eq!(s.orders[0].amount, Money::new("1222.22".parse().unwrap()));
    }

    proptest! {
        /// An order's months add up to exactly its amount, which is the contract's formula
        /// over all its completed weekdays, rounded once; a later stop never pays less.
        #[test]
        fn months_add_up_to_the_order_and_a_longer_course_pays_no_less(
            start in 0i64..700,
            length in 0i64..200,
            stop in 0i64..200,
            hours in 1u32..400,
            day_price in 1u32..5000,
            hour_price in 1u32..5000,
            per_hour in any::<bool>(),
        ) {
            let start = date(2024, 1, 1).checked_add(jiff::Span::new().days(start)).unwrap();
            let end = start.checked_add(jiff::Span::new().days(length)).unwrap();
            let stopped = start.checked_add(jiff::Span::new().days(stop.min(length))).unwrap();
            let calendar = WeekdayCount::new(start, end, &DayOff::ALL);
            prop_assume!(calendar.between(start, end) > 0);
            let line = if per_hour { "hour" } else { "day" };
            let hours = per_hour.then(|| Decimal::from(hours) / Decimal::from(4));
            let prices = prices(Decimal::from(day_price), Decimal::from(hour_price));
            let settled = |course| {
                settle(&contract(), &prices, &[order(line, start, end, hours, course)], Scope::default())
                    .orders
                    .remove(0)
            };
            let full = settled(Course::Full);
            let part = settled(Course::Stopped(stopped));
            for paid in [&full, &part] {
                let months: Decimal = paid.months.iter().map(|m| m.amount.value()).sum();
                prop_assert_eq!(months, paid.amount.value());
                let price = Decimal::from(if per_hour { hour_price } else { day_price });
                let exact = match hours {
                    Some(h) => h * price * Decimal::from(paid.completed_days) / Decimal::from(paid.ordered_days),
                    None => price * Decimal::from(paid.completed_days),
                };
                let rounded = exact.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
                prop_assert_eq!(paid.amount.value(), rounded);
            }
            prop_assert!(part.amount <= full.amount);
            prop_assert_eq!(full.completed_days, full.ordered_days);
        }
    }
}
