//! A bid: its declaration, times and counts, its prices and the evaluators' points,
//! checked against the tender's price lines and quality criteria.

use std::collections::{BTreeMap, BTreeSet};

use litemap::LiteMap;
use toml::Spanned;

use crate::domain::{
    Assessment, Bid, BidId, CriterionId, CriterionKind, Declaration, FieldLines, FoundReservation,
    Panel, ReservationAbout, Scale, Tender,
};
use crate::input::diag::{Code, Diagnostic, FileId, Sources};
use crate::input::raw::{Num, RawBid};
use crate::values::{Money, Points};

use super::checker::{Checker, MONEY, POINTS, shorten};

/// What of a tender a bid is validated against, and nothing else: each criterion's id,
/// place in the tree, kind (not a price line's band) and scale, the tender's own scale, and
/// the ids of its requirements and lots. Two versions of a tender with equal terms find
/// the same in every bid, so the bids of a version can stand in the next where a
/// rettelsesblad changes none of these (a band, a weight, the model's rounding).
#[derive(Debug, PartialEq)]
pub struct BidTerms<'a> {
    criteria: Vec<TermCriterion<'a>>,
    /// The points of a key that names no criterion are checked on this scale.
    scale: ScaleBounds,
    requirements: Vec<&'a str>,
    lots: Vec<&'a str>,
}

#[derive(Debug, PartialEq)]
struct TermCriterion<'a> {
    /// The tender's own id, shared by every bid that names it.
    id: &'a CriterionId,
    parent: Option<usize>,
    kind: Kind,
    scale: ScaleBounds,
}

/// A criterion's kind as validation sees it: a price line's unit and band are for scoring.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Group,
    Quality,
    Price,
}

/// The lowest and highest points of a scale (its descriptors are for reports).
#[derive(Debug, PartialEq)]
struct ScaleBounds {
    min: Points,
    max: Points,
}

impl ScaleBounds {
    fn of(scale: &Scale) -> ScaleBounds {
        ScaleBounds {
            min: scale.min,
            max: scale.max,
        }
    }
}

impl<'a> BidTerms<'a> {
    pub fn of(tender: &'a Tender) -> BidTerms<'a> {
        BidTerms {
            criteria: tender
                .criteria
                .iter()
                .map(|c| TermCriterion {
                    id: &c.id,
                    parent: c.parent,
                    kind: match c.kind {
                        CriterionKind::Group => Kind::Group,
                        CriterionKind::Quality => Kind::Quality,
                        CriterionKind::Price(_) => Kind::Price,
                    },
                    scale: ScaleBounds::of(tender.scale_of(c)),
                })
                .collect(),
            scale: ScaleBounds::of(&tender.scale),
            requirements: tender.requirements.iter().map(|r| r.id.as_str()).collect(),
            lots: tender.lots.iter().map(|l| l.id.as_str()).collect(),
        }
    }

    fn criterion(&self, id: &str) -> Option<&TermCriterion<'a>> {
        self.criteria.iter().find(|c| c.id.as_str() == id)
    }
}

/// Validates a bid against its tender's terms. Without a tender (when the tender itself has
/// problems) only what the bid says on its own is checked — its declaration, CVR number,
/// times and numbers — so those problems are reported in the same run; no bid is returned.
///
/// Returns the bid as far as it is valid, even where some field is not (the caller keeps
/// it only when this file added no diagnostic), with the diagnostics of the quality points
/// it lacks, which are not pushed: whether they are problems depends on whether the bid's
/// quality is read, and that is for the scoring rules to say (`evaluate::load` asks them),
/// not validation.
pub fn bid(
    sources: &Sources,
    file: FileId,
    id: BidId,
    raw: &RawBid,
    tender: Option<&BidTerms<'_>>,
    elsewhere_ids: &BTreeSet<String>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Bid, Vec<Diagnostic>)> {
    let mut check = Checker::new(sources, file, diagnostics);
    let elsewhere = &Elsewhere {
        ids: elsewhere_ids,
        tender,
    };
    let facts = facts(&mut check, raw);
    let lines = field_lines(&check, raw, tender);
    let (price_lines, quality) = match tender {
        Some(t) => (Some(ids_of(t, true)), Some(ids_of(t, false))),
        None => (None, None),
    };
    let prices = prices(&mut check, raw, tender, price_lines.as_deref(), elsewhere);
    let criterion_characters = criterion_characters(&mut check, raw, tender, elsewhere);
    let points = points(&mut check, raw, tender, quality.as_deref(), elsewhere);
    let panels = panels(
        &mut check,
        raw,
        tender,
        quality.as_deref(),
        &points,
        elsewhere,
    );
    let requirements = requirements(&mut check, raw, tender, elsewhere);
    let lots = lots(&mut check, raw, tender);
    let (tender, quality) = (tender?, quality?);
    let facts = facts?;
    // The bid is built from what is valid even when some field is not, so that missing
    // points are reported in the same run as the other problems.
    let bid = Bid {
        file: format!("bids/{id}.toml"),
        id,
        bidder: raw.bidder.get_ref().clone(),
        cvr: raw.cvr.get_ref().clone(),
        submitted: facts.submitted.0,
        submitted_at: facts.submitted.1,
        declaration: facts.declaration,
        declaration_written: raw.reservation.get_ref().clone(),
        reservations_found: facts.reservations_found,
        solution_descriptions: facts.solution_descriptions,
        quality_characters: facts.quality_characters,
        criterion_characters,
        lines,
        prices,
        points,
        panels,
        requirements,
        lots,
        round: 1,
        earlier: Vec::new(),
    };
    let mut missing = missing_points(&check, raw, &quality);
    missing.extend(missing_assessments(&check, raw, tender));
    Some((bid, missing))
}

/// What a bid says of itself, apart from prices and points.
struct Facts {
    declaration: Declaration,
    /// As written (RFC 3339), and as an instant.
    submitted: (String, jiff::Timestamp),
    solution_descriptions: u64,
    quality_characters: Option<u64>,
    reservations_found: Vec<FoundReservation>,
}

/// The declaration, times, counts, reservations found and CVR number; `None` when any is
/// invalid (each problem reported).
fn facts(check: &mut Checker<'_>, raw: &RawBid) -> Option<Facts> {
    let declaration = check.choice(
        &raw.reservation,
        "reservation",
        &[
            ("no", Declaration::No),
            ("yes", Declaration::Yes),
            ("both", Declaration::Both),
            ("neither", Declaration::Neither),
            // The words of the Danish bid form.
            ("nej", Declaration::No),
            ("ja", Declaration::Yes),
            ("begge", Declaration::Both),
            ("ingen", Declaration::Neither),
        ],
    );
    let submitted = check.instant_written(&raw.submitted, "submitted");
    let solution_descriptions = match &raw.solution_descriptions {
        Some(n) => check.whole(n, "solution_descriptions", 1),
        None => Some(1),
    };
    let quality_characters = match &raw.quality_characters {
        Some(n) => check.whole(n, "quality_characters", 0).map(Some),
        None => Some(None),
    };
    let mut reservations_found = Vec::new();
    for (i, found) in raw.reservations_found.iter().enumerate() {
        let about = check.choice(
            &found.get_ref().about,
            &format!("reservations_found[{i}].about"),
            &[
                ("terms", ReservationAbout::Terms),
                ("citizens", ReservationAbout::Citizens),
            ],
        );
        if let Some(about) = about {
            let r = found.get_ref();
            reservations_found.push(FoundReservation {
                about,
                text: r.text.clone(),
                location: r.location.clone(),
                deviates_from: r.deviates_from.clone(),
                line: check.line(found.span().start),
            });
        }
    }
    let cvr = raw.cvr.get_ref();
    if cvr.len() != 8 || !cvr.bytes().all(|b| b.is_ascii_digit()) {
        check.report(
            Code::BadValue,
            raw.cvr.span(),
            "cvr",
            format!("CVR number \"{}\" is not 8 digits", shorten(cvr)),
            "write the bidder's CVR number as 8 digits in quotes, e.g. cvr = \"12345678\"".into(),
        );
    }
    Some(Facts {
        declaration: declaration?,
        submitted: submitted?,
        solution_descriptions: solution_descriptions?,
        quality_characters: quality_characters?,
        reservations_found,
    })
}

/// The line of each field in the bid file, for the evidence of findings.
fn field_lines(check: &Checker<'_>, raw: &RawBid, tender: Option<&BidTerms<'_>>) -> FieldLines {
    let mut lines = FieldLines::default();
    for (field, start) in [
        ("bidder", Some(raw.bidder.span().start)),
        ("cvr", Some(raw.cvr.span().start)),
        ("reservation", Some(raw.reservation.span().start)),
        ("submitted", Some(raw.submitted.span().start)),
        (
            "solution_descriptions",
            raw.solution_descriptions.as_ref().map(|v| v.span().start),
        ),
        (
            "quality_characters",
            raw.quality_characters.as_ref().map(|v| v.span().start),
        ),
    ] {
        if let Some(start) = start {
            lines.set(field, check.line(start));
        }
    }
    let tables = [
        ("criterion_characters", raw.criterion_characters.keys()),
        ("prices", raw.prices.keys()),
        ("points", raw.points.keys()),
    ];
    for (table, keys) in tables {
        for key in keys {
            lines.set_entry(
                table,
                id_in(tender, key.get_ref()),
                check.line(key.span().start),
            );
        }
    }
    lines
}

/// The tender's own id of the criterion a bid names (shared, not copied into every bid),
/// or a new one while the tender is unknown or does not have it.
fn id_in(tender: Option<&BidTerms<'_>>, key: &str) -> CriterionId {
    tender
        .and_then(|t| t.criterion(key))
        .map_or_else(|| CriterionId(key.into()), |c| c.id.clone())
}

/// The ids of the tender's price lines (`price`) or quality criteria.
fn ids_of<'a>(tender: &BidTerms<'a>, price: bool) -> Vec<&'a str> {
    let kind = if price { Kind::Price } else { Kind::Quality };
    tender
        .criteria
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.id.as_str())
        .collect()
}

/// The characters of the description answering each criterion: of a quality criterion or
/// a group with one below it (any criterion, while the tender is unknown), a whole number.
fn criterion_characters(
    check: &mut Checker<'_>,
    raw: &RawBid,
    tender: Option<&BidTerms<'_>>,
    elsewhere: &Elsewhere<'_>,
) -> BTreeMap<CriterionId, u64> {
    let described: Option<Vec<&str>> = tender.map(|t| {
        let mut described = vec![false; t.criteria.len()];
        for (i, c) in t.criteria.iter().enumerate() {
            if c.kind == Kind::Quality {
                let mut at = Some(i);
                while let Some(j) = at.filter(|j| !described[*j]) {
                    described[j] = true;
                    at = t.criteria[j].parent;
                }
            }
        }
        t.criteria
            .iter()
            .zip(described)
            .filter(|(_, d)| *d)
            .map(|(c, _)| c.id.as_str())
            .collect()
    });
    let mut characters = BTreeMap::new();
    for (key, value) in &raw.criterion_characters {
        let field = format!("criterion_characters.{}", key.get_ref());
        if let Some(known) = &described
            && !known_here(
                check,
                key,
                known,
                elsewhere,
                Code::UnknownCriterion,
                &field,
                ("quality criterion", "quality criteria"),
            )
        {
            continue;
        }
        if let Some(n) = check.whole(value, &field, 0) {
            characters.insert(id_in(tender, key.get_ref()), n);
        }
    }
    characters
}

/// The prices as written, each of a known price line and not negative.
fn prices(
    check: &mut Checker<'_>,
    raw: &RawBid,
    tender: Option<&BidTerms<'_>>,
    price_lines: Option<&[&str]>,
    elsewhere: &Elsewhere<'_>,
) -> LiteMap<CriterionId, Money> {
    let mut prices = LiteMap::new();
    for (key, value) in &raw.prices {
        let field = format!("prices.{}", key.get_ref());
        if let Some(lines) = price_lines
            && !known_here(
                check,
                key,
                lines,
                elsewhere,
                Code::UnknownPriceLine,
                &field,
                ("price line", "price lines"),
            )
        {
            continue;
        }
        if let Some(amount) = check.limited(value, &field, MONEY) {
            if amount.is_sign_negative() {
                check.report(
                    Code::NegativePrice,
                    value.span(),
                    &field,
                    format!("price {amount} is negative"),
                    "write the price as given in the bid; a price cannot be below 0".into(),
                );
            } else {
                prices.insert(id_in(tender, key.get_ref()), Money::new(amount));
            }
        }
    }
    prices
}

/// The consensus points, each of a known quality criterion and on its scale.
fn points(
    check: &mut Checker<'_>,
    raw: &RawBid,
    tender: Option<&BidTerms<'_>>,
    quality: Option<&[&str]>,
    elsewhere: &Elsewhere<'_>,
) -> LiteMap<CriterionId, Points> {
    let mut points = LiteMap::new();
    for (key, value) in &raw.points {
        let field = format!("points.{}", key.get_ref());
        if !known_quality(check, key, quality, elsewhere, &field) {
            continue;
        }
        if let Some(p) = on_scale(check, tender, key.get_ref(), value, &field) {
            points.insert(id_in(tender, key.get_ref()), p);
        }
    }
    points
}

/// The individual evaluators' points; where their mean is not the consensus, the file must
/// say why, so the record of the evaluation is complete.
fn panels(
    check: &mut Checker<'_>,
    raw: &RawBid,
    tender: Option<&BidTerms<'_>>,
    quality: Option<&[&str]>,
    points: &LiteMap<CriterionId, Points>,
    elsewhere: &Elsewhere<'_>,
) -> BTreeMap<CriterionId, Panel> {
    let mut panels = BTreeMap::new();
    for (key, raw_panel) in &raw.evaluators {
        let field = format!("evaluators.{}", key.get_ref());
        if !known_quality(check, key, quality, elsewhere, &field) {
            continue;
        }
        let mut evaluators = Vec::new();
        for (name, value) in raw_panel.points.get_ref() {
            let name_field = format!("{field}.points.{}", name.get_ref());
            if let Some(p) = on_scale(check, tender, key.get_ref(), value, &name_field) {
                evaluators.push((name.get_ref().clone(), p));
            }
        }
        if raw_panel.points.get_ref().is_empty() {
            check.report(
                Code::Shape,
                raw_panel.points.span(),
                &format!("{field}.points"),
                "the panel lists no evaluators".into(),
                "give each evaluator's points, e.g. points = { anna = 7, bo = 8 }".into(),
            );
            continue;
        }
        let panel = Panel {
            evaluators,
            reason: raw_panel.reason.clone(),
            line: check.line(key.span().start),
        };
        let id = id_in(tender, key.get_ref());
        if let Some(consensus) = points.get(&id)
            && panel.evaluators.len() == raw_panel.points.get_ref().len()
            && panel.mean().value() != consensus.value()
            && panel.reason.as_deref().is_none_or(|r| r.trim().is_empty())
        {
            check.report(Code::MissingReason, key.span(), &format!("{field}.reason"),
                format!("the consensus {} points on `{}` differs from the evaluators' mean {}, and no reason is given",
                    consensus, key.get_ref(), panel.mean().value().normalize()),
                "add reason = \"...\" to the panel: why the evaluators agreed on the consensus".into());
        }
        panels.insert(id, panel);
    }
    panels
}

/// The assessment of each requirement: of a requirement the tender has (always, while the
/// tender is unknown), with evidence where it is not met.
fn requirements(
    check: &mut Checker<'_>,
    raw: &RawBid,
    tender: Option<&BidTerms<'_>>,
    elsewhere: &Elsewhere<'_>,
) -> BTreeMap<String, Assessment> {
    let known: Option<Vec<&str>> = tender.map(|t| t.requirements.clone());
    let mut out = BTreeMap::new();
    for (key, value) in &raw.requirements {
        let field = format!("requirements.{}", key.get_ref());
        if let Some(known) = &known
            && !known_here(
                check,
                key,
                known,
                elsewhere,
                Code::UnknownRequirement,
                &field,
                ("requirement", "requirements"),
            )
        {
            continue;
        }
        let assessment = value.get_ref();
        let evidence = assessment
            .evidence
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty());
        if !assessment.met && evidence.is_none() {
            check.report(
                Code::BadValue,
                value.span(),
                &format!("{field}.evidence"),
                format!(
                    "requirement `{}` is not met, and no evidence is given",
                    shorten(key.get_ref())
                ),
                "add evidence = \"...\": where the bid falls short (page, section, its own words)"
                    .into(),
            );
            continue;
        }
        out.insert(
            key.get_ref().clone(),
            Assessment {
                met: assessment.met,
                evidence: evidence.map(str::to_string),
                line: check.line(key.span().start),
            },
        );
    }
    out
}

/// The lots a bid covers: required in a tender with lots, each a lot of the tender, none
/// twice; refused in a tender without lots.
fn lots(check: &mut Checker<'_>, raw: &RawBid, tender: Option<&BidTerms<'_>>) -> Vec<String> {
    let Some(tender) = tender else {
        return Vec::new();
    };
    let known = &tender.lots;
    let Some(lots) = &raw.lots else {
        if !known.is_empty() {
            check.report(
                Code::Shape,
                raw.bidder.span(),
                "lots",
                "the tender has lots, and the bid does not say which it covers".into(),
                format!(
                    "add lots = [...] with the lots the bid covers, in the bidder's order of priority: {}",
                    super::checker::quoted(known)
                ),
            );
        }
        return Vec::new();
    };
    if known.is_empty() {
        check.report(
            Code::BadValue,
            lots.span(),
            "lots",
            "the bid names lots, and the tender has none".into(),
            "remove `lots` from the bid".into(),
        );
        return Vec::new();
    }
    if lots.get_ref().is_empty() {
        check.report(
            Code::BadValue,
            lots.span(),
            "lots",
            "`lots = []` covers no lot, so the bid would be in no lot's ranking".into(),
            format!(
                "name the lots the bid covers, in the bidder's order of priority: {}",
                super::checker::quoted(known)
            ),
        );
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for lot in lots.get_ref() {
        if !check.known(lot, known, Code::BadValue, "lots", ("lot", "lots")) {
            continue;
        }
        if out.contains(lot.get_ref()) {
            check.report(
                Code::BadValue,
                lot.span(),
                "lots",
                format!("lot `{}` is named twice", lot.get_ref()),
                "name each lot the bid covers once".into(),
            );
            continue;
        }
        out.push(lot.get_ref().clone());
    }
    out
}

/// A diagnostic for every requirement of the tender the bid has no assessment of. Like
/// missing points, a problem only where the bid's quality is read.
fn missing_assessments(
    check: &Checker<'_>,
    raw: &RawBid,
    tender: &BidTerms<'_>,
) -> Vec<Diagnostic> {
    tender
        .requirements
        .iter()
        .filter(|r| !raw.requirements.keys().any(|k| k.get_ref() == *r))
        .map(|r| {
            Diagnostic::at(
                Code::MissingAssessment,
                check.file,
                raw.bidder.span(),
                format!("requirements.{}", r),
            )
            .says(
                format!("bid has no assessment of requirement `{}`", r),
                format!(
                    "add `{} = {{ met = true, evidence = \"...\" }}` under [requirements]",
                    r
                ),
            )
        })
        .collect()
}

/// A diagnostic for every quality criterion the bid gives no points for. Points given but
/// invalid are reported already; only absent ones are missing.
fn missing_points(check: &Checker<'_>, raw: &RawBid, quality: &[&str]) -> Vec<Diagnostic> {
    quality
        .iter()
        .filter(|c| !raw.points.keys().any(|k| k.get_ref() == **c))
        .map(|criterion| {
            Diagnostic::at(
                Code::MissingPoints,
                check.file,
                raw.bidder.span(),
                format!("points.{criterion}"),
            )
            .says(
                format!("bid has no points for quality criterion `{criterion}`"),
                format!("add `{criterion} = ...` under [points] with the evaluators' points"),
            )
        })
        .collect()
}

/// The ids of criteria and requirements that some version of the tender has.
struct Elsewhere<'a> {
    ids: &'a BTreeSet<String>,
    tender: Option<&'a BidTerms<'a>>,
}

impl Elsewhere<'_> {
    /// Whether `id` is only in another version: this version (where known) has no
    /// criterion or requirement of that id.
    fn only(&self, id: &str) -> bool {
        self.ids.contains(id)
            && self
                .tender
                .is_none_or(|t| t.criterion(id).is_none() && !t.requirements.contains(&id))
    }
}

/// Whether a key names one of `known` of this version of the tender. A key only another
/// version has (a price line a rettelsesblad adds or removes) is passed over without a
/// problem: the bid is checked against it in that version. Any other key is reported — a
/// criterion of this version of the wrong kind too (a price line under `points`).
fn known_here(
    check: &mut Checker<'_>,
    key: &Spanned<String>,
    known: &[&str],
    elsewhere: &Elsewhere<'_>,
    code: Code,
    field: &str,
    what: (&str, &str),
) -> bool {
    if !known.contains(&key.get_ref().as_str()) && elsewhere.only(key.get_ref()) {
        return false;
    }
    check.known(key, known, code, field, what)
}

/// Whether a key names one of the tender's quality criteria (always, while the tender is
/// unknown); reported where it does not.
fn known_quality(
    check: &mut Checker<'_>,
    key: &Spanned<String>,
    quality: Option<&[&str]>,
    elsewhere: &Elsewhere<'_>,
    field: &str,
) -> bool {
    quality.is_none_or(|quality| {
        known_here(
            check,
            key,
            quality,
            elsewhere,
            Code::UnknownCriterion,
            field,
            ("quality criterion", "quality criteria"),
        )
    })
}

/// Quality points on the scale of the criterion they score, or reported.
fn on_scale(
    check: &mut Checker<'_>,
    tender: Option<&BidTerms<'_>>,
    criterion: &str,
    value: &Num,
    field: &str,
) -> Option<Points> {
    let p = check.limited(value, field, POINTS)?;
    let Some(tender) = tender else {
        return Some(Points::new(p));
    };
    let scale = tender
        .criterion(criterion)
        .map_or(&tender.scale, |c| &c.scale);
    if p < scale.min.value() || p > scale.max.value() {
        check.report(
            Code::PointsOutOfScale,
            value.span(),
            field,
            format!(
                "{p} points is outside the scale {}–{}",
                scale.min, scale.max
            ),
            format!(
                "give the evaluators' points on the scale of `{criterion}`, from {} to {}",
                scale.min, scale.max
            ),
        );
        return None;
    }
    Some(Points::new(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::{d, reference_tender};
    use crate::domain::{Lot, PriceBand};
    use crate::values::Percent;

    /// What scoring alone reads leaves the terms as they are; what a bid is checked
    /// against changes them.
    #[test]
    fn the_terms_change_only_with_what_a_bid_is_checked_against() {
        let published = reference_tender();
        let same = |change: &dyn Fn(&mut Tender)| {
            let mut amended = reference_tender();
            change(&mut amended);
            BidTerms::of(&published) == BidTerms::of(&amended)
        };
        // A band, a weight, the model's rounding: the same terms.
        assert!(same(&|t| {
            if let CriterionKind::Price(line) = &mut t.criteria.last_mut().unwrap().kind {
                line.band = Some(PriceBand {
                    min: Money::new(d("1")),
                    max: Money::new(d("2")),
                });
            }
        }));
        assert!(same(&|t| t.criteria[0].weight = Percent::new(d("1"))));
        // A scale, a criterion's scale or kind, a requirement, a lot: other terms.
        assert!(!same(&|t| t.scale.max = Points::new(d("8"))));
        assert!(!same(&|t| {
            let mut own = t.scale.clone();
            own.min = Points::new(d("1"));
            t.criteria[1].scale = Some(own);
        }));
        assert!(!same(&|t| t.criteria[1].kind = CriterionKind::Group));
        assert!(!same(&|t| t.lots.push(Lot {
            id: "a".into(),
            name: "A".into(),
            source: None,
        })));
        assert!(!same(&|t| t.criteria[1].id = CriterionId("other".into())));
        assert!(!same(&|t| t.criteria[2].parent = None));
    }
}
