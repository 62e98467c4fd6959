//! The Danish calendar of working days, for time limits such as the standstill period.
//!
//! A period that would end on a Saturday, a Sunday or a public holiday ends at the end of
//! the next working day (Council Regulation 1182/71, art. 3(4), which Klagenævnet for
//! Udbud applies to the standstill period). The public holidays are those of the Danish
//! holiday act (helligdagsloven): nytårsdag, skærtorsdag, langfredag, påskedag, 2.
//! påskedag, store bededag (until 2023; abolished from 2024), Kristi himmelfartsdag,
//! pinsedag, 2. pinsedag, juledag and 2. juledag. Grundlovsdag, juleaftensdag and
//! nytårsaftensdag are not public holidays.

use jiff::civil::{Date, Weekday};

/// Easter Sunday of a year (the Gregorian computus, anonymous algorithm).
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// Whether a day is a Danish public holiday.
pub fn is_public_holiday(day: Date) -> bool {
    let (year, month, dom) = (day.year(), day.month(), day.day());
    if (month, dom) == (1, 1) || (month, dom) == (12, 25) || (month, dom) == (12, 26) {
        return true;
    }
    let Some(easter) = easter(year) else {
        return false;
    };
    // Days from Easter Sunday: skærtorsdag −3, langfredag −2, påskedag 0, 2. påskedag 1,
    // store bededag 26 (until 2023), Kristi himmelfartsdag 39, pinsedag 49, 2. pinsedag 50.
    let offset = i64::from(easter.until(day).map_or(i32::MAX, |span| span.get_days()));
    matches!(offset, -3 | -2 | 0 | 1 | 39 | 49 | 50) || (offset == 26 && year <= 2023)
}

/// Whether a day is a working day: not a Saturday, a Sunday or a public holiday.
pub fn is_working_day(day: Date) -> bool {
    !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) && !is_public_holiday(day)
}

/// The day a period ends: `day`, or the next working day after it where it is none.
/// `None` beyond the calendar's end.
pub fn working_day_on_or_after(mut day: Date) -> Option<Date> {
    while !is_working_day(day) {
        day = day.tomorrow().ok()?;
    }
    Some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn easter_sundays_of_known_years() {
        // Almanac dates.
        assert_eq!(easter(2023), Some(date(2023, 4, 9)));
        assert_eq!(easter(2024), Some(date(2024, 3, 31)));
        assert_eq!(easter(2025), Some(date(2025, 4, 20)));
        assert_eq!(easter(2038), Some(date(2038, 4, 25)));
    }

    #[test]
    fn periods_ending_on_a_non_working_day_move_to_the_next_working_day() {
        // 11 Nov 2023 is a Saturday → Monday 13 Nov.
        assert_eq!(
            working_day_on_or_after(date(2023, 11, 11)),
            Some(date(2023, 11, 13))
        );
        // 25 Dec 2023 (Monday, juledag), 26 Dec (2. juledag) → 27 Dec.
        assert_eq!(
            working_day_on_or_after(date(2023, 12, 25)),
            Some(date(2023, 12, 27))
        );
        // 28 Mar 2024 skærtorsdag, 29 langfredag, 30–31 weekend and påskedag, 1 Apr 2.
        // påskedag → 2 Apr.
        assert_eq!(
            working_day_on_or_after(date(2024, 3, 28)),
            Some(date(2024, 4, 2))
        );
        // Store bededag: 5 May 2023 (Easter 9 Apr + 26) was a holiday; 26 Apr 2024 is not.
        assert!(is_public_holiday(date(2023, 5, 5)));
        assert!(!is_public_holiday(date(2024, 4, 26)));
        // Grundlovsdag is no public holiday: 5 June 2024 (a Wednesday) is a working day.
        assert!(is_working_day(date(2024, 6, 5)));
        // A working day stays.
        assert_eq!(
            working_day_on_or_after(date(2023, 11, 14)),
            Some(date(2023, 11, 14))
        );
    }
}
