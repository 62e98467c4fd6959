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

use crate::model::Method;
use crate::units::{Money, Percent, Points, Rounding, RoundingMode, Share};

/// The id of a criterion, unique within its tender.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct CriterionId(pub String);

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

/// A tender as published: what is bought, how bids are scored.
#[derive(Clone, Debug)]
pub struct Tender {
    pub id: String,
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
    /// whose band is the sum of each band × quantity (and target, where every line has one).
    pub fn evaluation_line(&self) -> Option<PriceLine> {
        let volumes = self.price_rules.volumes.as_ref()?;
        let mut combined = PriceLine {
            unit: "evaluation price".into(),
            min: Money(Decimal::ZERO),
            max: Money(Decimal::ZERO),
            target: Some(Money(Decimal::ZERO)),
        };
        for c in &self.criteria {
            let (CriterionKind::Price(line), Some(q)) = (&c.kind, volumes.get(&c.id)) else {
                continue;
            };
            combined.min.0 += line.min.0 * q;
            combined.max.0 += line.max.0 * q;
            combined.target = combined
                .target
                .zip(line.target)
                .map(|(sum, t)| Money(sum.0 + t.0 * q));
        }
        Some(combined)
    }

    /// The point scale a quality criterion is scored on: its own, or the tender's.
    pub fn scale_of<'a>(&'a self, criterion: &'a Criterion) -> &'a Scale {
        criterion.scale.as_ref().unwrap_or(&self.scale)
    }

    /// The criterion with this id.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id.0 == id)
    }

    /// The ids of the criteria from the top of the tree down to `index`, inclusive.
    pub fn path(&self, index: usize) -> Vec<usize> {
        let mut path = vec![index];
        let mut current = self.criteria[index].parent;
        while let Some(parent) = current {
            path.push(parent);
            current = self.criteria[parent].parent;
        }
        path.reverse();
        path
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

/// A price line: the unit priced and the allowed price band.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriceLine {
    pub unit: String,
    pub min: Money,
    pub max: Money,
    /// The target price that target-relative anchors refer to, where the tender sets one.
    pub target: Option<Money>,
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
    pub below_min: Rule<OutOfBand>,
    pub above_max: Rule<OutOfBand>,
    pub missing: Rule<MissingPrice>,
    /// Expected quantities by price line: when given, the evaluation price is the sum of
    /// evaluated price × quantity, scored as one price.
    pub volumes: Option<BTreeMap<CriterionId, Decimal>>,
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

/// A length limit of the quality description in pages of a fixed number of characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LengthLimit {
    pub pages: u64,
    pub characters_per_page: u64,
}

impl LengthLimit {
    pub fn characters(self) -> u64 {
        self.pages * self.characters_per_page
    }
}

/// A named scoring model turning an evaluated price into points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoringModel {
    pub name: String,
    pub title: String,
    pub source: Option<String>,
    pub method: Method,
    /// How the calculated points are rounded.
    pub rounding: Rounding,
}

/// An anchor's price: one end of the price line's band, the line's target price moved by
/// a percentage, or a fixed amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorPrice {
    Min,
    Max,
    /// The target price plus this many percent (−5 for target − 5 %).
    Target(Decimal),
    Fixed(Money),
}

impl AnchorPrice {
    /// The amount this anchor stands for on a given price line. Validation guarantees
    /// that every line scored by a target-relative model has a target.
    pub fn on(self, line: &PriceLine) -> Money {
        match self {
            AnchorPrice::Min => line.min,
            AnchorPrice::Max => line.max,
            AnchorPrice::Target(percent) => {
                let target = line.target.unwrap_or(line.max);
                Money(target.0 + target.0 * percent / Decimal::ONE_HUNDRED)
            }
            AnchorPrice::Fixed(amount) => amount,
        }
    }
}

impl fmt::Display for AnchorPrice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnchorPrice::Min => f.write_str("min"),
            AnchorPrice::Max => f.write_str("max"),
            AnchorPrice::Target(p) if p.is_zero() => f.write_str("target"),
            AnchorPrice::Target(p) if p.is_sign_negative() => write!(f, "target{}%", p.normalize()),
            AnchorPrice::Target(p) => write!(f, "target+{}%", p.normalize()),
            AnchorPrice::Fixed(amount) => amount.fmt(f),
        }
    }
}

/// The reservation declaration box of the bid form ("Har Tilbudsgiver forbehold?").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Declaration {
    /// NEJ ticked: no reservation declared.
    No,
    /// JA ticked: a reservation is declared.
    Yes,
    /// Both boxes ticked: the declaration is ambiguous.
    Both,
    /// Neither box ticked: the declaration is missing.
    Neither,
}

impl Declaration {
    pub fn name(self) -> &'static str {
        match self {
            Declaration::No => "no",
            Declaration::Yes => "yes",
            Declaration::Both => "both",
            Declaration::Neither => "neither",
        }
    }
}

/// What a reservation found by the evaluators is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReservationAbout {
    /// Any term of the tender documents.
    Terms,
    /// Which citizens the supplier will accept.
    Citizens,
}

/// A reservation the evaluators found while reading a bid, as they recorded it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundReservation {
    pub about: ReservationAbout,
    /// The bid's own words.
    pub text: String,
    /// Where it stands in the bid (page, section).
    pub location: String,
    /// The clause of the tender documents it deviates from.
    pub deviates_from: String,
    /// The line of the bid file where it is recorded.
    pub line: usize,
}

/// The individual evaluators' points on one criterion, and why the consensus differs from
/// their mean where it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Panel {
    /// (evaluator, points), in the order of the file.
    pub evaluators: Vec<(String, Points)>,
    pub reason: Option<String>,
    /// The line of the panel in the bid file.
    pub line: usize,
}

impl Panel {
    /// The exact mean of the evaluators' points.
    pub fn mean(&self) -> Points {
        let sum: Points = self.evaluators.iter().map(|(_, p)| *p).sum();
        Points(sum.0 / Decimal::from(self.evaluators.len().max(1)))
    }

    /// The distance between the highest and the lowest evaluator.
    pub fn spread(&self) -> Points {
        let points = self.evaluators.iter().map(|(_, p)| *p);
        Points(points.clone().max().unwrap_or_default().0 - points.min().unwrap_or_default().0)
    }
}

/// A bid as submitted, with the evaluators' quality points.
#[derive(Clone, Debug)]
pub struct Bid {
    pub id: BidId,
    /// The bid file's path as shown in reports, relative to the tender folder.
    pub file: String,
    pub bidder: String,
    pub cvr: String,
    /// The time of submission as written (RFC 3339).
    pub submitted: String,
    pub submitted_at: jiff::Timestamp,
    pub declaration: Declaration,
    /// Reservations the evaluators found while reading.
    pub reservations_found: Vec<FoundReservation>,
    /// The number of solution descriptions submitted (more than one: an alternative bid).
    pub solution_descriptions: u64,
    /// The characters of the quality description, spaces included, where counted.
    pub quality_characters: Option<u64>,
    /// The line of each field in the bid file (`reservation`, `submitted`, `prices.spor1`,
    /// ...), for evidence.
    pub lines: BTreeMap<String, usize>,
    /// The prices as written in the bid, by price line id; a missing line is absent.
    pub prices: BTreeMap<CriterionId, Money>,
    /// The evaluators' (consensus) points by quality criterion id.
    pub points: BTreeMap<CriterionId, Points>,
    /// The individual evaluators' points behind the consensus, where recorded.
    pub panels: BTreeMap<CriterionId, Panel>,
}

/// The reference tender built in code, for unit tests of the pure core.
#[cfg(test)]
pub(crate) mod fixture {
    use super::*;
    pub fn d(text: &str) -> Decimal {
        text.parse().expect("test decimal")
    }

    fn rule<A>(action: A) -> Rule<A> {
        Rule {
            action,
            source: Some("Bilag B pkt. 1.2.1".into()),
            text: None,
        }
    }

    fn criterion(id: &str, parent: Option<usize>, weight: &str, kind: CriterionKind) -> Criterion {
        Criterion {
            id: CriterionId(id.into()),
            name: id.into(),
            parent,
            weight: Percent(d(weight)),
            share: Share::WHOLE,
            source: None,
            kind,
            scale: None,
        }
    }

    fn line(min: &str, max: &str) -> CriterionKind {
        CriterionKind::Price(PriceLine {
            unit: "unit".into(),
            min: Money(d(min)),
            max: Money(d(max)),
            target: None,
        })
    }

    /// Kvalitet 90 % (indsats 65 %, samarbejde 35 %), pris 10 % (spor1 370–430 and spor2
    /// 1100–1300, 50 % each); øre up, clamping, missing → max; 8 points at min, 0 at max.
    pub fn reference_tender() -> Tender {
        let mut criteria = vec![
            criterion("kvalitet", None, "90", CriterionKind::Group),
            criterion("indsats", Some(0), "65", CriterionKind::Quality),
            criterion("samarbejde", Some(0), "35", CriterionKind::Quality),
            criterion("pris", None, "10", CriterionKind::Group),
            criterion("spor1", Some(3), "50", line("370", "430")),
            criterion("spor2", Some(3), "50", line("1100", "1300")),
        ];
        for i in 0..criteria.len() {
            let parent_share = criteria[i]
                .parent
                .map_or(Share::WHOLE, |p| criteria[p].share);
            criteria[i].share = parent_share.of(criteria[i].weight);
        }
        Tender {
            id: "test".into(),
            title: "test".into(),
            authority: "test".into(),
            currency: "DKK".into(),
            deadline: "2023-10-02T12:00:00+02:00".into(),
            deadline_at: "2023-10-02T12:00:00+02:00".parse().expect("deadline"),
            deadline_date: jiff::civil::date(2023, 10, 2),
            scale: Scale {
                min: Points(d("0")),
                max: Points(d("10")),
                descriptors: Vec::new(),
            },
            quality: QualityRules::default(),
            criteria,
            price_rules: PriceRules {
                whole_kroner: rule(Some(RoundingMode::Up)),
                below_min: rule(OutOfBand::Clamp),
                above_max: rule(OutOfBand::Clamp),
                missing: rule(MissingPrice::Max),
                volumes: None,
            },
            conformity: Conformity {
                declared_reservation: Some(rule(Decision::Reject)),
                found_reservation: Some(rule(Decision::Reject)),
                citizen_reservation: Some(rule(Decision::Reject)),
                alternative_bid: Some(rule(Decision::Reject)),
                late_bid: Some(rule(Decision::Reject)),
                unclear_declaration: Some(rule(Decision::Review)),
                length_limit: Some(rule(LengthLimit {
                    pages: 20,
                    characters_per_page: 2400,
                })),
            },
            model: ScoringModel {
                name: "kk-minmax-8".into(),
                title: "test".into(),
                source: None,
                method: crate::model::Method::Anchors(vec![
                    crate::model::Anchor {
                        price: AnchorPrice::Min,
                        points: Points(d("8")),
                    },
                    crate::model::Anchor {
                        price: AnchorPrice::Max,
                        points: Points(d("0")),
                    },
                ]),
                rounding: Rounding {
                    decimals: 2,
                    mode: RoundingMode::HalfUp,
                },
            },
            tie_break: rule(Vec::new()),
            total_rounding: None,
        }
    }

    /// A compliant bid with the given prices (`None`: missing) and quality points.
    pub fn bid(
        id: &str,
        spor1: Option<&str>,
        spor2: Option<&str>,
        indsats: &str,
        samarbejde: &str,
    ) -> Bid {
        let mut prices = BTreeMap::new();
        for (line, price) in [("spor1", spor1), ("spor2", spor2)] {
            if let Some(price) = price {
                prices.insert(CriterionId(line.into()), Money(d(price)));
            }
        }
        let points = BTreeMap::from([
            (CriterionId("indsats".into()), Points(d(indsats))),
            (CriterionId("samarbejde".into()), Points(d(samarbejde))),
        ]);
        Bid {
            id: BidId(id.into()),
            file: format!("bids/{id}.toml"),
            bidder: id.into(),
            cvr: "12345678".into(),
            submitted: "2023-10-01T12:00:00+02:00".into(),
            submitted_at: "2023-10-01T12:00:00+02:00".parse().expect("submitted"),
            declaration: Declaration::No,
            reservations_found: Vec::new(),
            solution_descriptions: 1,
            quality_characters: None,
            lines: BTreeMap::new(),
            prices,
            points,
            panels: BTreeMap::new(),
        }
    }
}

/// A rettelsesblad (erratum): numbered, dated changes that rank above the tender
/// conditions and apply in number order (contract pkt. 2.1.1 of the reference tender).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rettelsesblad {
    pub number: u32,
    pub date: jiff::civil::Date,
    pub title: String,
    pub reference: String,
    /// The file, relative to the tender folder.
    pub file: String,
    pub changes: Vec<Change>,
}

/// One change of a rettelsesblad.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The readable path: `criteria.spor1.max`, `prices.below_min.rule`,
    /// `model.anchors.1.points`, ...
    pub path: String,
    /// The new value as written in the rettelsesblad (TOML).
    pub value: String,
    pub reason: Option<String>,
    /// Where the change stands, for diagnostics: file id and the span of its path.
    pub file: usize,
    pub span: std::ops::Range<usize>,
    pub line: usize,
}

impl Change {
    /// A change to the scoring model rather than the tender file.
    pub fn model_path(&self) -> Option<&str> {
        self.path.strip_prefix("model.")
    }

    /// Whether the change alters how bids are evaluated (weights, price bands, price rules,
    /// the model or the scale), as opposed to texts, clauses or the deadline.
    pub fn changes_evaluation(&self) -> bool {
        let p = self.path.as_str();
        self.model_path().is_some()
            || p.starts_with("prices.")
            || p.starts_with("scale.")
            || (p.starts_with("criteria.")
                && [".weight", ".min", ".max", ".kind", ".parent"]
                    .iter()
                    .any(|end| p.ends_with(end)))
    }
}
