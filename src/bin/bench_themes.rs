//! Benchmark of theme grouping: 100,000 feedback texts of one service, made by
//! varying the hand-labelled passport fixture (dropped and swapped words, typos,
//! romanised words, filler phrases, sentences of two texts of the same theme joined),
//! regrouped on one thread.
//!
//! `cargo build --release --bin bench_themes && target/release/bench_themes [COUNT] [--long] [--check]`
//!
//! Prints the time to make the signatures, the time to cluster them, the end-to-end
//! `regroup` time and the purity of the groups against the fixture's labels. With
//! `--long` every text is two texts of a theme joined (about twice as long); with
//! `--check` it exits with status 1 when `regroup` takes 2 s or more.

use std::time::Instant;

use nagorik::themes::{
    accepts, place, regroup, regroup_by_category, regroup_signed, signature, CategoryVotes, Classifier, Doc, Group,
    PainCategory, Signature,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const FIXTURE: &str = include_str!("../../tests/fixtures/themes_labelled.csv");
const LIMIT_SECONDS: f64 = 2.0;

const ROMANISED: [(&str, &str); 16] = [
    ("পাসপোর্ট", "passport"),
    ("অফিসে", "office e"),
    ("অফিস", "office"),
    ("দালাল", "dalal"),
    ("টাকা", "taka"),
    ("সার্ভার", "server"),
    ("অনলাইনে", "online e"),
    ("মাস", "mash"),
    ("ঘুষ", "ghush"),
    ("আবেদন", "abedon"),
    ("কাজ", "kaj"),
    ("লাইনে", "line e"),
    ("ফি", "fee"),
    ("বারবার", "barbar"),
    ("পুলিশ", "police"),
    ("ভুল", "vul"),
];

const FILLERS: [&str; 10] = [
    "ভাই,",
    "দয়া করে বিষয়টি দেখবেন।",
    "please help",
    "খুবই দুঃখজনক।",
    "আগারগাঁও অফিস",
    "Chattogram office",
    "এটা মেনে নেওয়া যায় না",
    "sir please take action",
    "গতকাল",
    "৩ তারিখে",
];

fn labelled() -> Vec<(String, String)> {
    let mut reader = csv::Reader::from_reader(FIXTURE.as_bytes());
    reader.records().map(|r| r.expect("fixture row")).map(|r| (r[0].to_owned(), r[1].to_owned())).collect()
}

fn typo(word: &str, rng: &mut StdRng) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return word.to_owned();
    }
    let i = rng.random_range(1..chars.len() - 1);
    match rng.random_range(0..3) {
        0 => {
            chars.remove(i);
        }
        1 => chars.insert(i, chars[i]),
        _ => chars.swap(i, i + 1),
    }
    chars.into_iter().collect()
}

/// One variation of `base`, sometimes joined with the start of `other` (a text of
/// the same theme); with `long`, always joined with all of it.
fn vary(base: &str, other: &str, long: bool, rng: &mut StdRng) -> String {
    let mut words: Vec<String> = base.split_whitespace().map(str::to_owned).collect();
    if long || rng.random_bool(0.3) {
        words.extend(other.split_whitespace().take(if long { usize::MAX } else { 8 }).map(str::to_owned));
    }
    for _ in 0..rng.random_range(0..3) {
        if words.len() > 4 {
            let i = rng.random_range(0..words.len());
            words.remove(i);
        }
    }
    for _ in 0..rng.random_range(0..3) {
        if words.len() > 2 {
            let i = rng.random_range(0..words.len() - 1);
            words.swap(i, i + 1);
        }
    }
    for _ in 0..rng.random_range(0..3) {
        let i = rng.random_range(0..words.len());
        words[i] = typo(&words[i], rng);
    }
    if rng.random_bool(0.3) {
        for w in &mut words {
            if let Some((_, roman)) = ROMANISED.iter().find(|(bn, _)| w.starts_with(bn)) {
                *w = (*roman).to_owned();
            }
        }
    }
    if rng.random_bool(0.4) {
        let filler = FILLERS[rng.random_range(0..FILLERS.len())].to_owned();
        if rng.random_bool(0.5) {
            words.insert(0, filler);
        } else {
            words.push(filler);
        }
    }
    words.join(" ")
}

/// CPU time this thread has used, in seconds (Linux), to tell the work from waiting
/// for a core that other processes hold.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(stat.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

/// Wall and CPU seconds of `f`, with its result.
fn timed<T>(f: impl FnOnce() -> T) -> (T, f64, Option<f64>) {
    let (started, cpu) = (Instant::now(), thread_cpu_seconds());
    let out = f();
    let cpu = cpu.and_then(|before| Some(thread_cpu_seconds()? - before));
    (out, started.elapsed().as_secs_f64(), cpu)
}

fn cpu_note(cpu: Option<f64>) -> String {
    cpu.map_or_else(String::new, |c| format!(", {c:.3} s on the CPU"))
}

fn purity(groups: &[Group], labels: &[usize]) -> f64 {
    let mut majority = 0;
    for g in groups {
        let mut counts = vec![0usize; labels.iter().max().map_or(0, |m| m + 1)];
        for &id in &g.members {
            counts[labels[id as usize]] += 1;
        }
        majority += counts.into_iter().max().unwrap_or(0);
    }
    majority as f64 / labels.len() as f64
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let count: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(100_000);
    let check = args.iter().any(|a| a == "--check");
    let long = args.iter().any(|a| a == "--long");

    let rows = labelled();
    let themes: Vec<&str> = {
        let mut t: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        t.sort_unstable();
        t.dedup();
        t
    };
    let mut rng = StdRng::seed_from_u64(20_260_701);
    let mut docs = Vec::with_capacity(count);
    let mut labels = Vec::with_capacity(count);
    for id in 0..count {
        let (label, base) = &rows[rng.random_range(0..rows.len())];
        let same: Vec<&(String, String)> = rows.iter().filter(|r| &r.0 == label).collect();
        let other = &same[rng.random_range(0..same.len())].1;
        docs.push(Doc { id: id as i64, text: vary(base, other, long, &mut rng), fixed: None });
        labels.push(themes.iter().position(|t| t == label).expect("known theme"));
    }
    let chars: usize = docs.iter().map(|d| d.text.chars().count()).sum();
    println!("texts: {count} of one service, {:.0} characters on average", chars as f64 / count as f64);

    let (sigs, sig_secs, sig_cpu) = timed(|| docs.iter().map(|d| signature(&d.text)).collect::<Vec<Signature>>());
    let shingles: usize = sigs.iter().map(Signature::len).sum();
    println!(
        "signatures: {sig_secs:.3} s ({:.0} texts/s, {:.1} µs each, {:.0} shingles each{})",
        count as f64 / sig_secs,
        sig_secs * 1e6 / count as f64,
        shingles as f64 / count as f64,
        cpu_note(sig_cpu)
    );

    let (groups, cluster_secs, cluster_cpu) = timed(|| regroup_signed(&docs, &sigs, &[]));
    println!("clustering: {cluster_secs:.3} s ({:.0} texts/s{})", count as f64 / cluster_secs, cpu_note(cluster_cpu));

    let (again, total_secs, total_cpu) = timed(|| regroup(&docs, &[]));
    println!(
        "regroup (signatures + clustering): {total_secs:.3} s ({:.0} texts/s{})",
        count as f64 / total_secs,
        cpu_note(total_cpu)
    );

    assert_eq!(groups.len(), again.len(), "deterministic");
    let largest = groups.iter().map(|g| g.members.len()).max().unwrap_or(0);
    let singletons = groups.iter().filter(|g| g.members.len() == 1).count();
    let centroid_bytes = groups.iter().map(|g| g.centroid.encode().len()).max().unwrap_or(0);
    println!(
        "groups: {} (largest {largest}, {singletons} singletons), purity {:.3}, largest encoded centroid {centroid_bytes} B",
        groups.len(),
        purity(&groups, &labels)
    );
    let classifier = Classifier::builtin();
    let (grouping, by_category_secs, by_category_cpu) = timed(|| {
        let sigs: Vec<Signature> = docs.iter().map(|d| signature(&d.text)).collect();
        let cats: Vec<PainCategory> = docs.iter().map(|d| classifier.classify(&d.text).category).collect();
        regroup_by_category(&docs, &sigs, &cats, &[])
    });
    println!(
        "regroup by category (signatures + classifier + clustering): {by_category_secs:.3} s ({:.0} texts/s{}); {} themes, {} not yet grouped",
        count as f64 / by_category_secs,
        cpu_note(by_category_cpu),
        grouping.groups.len(),
        grouping.ungrouped.len()
    );
    // On arrival: one new text against the themes of the 100,000 (signature, classifier, placement).
    let themes: Vec<(i64, nagorik::themes::Centroid, PainCategory, CategoryVotes)> = grouping
        .groups
        .iter()
        .enumerate()
        .map(|(i, (g, c))| {
            let mut votes = CategoryVotes::default();
            votes.vote(*c, g.members.len() as u32);
            (i as i64, g.centroid.clone(), *c, votes)
        })
        .collect();
    let mut each: Vec<f64> = (0..2_000)
        .map(|i| {
            let text = &docs[(i * 7919) % docs.len()].text;
            let started = Instant::now();
            let sig = signature(text);
            let category = classifier.classify(text).category;
            let candidates = themes.iter().map(|t| (t.0, &t.1, accepts(t.2, &t.3, category)));
            std::hint::black_box(place(&sig, category, candidates));
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    each.sort_by(f64::total_cmp);
    println!(
        "on arrival, one text among {} themes: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        themes.len(),
        each[each.len() / 2],
        each[each.len() * 99 / 100],
        each[each.len() - 1]
    );
    let verdict = if total_secs < LIMIT_SECONDS { "under" } else { "OVER" };
    println!("{verdict} the {LIMIT_SECONDS} s limit");
    if check && total_secs >= LIMIT_SECONDS {
        std::process::exit(1);
    }
}
