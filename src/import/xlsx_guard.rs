//! Bounds on an XLSX file, checked on the zip before calamine expands anything.
//!
//! An XLSX is a zip of XML parts, and calamine trusts them: opening a workbook reserves
//! room for as many shared strings as `<sst uniqueCount>` claims and keeps every shared
//! string, style and workbook entry in memory, and every part is inflated without a
//! limit. So [`check`] walks the zip first and refuses it unless
//! - it has at most [`MAX_ENTRIES`] parts that expand to at most [`MAX_EXPANDED`] bytes
//!   in all. Each part is inflated into a sink through `take()`, so a header that lies
//!   about its size changes nothing (the declared sizes are only a quick first refusal),
//!   and calamine later inflates the very same bytes;
//! - the shared-strings table holds, and claims, at most [`MAX_CELLS`] strings: a table
//!   larger than the cells a sheet may have serves no import;
//! - the styles, workbook and relationships parts, the others read whole on opening,
//!   have at most [`MAX_PART_ELEMENTS`] elements each.
//!
//! The XML is scanned with the same reader settings as calamine's, so both stop at the
//! same malformed spot. The sheet itself is streamed later, cell by cell
//! ([`super::xlsx_file`]).

use std::io::{self, BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use super::{FileError, MAX_CELLS};

/// Most bytes the parts of one XLSX may expand to, in all (100 MiB).
pub const MAX_EXPANDED: u64 = 100 * 1024 * 1024;
/// Most parts (zip entries) one XLSX may have.
pub const MAX_ENTRIES: usize = 10_000;
/// Most elements of each part read whole on opening (styles, workbook, relationships).
pub const MAX_PART_ELEMENTS: usize = 1_000_000;

/// The shared-strings part, named as calamine looks parts up (lower case, `/`).
const SHARED_STRINGS: &str = "xl/sharedstrings.xml";
/// The other parts calamine reads whole when it opens a workbook.
const WHOLE_PARTS: [&str; 3] = ["xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];

/// Counts the bytes read through it.
struct Counted<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

/// Any failure to read the zip or its XML: the file is damaged or not an XLSX.
pub(super) fn unreadable<E>(_: E) -> FileError {
    FileError::Unreadable("XLSX")
}

/// Refuses `bytes` unless it is a zip within the bounds above.
pub fn check(bytes: &[u8]) -> Result<(), FileError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    if zip.len() > MAX_ENTRIES {
        return Err(FileError::XlsxTooComplex);
    }
    let mut declared = 0u64;
    for i in 0..zip.len() {
        declared = declared.saturating_add(zip.by_index_raw(i).map_err(unreadable)?.size());
    }
    if declared > MAX_EXPANDED {
        return Err(FileError::XlsxExpanded);
    }
    let mut left = MAX_EXPANDED;
    for i in 0..zip.len() {
        let entry = zip.by_index(i).map_err(unreadable)?;
        let name = entry.name().replace('\\', "/").to_ascii_lowercase();
        let mut part = Counted { inner: entry.take(left + 1), read: 0 };
        if name == SHARED_STRINGS {
            let mut strings = 0;
            scan(&mut part, |e| shared_string(e, &mut strings))?;
        } else if WHOLE_PARTS.contains(&name.as_str()) {
            let mut elements = 0;
            scan(&mut part, |_| {
                elements += 1;
                if elements > MAX_PART_ELEMENTS {
                    return Err(FileError::XlsxTooComplex);
                }
                Ok(())
            })?;
        }
        io::copy(&mut part, &mut io::sink()).map_err(unreadable)?;
        left = left.checked_sub(part.read).ok_or(FileError::XlsxExpanded)?;
    }
    Ok(())
}

/// Checks one element of the shared strings; `strings` counts the `si` elements so far.
fn shared_string(element: &BytesStart<'_>, strings: &mut usize) -> Result<(), FileError> {
    match element.local_name().as_ref() {
        b"si" => {
            *strings += 1;
            if *strings > MAX_CELLS {
                return Err(FileError::TooManyCells);
            }
        }
        b"sst" => {
            for attribute in element.attributes().flatten() {
                if attribute.key.local_name().as_ref() == b"uniqueCount" {
                    // calamine reserves this many strings up front: refuse a claim beyond the limit.
                    let claimed = attribute.value.trim_ascii();
                    if claimed.is_empty() || !claimed.iter().all(u8::is_ascii_digit) {
                        return Err(FileError::Unreadable("XLSX"));
                    }
                    let fits = std::str::from_utf8(claimed).ok().and_then(|v| v.parse::<usize>().ok());
                    if fits.is_none_or(|n| n > MAX_CELLS) {
                        return Err(FileError::TooManyCells);
                    }
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// Streams the XML of `part`, calling `check` on every element start; a parse error ends
/// the scan quietly, as calamine reads no further than that either.
fn scan<R: Read>(part: R, mut check: impl FnMut(&BytesStart<'_>) -> Result<(), FileError>) -> Result<(), FileError> {
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buf = Vec::with_capacity(1024);
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => check(&e)?,
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::xlsx_test_books::{bomb_sheet, declare_size, replace_part, workbook, SHARED_STRINGS, SHEET};

    #[test]
    fn a_small_workbook_passes() {
        assert_eq!(check(&workbook()), Ok(()));
    }

    #[test]
    fn a_zip_bomb_is_refused_by_its_declared_size() {
        let bomb = replace_part(&workbook(), SHEET, bomb_sheet());
        assert!(bomb.len() < 1024 * 1024, "300 MiB of XML deflate to {} bytes", bomb.len());
        assert_eq!(check(&bomb), Err(FileError::XlsxExpanded));
    }

    #[test]
    fn a_zip_bomb_that_lies_about_its_size_is_refused_once_the_limit_is_expanded() {
        let mut bomb = replace_part(&workbook(), SHEET, bomb_sheet());
        declare_size(&mut bomb, SHEET, 1000);
        assert_eq!(check(&bomb), Err(FileError::XlsxExpanded));
        assert_eq!(super::super::xlsx_file::read(&bomb), Err(FileError::XlsxExpanded));
    }

    #[test]
    fn a_shared_strings_table_beyond_the_cell_limit_is_refused() {
        let mut table = b"<?xml version=\"1.0\"?><sst>".to_vec();
        table.extend(b"<si><t>a</t></si>".repeat(MAX_CELLS + 1));
        table.extend(b"</sst>");
        let book = replace_part(&workbook(), SHARED_STRINGS, &table[..]);
        assert_eq!(check(&book), Err(FileError::TooManyCells));
    }

    #[test]
    fn a_shared_strings_table_that_claims_billions_of_entries_is_refused() {
        // calamine would reserve 4,000,000,000 strings (96 GB) for this two-entry table.
        let table = br#"<sst uniqueCount="4000000000"><si><t>service</t></si><si><t>kind</t></si></sst>"#;
        let book = replace_part(&workbook(), SHARED_STRINGS, &table[..]);
        assert_eq!(check(&book), Err(FileError::TooManyCells));
        let table = br#"<x:sst uniqueCount="99999999999999999999999"><x:si><x:t>a</x:t></x:si></x:sst>"#;
        assert_eq!(check(&replace_part(&workbook(), SHARED_STRINGS, &table[..])), Err(FileError::TooManyCells));
        let table = br#"<sst uniqueCount="lots"><si><t>a</t></si></sst>"#;
        assert_eq!(check(&replace_part(&workbook(), SHARED_STRINGS, &table[..])), Err(FileError::Unreadable("XLSX")));
    }

    #[test]
    fn a_styles_part_with_a_million_formats_is_refused() {
        let mut styles = b"<styleSheet><cellXfs>".to_vec();
        styles.extend(b"<xf/>".repeat(MAX_PART_ELEMENTS));
        styles.extend(b"</cellXfs></styleSheet>");
        let book = replace_part(&workbook(), "xl/styles.xml", &styles[..]);
        assert_eq!(check(&book), Err(FileError::XlsxTooComplex));
    }
}
