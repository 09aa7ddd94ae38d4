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
    assert!(html.contains(&format!("{}-{}", &code[..5], &code[5..])), "in the grouped form receipts show");
    assert!(html.contains("জন্ম নিবন্ধন"));
    assert!(html.contains("গৃহীত, এই সেবার অন্য মতামতের সাথে গোনা হচ্ছে"));
    assert!(html.contains("এখনো হাতে নেওয়া হয়নি"), "the service is in no plan yet");
    for secret in ["Rahima", "rahima@example.com", "1811000000", "তিনবার ইউনিয়ন"] {
        assert!(!html.contains(secret), "{secret} leaked");
    }
}

#[tokio::test]
async fn tracking_says_what_the_service_page_says_its_plan_and_the_published_theme() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["MOHA"]).await;
    let text = "দালাল ছাড়া পাসপোর্ট হয় না, ঘুষ দিতে হয়েছে পাঁচ হাজার টাকা";
    let mut form: Vec<_> = valid_form().into_iter().filter(|(k, _)| *k != "text").collect();
    form.push(("text", text));
    let code = code_from_redirect(&app.post_feedback_form("DIP-001", &form).await);
    let theme = app.stored_feedback(&code).await.theme_id.expect("grouped on arrival");
    let before = app.get(&format!("/track/{code}")).await.text().await.unwrap();
    assert!(!before.contains("ঘুষ চাওয়া"), "not published yet");
    let edit = [
        ("label_bn", "ঘুষ চাওয়া"),
        ("label_en", "Bribes asked"),
        ("category", "unofficial-payment"),
        ("confirmed", "yes"),
    ];
    assert_eq!(designer.post(&format!("/staff/themes/{theme}"), &edit).await.status(), 303);
    let confirmed = app.get(&format!("/track/{code}")).await.text().await.unwrap();
    assert!(!confirmed.contains("ঘুষ চাওয়া"), "confirmed, not published");
    let publish = designer.post(&format!("/staff/themes/{theme}/publish"), &[("publish", "yes")]).await;
    assert_eq!(publish.status(), 303);
    let one_voice = app.get(&format!("/track/{code}")).await.text().await.unwrap();
    assert!(!one_voice.contains("ঘুষ চাওয়া"), "published, but like the service page not before 5 voices");
    for more in [
        "পাসপোর্ট অফিসে দালাল ধরতে হলো, ঘুষ দিলাম তিন হাজার টাকা",
        "ঘুষ না দিলে পাসপোর্টের ফাইল নড়ে না, দালাল টাকা নিলো",
        "Passport office asked for a bribe through a broker, paid 4000 taka",
        "দালালকে ঘুষ দিয়ে তবে পাসপোর্ট পেলাম, পাঁচ হাজার টাকা",
    ] {
        let mut form: Vec<_> = valid_form().into_iter().filter(|(k, _)| *k != "text").collect();
        form.push(("text", more));
        let more = code_from_redirect(&app.post_feedback_form("DIP-001", &form).await);
        assert_eq!(app.stored_feedback(&more).await.theme_id, Some(theme), "joins the published theme");
    }
    designer.promote(&app, "DIP-001", "পাসপোর্টে ঘুষ আর দালাল").await;
    let html = app.get(&format!("/track/{code}")).await.text().await.unwrap();
    assert!(html.contains("ঘুষ চাওয়া"), "the published theme it joined");
    assert!(html.contains("এই সেবার ই-সেবা পরিকল্পনা"));
    let status = app.get_in(&format!("/track/{code}"), "en").await.text().await.unwrap();
    assert!(status.contains("Identified") && status.contains("Bribes asked"), "the same in English");
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
    let response = app.get_in("/track?code=abc23", "en").await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("A tracking code has 10 letters and digits"));
}

#[tokio::test]
async fn a_code_with_a_character_codes_never_use_or_no_code_at_all_is_explained() {
    let app = spawn_app().await;
    let response = app.get_in("/track?code=7KX4M-2QHT0", "en").await;
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("is never used in tracking codes") && html.contains("0/O, 1/I/L or U"), "{html}");
    assert!(!html.contains("A tracking code has 10 letters"), "not a length complaint");
    let response = app.get_in("/track?code=7kx4m-2qhtO", "bn").await;
    assert!(response.text().await.unwrap().contains("ট্র্যাকিং কোডে “O” কখনো থাকে না"));

    let response = app.get_in("/track?code=+", "bn").await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("রসিদে পাওয়া ট্র্যাকিং কোডটি লিখুন"));
    let form = app.get("/track").await;
    assert_eq!(form.status(), 200, "the form itself, before anything was typed, has no error");
    assert!(!form.text().await.unwrap().contains("রসিদে পাওয়া ট্র্যাকিং কোডটি লিখুন"));
}
