//! The bilingual pain keyword lexicon, kept as data in `pain_lexicon.csv`.
//!
//! Format: a CSV with the columns `category,keyword` (the header line is optional,
//! lines starting with `#` are comments). Keywords are matched on [`normalise`]d
//! text. A Bangla keyword word of three or more code points matches the start of a
//! word, so inflections match (`দালাল` matches `দালালকে`); shorter Bangla words and
//! English or romanised words match whole words unless they end with `*`
//! (`brib*`). A keyword of several words matches them in sequence. Each distinct
//! keyword found in a text gives its category one vote.

use std::path::Path;

use anyhow::{anyhow, bail, Context};

use super::category::{CategoryVotes, PainCategory};
use super::normalise::{normalise, script_of, words, Script};

const BUILTIN: &str = include_str!("pain_lexicon.csv");
const BANGLA_PREFIX_MIN: usize = 3;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern {
    word: String,
    prefix: bool,
}

impl Pattern {
    fn matches(&self, word: &str) -> bool {
        if self.prefix {
            word.starts_with(&self.word)
        } else {
            word == self.word
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Keyword {
    category: PainCategory,
    words: Vec<Pattern>,
}

/// Keywords per pain category, in Bangla, English and romanised Bangla.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    keywords: Vec<Keyword>,
}

impl Lexicon {
    /// The lexicon shipped with Nagorik (`src/themes/pain_lexicon.csv`).
    pub fn builtin() -> Self {
        let mut lexicon = Lexicon::default();
        lexicon.extend_with(BUILTIN).expect("the built-in lexicon is valid (tested)");
        lexicon
    }

    /// The built-in lexicon plus a designer's own CSV in the same format. A bad row is
    /// an error that names the file and the line.
    pub fn extended_from(path: &Path) -> anyhow::Result<Self> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading lexicon {}", path.display()))?;
        let mut lexicon = Self::builtin();
        lexicon.extend_with(&text).with_context(|| format!("lexicon {}", path.display()))?;
        Ok(lexicon)
    }

    /// Number of keywords.
    pub fn len(&self) -> usize {
        self.keywords.len()
    }

    /// Whether there are no keywords.
    pub fn is_empty(&self) -> bool {
        self.keywords.is_empty()
    }

    /// Adds the keywords of a CSV text; on a bad row nothing is added.
    ///
    /// Each line is one record (a quoted field cannot span lines), so that errors
    /// name the line exactly as an editor numbers it.
    pub fn extend_with(&mut self, csv_text: &str) -> anyhow::Result<()> {
        let mut added = Vec::new();
        let mut seen_record = false;
        for (i, line) in csv_text.lines().enumerate() {
            let line_no = i + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let fields = parse_line(trimmed).ok_or_else(|| anyhow!("line {line_no}: not a CSV record"))?;
            let first = !seen_record;
            seen_record = true;
            if first && fields.len() == 2 && fields[0] == "category" && fields[1] == "keyword" {
                continue;
            }
            if fields.len() != 2 {
                bail!("line {line_no}: expected 2 columns (category,keyword), found {}", fields.len());
            }
            let category = PainCategory::parse(&fields[0]).ok_or_else(|| {
                let known: Vec<&str> = PainCategory::ALL.iter().map(|c| c.as_str()).collect();
                anyhow!("line {line_no}: unknown category \"{}\" (expected one of {})", fields[0], known.join(", "))
            })?;
            let words = parse_keyword(&fields[1]).ok_or_else(|| anyhow!("line {line_no}: empty keyword"))?;
            let keyword = Keyword { category, words };
            if !self.keywords.contains(&keyword) && !added.contains(&keyword) {
                added.push(keyword);
            }
        }
        self.keywords.extend(added);
        Ok(())
    }

    /// One vote per distinct keyword found in `text`, by category.
    pub fn votes(&self, text: &str) -> CategoryVotes {
        let norm = normalise(text);
        let text_words: Vec<&str> = words(&norm).collect();
        let mut votes = CategoryVotes::default();
        for (_, category) in self.matches(&text_words) {
            votes.vote(category, 1);
        }
        votes
    }

    /// Each distinct keyword found in already normalised `text_words`: where it starts
    /// and its category.
    pub fn matches(&self, text_words: &[&str]) -> Vec<(usize, PainCategory)> {
        let mut found = Vec::new();
        for keyword in &self.keywords {
            let n = keyword.words.len();
            let at = text_words.windows(n).position(|w| w.iter().zip(&keyword.words).all(|(t, p)| p.matches(t)));
            if let Some(at) = at {
                found.push((at, keyword.category));
            }
        }
        found
    }
}

/// The trimmed fields of one CSV line, or `None` when its quotes are unbalanced.
fn parse_line(line: &str) -> Option<Vec<String>> {
    if line.matches('"').count() % 2 == 1 {
        return None;
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(line.as_bytes());
    let record = reader.records().next()?.ok()?;
    reader.records().next().is_none().then(|| record.iter().map(|f| f.trim().to_owned()).collect())
}

/// The word patterns of one keyword, or `None` when it has no word.
fn parse_keyword(raw: &str) -> Option<Vec<Pattern>> {
    let mut patterns = Vec::new();
    for part in raw.split_whitespace() {
        let starred = part.ends_with('*');
        let norm = normalise(part.trim_end_matches('*'));
        let pieces: Vec<&str> = words(&norm).collect();
        for (i, piece) in pieces.iter().enumerate() {
            let bangla = piece.chars().next().and_then(script_of) == Some(Script::Bangla);
            let long_bangla = bangla && piece.chars().count() >= BANGLA_PREFIX_MIN;
            let last = i + 1 == pieces.len();
            patterns.push(Pattern { word: (*piece).to_owned(), prefix: long_bangla || (starred && last) });
        }
    }
    (!patterns.is_empty()).then_some(patterns)
}

#[cfg(test)]
#[path = "lexicon_tests.rs"]
mod tests;
