//! The rules a finding or a warning can name, with the stable ids the reports print and
//! `decisions.toml` refers to.

use serde::Serialize;

/// The rule behind a finding or a warning; its stable id is what the reports print.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    DeclaredReservation,
    FoundReservation,
    CitizenReservation,
    AlternativeBid,
    LateBid,
    UnclearDeclaration,
    QualityThreshold,
    PriceBelowMinimum,
    PriceAboveMaximum,
    MissingPrice,
    DuplicateBid,
    EvaluatorDisagreement,
    LengthLimit,
    AbnormallyLowPrice,
    RequirementNotMet,
}

impl RuleId {
    /// Every rule.
    pub const ALL: &[RuleId] = &[
        RuleId::DeclaredReservation,
        RuleId::FoundReservation,
        RuleId::CitizenReservation,
        RuleId::AlternativeBid,
        RuleId::LateBid,
        RuleId::UnclearDeclaration,
        RuleId::QualityThreshold,
        RuleId::PriceBelowMinimum,
        RuleId::PriceAboveMaximum,
        RuleId::MissingPrice,
        RuleId::DuplicateBid,
        RuleId::EvaluatorDisagreement,
        RuleId::LengthLimit,
        RuleId::AbnormallyLowPrice,
        RuleId::RequirementNotMet,
    ];

    /// Whether the rule is a price rule (the band, a missing price), which the bid's
    /// prices break, not its declarations.
    pub fn is_price_rule(self) -> bool {
        matches!(
            self,
            RuleId::PriceBelowMinimum | RuleId::PriceAboveMaximum | RuleId::MissingPrice
        )
    }

    /// The rule with this stable id.
    pub fn parse(id: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.as_str() == id)
    }

    /// The stable id the reports print.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::DeclaredReservation => "declared-reservation",
            RuleId::FoundReservation => "found-reservation",
            RuleId::CitizenReservation => "citizen-reservation",
            RuleId::AlternativeBid => "alternative-bid",
            RuleId::LateBid => "late-bid",
            RuleId::UnclearDeclaration => "unclear-declaration",
            RuleId::QualityThreshold => "quality-threshold",
            RuleId::PriceBelowMinimum => "price-below-minimum",
            RuleId::PriceAboveMaximum => "price-above-maximum",
            RuleId::MissingPrice => "missing-price",
            RuleId::DuplicateBid => "duplicate-bid",
            RuleId::EvaluatorDisagreement => "evaluator-disagreement",
            RuleId::LengthLimit => "length-limit",
            RuleId::AbnormallyLowPrice => "abnormally-low-price",
            RuleId::RequirementNotMet => "requirement-not-met",
        }
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
