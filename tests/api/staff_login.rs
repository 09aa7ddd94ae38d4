//! Staff log-in, log-out, sessions, throttling, disabled accounts and CSRF.

use crate::helpers::spawn_app;
use crate::staff_helpers::{browser, PASSWORD};

#[tokio::test]
async fn staff_pages_send_anonymous_visitors_to_the_log_in_page() {
    let app = spawn_app().await;
    let response = app.get("/staff/services/LGD-ORGBDR-001").await;
    assert_eq!(response.status(), 303);
    let location = response.headers()["location"].to_str().unwrap();
    assert!(location.starts_with("/staff/login?next="), "{location}");
}

#[tokio::test]
async fn the_staff_api_answers_401_without_a_session_or_token() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/staff/services").await;
    assert_eq!(response.status(), 401);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body["errors"][0]["message"].is_string());
}

#[tokio::test]
async fn a_staff_member_logs_in_with_a_secure_cookie_and_out_again() {
    let app = spawn_app().await;
    let (_, email) = app.create_staff("designer", &["LGD"]).await;
    let (client, response) = app.log_in(&email, PASSWORD).await;
    assert_eq!(response.status(), 303);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("nagorik_staff="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let staff = app.staff("designer", &["LGD"]).await;
    let out = staff.post("/staff/logout", &[]).await;
    assert_eq!(out.status(), 303);
    assert_eq!(staff.get("/staff").await.status(), 303, "the session is over");
    drop(client);
}

#[tokio::test]
async fn cookies_are_secure_when_configured_for_https() {
    let app = crate::helpers::spawn_app_with(|s| s.secure_cookies = true).await;
    let (_, email) = app.create_staff("designer", &["LGD"]).await;
    let (_, response) = app.log_in(&email, PASSWORD).await;
    assert!(response.headers()["set-cookie"].to_str().unwrap().contains("Secure"));
}

#[tokio::test]
async fn a_wrong_password_is_refused_in_the_pages_language() {
    let app = spawn_app().await;
    let (_, email) = app.create_staff("designer", &["LGD"]).await;
    let (_, response) = app.log_in(&email, "not the password at all").await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("ইমেইল বা পাসওয়ার্ড ভুল"), "Bangla by default");
}

#[tokio::test]
async fn repeated_failures_make_the_account_wait_even_with_the_right_password() {
    let app = spawn_app().await;
    let (_, email) = app.create_staff("designer", &["LGD"]).await;
    for _ in 0..5 {
        assert_eq!(app.log_in(&email, "wrong password 123").await.1.status(), 422);
    }
    let (_, response) = app.log_in(&email, PASSWORD).await;
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn parallel_guesses_get_no_more_password_checks_than_sequential_ones() {
    let app = spawn_app().await;
    let (_, email) = app.create_staff("designer", &["LGD"]).await;
    let mut guesses = tokio::task::JoinSet::new();
    for i in 0..20 {
        let (url, email) = (format!("{}/staff/login", app.address), email.clone());
        guesses.spawn(async move {
            let form = [("email", email), ("password", format!("guess number {i}")), ("next", "/staff".into())];
            browser().post(url).form(&form).send().await.expect("request").status().as_u16()
        });
    }
    let answers = guesses.join_all().await;
    let checked = answers.iter().filter(|&&s| s == 422).count();
    assert!(checked <= 5, "{checked} of 20 parallel guesses reached the password check: {answers:?}");
    assert!(answers.iter().all(|&s| s == 422 || s == 429), "{answers:?}");
    // Guesses told to wait are not counted, so the account locks once five were checked in all,
    // however the parallel ones fell: further guesses reach the check only up to five.
    let mut checked = checked;
    loop {
        match app.log_in(&email, "one more guess").await.1.status().as_u16() {
            422 => checked += 1,
            429 => break,
            other => panic!("unexpected {other}"),
        }
        assert!(checked <= 5, "{checked} guesses reached the password check");
    }
    assert_eq!(checked, 5, "five checks, then the wait");
    assert_eq!(app.log_in(&email, PASSWORD).await.1.status(), 429, "and the account now waits");
}

#[tokio::test]
async fn many_failures_from_one_address_slow_down_every_account_from_it() {
    let app = spawn_app().await;
    let (_, email) = app.create_staff("designer", &["LGD"]).await;
    for i in 0..20 {
        let (_, r) = app.log_in(&format!("nobody{i}@test.example"), "wrong password 123").await;
        assert_eq!(r.status(), 422);
    }
    let (_, response) = app.log_in(&email, PASSWORD).await;
    assert_eq!(response.status(), 429);
}

#[tokio::test]
async fn a_disabled_account_is_refused_at_once_even_with_a_live_session() {
    let app = spawn_app().await;
    let staff = app.staff("designer", &["LGD"]).await;
    assert_eq!(staff.get("/staff").await.status(), 200);
    let id = staff.id;
    nagorik::db::run_blocking(&app.pool, move |c| {
        nagorik::accounts::set_enabled(c, &nagorik::audit::Actor::command_line(), None, id, false)
            .map_err(|e| e.to_string())
    })
    .await
    .unwrap();
    assert_eq!(staff.get("/staff").await.status(), 303, "the session no longer works");
    let (_, response) = app.log_in(&staff.email, PASSWORD).await;
    assert_eq!(response.status(), 422);
}

#[tokio::test]
async fn a_disabled_account_answers_the_right_password_exactly_like_a_wrong_one() {
    let app = spawn_app().await;
    let (id, email) = app.create_staff("designer", &["LGD"]).await;
    nagorik::db::run_blocking(&app.pool, move |c| {
        nagorik::accounts::set_enabled(c, &nagorik::audit::Actor::command_line(), None, id, false)
            .map_err(|e| e.to_string())
    })
    .await
    .unwrap();
    let (_, right) = app.log_in(&email, PASSWORD).await;
    let (_, wrong) = app.log_in(&email, "not the password at all").await;
    assert_eq!(right.status(), 422);
    assert_eq!(wrong.status(), 422);
    assert!(!right.headers().contains_key("set-cookie"), "no session");
    let (right, wrong) = (right.text().await.unwrap(), wrong.text().await.unwrap());
    assert!(right.contains("ইমেইল বা পাসওয়ার্ড ভুল"));
    assert_eq!(right, wrong, "the answers differ");
}

#[tokio::test]
async fn a_post_without_the_csrf_token_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let staff = app.staff("designer", &["LGD"]).await;
    let response = staff.post_without_csrf("/staff/logout", &[]).await;
    assert_eq!(response.status(), 403);
    let response = staff.post_without_csrf("/staff/logout", &[("csrf_token", "wrong")]).await;
    assert_eq!(response.status(), 403);
    assert_eq!(staff.get("/staff").await.status(), 200, "still logged in");
}

#[tokio::test]
async fn the_log_in_never_redirects_off_site() {
    let app = spawn_app().await;
    let (_, email) = app.create_staff("designer", &["LGD"]).await;
    let client = crate::staff_helpers::browser();
    let response = client
        .post(format!("{}/staff/login", app.address))
        .form(&[("email", email.as_str()), ("password", PASSWORD), ("next", "https://evil.example/")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["location"], "/staff");
}

#[tokio::test]
async fn a_log_in_posted_from_another_site_is_refused_in_the_pages_language() {
    let app = spawn_app().await;
    let (_, email) = app.create_staff("designer", &["LGD"]).await;
    let post = |headers: Vec<(&'static str, String)>| {
        let client = crate::staff_helpers::browser();
        let mut request = client.post(format!("{}/staff/login", app.address)).form(&[
            ("email", email.as_str()),
            ("password", PASSWORD),
            ("next", "/staff"),
        ]);
        for (name, value) in headers {
            request = request.header(name, value);
        }
        async move { request.send().await.unwrap() }
    };
    let refused: Vec<Vec<(&str, String)>> = vec![
        vec![("Origin", "https://evil.example".into())],
        vec![("Origin", "null".into())],
        vec![("Origin", "http://127.0.0.1:1".into())],
        vec![("Origin", "https://evil.example".into()), ("Sec-Fetch-Site", "same-origin".into())],
        vec![("Sec-Fetch-Site", "cross-site".into())],
        vec![("Sec-Fetch-Site", "same-site".into())],
    ];
    for headers in refused {
        let response = post(headers.clone()).await;
        assert_eq!(response.status(), 403, "{headers:?}");
        assert!(!response.headers().contains_key("set-cookie"), "no session for {headers:?}");
        let page = response.text().await.unwrap();
        assert!(page.contains("অন্য একটি ওয়েবসাইট থেকে পাঠানো"), "{headers:?}");
        assert!(page.contains("name=\"password\""), "the form again");
    }
    let english = post(vec![("Origin", "https://evil.example".into()), ("Accept-Language", "en".into())]).await;
    assert_eq!(english.status(), 403);
    assert!(english.text().await.unwrap().contains("sent from another website"));
    // The site's own pages, and clients that send neither header, log in.
    let allowed: Vec<Vec<(&str, String)>> = vec![
        vec![("Origin", app.address.clone()), ("Sec-Fetch-Site", "same-origin".into())],
        vec![("Sec-Fetch-Site", "none".into())],
        vec![],
    ];
    for headers in allowed {
        let response = post(headers.clone()).await;
        assert_eq!(response.status(), 303, "{headers:?}");
        assert!(response.headers()["set-cookie"].to_str().unwrap().starts_with("nagorik_staff="));
    }
}
