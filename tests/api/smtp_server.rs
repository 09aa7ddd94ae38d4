//! A small SMTP server on 127.0.0.1 for the mail tests: it speaks enough ESMTP for
//! lettre (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), keeps what it receives, and
//! can be told to refuse recipients for good (550) or to put senders off (421).
//! Also decodes what it received (MIME base64 and quoted-printable, encoded-word headers).

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

use crate::helpers::wait_until;

/// How the server answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Takes every message.
    Accept,
    /// `550` to every recipient.
    RejectRecipients,
    /// `421` to every `MAIL FROM`.
    PutOff,
}

/// One message as received.
#[derive(Debug, Clone)]
pub struct Received {
    /// `RCPT TO` addresses.
    pub recipients: Vec<String>,
    /// The message, as sent.
    pub raw: String,
}

impl Received {
    /// Headers and every body part, decoded.
    pub fn decoded(&self) -> String {
        decode_message(&self.raw)
    }
}

/// A running server; it stops when dropped.
pub struct SmtpServer {
    /// The port it listens on.
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    mode: Arc<Mutex<Mode>>,
    hold: tokio::sync::watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A free port on 127.0.0.1 that nothing listens on (yet).
pub fn closed_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

impl SmtpServer {
    /// Starts on a free port.
    pub async fn start(mode: Mode) -> Self {
        Self::start_on(0, mode).await
    }

    /// Starts on `port` (0: any free one).
    pub async fn start_on(port: u16, mode: Mode) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.expect("SMTP port free");
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let mode = Arc::new(Mutex::new(mode));
        let (r, m) = (received.clone(), mode.clone());
        let (hold, held) = tokio::sync::watch::channel(false);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                tokio::spawn(session(stream, r.clone(), m.clone(), held.clone()));
            }
        });
        SmtpServer { port, received, mode, hold, task }
    }

    /// `smtp://127.0.0.1:PORT` (no TLS).
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Changes how the server answers from now on.
    pub fn set_mode(&self, mode: Mode) {
        *self.mode.lock().unwrap() = mode;
    }

    /// From now on, keeps each message it receives without answering (a slow server) until
    /// [`SmtpServer::release`].
    pub fn hold(&self) {
        self.hold.send_replace(true);
    }

    /// Answers the messages held, and every later one at once.
    pub fn release(&self) {
        self.hold.send_replace(false);
    }

    /// What arrived so far.
    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits until at least `n` messages arrived (failing after `PATIENCE`), then returns all.
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        let what = format!("{n} messages at the SMTP server");
        wait_until(&what, || async { self.received.lock().unwrap().len() }, |&arrived| arrived >= n).await;
        self.received()
    }
}

async fn session(
    stream: TcpStream,
    received: Arc<Mutex<Vec<Received>>>,
    mode: Arc<Mutex<Mode>>,
    mut held: tokio::sync::watch::Receiver<bool>,
) {
    let (read, mut write) = stream.into_split();
    let mut lines = BufReader::new(read);
    let mut recipients = Vec::new();
    if write.write_all(b"220 test.local ESMTP\r\n").await.is_err() {
        return;
    }
    let mut line = String::new();
    loop {
        line.clear();
        if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
            return;
        }
        let command = line.trim_end().to_ascii_uppercase();
        let mode = *mode.lock().unwrap();
        let reply: &[u8] = if command.starts_with("EHLO") {
            b"250-test.local\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
        } else if command.starts_with("MAIL FROM") {
            recipients.clear();
            if mode == Mode::PutOff {
                b"421 4.3.2 try again later\r\n"
            } else {
                b"250 2.1.0 ok\r\n"
            }
        } else if command.starts_with("RCPT TO") {
            if mode == Mode::RejectRecipients {
                b"550 5.1.1 no such mailbox\r\n"
            } else {
                let address = line.trim_end()[8..].trim().trim_start_matches('<').trim_end_matches('>');
                recipients.push(address.to_owned());
                b"250 2.1.5 ok\r\n"
            }
        } else if command == "DATA" {
            if write.write_all(b"354 go ahead\r\n").await.is_err() {
                return;
            }
            let mut raw = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                    return;
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                raw.push_str(line.strip_prefix('.').unwrap_or(&line));
            }
            received.lock().unwrap().push(Received { recipients: std::mem::take(&mut recipients), raw });
            if held.wait_for(|hold| !*hold).await.is_err() {
                return;
            }
            b"250 2.0.0 queued\r\n"
        } else if command == "QUIT" {
            let _ = write.write_all(b"221 bye\r\n").await;
            return;
        } else {
            b"250 ok\r\n"
        };
        if write.write_all(reply).await.is_err() {
            return;
        }
    }
}

fn base64(text: &str) -> Vec<u8> {
    let (mut out, mut buf, mut bits) = (Vec::new(), 0u32, 0);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => continue,
        };
        buf = (buf << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    out
}

fn quoted_printable(text: &str) -> Vec<u8> {
    let text = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = text.as_bytes();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < bytes.len() {
        let hex = (bytes[i] == b'=' && i + 2 < bytes.len())
            .then(|| std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()))
            .flatten();
        match hex {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    out
}

/// Decodes `=?utf-8?b?…?=` and `=?utf-8?q?…?=` words in a header block.
fn decode_words(headers: &str) -> String {
    let unfolded = headers.replace("\r\n ", " ").replace("\n ", " ");
    // Space between two encoded words is not part of the text.
    let joined = regex::Regex::new(r"\?=\s+=\?").unwrap().replace_all(&unfolded, "?==?");
    let words = regex::Regex::new(r"(?i)=\?utf-8\?([bq])\?([^?]*)\?=").unwrap();
    words
        .replace_all(&joined, |c: &regex::Captures| {
            let bytes =
                if c[1].eq_ignore_ascii_case("b") { base64(&c[2]) } else { quoted_printable(&c[2].replace('_', " ")) };
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .into_owned()
}

/// The top headers (encoded words decoded) and every part's body, decoded.
pub fn decode_message(raw: &str) -> String {
    let raw = raw.replace("\r\n", "\n");
    let (headers, _) = raw.split_once("\n\n").unwrap_or((&raw, ""));
    let mut out = decode_words(headers);
    // Each MIME part: its headers, a blank line, then the body up to the next boundary.
    for part in raw.split("\n--").skip(1) {
        let Some((part_headers, body)) = part.split_once("\n\n") else { continue };
        let lower = part_headers.to_ascii_lowercase();
        let decoded = if lower.contains("content-transfer-encoding: base64") {
            base64(body)
        } else if lower.contains("content-transfer-encoding: quoted-printable") {
            quoted_printable(body)
        } else {
            body.as_bytes().to_vec()
        };
        out.push_str("\n\n");
        out.push_str(&String::from_utf8_lossy(&decoded));
    }
    out
}
