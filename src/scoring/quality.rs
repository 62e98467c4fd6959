//! Quality: the minimum quality a bid must reach, and the quality score Q that money
//! models price.
//!
//! Contract: pure; compares exactly, never rounds.

use rust_decimal::Decimal;

use crate::domain::{Bid, CriterionKind, Decision, Rule, Tender};
use crate::values::Points;

use super::conformity::{Finding, RuleId, finding};
use super::tree::CriterionScore;

/// The minimum quality: every quality criterion at least `min_per_criterion` % of its
/// scale's maximum, and all of them together at least `min_total` % of their weighted
/// maximum. Compared exactly, before any rounding. Only for a bid whose quality is read,
/// which has points for every quality criterion.
pub fn thresholds(tender: &Tender, bid: &Bid) -> Vec<Finding> {
    let rules = &tender.quality;
    let rule = Rule {
        action: Decision::Reject,
        source: rules.source.clone(),
        text: rules.text.clone(),
    };
    let mut findings = Vec::new();
    let quality: Vec<_> = tender
        .criteria
        .iter()
        .filter(|c| c.kind == CriterionKind::Quality)
        .collect();
    if let Some(min) = rules.min_per_criterion {
        for c in &quality {
            let Some(points) = bid.points.get(&c.id) else {
                continue;
            };
            let max = tender.scale_of(c).max;
            if points.value() * Decimal::ONE_HUNDRED < min.value() * max.value() {
                findings.push(finding(
                    RuleId::QualityThreshold,
                    &rule,
                    bid,
                    &format!("points.{}", c.id),
                    format!("{} = {}", c.id, points),
                    format!(
                        "{} points on `{}` is below the minimum of {} % of {}",
                        points, c.id, min, max
                    ),
                ));
            }
        }
    }
    if let Some(min) = rules.min_total {
        let mut got = Decimal::ZERO;
        let mut best = Decimal::ZERO;
        // On the tender's scale: a criterion on its own scale is mapped onto it first.
        for c in &quality {
            let points = bid.points.get(&c.id).copied().unwrap_or_default();
            got += tender.scale_of(c).onto(&tender.scale, points).value() * c.share.value();
            best += tender.scale.max.value() * c.share.value();
        }
        if got * Decimal::ONE_HUNDRED < min.value() * best {
            let reached = (got * Decimal::ONE_HUNDRED / best).round_dp(2).normalize();
            findings.push(finding(RuleId::QualityThreshold, &rule, bid, "points",
                format!("weighted quality {} of {}", got.normalize(), best.normalize()),
                format!("the quality points reach {reached} % of the maximum, below the minimum of {min} % in total")));
        }
    }
    findings
}

/// The quality Q of a money model: the weighted mean of the quality criteria's points, on
/// the tender's scale (the weights of the quality criteria among themselves), and whether
/// its one division terminated (else Q is cut at 28 significant digits, and the
/// calculation must say so).
pub fn weighted_mean(tender: &Tender, criteria: &[CriterionScore]) -> (Points, bool) {
    let quality = tender
        .criteria
        .iter()
        .filter(|c| c.kind == CriterionKind::Quality);
    let weights: Decimal = quality.clone().map(|c| c.share.value()).sum();
    let weighted: Decimal = quality
        .filter_map(|c| criteria.iter().find(|s| s.criterion == c.id))
        .map(|s| s.weighted.value())
        .sum();
    if weights.is_zero() {
        return (Points::new(Decimal::ZERO), true);
    }
    let (q, exact) = crate::values::quotient(weighted, weights).unwrap_or((Decimal::ZERO, false));
    (Points::new(q), exact)
}
