//! `models` and `models show`: the scoring models on offer, and how one of them turns a
//! price into points over a band, for an officer choosing a model.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Table};
use rust_decimal::Decimal;

use crate::domain::{Method, ScoringModel};
use crate::scoring::tabulate::ModelTable;

use super::number::decimal_comma;

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

/// A number as the catalogue shows it: decimal comma, no trailing zeros.
fn number(value: Decimal) -> String {
    decimal_comma(value.normalize())
}

/// A model's parameters, formula, legal notes and a table of price → points.
pub fn show(model: &ScoringModel, legal_notes: &[&str], table_of: &ModelTable) -> String {
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
            .map(|a| format!("{} → {} points", a.price, number(a.points.value())))
            .collect();
        out.push(format!("Anchors: {}", listed.join("; ")));
    }
    for note in legal_notes {
        out.push(format!("Legal note: {note}"));
    }
    out.push(String::new());
    let band = table_of.band;
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    if table_of.relative {
        out.push(format!(
            "Points by price, with the lowest scored price at {}:",
            number(band.min.value())
        ));
        table.set_header(vec!["Price", "% of the lowest", "Points (exact)", "Points"]);
    } else {
        out.push(format!(
            "Points by price on a band of {}–{} (target {}):",
            number(band.min.value()),
            number(band.max.value()),
            number(band.target.value())
        ));
        table.set_header(vec!["Price", "Points (exact)", "Points"]);
    }
    for row in &table_of.rows {
        let mut cells = vec![number(row.price.value())];
        if let Some(percent) = row.percent_of_lowest {
            cells.push(number(percent.round_dp(1)));
        }
        // The exact points to 6 decimals, for reading only; the rounded points are the
        // model's own.
        cells.push(number(row.exact.round_dp(6)));
        cells.push(decimal_comma(row.points.value()));
        table.add_row(cells);
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
