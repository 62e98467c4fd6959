//! The rejection report for legal: every bid set aside, each finding with its rule, the
//! decision, the evidence from the bid file and the clause reference and text from the
//! tender. One exporter per format, rendering to bytes without I/O.

use comfy_table::ContentArrangement;
use serde::Serialize;

use super::i18n::Texts;
use super::markdown::{inline, plain_inline};
use super::table::{add_rows, keep_words_whole, terminal_table};
use super::text::terminal_safe;
use super::text::{status_text, yes_no};
use super::{Evaluation, Format, Layout, decision_name, status, text_of};
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

fn summary(evaluation: &Evaluation, texts: &Texts) -> String {
    let bids = set_aside(evaluation);
    let rejected = bids.iter().filter(|(e, _)| status(e) == "rejected").count();
    let review = bids.len() - rejected;
    texts.with(
        "report-set-aside-summary",
        &[
            ("id", evaluation.tender.id.as_str().into()),
            ("version", evaluation.version.to_string().into()),
            ("latest", yes_no(evaluation.latest)),
            ("set_aside", bids.len().to_string().into()),
            ("bids", evaluation.ranking.len().to_string().into()),
            ("rejected", rejected.to_string().into()),
            ("review", review.to_string().into()),
        ],
    )
}

fn clause(finding: &Finding, texts: &Texts) -> String {
    match (&finding.source, &finding.clause) {
        (Some(source), Some(text)) => texts.with(
            "report-clause",
            &[
                ("source", source.as_str().into()),
                ("text", text.as_str().into()),
            ],
        ),
        (Some(source), None) => source.clone(),
        (None, Some(text)) => texts.with("report-clause-text", &[("text", text.as_str().into())]),
        (None, None) => texts.get("report-clause-none"),
    }
}

/// A finding's decision, rule and reason as the report shows them: the memo's sentences
/// and the rule's name.
struct Cells {
    decision: String,
    rule: String,
    reason: String,
}

fn cells(evaluation: &Evaluation, entry: &Ranked, finding: &Finding, texts: &Texts) -> Cells {
    let view = super::memo::finding(evaluation, texts, finding, entry.score.round);
    let rule_name = texts.get(&format!("rulename-{}", finding.rule.as_str()));
    Cells {
        decision: view.decision,
        rule: rule_name,
        reason: view.reason,
    }
}

pub fn render(evaluation: &Evaluation, format: Format) -> Vec<u8> {
    render_for(evaluation, format, Layout::default())
}

/// Renders the bids set aside; a table for a terminal of `width` columns fits it.
pub fn render_for(evaluation: &Evaluation, format: Format, layout: Layout) -> Vec<u8> {
    let texts = || layout.texts(evaluation);
    match format {
        Format::Table => terminal_safe(table(evaluation, layout.width, &texts())).into_bytes(),
        Format::Md => markdown(evaluation, &texts()).into_bytes(),
        Format::Json => json(evaluation).into_bytes(),
        Format::Csv => super::written(|out| write_csv(evaluation, out)),
        // The workbook has a sheet of the bids set aside beside the ranking.
        Format::Xlsx => super::xlsx::render(evaluation, &texts()).unwrap_or_default(),
    }
}

/// The narrowest terminal that still gets the six-column table; a narrower one gets one
/// block per finding, so no file name or rule is broken inside. So does a terminal too
/// narrow for every column to be as wide as its longest word.
const NARROWEST_TABLE: u16 = 120;

fn table(evaluation: &Evaluation, width: Option<u16>, texts: &Texts) -> String {
    if let Some(width) = width.filter(|w| *w < NARROWEST_TABLE) {
        return blocks(evaluation, width, texts);
    }
    let table_width = width.unwrap_or(TABLE_WIDTH);
    let mut table = terminal_table();
    table
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(table_width);
    let header = [
        "col-bidder",
        "col-decision",
        "col-rule",
        "col-reason",
        "report-col-evidence",
        "col-clause",
    ]
    .map(|id| texts.get(id));
    table.set_header(header.clone());
    let rows: Vec<Vec<String>> = set_aside(evaluation)
        .into_iter()
        .flat_map(|(entry, findings)| {
            findings.iter().map(move |finding| {
                let c = cells(evaluation, entry, finding, texts);
                vec![
                    entry.score.bidder.to_string(),
                    c.decision,
                    c.rule,
                    c.reason,
                    super::evidence::in_words(evaluation, finding, texts),
                    clause(finding, texts),
                ]
            })
        })
        .collect();
    // Lines break between words, never inside one ("forbeholdserklæringe n"); a terminal
    // too narrow for that gets the blocks. The fixed width of a file keeps the table.
    if !keep_words_whole(&mut table, &header, &rows, usize::from(table_width))
        && let Some(width) = width
    {
        return blocks(evaluation, width, texts);
    }
    add_rows(&mut table, rows, texts);
    format!(
        "{}\n\n{table}\n{}\n",
        super::table::wrapped(&summary(evaluation, texts), "", width),
        super::evaluated_with(texts)
    )
}

/// One block per finding, wrapped to the terminal's width at spaces only, so no word or
/// clause reference is broken inside.
fn blocks(evaluation: &Evaluation, width: u16, texts: &Texts) -> String {
    let wrap = |text: &str| {
        textwrap::fill(
            text,
            textwrap::Options::new(usize::from(width))
                .subsequent_indent("    ")
                .break_words(false),
        )
    };
    let label = |id: &str, text: String| {
        wrap(&texts.with(
            "report-block-line",
            &[("label", texts.get(id).into()), ("text", text.into())],
        ))
    };
    let mut lines = vec![wrap(&summary(evaluation, texts)), String::new()];
    for (entry, findings) in set_aside(evaluation) {
        for finding in findings {
            let c = cells(evaluation, entry, finding, texts);
            lines.push(wrap(&format!(
                "{} — {} ({})",
                entry.score.bidder, c.decision, c.rule
            )));
            lines.push(label("col-reason", c.reason));
            lines.push(label(
                "report-col-evidence",
                super::evidence::in_words(evaluation, finding, texts),
            ));
            lines.push(label("col-clause", clause(finding, texts)));
            lines.push(String::new());
        }
    }
    lines.push(super::evaluated_with(texts));
    text_of(&lines)
}

fn markdown(evaluation: &Evaluation, texts: &Texts) -> String {
    let mut lines = vec![
        format!(
            "# {}",
            texts.with(
                "report-set-aside-title",
                &[("id", evaluation.tender.id.as_str().into())]
            )
        ),
        String::new(),
        summary(evaluation, texts),
    ];
    for (entry, findings) in set_aside(evaluation) {
        lines.push(String::new());
        lines.push(format!(
            "## {} — {}",
            inline(&entry.score.bidder),
            status_text(entry, texts),
        ));
        for finding in findings {
            let c = cells(evaluation, entry, finding, texts);
            lines.push(String::new());
            lines.push(format!("### {}: {}", inline(&c.rule), inline(&c.decision)));
            lines.push(String::new());
            let item = |id: &str, text: String| {
                let mut line = texts.with(
                    "report-block-line",
                    &[("label", texts.get(id).into()), ("text", text.into())],
                );
                // The block's indent becomes the list's dash, in place: the text may
                // quote a bidder's whole text.
                let indent = line.len() - line.trim_start().len();
                line.replace_range(..indent, "- ");
                line
            };
            lines.push(item("col-reason", inline(&c.reason)));
            // Its own statement, so the words in full are let go before the line is made.
            let evidence = plain_inline(&super::evidence::in_words(evaluation, finding, texts));
            lines.push(item("report-col-evidence", evidence));
            lines.push(item(
                "col-clause",
                inline(
                    &finding
                        .source
                        .clone()
                        .unwrap_or_else(|| texts.get("report-clause-none-short")),
                ),
            ));
            if let Some(text) = &finding.clause {
                lines.push(String::new());
                lines.push(format!("  > {}", inline(text)));
            }
        }
    }
    lines.push(String::new());
    lines.push(super::evaluated_with(texts));
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

/// Writes the bids set aside as they are produced: the CSV record by record, as
/// [`super::write_for`] writes the score's; the same bytes as [`render_for`].
pub fn write_for(
    evaluation: &Evaluation,
    format: Format,
    layout: Layout,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Csv => write_csv(evaluation, out),
        Format::Xlsx => super::xlsx::write(evaluation, &layout.texts(evaluation), out),
        _ => out.write_all(&render_for(evaluation, format, layout)),
    }
}

/// The CSV for legal: one record per finding of every bid set aside, written to `out`.
fn write_csv(evaluation: &Evaluation, out: &mut dyn std::io::Write) -> std::io::Result<()> {
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
    super::csv::write_excel(std::iter::once(header).chain(rows), out)
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
