use crate::helpers::{code_from_redirect, spawn_app, valid_form};

#[tokio::test]
async fn a_tracking_code_shows_the_status_without_personal_data() {
    let app = spawn_app().await;
    let mut form = valid_form();
    form.extend([("name", "Rahima Khatun"), ("email", "rahima@example.com"), ("phone", "01811000000")]);
    let code = code_from_redirect(&app.post_feedback_form("ORGBDR-001", &form).await);
    let response = app.get(&format!("/track/{code}")).await;
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains(&code));
    assert!(html.contains("জন্ম নিবন্ধন"));
    assert!(html.contains("গৃহীত, পর্যালোচনার অপেক্ষায়"));
    for secret in ["Rahima", "rahima@example.com", "1811000000", "তিনবার ইউনিয়ন"] {
        assert!(!html.contains(secret), "{secret} leaked");
    }
}

#[tokio::test]
async fn codes_are_found_as_people_type_them() {
    let app = spawn_app().await;
    let code = code_from_redirect(&app.post_feedback_form("ORGBDR-001", &valid_form()).await);
    let typed = format!("{}-{}", &code[..5], &code[5..]).to_lowercase();
    let response = app.get(&format!("/track?code={typed}")).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], format!("/track/{code}").as_str());
}

#[tokio::test]
async fn an_unknown_code_gets_a_clear_not_found_page() {
    let app = spawn_app().await;
    let response = app.get("/track/ABCDEFGHJK").await;
    assert_eq!(response.status(), 404);
    let html = response.text().await.unwrap();
    assert!(html.contains("ট্র্যাকিং কোড পাওয়া যায়নি"));
    assert!(html.contains("name=\"code\""), "the page offers to try again");
}

#[tokio::test]
async fn a_malformed_code_in_the_form_is_explained() {
    let app = spawn_app().await;
    let response = app.get_in("/track?code=hello", "en").await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("A tracking code has 10 letters and digits"));
}
