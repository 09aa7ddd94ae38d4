//! Every message rendered in both languages with hostile sample data: HTML stays
//! escaped, subjects stay on one line, nothing is left untranslated.

use serde_json::{json, Value};

use super::*;
use crate::templates;

const HOSTILE: &str = "<script>alert('x')</script>\r\nBcc: victim@example.org";

fn samples() -> Vec<(&'static str, Value)> {
    let site = json!("https://nagorik.example");
    vec![
        (
            "ack",
            json!({"tracking_code": "7KX4M2QHTD", "service_name": HOSTILE, "site_url": site, "unsubscribe_url": null,
                   "service_url": "https://nagorik.example/services/X"}),
        ),
        (
            "update",
            json!({"move_id": 1, "from_status_id": "email-status-identified", "to_status_id": "email-status-designing",
                   "problem": HOSTILE, "note": HOSTILE, "service_name": HOSTILE, "site_url": site,
                   "service_url": "https://nagorik.example/services/X",
                   "unsubscribe_url": "https://nagorik.example/unsubscribe/abc-def"}),
        ),
        (
            "digest",
            json!({"since": "2026-11-29", "total": 3, "site_url": site, "unsubscribe_url": null,
                   "services": [{"name": HOSTILE, "count": 3}], "themes": [{"service": HOSTILE, "label": HOSTILE}]}),
        ),
        (
            "reminder",
            json!({"quarter": "2026-27 Q2", "site_url": site, "unsubscribe_url": null,
                   "items": [{"service": HOSTILE, "status_id": "email-status-building", "last_review": null},
                             {"service": "B", "status_id": "email-status-approved", "last_review": "2026-05-01"}]}),
        ),
    ]
}

#[test]
fn every_message_renders_in_both_languages_with_hostile_data_escaped() {
    let t = templates::build().expect("templates build");
    for (kind, data) in samples() {
        for locale in Locale::ALL {
            let m = EmailMessage::render(&t, kind, locale, &data).unwrap_or_else(|e| panic!("{kind}: {e:#}"));
            assert!(!m.html.contains("<script>"), "{kind} html: {}", m.html);
            assert!(!m.subject.contains(['\r', '\n']), "{kind} subject: {}", m.subject);
            assert!(!m.subject.is_empty() && !m.text.is_empty());
            assert!(!m.text.contains("email-") && !m.html.contains("email-status"), "{kind}: untranslated id");
            if kind != "reminder" {
                assert!(m.html.contains("&lt;script&gt;"), "{kind} html keeps the text, escaped");
            }
        }
    }
}

#[test]
fn plain_text_shows_what_was_written_as_it_is() {
    let t = templates::build().unwrap();
    let (_, data) = samples().into_iter().find(|(k, _)| *k == "update").unwrap();
    let m = EmailMessage::render(&t, "update", Locale::En, &data).unwrap();
    assert!(m.text.contains("<script>alert('x')</script>"), "{}", m.text);
    assert!(m.text.contains("being designed") && m.text.contains("/unsubscribe/abc-def"));
    assert!(m.subject.starts_with("You said, we did: <script>"), "{}", m.subject);
    assert!(m.subject.contains("</script> Bcc: victim"), "line break became a space: {}", m.subject);
}

#[test]
fn the_acknowledgement_is_in_the_citizens_language_with_the_code_and_link() {
    let t = templates::build().unwrap();
    let (_, data) = samples().into_iter().next().unwrap();
    let bn = EmailMessage::render(&t, "ack", Locale::Bn, &data).unwrap();
    assert!(bn.subject.contains("পেয়েছি") && bn.subject.contains("7KX4M-2QHTD"), "in two groups: {}", bn.subject);
    assert!(bn.text.contains("7KX4M-2QHTD\n") && bn.html.contains(">7KX4M-2QHTD</strong>"));
    assert!(bn.text.contains("https://nagorik.example/track/7KX4M2QHTD"), "the link keeps the stored form");
    let en = EmailMessage::render(&t, "ack", Locale::En, &data).unwrap();
    assert!(en.text.contains("What happens next"), "{}", en.text);
}

#[test]
fn a_missing_value_is_an_error_not_an_empty_space() {
    let t = templates::build().unwrap();
    assert!(EmailMessage::render(&t, "ack", Locale::En, &json!({"site_url": "x"})).is_err());
}

#[test]
fn subjects_lose_every_line_break_and_control_character() {
    assert_eq!(one_line("a\r\nBcc: b\tc\u{0}d  e"), "a Bcc: b c d e");
}

#[test]
fn addresses_are_masked_for_admin_pages() {
    assert_eq!(mask_address("rahim@example.org"), "ra•••@example.org");
    assert_eq!(mask_address("nonsense"), "•••");
}

#[tokio::test]
async fn the_wire_message_has_one_subject_line_and_the_one_click_headers() {
    let settings = crate::config::MailSettings { stub: true, ..Default::default() };
    let mailer = Mailer::from_settings(&settings).unwrap();
    let message = EmailMessage { subject: "x\r\nBcc: victim@example.org".into(), text: "t".into(), html: "h".into() };
    let email = OutgoingEmail {
        to: "rahim@example.org".into(),
        message,
        message_id: "<nagorik.1.1@localhost>".into(),
        unsubscribe_url: Some("https://n.example/unsubscribe/abc".into()),
    };
    mailer.send(&email).await.unwrap();
    let raw = mailer.sent()[0].raw.clone();
    assert!(!raw.lines().any(|l| l.starts_with("Bcc:")), "{raw}");
    assert!(raw.contains("List-Unsubscribe: <https://n.example/unsubscribe/abc>"), "{raw}");
    assert!(raw.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), "{raw}");
    let bad = OutgoingEmail { to: "a@b.example\r\nBcc: c@d.example".into(), ..email };
    assert!(matches!(mailer.send(&bad).await, Err(SendError::Permanent(_))));
}

#[tokio::test]
async fn smtp_urls_with_starttls_implicit_tls_or_none_build_a_mailer_and_a_bad_one_is_reported() {
    for url in ["smtp://127.0.0.1:2525", "smtp://u:p@mail.example:587?tls=required", "smtps://u:p%40x@mail.example"] {
        let settings = crate::config::MailSettings { smtp_url: url.into(), ..Default::default() };
        assert!(matches!(Mailer::from_settings(&settings), Ok(Mailer::Smtp(..))), "{url}");
    }
    let settings = crate::config::MailSettings { smtp_url: "ftp://u:secret@x".into(), ..Default::default() };
    let err = Mailer::from_settings(&settings).err().expect("refused").to_string();
    assert!(err.contains("NAGORIK_SMTP_URL") && !err.contains("secret"), "{err}");
}
