//! `nagorik export-brief`: one backlog item's design brief as DOCX or as a self-contained A4
//! print page (HTML with Nagorik's stylesheet and Bangla fonts inside), in Bangla or English;
//! the same document the staff pages export, with no personal data.

use std::path::PathBuf;

use anyhow::Context;
use chrono::Utc;
use clap::{Args, ValueEnum};

use super::export::write_atomically;
use crate::assets::Assets;
use crate::backlog::inputs::CountedCache;
use crate::backlog::shaping::find_with_service;
use crate::brief::export::{document_of, print_html, Style};
use crate::config::Settings;
use crate::domain::Locale;
use crate::startup::open_database;

/// What `export-brief` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BriefFormat {
    /// A Word document.
    Docx,
    /// The A4 print page, self-contained.
    Html,
}

/// Options of `export-brief`.
#[derive(Debug, Args)]
pub struct ExportBriefArgs {
    /// The backlog item's id (as in its page's address).
    #[arg(long)]
    pub item: i64,
    /// docx or html.
    #[arg(long, value_enum)]
    pub format: BriefFormat,
    /// Language: bn or en.
    #[arg(long, value_parser = super::export::parse_lang, default_value = "bn")]
    pub lang: Locale,
    /// The file to write.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: PathBuf,
}

/// Writes the brief of `args.item` to `args.output`.
pub fn export_brief(settings: &Settings, args: ExportBriefArgs) -> anyhow::Result<()> {
    let pool = open_database(settings)?;
    let mut conn = pool.get().context("no database connection")?;
    let (item, listing) = find_with_service(&mut conn, args.item)
        .context("cannot read the database")?
        .ok_or_else(|| anyhow::anyhow!("there is no backlog item {}", args.item))?;
    let counted = CountedCache::default();
    let doc = document_of(&mut conn, (&counted, settings.rates(), Utc::now().naive_utc()), &item, &listing, args.lang)
        .context("cannot read the brief")?;
    let bytes = match args.format {
        BriefFormat::Docx => crate::brief::docx::write(&doc)?,
        BriefFormat::Html => {
            let templates = crate::templates::build()?;
            let css = Assets::inline_css("print.css");
            print_html(&templates.html, &doc, Style::Inline(&css))?.into_bytes()
        }
    };
    write_atomically(&args.output, &bytes).with_context(|| format!("cannot write {}", args.output.display()))?;
    println!("Wrote the design brief of item {} ({}) to {}.", item.id, listing.0.code, args.output.display());
    Ok(())
}
