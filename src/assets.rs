//! Static files (CSS, icons) compiled into the binary and served under
//! content-hashed names, so browsers may cache them for a year.

use std::collections::HashMap;

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use rust_embed::RustEmbed;
use sha2::{Digest, Sha256};

#[derive(RustEmbed)]
#[folder = "templates/static/"]
struct StaticFiles;

/// One embedded file and its hashed public name.
struct Asset {
    content_type: &'static str,
    body: web::Bytes,
}

/// The embedded files, by hashed name, and the hashed name of each plain name.
pub struct Assets {
    by_hashed: HashMap<String, Asset>,
    hashed_of: HashMap<String, String>,
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("ico") => "image/x-icon",
        Some("png") => "image/png",
        Some("woff2") => "font/woff2",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

impl Assets {
    /// Hashes every embedded file. Stylesheets are hashed last, after each `/static/NAME` they
    /// name (a font) is rewritten to that file's hashed URL.
    pub fn load() -> Self {
        let mut by_hashed = HashMap::new();
        let mut hashed_of: HashMap<String, String> = HashMap::new();
        let (mut sheets, mut others): (Vec<_>, Vec<_>) = StaticFiles::iter().partition(|n| n.ends_with(".css"));
        sheets.sort();
        others.sort();
        for name in others.into_iter().chain(sheets) {
            let file = StaticFiles::get(&name).expect("listed files exist");
            let mut data = file.data.into_owned();
            if name.ends_with(".css") {
                let mut text = String::from_utf8(data).expect("stylesheets are UTF-8");
                for (plain, hashed) in &hashed_of {
                    text = text.replace(&format!("/static/{plain}"), hashed.as_str());
                }
                data = text.into_bytes();
            }
            let digest = Sha256::digest(&data);
            let hash: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
            let hashed = match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
                None => format!("{name}.{hash}"),
            };
            hashed_of.insert(name.to_string(), format!("/static/{hashed}"));
            by_hashed.insert(hashed, Asset { content_type: content_type(&name), body: web::Bytes::from(data) });
        }
        Self { by_hashed, hashed_of }
    }

    /// The stylesheet `name` with each file it names (`/static/…`, a font) inlined as a `data:`
    /// URL, for a page that must open without Nagorik (an exported file).
    pub fn inline_css(name: &str) -> String {
        use base64::Engine;
        let file = StaticFiles::get(name).map(|f| f.data.into_owned()).unwrap_or_default();
        let mut text = String::from_utf8(file).expect("stylesheets are UTF-8");
        for other in StaticFiles::iter().filter(|n| !n.ends_with(".css")) {
            let reference = format!("/static/{other}");
            if text.contains(&reference) {
                let data = StaticFiles::get(&other).expect("listed files exist").data;
                let encoded = base64::engine::general_purpose::STANDARD.encode(&data);
                text = text.replace(&reference, &format!("data:{};base64,{encoded}", content_type(&other)));
            }
        }
        text
    }

    /// The public URL of `name` (e.g. `app.css` → `/static/app.3f2a….css`).
    pub fn url(&self, name: &str) -> &str {
        self.hashed_of.get(name).map(String::as_str).unwrap_or("/static/missing")
    }
}

/// Serves `/static/{file}` with a long cache lifetime (the name changes with the content).
pub async fn serve_asset(renderer: web::Data<crate::web::Renderer>, file: web::Path<String>) -> HttpResponse {
    match renderer.assets().by_hashed.get(file.as_str()) {
        Some(asset) => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, asset.content_type))
            .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
            .body(asset.body.clone()),
        None => HttpResponse::NotFound().finish(),
    }
}
