//! Finds personal data that citizens type into free text (phone numbers, NID
//! numbers, email addresses) so it can be masked wherever others could read it.

const EMAIL_MASK: &str = "[email]";
const NUMBER_MASK: &str = "[number]";
/// Digit runs this long or longer are treated as phone or NID numbers (dates and amounts are shorter).
const MIN_DIGITS: usize = 10;

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('০'..='৯').contains(&c)
}

fn mask_emails(text: &str) -> String {
    text.split_inclusive(char::is_whitespace)
        .map(|word| {
            let trimmed = word.trim_end();
            let core =
                trimmed.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | ';' | ':' | '<' | '>' | '"' | '\''));
            let looks_like_email = core
                .split_once('@')
                .is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.') && !domain.ends_with('.'));
            if looks_like_email {
                word.replacen(core, EMAIL_MASK, 1)
            } else {
                word.to_owned()
            }
        })
        .collect()
}

/// Replaces email addresses and long digit runs (Bangla or ASCII digits, with
/// spaces, dashes or a leading `+` between them) by a marker.
pub fn mask(text: &str) -> String {
    let text = mask_emails(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if is_digit(chars[i]) || (chars[i] == '+' && chars.get(i + 1).copied().is_some_and(is_digit)) {
            // Extend over digits and single separators between digits.
            let start = i;
            let mut end = i;
            let mut digits = 0;
            let mut j = i;
            while j < chars.len() {
                let c = chars[j];
                if is_digit(c) {
                    digits += 1;
                    end = j + 1;
                } else if !(matches!(c, ' ' | '-' | '.' | '+' | '(' | ')')
                    && chars.get(j + 1).copied().is_some_and(|n| is_digit(n) || n == ' '))
                {
                    break;
                }
                j += 1;
            }
            if digits >= MIN_DIGITS {
                out.push_str(NUMBER_MASK);
            } else {
                out.extend(&chars[start..end]);
            }
            i = end.max(start + 1);
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Whether `text` holds anything [`mask`] would hide.
pub fn contains_personal_data(text: &str) -> bool {
    mask(text) != text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_masked_in_any_digits_and_spacing() {
        assert_eq!(mask("call 01711-000000 now"), "call [number] now");
        assert_eq!(mask("ফোন ০১৭১১ ০০০০০০ দিন"), "ফোন [number] দিন");
        assert_eq!(mask("+8801711000000"), "[number]");
    }

    #[test]
    fn nid_numbers_are_masked() {
        assert_eq!(mask("NID 1990123456789 lost"), "NID [number] lost");
    }

    #[test]
    fn emails_are_masked() {
        assert_eq!(mask("write to rahim@example.com, please"), "write to [email], please");
    }

    #[test]
    fn dates_amounts_and_days_are_kept() {
        let text = "On 30-11-2026 I paid ১,৫০০ taka after 45 days and 3 visits";
        assert_eq!(mask(text), text);
        assert!(!contains_personal_data(text));
    }
}
