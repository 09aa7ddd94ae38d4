//! Applies a parsed catalogue: upsert by code, all or nothing.

use std::collections::HashMap;

use chrono::Utc;

use super::CatalogueRow;
use crate::db::ministries::{self, NewMinistry};
use crate::db::offices::{self, NewOffice};
use crate::db::services::{self, NewService};
use crate::db::{write_transaction, Conn};
use crate::domain::text::service_search_text;

/// What an import changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Ministries written (new or updated).
    pub ministries: usize,
    /// Offices written (new or updated).
    pub offices: usize,
    /// Services that were new.
    pub services_added: usize,
    /// Services that existed and were updated.
    pub services_updated: usize,
}

/// The row to write for one catalogue entry.
pub fn new_service(row: &CatalogueRow, office_id: i64) -> NewService {
    NewService {
        office_id,
        code: row.code.clone(),
        name_bn: row.name_bn.clone(),
        name_en: row.name_en.clone(),
        search_text: service_search_text(&row.name_bn, &row.name_en, &row.code, &row.aliases.join("|")),
        delivery_mode: row.delivery_mode.as_str().to_owned(),
        steps: serde_json::to_string(&row.steps).expect("strings serialise"),
        documents: serde_json::to_string(&row.documents).expect("strings serialise"),
        fee_bdt: row.fee_bdt,
        promised_days: row.promised_days,
        responsible_officer: row.responsible_officer.clone(),
        yearly_applications: row.yearly_applications,
        roadmap_category: row.roadmap_category.map(|c| c.number()),
        updated_at: Utc::now().naive_utc(),
        aliases: row.aliases.join("|"),
    }
}

/// Writes every row in one transaction; `progress` is called after each row.
/// Any failure rolls everything back.
pub fn apply_catalogue(
    conn: &mut Conn,
    rows: &[CatalogueRow],
    progress: &mut dyn FnMut(usize),
) -> diesel::QueryResult<ImportSummary> {
    write_transaction(conn, |conn| {
        let now = Utc::now().naive_utc();
        let mut summary = ImportSummary::default();
        let mut ministry_ids: HashMap<&str, i64> = HashMap::new();
        let mut office_ids: HashMap<&str, i64> = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            let (m_code, m_bn, m_en) = &row.ministry;
            let ministry_id = match ministry_ids.get(m_code.as_str()) {
                Some(id) => *id,
                None => {
                    let id = ministries::upsert(
                        conn,
                        &NewMinistry { code: m_code, name_bn: m_bn, name_en: m_en, updated_at: now },
                    )?;
                    summary.ministries += 1;
                    *ministry_ids.entry(m_code).or_insert(id)
                }
            };
            let (o_code, o_bn, o_en) = &row.office;
            let office_id = match office_ids.get(o_code.as_str()) {
                Some(id) => *id,
                None => {
                    let new = NewOffice { ministry_id, code: o_code, name_bn: o_bn, name_en: o_en, updated_at: now };
                    let id = offices::upsert(conn, &new)?;
                    summary.offices += 1;
                    *office_ids.entry(o_code).or_insert(id)
                }
            };
            if services::upsert(conn, &new_service(row, office_id))? {
                summary.services_added += 1;
            } else {
                summary.services_updated += 1;
            }
            progress(i + 1);
        }
        Ok(summary)
    })
}
