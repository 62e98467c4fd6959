//! Markdown for the evaluation memo (evalueringsnotat): the same content as the table. Also
//! the Markdown table every Markdown report shares.

use super::i18n::Texts;
use super::text::{grid, heading, notes, order_note_in};
use super::{Evaluation, text_of};

/// [`inline`], and `|` escaped too, which would break a Markdown table cell.
fn cell(text: &str) -> String {
    escaped(String::new(), text, b"<|")
}

/// A note as one list item, `- …`: no markup at all, so a bidder's words quoted as
/// evidence cannot open a code span, emphasis or link, nor break the line.
fn list_item(text: &str) -> String {
    escaped("- ".into(), text, b"<*[]`|")
}

/// Text from anywhere (a bidder's name or words) as one line of Markdown that cannot
/// start a block or open markup: line breaks and other control characters become spaces,
/// and `<` (raw HTML) is escaped. Inside a line `#`, `>` or `-` start nothing.
pub(super) fn inline(text: &str) -> String {
    escaped(String::new(), text, b"<")
}

/// [`inline`], and also no emphasis, link or code span: for text that holds no code span
/// of ours (a letter's sentences, a heading), where `*`, `[`, `]` and backticks are
/// written as the characters they are.
pub(super) fn plain_inline(text: &str) -> String {
    escaped(String::new(), text, b"<*[]`")
}

/// `text` after `start`, control characters as spaces and the `special` ones escaped.
/// Written in one pass that copies the runs between such characters whole: the text may
/// be a bidder's whole text, or a letter's list of a thousand suppliers.
fn escaped(start: String, text: &str, special: &[u8]) -> String {
    let mut out = start;
    out.reserve(text.len());
    let bytes = text.as_bytes();
    // The bytes that end a run: the special characters, C0 controls, DEL and 0xC2 (which
    // starts a C1 control, among others).
    let mut ends_run = [false; 256];
    for &b in special.iter().chain(&[0x7F, 0xC2]) {
        ends_run[usize::from(b)] = true;
    }
    ends_run[..0x20].fill(true);
    let mut run = 0; // where the run not yet copied starts
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !ends_run[usize::from(b)] {
            i += 1;
            continue;
        }
        // A C0 control or DEL is one byte; a C1 control (U+0080–U+009F) is 0xC2 and a
        // byte 0x80–0x9F. No other character's bytes fall in these ranges, and every
        // special character is ASCII, so the runs end on character boundaries.
        let control = match b {
            0x00..=0x1F | 0x7F => Some(1),
            0xC2 if matches!(bytes.get(i + 1), Some(0x80..=0x9F)) => Some(2),
            _ => None,
        };
        if let Some(width) = control {
            out.push_str(&text[run..i]);
            out.push(' ');
            i += width;
            run = i;
        } else if special.contains(&b) {
            out.push_str(&text[run..i]);
            out.push('\\');
            run = i; // the character itself starts the next run
            i += 1;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[run..]);
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

    /// The escaping by bytes against the definition, character by character: controls
    /// (C0, DEL, C1) become spaces, the special characters get a backslash, all else stays.
    #[test]
    fn escaping_copies_runs_and_agrees_with_the_definition() {
        let by_chars = |text: &str, special: &[u8]| -> String {
            let mut out = String::new();
            for c in text.chars() {
                if c.is_control() {
                    out.push(' ');
                } else {
                    if c.is_ascii() && special.contains(&(c as u8)) {
                        out.push('\\');
                    }
                    out.push(c);
                }
            }
            out
        };
        for text in [
            "",
            "plain",
            "<*[]`|",
            "a\tb\nc\r\u{7f}d",
            "\u{80}x\u{9f}y\u{a0}z\u{bf}",
            "Ærø Å/S – „citat“ 😀 <b>",
            "ends with <",
            "<starts",
            "\u{85}\u{85}**",
            "ĂĀ\u{c2}",
        ] {
            for special in [&b"<|"[..], b"<*[]`|", b"<", b"<*[]`"] {
                assert_eq!(
                    escaped(String::new(), text, special),
                    by_chars(text, special),
                    "{text:?}"
                );
            }
        }
        assert_eq!(escaped("- ".into(), "a|b", b"|"), "- a\\|b");
    }

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
