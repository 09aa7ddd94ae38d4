//! A short-lived in-process copy of the services that submissions name, so that
//! accepting feedback costs no catalogue query. Entries live for a minute, so an
//! imported change reaches every app server within that time; an unknown code
//! is always looked up (new services work at once) and never cached.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::db::services::ServiceListing;
use crate::db::{self, BlockingError, Pool};

/// How long an entry is trusted.
const TTL: Duration = Duration::from_secs(60);
/// Entries kept at most (the catalogue has about 800 services).
const CAPACITY: usize = 10_000;

/// Services by code, each with when it was read.
#[derive(Default)]
pub struct ServiceCache {
    entries: RwLock<HashMap<String, (Instant, Arc<ServiceListing>)>>,
}

impl ServiceCache {
    /// The service with `code` (upper-cased), from the cache or the database.
    pub async fn get(
        &self,
        pool: &Pool,
        code: &str,
    ) -> Result<Option<Arc<ServiceListing>>, BlockingError<diesel::result::Error>> {
        let code = code.trim().to_ascii_uppercase();
        if let Some((read, listing)) = self.entries.read().expect("cache lock").get(&code) {
            if read.elapsed() < TTL {
                return Ok(Some(listing.clone()));
            }
        }
        let lookup = code.clone();
        let found = db::run_read(pool, move |conn| db::services::find_by_code(conn, &lookup)).await?;
        Ok(found.map(|listing| {
            let listing = Arc::new(listing);
            let mut entries = self.entries.write().expect("cache lock");
            if entries.len() >= CAPACITY {
                entries.clear();
            }
            entries.insert(code, (Instant::now(), listing.clone()));
            listing
        }))
    }
}
