//! `discovery`, `services` and `services/{service_code}`.

use std::collections::HashMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};

use super::{db_failure, fail, locale, reply, split_format, Format, Node};
use crate::config::Settings;
use crate::db::services::{ServiceListing, ServiceQuery};
use crate::db::{self, Pool};
use crate::domain::district::District;
use crate::domain::feedback::{FeedbackKind, COST_MAX, DAYS_MAX, VISITS_MAX};
use crate::domain::Locale;
use crate::i18n;

/// `GET /open311/v2/{discovery|services|requests}.{format}`.
pub async fn get_top_level(
    req: HttpRequest,
    resource: web::Path<String>,
    query: web::Query<HashMap<String, String>>,
    pool: web::Data<Pool>,
    settings: web::Data<Settings>,
) -> HttpResponse {
    let Some((name, format)) = split_format(&resource) else {
        return fail(Format::of_path(req.path()), StatusCode::NOT_FOUND, &["Unknown resource or format".into()]);
    };
    match name {
        "discovery" => discovery(format, &settings),
        "services" => list_services(&req, format, &pool).await,
        "requests" => super::requests::list_requests(&req, format, &query, &pool).await,
        _ => fail(format, StatusCode::NOT_FOUND, &["Unknown resource".into()]),
    }
}

fn discovery(format: Format, settings: &Settings) -> HttpResponse {
    let endpoint = Node::Object(vec![
        ("specification", Node::text("http://wiki.open311.org/GeoReport_v2")),
        ("url", Node::text(format!("{}/open311/v2", settings.base_url))),
        ("changeset", Node::text("2026-11-30T00:00:00Z")),
        ("type", Node::text("production")),
        ("formats", Node::List("format", vec![Node::text("text/xml"), Node::text("application/json")])),
    ]);
    let body = Node::Object(vec![
        ("changeset", Node::text("2026-11-30T00:00:00Z")),
        ("contact", Node::text("Nagorik, citizen feedback on public services")),
        ("key_service", Node::text("API keys are issued to client systems by the Nagorik administrators.")),
        ("endpoints", Node::List("endpoint", vec![endpoint])),
    ]);
    reply(format, StatusCode::OK, "discovery", &body)
}

fn service_node(listing: &ServiceListing, locale: Locale) -> Node {
    let (service, office, ministry) = listing;
    Node::Object(vec![
        ("service_code", Node::text(&service.code)),
        ("service_name", Node::text(locale.pick(&service.name_bn, &service.name_en))),
        (
            "description",
            Node::text(format!("{} — {}", locale.pick(&office.name_bn, &office.name_en), service.name(locale.other()))),
        ),
        ("metadata", Node::Bool(true)),
        ("type", Node::text("batch")),
        ("keywords", Node::text(format!("{}, {}, {}", service.name_bn, service.name_en, office.code))),
        ("group", Node::text(locale.pick(&ministry.name_bn, &ministry.name_en))),
    ])
}

async fn list_services(req: &HttpRequest, format: Format, pool: &Pool) -> HttpResponse {
    let locale = locale(req);
    let query = ServiceQuery { limit: 100_000, ..ServiceQuery::default() };
    match db::run_read(pool, move |conn| db::services::search(conn, &query)).await {
        Ok((rows, _)) => {
            let services = rows.iter().map(|l| service_node(l, locale)).collect();
            reply(format, StatusCode::OK, "services", &Node::List("service", services))
        }
        Err(err) => db_failure(format, err),
    }
}

fn values(pairs: impl IntoIterator<Item = (String, String)>) -> Node {
    Node::List(
        "value",
        pairs
            .into_iter()
            .map(|(key, name)| Node::Object(vec![("key", Node::Text(key)), ("name", Node::Text(name))]))
            .collect(),
    )
}

fn attribute(
    code: &str,
    datatype: &str,
    required: bool,
    order: i64,
    description: String,
    datatype_description: Option<String>,
    list: Option<Node>,
) -> Node {
    let mut fields = vec![
        ("variable", Node::Bool(true)),
        ("code", Node::text(code)),
        ("datatype", Node::text(datatype)),
        ("required", Node::Bool(required)),
        ("datatype_description", Node::opt(datatype_description)),
        ("order", Node::Int(order)),
        ("description", Node::Text(description)),
    ];
    if let Some(list) = list {
        fields.push(("values", list));
    }
    Node::Object(fields)
}

/// The attributes of a service: what Nagorik asks with every feedback.
fn definition(listing: &ServiceListing, locale: Locale) -> Node {
    let t = |id: &str| i18n::message(locale, id, &[]);
    let number = |max: u64| Some(i18n::message(locale, "open311-number-hint", &[("max", max.to_string())]));
    let kinds = values(FeedbackKind::ALL.iter().map(|k| (k.as_str().to_owned(), t(&format!("kind-{}", k.as_str())))));
    let districts = values(District::all().map(|d| (d.code().to_owned(), d.name(locale).to_owned())));
    let mut attributes = vec![
        attribute("kind", "singlevaluelist", true, 1, t("form-kind"), None, Some(kinds)),
        attribute("district", "singlevaluelist", true, 2, t("form-district"), None, Some(districts)),
    ];
    let steps = listing.0.step_list();
    if !steps.is_empty() {
        let list = values(steps.into_iter().enumerate().map(|(i, s)| ((i + 1).to_string(), s)));
        attributes.push(attribute("step", "singlevaluelist", false, 3, t("form-step"), None, Some(list)));
    }
    attributes.push(attribute("days", "number", false, 4, t("form-days"), number(DAYS_MAX), None));
    attributes.push(attribute("cost", "number", false, 5, t("form-cost"), number(COST_MAX), None));
    attributes.push(attribute("visits", "number", false, 6, t("form-visits"), number(VISITS_MAX), None));
    Node::Object(vec![
        ("service_code", Node::text(&listing.0.code)),
        ("attributes", Node::List("attribute", attributes)),
    ])
}

/// `GET /open311/v2/services/{service_code}.{format}`.
pub async fn get_service_definition(
    req: HttpRequest,
    segment: web::Path<String>,
    pool: web::Data<Pool>,
) -> HttpResponse {
    let Some((code, format)) = split_format(&segment) else {
        return fail(Format::of_path(req.path()), StatusCode::NOT_FOUND, &["Unknown format".into()]);
    };
    let code = code.to_ascii_uppercase();
    let lookup = code.clone();
    match db::run_read(&pool, move |conn| db::services::find_by_code(conn, &lookup)).await {
        Ok(Some(listing)) => reply(format, StatusCode::OK, "service_definition", &definition(&listing, locale(&req))),
        Ok(None) => fail(format, StatusCode::NOT_FOUND, &[format!("service_code {code} was not found")]),
        Err(err) => db_failure(format, err),
    }
}
