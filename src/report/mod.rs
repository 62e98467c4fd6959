//! Reports: the ranked evaluation of one tender, rendered to bytes in one of four formats.
//!
//! Contract: [`Evaluation`] holds everything any report shows; each exporter module turns
//! it into bytes and does no I/O, reads no clock and no environment, so the same inputs
//! give byte-identical reports. Text for people (table, Markdown, CSV) uses the decimal
//! comma of Danish documents; JSON writes every number as an exact decimal string with a
//! decimal point.

pub mod batch;
mod csv;
pub mod explain;
mod json;
mod markdown;
pub mod models;
pub mod number;
pub mod rejections;
mod table;

use rust_decimal::Decimal;

use crate::domain::{BidId, Criterion, CriterionKind, Scale, Tender};
use crate::evaluate::Evaluation;
use crate::scoring::conformity::{Finding, Warning};
use crate::scoring::price_rules::Adjustment;
use crate::scoring::rank::Ranked;
use crate::scoring::score::PriceEvaluation;
use crate::scoring::score::{Outcome, Status};
use crate::values::{Money, Share};

use number::{common_scale, decimal_comma};

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
}

/// The version line of every report: which version, after which rettelsesblade.
fn version_text(evaluation: &Evaluation) -> String {
    let state = if evaluation.latest {
        "the version in force"
    } else {
        "not the latest version"
    };
    if evaluation.applied.is_empty() {
        format!("Version 0: the tender as published, no rettelsesblade applied ({state})")
    } else {
        let applied: Vec<String> = evaluation
            .applied
            .iter()
            .map(|r| format!("{} of {} ({})", r.number, r.date, r.title))
            .collect();
        format!(
            "Version {}: after rettelsesblad {} ({state})",
            evaluation.version,
            applied.join("; ")
        )
    }
}

/// Renders the evaluation in a format.
pub fn render(evaluation: &Evaluation, format: Format) -> Vec<u8> {
    match format {
        Format::Table => table::render(evaluation).into_bytes(),
        Format::Csv => csv::render(evaluation),
        Format::Json => json::render(evaluation).into_bytes(),
        Format::Md => markdown::render(evaluation).into_bytes(),
    }
}

/// How ties and the bids set aside are ordered; printed in every report.
pub fn order_note(tender: &Tender) -> String {
    const NAMES: &str = "within a shared rank and among bids set aside, bids are listed by bidder name, which is no precedence.";
    let rule = &tender.tie_break;
    if rule.action.is_empty() {
        return format!(
            "Equal totals share a rank (no tie-break is declared in the tender); {NAMES}"
        );
    }
    let chain: Vec<String> = rule
        .action
        .iter()
        .map(|id| {
            tender
                .criterion(&id.0)
                .map_or(id.0.clone(), |c| c.name.clone())
        })
        .collect();
    let source = rule
        .source
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    format!(
        "Equal totals are ordered by the tender's tie-break{source}: the higher weighted points on {}; bids equal on all of them share a rank; {NAMES}",
        chain.join(", then ")
    )
}

/// The leaf criteria in report column order (depth first, as in the tender file).
fn leaf_columns(tender: &Tender) -> Vec<&Criterion> {
    tender
        .leaves()
        .into_iter()
        .map(|i| &tender.criteria[i])
        .collect()
}

/// A column header: the criterion's name and its share of the total ("Indsats (58,5 %)").
fn column_header(tender: &Tender, criterion: &Criterion) -> String {
    // Under a money model a price line carries no weight: its column shows the price.
    if tender.model.method.is_money() && matches!(criterion.kind, CriterionKind::Price(_)) {
        return format!("{} (evaluated price)", criterion.name);
    }
    format!(
        "{} ({} %)",
        criterion.name,
        decimal_comma(percent(criterion.share))
    )
}

fn percent(share: Share) -> Decimal {
    (share.value() * Decimal::ONE_HUNDRED).normalize()
}

/// A bid's points on one leaf, as shown in a column; empty for a bid set aside.
fn leaf_cell(entry: &Ranked, criterion: &Criterion, money_model: bool) -> String {
    match &entry.score.outcome {
        // Under a money model a price line gives no points: show its evaluated price.
        Outcome::Scored { prices, .. }
            if money_model && matches!(criterion.kind, CriterionKind::Price(_)) =>
        {
            prices
                .iter()
                .find(|p| p.line == criterion.id)
                .map(|p| money(p.evaluated))
                .unwrap_or_default()
        }
        Outcome::Scored { criteria, .. } => criteria
            .iter()
            .find(|c| c.criterion == criterion.id)
            .map(|c| decimal_comma(c.points.value()))
            .unwrap_or_default(),
        Outcome::SetAside { .. } => String::new(),
    }
}

/// The heading of the column ranked on.
fn total_header(tender: &Tender) -> &'static str {
    if tender.model.method.is_money() {
        "Evaluation price"
    } else {
        "Total"
    }
}

/// The rank as shown: `2=` for a shared rank, `–` for a bid set aside.
fn rank_cell(entry: &Ranked) -> String {
    match entry.rank {
        Some(rank) if !entry.tied_with.is_empty() => format!("{rank}="),
        Some(rank) => rank.to_string(),
        None => "–".into(),
    }
}

/// `ranked`, `rejected` or `review`.
fn status(entry: &Ranked) -> &'static str {
    entry.score.status().as_str()
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
    let source = finding
        .source
        .as_deref()
        .map(|s| format!("; {s}"))
        .unwrap_or_default();
    format!(
        "{} ({}): {} [{} `{}`{source}]",
        decision_name(finding),
        finding.rule,
        finding.reason,
        evidence_place(finding),
        finding.evidence.quote
    )
}

/// One warning in words.
fn warning_text(warning: &Warning) -> String {
    let source = warning
        .source
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    format!("warning ({}): {}{source}", warning.rule, warning.message)
}

/// Totals of the ranked bids padded to a common number of decimals (exact, no rounding);
/// empty for bids set aside.
fn total_cells(ranking: &[Ranked]) -> Vec<String> {
    let totals: Vec<Decimal> = ranking
        .iter()
        .filter_map(|r| r.score.standing())
        .map(|s| s.value())
        .collect();
    let mut padded = common_scale(&totals).into_iter();
    ranking
        .iter()
        .map(|r| match r.score.standing() {
            Some(_) => padded.next().map(decimal_comma).unwrap_or_default(),
            None => String::new(),
        })
        .collect()
}

fn money(amount: Money) -> String {
    decimal_comma(amount.value())
}

/// One adjustment in words: "448,05 → 449 (whole-kroner, Bilag B pkt. 1.2.1)".
fn adjustment_text(adjustment: &Adjustment) -> String {
    let from = adjustment
        .from
        .map_or_else(|| "no price".to_string(), money);
    let source = adjustment
        .source
        .as_deref()
        .map(|s| format!(", {s}"))
        .unwrap_or_default();
    format!(
        "{from} → {} ({}{source})",
        money(adjustment.to),
        adjustment.rule
    )
}

/// One price line of a bid in words, e.g. "spor1: 448,05 → 449 (whole-kroner, ...) → 430
/// (lower-to-maximum, ...) = 0,00 points".
fn price_text(price: &PriceEvaluation) -> String {
    let steps: Vec<String> = price.adjustments.iter().map(adjustment_text).collect();
    let head = if steps.is_empty() {
        format!("{} kr.", price.submitted.map(money).unwrap_or_default())
    } else {
        steps.join(", then ")
    };
    format!(
        "{}: {head} → {} points",
        price.line,
        decimal_comma(price.points.value())
    )
}

/// The notes under a table: every adjustment, every tie and every rejection, in ranking
/// order. Bids with nothing to note are left out.
fn notes(evaluation: &Evaluation) -> Vec<String> {
    let mut notes: Vec<String> = evaluation
        .flags
        .iter()
        .map(|f| format!("LEGAL CHECK: {}", f.message))
        .collect();
    notes.extend(
        evaluation
            .legal_notes
            .iter()
            .map(|n| format!("Legal note: {n}")),
    );
    let bidder = |id: &BidId| {
        evaluation
            .ranking
            .iter()
            .find(|r| &r.score.bid == id)
            .map_or(id.0.clone(), |r| r.score.bidder.clone())
    };
    for r in &evaluation.reversals {
        notes.push(format!(
            "RANK REVERSAL: {} is {} {} with every bid, but {} without {}",
            bidder(&r.first),
            r.with_all,
            bidder(&r.second),
            r.without,
            bidder(&r.removed)
        ));
    }
    for entry in &evaluation.ranking {
        let who = &entry.score.bidder;
        match &entry.score.outcome {
            Outcome::Scored { prices, .. } => {
                for price in prices.iter().filter(|p| !p.adjustments.is_empty()) {
                    notes.push(format!("{who}: {}", price_text(price)));
                }
            }
            Outcome::SetAside { findings, .. } => {
                for finding in findings {
                    notes.push(format!("{who}: {}", finding_text(finding)));
                }
            }
        }
        for warning in &entry.score.warnings {
            notes.push(format!("{who}: {}", warning_text(warning)));
        }
        let names = |ids: &[BidId]| -> String {
            let found: Vec<String> = evaluation
                .ranking
                .iter()
                .filter(|o| ids.contains(&o.score.bid))
                .map(|o| o.score.bidder.clone())
                .collect();
            found.join(", ")
        };
        let total = decimal_comma(
            entry
                .score
                .standing()
                .map(|s| s.value())
                .unwrap_or_default()
                .normalize(),
        );
        if !entry.tied_with.is_empty() {
            notes.push(format!(
                "{who}: tie on the total {total} with {}; they share rank {}",
                names(&entry.tied_with),
                entry.rank.unwrap_or_default()
            ));
        }
        if !entry.split_from.is_empty() {
            notes.push(format!(
                "{who}: the same total {total} as {}; placed at rank {} by the tie-break",
                names(&entry.split_from),
                entry.rank.unwrap_or_default()
            ));
        }
    }
    notes
}

/// The lines above a table: which tender, which model, the possible range of totals.
fn heading(evaluation: &Evaluation) -> Vec<String> {
    let t = &evaluation.tender;
    let model = &t.model;
    let lines: Vec<String> = leaf_columns(t)
        .iter()
        .filter_map(|c| match &c.kind {
            CriterionKind::Price(line) => Some(format!(
                "{} {}–{} {} per {}",
                c.id,
                money(line.min),
                money(line.max),
                t.currency,
                line.unit
            )),
            _ => None,
        })
        .collect();
    let mut heading = vec![
        format!("Tender {}: {}", t.id, t.title),
        version_text(evaluation),
        format!("Authority: {}; deadline {}", t.authority, t.deadline),
        format!(
            "Price model {}: {}; points rounded {} to {} decimals; price lines {}",
            model.name,
            model.title,
            model.rounding.mode.name(),
            model.rounding.decimals,
            lines.join(", ")
        ),
        if t.model.method.is_money() {
            format!(
                "Quality scale {}; bids are ranked by evaluation price, the lowest first: {}, where Q is the weighted mean of the quality points",
                scale_text(&t.scale),
                t.model.method.formula()
            )
        } else {
            format!(
                "Quality scale {}; totals can range from {} to {}",
                scale_text(&t.scale),
                decimal_comma(evaluation.bounds.0.value().normalize()),
                decimal_comma(evaluation.bounds.1.value().normalize())
            )
        },
    ];
    heading.extend(t.criteria.iter().filter_map(|c| {
        let scale = c.scale.as_ref()?;
        Some(format!("Scale of {}: {}", c.name, scale_text(scale)))
    }));
    heading
}

/// A scale as text: "0–10" and its steps' descriptors where the tender gives them.
fn scale_text(scale: &Scale) -> String {
    let range = format!(
        "{}–{}",
        decimal_comma(scale.min.value()),
        decimal_comma(scale.max.value())
    );
    if scale.descriptors.is_empty() {
        return range;
    }
    let steps: Vec<String> = scale
        .descriptors
        .iter()
        .map(|d| format!("{} {}", decimal_comma(d.points.value()), d.text))
        .collect();
    format!("{range} ({})", steps.join("; "))
}

/// The header and rows shared by the table and Markdown reports.
fn grid(evaluation: &Evaluation) -> (Vec<String>, Vec<Vec<String>>) {
    let leaves = leaf_columns(&evaluation.tender);
    let mut header = vec!["Rank".to_string(), "Bidder".to_string()];
    header.extend(leaves.iter().map(|c| column_header(&evaluation.tender, c)));
    header.push(total_header(&evaluation.tender).into());
    header.push("Status".into());
    let totals = total_cells(&evaluation.ranking);
    let rows = evaluation
        .ranking
        .iter()
        .zip(totals)
        .map(|(entry, total)| {
            let mut row = vec![rank_cell(entry), entry.score.bidder.clone()];
            row.extend(
                leaves
                    .iter()
                    .map(|c| leaf_cell(entry, c, evaluation.tender.model.method.is_money())),
            );
            row.push(total);
            row.push(status(entry).to_string());
            row
        })
        .collect();
    (header, rows)
}
