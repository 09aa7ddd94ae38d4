//! The staff dashboard: one window (the last 90 days) for every figure of its table, said in
//! the caption, and the two words it counts defined once.

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_dashboard_counts_feedback_and_voices_of_the_last_90_days_and_says_so() {
    let app = spawn_app().await;
    app.submit_text("ORGBDR-001", "জন্ম নিবন্ধনে দালাল টাকা চায়").await;
    app.submit_text("ORGBDR-001", "সনদ পেতে এক মাস লাগল").await;
    let designer = app.staff("designer", &["LGD"]).await;
    let html = designer.get("/staff").await.text().await.unwrap();
    let since = (chrono::Utc::now().date_naive() - chrono::Duration::days(90)).format("%Y-%m-%d").to_string();
    let since = nagorik::domain::digits::to_bangla_digits(&since);
    assert!(html.contains(&format!("গত ৯০ দিন ({since} থেকে")), "the caption says the window: {html}");
    assert!(html.contains(">মতামত, ৯০ দিন</th>") && html.contains(">মত, ৯০ দিন</th>"), "{html}");
    assert!(!html.contains(">অভিযোগ</th>"), "no all-time counts beside the 90-day ones");
    assert!(html.contains("<dt>মতামত</dt>") && html.contains("<dt>মত</dt>"), "the two words defined");
    // Birth registration: two feedback, two voices, in the same window.
    let row = html.split("ORGBDR-001 ·").nth(1).expect("birth registration listed");
    assert!(row.contains("<td class=\"num\">২</td>\n<td class=\"num\">২</td>"), "{row}");
}

#[tokio::test]
async fn the_english_dashboard_says_the_same_window_and_words_in_english() {
    let app = spawn_app().await;
    app.submit_text("ORGBDR-001", "The union parishad asked for a bribe for the birth certificate").await;
    let designer = app.staff("designer", &["LGD"]).await;
    designer.in_english().await;
    let html = designer.page("/staff", 200).await;
    let today = chrono::Utc::now().date_naive();
    let since = (today - chrono::Duration::days(90)).format("%Y-%m-%d").to_string();
    assert!(html.contains("<html lang=\"en\""), "the page is in English");
    assert!(html.contains(&format!("last 90 days ({since} to {})", today.format("%Y-%m-%d"))), "{html}");
    assert!(html.contains(">Feedback, 90 days</th>") && html.contains(">Voices, 90 days</th>"), "{html}");
    assert!(html.contains("<dt>Feedback</dt>") && html.contains("<dt>Voice</dt>"), "the two words defined");
    assert!(!html.contains("মতামত") && !html.contains("৯০"), "no Bangla words or digits in the English table");
    let row = html.split("ORGBDR-001 ·").nth(1).expect("birth registration listed");
    assert!(row.contains("<td class=\"num\">1</td>\n<td class=\"num\">1</td>"), "{row}");
}
