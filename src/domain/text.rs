//! Cleaning of free text typed by people: NFC, no control characters.

use unicode_normalization::UnicodeNormalization;

/// NFC-normalises `s`, turns `\r\n` into `\n`, drops control characters other
/// than newline and tab (PostgreSQL refuses NUL in text) and trims the ends.
pub fn clean(s: &str) -> String {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified.chars().filter(|c| !c.is_control() || *c == '\n' || *c == '\t').collect();
    kept.nfc().collect::<String>().trim().to_owned()
}

/// [`clean`] for one-line values: any run of white space becomes one space.
pub fn clean_line(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-cased, NFC text without zero-width joiners, for matching searches.
pub fn search_key(s: &str) -> String {
    clean_line(s).chars().filter(|c| !matches!(c, '\u{200c}' | '\u{200d}')).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_stored_nfc_normalised() {
        // "য়" typed as য + nukta must match the precomposed form after NFC.
        let decomposed = "e\u{301}";
        assert_eq!(clean(decomposed), "\u{e9}");
        assert_eq!(clean("  কাজ\r\nহয়নি \u{0} "), "কাজ\nহয়নি");
    }

    #[test]
    fn search_keys_ignore_case_and_joiners() {
        assert_eq!(search_key("E-Passport  Renewal"), "e-passport renewal");
        assert_eq!(search_key("র\u{200d}্যাব"), search_key("র্যাব"));
    }
}
