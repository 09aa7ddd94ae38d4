//! The C allocator's memory, bounded and given back. glibc's malloc opens an arena for
//! each thread that allocates at once (up to eight per core) and keeps freed pages: after a
//! burst of staff pages and exports on a 300,000-feedback database a `serve` process held
//! 320 MB and never released it. `serve` caps the arenas at two (unless `MALLOC_ARENA_MAX`
//! is set) and hands free pages back to the system every few seconds
//! (docs/benchmarks.md, `bench/memory.sh`). Other platforms' allocators are left alone.

use std::time::Duration;

/// How often free pages are handed back (a trim of a quiet heap takes well under a millisecond).
const GIVE_BACK_EVERY: Duration = Duration::from_secs(5);

/// Caps glibc's arenas at two; call before any thread starts.
pub fn bound() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only sets a tuning value of the C allocator.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}

/// Hands the allocator's free pages back to the system.
pub fn give_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases memory the allocator holds free.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Starts a thread that gives free pages back every few seconds, for the life of the process.
pub fn give_back_regularly() {
    let started = std::thread::Builder::new().name("give-back-memory".into()).spawn(|| loop {
        std::thread::sleep(GIVE_BACK_EVERY);
        give_back();
    });
    if let Err(err) = started {
        tracing::warn!(error = %err, "the thread that gives memory back did not start");
    }
}
