//! Weekly trend: one bar per week over a labelled value axis.

use std::fmt::Write;

use crate::domain::Locale;

use super::svg::{self, format_number, text_width, Px};
use super::{nice_ticks, ChartText};

/// Narrow, so that labels stay at least 12 px high when the chart fills a 320 px phone's column.
const WIDTH: u32 = 300;
const HEIGHT: u32 = 170;
const FONT: u32 = 13;
const EMPTY_HEIGHT: u32 = 40;
const TOP: f64 = 8.0;
const RIGHT: f64 = 4.0;
/// Room under the plot for the week labels.
const BOTTOM: f64 = 24.0;
/// Space kept between two week labels.
const LABEL_GAP: f64 = 10.0;
/// A lone bar should still look like a bar, not a wall.
const MAX_BAR_WIDTH: f64 = 24.0;

/// Weekly trend: one bar per week, a y axis with 2–4 gridlines at round numbers (see [`nice_ticks`])
/// and x labels every few weeks, always including the latest. Labels are the caller's (`২৪ নভে`, `24 Nov`).
pub fn weekly_trend(points: &[(String, u64)], text: &ChartText, locale: Locale) -> String {
    if points.is_empty() {
        return svg::empty("chart-trend", WIDTH, EMPTY_HEIGHT, FONT, text);
    }
    let font = f64::from(FONT);
    let max = points.iter().map(|(_, v)| *v).max().unwrap_or(0);
    let ticks = nice_ticks(max);
    let top_tick = *ticks.last().unwrap_or(&1) as f64;
    let tick_labels: Vec<String> = ticks.iter().map(|t| format_number(*t, locale)).collect();
    let axis_width = tick_labels.iter().map(|l| text_width(l, font)).fold(0.0, f64::max);

    let (x0, x1) = (axis_width + 6.0, f64::from(WIDTH) - RIGHT);
    let (y0, y1) = (TOP, f64::from(HEIGHT) - BOTTOM);
    let y = |v: f64| y1 - (y1 - y0) * v / top_tick;
    let band = (x1 - x0) / points.len() as f64;
    let bar = (band * 0.7).min(MAX_BAR_WIDTH);
    let centre = |i: usize| x0 + band * (i as f64 + 0.5);

    let mut out = svg::open("chart-trend", WIDTH, HEIGHT, FONT, text);
    out.push_str(r#"<path class="chart-grid" d=""#);
    for t in &ticks[1..] {
        let _ = write!(out, "M{} {}H{}", Px(x0), Px(y(*t as f64)), Px(x1));
    }
    out.push_str(r#""/>"#);
    for (t, label) in ticks.iter().zip(&tick_labels) {
        svg::text(&mut out, "chart-label", x0 - 4.0, y(*t as f64) + font / 3.0, "end", label);
    }

    out.push_str(r#"<path class="chart-bar" d=""#);
    for (i, (_, v)) in points.iter().enumerate().filter(|(_, (_, v))| *v > 0) {
        // A non-zero week keeps at least a sliver of bar, so it never looks like zero.
        let top = y(*v as f64).min(y1 - 1.0);
        let _ = write!(out, "M{} {}h{}V{}h-{}z", Px(centre(i) - bar / 2.0), Px(top), Px(bar), Px(y1), Px(bar));
    }
    out.push_str(r#""/>"#);
    let _ = write!(out, r#"<path class="chart-axis" d="M{} {}H{}"/>"#, Px(x0), Px(y1), Px(x1));

    // Label every `every`-th week counting back from the latest, so that labels never overlap.
    let widest = points.iter().map(|(l, _)| text_width(l, font)).fold(0.0, f64::max);
    let fit = ((x1 - x0) / (widest + LABEL_GAP)).floor().max(1.0) as usize;
    let every = points.len().div_ceil(fit);
    let last = points.len() - 1;
    for (i, (label, _)) in points.iter().enumerate().filter(|(i, _)| (last - i) % every == 0) {
        let half = text_width(label, font) / 2.0;
        // Keep the label inside the chart; one wider than the chart is centred (and cut at both ends).
        let x = if 2.0 * half < f64::from(WIDTH) {
            centre(i).clamp(half, f64::from(WIDTH) - half)
        } else {
            f64::from(WIDTH) / 2.0
        };
        svg::text(&mut out, "chart-label", x, y1 + 16.0, "middle", label);
    }
    svg::close(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::{assert_valid_chart, texts};

    const TEXT: ChartText<'static> = ChartText {
        id: "trend",
        title: "Voices per week",
        desc: "Highest: 42 in the week of 24 Nov",
        empty: "No data",
    };

    fn weeks(values: &[u64]) -> Vec<(String, u64)> {
        values.iter().enumerate().map(|(i, v)| (format!("W{}", i + 1), *v)).collect()
    }

    #[test]
    fn weekly_trend_labels_the_axis_with_nice_ticks_in_english_digits() {
        let svg = weekly_trend(&weeks(&[3, 42, 17]), &TEXT, Locale::En);
        let doc = assert_valid_chart(&svg);
        let labels = texts(&doc);
        assert_eq!(&labels[..4], ["0", "20", "40", "60"]);
        assert_eq!(&labels[4..], ["W1", "W2", "W3"]);
    }

    #[test]
    fn weekly_trend_writes_bangla_digits_for_bangla_pages() {
        let points = vec![("২৪ নভে".to_owned(), 1200), ("১ ডিসে".to_owned(), 1500)];
        let svg = weekly_trend(&points, &TEXT, Locale::Bn);
        let doc = assert_valid_chart(&svg);
        let labels = texts(&doc);
        assert_eq!(&labels[..4], ["০", "৫০০", "১,০০০", "১,৫০০"]);
        assert!(!labels.iter().any(|l| l.chars().any(|c| c.is_ascii_digit())), "{labels:?}");
        assert!(labels.contains(&"২৪ নভে".to_owned()));
    }

    #[test]
    fn weekly_trend_draws_one_bar_per_non_zero_week() {
        let svg = weekly_trend(&weeks(&[3, 0, 17, 5]), &TEXT, Locale::En);
        let doc = assert_valid_chart(&svg);
        let bars = doc.descendants().find(|n| n.attribute("class") == Some("chart-bar")).unwrap();
        assert_eq!(bars.attribute("d").unwrap().matches('M').count(), 3);
    }

    #[test]
    fn weekly_trend_of_52_weeks_stays_small_and_labels_the_latest_week() {
        let points: Vec<(String, u64)> =
            (0..52).map(|i| (format!("{} Nov", (i % 28) + 1), (i * 7919 % 1000) as u64)).collect();
        let svg = weekly_trend(&points, &TEXT, Locale::En);
        let doc = assert_valid_chart(&svg);
        assert!(svg.len() < 5_000, "{} bytes", svg.len());
        let labels = texts(&doc);
        assert_eq!(labels.last().map(String::as_str), Some(points[51].0.as_str()));
        let week_labels = labels.iter().filter(|l| l.ends_with("Nov")).count();
        assert!((3..=8).contains(&week_labels), "{labels:?}");
    }

    #[test]
    fn weekly_trend_of_52_bangla_weeks_stays_well_under_8_kb() {
        let points: Vec<(String, u64)> = (0..52).map(|i| ("২৪ নভে".to_owned(), 100_000 + i * 37)).collect();
        let svg = weekly_trend(&points, &TEXT, Locale::Bn);
        assert_valid_chart(&svg);
        assert!(svg.len() < 6_000, "{} bytes", svg.len());
    }

    #[test]
    fn weekly_trend_survives_labels_wider_than_the_chart_and_the_largest_values() {
        let points = vec![("y".to_owned(), 0), ("x".repeat(200), u64::MAX)];
        let svg = weekly_trend(&points, &TEXT, Locale::Bn);
        let doc = assert_valid_chart(&svg);
        assert_eq!(texts(&doc).last(), Some(&"x".repeat(200)));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn weekly_trend_of_all_zeros_draws_an_axis_and_no_bars() {
        let svg = weekly_trend(&weeks(&[0, 0, 0]), &TEXT, Locale::En);
        let doc = assert_valid_chart(&svg);
        assert_eq!(&texts(&doc)[..3], ["0", "1", "2"]);
        assert!(svg.contains(r#"class="chart-bar" d="""#));
        assert!(!svg.contains("NaN"));
    }

    #[test]
    fn weekly_trend_without_points_shows_the_empty_text() {
        let svg = weekly_trend(&[], &TEXT, Locale::En);
        let doc = assert_valid_chart(&svg);
        assert_eq!(texts(&doc), ["No data"]);
    }

    #[test]
    fn weekly_trend_escapes_hostile_week_labels() {
        for hostile in ["<script>alert('x')</script>", r#"&"'"#, "]]><x/>"] {
            let svg = weekly_trend(&[(hostile.to_owned(), 1)], &TEXT, Locale::En);
            let doc = assert_valid_chart(&svg);
            assert!(!svg.contains("<script") && !svg.contains("<x/>"));
            assert_eq!(texts(&doc).last().map(String::as_str), Some(hostile));
        }
    }
}
