//! The terminal table: heading, one row per bid in ranking order, then the notes that
//! explain every adjustment, tie and rejection. Also the table style every terminal report
//! shares.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Table};

use super::Evaluation;
use super::text::{grid, heading, notes, order_note};

/// An empty table in the style of every terminal report.
pub(super) fn terminal_table() -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    table
}

/// Aligns the given columns to the right, as numbers are.
pub(super) fn align_right(table: &mut Table, columns: impl IntoIterator<Item = usize>) {
    for index in columns {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

pub fn render(evaluation: &Evaluation) -> String {
    let (header, rows) = grid(evaluation);
    let columns = header.len();
    let mut table = terminal_table();
    table.set_header(header).add_rows(rows);
    // Every column but the bidder's and the status holds numbers.
    align_right(
        &mut table,
        (0..columns).filter(|i| *i != 1 && *i != columns - 1),
    );
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
