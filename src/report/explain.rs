//! `explain`: every step from a bid's input to its total and rank, or why it was set aside,
//! in plain text a person can redo by hand.

use std::collections::BTreeMap;

use super::number::{decimal_comma, exact_comma, with_decimal_commas};
use super::text::version_text;
use super::{
    Bidders, Evaluation, band_text, bidder_names, decision_name, evidence_place, money, reference,
    status, text_of, warning_detail,
};
use crate::domain::{CriterionId, CriterionKind, Panel, Tender};
use crate::scoring::conformity::{Finding, Warning};
use crate::scoring::price_methods::{Calculation, MoneyCalculation};
use crate::scoring::price_rules::{Adjustment, AdjustmentRule};
use crate::scoring::rank::Ranked;
use crate::scoring::score::{Outcome, PriceEvaluation};
use crate::scoring::tree::CriterionScore;
use crate::values::Points;

/// The explanation of one bid: what it is, then its steps to a rank or why it was set aside,
/// then its warnings.
pub fn render(evaluation: &Evaluation, entry: &Ranked) -> String {
    let t = &evaluation.tender;
    let s = &entry.score;
    let mut out = vec![
        format!("Bid {} ({}) in tender {}", s.bidder, s.file, t.id),
        version_text(
            evaluation,
            &super::i18n::Texts::new(crate::domain::Language::En),
        ),
        super::text::model_origin(
            evaluation,
            &super::i18n::Texts::new(crate::domain::Language::En),
        ),
        format!("Status: {}", status(entry)),
    ];
    match &s.outcome {
        Outcome::SetAside { findings, .. } => out.extend(set_aside_steps(findings)),
        Outcome::Scored {
            criteria,
            prices,
            total,
            exact_total,
            evaluation: money_evaluation,
        } => {
            for price in prices {
                out.push(String::new());
                out.extend(price_steps(t, price));
            }
            out.push(String::new());
            match money_evaluation {
                // A money model: no price points and no weighted total; the bid is ranked
                // on its evaluation price.
                Some(e) => out.extend(money_steps(t, criteria, &s.panels, e)),
                None => {
                    out.extend(weight_steps(t, criteria, &s.panels));
                    out.push(String::new());
                    out.push(total_line(evaluation, criteria, *total, *exact_total));
                }
            }
            out.push(rank_line(evaluation, entry));
        }
    }
    out.extend(s.warnings.iter().map(warning_line));
    out.push(super::evaluated_with(&super::i18n::Texts::new(
        crate::domain::Language::En,
    )));
    text_of(&out)
}

/// Why the bid was set aside: each finding numbered, with its evidence and clause.
fn set_aside_steps(findings: &[Finding]) -> Vec<String> {
    let mut out = vec![
        String::new(),
        "The bid was set aside, so it is neither scored nor ranked:".into(),
    ];
    for (i, f) in findings.iter().enumerate() {
        out.push(format!(
            "{}. {} ({}): {}",
            i + 1,
            decision_name(f),
            f.rule,
            f.reason
        ));
        out.push(format!(
            "   Evidence: {}: {}",
            evidence_place(f),
            f.evidence.quote
        ));
        out.push(format!(
            "   Clause: {}",
            f.source.as_deref().unwrap_or("(none given)")
        ));
        if let Some(text) = &f.clause {
            out.push(format!("   “{text}”"));
        }
    }
    out
}

/// One warning on the bid, as the last lines of the explanation.
fn warning_line(warning: &Warning) -> String {
    format!("Warning {}", warning_detail(warning))
}

/// One price line from the price as written to its points: the numbered steps of the
/// adjustments, the evaluated price and, unless the model is a money model, the points.
fn price_steps(t: &Tender, price: &PriceEvaluation) -> Vec<String> {
    let mut steps = vec![match price.submitted {
        Some(written) => format!("As written in the bid: {}", money(written)),
        None => "The bid gives no price for this line".into(),
    }];
    steps.extend(price.adjustments.iter().map(|a| adjustment_step(t, a)));
    steps.push(format!("Evaluated price: {}", money(price.evaluated)));
    if !t.model.method.is_money() {
        steps.extend(points_steps(t, price));
    }
    let mut lines = vec![price_line_title(t, price)];
    lines.extend(
        steps
            .iter()
            .enumerate()
            .map(|(i, step)| format!("  {}. {step}", i + 1)),
    );
    if t.model.method.is_money() {
        lines.push(format!(
            "  The price gives no points under money model {}: it enters the evaluation price below.",
            t.model.name
        ));
    }
    lines
}

/// The title of a price line: its id and name, and its band of prices.
fn price_line_title(t: &Tender, price: &PriceEvaluation) -> String {
    let criterion = t.criterion(&price.line.0);
    let (name, band) = match criterion.map(|c| (&c.name, &c.kind)) {
        Some((name, CriterionKind::Price(line))) => {
            // "band 370–450 DKK per hverdag", or "DKK per hverdag, no price band".
            let text = band_text(t, line);
            let band = if line.band.is_some() {
                format!("band {text}")
            } else {
                text
            };
            (name.clone(), band)
        }
        _ => (price.line.0.to_string(), String::new()),
    };
    format!("Price line {} ({name}), {band}", price.line)
}

/// One adjustment of the price as written, by the tender's price rule that made it.
fn adjustment_step(t: &Tender, a: &Adjustment) -> String {
    let source = reference(a.source.as_deref(), " (", ")");
    match (a.rule, a.from) {
        (AdjustmentRule::WholeKroner, Some(from)) => format!(
            "Øre to whole kroner, {}{source}: {} → {}",
            t.price_rules
                .whole_kroner
                .action
                .map_or("none", |m| m.name()),
            money(from),
            money(a.to)
        ),
        (AdjustmentRule::RaiseToMinimum, Some(from)) => format!(
            "Below the minimum, raised to it{source}: {} → {}",
            money(from),
            money(a.to)
        ),
        (AdjustmentRule::LowerToMaximum, Some(from)) => format!(
            "Above the maximum, lowered to it{source}: {} → {}",
            money(from),
            money(a.to)
        ),
        (_, None) => format!("Missing price set to the maximum{source}: {}", money(a.to)),
        (rule, Some(from)) => format!("{rule}{source}: {} → {}", money(from), money(a.to)),
    }
}

/// The price model's formula with the bid's numbers, then its rounding to points.
fn points_steps(t: &Tender, price: &PriceEvaluation) -> [String; 2] {
    let c = &price.calculation;
    [
        format!(
            "Model {} ({}):\n     {} = {}{}",
            t.model.name,
            calculation_context(c),
            with_decimal_commas(&c.formula),
            exact_comma(c.exact),
            if c.rounded_at_28_digits {
                " (the division does not terminate: rounded at 28 significant digits)"
            } else {
                ""
            }
        ),
        format!(
            "{}: {} points",
            capitalised(&c.rounding.describe()),
            decimal_comma(price.points.value())
        ),
    ]
}

/// What the price was measured against: the anchors, or the scored bids' prices.
fn calculation_context(c: &Calculation) -> String {
    match (c.anchors, c.field) {
        (Some(((p0, s0), (p1, s1))), _) if p0 != p1 => format!(
            "linear between the anchors {} → {} points and {} → {} points",
            money(p0),
            exact_comma(s0.value()),
            money(p1),
            exact_comma(s1.value())
        ),
        (Some(_), _) => "fixed anchors".to_string(),
        (None, Some(field)) => format!(
            "{}, compared with the scored bids' lowest price {} and highest price {}",
            c.method,
            money(field.lowest),
            money(field.highest)
        ),
        (None, None) => c.method.to_string(),
    }
}

/// The total as the sum of the leaves' weighted points, its rounding and possible range.
fn total_line(
    evaluation: &Evaluation,
    criteria: &[CriterionScore],
    total: Points,
    exact_total: Points,
) -> String {
    let t = &evaluation.tender;
    let leaves: Vec<String> = t
        .leaves()
        .into_iter()
        .filter_map(|i| criteria.iter().find(|c| c.criterion == t.criteria[i].id))
        .map(|c| exact_comma(c.weighted.value()))
        .collect();
    let rounding = match t.total_rounding {
        None => "the exact sum; the tender does not round totals".to_string(),
        Some(r) => format!(
            "the exact sum, rounded {} to {} decimals as the tender says: {}",
            r.mode.name(),
            r.decimals,
            decimal_comma(total.value())
        ),
    };
    format!(
        "Total = {} = {} ({rounding}; possible range {} to {})",
        leaves.join(" + "),
        exact_comma(exact_total.value()),
        exact_comma(evaluation.bounds.0.value()),
        exact_comma(evaluation.bounds.1.value())
    )
}

/// How a quality criterion's points came about: the scale step they stand on, and the
/// evaluators behind the consensus where the bid records them.
fn quality_steps(
    t: &Tender,
    id: &CriterionId,
    score: &CriterionScore,
    panels: &BTreeMap<CriterionId, Panel>,
) -> String {
    let points = score.given.unwrap_or(score.points);
    let mut text = " (the evaluators' points".to_string();
    if let Some(criterion) = t.criterion(&id.0) {
        let scale = t.scale_of(criterion);
        text.push_str(&format!(
            " on the scale {}–{}",
            exact_comma(scale.min.value()),
            exact_comma(scale.max.value())
        ));
        if let Some(given) = score.given {
            text.push_str(&format!(
                ", {} there, mapped onto the tender's scale {}–{}: {} + ({} − {}) × ({} − {}) / ({} − {}) = {}",
                exact_comma(given.value()),
                exact_comma(t.scale.min.value()),
                exact_comma(t.scale.max.value()),
                exact_comma(t.scale.min.value()),
                exact_comma(given.value()),
                exact_comma(scale.min.value()),
                exact_comma(t.scale.max.value()),
                exact_comma(t.scale.min.value()),
                exact_comma(scale.max.value()),
                exact_comma(scale.min.value()),
                exact_comma(score.points.value())
            ));
        }
        if let Some(step) = scale.descriptor(points) {
            text.push_str(&format!(
                ", step {}: {}",
                exact_comma(step.points.value()),
                step.text
            ));
        }
    }
    if let Some(panel) = panels.get(id) {
        let each: Vec<String> = panel
            .evaluators
            .iter()
            .map(|(name, p)| format!("{name} {}", exact_comma(p.value())))
            .collect();
        text.push_str(&format!(
            "; evaluators {}, mean {}",
            each.join(", "),
            exact_comma(panel.mean().value())
        ));
        if let Some(reason) = &panel.reason {
            text.push_str(&format!("; consensus reason: {reason}"));
        }
    }
    text.push(')');
    text
}

/// Under a money model: the quality Q behind the evaluation price, then the price itself.
fn money_steps(
    t: &Tender,
    criteria: &[CriterionScore],
    panels: &BTreeMap<CriterionId, Panel>,
    e: &MoneyCalculation,
) -> Vec<String> {
    let mut lines = quality_mean_steps(t, criteria, panels, e);
    lines.push(String::new());
    let composed = e
        .price_terms
        .as_ref()
        .map(|terms| format!("{} = ", with_decimal_commas(terms)))
        .unwrap_or_default();
    lines.push(format!(
        "Evaluation price ({}), P = {composed}{}:",
        e.method,
        exact_comma(e.price.value())
    ));
    lines.push(format!(
        "     {} = {}{}; {}: {} (the lowest evaluation price wins)",
        with_decimal_commas(&e.formula),
        exact_comma(e.exact.value()),
        if e.rounded_at_28_digits {
            " (the division does not terminate: rounded at 28 significant digits)"
        } else {
            ""
        },
        t.model.rounding.describe(),
        decimal_comma(e.value.value())
    ));
    lines
}

/// "Rounded half-up to 2 decimals" from "rounded half-up to 2 decimals".
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Under a money model: each quality criterion's points, then Q as their mean weighted by
/// the shares.
fn quality_mean_steps(
    t: &Tender,
    criteria: &[CriterionScore],
    panels: &BTreeMap<CriterionId, Panel>,
    e: &MoneyCalculation,
) -> Vec<String> {
    let mut lines = vec!["Quality points (the weights within quality decide Q):".to_string()];
    let mut terms = Vec::new();
    let mut shares = rust_decimal::Decimal::ZERO;
    for c in t
        .criteria
        .iter()
        .filter(|c| c.kind == CriterionKind::Quality)
    {
        let Some(score) = criteria.iter().find(|s| s.criterion == c.id) else {
            continue;
        };
        lines.push(format!(
            "  {}: {} points{}",
            c.name,
            decimal_comma(score.points.value()),
            quality_steps(t, &c.id, score, panels)
        ));
        terms.push(format!(
            "{} × {}",
            exact_comma(c.share.value()),
            exact_comma(score.points.value())
        ));
        shares += c.share.value();
    }
    lines.push(format!(
        "Q = ({}) / {} = {} of Qmax {}",
        terms.join(" + "),
        exact_comma(shares),
        exact_comma(e.quality.value()),
        exact_comma(e.quality_max.value())
    ));
    lines
}

/// Every criterion depth first: its points × its share of the total = its weighted
/// points, with how a group's points add up and where a leaf's points come from.
fn weight_steps(
    t: &Tender,
    criteria: &[CriterionScore],
    panels: &BTreeMap<CriterionId, Panel>,
) -> Vec<String> {
    let mut lines = vec!["Points × share of the total = weighted points (the share is the product of the weights on the path):".to_string()];
    for index in t.depth_first() {
        let c = &t.criteria[index];
        let Some(score) = criteria.iter().find(|s| s.criterion == c.id) else {
            continue;
        };
        let indent = "  ".repeat(t.path(index).len());
        let how = match &c.kind {
            CriterionKind::Group => group_sum(t, criteria, index),
            CriterionKind::Quality => quality_steps(t, &c.id, score, panels),
            CriterionKind::Price(_) => " (from the price line above)".into(),
        };
        // A leaf's points as given or rounded by the model (7,60); a group's exact sum.
        let points = match c.kind {
            CriterionKind::Group => exact_comma(score.points.value()),
            _ => decimal_comma(score.points.value()),
        };
        lines.push(format!(
            "{indent}{} ({} %): {points} points{how}; × {} = {}",
            c.name,
            exact_comma(c.weight.value()),
            share_text(t, index),
            exact_comma(score.weighted.value())
        ));
    }
    lines
}

/// A criterion's share of the total, below the top level with the weights on its path it
/// is the product of: "0,585 (0,9 × 0,65)".
fn share_text(t: &Tender, index: usize) -> String {
    let c = &t.criteria[index];
    let path: Vec<String> = t
        .path(index)
        .iter()
        .map(|i| exact_comma(t.criteria[*i].weight.fraction().value()))
        .collect();
    if path.len() > 1 {
        format!("{} ({})", exact_comma(c.share.value()), path.join(" × "))
    } else {
        exact_comma(c.share.value())
    }
}

/// How a group's points add up from its children's: " = 0,65 × 8 + 0,35 × 9".
fn group_sum(t: &Tender, criteria: &[CriterionScore], index: usize) -> String {
    let parts: Vec<String> = t
        .children(Some(index))
        .filter_map(|(_, child)| {
            criteria
                .iter()
                .find(|s| s.criterion == child.id)
                .map(|s| (child, s))
        })
        .map(|(child, s)| {
            format!(
                "{} × {}",
                exact_comma(child.weight.fraction().value()),
                exact_comma(s.points.value())
            )
        })
        .collect();
    format!(" = {}", parts.join(" + "))
}

/// The bid's rank among the ranked bids, and the bids it shares it with.
fn rank_line(evaluation: &Evaluation, entry: &Ranked) -> String {
    let ranked = evaluation
        .ranking
        .iter()
        .filter(|r| r.rank.is_some())
        .count();
    let rank = entry.rank.unwrap_or_default();
    if entry.tied_with.is_empty() {
        format!("Rank {rank} of {ranked} ranked bids.")
    } else {
        format!(
            "Rank {rank} of {ranked} ranked bids, shared with {}: the totals are exactly equal and the tender declares no tie-break.",
            bidder_names(&Bidders::new(&evaluation.ranking), &entry.tied_with)
        )
    }
}
