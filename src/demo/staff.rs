//! One demo account per role, so `serve --demo` can be tried at once. Each start
//! gives them fresh random passwords, printed to the console.

use chrono::Utc;

use crate::accounts::{self, AccountInput};
use crate::audit::Actor;
use crate::db::{staff_sessions, staff_users, Conn};
use crate::domain::api_key::random_text;

/// A demo log-in to print.
#[derive(Debug, Clone)]
pub struct DemoLogin {
    /// Role's stored form.
    pub role: &'static str,
    /// Log-in email.
    pub email: &'static str,
    /// This start's password.
    pub password: String,
}

/// Role, email, name, and the ministries (for operators: districts) of each demo account.
const ACCOUNTS: [(&str, &str, &str, &[&str]); 4] = [
    ("designer", "designer@demo.nagorik.test", "নাসরিন আক্তার (Designer)", &["LGD", "PSD"]),
    ("ministry-admin", "ministry-admin@demo.nagorik.test", "মাহমুদুল হাসান (Ministry admin)", &["LGD"]),
    ("cabinet-admin", "cabinet-admin@demo.nagorik.test", "ফারহানা ইসলাম (Cabinet admin)", &[]),
    ("operator", "operator@demo.nagorik.test", "রফিকুল ইসলাম (UDC operator)", &["dhaka", "gazipur"]),
];

/// Creates the demo accounts that do not exist yet and sets a new password on all of them.
pub fn ensure_demo_staff(conn: &mut Conn) -> anyhow::Result<Vec<DemoLogin>> {
    let mut logins = Vec::new();
    for (role, email, name, ministries) in ACCOUNTS {
        let password = format!("demo-{}", random_text(10));
        let input = AccountInput {
            email: email.into(),
            name: name.into(),
            role: role.into(),
            ministries: if role == "operator" {
                Vec::new()
            } else {
                ministries.iter().map(|m| m.to_string()).collect()
            },
            districts: if role == "operator" { ministries.iter().map(|m| m.to_string()).collect() } else { Vec::new() },
            password: password.clone(),
            locale: "bn".into(),
        };
        let account = accounts::parse(&input).map_err(|e| anyhow::anyhow!("demo account {email}: {e:?}"))?;
        let hash = crate::auth::password::hash(&account.password)?;
        match staff_users::find_by_email(conn, email)? {
            Some(user) => {
                staff_users::set_password_hash(conn, user.id, &hash, Utc::now().naive_utc())?;
                staff_sessions::delete_for_staff(conn, user.id)?;
            }
            None => {
                accounts::create(conn, &Actor::command_line(), None, &account, &hash)?;
            }
        }
        logins.push(DemoLogin { role, email, password });
    }
    Ok(logins)
}
