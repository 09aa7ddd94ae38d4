//! Cleaning of free text typed by people: NFC, no raw control characters.
//!
//! Length rules count characters of the text as received, after trimming the
//! ASCII white space (space, tab, CR, LF) at both ends, so that the same rule can
//! be stated exactly in the API description; cleaning happens after the check.

use unicode_normalization::UnicodeNormalization;

/// The white space trimmed before lengths are counted.
pub fn is_trimmed_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// `s` without ASCII white space at either end.
pub fn trim_ascii_space(s: &str) -> &str {
    s.trim_matches(is_trimmed_space)
}

/// NFC-normalises `s`, turns `\r\n` into `\n`, replaces control characters other
/// than newline and tab with U+FFFD (PostgreSQL refuses NUL in text) and trims the ends.
pub fn clean(s: &str) -> String {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String =
        unified.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{fffd}' } else { c }).collect();
    let normalised: String = kept.nfc().collect();
    trim_ascii_space(&normalised).to_owned()
}

/// [`clean`] for one-line values: any run of white space becomes one space.
pub fn clean_line(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-cased, NFC text without zero-width joiners, for matching searches.
pub fn search_key(s: &str) -> String {
    clean_line(s).chars().filter(|c| !matches!(c, '\u{200c}' | '\u{200d}')).flat_map(char::to_lowercase).collect()
}

/// What a service is found by: its names and code as a [`search_key`], then the same without
/// spaces, so that `জন্মনিবন্ধন` finds `জন্ম নিবন্ধন` and `birthregistration` finds
/// `Birth registration`. Migration 000013 writes the same for stored services.
pub fn service_search_text(name_bn: &str, name_en: &str, code: &str) -> String {
    let key = search_key(&format!("{name_bn} {name_en} {code}"));
    let joined: String = key.chars().filter(|c| !c.is_whitespace()).collect();
    format!("{key} {joined}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_stored_nfc_normalised() {
        assert_eq!(clean("e\u{301}"), "\u{e9}");
        assert_eq!(clean("  কাজ\r\nহয়নি \u{0} "), "কাজ\nহয়নি \u{fffd}");
    }

    #[test]
    fn search_keys_ignore_case_and_joiners() {
        assert_eq!(search_key("E-Passport  Renewal"), "e-passport renewal");
        assert_eq!(search_key("র\u{200d}্যাব"), search_key("র্যাব"));
    }
}
