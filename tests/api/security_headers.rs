//! What protects browsers beyond each page: HSTS and Secure cookies when served over HTTPS.

use crate::helpers::{spawn_app, spawn_app_with, valid_form, TestApp};
use crate::staff_helpers::{browser, PASSWORD};

const HSTS: &str = "strict-transport-security";

fn is_secure(set_cookie: &str) -> bool {
    set_cookie.split(';').any(|attribute| attribute.trim().eq_ignore_ascii_case("Secure"))
}

/// Every cookie Nagorik sets: the language, a "me too" browser, a staff session and its removal.
async fn every_cookie(app: &TestApp) -> Vec<String> {
    let mut cookies = Vec::new();
    let mut keep = |r: &reqwest::Response| {
        let found: Vec<_> = r.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_owned()).collect();
        assert!(!found.is_empty(), "{} sets no cookie", r.url());
        cookies.extend(found);
    };
    keep(&app.get("/lang/en?next=/").await);
    let stored = app.submit_text("ORGBDR-001", "জন্ম নিবন্ধনের জন্য তিনবার ইউনিয়ন পরিষদে যেতে হয়েছে").await;
    // The similar-feedback step gives the browser its "me too" id.
    let url = format!("{}/services/ORGBDR-001/feedback", app.address);
    let mut form = valid_form();
    form.push(("action", "check"));
    let step = browser().post(&url).form(&form).send().await.unwrap();
    assert!(step.status().is_success() && stored.id > 0);
    keep(&step);
    let (_, email) = app.create_staff("designer", &["LGD"]).await;
    keep(&app.log_in(&email, PASSWORD).await.1);
    let staff = app.staff("designer", &["LGD"]).await;
    keep(&staff.post("/staff/logout", &[]).await);
    cookies
}

#[tokio::test]
async fn over_https_every_cookie_is_secure_and_answers_carry_hsts() {
    let app = spawn_app_with(|s| s.secure_cookies = true).await;
    for path in ["/", "/api/v1/services", "/no/such/page", "/staff/login"] {
        let response = app.get(path).await;
        assert_eq!(response.headers()[HSTS], "max-age=31536000; includeSubDomains", "{path}");
    }
    let cookies = every_cookie(&app).await;
    assert_eq!(cookies.len(), 4);
    for cookie in cookies {
        assert!(is_secure(&cookie), "not Secure: {cookie}");
    }
}

#[tokio::test]
async fn over_plain_http_no_hsts_and_no_secure_cookies() {
    let app = spawn_app().await;
    assert!(!app.get("/").await.headers().contains_key(HSTS));
    for cookie in every_cookie(&app).await {
        assert!(!is_secure(&cookie), "Secure over http: {cookie}");
    }
}
