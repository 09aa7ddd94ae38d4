use chrono::NaiveDate;

use super::*;
use crate::domain::scoring::{score, Inputs, Rates, Scale, Weights};

fn strings<const N: usize>(parts: [&str; N]) -> [String; N] {
    parts.map(str::to_owned)
}

/// A small export: an item with Bangla text and a formula-like problem, a candidate, themes.
pub(crate) fn sample() -> Export {
    let rates = Rates::default();
    let busy = Inputs {
        voices_12m: 120,
        voices_all: 150,
        complaint_voices: 90,
        severe_theme_voices: 30,
        yearly_applications: Some(2_000_000),
        median_days: Some(45),
        median_cost: Some(2_500),
        median_visits: Some(3),
        answers: [80, 60, 70],
        promised_days: Some(21),
        fee_bdt: Some(50),
        category: Some(1),
    };
    let quiet = Inputs { voices_12m: 3, voices_all: 3, ..Inputs::default() };
    let scale = Scale::of([&busy, &quiet], rates);
    let item = ExportRow {
        rank: 1,
        national_rank: 4,
        service: strings(["ORGBDR-001", "জন্ম নিবন্ধন", "Birth registration"]),
        ministry: strings(["LGD", "স্থানীয় সরকার বিভাগ", "Local Government Division"]),
        office: strings(["ORGBDR", "রেজিস্ট্রার জেনারেলের কার্যালয়", "Office of the Registrar General"]),
        status: Some("designing".into()),
        target_year: Some("2026-27".into()),
        drop_reason: None,
        problem: strings(["নাগরিকদের ৪৫ দিন লাগে, \"দালাল\" ছাড়া হয় না", "=HYPERLINK(\"http://x\"), a, b\r\nline two"]),
        score: score(&busy, Weights { demand: 40, ..Weights::DEFAULT }, rates, scale),
        inputs: busy,
        ministry_weights: true,
        design: Some(DesignFigures { version: 2, yearly_bdt: 1_200_000, savings_bdt: -50_000 }),
    };
    let candidate = ExportRow {
        rank: 2,
        national_rank: 9,
        service: strings(["DIP-001", "পাসপোর্ট", "Passport"]),
        ministry: strings(["MOHA", "স্বরাষ্ট্র মন্ত্রণালয়", "Ministry of Home Affairs"]),
        office: strings(["DIP", "ইমিগ্রেশন ও পাসপোর্ট অধিদপ্তর", "Department of Immigration and Passports"]),
        status: None,
        target_year: None,
        drop_reason: None,
        problem: strings(["", ""]),
        score: score(&quiet, Weights::DEFAULT, rates, scale),
        inputs: quiet,
        ministry_weights: false,
        design: None,
    };
    let theme = |id, label_bn: &str, linked| ThemeRow {
        service_code: "ORGBDR-001".into(),
        theme_id: id,
        label_bn: label_bn.into(),
        label_en: "broker demands money".into(),
        category: "unofficial-payment".into(),
        confirmed: linked,
        voices: 40 - id,
        linked,
    };
    Export {
        generated_at: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap().and_hms_opt(9, 15, 0).unwrap(),
        filter: "ministries=LGD,MOHA; candidates=yes".into(),
        rows: vec![item, candidate],
        themes: vec![theme(7, "দালাল টাকা চায়", true), theme(8, "-সার্ভার বন্ধ", false)],
        weights: vec![
            WeightsRow { scope: "national".into(), weights: Weights::DEFAULT },
            WeightsRow { scope: "LGD".into(), weights: Weights { demand: 40, ..Weights::DEFAULT } },
        ],
        rates,
        scale,
    }
}

#[test]
fn every_row_has_one_cell_per_column() {
    for table in sample().tables() {
        assert!(!table.rows.is_empty(), "{}", table.name);
        for row in &table.rows {
            assert_eq!(row.len(), table.columns.len(), "{}", table.name);
        }
    }
}

#[test]
fn column_identifiers_are_unique_snake_case() {
    for columns in [BACKLOG, THEMES, WEIGHTS, PARAMETERS] {
        let mut ids: Vec<&str> = columns.iter().map(|c| c.id).collect();
        assert!(ids.iter().all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), columns.len());
    }
}

#[test]
fn every_component_is_exported_beside_the_total() {
    let export = sample();
    let [backlog, ..] = export.tables();
    let at = |id: &str| BACKLOG.iter().position(|c| c.id == id).unwrap();
    let row = &backlog.rows[0];
    let score = &export.rows[0].score;
    let mut sum = 0.0;
    for (i, name) in crate::domain::scoring::COMPONENTS.iter().enumerate() {
        let c = &score.components[i];
        assert_eq!(row[at(&format!("{name}_raw"))], Cell::Int(c.raw));
        assert_eq!(row[at(&format!("{name}_normalised"))], Cell::Dec(round(c.normalised, 3)));
        assert_eq!(row[at(&format!("{name}_weight"))], Cell::Int(i64::from(c.weight)));
        let Cell::Dec(points) = row[at(&format!("{name}_points"))] else { panic!("points") };
        sum += points;
    }
    assert_eq!(row[at("total_score")], Cell::Dec(round(score.total, 2)));
    assert!((sum - score.total).abs() < 0.03, "{sum} vs {}", score.total);
    assert_eq!(row[at("yearly_savings_bdt")], Cell::Int(score.burden.yearly_bdt));
    assert_eq!(row[at("weights_source")], Cell::text("ministry"));
}

#[test]
fn a_candidate_has_blank_backlog_fields() {
    let [backlog, ..] = sample().tables();
    let at = |id: &str| BACKLOG.iter().position(|c| c.id == id).unwrap();
    for id in ["status", "target_year", "drop_reason", "problem_bn", "problem_en", "roadmap_category"] {
        assert_eq!(backlog.rows[1][at(id)], Cell::Empty, "{id}");
    }
}

#[test]
fn rounding_gives_the_value_its_decimal_text_reads_back_as() {
    for x in [0.1234567, 2.0 / 3.0, 99.995, 0.0005, -0.0001, 1e-12] {
        for d in [2u8, 3] {
            let r = round(x, d);
            let text = format!("{r:.*}", usize::from(d));
            assert_eq!(text.parse::<f64>().unwrap(), r, "{x} to {d}");
        }
    }
    assert_eq!(round(-0.0001, 2).to_string(), "0");
}

#[test]
fn parameters_carry_the_rates_scale_and_filter() {
    let export = sample();
    let [.., parameters] = export.tables();
    let value = |name: &str| parameters.rows.iter().find(|r| r[0] == Cell::text(name)).map(|r| r[1].clone()).unwrap();
    assert_eq!(value("day_bdt"), Cell::Int(100));
    assert_eq!(value("scale_demand"), Cell::Int(120));
    assert_eq!(value("generated_at"), Cell::text("2026-11-30T09:15:00Z"));
    assert_eq!(value("filter"), Cell::text("ministries=LGD,MOHA; candidates=yes"));
}
