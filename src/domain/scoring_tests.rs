use super::*;

fn busy() -> Inputs {
    Inputs {
        voices_12m: 99,
        voices_all: 200,
        complaint_voices: 100,
        severe_theme_voices: 50,
        yearly_applications: Some(1000),
        median_days: Some(30),
        median_cost: Some(500),
        median_visits: Some(3),
        answers: [40, 30, 35],
        promised_days: Some(15),
        fee_bdt: Some(200),
        category: Some(1),
    }
}

fn quiet() -> Inputs {
    Inputs { voices_12m: 9, voices_all: 10, category: Some(2), ..Inputs::default() }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn burden_turns_days_and_visits_into_money_at_the_configured_rates() {
    let b = busy().burden(Rates::default());
    // 30 days × 100 + 500 BDT + 3 visits × 400 = 4,700 BDT; 3 visits × 4 h = 12 h.
    assert_eq!(b.per_application_bdt, 4_700);
    assert_eq!(b.per_application_hours, 12);
    assert_eq!(b.yearly_bdt, 4_700_000);
    assert_eq!(b.yearly_hours, 12_000);
    let dearer = busy().burden(Rates { day_bdt: 200, visit_bdt: 400, visit_hours: 4 });
    assert_eq!(dearer.per_application_bdt, 7_700);
}

#[test]
fn burden_falls_back_to_the_charter_when_nobody_reported_numbers() {
    let i = Inputs { yearly_applications: Some(10), promised_days: Some(7), fee_bdt: Some(50), ..Inputs::default() };
    assert_eq!(i.burden(Rates::default()).yearly_bdt, 10 * (700 + 50));
    assert_eq!(Inputs::default().burden(Rates::default()).yearly_bdt, 0);
}

#[test]
fn gap_counts_only_what_exceeds_the_promise() {
    // 15 extra days × 100 + 300 BDT over the fee.
    assert_eq!(busy().gap_bdt(Rates::default()), 1_800);
    let kept =
        Inputs { median_days: Some(5), promised_days: Some(7), median_cost: Some(50), fee_bdt: Some(50), ..busy() };
    assert_eq!(kept.gap_bdt(Rates::default()), 0);
    let no_promise = Inputs { promised_days: None, fee_bdt: None, ..busy() };
    assert_eq!(no_promise.gap_bdt(Rates::default()), 500);
}

#[test]
fn severity_halves_complaint_share_and_severe_theme_share() {
    assert!(close(busy().severity(), 0.375));
    assert!(close(Inputs::default().severity(), 0.0));
}

#[test]
fn readiness_ranks_category_one_over_two_over_none() {
    let cat = |c| Inputs { category: c, ..Inputs::default() }.readiness();
    assert!(cat(Some(1)) > cat(Some(2)) && cat(Some(2)) > cat(None));
}

#[test]
fn the_total_is_the_weighted_mean_of_normalised_components() {
    let rates = Rates::default();
    let all = [busy(), quiet()];
    let scale = Scale::of(&all, rates);
    let a = score(&all[0], Weights::DEFAULT, rates, scale);
    // Busy is the largest in demand, burden and gap (1 each), severity 0.375, category 1.
    assert!(close(a.total, 30.0 + 25.0 + 20.0 + 15.0 * 0.375 + 10.0), "{}", a.total);
    let b = score(&all[1], Weights::DEFAULT, rates, scale);
    // ln(10)/ln(100) = 0.5 of demand; no burden or gap; severity 0; category 2.
    assert!(close(b.components[0].normalised, 0.5));
    assert!(close(b.total, 15.0 + 5.0), "{}", b.total);
    let points: f64 = a.components.iter().map(|c| c.points).sum();
    assert!(close(points, a.total));
}

#[test]
fn changing_weights_reorders_services() {
    let rates = Rates::default();
    let loud = Inputs { voices_12m: 1000, voices_all: 1000, ..Inputs::default() };
    let ready = Inputs { voices_12m: 10, voices_all: 10, category: Some(1), ..Inputs::default() };
    let scale = Scale::of([&loud, &ready], rates);
    let by = |w| (score(&loud, w, rates, scale).total, score(&ready, w, rates, scale).total);
    let (l, r) = by(Weights::DEFAULT);
    assert!(l > r);
    let readiness_first = Weights { demand: 10, burden: 0, gap: 0, severity: 0, readiness: 90 };
    let (l, r) = by(readiness_first);
    assert!(r > l);
}

#[test]
fn explain_names_the_component_that_makes_the_difference() {
    let rates = Rates::default();
    let loud = Inputs { voices_12m: 1000, voices_all: 1000, category: Some(2), ..Inputs::default() };
    let ready = Inputs { voices_12m: 1000, voices_all: 1000, category: Some(1), ..Inputs::default() };
    let scale = Scale::of([&loud, &ready], rates);
    let (main, diff) =
        explain(&score(&ready, Weights::DEFAULT, rates, scale), &score(&loud, Weights::DEFAULT, rates, scale));
    assert_eq!(COMPONENTS[main], "readiness");
    assert!(close(diff[4], 5.0));
    assert!(close(diff[0], 0.0));
}

#[test]
fn weights_must_be_whole_numbers_up_to_100_and_not_all_zero() {
    assert!(Weights::DEFAULT.is_valid());
    assert!(!Weights::from_array([0, 0, 0, 0, 0]).is_valid());
    assert!(!Weights::from_array([101, 0, 0, 0, 0]).is_valid());
    assert!(!Weights::from_array([-1, 5, 0, 0, 0]).is_valid());
}

#[test]
fn a_zero_scale_scores_zero_not_nan() {
    let s = score(&Inputs::default(), Weights::DEFAULT, Rates::default(), Scale::default());
    assert!(close(s.total, 0.0));
}
