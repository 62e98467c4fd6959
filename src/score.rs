//! Scoring: the bids of a tender, from the prices as written to the weighted totals.
//!
//! Contract: pure functions of a validated [`Tender`] and its [`Bid`]s; no I/O, no clock.
//! Scoring runs in two steps: each bid is assessed on its own (conformity, then the price
//! rules), then the points are calculated, since relative price models compare each
//! evaluated price with the lowest (and highest) among the bids that are scored. Every
//! change to a price is recorded as an [`Adjustment`] naming its rule and clause, and every
//! calculation keeps its formula, so a person can redo the arithmetic by hand. Points are
//! rounded only by the scoring model's own rounding rule; weighted points and totals are
//! exact.

use serde::Serialize;

use crate::conformity::{self, Evidence, Finding, Warning};
use crate::domain::{
    Bid, BidId, Criterion, CriterionId, CriterionKind, Decision, MissingPrice, OutOfBand,
    PriceLine, Rule, Tender,
};
use crate::model::{Calculation, Field, MoneyCalculation};
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

/// One price line of one bid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriceEvaluation {
    pub line: CriterionId,
    /// The price as written in the bid; absent if the bid gives none.
    pub submitted: Option<Money>,
    /// The price after the price rules: the price the bidder is bound by.
    pub evaluated: Money,
    pub adjustments: Vec<Adjustment>,
    /// How the model turned the evaluated price into points.
    pub calculation: Calculation,
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
        /// The total ranked on: exact, or rounded where the tender rounds the total.
        total: Points,
        /// The exact sum of the weighted points, before any rounding of the total.
        exact_total: Points,
        /// Under a money model: the evaluation price the bid is ranked on (lowest wins).
        evaluation: Option<MoneyCalculation>,
    },
    /// Rejected, or set aside for review; never ranked.
    SetAside {
        decision: Decision,
        /// Every reason, in a fixed order: conformity first, then price rules.
        findings: Vec<Finding>,
    },
}

/// The scoring of one bid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BidScore {
    pub bid: BidId,
    pub bidder: String,
    pub file: String,
    pub outcome: Outcome,
    /// What a reader must know that did not set the bid aside (the length limit).
    pub warnings: Vec<Warning>,
    /// The individual evaluators' points behind the consensus, for the record.
    pub panels: std::collections::BTreeMap<CriterionId, crate::domain::Panel>,
}

/// What a bid is ranked on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Weighted points: the highest ranks first.
    Points(Points),
    /// An evaluation price in money: the lowest ranks first.
    Price(Money),
}

impl Standing {
    /// A number that is larger the better the bid stands, for sorting.
    pub fn merit(self) -> rust_decimal::Decimal {
        match self {
            Standing::Points(p) => p.0,
            Standing::Price(m) => -m.0,
        }
    }

    pub fn value(self) -> rust_decimal::Decimal {
        match self {
            Standing::Points(p) => p.0,
            Standing::Price(m) => m.0,
        }
    }
}

impl BidScore {
    /// What the bid is ranked on; `None` for a bid set aside.
    pub fn standing(&self) -> Option<Standing> {
        match &self.outcome {
            Outcome::Scored {
                evaluation: Some(e),
                ..
            } => Some(Standing::Price(e.value)),
            Outcome::Scored { total, .. } => Some(Standing::Points(*total)),
            Outcome::SetAside { .. } => None,
        }
    }

    pub fn total(&self) -> Option<Points> {
        match &self.outcome {
            Outcome::Scored { total, .. } => Some(*total),
            Outcome::SetAside { .. } => None,
        }
    }
}

/// The price a bid ends up with on one line, or why the price rules reject the bid.
enum PriceResult {
    Evaluated {
        evaluated: Money,
        adjustments: Vec<Adjustment>,
    },
    Rejected(Finding),
}

/// Applies the tender's price rules to one price as written (Bilag B pkt. 1.2.1 in the
/// reference tender): øre to whole kroner first, then the band, so 448.05 → 449 → 430.
fn apply_price_rules(
    tender: &Tender,
    bid: &Bid,
    id: &CriterionId,
    line: &PriceLine,
) -> PriceResult {
    let rules = &tender.price_rules;
    let submitted = bid.prices.get(id).copied();
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
            MissingPrice::Reject => PriceResult::Rejected(price_finding(
                "missing-price",
                bid,
                id,
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
                return PriceResult::Rejected(price_finding(
                    "price-below-minimum",
                    bid,
                    id,
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
                return PriceResult::Rejected(price_finding(
                    "price-above-maximum",
                    bid,
                    id,
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

/// A rejection by a price rule, with the price line of the bid file as evidence.
fn price_finding<A>(
    rule: &'static str,
    bid: &Bid,
    id: &CriterionId,
    reason: String,
    source: &Rule<A>,
) -> Finding {
    let field = format!("prices.{id}");
    let quote = match bid.prices.get(id) {
        Some(price) => format!("{id} = {price}"),
        None => format!("no `{id}` under [prices]"),
    };
    Finding {
        rule,
        decision: Decision::Reject,
        reason,
        evidence: Evidence {
            file: bid.file.clone(),
            line: bid.lines.get(&field).copied(),
            quote,
        },
        source: source.source.clone(),
        clause: source.text.clone(),
    }
}

/// A bid assessed on its own: what sets it aside, and its evaluated prices.
struct Assessed {
    findings: Vec<Finding>,
    warnings: Vec<Warning>,
    /// (line, submitted, evaluated, adjustments) of every line the price rules accepted.
    prices: Vec<(CriterionId, Option<Money>, Money, Vec<Adjustment>)>,
    /// Where the tender combines its lines by volume: the evaluation price and its sum
    /// written out ("430 × 130 + 1150 × 6.5").
    combined: Option<(Money, String)>,
}

/// The field key of the combined evaluation price.
const EVALUATION_PRICE: &str = "evaluation price";

/// The evaluation price of a bid's evaluated prices: Σ price × expected quantity.
fn combine(
    tender: &Tender,
    prices: &[(CriterionId, Option<Money>, Money, Vec<Adjustment>)],
) -> Option<(Money, String)> {
    let volumes = tender.price_rules.volumes.as_ref()?;
    let mut sum = Money(rust_decimal::Decimal::ZERO);
    let mut terms = Vec::new();
    for (line, _, evaluated, _) in prices {
        let q = volumes.get(line)?;
        sum.0 += evaluated.0 * q;
        terms.push(format!("{} × {}", evaluated.0.normalize(), q.normalize()));
    }
    Some((sum, terms.join(" + ")))
}

fn assess(tender: &Tender, bid: &Bid) -> Assessed {
    let (mut findings, warnings) = conformity::assess(tender, bid);
    let mut prices = Vec::new();
    for criterion in &tender.criteria {
        let CriterionKind::Price(line) = &criterion.kind else {
            continue;
        };
        match apply_price_rules(tender, bid, &criterion.id, line) {
            PriceResult::Rejected(finding) => findings.push(finding),
            PriceResult::Evaluated {
                evaluated,
                adjustments,
            } => {
                prices.push((
                    criterion.id.clone(),
                    bid.prices.get(&criterion.id).copied(),
                    evaluated,
                    adjustments,
                ));
            }
        }
    }
    let combined = combine(tender, &prices);
    Assessed {
        findings,
        warnings,
        prices,
        combined,
    }
}

/// Scores every bid of a tender, in the order given. A bid set aside keeps every reason
/// found; relative price models compare only the bids that are scored.
pub fn score_all(tender: &Tender, bids: &[Bid]) -> Vec<BidScore> {
    let assessed: Vec<Assessed> = bids.iter().map(|bid| assess(tender, bid)).collect();
    let scored = assessed
        .iter()
        .filter(|a| conformity::decision(&a.findings).is_none());
    let mut fields: Vec<(CriterionId, Field)> = Vec::new();
    for a in scored {
        let combined = a
            .combined
            .iter()
            .map(|(p, _)| (CriterionId(EVALUATION_PRICE.into()), *p));
        let each = a
            .prices
            .iter()
            .map(|(line, _, evaluated, _)| (line.clone(), *evaluated));
        for (line, evaluated) in each.chain(combined) {
            let (line, evaluated) = (&line, &evaluated);
            match fields.iter_mut().find(|(id, _)| id == line) {
                Some((_, field)) => {
                    field.lowest = field.lowest.min(*evaluated);
                    field.highest = field.highest.max(*evaluated);
                }
                None => fields.push((
                    line.clone(),
                    Field {
                        lowest: *evaluated,
                        highest: *evaluated,
                    },
                )),
            }
        }
    }
    bids.iter()
        .zip(assessed)
        .map(|(bid, a)| finish(tender, bid, a, &fields))
        .collect()
}

/// Scores one bid as if it were the only one; for a relative model that means it has the
/// lowest price. Use [`score_all`] to score a tender.
pub fn score_bid(tender: &Tender, bid: &Bid) -> BidScore {
    score_all(tender, std::slice::from_ref(bid)).remove(0)
}

fn finish(
    tender: &Tender,
    bid: &Bid,
    assessed: Assessed,
    fields: &[(CriterionId, Field)],
) -> BidScore {
    let Assessed {
        findings,
        warnings,
        prices,
        combined,
    } = assessed;
    let field_of = |line: &CriterionId, own: Money| {
        // Every scored bid is in the field, so the field of its line exists.
        fields.iter().find(|(id, _)| id == line).map_or(
            Field {
                lowest: own,
                highest: own,
            },
            |(_, f)| *f,
        )
    };
    // Combined by volume: one calculation on the evaluation price, shared by every line.
    let combined_price = combined.clone();
    let combined_calculation = combined.and_then(|(price, terms)| {
        let line = tender.evaluation_line()?;
        let mut calculation = tender.model.calculate(
            &line,
            price,
            field_of(&CriterionId(EVALUATION_PRICE.into()), price),
        );
        calculation.formula = format!(
            "evaluation price {terms} = {}; {}",
            price.0.normalize(),
            calculation.formula
        );
        Some(calculation)
    });
    let outcome = match conformity::decision(&findings) {
        Some(decision) => Outcome::SetAside { decision, findings },
        None => {
            let prices: Vec<PriceEvaluation> = prices
                .into_iter()
                .filter_map(|(line, submitted, evaluated, adjustments)| {
                    let CriterionKind::Price(price_line) = &tender.criterion(&line.0)?.kind else {
                        return None;
                    };
                    let calculation = match &combined_calculation {
                        Some(shared) => shared.clone(),
                        None => tender.model.calculate(
                            price_line,
                            evaluated,
                            field_of(&line, evaluated),
                        ),
                    };
                    let points = Points(calculation.rounding.apply(calculation.exact));
                    Some(PriceEvaluation {
                        line,
                        submitted,
                        evaluated,
                        adjustments,
                        calculation,
                        points,
                    })
                })
                .collect();
            let criteria = criterion_scores(tender, bid, &prices);
            let exact_total: Points = tender
                .children(None)
                .map(|(i, _)| criteria_weighted(&criteria, &tender.criteria[i]))
                .sum();
            let total = tender
                .total_rounding
                .map_or(exact_total, |r| Points(r.apply(exact_total.0)));
            let evaluation = money_evaluation(tender, &criteria, &prices, combined_price.as_ref());
            Outcome::Scored {
                criteria,
                prices,
                total,
                exact_total,
                evaluation,
            }
        }
    };
    BidScore {
        bid: bid.id.clone(),
        bidder: bid.bidder.clone(),
        file: bid.file.clone(),
        outcome,
        warnings,
        panels: bid.panels.clone(),
    }
}

/// Under a money model: the evaluation price of the bid's price P (the one line, or the
/// lines combined by volume) and its quality Q, the weighted mean of its quality points.
fn money_evaluation(
    tender: &Tender,
    criteria: &[CriterionScore],
    prices: &[PriceEvaluation],
    combined: Option<&(Money, String)>,
) -> Option<MoneyCalculation> {
    if !tender.model.method.is_money() {
        return None;
    }
    let price = combined
        .map(|(p, _)| *p)
        .or_else(|| prices.first().map(|p| p.evaluated))?;
    let quality: Vec<&Criterion> = tender
        .criteria
        .iter()
        .filter(|c| c.kind == CriterionKind::Quality)
        .collect();
    let weights: rust_decimal::Decimal = quality.iter().map(|c| c.share.0).sum();
    let weighted: rust_decimal::Decimal = quality
        .iter()
        .filter_map(|c| criteria.iter().find(|s| s.criterion == c.id))
        .map(|s| s.weighted.0)
        .sum();
    let q = if weights.is_zero() {
        rust_decimal::Decimal::ZERO
    } else {
        weighted / weights
    };
    let mut calculation = tender
        .model
        .evaluation_price(price, Points(q), tender.scale.max)?;
    calculation.price_terms = combined.map(|(_, terms)| terms.clone());
    Some(calculation)
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
#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::{bid, d, reference_tender};
    use crate::domain::{MissingPrice, OutOfBand};

    fn price_of<'a>(score: &'a BidScore, line: &str) -> &'a PriceEvaluation {
        match &score.outcome {
            Outcome::Scored { prices, .. } => {
                prices.iter().find(|p| p.line.0 == line).expect("line")
            }
            Outcome::SetAside { findings, .. } => panic!("unexpectedly set aside: {findings:?}"),
        }
    }

    fn rules(price: &PriceEvaluation) -> Vec<&'static str> {
        price.adjustments.iter().map(|a| a.rule).collect()
    }

    #[test]
    fn ore_rounded_up_then_lowered_to_the_maximum_earns_zero() {
        // 448.05 → 449 (øre always up) → 430 (above the maximum 430) → 0 points.
        let score = score_bid(
            &reference_tender(),
            &bid("a", Some("448.05"), Some("1150"), "7", "8"),
        );
        let spor1 = price_of(&score, "spor1");
        assert_eq!(rules(spor1), ["whole-kroner", "lower-to-maximum"]);
        assert_eq!(spor1.adjustments[0].to, Money(d("449")));
        assert_eq!(spor1.evaluated, Money(d("430")));
        assert_eq!(spor1.points.0.to_string(), "0.00");
    }

    #[test]
    fn ore_rounded_up_onto_the_minimum_earns_eight() {
        // 369.10 → 370 (øre up) = the minimum, so nothing to raise → 8 points.
        let score = score_bid(
            &reference_tender(),
            &bid("a", Some("369.10"), Some("1150"), "7", "8"),
        );
        let spor1 = price_of(&score, "spor1");
        assert_eq!(rules(spor1), ["whole-kroner"]);
        assert_eq!(spor1.evaluated, Money(d("370")));
        assert_eq!(spor1.points.0.to_string(), "8.00");
    }

    #[test]
    fn below_the_minimum_is_raised_and_earns_eight() {
        // 1099 < 1100 → raised to 1100 → 8 points.
        let score = score_bid(
            &reference_tender(),
            &bid("a", Some("400"), Some("1099"), "7", "8"),
        );
        let spor2 = price_of(&score, "spor2");
        assert_eq!(rules(spor2), ["raise-to-minimum"]);
        assert_eq!(spor2.points.0.to_string(), "8.00");
    }

    #[test]
    fn prices_inside_the_band_interpolate() {
        // spor1: 8 − (400 − 370) × 8 / 60 = 8 − 4 = 4.00
        // spor2: 8 − (1150 − 1100) × 8 / 200 = 8 − 2 = 6.00
        let score = score_bid(
            &reference_tender(),
            &bid("a", Some("400"), Some("1150"), "7", "8"),
        );
        assert_eq!(price_of(&score, "spor1").points.0.to_string(), "4.00");
        assert_eq!(price_of(&score, "spor2").points.0.to_string(), "6.00");
        assert!(price_of(&score, "spor1").adjustments.is_empty());
    }

    #[test]
    fn points_are_rounded_half_up_to_two_decimals() {
        // 371: 8 − 1 × 8 / 60 = 7.8666… → 7.87
        let score = score_bid(
            &reference_tender(),
            &bid("a", Some("371"), Some("1150"), "7", "8"),
        );
        let spor1 = price_of(&score, "spor1");
        assert!(spor1.calculation.exact.to_string().starts_with("7.8666666"));
        assert_eq!(spor1.points.0.to_string(), "7.87");
    }

    #[test]
    fn a_missing_price_is_set_to_the_maximum_and_earns_zero() {
        let score = score_bid(&reference_tender(), &bid("a", Some("400"), None, "7", "8"));
        let spor2 = price_of(&score, "spor2");
        assert_eq!(spor2.submitted, None);
        assert_eq!(rules(spor2), ["missing-price-set-to-maximum"]);
        assert_eq!(spor2.evaluated, Money(d("1300")));
        assert_eq!(spor2.points.0.to_string(), "0.00");
    }

    #[test]
    fn the_total_weighs_every_leaf_by_its_path() {
        // 0.9 × 0.65 × 7 + 0.9 × 0.35 × 8 + 0.1 × 0.5 × 4 + 0.1 × 0.5 × 6
        // = 4.095 + 2.52 + 0.2 + 0.3 = 7.115
        let score = score_bid(
            &reference_tender(),
            &bid("a", Some("400"), Some("1150"), "7", "8"),
        );
        assert_eq!(score.total(), Some(Points(d("7.115"))));
        let Outcome::Scored { criteria, .. } = &score.outcome else {
            panic!()
        };
        // Kvalitet: 0.65 × 7 + 0.35 × 8 = 7.35 points, 0.9 × 7.35 = 6.615 weighted.
        let kvalitet = criteria
            .iter()
            .find(|c| c.criterion.0 == "kvalitet")
            .unwrap();
        assert_eq!(
            (kvalitet.points.0, kvalitet.weighted.0),
            (d("7.35"), d("6.615"))
        );
    }

    #[test]
    fn reject_policies_reject_instead_of_correcting() {
        let mut tender = reference_tender();
        tender.price_rules.below_min.action = OutOfBand::Reject;
        tender.price_rules.above_max.action = OutOfBand::Reject;
        tender.price_rules.missing.action = MissingPrice::Reject;
        let below = score_bid(&tender, &bid("a", Some("365"), Some("1150"), "7", "8"));
        let above = score_bid(&tender, &bid("b", Some("400"), Some("1301"), "7", "8"));
        let missing = score_bid(&tender, &bid("c", None, Some("1150"), "7", "8"));
        let rule_of = |s: &BidScore| match &s.outcome {
            Outcome::SetAside { findings, .. } => {
                findings.iter().map(|f| f.rule).collect::<Vec<_>>()
            }
            Outcome::Scored { .. } => Vec::new(),
        };
        assert_eq!(rule_of(&below), ["price-below-minimum"]);
        assert_eq!(rule_of(&above), ["price-above-maximum"]);
        assert_eq!(rule_of(&missing), ["missing-price"]);
        // 369.10 rounds up to 370, inside the band: not rejected even under "reject".
        let rounded_in = score_bid(&tender, &bid("d", Some("369.10"), Some("1150"), "7", "8"));
        assert!(rounded_in.total().is_some());
    }

    #[test]
    fn a_declared_reservation_rejects_the_bid() {
        let mut b = bid("a", Some("400"), Some("1150"), "7", "8");
        b.declaration = crate::domain::Declaration::Yes;
        let score = score_bid(&reference_tender(), &b);
        assert!(matches!(&score.outcome,
            Outcome::SetAside { decision: Decision::Reject, findings } if findings[0].rule == "declared-reservation"));
        assert_eq!(score.total(), None);
    }

    #[test]
    fn total_bounds_put_every_leaf_at_its_ends() {
        // max: 0.9 × 10 + 0.1 × 8 = 9.8; min: 0
        let (low, high) = total_bounds(&reference_tender());
        assert_eq!((low.0, high.0.normalize()), (d("0"), d("9.8")));
    }

    #[test]
    fn three_anchor_models_interpolate_per_segment() {
        // Anchors 370 → 10, 400 → 8, 430 → 0. 385: 10 + 15 × (8 − 10) / 30 = 9.
        // 415: 8 + 15 × (0 − 8) / 30 = 4. Below 370 and above 430 the points stay flat.
        let mut tender = reference_tender();
        tender.model.method = crate::model::Method::Anchors(vec![
            crate::model::Anchor {
                price: crate::domain::AnchorPrice::Min,
                points: Points(d("10")),
            },
            crate::model::Anchor {
                price: crate::domain::AnchorPrice::Fixed(Money(d("400"))),
                points: Points(d("8")),
            },
            crate::model::Anchor {
                price: crate::domain::AnchorPrice::Max,
                points: Points(d("0")),
            },
        ]);
        let crate::domain::CriterionKind::Price(line) = tender.criteria[4].kind.clone() else {
            panic!()
        };
        let any = crate::model::Field {
            lowest: Money(d("1")),
            highest: Money(d("1")),
        };
        let at = |p: &str| tender.model.calculate(&line, Money(d(p)), any).exact;
        assert_eq!(at("385"), d("9"));
        assert_eq!(at("415"), d("4"));
        assert_eq!(at("400"), d("8"));
        assert_eq!(at("300"), d("10"));
        assert_eq!(at("500"), d("0"));
    }
}
