//! Hostile XLSX files on the import page and the `import-feedback` command: a sparse far
//! cell, a zip bomb and a huge shared-strings table are refused with a clear message
//! before they are expanded, nothing is imported, and the server keeps serving.

use std::io::{self, Cursor, Read};
use std::sync::OnceLock;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use crate::bulk_import::{upload, workshop, SOURCE};
use crate::helpers::nagorik;
use crate::helpers::spawn_app;

/// One hostile file: its name, its bytes and the start of its message in Bangla and English.
struct Hostile {
    name: &'static str,
    bytes: Vec<u8>,
    bn: &'static str,
    en: &'static str,
}

/// A small workbook with `part` replaced by `content`.
fn with_part(part: &str, mut content: impl Read) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, text) in ["service", "kind", "text", "district"].iter().enumerate() {
        sheet.write(0, col as u16, *text).unwrap();
        sheet.write(1, col as u16, *text).unwrap();
    }
    let base = book.save_to_buffer().unwrap();
    let mut zip = ZipArchive::new(Cursor::new(base)).unwrap();
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).unwrap();
        if entry.name() != part {
            out.raw_copy_file(entry).unwrap();
        }
    }
    out.start_file(part, SimpleFileOptions::default().compression_method(CompressionMethod::Deflated)).unwrap();
    io::copy(&mut content, &mut out).unwrap();
    out.finish().unwrap().into_inner()
}

/// The three files of issue 16, built once (the bomb takes a second to deflate).
fn hostile() -> &'static [Hostile] {
    static FILES: OnceLock<Vec<Hostile>> = OnceLock::new();
    FILES.get_or_init(|| {
        // One cell at A1 and one at XFD1048576: a dense grid of them is 512 GiB.
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write(0, 0, "service").unwrap();
        sheet.write(1_048_575, 16_383, "far").unwrap();
        let far = book.save_to_buffer().unwrap();
        // A sheet of 300 MiB, three times the limit, in a few hundred kilobytes.
        let start = &b"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"[..];
        let blanks = start.chain(io::repeat(b' ').take(300 << 20)).chain(&b"</sheetData></worksheet>"[..]);
        let bomb = with_part("xl/worksheets/sheet1.xml", blanks);
        // 3,000,000 shared strings (51 MB of XML, under the size limit) for a two-row sheet.
        let mut table = b"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">".to_vec();
        table.extend(b"<si><t>a</t></si>".repeat(3_000_000));
        table.extend_from_slice(b"</sst>");
        let strings = with_part("xl/sharedStrings.xml", &table[..]);
        for bytes in [&far, &bomb, &strings] {
            assert!(bytes.len() < 2 * 1024 * 1024, "each file is small: {}", bytes.len());
        }
        vec![
            Hostile {
                name: "far.xlsx",
                bytes: far,
                bn: "শিটটি XFD1048576 ঘর পর্যন্ত গেছে, যা আমদানির সীমার বাইরে",
                en: "The sheet reaches cell XFD1048576, beyond what an import reads",
            },
            Hostile {
                name: "bomb.xlsx",
                bytes: bomb,
                bn: "XLSX ফাইলটি খুললে ১০০ মেগাবাইটের বেশি তথ্য হয়",
                en: "The XLSX file unpacks to more than 100 MB of data",
            },
            Hostile {
                name: "strings.xlsx",
                bytes: strings,
                bn: "শিটে ২০০০০০০টির বেশি ঘর বা আলাদা লেখা আছে",
                en: "The sheet has more than 2000000 cells or distinct texts",
            },
        ]
    })
}

#[tokio::test]
async fn hostile_xlsx_files_get_a_422_in_the_pages_language_and_the_server_keeps_serving() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    for file in hostile() {
        let response = upload(&admin, (file.name, &file.bytes), SOURCE, None).await;
        assert_eq!(response.status(), 422, "{}", file.name);
        let page = response.text().await.unwrap();
        assert!(page.contains(file.bn), "{}: {page}", file.name);
    }
    admin.in_english().await;
    for file in hostile() {
        // The import itself (with some plan) is refused the same way.
        for plan in [None, Some("0123456789abcdef0123456789abcdef")] {
            let response = upload(&admin, (file.name, &file.bytes), SOURCE, plan).await;
            assert_eq!(response.status(), 422, "{}", file.name);
            let page = response.text().await.unwrap();
            assert!(page.contains(file.en), "{}: {page}", file.name);
        }
    }
    assert_eq!(app.feedback_count().await, 0, "nothing was imported");
    assert_eq!(admin.get("/staff/import").await.status(), 200, "the server still serves");
    let response = upload(&admin, ("workshop.csv", &workshop()), SOURCE, None).await;
    assert_eq!(response.status(), 200, "and still reads a good file");
}

#[tokio::test]
async fn the_command_line_refuses_hostile_xlsx_files_with_their_reason_and_imports_nothing() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    for file in hostile() {
        let path = dir.path().join(file.name);
        std::fs::write(&path, &file.bytes).unwrap();
        let args = ["import-feedback", path.to_str().unwrap(), "--source", SOURCE];
        let dry_run = [&args[..], &["--dry-run"]].concat();
        // The import itself reads the file the same way; once is enough (each run takes seconds).
        let runs: &[&[&str]] = if file.name == "far.xlsx" { &[&dry_run, &args] } else { &[&dry_run] };
        for run in runs {
            let output = nagorik(run, &app.database_url);
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(!output.status.success(), "{}: {stderr}", file.name);
            assert!(stderr.contains(file.en) && stderr.contains("nothing was imported"), "{}: {stderr}", file.name);
        }
    }
    assert_eq!(app.feedback_count().await, 0, "nothing was imported");
}
