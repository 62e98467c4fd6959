//! The reports of `whatif`: the answers for each ranked bid, the weight ranges and what
//! each criterion decided, or a scenario's ranking beside the real one; as terminal text,
//! Markdown or JSON, in the tender's language. Renderers only: values in, bytes out (the
//! answers of a whole tender are asked of the [`Analysis`] and written a chunk at a time to
//! the writer given, never held whole).

use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;

use super::blocks::{Block, Grid, render_blocks};
use super::i18n::{Arg, Texts};
use crate::domain::{Language, Tender};
use crate::evaluate::Evaluation;
use crate::scoring::score::Status;
use crate::values::Money;
use crate::whatif::scenario::{Edit, Scenario};
use crate::whatif::simulate::Simulation;
use crate::whatif::{
    Analysis, BidAnswers, Compared, Opponent, PointsAnswer, PriceAnswer, Range, Spread, Versus,
    WeightRange, WhatIf,
};

/// The JSON format of `whatif`; raised on any change that is not a pure addition.
pub const WHATIF_FORMAT_VERSION: u32 = 1;

/// How a `whatif` report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Text { width: Option<u16> },
    Markdown,
    Json,
}

/// Decimals shown of a value that is not exact in a few decimals; marked "≈".
const SHOWN_DECIMALS: u32 = 4;

struct Words<'a> {
    texts: Texts,
    tender: &'a Tender,
    money: bool,
}

impl Words<'_> {
    /// An exact value, or "≈" and 4 decimals where it has more than 6.
    fn number(&self, value: Decimal) -> String {
        let value = value.normalize();
        if value.scale() > 6 {
            format!("≈ {}", self.texts.number(value.round_dp(SHOWN_DECIMALS)))
        } else {
            self.texts.number(value)
        }
    }

    fn price(&self, value: Money) -> String {
        self.texts.money(value.value(), &self.tender.currency)
    }

    /// A margin: points of the total, or money under a money model; signed.
    fn margin(&self, value: Decimal) -> String {
        let sign = if value.is_sign_positive() && !value.is_zero() {
            "+"
        } else {
            ""
        };
        if self.money {
            format!("{sign}{}", self.texts.money(value, &self.tender.currency))
        } else {
            self.texts.with(
                "whatif-points",
                &[("points", format!("{sign}{}", self.number(value)).into())],
            )
        }
    }

    fn maybe_margin(&self, value: Option<Decimal>) -> String {
        value.map_or_else(|| self.texts.get("whatif-set-aside"), |m| self.margin(m))
    }

    fn name(&self, id: &str) -> String {
        self.tender
            .criterion(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    }

    /// A weight in percent, exact where it has at most 2 decimals, else "≈" and 2 decimals
    /// rounded towards `inward` (the inside of a range), so the weight shown lies inside.
    fn share(&self, value: Decimal, exact: bool, inward: Inward) -> String {
        let strategy = match inward {
            Inward::Up => rust_decimal::RoundingStrategy::ToPositiveInfinity,
            Inward::Down => rust_decimal::RoundingStrategy::ToNegativeInfinity,
            Inward::Nearest => rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        };
        let two = value.round_dp_with_strategy(2, strategy);
        if exact && two == value {
            format!("{} %", self.texts.number(value))
        } else {
            format!("≈ {} %", self.texts.number(two))
        }
    }
}

/// Which way a shown weight is rounded.
#[derive(Clone, Copy)]
enum Inward {
    Up,
    Down,
    Nearest,
}

/// How many bids' answers are found and written together, and how many of those one task
/// finds and formats: the report holds one chunk's text (a bid's is about 3 kB) whatever
/// the number of bids, and both cores search.
const BIDS_PER_CHUNK: usize = 1024;
const BIDS_PER_TASK: usize = 32;

/// The `whatif` report of one version, each bid's answers found as the report reaches it
/// (on every core, a chunk at a time) and written in rank order.
pub fn write(
    evaluation: &Evaluation,
    analysis: &Analysis<'_>,
    language: Option<Language>,
    style: Style,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let sizes = (BIDS_PER_CHUNK, BIDS_PER_TASK);
    write_by(evaluation, analysis, language, style, out, sizes)
}

/// [`write`] with the chunk and task sizes given (the tests cross their boundaries).
fn write_by(
    evaluation: &Evaluation,
    analysis: &Analysis<'_>,
    language: Option<Language>,
    style: Style,
    out: &mut dyn Write,
    sizes: (usize, usize),
) -> std::io::Result<()> {
    let whatif = &analysis.summary;
    let asked: Vec<usize> = (0..analysis.asked()).collect();
    if style == Style::Json {
        // Every field, named: a field added to `WhatIf` does not compile until it has its
        // place in the document, before the bids or after them.
        let WhatIf {
            money,
            abnormally_low_left_out,
            price_step,
            weights,
            spread,
        } = whatif;
        let document = Document {
            format_version: WHATIF_FORMAT_VERSION,
            tender: &evaluation.tender.id,
            version: evaluation.version,
            latest: evaluation.latest,
            body: &JsonHead {
                money: *money,
                abnormally_low_left_out: *abnormally_low_left_out,
                price_step: *price_step,
            },
        };
        let tail = JsonTail { weights, spread };
        return super::json::with_array_between(&document, "bids", &tail, out, |out| {
            super::json::write_items_by(&asked, out, sizes, 4096, |task, text| {
                let answers: Vec<BidAnswers> = task.iter().map(|k| analysis.answers(*k)).collect();
                super::json::task_part(answers, text)
            })
        });
    }
    let language = language.unwrap_or(evaluation.tender.language);
    let words_in = |texts| Words {
        texts,
        tender: &evaluation.tender,
        money: whatif.money,
    };
    let words = words_in(Texts::new(language));
    let texts = &words.texts;
    let blocks = head_blocks(&words, evaluation, whatif, asked.is_empty());
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(&finish(&blocks, style, texts))?;
    // Each bid's part begins with a heading, so the parts rendered apart join to the text
    // the whole would render to.
    super::write_in_order(
        &asked,
        &mut out,
        sizes,
        4096,
        |task, text| {
            // A task's own texts: a message bundle is not shared between threads.
            let words = words_in(Texts::new(language));
            for k in task {
                let bid = analysis.answers(*k);
                let blocks: Vec<Block> = bid
                    .versus
                    .iter()
                    .flat_map(|versus| versus_blocks(&words, &bid.bidder, bid.rank, versus))
                    .collect();
                if !blocks.is_empty() {
                    text.extend(finish(&blocks, style, &words.texts));
                }
            }
            Ok(())
        },
        |out, _, text| out.write_all(text),
    )?;
    let blocks = tail_blocks(&words, whatif);
    if !blocks.is_empty() {
        out.write_all(&finish(&blocks, style, texts))?;
    }
    out.flush()
}

/// What the report says before the bids: the tender, the version, the units, what is
/// held, the grid, and whether any bid is asked about.
fn head_blocks(
    words: &Words<'_>,
    evaluation: &Evaluation,
    whatif: &WhatIf,
    none_asked: bool,
) -> Vec<Block> {
    let texts = &words.texts;
    let mut blocks = vec![
        Block::Title(texts.with(
            "whatif-title",
            &[("tender", evaluation.tender.title.as_str().into())],
        )),
        Block::Line(version_line(texts, evaluation)),
        Block::Line(texts.get(if whatif.money {
            "whatif-units-money"
        } else {
            "whatif-units-points"
        })),
        Block::Line(texts.get(if evaluation.tender.model.method.is_relative() {
            "whatif-held-relative"
        } else {
            "whatif-held"
        })),
        Block::Line(texts.get(if whatif.price_step.value() == Decimal::ONE {
            "whatif-grid-whole"
        } else {
            "whatif-grid-ore"
        })),
    ];
    if whatif.abnormally_low_left_out {
        blocks.push(Block::Line(texts.get("whatif-abnormally-low")));
    }
    if none_asked {
        blocks.push(Block::Line(texts.get("whatif-no-ranked")));
    }
    blocks
}

/// What the report says after the bids: the weight ranges and what each criterion
/// decided.
fn tail_blocks(words: &Words<'_>, whatif: &WhatIf) -> Vec<Block> {
    let mut blocks = weight_blocks(words, whatif);
    blocks.extend(spread_blocks(words, whatif));
    blocks
}

fn finish(blocks: &[Block], style: Style, texts: &Texts) -> Vec<u8> {
    match style {
        Style::Text { width } => render_blocks(blocks, false, width, texts),
        Style::Markdown | Style::Json => render_blocks(blocks, true, None, texts),
    }
    .into_bytes()
}

fn version_line(texts: &Texts, evaluation: &Evaluation) -> String {
    texts.with(
        if evaluation.latest {
            "whatif-version-latest"
        } else {
            "whatif-version-earlier"
        },
        &[("version", Arg::Count(i64::from(evaluation.version)))],
    )
}

fn versus_blocks(words: &Words<'_>, bidder: &str, rank: u32, versus: &Versus) -> Vec<Block> {
    let texts = &words.texts;
    let role = match versus.opponent {
        Opponent::Above => "whatif-role-above",
        Opponent::Winner => "whatif-role-winner",
        Opponent::RunnerUp => "whatif-role-runner-up",
        Opponent::SharedFirst => "whatif-role-shared",
    };
    let mut blocks = vec![Block::Heading(texts.with(
        "whatif-versus",
        &[
            ("bidder", bidder.into()),
            ("rank", Arg::Count(i64::from(rank))),
            ("other", versus.bidder.as_str().into()),
            ("role", texts.get(role).into()),
        ],
    ))];
    blocks.push(Block::Line(texts.with(
        "whatif-margin-now",
        &[("margin", words.margin(versus.margin).into())],
    )));
    let mut rows = Vec::new();
    for price in &versus.prices {
        rows.push(vec![
            words.name(&price.line.0),
            words.price(price.current),
            price_answer(words, &price.answer),
        ]);
    }
    for points in &versus.points {
        rows.push(vec![
            words.name(&points.criterion.0),
            words.number(points.current.value()),
            points_answer(words, &points.answer),
        ]);
    }
    blocks.push(Block::Table(Grid {
        header: vec![
            texts.get("whatif-col-criterion"),
            texts.get("whatif-col-now"),
            texts.get(
                if versus.margin.is_sign_negative() && !versus.margin.is_zero() {
                    "whatif-col-level-behind"
                } else {
                    "whatif-col-level-ahead"
                },
            ),
        ],
        rows,
        right: vec![1],
    }));
    if let Some(all) = versus.all_lowest {
        blocks.push(Block::Line(
            texts.with("whatif-all-lowest", &[("margin", words.margin(all).into())]),
        ));
    }
    blocks
}

fn price_answer(words: &Words<'_>, answer: &PriceAnswer) -> String {
    let texts = &words.texts;
    match answer {
        PriceAnswer::AnyPrice { highest, margin } => texts.with(
            "whatif-price-any",
            &[
                ("highest", words.price(*highest).into()),
                ("margin", words.margin(*margin).into()),
            ],
        ),
        PriceAnswer::AtMost {
            price,
            margin,
            next,
            next_margin,
            tie,
        } => {
            let mut text = if margin.is_zero() {
                texts.with("whatif-price-tie", &[("price", words.price(*price).into())])
            } else {
                texts.with(
                    "whatif-price-at-most",
                    &[
                        ("price", words.price(*price).into()),
                        ("margin", words.margin(*margin).into()),
                    ],
                )
            };
            text.push_str(&texts.with(
                "whatif-price-next",
                &[
                    ("next", words.price(*next).into()),
                    ("margin", words.maybe_margin(*next_margin).into()),
                ],
            ));
            if let Some(tie) = tie.filter(|t| t != price) {
                text.push_str(&texts.with(
                    if words.tender.price_rules.whole_kroner.action.is_some() {
                        "whatif-price-tie-between-kroner"
                    } else {
                        "whatif-price-tie-between"
                    },
                    &[("tie", words.price(tie).into())],
                ));
            }
            text
        }
        PriceAnswer::Never { lowest, margin } => texts.with(
            "whatif-price-never",
            &[
                ("lowest", words.price(*lowest).into()),
                ("margin", words.maybe_margin(*margin).into()),
            ],
        ),
    }
}

fn points_answer(words: &Words<'_>, answer: &PointsAnswer) -> String {
    let texts = &words.texts;
    match answer {
        PointsAnswer::Already => texts.get("whatif-points-already"),
        PointsAnswer::AtLeast {
            points,
            margin,
            tie,
        } => match tie {
            Some(tie) if tie != points => texts.with(
                "whatif-points-tie-below",
                &[
                    ("tie", words.number(tie.value()).into()),
                    ("points", words.number(points.value()).into()),
                    ("margin", words.margin(*margin).into()),
                ],
            ),
            Some(_) => texts.with(
                "whatif-points-tie",
                &[("points", words.number(points.value()).into())],
            ),
            None => texts.with(
                "whatif-points-at-least",
                &[
                    ("points", words.number(points.value()).into()),
                    ("margin", words.margin(*margin).into()),
                ],
            ),
        },
        PointsAnswer::Never { highest, margin } => texts.with(
            "whatif-points-never",
            &[
                ("highest", words.number(highest.value()).into()),
                ("margin", words.maybe_margin(*margin).into()),
            ],
        ),
    }
}

/// A weight range: "≈ 65,36 % – 100 %", rounded inwards; "at no other weight" where it
/// holds only at the weight stated.
fn range_text(words: &Words<'_>, range: &Range) -> String {
    if range.low.weight == range.high.weight {
        return words.texts.get("whatif-range-none");
    }
    format!(
        "{} – {}",
        words.share(range.low.weight, range.low.exact, Inward::Up),
        words.share(range.high.weight, range.high.exact, Inward::Down)
    )
}

fn weight_blocks(words: &Words<'_>, whatif: &WhatIf) -> Vec<Block> {
    let texts = &words.texts;
    if whatif.weights.is_empty() {
        return Vec::new();
    }
    let mut notes = Vec::new();
    let rows = whatif
        .weights
        .iter()
        .map(|w| {
            let stated = w.weight.value();
            // The nearest bound at which another bid stands level with the winner.
            let nearest = [&w.winner.low, &w.winner.high]
                .into_iter()
                .filter(|b| b.bidder.is_some())
                .min_by_key(|b| (b.weight - stated).abs());
            if let Some(bound) = nearest {
                notes.push(
                    texts.with(
                        "whatif-nearest",
                        &[
                            ("criterion", words.name(&w.criterion.0).into()),
                            (
                                "weight",
                                words
                                    .share(bound.weight, bound.exact, Inward::Nearest)
                                    .into(),
                            ),
                            ("bidder", bound.bidder.clone().unwrap_or_default().into()),
                            (
                                "delta",
                                words
                                    .share(
                                        (bound.weight - stated).abs(),
                                        bound.exact,
                                        Inward::Nearest,
                                    )
                                    .trim_end_matches(" %")
                                    .to_string()
                                    .into(),
                            ),
                            ("stated", format!("{} %", words.number(stated)).into()),
                        ],
                    ),
                );
            }
            vec![
                words.name(&w.criterion.0),
                format!("{} %", words.number(stated)),
                range_text(words, &w.winner),
                range_text(words, &w.ranking),
            ]
        })
        .collect();
    if notes.is_empty() {
        notes.push(texts.get("whatif-nearest-none"));
    }
    vec![
        Block::Heading(texts.get("whatif-weights")),
        Block::Line(texts.get("whatif-weights-intro")),
        Block::Table(Grid {
            header: vec![
                texts.get("whatif-col-criterion"),
                texts.get("whatif-col-weight"),
                texts.get("whatif-col-winner"),
                texts.get("whatif-col-ranking"),
            ],
            rows,
            right: vec![1],
        }),
        Block::Notes(notes),
    ]
}

fn spread_blocks(words: &Words<'_>, whatif: &WhatIf) -> Vec<Block> {
    let texts = &words.texts;
    let mut blocks = vec![Block::Heading(texts.get("whatif-spread"))];
    if whatif.money {
        blocks.push(Block::Line(texts.get("whatif-spread-money")));
        return blocks;
    }
    if whatif.spread.is_empty() {
        return Vec::new();
    }
    blocks.push(Block::Line(texts.get("whatif-spread-intro")));
    let hundred = Decimal::ONE_HUNDRED;
    let shown = |value: Decimal| format!("{} %", words.number((value * hundred).round_dp(2)));
    let mut notes = Vec::new();
    let rows = whatif
        .spread
        .iter()
        .map(|s| {
            let stated = s.stated.value();
            if let Some(effective) = s.effective
                && effective * Decimal::TEN < stated
            {
                notes.push(texts.with(
                    "whatif-spread-low",
                    &[
                        ("criterion", words.name(&s.criterion.0).into()),
                        ("effective", shown(effective).into()),
                        ("stated", shown(stated).into()),
                    ],
                ));
            }
            vec![
                words.name(&s.criterion.0),
                shown(stated),
                words.number(s.spread.value()),
                s.effective.map_or_else(|| "–".into(), shown),
            ]
        })
        .collect();
    blocks.push(Block::Table(Grid {
        header: vec![
            texts.get("whatif-col-criterion"),
            texts.get("whatif-col-stated"),
            texts.get("whatif-col-spread"),
            texts.get("whatif-col-effective"),
        ],
        rows,
        right: vec![1, 2, 3],
    }));
    blocks.push(Block::Line(texts.get("whatif-spread-rounded")));
    blocks.push(Block::Notes(notes));
    blocks
}

/// A scenario's ranking beside the real one.
pub fn render_scenario(
    evaluation: &Evaluation,
    scenario: &Scenario,
    compared: &[Compared],
    language: Option<Language>,
    style: Style,
) -> Vec<u8> {
    if style == Style::Json {
        return json(
            evaluation,
            &Json::Scenario {
                edits: scenario.edits.iter().map(edit_json).collect(),
                bids: compared,
            },
        );
    }
    let words = Words {
        texts: Texts::new(language.unwrap_or(evaluation.tender.language)),
        tender: &evaluation.tender,
        money: evaluation.tender.model.method.is_money(),
    };
    let texts = &words.texts;
    let mut blocks = vec![
        Block::Title(texts.with(
            "scenario-title",
            &[("tender", evaluation.tender.title.as_str().into())],
        )),
        Block::Line(version_line(texts, evaluation)),
        Block::Heading(texts.get("scenario-edits")),
        Block::Notes(
            scenario
                .edits
                .iter()
                .map(|e| edit_text(&words, e))
                .collect(),
        ),
    ];
    let winner = |f: fn(&Compared) -> Option<u32>| -> Vec<&str> {
        compared
            .iter()
            .filter(|c| f(c) == Some(1))
            .map(|c| c.bidder.as_str())
            .collect()
    };
    let before = winner(|c| c.before.rank).join(", ");
    let after = winner(|c| c.after.rank).join(", ");
    blocks.push(Block::Line(if before == after {
        texts.with("scenario-winner-same", &[("bidder", before.into())])
    } else {
        texts.with(
            "scenario-winner-changed",
            &[("before", before.into()), ("after", after.into())],
        )
    }));
    let standing = |value: Option<Decimal>| match value {
        None => "–".to_string(),
        Some(v) if words.money => words.price(Money::new(v)),
        Some(v) => words.number(v),
    };
    let place = |rank: Option<u32>, status: Status| match rank {
        Some(rank) => rank.to_string(),
        None => texts.get(match status {
            Status::Rejected => "scenario-rejected",
            _ => "scenario-review",
        }),
    };
    let rows = compared
        .iter()
        .map(|c| {
            vec![
                c.bidder.clone(),
                place(c.before.rank, c.before.status),
                standing(c.before.standing),
                place(c.after.rank, c.after.status),
                standing(c.after.standing),
            ]
        })
        .collect();
    blocks.push(Block::Table(Grid {
        header: vec![
            texts.get("col-bidder"),
            texts.get("scenario-col-rank-before"),
            texts.get("scenario-col-total-before"),
            texts.get("scenario-col-rank-after"),
            texts.get("scenario-col-total-after"),
        ],
        rows,
        right: vec![1, 2, 3, 4],
    }));
    blocks.push(Block::Line(texts.get("scenario-nothing-written")));
    finish(&blocks, style, texts)
}

fn edit_text(words: &Words<'_>, edit: &Edit) -> String {
    let texts = &words.texts;
    match edit {
        Edit::Price { bid, line, price } => texts.with(
            "scenario-edit-price",
            &[
                ("bid", bid.0.as_str().into()),
                ("line", words.name(&line.0).into()),
                ("price", words.price(*price).into()),
            ],
        ),
        Edit::Points {
            bid,
            criterion,
            points,
        } => texts.with(
            "scenario-edit-points",
            &[
                ("bid", bid.0.as_str().into()),
                ("criterion", words.name(&criterion.0).into()),
                ("points", words.number(points.value()).into()),
            ],
        ),
        Edit::Weight { criterion, weight } => texts.with(
            "scenario-edit-weight",
            &[
                ("criterion", words.name(&criterion.0).into()),
                (
                    "weight",
                    words.share(weight.value(), true, Inward::Nearest).into(),
                ),
            ],
        ),
        Edit::Decide {
            bid,
            rule,
            accepted,
        } => texts.with(
            if *accepted {
                "scenario-edit-accept"
            } else {
                "scenario-edit-reject"
            },
            &[
                ("bid", bid.0.as_str().into()),
                ("rule", rule.as_str().into()),
            ],
        ),
    }
}

/// The report of `simulate`.
pub fn render_simulation(
    tender: &Tender,
    simulation: &Simulation,
    language: Option<Language>,
    style: Style,
) -> Vec<u8> {
    if style == Style::Json {
        let document = SimulationJson {
            format_version: WHATIF_FORMAT_VERSION,
            tender: &tender.id,
            body: simulation,
        };
        let mut out = serde_json::to_vec_pretty(&document).unwrap_or_default();
        out.push(b'\n');
        return out;
    }
    let words = Words {
        texts: Texts::new(language.unwrap_or(tender.language)),
        tender,
        money: tender.model.method.is_money(),
    };
    let texts = &words.texts;
    // Counts as the language writes numbers ("1.000"); no message here takes a plural.
    let count = |n: usize| Arg::from(words.number(Decimal::from(n)));
    let share_of = |part: usize, whole: usize| {
        if whole == 0 {
            "–".to_string()
        } else {
            let percent = Decimal::from(part) * Decimal::ONE_HUNDRED / Decimal::from(whole);
            format!("{} %", words.number(percent.round_dp(1)))
        }
    };
    let mut blocks = vec![
        Block::Title(texts.with(
            "simulate-title",
            &[("tender", tender.title.as_str().into())],
        )),
        Block::Line(texts.with(
            "simulate-settings",
            &[
                ("runs", count(simulation.runs)),
                ("bids", count(simulation.bids)),
                ("seed", simulation.seed.to_string().into()),
                ("spread", simulation.spread.to_string().into()),
                ("step", words.price(simulation.price_step).into()),
            ],
        )),
        Block::Line(texts.with(
            "simulate-price-decided",
            &[
                ("changed", count(simulation.price_changed_winner)),
                ("runs", count(simulation.ranked_runs)),
                (
                    "share",
                    share_of(simulation.price_changed_winner, simulation.ranked_runs).into(),
                ),
            ],
        )),
    ];
    let percent = |value: Decimal| {
        format!(
            "{} %",
            words.number((value * Decimal::ONE_HUNDRED).round_dp(2))
        )
    };
    blocks.push(Block::Line(match simulation.price_effective {
        Some(effective) => texts.with(
            "simulate-price-effective",
            &[
                ("effective", percent(effective).into()),
                ("stated", percent(simulation.price_stated).into()),
            ],
        ),
        None => texts.get("whatif-spread-money"),
    }));
    if let Some(reversals) = simulation.reversal_runs {
        blocks.push(Block::Line(texts.with(
            "simulate-reversals",
            &[
                ("reversals", count(reversals)),
                ("runs", count(simulation.runs)),
                ("share", share_of(reversals, simulation.runs).into()),
            ],
        )));
    } else if tender.model.method.is_relative() {
        blocks.push(Block::Line(texts.with(
            "simulate-reversals-unchecked",
            &[("most", count(crate::whatif::simulate::REVERSAL_BIDS))],
        )));
    }
    for (line, table) in &simulation.tables {
        blocks.push(Block::Heading(
            texts.with("simulate-table", &[("line", words.name(&line.0).into())]),
        ));
        blocks.push(Block::Table(Grid {
            header: vec![
                texts.get("simulate-col-price"),
                texts.get("simulate-col-points"),
            ],
            rows: table
                .rows
                .iter()
                .map(|row| {
                    vec![
                        words.price(row.price),
                        words.texts.decimal(row.points.value()),
                    ]
                })
                .collect(),
            right: vec![0, 1],
        }));
    }
    finish(&blocks, style, &words.texts)
}

#[derive(Serialize)]
struct SimulationJson<'a> {
    format_version: u32,
    tender: &'a str,
    #[serde(flatten)]
    body: &'a Simulation,
}

/// The fields of a `whatif` report before its bids, and those after.
#[derive(Serialize)]
struct JsonHead {
    money: bool,
    abnormally_low_left_out: bool,
    price_step: Money,
}

#[derive(Serialize)]
struct JsonTail<'a> {
    weights: &'a [WeightRange],
    spread: &'a [Spread],
}

#[derive(Serialize)]
#[serde(untagged)]
enum Json<'a> {
    Scenario {
        edits: Vec<EditJson<'a>>,
        bids: &'a [Compared],
    },
}

#[derive(Serialize)]
struct EditJson<'a> {
    edit: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    bid: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    criterion: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'static str>,
}

fn edit_json(edit: &Edit) -> EditJson<'_> {
    match edit {
        Edit::Price { bid, line, price } => EditJson {
            edit: "price",
            bid: Some(&bid.0),
            criterion: Some(&line.0),
            value: Some(price.value()),
            rule: None,
        },
        Edit::Points {
            bid,
            criterion,
            points,
        } => EditJson {
            edit: "points",
            bid: Some(&bid.0),
            criterion: Some(&criterion.0),
            value: Some(points.value()),
            rule: None,
        },
        Edit::Weight { criterion, weight } => EditJson {
            edit: "weight",
            bid: None,
            criterion: Some(&criterion.0),
            value: Some(weight.value()),
            rule: None,
        },
        Edit::Decide {
            bid,
            rule,
            accepted,
        } => EditJson {
            edit: if *accepted { "accept" } else { "reject" },
            bid: Some(&bid.0),
            criterion: None,
            value: None,
            rule: Some(rule.as_str()),
        },
    }
}

#[derive(Serialize)]
struct Document<'a, T: Serialize> {
    format_version: u32,
    tender: &'a str,
    version: u32,
    latest: bool,
    #[serde(flatten)]
    body: &'a T,
}

fn json<T: Serialize>(evaluation: &Evaluation, body: &T) -> Vec<u8> {
    let document = Document {
        format_version: WHATIF_FORMAT_VERSION,
        tender: &evaluation.tender.id,
        version: evaluation.version,
        latest: evaluation.latest,
        body,
    };
    let mut out = serde_json::to_vec_pretty(&document).unwrap_or_default();
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Bid;
    use crate::domain::fixture::{bid as bid_of, reference_tender};
    use crate::scoring::rank::rank;
    use crate::scoring::score::score_bid;
    use crate::whatif::Subject;

    /// 23 bids, some of them level (so a bid's nearest better one is not the one before
    /// it), written in chunks of 7 bids, 3 to a task (chunk and task boundaries, a last
    /// task of one bid), or all at once: the same bytes as rendering every block of the
    /// whole report at once (text, at a terminal's width or not, and Markdown), and as
    /// serde's pretty printer writes the whole document (JSON, the bids between the grid
    /// step and the weights).
    #[test]
    fn a_report_written_in_pieces_is_the_report_rendered_whole() {
        let tender = reference_tender();
        let bids: Vec<Bid> = (0..23)
            .map(|n: u32| {
                // Every third bid repeats the prices and points of the one before it.
                let m = n - u32::from(n % 3 == 2);
                bid_of(
                    &format!("b{n:02}"),
                    Some(&(380 + (m % 7) * 10).to_string()),
                    Some(&(1100 + (m % 4) * 25).to_string()),
                    &(3 + m % 6).to_string(),
                    &(2 + (m * 5) % 7).to_string(),
                )
            })
            .collect();
        let ranking = rank(bids.iter().map(|b| score_bid(&tender, b)).collect(), &[]);
        let evaluation = Evaluation {
            tender: tender.clone(),
            version: 0,
            latest: true,
            applied: Vec::new(),
            flags: Vec::new(),
            ranking: ranking.clone(),
            award: None,
            reversals: Default::default(),
            legal_notes: Vec::new(),
            effective_weights: Vec::new(),
            bounds: crate::scoring::tree::total_bounds(&tender),
            inputs: Vec::new(),
        };
        let subject = Subject {
            tender: &tender,
            bids: &bids,
            ranking: &ranking,
        };
        let analysis = Analysis::new(&subject, None);
        let whatif = &analysis.summary;
        let every: Vec<BidAnswers> = (0..analysis.asked()).map(|k| analysis.answers(k)).collect();
        assert_eq!(every.len(), 23);

        #[derive(Serialize)]
        struct Whole<'a> {
            money: bool,
            abnormally_low_left_out: bool,
            price_step: Money,
            bids: &'a [BidAnswers],
            weights: &'a [WeightRange],
            spread: &'a [Spread],
        }
        let document = Document {
            format_version: WHATIF_FORMAT_VERSION,
            tender: &tender.id,
            version: 0,
            latest: true,
            body: &Whole {
                money: whatif.money,
                abnormally_low_left_out: whatif.abnormally_low_left_out,
                price_step: whatif.price_step,
                bids: &every,
                weights: &whatif.weights,
                spread: &whatif.spread,
            },
        };
        let mut json_whole = serde_json::to_vec_pretty(&document).unwrap();
        json_whole.push(b'\n');

        let words = Words {
            texts: Texts::new(tender.language),
            tender: &tender,
            money: whatif.money,
        };
        let mut blocks = head_blocks(&words, &evaluation, whatif, false);
        for bid in &every {
            for versus in &bid.versus {
                blocks.extend(versus_blocks(&words, &bid.bidder, bid.rank, versus));
            }
        }
        blocks.extend(tail_blocks(&words, whatif));

        for style in [
            Style::Text { width: None },
            Style::Text { width: Some(80) },
            Style::Markdown,
            Style::Json,
        ] {
            let whole = match style {
                Style::Json => json_whole.clone(),
                _ => finish(&blocks, style, &words.texts),
            };
            for sizes in [(7, 3), (1, 1), (23, 23), (1024, 32)] {
                let mut pieces = Vec::new();
                write_by(&evaluation, &analysis, None, style, &mut pieces, sizes).unwrap();
                assert_eq!(
                    String::from_utf8(pieces).unwrap(),
                    String::from_utf8(whole.clone()).unwrap(),
                    "{style:?} {sizes:?}"
                );
            }
        }
    }
}
