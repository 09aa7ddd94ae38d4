//! Rebuilds when embedded files change: migrations, templates, message catalogs
//! and static files are compiled into the binary.

fn main() {
    for dir in ["migrations", "templates"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
