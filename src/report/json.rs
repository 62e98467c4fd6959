//! The JSON report: the integration contract documented in README.md ("JSON report").
//!
//! Every amount and point value is a string holding an exact decimal with a decimal point
//! ("448.05"), never a JSON number, so no consumer reads it through a binary float. Keys
//! keep the order written here.

use serde_json::{Value, json};

use super::{Evaluation, order_note, status};
use crate::domain::Method;
use crate::domain::{AnchorPrice, CriterionKind};
use crate::scoring::price_methods::Calculation;
use crate::scoring::score::{Outcome, PriceEvaluation};

/// The version of this contract; raised on any change that is not a pure addition.
pub const FORMAT_VERSION: u32 = 1;

fn dec(value: rust_decimal::Decimal) -> Value {
    Value::String(value.to_string())
}

pub fn render(evaluation: &Evaluation) -> String {
    let t = &evaluation.tender;
    let criteria: Vec<Value> = t
        .depth_first()
        .into_iter()
        .map(|i| {
            let c = &t.criteria[i];
            let (kind, line) = match &c.kind {
                CriterionKind::Group => ("group", Value::Null),
                CriterionKind::Quality => ("quality", Value::Null),
                CriterionKind::Price(line) => (
                    "price",
                    json!({"unit": line.unit, "min": dec(line.min.0), "max": dec(line.max.0)}),
                ),
            };
            json!({
                "id": c.id,
                "name": c.name,
                "parent": c.parent.map(|p| t.criteria[p].id.clone()),
                "kind": kind,
                "weight": dec(c.weight.0.normalize()),
                "share": dec(c.share.0.normalize()),
                "source": c.source,
                "price_line": line,
                "scale": c.scale.as_ref().map(scale),
            })
        })
        .collect();
    let anchors: Vec<Value> = match &t.model.method {
        Method::Anchors(anchors) => anchors
            .iter()
            .map(|a| {
                let price = match a.price {
                    AnchorPrice::Fixed(amount) => dec(amount.0),
                    other => Value::String(other.to_string()),
                };
                json!({"price": price, "points": dec(a.points.0)})
            })
            .collect(),
        _ => Vec::new(),
    };
    let parameters = match &t.model.method {
        Method::Anchors(_) => json!({}),
        Method::RelativeToLowest {
            max,
            slope,
            floor_at_zero,
        } => json!({
            "max_points": dec(max.0),
            "slope": dec((slope * rust_decimal::Decimal::ONE_HUNDRED).normalize()),
            "floor": if *floor_at_zero { "zero" } else { "none" },
        }),
        Method::Proportional { max } | Method::LowestToHighest { max } => {
            json!({"max_points": dec(max.0)})
        }
        Method::MoneyPerPoint { amount, deduction } => json!({
            "amount_per_point": dec(amount.0),
            "form": if *deduction { "deduction" } else { "surcharge" },
        }),
        Method::PercentSurcharge { factor } => {
            json!({"factor": dec((factor * rust_decimal::Decimal::ONE_HUNDRED).normalize())})
        }
    };
    let bids: Vec<Value> = evaluation
        .ranking
        .iter()
        .map(|entry| {
            let s = &entry.score;
            let (criteria, prices, findings) = match &s.outcome {
                Outcome::Scored {
                    criteria, prices, ..
                } => (
                    criteria
                        .iter()
                        .map(|c| {
                            json!({
                                "id": c.criterion,
                                "points": dec(c.points.0.normalize()),
                                "weighted": dec(c.weighted.0.normalize()),
                            })
                        })
                        .collect(),
                    prices.iter().map(price).collect(),
                    Vec::new(),
                ),
                Outcome::SetAside { findings, .. } => (
                    Vec::new(),
                    Vec::new(),
                    findings.iter().map(|f| json!(f)).collect(),
                ),
            };
            json!({
                "bid": s.bid,
                "bidder": s.bidder,
                "file": s.file,
                "status": status(entry),
                "rank": entry.rank,
                "tied_with": entry.tied_with,
                "total": s.total().map(|t| dec(t.0.normalize())),
                "evaluation_price": match &s.outcome {
                    Outcome::Scored { evaluation: Some(e), .. } => json!({
                        "method": e.method,
                        "price": dec(e.price.0.normalize()),
                        "price_terms": e.price_terms,
                        "quality": dec(e.quality.0.normalize()),
                        "quality_max": dec(e.quality_max.0),
                        "formula": e.formula,
                        "exact": dec(e.exact.0.normalize()),
                        "value": dec(e.value.0),
                    }),
                    _ => Value::Null,
                },
                "total_exact": match &s.outcome {
                    Outcome::Scored { exact_total, .. } => Some(dec(exact_total.0.normalize())),
                    Outcome::SetAside { .. } => None,
                },
            "total_exact": match &s.outcome {
                Outcome::Scored { exact_total, .. } => Some(dec(exact_total.0.normalize())),
                Outcome::SetAside { .. } => None,
            },
                "criteria": criteria,
                "prices": prices,
                "findings": findings,
                "warnings": s.warnings,
                "panels": s.panels.iter().map(|(id, p)| (id.0.clone(), json!({
                    "evaluators": p.evaluators.iter().map(|(name, points)| (name.clone(), dec(points.0))).collect::<serde_json::Map<_, _>>(),
                    "mean": dec(p.mean().0.normalize()),
                    "spread": dec(p.spread().0.normalize()),
                    "reason": p.reason,
                }))).collect::<serde_json::Map<_, _>>(),
            })
        })
        .collect();
    let document = json!({
        "format": "tenderscore-evaluation",
        "format_version": FORMAT_VERSION,
        "tender": {
            "id": t.id,
            "title": t.title,
            "authority": t.authority,
            "currency": t.currency,
            "deadline": t.deadline,
            "scale": scale(&t.scale),
            "quality": {
                "disagreement": t.quality.disagreement.map(|p| dec(p.0)),
                "min_per_criterion": t.quality.min_per_criterion.map(|p| dec(p.0)),
                "min_total": t.quality.min_total.map(|p| dec(p.0)),
                "source": t.quality.source,
            },
            "model": {
                "name": t.model.name,
                "title": t.model.title,
                "source": t.model.source,
                "method": t.model.method.name(),
                "formula": t.model.method.formula(),
                "parameters": parameters,
                "rounding": {"decimals": t.model.rounding.decimals, "mode": t.model.rounding.mode.name()},
                "anchors": anchors,
            },
            "criteria": criteria,
            "total_bounds": {"min": dec(evaluation.bounds.0.0.normalize()), "max": dec(evaluation.bounds.1.0.normalize())},
        },
        "version": {
            "number": evaluation.version,
            "latest": evaluation.latest,
            "rettelsesblade": evaluation.applied.iter().map(|r| json!({
                "number": r.number,
                "date": r.date.to_string(),
                "title": r.title,
                "reference": r.reference,
                "file": r.file,
                "changes": r.changes.iter().map(|c| json!({"path": c.path, "value": c.value, "reason": c.reason})).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        },
        "legal_flags": evaluation.flags,
        "legal_notes": evaluation.legal_notes,
        "rank_reversals": evaluation.reversals,
        "inputs": evaluation.inputs,
        "order": order_note(&evaluation.tender),
        "bids": bids,
    });
    let mut out = serde_json::to_string_pretty(&document).unwrap_or_default();
    out.push('\n');
    out
}

fn scale(s: &crate::domain::Scale) -> Value {
    json!({
        "min": dec(s.min.0),
        "max": dec(s.max.0),
        "descriptors": s.descriptors.iter().map(|d| json!({"points": dec(d.points.0), "text": d.text})).collect::<Vec<_>>(),
    })
}

fn price(p: &PriceEvaluation) -> Value {
    json!({
        "line": p.line,
        "submitted": p.submitted.map(|m| dec(m.0)),
        "evaluated": dec(p.evaluated.0),
        "points": dec(p.points.0),
        "adjustments": p.adjustments.iter().map(|a| json!({
            "rule": a.rule,
            "from": a.from.map(|m| dec(m.0)),
            "to": dec(a.to.0),
            "source": a.source,
        })).collect::<Vec<_>>(),
        "calculation": calculation(&p.calculation),
    })
}

fn calculation(c: &Calculation) -> Value {
    json!({
        "method": c.method,
        "formula": c.formula,
        "exact": dec(c.exact.normalize()),
        "rounding": {"decimals": c.rounding.decimals, "mode": c.rounding.mode.name()},
        "anchors": c.anchors.map(|((p0, s0), (p1, s1))| json!({
            "lower": {"price": dec(p0.0), "points": dec(s0.0)},
            "upper": {"price": dec(p1.0), "points": dec(s1.0)},
        })),
        "field": c.field.map(|f| json!({"lowest": dec(f.lowest.0), "highest": dec(f.highest.0)})),
    })
}
