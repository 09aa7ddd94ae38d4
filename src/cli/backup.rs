//! `nagorik backup FILE`: a consistent copy of a live SQLite database (`VACUUM INTO`, which reads
//! one snapshot while the server goes on writing). PostgreSQL has its own tools: the command says
//! which, and README says how to restore either.

use std::path::Path;

use anyhow::{bail, Context};
use diesel::connection::SimpleConnection;

use crate::config::Settings;
use crate::db::{self, Conn};
use crate::startup::open_database;

/// What an operator runs instead on PostgreSQL.
pub const PG_DUMP_HINT: &str =
    "PostgreSQL is backed up with its own tools: pg_dump --format=custom --file=nagorik.dump \"$NAGORIK_DATABASE_URL\" \
     (restore into an empty database with pg_restore --no-owner --dbname=… nagorik.dump; see README, Backups)";

/// The SQL string literal of `text`.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Writes the copy to `file`, which must not exist yet.
pub fn backup(settings: &Settings, file: &Path) -> anyhow::Result<()> {
    if file.exists() {
        bail!("{} exists already: choose a new file, a backup never overwrites one", file.display());
    }
    let pool = open_database(settings)?;
    let mut conn = pool.get().context("no database connection")?;
    match &mut *conn {
        Conn::Pg(_) => bail!("{PG_DUMP_HINT}"),
        Conn::Sqlite(_) => {}
    }
    let target = file.to_str().context("the backup file's name must be valid UTF-8")?;
    conn.batch_execute(&format!("VACUUM INTO {}", quoted(target)))
        .with_context(|| format!("cannot write the backup to {}", file.display()))?;
    // Prove it opens and holds the same data before saying it is done.
    let copy = db::build_pool(
        &format!("sqlite://{target}"),
        db::pool::PoolOptions { max_size: 1, timeout: std::time::Duration::from_secs(10) },
    )?;
    let mut copied = copy.get().context("the backup cannot be opened")?;
    let (live, saved) = (db::feedback::count(&mut conn)?, db::feedback::count(&mut copied)?);
    if saved < live {
        bail!("the backup holds {saved} feedback but the database {live}: it is not complete");
    }
    println!("Backup written to {} ({saved} feedback).", file.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_file_name_with_a_quote_stays_one_string() {
        assert_eq!(super::quoted("it's.db"), "'it''s.db'");
    }
}
