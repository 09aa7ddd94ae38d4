//! Command-line interface: `serve`, `migrate`, `import-services`, `demo-data`,
//! `api-keys`, `create-staff`, `staff-tokens`, `import-feedback`, `export-backlog`,
//! `eval-themes`.

mod backup;
mod eval;
mod export;
mod export_brief;
mod import;
mod regroup;
mod staff;

use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use crate::config::Settings;
use crate::db::{self, Pool};
use crate::demo::{self, DemoOptions};
use crate::startup::{open_database, Application};

/// Nagorik: citizen feedback and service design intake.
#[derive(Debug, Parser)]
#[command(name = "nagorik", version, about, long_about = None)]
pub struct Cli {
    /// TOML file with settings (also NAGORIK_CONFIG).
    #[arg(long, global = true, env = "NAGORIK_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Database URL: sqlite://file.db, a bare path, or postgres://… (overrides NAGORIK_DATABASE_URL).
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web server (the default).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Import or update the service catalogue from a charter CSV.
    ImportServices {
        /// The CSV file (UTF-8, with or without BOM; columns in README).
        file: PathBuf,
    },
    /// Fill the database with a realistic demo catalogue and feedback.
    DemoData(DemoArgs),
    /// Issue, list or revoke the keys client systems use for Open311.
    ApiKeys {
        /// What to do with keys.
        #[command(subcommand)]
        action: ApiKeyAction,
    },
    /// Group the feedback of a service (or of every service) into pain-point themes again.
    Regroup {
        /// Service code (default: every service).
        #[arg(long)]
        service: Option<String>,
    },
    /// Import feedback from a workshop or paper sheet (CSV or XLSX); `--dry-run` first.
    ImportFeedback(import::ImportArgs),
    /// Create a staff account (password from a prompt or --password-stdin).
    CreateStaff(staff::CreateStaffArgs),
    /// Issue, list or revoke a staff member's tokens for the staff JSON API.
    StaffTokens {
        /// What to do with tokens.
        #[command(subcommand)]
        action: staff::TokenAction,
    },
    /// Export the backlog of a ministry (or all) as CSV, XLSX or JSON (no personal data).
    ExportBacklog(export::ExportArgs),
    /// Export one backlog item's design brief as DOCX or an A4 print page (no personal data).
    ExportBrief(export_brief::ExportBriefArgs),
    /// Measure themes and categories against a labelled corpus (see docs/themes.md).
    EvalThemes(eval::EvalArgs),
    /// Mask personal data in every stored feedback's public text again with today's rules
    /// (after an upgrade that finds more formats); designers' redactions stay.
    Remask,
    /// Write a consistent copy of the live SQLite database to FILE (PostgreSQL: use pg_dump).
    Backup {
        /// The new file (it must not exist).
        file: PathBuf,
    },
}

/// Actions on Open311 client keys.
#[derive(Debug, Subcommand)]
pub enum ApiKeyAction {
    /// Issue a key for a client system; the key is printed once and stored hashed.
    Issue {
        /// Name of the client system (e.g. "Dhaka North City app").
        #[arg(long)]
        client: String,
    },
    /// List client systems and whether their key is active.
    List,
    /// Revoke a client's key at once.
    Revoke {
        /// The client's id (from `list`).
        id: i64,
    },
}

/// Options of `serve`.
#[derive(Debug, Default, Args)]
pub struct ServeArgs {
    /// Load demo data first when the database is empty.
    #[arg(long)]
    pub demo: bool,
    /// Address to listen on (overrides NAGORIK_BIND).
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<String>,
}

/// Options of `demo-data`.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Feedback entries to add.
    #[arg(long, default_value_t = 5_000)]
    pub feedback: usize,
    /// Services in the catalogue (real charter entries, then generated ones).
    #[arg(long, default_value_t = 809)]
    pub services: usize,
    /// Seed for the random generator (same seed, same data).
    #[arg(long, default_value_t = 2021)]
    pub seed: u64,
}

/// Runs the command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let mut settings = Settings::load(cli.config.as_deref())?;
    if let Some(url) = cli.database_url {
        settings.database_url = url;
    }
    let command = cli.command.unwrap_or(Command::Serve(ServeArgs::default()));
    if let Command::Serve(args) = &command {
        if let Some(bind) = &args.bind {
            settings.bind = bind.clone();
            settings.base_url = String::new();
        }
    }
    settings.finish();
    crate::telemetry::init(&settings.log, &settings.log_format);
    match command {
        Command::EvalThemes(args) => eval::eval_themes(args),
        Command::Serve(args) => serve(&settings, args.demo),
        Command::Migrate => {
            open_database(&settings)?;
            println!("Database is up to date.");
            Ok(())
        }
        Command::ImportServices { file } => import_services(&settings, &file),
        Command::ApiKeys { action } => api_keys(&settings, action),
        Command::CreateStaff(args) => staff::create_staff(&settings, args),
        Command::ImportFeedback(args) => import::import_feedback(&settings, args),
        Command::Regroup { service } => regroup::regroup(&settings, service),
        Command::StaffTokens { action } => staff::staff_tokens(&settings, action),
        Command::ExportBacklog(args) => export::export_backlog(&settings, args),
        Command::ExportBrief(args) => export_brief::export_brief(&settings, args),
        Command::Backup { file } => backup::backup(&settings, &file),
        Command::Remask => {
            let pool = open_database(&settings)?;
            let mut conn = pool.get().context("no database connection")?;
            let changed = crate::remask::remask_all(&mut conn, &crate::audit::Actor::command_line())?;
            println!("{changed} feedback texts masked again (the others already were).");
            Ok(())
        }
        Command::DemoData(args) => {
            let pool = open_database(&settings)?;
            let options = DemoOptions { services: args.services, feedback: args.feedback, seed: args.seed };
            load_demo(&pool, &options)
        }
    }
}

fn progress_bar(len: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(len);
    let style = ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} ({eta})")
        .expect("valid template")
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(what.to_owned());
    bar
}

fn load_demo(pool: &Pool, options: &DemoOptions) -> anyhow::Result<()> {
    let mut conn = pool.get().context("no database connection")?;
    let bar = progress_bar(options.services as u64, "services");
    let summary = demo::load_catalogue(&mut conn, options, &mut |n| bar.set_position(n as u64))?;
    bar.finish_and_clear();
    let bar = progress_bar(options.feedback as u64, "feedback");
    let added = demo::generate_feedback(&mut conn, options, &mut |n| bar.set_position(n as u64))?;
    bar.finish_and_clear();
    let promoted = demo::promote_demo_backlog(&mut conn, crate::domain::scoring::Rates::default())?;
    println!(
        "Demo data: {} ministries, {} services ({} new), {added} feedback added, {promoted} services in the backlog.",
        summary.ministries,
        summary.services_added + summary.services_updated,
        summary.services_added
    );
    Ok(())
}

fn import_services(settings: &Settings, file: &std::path::Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let rows = match crate::catalogue::parse_catalogue(&bytes) {
        Ok(rows) => rows,
        Err(errors) => {
            for e in errors.iter().take(50) {
                eprintln!("{}: {e}", file.display());
            }
            if errors.len() > 50 {
                eprintln!("… and {} more problems", errors.len() - 50);
            }
            anyhow::bail!("{} has {} bad row(s); nothing was imported", file.display(), errors.len());
        }
    };
    let pool = open_database(settings)?;
    let mut conn = pool.get().context("no database connection")?;
    let bar = progress_bar(rows.len() as u64, "services");
    let summary = crate::catalogue::apply_catalogue(&mut conn, &rows, &mut |n| bar.set_position(n as u64))
        .context("import failed; nothing was changed")?;
    bar.finish_and_clear();
    println!(
        "Imported {}: {} services added, {} updated ({} offices, {} ministries).",
        file.display(),
        summary.services_added,
        summary.services_updated,
        summary.offices,
        summary.ministries
    );
    Ok(())
}

fn api_keys(settings: &Settings, action: ApiKeyAction) -> anyhow::Result<()> {
    use crate::db::api_clients::{self, NewApiClient};
    let pool = open_database(settings)?;
    let mut conn = pool.get().context("no database connection")?;
    match action {
        ApiKeyAction::Issue { client } => {
            let name = crate::domain::text::clean_line(&client);
            anyhow::ensure!(!name.is_empty(), "give the client system a name with --client");
            let key = crate::domain::api_key::issue();
            let now = chrono::Utc::now().naive_utc();
            let new = NewApiClient { name: &name, key_prefix: &key.prefix, key_hash: &key.hash, created_at: now };
            let id = api_clients::insert(&mut conn, &new)?;
            println!("Client {id} ({name}) may now submit through Open311 with this key (shown only once):");
            println!("{}", key.secret);
        }
        ApiKeyAction::List => {
            for c in api_clients::list(&mut conn)? {
                let state = c.revoked_at.map(|t| format!("revoked {t}")).unwrap_or_else(|| "active".into());
                println!(
                    "{:>4}  {}…  {}  issued {}  {state}",
                    c.id,
                    c.key_prefix,
                    c.name,
                    c.created_at.format("%Y-%m-%d")
                );
            }
        }
        ApiKeyAction::Revoke { id } => {
            anyhow::ensure!(api_clients::revoke(&mut conn, id)?, "no active client with id {id}");
            println!("Client {id}'s key is revoked.");
        }
    }
    Ok(())
}

fn serve(settings: &Settings, demo: bool) -> anyhow::Result<()> {
    crate::allocator::bound();
    crate::allocator::give_back_regularly();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let pool = open_database(settings)?;
        if demo {
            let check = pool.clone();
            let empty = db::run_blocking(&check, db::ministries::count).await.map_err(|e| anyhow::anyhow!("{e}"))? == 0;
            if empty {
                println!("Loading demo data (first start)…");
                let options = DemoOptions { services: 809, feedback: 3_000, seed: 2021 };
                let pool = pool.clone();
                tokio::task::spawn_blocking(move || load_demo(&pool, &options)).await??;
            }
            let staff_pool = pool.clone();
            let logins = tokio::task::spawn_blocking(move || -> anyhow::Result<Vec<demo::DemoLogin>> {
                let mut conn = staff_pool.get().context("no database connection")?;
                demo::ensure_demo_staff(&mut conn)
            })
            .await??;
            println!("Demo staff log-ins (new passwords on every start), at /staff/login:");
            for login in logins {
                println!("  {:<15} {:<36} {}", login.role, login.email, login.password);
            }
        }
        let app = Application::build_with_pool(settings, pool)?;
        let host = settings.bind.rsplit_once(':').map(|(h, _)| h).unwrap_or("127.0.0.1");
        println!("Nagorik is serving on http://{host}:{}", app.port());
        app.run_until_stopped().await?;
        Ok(())
    })
}
