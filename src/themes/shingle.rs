//! Cutting a text into hashed shingles.
//!
//! Each word of the normalised text is padded with boundary marks and cut into
//! character 3-grams and 4-grams (romanised and English words after
//! [`fold_latin`]); each content word also adds its consonant skeleton
//! ([`super::fold`]) as one shingle, which is what lets `দালাল`, `dalal` and `dalaal`
//! meet. Numbers all become the one word `0`.

use std::cell::RefCell;

use super::fold::{fold_latin, skeleton_bangla, skeleton_latin};
use super::hash::hash_chars;
use super::normalise::{normalise_into, script_of, Script};
use super::stopwords::is_stopword_chars;

/// Weight of a shingle of a function word or a number (content words weigh 1).
pub(crate) const LOW_WEIGHT: f32 = 0.2;
const SEED_GRAM3: u64 = 3;
const SEED_GRAM4: u64 = 4;
const SEED_SKELETON: u64 = 5;
const WORD_START: char = '\u{1}';
const WORD_END: char = '\u{2}';

/// Buffers reused from one text to the next (signatures are made by the hundred thousand).
#[derive(Default)]
pub(crate) struct Scratch {
    norm: Vec<char>,
    folded: Vec<char>,
    skeleton: Vec<char>,
    padded: Vec<char>,
    /// The shingles of the last text, packed as `hash << 1 | content`.
    pub raw: Vec<u64>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch buffers.
pub(crate) fn with_scratch<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
    SCRATCH.with(|s| f(&mut s.borrow_mut()))
}

impl Scratch {
    /// Fills `raw` with the shingles of `text`.
    pub fn shingle(&mut self, text: &str) {
        normalise_into(text, &mut self.norm);
        self.raw.clear();
        let Scratch { norm, folded, skeleton, padded, raw } = self;
        for chars in norm.split(|&c| c == ' ').filter(|w| !w.is_empty()) {
            skeleton.clear();
            padded.clear();
            padded.push(WORD_START);
            let mut content = !is_stopword_chars(chars);
            match script_of(chars[0]) {
                Some(Script::Digit) => {
                    padded.push('0');
                    content = false;
                }
                Some(Script::Latin) => {
                    fold_latin(chars, folded);
                    padded.extend_from_slice(folded);
                    if content {
                        skeleton_latin(folded, skeleton);
                    }
                }
                Some(Script::Bangla) => {
                    padded.extend_from_slice(chars);
                    if content {
                        skeleton_bangla(chars, skeleton);
                    }
                }
                _ => padded.extend_from_slice(chars),
            }
            padded.push(WORD_END);
            let flag = u64::from(content);
            raw.extend(padded.windows(3).map(|g| u64::from(hash_chars(SEED_GRAM3, g)) << 1 | flag));
            raw.extend(padded.windows(4).map(|g| u64::from(hash_chars(SEED_GRAM4, g)) << 1 | flag));
            if skeleton.len() >= 2 {
                raw.push(u64::from(hash_chars(SEED_SKELETON, skeleton)) << 1 | 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shingles(text: &str) -> Vec<u64> {
        with_scratch(|s| {
            s.shingle(text);
            s.raw.clone()
        })
    }

    #[test]
    fn a_word_gives_its_3_and_4_grams_and_its_skeleton() {
        // <দালাল> is 7 marks and letters: 5 trigrams, 4 four-grams, 1 skeleton.
        assert_eq!(shingles("দালাল").len(), 10);
        assert!(shingles("দালাল").iter().all(|p| p & 1 == 1));
    }

    #[test]
    fn function_words_and_numbers_are_not_content() {
        assert!(shingles("এবং ১২৩").iter().all(|p| p & 1 == 0));
        assert_eq!(shingles("১২৩"), shingles("9"));
    }

    #[test]
    fn scratch_buffers_do_not_leak_between_texts() {
        let first = shingles("server down");
        shingles("অনেক লম্বা একটি বাংলা লেখা যার অনেক শব্দ আছে");
        assert_eq!(shingles("server down"), first);
        assert!(shingles("").is_empty());
    }
}
