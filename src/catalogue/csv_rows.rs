//! Parsing the catalogue CSV: every row checked before anything is written.

use std::collections::HashMap;

use crate::domain::digits::parse_whole_number;
use crate::domain::service::{is_service_code, is_unit_code, DeliveryMode, RoadmapCategory};
use crate::domain::text::clean_line;

/// Columns that must be present, in the documented order.
pub const REQUIRED: &[&str] = &[
    "ministry_code",
    "ministry_name_bn",
    "ministry_name_en",
    "office_code",
    "office_name_bn",
    "office_name_en",
    "service_code",
    "service_name_bn",
    "service_name_en",
    "delivery_mode",
];
/// Columns that may be left out.
pub const OPTIONAL: &[&str] = &[
    "steps",
    "documents",
    "fee_bdt",
    "promised_days",
    "responsible_officer",
    "yearly_applications",
    "roadmap_category",
    "aliases",
];

/// Most other names a service may have, and their longest.
pub const ALIASES_MAX: (usize, usize) = (20, 80);

/// One checked row of the sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogueRow {
    /// Line in the file (1 is the header).
    pub line: u64,
    /// Ministry code and names (bn, en).
    pub ministry: (String, String, String),
    /// Office code and names (bn, en).
    pub office: (String, String, String),
    /// Service code.
    pub code: String,
    /// Service name in Bangla.
    pub name_bn: String,
    /// Service name in English.
    pub name_en: String,
    /// How it is delivered.
    pub delivery_mode: DeliveryMode,
    /// Charter steps.
    pub steps: Vec<String>,
    /// Required documents.
    pub documents: Vec<String>,
    /// Fee in taka.
    pub fee_bdt: Option<i64>,
    /// Promised days.
    pub promised_days: Option<i32>,
    /// Responsible officer.
    pub responsible_officer: String,
    /// Applications a year.
    pub yearly_applications: Option<i64>,
    /// Roadmap category.
    pub roadmap_category: Option<RoadmapCategory>,
    /// Other names citizens use for it (romanised, short, common English).
    pub aliases: Vec<String>,
}

/// A problem with one line of the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line in the file (1 is the header).
    pub line: u64,
    /// What is wrong, in plain words.
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

fn list(cell: &str) -> Vec<String> {
    cell.split(['|', '\n']).map(clean_line).filter(|s| !s.is_empty()).collect()
}

fn number(name: &str, cell: &str, max: u64) -> Result<Option<u64>, String> {
    parse_whole_number(cell, max).map_err(|_| format!("{name} {cell:?} is not a whole number from 0 to {max}"))
}

/// Both names, the missing one filled from the other; an error when both are empty.
fn names(what: &str, bn: &str, en: &str) -> Result<(String, String), String> {
    match (clean_line(bn), clean_line(en)) {
        (b, e) if b.is_empty() && e.is_empty() => Err(format!("{what} has no name in Bangla or English")),
        (b, e) if b.is_empty() => Ok((e.clone(), e)),
        (b, e) if e.is_empty() => Ok((b.clone(), b)),
        pair => Ok(pair),
    }
}

/// Reads the whole sheet; returns every row, or every problem found (nothing partial).
pub fn parse_catalogue(bytes: &[u8]) -> Result<Vec<CatalogueRow>, Vec<RowError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let header_error = |reason: String| vec![RowError { line: 1, reason }];
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| header_error(format!("cannot read the header: {e}")))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    for h in &headers {
        if !REQUIRED.contains(&h.as_str()) && !OPTIONAL.contains(&h.as_str()) {
            return Err(header_error(format!("unknown column {h:?}")));
        }
    }
    for r in REQUIRED {
        if !headers.iter().any(|h| h == r) {
            return Err(header_error(format!("missing column {r:?}")));
        }
    }
    let index: HashMap<&str, usize> = headers.iter().enumerate().map(|(i, h)| (h.as_str(), i)).collect();

    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen_codes: HashMap<String, u64> = HashMap::new();
    let mut office_ministry: HashMap<String, (String, u64)> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                errors.push(RowError { line, reason: format!("unreadable row: {e}") });
                continue;
            }
        };
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        let cell = |name: &str| index.get(name).and_then(|i| record.get(*i)).unwrap_or("").trim().to_owned();
        match parse_row(line, &cell) {
            Ok(row) => {
                if let Some(first) = seen_codes.insert(row.code.clone(), line) {
                    errors.push(RowError {
                        line,
                        reason: format!("service code {} already appears on line {first}", row.code),
                    });
                    continue;
                }
                let (ministry_code, first) =
                    office_ministry.entry(row.office.0.clone()).or_insert((row.ministry.0.clone(), line)).clone();
                if ministry_code != row.ministry.0 {
                    errors.push(RowError {
                        line,
                        reason: format!(
                            "office {} is under ministry {ministry_code} on line {first}, not {}",
                            row.office.0, row.ministry.0
                        ),
                    });
                    continue;
                }
                rows.push(row);
            }
            Err(reason) => errors.push(RowError { line, reason }),
        }
    }
    if rows.is_empty() && errors.is_empty() {
        errors.push(RowError { line: 1, reason: "the file has no service rows".into() });
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

fn parse_row(line: u64, cell: &dyn Fn(&str) -> String) -> Result<CatalogueRow, String> {
    let code_of = |name: &str, valid: fn(&str) -> bool, rule: &str| {
        let code = cell(name).to_ascii_uppercase();
        match code.as_str() {
            "" => Err(format!("{name} is empty")),
            c if !valid(c) => Err(format!("{name} {c:?} must be {rule}")),
            _ => Ok(code),
        }
    };
    let unit_rule = "2 to 12 letters A-Z or digits";
    let ministry_code = code_of("ministry_code", is_unit_code, unit_rule)?;
    let office_code = code_of("office_code", is_unit_code, unit_rule)?;
    let code = code_of("service_code", is_service_code, "2 to 40 letters A-Z, digits, '-', '_' or '.'")?;
    let ministry = names("ministry", &cell("ministry_name_bn"), &cell("ministry_name_en"))?;
    let office = names("office", &cell("office_name_bn"), &cell("office_name_en"))?;
    let (name_bn, name_en) = names("service", &cell("service_name_bn"), &cell("service_name_en"))?;
    let delivery_mode = DeliveryMode::parse(&cell("delivery_mode"))
        .ok_or_else(|| format!("delivery_mode {:?} must be manual, partly_online or online", &cell("delivery_mode")))?;
    let roadmap_category = RoadmapCategory::parse(&cell("roadmap_category"))
        .map_err(|_| format!("roadmap_category {:?} must be 1, 2 or empty", &cell("roadmap_category")))?;
    Ok(CatalogueRow {
        line,
        ministry: (ministry_code, ministry.0, ministry.1),
        office: (office_code, office.0, office.1),
        code,
        name_bn,
        name_en,
        delivery_mode,
        steps: list(&cell("steps")),
        documents: list(&cell("documents")),
        fee_bdt: number("fee_bdt", &cell("fee_bdt"), 10_000_000)?.map(|v| v as i64),
        promised_days: number("promised_days", &cell("promised_days"), 3_650)?.map(|v| v as i32),
        responsible_officer: clean_line(&cell("responsible_officer")),
        yearly_applications: number("yearly_applications", &cell("yearly_applications"), 1_000_000_000)?
            .map(|v| v as i64),
        roadmap_category,
        aliases: aliases(&cell("aliases"))?,
    })
}

/// Other names, `|`-separated like steps; each a line of at most [`ALIASES_MAX`]`.1` characters.
fn aliases(cell: &str) -> Result<Vec<String>, String> {
    let names = list(cell);
    let (most, longest) = ALIASES_MAX;
    if names.len() > most {
        return Err(format!("aliases: {} names, at most {most}", names.len()));
    }
    match names.iter().find(|n| n.chars().count() > longest) {
        Some(long) => Err(format!("aliases: {long:?} is longer than {longest} characters")),
        None => Ok(names),
    }
}

#[cfg(test)]
#[path = "csv_rows_tests.rs"]
mod tests;
