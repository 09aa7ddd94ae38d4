use super::*;

fn doc(id: i64, text: &str) -> Doc {
    Doc { id, text: text.to_owned(), fixed: None }
}

fn sample() -> Vec<Doc> {
    [
        "পাসপোর্ট অফিসে দালাল ছাড়া কোনো কাজ হয় না",
        "অনলাইনে আবেদন করতে গেলে সার্ভার ডাউন দেখায়",
        "দালালকে টাকা না দিলে পাসপোর্ট অফিসে কাজ হয় না",
        "সার্ভার ডাউন থাকার কারণে অনলাইনে আবেদন জমা হয়নি",
        "Staff at the passport office were very rude to my father",
        "dalal chara passport office e kono kaj hoy na",
        "The staff were rude and shouted at us at the passport office",
        "পাসপোর্ট অফিসে দালাল ছাড়া কোনো কাজ হয় না!!",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| doc(i as i64 + 1, t))
    .collect()
}

fn group_of(groups: &[Group], id: i64) -> usize {
    groups.iter().position(|g| g.members.contains(&id)).expect("every doc is grouped")
}

#[test]
fn every_doc_ends_in_exactly_one_group() {
    let docs = sample();
    let groups = regroup(&docs, &[]);
    let mut all: Vec<i64> = groups.iter().flat_map(|g| g.members.clone()).collect();
    all.sort_unstable();
    assert_eq!(all, (1..=8).collect::<Vec<_>>());
}

#[test]
fn texts_about_the_same_pain_land_together() {
    let groups = regroup(&sample(), &[]);
    assert_eq!(group_of(&groups, 1), group_of(&groups, 3));
    assert_eq!(group_of(&groups, 2), group_of(&groups, 4));
    assert_eq!(group_of(&groups, 5), group_of(&groups, 7));
    assert_ne!(group_of(&groups, 1), group_of(&groups, 2));
    assert_ne!(group_of(&groups, 1), group_of(&groups, 5));
}

#[test]
fn near_duplicates_always_land_together() {
    let groups = regroup(&sample(), &[]);
    assert_eq!(group_of(&groups, 1), group_of(&groups, 8));
}

#[test]
fn regrouping_is_deterministic() {
    let docs = sample();
    let a: Vec<(Option<i64>, Vec<i64>, String)> =
        regroup(&docs, &[]).into_iter().map(|g| (g.theme, g.members, g.centroid.encode())).collect();
    let b: Vec<(Option<i64>, Vec<i64>, String)> =
        regroup(&docs, &[]).into_iter().map(|g| (g.theme, g.members, g.centroid.encode())).collect();
    assert_eq!(a, b);
}

#[test]
fn fixed_docs_stay_in_their_theme_and_kept_themes_survive() {
    let mut docs = sample();
    docs[1].fixed = Some(70); // the designer put a server complaint into the bribe theme
    docs[0].fixed = Some(70);
    let server = crate::themes::signature::signature("সার্ভার ডাউন অনলাইন আবেদন");
    let empty_kept = crate::themes::signature::signature("fingerprint machine not working");
    let kept = vec![(70, Centroid::new(&server)), (71, Centroid::new(&empty_kept))];
    let groups = regroup(&docs, &kept);
    assert_eq!(groups[0].theme, Some(70));
    assert!(groups[0].members.contains(&1) && groups[0].members.contains(&2));
    assert_eq!(groups[1].theme, Some(71));
    assert!(groups[1].members.is_empty());
    assert_eq!(groups[1].centroid, kept[1].1);
    assert!(groups[2..].iter().all(|g| g.theme.is_none()));
}

#[test]
fn unfixed_docs_may_join_a_kept_theme() {
    let docs = sample();
    let bribe = crate::themes::signature::signature("দালাল ছাড়া পাসপোর্ট অফিসে কাজ হয় না");
    let groups = regroup(&docs, &[(9, Centroid::new(&bribe))]);
    assert_eq!(groups[0].theme, Some(9));
    assert!(groups[0].members.contains(&1) && groups[0].members.contains(&3));
}

#[test]
fn a_fixed_doc_names_its_theme_even_when_it_is_not_kept() {
    let mut docs = sample();
    docs[4].fixed = Some(5);
    let groups = regroup(&docs, &[]);
    assert_eq!(groups[0].theme, Some(5));
    assert!(groups[0].members.contains(&5));
}

#[test]
fn no_docs_give_only_the_kept_themes() {
    assert!(regroup(&[], &[]).is_empty());
    let c = Centroid::new(&crate::themes::signature::signature("দালাল"));
    let groups = regroup(&[], &[(3, c)]);
    assert_eq!(groups.len(), 1);
    assert!(groups[0].members.is_empty());
}
