//! A whole number in a JSON body as JSON Schema's `integer` counts it: `7` and `7.0` alike.
//! serde refuses `7.0` for an `i64`, which would refuse a request the description allows;
//! a fraction (`7.5`) or a number beyond `i64` is still refused as malformed.

use serde::de::{Deserializer, Error};
use serde::Deserialize;

/// 2^63, exactly.
const TWO_TO_63: f64 = 9_223_372_036_854_775_808.0;

/// A whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Whole(pub i64);

impl<'de> Deserialize<'de> for Whole {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = serde_json::Number::deserialize(deserializer)?;
        if let Some(n) = number.as_i64() {
            return Ok(Whole(n));
        }
        match number.as_f64() {
            // 2^63 is not an i64: only floats in [-2^63, 2^63) convert exactly.
            Some(f) if f.fract() == 0.0 && (-TWO_TO_63..TWO_TO_63).contains(&f) => Ok(Whole(f as i64)),
            _ => Err(D::Error::custom(format!("{number} is not a whole number"))),
        }
    }
}

impl From<Whole> for i64 {
    fn from(w: Whole) -> i64 {
        w.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_floats_are_whole_numbers_and_fractions_are_refused() {
        let read = |s: &str| serde_json::from_str::<Whole>(s).map(|w| w.0).ok();
        assert_eq!(read("7"), Some(7));
        assert_eq!(read("7.0"), Some(7));
        assert_eq!(read("-130.0"), Some(-130));
        assert_eq!(read("1e3"), Some(1000));
        assert_eq!(read("7.5"), None);
        assert_eq!(read("1e300"), None);
        assert_eq!(read("\"7\""), None);
        assert_eq!(read("9223372036854775807"), Some(i64::MAX));
    }
}
