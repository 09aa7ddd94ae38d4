//! `nagorik import-feedback FILE.csv|FILE.xlsx --source "…"`: a dry run (`--dry-run`)
//! or the import itself, with a progress bar.

use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use crate::audit::Actor;
use crate::config::Settings;
use crate::domain::provenance::{parse_label, SOURCE_MAX};
use crate::domain::Locale;
use crate::i18n;
use crate::import::describe::{duplicate_of, reasons};
use crate::import::{self, ImportRequest, Outcome, Plan};
use crate::startup::{load_classifier, open_database};

/// Options of `import-feedback`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The CSV (UTF-8) or XLSX file; one row a feedback (columns in README).
    pub file: PathBuf,
    /// Where the feedback was collected (e.g. "workshop Dhaka 2026-11-12"); kept with every row.
    #[arg(long)]
    pub source: String,
    /// Show what would be added, skipped and refused, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Import only if the plan is still the one a dry run printed (its `plan` value).
    #[arg(long, value_name = "PLAN")]
    pub expect: Option<String>,
    /// List every duplicate (by default the first 20).
    #[arg(long)]
    pub all: bool,
}

fn print_plan(plan: &Plan, all: bool) {
    for d in plan.duplicates.iter().take(if all { usize::MAX } else { 20 }) {
        println!("line {}: duplicate ({}): {}", d.line, d.service_code, duplicate_of(Locale::En, d.exact, &d.of));
    }
    if !all && plan.duplicates.len() > 20 {
        println!("… and {} more duplicates (--all lists them)", plan.duplicates.len() - 20);
    }
    for b in &plan.bad {
        println!("line {}: bad row: {}", b.line, reasons(Locale::En, &b.errors));
    }
}

/// `nagorik import-feedback`.
pub fn import_feedback(settings: &Settings, args: ImportArgs) -> anyhow::Result<()> {
    let source = parse_label("source", &args.source, SOURCE_MAX)
        .map_err(|e| anyhow::anyhow!("--source: {}", i18n::message(Locale::En, e.code, &e.args)))?;
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let file_name = args.file.to_string_lossy().into_owned();
    let request = ImportRequest { file_name, bytes, source, ministries: None };
    let pool = open_database(settings)?;
    let mut conn = pool.get().context("no database connection")?;
    let now = chrono::Utc::now().naive_utc();
    let fail = |e: import::plan::ImportError| match e {
        import::plan::ImportError::File(f) => {
            anyhow::anyhow!(
                "{}: {}; nothing was imported",
                args.file.display(),
                i18n::message(Locale::En, f.field_error().code, &f.field_error().args)
            )
        }
        import::plan::ImportError::Database(e) => anyhow::Error::new(e).context("import failed; nothing was imported"),
    };
    if args.dry_run {
        let plan = import::build(&mut conn, &request, now).map_err(fail)?;
        print_plan(&plan, args.all);
        println!(
            "Dry run of {}: {} rows would be added, {} skipped as duplicates, {} bad; nothing was changed.",
            plan.file_name,
            plan.add.len(),
            plan.duplicates.len(),
            plan.bad.len()
        );
        println!("plan {} (import exactly this with --expect {})", plan.digest(), plan.digest());
        return Ok(());
    }
    let classifier = load_classifier(settings)?;
    let bar = super::progress_bar(0, "feedback");
    let mut progress = |done: usize, total: usize| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    };
    let actor = Actor::command_line();
    let outcome = import::apply(&mut conn, &request, args.expect.as_deref(), (&actor, &classifier), now, &mut progress)
        .map_err(fail)?;
    bar.finish_and_clear();
    match outcome {
        Outcome::Imported(plan) => {
            print_plan(&plan, args.all);
            println!(
                "Imported {} rows from {} ({}); {} duplicates skipped, {} bad rows left out.",
                plan.add.len(),
                plan.file_name,
                plan.source,
                plan.duplicates.len(),
                plan.bad.len()
            );
            Ok(())
        }
        Outcome::Changed(plan) => anyhow::bail!(
            "the file or the stored feedback changed since the dry run (plan is now {}); nothing was imported",
            plan.digest()
        ),
    }
}
