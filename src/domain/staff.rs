//! Staff roles and what each may do. Every staff route names the permission it
//! needs; a role that does not list it is refused (deny by default).

use std::fmt;

/// What a staff member is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Service designer: reviews grouped feedback, shapes themes, moderates.
    Designer,
    /// Ministry or department focal point: everything a designer does, plus staff and audit of their ministries.
    MinistryAdmin,
    /// Cabinet Division coordinator: sees every ministry, manages all staff.
    CabinetAdmin,
    /// Union Digital Centre operator: types feedback on citizens' behalf, scoped to districts.
    Operator,
}

/// Something a staff route does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Dashboard, service pages, feedback lists, themes (read).
    ViewFeedback,
    /// Citizens' names, emails and phones, and unmasked text (own ministries only).
    ViewPersonalData,
    /// Confirm, rename, merge, split, move and regroup themes.
    EditThemes,
    /// Mark spam or hidden, undo, redact spans.
    Moderate,
    /// Erase a citizen's personal data on request.
    ForgetPersonalData,
    /// Add, disable and enable staff accounts.
    ManageStaff,
    /// Read the audit log.
    ReadAudit,
    /// Enter feedback on a citizen's behalf and correct one's own entries (operators).
    AssistedIntake,
    /// Import feedback from workshop and paper spreadsheets (own ministries' services).
    ImportFeedback,
    /// Issue and revoke tokens for the staff JSON API.
    UseApiTokens,
    /// See the ranked backlog, scores and reviews.
    ViewBacklog,
    /// Promote a service to the backlog; write its problem statement and linked themes.
    ShapeBacklog,
    /// Change status, target year, category, owner office, priority inputs, ministry weights; record reviews.
    PrioritiseBacklog,
    /// Export the backlog (CSV, XLSX, JSON).
    ExportBacklog,
    /// Set the national default weights.
    SetNationalWeights,
    /// See mail that could not be sent and send it again.
    ManageMail,
}

impl Role {
    /// Every role, in the order forms list them.
    pub const ALL: [Role; 4] = [Role::Designer, Role::MinistryAdmin, Role::CabinetAdmin, Role::Operator];

    /// Stored and typed form (`designer`, `ministry-admin`, `cabinet-admin`).
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Designer => "designer",
            Role::MinistryAdmin => "ministry-admin",
            Role::CabinetAdmin => "cabinet-admin",
            Role::Operator => "operator",
        }
    }

    /// Reads the stored or typed form.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    /// Whether the role sees every ministry (no ministry list of its own).
    pub fn sees_all_ministries(self) -> bool {
        self == Role::CabinetAdmin
    }

    /// Whether the role is scoped to districts instead of ministries (operators).
    pub fn scoped_to_districts(self) -> bool {
        self == Role::Operator
    }

    /// Whether this role may do `permission` (within the ministries it sees).
    pub fn allows(self, permission: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Designer => {
                matches!(
                    permission,
                    ViewFeedback | ViewPersonalData | EditThemes | Moderate | ViewBacklog | ShapeBacklog | UseApiTokens
                )
            }
            Role::MinistryAdmin => matches!(
                permission,
                ViewFeedback
                    | ViewPersonalData
                    | EditThemes
                    | Moderate
                    | ForgetPersonalData
                    | ManageStaff
                    | ReadAudit
                    | ImportFeedback
                    | UseApiTokens
                    | ViewBacklog
                    | ShapeBacklog
                    | PrioritiseBacklog
                    | ExportBacklog
                    | ManageMail
            ),
            // Cabinet admins oversee: they read everything but personal data, manage accounts and
            // mail, and set the national weights; ministries decide their own backlogs.
            Role::CabinetAdmin => matches!(
                permission,
                ViewFeedback
                    | ManageStaff
                    | ReadAudit
                    | UseApiTokens
                    | ViewBacklog
                    | ExportBacklog
                    | SetNationalWeights
                    | ManageMail
            ),
            // Operators only type feedback in; they read nothing of the workspace.
            Role::Operator => permission == AssistedIntake,
        }
    }

    /// Roles this role may give to the accounts it creates.
    pub fn may_grant(self, other: Role) -> bool {
        match self {
            Role::CabinetAdmin => true,
            // Operators serve every ministry's services, so only cabinet admins (who see all) grant them.
            Role::MinistryAdmin => !matches!(other, Role::CabinetAdmin | Role::Operator),
            Role::Designer | Role::Operator => false,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    /// Fewer than [`MIN_PASSWORD_CHARS`] characters.
    #[error("password too short")]
    TooShort,
    /// More than [`MAX_PASSWORD_CHARS`] characters.
    #[error("password too long")]
    TooLong,
    /// A common password or pattern, or built from the account's email or name.
    #[error("password too easy to guess")]
    Guessable,
}

/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest password accepted (argon2 work stays bounded).
pub const MAX_PASSWORD_CHARS: usize = 200;

/// A password that meets the length rules (never logged: `Debug` hides it).
#[derive(Clone)]
pub struct Password(String);

impl Password {
    /// Checks the length rules.
    pub fn parse(raw: &str) -> Result<Password, PasswordError> {
        let chars = raw.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            Err(PasswordError::TooShort)
        } else if chars > MAX_PASSWORD_CHARS {
            Err(PasswordError::TooLong)
        } else {
            Ok(Password(raw.to_owned()))
        }
    }

    /// Checks a new account's password: the length rules, then that it is not too easy to guess
    /// (common, a pattern, or built from `personal`: the account's email and name).
    pub fn parse_new(raw: &str, personal: &[&str]) -> Result<Password, PasswordError> {
        let password = Password::parse(raw)?;
        if super::password_strength::is_guessable(raw, personal) {
            return Err(PasswordError::Guessable);
        }
        Ok(password)
    }

    /// The password itself (for hashing only).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_read_back_from_their_stored_form() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(Role::parse("admin"), None);
    }

    #[test]
    fn only_ministry_staff_see_personal_data() {
        assert!(Role::Designer.allows(Permission::ViewPersonalData));
        assert!(Role::MinistryAdmin.allows(Permission::ViewPersonalData));
        assert!(!Role::CabinetAdmin.allows(Permission::ViewPersonalData));
    }

    #[test]
    fn designers_cannot_manage_staff_or_read_the_audit_log() {
        assert!(!Role::Designer.allows(Permission::ManageStaff));
        assert!(!Role::Designer.allows(Permission::ReadAudit));
        assert!(!Role::Designer.allows(Permission::ForgetPersonalData));
        assert!(!Role::Designer.allows(Permission::ManageMail));
    }

    #[test]
    fn ministry_admins_cannot_create_cabinet_admins() {
        assert!(!Role::MinistryAdmin.may_grant(Role::CabinetAdmin));
        assert!(Role::MinistryAdmin.may_grant(Role::Designer));
        assert!(Role::CabinetAdmin.may_grant(Role::CabinetAdmin));
    }

    #[test]
    fn operators_may_only_enter_feedback_and_only_cabinet_admins_create_them() {
        assert!(Role::Operator.allows(Permission::AssistedIntake));
        assert!(!Role::Operator.allows(Permission::ViewFeedback));
        assert!(!Role::Operator.allows(Permission::UseApiTokens));
        assert!(!Role::Designer.allows(Permission::AssistedIntake));
        assert!(Role::MinistryAdmin.allows(Permission::ImportFeedback));
        assert!(!Role::CabinetAdmin.allows(Permission::ImportFeedback));
        assert!(!Role::MinistryAdmin.may_grant(Role::Operator));
        assert!(Role::CabinetAdmin.may_grant(Role::Operator));
        assert!(!Role::Operator.may_grant(Role::Operator));
    }

    #[test]
    fn passwords_must_be_between_ten_and_two_hundred_characters() {
        assert_eq!(Password::parse("short").err(), Some(PasswordError::TooShort));
        assert!(Password::parse("দশটি অক্ষরের পাসওয়ার্ড").is_ok());
        assert_eq!(Password::parse(&"x".repeat(201)).err(), Some(PasswordError::TooLong));
        assert_eq!(format!("{:?}", Password::parse("correct horse").unwrap()), "Password(***)");
    }
}
