use crate::helpers::spawn_app;

#[tokio::test]
async fn pages_are_bangla_by_default() {
    let app = spawn_app().await;
    let html = app.get("/").await.text().await.unwrap();
    assert!(html.contains("<html lang=\"bn\">"));
    assert!(html.contains("মন্ত্রণালয় অনুযায়ী খুঁজুন"));
    assert!(html.contains("English"), "a visible switch to English");
}

#[tokio::test]
async fn accept_language_picks_the_first_visits_language() {
    let app = spawn_app().await;
    let html = app.get_in("/", "en-GB,en;q=0.9").await.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Browse by ministry"));
    assert!(html.contains("বাংলা"), "a visible switch to Bangla");
}

#[tokio::test]
async fn the_language_switch_persists_in_a_cookie_and_returns_to_the_page() {
    let app = spawn_app().await;
    let response = app.get("/lang/en?next=%2Fservices%2FDIP-001").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/services/DIP-001");
    let cookie = response.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("lang=en") && cookie.contains("SameSite=Lax"), "{cookie}");
    let html = app.get("/services/DIP-001").await.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">") && html.contains("E-passport issue"));
    // The cookie beats the browser's header.
    let html = app.get_in("/", "bn").await.text().await.unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    app.get("/lang/bn?next=/").await;
    assert!(app.get("/").await.text().await.unwrap().contains("<html lang=\"bn\">"));
}

#[tokio::test]
async fn the_switch_never_redirects_off_site_and_refuses_control_characters() {
    // (next as sent in the query, Some(Location) expected, or None for a 400)
    let cases: &[(&str, Option<&str>)] = &[
        ("%2Fservices%3Fq%3Dx", Some("/services?q=x")),
        ("%2F", Some("/")),
        // Resolves to this host's path `//evil.example`, not to another host.
        ("%2F.%2F%2Fevil.example", Some("/.//evil.example")),
        ("%2F%E2%80%A8x", Some("/%E2%80%A8x")),
        ("", Some("/")),
        ("%2F%2Fevil.example", Some("/")),
        ("%2F%2F%2Fevil.example", Some("/")),
        ("%2F%5Cevil.example", Some("/")),
        ("%2F%5C%2Fevil.example", Some("/")),
        ("%5C%5Cevil.example", Some("/")),
        ("%5C%2Fevil.example", Some("/")),
        ("%20%2F%2Fevil.example", Some("/")),
        ("https%3A%2F%2Fevil.example", Some("/")),
        ("http%3Aevil.example", Some("/")),
        ("HTTPS%3A%2F%2Fevil.example%2F", Some("/")),
        ("javascript%3Aalert(1)", Some("/")),
        ("data%3Atext%2Fhtml%2C%3Cscript%3E", Some("/")),
        ("evil.example", Some("/")),
        ("%E2%81%84%E2%81%84evil.example", Some("/")),
        ("%2F%09%2Fevil.example", None),
        ("%09%2F%2Fevil.example", None),
        ("%2F%0A%2Fevil.example", None),
        ("%2F%0D%2Fevil.example", None),
        ("%2F%0D%0ASet-Cookie%3A%20x%3D1", None),
        ("%00%2F%2Fevil.example", None),
        ("%2F%7F", None),
        ("%2F%C2%85%2Fevil.example", None),
        ("%2F%1B", None),
    ];
    let app = spawn_app().await;
    let base = reqwest::Url::parse(&app.address).unwrap();
    for (next, expected) in cases {
        let response = app.get(&format!("/lang/en?next={next}")).await;
        match expected {
            Some(location) => {
                assert_eq!(response.status(), 303, "{next}");
                let got = response.headers()["location"].to_str().unwrap();
                assert_eq!(got, *location, "{next}");
                let resolved = base.join(got).unwrap();
                assert_eq!(resolved.origin(), base.origin(), "{next} leaves the site: {resolved}");
            }
            None => assert_eq!(response.status(), 400, "{next}"),
        }
    }
}

#[tokio::test]
async fn not_found_pages_are_in_the_visitors_language() {
    let app = spawn_app().await;
    let response = app.get("/no/such/page").await;
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("পাতাটি পাওয়া যায়নি"));
    let response = app.get_in("/services/NOPE-1", "en").await;
    assert_eq!(response.status(), 404);
    assert!(response.text().await.unwrap().contains("Page not found"));
}

#[tokio::test]
async fn pages_use_only_this_site_and_name_the_bangla_fonts() {
    let app = spawn_app().await;
    let html = app.get("/services/DIP-001").await.text().await.unwrap();
    assert!(!html.contains("http://") && !html.contains("https://"), "no outside hosts");
    let css_path = html.split("href=\"/static/").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let css = app.get(&format!("/static/{css_path}")).await;
    assert!(css.headers()["cache-control"].to_str().unwrap().contains("immutable"));
    let css = css.text().await.unwrap();
    assert!(css.contains("Noto Sans Bengali"));
    assert!(!css.contains("@import") && !css.contains("url("));
}
