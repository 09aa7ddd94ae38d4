//! Readable suggested labels: one per script, led by the theme's pain category.
//!
//! `ঘুষ ও দালাল: পুলিশ ভেরিফিকেশন`, `Unofficial payment: police verification`. The
//! Bangla label holds only Bangla-script words, the English label only Latin-script
//! words of texts that read as English (romanised Bangla such as `ami 3 bar gesi` is
//! left out), so a label never mixes scripts. After the category name come up to three
//! words that the texts share (any word, for a theme of one text), as long as the label
//! stays within [`READABLE_LABEL_MAX`] characters; without such words the label is the
//! category name alone.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::label::{content_words, in_text_order, shared_words};
use super::normalise::{normalise, script_of, words, Script};
use super::stopwords::leans_romanised;

/// The longest readable label, in characters (the category name alone may be longer).
pub const READABLE_LABEL_MAX: usize = 40;
/// Shared words after the category name.
const LABEL_WORDS: usize = 3;

/// Words of feeling and politeness (`honestly`, `disappointing`, `ভাই`) and words about
/// giving feedback itself (`complaint`, `hope`, `চাই`) that say nothing of the problem:
/// common in feedback, never in a label.
const FILLER: &str = "honestly really very so too much totally actually literally basically please kindly sir \
    madam bhai vai apa dear sad bad worst terrible horrible pathetic disappointing disappointed frustrating \
    frustrated shame shameful useless unacceptable angry upset hopeless thanks thank \
    complaint complain suggestion suggest expectation expect hope wish want need problem issue everyone \
    someone anyone nobody people urgently immediately \
    খুব খুবই অনেক ভাই আপা স্যার দয়া অনুগ্রহ দুঃখজনক হতাশ হতাশাজনক বিরক্ত বিরক্তিকর লজ্জা লজ্জাজনক \
    দুঃখ কষ্ট অসহ্য বাজে জঘন্য সত্যি সত্যিই আসলে ধন্যবাদ প্লিজ অভিযোগ পরামর্শ প্রত্যাশা আশা চাই \
    চাইছি সমস্যা প্রতি দেওয়ার করার নেওয়ার যাওয়ার হওয়ার সবাই কেউ";

fn is_filler(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS.get_or_init(|| words(&normalise(FILLER)).map(str::to_owned).collect()).contains(word)
}

/// The script a label is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelScript {
    /// Bangla script only (the Bangla label).
    Bangla,
    /// Latin script from English texts only (the English label).
    Latin,
}

impl LabelScript {
    fn holds(self, word: &str) -> bool {
        let script = word.chars().next().and_then(script_of);
        match self {
            LabelScript::Bangla => script == Some(Script::Bangla),
            LabelScript::Latin => script == Some(Script::Latin),
        }
    }
}

fn is_past_tense(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed") && word.is_ascii()
}

/// The content words of `text` in `script` (none from a romanised-Bangla text for [`LabelScript::Latin`]).
fn words_in(text: &str, script: LabelScript) -> Vec<String> {
    if script == LabelScript::Latin {
        let normalised = normalise(text);
        let latin = words(&normalised).filter(|w| script.holds(w));
        if leans_romanised(latin) {
            return Vec::new();
        }
    }
    content_words(text).into_iter().filter(|w| script.holds(w) && !is_filler(w)).collect()
}

/// Whether `text` has words that a label in `script` could use.
pub fn has_label_words(text: &str, script: LabelScript) -> bool {
    !words_in(text, script).is_empty()
}

/// Whether a label is the category name alone (no words of its texts after it).
pub fn is_bare(label: &str) -> bool {
    !label.contains(": ")
}

/// A short label `category: shared words` in one script, e.g. `Unofficial payment: police
/// verification`; `category` alone when the texts share no word of that script.
pub fn category_label(category: &str, texts: &[&str], script: LabelScript) -> String {
    let category = category.trim();
    let named: Vec<String> = content_words(category);
    let per_text: Vec<Vec<String>> = texts
        .iter()
        .map(|t| words_in(t, script))
        .map(|ws| ws.into_iter().filter(|w| !named.contains(w)).collect::<Vec<_>>())
        .filter(|ws| !ws.is_empty())
        .collect();
    let min_texts = if per_text.len() >= 2 { 2 } else { 1 };
    let budget = READABLE_LABEL_MAX.saturating_sub(category.chars().count() + 2);
    let mut ranked = shared_words(&per_text, min_texts);
    // Among words as widely shared, an English past tense (`asked`, `wanted`) names the problem
    // less well than a noun: it goes after them.
    ranked.sort_by_key(|(texts, _, word)| (std::cmp::Reverse(*texts), is_past_tense(word)));
    let mut chosen: Vec<(f32, String)> = Vec::new();
    let mut length = 0;
    for (_, position, word) in ranked {
        let extra = word.chars().count() + usize::from(!chosen.is_empty());
        if length + extra > budget {
            continue;
        }
        length += extra;
        chosen.push((position, word));
        if chosen.len() == LABEL_WORDS {
            break;
        }
    }
    if chosen.is_empty() {
        return category.to_owned();
    }
    format!("{category}: {}", in_text_order(chosen))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIXED: [&str; 5] = [
        "পুলিশ ভেরিফিকেশনের জন্য দারোগা ২০০০ টাকা ঘুষ চাইলেন",
        "police verification e 2000 taka dite hoise, na dile report dibe na",
        "The police verification officer wanted a bribe before he sent the report",
        "honestly পুলিশ ভেরিফিকেশন এর নামে ঘুষ, so disappointing",
        "Police verification took a bribe of 1500 taka, very disappointing",
    ];

    fn is_bangla_only(label: &str) -> bool {
        label.chars().all(|c| !c.is_ascii_alphabetic())
    }

    #[test]
    fn the_bangla_label_holds_only_bangla_words_even_from_mixed_texts() {
        let label = category_label("অনানুষ্ঠানিক টাকা", &MIXED, LabelScript::Bangla);
        assert!(label.starts_with("অনানুষ্ঠানিক টাকা: "), "{label}");
        assert!(label.contains("পুলিশ") && label.contains("ভেরিফিকেশন"), "{label}");
        assert!(is_bangla_only(&label), "{label}");
        assert!(label.chars().count() <= READABLE_LABEL_MAX, "{label}");
    }

    #[test]
    fn the_english_label_holds_only_english_words_and_no_romanised_bangla() {
        let label = category_label("Unofficial payment", &MIXED, LabelScript::Latin);
        assert!(label.starts_with("Unofficial payment: "), "{label}");
        assert!(label.contains("police") && label.contains("verification"), "{label}");
        assert!(!label.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)), "{label}");
        for romanised in ["dite", "hoise", "dile", "dibe", "taka"] {
            assert!(!label.split([' ', ':']).any(|w| w == romanised), "{label}");
        }
        assert!(label.chars().count() <= READABLE_LABEL_MAX, "{label}");
    }

    #[test]
    fn a_label_is_short_and_led_by_the_category() {
        let texts = [
            "Waited four months for the birth registration certificate of my daughter at the union parishad",
            "Birth registration certificate still not ready after three months of waiting",
            "My birth registration certificate application has been pending since January",
        ];
        let label = category_label("Time", &texts, LabelScript::Latin);
        assert_eq!(label, "Time: birth registration certificate");
        let long = category_label("Unofficial payment", &texts, LabelScript::Latin);
        assert!(long.starts_with("Unofficial payment: birth"), "{long}");
        assert!(long.chars().count() <= READABLE_LABEL_MAX, "{long}");
    }

    #[test]
    fn without_shared_words_of_the_script_the_label_is_the_category_name() {
        let english = ["The server was down all day", "Nobody at the counter could tell me the fee"];
        assert_eq!(category_label("তথ্য", &english, LabelScript::Bangla), "তথ্য");
        assert_eq!(category_label("Information", &english, LabelScript::Latin), "Information");
        let romanised = ["ami 3 bar gesi kintu kaj hoy nai", "3 bar jete hoise kaj hoy nai"];
        assert_eq!(category_label("Visits", &romanised, LabelScript::Latin), "Visits");
        assert_eq!(category_label("Other", &[], LabelScript::Latin), "Other");
    }

    #[test]
    fn a_text_has_label_words_only_in_the_scripts_a_label_can_use() {
        assert!(has_label_words("পাসপোর্ট অফিসে দালাল", LabelScript::Bangla));
        assert!(!has_label_words("পাসপোর্ট অফিসে দালাল", LabelScript::Latin));
        assert!(!has_label_words("ami 3 bar gesi kintu kaj hoy nai", LabelScript::Latin));
        assert!(has_label_words("The broker took my money", LabelScript::Latin));
        assert!(is_bare("Time") && !is_bare("Time: passport"));
    }

    #[test]
    fn one_text_is_labelled_by_its_own_words_after_the_category() {
        let label =
            category_label("Digital access", &["Fingerprint machine was broken for a week"], LabelScript::Latin);
        assert!(label.starts_with("Digital access: "), "{label}");
        assert!(label.contains("fingerprint") && label.contains("machine"), "{label}");
        assert!(label.chars().count() <= READABLE_LABEL_MAX, "{label}");
    }

    #[test]
    fn a_noun_goes_before_a_past_tense_shared_as_widely() {
        let texts = [
            "The registrar asked for 2000 taka to give the birth certificate quickly",
            "The union parishad secretary asked for 2000 taka for my birth certificate",
        ];
        assert_eq!(
            category_label("Unofficial payment", &texts, LabelScript::Latin),
            "Unofficial payment: birth certificate"
        );
    }

    #[test]
    fn words_that_only_repeat_the_category_are_left_out() {
        let texts = ["Too much time for the passport", "It takes time, passport still not here"];
        assert_eq!(category_label("Time", &texts, LabelScript::Latin), "Time: passport");
    }
}
