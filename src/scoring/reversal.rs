//! Rank reversal: under a price model that compares bids with each other, removing one bid
//! can swap the order of two others. This module finds every such case.
//!
//! Contract: pure. For a relative model, each scored bid is taken out in turn, the rest
//! are scored again, and every pair of the remaining bids whose order (ahead, equal,
//! behind) differs is reported. A fixed model (anchors) never reports anything, since no
//! bid's points depend on another's.

use std::cmp::Ordering;

use serde::Serialize;

use crate::domain::{Bid, BidId, Tender};
use crate::scoring::score::{BidScore, score_all};
use crate::values::Points;

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

fn totals(scores: &[BidScore]) -> Vec<(BidId, Points)> {
    scores
        .iter()
        .filter_map(|s| Some((s.bid.clone(), s.total()?)))
        .collect()
}

/// Every rank reversal among the bids of a tender, in bid order.
pub fn rank_reversals(tender: &Tender, bids: &[Bid]) -> Vec<Reversal> {
    if !tender.model.method.is_relative() {
        return Vec::new();
    }
    let with_all = totals(&score_all(tender, bids));
    let mut found = Vec::new();
    for (removed, _) in &with_all {
        let rest: Vec<Bid> = bids.iter().filter(|b| &b.id != removed).cloned().collect();
        let without = totals(&score_all(tender, &rest));
        for (i, (a, a_without)) in without.iter().enumerate() {
            for (b, b_without) in &without[i + 1..] {
                let (Some(a_with), Some(b_with)) = (total_of(&with_all, a), total_of(&with_all, b))
                else {
                    continue;
                };
                let (before, after) = (order(a_with, b_with), order(*a_without, *b_without));
                if before != after {
                    found.push(Reversal {
                        removed: removed.clone(),
                        first: a.clone(),
                        second: b.clone(),
                        with_all: before,
                        without: after,
                    });
                }
            }
        }
    }
    found
}

fn total_of(totals: &[(BidId, Points)], id: &BidId) -> Option<Points> {
    totals.iter().find(|(bid, _)| bid == id).map(|(_, t)| *t)
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
}
