//! Multinomial logistic regression over hashed text features, trained with AdaGrad.
//!
//! A text's features are present or absent, scaled by one over the square root of
//! their number so that long texts do not shout. Classes are weighted by the inverse
//! of their frequency, so that the rarer categories (staff conduct, visits) are not
//! drowned by the common ones. Training is deterministic: the same examples give the
//! same model.

use super::super::hash::{fixed_shuffle, FastMap};

/// Number of classes (the pain categories).
pub const CLASSES: usize = 9;
/// Passes over the training examples.
pub const EPOCHS: usize = 30;
const RATE: f32 = 0.4;
const L2: f32 = 1e-4;

/// Per-class weights of every feature seen in training, and the class biases.
#[derive(Debug, Clone, Default)]
pub struct Model {
    weights: FastMap<u32, [f32; CLASSES]>,
    bias: [f32; CLASSES],
}

/// The scale of each feature of a text with `n` features.
fn scale(n: usize) -> f32 {
    1.0 / (n.max(1) as f32).sqrt()
}

/// Softmax of `logits`, in place.
pub fn softmax(logits: &mut [f32; CLASSES]) {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for l in logits.iter_mut() {
        *l = (*l - max).exp();
        sum += *l;
    }
    for l in logits.iter_mut() {
        *l /= sum;
    }
}

/// Per-class weights of the training loss: the inverse of each class's share, so that the
/// rarer categories count as much as the common ones (0 for a class with no example).
pub fn class_weights(classes: impl Iterator<Item = usize>) -> [f32; CLASSES] {
    let mut counts = [0usize; CLASSES];
    let mut total = 0usize;
    for y in classes {
        counts[y] += 1;
        total += 1;
    }
    let present = counts.iter().filter(|&&n| n > 0).count().max(1);
    counts.map(|n| if n == 0 { 0.0 } else { total as f32 / (present * n) as f32 })
}

/// Weights per feature and class, and the class biases, of a trained regression.
pub struct Trained {
    /// Per feature (by index), per class.
    pub weights: Vec<[f32; CLASSES]>,
    /// Per class.
    pub bias: [f32; CLASSES],
}

/// Multinomial logistic regression trained with AdaGrad, [`EPOCHS`] passes in a fixed shuffled
/// order, L2 [`L2`], classes weighted by [`class_weights`]. `class(i)` is example `i`'s class
/// and `inputs(i)` its `(feature index, value)` pairs (each feature below `features`).
pub fn train_adagrad<I: Iterator<Item = (usize, f32)>>(
    features: usize,
    examples: usize,
    rate: f32,
    class: impl Fn(usize) -> usize,
    inputs: impl Fn(usize) -> I,
) -> Trained {
    let class_weight = class_weights((0..examples).map(&class));
    let mut weights = vec![[0f32; CLASSES]; features];
    let mut square = vec![[0f32; CLASSES]; features];
    let mut bias = [0f32; CLASSES];
    let mut bias_square = [0f32; CLASSES];
    let mut order: Vec<usize> = (0..examples).collect();
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    for _ in 0..EPOCHS {
        fixed_shuffle(&mut order, &mut state);
        for &i in &order {
            let y = class(i);
            let mut p = bias;
            for (f, x) in inputs(i) {
                let w = &weights[f];
                for c in 0..CLASSES {
                    p[c] += w[c] * x;
                }
            }
            softmax(&mut p);
            let mut grad = [0f32; CLASSES];
            for c in 0..CLASSES {
                grad[c] = class_weight[y] * (p[c] - if c == y { 1.0 } else { 0.0 });
            }
            for c in 0..CLASSES {
                bias_square[c] += grad[c] * grad[c];
                bias[c] -= rate * grad[c] / (bias_square[c].sqrt() + 1e-6);
            }
            for (f, x) in inputs(i) {
                let (w, g2) = (&mut weights[f], &mut square[f]);
                for c in 0..CLASSES {
                    let g = grad[c] * x + L2 * w[c];
                    g2[c] += g * g;
                    w[c] -= rate * g / (g2[c].sqrt() + 1e-6);
                }
            }
        }
    }
    Trained { weights, bias }
}

impl Model {
    /// Trains on `(features, class)` examples.
    pub fn train(examples: &[(Vec<u32>, usize)]) -> Self {
        // Features as dense indices while training (no map lookups in the inner loop);
        // the result is the same as updating a map, feature by feature.
        let mut index: FastMap<u32, u32> = FastMap::default();
        let dense: Vec<Vec<u32>> = examples
            .iter()
            .map(|(features, _)| {
                features
                    .iter()
                    .map(|f| {
                        let next = index.len() as u32;
                        *index.entry(*f).or_insert(next)
                    })
                    .collect()
            })
            .collect();
        let trained = train_adagrad(
            index.len(),
            examples.len(),
            RATE,
            |i| examples[i].1,
            |i| {
                let x = scale(dense[i].len());
                dense[i].iter().map(move |&f| (f as usize, x))
            },
        );
        let (weights, bias) = (trained.weights, trained.bias);
        let weights = index.into_iter().map(|(f, i)| (f, weights[i as usize])).collect();
        Model { weights, bias }
    }

    /// Class scores before the softmax for features each scaled by `x`.
    fn logits_of(&self, features: impl Iterator<Item = u32>, x: f32) -> [f32; CLASSES] {
        let mut logits = self.bias;
        for f in features {
            if let Some(w) = self.weights.get(&f) {
                for c in 0..CLASSES {
                    logits[c] += w[c] * x;
                }
            }
        }
        logits
    }

    /// Class probabilities of a text with these features.
    pub fn probabilities(&self, features: &[u32]) -> [f32; CLASSES] {
        let mut p = self.logits_of(features.iter().copied(), scale(features.len()));
        softmax(&mut p);
        p
    }

    /// How much each feature pushes towards `class` over the others' mean (scaled as in scoring).
    pub fn pull(&self, feature: u32, class: usize, n: usize) -> f32 {
        self.weights.get(&feature).map_or(0.0, |w| {
            let mean = w.iter().sum::<f32>() / CLASSES as f32;
            (w[class] - mean) * scale(n)
        })
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model was trained on nothing.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_learns_separable_classes_and_is_deterministic() {
        let examples: Vec<(Vec<u32>, usize)> =
            (0..60u32).map(|i| (vec![i % 3, 100 + i % 7], (i % 3) as usize)).collect();
        let a = Model::train(&examples);
        for c in 0..3u32 {
            let p = a.probabilities(&[c, 999]);
            let best = (0..CLASSES).max_by(|&i, &j| p[i].total_cmp(&p[j])).unwrap();
            assert_eq!(best, c as usize);
        }
        let b = Model::train(&examples);
        assert_eq!(a.probabilities(&[1, 101]), b.probabilities(&[1, 101]));
        assert!(a.pull(2, 2, 2) > 0.0 && a.pull(2, 0, 2) < 0.0);
    }

    #[test]
    fn probabilities_sum_to_one_even_for_unknown_features() {
        let model = Model::train(&[(vec![1], 0), (vec![2], 1)]);
        let p = model.probabilities(&[12345]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
        assert_eq!(Model::default().len(), 0);
    }
}
