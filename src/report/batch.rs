//! The `rescore` report: per tender, what changed from each version to the next, and a
//! summary of the tenders whose winner or ranking changed. One renderer per format.

use serde::Serialize;

use super::number::with_decimal_commas;
use super::table::{add_rows, align_right, terminal_table};
use super::{Format, markdown, text_of};
use crate::evaluate::rescore::{Comparison, Rescored, Step, Summary, TenderRescore};

pub fn render(rescored: &Rescored, format: Format) -> Vec<u8> {
    match format {
        Format::Table => super::text::terminal_safe(text(rescored, false)).into_bytes(),
        Format::Md => text(rescored, true).into_bytes(),
        Format::Json => json(rescored).into_bytes(),
        // The CLI refuses xlsx for rescore; should it get here, CSV is what opens in Excel.
        Format::Csv | Format::Xlsx => csv(&rescored.tenders),
    }
}

/// A value for people: decimal comma, and a dash where there is none.
fn shown(value: &Option<String>) -> String {
    value
        .as_deref()
        .map_or_else(|| "–".to_string(), with_decimal_commas)
}

fn step_line(step: &Step) -> String {
    format!(
        "Version {} → {} ({}): {}",
        step.from,
        step.to,
        step.rettelsesblad,
        comparison_line(&step.changes)
    )
}

/// What a comparison did to the winner, the ranking and the award, in one line.
pub(super) fn comparison_line(step: &Comparison) -> String {
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
    let award = match (&step.awarded_before, &step.awarded_after) {
        (_, Some(after)) if !step.award_changed => {
            format!("; award unchanged ({})", after.join(", "))
        }
        (before, after) if step.award_changed => format!(
            "; AWARD CHANGED from {} to {}",
            before.as_ref().map_or("–".into(), |b| b.join(", ")),
            after.as_ref().map_or("–".into(), |a| a.join(", "))
        ),
        _ => String::new(),
    };
    format!("{winner}; {ranking}{award}")
}

/// The counts in one line, then each list in its own section, ten tenders a line, so a
/// batch of a thousand tenders stays readable.
fn summary_lines(s: &Summary) -> Vec<String> {
    let mut lines = vec![format!(
        "{} tender(s), {} version(s) scored: winner changed in {}, award changed in {}, ranking changed in {}, flagged by the legal check {}.",
        s.tenders,
        s.versions,
        s.winner_changed.len(),
        s.award_changed.len(),
        s.ranking_changed.len(),
        s.flagged.len()
    )];
    if s.failed > 0 {
        lines.push(format!(
            "{} tender(s) could not be scored for their problems; they are listed on standard error.",
            s.failed
        ));
    }
    for (title, ids) in [
        ("Winner changed", &s.winner_changed),
        ("Award changed", &s.award_changed),
        ("Ranking changed", &s.ranking_changed),
        ("Legal check flagged", &s.flagged),
    ] {
        if ids.is_empty() {
            continue;
        }
        lines.push(format!("{title} ({}):", ids.len()));
        lines.extend(
            ids.chunks(10)
                .map(|chunk| format!("  {}", chunk.join(", "))),
        );
    }
    lines
}

/// The table and Markdown report: the summary, then each tender's steps.
fn text(rescored: &Rescored, markdown: bool) -> String {
    let mut out = vec![
        heading(markdown, 1, "Re-scoring after rettelsesblade".into()),
        String::new(),
    ];
    out.extend(summary_lines(&rescored.summary).into_iter().map(|l| {
        match (markdown, l.strip_prefix("  ")) {
            (true, Some(nested)) => format!("  - {nested}"),
            (true, None) => format!("- {l}"),
            (false, _) => l,
        }
    }));
    for r in &rescored.tenders {
        out.extend(tender_lines(r, markdown));
    }
    out.push(String::new());
    out.push(super::evaluated_with(&super::i18n::Texts::new(
        crate::domain::Language::En,
    )));
    text_of(&out)
}

/// A heading: in Markdown with as many `#` as its level, in the table report as it is.
pub(super) fn heading(markdown: bool, level: usize, text: String) -> String {
    if markdown {
        format!("{} {text}", "#".repeat(level))
    } else {
        text
    }
}

/// One tender: its heading and legal flags, then each version step.
fn tender_lines(r: &TenderRescore, markdown: bool) -> Vec<String> {
    let mut out = vec![
        String::new(),
        heading(
            markdown,
            2,
            format!(
                "Tender {} ({}{}): {}, {} version(s)",
                r.tender,
                r.dir,
                r.lot
                    .as_deref()
                    .map_or(String::new(), |l| format!(", lot {l}")),
                r.title,
                r.versions
            ),
        ),
    ];
    out.extend(
        r.flags
            .iter()
            .map(|f| format!("LEGAL CHECK: {}", f.message)),
    );
    if r.steps.is_empty() {
        out.push("No rettelsesblade: only version 0.".into());
    }
    for step in &r.steps {
        out.extend(step_lines(step, markdown));
    }
    out
}

/// One version step: what it did to the winner and ranking, then the bids' changes.
fn step_lines(step: &Step, markdown: bool) -> Vec<String> {
    comparison_lines(step_line(step), &step.changes, markdown)
}

/// A comparison under its heading: the bids' changes as a table.
pub(super) fn comparison_lines(title: String, step: &Comparison, markdown: bool) -> Vec<String> {
    let mut out = vec![String::new(), heading(markdown, 3, title)];
    if step.bids.is_empty() {
        out.push("No bid changed.".into());
        return out;
    }
    out.push(String::new());
    out.extend(change_table(change_rows(step), markdown));
    out
}

/// The changes of a step, one row a changed field: bidder, field, before, after.
fn change_rows(step: &Comparison) -> Vec<Vec<String>> {
    step.bids
        .iter()
        .flat_map(|b| {
            b.changes.iter().map(|c| {
                vec![
                    b.bidder.clone(),
                    c.field.clone(),
                    shown(&c.before),
                    shown(&c.after),
                ]
            })
        })
        .collect()
}

/// The changes as a Markdown table, or a terminal table as one multi-line string; the
/// values are right-aligned.
fn change_table(rows: Vec<Vec<String>>, markdown: bool) -> Vec<String> {
    let header = ["Bidder", "Field", "Before", "After"].map(String::from);
    let values = [2, 3];
    if markdown {
        return markdown::table_lines(&header, &rows, |i| values.contains(&i));
    }
    let mut table = terminal_table();
    table.set_header(header.to_vec());
    add_rows(&mut table, rows);
    align_right(&mut table, values);
    vec![table.to_string()]
}

/// The JSON document of `rescore` (see the README's JSON contract).
#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    format_version: u32,
    generator: &'static str,
    summary: &'a Summary,
    tenders: &'a [TenderRescore],
}

fn json(rescored: &Rescored) -> String {
    let document = Document {
        format: "tenderscore-rescore",
        format_version: 1,
        generator: super::TOOL,
        summary: &rescored.summary,
        tenders: &rescored.tenders,
    };
    super::json::pretty(&document)
}

/// The CSV of `rescore`: one record per changed winner and per changed field of a bid.
fn csv(results: &[TenderRescore]) -> Vec<u8> {
    let header = [
        "tender",
        "from",
        "to",
        "rettelsesblad",
        "bid",
        "bidder",
        "field",
        "before",
        "after",
    ]
    .map(String::from);
    let mut records = vec![header];
    for r in results {
        for step in &r.steps {
            // A lot is named with its tender, as in the summary: `tender/lot`.
            let tender = r
                .lot
                .as_ref()
                .map_or_else(|| r.tender.clone(), |lot| format!("{}/{lot}", r.tender));
            records.extend(comparison_records(
                &tender,
                (step.from, step.to),
                &step.rettelsesblad,
                &step.changes,
            ));
        }
    }
    super::csv::excel(records)
}

/// A comparison's CSV records: the winner's change where it changed, then every changed
/// field of every bid, its values with a decimal comma.
/// `label`: what made the later evaluation (the rettelsesblad, the round).
pub(super) fn comparison_records(
    tender: &str,
    (from, to): (u32, u32),
    label: &str,
    step: &Comparison,
) -> Vec<[String; 9]> {
    use super::csv::text_cell;
    let record = |bid: &str, bidder: &str, field: &str, before: String, after: String| {
        [
            text_cell(tender),
            from.to_string(),
            to.to_string(),
            text_cell(label),
            text_cell(bid),
            text_cell(bidder),
            text_cell(field),
            before,
            after,
        ]
    };
    let mut records = Vec::new();
    if step.winner_changed {
        records.push(record(
            "",
            "",
            "winner",
            text_cell(&step.winners_before.join(" ")),
            text_cell(&step.winners_after.join(" ")),
        ));
    }
    if step.award_changed {
        let joined = |a: &Option<Vec<String>>| a.as_ref().map_or(String::new(), |a| a.join(" "));
        records.push(record(
            "",
            "",
            "awarded",
            text_cell(&joined(&step.awarded_before)),
            text_cell(&joined(&step.awarded_after)),
        ));
    }
    for bid in &step.bids {
        for c in &bid.changes {
            let value = |v: &Option<String>| with_decimal_commas(v.as_deref().unwrap_or_default());
            records.push(record(
                &bid.bid,
                &bid.bidder,
                &c.field,
                value(&c.before),
                value(&c.after),
            ));
        }
    }
    records
}
