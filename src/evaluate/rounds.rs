//! A negotiated procedure followed through its rounds: each round scored with each
//! bidder's latest bid up to it, and what changed from one round to the next.
//!
//! Contract: [`rounds`] loads the tender once per round (the same version of the tender
//! in every round: criteria and requirements are not negotiated) and compares consecutive
//! rounds with [`compare`], the same comparison `rescore` makes between versions. Which
//! bidders handed in a revised bid is read from the bids, never guessed from changed
//! values: a revised bid with the same prices and points is still a revised bid.

use std::path::Path;

use serde::Serialize;

use super::rescore::{Comparison, compare};
use super::{Evaluation, Ready, evaluate, load_view};
use crate::input::{Invalid, ModelSearch, Version, View};

/// From one round to the next.
#[derive(Clone, Debug, Serialize)]
pub struct RoundStep {
    pub from: u32,
    pub to: u32,
    /// The later round's name and deadline, as the tender declares them.
    pub name: String,
    pub deadline: String,
    /// The bids handed in anew in the later round, in the order of the bid files.
    pub revised: Vec<String>,
    #[serde(flatten)]
    pub changes: Comparison,
}

/// Every round of a tender so far, and what changed between them.
#[derive(Clone, Debug, Serialize)]
pub struct Rounds {
    pub tender: String,
    pub title: String,
    /// The lot, in a tender with lots.
    pub lot: Option<String>,
    /// The version of the tender every round is scored under.
    pub version: u32,
    /// The last round the tender declares: its bids are awarded.
    pub final_round: u32,
    /// The latest round with bids; rounds after it have none yet.
    pub latest_round: u32,
    pub steps: Vec<RoundStep>,
    /// The latest round's evaluation, for its winners and award; not part of the report.
    #[serde(skip)]
    pub latest: Box<Evaluation>,
}

/// What the caller chose: the lot, the last round to score (`None`: the latest with
/// bids) and the version (`None`: the tender in force).
pub struct Choice<'a> {
    pub lot: Option<&'a str>,
    pub up_to: Option<u32>,
    pub version: Option<u32>,
}

/// The version asked for, or the latest; an error where the tender has no such version.
fn version_in(ready: &Ready, asked: Option<u32>) -> Result<&Version, RoundsError> {
    match asked {
        None => Ok(ready.latest()),
        Some(n) => ready.version(n).ok_or(RoundsError::UnknownVersion {
            asked: n,
            latest: ready.latest().number,
        }),
    }
}

/// What [`rounds`] can fail with.
#[derive(Debug)]
pub enum RoundsError {
    Invalid(Invalid),
    /// The version asked for does not exist; the latest does.
    UnknownVersion {
        asked: u32,
        latest: u32,
    },
}

impl From<Invalid> for RoundsError {
    fn from(invalid: Invalid) -> RoundsError {
        RoundsError::Invalid(invalid)
    }
}

/// Scores every round from the initial bids to the latest round with bids, and compares
/// each with the one before. Returns the report and the tender as loaded in the latest
/// round (for its files and warnings).
pub fn rounds(
    dir: &Path,
    models: &ModelSearch,
    choice: &Choice<'_>,
) -> Result<(Rounds, Ready), RoundsError> {
    let view = |round| View {
        lot: choice.lot,
        round,
    };
    let latest_ready = load_view(dir, models, view(choice.up_to))?;
    let latest_round = latest_ready.latest().tender.round;
    let mut evaluations = Vec::new();
    for round in 1..latest_round {
        let ready = load_view(dir, models, view(Some(round)))?;
        let version = version_in(&ready, choice.version)?;
        evaluations.push((evaluate(&ready, version), revised(version)));
    }
    let version = version_in(&latest_ready, choice.version)?;
    evaluations.push((evaluate(&latest_ready, version), revised(version)));
    let steps = evaluations
        .windows(2)
        .map(|pair| {
            let ((before, _), (after, revised)) = (&pair[0], &pair[1]);
            let t = &after.tender;
            let declared = t.declared_round(t.round);
            RoundStep {
                from: before.tender.round,
                to: t.round,
                name: declared.map_or(String::new(), |r| r.name.clone()),
                deadline: t.deadline_of(t.round).0.to_string(),
                revised: revised.clone(),
                changes: compare(before, after),
            }
        })
        .collect();
    let (latest, _) = evaluations.pop().expect("the latest round is evaluated");
    let t = &latest.tender;
    let report = Rounds {
        tender: t.id.clone(),
        title: t.title.clone(),
        lot: t.current_lot().map(|l| l.id.clone()),
        version: latest.version,
        final_round: t.final_round(),
        latest_round,
        steps,
        latest: Box::new(latest),
    };
    Ok((report, latest_ready))
}

/// The bids of a version handed in in the round it is loaded for.
fn revised(version: &Version) -> Vec<String> {
    version
        .bids
        .iter()
        .filter(|b| b.round == version.tender.round && b.round > 1)
        .map(|b| b.id.0.clone())
        .collect()
}
