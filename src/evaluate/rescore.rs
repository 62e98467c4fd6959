//! Re-scoring after rettelsesblade: every version of every tender in a batch, and what
//! changed between consecutive versions.
//!
//! Contract: [`compare`] is pure: two evaluations of the same tender in, the changes per
//! bid out (status, rank, total, each price line's evaluated price and points, each
//! criterion's points), plus whether the winner or the ranking changed. [`rescore_all`]
//! loads and scores many tenders in parallel; the result is in the order of the tender
//! folders (sorted by path), whatever the number of threads or the order they finish in.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::{Evaluation, evaluate, load};
use crate::input::{Invalid, ModelSearch};
use crate::legal::LegalFlag;
use crate::scoring::rank::Ranked;
use crate::scoring::score::{Outcome, Standing};

/// One value of one bid that differs between two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// `status`, `rank`, `total`, `<line> evaluated`, `<line> points` or `<criterion> points`.
    pub field: String,
    /// Exact values as text (`"6.915"`); `null` where the bid had none (a bid set aside
    /// has no total).
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The changes to one bid between two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BidChange {
    pub bid: String,
    pub bidder: String,
    pub changes: Vec<FieldChange>,
}

/// From one version to the next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub from: u32,
    pub to: u32,
    /// The rettelsesblad that made version `to`: its number, date and title.
    pub rettelsesblad: String,
    /// The bids ranked first (several when tied) before and after.
    pub winners_before: Vec<String>,
    pub winners_after: Vec<String>,
    pub winner_changed: bool,
    /// Whether any bid's rank or status changed.
    pub ranking_changed: bool,
    /// Only bids with at least one change, in the order of the later version's ranking.
    pub bids: Vec<BidChange>,
}

/// A tender re-scored in every version.
#[derive(Clone, Debug, Serialize)]
pub struct TenderRescore {
    /// The tender folder as found.
    pub dir: String,
    pub tender: String,
    pub title: String,
    pub versions: u32,
    pub steps: Vec<Step>,
    pub flags: Vec<LegalFlag>,
    /// Every file read for this tender (its model files too), which no report may
    /// overwrite; not part of the report.
    #[serde(skip)]
    pub paths: Vec<PathBuf>,
    /// The warnings of loading this tender, rendered; not part of the report.
    #[serde(skip)]
    pub warnings: String,
}

impl TenderRescore {
    pub fn winner_changed(&self) -> bool {
        self.steps.iter().any(|s| s.winner_changed)
    }

    pub fn ranking_changed(&self) -> bool {
        self.steps.iter().any(|s| s.ranking_changed)
    }
}

/// Every value of one bid that [`compare`] looks at, by field name, in a fixed order.
fn values(entry: &Ranked) -> Vec<(String, Option<String>)> {
    let mut values = vec![
        (
            "status".to_string(),
            Some(entry.score.status().as_str().to_string()),
        ),
        ("rank".to_string(), entry.rank.map(|r| r.to_string())),
        (
            "total".to_string(),
            entry
                .score
                .total()
                .map(|t| t.value().normalize().to_string()),
        ),
    ];
    if let Some(Standing::Price(price)) = entry.score.standing() {
        values.push((
            "evaluation price".to_string(),
            Some(price.value().to_string()),
        ));
    }
    if let Outcome::Scored {
        criteria, prices, ..
    } = &entry.score.outcome
    {
        for price in prices {
            values.push((
                format!("{} evaluated", price.line),
                Some(price.evaluated.value().to_string()),
            ));
            // As the model rounded them (7.60).
            values.push((
                format!("{} points", price.line),
                Some(price.points.value().to_string()),
            ));
        }
        for criterion in criteria
            .iter()
            .filter(|c| !prices.iter().any(|p| p.line == c.criterion))
        {
            values.push((
                format!("{} points", criterion.criterion),
                Some(criterion.points.value().normalize().to_string()),
            ));
        }
    }
    values
}

/// Whether two values of a field are the same: as decimals where both are numbers (8.00
/// after a rounding change to 3 decimals is 8.000, no change), else as text.
fn same(before: Option<&str>, after: Option<&str>) -> bool {
    match (before, after) {
        (Some(a), Some(b)) => match (
            a.parse::<rust_decimal::Decimal>(),
            b.parse::<rust_decimal::Decimal>(),
        ) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        },
        (a, b) => a == b,
    }
}

fn winners(evaluation: &Evaluation) -> Vec<String> {
    evaluation
        .ranking
        .iter()
        .filter(|r| r.rank == Some(1))
        .map(|r| r.score.bid.0.clone())
        .collect()
}

/// What changed from one version to the next.
pub fn compare(before: &Evaluation, after: &Evaluation) -> Step {
    let mut bids = Vec::new();
    let mut ranking_changed = false;
    for entry in &after.ranking {
        let old = before
            .ranking
            .iter()
            .find(|r| r.score.bid == entry.score.bid);
        let old_values = old.map(values).unwrap_or_default();
        let new_values = values(entry);
        let mut changes = Vec::new();
        // Every field either version has, in the later version's order, then the ones that
        // disappeared (a bid that became set aside loses its points).
        let mut fields: Vec<&String> = new_values.iter().map(|(f, _)| f).collect();
        fields.extend(
            old_values
                .iter()
                .map(|(f, _)| f)
                .filter(|f| !new_values.iter().any(|(n, _)| n == *f)),
        );
        for field in fields {
            let was = old_values
                .iter()
                .find(|(f, _)| f == field)
                .and_then(|(_, v)| v.clone());
            let is = new_values
                .iter()
                .find(|(f, _)| f == field)
                .and_then(|(_, v)| v.clone());
            if !same(was.as_deref(), is.as_deref()) {
                if field == "rank" || field == "status" {
                    ranking_changed = true;
                }
                changes.push(FieldChange {
                    field: field.clone(),
                    before: was,
                    after: is,
                });
            }
        }
        if !changes.is_empty() {
            bids.push(BidChange {
                bid: entry.score.bid.0.clone(),
                bidder: entry.score.bidder.clone(),
                changes,
            });
        }
    }
    let rettelsesblad = after
        .applied
        .last()
        .map(|r| format!("rettelsesblad {} of {}: {}", r.number, r.date, r.title))
        .unwrap_or_default();
    let (winners_before, winners_after) = (winners(before), winners(after));
    Step {
        from: before.version,
        to: after.version,
        rettelsesblad,
        winner_changed: winners_before != winners_after,
        winners_before,
        winners_after,
        ranking_changed,
        bids,
    }
}

/// Loads one tender folder and scores every version.
pub fn rescore(dir: &Path, models: &ModelSearch) -> Result<TenderRescore, Invalid> {
    let tender = load(dir, models)?;
    let evaluations: Vec<Evaluation> = tender
        .versions()
        .iter()
        .map(|v| evaluate(&tender, v))
        .collect();
    let steps = evaluations
        .windows(2)
        .map(|pair| compare(&pair[0], &pair[1]))
        .collect();
    let latest = &tender.latest().tender;
    Ok(TenderRescore {
        dir: dir.display().to_string(),
        tender: latest.id.clone(),
        title: latest.title.clone(),
        versions: u32::try_from(tender.versions().len()).unwrap_or(u32::MAX),
        steps,
        flags: tender.flags.clone(),
        paths: tender.paths().to_vec(),
        warnings: tender.warnings().render(),
    })
}

/// Re-scores every tender in parallel over the machine's cores. `done` is called once per
/// tender as it finishes (for a progress bar); the results keep the order of `dirs`.
pub fn rescore_all(
    dirs: &[PathBuf],
    models: &ModelSearch,
    done: &(dyn Fn() + Sync),
) -> Vec<Result<TenderRescore, Invalid>> {
    dirs.par_iter()
        .map(|dir| {
            let result = rescore(dir, models);
            done();
            result
        })
        .collect()
}

/// A batch re-scored: its summary and every tender, in the order of the tender folders.
#[derive(Clone, Debug, Serialize)]
pub struct Rescored {
    pub summary: Summary,
    pub tenders: Vec<TenderRescore>,
}

impl Rescored {
    pub fn new(tenders: Vec<TenderRescore>) -> Rescored {
        Rescored {
            summary: summary(&tenders),
            tenders,
        }
    }
}

/// The batch summary: which tenders changed winner or ranking.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub tenders: usize,
    /// Tenders that could not be scored for their problems (listed apart, not reported).
    pub failed: usize,
    pub versions: u32,
    pub winner_changed: Vec<String>,
    pub ranking_changed: Vec<String>,
    pub flagged: Vec<String>,
}

fn summary(results: &[TenderRescore]) -> Summary {
    let ids = |pick: &dyn Fn(&TenderRescore) -> bool| {
        results
            .iter()
            .filter(|r| pick(r))
            .map(|r| r.tender.clone())
            .collect()
    };
    Summary {
        tenders: results.len(),
        failed: 0,
        versions: results.iter().map(|r| r.versions).sum(),
        winner_changed: ids(&|r| r.winner_changed()),
        ranking_changed: ids(&|r| r.ranking_changed()),
        flagged: ids(&|r| !r.flags.is_empty()),
    }
}
