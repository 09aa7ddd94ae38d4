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

/// Marks a consonant skeleton in a service's search text.
pub const SKELETON_MARK: char = '~';

/// Letters a word's skeleton needs before it is searched by: shorter ones match too much.
const SKELETON_MIN: usize = 2;

fn skeleton_words(key: &str) -> Vec<String> {
    key.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '।')
        .filter(|w| !w.is_empty())
        .map(crate::themes::skeleton_of)
        .filter(|s| s.chars().count() >= SKELETON_MIN)
        .collect()
}

/// What a service is found by: its names and code as a [`search_key`]; the same without spaces,
/// so that `জন্মনিবন্ধন` finds `জন্ম নিবন্ধন` and `birthregistration` finds `Birth registration`;
/// and the consonant skeleton of each name word, marked `~`, then all of them joined, so that
/// romanised Bangla finds the Bangla name (`jonmo nibondhon` → `~jnm ~nbndn`, see
/// [`romanised_term`]). `aliases` (other names citizens use, `|`-separated: `NID`, `smart
/// card`, `jonmo sonod`) are found the same way. The catalogue writes it for new and updated
/// services, and every start brings stored services up to date (`catalogue::search_text`).
pub fn service_search_text(name_bn: &str, name_en: &str, code: &str, aliases: &str) -> String {
    let aliases: Vec<&str> = aliases.split('|').map(str::trim).filter(|a| !a.is_empty()).collect();
    let key = search_key(&format!("{name_bn} {name_en} {code}"));
    let joined: String = key.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = format!("{key} {joined}");
    for alias in &aliases {
        let key = search_key(alias);
        let joined: String = key.chars().filter(|c| !c.is_whitespace()).collect();
        out.push_str(&format!(" {key} {joined}"));
    }
    for name in [name_bn, name_en].into_iter().chain(aliases) {
        let skeletons = skeleton_words(&search_key(name));
        for s in &skeletons {
            out.push(' ');
            out.push(SKELETON_MARK);
            out.push_str(s);
        }
        if skeletons.len() > 1 {
            out.push(' ');
            out.push(SKELETON_MARK);
            out.push_str(&skeletons.concat());
        }
    }
    out
}

/// The skeleton a search word of Latin letters also matches (`jonmo` → `~jnm`), so that a name
/// typed in romanised Bangla finds the Bangla name; `None` for other words and short ones.
pub fn romanised_term(term: &str) -> Option<String> {
    if term.chars().count() < 3 || !term.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let skeleton = crate::themes::skeleton_of(term);
    (skeleton.chars().count() >= SKELETON_MIN).then(|| format!("{SKELETON_MARK}{skeleton}"))
}

/// Escapes text for XML 1.0, replacing characters XML cannot carry.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
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
    fn romanised_names_meet_the_bangla_name_by_skeleton() {
        let text = service_search_text("জন্ম নিবন্ধন", "Birth registration", "ORGBDR-001", "");
        for typed in ["jonmo", "jonmo", "nibondhon", "nibondon", "jnmo", "jonmonibondhon"] {
            let key = romanised_term(typed).expect(typed);
            assert!(text.contains(&key), "{typed} → {key} in {text}");
        }
        let passport = service_search_text("ই-পাসপোর্ট নবায়ন", "E-passport renewal", "DIP-002", "");
        assert!(passport.contains(&romanised_term("pasport").unwrap()));
        assert!(!text.contains(&romanised_term("pasport").unwrap()));
        assert_eq!(romanised_term("ab"), None, "too short to mean anything");
        assert_eq!(romanised_term("জন্ম"), None, "Bangla words match as they are");
    }

    #[test]
    fn aliases_are_found_like_names_as_typed_joined_and_by_skeleton() {
        let text = service_search_text("জাতীয় পরিচয়পত্র সংশোধন", "NID correction", "EC-002", "smart card | voter id|");
        assert!(text.contains("smart card") && text.contains("smartcard") && text.contains("voter id"), "{text}");
        assert!(text.contains(&romanised_term("kard").unwrap()), "a misspelt alias meets by its skeleton: {text}");
        assert_eq!(
            service_search_text("ক", "A", "X-1", ""),
            service_search_text("ক", "A", "X-1", " | "),
            "blank aliases add nothing"
        );
    }

    #[test]
    fn search_keys_ignore_case_and_joiners() {
        assert_eq!(search_key("E-Passport  Renewal"), "e-passport renewal");
        assert_eq!(search_key("র\u{200d}্যাব"), search_key("র্যাব"));
    }
}
