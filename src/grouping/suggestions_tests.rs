use super::*;
use crate::themes::embedding::Embedding;
use crate::themes::signature;

fn centroid(texts: &[&str]) -> Centroid {
    let mut c = Centroid::new(&signature(texts[0]));
    for t in &texts[1..] {
        c.add(&signature(t));
    }
    c
}

fn theme(id: i64, texts: &[&str], category: PainCategory) -> Candidate {
    Candidate { id, centroid: centroid(texts), meaning: None, category, by_designer: false, confirmed: false }
}

/// A meaning `cos` alike to [`meaning_along`]`(0.0)`'s: `cos` along the first axis, the rest along the second.
fn meaning_along(cos: f32) -> Option<Embedding> {
    let mut v = vec![0.0; crate::themes::embedding::DIM];
    (v[0], v[1]) = (cos, (1.0 - cos * cos).sqrt());
    Embedding::new(v)
}

/// The bribe told in Bangla and in English: not a word in common.
const BRIBE_BN: &[&str] = &["পাসপোর্ট অফিসে দালাল ছাড়া কোনো কাজ হয় না, দালালকে টাকা দিতে হয়েছে"];
const BRIBE_EN: &[&str] = &["The passport office asked me for a bribe of 5000 taka to process my application"];

#[test]
fn the_same_pain_in_two_languages_is_offered_by_its_meaning() {
    use PainCategory::*;
    let (mut bn, mut en) = (theme(1, BRIBE_BN, UnofficialPayment), theme(2, BRIBE_EN, UnofficialPayment));
    assert!(alike_pairs(&[bn.clone(), en.clone()], &HashSet::new(), 5).is_empty(), "no words in common");
    (bn.meaning, en.meaning) = (meaning_along(1.0), meaning_along(MEANING_SAME_CATEGORY + 0.05));
    let pairs = alike_pairs(&[bn.clone(), en.clone()], &HashSet::new(), 5);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!((pairs[0].a, pairs[0].b, pairs[0].by), (1, 2, AlikeBy::Meaning));
    assert!((pairs[0].meaning.unwrap() - (MEANING_SAME_CATEGORY + 0.05)).abs() < 1e-4);

    // Across categories the bar is higher; a theme not yet embedded is compared by its words only.
    en.category = Cost;
    assert!(alike_pairs(&[bn.clone(), en.clone()], &HashSet::new(), 5).is_empty());
    en.meaning = meaning_along(MEANING_OTHER_CATEGORY + 0.01);
    assert_eq!(alike_pairs(&[bn.clone(), en.clone()], &HashSet::new(), 5).len(), 1);
    en.meaning = None;
    assert!(alike_pairs(&[bn, en], &HashSet::new(), 5).is_empty());
}

#[test]
fn pairs_alike_by_wording_and_by_meaning_are_ordered_by_how_far_past_their_bar() {
    use PainCategory::*;
    let mut themes = [
        theme(1, BRIBE, UnofficialPayment),
        theme(2, BRIBE_AGAIN, UnofficialPayment),
        theme(3, BRIBE_BN, Documents),
        theme(4, BRIBE_EN, Documents),
    ];
    // Wording: well past its bar; meaning: far enough that it comes first, then only just.
    let words = themes[0].centroid.similarity_to(&themes[1].centroid);
    let words_reach = (words - ALIKE_SAME_CATEGORY) / (1.0 - ALIKE_SAME_CATEGORY);
    for (cos, first) in [(1.0, 3), (MEANING_SAME_CATEGORY + 0.01, 1)] {
        (themes[2].meaning, themes[3].meaning) = (meaning_along(1.0), meaning_along(cos));
        let pairs = alike_pairs(&themes, &HashSet::new(), 5);
        assert_eq!(pairs.len(), 2, "{pairs:?}");
        assert_eq!(pairs[0].a, first, "wording reach {words_reach}: {pairs:?}");
    }
}

const BRIBE: &[&str] = &[
    "The passport office asked me for a bribe of 5000 taka to process my application",
    "পাসপোর্ট অফিসে দালাল ছাড়া কোনো কাজ হয় না, দালালকে টাকা দিতে হয়েছে",
];
const BRIBE_AGAIN: &[&str] = &[
    "Passport office staff asked for a bribe of 5000 taka before processing my application",
    "পাসপোর্ট অফিসে দালাল ছাড়া কাজ হয় না, দালালকে অনেক টাকা দিতে হলো",
];
const SERVER: &[&str] = &[
    "The online form website was down for three days and I could not upload any documents",
    "সার্ভার ডাউন, তিন দিন ধরে অনলাইনে আবেদন জমা দিতে পারছি না",
];

#[test]
fn two_themes_telling_the_same_pain_are_offered_and_a_different_one_is_not() {
    use PainCategory::*;
    let themes =
        [theme(1, BRIBE, UnofficialPayment), theme(2, SERVER, DigitalAccess), theme(3, BRIBE_AGAIN, UnofficialPayment)];
    let pairs = alike_pairs(&themes, &HashSet::new(), 5);
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    assert_eq!((pairs[0].a, pairs[0].b), (1, 3), "lower id first");
    assert!(pairs[0].similarity >= ALIKE_SAME_CATEGORY);
}

#[test]
fn a_dismissed_pair_is_never_offered() {
    use PainCategory::*;
    let themes = [theme(3, BRIBE_AGAIN, UnofficialPayment), theme(1, BRIBE, UnofficialPayment)];
    assert!(alike_pairs(&themes, &HashSet::from([(1, 3)]), 5).is_empty());
}

#[test]
fn categories_a_designer_set_apart_are_never_offered() {
    use PainCategory::*;
    let (mut x, mut y) = (theme(1, BRIBE, UnofficialPayment), theme(2, BRIBE_AGAIN, Cost));
    let other = Some((ALIKE_OTHER_CATEGORY, MEANING_OTHER_CATEGORY));
    assert_eq!(bar(&x, &y), other, "an automatic category may be wrong: a higher bar");
    x.by_designer = true;
    assert_eq!(bar(&x, &y), other, "one designer's category alone does not forbid it");
    y.by_designer = true;
    assert_eq!(bar(&x, &y), None);
    (x.by_designer, y.by_designer, x.confirmed, y.confirmed) = (false, false, true, true);
    assert_eq!(bar(&x, &y), None, "both confirmed in different categories");
    y.category = UnofficialPayment;
    let same = Some((ALIKE_SAME_CATEGORY, MEANING_SAME_CATEGORY));
    assert_eq!(bar(&x, &y), same, "confirmed themes of one category may still be one pain");
}

#[test]
fn the_most_alike_come_first_and_each_theme_appears_once() {
    use PainCategory::*;
    let themes = [
        theme(1, BRIBE, UnofficialPayment),
        theme(2, BRIBE_AGAIN, UnofficialPayment),
        theme(3, &[BRIBE[0], BRIBE_AGAIN[1]], UnofficialPayment),
        theme(4, SERVER, DigitalAccess),
        theme(5, &[SERVER[1], SERVER[0]], DigitalAccess),
    ];
    let pairs = alike_pairs(&themes, &HashSet::new(), 5);
    assert!(pairs.windows(2).all(|w| w[0].similarity >= w[1].similarity), "{pairs:?}");
    let mut seen: Vec<i64> = pairs.iter().flat_map(|p| [p.a, p.b]).collect();
    let before = seen.len();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), before, "no theme twice: {pairs:?}");
    assert!(pairs.iter().any(|p| (p.a, p.b) == (4, 5)), "{pairs:?}");
    assert_eq!(alike_pairs(&themes, &HashSet::new(), 1).len(), 1, "the limit holds");
}

#[test]
fn a_theme_pair_is_read_in_either_order_with_bangla_digits() {
    assert_eq!(ThemePair::parse(Some("১২"), Some(" 7 ")), Ok(ThemePair { a: 7, b: 12 }));
}

#[test]
fn a_theme_pair_must_be_two_different_numbers() {
    let same = ThemePair::parse(Some("7"), Some("৭")).unwrap_err();
    assert_eq!(same.0[0].code, "staff-merge-suggest-error-same");
    let bad = ThemePair::parse(Some("x"), None).unwrap_err();
    assert_eq!(bad.0.len(), 2);
    assert!(ThemePair::parse(Some("0"), Some("3")).is_err());
}

/// The sweep behind [`ALIKE_SAME_CATEGORY`] and [`ALIKE_OTHER_CATEGORY`] (docs/themes.md):
/// `cargo test --lib grouping::suggestions -- --ignored --nocapture`.
mod sweep {
    use std::collections::{BTreeMap, HashMap};

    use super::*;
    use crate::themes::corpus::{parse_corpus, CorpusRow, DEVELOPMENT};
    use crate::themes::embedding::{read_shipped, text_key, Embedding, SHIPPED};
    use crate::themes::eval::on_arrival;
    use crate::themes::{regroup_by_category, Classifier, Doc, Signature};

    /// Embeddings of a part's texts by [`text_key`] (none: the meaning tables are left out).
    type Vectors = HashMap<[u8; 8], Embedding>;

    thread_local! {
        static VECTORS: std::cell::RefCell<Option<Vectors>> = const { std::cell::RefCell::new(None) };
    }

    /// A group of texts standing for a theme: its centroids (words; meaning when the part's
    /// embeddings are at hand), true majority theme, true category.
    struct Group {
        centroid: Centroid,
        meaning: Option<Embedding>,
        theme: String,
        category: PainCategory,
    }

    fn group(rows: &[&CorpusRow]) -> Option<Group> {
        let first = rows.first()?;
        let mut c = Centroid::new(&signature(&first.text));
        for r in &rows[1..] {
            c.add(&signature(&r.text));
        }
        let meaning = VECTORS.with_borrow(|v| {
            let v = v.as_ref()?;
            Embedding::theme_direction(rows.iter().filter_map(|r| v.get(&text_key(&r.text))))
        });
        let mut count: BTreeMap<(&str, PainCategory), usize> = BTreeMap::new();
        for r in rows {
            *count.entry((r.theme.as_str(), r.category)).or_default() += 1;
        }
        let ((theme, category), _) = count.into_iter().max_by_key(|(_, n)| *n)?;
        Some(Group { centroid: c, meaning, theme: theme.to_owned(), category })
    }

    /// Per threshold: (same theme, different theme) pairs at or above it, for pairs of one
    /// true category and of different ones.
    type Table = BTreeMap<u32, [(usize, usize); 2]>;

    /// Which likeness a table reads: the words' centroids, or the embeddings' (from 0.70 up).
    #[derive(Clone, Copy, PartialEq)]
    enum By {
        Words,
        Meaning,
    }

    fn tally(table: &mut Table, groups: &[Group], by: By) {
        for (i, x) in groups.iter().enumerate() {
            for y in &groups[i + 1..] {
                let s = match by {
                    By::Words => x.centroid.similarity_to(&y.centroid),
                    By::Meaning => match (&x.meaning, &y.meaning) {
                        (Some(a), Some(b)) => a.cosine(b),
                        _ => continue,
                    },
                };
                let kind = usize::from(x.category != y.category);
                let steps: Vec<u32> = match by {
                    By::Words => (0..=80).step_by(5).filter(|&t| t == 0 || t >= 20).collect(),
                    By::Meaning => (0..=90).step_by(5).collect(),
                };
                for t in steps {
                    if s * 100.0 >= t as f32 {
                        let cell = &mut table.entry(t).or_default()[kind];
                        if x.theme == y.theme {
                            cell.0 += 1;
                        } else {
                            cell.1 += 1;
                        }
                    }
                }
            }
        }
    }

    fn print(name: &str, table: &Table) {
        eprintln!("\n{name}: threshold | same category: same theme / other theme (precision) | other category: same / other (precision)");
        for (t, [same, other]) in table {
            let p = |(a, b): (usize, usize)| if a + b == 0 { 1.0 } else { a as f64 / (a + b) as f64 };
            eprintln!(
                "{:.2} | {:4} / {:4} ({:.2}) | {:4} / {:4} ({:.2})",
                *t as f64 / 100.0,
                same.0,
                same.1,
                p(*same),
                other.0,
                other.1,
                p(*other)
            );
        }
    }

    fn sweep(rows: &[CorpusRow], classifier: &Classifier, by: By) {
        let mut services: BTreeMap<&str, Vec<&CorpusRow>> = BTreeMap::new();
        for r in rows.iter().filter(|r| r.theme != "off_topic" && r.theme != "spam") {
            services.entry(r.service.as_str()).or_default().push(r);
        }
        let (mut halves, mut scripts, mut fours) = (Table::new(), Table::new(), Table::new());
        let (mut arrival, mut regrouped) = (Table::new(), Table::new());
        for rows in services.values() {
            let mut by_theme: BTreeMap<&str, Vec<&CorpusRow>> = BTreeMap::new();
            for r in rows {
                by_theme.entry(r.theme.as_str()).or_default().push(r);
            }
            let (mut h, mut s, mut f) = (Vec::new(), Vec::new(), Vec::new());
            for members in by_theme.values() {
                // One theme split in two: every other text, and Bangla script against the rest.
                let (even, odd): (Vec<_>, Vec<_>) = members.iter().enumerate().partition(|(i, _)| i % 2 == 0);
                h.extend(group(&even.into_iter().map(|x| *x.1).collect::<Vec<_>>()));
                h.extend(group(&odd.into_iter().map(|x| *x.1).collect::<Vec<_>>()));
                let (bn, latin): (Vec<&CorpusRow>, Vec<&CorpusRow>) =
                    members.iter().copied().partition(|r| r.lang == "bn");
                s.extend(group(&bn));
                s.extend(group(&latin));
                // Small themes of four texts (one opened late, or split off by hand).
                f.extend(members.chunks(4).filter(|c| c.len() == 4).filter_map(group));
            }
            tally(&mut halves, &h, by);
            tally(&mut scripts, &s, by);
            tally(&mut fours, &f, by);
            // The themes intake makes, text by text, and those a regroup makes (rarity-weighted
            // centroids), each with the category the classifier gave it.
            let sigs: Vec<Signature> = rows.iter().map(|r| signature(&r.text)).collect();
            let classes: Vec<PainCategory> = rows.iter().map(|r| classifier.classify(&r.text).category).collect();
            let mut landed: BTreeMap<i64, (Vec<&CorpusRow>, PainCategory)> = BTreeMap::new();
            for (i, (g, category)) in on_arrival(&sigs, &classes).into_iter().enumerate() {
                if g >= 0 {
                    let entry = landed.entry(g).or_insert((Vec::new(), category));
                    entry.0.push(rows[i]);
                }
            }
            let a: Vec<Group> = landed
                .values()
                .filter_map(|(m, category)| group(m).map(|g| Group { category: *category, ..g }))
                .collect();
            tally(&mut arrival, &a, by);
            let docs: Vec<Doc> =
                (0..rows.len()).map(|i| Doc { id: i as i64, text: String::new(), fixed: None }).collect();
            let r: Vec<Group> = regroup_by_category(&docs, &sigs, &classes, &[])
                .groups
                .into_iter()
                .filter_map(|(g, category)| {
                    let members: Vec<&CorpusRow> = g.members.iter().map(|&i| rows[i as usize]).collect();
                    group(&members).map(|x| Group { centroid: g.centroid, category, ..x })
                })
                .collect();
            tally(&mut regrouped, &r, by);
        }
        print("one theme in two halves", &halves);
        print("one theme split by script (Bangla / Latin)", &scripts);
        print("themes of four texts", &fours);
        print("themes made on arrival (classifier's categories)", &arrival);
        print("themes made by a regroup (classifier's categories)", &regrouped);
    }

    /// Sweeps the words' likeness, then the embeddings' when `vectors` are at hand.
    fn both(name: &str, rows: &[CorpusRow], classifier: &Classifier, vectors: Option<Vectors>) {
        eprintln!("== {name}: the words' centroids");
        sweep(rows, classifier, By::Words);
        let Some(vectors) = vectors else { return };
        VECTORS.set(Some(vectors));
        eprintln!("\n== {name}: the embeddings' mean");
        sweep(rows, classifier, By::Meaning);
        VECTORS.set(None);
    }

    /// The test part's embeddings are never shipped: `embed.py URL test FILE` writes them, and
    /// `NAGORIK_TEST_E5=FILE` reports the meaning tables on them too.
    #[test]
    #[ignore = "prints tables for choosing the thresholds; asserts nothing"]
    fn sweep_merge_suggestion_thresholds() {
        let classifier = Classifier::builtin();
        both("development part (tuned on)", &parse_corpus(DEVELOPMENT).unwrap(), &classifier, read_shipped(SHIPPED));
        let test =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/themes_corpus/test.csv")).unwrap();
        let vectors = std::env::var("NAGORIK_TEST_E5").ok().map(|f| read_shipped(&std::fs::read(f).unwrap()).unwrap());
        both("test part (reported only)", &parse_corpus(&test).unwrap(), &classifier, vectors);
    }
}
