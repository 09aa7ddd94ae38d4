//! Reads what today's journey is built from: a service's visible feedback (the step, the
//! reported days, cost and visits, the theme, the voices and the masked text) and its themes'
//! labels. One indexed read of the service's feedback: the brief is opened for a workshop, not
//! on every page view.

use std::collections::HashMap;

use diesel::prelude::*;

use super::journey::{self, Journey, JourneyRow, ThemeLabel};
use crate::db::schema::feedback;
use crate::db::services::Service;
use crate::db::{themes, Conn};

type Row = (Option<String>, Option<i32>, Option<i64>, Option<i32>, Option<i64>, i32, Option<String>, String, bool);

/// The visible feedback of `service_id`, oldest first.
pub fn rows(conn: &mut Conn, service_id: i64) -> QueryResult<Vec<JourneyRow>> {
    let found: Vec<Row> = feedback::table
        .filter(feedback::service_id.eq(service_id))
        .filter(feedback::moderation.eq("visible"))
        .order(feedback::id)
        .select((
            feedback::charter_step,
            feedback::days_taken,
            feedback::cost_bdt,
            feedback::visits,
            feedback::theme_id,
            feedback::extra_voices,
            feedback::public_body,
            feedback::body,
            feedback::has_personal_data,
        ))
        .load(conn)?;
    Ok(found
        .into_iter()
        .map(|(step, days, cost, visits, theme_id, extra, public_body, body, has_personal_data)| JourneyRow {
            step,
            days: days.map(i64::from),
            cost,
            visits: visits.map(i64::from),
            theme_id,
            voices: 1 + i64::from(extra),
            public_text: public_body.unwrap_or_else(|| crate::domain::pii::mask(&body)),
            has_personal_data,
        })
        .collect())
}

/// Today's journey of `service`.
pub fn journey(conn: &mut Conn, service: &Service) -> QueryResult<Journey> {
    let rows = rows(conn, service.id)?;
    let labels: HashMap<i64, ThemeLabel> = themes::labels_of_service(conn, service.id)?
        .into_iter()
        .map(|t| (t.id, ThemeLabel { label_bn: t.label_bn, label_en: t.label_en, category: t.category }))
        .collect();
    Ok(journey::build(&service.step_list(), &service.document_list(), &rows, &labels))
}
