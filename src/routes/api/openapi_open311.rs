//! The JSON side of Open311 GeoReport v2 (`/open311/v2/*.json`) in the OpenAPI description,
//! written by hand: the handlers answer the specification's shapes (lists of objects, the
//! specification's error list), not the API's envelope. The XML side answers the same in XML.

use serde_json::{json, Value};

use crate::domain::district::District;
use crate::domain::feedback::{FeedbackKind, COST_MAX, DAYS_MAX, TEXT_MAX, TEXT_MIN, VISITS_MAX};

const NO_CONTROL: &str = "^[^\\x00-\\x1F\\x7F]*$";
const NO_NUL: &str = "^[^\\x00]*$";

fn errors(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Open311Errors"}}}})
}

fn ok(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

fn path_param(name: &str, description: &str) -> Value {
    json!({"name": name, "in": "path", "required": true, "description": description,
           "schema": {"type": "string", "pattern": NO_CONTROL}})
}

fn query_param(name: &str, description: &str) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description,
           "schema": {"type": "string", "pattern": NO_CONTROL}})
}

/// `schema` or `other`, or a blank value (`?page=`), which counts as not given.
fn or_blank(schema: Value, other: Value) -> Value {
    json!({"anyOf": [schema, other, {"type": "string", "pattern": "^ *$"}]})
}

fn typed_query(name: &str, description: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": schema})
}

/// The schemas the Open311 paths refer to.
pub fn schemas() -> Value {
    let text = |nullable: bool| if nullable { json!(["string", "null"]) } else { json!("string") };
    json!({
        "Open311Errors": {
            "type": "array",
            "description": "The specification's error list.",
            "items": {"type": "object", "required": ["code", "description"],
                      "properties": {"code": {"type": "integer"}, "description": {"type": "string"}}}
        },
        "Open311Service": {
            "type": "object",
            "required": ["service_code", "service_name", "metadata", "type"],
            "properties": {
                "service_code": {"type": "string"}, "service_name": {"type": "string"},
                "description": {"type": "string"}, "metadata": {"type": "boolean"},
                "type": {"type": "string"}, "keywords": {"type": "string"}, "group": {"type": "string"}
            }
        },
        "Open311Request": {
            "type": "object",
            "required": ["service_request_id", "status", "service_code", "description", "requested_datetime"],
            "properties": {
                "service_request_id": {"type": "string", "description": "The tracking code."},
                "status": {"type": "string", "enum": ["open", "closed"]},
                "status_notes": {"type": text(true)}, "service_name": {"type": "string"},
                "service_code": {"type": "string"},
                "description": {"type": "string", "description": "The feedback with personal data masked."},
                "agency_responsible": {"type": "string"}, "service_notice": {"type": text(true)},
                "requested_datetime": {"type": "string"}, "updated_datetime": {"type": "string"},
                "expected_datetime": {"type": "null"}, "address": {"type": "null"}, "address_id": {"type": "null"},
                "zipcode": {"type": "null"}, "lat": {"type": "null"}, "long": {"type": "null"},
                "media_url": {"type": "null"}
            }
        }
    })
}

/// The body of `POST requests.json`.
fn request_form() -> Value {
    // Every field is text without NUL (a form body with one is refused with 400 at the edge).
    let text = |description: &str| json!({"type": "string", "pattern": NO_NUL, "description": description});
    let kinds: Vec<&str> = FeedbackKind::ALL.iter().map(|k| k.as_str()).collect();
    let districts: Vec<&str> = District::all().map(|d| d.code()).collect();
    let number = |max: u64, what: &str| json!({"type": "string", "pattern": "^[0-9]*$", "maxLength": 12, "description": format!("{what} (0 to {max})")});
    json!({
        "type": "object",
        "required": ["api_key", "service_code", "description", "attribute[kind]", "attribute[district]"],
        "propertyNames": {"pattern": NO_NUL},
        "additionalProperties": {"type": "string", "pattern": NO_NUL},
        "properties": {
            "api_key": text("The client system's key (`nagorik api-keys issue`); 403 when missing, unknown or revoked."),
            "service_code": {"type": "string", "pattern": "^[^\\x00]*[^\\x00\\s][^\\x00]*$", "description": "Code of the service; 404 when unknown."},
            "description": text(&format!("The feedback, {TEXT_MIN} to {TEXT_MAX} characters.")),
            "attribute[kind]": {"type": "string", "enum": kinds},
            "attribute[district]": {"type": "string", "enum": districts},
            "attribute[step]": text("Number of the charter step (see the service definition)."),
            "attribute[days]": number(DAYS_MAX, "Days it took"),
            "attribute[cost]": number(COST_MAX, "Taka it cost"),
            "attribute[visits]": number(VISITS_MAX, "Visits to an office"),
            "first_name": text("Contact name (never published)"), "last_name": text("Contact name (never published)"),
            "email": text("Contact email"), "phone": text("Contact phone"),
            "address_string": {"type": "string", "pattern": NO_NUL, "maxLength": 500},
            "lat": text("Latitude, -90 to 90, with `long`."),
            "long": text("Longitude, -180 to 180, with `lat`.")
        }
    })
}

/// The Open311 JSON paths.
pub fn paths() -> Value {
    let requests = json!({"type": "array", "items": {"$ref": "#/components/schemas/Open311Request"}});
    let busy = errors("Busy: try again after `Retry-After` seconds");
    json!({
        "/open311/v2/discovery.json": {"get": {
            "tags": ["open311"], "summary": "Where the endpoint is and what it speaks",
            "responses": {"200": ok("Discovery", json!({"type": "object", "required": ["endpoints"]}))}
        }},
        "/open311/v2/services.json": {"get": {
            "tags": ["open311"], "summary": "Every service feedback can be given about",
            "responses": {"200": ok("The services", json!({"type": "array", "items": {"$ref": "#/components/schemas/Open311Service"}})), "503": busy}
        }},
        "/open311/v2/services/{service_code}.json": {"get": {
            "tags": ["open311"], "summary": "What Nagorik asks with every feedback about the service",
            "parameters": [path_param("service_code", "Service code, e.g. ORGBDR-001")],
            "responses": {
                "200": ok("The service definition", json!({"type": "object", "required": ["service_code", "attributes"]})),
                "400": errors("A control character in the path"),
                "404": errors("No such service"), "503": busy
            }
        }},
        "/open311/v2/requests.json": {
            "get": {
                "tags": ["open311"], "summary": "Feedback given, masked, newest first (90 days unless dates say otherwise)",
                "parameters": [
                    query_param("service_request_id", "Tracking codes, comma-separated (the other filters are then ignored)"),
                    query_param("service_code", "Service codes, comma-separated"),
                    typed_query("start_date", "W3C date-time (RFC 3339) or a date", or_blank(json!({"type": "string", "format": "date-time"}), json!({"type": "string", "format": "date"}))),
                    typed_query("end_date", "W3C date-time (RFC 3339) or a date", or_blank(json!({"type": "string", "format": "date-time"}), json!({"type": "string", "format": "date"}))),
                    typed_query("status", "open, closed or both, comma-separated", json!({"type": "string", "pattern": "^ *((open|closed|OPEN|CLOSED) *(, *(open|closed|OPEN|CLOSED) *)?)?$"})),
                    typed_query("page", "Page, from 1", or_blank(json!({"type": "integer", "minimum": 1, "maximum": 1_000_000}), json!(false))),
                    typed_query("page_size", "At most 1000", or_blank(json!({"type": "integer", "minimum": 1, "maximum": 1000}), json!(false)))
                ],
                "responses": {"200": ok("The requests", requests.clone()), "400": errors("A filter that cannot be read"), "503": busy}
            },
            "post": {
                "tags": ["open311"], "summary": "Give feedback from a client system",
                "requestBody": {"required": true, "content": {"application/x-www-form-urlencoded": {"schema": request_form()}}},
                "responses": {
                    "201": ok("Stored: the tracking code", json!({"type": "array", "items": {"type": "object", "required": ["service_request_id"]}})),
                    "400": errors("A field is missing or wrong; nothing was stored"),
                    "403": errors("api_key is missing, unknown or revoked"),
                    "404": errors("No such service"),
                    "413": errors("The body is too large"),
                    "503": busy
                }
            }
        },
        "/open311/v2/requests/{service_request_id}.json": {"get": {
            "tags": ["open311"], "summary": "One feedback by its tracking code, masked",
            "parameters": [path_param("service_request_id", "The tracking code")],
            "responses": {"200": ok("The request", requests), "400": errors("A control character in the path"), "404": errors("No such request"), "503": busy}
        }}
    })
}
