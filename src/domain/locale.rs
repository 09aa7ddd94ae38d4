//! The two languages of every citizen page and email.

use serde::{Deserialize, Serialize};

/// A page or message language. Bangla is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    /// বাংলা
    #[default]
    Bn,
    /// English
    En,
}

impl Locale {
    /// Both languages, default first.
    pub const ALL: [Locale; 2] = [Locale::Bn, Locale::En];

    /// The BCP 47 code (`bn`, `en`).
    pub fn code(self) -> &'static str {
        match self {
            Locale::Bn => "bn",
            Locale::En => "en",
        }
    }

    /// The other language (for the switch link).
    pub fn other(self) -> Locale {
        match self {
            Locale::Bn => Locale::En,
            Locale::En => Locale::Bn,
        }
    }

    /// Of a Bangla and an English text, the one in this language.
    pub fn pick<'a>(self, bn: &'a str, en: &'a str) -> &'a str {
        match self {
            Locale::Bn => bn,
            Locale::En => en,
        }
    }

    /// Reads `bn` or `en` (also `bn-BD`, `en-GB`, any case).
    pub fn parse(s: &str) -> Option<Locale> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "bn" => Some(Locale::Bn),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The first supported language of an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut ranked: Vec<(f32, usize, Locale)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut pieces = part.split(';');
                let locale = Locale::parse(pieces.next()?)?;
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, i, locale))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.first().map(|r| r.2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_best_supported_language() {
        assert_eq!(Locale::from_accept_language("en-US,en;q=0.9"), Some(Locale::En));
        assert_eq!(Locale::from_accept_language("fr, bn-BD;q=0.8, en;q=0.5"), Some(Locale::Bn));
        assert_eq!(Locale::from_accept_language("en;q=0.2, bn;q=0.9"), Some(Locale::Bn));
        assert_eq!(Locale::from_accept_language("fr, de"), None);
        assert_eq!(Locale::from_accept_language("en;q=0"), None);
    }
}
