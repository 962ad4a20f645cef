//! Time as the widget keeps it: milliseconds since 1970, shown as calendar days.

/// Milliseconds since 1970.
pub fn now() -> u64 {
    #[cfg(target_arch = "wasm32")]
    return js_sys::Date::now() as u64;
    #[cfg(not(target_arch = "wasm32"))]
    return std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_millis() as u64);
}

/// A date as the visitor's answers list shows it: `2026-11-22`, the same in every language.
pub fn date_label(millis: u64) -> String {
    let (year, month, day) = civil_date(millis);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A moment in ISO 8601, in UTC, to the second: `2026-11-22T18:59:59Z`.
pub fn iso_date_time(millis: u64) -> String {
    let seconds = millis / 1_000 % 86_400;
    let (hours, minutes, seconds) = (seconds / 3_600, seconds / 60 % 60, seconds % 60);
    format!("{}T{hours:02}:{minutes:02}:{seconds:02}Z", date_label(millis))
}

/// A moment as the visitor reads it beside a date: `2026-11-22 18:59 UTC`.
pub fn time_label(millis: u64) -> String {
    let iso = iso_date_time(millis);
    format!("{} {} UTC", &iso[..10], &iso[11..16])
}

/// The Monday starting the week of `date` (`2026-11-25` → `2026-11-23`), for counting by week;
/// `None` unless `date` begins with a real calendar day from 1970 on.
pub fn week_of(date: &str) -> Option<String> {
    let days = millis_of_day(date)? / 86_400_000;
    // 1970-01-01 was a Thursday: three days after a Monday.
    let monday = (days + 7 - (days + 3) % 7).saturating_sub(7);
    Some(date_label(monday * 86_400_000))
}

/// The moment a day written `2026-11-25` (or a moment of it, `2026-11-25T10:00:00Z`) begins,
/// in milliseconds since 1970 (UTC); `None` unless it begins with a real calendar day from
/// 1970 on.
pub fn millis_of_day(date: &str) -> Option<u64> {
    let number = |range: std::ops::Range<usize>| date.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let days = u64::try_from(days_since_1970(year, month, day)).ok()?;
    // A day that does not exist (02-30) comes back as another date.
    (date_label(days * 86_400_000) == date[..10]).then_some(days * 86_400_000)
}

/// Days from 1970-01-01 to a civil date, the inverse of `civil_date`.
fn days_since_1970(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    era * 146_097 + year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year - 719_468
}

/// Year, month and day of a moment, in UTC.
fn civil_date(millis: u64) -> (i64, i64, i64) {
    // Days since 1970 to a civil date (Howard Hinnant's algorithm), to avoid a date crate.
    let days = (millis / 86_400_000) as i64 + 719_468;
    let era = days / 146_097;
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    (year_of_era + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_calendar_days() {
        assert_eq!(date_label(0), "1970-01-01");
        assert_eq!(date_label(951_782_400_000), "2000-02-29");
        assert_eq!(date_label(1_795_391_999_000), "2026-11-22");
    }

    #[test]
    fn moments_read_as_iso_8601_in_utc() {
        assert_eq!(iso_date_time(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_date_time(1_795_391_999_999), "2026-11-22T23:59:59Z");
    }

    #[test]
    fn days_are_read_back_as_the_moment_they_begin() {
        assert_eq!(millis_of_day("2026-11-22"), Some(1_795_305_600_000));
        assert_eq!(millis_of_day("2026-11-22T23:59:59Z"), Some(1_795_305_600_000));
        for bad in ["2026-02-30", "1969-12-31", "22.11.2026", ""] {
            assert_eq!(millis_of_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn weeks_start_on_mondays() {
        assert_eq!(week_of("2026-11-25T10:00:00Z").as_deref(), Some("2026-11-23"));
        assert_eq!(week_of("2026-11-23").as_deref(), Some("2026-11-23"));
        assert_eq!(week_of("2026-11-22").as_deref(), Some("2026-11-16"), "a Sunday ends the week before");
        assert_eq!(week_of("2000-03-01").as_deref(), Some("2000-02-28"), "across a leap day");
        for bad in ["2026-02-30", "2026-13-01", "yesterday", "2026-1-5", "", "1969-12-31"] {
            assert_eq!(week_of(bad), None, "{bad}");
        }
    }
}
