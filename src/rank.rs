//! Ranking: orders scored bids by total and lists the bids set aside after them.
//!
//! Contract: a pure function of the bid scores. The highest total ranks first; equal
//! totals (compared exactly) share a rank and the next rank is skipped (1, 2, 2, 4), since
//! the tender declares no tie-break. Within a tie, and among bids set aside, the order is
//! by bidder name and then bid id: alphabetical, stated in every report, and never a
//! precedence. The result does not depend on the order the bids come in.

use std::cmp::Ordering;

use crate::domain::BidId;
use crate::score::BidScore;

/// One line of the ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub score: BidScore,
    /// `None` for a bid set aside: it is never ranked.
    pub rank: Option<u32>,
    /// The other bids with exactly the same total.
    pub tied_with: Vec<BidId>,
}

/// Ranks the scored bids and appends the bids set aside.
pub fn rank(scores: Vec<BidScore>) -> Vec<Ranked> {
    let (mut scored, mut set_aside): (Vec<BidScore>, Vec<BidScore>) =
        scores.into_iter().partition(|s| s.total().is_some());
    scored.sort_by(|a, b| b.total().cmp(&a.total()).then_with(|| by_name(a, b)));
    set_aside.sort_by(by_name);

    // Sorted by total, equal totals stand together: each run of equal totals is one rank.
    let totals: Vec<_> = scored.iter().map(BidScore::total).collect();
    let mut ranked: Vec<Ranked> = Vec::with_capacity(scored.len() + set_aside.len());
    let mut first_equal = 0;
    for (position, score) in scored.into_iter().enumerate() {
        if totals[position] != totals[first_equal] {
            first_equal = position;
        }
        let rank = u32::try_from(first_equal + 1).unwrap_or(u32::MAX);
        ranked.push(Ranked {
            score,
            rank: Some(rank),
            tied_with: Vec::new(),
        });
    }
    // Name the other members of each tie.
    for i in 0..ranked.len() {
        let tied_with: Vec<BidId> = ranked
            .iter()
            .enumerate()
            .filter(|(j, other)| *j != i && other.rank == ranked[i].rank)
            .map(|(_, other)| other.score.bid.clone())
            .collect();
        ranked[i].tied_with = tied_with;
    }
    ranked.extend(set_aside.into_iter().map(|score| Ranked {
        score,
        rank: None,
        tied_with: Vec::new(),
    }));
    ranked
}

fn by_name(a: &BidScore, b: &BidScore) -> Ordering {
    a.bidder.cmp(&b.bidder).then_with(|| a.bid.cmp(&b.bid))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::{bid, reference_tender};
    use crate::score::score_bid;

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
        let ranked = rank(bids.iter().map(|b| score_bid(&tender, b)).collect());
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
        let ranked = rank(vec![
            score_bid(&tender, &rejected),
            score_bid(&tender, &bid("b", Some("400"), Some("1150"), "1", "1")),
        ]);
        assert_eq!(ranks(&ranked), [("b".into(), Some(1)), ("a".into(), None)]);
    }
}
