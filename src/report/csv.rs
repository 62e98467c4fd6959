//! CSV that Danish Excel opens as it is: UTF-8 with a byte-order mark, semicolons, decimal
//! commas. One row per bid in ranking order, the rank a plain number (empty for a bid set
//! aside) with how many bids share it in `shared_by`; per leaf criterion its points and weighted
//! points; per price line the submitted and evaluated price and the adjustments in words.
//! Each row starts with the tender's id and version, so rows of several runs can be
//! pasted into one sheet. Text from bidders' files is guarded against formula injection.
//! [`excel`] writes the CSV of every report.

use super::number::{decimal_comma, exact_comma};
use super::{
    Evaluation, adjustment_text, finding_text, leaf_columns, money, status, total_cells,
    total_header, warning_text,
};
use crate::domain::{Criterion, CriterionKind};
use crate::scoring::rank::Ranked;
use crate::scoring::score::{Outcome, PriceEvaluation};
use crate::scoring::tree::CriterionScore;

/// The UTF-8 byte-order mark, by which Excel knows the file's encoding.
pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Writes records as CSV for Danish Excel: the byte-order mark, then the records separated
/// by semicolons.
pub(super) fn excel<R, C>(records: impl IntoIterator<Item = R>) -> Vec<u8>
where
    R: IntoIterator<Item = C>,
    C: AsRef<[u8]>,
{
    super::written(|out| write_excel(records, out))
}

/// [`excel`] written to `out` record by record as the records are made, so they are never
/// all held at once.
pub(super) fn write_excel<R, C>(
    records: impl IntoIterator<Item = R>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()>
where
    R: IntoIterator<Item = C>,
    C: AsRef<[u8]>,
{
    out.write_all(BOM)?;
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(out);
    for record in records {
        writer.write_record(record)?;
    }
    writer.flush()
}

/// A cell of text that came from a bidder's file (a name, a quote, a file name), written so
/// a spreadsheet shows it as text: one that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return would be read by Excel as a formula, so it gets a leading apostrophe.
/// Numbers the tool writes itself (a negative evaluation price) are never passed here.
pub(super) fn text_cell(text: &str) -> String {
    owned_text_cell(text.to_string())
}

/// [`text_cell`] of a text already made for the cell, taken rather than copied.
pub(super) fn owned_text_cell(mut text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        text.insert(0, '\'');
    }
    text
}

/// The CSV of `score`: the header, then one row per bid in ranking order.
pub fn render(evaluation: &Evaluation) -> Vec<u8> {
    super::written(|out| write(evaluation, out))
}

/// [`render`] written to `out` row by row as each is made.
pub fn write(evaluation: &Evaluation, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let leaves = leaf_columns(&evaluation.tender);
    // Each ranked bid's award by id, looked up, never searched.
    let awards: Option<std::collections::HashMap<_, _>> = evaluation
        .award
        .as_ref()
        .map(|a| a.bids.iter().map(|b| (&b.bid, b)).collect());
    let rounds = !evaluation.tender.rounds.is_empty();
    let rows = evaluation
        .ranking
        .iter()
        .zip(total_cells(&evaluation.ranking, decimal_comma))
        .map(|(entry, total)| {
            let mut record = vec![
                text_cell(&evaluation.tender.id),
                evaluation.version.to_string(),
            ];
            let mut cells = row(
                entry,
                total,
                &leaves,
                evaluation.tender.model.method.is_money(),
            );
            // After the total: the round of the bid, and the award with its share and volume.
            let mut extra = Vec::new();
            if rounds {
                extra.push(entry.score.round.to_string());
            }
            if let Some(awards) = &awards {
                let mine = awards.get(&entry.score.bid);
                extra.push(
                    mine.map_or(
                        crate::scoring::award::AwardStatus::NotAwarded.as_str(),
                        |b| b.status.as_str(),
                    )
                    .to_string(),
                );
                let number = |v: Option<rust_decimal::Decimal>| {
                    v.map_or(String::new(), |d| super::number::exact_comma(d.normalize()))
                };
                extra.push(number(mine.and_then(|b| b.share)));
                extra.push(number(mine.and_then(|b| b.volume)));
            }
            cells.splice(TOTAL_COLUMN + 1..TOTAL_COLUMN + 1, extra);
            record.extend(cells);
            record
        });
    write_excel(
        std::iter::once(header(evaluation, &leaves)).chain(rows),
        out,
    )
}

/// Where the total stands in a row of [`row`] (rank, shared_by, bidder, bid, status, total).
const TOTAL_COLUMN: usize = 5;

/// The header: who and where the bid stands, the columns of each leaf, then why a bid was
/// set aside and its warnings.
fn header(evaluation: &Evaluation, leaves: &[&Criterion]) -> Vec<String> {
    let mut header = vec![
        "tender".to_string(),
        "version".into(),
        "rank".into(),
        "shared_by".into(),
        "bidder".into(),
        "bid".into(),
        "status".into(),
        total_header(&evaluation.tender).to_lowercase(),
    ];
    if !evaluation.tender.rounds.is_empty() {
        header.push("round".into());
    }
    if evaluation.award.is_some() {
        header.extend(["award".into(), "share_percent".into(), "volume".into()]);
    }
    let money = evaluation.tender.model.method.is_money();
    header.extend(leaves.iter().flat_map(|c| leaf_header(c, money)));
    header.push("set_aside".into());
    header.push("warnings".into());
    header
}

/// A leaf's columns: points and weighted points, and for a price line the submitted and
/// evaluated price and the adjustments.
///
/// Under a money model (`money`) price earns no points and quality weighs only inside Q:
/// a price line has no points columns and a quality criterion no weighted column.
fn leaf_header(c: &Criterion, money: bool) -> Vec<String> {
    let price = matches!(c.kind, CriterionKind::Price(_));
    let mut columns = match (money, price) {
        (false, _) => vec![format!("{} points", c.id), format!("{} weighted", c.id)],
        (true, false) => vec![format!("{} points", c.id)],
        (true, true) => Vec::new(),
    };
    if price {
        columns.push(format!("{} submitted", c.id));
        columns.push(format!("{} evaluated", c.id));
        columns.push(format!("{} adjustments", c.id));
    }
    columns
}

/// One bid's row, in the columns of [`header`].
fn row(entry: &Ranked, total: String, leaves: &[&Criterion], money: bool) -> Vec<String> {
    // Plain numbers, so a spreadsheet can sort on them: the rank, and how many bids share
    // it (empty for a bid alone; the bids themselves are the rows with the same rank).
    let mut row = vec![
        entry.rank.map(|r| r.to_string()).unwrap_or_default(),
        if entry.shares_rank() {
            (entry.tied_count() + 1).to_string()
        } else {
            String::new()
        },
        text_cell(&entry.score.bidder),
        text_cell(&entry.score.bid.0),
        status(entry).into(),
        total,
    ];
    match &entry.score.outcome {
        Outcome::Scored {
            criteria, prices, ..
        } => {
            for c in leaves {
                row.extend(leaf_cells(c, criteria, prices, money));
            }
            row.push(String::new());
        }
        Outcome::SetAside { findings, .. } => {
            for c in leaves {
                row.extend(std::iter::repeat_n(
                    String::new(),
                    leaf_header(c, money).len(),
                ));
            }
            row.push(owned_text_cell(listed(findings, finding_text)));
        }
    }
    row.push(listed(&entry.score.warnings, warning_text));
    row
}

/// A scored bid's cells under one leaf's columns (see [`leaf_header`]).
fn leaf_cells(
    c: &Criterion,
    criteria: &[CriterionScore],
    prices: &[PriceEvaluation],
    money_model: bool,
) -> Vec<String> {
    let score = criteria.iter().find(|s| s.criterion == c.id);
    let points = score
        .map(|s| decimal_comma(s.points.value()))
        .unwrap_or_default();
    let weighted = score
        .map(|s| exact_comma(s.weighted.value()))
        .unwrap_or_default();
    let price = prices.iter().find(|p| p.line == c.id);
    let mut cells = match (money_model, price.is_some()) {
        (false, _) => vec![points, weighted],
        (true, false) => vec![points],
        (true, true) => Vec::new(),
    };
    if let Some(price) = price {
        cells.push(price.submitted.map(money).unwrap_or_default());
        cells.push(money(price.evaluated));
        cells.push(listed(&price.adjustments, adjustment_text));
    }
    cells
}

/// Items in words in one cell, separated by semicolons.
fn listed<T>(items: &[T], text: fn(&T) -> String) -> String {
    // One item is taken as it is, not copied by joining: it may quote a bidder's whole text.
    match <[String; 1]>::try_from(items.iter().map(text).collect::<Vec<_>>()) {
        Ok([one]) => one,
        Err(texts) => texts.join("; "),
    }
}
