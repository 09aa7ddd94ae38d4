//! What the pain classifier reads in a text: features tied to the word they came from,
//! so that the words that decided a category can be shown.
//!
//! Per word of the [`normalise`]d text: the folded word, its first letters (a crude
//! stem that survives Bangla suffixes and English endings), its consonant skeleton
//! (the same for `ঘুষ` and `ghush`), and its character 3-grams (typos cost a few);
//! a light English stem of Latin words (`rejected`, `rejects` → `reject`, which the
//! folds above keep apart); the pair of a word with the next; and one feature per pain keyword of the
//! [`Lexicon`] found in the text, tied to the keyword's first word.

use super::super::fold::{fold_latin, skeleton_bangla, skeleton_latin};
use super::super::hash::hash_chars;
use super::super::lexicon::Lexicon;
use super::super::normalise::{normalise, script_of, Script};
use super::super::stopwords::is_stopword_chars;

const SEED_WORD: u64 = 101;
const SEED_STEM: u64 = 102;
const SEED_SKELETON: u64 = 103;
const SEED_GRAM: u64 = 104;
const SEED_PAIR: u64 = 105;
const SEED_KEYWORD: u64 = 106;
const SEED_ENGLISH: u64 = 107;

/// A light English stem: common inflection endings cut (`rejected`, `rejects` → `reject`).
fn english_stem(word: &[char]) -> &[char] {
    const ENDINGS: [&str; 8] = ["ations", "ation", "ings", "ing", "edly", "ed", "es", "s"];
    for e in ENDINGS {
        let n = e.chars().count();
        if word.len() >= n + 3 && word[word.len() - n..].iter().copied().eq(e.chars()) {
            return &word[..word.len() - n];
        }
    }
    word
}
/// Letters kept by the stem feature.
const STEM: usize = 4;

/// The features of one text and the words they came from.
#[derive(Debug, Clone, Default)]
pub struct TextFeatures {
    /// The normalised words, in order.
    pub words: Vec<String>,
    /// `(feature hash, index of the word it came from)`, each feature once.
    pub features: Vec<(u32, u16)>,
}

/// The folded form of one normalised word: Latin words folded, numbers as `0`.
fn fold_word(word: &str) -> (Vec<char>, Option<Script>) {
    let chars: Vec<char> = word.chars().collect();
    let script = chars.first().and_then(|&c| script_of(c));
    match script {
        Some(Script::Digit) => (vec!['0'], script),
        Some(Script::Latin) => {
            let mut out = Vec::with_capacity(chars.len());
            fold_latin(&chars, &mut out);
            (out, script)
        }
        _ => (chars, script),
    }
}

/// The features of `text` (any mix of Bangla, English and romanised Bangla).
pub fn features(text: &str, lexicon: &Lexicon) -> TextFeatures {
    let norm = normalise(text);
    let words: Vec<String> = norm.split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect();
    let mut out: Vec<(u32, u16)> = Vec::with_capacity(words.len() * 12);
    let mut skeleton = Vec::new();
    let mut previous: Option<Vec<char>> = None;
    for (i, word) in words.iter().enumerate() {
        let at = u16::try_from(i).unwrap_or(u16::MAX);
        let (folded, script) = fold_word(word);
        let content = !is_stopword_chars(&folded) && script != Some(Script::Digit);
        out.push((hash_chars(SEED_WORD, &folded), at));
        let stem: Vec<char> = folded.iter().copied().take(STEM).collect();
        if content && folded.len() > STEM {
            out.push((hash_chars(SEED_STEM, &stem), at));
        }
        if content {
            match script {
                Some(Script::Latin) => skeleton_latin(&folded, &mut skeleton),
                Some(Script::Bangla) => skeleton_bangla(&folded, &mut skeleton),
                _ => skeleton.clear(),
            }
            if skeleton.len() >= 2 {
                out.push((hash_chars(SEED_SKELETON, &skeleton), at));
            }
            if script == Some(Script::Latin) {
                let raw: Vec<char> = word.chars().collect();
                out.push((hash_chars(SEED_ENGLISH, english_stem(&raw)), at));
            }
            let mut padded = Vec::with_capacity(folded.len() + 2);
            padded.push('\u{1}');
            padded.extend_from_slice(&folded);
            padded.push('\u{2}');
            out.extend(padded.windows(3).map(|g| (hash_chars(SEED_GRAM, g), at)));
        }
        if let Some(prev) = &previous {
            let mut pair = prev.clone();
            pair.push(' ');
            pair.extend_from_slice(&stem);
            out.push((hash_chars(SEED_PAIR, &pair), at.saturating_sub(1)));
        }
        previous = content.then_some(stem);
    }
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    for (at, category) in lexicon.matches(&refs) {
        let name: Vec<char> = category.as_str().chars().collect();
        out.push((hash_chars(SEED_KEYWORD, &name), u16::try_from(at).unwrap_or(u16::MAX)));
    }
    // Each feature once, at its first word.
    let mut seen = std::collections::HashSet::with_capacity(out.len());
    out.retain(|(f, _)| seen.insert(*f));
    TextFeatures { words, features: out }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(text: &str) -> std::collections::HashSet<u32> {
        features(text, &Lexicon::default()).features.into_iter().map(|f| f.0).collect()
    }

    #[test]
    fn romanised_and_bangla_spellings_share_the_skeleton_feature() {
        let (bn, roman) = (hashes("ঘুষ"), hashes("ghush"));
        assert!(bn.intersection(&roman).count() >= 1);
        assert!(hashes("dalaal").intersection(&hashes("dalal")).count() >= 1);
    }

    #[test]
    fn every_feature_points_at_a_word_of_the_text() {
        let f = features("দালাল ছাড়া passport হয় না, ২০০০ টাকা দিতে হলো", &Lexicon::builtin());
        assert!(!f.features.is_empty());
        assert!(f.features.iter().all(|(_, at)| (*at as usize) < f.words.len()));
        assert_eq!(f.words[0], "দালাল");
    }

    #[test]
    fn english_inflections_share_the_stem_feature() {
        assert_eq!(english_stem(&"rejected".chars().collect::<Vec<_>>()), &"reject".chars().collect::<Vec<_>>()[..]);
        assert_eq!(english_stem(&"waiting".chars().collect::<Vec<_>>()), &"wait".chars().collect::<Vec<_>>()[..]);
        assert_eq!(english_stem(&"bus".chars().collect::<Vec<_>>()), &"bus".chars().collect::<Vec<_>>()[..]);
        let shared = hashes("rejected").intersection(&hashes("rejects")).count();
        assert!(shared > hashes("rejected").intersection(&hashes("respects")).count());
    }

    #[test]
    fn a_lexicon_keyword_adds_one_feature_for_its_category() {
        let plain = features("he took a bribe", &Lexicon::default()).features.len();
        let with = features("he took a bribe", &Lexicon::builtin()).features.len();
        assert_eq!(with, plain + 1);
    }
}
