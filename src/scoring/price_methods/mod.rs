//! Price models: how an evaluated price becomes points, for every published method.
//!
//! Contract: pure arithmetic on `Decimal`. Each method defines its edge cases (a single
//! bid, all prices equal, a price of 0, a negative result) instead of dividing by zero or
//! returning a silent 0, and every calculation returns the formula with its numbers filled
//! in, so a report can show how the points came about. Points are rounded only by the
//! model's own rounding rule, by the caller.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::{Anchor, Method, PriceLine, ScoringModel};
use crate::values::{ModelRounding, Money, Points};

mod formula;
pub use formula::{Below, Formula};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MoneyCalculation {
    pub method: &'static str,
    /// The price compared: the evaluated price, or the evaluation price of several lines.
    pub price: Money,
    /// How several lines make the price, where they do ("373 × 130 + 1300 × 6.5").
    pub price_terms: Option<String>,
    /// The quality points Q: the weighted mean of the quality criteria, on the scale.
    pub quality: Points,
    pub quality_max: Points,
    pub formula: Formula,
    pub exact: Money,
    /// The evaluation price ranked on, rounded by the model's rule.
    pub value: Money,
    /// Whether the formula's division did not terminate, so `exact` is rounded at 28
    /// significant digits.
    pub rounded_at_28_digits: bool,
}

/// The prices of the other bids that a relative method looks at: the lowest and highest
/// evaluated price on the line among the bids that are scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Field {
    pub lowest: Money,
    pub highest: Money,
}

/// An anchor resolved on a price line: (price, points).
pub type AnchorPoint = (Money, Points);

/// How a price's points were calculated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Calculation {
    /// The method's name, as in the model file.
    pub method: &'static str,
    /// The formula with its numbers, e.g. `8 + (373 − 370) × (0 − 8) / (430 − 370)`.
    pub formula: Formula,
    /// The exact result before the model's rounding.
    pub exact: Decimal,
    pub rounding: ModelRounding,
    /// For anchor models: the anchors around the price, (price, points) each.
    pub anchors: Option<(AnchorPoint, AnchorPoint)>,
    /// For relative models: the lowest and highest price they compared with.
    pub field: Option<Field>,
    /// Whether a division in the formula did not terminate, so `exact` is rounded at 28
    /// significant digits (before the model's own rounding).
    pub rounded_at_28_digits: bool,
}

impl ScoringModel {
    /// The points, before rounding, of an evaluated price on a line, with how.
    pub fn calculate(&self, line: &PriceLine, price: Money, field: Field) -> Calculation {
        let mut terminated = true;
        let (formula, exact, anchors, field) = match &self.method {
            Method::Anchors(anchors) => {
                let (formula, exact, around) = interpolate(anchors, line, price, &mut terminated);
                (formula, exact, Some(around), None)
            }
            Method::RelativeToLowest {
                max,
                slope,
                floor_at_zero,
            } => {
                let (formula, exact) = relative_to_lowest(
                    max.value(),
                    *slope,
                    *floor_at_zero,
                    price.value(),
                    field.lowest.value(),
                    &mut terminated,
                );
                (formula, exact, None, Some(field))
            }
            Method::Proportional { max } => {
                let (formula, exact) = proportional(
                    max.value(),
                    price.value(),
                    field.lowest.value(),
                    &mut terminated,
                );
                (formula, exact, None, Some(field))
            }
            Method::LowestToHighest { max } => {
                let (formula, exact) =
                    lowest_to_highest(max.value(), price.value(), field, &mut terminated);
                (formula, exact, None, Some(field))
            }
            // Money models give no price points; their evaluation is `evaluation_price`.
            Method::MoneyPerPoint { .. } | Method::PercentSurcharge { .. } => {
                (Formula::MoneyModel, Decimal::ZERO, None, None)
            }
        };
        Calculation {
            method: self.method.name(),
            formula,
            exact,
            rounding: self.rounding,
            anchors,
            field,
            rounded_at_28_digits: !terminated,
        }
    }

    /// The fewest and most points a price inside the line's band can earn, whatever the
    /// other bids: every evaluated price lies in the band, so the lowest price of any field
    /// is at least the minimum.
    pub fn points_range(&self, line: &PriceLine) -> (Points, Points) {
        let round = |value: Decimal| Points::new(self.rounding.apply(value));
        match &self.method {
            Method::Anchors(anchors) => {
                let points = anchors.iter().map(|a| a.points);
                (
                    points.clone().min().unwrap_or_default(),
                    points.max().unwrap_or_default(),
                )
            }
            Method::RelativeToLowest {
                max,
                slope,
                floor_at_zero,
            } => {
                // The worst case: the highest price of the band against its lowest. The
                // formula already floors at 0 where the model says so.
                // Without a band prices are unbounded above: with a floor the fewest points
                // are 0 (validation demands a band of a model without one).
                let fewest = match line.band {
                    Some(band) => round(
                        relative_to_lowest(
                            max.value(),
                            *slope,
                            *floor_at_zero,
                            band.max.value(),
                            band.min.value(),
                            &mut true,
                        )
                        .1,
                    ),
                    None => Points::new(Decimal::ZERO),
                };
                (fewest, *max)
            }
            // Without a band, a price far above the lowest earns as near 0 as it likes.
            Method::Proportional { max } => (
                match line.band {
                    Some(band) => round(
                        proportional(max.value(), band.max.value(), band.min.value(), &mut true).1,
                    ),
                    None => Points::new(Decimal::ZERO),
                },
                *max,
            ),
            Method::LowestToHighest { max } => (Points::new(Decimal::ZERO), *max),
            Method::MoneyPerPoint { .. } | Method::PercentSurcharge { .. } => {
                (Points::new(Decimal::ZERO), Points::new(Decimal::ZERO))
            }
        }
    }

    /// A money model's evaluation price of a price and quality points Q on a scale up to
    /// Qmax. The formulas are linear in P and Q; the only division is by Qmax, which is
    /// above 0 for any scale from 0 (`None` otherwise).
    pub fn evaluation_price(
        &self,
        price: Money,
        quality: Points,
        quality_max: Points,
    ) -> Option<MoneyCalculation> {
        let (p, q, qmax) = (price.value(), quality.value(), quality_max.value());
        let mut terminated = true;
        let (formula, exact) = match &self.method {
            Method::MoneyPerPoint {
                amount,
                deduction: false,
            } => (
                Formula::MoneyPerPoint {
                    price: p,
                    quality_max: qmax,
                    quality: q,
                    amount: amount.value(),
                },
                p + (qmax - q) * amount.value(),
            ),
            Method::MoneyPerPoint {
                amount,
                deduction: true,
            } => (
                Formula::MoneyDeduction {
                    price: p,
                    quality: q,
                    amount: amount.value(),
                },
                p - q * amount.value(),
            ),
            Method::PercentSurcharge { factor } => {
                if qmax.is_zero() {
                    return None;
                }
                (
                    Formula::PercentSurcharge {
                        price: p,
                        quality_max: qmax,
                        quality: q,
                        factor: *factor,
                    },
                    // Multiplied out before the one division, so only that division can be inexact.
                    p + divide(p * (qmax - q) * factor, qmax, &mut terminated),
                )
            }
            _ => return None,
        };
        Some(MoneyCalculation {
            method: self.method.name(),
            price,
            price_terms: None,
            quality,
            quality_max,
            formula,
            exact: Money::new(exact),
            value: Money::new(self.rounding.apply(exact)),
            rounded_at_28_digits: !terminated,
        })
    }
}

/// `numerator / denominator`, noting in `exact` when the quotient does not terminate and
/// is rounded at 28 significant digits (the most an exact decimal holds).
fn divide(numerator: Decimal, denominator: Decimal, exact: &mut bool) -> Decimal {
    // Validation keeps every denominator here above 0 and every quotient in range.
    let (quotient, terminates) =
        crate::values::quotient(numerator, denominator).unwrap_or((Decimal::ZERO, false));
    *exact &= terminates;
    quotient
}

/// Piecewise linear interpolation between the anchors around the price.
fn interpolate(
    anchors: &[Anchor],
    line: &PriceLine,
    price: Money,
    terminated: &mut bool,
) -> (Formula, Decimal, (AnchorPoint, AnchorPoint)) {
    // Validation lets no anchor through that needs a band (or target) the line lacks.
    let resolved: Vec<AnchorPoint> = anchors
        .iter()
        .filter_map(|a| Some((a.price.on(line)?, a.points)))
        .collect();
    let (Some(&first), Some(&last)) = (resolved.first(), resolved.last()) else {
        let none = (price, Points::new(Decimal::ZERO));
        return (Formula::NoAnchor, Decimal::ZERO, (none, none));
    };
    let (lower, upper) = if price <= first.0 {
        (first, first)
    } else if price >= last.0 {
        (last, last)
    } else {
        // Validation guarantees strictly increasing anchor prices, so exactly one segment
        // holds the price, and a price equal to an inner anchor lands on that anchor.
        resolved
            .windows(2)
            .find(|pair| pair[0].0 <= price && price <= pair[1].0)
            .map(|pair| (pair[0], pair[1]))
            .unwrap_or((last, last))
    };
    if lower.0 == upper.0 {
        let formula = Formula::Flat {
            at: lower.0.value(),
        };
        return (formula, lower.1.value(), (lower, upper));
    }
    let ((p0, s0), (p1, s1)) = (
        (lower.0.value(), lower.1.value()),
        (upper.0.value(), upper.1.value()),
    );
    // One multiplication, then one division, so the only inexact step is the final
    // division (exact to 28 significant digits), before the model's rounding.
    let exact = s0 + divide((price.value() - p0) * (s1 - s0), p1 - p0, terminated);
    let formula = Formula::Interpolated {
        s0,
        price: price.value(),
        p0,
        s1,
        p1,
    };
    (formula, exact, (lower, upper))
}

/// `M × (1 − (P − Plow) / (X × Plow))`. A lowest price of 0 leaves the slope no width:
/// a price of 0 earns M and any other price 0 points.
fn relative_to_lowest(
    max: Decimal,
    slope: Decimal,
    floor_at_zero: bool,
    price: Decimal,
    lowest: Decimal,
    terminated: &mut bool,
) -> (Formula, Decimal) {
    if lowest.is_zero() {
        let exact = if price.is_zero() { max } else { Decimal::ZERO };
        return (Formula::NoWidth { max }, exact);
    }
    // Checked: validation keeps a model without a floor to slopes of at least 1 % and
    // prices of at least 1, where this always fits; with a floor, a quotient too large to
    // multiply is far below 0 and the points are 0 all the same.
    let raw = slope
        .checked_mul(lowest)
        .and_then(|width| {
            let (q, terminates) = crate::values::quotient(price - lowest, width)?;
            *terminated &= terminates;
            Some(q)
        })
        .and_then(|q| max.checked_mul(Decimal::ONE - q));
    let (below, exact) = match raw {
        Some(raw) if floor_at_zero && raw.is_sign_negative() && !raw.is_zero() => {
            (Below::Floored(raw), Decimal::ZERO)
        }
        Some(raw) => (Below::Kept, raw),
        None if floor_at_zero => (Below::FarBelow, Decimal::ZERO),
        None => (Below::OutOfRange, Decimal::MIN),
    };
    let formula = Formula::RelativeToLowest {
        max,
        price,
        lowest,
        slope,
        below,
    };
    (formula, exact)
}

/// `M × Plow / P`. A price of 0 is the lowest and earns M.
fn proportional(
    max: Decimal,
    price: Decimal,
    lowest: Decimal,
    terminated: &mut bool,
) -> (Formula, Decimal) {
    if price.is_zero() {
        return (Formula::ZeroPrice { max }, max);
    }
    (
        Formula::Proportional { max, lowest, price },
        divide(max * lowest, price, terminated),
    )
}

/// `M × (Phigh − P) / (Phigh − Plow)`. When every price is the same (or there is one
/// bid), every bid has the lowest price and earns M.
fn lowest_to_highest(
    max: Decimal,
    price: Decimal,
    field: Field,
    terminated: &mut bool,
) -> (Formula, Decimal) {
    let (low, high) = (field.lowest.value(), field.highest.value());
    if high == low {
        return (Formula::AllEqual { price: low, max }, max);
    }
    (
        Formula::LowestToHighest {
            max,
            high,
            price,
            low,
        },
        divide(max * (high - price), high - low, terminated),
    )
}

#[cfg(test)]
mod tests;
