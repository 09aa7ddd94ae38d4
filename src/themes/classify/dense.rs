//! Multinomial logistic regression over sentence embeddings (one weight per dimension and
//! class), trained with AdaGrad like the word model, classes weighted the same way. Its
//! scores are added to the word model's where a text has an embedding.

use super::super::embedding::{Embedding, DIM};
use super::model::{train_adagrad, CLASSES};

const RATE: f32 = 0.1;

/// Weights per dimension and class, and the class biases.
#[derive(Debug, Clone)]
pub struct DenseModel {
    weights: Vec<[f32; CLASSES]>,
    bias: [f32; CLASSES],
}

impl DenseModel {
    /// Trains on `(embedding, class)` examples.
    pub fn train(examples: &[(&Embedding, usize)]) -> Self {
        let trained = train_adagrad(
            DIM,
            examples.len(),
            RATE,
            |i| examples[i].1,
            |i| examples[i].0.values().iter().copied().enumerate(),
        );
        let (weights, bias) = (trained.weights, trained.bias);
        DenseModel { weights, bias }
    }

    /// Class log-probabilities of a text with this embedding.
    pub fn log_probabilities(&self, embedding: &Embedding) -> [f32; CLASSES] {
        let mut p = logits(&self.weights, &self.bias, embedding.values());
        let max = p.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let sum: f32 = p.iter().map(|l| (l - max).exp()).sum();
        for l in &mut p {
            *l -= max + sum.ln();
        }
        p
    }
}

fn logits(weights: &[[f32; CLASSES]], bias: &[f32; CLASSES], x: &[f32]) -> [f32; CLASSES] {
    let mut p = *bias;
    for (w, &v) in weights.iter().zip(x) {
        for c in 0..CLASSES {
            p[c] += w[c] * v;
        }
    }
    p
}
