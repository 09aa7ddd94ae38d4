//! Finding a service by what people type or write in a sheet: its code, or its
//! exact Bangla or English name (case, spacing and joiners ignored).

use std::collections::HashMap;

use super::synonyms::search_alternatives;
use crate::db::services::ServiceListing;
use crate::domain::text::search_key;

/// Every service, found by code or exact name.
pub struct ServiceLookup {
    listings: Vec<ServiceListing>,
    by_key: HashMap<String, usize>,
}

impl ServiceLookup {
    /// Indexes `listings` by code and by both names. A name that two services share finds neither
    /// by name (their codes still find them).
    pub fn new(listings: Vec<ServiceListing>) -> Self {
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut shared: Vec<String> = Vec::new();
        for (i, (service, _, _)) in listings.iter().enumerate() {
            for name in [&service.name_bn, &service.name_en] {
                let key = search_key(name);
                if by_key.insert(key.clone(), i).is_some_and(|other| other != i) {
                    shared.push(key);
                }
            }
        }
        for key in shared {
            by_key.remove(&key);
        }
        // Codes win over names.
        for (i, (service, _, _)) in listings.iter().enumerate() {
            by_key.insert(search_key(&service.code), i);
        }
        Self { listings, by_key }
    }

    /// Services every word of `typed` is part of (a name, a code, or a romanised name by its
    /// consonant skeleton), as the citizens' search finds them (their stored search text, which
    /// every start brings up to date); none for nothing typed.
    pub fn matching(&self, typed: &str) -> Vec<&ServiceListing> {
        let key = search_key(typed);
        let words: Vec<&str> = key.split_whitespace().collect();
        if words.is_empty() {
            return Vec::new();
        }
        let hit = |text: &str, word: &str| search_alternatives(word).iter().any(|a| text.contains(a.as_str()));
        self.listings.iter().filter(|(s, _, _)| words.iter().all(|w| hit(&s.search_text, w))).collect()
    }

    /// The service that `typed` names, if exactly one does.
    pub fn find(&self, typed: &str) -> Option<&ServiceListing> {
        let key = search_key(typed);
        if key.is_empty() {
            return None;
        }
        self.by_key.get(&key).map(|&i| &self.listings[i])
    }

    /// Every service, in the order given.
    pub fn all(&self) -> &[ServiceListing] {
        &self.listings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_of_a_name_finds_every_service_it_is_part_of() {
        let lookup = ServiceLookup::new(vec![
            listing(1, "ORGBDR-001", "জন্ম নিবন্ধন", "Birth registration"),
            listing(2, "ORGBDR-002", "মৃত্যু নিবন্ধন", "Death registration"),
            listing(3, "DIP-001", "ই-পাসপোর্ট ইস্যু", "E-passport issue"),
        ]);
        let codes = |typed: &str| lookup.matching(typed).iter().map(|l| l.0.code.clone()).collect::<Vec<_>>();
        assert_eq!(codes("নিবন্ধন"), ["ORGBDR-001", "ORGBDR-002"]);
        assert_eq!(codes("জন্ম"), ["ORGBDR-001"]);
        assert_eq!(codes("jonmo"), ["ORGBDR-001"], "romanised");
        assert_eq!(codes("registration death"), ["ORGBDR-002"], "every word, any order");
        assert!(codes("  ").is_empty() && codes("visa").is_empty());
    }
    use crate::db::ministries::Ministry;
    use crate::db::offices::Office;
    use crate::db::services::Service;

    fn listing(id: i64, code: &str, bn: &str, en: &str) -> ServiceListing {
        let at = chrono::NaiveDateTime::default();
        let service = Service {
            id,
            office_id: 1,
            code: code.into(),
            name_bn: bn.into(),
            name_en: en.into(),
            search_text: crate::domain::text::service_search_text(bn, en, code, ""),
            delivery_mode: "manual".into(),
            steps: "[]".into(),
            documents: "[]".into(),
            fee_bdt: None,
            promised_days: None,
            responsible_officer: String::new(),
            yearly_applications: None,
            roadmap_category: None,
            created_at: at,
            updated_at: at,
            aliases: String::new(),
        };
        let office = Office {
            id: 1,
            ministry_id: 1,
            code: "O".into(),
            name_bn: "o".into(),
            name_en: "o".into(),
            created_at: at,
            updated_at: at,
        };
        let ministry = Ministry {
            id: 1,
            code: "M".into(),
            name_bn: "m".into(),
            name_en: "m".into(),
            created_at: at,
            updated_at: at,
        };
        (service, office, ministry)
    }

    #[test]
    fn services_are_found_by_code_or_exact_name_in_either_language() {
        let lookup = ServiceLookup::new(vec![
            listing(1, "ORGBDR-001", "জন্ম নিবন্ধন", "Birth registration"),
            listing(2, "DIP-001", "ই-পাসপোর্ট", "E-Passport"),
        ]);
        assert_eq!(lookup.find("orgbdr-001").unwrap().0.id, 1);
        assert_eq!(lookup.find(" birth  REGISTRATION ").unwrap().0.id, 1);
        assert_eq!(lookup.find("ই-পাসপোর্ট").unwrap().0.id, 2);
        assert!(lookup.find("Birth").is_none());
        assert!(lookup.find("").is_none());
    }

    #[test]
    fn a_name_two_services_share_finds_neither() {
        let lookup =
            ServiceLookup::new(vec![listing(1, "A-1", "সনদ", "Certificate"), listing(2, "B-1", "সনদ", "Certificate")]);
        assert!(lookup.find("Certificate").is_none());
        assert_eq!(lookup.find("B-1").unwrap().0.id, 2);
    }
}
