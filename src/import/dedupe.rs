//! Exact and near duplicates among a service's feedback: the stored texts and the
//! rows of the file accepted so far. Exact means the same normalised text; near
//! means the themes' near-duplicate similarity ([`near_duplicate`], cosine 0.8).
//! A MinHash index (the signatures' sketches) finds the few texts worth comparing,
//! so a file of 100,000 rows is not compared pair by pair.

use std::collections::HashMap;

use crate::themes::normalise::normalise;
use crate::themes::{near_duplicate, signature, Signature};

/// A sketch value shared by more texts than this says little; it is dropped from the index.
const POSTING_CAP: usize = 64;
/// Texts compared with each new one at most (those sharing most sketch values).
const COMPARED: usize = 16;
/// An empty sketch bin.
const EMPTY_BIN: u32 = u32::MAX;

/// What a row duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Stored feedback, by tracking code.
    Stored(String),
    /// An earlier row of the same file, by line.
    Line(usize),
}

#[derive(Default)]
struct Posting {
    texts: Vec<u32>,
    saturated: bool,
}

/// The texts of one service seen so far.
#[derive(Default)]
struct ServiceTexts {
    exact: HashMap<String, usize>,
    texts: Vec<(Signature, Origin)>,
    index: HashMap<u32, Posting>,
    hits: HashMap<u32, u8>,
}

impl ServiceTexts {
    fn add(&mut self, key: String, sig: Signature, origin: Origin) {
        let at = self.texts.len();
        self.exact.entry(key).or_insert(at);
        for &value in sig.sketch().iter().filter(|&&v| v != EMPTY_BIN) {
            let posting = self.index.entry(value).or_default();
            if posting.saturated || posting.texts.last() == Some(&(at as u32)) {
                continue;
            }
            if posting.texts.len() == POSTING_CAP {
                posting.saturated = true;
                posting.texts = Vec::new();
            } else {
                posting.texts.push(at as u32);
            }
        }
        self.texts.push((sig, origin));
    }

    fn near(&mut self, sig: &Signature) -> Option<&Origin> {
        self.hits.clear();
        for &value in sig.sketch().iter().filter(|&&v| v != EMPTY_BIN) {
            if let Some(posting) = self.index.get(&value) {
                for &t in &posting.texts {
                    *self.hits.entry(t).or_default() += 1;
                }
            }
        }
        let mut ranked: Vec<(u32, u8)> = self.hits.iter().map(|(t, n)| (*t, *n)).collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .iter()
            .take(COMPARED)
            .map(|(t, _)| &self.texts[*t as usize])
            .filter(|(other, _)| near_duplicate(sig, other))
            .max_by(|a, b| sig.cosine(&a.0).total_cmp(&sig.cosine(&b.0)))
            .map(|(_, origin)| origin)
    }
}

/// Every service's texts seen so far.
#[derive(Default)]
pub struct Deduper {
    services: HashMap<i64, ServiceTexts>,
}

impl Deduper {
    /// Remembers a stored feedback text.
    pub fn add_stored(&mut self, service_id: i64, text: &str, tracking_code: &str) {
        let entry = self.services.entry(service_id).or_default();
        entry.add(normalise(text), signature(text), Origin::Stored(tracking_code.to_owned()));
    }

    /// What `text` (file line `line`) duplicates, and whether exactly; when nothing, the
    /// text is remembered as that line's, so later rows are compared with it too.
    pub fn check(&mut self, service_id: i64, text: &str, line: usize) -> Option<(bool, Origin)> {
        let entry = self.services.entry(service_id).or_default();
        let key = normalise(text);
        if let Some(&at) = entry.exact.get(&key) {
            return Some((true, entry.texts[at].1.clone()));
        }
        let sig = signature(text);
        if let Some(origin) = entry.near(&sig) {
            return Some((false, origin.clone()));
        }
        entry.add(key, sig, Origin::Line(line));
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_near_duplicates_are_found_per_service() {
        let mut d = Deduper::default();
        d.add_stored(1, "The passport office asked for a bribe to process my application", "AAAAA-BBBBB");
        let exact = d.check(1, "the passport office asked for a bribe, to process my application!", 2);
        assert_eq!(exact, Some((true, Origin::Stored("AAAAA-BBBBB".into()))));
        let near = d.check(1, "The passport office asked for a bribe to process my applications", 3);
        assert_eq!(near, Some((false, Origin::Stored("AAAAA-BBBBB".into()))));
        assert_eq!(d.check(2, "The passport office asked for a bribe to process my application", 4), None);
        assert_eq!(d.check(1, "Land records are never updated on time at the union office", 5), None);
        let again = d.check(1, "Land records are never updated on time at the union office", 6);
        assert_eq!(again, Some((true, Origin::Line(5))));
    }
}
