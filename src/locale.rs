//! Dates and numbers as the visitor reads them, in the content's language: through the
//! browser's `Intl` in the widget ("Dec 2, 2026", "02.12.2026", "2,000", "2.000"); natively
//! (the build's prerendering and the tests), where there is no browser, as ISO dates and
//! digits grouped by thousands as `Intl` groups them.
//!
//! `date(millis, language)` is a calendar day, `time(millis, language)` a day with its time of
//! day, `number(value, language)` a whole number, `percent(share, language)` a share out of
//! 100 ("40%", "40 %"), `tenths(value, language)` a number of tenths with its one decimal
//! ("4.5", "4,5").

#[cfg(target_arch = "wasm32")]
use intl::utc_date;
#[cfg(target_arch = "wasm32")]
pub use intl::{date, number, percent, tenths, time};
#[cfg(not(target_arch = "wasm32"))]
use plain::date as utc_date;
#[cfg(not(target_arch = "wasm32"))]
pub use plain::{date, number, percent, tenths, time};

/// A day written `2026-11-24` (as answers carry it), as the visitor reads it; the text as it is
/// when it is no such day.
pub fn day(iso: &str, language: &str) -> String {
    match crate::clock::millis_of_day(iso) {
        // The day as written, wherever the reader is: a day begins at midnight UTC.
        Some(millis) => utc_date(millis, language),
        None => iso.to_string(),
    }
}

#[cfg(target_arch = "wasm32")]
mod intl {
    // One JS function formats every number (styles 0 to 2) and date (3 to 5) with `Intl`: one
    // import, rather than the bindings of Intl's objects and their options.
    #[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
const NUMBERS = [{}, { style: 'percent' }, { minimumFractionDigits: 1, maximumFractionDigits: 1 }];
const DATES = [{ dateStyle: 'medium' }, { dateStyle: 'medium', timeZone: 'UTC' }, { dateStyle: 'medium', timeStyle: 'short' }];
export function intl(language, value, style) {
  return style < 3 ? value.toLocaleString(language, NUMBERS[style]) : new Date(value).toLocaleString(language, DATES[style - 3]);
}")]
    extern "C" {
        fn intl(language: &str, value: f64, style: u8) -> String;
    }

    pub fn number(value: usize, language: &str) -> String {
        intl(language, value as f64, 0)
    }

    pub fn percent(share: usize, language: &str) -> String {
        intl(language, share as f64 / 100.0, 1)
    }

    pub fn tenths(value: u64, language: &str) -> String {
        intl(language, value as f64 / 10.0, 2)
    }

    pub fn date(millis: u64, language: &str) -> String {
        intl(language, millis as f64, 3)
    }

    pub fn utc_date(millis: u64, language: &str) -> String {
        intl(language, millis as f64, 4)
    }

    pub fn time(millis: u64, language: &str) -> String {
        intl(language, millis as f64, 5)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod plain {
    use crate::clock::{date_label, time_label};

    pub fn date(millis: u64, _language: &str) -> String {
        date_label(millis)
    }

    pub fn time(millis: u64, _language: &str) -> String {
        time_label(millis)
    }

    pub fn percent(share: usize, language: &str) -> String {
        // German puts a no-break space before the sign.
        format!("{share}{}%", if language == "de" { "\u{a0}" } else { "" })
    }

    pub fn tenths(value: u64, language: &str) -> String {
        format!("{}{}{}", value / 10, if language == "de" { ',' } else { '.' }, value % 10)
    }

    /// `value` with a separator between each three digits from the right, as `Intl` writes
    /// English and German numbers.
    pub fn number(value: usize, language: &str) -> String {
        let separator = if language == "de" { '.' } else { ',' };
        let digits = value.to_string();
        let mut out = String::new();
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                out.push(separator);
            }
            out.push(digit);
        }
        out
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands_in_each_language() {
        assert_eq!(number(2000, "en"), "2,000");
        assert_eq!(number(2000, "de"), "2.000");
        assert_eq!(number(1_234_567, "de"), "1.234.567");
        assert_eq!(number(999, "en"), "999");
        assert_eq!(number(0, "de"), "0");
    }

    #[test]
    fn shares_and_tenths_read_as_intl_writes_them() {
        assert_eq!(percent(40, "en"), "40%");
        assert_eq!(percent(40, "de"), "40\u{a0}%");
        assert_eq!(tenths(45, "en"), "4.5");
        assert_eq!(tenths(200, "de"), "20,0");
    }

    #[test]
    fn days_of_answers_read_as_dates_and_anything_else_as_it_is() {
        assert_eq!(day("2026-11-22", "en"), "2026-11-22");
        assert_eq!(day("not a day", "de"), "not a day");
    }

    #[test]
    fn dates_without_a_browser_are_iso() {
        assert_eq!(date(1_795_391_999_000, "de"), "2026-11-22");
        assert_eq!(time(1_795_391_999_000, "en"), "2026-11-22 23:59 UTC");
    }
}
