//! The backlog export (CSV, XLSX, JSON): what it holds and the one table of cells that all
//! three formats are written from, so their content is the same by construction.
//!
//! It carries no personal data: services, ministries, offices, backlog items, scores and
//! theme labels only (no feedback text, quotes or contact details). `docs/export.md`
//! documents every column.

use chrono::NaiveDateTime;

use super::scoring::{Inputs, Rates, Scale, Score, Weights};
use super::Locale;

pub use super::export_columns::{BACKLOG, CATEGORIES, PARAMETERS, STATUSES, THEMES, UNITS, WEIGHTS, WEIGHTS_SOURCES};

/// How a column's cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    Text,
    /// A whole number.
    Int,
    /// A number rounded to this many decimals.
    Dec(u8),
    /// Yes or no (`true`/`false` in CSV and JSON, TRUE/FALSE in XLSX).
    Bool,
    /// Text or a whole number, row by row (the parameters' values).
    Any,
    /// A code of a closed set (a status, a pain category): the code in JSON, its name in
    /// the export's language in CSV and XLSX.
    Term(&'static Terms),
}

/// A closed set of codes a column holds, and where their names are: the message
/// `<prefix>-<code>` of the catalogs, the code in lower case with every run of other
/// characters than letters and digits written `-` ([`Terms::message_id`]).
#[derive(Debug, PartialEq, Eq)]
pub struct Terms {
    /// Message id prefix (`backlog-status`).
    pub prefix: &'static str,
    /// Every code.
    pub codes: &'static [&'static str],
}

impl Terms {
    /// The message id of `code`'s name (`backlog-status-designing`,
    /// `export-unit-bdt-per-visit-to-an-office`).
    pub fn message_id(&self, code: &str) -> String {
        let mut id = self.prefix.to_owned();
        let mut gap = true;
        for ch in code.chars() {
            if ch.is_ascii_alphanumeric() {
                if gap {
                    id.push('-');
                }
                id.push(ch.to_ascii_lowercase());
                gap = false;
            } else {
                gap = true;
            }
        }
        id
    }
}

/// One column: its identifier (JSON key, the second header row of CSV and XLSX), its
/// headings people read (the first header row, in the export's language), its kind and its
/// XLSX width in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Identifier, for machines and formulas.
    pub id: &'static str,
    /// Bangla heading.
    pub bn: &'static str,
    /// English heading.
    pub en: &'static str,
    /// How its cells are written.
    pub kind: Kind,
    /// Width in the XLSX, in characters.
    pub width: u8,
}

impl Column {
    /// The heading in `locale`.
    pub fn heading(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::Bn => self.bn,
            Locale::En => self.en,
        }
    }
}

/// One cell. Blank text is `Empty`, so CSV (which cannot tell them apart) agrees with JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing (JSON `null`).
    Empty,
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A number already rounded to its column's decimals.
    Dec(f64),
    /// Yes or no.
    Bool(bool),
}

impl Cell {
    /// Text, or `Empty` when blank.
    pub fn text(s: &str) -> Cell {
        if s.trim().is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_owned())
        }
    }

    /// A number, or `Empty`.
    pub fn int(n: Option<i64>) -> Cell {
        n.map_or(Cell::Empty, Cell::Int)
    }

    /// `x` rounded to `decimals`.
    pub fn dec(x: f64, decimals: u8) -> Cell {
        Cell::Dec(round(x, decimals))
    }
}

/// `x` rounded half away from zero to `decimals` (the nearest binary value, so that the
/// decimal text written in CSV reads back as the same number).
pub fn round(x: f64, decimals: u8) -> f64 {
    let scale = 10f64.powi(i32::from(decimals));
    let r = (x * scale).round() / scale;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// One exported table: a CSV file, an XLSX sheet, a JSON array of objects.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Its name (`backlog`, `themes`, `weights`, `parameters`).
    pub name: &'static str,
    /// Its columns.
    pub columns: &'static [Column],
    /// Its rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
}

/// One service of the export: a backlog item or, when asked for, a candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRow {
    /// Position in this export, 1 first.
    pub rank: usize,
    /// Position among all services of the country.
    pub national_rank: usize,
    /// Service code, Bangla and English name.
    pub service: [String; 3],
    /// Ministry code, Bangla and English name.
    pub ministry: [String; 3],
    /// Owner office code, Bangla and English name.
    pub office: [String; 3],
    /// Backlog status (`None` for a candidate not in the backlog).
    pub status: Option<String>,
    /// Target fiscal year (`2026-27`).
    pub target_year: Option<String>,
    /// Why it was dropped.
    pub drop_reason: Option<String>,
    /// Problem statement in Bangla and English (staff-written).
    pub problem: [String; 2],
    /// What the score was computed from (charter figures and reported medians).
    pub inputs: Inputs,
    /// The score, with its components.
    pub score: Score,
    /// The ministry's own weights were used (else the national ones).
    pub ministry_weights: bool,
    /// The design brief's latest design, when it has steps: its version, the citizens' yearly
    /// cost with it and the yearly saving against today's burden (BDT).
    pub design: Option<DesignFigures>,
}

/// What an item's design promises, as the exports carry it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DesignFigures {
    /// The brief's version.
    pub version: i32,
    /// Citizens' yearly cost with the design, BDT.
    pub yearly_bdt: i64,
    /// Today's yearly burden less that, BDT (negative: the design costs more).
    pub savings_bdt: i64,
}

/// One theme of an exported service (a label and counts, never its feedback).
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRow {
    /// The service's code.
    pub service_code: String,
    /// Theme id.
    pub theme_id: i64,
    /// Label in Bangla.
    pub label_bn: String,
    /// Label in English.
    pub label_en: String,
    /// Pain category.
    pub category: String,
    /// Confirmed by a designer.
    pub confirmed: bool,
    /// Voices of its visible feedback.
    pub voices: i64,
    /// The service's backlog item addresses it.
    pub linked: bool,
}

/// Weights used by the export: national, or a ministry's own.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightsRow {
    /// `national` or a ministry code.
    pub scope: String,
    /// The weights.
    pub weights: Weights,
}

/// Everything an export holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// When it was made (UTC).
    pub generated_at: NaiveDateTime,
    /// Which rows were asked for, in words (`ministry=LGD; candidates=no`).
    pub filter: String,
    /// The services, in rank order.
    pub rows: Vec<ExportRow>,
    /// Their themes.
    pub themes: Vec<ThemeRow>,
    /// National weights first, then ministries' own.
    pub weights: Vec<WeightsRow>,
    /// The money rates of the burden.
    pub rates: Rates,
    /// The normalising scale (largest demand, burden and gap of all services).
    pub scale: Scale,
}

/// The version of the export's layout (JSON `version`, parameter `format_version`).
pub const FORMAT_VERSION: i64 = 1;

impl ExportRow {
    /// The row's cells, in [`BACKLOG`] order.
    pub fn cells(&self) -> Vec<Cell> {
        let i = &self.inputs;
        let mut cells = vec![Cell::Int(self.rank as i64), Cell::Int(self.national_rank as i64)];
        cells.extend(self.service.iter().chain(&self.ministry).chain(&self.office).map(|s| Cell::text(s)));
        for s in [&self.status, &self.target_year, &self.drop_reason] {
            cells.push(Cell::text(s.as_deref().unwrap_or("")));
        }
        cells.push(Cell::int(i.category.map(i64::from)));
        cells.extend(self.problem.iter().map(|s| Cell::text(s)));
        for n in [i.yearly_applications, i.median_days, i.median_cost, i.median_visits, i.promised_days, i.fee_bdt] {
            cells.push(Cell::int(n));
        }
        for c in &self.score.components {
            cells.push(Cell::Int(c.raw));
            cells.push(Cell::dec(c.normalised, 3));
            cells.push(Cell::Int(i64::from(c.weight)));
            cells.push(Cell::dec(c.points, 2));
        }
        cells.push(Cell::dec(self.score.total, 2));
        cells.push(Cell::Int(self.score.burden.yearly_bdt));
        cells.push(Cell::Int(self.score.burden.yearly_hours));
        cells.push(Cell::text(if self.ministry_weights { "ministry" } else { "national" }));
        cells.push(Cell::int(self.design.map(|d| i64::from(d.version))));
        cells.push(Cell::int(self.design.map(|d| d.yearly_bdt)));
        cells.push(Cell::int(self.design.map(|d| d.savings_bdt)));
        cells
    }
}

impl ThemeRow {
    /// The row's cells, in [`THEMES`] order.
    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::text(&self.service_code),
            Cell::Int(self.theme_id),
            Cell::text(&self.label_bn),
            Cell::text(&self.label_en),
            Cell::text(&self.category),
            Cell::Bool(self.confirmed),
            Cell::Int(self.voices),
            Cell::Bool(self.linked),
        ]
    }
}

impl WeightsRow {
    /// The row's cells, in [`WEIGHTS`] order.
    pub fn cells(&self) -> Vec<Cell> {
        let mut cells = vec![Cell::text(&self.scope)];
        cells.extend(self.weights.as_array().map(|w| Cell::Int(i64::from(w))));
        cells
    }
}

impl Export {
    /// The parameters table's rows: (name, value, unit).
    fn parameters(&self) -> Vec<Vec<Cell>> {
        let generated = self.generated_at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let rows: [(&str, Cell, &str); 10] = [
            ("format_version", Cell::Int(FORMAT_VERSION), ""),
            ("generated_at", Cell::Text(generated), "UTC"),
            ("filter", Cell::text(&self.filter), ""),
            ("services", Cell::Int(self.rows.len() as i64), "rows"),
            ("day_bdt", Cell::Int(self.rates.day_bdt), "BDT per day of waiting"),
            ("visit_bdt", Cell::Int(self.rates.visit_bdt), "BDT per visit to an office"),
            ("visit_hours", Cell::Int(self.rates.visit_hours), "hours per visit"),
            ("scale_demand", Cell::Int(self.scale.demand), "voices, largest of all services"),
            ("scale_burden", Cell::Int(self.scale.burden), "BDT a year, largest of all services"),
            ("scale_gap", Cell::Int(self.scale.gap), "BDT per application, largest of all services"),
        ];
        rows.into_iter().map(|(name, value, unit)| vec![Cell::text(name), value, Cell::text(unit)]).collect()
    }

    /// The four tables, in the order the XLSX and JSON hold them.
    pub fn tables(&self) -> [Table; 4] {
        [
            Table { name: "backlog", columns: BACKLOG, rows: self.rows.iter().map(ExportRow::cells).collect() },
            Table { name: "themes", columns: THEMES, rows: self.themes.iter().map(ThemeRow::cells).collect() },
            Table { name: "weights", columns: WEIGHTS, rows: self.weights.iter().map(WeightsRow::cells).collect() },
            Table { name: "parameters", columns: PARAMETERS, rows: self.parameters() },
        ]
    }
}

#[cfg(test)]
#[path = "export_tests.rs"]
pub(crate) mod tests;
