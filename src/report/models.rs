//! `models` and `models show`: the scoring models on offer, and how one of them turns a
//! price into points over a band, for an officer choosing a model.

use crate::domain::{Method, ScoringModel};
use crate::scoring::tabulate::ModelTable;

use super::number::{decimal_comma, exact_comma};
use super::table::{add_rows, align_right, terminal_table};
use super::text_of;

/// One line per model: name, method, title.
pub fn list(models: &[ScoringModel]) -> String {
    let mut table = terminal_table();
    table.set_header(vec!["Model", "Method", "Title"]);
    add_rows(
        &mut table,
        models
            .iter()
            .map(|m| vec![m.name.clone(), m.method.name().to_string(), m.title.clone()]),
        // The model list is in English, as its column titles.
        &super::i18n::Texts::new(crate::domain::Language::En),
    );
    format!("{table}\n")
}

/// A model's parameters, formula, legal notes and a table of price → points.
pub fn show(model: &ScoringModel, legal_notes: &[&str], table_of: &ModelTable) -> String {
    let mut out = parameter_lines(model);
    for note in legal_notes {
        out.push(format!("Legal note: {note}"));
    }
    out.push(String::new());
    out.extend(price_table(table_of));
    text_of(&out)
}

/// The model's source, method, formula, rounding and, for an anchor model, its anchors.
fn parameter_lines(model: &ScoringModel) -> Vec<String> {
    let mut out = vec![
        format!("{}: {}", model.name, model.title),
        format!(
            "Source: {}",
            model.source.as_deref().unwrap_or("(none given)")
        ),
        format!("Method: {}", model.method.name()),
        format!("Formula: {}", model.method.formula()),
        format!("Points {}", model.rounding.describe()),
    ];
    if let Method::Anchors(anchors) = &model.method {
        let listed: Vec<String> = anchors
            .iter()
            .map(|a| format!("{} → {} points", a.price, exact_comma(a.points.value())))
            .collect();
        out.push(format!("Anchors: {}", listed.join("; ")));
    }
    out
}

/// The table of price → points, under a line saying what the prices are measured against;
/// the table is one multi-line string.
fn price_table(table_of: &ModelTable) -> [String; 2] {
    let band = table_of.band;
    let mut table = terminal_table();
    let title = if table_of.relative {
        table.set_header(vec!["Price", "% of the lowest", "Points (exact)", "Points"]);
        format!(
            "Points by price, with the lowest scored price at {}:",
            exact_comma(band.min.value())
        )
    } else {
        table.set_header(vec!["Price", "Points (exact)", "Points"]);
        format!(
            "Points by price on a band of {}–{} (target {}):",
            exact_comma(band.min.value()),
            exact_comma(band.max.value()),
            exact_comma(band.target.value())
        )
    };
    for row in &table_of.rows {
        let mut cells = vec![exact_comma(row.price.value())];
        if let Some(percent) = row.percent_of_lowest {
            cells.push(exact_comma(percent.round_dp(1)));
        }
        // The exact points to 6 decimals, for reading only; the rounded points are the
        // model's own.
        cells.push(exact_comma(row.exact.round_dp(6)));
        cells.push(decimal_comma(row.points.value()));
        table.add_row(cells);
    }
    let columns = table.column_count();
    align_right(&mut table, 1..columns);
    [title, table.to_string()]
}
