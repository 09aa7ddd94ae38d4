//! Every staff route × every role × own and other ministry × logged out. Deny by
//! default: a role that lacks a permission gets 403; another ministry's service,
//! theme or feedback is "not found" (404), with nothing changed.

use diesel::prelude::*;
use nagorik::audit::Actor;
use nagorik::backlog::shaping::{self, Problem};
use nagorik::db::{self, schema::audit_log};

use crate::helpers::{spawn_app, TestApp};
use crate::staff_helpers::{browser, StaffClient};
use crate::workspace_helpers::Stored;

/// What one request is expected to get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Allowed: any answer but 401, 403 and 404.
    Allowed,
    /// 403.
    Forbidden,
    /// 404.
    NotFound,
    /// 303 elsewhere (operators' home is their entry page).
    Redirect,
}

#[derive(Clone, Copy)]
enum Method {
    Get,
    Post,
}

/// A route with a path for a target (`{s}` service code, `{t}` theme id, `{f}` feedback id).
struct Route {
    method: Method,
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
    /// Who may use it on their own ministry's data.
    allowed: &'static [&'static str],
    /// Whether it reads or changes one ministry's data (else: a list within the staff member's scope).
    scoped: bool,
}

const ALL: &[&str] = &["designer", "ministry-admin", "cabinet-admin"];
/// Every role, operators included (they may use only the assisted-intake page).
const ROLES: &[&str] = &["designer", "ministry-admin", "cabinet-admin", "operator"];
const EDITORS: &[&str] = &["designer", "ministry-admin"];
const ADMINS: &[&str] = &["ministry-admin", "cabinet-admin"];

const ROUTES: &[Route] = &[
    Route { method: Method::Get, path: "/staff", form: &[], allowed: ALL, scoped: false },
    Route { method: Method::Get, path: "/staff/services/{s}", form: &[], allowed: ALL, scoped: true },
    Route { method: Method::Get, path: "/staff/themes/{t}", form: &[], allowed: ALL, scoped: true },
    Route { method: Method::Get, path: "/staff/feedback/{f}", form: &[], allowed: ALL, scoped: true },
    Route {
        method: Method::Post,
        path: "/staff/themes/{t}",
        form: &[("label_en", "Renamed")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/themes/{t}/merge",
        form: &[("into", "{t}")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/themes/{t}/publish",
        form: &[("publish", "no")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/themes/{t}/split",
        form: &[("feedback", "{f}")],
        allowed: EDITORS,
        scoped: true,
    },
    Route { method: Method::Get, path: "/staff/services/{s}/regroup", form: &[], allowed: EDITORS, scoped: true },
    Route { method: Method::Post, path: "/staff/services/{s}/regroup", form: &[], allowed: EDITORS, scoped: true },
    Route {
        method: Method::Post,
        path: "/staff/services/{s}/merge-suggestions/accept",
        form: &[("theme_a", "{t}"), ("theme_b", "{t}")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/services/{s}/merge-suggestions/dismiss",
        form: &[("theme_a", "{t}"), ("theme_b", "{t}")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/feedback/{f}/state",
        form: &[("state", "hidden")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/feedback/{f}/redact",
        form: &[("span", "bribe")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/feedback/{f}/theme",
        form: &[("theme", "new")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/feedback/{f}/forget",
        form: &[],
        allowed: &["ministry-admin"],
        scoped: true,
    },
    Route { method: Method::Get, path: "/staff/users", form: &[], allowed: ADMINS, scoped: false },
    Route { method: Method::Post, path: "/staff/users", form: &[("email", "x")], allowed: ADMINS, scoped: false },
    Route { method: Method::Get, path: "/staff/audit", form: &[], allowed: ADMINS, scoped: false },
    Route { method: Method::Get, path: "/staff/tokens", form: &[], allowed: ALL, scoped: false },
    Route { method: Method::Post, path: "/staff/tokens", form: &[("name", "matrix")], allowed: ALL, scoped: false },
    Route { method: Method::Get, path: "/staff/assisted", form: &[], allowed: &["operator"], scoped: false },
    Route {
        method: Method::Post,
        path: "/staff/assisted",
        form: &[("service", "ORGBDR-001")],
        allowed: &["operator"],
        scoped: false,
    },
    Route { method: Method::Get, path: "/staff/assisted/{f}", form: &[], allowed: &["operator"], scoped: true },
    Route { method: Method::Get, path: "/staff/import", form: &[], allowed: &["ministry-admin"], scoped: false },
    Route { method: Method::Post, path: "/staff/import", form: &[], allowed: &["ministry-admin"], scoped: false },
    Route { method: Method::Get, path: "/staff/outbox", form: &[], allowed: ADMINS, scoped: false },
    Route { method: Method::Get, path: "/staff/settings", form: &[], allowed: ALL, scoped: false },
    Route { method: Method::Post, path: "/staff/settings", form: &[("digest", "on")], allowed: ALL, scoped: false },
    Route { method: Method::Get, path: "/api/v1/staff/services", form: &[], allowed: ALL, scoped: false },
    Route { method: Method::Get, path: "/api/v1/staff/services/{s}/stats", form: &[], allowed: ALL, scoped: true },
    Route { method: Method::Get, path: "/api/v1/staff/services/{s}/themes", form: &[], allowed: ALL, scoped: true },
    Route {
        method: Method::Get,
        path: "/api/v1/staff/services/{s}/merge-suggestions",
        form: &[],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/api/v1/staff/services/{s}/merge-suggestions/accept",
        form: &[("theme_a", "{t}"), ("theme_b", "{t}")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/api/v1/staff/services/{s}/merge-suggestions/dismiss",
        form: &[("theme_a", "{t}"), ("theme_b", "{t}")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/api/v1/staff/themes/{t}",
        form: &[("label_en", "Renamed")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/api/v1/staff/themes/{t}/merge",
        form: &[("into", "{t}")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/api/v1/staff/themes/{t}/split",
        form: &[("feedback_ids", "{f}")],
        allowed: EDITORS,
        scoped: true,
    },
    Route { method: Method::Get, path: "/staff/backlog", form: &[], allowed: ALL, scoped: false },
    Route { method: Method::Get, path: "/staff/backlog/items/{b}", form: &[], allowed: ALL, scoped: true },
    Route { method: Method::Get, path: "/staff/backlog/items/{b}/brief", form: &[], allowed: ALL, scoped: true },
    Route {
        method: Method::Get,
        path: "/staff/backlog/items/{b}/brief/versions",
        form: &[],
        allowed: ALL,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/backlog/items/{b}/brief",
        form: &[
            ("base_version", "0"),
            ("step-1-name_bn", "অনলাইনে আবেদন"),
            ("step-1-name_en", "Apply online"),
            ("step-1-channel", "online"),
        ],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/services/{s}/backlog",
        form: &[("problem_en", "Again")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/backlog/items/{b}/problem",
        form: &[("problem_en", "Sharper")],
        allowed: EDITORS,
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/backlog/items/{b}/status",
        form: &[("status", "designing")],
        allowed: &["ministry-admin"],
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/backlog/items/{b}/priorities",
        form: &[("owner_office", "0")],
        allowed: &["ministry-admin"],
        scoped: true,
    },
    Route {
        method: Method::Post,
        path: "/staff/backlog/items/{b}/reviews",
        form: &[("progress", "p"), ("status", "identified"), ("next_step", "n")],
        allowed: &["ministry-admin"],
        scoped: true,
    },
    Route { method: Method::Get, path: "/staff/backlog/weights", form: &[], allowed: ALL, scoped: false },
    Route {
        method: Method::Post,
        path: "/staff/backlog/weights",
        form: &[
            ("scope", "national"),
            ("demand", "1"),
            ("burden", "1"),
            ("gap", "1"),
            ("severity", "1"),
            ("readiness", "1"),
        ],
        allowed: &["cabinet-admin"],
        scoped: false,
    },
    Route { method: Method::Get, path: "/staff/apa", form: &[], allowed: ALL, scoped: false },
];

struct Target {
    service: &'static str,
    feedback: Stored,
    backlog_item: i64,
}

fn fill(text: &str, target: &Target) -> String {
    text.replace("{s}", target.service)
        .replace("{t}", &target.feedback.theme_id.expect("themed").to_string())
        .replace("{f}", &target.feedback.id.to_string())
        .replace("{b}", &target.backlog_item.to_string())
}

async fn audit_entries(app: &TestApp) -> i64 {
    db::run_blocking(&app.pool, |c| audit_log::table.count().get_result::<i64>(c)).await.unwrap()
}

async fn call(client: &reqwest::Client, csrf: &str, app: &TestApp, route: &Route, target: &Target) -> u16 {
    let url = format!("{}{}", app.address, fill(route.path, target));
    let response = match (route.method, route.path.starts_with("/api/")) {
        (Method::Get, _) => client.get(url).send().await,
        (Method::Post, false) => {
            let mut form: Vec<(String, String)> =
                route.form.iter().map(|(k, v)| (k.to_string(), fill(v, target))).collect();
            form.push(("csrf_token".into(), csrf.into()));
            client.post(url).form(&form).send().await
        }
        (Method::Post, true) => {
            let mut body = serde_json::Map::new();
            for (k, v) in route.form {
                let value = fill(v, target);
                let json = match value.parse::<i64>() {
                    Ok(n) if *k == "feedback_ids" => serde_json::json!([n]),
                    Ok(n) => serde_json::json!(n),
                    Err(_) => serde_json::json!(value),
                };
                body.insert(k.to_string(), json);
            }
            client.post(url).header("X-CSRF-Token", csrf).json(&body).send().await
        }
    };
    response.expect("request").status().as_u16()
}

fn expected(role: &str, route: &Route, own: bool) -> Expect {
    let sees = own || role == "cabinet-admin";
    if role == "operator" && route.path == "/staff" {
        Expect::Redirect
    } else if role == "operator" && route.path == "/staff/assisted/{f}" {
        // Only entries the operator typed themselves: never the targets, which came through the API.
        Expect::NotFound
    } else if !route.allowed.contains(&role) {
        Expect::Forbidden
    } else if route.scoped && !sees {
        Expect::NotFound
    } else {
        Expect::Allowed
    }
}

fn matches(status: u16, expect: Expect) -> bool {
    match expect {
        Expect::Allowed => ![401, 403, 404].contains(&status) && status < 500,
        Expect::Forbidden => status == 403,
        Expect::NotFound => status == 404,
        Expect::Redirect => status == 303,
    }
}

async fn targets(app: &TestApp) -> (Target, Target) {
    let own = app.submit_text("ORGBDR-001", "The union parishad asked me for a bribe to register my son's birth").await;
    let other = app.submit_text("ACLAND-001", "The land office asked me for a bribe to record the mutation").await;
    let promote = |service_id: i64| {
        let pool = app.pool.clone();
        async move {
            db::run_blocking(&pool, move |c| {
                let problem = Problem::parse("সমস্যা", "", Vec::new()).unwrap();
                shaping::promote(c, &Actor::command_line(), service_id, &problem, chrono::Utc::now().naive_utc())
            })
            .await
            .unwrap()
            .id
        }
    };
    let (own_item, other_item) = (promote(own.service_id).await, promote(other.service_id).await);
    (
        Target { service: "ORGBDR-001", feedback: own, backlog_item: own_item },
        Target { service: "ACLAND-001", feedback: other, backlog_item: other_item },
    )
}

/// An app with both targets and a logged-in staff member of `role`.
async fn app_for(role: &str) -> (TestApp, Target, Target, StaffClient) {
    let app = spawn_app().await;
    let (mine, theirs) = targets(&app).await;
    let scope: &[&str] = if role == "operator" { &["dhaka"] } else { &["LGD"] };
    let staff = app.staff(role, scope).await;
    (app, mine, theirs, staff)
}

#[tokio::test]
async fn every_staff_route_allows_only_the_roles_and_ministries_it_should() {
    let mut failures = Vec::new();
    for role in ROLES {
        // Reads and refused requests change nothing (checked through the audit log), so they
        // share one app per role; each allowed change gets a fresh app (merge, forget…).
        let shared = app_for(role).await;
        for own in [false, true] {
            for route in ROUTES {
                let want = expected(role, route, own);
                let fresh = if matches!(route.method, Method::Post) && want == Expect::Allowed {
                    Some(app_for(role).await)
                } else {
                    None
                };
                let (app, mine, theirs, staff) = fresh.as_ref().unwrap_or(&shared);
                let target = if own { mine } else { theirs };
                let before = audit_entries(app).await;
                let status = call(&staff.client, &staff.csrf, app, route, target).await;
                if !matches(status, want) {
                    failures.push(format!(
                        "{role} {} ({}): got {status}, want {want:?}",
                        route.path,
                        if own { "own" } else { "other" }
                    ));
                }
                if want != Expect::Allowed && audit_entries(app).await != before {
                    failures.push(format!("{role} {}: a refused request changed something", route.path));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn logged_out_requests_get_the_log_in_page_or_401_and_change_nothing() {
    let app = spawn_app().await;
    let (mine, _) = targets(&app).await;
    let anonymous = browser();
    let before = audit_entries(&app).await;
    for route in ROUTES {
        let status = call(&anonymous, "", &app, route, &mine).await;
        let want = if route.path.starts_with("/api/") { 401 } else { 303 };
        assert_eq!(status, want, "{}", route.path);
    }
    assert_eq!(audit_entries(&app).await, before);
}
