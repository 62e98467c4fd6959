//! Rank reversal: under a price model that compares bids with each other, removing one bid
//! can swap the order of two others. This module finds every such case.
//!
//! Contract: pure. For a relative model, every scored bid whose removal can change the
//! field the method compares with is taken out in turn, and the pairs of the remaining
//! bids whose order (ahead, equal, behind) differs are counted, and listed up to
//! [`LISTED_PER_REMOVAL`] for each removal, exactly as scoring the rest again would find
//! them. A fixed model (anchors) never reports anything, since no bid's points depend on
//! another's.

use std::cmp::Ordering;

use serde::Serialize;

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::{Bid, BidId, CriterionId, Tender};
use crate::values::{Money, Points};

use super::price_rules::{EVALUATION_PRICE, Priced, combine};
use super::score::{BidScore, Extremes, FieldWithout, Outcome, Without, score_refs};

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

/// At most this many reversals are listed for each removed bid; the others are counted.
/// A dense field can turn almost every pair when its cheapest bid leaves (3 000 bids:
/// 4.5 million pairs), and no reader goes through such a list: the count says how far the
/// ranking depends on that bid, the listed pairs (those ranked highest) show how.
pub const LISTED_PER_REMOVAL: usize = 20;

/// The rank reversals of a field: some listed, all counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reversals {
    /// Listed reversals, by removed bid, then pair (in bid order); for each removed bid
    /// at most [`LISTED_PER_REMOVAL`], those whose both bids rank highest with every bid.
    pub listed: Vec<Reversal>,
    /// Each removed bid whose removal turns some pair, in bid order, with how many pairs.
    pub counts: Vec<RemovalCount>,
}

/// How many pairs of bids change order when one bid is removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovalCount {
    pub removed: BidId,
    /// Every pair whose order changes, listed or not.
    pub pairs: usize,
    /// How many of them are listed.
    pub listed: usize,
}

impl RemovalCount {
    /// The pairs counted and not listed.
    pub fn unlisted(&self) -> usize {
        self.pairs - self.listed
    }
}

impl Reversals {
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Every pair that changes order, over every removal.
    pub fn total(&self) -> usize {
        self.counts.iter().map(|c| c.pairs).sum()
    }

    /// Each removal that turns some pair, with the reversals listed for it.
    pub fn by_removal(&self) -> impl Iterator<Item = (&RemovalCount, &[Reversal])> {
        let mut rest = self.listed.as_slice();
        self.counts.iter().map(move |count| {
            let (listed, after) = rest.split_at(count.listed.min(rest.len()));
            rest = after;
            (count, listed)
        })
    }
}

/// Every rank reversal among the bids of a tender, counted, and listed up to
/// [`LISTED_PER_REMOVAL`] per removed bid.
///
/// Exact but cheap. A scored bid's points depend on the others only through the field:
/// the lowest (and highest) price of each line among the bids scored. So:
/// - only the removals of `removals` can change anybody's points;
/// - a removal that leaves those prices as they were changes no other bid's total and
///   turns no pair, whichever bids leave the field or come into it with it
///   (`FieldWithout::without` tells, in O(L log n) for L lines, without scoring);
/// - removals that lead to the same new prices (in a dense field under a test for
///   abnormally low prices, thousands lead to a handful) share one scoring of that field
///   and one count of each bid's turned pairs in it (O(n log n)); a removal's count is
///   the pairs of all, less those of each bid leaving with it, plus those between two
///   bids leaving (counted twice); its list is read from the top of that field's order
///   until it is full;
/// - a removal this does not follow is scored again whole: the removed bid shares its CVR
///   number or bidder name with another bid (which bids are duplicates changes), or the
///   test for abnormally low prices cannot be followed in exact integers (see
///   `abnormal::Tests::new`), or the field found here is not the one scoring
///   found.
///
/// So O(F · n log n + R · (L log n + c)) for F new fields and R removals, where c grows
/// with the bids whose findings change with a removal (and, squared, with those leaving
/// the field with it) and with the list; scoring every removal again was O(R · n log n):
/// 10 000 bids in a dense field, 4 279 removals, 224 s → 0.4 s. No bid is cloned.
pub fn rank_reversals(tender: &Tender, bids: &[Bid]) -> Reversals {
    if !tender.model.method.is_relative() {
        return Reversals::default();
    }
    let refs: Vec<&Bid> = bids.iter().collect();
    let (with_all, field, removals) = with_every_bid(tender, &refs);
    // What each removal turns, in the order of `removals`.
    let mut turned: Vec<Option<(RemovalCount, Vec<Reversal>)>> = vec![None; removals.len()];
    // The removals that leave the same new field, by that field: each field is scored
    // once, however many removals lead to it.
    let mut by_field: BTreeMap<Vec<Extremes>, Vec<(usize, Vec<usize>)>> = BTreeMap::new();
    for (slot, &removed) in removals.iter().enumerate() {
        match field.without(removed) {
            // The same field: every other bid keeps its total, no pair turns.
            Without::Same => {}
            Without::Field { extremes, leaving } => {
                by_field.entry(extremes).or_default().push((slot, leaving));
            }
            Without::Unknown => turned[slot] = scored_again(tender, &refs, &with_all, removed),
        }
    }
    for (extremes, removals_here) in by_field {
        let after = field.totals_under(tender, &refs, &extremes);
        // (bid index, total with every bid, total in the new field) of every bid scored
        // in both; those leaving are taken out for each removal below.
        let entries: Vec<Entry> = (0..bids.len())
            .filter_map(|i| Some((i, with_all[i]?, after[i]?)))
            .collect();
        let degrees = degrees(&entries);
        let all_pairs = degrees.iter().sum::<usize>() / 2;
        let mut degree_of = vec![0; bids.len()];
        let mut turning: Vec<Entry> = Vec::new();
        for (entry, degree) in entries.iter().zip(&degrees) {
            degree_of[entry.0] = *degree;
            if *degree > 0 {
                turning.push(*entry);
            }
        }
        // As `discordant` goes through them: highest total first.
        turning.sort_by_key(|(i, before, _)| (std::cmp::Reverse(*before), *i));
        for (slot, leaving) in removals_here {
            let (with, without) = (|i: usize| with_all[i], |i: usize| after[i]);
            // The pairs of the bids left: all pairs, less those of a bid leaving, plus
            // those counted twice (both bids leaving).
            let among_leaving = leaving
                .iter()
                .enumerate()
                .flat_map(|(x, a)| leaving[x + 1..].iter().map(move |b| (*a, *b)))
                .filter(|(a, b)| with(*a).cmp(&with(*b)) != without(*a).cmp(&without(*b)))
                .count();
            let count =
                all_pairs + among_leaving - leaving.iter().map(|i| degree_of[*i]).sum::<usize>();
            if count == 0 {
                continue;
            }
            let left = turning
                .iter()
                .filter(|(i, _, _)| leaving.binary_search(i).is_err());
            let listed = listed_pairs(left, LISTED_PER_REMOVAL);
            let removed = removals[slot];
            turned[slot] = Some(record(&refs, removed, count, listed, |i| {
                (
                    with_all[i].unwrap_or_default(),
                    after[i].unwrap_or_default(),
                )
            }));
        }
    }
    let mut found = Reversals::default();
    for (count, listed) in turned.into_iter().flatten() {
        found.counts.push(count);
        found.listed.extend(listed);
    }
    found
}

/// The bids scored with every bid: each one's total (`None`: set aside), their field, and
/// the removals that can change it (see [`removals`]).
fn with_every_bid(
    tender: &Tender,
    refs: &[&Bid],
) -> (Vec<Option<Points>>, FieldWithout, Vec<usize>) {
    let scores = score_refs(tender, refs);
    let with_all: Vec<Option<Points>> = scores.iter().map(BidScore::total).collect();
    let scored = with_all.iter().map(Option::is_some).collect();
    let field = FieldWithout::new(tender, refs, scored);
    let removals = removals(tender, refs, &scores, &field);
    (with_all, field, removals)
}

/// What removing `removed` turns, found by scoring the other bids again.
fn scored_again(
    tender: &Tender,
    refs: &[&Bid],
    with_all: &[Option<Points>],
    removed: usize,
) -> Option<(RemovalCount, Vec<Reversal>)> {
    let rest: Vec<&Bid> = refs
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != removed)
        .map(|(_, b)| *b)
        .collect();
    let without = score_refs(tender, &rest);
    // (bid index, total with every bid, total without `removed`)
    let pairs: Vec<Entry> = (0..refs.len())
        .filter(|i| *i != removed)
        .zip(&without)
        .filter_map(|(i, score)| Some((i, with_all[i]?, score.total()?)))
        .collect();
    let (listed, count) = discordant(&pairs, LISTED_PER_REMOVAL);
    (count > 0).then(|| {
        record(refs, removed, count, listed, |i| {
            let at = pairs.binary_search_by_key(&i, |(j, _, _)| *j);
            at.map(|at| (pairs[at].1, pairs[at].2)).unwrap_or_default()
        })
    })
}

/// One removal's count and listed reversals: the pairs `listed` (as `discordant` gives
/// them) in bid order, with their orders by `totals` (with every bid, without `removed`).
fn record(
    bids: &[&Bid],
    removed: usize,
    count: usize,
    listed: Vec<(usize, usize)>,
    totals: impl Fn(usize) -> (Points, Points),
) -> (RemovalCount, Vec<Reversal>) {
    let mut listed: Vec<(usize, usize)> = listed
        .into_iter()
        .map(|(a, b)| (a.min(b), a.max(b)))
        .collect();
    listed.sort_unstable();
    let count = RemovalCount {
        removed: bids[removed].id.clone(),
        pairs: count,
        listed: listed.len(),
    };
    let listed = listed
        .into_iter()
        .map(|(first, second)| {
            let (a, b) = (totals(first), totals(second));
            Reversal {
                removed: bids[removed].id.clone(),
                first: bids[first].id.clone(),
                second: bids[second].id.clone(),
                with_all: order(a.0, b.0),
                without: order(a.1, b.1),
            }
        })
        .collect();
    (count, listed)
}

/// The scored bids whose removal can change another bid's points or standing, in bid
/// order: the sole extremes a relative method compares with; with decisions, also every
/// scored bid that shares its CVR number or bidder name with another bid (a duplicate the
/// authority let through: without it, the other is no longer a duplicate and comes into
/// the field); under a test for abnormally low prices, every scored bid whose removal can
/// change whether another's price is found abnormally low (a bid so found is set aside
/// for review, one no longer found comes into the field: see [`super::abnormal::movers`]).
fn removals(
    tender: &Tender,
    bids: &[&Bid],
    scores: &[BidScore],
    field: &FieldWithout,
) -> Vec<usize> {
    let scored = |i: &usize| scores[*i].total().is_some();
    let mut removals: BTreeSet<usize> = sole_extremes(tender, scores).into_iter().collect();
    if !tender.decisions.is_empty() {
        let shared = super::conformity::shares_cvr_or_name(bids);
        removals.extend((0..bids.len()).filter(scored).filter(|i| shared[*i]));
    }
    removals.extend(field.movers.iter().copied().filter(scored));
    removals.into_iter().collect()
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

/// The pairs of bids whose order (ahead, equal, behind) differs between two totals: how
/// many, and the first `limit` of them from the top, in O(n log n + limit). A pair stands
/// where the lower of its two bids stands before (its lower first total), so the pairs
/// listed are those whose both bids rank highest.
///
/// Sorted by the first total, highest first, each entry is compared with those ahead of
/// it: a pair within a group of equal totals differs when the second totals differ; an
/// entry behind another before differs from it when it is not behind it after (its
/// second total at least as high). The second kind is counted with a Fenwick tree over the
/// ranks of the second totals, and listed from a map of them while the list has room.
fn discordant(entries: &[Entry], limit: usize) -> (Vec<(usize, usize)>, usize) {
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    sorted.sort_by_key(|(i, before, _)| (std::cmp::Reverse(*before), *i));
    let mut afters: Vec<Points> = entries.iter().map(|(_, _, after)| *after).collect();
    afters.sort_unstable();
    afters.dedup();
    turned_pairs(sorted.into_iter(), Some(&afters), limit)
}

/// The first `limit` pairs [`discordant`] lists, from `sorted`, the entries in its order
/// (highest total before first, then bid): found without counting the others, and
/// without looking past the group of equal totals in which the list is full.
fn listed_pairs<'a>(sorted: impl Iterator<Item = &'a Entry>, limit: usize) -> Vec<(usize, usize)> {
    turned_pairs(sorted, None, limit).0
}

/// (bid index, total with every bid, total without the removed bid)
type Entry = (usize, Points, Points);

/// [`discordant`] over the entries in its order; counting every pair where `afters` (the
/// distinct totals after, in order) is given, else stopping when the list is full.
fn turned_pairs<'a>(
    sorted: impl Iterator<Item = &'a Entry>,
    afters: Option<&[Points]>,
    limit: usize,
) -> (Vec<(usize, usize)>, usize) {
    let rank = |after: Points| afters.map_or(0, |afters| afters.partition_point(|p| *p < after));
    let mut ahead_count = Fenwick::new(afters.map_or(0, <[Points]>::len));
    // The entries of the groups ahead, by their totals after; kept while listing.
    let mut ahead: BTreeMap<Points, Vec<usize>> = BTreeMap::new();
    let mut found = Vec::new();
    let mut count = 0;
    let mut sorted = sorted.peekable();
    while let Some(first) = sorted.next() {
        let mut group: Vec<&Entry> = vec![first];
        while let Some(next) = sorted.next_if(|e| e.1 == first.1) {
            group.push(next);
        }
        // Equal before: a pair differs when not equal after. Sorted by the total after,
        // each entry pairs with every later entry of another total.
        group.sort_by_key(|(i, _, after)| (*after, *i));
        let mut run_end = 0;
        for (x, (a, _, after_a)) in group.iter().enumerate() {
            if x == run_end {
                run_end = x + group[x..]
                    .iter()
                    .position(|e| e.2 != *after_a)
                    .unwrap_or(group.len() - x);
            }
            count += group.len() - run_end;
            let room = limit - found.len();
            found.extend(group[run_end..].iter().take(room).map(|(b, _, _)| (*a, *b)));
            // Behind before: differs from each entry ahead whose total after is at most
            // its own.
            if afters.is_some() {
                count += ahead_count.up_to(rank(*after_a));
            }
            if found.len() < limit {
                let room = limit - found.len();
                found.extend(
                    ahead
                        .range(..=*after_a)
                        .flat_map(|(_, ids)| ids)
                        .take(room)
                        .map(|b| (*b, *a)),
                );
            }
        }
        if afters.is_none() && found.len() >= limit {
            break;
        }
        for (i, _, after) in group {
            if afters.is_some() {
                ahead_count.add(rank(*after));
            }
            if found.len() < limit {
                ahead.entry(*after).or_default().push(*i);
            }
        }
    }
    (found, count)
}

/// For each entry, with how many of the others its order (ahead, equal, behind) differs
/// between the two totals: an entry behind another before differs from it when its total
/// after is at least as high, one ahead when at most as high, one equal when not equal.
/// In O(n log n): the entries in groups of equal totals before, lowest first, counted
/// against those below and then those above in Fenwick trees over the ranks of the totals
/// after.
fn degrees(entries: &[Entry]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|e| (entries[*e].1, entries[*e].2));
    let mut afters: Vec<Points> = entries.iter().map(|(_, _, after)| *after).collect();
    afters.sort_unstable();
    afters.dedup();
    let rank = |e: usize| afters.partition_point(|p| *p < entries[e].2);
    let groups: Vec<&[usize]> = order
        .chunk_by(|a, b| entries[*a].1 == entries[*b].1)
        .collect();
    let mut degree = vec![0; entries.len()];
    // Those below before, whose total after is at least as high.
    let mut below = Fenwick::new(afters.len());
    let mut counted = 0;
    for group in &groups {
        for &e in *group {
            let lower_after = rank(e).checked_sub(1).map_or(0, |r| below.up_to(r));
            degree[e] += counted - lower_after;
        }
        for &e in *group {
            below.add(rank(e));
        }
        counted += group.len();
    }
    // Those above before, whose total after is at most as high.
    let mut above = Fenwick::new(afters.len());
    for group in groups.iter().rev() {
        for &e in *group {
            degree[e] += above.up_to(rank(e));
        }
        for &e in *group {
            above.add(rank(e));
        }
    }
    // Those equal before, whose total after differs: the group is sorted by it.
    for group in &groups {
        for run in group.chunk_by(|a, b| entries[*a].2 == entries[*b].2) {
            for &e in run {
                degree[e] += group.len() - run.len();
            }
        }
    }
    degree
}

/// Counts of ranks 0..n, with the sum up to a rank in O(log n) (a Fenwick, or binary
/// indexed, tree).
struct Fenwick(Vec<usize>);

impl Fenwick {
    fn new(n: usize) -> Fenwick {
        Fenwick(vec![0; n + 1])
    }

    /// One more at `rank`.
    fn add(&mut self, rank: usize) {
        let mut i = rank + 1;
        while i < self.0.len() {
            self.0[i] += 1;
            i += i & i.wrapping_neg();
        }
    }

    /// How many at ranks 0 up to and including `rank`.
    fn up_to(&self, rank: usize) -> usize {
        let mut i = rank + 1;
        let mut sum = 0;
        while i > 0 {
            sum += self.0[i];
            i -= i & i.wrapping_neg();
        }
        sum
    }
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
        assert_eq!(found.listed.len(), 1, "{found:?}");
        assert_eq!(found.total(), 1);
        let r = &found.listed[0];
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

    /// Every pair of `entries` whose order differs, compared directly.
    fn every_discordant_pair(entries: &[Entry]) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for (x, (a, a_before, a_after)) in entries.iter().enumerate() {
            for (b, b_before, b_after) in &entries[x + 1..] {
                if a_before.cmp(b_before) != a_after.cmp(b_after) {
                    found.push((*a.min(b), *a.max(b)));
                }
            }
        }
        found.sort_unstable();
        found
    }

    /// The counting and listing of discordant pairs against the direct comparison of every
    /// pair, on fields with many equal totals before and after (totals 0–3, so ties are
    /// common), listing at most 0, 3 or 1 000 pairs.
    #[test]
    fn discordant_pairs_are_counted_exactly_and_listed_from_the_top() {
        let p = |n: u64| Points::new(rust_decimal::Decimal::from(n));
        // A fixed pseudo-random sequence (a linear congruential generator): the same
        // fields on every run.
        let mut seed: u64 = 7;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % 4
        };
        for size in [0, 1, 2, 5, 12, 40] {
            let entries: Vec<Entry> = (0..size).map(|i| (i, p(next()), p(next()))).collect();
            let direct = every_discordant_pair(&entries);
            // Each entry's degree: in how many of those pairs it stands.
            let degrees = degrees(&entries);
            for (e, degree) in entries.iter().zip(&degrees) {
                let direct_degree = direct
                    .iter()
                    .filter(|(a, b)| *a == e.0 || *b == e.0)
                    .count();
                assert_eq!(*degree, direct_degree, "size {size}, entry {}", e.0);
            }
            let mut sorted: Vec<&Entry> = entries.iter().collect();
            sorted.sort_by_key(|(i, before, _)| (std::cmp::Reverse(*before), *i));
            for limit in [0, 3, 1000] {
                // Listing alone, stopping early, lists what counting lists.
                assert_eq!(
                    listed_pairs(sorted.iter().copied(), limit),
                    discordant(&entries, limit).0,
                    "size {size} limit {limit}"
                );
            }
            for limit in [0, 3, 1000] {
                let (listed, count) = discordant(&entries, limit);
                assert_eq!(count, direct.len(), "size {size}");
                assert_eq!(
                    listed.len(),
                    direct.len().min(limit),
                    "size {size} limit {limit}"
                );
                let mut listed: Vec<(usize, usize)> =
                    listed.iter().map(|(a, b)| (*a.min(b), *a.max(b))).collect();
                listed.sort_unstable();
                listed.dedup();
                assert_eq!(listed.len(), direct.len().min(limit), "no pair twice");
                assert!(listed.iter().all(|pair| direct.contains(pair)));
                // From the top: a pair ranks where the lower of its two bids ranks (its
                // lower total before); no unlisted pair ranks above a listed one.
                let lower = |(a, b): (usize, usize)| entries[a].1.min(entries[b].1);
                if let (Some(worst_listed), Some(best_unlisted)) = (
                    listed.iter().map(|x| lower(*x)).min(),
                    direct
                        .iter()
                        .filter(|x| !listed.contains(x))
                        .map(|x| lower(*x))
                        .max(),
                ) {
                    assert!(best_unlisted <= worst_listed, "size {size} limit {limit}");
                }
            }
        }
    }

    /// The check as first written: every removal of [`removals`] scored again, whole.
    fn by_scoring_every_removal_again(tender: &Tender, bids: &[Bid]) -> Reversals {
        let refs: Vec<&Bid> = bids.iter().collect();
        let (with_all, _, removals) = with_every_bid(tender, &refs);
        let mut found = Reversals::default();
        for removed in removals {
            if let Some((count, listed)) = scored_again(tender, &refs, &with_all, removed) {
                found.counts.push(count);
                found.listed.extend(listed);
            }
        }
        found
    }

    /// The check, which scores again only once for each new field a removal leads to and
    /// counts the pairs that turn from each bid's own count, finds what scoring every
    /// removal again finds: on 400 fields of 2–13 bids with prices on a few steps (so
    /// that prices, extremes and totals tie), under each relative method, with and without
    /// tests for abnormally low prices (against the mean of the others and the next lowest),
    /// the authority's decisions on some of them, a duplicate it let through, and prices
    /// combined by volume. Each way `FieldWithout::without` answers is taken many times.
    #[test]
    fn the_check_finds_what_scoring_every_removal_again_finds() {
        use crate::domain::{AbnormallyLow, Decisions, ReviewDecision};
        use crate::values::Percent;
        use rust_decimal::Decimal;
        let mut seed: u64 = 11;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let (mut same, mut new_field, mut unknown, mut turned) = (0, 0, 0, 0);
        for case in 0..400 {
            let mut tender = reference_tender();
            let max = Points::new(Decimal::from(10));
            tender.model.method = match next(3) {
                0 => Method::Proportional { max },
                1 => Method::LowestToHighest { max },
                _ => Method::RelativeToLowest {
                    max,
                    slope: Decimal::ONE,
                    floor_at_zero: next(2) == 0,
                },
            };
            let percent = |n: u64| Some(Percent::new(Decimal::from(n)));
            let (mean, below_next) = (next(4), next(3));
            if mean + below_next > 0 {
                tender.price_rules.abnormally_low = Some(AbnormallyLow {
                    below_mean_of_others: [None, percent(1), percent(3), percent(6)][mean as usize],
                    below_next_lowest: [None, percent(1), percent(4)][below_next as usize],
                    source: None,
                    text: None,
                });
            }
            if next(4) == 0 {
                tender.price_rules.volumes = Some(
                    [("spor1", 130), ("spor2", 7)]
                        .into_iter()
                        .map(|(line, q)| (CriterionId(line.into()), Decimal::from(q)))
                        .collect(),
                );
            }
            let size = 2 + next(12) as usize;
            let mut bids: Vec<Bid> = (0..size)
                .map(|i| {
                    let spor1 = (370 + 6 * next(11)).to_string();
                    let spor2 = (1100 + 20 * next(11)).to_string();
                    let q = ["5", "5.01", "5.02", "5.05", "5.1"];
                    bid(
                        &format!("b{i:02}"),
                        Some(&spor1),
                        (next(8) > 0).then_some(spor2.as_str()),
                        q[next(5) as usize],
                        q[next(5) as usize],
                    )
                })
                .collect();
            let mut decisions = Vec::new();
            let decide = |bid: &Bid, rule: &str, accepted: bool| ReviewDecision {
                bid: bid.id.clone(),
                rule: rule.into(),
                accepted,
                by: String::new(),
                date: String::new(),
                reason: String::new(),
                place: String::new(),
            };
            for bid in &bids {
                if next(4) == 0 {
                    decisions.push(decide(bid, "abnormally-low-price", next(2) == 0));
                }
            }
            if size > 2 && next(5) == 0 {
                bids[1].cvr = bids[0].cvr.clone();
                decisions.push(decide(&bids[0], "duplicate-bid", true));
            }
            tender.decisions = Decisions::new(decisions);

            let refs: Vec<&Bid> = bids.iter().collect();
            let (_, field, removals) = with_every_bid(&tender, &refs);
            for removed in removals {
                match field.without(removed) {
                    Without::Same => same += 1,
                    Without::Field { .. } => new_field += 1,
                    Without::Unknown => unknown += 1,
                }
            }
            let expected = by_scoring_every_removal_again(&tender, &bids);
            turned += expected.total();
            assert_eq!(rank_reversals(&tender, &bids), expected, "case {case}");
        }
        assert!(
            same > 100 && new_field > 100 && unknown > 10 && turned > 100,
            "{same} the same, {new_field} new, {unknown} unknown; {turned} pairs turned"
        );
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
            with_every_bid(tender, &refs).2
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

        // A test of each price against the mean of the others' (more than 5 % below:
        // p × 100 × 4 < (Σ − p) × 95). c is found on both lines (370 × 400 = 148 000 <
        // 1 645 × 95 = 156 275; 1 100 × 400 = 440 000 < 4 830 × 95 = 458 850) and set aside,
        // so a (400/1150) alone holds both lowest prices. Any removal moves the mean, but
        // none moves it across another price: whichever bid leaves, a stays not found
        // (without b, its nearest: 400 × 300 = 120 000 ≥ 1 185 × 95 = 112 575; 1 150 × 300 =
        // 345 000 ≥ 3 480 × 95 = 330 600) and c stays found (without a, its nearest:
        // 111 000 < 1 245 × 95 = 118 275; 330 000 < 3 680 × 95 = 349 600). So only a and b
        // are taken out.
        bids[3].cvr = "99999999".into();
        tender.decisions = Decisions::default();
        tender.price_rules.abnormally_low = Some(AbnormallyLow {
            below_mean_of_others: Some(Percent::new("5".parse().unwrap())),
            below_next_lowest: None,
            source: None,
            text: None,
        });
        assert_eq!(of(&tender, &bids), [0, 1]);
    }
}
