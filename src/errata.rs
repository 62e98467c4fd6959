//! The legal check of rettelsesblade: a change to how bids are evaluated, issued after the
//! submission deadline or less than 6 days before it, may require a new deadline or a new
//! tender.
//!
//! Contract: pure; compares each rettelsesblad's date with the deadline of the version it
//! creates (so a rettelsesblad that also moves the deadline is judged against the new one).

use serde::Serialize;

use crate::domain::Rettelsesblad;

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
pub fn check(
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
            "{} days after the submission deadline {deadline_text}",
            -days
        )
    } else {
        format!(
            "{days} days before the submission deadline {deadline_text} (less than {MIN_DAYS_BEFORE_DEADLINE})"
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
                path: path.into(),
                value: "1".into(),
                reason: None,
                file: 0,
                span: 0..0,
                line: 1,
            }],
        }
    }

    #[test]
    fn six_days_before_is_in_time_five_is_not() {
        let deadline = jiff::civil::date(2023, 10, 2);
        // 2023-09-26 → 2023-10-02: 6 days.
        assert_eq!(
            check(
                &rettelsesblad(jiff::civil::date(2023, 9, 26), "criteria.spor1.max"),
                deadline,
                "d"
            ),
            None
        );
        // 2023-09-27 → 2023-10-02: 5 days.
        let flag = check(
            &rettelsesblad(jiff::civil::date(2023, 9, 27), "criteria.spor1.max"),
            deadline,
            "d",
        )
        .unwrap();
        assert_eq!(flag.days_before_deadline, 5);
        // After the deadline: negative days.
        let flag = check(
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
            check(
                &rettelsesblad(jiff::civil::date(2023, 10, 1), "title"),
                deadline,
                "d"
            ),
            None
        );
        assert_eq!(
            check(
                &rettelsesblad(jiff::civil::date(2023, 10, 1), "criteria.spor1.source"),
                deadline,
                "d"
            ),
            None
        );
        assert!(
            check(
                &rettelsesblad(jiff::civil::date(2023, 10, 1), "criteria.samarbejde.weight"),
                deadline,
                "d"
            )
            .is_some()
        );
        assert!(
            check(
                &rettelsesblad(jiff::civil::date(2023, 10, 1), "prices.below_min.rule"),
                deadline,
                "d"
            )
            .is_some()
        );
    }
}
