//! Dates and numbers as the visitor reads them, in the content's language: through the
//! browser's `Intl` in the widget ("Dec 2, 2026", "02.12.2026", "2,000", "2.000"); natively
//! (the build's prerendering and the tests), where there is no browser, as ISO dates and
//! digits grouped by thousands as `Intl` groups them.
//!
//! `date(millis, language)` is a calendar day, `time(millis, language)` a day with its time of
//! day, `number(value, language)` a whole number.

#[cfg(target_arch = "wasm32")]
pub use intl::{date, number, time};
#[cfg(not(target_arch = "wasm32"))]
pub use plain::{date, number, time};

#[cfg(target_arch = "wasm32")]
mod intl {
    use js_sys::{Date, Number, Object, Reflect};
    use wasm_bindgen::JsValue;

    pub fn date(millis: u64, language: &str) -> String {
        moment(millis, language, false)
    }

    pub fn time(millis: u64, language: &str) -> String {
        moment(millis, language, true)
    }

    pub fn number(value: usize, language: &str) -> String {
        Number::from(value as f64).to_locale_string(language).into()
    }

    /// `Intl`'s medium date, and with `with_time` its short time of day.
    fn moment(millis: u64, language: &str, with_time: bool) -> String {
        let options = Object::new();
        let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
        if with_time {
            let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
        }
        Date::new(&JsValue::from_f64(millis as f64)).to_locale_string(language, &options).into()
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
    fn dates_without_a_browser_are_iso() {
        assert_eq!(date(1_795_391_999_000, "de"), "2026-11-22");
        assert_eq!(time(1_795_391_999_000, "en"), "2026-11-22 23:59 UTC");
    }
}
