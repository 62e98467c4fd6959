//! `models` and `models show`: the scoring models on offer, and how one of them turns a
//! price into points over a band, for an officer choosing a model.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Table};
use rust_decimal::Decimal;

use crate::domain::{PriceLine, ScoringModel};
use crate::model::{Field, Method};
use crate::units::{Money, decimal_comma};

/// One line per model: name, method, title.
pub fn list(models: &[ScoringModel]) -> String {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_header(vec!["Model", "Method", "Title"]);
    for m in models {
        table.add_row(vec![
            m.name.clone(),
            m.method.name().to_string(),
            m.title.clone(),
        ]);
    }
    format!("{table}\n")
}

/// The example band a model is shown on.
#[derive(Clone, Copy, Debug)]
pub struct Band {
    pub min: Money,
    pub max: Money,
    pub target: Money,
}

fn d(value: Decimal) -> String {
    decimal_comma(value.normalize())
}

/// A model's parameters, formula, legal notes and a table of price → points.
pub fn show(model: &ScoringModel, band: Band) -> String {
    let mut out = vec![
        format!("{}: {}", model.name, model.title),
        format!(
            "Source: {}",
            model.source.as_deref().unwrap_or("(none given)")
        ),
        format!("Method: {}", model.method.name()),
        format!("Formula: {}", model.method.formula()),
        format!(
            "Points rounded {} to {} decimals",
            model.rounding.mode.name(),
            model.rounding.decimals
        ),
    ];
    if let Method::Anchors(anchors) = &model.method {
        let listed: Vec<String> = anchors
            .iter()
            .map(|a| format!("{} → {} points", a.price, d(a.points.0)))
            .collect();
        out.push(format!("Anchors: {}", listed.join("; ")));
    }
    for note in model.model_notes() {
        out.push(format!("Legal note: {note}"));
    }
    out.push(String::new());
    let line = PriceLine {
        unit: "unit".into(),
        min: band.min,
        max: band.max,
        target: Some(band.target),
    };
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    if model.method.is_relative() {
        // Relative methods depend on the price's distance from the lowest price (and, for
        // lowest-to-highest, the highest): show it against a lowest at the band minimum.
        out.push(format!(
            "Points by price, with the lowest scored price at {}:",
            d(band.min.0)
        ));
        table.set_header(vec!["Price", "% of the lowest", "Points (exact)", "Points"]);
        // Methods against the lowest price are shown up to 2.5 times it; lowest-to-highest
        // over the band, whose ends are the lowest and highest price.
        let prices = match model.method {
            Method::LowestToHighest { .. } => sample_prices(band, &[]),
            _ => ["1", "1.1", "1.25", "1.5", "1.75", "2", "2.5"]
                .iter()
                .map(|f| Money(band.min.0 * f.parse::<Decimal>().unwrap_or(Decimal::ONE)))
                .collect(),
        };
        let highest = prices.iter().copied().max().unwrap_or(band.max);
        for price in prices {
            let c = model.calculate(
                &line,
                price,
                Field {
                    lowest: band.min,
                    highest,
                },
            );
            let ratio = price.0 * Decimal::ONE_HUNDRED / band.min.0.max(Decimal::ONE);
            table.add_row(vec![
                d(price.0),
                d(ratio.round_dp(1)),
                d(c.exact.round_dp(6)),
                decimal_comma(c.rounding.apply(c.exact)),
            ]);
        }
    } else {
        out.push(format!(
            "Points by price on a band of {}–{} (target {}):",
            d(band.min.0),
            d(band.max.0),
            d(band.target.0)
        ));
        table.set_header(vec!["Price", "Points (exact)", "Points"]);
        let anchor_prices: Vec<Money> = match &model.method {
            Method::Anchors(anchors) => anchors.iter().map(|a| a.price.on(&line)).collect(),
            _ => Vec::new(),
        };
        for price in sample_prices(band, &anchor_prices) {
            let c = model.calculate(
                &line,
                price,
                Field {
                    lowest: price,
                    highest: price,
                },
            );
            table.add_row(vec![
                d(price.0),
                d(c.exact.round_dp(6)),
                decimal_comma(c.rounding.apply(c.exact)),
            ]);
        }
    }
    for i in 1..table.column_count() {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    out.push(table.to_string());
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// The band in quarters and every anchor price inside the band, sorted, without repeats.
fn sample_prices(band: Band, anchors: &[Money]) -> Vec<Money> {
    let step = (band.max.0 - band.min.0) / Decimal::from(4);
    let mut prices: Vec<Money> = (0..=4)
        .map(|i| Money(band.min.0 + step * Decimal::from(i)))
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
