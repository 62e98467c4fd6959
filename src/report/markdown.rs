//! Markdown for the evaluation memo (evalueringsnotat): the same content as the table. Also
//! the Markdown table every Markdown report shares.

use super::i18n::Texts;
use super::text::{grid, heading, notes, order_note_in};
use super::{Evaluation, text_of};

/// Escapes the characters that would break a Markdown table cell.
fn cell(text: &str) -> String {
    inline(text).replace('|', "\\|")
}

/// A note as one list item: no markup at all, so a bidder's words quoted as evidence
/// cannot open a code span, emphasis or link, nor break the line.
fn note(text: &str) -> String {
    plain_inline(text).replace('|', "\\|")
}

/// Text from anywhere (a bidder's name or words) as one line of Markdown that cannot
/// start a block or open markup: line breaks and other control characters become spaces,
/// and `<` (raw HTML) is escaped. Inside a line `#`, `>` or `-` start nothing.
pub(super) fn inline(text: &str) -> String {
    escaped(text, &['<'])
}

/// [`inline`], and also no emphasis, link or code span: for text that holds no code span
/// of ours (a letter's sentences, a heading), where `*`, `[`, `]` and backticks are
/// written as the characters they are.
pub(super) fn plain_inline(text: &str) -> String {
    escaped(text, &['<', '*', '[', ']', '`'])
}

fn escaped(text: &str, special: &[char]) -> String {
    let mut out = String::with_capacity(text.len());
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
    let text: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    if text.starts_with('`') || text.ends_with('`') {
        format!("{fence} {text} {fence}")
    } else {
        format!("{fence}{text}{fence}")
    }
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
        lines.extend(notes.iter().map(|n| format!("- {}", note(n))));
    }
    lines.push(String::new());
    lines.push(order_note_in(&evaluation.tender, texts));
    lines.push(String::new());
    lines.push(super::evaluated_with(texts));
    text_of(&lines)
}
