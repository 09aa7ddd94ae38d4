use super::*;
use crate::domain::export::tests::sample;
use crate::exports::readback;

fn cells(tables: &[Table; 4]) -> [readback::Rows; 4] {
    std::array::from_fn(|i| tables[i].rows.clone())
}

#[test]
fn csv_starts_with_a_bom_and_keeps_bangla_quotes_and_line_breaks() {
    let export = sample();
    let tables = export.tables();
    let bytes = csv(&tables[0]).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM first");
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains("\r\n"), "CRLF line ends");
    assert!(text.contains("জন্ম নিবন্ধন"));
    assert_eq!(readback::csv(&bytes, tables[0].columns).unwrap(), tables[0].rows);
}

#[test]
fn csv_guards_text_that_starts_like_a_formula() {
    let tables = sample().tables();
    let text = String::from_utf8(csv(&tables[0]).unwrap()).unwrap();
    assert!(text.contains("\"'=HYPERLINK("), "{text}");
    assert!(!text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"));
    let themes = String::from_utf8(csv(&tables[1]).unwrap()).unwrap();
    assert!(themes.contains(",'-সার্ভার বন্ধ,"), "{themes}");
    // Numbers, negative or not, are never guarded.
    assert_eq!(csv_text("12"), "12");
}

#[test]
fn every_csv_table_reads_back_as_its_cells() {
    for table in sample().tables() {
        let bytes = csv(&table).unwrap();
        assert_eq!(readback::csv(&bytes, table.columns).unwrap(), table.rows, "{}", table.name);
    }
}

#[test]
fn the_workbook_reads_back_cell_by_cell_with_numbers_as_numbers() {
    let tables = sample().tables();
    let bytes = xlsx(&tables).unwrap();
    let read = readback::xlsx(&bytes).unwrap();
    assert_eq!(read, cells(&tables));
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(&bytes)).unwrap();
    use calamine::Reader;
    assert_eq!(book.sheet_names(), ["Backlog", "Themes", "Weights"]);
    let range = book.worksheet_range("Backlog").unwrap();
    assert_eq!(range.get((1, 0)), Some(&calamine::Data::Float(1.0)), "rank is a number");
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
fn all_three_formats_hold_the_same_cells() {
    let export = sample();
    let tables = export.tables();
    let from_xlsx = readback::xlsx(&xlsx(&tables).unwrap()).unwrap();
    let from_json = readback::json(&json(&export, &tables).unwrap()).unwrap();
    for (i, table) in tables.iter().enumerate() {
        let from_csv = readback::csv(&csv(table).unwrap(), table.columns).unwrap();
        assert_eq!(from_csv, from_xlsx[i], "{}", table.name);
        assert_eq!(from_csv, from_json[i], "{}", table.name);
    }
}
