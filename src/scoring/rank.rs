//! Ranking: orders scored bids by total and lists the bids set aside after them.
//!
//! Contract: a pure function of the bid scores and the tender's declared tie-break. The
//! highest total ranks first. Equal totals (compared exactly) are ordered by the tie-break
//! the tender declares, if any: the higher weighted points on each named criterion in
//! turn. Bids still equal share a rank and the next rank is skipped (1, 2, 2, 4). Within a
//! shared rank, and among bids set aside, the order is by bidder name and then bid id:
//! alphabetical, stated in every report, and never a precedence. The result does not
//! depend on the order the bids come in.

use std::cmp::Ordering;

use crate::domain::{BidId, CriterionId};
use rust_decimal::Decimal;

use crate::scoring::score::{BidScore, Outcome, Standing};

/// One line of the ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub score: BidScore,
    /// `None` for a bid set aside: it is never ranked.
    pub rank: Option<u32>,
    /// The other bids sharing this rank: the same total and, where the tender declares a
    /// tie-break, the same points on every tie-break criterion.
    pub tied_with: Vec<BidId>,
    /// The other bids with exactly the same total that the tie-break put in order.
    pub split_from: Vec<BidId>,
}

/// What ranking compares: the total, then the weighted points of each tie-break criterion.
fn key(score: &BidScore, tie_break: &[CriterionId]) -> Vec<Option<Decimal>> {
    // Larger is better: the total, or the negated evaluation price under a money model.
    let mut key = vec![score.standing().map(Standing::merit)];
    if let Outcome::Scored { criteria, .. } = &score.outcome {
        key.extend(tie_break.iter().map(|id| {
            criteria
                .iter()
                .find(|c| &c.criterion == id)
                .map(|c| c.weighted.value())
        }));
    }
    key
}

/// Ranks the scored bids and appends the bids set aside. n log n: each key is computed
/// once, the sort puts equal keys (and equal totals) next to each other, and every tie is
/// named in one pass over those runs (a tie of k bids names k − 1 others for each).
pub fn rank(scores: Vec<BidScore>, tie_break: &[CriterionId]) -> Vec<Ranked> {
    let (scored, mut set_aside): (Vec<BidScore>, Vec<BidScore>) =
        scores.into_iter().partition(|s| s.standing().is_some());
    let mut keyed: Vec<(Vec<Option<Decimal>>, BidScore)> = scored
        .into_iter()
        .map(|s| (key(&s, tie_break), s))
        .collect();
    keyed.sort_by(|(ka, a), (kb, b)| kb.cmp(ka).then_with(|| by_name(a, b)));
    set_aside.sort_by(by_name);

    let keys: Vec<Vec<Option<Decimal>>> = keyed.iter().map(|(k, _)| k.clone()).collect();
    let mut ranked: Vec<Ranked> = Vec::with_capacity(keyed.len() + set_aside.len());
    let mut first_equal = 0;
    for (position, (_, score)) in keyed.into_iter().enumerate() {
        if keys[position] != keys[first_equal] {
            first_equal = position;
        }
        ranked.push(Ranked {
            score,
            rank: Some(u32::try_from(first_equal + 1).unwrap_or(u32::MAX)),
            tied_with: Vec::new(),
            split_from: Vec::new(),
        });
    }
    // The whole key is equal within a shared rank; the total alone within a run of equal
    // totals, which the tie-break may have split into several ranks.
    for run in runs(&ranked, |r| r.rank) {
        name_others(&mut ranked[run], |r| &mut r.tied_with, |_, _| true);
    }
    for run in runs(&ranked, |r| r.score.standing()) {
        name_others(
            &mut ranked[run],
            |r| &mut r.split_from,
            |a, b| a.rank != b.rank,
        );
    }
    ranked.extend(set_aside.into_iter().map(|score| Ranked {
        score,
        rank: None,
        tied_with: Vec::new(),
        split_from: Vec::new(),
    }));
    ranked
}

/// The ranges of consecutive entries with the same value, of more than one entry.
fn runs<T: PartialEq>(
    ranked: &[Ranked],
    value: impl Fn(&Ranked) -> T,
) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=ranked.len() {
        if i == ranked.len() || value(&ranked[i]) != value(&ranked[start]) {
            if i - start > 1 {
                runs.push(start..i);
            }
            start = i;
        }
    }
    runs
}

/// In one run, lists for each entry the other entries `related` to it.
fn name_others(
    run: &mut [Ranked],
    list: impl Fn(&mut Ranked) -> &mut Vec<BidId>,
    related: impl Fn(&Ranked, &Ranked) -> bool,
) {
    let names: Vec<Vec<BidId>> = (0..run.len())
        .map(|i| {
            run.iter()
                .enumerate()
                .filter(|(j, other)| *j != i && related(&run[i], other))
                .map(|(_, other)| other.score.bid.clone())
                .collect()
        })
        .collect();
    for (entry, names) in run.iter_mut().zip(names) {
        *list(entry) = names;
    }
}

fn by_name(a: &BidScore, b: &BidScore) -> Ordering {
    a.bidder.cmp(&b.bidder).then_with(|| a.bid.cmp(&b.bid))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::{bid, reference_tender};
    use crate::scoring::score::score_bid;

    fn ranks(ranked: &[Ranked]) -> Vec<(String, Option<u32>)> {
        ranked
            .iter()
            .map(|r| (r.score.bid.0.clone(), r.rank))
            .collect()
    }

    #[test]
    fn equal_totals_share_a_rank_and_the_next_rank_is_skipped() {
        let tender = reference_tender();
        // b and c: price points 6 + 4 and 4 + 6 → equal totals; a is better on quality.
        let bids = [
            bid("c", Some("400"), Some("1150"), "7", "7"),
            bid("b", Some("385"), Some("1200"), "7", "7"),
            bid("a", Some("400"), Some("1150"), "9", "9"),
            bid("d", Some("430"), Some("1300"), "5", "5"),
        ];
        let ranked = rank(bids.iter().map(|b| score_bid(&tender, b)).collect(), &[]);
        assert_eq!(
            ranks(&ranked),
            [
                ("a".into(), Some(1)),
                ("b".into(), Some(2)),
                ("c".into(), Some(2)),
                ("d".into(), Some(4))
            ]
        );
        assert_eq!(ranked[1].tied_with, [BidId("c".into())]);
        assert!(ranked[0].tied_with.is_empty());
    }

    #[test]
    fn bids_set_aside_come_last_without_a_rank() {
        let tender = reference_tender();
        let mut rejected = bid("a", Some("400"), Some("1150"), "9", "9");
        rejected.declaration = crate::domain::Declaration::Yes;
        let ranked = rank(
            vec![
                score_bid(&tender, &rejected),
                score_bid(&tender, &bid("b", Some("400"), Some("1150"), "1", "1")),
            ],
            &[],
        );
        assert_eq!(ranks(&ranked), [("b".into(), Some(1)), ("a".into(), None)]);
    }

    #[test]
    fn a_declared_tie_break_orders_equal_totals() {
        let tender = reference_tender();
        // b: spor1 385 → 6, spor2 1200 → 4; c: spor1 400 → 4, spor2 1150 → 6; quality 7/7 both:
        // totals equal (6.8 each). On spor1 (weighted): b 6 × 0.05 = 0.3, c 4 × 0.05 = 0.2.
        let bids = [
            bid("c", Some("400"), Some("1150"), "7", "7"),
            bid("b", Some("385"), Some("1200"), "7", "7"),
        ];
        let scores: Vec<BidScore> = bids.iter().map(|b| score_bid(&tender, b)).collect();
        let by_spor1 = rank(scores.clone(), &[CriterionId("spor1".into())]);
        assert_eq!(
            ranks(&by_spor1),
            [("b".into(), Some(1)), ("c".into(), Some(2))]
        );
        assert_eq!(by_spor1[0].split_from, [BidId("c".into())]);
        assert!(by_spor1[0].tied_with.is_empty());
        // On kvalitet and pris they are equal as well (6.3 and 0.5 each): still a shared rank.
        let by_groups = rank(
            scores,
            &[CriterionId("kvalitet".into()), CriterionId("pris".into())],
        );
        assert_eq!(
            ranks(&by_groups),
            [("b".into(), Some(1)), ("c".into(), Some(1))]
        );
    }
}
