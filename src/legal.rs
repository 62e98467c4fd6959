//! Legal notes on an evaluation: the risks of the price model and of a price floor, and
//! the check of rettelsesblade that change the evaluation too close to the deadline (a
//! change issued after the submission deadline or less than 6 days before it may require
//! a new deadline or a new tender).
//!
//! Contract: pure. Each rettelsesblad is compared with the deadline of the version it
//! creates (so a rettelsesblad that also moves the deadline is judged against the new one).

use serde::Serialize;

use crate::domain::{
    CriterionKind, Method, OutOfBand, PriceLine, Rettelsesblad, ScoringModel, Tender,
};

/// The least number of days between a rettelsesblad that changes the evaluation and the
/// submission deadline.
pub const MIN_DAYS_BEFORE_DEADLINE: i64 = 6;

/// A rettelsesblad that changes the evaluation too late.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LegalFlag {
    pub rettelsesblad: u32,
    pub date: String,
    /// The deadline in force after this rettelsesblad.
    pub deadline: String,
    /// Whole days from the rettelsesblad's date to the deadline's date; negative after it.
    pub days_before_deadline: i64,
    /// The changed paths that alter the evaluation.
    pub paths: Vec<String>,
    pub message: String,
}

/// Checks one rettelsesblad against the deadline of the version it creates.
pub fn check_rettelsesblad(
    rettelsesblad: &Rettelsesblad,
    deadline: jiff::civil::Date,
    deadline_text: &str,
) -> Option<LegalFlag> {
    let paths: Vec<String> = rettelsesblad
        .changes
        .iter()
        .filter(|c| c.changes_evaluation())
        .map(|c| c.path.clone())
        .collect();
    if paths.is_empty() {
        return None;
    }
    let days = i64::from(rettelsesblad.date.until(deadline).ok()?.get_days());
    if days >= MIN_DAYS_BEFORE_DEADLINE {
        return None;
    }
    let when = if days < 0 {
        format!(
            "{} after the submission deadline {deadline_text}",
            day_count(-days)
        )
    } else {
        format!(
            "{} before the submission deadline {deadline_text} (less than {MIN_DAYS_BEFORE_DEADLINE})",
            day_count(days)
        )
    };
    Some(LegalFlag {
        rettelsesblad: rettelsesblad.number,
        date: rettelsesblad.date.to_string(),
        deadline: deadline_text.to_string(),
        days_before_deadline: days,
        message: format!(
            "rettelsesblad {} of {} changes the evaluation ({}) {when}: this may require a new deadline or a new tender",
            rettelsesblad.number,
            rettelsesblad.date,
            paths.join(", ")
        ),
        paths,
    })
}

/// "1 day", "4 days".
fn day_count(days: i64) -> String {
    if days == 1 {
        "1 day".into()
    } else {
        format!("{days} days")
    }
}

const PROPORTIONAL: &str = "The proportional model compresses the scale (twice the lowest price still earns half the points), \
     so price weighs less than its stated weight; Klagenævnet for Udbud criticised it (RenoNorden v Skive Kommune, 2011).";
const RELATIVE: &str = "Points depend on the other bids' prices, so adding or removing one bid can reverse the order of two others; \
     the report checks every bid for this.";

/// Short notes on the legal risks of a scoring model itself.
pub fn model_notes(model: &ScoringModel) -> Vec<&'static str> {
    let mut notes = Vec::new();
    if matches!(model.method, Method::Proportional { .. }) {
        notes.push(PROPORTIONAL);
    }
    if model.method.is_relative() {
        notes.push(RELATIVE);
    }
    notes
}

/// A legal risk of a tender's price evaluation, for every report and document of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegalNote {
    /// The proportional model compresses the scale.
    Proportional,
    /// Points depend on the other bids: a rank reversal is possible.
    Relative,
    /// A price below some level earns no more points than that level: `raised` where
    /// prices below the minimum are raised to it, else below the first anchor.
    Floor { raised: bool },
}

impl LegalNote {
    /// The note in English, as the reports print it.
    pub fn text(self) -> String {
        match self {
            LegalNote::Proportional => PROPORTIONAL.to_string(),
            LegalNote::Relative => RELATIVE.to_string(),
            LegalNote::Floor { raised } => format!(
                "A price floor: {} earn no more points than {}. A Swedish supreme administrative court struck down a model \
                 that gave no credit below a price level (HFD 2022 ref. 41); a Danish case upheld rejecting bids below a \
                 required minimum instead (AKB København, 2021). The tender must state its choice.",
                if raised {
                    "prices below the minimum are raised to it and"
                } else {
                    "prices below the first anchor"
                },
                if raised { "the minimum" } else { "that anchor" }
            ),
        }
    }
}

/// Short notes on the legal risks of a tender's price evaluation, for every report:
/// the model's own risks, and a price floor (a price below some level earns no more points
/// than that level).
pub fn legal_notes(tender: &Tender) -> Vec<String> {
    notes_of(tender).into_iter().map(LegalNote::text).collect()
}

/// The legal risks of a tender's price evaluation. Each only where its condition holds:
/// the model's only when some price line uses the model; the floor only where some price
/// can in fact be raised or flattened (a minimum of 0 raises nothing: no price is below it).
pub fn notes_of(tender: &Tender) -> Vec<LegalNote> {
    let lines: Vec<&PriceLine> = tender
        .criteria
        .iter()
        .filter_map(|c| match &c.kind {
            CriterionKind::Price(line) => Some(line),
            _ => None,
        })
        .collect();
    if lines.is_empty() {
        return Vec::new();
    }
    let mut notes = Vec::new();
    if matches!(tender.model.method, Method::Proportional { .. }) {
        notes.push(LegalNote::Proportional);
    }
    if tender.model.method.is_relative() {
        notes.push(LegalNote::Relative);
    }
    let raised = tender
        .price_rules
        .below_min
        .as_ref()
        .is_some_and(|r| r.action == OutOfBand::Clamp)
        && lines.iter().any(|l| {
            l.band
                .is_some_and(|b| b.min.value() > rust_decimal::Decimal::ZERO)
        });
    // Prices below the first anchor earn its points: a floor wherever a price can lie
    // below it (above the band's minimum; above 0 on a line without a band).
    let flat_inside = match &tender.model.method {
        Method::Anchors(anchors) => lines.iter().any(|l| {
            let lowest = l
                .band
                .map_or(rust_decimal::Decimal::ZERO, |b| b.min.value());
            anchors
                .first()
                .and_then(|a| a.price.on(l))
                .is_some_and(|at| at.value() > lowest)
        }),
        _ => false,
    };
    // Where both hold, the anchor's floor is the higher one and the note names it.
    if flat_inside {
        notes.push(LegalNote::Floor { raised: false });
    } else if raised {
        notes.push(LegalNote::Floor { raised: true });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Change;

    fn rettelsesblad(date: jiff::civil::Date, path: &str) -> Rettelsesblad {
        Rettelsesblad {
            number: 1,
            date,
            title: "t".into(),
            reference: "r".into(),
            file: "rettelsesblade/01.toml".into(),
            changes: vec![Change {
                kind: crate::domain::ChangeKind::Set,
                path: path.into(),
                value: "1".into(),
                reason: None,
                file: 0,
                span: 0..0,
                line: 1,
            }],
        }
    }

    fn floor_notes(tender: &Tender) -> usize {
        legal_notes(tender)
            .iter()
            .filter(|n| n.starts_with("A price floor"))
            .count()
    }

    #[test]
    fn the_floor_note_needs_a_price_that_can_be_raised() {
        use crate::domain::fixture::{d, reference_tender};
        use crate::values::Money;
        // The reference tender raises prices below 370 and 1 100 to the minimum: a floor.
        let mut tender = reference_tender();
        assert_eq!(floor_notes(&tender), 1);
        // With every minimum 0 and the anchors at the minimum, no price is below a
        // minimum and none is flattened: no floor.
        for c in &mut tender.criteria {
            if let CriterionKind::Price(line) = &mut c.kind
                && let Some(band) = &mut line.band
            {
                band.min = Money::new(d("0"));
            }
        }
        assert_eq!(floor_notes(&tender), 0);
        // One line with a minimum above 0 is a floor again.
        if let Some(CriterionKind::Price(line)) = tender
            .criteria
            .iter_mut()
            .map(|c| &mut c.kind)
            .find(|k| matches!(k, CriterionKind::Price(_)))
            && let Some(band) = &mut line.band
        {
            band.min = Money::new(d("0.01"));
        }
        assert_eq!(floor_notes(&tender), 1);
    }

    #[test]
    fn a_floor_below_the_first_anchor_is_named_also_without_a_band() {
        use crate::domain::fixture::{d, reference_tender};
        use crate::domain::{Anchor, AnchorPrice};
        use crate::values::{Money, Points};
        let mut tender = reference_tender();
        // Anchors at 380 → 10 and 500 → 0: prices from the minimum 370 up to 380 all earn
        // 10, so the floor is the anchor's (raised to 370 or not).
        tender.model.method = Method::Anchors(vec![
            Anchor {
                price: AnchorPrice::Fixed(Money::new(d("380"))),
                points: Points::new(d("10")),
            },
            Anchor {
                price: AnchorPrice::Fixed(Money::new(d("500"))),
                points: Points::new(d("0")),
            },
        ]);
        assert_eq!(notes_of(&tender), vec![LegalNote::Floor { raised: false }]);
        // Without bands and band rules: any price from 0 to 380 earns 10, still a floor.
        for c in &mut tender.criteria {
            if let CriterionKind::Price(line) = &mut c.kind {
                line.band = None;
            }
        }
        tender.price_rules.below_min = None;
        tender.price_rules.above_max = None;
        assert_eq!(notes_of(&tender), vec![LegalNote::Floor { raised: false }]);
    }

    #[test]
    fn a_model_no_price_line_uses_adds_no_note() {
        use crate::domain::fixture::reference_tender;
        let mut tender = reference_tender();
        tender.model.method = Method::Proportional {
            max: crate::values::Points::new(rust_decimal::Decimal::TEN),
        };
        assert!(
            legal_notes(&tender)
                .iter()
                .any(|n| n.contains("proportional"))
        );
        tender
            .criteria
            .retain(|c| !matches!(c.kind, CriterionKind::Price(_)));
        assert_eq!(legal_notes(&tender), Vec::<String>::new());
    }

    #[test]
    fn six_days_before_is_in_time_five_is_not() {
        let deadline = jiff::civil::date(2023, 10, 2);
        // 2023-09-26 → 2023-10-02: 6 days.
        assert_eq!(
            check_rettelsesblad(
                &rettelsesblad(jiff::civil::date(2023, 9, 26), "criteria.spor1.max"),
                deadline,
                "d"
            ),
            None
        );
        // 2023-09-27 → 2023-10-02: 5 days.
        let flag = check_rettelsesblad(
            &rettelsesblad(jiff::civil::date(2023, 9, 27), "criteria.spor1.max"),
            deadline,
            "d",
        )
        .unwrap();
        assert_eq!(flag.days_before_deadline, 5);
        // After the deadline: negative days.
        let flag = check_rettelsesblad(
            &rettelsesblad(jiff::civil::date(2023, 10, 4), "model.points.decimals"),
            deadline,
            "d",
        )
        .unwrap();
        assert_eq!(flag.days_before_deadline, -2);
        assert!(
            flag.message
                .contains("2 days after the submission deadline"),
            "{}",
            flag.message
        );
    }

    #[test]
    fn changes_that_do_not_touch_the_evaluation_are_never_flagged() {
        let deadline = jiff::civil::date(2023, 10, 2);
        assert_eq!(
            check_rettelsesblad(
                &rettelsesblad(jiff::civil::date(2023, 10, 1), "title"),
                deadline,
                "d"
            ),
            None
        );
        assert_eq!(
            check_rettelsesblad(
                &rettelsesblad(jiff::civil::date(2023, 10, 1), "criteria.spor1.source"),
                deadline,
                "d"
            ),
            None
        );
        assert!(
            check_rettelsesblad(
                &rettelsesblad(jiff::civil::date(2023, 10, 1), "criteria.samarbejde.weight"),
                deadline,
                "d"
            )
            .is_some()
        );
        assert!(
            check_rettelsesblad(
                &rettelsesblad(jiff::civil::date(2023, 10, 1), "prices.below_min.rule"),
                deadline,
                "d"
            )
            .is_some()
        );
    }

    #[test]
    fn every_change_but_metadata_is_flagged() {
        // One day before the deadline: every change that can alter the evaluation is late.
        let (day_before, deadline) = (
            jiff::civil::date(2023, 10, 1),
            jiff::civil::date(2023, 10, 2),
        );
        let flagged = |path: &str| {
            check_rettelsesblad(&rettelsesblad(day_before, path), deadline, "d").is_some()
        };
        for path in [
            "quality.min_total",
            "quality.min_per_criterion",
            "conformity.late_bid.rule",
            "ranking.tie_break",
            "ranking.total_rounding.decimals",
            "criteria.samarbejde.scale.max",
            "prices.volumes.spor1",
            "model.points.decimals",
            "model.anchors.1.points",
        ] {
            assert!(flagged(path), "{path} changes the evaluation");
        }
        for path in [
            "title",
            "authority",
            "deadline",
            "criteria.indsats.name",
            "criteria.indsats.source",
            "conformity.late_bid.text",
            "quality.source",
            "model.title",
        ] {
            assert!(!flagged(path), "{path} is metadata");
        }
    }
}
