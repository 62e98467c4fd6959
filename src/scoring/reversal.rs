//! Rank reversal: under a price model that compares bids with each other, removing one bid
//! can swap the order of two others. This module finds every such case.
//!
//! Contract: pure. For a relative model, every scored bid whose removal changes the field
//! the method compares with is taken out in turn, the rest are scored again, and every
//! pair of the remaining bids whose order (ahead, equal, behind) differs is reported. A
//! fixed model (anchors) never reports anything, since no bid's points depend on another's.

use std::cmp::Ordering;

use serde::Serialize;

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::{Bid, BidId, CriterionId, Tender};
use crate::values::{Money, Points};

use super::price_rules::{EVALUATION_PRICE, Priced, combine};
use super::score::{BidScore, Outcome, score_refs};

/// Two bids whose order depends on a third being in the field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reversal {
    /// The bid whose removal changes the order.
    pub removed: BidId,
    pub first: BidId,
    pub second: BidId,
    /// `first` compared with `second` with every bid: "ahead", "equal" or "behind".
    pub with_all: &'static str,
    /// The same without `removed`.
    pub without: &'static str,
}

fn order(a: Points, b: Points) -> &'static str {
    match a.cmp(&b) {
        Ordering::Greater => "ahead",
        Ordering::Equal => "equal",
        Ordering::Less => "behind",
    }
}

/// Every rank reversal among the bids of a tender, in bid order (by the removed bid, then
/// the pair).
///
/// Exact but cheap: a bid's points depend on the others only through the lowest (and
/// highest) compared price of each line, so removing a bid changes nobody's points unless
/// it alone holds such an extreme (or changes which bids are in the field: see
/// [`removals`]). Only those removals — at most two per price line — are scored again, and the pairs whose order changes are found by sorting, in
/// O(L · n log n + k) for L lines, n bids and k reversals reported; no bid is cloned.
pub fn rank_reversals(tender: &Tender, bids: &[Bid]) -> Vec<Reversal> {
    if !tender.model.method.is_relative() {
        return Vec::new();
    }
    let refs: Vec<&Bid> = bids.iter().collect();
    let scores = score_refs(tender, &refs);
    let with_all: Vec<Option<Points>> = scores.iter().map(BidScore::total).collect();
    let mut found = Vec::new();
    let removals = removals(tender, bids, &scores);
    for removed in removals {
        let rest: Vec<&Bid> = refs
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != removed)
            .map(|(_, b)| *b)
            .collect();
        let without = score_refs(tender, &rest);
        // (bid index, total with every bid, total without `removed`)
        let pairs: Vec<(usize, Points, Points)> = (0..bids.len())
            .filter(|i| *i != removed)
            .zip(&without)
            .filter_map(|(i, score)| Some((i, with_all[i]?, score.total()?)))
            .collect();
        for (a, b) in discordant(&pairs) {
            let (first, second) = (a.min(b), a.max(b));
            let (before, after) = totals_of(&pairs, first, second);
            found.push((removed, first, second, before, after));
        }
    }
    found.sort_by_key(|(removed, first, second, _, _)| (*removed, *first, *second));
    found
        .into_iter()
        .map(|(removed, first, second, before, after)| Reversal {
            removed: bids[removed].id.clone(),
            first: bids[first].id.clone(),
            second: bids[second].id.clone(),
            with_all: order(before.0, before.1),
            without: order(after.0, after.1),
        })
        .collect()
}

/// The scored bids whose removal can change another bid's points or standing, in bid
/// order: the sole extremes a relative method compares with; with decisions, also every
/// scored bid that shares its CVR number or bidder name with another bid (a duplicate the
/// authority let through: without it, the other is no longer a duplicate and comes into
/// the field); under a test for abnormally low prices, which compares every price with
/// the others', every scored bid (exact, and O(n² log n)).
fn removals(tender: &Tender, bids: &[Bid], scores: &[BidScore]) -> Vec<usize> {
    let scored = |i: &usize| scores[*i].total().is_some();
    if tender.price_rules.abnormally_low.is_some() {
        return (0..bids.len()).filter(scored).collect();
    }
    let mut removals: BTreeSet<usize> = sole_extremes(tender, scores).into_iter().collect();
    if !tender.decisions.is_empty() {
        let refs: Vec<&Bid> = bids.iter().collect();
        let shared = super::conformity::shares_cvr_or_name(&refs);
        removals.extend((0..bids.len()).filter(scored).filter(|i| shared[*i]));
    }
    removals.into_iter().collect()
}

/// The totals of two bids with every bid and without the removed one.
fn totals_of(
    pairs: &[(usize, Points, Points)],
    first: usize,
    second: usize,
) -> ((Points, Points), (Points, Points)) {
    let of = |i: usize| {
        pairs
            .binary_search_by_key(&i, |(j, _, _)| *j)
            .map(|at| (pairs[at].1, pairs[at].2))
            .unwrap_or_default()
    };
    let (a, b) = (of(first), of(second));
    ((a.0, b.0), (a.1, b.1))
}

/// The scored bids whose removal changes the field a relative method compares with: each
/// one alone at the lowest or the highest compared price of some line (or of the combined
/// evaluation price).
fn sole_extremes(tender: &Tender, scores: &[BidScore]) -> Vec<usize> {
    let mut compared: BTreeMap<CriterionId, Vec<(Money, usize)>> = BTreeMap::new();
    for (i, score) in scores.iter().enumerate() {
        let Outcome::Scored { prices, .. } = &score.outcome else {
            continue;
        };
        let priced: Vec<Priced> = prices
            .iter()
            .map(|p| Priced {
                line: p.line.clone(),
                submitted: p.submitted,
                evaluated: p.evaluated,
                adjustments: Vec::new(),
            })
            .collect();
        for p in &priced {
            compared
                .entry(p.line.clone())
                .or_default()
                .push((p.evaluated, i));
        }
        if let Some((price, _)) = combine(tender, &priced) {
            compared
                .entry(CriterionId(EVALUATION_PRICE.into()))
                .or_default()
                .push((price, i));
        }
    }
    let mut sole = BTreeSet::new();
    for values in compared.values() {
        for extreme in [values.iter().min(), values.iter().max()]
            .into_iter()
            .flatten()
        {
            if values.iter().filter(|(p, _)| *p == extreme.0).count() == 1 {
                sole.insert(extreme.1);
            }
        }
    }
    sole.into_iter().collect()
}

/// The pairs of bids whose order (ahead, equal, behind) differs between two totals, found
/// in O(n log n + k): sorted by the first total, a pair within a group of equal totals
/// differs when the second totals differ; a pair across groups differs when the one lower
/// before is not lower after.
fn discordant(entries: &[(usize, Points, Points)]) -> Vec<(usize, usize)> {
    let mut sorted: Vec<&(usize, Points, Points)> = entries.iter().collect();
    sorted.sort_by_key(|(i, before, _)| (*before, *i));
    let mut found = Vec::new();
    // Earlier groups (lower totals before), by their totals after.
    let mut lower: BTreeMap<Points, Vec<usize>> = BTreeMap::new();
    let mut start = 0;
    while start < sorted.len() {
        let end = (start..sorted.len())
            .find(|j| sorted[*j].1 != sorted[start].1)
            .unwrap_or(sorted.len());
        let mut group: Vec<&(usize, Points, Points)> = sorted[start..end].to_vec();
        // Equal before: a pair differs when not equal after. Sorted by the total after,
        // each entry pairs with every later entry of another total: output-sensitive.
        group.sort_by_key(|(i, _, after)| (*after, *i));
        let mut run_end = 0;
        for (x, (a, _, after_a)) in group.iter().enumerate() {
            if x == run_end {
                run_end = (x..group.len())
                    .find(|y| group[*y].2 != *after_a)
                    .unwrap_or(group.len());
            }
            found.extend(group[run_end..].iter().map(|(b, _, _)| (*a, *b)));
            // Lower before: differs when at least as high after.
            for (_, ids) in lower.range(*after_a..) {
                found.extend(ids.iter().map(|b| (*a, *b)));
            }
        }
        for (i, _, after) in group {
            lower.entry(*after).or_default().push(*i);
        }
        start = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Method;
    use crate::domain::fixture::{bid, reference_tender};
    use crate::values::Points;

    #[test]
    fn fixed_anchor_models_never_reverse() {
        let tender = reference_tender();
        let bids = [
            bid("a", Some("400"), Some("1150"), "5", "5"),
            bid("b", Some("430"), Some("1300"), "9", "9"),
            bid("c", Some("370"), Some("1100"), "2", "2"),
        ];
        assert!(rank_reversals(&tender, &bids).is_empty());
    }

    #[test]
    fn the_proportional_model_reverses_when_the_cheapest_bid_leaves() {
        // Proportional, 10 points. spor1 and spor2 each 0.05 of the total.
        let mut tender = reference_tender();
        tender.model.method = Method::Proportional {
            max: Points::new("10".parse().unwrap()),
        };
        // Price points are 10 × lowest / price, rounded half-up to 2 decimals; c is the
        // cheapest on both lines. With c (lowest 370 and 1100):
        //   a: 370/400 → 9.25, 1100/1150 → 9.5652… → 9.57; 0.9 × 5 + 0.05 × (9.25 + 9.57) = 5.441
        //   b (quality 5.2): 370/430 → 8.60, 1100/1300 → 8.46; 4.68 + 0.05 × 17.06 = 5.533
        // Without c (lowest 400 and 1150): a 4.5 + 0.05 × 20 = 5.5;
        //   b: 400/430 → 9.30, 1150/1300 → 8.85; 4.68 + 0.05 × 18.15 = 5.5875. b ahead both times.
        let bids = [
            bid("a", Some("400"), Some("1150"), "5", "5"),
            bid("b", Some("430"), Some("1300"), "5.2", "5.2"),
            bid("c", Some("370"), Some("1100"), "0", "0"),
        ];
        assert!(
            rank_reversals(&tender, &bids).is_empty(),
            "no reversal here: b stays ahead"
        );
        // Quality b 5.1: with c, b = 4.59 + 0.853 = 5.443 > a 5.441 (b ahead); without c,
        // b = 4.59 + 0.9075 = 5.4975 < a 5.5 (a ahead): removing c reverses a and b.
        let bids = [
            bid("a", Some("400"), Some("1150"), "5", "5"),
            bid("b", Some("430"), Some("1300"), "5.1", "5.1"),
            bid("c", Some("370"), Some("1100"), "0", "0"),
        ];
        let found = rank_reversals(&tender, &bids);
        assert_eq!(found.len(), 1, "{found:?}");
        let r = &found[0];
        assert_eq!(
            (
                r.removed.0.as_str(),
                r.first.0.as_str(),
                r.second.0.as_str()
            ),
            ("c", "a", "b")
        );
        assert_eq!((r.with_all, r.without), ("behind", "ahead"));
    }

    /// Which removals are scored again. Proportional model; prices (spor1, spor2):
    /// a 400/1150, b 430/1300, c 370/1100, d 410/1200, e 405/1180. c alone holds both lowest prices
    /// and b both highest, so without decisions or an abnormal-price test only b and c
    /// (positions 1 and 2) are taken out.
    #[test]
    fn removals_are_the_sole_extremes_unless_a_removal_changes_the_field() {
        use crate::domain::{AbnormallyLow, Decisions, ReviewDecision};
        use crate::values::Percent;
        let mut tender = reference_tender();
        tender.model.method = Method::Proportional {
            max: Points::new("10".parse().unwrap()),
        };
        let mut bids = vec![
            bid("a", Some("400"), Some("1150"), "5", "5"),
            bid("b", Some("430"), Some("1300"), "5", "5"),
            bid("c", Some("370"), Some("1100"), "5", "5"),
            bid("d", Some("410"), Some("1200"), "5", "5"),
            bid("e", Some("405"), Some("1180"), "5", "5"),
        ];
        let of = |tender: &Tender, bids: &[Bid]| {
            let refs: Vec<&Bid> = bids.iter().collect();
            removals(tender, bids, &score_refs(tender, &refs))
        };
        assert_eq!(of(&tender, &bids), [1, 2]);

        // d has a's CVR number: both are set aside as duplicates, until the authority
        // lets a through. Without a, d is no duplicate and comes into the field, so a's
        // removal is scored too; d, set aside, is never removed; nor is e, whose removal
        // changes nothing.
        bids[3].cvr = bids[0].cvr.clone();
        tender.decisions = Decisions::new(vec![ReviewDecision {
            bid: BidId("a".into()),
            rule: "duplicate-bid".into(),
            accepted: true,
            by: String::new(),
            date: String::new(),
            reason: String::new(),
            place: String::new(),
        }]);
        assert_eq!(of(&tender, &bids), [0, 1, 2]);

        // A test of each price against the mean of the others': any removal moves that
        // mean, so every scored bid is taken out in turn.
        bids[3].cvr = "99999999".into();
        tender.decisions = Decisions::default();
        tender.price_rules.abnormally_low = Some(AbnormallyLow {
            below_mean_of_others: Some(Percent::new("50".parse().unwrap())),
            below_next_lowest: None,
            source: None,
            text: None,
        });
        assert_eq!(of(&tender, &bids), [0, 1, 2, 3, 4]);
    }
}
