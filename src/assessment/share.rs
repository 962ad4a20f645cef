//! Share links: a result's answers in the URL fragment, so the link shows the same result on
//! any device without a server. `#result=v1.<one digit per statement>.<check>`, each digit the
//! answer's position on the scale; the check catches links cut short or altered.

use crate::content::Assessment;

const PREFIX: &str = "#result=";
const VERSION: &str = "v1";

/// Why a link could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Broken;

/// The fragment for these answers (one scale value per statement).
pub fn encode(assessment: &Assessment, values: &[i32]) -> String {
    let digits: String = values
        .iter()
        .map(|value| {
            let at = assessment.scale.iter().position(|point| point.value == *value).unwrap_or(0);
            char::from_digit(at as u32, 10).expect("a scale has fewer than ten points")
        })
        .collect();
    format!("{PREFIX}{VERSION}.{digits}.{:02}", check(&digits))
}

/// The answers in a fragment; `Ok(None)` when the fragment is not a share link at all.
pub fn decode(assessment: &Assessment, fragment: &str) -> Result<Option<Vec<i32>>, Broken> {
    let Some(rest) = fragment.strip_prefix(PREFIX) else { return Ok(None) };
    let mut parts = rest.split('.');
    let (Some(VERSION), Some(digits), Some(sum), None) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Broken);
    };
    if digits.chars().count() != assessment.statements.len() || sum != format!("{:02}", check(digits)) {
        return Err(Broken);
    }
    digits
        .chars()
        .map(|digit| {
            let at = digit.to_digit(10).ok_or(Broken)? as usize;
            assessment.scale.get(at).map(|point| point.value).ok_or(Broken)
        })
        .collect::<Result<Vec<i32>, Broken>>()
        .map(Some)
}

/// A position-weighted sum, so swapped or changed digits show.
fn check(digits: &str) -> u32 {
    digits.chars().enumerate().map(|(at, digit)| (at as u32 + 1) * digit.to_digit(10).unwrap_or(11)).sum::<u32>() % 97
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::assessment;

    #[test]
    fn a_link_gives_back_the_same_answers() {
        let values = vec![2, 1, -1, -2, 0, 2, 2, -2, 0];
        let link = encode(assessment(), &values);
        assert!(link.starts_with("#result=v1."), "{link}");
        assert_eq!(decode(assessment(), &link), Ok(Some(values)));
    }

    #[test]
    fn other_fragments_are_not_share_links() {
        assert_eq!(decode(assessment(), ""), Ok(None));
        assert_eq!(decode(assessment(), "#survey"), Ok(None));
    }

    #[test]
    fn cut_short_or_altered_links_are_broken_not_misread() {
        let link = encode(assessment(), &[2, 1, -1, -2, 0, 2, 2, -2, 0]);
        let swapped = link.replacen("v1.01", "v1.10", 1);
        assert_ne!(swapped, link);
        for bad in [
            &link[..link.len() - 4],
            &link[..link.len() - 1],
            swapped.as_str(),
            "#result=",
            "#result=v1..00",
            "#result=v2.012340000.00",
            "#result=v1.<script>.00",
            "#result=v1.999999999.81",
            "#result=v1.01234.01234.5",
        ] {
            assert_eq!(decode(assessment(), bad), Err(Broken), "{bad}");
        }
    }
}
