use super::*;
use crate::domain::export::tests::sample;
use crate::domain::export::BACKLOG;
use crate::domain::Locale;
use crate::exports::readback;

fn cells(tables: &[Table; 4]) -> [readback::Rows; 4] {
    std::array::from_fn(|i| tables[i].rows.clone())
}

#[test]
fn csv_starts_with_a_bom_and_keeps_bangla_quotes_and_line_breaks() {
    let export = sample();
    let tables = export.tables();
    let bytes = csv(&tables[0], Locale::Bn).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM first");
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("\r\n"), "CRLF line ends");
    assert!(text.contains("জন্ম নিবন্ধন"));
    assert_eq!(readback::csv(&bytes, tables[0].columns).unwrap(), tables[0].rows);
}

#[test]
fn csv_guards_text_that_starts_like_a_formula() {
    let tables = sample().tables();
    let text = String::from_utf8(csv(&tables[0], Locale::Bn).unwrap()).unwrap();
    assert!(text.contains("\"'=HYPERLINK("), "{text}");
    assert!(!text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"));
    let themes = String::from_utf8(csv(&tables[1], Locale::Bn).unwrap()).unwrap();
    assert!(themes.contains(",'-সার্ভার বন্ধ,"), "{themes}");
    // Numbers, negative or not, are never guarded.
    assert_eq!(csv_text("12"), "12");
}

#[test]
fn every_csv_table_reads_back_as_its_cells() {
    for table in sample().tables() {
        let bytes = csv(&table, Locale::Bn).unwrap();
        assert_eq!(readback::csv(&bytes, table.columns).unwrap(), table.rows, "{}", table.name);
    }
}

#[test]
fn the_workbook_reads_back_cell_by_cell_with_numbers_as_numbers() {
    let tables = sample().tables();
    let bytes = xlsx(&tables, Locale::Bn).unwrap();
    let read = readback::xlsx(&bytes).unwrap();
    assert_eq!(read, cells(&tables));
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(&bytes)).unwrap();
    use calamine::Reader;
    assert_eq!(book.sheet_names(), ["Backlog", "Themes", "Weights"]);
    let range = book.worksheet_range("Backlog").unwrap();
    assert_eq!(range.get((0, 0)), Some(&calamine::Data::String("ক্রম (এই তালিকায়)".into())), "a heading to read");
    assert_eq!(range.get((1, 0)), Some(&calamine::Data::String("rank".into())), "then the identifier");
    assert_eq!(range.get((2, 0)), Some(&calamine::Data::Float(1.0)), "rank is a number");
    let status = BACKLOG.iter().position(|c| c.id == "status").unwrap();
    assert_eq!(range.get((2, status)), Some(&calamine::Data::String("নকশা চলছে".into())), "status by name");
}

#[test]
fn the_json_document_has_every_table_with_every_column_as_a_key() {
    let export = sample();
    let tables = export.tables();
    let bytes = json(&export, &tables).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(doc["format"], JSON_FORMAT);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["generated_at"], "2026-11-30T09:15:00Z");
    assert_eq!(doc["backlog"][0]["service_code"], "ORGBDR-001");
    assert_eq!(doc["backlog"][1]["status"], serde_json::Value::Null);
    assert!(doc["backlog"][0]["total_score"].is_f64());
    assert_eq!(doc["themes"][0]["confirmed"], true);
    assert_eq!(readback::json(&bytes).unwrap(), cells(&tables));
}

#[test]
fn all_three_formats_hold_the_same_cells_in_either_language() {
    let export = sample();
    let tables = export.tables();
    let from_json = readback::json(&json(&export, &tables).unwrap()).unwrap();
    for locale in Locale::ALL {
        let from_xlsx = readback::xlsx(&xlsx(&tables, locale).unwrap()).unwrap();
        for (i, table) in tables.iter().enumerate() {
            let from_csv = readback::csv(&csv(table, locale).unwrap(), table.columns).unwrap();
            assert_eq!(from_csv, from_xlsx[i], "{} {locale:?}", table.name);
            assert_eq!(from_csv, from_json[i], "{} {locale:?}", table.name);
        }
    }
}

#[test]
fn a_csv_in_english_has_english_headings_then_identifiers_and_names_statuses_and_categories() {
    let tables = sample().tables();
    let text = String::from_utf8(csv(&tables[0], Locale::En).unwrap()).unwrap();
    let mut lines = text.trim_start_matches(BOM).lines();
    assert!(lines.next().unwrap().starts_with("Rank (this list),National rank,Service code,"));
    assert!(lines.next().unwrap().starts_with("rank,national_rank,service_code,"));
    assert!(lines.next().unwrap().contains(",Designing,"), "{text}");
    let themes = String::from_utf8(csv(&tables[1], Locale::En).unwrap()).unwrap();
    assert!(themes.contains(",Unofficial payment,yes,"), "{themes}");
    let bangla = String::from_utf8(csv(&tables[1], Locale::Bn).unwrap()).unwrap();
    assert!(bangla.contains(",অনানুষ্ঠানিক টাকা,হ্যাঁ,"), "{bangla}");
    let parameters = String::from_utf8(csv(&tables[3], Locale::Bn).unwrap()).unwrap();
    assert!(parameters.contains("অপেক্ষার প্রতিদিনে টাকা"), "{parameters}");
}

#[test]
fn every_term_has_a_name_in_both_languages_and_the_sets_are_the_codes_nagorik_stores() {
    use crate::domain::backlog::Status;
    use crate::domain::export::{Terms, CATEGORIES, STATUSES, UNITS, WEIGHTS_SOURCES};
    use crate::themes::PainCategory;
    assert!(STATUSES.codes.iter().copied().eq(Status::ALL.map(Status::as_str)));
    assert!(CATEGORIES.codes.iter().copied().eq(PainCategory::ALL.map(PainCategory::as_str)));
    let sets: [&Terms; 4] = [&STATUSES, &CATEGORIES, &WEIGHTS_SOURCES, &UNITS];
    for terms in sets {
        for locale in Locale::ALL {
            let mut names: Vec<String> = Vec::new();
            for code in terms.codes {
                let name = crate::i18n::try_message(locale, &terms.message_id(code), &[]);
                let name = name.unwrap_or_else(|| panic!("{} {locale:?}", terms.message_id(code)));
                assert!(!names.contains(&name), "{name}: two codes, one name");
                names.push(name);
            }
        }
    }
}
