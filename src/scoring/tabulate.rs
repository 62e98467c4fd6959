//! A model's points tabulated over sample prices, for `models show`: what a tender author
//! reads before choosing a model.
//!
//! Contract: pure. Fixed-anchor and money methods are tabulated over a band (its quarters
//! and every anchor inside it); relative methods against a lowest price at the band's
//! minimum, up to 2.5 times it (lowest-to-highest over the band, whose ends are the lowest
//! and highest price).

use rust_decimal::Decimal;

use crate::domain::{Method, PriceBand, PriceLine, ScoringModel};
use crate::values::{Money, Points};

use super::price_methods::Field;

/// The example band a model is shown on.
#[derive(Clone, Copy, Debug, serde::Serialize)]
pub struct Band {
    pub min: Money,
    pub max: Money,
    pub target: Money,
}

/// One sample price and its points.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Row {
    pub price: Money,
    /// For relative methods: the price as a percentage of the lowest price.
    pub percent_of_lowest: Option<Decimal>,
    /// The points before the model's rounding.
    pub exact: Decimal,
    /// The points after the model's rounding.
    pub points: Points,
}

/// The table of a model on a band.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ModelTable {
    pub band: Band,
    /// Whether the points are shown against the lowest price (relative methods).
    pub relative: bool,
    pub rows: Vec<Row>,
}

/// The points of sample prices on the band.
pub fn tabulate(model: &ScoringModel, band: Band) -> ModelTable {
    let line = PriceLine {
        unit: "unit".into(),
        band: Some(PriceBand {
            min: band.min,
            max: band.max,
        }),
        target: Some(band.target),
    };
    let relative = model.method.is_relative();
    let prices: Vec<Money> = match &model.method {
        Method::LowestToHighest { .. } => sample_prices(band, &[]),
        _ if relative => ["1", "1.1", "1.25", "1.5", "1.75", "2", "2.5"]
            .iter()
            .map(|f| Money::new(band.min.value() * f.parse::<Decimal>().unwrap_or(Decimal::ONE)))
            .collect(),
        Method::Anchors(anchors) => {
            let anchor_prices: Vec<Money> =
                anchors.iter().filter_map(|a| a.price.on(&line)).collect();
            sample_prices(band, &anchor_prices)
        }
        _ => sample_prices(band, &[]),
    };
    let highest = prices.iter().copied().max().unwrap_or(band.max);
    let rows = prices
        .into_iter()
        .map(|price| {
            // A fixed method ignores the field; a relative one compares with the lowest
            // price at the band's minimum.
            let field = if relative {
                Field {
                    lowest: band.min,
                    highest,
                }
            } else {
                Field {
                    lowest: price,
                    highest: price,
                }
            };
            let c = model.calculate(&line, price, field);
            Row {
                price,
                percent_of_lowest: relative.then(|| {
                    price.value() * Decimal::ONE_HUNDRED / band.min.value().max(Decimal::ONE)
                }),
                exact: c.exact,
                points: Points::new(c.rounding.apply(c.exact)),
            }
        })
        .collect();
    ModelTable {
        band,
        relative,
        rows,
    }
}

/// The band in quarters and every anchor price inside the band, sorted, without repeats.
fn sample_prices(band: Band, anchors: &[Money]) -> Vec<Money> {
    let step = (band.max.value() - band.min.value()) / Decimal::from(4);
    let mut prices: Vec<Money> = (0..=4)
        .map(|i| Money::new(band.min.value() + step * Decimal::from(i)))
        .collect();
    prices.extend(
        anchors
            .iter()
            .copied()
            .filter(|p| *p >= band.min && *p <= band.max),
    );
    prices.sort();
    prices.dedup();
    prices
}
