//! `create-staff`, `staff-tokens`: staff accounts and API tokens from the command line.

use std::io::{BufRead, IsTerminal};

use anyhow::Context;
use clap::{Args, Subcommand};

use crate::accounts::{self, AccountError, AccountInput};
use crate::audit::Actor;
use crate::config::Settings;
use crate::db::{staff_sessions, staff_users};
use crate::domain::staff::{Permission, Role};
use crate::domain::{FieldErrors, Locale};
use crate::startup::open_database;

/// Options of `create-staff`.
#[derive(Debug, Args)]
pub struct CreateStaffArgs {
    /// Log-in email.
    #[arg(long)]
    pub email: String,
    /// Full name.
    #[arg(long)]
    pub name: String,
    /// designer, ministry-admin, cabinet-admin or operator.
    #[arg(long)]
    pub role: String,
    /// Ministry code the account may see (repeat for several; not for cabinet-admin or operator).
    #[arg(long = "ministry", value_name = "CODE")]
    pub ministries: Vec<String>,
    /// District an operator enters feedback for (code or name; repeat for several; operators only).
    #[arg(long = "district", value_name = "DISTRICT")]
    pub districts: Vec<String>,
    /// Read the password from the first line of standard input instead of a prompt.
    #[arg(long)]
    pub password_stdin: bool,
    /// Preferred language: bn or en.
    #[arg(long, default_value = "bn")]
    pub locale: String,
}

/// Actions on staff API tokens.
#[derive(Debug, Subcommand)]
pub enum TokenAction {
    /// Issue a token for the staff JSON API; it is printed once and stored hashed.
    Issue {
        /// Whose token (log-in email).
        #[arg(long)]
        email: String,
        /// What it is for (e.g. "ministry dashboard").
        #[arg(long)]
        name: String,
    },
    /// List a staff member's tokens.
    List {
        /// Whose tokens.
        #[arg(long)]
        email: String,
    },
    /// Revoke a token at once.
    Revoke {
        /// Whose token.
        #[arg(long)]
        email: String,
        /// The token's id (from `list`).
        id: i64,
    },
}

fn read_password(from_stdin: bool) -> anyhow::Result<String> {
    if from_stdin || !std::io::stdin().is_terminal() {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).context("cannot read the password from standard input")?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    let first = rpassword::prompt_password("Password: ")?;
    let again = rpassword::prompt_password("Password again: ")?;
    anyhow::ensure!(first == again, "the two passwords differ; nothing was created");
    Ok(first)
}

fn explain(errors: &FieldErrors) -> String {
    errors
        .0
        .iter()
        .map(|e| format!("--{}: {}", e.field, crate::i18n::message(Locale::En, e.code, &e.args)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `nagorik create-staff`.
pub fn create_staff(settings: &Settings, args: CreateStaffArgs) -> anyhow::Result<()> {
    let password = read_password(args.password_stdin)?;
    let input = AccountInput {
        email: args.email,
        name: args.name,
        role: args.role,
        ministries: args.ministries,
        districts: args.districts,
        password,
        locale: args.locale,
    };
    let account = accounts::parse(&input).map_err(|e| anyhow::anyhow!("{}\nNothing was created.", explain(&e)))?;
    let hash = crate::auth::password::hash(&account.password)?;
    let pool = open_database(settings)?;
    let mut conn = pool.get().context("no database connection")?;
    match accounts::create(&mut conn, &Actor::command_line(), None, &account, &hash) {
        Ok(id) => {
            println!("Staff account {id} created: {} ({}).", account.email.as_str(), account.role);
            Ok(())
        }
        Err(AccountError::Invalid(e)) => anyhow::bail!("{}\nNothing was created.", explain(&e)),
        Err(e) => Err(e.into()),
    }
}

/// `nagorik staff-tokens`.
pub fn staff_tokens(settings: &Settings, action: TokenAction) -> anyhow::Result<()> {
    let pool = open_database(settings)?;
    let mut conn = pool.get().context("no database connection")?;
    let mut owner = |email: &str| -> anyhow::Result<staff_users::StaffUser> {
        staff_users::find_by_email(&mut conn, &email.trim().to_lowercase())?
            .with_context(|| format!("no staff account {email}"))
    };
    match action {
        TokenAction::Issue { email, name } => {
            let user = owner(&email)?;
            let may = Role::parse(&user.role).is_some_and(|r| r.allows(Permission::UseApiTokens));
            anyhow::ensure!(may, "{} is {}: that role gets no API tokens. Nothing was issued.", user.email, user.role);
            let name = crate::domain::text::clean_line(&name);
            anyhow::ensure!(!name.is_empty(), "give the token a name with --name");
            let token = crate::domain::api_key::issue_with("nt_");
            let now = chrono::Utc::now().naive_utc();
            let id = staff_sessions::insert_token(&mut conn, user.id, &name, &token.prefix, &token.hash, now)?;
            println!("Token {id} for {} (shown only once; send it as `Authorization: Bearer …`):", user.email);
            println!("{}", token.secret);
        }
        TokenAction::List { email } => {
            let user = owner(&email)?;
            for t in staff_sessions::list_tokens(&mut conn, user.id)? {
                let state = t.revoked_at.map(|r| format!("revoked {r}")).unwrap_or_else(|| "active".into());
                println!(
                    "{:>4}  {}…  {}  issued {}  {state}",
                    t.id,
                    t.token_prefix,
                    t.name,
                    t.created_at.format("%Y-%m-%d")
                );
            }
        }
        TokenAction::Revoke { email, id } => {
            let user = owner(&email)?;
            let now = chrono::Utc::now().naive_utc();
            anyhow::ensure!(staff_sessions::revoke_token(&mut conn, user.id, id, now)? == 1, "no active token {id}");
            println!("Token {id} is revoked.");
        }
    }
    Ok(())
}
