//! The notices of the award decision (underretning, udbudsloven § 171): one letter per
//! bidder, in HTML and Markdown, in the tender's language. The decision and the winner;
//! for a ranked bidder its points beside the winner's and the winning bid's
//! characteristics and relative advantages, in words derived from those differences; for
//! the winner its own points; for a bid set aside the reasons, with clause and evidence;
//! and the standstill period with its end date.
//!
//! Contract: pure; renders each letter to strings and hands it on, no I/O. The standstill
//! period runs from the day after the letter is sent: sent on 1 November with 10 days, it
//! ends at the end of 11 November.

use serde::Serialize;

use super::Evaluation;
use super::i18n::{Arg, Texts};
use super::memo::{
    FindingView, award_places, award_what, awarded_list, finding, listed, with_source,
};
use crate::domain::{CriterionKind, Language};
use crate::scoring::award::{AwardStatus, BidAward};
use crate::scoring::rank::Ranked;
use crate::scoring::score::{Outcome, PriceEvaluation, Standing};
use crate::scoring::tree::CriterionScore;

const HTML: &str = include_str!("templates/letter.html");
const MARKDOWN: &str = include_str!("templates/letter.md");

/// One bidder's letter.
pub struct Letter {
    /// The bid's id: the letter's file name.
    pub bid: String,
    pub html: String,
    pub markdown: String,
}

/// A letter for every bid, in ranking order, each handed to `each` as soon as it is
/// written, so that the letters are never all held at once (under an award to many
/// suppliers every letter names them all: 10 000 letters naming 1 000 suppliers are about
/// 1 GB). Returns how many letters were handed over, or the first error of `each`.
pub fn render_each<E>(
    evaluation: &Evaluation,
    language: Option<Language>,
    sent: jiff::civil::Date,
    mut each: impl FnMut(Letter) -> Result<(), E>,
) -> Result<usize, E> {
    let texts = Texts::new(language.unwrap_or(evaluation.tender.language));
    let mut env = minijinja::Environment::new();
    env.set_keep_trailing_newline(true);
    // Named .html, the HTML letter escapes every value; the Markdown one writes them as
    // given (made inline-safe before).
    if env.add_template("letter.html", HTML).is_err()
        || env.add_template("letter.md", MARKDOWN).is_err()
    {
        return Ok(0);
    }
    let winners = evaluation.winners();
    let awarded = Awarded::of(evaluation, &texts);
    let mut count = 0;
    for entry in &evaluation.ranking {
        let letter = letter(evaluation, &texts, entry, &winners, &awarded, sent);
        let html = env
            .get_template("letter.html")
            .and_then(|t| t.render(&letter))
            .unwrap_or_default();
        let markdown = env
            .get_template("letter.md")
            .and_then(|t| t.render(letter.for_markdown()))
            .unwrap_or_default();
        each(Letter {
            bid: entry.score.bid.0.clone(),
            html,
            markdown,
        })?;
        count += 1;
    }
    Ok(count)
}

#[derive(Serialize)]
struct LetterView {
    lang: &'static str,
    title: String,
    meta: Vec<(String, String)>,
    decision: String,
    rank: Option<String>,
    table_intro: Option<String>,
    table_head: Vec<String>,
    table_rows: Vec<Vec<String>>,
    advantages_title: Option<String>,
    advantages: Vec<String>,
    yours_title: Option<String>,
    yours: Vec<String>,
    set_aside_title: Option<String>,
    findings: Vec<FindingView>,
    standstill: String,
    closing: String,
    authority: String,
}

impl LetterView {
    /// The same letter with every text safe as one line of Markdown.
    fn for_markdown(&self) -> LetterView {
        let md = |s: &String| super::markdown::plain_inline(s);
        let mdo = |s: &Option<String>| s.as_ref().map(|s| super::markdown::plain_inline(s));
        LetterView {
            lang: self.lang,
            title: md(&self.title),
            meta: self.meta.iter().map(|(a, b)| (md(a), md(b))).collect(),
            decision: md(&self.decision),
            rank: mdo(&self.rank),
            table_intro: mdo(&self.table_intro),
            table_head: self
                .table_head
                .iter()
                .map(|c| md(c).replace('|', "\\|"))
                .collect(),
            table_rows: self
                .table_rows
                .iter()
                .map(|r| r.iter().map(|c| md(c).replace('|', "\\|")).collect())
                .collect(),
            advantages_title: mdo(&self.advantages_title),
            advantages: self.advantages.iter().map(md).collect(),
            yours_title: mdo(&self.yours_title),
            yours: self.yours.iter().map(md).collect(),
            set_aside_title: mdo(&self.set_aside_title),
            findings: self
                .findings
                .iter()
                .map(|f| FindingView {
                    decision: md(&f.decision),
                    reason: md(&f.reason),
                    evidence: mdo(&f.evidence),
                    clause: mdo(&f.clause),
                    clause_text: mdo(&f.clause_text),
                    resolution: mdo(&f.resolution),
                })
                .collect(),
            standstill: md(&self.standstill),
            closing: md(&self.closing),
            authority: md(&self.authority),
        }
    }
}

/// What every letter needs of the whole ranking, found once for all the letters rather
/// than searched for in each (linear, not quadratic, in the number of bids): the number
/// ranked and, under an `[award]`, each ranked bid's place by bid id, the lowest-placed
/// bid awarded, and the sentences on the award every letter opens with (they name every
/// supplier awarded).
struct Awarded<'a> {
    /// The number of bids ranked (under any award or none).
    ranked: usize,
    by_bid: std::collections::HashMap<&'a crate::domain::BidId, &'a BidAward>,
    last: Option<&'a Ranked>,
    /// What is awarded ("rammeaftalen", "delaftalen ...").
    what: String,
    /// The decision and the places left unfilled, in words.
    sentences: Vec<String>,
}

impl<'a> Awarded<'a> {
    fn of(evaluation: &'a Evaluation, texts: &Texts) -> Self {
        let ranked = evaluation
            .ranking
            .iter()
            .filter(|r| r.rank.is_some())
            .count();
        let Some(award) = &evaluation.award else {
            return Awarded {
                ranked,
                by_bid: Default::default(),
                last: None,
                what: String::new(),
                sentences: Vec::new(),
            };
        };
        let last_id = award.awarded().last().map(|b| &b.bid);
        let what = award_what(evaluation, texts);
        let mut sentences = vec![texts.with(
            "letter-decision-award",
            &[
                ("authority", evaluation.tender.authority.as_str().into()),
                ("what", what.as_str().into()),
                ("list", awarded_list(award, texts).into()),
            ],
        )];
        if let (Some(&first), Some(&last)) = (award.unfilled.first(), award.unfilled.last()) {
            sentences.push(texts.with(
                "award-unfilled",
                &[("places", award_places(texts, (first, last)).into())],
            ));
        }
        Awarded {
            ranked,
            by_bid: award.bids.iter().map(|b| (&b.bid, b)).collect(),
            last: last_id.and_then(|id| evaluation.ranking.iter().find(|r| &r.score.bid == id)),
            what,
            sentences,
        }
    }
}

fn letter(
    evaluation: &Evaluation,
    texts: &Texts,
    entry: &Ranked,
    winners: &[&Ranked],
    awarded_bids: &Awarded<'_>,
    sent: jiff::civil::Date,
) -> LetterView {
    let t = &evaluation.tender;
    let authority = t.authority.clone();
    // Under an `[award]`: this bid's place in it (none if it is not ranked).
    let award = evaluation
        .award
        .as_ref()
        .map(|_| awarded_bids.by_bid.get(&entry.score.bid).copied());
    // Who this bid is measured against: the winner; under an award to several suppliers,
    // the lowest-placed bid awarded — the one this bid would have had to pass.
    // `own_only`: the letter shows the bid's own points, compared with no one — the winner,
    // a supplier awarded, or one the lot limit passes over (not beaten on points).
    let (own_only, compare_with): (bool, Option<&Ranked>) = match award {
        None => (entry.rank == Some(1), winners.first().copied()),
        Some(mine) => {
            let awarded = mine.is_some_and(|m| m.status == AwardStatus::Awarded);
            let passed_over = mine.is_some_and(|m| m.status == AwardStatus::LotLimit);
            (awarded || passed_over, awarded_bids.last)
        }
    };
    let decision = match award {
        None if own_only => texts.with(
            "letter-decision-you",
            &[("authority", authority.as_str().into())],
        ),
        None => {
            let names: Vec<&str> = winners.iter().map(|w| w.score.bidder.as_ref()).collect();
            texts.with(
                "letter-decision",
                &[
                    ("authority", authority.as_str().into()),
                    ("winner", listed(texts, &names).into()),
                ],
            )
        }
        Some(mine) => {
            let what = &awarded_bids.what;
            let mut sentences: Vec<&str> =
                awarded_bids.sentences.iter().map(String::as_str).collect();
            let own = match mine.map(|m| (m.status, m.places, m.rank)) {
                Some((AwardStatus::Awarded, places, _)) => texts.with(
                    "letter-award-you",
                    &[
                        ("what", what.as_str().into()),
                        ("places", award_places(texts, places).into()),
                    ],
                ),
                Some((AwardStatus::LotLimit, _, rank)) => with_source(
                    texts.with(
                        "letter-lot-limit-you",
                        &[
                            ("what", what.as_str().into()),
                            ("rank", rank.to_string().into()),
                        ],
                    ),
                    texts,
                    t.lot_limit.as_ref().and_then(|r| r.source.as_deref()),
                ),
                _ => texts.with("letter-not-awarded", &[("what", what.as_str().into())]),
            };
            sentences.push(&own);
            sentences.join(" ")
        }
    };
    let ranked_count = awarded_bids.ranked;
    let mut view = LetterView {
        lang: match texts.language {
            Language::Da => "da",
            Language::En => "en",
        },
        title: texts.get("letter-title"),
        meta: vec![
            (texts.get("letter-to"), entry.score.bidder.to_string()),
            (
                texts.get("letter-re"),
                match t.current_lot() {
                    Some(lot) => format!("{} – {}", t.title, lot.name),
                    None => t.title.clone(),
                },
            ),
            (texts.get("letter-sent"), texts.date(sent)),
        ],
        decision,
        rank: None,
        table_intro: None,
        table_head: Vec::new(),
        table_rows: Vec::new(),
        advantages_title: None,
        advantages: Vec::new(),
        yours_title: None,
        yours: Vec::new(),
        set_aside_title: None,
        findings: Vec::new(),
        standstill: standstill(texts, t.standstill_days, sent),
        closing: texts.get("letter-closing"),
        authority,
    };
    match &entry.score.outcome {
        Outcome::SetAside { findings, .. } => {
            view.set_aside_title = Some(texts.get("letter-set-aside"));
            view.findings = findings
                .iter()
                .map(|f| finding(evaluation, texts, f, entry.score.round))
                .collect();
        }
        Outcome::Scored { .. } if own_only => {
            view.table_intro = Some(texts.get("letter-own-points"));
            view.table_head = vec![texts.get("col-criterion"), texts.get("col-yours")];
            view.table_rows = rows(evaluation, texts, entry, None);
        }
        Outcome::Scored { .. } => {
            view.rank = entry.rank.map(|rank| {
                texts.with(
                    "letter-rank",
                    &[
                        ("rank", rank.to_string().into()),
                        ("count", ranked_count.to_string().into()),
                    ],
                )
            });
            if let Some(winner) = compare_with {
                let several = award.is_some();
                view.table_intro = Some(if several {
                    texts.with(
                        "letter-compare-intro-last",
                        &[("bidder", winner.score.bidder.as_ref().into())],
                    )
                } else {
                    texts.get("letter-compare-intro")
                });
                view.table_head = vec![
                    texts.get("col-criterion"),
                    texts.get("col-yours"),
                    texts.get(if several {
                        "col-last-awarded"
                    } else {
                        "col-winner"
                    }),
                ];
                view.table_rows = rows(evaluation, texts, entry, Some(winner));
                let who = if several { "last" } else { "winner" };
                let (theirs, yours) = advantages(evaluation, texts, entry, winner, who);
                view.advantages_title = Some(texts.get(if several {
                    "letter-advantages-last"
                } else {
                    "letter-advantages"
                }));
                view.advantages = theirs;
                if !yours.is_empty() {
                    view.yours_title = Some(texts.get("letter-your-advantages"));
                    view.yours = yours;
                }
            }
        }
    }
    view
}

/// A scored bid's parts: its criterion scores and evaluated prices.
fn parts(entry: &Ranked) -> (&[CriterionScore], &[PriceEvaluation]) {
    match &entry.score.outcome {
        Outcome::Scored {
            criteria, prices, ..
        } => (criteria, prices),
        Outcome::SetAside { .. } => (&[], &[]),
    }
}

/// What a bid shows on one leaf: a quality criterion's points; a price line's evaluated
/// price and its points (only the price under a money model).
fn leaf_value(evaluation: &Evaluation, texts: &Texts, entry: &Ranked, id: &str) -> String {
    let t = &evaluation.tender;
    let (criteria, prices) = parts(entry);
    if let Some(p) = prices.iter().find(|p| &*p.line.0 == id) {
        let price = texts.money(p.evaluated.value(), &t.currency);
        return if t.model.method.is_money() {
            price
        } else {
            format!(
                "{price} → {} {}",
                texts.decimal(p.points.value()),
                texts.get("col-points")
            )
        };
    }
    criteria
        .iter()
        .find(|c| &*c.criterion.0 == id)
        .map_or(String::new(), |c| texts.number(c.points.value()))
}

/// The total, or the evaluation price under a money model.
fn standing(evaluation: &Evaluation, texts: &Texts, entry: &Ranked) -> String {
    match entry.score.standing() {
        Some(Standing::Price(p)) => texts.money(p.value(), &evaluation.tender.currency),
        Some(Standing::Points(p)) => texts.number(p.value()),
        None => String::new(),
    }
}

/// One row per leaf criterion, then the total: the bid's value, and the winner's.
fn rows(
    evaluation: &Evaluation,
    texts: &Texts,
    entry: &Ranked,
    winner: Option<&Ranked>,
) -> Vec<Vec<String>> {
    let t = &evaluation.tender;
    let mut rows: Vec<Vec<String>> = t
        .leaves()
        .into_iter()
        .map(|i| {
            let c = &t.criteria[i];
            let mut row = vec![
                c.name.clone(),
                leaf_value(evaluation, texts, entry, &c.id.0),
            ];
            if let Some(w) = winner {
                row.push(leaf_value(evaluation, texts, w, &c.id.0));
            }
            row
        })
        .collect();
    let total = texts.get(if t.model.method.is_money() {
        "col-evaluation-price"
    } else {
        "col-total"
    });
    let mut last = vec![total, standing(evaluation, texts, entry)];
    if let Some(w) = winner {
        last.push(standing(evaluation, texts, w));
    }
    rows.push(last);
    rows
}

/// The winning bid's characteristics and relative advantages — each criterion on which it
/// did better (more points, a lower price), then the totals — and apart from them, where
/// the bidder's own bid did better.
fn advantages(
    evaluation: &Evaluation,
    texts: &Texts,
    entry: &Ranked,
    winner: &Ranked,
    who: &str,
) -> (Vec<String>, Vec<String>) {
    let t = &evaluation.tender;
    let (yours, your_prices) = parts(entry);
    let (theirs, their_prices) = parts(winner);
    let (mut out, mut yours_better) = (Vec::new(), Vec::new());
    for i in t.leaves() {
        let c = &t.criteria[i];
        if let CriterionKind::Price(_) = c.kind {
            let (Some(y), Some(w)) = (
                your_prices.iter().find(|p| p.line == c.id),
                their_prices.iter().find(|p| p.line == c.id),
            ) else {
                continue;
            };
            if y.evaluated == w.evaluated {
                continue;
            }
            let (list, id) = if w.evaluated < y.evaluated {
                (&mut out, "adv-price-lower")
            } else {
                (&mut yours_better, "adv-price-higher")
            };
            list.push(texts.with(
                id,
                &[
                    ("who", who.into()),
                    ("line", c.name.as_str().into()),
                    (
                        "winner",
                        texts.money(w.evaluated.value(), &t.currency).into(),
                    ),
                    (
                        "yours",
                        texts.money(y.evaluated.value(), &t.currency).into(),
                    ),
                ],
            ));
            continue;
        }
        let (Some(y), Some(w)) = (
            yours.iter().find(|s| s.criterion == c.id),
            theirs.iter().find(|s| s.criterion == c.id),
        ) else {
            continue;
        };
        if y.points == w.points {
            continue;
        }
        let (list, id) = if w.points > y.points {
            (&mut out, "adv-more")
        } else {
            (&mut yours_better, "adv-less")
        };
        list.push(texts.with(
            id,
            &[
                ("who", who.into()),
                ("criterion", c.name.as_str().into()),
                ("winner", texts.number(w.points.value()).into()),
                ("yours", texts.number(y.points.value()).into()),
            ],
        ));
    }
    let (y, w) = (entry.score.standing(), winner.score.standing());
    if y == w {
        out.push(texts.with("adv-none", &[("who", who.into())]));
    } else {
        out.push(texts.with(
            if t.model.method.is_money() {
                "adv-total-money"
            } else {
                "adv-total"
            },
            &[
                ("who", who.into()),
                ("winner", standing(evaluation, texts, winner).into()),
                ("yours", standing(evaluation, texts, entry).into()),
            ],
        ));
    }
    (out, yours_better)
}

/// The last day of the standstill period; `None` beyond the calendar.
pub fn standstill_end(days: u32, sent: jiff::civil::Date) -> Option<jiff::civil::Date> {
    let end = sent
        .checked_add(jiff::Span::new().days(i64::from(days)))
        .ok()?;
    crate::domain::calendar::working_day_on_or_after(end)
}

/// The standstill sentence: the period in days and the last day it runs — `days` after
/// the day it was sent, moved to the next working day where that is a Saturday, a Sunday
/// or a public holiday (see [`crate::domain::calendar`]).
fn standstill(texts: &Texts, days: u32, sent: jiff::civil::Date) -> String {
    let end = standstill_end(days, sent).map_or(String::new(), |end| texts.date(end));
    texts.with(
        "letter-standstill",
        &[
            (
                "days",
                texts
                    .with("days", &[("n", Arg::Count(i64::from(days)))])
                    .into(),
            ),
            ("end", end.into()),
        ],
    )
}
