//! `nagorik export-backlog`: the backlog of one ministry (or all) as CSV, XLSX or JSON.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::Utc;
use clap::Args;

use crate::config::Settings;
use crate::domain::Locale;
use crate::exports::request::{ExportQuery, RequestError};
use crate::exports::{self, Format};
use crate::startup::open_database;

/// Options of `export-backlog`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Ministry code (default: every ministry).
    #[arg(long)]
    pub ministry: Option<String>,
    /// csv, xlsx or json (default: from the file's extension, else xlsx).
    #[arg(long, value_parser = parse_format)]
    pub format: Option<Format>,
    /// The file to write (default: nagorik-backlog-<MINISTRY>-<DATE>.<EXT> here).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Add every other scored service, not only the backlog's items.
    #[arg(long)]
    pub include_candidates: bool,
    /// The table a CSV holds: backlog, themes, weights or parameters.
    #[arg(long, default_value = "backlog")]
    pub table: String,
    /// Language of the headings, statuses and categories of a CSV or workbook: bn or en.
    #[arg(long, value_parser = parse_lang, default_value = "bn")]
    pub lang: Locale,
}

pub(super) fn parse_lang(s: &str) -> Result<Locale, String> {
    Locale::parse(s).ok_or_else(|| format!("unknown language {s} (bn or en)"))
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::from_extension(s).ok_or_else(|| format!("unknown format {s} (csv, xlsx or json)"))
}

/// Writes the export to `args.output`, showing progress on stderr.
pub fn export_backlog(settings: &Settings, args: ExportArgs) -> anyhow::Result<()> {
    let format = args
        .format
        .or_else(|| {
            args.output.as_ref().and_then(|p| p.extension()).and_then(|e| Format::from_extension(&e.to_string_lossy()))
        })
        .unwrap_or(Format::Xlsx);
    let bar = super::progress_bar(4, "export");
    bar.set_message("database");
    let pool = open_database(settings)?;
    let mut conn = pool.get().context("no database connection")?;
    bar.inc(1);
    let query = ExportQuery {
        ministry: args.ministry.unwrap_or_default(),
        candidates: if args.include_candidates { "1".into() } else { String::new() },
        table: args.table,
        ..ExportQuery::default()
    };
    let request = query.resolve(&mut conn, None, args.lang).map_err(|e| match e {
        RequestError::NotFound(what) => anyhow::anyhow!("{what}"),
        RequestError::Invalid(_) => anyhow::anyhow!("unknown table (backlog, themes, weights or parameters)"),
        RequestError::Database(e) => anyhow::Error::new(e).context("cannot read the database"),
    })?;
    bar.set_message("ranking");
    let now = Utc::now().naive_utc();
    let export = exports::load::load(&mut conn, settings.rates(), now, &request).context("cannot read the backlog")?;
    bar.inc(1);
    bar.set_message("writing");
    let bytes = exports::render(&export, format, &request.table, request.locale)?;
    bar.inc(1);
    let path = args
        .output
        .unwrap_or_else(|| PathBuf::from(exports::filename(&request.scope, &request.table, now.date(), format)));
    write_atomically(&path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
    bar.inc(1);
    bar.finish_and_clear();
    println!(
        "Wrote {} ({} services, {} themes) to {}.",
        format.extension(),
        export.rows.len(),
        export.themes.len(),
        path.display()
    );
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, then renames it: a failure leaves no
/// partial file (and an existing file as it was).
pub(super) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.partial", std::process::id()));
    let written = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}
