use super::*;

fn category(text: &str) -> PainCategory {
    Classifier::builtin().classify(text).category
}

#[test]
fn bribes_and_brokers_are_unofficial_payment_in_every_script() {
    for text in [
        "দালালকে ৩০০০ টাকা না দিলে ফাইল নড়ে না",
        "The clerk would not sign until I paid him 2000 taka extra",
        "ghush na dile kaj hoy na, 1500 tk nise",
        "অফিসের স্টাফ speed money চাইছে",
    ] {
        assert_eq!(category(text), PainCategory::UnofficialPayment, "{text}");
    }
}

#[test]
fn rude_staff_is_staff_conduct() {
    for text in [
        "কাউন্টারের লোক খুব খারাপ ব্যবহার করলেন, ধমক দিয়ে বের করে দিলেন",
        "The officer shouted at my old mother and insulted her in front of everyone",
    ] {
        assert_eq!(category(text), PainCategory::StaffConduct, "{text}");
    }
}

#[test]
fn a_failing_website_is_digital_access() {
    assert_eq!(category("সার্ভার ডাউন, তিন দিন ধরে অনলাইনে আবেদন জমা হচ্ছে না"), PainCategory::DigitalAccess);
    assert_eq!(category("website e dhukte parchi na, OTP ashe na"), PainCategory::DigitalAccess);
}

#[test]
fn spam_and_texts_without_words_are_other_without_reasons() {
    let c = Classifier::builtin().classify("😀😀😀 !!!");
    assert_eq!((c.category, c.deciding.len()), (PainCategory::Other, 0));
    assert_eq!(category("Earn 50000 taka per month from home, click the link now"), PainCategory::Other);
}

#[test]
fn the_deciding_words_are_words_of_the_text() {
    let text = "দালাল ছাড়া পাসপোর্ট অফিসে কোনো কাজ হয় না, ৫০০০ টাকা দিতে হয়েছে";
    let c = Classifier::builtin().classify(text);
    assert_eq!(c.category, PainCategory::UnofficialPayment);
    assert!(!c.deciding.is_empty() && c.deciding.len() <= DECIDING_WORDS);
    let norm = crate::themes::normalise::normalise(text);
    assert!(c.deciding.iter().all(|w| norm.split(' ').any(|x| x == w)), "{:?}", c.deciding);
    assert!(c.deciding.iter().any(|w| w.starts_with("দালাল")), "{:?}", c.deciding);
    assert!(c.confidence > 0.3 && c.confidence <= 1.0);
}

#[test]
fn a_designers_keyword_moves_a_text_without_retraining() {
    let text = "zorbo zorbo zorbo";
    let plain = Classifier::builtin().probabilities(text);
    let mut lexicon = Lexicon::builtin();
    lexicon.extend_with("staff-conduct,zorbo").expect("valid lexicon line");
    let with = Classifier::with_lexicon(lexicon).probabilities(text);
    let i = PainCategory::StaffConduct as usize;
    assert!(with[i] > plain[i], "{} <= {}", with[i], plain[i]);
}

#[test]
fn votes_give_one_vote_to_the_category() {
    let v = Classifier::builtin().votes("the broker took 3000 taka bribe");
    assert_eq!(v.get(PainCategory::UnofficialPayment), 1);
    assert_eq!(PainCategory::ALL.iter().map(|c| v.get(*c)).sum::<u32>(), 1);
}

#[test]
fn a_short_complaint_that_names_its_service_is_not_taken_for_off_topic() {
    assert_eq!(category("জন্ম নিবন্ধনের জন্য পাঁচবার ইউনিয়ন পরিষদে যেতে হয়েছে"), PainCategory::Visits);
}

#[test]
fn a_themes_deciding_words_are_the_words_its_texts_share_towards_the_category() {
    let texts = [
        "দালাল ছাড়া পাসপোর্ট অফিসে কোনো কাজ হয় না",
        "দালালকে ৩০০০ টাকা না দিলে ফাইল নড়ে না",
        "The broker at the gate asked for a bribe",
        "dalal ke 2000 taka ghush dite hoise",
    ];
    let words = Classifier::builtin().deciding_for(&texts, PainCategory::UnofficialPayment, 4);
    assert!(!words.is_empty() && words.len() <= 4, "{words:?}");
    assert!(words.iter().any(|w| w.starts_with("দালাল") || w == "dalal" || w == "bribe"), "{words:?}");
    assert!(words.iter().all(|w| !w.chars().all(|c| c.is_ascii_digit())), "{words:?}");
    assert!(Classifier::builtin().deciding_for(&texts, PainCategory::Other, 4).is_empty());
}
