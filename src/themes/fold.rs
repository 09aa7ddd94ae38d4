//! Spelling folds that let romanised Bangla, English and Bangla script meet.
//!
//! - [`fold_latin`] evens out romanised spelling (`ghush`/`ghus`, `dalaal`/`dalal`,
//!   `vai`/`bhai`, `police`/`polis`): doubled letters collapse, an `h` after a
//!   consonant is dropped, `ph`→`f`, `c`→`k` or `s`, `q`→`k`, `z`→`j`, `v`→`b`,
//!   `y`→`i`, `ee`→`i`, `oo`→`u`.
//! - [`skeleton`] reduces a word of either script to a consonant key: vowels are
//!   dropped (a word-initial vowel becomes `a`), Bangla consonants map to the letter
//!   romanised text uses for them. `পাসপোর্ট` and `passport` both give `psprt`,
//!   `দালাল` and `dalal` give `dll`, `ঘুষ` and `ghush` give `gs`.

/// Folds a lower-case Latin word into `out` (see the module documentation).
pub fn fold_latin(word: &[char], out: &mut Vec<char>) {
    out.clear();
    let mut i = 0;
    while i < word.len() {
        let c = word[i];
        let next = word.get(i + 1).copied();
        let mapped = match c {
            'h' if i > 0 && is_consonant(word[i - 1]) => None,
            'p' if next == Some('h') => Some('f'),
            'c' if next == Some('h') => Some('c'),
            'c' if matches!(next, Some('e' | 'i' | 'y')) => Some('s'),
            'c' | 'q' => Some('k'),
            'z' => Some('j'),
            'v' => Some('b'),
            'y' => Some('i'),
            'e' if next == Some('e') => {
                i += 1;
                Some('i')
            }
            'o' if next == Some('o') => {
                i += 1;
                Some('u')
            }
            _ => Some(c),
        };
        if let Some(m) = mapped {
            if out.last() != Some(&m) {
                out.push(m);
            }
        }
        i += 1;
    }
}

fn is_consonant(c: char) -> bool {
    c.is_ascii_lowercase() && !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'h' | 'w' | 'y')
}

fn is_latin_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'w' | 'y')
}

/// The consonant skeleton of a folded Latin word, written into `out`.
pub fn skeleton_latin(folded: &[char], out: &mut Vec<char>) {
    out.clear();
    for (i, &c) in folded.iter().enumerate() {
        let k = if is_latin_vowel(c) {
            if i == 0 {
                'a'
            } else {
                continue;
            }
        } else {
            c
        };
        if out.last() != Some(&k) {
            out.push(k);
        }
    }
}

/// The consonant skeleton of a Bangla word, written into `out`.
pub fn skeleton_bangla(word: &[char], out: &mut Vec<char>) {
    out.clear();
    for (i, &c) in word.iter().enumerate() {
        let nukta = word.get(i + 1) == Some(&'\u{09BC}');
        let after_virama = i > 0 && word[i - 1] == '\u{09CD}';
        let k = match c {
            'অ'..='ঔ' => {
                if i == 0 {
                    'a'
                } else {
                    continue;
                }
            }
            'ড' | 'ঢ' if nukta => 'r',
            'য' if nukta || after_virama => continue,
            'ক' | 'খ' => 'k',
            'গ' | 'ঘ' => 'g',
            'ঙ' | 'ং' | 'ণ' | 'ন' => 'n',
            'চ' | 'ছ' => 'c',
            'জ' | 'ঝ' | 'য' => 'j',
            'ঞ' => 'n',
            'ট' | 'ঠ' | 'ত' | 'থ' | 'ৎ' => 't',
            'ড' | 'ঢ' | 'দ' | 'ধ' => 'd',
            'প' => 'p',
            'ফ' => 'f',
            'ব' | 'ভ' => 'b',
            'ম' => 'm',
            'র' | '\u{09DC}' | '\u{09DD}' | 'ৰ' => 'r',
            'ল' => 'l',
            'শ' | 'ষ' | 'স' => 's',
            'হ' => 'h',
            _ => continue,
        };
        if out.last() != Some(&k) {
            out.push(k);
        }
    }
}

/// The consonant skeleton of one word of either script (lower-case Latin, or Bangla in NFC): a
/// word that starts with an ASCII character is read as Latin.
pub fn skeleton_of(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::new();
    if chars.first().is_some_and(char::is_ascii) {
        let mut folded = Vec::new();
        fold_latin(&chars, &mut folded);
        skeleton_latin(&folded, &mut out);
    } else {
        skeleton_bangla(&chars, &mut out);
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        fold_latin(&chars, &mut out);
        out.into_iter().collect()
    }

    fn skel(s: &str) -> String {
        skeleton_of(s)
    }

    #[test]
    fn romanised_spelling_variants_fold_together() {
        assert_eq!(fold("ghush"), fold("ghus"));
        assert_eq!(fold("dalaal"), fold("dalal"));
        assert_eq!(fold("vai"), fold("bhai"));
        assert_eq!(fold("kagoz"), fold("kagoj"));
        assert_eq!(fold("phone"), fold("fone"));
        assert_eq!(fold("ashte"), fold("aste"));
        assert_eq!(fold("deen"), fold("din"));
    }

    #[test]
    fn bangla_and_romanised_words_share_a_skeleton() {
        let nfc = |s: &str| crate::themes::normalise::normalise(s);
        assert_eq!(skel(&nfc("পাসপোর্ট")), skel("passport"));
        assert_eq!(skel(&nfc("দালাল")), skel("dalal"));
        assert_eq!(skel(&nfc("ঘুষ")), skel("ghush"));
        assert_eq!(skel(&nfc("সার্ভার")), skel("server"));
        assert_eq!(skel(&nfc("অনলাইন")), skel("online"));
        assert_eq!(skel(&nfc("টাকা")), skel("taka"));
        assert_eq!(skel(&nfc("পুলিশ")), skel("police"));
    }

    #[test]
    fn nukta_letters_keep_their_sound() {
        let nfc = |s: &str| crate::themes::normalise::normalise(s);
        assert_eq!(skel(&nfc("বাড়ি")), "br");
        assert_eq!(skel(&nfc("সময়")), "sm");
    }
}
