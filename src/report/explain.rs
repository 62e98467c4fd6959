//! `explain`: every step from a bid's input to its total and rank, or why it was set aside,
//! in plain text a person can redo by hand.

use rust_decimal::Decimal;

use super::{Evaluation, decision_name, evidence_place, money, status, version_text};
use std::collections::BTreeMap;

use super::number::decimal_comma;
use crate::domain::{CriterionId, CriterionKind, Panel, Tender};
use crate::scoring::price_rules::AdjustmentRule;
use crate::scoring::rank::Ranked;
use crate::scoring::score::{Outcome, PriceEvaluation};
use crate::scoring::tree::CriterionScore;
use crate::values::Points;

fn num(value: Decimal) -> String {
    decimal_comma(value.normalize())
}

pub fn render(evaluation: &Evaluation, entry: &Ranked) -> String {
    let t = &evaluation.tender;
    let s = &entry.score;
    let mut out = vec![
        format!("Bid {} ({}) in tender {}", s.bidder, s.file, t.id),
        version_text(evaluation),
        format!("Status: {}", status(entry)),
    ];
    match &s.outcome {
        Outcome::SetAside { findings, .. } => {
            out.push(String::new());
            out.push("The bid was set aside, so it is neither scored nor ranked:".into());
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
        }
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
            if let Some(e) = money_evaluation {
                // A money model: no price points and no weighted total; the bid is ranked
                // on its evaluation price.
                out.extend(money_steps(t, criteria, &s.panels, e));
                out.push(rank_line(evaluation, entry));
                return finish(out, &s.warnings);
            }
            out.extend(weight_steps(t, criteria, &s.panels));
            let leaves: Vec<String> = t
                .leaves()
                .into_iter()
                .filter_map(|i| criteria.iter().find(|c| c.criterion == t.criteria[i].id))
                .map(|c| num(c.weighted.value()))
                .collect();
            out.push(String::new());
            let rounding = match t.total_rounding {
                None => "the exact sum; the tender does not round totals".to_string(),
                Some(r) => format!(
                    "the exact sum, rounded {} to {} decimals as the tender says: {}",
                    r.mode.name(),
                    r.decimals,
                    decimal_comma(total.value())
                ),
            };
            out.push(format!(
                "Total = {} = {} ({rounding}; possible range {} to {})",
                leaves.join(" + "),
                num(exact_total.value()),
                num(evaluation.bounds.0.value()),
                num(evaluation.bounds.1.value())
            ));
            out.push(rank_line(evaluation, entry));
        }
    }
    finish(out, &s.warnings)
}

fn finish(mut out: Vec<String>, warnings: &[crate::scoring::conformity::Warning]) -> String {
    for warning in warnings {
        out.push(format!(
            "Warning ({}): {}{}",
            warning.rule,
            warning.message,
            warning
                .source
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default()
        ));
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn price_steps(t: &Tender, price: &PriceEvaluation) -> Vec<String> {
    let criterion = t.criterion(&price.line.0);
    let (name, band) = match criterion.map(|c| (&c.name, &c.kind)) {
        Some((name, CriterionKind::Price(line))) => (
            name.clone(),
            format!(
                "band {}–{} {} per {}",
                money(line.min),
                money(line.max),
                t.currency,
                line.unit
            ),
        ),
        _ => (price.line.0.clone(), String::new()),
    };
    let mut lines = vec![format!("Price line {} ({name}), {band}", price.line)];
    let mut step = 1;
    let mut push = |lines: &mut Vec<String>, text: String| {
        lines.push(format!("  {step}. {text}"));
        step += 1;
    };
    match price.submitted {
        Some(written) => push(
            &mut lines,
            format!("As written in the bid: {}", money(written)),
        ),
        None => push(&mut lines, "The bid gives no price for this line".into()),
    }
    for a in &price.adjustments {
        let source = a
            .source
            .as_deref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        let text = match (a.rule, a.from) {
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
        };
        push(&mut lines, text);
    }
    push(
        &mut lines,
        format!("Evaluated price: {}", money(price.evaluated)),
    );
    if t.model.method.is_money() {
        lines.push(format!(
            "  The price gives no points under money model {}: it enters the evaluation price below.",
            t.model.name
        ));
        return lines;
    }
    let c = &price.calculation;
    let context = match (c.anchors, c.field) {
        (Some(((p0, s0), (p1, s1))), _) if p0 != p1 => format!(
            "linear between the anchors {} → {} points and {} → {} points",
            money(p0),
            num(s0.value()),
            money(p1),
            num(s1.value())
        ),
        (Some(_), _) => "fixed anchors".to_string(),
        (None, Some(field)) => format!(
            "{}, compared with the scored bids' lowest price {} and highest price {}",
            c.method,
            money(field.lowest),
            money(field.highest)
        ),
        (None, None) => c.method.to_string(),
    };
    let formula = format!(
        "Model {} ({context}):\n     {} = {}",
        t.model.name,
        c.formula.replace('.', ","),
        num(c.exact)
    );
    push(&mut lines, formula);
    push(
        &mut lines,
        format!(
            "Rounded {} to {} decimals: {} points",
            c.rounding.mode.name(),
            c.rounding.decimals,
            decimal_comma(price.points.value())
        ),
    );
    lines
}

/// How a quality criterion's points came about: the scale step they stand on, and the
/// evaluators behind the consensus where the bid records them.
fn quality_steps(
    t: &Tender,
    id: &CriterionId,
    points: Points,
    panels: &BTreeMap<CriterionId, Panel>,
) -> String {
    let mut text = " (the evaluators' points".to_string();
    if let Some(criterion) = t.criterion(&id.0) {
        let scale = t.scale_of(criterion);
        text.push_str(&format!(
            " on the scale {}–{}",
            num(scale.min.value()),
            num(scale.max.value())
        ));
        if let Some(step) = scale.descriptor(points) {
            text.push_str(&format!(
                ", step {}: {}",
                num(step.points.value()),
                step.text
            ));
        }
    }
    if let Some(panel) = panels.get(id) {
        let each: Vec<String> = panel
            .evaluators
            .iter()
            .map(|(name, p)| format!("{name} {}", num(p.value())))
            .collect();
        text.push_str(&format!(
            "; evaluators {}, mean {}",
            each.join(", "),
            num(panel.mean().value())
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
    e: &crate::scoring::price_methods::MoneyCalculation,
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
            quality_steps(t, &c.id, score.points, panels)
        ));
        terms.push(format!(
            "{} × {}",
            num(c.share.value()),
            num(score.points.value())
        ));
        shares += c.share.value();
    }
    lines.push(format!(
        "Q = ({}) / {} = {} of Qmax {}",
        terms.join(" + "),
        num(shares),
        num(e.quality.value()),
        num(e.quality_max.value())
    ));
    lines.push(String::new());
    let composed = e
        .price_terms
        .as_ref()
        .map(|terms| format!("{} = ", terms.replace('.', ",")))
        .unwrap_or_default();
    lines.push(format!(
        "Evaluation price ({}), P = {composed}{}:",
        e.method,
        num(e.price.value())
    ));
    lines.push(format!(
        "     {} = {}; rounded {} to {} decimals: {} (the lowest evaluation price wins)",
        e.formula.replace('.', ","),
        num(e.exact.value()),
        t.model.rounding.mode.name(),
        t.model.rounding.decimals,
        decimal_comma(e.value.value())
    ));
    lines
}

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
        let depth = t.path(index).len();
        let indent = "  ".repeat(depth);
        let path: Vec<String> = t
            .path(index)
            .iter()
            .map(|i| num(t.criteria[*i].weight.fraction().value()))
            .collect();
        let share = if path.len() > 1 {
            format!("{} ({})", num(c.share.value()), path.join(" × "))
        } else {
            num(c.share.value())
        };
        let how = match &c.kind {
            CriterionKind::Group => {
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
                            num(child.weight.fraction().value()),
                            num(s.points.value())
                        )
                    })
                    .collect();
                format!(" = {}", parts.join(" + "))
            }
            CriterionKind::Quality => quality_steps(t, &c.id, score.points, panels),
            CriterionKind::Price(_) => " (from the price line above)".into(),
        };
        // A leaf's points as given or rounded by the model (7,60); a group's exact sum.
        let points = match c.kind {
            CriterionKind::Group => num(score.points.value()),
            _ => decimal_comma(score.points.value()),
        };
        lines.push(format!(
            "{indent}{} ({} %): {points} points{how}; × {share} = {}",
            c.name,
            num(c.weight.value()),
            num(score.weighted.value())
        ));
    }
    lines
}

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
        let others: Vec<&str> = evaluation
            .ranking
            .iter()
            .filter(|o| entry.tied_with.contains(&o.score.bid))
            .map(|o| o.score.bidder.as_str())
            .collect();
        format!(
            "Rank {rank} of {ranked} ranked bids, shared with {}: the totals are exactly equal and the tender declares no tie-break.",
            others.join(", ")
        )
    }
}
