//! The `rounds` report: a negotiated procedure round by round — which bidders handed in a
//! revised bid, and what that changed for the winner, the award and each bid. One
//! renderer per format; the changes are laid out as in the `rescore` report.

use std::collections::HashMap;

use serde::Serialize;

use super::batch::{comparison_line, comparison_lines, comparison_records, heading};
use super::{Format, text_of};
use crate::evaluate::rounds::{RoundStep, Rounds};

pub fn render(rounds: &Rounds, format: Format) -> Vec<u8> {
    match format {
        Format::Table => super::text::terminal_safe(text(rounds, false)).into_bytes(),
        Format::Md => text(rounds, true).into_bytes(),
        Format::Json => json(rounds).into_bytes(),
        // The CLI refuses xlsx for rounds; should it get here, CSV is what opens in Excel.
        Format::Csv | Format::Xlsx => csv(rounds),
    }
}

/// The bidders of the latest round by bid id, to name a revised bid by its bidder.
fn bidders(rounds: &Rounds) -> HashMap<&str, &str> {
    rounds
        .latest
        .ranking
        .iter()
        .map(|r| (r.score.bid.0.as_str(), r.score.bidder.as_str()))
        .collect()
}

fn step_title(step: &RoundStep) -> String {
    format!(
        "Round {} → {} ({}, deadline {}): {}",
        step.from,
        step.to,
        step.name,
        step.deadline,
        comparison_line(&step.changes)
    )
}

fn text(rounds: &Rounds, markdown: bool) -> String {
    let mut out = vec![heading(
        markdown,
        2,
        format!(
            "Tender {}{}: {}",
            rounds.tender,
            rounds
                .lot
                .as_deref()
                .map_or(String::new(), |l| format!(", lot {l}")),
            rounds.title
        ),
    )];
    let state = if rounds.latest_round == rounds.final_round {
        "the final round, whose bids are awarded"
    } else {
        "not the final round: only the final round's bids are awarded"
    };
    out.push(format!(
        "Every round scored under version {} of the tender; round {} of {} is the latest with bids ({state}).",
        rounds.version, rounds.latest_round, rounds.final_round
    ));
    if rounds.steps.is_empty() {
        out.push(if rounds.final_round == 1 {
            "The tender has one round (no [[rounds]]): nothing to compare.".into()
        } else {
            "Only the initial bids so far: nothing to compare.".into()
        });
    }
    let names = bidders(rounds);
    for step in &rounds.steps {
        let mut lines = comparison_lines(step_title(step), &step.changes, markdown);
        let revised: Vec<&str> = step
            .revised
            .iter()
            .map(|id| names.get(id.as_str()).copied().unwrap_or(id))
            .collect();
        let revised = if revised.is_empty() {
            format!(
                "No revised bid in round {}: every bid stands as before.",
                step.to
            )
        } else {
            format!(
                "Revised bids in round {}: {}; every other bid stands as before.",
                step.to,
                revised.join(", ")
            )
        };
        lines.insert(2, revised);
        out.extend(lines);
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
