//! Hostile workbooks for the unit tests of the XLSX reader, built in memory.

use std::io::{self, Cursor, Read};

use rust_xlsxwriter::Workbook;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// The sheet part of a one-sheet workbook.
pub const SHEET: &str = "xl/worksheets/sheet1.xml";
/// The shared-strings part.
pub const SHARED_STRINGS: &str = "xl/sharedStrings.xml";
/// 300 MiB: three times what a file may expand to.
pub const BOMB: u64 = 300 << 20;

/// A small valid workbook: a heading row and one row of text (in shared strings).
pub fn workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (col, text) in ["service", "kind", "text", "district"].iter().enumerate() {
        sheet.write(0, col as u16, *text).unwrap();
    }
    for (col, text) in ["ORGBDR-001", "complaint", "a birth certificate took two months", "dhaka"].iter().enumerate() {
        sheet.write(1, col as u16, *text).unwrap();
    }
    book.save_to_buffer().unwrap()
}

/// `base` with the part `name` (added or) replaced by `content`, deflated.
pub fn replace_part(base: &[u8], name: &str, mut content: impl Read) -> Vec<u8> {
    let mut zip = ZipArchive::new(Cursor::new(base)).unwrap();
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).unwrap();
        if entry.name() != name {
            out.raw_copy_file(entry).unwrap();
        }
    }
    let options =
        SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).compression_level(Some(6));
    out.start_file(name, options).unwrap();
    io::copy(&mut content, &mut out).unwrap();
    out.finish().unwrap().into_inner()
}

/// A sheet part of `BOMB` bytes: a valid start, blanks, a valid end.
pub fn bomb_sheet() -> impl Read {
    let start = &b"<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"[..];
    start.chain(io::repeat(b' ').take(BOMB)).chain(&b"</sheetData></worksheet>"[..])
}

/// A sheet part with these inline-text cells (`("AY2", "far")`) and no `<dimension>`.
pub fn sheet_of(cells: &[(&str, &str)]) -> Vec<u8> {
    let mut xml = String::from(
        "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
    );
    for (at, text) in cells {
        xml += &format!("<row><c r=\"{at}\" t=\"inlineStr\"><is><t>{text}</t></is></c></row>");
    }
    xml += "</sheetData></worksheet>";
    xml.into_bytes()
}

/// Makes every header of the zip `bytes` claim that the part `name` expands to `size` bytes.
pub fn declare_size(bytes: &mut [u8], name: &str, size: u32) {
    let u16_at = |b: &[u8], at: usize| u16::from_le_bytes([b[at], b[at + 1]]) as usize;
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap()) as usize;
    let end = bytes.len() - 22;
    assert_eq!(u32_at(bytes, end), 0x0605_4b50, "no zip comment, so the end record is last");
    let (entries, mut at) = (u16_at(bytes, end + 10), u32_at(bytes, end + 16));
    for _ in 0..entries {
        assert_eq!(u32_at(bytes, at), 0x0201_4b50);
        let (name_len, extra, comment) = (u16_at(bytes, at + 28), u16_at(bytes, at + 30), u16_at(bytes, at + 32));
        let local = u32_at(bytes, at + 42);
        if &bytes[at + 46..at + 46 + name_len] == name.as_bytes() {
            bytes[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
            bytes[local + 22..local + 26].copy_from_slice(&size.to_le_bytes());
        }
        at += 46 + name_len + extra + comment;
    }
}
