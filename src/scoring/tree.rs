//! The criteria tree: the points of every criterion from its leaves up, each weighted by
//! its share of the total, and the bounds of the total.
//!
//! Contract: pure and exact; a criterion's share is the product of the weights on its path
//! (validated once, kept in `Criterion::share`), so weighted points add up to the total.

use serde::Serialize;

use crate::domain::{Criterion, CriterionId, CriterionKind, Tender};
use rust_decimal::Decimal;

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
    /// For a quality criterion on its own scale: the points as the evaluators gave them,
    /// before they were mapped onto the tender's scale (`points`).
    pub given: Option<Points>,
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
    quality: &litemap::LiteMap<CriterionId, Points>,
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
            // On its own scale, mapped onto the tender's before it is weighted.
            CriterionKind::Quality => tender.scale_of(criterion).onto(
                &tender.scale,
                quality.get(&criterion.id).copied().unwrap_or_default(),
            ),
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
            let own_scale = criterion.kind == CriterionKind::Quality
                && tender.scale_of(criterion) != &tender.scale;
            CriterionScore {
                criterion: criterion.id.clone(),
                points: p,
                weighted: p * criterion.share,
                share: criterion.share,
                given: own_scale.then(|| quality.get(&criterion.id).copied().unwrap_or_default()),
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

/// The fewest and most points a leaf can give: quality the tender's scale (own scales are
/// mapped onto it), a price line what the model can give a price inside the line's band.
fn leaf_range(tender: &Tender, criterion: &Criterion) -> (Points, Points) {
    match &criterion.kind {
        // Combined by volume, every line carries the points of the evaluation price.
        CriterionKind::Price(line) => tender
            .model
            .points_range(&tender.evaluation_line().unwrap_or_else(|| line.clone())),
        _ => (tender.scale.min, tender.scale.max),
    }
}

/// The lowest and highest total any bid could reach: every leaf at the bottom, or at the
/// top, of its range.
pub fn total_bounds(tender: &Tender) -> (Points, Points) {
    let mut low = Points::default();
    let mut high = Points::default();
    for i in tender.leaves() {
        let criterion = &tender.criteria[i];
        let (lo, hi) = leaf_range(tender, criterion);
        low = low + lo * criterion.share;
        high = high + hi * criterion.share;
    }
    (low, high)
}

/// A criterion's stated weight beside the weight it has in fact when its points range
/// over less (or more) than the others'.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EffectiveWeight {
    pub criterion: CriterionId,
    /// The share of the total the tender states.
    pub stated: Share,
    /// Its share of the attainable spread of totals: share × its range ÷ Σ share × range.
    /// Exact but for the one division, rounded at 28 significant digits.
    pub effective: Decimal,
    /// For a leaf: the fewest and most points it can give.
    #[serde(skip)]
    pub range: Option<(Points, Points)>,
}

/// The effective weights of every criterion, depth first, where the leaves' point ranges
/// differ (a price model giving at most 8 of the scale's 10 points, say); empty where they
/// are all the same, and under a money model, which ranks by money instead.
pub fn effective_weights(tender: &Tender) -> Vec<EffectiveWeight> {
    if tender.model.method.is_money() {
        return Vec::new();
    }
    let leaves = tender.leaves();
    let spread = |i: usize| {
        let (lo, hi) = leaf_range(tender, &tender.criteria[i]);
        hi.value() - lo.value()
    };
    let first = leaves.first().map(|i| spread(*i));
    if leaves.iter().all(|i| Some(spread(*i)) == first) {
        return Vec::new();
    }
    let total: Decimal = leaves
        .iter()
        .map(|i| tender.criteria[*i].share.value() * spread(*i))
        .sum();
    if total.is_zero() {
        return Vec::new();
    }
    tender
        .depth_first()
        .into_iter()
        .map(|i| {
            let below: Decimal = leaves
                .iter()
                .filter(|leaf| tender.path(**leaf).contains(&i))
                .map(|leaf| tender.criteria[*leaf].share.value() * spread(*leaf))
                .sum();
            EffectiveWeight {
                criterion: tender.criteria[i].id.clone(),
                stated: tender.criteria[i].share,
                effective: below / total,
                range: leaves
                    .contains(&i)
                    .then(|| leaf_range(tender, &tender.criteria[i])),
            }
        })
        .collect()
}
