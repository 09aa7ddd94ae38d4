//! Multinomial logistic regression over sentence embeddings (one weight per dimension and
//! class), trained with AdaGrad like the word model, classes weighted the same way. Its
//! scores are added to the word model's where a text has an embedding.

use super::super::embedding::{Embedding, DIM};
use super::super::hash::fixed_shuffle;
use super::model::{softmax, CLASSES};

const EPOCHS: usize = 30;
const RATE: f32 = 0.1;
const L2: f32 = 1e-4;

/// Weights per dimension and class, and the class biases.
#[derive(Debug, Clone)]
pub struct DenseModel {
    weights: Vec<[f32; CLASSES]>,
    bias: [f32; CLASSES],
}

impl DenseModel {
    /// Trains on `(embedding, class)` examples.
    pub fn train(examples: &[(&Embedding, usize)]) -> Self {
        let mut counts = [0usize; CLASSES];
        for (_, y) in examples {
            counts[*y] += 1;
        }
        let present = counts.iter().filter(|&&n| n > 0).count().max(1);
        let class_weight: Vec<f32> =
            counts.iter().map(|&n| if n == 0 { 0.0 } else { examples.len() as f32 / (present * n) as f32 }).collect();
        let mut weights = vec![[0f32; CLASSES]; DIM];
        let mut square = vec![[0f32; CLASSES]; DIM];
        let mut bias = [0f32; CLASSES];
        let mut bias_square = [0f32; CLASSES];
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        for _ in 0..EPOCHS {
            fixed_shuffle(&mut order, &mut state);
            for &i in &order {
                let (x, y) = (examples[i].0.values(), examples[i].1);
                let mut p = logits(&weights, &bias, x);
                softmax(&mut p);
                let mut grad = [0f32; CLASSES];
                for c in 0..CLASSES {
                    grad[c] = class_weight[y] * (p[c] - if c == y { 1.0 } else { 0.0 });
                    bias_square[c] += grad[c] * grad[c];
                    bias[c] -= RATE * grad[c] / (bias_square[c].sqrt() + 1e-6);
                }
                for (d, &v) in x.iter().enumerate() {
                    let (w, g2) = (&mut weights[d], &mut square[d]);
                    for c in 0..CLASSES {
                        let g = grad[c] * v + L2 * w[c];
                        g2[c] += g * g;
                        w[c] -= RATE * g / (g2[c].sqrt() + 1e-6);
                    }
                }
            }
        }
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
