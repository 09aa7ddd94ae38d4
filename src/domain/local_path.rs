//! Where a redirect back into the site may go: a path of this site, never another host.

use percent_encoding::{utf8_percent_encode, CONTROLS};

/// A path-absolute reference (`/services?q=x`) that every browser resolves on this site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalPath(String);

/// Why a `next` value cannot be followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LocalPathError {
    /// It holds control characters, which browsers strip before parsing (400).
    #[error("control characters in a path")]
    Control,
    /// It is not a path of this site (a scheme, an authority, a relative path).
    #[error("not a path of this site")]
    NotLocal,
}

impl LocalPath {
    /// Accepts `/…` unless a browser would read an authority in it. Browsers treat `\` as `/`
    /// and drop tabs and line breaks, so `/\x` and `/\t/x` mean `//x`: another host. Control
    /// characters are refused outright; non-ASCII is percent-encoded so the header stays ASCII.
    pub fn parse(next: &str) -> Result<Self, LocalPathError> {
        if next.chars().any(char::is_control) {
            return Err(LocalPathError::Control);
        }
        let mut chars = next.chars();
        match (chars.next(), chars.next()) {
            (Some('/'), Some('/' | '\\')) => Err(LocalPathError::NotLocal),
            (Some('/'), _) => Ok(Self(utf8_percent_encode(next, CONTROLS).to_string())),
            _ => Err(LocalPathError::NotLocal),
        }
    }

    /// The path, ready for a `Location` header.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::{LocalPath, LocalPathError};

    #[test]
    fn a_path_of_this_site_is_kept() {
        for ok in ["/", "/services?q=x", "/services/LGD-1#form", "/.//x", "/a//b", "/http://x"] {
            assert_eq!(LocalPath::parse(ok).unwrap().as_str(), ok);
        }
    }

    #[test]
    fn anything_a_browser_reads_as_another_host_is_refused() {
        for bad in ["//evil.example", "/\\evil.example", "\\\\evil", "https://evil.example", "http:evil", "evil", ""] {
            assert_eq!(LocalPath::parse(bad), Err(LocalPathError::NotLocal), "{bad:?}");
        }
        assert_eq!(LocalPath::parse(" //evil"), Err(LocalPathError::NotLocal));
    }

    #[test]
    fn control_characters_are_refused_as_such() {
        for bad in ["/\t/evil.example", "/\n/evil", "/x\r\nSet-Cookie: a=b", "\u{0}/", "/\u{7f}", "/\u{85}"] {
            assert_eq!(LocalPath::parse(bad), Err(LocalPathError::Control), "{bad:?}");
        }
    }

    #[test]
    fn non_ascii_is_percent_encoded() {
        assert_eq!(LocalPath::parse("/সেবা").unwrap().as_str(), "/%E0%A6%B8%E0%A7%87%E0%A6%AC%E0%A6%BE");
    }
}
