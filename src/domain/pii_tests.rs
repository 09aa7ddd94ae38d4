use super::*;

/// Texts with personal data, each with what must remain once it is masked.
const MASKED: &[(&str, &str)] = &[
    // Bangladeshi mobile numbers, in every way people type them.
    ("call 01711-000000 now", "call [number] now"),
    ("01711000000", "[number]"),
    ("+8801711000000", "[number]"),
    ("+880 1711 000000", "[number]"),
    ("+880-1711-000000", "[number]"),
    ("00880 1711 000000", "[number]"),
    ("8801711000000", "[number]"),
    ("(+880) 1711-000000", "([number]"),
    ("০১৭১১০০০০০০", "[number]"),
    ("ফোন ০১৭১১ ০০০০০০ দিন", "ফোন [number] দিন"),
    ("+৮৮০ ১৭১১ ০০০০০০", "[number]"),
    ("০১৭১১-০০০০০০ নম্বরে", "[number] নম্বরে"),
    ("0171 100 0000", "[number]"),
    ("017 1100 0000", "[number]"),
    ("01711.000.000", "[number]"),
    ("01711/000000", "[number]"),
    ("01711,000000", "[number]"),
    ("01711_000000", "[number]"),
    ("01711\u{00A0}000000", "[number]"),
    ("01711\u{202F}000000", "[number]"),
    ("01711\u{2009}000000", "[number]"),
    ("01711\u{2014}000000", "[number]"),
    ("01711\u{2013}000000", "[number]"),
    ("01711 - 000000", "[number]"),
    ("0\u{200B}1\u{200B}7\u{200B}1\u{200B}1\u{200B}0\u{200B}0\u{200B}0\u{200B}0\u{200B}0\u{200B}0", "[number]"),
    ("01711\u{200C}000000", "[number]"),
    ("01711\u{2060}000000", "[number]"),
    ("\u{FF10}\u{FF11}\u{FF17}\u{FF11}\u{FF11}\u{FF10}\u{FF10}\u{FF10}\u{FF10}\u{FF10}\u{FF10}", "[number]"),
    ("٠١٧١١٠٠٠٠٠٠", "[number]"),
    ("۰۱۷۱۱۰۰۰۰۰۰", "[number]"),
    ("०१७११०००००", "[number]"),
    ("0 1 7 1 1 0 0 0 0 0 0", "[number]"),
    ("my number is01711000000please", "my number is[number]please"),
    ("নম্বর:01711000000।", "নম্বর:[number]।"),
    ("(01711000000)", "([number])"),
    ("01811-123456, 01911-654321", "[number]"),
    ("0171100000 0@x.co", "[number] [email]"),
    ("bikash 01711000000 e pathan", "bikash [number] e pathan"),
    ("Tel: +880 2 9555555 ext 12", "Tel: [number] ext 12"),
    // NID numbers: 10, 13 and 17 digits.
    ("NID 1990123456789 lost", "NID [number] lost"),
    ("NID 1234567890", "NID [number]"),
    ("এনআইডি ১৯৯০১২৩৪৫৬৭৮৯০১২৩", "এনআইডি [number]"),
    ("nid no: 19901234567890123.", "nid no: [number]."),
    ("1234 567 890", "[number]"),
    ("১২৩৪-৫৬৭-৮৯০", "[number]"),
    ("NID: 199 012 345 6789", "NID: [number]"),
    // Emails in every position and script.
    ("write to rahim@example.com, please", "write to [email], please"),
    ("rahim@example.com", "[email]"),
    ("email: rahim@example.com.", "email: [email]."),
    ("a@b.com.", "[email]."),
    ("(rahim@example.com)", "([email])"),
    ("<rahim@example.com>", "<[email]>"),
    ("\"rahim@example.com\"", "\"[email]\""),
    ("rahim@example.com;karim@example.org", "[email];[email]"),
    ("rahim\u{FF20}example.com", "[email]"),
    ("rahim\u{FE6B}example.com", "[email]"),
    ("ইমেইলrahim@example.com দিলাম", "ইমেইল[email] দিলাম"),
    ("ইমেইল: rahim.khan+bd@mail.gov.bd।", "ইমেইল: [email]।"),
    ("RAHIM_K@EXAMPLE.COM", "[email]"),
    ("r.k-2024@sub.example.co.uk!", "[email]!"),
    ("mail me at rahim@example.com\u{200B}", "mail me at [email]\u{200B}"),
    ("ra\u{200B}him@exam\u{200B}ple.com", "[email]"),
    (
        "\u{FF52}\u{FF41}\u{FF48}\u{FF49}\u{FF4D}\u{FF20}\u{FF45}\u{FF58}\u{FF41}\u{FF4D}\u{FF50}\u{FF4C}\u{FF45}.com",
        "[email]",
    ),
    ("rahim01711000000@gmail.com", "[email]"),
    ("mixed: rahim@example.com আর 01711000000", "mixed: [email] আর [number]"),
];

/// Texts that hold no personal data and must come back unchanged.
const KEPT: &[&str] = &[
    "On 30-11-2026 I paid ১,৫০০ taka after 45 days and 3 visits",
    "৩০/১১/২০২৬ তারিখে ১,০০,০০০ টাকা দিয়েছি",
    "10,00,00,000 taka was the budget",
    "dates 30/11/2026, 05/12/2026 and again",
    "paid 1,500, 2,000, 3,000 and 4,500",
    "tracking code 7KX4M-2QHTD",
    "৭ দিনে হওয়ার কথা, লেগেছে ৯০ দিন",
    "2023-24 fiscal year",
    "user@localhost is not an address",
    "an @ sign alone, and a trailing dot.",
    "version 1.2.3.4",
];

#[test]
fn every_format_of_phone_nid_and_email_is_masked() {
    for (text, masked) in MASKED {
        assert_eq!(mask(text), *masked, "{text:?}");
        assert!(contains_personal_data(text), "{text:?}");
    }
    assert!(MASKED.len() >= 60);
}

#[test]
fn dates_amounts_and_codes_are_kept() {
    for text in KEPT {
        assert_eq!(mask(text), *text);
        assert!(!contains_personal_data(text), "{text:?}");
    }
}

/// A deterministic stream of pseudo-random numbers (xorshift), so the property test is the
/// same on every run.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

#[test]
fn no_masked_text_still_holds_a_detectable_contact() {
    // Pieces people type: digits of several scripts, separators of every kind, letters,
    // at signs, dots, invisible characters; glued at random into 20,000 texts.
    let pieces: Vec<&str> = vec![
        "0", "1", "7", "9", "০", "১", "৭", "٣", "१", "\u{FF17}", " ", "-", ".", "/", ",", "_", "+", "(", ")",
        "\u{00A0}", "\u{2014}", "\u{200B}", "@", "\u{FF20}", "a", "Z", "com", "ক", "মা", "।", "\n", "880", "01711",
        "000000", "@x.co", "rahim", ".org",
    ];
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    for _ in 0..20_000 {
        let len = (next(&mut state) % 40) as usize;
        let text: String = (0..len).map(|_| pieces[(next(&mut state) % pieces.len() as u64) as usize]).collect();
        let once = mask(&text);
        assert_eq!(mask(&once), once, "a contact survived masking {text:?}");
    }
}

#[test]
fn the_normaliser_is_skipped_only_where_it_changes_nothing() {
    use unicode_normalization::UnicodeNormalization;
    for c in (0u32..0x80).chain(0x0980..0x0A00).filter_map(char::from_u32) {
        let folded: Vec<char> = std::iter::once(c).nfkc().collect();
        assert!(folded == [c] || folded.len() > 1, "U+{:04X} folds to one other character", c as u32);
    }
}
