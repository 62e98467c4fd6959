//! What-if: how far each ranked bid stands from the bids above it, how much the weights
//! may move before the winner changes, what each criterion decided in fact, and the
//! ranking under a scenario.
//!
//! Contract: pure functions of one version of a tender (its [`Tender`] and bids) and its
//! ranking; no I/O. Every answer comes from scoring edited copies of bids with the same
//! code as `score` — never from a formula of its own — so it holds exactly where
//! re-scoring says so:
//!
//! - **Break-even prices.** A lower price never earns fewer points (a property test of
//!   the scoring), so a bid's margin to another is monotone in its own price, and the
//!   highest price at which it stands level is found by bisection on the prices a bid can
//!   be evaluated at: the band in whole kroner where the price rules round to them, else
//!   in øre. Under a relative model the edited bid is scored together with the bids
//!   holding the lowest and highest price of each line, which decide every other bid's
//!   points, so a price that becomes the lowest moves the others' points as it would in
//!   the real evaluation. A tie off the grid is reported only where re-scoring at it gives
//!   exactly zero.
//! - **Quality points needed**: the same search over the criterion's scale, in whole
//!   points, and the exact tie where re-scoring confirms it.
//! - **Weight ranges.** With prices and points held, a bid's total is linear in the
//!   weight of one criterion when its siblings share the rest in proportion; so two
//!   scorings (the weight as stated, and 100 %) give every pair's margin as a line, and
//!   its zero is one exact division. Each bound is reported with whether that division
//!   terminated, and is checked in the tests by scoring just inside and outside it.
//!
//! Cost: per bid and opponent, O(lines × log(band / step)) scorings of at most
//! 2 + 2 × lines bids (under a relative model the winner's price answers score every
//! ranked bid at each step); per criterion, one scoring of the ranked bids. What every
//! answer reads of the whole field (each bid's opponents, each line's extremes and
//! highest price) is found once, in linear time, by [`Analysis::new`]; the answers are
//! then found bid by bid, so a report finds and writes them a chunk at a time on every
//! core and never holds them all.

pub mod scenario;
mod search;
pub mod simulate;

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::{Bid, BidId, CriterionId, CriterionKind, Tender};
use crate::scoring::price_rules::EVALUATION_PRICE;
use crate::scoring::rank::Ranked;
use crate::scoring::score::{Outcome, score_refs};
use crate::values::{Money, Percent, Points, Share};

use search::{Crossing, interpolate, last_at_or_above};

/// What `whatif` answers for one version of a tender beside each bid's own answers, which
/// [`Analysis::answers`] gives one bid at a time. The JSON report writes its fields
/// around the bids' answers (see [`crate::report::whatif`]).
#[derive(Clone, Debug)]
pub struct WhatIf {
    /// Whether the bids are ranked by an evaluation price in money (lowest wins), so
    /// margins are in money; otherwise in points of the total.
    pub money: bool,
    /// Whether the tender tests for abnormally low prices, which the searches leave out (a
    /// break-even price may be one the authority must ask the bidder to explain).
    pub abnormally_low_left_out: bool,
    /// The step of the prices searched: 1 where the price rules round to whole kroner,
    /// else 0.01.
    pub price_step: Money,
    /// Per criterion with siblings, the weights within which the winner (and the ranking)
    /// stays.
    pub weights: Vec<WeightRange>,
    /// What each criterion decided among the ranked bids; empty under a money model.
    pub spread: Vec<Spread>,
}

/// The answers for one ranked bid.
#[derive(Clone, Debug, Serialize)]
pub struct BidAnswers {
    pub bid: BidId,
    pub bidder: String,
    pub rank: u32,
    /// Against the bid ranked above it and the winner (the runner-up, for the winner).
    pub versus: Vec<Versus>,
}

/// Which other bid an answer is measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Opponent {
    /// The nearest bid ranked above.
    Above,
    /// The winner (rank 1).
    Winner,
    /// For the winner: the best bid ranked below it; under a relative model, where the
    /// winner's price moves the others' points, its price answers are against every other
    /// ranked bid (the price up to which it stays the winner).
    RunnerUp,
    /// For a bid sharing rank 1: another bid sharing it.
    SharedFirst,
}

/// How far one bid stands from another, and what would close the gap.
#[derive(Clone, Debug, Serialize)]
pub struct Versus {
    pub opponent: Opponent,
    pub bid: BidId,
    pub bidder: String,
    /// This bid's standing minus the other's: points of the total (negative: behind), or
    /// under a money model the other's evaluation price minus this bid's.
    pub margin: Decimal,
    /// Per price line, the others held.
    pub prices: Vec<PriceNeeded>,
    /// Where no single price line suffices: the margin with every line at the lowest
    /// price of its band.
    pub all_lowest: Option<Decimal>,
    /// Per quality criterion, prices and the other criteria held.
    pub points: Vec<PointsNeeded>,
}

/// The price on one line at which the bid stands level with the other.
#[derive(Clone, Debug, Serialize)]
pub struct PriceNeeded {
    pub line: CriterionId,
    /// The evaluated price now.
    pub current: Money,
    pub answer: PriceAnswer,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "answer", rename_all = "kebab-case")]
pub enum PriceAnswer {
    /// Level or ahead at every price of the band, up to its highest.
    AnyPrice { highest: Money, margin: Decimal },
    /// Level or ahead at `price` and every price below it; behind at `next`, the next
    /// price a bid can have. `tie`: the price of an exact tie, where one exists (on the
    /// grid, it is `price`; off it, a price the price rules would not leave as it is).
    AtMost {
        price: Money,
        margin: Decimal,
        next: Money,
        next_margin: Option<Decimal>,
        tie: Option<Money>,
    },
    /// Behind even at the lowest price of the band, by `margin` (negative).
    Never {
        lowest: Money,
        margin: Option<Decimal>,
    },
}

/// The points on one quality criterion at which the bid stands level with the other.
#[derive(Clone, Debug, Serialize)]
pub struct PointsNeeded {
    pub criterion: CriterionId,
    /// The consensus points now, on the criterion's own scale.
    pub current: Points,
    pub answer: PointsAnswer,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "answer", rename_all = "kebab-case")]
pub enum PointsAnswer {
    /// Level or ahead already.
    Already,
    /// Level or ahead from `points` (a whole point, or the bid's own points) up; behind
    /// below it. `tie`: the exact points of a tie, where re-scoring confirms one.
    AtLeast {
        points: Points,
        margin: Decimal,
        tie: Option<Points>,
    },
    /// Behind even at the top of the scale, by `margin`.
    Never {
        highest: Points,
        margin: Option<Decimal>,
    },
}

/// The weights of one criterion (its siblings sharing the rest in proportion) within
/// which the winner, and the whole ranking, stay as they are.
#[derive(Clone, Debug, Serialize)]
pub struct WeightRange {
    pub criterion: CriterionId,
    /// The weight among its siblings as the tender states it.
    pub weight: Percent,
    /// The winner stays the winner from `low` to `high` (at a bound it ties).
    pub winner: Range,
    /// The whole ranking stays strictly between `low` and `high` (at a bound two bids tie).
    pub ranking: Range,
}

#[derive(Clone, Debug, Serialize)]
pub struct Range {
    pub low: Bound,
    pub high: Bound,
}

/// One end of a weight range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bound {
    /// The weight in percent.
    pub weight: Decimal,
    /// The bid that ties there, the first to overtake. `None`: the range runs to 0 % or
    /// 100 % without a change.
    pub overtaken_by: Option<BidId>,
    /// Its bidder's name.
    pub bidder: Option<String>,
    /// Whether the weight is exact (the division terminated); otherwise cut at 28
    /// significant digits.
    pub exact: bool,
}

/// What a criterion decided among the ranked bids: the spread of its weighted points,
/// beside its stated share.
#[derive(Clone, Debug, Serialize)]
pub struct Spread {
    pub criterion: CriterionId,
    pub stated: Share,
    /// The highest minus the lowest weighted points among the ranked bids; for a group,
    /// the sum of its leaves' spreads (what its share of the spread is taken of).
    pub spread: Points,
    /// Its share of the spread of all leaves (for a group: its leaves'); `None` where no
    /// criterion spreads the bids at all.
    pub effective: Option<Decimal>,
}

/// The tender version a what-if is asked of: the tender, its bids and its ranking.
pub struct Subject<'a> {
    pub tender: &'a Tender,
    pub bids: &'a [Bid],
    pub ranking: &'a [Ranked],
}

/// The ranked bids with their bid, in rank order.
struct Ranks<'a> {
    entries: Vec<(&'a Ranked, &'a Bid)>,
}

impl<'a> Subject<'a> {
    fn ranks(&self) -> Ranks<'a> {
        let by_id: HashMap<&BidId, &Bid> = self.bids.iter().map(|b| (&b.id, b)).collect();
        Ranks {
            entries: self
                .ranking
                .iter()
                .filter(|r| r.rank.is_some())
                .filter_map(|r| Some((r, *by_id.get(&r.score.bid)?)))
                .collect(),
        }
    }
}

/// The grid step of prices: whole kroner where the price rules round to them.
pub fn price_step(tender: &Tender) -> Money {
    Money::new(if tender.price_rules.whole_kroner.action.is_some() {
        Decimal::ONE
    } else {
        Decimal::new(1, 2)
    })
}

/// A what-if of one version, ready to answer for each ranked bid asked about (all of them,
/// or only one) in any order: what is found once for the whole field (the weight ranges,
/// the spread, each line's extremes and highest price, each bid's opponents) is found
/// here, in time linear in the number of bids (n log n for the extremes), so a report can
/// ask for the answers a few bids at a time and write them as they come.
pub struct Analysis<'a> {
    pub summary: WhatIf,
    /// The tender without its test for abnormally low prices (see [`Analysis::new`]).
    tender: Tender,
    ranks: Ranks<'a>,
    extremes: Extremes,
    /// The positions in `ranks` of the bids asked about, in rank order.
    asked: Vec<usize>,
    /// Per position, the nearest position before it whose bid stands strictly better.
    above: Vec<Option<usize>>,
    /// The first two positions with rank 1 (a bid sharing it is answered against another).
    first: Vec<usize>,
    /// The first position below rank 1: the runner-up, for a sole winner.
    runner_up: Option<usize>,
    /// Per price line, the highest price evaluated among the ranked bids: the top of the
    /// search on a line without a band.
    highest: HashMap<CriterionId, Decimal>,
}

impl<'a> Analysis<'a> {
    /// Everything but the bids' answers, for the ranked bids (or only `only`).
    pub fn new(subject: &Subject<'a>, only: Option<&BidId>) -> Analysis<'a> {
        // The test of abnormally low prices compares every bid with all the others, so it
        // cannot be asked of the few bids a search scores: the searches leave it out, and
        // the report says so where the tender has one.
        let mut tender = subject.tender.clone();
        let abnormally_low_left_out = tender.price_rules.abnormally_low.take().is_some();
        let ranks = subject.ranks();
        let extremes = Extremes::of(&tender, &ranks);
        let without = Subject {
            tender: &tender,
            bids: subject.bids,
            ranking: subject.ranking,
        };
        let summary = WhatIf {
            money: tender.model.method.is_money(),
            abnormally_low_left_out,
            price_step: price_step(&tender),
            weights: weight_ranges(&without, &ranks),
            spread: spread(
                &tender,
                &ranks.entries.iter().map(|(r, _)| *r).collect::<Vec<_>>(),
            ),
        };
        let asked = (0..ranks.entries.len())
            .filter(|i| only.is_none_or(|id| &ranks.entries[*i].0.score.bid == id))
            .collect();
        let first_of = |rank_one: bool| {
            ranks
                .entries
                .iter()
                .enumerate()
                .filter(move |(_, (r, _))| (r.rank == Some(1)) == rank_one)
                .map(|(i, _)| i)
        };
        Analysis {
            summary,
            asked,
            above: nearest_better(&ranks),
            first: first_of(true).take(2).collect(),
            runner_up: first_of(false).next(),
            highest: highest_prices(&ranks),
            tender,
            ranks,
            extremes,
        }
    }

    /// How many bids are asked about.
    pub fn asked(&self) -> usize {
        self.asked.len()
    }

    /// The answers for the `k`-th bid asked about (in rank order).
    pub fn answers(&self, k: usize) -> BidAnswers {
        let position = self.asked[k];
        let (ranked, _) = self.ranks.entries[position];
        let mut opponents: Vec<(Opponent, usize)> = Vec::new();
        if ranked.rank == Some(1) {
            // Rank 1 shared: the first other bid sharing it; else the best bid below.
            match self.first.iter().find(|i| **i != position) {
                Some(other) => opponents.push((Opponent::SharedFirst, *other)),
                None => {
                    if let Some(next) = self.runner_up {
                        opponents.push((Opponent::RunnerUp, next));
                    }
                }
            }
        } else if let Some(above) = self.above[position] {
            // The nearest bid standing strictly better, and the winner where it is another.
            opponents.push((Opponent::Above, above));
            if above != 0 {
                opponents.push((Opponent::Winner, 0));
            }
        }
        let field = self.extremes.field_without(&self.ranks, position);
        BidAnswers {
            bid: ranked.score.bid.clone(),
            bidder: ranked.score.bidder.to_string(),
            rank: ranked.rank.unwrap_or_default(),
            versus: opponents
                .into_iter()
                .map(|(opponent, other)| self.versus(position, other, opponent, &field))
                .collect(),
        }
    }
}

/// Per position, the nearest position before it whose bid's standing is strictly better:
/// one pass with a stack of the positions not yet passed by a better or equal one.
fn nearest_better(ranks: &Ranks<'_>) -> Vec<Option<usize>> {
    let merits: Vec<Decimal> = ranks.entries.iter().map(|(r, _)| merit(r)).collect();
    nearest_better_of(&merits)
}

/// [`nearest_better`] of the merits in rank order.
fn nearest_better_of(merits: &[Decimal]) -> Vec<Option<usize>> {
    let mut better: Vec<usize> = Vec::new();
    merits
        .iter()
        .enumerate()
        .map(|(i, mine)| {
            while better.last().is_some_and(|b| merits[*b] <= *mine) {
                better.pop();
            }
            let nearest = better.last().copied();
            better.push(i);
            nearest
        })
        .collect()
}

/// Per price line, the highest price evaluated among the ranked bids.
fn highest_prices(ranks: &Ranks<'_>) -> HashMap<CriterionId, Decimal> {
    let mut highest: HashMap<CriterionId, Decimal> = HashMap::new();
    for (ranked, _) in &ranks.entries {
        if let Outcome::Scored { prices, .. } = &ranked.score.outcome {
            for price in prices {
                let value = price.evaluated.value();
                highest
                    .entry(price.line.clone())
                    .and_modify(|top| *top = (*top).max(value))
                    .or_insert(value);
            }
        }
    }
    highest
}

fn merit(ranked: &Ranked) -> Decimal {
    ranked
        .score
        .standing()
        .map(|s| s.merit())
        .unwrap_or_default()
}

/// Under a relative model, per line (and the combined evaluation price), the two lowest
/// and the two highest evaluated prices of the ranked bids, each with its bid's position,
/// the earlier position first among equal prices. Found once, so the field without any one
/// bid is read off in time independent of the number of bids (it was a pass over every
/// bid for each bid: quadratic in `whatif` of a whole tender).
struct Extremes {
    lines: Vec<LineExtremes>,
}

/// A line's lowest two and highest two prices, each with its bid's position.
type LineExtremes = (Vec<(Money, usize)>, Vec<(Money, usize)>);

impl Extremes {
    fn of(tender: &Tender, ranks: &Ranks<'_>) -> Extremes {
        if !tender.model.method.is_relative() {
            return Extremes { lines: Vec::new() };
        }
        let volumes = tender.price_rules.volumes.as_ref();
        let mut by_line: std::collections::BTreeMap<CriterionId, LineExtremes> =
            std::collections::BTreeMap::new();
        for (i, (ranked, _)) in ranks.entries.iter().enumerate() {
            let Outcome::Scored { prices, .. } = &ranked.score.outcome else {
                continue;
            };
            let mut lines: Vec<(CriterionId, Money)> = prices
                .iter()
                .map(|p| (p.line.clone(), p.evaluated))
                .collect();
            if let Some(volumes) = volumes {
                let combined = prices
                    .iter()
                    .filter_map(|p| Some(p.evaluated.times(*volumes.get(&p.line)?)))
                    .fold(Money::new(Decimal::ZERO), |sum, m| sum + m);
                lines.push((CriterionId(EVALUATION_PRICE.into()), combined));
            }
            for (line, price) in lines {
                let (low, high) = by_line.entry(line).or_default();
                // Positions come in order, so an equal price never goes before one kept.
                keep_two(low, (price, i), |a, b| a < b);
                keep_two(high, (price, i), |a, b| a > b);
            }
        }
        Extremes {
            lines: by_line.into_values().collect(),
        }
    }

    /// The ranked bids other than the one at `position` that hold the lowest or highest
    /// price of some line among the others: scored with them, any bid's points are what
    /// they are among all the ranked bids. Empty under other models, where a bid's points
    /// depend on nothing but itself.
    fn field_without<'a>(&self, ranks: &Ranks<'a>, position: usize) -> Vec<&'a Bid> {
        let first_other =
            |kept: &[(Money, usize)]| kept.iter().map(|(_, i)| *i).find(|i| *i != position);
        let mut chosen: Vec<usize> = self
            .lines
            .iter()
            .flat_map(|(low, high)| [first_other(low), first_other(high)])
            .flatten()
            .collect();
        chosen.sort_unstable();
        chosen.dedup();
        chosen.into_iter().map(|i| ranks.entries[i].1).collect()
    }
}

/// Keeps the two first of `kept` and `new` in the order `before` gives prices; equal
/// prices keep the earlier.
fn keep_two(
    kept: &mut Vec<(Money, usize)>,
    new: (Money, usize),
    before: impl Fn(Money, Money) -> bool,
) {
    let at = kept
        .iter()
        .position(|(price, _)| before(new.0, *price))
        .unwrap_or(kept.len());
    if at < 2 {
        kept.insert(at, new);
        kept.truncate(2);
    }
}

/// `edited`'s standing minus `other`'s, scored together with the field; `None` where
/// either is set aside so.
fn margin(tender: &Tender, edited: &Bid, other: &Bid, field: &[&Bid]) -> Option<Decimal> {
    let mut refs: Vec<&Bid> = vec![edited, other];
    refs.extend(
        field
            .iter()
            .copied()
            .filter(|b| b.id != edited.id && b.id != other.id),
    );
    let scores = score_refs(tender, &refs);
    let mine = scores[0].standing()?.merit();
    let theirs = scores[1].standing()?.merit();
    mine.checked_sub(theirs)
}

/// `edited`'s standing minus the best other ranked bid's, all scored together: whether
/// it stays first. `None` where it is set aside so, or no other bid is ranked.
fn least_margin(tender: &Tender, edited: &Bid, ranks: &Ranks<'_>) -> Option<Decimal> {
    let mut refs: Vec<&Bid> = vec![edited];
    refs.extend(
        ranks
            .entries
            .iter()
            .map(|(_, b)| *b)
            .filter(|b| b.id != edited.id),
    );
    let scores = score_refs(tender, &refs);
    let mine = scores[0].standing()?.merit();
    let best = scores[1..]
        .iter()
        .filter_map(|s| s.standing().map(|s| s.merit()))
        .max()?;
    mine.checked_sub(best)
}

impl Analysis<'_> {
    /// The answers of the bid at `position` against the one at `other`.
    fn versus(&self, position: usize, other: usize, opponent: Opponent, field: &[&Bid]) -> Versus {
        let (tender, ranks) = (&self.tender, &self.ranks);
        let (ranked, bid) = ranks.entries[position];
        let (other_ranked, other_bid) = ranks.entries[other];
        let Outcome::Scored { prices, .. } = &ranked.score.outcome else {
            unreachable_scored()
        };
        let step = price_step(tender).value();
        let mut needed = Vec::new();
        for price in prices {
            let Some(CriterionKind::Price(line)) = tender.criterion(&price.line.0).map(|c| &c.kind)
            else {
                continue;
            };
            let (low, high) = match line.band {
                Some(band) => (band.min.value(), band.max.value()),
                // Without a band: from 0 to the highest price evaluated on the line.
                None => (
                    Decimal::ZERO,
                    self.highest
                        .get(&price.line)
                        .copied()
                        .unwrap_or_default()
                        .max(price.evaluated.value()),
                ),
            };
            let against_all = opponent == Opponent::RunnerUp && tender.model.method.is_relative();
            let answer = price_search(low, high, step, |p| {
                let mut edited = bid.clone();
                edited.prices.insert(price.line.clone(), Money::new(p));
                if against_all {
                    least_margin(tender, &edited, ranks)
                } else {
                    margin(tender, &edited, other_bid, field)
                }
            });
            needed.push(PriceNeeded {
                line: price.line.clone(),
                current: price.evaluated,
                answer,
            });
        }
        let all_lowest = needed
            .iter()
            .all(|n| matches!(n.answer, PriceAnswer::Never { .. }))
            .then(|| {
                let mut edited = bid.clone();
                for n in &needed {
                    if let PriceAnswer::Never { lowest, .. } = n.answer {
                        edited.prices.insert(n.line.clone(), lowest);
                    }
                }
                margin(tender, &edited, other_bid, field)
            })
            .flatten()
            .filter(|_| !needed.is_empty());
        let points = tender
            .criteria
            .iter()
            .filter(|c| c.kind == CriterionKind::Quality)
            .filter_map(|criterion| {
                let current = *bid.points.get(&criterion.id)?;
                let scale = tender.scale_of(criterion);
                let answer = points_search(current.value(), scale.max.value(), |x| {
                    let mut edited = bid.clone();
                    edited.points.insert(criterion.id.clone(), Points::new(x));
                    margin(tender, &edited, other_bid, field)
                });
                Some(PointsNeeded {
                    criterion: criterion.id.clone(),
                    current,
                    answer,
                })
            })
            .collect();
        Versus {
            opponent,
            bid: other_ranked.score.bid.clone(),
            bidder: other_ranked.score.bidder.to_string(),
            margin: merit(ranked) - merit(other_ranked),
            prices: needed,
            all_lowest,
            points,
        }
    }
}

fn unreachable_scored() -> ! {
    // Ranks hold only ranked bids, which are scored.
    unreachable!("a ranked bid is scored")
}

/// The grid `low, low + step, …` up to `high` (and `high` itself where it is off the
/// grid): its size and its k-th value. `None` where the grid cannot be counted.
fn grid(low: Decimal, high: Decimal, step: Decimal) -> Option<(u128, impl Fn(u128) -> Decimal)> {
    use rust_decimal::prelude::ToPrimitive;
    let steps = high.checked_sub(low)?.checked_div(step)?.floor();
    let count = steps.to_u128()?.checked_add(1)?;
    let on_grid = low.checked_add(steps.checked_mul(step)?)? == high;
    let count = if on_grid {
        count
    } else {
        count.checked_add(1)?
    };
    let value = move |k: u128| {
        if !on_grid && k + 1 == count {
            high
        } else {
            Decimal::from(k) * step + low
        }
    };
    Some((count, value))
}

/// The highest price in [low, high] at which the margin is at or above zero.
fn price_search(
    low: Decimal,
    high: Decimal,
    step: Decimal,
    margin: impl Fn(Decimal) -> Option<Decimal>,
) -> PriceAnswer {
    let never = |m| PriceAnswer::Never {
        lowest: Money::new(low),
        margin: m,
    };
    let Some((count, value)) = grid(low, high, step) else {
        return never(margin(low));
    };
    match last_at_or_above(count, |k| margin(value(k))) {
        Crossing::Everywhere { margin } => PriceAnswer::AnyPrice {
            highest: Money::new(high),
            margin,
        },
        Crossing::Nowhere { margin } => never(margin),
        Crossing::Between {
            last,
            at_last,
            next,
        } => {
            let (price, next_price) = (value(last), value(last + 1));
            let tie = if at_last.is_zero() {
                Some(price)
            } else {
                next.and_then(|mb| interpolate(price, at_last, next_price, mb))
                    .filter(|p| margin(*p).is_some_and(|m| m.is_zero()))
            };
            PriceAnswer::AtMost {
                price: Money::new(price),
                margin: at_last,
                next: Money::new(next_price),
                next_margin: next,
                tie: tie.map(Money::new),
            }
        }
    }
}

/// The fewest points in [current, highest] (whole points down from the top, and the
/// current points) at which the margin is at or above zero.
fn points_search(
    current: Decimal,
    highest: Decimal,
    margin: impl Fn(Decimal) -> Option<Decimal>,
) -> PointsAnswer {
    if margin(current).is_some_and(|m| !m.is_sign_negative() || m.is_zero()) {
        return PointsAnswer::Already;
    }
    // k = 0 is the top of the scale; the grid runs down to the current points.
    let Some((count, down)) = grid(Decimal::ZERO, highest - current, Decimal::ONE) else {
        return PointsAnswer::Never {
            highest: Points::new(highest),
            margin: margin(highest),
        };
    };
    let value = |k: u128| highest - down(k);
    match last_at_or_above(count, |k| margin(value(k))) {
        Crossing::Nowhere { margin } => PointsAnswer::Never {
            highest: Points::new(highest),
            margin,
        },
        // The current points are the last grid value, and behind: not everywhere.
        Crossing::Everywhere { margin } => PointsAnswer::AtLeast {
            points: Points::new(current),
            margin,
            tie: None,
        },
        Crossing::Between {
            last,
            at_last,
            next,
        } => {
            let (points, below) = (value(last), value(last + 1));
            let tie = if at_last.is_zero() {
                Some(points)
            } else {
                next.and_then(|mb| interpolate(points, at_last, below, mb))
                    .filter(|x| margin(*x).is_some_and(|m| m.is_zero()))
            };
            PointsAnswer::AtLeast {
                points: Points::new(points),
                margin: at_last,
                tie: tie.map(Points::new),
            }
        }
    }
}

/// The weight ranges of every criterion that has a sibling.
fn weight_ranges(subject: &Subject<'_>, ranks: &Ranks<'_>) -> Vec<WeightRange> {
    let tender = subject.tender;
    if ranks.entries.len() < 2 {
        return Vec::new();
    }
    let bids: Vec<&Bid> = ranks.entries.iter().map(|(_, b)| *b).collect();
    let now: Vec<Decimal> = ranks.entries.iter().map(|(r, _)| merit(r)).collect();
    tender
        .depth_first()
        .into_iter()
        .filter_map(|i| {
            let criterion = &tender.criteria[i];
            let w = criterion.weight.value();
            if tender.children(criterion.parent).count() < 2 || w == Decimal::ONE_HUNDRED {
                return None;
            }
            // Under a money model only the quality criteria's weights count (they make Q).
            if tender.model.method.is_money() && tender.share_of_quality(criterion).is_none() {
                return None;
            }
            let mut alone = tender.clone();
            scenario::set_weight(
                &mut alone,
                &criterion.id,
                Percent::new(Decimal::ONE_HUNDRED),
            );
            let at_100: Vec<Option<Decimal>> = score_refs(&alone, &bids)
                .iter()
                .map(|s| s.standing().map(|s| s.merit()))
                .collect();
            // A pair's margin as a line through (w, now) and (100, at 100 %).
            let line = |a: usize, b: usize| -> Option<(Decimal, Decimal)> {
                Some((now[a] - now[b], at_100[a]? - at_100[b]?))
            };
            let bound = |pairs: &mut dyn Iterator<Item = (usize, usize)>| {
                let mut range = Range {
                    low: Bound {
                        weight: Decimal::ZERO,
                        overtaken_by: None,
                        bidder: None,
                        exact: true,
                    },
                    high: Bound {
                        weight: Decimal::ONE_HUNDRED,
                        overtaken_by: None,
                        bidder: None,
                        exact: true,
                    },
                };
                for (a, b) in pairs {
                    let Some((d_now, d_100)) = line(a, b) else {
                        continue;
                    };
                    if d_100 == d_now {
                        continue;
                    }
                    let tie = Bound {
                        weight: w,
                        overtaken_by: Some(ranks.entries[b].0.score.bid.clone()),
                        bidder: Some(ranks.entries[b].0.score.bidder.to_string()),
                        exact: true,
                    };
                    if d_now.is_zero() {
                        // Level now: any change of weight splits them one way or the other.
                        range.low = tie.clone();
                        range.high = tie;
                        continue;
                    }
                    // Zero of d(x) = d_now + (d_100 − d_now) × (x − w) / (100 − w).
                    let numerator = d_now * (Decimal::ONE_HUNDRED - w);
                    let denominator = d_100 - d_now;
                    let Some((step, exact)) = crate::values::quotient(numerator, denominator)
                    else {
                        continue;
                    };
                    let root = w - step;
                    let overtaker = Some(ranks.entries[b].0.score.bid.clone());
                    let bidder = Some(ranks.entries[b].0.score.bidder.to_string());
                    if d_100 > d_now {
                        // The margin grows with the weight: it closes below the root.
                        if root > range.low.weight {
                            range.low = Bound {
                                weight: root,
                                overtaken_by: overtaker,
                                bidder,
                                exact,
                            };
                        }
                    } else if root < range.high.weight {
                        range.high = Bound {
                            weight: root,
                            overtaken_by: overtaker,
                            bidder,
                            exact,
                        };
                    }
                }
                range
            };
            let winner = bound(&mut (1..bids.len()).map(|b| (0, b)));
            let ranking = bound(&mut (1..bids.len()).map(|b| (b - 1, b)));
            Some(WeightRange {
                criterion: criterion.id.clone(),
                weight: criterion.weight,
                winner,
                ranking,
            })
        })
        .collect()
}

/// The spread of each criterion's weighted points among the ranked bids.
pub fn spread(tender: &Tender, ranked: &[&Ranked]) -> Vec<Spread> {
    if tender.model.method.is_money() || ranked.is_empty() {
        return Vec::new();
    }
    let spread_of = |id: &CriterionId| {
        let weighted: Vec<Decimal> = ranked
            .iter()
            .filter_map(|r| match &r.score.outcome {
                Outcome::Scored { criteria, .. } => criteria
                    .iter()
                    .find(|c| &c.criterion == id)
                    .map(|c| c.weighted.value()),
                Outcome::SetAside { .. } => None,
            })
            .collect();
        let max = weighted.iter().max().copied().unwrap_or_default();
        let min = weighted.iter().min().copied().unwrap_or_default();
        max - min
    };
    let leaves = tender.leaves();
    let leaf_spread: Vec<Decimal> = leaves
        .iter()
        .map(|i| spread_of(&tender.criteria[*i].id))
        .collect();
    let all: Decimal = leaf_spread.iter().sum();
    tender
        .depth_first()
        .into_iter()
        .map(|i| {
            let criterion = &tender.criteria[i];
            let below: Decimal = leaves
                .iter()
                .zip(&leaf_spread)
                .filter(|(leaf, _)| tender.path(**leaf).contains(&i))
                .map(|(_, s)| *s)
                .sum();
            Spread {
                criterion: criterion.id.clone(),
                stated: criterion.share,
                spread: Points::new(below),
                effective: (!all.is_zero()).then(|| below / all),
            }
        })
        .collect()
}

/// One bid's place in the real ranking and under a scenario.
#[derive(Clone, Debug, Serialize)]
pub struct Compared {
    pub bid: BidId,
    pub bidder: String,
    pub before: Place,
    pub after: Place,
}

/// Where a bid stands in one ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    /// `None`: set aside.
    pub rank: Option<u32>,
    /// The total (or under a money model the evaluation price) ranked on.
    pub standing: Option<Decimal>,
    pub status: crate::scoring::score::Status,
}

impl Place {
    fn of(ranked: &Ranked) -> Place {
        Place {
            rank: ranked.rank,
            standing: ranked.score.standing().map(|s| s.value()),
            status: ranked.score.status(),
        }
    }
}

/// Every bid's place before and under a scenario, in the scenario's ranking order.
pub fn compare(before: &[Ranked], after: &[Ranked]) -> Vec<Compared> {
    let by_id: HashMap<&BidId, &Ranked> = before.iter().map(|r| (&r.score.bid, r)).collect();
    after
        .iter()
        .filter_map(|r| {
            Some(Compared {
                bid: r.score.bid.clone(),
                bidder: r.score.bidder.to_string(),
                before: Place::of(by_id.get(&r.score.bid)?),
                after: Place::of(r),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::d;

    /// Each bid's nearest better bid is, by definition, the last one before it that stands
    /// strictly better; level bids are passed over. Merits in a ranking descend, but the
    /// pass holds for any order: checked against the definition on every sequence of four
    /// merits from {0, 1, 2}, and on a long run of equals.
    #[test]
    fn the_nearest_better_bid_is_the_last_strictly_better_one_before() {
        let definition = |merits: &[Decimal]| -> Vec<Option<usize>> {
            (0..merits.len())
                .map(|i| (0..i).rev().find(|j| merits[*j] > merits[i]))
                .collect()
        };
        let mut sequences: Vec<Vec<Decimal>> = (0..81u32)
            .map(|code| {
                (0..4)
                    .map(|place| Decimal::from((code / 3u32.pow(place)) % 3))
                    .collect()
            })
            .collect();
        sequences.push(
            [5, 3, 3, 3, 3, 3, 1, 1]
                .into_iter()
                .map(Decimal::from)
                .collect(),
        );
        for merits in sequences {
            assert_eq!(
                nearest_better_of(&merits),
                definition(&merits),
                "{merits:?}"
            );
        }
    }

    #[test]
    fn the_grid_counts_whole_steps_and_the_end_off_it() {
        let (count, value) = grid(d("370"), d("450"), d("1")).expect("grid");
        // 370, 371, …, 450: 81 prices.
        assert_eq!(count, 81);
        assert_eq!(value(80), d("450"));
        let (count, value) = grid(d("0"), d("2.5"), d("1")).expect("grid");
        // 0, 1, 2 and the end 2.5.
        assert_eq!(count, 4);
        assert_eq!(value(3), d("2.5"));
    }
}
