//! Feedback to work on, and checks that the counters match the feedback.

use std::collections::HashMap;

use diesel::prelude::*;
use nagorik::db::{self, schema::feedback, schema::service_counts};
use serde_json::json;

use crate::helpers::TestApp;

/// What a test needs of one stored feedback.
#[derive(Debug, Clone)]
pub struct Stored {
    /// Feedback id.
    pub id: i64,
    /// Its theme.
    pub theme_id: Option<i64>,
    /// Its service id.
    pub service_id: i64,
}

impl TestApp {
    /// Submits `text` (a complaint from Dhaka) about `service` through the API; returns the stored row.
    pub async fn submit_text(&self, service: &str, text: &str) -> Stored {
        let response = self
            .post_api_feedback(
                &json!({ "service_code": service, "kind": "complaint", "text": text, "district": "dhaka", "days": 30 }),
            )
            .await;
        assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
        let body: serde_json::Value = response.json().await.unwrap();
        let f = self.stored_feedback(body["tracking_code"].as_str().unwrap()).await;
        Stored { id: f.id, theme_id: f.theme_id, service_id: f.service_id }
    }

    /// The stored row of feedback `id` again.
    pub async fn reload(&self, id: i64) -> nagorik::db::feedback::Feedback {
        db::run_blocking(&self.pool, move |c| db::moderation::find(c, id)).await.unwrap().unwrap()
    }

    /// Asserts that every counter of the service equals a count made from its feedback.
    pub async fn assert_counts_match(&self, service_id: i64) {
        let (stored, rows) = db::run_blocking(&self.pool, move |c| -> QueryResult<_> {
            let stored: Vec<(String, String, i64, i64)> = service_counts::table
                .filter(service_counts::service_id.eq(service_id))
                // The version counter of the service's counters counts changes, not feedback.
                .filter(service_counts::dimension.ne("changes"))
                .select((
                    service_counts::dimension,
                    service_counts::bucket,
                    service_counts::feedback,
                    service_counts::voices,
                ))
                .load(c)?;
            let rows: Vec<(String, String, Option<i64>, i32)> = feedback::table
                .filter(feedback::service_id.eq(service_id))
                .filter(feedback::moderation.eq("visible"))
                .select((feedback::kind, feedback::district, feedback::theme_id, feedback::extra_voices))
                .load(c)?;
            Ok((stored, rows))
        })
        .await
        .unwrap();
        let mut expected: HashMap<(String, String), (i64, i64)> = HashMap::new();
        for (kind, district, theme, extra) in rows {
            let voices = 1 + i64::from(extra);
            let theme = theme.map_or("none".to_owned(), |t| t.to_string());
            for key in [("kind".to_owned(), kind), ("district".to_owned(), district), ("theme".to_owned(), theme)] {
                let e = expected.entry(key).or_default();
                e.0 += 1;
                e.1 += voices;
            }
        }
        let actual: HashMap<(String, String), (i64, i64)> = stored
            .into_iter()
            .filter(|(d, _, f, v)| ["kind", "district", "theme"].contains(&d.as_str()) && (*f != 0 || *v != 0))
            .map(|(d, b, f, v)| ((d, b), (f, v)))
            .collect();
        assert_eq!(actual, expected, "counters differ from the feedback");
    }
}
