//! A calculation's formula with its numbers, held as the numbers and written out only when
//! a report shows it.
//!
//! Contract: a [`Formula`] is plain data; its `Display` writes the formula as every report
//! prints it, each number exact and without trailing zeros (8.00 → 8), and its `Serialize`
//! writes the same text. Two formulas are equal when their numbers are (what their texts
//! say). Held as numbers because most formulas are never shown: 100 000 bids would hold
//! 200 000 strings that only the report reads, and the rank-reversal check scores the
//! field again for each removal without showing any.

use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::values::Plain;

/// How a price (or an evaluation price) was calculated, with its numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Formula {
    /// An anchor model none of whose anchors has a price on the line.
    NoAnchor,
    /// A price on or beyond an outermost anchor: that anchor's points.
    Flat { at: Decimal },
    /// `s0 + (P − p0) × (s1 − s0) / (p1 − p0)` between the anchors (p0, s0) and (p1, s1).
    Interpolated {
        s0: Decimal,
        price: Decimal,
        p0: Decimal,
        s1: Decimal,
        p1: Decimal,
    },
    /// Relative to the lowest price, when the lowest is 0: M at 0, 0 above it.
    NoWidth { max: Decimal },
    /// `M × (1 − (P − Plow) / (X × Plow))`, and what became of a result below 0.
    RelativeToLowest {
        max: Decimal,
        price: Decimal,
        lowest: Decimal,
        slope: Decimal,
        below: Below,
    },
    /// Proportional, for a price of 0: M.
    ZeroPrice { max: Decimal },
    /// `M × Plow / P`.
    Proportional {
        max: Decimal,
        lowest: Decimal,
        price: Decimal,
    },
    /// Lowest to highest, when every price is the same: M.
    AllEqual { price: Decimal, max: Decimal },
    /// `M × (Phigh − P) / (Phigh − Plow)`.
    LowestToHighest {
        max: Decimal,
        high: Decimal,
        price: Decimal,
        low: Decimal,
    },
    /// A money model gives no price points: the price counts in the evaluation price.
    MoneyModel,
    /// `P + (Qmax − Q) × amount`.
    MoneyPerPoint {
        price: Decimal,
        quality_max: Decimal,
        quality: Decimal,
        amount: Decimal,
    },
    /// `P − Q × amount`.
    MoneyDeduction {
        price: Decimal,
        quality: Decimal,
        amount: Decimal,
    },
    /// `P × (1 + (Qmax − Q) / Qmax × factor)`.
    PercentSurcharge {
        price: Decimal,
        quality_max: Decimal,
        quality: Decimal,
        factor: Decimal,
    },
    /// Several lines combined by volume into one evaluation price (`terms`, e.g.
    /// "373 × 130 + 1300 × 6.5"), then that price's formula.
    Combined {
        terms: String,
        price: Decimal,
        formula: Box<Formula>,
    },
}

/// What became of a relative result below 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Below {
    /// The result is not below 0 (or the model does not floor it).
    Kept,
    /// The result (given) is below 0, and the model floors it at 0.
    Floored(Decimal),
    /// The result is too far below 0 to be held, and the model floors it at 0.
    FarBelow,
    /// The result is below the lowest number held exactly, and the model does not floor it.
    OutOfRange,
}

impl Formula {
    /// What the formula says of a result below 0: its closing words (nothing for
    /// [`Below::Kept`]), which a report may write in its own language after
    /// [`Formula::numbers`].
    pub fn below(&self) -> Below {
        match self {
            Formula::RelativeToLowest { below, .. } => *below,
            Formula::Combined { formula, .. } => formula.below(),
            _ => Below::Kept,
        }
    }

    /// The formula without its closing words on a result below 0 (see [`Formula::below`]).
    pub fn numbers(&self) -> impl fmt::Display + '_ {
        Numbers(self)
    }

    /// The formula, with its closing words where `words`.
    fn write(&self, f: &mut fmt::Formatter<'_>, words: bool) -> fmt::Result {
        let n = |value: &Decimal| Plain(*value);
        match self {
            Formula::NoAnchor => f.write_str("no anchor has a price on this line"),
            Formula::Flat { at } => write!(
                f,
                "the points of the anchor at {} (flat beyond the outermost anchors)",
                n(at)
            ),
            Formula::Interpolated {
                s0,
                price,
                p0,
                s1,
                p1,
            } => write!(
                f,
                "{} + ({} − {}) × ({} − {}) / ({} − {})",
                n(s0),
                n(price),
                n(p0),
                n(s1),
                n(s0),
                n(p1),
                n(p0)
            ),
            Formula::NoWidth { max } => write!(
                f,
                "the lowest price is 0, so the formula has no width: {} points at 0, 0 points above it",
                n(max)
            ),
            Formula::RelativeToLowest {
                max,
                price,
                lowest,
                slope,
                below,
            } => {
                write!(
                    f,
                    "{} × (1 − ({} − {}) / ({} × {}))",
                    n(max),
                    n(price),
                    n(lowest),
                    n(slope),
                    n(lowest)
                )?;
                if let Below::Floored(raw) = below {
                    write!(f, " = {}", n(raw))?;
                }
                match below {
                    _ if !words => Ok(()),
                    Below::Kept => Ok(()),
                    Below::Floored(_) => f.write_str(", below 0, so 0"),
                    Below::FarBelow => f.write_str(", far below 0, so 0"),
                    Below::OutOfRange => f.write_str(": below the lowest number held exactly"),
                }
            }
            Formula::ZeroPrice { max } => {
                write!(f, "the price is 0, the lowest possible: {} points", n(max))
            }
            Formula::Proportional { max, lowest, price } => {
                write!(f, "{} × {} / {}", n(max), n(lowest), n(price))
            }
            Formula::AllEqual { price, max } => write!(
                f,
                "every price is {}, the lowest: {} points",
                n(price),
                n(max)
            ),
            Formula::LowestToHighest {
                max,
                high,
                price,
                low,
            } => write!(
                f,
                "{} × ({} − {}) / ({} − {})",
                n(max),
                n(high),
                n(price),
                n(high),
                n(low)
            ),
            Formula::MoneyModel => {
                f.write_str("a money model: the price counts in the evaluation price")
            }
            Formula::MoneyPerPoint {
                price,
                quality_max,
                quality,
                amount,
            } => write!(
                f,
                "{} + ({} − {}) × {}",
                n(price),
                n(quality_max),
                n(quality),
                n(amount)
            ),
            Formula::MoneyDeduction {
                price,
                quality,
                amount,
            } => write!(f, "{} − {} × {}", n(price), n(quality), n(amount)),
            Formula::PercentSurcharge {
                price,
                quality_max,
                quality,
                factor,
            } => write!(
                f,
                "{} × (1 + ({} − {}) / {} × {})",
                n(price),
                n(quality_max),
                n(quality),
                n(quality_max),
                n(factor)
            ),
            Formula::Combined {
                terms,
                price,
                formula,
            } => {
                write!(f, "evaluation price {terms} = {}; ", n(price))?;
                formula.write(f, words)
            }
        }
    }
}

impl fmt::Display for Formula {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, true)
    }
}

/// See [`Formula::numbers`].
struct Numbers<'a>(&'a Formula);

impl fmt::Display for Numbers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, false)
    }
}

impl Serialize for Formula {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn numbers_are_written_without_trailing_zeros() {
        let f = Formula::Interpolated {
            s0: dec("8.00"),
            price: dec("420.50"),
            p0: dec("400"),
            s1: dec("0.0"),
            p1: dec("440.000"),
        };
        assert_eq!(f.to_string(), "8 + (420.5 − 400) × (0 − 8) / (440 − 400)");
    }

    #[test]
    fn a_floored_result_says_what_it_was() {
        let f = Formula::RelativeToLowest {
            max: dec("10"),
            price: dec("300"),
            lowest: dec("100"),
            slope: dec("1"),
            below: Below::Floored(dec("-10.0")),
        };
        // 10 × (1 − (300 − 100) / (1 × 100)) = 10 × (1 − 2) = −10, floored at 0.
        assert_eq!(
            f.to_string(),
            "10 × (1 − (300 − 100) / (1 × 100)) = -10, below 0, so 0"
        );
        assert_eq!(f.below(), Below::Floored(dec("-10")));
        assert_eq!(
            f.numbers().to_string(),
            "10 × (1 − (300 − 100) / (1 × 100)) = -10"
        );
    }

    #[test]
    fn a_combined_price_leads_its_formula_and_equal_numbers_are_equal_formulas() {
        let inner = |max: &str| Formula::Proportional {
            max: dec(max),
            lowest: dec("50"),
            price: dec("100"),
        };
        let f = Formula::Combined {
            terms: "373 × 130 + 1300 × 6.5".into(),
            price: dec("56940.00"),
            formula: Box::new(inner("10")),
        };
        assert_eq!(
            f.to_string(),
            "evaluation price 373 × 130 + 1300 × 6.5 = 56940; 10 × 50 / 100"
        );
        assert_eq!(inner("10"), inner("10.00"));
        assert_ne!(inner("10"), inner("10.01"));
        assert_eq!(
            serde_json::to_string(&inner("10.0")).unwrap(),
            "\"10 × 50 / 100\""
        );
    }
}
