//! The rejection report for legal: every bid set aside, each finding with its rule, the
//! decision, the evidence from the bid file and the clause reference and text from the
//! tender. One exporter per format, rendering to bytes without I/O.

use comfy_table::ContentArrangement;
use serde::Serialize;

use super::markdown::{code, inline};
use super::table::{add_rows, terminal_table};
use super::text::terminal_safe;
use super::{Evaluation, Format, decision_name, evidence_place, status, text_of};
use crate::scoring::conformity::Finding;
use crate::scoring::rank::Ranked;
use crate::scoring::score::{Outcome, Status};

/// The table is wrapped to this width whatever the terminal, so output never depends on it.
const TABLE_WIDTH: u16 = 140;

/// The bids set aside with their findings, in report order.
fn set_aside(evaluation: &Evaluation) -> Vec<(&Ranked, &[Finding])> {
    evaluation
        .ranking
        .iter()
        .filter_map(|entry| match &entry.score.outcome {
            Outcome::SetAside { findings, .. } => Some((entry, findings.as_slice())),
            Outcome::Scored { .. } => None,
        })
        .collect()
}

fn summary(evaluation: &Evaluation) -> String {
    let bids = set_aside(evaluation);
    let rejected = bids.iter().filter(|(e, _)| status(e) == "rejected").count();
    let review = bids.len() - rejected;
    format!(
        "Tender {} (version {}{}): {} of {} bids set aside: {rejected} rejected, {review} for review.",
        evaluation.tender.id,
        evaluation.version,
        if evaluation.latest {
            ", in force"
        } else {
            ", not the latest"
        },
        bids.len(),
        evaluation.ranking.len()
    )
}

fn clause(finding: &Finding) -> String {
    match (&finding.source, &finding.clause) {
        (Some(source), Some(text)) => format!("{source}: “{text}”"),
        (Some(source), None) => source.clone(),
        (None, Some(text)) => format!("“{text}”"),
        (None, None) => "(no clause given in the tender definition)".into(),
    }
}

pub fn render(evaluation: &Evaluation, format: Format) -> Vec<u8> {
    render_for(evaluation, format, None)
}

/// Renders the bids set aside; a table for a terminal of `width` columns fits it.
pub fn render_for(evaluation: &Evaluation, format: Format, width: Option<u16>) -> Vec<u8> {
    match format {
        Format::Table => terminal_safe(table(evaluation, width)).into_bytes(),
        Format::Md => markdown(evaluation).into_bytes(),
        Format::Json => json(evaluation).into_bytes(),
        Format::Csv => csv(evaluation),
        // The workbook has a sheet of the bids set aside beside the ranking.
        Format::Xlsx => super::xlsx::render(
            evaluation,
            &super::i18n::Texts::new(evaluation.tender.language),
        )
        .unwrap_or_default(),
    }
}

/// The narrowest terminal that still gets the six-column table; a narrower one gets one
/// block per finding, so no file name or rule is broken inside.
const NARROWEST_TABLE: u16 = 120;

fn table(evaluation: &Evaluation, width: Option<u16>) -> String {
    if let Some(width) = width.filter(|w| *w < NARROWEST_TABLE) {
        return blocks(evaluation, width);
    }
    let mut table = terminal_table();
    table
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width.unwrap_or(TABLE_WIDTH))
        .set_header(vec![
            "Bidder", "Decision", "Rule", "Reason", "Evidence", "Clause",
        ]);
    let rows = set_aside(evaluation)
        .into_iter()
        .flat_map(|(entry, findings)| {
            findings.iter().map(|finding| {
                vec![
                    entry.score.bidder.clone(),
                    decision_name(finding).to_string(),
                    finding.rule.to_string(),
                    finding.reason.clone(),
                    format!("{}\n{}", evidence_place(finding), finding.evidence.quote),
                    clause(finding),
                ]
            })
        });
    add_rows(&mut table, rows);
    format!(
        "{}\n\n{table}\n{}\n",
        super::table::wrapped(&summary(evaluation), "", width),
        super::evaluated_with(&super::i18n::Texts::new(crate::domain::Language::En))
    )
}

/// One block per finding, wrapped to the terminal's width at spaces only, so evidence
/// references such as `bids/arbejdsglaede.toml:16` stay whole.
fn blocks(evaluation: &Evaluation, width: u16) -> String {
    let wrap = |text: &str| {
        textwrap::fill(
            text,
            textwrap::Options::new(usize::from(width))
                .subsequent_indent("    ")
                .break_words(false),
        )
    };
    let mut lines = vec![wrap(&summary(evaluation)), String::new()];
    for (entry, findings) in set_aside(evaluation) {
        for finding in findings {
            lines.push(wrap(&format!(
                "{} — {} ({})",
                entry.score.bidder,
                decision_name(finding),
                finding.rule
            )));
            lines.push(wrap(&format!("  Reason: {}", finding.reason)));
            lines.push(wrap(&format!(
                "  Evidence: {} {}",
                evidence_place(finding),
                finding.evidence.quote
            )));
            lines.push(wrap(&format!("  Clause: {}", clause(finding))));
            lines.push(String::new());
        }
    }
    lines.push(super::evaluated_with(&super::i18n::Texts::new(
        crate::domain::Language::En,
    )));
    text_of(&lines)
}

fn markdown(evaluation: &Evaluation) -> String {
    let mut lines = vec![
        format!("# Bids set aside: {}", evaluation.tender.id),
        String::new(),
        summary(evaluation),
    ];
    for (entry, findings) in set_aside(evaluation) {
        lines.push(String::new());
        lines.push(format!(
            "## {} — {} ({})",
            inline(&entry.score.bidder),
            status(entry),
            inline(&entry.score.file)
        ));
        for finding in findings {
            lines.push(String::new());
            lines.push(format!("### {}: {}", finding.rule, decision_name(finding)));
            lines.push(String::new());
            lines.push(format!("- Reason: {}", inline(&finding.reason)));
            lines.push(format!(
                "- Evidence: {}: {}",
                inline(&evidence_place(finding)),
                code(&finding.evidence.quote)
            ));
            lines.push(format!(
                "- Clause: {}",
                inline(finding.source.as_deref().unwrap_or("(none given)"))
            ));
            if let Some(text) = &finding.clause {
                lines.push(String::new());
                lines.push(format!("  > {}", inline(text)));
            }
        }
    }
    lines.push(String::new());
    lines.push(super::evaluated_with(&super::i18n::Texts::new(
        crate::domain::Language::En,
    )));
    text_of(&lines)
}

/// The JSON document of `rejections` (see the README's JSON contract).
#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    format_version: u32,
    generator: &'static str,
    tender: TenderRef<'a>,
    bids: Vec<SetAside<'a>>,
}

#[derive(Serialize)]
struct TenderRef<'a> {
    id: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct SetAside<'a> {
    bid: &'a str,
    bidder: &'a str,
    file: &'a str,
    status: Status,
    findings: &'a [Finding],
}

fn json(evaluation: &Evaluation) -> String {
    let document = Document {
        format: "tenderscore-rejections",
        format_version: 1,
        generator: super::TOOL,
        tender: TenderRef {
            id: &evaluation.tender.id,
            title: &evaluation.tender.title,
        },
        bids: set_aside(evaluation)
            .into_iter()
            .map(|(entry, findings)| SetAside {
                bid: &entry.score.bid.0,
                bidder: &entry.score.bidder,
                file: &entry.score.file,
                status: entry.score.status(),
                findings,
            })
            .collect(),
    };
    super::json::pretty(&document)
}

/// The CSV for legal: one record per finding of every bid set aside.
fn csv(evaluation: &Evaluation) -> Vec<u8> {
    let header = [
        "tender", "version", "bidder", "bid", "status", "decision", "rule", "reason", "file",
        "line", "evidence", "source", "clause",
    ]
    .map(String::from);
    let rows = set_aside(evaluation)
        .into_iter()
        .flat_map(|(entry, findings)| {
            findings
                .iter()
                .map(move |f| csv_record(evaluation, entry, f))
        });
    super::csv::excel(std::iter::once(header).chain(rows))
}

/// One finding of a bid set aside, in the columns of the CSV header.
fn csv_record(evaluation: &Evaluation, entry: &Ranked, f: &Finding) -> [String; 13] {
    use super::csv::text_cell;
    [
        text_cell(&evaluation.tender.id),
        evaluation.version.to_string(),
        text_cell(&entry.score.bidder),
        text_cell(&entry.score.bid.0),
        status(entry).into(),
        decision_name(f).into(),
        f.rule.as_str().into(),
        f.reason.clone(),
        text_cell(&f.evidence.file),
        f.evidence.line.map(|l| l.to_string()).unwrap_or_default(),
        text_cell(&f.evidence.quote),
        f.source.clone().unwrap_or_default(),
        f.clause.clone().unwrap_or_default(),
    ]
}
