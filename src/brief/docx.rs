//! The brief as a Word document (DOCX) a ministry edits: the [`Document`]'s blocks written as
//! WordprocessingML by hand (headings as Word's heading styles, quotes indented, tables with a
//! repeated header row), A4 with 2 cm margins. Bangla is set in the complex-script font Word
//! ships on Windows (Nirmala UI) and marked `bn-BD`. No author is recorded: nothing personal.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::document::{Block, Document};
use crate::domain::text::escape_xml;
use crate::domain::Locale;

/// The DOCX media type.
pub const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A4 width less both margins, in twentieths of a point.
const TEXT_WIDTH: usize = 11_906 - 2 * 1_134;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn language(locale: Locale) -> &'static str {
    match locale {
        Locale::Bn => "bn-BD",
        Locale::En => "en-GB",
    }
}

fn styles(locale: Locale) -> String {
    let heading = |id: u8, size: u8| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="Heading{id}"><w:name w:val="heading {id}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="{lvl}"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>"#,
            lvl = id - 1
        )
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Nirmala UI"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{lang}" w:bidi="bn-BD"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>{h1}{h2}{h3}<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:ind w:left="567" w:right="567"/></w:pPr><w:rPr><w:i/><w:iCs/></w:rPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#,
        lang = language(locale),
        h1 = heading(1, 32),
        h2 = heading(2, 28),
        h3 = heading(3, 24),
    )
}

fn paragraph(out: &mut String, style: Option<&str>, text: &str, bold: bool) {
    out.push_str("<w:p>");
    if let Some(style) = style {
        out.push_str(&format!(r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#));
    }
    out.push_str("<w:r>");
    if bold {
        out.push_str("<w:rPr><w:b/><w:bCs/></w:rPr>");
    }
    out.push_str(&format!(r#"<w:t xml:space="preserve">{}</w:t></w:r></w:p>"#, escape_xml(text)));
}

fn table(out: &mut String, head: &[String], rows: &[Vec<String>], foot: Option<&Vec<String>>) {
    let columns = head.len().max(1);
    out.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="1" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#);
    for _ in 0..columns {
        out.push_str(&format!(r#"<w:gridCol w:w="{}"/>"#, TEXT_WIDTH / columns));
    }
    out.push_str("</w:tblGrid>");
    let mut row = |cells: &[String], header: bool, bold: bool| {
        out.push_str("<w:tr>");
        if header {
            out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for cell in cells {
            out.push_str(&format!(r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr>"#, TEXT_WIDTH / columns));
            paragraph(out, None, cell, bold);
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    };
    row(head, true, true);
    for cells in rows {
        row(cells, false, false);
    }
    if let Some(cells) = foot {
        row(cells, false, true);
    }
    out.push_str("</w:tbl>");
}

fn body(doc: &Document) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}"><w:body>"#
    );
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => {
                paragraph(&mut out, Some(&format!("Heading{}", (*level).clamp(1, 3))), text, false)
            }
            Block::Para(text) => paragraph(&mut out, None, text, false),
            Block::Coded(code, text) => paragraph(&mut out, None, &format!("{code} · {text}"), false),
            Block::Quote(text) => paragraph(&mut out, Some("Quote"), &format!("“{text}”"), false),
            Block::Table { head, rows, foot } => {
                table(&mut out, head, rows, foot.as_ref());
                // Word needs a paragraph between two tables and after the last.
                out.push_str("<w:p/>");
            }
        }
    }
    out.push_str(r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#);
    out
}

fn core(doc: &Document) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:language>{}</dc:language></cp:coreProperties>"#,
        escape_xml(&doc.title),
        language(doc.lang)
    )
}

/// The document as DOCX bytes.
pub fn write(doc: &Document) -> std::io::Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let parts: [(&str, String); 6] = [
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", PACKAGE_RELS.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
        ("word/styles.xml", styles(doc.lang)),
        ("word/document.xml", body(doc)),
        ("docProps/core.xml", core(doc)),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).map_err(std::io::Error::other)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_is_a_zip_of_wordprocessingml_with_the_text_escaped() {
        let doc = Document {
            lang: Locale::Bn,
            title: "নকশা: জন্ম নিবন্ধন".into(),
            blocks: vec![
                Block::Heading(1, "নকশা: জন্ম নিবন্ধন".into()),
                Block::Para("খরচ <৫০০> & \"ফি\"\u{1}".into()),
                Block::Quote("দালাল টাকা চায়".into()),
                Block::Table {
                    head: vec!["ধাপ".into(), "দিন".into()],
                    rows: vec![vec!["১. আবেদন".into(), "৩".into()]],
                    foot: None,
                },
            ],
        };
        let bytes = write(&doc).unwrap();
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml).unwrap();
        let parsed = roxmltree::Document::parse(&xml).expect("well-formed XML");
        let texts: Vec<&str> =
            parsed.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|n| n.text()).collect();
        assert_eq!(
            texts,
            ["নকশা: জন্ম নিবন্ধন", "খরচ <৫০০> & \"ফি\"\u{fffd}", "“দালাল টাকা চায়”", "ধাপ", "দিন", "১. আবেদন", "৩"]
        );
        assert!(xml.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
        assert!(archive.by_name("word/styles.xml").is_ok() && archive.by_name("[Content_Types].xml").is_ok());
    }
}
