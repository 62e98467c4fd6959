//! Reports as lines and tables — a title, headings, lines, tables and notes — rendered as
//! terminal text (tables drawn by comfy-table, fitted to the terminal's width where one
//! is known) or as Markdown. Renderers only: blocks in, text out.

use super::i18n::Texts;
use super::markdown::table_lines;
use super::table::{add_rows, align_right, terminal_table, wrapped};
use super::terminal_safe;

/// A table of text: a header and rows, with the columns shown right-aligned.
pub(super) struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub right: Vec<usize>,
}

/// A report as lines and tables, rendered as terminal text or Markdown.
pub(super) enum Block {
    Title(String),
    Heading(String),
    Line(String),
    Table(Grid),
    Notes(Vec<String>),
}

pub(super) fn render_blocks(
    blocks: &[Block],
    markdown: bool,
    width: Option<u16>,
    texts: &Texts,
) -> String {
    let mut out = Vec::new();
    let mut after_table_or_list = false;
    for block in blocks {
        let this_is = matches!(block, Block::Table(_))
            || matches!(block, Block::Notes(notes) if !notes.is_empty());
        match (block, markdown) {
            (Block::Title(t), true) => {
                out.push(format!("# {}\n", super::markdown::plain_inline(t)))
            }
            (Block::Title(t), false) => out.push(format!("{}\n", wrapped(t, "", width))),
            (Block::Heading(t), true) => {
                out.push(format!("\n## {}\n", super::markdown::plain_inline(t)))
            }
            (Block::Heading(t), false) => out.push(format!("\n{}", wrapped(t, "", width))),
            (Block::Line(t), true) => {
                // After a table or a list a line is a paragraph of its own, not a row of
                // the table or a continuation of the last item.
                if after_table_or_list
                    && !t.is_empty()
                    && !out.last().is_some_and(|l: &String| l.is_empty())
                {
                    out.push(String::new());
                }
                out.push(format!("{}  ", super::markdown::inline(t)))
            }
            (Block::Line(t), false) => out.push(wrapped(t, "", width)),
            (Block::Table(grid), true) => {
                if !out.last().is_some_and(|l: &String| l.ends_with('\n')) {
                    out.push(String::new());
                }
                out.extend(table_lines(&grid.header, &grid.rows, |i| {
                    grid.right.contains(&i)
                }));
            }
            (Block::Table(grid), false) => {
                let mut table = terminal_table();
                if let Some(width) = width {
                    table
                        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
                        .set_width(width);
                }
                table.set_header(grid.header.clone());
                add_rows(&mut table, grid.rows.clone(), texts);
                align_right(&mut table, grid.right.iter().copied());
                out.push(table.to_string());
            }
            (Block::Notes(notes), _) if notes.is_empty() => {}
            (Block::Notes(notes), true) => {
                if !out.last().is_some_and(|l: &String| l.ends_with('\n')) {
                    out.push(String::new());
                }
                out.extend(
                    notes
                        .iter()
                        .map(|n| format!("- {}", super::markdown::inline(n))),
                );
            }
            (Block::Notes(notes), false) => {
                out.extend(
                    notes
                        .iter()
                        .map(|n| wrapped(&format!("- {n}"), "  ", width)),
                );
            }
        }
        // An empty list writes nothing, so what came before it still counts.
        if this_is || !matches!(block, Block::Notes(_)) {
            after_table_or_list = this_is;
        }
    }
    let text = out.join("\n") + "\n";
    if markdown { text } else { terminal_safe(text) }
}
