//! Markdown for the evaluation memo (evalueringsnotat): the same content as the table. Also
//! the Markdown table every Markdown report shares.

use super::i18n::Texts;
use super::text::{grid, heading, notes, order_note_in};
use super::{Evaluation, text_of};

/// [`inline`], and `|` escaped too, which would break a Markdown table cell.
fn cell(text: &str) -> String {
    escaped(String::new(), text, &['<', '|'])
}

/// A note as one list item, `- …`: no markup at all, so a bidder's words quoted as
/// evidence cannot open a code span, emphasis or link, nor break the line.
fn list_item(text: &str) -> String {
    escaped("- ".into(), text, &['<', '*', '[', ']', '`', '|'])
}

/// Text from anywhere (a bidder's name or words) as one line of Markdown that cannot
/// start a block or open markup: line breaks and other control characters become spaces,
/// and `<` (raw HTML) is escaped. Inside a line `#`, `>` or `-` start nothing.
pub(super) fn inline(text: &str) -> String {
    escaped(String::new(), text, &['<'])
}

/// [`inline`], and also no emphasis, link or code span: for text that holds no code span
/// of ours (a letter's sentences, a heading), where `*`, `[`, `]` and backticks are
/// written as the characters they are.
pub(super) fn plain_inline(text: &str) -> String {
    escaped(String::new(), text, &['<', '*', '[', ']', '`'])
}

/// `text` after `start`, control characters as spaces and the `special` ones escaped.
/// Written in one pass: the text may be a bidder's whole text.
fn escaped(start: String, text: &str, special: &[char]) -> String {
    let mut out = start;
    out.reserve(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.push(' ');
        } else {
            if special.contains(&c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Text as a Markdown code span, whatever backticks it holds: fenced by one backtick more
/// than its longest run of them, with spaces inside where it starts or ends with one.
pub(super) fn code(text: &str) -> String {
    // A control character becomes a space, never a backtick: the runs are the same before
    // and after. Written once into room for it all: the text may be a bidder's whole text.
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    let mut out = String::with_capacity(text.len() + 2 * (fence.len() + pad.len()));
    out.push_str(&fence);
    out.push_str(pad);
    out.extend(text.chars().map(|c| if c.is_control() { ' ' } else { c }));
    out.push_str(pad);
    out.push_str(&fence);
    out
}

/// One table row: `| a | b |`, each cell escaped.
fn row(cells: &[String]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
    format!("| {} |", cells.join(" | "))
}

/// A Markdown table: the header, the alignment line (the columns `right` picks aligned
/// right, the others left), then the rows.
pub(super) fn table_lines(
    header: &[String],
    rows: &[Vec<String>],
    right: impl Fn(usize) -> bool,
) -> Vec<String> {
    let align: Vec<&str> = (0..header.len())
        .map(|i| if right(i) { "---:" } else { ":---" })
        .collect();
    let mut lines = vec![row(header), format!("| {} |", align.join(" | "))];
    lines.extend(rows.iter().map(|r| row(r)));
    lines
}

pub fn render(evaluation: &Evaluation, texts: &Texts) -> String {
    let (header, rows) = grid(evaluation, texts);
    let mut lines = vec![
        format!(
            "# {}",
            texts.with(
                "report-md-title",
                &[("id", evaluation.tender.id.as_str().into())]
            )
        ),
        String::new(),
    ];
    lines.extend(
        heading(evaluation, texts)
            .into_iter()
            .map(|l| format!("- {}", cell(&l))),
    );
    lines.push(String::new());
    // Left-align the bidder and status; right-align the numbers.
    let last = header.len() - 1;
    lines.extend(table_lines(&header, &rows, |i| i != 1 && i != last));
    let notes = notes(evaluation, texts);
    if !notes.is_empty() {
        lines.push(String::new());
        lines.push(format!("## {}", texts.get("report-notes")));
        lines.push(String::new());
        lines.extend(notes.into_iter().map(|n| list_item(&n)));
    }
    lines.push(String::new());
    lines.push(order_note_in(&evaluation.tender, texts));
    lines.push(String::new());
    lines.push(super::evaluated_with(texts));
    text_of(&lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidders_words_start_no_markup() {
        // A code span is fenced by one backtick more than the longest run inside (1 → 2),
        // padded with spaces where the text starts or ends with a backtick; a line break
        // becomes a space.
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
        assert_eq!(code("a\nb"), "`a b`");
        // A list item: the dash, then every character that could open markup escaped,
        // and the tab a space.
        assert_eq!(
            list_item("a|b <c> *d* [e] `f`\tg"),
            "- a\\|b \\<c> \\*d\\* \\[e\\] \\`f\\` g"
        );
        // A table cell escapes only the pipe and raw HTML.
        assert_eq!(cell("x|y<z *w*"), "x\\|y\\<z *w*");
    }
}
