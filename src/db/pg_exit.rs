//! PostgreSQL connections and process exit.
//!
//! libpq uses OpenSSL, and OpenSSL by default frees its locks in an `atexit` handler.
//! The connection pool's worker threads may still be opening a connection while the
//! process exits (after the last test of a test binary, or a `serve` stopped while the
//! database is away); they then take a freed lock and the process dies with SIGSEGV
//! (diesel-rs/diesel#3441, sfackler/r2d2#137). Initialising OpenSSL ourselves with
//! `OPENSSL_INIT_NO_ATEXIT` before libpq does leaves that cleanup to the operating
//! system, which frees everything at exit anyway.

use std::sync::Once;

/// `OPENSSL_INIT_NO_ATEXIT` of OpenSSL's `crypto.h` (1.1.1b and later).
const OPENSSL_INIT_NO_ATEXIT: u64 = 0x0008_0000;

#[link(name = "crypto")]
extern "C" {
    fn OPENSSL_init_crypto(opts: u64, settings: *const std::ffi::c_void) -> std::ffi::c_int;
}

/// Call before the first PostgreSQL connection of the process (later calls do nothing).
pub fn before_first_connection() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        // SAFETY: a documented OpenSSL entry point taking an option mask and a null
        // settings pointer; it is thread-safe and may be called more than once.
        let ok = unsafe { OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, std::ptr::null()) };
        if ok != 1 {
            tracing::warn!("OpenSSL could not be initialised ahead of libpq; exit may not be clean");
        }
    });
}
