//! Abnormally low prices (unormalt lave tilbud, udbudsloven § 169): a price so far below
//! the other bids' prices that the authority must ask the bidder to explain it.
//!
//! Contract: a pure function of the evaluated prices of the bids otherwise scored, per
//! price line, under the tests the tender states (`[prices.abnormally_low]`). A price
//! that fails a test gets a `review` finding: the bid is not ranked until the authority
//! has recorded its decision on the explanation (`decisions.toml`), and is never rejected
//! by this rule alone. Each line is looked at once: O(n log n) in the number of bids.
//! Comparisons are multiplied out, so no division decides a finding:
//! `p × 100 × (n − 1) < (Σ − p) × (100 − X)` for "more than X % below the mean of the
//! others", `p × 100 < next × (100 − Y)` for "more than Y % below the next lowest".

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::domain::{AbnormallyLow, Bid, CriterionId, Decision, Rule, RuleId};
use crate::values::{Money, plain};

use super::conformity::{Finding, finding};
use super::price_rules::Priced;

/// The findings of each bid (in the order given); `prices[i]` is `None` for a bid set
/// aside by another rule, which is not compared.
pub fn findings(
    rule: &AbnormallyLow,
    bids: &[&Bid],
    prices: &[Option<&[Priced]>],
) -> Vec<Vec<Finding>> {
    let mut out = vec![Vec::new(); bids.len()];
    let clause = Rule {
        action: Decision::Review,
        source: Some(
            rule.source
                .clone()
                .unwrap_or_else(|| "udbudsloven § 169".into()),
        ),
        text: rule.text.clone(),
    };
    let hundred = Decimal::ONE_HUNDRED;
    for (line, entries) in by_line(prices) {
        if entries.len() < 2 {
            continue;
        }
        let Some(sum) = entries
            .iter()
            .try_fold(Decimal::ZERO, |sum, (_, p)| sum.checked_add(p.value()))
        else {
            continue;
        };
        let others = Decimal::from(entries.len() - 1);
        let field = format!("prices.{line}");
        let mut flag = |i: usize, price: Money, reason: String| {
            let bid = bids[i];
            out[i].push(finding(
                RuleId::AbnormallyLowPrice,
                &clause,
                bid,
                &field,
                format!(
                    "{line} = {}",
                    plain(bid.prices.get(line).copied().unwrap_or(price).value())
                ),
                reason,
            ));
        };
        if let Some(x) = rule.below_mean_of_others {
            let x = x.value();
            for &(i, price) in &entries {
                let p = price.value();
                let rest = sum - p;
                let below = p
                    .checked_mul(hundred)
                    .and_then(|v| v.checked_mul(others))
                    .zip(rest.checked_mul(hundred - x))
                    .is_some_and(|(left, right)| left < right);
                if !below {
                    // Sorted by price: no higher price is further below the mean.
                    break;
                }
                let mean = rest / others;
                flag(
                    i,
                    price,
                    format!(
                        "the evaluated price {} on {line} lies {} % below {}, the mean of the other {} bids' prices (the tender's test: more than {} %); the authority must ask the bidder to explain the price (udbudsloven § 169) before the bid is ranked",
                        plain(p),
                        percent_below(p, mean),
                        shown(mean),
                        entries.len() - 1,
                        plain(x)
                    ),
                );
            }
        }
        if let Some(y) = rule.below_next_lowest {
            let y = y.value();
            let (i, lowest) = entries[0];
            let next = entries[1].1;
            if below_next(lowest, next, y) {
                flag(
                    i,
                    lowest,
                    format!(
                        "the evaluated price {} on {line} lies {} % below {}, the next lowest price (the tender's test: more than {} %); the authority must ask the bidder to explain the price (udbudsloven § 169) before the bid is ranked",
                        plain(lowest.value()),
                        percent_below(lowest.value(), next.value()),
                        plain(next.value()),
                        plain(y)
                    ),
                );
            }
        }
    }
    out
}

/// The test "more than `y` % below the next lowest price": `lowest × 100 < next × (100 −
/// y)`, multiplied out; a product beyond the decimals finds nothing.
fn below_next(lowest: Money, next: Money, y: Decimal) -> bool {
    lowest
        .value()
        .checked_mul(Decimal::ONE_HUNDRED)
        .zip(next.value().checked_mul(Decimal::ONE_HUNDRED - y))
        .is_some_and(|(left, right)| left < right)
}

/// The prices compared on each line: (bid, evaluated price), sorted by price, then bid.
fn by_line<'a>(prices: &[Option<&'a [Priced]>]) -> BTreeMap<&'a CriterionId, Vec<(usize, Money)>> {
    let mut by_line: BTreeMap<&CriterionId, Vec<(usize, Money)>> = BTreeMap::new();
    for (i, priced) in prices.iter().enumerate() {
        for p in priced.iter().flat_map(|p| p.iter()) {
            by_line.entry(&p.line).or_default().push((i, p.evaluated));
        }
    }
    for entries in by_line.values_mut() {
        entries.sort_by_key(|(i, price)| (*price, *i));
    }
    by_line
}

/// The bids whose removal from the field can change whether another bid's price is found
/// abnormally low, in bid order: the rank-reversal check scores the field again without
/// each of them, and without any other bid no finding but the removed bid's own changes.
///
/// Never leaves such a bid out; may name one whose removal changes nothing. On each line:
/// the two lowest prices (the next-lowest test compares only them); for the test against
/// the mean of the others, each bid whose removal moves the line between the prices found
/// and those not. That test holds for a prefix of the prices in order — `p × 100 × (n − 1)
/// < (Σ − p) × (100 − X)` is `p × (100 n − X) < Σ × (100 − X)` — so how many it holds for,
/// with every bid and without each one, is found by binary search: O(n log n) per line,
/// where scoring the field again without every bid would be O(n²).
///
/// The search decides in integers exactly what [`findings`] decides in decimals, where
/// those decimals are exact: every price scaled to the line's largest number of decimals,
/// and every product bounded below 2⁹⁶ (the decimals' 96-bit mantissa). On a line where
/// that bound does not hold (sums near 10²⁶), every bid on it is named.
pub fn movers(rule: &AbnormallyLow, prices: &[Option<&[Priced]>]) -> Vec<usize> {
    let mut movers = std::collections::BTreeSet::new();
    for entries in by_line(prices).into_values() {
        if rule.below_next_lowest.is_some() {
            movers.extend(entries.iter().take(2).map(|(i, _)| *i));
        }
        let Some(x) = rule.below_mean_of_others else {
            continue;
        };
        let Some(test) = MeanTest::new(&entries, x.value()) else {
            movers.extend(entries.iter().map(|(i, _)| *i));
            continue;
        };
        let found = test.found(None);
        for (at, (i, _)) in entries.iter().enumerate() {
            // Found with every bid, the removed one aside; against found without it.
            let found_before = found - usize::from(at < found);
            if test.found(Some(at)) != found_before {
                movers.insert(*i);
            }
        }
    }
    movers.into_iter().collect()
}

/// The tests of a tender's lines, held so that which bids they find can be told with every
/// bid and without any one of them, each in O(L log n) for L lines (the rank-reversal
/// check asks for every removal that can change the findings).
pub(super) struct Tests {
    lines: Vec<LineTests>,
    /// Y of "more than Y % below the next lowest price".
    below_next_lowest: Option<Decimal>,
}

/// One line's compared prices and its test against the mean of the others.
struct LineTests {
    /// (bid, price), sorted by price, then bid, as [`findings`] goes through them.
    entries: Vec<(usize, Money)>,
    /// Where each bid stands in `entries` (`usize::MAX`: no price on this line).
    at: Vec<usize>,
    mean: Option<MeanTest>,
}

/// What the tests find on each line, with every bid or without one: how many of the
/// lowest prices the test against the mean finds (of the prices left), and whether the
/// test against the next lowest finds the lowest.
pub(super) struct Found {
    /// The bid taken out, if any.
    removed: Option<usize>,
    /// Per line: the removed bid's place in its entries, the prices found by the mean, the
    /// lowest found by the next lowest.
    lines: Vec<(Option<usize>, usize, bool)>,
}

impl Tests {
    /// `None` where the integers of [`MeanTest`] cannot decide exactly what [`findings`]
    /// decides, or some sum of a line's prices could leave the decimals: the caller then
    /// scores the field again instead.
    pub(super) fn new(rule: &AbnormallyLow, prices: &[Option<&[Priced]>]) -> Option<Tests> {
        let mut lines = Vec::new();
        for entries in by_line(prices).into_values() {
            // No sum of some of the prices, nor the sum of all, leaves the decimals.
            entries.iter().try_fold(Decimal::ZERO, |sum, (_, p)| {
                sum.checked_add(p.value().abs())
            })?;
            let mean = match rule.below_mean_of_others {
                Some(x) => Some(MeanTest::new(&entries, x.value())?),
                None => None,
            };
            let mut at = vec![usize::MAX; prices.len()];
            for (k, (i, _)) in entries.iter().enumerate() {
                at[*i] = k;
            }
            lines.push(LineTests { entries, at, mean });
        }
        Some(Tests {
            lines,
            below_next_lowest: rule.below_next_lowest.map(|y| y.value()),
        })
    }

    /// What the tests find with every bid (`removed` is `None`) or without the bid
    /// `removed`.
    pub(super) fn found(&self, removed: Option<usize>) -> Found {
        let lines = self
            .lines
            .iter()
            .map(|line| {
                let place = removed.map(|r| line.at[r]).filter(|at| *at != usize::MAX);
                let left = line.entries.len() - usize::from(place.is_some());
                let by_mean = line.mean.as_ref().map_or(0, |m| m.found(place));
                let by_next = self.below_next_lowest.is_some_and(|y| {
                    left >= 2 && below_next(line.price(0, place), line.price(1, place), y)
                });
                (place, by_mean, by_next)
            })
            .collect();
        Found { removed, lines }
    }

    /// The bids that one of two findings finds and the other may not (a superset: each is
    /// to be asked of both), `a` and `b` each with every bid or without one.
    pub(super) fn differing(&self, a: &Found, b: &Found) -> Vec<usize> {
        let mut differing = Vec::new();
        for ((line, x), y) in self.lines.iter().zip(&a.lines).zip(&b.lines) {
            // The prices found by the mean are a prefix of those left; between the two
            // prefixes, a bid is found by one only. The lowest may be found by the next
            // lowest in one only.
            let range = |(place, by_mean, _): &(Option<usize>, usize, bool)| {
                // Where the prefix ends in `entries`, the removed bid's place counted.
                let end = *by_mean + usize::from(place.is_some_and(|p| p < *by_mean));
                end.min(line.entries.len())
            };
            let (from, to) = (range(x).min(range(y)), range(x).max(range(y)));
            differing.extend(line.entries[from..to].iter().map(|(i, _)| *i));
            differing.extend(line.entries.iter().take(2).map(|(i, _)| *i));
        }
        differing.sort_unstable();
        differing.dedup();
        differing
    }
}

impl LineTests {
    /// The `k`-th lowest price, the bid at `removed` left out.
    fn price(&self, k: usize, removed: Option<usize>) -> Money {
        self.entries[k + usize::from(removed.is_some_and(|r| k >= r))].1
    }
}

impl Found {
    /// Whether the tests find `bid`'s price on some line (never the removed bid's).
    pub(super) fn finds(&self, tests: &Tests, bid: usize) -> bool {
        if self.removed == Some(bid) {
            return false;
        }
        tests
            .lines
            .iter()
            .zip(&self.lines)
            .any(|(line, (place, by_mean, by_next))| {
                let at = line.at[bid];
                if at == usize::MAX {
                    return false;
                }
                // Its place among the prices left.
                let k = at - usize::from(place.is_some_and(|p| p < at));
                k < *by_mean || (k == 0 && *by_next)
            })
    }
}

/// The test "more than X % below the mean of the others" on one line, in integers: each
/// price as a whole number of its line's smallest unit (`scaled`), `X` likewise of its own.
struct MeanTest {
    /// The prices in order, scaled to the line's largest number of decimals.
    scaled: Vec<i128>,
    sum: i128,
    /// 100 and X, both scaled to X's decimals.
    hundred: i128,
    x: i128,
}

/// 2⁹⁶: no decimal's mantissa reaches it.
const MANTISSA_LIMIT: i128 = 1 << 96;

impl MeanTest {
    /// `None` where the decimals of [`findings`] might not be exact, or the test not hold
    /// for a prefix.
    fn new(entries: &[(usize, Money)], x: Decimal) -> Option<MeanTest> {
        let scale = entries.iter().map(|(_, p)| p.value().scale()).max()?;
        if scale + x.scale() > 28 {
            return None;
        }
        let scaled = entries
            .iter()
            .map(|(_, p)| {
                let p = p.value();
                p.mantissa()
                    .checked_mul(10i128.checked_pow(scale - p.scale())?)
            })
            .collect::<Option<Vec<i128>>>()?;
        let absolute = scaled
            .iter()
            .try_fold(0i128, |sum, p| sum.checked_add(p.checked_abs()?))?;
        let hundred = 100 * 10i128.pow(x.scale());
        let x = x.mantissa();
        let n = i128::try_from(entries.len()).ok()?;
        let products_fit = [hundred.checked_mul(n)?, (hundred - x).checked_abs()?]
            .iter()
            .all(|factor| {
                absolute
                    .checked_mul(*factor)
                    .is_some_and(|p| p < MANTISSA_LIMIT)
            });
        // The coefficient of p must be positive for the test to hold for a prefix.
        if !products_fit || hundred * n - x <= 0 {
            return None;
        }
        let sum = scaled.iter().sum();
        Some(MeanTest {
            scaled,
            sum,
            hundred,
            x,
        })
    }

    /// For how many of the lowest prices the test holds, without the price at `removed`:
    /// none on a line of fewer than two prices, which is not compared.
    fn found(&self, removed: Option<usize>) -> usize {
        let price = |k: usize| self.scaled[k + usize::from(removed.is_some_and(|r| k >= r))];
        let (n, sum) = match removed {
            None => (self.scaled.len(), self.sum),
            Some(r) => (self.scaled.len() - 1, self.sum - self.scaled[r]),
        };
        if n < 2 {
            return 0;
        }
        // p × (100 n − X) < Σ × (100 − X), for the prices in order: a prefix.
        let wide = n as i128;
        let holds = |p: i128| p * (self.hundred * wide - self.x) < sum * (self.hundred - self.x);
        let (mut low, mut high) = (0, n);
        while low < high {
            let middle = (low + high) / 2;
            if holds(price(middle)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }
}

/// How many percent `price` lies below `reference`, rounded to 2 decimals for the reader.
fn percent_below(price: Decimal, reference: Decimal) -> String {
    ((reference - price) * Decimal::ONE_HUNDRED)
        .checked_div(reference)
        .map_or_else(|| "–".into(), |v| plain(v.round_dp(2)))
}

/// A mean as a reader takes it: exact where it has at most 2 decimals, else "≈" and 2.
fn shown(value: Decimal) -> String {
    let two = value.round_dp(2);
    if two == value {
        plain(value)
    } else {
        format!("≈ {}", plain(two))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(below_mean: Option<i64>, below_next: Option<i64>) -> AbnormallyLow {
        let percent = |n: i64| crate::values::Percent::new(Decimal::from(n));
        AbnormallyLow {
            below_mean_of_others: below_mean.map(percent),
            below_next_lowest: below_next.map(percent),
            source: None,
            text: None,
        }
    }

    fn on_one_line(prices: &[Decimal]) -> Vec<Vec<Priced>> {
        prices
            .iter()
            .map(|p| {
                vec![Priced {
                    line: CriterionId("spor1".into()),
                    submitted: Some(Money::new(*p)),
                    evaluated: Money::new(*p),
                    adjustments: Vec::new(),
                }]
            })
            .collect()
    }

    fn movers_of(rule: &AbnormallyLow, prices: &[Decimal]) -> Vec<usize> {
        let priced = on_one_line(prices);
        let compared: Vec<Option<&[Priced]>> = priced.iter().map(|p| Some(p.as_slice())).collect();
        movers(rule, &compared)
    }

    /// X = 10 %: p is found when p × 100 × (n − 1) < (Σ − p) × 90. Prices 80, 90, 100, 130
    /// (Σ 400): 80 × 300 = 24 000 < 320 × 90 = 28 800 and 90 × 300 = 27 000 < 310 × 90 =
    /// 27 900, found; 100 × 300 = 30 000 ≥ 300 × 90 = 27 000, not. Without 130 (Σ 270):
    /// 80 × 200 = 16 000 < 190 × 90 = 17 100, found; 90 × 200 = 18 000 ≥ 180 × 90 = 16 200,
    /// no longer — so 130 is a mover. Without 80: 90 (18 000 < 230 × 90 = 20 700) stays
    /// found, 100 (20 000 ≥ 220 × 90 = 19 800) stays not; without 90: 80 stays, 100
    /// (20 000 ≥ 210 × 90 = 18 900) stays not; without 100: 80 (16 000 < 220 × 90) and 90
    /// (18 000 < 210 × 90 = 18 900) stay, 130 (26 000 ≥ 170 × 90) stays not.
    #[test]
    fn a_mover_is_a_bid_whose_removal_moves_the_mean_test_across_another_price() {
        let prices: Vec<Decimal> = [80, 90, 100, 130].map(Decimal::from).to_vec();
        assert_eq!(movers_of(&rule(Some(10), None), &prices), [3]);
        // The next-lowest test compares only the two lowest prices.
        assert_eq!(movers_of(&rule(None, Some(5)), &prices), [0, 1]);
        assert_eq!(movers_of(&rule(Some(10), Some(5)), &prices), [0, 1, 3]);
        // What the search decides is what the findings decide: 130's removal leaves 90 no
        // longer found.
        let priced = on_one_line(&prices);
        let bids: Vec<Bid> = (0..4)
            .map(|i| crate::domain::fixture::bid(&format!("b{i}"), None, None, "5", "5"))
            .collect();
        let found = |without: Option<usize>| -> Vec<usize> {
            let kept: Vec<usize> = (0..4).filter(|i| Some(*i) != without).collect();
            let refs: Vec<&Bid> = kept.iter().map(|i| &bids[*i]).collect();
            let compared: Vec<Option<&[Priced]>> =
                kept.iter().map(|i| Some(priced[*i].as_slice())).collect();
            let flags = findings(&rule(Some(10), None), &refs, &compared);
            kept.iter()
                .zip(flags)
                .filter(|(_, f)| !f.is_empty())
                .map(|(i, _)| *i)
                .collect()
        };
        assert_eq!(found(None), [0, 1]);
        assert_eq!(found(Some(3)), [0]);
        assert_eq!(found(Some(0)), [1]);
    }

    /// Sums near 10²⁶ might round in 96-bit decimals: every bid on the line is named.
    /// (Exactly, only 4 × 10²⁶'s removal changes anything: 3 × 10²⁶ × 100 × 1 = 3 × 10²⁸
    /// < 4 × 10²⁶ × 90 = 3.6 × 10²⁸ is found, and alone it is compared with nothing.)
    #[test]
    fn where_decimals_might_round_every_bid_on_the_line_is_a_mover() {
        let huge = |n: i128| Decimal::from_i128_with_scale(n * 10i128.pow(26), 0);
        assert_eq!(
            movers_of(&rule(Some(10), None), &[huge(3), huge(4)]),
            [0, 1]
        );
        assert_eq!(
            movers_of(&rule(Some(10), None), &[Decimal::from(3), Decimal::from(4)]),
            [1]
        );
    }
}
