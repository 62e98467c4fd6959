//! The `rescore` report: per tender, what changed from each version to the next, and a
//! summary of the tenders whose winner or ranking changed. One renderer per format.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{CellAlignment, Table};
use serde::Serialize;

use super::Format;
use crate::evaluate::rescore::{Rescored, Step, Summary, TenderRescore};

pub fn render(rescored: &Rescored, format: Format) -> Vec<u8> {
    match format {
        Format::Table => text(rescored, false).into_bytes(),
        Format::Md => text(rescored, true).into_bytes(),
        Format::Json => json(rescored).into_bytes(),
        Format::Csv => csv(&rescored.tenders),
    }
}

/// A value for people: decimal comma, and a dash where there is none.
fn shown(value: &Option<String>) -> String {
    value
        .as_deref()
        .map_or_else(|| "–".to_string(), |v| v.replace('.', ","))
}

fn step_line(step: &Step) -> String {
    let winner = if step.winner_changed {
        format!(
            "WINNER CHANGED from {} to {}",
            step.winners_before.join(" and "),
            step.winners_after.join(" and ")
        )
    } else {
        format!("winner unchanged ({})", step.winners_after.join(" and "))
    };
    let ranking = if step.ranking_changed {
        "ranking changed"
    } else {
        "ranking unchanged"
    };
    format!(
        "Version {} → {} ({}): {winner}; {ranking}",
        step.from, step.to, step.rettelsesblad
    )
}

fn summary_lines(s: &Summary) -> Vec<String> {
    let list = |ids: &[String]| {
        if ids.is_empty() {
            "none".to_string()
        } else {
            ids.join(", ")
        }
    };
    vec![
        format!("{} tender(s), {} version(s) scored.", s.tenders, s.versions),
        format!("Winner changed: {}", list(&s.winner_changed)),
        format!("Ranking changed: {}", list(&s.ranking_changed)),
        format!("Legal check flagged: {}", list(&s.flagged)),
    ]
}

fn text(rescored: &Rescored, markdown: bool) -> String {
    let results = &rescored.tenders;
    let mut out: Vec<String> = Vec::new();
    let heading = |level: usize, text: String| {
        if markdown {
            format!("{} {text}", "#".repeat(level))
        } else {
            text
        }
    };
    out.push(heading(1, "Re-scoring after rettelsesblade".into()));
    out.push(String::new());
    out.extend(
        summary_lines(&rescored.summary)
            .into_iter()
            .map(|l| if markdown { format!("- {l}") } else { l }),
    );
    for r in results {
        out.push(String::new());
        out.push(heading(
            2,
            format!(
                "Tender {} ({}): {}, {} version(s)",
                r.tender, r.dir, r.title, r.versions
            ),
        ));
        for flag in &r.flags {
            out.push(format!("LEGAL CHECK: {}", flag.message));
        }
        if r.steps.is_empty() {
            out.push("No rettelsesblade: only version 0.".into());
        }
        for step in &r.steps {
            out.push(String::new());
            out.push(heading(3, step_line(step)));
            if step.bids.is_empty() {
                out.push("No bid changed.".into());
                continue;
            }
            let header = ["Bidder", "Field", "Before", "After"];
            let rows: Vec<[String; 4]> = step
                .bids
                .iter()
                .flat_map(|b| {
                    b.changes.iter().map(|c| {
                        [
                            b.bidder.clone(),
                            c.field.clone(),
                            shown(&c.before),
                            shown(&c.after),
                        ]
                    })
                })
                .collect();
            out.push(String::new());
            if markdown {
                out.push(format!("| {} |", header.join(" | ")));
                out.push("| :--- | :--- | ---: | ---: |".into());
                out.extend(rows.iter().map(|r| {
                    format!(
                        "| {} |",
                        r.iter()
                            .map(|c| c.replace('|', "\\|"))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    )
                }));
            } else {
                let mut table = Table::new();
                table
                    .load_style(UTF8_FULL_CONDENSED)
                    .set_header(header.to_vec())
                    .add_rows(rows);
                for index in [2, 3] {
                    if let Some(column) = table.column_mut(index) {
                        column.set_cell_alignment(CellAlignment::Right);
                    }
                }
                out.push(table.to_string());
            }
        }
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// The JSON document of `rescore` (see the README's JSON contract).
#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    format_version: u32,
    summary: &'a Summary,
    tenders: &'a [TenderRescore],
}

fn json(rescored: &Rescored) -> String {
    let document = Document {
        format: "tenderscore-rescore",
        format_version: 1,
        summary: &rescored.summary,
        tenders: &rescored.tenders,
    };
    let mut out = serde_json::to_string_pretty(&document).unwrap_or_default();
    out.push('\n');
    out
}

fn csv(results: &[TenderRescore]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(super::csv::BOM.to_vec());
    let _ = writer.write_record([
        "tender",
        "from",
        "to",
        "rettelsesblad",
        "bid",
        "bidder",
        "field",
        "before",
        "after",
    ]);
    for r in results {
        for step in &r.steps {
            let (from, to) = (step.from.to_string(), step.to.to_string());
            if step.winner_changed {
                let _ = writer.write_record([
                    r.tender.as_str(),
                    &from,
                    &to,
                    &step.rettelsesblad,
                    "",
                    "",
                    "winner",
                    &step.winners_before.join(" "),
                    &step.winners_after.join(" "),
                ]);
            }
            for bid in &step.bids {
                for c in &bid.changes {
                    let _ = writer.write_record([
                        r.tender.as_str(),
                        &from,
                        &to,
                        &step.rettelsesblad,
                        &bid.bid,
                        &bid.bidder,
                        &c.field,
                        &c.before.as_deref().unwrap_or_default().replace('.', ","),
                        &c.after.as_deref().unwrap_or_default().replace('.', ","),
                    ]);
                }
            }
        }
    }
    writer.into_inner().unwrap_or_default()
}
