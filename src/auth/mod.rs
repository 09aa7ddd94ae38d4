//! Staff authentication: who is asking (session cookie or API token), what
//! their role lets them do, and which ministries they see.

pub mod extract;
pub mod middleware;
pub mod origin;
pub mod password;
pub mod session;
pub mod throttle;

use crate::domain::staff::{Permission, Role};
use crate::domain::Locale;
use crate::error::AppError;

/// The ministries a staff member sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every ministry (cabinet admins).
    All,
    /// Only these ministry ids.
    Ministries(Vec<i64>),
}

/// How the request proved who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Proof {
    /// A browser session; its forms carry this CSRF token.
    Session {
        /// The session's CSRF token.
        csrf: String,
        /// SHA-256 of the session cookie (for log-out).
        token_hash: String,
    },
    /// A bearer API token (no cookie, so no CSRF).
    Token,
}

/// An authenticated, enabled staff member (put into request extensions by the middleware).
#[derive(Debug, Clone)]
pub struct Staff {
    /// Account id.
    pub id: i64,
    /// Log-in email.
    pub email: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Preferred language.
    pub locale: Locale,
    /// Ministries seen.
    pub scope: Scope,
    /// Session or token.
    pub proof: Proof,
}

impl Staff {
    /// Refuses (403) unless the role allows `permission`.
    pub fn require(&self, permission: Permission) -> Result<(), AppError> {
        if self.role.allows(permission) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Whether the staff member sees this ministry.
    pub fn sees(&self, ministry_id: i64) -> bool {
        match &self.scope {
            Scope::All => true,
            Scope::Ministries(ids) => ids.contains(&ministry_id),
        }
    }

    /// The ministries to filter by (`None`: all).
    pub fn ministry_filter(&self) -> Option<Vec<i64>> {
        match &self.scope {
            Scope::All => None,
            Scope::Ministries(ids) => Some(ids.clone()),
        }
    }

    /// Whether the role allows `permission` for something of `ministry_id`.
    pub fn may(&self, permission: Permission, ministry_id: i64) -> bool {
        self.role.allows(permission) && self.sees(ministry_id)
    }

    /// The CSRF token forms must carry (empty for token requests, which post no forms).
    pub fn csrf(&self) -> &str {
        match &self.proof {
            Proof::Session { csrf, .. } => csrf,
            Proof::Token => "",
        }
    }
}

/// Builds the principal for an account row and its ministry ids.
pub fn staff_from(user: crate::db::staff_users::StaffUser, ministries: Vec<i64>, proof: Proof) -> Option<Staff> {
    let role = Role::parse(&user.role)?;
    let scope = if role.sees_all_ministries() { Scope::All } else { Scope::Ministries(ministries) };
    Some(Staff {
        id: user.id,
        email: user.email,
        name: user.name,
        role,
        locale: Locale::parse(&user.locale).unwrap_or_default(),
        scope,
        proof,
    })
}
