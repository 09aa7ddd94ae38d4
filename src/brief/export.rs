//! The brief's exports: the document of one item in one language ([`document_of`]), as the A4
//! print page ([`print_html`]: linked to Nagorik's own stylesheet and fonts when served, with
//! them inlined when written to a file) and as DOCX ([`super::docx`]).

use chrono::NaiveDateTime;
use handlebars::Handlebars;
use serde_json::{json, Value};

use super::document::{self, Block, Document};
use super::{figures, load};
use crate::backlog::inputs::CountedCache;
use crate::db::backlog_items::BacklogItem;
use crate::db::services::ServiceListing;
use crate::db::Conn;
use crate::domain::scoring::Rates;
use crate::domain::Locale;

/// The brief of `item` of `listing` in `locale`, as every export writes it.
pub fn document_of(
    conn: &mut Conn,
    (counted, rates, now): (&CountedCache, Rates, NaiveDateTime),
    item: &BacklogItem,
    listing: &ServiceListing,
    locale: Locale,
) -> diesel::QueryResult<Document> {
    let loaded = load::brief(conn, item.id, &listing.0)?;
    let figures = figures::of(conn, counted, rates, now, listing, &loaded.design)?;
    Ok(document::build((item, listing), &loaded, figures.as_ref(), rates, locale))
}

/// How the print page gets its stylesheet.
pub enum Style<'a> {
    /// Linked (served pages), with links back to the brief and to the DOCX.
    Linked { css_url: &'a str, brief_url: &'a str, docx_url: &'a str },
    /// Inlined, fonts and all (a file that opens anywhere without Nagorik).
    Inline(&'a str),
}

/// A block as the print template reads it: every key present, one of them set.
fn block_view(block: &Block) -> Value {
    let mut view =
        json!({ "h1": null, "h2": null, "h3": null, "para": null, "coded": null, "quote": null, "table": null });
    match block {
        Block::Heading(level, text) => view[format!("h{}", (*level).clamp(1, 3))] = json!(text),
        Block::Para(text) => view["para"] = json!(text),
        Block::Coded(code, text) => view["coded"] = json!({ "code": code, "text": text }),
        Block::Quote(text) => view["quote"] = json!(text),
        Block::Table { head, rows, foot } => view["table"] = json!({ "head": head, "rows": rows, "foot": foot }),
    }
    view
}

/// The print page of `doc`.
pub fn print_html(html: &Handlebars<'static>, doc: &Document, style: Style) -> Result<String, handlebars::RenderError> {
    let (css_url, inline_css, links) = match style {
        Style::Linked { css_url, brief_url, docx_url } => {
            (json!(css_url), Value::Null, json!({ "brief": brief_url, "docx": docx_url }))
        }
        Style::Inline(css) => (Value::Null, json!(css), Value::Null),
    };
    let data = json!({
        "lang": doc.lang.code(), "title": doc.title, "css_url": css_url, "inline_css": inline_css, "links": links,
        "blocks": doc.blocks.iter().map(block_view).collect::<Vec<_>>(),
    });
    html.render("pages/staff/brief_print", &data)
}
