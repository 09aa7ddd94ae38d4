//! One sheet row checked into a [`Candidate`] feedback, or a [`BadRow`] with
//! every reason in plain words. Headings are matched in English or Bangla.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::{FileError, Sheet, SheetRow};
use crate::catalogue::lookup::ServiceLookup;
use crate::domain::digits::to_ascii_digits;
use crate::domain::district::District;
use crate::domain::feedback::{Channel, FeedbackKind, FeedbackText, RawFeedback, Submission, Tcv};
use crate::domain::text::search_key;
use crate::domain::{FieldError, Locale};

/// The columns read, each with the headings that name it (first: the documented one).
const COLUMNS: [(&str, &[&str]); 8] = [
    ("service", &["service", "service_code", "service code", "service name", "সেবা"]),
    ("kind", &["kind", "ধরন"]),
    ("text", &["text", "feedback", "মতামত"]),
    ("days", &["days", "দিন"]),
    ("cost", &["cost", "cost_bdt", "খরচ"]),
    ("visits", &["visits", "যাতায়াত", "যাওয়া"]),
    ("district", &["district", "জেলা"]),
    ("date", &["date", "তারিখ"]),
];
/// Columns every file must have.
const REQUIRED: [&str; 4] = ["service", "kind", "text", "district"];

/// Where each known column sits in a sheet.
#[derive(Debug, Clone, Default)]
pub struct Columns([Option<usize>; 8]);

impl Columns {
    /// Finds the columns by heading (any case); fails when a required one is missing.
    pub fn find(sheet: &Sheet) -> Result<Self, FileError> {
        let keys: Vec<String> = sheet.headings.iter().map(|h| search_key(h).replace('_', " ")).collect();
        let mut found = [None; 8];
        for (i, (_, names)) in COLUMNS.iter().enumerate() {
            found[i] = keys.iter().position(|k| names.iter().any(|n| *k == n.replace('_', " ")));
        }
        let missing: Vec<&str> = REQUIRED
            .iter()
            .copied()
            .filter(|r| found[COLUMNS.iter().position(|(c, _)| c == r).expect("known")].is_none())
            .collect();
        if missing.is_empty() {
            Ok(Columns(found))
        } else {
            Err(FileError::ColumnsMissing(missing.join(", ")))
        }
    }

    fn cell<'a>(&self, row: &'a SheetRow, name: &str) -> Option<&'a str> {
        let i = COLUMNS.iter().position(|(c, _)| *c == name).expect("known column");
        self.0[i].and_then(|at| row.cells.get(at)).map(String::as_str)
    }
}

/// A row that will become feedback.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// File line.
    pub line: usize,
    /// The service.
    pub service_id: i64,
    /// Its code.
    pub service_code: String,
    /// Kind.
    pub kind: FeedbackKind,
    /// Text (NFC).
    pub text: FeedbackText,
    /// Time, cost, visits.
    pub tcv: Tcv,
    /// District.
    pub district: District,
    /// When the feedback was given.
    pub given_at: NaiveDateTime,
}

/// A row that cannot be imported, with every reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// File line.
    pub line: usize,
    /// The problems, each naming its column.
    pub errors: Vec<FieldError>,
}

/// Kinds written in Bangla.
fn kind_of(typed: &str) -> Option<FeedbackKind> {
    match typed.trim() {
        "অভিযোগ" => Some(FeedbackKind::Complaint),
        "প্রত্যাশা" => Some(FeedbackKind::Expectation),
        "পরামর্শ" => Some(FeedbackKind::Suggestion),
        other => FeedbackKind::parse(other),
    }
}

/// Reads `2026-11-12` or `12/11/2026` (Bangla digits too); blank means `now`. Given days are
/// taken at noon in Bangladesh (06:00 UTC), never later than `now`.
pub fn parse_date(typed: &str, now: NaiveDateTime) -> Result<NaiveDateTime, FieldError> {
    let text = to_ascii_digits(typed.trim());
    if text.is_empty() {
        return Ok(now);
    }
    let date = NaiveDate::parse_from_str(&text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(&text, "%d/%m/%Y"))
        .map_err(|_| FieldError::new("date", "error-import-date-invalid"))?;
    let today_in_dhaka = (now + Duration::hours(6)).date();
    if date > today_in_dhaka {
        return Err(FieldError::new("date", "error-import-date-future"));
    }
    Ok(date.and_hms_opt(6, 0, 0).expect("valid time").min(now))
}

/// Checks one row: the service must be known (and, with `ministries`, one of theirs).
pub fn parse_row(
    row: &SheetRow,
    columns: &Columns,
    lookup: &ServiceLookup,
    ministries: Option<&[i64]>,
    now: NaiveDateTime,
) -> Result<Candidate, BadRow> {
    let mut errors = Vec::new();
    let cell = |name| columns.cell(row, name).map(str::to_owned);
    let typed_service = cell("service").unwrap_or_default();
    let service = match lookup.find(&typed_service) {
        Some((s, _, m)) if ministries.is_none_or(|ids| ids.contains(&m.id)) => Some((s.id, s.code.clone())),
        Some((s, _, _)) => {
            errors.push(FieldError::new("service", "error-import-service-not-yours").with("code", &s.code));
            None
        }
        None if typed_service.trim().is_empty() => {
            errors.push(FieldError::new("service", "error-import-service-missing"));
            None
        }
        None => {
            let shown: String = typed_service.trim().chars().take(80).collect();
            errors.push(FieldError::new("service", "error-import-service-unknown").with("value", shown));
            None
        }
    };
    let kind = cell("kind").map(|k| kind_of(&k).map_or(k, |k| k.as_str().to_owned()));
    let raw = RawFeedback {
        kind,
        text: cell("text"),
        days: cell("days"),
        cost: cell("cost"),
        visits: cell("visits"),
        district: cell("district"),
        ..RawFeedback::default()
    };
    let parsed = Submission::parse(&raw, &[], Locale::En, Channel::Import);
    if let Err(e) = &parsed {
        for mut error in e.0.iter().cloned() {
            if error.field == "kind" {
                error = FieldError::new("kind", "error-import-kind-unknown");
            }
            errors.push(error);
        }
    }
    let given_at = parse_date(&cell("date").unwrap_or_default(), now).map_err(|e| errors.push(e)).ok();
    if row.cells.len() < columns.0.iter().flatten().max().map_or(0, |m| m + 1) && !errors.is_empty() {
        errors.push(FieldError::new("row", "error-import-row-short"));
    }
    match (parsed, service, given_at) {
        (Ok(s), Some((service_id, service_code)), Some(given_at)) if errors.is_empty() => Ok(Candidate {
            line: row.line,
            service_id,
            service_code,
            kind: s.kind,
            text: s.text,
            tcv: s.tcv,
            district: s.district,
            given_at,
        }),
        _ => Err(BadRow { line: row.line, errors }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn dates_are_read_in_iso_or_day_first_form_with_bangla_digits() {
        let now = at("2026-11-30 10:00");
        assert_eq!(parse_date("2026-11-12", now).unwrap(), at("2026-11-12 06:00"));
        assert_eq!(parse_date("১২/১১/২০২৬", now).unwrap(), at("2026-11-12 06:00"));
        assert_eq!(parse_date("", now).unwrap(), now);
        assert_eq!(parse_date("12 Nov", now).unwrap_err().code, "error-import-date-invalid");
        assert_eq!(parse_date("2026-12-01", now).unwrap_err().code, "error-import-date-future");
    }

    #[test]
    fn headings_are_found_in_english_or_bangla_and_missing_ones_named() {
        let sheet = |h: &[&str]| Sheet { headings: h.iter().map(|s| s.to_string()).collect(), rows: vec![] };
        assert!(Columns::find(&sheet(&["Service", "ধরন", "মতামত", "District"])).is_ok());
        let err = Columns::find(&sheet(&["service", "text"])).unwrap_err();
        assert_eq!(err, FileError::ColumnsMissing("kind, district".into()));
    }

    #[test]
    fn kinds_are_read_in_bangla_or_english() {
        assert_eq!(kind_of("অভিযোগ"), Some(FeedbackKind::Complaint));
        assert_eq!(kind_of(" Suggestion "), Some(FeedbackKind::Suggestion));
        assert_eq!(kind_of("rant"), None);
    }
}
