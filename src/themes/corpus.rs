//! The labelled feedback corpus (`data/themes_corpus/`): reading its CSV rows.
//!
//! Columns: `service,theme,category,kind,lang,pair,dup,text` (see the corpus README).
//! The development part trains the pain classifier and is built into the binary; the
//! test part is only ever read by the evaluation.

use anyhow::{anyhow, Context};

use super::category::PainCategory;

/// The development part, built in: it trains the pain classifier.
pub const DEVELOPMENT: &str = include_str!("../../data/themes_corpus/dev.csv");

/// One labelled feedback text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusRow {
    /// Service code (`DIP-001`).
    pub service: String,
    /// True theme key (`pp_broker`; `off_topic` and `spam` for the rest).
    pub theme: String,
    /// True pain category.
    pub category: PainCategory,
    /// complaint, expectation or suggestion.
    pub kind: String,
    /// bn, en, mixed or roman.
    pub lang: String,
    /// Key shared by texts telling the same complaint in different languages (may be empty).
    pub pair: String,
    /// Key shared by two near-duplicate texts (may be empty).
    pub dup: String,
    /// The feedback text.
    pub text: String,
}

/// Reads corpus rows from CSV text; an error names the line.
pub fn parse_corpus(csv_text: &str) -> anyhow::Result<Vec<CorpusRow>> {
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let headers = reader.headers().context("reading the header")?.clone();
    let column = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| anyhow!("the corpus has no column \"{name}\""))
    };
    let cols = ["service", "theme", "category", "kind", "lang", "pair", "dup", "text"].map(column);
    let mut idx = [0usize; 8];
    for (slot, col) in idx.iter_mut().zip(cols) {
        *slot = col?;
    }
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.with_context(|| format!("line {}", i + 2))?;
        let field = |k: usize| record.get(idx[k]).unwrap_or("").trim().to_owned();
        let category = PainCategory::parse(&field(2))
            .ok_or_else(|| anyhow!("line {}: unknown category \"{}\"", i + 2, field(2)))?;
        rows.push(CorpusRow {
            service: field(0),
            theme: field(1),
            category,
            kind: field(3),
            lang: field(4),
            pair: field(5),
            dup: field(6),
            text: field(7),
        });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_development_part_reads() {
        let rows = parse_corpus(DEVELOPMENT).expect("dev.csv is valid");
        assert!(rows.len() >= 1000, "{} rows", rows.len());
        assert!(rows.iter().all(|r| !r.text.is_empty()));
    }

    #[test]
    fn a_bad_category_names_its_line() {
        let err = parse_corpus("service,theme,category,kind,lang,pair,dup,text\nX,t,bribery,complaint,en,,,hi\n")
            .unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
