//! The themes evaluation: a labelled corpus grouped the two ways Nagorik groups, and
//! scored against its true themes and categories (`nagorik eval-themes`).
//!
//! On arrival: each service's texts come one by one in a fixed shuffled order (the
//! corpus has no dates) and are [`place`]d as intake places them. Regroup: all texts of
//! a service at once through [`regroup_by_category`]. Texts left "not yet grouped"
//! count as one group of category `other` (what a designer sees).

use std::collections::{BTreeMap, HashMap};

use super::by_category::{accepts, place, regroup_by_category, Placement};
use super::category::{CategoryVotes, PainCategory};
use super::centroid::Centroid;
use super::classify::Classifier;
use super::cluster::Doc;
use super::corpus::CorpusRow;
use super::embedding::Embedding;
use super::hash::fixed_shuffle;
use super::metrics::{agreement, category_scores, Agreement, CategoryScore};
use super::signature::{signature, Signature};

/// The group of a text that fits none yet.
const UNGROUPED: i64 = -1;

/// Where each text of one service landed: group key and that group's category.
type Landing = Vec<(i64, PainCategory)>;

/// Figures of one way of grouping.
#[derive(Debug, Clone, Default)]
pub struct ModeReport {
    /// Per service: code, texts, agreement.
    pub services: Vec<(String, usize, Agreement)>,
    /// Row-weighted means over services (groups and themes summed).
    pub overall: Agreement,
    /// Per-category scores of the category of the theme each text landed in.
    pub categories: Vec<(PainCategory, CategoryScore)>,
    /// Macro-F1 of those.
    pub macro_f1: f64,
    /// Share of pairs of texts telling the same complaint in different languages that share a theme.
    pub cross_language: f64,
    /// Texts left not yet grouped.
    pub ungrouped: usize,
}

/// The whole evaluation.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Texts evaluated.
    pub texts: usize,
    /// Texts fed one by one.
    pub arrival: ModeReport,
    /// All texts of a service regrouped at once.
    pub regroup: ModeReport,
    /// With embeddings: texts placed by their words as they arrive, then moved by the
    /// embeddings job a batch behind (what a service shows while the job catches up).
    pub lagging: Option<ModeReport>,
    /// The classifier on each text alone: per category and macro-F1.
    pub classifier: (Vec<(PainCategory, CategoryScore)>, f64),
}

/// A fixed shuffle (the arrival order), the same on every run.
fn arrival_order(n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    fixed_shuffle(&mut order, &mut 0x9E37_79B9_7F4A_7C15_u64);
    order
}

/// On arrival, each text classified once (`classes`) and placed as intake places it: the lagging
/// simulation with nothing left for the job to move.
pub(crate) fn on_arrival(sigs: &[Signature], classes: &[PainCategory]) -> Landing {
    on_arrival_lagging(sigs, classes, classes, sigs.len())
}

/// Texts the embeddings job reads in one round (`src/jobs/embeddings.rs` asks for 32).
pub const JOB_BATCH: usize = 32;

/// A theme of the lagging simulation: its members, as `grouping::edits::rebuild` reads them.
struct Live {
    members: Vec<usize>,
    centroid: Centroid,
    votes: CategoryVotes,
    category: PainCategory,
}

/// On arrival while the embeddings job runs behind intake: each text is placed by its words'
/// category (`words`) as intake places it; after every `lag` arrivals the job reads those texts
/// with their embeddings (`meaning`) and moves each whose category its theme no longer accepts
/// to the most similar theme of the new category, opens one, or leaves it waiting (as
/// `grouping::refine` does); the themes it left and joined are rebuilt from their members, each
/// member counted with its embedding's category once the job has read it.
pub(crate) fn on_arrival_lagging(
    sigs: &[Signature],
    words: &[PainCategory],
    meaning: &[PainCategory],
    lag: usize,
) -> Landing {
    let mut themes: Vec<Live> = Vec::new();
    let mut at = vec![UNGROUPED; sigs.len()];
    let mut read = vec![false; sigs.len()];
    let order = arrival_order(sigs.len());
    for round in order.chunks(lag.max(1)) {
        for &i in round.iter().filter(|&&i| !sigs[i].is_empty()) {
            let candidates = themes
                .iter()
                .enumerate()
                .map(|(id, t)| (id as i64, &t.centroid, accepts(t.category, &t.votes, words[i])));
            at[i] = match place(&sigs[i], words[i], candidates) {
                Placement::Join(id) => {
                    let t = &mut themes[id as usize];
                    t.members.push(i);
                    t.centroid.add(&sigs[i]);
                    t.votes.vote(words[i], 1);
                    t.category = t.votes.winner();
                    id
                }
                Placement::Open => open(&mut themes, i, &sigs[i], words[i]),
                Placement::Wait => UNGROUPED,
            };
        }
        let mut touched: Vec<i64> = Vec::new();
        for &i in round.iter().filter(|&&i| !sigs[i].is_empty()) {
            read[i] = true;
            let (from, category) = (at[i], meaning[i]);
            let stays = match from {
                UNGROUPED => category == PainCategory::Other,
                t => accepts(themes[t as usize].category, &themes[t as usize].votes, category),
            };
            if stays {
                continue;
            }
            let others = themes
                .iter()
                .enumerate()
                .filter(|(id, t)| *id as i64 != from && !t.members.is_empty())
                .map(|(id, t)| (id as i64, &t.centroid, accepts(t.category, &t.votes, category)));
            let to = match place(&sigs[i], category, others) {
                Placement::Join(id) => {
                    themes[id as usize].members.push(i);
                    id
                }
                Placement::Open => open(&mut themes, i, &sigs[i], category),
                Placement::Wait => UNGROUPED,
            };
            if from != UNGROUPED {
                themes[from as usize].members.retain(|&m| m != i);
            }
            at[i] = to;
            touched.extend([from, to].into_iter().filter(|&t| t != UNGROUPED));
        }
        touched.sort_unstable();
        touched.dedup();
        for t in touched {
            let theme = &mut themes[t as usize];
            let Some((&first, rest)) = theme.members.split_first() else { continue };
            theme.centroid = Centroid::new(&sigs[first]);
            rest.iter().for_each(|&m| theme.centroid.add(&sigs[m]));
            theme.votes = CategoryVotes::default();
            for &m in &theme.members {
                theme.votes.vote(if read[m] { meaning[m] } else { words[m] }, 1);
            }
            theme.category = theme.votes.winner();
        }
    }
    at.into_iter()
        .map(|g| (g, if g == UNGROUPED { PainCategory::Other } else { themes[g as usize].category }))
        .collect()
}

/// Opens a theme of the lagging simulation holding text `i`; returns its id.
fn open(themes: &mut Vec<Live>, i: usize, sig: &Signature, category: PainCategory) -> i64 {
    let mut votes = CategoryVotes::default();
    votes.vote(category, 1);
    themes.push(Live { members: vec![i], centroid: Centroid::new(sig), votes, category });
    themes.len() as i64 - 1
}

fn regrouped(sigs: &[Signature], classes: &[PainCategory]) -> Landing {
    let docs: Vec<Doc> = (0..sigs.len()).map(|i| Doc { id: i as i64, text: String::new(), fixed: None }).collect();
    let grouping = regroup_by_category(&docs, sigs, classes, &[]);
    let mut landing = vec![(UNGROUPED, PainCategory::Other); sigs.len()];
    for (g, (group, category)) in grouping.groups.iter().enumerate() {
        for &id in &group.members {
            landing[id as usize] = (g as i64, *category);
        }
    }
    landing
}

fn score(per_service: &[(String, Vec<&CorpusRow>, Landing)]) -> ModeReport {
    let mut report = ModeReport::default();
    let (mut predicted, mut truth) = (Vec::new(), Vec::new());
    let (mut same, mut pairs) = (0usize, 0usize);
    let total: usize = per_service.iter().map(|s| s.1.len()).sum();
    for (code, rows, landing) in per_service {
        let groups: Vec<i64> = landing.iter().map(|l| l.0).collect();
        let themes: Vec<&str> = rows.iter().map(|r| r.theme.as_str()).collect();
        let a = agreement(&groups, &themes);
        let w = rows.len() as f64 / total.max(1) as f64;
        report.overall.purity += a.purity * w;
        report.overall.inverse_purity += a.inverse_purity * w;
        report.overall.adjusted_rand += a.adjusted_rand * w;
        report.overall.groups += a.groups;
        report.overall.themes += a.themes;
        report.ungrouped += groups.iter().filter(|&&g| g == UNGROUPED).count();
        report.services.push((code.clone(), rows.len(), a));
        predicted.extend(landing.iter().map(|l| l.1));
        truth.extend(rows.iter().map(|r| r.category));
        let mut by_pair: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, r) in rows.iter().enumerate().filter(|(_, r)| !r.pair.is_empty()) {
            by_pair.entry(r.pair.as_str()).or_default().push(i);
        }
        for members in by_pair.values() {
            for (x, &i) in members.iter().enumerate() {
                for &j in &members[x + 1..] {
                    if rows[i].lang != rows[j].lang {
                        pairs += 1;
                        same += usize::from(groups[i] == groups[j] && groups[i] != UNGROUPED);
                    }
                }
            }
        }
    }
    (report.categories, report.macro_f1) = category_scores(&predicted, &truth);
    report.cross_language = if pairs == 0 { 0.0 } else { same as f64 / pairs as f64 };
    report
}

/// Embeddings of texts, by text.
pub type EmbeddingsByText = HashMap<String, Embedding>;

/// Groups `rows` service by service both ways and scores them; the classifier reads a
/// text's embedding when `embeddings` has it.
pub fn evaluate(rows: &[CorpusRow], classifier: &Classifier, embeddings: &EmbeddingsByText) -> Report {
    let mut services: BTreeMap<&str, Vec<&CorpusRow>> = BTreeMap::new();
    for r in rows {
        services.entry(r.service.as_str()).or_default().push(r);
    }
    let (mut arrival, mut regroup, mut lagging) = (Vec::new(), Vec::new(), Vec::new());
    let (mut text_pred, mut text_truth) = (Vec::new(), Vec::new());
    for (code, rows) in services {
        let sigs: Vec<Signature> = rows.iter().map(|r| signature(&r.text)).collect();
        let classes: Vec<PainCategory> =
            rows.iter().map(|r| classifier.classify_with(&r.text, embeddings.get(&r.text)).category).collect();
        text_pred.extend(classes.iter().copied());
        text_truth.extend(rows.iter().map(|r| r.category));
        arrival.push((code.to_owned(), rows.clone(), on_arrival(&sigs, &classes)));
        if !embeddings.is_empty() {
            let words: Vec<PainCategory> = rows.iter().map(|r| classifier.classify(&r.text).category).collect();
            lagging.push((code.to_owned(), rows.clone(), on_arrival_lagging(&sigs, &words, &classes, JOB_BATCH)));
        }
        regroup.push((code.to_owned(), rows, regrouped(&sigs, &classes)));
    }
    Report {
        texts: rows.len(),
        arrival: score(&arrival),
        regroup: score(&regroup),
        lagging: (!lagging.is_empty()).then(|| score(&lagging)),
        classifier: category_scores(&text_pred, &text_truth),
    }
}

#[cfg(test)]
#[path = "eval_tests.rs"]
mod tests;
