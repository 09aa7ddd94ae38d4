//! The pain classifier: which pain category a feedback text is about, and the words
//! that decided it.
//!
//! A logistic regression over word features ([`features`]) trained on the development
//! part of the labelled corpus (`data/themes_corpus/dev.csv`, built into the binary and
//! trained once per process, in about a tenth of a second). The keyword [`Lexicon`]
//! (built in, plus a designer's own file) adds one feature per category it finds, so
//! keywords a designer adds count without retraining. Texts about nothing the
//! categories name (off-topic, spam, no words) come out as `other`.

mod dense;
mod features;
mod model;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

pub use dense::DenseModel;
pub use features::{features, TextFeatures};
pub use model::{Model, CLASSES};

use super::category::{CategoryVotes, PainCategory};
use super::corpus::{parse_corpus, CorpusRow, DEVELOPMENT};
use super::embedding::{read_shipped, text_key, Embedding, SHIPPED};
use super::lexicon::Lexicon;

/// Probability `other` needs to win: below it the likeliest pain category wins, since a
/// complaint that waits ungrouped is worse than a stray text in a theme (the corpus's
/// off-topic rows name other services, which pulls plain service words towards `other`).
pub const OTHER_MIN: f32 = 0.7;

/// Words shown as the reason for a category.
pub const DECIDING_WORDS: usize = 3;

/// Weight of the embedding model's log-probabilities beside the word model's, where a
/// text has an embedding.
pub const EMBEDDING_WEIGHT: f32 = 1.0;

/// The category of one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// The most likely category.
    pub category: PainCategory,
    /// Its probability, in `[0, 1]`.
    pub confidence: f32,
    /// The words (normalised) that pushed most towards it, strongest first.
    pub deciding: Vec<String>,
}

/// The trained model with the lexicon whose keywords it reads.
#[derive(Debug, Clone)]
pub struct Classifier {
    lexicon: Arc<Lexicon>,
    model: Arc<Model>,
    dense: Option<Dense>,
}

/// Where the embedding model comes from.
#[derive(Debug, Clone)]
enum Dense {
    /// Trained on the shipped development embeddings on first use (about 2 s, once per process).
    Builtin,
    /// Trained on given examples.
    Trained(Arc<DenseModel>),
}

fn builtin_dense() -> &'static DenseModel {
    static DENSE: OnceLock<DenseModel> = OnceLock::new();
    DENSE.get_or_init(|| {
        let rows = parse_corpus(DEVELOPMENT).expect("the built-in corpus is valid (tested)");
        let shipped = read_shipped(SHIPPED).expect("the shipped embeddings read (tested)");
        let examples: Vec<(&Embedding, usize)> =
            rows.iter().filter_map(|r| shipped.get(&text_key(&r.text)).map(|e| (e, r.category as usize))).collect();
        DenseModel::train(&examples)
    })
}

fn builtin_model() -> Arc<Model> {
    static MODEL: OnceLock<Arc<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            let rows = parse_corpus(DEVELOPMENT).expect("the built-in corpus is valid (tested)");
            Arc::new(train(&rows, &Lexicon::builtin()))
        })
        .clone()
}

fn train(rows: &[CorpusRow], lexicon: &Lexicon) -> Model {
    let examples: Vec<(Vec<u32>, usize)> = rows
        .iter()
        .map(|r| (features(&r.text, lexicon).features.into_iter().map(|f| f.0).collect(), r.category as usize))
        .collect();
    Model::train(&examples)
}

impl Classifier {
    /// The built-in lexicon and the model trained on the built-in corpus.
    pub fn builtin() -> Self {
        Self::with_lexicon(Lexicon::builtin())
    }

    /// The built-in model reading `lexicon`'s keywords (the built-in ones plus a designer's).
    pub fn with_lexicon(lexicon: Lexicon) -> Self {
        Classifier { lexicon: Arc::new(lexicon), model: builtin_model(), dense: None }
    }

    /// A model trained on `rows` instead (for the evaluation and tuning).
    pub fn trained_on(rows: &[CorpusRow], lexicon: Lexicon) -> Self {
        let model = Arc::new(train(rows, &lexicon));
        Classifier { lexicon: Arc::new(lexicon), model, dense: None }
    }

    /// This classifier with an embedding model trained on `examples` (embedding and true
    /// category), read beside the word model for texts that have an embedding.
    pub fn with_embeddings(mut self, examples: &[(&Embedding, PainCategory)]) -> Self {
        let examples: Vec<(&Embedding, usize)> = examples.iter().map(|(e, c)| (*e, *c as usize)).collect();
        self.dense = Some(Dense::Trained(Arc::new(DenseModel::train(&examples))));
        self
    }

    /// This classifier with the embedding model trained on the development part's shipped
    /// embeddings (trained on first use, once per process, shared).
    pub fn with_builtin_embeddings(mut self) -> Self {
        self.dense = Some(Dense::Builtin);
        self
    }

    /// Whether an embedding model is read beside the words.
    pub fn reads_embeddings(&self) -> bool {
        self.dense.is_some()
    }

    /// The keyword lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Category probabilities of `text`, in [`PainCategory::ALL`] order.
    pub fn probabilities(&self, text: &str) -> [f32; CLASSES] {
        let f = features(text, &self.lexicon);
        if f.features.is_empty() {
            let mut p = [0.0; CLASSES];
            p[PainCategory::Other as usize] = 1.0;
            return p;
        }
        self.blended(&f, None)
    }

    /// The word model's probabilities for `f`, combined with the embedding model's when
    /// there are both a model and an embedding (a product of the two, weighted).
    fn blended(&self, f: &TextFeatures, embedding: Option<&Embedding>) -> [f32; CLASSES] {
        let hashes: Vec<u32> = f.features.iter().map(|x| x.0).collect();
        let p = self.model.probabilities(&hashes);
        let (Some(dense), Some(e)) = (&self.dense, embedding) else { return p };
        let q = match dense {
            Dense::Builtin => builtin_dense().log_probabilities(e),
            Dense::Trained(model) => model.log_probabilities(e),
        };
        let mut logits = [0f32; CLASSES];
        for c in 0..CLASSES {
            logits[c] = p[c].max(1e-9).ln() + EMBEDDING_WEIGHT * q[c];
        }
        model::softmax(&mut logits);
        logits
    }

    /// The category of `text`, its probability and the words that decided it.
    pub fn classify(&self, text: &str) -> Classification {
        self.classify_with(text, None)
    }

    /// [`Classifier::classify`], reading `embedding` too when the classifier has an
    /// embedding model.
    pub fn classify_with(&self, text: &str, embedding: Option<&Embedding>) -> Classification {
        let f = features(text, &self.lexicon);
        if f.features.is_empty() {
            return Classification { category: PainCategory::Other, confidence: 1.0, deciding: Vec::new() };
        }
        let p = self.blended(&f, embedding);
        let other = PainCategory::Other as usize;
        let real =
            (0..CLASSES).filter(|&c| c != other).max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a))).unwrap_or(0);
        let best = if p[other] >= OTHER_MIN { other } else { real };
        let category = PainCategory::ALL[best];
        let by_word = self.pulls(&f, best);
        let mut order: Vec<usize> = (0..by_word.len()).filter(|&i| by_word[i] > 0.0).collect();
        order.sort_by(|&a, &b| by_word[b].total_cmp(&by_word[a]).then(a.cmp(&b)));
        let mut deciding: Vec<String> = Vec::new();
        for i in order {
            let word = &f.words[i];
            let is_number = word.chars().all(|c| c.is_ascii_digit());
            if !is_number && !deciding.contains(word) && deciding.len() < DECIDING_WORDS {
                deciding.push(word.clone());
            }
        }
        if category == PainCategory::Other {
            deciding.clear();
        }
        Classification { category, confidence: p[best], deciding }
    }

    /// How much each word of `f` pushes towards class `class`.
    fn pulls(&self, f: &TextFeatures, class: usize) -> Vec<f32> {
        let mut by_word = vec![0f32; f.words.len()];
        for (hash, at) in &f.features {
            if let Some(slot) = by_word.get_mut(*at as usize) {
                *slot += self.model.pull(*hash, class, f.features.len());
            }
        }
        by_word
    }

    /// The words that push a group of texts (a theme's) most towards `category`: each word's
    /// strongest push within a text, summed over the texts, strongest first (at most `n`, no
    /// numbers). Empty for [`PainCategory::Other`], which no word decides.
    pub fn deciding_for(&self, texts: &[&str], category: PainCategory, n: usize) -> Vec<String> {
        if category == PainCategory::Other {
            return Vec::new();
        }
        let mut total: HashMap<String, f32> = HashMap::new();
        for text in texts {
            let f = features(text, &self.lexicon);
            let mut strongest: HashMap<&str, f32> = HashMap::new();
            for (word, pull) in f.words.iter().zip(self.pulls(&f, category as usize)) {
                let is_number = word.chars().all(|c| c.is_ascii_digit());
                if pull > 0.0 && !is_number {
                    let best = strongest.entry(word.as_str()).or_insert(0.0);
                    *best = best.max(pull);
                }
            }
            for (word, pull) in strongest {
                *total.entry(word.to_owned()).or_default() += pull;
            }
        }
        let mut ranked: Vec<(String, f32)> = total.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        ranked.into_iter().take(n).map(|(w, _)| w).collect()
    }

    /// One vote for the category of `text` (what a theme sums over its texts).
    pub fn votes(&self, text: &str) -> CategoryVotes {
        let mut votes = CategoryVotes::default();
        votes.vote(self.classify(text).category, 1);
        votes
    }
}

#[cfg(test)]
mod tests;
