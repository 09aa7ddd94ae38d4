//! SVG building blocks shared by the charts: escaping, numbers in the page's language, the frame.

use std::fmt::{self, Write};

use crate::domain::digits::to_bangla_digits;
use crate::domain::Locale;

use super::ChartText;

/// Escapes text for SVG content and attribute values, and drops characters XML 1.0 forbids.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            // A stray control character would make the whole chart unparsable XML.
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Keeps an id prefix usable in `id` and `aria-labelledby`: ASCII letters, digits, `-` and `_` only.
pub fn sanitize_id(id: &str) -> String {
    let cleaned: String = id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' }).collect();
    // An id must not start with a digit or be empty to be a valid selector.
    match cleaned.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => cleaned,
        _ => format!("chart-{cleaned}"),
    }
}

/// Writes a whole number with digit grouping in the page's language: `12,345` (en), `১২,৩৪৫` (bn, lakh style).
pub fn format_number(n: u64, locale: Locale) -> String {
    let digits = n.to_string();
    let grouped = match locale {
        Locale::En => group(&digits, 3),
        // Bangla groups the last three digits, then every two (১২,৩৪,৫৬৭).
        Locale::Bn => group(&digits, 2),
    };
    match locale {
        Locale::Bn => to_bangla_digits(&grouped),
        Locale::En => grouped,
    }
}

/// Puts commas into ASCII digits: the last three first, then every `step`.
fn group(digits: &str, step: usize) -> String {
    if digits.len() <= 3 {
        return digits.to_owned();
    }
    let (head, last3) = digits.split_at(digits.len() - 3);
    let mut parts: Vec<&str> = Vec::new();
    let mut end = head.len();
    while end > 0 {
        let start = end.saturating_sub(step);
        parts.push(&head[start..end]);
        end = start;
    }
    parts.reverse();
    parts.push(last3);
    parts.join(",")
}

/// A rough width of text in user units, erring wide so labels do not collide.
pub fn text_width(s: &str, font_size: f64) -> f64 {
    s.chars().count() as f64 * font_size * 0.62
}

/// A coordinate written with at most one decimal, to keep the markup short.
#[derive(Debug, Clone, Copy)]
pub struct Px(pub f64);

impl fmt::Display for Px {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tenths = (self.0 * 10.0).round() as i64;
        let (whole, frac) = (tenths / 10, (tenths % 10).abs());
        let sign = if tenths < 0 && whole == 0 { "-" } else { "" };
        if frac == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{frac}")
        }
    }
}

/// Opens an `<svg>` of the given kind (a CSS class) and size, with its accessible title and description.
pub fn open(kind: &str, width: u32, height: u32, font_size: u32, text: &ChartText) -> String {
    let id = sanitize_id(text.id);
    let mut out = String::with_capacity(2048);
    let described = if text.desc.is_empty() { String::new() } else { format!(r#" aria-describedby="{id}-desc""#) };
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" viewBox="0 0 {width} {height}" width="100%" role="img" aria-labelledby="{id}-title"{described} font-size="{font_size}"><title id="{id}-title">{}</title>"#,
        escape(text.title)
    );
    if !text.desc.is_empty() {
        let _ = write!(out, r#"<desc id="{id}-desc">{}</desc>"#, escape(text.desc));
    }
    out
}

/// Closes what [`open`] started.
pub fn close(mut out: String) -> String {
    out.push_str("</svg>");
    out
}

/// Writes one `<text>`; `anchor` is `start`, `middle` or `end`, and `text` is escaped here.
pub fn text(out: &mut String, class: &str, x: f64, y: f64, anchor: &str, text: &str) {
    let anchor = if anchor == "start" { String::new() } else { format!(r#" text-anchor="{anchor}""#) };
    let _ = write!(out, r#"<text class="{class}" x="{}" y="{}"{anchor}>{}</text>"#, Px(x), Px(y), escape(text));
}

/// A small chart that only says the caller's "no data" text.
pub fn empty(kind: &str, width: u32, height: u32, font_size: u32, chart: &ChartText) -> String {
    let mut out = open(kind, width, height, font_size, chart);
    let baseline = f64::from(height) / 2.0 + f64::from(font_size) / 3.0;
    text(&mut out, "chart-label chart-empty", f64::from(width) / 2.0, baseline, "middle", chart.empty);
    close(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
    }

    #[test]
    fn escape_drops_control_characters_that_break_xml() {
        assert_eq!(escape("a\u{0}b\u{1b}c\u{FFFF}"), "abc");
    }

    #[test]
    fn escape_keeps_bangla_text_as_is() {
        assert_eq!(escape("চট্টগ্রাম"), "চট্টগ্রাম");
    }

    #[test]
    fn sanitize_id_replaces_characters_that_would_split_an_id_list() {
        assert_eq!(sanitize_id("trend 1\"><x"), "trend-1---x");
        assert_eq!(sanitize_id("7days"), "chart-7days");
        assert_eq!(sanitize_id(""), "chart-");
    }

    #[test]
    fn format_number_groups_english_in_thousands() {
        assert_eq!(format_number(0, Locale::En), "0");
        assert_eq!(format_number(999, Locale::En), "999");
        assert_eq!(format_number(1234, Locale::En), "1,234");
        assert_eq!(format_number(1234567, Locale::En), "1,234,567");
    }

    #[test]
    fn format_number_writes_bangla_digits_in_lakh_groups() {
        assert_eq!(format_number(7, Locale::Bn), "৭");
        assert_eq!(format_number(12345, Locale::Bn), "১২,৩৪৫");
        assert_eq!(format_number(1234567, Locale::Bn), "১২,৩৪,৫৬৭");
    }

    #[test]
    fn px_writes_at_most_one_decimal() {
        assert_eq!(Px(3.0).to_string(), "3");
        assert_eq!(Px(2.66).to_string(), "2.7");
        assert_eq!(Px(-0.46).to_string(), "-0.5");
        assert_eq!(Px(-2.5).to_string(), "-2.5");
        assert_eq!(Px(0.04).to_string(), "0");
    }
}
