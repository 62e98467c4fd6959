//! The `rounds` report: a negotiated procedure round by round — which bidders handed in a
//! revised bid, and what that changed for the winner, the award and each bid. One
//! renderer per format; the changes are laid out as in the `rescore` report.

use serde::Serialize;

use super::batch::{Words, comparison_line, comparison_lines, comparison_records, heading};
use super::i18n::{Arg, Texts};
use super::text::when;
use super::{Format, Layout, text_of};
use crate::domain::Language;
use crate::evaluate::rounds::{RoundStep, Rounds};

pub fn render(rounds: &Rounds, format: Format) -> Vec<u8> {
    render_in(rounds, format, Layout::default())
}

/// Renders the rounds; the table and Markdown in the layout's language (`None`: the
/// tender's `language`), the table's changes wrapped to its width; JSON and CSV the same
/// in every language.
pub fn render_in(rounds: &Rounds, format: Format, layout: Layout) -> Vec<u8> {
    let words = || {
        let mut words = words(rounds, layout.language);
        words.width = layout.width;
        words
    };
    match format {
        Format::Table => super::text::terminal_safe(text(rounds, false, &words())).into_bytes(),
        Format::Md => text(rounds, true, &words()).into_bytes(),
        Format::Json => json(rounds).into_bytes(),
        // The CLI refuses xlsx for rounds; should it get here, CSV is what opens in Excel.
        Format::Csv | Format::Xlsx => csv(rounds),
    }
}

/// The words of the report: its language, and the bidders and criteria of the latest
/// round by id, to name a bid by its bidder and a criterion by its name.
fn words(rounds: &Rounds, language: Option<Language>) -> Words<'_> {
    let latest = &rounds.latest;
    let mut words = Words::new(Texts::new(language.unwrap_or(latest.tender.language)));
    words.bidders = latest
        .ranking
        .iter()
        .map(|r| (r.score.bid.0.as_str(), r.score.bidder.as_ref()))
        .collect();
    words.criteria = latest
        .tender
        .criteria
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    words.currency = &latest.tender.currency;
    words
}

fn step_title<'a>(step: &'a RoundStep, words: &Words<'a>) -> String {
    let texts = &words.texts;
    let mut args = vec![
        ("from", Arg::from(step.from.to_string())),
        ("to", step.to.to_string().into()),
        ("name", step.name.as_str().into()),
        ("line", comparison_line(&step.changes, words).into()),
    ];
    args.extend(when(texts, &step.deadline));
    texts.with("report-rounds-step", &args)
}

fn text(rounds: &Rounds, markdown: bool, words: &Words<'_>) -> String {
    let texts = &words.texts;
    let lot = rounds.lot.as_deref().map_or(String::new(), |l| {
        texts.with("report-rounds-lot", &[("lot", l.into())])
    });
    let mut out = vec![heading(
        markdown,
        2,
        texts.with(
            "report-rounds-title",
            &[
                ("id", rounds.tender.as_str().into()),
                ("lot", lot.into()),
                ("title", rounds.title.as_str().into()),
            ],
        ),
    )];
    let state = texts.get(if rounds.latest_round == rounds.final_round {
        "report-round-final"
    } else {
        "report-round-not-final"
    });
    out.push(texts.with(
        "report-rounds-intro",
        &[
            ("version", rounds.version.to_string().into()),
            ("latest", rounds.latest_round.to_string().into()),
            ("final", rounds.final_round.to_string().into()),
            ("state", state.into()),
        ],
    ));
    if rounds.steps.is_empty() {
        out.push(texts.get(if rounds.final_round == 1 {
            "report-rounds-one"
        } else {
            "report-rounds-initial-only"
        }));
    }
    for step in &rounds.steps {
        let mut lines = comparison_lines(step_title(step, words), &step.changes, markdown, words);
        let revised: Vec<&str> = step
            .revised
            .iter()
            .map(|id| words.bidders.get(id.as_str()).copied().unwrap_or(id))
            .collect();
        let round = ("round", Arg::from(step.to.to_string()));
        let revised = if revised.is_empty() {
            texts.with("report-rounds-none-revised", &[round])
        } else {
            texts.with(
                "report-rounds-revised",
                &[
                    round,
                    ("bids", revised.join(", ").into()),
                    ("bids_listed", super::memo::listed(texts, &revised).into()),
                ],
            )
        };
        lines.insert(2, revised);
        out.extend(lines);
    }
    if !markdown {
        // At a terminal the sentences wrap to its width, as the table does (not the table).
        for line in out.iter_mut().filter(|l| !l.starts_with('┌')) {
            *line = super::table::wrapped(line, "", words.width);
        }
    }
    text_of(&out)
}

/// The JSON document of `rounds` (see the README's JSON contract).
#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    format_version: u32,
    generator: &'static str,
    #[serde(flatten)]
    rounds: &'a Rounds,
}

fn json(rounds: &Rounds) -> String {
    super::json::pretty(&Document {
        format: "tenderscore-rounds",
        format_version: 1,
        generator: super::TOOL,
        rounds,
    })
}

/// One record per changed winner, award and field of a bid, as `rescore` writes them.
fn csv(rounds: &Rounds) -> Vec<u8> {
    let header = [
        "tender", "from", "to", "round", "bid", "bidder", "field", "before", "after",
    ]
    .map(String::from);
    let mut records = vec![header];
    for step in &rounds.steps {
        records.extend(comparison_records(
            &rounds.tender,
            (step.from, step.to),
            &step.name,
            &step.changes,
        ));
    }
    super::csv::excel(records)
}
