//! Words citizens type for what the charter names otherwise: "birth certificate" for birth
//! registration, "license" for licence, "NID" for the national identity card. A search word
//! also matches its alternatives here (each is searched for as part of a name, like the word).

/// Most alternatives a search word has (itself, its skeleton, its synonyms).
pub const MOST: usize = 6;

/// Everything a search word (a [`crate::domain::text::search_key`] word) matches as part of a
/// service's search text: itself, its consonant skeleton when it is romanised, and its synonyms.
pub fn search_alternatives(word: &str) -> Vec<String> {
    let mut out = vec![word.to_owned()];
    let more =
        crate::domain::text::romanised_term(word).into_iter().chain(alternatives(word).iter().map(|s| (*s).to_owned()));
    for alternative in more {
        if !out.contains(&alternative) {
            out.push(alternative);
        }
    }
    out.truncate(MOST);
    out
}

/// Other words that mean what `word` (lower case) means in a service's name.
pub fn alternatives(word: &str) -> &'static [&'static str] {
    match word {
        "certificate" | "cert" => &["registration", "সনদ"],
        "license" | "licens" => &["licence", "লাইসেন্স"],
        "licence" => &["license", "লাইসেন্স"],
        "nid" | "id" | "idcard" => &["identity", "পরিচয়"],
        "electricity" | "electric" | "power" | "bijli" | "current" => &["electricity", "বিদ্যুৎ"],
        "land" | "jomi" | "zomi" => &["khatian", "mutation", "ভূমি"],
        "rail" | "railway" => &["train", "ট্রেন"],
        "hospital" | "doctor" => &["patient", "হাসপাতাল"],
        "bhata" | "vata" | "allowence" => &["allowance", "ভাতা"],
        "driver" | "driving" => &["driving", "ড্রাইভিং"],
        "tax" | "kor" => &["tax", "কর"],
        "gas" => &["gas", "গ্যাস"],
        "water" | "pani" => &["water", "পানি"],
        "pension" | "pension's" => &["pension", "পেনশন"],
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::alternatives;

    #[test]
    fn a_word_matches_itself_its_skeleton_and_its_synonyms() {
        assert_eq!(super::search_alternatives("jonmo"), ["jonmo", "~jnm"]);
        assert_eq!(super::search_alternatives("certificate")[..1], ["certificate".to_owned()]);
        assert!(super::search_alternatives("certificate").contains(&"registration".to_owned()));
        assert!(super::search_alternatives("land").len() <= super::MOST);
    }

    #[test]
    fn common_words_lead_to_the_charters_words() {
        assert!(alternatives("certificate").contains(&"registration"));
        assert!(alternatives("license").contains(&"licence"));
        assert!(alternatives("nid").contains(&"identity"));
        assert!(alternatives("passport").is_empty());
    }
}
