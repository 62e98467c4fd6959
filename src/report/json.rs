//! The JSON report: the integration contract documented in README.md ("JSON report").
//!
//! The contract is the set of `Serialize` structs below, in the order their keys are
//! written, so a key cannot be written twice and every field is visible in one place. Every
//! amount and point value is a string holding an exact decimal with a decimal point
//! ("448.05"), never a JSON number, so no consumer reads it through a binary float.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::io::Write;

use super::{Bidders, Evaluation, order_note};
use crate::domain::{
    AnchorPrice, Change, Criterion, CriterionId, CriterionKind, Method, Panel, Requirement,
    Rettelsesblad, Scale, Tender,
};
use crate::input::InputFile;
use crate::legal::LegalFlag;
use crate::scoring::award::AwardResult;
use crate::scoring::conformity::{Finding, Warning};
use crate::scoring::price_methods::{Calculation, Formula, MoneyCalculation};
use crate::scoring::price_rules::{Adjustment, AdjustmentRule};
use crate::scoring::rank::{Ranked, shared_ranks};
use crate::scoring::reversal::{RemovalCount, Reversal};
use crate::scoring::score::{Outcome, PriceEvaluation, Status};
use crate::scoring::tree::CriterionScore;
use crate::values::Points;

/// The version of this contract; raised on any change that is not a pure addition.
pub const FORMAT_VERSION: u32 = 4;

/// An exact decimal written as a JSON string, as the decimal stands (`"8.00"`).
#[derive(Clone, Copy)]
struct Exact(Decimal);

impl Exact {
    /// The decimal without trailing zeros (`"8"`).
    fn normal(value: Decimal) -> Exact {
        Exact(value.normalize())
    }
}

impl Serialize for Exact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    format_version: u32,
    /// The program and version that wrote the document.
    generator: &'static str,
    tender: TenderJson<'a>,
    version: VersionJson<'a>,
    legal_flags: &'a [LegalFlag],
    legal_notes: &'a [String],
    /// Where the criteria's points range differently: the weight each has in fact.
    effective_weights: Vec<EffectiveWeightJson<'a>>,
    /// The reversals listed: for each removed bid at most the first few pairs.
    rank_reversals: Vec<ReversalJson<'a>>,
    /// For each removed bid that turns some pair: how many, listed or not.
    rank_reversal_counts: Vec<ReversalCountJson<'a>>,
    /// Where the tender awards several suppliers: who fills which place; else null.
    award: Option<AwardJson<'a>>,
    inputs: &'a [InputFile],
    order: String,
    /// Each shared rank once, with the bids sharing it: linear however large a tie is.
    ties: Ties<'a>,
    // `bids` follows, written by [`write_bids`].
}

#[derive(Serialize)]
struct TenderJson<'a> {
    id: &'a str,
    title: &'a str,
    authority: &'a str,
    currency: &'a str,
    deadline: &'a str,
    scale: ScaleJson<'a>,
    quality: QualityJson<'a>,
    model: ModelJson<'a>,
    criteria: Vec<CriterionJson<'a>>,
    total_bounds: Option<Bounds>,
    requirements: &'a [Requirement],
    /// The lot evaluated, in a tender with lots: {"id", "name", "source"}; else null.
    lot: Option<&'a crate::domain::Lot>,
    /// The negotiation round scored, in a tender with rounds; else null.
    round: Option<RoundJson<'a>>,
}

#[derive(Serialize)]
struct RoundJson<'a> {
    /// 1 for the initial bids.
    number: u32,
    /// The number of rounds, the last of which is awarded.
    of: u32,
    /// Whether this is the final round, whose bids are awarded.
    r#final: bool,
    name: Option<&'a str>,
    deadline: &'a str,
    source: Option<&'a str>,
    /// Every later round the tender declares (`[[rounds]]`).
    rounds: &'a [crate::domain::Round],
}

#[derive(Serialize)]
struct AwardJson<'a> {
    suppliers: u32,
    allocation: &'a str,
    volume: Option<u64>,
    unit: Option<&'a str>,
    remainder_by_rank: bool,
    source: Option<&'a str>,
    /// Places no ranked bid fills.
    unfilled: &'a [u32],
    /// Places a tie at the boundary leaves undecided.
    undecided: &'a [u32],
    /// Every ranked bid in rank order.
    bids: Vec<BidAwardJson<'a>>,
}

#[derive(Serialize)]
struct BidAwardJson<'a> {
    bid: &'a str,
    rank: u32,
    status: &'static str,
    places: [u32; 2],
    share: Option<Exact>,
    volume: Option<Exact>,
    share_undecided: bool,
}

fn award(a: &AwardResult) -> AwardJson<'_> {
    AwardJson {
        suppliers: a.suppliers,
        allocation: a.allocation,
        volume: a.volume,
        unit: a.unit.as_deref(),
        remainder_by_rank: a.remainder_by_rank,
        source: a.source.as_deref(),
        unfilled: &a.unfilled,
        undecided: &a.undecided,
        bids: a
            .bids
            .iter()
            .map(|b| BidAwardJson {
                bid: &b.bid.0,
                rank: b.rank,
                status: b.status.as_str(),
                places: [b.places.0, b.places.1],
                share: b.share.map(Exact::normal),
                volume: b.volume.map(Exact::normal),
                share_undecided: b.share_undecided,
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct ScaleJson<'a> {
    min: Exact,
    max: Exact,
    descriptors: Vec<DescriptorJson<'a>>,
}

#[derive(Serialize)]
struct DescriptorJson<'a> {
    points: Exact,
    text: &'a str,
}

#[derive(Serialize)]
struct QualityJson<'a> {
    disagreement: Option<Exact>,
    min_per_criterion: Option<Exact>,
    min_total: Option<Exact>,
    source: Option<&'a str>,
}

#[derive(Serialize)]
struct ModelJson<'a> {
    name: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    method: &'static str,
    formula: String,
    parameters: Parameters,
    rounding: RoundingJson,
    anchors: Vec<AnchorJson>,
}

/// The parameters of a model's method, by method.
#[derive(Serialize)]
#[serde(untagged)]
enum Parameters {
    Anchors {},
    RelativeToLowest {
        max_points: Exact,
        /// In percent, as the model file writes it.
        slope: Exact,
        floor: &'static str,
    },
    MaxPoints {
        max_points: Exact,
    },
    MoneyPerPoint {
        amount_per_point: Exact,
        form: &'static str,
    },
    PercentSurcharge {
        /// In percent, as the model file writes it.
        factor: Exact,
    },
}

#[derive(Serialize)]
struct RoundingJson {
    /// `null` when the model does not round (`mode` is then `none`).
    decimals: Option<u32>,
    mode: &'static str,
}

#[derive(Serialize)]
struct AnchorJson {
    /// An amount as a decimal string, or "min", "max", "target±N%".
    price: String,
    points: Exact,
}

#[derive(Serialize)]
struct CriterionJson<'a> {
    id: &'a CriterionId,
    name: &'a str,
    parent: Option<&'a CriterionId>,
    kind: &'static str,
    /// `null` for price under a money model, where no weight is used.
    weight: Option<Exact>,
    /// The fraction of the total; under a money model the fraction of Q (`null` for price).
    share: Option<Exact>,
    source: Option<&'a str>,
    price_line: Option<PriceLineJson<'a>>,
    scale: Option<ScaleJson<'a>>,
}

#[derive(Serialize)]
struct PriceLineJson<'a> {
    unit: &'a str,
    /// `null` for a line without a band.
    min: Option<Exact>,
    max: Option<Exact>,
}

#[derive(Serialize)]
struct Bounds {
    min: Exact,
    max: Exact,
}

#[derive(Serialize)]
struct VersionJson<'a> {
    number: u32,
    latest: bool,
    rettelsesblade: Vec<RettelsesbladJson<'a>>,
}

#[derive(Serialize)]
struct RettelsesbladJson<'a> {
    number: u32,
    date: String,
    title: &'a str,
    reference: &'a str,
    file: &'a str,
    changes: Vec<ChangeJson<'a>>,
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    /// "set", "add" or "remove".
    action: &'static str,
    path: &'a str,
    value: &'a str,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct BidJson<'a> {
    bid: &'a str,
    bidder: &'a str,
    file: &'a str,
    /// The negotiation round of the bid scored: 1 for an initial bid.
    round: u32,
    status: Status,
    rank: Option<u32>,
    total: Option<Exact>,
    evaluation_price: Option<EvaluationPriceJson<'a>>,
    total_exact: Option<Exact>,
    criteria: Vec<CriterionPointsJson<'a>>,
    prices: Vec<PriceJson<'a>>,
    findings: &'a [Finding],
    /// A scored bid's findings that the authority accepted after review.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    decided: &'a [Finding],
    warnings: &'a [Warning],
    panels: BTreeMap<&'a str, PanelJson<'a>>,
}

#[derive(Serialize)]
struct EvaluationPriceJson<'a> {
    method: &'static str,
    price: Exact,
    price_terms: Option<&'a str>,
    quality: Exact,
    quality_max: Exact,
    formula: &'a Formula,
    exact: Exact,
    value: Exact,
    /// Present, and true, where the division did not terminate.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    rounded_at_28_digits: bool,
}

#[derive(Serialize)]
struct CriterionPointsJson<'a> {
    id: &'a CriterionId,
    points: Exact,
    /// `null` under a money model, where points weigh only inside Q.
    weighted: Option<Exact>,
    /// On a criterion's own scale: the points as given, before mapping onto the tender's.
    #[serde(skip_serializing_if = "Option::is_none")]
    given: Option<Exact>,
}

#[derive(Serialize)]
struct PanelJson<'a> {
    /// Evaluator → points, in the order of the bid file.
    evaluators: Evaluators<'a>,
    mean: Exact,
    spread: Exact,
    reason: Option<&'a str>,
}

/// The evaluators' points as a JSON object in the order of the bid file.
struct Evaluators<'a>(&'a [(String, Points)]);

impl Serialize for Evaluators<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, points) in self.0 {
            map.serialize_entry(name, &Exact(points.value()))?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct PriceJson<'a> {
    line: &'a CriterionId,
    submitted: Option<Exact>,
    evaluated: Exact,
    /// `null` under a money model, where a price earns no points.
    points: Option<Exact>,
    adjustments: Vec<AdjustmentJson<'a>>,
    /// `null` under a money model: the calculation is `evaluation_price`.
    calculation: Option<CalculationJson<'a>>,
}

#[derive(Serialize)]
struct AdjustmentJson<'a> {
    rule: AdjustmentRule,
    from: Option<Exact>,
    to: Exact,
    source: Option<&'a str>,
}

#[derive(Serialize)]
struct CalculationJson<'a> {
    method: &'static str,
    formula: &'a Formula,
    exact: Exact,
    rounding: RoundingJson,
    anchors: Option<AroundJson>,
    field: Option<FieldJson>,
    /// Present, and true, where a division did not terminate and `exact` is rounded at 28
    /// significant digits.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    rounded_at_28_digits: bool,
}

#[derive(Serialize)]
struct AroundJson {
    lower: AnchorPointJson,
    upper: AnchorPointJson,
}

#[derive(Serialize)]
struct AnchorPointJson {
    price: Exact,
    points: Exact,
}

#[derive(Serialize)]
struct FieldJson {
    lowest: Exact,
    highest: Exact,
}

pub fn render(evaluation: &Evaluation) -> String {
    String::from_utf8(super::written(|out| write(evaluation, out))).unwrap_or_default()
}

/// Writes the JSON report as it is produced, without building it whole in memory.
pub fn write(evaluation: &Evaluation, out: &mut dyn Write) -> std::io::Result<()> {
    let bidders = Bidders::new(&evaluation.ranking);
    let document = Document {
        format: "tenderscore-evaluation",
        format_version: FORMAT_VERSION,
        generator: super::TOOL,
        tender: tender(evaluation),
        version: VersionJson {
            number: evaluation.version,
            latest: evaluation.latest,
            rettelsesblade: evaluation.applied.iter().map(rettelsesblad).collect(),
        },
        legal_flags: &evaluation.flags,
        legal_notes: &evaluation.legal_notes,
        effective_weights: evaluation
            .effective_weights
            .iter()
            .map(|w| EffectiveWeightJson {
                criterion: &w.criterion,
                stated: Exact::normal(w.stated.value()),
                effective: Exact::normal(w.effective),
            })
            .collect(),
        rank_reversals: evaluation
            .reversals
            .listed
            .iter()
            .map(|r| reversal(r, &bidders))
            .collect(),
        rank_reversal_counts: evaluation
            .reversals
            .counts
            .iter()
            .map(|c| reversal_count(c, &bidders))
            .collect(),
        award: evaluation.award.as_ref().map(award),
        inputs: &evaluation.inputs,
        order: order_note(&evaluation.tender),
        ties: Ties(&evaluation.ranking),
    };
    with_array_last(&document, "bids", out, |out| {
        write_bids(&evaluation.ranking, &evaluation.tender, out)
    })
}

/// A pretty-printed document of `head`'s fields followed by one more, `key`, whose array
/// `write_array` writes from its `[` on (with [`write_items_by`]): the same bytes as
/// serde's pretty printer gives for the whole, without holding it whole.
pub(super) fn with_array_last(
    head: &impl Serialize,
    key: &str,
    out: &mut dyn Write,
    write_array: impl FnOnce(&mut std::io::BufWriter<&mut dyn Write>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    /// A tail without fields.
    #[derive(Serialize)]
    struct Nothing {}
    with_array_between(head, key, &Nothing {}, out, write_array)
}

/// [`with_array_last`] with `tail`'s fields after the array.
pub(super) fn with_array_between(
    head: &impl Serialize,
    key: &str,
    tail: &impl Serialize,
    out: &mut dyn Write,
    write_array: impl FnOnce(&mut std::io::BufWriter<&mut dyn Write>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    // Serialising writes many small pieces: buffer them here, where the writer's type is
    // known, rather than pass each through `dyn Write`.
    let mut buffered = std::io::BufWriter::with_capacity(1 << 16, out);
    // The head as serde writes it; its closing brace comes after the array.
    let head = serde_json::to_vec_pretty(head)?;
    buffered.write_all(head.strip_suffix(b"\n}").unwrap_or(&head))?;
    write!(buffered, ",\n  \"{key}\": [")?;
    write_array(&mut buffered)?;
    // The tail's fields as serde writes them, at the same depth: between its braces.
    let tail = serde_json::to_vec_pretty(tail)?;
    if let Some(fields) = tail
        .strip_prefix(b"{\n")
        .and_then(|t| t.strip_suffix(b"\n}"))
    {
        buffered.write_all(b",\n")?;
        buffered.write_all(fields)?;
    }
    buffered.write_all(b"\n}\n")?;
    buffered.flush()
}

/// How many bids are formatted together before they are written, and how many of those
/// one task formats into one buffer: bounds the memory the formatted text takes (a bid is
/// about 3 kB) whatever the number of bids, and gives both cores work.
const BIDS_PER_CHUNK: usize = 4096;
const BIDS_PER_TASK: usize = 256;

/// The bids in ranking order, byte for byte as `serde_json`'s pretty printer writes an
/// array of them at the depth of `"bids"`.
fn write_bids(ranking: &[Ranked], tender: &Tender, out: &mut impl Write) -> std::io::Result<()> {
    write_bids_by(ranking, tender, out, (BIDS_PER_CHUNK, BIDS_PER_TASK))
}

/// [`write_bids`] with the chunk and task sizes given (the tests cross their boundaries).
fn write_bids_by(
    ranking: &[Ranked],
    tender: &Tender,
    out: &mut impl Write,
    sizes: (usize, usize),
) -> std::io::Result<()> {
    write_items_by(ranking, out, sizes, 3072, |task, text| {
        task_part(Bids(task, tender), text)
    })
}

/// The items of an array that is the value of a key of the document's top level, byte for
/// byte as `serde_json`'s pretty printer writes them there, from the `[` on: formatted
/// `per_task` items to a buffer on every core by `format` (which calls [`task_part`]),
/// `per_chunk` items at a time, the buffers written in order. `bytes_per_item` sizes each
/// buffer at once.
pub(super) fn write_items_by<T: Sync>(
    items: &[T],
    out: &mut impl Write,
    sizes: (usize, usize),
    bytes_per_item: usize,
    format: impl Fn(&[T], &mut Vec<u8>) -> serde_json::Result<()> + Sync,
) -> std::io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"]");
    }
    super::write_in_order(
        items,
        out,
        sizes,
        bytes_per_item,
        |task, text| format(task, text).map_err(std::io::Error::from),
        |out, after_another, text| {
            if after_another {
                out.write_all(b",")?;
            }
            out.write_all(&text[TASK_OPENING.len()..text.len() - TASK_CLOSING.len()])
        },
    )?;
    out.write_all(b"\n  ]")
}

/// How the pretty printer opens and closes a [`TaskPart`] around its items.
const TASK_OPENING: &[u8] = b"{\n  \"items\": [";
const TASK_CLOSING: &[u8] = b"\n  ]\n}";

/// Some of the items of an array, under a key at the report's top level.
#[derive(Serialize)]
struct TaskPart<S> {
    items: S,
}

/// A task's items printed as `{"items": [...]}`: they stand at the depth of the report's
/// own array, and what lies between the brackets is this task's part of it.
pub(super) fn task_part(items: impl Serialize, text: &mut Vec<u8>) -> serde_json::Result<()> {
    serde_json::to_writer_pretty(text, &TaskPart { items })
}

/// Ranked bids serialised one by one, as each is reached.
struct Bids<'a>(&'a [Ranked], &'a Tender);

impl Serialize for Bids<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|entry| bid(entry, self.1)))
    }
}

/// A criterion's stated share of the total beside the share of the spread it produces;
/// both computed, so written without trailing zeros.
#[derive(Serialize)]
struct EffectiveWeightJson<'a> {
    criterion: &'a CriterionId,
    stated: Exact,
    effective: Exact,
}

/// A rank reversal, with the sentence that says it.
#[derive(Serialize)]
struct ReversalJson<'a> {
    removed: &'a str,
    first: &'a str,
    second: &'a str,
    /// `first` against `second` with every bid: "ahead", "equal" or "behind".
    with_all: &'static str,
    /// The same without `removed`.
    without: &'static str,
    /// "With every bid, Alfa ApS (alfa) ranks below Beta ApS (beta); without Gamma ApS
    /// (gamma), it would rank above."
    text: String,
}

#[derive(Serialize)]
struct ReversalCountJson<'a> {
    removed: &'a str,
    /// Every pair whose order changes without `removed`.
    pairs: usize,
    /// How many of them `rank_reversals` lists.
    listed: usize,
    /// "Without Gamma ApS (gamma), 3 pairs of bids change order; all are listed."
    text: String,
}

fn reversal_count<'a>(c: &'a RemovalCount, bidders: &Bidders<'_>) -> ReversalCountJson<'a> {
    let listed = if c.unlisted() == 0 {
        "all are listed".to_string()
    } else {
        format!("the {} ranked highest are listed", c.listed)
    };
    ReversalCountJson {
        removed: &c.removed.0,
        pairs: c.pairs,
        listed: c.listed,
        text: format!(
            "Without {} ({}), {} pair{} of bids change{} order; {listed}.",
            bidders.name(&c.removed),
            c.removed,
            c.pairs,
            if c.pairs == 1 { "" } else { "s" },
            if c.pairs == 1 { "s" } else { "" },
        ),
    }
}

fn reversal<'a>(r: &'a Reversal, bidders: &Bidders<'_>) -> ReversalJson<'a> {
    let name = |id: &'a crate::domain::BidId| format!("{} ({id})", bidders.name(id));
    let place = |order: &str| match order {
        "ahead" => "above",
        "behind" => "below",
        _ => "level with",
    };
    ReversalJson {
        removed: &r.removed.0,
        first: &r.first.0,
        second: &r.second.0,
        with_all: r.with_all,
        without: r.without,
        text: format!(
            "With every bid, {} ranks {} {}; without {}, it would rank {}.",
            name(&r.first),
            place(r.with_all),
            name(&r.second),
            name(&r.removed),
            place(r.without)
        ),
    }
}

/// Each shared rank once, written as it is found.
struct Ties<'a>(&'a [Ranked]);

#[derive(Serialize)]
struct TieJson<'a> {
    rank: Option<u32>,
    bids: Vec<&'a str>,
}

impl Serialize for Ties<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(shared_ranks(self.0).map(|run| TieJson {
            rank: run[0].rank,
            bids: run.iter().map(|r| r.score.bid.0.as_str()).collect(),
        }))
    }
}

/// A JSON document as every report writes it: pretty-printed, ending in a newline.
pub(super) fn pretty(document: &impl Serialize) -> String {
    let mut out = serde_json::to_string_pretty(document).unwrap_or_default();
    out.push('\n');
    out
}

fn tender(evaluation: &Evaluation) -> TenderJson<'_> {
    let t = &evaluation.tender;
    let quality = &t.quality;
    TenderJson {
        id: &t.id,
        title: &t.title,
        authority: &t.authority,
        currency: &t.currency,
        deadline: &t.deadline,
        scale: scale(&t.scale),
        quality: QualityJson {
            disagreement: quality.disagreement.map(|p| Exact(p.value())),
            min_per_criterion: quality.min_per_criterion.map(|p| Exact(p.value())),
            min_total: quality.min_total.map(|p| Exact(p.value())),
            source: quality.source.as_deref(),
        },
        model: model(t),
        criteria: t
            .depth_first()
            .into_iter()
            .map(|i| criterion(t, &t.criteria[i]))
            .collect(),
        // No total under a money model, so no bounds of one.
        total_bounds: (!t.model.method.is_money()).then(|| Bounds {
            min: Exact::normal(evaluation.bounds.0.value()),
            max: Exact::normal(evaluation.bounds.1.value()),
        }),
        requirements: &t.requirements,
        lot: t.current_lot(),
        round: round(t),
    }
}

fn round(t: &Tender) -> Option<RoundJson<'_>> {
    if t.rounds.is_empty() {
        return None;
    }
    let declared = t.declared_round(t.round);
    Some(RoundJson {
        number: t.round,
        of: t.final_round(),
        r#final: t.round == t.final_round(),
        name: declared.map(|r| r.name.as_str()),
        deadline: t.deadline_of(t.round).0,
        source: declared.and_then(|r| r.source.as_deref()),
        rounds: &t.rounds,
    })
}

fn model(t: &Tender) -> ModelJson<'_> {
    let m = &t.model;
    let anchors = match &m.method {
        Method::Anchors(anchors) => anchors
            .iter()
            .map(|a| AnchorJson {
                price: match a.price {
                    AnchorPrice::Fixed(amount) => amount.value().to_string(),
                    other => other.to_string(),
                },
                points: Exact(a.points.value()),
            })
            .collect(),
        _ => Vec::new(),
    };
    ModelJson {
        name: &m.name,
        title: &m.title,
        source: m.source.as_deref(),
        method: m.method.name(),
        formula: m.method.formula(),
        parameters: parameters(&m.method),
        rounding: RoundingJson {
            decimals: m.rounding.decimals(),
            mode: m.rounding.mode_name(),
        },
        anchors,
    }
}

fn parameters(method: &Method) -> Parameters {
    let percent = |fraction: Decimal| Exact::normal(fraction * Decimal::ONE_HUNDRED);
    match method {
        Method::Anchors(_) => Parameters::Anchors {},
        Method::RelativeToLowest {
            max,
            slope,
            floor_at_zero,
        } => Parameters::RelativeToLowest {
            max_points: Exact(max.value()),
            slope: percent(*slope),
            floor: if *floor_at_zero { "zero" } else { "none" },
        },
        Method::Proportional { max } | Method::LowestToHighest { max } => Parameters::MaxPoints {
            max_points: Exact(max.value()),
        },
        Method::MoneyPerPoint { amount, deduction } => Parameters::MoneyPerPoint {
            amount_per_point: Exact(amount.value()),
            form: if *deduction { "deduction" } else { "surcharge" },
        },
        Method::PercentSurcharge { factor } => Parameters::PercentSurcharge {
            factor: percent(*factor),
        },
    }
}

fn criterion<'a>(t: &'a Tender, c: &'a Criterion) -> CriterionJson<'a> {
    let money = t.model.method.is_money();
    let part_of_q = t.share_of_quality(c);
    let (kind, price_line) = match &c.kind {
        CriterionKind::Group => ("group", None),
        CriterionKind::Quality => ("quality", None),
        CriterionKind::Price(line) => (
            "price",
            Some(PriceLineJson {
                unit: &line.unit,
                min: line.band.map(|b| Exact(b.min.value())),
                max: line.band.map(|b| Exact(b.max.value())),
            }),
        ),
    };
    CriterionJson {
        id: &c.id,
        name: &c.name,
        parent: c.parent.map(|p| &t.criteria[p].id),
        kind,
        weight: (!money || part_of_q.is_some()).then(|| Exact::normal(c.weight.value())),
        share: if money {
            part_of_q.map(Exact::normal)
        } else {
            Some(Exact::normal(c.share.value()))
        },
        source: c.source.as_deref(),
        price_line,
        scale: c.scale.as_ref().map(scale),
    }
}

fn scale(s: &Scale) -> ScaleJson<'_> {
    ScaleJson {
        min: Exact(s.min.value()),
        max: Exact(s.max.value()),
        descriptors: s
            .descriptors
            .iter()
            .map(|d| DescriptorJson {
                points: Exact(d.points.value()),
                text: &d.text,
            })
            .collect(),
    }
}

fn rettelsesblad(r: &Rettelsesblad) -> RettelsesbladJson<'_> {
    RettelsesbladJson {
        number: r.number,
        date: r.date.to_string(),
        title: &r.title,
        reference: &r.reference,
        file: &r.file,
        changes: r.changes.iter().map(change).collect(),
    }
}

fn change(c: &Change) -> ChangeJson<'_> {
    ChangeJson {
        action: c.kind.as_str(),
        path: &c.path,
        value: &c.value,
        reason: c.reason.as_deref(),
    }
}

/// Decimals follow one rule throughout: a value a rounding rule produced carries exactly
/// that rule's decimals (price points "8.00", a total rounded by `total_rounding`); a value
/// read from an input file is written as given ("7.5" points, "448.05" kr.); every other
/// value is exact and written without trailing zeros ("5.85", "9.8").
fn bid<'a>(entry: &'a Ranked, tender: &Tender) -> BidJson<'a> {
    let money = tender.model.method.is_money();
    let s = &entry.score;
    let (criteria, prices, findings, evaluation, exact_total): (_, _, &[Finding], _, _) =
        match &s.outcome {
            Outcome::Scored {
                criteria,
                prices,
                evaluation,
                exact_total,
                ..
            } => (
                criteria
                    .iter()
                    // Under a money model price earns no points: its lines are in `prices`
                    // and `evaluation_price`.
                    .filter(|c| {
                        !money
                            || tender
                                .criterion(&c.criterion.0)
                                .is_some_and(|k| tender.share_of_quality(k).is_some())
                    })
                    .map(|c| criterion_points(c, tender))
                    .collect(),
                prices.iter().map(|p| price(p, money)).collect(),
                &[],
                evaluation.as_deref().map(evaluation_price),
                (!money).then(|| Exact::normal(exact_total.value())),
            ),
            Outcome::SetAside { findings, .. } => (Vec::new(), Vec::new(), findings, None, None),
        };
    BidJson {
        bid: &s.bid.0,
        bidder: &s.bidder,
        file: &s.file,
        round: s.round,
        status: s.status(),
        rank: entry.rank,
        // Under a money model the ranked figure is the evaluation price: no total.
        total: s
            .total()
            .filter(|_| !money)
            .map(|t| match tender.total_rounding {
                Some(_) => Exact(t.value()),
                None => Exact::normal(t.value()),
            }),
        evaluation_price: evaluation,
        total_exact: exact_total,
        criteria,
        prices,
        findings,
        decided: &s.decided,
        warnings: &s.warnings,
        panels: s
            .panels
            .iter()
            .map(|(id, p)| (id.as_str(), panel(p)))
            .collect(),
    }
}

fn criterion_points<'a>(c: &'a CriterionScore, tender: &Tender) -> CriterionPointsJson<'a> {
    let kind = tender.criterion(&c.criterion.0).map(|k| &k.kind);
    // A price line's points as the model rounded them; a quality criterion's as the
    // evaluators gave them (unless mapped from its own scale); a group's are computed.
    let as_stands = match kind {
        Some(CriterionKind::Price(_)) => true,
        Some(CriterionKind::Quality) => c.given.is_none(),
        _ => false,
    };
    CriterionPointsJson {
        id: &c.criterion,
        points: if as_stands {
            Exact(c.points.value())
        } else {
            Exact::normal(c.points.value())
        },
        weighted: (!tender.model.method.is_money()).then(|| Exact::normal(c.weighted.value())),
        given: c.given.map(|g| Exact(g.value())),
    }
}

fn evaluation_price(e: &MoneyCalculation) -> EvaluationPriceJson<'_> {
    EvaluationPriceJson {
        method: e.method,
        price: Exact::normal(e.price.value()),
        price_terms: e.price_terms.as_deref(),
        quality: Exact::normal(e.quality.value()),
        quality_max: Exact(e.quality_max.value()),
        formula: &e.formula,
        exact: Exact::normal(e.exact.value()),
        value: Exact(e.value.value()),
        rounded_at_28_digits: e.rounded_at_28_digits,
    }
}

fn panel(p: &Panel) -> PanelJson<'_> {
    PanelJson {
        evaluators: Evaluators(&p.evaluators),
        mean: Exact::normal(p.mean().value()),
        spread: Exact::normal(p.spread().value()),
        reason: p.reason.as_deref(),
    }
}

fn price(p: &PriceEvaluation, money: bool) -> PriceJson<'_> {
    PriceJson {
        line: &p.line,
        submitted: p.submitted.map(|m| Exact(m.value())),
        evaluated: Exact(p.evaluated.value()),
        points: (!money).then(|| Exact(p.points.value())),
        adjustments: p.adjustments.iter().map(adjustment).collect(),
        calculation: (!money).then(|| calculation(&p.calculation)),
    }
}

fn adjustment(a: &Adjustment) -> AdjustmentJson<'_> {
    AdjustmentJson {
        rule: a.rule,
        from: a.from.map(|m| Exact(m.value())),
        to: Exact(a.to.value()),
        source: a.source.as_deref(),
    }
}

fn calculation(c: &Calculation) -> CalculationJson<'_> {
    let point = |(price, points): (crate::values::Money, Points)| AnchorPointJson {
        price: Exact(price.value()),
        points: Exact(points.value()),
    };
    CalculationJson {
        method: c.method,
        formula: &c.formula,
        exact: Exact::normal(c.exact),
        rounding: RoundingJson {
            decimals: c.rounding.decimals(),
            mode: c.rounding.mode_name(),
        },
        anchors: c.anchors.map(|(lower, upper)| AroundJson {
            lower: point(lower),
            upper: point(upper),
        }),
        field: c.field.map(|f| FieldJson {
            lowest: Exact(f.lowest.value()),
            highest: Exact(f.highest.value()),
        }),
        rounded_at_28_digits: c.rounded_at_28_digits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::{bid as bid_of, reference_tender};
    use crate::scoring::rank::rank;
    use crate::scoring::score::score_bid;

    /// Seven bids in chunks of 3 formatted 2 to a task (chunk and task boundaries, a last
    /// task of one bid) give the bytes serde's own pretty printer gives for the array at
    /// the depth of `"bids"`.
    #[test]
    fn bids_formatted_in_parallel_pieces_are_the_bytes_of_one_document() {
        let tender = reference_tender();
        let bids: Vec<_> = (0..7)
            .map(|n| {
                bid_of(
                    &format!("b{n}"),
                    Some("400"),
                    Some("1150"),
                    "7",
                    &n.to_string(),
                )
            })
            .collect();
        let ranking = rank(bids.iter().map(|b| score_bid(&tender, b)).collect(), &[]);
        #[derive(Serialize)]
        struct Whole<'a> {
            bids: Vec<BidJson<'a>>,
        }
        let whole = Whole {
            bids: ranking.iter().map(|entry| bid(entry, &tender)).collect(),
        };
        let expected = serde_json::to_string_pretty(&whole).unwrap();
        for sizes in [(3, 2), (7, 7), (1, 1), (4096, 256)] {
            let mut pieces = b"{\n  \"bids\": [".to_vec();
            write_bids_by(&ranking, &tender, &mut pieces, sizes).unwrap();
            pieces.extend_from_slice(b"\n}");
            assert_eq!(String::from_utf8(pieces).unwrap(), expected, "{sizes:?}");
        }
    }
}
