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

use std::collections::BTreeMap;

use serde::Serialize;

use crate::domain::{Bid, BidId, CriterionId, CriterionKind, Decision, Panel, RuleId, Tender};
use crate::values::{Money, Points};

use super::conformity::{self, Finding, Warning};
use super::price_methods::{Calculation, Field, Formula, MoneyCalculation};
use super::price_rules::{
    Adjustment, EVALUATION_PRICE, PriceResult, Priced, apply_price_rules, combine,
};
use super::quality;
use super::tree::{self, CriterionScore, criterion_scores};

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
        evaluation: Option<Box<MoneyCalculation>>,
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
    pub bidder: std::sync::Arc<str>,
    pub file: String,
    /// The negotiation round of the bid scored (1: the initial bid).
    pub round: u32,
    pub outcome: Outcome,
    /// What a reader must know that did not set the bid aside (the length limit).
    pub warnings: Vec<Warning>,
    /// The individual evaluators' points behind the consensus, for the record.
    pub panels: BTreeMap<CriterionId, Panel>,
    /// Findings of a scored bid that the authority accepted after review, with the
    /// decision, for the record (a bid set aside keeps all its findings in its outcome).
    pub decided: Vec<Finding>,
}

/// Where a bid stands after scoring, in the words every report prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Scored and ranked.
    Ranked,
    /// Rejected as non-compliant; never ranked.
    Rejected,
    /// Set aside for review; not ranked until the authority has resolved it.
    Review,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ranked => "ranked",
            Status::Rejected => "rejected",
            Status::Review => "review",
        }
    }
}

impl From<Decision> for Status {
    fn from(decision: Decision) -> Status {
        match decision {
            Decision::Reject => Status::Rejected,
            Decision::Review => Status::Review,
        }
    }
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
            Standing::Points(p) => p.value(),
            Standing::Price(m) => -m.value(),
        }
    }

    pub fn value(self) -> rust_decimal::Decimal {
        match self {
            Standing::Points(p) => p.value(),
            Standing::Price(m) => m.value(),
        }
    }
}

impl BidScore {
    pub fn status(&self) -> Status {
        match &self.outcome {
            Outcome::Scored { .. } => Status::Ranked,
            Outcome::SetAside { decision, .. } => Status::from(*decision),
        }
    }

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

/// A bid assessed on its own: what sets it aside, and its evaluated prices.
struct Assessed {
    findings: Vec<Finding>,
    warnings: Vec<Warning>,
    /// Every line the price rules accepted, in the order of the tender's criteria.
    prices: Vec<Priced>,
    /// Where the tender combines its lines by volume: the evaluation price and its sum
    /// written out ("430 × 130 + 1150 × 6.5").
    combined: Option<(Money, String)>,
}

/// What sets a bid aside before its quality is read: the conformity rules, then the price
/// rules. Also returns the evaluated prices of every line the price rules accepted.
fn before_quality(tender: &Tender, bid: &Bid) -> (Vec<Finding>, Vec<Warning>, Vec<Priced>) {
    let (mut findings, warnings) = conformity::assess(tender, bid);
    let mut prices = Vec::new();
    for criterion in &tender.criteria {
        let CriterionKind::Price(line) = &criterion.kind else {
            continue;
        };
        match apply_price_rules(tender, bid, &criterion.id, line) {
            PriceResult::Rejected(finding) => findings.push(finding),
            PriceResult::Evaluated(priced) => prices.push(priced),
        }
    }
    conformity::apply_decisions(tender, bid, &mut findings);
    (findings, warnings, prices)
}

/// Whether the bid's quality is read, so that it needs points for every quality criterion:
/// neither a conformity rule nor a price rule sets it aside. A bid set aside is not read
/// (Bilag C.1 pkt. 1.2 of the reference tender) and needs no points.
pub fn reads_quality(tender: &Tender, bid: &Bid) -> bool {
    conformity::decision(&before_quality(tender, bid).0).is_none()
}

fn assess(tender: &Tender, bid: &Bid) -> Assessed {
    let (mut findings, warnings, prices) = before_quality(tender, bid);
    // The minimum quality is judged only where the quality is read: not for a bid set
    // aside by a conformity rule. A bid rejected by a price rule is still judged when its
    // points are there, so that every reason to reject it is on record.
    let conforms = findings
        .iter()
        .all(|f| f.rule.is_price_rule() || f.resolution.as_ref().is_some_and(|r| r.accepted));
    let has_points = tender
        .criteria
        .iter()
        .filter(|c| c.kind == CriterionKind::Quality)
        .all(|c| bid.points.contains_key(&c.id));
    if conforms && has_points {
        findings.extend(quality::thresholds(tender, bid));
    }
    let combined = combine(tender, &prices);
    Assessed {
        findings,
        warnings,
        prices,
        combined,
    }
}

/// The lowest and highest evaluated price per line (and of the combined evaluation price)
/// among the bids that are scored: what relative price methods compare with.
fn fields(assessed: &[Assessed]) -> BTreeMap<CriterionId, Field> {
    let mut fields: BTreeMap<CriterionId, Field> = BTreeMap::new();
    let scored = assessed
        .iter()
        .filter(|a| conformity::decision(&a.findings).is_none());
    for a in scored {
        let combined = a
            .combined
            .iter()
            .map(|(price, _)| (CriterionId(EVALUATION_PRICE.into()), *price));
        let each = a.prices.iter().map(|p| (p.line.clone(), p.evaluated));
        for (line, evaluated) in each.chain(combined) {
            fields
                .entry(line)
                .and_modify(|field| {
                    field.lowest = field.lowest.min(evaluated);
                    field.highest = field.highest.max(evaluated);
                })
                .or_insert(Field {
                    lowest: evaluated,
                    highest: evaluated,
                });
        }
    }
    fields
}

/// Scores every bid of a tender, in the order given. A bid set aside keeps every reason
/// found; relative price models compare only the bids that are scored.
pub fn score_all(tender: &Tender, bids: &[Bid]) -> Vec<BidScore> {
    let refs: Vec<&Bid> = bids.iter().collect();
    score_refs(tender, &refs)
}

/// [`score_all`] over borrowed bids, so a caller can score a subset without cloning.
pub fn score_refs(tender: &Tender, bids: &[&Bid]) -> Vec<BidScore> {
    score_refs_into(tender, bids, |score| score)
}

/// [`score_refs`], each score handed to `into` as it is made (wrapped for ranking, say),
/// so the scores are never held twice. The bids are assessed, and their points found, in
/// parallel; the result keeps the bids' order.
pub fn score_refs_into<T: Send>(
    tender: &Tender,
    bids: &[&Bid],
    into: impl Fn(BidScore) -> T + Sync,
) -> Vec<T> {
    score_with(tender, bids.to_vec(), into)
}

/// [`score_refs_into`] taking the bids: each bid is let go as soon as its score is made,
/// so the bids and their scores are never all held at once.
pub fn score_taking_into<T: Send>(
    tender: &Tender,
    bids: Vec<Bid>,
    into: impl Fn(BidScore) -> T + Sync,
) -> Vec<T> {
    score_with(tender, bids, into)
}

fn score_with<B, T>(tender: &Tender, bids: Vec<B>, into: impl Fn(BidScore) -> T + Sync) -> Vec<T>
where
    B: std::borrow::Borrow<Bid> + Send + Sync,
    T: Send,
{
    use rayon::prelude::*;
    let (assessed, fields) = {
        let bids: Vec<&Bid> = bids.iter().map(|b| b.borrow()).collect();
        let mut assessed = assess_each(tender, &bids);
        // Abnormally low prices compare the bids that no other rule sets aside.
        if let Some(rule) = &tender.price_rules.abnormally_low {
            let prices = compared(&assessed);
            let found = super::abnormal::findings(rule, &bids, &prices);
            for ((a, bid), mut findings) in assessed.iter_mut().zip(&bids).zip(found) {
                conformity::apply_decisions(tender, bid, &mut findings);
                a.findings.extend(findings);
            }
        }
        let fields = fields(&assessed);
        (assessed, fields)
    };
    // Each bid, taken or borrowed, goes out of use once its score is made.
    bids.into_par_iter()
        .zip(assessed)
        .with_min_len(super::MIN_BIDS_PER_TASK)
        .map(|(bid, a)| into(finish(tender, bid.borrow(), a, &fields)))
        .collect()
}

/// Each bid assessed on its own and against the others as duplicates: every finding
/// before the test for abnormally low prices, and the prices the rules accepted.
fn assess_each(tender: &Tender, bids: &[&Bid]) -> Vec<Assessed> {
    use rayon::prelude::*;
    let duplicates = conformity::duplicates(bids);
    bids.par_iter()
        .zip(duplicates)
        .with_min_len(super::MIN_BIDS_PER_TASK)
        .map(|(bid, mut duplicate)| {
            let mut assessed = assess(tender, bid);
            conformity::apply_decisions(tender, bid, &mut duplicate);
            assessed.findings.extend(duplicate);
            assessed
        })
        .collect()
}

/// The prices the test for abnormally low prices compares: each bid's accepted prices,
/// `None` for a bid another rule sets aside.
fn compared(assessed: &[Assessed]) -> Vec<Option<&[Priced]>> {
    assessed
        .iter()
        .map(|a| {
            conformity::decision(&a.findings)
                .is_none()
                .then_some(a.prices.as_slice())
        })
        .collect()
}

/// The field of a tender's bids — which are scored, and the lowest and highest price of
/// each line among them — held so that the rank-reversal check can tell, without scoring
/// again, how taking one bid out changes it. Where those prices stay, no other bid's total
/// changes, whichever bids leave or come in: a scored bid's points depend on the others
/// only through them.
pub(super) struct FieldWithout {
    /// Each bid assessed on its own, as scoring assesses it.
    assessed: Vec<Assessed>,
    /// Each bid's prices as the field takes them: (line, price), the lines numbered by
    /// their place in `line_ids`, the combined evaluation price among them.
    priced: Vec<Vec<(usize, Money)>>,
    line_ids: Vec<CriterionId>,
    /// Not set aside before the test for abnormally low prices.
    compared: Vec<bool>,
    /// Scored with every bid.
    scored: Vec<bool>,
    /// The authority accepted the bid's explanation of an abnormally low price.
    explained: Vec<bool>,
    /// Shares its CVR number or bidder name with another bid: taking it out changes
    /// which bids are duplicates, which this does not follow.
    shares: Vec<bool>,
    /// The test for abnormally low prices, if the tender has one: `None` inside when it
    /// cannot be followed exactly without scoring again, or the field found here is not
    /// the one scoring found (then also without a test).
    tests: Option<Option<(super::abnormal::Tests, super::abnormal::Found)>>,
    /// Per line, the scored bids by price (then bid).
    by_price: Vec<Vec<(Money, usize)>>,
    /// The bids whose removal can change what the test for abnormally low prices finds
    /// (see [`super::abnormal::movers`]); none without the test.
    pub(super) movers: Vec<usize>,
}

impl FieldWithout {
    /// The field of `bids`, given `scored`, whether each is scored with every bid (as
    /// scoring found): where the field found here differs, every removal is
    /// [`Without::Unknown`], to be scored again.
    pub(super) fn new(tender: &Tender, bids: &[&Bid], scored: Vec<bool>) -> FieldWithout {
        let assessed = assess_each(tender, bids);
        let prices = compared(&assessed);
        let rule = tender.price_rules.abnormally_low.as_ref();
        let movers = rule.map_or_else(Vec::new, |rule| super::abnormal::movers(rule, &prices));
        let tests = rule.map(|rule| {
            let tests = super::abnormal::Tests::new(rule, &prices)?;
            let found = tests.found(None);
            Some((tests, found))
        });
        let explained = bids
            .iter()
            .map(|bid| {
                tender
                    .decisions
                    .find(&bid.id, RuleId::AbnormallyLowPrice.as_str())
                    .is_some_and(|d| d.accepted)
            })
            .collect();
        let mut names: BTreeMap<&CriterionId, usize> = BTreeMap::new();
        let evaluation = CriterionId(EVALUATION_PRICE.into());
        let priced = assessed
            .iter()
            .map(|a| {
                let combined = a.combined.iter().map(|(price, _)| (&evaluation, *price));
                let each = a.prices.iter().map(|p| (&p.line, p.evaluated));
                each.chain(combined)
                    .map(|(line, price)| {
                        let next = names.len();
                        (*names.entry(line).or_insert(next), price)
                    })
                    .collect()
            })
            .collect();
        let mut numbered: Vec<(usize, &CriterionId)> =
            names.into_iter().map(|(l, at)| (at, l)).collect();
        numbered.sort_unstable();
        let line_ids = numbered.into_iter().map(|(_, line)| line.clone()).collect();
        let mut field = FieldWithout {
            assessed: Vec::new(),
            priced,
            line_ids,
            compared: prices.iter().map(Option::is_some).collect(),
            scored: Vec::new(),
            explained,
            shares: conformity::shares_cvr_or_name(bids),
            tests,
            by_price: Vec::new(),
            movers,
        };
        let found_scored: Vec<bool> = (0..bids.len())
            .map(|i| field.scored_with(None, i))
            .collect();
        if found_scored != scored {
            // Not the field scoring found: nothing here can be relied on.
            field.tests = Some(None);
        }
        field.scored = scored;
        field.by_price = vec![Vec::new(); field.line_ids.len()];
        for (i, priced) in field.priced.iter().enumerate() {
            if field.scored[i] {
                for (line, price) in priced {
                    field.by_price[*line].push((*price, i));
                }
            }
        }
        for line in &mut field.by_price {
            line.sort_unstable();
        }
        field.assessed = assessed;
        field
    }

    /// Whether bid `i` is scored with every bid (`found` is `None`), or as `found` finds
    /// abnormally low prices without one.
    fn scored_with(&self, found: Option<&super::abnormal::Found>, i: usize) -> bool {
        let finds = match (&self.tests, found) {
            (Some(Some((tests, _))), Some(found)) => found.finds(tests, i),
            (Some(Some((tests, all))), None) => all.finds(tests, i),
            _ => false,
        };
        // A price found abnormally low sets the bid aside unless its explanation was
        // accepted.
        self.compared[i] && (!finds || self.explained[i])
    }

    /// How the field changes without bid `removed`: not at all, to other lowest and
    /// highest prices with some bids no longer scored, or in a way this does not follow
    /// (scoring again tells).
    ///
    /// O(L log n) for the tests of L lines, plus the bids whose findings may change and
    /// those of the lowest and highest that leave.
    pub(super) fn without(&self, removed: usize) -> Without {
        if self.shares[removed] {
            return Without::Unknown;
        }
        let mut leaving = vec![removed];
        let mut coming = Vec::new();
        match &self.tests {
            None => {}
            Some(None) => return Without::Unknown,
            Some(Some((tests, all))) => {
                let without = tests.found(Some(removed));
                for i in tests.differing(all, &without) {
                    if i == removed {
                        continue;
                    }
                    match (self.scored[i], self.scored_with(Some(&without), i)) {
                        (true, false) => leaving.push(i),
                        (false, true) => coming.push(i),
                        _ => {}
                    }
                }
            }
        }
        let mut changed = false;
        let extremes: Vec<Extremes> = (0..self.line_ids.len())
            .map(|line| {
                let stays = |(_, i): &&(Money, usize)| !leaving.contains(i);
                let all = &self.by_price[line];
                let before = (all.first().map(|e| e.0), all.last().map(|e| e.0));
                let after = coming
                    .iter()
                    .flat_map(|i| self.priced[*i].iter())
                    .filter(|(l, _)| *l == line)
                    .fold(
                        (
                            all.iter().find(stays).map(|e| e.0),
                            all.iter().rev().find(stays).map(|e| e.0),
                        ),
                        |(low, high), (_, p)| {
                            (
                                Some(low.map_or(*p, |l| l.min(*p))),
                                Some(high.map_or(*p, |h| h.max(*p))),
                            )
                        },
                    );
                changed |= before != after;
                after
            })
            .collect();
        if changed {
            leaving.sort_unstable();
            Without::Field { extremes, leaving }
        } else {
            Without::Same
        }
    }

    /// The total of each bid scored with every bid, were the field's lowest and highest
    /// prices `extremes` (as [`FieldWithout::without`] gives them); `None` for the others.
    pub(super) fn totals_under(
        &self,
        tender: &Tender,
        bids: &[&Bid],
        extremes: &[Extremes],
    ) -> Vec<Option<Points>> {
        use rayon::prelude::*;
        let fields: BTreeMap<CriterionId, Field> = self
            .line_ids
            .iter()
            .zip(extremes)
            .filter_map(|(line, extremes)| match extremes {
                (Some(lowest), Some(highest)) => Some((
                    line.clone(),
                    Field {
                        lowest: *lowest,
                        highest: *highest,
                    },
                )),
                _ => None,
            })
            .collect();
        bids.par_iter()
            .zip(&self.assessed)
            .zip(&self.scored)
            .with_min_len(super::MIN_BIDS_PER_TASK)
            .map(|((bid, a), with_all)| {
                if !with_all {
                    return None;
                }
                match scored(tender, bid, a.prices.clone(), a.combined.clone(), &fields) {
                    Outcome::Scored { total, .. } => Some(total),
                    Outcome::SetAside { .. } => None,
                }
            })
            .collect()
    }
}

/// The lowest and highest price of one line of the field (`None` without a bid on it).
pub(super) type Extremes = (Option<Money>, Option<Money>);

/// How the field changes without one bid: see [`FieldWithout::without`].
pub(super) enum Without {
    /// No other bid's total changes.
    Same,
    /// Each line's lowest and highest price become `extremes`; the bids `leaving` (the
    /// removed one among them, in bid order) are no longer scored.
    Field {
        extremes: Vec<Extremes>,
        leaving: Vec<usize>,
    },
    /// Not followed here: the field is to be scored again.
    Unknown,
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
    fields: &BTreeMap<CriterionId, Field>,
) -> BidScore {
    let Assessed {
        findings,
        warnings,
        prices,
        combined,
    } = assessed;
    let (outcome, decided) = match conformity::decision(&findings) {
        Some(decision) => (Outcome::SetAside { decision, findings }, Vec::new()),
        None => (scored(tender, bid, prices, combined, fields), findings),
    };
    BidScore {
        bid: bid.id.clone(),
        bidder: bid.bidder.clone(),
        file: bid.file.clone(),
        round: bid.round,
        outcome,
        warnings,
        panels: bid.panels.clone(),
        decided,
    }
}

/// The points of a bid that is scored: each price line by the model (or the one combined
/// evaluation price), the criteria tree, the total, and under a money model the
/// evaluation price it is ranked on.
fn scored(
    tender: &Tender,
    bid: &Bid,
    prices: Vec<Priced>,
    combined: Option<(Money, String)>,
    fields: &BTreeMap<CriterionId, Field>,
) -> Outcome {
    let field_of = |line: &CriterionId, own: Money| {
        // Every scored bid is in the field, so the field of its line exists.
        fields.get(line).copied().unwrap_or(Field {
            lowest: own,
            highest: own,
        })
    };
    // Combined by volume: one calculation on the evaluation price, shared by every line.
    let combined_calculation = combined.as_ref().and_then(|(price, terms)| {
        let line = tender.evaluation_line()?;
        let mut calculation = tender.model.calculate(
            &line,
            *price,
            field_of(&CriterionId(EVALUATION_PRICE.into()), *price),
        );
        calculation.formula = Formula::Combined {
            terms: terms.clone(),
            price: price.value(),
            formula: Box::new(calculation.formula),
        };
        Some(calculation)
    });
    // Sized to the lines: a vector collected through a filter starts with room for four,
    // which every bid would keep until the report is written.
    let mut evaluations: Vec<PriceEvaluation> = Vec::with_capacity(prices.len());
    evaluations.extend(prices.into_iter().filter_map(|priced| {
        let CriterionKind::Price(price_line) = &tender.criterion(&priced.line.0)?.kind else {
            return None;
        };
        let calculation = match &combined_calculation {
            Some(shared) => shared.clone(),
            None => tender.model.calculate(
                price_line,
                priced.evaluated,
                field_of(&priced.line, priced.evaluated),
            ),
        };
        let points = Points::new(calculation.rounding.apply(calculation.exact));
        Some(PriceEvaluation {
            line: priced.line,
            submitted: priced.submitted,
            evaluated: priced.evaluated,
            adjustments: priced.adjustments,
            calculation,
            points,
        })
    }));
    let prices = evaluations;
    let criteria = criterion_scores(tender, &bid.points, |line| {
        prices.iter().find(|p| &p.line == line).map(|p| p.points)
    });
    let exact_total = tree::total(tender, &criteria);
    let total = tender
        .total_rounding
        .map_or(exact_total, |r| Points::new(r.apply(exact_total.value())));
    let evaluation = money_evaluation(tender, &criteria, &prices, combined.as_ref()).map(Box::new);
    Outcome::Scored {
        criteria,
        prices,
        total,
        exact_total,
        evaluation,
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
    let (q, exact) = quality::weighted_mean(tender, criteria);
    let mut calculation = tender.model.evaluation_price(price, q, tender.scale.max)?;
    calculation.rounded_at_28_digits |= !exact;
    calculation.price_terms = combined.map(|(_, terms)| terms.clone());
    Some(calculation)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::{bid, d, reference_tender};
    use crate::domain::{MissingPrice, OutOfBand};

    fn price_of<'a>(score: &'a BidScore, line: &str) -> &'a PriceEvaluation {
        match &score.outcome {
            Outcome::Scored { prices, .. } => {
                prices.iter().find(|p| &*p.line.0 == line).expect("line")
            }
            Outcome::SetAside { findings, .. } => panic!("unexpectedly set aside: {findings:?}"),
        }
    }

    fn rules(price: &PriceEvaluation) -> Vec<&'static str> {
        price.adjustments.iter().map(|a| a.rule.as_str()).collect()
    }

    #[test]
    fn bids_taken_score_as_bids_borrowed() {
        // The same bids, a duplicate CVR and a missing price among them, scored borrowed
        // and taken: the same scores in the same order.
        let tender = reference_tender();
        let mut twin = bid("twin", Some("400"), Some("1200"), "6", "6");
        let alfa = bid("alfa", Some("380"), Some("1150"), "7", "8");
        twin.cvr.clone_from(&alfa.cvr);
        let bids = vec![
            alfa,
            bid("beta", None, Some("1100"), "9", "9"),
            twin,
            bid("gamma", Some("430"), Some("1300"), "5", "4"),
        ];
        let refs: Vec<&Bid> = bids.iter().collect();
        let borrowed = score_refs(&tender, &refs);
        let taken = score_taking_into(&tender, bids.clone(), |score| score);
        assert_eq!(taken, borrowed);
        assert_eq!(taken.len(), 4);
        assert!(taken[0].bid.0 == "alfa" && taken[3].bid.0 == "gamma");
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
        assert_eq!(spor1.adjustments[0].to, Money::new(d("449")));
        assert_eq!(spor1.evaluated, Money::new(d("430")));
        assert_eq!(spor1.points.value().to_string(), "0.00");
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
        assert_eq!(spor1.evaluated, Money::new(d("370")));
        assert_eq!(spor1.points.value().to_string(), "8.00");
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
        assert_eq!(spor2.points.value().to_string(), "8.00");
    }

    #[test]
    fn prices_inside_the_band_interpolate() {
        // spor1: 8 − (400 − 370) × 8 / 60 = 8 − 4 = 4.00
        // spor2: 8 − (1150 − 1100) × 8 / 200 = 8 − 2 = 6.00
        let score = score_bid(
            &reference_tender(),
            &bid("a", Some("400"), Some("1150"), "7", "8"),
        );
        assert_eq!(price_of(&score, "spor1").points.value().to_string(), "4.00");
        assert_eq!(price_of(&score, "spor2").points.value().to_string(), "6.00");
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
        assert_eq!(spor1.points.value().to_string(), "7.87");
    }

    #[test]
    fn a_missing_price_is_set_to_the_maximum_and_earns_zero() {
        let score = score_bid(&reference_tender(), &bid("a", Some("400"), None, "7", "8"));
        let spor2 = price_of(&score, "spor2");
        assert_eq!(spor2.submitted, None);
        assert_eq!(rules(spor2), ["missing-price-set-to-maximum"]);
        assert_eq!(spor2.evaluated, Money::new(d("1300")));
        assert_eq!(spor2.points.value().to_string(), "0.00");
    }

    #[test]
    fn the_total_weighs_every_leaf_by_its_path() {
        // 0.9 × 0.65 × 7 + 0.9 × 0.35 × 8 + 0.1 × 0.5 × 4 + 0.1 × 0.5 × 6
        // = 4.095 + 2.52 + 0.2 + 0.3 = 7.115
        let score = score_bid(
            &reference_tender(),
            &bid("a", Some("400"), Some("1150"), "7", "8"),
        );
        assert_eq!(score.total(), Some(Points::new(d("7.115"))));
        let Outcome::Scored { criteria, .. } = &score.outcome else {
            panic!()
        };
        // Kvalitet: 0.65 × 7 + 0.35 × 8 = 7.35 points, 0.9 × 7.35 = 6.615 weighted.
        let kvalitet = criteria
            .iter()
            .find(|c| &*c.criterion.0 == "kvalitet")
            .unwrap();
        assert_eq!(
            (kvalitet.points.value(), kvalitet.weighted.value()),
            (d("7.35"), d("6.615"))
        );
    }

    #[test]
    fn reject_policies_reject_instead_of_correcting() {
        let mut tender = reference_tender();
        for rule in [
            &mut tender.price_rules.below_min,
            &mut tender.price_rules.above_max,
        ]
        .into_iter()
        .flatten()
        {
            rule.action = OutOfBand::Reject;
        }
        tender.price_rules.missing.action = MissingPrice::Reject;
        let below = score_bid(&tender, &bid("a", Some("365"), Some("1150"), "7", "8"));
        let above = score_bid(&tender, &bid("b", Some("400"), Some("1301"), "7", "8"));
        let missing = score_bid(&tender, &bid("c", None, Some("1150"), "7", "8"));
        let rule_of = |s: &BidScore| match &s.outcome {
            Outcome::SetAside { findings, .. } => {
                findings.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>()
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
            Outcome::SetAside { decision: Decision::Reject, findings } if findings[0].rule.as_str() == "declared-reservation"));
        assert_eq!(score.total(), None);
    }

    #[test]
    fn total_bounds_put_every_leaf_at_its_ends() {
        // max: 0.9 × 10 + 0.1 × 8 = 9.8; min: 0
        let (low, high) = crate::scoring::tree::total_bounds(&reference_tender());
        assert_eq!((low.value(), high.value().normalize()), (d("0"), d("9.8")));
    }
}
