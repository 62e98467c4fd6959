//! Price indexation: each supplier's prices, year by year, as the contract's index moves
//! them.
//!
//! Contract: pure. For each adjustment, in date order: the index's change in percent from
//! one period to another, `(to ÷ from − 1) × 100`, exact (a non-terminating quotient is cut
//! at 28 significant digits) unless the contract rounds it (`change_rounding`); the part
//! passed on — a rise only above the threshold (3,5 % − 2,0 % = 1,5 %), a fall in full, no
//! change in between —; the new price `before × (100 + part) ÷ 100`, rounded by
//! `price_rounding`, and never below the price bid. Each adjustment builds on the price the
//! one before it left. An adjustment whose index values are missing, and every one after
//! it, is unknown: prices from its date on cannot be told.

use jiff::civil::Date;
use rust_decimal::Decimal;

use crate::domain::contract::{Adjustment, IndexSeries, Indexation, Period};
use crate::values::Money;

/// The prices of one supplier's price line over the contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// The price bid (after the price rules): in force until the first adjustment, and the
    /// floor of every adjustment.
    pub bid: Money,
    /// One per adjustment of the contract, in date order.
    pub steps: Vec<Step>,
}

/// One adjustment of one price.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Known(Known),
    /// The adjustment cannot be computed (nor any after it).
    Unknown {
        effective: Date,
        why: Unknown,
    },
}

/// Why an adjustment cannot be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unknown {
    /// No index file was given.
    NoIndex { from: Period, to: Period },
    /// The index file lacks the value of this period.
    Missing(Period),
    /// An earlier adjustment is not known.
    Earlier(Date),
    /// The adjusted price is beyond what a decimal holds exactly.
    TooLarge,
}

impl std::fmt::Display for Unknown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unknown::NoIndex { from, to } => write!(
                f,
                "it needs the index for {from} and {to}, and no index file was given"
            ),
            Unknown::Missing(p) => write!(f, "the index file has no value for {p}"),
            Unknown::Earlier(d) => write!(f, "the adjustment of {d} before it is not known"),
            Unknown::TooLarge => f.write_str("the adjusted price is too large to compute exactly"),
        }
    }
}

/// An adjustment computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    pub effective: Date,
    pub from: Period,
    pub to: Period,
    pub from_value: Decimal,
    pub to_value: Decimal,
    /// The index's change in percent, exact.
    pub change: Decimal,
    /// The change as used: rounded where the contract rounds it.
    pub change_used: Decimal,
    /// The part of the change passed on to the price, in percent.
    pub passed_on: Decimal,
    /// Why that part: a rise above the threshold, a fall, or a rise within it.
    pub reason: PassedOn,
    /// The price in force before.
    pub before: Money,
    /// `before × (100 + passed_on) ÷ 100`, exact.
    pub computed: Money,
    /// `computed` rounded by the contract's price rounding.
    pub rounded: Money,
    /// Whether the rounded price fell below the price bid, and the bid price was kept.
    pub floored: bool,
    /// The price in force from `effective`.
    pub price: Money,
}

/// Why a part of the index change is passed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassedOn {
    /// A rise above the threshold: the part above it.
    RiseAboveThreshold,
    /// A rise no larger than the threshold: nothing.
    RiseWithinThreshold,
    /// A fall (or no change): in full.
    Fall,
}

/// The index values an adjustment compares, or why they are not known.
fn values(series: Option<&IndexSeries>, a: &Adjustment) -> Result<(Decimal, Decimal), Unknown> {
    let Some(series) = series else {
        return Err(Unknown::NoIndex {
            from: a.from,
            to: a.to,
        });
    };
    let value = |p: Period| series.values.get(&p).copied().ok_or(Unknown::Missing(p));
    Ok((value(a.from)?, value(a.to)?))
}

/// The schedule of a price bid under the contract's indexation and the index as known.
pub fn schedule(bid: Money, indexation: &Indexation, series: Option<&IndexSeries>) -> Schedule {
    let mut steps = Vec::with_capacity(indexation.adjustments.len());
    let mut before = bid;
    let mut unknown: Option<Date> = None;
    for adjustment in &indexation.adjustments {
        if let Some(first) = unknown {
            steps.push(Step::Unknown {
                effective: adjustment.effective,
                why: Unknown::Earlier(first),
            });
            continue;
        }
        match values(series, adjustment).and_then(|v| step(before, bid, indexation, adjustment, v))
        {
            Ok(known) => {
                before = known.price;
                steps.push(Step::Known(known));
            }
            Err(why) => {
                unknown = Some(adjustment.effective);
                steps.push(Step::Unknown {
                    effective: adjustment.effective,
                    why,
                });
            }
        }
    }
    Schedule { bid, steps }
}

/// One adjustment of the price `before`.
fn step(
    before: Money,
    bid: Money,
    indexation: &Indexation,
    adjustment: &Adjustment,
    (from_value, to_value): (Decimal, Decimal),
) -> Result<Known, Unknown> {
    let too_large = || Unknown::TooLarge;
    // Index values are above 0 (validated), so the division is defined.
    let change = (to_value - from_value)
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|d| d.checked_div(from_value))
        .ok_or_else(too_large)?;
    let change_used = indexation
        .change_rounding
        .map_or(change, |rule| rule.apply(change));
    let (passed_on, reason) = if change_used > indexation.threshold {
        (
            change_used - indexation.threshold,
            PassedOn::RiseAboveThreshold,
        )
    } else if change_used > Decimal::ZERO {
        (Decimal::ZERO, PassedOn::RiseWithinThreshold)
    } else {
        (change_used, PassedOn::Fall)
    };
    let computed = before
        .value()
        .checked_mul(Decimal::ONE_HUNDRED + passed_on)
        .and_then(|d| d.checked_div(Decimal::ONE_HUNDRED))
        .ok_or_else(too_large)?;
    let rounded = Money::new(indexation.price_rounding.apply(computed));
    let floored = rounded < bid;
    Ok(Known {
        effective: adjustment.effective,
        from: adjustment.from,
        to: adjustment.to,
        from_value,
        to_value,
        change,
        change_used,
        passed_on,
        reason,
        before,
        computed: Money::new(computed),
        rounded,
        floored,
        price: if floored { bid } else { rounded },
    })
}

impl Schedule {
    /// The price in force on a day, with the adjustment it comes from (`None`: the price
    /// bid); `Err` with the reason where an adjustment on or before the day is unknown.
    pub fn on(&self, day: Date) -> Result<(Money, Option<&Known>), &Unknown> {
        let mut price = (self.bid, None);
        for step in &self.steps {
            match step {
                Step::Known(known) if known.effective <= day => price = (known.price, Some(known)),
                Step::Unknown { effective, why } if *effective <= day => return Err(why),
                _ => break,
            }
        }
        Ok(price)
    }

    /// The first day from which prices are not known, with the reason.
    pub fn unknown_from(&self) -> Option<(Date, String)> {
        self.steps.iter().find_map(|s| match s {
            Step::Unknown { effective, why } => Some((
                *effective,
                format!("the price adjustment of {effective} cannot be computed: {why}"),
            )),
            Step::Known(_) => None,
        })
    }

    /// The days the price changes on, after the bid price: each known adjustment's date.
    pub fn changes(&self) -> impl Iterator<Item = &Known> {
        self.steps.iter().filter_map(|s| match s {
            Step::Known(k) => Some(k),
            Step::Unknown { .. } => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contract::{AppliesTo, Site};
    use crate::values::{Rounding, RoundingMode};
    use jiff::civil::date;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn indexation(change_rounding: Option<Rounding>) -> Indexation {
        let adjustment = |year: i16| Adjustment {
            effective: date(year + 1, 1, 1),
            from: Period::parse(&format!("{}K3", year - 1)).unwrap(),
            to: Period::parse(&format!("{year}K3")).unwrap(),
            site: Site {
                file: 0,
                span: 0..0,
            },
        };
        Indexation {
            index: "PPI 78".into(),
            threshold: dec("2.0"),
            change_rounding,
            price_rounding: Rounding {
                decimals: 2,
                mode: RoundingMode::HalfUp,
            },
            applies_to: AppliesTo::OrderDate,
            adjustments: vec![adjustment(2024), adjustment(2025), adjustment(2026)],
            source: None,
        }
    }

    fn series(values: &[(&str, &str)]) -> IndexSeries {
        IndexSeries {
            name: "PPI 78".into(),
            values: values
                .iter()
                .map(|(p, v)| (Period::parse(p).unwrap(), dec(v)))
                .collect(),
        }
    }

    #[test]
    fn a_rise_above_the_threshold_passes_on_only_the_part_above_it() {
        // Bilag B pkt. 1.5: a change of 3,5 % raises the prices by 1,5 %.
        // 2023K3 100 → 2024K3 103,5: change 3,5 %; 390 × 101,5 ÷ 100 = 395,85.
        let s = schedule(
            Money::new(dec("390")),
            &indexation(None),
            Some(&series(&[("2023K3", "100"), ("2024K3", "103.5")])),
        );
        let Step::Known(first) = &s.steps[0] else {
            panic!("{s:?}")
        };
        assert_eq!(first.change, dec("3.5"));
        assert_eq!(first.passed_on, dec("1.5"));
        assert_eq!(first.price, Money::new(dec("395.85")));
        // The next adjustment needs 2025K3, which is missing: unknown from 1 Jan 2026.
        assert_eq!(s.unknown_from().map(|u| u.0), Some(date(2026, 1, 1)));
        assert_eq!(
            s.on(date(2025, 12, 31)).map(|p| p.0),
            Ok(Money::new(dec("395.85")))
        );
        assert_eq!(
            s.on(date(2024, 12, 31)).map(|p| p.0),
            Ok(Money::new(dec("390")))
        );
        assert!(s.on(date(2026, 1, 1)).is_err());
    }

    #[test]
    fn a_fall_is_passed_on_but_never_below_the_bid() {
        // 2023K3 100 → 2024K3 105: +5 % → +3 %: 1100 × 1,03 = 1133.
        // 2024K3 105 → 2025K3 102,9: −2 % in full: 1133 × 0,98 = 1110,34.
        // 2025K3 102,9 → 2026K3 98,784: −4 %: 1110,34 × 0,96 = 1065,9264 → 1065,93, below
        // the bid 1100: the bid is kept.
        let s = schedule(
            Money::new(dec("1100")),
            &indexation(None),
            Some(&series(&[
                ("2023K3", "100"),
                ("2024K3", "105"),
                ("2025K3", "102.9"),
                ("2026K3", "98.784"),
            ])),
        );
        let prices: Vec<(Money, bool)> = s.changes().map(|k| (k.price, k.floored)).collect();
        assert_eq!(
            prices,
            vec![
                (Money::new(dec("1133.00")), false),
                (Money::new(dec("1110.34")), false),
                (Money::new(dec("1100")), true),
            ]
        );
        let last = s.changes().last().unwrap();
        assert_eq!(last.change, dec("-4"));
        assert_eq!(last.computed, Money::new(dec("1065.9264")));
        assert_eq!(s.unknown_from(), None);
    }

    #[test]
    fn a_rise_within_the_threshold_changes_nothing_and_the_change_may_be_rounded() {
        // 100 → 101,96: 1,96 %, within 2 %: the price stays. Rounded to one decimal it is
        // 2,0 %, still not above the threshold.
        let s = schedule(
            Money::new(dec("390")),
            &indexation(Some(Rounding {
                decimals: 1,
                mode: RoundingMode::HalfUp,
            })),
            Some(&series(&[("2023K3", "100"), ("2024K3", "101.96")])),
        );
        let Step::Known(first) = &s.steps[0] else {
            panic!()
        };
        assert_eq!(first.change, dec("1.96"));
        assert_eq!(first.change_used, dec("2.0"));
        assert_eq!(first.reason, PassedOn::RiseWithinThreshold);
        assert_eq!(first.price, Money::new(dec("390.00")));
    }
}
