//! A staff member's own API tokens (`/staff/tokens`): list, issue (the secret is
//! shown once, on the answer to the POST) and revoke. Every role may manage its
//! own tokens and nobody else's; both changes are audited.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};

use super::sent::{DoneQuery, Sent};
use super::view::{error_context, machine_time, shown_time};
use crate::audit::{self, Actor, Target};
use crate::auth::{Scope, Staff};
use crate::db::staff_sessions::{self, StaffToken};
use crate::db::{self, write_transaction, Pool};
use crate::domain::api_key;
use crate::domain::staff::Permission;
use crate::domain::text::clean_line;
use crate::domain::{FieldErrors, Locale};
use crate::error::AppError;
use crate::web::page::see_other;
use crate::web::validate::{check, not_blank};
use crate::web::Renderer;
use validator::Validate;

/// Most characters in a token's name.
pub const NAME_MAX: usize = 100;
/// What staff API tokens start with.
const TOKEN_KIND: &str = "nt_";

/// [`NAME_MAX`] as the length rule reads it.
const NAME_LIMIT: u64 = NAME_MAX as u64;

/// The new-token form as posted: what the token is for, at most [`NAME_MAX`] characters.
#[derive(Debug, Deserialize, Validate)]
pub struct TokenForm {
    #[serde(default)]
    #[validate(
        length(max = "NAME_LIMIT", code = "error-token-name-too-long"),
        custom(function = "not_blank", code = "error-token-name-required")
    )]
    name: String,
}

/// A token's name as one clean line, or why it cannot be one.
fn parse_name(form: &TokenForm) -> Result<String, FieldErrors> {
    check(form, &["name"])?;
    Ok(clean_line(&form.name))
}

/// The ministry the audit entries of a staff member's tokens are filed under (their first).
fn home_ministry(staff: &Staff) -> Option<i64> {
    match &staff.scope {
        Scope::All => None,
        Scope::Ministries(ids) => ids.first().copied(),
    }
}

fn token_row(t: &StaffToken) -> Value {
    json!({
        "id": t.id,
        "name": t.name,
        "prefix": t.token_prefix,
        "issued": shown_time(t.created_at),
        "issued_iso": machine_time(t.created_at),
        "revoked": t.revoked_at.map(shown_time),
        "revoke_url": format!("/staff/tokens/{}/revoke", t.id),
    })
}

/// What the page shows: the tokens, the form (`name`, `errors`) and, once, a new secret.
struct View<'a> {
    tokens: &'a [StaffToken],
    name: &'a str,
    errors: &'a FieldErrors,
    issued: Option<Value>,
    /// What was done, said in a banner.
    done: Option<String>,
}

fn render(
    req: &HttpRequest,
    locale: Locale,
    staff: &Staff,
    renderer: &Renderer,
    view: View,
    status: StatusCode,
) -> HttpResponse {
    let mut form = error_context(locale, view.errors);
    form["values"] = json!({ "name": view.name });
    form["name_max"] = json!(NAME_MAX);
    let data = json!({
        "tokens": view.tokens.iter().map(token_row).collect::<Vec<_>>(),
        "form": form,
        "issued": view.issued,
        "done": view.done,
    });
    renderer.respond_staff(req, locale, staff, status, "staff/tokens", data)
}

/// `GET /staff/tokens`: the staff member's own tokens, newest first.
pub async fn list_tokens(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    query: web::Query<DoneQuery>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::UseApiTokens)?;
    let owner = staff.id;
    let tokens = db::run_blocking(&pool, move |c| staff_sessions::list_tokens(c, owner)).await?;
    let done = Sent::done("tokens-done", query.done.as_deref(), &["revoked"]).done;
    let view = View { tokens: &tokens, name: "", errors: &FieldErrors::new(), issued: None, done };
    Ok(render(&req, locale, &staff, &renderer, view, StatusCode::OK))
}

/// `POST /staff/tokens`: issues a token and shows its secret this once (200, never stored
/// in the clear); a bad name shows the form again (422).
pub async fn create_token(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    form: web::Form<TokenForm>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::UseApiTokens)?;
    let form = form.into_inner();
    let owner = staff.id;
    let name = match parse_name(&form) {
        Ok(name) => name,
        Err(errors) => {
            let typed = form.name;
            let tokens = db::run_blocking(&pool, move |c| staff_sessions::list_tokens(c, owner)).await?;
            let view = View { tokens: &tokens, name: &typed, errors: &errors, issued: None, done: None };
            return Ok(render(&req, locale, &staff, &renderer, view, StatusCode::UNPROCESSABLE_ENTITY));
        }
    };
    let issued = api_key::issue_with(TOKEN_KIND);
    let (actor, ministry_id) = (Actor::from(&staff), home_ministry(&staff));
    let (stored_name, prefix, hash) = (name.clone(), issued.prefix.clone(), issued.hash.clone());
    let tokens = db::run_blocking(&pool, move |c| {
        write_transaction(c, |c| {
            let now = Utc::now().naive_utc();
            let id = staff_sessions::insert_token(c, owner, &stored_name, &prefix, &hash, now)?;
            let target = Target { kind: "token", id: Some(id), ministry_id };
            let after = json!({ "name": stored_name, "prefix": prefix, "revoked": false });
            audit::record(c, &actor, "token.create", target, None, Some(after))?;
            staff_sessions::list_tokens(c, owner)
        })
    })
    .await?;
    let shown = json!({ "name": name, "secret": issued.secret });
    let view = View { tokens: &tokens, name: "", errors: &FieldErrors::new(), issued: Some(shown), done: None };
    Ok(render(&req, locale, &staff, &renderer, view, StatusCode::OK))
}

/// What revoking came to.
enum Revoked {
    /// Revoked now.
    Now,
    /// It was revoked before (nothing to do).
    Already,
    /// Not one of the staff member's tokens.
    NotTheirs,
}

/// `POST /staff/tokens/{id}/revoke`: the token stops working at once (404 for another's token).
pub async fn revoke_token(staff: Staff, id: web::Path<i64>, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    staff.require(Permission::UseApiTokens)?;
    let (id, owner) = (id.into_inner(), staff.id);
    let (actor, ministry_id) = (Actor::from(&staff), home_ministry(&staff));
    let outcome = db::run_blocking(&pool, move |c| {
        write_transaction(c, |c| {
            let Some(token) = staff_sessions::list_tokens(c, owner)?.into_iter().find(|t| t.id == id) else {
                return Ok::<_, diesel::result::Error>(Revoked::NotTheirs);
            };
            if token.revoked_at.is_some() {
                return Ok(Revoked::Already);
            }
            staff_sessions::revoke_token(c, owner, id, Utc::now().naive_utc())?;
            let target = Target { kind: "token", id: Some(id), ministry_id };
            let before = json!({ "name": token.name, "prefix": token.token_prefix, "revoked": false });
            let after = json!({ "name": token.name, "prefix": token.token_prefix, "revoked": true });
            audit::record(c, &actor, "token.revoke", target, Some(before), Some(after))?;
            Ok(Revoked::Now)
        })
    })
    .await?;
    match outcome {
        Revoked::Now | Revoked::Already => Ok(see_other("/staff/tokens?done=revoked")),
        Revoked::NotTheirs => Err(AppError::NotFound),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> TokenForm {
        TokenForm { name: name.to_owned() }
    }

    #[test]
    fn a_token_name_is_one_clean_line() {
        assert_eq!(parse_name(&named("  ড্যাশবোর্ড \n সংযোগ ")).unwrap(), "ড্যাশবোর্ড সংযোগ");
    }

    #[test]
    fn a_blank_or_long_token_name_is_refused() {
        assert_eq!(parse_name(&named(" \n")).unwrap_err().0[0].code, "error-token-name-required");
        let long = parse_name(&named(&"ক".repeat(NAME_MAX + 1))).unwrap_err();
        assert_eq!(
            (long.0[0].code, long.0[0].args.last().cloned()),
            ("error-token-name-too-long", Some(("max", "100".into())))
        );
        assert!(parse_name(&named(&"ক".repeat(NAME_MAX))).is_ok());
    }
}
