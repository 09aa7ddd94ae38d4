//! Reads what today's journey is built from: a service's visible feedback (the step, the
//! reported days, cost and visits, the theme, the voices and the masked text) and its themes'
//! labels, and the latest saved design. One indexed read of the service's feedback: the brief is opened for a workshop, not
//! on every page view.

use std::collections::HashMap;

use diesel::prelude::*;

use super::design::Design;
use super::journey::{self, Journey, JourneyRow, ThemeLabel};
use super::wants::{self, Want};
use crate::db::brief_versions::{self, BriefVersion};
use crate::db::schema::feedback;
use crate::db::services::Service;
use crate::db::{themes, Conn};

type Row =
    (Option<String>, Option<i32>, Option<i64>, Option<i32>, Option<i64>, i32, Option<String>, String, bool, String);

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
            feedback::kind,
        ))
        .load(conn)?;
    Ok(found
        .into_iter()
        .map(|(step, days, cost, visits, theme_id, extra, public_body, body, has_personal_data, kind)| JourneyRow {
            step,
            days: days.map(i64::from),
            cost,
            visits: visits.map(i64::from),
            theme_id,
            voices: 1 + i64::from(extra),
            public_text: public_body.unwrap_or_else(|| crate::domain::pii::mask(&body)),
            has_personal_data,
            kind,
        })
        .collect())
}

/// Everything the brief shows of one item: today's journey, what citizens want, and the
/// latest saved design (empty before the first save).
pub struct Loaded {
    /// Today's journey.
    pub journey: Journey,
    /// What citizens want, with the latest design's decisions.
    pub wants: Vec<Want>,
    /// The latest version, if any was saved.
    pub version: Option<BriefVersion>,
    /// Its design.
    pub design: Design,
}

/// The brief of item `item_id` of `service`.
pub fn brief(conn: &mut Conn, item_id: i64, service: &Service) -> QueryResult<Loaded> {
    let rows = rows(conn, service.id)?;
    let labels: HashMap<i64, ThemeLabel> = themes::labels_of_service(conn, service.id)?
        .into_iter()
        .map(|t| (t.id, ThemeLabel { label_bn: t.label_bn, label_en: t.label_en, category: t.category }))
        .collect();
    let version = brief_versions::latest(conn, item_id)?;
    let design = version.as_ref().map(|v| Design::from_json(&v.design)).unwrap_or_default();
    Ok(Loaded {
        journey: journey::build(&service.step_list(), &service.document_list(), &rows, &labels),
        wants: wants::build(&rows, &labels, &design),
        version,
        design,
    })
}
