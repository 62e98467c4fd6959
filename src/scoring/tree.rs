//! The criteria tree: the points of every criterion from its leaves up, each weighted by
//! its share of the total, and the bounds of the total.
//!
//! Contract: pure and exact; a criterion's share is the product of the weights on its path
//! (validated once, kept in `Criterion::share`), so weighted points add up to the total.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::{Criterion, CriterionId, CriterionKind, Tender};
use crate::values::{Points, Share};

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

pub fn weighted_of(scores: &[CriterionScore], criterion: &Criterion) -> Points {
    scores
        .iter()
        .find(|s| s.criterion == criterion.id)
        .map(|s| s.weighted)
        .unwrap_or_default()
}

/// Points of every criterion, depth first; a group's points are its children's points
/// weighted by their weights among themselves.
pub fn criterion_scores(
    tender: &Tender,
    quality: &BTreeMap<CriterionId, Points>,
    price_points: impl Fn(&CriterionId) -> Option<Points>,
) -> Vec<CriterionScore> {
    let order = tender.depth_first();
    let mut points: Vec<Option<Points>> = vec![None; tender.criteria.len()];
    // Children before parents: walk the depth-first order backwards.
    for &i in order.iter().rev() {
        let criterion = &tender.criteria[i];
        points[i] = Some(match &criterion.kind {
            // A bid scored has points for every quality criterion (evaluate::ready) and
            // every price line (the price rules give every line a price).
            CriterionKind::Quality => quality.get(&criterion.id).copied().unwrap_or_default(),
            CriterionKind::Price(_) => price_points(&criterion.id).unwrap_or_default(),
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

/// The exact total: the weighted points of the top-level criteria.
pub fn total(tender: &Tender, criteria: &[CriterionScore]) -> Points {
    tender
        .children(None)
        .map(|(i, _)| weighted_of(criteria, &tender.criteria[i]))
        .sum()
}

/// The lowest and highest total any bid could reach: every leaf at the bottom, or at the
/// top, of its scale (quality: the tender's scale; price: what the model can give a price
/// inside the line's band).
pub fn total_bounds(tender: &Tender) -> (Points, Points) {
    let mut low = Points::default();
    let mut high = Points::default();
    for i in tender.leaves() {
        let criterion = &tender.criteria[i];
        let (lo, hi) = match &criterion.kind {
            // Combined by volume, every line carries the points of the evaluation price.
            CriterionKind::Price(line) => tender
                .model
                .points_range(&tender.evaluation_line().unwrap_or_else(|| line.clone())),
            _ => {
                let scale = tender.scale_of(criterion);
                (scale.min, scale.max)
            }
        };
        low = low + lo * criterion.share;
        high = high + hi * criterion.share;
    }
    (low, high)
}
