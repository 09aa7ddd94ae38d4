use super::*;
use crate::themes::signature::signature;

fn doc(id: i64, text: &str) -> Doc {
    Doc { id, text: text.to_owned(), fixed: None }
}

fn run(texts: &[(&str, PainCategory)], kept: &[KeptTheme]) -> Grouping {
    let docs: Vec<Doc> = texts.iter().enumerate().map(|(i, t)| doc(i as i64, t.0)).collect();
    let sigs: Vec<Signature> = docs.iter().map(|d| signature(&d.text)).collect();
    let cats: Vec<PainCategory> = texts.iter().map(|t| t.1).collect();
    regroup_by_category(&docs, &sigs, &cats, kept)
}

#[test]
fn texts_of_one_category_in_different_words_form_one_theme() {
    use PainCategory::*;
    let g = run(
        &[
            ("দালাল ছাড়া কাজ হয় না", UnofficialPayment),
            ("the broker took 3000 taka", UnofficialPayment),
            ("ghush dite hoise 2000 tk", UnofficialPayment),
            ("সার্ভার ডাউন, আবেদন জমা হয় না", DigitalAccess),
            ("website not opening for three days", DigitalAccess),
            ("site e dhukte parchi na", DigitalAccess),
        ],
        &[],
    );
    assert_eq!(g.groups.len(), 2, "{g:?}");
    assert!(g.groups.iter().all(|(grp, _)| grp.members.len() == 3));
    assert!(g.ungrouped.is_empty());
}

#[test]
fn off_topic_texts_and_lone_categories_wait_as_not_yet_grouped() {
    use PainCategory::*;
    let g = run(
        &[
            ("buy cheap phones now", Other),
            ("আজ খুব গরম", Other),
            ("the queue was long", Time),
            ("ফি অনেক বেশি", Cost),
            ("fee too high", Cost),
            ("fees are too much", Cost),
        ],
        &[],
    );
    assert_eq!(g.groups.len(), 1);
    assert_eq!(g.groups[0].1, Cost);
    assert_eq!(g.ungrouped, vec![0, 1, 2]);
}

#[test]
fn a_kept_theme_comes_back_with_its_category_even_when_empty() {
    use PainCategory::*;
    let kept = vec![(77, Centroid::new(&signature("rude staff shouted")), StaffConduct)];
    let g = run(&[("fee too high", Cost)], &kept);
    assert_eq!(g.groups[0].0.theme, Some(77));
    assert_eq!(g.groups[0].1, StaffConduct);
}

#[test]
fn a_text_fixed_to_a_kept_theme_stays_there_whatever_its_category() {
    use PainCategory::*;
    let kept = vec![(5, Centroid::new(&signature("rude staff")), StaffConduct)];
    let docs = vec![Doc { id: 1, text: "fee too high".into(), fixed: Some(5) }];
    let sigs = vec![signature("fee too high")];
    let g = regroup_by_category(&docs, &sigs, &[Cost], &kept);
    assert_eq!(g.groups.len(), 1);
    assert_eq!((g.groups[0].0.theme, g.groups[0].0.members.clone()), (Some(5), vec![1]));
}

#[test]
fn arrival_joins_the_most_alike_theme_of_its_category_only() {
    use PainCategory::*;
    let bribe = Centroid::new(&signature("dalal took money"));
    let server = Centroid::new(&signature("server down money lost"));
    let themes = |c: PainCategory| [(1, &bribe, c == UnofficialPayment), (2, &server, c == DigitalAccess)];
    let sig = signature("money money money");
    assert_eq!(place(&sig, UnofficialPayment, themes(UnofficialPayment)), Placement::Join(1));
    assert_eq!(place(&sig, Cost, themes(Cost)), Placement::Open);
    assert_eq!(place(&sig, Other, themes(Other)), Placement::Wait);
}

#[test]
fn a_merged_theme_takes_texts_of_both_its_categories() {
    use PainCategory::*;
    let mut votes = CategoryVotes::default();
    votes.vote(UnofficialPayment, 3);
    votes.vote(DigitalAccess, 2);
    assert!(accepts(UnofficialPayment, &votes, DigitalAccess));
    assert!(accepts(UnofficialPayment, &votes, UnofficialPayment));
    assert!(!accepts(UnofficialPayment, &votes, Time));
}
