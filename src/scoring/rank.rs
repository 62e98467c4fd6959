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

use crate::domain::CriterionId;
use rust_decimal::Decimal;

use crate::scoring::score::{BidScore, Outcome, Standing};

/// One line of the ranking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranked {
    pub score: BidScore,
    /// `None` for a bid set aside: it is never ranked.
    pub rank: Option<u32>,
    /// Where the bids sharing this rank, and those with exactly the same total, stand in
    /// the ranking: two ranges of positions rather than lists of names, so a tie of k bids
    /// costs O(k) and not O(k²). Read through [`Ranked::tied_with`] and
    /// [`Ranked::split_from`].
    ties: Ties,
}

/// The positions `start..end` of a run of bids in the ranking.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Run {
    start: u32,
    end: u32,
}

impl Run {
    fn of(range: std::ops::Range<usize>) -> Run {
        // A ranking has fewer than 2³² bids: the loader reads no more files than that.
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        Run {
            start: at(range.start),
            end: at(range.end),
        }
    }

    fn len(self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    fn in_ranking(self, ranking: &[Ranked]) -> &[Ranked] {
        ranking
            .get(self.start as usize..self.end as usize)
            .unwrap_or_default()
    }
}

/// A bid's run of equal rank and its run of equal total (each at least the bid itself);
/// empty for a bid set aside or not yet ranked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Ties {
    rank: Run,
    total: Run,
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

impl Ranked {
    /// A bid's score before ranking: no rank, no ties named.
    pub fn unranked(score: BidScore) -> Ranked {
        Ranked {
            score,
            rank: None,
            ties: Ties::default(),
        }
    }

    /// Whether other bids share this bid's rank.
    pub fn shares_rank(&self) -> bool {
        self.ties.rank.len() > 1
    }

    /// How many other bids share this bid's rank.
    pub fn tied_count(&self) -> usize {
        self.ties.rank.len().saturating_sub(1)
    }

    /// The other bids sharing this rank: the same total and, where the tender declares a
    /// tie-break, the same points on every tie-break criterion. `ranking` is the ranking
    /// this entry was ranked in (the evaluation's); in ranking order.
    pub fn tied_with<'a>(&'a self, ranking: &'a [Ranked]) -> impl Iterator<Item = &'a Ranked> {
        self.ties
            .rank
            .in_ranking(ranking)
            .iter()
            .filter(move |other| !std::ptr::eq(*other, self))
    }

    /// The other bids with exactly the same total that the tie-break put in order, in
    /// ranking order.
    pub fn split_from<'a>(&'a self, ranking: &'a [Ranked]) -> impl Iterator<Item = &'a Ranked> {
        // The run of equal totals around the run of this rank: what lies before and after.
        let (total, rank) = (self.ties.total, self.ties.rank);
        let before = Run {
            start: total.start,
            end: rank.start,
        };
        let after = Run {
            start: rank.end,
            end: total.end,
        };
        before
            .in_ranking(ranking)
            .iter()
            .chain(after.in_ranking(ranking))
    }

    /// How many other bids have exactly the same total but another rank.
    pub fn split_count(&self) -> usize {
        self.ties.total.len().saturating_sub(self.ties.rank.len())
    }
}

/// Each shared rank of a ranking once, as the run of bids sharing it, in ranking order.
pub fn shared_ranks(ranking: &[Ranked]) -> impl Iterator<Item = &[Ranked]> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(entry) = ranking.get(at) {
            let run = entry.ties.rank;
            // A run always starts at or after the entry found in it; never stall.
            at = (run.end as usize).max(at + 1);
            if entry.shares_rank() {
                return Some(run.in_ranking(ranking));
            }
        }
        None
    })
}

/// Ranks the scored bids and appends the bids set aside. See [`rank_in_place`].
pub fn rank(scores: Vec<BidScore>, tie_break: &[CriterionId]) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = scores.into_iter().map(Ranked::unranked).collect();
    rank_in_place(&mut ranked, tie_break);
    ranked
}

/// Ranks bids given as unranked entries, in their own vector: sorted in place, so the
/// scores are never held twice. n log n: each key is computed once, the sort puts equal
/// keys (and equal totals) next to each other, and every tie is named in one pass over
/// those runs (a tie of k bids names k − 1 others for each).
pub fn rank_in_place(ranked: &mut [Ranked], tie_break: &[CriterionId]) {
    // Scored bids first, the best key first; then the bids set aside. Within equal keys,
    // and among the bids set aside, by name.
    let mut order: Vec<(Option<Vec<Option<Decimal>>>, usize)> = ranked
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let scored = r.score.standing().is_some();
            (scored.then(|| key(&r.score, tie_break)), i)
        })
        .collect();
    order.sort_by(|(ka, a), (kb, b)| {
        let by_key = match (ka, kb) {
            (Some(ka), Some(kb)) => kb.cmp(ka),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_key.then_with(|| by_name(&ranked[*a].score, &ranked[*b].score))
    });
    permute(ranked, order.iter().map(|(_, from)| *from));
    let keys: Vec<Vec<Option<Decimal>>> = order.into_iter().map_while(|(k, _)| k).collect();
    let scored = keys.len();
    let mut first_equal = 0;
    for entry in ranked.iter_mut() {
        entry.ties = Ties::default();
    }
    for position in 0..scored {
        if keys[position] != keys[first_equal] {
            first_equal = position;
        }
        ranked[position].rank = Some(u32::try_from(first_equal + 1).unwrap_or(u32::MAX));
    }
    for entry in &mut ranked[scored..] {
        entry.rank = None;
    }
    let ranked = &mut ranked[..scored];
    // The whole key is equal within a shared rank; the total alone within a run of equal
    // totals, which the tie-break may have split into several ranks. Each entry keeps the
    // range of its run: one pass, and no list of names per entry.
    for run in runs(ranked, |r| r.rank) {
        for entry in &mut ranked[run.clone()] {
            entry.ties.rank = Run::of(run.clone());
        }
    }
    for run in runs(ranked, |r| r.score.standing()) {
        for entry in &mut ranked[run.clone()] {
            entry.ties.total = Run::of(run.clone());
        }
    }
}

/// Puts the entry now at `from[k]` at position k, for every k, by swaps: linear, and no
/// second vector of entries.
fn permute<T>(entries: &mut [T], from: impl Iterator<Item = usize>) {
    // Where each entry goes, kept in step with the swaps.
    let mut to = vec![0; entries.len()];
    for (k, i) in from.enumerate() {
        to[i] = k;
    }
    for i in 0..entries.len() {
        while to[i] != i {
            let j = to[i];
            entries.swap(i, j);
            to.swap(i, j);
        }
    }
}

/// The ranges of consecutive entries with the same value, a range of one for an entry
/// alone.
fn runs<T: PartialEq>(
    ranked: &[Ranked],
    value: impl Fn(&Ranked) -> T,
) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=ranked.len() {
        if i == ranked.len() || value(&ranked[i]) != value(&ranked[start]) {
            runs.push(start..i);
            start = i;
        }
    }
    runs
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
    fn a_permutation_puts_every_entry_where_it_is_asked_for() {
        // Position k receives the entry now at from[k]: [c, a, d, b] from [2, 0, 3, 1] of
        // [a, b, c, d]; a cycle of length 4 and the identity.
        let mut entries = ['a', 'b', 'c', 'd'];
        permute(&mut entries, [2, 0, 3, 1].into_iter());
        assert_eq!(entries, ['c', 'a', 'd', 'b']);
        permute(&mut entries, 0..4);
        assert_eq!(entries, ['c', 'a', 'd', 'b']);
        // Two cycles of length 2: [b, a, d, c].
        let mut entries = ['a', 'b', 'c', 'd'];
        permute(&mut entries, [1, 0, 3, 2].into_iter());
        assert_eq!(entries, ['b', 'a', 'd', 'c']);
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
        let ids = |others: Vec<&Ranked>| -> Vec<String> {
            others.iter().map(|r| r.score.bid.0.clone()).collect()
        };
        assert_eq!(ids(ranked[1].tied_with(&ranked).collect()), ["c"]);
        assert_eq!(ids(ranked[2].tied_with(&ranked).collect()), ["b"]);
        assert!(!ranked[0].shares_rank() && ranked[0].tied_with(&ranked).next().is_none());
        assert!(ranked[1].split_count() == 0 && ranked[1].split_from(&ranked).next().is_none());
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
        let split: Vec<&str> = by_spor1[0]
            .split_from(&by_spor1)
            .map(|r| r.score.bid.0.as_str())
            .collect();
        assert_eq!(split, ["c"]);
        assert!(by_spor1[0].split_count() == 1 && by_spor1[1].split_count() == 1);
        assert!(!by_spor1[0].shares_rank());
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
