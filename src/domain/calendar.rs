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

use crate::domain::contract::DayOff;

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

/// Whether a day is a weekday (hverdag) for payment: Monday to Friday, and none of the
/// kinds of day the contract excludes.
pub fn is_contract_weekday(day: Date, excluded: &[DayOff]) -> bool {
    if matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
        return false;
    }
    !excluded.iter().any(|off| match off {
        DayOff::PublicHolidays => is_public_holiday(day),
        DayOff::ChristmasEve => (day.month(), day.day()) == (12, 24),
        DayOff::NewYearsEve => (day.month(), day.day()) == (12, 31),
        DayOff::ConstitutionDay => (day.month(), day.day()) == (6, 5),
    })
}

/// The weekdays of a stretch of days, counted once so that any count within it is a
/// subtraction: the number of weekdays from one day to another in constant time, and the
/// n-th weekday from a day by binary search. Days outside the stretch count as none.
#[derive(Clone, Debug)]
pub struct WeekdayCount {
    first: Date,
    /// `before[i]`: the weekdays among the first `i` days of the stretch.
    before: Vec<u32>,
}

impl WeekdayCount {
    /// The weekdays from `first` to `last` (both included; none when `last < first`).
    pub fn new(first: Date, last: Date, excluded: &[DayOff]) -> WeekdayCount {
        let mut before = vec![0];
        let mut day = first;
        let mut count = 0;
        while day <= last {
            if is_contract_weekday(day, excluded) {
                count += 1;
            }
            before.push(count);
            match day.tomorrow() {
                Ok(next) => day = next,
                Err(_) => break,
            }
        }
        WeekdayCount { first, before }
    }

    /// The position of a day in the stretch, clamped to it.
    fn index(&self, day: Date) -> usize {
        let days = self.first.until(day).map_or(0, |span| span.get_days());
        usize::try_from(days)
            .unwrap_or(0)
            .min(self.before.len() - 1)
    }

    /// The weekdays from `from` to `to`, both included; 0 when `to < from`.
    pub fn between(&self, from: Date, to: Date) -> u32 {
        if to < from {
            return 0;
        }
        let end = match to.tomorrow() {
            Ok(next) => self.index(next),
            Err(_) => self.before.len() - 1,
        };
        self.before[end].saturating_sub(self.before[self.index(from)])
    }

    /// The `n`-th weekday (1 = the first) on or after `from`, if the stretch holds it.
    pub fn nth_from(&self, from: Date, n: u32) -> Option<Date> {
        if n == 0 {
            return None;
        }
        let target = self.before[self.index(from)] + n;
        // The first position whose count reaches the target is the day after it.
        let position = self.before.partition_point(|&c| c < target);
        if position >= self.before.len() {
            return None;
        }
        let days = i64::try_from(position).ok()? - 1;
        self.first.checked_add(jiff::Span::new().days(days)).ok()
    }
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

    #[test]
    fn weekdays_of_the_seeds_example_and_of_a_month_with_holidays() {
        let all = DayOff::ALL;
        // Bilag B pkt. 1.4.1: 7 August to 27 October (2023: Monday to Friday) is 60
        // weekdays: 12 whole weeks of 5, no holiday between.
        let count = WeekdayCount::new(date(2023, 1, 1), date(2024, 12, 31), &all);
        assert_eq!(count.between(date(2023, 8, 7), date(2023, 10, 27)), 60);
        // The 30th weekday from 7 August 2023: 6 weeks → Friday 15 September.
        assert_eq!(
            count.nth_from(date(2023, 8, 7), 30),
            Some(date(2023, 9, 15))
        );
        assert_eq!(count.nth_from(date(2023, 8, 7), 1), Some(date(2023, 8, 7)));
        // A Saturday start: the first weekday is the Monday after.
        assert_eq!(count.nth_from(date(2023, 8, 5), 1), Some(date(2023, 8, 7)));
        // May 2024: 23 days Monday–Friday (1–3, 6–10, 13–17, 20–24, 27–31), less Kristi
        // himmelfartsdag 9 May and 2. pinsedag 20 May → 21.
        assert_eq!(count.between(date(2024, 5, 1), date(2024, 5, 31)), 21);
        // December 2024: 22 days Monday–Friday, less 24, 25, 26 and 31 December → 18;
        // with public holidays only, 24 and 31 December count → 20.
        assert_eq!(count.between(date(2024, 12, 1), date(2024, 12, 31)), 18);
        let holidays = WeekdayCount::new(
            date(2024, 1, 1),
            date(2024, 12, 31),
            &[DayOff::PublicHolidays],
        );
        assert_eq!(holidays.between(date(2024, 12, 1), date(2024, 12, 31)), 20);
        // Grundlovsdag 5 June 2024 (a Wednesday) counts only where it is not excluded.
        assert_eq!(count.between(date(2024, 6, 5), date(2024, 6, 5)), 0);
        assert_eq!(holidays.between(date(2024, 6, 5), date(2024, 6, 5)), 1);
        // Reversed or outside the stretch: nothing.
        assert_eq!(count.between(date(2023, 8, 8), date(2023, 8, 7)), 0);
        assert_eq!(count.nth_from(date(2024, 12, 30), 5), None);
    }
}
