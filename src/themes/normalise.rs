//! Text normalisation shared by signatures, labels and the category lexicon.
//!
//! NFC, lower case, Bangla digits as ASCII, zero-width joiners removed, every
//! character that is neither a letter, a mark of a letter nor a digit turned into a
//! space, a space between runs of different scripts (`৩মাস` → `3 মাস`,
//! `passportটা` → `passport টা`), runs of spaces collapsed.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The script class of a character kept by [`normalise`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// The Bangla block (U+0980–U+09FF), letters, vowel signs and marks.
    Bangla,
    /// A Latin letter (ASCII or accented).
    Latin,
    /// An ASCII digit (Bangla digits are converted before classing).
    Digit,
    /// Any other letter or digit (Devanagari, Arabic, …).
    Other,
}

/// The script of `c`, or `None` when `c` separates words.
pub fn script_of(c: char) -> Option<Script> {
    match c {
        'a'..='z' | 'A'..='Z' => Some(Script::Latin),
        '0'..='9' => Some(Script::Digit),
        // The taka sign and the Bangla currency numerators are symbols, not letters.
        '\u{09F2}'..='\u{09FB}' => None,
        '\u{0980}'..='\u{09FF}' => Some(Script::Bangla),
        _ if c.is_ascii() => None,
        _ if c.is_alphabetic() => {
            if (c as u32) < 0x0250 || ('\u{1E00}'..='\u{1EFF}').contains(&c) {
                Some(Script::Latin)
            } else {
                Some(Script::Other)
            }
        }
        _ if c.is_numeric() => Some(Script::Other),
        _ => None,
    }
}

/// Bangla digit `c` as its ASCII digit, anything else unchanged.
pub fn ascii_digit(c: char) -> char {
    match c {
        '০'..='৯' => char::from(b'0' + (c as u32 - '০' as u32) as u8),
        _ => c,
    }
}

/// `text` normalised for matching: see the module documentation.
pub fn normalise(text: &str) -> String {
    let mut chars = Vec::with_capacity(text.len());
    normalise_into(text, &mut chars);
    chars.into_iter().collect()
}

/// [`normalise`] into a buffer of characters (cleared first): words separated by one
/// space, none at either end.
pub fn normalise_into(text: &str, out: &mut Vec<char>) {
    out.clear();
    if surely_nfc(text) {
        push_normalised(text.chars(), out);
    } else {
        push_normalised(text.nfc(), out);
    }
    if out.last() == Some(&' ') {
        out.pop();
    }
}

/// Whether `text` is certainly NFC already, checked a character at a time: ASCII and
/// Bangla by the few rules that matter for them, other characters by their combining
/// class and their own quick-check value (anything unsure takes the full NFC path).
fn surely_nfc(text: &str) -> bool {
    let mut prev = '\0';
    for c in text.chars() {
        match c {
            _ if c.is_ascii() => {}
            // Nukta letters are composition exclusions: NFC decomposes them.
            '\u{09DC}' | '\u{09DD}' | '\u{09DF}' => return false,
            // e + aa and e + au length mark compose into o and au.
            '\u{09BE}' | '\u{09D7}' if prev == '\u{09C7}' => return false,
            // A nukta after a virama is reordered before it.
            '\u{09BC}' if prev == '\u{09CD}' => return false,
            '\u{0980}'..='\u{09FF}' | '\u{200C}' | '\u{200D}' => {}
            // Any other starter that is NFC by itself (the danda, quotes, emoji).
            _ if canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes => {}
            _ => return false,
        }
        prev = c;
    }
    true
}

fn push_normalised(chars: impl Iterator<Item = char>, out: &mut Vec<char>) {
    let mut last: Option<Script> = None;
    for c in chars {
        if matches!(c, '\u{200C}' | '\u{200D}') {
            continue;
        }
        let c = ascii_digit(c);
        match script_of(c) {
            None => {
                if last.is_some() {
                    out.push(' ');
                }
                last = None;
            }
            Some(script) => {
                if last.is_some_and(|l| l != script) {
                    out.push(' ');
                }
                last = Some(script);
                if c.is_ascii() || script == Script::Bangla {
                    out.push(c.to_ascii_lowercase());
                } else {
                    out.extend(c.to_lowercase());
                }
            }
        }
    }
}

/// The words of already normalised text.
pub fn words(normalised: &str) -> impl Iterator<Item = &str> {
    normalised.split(' ').filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bangla_digits_become_ascii_and_split_from_words() {
        assert_eq!(normalise("৩মাস লেগেছে, ১২০০০ টাকা"), "3 মাস লেগেছে 12000 টাকা");
    }

    #[test]
    fn case_punctuation_and_spacing_are_ignored() {
        assert_eq!(normalise("  Server DOWN!!!   আবার…  (৩ দিন)  "), "server down আবার 3 দিন");
        assert_eq!(normalise("দালাল।ঘুষ॥ fee-5750৳"), "দালাল ঘুষ fee 5750");
    }

    #[test]
    fn nukta_letters_are_the_same_composed_or_not() {
        // U+09DF (য়) is a composition exclusion: NFC writes it as য + nukta.
        assert_eq!(normalise("\u{09DF}"), normalise("\u{09AF}\u{09BC}"));
        assert_eq!(normalise("সম\u{09DF}"), "সম\u{09AF}\u{09BC}");
    }

    #[test]
    fn split_vowel_signs_are_composed_like_nfc_does() {
        // ে + া is ো, ে + ৗ is ৌ, and a nukta typed after a virama moves before it.
        assert_eq!(normalise("ক\u{09C7}\u{09BE}ন"), normalise("ক\u{09CB}ন"));
        assert_eq!(normalise("ম\u{09C7}\u{09D7}"), normalise("ম\u{09CC}"));
        assert_eq!(normalise("ড\u{09CD}\u{09BC}"), normalise("ড\u{09BC}\u{09CD}"));
        assert_eq!(normalise("Cafe\u{301}"), "caf\u{e9}");
    }

    #[test]
    fn zero_width_joiners_are_dropped() {
        assert_eq!(normalise("র\u{200d}্যাব"), normalise("র্যাব"));
    }

    #[test]
    fn mixed_script_words_are_split_at_the_script_change() {
        assert_eq!(normalise("passportটা online-এ"), "passport টা online এ");
    }

    #[test]
    fn romanised_bangla_is_lower_cased_like_english() {
        assert_eq!(normalise("Amar PASSPORT ashte 3mash lagse"), "amar passport ashte 3 mash lagse");
        assert_eq!(words("a  b").count(), 2);
    }
}
