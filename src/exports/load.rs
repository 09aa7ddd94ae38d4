//! Reads an export from the database: the ranking (from the counters), the owner
//! offices, and a bounded set of each exported service's themes with their voices.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::request::ExportRequest;
use crate::backlog::ranking::{self, Ranked, Ranking};
use crate::brief::design::Design;
use crate::brief::figures;
use crate::counts::dim;
use crate::db::offices::Office;
use crate::db::schema::{offices, themes};
use crate::db::service_counts;
use crate::db::themes::ThemeLabel;
use crate::db::Conn;
use crate::db::{backlog_items, brief_versions};
use crate::domain::export::{DesignFigures, Export, ExportRow, ThemeRow, WeightsRow};
use crate::domain::scoring::Rates;

/// Themes exported per service by voices (confirmed and linked themes come in addition).
pub const TOP_THEMES: usize = 10;

/// Ranks every service at `now` and reads the export `request` asks for.
pub fn load(conn: &mut Conn, rates: Rates, now: NaiveDateTime, request: &ExportRequest) -> QueryResult<Export> {
    let ranking = ranking::build(conn, rates, now)?;
    from_ranking(conn, &ranking, request, now)
}

/// The export of an already built ranking.
pub fn from_ranking(
    conn: &mut Conn,
    ranking: &Ranking,
    request: &ExportRequest,
    now: NaiveDateTime,
) -> QueryResult<Export> {
    let kept: Vec<&Ranked> = ranking.filtered(&request.filter).collect();
    let owners = owner_offices(conn, &kept)?;
    let item_ids: Vec<i64> = kept.iter().filter_map(|r| r.item.as_ref().map(|i| i.id)).collect();
    let versions = brief_versions::latest_of_items(conn, &item_ids)?;
    let rows = kept
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let office = owners.get(&r.owner_office_id()).unwrap_or(&r.office);
            let item = r.item.as_ref();
            let text = |f: fn(&backlog_items::BacklogItem) -> &str| item.map(f).unwrap_or("").to_owned();
            ExportRow {
                rank: i + 1,
                national_rank: r.rank,
                service: [r.service.code.clone(), r.service.name_bn.clone(), r.service.name_en.clone()],
                ministry: [r.ministry.code.clone(), r.ministry.name_bn.clone(), r.ministry.name_en.clone()],
                office: [office.code.clone(), office.name_bn.clone(), office.name_en.clone()],
                status: item.map(|i| i.status.clone()),
                target_year: item.and_then(|i| i.target_year.clone()),
                drop_reason: item.and_then(|i| i.drop_reason.clone()),
                problem: [text(|i| &i.problem_bn), text(|i| &i.problem_en)],
                inputs: r.inputs.clone(),
                score: r.score.clone(),
                ministry_weights: r.ministry_weights,
                design: item.and_then(|i| versions.get(&i.id)).and_then(|v| {
                    let design = Design::from_json(&v.design);
                    figures::compare(r.score.burden, r.inputs.yearly_applications, &design, ranking.rates).map(|f| {
                        DesignFigures {
                            version: v.number,
                            yearly_bdt: f.target.burden.yearly_bdt,
                            savings_bdt: f.savings.yearly_bdt,
                        }
                    })
                }),
            }
        })
        .collect();
    let mut weights = vec![WeightsRow { scope: "national".into(), weights: ranking.national }];
    let mut seen = HashSet::new();
    for r in kept.iter().filter(|r| r.ministry_weights) {
        if seen.insert(r.ministry.id) {
            weights.push(WeightsRow { scope: r.ministry.code.clone(), weights: ranking.weights_for(r.ministry.id) });
        }
    }
    weights[1..].sort_by(|a, b| a.scope.cmp(&b.scope));
    Ok(Export {
        generated_at: now,
        filter: request.description.clone(),
        rows,
        themes: theme_rows(conn, &kept)?,
        weights,
        rates: ranking.rates,
        scale: ranking.scale,
    })
}

/// Owner offices that are not the service's own office (rare: an item handed to another office).
fn owner_offices(conn: &mut Conn, kept: &[&Ranked]) -> QueryResult<HashMap<i64, Office>> {
    let mut found: HashMap<i64, Office> = kept.iter().map(|r| (r.office.id, r.office.clone())).collect();
    let ids: Vec<i64> = kept.iter().map(|r| r.owner_office_id()).filter(|id| !found.contains_key(id)).collect();
    for chunk in ids.chunks(500) {
        let rows = offices::table.filter(offices::id.eq_any(chunk)).select(Office::as_select()).load(conn)?;
        found.extend(rows.into_iter().map(|o| (o.id, o)));
    }
    Ok(found)
}

/// The themes of the exported services: for each, its confirmed themes, the themes its
/// backlog item addresses, and its [`TOP_THEMES`] themes with most voices; ordered by the
/// service's rank, then voices.
fn theme_rows(conn: &mut Conn, kept: &[&Ranked]) -> QueryResult<Vec<ThemeRow>> {
    let service_ids: Vec<i64> = kept.iter().map(|r| r.service.id).collect();
    let mut voices: HashMap<i64, i64> = HashMap::new();
    let mut by_service: HashMap<i64, Vec<(i64, i64)>> = HashMap::new();
    for c in service_counts::of_services(conn, &service_ids, dim::THEME, "")? {
        if let Ok(id) = c.bucket.parse::<i64>() {
            voices.insert(id, c.voices);
            by_service.entry(c.service_id).or_default().push((c.voices, id));
        }
    }
    let mut wanted: HashSet<i64> = HashSet::new();
    for list in by_service.values_mut() {
        list.sort_unstable_by(|a, b| b.cmp(a));
        wanted.extend(list.iter().filter(|(v, _)| *v > 0).take(TOP_THEMES).map(|(_, id)| *id));
    }
    let items: HashSet<i64> = kept.iter().filter_map(|r| r.item.as_ref().map(|i| i.id)).collect();
    let linked: HashSet<i64> = backlog_items::all_theme_links(conn)?
        .into_iter()
        .filter(|(item, _)| items.contains(item))
        .map(|l| l.1)
        .collect();
    wanted.extend(&linked);
    for chunk in service_ids.chunks(500) {
        let confirmed: Vec<i64> = themes::table
            .filter(themes::service_id.eq_any(chunk))
            .filter(themes::confirmed.eq(true))
            .select(themes::id)
            .load(conn)?;
        wanted.extend(confirmed);
    }
    let wanted: Vec<i64> = wanted.into_iter().collect();
    let mut labels: Vec<(i64, ThemeLabel)> = Vec::with_capacity(wanted.len());
    for chunk in wanted.chunks(500) {
        labels.extend(
            themes::table
                .filter(themes::id.eq_any(chunk))
                .select((themes::service_id, ThemeLabel::as_select()))
                .load::<(i64, ThemeLabel)>(conn)?,
        );
    }
    let position: HashMap<i64, (usize, &str)> =
        kept.iter().enumerate().map(|(i, r)| (r.service.id, (i, r.service.code.as_str()))).collect();
    let mut rows: Vec<(usize, ThemeRow)> = labels
        .into_iter()
        .filter_map(|(service_id, t)| {
            let (pos, code) = *position.get(&service_id)?;
            let row = ThemeRow {
                service_code: code.to_owned(),
                theme_id: t.id,
                voices: voices.get(&t.id).copied().unwrap_or(0),
                linked: linked.contains(&t.id),
                label_bn: t.label_bn,
                label_en: t.label_en,
                category: t.category,
                confirmed: t.confirmed,
            };
            Some((pos, row))
        })
        .collect();
    rows.sort_by(|(pa, a), (pb, b)| pa.cmp(pb).then(b.voices.cmp(&a.voices)).then(a.theme_id.cmp(&b.theme_id)));
    Ok(rows.into_iter().map(|(_, r)| r).collect())
}
