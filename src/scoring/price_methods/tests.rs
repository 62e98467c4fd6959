//! Unit tests of the price methods, each expected value computed by hand.

use super::*;
use crate::domain::AnchorPrice;
use crate::values::{Rounding, RoundingMode};

fn dec(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn model(method: Method) -> ScoringModel {
    ScoringModel {
        name: "m".into(),
        title: "m".into(),
        source: None,
        method,
        rounding: ModelRounding::To(Rounding {
            decimals: 2,
            mode: RoundingMode::HalfUp,
        }),
    }
}

fn line() -> PriceLine {
    PriceLine {
        unit: "day".into(),
        band: Some(crate::domain::PriceBand {
            min: Money::new(dec("370")),
            max: Money::new(dec("430")),
        }),
        target: Some(Money::new(dec("400"))),
    }
}

fn field(low: &str, high: &str) -> Field {
    Field {
        lowest: Money::new(dec(low)),
        highest: Money::new(dec(high)),
    }
}

fn exact(m: &ScoringModel, price: &str, f: Field) -> Decimal {
    m.calculate(&line(), Money::new(dec(price)), f).exact
}

#[test]
fn relative_to_lowest_with_both_floors() {
    let floored = model(Method::RelativeToLowest {
        max: Points::new(dec("10")),
        slope: dec("1"),
        floor_at_zero: true,
    });
    // 10 × (1 − (500 − 400) / (1 × 400)) = 10 × 0.75 = 7.5
    assert_eq!(exact(&floored, "500", field("400", "900")), dec("7.5"));
    // 10 × (1 − (900 − 400) / 400) = 10 × −0.25 = −2.5, floored: 0
    assert_eq!(exact(&floored, "900", field("400", "900")), dec("0"));
    let negative = model(Method::RelativeToLowest {
        max: Points::new(dec("10")),
        slope: dec("1"),
        floor_at_zero: false,
    });
    assert_eq!(exact(&negative, "900", field("400", "900")), dec("-2.5"));
    // Slope 75 %: 10 × (1 − 100 / (0.75 × 400)) = 10 × (1 − 1/3) = 6.666…
    let steep = model(Method::RelativeToLowest {
        max: Points::new(dec("10")),
        slope: dec("0.75"),
        floor_at_zero: true,
    });
    assert!(
        exact(&steep, "500", field("400", "500"))
            .to_string()
            .starts_with("6.666666")
    );
    // The lowest bid, a single bid, or all prices equal: M.
    assert_eq!(exact(&floored, "400", field("400", "400")), dec("10"));
    // A lowest price of 0: 10 at 0, 0 above it; never a division by zero.
    assert_eq!(exact(&floored, "0", field("0", "50")), dec("10"));
    assert_eq!(exact(&floored, "50", field("0", "50")), dec("0"));
}

#[test]
fn proportional_and_its_edges() {
    let m = model(Method::Proportional {
        max: Points::new(dec("10")),
    });
    // 10 × 400 / 800 = 5: twice the lowest price earns half the points.
    assert_eq!(exact(&m, "800", field("400", "800")), dec("5"));
    assert_eq!(exact(&m, "400", field("400", "800")), dec("10"));
    assert_eq!(exact(&m, "0", field("0", "800")), dec("10"));
    assert_eq!(exact(&m, "800", field("0", "800")), dec("0"));
}

#[test]
fn lowest_to_highest_and_its_edges() {
    let m = model(Method::LowestToHighest {
        max: Points::new(dec("10")),
    });
    // 10 × (500 − 450) / (500 − 400) = 5
    assert_eq!(exact(&m, "450", field("400", "500")), dec("5"));
    assert_eq!(exact(&m, "500", field("400", "500")), dec("0"));
    // One bid, or all prices equal: everyone has the lowest price.
    assert_eq!(exact(&m, "420", field("420", "420")), dec("10"));
}

#[test]
fn anchors_relative_to_a_target_price() {
    // 10 at target − 5 % (380), 8 at the target (400), 0 at target + 10 % (440).
    let pct = |p: &str| AnchorPrice::Target(dec(p));
    let m = model(Method::Anchors(vec![
        Anchor {
            price: pct("-5"),
            points: Points::new(dec("10")),
        },
        Anchor {
            price: pct("0"),
            points: Points::new(dec("8")),
        },
        Anchor {
            price: pct("10"),
            points: Points::new(dec("0")),
        },
    ]));
    let any = field("1", "1");
    // 390: 10 + (390 − 380) × (8 − 10) / (400 − 380) = 10 − 1 = 9
    assert_eq!(exact(&m, "390", any), dec("9"));
    // 420: 8 + (420 − 400) × (0 − 8) / (440 − 400) = 8 − 4 = 4
    assert_eq!(exact(&m, "420", any), dec("4"));
    assert_eq!(exact(&m, "370", any), dec("10"));
    let calculation = m.calculate(&line(), Money::new(dec("420")), any);
    assert_eq!(
        calculation.formula.to_string(),
        "8 + (420 − 400) × (0 − 8) / (440 − 400)"
    );
}

#[test]
fn money_models_turn_quality_into_kroner() {
    let per_point = model(Method::MoneyPerPoint {
        amount: Money::new(dec("5000")),
        deduction: false,
    });
    // 56 940 + (10 − 8.65) × 5 000 = 56 940 + 6 750 = 63 690
    let c = per_point
        .evaluation_price(
            Money::new(dec("56940")),
            Points::new(dec("8.65")),
            Points::new(dec("10")),
        )
        .unwrap();
    assert_eq!(
        (c.exact.value(), c.value.value().to_string()),
        (dec("63690"), "63690.00".to_string())
    );
    assert_eq!(c.formula.to_string(), "56940 + (10 − 8.65) × 5000");
    let deduction = model(Method::MoneyPerPoint {
        amount: Money::new(dec("5000")),
        deduction: true,
    });
    // 56 940 − 8.65 × 5 000 = 56 940 − 43 250 = 13 690; a negative result is allowed and kept.
    assert_eq!(
        deduction
            .evaluation_price(
                Money::new(dec("56940")),
                Points::new(dec("8.65")),
                Points::new(dec("10"))
            )
            .unwrap()
            .exact
            .value(),
        dec("13690")
    );
    assert_eq!(
        deduction
            .evaluation_price(
                Money::new(dec("100")),
                Points::new(dec("10")),
                Points::new(dec("10"))
            )
            .unwrap()
            .exact
            .value(),
        dec("-49900")
    );
    let percent = model(Method::PercentSurcharge { factor: dec("0.2") });
    // 50 000 × (1 + (10 − 7.5) / 10 × 0.2) = 50 000 × 1.05 = 52 500
    assert_eq!(
        percent
            .evaluation_price(
                Money::new(dec("50000")),
                Points::new(dec("7.5")),
                Points::new(dec("10"))
            )
            .unwrap()
            .exact
            .value(),
        dec("52500")
    );
    // A price of 0 stays 0 under the percentage surcharge; full quality adds nothing.
    assert_eq!(
        percent
            .evaluation_price(
                Money::new(dec("0")),
                Points::new(dec("2")),
                Points::new(dec("10"))
            )
            .unwrap()
            .exact
            .value(),
        dec("0")
    );
    assert_eq!(
        percent
            .evaluation_price(
                Money::new(dec("50000")),
                Points::new(dec("10")),
                Points::new(dec("10"))
            )
            .unwrap()
            .exact
            .value(),
        dec("50000")
    );
    assert!(!per_point.method.is_relative() && per_point.method.is_money());
}

#[test]
fn points_range_within_the_band() {
    // Proportional on 370–430: at worst 10 × 370 / 430 = 8.6046… → 8.60.
    let m = model(Method::Proportional {
        max: Points::new(dec("10")),
    });
    assert_eq!(
        m.points_range(&line()),
        (Points::new(dec("8.60")), Points::new(dec("10")))
    );
    // Relative, slope 10 %, no floor: 10 × (1 − 60 / (0.1 × 370)) = 10 × (1 − 1.6216…) = −6.216… → −6.22
    let r = model(Method::RelativeToLowest {
        max: Points::new(dec("10")),
        slope: dec("0.1"),
        floor_at_zero: false,
    });
    assert_eq!(m.points_range(&line()).1, Points::new(dec("10")));
    assert_eq!(r.points_range(&line()).0, Points::new(dec("-6.22")));
    let floored = model(Method::RelativeToLowest {
        max: Points::new(dec("10")),
        slope: dec("0.1"),
        floor_at_zero: true,
    });
    assert_eq!(floored.points_range(&line()).0, Points::new(dec("0")));
}

#[test]
fn three_anchor_models_interpolate_per_segment() {
    // Anchors 370 → 10, 400 → 8, 430 → 0. 385: 10 + 15 × (8 − 10) / 30 = 9.
    // 415: 8 + 15 × (0 − 8) / 30 = 4. Below 370 and above 430 the points stay flat.
    let mut tender = crate::domain::fixture::reference_tender();
    tender.model.method = crate::domain::Method::Anchors(vec![
        crate::domain::Anchor {
            price: crate::domain::AnchorPrice::Min,
            points: Points::new(crate::domain::fixture::d("10")),
        },
        crate::domain::Anchor {
            price: crate::domain::AnchorPrice::Fixed(Money::new(crate::domain::fixture::d("400"))),
            points: Points::new(crate::domain::fixture::d("8")),
        },
        crate::domain::Anchor {
            price: crate::domain::AnchorPrice::Max,
            points: Points::new(crate::domain::fixture::d("0")),
        },
    ]);
    let crate::domain::CriterionKind::Price(line) = tender.criteria[4].kind.clone() else {
        panic!()
    };
    let any = Field {
        lowest: Money::new(crate::domain::fixture::d("1")),
        highest: Money::new(crate::domain::fixture::d("1")),
    };
    let at = |p: &str| {
        tender
            .model
            .calculate(&line, Money::new(crate::domain::fixture::d(p)), any)
            .exact
    };
    assert_eq!(at("385"), crate::domain::fixture::d("9"));
    assert_eq!(at("415"), crate::domain::fixture::d("4"));
    assert_eq!(at("400"), crate::domain::fixture::d("8"));
    assert_eq!(at("300"), crate::domain::fixture::d("10"));
    assert_eq!(at("500"), crate::domain::fixture::d("0"));
}

#[test]
fn a_price_far_above_a_tiny_lowest_price_never_overflows() {
    // (10^12 − 10^-10) / (0.01 × 10^-10) ≈ 10^24; × 10 points would be 10^25 — fits; with
    // a smaller slope the quotient alone would not: with a floor the points are 0.
    let (_, points) = relative_to_lowest(
        dec("10"),
        dec("0.01"),
        true,
        dec("1000000000000"),
        dec("0.0000000001"),
        &mut true,
    );
    assert_eq!(points, Decimal::ZERO);
    let (formula, points) = relative_to_lowest(
        dec("1000000"),
        dec("0.0000000001"),
        true,
        dec("1000000000000"),
        dec("0.0000000001"),
        &mut true,
    );
    assert_eq!(points, Decimal::ZERO, "{formula}");
    assert_eq!(formula.below(), Below::FarBelow, "{formula}");
    assert!(
        formula.to_string().ends_with("far below 0, so 0"),
        "{formula}"
    );
}
