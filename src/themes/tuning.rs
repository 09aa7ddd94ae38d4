//! The sweep behind the chosen threshold and rarity exponent (docs/themes.md):
//! `cargo test --lib themes::tuning -- --ignored --nocapture`.

use super::assign::Params;
use super::cluster::regroup_tuned;
use super::labelled_tests::{fixture_docs, score};
use super::signature::{signature, Signature};

#[test]
#[ignore = "prints a table for tuning; asserts nothing"]
fn sweep_threshold_and_rarity_exponent() {
    let (docs, labels) = fixture_docs();
    let sigs: Vec<Signature> = docs.iter().map(|d| signature(&d.text)).collect();
    for idf_power in [0.0f32, 1.0, 1.5, 2.0] {
        for threshold in [0.1f32, 0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25, 0.3] {
            let groups = regroup_tuned(&docs, &sigs, &[], Params { threshold, idf_power, passes: 1 });
            let s = score(&groups, &labels);
            eprintln!(
                "idf^{idf_power} threshold {threshold}: purity {:.3}, inverse purity {:.3}, {} groups, {} singletons, largest {}",
                s.purity, s.inverse_purity, s.groups, s.singletons, s.largest
            );
        }
    }
}

#[test]
#[ignore = "prints a table for tuning; asserts nothing"]
fn sweep_similar_feedback_threshold() {
    let (docs, labels) = fixture_docs();
    let sigs: Vec<Signature> = docs.iter().map(|d| signature(&d.text)).collect();
    for threshold in [0.15f32, 0.2, 0.25, 0.3, 0.35, 0.4] {
        let (mut same, mut all, mut with_any) = (0, 0, 0);
        for i in 0..sigs.len() {
            let mut any = false;
            for j in 0..sigs.len() {
                if i != j && sigs[i].cosine(&sigs[j]) >= threshold {
                    all += 1;
                    any = true;
                    same += usize::from(labels[i] == labels[j]);
                }
            }
            with_any += usize::from(any);
        }
        eprintln!(
            "similar at {threshold}: {all} ordered pairs, {:.3} same theme, {with_any} of {} texts have one",
            same as f64 / all.max(1) as f64,
            sigs.len()
        );
    }
}
