//! The validated domain: a tender with its criteria tree, price rules and scoring model,
//! and the bids submitted to it.
//!
//! Contract: values of these types are only built by `validate`, so every invariant the
//! validator checks holds here (sibling weights sum to 100 %, minimum ≤ maximum, anchors
//! increase in price, points lie on the scale, every price and point refers to a criterion
//! of the right kind). Scoring code relies on that and never re-checks input.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use rust_decimal::Decimal;

use crate::values::{Money, Percent, Points, Rounding, RoundingMode, Share};

/// The id of a criterion, unique within its tender. Shared, not copied: every bid's
/// prices, points and scores name their criteria with the tender's own ids (a clone is a
/// reference count, not a new string per bid).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct CriterionId(pub std::sync::Arc<str>);

impl CriterionId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The id of a bid: the name of its file without `.toml`, unique within its tender.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct BidId(pub String);

impl fmt::Display for CriterionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for BidId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The language of the documents written for a tender (the memo).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum Language {
    /// Danish, the language of the procedure.
    #[default]
    Da,
    En,
}

/// A tender as published: what is bought, how bids are scored.
#[derive(Clone, Debug)]
pub struct Tender {
    pub id: String,
    /// The language of its documents (`language = "da"` or `"en"`; Danish by default).
    pub language: Language,
    /// Calendar days from the day after the award notice is sent before the contract may
    /// be signed (the standstill period); 10 unless the tender says otherwise.
    pub standstill_days: u32,
    pub title: String,
    pub authority: String,
    pub currency: String,
    /// The submission deadline as written (RFC 3339).
    pub deadline: String,
    /// The submission deadline as an instant, to compare submission times with.
    pub deadline_at: jiff::Timestamp,
    /// The calendar date of the deadline, in the deadline's own UTC offset.
    pub deadline_date: jiff::civil::Date,
    /// The tender's quality point scale; a criterion may have its own.
    pub scale: Scale,
    pub quality: QualityRules,
    /// The criteria in the order of the file; parents come before nothing in particular,
    /// so use [`Tender::children`] to walk the tree.
    pub criteria: Vec<Criterion>,
    pub price_rules: PriceRules,
    pub conformity: Conformity,
    pub model: ScoringModel,
    /// The declared tie-break: criteria whose higher weighted points decide between equal
    /// totals, in order, with the clause. Empty: ties are shared.
    pub tie_break: Rule<Vec<CriterionId>>,
    /// Where the tender rounds the total before ranking; `None`: totals are exact.
    pub total_rounding: Option<Rounding>,
    /// The authority's decisions on findings set aside for review (`decisions.toml`).
    pub decisions: Decisions,
    /// The contract the tender leads to (`[contract]`), for `payments` and `index`.
    pub contract: Option<Box<contract::Contract>>,
    /// The minimum requirements (mindstekrav) every bid must meet, in file order.
    pub requirements: Vec<Requirement>,
    /// How many suppliers are awarded and how the work is shared among them; `None`: one
    /// winner, the bid ranked first.
    pub award: Option<Rule<Award>>,
    /// The lots (delkontrakter) of the tender, in file order; empty: no lots.
    pub lots: Vec<Lot>,
    /// The lot this tender is the view of (an index into `lots`): its criteria, its bids
    /// and its award. `None` in a tender without lots.
    pub lot: Option<usize>,
    /// The most lots one bidder may be awarded, and which it keeps.
    pub lot_limit: Option<Rule<LotLimit>>,
    /// The negotiation rounds after the initial bids (`[[rounds]]`), in order: round 2
    /// first. Empty: one round, the initial bids are the final ones.
    pub rounds: Vec<Round>,
    /// The round whose bids this tender is scored with: 1 for the initial bids.
    pub round: u32,
}

/// A negotiation round after the initial bids (forhandlingsrunde): revised bids are due by
/// its deadline. Minimum requirements and award criteria are not negotiated; a change to
/// them is a rettelsesblad.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Round {
    /// 2 for the first round after the initial bids.
    pub number: u32,
    pub name: String,
    /// The deadline for the round's bids as written (RFC 3339).
    pub deadline: String,
    #[serde(skip)]
    pub deadline_at: jiff::Timestamp,
    pub source: Option<String>,
}

/// A lot (delkontrakt, udbudsloven § 49).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Lot {
    pub id: String,
    pub name: String,
    pub source: Option<String>,
}

/// The most lots one bidder may be awarded (udbudsloven § 49, stk. 2) and the declared rule
/// for which it keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LotLimit {
    pub per_bidder: u32,
    pub keep: KeepLots,
}

/// Which lots a bidder that would win too many keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeepLots {
    /// The first in the tender's order of lots.
    LotOrder,
    /// The first in the order the bid lists its lots (its priority).
    BidderPriority,
}

impl Tender {
    /// The last round, whose bids are awarded: 1 where the tender has no negotiation.
    pub fn final_round(&self) -> u32 {
        1 + u32::try_from(self.rounds.len()).unwrap_or(u32::MAX - 1)
    }

    /// A round declared by `[[rounds]]` (2, 3, ...); `None` for round 1, the initial bids.
    pub fn declared_round(&self, round: u32) -> Option<&Round> {
        self.rounds.iter().find(|r| r.number == round)
    }

    /// The deadline a bid of `round` is submitted by, as written and as an instant: the
    /// tender's deadline for the initial bids, the round's own for a later one.
    pub fn deadline_of(&self, round: u32) -> (&str, jiff::Timestamp) {
        match self.declared_round(round) {
            Some(r) => (&r.deadline, r.deadline_at),
            None => (&self.deadline, self.deadline_at),
        }
    }

    /// The lot this tender is the view of.
    pub fn current_lot(&self) -> Option<&Lot> {
        self.lot.and_then(|i| self.lots.get(i))
    }
}

/// A minimum requirement (mindstekrav) of the tender documents: not scored, met or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Requirement {
    /// Unique among the tender's requirements; bids assess it under this id.
    pub id: String,
    /// The requirement in the documents' words.
    pub text: String,
    /// The clause it stands in ("Bilag A pkt. 3.2").
    pub source: Option<String>,
    /// What a bid that does not meet it gets.
    pub unmet: Unmet,
}

/// What happens to a bid that does not meet a requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unmet {
    /// The bid is rejected (the rule of the reference tender, Bilag C.0 pkt. 1.1).
    Reject,
    /// Set aside until the authority has decided (it may ask the bidder to clarify).
    Review,
    /// The bid is read as meeting it and the bidder is bound by it (as a price outside
    /// the band is moved into it): shown, never a reason to set the bid aside.
    Correct,
}

/// How many suppliers a tender (or lot) awards, and how the work is shared among them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Award {
    /// The number of suppliers awarded: the bids ranked 1 to this.
    pub suppliers: u32,
    pub allocation: Allocation,
    /// The volume shared (220 citizens), in whole units, where the tender states one.
    pub volume: Option<u64>,
    /// What the volume counts ("borgere").
    pub unit: Option<String>,
    /// Where shares of the volume are not whole units: the units left over go one each
    /// to the suppliers in order of rank. Without it such a volume is refused.
    pub remainder_by_rank: bool,
}

impl Award {
    /// One supplier, the bid ranked first: the award of a tender that states none.
    pub fn single_supplier() -> Rule<Award> {
        Rule {
            action: Award {
                suppliers: 1,
                allocation: Allocation::Cascade,
                volume: None,
                unit: None,
                remainder_by_rank: false,
            },
            source: None,
            text: None,
        }
    }
}

/// How the work of a framework agreement is allocated among its suppliers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Allocation {
    /// In order of rank (kaskademodel): rank 1 first, the next when it cannot take it.
    Cascade,
    /// The same share to every supplier awarded.
    Equal,
    /// A declared share per place in the ranking (percent, first place first; sum 100).
    Shares(Vec<Percent>),
}

/// The authority's decisions, in the order `decisions.toml` records them, found by bid and
/// rule in O(log n): every bid's findings are looked up in them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    list: Vec<ReviewDecision>,
    /// Positions in `list`, sorted by (bid, rule).
    by_finding: Vec<usize>,
}

impl Decisions {
    /// `list` holds one decision per finding (the loader reports a second one).
    pub fn new(list: Vec<ReviewDecision>) -> Decisions {
        let mut by_finding: Vec<usize> = (0..list.len()).collect();
        by_finding.sort_by(|a, b| Self::key(&list[*a]).cmp(&Self::key(&list[*b])));
        Decisions { list, by_finding }
    }

    fn key(d: &ReviewDecision) -> (&BidId, &str) {
        (&d.bid, d.rule.as_str())
    }

    /// The decision on bid `bid`'s finding under rule `rule`, if one is recorded.
    pub fn find(&self, bid: &BidId, rule: &str) -> Option<&ReviewDecision> {
        self.by_finding
            .binary_search_by(|i| Self::key(&self.list[*i]).cmp(&(bid, rule)))
            .ok()
            .map(|at| &self.list[self.by_finding[at]])
    }

    /// Records `decision`, in place of any earlier one on the same finding.
    pub fn set(&mut self, decision: ReviewDecision) {
        let mut list = std::mem::take(&mut self.list);
        list.retain(|d| Self::key(d) != Self::key(&decision));
        list.push(decision);
        *self = Decisions::new(list);
    }
}

impl std::ops::Deref for Decisions {
    type Target = [ReviewDecision];

    fn deref(&self) -> &[ReviewDecision] {
        &self.list
    }
}

/// The authority's decision on one finding set aside for review: accepted (the finding no
/// longer sets the bid aside) or rejected (the bid is rejected for it). Recorded with who
/// decided, when and why; the bid file is never edited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReviewDecision {
    pub bid: BidId,
    /// The stable id of the finding's rule (`unclear-declaration`).
    pub rule: String,
    pub accepted: bool,
    pub by: String,
    pub date: String,
    pub reason: String,
    /// Where the decision stands: `decisions.toml:12`.
    pub place: String,
}

impl Tender {
    /// The criteria directly under `parent` (`None`: the top level), in file order.
    pub fn children(&self, parent: Option<usize>) -> impl Iterator<Item = (usize, &Criterion)> {
        self.criteria
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.parent == parent)
    }

    /// The leaves of the tree (quality criteria and price lines), depth first in file order.
    pub fn leaves(&self) -> Vec<usize> {
        let mut out = Vec::new();
        self.walk(None, &mut |index, criterion| {
            if !matches!(criterion.kind, CriterionKind::Group) {
                out.push(index);
            }
        });
        out
    }

    /// Every criterion, depth first in file order (a parent before its children).
    pub fn depth_first(&self) -> Vec<usize> {
        let mut out = Vec::new();
        self.walk(None, &mut |index, _| out.push(index));
        out
    }

    fn walk(&self, parent: Option<usize>, visit: &mut dyn FnMut(usize, &Criterion)) {
        for (index, criterion) in self.children(parent) {
            visit(index, criterion);
            self.walk(Some(index), visit);
        }
    }

    /// Where the tender combines its price lines by expected volumes: the combined "line"
    /// whose band is the sum of each band × quantity (where every line has one; and the
    /// target, where every line has one).
    pub fn evaluation_line(&self) -> Option<PriceLine> {
        let volumes = self.price_rules.volumes.as_ref()?;
        let zero = Money::new(Decimal::ZERO);
        let mut combined = PriceLine {
            unit: "evaluation price".into(),
            band: Some(PriceBand {
                min: zero,
                max: zero,
            }),
            target: Some(zero),
        };
        for c in &self.criteria {
            let (CriterionKind::Price(line), Some(q)) = (&c.kind, volumes.get(&c.id)) else {
                continue;
            };
            combined.band = combined.band.zip(line.band).map(|(sum, band)| PriceBand {
                min: sum.min + band.min.times(*q),
                max: sum.max + band.max.times(*q),
            });
            combined.target = combined
                .target
                .zip(line.target)
                .map(|(sum, t)| sum + t.times(*q));
        }
        Some(combined)
    }

    /// The point scale a quality criterion is scored on: its own, or the tender's.
    pub fn scale_of<'a>(&'a self, criterion: &'a Criterion) -> &'a Scale {
        criterion.scale.as_ref().unwrap_or(&self.scale)
    }

    /// Under a money model: the part of Q (the weighted mean of the quality points) that a
    /// criterion carries — the shares of the quality criteria at or under it over the shares
    /// of all quality criteria. `None` under other models and for price lines and groups of
    /// them, which have no part in Q. An exact quotient (28 significant digits where it does
    /// not terminate).
    pub fn share_of_quality(&self, criterion: &Criterion) -> Option<Decimal> {
        if !self.model.method.is_money() {
            return None;
        }
        let index = self.criteria.iter().position(|c| c.id == criterion.id)?;
        let quality: Vec<usize> = (0..self.criteria.len())
            .filter(|i| self.criteria[*i].kind == CriterionKind::Quality)
            .collect();
        let all: Decimal = quality
            .iter()
            .map(|i| self.criteria[*i].share.value())
            .sum();
        let under: Vec<usize> = quality
            .into_iter()
            .filter(|i| self.path(*i).contains(&index))
            .collect();
        if under.is_empty() || all.is_zero() {
            return None;
        }
        let part: Decimal = under.iter().map(|i| self.criteria[*i].share.value()).sum();
        part.checked_div(all)
    }

    /// The criterion with this id.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| &*c.id.0 == id)
    }

    /// The indexes of the criteria from the top of the tree down to `index`, inclusive.
    pub fn path(&self, index: usize) -> Vec<usize> {
        path_in(&self.criteria, index)
    }
}

/// The indexes of the criteria from the top of the tree down to `index`, inclusive. The
/// parents must form a tree (validation reports a cycle before this is called).
pub fn path_in(criteria: &[Criterion], index: usize) -> Vec<usize> {
    let mut path = vec![index];
    let mut current = criteria[index].parent;
    while let Some(parent) = current {
        path.push(parent);
        current = criteria[parent].parent;
    }
    path.reverse();
    path
}

/// Sets every criterion's share of the total: the product of the weights on its path from
/// the top (90 % × 65 % = 0.585). The one place a share is computed; exact.
pub fn set_shares(criteria: &mut [Criterion]) {
    for i in 0..criteria.len() {
        let share = path_in(criteria, i)
            .iter()
            .fold(Share::WHOLE, |share, node| share.of(criteria[*node].weight));
        criteria[i].share = share;
    }
}

/// The quality point scale the evaluators score on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Scale {
    pub min: Points,
    pub max: Points,
    /// What each step of the scale means ("10: Fremragende"), lowest first; may be empty.
    pub descriptors: Vec<Descriptor>,
}

/// The meaning of a step of a point scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Descriptor {
    pub points: Points,
    pub text: String,
}

impl Scale {
    /// Points on this scale mapped linearly onto the common scale: this minimum to its
    /// minimum, this maximum to its maximum, so a criterion weighs exactly its share of the
    /// attainable total whatever scale its evaluators use. Multiplied before the one
    /// division by this scale's width (above 0 by validation).
    pub fn onto(&self, common: &Scale, points: Points) -> Points {
        if self.min == common.min && self.max == common.max {
            return points;
        }
        let (lo, hi) = (self.min.value(), self.max.value());
        let (common_lo, common_hi) = (common.min.value(), common.max.value());
        Points::new(common_lo + (points.value() - lo) * (common_hi - common_lo) / (hi - lo))
    }

    /// The descriptor of the highest step at or below `points`.
    pub fn descriptor(&self, points: Points) -> Option<&Descriptor> {
        self.descriptors.iter().rev().find(|d| d.points <= points)
    }
}

/// Rules for the quality part: when evaluators disagree too much, and the minimum quality
/// a bid needs before its price is looked at.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct QualityRules {
    /// Flag a criterion when the evaluators' points lie further apart than this.
    pub disagreement: Option<Points>,
    /// Every quality criterion needs at least this share of its scale's maximum (in %).
    pub min_per_criterion: Option<Percent>,
    /// All quality criteria together need at least this share of their maximum (in %).
    pub min_total: Option<Percent>,
    pub source: Option<String>,
    pub text: Option<String>,
}

/// One node of the award criteria tree.
#[derive(Clone, Debug)]
pub struct Criterion {
    pub id: CriterionId,
    /// The name shown in reports; the id where the file gives none.
    pub name: String,
    pub parent: Option<usize>,
    /// The weight among its siblings.
    pub weight: Percent,
    /// The share of the total: the product of the weights from the top down to here.
    pub share: Share,
    /// The clause of the tender documents it comes from.
    pub source: Option<String>,
    pub kind: CriterionKind,
    /// A quality criterion's own point scale, where it has one.
    pub scale: Option<Scale>,
    /// The most the part of the description answering it may hold (a quality criterion or
    /// a group of them); beyond it nothing is read.
    pub length_limit: Option<Rule<LengthLimit>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CriterionKind {
    /// A criterion with sub-criteria; its points are the weighted points of its children.
    Group,
    /// Scored by the evaluators on the tender's scale.
    Quality,
    /// A price line, scored by the tender's scoring model.
    Price(PriceLine),
}

/// A price line: the unit priced and, where the tender sets one, the allowed price band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriceLine {
    pub unit: String,
    /// The band of allowed prices; `None` where neither the model nor a price rule uses one
    /// (relative and money models need none).
    pub band: Option<PriceBand>,
    /// The target price that target-relative anchors refer to, where the tender sets one.
    pub target: Option<Money>,
}

/// The lowest and highest price allowed on a price line; the minimum below the maximum.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PriceBand {
    pub min: Money,
    pub max: Money,
}

/// A rule of the tender with the clause it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule<A> {
    pub action: A,
    /// The clause reference ("Bilag B pkt. 1.2.1").
    pub source: Option<String>,
    /// The clause's own words, quoted for legal review.
    pub text: Option<String>,
}

/// How a price as written becomes the evaluated price (Bilag B pkt. 1.2.1 in the
/// reference tender).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceRules {
    /// How a price with øre becomes whole kroner; `None` keeps the øre.
    pub whole_kroner: Rule<Option<RoundingMode>>,
    /// Where some price line has a band (and only then): a price below its minimum.
    pub below_min: Option<Rule<OutOfBand>>,
    /// Where some price line has a band (and only then): a price above its maximum.
    pub above_max: Option<Rule<OutOfBand>>,
    pub missing: Rule<MissingPrice>,
    /// Expected quantities by price line: when given, the evaluation price is the sum of
    /// evaluated price × quantity, scored as one price.
    pub volumes: Option<BTreeMap<CriterionId, Decimal>>,
    /// When a price is so low that the authority must ask the bidder to explain it
    /// (udbudsloven § 169); never a rejection by itself.
    pub abnormally_low: Option<AbnormallyLow>,
}

/// The tests of an abnormally low price, per price line among the bids otherwise scored;
/// a price that fails one is set aside for review until the authority has decided on the
/// bidder's explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AbnormallyLow {
    /// More than this many percent below the mean of the other bids' evaluated prices.
    pub below_mean_of_others: Option<Percent>,
    /// The lowest price more than this many percent below the next lowest.
    pub below_next_lowest: Option<Percent>,
    pub source: Option<String>,
    pub text: Option<String>,
}

/// What happens to a price outside the band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutOfBand {
    /// Moved to the nearest end of the band; the bidder is bound by it.
    Clamp,
    /// The bid is rejected.
    Reject,
}

/// What happens when a bid gives no price for a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MissingPrice {
    /// The maximum price of the line is used.
    Max,
    /// The bid is rejected.
    Reject,
}

/// What a conformity rule does to a bid that breaks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    /// Set aside for review: not ranked until the authority has resolved it (it may seek
    /// clarification from the bidder).
    Review,
    /// Rejected as non-compliant (ukonditionelt).
    Reject,
}

/// Conformity rules: when a bid is set aside instead of scored. A rule the tender does not
/// state is not applied.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Conformity {
    /// The JA box is ticked: the bid declares a reservation (and is not read).
    pub declared_reservation: Option<Rule<Decision>>,
    /// The evaluators found a reservation although NEJ was ticked.
    pub found_reservation: Option<Rule<Decision>>,
    /// A reservation about which citizens the supplier accepts.
    pub citizen_reservation: Option<Rule<Decision>>,
    /// More than one solution description.
    pub alternative_bid: Option<Rule<Decision>>,
    /// Submitted after the deadline.
    pub late_bid: Option<Rule<Decision>>,
    /// Neither or both boxes of the declaration ticked.
    pub unclear_declaration: Option<Rule<Decision>>,
    /// The most the quality description may hold; beyond it nothing is read.
    pub length_limit: Option<Rule<LengthLimit>>,
}

/// A length limit of the quality description in pages of a fixed number of characters;
/// the pages may be fractional (Odense's 23,5 pages).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LengthLimit {
    /// Above 0, at most 2 decimals.
    pub pages: Decimal,
    pub characters_per_page: u64,
}

impl LengthLimit {
    /// The limit in characters: pages × characters per page, rounded down where the
    /// product has a fraction (no part of a character can be written). Validation keeps
    /// the product far within `u64`; saturating all the same, so no limit ever wraps.
    pub fn characters(self) -> u64 {
        use rust_decimal::prelude::ToPrimitive;
        self.pages
            .checked_mul(Decimal::from(self.characters_per_page))
            .and_then(|c| c.floor().to_u64())
            .unwrap_or(u64::MAX)
    }
}

mod bid;
pub mod calendar;
pub mod contract;
#[cfg(test)]
pub(crate) mod fixture;
mod model;
mod rettelsesblad;
mod rule_id;

pub use bid::{
    Assessment, Bid, Declaration, EarlierBid, FieldLines, FoundReservation, Panel, ReservationAbout,
};
pub use model::{Anchor, AnchorPrice, METHODS, Method, ScoringModel};
pub use rettelsesblad::{Change, ChangeKind, Rettelsesblad};
pub use rule_id::RuleId;
