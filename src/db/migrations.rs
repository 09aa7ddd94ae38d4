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
    let applied = applied.map_err(|e| anyhow::anyhow!("running migrations failed: {e}"))?;
    // Derived text SQL cannot compute (the services' search keys) follows today's rules.
    super::services::refresh_search_text(conn).map_err(|e| anyhow::anyhow!("refreshing search keys failed: {e}"))?;
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
