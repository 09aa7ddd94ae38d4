//! Staff accounts (`/staff/users`): the accounts an admin may see, a form for a
//! new one, and disabling and enabling. Every handler first requires
//! `Permission::ManageStaff`; what an admin may grant and manage is decided by
//! `accounts`, in the same transaction as the change.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::sent::{DoneQuery, Sent};
use super::view::{error_context, merged};
use crate::accounts::{self, AccountError, AccountInput, NewAccount};
use crate::audit::Actor;
use crate::auth::{password, Staff};
use crate::db::ministries::{self, Ministry};
use crate::db::staff_users::{self, StaffUser};
use crate::db::{self, staff_districts, Conn, Pool};
use crate::domain::district::District;
use crate::domain::staff::{Permission, Role, MIN_PASSWORD_CHARS};
use crate::domain::{FieldError, FieldErrors, Locale};
use crate::error::AppError;
use crate::web::page::see_other;
use crate::web::Renderer;

/// Where the page lives (and where its forms lead back to).
const PAGE: &str = "/staff/users";

/// The accounts an admin sees and the ministries they may give.
struct Listing {
    accounts: Vec<StaffUser>,
    codes: Vec<(i64, String)>,
    districts: Vec<(i64, String)>,
    ministries: Vec<Ministry>,
}

fn load(conn: &mut Conn, within: Option<Vec<i64>>) -> diesel::QueryResult<Listing> {
    let accounts = staff_users::list(conn, within.as_deref())?;
    let ids: Vec<i64> = accounts.iter().map(|a| a.id).collect();
    let codes = staff_users::ministry_codes(conn, &ids)?;
    let districts = staff_districts::of_many(conn, &ids)?;
    let ministries = ministries::list(conn, within.as_deref())?;
    Ok(Listing { accounts, codes, districts, ministries })
}

async fn load_for(pool: &Pool, staff: &Staff) -> Result<Listing, AppError> {
    let within = staff.ministry_filter();
    Ok(db::run_blocking(pool, move |c| load(c, within)).await?)
}

/// The new-account form as posted: `ministries` repeats, once per ticked box.
fn read_form(pairs: Vec<(String, String)>) -> AccountInput {
    let mut input = AccountInput::default();
    for (key, value) in pairs {
        match key.as_str() {
            "email" => input.email = value,
            "name" => input.name = value,
            "role" => input.role = value,
            "ministries" => input.ministries.push(value),
            "districts" => input.districts.push(value),
            "password" => input.password = value,
            "locale" => input.locale = value,
            _ => {}
        }
    }
    input
}

/// One account row; the button shows only where `accounts::set_enabled` would allow it.
fn account_row(staff: &Staff, user: &StaffUser, listing: &Listing, locale: Locale) -> Value {
    let role = Role::parse(&user.role);
    let codes = if role.is_some_and(Role::scoped_to_districts) { &listing.districts } else { &listing.codes };
    let mine: Vec<&str> = codes
        .iter()
        .filter(|(id, _)| *id == user.id)
        .map(|(_, c)| District::from_code(c).map_or(c.as_str(), |d| d.name(locale)))
        .collect();
    let manageable = user.id != staff.id && role.is_some_and(|r| staff.role.may_grant(r));
    let disabled = user.disabled_at.is_some();
    let verb = if disabled { "enable" } else { "disable" };
    json!({
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role_id": format!("role-{}", user.role),
        "all_ministries": role.is_some_and(Role::sees_all_ministries),
        "ministries": mine.join(", "),
        "disabled": disabled,
        "manageable": manageable,
        "action_url": format!("{PAGE}/{}/{verb}", user.id),
    })
}

/// The form: what was typed (never the password), the choices and the messages.
fn form_context(
    locale: Locale,
    staff: &Staff,
    ministries: &[Ministry],
    input: &AccountInput,
    errors: &FieldErrors,
) -> Value {
    let roles: Vec<Value> = Role::ALL
        .into_iter()
        .filter(|r| staff.role.may_grant(*r))
        .map(|r| {
            json!({
                "value": r.as_str(),
                "label_id": format!("role-{}", r.as_str()),
                "selected": input.role.trim() == r.as_str(),
            })
        })
        .collect();
    let choices: Vec<Value> = ministries
        .iter()
        .map(|m| {
            json!({
                "code": m.code,
                "name": locale.pick(&m.name_bn, &m.name_en),
                "checked": input.ministries.iter().any(|c| c.trim().eq_ignore_ascii_case(&m.code)),
            })
        })
        .collect();
    let granted = |d: &District| input.districts.iter().any(|typed| District::parse(typed) == Some(*d));
    let mut divisions: Vec<(String, Vec<Value>)> = Vec::new();
    for d in District::all() {
        let entry = json!({ "code": d.code(), "name": d.name(locale), "selected": granted(&d) });
        match divisions.last_mut() {
            Some((name, list)) if name == d.division(locale) => list.push(entry),
            _ => divisions.push((d.division(locale).to_owned(), vec![entry])),
        }
    }
    let divisions: Vec<Value> =
        divisions.into_iter().map(|(n, list)| json!({ "name": n, "districts": list })).collect();
    let values = json!({
        "email": input.email,
        "name": input.name,
        "locale_en": Locale::parse(&input.locale) == Some(Locale::En),
    });
    let form = json!({
        "roles": roles, "ministries": choices, "values": values, "password_min": MIN_PASSWORD_CHARS,
        "may_grant_operators": staff.role.may_grant(Role::Operator), "divisions": divisions,
    });
    merged(form, error_context(locale, errors))
}

/// What the accounts page says was done (`?done=`).
const DONE: [&str; 3] = ["created", "enabled", "disabled"];

#[allow(clippy::too_many_arguments)] // the page and everything it shows
fn render(
    req: &HttpRequest,
    locale: Locale,
    staff: &Staff,
    renderer: &Renderer,
    listing: &Listing,
    input: &AccountInput,
    errors: &FieldErrors,
    (status, done): (StatusCode, Option<String>),
) -> HttpResponse {
    let accounts: Vec<Value> = listing.accounts.iter().map(|u| account_row(staff, u, listing, locale)).collect();
    let data = json!({
        "done": done,
        "accounts": accounts,
        "form": form_context(locale, staff, &listing.ministries, input, errors),
    });
    renderer.respond_staff(req, locale, staff, status, "staff/users", data)
}

/// `GET /staff/users`: the accounts of the admin's ministries (all for cabinet admins) and the form.
pub async fn list_users(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    query: web::Query<DoneQuery>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ManageStaff)?;
    let listing = load_for(&pool, &staff).await?;
    let (input, errors) = (AccountInput::default(), FieldErrors::new());
    let done = Sent::done("users-done", query.done.as_deref(), &DONE).done;
    Ok(render(&req, locale, &staff, &renderer, &listing, &input, &errors, (StatusCode::OK, done)))
}

/// Hashes the password off the executor and stores the account; field problems come back as `Err`.
async fn store(pool: &Pool, staff: &Staff, account: NewAccount) -> Result<Result<i64, FieldErrors>, AppError> {
    let secret = account.password.clone();
    let hash =
        web::block(move || password::hash(&secret)).await.map_err(|e| anyhow::anyhow!("hashing task: {e}"))??;
    let (actor, granter) = (Actor::from(staff), staff.clone());
    let outcome = db::run_blocking(pool, move |c| {
        Ok::<_, AppError>(accounts::create(c, &actor, Some(&granter), &account, &hash))
    })
    .await?;
    match outcome {
        Ok(id) => Ok(Ok(id)),
        Err(AccountError::Invalid(errors)) => Ok(Err(errors)),
        // Another admin took the email between the check and the insert.
        Err(AccountError::Database(e)) if db::is_unique_violation(&e) => {
            Ok(Err(FieldError::new("email", "error-staff-email-taken").into()))
        }
        Err(AccountError::Database(e)) => Err(e.into()),
        Err(AccountError::NotFound) => Err(AppError::NotFound),
    }
}

/// `POST /staff/users`: creates the account and goes back to the list (303), or shows the
/// form again (422) with every problem in the page's language.
pub async fn create_user(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    form: web::Form<Vec<(String, String)>>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ManageStaff)?;
    let input = read_form(form.into_inner());
    let errors = match accounts::parse(&input) {
        Ok(account) => match store(&pool, &staff, account).await? {
            Ok(_) => return Ok(see_other(&format!("{PAGE}?done=created"))),
            Err(errors) => errors,
        },
        Err(errors) => errors,
    };
    let listing = load_for(&pool, &staff).await?;
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(render(&req, locale, &staff, &renderer, &listing, &input, &errors, (status, None)))
}

async fn set_enabled(staff: Staff, id: i64, pool: &Pool, enabled: bool) -> Result<HttpResponse, AppError> {
    staff.require(Permission::ManageStaff)?;
    let actor = Actor::from(&staff);
    let outcome =
        db::run_blocking(pool, move |c| Ok::<_, AppError>(accounts::set_enabled(c, &actor, Some(&staff), id, enabled)))
            .await?;
    match outcome {
        Ok(()) => Ok(see_other(&format!("{PAGE}?done={}", if enabled { "enabled" } else { "disabled" }))),
        // Another ministry's account, a role above the admin's, or their own: not theirs to see.
        Err(AccountError::NotFound | AccountError::Invalid(_)) => Err(AppError::NotFound),
        Err(AccountError::Database(e)) => Err(e.into()),
    }
}

/// `POST /staff/users/{id}/disable`: the account can no longer log in; its sessions end at once.
pub async fn disable_user(staff: Staff, id: web::Path<i64>, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    set_enabled(staff, id.into_inner(), &pool, false).await
}

/// `POST /staff/users/{id}/enable`: the account may log in again.
pub async fn enable_user(staff: Staff, id: web::Path<i64>, pool: web::Data<Pool>) -> Result<HttpResponse, AppError> {
    set_enabled(staff, id.into_inner(), &pool, true).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn every_ticked_ministry_is_read_from_the_form() {
        let input = read_form(pairs(&[
            ("email", "a@b.example"),
            ("ministries", "LGD"),
            ("csrf_token", "x"),
            ("ministries", "MOL"),
            ("role", "designer"),
        ]));
        assert_eq!(input.ministries, ["LGD", "MOL"]);
        assert_eq!(input.role, "designer");
        assert_eq!(input.password, "");
    }
}
