//! The OpenAPI 3.1 description of `/api/v1`, served at `/api/openapi.json`,
//! with Swagger UI at `/api/docs/` (its files are compiled in; no outside host).
//!
//! The feedback body is written out by hand below so that it states the exact
//! rules the server applies (the same patterns and bounds as `domain`).

use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::middleware::DefaultHeaders;
use actix_web::{web, HttpResponse};
use serde_json::{json, Value};
use utoipa::OpenApi;

use super::{brief, feedback, merge_suggestions, ministries, openapi_open311, services, similar, staff};
use crate::domain::contact::{EMAIL_MAX, EMAIL_PATTERN, NAME_MAX, PHONE_PATTERN};
use crate::domain::district::District;
use crate::domain::feedback::{FeedbackKind, COST_MAX, DAYS_MAX, TEXT_MAX, TEXT_MIN, VISITS_MAX};
use crate::error::{ErrorEntry, ErrorEnvelope};

/// Stands for the feedback body in the generated paths; replaced by [`feedback_request_schema`].
#[derive(utoipa::ToSchema)]
#[schema(as = FeedbackRequest)]
pub struct FeedbackRequestDoc {
    /// See the hand-written schema.
    pub service_code: String,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Nagorik API",
        version = "1",
        description = "Citizen feedback about public services: the service catalogue, submitting feedback and \
                       reading its status (`/api/v1`); the staff API for designers and ministries \
                       (`/api/v1/staff`, a bearer token from `nagorik staff-tokens issue` or the staff \
                       settings page); and Open311 GeoReport v2 for client systems (`/open311/v2`, JSON \
                       described here, XML alike). Every `/api/v1` error uses the envelope \
                       `{\"errors\": [...]}`; Open311 answers the specification's error list."
    ),
    paths(
        ministries::list_ministries,
        services::list_services,
        services::get_service,
        feedback::create_feedback,
        feedback::get_feedback_status,
        similar::find_similar,
        staff::list_services,
        staff::service_stats,
        staff::list_themes,
        merge_suggestions::list_merge_suggestions,
        merge_suggestions::accept_merge_suggestion,
        merge_suggestions::dismiss_merge_suggestion,
        staff::edit_theme,
        staff::merge_theme,
        staff::split_theme,
        brief::get_brief
    ),
    components(schemas(
        ministries::MinistryList,
        ministries::MinistryResponse,
        services::ServicePage,
        services::ServiceResponse,
        services::UnitRef,
        feedback::FeedbackCreated,
        feedback::FeedbackStatus,
        similar::SimilarRequest,
        similar::SimilarList,
        similar::SimilarItem,
        merge_suggestions::MergeSuggestionList,
        merge_suggestions::MergeSuggestion,
        merge_suggestions::SuggestedTheme,
        merge_suggestions::ThemePairBody,
        merge_suggestions::Merged,
        merge_suggestions::Dismissed,
        staff::StaffServiceList,
        staff::StaffServiceStats,
        staff::ThemeList,
        staff::ThemeOut,
        staff::ThemeEditBody,
        staff::MergeBody,
        staff::MoveBody,
        brief::Brief,
        brief::SavedDesign,
        crate::brief::design::Design,
        crate::brief::design::ToBeStep,
        crate::brief::design::Channel,
        crate::brief::design::Decision,
        crate::brief::design::WantMark,
        crate::brief::design::Target,
        crate::brief::design::Savings,
        crate::brief::figures::Figures,
        crate::brief::wants::Want,
        crate::brief::journey::Journey,
        crate::brief::journey::Stage,
        crate::brief::journey::StepTheme,
        crate::brief::journey::Reported,
        crate::brief::journey::Document,
        ErrorEnvelope,
        ErrorEntry
    )),
    modifiers(&BearerScheme)
)]
struct ApiDoc;

/// The staff operations' bearer tokens (`nagorik staff-tokens issue`, or the staff settings page).
struct BearerScheme;

impl utoipa::Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

/// The health checks: liveness never touches the database; readiness answers within a second.
fn add_health(doc: &mut Value) {
    let body = json!({"type": "object", "required": ["status"],
                      "properties": {"status": {"type": "string", "enum": ["ok", "unavailable"]},
                                     "database": {"type": "string", "enum": ["ok", "unreachable"]}}});
    let answer = |description: &str| json!({"description": description, "content": {"application/json": {"schema": body.clone()}}});
    let ready = json!({"get": {"tags": ["health"], "summary": "Ready: the database answers a read (within 1 s)",
        "responses": {"200": answer("Ready"), "503": answer("The database is unreachable; retry after `Retry-After`")}}});
    let live = json!({"get": {"tags": ["health"], "summary": "Alive: the process answers (never touches the database)",
        "responses": {"200": answer("Alive")}}});
    if let Some(paths) = doc["paths"].as_object_mut() {
        paths.insert("/health".into(), ready.clone());
        paths.insert("/health/ready".into(), ready);
        paths.insert("/health/live".into(), live);
    }
}

/// Links between operations: what one answer names, the next operation reads.
fn add_links(doc: &mut Value) {
    let link = |operation: &str, parameter: &str, from: &str| json!({"operationId": operation, "parameters": {parameter: from}});
    let paths = &mut doc["paths"];
    paths["/api/v1/feedback"]["post"]["responses"]["201"]["links"] =
        json!({"GetFeedbackStatus": link("get_feedback_status", "tracking_code", "$response.body#/tracking_code")});
    paths["/api/v1/staff/services/{code}/themes"]["get"]["responses"]["200"]["links"] = json!({
        "EditTheme": link("edit_theme", "id", "$response.body#/themes/0/id"),
        "MergeTheme": link("merge_theme", "id", "$response.body#/themes/0/id"),
        "SplitTheme": link("split_theme", "id", "$response.body#/themes/0/id"),
    });
    paths["/open311/v2/requests.json"]["post"]["operationId"] = json!("open311_create_request");
    paths["/open311/v2/requests/{service_request_id}.json"]["get"]["operationId"] = json!("open311_get_request");
    paths["/open311/v2/requests.json"]["post"]["responses"]["201"]["links"] = json!({
        "GetRequest": link("open311_get_request", "service_request_id", "$response.body#/0/service_request_id"),
    });
}

/// The feedback body: exactly what `POST /api/v1/feedback` accepts.
fn feedback_request_schema() -> Value {
    let kinds: Vec<&str> = FeedbackKind::ALL.iter().map(|k| k.as_str()).collect();
    let districts: Vec<&str> = District::all().map(|d| d.code()).collect();
    let whole = |max: u64, description: &str| json!({"type": ["integer", "null"], "minimum": 0, "maximum": max, "description": description});
    let middle = format!("{{{},{}}}", TEXT_MIN - 2, TEXT_MAX - 2);
    json!({
        "type": "object",
        "required": ["service_code", "kind", "text", "district"],
        "properties": {
            "service_code": {"type": "string", "description": "Code of the service (`GET /api/v1/services`); 404 when unknown.", "examples": ["ORGBDR-001"]},
            "kind": {"type": "string", "enum": kinds},
            "text": {
                "type": "string",
                "description": format!("The feedback: {TEXT_MIN} to {TEXT_MAX} characters once the spaces, tabs and line breaks at both ends are trimmed. Stored NFC-normalised."),
                "pattern": format!(r"^[ \t\n\r]*[^ \t\n\r][\s\S]{middle}[^ \t\n\r][ \t\n\r]*$"),
                "examples": ["পাসপোর্ট পেতে তিন মাস লেগেছে, দুবার অফিসে যেতে হয়েছে"]
            },
            "step": {"type": ["integer", "null"], "minimum": 1, "maximum": feedback::STEP_MAX, "description": "Number of the charter step it concerns (1 is the first); 404 when the service has no such step."},
            "days": whole(DAYS_MAX, "Days it took."),
            "cost": whole(COST_MAX, "Taka it cost in all."),
            "visits": whole(VISITS_MAX, "Visits to an office."),
            "district": {"type": "string", "enum": districts, "description": "District code (one of the 64)."},
            "name": {"type": ["string", "null"], "maxLength": NAME_MAX, "description": "Contact name (personal data, never published)."},
            "email": {"type": ["string", "null"], "maxLength": EMAIL_MAX, "pattern": EMAIL_PATTERN, "description": "Contact email; empty for none."},
            "phone": {"type": ["string", "null"], "pattern": PHONE_PATTERN, "description": "Contact phone: `+` and 8–15 digits, or a Bangladeshi number from 0; empty for none."},
            "consent": {"type": ["boolean", "null"], "description": "Tell the citizen of progress by email (needs `email`)."},
            "language": {"type": ["string", "null"], "enum": ["bn", "en", null], "description": "Language of the citizen; default from Accept-Language, else bn."}
        },
        "if": {"properties": {"consent": {"const": true}}, "required": ["consent"]},
        "then": {"properties": {"email": {"type": "string", "minLength": 1}}, "required": ["email"]}
    })
}

/// The complete description, as served.
pub static DOCUMENT: LazyLock<Value> = LazyLock::new(|| {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).expect("the description serialises");
    doc["components"]["schemas"]["FeedbackRequest"] = feedback_request_schema();
    if let (Some(paths), Value::Object(open311)) = (doc["paths"].as_object_mut(), openapi_open311::paths()) {
        paths.extend(open311);
    }
    if let (Some(schemas), Value::Object(open311)) =
        (doc["components"]["schemas"].as_object_mut(), openapi_open311::schemas())
    {
        schemas.extend(open311);
    }
    add_links(&mut doc);
    add_health(&mut doc);
    // A theme's category is one of the pain categories.
    let mut allowed: Vec<Value> = crate::themes::PainCategory::ALL.iter().map(|c| json!(c.as_str())).collect();
    allowed.push(Value::Null);
    doc["components"]["schemas"]["ThemeEditBody"]["properties"]["category"] =
        json!({"type": ["string", "null"], "enum": allowed, "description": "Pain category"});
    doc
});

/// The docs' Content-Security-Policy, which Swagger UI's own files satisfy: its scripts and
/// stylesheets are files from here (none inline: its settings are the served
/// `swagger-initializer.js`), its stylesheet's images are `data:`, and it fetches the
/// description and "Try it out" calls from this site only. The one inline style, the
/// `<style>` in the top bar's logo (swagger-ui-standalone-preset.js), is allowed by its hash.
pub const DOCS_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self' 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='; img-src 'self' data:; \
     connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// `GET /api/openapi.json`: [`DOCUMENT`] as is, so keywords such as `if`/`then` survive.
async fn show_description() -> HttpResponse {
    HttpResponse::Ok().json(&*DOCUMENT)
}

/// Registers the description and Swagger UI over it at `/api/docs/`, under [`DOCS_POLICY`].
/// The online validator is off: its badge is an image from another host.
pub fn configure(cfg: &mut web::ServiceConfig) {
    let config = utoipa_swagger_ui::Config::new(["/api/openapi.json"]).validator_url("none");
    cfg.route("/api/openapi.json", web::get().to(show_description)).service(
        web::scope("/api/docs")
            .wrap(DefaultHeaders::new().add((header::CONTENT_SECURITY_POLICY, DOCS_POLICY)))
            .service(utoipa_swagger_ui::SwaggerUi::new("/{_:.*}").config(config)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_docs_policy_allows_each_inline_style_of_swagger_ui_by_its_hash() {
        use base64::Engine;
        use sha2::Digest;
        let config = std::sync::Arc::new(utoipa_swagger_ui::Config::new(["/api/openapi.json"]));
        let style = regex::Regex::new(r#"createElement\("style",null,"([^"]*)"\)"#).unwrap();
        let mut found = 0;
        for file in ["swagger-ui-bundle.js", "swagger-ui-standalone-preset.js"] {
            let served = utoipa_swagger_ui::serve(file, config.clone()).unwrap().unwrap();
            for css in style.captures_iter(std::str::from_utf8(&served.bytes).unwrap()) {
                let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&css[1]));
                assert!(DOCS_POLICY.contains(&format!("'sha256-{hash}'")), "{file}: {}", &css[1]);
                found += 1;
            }
        }
        assert_eq!(found, 1, "the logo's style");
    }

    #[test]
    fn every_api_operation_is_described() {
        let paths = DOCUMENT["paths"].as_object().unwrap();
        for path in [
            "/api/v1/ministries",
            "/api/v1/services",
            "/api/v1/services/{code}",
            "/api/v1/feedback",
            "/api/v1/feedback/{tracking_code}",
            "/api/v1/staff/services/{code}/merge-suggestions",
            "/api/v1/staff/services/{code}/merge-suggestions/dismiss",
        ] {
            assert!(paths.contains_key(path), "{path}");
        }
        assert!(DOCUMENT["openapi"].as_str().unwrap().starts_with("3.1"));
    }

    #[test]
    fn the_text_pattern_states_the_length_rule() {
        let pattern =
            DOCUMENT["components"]["schemas"]["FeedbackRequest"]["properties"]["text"]["pattern"].as_str().unwrap();
        let re = regex::Regex::new(pattern).unwrap();
        assert!(re.is_match("  ০১২৩৪৫৬৭৮৯ \n"));
        assert!(!re.is_match(" ০১২৩৪৫৬৭৮ "));
        assert!(re.is_match(&"ক".repeat(4000)));
        assert!(!re.is_match(&"ক".repeat(4001)));
    }
}
