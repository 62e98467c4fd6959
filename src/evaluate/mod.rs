//! The evaluation of a loaded tender: every version scored, ranked and annotated.
//!
//! Contract: [`load`] loads a tender and finishes checking it — the problems that depend
//! on the scoring rules (quality points missing from a bid whose quality is read) and the
//! legal check of its rettelsesblade; [`evaluate`] turns one version of a [`Ready`] tender
//! into an [`Evaluation`], the one value every report renders. Every command that shows a
//! result goes through these two functions, and so does `rescore`.

pub mod rescore;
pub mod rounds;

use std::collections::BTreeSet;

use crate::domain::{Bid, BidId, Rettelsesblad, Tender};
use std::path::Path;

use crate::input::diag::{Diagnostic, Report, dedup};
use crate::input::{self, InputFile, Invalid, Loaded, MissingPoints, ModelSearch, Version, View};
use crate::legal::{LegalFlag, check_rettelsesblad, legal_notes};
use crate::scoring::award::{AwardResult, LotRanking, award, lot_limit};
use crate::scoring::rank::{Ranked, rank, rank_in_place};
use crate::scoring::reversal::{Reversals, rank_reversals};
use crate::scoring::score::{reads_quality, score_all, score_refs_into, score_taking_into};
use crate::scoring::tree::{EffectiveWeight, effective_weights, total_bounds};
use crate::values::Points;

/// A loaded tender with no problem left in any version: every bid whose quality is read
/// has points for every quality criterion.
#[derive(Clone, Debug)]
pub struct Ready {
    loaded: Loaded,
    /// In a lot of a tender with a lot limit: every other lot, loaded, to tell which
    /// bidders the limit passes over in this one.
    other_lots: Vec<Ready>,
    /// Rettelsesblade that change the evaluation too close to (or after) the deadline.
    pub flags: Vec<LegalFlag>,
}

impl Ready {
    /// Version 0 first; never empty.
    pub fn versions(&self) -> &[Version] {
        &self.loaded.versions
    }

    /// The version after every rettelsesblade: the tender in force.
    pub fn latest(&self) -> &Version {
        self.loaded.latest()
    }

    pub fn version(&self, number: u32) -> Option<&Version> {
        self.loaded.version(number)
    }

    /// What loading found that does not stop the run, to show beside the report.
    pub fn warnings(&self) -> Report<'_> {
        Report {
            sources: &self.loaded.sources,
            diagnostics: &self.loaded.warnings,
        }
    }

    /// Every file read, to show a problem found later in (an order against the contract).
    pub fn sources(&self) -> &crate::input::diag::Sources {
        &self.loaded.sources
    }

    /// Every file read, with its path, so no report overwrites one.
    pub fn paths(&self) -> &[std::path::PathBuf] {
        &self.loaded.paths
    }

    /// The device and inode of every file read (on Unix), taken while it was open.
    pub fn identities(&self) -> &[crate::input::FileIdentity] {
        &self.loaded.identities
    }

    /// Lets go of the files' texts, kept only to show a problem in: show or render
    /// [`Ready::warnings`] first.
    pub fn release_texts(&mut self) {
        self.loaded.sources = crate::input::diag::Sources::default();
    }

    /// For a caller that evaluates once and then lets the tender go: the files read and
    /// the inputs with their checksums, taken out rather than copied, and the files' texts
    /// (kept only to show a problem in) let go, so none of them is held twice or longer
    /// than needed. Show [`Ready::warnings`] first: they are shown in those texts.
    pub fn release(&mut self) -> Released {
        self.release_texts();
        Released {
            paths: std::mem::take(&mut self.loaded.paths),
            identities: std::mem::take(&mut self.loaded.identities),
            inputs: std::mem::take(&mut self.loaded.inputs),
        }
    }
}

/// What [`Ready::release`] hands over: the files read, their identities and the inputs
/// with their checksums.
pub struct Released {
    pub paths: Vec<std::path::PathBuf>,
    pub identities: Vec<crate::input::FileIdentity>,
    pub inputs: Vec<InputFile>,
}

/// Loads a tender folder and finishes its checks: every problem of every file and
/// version, or the tender ready to evaluate.
///
/// Points are needed only for a bid whose quality is read: one set aside unread (a
/// declared reservation, say) needs none (Bilag C.1 pkt. 1.2 of the reference tender).
/// Which bids are read is the scoring rules' decision, so it is asked of them here, after
/// validation and never during it; missing points are listed with the other problems of
/// the run.
pub fn load(dir: &Path, models: &ModelSearch) -> Result<Ready, Invalid> {
    load_view(dir, models, View::default())
}

/// [`load`] for one lot of a tender with lots (`None`: a tender without) and one
/// negotiation round. Where the tender limits the lots per bidder, every other lot is
/// loaded too, in the same round.
pub fn load_view(dir: &Path, models: &ModelSearch, view: View<'_>) -> Result<Ready, Invalid> {
    let mut ready = load_one(dir, models, view)?;
    let round = Some(ready.latest().tender.round);
    let tender = &ready.latest().tender;
    if let Some(lot) = view.lot
        && tender.lot_limit.is_some()
    {
        let others: Vec<String> = tender
            .lots
            .iter()
            .filter(|l| l.id != lot)
            .map(|l| l.id.clone())
            .collect();
        for other in others {
            let loaded = load_one(
                dir,
                models,
                View {
                    lot: Some(&other),
                    round,
                },
            )?;
            ready.other_lots.push(loaded);
        }
    }
    Ok(ready)
}

fn load_one(dir: &Path, models: &ModelSearch, view: View<'_>) -> Result<Ready, Invalid> {
    match input::load_view(dir, models, view) {
        Ok(mut loaded) => {
            let missing = unread_points(std::mem::take(&mut loaded.missing_points));
            if missing.is_empty() {
                let flags = rettelsesblad_flags(&loaded);
                Ok(Ready {
                    loaded,
                    flags,
                    other_lots: Vec::new(),
                })
            } else {
                let mut diagnostics = missing;
                diagnostics.extend(loaded.warnings);
                Err(Invalid {
                    sources: loaded.sources,
                    diagnostics,
                    missing_points: Vec::new(),
                })
            }
        }
        Err(mut invalid) => {
            let missing = unread_points(std::mem::take(&mut invalid.missing_points));
            invalid.diagnostics.extend(missing);
            dedup(&mut invalid.diagnostics);
            Err(invalid)
        }
    }
}

/// The tender's award: its `[award]`, or in a lot under a lot limit one supplier, so the
/// report shows whom the limit passes over.
fn award_of(tender: &Tender) -> Option<crate::domain::Rule<crate::domain::Award>> {
    tender.award.clone().or_else(|| {
        tender
            .lot_limit
            .is_some()
            .then(crate::domain::Award::single_supplier)
    })
}

impl Ready {
    /// The bids the lot limit passes over in this lot, in version `number`: empty without
    /// lots or a limit. Every lot is scored and ranked in that version to tell.
    pub fn passed_over(&self, number: u32) -> BTreeSet<BidId> {
        let Some(this) = self.version(number) else {
            return BTreeSet::new();
        };
        let (Some(limit), Some(current)) = (&this.tender.lot_limit, this.tender.lot) else {
            return BTreeSet::new();
        };
        // Every lot in the tender's order: this one and the others.
        let mut versions: Vec<&Version> = self
            .other_lots
            .iter()
            .filter_map(|r| r.version(number))
            .collect();
        versions.push(this);
        versions.sort_by_key(|v| v.tender.lot);
        let rankings: Vec<Vec<Ranked>> = versions
            .iter()
            .map(|v| rank(score_all(&v.tender, &v.bids), &v.tender.tie_break.action))
            .collect();
        let lots: Vec<LotRanking<'_>> = versions
            .iter()
            .zip(&rankings)
            .map(|(v, ranking)| LotRanking {
                award: award_of(&v.tender).unwrap_or_else(crate::domain::Award::single_supplier),
                ranking,
                priorities: v.bids.iter().map(|b| (&b.id, b.lots.as_slice())).collect(),
                id: v.tender.current_lot().map_or("", |l| l.id.as_str()),
            })
            .collect();
        let passed = lot_limit(&limit.action, &lots);
        versions
            .iter()
            .position(|v| v.tender.lot == Some(current))
            .and_then(|i| passed.into_iter().nth(i))
            .unwrap_or_default()
    }
}

/// The diagnostics of the points missing from bids whose quality is read.
fn unread_points(missing: Vec<MissingPoints>) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for m in missing {
        if reads_quality(&m.tender, &m.bid) {
            diagnostics.extend(m.diagnostics);
        }
    }
    dedup(&mut diagnostics);
    diagnostics
}

/// The rettelsesblade that change the evaluation too close to the deadline of the version
/// they make.
fn rettelsesblad_flags(loaded: &Loaded) -> Vec<LegalFlag> {
    loaded
        .versions
        .iter()
        .skip(1)
        .filter_map(|v| {
            let rettelsesblad = v.applied.last()?;
            check_rettelsesblad(rettelsesblad, v.tender.deadline_date, &v.tender.deadline)
        })
        .collect()
}

/// The whole evaluation of one version of one tender.
#[derive(Clone, Debug)]
pub struct Evaluation {
    pub tender: Tender,
    /// The version scored: 0 as published, N after rettelsesblad N.
    pub version: u32,
    /// Whether it is the latest version (the tender in force).
    pub latest: bool,
    /// The rettelsesblade applied, in number order.
    pub applied: Vec<Rettelsesblad>,
    /// Rettelsesblade applied that change the evaluation too close to the deadline.
    pub flags: Vec<LegalFlag>,
    pub ranking: Vec<Ranked>,
    /// Where the tender awards several suppliers (`[award]`): who fills which place.
    pub award: Option<AwardResult>,
    /// Pairs of bids whose order depends on a third bid (relative price models only).
    pub reversals: Reversals,
    /// Legal risks of the price evaluation (the model, a price floor).
    pub legal_notes: Vec<String>,
    /// Where the criteria's points range differently: the weight each has in fact.
    pub effective_weights: Vec<EffectiveWeight>,
    /// The lowest and highest total a bid could reach under this tender.
    pub bounds: (Points, Points),
    pub inputs: Vec<InputFile>,
}

impl Evaluation {
    /// The bids ranked first: one winner, several where rank 1 is shared, none where
    /// every bid was set aside.
    pub fn winners(&self) -> Vec<&Ranked> {
        self.ranking.iter().filter(|r| r.rank == Some(1)).collect()
    }
}

/// Scores and ranks every bid of one version of a tender.
pub fn evaluate(ready: &Ready, version: &Version) -> Evaluation {
    let before = Before::of(ready, version, &version.bids);
    let bids: Vec<&Bid> = version.bids.iter().collect();
    let ranking = score_refs_into(&version.tender, &bids, Ranked::unranked);
    assemble(ready, version, before, ranking)
}

/// [`evaluate`] for a caller that evaluates version `number` once and then lets the tender
/// go: the version's bids are taken out of `ready`, and each is let go as soon as it is
/// scored, so the bids and their scores are never all held at once. `None` if the tender
/// has no such version.
pub fn evaluate_once(ready: &mut Ready, number: u32) -> Option<Evaluation> {
    let index = ready
        .loaded
        .versions
        .iter()
        .position(|v| v.number == number)?;
    let version = &ready.loaded.versions[index];
    let before = Before::of(ready, version, &version.bids);
    let bids = std::mem::take(&mut ready.loaded.versions[index].bids);
    let version = &ready.loaded.versions[index];
    let ranking = score_taking_into(&version.tender, bids, Ranked::unranked);
    Some(assemble(ready, version, before, ranking))
}

/// What is found from the bids of a version besides their own scores; found before they
/// are scored, so that they can be let go as they are.
struct Before {
    /// The bidders a limit on the lots per bidder passes over in this lot.
    passed_over: BTreeSet<BidId>,
    reversals: Reversals,
}

impl Before {
    fn of(ready: &Ready, version: &Version, bids: &[Bid]) -> Before {
        Before {
            passed_over: ready.passed_over(version.number),
            reversals: rank_reversals(&version.tender, bids),
        }
    }
}

/// The evaluation of a version from its bids' scores, ranked here.
fn assemble(
    ready: &Ready,
    version: &Version,
    before: Before,
    mut ranking: Vec<Ranked>,
) -> Evaluation {
    rank_in_place(&mut ranking, &version.tender.tie_break.action);
    Evaluation {
        bounds: total_bounds(&version.tender),
        award: award_of(&version.tender).map(|rule| award(&rule, &ranking, &before.passed_over)),
        ranking,
        reversals: before.reversals,
        legal_notes: legal_notes(&version.tender),
        effective_weights: effective_weights(&version.tender),
        tender: version.tender.clone(),
        version: version.number,
        latest: version.number == ready.latest().number,
        applied: version.applied.clone(),
        flags: ready
            .flags
            .iter()
            .filter(|f| f.rettelsesblad <= version.number)
            .cloned()
            .collect(),
        inputs: ready.loaded.inputs.clone(),
    }
}
