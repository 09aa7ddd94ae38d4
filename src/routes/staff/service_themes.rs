//! The themes part of the staff service page: voices by pain category (a bar chart),
//! then each listed theme with its size, cohesion, category and the words that decided
//! it, its representative quotes, and whether its label is still automatic.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::charts::{horizontal_bars, ChartText};
use crate::domain::Locale;
use crate::grouping::ThemeInsight;
use crate::i18n;
use crate::themes::{CohesionBand, PainCategory};
use crate::workspace::service_stats::ServiceStats;

/// Longest quote shown (characters).
const QUOTE_CHARS: usize = 280;

/// Voices of the service's themes per pain category, most first (categories without voices
/// left out). Feedback not yet grouped has no category stored, so it is not counted.
pub fn voices_by_category(stats: &ServiceStats) -> Vec<(PainCategory, i64)> {
    let mut sums: HashMap<PainCategory, i64> = HashMap::new();
    for t in &stats.themes {
        let category = PainCategory::parse(&t.category).unwrap_or(PainCategory::Other);
        *sums.entry(category).or_default() += t.count.voices;
    }
    let mut rows: Vec<(PainCategory, i64)> =
        PainCategory::ALL.iter().filter_map(|c| Some((*c, *sums.get(c)?))).filter(|(_, v)| *v > 0).collect();
    // Stable: equal voices keep the categories' own order.
    rows.sort_by_key(|(_, voices)| std::cmp::Reverse(*voices));
    rows
}

/// The voices-by-category bar chart (an accessible SVG: title and description).
pub fn category_chart(stats: &ServiceStats, locale: Locale) -> String {
    let msg = |id: &str| i18n::message(locale, id, &[]);
    let rows: Vec<(String, u64)> = voices_by_category(stats)
        .into_iter()
        .map(|(c, v)| (msg(&format!("category-{}", c.as_str())), v.max(0) as u64))
        .collect();
    let total: u64 = rows.iter().map(|(_, v)| v).sum();
    let desc = match rows.first() {
        Some((top, voices)) => i18n::message(
            locale,
            "staff-page-categories-desc",
            &[("top", top.clone()), ("voices", voices.to_string()), ("total", total.to_string())],
        ),
        None => msg("chart-empty"),
    };
    let (title, rest, empty) =
        (msg("staff-page-categories-title"), msg("staff-page-categories-rest"), msg("chart-empty"));
    let text = ChartText { id: "categories", title: &title, desc: &desc, empty: &empty };
    horizontal_bars(&rows, PainCategory::ALL.len(), &rest, &text, locale)
}

/// `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let at = cut.rfind(char::is_whitespace).filter(|i| *i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

/// The cohesion as the page shows it: a whole percentage and the message id of its plain words.
fn cohesion(value: Option<f32>) -> Value {
    match value {
        Some(c) => json!({
            "percent": (c * 100.0).round() as i64,
            "band_id": format!("staff-theme-cohesion-{}", CohesionBand::of(c).as_str()),
        }),
        None => Value::Null,
    }
}

/// The theme cards, in the order of `stats.themes` (most voices first), at most `listed`.
pub fn theme_cards(
    stats: &ServiceStats,
    insights: &HashMap<i64, ThemeInsight>,
    service_code: &str,
    listed: usize,
    locale: Locale,
) -> Vec<Value> {
    stats
        .themes
        .iter()
        .take(listed)
        .map(|t| {
            let insight = insights.get(&t.id).cloned().unwrap_or_default();
            let quotes: Vec<String> = insight.quotes.iter().map(|(_, text)| shorten(text, QUOTE_CHARS)).collect();
            json!({
                "id": t.id, "label": locale.pick(&t.label_bn, &t.label_en), "automatic": !t.label_by_designer,
                "category_id": format!("category-{}", t.category), "confirmed": t.confirmed, "published": t.published,
                "feedback": t.count.feedback, "voices": t.count.voices,
                "cohesion": cohesion(insight.cohesion),
                "category_by_designer": insight.category_by_designer,
                "deciding": insight.deciding.join(", "),
                "url": format!("/staff/themes/{}", t.id), "quotes": quotes,
                "list_url": format!("/staff/services/{service_code}?theme={}", t.id),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::service_stats::{Tally, ThemeCount};

    fn theme(id: i64, category: &str, voices: i64) -> ThemeCount {
        ThemeCount {
            id,
            label_bn: format!("থিম {id}"),
            label_en: format!("Theme {id}"),
            category: category.into(),
            confirmed: false,
            published: false,
            label_by_designer: false,
            count: Tally { feedback: voices, voices },
        }
    }

    fn stats(themes: Vec<ThemeCount>) -> ServiceStats {
        ServiceStats {
            total: Tally::default(),
            kinds: Vec::new(),
            themes,
            unthemed: Tally { feedback: 4, voices: 4 },
            tcv: Vec::new(),
            weekly: Vec::new(),
            districts: Vec::new(),
            channels: Vec::new(),
        }
    }

    #[test]
    fn voices_add_up_per_category_of_each_theme_most_first() {
        let s = stats(vec![
            theme(1, "time", 3),
            theme(2, "unofficial-payment", 5),
            theme(3, "time", 4),
            theme(4, "cost", 0),
        ]);
        assert_eq!(
            voices_by_category(&s),
            vec![(PainCategory::Time, 7), (PainCategory::UnofficialPayment, 5)],
            "not yet grouped feedback and empty categories are left out"
        );
    }

    #[test]
    fn the_category_chart_is_titled_and_described() {
        let s = stats(vec![theme(1, "unofficial-payment", 5), theme(2, "time", 2)]);
        let svg = category_chart(&s, Locale::En);
        assert!(svg.contains("<title") && svg.contains("Voices by pain category"), "{svg}");
        assert!(svg.contains("Unofficial payment") && svg.contains("<desc"), "{svg}");
        let bn = category_chart(&s, Locale::Bn);
        assert!(bn.contains("অনানুষ্ঠানিক টাকা") && bn.contains("৫"), "{bn}");
    }

    #[test]
    fn a_theme_card_shows_cohesion_in_plain_words_and_marks_an_automatic_label() {
        let s = stats(vec![theme(7, "time", 3)]);
        let insight =
            ThemeInsight {
                cohesion: Some(0.9), deciding: vec!["দেরি".into(), "delay".into()], ..Default::default()
            };
        let cards = theme_cards(&s, &HashMap::from([(7, insight)]), "DIP-001", 30, Locale::En);
        assert_eq!(cards[0]["automatic"], true);
        assert_eq!(cards[0]["cohesion"]["percent"], 90);
        assert_eq!(cards[0]["cohesion"]["band_id"], "staff-theme-cohesion-very-alike");
        assert_eq!(cards[0]["deciding"], "দেরি, delay");
        let none = theme_cards(&s, &HashMap::new(), "DIP-001", 30, Locale::En);
        assert!(none[0]["cohesion"].is_null());
    }

    #[test]
    fn a_long_quote_is_cut_at_a_word_with_an_ellipsis() {
        assert_eq!(shorten("one two three", 20), "one two three");
        assert_eq!(shorten("one two three four", 12), "one two…");
    }
}
