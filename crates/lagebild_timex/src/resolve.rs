//! Turns a [`Spec`] into a TIMEX3 value against the publication date.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::rules::{Direction, Spec};

/// The tense a clause implies for a weekday or a month without a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClauseTense {
    Past,
    Future,
    Unknown,
}

fn shift_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days as u64))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

fn shift_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let months_u32 = u32::try_from(months.unsigned_abs()).ok()?;
    if months >= 0 {
        date.checked_add_months(Months::new(months_u32))
    } else {
        date.checked_sub_months(Months::new(months_u32))
    }
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn week(date: NaiveDate) -> String {
    let iso = date.iso_week();
    format!("{:04}-W{:02}", iso.year(), iso.week())
}

/// Monday of the week of `date`.
fn monday(date: NaiveDate) -> Option<NaiveDate> {
    shift_days(date, -(date.weekday().num_days_from_monday() as i64))
}

/// The value of `spec`; `None` when it needs a publication date that is unknown or the
/// arithmetic leaves the calendar.
pub(crate) fn resolve(
    spec: &Spec,
    published: Option<NaiveDate>,
    tense: ClauseTense,
) -> Option<String> {
    if let Spec::Absolute(value) = spec {
        return Some(value.clone());
    }
    let anchor = published?;
    match *spec {
        Spec::Absolute(_) => None,
        Spec::DayOffset(days) => shift_days(anchor, days).map(day),
        Spec::Weekday(weekday, direction) => {
            let current = anchor.weekday().num_days_from_monday() as i64;
            let target = weekday as i64;
            let back = (current - target).rem_euclid(7);
            let forward = (target - current).rem_euclid(7);
            let days = match (direction, tense) {
                (Direction::Last, _) => -(if back == 0 { 7 } else { back }),
                (Direction::Next, _) => {
                    if forward == 0 {
                        7
                    } else {
                        forward
                    }
                }
                (Direction::This, _) | (Direction::Tense, ClauseTense::Unknown) => target - current,
                (Direction::Tense, ClauseTense::Past) => -back,
                (Direction::Tense, ClauseTense::Future) => forward,
            };
            shift_days(anchor, days).map(day)
        }
        Spec::DayMonth(day_of_month, month) => {
            let candidates: Vec<NaiveDate> = [-1, 0, 1]
                .iter()
                .filter_map(|delta| {
                    NaiveDate::from_ymd_opt(anchor.year() + delta, month, day_of_month)
                })
                .collect();
            pick_year(&candidates, anchor, tense, 90).map(day)
        }
        Spec::Month(month, direction) => {
            let candidates: Vec<NaiveDate> = [-1, 0, 1]
                .iter()
                .filter_map(|delta| NaiveDate::from_ymd_opt(anchor.year() + delta, month, 15))
                .collect();
            let tense = match direction {
                Direction::Last => ClauseTense::Past,
                Direction::Next => ClauseTense::Future,
                _ => tense,
            };
            let limit = if direction == Direction::Tense {
                100
            } else {
                0
            };
            pick_year(&candidates, anchor, tense, limit)
                .map(|date| date.format("%Y-%m").to_string())
        }
        Spec::WeekOffset(weeks) => shift_days(anchor, weeks * 7).map(week),
        Spec::WeekendOffset(weeks) => {
            shift_days(anchor, weeks * 7).map(|date| format!("{}-WE", week(date)))
        }
        Spec::WeekdayOfWeek(weekday, weeks) => {
            let date = shift_days(anchor, weeks * 7).and_then(monday)?;
            shift_days(date, weekday as i64).map(day)
        }
        Spec::MonthOffset(months) => {
            shift_months(anchor, months).map(|date| date.format("%Y-%m").to_string())
        }
        Spec::YearOffset(years) => Some(format!("{:04}", anchor.year() as i64 + years)),
        Spec::Clock(hour, minute) => Some(format!("{}T{hour:02}:{minute:02}", day(anchor))),
        Spec::Term(_) => None,
    }
}

/// Chooses among the same date in neighbouring years: the nearest when it lies within
/// `near_days` of the anchor, otherwise the one the tense points to.
fn pick_year(
    candidates: &[NaiveDate],
    anchor: NaiveDate,
    tense: ClauseTense,
    near_days: i64,
) -> Option<NaiveDate> {
    let distance = |date: &NaiveDate| (*date - anchor).num_days().abs();
    let nearest = candidates
        .iter()
        .min_by_key(|date| distance(date))
        .copied()?;
    if distance(&nearest) <= near_days {
        return Some(nearest);
    }
    match tense {
        ClauseTense::Past => candidates
            .iter()
            .filter(|date| **date <= anchor)
            .max()
            .copied()
            .or(Some(nearest)),
        ClauseTense::Future => candidates
            .iter()
            .filter(|date| **date >= anchor)
            .min()
            .copied()
            .or(Some(nearest)),
        ClauseTense::Unknown => Some(nearest),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    #[test]
    fn weekdays_follow_the_tense() {
        // 2024-12-04 is a Wednesday.
        let published = Some(date("2024-12-04"));
        let monday = Spec::Weekday(0, Direction::Tense);
        assert_eq!(
            resolve(&monday, published, ClauseTense::Past).as_deref(),
            Some("2024-12-02")
        );
        assert_eq!(
            resolve(&monday, published, ClauseTense::Future).as_deref(),
            Some("2024-12-09")
        );
        assert_eq!(
            resolve(&monday, published, ClauseTense::Unknown).as_deref(),
            Some("2024-12-02")
        );
        let friday = Spec::Weekday(4, Direction::Tense);
        assert_eq!(
            resolve(&friday, published, ClauseTense::Past).as_deref(),
            Some("2024-11-29")
        );
        assert_eq!(
            resolve(&friday, published, ClauseTense::Unknown).as_deref(),
            Some("2024-12-06")
        );
        let last_wednesday = Spec::Weekday(2, Direction::Last);
        assert_eq!(
            resolve(&last_wednesday, published, ClauseTense::Unknown).as_deref(),
            Some("2024-11-27")
        );
    }

    #[test]
    fn no_anchor_no_value() {
        assert_eq!(resolve(&Spec::DayOffset(-1), None, ClauseTense::Past), None);
        assert_eq!(
            resolve(&Spec::Absolute("PT24H".into()), None, ClauseTense::Past).as_deref(),
            Some("PT24H")
        );
    }
}
