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
    let mut by_line: BTreeMap<&CriterionId, Vec<(usize, Money)>> = BTreeMap::new();
    for (i, priced) in prices.iter().enumerate() {
        for p in priced.iter().flat_map(|p| p.iter()) {
            by_line.entry(&p.line).or_default().push((i, p.evaluated));
        }
    }
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
    for (line, mut entries) in by_line {
        if entries.len() < 2 {
            continue;
        }
        entries.sort_by_key(|(i, price)| (*price, *i));
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
            let below = lowest
                .value()
                .checked_mul(hundred)
                .zip(next.value().checked_mul(hundred - y))
                .is_some_and(|(left, right)| left < right);
            if below {
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
