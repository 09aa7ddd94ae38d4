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

#[test]
#[ignore = "prints the cohesion of true themes and of mixed groups for the bands; asserts nothing"]
fn cohesion_of_true_themes_against_mixed_groups() {
    use super::cohesion::{cohesion, ServiceBaseline};
    use super::corpus::{parse_corpus, DEVELOPMENT};
    use rand::seq::SliceRandom;
    use rand::SeedableRng;
    use std::collections::BTreeMap;

    let rows = parse_corpus(DEVELOPMENT).unwrap();
    type Themes<'a> = BTreeMap<&'a str, Vec<(i64, Signature)>>;
    let mut by_service: BTreeMap<&str, Themes> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate().filter(|(_, r)| r.theme != "off_topic" && r.theme != "spam") {
        by_service.entry(&r.service).or_default().entry(&r.theme).or_default().push((i as i64, signature(&r.text)));
    }
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let (mut pure, mut two, mut random) = (vec![], vec![], vec![]);
    for themes in by_service.values() {
        let themes: Vec<&Vec<(i64, Signature)>> = themes.values().collect();
        let all: Vec<(i64, Signature)> = themes.iter().copied().flatten().cloned().collect();
        let baseline = ServiceBaseline::of(&all).unwrap();
        for (i, members) in themes.iter().enumerate() {
            pure.push(cohesion(members, &baseline).unwrap());
            let half = members.len() / 2;
            let other = themes[(i + 1) % themes.len()];
            let mixed: Vec<(i64, Signature)> =
                members.iter().take(half).chain(other.iter().take(half)).cloned().collect();
            two.push(cohesion(&mixed, &baseline).unwrap());
            let mut pick = all.clone();
            pick.shuffle(&mut rng);
            pick.truncate(members.len());
            random.push(cohesion(&pick, &baseline).unwrap());
        }
    }
    for (name, mut values) in [("one true theme", pure), ("two themes half and half", two), ("random texts", random)] {
        values.sort_by(f32::total_cmp);
        let at = |q: f32| values[((values.len() - 1) as f32 * q) as usize];
        eprintln!(
            "{name:26} n={:3}  p10 {:.2}  p25 {:.2}  median {:.2}  p75 {:.2}  p90 {:.2}",
            values.len(),
            at(0.1),
            at(0.25),
            at(0.5),
            at(0.75),
            at(0.9)
        );
    }
}
