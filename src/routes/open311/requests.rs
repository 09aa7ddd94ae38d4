//! `POST requests`, `GET requests` and `GET requests/{service_request_id}`.
//! Reads never carry personal data: no contact, no location, masked text.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};

use super::{db_failure, fail, locale, reply, split_format, Format, Node};
use crate::db::feedback::{Feedback, PublicFilter};
use crate::db::offices::Office;
use crate::db::services::Service;
use crate::db::{self, Pool};
use crate::domain::api_key;
use crate::domain::contact::{tidy_email, tidy_phone};
use crate::domain::feedback::{Channel, Location, RawFeedback, Submission};
use crate::domain::text::clean_line;
use crate::domain::tracking_code::TrackingCode;
use crate::domain::{FieldErrors, Locale};
use crate::i18n;
use crate::intake::{IntakeWriter, SubmitError};

/// Most requests one answer lists.
const LIMIT: i64 = 1_000;
/// Longest `address_string` kept.
const ADDRESS_MAX: usize = 500;

/// `POST /open311/v2/{resource}`: only `requests.{format}` takes a POST (its form is read only
/// then); `discovery` and `services` answer 405.
pub async fn post_top_level(
    req: HttpRequest,
    resource: web::Path<String>,
    payload: web::Payload,
    pool: web::Data<Pool>,
    writer: web::Data<IntakeWriter>,
) -> Result<HttpResponse, actix_web::Error> {
    use actix_web::FromRequest;
    Ok(match split_format(&resource) {
        Some(("requests", format)) => {
            let form = web::Form::<Vec<(String, String)>>::from_request(&req, &mut payload.into_inner()).await?;
            create_request(&req, format, form.into_inner(), &pool, &writer).await
        }
        Some(("discovery" | "services", format)) => super::method_not_allowed(format, "GET"),
        _ => fail(Format::of_path(req.path()), StatusCode::NOT_FOUND, &["Unknown resource or format".into()]),
    })
}

fn field_name(field: &str) -> String {
    match field {
        "text" => "description".into(),
        "email" | "phone" => field.into(),
        "name" => "first_name/last_name".into(),
        other => format!("attribute[{other}]"),
    }
}

fn describe(errors: &FieldErrors, locale: Locale) -> Vec<String> {
    errors.0.iter().map(|e| format!("{}: {}", field_name(&e.field), i18n::message(locale, e.code, &e.args))).collect()
}

fn coordinate(value: &str, limit: f64) -> Option<i64> {
    let v: f64 = value.trim().parse().ok()?;
    (v.is_finite() && v.abs() <= limit).then(|| (v * 1e6).round() as i64)
}

fn location(fields: &HashMap<&str, &str>) -> Result<Location, String> {
    let address = fields.get("address_string").map(|a| clean_line(a)).filter(|a| !a.is_empty());
    if address.as_ref().is_some_and(|a| a.chars().count() > ADDRESS_MAX) {
        return Err(format!("address_string: at most {ADDRESS_MAX} characters"));
    }
    let (lat, long) = match (fields.get("lat").filter(|v| !v.is_empty()), fields.get("long").filter(|v| !v.is_empty()))
    {
        (None, None) => (None, None),
        (Some(lat), Some(long)) => {
            let lat = coordinate(lat, 90.0).ok_or("lat: a latitude from -90 to 90")?;
            let long = coordinate(long, 180.0).ok_or("long: a longitude from -180 to 180")?;
            (Some(lat), Some(long))
        }
        _ => return Err("lat and long must be sent together".into()),
    };
    Ok(Location { address, lat_e6: lat, long_e6: long })
}

async fn create_request(
    req: &HttpRequest,
    format: Format,
    form: Vec<(String, String)>,
    pool: &Pool,
    writer: &IntakeWriter,
) -> HttpResponse {
    let lang = locale(req);
    let fields: HashMap<&str, &str> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let key_hash = api_key::hash(fields.get("api_key").copied().unwrap_or(""));
    let code = fields.get("service_code").map(|c| c.trim().to_ascii_uppercase()).unwrap_or_default();
    let lookup = code.clone();
    let found = db::run_blocking(pool, move |conn| {
        let client = db::api_clients::find_active_by_hash(conn, &key_hash)?;
        let service = if lookup.is_empty() { None } else { db::services::find_by_code(conn, &lookup)? };
        Ok::<_, diesel::result::Error>((client, service))
    })
    .await;
    let (client, listing) = match found {
        Ok(pair) => pair,
        Err(err) => return db_failure(format, err),
    };
    let Some(client) = client else {
        return fail(format, StatusCode::FORBIDDEN, &["api_key is missing, unknown or revoked".into()]);
    };
    if code.is_empty() {
        return fail(format, StatusCode::BAD_REQUEST, &["service_code was not provided".into()]);
    }
    let Some(listing) = listing else {
        return fail(format, StatusCode::NOT_FOUND, &[format!("service_code {code} was not found")]);
    };
    let attr = |name: &str| fields.get(format!("attribute[{name}]").as_str()).map(|v| (*v).to_owned());
    let name = [fields.get("first_name"), fields.get("last_name")]
        .into_iter()
        .flatten()
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let raw = RawFeedback {
        kind: attr("kind"),
        text: fields.get("description").map(|t| t.replace("\r\n", "\n")),
        step: attr("step"),
        days: attr("days"),
        cost: attr("cost"),
        visits: attr("visits"),
        district: attr("district"),
        name: Some(name),
        email: fields.get("email").map(|e| tidy_email(e)),
        phone: fields.get("phone").map(|p| tidy_phone(p)),
        consent: None,
    };
    let place = location(&fields);
    let mut submission = match (Submission::parse(&raw, &listing.0.step_list(), Locale::Bn, Channel::Open311), place) {
        (Ok(s), Ok(place)) => Submission { location: place, ..s },
        (parsed, place) => {
            let mut problems = parsed.err().map(|e| describe(&e, lang)).unwrap_or_default();
            problems.extend(place.err());
            return fail(format, StatusCode::BAD_REQUEST, &problems);
        }
    };
    submission.api_client = Some(client.id);
    match writer.submit(submission, listing.0.id, None).await {
        Ok(tracking) => {
            let notice = i18n::message(lang, "open311-service-notice", &[]);
            let body = Node::List(
                "request",
                vec![Node::Object(vec![
                    ("service_request_id", Node::text(tracking.as_str())),
                    ("service_notice", Node::Text(notice)),
                    ("account_id", Node::Null),
                ])],
            );
            reply(format, StatusCode::CREATED, "service_requests", &body)
        }
        Err(SubmitError::Overloaded) => {
            fail(format, StatusCode::SERVICE_UNAVAILABLE, &["The service is busy; try again".into()])
        }
        Err(_) => {
            fail(format, StatusCode::SERVICE_UNAVAILABLE, &["The feedback could not be stored; try again".into()])
        }
    }
}

fn w3c(t: NaiveDateTime) -> String {
    t.and_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn parse_date(value: &str) -> Option<NaiveDateTime> {
    let value = value.trim();
    DateTime::parse_from_rfc3339(value)
        .map(|d| d.with_timezone(&Utc).naive_utc())
        .ok()
        .or_else(|| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok().and_then(|d| d.and_hms_opt(0, 0, 0)))
}

fn request_node((feedback, service, office): &(Feedback, Service, Office), locale: Locale) -> Node {
    let pick = |bn: &str, en: &str| locale.pick(bn, en).to_owned();
    Node::Object(vec![
        ("service_request_id", Node::text(&feedback.tracking_code)),
        ("status", Node::text("open")),
        ("status_notes", Node::Null),
        ("service_name", Node::text(pick(&service.name_bn, &service.name_en))),
        ("service_code", Node::text(&service.code)),
        ("description", Node::Text(feedback.public_text())),
        ("agency_responsible", Node::text(pick(&office.name_bn, &office.name_en))),
        ("service_notice", Node::Null),
        ("requested_datetime", Node::Text(w3c(feedback.created_at))),
        ("updated_datetime", Node::Text(w3c(feedback.updated_at))),
        ("expected_datetime", Node::Null),
        ("address", Node::Null),
        ("address_id", Node::Null),
        ("zipcode", Node::Null),
        ("lat", Node::Null),
        ("long", Node::Null),
        ("media_url", Node::Null),
    ])
}

/// A query parameter's value; an empty one (`?page=`, as form-built URLs send) is not given.
fn given<'a>(query: &'a HashMap<String, String>, name: &str) -> Option<&'a String> {
    query.get(name).filter(|v| !v.trim().is_empty())
}

fn list_of(values: Option<&String>) -> Option<Vec<String>> {
    values.map(|v| v.split(',').map(|s| s.trim().to_ascii_uppercase()).filter(|s| !s.is_empty()).collect())
}

fn positive(query: &HashMap<String, String>, name: &str, default: i64, max: i64) -> Result<i64, String> {
    match given(query, name) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| (1..=max).contains(n))
            .ok_or(format!("{name}: a whole number from 1 to {max}")),
    }
}

/// The filter of `GET requests`: the 90 days up to `end_date` unless `start_date`
/// says otherwise, at most 1,000 a page (`page`, `page_size`).
fn filter(query: &HashMap<String, String>) -> Result<Option<PublicFilter>, Vec<String>> {
    let mut problems = Vec::new();
    let mut date = |name: &str| match given(query, name) {
        None => None,
        Some(v) => parse_date(v).or_else(|| {
            problems.push(format!("{name}: a W3C date-time such as 2026-11-01T00:00:00Z"));
            None
        }),
    };
    let (start, end) = (date("start_date"), date("end_date"));
    let statuses = list_of(given(query, "status")).unwrap_or_else(|| vec!["OPEN".into(), "CLOSED".into()]);
    if let Some(bad) = statuses.iter().find(|s| *s != "OPEN" && *s != "CLOSED") {
        problems.push(format!("status: open or closed, not {}", bad.to_lowercase()));
    }
    let page = positive(query, "page", 1, 1_000_000).map_err(|e| problems.push(e)).unwrap_or(1);
    let size = positive(query, "page_size", LIMIT, LIMIT).map_err(|e| problems.push(e)).unwrap_or(LIMIT);
    if !problems.is_empty() {
        return Err(problems);
    }
    if !statuses.iter().any(|s| s == "OPEN") {
        return Ok(None); // Nothing is closed until the backlog closes items.
    }
    let ids = list_of(given(query, "service_request_id"));
    let (start, end) = if ids.is_some() {
        (None, None)
    } else {
        let end_or_now = end.unwrap_or_else(|| Utc::now().naive_utc());
        (Some(start.unwrap_or(end_or_now - Duration::days(90))), end)
    };
    let service_codes = if ids.is_some() { None } else { list_of(given(query, "service_code")) };
    Ok(Some(PublicFilter { tracking_codes: ids, service_codes, start, end, offset: (page - 1) * size, limit: size }))
}

/// `GET requests.{format}` with the specification's filters.
pub async fn list_requests(
    req: &HttpRequest,
    format: Format,
    query: &HashMap<String, String>,
    pool: &Pool,
) -> HttpResponse {
    let filter = match filter(query) {
        Ok(Some(filter)) => filter,
        Ok(None) => return reply(format, StatusCode::OK, "service_requests", &Node::List("request", vec![])),
        Err(problems) => return fail(format, StatusCode::BAD_REQUEST, &problems),
    };
    let lang = locale(req);
    match db::run_read(pool, move |conn| db::feedback::list_public(conn, &filter)).await {
        Ok(rows) => {
            let items = rows.iter().map(|r| request_node(r, lang)).collect();
            reply(format, StatusCode::OK, "service_requests", &Node::List("request", items))
        }
        Err(err) => db_failure(format, err),
    }
}

/// `GET requests/{service_request_id}.{format}`.
pub async fn get_request(req: HttpRequest, segment: web::Path<String>, pool: web::Data<Pool>) -> HttpResponse {
    let Some((id, format)) = split_format(&segment) else {
        return fail(Format::of_path(req.path()), StatusCode::NOT_FOUND, &["Unknown format".into()]);
    };
    let Some(code) = TrackingCode::parse(id) else {
        return fail(format, StatusCode::NOT_FOUND, &[format!("service_request_id {id} was not found")]);
    };
    let filter = PublicFilter { tracking_codes: Some(vec![code.to_string()]), limit: 1, ..PublicFilter::default() };
    let lang = locale(&req);
    match db::run_read(&pool, move |conn| db::feedback::list_public(conn, &filter)).await {
        Ok(rows) if !rows.is_empty() => {
            let items = rows.iter().map(|r| request_node(r, lang)).collect();
            reply(format, StatusCode::OK, "service_requests", &Node::List("request", items))
        }
        Ok(_) => fail(format, StatusCode::NOT_FOUND, &[format!("service_request_id {id} was not found")]),
        Err(err) => db_failure(format, err),
    }
}
