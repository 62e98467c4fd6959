//! Typed decimal values: money, points, weights and weight shares.
//!
//! Contract: every amount in the tool is one of these types over `rust_decimal::Decimal`,
//! so a price can never be added to a point score by mistake and no value ever passes
//! through binary floating point. Rounding is never done here implicitly; the only
//! rounding entry point is [`Rounding::apply`], which callers invoke where a rule says so.
//!
//! The decimal inside each type is private: a value is made with `new` and read with
//! `value`, and only the operations that mean something are defined (points + points,
//! points × a share, a share of a share). Overflow policy: `Decimal` holds 28 significant
//! digits and its operators panic beyond them; inputs are validated into ranges where no
//! operation here can overflow.

use std::fmt;
use std::ops::{Add, Mul, Sub};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

/// An amount of money in the tender's currency (kroner for the reference tender).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Money(Decimal);

/// A number of points: evaluators' quality points, price points from a scoring model, or
/// weighted points that add up to a bid's total.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(transparent)]
pub struct Points(Decimal);

/// The weight of one criterion among its siblings, in percent (65 means 65 %).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Percent(Decimal);

/// The share of the total that one criterion carries: the product of the weights on its
/// path through the criteria tree, as a fraction (0.90 × 0.65 = 0.585).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Share(Decimal);

macro_rules! decimal_value {
    ($($name:ident),*) => {$(
        impl $name {
            pub const fn new(value: Decimal) -> $name {
                $name(value)
            }

            /// The exact decimal.
            pub const fn value(self) -> Decimal {
                self.0
            }
        }
    )*};
}

decimal_value!(Money, Points, Percent, Share);

impl Money {
    /// This price for a quantity of its unit (a day price × 130 days). Exact.
    pub fn times(self, quantity: Decimal) -> Money {
        Money(self.0 * quantity)
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }
}

impl Percent {
    /// This weight as a fraction of its parent (65 % → 0.65). Exact: division by 100 only
    /// moves the decimal point.
    pub fn fraction(self) -> Share {
        Share(self.0 / Decimal::ONE_HUNDRED)
    }
}

impl Share {
    pub const WHOLE: Share = Share(Decimal::ONE);

    /// The share of a child criterion: this share times the child's weight.
    pub fn of(self, weight: Percent) -> Share {
        Share(self.0 * weight.fraction().0)
    }
}

impl Mul<Share> for Points {
    type Output = Points;
    fn mul(self, share: Share) -> Points {
        Points(self.0 * share.0)
    }
}

impl Add for Points {
    type Output = Points;
    fn add(self, other: Points) -> Points {
        Points(self.0 + other.0)
    }
}

impl Sub for Points {
    type Output = Points;
    fn sub(self, other: Points) -> Points {
        Points(self.0 - other.0)
    }
}

impl std::iter::Sum for Points {
    fn sum<I: Iterator<Item = Points>>(iter: I) -> Points {
        iter.fold(Points::default(), Add::add)
    }
}

/// A rounding mode as a tender or scoring model names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoundingMode {
    /// Half away from zero (the school rule: 2.345 → 2.35).
    HalfUp,
    /// Half to the even neighbour (banker's rounding: 2.345 → 2.34).
    HalfEven,
    /// Always towards plus infinity (448.05 → 449).
    Up,
    /// Always towards zero (448.95 → 448).
    Down,
}

impl RoundingMode {
    pub const NAMES: &'static [&'static str] = &["half-up", "half-even", "up", "down"];

    pub fn parse(name: &str) -> Option<RoundingMode> {
        match name {
            "half-up" => Some(RoundingMode::HalfUp),
            "half-even" => Some(RoundingMode::HalfEven),
            "up" => Some(RoundingMode::Up),
            "down" => Some(RoundingMode::Down),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            RoundingMode::HalfUp => "half-up",
            RoundingMode::HalfEven => "half-even",
            RoundingMode::Up => "up",
            RoundingMode::Down => "down",
        }
    }

    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Up => RoundingStrategy::ToPositiveInfinity,
            RoundingMode::Down => RoundingStrategy::ToZero,
        }
    }
}

/// A rounding rule: a mode and a number of decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Rounding {
    pub decimals: u32,
    pub mode: RoundingMode,
}

impl Rounding {
    /// Round `value` by this rule. The result always carries exactly `decimals` decimals,
    /// so 8 rounded to 2 decimals prints as 8.00.
    pub fn apply(self, value: Decimal) -> Decimal {
        let mut rounded = value.round_dp_with_strategy(self.decimals, self.mode.strategy());
        rounded.rescale(self.decimals);
        rounded
    }
}

/// How a scoring model rounds what it calculates (points, or an evaluation price): by a
/// rounding rule, or not at all (`rounding = "none"`), when the value stays exact as far
/// as a decimal holds it (a non-terminating quotient is cut at 28 significant digits, and
/// the calculation says so).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ModelRounding {
    Exact,
    To(Rounding),
}

impl ModelRounding {
    pub fn apply(self, value: Decimal) -> Decimal {
        match self {
            // Computed exactly, so written without trailing zeros ("7.5", not "7.50").
            ModelRounding::Exact => value.normalize(),
            ModelRounding::To(rule) => rule.apply(value),
        }
    }

    /// The decimals rounded to; `None` when not rounded.
    pub fn decimals(self) -> Option<u32> {
        match self {
            ModelRounding::Exact => None,
            ModelRounding::To(rule) => Some(rule.decimals),
        }
    }

    /// `half-up`, ..., or `none`.
    pub fn mode_name(self) -> &'static str {
        match self {
            ModelRounding::Exact => "none",
            ModelRounding::To(rule) => rule.mode.name(),
        }
    }

    /// "rounded half-up to 2 decimals", or "not rounded".
    pub fn describe(self) -> String {
        match self {
            ModelRounding::Exact => "not rounded".into(),
            ModelRounding::To(rule) => {
                format!("rounded {} to {} decimals", rule.mode.name(), rule.decimals)
            }
        }
    }
}

/// `numerator / denominator` and whether the quotient is exact. A quotient that does not
/// terminate is cut at 28 significant digits, and multiplying it back can round to the
/// numerator all the same (0.46 / 0.54), so a quotient is called exact only when it has
/// fewer than 27 significant digits and multiplies back to the numerator. `None` on a
/// division by zero or a quotient beyond a decimal's range.
pub fn quotient(numerator: Decimal, denominator: Decimal) -> Option<(Decimal, bool)> {
    const CUT: u128 = 10u128.pow(26);
    let q = numerator.checked_div(denominator)?;
    let short = q.normalize().mantissa().unsigned_abs() < CUT;
    Some((q, short && q.checked_mul(denominator) == Some(numerator)))
}

/// A decimal as formulas print it: exact, without trailing zeros (8.00 → 8, 0.50 → 0.5).
pub fn plain(value: Decimal) -> String {
    Plain(value).to_string()
}

/// [`plain`] written straight into a formatter, without a string of its own.
pub struct Plain(pub Decimal);

impl fmt::Display for Plain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.normalize().fmt(f)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for Points {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.normalize().fmt(f)
    }
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.normalize().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn rounding_modes_follow_their_names() {
        let two = |mode| Rounding { decimals: 2, mode };
        // 2.345 is exactly halfway between 2.34 and 2.35.
        assert_eq!(two(RoundingMode::HalfUp).apply(dec("2.345")), dec("2.35"));
        assert_eq!(two(RoundingMode::HalfEven).apply(dec("2.345")), dec("2.34"));
        let whole = |mode| Rounding { decimals: 0, mode };
        // Bilag B pkt. 1.2.1: 448,05 and 448,95 both become 449.
        assert_eq!(whole(RoundingMode::Up).apply(dec("448.05")), dec("449"));
        assert_eq!(whole(RoundingMode::Up).apply(dec("448.95")), dec("449"));
        assert_eq!(whole(RoundingMode::Down).apply(dec("448.95")), dec("448"));
        assert_eq!(whole(RoundingMode::Up).apply(dec("448")), dec("448"));
    }

    #[test]
    fn rounding_fixes_the_number_of_decimals() {
        let rule = Rounding {
            decimals: 2,
            mode: RoundingMode::HalfUp,
        };
        assert_eq!(rule.apply(dec("8")).to_string(), "8.00");
    }

    #[test]
    fn shares_multiply_along_the_path() {
        // 90 % × 65 % = 0.9 × 0.65 = 0.585
        let share = Share::WHOLE.of(Percent(dec("90"))).of(Percent(dec("65")));
        assert_eq!(share.0, dec("0.585"));
        // 7 points × 0.585 = 4.095
        assert_eq!((Points(dec("7")) * share).0, dec("4.095"));
    }
}
