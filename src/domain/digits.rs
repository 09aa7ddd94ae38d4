//! Bangla digits (০-৯): accepted wherever numbers are typed, shown on Bangla pages.

const BANGLA_ZERO: u32 = '০' as u32;

/// Replaces Bangla digits with ASCII ones, leaving everything else.
pub fn to_ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '০'..='৯' => char::from(b'0' + (c as u32 - BANGLA_ZERO) as u8),
            _ => c,
        })
        .collect()
}

/// Replaces ASCII digits with Bangla ones, leaving everything else.
pub fn to_bangla_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(BANGLA_ZERO + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A whole number grouped the South Asian way, as people in Bangladesh write it: the last three
/// digits, then pairs (`1,00,00,000` for one crore; Bangla pages then show `১,০০,০০,০০০`).
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    if digits.len() <= 3 {
        return digits;
    }
    let (head, last3) = digits.split_at(digits.len() - 3);
    let mut out = String::new();
    for (i, c) in head.chars().enumerate() {
        if i > 0 && (head.len() - i) % 2 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out},{last3}")
}

/// A large figure as people in Bangladesh say it: crore from 1,00,00,000 and lakh from 1,00,000,
/// with one decimal below a hundred (`3,144 crore`, `12.5 lakh`, `৩,১৪৪ কোটি` on a Bangla page once
/// its digits are localised); smaller figures grouped (`85,000`).
pub fn lakh_crore(n: i64, locale: super::Locale) -> String {
    const LAKH: u64 = 100_000;
    const CRORE: u64 = 10_000_000;
    let sign = if n < 0 { "-" } else { "" };
    let abs = n.unsigned_abs();
    let (size, unit) = match (abs >= CRORE, abs >= LAKH, locale) {
        (true, _, super::Locale::Bn) => (CRORE, "কোটি"),
        (true, _, super::Locale::En) => (CRORE, "crore"),
        (false, true, super::Locale::Bn) => (LAKH, "লাখ"),
        (false, true, super::Locale::En) => (LAKH, "lakh"),
        _ => return localised(format!("{sign}{}", grouped(abs)), locale),
    };
    let tenths = (abs as f64 / size as f64 * 10.0).round() as u64;
    let number = if tenths >= 1_000 || tenths % 10 == 0 {
        grouped((tenths + 5) / 10)
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    };
    localised(format!("{sign}{number} {unit}"), locale)
}

/// A sum of money in full, grouped, with its unit (`10,67,50,00,000 BDT`; `১০,৬৭,৫০,০০,০০০ টাকা`).
pub fn taka_in_full(n: i64, locale: super::Locale) -> String {
    let sign = if n < 0 { "-" } else { "" };
    match locale {
        super::Locale::Bn => localised(format!("{sign}{} টাকা", grouped(n.unsigned_abs())), locale),
        super::Locale::En => format!("BDT {sign}{}", grouped(n.unsigned_abs())),
    }
}

fn localised(text: String, locale: super::Locale) -> String {
    match locale {
        super::Locale::Bn => to_bangla_digits(&text),
        super::Locale::En => text,
    }
}

/// Why a typed number was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all.
    NotANumber,
    /// Below zero.
    Negative,
    /// Has a fractional part.
    NotWhole,
    /// Above the allowed maximum.
    TooLarge,
}

/// Reads an optional whole number in `0..=max`: empty means `None`; Bangla or
/// ASCII digits; spaces and thousands separators (`,`) are ignored.
pub fn parse_whole_number(input: &str, max: u64) -> Result<Option<u64>, NumberError> {
    let ascii = to_ascii_digits(input);
    let cleaned: String = ascii.chars().filter(|c| !c.is_whitespace() && *c != ',').collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    if let Some((whole, fraction)) = digits.split_once(['.', '।']) {
        let numeric = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        if !whole.is_empty() && numeric(whole) && numeric(fraction) && !fraction.is_empty() {
            if fraction.chars().all(|c| c == '0') {
                let signed = if negative { format!("-{whole}") } else { whole.to_owned() };
                return parse_whole_number(&signed, max);
            }
            return Err(if negative { NumberError::Negative } else { NumberError::NotWhole });
        }
        return Err(NumberError::NotANumber);
    }
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    let value: u64 = digits.parse().map_err(|_| NumberError::TooLarge)?;
    if negative && value > 0 {
        return Err(NumberError::Negative);
    }
    if value > max {
        return Err(NumberError::TooLarge);
    }
    Ok(Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_figures_read_in_lakh_and_crore() {
        use crate::domain::Locale::{Bn, En};
        assert_eq!(lakh_crore(31_440_000_000, Bn), "৩,১৪৪ কোটি");
        assert_eq!(taka_in_full(10_675_000_000, Bn), "১০,৬৭,৫০,০০,০০০ টাকা");
        assert_eq!(taka_in_full(10_675_000_000, En), "BDT 10,67,50,00,000");
        assert_eq!(lakh_crore(553_941_894_560, En), "55,394 crore");
        assert_eq!(lakh_crore(12_500_000, En), "1.3 crore");
        assert_eq!(lakh_crore(1_250_000, Bn), "১২.৫ লাখ");
        assert_eq!(lakh_crore(100_000, En), "1 lakh");
        assert_eq!(lakh_crore(85_000, En), "85,000");
        assert_eq!(lakh_crore(-2_000_000, En), "-20 lakh");
        assert_eq!(lakh_crore(0, Bn), "০");
    }

    #[test]
    fn numbers_are_grouped_in_lakhs_and_crores() {
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(100_000), "1,00,000");
        assert_eq!(grouped(10_000_000), "1,00,00,000");
        assert_eq!(grouped(31_440_000_000), "31,44,00,00,000");
    }

    #[test]
    fn bangla_digits_are_read_as_numbers() {
        assert_eq!(parse_whole_number("১২৩", 1000), Ok(Some(123)));
        assert_eq!(parse_whole_number("১,৫০০", 10_000), Ok(Some(1500)));
        assert_eq!(parse_whole_number(" 42 ", 100), Ok(Some(42)));
    }

    #[test]
    fn empty_input_is_no_number() {
        assert_eq!(parse_whole_number("", 10), Ok(None));
        assert_eq!(parse_whole_number("   ", 10), Ok(None));
    }

    #[test]
    fn bad_numbers_are_refused_with_a_reason() {
        assert_eq!(parse_whole_number("abc", 10), Err(NumberError::NotANumber));
        assert_eq!(parse_whole_number("-3", 10), Err(NumberError::Negative));
        assert_eq!(parse_whole_number("2.5", 10), Err(NumberError::NotWhole));
        assert_eq!(parse_whole_number("11", 10), Err(NumberError::TooLarge));
        assert_eq!(parse_whole_number("99999999999999999999999", 10), Err(NumberError::TooLarge));
        assert_eq!(parse_whole_number("1e3", 10_000), Err(NumberError::NotANumber));
    }

    #[test]
    fn a_zero_fraction_is_still_whole() {
        assert_eq!(parse_whole_number("3.0", 10), Ok(Some(3)));
    }

    #[test]
    fn digits_convert_both_ways() {
        assert_eq!(to_bangla_digits("2026-27"), "২০২৬-২৭");
        assert_eq!(to_ascii_digits("২০২৬-২৭"), "2026-27");
    }
}
