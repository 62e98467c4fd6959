//! The text shared by the table and Markdown reports of `score`: the heading lines, the
//! grid of ranks and points, the notes under it and the order note. `explain` and the JSON
//! report borrow the version line and the order note.
//!
//! Contract: every function returns plain text — lines or cells, without markup, escaping
//! or line ends — and the same evaluation always gives the same text. The table and
//! Markdown renderers add the frame (borders, `|` cells, bullets) and escape what their
//! format needs. Numbers use the decimal comma; points and totals are shown exactly, never
//! rounded here.

use crate::values::Money;
use rust_decimal::Decimal;

use super::i18n::{Arg, Texts};
use super::memo::{self, method_text, mode_text};
use super::number::with_decimal_commas;
use super::{Bidders, Evaluation, leaf_columns, others_named, reference, total_cells};
use crate::domain::{Criterion, CriterionKind, Language, PriceLine, Scale, Tender};
use crate::legal::notes_of;
use crate::scoring::award::AwardStatus;
use crate::scoring::conformity::Finding;
use crate::scoring::price_rules::Adjustment;
use crate::scoring::rank::Ranked;
use crate::scoring::score::{Outcome, PriceEvaluation, Status};
use crate::scoring::tree::EffectiveWeight;
use crate::values::{ModelRounding, Rounding, RoundingMode, Share};

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

/// Text for a terminal `width` columns wide (at least 20): each line longer than that
/// broken at spaces, never inside a word or at its hyphens (a word longer than a line is
/// cut), and continued under its own text — under its indentation, and under the words of
/// a numbered step (`1. `) rather than its number — so the steps of an explanation stay
/// readable where the terminal would break them anywhere. Control characters are made
/// visible ([`terminal_safe`]) before: the width counts every character shown.
pub fn fit_to_width(text: &str, width: u16) -> String {
    let width = usize::from(width.max(20));
    let mut fitted = String::with_capacity(text.len() + text.len() / 8);
    for line in text.split_inclusive('\n') {
        let (line, end) = match line.strip_suffix('\n') {
            Some(line) => (line, "\n"),
            None => (line, ""),
        };
        let words = line.trim_start_matches(' ');
        let indent = &line[..line.len() - words.len()];
        let digits = words.bytes().take_while(u8::is_ascii_digit).count();
        let marker = if digits > 0 && words[digits..].starts_with(". ") {
            digits + 2
        } else {
            0
        };
        let under = format!("{indent}{}", " ".repeat(marker));
        let options = textwrap::Options::new(width)
            .initial_indent(indent)
            .subsequent_indent(&under)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        fitted.push_str(&textwrap::fill(words, options));
        fitted.push_str(end);
    }
    fitted
}

/// The version line of every report: which version, after which rettelsesblade.
pub(super) fn version_text(evaluation: &Evaluation, texts: &Texts) -> String {
    let state = texts.get(if evaluation.latest {
        "report-state-latest"
    } else {
        "report-state-earlier"
    });
    if evaluation.applied.is_empty() {
        return texts.with("report-version-published", &[("state", state.into())]);
    }
    let applied: Vec<String> = evaluation
        .applied
        .iter()
        .map(|r| {
            texts.with(
                "report-version-applied",
                &[
                    ("number", r.number.to_string().into()),
                    ("iso", r.date.to_string().into()),
                    ("date", texts.date(r.date).into()),
                    ("title", r.title.as_str().into()),
                ],
            )
        })
        .collect();
    texts.with(
        "report-version-amended",
        &[
            ("version", evaluation.version.to_string().into()),
            (
                "applied",
                applied.join(&texts.get("report-list-join")).into(),
            ),
            ("state", state.into()),
        ],
    )
}

/// How ties and the bids set aside are ordered; printed in every report (in English: the
/// JSON report's `order`).
pub fn order_note(tender: &Tender) -> String {
    order_note_in(tender, &Texts::new(Language::En))
}

/// [`order_note`] in the language of `texts`.
pub(super) fn order_note_in(tender: &Tender, texts: &Texts) -> String {
    let rule = &tender.tie_break;
    // Under a money model bids are ranked by evaluation price, not by a total.
    let money = yes_no(tender.model.method.is_money());
    if rule.action.is_empty() {
        return texts.with("report-order-none", &[("money", money)]);
    }
    let chain = tie_break_names(tender);
    texts.with(
        "report-order-chain",
        &[
            ("money", money),
            (
                "source",
                reference(rule.source.as_deref(), " (", ")").into(),
            ),
            ("chain", chain.join(&texts.get("report-chain-join")).into()),
        ],
    )
}

/// The criteria of the tender's tie-break, by name, in the order they decide.
pub(super) fn tie_break_names(tender: &Tender) -> Vec<String> {
    tender
        .tie_break
        .action
        .iter()
        .map(|id| {
            tender
                .criterion(&id.0)
                .map_or(id.0.to_string(), |c| c.name.clone())
        })
        .collect()
}

/// A condition as a message's selector: `yes` or `no`.
pub(super) fn yes_no(condition: bool) -> Arg<'static> {
    Arg::from(if condition { "yes" } else { "no" })
}

/// A date and time as the tender writes it ("2023-10-02T12:00:00+02:00"), for a message
/// that picks the written form (`deadline`) or the local time in words (`at`).
pub(super) fn when(texts: &Texts, written: &str) -> [(&'static str, Arg<'static>); 2] {
    let at = written
        .get(..19)
        .and_then(|s| s.parse::<jiff::civil::DateTime>().ok())
        .map_or_else(|| written.to_string(), |at| texts.datetime(at));
    [("deadline", written.to_string().into()), ("at", at.into())]
}

/// The lines above a table: which tender, which model, the possible range of totals, and
/// the scale of every criterion that has its own.
pub(super) fn heading(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    let t = &evaluation.tender;
    let model = &t.model;
    let mut heading = vec![texts.with(
        "report-tender",
        &[
            ("id", t.id.as_str().into()),
            ("title", t.title.as_str().into()),
        ],
    )];
    if let Some(lot) = t.current_lot() {
        heading.push(texts.with(
            "report-lot",
            &[
                ("id", lot.id.as_str().into()),
                ("name", lot.name.as_str().into()),
                ("source", reference(lot.source.as_deref(), " (", ")").into()),
            ],
        ));
    }
    heading.push(version_text(evaluation, texts));
    heading.extend(round_text(t, texts));
    let mut authority = vec![("authority", Arg::from(t.authority.as_str()))];
    authority.extend(when(texts, &t.deadline));
    heading.extend([
        texts.with("report-authority", &authority),
        texts.with(
            "report-model",
            &[
                ("name", model.name.as_str().into()),
                ("title", model.title.as_str().into()),
                ("method", method_text(&model.method, texts).into()),
                ("money", yes_no(model.method.is_money())),
                ("rounding", rounding_text(model.rounding, texts).into()),
                ("bands", price_bands(t, texts).join(", ").into()),
            ],
        ),
        model_origin(evaluation, texts),
        range_line(evaluation, texts),
    ]);
    heading.extend(t.criteria.iter().filter_map(|c| {
        let scale = c.scale.as_ref()?;
        Some(texts.with(
            "report-scale-of",
            &[
                ("name", c.name.as_str().into()),
                ("scale", scale_text(scale, texts).into()),
            ],
        ))
    }));
    heading
}

/// How the model rounds: "rounded half-up to 2 decimals".
fn rounding_text(rounding: ModelRounding, texts: &Texts) -> String {
    rounding_in(
        rounding,
        texts,
        ["report-rounding-to", "report-rounding-none"],
    )
}

/// A rounding in words by the messages `[to, none]` of a sentence: a rule's mode (its
/// name and its words) and decimals, or that nothing is rounded.
pub(super) fn rounding_in(rounding: ModelRounding, texts: &Texts, [to, none]: [&str; 2]) -> String {
    match rounding {
        ModelRounding::Exact => texts.get(none),
        ModelRounding::To(rule) => texts.with(
            to,
            &[
                ("mode_name", rule.mode.name().into()),
                ("mode", mode_text(texts, rule.mode).into()),
                ("decimals", rule.decimals.to_string().into()),
            ],
        ),
    }
}

/// Each price line with its band: "spor1 370–430 DKK per weekday".
fn price_bands(t: &Tender, texts: &Texts) -> Vec<String> {
    leaf_columns(t)
        .iter()
        .filter_map(|c| match &c.kind {
            CriterionKind::Price(line) => Some(texts.with(
                "report-price-band",
                &[
                    ("id", c.id.as_str().into()),
                    ("name", c.name.as_str().into()),
                    ("band", band_text(t, line, texts).into()),
                ],
            )),
            _ => None,
        })
        .collect()
}

/// The quality scale, and what the bids are ranked on: the range of totals, or under a
/// money model the evaluation price and its formula.
fn range_line(evaluation: &Evaluation, texts: &Texts) -> String {
    let t = &evaluation.tender;
    let scale = ("scale", Arg::from(scale_text(&t.scale, texts)));
    if t.model.method.is_money() {
        let formula = t.model.method.formula();
        // The formula's numbers as the language writes them (as the memo does).
        let formula = match texts.language {
            Language::Da => with_decimal_commas(&formula),
            Language::En => formula,
        };
        texts.with("report-range-money", &[scale, ("formula", formula.into())])
    } else {
        texts.with(
            "report-range",
            &[
                scale,
                ("low", texts.number(evaluation.bounds.0.value()).into()),
                ("high", texts.number(evaluation.bounds.1.value()).into()),
            ],
        )
    }
}

/// Where the scoring model came from, with its SHA-256, so the result can be reproduced:
/// a model file, the built-in library, or the tender's own `[model]` table.
pub(super) fn model_origin(evaluation: &Evaluation, texts: &Texts) -> String {
    match evaluation.inputs.iter().find(|i| i.role == "model") {
        Some(model) => texts.with(
            "report-model-file",
            &[
                ("file", model.file.as_str().into()),
                ("sha", model.sha256.as_str().into()),
            ],
        ),
        None => texts.get("report-model-own"),
    }
}

/// A scale as text: "0–10" and its steps' descriptors where the tender gives them.
fn scale_text(scale: &Scale, texts: &Texts) -> String {
    let range = format!(
        "{}–{}",
        texts.decimal(scale.min.value()),
        texts.decimal(scale.max.value())
    );
    if scale.descriptors.is_empty() {
        return range;
    }
    let steps: Vec<String> = scale
        .descriptors
        .iter()
        .map(|d| format!("{} {}", texts.decimal(d.points.value()), d.text))
        .collect();
    format!("{range} ({})", steps.join("; "))
}

/// A price line's band of prices: "370–430 DKK per weekday", or "DKK per weekday, no
/// price band".
pub(super) fn band_text(tender: &Tender, line: &PriceLine, texts: &Texts) -> String {
    let mut args = vec![
        ("code", Arg::from(tender.currency.as_str())),
        ("currency", currency_unit(tender, texts).into()),
        ("unit", line.unit.as_str().into()),
    ];
    match line.band {
        Some(band) => {
            args.push(("min", amount(texts, band.min).into()));
            args.push(("max", amount(texts, band.max).into()));
            texts.with("report-band", &args)
        }
        None => texts.with("report-band-none", &args),
    }
}

/// The status of a bid in words: `ranked`, `rejected` or `review`.
pub(super) fn status_text(entry: &Ranked, texts: &Texts) -> String {
    texts.get(match entry.score.status() {
        Status::Ranked => "report-status-ranked",
        Status::Rejected => "report-status-rejected",
        Status::Review => "report-status-review",
    })
}

/// The heading of the column ranked on.
pub(super) fn total_header_in(tender: &Tender, texts: &Texts) -> String {
    texts.get(if tender.model.method.is_money() {
        "col-evaluation-price"
    } else {
        "col-total"
    })
}

/// The header and rows shared by the table and Markdown reports: rank, bidder, one column
/// per leaf criterion, the total and the status.
pub(super) fn grid(evaluation: &Evaluation, texts: &Texts) -> (Vec<String>, Vec<Vec<String>>) {
    let leaves = leaf_columns(&evaluation.tender);
    let mut header = vec![texts.get("report-col-rank"), texts.get("col-bidder")];
    header.extend(
        leaves
            .iter()
            .map(|c| column_header(&evaluation.tender, c, &c.name, texts)),
    );
    header.push(total_header_in(&evaluation.tender, texts));
    header.push(texts.get("report-col-status"));
    let totals = total_cells(&evaluation.ranking, |d| texts.decimal(d));
    let money_model = evaluation.tender.model.method.is_money();
    let unit = currency_unit(&evaluation.tender, texts);
    let rows = evaluation
        .ranking
        .iter()
        .zip(totals)
        .map(|(entry, total)| {
            let mut row = vec![rank_cell(entry), entry.score.bidder.to_string()];
            row.extend(
                leaves
                    .iter()
                    .map(|c| leaf_cell(entry, c, money_model, unit, texts)),
            );
            row.push(total);
            row.push(status_text(entry, texts));
            row
        })
        .collect();
    (header, rows)
}

/// The header of [`grid`] for a terminal too narrow for the criteria's names: each
/// criterion's column named by a letter and its share ("A (54 %)"), and the legend that
/// names the letters ("Kolonner: A Indsats (54 %); B …").
pub(super) fn lettered_header(evaluation: &Evaluation, texts: &Texts) -> (Vec<String>, String) {
    let tender = &evaluation.tender;
    let leaves = leaf_columns(tender);
    let letter = |i: usize| {
        let mut label = String::new();
        let mut n = i;
        loop {
            label.insert(0, char::from(b'A' + u8::try_from(n % 26).unwrap_or(0)));
            if n < 26 {
                break label;
            }
            n = n / 26 - 1;
        }
    };
    let mut header = vec![texts.get("report-col-rank"), texts.get("col-bidder")];
    let mut legend = Vec::new();
    for (i, c) in leaves.iter().enumerate() {
        let label = letter(i);
        header.push(column_header(tender, c, &label, texts));
        legend.push(texts.with(
            "report-col-legend-item",
            &[
                ("letter", label.into()),
                ("column", column_header(tender, c, &c.name, texts).into()),
            ],
        ));
    }
    header.push(total_header_in(tender, texts));
    header.push(texts.get("report-col-status"));
    let legend = texts.with("report-col-legend", &[("list", legend.join("; ").into())]);
    (header, legend)
}

/// A column header: the criterion's name (or another label) and its share of the total
/// ("Indsats (58,5 %)").
fn column_header(tender: &Tender, criterion: &Criterion, label: &str, texts: &Texts) -> String {
    let name = ("name", Arg::from(label));
    // Under a money model a price line carries no weight: its column shows the price.
    if tender.model.method.is_money() && matches!(criterion.kind, CriterionKind::Price(_)) {
        return texts.with("report-col-evaluated-price", &[name]);
    }
    // Under a money model quality weighs only inside Q: its part of Q, shown to 2 decimals
    // at most (display only; Q is computed from the exact shares).
    if let Some(part) = tender.share_of_quality(criterion) {
        let percent = texts.number((part * Decimal::ONE_HUNDRED).round_dp(2).normalize());
        return texts.with("report-col-share-q", &[name, ("percent", percent.into())]);
    }
    let percent = texts.number(percent(criterion.share));
    texts.with("report-col-share", &[name, ("percent", percent.into())])
}

/// A share as a percentage: 0.585 → 58.5.
fn percent(share: Share) -> Decimal {
    share.value() * Decimal::ONE_HUNDRED
}

/// The rank as shown: `2=` for a shared rank, `–` for a bid set aside.
fn rank_cell(entry: &Ranked) -> String {
    match entry.rank {
        Some(rank) if entry.shares_rank() => format!("{rank}="),
        Some(rank) => rank.to_string(),
        None => "–".into(),
    }
}

/// A bid's points on one leaf, as shown in a column; empty for a bid set aside.
fn leaf_cell(
    entry: &Ranked,
    criterion: &Criterion,
    money_model: bool,
    unit: &str,
    texts: &Texts,
) -> String {
    match &entry.score.outcome {
        // Under a money model a price line gives no points: show its evaluated price.
        Outcome::Scored { prices, .. }
            if money_model && matches!(criterion.kind, CriterionKind::Price(_)) =>
        {
            prices
                .iter()
                .find(|p| p.line == criterion.id)
                .map(|p| amount(texts, p.evaluated))
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
                        amount(texts, p.evaluated),
                        texts.decimal(p.points.value())
                    )
                })
                .unwrap_or_default()
        }
        Outcome::Scored { criteria, .. } => criteria
            .iter()
            .find(|c| c.criterion == criterion.id)
            .map(|c| texts.decimal(c.points.value()))
            .unwrap_or_default(),
        Outcome::SetAside { .. } => String::new(),
    }
}

/// How amounts are written after their number: "kr." for kroner in Danish, else the
/// tender's currency code.
fn currency_unit<'a>(tender: &'a Tender, texts: &Texts) -> &'a str {
    if tender.currency == "DKK" && texts.language == Language::Da {
        "kr."
    } else {
        &tender.currency
    }
}

/// An amount as the language writes it, without its currency ("1.350,5" / "1,350.5").
fn amount(texts: &Texts, value: Money) -> String {
    texts.decimal(value.value())
}

/// The notes under a table: legal flags and notes, rank reversals, then every adjustment,
/// rejection, warning and tie in ranking order. Bids with nothing to note are left out.
pub(super) fn notes(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    let bidders = Bidders::new(&evaluation.ranking);
    let mut notes = standing_note(evaluation, texts);
    notes.extend(award_notes(evaluation, texts));
    notes.extend(legal_notes(evaluation, texts));
    notes.extend(effective_weights_in(
        &evaluation.tender,
        &evaluation.effective_weights,
        texts,
    ));
    notes.extend(reversal_notes(evaluation, &bidders, texts));
    for entry in &evaluation.ranking {
        notes.extend(bid_notes(evaluation, entry, texts));
        notes.extend(tie_notes(evaluation, entry, texts));
    }
    notes
}

/// In a negotiated procedure: the round scored, its deadline, and whether its bids are the
/// ones awarded.
fn round_text(t: &Tender, texts: &Texts) -> Option<String> {
    if t.rounds.is_empty() {
        return None;
    }
    let last = t.final_round();
    let what = match t.declared_round(t.round) {
        Some(r) => {
            let mut args = vec![
                ("name", Arg::from(r.name.as_str())),
                ("source", reference(r.source.as_deref(), " (", ")").into()),
            ];
            args.extend(when(texts, &r.deadline));
            texts.with("report-round-declared", &args)
        }
        None => texts.with("report-round-initial", &when(texts, &t.deadline)),
    };
    let status = texts.get(if t.round == last {
        "report-round-final"
    } else {
        "report-round-not-final"
    });
    Some(texts.with(
        "report-round",
        &[
            ("round", t.round.to_string().into()),
            ("last", last.to_string().into()),
            ("what", what.into()),
            ("status", status.into()),
        ],
    ))
}

/// In a negotiated procedure: the bids that stand from an earlier round, their bidders
/// having handed in no revised bid in the round scored.
fn standing_note(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    memo::standing_bids(evaluation, texts, "report-standing")
        .into_iter()
        .collect()
}

/// The award to several suppliers: the rule, each supplier awarded with its share, and
/// the places a tie at the boundary leaves undecided or no bid fills.
fn award_notes(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    let Some(award) = &evaluation.award else {
        return Vec::new();
    };
    let unit = award
        .unit
        .clone()
        .unwrap_or_else(|| texts.get("report-award-units"));
    let volume = |v: u64| {
        [
            ("volume", Arg::from(v.to_string())),
            ("unit", Arg::from(unit.as_str())),
        ]
    };
    let how = match (award.allocation, award.volume) {
        ("cascade", _) => texts.get("report-award-cascade"),
        ("equal", Some(v)) => texts.with("report-award-equal-volume", &volume(v)),
        ("equal", None) => texts.get("report-award-equal"),
        (_, Some(v)) => texts.with("report-award-declared-volume", &volume(v)),
        (_, None) => texts.get("report-award-declared"),
    };
    let mut notes = vec![texts.with(
        "report-award",
        &[
            (
                "source",
                reference(award.source.as_deref(), " (", ")").into(),
            ),
            ("suppliers", Arg::Count(i64::from(award.suppliers))),
            ("how", how.into()),
        ],
    )];
    for b in award.awarded() {
        let place = if b.places.0 == b.places.1 {
            texts.with(
                "report-award-place",
                &[("place", b.places.0.to_string().into())],
            )
        } else {
            texts.with(
                "report-award-places",
                &[
                    ("first", b.places.0.to_string().into()),
                    ("last", b.places.1.to_string().into()),
                ],
            )
        };
        let percent = |s: Decimal| Arg::from(s.round_dp(2).normalize().to_string());
        let share = match (b.volume, b.share) {
            (Some(v), Some(s)) => texts.with(
                "report-awarded-volume",
                &[
                    ("volume", v.normalize().to_string().into()),
                    ("unit", unit.as_str().into()),
                    ("percent", percent(s)),
                ],
            ),
            (None, Some(s)) => texts.with("report-awarded-share", &[("percent", percent(s))]),
            _ if b.share_undecided => texts.get("report-awarded-undecided"),
            _ => String::new(),
        };
        notes.push(texts.with(
            "report-awarded",
            &[
                ("place", place.into()),
                ("bidder", b.bidder.as_str().into()),
                ("bid", b.bid.0.as_str().into()),
                ("share", share.into()),
            ],
        ));
    }
    let tied: Vec<String> = award
        .bids
        .iter()
        .filter(|b| b.status == AwardStatus::TiedAtBoundary)
        .map(|b| {
            texts.with(
                "report-award-bid",
                &[
                    ("bidder", b.bidder.as_str().into()),
                    ("bid", b.bid.0.as_str().into()),
                ],
            )
        })
        .collect();
    if !tied.is_empty() {
        notes.push(texts.with(
            "report-award-tied",
            &[
                ("count", places_count(&award.undecided)),
                ("places", join_places(&award.undecided).into()),
                ("bids", tied.join(", ").into()),
            ],
        ));
    }
    let passed: Vec<String> = award
        .bids
        .iter()
        .filter(|b| b.status == AwardStatus::LotLimit)
        .map(|b| {
            texts.with(
                "report-award-passed-bid",
                &[
                    ("bidder", b.bidder.as_str().into()),
                    ("bid", b.bid.0.as_str().into()),
                    ("rank", b.rank.to_string().into()),
                ],
            )
        })
        .collect();
    if !passed.is_empty() {
        notes.push(texts.with("report-award-passed", &[("bids", passed.join(", ").into())]));
    }
    if !award.unfilled.is_empty() {
        notes.push(texts.with(
            "report-award-unfilled",
            &[
                ("count", places_count(&award.unfilled)),
                ("places", join_places(&award.unfilled).into()),
            ],
        ));
    }
    notes
}

/// How many places, for a message's plural.
fn places_count(places: &[u32]) -> Arg<'static> {
    Arg::Count(i64::try_from(places.len()).unwrap_or(i64::MAX))
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
/// display. A note, not a problem: a tender may choose such a model. In English (`check`).
pub fn effective_weights_note(tender: &Tender, weights: &[EffectiveWeight]) -> Option<String> {
    effective_weights_in(tender, weights, &Texts::new(Language::En))
}

/// [`effective_weights_note`] in the language of `texts`.
fn effective_weights_in(
    tender: &Tender,
    weights: &[EffectiveWeight],
    texts: &Texts,
) -> Option<String> {
    if weights.is_empty() {
        return None;
    }
    let shown = |value: Decimal| {
        let rounded = Rounding {
            decimals: 2,
            mode: RoundingMode::HalfUp,
        }
        .apply(value * Decimal::ONE_HUNDRED);
        texts.number(rounded)
    };
    let name = |w: &EffectiveWeight| {
        tender
            .criterion(&w.criterion.0)
            .map_or(w.criterion.as_str(), |c| c.name.as_str())
            .to_string()
    };
    let each: Vec<String> = weights
        .iter()
        .map(|w| {
            texts.with(
                "effective-weight-item",
                &[
                    ("name", name(w).into()),
                    ("effective", shown(w.effective).into()),
                    ("stated", texts.number(percent(w.stated)).into()),
                ],
            )
        })
        .collect();
    let ranges: Vec<String> = weights
        .iter()
        .filter_map(|w| {
            let (lo, hi) = w.range?;
            Some(texts.with(
                "report-range-of",
                &[
                    ("name", name(w).into()),
                    ("low", texts.number(lo.value()).into()),
                    ("high", texts.number(hi.value()).into()),
                ],
            ))
        })
        .collect();
    Some(texts.with(
        "report-effective-weights",
        &[
            ("ranges", ranges.join(", ").into()),
            ("list", each.join("; ").into()),
        ],
    ))
}

/// A flag of the legal check as a line of a report; `name` names a criterion by its id.
pub(super) fn legal_flag_line(
    texts: &Texts,
    flag: &crate::legal::LegalFlag,
    name: &dyn Fn(&str) -> Option<String>,
) -> String {
    texts.with(
        "report-legal-flag",
        &[("flag", memo::legal_flag(texts, flag, name).into())],
    )
}

/// The legal check's flags, then its notes.
fn legal_notes(evaluation: &Evaluation, texts: &Texts) -> Vec<String> {
    let name = memo::criterion_names(evaluation);
    let flags = evaluation
        .flags
        .iter()
        .map(|f| legal_flag_line(texts, f, &name));
    let notes = notes_of(&evaluation.tender).into_iter().map(|n| {
        texts.with(
            "report-legal-note",
            &[
                ("note", n.text().into()),
                ("text", memo::legal_note(texts, n).into()),
            ],
        )
    });
    flags.chain(notes).collect()
}

/// Every rank reversal: two bids whose order turns when a third is left out.
fn reversal_notes(evaluation: &Evaluation, bidders: &Bidders<'_>, texts: &Texts) -> Vec<String> {
    let mut notes = Vec::new();
    for (count, listed) in evaluation.reversals.by_removal() {
        notes.extend(listed.iter().map(|r| {
            texts.with(
                "report-reversal",
                &[
                    ("first", bidders.name(&r.first).into()),
                    ("second", bidders.name(&r.second).into()),
                    ("removed", bidders.name(&r.removed).into()),
                    ("with_all_id", r.with_all.into()),
                    ("without_id", r.without.into()),
                    ("item", memo::reversal(texts, bidders, r).into()),
                ],
            )
        }));
        if count.unlisted() > 0 {
            notes.push(texts.with(
                "report-reversal-more",
                &[("item", memo::reversal_count(texts, bidders, count).into())],
            ));
        }
    }
    notes
}

/// One note on a bid: "Kompas ApS: ...".
fn bid_note(bidder: &str, note: String, texts: &Texts) -> String {
    texts.with(
        "report-note",
        &[("bidder", bidder.into()), ("note", note.into())],
    )
}

/// One bid's price adjustments, or the findings that set it aside, then its warnings.
fn bid_notes(evaluation: &Evaluation, entry: &Ranked, texts: &Texts) -> Vec<String> {
    let who = entry.score.bidder.as_ref();
    let mut notes: Vec<String> = match &entry.score.outcome {
        Outcome::Scored { prices, .. } => prices
            .iter()
            .filter(|p| !p.adjustments.is_empty())
            .map(|price| bid_note(who, price_text(&evaluation.tender, price, texts), texts))
            .collect(),
        Outcome::SetAside { findings, .. } => findings
            .iter()
            .map(|f| bid_note(who, finding_note(evaluation, entry, f, texts), texts))
            .collect(),
    };
    notes.extend(
        entry
            .score
            .decided
            .iter()
            .map(|f| bid_note(who, finding_note(evaluation, entry, f, texts), texts)),
    );
    // The memo's sentence names the bidder itself.
    notes.extend(
        entry
            .score
            .warnings
            .iter()
            .map(|w| memo::warning_item(evaluation, texts, who, w)),
    );
    notes
}

/// One finding in words: in English its decision, rule, reason, evidence and clause as
/// the engine states them; in Danish the memo's sentences.
pub(super) fn finding_note(
    evaluation: &Evaluation,
    entry: &Ranked,
    finding: &Finding,
    texts: &Texts,
) -> String {
    let view = memo::finding(evaluation, texts, finding, entry.score.round);
    let parts = [view.evidence, view.clause, view.resolution];
    // Written once into room for them all: the evidence may be a bidder's whole text.
    let mut more = String::with_capacity(parts.iter().flatten().map(|p| p.len() + 2).sum());
    for part in parts.into_iter().flatten() {
        more.push(' ');
        more.push_str(&part);
        // A sentence that ends itself (a quote „… bestilling.“, a reason "… afkrydset.")
        // takes no second full stop.
        if !(part.ends_with('.') || part.ends_with(".“") || part.ends_with(".”")) {
            more.push('.');
        }
    }
    texts.with(
        "report-finding",
        &[
            ("decision", view.decision.into()),
            ("reason_text", view.reason.into()),
            ("more", more.into()),
        ],
    )
}

/// One price line of a bid in words, e.g. "spor1: 448,05 → 449 (whole-kroner, ...), then
/// 449 → 430 (lower-to-maximum, ...) → 0,00 points".
/// Under a money model a price line earns no points: the note ends at the evaluated price.
pub(super) fn price_text(tender: &Tender, price: &PriceEvaluation, texts: &Texts) -> String {
    let unit = currency_unit(tender, texts);
    let steps: Vec<String> = price
        .adjustments
        .iter()
        .map(|a| step_text(tender, a, texts))
        .collect();
    let steps = if steps.is_empty() {
        format!(
            "{} {unit}",
            price
                .submitted
                .map(|m| amount(texts, m))
                .unwrap_or_default()
        )
    } else {
        steps.join(&texts.get("report-step-join"))
    };
    let line = tender
        .criterion(&price.line.0)
        .map_or(price.line.as_str(), |c| c.name.as_str());
    let mut args = vec![
        ("line_id", Arg::from(price.line.as_str())),
        ("line", line.into()),
        ("steps", steps.into()),
    ];
    if tender.model.method.is_money() {
        return texts.with("report-price-money", &args);
    }
    args.push(("points", texts.decimal(price.points.value()).into()));
    texts.with("report-price", &args)
}

/// One adjustment of a price: "448,05 → 449 (whole-kroner, Bilag B pkt. 1.2.1)"; in Danish
/// the memo's "448,05 kr. → 449,00 kr., øre rundet til hele kroner (Bilag B pkt. 1.2.1)".
fn step_text(tender: &Tender, a: &Adjustment, texts: &Texts) -> String {
    let from = a
        .from
        .map_or_else(|| texts.get("pay-no-price"), |m| amount(texts, m));
    texts.with(
        "report-step",
        &[
            ("from", from.into()),
            ("to", amount(texts, a.to).into()),
            ("rule_id", a.rule.as_str().into()),
            ("source", reference(a.source.as_deref(), ", ", "").into()),
            (
                "step",
                memo::adjustment_step(texts, a, &tender.currency).into(),
            ),
        ],
    )
}

/// A bid's ties: the bids it shares its rank with, and those the tie-break put it apart
/// from. Under a money model the tie is on the evaluation price, not a total.
fn tie_notes(evaluation: &Evaluation, entry: &Ranked, texts: &Texts) -> Vec<String> {
    let ranking = &evaluation.ranking;
    let who = entry.score.bidder.as_ref();
    let total = texts.number(
        entry
            .score
            .standing()
            .map(|s| s.value())
            .unwrap_or_default(),
    );
    let rank = entry.rank.unwrap_or_default().to_string();
    let tie = |message: &str, others: [(&'static str, Arg<'static>); 2]| {
        let [others, others_listed] = others;
        let note = texts.with(
            message,
            &[
                ("total", total.as_str().into()),
                others,
                others_listed,
                ("rank", rank.as_str().into()),
                ("money", yes_no(evaluation.tender.model.method.is_money())),
            ],
        );
        bid_note(who, note, texts)
    };
    let mut notes = Vec::new();
    if entry.shares_rank() {
        let others = others_named(texts, entry.tied_with(ranking), entry.tied_count());
        notes.push(tie("report-tie", others));
    }
    if entry.split_count() > 0 {
        let others = others_named(texts, entry.split_from(ranking), entry.split_count());
        notes.push(tie("report-tie-broken", others));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// At 30 columns: a numbered step continues under its words (3 spaces), an indented
    /// line under its indentation; a line that fits, and an empty one, stay as they are.
    #[test]
    fn a_long_line_continues_under_its_own_text() {
        let text = "Title line\n\
                    1. Afvist som ukonditionsmæssigt. Tilbudsgiver har afgivet 2 løsningsbeskrivelser.\n\
                    \x20  Dokumentation: Antal løsningsbeskrivelser i tilbuddet: 2\n\
                    \n\
                    \x20 2. short";
        // "1. Afvist som" (13) + " ukonditionsmæssigt." would be 33; "   ukonditionsmæssigt."
        // (22) + " Tilbudsgiver" 35; "   Tilbudsgiver har afgivet 2" is 29.
        // "   Dokumentation: Antal" (23) + " løsningsbeskrivelser" 44; with " i" 25, then
        // " tilbuddet:" 36.
        let expected = "Title line\n\
                        1. Afvist som\n\
                        \x20  ukonditionsmæssigt.\n\
                        \x20  Tilbudsgiver har afgivet 2\n\
                        \x20  løsningsbeskrivelser.\n\
                        \x20  Dokumentation: Antal\n\
                        \x20  løsningsbeskrivelser i\n\
                        \x20  tilbuddet: 2\n\
                        \n\
                        \x20 2. short";
        assert_eq!(fit_to_width(text, 30), expected);
        // "Prismodellens kontrolsum (SHA-" would fill 30 columns exactly: a word is not
        // broken at its hyphen, so "(SHA-256):" goes whole to the next line.
        assert_eq!(
            fit_to_width("Prismodellens kontrolsum (SHA-256): 9d07", 30),
            "Prismodellens kontrolsum\n(SHA-256): 9d07"
        );
        // A terminal narrower than 20 columns is taken as 20.
        assert_eq!(
            fit_to_width("Status: rangeret som nr. 1", 5),
            "Status: rangeret som\nnr. 1"
        );
    }
}
