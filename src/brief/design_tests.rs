use super::*;
use crate::brief::design_diff::{changes, Change};

fn step(name: &str, channel: Channel, (days, cost, visits): (i64, i64, i64)) -> ToBeStep {
    ToBeStep {
        name_bn: format!("{name} (bn)"),
        name_en: name.to_owned(),
        channel,
        documents: String::new(),
        days,
        cost,
        visits,
    }
}

fn design() -> Design {
    Design {
        steps: vec![
            step("Apply online", Channel::Online, (0, 50, 0)),
            step("Verify at the office", Channel::Office, (3, 0, 1)),
            step("Collect by post", Channel::Mobile, (4, 0, 0)),
        ],
        wants: vec![WantMark { theme_id: 7, decision: Decision::Taken { step: 1 } }],
    }
}

#[test]
fn the_target_sums_the_steps_at_the_scores_rates_and_a_year_of_applications() {
    let rates = Rates { day_bdt: 100, visit_bdt: 400, visit_hours: 4 };
    let target = design().target(rates, Some(1_000));
    assert_eq!((target.days, target.cost, target.visits), (7, 50, 1));
    // 7 days × 100 + 50 + 1 visit × 400 = 1,150 taka; 4 hours.
    assert_eq!(target.burden.per_application_bdt, 1_150);
    assert_eq!(target.burden.per_application_hours, 4);
    assert_eq!((target.burden.yearly_bdt, target.burden.yearly_hours), (1_150_000, 4_000));
    // Today: 30 days, 1,200 taka, 4 visits = 3,000 + 1,200 + 1,600 = 5,800 taka, 16 hours.
    let today =
        Burden { per_application_bdt: 5_800, per_application_hours: 16, yearly_bdt: 5_800_000, yearly_hours: 16_000 };
    let saves = Savings::between(&today, &target);
    assert_eq!(saves, Savings { per_application_bdt: 4_650, yearly_bdt: 4_650_000, yearly_hours: 12_000 });
    // Unknown yearly applications: a year of them is zero, per application still counts.
    let unknown = design().target(rates, None);
    assert_eq!((unknown.burden.per_application_bdt, unknown.burden.yearly_bdt), (1_150, 0));
}

#[test]
fn a_design_reads_back_as_stored_and_an_unreadable_one_as_empty() {
    let stored = design().to_json();
    assert!(stored.contains("\"channel\":\"online\"") && stored.contains("\"decision\":\"taken\""), "{stored}");
    assert_eq!(Design::from_json(&stored), design());
    assert_eq!(Design::from_json("not json"), Design::default());
}

#[test]
fn changes_name_steps_added_removed_and_changed_and_decisions_made_or_taken_back() {
    let before = design();
    let mut after = design();
    after.steps[1].days = 2;
    after.steps[1].channel = Channel::UnionDigitalCentre;
    after.steps.pop();
    after.steps.push(step("Receive by SMS", Channel::Mobile, (0, 0, 0)));
    after.steps.push(step("Rate the service", Channel::Online, (0, 0, 0)));
    after.wants = vec![WantMark { theme_id: 9, decision: Decision::NotNow { reason: "needs a law".into() } }];
    let found = changes(&before, &after);
    assert_eq!(
        found,
        vec![
            Change::StepChanged { step: 2, fields: vec!["channel".into(), "days".into()] },
            Change::StepChanged { step: 3, fields: vec!["name_bn".into(), "name_en".into(), "days".into()] },
            Change::StepAdded { step: 4, name_bn: "Rate the service (bn)".into(), name_en: "Rate the service".into() },
            Change::WantCleared { theme_id: 7 },
            Change::WantDecided { theme_id: 9, decision: Decision::NotNow { reason: "needs a law".into() } },
        ]
    );
    assert!(changes(&before, &before).is_empty());
    assert_eq!(
        changes(&after, &Design::default())[..2],
        [
            Change::StepRemoved { step: 1, name_bn: "Apply online (bn)".into(), name_en: "Apply online".into() },
            Change::StepRemoved {
                step: 2,
                name_bn: "Verify at the office (bn)".into(),
                name_en: "Verify at the office".into()
            },
        ]
    );
}
