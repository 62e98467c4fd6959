//! Reports: the ranked evaluation of one tender, rendered to bytes in one of four formats.
//!
//! Contract: [`Evaluation`] holds everything any report shows; each exporter module turns
//! it into bytes and does no I/O, reads no clock and no environment, so the same inputs
//! give byte-identical reports. Text for people (table, Markdown, CSV) uses the decimal
//! comma of Danish documents; JSON writes every number as an exact decimal string with a
//! decimal point.

pub mod batch;
mod blocks;
mod changes;
mod charts;
mod csv;
mod evidence;
pub mod explain;
pub mod i18n;
mod json;
pub mod letters;
mod markdown;
pub mod memo;
pub mod models;
pub mod number;
pub mod payments;
pub mod rejections;
pub mod rounds;
mod table;
mod text;
pub mod whatif;
mod xlsx;
pub use text::{fit_to_width, terminal_safe};

pub use text::{effective_weights_note, order_note};

use rust_decimal::Decimal;
use std::fmt::Write as _;

use crate::domain::{BidId, Criterion, Language, Tender};
use crate::evaluate::Evaluation;
use crate::scoring::conformity::{Finding, Warning};
use crate::scoring::price_rules::Adjustment;
use crate::scoring::rank::Ranked;
use crate::scoring::score::Status;
use crate::values::Money;
use i18n::{Arg, Texts};

use number::{common_scale, decimal_comma};

/// Items formatted on every core, `per_task` of them into one buffer by `format`,
/// `per_chunk` at a time, each buffer handed to `write` in the items' order (with whether
/// another came before it): a report's text is held one chunk at a time, whatever the
/// number of items. `bytes_per_item` sizes each buffer at once.
pub(super) fn write_in_order<T: Sync, W: std::io::Write + ?Sized>(
    items: &[T],
    out: &mut W,
    (per_chunk, per_task): (usize, usize),
    bytes_per_item: usize,
    format: impl Fn(&[T], &mut Vec<u8>) -> std::io::Result<()> + Sync,
    mut write: impl FnMut(&mut W, bool, &[u8]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    // One buffer per task of a chunk, kept from chunk to chunk: their memory is touched
    // once, not allocated (and handed back to the system) for every chunk.
    let tasks_per_chunk = per_chunk.min(items.len()).div_ceil(per_task);
    let mut buffers: Vec<Vec<u8>> = (0..tasks_per_chunk)
        .map(|_| Vec::with_capacity(per_task * bytes_per_item + 16))
        .collect();
    for (n, chunk) in items.chunks(per_chunk).enumerate() {
        let tasks = chunk.len().div_ceil(per_task);
        chunk
            .par_chunks(per_task)
            .zip(&mut buffers[..tasks])
            .try_for_each(|(task, text)| {
                text.clear();
                format(task, text)
            })?;
        for (t, text) in buffers[..tasks].iter().enumerate() {
            write(out, n > 0 || t > 0, text)?;
        }
    }
    Ok(())
}

/// The output formats of `score`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A terminal table with notes on every adjustment and rejection.
    Table,
    /// Semicolon-separated, decimal comma, UTF-8 with BOM: opens in Danish Excel.
    Csv,
    /// The documented integration contract (see README).
    Json,
    /// Markdown for the evaluation memo.
    Md,
    /// An Excel workbook whose points, weighted points and totals are live formulas
    /// (`score` and `rejections`; write it to a file with --output).
    Xlsx,
}

/// Renders the evaluation in a format, its text in the tender's language.
pub fn render(evaluation: &Evaluation, format: Format) -> Vec<u8> {
    render_for(evaluation, format, None)
}

/// Writes the evaluation as it is produced (the JSON report is never held whole in
/// memory); the same bytes as [`render_in`].
pub fn write_for(
    evaluation: &Evaluation,
    format: Format,
    layout: Layout,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Json => json::write(evaluation, out),
        // The CSV writer buffers its records itself.
        Format::Csv => csv::write(evaluation, out),
        Format::Xlsx => xlsx::write(evaluation, &layout.texts(evaluation), out),
        _ => out.write_all(&render_in(evaluation, format, layout)),
    }
}

/// Renders the evaluation in the tender's language; a table for a terminal of `width`
/// columns wraps its cells, heading and notes to that width (`None`: the stable layout of
/// a file or pipe).
pub fn render_for(evaluation: &Evaluation, format: Format, width: Option<u16>) -> Vec<u8> {
    let layout = Layout {
        width,
        language: None,
    };
    render_in(evaluation, format, layout)
}

/// How a report for people is laid out: the terminal's width, and the language of its
/// text (the table and Markdown; CSV and JSON are the same in every language).
#[derive(Clone, Copy, Debug, Default)]
pub struct Layout {
    /// The terminal's width (`None`: the stable layout of a file or pipe).
    pub width: Option<u16>,
    /// The language (`None`: the tender's `language`).
    pub language: Option<Language>,
}

impl Layout {
    /// The words of the report for an evaluation.
    fn texts(self, evaluation: &Evaluation) -> i18n::Texts {
        i18n::Texts::new(self.language.unwrap_or(evaluation.tender.language))
    }
}

/// Renders the evaluation in a format and layout.
pub fn render_in(evaluation: &Evaluation, format: Format, layout: Layout) -> Vec<u8> {
    match format {
        Format::Table => {
            let texts = layout.texts(evaluation);
            text::terminal_safe(table::render(evaluation, layout.width, &texts)).into_bytes()
        }
        Format::Csv => csv::render(evaluation),
        Format::Json => json::render(evaluation).into_bytes(),
        Format::Md => markdown::render(evaluation, &layout.texts(evaluation)).into_bytes(),
        // Cells are kept within Excel's limits, so the writer does not fail; should it, no
        // bytes are better than a broken workbook (write_for reports the error).
        Format::Xlsx => xlsx::render(evaluation, &layout.texts(evaluation)).unwrap_or_default(),
    }
}

/// The program and its version, named by every report so it can be reproduced.
pub const TOOL: &str = concat!("tenderscore ", env!("CARGO_PKG_VERSION"));

/// The last line of every report for people.
fn evaluated_with(texts: &i18n::Texts) -> String {
    texts.with("report-evaluated-with", &[("tool", TOOL.into())])
}

/// The bytes a writer of a report writes. Writing to memory cannot fail; should the
/// report's own writing fail, what it wrote before is kept (the writers here fail only
/// on their output).
fn written(write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = write(&mut bytes);
    bytes
}

/// Lines as a text: joined, and ended, by newlines.
fn text_of(lines: &[String]) -> String {
    // Sized once: a line may quote a bidder's whole text, which a growing text would
    // hold twice while it moves.
    let mut text = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// An optional reference (a clause, a source) in the punctuation of its sentence, e.g.
/// `" (Bilag B pkt. 1.2)"` from `before` " (" and `after` ")"; nothing where there is none.
fn reference(source: Option<&str>, before: &str, after: &str) -> String {
    source
        .map(|s| format!("{before}{s}{after}"))
        .unwrap_or_default()
}

/// The leaf criteria in report column order (depth first, as in the tender file).
fn leaf_columns(tender: &Tender) -> Vec<&Criterion> {
    tender
        .leaves()
        .into_iter()
        .map(|i| &tender.criteria[i])
        .collect()
}

/// The heading of the column ranked on.
fn total_header(tender: &Tender) -> &'static str {
    if tender.model.method.is_money() {
        "Evaluation price"
    } else {
        "Total"
    }
}

/// `ranked`, `rejected` or `review`.
fn status(entry: &Ranked) -> &'static str {
    entry.score.status().as_str()
}

/// The bidders of the given bids, in ranking order: "Kompas ApS, Ny Start ApS".
/// At most this many other bidders are named in a sentence about a tie; the rest are
/// counted, so a tie of thousands of bids does not write millions of names.
const NAMED_OTHERS: usize = 5;

/// The bidders of `others` (`count` of them) for a sentence about a tie: joined by commas
/// (`others`) and as a list ending in "og"/"and" (`others_listed`); past
/// [`NAMED_OTHERS`] the rest are counted ("og 12 andre").
fn others_named<'a>(
    texts: &Texts,
    others: impl Iterator<Item = &'a Ranked>,
    count: usize,
) -> [(&'static str, Arg<'static>); 2] {
    let mut names: Vec<String> = others
        .take(NAMED_OTHERS)
        .map(|r| r.score.bidder.to_string())
        .collect();
    if count > names.len() {
        let more = (count - names.len()).to_string();
        names.push(texts.with("report-others-more", &[("count", more.into())]));
    }
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    [
        ("others", names.join(", ").into()),
        ("others_listed", memo::listed(texts, &names).into()),
    ]
}

/// Each bid's bidder, looked up by id (built once per report, so naming the members of
/// every tie stays linear).
struct Bidders<'a>(std::collections::HashMap<&'a BidId, &'a str>);

impl<'a> Bidders<'a> {
    fn new(ranking: &'a [Ranked]) -> Bidders<'a> {
        Bidders(
            ranking
                .iter()
                .map(|r| (&r.score.bid, r.score.bidder.as_ref()))
                .collect(),
        )
    }

    /// The bidder of a bid; its id where the bid is unknown.
    fn name<'b>(&'b self, id: &'b BidId) -> &'b str {
        self.0.get(id).copied().unwrap_or(id.0.as_str())
    }
}

/// What a finding does to its bid: `rejected` or `review`.
fn decision_name(finding: &Finding) -> &'static str {
    Status::from(finding.decision).as_str()
}

/// Where a finding's evidence stands: "bids/x.toml:5".
fn evidence_place(finding: &Finding) -> String {
    match finding.evidence.line {
        Some(line) => format!("{}:{line}", finding.evidence.file),
        None => finding.evidence.file.clone(),
    }
}

/// One finding in words, for notes and CSV cells.
fn finding_text(finding: &Finding) -> String {
    let quote = markdown::code(&finding.evidence.quote);
    let place = evidence_place(finding);
    let source = reference(finding.source.as_deref(), "; ", "");
    let resolution = resolution_text(finding);
    let parts = [
        finding.reason.as_str(),
        &place,
        &quote,
        &source,
        &resolution,
    ];
    // Room for it all at once: the quote may be a bidder's whole text (20 MB).
    let mut text = String::with_capacity(parts.iter().map(|p| p.len()).sum::<usize>() + 64);
    let _ = write!(
        text,
        "{} ({}): {} [{place} {quote}{source}]{resolution}",
        decision_name(finding),
        finding.rule,
        finding.reason,
    );
    text
}

/// The authority's decision on a finding for review, where made: "; accepted on
/// 2023-10-05 by Anna Jensen: the bidder confirmed NEJ (decisions.toml:3)".
fn resolution_text(finding: &Finding) -> String {
    finding
        .resolution
        .as_ref()
        .map(|r| {
            format!(
                "; after review {} on {} by {}: {} ({})",
                if r.accepted { "accepted" } else { "rejected" },
                r.date,
                r.by,
                r.reason,
                r.place
            )
        })
        .unwrap_or_default()
}

/// One warning in words, for CSV cells: "warning (rule): message (source)".
fn warning_text(warning: &Warning) -> String {
    format!(
        "warning ({}): {}{}",
        warning.rule,
        warning.message,
        reference(warning.source.as_deref(), " (", ")")
    )
}

/// Totals of the ranked bids padded to a common number of decimals (exact, no rounding),
/// each written by `write`; empty for bids set aside.
fn total_cells(ranking: &[Ranked], write: impl Fn(Decimal) -> String) -> Vec<String> {
    let totals: Vec<Decimal> = ranking
        .iter()
        .filter_map(|r| r.score.standing())
        .map(|s| s.value())
        .collect();
    let mut padded = common_scale(&totals).into_iter();
    ranking
        .iter()
        .map(|r| match r.score.standing() {
            Some(_) => padded.next().map(&write).unwrap_or_default(),
            None => String::new(),
        })
        .collect()
}

/// An amount as written, with a decimal comma.
fn money(amount: Money) -> String {
    decimal_comma(amount.value())
}

/// One adjustment in words: "448,05 → 449 (whole-kroner, Bilag B pkt. 1.2.1)".
fn adjustment_text(adjustment: &Adjustment) -> String {
    let from = adjustment
        .from
        .map_or_else(|| "no price".to_string(), money);
    format!(
        "{from} → {} ({}{})",
        money(adjustment.to),
        adjustment.rule,
        reference(adjustment.source.as_deref(), ", ", "")
    )
}
