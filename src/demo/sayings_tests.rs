use std::collections::{HashMap, HashSet};

use rand::SeedableRng;

use super::*;
use crate::demo::feedback::{draw, Target};

const TEST_PART: &str = include_str!("../../data/themes_corpus/test.csv");

fn sayings(seed: u64) -> (StdRng, Sayings) {
    let mut rng = StdRng::seed_from_u64(seed);
    let sayings = Sayings::builtin(&mut rng);
    (rng, sayings)
}

fn corpus_services() -> Vec<String> {
    let codes: HashSet<String> = parse_corpus(DEVELOPMENT).unwrap().into_iter().map(|r| r.service).collect();
    let mut codes: Vec<String> = codes.into_iter().collect();
    codes.sort();
    codes
}

/// Everything a corpus service says before it has nothing left.
fn all_of(rng: &mut StdRng, sayings: &mut Sayings, code: &str) -> Vec<Said> {
    let mut said = Vec::new();
    while !sayings.exhausted(code) {
        said.push(sayings.say(rng, code));
    }
    said
}

fn opening(text: &str) -> String {
    text.split_whitespace().take(5).collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The largest share of `texts` that starts with the same five words, and those words.
fn largest_opening_share(texts: &[String]) -> (f64, String) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for t in texts {
        *counts.entry(opening(t)).or_default() += 1;
    }
    let (words, n) = counts.into_iter().max_by_key(|(w, n)| (*n, w.clone())).unwrap();
    (n as f64 / texts.len() as f64, words)
}

#[test]
fn no_opening_is_shared_by_more_than_5_percent_of_a_services_feedback() {
    let (mut rng, mut sayings) = sayings(2021);
    for code in corpus_services() {
        let texts: Vec<String> = all_of(&mut rng, &mut sayings, &code).into_iter().map(|s| s.text).collect();
        assert!(texts.len() >= 90, "{code}: {} texts", texts.len());
        let (share, words) = largest_opening_share(&texts);
        assert!(share <= 0.05, "{code}: {share:.3} of its feedback opens with \"{words}\"");
    }
    // Services outside the corpus, with long names and fixed figures (stricter than varied ones):
    // as many feedback as a busy one gets in `serve --demo`, and many more.
    let fill = |text: &str| {
        text.replace("{service}", "জন্ম ও মৃত্যু নিবন্ধন সনদের তথ্য সংশোধন")
            .replace("{office}", "রেজিস্ট্রার জেনারেলের কার্যালয়, জন্ম ও মৃত্যু নিবন্ধন")
            .replace("{days}", "30")
            .replace("{taka}", "500")
            .replace("{visits}", "3")
    };
    for (code, n) in [("DC-001", 40), ("DC-002", 100), ("BBA-001", 1000)] {
        let texts: Vec<String> = (0..n).map(|_| sayings.say(&mut rng, code).text).collect();
        let (share, words) = largest_opening_share(&texts.iter().map(|t| fill(t)).collect::<Vec<_>>());
        assert!(share <= 0.05, "{code}: {share:.3} of its {n} feedback opens with \"{words}\"");
        // Naming the service and its office in every text is what made them all alike.
        let naming = texts.iter().filter(|t| t.contains("{service}") || t.contains("{office}")).count();
        assert!(naming * 4 <= n, "{code}: {naming} of {n} name the service or office");
    }
}

#[test]
fn the_demo_says_no_text_of_the_corpus_test_part() {
    let dev: HashSet<String> = parse_corpus(DEVELOPMENT).unwrap().into_iter().map(|r| r.text).collect();
    // Two junk spam strings ("asdfgh jkl", a row of emoji) were typed into both parts.
    let held_out: HashSet<String> =
        parse_corpus(TEST_PART).unwrap().into_iter().map(|r| r.text).filter(|t| !dev.contains(t)).collect();
    assert!(held_out.len() > 900);
    let (mut rng, mut sayings) = sayings(7);
    for code in corpus_services() {
        for said in all_of(&mut rng, &mut sayings, &code) {
            assert!(dev.contains(&said.text), "{code} says a text not in dev.csv: {}", said.text);
            assert!(!held_out.contains(&said.text), "{code} says a test text: {}", said.text);
        }
    }
    for said in (0..3000).map(|_| sayings.say(&mut rng, "DC-001")) {
        assert!(!held_out.contains(&said.text), "a composed text is a test text: {}", said.text);
    }
    let test_text = held_out.iter().map(String::as_str).collect::<Vec<_>>().join("\n");
    for piece in sayings.phrases().flat_map(|p| p.split(['{', '}'])).map(str::trim) {
        assert!(piece.chars().count() < 20 || !test_text.contains(piece), "a phrase from test.csv: {piece}");
    }
}

#[test]
fn corpus_texts_keep_their_kind_and_language_and_spam_is_marked() {
    let (mut rng, mut sayings) = sayings(1);
    let said = all_of(&mut rng, &mut sayings, "ORGBDR-001");
    let langs: HashSet<&str> = said.iter().map(|s| s.lang).collect();
    assert_eq!(langs, HashSet::from(["bn", "en", "mixed", "rbn"]));
    let kinds: HashSet<&str> = said.iter().map(|s| s.kind.as_str()).collect();
    assert_eq!(kinds, HashSet::from(["complaint", "expectation", "suggestion"]));
    let spam = said.iter().filter(|s| s.moderation == "spam").count();
    assert!((1..=6).contains(&spam), "{spam} spam rows");
    assert!(said.iter().all(|s| s.locale() == if s.lang == "en" { "en" } else { "bn" }));
}

#[test]
fn the_same_seed_says_the_same_things() {
    let run = |seed| {
        let (mut rng, mut sayings) = sayings(seed);
        ["DIP-001", "DC-001", "DIP-001", "BR-001"].map(|c| sayings.say(&mut rng, c))
    };
    assert_eq!(run(5), run(5));
    assert_ne!(run(5), run(6));
}

#[test]
fn a_corpus_service_stops_drawing_when_its_texts_are_said() {
    let target = |code: &str, weight: f64| Target {
        id: 0,
        code: code.into(),
        name_bn: String::new(),
        name_en: String::new(),
        office_bn: String::new(),
        office_en: String::new(),
        promised_days: 7,
        fee: 0,
        weight,
        steps: Vec::new(),
    };
    let targets = [target("ORGBDR-001", 1000.0), target("DC-001", 1.0)];
    let mut weights = [1000.0, 1.0];
    let (mut rng, mut sayings) = sayings(3);
    let mut texts = HashSet::new();
    let mut birth = 0;
    for _ in 0..400 {
        let i = draw(&mut rng, &targets, &mut weights, &mut sayings);
        let said = sayings.say(&mut rng, &targets[i].code);
        if i == 0 {
            birth += 1;
            assert!(texts.insert(said.text), "a corpus text is said twice");
        }
    }
    assert!((95..=104).contains(&birth), "{birth} birth registration feedback");
}
