//! Scoring: one bid against its tender, from the prices as written to the weighted total.
//!
//! Contract: pure functions of a validated [`Tender`] and [`Bid`]; no I/O, no clock, no
//! dependence on other bids (the reference tender's model has fixed anchors). Every change
//! to a price is recorded as an [`Adjustment`] naming its rule and clause, and every
//! interpolation keeps its anchors, so a person can redo the arithmetic by hand. Points are
//! rounded only by the scoring model's own rounding rule; weighted points and totals are
//! exact.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::{
    Bid, BidId, Criterion, CriterionId, CriterionKind, MissingPrice, OutOfBand, PriceLine,
    Reservation, Rule, ScoringModel, Tender,
};
use crate::units::{Money, Points, Rounding, Share};

/// A change the price rules made to a price, with the rule and the clause behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Adjustment {
    /// A stable rule id: `whole-kroner`, `raise-to-minimum`, `lower-to-maximum` or
    /// `missing-price-set-to-maximum`.
    pub rule: &'static str,
    /// The price before the rule; absent for a missing price.
    pub from: Option<Money>,
    pub to: Money,
    /// The clause of the tender documents, as the tender definition gives it.
    pub source: Option<String>,
}

/// Why a bid was set aside instead of scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// A stable rule id: `declared-reservation`, `price-below-minimum`,
    /// `price-above-maximum` or `missing-price`.
    pub rule: &'static str,
    pub reason: String,
    pub source: Option<String>,
}

/// How a scoring model turned an evaluated price into points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Interpolation {
    /// The anchor at or below the price: (price, points).
    pub lower: (Money, Points),
    /// The anchor at or above the price: (price, points). Equal to `lower` when the price
    /// lies at or outside the outermost anchors, where the points stay flat.
    pub upper: (Money, Points),
    /// lower.points + (price − lower.price) × (upper.points − lower.points) / (upper.price − lower.price)
    pub exact: Decimal,
    pub rounding: Rounding,
}

/// One price line of one bid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriceEvaluation {
    pub line: CriterionId,
    /// The price as written in the bid; absent if the bid gives none.
    pub submitted: Option<Money>,
    /// The price after the price rules: the price the bidder is bound by.
    pub evaluated: Money,
    pub adjustments: Vec<Adjustment>,
    pub interpolation: Interpolation,
    pub points: Points,
}

/// The points of one criterion (a leaf or a group) for one bid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CriterionScore {
    pub criterion: CriterionId,
    /// For a leaf, its points; for a group, the weighted sum of its children's points
    /// (on their scale, before the group's own weight).
    pub points: Points,
    /// The contribution to the total: points × the criterion's share.
    pub weighted: Points,
    pub share: Share,
}

/// A bid's result: either scored, or set aside with every reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Scored {
        /// Every criterion, depth first in the order of the tender file.
        criteria: Vec<CriterionScore>,
        prices: Vec<PriceEvaluation>,
        total: Points,
    },
    Rejected(Vec<Rejection>),
}

/// The scoring of one bid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BidScore {
    pub bid: BidId,
    pub bidder: String,
    pub file: String,
    pub outcome: Outcome,
}

impl BidScore {
    pub fn total(&self) -> Option<Points> {
        match &self.outcome {
            Outcome::Scored { total, .. } => Some(*total),
            Outcome::Rejected(_) => None,
        }
    }
}

/// The price a bid ends up with on one line, or why the price rules reject the bid.
enum PriceResult {
    Evaluated {
        evaluated: Money,
        adjustments: Vec<Adjustment>,
    },
    Rejected(Rejection),
}

/// Applies the tender's price rules to one price as written (Bilag B pkt. 1.2.1 in the
/// reference tender): øre to whole kroner first, then the band, so 448.05 → 449 → 430.
fn apply_price_rules(
    tender: &Tender,
    id: &CriterionId,
    line: &PriceLine,
    submitted: Option<Money>,
) -> PriceResult {
    let rules = &tender.price_rules;
    let Some(written) = submitted else {
        return match rules.missing.action {
            MissingPrice::Max => PriceResult::Evaluated {
                evaluated: line.max,
                adjustments: vec![adjustment(
                    "missing-price-set-to-maximum",
                    None,
                    line.max,
                    &rules.missing,
                )],
            },
            MissingPrice::Reject => PriceResult::Rejected(rejection(
                "missing-price",
                format!("no price for price line `{id}`"),
                &rules.missing,
            )),
        };
    };
    let mut adjustments = Vec::new();
    let mut price = written;
    if let Some(mode) = rules.whole_kroner.action {
        let whole = Money(Rounding { decimals: 0, mode }.apply(price.0));
        if whole.0 != price.0 {
            adjustments.push(adjustment(
                "whole-kroner",
                Some(price),
                whole,
                &rules.whole_kroner,
            ));
        }
        price = whole;
    }
    if price < line.min {
        match rules.below_min.action {
            OutOfBand::Clamp => {
                adjustments.push(adjustment(
                    "raise-to-minimum",
                    Some(price),
                    line.min,
                    &rules.below_min,
                ));
                price = line.min;
            }
            OutOfBand::Reject => {
                return PriceResult::Rejected(rejection(
                    "price-below-minimum",
                    format!(
                        "price {price} for `{id}` is below the minimum price {}",
                        line.min
                    ),
                    &rules.below_min,
                ));
            }
        }
    }
    if price > line.max {
        match rules.above_max.action {
            OutOfBand::Clamp => {
                adjustments.push(adjustment(
                    "lower-to-maximum",
                    Some(price),
                    line.max,
                    &rules.above_max,
                ));
                price = line.max;
            }
            OutOfBand::Reject => {
                return PriceResult::Rejected(rejection(
                    "price-above-maximum",
                    format!(
                        "price {price} for `{id}` is above the maximum price {}",
                        line.max
                    ),
                    &rules.above_max,
                ));
            }
        }
    }
    PriceResult::Evaluated {
        evaluated: price,
        adjustments,
    }
}

fn adjustment<A>(
    rule: &'static str,
    from: Option<Money>,
    to: Money,
    source: &Rule<A>,
) -> Adjustment {
    Adjustment {
        rule,
        from,
        to,
        source: source.source.clone(),
    }
}

fn rejection<A>(rule: &'static str, reason: String, source: &Rule<A>) -> Rejection {
    Rejection {
        rule,
        reason,
        source: source.source.clone(),
    }
}

/// The points a model gives an evaluated price on a line: linear between the two anchors
/// around the price, flat beyond the outermost anchors, rounded by the model's rule.
pub fn interpolate(model: &ScoringModel, line: &PriceLine, price: Money) -> Interpolation {
    let anchors: Vec<(Money, Points)> = model
        .anchors
        .iter()
        .map(|a| (a.price.on(line), a.points))
        .collect();
    let first = anchors[0];
    let last = anchors[anchors.len() - 1];
    let (lower, upper) = if price <= first.0 {
        (first, first)
    } else if price >= last.0 {
        (last, last)
    } else {
        // Validation guarantees strictly increasing anchor prices, so exactly one segment
        // holds the price, and a price equal to an inner anchor lands on that anchor.
        anchors
            .windows(2)
            .find(|pair| pair[0].0 <= price && price <= pair[1].0)
            .map(|pair| (pair[0], pair[1]))
            .unwrap_or((last, last))
    };
    let exact = if lower.0 == upper.0 {
        lower.1.0
    } else {
        // One multiplication, then one division, so the only inexact step is the final
        // division (exact to 28 significant digits), before the model's rounding.
        lower.1.0 + (price.0 - lower.0.0) * (upper.1.0 - lower.1.0) / (upper.0.0 - lower.0.0)
    };
    Interpolation {
        lower,
        upper,
        exact,
        rounding: model.rounding,
    }
}

/// Scores one bid against its tender.
pub fn score_bid(tender: &Tender, bid: &Bid) -> BidScore {
    let mut rejections = Vec::new();
    if bid.reservation == Reservation::Yes {
        rejections.push(rejection(
            "declared-reservation",
            "the bid declares a reservation (JA ticked in the declaration box); it is not read"
                .into(),
            &tender.conformity.declared_reservation,
        ));
    }
    let mut prices = Vec::new();
    for criterion in &tender.criteria {
        let CriterionKind::Price(line) = &criterion.kind else {
            continue;
        };
        let submitted = bid.prices.get(&criterion.id).copied();
        match apply_price_rules(tender, &criterion.id, line, submitted) {
            PriceResult::Rejected(r) => rejections.push(r),
            PriceResult::Evaluated {
                evaluated,
                adjustments,
            } => {
                let interpolation = interpolate(&tender.model, line, evaluated);
                let points = Points(interpolation.rounding.apply(interpolation.exact));
                prices.push(PriceEvaluation {
                    line: criterion.id.clone(),
                    submitted,
                    evaluated,
                    adjustments,
                    interpolation,
                    points,
                });
            }
        }
    }
    let outcome = if rejections.is_empty() {
        let criteria = criterion_scores(tender, bid, &prices);
        let total = tender
            .children(None)
            .map(|(i, _)| criteria_weighted(&criteria, &tender.criteria[i]))
            .sum();
        Outcome::Scored {
            criteria,
            prices,
            total,
        }
    } else {
        Outcome::Rejected(rejections)
    };
    BidScore {
        bid: bid.id.clone(),
        bidder: bid.bidder.clone(),
        file: bid.file.clone(),
        outcome,
    }
}

fn criteria_weighted(scores: &[CriterionScore], criterion: &Criterion) -> Points {
    scores
        .iter()
        .find(|s| s.criterion == criterion.id)
        .map(|s| s.weighted)
        .unwrap_or_default()
}

/// Points of every criterion, depth first; a group's points are its children's points
/// weighted by their weights among themselves.
fn criterion_scores(tender: &Tender, bid: &Bid, prices: &[PriceEvaluation]) -> Vec<CriterionScore> {
    let order = tender.depth_first();
    let mut points: Vec<Option<Points>> = vec![None; tender.criteria.len()];
    // Children before parents: walk the depth-first order backwards.
    for &i in order.iter().rev() {
        let criterion = &tender.criteria[i];
        points[i] = Some(match &criterion.kind {
            CriterionKind::Quality => bid.points.get(&criterion.id).copied().unwrap_or_default(),
            CriterionKind::Price(_) => prices
                .iter()
                .find(|p| p.line == criterion.id)
                .map(|p| p.points)
                .unwrap_or_default(),
            CriterionKind::Group => tender
                .children(Some(i))
                .map(|(child, c)| points[child].unwrap_or_default() * c.weight.fraction())
                .sum(),
        });
    }
    order
        .into_iter()
        .map(|i| {
            let criterion = &tender.criteria[i];
            let p = points[i].unwrap_or_default();
            CriterionScore {
                criterion: criterion.id.clone(),
                points: p,
                weighted: p * criterion.share,
                share: criterion.share,
            }
        })
        .collect()
}

/// The lowest and highest total any bid could reach: every leaf at the bottom, or at the
/// top, of its scale (quality: the tender's scale; price: the model's anchors).
pub fn total_bounds(tender: &Tender) -> (Points, Points) {
    let anchor_points = tender.model.anchors.iter().map(|a| a.points);
    let price_min = anchor_points.clone().min().unwrap_or_default();
    let price_max = anchor_points.max().unwrap_or_default();
    let mut low = Points::default();
    let mut high = Points::default();
    for i in tender.leaves() {
        let criterion = &tender.criteria[i];
        let (lo, hi) = match criterion.kind {
            CriterionKind::Price(_) => (price_min, price_max),
            _ => (tender.scale.min, tender.scale.max),
        };
        low = low + lo * criterion.share;
        high = high + hi * criterion.share;
    }
    (low, high)
}
