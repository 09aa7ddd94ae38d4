use super::*;

fn texts() -> Vec<&'static str> {
    vec![
        "passport delivery is three months late, still not delivered",
        "my passport has not been delivered after ninety days of waiting",
        "delivery of the passport is late again, months of waiting",
        "waited five hours in the queue at the passport office",
        "the queue at the office was so long I waited all day",
        "they charged a fee of 500 taka more than the charter says",
        "the fee is higher than what the citizen charter says",
    ]
}

#[test]
fn with_the_job_one_text_behind_and_the_same_categories_nothing_moves() {
    let sigs: Vec<Signature> = texts().iter().map(|t| signature(t)).collect();
    let classes = [
        PainCategory::Time,
        PainCategory::Time,
        PainCategory::Time,
        PainCategory::Time,
        PainCategory::Time,
        PainCategory::Cost,
        PainCategory::Cost,
    ];
    assert_eq!(on_arrival_lagging(&sigs, &classes, &classes, 1), on_arrival(&sigs, &classes));
    assert_eq!(on_arrival_lagging(&sigs, &classes, &classes, JOB_BATCH), on_arrival(&sigs, &classes));
}

#[test]
fn the_job_moves_a_text_its_embedding_reads_otherwise_and_its_theme_follows_the_members() {
    let sigs: Vec<Signature> = texts().iter().map(|t| signature(t)).collect();
    // The words read every text as a time problem; the embeddings see the two fee texts as cost.
    let words = [PainCategory::Time; 7];
    let mut meaning = words;
    meaning[5] = PainCategory::Cost;
    meaning[6] = PainCategory::Cost;
    let landing = on_arrival_lagging(&sigs, &words, &meaning, JOB_BATCH);
    let by_words = on_arrival(&sigs, &words);
    assert!(by_words.iter().all(|l| l.1 == PainCategory::Time), "{by_words:?}");
    assert_eq!(landing[5].1, PainCategory::Cost, "{landing:?}");
    assert_eq!(landing[5].0, landing[6].0, "both fee texts share a theme: {landing:?}");
    for i in 0..5 {
        assert_eq!(landing[i].1, PainCategory::Time, "{landing:?}");
        assert_ne!(landing[i].0, landing[5].0, "{landing:?}");
    }
}
