//! Message catalogs (Project Fluent, `templates/locales/<lang>/*.ftl`),
//! compiled into the binary.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

use crate::domain::digits::to_bangla_digits;
use crate::domain::Locale;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./templates/locales",
        fallback_language: "bn",
        // Bidi isolation marks would show up as stray characters in plain text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn language(locale: Locale) -> LanguageIdentifier {
    locale.code().parse().expect("bn and en are valid language identifiers")
}

/// Formats a number-like argument for `locale` (Bangla digits on Bangla pages), signed ones
/// such as a score difference (`+15.0`) included.
/// Values with letters in them (codes, references) are left as they are.
pub fn localise_digits(locale: Locale, value: &str) -> String {
    let numeric = value.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '+' | '-' | ' ' | '/' | ':'));
    match locale {
        Locale::Bn if numeric => to_bangla_digits(value),
        _ => value.to_owned(),
    }
}

/// The message `id` in `locale` with `args`, or `None` when the catalog lacks it.
pub fn try_message(locale: Locale, id: &str, args: &[(&str, String)]) -> Option<String> {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(k, v)| {
            // English plurals need numbers; Bangla shows its own digits and has no plural forms here.
            let value = match (locale, v.parse::<i64>()) {
                (Locale::En, Ok(n)) => FluentValue::from(n),
                _ => FluentValue::from(localise_digits(locale, v)),
            };
            (Cow::Owned((*k).to_owned()), value)
        })
        .collect();
    LOCALES.try_lookup_complete(&language(locale), id, Some(&args))
}

/// The message `id` in `locale`; a missing message shows its id (and is caught by tests).
pub fn message(locale: Locale, id: &str, args: &[(&str, String)]) -> String {
    try_message(locale, id, args).unwrap_or_else(|| {
        tracing::error!(id, lang = locale.code(), "missing message");
        id.to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn ids(lang: &str) -> BTreeSet<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/locales").join(lang);
        let mut ids = BTreeSet::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                if let Some((id, _)) = line.split_once(" =") {
                    if !id.starts_with([' ', '#', '.']) && !id.is_empty() {
                        assert!(ids.insert(id.trim().to_owned()), "{lang}: {id} defined twice");
                    }
                }
            }
        }
        ids
    }

    #[test]
    fn both_catalogs_define_the_same_messages() {
        let bn = ids("bn");
        let en = ids("en");
        assert!(bn.len() > 50);
        let only_bn: Vec<_> = bn.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&bn).collect();
        assert!(only_bn.is_empty() && only_en.is_empty(), "only bn: {only_bn:?}; only en: {only_en:?}");
    }

    #[test]
    fn arguments_get_bangla_digits_on_bangla_pages() {
        let bn = message(Locale::Bn, "error-text-too-long", &[("max", "4000".into()), ("length", "4001".into())]);
        assert!(bn.contains("৪০০০"), "{bn}");
        let en = message(Locale::En, "error-text-too-long", &[("max", "4000".into()), ("length", "4001".into())]);
        assert!(en.contains("4000"), "{en}");
    }

    #[test]
    fn signed_numbers_get_bangla_digits_and_codes_stay_as_they_are() {
        assert_eq!(localise_digits(Locale::Bn, "+15.0"), "+১৫.০");
        assert_eq!(localise_digits(Locale::Bn, "-2.5"), "-২.৫");
        assert_eq!(localise_digits(Locale::En, "+15.0"), "+15.0");
        assert_eq!(localise_digits(Locale::Bn, "ORGBDR-001"), "ORGBDR-001");
    }
}
