//! The terminal table: heading, one row per bid in ranking order, then the notes that
//! explain every adjustment, tie and rejection.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Table};

use super::{Evaluation, grid, heading, notes, order_note};

pub fn render(evaluation: &Evaluation) -> String {
    let (header, rows) = grid(evaluation);
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_header(header.clone())
        .add_rows(rows);
    // Every column but the bidder's and the status holds numbers.
    for index in (0..header.len()).filter(|i| *i != 1 && *i != header.len() - 1) {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut out = heading(evaluation).join("\n");
    out.push_str("\n\n");
    out.push_str(&table.to_string());
    out.push('\n');
    let notes = notes(evaluation);
    if !notes.is_empty() {
        out.push_str("\nNotes:\n");
        for note in notes {
            out.push_str(&format!("- {note}\n"));
        }
    }
    out.push_str(&format!("\n{}\n", order_note(&evaluation.tender)));
    out
}
