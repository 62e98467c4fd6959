//! Markdown for the evaluation memo (evalueringsnotat): the same content as the table.

use super::{Evaluation, grid, heading, notes, order_note};

/// Escapes the characters that would break a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

pub fn render(evaluation: &Evaluation) -> String {
    let (header, rows) = grid(evaluation);
    let mut lines = vec![
        format!("# Evaluation of {}", evaluation.tender.id),
        String::new(),
    ];
    lines.extend(
        heading(evaluation)
            .into_iter()
            .map(|l| format!("- {}", cell(&l))),
    );
    lines.push(String::new());
    let row = |cells: &[String]| {
        format!(
            "| {} |",
            cells
                .iter()
                .map(|c| cell(c))
                .collect::<Vec<_>>()
                .join(" | ")
        )
    };
    lines.push(row(&header));
    // Left-align the bidder and status; right-align the numbers.
    let align: Vec<String> = (0..header.len())
        .map(|i| {
            if i == 1 || i == header.len() - 1 {
                ":---".to_string()
            } else {
                "---:".to_string()
            }
        })
        .collect();
    lines.push(format!("| {} |", align.join(" | ")));
    lines.extend(rows.iter().map(|r| row(r)));
    let notes = notes(evaluation);
    if !notes.is_empty() {
        lines.push(String::new());
        lines.push("## Notes".into());
        lines.push(String::new());
        lines.extend(notes.iter().map(|n| format!("- {}", cell(n))));
    }
    lines.push(String::new());
    lines.push(order_note(&evaluation.tender));
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
