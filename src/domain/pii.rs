//! Finds personal data that citizens type into free text (phone numbers, NID
//! numbers, email addresses) so it can be masked wherever others could read it.
//!
//! Detection reads a folded view of the text: compatibility forms are folded (NFKC:
//! full-width `＠` and digits, mathematical digits), every script's decimal digits count
//! as digits (Bangla, Arabic-Indic, Devanagari, …), and zero-width characters are
//! skipped. Digit groups joined by short runs of separators (spaces of every width,
//! dashes, dots, slashes, commas, underscores, brackets, `+`) form one number; a number
//! of 10 digits or more is a phone or NID number (dates and amounts are shorter). The
//! masked text keeps everything else exactly as typed.

use unicode_normalization::UnicodeNormalization;

const EMAIL_MASK: &str = "[email]";
const NUMBER_MASK: &str = "[number]";
/// Digit runs this long or longer are treated as phone or NID numbers (dates and amounts are shorter).
const MIN_DIGITS: usize = 10;
/// Most separator characters between two digit groups of one number (`0171 - 1000000`).
const MAX_GAP: usize = 3;
/// A number whose separators include `/` or `,` needs a group this long to be a contact
/// (`30/11/2026, 05/12/2026` and `1,500, 2,000, 3,000` are dates and amounts).
const CONTACT_GROUP: usize = 5;

/// The first code point of each run of ten decimal digits that NFKC leaves as they are.
const DIGIT_ZEROS: [u32; 20] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6, 0x0E50,
    0x0ED0, 0x0F20, 0x1040, 0x17E0, 0x1810, 0x1946,
];

/// Characters that are invisible in text and never separate what they sit in.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// The value of a decimal digit of any script.
fn digit_value(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    let code = c as u32;
    DIGIT_ZEROS.iter().find(|&&zero| (zero..zero + 10).contains(&code)).map(|zero| code - zero)
}

/// What may stand between the digit groups of one number.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '-' | '.' | '/' | ',' | '_' | '(' | ')' | '+' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '·')
}

/// One character of the folded view, with the byte range it came from.
#[derive(Debug, Clone, Copy)]
struct Folded {
    c: char,
    start: usize,
    end: usize,
}

/// The folded view of `text` (see the module documentation).
fn fold(text: &str) -> Vec<Folded> {
    let mut view = Vec::with_capacity(text.len());
    for (start, original) in text.char_indices() {
        if is_invisible(original) {
            continue;
        }
        let end = start + original.len_utf8();
        // ASCII and the Bengali block are their own single-character NFKC form (the three
        // letters that decompose give two characters, which are kept as typed anyway): most
        // text skips the normaliser.
        let c = if original.is_ascii() || ('\u{0980}'..='\u{09FF}').contains(&original) {
            original
        } else {
            let mut folded = std::iter::once(original).nfkc();
            match (folded.next(), folded.next()) {
                (Some(one), None) => one,
                _ => original,
            }
        };
        let c = digit_value(c).and_then(|d| char::from_digit(d, 10)).unwrap_or(c);
        view.push(Folded { c, start, end });
    }
    view
}

fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-'
}

/// Spans (indices into the view) of email addresses.
fn email_spans(view: &[Folded]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    for at in (0..view.len()).filter(|&i| view[i].c == '@') {
        let mut start = at;
        while start > 0 && is_local_char(view[start - 1].c) {
            start -= 1;
        }
        while start < at && matches!(view[start].c, '.' | '-' | '+') {
            start += 1;
        }
        if start == at {
            continue;
        }
        // Labels of the domain, each followed by one dot. The address ends with the last label
        // (second or later) that starts with two letters or more, at the end of those letters
        // when digits are stuck to them (`a@b.com01711…`): a top-level domain is letters.
        let (mut found, mut labels) = (None, 0);
        let mut i = at + 1;
        loop {
            let label_start = i;
            while i < view.len() && is_domain_char(view[i].c) {
                i += 1;
            }
            if i == label_start {
                break;
            }
            labels += 1;
            let letters = view[label_start..i].iter().take_while(|f| f.c.is_ascii_alphabetic()).count();
            if labels >= 2 && letters >= 2 {
                found = Some(if letters < i - label_start { label_start + letters } else { i });
            }
            if i + 1 < view.len() && view[i].c == '.' && is_domain_char(view[i + 1].c) {
                i += 1;
            } else {
                break;
            }
        }
        if let Some(end) = found {
            spans.push((start, end));
        }
    }
    spans
}

/// Spans (indices into the view) of numbers long enough to be phone or NID numbers.
fn number_spans(view: &[Folded]) -> Vec<(usize, usize)> {
    let is_digit = |i: usize| view[i].c.is_ascii_digit();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < view.len() {
        if !is_digit(i) {
            i += 1;
            continue;
        }
        let start = if i > 0 && view[i - 1].c == '+' { i - 1 } else { i };
        let (mut digits, mut group, mut longest, mut loose) = (0, 0, 0, false);
        let mut end = i;
        let mut j = i;
        while j < view.len() {
            if is_digit(j) {
                digits += 1;
                group += 1;
                longest = longest.max(group);
                end = j + 1;
                j += 1;
                continue;
            }
            let gap_start = j;
            while j < view.len() && j - gap_start < MAX_GAP && is_separator(view[j].c) {
                j += 1;
            }
            if j == gap_start || j >= view.len() || !is_digit(j) {
                break;
            }
            loose |= view[gap_start..j].iter().any(|f| matches!(f.c, '/' | ','));
            group = 0;
        }
        if digits >= MIN_DIGITS && !(loose && longest < CONTACT_GROUP) {
            spans.push((start, end));
        }
        i = end.max(i + 1);
    }
    spans
}

/// `text` with the spans `find` reports in its folded view replaced by `marker`.
fn replace(text: &str, find: fn(&[Folded]) -> Vec<(usize, usize)>, marker: &str) -> String {
    let view = fold(text);
    let spans = find(&view);
    if spans.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e) in spans {
        let (from, to) = (view[s].start, view[e - 1].end);
        if from < at {
            continue;
        }
        out.push_str(&text[at..from]);
        out.push_str(marker);
        at = to;
    }
    out.push_str(&text[at..]);
    out
}

/// Replaces email addresses and phone or NID numbers, however they are written, by a marker.
/// Emails go first, so that digits of an address never count towards a number beside it.
pub fn mask(text: &str) -> String {
    // Addresses can overlap (`a@b.co+c@d.co`): mask until none is left.
    let mut text = text.to_owned();
    loop {
        let next = replace(&text, email_spans, EMAIL_MASK);
        if next == text {
            break;
        }
        text = next;
    }
    replace(&text, number_spans, NUMBER_MASK)
}

/// Whether `text` holds anything [`mask`] would hide.
pub fn contains_personal_data(text: &str) -> bool {
    mask(text) != text
}

#[cfg(test)]
#[path = "pii_tests.rs"]
mod tests;
