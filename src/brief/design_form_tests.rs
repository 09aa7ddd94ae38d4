use super::*;

fn form(fields: &[(&str, &str)]) -> Vec<(String, String)> {
    fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn full_row(n: usize, days: &str) -> Vec<(String, String)> {
    form(&[
        (&format!("step-{n}-name_bn"), "অনলাইনে আবেদন"),
        (&format!("step-{n}-name_en"), "Apply online"),
        (&format!("step-{n}-channel"), "online"),
        (&format!("step-{n}-documents"), "জন্ম সনদ"),
        (&format!("step-{n}-days"), days),
        (&format!("step-{n}-cost"), "১,০০০"),
        (&format!("step-{n}-visits"), ""),
    ])
}

fn codes(errors: &FieldErrors) -> Vec<(String, &'static str)> {
    errors.0.iter().map(|e| (e.field.clone(), e.code)).collect()
}

#[test]
fn rows_are_read_in_order_with_bangla_digits_blank_rows_skipped_and_blank_numbers_zero() {
    let mut sent = full_row(1, "৩");
    // Row 2 emptied, its numbers left at zero as a saved step shows them: removed.
    sent.extend(form(&[
        ("step-2-name_bn", ""),
        ("step-2-channel", ""),
        ("step-2-days", " "),
        ("step-2-cost", "০"),
        ("step-2-visits", "0"),
    ]));
    sent.extend(full_row(3, "2"));
    sent.extend(form(&[("base_version", "৪"), ("want-5", "taken"), ("want-5-step", "3"), ("want-6", "")]));
    let read = DesignForm::new(&sent).parse(&[5, 6]).expect("valid");
    assert_eq!(read.base_version, 4);
    assert_eq!(read.design.steps.len(), 2, "the blank row 2 is skipped");
    let first = &read.design.steps[0];
    assert_eq!((first.days, first.cost, first.visits, first.channel), (3, 1_000, 0, Channel::Online));
    assert_eq!(first.documents, "জন্ম সনদ");
    // Row 3 on the form is the design's second step.
    assert_eq!(read.design.wants, vec![WantMark { theme_id: 5, decision: Decision::Taken { step: 2 } }]);
}

#[test]
fn every_bad_box_is_named_by_its_row_and_nothing_is_read() {
    let mut sent = form(&[
        ("step-1-name_bn", "যাচাই"),
        ("step-1-days", "-2"),
        ("step-1-cost", "১০০০০০০০০০"),
        ("step-1-visits", "1.5"),
        ("step-2-name_en", "Collect"),
        ("step-2-channel", "carrier-pigeon"),
        ("step-2-days", "abc"),
    ]);
    sent.extend(form(&[("want-5", "not-now"), ("want-5-reason", "  "), ("want-6", "taken"), ("want-7", "maybe")]));
    let errors = DesignForm::new(&sent).parse(&[5, 6, 7]).unwrap_err();
    let found = codes(&errors);
    for expected in [
        ("step-1-name_en", "error-brief-step-name"),
        ("step-1-channel", "error-brief-step-channel"),
        ("step-1-days", "error-brief-number-negative"),
        ("step-1-cost", "error-brief-number-too-large"),
        ("step-1-visits", "error-brief-number-not-whole"),
        ("step-2-name_bn", "error-brief-step-name"),
        ("step-2-channel", "error-brief-step-channel"),
        ("step-2-days", "error-brief-number-invalid"),
        ("want-5-reason", "error-brief-want-reason"),
        ("want-6-step", "error-brief-want-step"),
        ("want-7", "error-brief-want-decision"),
    ] {
        assert!(found.contains(&(expected.0.to_owned(), expected.1)), "{expected:?} in {found:?}");
    }
    let days = errors.0.iter().find(|e| e.field == "step-1-days").unwrap();
    assert!(days.args.contains(&("step", "1".into())) && days.args.contains(&("what", "days".into())));
}

#[test]
fn a_decision_on_a_theme_not_offered_is_ignored_and_too_many_rows_are_refused() {
    let sent = form(&[("want-99", "taken"), ("want-99-step", "1")]);
    assert_eq!(DesignForm::new(&sent).parse(&[5]).unwrap().design, Design::default());
    let mut many = Vec::new();
    for n in 1..=MAX_STEPS + 1 {
        many.extend(full_row(n, "1"));
    }
    let errors = DesignForm::new(&many).parse(&[]).unwrap_err();
    assert_eq!(codes(&errors)[0].1, "error-brief-too-many-steps");
}

#[test]
fn a_step_taken_must_exist_and_text_has_a_limit() {
    let mut sent = full_row(1, "1");
    sent.extend(form(&[("want-5", "taken"), ("want-5-step", "2")]));
    let long = "ক".repeat(MAX_TEXT + 1);
    sent.extend(form(&[("want-6", "not-now"), ("want-6-reason", &long)]));
    let found = codes(&DesignForm::new(&sent).parse(&[5, 6]).unwrap_err());
    assert_eq!(
        found,
        vec![
            ("want-5-step".to_owned(), "error-brief-want-step"),
            ("want-6-reason".to_owned(), "error-brief-text-too-long")
        ]
    );
}
