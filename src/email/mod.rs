//! Email: rendering a message from its templates (`templates/email/<kind>/`), and
//! the [`Mailer`] that delivers it: SMTP in production, a folder of `.eml` files in
//! development, an in-memory stub in tests. Messages are queued in the outbox
//! (`notifications`) and sent by the worker in `jobs::outbox`.

pub mod notifications;
pub mod settings;
pub mod unsubscribe;

use std::sync::{Arc, Mutex};

use anyhow::Context;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde_json::Value;

use crate::config::MailSettings;
use crate::domain::tracking_code::TrackingCode;
use crate::domain::Locale;
use crate::templates::Templates;

/// A rendered message: subject (one line), plain text and HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailMessage {
    /// One line, whatever the data held.
    pub subject: String,
    /// `body.txt`.
    pub text: String,
    /// `body.html` (escaped).
    pub html: String,
}

/// Puts a subject on one line: control characters (CR, LF, tab …) become spaces, runs of spaces one.
pub fn one_line(text: &str) -> String {
    let spaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl EmailMessage {
    /// Renders `email/<kind>/{subject,body.txt,body.html}` in `locale` with `data` (an object).
    pub fn render(templates: &Templates, kind: &str, locale: Locale, data: &Value) -> anyhow::Result<EmailMessage> {
        let mut context = data.clone();
        let map = context.as_object_mut().context("mail data is an object")?;
        map.insert("lang".into(), Value::from(locale.code()));
        // A tracking code prints in two groups of five, as on the pages; links keep the stored form.
        if let Some(code) = map.get("tracking_code").and_then(Value::as_str).map(TrackingCode::shown) {
            map.insert("shown_code".into(), Value::from(code));
        }
        let render = |registry: &handlebars::Handlebars, part: &str| {
            registry
                .render(&format!("email/{kind}/{part}"), &context)
                .with_context(|| format!("rendering {kind}/{part}"))
        };
        Ok(EmailMessage {
            subject: one_line(&render(&templates.text, "subject")?),
            text: render(&templates.text, "body.txt")?,
            html: render(&templates.html, "body.html")?,
        })
    }
}

/// A message ready to go: who to, the rendered parts and the headers we add.
#[derive(Debug, Clone)]
pub struct OutgoingEmail {
    /// The recipient's address.
    pub to: String,
    /// The rendered parts.
    pub message: EmailMessage,
    /// `Message-ID` (stable per outbox row, so a repeat after a crash can be recognised).
    pub message_id: String,
    /// One-click unsubscribe URL (RFC 8058), for updates to citizens.
    pub unsubscribe_url: Option<String>,
}

/// What the stub mailer keeps of each message.
#[derive(Debug, Clone)]
pub struct SentEmail {
    /// Recipient.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Plain text part.
    pub text: String,
    /// HTML part.
    pub html: String,
    /// `List-Unsubscribe` URL, when present.
    pub unsubscribe_url: Option<String>,
    /// The whole message as it would go over the wire.
    pub raw: String,
}

/// Why a message did not go out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Refused for good (5xx, bad address, unrenderable): park it.
    #[error("permanent: {0}")]
    Permanent(String),
    /// Worth trying again later (connection refused, 4xx, time-out).
    #[error("transient: {0}")]
    Transient(String),
}

/// Delivers messages; cheap to clone.
#[derive(Clone)]
pub enum Mailer {
    /// Through an SMTP server.
    Smtp(AsyncSmtpTransport<Tokio1Executor>, Envelope),
    /// Into a folder of `.eml` files.
    File(AsyncFileTransport<Tokio1Executor>, Envelope),
    /// Into memory (tests).
    Stub(Arc<Mutex<Vec<SentEmail>>>, Envelope),
}

/// The sender's addresses, from configuration.
#[derive(Debug, Clone)]
pub struct Envelope {
    from: Mailbox,
    reply_to: Option<Mailbox>,
}

impl Mailer {
    /// The mailer the settings ask for. Call inside the Tokio runtime (the SMTP pool spawns a task).
    pub fn from_settings(settings: &MailSettings) -> anyhow::Result<Mailer> {
        let from: Mailbox =
            settings.from.parse().with_context(|| format!("bad mail from address {:?}", settings.from))?;
        let reply_to = match settings.reply_to.trim() {
            "" => None,
            r => Some(r.parse().with_context(|| format!("bad mail reply-to address {r:?}"))?),
        };
        let envelope = Envelope { from, reply_to };
        if settings.stub {
            return Ok(Mailer::Stub(Arc::default(), envelope));
        }
        if !settings.smtp_url.trim().is_empty() {
            // The URL holds the password: the error says what is wrong, not the URL.
            let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(settings.smtp_url.trim())
                .map_err(|e| anyhow::anyhow!("bad NAGORIK_SMTP_URL: {e}"))?
                .build();
            return Ok(Mailer::Smtp(transport, envelope));
        }
        std::fs::create_dir_all(&settings.dir)
            .with_context(|| format!("cannot create mail folder {}", settings.dir))?;
        Ok(Mailer::File(AsyncFileTransport::new(&settings.dir), envelope))
    }

    /// What the stub mailer has sent so far (empty for the other backends).
    pub fn sent(&self) -> Vec<SentEmail> {
        match self {
            Mailer::Stub(sent, _) => sent.lock().expect("stub mailer lock").clone(),
            _ => Vec::new(),
        }
    }

    /// Sends one message.
    pub async fn send(&self, email: &OutgoingEmail) -> Result<(), SendError> {
        let envelope = match self {
            Mailer::Smtp(_, e) | Mailer::File(_, e) | Mailer::Stub(_, e) => e,
        };
        let message = build_message(envelope, email)?;
        match self {
            Mailer::Smtp(transport, _) => transport.send(message).await.map(drop).map_err(|e| classify(&e)),
            Mailer::File(transport, _) => {
                transport.send(message).await.map(drop).map_err(|e| SendError::Transient(format!("file: {e}")))
            }
            Mailer::Stub(sent, _) => {
                let raw = String::from_utf8_lossy(&message.formatted()).into_owned();
                let kept = SentEmail {
                    to: email.to.clone(),
                    subject: email.message.subject.clone(),
                    text: email.message.text.clone(),
                    html: email.message.html.clone(),
                    unsubscribe_url: email.unsubscribe_url.clone(),
                    raw,
                };
                sent.lock().expect("stub mailer lock").push(kept);
                Ok(())
            }
        }
    }
}

/// Sorts an SMTP error: 5xx replies are permanent; everything else (4xx, refused
/// connection, time-out, TLS) may pass. Only the class and code are kept, never the
/// server's text, which may quote the address.
fn classify(err: &lettre::transport::smtp::Error) -> SendError {
    let code = err.status().map(|c| c.to_string()).unwrap_or_default();
    if err.is_permanent() {
        SendError::Permanent(format!("smtp {code}").trim().to_owned())
    } else if err.is_transient() {
        SendError::Transient(format!("smtp {code}").trim().to_owned())
    } else if err.is_timeout() {
        SendError::Transient("timeout".into())
    } else if err.is_tls() {
        SendError::Transient("tls".into())
    } else {
        SendError::Transient("connection".into())
    }
}

fn build_message(envelope: &Envelope, email: &OutgoingEmail) -> Result<Message, SendError> {
    let to: Mailbox = email.to.parse().map_err(|_| SendError::Permanent("bad recipient address".into()))?;
    let mut builder = Message::builder()
        .from(envelope.from.clone())
        .to(to)
        // lettre encodes the header; `one_line` has already removed line breaks.
        .subject(one_line(&email.message.subject))
        .message_id(Some(email.message_id.clone()));
    if let Some(reply_to) = &envelope.reply_to {
        builder = builder.reply_to(reply_to.clone());
    }
    if let Some(url) = &email.unsubscribe_url {
        builder = builder
            .raw_header(raw_header("List-Unsubscribe", format!("<{url}>")))
            .raw_header(raw_header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click".into()));
    }
    let body = MultiPart::alternative()
        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(email.message.text.clone()))
        .singlepart(SinglePart::builder().header(ContentType::TEXT_HTML).body(email.message.html.clone()));
    builder.multipart(body).map_err(|e| SendError::Permanent(format!("message: {e}")))
}

fn raw_header(name: &'static str, value: String) -> HeaderValue {
    HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
}

/// Hides most of an address for admin pages: `ab•••@example.org`.
pub fn mask_address(address: &str) -> String {
    match address.split_once('@') {
        Some((local, domain)) => {
            let shown: String = local.chars().take(2).collect();
            format!("{shown}•••@{domain}")
        }
        None => "•••".into(),
    }
}

#[cfg(test)]
mod tests;
