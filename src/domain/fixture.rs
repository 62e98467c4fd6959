//! The reference tender built in code, for unit tests of the pure core.

use super::*;
use crate::values::ModelRounding;
pub fn d(text: &str) -> Decimal {
    text.parse().expect("test decimal")
}

fn rule<A>(action: A) -> Rule<A> {
    Rule {
        action,
        source: Some("Bilag B pkt. 1.2.1".into()),
        text: None,
    }
}

fn criterion(id: &str, parent: Option<usize>, weight: &str, kind: CriterionKind) -> Criterion {
    Criterion {
        id: CriterionId(id.into()),
        name: id.into(),
        parent,
        weight: Percent::new(d(weight)),
        share: Share::WHOLE,
        source: None,
        kind,
        scale: None,
        length_limit: None,
    }
}

fn line(min: &str, max: &str) -> CriterionKind {
    CriterionKind::Price(PriceLine {
        unit: "unit".into(),
        band: Some(PriceBand {
            min: Money::new(d(min)),
            max: Money::new(d(max)),
        }),
        target: None,
    })
}

/// Kvalitet 90 % (indsats 65 %, samarbejde 35 %), pris 10 % (spor1 370–430 and spor2
/// 1100–1300, 50 % each); øre up, clamping, missing → max; 8 points at min, 0 at max.
pub fn reference_tender() -> Tender {
    let mut criteria = vec![
        criterion("kvalitet", None, "90", CriterionKind::Group),
        criterion("indsats", Some(0), "65", CriterionKind::Quality),
        criterion("samarbejde", Some(0), "35", CriterionKind::Quality),
        criterion("pris", None, "10", CriterionKind::Group),
        criterion("spor1", Some(3), "50", line("370", "430")),
        criterion("spor2", Some(3), "50", line("1100", "1300")),
    ];
    set_shares(&mut criteria);
    Tender {
        language: Language::Da,
        standstill_days: 10,
        id: "test".into(),
        title: "test".into(),
        authority: "test".into(),
        currency: "DKK".into(),
        deadline: "2023-10-02T12:00:00+02:00".into(),
        deadline_at: "2023-10-02T12:00:00+02:00".parse().expect("deadline"),
        deadline_date: jiff::civil::date(2023, 10, 2),
        scale: Scale {
            min: Points::new(d("0")),
            max: Points::new(d("10")),
            descriptors: Vec::new(),
        },
        quality: QualityRules::default(),
        criteria,
        price_rules: PriceRules {
            whole_kroner: rule(Some(RoundingMode::Up)),
            below_min: Some(rule(OutOfBand::Clamp)),
            above_max: Some(rule(OutOfBand::Clamp)),
            missing: rule(MissingPrice::Max),
            volumes: None,
            abnormally_low: None,
        },
        conformity: Conformity {
            declared_reservation: Some(rule(Decision::Reject)),
            found_reservation: Some(rule(Decision::Reject)),
            citizen_reservation: Some(rule(Decision::Reject)),
            alternative_bid: Some(rule(Decision::Reject)),
            late_bid: Some(rule(Decision::Reject)),
            unclear_declaration: Some(rule(Decision::Review)),
            length_limit: Some(rule(LengthLimit {
                pages: Decimal::from(20),
                characters_per_page: 2400,
            })),
        },
        model: ScoringModel {
            name: "kk-minmax-8".into(),
            title: "test".into(),
            source: None,
            method: crate::domain::Method::Anchors(vec![
                crate::domain::Anchor {
                    price: AnchorPrice::Min,
                    points: Points::new(d("8")),
                },
                crate::domain::Anchor {
                    price: AnchorPrice::Max,
                    points: Points::new(d("0")),
                },
            ]),
            rounding: ModelRounding::To(Rounding {
                decimals: 2,
                mode: RoundingMode::HalfUp,
            }),
        },
        tie_break: rule(Vec::new()),
        total_rounding: None,
        decisions: Default::default(),
        contract: None,
        requirements: Vec::new(),
        award: None,
        lots: Vec::new(),
        lot: None,
        lot_limit: None,
        rounds: Vec::new(),
        round: 1,
    }
}

/// A compliant bid with the given prices (`None`: missing) and quality points.
pub fn bid(
    id: &str,
    spor1: Option<&str>,
    spor2: Option<&str>,
    indsats: &str,
    samarbejde: &str,
) -> Bid {
    let mut prices = litemap::LiteMap::new();
    for (line, price) in [("spor1", spor1), ("spor2", spor2)] {
        if let Some(price) = price {
            prices.insert(CriterionId(line.into()), Money::new(d(price)));
        }
    }
    let points = litemap::LiteMap::from_iter([
        (CriterionId("indsats".into()), Points::new(d(indsats))),
        (CriterionId("samarbejde".into()), Points::new(d(samarbejde))),
    ]);
    Bid {
        id: BidId(id.into()),
        file: format!("bids/{id}.toml"),
        bidder: id.into(),
        // Distinct bidders have distinct CVR numbers (the same one twice is a duplicate).
        cvr: format!(
            "{:08}",
            id.bytes()
                .fold(7u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
                % 100_000_000
        ),
        submitted: "2023-10-01T12:00:00+02:00".into(),
        submitted_at: "2023-10-01T12:00:00+02:00".parse().expect("submitted"),
        declaration: Declaration::No,
        declaration_written: "no".into(),
        reservations_found: Vec::new(),
        solution_descriptions: 1,
        quality_characters: None,
        criterion_characters: BTreeMap::new(),
        lines: Default::default(),
        prices,
        points,
        panels: BTreeMap::new(),
        requirements: BTreeMap::new(),
        lots: Vec::new(),
        round: 1,
        earlier: Vec::new(),
    }
}
