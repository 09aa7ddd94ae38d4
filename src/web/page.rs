//! Renders a page inside the common frame: language switch, stylesheet, title.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpRequest, HttpResponse};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};
use serde_json::{json, Value};

use crate::assets::Assets;
use crate::auth::Staff;
use crate::domain::staff::Permission;
use crate::domain::Locale;
use crate::templates::Templates;

/// Renders HTML pages; shared by every handler through `web::Data`.
pub struct Renderer {
    templates: Templates,
    assets: Assets,
}

/// Percent-encodes a value for use in a query string.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, NON_ALPHANUMERIC).to_string()
}

impl Renderer {
    /// Wraps the template registries and static assets.
    pub fn new(templates: Templates, assets: Assets) -> Self {
        Self { templates, assets }
    }

    /// The static files.
    pub fn assets(&self) -> &Assets {
        &self.assets
    }

    /// The registries (for mail rendering).
    pub fn templates(&self) -> &Templates {
        &self.templates
    }

    /// The values every page needs, whatever its content.
    fn frame(&self, req: &HttpRequest, locale: Locale) -> Value {
        let other = locale.other();
        let here = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
        json!({
            "lang": locale.code(),
            "css_url": self.assets.url("app.css"),
            "switch_url": format!("/lang/{}?next={}", other.code(), encode(here)),
            "switch_lang": other.code(),
            "switch_label": match other { Locale::Bn => "বাংলা", Locale::En => "English" },
        })
    }

    /// Renders `pages/<name>` with `data` (an object) added to the frame.
    pub fn render(&self, req: &HttpRequest, locale: Locale, name: &str, data: Value) -> anyhow::Result<String> {
        let mut context = self.frame(req, locale);
        if let (Some(ctx), Value::Object(extra)) = (context.as_object_mut(), data) {
            ctx.extend(extra);
        }
        self.templates
            .html
            .render(&format!("pages/{name}"), &context)
            .map_err(|e| anyhow::anyhow!("rendering {name}: {e}"))
    }

    /// A staff page: the frame plus who is logged in, their CSRF token and the menu they may use.
    pub fn respond_staff(
        &self,
        req: &HttpRequest,
        locale: Locale,
        staff: &Staff,
        status: StatusCode,
        name: &str,
        mut data: Value,
    ) -> HttpResponse {
        if let Value::Object(map) = &mut data {
            map.insert(
                "staff".into(),
                json!({
                    "name": staff.name,
                    "email": staff.email,
                    "role_id": format!("role-{}", staff.role.as_str()),
                    "csrf": staff.csrf(),
                    "can_manage_staff": staff.role.allows(Permission::ManageStaff),
                    "can_read_audit": staff.role.allows(Permission::ReadAudit),
                    "can_view_feedback": staff.role.allows(Permission::ViewFeedback),
                    "can_assist": staff.role.allows(Permission::AssistedIntake),
                    "can_import": staff.role.allows(Permission::ImportFeedback),
                    "can_use_tokens": staff.role.allows(Permission::UseApiTokens),
                    "can_view_backlog": staff.role.allows(Permission::ViewBacklog),
                    "can_manage_mail": staff.role.allows(Permission::ManageMail),
                }),
            );
        }
        let mut response = self.respond(req, locale, status, name, data);
        response.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
        response
    }

    /// A complete HTML response; a rendering failure becomes a plain 500.
    pub fn respond(
        &self,
        req: &HttpRequest,
        locale: Locale,
        status: StatusCode,
        name: &str,
        data: Value,
    ) -> HttpResponse {
        match self.render(req, locale, name, data) {
            Ok(body) => html_response(status, locale, body),
            Err(err) => {
                tracing::error!(error = format!("{err:#}"), "page could not be rendered");
                HttpResponse::InternalServerError().content_type("text/plain; charset=utf-8").body("500")
            }
        }
    }
}

/// An HTML response that caches only privately and varies with the language.
pub fn html_response(status: StatusCode, locale: Locale, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_LANGUAGE, locale.code()))
        .insert_header((header::VARY, "Cookie, Accept-Language"))
        .insert_header((header::CACHE_CONTROL, "private, no-cache"))
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ))
        .body(body)
}

/// A `303 See Other` to `location` (post/redirect/get).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location)).finish()
}
