//! Both migration trees, embedded in the binary and run on every start.

use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use super::Conn;

const SQLITE: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Applies every pending migration of the connection's backend; returns how many ran.
pub fn run_pending(conn: &mut Conn) -> anyhow::Result<usize> {
    let applied = match conn {
        Conn::Sqlite(c) => c.run_pending_migrations(SQLITE).map(|v| v.len()),
        Conn::Pg(c) => c.run_pending_migrations(POSTGRES).map(|v| v.len()),
    };
    applied.map_err(|e| anyhow::anyhow!("running migrations failed: {e}"))
}

/// Applies only the first `n` migrations of a fresh database (tests of upgrades from an
/// older schema); returns how many ran.
pub fn run_first(conn: &mut Conn, n: usize) -> anyhow::Result<usize> {
    let mut applied = 0;
    while applied < n {
        let step = match conn {
            Conn::Sqlite(c) => c.run_next_migration(SQLITE).map(drop),
            Conn::Pg(c) => c.run_next_migration(POSTGRES).map(drop),
        };
        step.map_err(|e| anyhow::anyhow!("running migration {} failed: {e}", applied + 1))?;
        applied += 1;
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    fn names(tree: &str) -> BTreeSet<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(tree);
        std::fs::read_dir(dir)
            .expect("migration tree exists")
            .map(|e| e.expect("readable entry").file_name().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn the_two_migration_trees_list_the_same_migrations() {
        let sqlite = names("sqlite");
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, names("postgres"));
    }

    #[test]
    fn every_migration_has_an_up_and_a_down() {
        for tree in ["sqlite", "postgres"] {
            for name in names(tree) {
                let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(tree).join(&name);
                assert!(dir.join("up.sql").is_file(), "{tree}/{name}/up.sql");
                assert!(dir.join("down.sql").is_file(), "{tree}/{name}/down.sql");
            }
        }
    }
}
