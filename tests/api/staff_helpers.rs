//! Staff accounts for tests: create one, log in as it, and post forms with its CSRF token.

use diesel::prelude::*;
use nagorik::accounts::{self, AccountInput};
use nagorik::audit::Actor;
use nagorik::db::{self, schema::staff_sessions};

use crate::helpers::TestApp;

/// A password every test account gets.
pub const PASSWORD: &str = "correct horse battery staple";

/// A logged-in staff member with a cookie jar of their own.
pub struct StaffClient {
    /// `http://127.0.0.1:PORT`.
    pub address: String,
    /// Keeps this staff member's session cookie; never follows redirects.
    pub client: reqwest::Client,
    /// The session's CSRF token.
    pub csrf: String,
    /// Log-in email.
    pub email: String,
    /// Account id.
    pub id: i64,
}

/// A client with its own cookie jar that does not follow redirects.
///
/// It opens a new connection for each request: a pooled connection the server is closing after
/// its keep-alive (5 s, easily reached on a busy machine while another app starts) would fail a
/// POST with "connection closed before message completed", which no real browser shows a user.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .pool_max_idle_per_host(0)
        .build()
        .expect("client")
}

impl TestApp {
    /// Creates an account (`role`, scoped to `ministries`, or for operators to these districts) and
    /// returns its id and email.
    pub async fn create_staff(&self, role: &str, ministries: &[&str]) -> (i64, String) {
        let email = format!("{role}-{}@test.example", rand::random::<u32>());
        let input = AccountInput {
            email: email.clone(),
            name: format!("Test {role}"),
            role: role.into(),
            ministries: if role == "operator" {
                Vec::new()
            } else {
                ministries.iter().map(|m| m.to_string()).collect()
            },
            districts: if role == "operator" { ministries.iter().map(|m| m.to_string()).collect() } else { Vec::new() },
            password: PASSWORD.into(),
            locale: "en".into(),
        };
        let account = accounts::parse(&input).expect("valid account");
        let hash = nagorik::auth::password::hash(&account.password).expect("hash");
        let id = db::run_blocking(&self.pool, move |c| {
            accounts::create(c, &Actor::command_line(), None, &account, &hash).map_err(|e| e.to_string())
        })
        .await
        .expect("account created");
        (id, email)
    }

    /// Logs in with `email` and `password` from a fresh browser.
    pub async fn log_in(&self, email: &str, password: &str) -> (reqwest::Client, reqwest::Response) {
        let client = browser();
        let response = client
            .post(format!("{}/staff/login", self.address))
            .form(&[("email", email), ("password", password), ("next", "/staff")])
            .send()
            .await
            .expect("request");
        (client, response)
    }

    /// A new account of `role` for `ministries`, logged in.
    pub async fn staff(&self, role: &str, ministries: &[&str]) -> StaffClient {
        let (id, email) = self.create_staff(role, ministries).await;
        let (client, response) = self.log_in(&email, PASSWORD).await;
        assert_eq!(response.status(), 303, "log-in of {email} works");
        let csrf = db::run_blocking(&self.pool, move |c| {
            staff_sessions::table
                .filter(staff_sessions::staff_id.eq(id))
                .order(staff_sessions::id.desc())
                .select(staff_sessions::csrf_token)
                .first::<String>(c)
        })
        .await
        .expect("session stored");
        StaffClient { address: self.address.clone(), client, csrf, email, id }
    }
}

impl StaffClient {
    /// GET a path.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(format!("{}{path}", self.address)).send().await.expect("request")
    }

    /// POST a form with this session's CSRF token added.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        let mut form = form.to_vec();
        form.push(("csrf_token", &self.csrf));
        self.post_without_csrf(path, &form).await
    }

    /// POSTs a form that must answer 303, and returns the page it leads to (where a change says
    /// it was done).
    pub async fn post_and_follow(&self, path: &str, form: &[(&str, &str)]) -> String {
        let response = self.post(path, form).await;
        assert_eq!(response.status(), 303, "{path}: {}", response.text().await.unwrap_or_default());
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let page = self.get(&location).await;
        assert_eq!(page.status(), 200, "{location}");
        page.text().await.unwrap()
    }

    /// POST a form exactly as given (no CSRF token unless it is in `form`).
    pub async fn post_without_csrf(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client.post(format!("{}{path}", self.address)).form(form).send().await.expect("request")
    }
}
