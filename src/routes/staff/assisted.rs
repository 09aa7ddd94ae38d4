//! `/staff/assisted`: a Union Digital Centre operator types feedback on a citizen's
//! behalf (through the same intake writer as the web form, channel `assisted`), sees
//! what they entered in the last 30 days, and corrects a typo within 24 hours.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{Duration, NaiveDateTime, Utc};
use serde::Deserialize;
use serde_json::{json, Value};

use super::assisted_form::{check_district, district_choices, kind_choices, EntryForm};
use super::view::{bangladesh_time, error_context, merged};
use crate::audit::Actor;
use crate::auth::Staff;
use crate::catalogue::lookup::ServiceLookup;
use crate::db::feedback::Feedback;
use crate::db::provenance::{self, Source};
use crate::db::services::{self, Service};
use crate::db::{self, staff_districts, Conn, Pool};
use crate::domain::district::District;
use crate::domain::feedback::{Channel, RawFeedback, Submission};
use crate::domain::staff::Permission;
use crate::domain::tracking_code::TrackingCode;
use crate::domain::{FieldError, FieldErrors, Locale};
use crate::error::AppError;
use crate::i18n;
use crate::intake::correction::{self, within_window, Corrected, CorrectionError};
use crate::intake::{Idempotency, IntakeWriter};
use crate::web::page::see_other;
use crate::web::Renderer;

/// Where the page lives.
const PAGE: &str = "/staff/assisted";
/// How far back an operator sees their own entries.
const RECENT_DAYS: i64 = 30;
/// Most entries listed.
const RECENT_SHOWN: i64 = 200;

/// What the page shows besides the form.
struct Desk {
    districts: Vec<String>,
    lookup: ServiceLookup,
    /// Services the form lists to choose from: the operator's own recent ones, then the
    /// country's most used (the catalogue's 809 would weigh 100 KB; typing finds any other).
    suggested: Vec<i64>,
    recent: Vec<(Feedback, Service, Source)>,
    today: i64,
}

/// The start of today in Bangladesh (UTC+6), as a UTC time: "today's entries" follow the operator's day.
fn start_of_day(now: NaiveDateTime) -> NaiveDateTime {
    let local = now + Duration::hours(6);
    local.date().and_hms_opt(0, 0, 0).expect("midnight") - Duration::hours(6)
}

/// Most services the form lists to choose from.
const SUGGESTED: usize = 40;

fn load_desk(c: &mut Conn, operator: i64, now: NaiveDateTime) -> diesel::QueryResult<Desk> {
    let recent = provenance::entered_by(c, operator, now - Duration::days(RECENT_DAYS), RECENT_SHOWN)?;
    let mut suggested: Vec<i64> = Vec::with_capacity(SUGGESTED);
    let most_used = services::most_used(c, SUGGESTED as i64)?;
    for id in recent.iter().map(|(_, s, _)| s.id).chain(most_used.iter().map(|(s, _, _)| s.id)) {
        if suggested.len() < SUGGESTED && !suggested.contains(&id) {
            suggested.push(id);
        }
    }
    Ok(Desk {
        districts: staff_districts::of_staff(c, operator)?,
        lookup: ServiceLookup::new(services::list_in_ministries(c, None)?),
        suggested,
        recent,
        today: provenance::count_entered_by(c, operator, start_of_day(now))?,
    })
}

async fn desk(pool: &Pool, staff: &Staff) -> Result<Desk, AppError> {
    staff.require(Permission::AssistedIntake)?;
    let operator = staff.id;
    Ok(db::run_blocking(pool, move |c| load_desk(c, operator, Utc::now().naive_utc())).await?)
}

fn recent_rows(locale: Locale, desk: &Desk, now: NaiveDateTime) -> Vec<Value> {
    desk.recent
        .iter()
        .map(|(f, s, _)| {
            let text: String = f.public_text().chars().take(140).collect();
            json!({
                "when": bangladesh_time(f.created_at, locale), "service": s.name(locale), "kind_id": format!("kind-{}", f.kind),
                "text": text, "code": TrackingCode::shown(&f.tracking_code), "correct_url": format!("{PAGE}/{}", f.id),
                "correctable": within_window(f.created_at, now),
            })
        })
        .collect()
}

fn render(req: &HttpRequest, locale: Locale, staff: &Staff, r: &Renderer, page: Page<'_>) -> HttpResponse {
    let now = Utc::now().naive_utc();
    let form = super::assisted_form::form_context(
        locale,
        page.form,
        (&page.desk.lookup, &page.desk.suggested),
        &page.desk.districts,
        page.errors,
    );
    let data = json!({
        "form": form,
        "flash": page.flash,
        "saved": page.saved.map(|code| json!({ "code": code, "today": page.desk.today })),
        "today": page.desk.today,
        "recent": recent_rows(locale, page.desk, now),
    });
    r.respond_staff(req, locale, staff, page.status, "staff/assisted", data)
}

/// One rendering of the entry page.
struct Page<'a> {
    desk: &'a Desk,
    form: &'a EntryForm,
    errors: &'a FieldErrors,
    flash: Option<String>,
    /// The tracking code just saved (grouped), shown in the confirmation panel.
    saved: Option<String>,
    status: StatusCode,
}

/// What the page was redirected with after a save.
#[derive(Debug, Deserialize)]
pub struct Flash {
    saved: Option<String>,
    corrected: Option<String>,
}

/// `GET /staff/assisted`: a clear form (centre and way of reaching kept from the last entry),
/// today's count, and the operator's entries of the last 30 days.
pub async fn show_assisted(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    flash: web::Query<Flash>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let desk = desk(&pool, &staff).await?;
    let saved = flash.saved.as_deref().and_then(TrackingCode::parse).map(|c| c.grouped());
    let message = match (&saved, &flash.corrected) {
        (None, Some(code)) => {
            TrackingCode::parse(code).map(|c| i18n::message(locale, "assisted-corrected", &[("code", c.grouped())]))
        }
        _ => None,
    };
    let last = desk.recent.first().map(|(f, _, s)| (s.centre.clone(), s.reached_by.clone(), Some(f.district.clone())));
    let (centre, reached_by, district) = last.unwrap_or_default();
    let form = EntryForm::next(centre, reached_by, district);
    let page =
        Page { desk: &desk, form: &form, errors: &FieldErrors::new(), flash: message, saved, status: StatusCode::OK };
    Ok(render(&req, locale, &staff, &renderer, page))
}

/// `POST /staff/assisted`: stores the entry through the intake writer and goes back to a clear
/// form (303), or shows the form again (422) with every problem.
pub async fn submit_assisted(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    form: web::Form<EntryForm>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
    writer: web::Data<IntakeWriter>,
) -> Result<HttpResponse, AppError> {
    let desk = desk(&pool, &staff).await?;
    let form = form.into_inner();
    match form.parse(&desk.lookup, &desk.districts, staff.id, locale) {
        Ok((submission, service_id)) => {
            // The form's one-off id: a double press stores the entry once.
            let idem = form.submission_id().map(|id| Idempotency::new("assisted", id, &submission, service_id));
            let code = writer.submit(submission, service_id, idem).await?;
            Ok(see_other(&format!("{PAGE}?saved={code}")))
        }
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            let page = Page { desk: &desk, form: &form, errors: &errors, flash: None, saved: None, status };
            Ok(render(&req, locale, &staff, &renderer, page))
        }
    }
}

/// The correction form as posted.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CorrectionForm {
    kind: Option<String>,
    text: Option<String>,
    days: Option<String>,
    cost: Option<String>,
    visits: Option<String>,
    district: Option<String>,
}

impl CorrectionForm {
    fn of(f: &Feedback) -> Self {
        let n = |v: Option<i64>| v.map(|x| x.to_string());
        CorrectionForm {
            kind: Some(f.kind.clone()),
            text: Some(f.body.clone()),
            days: n(f.days_taken.map(i64::from)),
            cost: n(f.cost_bdt),
            visits: n(f.visits.map(i64::from)),
            district: Some(f.district.clone()),
        }
    }

    fn parse(&self, districts: &[String], locale: Locale) -> Result<Corrected, FieldErrors> {
        let raw = RawFeedback {
            kind: self.kind.clone(),
            text: self.text.as_ref().map(|t| t.replace("\r\n", "\n")),
            days: self.days.clone(),
            cost: self.cost.clone(),
            visits: self.visits.clone(),
            district: self.district.clone(),
            ..RawFeedback::default()
        };
        let mut errors = FieldErrors::new();
        let parsed = Submission::parse(&raw, &[], locale, Channel::Assisted);
        if let Err(e) = &parsed {
            e.0.iter().cloned().for_each(|e| errors.push(e));
        }
        check_district(&self.district, districts, &mut errors);
        match parsed {
            Ok(s) if errors.is_empty() => {
                Ok(Corrected { kind: s.kind, text: s.text, tcv: s.tcv, district: s.district })
            }
            _ => Err(errors),
        }
    }
}

/// The operator's districts and their own entry `id` of the last 30 days (404 for anyone else's or older ones).
async fn own_entry(pool: &Pool, staff: &Staff, id: i64) -> Result<(Vec<String>, Entry), AppError> {
    staff.require(Permission::AssistedIntake)?;
    let operator = staff.id;
    let since = Utc::now().naive_utc() - Duration::days(RECENT_DAYS);
    let (districts, entry) = db::run_blocking(pool, move |c| {
        Ok::<_, diesel::result::Error>((
            staff_districts::of_staff(c, operator)?,
            provenance::entry_of(c, operator, id, since)?,
        ))
    })
    .await?;
    Ok((districts, entry.ok_or(AppError::NotFound)?))
}

/// One of the operator's entries with its service and source.
type Entry = (Feedback, Service, Source);

#[allow(clippy::too_many_arguments)] // the page and everything it shows
fn render_correction(
    req: &HttpRequest,
    locale: Locale,
    staff: &Staff,
    renderer: &Renderer,
    (own, entry): (&[String], &Entry),
    form: &CorrectionForm,
    errors: &FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (f, service, _) = entry;
    let id = f.id;
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let open = within_window(f.created_at, Utc::now().naive_utc());
    let district = form.district.as_deref().and_then(District::parse).map(|d| d.code().to_owned());
    let mut districts = own.to_vec();
    // An entry made for a district since removed from the operator still shows its own.
    if let Some(d) = district.as_ref().filter(|d| !districts.contains(d)) {
        districts.push(d.clone());
    }
    let values = json!({ "text": value(&form.text), "days": value(&form.days), "cost": value(&form.cost), "visits": value(&form.visits) });
    let data = json!({
        "entry": { "code": TrackingCode::shown(&f.tracking_code), "service": service.name(locale), "when": bangladesh_time(f.created_at, locale), "action": format!("{PAGE}/{id}"), "open": open },
        "form": merged(
            json!({ "values": values, "kinds": kind_choices(&form.kind), "districts": district_choices(locale, &districts, &form.district) }),
            error_context(locale, errors),
        ),
    });
    Ok(renderer.respond_staff(req, locale, staff, status, "staff/assisted_correct", data))
}

/// `GET /staff/assisted/{id}`: the correction form of one of the operator's own entries.
pub async fn show_correction(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    id: web::Path<i64>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let (districts, entry) = own_entry(&pool, &staff, id.into_inner()).await?;
    let form = CorrectionForm::of(&entry.0);
    render_correction(&req, locale, &staff, &renderer, (&districts, &entry), &form, &FieldErrors::new(), StatusCode::OK)
}

/// `POST /staff/assisted/{id}`: applies the correction (audited, counters kept exact) within
/// 24 hours of the entry; 422 with the messages otherwise, nothing changed.
pub async fn correct_entry(
    req: HttpRequest,
    locale: Locale,
    staff: Staff,
    id: web::Path<i64>,
    form: web::Form<CorrectionForm>,
    pool: web::Data<Pool>,
    renderer: web::Data<Renderer>,
) -> Result<HttpResponse, AppError> {
    let (id, form) = (id.into_inner(), form.into_inner());
    let (districts, entry) = own_entry(&pool, &staff, id).await?;
    let errors = match form.parse(&districts, locale) {
        Ok(corrected) => {
            let (actor, operator) = (Actor::from(&staff), staff.id);
            let outcome = db::run_blocking(&pool, move |c| {
                Ok::<_, AppError>(correction::correct(c, &actor, operator, id, &corrected, Utc::now().naive_utc()))
            })
            .await?;
            match outcome {
                Ok(code) => return Ok(see_other(&format!("{PAGE}?corrected={code}"))),
                Err(CorrectionError::WindowClosed) => {
                    FieldErrors::from(FieldError::new("text", "error-correction-window-closed"))
                }
                Err(CorrectionError::NotFound) => return Err(AppError::NotFound),
                Err(CorrectionError::Database(e)) => return Err(e.into()),
            }
        }
        Err(errors) => errors,
    };
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    render_correction(&req, locale, &staff, &renderer, (&districts, &entry), &form, &errors, status)
}
