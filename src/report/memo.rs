//! The evaluation memo (evalueringsnotat): one self-contained HTML document in the tender's
//! language — the tender and the version in force, the evaluation model in words, the
//! result with charts, every adjustment, tie, bid set aside and legal note, the data it was
//! computed from, and fields for the sign-off. Built from the template
//! `templates/memo.html` (minijinja, HTML-escaped); charts are inline SVG.
//!
//! Contract: pure; renders to a string, no I/O. The words come from [`Texts`]; nothing in
//! the document names this program's own files beyond the data section's list of inputs.

use rust_decimal::Decimal;
use serde::Serialize;

use super::charts::{self, Bar};
use super::i18n::{Arg, Texts};
use super::{Bidders, Evaluation};
use crate::domain::{
    AnchorPrice, Criterion, CriterionKind, Language, Method, MissingPrice, OutOfBand, RuleId,
    Tender,
};
use crate::legal::{LegalNote, notes_of};
use crate::scoring::award::AwardResult;
use crate::scoring::conformity::Finding;
use crate::scoring::price_methods::Field;
use crate::scoring::price_rules::AdjustmentRule;
use crate::scoring::rank::{Ranked, shared_ranks};
use crate::scoring::score::{Outcome, Standing, Status};
use crate::values::{ModelRounding, Money, RoundingMode};

const TEMPLATE: &str = include_str!("templates/memo.html");

/// Renders the memo of an evaluation in `language` (the tender's own where `None`).
pub fn render(evaluation: &Evaluation, language: Option<Language>) -> String {
    let mut bytes = Vec::new();
    // Writing to a Vec cannot fail, and the template writes only text; should rendering
    // fail, no page is better than half of one.
    match write(evaluation, language, &mut bytes) {
        Ok(()) => String::from_utf8(bytes).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// [`render`] written to `out` as the template produces it, never held whole.
pub fn write(
    evaluation: &Evaluation,
    language: Option<Language>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let texts = Texts::new(language.unwrap_or(evaluation.tender.language));
    // The template reads its own copy of the memo's values; the memo is let go before the
    // page is written (a finding may quote a bidder's whole text).
    let memo = minijinja::Value::from_serialize(Memo::new(evaluation, &texts));
    let mut env = minijinja::Environment::new();
    // Named .html, so every value is HTML-escaped unless marked safe (the charts).
    env.add_template("memo.html", TEMPLATE)
        .map_err(std::io::Error::other)?;
    let template = env
        .get_template("memo.html")
        .map_err(std::io::Error::other)?;
    template
        .render_captured_to(memo, out)
        .map(drop)
        .map_err(std::io::Error::other)
}

#[derive(Serialize)]
struct Memo {
    lang: &'static str,
    title: String,
    tender_title: String,
    meta: Vec<(String, String)>,
    basis: Vec<String>,
    warning: Option<String>,
    model: Section,
    criteria_head: [String; 4],
    criteria: Vec<CriterionRow>,
    result: Section,
    result_head: Vec<String>,
    result_rows: Vec<ResultRow>,
    /// The columns a bid set aside spans with its status.
    result_span: usize,
    charts: Vec<String>,
    adjustments: Section,
    ties: Section,
    set_aside_title: String,
    set_aside_empty: Option<String>,
    set_aside: Vec<SetAside>,
    legal: Section,
    decisions: Section,
    warnings: Section,
    recommendation: Section,
    inputs: Section,
    inputs_head: [String; 3],
    inputs_rows: Vec<[String; 3]>,
    signoff: Signoff,
}

/// A heading and its paragraphs (or list items).
#[derive(Serialize)]
struct Section {
    title: String,
    items: Vec<String>,
}

impl Section {
    /// A section titled by message `title`, with `items`, or message `none` where there
    /// are none.
    fn of(texts: &Texts, title: &str, items: Vec<String>, none: &str) -> Section {
        Section {
            title: texts.get(title),
            items: or_none(items, texts, none),
        }
    }
}

/// A row of the ranking: its cells, or for a bid set aside its rank, bidder and status.
#[derive(Serialize)]
struct ResultRow {
    cells: Vec<String>,
    status: Option<String>,
}

#[derive(Serialize)]
struct CriterionRow {
    depth: usize,
    name: String,
    kind: String,
    weight: String,
    share: String,
}

#[derive(Serialize)]
struct SetAside {
    bidder: String,
    findings: Vec<FindingView>,
}

#[derive(Serialize)]
pub(super) struct FindingView {
    pub(super) decision: String,
    pub(super) reason: String,
    pub(super) evidence: Option<String>,
    pub(super) clause: Option<String>,
    pub(super) clause_text: Option<String>,
    pub(super) resolution: Option<String>,
}

#[derive(Serialize)]
struct Signoff {
    title: String,
    evaluators: String,
    approver: String,
    name: String,
    date: String,
    signature: String,
}

impl Memo {
    fn new(evaluation: &Evaluation, texts: &Texts) -> Memo {
        let t = &evaluation.tender;
        let deadline = deadline(t)
            .map(|at| texts.datetime(at))
            .unwrap_or_else(|| t.deadline.clone());
        let (criteria_head, criteria) = criteria(t, texts);
        let (result_head, result_rows) = result_table(evaluation, texts);
        let (inputs_head, inputs_rows) = inputs(evaluation, texts);
        Memo {
            lang: match texts.language {
                Language::Da => "da",
                Language::En => "en",
            },
            title: texts.get("memo-title"),
            tender_title: t.title.clone(),
            meta: [
                (texts.get("meta-authority"), t.authority.clone()),
                (texts.get("meta-tender"), t.title.clone()),
                (texts.get("meta-reference"), t.id.clone()),
                (texts.get("meta-deadline"), deadline),
            ]
            .into_iter()
            .chain(round_meta(t, texts))
            .collect(),
            basis: basis(evaluation, texts),
            warning: warning(evaluation, texts),
            model: Section {
                title: texts.get("section-model"),
                items: model_text(t, texts),
            },
            criteria_head,
            criteria,
            result: Section {
                title: texts.get("section-result"),
                items: vec![texts.with(
                    "result-intro",
                    &[
                        ("ranked", count_text(ranked(evaluation).count())),
                        (
                            "set_aside",
                            count_text(evaluation.ranking.len() - ranked(evaluation).count()),
                        ),
                    ],
                )],
            },
            result_span: result_head.len() - 2,
            result_head,
            result_rows,
            charts: charts_of(evaluation, texts),
            adjustments: Section::of(
                texts,
                "section-adjustments",
                adjustments(evaluation, texts),
                "no-adjustments",
            ),
            ties: Section::of(texts, "section-ties", ties(evaluation, texts), "no-ties"),
            set_aside_title: texts.get("section-set-aside"),
            set_aside: set_aside(evaluation, texts),
            set_aside_empty: evaluation
                .ranking
                .iter()
                .all(|r| r.rank.is_some())
                .then(|| texts.get("no-set-aside")),
            legal: Section::of(texts, "section-legal", legal(evaluation, texts), "no-legal"),
            decisions: Section::of(
                texts,
                "section-decisions",
                decisions(evaluation, texts),
                "no-decisions",
            ),
            warnings: Section::of(
                texts,
                "section-warnings",
                warnings(evaluation, texts),
                "no-warnings",
            ),
            recommendation: Section {
                title: texts.get("section-recommendation"),
                items: vec![recommendation(evaluation, texts)],
            },
            inputs: Section {
                title: texts.get("section-inputs"),
                items: vec![texts.with("inputs-intro", &[("tool", super::TOOL.into())])],
            },
            inputs_head,
            inputs_rows,
            signoff: Signoff {
                title: texts.get("section-signoff"),
                evaluators: texts.get("signoff-evaluators"),
                approver: texts.get("signoff-approver"),
                name: texts.get("signoff-name"),
                date: texts.get("signoff-date"),
                signature: texts.get("signoff-signature"),
            },
        }
    }
}

fn count_text(n: usize) -> Arg<'static> {
    Arg::Text(n.to_string().into())
}

fn or_none(items: Vec<String>, texts: &Texts, none: &str) -> Vec<String> {
    if items.is_empty() {
        vec![texts.get(none)]
    } else {
        items
    }
}

fn ranked(evaluation: &Evaluation) -> impl Iterator<Item = &Ranked> {
    evaluation.ranking.iter().filter(|r| r.rank.is_some())
}

/// The deadline as its local date and time, as the tender writes it.
fn deadline(t: &Tender) -> Option<jiff::civil::DateTime> {
    t.deadline.get(..19)?.parse().ok()
}

/// In a negotiated procedure: the round whose bids are evaluated, and its deadline.
fn round_meta(t: &Tender, texts: &Texts) -> Option<(String, String)> {
    if t.rounds.is_empty() {
        return None;
    }
    let declared = t.declared_round(t.round);
    let written = t.deadline_of(t.round).0;
    let deadline = written
        .get(..19)
        .and_then(|s| s.parse::<jiff::civil::DateTime>().ok())
        .map_or_else(|| written.to_string(), |at| texts.datetime(at));
    Some((
        texts.get("meta-round"),
        texts.with(
            "round-value",
            &[
                ("number", t.round.to_string().into()),
                ("of", t.final_round().to_string().into()),
                (
                    "name",
                    declared
                        .map_or_else(|| texts.get("round-initial"), |r| r.name.clone())
                        .into(),
                ),
                ("deadline", deadline.into()),
            ],
        ),
    ))
}

/// What the reader must know before trusting the result: an evaluation on a version not
/// in force, or on the bids of a round that is not the final one.
fn warning(evaluation: &Evaluation, texts: &Texts) -> Option<String> {
    let t = &evaluation.tender;
    let mut warnings = Vec::new();
    if !evaluation.latest {
        warnings.push(texts.get("version-not-latest"));
    }
    if t.round != t.final_round() {
        warnings.push(texts.with(
            "round-not-final",
            &[
                ("number", t.round.to_string().into()),
                ("of", t.final_round().to_string().into()),
            ],
        ));
    }
    (!warnings.is_empty()).then(|| warnings.join(" "))
}

/// Which version of the tender documents the evaluation rests on, and in a negotiated
/// procedure the bids that stand from an earlier round.
fn basis(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    let mut lines = version_basis(evaluation, texts);
    lines.extend(standing_bids(evaluation, texts, "round-standing"));
    lines
}

/// In a negotiated procedure: the sentence (message `id`) naming the bids that stand from
/// an earlier round, their bidders having handed in no revised bid in the round scored;
/// none where every bid is of this round.
pub(super) fn standing_bids(evaluation: &Evaluation, texts: &Texts, id: &str) -> Option<String> {
    let round = evaluation.tender.round;
    let standing: Vec<String> = evaluation
        .ranking
        .iter()
        .filter(|r| r.score.round < round)
        .map(|r| {
            texts.with(
                "round-standing-bid",
                &[
                    ("bidder", r.score.bidder.as_ref().into()),
                    ("round", r.score.round.to_string().into()),
                ],
            )
        })
        .collect();
    (!standing.is_empty()).then(|| {
        texts.with(
            id,
            &[
                ("round", round.to_string().into()),
                ("bids", standing.join(", ").into()),
            ],
        )
    })
}

/// Which version of the tender documents the evaluation rests on.
fn version_basis(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    if evaluation.applied.is_empty() {
        return vec![texts.get("version-published")];
    }
    let mut lines = vec![texts.get("version-amended")];
    lines.extend(evaluation.applied.iter().map(|r| {
        texts.with(
            "rettelsesblad-item",
            &[
                ("number", r.number.to_string().into()),
                ("date", texts.date(r.date).into()),
                ("title", r.title.as_str().into()),
            ],
        )
    }));
    lines
}

fn percent(texts: &Texts, fraction: Decimal) -> String {
    format!("{} %", texts.number(fraction * Decimal::ONE_HUNDRED))
}

/// The criteria tree, depth first: name, kind, weight among siblings, share of the total
/// (of Q under a money model; none for price there).
fn criteria(t: &Tender, texts: &Texts) -> ([String; 4], Vec<CriterionRow>) {
    let money = t.model.method.is_money();
    let head = [
        texts.get("col-criterion"),
        texts.get("col-kind"),
        texts.get("col-weight"),
        texts.get(if money { "col-share-q" } else { "col-share" }),
    ];
    let rows = t
        .depth_first()
        .into_iter()
        .map(|i| {
            let c: &Criterion = &t.criteria[i];
            let kind = match c.kind {
                CriterionKind::Group => "kind-group",
                CriterionKind::Quality => "kind-quality",
                CriterionKind::Price(_) => "kind-price",
            };
            let share = if money {
                t.share_of_quality(c).map(|s| percent(texts, s))
            } else {
                Some(percent(texts, c.share.value()))
            };
            let weighted = !money || t.share_of_quality(c).is_some();
            CriterionRow {
                depth: t.path(i).len() - 1,
                name: c.name.clone(),
                kind: texts.get(kind),
                weight: if weighted {
                    format!("{} %", texts.number(c.weight.value()))
                } else {
                    "–".into()
                },
                share: share.unwrap_or_else(|| "–".into()),
            }
        })
        .collect();
    (head, rows)
}

/// How a method turns a price into points (or an evaluation price), in words.
pub(super) fn method_text(method: &Method, texts: &Texts) -> String {
    // The formula's symbols; its numbers as the language writes them.
    let formula = || {
        let symbols = method.formula();
        let symbols = symbols.split(", ").next().unwrap_or_default();
        match texts.language {
            Language::Da => super::number::with_decimal_commas(symbols),
            Language::En => symbols.to_string(),
        }
    };
    match method {
        Method::Anchors(anchors) => {
            let each: Vec<String> = anchors
                .iter()
                .map(|a| {
                    let price = match a.price {
                        AnchorPrice::Min => texts.get("anchor-min"),
                        AnchorPrice::Max => texts.get("anchor-max"),
                        AnchorPrice::Target(change) if change.is_zero() => {
                            texts.get("anchor-target")
                        }
                        AnchorPrice::Target(change) => texts.with(
                            "anchor-target-change",
                            &[("change", format!("{change:+}").into())],
                        ),
                        AnchorPrice::Fixed(amount) => texts.number(amount.value()),
                    };
                    texts.with(
                        "anchor-point",
                        &[
                            ("price", price.into()),
                            ("points", texts.number(a.points.value()).into()),
                        ],
                    )
                })
                .collect();
            texts.with("method-anchors", &[("anchors", each.join("; ").into())])
        }
        Method::RelativeToLowest { floor_at_zero, .. } => texts.with(
            "method-relative",
            &[
                ("formula", formula().into()),
                (
                    "floor",
                    texts
                        .get(if *floor_at_zero {
                            "floor-zero"
                        } else {
                            "floor-none"
                        })
                        .into(),
                ),
            ],
        ),
        Method::Proportional { .. } => {
            texts.with("method-proportional", &[("formula", formula().into())])
        }
        Method::LowestToHighest { .. } => {
            texts.with("method-lowest-to-highest", &[("formula", formula().into())])
        }
        Method::MoneyPerPoint { .. } | Method::PercentSurcharge { .. } => formula(),
    }
}

/// "A, B og C".
pub(super) fn listed(texts: &Texts, names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => texts.with(
            "list-and",
            &[("first", init.join(", ").into()), ("last", (*last).into())],
        ),
    }
}

pub(super) fn mode_text(texts: &Texts, mode: RoundingMode) -> String {
    texts.get(match mode {
        RoundingMode::HalfUp => "mode-half-up",
        RoundingMode::HalfEven => "mode-half-even",
        RoundingMode::Up => "mode-up",
        RoundingMode::Down => "mode-down",
    })
}

pub(super) fn with_source(text: String, texts: &Texts, source: Option<&str>) -> String {
    match source {
        Some(source) => format!(
            "{text} {}",
            texts.with("clause-ref", &[("source", source.into())])
        ),
        None => text,
    }
}

/// The price model, the price bands and rules, the quality scale and the tie-break in words.
fn model_text(t: &Tender, texts: &Texts) -> Vec<String> {
    let money = t.model.method.is_money();
    let mut lines = vec![texts.get("model-intro")];
    let mut model = Vec::new();
    if money {
        model.push(texts.with(
            "money-model",
            &[("formula", method_text(&t.model.method, texts).into())],
        ));
    } else {
        model.push(texts.with(
            "price-model",
            &[("formula", method_text(&t.model.method, texts).into())],
        ));
    }
    model.push(match t.model.rounding {
        ModelRounding::Exact => texts.get(if money {
            "money-rounding-none"
        } else {
            "price-rounding-none"
        }),
        ModelRounding::To(rule) => texts.with(
            if money {
                "money-rounding-to"
            } else {
                "price-rounding-to"
            },
            &[
                ("mode", mode_text(texts, rule.mode).into()),
                ("decimals", rule.decimals.to_string().into()),
            ],
        ),
    });
    lines.push(with_source(
        model.join(" "),
        texts,
        t.model.source.as_deref(),
    ));
    for c in &t.criteria {
        let CriterionKind::Price(line) = &c.kind else {
            continue;
        };
        lines.push(match line.band {
            Some(band) => texts.with(
                "band-line",
                &[
                    ("name", c.name.as_str().into()),
                    ("min", texts.money(band.min.value(), &t.currency).into()),
                    ("max", texts.money(band.max.value(), &t.currency).into()),
                    ("unit", line.unit.as_str().into()),
                ],
            ),
            None => texts.with(
                "band-none",
                &[
                    ("name", c.name.as_str().into()),
                    ("unit", line.unit.as_str().into()),
                ],
            ),
        });
    }
    let rules = &t.price_rules;
    if let Some(mode) = rules.whole_kroner.action {
        lines.push(with_source(
            texts.with(
                "rule-whole-kroner",
                &[("mode", mode_text(texts, mode).into())],
            ),
            texts,
            rules.whole_kroner.source.as_deref(),
        ));
    }
    for (rule, clamp, reject) in [
        (&rules.below_min, "rule-below-raise", "rule-below-reject"),
        (&rules.above_max, "rule-above-lower", "rule-above-reject"),
    ] {
        if let Some(rule) = rule {
            let id = match rule.action {
                OutOfBand::Clamp => clamp,
                OutOfBand::Reject => reject,
            };
            lines.push(with_source(texts.get(id), texts, rule.source.as_deref()));
        }
    }
    if t.criteria
        .iter()
        .any(|c| matches!(c.kind, CriterionKind::Price(_)))
    {
        let id = match rules.missing.action {
            MissingPrice::Max => "rule-missing-max",
            MissingPrice::Reject => "rule-missing-reject",
        };
        lines.push(with_source(
            texts.get(id),
            texts,
            rules.missing.source.as_deref(),
        ));
    }
    lines.push(texts.with(
        "scale-line",
        &[
            ("min", texts.number(t.scale.min.value()).into()),
            ("max", texts.number(t.scale.max.value()).into()),
        ],
    ));
    for step in &t.scale.descriptors {
        lines.push(texts.with(
            "scale-step",
            &[
                ("points", texts.number(step.points.value()).into()),
                ("text", step.text.as_str().into()),
            ],
        ));
    }
    let quality = &t.quality;
    for (percent, id) in [
        (quality.min_per_criterion, "quality-min-per-criterion"),
        (quality.min_total, "quality-min-total"),
    ] {
        if let Some(percent) = percent {
            lines.push(with_source(
                texts.with(id, &[("percent", texts.number(percent.value()).into())]),
                texts,
                quality.source.as_deref(),
            ));
        }
    }
    lines.extend(conformity_text(t, texts));
    let tie = &t.tie_break;
    if tie.action.is_empty() {
        lines.push(texts.get(if money { "money-tie-none" } else { "tie-none" }));
    } else {
        let chain: Vec<String> = tie
            .action
            .iter()
            .map(|id| {
                t.criterion(&id.0)
                    .map_or(id.0.to_string(), |c| c.name.clone())
            })
            .collect();
        lines.push(with_source(
            texts.with("tie-chain", &[("chain", chain.join(", ").into())]),
            texts,
            tie.source.as_deref(),
        ));
    }
    lines
}

/// The conformity rules: the length limits and the requirements corrected rather than
/// rejected, then, under their title, what sets a bid aside.
fn conformity_text(t: &Tender, texts: &Texts) -> Vec<String> {
    use crate::domain::Decision;
    let c = &t.conformity;
    let rules = [
        (&c.declared_reservation, RuleId::DeclaredReservation),
        (&c.found_reservation, RuleId::FoundReservation),
        (&c.citizen_reservation, RuleId::CitizenReservation),
        (&c.alternative_bid, RuleId::AlternativeBid),
        (&c.late_bid, RuleId::LateBid),
        (&c.unclear_declaration, RuleId::UnclearDeclaration),
    ];
    let mut items: Vec<String> = rules
        .iter()
        .filter_map(|(rule, id)| {
            let rule = rule.as_ref()?;
            let text = texts.with(
                match rule.action {
                    Decision::Reject => "conformity-rule-reject",
                    Decision::Review => "conformity-rule-review",
                },
                &[("rule", rule_name(texts, *id).into())],
            );
            Some(with_source(text, texts, rule.source.as_deref()))
        })
        .collect();
    let mut apart: Vec<String> = Vec::new();
    let limits =
        c.length_limit
            .iter()
            .map(|limit| (limit, None))
            .chain(t.criteria.iter().filter_map(|criterion| {
                Some((
                    criterion.length_limit.as_ref()?,
                    Some(criterion.name.as_str()),
                ))
            }));
    for (limit, criterion) in limits {
        let mut args = pages_args(texts, limit.action);
        let key = match criterion {
            Some(name) => {
                args.push(("criterion", name.into()));
                "length-limit-criterion-rule"
            }
            None => "length-limit-rule",
        };
        // A length limit never sets a bid aside: stated apart from the list of what does.
        apart.push(with_source(
            texts.with(key, &args),
            texts,
            limit.source.as_deref(),
        ));
    }
    for requirement in &t.requirements {
        let key = match requirement.unmet {
            crate::domain::Unmet::Reject => "requirement-rule-reject",
            crate::domain::Unmet::Review => "requirement-rule-review",
            crate::domain::Unmet::Correct => "requirement-rule-correct",
        };
        let line = with_source(
            texts.with(key, &[("text", requirement.text.as_str().into())]),
            texts,
            requirement.source.as_deref(),
        );
        // A requirement the bid is read as meeting (corrected) never sets it aside either.
        match requirement.unmet {
            crate::domain::Unmet::Correct => apart.push(line),
            _ => items.push(line),
        }
    }
    let mut lines = apart;
    if !items.is_empty() {
        lines.push(texts.get("conformity-title"));
        lines.extend(items);
    }
    lines
}

/// The ranking: rank, bidder, per leaf the points (and the weighted points in brackets;
/// under a money model the quality points and the evaluated prices), and the total or
/// evaluation price. Bids set aside last, with their status.
fn result_table(evaluation: &Evaluation, texts: &Texts) -> (Vec<String>, Vec<ResultRow>) {
    let t = &evaluation.tender;
    let money = t.model.method.is_money();
    let leaves: Vec<&Criterion> = t.leaves().into_iter().map(|i| &t.criteria[i]).collect();
    let mut head = vec![texts.get("col-rank"), texts.get("col-bidder")];
    head.extend(leaves.iter().map(|c| c.name.clone()));
    head.push(texts.get(if money {
        "col-evaluation-price"
    } else {
        "col-total"
    }));
    let rows = evaluation
        .ranking
        .iter()
        .map(|entry| {
            let mut row = vec![
                entry.rank.map_or("–".into(), |r| r.to_string()),
                entry.score.bidder.to_string(),
            ];
            match &entry.score.outcome {
                Outcome::Scored {
                    criteria, prices, ..
                } => {
                    for c in &leaves {
                        let price = prices.iter().find(|p| p.line == c.id);
                        let score = criteria.iter().find(|s| s.criterion == c.id);
                        row.push(match (price, score) {
                            (Some(p), _) if money => texts.money(p.evaluated.value(), &t.currency),
                            (_, Some(s)) if money => texts.number(s.points.value()),
                            // A price line's points with the model's decimals ("7,70").
                            (Some(p), Some(s)) => format!(
                                "{} ({})",
                                texts.decimal(p.points.value()),
                                texts.number(s.weighted.value())
                            ),
                            (None, Some(s)) => format!(
                                "{} ({})",
                                texts.number(s.points.value()),
                                texts.number(s.weighted.value())
                            ),
                            _ => String::new(),
                        });
                    }
                    row.push(match entry.score.standing() {
                        Some(Standing::Price(p)) => texts.money(p.value(), &t.currency),
                        Some(Standing::Points(p)) => texts.number(p.value()),
                        None => String::new(),
                    });
                    ResultRow {
                        cells: row,
                        status: None,
                    }
                }
                Outcome::SetAside { .. } => ResultRow {
                    cells: row,
                    status: Some(texts.get(match entry.score.status() {
                        Status::Review => "decision-review",
                        _ => "decision-rejected",
                    })),
                },
            }
        })
        .collect();
    (head, rows)
}

/// The weighted points of every ranked bid as stacked bars (the evaluation price under a
/// money model), and for each price line scored on its own a chart of the model's price →
/// points with every bid marked.
fn charts_of(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    let t = &evaluation.tender;
    let money = t.model.method.is_money();
    let leaves: Vec<&Criterion> = t.leaves().into_iter().map(|i| &t.criteria[i]).collect();
    let mut out = Vec::new();
    let bars: Vec<Bar> = ranked(evaluation)
        .filter_map(|entry| {
            let Outcome::Scored { criteria, .. } = &entry.score.outcome else {
                return None;
            };
            let parts = if money {
                match entry.score.standing() {
                    Some(Standing::Price(p)) => vec![p.value()],
                    _ => return None,
                }
            } else {
                leaves
                    .iter()
                    .map(|c| {
                        criteria
                            .iter()
                            .find(|s| s.criterion == c.id)
                            .map_or(Decimal::ZERO, |s| s.weighted.value())
                    })
                    .collect()
            };
            Some(Bar {
                label: entry.score.bidder.to_string(),
                parts,
            })
        })
        .collect();
    let series: Vec<String> = if money {
        vec![texts.get("col-evaluation-price")]
    } else {
        leaves.iter().map(|c| c.name.clone()).collect()
    };
    let axis = if money {
        t.currency.clone()
    } else {
        texts.get("chart-axis-points")
    };
    let title = if money {
        texts.get("col-evaluation-price")
    } else {
        texts.get("chart-weighted-title")
    };
    out.push(charts::stacked_bars(
        &title,
        &series,
        &bars,
        &axis,
        ticks(texts),
    ));
    // A curve per line only where each line is scored on its own price.
    if !money && t.evaluation_line().is_none() {
        for c in &leaves {
            if let CriterionKind::Price(line) = &c.kind {
                out.push(price_chart(evaluation, texts, c, line));
            }
        }
    }
    out.retain(|svg| !svg.is_empty());
    out
}

/// The model's points over the prices around the bids (and the band), with the field of
/// prices the bids were compared with, and every ranked bid's evaluated price and points.
fn price_chart(
    evaluation: &Evaluation,
    texts: &Texts,
    c: &Criterion,
    line: &crate::domain::PriceLine,
) -> String {
    let t = &evaluation.tender;
    let mut marks = Vec::new();
    let mut field: Option<Field> = None;
    for entry in ranked(evaluation) {
        if let Outcome::Scored { prices, .. } = &entry.score.outcome
            && let Some(p) = prices.iter().find(|p| p.line == c.id)
        {
            // Marked by rank; the table above names each rank's bidder.
            marks.push((
                entry.rank.map_or(String::new(), |r| r.to_string()),
                p.evaluated.value(),
                p.points.value(),
            ));
            field = field.or(p.calculation.field);
        }
    }
    // Bids at the same price and points share one mark: "1, 3".
    let mut merged: Vec<(String, Decimal, Decimal)> = Vec::new();
    for (label, price, points) in marks {
        match merged.iter_mut().find(|m| m.1 == price && m.2 == points) {
            Some(mark) => {
                mark.0.push_str(", ");
                mark.0.push_str(&label);
            }
            None => merged.push((label, price, points)),
        }
    }
    let marks = merged;
    let prices = marks.iter().map(|m| m.1);
    let (Some(lowest), Some(highest)) = (prices.clone().min(), prices.max()) else {
        return String::new();
    };
    let (lo, hi) = match line.band {
        Some(band) => (band.min.value().min(lowest), band.max.value().max(highest)),
        None => (lowest, highest),
    };
    let field = field.unwrap_or(Field {
        lowest: Money::new(lowest),
        highest: Money::new(highest),
    });
    const STEPS: i64 = 40;
    let mut samples: Vec<Decimal> = (0..=STEPS)
        .map(|i| lo + (hi - lo) * Decimal::from(i) / Decimal::from(STEPS))
        .collect();
    samples.extend(marks.iter().map(|m| m.1));
    samples.sort();
    samples.dedup();
    let curve: Vec<(Decimal, Decimal)> = samples
        .into_iter()
        .map(|price| {
            let calc = t.model.calculate(line, Money::new(price), field);
            (price, calc.rounding.apply(calc.exact))
        })
        .collect();
    charts::price_curve(
        &texts.with("chart-price-title", &[("name", c.name.as_str().into())]),
        &curve,
        &marks,
        (
            &texts.with("chart-axis-price", &[("unit", line.unit.as_str().into())]),
            &texts.get("chart-axis-points"),
        ),
        ticks(texts),
    )
}

fn ticks(texts: &Texts) -> charts::Ticks {
    charts::Ticks {
        decimal_comma: texts.language == Language::Da,
    }
}

/// Every adjustment of a ranked bid's prices, in words.
fn adjustments(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    let t = &evaluation.tender;
    let mut items = Vec::new();
    for entry in &evaluation.ranking {
        let Outcome::Scored { prices, .. } = &entry.score.outcome else {
            continue;
        };
        for price in prices {
            let name = t
                .criterion(&price.line.0)
                .map_or(price.line.0.to_string(), |c| c.name.clone());
            for a in &price.adjustments {
                items.push(adjustment_item(
                    texts,
                    &entry.score.bidder,
                    &name,
                    a,
                    &t.currency,
                ));
            }
        }
    }
    items
}

/// One price adjustment in words, with its clause: "Alfa ApS, Spor 1 dagspris: 372,50 kr.
/// → 373,00 kr., øre rundet til hele kroner (Bilag B pkt. 1.2.1)".
pub(super) fn adjustment_item(
    texts: &Texts,
    bidder: &str,
    line: &str,
    a: &crate::scoring::price_rules::Adjustment,
    currency: &str,
) -> String {
    texts.with(
        "adjust-item",
        &[
            ("bidder", bidder.into()),
            ("line", line.into()),
            ("step", adjustment_step(texts, a, currency).into()),
        ],
    )
}

/// What one price rule did to a price, with its clause: "372,50 kr. → 373,00 kr., øre
/// rundet til hele kroner (Bilag B pkt. 1.2.1)".
pub(super) fn adjustment_step(
    texts: &Texts,
    a: &crate::scoring::price_rules::Adjustment,
    currency: &str,
) -> String {
    let from = a.from.map_or_else(
        || texts.get("pay-no-price"),
        |from| texts.money(from.value(), currency),
    );
    let step = texts.with(
        "adjust-step",
        &[
            ("from", from.into()),
            ("to", texts.money(a.to.value(), currency).into()),
            ("rule", adjustment_rule(texts, a.rule).into()),
        ],
    );
    with_source(step, texts, a.source.as_deref())
}

/// What a price rule did, in words: "øre rundet til hele kroner".
pub(super) fn adjustment_rule(texts: &Texts, rule: AdjustmentRule) -> String {
    texts.get(match rule {
        AdjustmentRule::WholeKroner => "adj-whole-kroner",
        AdjustmentRule::RaiseToMinimum => "adj-raise",
        AdjustmentRule::LowerToMaximum => "adj-lower",
        AdjustmentRule::MissingPriceSetToMaximum => "adj-missing",
    })
}

/// Every shared rank, once.
fn ties(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    let t = &evaluation.tender;
    let mut items = Vec::new();
    for run in shared_ranks(&evaluation.ranking) {
        let entry = &run[0];
        let Some(rank) = entry.rank else { continue };
        let names: Vec<&str> = run.iter().map(|r| r.score.bidder.as_ref()).collect();
        let total = match entry.score.standing() {
            Some(Standing::Price(p)) => texts.money(p.value(), &t.currency),
            Some(Standing::Points(p)) => texts.number(p.value()),
            None => continue,
        };
        items.push(texts.with(
            "tie-item",
            &[
                ("bidders", listed(texts, &names).into()),
                ("total", total.into()),
                ("rank", rank.to_string().into()),
            ],
        ));
    }
    items
}

/// Every bid set aside, with each finding: the decision, the reason in words, the
/// evidence from the bid, the clause and its text, and the authority's decision.
fn set_aside(evaluation: &Evaluation, texts: &Texts) -> Vec<SetAside> {
    evaluation
        .ranking
        .iter()
        .filter_map(|entry| match &entry.score.outcome {
            Outcome::SetAside { findings, .. } => Some(SetAside {
                bidder: entry.score.bidder.to_string(),
                findings: findings
                    .iter()
                    .map(|f| finding(evaluation, texts, f, entry.score.round))
                    .collect(),
            }),
            Outcome::Scored { .. } => None,
        })
        .collect()
}

/// `round`: the negotiation round of the bid (its deadline is the one a late bid missed).
pub(super) fn finding(
    evaluation: &Evaluation,
    texts: &Texts,
    f: &Finding,
    round: u32,
) -> FindingView {
    // Only a reservation, an alternative bid or a requirement not met makes a bid non-compliant
    // (ukonditionsmæssigt); a late bid or too little quality is simply rejected.
    let reservation = matches!(
        f.rule,
        RuleId::DeclaredReservation
            | RuleId::FoundReservation
            | RuleId::CitizenReservation
            | RuleId::AlternativeBid
            | RuleId::RequirementNotMet
    );
    let decision = texts.get(match (Status::from(f.decision), reservation) {
        (Status::Review, _) => "decision-review",
        (_, true) => "decision-rejected",
        (_, false) => "decision-rejected-other",
    });
    let quote = f.evidence.quote.as_str();
    // The bid's own words where the evaluators quoted them; else the reason says it all.
    let (reason, evidence) = match f.rule {
        RuleId::FoundReservation => (
            texts.with(
                "reason-found-reservation",
                &[(
                    "deviates",
                    f.reason
                        .split_once("deviates from ")
                        .map_or("–", |(_, d)| d)
                        .into(),
                )],
            ),
            Some(()),
        ),
        RuleId::CitizenReservation => (texts.get("reason-citizen-reservation"), Some(())),
        RuleId::AlternativeBid => (
            texts.with(
                "reason-alternative-bid",
                &[("count", after_equals(quote).into())],
            ),
            None,
        ),
        // The round whose deadline was missed is the one of the file the evidence is in
        // (a revised bid can be set aside for its bidder's late bid of an earlier round).
        RuleId::LateBid => {
            let missed = f
                .evidence
                .file
                .strip_prefix("rounds/")
                .and_then(|rest| rest.split('/').next()?.parse().ok())
                .unwrap_or(if f.evidence.file.starts_with("bids/") {
                    1
                } else {
                    round
                });
            (late(evaluation, texts, quote, missed), None)
        }
        RuleId::DeclaredReservation => (texts.get("reason-declared-reservation"), None),
        RuleId::UnclearDeclaration => (texts.get("reason-unclear-declaration"), None),
        RuleId::QualityThreshold => (texts.get("reason-quality-threshold"), None),
        RuleId::PriceBelowMinimum => (texts.get("reason-price-below-minimum"), None),
        RuleId::PriceAboveMaximum => (texts.get("reason-price-above-maximum"), None),
        RuleId::MissingPrice => (texts.get("reason-missing-price"), None),
        RuleId::DuplicateBid => (texts.get("reason-duplicate-bid"), None),
        RuleId::AbnormallyLowPrice => (texts.get("reason-abnormally-low-price"), Some(())),
        RuleId::RequirementNotMet => (
            texts.with(
                "reason-requirement-not-met",
                &[("requirement", f.clause.as_deref().unwrap_or("–").into())],
            ),
            Some(()),
        ),
        RuleId::EvaluatorDisagreement | RuleId::LengthLimit => (
            texts.with("reason-other", &[("reason", texts.prose(&f.reason).into())]),
            None,
        ),
    };
    let resolution = f.resolution.as_ref().map(|d| {
        texts.with(
            if d.accepted {
                "resolution-accepted"
            } else {
                "resolution-rejected"
            },
            &[
                ("date", texts.written_date(&d.date).into()),
                ("by", d.by.as_str().into()),
                ("reason", d.reason.as_str().into()),
            ],
        )
    });
    FindingView {
        decision,
        reason,
        evidence: evidence.map(|()| {
            let words = super::evidence::in_words(evaluation, f, texts);
            texts.with("evidence", &[("evidence", words.into())])
        }),
        clause: f
            .source
            .as_ref()
            .map(|s| texts.with("clause", &[("source", s.as_str().into())])),
        clause_text: f.clause.clone(),
        resolution,
    }
}

/// The value of a `key = value` quote: "2" of "solution_descriptions = 2".
fn after_equals(quote: &str) -> String {
    quote
        .split_once('=')
        .map_or(quote, |(_, v)| v)
        .trim()
        .trim_matches('"')
        .to_string()
}

/// A late bid: when it was received and how many minutes after the deadline.
fn late(evaluation: &Evaluation, texts: &Texts, quote: &str, round: u32) -> String {
    let written = after_equals(quote);
    let Ok(at) = written.parse::<jiff::Timestamp>() else {
        return texts.with("reason-other", &[("reason", written.into())]);
    };
    let (_, deadline_at) = evaluation.tender.deadline_of(round);
    let minutes = (at.as_second() - deadline_at.as_second()).div_euclid(60);
    let when = written
        .get(..19)
        .and_then(|s| s.parse::<jiff::civil::DateTime>().ok())
        .map_or(written.clone(), |local| texts.datetime(local));
    texts.with(
        "reason-late-bid",
        &[
            ("when", when.into()),
            (
                "late",
                texts
                    .with("minutes-late", &[("n", Arg::Count(minutes))])
                    .into(),
            ),
        ],
    )
}

/// The legal notes of the model, every rettelsesblad that changed the evaluation too
/// late, and the rank reversals (the pairs ranked highest, and how many in all).
fn legal(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    let mut items: Vec<String> = notes_of(&evaluation.tender)
        .into_iter()
        .map(|note| legal_note(texts, note))
        .collect();
    let name = criterion_names(evaluation);
    items.extend(
        evaluation
            .flags
            .iter()
            .map(|flag| legal_flag(texts, flag, &name)),
    );
    let bidders = Bidders::new(&evaluation.ranking);
    for (count, listed) in evaluation.reversals.by_removal() {
        items.extend(listed.iter().map(|r| reversal(texts, &bidders, r)));
        if count.unlisted() > 0 {
            items.push(reversal_count(texts, &bidders, count));
        }
    }
    items
}

/// A legal note of the model in words.
pub(super) fn legal_note(texts: &Texts, note: LegalNote) -> String {
    texts.get(match note {
        LegalNote::Proportional => "legal-proportional",
        LegalNote::Relative => "legal-relative",
        LegalNote::Floor { raised: true } => "legal-floor-raise",
        LegalNote::Floor { raised: false } => "legal-floor-anchor",
    })
}

/// A rettelsesblad that changed the evaluation too late, in words; `name` names a
/// criterion by its id.
pub(super) fn legal_flag(
    texts: &Texts,
    flag: &crate::legal::LegalFlag,
    name: &dyn Fn(&str) -> Option<String>,
) -> String {
    let days = texts.with(
        "days",
        &[("n", Arg::Count(flag.days_before_deadline.abs()))],
    );
    let date = texts.written_date(&flag.date);
    texts.with(
        if flag.days_before_deadline < 0 {
            "legal-flag-after"
        } else {
            "legal-flag-before"
        },
        &[
            ("number", flag.rettelsesblad.to_string().into()),
            ("date", date.into()),
            (
                "paths",
                super::changes::in_words(texts, &flag.paths, name).into(),
            ),
            ("days", days.into()),
        ],
    )
}

/// A rank reversal in words: two bids whose order turns when a third is left out.
pub(super) fn reversal(
    texts: &Texts,
    bidders: &Bidders<'_>,
    r: &crate::scoring::reversal::Reversal,
) -> String {
    let place = |order: &str| {
        texts.get(match order {
            "ahead" => "place-ahead",
            "behind" => "place-behind",
            _ => "place-equal",
        })
    };
    texts.with(
        "reversal-item",
        &[
            ("first", bidders.name(&r.first).into()),
            ("second", bidders.name(&r.second).into()),
            ("removed", bidders.name(&r.removed).into()),
            ("with_all", place(r.with_all).into()),
            ("without", place(r.without).into()),
        ],
    )
}

/// How many pairs a removal turns, where more turn than are listed.
pub(super) fn reversal_count(
    texts: &Texts,
    bidders: &Bidders<'_>,
    count: &crate::scoring::reversal::RemovalCount,
) -> String {
    texts.with(
        "reversal-more",
        &[
            ("removed", bidders.name(&count.removed).into()),
            ("pairs", texts.count(count.pairs).into()),
            ("listed", texts.count(count.listed).into()),
        ],
    )
}

/// The authority's decisions on findings set aside for review, as `decisions.toml` records
/// them.
fn decisions(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    let bidders = Bidders::new(&evaluation.ranking);
    evaluation
        .tender
        .decisions
        .iter()
        .map(|d| {
            let date = texts.written_date(&d.date);
            let rule = RuleId::ALL
                .iter()
                .find(|r| r.as_str() == d.rule)
                .map_or(d.rule.clone(), |r| rule_name(texts, *r));
            texts.with(
                if d.accepted {
                    "decision-item-accepted"
                } else {
                    "decision-item-rejected"
                },
                &[
                    ("bidder", bidders.name(&d.bid).into()),
                    ("rule", rule.into()),
                    ("date", date.into()),
                    ("by", d.by.as_str().into()),
                    ("reason", d.reason.as_str().into()),
                ],
            )
        })
        .collect()
}

/// A criterion's name by its id, where the tender scored has it.
pub(super) fn criterion_names(evaluation: &Evaluation) -> impl Fn(&str) -> Option<String> + '_ {
    |id: &str| evaluation.tender.criterion(id).map(|c| c.name.clone())
}

/// A criterion's name, or its id where the tender in force no longer has it.
fn criterion_name(evaluation: &Evaluation, id: &crate::domain::CriterionId) -> String {
    evaluation
        .tender
        .criterion(&id.0)
        .map_or_else(|| id.0.to_string(), |c| c.name.clone())
}

/// A rule in words.
fn rule_name(texts: &Texts, rule: RuleId) -> String {
    texts.get(&format!("rulename-{}", rule.as_str()))
}

/// A length limit's pages and characters per page, as its messages take them ("23,5
/// sider à 2.400 anslag"): `pages`, `n` (for the plural) and `characters`.
fn pages_args(
    texts: &Texts,
    limit: crate::domain::LengthLimit,
) -> Vec<(&'static str, Arg<'static>)> {
    vec![
        ("pages", texts.number(limit.pages).into()),
        // "1 side", "23,5 sider": one page only when exactly one.
        (
            "n",
            Arg::Count(if limit.pages == Decimal::ONE { 1 } else { 2 }),
        ),
        (
            "characters",
            texts
                .number(Decimal::from(limit.characters_per_page))
                .into(),
        ),
    ]
}

/// A warning on a scored bid in words, with its figures and its clause: "Kompas ApS:
/// løsningsbeskrivelsen fylder 50.400 anslag, 2.400 anslag mere end grænsen på 48.000 anslag
/// (20 sider à 2.400 anslag); ... (Bilag C.0 pkt. 4)".
pub(super) fn warning_item(
    evaluation: &Evaluation,
    texts: &Texts,
    bidder: &str,
    w: &crate::scoring::conformity::Warning,
) -> String {
    use crate::scoring::conformity::WarningDetail;
    let mut args: Vec<(&str, Arg)> = vec![("bidder", bidder.into())];
    if let Some(id) = &w.criterion {
        args.push(("criterion", criterion_name(evaluation, id).into()));
    }
    let count = |n: u64| texts.number(Decimal::from(n));
    let id = match &w.detail {
        WarningDetail::Length { characters, limit } => {
            args.extend(pages_args(texts, *limit));
            args.extend([
                ("written", count(*characters).into()),
                ("beyond", count(characters - limit.characters()).into()),
                ("limit", count(limit.characters()).into()),
            ]);
            match w.criterion {
                Some(_) => "warning-length-limit-criterion",
                None => "warning-length-limit",
            }
        }
        WarningDetail::Disagreement {
            lowest,
            highest,
            spread,
            allowed,
            reasoned,
        } => {
            args.extend([
                ("lowest", texts.number(*lowest).into()),
                ("highest", texts.number(*highest).into()),
                ("spread", texts.number(*spread).into()),
                ("allowed", texts.number(*allowed).into()),
                ("reasoned", super::text::yes_no(*reasoned)),
            ]);
            "warning-evaluator-disagreement"
        }
        WarningDetail::Requirement { text, evidence } => {
            args.extend([
                ("requirement", text.as_str().into()),
                (
                    "evidence",
                    super::evidence::evaluators_note(texts, evidence).into(),
                ),
            ]);
            "warning-requirement-corrected"
        }
    };
    with_source(texts.with(id, &args), texts, w.source.as_deref())
}

/// What a reader must know of a scored bid that does not set it aside (a length limit),
/// and the criteria's effective weights where their point ranges differ.
fn warnings(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    let mut items: Vec<String> = evaluation
        .ranking
        .iter()
        .flat_map(|entry| {
            entry
                .score
                .warnings
                .iter()
                .map(|w| warning_item(evaluation, texts, &entry.score.bidder, w))
        })
        .collect();
    let t = &evaluation.tender;
    if !evaluation.effective_weights.is_empty() && !t.model.method.is_money() {
        let each: Vec<String> = evaluation
            .effective_weights
            .iter()
            .map(|w| {
                let name = t
                    .criterion(&w.criterion.0)
                    .map_or(w.criterion.0.to_string(), |c| c.name.clone());
                texts.with(
                    "effective-weight-item",
                    &[
                        ("name", name.into()),
                        // Shown to 2 decimals; the exact shares are in the JSON report.
                        (
                            "effective",
                            texts
                                .number((w.effective * Decimal::ONE_HUNDRED).round_dp(2))
                                .into(),
                        ),
                        (
                            "stated",
                            texts.number(w.stated.value() * Decimal::ONE_HUNDRED).into(),
                        ),
                    ],
                )
            })
            .collect();
        items.push(texts.with("effective-weights", &[("list", each.join("; ").into())]));
    }
    items
}

/// The award the evaluation recommends, or why none can be recommended yet.
fn recommendation(evaluation: &Evaluation, texts: &Texts) -> String {
    let winners: Vec<&str> = evaluation
        .winners()
        .iter()
        .map(|r| r.score.bidder.as_ref())
        .collect();
    let review = evaluation
        .ranking
        .iter()
        .any(|r| r.score.status() == Status::Review);
    let t = &evaluation.tender;
    let why = match (winners.len(), review, &evaluation.award) {
        _ if t.round != t.final_round() => "why-round",
        (_, true, _) => "why-review",
        (_, false, Some(award)) => return award_recommendation(evaluation, award, texts),
        (0, _, _) => "why-none",
        (1, false, None) => {
            return texts.with("recommendation", &[("winner", winners[0].into())]);
        }
        _ => "why-tie",
    };
    texts.with("recommendation-none", &[("why", texts.get(why).into())])
}

/// The award to several suppliers (or of a lot under a lot limit) the evaluation
/// recommends: each supplier awarded with its place and allocation, then the places a tie
/// at the boundary leaves to the authority, the places left unfilled and the bids the lot
/// limit passes over.
/// "plads 2", or "plads 2–3" for bids tied on several places.
pub(super) fn award_places(texts: &Texts, (first, last): (u32, u32)) -> String {
    if first == last {
        texts.with("award-place", &[("n", first.to_string().into())])
    } else {
        texts.with(
            "award-places",
            &[
                ("first", first.to_string().into()),
                ("last", last.to_string().into()),
            ],
        )
    }
}

/// Each awarded supplier with its place and allocation, in rank order: "A (plads 1, 110
/// borgere svarende til 50 %) og B (plads 2, ...)"; empty when none is awarded.
pub(super) fn awarded_list(award: &AwardResult, texts: &Texts) -> String {
    let unit = award.unit.clone().unwrap_or_default();
    let items = award
        .awarded()
        .map(|b| {
            let allocation = match (b.volume, b.share) {
                (Some(volume), Some(share)) => texts.with(
                    "award-allocation-volume",
                    &[
                        ("volume", texts.number(volume).into()),
                        ("unit", unit.as_str().into()),
                        ("share", share_text(texts, share).into()),
                    ],
                ),
                (None, Some(share)) => texts.with(
                    "award-allocation-share",
                    &[("share", share_text(texts, share).into())],
                ),
                _ => String::new(),
            };
            texts.with(
                "award-item",
                &[
                    ("bidder", b.bidder.as_str().into()),
                    ("places", award_places(texts, b.places).into()),
                    ("allocation", allocation.into()),
                ],
            )
        })
        .collect::<Vec<_>>();
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    listed(texts, &items)
}

/// A share in %: exact where it has at most 2 decimals (50, 12,5), else to 2 decimals with
/// "ca." (100 ÷ 3 = 33,333... → "ca. 33,33"): the allocation itself stays exact, only its
/// words are rounded (half up).
fn share_text(texts: &Texts, share: Decimal) -> String {
    let share = share.normalize();
    if share.scale() <= 2 {
        texts.number(share)
    } else {
        texts.with(
            "about",
            &[(
                "n",
                texts
                    .number(share.round_dp_with_strategy(
                        2,
                        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
                    ))
                    .into(),
            )],
        )
    }
}

/// What is awarded: the framework agreement, or the lot by name.
pub(super) fn award_what(evaluation: &Evaluation, texts: &Texts) -> String {
    match evaluation.tender.current_lot() {
        Some(lot) => texts.with("award-what-lot", &[("lot", lot.name.as_str().into())]),
        None => texts.get("award-what"),
    }
}

fn award_recommendation(evaluation: &Evaluation, award: &AwardResult, texts: &Texts) -> String {
    use crate::scoring::award::AwardStatus;
    let places = |p| award_places(texts, p);
    let awarded = awarded_list(award, texts);
    let what = award_what(evaluation, texts);
    let mut sentences = Vec::new();
    if !awarded.is_empty() {
        sentences.push(texts.with(
            "award-recommendation",
            &[("what", what.into()), ("list", awarded.into())],
        ));
    }
    let tied: Vec<&crate::scoring::award::BidAward> = award
        .bids
        .iter()
        .filter(|b| b.status == AwardStatus::TiedAtBoundary)
        .collect();
    // The places the tie leaves undecided, not every place the tied group stands on.
    if let (false, Some(&first), Some(&last)) = (
        tied.is_empty(),
        award.undecided.first(),
        award.undecided.last(),
    ) {
        let bidders: Vec<&str> = tied.iter().map(|b| b.bidder.as_str()).collect();
        sentences.push(texts.with(
            "award-tied",
            &[
                ("bidders", bidders.join(", ").into()),
                ("places", places((first, last)).into()),
            ],
        ));
    }
    if let (Some(&first), Some(&last)) = (award.unfilled.first(), award.unfilled.last()) {
        sentences.push(texts.with(
            "award-unfilled",
            &[("places", places((first, last)).into())],
        ));
    }
    for b in award
        .bids
        .iter()
        .filter(|b| b.status == AwardStatus::LotLimit)
    {
        sentences.push(texts.with("award-lot-limit", &[("bidder", b.bidder.as_str().into())]));
    }
    sentences.join(" ")
}

/// Every input with its role and checksum.
fn inputs(evaluation: &Evaluation, texts: &Texts) -> ([String; 3], Vec<[String; 3]>) {
    let head = [
        texts.get("col-file"),
        texts.get("col-role"),
        texts.get("col-sha"),
    ];
    let rows = evaluation
        .inputs
        .iter()
        .map(|i| {
            [
                i.file.clone(),
                texts.get(&format!("role-{}", i.role)),
                i.sha256.clone(),
            ]
        })
        .collect();
    (head, rows)
}

/// The evaluation model as text for the tender conditions (udbudsbetingelserne,
/// udbudsloven § 160), in Markdown: the same words as the memo's model section, the
/// criteria table, and for every price line scored on its own a worked table of prices →
/// points over its band (for a relative model: against a lowest price at the band's
/// minimum), so bidders can compute their own price points.
pub fn publish(tender: &Tender, language: Option<Language>) -> String {
    use super::markdown::plain_inline as inline;
    let texts = Texts::new(language.unwrap_or(tender.language));
    let mut lines = vec![
        format!(
            "# {}: {}",
            texts.get("publish-title"),
            inline(&tender.title)
        ),
        String::new(),
        texts.get("publish-intro"),
        String::new(),
    ];
    let model = model_text(tender, &texts);
    let (head, rows) = criteria(tender, &texts);
    lines.push(inline(&model[0]));
    lines.push(String::new());
    lines.extend(super::markdown::table_lines(
        &head,
        &rows
            .iter()
            .map(|r| {
                vec![
                    format!("{}{}", "\u{a0}\u{a0}".repeat(r.depth), r.name),
                    r.kind.clone(),
                    r.weight.clone(),
                    r.share.clone(),
                ]
            })
            .collect::<Vec<_>>(),
        |i| i >= 2,
    ));
    for paragraph in &model[1..] {
        lines.push(String::new());
        lines.push(inline(paragraph));
    }
    if !tender.model.method.is_money() && tender.evaluation_line().is_none() {
        for c in &tender.criteria {
            let CriterionKind::Price(line) = &c.kind else {
                continue;
            };
            lines.push(String::new());
            lines.extend(example(tender, &texts, c, line));
        }
    }
    lines.push(String::new());
    lines.join("\n")
}

/// A price line's worked table of prices → points.
fn example(
    tender: &Tender,
    texts: &Texts,
    c: &Criterion,
    line: &crate::domain::PriceLine,
) -> Vec<String> {
    use crate::scoring::tabulate::{Band, tabulate};
    let Some(band) = line.band else {
        return vec![texts.with("publish-no-example", &[("name", c.name.as_str().into())])];
    };
    let relative = tender.model.method.is_relative();
    // For a relative model: the lowest price at the band's minimum, the highest at its
    // maximum, and prices at the band's quarters — every one a price a bid can have after
    // the price rules (inside the band, in whole kroner where øre are rounded).
    let rows: Vec<Vec<String>> = if relative {
        let field = crate::scoring::price_methods::Field {
            lowest: band.min,
            highest: band.max,
        };
        let mut prices: Vec<Decimal> = (0..=4)
            .map(|i| {
                band.min.value()
                    + (band.max.value() - band.min.value()) * Decimal::from(i) / Decimal::from(4)
            })
            .map(|p| match tender.price_rules.whole_kroner.action {
                Some(mode) => crate::values::Rounding { decimals: 0, mode }.apply(p),
                None => p,
            })
            .map(|p| p.clamp(band.min.value(), band.max.value()))
            .collect();
        prices.dedup();
        prices
            .into_iter()
            .map(|price| {
                let calc = tender.model.calculate(line, Money::new(price), field);
                vec![
                    texts.money(price, &tender.currency),
                    format!(
                        "{} %",
                        texts.number(
                            (price * Decimal::ONE_HUNDRED / band.min.value().max(Decimal::ONE))
                                .round_dp(1)
                        )
                    ),
                    texts.decimal(calc.rounding.apply(calc.exact)),
                ]
            })
            .collect()
    } else {
        let table = tabulate(
            &tender.model,
            Band {
                min: band.min,
                max: band.max,
                target: line.target.unwrap_or(Money::new(
                    (band.min.value() + band.max.value()) / Decimal::TWO,
                )),
            },
        );
        table
            .rows
            .iter()
            .map(|row| {
                vec![
                    texts.money(row.price.value(), &tender.currency),
                    texts.decimal(row.points.value()),
                ]
            })
            .collect()
    };
    let title = if relative {
        texts.with(
            "publish-example-relative",
            &[
                ("name", c.name.as_str().into()),
                (
                    "lowest",
                    texts.money(band.min.value(), &tender.currency).into(),
                ),
                (
                    "highest",
                    texts.money(band.max.value(), &tender.currency).into(),
                ),
            ],
        )
    } else {
        texts.with("publish-example", &[("name", c.name.as_str().into())])
    };
    let mut head = vec![texts.get("col-price")];
    if relative {
        head.push(texts.get("col-percent-of-lowest"));
    }
    head.push(texts.get("col-price-points"));
    let mut lines = vec![
        format!("## {}", super::markdown::plain_inline(&title)),
        String::new(),
    ];
    lines.extend(super::markdown::table_lines(&head, &rows, |i| i >= 1));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_is_exact_in_words_up_to_2_decimals_and_rounded_with_about_beyond() {
        let da = Texts::new(Language::Da);
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(share_text(&da, d("50")), "50");
        assert_eq!(share_text(&da, d("12.5")), "12,5");
        // 100 ÷ 3 = 33.333…: "ca. 33,33"; 200 ÷ 3 = 66.666…: half up "ca. 66,67".
        assert_eq!(share_text(&da, Decimal::ONE_HUNDRED / d("3")), "ca. 33,33");
        assert_eq!(share_text(&da, d("200") / d("3")), "ca. 66,67");
        let en = Texts::new(Language::En);
        assert_eq!(
            share_text(&en, Decimal::ONE_HUNDRED / d("3")),
            "about 33.33"
        );
    }
}
