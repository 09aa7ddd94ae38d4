use super::*;
use crate::themes::signature::signature;

fn sample() -> Centroid {
    let mut c = Centroid::new(&signature("পাসপোর্ট অফিসে দালাল ছাড়া কোনো কাজ হয় না"));
    c.add(&signature("দালালকে ৩০০০ টাকা না দিলে ফাইল নড়ে না"));
    c.add(&signature("dalal chara passport hoy na, ghush dite hoy"));
    c
}

#[test]
fn encode_then_decode_gives_the_same_similarities() {
    let c = sample();
    let back = Centroid::decode(&c.encode()).expect("decodes");
    assert_eq!(back.count(), 3);
    assert_eq!(back.len(), c.len());
    for text in ["দালাল ঘুষ চায়", "server down", "staff rude"] {
        let s = signature(text);
        assert!((back.similarity(&s) - c.similarity(&s)).abs() < 2e-3, "{text}");
    }
}

#[test]
fn an_encoded_centroid_fits_in_two_kilobytes() {
    let mut c = sample();
    for i in 0..50 {
        c.add(&signature(&format!("অফিসে {i} নম্বর টেবিলে গিয়ে আবেদন জমা দিলাম কিন্তু কেউ কিছু বলে না word{i}x")));
    }
    assert_eq!(c.len(), CENTROID_SIZE);
    assert!(c.encode().len() <= 2048, "{}", c.encode().len());
    assert!(c.encode().is_ascii());
}

#[test]
fn malformed_centroids_are_refused() {
    let good = sample().encode();
    assert!(Centroid::decode(&good).is_some());
    assert!(Centroid::decode("").is_none());
    assert!(Centroid::decode("c2.1.00000000.").is_none());
    assert!(Centroid::decode("c1.0.00000000.").is_none());
    assert!(Centroid::decode(&format!("{good}A")).is_none());
    assert!(Centroid::decode(&good.replacen("c1.3.", "c1.x.", 1)).is_none());
    assert!(Centroid::decode(&format!("{good}.")).is_none());
    assert!(Centroid::decode(&format!("{}*{}", &good[..good.len() - 1], "")).is_none());
}

#[test]
fn an_empty_centroid_round_trips_and_matches_nothing() {
    let c = Centroid::new(&signature("!!!"));
    let back = Centroid::decode(&c.encode()).expect("decodes");
    assert!(back.is_empty());
    assert_eq!(back.similarity(&signature("দালাল")), 0.0);
}

#[test]
fn a_centroid_is_most_similar_to_its_own_kind_of_text() {
    let c = sample();
    let bribe = signature("দালাল ছাড়া কাজ হয় না, টাকা চায়");
    let server = signature("অনলাইনে আবেদন করতে গেলে সার্ভার ডাউন");
    assert!(c.similarity(&bribe) > c.similarity(&server));
    assert!(c.similarity(&bribe) <= 1.0);
}

#[test]
fn merging_weights_each_side_by_its_count() {
    let mut big = sample();
    let small = Centroid::new(&signature("server down"));
    big.merge(&small);
    assert_eq!(big.count(), 4);
    let dalal = signature("দালাল ছাড়া কাজ হয় না");
    assert!(big.similarity(&dalal) > big.similarity(&signature("server down")));
}

#[test]
fn similarity_between_centroids_is_symmetric() {
    let a = sample();
    let b = Centroid::new(&signature("server down"));
    assert_eq!(a.similarity_to(&b), b.similarity_to(&a));
    assert!((a.similarity_to(&a) - 1.0).abs() < 1e-4);
}
