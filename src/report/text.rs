//! The text shared by the table and Markdown reports of `score`: the heading lines, the
//! grid of ranks and points, the notes under it and the order note. `explain` and the JSON
//! report borrow the version line and the order note.
//!
//! Contract: every function returns plain text — lines or cells, without markup, escaping
//! or line ends — and the same evaluation always gives the same text. The table and
//! Markdown renderers add the frame (borders, `|` cells, bullets) and escape what their
//! format needs. Numbers use the decimal comma; points and totals are shown exactly, never
//! rounded here.

use rust_decimal::Decimal;

use super::number::{decimal_comma, exact_comma};
use super::{
    Bidders, Evaluation, adjustment_text, band_text, bidder_names, finding_text, leaf_columns,
    money, reference, status, total_cells, total_header, warning_text,
};
use crate::domain::{BidId, Criterion, CriterionKind, Scale, Tender};
use crate::scoring::award::AwardStatus;
use crate::scoring::rank::Ranked;
use crate::scoring::score::{Outcome, PriceEvaluation};
use crate::scoring::tree::EffectiveWeight;
use crate::values::{Rounding, RoundingMode, Share};

/// Text for a terminal: control characters other than line breaks (an escape sequence in
/// a bidder's name that would recolour or rewrite the screen, a carriage return) shown as
/// `�` instead of acted on.
pub fn terminal_safe(text: String) -> String {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return text;
    }
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// The version line of every report: which version, after which rettelsesblade.
pub(super) fn version_text(evaluation: &Evaluation) -> String {
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

/// How ties and the bids set aside are ordered; printed in every report.
pub fn order_note(tender: &Tender) -> String {
    const NAMES: &str = "within a shared rank and among bids set aside, bids are listed by bidder name, which is no precedence.";
    let rule = &tender.tie_break;
    // Under a money model bids are ranked by evaluation price, not by a total.
    let equal = if tender.model.method.is_money() {
        "Equal evaluation prices"
    } else {
        "Equal totals"
    };
    if rule.action.is_empty() {
        return format!("{equal} share a rank (no tie-break is declared in the tender); {NAMES}");
    }
    let chain: Vec<String> = rule
        .action
        .iter()
        .map(|id| {
            tender
                .criterion(&id.0)
                .map_or(id.0.to_string(), |c| c.name.clone())
        })
        .collect();
    format!(
        "{equal} are ordered by the tender's tie-break{}: the higher weighted points on {}; bids equal on all of them share a rank; {NAMES}",
        reference(rule.source.as_deref(), " (", ")"),
        chain.join(", then ")
    )
}

/// The lines above a table: which tender, which model, the possible range of totals, and
/// the scale of every criterion that has its own.
pub(super) fn heading(evaluation: &Evaluation) -> Vec<String> {
    let t = &evaluation.tender;
    let model = &t.model;
    let mut heading = vec![format!("Tender {}: {}", t.id, t.title)];
    if let Some(lot) = t.current_lot() {
        heading.push(format!(
            "Lot {}: {}{}",
            lot.id,
            lot.name,
            lot.source
                .as_deref()
                .map_or(String::new(), |s| format!(" ({s})"))
        ));
    }
    heading.push(version_text(evaluation));
    heading.extend(round_text(t));
    heading.extend([
        format!("Authority: {}; deadline {}", t.authority, t.deadline),
        format!(
            "Price model {}: {}; {} {}; price lines {}",
            model.name,
            model.title,
            if model.method.is_money() {
                "evaluation price"
            } else {
                "points"
            },
            model.rounding.describe(),
            price_bands(t).join(", ")
        ),
        model_origin(evaluation),
        range_line(evaluation),
    ]);
    heading.extend(t.criteria.iter().filter_map(|c| {
        let scale = c.scale.as_ref()?;
        Some(format!(
            "Scale of {}: {}, mapped linearly onto the tender's scale before weighting",
            c.name,
            scale_text(scale)
        ))
    }));
    heading
}

/// Each price line with its band: "spor1 370–430 DKK per weekday".
fn price_bands(t: &Tender) -> Vec<String> {
    leaf_columns(t)
        .iter()
        .filter_map(|c| match &c.kind {
            CriterionKind::Price(line) => Some(format!("{} {}", c.id, band_text(t, line))),
            _ => None,
        })
        .collect()
}

/// The quality scale, and what the bids are ranked on: the range of totals, or under a
/// money model the evaluation price and its formula.
fn range_line(evaluation: &Evaluation) -> String {
    let t = &evaluation.tender;
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
            exact_comma(evaluation.bounds.0.value()),
            exact_comma(evaluation.bounds.1.value())
        )
    }
}

/// Where the scoring model came from, with its SHA-256, so the result can be reproduced:
/// a model file, the built-in library, or the tender's own `[model]` table.
pub(super) fn model_origin(evaluation: &Evaluation) -> String {
    match evaluation.inputs.iter().find(|i| i.role == "model") {
        Some(model) => format!("Model from {}, SHA-256 {}", model.file, model.sha256),
        None => {
            "Model defined in the tender itself (tender.toml, whose SHA-256 the JSON report lists)"
                .into()
        }
    }
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

/// The header and rows shared by the table and Markdown reports: rank, bidder, one column
/// per leaf criterion, the total and the status.
pub(super) fn grid(evaluation: &Evaluation) -> (Vec<String>, Vec<Vec<String>>) {
    let leaves = leaf_columns(&evaluation.tender);
    let mut header = vec!["Rank".to_string(), "Bidder".to_string()];
    header.extend(leaves.iter().map(|c| column_header(&evaluation.tender, c)));
    header.push(total_header(&evaluation.tender).into());
    header.push("Status".into());
    let totals = total_cells(&evaluation.ranking);
    let money_model = evaluation.tender.model.method.is_money();
    let unit = currency_unit(&evaluation.tender);
    let rows = evaluation
        .ranking
        .iter()
        .zip(totals)
        .map(|(entry, total)| {
            let mut row = vec![rank_cell(entry), entry.score.bidder.clone()];
            row.extend(
                leaves
                    .iter()
                    .map(|c| leaf_cell(entry, c, money_model, unit)),
            );
            row.push(total);
            row.push(status(entry).to_string());
            row
        })
        .collect();
    (header, rows)
}

/// A column header: the criterion's name and its share of the total ("Indsats (58,5 %)").
fn column_header(tender: &Tender, criterion: &Criterion) -> String {
    // Under a money model a price line carries no weight: its column shows the price.
    if tender.model.method.is_money() && matches!(criterion.kind, CriterionKind::Price(_)) {
        return format!("{} (evaluated price)", criterion.name);
    }
    // Under a money model quality weighs only inside Q: its part of Q, shown to 2 decimals
    // at most (display only; Q is computed from the exact shares).
    if let Some(part) = tender.share_of_quality(criterion) {
        return format!(
            "{} ({} % of Q)",
            criterion.name,
            exact_comma((part * Decimal::ONE_HUNDRED).round_dp(2).normalize())
        );
    }
    format!(
        "{} ({} %)",
        criterion.name,
        exact_comma(percent(criterion.share))
    )
}

/// A share as a percentage: 0.585 → 58.5.
fn percent(share: Share) -> Decimal {
    share.value() * Decimal::ONE_HUNDRED
}

/// The rank as shown: `2=` for a shared rank, `–` for a bid set aside.
fn rank_cell(entry: &Ranked) -> String {
    match entry.rank {
        Some(rank) if !entry.tied_with.is_empty() => format!("{rank}="),
        Some(rank) => rank.to_string(),
        None => "–".into(),
    }
}

/// A bid's points on one leaf, as shown in a column; empty for a bid set aside.
fn leaf_cell(entry: &Ranked, criterion: &Criterion, money_model: bool, unit: &str) -> String {
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
        // A price line: the evaluated price and its points, so the cell does not read as a
        // bare price ("449 kr. → 0,10").
        Outcome::Scored { prices, .. } if matches!(criterion.kind, CriterionKind::Price(_)) => {
            prices
                .iter()
                .find(|p| p.line == criterion.id)
                .map(|p| {
                    format!(
                        "{} {unit} → {}",
                        money(p.evaluated),
                        decimal_comma(p.points.value())
                    )
                })
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

/// How amounts are written: "kr." for Danish kroner, else the tender's currency code.
fn currency_unit(tender: &Tender) -> &str {
    if tender.currency == "DKK" {
        "kr."
    } else {
        &tender.currency
    }
}

/// The notes under a table: legal flags and notes, rank reversals, then every adjustment,
/// rejection, warning and tie in ranking order. Bids with nothing to note are left out.
pub(super) fn notes(evaluation: &Evaluation) -> Vec<String> {
    let bidders = Bidders::new(&evaluation.ranking);
    let mut notes = standing_note(evaluation);
    notes.extend(award_notes(evaluation));
    notes.extend(legal_notes(evaluation));
    notes.extend(effective_weights_note(
        &evaluation.tender,
        &evaluation.effective_weights,
    ));
    notes.extend(reversal_notes(evaluation));
    for entry in &evaluation.ranking {
        notes.extend(bid_notes(
            entry,
            currency_unit(&evaluation.tender),
            evaluation.tender.model.method.is_money(),
        ));
        notes.extend(tie_notes(&bidders, entry));
    }
    notes
}

/// The award to several suppliers: the rule, each supplier awarded with its share, and
/// the places a tie at the boundary leaves undecided or no bid fills.
/// In a negotiated procedure: the round scored, its deadline, and whether its bids are the
/// ones awarded.
fn round_text(t: &crate::domain::Tender) -> Option<String> {
    if t.rounds.is_empty() {
        return None;
    }
    let last = t.final_round();
    let what = match t.declared_round(t.round) {
        Some(r) => format!(
            "{}, deadline {}{}",
            r.name,
            r.deadline,
            r.source
                .as_deref()
                .map_or(String::new(), |s| format!(" ({s})"))
        ),
        None => format!("the initial bids, deadline {}", t.deadline),
    };
    let status = if t.round == last {
        "the final round, whose bids are awarded"
    } else {
        "not the final round: only the final round's bids are awarded"
    };
    Some(format!("Round {} of {last}: {what} ({status})", t.round))
}

/// In a negotiated procedure: the bids that stand from an earlier round, their bidders
/// having handed in no revised bid in the round scored.
fn standing_note(evaluation: &Evaluation) -> Vec<String> {
    let round = evaluation.tender.round;
    let standing: Vec<String> = evaluation
        .ranking
        .iter()
        .filter(|r| r.score.round < round)
        .map(|r| format!("{} (round {})", r.score.bidder, r.score.round))
        .collect();
    if standing.is_empty() {
        return Vec::new();
    }
    vec![format!(
        "No revised bid in round {round}; the latest bid stands: {}",
        standing.join(", ")
    )]
}

fn award_notes(evaluation: &Evaluation) -> Vec<String> {
    let Some(award) = &evaluation.award else {
        return Vec::new();
    };
    let unit = award.unit.as_deref().unwrap_or("units");
    let how = match (award.allocation, award.volume) {
        ("cascade", _) => "in order of rank (cascade)".to_string(),
        ("equal", Some(v)) => format!("in equal shares of {v} {unit}"),
        ("equal", None) => "in equal shares".to_string(),
        (_, Some(v)) => format!("in the declared shares of {v} {unit}"),
        (_, None) => "in the declared shares".to_string(),
    };
    let source = award
        .source
        .as_deref()
        .map_or(String::new(), |s| format!(" ({s})"));
    let mut notes = vec![format!(
        "Award{source}: {} supplier{} {how}.",
        award.suppliers,
        if award.suppliers == 1 { "" } else { "s" }
    )];
    for b in award.awarded() {
        let place = if b.places.0 == b.places.1 {
            format!("place {}", b.places.0)
        } else {
            format!("places {}–{} (tied)", b.places.0, b.places.1)
        };
        let share = match (b.volume, b.share) {
            (Some(v), Some(s)) => format!(
                ": {} {unit} ({} %)",
                v.normalize(),
                s.round_dp(2).normalize()
            ),
            (None, Some(s)) => format!(": {} % of the work", s.round_dp(2).normalize()),
            _ if b.share_undecided => {
                ": share undecided — tied on places whose shares differ; the authority decides"
                    .to_string()
            }
            _ => String::new(),
        };
        notes.push(format!("Awarded, {place}: {} ({}){share}", b.bidder, b.bid));
    }
    let tied: Vec<String> = award
        .bids
        .iter()
        .filter(|b| b.status == AwardStatus::TiedAtBoundary)
        .map(|b| format!("{} ({})", b.bidder, b.bid))
        .collect();
    if !tied.is_empty() {
        notes.push(format!(
            "Tied at the award boundary for place{} {}: {}. The tender's tie-break does not separate them; \
             the authority must decide before these places are awarded.",
            if award.undecided.len() == 1 { "" } else { "s" },
            join_places(&award.undecided),
            tied.join(", ")
        ));
    }
    let passed: Vec<String> = award
        .bids
        .iter()
        .filter(|b| b.status == AwardStatus::LotLimit)
        .map(|b| format!("{} ({}, rank {})", b.bidder, b.bid, b.rank))
        .collect();
    if !passed.is_empty() {
        notes.push(format!(
            "Passed over by the lot limit: {}: each is awarded as many other lots as the tender allows and keeps those.",
            passed.join(", ")
        ));
    }
    if !award.unfilled.is_empty() {
        notes.push(format!(
            "Not filled: place{} {} — no ranked bid is left to fill them (fewer bids are ranked, or the lot limit passes bids over).",
            if award.unfilled.len() == 1 { "" } else { "s" },
            join_places(&award.unfilled)
        ));
    }
    notes
}

/// Places as "2" or "2–3".
fn join_places(places: &[u32]) -> String {
    match (places.first(), places.last()) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => String::new(),
    }
}

/// The weights the criteria have in fact where their points range differently (a price
/// model giving at most 8 of 10 points, say): each criterion's share of the attainable
/// spread of totals beside its stated share, in percent rounded half-up to 2 decimals for
/// display. A note, not a problem: a tender may choose such a model.
pub fn effective_weights_note(tender: &Tender, weights: &[EffectiveWeight]) -> Option<String> {
    if weights.is_empty() {
        return None;
    }
    let shown = |value: Decimal| {
        let rounded = Rounding {
            decimals: 2,
            mode: RoundingMode::HalfUp,
        }
        .apply(value * Decimal::ONE_HUNDRED);
        exact_comma(rounded)
    };
    let each: Vec<String> = weights
        .iter()
        .map(|w| {
            let name = tender
                .criterion(&w.criterion.0)
                .map_or(w.criterion.as_str(), |c| c.name.as_str());
            format!(
                "{name} {} % (stated {} %)",
                shown(w.effective),
                exact_comma(percent(w.stated))
            )
        })
        .collect();
    Some(format!(
        "Effective weights: the criteria's points range differently ({}), so their shares of the attainable spread of totals are (rounded half-up to 2 decimals): {}",
        leaf_ranges(tender, weights),
        each.join("; ")
    ))
}

/// Each leaf's range of points, "Indsats 0–10, spor1 0–8".
fn leaf_ranges(tender: &Tender, weights: &[EffectiveWeight]) -> String {
    let ranges: Vec<String> = weights
        .iter()
        .filter_map(|w| {
            let (lo, hi) = w.range?;
            let name = tender
                .criterion(&w.criterion.0)
                .map_or(w.criterion.as_str(), |c| c.name.as_str());
            Some(format!(
                "{name} {}–{}",
                exact_comma(lo.value()),
                exact_comma(hi.value())
            ))
        })
        .collect();
    ranges.join(", ")
}

/// The legal check's flags, then its notes.
fn legal_notes(evaluation: &Evaluation) -> Vec<String> {
    let flags = evaluation
        .flags
        .iter()
        .map(|f| format!("LEGAL CHECK: {}", f.message));
    let notes = evaluation
        .legal_notes
        .iter()
        .map(|n| format!("Legal note: {n}"));
    flags.chain(notes).collect()
}

/// Every rank reversal: two bids whose order turns when a third is left out.
fn reversal_notes(evaluation: &Evaluation) -> Vec<String> {
    let bidders = Bidders::new(&evaluation.ranking);
    let bidder = |id: &BidId| bidders.name(id).to_string();
    evaluation
        .reversals
        .iter()
        .map(|r| {
            format!(
                "RANK REVERSAL: {} is {} {} with every bid, but {} without {}",
                bidder(&r.first),
                r.with_all,
                bidder(&r.second),
                r.without,
                bidder(&r.removed)
            )
        })
        .collect()
}

/// One bid's price adjustments, or the findings that set it aside, then its warnings.
fn bid_notes(entry: &Ranked, unit: &str, money_model: bool) -> Vec<String> {
    let who = &entry.score.bidder;
    let mut notes: Vec<String> = match &entry.score.outcome {
        Outcome::Scored { prices, .. } => prices
            .iter()
            .filter(|p| !p.adjustments.is_empty())
            .map(|price| format!("{who}: {}", price_text(price, unit, money_model)))
            .collect(),
        Outcome::SetAside { findings, .. } => findings
            .iter()
            .map(|finding| format!("{who}: {}", finding_text(finding)))
            .collect(),
    };
    notes.extend(
        entry
            .score
            .decided
            .iter()
            .map(|finding| format!("{who}: {}", finding_text(finding))),
    );
    notes.extend(
        entry
            .score
            .warnings
            .iter()
            .map(|warning| format!("{who}: {}", warning_text(warning))),
    );
    notes
}

/// One price line of a bid in words, e.g. "spor1: 448,05 → 449 (whole-kroner, ...) → 430
/// (lower-to-maximum, ...) = 0,00 points".
/// Under a money model a price line earns no points: the note ends at the evaluated price.
fn price_text(price: &PriceEvaluation, unit: &str, money_model: bool) -> String {
    let steps: Vec<String> = price.adjustments.iter().map(adjustment_text).collect();
    let head = if steps.is_empty() {
        format!("{} {unit}", price.submitted.map(money).unwrap_or_default())
    } else {
        steps.join(", then ")
    };
    if money_model {
        return format!("{}: {head}", price.line);
    }
    format!(
        "{}: {head} → {} points",
        price.line,
        decimal_comma(price.points.value())
    )
}

/// A bid's ties: the bids it shares its rank with, and those the tie-break put it apart
/// from.
fn tie_notes(bidders: &Bidders<'_>, entry: &Ranked) -> Vec<String> {
    let who = &entry.score.bidder;
    let total = exact_comma(
        entry
            .score
            .standing()
            .map(|s| s.value())
            .unwrap_or_default(),
    );
    let rank = entry.rank.unwrap_or_default();
    let mut notes = Vec::new();
    if !entry.tied_with.is_empty() {
        notes.push(format!(
            "{who}: tie on the total {total} with {}; they share rank {rank}",
            bidder_names(bidders, &entry.tied_with)
        ));
    }
    if !entry.split_from.is_empty() {
        notes.push(format!(
            "{who}: the same total {total} as {}; placed at rank {rank} by the tie-break",
            bidder_names(bidders, &entry.split_from)
        ));
    }
    notes
}
