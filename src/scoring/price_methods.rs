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
use crate::values::{Money, Points, Rounding, plain};

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
    pub formula: String,
    pub exact: Money,
    /// The evaluation price ranked on, rounded by the model's rule.
    pub value: Money,
}

/// One anchor of a piecewise linear model: this price earns these points.
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
    pub formula: String,
    /// The exact result before the model's rounding.
    pub exact: Decimal,
    pub rounding: Rounding,
    /// For anchor models: the anchors around the price, (price, points) each.
    pub anchors: Option<(AnchorPoint, AnchorPoint)>,
    /// For relative models: the lowest and highest price they compared with.
    pub field: Option<Field>,
}

impl ScoringModel {
    /// The points, before rounding, of an evaluated price on a line, with how.
    pub fn calculate(&self, line: &PriceLine, price: Money, field: Field) -> Calculation {
        let (formula, exact, anchors, field) = match &self.method {
            Method::Anchors(anchors) => {
                let (formula, exact, around) = interpolate(anchors, line, price);
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
                );
                (formula, exact, None, Some(field))
            }
            Method::Proportional { max } => {
                let (formula, exact) =
                    proportional(max.value(), price.value(), field.lowest.value());
                (formula, exact, None, Some(field))
            }
            Method::LowestToHighest { max } => {
                let (formula, exact) = lowest_to_highest(max.value(), price.value(), field);
                (formula, exact, None, Some(field))
            }
            // Money models give no price points; their evaluation is `evaluation_price`.
            Method::MoneyPerPoint { .. } | Method::PercentSurcharge { .. } => (
                "a money model: the price counts in the evaluation price".into(),
                Decimal::ZERO,
                None,
                None,
            ),
        };
        Calculation {
            method: self.method.name(),
            formula,
            exact,
            rounding: self.rounding,
            anchors,
            field,
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
                (
                    round(
                        relative_to_lowest(
                            max.value(),
                            *slope,
                            *floor_at_zero,
                            line.max.value(),
                            line.min.value(),
                        )
                        .1,
                    ),
                    *max,
                )
            }
            Method::Proportional { max } => (
                round(proportional(max.value(), line.max.value(), line.min.value()).1),
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
        let (formula, exact) = match &self.method {
            Method::MoneyPerPoint {
                amount,
                deduction: false,
            } => (
                format!(
                    "{} + ({} − {}) × {}",
                    plain(p),
                    plain(qmax),
                    plain(q),
                    plain(amount.value())
                ),
                p + (qmax - q) * amount.value(),
            ),
            Method::MoneyPerPoint {
                amount,
                deduction: true,
            } => (
                format!("{} − {} × {}", plain(p), plain(q), plain(amount.value())),
                p - q * amount.value(),
            ),
            Method::PercentSurcharge { factor } => {
                if qmax.is_zero() {
                    return None;
                }
                (
                    format!(
                        "{} × (1 + ({} − {}) / {} × {})",
                        plain(p),
                        plain(qmax),
                        plain(q),
                        plain(qmax),
                        plain(*factor)
                    ),
                    // Multiplied out before the one division, so only that division can be inexact.
                    p + p * (qmax - q) * factor / qmax,
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
        })
    }
}

/// Piecewise linear interpolation between the anchors around the price.
fn interpolate(
    anchors: &[Anchor],
    line: &PriceLine,
    price: Money,
) -> (String, Decimal, (AnchorPoint, AnchorPoint)) {
    let resolved: Vec<AnchorPoint> = anchors
        .iter()
        .map(|a| (a.price.on(line), a.points))
        .collect();
    let first = resolved[0];
    let last = resolved[resolved.len() - 1];
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
        let formula = format!(
            "the points of the anchor at {} (flat beyond the outermost anchors)",
            plain(lower.0.value())
        );
        return (formula, lower.1.value(), (lower, upper));
    }
    let ((p0, s0), (p1, s1)) = (
        (lower.0.value(), lower.1.value()),
        (upper.0.value(), upper.1.value()),
    );
    // One multiplication, then one division, so the only inexact step is the final
    // division (exact to 28 significant digits), before the model's rounding.
    let exact = s0 + (price.value() - p0) * (s1 - s0) / (p1 - p0);
    let formula = format!(
        "{} + ({} − {}) × ({} − {}) / ({} − {})",
        plain(s0),
        plain(price.value()),
        plain(p0),
        plain(s1),
        plain(s0),
        plain(p1),
        plain(p0)
    );
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
) -> (String, Decimal) {
    if lowest.is_zero() {
        let exact = if price.is_zero() { max } else { Decimal::ZERO };
        return (
            format!(
                "the lowest price is 0, so the formula has no width: {} points at 0, 0 points above it",
                plain(max)
            ),
            exact,
        );
    }
    let raw = max * (Decimal::ONE - (price - lowest) / (slope * lowest));
    let formula = format!(
        "{} × (1 − ({} − {}) / ({} × {}))",
        plain(max),
        plain(price),
        plain(lowest),
        plain(slope),
        plain(lowest)
    );
    if floor_at_zero && raw.is_sign_negative() && !raw.is_zero() {
        (
            format!("{formula} = {}, below 0, so 0", plain(raw)),
            Decimal::ZERO,
        )
    } else {
        (formula, raw)
    }
}

/// `M × Plow / P`. A price of 0 is the lowest and earns M.
fn proportional(max: Decimal, price: Decimal, lowest: Decimal) -> (String, Decimal) {
    if price.is_zero() {
        return (
            format!("the price is 0, the lowest possible: {} points", plain(max)),
            max,
        );
    }
    (
        format!("{} × {} / {}", plain(max), plain(lowest), plain(price)),
        max * lowest / price,
    )
}

/// `M × (Phigh − P) / (Phigh − Plow)`. When every price is the same (or there is one
/// bid), every bid has the lowest price and earns M.
fn lowest_to_highest(max: Decimal, price: Decimal, field: Field) -> (String, Decimal) {
    let (low, high) = (field.lowest.value(), field.highest.value());
    if high == low {
        return (
            format!(
                "every price is {}, the lowest: {} points",
                plain(low),
                plain(max)
            ),
            max,
        );
    }
    (
        format!(
            "{} × ({} − {}) / ({} − {})",
            plain(max),
            plain(high),
            plain(price),
            plain(high),
            plain(low)
        ),
        max * (high - price) / (high - low),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AnchorPrice;
    use crate::values::RoundingMode;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn model(method: Method) -> ScoringModel {
        ScoringModel {
            name: "m".into(),
            title: "m".into(),
            source: None,
            method,
            rounding: Rounding {
                decimals: 2,
                mode: RoundingMode::HalfUp,
            },
        }
    }

    fn line() -> PriceLine {
        PriceLine {
            unit: "day".into(),
            min: Money::new(dec("370")),
            max: Money::new(dec("430")),
            target: Some(Money::new(dec("400"))),
        }
    }

    fn field(low: &str, high: &str) -> Field {
        Field {
            lowest: Money::new(dec(low)),
            highest: Money::new(dec(high)),
        }
    }

    fn exact(m: &ScoringModel, price: &str, f: Field) -> Decimal {
        m.calculate(&line(), Money::new(dec(price)), f).exact
    }

    #[test]
    fn relative_to_lowest_with_both_floors() {
        let floored = model(Method::RelativeToLowest {
            max: Points::new(dec("10")),
            slope: dec("1"),
            floor_at_zero: true,
        });
        // 10 × (1 − (500 − 400) / (1 × 400)) = 10 × 0.75 = 7.5
        assert_eq!(exact(&floored, "500", field("400", "900")), dec("7.5"));
        // 10 × (1 − (900 − 400) / 400) = 10 × −0.25 = −2.5, floored: 0
        assert_eq!(exact(&floored, "900", field("400", "900")), dec("0"));
        let negative = model(Method::RelativeToLowest {
            max: Points::new(dec("10")),
            slope: dec("1"),
            floor_at_zero: false,
        });
        assert_eq!(exact(&negative, "900", field("400", "900")), dec("-2.5"));
        // Slope 75 %: 10 × (1 − 100 / (0.75 × 400)) = 10 × (1 − 1/3) = 6.666…
        let steep = model(Method::RelativeToLowest {
            max: Points::new(dec("10")),
            slope: dec("0.75"),
            floor_at_zero: true,
        });
        assert!(
            exact(&steep, "500", field("400", "500"))
                .to_string()
                .starts_with("6.666666")
        );
        // The lowest bid, a single bid, or all prices equal: M.
        assert_eq!(exact(&floored, "400", field("400", "400")), dec("10"));
        // A lowest price of 0: 10 at 0, 0 above it; never a division by zero.
        assert_eq!(exact(&floored, "0", field("0", "50")), dec("10"));
        assert_eq!(exact(&floored, "50", field("0", "50")), dec("0"));
    }

    #[test]
    fn proportional_and_its_edges() {
        let m = model(Method::Proportional {
            max: Points::new(dec("10")),
        });
        // 10 × 400 / 800 = 5: twice the lowest price earns half the points.
        assert_eq!(exact(&m, "800", field("400", "800")), dec("5"));
        assert_eq!(exact(&m, "400", field("400", "800")), dec("10"));
        assert_eq!(exact(&m, "0", field("0", "800")), dec("10"));
        assert_eq!(exact(&m, "800", field("0", "800")), dec("0"));
    }

    #[test]
    fn lowest_to_highest_and_its_edges() {
        let m = model(Method::LowestToHighest {
            max: Points::new(dec("10")),
        });
        // 10 × (500 − 450) / (500 − 400) = 5
        assert_eq!(exact(&m, "450", field("400", "500")), dec("5"));
        assert_eq!(exact(&m, "500", field("400", "500")), dec("0"));
        // One bid, or all prices equal: everyone has the lowest price.
        assert_eq!(exact(&m, "420", field("420", "420")), dec("10"));
    }

    #[test]
    fn anchors_relative_to_a_target_price() {
        // 10 at target − 5 % (380), 8 at the target (400), 0 at target + 10 % (440).
        let pct = |p: &str| AnchorPrice::Target(dec(p));
        let m = model(Method::Anchors(vec![
            Anchor {
                price: pct("-5"),
                points: Points::new(dec("10")),
            },
            Anchor {
                price: pct("0"),
                points: Points::new(dec("8")),
            },
            Anchor {
                price: pct("10"),
                points: Points::new(dec("0")),
            },
        ]));
        let any = field("1", "1");
        // 390: 10 + (390 − 380) × (8 − 10) / (400 − 380) = 10 − 1 = 9
        assert_eq!(exact(&m, "390", any), dec("9"));
        // 420: 8 + (420 − 400) × (0 − 8) / (440 − 400) = 8 − 4 = 4
        assert_eq!(exact(&m, "420", any), dec("4"));
        assert_eq!(exact(&m, "370", any), dec("10"));
        let calculation = m.calculate(&line(), Money::new(dec("420")), any);
        assert_eq!(
            calculation.formula,
            "8 + (420 − 400) × (0 − 8) / (440 − 400)"
        );
    }

    #[test]
    fn money_models_turn_quality_into_kroner() {
        let per_point = model(Method::MoneyPerPoint {
            amount: Money::new(dec("5000")),
            deduction: false,
        });
        // 56 940 + (10 − 8.65) × 5 000 = 56 940 + 6 750 = 63 690
        let c = per_point
            .evaluation_price(
                Money::new(dec("56940")),
                Points::new(dec("8.65")),
                Points::new(dec("10")),
            )
            .unwrap();
        assert_eq!(
            (c.exact.value(), c.value.value().to_string()),
            (dec("63690"), "63690.00".to_string())
        );
        assert_eq!(c.formula, "56940 + (10 − 8.65) × 5000");
        let deduction = model(Method::MoneyPerPoint {
            amount: Money::new(dec("5000")),
            deduction: true,
        });
        // 56 940 − 8.65 × 5 000 = 56 940 − 43 250 = 13 690; a negative result is allowed and kept.
        assert_eq!(
            deduction
                .evaluation_price(
                    Money::new(dec("56940")),
                    Points::new(dec("8.65")),
                    Points::new(dec("10"))
                )
                .unwrap()
                .exact
                .value(),
            dec("13690")
        );
        assert_eq!(
            deduction
                .evaluation_price(
                    Money::new(dec("100")),
                    Points::new(dec("10")),
                    Points::new(dec("10"))
                )
                .unwrap()
                .exact
                .value(),
            dec("-49900")
        );
        let percent = model(Method::PercentSurcharge { factor: dec("0.2") });
        // 50 000 × (1 + (10 − 7.5) / 10 × 0.2) = 50 000 × 1.05 = 52 500
        assert_eq!(
            percent
                .evaluation_price(
                    Money::new(dec("50000")),
                    Points::new(dec("7.5")),
                    Points::new(dec("10"))
                )
                .unwrap()
                .exact
                .value(),
            dec("52500")
        );
        // A price of 0 stays 0 under the percentage surcharge; full quality adds nothing.
        assert_eq!(
            percent
                .evaluation_price(
                    Money::new(dec("0")),
                    Points::new(dec("2")),
                    Points::new(dec("10"))
                )
                .unwrap()
                .exact
                .value(),
            dec("0")
        );
        assert_eq!(
            percent
                .evaluation_price(
                    Money::new(dec("50000")),
                    Points::new(dec("10")),
                    Points::new(dec("10"))
                )
                .unwrap()
                .exact
                .value(),
            dec("50000")
        );
        assert!(!per_point.method.is_relative() && per_point.method.is_money());
    }

    #[test]
    fn points_range_within_the_band() {
        // Proportional on 370–430: at worst 10 × 370 / 430 = 8.6046… → 8.60.
        let m = model(Method::Proportional {
            max: Points::new(dec("10")),
        });
        assert_eq!(
            m.points_range(&line()),
            (Points::new(dec("8.60")), Points::new(dec("10")))
        );
        // Relative, slope 10 %, no floor: 10 × (1 − 60 / (0.1 × 370)) = 10 × (1 − 1.6216…) = −6.216… → −6.22
        let r = model(Method::RelativeToLowest {
            max: Points::new(dec("10")),
            slope: dec("0.1"),
            floor_at_zero: false,
        });
        assert_eq!(m.points_range(&line()).1, Points::new(dec("10")));
        assert_eq!(r.points_range(&line()).0, Points::new(dec("-6.22")));
        let floored = model(Method::RelativeToLowest {
            max: Points::new(dec("10")),
            slope: dec("0.1"),
            floor_at_zero: true,
        });
        assert_eq!(floored.points_range(&line()).0, Points::new(dec("0")));
    }

    #[test]
    fn three_anchor_models_interpolate_per_segment() {
        // Anchors 370 → 10, 400 → 8, 430 → 0. 385: 10 + 15 × (8 − 10) / 30 = 9.
        // 415: 8 + 15 × (0 − 8) / 30 = 4. Below 370 and above 430 the points stay flat.
        let mut tender = crate::domain::fixture::reference_tender();
        tender.model.method = crate::domain::Method::Anchors(vec![
            crate::domain::Anchor {
                price: crate::domain::AnchorPrice::Min,
                points: Points::new(crate::domain::fixture::d("10")),
            },
            crate::domain::Anchor {
                price: crate::domain::AnchorPrice::Fixed(Money::new(crate::domain::fixture::d(
                    "400",
                ))),
                points: Points::new(crate::domain::fixture::d("8")),
            },
            crate::domain::Anchor {
                price: crate::domain::AnchorPrice::Max,
                points: Points::new(crate::domain::fixture::d("0")),
            },
        ]);
        let crate::domain::CriterionKind::Price(line) = tender.criteria[4].kind.clone() else {
            panic!()
        };
        let any = Field {
            lowest: Money::new(crate::domain::fixture::d("1")),
            highest: Money::new(crate::domain::fixture::d("1")),
        };
        let at = |p: &str| {
            tender
                .model
                .calculate(&line, Money::new(crate::domain::fixture::d(p)), any)
                .exact
        };
        assert_eq!(at("385"), crate::domain::fixture::d("9"));
        assert_eq!(at("415"), crate::domain::fixture::d("4"));
        assert_eq!(at("400"), crate::domain::fixture::d("8"));
        assert_eq!(at("300"), crate::domain::fixture::d("10"));
        assert_eq!(at("500"), crate::domain::fixture::d("0"));
    }
}
