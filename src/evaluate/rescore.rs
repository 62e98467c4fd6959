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

use super::{Evaluation, evaluate_once};
use crate::domain::{BidId, Tender};
use crate::input::{Invalid, ModelSearch};
use crate::legal::LegalFlag;
use crate::scoring::award::{AwardStatus, BidAward};
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

/// What changed between two evaluations of one tender: from one version to the next, or
/// from one negotiation round to the next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The bids ranked first (several when tied) before and after.
    pub winners_before: Vec<String>,
    pub winners_after: Vec<String>,
    pub winner_changed: bool,
    /// Where the tender awards several suppliers: the bids awarded before and after, and
    /// whether the awarded set or any supplier's share changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub awarded_before: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub awarded_after: Option<Vec<String>>,
    pub award_changed: bool,
    /// Whether any bid's rank or status changed.
    pub ranking_changed: bool,
    /// Only bids with at least one change, in the order of the later ranking.
    pub bids: Vec<BidChange>,
}

/// From one version to the next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Step {
    pub from: u32,
    pub to: u32,
    /// The rettelsesblad that made version `to`: its number, date and title.
    pub rettelsesblad: String,
    /// The same rettelsesblad's number, date and title apart, for reports in words; not
    /// part of the JSON report.
    #[serde(skip)]
    pub issued: Option<Issued>,
    #[serde(flatten)]
    pub changes: Comparison,
}

/// A rettelsesblad as a report names it: its number, date and title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issued {
    pub number: u32,
    pub date: jiff::civil::Date,
    pub title: String,
}

/// A tender re-scored in every version.
#[derive(Clone, Debug, Serialize)]
pub struct TenderRescore {
    /// The tender folder as found.
    pub dir: String,
    pub tender: String,
    /// The lot, in a tender split into lots: each lot is re-scored on its own.
    pub lot: Option<String>,
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
    /// The language and currency of the tender's documents (the latest version), for
    /// reports in words; not part of the JSON report.
    #[serde(skip)]
    pub language: crate::domain::Language,
    #[serde(skip)]
    pub currency: String,
    /// Each bid's bidder and each criterion's name by id, in any version, for reports in
    /// words; not part of the JSON report.
    #[serde(skip)]
    pub bidders: Vec<(String, String)>,
    #[serde(skip)]
    pub criteria: Vec<(String, String)>,
}

impl TenderRescore {
    pub fn winner_changed(&self) -> bool {
        self.steps.iter().any(|s| s.changes.winner_changed)
    }

    pub fn award_changed(&self) -> bool {
        self.steps.iter().any(|s| s.changes.award_changed)
    }

    pub fn ranking_changed(&self) -> bool {
        self.steps.iter().any(|s| s.changes.ranking_changed)
    }
}

/// A field of a bid that [`compare`] looks at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field<'a> {
    /// The negotiation round of the bid scored.
    Round,
    Status,
    Rank,
    /// Awarded, tied at the award boundary or not awarded.
    Award,
    /// The share of the work (%) and the part of the volume of an awarded bid.
    Share,
    Volume,
    Total,
    EvaluationPrice,
    /// A price line's evaluated price.
    Evaluated(&'a str),
    /// A price line's or a quality criterion's points.
    Points(&'a str),
}

impl std::fmt::Display for Field<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Field::Round => f.write_str("round"),
            Field::Status => f.write_str("status"),
            Field::Rank => f.write_str("rank"),
            Field::Award => f.write_str("award"),
            Field::Share => f.write_str("share"),
            Field::Volume => f.write_str("volume"),
            Field::Total => f.write_str("total"),
            Field::EvaluationPrice => f.write_str("evaluation price"),
            Field::Evaluated(line) => write!(f, "{line} evaluated"),
            Field::Points(id) => write!(f, "{id} points"),
        }
    }
}

/// The value of a field. Numbers compare as decimals, so 8.00 after a rounding change to
/// 3 decimals is 8.000: no change. Written out only where it changed.
#[derive(Clone, Copy)]
enum Value {
    Word(&'static str),
    Whole(u32),
    /// Written as the decimal stands (the model's rounding shows: `7.60`).
    Number(rust_decimal::Decimal),
}

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Word(a), Value::Word(b)) => a == b,
            (Value::Whole(a), Value::Whole(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => a == b,
            _ => false,
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Word(word) => f.write_str(word),
            Value::Whole(n) => write!(f, "{n}"),
            Value::Number(d) => write!(f, "{d}"),
        }
    }
}

/// Every value of one bid that [`compare`] looks at, in a fixed order; `None` where the
/// bid has no such value (a bid set aside has no rank). Under a money model (`tender`'s
/// in that version) a bid has no total and its price lines no points: only the evaluation
/// price, the evaluated prices and the quality points count.
/// Each ranked bid's award by bid id.
type AwardIndex<'e> = std::collections::HashMap<&'e BidId, &'e BidAward>;

/// Each bid's award looked up by id, never searched: linear in the bids.
fn award_index(evaluation: &Evaluation) -> Option<AwardIndex<'_>> {
    evaluation
        .award
        .as_ref()
        .map(|a| a.bids.iter().map(|b| (&b.bid, b)).collect())
}

fn values<'a>(
    entry: &'a Ranked,
    tender: &Tender,
    award: Option<&AwardIndex<'_>>,
) -> Vec<(Field<'a>, Option<Value>)> {
    let money = tender.model.method.is_money();
    let mut values = Vec::new();
    if !tender.rounds.is_empty() {
        values.push((Field::Round, Some(Value::Whole(entry.score.round))));
    }
    values.extend([
        (
            Field::Status,
            Some(Value::Word(entry.score.status().as_str())),
        ),
        (Field::Rank, entry.rank.map(Value::Whole)),
    ]);
    if let Some(award) = award {
        let mine = award.get(&entry.score.bid).copied();
        values.push((
            Field::Award,
            Some(Value::Word(
                mine.map_or(AwardStatus::NotAwarded, |b| b.status).as_str(),
            )),
        ));
        values.push((
            Field::Share,
            mine.and_then(|b| b.share)
                .map(|s| Value::Number(s.normalize())),
        ));
        values.push((
            Field::Volume,
            mine.and_then(|b| b.volume)
                .map(|v| Value::Number(v.normalize())),
        ));
    }
    if !money {
        values.push((
            Field::Total,
            entry
                .score
                .total()
                .map(|t| Value::Number(t.value().normalize())),
        ));
    }
    if let Some(Standing::Price(price)) = entry.score.standing() {
        values.push((Field::EvaluationPrice, Some(Value::Number(price.value()))));
    }
    if let Outcome::Scored {
        criteria, prices, ..
    } = &entry.score.outcome
    {
        for price in prices {
            values.push((
                Field::Evaluated(&price.line.0),
                Some(Value::Number(price.evaluated.value())),
            ));
            if !money {
                values.push((
                    Field::Points(&price.line.0),
                    Some(Value::Number(price.points.value())),
                ));
            }
        }
        for criterion in criteria.iter().filter(|c| {
            !prices.iter().any(|p| p.line == c.criterion)
                && (!money
                    || tender
                        .criterion(&c.criterion.0)
                        .is_some_and(|k| tender.share_of_quality(k).is_some()))
        }) {
            values.push((
                Field::Points(&criterion.criterion.0),
                Some(Value::Number(criterion.points.value().normalize())),
            ));
        }
    }
    values
}

fn winners(evaluation: &Evaluation) -> Vec<String> {
    evaluation
        .ranking
        .iter()
        .filter(|r| r.rank == Some(1))
        .map(|r| r.score.bid.0.clone())
        .collect()
}

/// What changed from one evaluation of a tender to another.
pub fn compare(before: &Evaluation, after: &Evaluation) -> Comparison {
    let mut bids = Vec::new();
    let mut ranking_changed = false;
    let mut award_changed = false;
    let (award_before, award_after) = (award_index(before), award_index(after));
    // Each bid of the earlier version found by its id, not by searching the ranking.
    let earlier: std::collections::HashMap<&BidId, &Ranked> =
        before.ranking.iter().map(|r| (&r.score.bid, r)).collect();
    for entry in &after.ranking {
        let old_values = earlier
            .get(&entry.score.bid)
            .map(|old| values(old, &before.tender, award_before.as_ref()))
            .unwrap_or_default();
        let new_values = values(entry, &after.tender, award_after.as_ref());
        let mut changes = Vec::new();
        // Every field either version has, in the later version's order, then the ones that
        // disappeared (a bid that became set aside loses its points). A bid has a handful
        // of fields, so they are looked up by scanning.
        let mut fields: Vec<Field<'_>> = new_values.iter().map(|(f, _)| *f).collect();
        fields.extend(
            old_values
                .iter()
                .map(|(f, _)| *f)
                .filter(|f| !new_values.iter().any(|(n, _)| n == f)),
        );
        let value_in = |list: &[(Field<'_>, Option<Value>)], field: Field<'_>| {
            list.iter().find(|(f, _)| *f == field).and_then(|(_, v)| *v)
        };
        for field in fields {
            let was = value_in(&old_values, field);
            let is = value_in(&new_values, field);
            if was != is {
                if matches!(field, Field::Rank | Field::Status) {
                    ranking_changed = true;
                }
                if matches!(field, Field::Award | Field::Share | Field::Volume) {
                    award_changed = true;
                }
                changes.push(FieldChange {
                    field: field.to_string(),
                    before: was.map(|v| v.to_string()),
                    after: is.map(|v| v.to_string()),
                });
            }
        }
        if !changes.is_empty() {
            bids.push(BidChange {
                bid: entry.score.bid.0.clone(),
                bidder: entry.score.bidder.to_string(),
                changes,
            });
        }
    }
    let (winners_before, winners_after) = (winners(before), winners(after));
    let awarded = |e: &Evaluation| {
        e.award
            .as_ref()
            .map(|a| a.awarded().map(|b| b.bid.0.clone()).collect::<Vec<_>>())
    };
    let (awarded_before, awarded_after) = (awarded(before), awarded(after));
    // A tender that gains or loses its [award] changes the award too.
    award_changed |= awarded_before != awarded_after;
    Comparison {
        awarded_before,
        awarded_after,
        award_changed,
        winner_changed: winners_before != winners_after,
        winners_before,
        winners_after,
        ranking_changed,
        bids,
    }
}

/// Loads one tender folder and scores every version; a tender split into lots, lot by
/// lot (in the tender's order of lots). A problem in any lot fails the folder, with the
/// problems of every lot, each once.
pub fn rescore(dir: &Path, models: &ModelSearch) -> Result<Vec<TenderRescore>, Invalid> {
    let lots = crate::input::lot_ids(dir);
    if lots.is_empty() {
        return rescore_view(dir, models, None).map(|r| vec![r]);
    }
    let mut done = Vec::new();
    let mut problems: Option<Invalid> = None;
    for lot in &lots {
        match rescore_view(dir, models, Some(lot)) {
            Ok(r) => done.push(r),
            Err(invalid) => match &mut problems {
                Some(all) => all.absorb(invalid),
                None => problems = Some(invalid),
            },
        }
    }
    problems.map_or(Ok(done), Err)
}

fn rescore_view(
    dir: &Path,
    models: &ModelSearch,
    lot: Option<&str>,
) -> Result<TenderRescore, Invalid> {
    let view = crate::input::View { lot, round: None };
    let mut tender = super::load_view(dir, models, view)?;
    // The warnings are shown in the files' texts; those are let go before scoring.
    let warnings = tender.warnings().render();
    tender.release_texts();
    let numbers: Vec<u32> = tender.versions().iter().map(|v| v.number).collect();
    // Version by version, each one's bids taken and let go as they are scored, and each
    // evaluation kept only until the next is compared with it: never more than two held.
    let mut steps = Vec::new();
    let mut previous: Option<Evaluation> = None;
    // Names by id from every version: a criterion a rettelsesblad removed is still named.
    let mut bidders = std::collections::BTreeMap::new();
    let mut criteria = std::collections::BTreeMap::new();
    for number in numbers {
        let Some(after) = evaluate_once(&mut tender, number) else {
            continue;
        };
        for r in &after.ranking {
            bidders.insert(r.score.bid.0.clone(), r.score.bidder.to_string());
        }
        for c in &after.tender.criteria {
            criteria.insert(c.id.to_string(), c.name.clone());
        }
        if let Some(before) = &previous {
            steps.push(step(before, &after));
        }
        previous = Some(after);
    }
    let latest = &tender.latest().tender;
    Ok(TenderRescore {
        dir: dir.display().to_string(),
        tender: latest.id.clone(),
        lot: lot.map(str::to_string),
        title: latest.title.clone(),
        versions: u32::try_from(tender.versions().len()).unwrap_or(u32::MAX),
        steps,
        flags: tender.flags.clone(),
        paths: tender.paths().to_vec(),
        warnings,
        language: latest.language,
        currency: latest.currency.clone(),
        bidders: bidders.into_iter().collect(),
        criteria: criteria.into_iter().collect(),
    })
}

/// From the evaluation of one version to the next's: the rettelsesblad between them and
/// what it changed.
fn step(before: &Evaluation, after: &Evaluation) -> Step {
    let last = after.applied.last();
    Step {
        from: before.version,
        to: after.version,
        rettelsesblad: last
            .map(|r| format!("rettelsesblad {} of {}: {}", r.number, r.date, r.title))
            .unwrap_or_default(),
        issued: last.map(|r| Issued {
            number: r.number,
            date: r.date,
            title: r.title.clone(),
        }),
        changes: compare(before, after),
    }
}

/// Re-scores every tender in parallel over the machine's cores. `done` is called once per
/// tender as it finishes (for a progress bar); the results keep the order of `dirs`, one
/// per folder.
pub fn rescore_all(
    dirs: &[PathBuf],
    models: &ModelSearch,
    done: &(dyn Fn() + Sync),
) -> Vec<Result<Vec<TenderRescore>, Invalid>> {
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
    /// Tenders (or lots) whose awarded suppliers or shares changed.
    pub award_changed: Vec<String>,
    pub ranking_changed: Vec<String>,
    pub flagged: Vec<String>,
}

fn summary(results: &[TenderRescore]) -> Summary {
    // A lot is named with its tender: `kk-samlet-udbud-2019/hjerneskade`.
    let ids = |pick: &dyn Fn(&TenderRescore) -> bool| {
        results
            .iter()
            .filter(|r| pick(r))
            .map(|r| match &r.lot {
                Some(lot) => format!("{}/{lot}", r.tender),
                None => r.tender.clone(),
            })
            .collect()
    };
    let folders: std::collections::BTreeSet<&str> =
        results.iter().map(|r| r.dir.as_str()).collect();
    Summary {
        tenders: folders.len(),
        failed: 0,
        versions: results.iter().map(|r| r.versions).sum(),
        winner_changed: ids(&|r| r.winner_changed()),
        award_changed: ids(&|r| r.award_changed()),
        ranking_changed: ids(&|r| r.ranking_changed()),
        flagged: ids(&|r| !r.flags.is_empty()),
    }
}
