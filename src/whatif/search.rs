//! The one search every what-if answer uses: the last point of a monotone margin that is
//! still at or above zero, on the grid of values a bid can have.
//!
//! Contract: `margin(k)` is the margin at the k-th grid value (k = 0 the most favourable
//! end) and never increases with k; the search asks for it O(log n) times for a grid of n
//! values, never assumes anything about its shape beyond monotonicity, and reports what
//! it asked. Grid indexes are `u128`, so a band of 10²⁸ kroner in øre (10³⁰ steps) still
//! fits. A margin the scoring cannot give (the bid set aside there) counts as below zero.

use rust_decimal::Decimal;

/// Where a monotone margin crosses zero on a grid of `count` values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Crossing {
    /// The margin is at or above zero on the whole grid; with its value at the last point.
    Everywhere { margin: Decimal },
    /// Below zero even at the most favourable value; with its margin there (negative),
    /// or `None` where the bid is set aside there.
    Nowhere { margin: Option<Decimal> },
    /// At or above zero up to grid index `last` (with its margin) and below it at
    /// `last + 1` (with its margin, `None` where the bid is set aside there).
    Between {
        last: u128,
        at_last: Decimal,
        next: Option<Decimal>,
    },
}

/// Finds the last grid index whose margin is at or above zero.
pub fn last_at_or_above(count: u128, mut margin: impl FnMut(u128) -> Option<Decimal>) -> Crossing {
    let ok = |m: Option<Decimal>| m.is_some_and(|m| !m.is_sign_negative() || m.is_zero());
    let first = margin(0);
    if !ok(first) || count == 0 {
        return Crossing::Nowhere { margin: first };
    }
    let top = count - 1;
    let at_top = margin(top);
    if let (true, Some(m)) = (ok(at_top), at_top) {
        return Crossing::Everywhere { margin: m };
    }
    // Invariant: margin(good) ≥ 0 > margin(bad).
    let (mut good, mut bad) = (0u128, top);
    let (mut at_good, mut at_bad) = (first.unwrap_or_default(), at_top);
    while bad - good > 1 {
        let middle = good + (bad - good) / 2;
        let m = margin(middle);
        if ok(m) {
            good = middle;
            at_good = m.unwrap_or_default();
        } else {
            bad = middle;
            at_bad = m;
        }
    }
    Crossing::Between {
        last: good,
        at_last: at_good,
        next: at_bad,
    }
}

/// The value between `a` (margin `ma` ≥ 0) and `b` (margin `mb` < 0) where a straight
/// line through the two margins is zero: where a tie would be if the margin is linear
/// between them (the caller re-scores to know). `None` where the quotient does not
/// terminate within 28 significant digits, so no decimal value gives the tie exactly.
pub fn interpolate(a: Decimal, ma: Decimal, b: Decimal, mb: Decimal) -> Option<Decimal> {
    let numerator = ma.checked_mul(b.checked_sub(a)?)?;
    let denominator = ma.checked_sub(mb)?;
    if denominator.is_zero() {
        return None;
    }
    // Only a terminating quotient can give an exact tie.
    let (step, exact) = crate::values::quotient(numerator, denominator)?;
    exact.then_some(())?;
    a.checked_add(step)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::d;

    #[test]
    fn finds_the_last_index_at_or_above_zero() {
        // margin(k) = 10 − k on 0..=20: zero at k = 10 exactly.
        let found = last_at_or_above(21, |k| Some(Decimal::from(10) - Decimal::from(k)));
        assert_eq!(
            found,
            Crossing::Between {
                last: 10,
                at_last: Decimal::ZERO,
                next: Some(Decimal::from(-1)),
            }
        );
    }

    #[test]
    fn everywhere_and_nowhere() {
        assert_eq!(
            last_at_or_above(5, |_| Some(Decimal::ONE)),
            Crossing::Everywhere {
                margin: Decimal::ONE
            }
        );
        assert_eq!(
            last_at_or_above(5, |_| Some(Decimal::NEGATIVE_ONE)),
            Crossing::Nowhere {
                margin: Some(Decimal::NEGATIVE_ONE)
            }
        );
        assert_eq!(
            last_at_or_above(5, |_| None),
            Crossing::Nowhere { margin: None }
        );
    }

    #[test]
    fn a_grid_of_ten_to_the_thirty_takes_about_a_hundred_questions() {
        let count: u128 = 10u128.pow(30);
        let mut asked = 0;
        let found = last_at_or_above(count, |k| {
            asked += 1;
            Some(if k <= 7 * 10u128.pow(29) {
                Decimal::ONE
            } else {
                Decimal::NEGATIVE_ONE
            })
        });
        assert!(matches!(found, Crossing::Between { last, .. } if last == 7 * 10u128.pow(29)));
        // log2(10³⁰) ≈ 99.7, plus the two ends.
        assert!(asked <= 102, "asked {asked} times");
    }

    #[test]
    fn interpolates_only_where_the_quotient_terminates() {
        // Margin 0.25 at 394 and −0.15 at 396 (hypothetical): zero at 394 + 0.25 × 2 / 0.4 = 395.25.
        assert_eq!(
            interpolate(d("394"), d("0.25"), d("396"), d("-0.15")),
            Some(d("395.25"))
        );
        // 1 × 1 / 3 does not terminate.
        assert_eq!(interpolate(d("0"), d("1"), d("1"), d("-2")), None);
    }
}
