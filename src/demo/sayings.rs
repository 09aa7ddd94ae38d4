//! What each demo feedback says. A service of the labelled corpus speaks with the
//! corpus's development texts (`data/themes_corpus/dev.csv`, whole, each used once, in
//! a seeded order); every other service gets a text put together from the phrase set.
//! The corpus's test part is never read: it is kept for the evaluation.

use std::collections::{BTreeMap, HashMap, HashSet};

use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};

use super::phrases::{Composer, CATEGORIES};
use crate::domain::feedback::FeedbackText;
use crate::themes::corpus::{parse_corpus, CorpusRow, DEVELOPMENT};

/// One demo feedback's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Said {
    /// complaint, expectation or suggestion.
    pub kind: String,
    /// bn, en, mixed or rbn (romanised Bangla).
    pub lang: &'static str,
    /// The text; phrase-set texts still hold `{service}`, `{days}` and the like.
    pub text: String,
    /// visible, or spam for the corpus's spam rows (a designer already marked them).
    pub moderation: &'static str,
}

impl Said {
    /// The page language the citizen wrote from.
    pub fn locale(&self) -> &'static str {
        if self.lang == "en" {
            "en"
        } else {
            "bn"
        }
    }
}

/// The texts left to say, per corpus service, and the phrase set for the rest.
pub(super) struct Sayings {
    /// Each corpus service's development texts in a seeded order.
    corpus: BTreeMap<String, Vec<CorpusRow>>,
    /// What is left of each, taken from the end.
    left: BTreeMap<String, Vec<CorpusRow>>,
    composer: Composer,
    /// The phrases each other service has said.
    used: HashMap<String, HashSet<usize>>,
}

impl Sayings {
    /// The built-in texts, shuffled by `rng`.
    pub fn builtin(rng: &mut StdRng) -> Self {
        let rows = parse_corpus(DEVELOPMENT).expect("the built-in corpus is valid (tested)");
        let mut corpus: BTreeMap<String, Vec<CorpusRow>> = BTreeMap::new();
        // Texts intake would refuse (too short: "test 123", a row of emoji) are left out.
        for row in rows.into_iter().filter(|r| FeedbackText::parse("text", &r.text).is_ok()) {
            corpus.entry(row.service.clone()).or_default().push(row);
        }
        for texts in corpus.values_mut() {
            texts.shuffle(rng);
        }
        Sayings { left: corpus.clone(), corpus, composer: Composer::builtin(), used: HashMap::new() }
    }

    /// Whether `code` is a corpus service that has said all its texts.
    pub fn exhausted(&self, code: &str) -> bool {
        self.left.get(code).is_some_and(Vec::is_empty)
    }

    /// Starts every corpus service's texts again (only when nothing else is left to draw).
    pub fn refill(&mut self) {
        self.left = self.corpus.clone();
    }

    /// The next feedback of service `code`.
    pub fn say(&mut self, rng: &mut StdRng, code: &str) -> Said {
        if let Some(row) = self.left.get_mut(code).and_then(Vec::pop) {
            return from_corpus(row);
        }
        let kind = *weighted(rng, &[("complaint", 60), ("suggestion", 25), ("expectation", 15)]);
        let lang = *weighted(rng, &[("bn", 55), ("en", 25), ("mixed", 12), ("rbn", 8)]);
        let category = *CATEGORIES.choose(rng).expect("categories");
        let used = self.used.entry(code.to_owned()).or_default();
        let text = self.composer.compose(rng, used, (lang, kind), category);
        Said { kind: kind.to_owned(), lang, text, moderation: "visible" }
    }

    /// Every phrase of the phrase set (for tests).
    #[cfg(test)]
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        self.composer.texts()
    }
}

fn from_corpus(row: CorpusRow) -> Said {
    let lang = match row.lang.as_str() {
        "en" => "en",
        "mixed" => "mixed",
        "roman" => "rbn",
        _ => "bn",
    };
    // Off-topic rows stay visible: a designer meets them among the not-yet-grouped.
    let moderation = if row.theme == "spam" { "spam" } else { "visible" };
    Said { kind: row.kind, lang, text: row.text, moderation }
}

/// One of `items`, drawn in proportion to its weight.
pub(super) fn weighted<'a, T>(rng: &mut StdRng, items: &'a [(T, u32)]) -> &'a T {
    use rand::Rng;
    let total: u32 = items.iter().map(|i| i.1).sum();
    let mut roll = rng.random_range(0..total);
    for (item, weight) in items {
        if roll < *weight {
            return item;
        }
        roll -= weight;
    }
    &items[0].0
}

#[cfg(test)]
#[path = "sayings_tests.rs"]
mod tests;
