//! A tiny trend line for a table row: no axes, the latest value marked.

use std::fmt::Write;

use crate::domain::Locale;

use super::svg::{self, Px};
use super::ChartText;

const WIDTH: u32 = 100;
const HEIGHT: u32 = 24;
const FONT: u32 = 12;
/// Room around the line so the end dot and the stroke are not clipped.
const PAD: f64 = 3.0;

/// Tiny inline sparkline (e.g. 13 weekly voice counts) for a dashboard table row: ~100×24, no axes,
/// last point marked. The locale is accepted for symmetry with the other charts: no digits are drawn.
pub fn sparkline(values: &[u64], text: &ChartText, locale: Locale) -> String {
    let _ = locale;
    if values.is_empty() {
        return svg::empty("chart-spark", WIDTH, HEIGHT, FONT, text);
    }
    let max = values.iter().copied().max().unwrap_or(0);
    let (w, h) = (f64::from(WIDTH) - 2.0 * PAD, f64::from(HEIGHT) - 2.0 * PAD);
    let x = |i: usize| match values.len() {
        1 => f64::from(WIDTH) / 2.0,
        n => PAD + w * i as f64 / (n - 1) as f64,
    };
    // All zeros (max = 0) lie on the baseline instead of dividing by zero.
    let y = |v: u64| if max == 0 { PAD + h } else { PAD + h * (1.0 - v as f64 / max as f64) };

    let mut out = svg::open("chart-spark", WIDTH, HEIGHT, FONT, text);
    if values.len() > 1 {
        out.push_str(r#"<polyline class="chart-line" fill="none" points=""#);
        for (i, v) in values.iter().enumerate() {
            let sep = if i == 0 { "" } else { " " };
            let _ = write!(out, "{sep}{},{}", Px(x(i)), Px(y(*v)));
        }
        out.push_str(r#""/>"#);
    }
    let last = values.len() - 1;
    let _ = write!(out, r#"<circle class="chart-dot" cx="{}" cy="{}" r="2.5"/>"#, Px(x(last)), Px(y(values[last])));
    svg::close(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::testing::{assert_valid_chart, texts};

    const TEXT: ChartText<'static> =
        ChartText { id: "spark-1", title: "Voices, 13 weeks", desc: "Highest 9, last week 4", empty: "No data" };

    #[test]
    fn sparkline_draws_one_point_per_value_and_marks_the_last() {
        let svg = sparkline(&[1, 5, 9, 4], &TEXT, Locale::En);
        let doc = assert_valid_chart(&svg);
        let line = doc.descendants().find(|n| n.has_tag_name("polyline")).unwrap();
        let points: Vec<&str> = line.attribute("points").unwrap().split(' ').collect();
        assert_eq!(points, ["3,19", "34.3,11", "65.7,3", "97,13"]);
        let dot = doc.descendants().find(|n| n.has_tag_name("circle")).unwrap();
        assert_eq!((dot.attribute("cx"), dot.attribute("cy")), (Some("97"), Some("13")));
    }

    #[test]
    fn sparkline_of_all_zeros_lies_on_the_baseline() {
        let svg = sparkline(&[0; 13], &TEXT, Locale::Bn);
        let doc = assert_valid_chart(&svg);
        let line = doc.descendants().find(|n| n.has_tag_name("polyline")).unwrap();
        assert!(line.attribute("points").unwrap().split(' ').all(|p| p.ends_with(",21")));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn sparkline_of_one_value_is_a_single_dot() {
        let svg = sparkline(&[3], &TEXT, Locale::En);
        let doc = assert_valid_chart(&svg);
        assert!(!svg.contains("polyline"));
        assert_eq!(doc.descendants().filter(|n| n.has_tag_name("circle")).count(), 1);
    }

    #[test]
    fn sparkline_without_values_shows_the_empty_text() {
        let svg = sparkline(&[], &ChartText { empty: "এখনো কিছু নেই", ..TEXT }, Locale::Bn);
        let doc = assert_valid_chart(&svg);
        assert_eq!(texts(&doc), ["এখনো কিছু নেই"]);
    }

    #[test]
    fn sparkline_escapes_its_title_and_description() {
        let text = ChartText { title: "<script>alert(1)</script>", desc: r#"&"'"#, ..TEXT };
        let svg = sparkline(&[1, 2], &text, Locale::En);
        let doc = assert_valid_chart(&svg);
        assert!(!svg.contains("<script>"));
        let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(title.text(), Some("<script>alert(1)</script>"));
        let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap();
        assert_eq!(desc.text(), Some(r#"&"'"#));
    }
}
