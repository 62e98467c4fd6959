//! The terminal table: heading, one row per bid in ranking order, then the notes that
//! explain every adjustment, tie and rejection. Also the table style every terminal report
//! shares.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, ContentArrangement, Table};

use super::Evaluation;
use super::i18n::Texts;
use super::text::{grid, heading, notes, order_note_in};

/// An empty table in the style of every terminal report.
pub(super) fn terminal_table() -> Table {
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    table
}

/// The most characters a terminal table cell shows. A longer text (a bidder's whole
/// reservation quoted as evidence) is cut with a note: no one reads megabytes in a terminal,
/// and comfy-table splits an over-long word in time that grows with the square of its
/// length. The Markdown and JSON reports keep every text whole.
pub(super) const CELL_LIMIT: usize = 2000;

/// Adds rows to a terminal table, each cell cut to [`CELL_LIMIT`] characters with a note
/// in the report's language.
pub(super) fn add_rows(
    table: &mut Table,
    rows: impl IntoIterator<Item = Vec<String>>,
    texts: &Texts,
) {
    for row in rows {
        let cells: Vec<String> = row.into_iter().map(|cell| cut_cell(cell, texts)).collect();
        table.add_row(cells);
    }
}

fn cut_cell(text: String, texts: &Texts) -> String {
    match text.char_indices().nth(CELL_LIMIT) {
        None => text,
        Some((end, _)) => {
            let count = rust_decimal::Decimal::from(text.chars().count());
            let note = texts.with("table-cut", &[("count", texts.number(count).into())]);
            format!("{}… {note}", &text[..end])
        }
    }
}

/// Aligns the given columns to the right, as numbers are.
pub(super) fn align_right(table: &mut Table, columns: impl IntoIterator<Item = usize>) {
    for index in columns {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
}

/// The narrowest a table can be without breaking a word: each column as wide as its
/// longest word, with the borders and padding (three characters a column, and one).
fn narrowest(header: &[String], rows: &[Vec<String>]) -> usize {
    longest_words(header, rows).iter().sum::<usize>() + 3 * header.len() + 1
}

/// Each column's longest word, in the header or any row.
fn longest_words(header: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let longest = |text: &str| {
        text.split_whitespace()
            .map(textwrap::core::display_width)
            .max()
            .unwrap_or(0)
    };
    (0..header.len())
        .map(|i| {
            std::iter::once(&header[i])
                .chain(rows.iter().filter_map(|r| r.get(i)))
                .map(|t| longest(t))
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// Sets the header and makes no column narrower than its longest word, where a table of
/// `width` characters can hold every column so, and says whether it could; else leaves
/// the table as it is (a word longer than the table can hold must break somewhere).
pub(super) fn keep_words_whole(
    table: &mut Table,
    header: &[String],
    rows: &[Vec<String>],
    width: usize,
) -> bool {
    if narrowest(header, rows) > width {
        return false;
    }
    let words = longest_words(header, rows);
    table.set_header(header.to_vec());
    // comfy-table's widths count the padding, one character each side.
    for (column, word) in table.column_iter_mut().zip(words) {
        column.set_constraint(comfy_table::ColumnConstraint::LowerBoundary(
            comfy_table::Width::Fixed(u16::try_from(word + 2).unwrap_or(u16::MAX)),
        ));
    }
    true
}

/// The table report; for a terminal of `width` columns every line fits it. Where the
/// criteria's names do not fit whole, their columns are named by letters with a legend;
/// a column is never narrower than its longest word where the table can fit them all.
pub fn render(evaluation: &Evaluation, width: Option<u16>, texts: &Texts) -> String {
    let (mut header, rows) = grid(evaluation, texts);
    let mut legend = None;
    let columns = header.len();
    let mut table = terminal_table();
    if let Some(width) = width {
        table
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(width);
        let width = usize::from(width);
        if narrowest(&header, &rows) > width {
            let (lettered, names) = super::text::lettered_header(evaluation, texts);
            header = lettered;
            legend = Some(names);
        }
        keep_words_whole(&mut table, &header, &rows, width);
    }
    table.set_header(header);
    add_rows(&mut table, rows, texts);
    // Every column but the bidder's and the status holds numbers.
    align_right(
        &mut table,
        (0..columns).filter(|i| *i != 1 && *i != columns - 1),
    );
    let fit = |text: &str, indent: &str| wrapped(text, indent, width);
    let heading: Vec<String> = heading(evaluation, texts)
        .iter()
        .map(|l| fit(l, ""))
        .collect();
    let table = table.to_string();
    let legend = legend.map(|legend| fit(&legend, "  "));
    let notes = notes(evaluation, texts);
    let order_note = fit(&order_note_in(&evaluation.tender, texts), "");
    let evaluated = super::evaluated_with(texts);
    // Room for the whole report at once: a note may quote a bidder's whole text (20 MB),
    // and a growing report would hold it twice while it moves.
    let parts = [&table, &order_note, &evaluated]
        .into_iter()
        .chain(&heading);
    let words: usize = parts
        .chain(&legend)
        .chain(&notes)
        .map(|t| t.len() + 4)
        .sum();
    let mut out = String::with_capacity(words + 64);
    out.push_str(&heading.join("\n"));
    out.push_str("\n\n");
    out.push_str(&table);
    out.push('\n');
    if let Some(legend) = legend {
        out.push_str(&legend);
        out.push('\n');
    }
    if !notes.is_empty() {
        out.push_str(&format!("\n{}:\n", texts.get("report-notes")));
        for note in notes {
            // A list item, wrapped for a terminal; else written as it is, not copied.
            match width {
                Some(_) => out.push_str(&fit(&format!("- {note}"), "  ")),
                None => {
                    out.push_str("- ");
                    out.push_str(&note);
                }
            }
            out.push('\n');
        }
    }
    out.push_str(&format!("\n{order_note}\n{evaluated}\n"));
    out
}

/// A line wrapped to a terminal's width (continuation lines indented), or as it is.
pub(super) fn wrapped(text: &str, indent: &str, width: Option<u16>) -> String {
    match width {
        Some(width) => textwrap::fill(
            text,
            textwrap::Options::new(usize::from(width)).subsequent_indent(indent),
        ),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_is_cut_after_its_limit_counted_in_characters() {
        // 2000 letters "æ" (2 bytes each) fit exactly; one more is cut after the 2000th,
        // with the whole length (2001) named.
        let fits = "æ".repeat(CELL_LIMIT);
        let en = Texts::new(crate::domain::Language::En);
        assert_eq!(cut_cell(fits.clone(), &en), fits);
        let cut = cut_cell("æ".repeat(CELL_LIMIT + 1), &en);
        assert!(cut.starts_with(&format!("{fits}… (cut: 2,001 characters in all")));
        assert_eq!(cut.matches('æ').count(), CELL_LIMIT);
        // In Danish, in Danish words and numbers.
        let da = Texts::new(crate::domain::Language::Da);
        let cut = cut_cell("æ".repeat(CELL_LIMIT + 1), &da);
        assert!(cut.contains("… (forkortet: 2.001 tegn i alt;"), "{cut}");
    }
}
