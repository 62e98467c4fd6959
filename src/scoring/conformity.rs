//! Conformity: the checks that set a bid aside instead of scoring it (reservations,
//! alternative bids, late bids, an unclear declaration) and the warnings that do not
//! (the length limit of the quality description).
//!
//! These checks read what the bid declares, never its quality or its prices, so a bid
//! they set aside is not read (the minimum quality is [`super::quality`]'s, the price
//! band [`super::price_rules`]').
//!
//! Contract: pure functions of a validated tender and bid. Each finding names its rule,
//! the decision the tender attaches to it, the evidence from the bid file (with its line),
//! and the clause reference and text from the tender, so legal can review it without
//! opening another file. Only rules the tender states are applied.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

pub use crate::domain::RuleId;

use crate::domain::{
    Bid, CriterionId, Decision, Declaration, LengthLimit, ReservationAbout, ReviewDecision, Rule,
    Tender, Unmet,
};

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
    pub rule: RuleId,
    pub decision: Decision,
    pub reason: String,
    pub evidence: Evidence,
    /// The clause reference from the tender definition.
    pub source: Option<String>,
    /// The clause's text from the tender definition.
    pub clause: Option<String>,
    /// For a finding set aside for review: the authority's decision on it, if made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Box<ReviewDecision>>,
}

/// Something a reader of the report must know that does not set the bid aside.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub rule: RuleId,
    /// The criterion it concerns, where it concerns one (a criterion's length limit, the
    /// evaluators' disagreement on a criterion).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criterion: Option<CriterionId>,
    pub message: String,
    pub source: Option<String>,
    /// The warning's figures, for the reports that put it in words of their own
    /// language; the JSON report keeps the message.
    #[serde(skip)]
    pub detail: WarningDetail,
}

/// What a warning is about, in figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningDetail {
    /// The evaluators' points on a criterion lie further apart than the tender allows;
    /// `reasoned` where the panel gives a reason for its common points.
    Disagreement {
        lowest: Decimal,
        highest: Decimal,
        spread: Decimal,
        allowed: Decimal,
        reasoned: bool,
    },
    /// A description of `characters` characters, longer than its `limit`.
    Length { characters: u64, limit: LengthLimit },
    /// A requirement not met that the tender corrects: the bid is read as meeting it.
    Requirement { text: String, evidence: String },
}

/// Builds a finding under a tender rule, with the evidence at a field of the bid file.
pub fn finding(
    rule_id: RuleId,
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
            line: bid.lines.get(field),
            quote,
        },
        source: rule.source.clone(),
        clause: rule.text.clone(),
        resolution: None,
    }
}

/// The conformity findings and warnings for one bid, in a fixed order.
pub fn assess(tender: &Tender, bid: &Bid) -> (Vec<Finding>, Vec<Warning>) {
    let mut findings = declaration(tender, bid);
    findings.extend(reservations_found(tender, bid));
    findings.extend(form_and_time(tender, bid));
    let (unmet, mut corrected) = requirements(tender, bid);
    findings.extend(unmet);
    let mut warnings = warnings(tender, bid);
    warnings.append(&mut corrected);
    (findings, warnings)
}

/// The requirements a bid does not meet, in the tender's order: a finding for each whose
/// rule rejects or sets aside for review, a warning for each the tender corrects (the
/// bid is read as meeting it, and the bidder is bound by it).
fn requirements(tender: &Tender, bid: &Bid) -> (Vec<Finding>, Vec<Warning>) {
    let mut findings = Vec::new();
    let mut warnings = Vec::new();
    for requirement in &tender.requirements {
        let Some(assessment) = bid.requirements.get(&requirement.id) else {
            continue;
        };
        if assessment.met {
            continue;
        }
        let evidence = assessment.evidence.clone().unwrap_or_default();
        let decision = match requirement.unmet {
            Unmet::Reject => Decision::Reject,
            Unmet::Review => Decision::Review,
            Unmet::Correct => {
                warnings.push(Warning {
                    rule: RuleId::RequirementNotMet,
                    criterion: None,
                    message: format!(
                        "requirement `{}` is not met ({evidence}); under the tender's rule the bid \
                         is read as meeting it, and the bidder is bound by it: {}",
                        requirement.id, requirement.text
                    ),
                    source: requirement.source.clone(),
                    detail: WarningDetail::Requirement {
                        text: requirement.text.clone(),
                        evidence: evidence.clone(),
                    },
                });
                continue;
            }
        };
        findings.push(Finding {
            rule: RuleId::RequirementNotMet,
            decision,
            reason: format!(
                "the bid does not meet requirement `{}`: {}",
                requirement.id, requirement.text
            ),
            evidence: Evidence {
                file: bid.file.clone(),
                line: Some(assessment.line),
                quote: evidence,
            },
            source: requirement.source.clone(),
            clause: Some(requirement.text.clone()),
            resolution: None,
        });
    }
    (findings, warnings)
}

/// The reservation declaration: JA ticked, or both or neither box.
fn declaration(tender: &Tender, bid: &Bid) -> Vec<Finding> {
    let rules = &tender.conformity;
    let mut findings = Vec::new();
    let declared = format!("reservation = \"{}\"", bid.declaration_written);
    match bid.declaration {
        Declaration::Yes => {
            if let Some(rule) = &rules.declared_reservation {
                findings.push(finding(RuleId::DeclaredReservation, rule, bid, "reservation", declared,
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
                    RuleId::UnclearDeclaration,
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
    findings
}

/// Reservations the evaluators found while reading the bid.
fn reservations_found(tender: &Tender, bid: &Bid) -> Vec<Finding> {
    let rules = &tender.conformity;
    let mut findings = Vec::new();
    for found in &bid.reservations_found {
        let (rule_id, rule) = match found.about {
            ReservationAbout::Citizens => (RuleId::CitizenReservation, &rules.citizen_reservation),
            ReservationAbout::Terms => (RuleId::FoundReservation, &rules.found_reservation),
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
    findings
}

/// An alternative bid (more than one solution description), and a late bid.
fn form_and_time(tender: &Tender, bid: &Bid) -> Vec<Finding> {
    let rules = &tender.conformity;
    let mut findings = Vec::new();
    if bid.solution_descriptions > 1
        && let Some(rule) = &rules.alternative_bid
    {
        findings.push(finding(
            RuleId::AlternativeBid,
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
    // A revised bid of a negotiation round is due by that round's deadline.
    let (deadline, deadline_at) = tender.deadline_of(bid.round);
    if bid.submitted_at > deadline_at
        && let Some(rule) = &rules.late_bid
    {
        let late =
            jiff::SignedDuration::from_secs(bid.submitted_at.as_second() - deadline_at.as_second());
        findings.push(finding(
            RuleId::LateBid,
            rule,
            bid,
            "submitted",
            format!("submitted = {}", bid.submitted),
            format!("submitted {late:#} after the deadline {deadline}"),
        ));
    }
    // A bidder whose bid of an earlier round was late takes no part in the later rounds:
    // a revised bid does not revive it.
    if let Some(rule) = &rules.late_bid {
        for earlier in &bid.earlier {
            let (deadline, deadline_at) = tender.deadline_of(earlier.round);
            if earlier.submitted_at <= deadline_at {
                continue;
            }
            let late = jiff::SignedDuration::from_secs(
                earlier.submitted_at.as_second() - deadline_at.as_second(),
            );
            let mut found = finding(
                RuleId::LateBid,
                rule,
                bid,
                "submitted",
                format!("submitted = {}", earlier.submitted),
                format!(
                    "the bid of round {} was submitted {late:#} after the deadline {deadline}; a late bid takes no part in the later rounds",
                    earlier.round
                ),
            );
            found.evidence.file = earlier.file.clone();
            found.evidence.line = None;
            findings.push(found);
            break;
        }
    }
    findings
}

/// What a reader must know that does not set the bid aside: evaluators far apart, and a
/// quality description over the length limit.
fn warnings(tender: &Tender, bid: &Bid) -> Vec<Warning> {
    let rules = &tender.conformity;
    let mut warnings = Vec::new();
    if let Some(threshold) = tender.quality.disagreement {
        for (criterion, panel) in &bid.panels {
            let spread = panel.spread();
            if spread > threshold {
                let points = || panel.evaluators.iter().map(|(_, p)| *p);
                let lowest = points().min().unwrap_or_default();
                let highest = points().max().unwrap_or_default();
                warnings.push(Warning {
                    rule: RuleId::EvaluatorDisagreement,
                    criterion: Some(criterion.clone()),
                    message: format!(
                        "the evaluators' points on `{criterion}` range from {lowest} to {highest}, {} apart, more than the tender's {}",
                        spread.value().normalize(),
                        threshold.value().normalize()
                    ),
                    source: tender.quality.source.clone(),
                    detail: WarningDetail::Disagreement {
                        lowest: lowest.value(),
                        highest: highest.value(),
                        spread: spread.value(),
                        allowed: threshold.value(),
                        reasoned: panel.reason.is_some(),
                    },
                });
            }
        }
    }
    if let (Some(rule), Some(characters)) = (&rules.length_limit, bid.quality_characters) {
        warnings.extend(beyond(rule, characters, None));
    }
    for criterion in &tender.criteria {
        if let (Some(rule), Some(characters)) = (
            &criterion.length_limit,
            bid.criterion_characters.get(&criterion.id),
        ) {
            warnings.extend(beyond(rule, *characters, Some(&criterion.id)));
        }
    }
    warnings
}

/// The warning for a description of `characters` characters beyond its limit: the whole
/// quality description, or the part answering `criterion`.
fn beyond(
    rule: &Rule<LengthLimit>,
    characters: u64,
    criterion: Option<&CriterionId>,
) -> Option<Warning> {
    let limit = rule.action.characters();
    let what = match criterion {
        Some(id) => format!("the description of `{id}`"),
        None => "the quality description".to_string(),
    };
    (characters > limit).then(|| Warning {
        rule: RuleId::LengthLimit,
        criterion: criterion.cloned(),
        message: format!(
            "{what} has {characters} characters, {} beyond its limit of {limit} \
             ({} {} × {} characters); what lies beyond was not read and does not count",
            characters - limit,
            rule.action.pages,
            if rule.action.pages == Decimal::ONE {
                "page"
            } else {
                "pages"
            },
            rule.action.characters_per_page,
        ),
        source: rule.source.clone(),
        detail: WarningDetail::Length {
            characters,
            limit: rule.action,
        },
    })
}

/// At most this many of a bid's duplicates are named in its finding; the rest are counted,
/// so a thousand copies of one bid give a thousand short findings, not a million names.
const NAMED_DUPLICATES: usize = 5;

/// Bids that look like one bidder's bid twice: the same CVR number, or the same bidder
/// name (ignoring case and surrounding spaces). Each such bid is set aside for review with
/// the other files named (the first [`NAMED_DUPLICATES`] in the order of `bids`, the rest
/// counted), so the authority decides which one is the bid; none is ranked meanwhile. The
/// findings are per bid, in the order of `bids`; linear (one hash look-up per bid and
/// key), however large a group.
pub fn duplicates(bids: &[&Bid]) -> Vec<Vec<Finding>> {
    let names = name_keys(bids);
    let cvrs = Groups::of(bids.iter().map(|b| b.cvr.as_str()));
    let same_names = Groups::of(names.iter().map(String::as_str));
    // A bid in both groups of another is counted once: by the number of bids sharing both.
    let both = Groups::of(
        bids.iter()
            .zip(&names)
            .map(|(b, n)| (b.cvr.as_str(), n.as_str())),
    );
    let rule = Rule {
        action: Decision::Review,
        source: None,
        text: None,
    };
    bids.iter()
        .enumerate()
        .map(|(i, bid)| {
            // The union of the two groups, less the bid itself.
            let count = (cvrs.size(i) + same_names.size(i)).saturating_sub(both.size(i) + 1);
            if count == 0 {
                return Vec::new();
            }
            // The first few of the union are among the first few of each group.
            let mut first: BTreeMap<usize, &str> = BTreeMap::new();
            for (group, what) in [(&cvrs, "CVR number"), (&same_names, "bidder name")] {
                for &j in group
                    .members(i)
                    .iter()
                    .filter(|&&j| j != i)
                    .take(NAMED_DUPLICATES)
                {
                    first.entry(j).or_insert(what);
                }
            }
            let mut named: Vec<String> = first
                .iter()
                .take(NAMED_DUPLICATES)
                .map(|(j, what)| format!("{} (the same {what})", bids[*j].file))
                .collect();
            if count > named.len() {
                named.push(format!("{} other bids", count - named.len()));
            }
            vec![finding(
                RuleId::DuplicateBid,
                &rule,
                bid,
                "cvr",
                format!("cvr = \"{}\", bidder = \"{}\"", bid.cvr, bid.bidder),
                format!(
                    "the same bidder seems to have bid twice: {}; set aside until the authority \
                     has decided which is the bid",
                    named.join(", ")
                ),
            )]
        })
        .collect()
}

/// Whether each bid shares its CVR number or bidder name with another: the bids
/// [`duplicates`] sets aside, unless the authority has decided otherwise.
pub fn shares_cvr_or_name(bids: &[&Bid]) -> Vec<bool> {
    let names = name_keys(bids);
    let cvrs = Groups::of(bids.iter().map(|b| b.cvr.as_str()));
    let same_names = Groups::of(names.iter().map(String::as_str));
    (0..bids.len())
        .map(|i| cvrs.size(i) > 1 || same_names.size(i) > 1)
        .collect()
}

/// Each bidder name as two bids are compared by: trimmed, in lower case.
fn name_keys(bids: &[&Bid]) -> Vec<String> {
    use rayon::prelude::*;
    bids.par_iter()
        .with_min_len(super::MIN_BIDS_PER_TASK)
        .map(|b| b.bidder.trim().to_lowercase())
        .collect()
}

/// Items grouped by equal keys: each item's group, each group's size, and the members of
/// every group of more than one, in item order (a group of one lists none: its only
/// member is the item itself, which is never named as its own duplicate).
struct Groups {
    group: Vec<usize>,
    sizes: Vec<usize>,
    members: Vec<Vec<usize>>,
}

impl Groups {
    fn of<K: std::hash::Hash + Eq>(keys: impl Iterator<Item = K>) -> Groups {
        let mut index: std::collections::HashMap<K, usize> = std::collections::HashMap::new();
        let mut sizes = Vec::new();
        let group: Vec<usize> = keys
            .map(|key| {
                let next = sizes.len();
                let g = *index.entry(key).or_insert(next);
                if g == next {
                    sizes.push(0);
                }
                sizes[g] += 1;
                g
            })
            .collect();
        // No allocation for the groups of one, which are nearly all of them.
        let mut members = vec![Vec::new(); sizes.len()];
        for (i, &g) in group.iter().enumerate() {
            if sizes[g] > 1 {
                members[g].push(i);
            }
        }
        Groups {
            group,
            sizes,
            members,
        }
    }

    /// The size of item `i`'s group, itself included.
    fn size(&self, i: usize) -> usize {
        self.sizes[self.group[i]]
    }

    /// The members of item `i`'s group when it has others, in item order; else none.
    fn members(&self, i: usize) -> &[usize] {
        &self.members[self.group[i]]
    }
}

/// The decision for a bid with these findings: rejected if any finding rejects, else
/// review if any finding asks for review, else none (the bid is scored).
pub fn decision(findings: &[Finding]) -> Option<Decision> {
    findings
        .iter()
        .filter(|f| !f.resolution.as_ref().is_some_and(|r| r.accepted))
        .map(|f| f.decision)
        .max()
}

/// Applies the authority's decisions to the bid's findings for review: an accepted one no
/// longer sets the bid aside, a rejected one rejects it; either is kept with the decision,
/// for the record. Findings that reject by rule are never decided here.
pub fn apply_decisions(tender: &Tender, bid: &Bid, findings: &mut [Finding]) {
    for finding in findings
        .iter_mut()
        .filter(|f| f.decision == Decision::Review)
    {
        let made = tender.decisions.find(&bid.id, finding.rule.as_str());
        if let Some(made) = made {
            if !made.accepted {
                finding.decision = Decision::Reject;
            }
            finding.resolution = Some(Box::new(made.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::FoundReservation;
    use crate::domain::fixture::{bid, reference_tender};

    /// a, b and d share CVR 1; a, c and d the name "x": a's duplicates are the union
    /// {b, d} ∪ {c, d} = {b, c, d}: 3 + 3 − 2 (a and d are in both) − 1 (a) = 3. e alone has
    /// none. Eight copies of one bid name five others each and count the other two.
    #[test]
    fn duplicates_are_the_union_of_both_groups_named_up_to_five() {
        let with = |id: &str, cvr: &str, name: &str| {
            let mut b = bid(id, Some("400"), Some("1150"), "7", "7");
            b.cvr = cvr.into();
            b.bidder = name.into();
            b
        };
        let bids = [
            with("a", "1", "X"),
            with("b", "1", "Y"),
            with("c", "2", " x "),
            with("d", "1", "X"),
            with("e", "3", "Z"),
        ];
        let refs: Vec<&Bid> = bids.iter().collect();
        let found = duplicates(&refs);
        let message = |i: usize| found[i][0].reason.clone();
        assert_eq!(
            message(0),
            "the same bidder seems to have bid twice: bids/b.toml (the same CVR number), \
             bids/c.toml (the same bidder name), bids/d.toml (the same CVR number); set aside \
             until the authority has decided which is the bid"
        );
        assert!(found[4].is_empty());
        let copies: Vec<Bid> = (0..8).map(|n| with(&format!("k{n}"), "9", "K")).collect();
        let refs: Vec<&Bid> = copies.iter().collect();
        let found = duplicates(&refs);
        assert!(
            found[0][0]
                .reason
                .contains("bids/k5.toml (the same CVR number), 2 other bids;")
        );
        assert!(!found[0][0].reason.contains("k6"));
        assert!(found[7][0].reason.contains("bids/k0.toml"));
    }

    fn rules_of(tender: &Tender, b: &Bid) -> Vec<&'static str> {
        assess(tender, b)
            .0
            .iter()
            .map(|f| f.rule.as_str())
            .collect()
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
            (findings[0].rule.as_str(), findings[0].decision),
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
        assert_eq!(findings[0].rule.as_str(), "citizen-reservation");
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
        assert_eq!(findings[0].rule.as_str(), "late-bid");
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
                .contains("2400 beyond its limit of 48000 (20 pages × 2400 characters)"),
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
