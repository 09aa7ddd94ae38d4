//! The plan of an import (rows to add, duplicates, bad rows), built the same way
//! for the dry run and for the import, and applied in one transaction.

use chrono::NaiveDateTime;
use diesel::QueryResult;
use serde_json::json;
use sha2::{Digest, Sha256};

use super::dedupe::{Deduper, Origin};
use super::rows::{parse_row, BadRow, Candidate, Columns};
use super::{read_sheet, FileError};
use crate::audit::{self, Actor, Target};
use crate::catalogue::lookup::ServiceLookup;
use crate::db::feedback::NewFeedback;
use crate::db::provenance::{self, NewImportedFeedback, NewSource};
use crate::db::{services, write_transaction, Conn};
use crate::domain::feedback::{Channel, Moderation};
use crate::domain::tracking_code::TrackingCode;
use crate::grouping::{on_arrival, ThemeCache};
use crate::themes::Classifier;

/// What a row duplicates (stored feedback or an earlier line).
pub type DuplicateOf = Origin;

/// A row skipped as a duplicate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    /// File line.
    pub line: usize,
    /// The service's code.
    pub service_code: String,
    /// Same normalised text (else nearly the same).
    pub exact: bool,
    /// What it duplicates.
    pub of: DuplicateOf,
}

/// One file to import.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    /// The file's name (its last part is kept with every row).
    pub file_name: String,
    /// Its content.
    pub bytes: Vec<u8>,
    /// The source label, checked ("workshop Dhaka 2026-11-12").
    pub source: String,
    /// Only services of these ministries (`None`: any; the command line).
    pub ministries: Option<Vec<i64>>,
}

/// What an import would do, row by row.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The file's name as kept.
    pub file_name: String,
    /// The source label.
    pub source: String,
    /// SHA-256 of the file.
    pub file_sha256: String,
    /// Data rows read.
    pub rows: usize,
    /// Rows to add, in file order.
    pub add: Vec<Candidate>,
    /// Rows skipped as duplicates.
    pub duplicates: Vec<Duplicate>,
    /// Rows that cannot be imported.
    pub bad: Vec<BadRow>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Plan {
    /// A fingerprint of the file and of what would be done with each row: the import goes ahead
    /// only when it equals the dry run's.
    pub fn digest(&self) -> String {
        let mut h = Sha256::new();
        h.update(format!("{}\n{}\n{}\n", self.file_sha256, self.source, self.file_name));
        for c in &self.add {
            h.update(format!("a{}:{};", c.line, c.service_id));
        }
        for d in &self.duplicates {
            h.update(format!("d{}:{}:{:?};", d.line, d.exact, d.of));
        }
        for b in &self.bad {
            let codes: Vec<&str> = b.errors.iter().map(|e| e.code).collect();
            h.update(format!("b{}:{};", b.line, codes.join(",")));
        }
        hex(&h.finalize())[..32].to_owned()
    }
}

/// Why an import could not be planned or applied.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file as a whole is unusable.
    #[error(transparent)]
    File(#[from] FileError),
    /// The database failed.
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Reads and checks the file and finds duplicates of stored feedback (read on `conn`).
pub fn build(conn: &mut Conn, request: &ImportRequest, now: NaiveDateTime) -> Result<Plan, ImportError> {
    let sheet = read_sheet(&request.file_name, &request.bytes)?;
    let columns = Columns::find(&sheet)?;
    let lookup = ServiceLookup::new(services::list_in_ministries(conn, None)?);
    let (mut candidates, mut bad) = (Vec::new(), Vec::new());
    for row in &sheet.rows {
        match parse_row(row, &columns, &lookup, request.ministries.as_deref(), now) {
            Ok(c) => candidates.push(c),
            Err(b) => bad.push(b),
        }
    }
    let mut service_ids: Vec<i64> = candidates.iter().map(|c| c.service_id).collect();
    service_ids.sort_unstable();
    service_ids.dedup();
    let mut deduper = Deduper::default();
    for (service_id, body, code) in provenance::texts_of_services(conn, &service_ids)? {
        deduper.add_stored(service_id, &body, &code);
    }
    let (mut add, mut duplicates) = (Vec::new(), Vec::new());
    for c in candidates {
        match deduper.check(c.service_id, c.text.as_str(), c.line) {
            Some((exact, of)) => duplicates.push(Duplicate { line: c.line, service_code: c.service_code, exact, of }),
            None => add.push(c),
        }
    }
    bad.sort_by_key(|b| b.line);
    Ok(Plan {
        file_name: super::base_name(&request.file_name),
        source: request.source.clone(),
        file_sha256: hex(&Sha256::digest(&request.bytes)),
        rows: sheet.rows.len(),
        add,
        duplicates,
        bad,
    })
}

/// What applying came to.
#[derive(Debug)]
pub enum Outcome {
    /// The plan's rows were added.
    Imported(Plan),
    /// The plan differs from the dry run's (file or stored feedback changed): nothing was added.
    Changed(Plan),
}

/// Rows per INSERT (26 columns each: under both backends' bind-parameter limits).
const ROWS_PER_INSERT: usize = 500;

fn is_bangla(text: &str) -> bool {
    let bn = text.chars().filter(|c| ('\u{0980}'..='\u{09FF}').contains(c)).count();
    bn * 2 >= text.chars().filter(|c| c.is_alphabetic()).count()
}

fn new_row(c: &Candidate, now: NaiveDateTime) -> NewFeedback {
    NewFeedback {
        tracking_code: TrackingCode::generate().as_str().to_owned(),
        service_id: c.service_id,
        kind: c.kind.as_str().to_owned(),
        body: c.text.as_str().to_owned(),
        charter_step: None,
        days_taken: c.tcv.days,
        cost_bdt: c.tcv.cost_bdt,
        visits: c.tcv.visits,
        district: c.district.code().to_owned(),
        channel: Channel::Import.as_str().to_owned(),
        contact_name: None,
        contact_email: None,
        contact_phone: None,
        consent_updates: false,
        locale: if is_bangla(c.text.as_str()) { "bn" } else { "en" }.to_owned(),
        moderation: Moderation::Visible.as_str().to_owned(),
        created_at: c.given_at,
        updated_at: now,
        address_text: None,
        lat_e6: None,
        long_e6: None,
        api_client_id: None,
        theme_id: None,
        public_body: None,
        has_personal_data: false,
        idempotency_key: None,
        request_hash: None,
    }
}

/// Stores the plan's rows with their source, themed and counted, and audits the import.
fn store(
    c: &mut Conn,
    plan: &Plan,
    (actor, classifier): (&Actor, &Classifier),
    now: NaiveDateTime,
    progress: &mut dyn FnMut(usize, usize),
) -> QueryResult<()> {
    let source = NewSource {
        channel: Channel::Import.as_str().to_owned(),
        source_label: Some(plan.source.clone()),
        source_file: Some(plan.file_name.clone()),
        file_sha256: Some(plan.file_sha256.clone()),
        imported_by: actor.staff_id,
        created_at: now,
        ..NewSource::default()
    };
    let source_id = provenance::insert_source(c, &source)?;
    let mut cache = ThemeCache::default();
    let mut done = 0;
    // A service at a time: each group then reads and writes one service's themes and counters.
    let mut order: Vec<&Candidate> = plan.add.iter().collect();
    order.sort_by_key(|c| (c.service_id, c.line));
    for chunk in order.chunks(ROWS_PER_INSERT) {
        let mut rows: Vec<NewFeedback> = chunk.iter().map(|r| new_row(r, now)).collect();
        on_arrival(c, &mut rows, classifier, &mut cache, now)?;
        let rows: Vec<NewImportedFeedback> =
            rows.into_iter().map(|row| NewImportedFeedback { row, provenance_id: Some(source_id) }).collect();
        provenance::insert_imported(c, &rows)?;
        done += rows.len();
        progress(done, plan.add.len());
    }
    let after = json!({
        "source": plan.source, "file": plan.file_name, "sha256": plan.file_sha256,
        "added": plan.add.len(), "duplicates": plan.duplicates.len(), "bad": plan.bad.len(),
    });
    let target = Target { kind: "import", id: Some(source_id), ministry_id: None };
    audit::record(c, actor, "feedback.import", target, None, Some(after))
}

/// Plans the import again and, when the plan's digest is `expected` (or none is expected),
/// adds its rows, all in one transaction: a failure leaves nothing half-imported.
pub fn apply(
    conn: &mut Conn,
    request: &ImportRequest,
    expected: Option<&str>,
    (actor, classifier): (&Actor, &Classifier),
    now: NaiveDateTime,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Outcome, ImportError> {
    write_transaction(conn, |c| {
        let plan = build(c, request, now)?;
        if expected.is_some_and(|e| e != plan.digest()) {
            return Ok(Outcome::Changed(plan));
        }
        store(c, &plan, (actor, classifier), now, progress)?;
        Ok(Outcome::Imported(plan))
    })
}
