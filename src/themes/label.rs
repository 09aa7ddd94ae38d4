//! Suggested theme labels: the content words the texts of a theme share most.
//!
//! Inflected forms are counted together when one is a prefix of the other
//! (`দালাল`, `দালালের`, `দালালকে`) or they share three quarters of the shorter one
//! (`কর্মচারীরা`, `কর্মচারীদের`), and so are words of either script with the same
//! consonant skeleton (`দালাল`, `dalal`). The label is the most common spelling of
//! up to four such words, in the order they usually come in the texts.

use std::collections::BTreeMap;

use super::fold::skeleton_of;
use super::normalise::{normalise, script_of, words, Script};
use super::stopwords::is_stopword;

/// The longest label suggested, in characters.
pub const LABEL_MAX_CHARS: usize = 60;
const LABEL_WORDS: usize = 4;
const VOCABULARY_CAP: usize = 2000;

pub(super) fn content_words(text: &str) -> Vec<String> {
    words(&normalise(text))
        .filter(|w| w.chars().count() >= 2 && !is_stopword(w))
        .filter(|w| matches!(w.chars().next().and_then(script_of), Some(Script::Bangla | Script::Latin)))
        .map(str::to_owned)
        .collect()
}

/// Maps every word of the vocabulary to the key of the family it is counted in.
fn families(vocabulary: &BTreeMap<String, usize>) -> BTreeMap<String, String> {
    let mut by_length: Vec<&String> = vocabulary.keys().collect();
    by_length.sort_by_key(|w| (w.chars().count(), w.as_str()));
    let mut family: BTreeMap<String, String> = BTreeMap::new();
    let mut by_skeleton: BTreeMap<String, String> = BTreeMap::new();
    for (i, word) in by_length.iter().enumerate() {
        let len = word.chars().count();
        let stem = by_length[..i].iter().find(|p| {
            let plen = p.chars().count();
            let shared = p.chars().zip(word.chars()).take_while(|(a, b)| a == b).count();
            // A prefix of this word (দালাল, দালালের), or another inflection of one stem
            // (কর্মচারীরা, কর্মচারীদের: three quarters of the shorter word shared).
            (plen >= 3 && plen * 2 >= len && shared == plen) || (shared >= 4 && shared * 4 >= plen * 3)
        });
        let key = match stem {
            Some(p) => family[p.as_str()].clone(),
            None => {
                let skeleton = skeleton_of(word);
                if skeleton.chars().count() >= 3 {
                    by_skeleton.entry(skeleton).or_insert_with(|| (*word).clone()).clone()
                } else {
                    (*word).clone()
                }
            }
        };
        family.insert((*word).clone(), key);
    }
    family
}

/// A short suggested theme label (at most [`LABEL_MAX_CHARS`] characters) built from
/// the words the texts share most; works for Bangla, English and mixed text. Empty
/// only when no text has a content word.
pub fn suggest_label(texts: &[&str]) -> String {
    let per_text: Vec<Vec<String>> = texts.iter().map(|t| content_words(t)).collect();
    let min_texts = if texts.len() >= 2 { 2 } else { 1 };
    let ranked = shared_words(&per_text, min_texts);
    if ranked.is_empty() {
        return fallback(&per_text);
    }
    let mut chosen: Vec<(f32, String)> = Vec::new();
    let mut length = 0;
    for (_, position, spelling) in ranked.into_iter().take(LABEL_WORDS) {
        let extra = spelling.chars().count() + if chosen.is_empty() { 0 } else { 1 };
        if length + extra > LABEL_MAX_CHARS {
            continue;
        }
        length += extra;
        chosen.push((position, spelling));
    }
    if chosen.is_empty() {
        return fallback(&per_text);
    }
    in_text_order(chosen)
}

/// Joins chosen words in the order they usually come in the texts.
pub(super) fn in_text_order(mut chosen: Vec<(f32, String)>) -> String {
    chosen.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    chosen.into_iter().map(|c| c.1).collect::<Vec<_>>().join(" ")
}

/// The word families found in at least `min_texts` of the texts (each given as its content
/// words), most shared first (then longest): each as (the number of texts it is in, its mean
/// relative first position, its most common spelling).
pub(super) fn shared_words(per_text: &[Vec<String>], min_texts: usize) -> Vec<(usize, f32, String)> {
    let mut vocabulary: BTreeMap<String, usize> = BTreeMap::new();
    for words in per_text {
        for w in words {
            *vocabulary.entry(w.clone()).or_default() += 1;
        }
    }
    if vocabulary.len() > VOCABULARY_CAP {
        // Only frequent words can label a theme; the cap bounds the prefix search.
        let mut counts: Vec<usize> = vocabulary.values().copied().collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        let floor = counts[VOCABULARY_CAP - 1];
        vocabulary.retain(|_, n| *n > floor);
    }
    let family = families(&vocabulary);

    // Per family: texts containing it, summed relative first position, spellings.
    struct Tally {
        texts: usize,
        position: f32,
        spellings: BTreeMap<String, usize>,
    }
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    for words in per_text {
        let mut seen: Vec<&str> = Vec::new();
        for (pos, w) in words.iter().enumerate() {
            let Some(key) = family.get(w).map(String::as_str) else { continue };
            let tally = tallies.entry(key).or_insert(Tally { texts: 0, position: 0.0, spellings: BTreeMap::new() });
            *tally.spellings.entry(w.clone()).or_default() += 1;
            if !seen.contains(&key) {
                seen.push(key);
                tally.texts += 1;
                tally.position += pos as f32 / words.len() as f32;
            }
        }
    }
    let mut ranked: Vec<(&str, &Tally)> =
        tallies.iter().map(|(k, t)| (*k, t)).filter(|(_, t)| t.texts >= min_texts).collect();
    ranked.sort_by(|a, b| {
        b.1.texts.cmp(&a.1.texts).then(b.0.chars().count().cmp(&a.0.chars().count())).then(a.0.cmp(b.0))
    });
    ranked.into_iter().map(|(_, t)| (t.texts, t.position / t.texts as f32, best_spelling(&t.spellings))).collect()
}

fn best_spelling(spellings: &BTreeMap<String, usize>) -> String {
    let mut all: Vec<(&String, &usize)> = spellings.iter().collect();
    all.sort_by(|a, b| b.1.cmp(a.1).then(a.0.chars().count().cmp(&b.0.chars().count())).then(a.0.cmp(b.0)));
    all[0].0.clone()
}

/// The first content words of the first text that has any, within the length limit.
fn fallback(per_text: &[Vec<String>]) -> String {
    let Some(words) = per_text.iter().find(|w| !w.is_empty()) else { return String::new() };
    let mut label = String::new();
    for w in words.iter().take(LABEL_WORDS) {
        let extra = w.chars().count() + usize::from(!label.is_empty());
        if label.chars().count() + extra > LABEL_MAX_CHARS {
            break;
        }
        if !label.is_empty() {
            label.push(' ');
        }
        label.push_str(w);
    }
    if label.is_empty() {
        label = words[0].chars().take(LABEL_MAX_CHARS).collect();
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bangla_label_uses_the_shared_words_whatever_their_inflection() {
        let label = suggest_label(&[
            "পাসপোর্ট অফিসে দালাল ছাড়া কাজ হয় না",
            "দালালকে টাকা না দিলে ফাইল নড়ে না",
            "দালালের মাধ্যমে গেলে দ্রুত হয়, না হলে ঘুরতে হয়",
            "dalal chara kichu hoy na",
        ]);
        assert!(label.starts_with("দালাল"), "{label}");
        assert!(!label.contains("dalal"), "{label}");
        assert!(label.chars().count() <= LABEL_MAX_CHARS);
    }

    #[test]
    fn two_inflections_of_one_stem_count_as_one_word() {
        let label = suggest_label(&["কর্মচারীরা খারাপ ব্যবহার করে", "কর্মচারীদের ব্যবহার খারাপ", "সার্ভিস ভালো না, সার্ভার ডাউন"]);
        assert_eq!(label.matches("কর্মচারী").count(), 1, "{label}");
    }

    #[test]
    fn an_english_label_leaves_out_function_words() {
        let label = suggest_label(&[
            "The server is down and the online form fails",
            "Online form fails again, server down all day",
            "server down since morning",
        ]);
        assert!(label.contains("server") && label.contains("down"), "{label}");
        assert!(!label.split(' ').any(|w| w == "the" || w == "and"), "{label}");
    }

    #[test]
    fn a_label_never_exceeds_sixty_characters() {
        let long = "অনির্ভরযোগ্যতাসম্পন্নপ্রক্রিয়াকরণব্যবস্থাপনাসংক্রান্তজটিলতাজনিতসমস্যাবলিসমূহ";
        let label = suggest_label(&[long, long]);
        assert!(label.chars().count() <= LABEL_MAX_CHARS);
        assert!(!label.is_empty());
    }

    #[test]
    fn texts_without_words_give_an_empty_label() {
        assert_eq!(suggest_label(&[]), "");
        assert_eq!(suggest_label(&["!!!", "১২৩"]), "");
    }

    #[test]
    fn many_texts_with_many_distinct_words_are_labelled_quickly() {
        let texts: Vec<String> = (0..5000).map(|i| format!("সার্ভার ডাউন শব্দ{i} word{i}x")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let started = std::time::Instant::now();
        let label = suggest_label(&refs);
        assert!(label.contains("সার্ভার") && label.contains("ডাউন"), "{label}");
        assert!(started.elapsed().as_secs() < 10);
    }

    #[test]
    fn one_text_is_labelled_by_its_first_content_words() {
        assert_eq!(suggest_label(&["Fingerprint machine was broken for a week"]), "fingerprint machine broken week");
    }
}
