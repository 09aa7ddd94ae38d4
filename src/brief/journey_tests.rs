use super::*;

fn steps() -> Vec<String> {
    ["আবেদন জমা", "যাচাই", "সনদ গ্রহণ"].map(String::from).to_vec()
}

fn row(
    step: Option<&str>,
    tcv: (Option<i64>, Option<i64>, Option<i64>),
    theme: Option<i64>,
    voices: i64,
) -> JourneyRow {
    JourneyRow {
        step: step.map(String::from),
        days: tcv.0,
        cost: tcv.1,
        visits: tcv.2,
        theme_id: theme,
        voices,
        public_text: format!("text at {step:?} with {voices} voices"),
        has_personal_data: false,
        kind: "complaint".into(),
    }
}

fn labels() -> HashMap<i64, ThemeLabel> {
    [(1, "time"), (2, "unofficial-payment"), (3, "documents"), (4, "visits")]
        .into_iter()
        .map(|(id, category)| {
            (
                id,
                ThemeLabel {
                    label_bn: format!("বিষয় {id}"),
                    label_en: format!("Theme {id}"),
                    category: category.into(),
                },
            )
        })
        .collect()
}

#[test]
fn each_step_gets_its_voices_themes_and_lower_medians_in_charter_order() {
    let rows = vec![
        row(Some("যাচাই"), (Some(30), Some(500), Some(3)), Some(1), 1),
        row(Some("যাচাই"), (Some(10), None, Some(2)), Some(2), 3),
        row(Some("যাচাই"), (Some(20), Some(1500), None), Some(1), 1),
        row(Some("যাচাই"), (Some(40), Some(1000), Some(5)), Some(3), 1),
        row(Some("আবেদন জমা"), (None, None, None), Some(4), 2),
        row(None, (Some(7), None, None), None, 1),
        row(Some("a step the charter no longer lists"), (Some(9), None, None), Some(1), 1),
    ];
    let journey = build(&steps(), &[], &rows, &labels());
    let names: Vec<_> = journey.steps.iter().map(|s| (s.number, s.step.clone().unwrap(), s.feedback)).collect();
    assert_eq!(
        names,
        [(Some(1), "আবেদন জমা".into(), 1), (Some(2), "যাচাই".into(), 4), (Some(3), "সনদ গ্রহণ".into(), 0)],
        "every charter step in order, the ones nobody named too"
    );
    let check = &journey.steps[1];
    assert_eq!(check.voices, 6);
    // Days 10, 20, 30, 40: the lower median 20; cost 500, 1000, 1500: 1000; visits 2, 3, 5: 3.
    assert_eq!(check.days, Reported { median: Some(20), answers: 4 });
    assert_eq!(check.cost, Reported { median: Some(1000), answers: 3 });
    assert_eq!(check.visits, Reported { median: Some(3), answers: 3 });
    let themes: Vec<(i64, i64)> = check.themes.iter().map(|t| (t.id, t.voices)).collect();
    assert_eq!(themes, [(2, 3), (1, 2), (3, 1)], "most voiced first, at most three");
    assert_eq!(check.themes[0].category, "unofficial-payment");
    assert_eq!(journey.steps[2].days, Reported { median: None, answers: 0 });

    assert_eq!(journey.unstepped.feedback, 2, "no step, or a step no longer listed: once, under the journey");
    assert_eq!(journey.unstepped.days, Reported { median: Some(7), answers: 2 });
    assert_eq!(journey.overall.feedback, 7);
    assert_eq!(journey.overall.voices, 10);
}

#[test]
fn quotes_are_the_most_voiced_without_personal_data_and_shortened() {
    let mut rows: Vec<JourneyRow> = (1..=5).map(|v| row(Some("যাচাই"), (None, None, None), None, v)).collect();
    rows[4].has_personal_data = true;
    rows[0].public_text = "অ".repeat(QUOTE_CHARS + 50);
    rows[0].voices = 4;
    let stage = &build(&steps(), &[], &rows, &labels()).steps[1];
    assert_eq!(stage.quotes.len(), QUOTES_PER_STEP);
    assert_eq!(stage.quotes[0], rows[3].public_text, "4 voices, the newer of two first; 5 has personal data");
    assert!(stage.quotes[1].ends_with('…') && stage.quotes[1].chars().count() == QUOTE_CHARS);
    assert_eq!(stage.quotes[2], rows[2].public_text);
    assert!(stage.quotes.iter().all(|q| !q.contains("5 voices")));
}

#[test]
fn documents_count_the_voices_that_name_them_ignoring_spaces_and_case() {
    let mut rows = vec![row(None, (None, None, None), None, 2), row(None, (None, None, None), None, 1)];
    rows[0].public_text = "জন্মনিবন্ধন সনদ চাইলো, আবার NID Card-ও".into();
    rows[1].public_text = "nid card photocopy lagbe".into();
    let documents = ["জন্ম নিবন্ধন সনদ", "NID card", "ছবি", "এনআইডি কার্ড (NID Card)"].map(String::from);
    let journey = build(&steps(), &documents, &rows, &labels());
    let counts: Vec<(&str, i64)> = journey.documents.iter().map(|d| (d.name.as_str(), d.voices)).collect();
    assert_eq!(counts, [("জন্ম নিবন্ধন সনদ", 2), ("NID card", 3), ("ছবি", 0), ("এনআইডি কার্ড (NID Card)", 3)]);
}
