use super::*;

fn winner(text: &str) -> PainCategory {
    Lexicon::builtin().votes(text).winner()
}

#[test]
fn the_builtin_lexicon_loads_with_keywords_for_every_category_but_other() {
    let lexicon = Lexicon::builtin();
    for c in PainCategory::ALL {
        let n = lexicon.keywords.iter().filter(|k| k.category == c).count();
        if c == PainCategory::Other {
            assert_eq!(n, 0);
        } else {
            assert!((15..=40).contains(&n), "{c}: {n}");
        }
    }
}

#[test]
fn bangla_texts_get_their_category_through_inflected_words() {
    assert_eq!(winner("দালালকে তিন হাজার টাকা না দিলে ফাইল নড়ে না"), PainCategory::UnofficialPayment);
    assert_eq!(winner("কর্মচারীরা খুব খারাপ ব্যবহার করে, ধমক দিয়ে কথা বলে"), PainCategory::StaffConduct);
    assert_eq!(winner("সার্ভার ডাউন, অনলাইনে আবেদন জমা হয় না"), PainCategory::DigitalAccess);
    assert_eq!(winner("একই কাগজের জন্য বারবার অফিসে যেতে হয়েছে, কয়েকবার ঘুরিয়েছে"), PainCategory::Visits);
    assert_eq!(winner("পাসপোর্ট পেতে ৪ মাস দেরি হলো"), PainCategory::Time);
}

#[test]
fn english_texts_get_their_category() {
    assert_eq!(winner("The officer asked for a bribe to process my file"), PainCategory::UnofficialPayment);
    assert_eq!(winner("They demanded an attested birth certificate and NID photocopy"), PainCategory::Documents);
    assert_eq!(winner("Nobody told us anything, the status page shows no update"), PainCategory::Information);
    assert_eq!(winner("Thank you"), PainCategory::Other);
}

#[test]
fn romanised_texts_get_their_category() {
    assert_eq!(winner("dalal ke taka na dile kaj hoy na, ghush chara kichu hoy na"), PainCategory::UnofficialPayment);
    assert_eq!(winner("server down, online e form submit hoy na"), PainCategory::DigitalAccess);
    assert_eq!(winner("staff ra kharap bebohar kore"), PainCategory::StaffConduct);
}

#[test]
fn short_or_english_keywords_match_whole_words_only() {
    let fee = Lexicon::builtin().votes("ফিঙ্গারপ্রিন্ট নেওয়ার পর ফিরে আসলাম feedback");
    assert_eq!(fee.get(PainCategory::Cost), 0);
    let fee = Lexicon::builtin().votes("ফি ৩০০০ টাকা, fee too high");
    assert_eq!(fee.get(PainCategory::Cost), 2);
}

#[test]
fn each_distinct_keyword_votes_once() {
    let v = Lexicon::builtin().votes("ঘুষ ঘুষ ঘুষ");
    assert_eq!(v.get(PainCategory::UnofficialPayment), 1);
}

#[test]
fn a_designer_lexicon_extends_the_builtin_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("extra.csv");
    std::fs::write(&path, "category,keyword\n# police\nunofficial-payment,পুলিশ ভেরিফিকেশন টাকা\ntime,tarikh pichhay*\n")
        .expect("write");
    let lexicon = Lexicon::extended_from(&path).expect("valid");
    assert_eq!(lexicon.len(), Lexicon::builtin().len() + 2);
    assert_eq!(lexicon.votes("tarikh pichhaye dilo").get(PainCategory::Time), 1);
}

#[test]
fn a_bad_lexicon_row_is_refused_with_its_line_number() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.csv");
    std::fs::write(&path, "category,keyword\ntime,অপেক্ষা\nbribery,ঘুষ\n").expect("write");
    let err = format!("{:#}", Lexicon::extended_from(&path).expect_err("bad category"));
    assert!(err.contains("line 3") && err.contains("bribery"), "{err}");

    std::fs::write(&path, "time,অপেক্ষা\ncost\n").expect("write");
    let err = format!("{:#}", Lexicon::extended_from(&path).expect_err("one column"));
    assert!(err.contains("line 2") && err.contains("2 columns"), "{err}");

    std::fs::write(&path, "time,অপেক্ষা\n\ncost,\"!!\"\n").expect("write");
    let err = format!("{:#}", Lexicon::extended_from(&path).expect_err("empty keyword"));
    assert!(err.contains("line 3") && err.contains("empty keyword"), "{err}");

    std::fs::write(&path, "time,\"unclosed\n").expect("write");
    let err = format!("{:#}", Lexicon::extended_from(&path).expect_err("bad quotes"));
    assert!(err.contains("line 1"), "{err}");

    assert!(Lexicon::extended_from(&dir.path().join("missing.csv")).is_err());
}
