//! Price rules: from the price as written in a bid to the evaluated price the bidder is
//! bound by, or the finding that rejects the bid.
//!
//! Contract: pure. Øre become whole kroner first, then a price outside the band is moved
//! to its nearest end or rejects the bid, as the tender's rules say (Bilag B pkt. 1.2.1
//! in the reference tender), so 448.05 → 449 → 430. Every change is an [`Adjustment`]
//! naming its rule and clause. Where the tender combines its lines by expected volumes,
//! [`combine`] gives the evaluation price: Σ evaluated price × quantity, exact.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::{Bid, CriterionId, Decision, MissingPrice, OutOfBand, PriceLine, Rule, Tender};
use crate::values::{Money, Rounding};

use super::conformity::{Evidence, Finding, RuleId};

/// Which price rule changed a price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdjustmentRule {
    /// Øre to whole kroner.
    WholeKroner,
    /// A price below the band raised to its minimum.
    RaiseToMinimum,
    /// A price above the band lowered to its maximum.
    LowerToMaximum,
    /// No price given: the line's maximum is used.
    MissingPriceSetToMaximum,
}

impl AdjustmentRule {
    /// The stable id the reports print.
    pub fn as_str(self) -> &'static str {
        match self {
            AdjustmentRule::WholeKroner => "whole-kroner",
            AdjustmentRule::RaiseToMinimum => "raise-to-minimum",
            AdjustmentRule::LowerToMaximum => "lower-to-maximum",
            AdjustmentRule::MissingPriceSetToMaximum => "missing-price-set-to-maximum",
        }
    }
}

impl std::fmt::Display for AdjustmentRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A change the price rules made to a price, with the rule and the clause behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Adjustment {
    pub rule: AdjustmentRule,
    /// The price before the rule; absent for a missing price.
    pub from: Option<Money>,
    pub to: Money,
    /// The clause of the tender documents, as the tender definition gives it.
    pub source: Option<String>,
}

/// One price line of a bid after the price rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Priced {
    pub line: CriterionId,
    /// The price as written in the bid; absent if the bid gives none.
    pub submitted: Option<Money>,
    /// The price after the price rules: the price the bidder is bound by.
    pub evaluated: Money,
    pub adjustments: Vec<Adjustment>,
}

/// The price a bid ends up with on one line, or why the price rules reject the bid.
pub enum PriceResult {
    Evaluated(Priced),
    Rejected(Finding),
}

/// Applies the tender's price rules to one price as written (Bilag B pkt. 1.2.1 in the
/// reference tender): øre to whole kroner first, then the band, so 448.05 → 449 → 430.
pub fn apply_price_rules(
    tender: &Tender,
    bid: &Bid,
    id: &CriterionId,
    line: &PriceLine,
) -> PriceResult {
    let rules = &tender.price_rules;
    let submitted = bid.prices.get(id).copied();
    let Some(written) = submitted else {
        // `max` needs the line's band, which validation demands of every line with it.
        return match (rules.missing.action, line.band) {
            (MissingPrice::Max, Some(band)) => PriceResult::Evaluated(Priced {
                line: id.clone(),
                submitted: None,
                evaluated: band.max,
                adjustments: vec![adjustment(
                    AdjustmentRule::MissingPriceSetToMaximum,
                    None,
                    band.max,
                    &rules.missing,
                )],
            }),
            _ => PriceResult::Rejected(price_finding(
                RuleId::MissingPrice,
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
        let whole = Money::new(Rounding { decimals: 0, mode }.apply(price.value()));
        if whole.value() != price.value() {
            adjustments.push(adjustment(
                AdjustmentRule::WholeKroner,
                Some(price),
                whole,
                &rules.whole_kroner,
            ));
        }
        price = whole;
    }
    let price = match into_band(tender, bid, id, line, price, &mut adjustments) {
        Ok(price) => price,
        Err(finding) => return PriceResult::Rejected(*finding),
    };
    // At most two rules change a price; a vector grown by push keeps room for four, and
    // every bid's lines keep theirs until the report is written.
    adjustments.shrink_to_fit();
    PriceResult::Evaluated(Priced {
        line: id.clone(),
        submitted,
        evaluated: price,
        adjustments,
    })
}

/// A price outside the band moved to its nearest end (recorded), or the finding that
/// rejects the bid, as the tender's rules say.
fn into_band(
    tender: &Tender,
    bid: &Bid,
    id: &CriterionId,
    line: &PriceLine,
    mut price: Money,
    adjustments: &mut Vec<Adjustment>,
) -> Result<Money, Box<Finding>> {
    let rules = &tender.price_rules;
    // No band, nothing to move into; validation gives every tender with a band both rules.
    let Some(band) = line.band else {
        return Ok(price);
    };
    if let Some(rule) = rules.below_min.as_ref().filter(|_| price < band.min) {
        match rule.action {
            OutOfBand::Clamp => {
                adjustments.push(adjustment(
                    AdjustmentRule::RaiseToMinimum,
                    Some(price),
                    band.min,
                    rule,
                ));
                price = band.min;
            }
            OutOfBand::Reject => {
                return Err(Box::new(price_finding(
                    RuleId::PriceBelowMinimum,
                    bid,
                    id,
                    format!(
                        "price {price} for `{id}` is below the minimum price {}",
                        band.min
                    ),
                    rule,
                )));
            }
        }
    }
    if let Some(rule) = rules.above_max.as_ref().filter(|_| price > band.max) {
        match rule.action {
            OutOfBand::Clamp => {
                adjustments.push(adjustment(
                    AdjustmentRule::LowerToMaximum,
                    Some(price),
                    band.max,
                    rule,
                ));
                price = band.max;
            }
            OutOfBand::Reject => {
                return Err(Box::new(price_finding(
                    RuleId::PriceAboveMaximum,
                    bid,
                    id,
                    format!(
                        "price {price} for `{id}` is above the maximum price {}",
                        band.max
                    ),
                    rule,
                )));
            }
        }
    }
    Ok(price)
}

fn adjustment<A>(
    rule: AdjustmentRule,
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
    rule: RuleId,
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
            line: bid.lines.get(&field),
            quote,
        },
        source: source.source.clone(),
        clause: source.text.clone(),
        resolution: None,
    }
}

/// The field key of the combined evaluation price.
pub const EVALUATION_PRICE: &str = "evaluation price";

/// The evaluation price of a bid's evaluated prices: Σ price × expected quantity.
pub fn combine(tender: &Tender, prices: &[Priced]) -> Option<(Money, String)> {
    let volumes = tender.price_rules.volumes.as_ref()?;
    let mut sum = Money::new(Decimal::ZERO);
    let mut terms = Vec::new();
    for priced in prices {
        let q = volumes.get(&priced.line)?;
        sum = sum + priced.evaluated.times(*q);
        terms.push(format!(
            "{} × {}",
            priced.evaluated.value().normalize(),
            q.normalize()
        ));
    }
    Some((sum, terms.join(" + ")))
}
