//! Horizontal bars: one labelled row per item (e.g. the districts with most voices).

use std::fmt::Write;

use crate::domain::Locale;

use super::svg::{self, format_number, text_width, Px};
use super::ChartText;

/// Narrow, so that labels stay at least 12 px high when the chart fills a 320 px phone's column.
const WIDTH: u32 = 300;
const FONT: u32 = 13;
const EMPTY_HEIGHT: u32 = 40;
/// Label line, bar and gap: labels sit above their bars so that long names fit on a 360 px phone.
const ROW: f64 = 37.0;
const BAR_HEIGHT: f64 = 12.0;
const LEFT: f64 = 1.0;
/// Room above the first label for the marks Bangla letters carry above the line.
const TOP: f64 = 3.0;

/// Horizontal bar chart, rows in the order given (label above bar, value after it), all on one scale.
/// The first `max_rows` rows are drawn; any further rows are summed into one final row labelled `rest_label`.
pub fn horizontal_bars(
    rows: &[(String, u64)],
    max_rows: usize,
    rest_label: &str,
    text: &ChartText,
    locale: Locale,
) -> String {
    if rows.is_empty() {
        return svg::empty("chart-bars", WIDTH, EMPTY_HEIGHT, FONT, text);
    }
    let shown = rows.len().min(max_rows);
    let mut drawn: Vec<(&str, u64, bool)> = rows[..shown].iter().map(|(l, v)| (l.as_str(), *v, false)).collect();
    if rows.len() > shown {
        let rest = rows[shown..].iter().fold(0u64, |sum, (_, v)| sum.saturating_add(*v));
        drawn.push((rest_label, rest, true));
    }

    let font = f64::from(FONT);
    let values: Vec<String> = drawn.iter().map(|(_, v, _)| format_number(*v, locale)).collect();
    let value_width = values.iter().map(|v| text_width(v, font)).fold(0.0, f64::max);
    let span = f64::from(WIDTH) - LEFT - value_width - 6.0;
    let max = drawn.iter().map(|(_, v, _)| *v).max().unwrap_or(0);
    // A non-zero value keeps at least a sliver of bar, so it never looks like zero.
    let length = |v: u64| if v == 0 { 0.0 } else { (span * v as f64 / max as f64).max(1.0) };

    let height = (TOP + ROW * drawn.len() as f64).ceil() as u32;
    let mut out = svg::open("chart-bars", WIDTH, height, FONT, text);
    let mut bars = [String::new(), String::new()];
    for (i, ((label, value, rest), shown_value)) in drawn.iter().zip(&values).enumerate() {
        let top = TOP + ROW * i as f64;
        svg::text(&mut out, "chart-label", LEFT, top + font, "start", label);
        // Below the label, clear of the marks Bangla letters carry under the line.
        let bar_top = top + font + 5.0;
        let w = length(*value);
        if w > 0.0 {
            let d = &mut bars[usize::from(*rest)];
            let _ = write!(d, "M{} {}h{}v{}h-{}z", Px(LEFT), Px(bar_top), Px(w), Px(BAR_HEIGHT), Px(w));
        }
        let baseline = bar_top + BAR_HEIGHT / 2.0 + font / 3.0;
        svg::text(&mut out, "chart-label chart-value", LEFT + w + 4.0, baseline, "start", shown_value);
    }
    for (d, class) in bars.iter().zip(["chart-bar", "chart-bar chart-rest"]) {
        if !d.is_empty() {
            let _ = write!(out, r#"<path class="{class}" d="{d}"/>"#);
        }
    }
    svg::close(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::{assert_valid_chart, texts};

    const TEXT: ChartText<'static> =
        ChartText { id: "districts", title: "Districts", desc: "Dhaka has the most voices", empty: "No data" };

    fn rows(items: &[(&str, u64)]) -> Vec<(String, u64)> {
        items.iter().map(|(l, v)| (l.to_string(), *v)).collect()
    }

    #[test]
    fn horizontal_bars_keep_the_order_given() {
        let svg =
            horizontal_bars(&rows(&[("Sylhet", 3), ("Dhaka", 40), ("Khulna", 12)]), 5, "Other", &TEXT, Locale::En);
        let doc = assert_valid_chart(&svg);
        assert_eq!(texts(&doc), ["Sylhet", "3", "Dhaka", "40", "Khulna", "12"]);
    }

    #[test]
    fn horizontal_bars_sum_rows_beyond_the_cap_into_the_rest_row() {
        let items = rows(&[("Dhaka", 40), ("Khulna", 12), ("Sylhet", 3), ("Bogura", 2), ("Feni", 1)]);
        let svg = horizontal_bars(&items, 2, "Other districts", &TEXT, Locale::En);
        let doc = assert_valid_chart(&svg);
        assert_eq!(texts(&doc), ["Dhaka", "40", "Khulna", "12", "Other districts", "6"]);
        assert!(svg.contains(r#"class="chart-bar chart-rest""#));
    }

    #[test]
    fn horizontal_bars_add_no_rest_row_when_everything_fits() {
        let items = rows(&[("Dhaka", 40), ("Khulna", 12)]);
        let svg = horizontal_bars(&items, 2, "Other", &TEXT, Locale::En);
        assert_eq!(texts(&assert_valid_chart(&svg)), ["Dhaka", "40", "Khulna", "12"]);
        assert!(!svg.contains("chart-rest"));
    }

    #[test]
    fn horizontal_bars_draw_the_largest_row_full_width_and_the_others_to_scale() {
        let svg = horizontal_bars(&rows(&[("A", 10), ("B", 5)]), 5, "Other", &TEXT, Locale::En);
        let doc = assert_valid_chart(&svg);
        let d = doc.descendants().find(|n| n.attribute("class") == Some("chart-bar")).unwrap().attribute("d").unwrap();
        let widths: Vec<f64> =
            d.split('h').skip(1).step_by(2).map(|w| w.split('v').next().unwrap().parse().unwrap()).collect();
        assert_eq!(widths.len(), 2);
        assert!((widths[0] - 2.0 * widths[1]).abs() < 0.2, "{widths:?}");
        assert!(1.0 + widths[0] <= f64::from(WIDTH), "{widths:?}");
    }

    #[test]
    fn horizontal_bars_keep_a_visible_sliver_for_tiny_non_zero_values() {
        let svg = horizontal_bars(&rows(&[("A", 1_000_000), ("B", 1)]), 5, "Other", &TEXT, Locale::En);
        let doc = assert_valid_chart(&svg);
        let d = doc.descendants().find(|n| n.attribute("class") == Some("chart-bar")).unwrap().attribute("d").unwrap();
        assert!(d.ends_with("h1v12h-1z"), "{d}");
    }

    #[test]
    fn horizontal_bars_write_bangla_digits_for_bangla_pages() {
        let svg = horizontal_bars(&rows(&[("ঢাকা", 123_456), ("খুলনা", 0)]), 5, "অন্যান্য", &TEXT, Locale::Bn);
        assert_eq!(texts(&assert_valid_chart(&svg)), ["ঢাকা", "১,২৩,৪৫৬", "খুলনা", "০"]);
    }

    #[test]
    fn horizontal_bars_of_all_zeros_draw_no_bars() {
        let svg = horizontal_bars(&rows(&[("A", 0), ("B", 0)]), 5, "Other", &TEXT, Locale::En);
        assert_valid_chart(&svg);
        assert!(!svg.contains("<path") && !svg.contains("NaN"));
    }

    #[test]
    fn horizontal_bars_without_rows_show_the_empty_text() {
        let svg = horizontal_bars(&[], 5, "Other", &ChartText { empty: "কোনো তথ্য নেই", ..TEXT }, Locale::Bn);
        assert_eq!(texts(&assert_valid_chart(&svg)), ["কোনো তথ্য নেই"]);
    }

    #[test]
    fn horizontal_bars_escape_hostile_labels() {
        let items = rows(&[("<script>alert(1)</script>", 2), (r#"Cox's "Bazar" & co"#, 1)]);
        let svg = horizontal_bars(&items, 1, "<b>rest</b>", &TEXT, Locale::En);
        let doc = assert_valid_chart(&svg);
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert_eq!(texts(&doc), ["<script>alert(1)</script>", "2", "<b>rest</b>", "1"]);
    }
}
