//! Simulation for tender designers: random bids scored exactly under a tender's rules,
//! to see before publishing how often price decides the winner.
//!
//! Contract: a pure function of a tender and [`Settings`]; no clock, no I/O. Run `r` draws
//! its bids from a ChaCha8 generator seeded with (seed, r), so the same settings give the
//! same result on every machine and with any number of threads; runs are scored in
//! parallel and summed in run order. Prices are drawn uniformly on the grid a bid can be
//! evaluated at (whole kroner where the price rules round to them, else øre), from
//! `spread` % of the band's width below its minimum to as far above its maximum, so the
//! price rules' corrections happen as they would; quality points uniformly in whole points
//! of each criterion's scale. Every bid is scored by the same code as `score`.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::domain::{Bid, BidId, CriterionId, CriterionKind, Declaration, Tender};
use crate::scoring::rank::{Ranked, rank};
use crate::scoring::reversal::rank_reversals;
use crate::scoring::score::{Outcome, score_all};
use crate::scoring::tabulate::{Band, ModelTable, tabulate};
use crate::values::{Money, Points};

/// What to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    pub bids: usize,
    pub runs: usize,
    pub seed: u64,
    /// How far outside the band prices are drawn, in % of the band's width.
    pub spread: u32,
    /// The prices drawn on a line without a band (nor a target): from, to.
    pub range: Option<(Money, Money)>,
}

/// What the runs showed.
#[derive(Clone, Debug, Serialize)]
pub struct Simulation {
    pub bids: usize,
    pub runs: usize,
    pub seed: u64,
    pub spread: u32,
    pub price_step: Money,
    /// Runs in which some bid was ranked.
    pub ranked_runs: usize,
    /// Runs in which the winner is not a bid with the best quality: price decided.
    pub price_changed_winner: usize,
    /// The mean share of the spread of weighted points that the price lines produced
    /// among the ranked bids; `None` under a money model.
    pub price_effective: Option<Decimal>,
    /// The price lines' stated share of the total.
    pub price_stated: Decimal,
    /// Under a relative model: runs in which some pair of bids reversed when a third was
    /// removed; `None` under other models, which cannot reverse, and above
    /// [`REVERSAL_BIDS`] bids per run, where it is not checked.
    pub reversal_runs: Option<usize>,
    /// Price → points on each price line with a band.
    pub tables: Vec<(CriterionId, ModelTable)>,
}

/// What one run showed.
struct Run {
    ranked: bool,
    price_decided: bool,
    price_share: Option<Decimal>,
    reversal: bool,
}

/// Simulates `settings.runs` tenders of `settings.bids` random bids each; refused, with
/// what to give, where a price line has neither a band nor a target and no range is given.
pub fn simulate(tender: &Tender, settings: Settings) -> Result<Simulation, String> {
    let step = super::price_step(tender).value();
    if settings.range.is_none()
        && let Some(line) = tender.criteria.iter().find(|c| {
            matches!(&c.kind, CriterionKind::Price(l) if l.band.is_none() && l.target.is_none())
        })
    {
        return Err(format!(
            "price line `{}` has neither a band nor a target, so nothing says what prices to draw: give --prices MIN-MAX",
            line.id
        ));
    }
    let runs: Vec<Run> = (0..settings.runs)
        .into_par_iter()
        .map(|r| {
            let mut rng = ChaCha8Rng::seed_from_u64(settings.seed);
            rng.set_stream(r as u64);
            one_run(tender, settings, step, &mut rng)
        })
        .collect();
    let ranked_runs = runs.iter().filter(|r| r.ranked).count();
    let shares: Vec<Decimal> = runs.iter().filter_map(|r| r.price_share).collect();
    let price_effective = (!tender.model.method.is_money() && !shares.is_empty())
        .then(|| shares.iter().sum::<Decimal>() / Decimal::from(shares.len()));
    let price_stated = price_leaves(tender)
        .iter()
        .map(|i| tender.criteria[*i].share.value())
        .sum();
    let tables = tender
        .criteria
        .iter()
        .filter_map(|c| match &c.kind {
            CriterionKind::Price(line) => {
                let band = line.band?;
                let target = line.target.unwrap_or(Money::new(
                    (band.min.value() + band.max.value()) / Decimal::TWO,
                ));
                Some((
                    c.id.clone(),
                    tabulate(
                        &tender.model,
                        Band {
                            min: band.min,
                            max: band.max,
                            target,
                        },
                    ),
                ))
            }
            _ => None,
        })
        .collect();
    Ok(Simulation {
        bids: settings.bids,
        runs: settings.runs,
        seed: settings.seed,
        spread: settings.spread,
        price_step: Money::new(step),
        ranked_runs,
        price_changed_winner: runs.iter().filter(|r| r.price_decided).count(),
        price_effective,
        price_stated,
        reversal_runs: checks_reversals(tender, settings)
            .then(|| runs.iter().filter(|r| r.reversal).count()),
        tables,
    })
}

/// The most bids per run whose rank reversals are checked: the check re-scores the run
/// without each bid in turn, which grows fast with the number of bids.
pub const REVERSAL_BIDS: usize = 100;

/// Whether runs are checked for rank reversals: under a relative model, up to
/// [`REVERSAL_BIDS`] bids per run.
pub fn checks_reversals(tender: &Tender, settings: Settings) -> bool {
    tender.model.method.is_relative() && settings.bids <= REVERSAL_BIDS
}

fn price_leaves(tender: &Tender) -> Vec<usize> {
    tender
        .leaves()
        .into_iter()
        .filter(|i| matches!(tender.criteria[*i].kind, CriterionKind::Price(_)))
        .collect()
}

/// A whole multiple of `step` drawn uniformly from [low, high].
fn draw(rng: &mut ChaCha8Rng, low: Decimal, high: Decimal, step: Decimal) -> Decimal {
    let steps = ((high - low) / step).floor().to_u64().unwrap_or(0);
    low + Decimal::from(rng.random_range(0..=steps)) * step
}

fn one_run(tender: &Tender, settings: Settings, step: Decimal, rng: &mut ChaCha8Rng) -> Run {
    let spread = Decimal::from(settings.spread) / Decimal::ONE_HUNDRED;
    let bids: Vec<Bid> = (0..settings.bids)
        .map(|n| {
            let mut bid = blank_bid(tender, n);
            for criterion in &tender.criteria {
                match &criterion.kind {
                    CriterionKind::Price(line) => {
                        let (low, high) = match line.band {
                            Some(band) => {
                                let width = band.max.value() - band.min.value();
                                (
                                    (band.min.value() - width * spread).max(Decimal::ZERO),
                                    band.max.value() + width * spread,
                                )
                            }
                            // Without a band: the range given, else 50 %–150 % of the target
                            // (`simulate` refuses a line with neither).
                            None => match (settings.range, line.target) {
                                (Some((from, to)), _) => (from.value(), to.value()),
                                (None, Some(t)) => {
                                    (t.value() / Decimal::TWO, t.value() * Decimal::new(15, 1))
                                }
                                (None, None) => (Decimal::ZERO, Decimal::ZERO),
                            },
                        };
                        let low = (low / step).ceil() * step;
                        bid.prices
                            .insert(criterion.id.clone(), Money::new(draw(rng, low, high, step)));
                    }
                    CriterionKind::Quality => {
                        let scale = tender.scale_of(criterion);
                        let low = scale.min.value().ceil();
                        let points = draw(rng, low, scale.max.value(), Decimal::ONE);
                        bid.points.insert(criterion.id.clone(), Points::new(points));
                    }
                    CriterionKind::Group => {}
                }
            }
            bid
        })
        .collect();
    let ranking = rank(score_all(tender, &bids), &tender.tie_break.action);
    let ranked: Vec<&Ranked> = ranking.iter().filter(|r| r.rank.is_some()).collect();
    let quality = |r: &Ranked| -> Decimal {
        let Outcome::Scored {
            criteria,
            evaluation,
            ..
        } = &r.score.outcome
        else {
            return Decimal::ZERO;
        };
        // Under a money model: Q, the weighted mean of the quality points.
        if let Some(evaluation) = evaluation {
            return evaluation.quality.value();
        }
        criteria
            .iter()
            .filter(|c| {
                tender
                    .criterion(&c.criterion.0)
                    .is_some_and(|k| k.kind == CriterionKind::Quality)
            })
            .map(|c| c.weighted.value())
            .sum()
    };
    let best_quality = ranked.iter().map(|r| quality(r)).max();
    let price_decided = best_quality.is_some_and(|best| {
        !ranked
            .iter()
            .filter(|r| r.rank == Some(1))
            .any(|r| quality(r) == best)
    });
    Run {
        ranked: !ranked.is_empty(),
        price_decided,
        price_share: price_share(tender, &ranked),
        reversal: checks_reversals(tender, settings) && !rank_reversals(tender, &bids).is_empty(),
    }
}

/// The price lines' share of the spread of weighted points among the ranked bids: the
/// sum of their shares in [`super::spread`].
fn price_share(tender: &Tender, ranked: &[&Ranked]) -> Option<Decimal> {
    let spread = super::spread(tender, ranked);
    let prices = price_leaves(tender);
    let mut share = None;
    for s in &spread {
        if prices.iter().any(|i| tender.criteria[*i].id == s.criterion) {
            *share.get_or_insert(Decimal::ZERO) += s.effective?;
        }
    }
    share
}

fn blank_bid(tender: &Tender, n: usize) -> Bid {
    let id = format!("bid-{:06}", n + 1);
    Bid {
        id: BidId(id.clone()),
        file: format!("{id}.toml"),
        bidder: format!("Tilbudsgiver {}", n + 1).into(),
        cvr: format!("{:08}", n + 1),
        submitted: tender.deadline.clone(),
        submitted_at: tender.deadline_at,
        declaration: Declaration::No,
        declaration_written: "no".into(),
        reservations_found: Vec::new(),
        solution_descriptions: 1,
        quality_characters: None,
        criterion_characters: Default::default(),
        lines: Default::default(),
        prices: Default::default(),
        points: Default::default(),
        panels: Default::default(),
        requirements: Default::default(),
        lots: Vec::new(),
        round: 1,
        earlier: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixture::reference_tender;

    #[test]
    fn the_same_seed_gives_the_same_result_and_another_seed_another() {
        let tender = reference_tender();
        let settings = Settings {
            bids: 5,
            runs: 40,
            seed: 7,
            spread: 10,
            range: None,
        };
        let a = simulate(&tender, settings).expect("banded lines");
        let b = simulate(&tender, settings).expect("banded lines");
        assert_eq!(a.price_changed_winner, b.price_changed_winner);
        assert_eq!(a.price_effective, b.price_effective);
        let c = simulate(
            &tender,
            Settings {
                seed: 8,
                ..settings
            },
        )
        .expect("banded lines");
        assert_ne!(
            (a.price_changed_winner, a.price_effective),
            (c.price_changed_winner, c.price_effective)
        );
        // Every run has five bids with prices clamped into the band: all ranked.
        assert_eq!(a.ranked_runs, 40);
        // Fixed anchors cannot reverse.
        assert_eq!(a.reversal_runs, None);
        // Price is 10 % of the total: its share of the spread lies between 0 and 1.
        let share = a.price_effective.expect("a points model");
        assert!(share > Decimal::ZERO && share < Decimal::ONE, "{share}");
        assert_eq!(a.price_stated, Decimal::new(1, 1));
    }
}
