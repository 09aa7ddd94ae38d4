//! Regrouping the hand-labelled fixture (`tests/fixtures/themes_labelled.csv`: 335
//! passport-service texts in 16 themes, Bangla, English, mixed and romanised) and
//! measuring how well the groups match the labels. The figures are in docs/themes.md.

use std::collections::BTreeMap;

use super::{regroup, Doc, Group};

const FIXTURE: &str = include_str!("../../tests/fixtures/themes_labelled.csv");

/// The fixture as (label, text) pairs.
pub(crate) fn labelled() -> Vec<(String, String)> {
    let mut reader = csv::Reader::from_reader(FIXTURE.as_bytes());
    reader.records().map(|r| r.expect("fixture row")).map(|r| (r[0].to_owned(), r[1].to_owned())).collect()
}

/// Purity, inverse purity and the number of groups of a grouping of `labels`.
pub(crate) struct Scores {
    /// Share of texts whose group's most common label is their own.
    pub purity: f64,
    /// Share of texts in the group that holds most texts of their label.
    pub inverse_purity: f64,
    /// Number of groups.
    pub groups: usize,
    /// Texts in the largest group.
    pub largest: usize,
    /// Groups of one text.
    pub singletons: usize,
}

/// Scores `groups` (member ids index `labels`).
pub(crate) fn score(groups: &[Group], labels: &[String]) -> Scores {
    let n = labels.len() as f64;
    let label_of = |id: i64| labels[id as usize].as_str();
    let mut majority_sum = 0;
    let mut best_share: BTreeMap<&str, usize> = BTreeMap::new();
    for g in groups {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &id in &g.members {
            *counts.entry(label_of(id)).or_default() += 1;
        }
        majority_sum += counts.values().max().copied().unwrap_or(0);
        for (label, c) in counts {
            let best = best_share.entry(label).or_default();
            *best = (*best).max(c);
        }
    }
    Scores {
        purity: majority_sum as f64 / n,
        inverse_purity: best_share.values().sum::<usize>() as f64 / n,
        groups: groups.len(),
        largest: groups.iter().map(|g| g.members.len()).max().unwrap_or(0),
        singletons: groups.iter().filter(|g| g.members.len() == 1).count(),
    }
}

/// The fixture as docs (id = row index) and their labels.
pub(crate) fn fixture_docs() -> (Vec<Doc>, Vec<String>) {
    let rows = labelled();
    let docs: Vec<Doc> =
        rows.iter().enumerate().map(|(i, (_, text))| Doc { id: i as i64, text: text.clone(), fixed: None }).collect();
    (docs, rows.into_iter().map(|(label, _)| label).collect())
}

fn regroup_fixture() -> (Vec<Group>, Vec<String>) {
    let (docs, labels) = fixture_docs();
    (regroup(&docs, &[]), labels)
}

#[test]
fn the_labelled_fixture_has_enough_texts_and_themes() {
    let rows = labelled();
    let themes: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert!(rows.len() >= 300);
    assert!((12..=20).contains(&themes.len()));
}

#[test]
fn regrouping_the_labelled_fixture_reaches_the_stated_purity() {
    let (groups, labels) = regroup_fixture();
    let s = score(&groups, &labels);
    eprintln!(
        "purity {:.3}, inverse purity {:.3}, {} groups, largest {}, {} singletons",
        s.purity, s.inverse_purity, s.groups, s.largest, s.singletons
    );
    let rows = labelled();
    for g in groups.iter().filter(|g| g.members.len() > 1) {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &id in &g.members {
            *counts.entry(labels[id as usize].as_str()).or_default() += 1;
        }
        let texts: Vec<&str> = g.members.iter().map(|&id| rows[id as usize].1.as_str()).collect();
        eprintln!("{:3} «{}» {:?}", g.members.len(), super::suggest_label(&texts), counts);
    }
    // Measured: purity 0.749, inverse purity 0.299, 107 groups (48 single texts), largest 19.
    assert!(s.purity >= 0.74, "purity {:.3}", s.purity);
    assert!(s.inverse_purity >= 0.29, "inverse purity {:.3}", s.inverse_purity);
    assert!((16..=120).contains(&s.groups), "{} groups", s.groups);
    assert!(s.largest * 10 <= labels.len(), "one group holds {} of {} texts", s.largest, labels.len());
    assert!(s.singletons * 2 <= labels.len(), "{} texts left alone", s.singletons);
}

#[test]
fn near_duplicates_in_the_labelled_fixture_always_share_a_group() {
    let (groups, _) = regroup_fixture();
    let rows = labelled();
    let sigs: Vec<_> = rows.iter().map(|r| super::signature(&r.1)).collect();
    let group_of = |id: usize| groups.iter().position(|g| g.members.contains(&(id as i64)));
    let mut pairs = 0;
    for i in 0..sigs.len() {
        for j in i + 1..sigs.len() {
            if super::near_duplicate(&sigs[i], &sigs[j]) {
                pairs += 1;
                assert_eq!(group_of(i), group_of(j), "{} / {}", rows[i].1, rows[j].1);
            }
        }
    }
    assert!(pairs >= 16, "the fixture has a near-duplicate pair per theme, found {pairs}");
}
