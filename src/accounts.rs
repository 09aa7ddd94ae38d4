//! Staff accounts as admins manage them (web page and command line alike):
//! checking a new account, creating it, disabling and enabling it. Every change
//! is audited in the same transaction.

use chrono::Utc;
use serde_json::json;

use crate::audit::{self, Actor, Target};
use crate::auth::Staff;
use crate::db::staff_users::{self, NewStaffUser};
use crate::db::{ministries, staff_districts, staff_sessions, write_transaction, Conn};
use crate::domain::contact::{ContactEmail, PersonName};
use crate::domain::district::District;
use crate::domain::staff::{Password, PasswordError, Role};
use crate::domain::{FieldError, FieldErrors, Locale};

/// An account as typed (form fields or command-line flags).
#[derive(Debug, Clone, Default)]
pub struct AccountInput {
    /// Log-in email.
    pub email: String,
    /// Full name.
    pub name: String,
    /// Role's typed form.
    pub role: String,
    /// Ministry codes.
    pub ministries: Vec<String>,
    /// District codes or names (operators only).
    pub districts: Vec<String>,
    /// Password.
    pub password: String,
    /// Preferred language (`bn` or `en`; empty: Bangla).
    pub locale: String,
}

/// A checked account, ready to store.
#[derive(Debug, Clone)]
pub struct NewAccount {
    /// Log-in email (lower case).
    pub email: ContactEmail,
    /// Full name.
    pub name: PersonName,
    /// Role.
    pub role: Role,
    /// Ministry codes (upper case, none for cabinet admins and operators).
    pub ministries: Vec<String>,
    /// District codes (operators only).
    pub districts: Vec<String>,
    /// Password.
    pub password: Password,
    /// Preferred language.
    pub locale: Locale,
}

/// Checks the typed fields; every problem is reported, per field.
pub fn parse(input: &AccountInput) -> Result<NewAccount, FieldErrors> {
    let mut errors = FieldErrors::new();
    let email = match ContactEmail::parse("email", input.email.trim()) {
        Ok(Some(email)) => Some(email),
        Ok(None) => {
            errors.push(FieldError::new("email", "error-staff-email-required"));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let name = match PersonName::parse("name", &input.name) {
        Ok(Some(name)) => Some(name),
        Ok(None) => {
            errors.push(FieldError::new("name", "error-staff-name-required"));
            None
        }
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let role = Role::parse(&input.role);
    if role.is_none() {
        errors.push(FieldError::new("role", "error-staff-role"));
    }
    let codes: Vec<String> =
        input.ministries.iter().map(|c| c.trim().to_uppercase()).filter(|c| !c.is_empty()).collect();
    let by_district = role.is_some_and(Role::scoped_to_districts);
    if role.is_some_and(|r| !r.sees_all_ministries() && !r.scoped_to_districts()) && codes.is_empty() {
        errors.push(FieldError::new("ministries", "error-staff-ministry-required"));
    }
    let districts = if by_district { parse_districts(&input.districts, &mut errors) } else { Vec::new() };
    let password = match Password::parse_new(&input.password, &[&input.email, &input.name]) {
        Ok(p) => Some(p),
        Err(PasswordError::TooShort) => {
            errors.push(
                FieldError::new("password", "error-password-too-short")
                    .with("min", crate::domain::staff::MIN_PASSWORD_CHARS),
            );
            None
        }
        Err(PasswordError::Guessable) => {
            errors.push(FieldError::new("password", "error-password-guessable"));
            None
        }
        Err(PasswordError::TooLong) => {
            errors.push(
                FieldError::new("password", "error-password-too-long")
                    .with("max", crate::domain::staff::MAX_PASSWORD_CHARS),
            );
            None
        }
    };
    let locale = if input.locale.trim().is_empty() { Some(Locale::Bn) } else { Locale::parse(&input.locale) };
    if locale.is_none() {
        errors.push(FieldError::new("locale", "error-staff-locale"));
    }
    match (email, name, role, password, locale) {
        (Some(email), Some(name), Some(role), Some(password), Some(locale)) if errors.is_empty() => {
            let ministries = if role.sees_all_ministries() || by_district { Vec::new() } else { codes };
            Ok(NewAccount { email, name, role, ministries, districts, password, locale })
        }
        _ => Err(errors),
    }
}

/// An operator's districts as codes; every unknown one, or none at all, is an error.
fn parse_districts(typed: &[String], errors: &mut FieldErrors) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for raw in typed.iter().map(|d| d.trim()).filter(|d| !d.is_empty()) {
        match District::parse(raw) {
            Some(d) if !codes.iter().any(|c| c == d.code()) => codes.push(d.code().to_owned()),
            Some(_) => {}
            None => errors.push(FieldError::new("districts", "error-staff-district-unknown").with("code", raw)),
        }
    }
    if codes.is_empty() && !errors.has("districts") {
        errors.push(FieldError::new("districts", "error-staff-district-required"));
    }
    codes
}

/// Why an account could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// A field is wrong given what is stored (email taken, unknown ministry, role or ministry not grantable).
    #[error("invalid account: {0}")]
    Invalid(FieldErrors),
    /// No such account, or not one the admin may manage.
    #[error("no such account")]
    NotFound,
    /// The database failed.
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Stores a checked account with its `password_hash` (argon2id, hashed by the caller off the
/// transaction). `granter` is the admin creating it (`None` at the command line).
pub fn create(
    conn: &mut Conn,
    actor: &Actor,
    granter: Option<&Staff>,
    account: &NewAccount,
    password_hash: &str,
) -> Result<i64, AccountError> {
    write_transaction(conn, |c| {
        let mut errors = FieldErrors::new();
        if granter.is_some_and(|g| !g.role.may_grant(account.role)) {
            errors.push(FieldError::new("role", "error-staff-role-not-yours"));
        }
        let mut ministry_ids = Vec::new();
        for code in &account.ministries {
            match ministries::find_by_code(c, code)? {
                Some(m) if granter.is_none_or(|g| g.sees(m.id)) => ministry_ids.push(m.id),
                _ => errors.push(FieldError::new("ministries", "error-staff-ministry-unknown").with("code", code)),
            }
        }
        if staff_users::find_by_email(c, account.email.as_str())?.is_some() {
            errors.push(FieldError::new("email", "error-staff-email-taken"));
        }
        if !errors.is_empty() {
            return Err(AccountError::Invalid(errors));
        }
        let now = Utc::now().naive_utc();
        let new = NewStaffUser {
            email: account.email.as_str(),
            name: account.name.as_str(),
            password_hash,
            role: account.role.as_str(),
            locale: account.locale.code(),
            digest_opt_in: false,
            created_at: now,
            updated_at: now,
        };
        let id = staff_users::insert(c, &new, &ministry_ids)?;
        staff_districts::set(c, id, &account.districts)?;
        let after = json!({
            "email": account.email.as_str(), "name": account.name.as_str(), "role": account.role.as_str(),
            "ministries": account.ministries, "districts": account.districts,
        });
        let target = Target { kind: "staff", id: Some(id), ministry_id: ministry_ids.first().copied() };
        audit::record(c, actor, "staff.create", target, None, Some(after))?;
        Ok(id)
    })
}

/// Whether `admin` may manage the account `id` (it sees one of its ministries; only cabinet
/// admins manage cabinet admins; nobody disables themselves).
fn manageable(
    c: &mut Conn,
    admin: Option<&Staff>,
    id: i64,
) -> Result<(staff_users::StaffUser, Vec<i64>), AccountError> {
    let user = staff_users::find(c, id)?.ok_or(AccountError::NotFound)?;
    let ministry_ids = staff_users::ministry_ids(c, id)?;
    if let Some(admin) = admin {
        let role = Role::parse(&user.role).ok_or(AccountError::NotFound)?;
        let visible = admin.role.sees_all_ministries() || ministry_ids.iter().any(|m| admin.sees(*m));
        if !visible || !admin.role.may_grant(role) || admin.id == id {
            return Err(AccountError::NotFound);
        }
    }
    Ok((user, ministry_ids))
}

/// Disables (`enabled == false`) or enables an account; disabling ends its sessions at once and
/// revokes its API tokens, so enabling it again brings back neither.
pub fn set_enabled(
    conn: &mut Conn,
    actor: &Actor,
    admin: Option<&Staff>,
    id: i64,
    enabled: bool,
) -> Result<(), AccountError> {
    write_transaction(conn, |c| {
        let (user, ministry_ids) = manageable(c, admin, id)?;
        let now = Utc::now().naive_utc();
        staff_users::set_disabled(c, id, (!enabled).then_some(now), now)?;
        let mut revoked = 0;
        if !enabled {
            staff_sessions::delete_for_staff(c, id)?;
            revoked = staff_sessions::revoke_all_tokens(c, id, now)?;
        }
        let action = if enabled { "staff.enable" } else { "staff.disable" };
        let target = Target { kind: "staff", id: Some(id), ministry_id: ministry_ids.first().copied() };
        let before = json!({ "email": user.email, "disabled": user.disabled_at.is_some() });
        let mut after = json!({ "email": user.email, "disabled": !enabled });
        if revoked > 0 {
            after["tokens_revoked"] = json!(revoked);
        }
        audit::record(c, actor, action, target, Some(before), Some(after))?;
        Ok(())
    })
}
