//! Demo feedback for services the labelled corpus does not cover, put together from
//! `feedback_phrases.csv`: the problem first and mostly alone, an opening or a closing
//! only now and then (a shared opening would make every text of a service look alike).

use std::collections::HashSet;

use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::Rng;

const PHRASES: &str = include_str!("feedback_phrases.csv");

/// How often a text starts with an opening, ends with a closing, or tells a second problem.
const OPENING: f64 = 0.25;
const CLOSING: f64 = 0.3;
const SECOND_PROBLEM: f64 = 0.12;

/// Pain categories the phrases are written for.
pub(super) const CATEGORIES: &[&str] = &[
    "time",
    "cost",
    "visits",
    "documents",
    "information",
    "staff_conduct",
    "unofficial_payment",
    "digital_access",
    "other",
];

struct Phrase {
    lang: String,
    kind: String,
    category: String,
    part: String,
    text: String,
}

/// The phrase set, read once per demo run.
pub(super) struct Composer {
    phrases: Vec<Phrase>,
}

impl Composer {
    /// Reads the built-in phrase set.
    pub(super) fn builtin() -> Self {
        let mut reader = csv::Reader::from_reader(PHRASES.as_bytes());
        let phrases = reader
            .records()
            .map(|r| {
                let r = r.expect("feedback_phrases.csv is well-formed");
                Phrase {
                    lang: r[0].into(),
                    kind: r[1].into(),
                    category: r[2].into(),
                    part: r[3].into(),
                    text: r[4].into(),
                }
            })
            .collect();
        Composer { phrases }
    }

    /// A phrase of this language, kind and part; one not yet in `used` (the phrases this
    /// service has said) while there is one, so a service repeats itself only when it must.
    /// With `fresh_only`, none rather than a phrase said before.
    fn pick(
        &self,
        rng: &mut StdRng,
        used: &mut HashSet<usize>,
        (lang, kind, part): (&str, &str, &str),
        category: Option<&str>,
        fresh_only: bool,
    ) -> Option<&str> {
        let matching: Vec<usize> = (0..self.phrases.len())
            .filter(|&i| {
                let p = &self.phrases[i];
                p.lang == lang && p.kind == kind && p.part == part && category.is_none_or(|c| p.category == c)
            })
            .collect();
        let mut fresh: Vec<usize> = matching.iter().copied().filter(|i| !used.contains(i)).collect();
        if fresh.is_empty() && !fresh_only {
            for i in &matching {
                used.remove(i);
            }
            fresh = matching;
        }
        let i = *fresh.choose(rng)?;
        used.insert(i);
        Some(self.phrases[i].text.as_str())
    }

    /// A text of `kind` in `lang` (bn, en, mixed, rbn) about `category`, avoiding the phrases
    /// in `used`, with placeholders (`{service}`, `{office}`, `{days}`, `{taka}`, `{visits}`)
    /// left for the caller.
    pub(super) fn compose(
        &self,
        rng: &mut StdRng,
        used: &mut HashSet<usize>,
        (lang, kind): (&str, &str),
        category: &str,
    ) -> String {
        let mut parts = Vec::new();
        if rng.random_bool(OPENING) {
            parts.extend(self.pick(rng, used, (lang, kind, "opening"), None, false));
        }
        // A category whose phrases this service has all said gives way to another problem.
        let body = match self.pick(rng, used, (lang, kind, "body"), Some(category), true) {
            Some(body) => Some(body),
            None => self.pick(rng, used, (lang, kind, "body"), None, false),
        };
        parts.extend(body);
        if rng.random_bool(SECOND_PROBLEM) {
            let other = *CATEGORIES.choose(rng).expect("categories");
            if other != category {
                parts.extend(self.pick(rng, used, (lang, kind, "body"), Some(other), true));
            }
        }
        if rng.random_bool(CLOSING) {
            parts.extend(self.pick(rng, used, (lang, kind, "closing"), None, false));
        }
        parts.join(" ")
    }

    /// Every phrase (for tests).
    #[cfg(test)]
    pub(super) fn texts(&self) -> impl Iterator<Item = &str> {
        self.phrases.iter().map(|p| p.text.as_str())
    }
}
