//! `/staff/users`: creating, listing, disabling and enabling staff accounts.

use crate::helpers::spawn_app;
use crate::staff_helpers::PASSWORD;

const NEW_PASSWORD: &str = "a long enough password";

fn new_account<'a>(email: &'a str, role: &'a str, ministry: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("email", email),
        ("name", "রহিমা খাতুন"),
        ("role", role),
        ("ministries", ministry),
        ("password", NEW_PASSWORD),
        ("locale", "bn"),
    ]
}

#[tokio::test]
async fn a_ministry_admin_creates_a_designer_for_their_ministry_who_can_then_log_in() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let form = new_account("Rahima@LGD.example", "designer", "LGD");
    let response = admin.post("/staff/users", &form).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/staff/users?done=created");

    let stored = app.account("rahima@lgd.example").await.expect("account stored, email in lower case");
    assert_eq!((stored.role.as_str(), stored.locale.as_str()), ("designer", "bn"));
    let page = admin.page("/staff/users", 200).await;
    assert!(page.contains("rahima@lgd.example") && page.contains("রহিমা খাতুন") && page.contains("LGD"));
    let (_, login) = app.log_in("rahima@lgd.example", NEW_PASSWORD).await;
    assert_eq!(login.status(), 303, "the new account logs in");

    let entry = app.audit_entries().await.into_iter().find(|e| e.action == "staff.create").expect("audited");
    assert_eq!((entry.actor.as_str(), entry.target_id), (admin.email.as_str(), Some(stored.id)));
}

#[tokio::test]
async fn a_ministry_admin_cannot_create_a_cabinet_admin_and_nothing_is_stored() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let form_page = admin.page("/staff/users", 200).await;
    assert!(!form_page.contains("value=\"cabinet-admin\""), "the role is not offered");
    let before = app.account_count().await;

    let response = admin.post("/staff/users", &new_account("boss@lgd.example", "cabinet-admin", "")).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("আপনি এই ভূমিকা দিতে পারেন না"), "a clear message in Bangla");
    assert!(page.contains("value=\"boss@lgd.example\""), "what was typed is kept");
    assert!(!page.contains(NEW_PASSWORD), "the password is never echoed");
    assert_eq!(app.account_count().await, before);
    assert!(app.account("boss@lgd.example").await.is_none());
}

#[tokio::test]
async fn a_ministry_admin_cannot_create_an_account_for_another_ministry() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    admin.in_english().await;
    let form_page = admin.page("/staff/users", 200).await;
    assert!(form_page.contains("value=\"LGD\"") && !form_page.contains("value=\"MOHA\""), "only LGD is offered");

    let response = admin.post("/staff/users", &new_account("x@moha.example", "designer", "MOHA")).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("There is no ministry MOHA that you manage"), "{page}");
    assert!(app.account("x@moha.example").await.is_none());
}

#[tokio::test]
async fn an_email_that_already_has_an_account_is_refused() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let (_, taken) = app.create_staff("designer", &["LGD"]).await;
    let before = app.account_count().await;
    let response = admin.post("/staff/users", &new_account(&taken.to_uppercase(), "designer", "LGD")).await;
    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("এই ইমেইলে একটি অ্যাকাউন্ট আগেই আছে"));
    assert_eq!(app.account_count().await, before);
}

#[tokio::test]
async fn guessable_passwords_are_refused_in_the_pages_language_on_the_page_and_the_command_line() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let before = app.account_count().await;
    let email = "rahima.khatun@lgd.example";
    for password in ["aaaaaaaaaa", "1234567890", "password2024", email, "Rahima-Khatun-77"] {
        let mut form = new_account(email, "designer", "LGD");
        form.retain(|(k, _)| *k != "password");
        form.push(("password", password));
        let response = admin.post("/staff/users", &form).await;
        assert_eq!(response.status(), 422, "{password}");
        let page = response.text().await.unwrap();
        assert!(page.contains("এই পাসওয়ার্ড সহজেই অনুমান করা যায়"), "{password}: {page}");
    }
    assert_eq!(app.account_count().await, before, "nothing was created");

    let mut cli = std::process::Command::new(env!("CARGO_BIN_EXE_nagorik"))
        .args(["create-staff", "--email", email, "--name", "রহিমা খাতুন", "--role", "designer"])
        .args(["--ministry", "LGD", "--password-stdin"])
        .env("NAGORIK_DATABASE_URL", &app.database_url)
        .env("NAGORIK_LOG", "error")
        .env_remove("NAGORIK_CONFIG")
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("binary runs");
    std::io::Write::write_all(cli.stdin.as_mut().unwrap(), b"1234567890\n").unwrap();
    let out = cli.wait_with_output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("too easy to guess") && stderr.contains("Nothing was created"), "{stderr}");
    assert_eq!(app.account_count().await, before);
}

#[tokio::test]
async fn bad_fields_come_back_each_with_its_message_and_nothing_changes() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    admin.in_english().await;
    let (before, audited) = (app.account_count().await, app.audit_entries().await.len());
    let form = [("email", "not-an-email"), ("name", "  "), ("role", "boss"), ("password", "short1"), ("locale", "fr")];
    let response = admin.post("/staff/users", &form).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    for message in [
        "Write an email address like name@example.com",
        "Write the staff member&#x27;s name",
        "Choose a role: designer, ministry admin or cabinet admin",
        "The password needs at least 10 characters",
        "Choose Bangla (bn) or English (en)",
    ] {
        assert!(page.contains(message), "{message} missing in {page}");
    }
    assert!(page.contains("<title>Error: "), "the title says so first");
    assert!(page.contains("role=\"alert\" tabindex=\"-1\" autofocus"), "the summary takes focus");
    assert!(page.contains("aria-describedby=\"email-error\""));
    assert!(page.contains("value=\"not-an-email\""));
    assert!(!page.contains("short1"), "the password is never echoed");
    assert_eq!(app.account_count().await, before);
    assert_eq!(app.audit_entries().await.len(), audited);

    let response = admin.post("/staff/users", &[("email", "a@lgd.example"), ("role", "designer")]).await;
    let page = response.text().await.unwrap();
    assert!(page.contains("Choose at least one ministry"), "a designer needs a ministry");
}

#[tokio::test]
async fn disabling_an_account_ends_its_session_at_once_and_is_audited() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let designer = app.staff("designer", &["LGD"]).await;
    assert_eq!(designer.get("/staff/tokens").await.status(), 200);

    let response = admin.post(&format!("/staff/users/{}/disable", designer.id), &[]).await;
    assert_eq!(response.status(), 303);
    let after = designer.get("/staff/tokens").await;
    assert_eq!(after.status(), 303, "the live session no longer works");
    assert!(after.headers()["location"].to_str().unwrap().starts_with("/staff/login"));
    assert_eq!(app.log_in(&designer.email, PASSWORD).await.1.status(), 422, "like a wrong password");

    let entry = app.audit_entries().await.into_iter().find(|e| e.action == "staff.disable").expect("audited");
    assert_eq!((entry.actor.as_str(), entry.target_id), (admin.email.as_str(), Some(designer.id)));
    assert!(entry.before_json.unwrap().contains("\"disabled\":false"));
    assert!(entry.after_json.unwrap().contains("\"disabled\":true"));
    let audit = admin.page("/staff/audit?action=staff.disable", 200).await;
    assert!(audit.contains("&quot;disabled&quot;:false") && audit.contains("&quot;disabled&quot;:true"));

    assert!(admin.page("/staff/users", 200).await.contains(&format!("/staff/users/{}/enable", designer.id)));
    let enabled = admin.post_and_follow(&format!("/staff/users/{}/enable", designer.id), &[]).await;
    assert!(enabled.contains("অ্যাকাউন্টটি আবার চালু হয়েছে।"), "the users page says so");
    assert_eq!(app.log_in(&designer.email, PASSWORD).await.1.status(), 303, "enabled again");
}

#[tokio::test]
async fn a_ministry_admin_can_neither_see_nor_manage_another_ministrys_account_or_their_own() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let (other, other_email) = app.create_staff("designer", &["MOHA"]).await;
    let (cabinet, _) = app.create_staff("cabinet-admin", &[]).await;
    let page = admin.page("/staff/users", 200).await;
    assert!(!page.contains(&other_email));
    assert!(!page.contains(&format!("/staff/users/{}/disable", admin.id)), "no button for oneself");

    for id in [other, cabinet, admin.id, 999_999] {
        assert_eq!(admin.post(&format!("/staff/users/{id}/disable"), &[]).await.status(), 404, "account {id}");
        assert_eq!(admin.post(&format!("/staff/users/{id}/enable"), &[]).await.status(), 404, "account {id}");
    }
    assert!(app.account(&other_email).await.unwrap().disabled_at.is_none());
    assert!(app.account(&admin.email).await.unwrap().disabled_at.is_none());
}

#[tokio::test]
async fn a_cabinet_admin_sees_and_manages_every_account_and_every_ministry() {
    let app = spawn_app().await;
    let cabinet = app.staff("cabinet-admin", &[]).await;
    let (lgd, lgd_email) = app.create_staff("designer", &["LGD"]).await;
    let (_, mol_email) = app.create_staff("ministry-admin", &["MOL"]).await;
    let page = cabinet.page("/staff/users", 200).await;
    assert!(page.contains(&lgd_email) && page.contains(&mol_email));
    for code in ["LGD", "MOHA", "MOL"] {
        assert!(page.contains(&format!("value=\"{code}\"")), "{code} offered");
    }
    assert!(page.contains("value=\"cabinet-admin\""));
    assert_eq!(cabinet.post(&format!("/staff/users/{lgd}/disable"), &[]).await.status(), 303);

    let mut form = new_account("coord@cabinet.example", "cabinet-admin", "");
    form.retain(|(k, _)| *k != "ministries");
    assert_eq!(cabinet.post("/staff/users", &form).await.status(), 303);
    assert_eq!(app.account("coord@cabinet.example").await.unwrap().role, "cabinet-admin");
}

#[tokio::test]
async fn designers_are_refused_the_accounts_and_audit_pages() {
    let app = spawn_app().await;
    let designer = app.staff("designer", &["LGD"]).await;
    let (other, _) = app.create_staff("designer", &["LGD"]).await;
    assert_eq!(designer.get("/staff/users").await.status(), 403);
    assert_eq!(designer.get("/staff/audit").await.status(), 403);
    let before = app.account_count().await;
    assert_eq!(designer.post("/staff/users", &new_account("d@lgd.example", "designer", "LGD")).await.status(), 403);
    assert_eq!(designer.post(&format!("/staff/users/{other}/disable"), &[]).await.status(), 403);
    assert_eq!(app.account_count().await, before);
    let page = designer.page("/staff/tokens", 200).await;
    assert!(!page.contains("href=\"/staff/users\""), "the menu does not offer it");
}

#[tokio::test]
async fn account_changes_without_the_csrf_token_are_refused_and_change_nothing() {
    let app = spawn_app().await;
    let admin = app.staff("ministry-admin", &["LGD"]).await;
    let (designer, email) = app.create_staff("designer", &["LGD"]).await;
    let (before, audited) = (app.account_count().await, app.audit_entries().await.len());
    let form = new_account("nocsrf@lgd.example", "designer", "LGD");
    assert_eq!(admin.post_without_csrf("/staff/users", &form).await.status(), 403);
    let path = format!("/staff/users/{designer}/disable");
    assert_eq!(admin.post_without_csrf(&path, &[]).await.status(), 403);
    assert_eq!(admin.post_without_csrf(&path, &[("csrf_token", "forged")]).await.status(), 403);
    assert!(app.account(&email).await.unwrap().disabled_at.is_none());

    assert_eq!(admin.post(&path, &[]).await.status(), 303);
    let path = format!("/staff/users/{designer}/enable");
    assert_eq!(admin.post_without_csrf(&path, &[]).await.status(), 403);
    assert!(app.account(&email).await.unwrap().disabled_at.is_some(), "still disabled");
    assert_eq!(app.account_count().await, before);
    assert_eq!(app.audit_entries().await.len(), audited + 1, "only the one real change");
}
