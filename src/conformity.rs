//! Conformity: the checks that set a bid aside instead of scoring it (reservations,
//! alternative bids, late bids, an unclear declaration) and the warnings that do not
//! (the length limit of the quality description).
//!
//! Contract: pure functions of a validated tender and bid. Each finding names its rule,
//! the decision the tender attaches to it, the evidence from the bid file (with its line),
//! and the clause reference and text from the tender, so legal can review it without
//! opening another file. Only rules the tender states are applied.

use serde::Serialize;

use rust_decimal::Decimal;

use crate::domain::{Bid, CriterionKind, Decision, Declaration, ReservationAbout, Rule, Tender};

/// Where in the bid file a finding comes from, and what stands there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// The bid file, relative to the tender folder.
    pub file: String,
    /// The line in that file, where the field is written.
    pub line: Option<usize>,
    /// What the file says, quoted.
    pub quote: String,
}

/// One reason to set a bid aside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// A stable rule id: `declared-reservation`, `found-reservation`,
    /// `citizen-reservation`, `alternative-bid`, `late-bid`, `unclear-declaration`,
    /// `price-below-minimum`, `price-above-maximum` or `missing-price`.
    pub rule: &'static str,
    pub decision: Decision,
    pub reason: String,
    pub evidence: Evidence,
    /// The clause reference from the tender definition.
    pub source: Option<String>,
    /// The clause's text from the tender definition.
    pub clause: Option<String>,
}

/// Something a reader of the report must know that does not set the bid aside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// A stable rule id: `length-limit`.
    pub rule: &'static str,
    pub message: String,
    pub source: Option<String>,
}

/// Builds a finding under a tender rule, with the evidence at a field of the bid file.
pub fn finding(
    rule_id: &'static str,
    rule: &Rule<Decision>,
    bid: &Bid,
    field: &str,
    quote: String,
    reason: String,
) -> Finding {
    Finding {
        rule: rule_id,
        decision: rule.action,
        reason,
        evidence: Evidence {
            file: bid.file.clone(),
            line: bid.lines.get(field).copied(),
            quote,
        },
        source: rule.source.clone(),
        clause: rule.text.clone(),
    }
}

/// The conformity findings and warnings for one bid, in a fixed order.
pub fn assess(tender: &Tender, bid: &Bid) -> (Vec<Finding>, Vec<Warning>) {
    let rules = &tender.conformity;
    let mut findings = Vec::new();
    let declared = format!("reservation = \"{}\"", bid.declaration.name());
    match bid.declaration {
        Declaration::Yes => {
            if let Some(rule) = &rules.declared_reservation {
                findings.push(finding("declared-reservation", rule, bid, "reservation", declared,
                    "the bid declares a reservation (JA ticked); the solution description is not read".into()));
            }
        }
        Declaration::Both | Declaration::Neither => {
            if let Some(rule) = &rules.unclear_declaration {
                let what = if bid.declaration == Declaration::Both {
                    "both JA and NEJ are ticked"
                } else {
                    "neither JA nor NEJ is ticked"
                };
                findings.push(finding(
                    "unclear-declaration",
                    rule,
                    bid,
                    "reservation",
                    declared,
                    format!("the reservation declaration is unclear: {what}"),
                ));
            }
        }
        Declaration::No => {}
    }
    for found in &bid.reservations_found {
        let (rule_id, rule) = match found.about {
            ReservationAbout::Citizens => ("citizen-reservation", &rules.citizen_reservation),
            ReservationAbout::Terms => ("found-reservation", &rules.found_reservation),
        };
        if let Some(rule) = rule {
            let what = match found.about {
                ReservationAbout::Citizens => {
                    "a reservation about which citizens the bidder accepts"
                }
                ReservationAbout::Terms => "a reservation",
            };
            let mut f = finding(
                rule_id,
                rule,
                bid,
                "",
                format!("\"{}\" ({})", found.text, found.location),
                format!(
                    "the evaluators found {what}; it deviates from {}",
                    found.deviates_from
                ),
            );
            f.evidence.line = Some(found.line);
            findings.push(f);
        }
    }
    if bid.solution_descriptions > 1
        && let Some(rule) = &rules.alternative_bid
    {
        findings.push(finding(
            "alternative-bid",
            rule,
            bid,
            "solution_descriptions",
            format!("solution_descriptions = {}", bid.solution_descriptions),
            format!(
                "{} solution descriptions: an alternative bid",
                bid.solution_descriptions
            ),
        ));
    }
    if bid.submitted_at > tender.deadline_at
        && let Some(rule) = &rules.late_bid
    {
        let late = jiff::SignedDuration::from_secs(
            bid.submitted_at.as_second() - tender.deadline_at.as_second(),
        );
        findings.push(finding(
            "late-bid",
            rule,
            bid,
            "submitted",
            format!("submitted = {}", bid.submitted),
            format!(
                "submitted {:#} after the deadline {}",
                late, tender.deadline
            ),
        ));
    }
    findings.extend(quality_thresholds(tender, bid));
    let mut warnings = Vec::new();
    if let Some(threshold) = tender.quality.disagreement {
        for (criterion, panel) in &bid.panels {
            let spread = panel.spread();
            if spread > threshold {
                let points = || panel.evaluators.iter().map(|(_, p)| *p);
                warnings.push(Warning {
                    rule: "evaluator-disagreement",
                    message: format!(
                        "the evaluators' points on `{criterion}` range from {} to {}, {} apart, more than the tender's {}",
                        points().min().unwrap_or_default(),
                        points().max().unwrap_or_default(),
                        spread.0.normalize(),
                        threshold.0.normalize()
                    ),
                    source: tender.quality.source.clone(),
                });
            }
        }
    }
    if let (Some(rule), Some(characters)) = (&rules.length_limit, bid.quality_characters) {
        let limit = rule.action.characters();
        if characters > limit {
            warnings.push(Warning {
                rule: "length-limit",
                message: format!(
                    "the quality description has {characters} characters, more than {} pages of {} ({limit}); \
                     the {} characters beyond were not read and do not count",
                    rule.action.pages, rule.action.characters_per_page, characters - limit
                ),
                source: rule.source.clone(),
            });
        }
    }
    (findings, warnings)
}

/// The minimum quality: every quality criterion at least `min_per_criterion` % of its
/// scale's maximum, and all of them together at least `min_total` % of their weighted
/// maximum. Compared exactly, before any rounding; a bid below is excluded before its price
/// is looked at.
fn quality_thresholds(tender: &Tender, bid: &Bid) -> Vec<Finding> {
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
            if points.0 * Decimal::ONE_HUNDRED < min.0 * max.0 {
                findings.push(finding(
                    "quality-threshold",
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
        for c in &quality {
            got += bid.points.get(&c.id).map_or(Decimal::ZERO, |p| p.0) * c.share.0;
            best += tender.scale_of(c).max.0 * c.share.0;
        }
        if got * Decimal::ONE_HUNDRED < min.0 * best {
            let reached = (got * Decimal::ONE_HUNDRED / best).round_dp(2).normalize();
            findings.push(finding("quality-threshold", &rule, bid, "points",
                format!("weighted quality {} of {}", got.normalize(), best.normalize()),
                format!("the quality points reach {reached} % of the maximum, below the minimum of {min} % in total")));
        }
    }
    findings
}

/// The decision for a bid with these findings: rejected if any finding rejects, else
/// review if any finding asks for review, else none (the bid is scored).
pub fn decision(findings: &[Finding]) -> Option<Decision> {
    findings.iter().map(|f| f.decision).max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FoundReservation;
    use crate::domain::fixture::{bid, reference_tender};

    fn rules_of(tender: &Tender, b: &Bid) -> Vec<&'static str> {
        assess(tender, b).0.iter().map(|f| f.rule).collect()
    }

    #[test]
    fn each_rule_finds_its_case() {
        let tender = reference_tender();
        let mut declared = bid("a", Some("400"), Some("1150"), "7", "7");
        declared.declaration = Declaration::Yes;
        assert_eq!(rules_of(&tender, &declared), ["declared-reservation"]);

        let mut unclear = bid("b", Some("400"), Some("1150"), "7", "7");
        unclear.declaration = Declaration::Neither;
        let (findings, _) = assess(&tender, &unclear);
        assert_eq!(
            (findings[0].rule, findings[0].decision),
            ("unclear-declaration", Decision::Review)
        );

        let mut citizens = bid("c", Some("400"), Some("1150"), "7", "7");
        citizens.reservations_found.push(FoundReservation {
            about: ReservationAbout::Citizens,
            text: "kun borgere uden misbrug".into(),
            location: "s. 4".into(),
            deviates_from: "Bilag A pkt. 1".into(),
            line: 12,
        });
        let (findings, _) = assess(&tender, &citizens);
        assert_eq!(findings[0].rule, "citizen-reservation");
        assert_eq!(findings[0].evidence.line, Some(12));

        let mut alternative = bid("d", Some("400"), Some("1150"), "7", "7");
        alternative.solution_descriptions = 2;
        assert_eq!(rules_of(&tender, &alternative), ["alternative-bid"]);
    }

    #[test]
    fn late_means_after_the_deadline_as_an_instant() {
        let tender = reference_tender(); // deadline 2023-10-02T12:00:00+02:00 = 10:00 UTC
        let mut on_time = bid("a", Some("400"), Some("1150"), "7", "7");
        on_time.submitted_at = "2023-10-02T10:00:00Z".parse().unwrap(); // exactly the deadline
        assert!(rules_of(&tender, &on_time).is_empty());
        let mut late = on_time.clone();
        late.submitted_at = "2023-10-02T12:00:01+02:00".parse().unwrap(); // one second after
        let (findings, _) = assess(&tender, &late);
        assert_eq!(findings[0].rule, "late-bid");
        assert!(
            findings[0].reason.starts_with("submitted 1s after"),
            "{}",
            findings[0].reason
        );
    }

    #[test]
    fn the_length_limit_warns_and_never_rejects() {
        let tender = reference_tender(); // 20 pages × 2 400 = 48 000 characters
        let mut long = bid("a", Some("400"), Some("1150"), "7", "7");
        long.quality_characters = Some(48_000);
        assert!(assess(&tender, &long).1.is_empty());
        long.quality_characters = Some(50_400);
        let (findings, warnings) = assess(&tender, &long);
        assert!(findings.is_empty());
        assert!(
            warnings[0]
                .message
                .contains("the 2400 characters beyond were not read"),
            "{}",
            warnings[0].message
        );
    }

    #[test]
    fn reject_outweighs_review() {
        let tender = reference_tender();
        let mut b = bid("a", Some("400"), Some("1150"), "7", "7");
        b.declaration = Declaration::Both;
        b.solution_descriptions = 2;
        let (findings, _) = assess(&tender, &b);
        assert_eq!(decision(&findings), Some(Decision::Reject));
        assert_eq!(decision(&findings[..1]), Some(Decision::Review));
        assert_eq!(decision(&[]), None);
    }

    #[test]
    fn a_rule_the_tender_does_not_state_is_not_applied() {
        let mut tender = reference_tender();
        tender.conformity.alternative_bid = None;
        let mut b = bid("a", Some("400"), Some("1150"), "7", "7");
        b.solution_descriptions = 2;
        assert!(rules_of(&tender, &b).is_empty());
    }
}
