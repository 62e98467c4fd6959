//! `explain`: every step from a bid's input to its total and rank, or why it was set aside,
//! in plain text a person can redo by hand, in Danish or English. In Danish the reasons,
//! adjustments and warnings are the memo's sentences; in English the engine's words and
//! rule ids.

use std::collections::BTreeMap;

use super::i18n::{Arg, Texts};
use super::text::{band_text, status_text, version_text, yes_no};
use super::{Evaluation, others_named, reference, text_of};
use crate::domain::{CriterionId, CriterionKind, Language, Panel, Tender};
use crate::scoring::conformity::{Finding, Warning};
use crate::scoring::price_methods::{Below, Calculation, Formula, MoneyCalculation};
use crate::scoring::price_rules::{Adjustment, AdjustmentRule};
use crate::scoring::rank::Ranked;
use crate::scoring::score::{Outcome, PriceEvaluation};
use crate::scoring::tree::CriterionScore;
use crate::values::{ModelRounding, Points};

/// The explanation of one bid in the tender's language.
pub fn render(evaluation: &Evaluation, entry: &Ranked) -> String {
    render_in(evaluation, entry, None)
}

/// The explanation of one bid: what it is, then its steps to a rank or why it was set aside,
/// then its warnings; in `language` (`None`: the tender's `language`).
pub fn render_in(evaluation: &Evaluation, entry: &Ranked, language: Option<Language>) -> String {
    let texts = &Texts::new(language.unwrap_or(evaluation.tender.language));
    let t = &evaluation.tender;
    let s = &entry.score;
    let mut out = vec![
        texts.with(
            "report-explain-title",
            &[
                ("bidder", s.bidder.as_ref().into()),
                ("id", t.id.as_str().into()),
            ],
        ),
        version_text(evaluation, texts),
        super::text::model_origin(evaluation, texts),
        texts.with(
            "report-explain-status",
            &[("status", status_text(entry, texts).into())],
        ),
    ];
    match &s.outcome {
        Outcome::SetAside { findings, .. } => {
            out.extend(set_aside_steps(evaluation, entry, findings, texts));
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
                out.extend(price_steps(t, price, texts));
            }
            out.push(String::new());
            match money_evaluation {
                // A money model: no price points and no weighted total; the bid is ranked
                // on its evaluation price.
                Some(e) => out.extend(money_steps(t, criteria, &s.panels, e, texts)),
                None => {
                    out.extend(weight_steps(t, criteria, &s.panels, texts));
                    out.push(String::new());
                    out.push(total_line(
                        evaluation,
                        criteria,
                        *total,
                        *exact_total,
                        texts,
                    ));
                }
            }
            out.push(rank_line(evaluation, entry, texts));
        }
    }
    out.extend(
        s.warnings
            .iter()
            .map(|w| warning_line(evaluation, &s.bidder, w, texts)),
    );
    out.push(super::evaluated_with(texts));
    text_of(&out)
}

/// Why the bid was set aside: each finding numbered, with its evidence in words and its
/// clause. In Danish the memo's decision and reason.
fn set_aside_steps(
    evaluation: &Evaluation,
    entry: &Ranked,
    findings: &[Finding],
    texts: &Texts,
) -> Vec<String> {
    let mut out = vec![String::new(), texts.get("report-explain-set-aside")];
    for (i, f) in findings.iter().enumerate() {
        let view = super::memo::finding(evaluation, texts, f, entry.score.round);
        out.push(texts.with(
            "report-explain-finding",
            &[
                ("n", (i + 1).to_string().into()),
                ("decision", view.decision.into()),
                ("reason_text", view.reason.into()),
            ],
        ));
        out.push(texts.with(
            "report-explain-evidence",
            &[(
                "evidence",
                super::evidence::in_words(evaluation, f, texts).into(),
            )],
        ));
        let source = f
            .source
            .clone()
            .unwrap_or_else(|| texts.get("report-clause-none-short"));
        out.push(texts.with("report-explain-clause", &[("source", source.into())]));
        if let Some(text) = &f.clause {
            out.push(texts.with(
                "report-explain-clause-text",
                &[("text", text.as_str().into())],
            ));
        }
    }
    out
}

/// One warning on the bid, as the last lines of the explanation: the memo's sentence.
fn warning_line(evaluation: &Evaluation, bidder: &str, warning: &Warning, texts: &Texts) -> String {
    texts.with(
        "report-explain-warning",
        &[(
            "item",
            super::memo::warning_item(evaluation, texts, bidder, warning).into(),
        )],
    )
}

/// An amount as the language writes it in prose: "372,50 kr." / "DKK 372.50".
fn amount(t: &Tender, value: crate::values::Money, texts: &Texts) -> String {
    texts.money(value.value(), &t.currency)
}

/// One price line from the price as written to its points: the numbered steps of the
/// adjustments, the evaluated price and, unless the model is a money model, the points.
fn price_steps(t: &Tender, price: &PriceEvaluation, texts: &Texts) -> Vec<String> {
    let mut steps = vec![match price.submitted {
        Some(written) => texts.with(
            "report-explain-written",
            &[("price", amount(t, written, texts).into())],
        ),
        None => texts.get("report-explain-no-price"),
    }];
    steps.extend(
        price
            .adjustments
            .iter()
            .map(|a| adjustment_step(t, a, texts)),
    );
    steps.push(texts.with(
        "report-explain-evaluated",
        &[("price", amount(t, price.evaluated, texts).into())],
    ));
    if !t.model.method.is_money() {
        steps.extend(points_steps(t, price, texts));
    }
    let mut lines = vec![price_line_title(t, price, texts)];
    lines.extend(steps.iter().enumerate().map(|(i, step)| {
        texts.with(
            "report-explain-step",
            &[
                ("n", (i + 1).to_string().into()),
                ("step", step.as_str().into()),
            ],
        )
    }));
    if t.model.method.is_money() {
        lines.push(texts.with(
            "report-explain-money-no-points",
            &[("name", t.model.name.as_str().into())],
        ));
    }
    lines
}

/// The title of a price line: its name, and its band of prices.
fn price_line_title(t: &Tender, price: &PriceEvaluation, texts: &Texts) -> String {
    let criterion = t.criterion(&price.line.0);
    let (name, band, banded) = match criterion.map(|c| (&c.name, &c.kind)) {
        Some((name, CriterionKind::Price(line))) => {
            (name.clone(), band_text(t, line, texts), line.band.is_some())
        }
        _ => (price.line.0.to_string(), String::new(), false),
    };
    texts.with(
        if banded {
            "report-explain-line-band"
        } else {
            "report-explain-line"
        },
        &[
            ("id", price.line.as_str().into()),
            ("name", name.into()),
            ("band", band.into()),
        ],
    )
}

/// One adjustment of the price as written, by the tender's price rule that made it; in
/// Danish the memo's wording of the adjustment.
fn adjustment_step(t: &Tender, a: &Adjustment, texts: &Texts) -> String {
    let id = match (a.rule, a.from) {
        (AdjustmentRule::WholeKroner, Some(_)) => "report-explain-adjust-whole-kroner",
        (AdjustmentRule::RaiseToMinimum, Some(_)) => "report-explain-adjust-raise",
        (AdjustmentRule::LowerToMaximum, Some(_)) => "report-explain-adjust-lower",
        (_, None) => "report-explain-adjust-missing",
        (_, Some(_)) => "report-explain-adjust-other",
    };
    let mode = t
        .price_rules
        .whole_kroner
        .action
        .map_or("none", |m| m.name());
    texts.with(
        id,
        &[
            ("mode", mode.into()),
            ("rule_id", a.rule.as_str().into()),
            ("source", reference(a.source.as_deref(), " (", ")").into()),
            (
                "from",
                a.from
                    .map(|m| amount(t, m, texts))
                    .unwrap_or_default()
                    .into(),
            ),
            ("to", amount(t, a.to, texts).into()),
            (
                "step",
                super::memo::adjustment_step(texts, a, &t.currency).into(),
            ),
        ],
    )
}

/// How a rounding rule rounds, in words: "rounded half-up to 2 decimals", "not rounded".
fn rounded(rounding: ModelRounding, texts: &Texts) -> String {
    super::text::rounding_in(
        rounding,
        texts,
        ["report-explain-rounded-to", "report-explain-not-rounded"],
    )
}

/// The note on a division that does not terminate, with its space; empty where it does.
fn cut_note(rounded_at_28_digits: bool, texts: &Texts) -> String {
    if rounded_at_28_digits {
        format!(" {}", texts.get("report-explain-28-digits"))
    } else {
        String::new()
    }
}

/// The price model's formula with the bid's numbers, then its rounding to points.
fn points_steps(t: &Tender, price: &PriceEvaluation, texts: &Texts) -> [String; 2] {
    let c = &price.calculation;
    [
        format!(
            "{}\n     {} = {}{}",
            texts.with(
                "report-explain-model",
                &[
                    ("name", t.model.name.as_str().into()),
                    ("context", calculation_context(t, c, texts).into()),
                ],
            ),
            formula_text(c, &t.currency, texts),
            texts.number(c.exact),
            cut_note(c.rounded_at_28_digits, texts)
        ),
        texts.with(
            "report-explain-points",
            &[
                ("rounding", capitalised(&rounded(c.rounding, texts)).into()),
                ("points", texts.decimal(price.points.value()).into()),
            ],
        ),
    ]
}

/// The formula with the bid's numbers, its numbers with a decimal comma; the words the
/// engine writes in some formulas (a price on an outermost anchor, a result below 0) in
/// the language of `texts`.
fn formula_text(c: &Calculation, currency: &str, texts: &Texts) -> String {
    if let Some(((p0, _), (p1, _))) = c.anchors
        && p0 == p1
    {
        return texts.with(
            "report-explain-flat",
            &[
                ("price", texts.number(p0.value()).into()),
                ("amount", texts.money(p0.value(), currency).into()),
            ],
        );
    }
    let formula = match &c.formula {
        Formula::NoWidth { max } => texts.with(
            "report-explain-zero-lowest",
            &[("max", crate::values::plain(*max).into())],
        ),
        formula => {
            let words = match formula.below() {
                Below::Kept => String::new(),
                Below::Floored(_) => texts.get("report-explain-below-zero"),
                Below::FarBelow => texts.get("report-explain-far-below-zero"),
                Below::OutOfRange => texts.get("report-explain-below-range"),
            };
            format!("{}{words}", formula.numbers())
        }
    };
    texts.numbers_in(&formula)
}

/// What the price was measured against: the anchors, or the scored bids' prices.
fn calculation_context(t: &Tender, c: &Calculation, texts: &Texts) -> String {
    let amount = |value| amount(t, value, texts);
    match (c.anchors, c.field) {
        (Some(((p0, s0), (p1, s1))), _) if p0 != p1 => texts.with(
            "report-explain-anchors",
            &[
                ("p0", amount(p0).into()),
                ("s0", texts.number(s0.value()).into()),
                ("p1", amount(p1).into()),
                ("s1", texts.number(s1.value()).into()),
            ],
        ),
        (Some(_), _) => texts.get("report-explain-fixed-anchors"),
        (None, Some(field)) => texts.with(
            "report-explain-field",
            &[
                ("method", c.method.into()),
                ("lowest", amount(field.lowest).into()),
                ("highest", amount(field.highest).into()),
            ],
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
    texts: &Texts,
) -> String {
    let t = &evaluation.tender;
    let leaves: Vec<String> = t
        .leaves()
        .into_iter()
        .filter_map(|i| criteria.iter().find(|c| c.criterion == t.criteria[i].id))
        .map(|c| texts.number(c.weighted.value()))
        .collect();
    let rounding = match t.total_rounding {
        None => texts.get("report-explain-total-exact"),
        Some(r) => texts.with(
            "report-explain-total-rounded",
            &[
                ("mode_name", r.mode.name().into()),
                ("mode", super::memo::mode_text(texts, r.mode).into()),
                ("decimals", r.decimals.to_string().into()),
                ("total", texts.decimal(total.value()).into()),
            ],
        ),
    };
    texts.with(
        "report-explain-total",
        &[
            ("leaves", leaves.join(" + ").into()),
            ("exact", texts.number(exact_total.value()).into()),
            ("rounding", rounding.into()),
            ("low", texts.number(evaluation.bounds.0.value()).into()),
            ("high", texts.number(evaluation.bounds.1.value()).into()),
        ],
    )
}

/// How a quality criterion's points came about: the scale step they stand on, and the
/// evaluators behind the consensus where the bid records them.
fn quality_steps(
    t: &Tender,
    id: &CriterionId,
    score: &CriterionScore,
    panels: &BTreeMap<CriterionId, Panel>,
    texts: &Texts,
) -> String {
    let points = score.given.unwrap_or(score.points);
    let n = |value: Points| Arg::from(texts.number(value.value()));
    let mut text = String::new();
    match t.criterion(&id.0) {
        None => text.push_str(&texts.get("report-explain-quality")),
        Some(criterion) => {
            let scale = t.scale_of(criterion);
            text.push_str(&texts.with(
                "report-explain-quality-scale",
                &[("min", n(scale.min)), ("max", n(scale.max))],
            ));
            if let Some(given) = score.given {
                let (lo, hi, from, to) = (t.scale.min, t.scale.max, scale.min, scale.max);
                let calc = format!(
                    "{} + ({} − {}) × ({} − {}) / ({} − {}) = {}",
                    texts.number(lo.value()),
                    texts.number(given.value()),
                    texts.number(from.value()),
                    texts.number(hi.value()),
                    texts.number(lo.value()),
                    texts.number(to.value()),
                    texts.number(from.value()),
                    texts.number(score.points.value())
                );
                text.push_str(&texts.with(
                    "report-explain-mapped",
                    &[
                        ("given", n(given)),
                        ("min", n(lo)),
                        ("max", n(hi)),
                        ("calc", calc.into()),
                    ],
                ));
            }
            if let Some(step) = scale.descriptor(points) {
                text.push_str(&texts.with(
                    "report-explain-descriptor",
                    &[
                        ("points", n(step.points)),
                        ("text", step.text.as_str().into()),
                    ],
                ));
            }
        }
    }
    if let Some(panel) = panels.get(id) {
        let each: Vec<String> = panel
            .evaluators
            .iter()
            .map(|(name, p)| format!("{name} {}", texts.number(p.value())))
            .collect();
        text.push_str(&texts.with(
            "report-explain-panel",
            &[("each", each.join(", ").into()), ("mean", n(panel.mean()))],
        ));
        if let Some(reason) = &panel.reason {
            text.push_str(&texts.with(
                "report-explain-consensus",
                &[("reason", reason.as_str().into())],
            ));
        }
    }
    format!(" ({text})")
}

/// Under a money model: the quality Q behind the evaluation price, then the price itself.
fn money_steps(
    t: &Tender,
    criteria: &[CriterionScore],
    panels: &BTreeMap<CriterionId, Panel>,
    e: &MoneyCalculation,
    texts: &Texts,
) -> Vec<String> {
    let mut lines = quality_mean_steps(t, criteria, panels, e, texts);
    lines.push(String::new());
    let composed = e
        .price_terms
        .as_ref()
        .map(|terms| format!("{} = ", texts.numbers_in(terms)))
        .unwrap_or_default();
    lines.push(texts.with(
        "report-explain-evaluation-price",
        &[
            ("method", e.method.into()),
            ("composed", composed.into()),
            ("price", texts.number(e.price.value()).into()),
        ],
    ));
    lines.push(texts.with(
        "report-explain-money-formula",
        &[
            ("formula", texts.numbers_in(&e.formula.to_string()).into()),
            ("exact", texts.number(e.exact.value()).into()),
            ("note", cut_note(e.rounded_at_28_digits, texts).into()),
            ("rounding", rounded(t.model.rounding, texts).into()),
            ("value", texts.decimal(e.value.value()).into()),
            ("amount", amount(t, e.value, texts).into()),
        ],
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
    texts: &Texts,
) -> Vec<String> {
    let mut lines = vec![texts.get("report-explain-quality-points")];
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
        lines.push(texts.with(
            "report-explain-quality-line",
            &[
                ("name", c.name.as_str().into()),
                ("points", texts.decimal(score.points.value()).into()),
                ("how", quality_steps(t, &c.id, score, panels, texts).into()),
            ],
        ));
        terms.push(format!(
            "{} × {}",
            texts.number(c.share.value()),
            texts.number(score.points.value())
        ));
        shares += c.share.value();
    }
    lines.push(texts.with(
        "report-explain-q",
        &[
            ("terms", terms.join(" + ").into()),
            ("shares", texts.number(shares).into()),
            ("q", texts.number(e.quality.value()).into()),
            ("qmax", texts.number(e.quality_max.value()).into()),
        ],
    ));
    lines
}

/// Every criterion depth first: its points × its share of the total = its weighted
/// points, with how a group's points add up and where a leaf's points come from.
fn weight_steps(
    t: &Tender,
    criteria: &[CriterionScore],
    panels: &BTreeMap<CriterionId, Panel>,
    texts: &Texts,
) -> Vec<String> {
    let mut lines = vec![texts.get("report-explain-weights")];
    for index in t.depth_first() {
        let c = &t.criteria[index];
        let Some(score) = criteria.iter().find(|s| s.criterion == c.id) else {
            continue;
        };
        let indent = "  ".repeat(t.path(index).len());
        let how = match &c.kind {
            CriterionKind::Group => group_sum(t, criteria, index, texts),
            CriterionKind::Quality => quality_steps(t, &c.id, score, panels, texts),
            CriterionKind::Price(_) => format!(" ({})", texts.get("report-explain-from-price")),
        };
        // A leaf's points as given or rounded by the model (7,60); a group's exact sum.
        let points = match c.kind {
            CriterionKind::Group => texts.number(score.points.value()),
            _ => texts.decimal(score.points.value()),
        };
        lines.push(texts.with(
            "report-explain-criterion",
            &[
                ("indent", indent.into()),
                ("name", c.name.as_str().into()),
                ("weight", texts.number(c.weight.value()).into()),
                ("points", points.into()),
                ("how", how.into()),
                ("share", share_text(t, index, texts).into()),
                ("weighted", texts.number(score.weighted.value()).into()),
            ],
        ));
    }
    lines
}

/// A criterion's share of the total, below the top level with the weights on its path it
/// is the product of: "0,585 (0,9 × 0,65)".
fn share_text(t: &Tender, index: usize, texts: &Texts) -> String {
    let c = &t.criteria[index];
    let path: Vec<String> = t
        .path(index)
        .iter()
        .map(|i| texts.number(t.criteria[*i].weight.fraction().value()))
        .collect();
    if path.len() > 1 {
        format!("{} ({})", texts.number(c.share.value()), path.join(" × "))
    } else {
        texts.number(c.share.value())
    }
}

/// How a group's points add up from its children's: " = 0,65 × 8 + 0,35 × 9".
fn group_sum(t: &Tender, criteria: &[CriterionScore], index: usize, texts: &Texts) -> String {
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
                texts.number(child.weight.fraction().value()),
                texts.number(s.points.value())
            )
        })
        .collect();
    format!(" = {}", parts.join(" + "))
}

/// The bid's rank among the ranked bids, and the bids it shares it with.
fn rank_line(evaluation: &Evaluation, entry: &Ranked, texts: &Texts) -> String {
    let ranked = evaluation
        .ranking
        .iter()
        .filter(|r| r.rank.is_some())
        .count();
    let rank = (
        "rank",
        Arg::from(entry.rank.unwrap_or_default().to_string()),
    );
    let ranked = ("ranked", Arg::from(ranked.to_string()));
    // Shared: equal, and the tie-break (if any) does not separate them; split: equal, and
    // the tie-break placed them.
    let ranking = &evaluation.ranking;
    let [others, others_listed] = if entry.shares_rank() {
        others_named(texts, entry.tied_with(ranking), entry.tied_count())
    } else if entry.split_count() > 0 {
        others_named(texts, entry.split_from(ranking), entry.split_count())
    } else {
        return texts.with("report-explain-rank", &[rank, ranked]);
    };
    let message = if entry.shares_rank() {
        "report-explain-rank-shared"
    } else {
        "report-explain-rank-split"
    };
    let tender = &evaluation.tender;
    let criteria = super::text::tie_break_names(tender);
    texts.with(
        message,
        &[
            rank,
            ranked,
            others,
            others_listed,
            ("money", yes_no(tender.model.method.is_money())),
            ("tiebreak", yes_no(!criteria.is_empty())),
            (
                "criteria",
                criteria.join(&texts.get("report-chain-join")).into(),
            ),
        ],
    )
}
