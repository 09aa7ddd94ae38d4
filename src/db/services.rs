//! Citizen's Charter services, with their office and ministry.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::ministries::Ministry;
use super::offices::Office;
use super::schema::{ministries, offices, services};
use super::Conn;
use crate::domain::Locale;

/// A stored service.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = services)]
pub struct Service {
    /// Row id.
    pub id: i64,
    /// The office that delivers it.
    pub office_id: i64,
    /// Stable code (`DIP-001`).
    pub code: String,
    /// Name in Bangla.
    pub name_bn: String,
    /// Name in English.
    pub name_en: String,
    /// Lower-cased names and code, for searching.
    pub search_text: String,
    /// `manual`, `partly_online` or `online`.
    pub delivery_mode: String,
    /// Charter steps, a JSON array of strings.
    pub steps: String,
    /// Required documents, a JSON array of strings.
    pub documents: String,
    /// Fee in taka.
    pub fee_bdt: Option<i64>,
    /// Promised time limit in days.
    pub promised_days: Option<i32>,
    /// Designation of the responsible officer.
    pub responsible_officer: String,
    /// Estimated applications a year.
    pub yearly_applications: Option<i64>,
    /// Roadmap category 1 or 2.
    pub roadmap_category: Option<i32>,
    /// When first stored.
    pub created_at: NaiveDateTime,
    /// When last changed.
    pub updated_at: NaiveDateTime,
    /// Other names citizens use for it, `|`-separated.
    pub aliases: String,
}

impl Service {
    /// The charter steps.
    pub fn step_list(&self) -> Vec<String> {
        serde_json::from_str(&self.steps).unwrap_or_default()
    }

    /// The required documents.
    pub fn document_list(&self) -> Vec<String> {
        serde_json::from_str(&self.documents).unwrap_or_default()
    }

    /// The name in `locale`.
    pub fn name(&self, locale: Locale) -> &str {
        locale.pick(&self.name_bn, &self.name_en)
    }
}

/// A service to insert or update by code.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = services)]
#[diesel(treat_none_as_null = true)]
pub struct NewService {
    /// The office that delivers it.
    pub office_id: i64,
    /// Stable code.
    pub code: String,
    /// Name in Bangla.
    pub name_bn: String,
    /// Name in English.
    pub name_en: String,
    /// Lower-cased names and code.
    pub search_text: String,
    /// Delivery mode's stored form.
    pub delivery_mode: String,
    /// JSON array of steps.
    pub steps: String,
    /// JSON array of documents.
    pub documents: String,
    /// Fee in taka.
    pub fee_bdt: Option<i64>,
    /// Promised days.
    pub promised_days: Option<i32>,
    /// Responsible officer.
    pub responsible_officer: String,
    /// Applications a year.
    pub yearly_applications: Option<i64>,
    /// Roadmap category.
    pub roadmap_category: Option<i32>,
    /// Time of this write.
    pub updated_at: NaiveDateTime,
    /// Other names, `|`-separated.
    pub aliases: String,
}

/// A service with the office and ministry it belongs to.
pub type ServiceListing = (Service, Office, Ministry);

/// Inserts the service, or updates it when the code exists. Returns `true` when inserted.
pub fn upsert(conn: &mut Conn, new: &NewService) -> QueryResult<bool> {
    let existing =
        services::table.filter(services::code.eq(&new.code)).select(services::id).first::<i64>(conn).optional()?;
    match existing {
        Some(id) => {
            diesel::update(services::table.find(id)).set(new).execute(conn)?;
            Ok(false)
        }
        None => {
            diesel::insert_into(services::table)
                .values((new, services::created_at.eq(new.updated_at)))
                .execute(conn)?;
            Ok(true)
        }
    }
}

/// What to look for in the catalogue.
#[derive(Debug, Clone, Default)]
pub struct ServiceQuery {
    /// Lower-cased words that must all appear in a name or the code.
    pub terms: Vec<String>,
    /// Only this ministry's services.
    pub ministry_id: Option<i64>,
    /// Sort by the name in this language; by code when `None`.
    pub order_by_name: Option<Locale>,
    /// Rows to skip.
    pub offset: i64,
    /// Rows to return.
    pub limit: i64,
}

/// A LIKE pattern that matches `term` anywhere, with `%`, `_` and `\\` taken literally.
pub fn like_pattern(term: &str) -> String {
    let escaped = term.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// One page of matching services and the total number of matches.
pub fn search(conn: &mut Conn, query: &ServiceQuery) -> QueryResult<(Vec<ServiceListing>, i64)> {
    let filtered = || {
        let mut q = services::table.inner_join(offices::table.inner_join(ministries::table)).into_boxed();
        for term in &query.terms {
            // A word also matches by its consonant skeleton (romanised Bangla) and its synonyms:
            // a fixed number of alternatives (the last repeated) keeps one query shape.
            let mut alternatives = crate::catalogue::synonyms::search_alternatives(term);
            while alternatives.len() < crate::catalogue::synonyms::MOST {
                alternatives.push(alternatives[alternatives.len() - 1].clone());
            }
            let like = |i: usize| services::search_text.like(like_pattern(&alternatives[i])).escape('\\');
            q = q.filter(like(0).or(like(1)).or(like(2)).or(like(3)).or(like(4)).or(like(5)));
        }
        if let Some(ministry_id) = query.ministry_id {
            q = q.filter(offices::ministry_id.eq(ministry_id));
        }
        q
    };
    let total = filtered().count().get_result(conn)?;
    let page = filtered()
        .select((Service::as_select(), Office::as_select(), Ministry::as_select()))
        .offset(query.offset)
        .limit(query.limit);
    let rows = match query.order_by_name {
        Some(Locale::Bn) => page.order((services::name_bn.asc(), services::code.asc())).load(conn)?,
        Some(Locale::En) => page.order((services::name_en.asc(), services::code.asc())).load(conn)?,
        None => page.order(services::code.asc()).load(conn)?,
    };
    Ok((rows, total))
}

/// The `n` services citizens use most (most applications a year by their charter), with their
/// office and ministry; services whose charter gives no number are left out.
pub fn most_used(conn: &mut Conn, n: i64) -> QueryResult<Vec<ServiceListing>> {
    services::table
        .inner_join(offices::table.inner_join(ministries::table))
        .filter(services::yearly_applications.is_not_null())
        .order((services::yearly_applications.desc(), services::code.asc()))
        .select((Service::as_select(), Office::as_select(), Ministry::as_select()))
        .limit(n)
        .load(conn)
}

/// Writes every service's search text again where today's rules
/// ([`crate::domain::text::service_search_text`]) make it differ (after an upgrade); returns how
/// many changed. Nothing changes on a second run.
pub fn refresh_search_text(conn: &mut Conn) -> QueryResult<usize> {
    type Row = (i64, String, String, String, String, String);
    let rows: Vec<Row> = services::table
        .select((
            services::id,
            services::name_bn,
            services::name_en,
            services::code,
            services::aliases,
            services::search_text,
        ))
        .load(conn)?;
    let stale: Vec<(i64, String)> = rows
        .into_iter()
        .map(|(id, bn, en, code, aliases, stored)| {
            (id, crate::domain::text::service_search_text(&bn, &en, &code, &aliases), stored)
        })
        .filter(|(_, fresh, stored)| fresh != stored)
        .map(|(id, fresh, _)| (id, fresh))
        .collect();
    if stale.is_empty() {
        return Ok(0);
    }
    super::write_transaction(conn, |c| {
        for (id, fresh) in &stale {
            diesel::update(services::table.find(id)).set(services::search_text.eq(fresh)).execute(c)?;
        }
        Ok(stale.len())
    })
}

/// The service with `code`, with its office and ministry.
pub fn find_by_code(conn: &mut Conn, code: &str) -> QueryResult<Option<ServiceListing>> {
    services::table
        .inner_join(offices::table.inner_join(ministries::table))
        .filter(services::code.eq(code))
        .select((Service::as_select(), Office::as_select(), Ministry::as_select()))
        .first(conn)
        .optional()
}

/// Every service's id and code (for generators and imports).
pub fn all_ids_and_codes(conn: &mut Conn) -> QueryResult<Vec<(i64, String)>> {
    services::table.select((services::id, services::code)).order(services::id.asc()).load(conn)
}

/// How many services are stored.
pub fn count(conn: &mut Conn) -> QueryResult<i64> {
    services::table.count().get_result(conn)
}

/// Every service of the given ministries (`None`: all), with office and ministry, by code.
pub fn list_in_ministries(conn: &mut Conn, ministry_ids: Option<&[i64]>) -> QueryResult<Vec<ServiceListing>> {
    let mut q = services::table
        .inner_join(offices::table.inner_join(ministries::table))
        .select((Service::as_select(), Office::as_select(), Ministry::as_select()))
        .order(services::code.asc())
        .into_boxed();
    if let Some(ids) = ministry_ids {
        q = q.filter(offices::ministry_id.eq_any(ids.to_vec()));
    }
    q.load(conn)
}

/// The service with this id, with its office and ministry.
pub fn find_by_id(conn: &mut Conn, id: i64) -> QueryResult<Option<ServiceListing>> {
    services::table
        .inner_join(offices::table.inner_join(ministries::table))
        .filter(services::id.eq(id))
        .select((Service::as_select(), Office::as_select(), Ministry::as_select()))
        .first(conn)
        .optional()
}
