//! The award to several suppliers: which ranked bids fill the places the tender awards,
//! and the work each place carries.
//!
//! Contract: a pure function of the tender's `[award]` and the ranking. Places are filled
//! in rank order; bids that share a rank (the declared tie-break did not separate them)
//! fill their places together when all fit, and when they do not, none of them is awarded
//! those places: the tie at the boundary is reported and left to the authority, never
//! broken here. Each place carries its share of the work — equal (volume ÷ suppliers,
//! never a rounded percentage), declared by place, or its position in the cascade — and
//! where the tender shares a volume, whole units per place, any remainder one unit each
//! to the first places (only where the tender says so: `remainder = "by-rank"`).
//! Linear in the number of ranked bids.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::{Allocation, Award, BidId, KeepLots, LotLimit, Rule};

use super::rank::Ranked;

/// What one ranked bid is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AwardStatus {
    /// A supplier of the framework agreement (or lot).
    Awarded,
    /// Tied for the last places with more bids than places left: undecided.
    TiedAtBoundary,
    NotAwarded,
    /// Passed over in this lot: the bidder is awarded as many other lots as the tender's
    /// lot limit allows, and keeps those by its declared rule.
    LotLimit,
}

impl AwardStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AwardStatus::Awarded => "awarded",
            AwardStatus::TiedAtBoundary => "tied-at-boundary",
            AwardStatus::NotAwarded => "not-awarded",
            AwardStatus::LotLimit => "lot-limit",
        }
    }
}

/// One ranked bid's place in the award.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BidAward {
    pub bid: BidId,
    pub bidder: String,
    pub rank: u32,
    pub status: AwardStatus,
    /// The places its rank group stands on (first, last): (2, 2) alone, (2, 3) for two
    /// bids tied at rank 2.
    pub places: (u32, u32),
    /// Its share of the work in %, exact; `None` under a cascade, when not awarded, or
    /// when tied bids stand on places whose shares differ (the authority decides).
    pub share: Option<Decimal>,
    /// Its part of the volume, in units, where the tender states a volume.
    pub volume: Option<Decimal>,
    /// Tied with other awarded bids on places whose shares differ.
    pub share_undecided: bool,
}

/// The award of a tender (or lot) under its `[award]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AwardResult {
    pub suppliers: u32,
    /// "cascade", "equal" or "shares".
    pub allocation: &'static str,
    pub volume: Option<u64>,
    pub unit: Option<String>,
    /// Every ranked bid, in the order of the ranking.
    pub bids: Vec<BidAward>,
    /// Places no ranked bid fills (fewer bids ranked than suppliers awarded).
    pub unfilled: Vec<u32>,
    /// Places left undecided by a tie at the boundary.
    pub undecided: Vec<u32>,
    /// The remainder rule applied: units left over went to the first places.
    pub remainder_by_rank: bool,
    pub source: Option<String>,
    pub text: Option<String>,
}

impl AwardResult {
    /// The bids awarded, in rank order.
    pub fn awarded(&self) -> impl Iterator<Item = &BidAward> {
        self.bids
            .iter()
            .filter(|b| b.status == AwardStatus::Awarded)
    }
}

/// The share (in %) and the volume of each place, first place first.
fn places(award: &Award) -> Vec<(Option<Decimal>, Option<Decimal>)> {
    let n = award.suppliers as usize;
    let count = Decimal::from(award.suppliers);
    let volume = award.volume.map(Decimal::from);
    // Each place's exact part of the volume, before any remainder rule.
    let (shares, parts): (Vec<Option<Decimal>>, Vec<Option<Decimal>>) = match &award.allocation {
        Allocation::Cascade => (vec![None; n], vec![None; n]),
        Allocation::Equal => (
            vec![Some(Decimal::ONE_HUNDRED / count); n],
            vec![volume.map(|v| v / count); n],
        ),
        Allocation::Shares(shares) => shares
            .iter()
            .map(|s| {
                (
                    Some(s.value()),
                    volume.map(|v| v * s.value() / Decimal::ONE_HUNDRED),
                )
            })
            .unzip(),
    };
    let parts = match (volume, award.remainder_by_rank) {
        (Some(volume), true) if parts.iter().all(Option::is_some) => {
            let mut whole: Vec<Decimal> = parts.iter().flatten().map(|p| p.floor()).collect();
            let mut left = volume - whole.iter().sum::<Decimal>();
            for part in &mut whole {
                if left <= Decimal::ZERO {
                    break;
                }
                *part += Decimal::ONE;
                left -= Decimal::ONE;
            }
            whole.into_iter().map(Some).collect()
        }
        _ => parts,
    };
    shares.into_iter().zip(parts).collect()
}

/// Fills the places of the award from the ranking; the bids in `passed_over` (by the lot
/// limit) take no place.
pub fn award(rule: &Rule<Award>, ranking: &[Ranked], passed_over: &BTreeSet<BidId>) -> AwardResult {
    let award = &rule.action;
    let plan = places(award);
    let n = award.suppliers;
    let ranked: Vec<(&Ranked, u32)> = ranking
        .iter()
        .filter(|r| !passed_over.contains(&r.score.bid))
        .filter_map(|r| r.rank.map(|rank| (r, rank)))
        .collect();
    let mut bids = Vec::with_capacity(ranked.len());
    let mut undecided = Vec::new();
    let mut next = 1u32; // the first place not yet taken
    let mut start = 0;
    while start < ranked.len() {
        let rank = ranked[start].1;
        let end = ranked[start..]
            .iter()
            .position(|(_, r)| *r != rank)
            .map_or(ranked.len(), |p| start + p);
        let size = u32::try_from(end - start).unwrap_or(u32::MAX);
        let (first, last) = (next, next.saturating_add(size - 1));
        let status = if next > n {
            AwardStatus::NotAwarded
        } else if last <= n {
            AwardStatus::Awarded
        } else {
            undecided.extend(first..=n);
            AwardStatus::TiedAtBoundary
        };
        // The shares of the places the group stands on: one value when they agree.
        let group: Vec<_> = (first..=last.min(n))
            .map(|p| plan[(p - 1) as usize])
            .collect();
        let agree = group.windows(2).all(|w| w[0] == w[1]);
        let (share, volume) = match (status, group.first()) {
            (AwardStatus::Awarded, Some(&(share, volume))) if agree => (share, volume),
            _ => (None, None),
        };
        let share_undecided = status == AwardStatus::Awarded && !agree;
        for (entry, _) in &ranked[start..end] {
            bids.push(BidAward {
                bid: entry.score.bid.clone(),
                bidder: entry.score.bidder.to_string(),
                rank,
                status,
                places: (first, last),
                share,
                volume,
                share_undecided,
            });
        }
        next = last.saturating_add(1);
        start = end;
    }
    let unfilled = (next..=n).collect();
    for entry in ranking
        .iter()
        .filter(|r| passed_over.contains(&r.score.bid))
    {
        if let Some(rank) = entry.rank {
            bids.push(BidAward {
                bid: entry.score.bid.clone(),
                bidder: entry.score.bidder.to_string(),
                rank,
                status: AwardStatus::LotLimit,
                places: (0, 0),
                share: None,
                volume: None,
                share_undecided: false,
            });
        }
    }
    // In the order of the ranking; the sort is stable, so equal ranks keep theirs.
    bids.sort_by_key(|b| b.rank);
    AwardResult {
        suppliers: n,
        allocation: match award.allocation {
            Allocation::Cascade => "cascade",
            Allocation::Equal => "equal",
            Allocation::Shares(_) => "shares",
        },
        volume: award.volume,
        unit: award.unit.clone(),
        bids,
        unfilled,
        undecided,
        remainder_by_rank: award.remainder_by_rank,
        source: rule.source.clone(),
        text: rule.text.clone(),
    }
}

/// One lot as the lot limit sees it: its award (one supplier where it states none), its
/// ranking, and each bid's own order of lots (its priority).
pub struct LotRanking<'a> {
    pub award: Rule<Award>,
    pub ranking: &'a [Ranked],
    pub priorities: BTreeMap<&'a BidId, &'a [String]>,
    pub id: &'a str,
}

/// The bids passed over in each lot (in the order of `lots`) by the lot limit. A bidder
/// that would be awarded more lots than the limit keeps the first ones by the declared
/// rule (the tender's order of lots, or the bid's own) and is passed over in the rest,
/// where the next bids move up; repeated until no bidder holds too many, since moving up
/// can give another bidder one lot too many. Each round passes over at least one more
/// (bid, lot), so it ends within bids × lots rounds.
pub fn lot_limit(limit: &LotLimit, lots: &[LotRanking<'_>]) -> Vec<BTreeSet<BidId>> {
    let mut passed: Vec<BTreeSet<BidId>> = vec![BTreeSet::new(); lots.len()];
    loop {
        let mut won: BTreeMap<BidId, Vec<usize>> = BTreeMap::new();
        for (i, lot) in lots.iter().enumerate() {
            let result = award(&lot.award, lot.ranking, &passed[i]);
            for b in result.awarded() {
                won.entry(b.bid.clone()).or_default().push(i);
            }
        }
        let mut changed = false;
        for (bid, mut held) in won {
            if held.len() <= limit.per_bidder as usize {
                continue;
            }
            if limit.keep == KeepLots::BidderPriority {
                held.sort_by_key(|i| {
                    lots[*i]
                        .priorities
                        .get(&bid)
                        .and_then(|order| order.iter().position(|l| l == lots[*i].id))
                        .unwrap_or(usize::MAX)
                });
            }
            for i in held.into_iter().skip(limit.per_bidder as usize) {
                changed |= passed[i].insert(bid.clone());
            }
        }
        if !changed {
            return passed;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::Percent;

    fn plan(
        allocation: Allocation,
        suppliers: u32,
        volume: Option<u64>,
        remainder: bool,
    ) -> Vec<(Option<Decimal>, Option<Decimal>)> {
        places(&Award {
            suppliers,
            allocation,
            volume,
            unit: None,
            remainder_by_rank: remainder,
        })
    }

    fn d(text: &str) -> Option<Decimal> {
        Some(text.parse().expect("decimal"))
    }

    #[test]
    fn equal_shares_divide_the_volume_not_a_rounded_percentage() {
        // 300 ÷ 3 = 100 exactly (100/3 % × 300 would give 99.99…).
        let p = plan(Allocation::Equal, 3, Some(300), false);
        assert!(p.iter().all(|(_, v)| *v == d("100")));
        // 220 ÷ 2 = 110.
        assert_eq!(
            plan(Allocation::Equal, 2, Some(220), false),
            vec![(d("50"), d("110")); 2]
        );
    }

    #[test]
    fn the_remainder_goes_one_unit_each_to_the_first_places() {
        // 100 × 60 % = 60, × 30 % = 30, × 10 % = 10: whole, nothing left over.
        let shares = |s: &[i64]| {
            Allocation::Shares(s.iter().map(|p| Percent::new(Decimal::from(*p))).collect())
        };
        let p = plan(shares(&[60, 30, 10]), 3, Some(100), true);
        assert_eq!(
            p.iter().map(|(_, v)| *v).collect::<Vec<_>>(),
            [d("60"), d("30"), d("10")]
        );
        // 101 ÷ 3 = 33.67: 33 each, 2 left over → 34, 34, 33.
        let p = plan(Allocation::Equal, 3, Some(101), true);
        assert_eq!(
            p.iter().map(|(_, v)| *v).collect::<Vec<_>>(),
            [d("34"), d("34"), d("33")]
        );
        // A cascade carries no shares.
        assert_eq!(
            plan(Allocation::Cascade, 2, Some(10), true),
            vec![(None, None); 2]
        );
    }
}
