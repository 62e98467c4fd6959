//! Scenarios: edits to a tender version's bids, weights and review decisions, applied to
//! copies in memory. Nothing here reads or writes a file.
//!
//! Contract: [`Scenario::apply`] returns an edited copy of the tender and its bids that
//! the scoring code takes exactly as it takes the loaded files, so scoring a scenario is
//! scoring edited copies of the files. [`Scenario::check`] refuses an edit that names
//! something the tender does not have, or a value no file could hold, with what to write
//! instead; every problem in one list.

use rust_decimal::Decimal;

use crate::domain::{
    Bid, BidId, CriterionId, CriterionKind, Decision, ReviewDecision, RuleId, Tender, set_shares,
};
use crate::scoring::rank::Ranked;
use crate::scoring::score::Outcome;
use crate::values::{Money, Percent, Points};

/// One change a scenario makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// The price a bid gives on a price line, as if written in its file (the price rules
    /// still apply to it).
    Price {
        bid: BidId,
        line: CriterionId,
        price: Money,
    },
    /// The evaluators' consensus points of a bid on a quality criterion (on the
    /// criterion's own scale).
    Points {
        bid: BidId,
        criterion: CriterionId,
        points: Points,
    },
    /// A criterion's weight among its siblings, in percent; the siblings share the rest
    /// in proportion to their weights.
    Weight {
        criterion: CriterionId,
        weight: Percent,
    },
    /// The authority's decision on a finding set aside for review.
    Decide {
        bid: BidId,
        rule: RuleId,
        accepted: bool,
    },
}

/// A set of edits, applied in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scenario {
    pub edits: Vec<Edit>,
}

impl Scenario {
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// Every edit that names a bid, criterion or line the tender does not have, or a value
    /// out of its range; empty when the scenario can be applied.
    /// `ranking` is the evaluation the scenario starts from: a decision can only be made
    /// on a finding it sets aside for review.
    pub fn check(&self, tender: &Tender, bids: &[Bid], ranking: &[Ranked]) -> Vec<String> {
        let mut problems = Vec::new();
        let known_bid = |id: &BidId| bids.iter().any(|b| &b.id == id);
        // Each thing is edited once; a level of the tree gets one weight.
        let mut seen: Vec<(String, &'static str)> = Vec::new();
        let mut once = |key: String, what: &'static str, problems: &mut Vec<String>| {
            if seen.iter().any(|(k, _)| k == &key) {
                problems.push(format!("{what} `{key}` is given twice; give it once"));
            } else {
                seen.push((key, what));
            }
        };
        for edit in &self.edits {
            match edit {
                Edit::Price { bid, line, .. } => {
                    once(format!("{bid}.price.{line}"), "the price", &mut problems)
                }
                Edit::Points { bid, criterion, .. } => once(
                    format!("{bid}.points.{criterion}"),
                    "the points",
                    &mut problems,
                ),
                Edit::Weight { criterion, .. } => {
                    let parent = tender.criterion(&criterion.0).map(|c| c.parent);
                    once(
                        format!("{parent:?}"),
                        "a weight on the level of",
                        &mut problems,
                    );
                }
                Edit::Decide { bid, rule, .. } => {
                    once(format!("{bid}:{rule}"), "a decision on", &mut problems)
                }
            }
        }
        for edit in &self.edits {
            match edit {
                Edit::Price { bid, line, price } => {
                    if !known_bid(bid) {
                        problems.push(format!("no bid `{bid}` in this tender"));
                    }
                    match tender.criterion(&line.0).map(|c| &c.kind) {
                        Some(CriterionKind::Price(_)) => {}
                        _ => problems.push(format!(
                            "`{line}` is not a price line of this tender (its price lines: {})",
                            ids_of(tender, |k| matches!(k, CriterionKind::Price(_)))
                        )),
                    }
                    if price.value().is_sign_negative() || price.value() > Decimal::from(MAX_PRICE)
                    {
                        problems.push(format!(
                            "the price {} of {bid} on {line} must lie from 0 to {MAX_PRICE}, as in a bid file",
                            price.value()
                        ));
                    }
                }
                Edit::Points {
                    bid,
                    criterion,
                    points,
                } => {
                    if !known_bid(bid) {
                        problems.push(format!("no bid `{bid}` in this tender"));
                    }
                    match tender.criterion(&criterion.0) {
                        Some(c) if c.kind == CriterionKind::Quality => {
                            let scale = tender.scale_of(c);
                            if *points < scale.min || *points > scale.max {
                                problems.push(format!(
                                    "{points} points on {criterion} lie outside its scale {}–{}",
                                    scale.min, scale.max
                                ));
                            }
                        }
                        _ => problems.push(format!(
                            "`{criterion}` is not a quality criterion of this tender (its quality criteria: {})",
                            ids_of(tender, |k| *k == CriterionKind::Quality)
                        )),
                    }
                }
                Edit::Weight { criterion, weight } => match tender.criterion(&criterion.0) {
                    None => problems.push(format!(
                        "`{criterion}` is not a criterion of this tender (its criteria: {})",
                        ids_of(tender, |_| true)
                    )),
                    Some(c) => {
                        if tender.model.method.is_money() && tender.share_of_quality(c).is_none() {
                            problems.push(format!(
                                "under a money model {criterion} has no weight: bids are ranked by evaluation price, and only the quality criteria's weights make Q"
                            ));
                        } else if tender.children(c.parent).count() < 2 {
                            problems.push(format!(
                                "{criterion} has no sibling to give or take weight from"
                            ));
                        }
                        let w = weight.value();
                        // As in a tender file: every weight above 0, so the siblings keep some.
                        if w <= Decimal::ZERO || w >= Decimal::ONE_HUNDRED {
                            problems.push(format!(
                                "the weight of {criterion} must lie above 0 and below 100 (percent), as in a tender file, not {w}"
                            ));
                        }
                    }
                },
                Edit::Decide { bid, rule, .. } => {
                    if !known_bid(bid) {
                        problems.push(format!("no bid `{bid}` in this tender"));
                    } else if !in_review(ranking, bid, *rule) {
                        problems.push(format!(
                            "{bid} has no finding `{rule}` set aside for review; only such a finding awaits the authority's decision (see `tenderscore rejections`)"
                        ));
                    }
                }
            }
        }
        problems
    }

    /// The tender and bids with every edit made, in order. Edits naming what the tender
    /// does not have are skipped ([`Scenario::check`] reports them).
    pub fn apply(&self, tender: &Tender, bids: &[Bid]) -> (Tender, Vec<Bid>) {
        let mut tender = tender.clone();
        let mut bids = bids.to_vec();
        for edit in &self.edits {
            match edit {
                Edit::Price { bid, line, price } => {
                    if let Some(b) = bids.iter_mut().find(|b| &b.id == bid) {
                        b.prices.insert(line.clone(), *price);
                    }
                }
                Edit::Points {
                    bid,
                    criterion,
                    points,
                } => {
                    if let Some(b) = bids.iter_mut().find(|b| &b.id == bid) {
                        b.points.insert(criterion.clone(), *points);
                    }
                }
                Edit::Weight { criterion, weight } => set_weight(&mut tender, criterion, *weight),
                Edit::Decide {
                    bid,
                    rule,
                    accepted,
                } => {
                    tender.decisions.set(ReviewDecision {
                        bid: bid.clone(),
                        rule: rule.as_str().to_string(),
                        accepted: *accepted,
                        by: String::new(),
                        date: String::new(),
                        reason: String::new(),
                        place: format!(
                            "--{} {bid}:{rule}",
                            if *accepted { "accept" } else { "reject" }
                        ),
                    });
                }
            }
        }
        (tender, bids)
    }
}

/// The highest price a scenario may set: the highest a bid file may hold.
pub const MAX_PRICE: i64 = 1_000_000_000_000;

/// Whether the bid has a finding under `rule` that sets it aside for review (decided or
/// not): the findings a decision can be made on.
fn in_review(ranking: &[Ranked], bid: &BidId, rule: RuleId) -> bool {
    ranking.iter().filter(|r| &r.score.bid == bid).any(|r| {
        let findings = match &r.score.outcome {
            Outcome::SetAside { findings, .. } => findings.as_slice(),
            Outcome::Scored { .. } => r.score.decided.as_slice(),
        };
        findings
            .iter()
            .any(|f| f.rule == rule && (f.decision == Decision::Review || f.resolution.is_some()))
    })
}

/// Sets a criterion's weight among its siblings; the siblings share what is left in
/// proportion to their weights (equally where they had none). The division may not
/// terminate (40 × 30 / 35): each sibling's weight is then cut at 28 significant digits,
/// and the last sibling takes the remainder, so a level always sums to exactly 100 %.
pub fn set_weight(tender: &mut Tender, criterion: &CriterionId, weight: Percent) {
    let Some(index) = tender.criteria.iter().position(|c| &c.id == criterion) else {
        return;
    };
    let parent = tender.criteria[index].parent;
    let siblings: Vec<usize> = tender
        .children(parent)
        .map(|(i, _)| i)
        .filter(|i| *i != index)
        .collect();
    let Some((&last, others)) = siblings.split_last() else {
        return;
    };
    let rest = Decimal::ONE_HUNDRED - weight.value();
    let before: Decimal = siblings
        .iter()
        .map(|i| tender.criteria[*i].weight.value())
        .sum();
    let mut given = Decimal::ZERO;
    for &i in others {
        let old = tender.criteria[i].weight.value();
        let new = if before.is_zero() {
            rest / Decimal::from(siblings.len())
        } else {
            rest * old / before
        };
        tender.criteria[i].weight = Percent::new(new);
        given += new;
    }
    tender.criteria[last].weight = Percent::new(rest - given);
    tender.criteria[index].weight = weight;
    set_shares(&mut tender.criteria);
}

fn ids_of(tender: &Tender, wanted: impl Fn(&CriterionKind) -> bool) -> String {
    let ids: Vec<&str> = tender
        .criteria
        .iter()
        .filter(|c| wanted(&c.kind))
        .map(|c| c.id.as_str())
        .collect();
    ids.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::{d, reference_tender};

    #[test]
    fn a_weight_takes_from_its_siblings_in_proportion() {
        // The fixture: kvalitet 90 (indsats 65, samarbejde 35), pris 10.
        let mut tender = reference_tender();
        set_weight(
            &mut tender,
            &CriterionId("indsats".into()),
            Percent::new(d("60")),
        );
        let weight = |id: &str| tender.criterion(id).expect(id).weight.value();
        assert_eq!(weight("indsats"), d("60"));
        // One sibling takes the rest exactly: 100 − 60 = 40.
        assert_eq!(weight("samarbejde"), d("40"));
        // Shares follow: 0.9 × 0.6 = 0.54.
        let share = tender.criterion("indsats").expect("indsats").share.value();
        assert_eq!(share, d("0.54"));
    }
}
