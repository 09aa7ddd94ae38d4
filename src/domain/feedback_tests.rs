use super::*;

fn raw() -> RawFeedback {
    RawFeedback {
        kind: Some("complaint".into()),
        text: Some("পাসপোর্ট পেতে তিন মাস লেগেছে".into()),
        district: Some("dhaka".into()),
        ..RawFeedback::default()
    }
}

fn steps() -> Vec<String> {
    vec!["Apply online".into(), "Biometrics".into()]
}

fn errors_of(raw: &RawFeedback) -> Vec<(String, &'static str)> {
    match Submission::parse(raw, &steps(), Locale::Bn, Channel::Web) {
        Ok(_) => vec![],
        Err(e) => e.0.into_iter().map(|e| (e.field, e.code)).collect(),
    }
}

#[test]
fn a_minimal_submission_is_accepted() {
    let s = Submission::parse(&raw(), &steps(), Locale::Bn, Channel::Web).expect("valid");
    assert_eq!(s.kind, FeedbackKind::Complaint);
    assert_eq!(s.district.code(), "dhaka");
    assert!(!s.consent);
}

#[test]
fn text_must_be_between_10_and_4000_characters_after_trimming() {
    let mut r = raw();
    r.text = Some("   ".into());
    assert_eq!(errors_of(&r), vec![("text".into(), "error-text-required")]);
    r.text = Some("  ছোট লেখা  ".into());
    assert_eq!(errors_of(&r), vec![("text".into(), "error-text-too-short")]);
    r.text = Some("ক".repeat(4001));
    assert_eq!(errors_of(&r), vec![("text".into(), "error-text-too-long")]);
    r.text = Some("ক".repeat(4000));
    assert!(errors_of(&r).is_empty());
}

#[test]
fn kind_is_required_and_must_be_known() {
    let mut r = raw();
    r.kind = None;
    assert_eq!(errors_of(&r), vec![("kind".into(), "error-kind-required")]);
    r.kind = Some("praise".into());
    assert_eq!(errors_of(&r), vec![("kind".into(), "error-kind-unknown")]);
}

#[test]
fn tcv_numbers_accept_bangla_digits_and_refuse_bad_values() {
    let mut r = raw();
    r.days = Some("৪৫".into());
    r.cost = Some("১,২০০".into());
    r.visits = Some("3".into());
    let s = Submission::parse(&r, &steps(), Locale::Bn, Channel::Web).expect("valid");
    assert_eq!(s.tcv, Tcv { days: Some(45), cost_bdt: Some(1200), visits: Some(3) });
    r.days = Some("-1".into());
    r.cost = Some("lots".into());
    r.visits = Some("501".into());
    assert_eq!(
        errors_of(&r),
        vec![
            ("days".into(), "error-number-negative"),
            ("cost".into(), "error-number-invalid"),
            ("visits".into(), "error-number-too-large"),
        ]
    );
}

#[test]
fn district_is_required_and_must_be_one_of_the_64() {
    let mut r = raw();
    r.district = Some("gotham".into());
    assert_eq!(errors_of(&r), vec![("district".into(), "error-district-unknown")]);
    r.district = None;
    assert_eq!(errors_of(&r), vec![("district".into(), "error-district-required")]);
}

#[test]
fn consent_without_an_email_is_refused() {
    let mut r = raw();
    r.consent = Some("on".into());
    assert_eq!(errors_of(&r), vec![("email".into(), "error-consent-needs-email")]);
    r.email = Some("a@example.com".into());
    assert!(errors_of(&r).is_empty());
}

#[test]
fn the_step_is_taken_by_number_or_by_its_text() {
    let mut r = raw();
    r.step = Some("২".into());
    let s = Submission::parse(&r, &steps(), Locale::Bn, Channel::Web).expect("valid");
    assert_eq!(s.step.as_deref(), Some("Biometrics"));
    r.step = Some("Apply online".into());
    assert!(errors_of(&r).is_empty());
    r.step = Some("9".into());
    assert_eq!(errors_of(&r), vec![("step".into(), "error-step-unknown")]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let r = RawFeedback::default();
    let fields: Vec<String> = errors_of(&r).into_iter().map(|e| e.0).collect();
    assert_eq!(fields, vec!["kind", "text", "district"]);
}
