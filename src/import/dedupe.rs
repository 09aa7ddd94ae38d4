//! Exact and near duplicates among a service's feedback: the stored texts and the
//! rows of the file accepted so far. Exact means the same normalised text; near
//! means the themes' near-duplicate similarity ([`near_duplicate`], cosine 0.8).
//! Band keys of the signatures' MinHash sketches find the few texts worth comparing,
//! so a file of 100,000 rows is not compared pair by pair.

use std::collections::HashMap;

use crate::themes::normalise::normalise;
use crate::themes::{near_duplicate, signature, Signature};

/// Texts kept per band key at most (a key shared by more says little).
const POSTING_CAP: usize = 256;
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

/// The band keys of a signature: its 16 sketch values taken two by two (locality-sensitive
/// hashing). Two texts at cosine 0.8 agree on most sketch values, so they share a band almost
/// surely, while texts that merely share common words rarely agree on two values at once.
fn bands(sig: &Signature) -> impl Iterator<Item = u64> + '_ {
    sig.sketch()
        .chunks(2)
        .enumerate()
        .filter(|(_, pair)| pair.iter().all(|&v| v != EMPTY_BIN))
        .map(|(i, pair)| (u64::from(pair[0]) << 32 | u64::from(pair[1])).rotate_left(i as u32 * 7) ^ i as u64)
}

/// The texts of one service seen so far.
#[derive(Default)]
struct ServiceTexts {
    exact: HashMap<String, usize>,
    texts: Vec<(Signature, Origin)>,
    index: HashMap<u64, Vec<u32>>,
    candidates: Vec<u32>,
}

impl ServiceTexts {
    fn add(&mut self, key: String, sig: Signature, origin: Origin) {
        let at = self.texts.len() as u32;
        self.exact.entry(key).or_insert(at as usize);
        for band in bands(&sig) {
            let posting = self.index.entry(band).or_default();
            if posting.len() < POSTING_CAP && posting.last() != Some(&at) {
                posting.push(at);
            }
        }
        self.texts.push((sig, origin));
    }

    fn near(&mut self, sig: &Signature) -> Option<&Origin> {
        self.candidates.clear();
        for band in bands(sig) {
            if let Some(posting) = self.index.get(&band) {
                self.candidates.extend_from_slice(posting);
            }
        }
        self.candidates.sort_unstable();
        self.candidates.dedup();
        let texts = &self.texts;
        self.candidates
            .iter()
            .map(|&t| &texts[t as usize])
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

    #[test]
    fn a_near_duplicate_is_found_among_many_texts_sharing_its_words() {
        let mut d = Deduper::default();
        let words = ["office", "bribe", "delay", "visit", "form", "fee", "officer", "queue", "month", "paper"];
        for i in 0..2000 {
            let text: Vec<&str> = (0..8).map(|j| words[(i * 7 + j * 3 + i / 10) % words.len()]).collect();
            d.add_stored(1, &format!("{} {i}", text.join(" ")), &format!("CODE{i}"));
        }
        d.add_stored(1, "The union parishad secretary asked for a bribe before the birth registration", "TARGET");
        let near = d.check(1, "The union parishad secretary asked for bribe before the birth registrations", 9);
        assert_eq!(near, Some((false, Origin::Stored("TARGET".into()))));
    }
}
