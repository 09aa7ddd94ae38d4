//! The 64 districts (zila) of Bangladesh, kept as data in `districts.csv`.

use std::sync::LazyLock;

use super::text::search_key;
use super::Locale;

/// One district with its names.
#[derive(Debug, PartialEq, Eq)]
pub struct DistrictInfo {
    /// Stable lower-case slug stored with feedback (`dhaka`, `coxs-bazar`).
    pub code: String,
    /// Official English name.
    pub name_en: String,
    /// Bangla name.
    pub name_bn: String,
    /// Division, in English.
    pub division_en: String,
    /// Division, in Bangla.
    pub division_bn: String,
}

static DISTRICTS: LazyLock<Vec<DistrictInfo>> = LazyLock::new(|| {
    let mut reader = csv::Reader::from_reader(include_str!("districts.csv").as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.expect("districts.csv is well-formed");
            DistrictInfo {
                code: r[0].to_owned(),
                name_en: r[1].to_owned(),
                name_bn: r[2].to_owned(),
                division_en: r[3].to_owned(),
                division_bn: r[4].to_owned(),
            }
        })
        .collect()
});

/// A valid district.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct District(&'static DistrictInfo);

impl District {
    /// Every district, in the order of the data file (by division, then name).
    pub fn all() -> impl Iterator<Item = District> {
        DISTRICTS.iter().map(District)
    }

    /// Reads a district code, or its English (any case) or Bangla name.
    pub fn parse(input: &str) -> Option<District> {
        if let Some(exact) = District::from_code(input.trim()) {
            return Some(exact);
        }
        let key = search_key(input);
        if key.is_empty() {
            return None;
        }
        DISTRICTS
            .iter()
            .find(|d| d.code == key || search_key(&d.name_en) == key || search_key(&d.name_bn) == key)
            .map(District)
    }

    /// The district with exactly this code (`dhaka`), as stored and as the API takes it.
    pub fn from_code(code: &str) -> Option<District> {
        DISTRICTS.iter().find(|d| d.code == code).map(District)
    }

    /// The stored code.
    pub fn code(self) -> &'static str {
        &self.0.code
    }

    /// The name in `locale`.
    pub fn name(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Bn => &self.0.name_bn,
            Locale::En => &self.0.name_en,
        }
    }

    /// The division's name in `locale`.
    pub fn division(self, locale: Locale) -> &'static str {
        match locale {
            Locale::Bn => &self.0.division_bn,
            Locale::En => &self.0.division_en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_64_districts_in_8_divisions() {
        assert_eq!(District::all().count(), 64);
        let mut divisions: Vec<_> = District::all().map(|d| d.division(Locale::En)).collect();
        divisions.dedup();
        assert_eq!(divisions.len(), 8);
    }

    #[test]
    fn districts_parse_by_code_and_by_either_name() {
        let dhaka = District::parse("dhaka").expect("dhaka");
        assert_eq!(District::parse("Dhaka"), Some(dhaka));
        assert_eq!(District::parse("ঢাকা"), Some(dhaka));
        assert_eq!(dhaka.name(Locale::Bn), "ঢাকা");
    }

    #[test]
    fn unknown_districts_are_refused() {
        assert_eq!(District::parse("atlantis"), None);
        assert_eq!(District::parse(""), None);
    }
}
