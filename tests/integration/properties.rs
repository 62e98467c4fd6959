//! Property tests of the invariants, on the reference tender loaded from its files.

use std::path::Path;
use std::str::FromStr;
use std::sync::OnceLock;

use proptest::prelude::*;
use rust_decimal::Decimal;
use tenderscore::domain::{Bid, CriterionId, Tender};
use tenderscore::load::{ModelSearch, load};
use tenderscore::model::Field;
use tenderscore::rank::rank;
use tenderscore::score::{score_bid, total_bounds};
use tenderscore::units::{Money, Points};

use crate::fixture::{REFERENCE, repo};

fn reference() -> &'static (Tender, Vec<Bid>) {
    static LOADED: OnceLock<(Tender, Vec<Bid>)> = OnceLock::new();
    LOADED.get_or_init(|| {
        let loaded = load(&repo().join(Path::new(REFERENCE)), &ModelSearch::default())
            .expect("reference tender is valid");
        // Version 0: the tender as published, whose numbers the tests compute by hand.
        let v0 = loaded.version(0).expect("version 0").clone();
        (v0.tender, v0.bids)
    })
}

/// A price in øre from 0 to 2 000 kr., as a decimal with two places.
fn price() -> impl Strategy<Value = Decimal> {
    (0i64..=200_000).prop_map(|ore| Decimal::new(ore, 2))
}

/// A compliant bid of the reference tender to vary.
fn template() -> Bid {
    reference()
        .1
        .iter()
        .find(|b| b.id.0 == "ny-start")
        .expect("ny-start")
        .clone()
}

fn line_price_points(tender: &Tender, line: &str, price: Decimal) -> Points {
    let mut bid = template();
    bid.declaration = tenderscore::domain::Declaration::No;
    bid.prices.insert(CriterionId(line.into()), Money(price));
    let score = score_bid(tender, &bid);
    match score.outcome {
        tenderscore::score::Outcome::Scored { prices, .. } => {
            prices.iter().find(|p| p.line.0 == line).unwrap().points
        }
        tenderscore::score::Outcome::SetAside { findings, .. } => panic!("set aside: {findings:?}"),
    }
}

fn bid_strategy() -> impl Strategy<Value = Bid> {
    (
        proptest::option::of(price()),
        proptest::option::of(price()),
        0i64..=100,
        0i64..=100,
        "[a-z]{1,8}",
    )
        .prop_map(|(spor1, spor2, indsats, samarbejde, id)| {
            let mut bid = template();
            bid.id = tenderscore::domain::BidId(id.clone());
            bid.bidder = id;
            bid.declaration = tenderscore::domain::Declaration::No;
            bid.prices.clear();
            for (line, p) in [("spor1", spor1), ("spor2", spor2)] {
                if let Some(p) = p {
                    bid.prices.insert(CriterionId(line.into()), Money(p));
                }
            }
            // Quality points from 0 to 10 in steps of 0.1.
            bid.points.insert(
                CriterionId("indsats".into()),
                Points(Decimal::new(indsats, 1)),
            );
            bid.points.insert(
                CriterionId("samarbejde".into()),
                Points(Decimal::new(samarbejde, 1)),
            );
            bid
        })
}

proptest! {
    #[test]
    fn a_lower_price_never_earns_fewer_points(a in price(), b in price(), line in prop_oneof![Just("spor1"), Just("spor2")]) {
        let tender = &reference().0;
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(line_price_points(tender, line, low) >= line_price_points(tender, line, high));
    }

    #[test]
    fn interpolation_stays_between_the_anchor_points(p in price()) {
        let tender = &reference().0;
        let line = match &tender.criterion("spor1").unwrap().kind {
            tenderscore::domain::CriterionKind::Price(line) => line.clone(),
            _ => unreachable!(),
        };
        let any = Field { lowest: Money(p), highest: Money(p) };
        let exact = tender.model.calculate(&line, Money(p), any).exact;
        prop_assert!(exact >= Decimal::ZERO && exact <= Decimal::from(8));
    }

    #[test]
    fn every_total_lies_within_the_bounds(bid in bid_strategy()) {
        let tender = &reference().0;
        let (low, high) = total_bounds(tender);
        let total = score_bid(tender, &bid).total().expect("compliant bid is scored");
        prop_assert!(low <= total && total <= high, "{} not in {}..{}", total, low, high);
    }

    #[test]
    fn the_order_of_the_bids_changes_nothing(bids in proptest::collection::vec(bid_strategy(), 1..12), seed in any::<u64>()) {
        let tender = &reference().0;
        // Distinct ids, as distinct file names guarantee.
        let mut bids = bids;
        for (i, bid) in bids.iter_mut().enumerate() {
            bid.id = tenderscore::domain::BidId(format!("{}-{i}", bid.id));
        }
        let forward = rank(tenderscore::score::score_all(tender, &bids), &tender.tie_break.action);
        let mut shuffled = bids.clone();
        // A deterministic shuffle driven by the seed.
        let n = shuffled.len();
        for i in (1..n).rev() {
            let j = (seed.rotate_left(i as u32) as usize) % (i + 1);
            shuffled.swap(i, j);
        }
        let reordered = rank(tenderscore::score::score_all(tender, &shuffled), &tender.tie_break.action);
        prop_assert_eq!(forward, reordered);
    }

    #[test]
    fn a_rejected_bid_leaves_the_others_unchanged(bids in proptest::collection::vec(bid_strategy(), 1..8), extra in bid_strategy()) {
        let tender = &reference().0;
        let mut bids = bids;
        for (i, bid) in bids.iter_mut().enumerate() {
            bid.id = tenderscore::domain::BidId(format!("{}-{i}", bid.id));
        }
        let without = rank(tenderscore::score::score_all(tender, &bids), &tender.tie_break.action);
        let mut rejected = extra;
        rejected.id = tenderscore::domain::BidId("rejected".into());
        rejected.declaration = tenderscore::domain::Declaration::Yes;
        bids.push(rejected);
        let with = rank(tenderscore::score::score_all(tender, &bids), &tender.tie_break.action);
        prop_assert_eq!(&with[..without.len()], &without[..]);
        prop_assert_eq!(with.last().unwrap().rank, None);
    }
}

#[test]
fn exact_decimals_survive_the_file() {
    // 448.05 is not representable in binary; the bid file's text must come through exactly.
    let (_, bids) = reference();
    let job = bids.iter().find(|b| b.id.0 == "job-og-trivsel").unwrap();
    assert_eq!(
        job.prices[&CriterionId("spor1".into())],
        Money(Decimal::from_str("448.05").unwrap())
    );
}

proptest! {
    #[test]
    fn fixed_anchor_points_do_not_depend_on_the_other_bids(bids in proptest::collection::vec(bid_strategy(), 1..8)) {
        let tender = &reference().0;
        let mut bids = bids;
        for (i, bid) in bids.iter_mut().enumerate() {
            bid.id = tenderscore::domain::BidId(format!("{}-{i}", bid.id));
        }
        let together = tenderscore::score::score_all(tender, &bids);
        for (bid, in_field) in bids.iter().zip(&together) {
            prop_assert_eq!(&score_bid(tender, bid), in_field);
        }
        prop_assert!(tenderscore::reversal::rank_reversals(tender, &bids).is_empty());
    }
}

proptest! {
    #[test]
    fn money_model_results_do_not_depend_on_the_other_bids(bids in proptest::collection::vec(bid_strategy(), 1..8)) {
        // The reference tender with a money model and its lines combined by volume.
        let mut tender = reference().0.clone();
        tender.model.method = tenderscore::model::Method::MoneyPerPoint { amount: Money(Decimal::from(5000)), deduction: false };
        tender.price_rules.volumes = Some(
            [("spor1", Decimal::from(130)), ("spor2", Decimal::new(65, 1))]
                .into_iter()
                .map(|(id, q)| (CriterionId(id.into()), q))
                .collect(),
        );
        let mut bids = bids;
        for (i, bid) in bids.iter_mut().enumerate() {
            bid.id = tenderscore::domain::BidId(format!("{}-{i}", bid.id));
        }
        let together = tenderscore::score::score_all(&tender, &bids);
        for (bid, in_field) in bids.iter().zip(&together) {
            prop_assert_eq!(&score_bid(&tender, bid), in_field);
            prop_assert!(in_field.standing().is_some_and(|s| matches!(s, tenderscore::score::Standing::Price(_))));
        }
        prop_assert!(tenderscore::reversal::rank_reversals(&tender, &bids).is_empty());
    }
}

/// Every points method of the shipped library, for the properties below.
fn points_methods() -> Vec<tenderscore::model::Method> {
    use tenderscore::model::Method;
    let ten = Points(Decimal::from(10));
    vec![
        reference().0.model.method.clone(),
        Method::RelativeToLowest {
            max: ten,
            slope: Decimal::ONE,
            floor_at_zero: true,
        },
        Method::RelativeToLowest {
            max: ten,
            slope: Decimal::new(75, 2),
            floor_at_zero: false,
        },
        Method::Proportional { max: ten },
        Method::LowestToHighest { max: ten },
    ]
}

proptest! {
    /// Against the same field of other bids, a lower price never earns fewer points, under
    /// every method.
    #[test]
    fn under_every_method_a_lower_price_never_earns_fewer_points(a in 37_000i64..=43_000, b in 37_000i64..=43_000, low in 37_000i64..=43_000) {
        let mut tender = reference().0.clone();
        let line = match &tender.criterion("spor1").unwrap().kind {
            tenderscore::domain::CriterionKind::Price(line) => line.clone(),
            _ => unreachable!(),
        };
        let (a, b) = (Decimal::new(a.min(b), 2), Decimal::new(a.max(b), 2));
        // The field: the lowest price at most the cheaper bid, the highest at least the dearer.
        let field = Field { lowest: Money(Decimal::new(low, 2).min(a)), highest: Money(b) };
        for method in points_methods() {
            tender.model.method = method;
            let cheaper = tender.model.calculate(&line, Money(a), field).exact;
            let dearer = tender.model.calculate(&line, Money(b), field).exact;
            prop_assert!(cheaper >= dearer, "{:?}: {} at {} < {} at {}", tender.model.method, cheaper, a, dearer, b);
        }
    }
}
