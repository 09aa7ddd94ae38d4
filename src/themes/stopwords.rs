//! Function words of Bangla, English and romanised Bangla. They carry little of a
//! complaint's meaning, so their shingles get a low weight and they never label a theme.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use super::hash::{hash_word, FastHasher};
use super::normalise::normalise_into;

type WordSet = HashSet<u64, BuildHasherDefault<FastHasher>>;

const BANGLA: &str = "আমি আমার আমাকে আমরা আমাদের আমাদেরকে তুমি তোমার আপনি আপনার আপনারা আপনাদের সে তার তাকে \
    তিনি তাঁর তারা তাদের তাদেরকে এই ওই সেই এটা ওটা সেটা এটি এখানে সেখানে এবং ও আর কিন্তু তবে যে যা যদি তাহলে \
    তাই না নাই নেই হয় হয়ে হয়েছে হচ্ছে হবে হলো হল হলে করে করা করতে করেছে করেছি করি করেন করছে কি কী \
    কেন কোন কোনো জন্য জন্যে থেকে দিয়ে নিয়ে পর পরে আগে মধ্যে সাথে সঙ্গে এক একটা একটি অনেক খুব আছে \
    ছিল ছিলো গেছে গেল যায় যাচ্ছে শুধু টা টি গুলো গুলি কে এ সব সবাই আবার এমন এত এতো কিছু কোনও বা বলে যেন";

const ENGLISH: &str = "i me my we our us you your he she it its they them their the a an and or but if then so \
    to of in on at for from by with about as is are was were be been being am do does did done have has had not \
    no this that these those there here what which who when where why how very just also can could would should \
    will may might please sir madam any some all get got even still again";

const ROMANISED: &str = "ami amar amake amra amader apni apnar apnara tumi tomar tar take tara tader ei oi sei \
    eta ota ar kintu tobe je ja jodi tahole tai nai nei hoy hoi hoye hoyeche hocche hobe holo hole kore kora korte \
    koreche korechi kori koren korche ki keno kon kono jonno theke diye niye pore age moddhe sathe shathe ek ekta \
    onek khub ache achhe chilo chhilo gese geche gelo jay jai shudhu sudhu ta ti gulo ke sob abar emon eto kichu ba \
    na e er r ra der te o";

fn table() -> &'static WordSet {
    static TABLE: OnceLock<WordSet> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut chars = Vec::new();
        let mut set = WordSet::default();
        for list in [BANGLA, ENGLISH, ROMANISED] {
            normalise_into(list, &mut chars);
            set.extend(chars.split(|&c| c == ' ').map(hash_word));
        }
        set
    })
}

/// Whether a normalised word (as characters) is a function word.
pub fn is_stopword_chars(word: &[char]) -> bool {
    table().contains(&hash_word(word))
}

/// Whether a normalised word is a function word.
pub fn is_stopword(word: &str) -> bool {
    is_stopword_chars(&word.chars().collect::<Vec<_>>())
}

/// Whether the Latin-script words of a text (normalised, function words included) read as
/// romanised Bangla rather than English: more of them are romanised function words
/// (`ami`, `na`, `kore`) than English ones (`the`, `to`, `is`).
pub fn leans_romanised<'a>(words: impl IntoIterator<Item = &'a str>) -> bool {
    static LISTS: OnceLock<(HashSet<&'static str>, HashSet<&'static str>)> = OnceLock::new();
    let (english, romanised) =
        LISTS.get_or_init(|| (ENGLISH.split_whitespace().collect(), ROMANISED.split_whitespace().collect()));
    let (mut en, mut rn) = (0usize, 0usize);
    for w in words {
        en += usize::from(english.contains(w));
        rn += usize::from(romanised.contains(w));
    }
    rn > en
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::normalise::normalise;

    #[test]
    fn function_words_of_all_three_writings_are_known() {
        assert!(is_stopword(&normalise("হয়েছে")));
        assert!(is_stopword("the"));
        assert!(is_stopword("amar"));
        assert!(!is_stopword(&normalise("দালাল")));
        assert!(!is_stopword("passport"));
    }

    #[test]
    fn romanised_bangla_is_told_from_english_by_its_function_words() {
        assert!(leans_romanised("ami 3 bar gesi kintu kaj hoy nai".split(' ')));
        assert!(!leans_romanised("i went there three times and nothing happened".split(' ')));
        assert!(!leans_romanised("passport delay".split(' ')), "no function words: not romanised");
    }
}
