//! Scoring models as data: a named model, its method and the method's parameters. How a
//! method turns a price into points is arithmetic, and lives in `scoring::price_methods`.

use std::fmt;

use rust_decimal::Decimal;

use crate::values::{ModelRounding, Money, Points, plain};

use super::PriceLine;

/// The methods a model file may name, with the fields each one takes.
pub const METHODS: &[&str] = &[
    "linear-anchors",
    "relative-to-lowest",
    "proportional",
    "lowest-to-highest",
    "money-per-point",
    "percent-surcharge",
];

/// How a model turns a price into points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Method {
    /// Piecewise linear between anchor prices; flat beyond the outermost anchors.
    Anchors(Vec<Anchor>),
    /// `M × (1 − (P − Plow) / (X × Plow))`: the lowest price gets M, a price X above the
    /// lowest gets 0, and beyond that 0 (floor) or less (no floor).
    RelativeToLowest {
        max: Points,
        slope: Decimal,
        floor_at_zero: bool,
    },
    /// `M × Plow / P`.
    Proportional { max: Points },
    /// `M × (Phigh − P) / (Phigh − Plow)`: the lowest tendered price gets M, the highest 0.
    LowestToHighest { max: Points },
    /// A money model: quality becomes kroner at `amount` per point, and bids are ranked by
    /// the evaluation price, lowest first: `P + (Qmax − Q) × k` (a surcharge for missing
    /// quality) or `P − Q × k` (a deduction for quality).
    MoneyPerPoint { amount: Money, deduction: bool },
    /// A money model: `P × (1 + (Qmax − Q) / Qmax × f)`, a percentage surcharge for missing
    /// quality; ranked by the evaluation price, lowest first.
    PercentSurcharge { factor: Decimal },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub price: AnchorPrice,
    pub points: Points,
}

/// A named scoring model turning an evaluated price into points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoringModel {
    pub name: String,
    pub title: String,
    pub source: Option<String>,
    pub method: Method,
    /// How the calculated points (or evaluation price) are rounded, if at all.
    pub rounding: ModelRounding,
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
    /// The anchor's price on a line; `None` where it needs the line's band (or target) and
    /// the line has none — which validation does not let through.
    pub fn on(self, line: &PriceLine) -> Option<Money> {
        match self {
            AnchorPrice::Min => line.band.map(|b| b.min),
            AnchorPrice::Max => line.band.map(|b| b.max),
            AnchorPrice::Target(percent) => {
                let target = line.target.or(line.band.map(|b| b.max))?;
                Some(Money::new(
                    target.value() + target.value() * percent / Decimal::ONE_HUNDRED,
                ))
            }
            AnchorPrice::Fixed(amount) => Some(amount),
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

impl Method {
    pub fn name(&self) -> &'static str {
        match self {
            Method::Anchors(_) => "linear-anchors",
            Method::RelativeToLowest { .. } => "relative-to-lowest",
            Method::Proportional { .. } => "proportional",
            Method::LowestToHighest { .. } => "lowest-to-highest",
            Method::MoneyPerPoint { .. } => "money-per-point",
            Method::PercentSurcharge { .. } => "percent-surcharge",
        }
    }

    /// Whether the model ranks by an evaluation price in money (lowest wins) instead of
    /// by points (highest wins).
    pub fn is_money(&self) -> bool {
        matches!(
            self,
            Method::MoneyPerPoint { .. } | Method::PercentSurcharge { .. }
        )
    }

    /// Whether a bid's points depend on the other bids' prices (and so the ranking can
    /// reverse when a bid is added or removed).
    pub fn is_relative(&self) -> bool {
        !matches!(self, Method::Anchors(_)) && !self.is_money()
    }

    /// The general formula, for `models show` and the README.
    pub fn formula(&self) -> String {
        match self {
            Method::Anchors(_) => "s₀ + (P − p₀) × (s₁ − s₀) / (p₁ − p₀) between the anchors (p₀, s₀) and (p₁, s₁) around P; flat beyond the outermost anchors".into(),
            Method::RelativeToLowest { max, slope, floor_at_zero } => format!(
                "{} × (1 − (P − Plow) / ({} × Plow)){}",
                plain(max.value()),
                plain(*slope),
                if *floor_at_zero { ", never below 0" } else { ", may be negative" }
            ),
            Method::Proportional { max } => format!("{} × Plow / P", plain(max.value())),
            Method::LowestToHighest { max } => format!("{} × (Phigh − P) / (Phigh − Plow)", plain(max.value())),
            Method::MoneyPerPoint { amount, deduction: false } => format!("P + (Qmax − Q) × {}, lowest wins", plain(amount.value())),
            Method::MoneyPerPoint { amount, deduction: true } => format!("P − Q × {}, lowest wins", plain(amount.value())),
            Method::PercentSurcharge { factor } => format!("P × (1 + (Qmax − Q) / Qmax × {}), lowest wins", plain(*factor)),
        }
    }
}
