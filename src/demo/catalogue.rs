//! The demo catalogue: real charter entries from `catalogue.csv`, padded with
//! services generated from `service_patterns.csv` for each office.

use std::collections::BTreeMap;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::DemoOptions;
use crate::catalogue::{apply_catalogue, parse_catalogue, CatalogueRow, ImportSummary};
use crate::db::Conn;
use crate::domain::service::{DeliveryMode, RoadmapCategory};

const CATALOGUE: &str = include_str!("catalogue.csv");
const PATTERNS: &str = include_str!("service_patterns.csv");

struct Pattern {
    name_bn: String,
    name_en: String,
    delivery_mode: DeliveryMode,
    steps: Vec<String>,
    documents: Vec<String>,
    fee: (u64, u64),
    days: (u64, u64),
    apps: (u64, u64),
}

fn split_list(cell: &str) -> Vec<String> {
    cell.split('|').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
}

fn patterns() -> Vec<Pattern> {
    let mut reader = csv::Reader::from_reader(PATTERNS.as_bytes());
    reader
        .records()
        .map(|r| {
            let r = r.expect("service_patterns.csv is well-formed");
            let n = |i: usize| r[i].trim().parse::<u64>().expect("whole numbers in service_patterns.csv");
            Pattern {
                name_bn: r[0].to_owned(),
                name_en: r[1].to_owned(),
                delivery_mode: DeliveryMode::parse(&r[2]).expect("valid delivery mode"),
                steps: split_list(&r[3]),
                documents: split_list(&r[4]),
                fee: (n(5), n(6)),
                days: (n(7), n(8)),
                apps: (n(9), n(10)),
            }
        })
        .collect()
}

/// The demo catalogue rows: the real entries, then generated ones up to `services`.
pub fn catalogue_rows(services: usize, seed: u64) -> Vec<CatalogueRow> {
    let mut rows = parse_catalogue(CATALOGUE.as_bytes()).expect("the demo catalogue is valid");
    rows.truncate(services);
    let patterns = patterns();
    let mut rng = StdRng::seed_from_u64(seed);
    // Offices in a stable order with the next free number of each.
    let mut offices: BTreeMap<String, (CatalogueRow, usize)> = BTreeMap::new();
    for row in &rows {
        let next = offices.get(&row.office.0).map(|o| o.1).unwrap_or(0);
        let number: usize = row.code.rsplit('-').next().and_then(|n| n.parse().ok()).unwrap_or(0);
        offices.insert(row.office.0.clone(), (row.clone(), next.max(number) + 1));
    }
    let office_codes: Vec<String> = offices.keys().cloned().collect();
    let mut taken: Vec<Vec<usize>> = vec![Vec::new(); office_codes.len()];
    let mut line = rows.len() as u64 + 2;
    while rows.len() < services && !office_codes.is_empty() {
        let o = rng.random_range(0..office_codes.len());
        let p = rng.random_range(0..patterns.len());
        if taken[o].contains(&p) && taken[o].len() < patterns.len() {
            continue;
        }
        taken[o].push(p);
        let (template, next) = offices.get_mut(&office_codes[o]).expect("office exists");
        let pattern = &patterns[p];
        let code = format!("{}-{:03}", template.office.0, *next);
        *next += 1;
        rows.push(CatalogueRow {
            line,
            code,
            name_bn: pattern.name_bn.clone(),
            name_en: pattern.name_en.clone(),
            delivery_mode: pattern.delivery_mode,
            steps: pattern.steps.clone(),
            documents: pattern.documents.clone(),
            fee_bdt: Some(rng.random_range(pattern.fee.0..=pattern.fee.1) as i64 / 10 * 10),
            promised_days: Some(rng.random_range(pattern.days.0..=pattern.days.1) as i32),
            yearly_applications: Some(rng.random_range(pattern.apps.0..=pattern.apps.1) as i64),
            roadmap_category: match rng.random_range(0..3) {
                0 => Some(RoadmapCategory::One),
                1 => Some(RoadmapCategory::Two),
                _ => None,
            },
            // The other names citizens use belong to the charter's own service, not to one made up.
            aliases: Vec::new(),
            ..template.clone()
        });
        line += 1;
    }
    rows
}

/// Writes the demo catalogue (updating entries that already exist by code).
pub fn load_catalogue(
    conn: &mut Conn,
    options: &DemoOptions,
    progress: &mut dyn FnMut(usize),
) -> anyhow::Result<ImportSummary> {
    let rows = catalogue_rows(options.services, options.seed);
    Ok(apply_catalogue(conn, &rows, progress)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_demo_catalogue_has_809_services_in_48_ministries() {
        let rows = catalogue_rows(809, 7);
        assert_eq!(rows.len(), 809);
        let codes: HashSet<_> = rows.iter().map(|r| r.code.as_str()).collect();
        assert_eq!(codes.len(), 809, "service codes are unique");
        let ministries: HashSet<_> = rows.iter().map(|r| r.ministry.0.as_str()).collect();
        assert_eq!(ministries.len(), 48);
        assert!(rows.iter().any(|r| r.name_en.to_lowercase().contains("birth registration")));
        assert!(rows.iter().any(|r| r.name_en.to_lowercase().contains("passport")));
    }

    #[test]
    fn only_the_charter_services_carry_aliases_so_a_common_name_finds_its_own_service() {
        let charter = parse_catalogue(CATALOGUE.as_bytes()).unwrap().len();
        let rows = catalogue_rows(809, 7);
        assert!(rows[charter..].iter().all(|r| r.aliases.is_empty()), "made-up services have no aliases");
        let named: Vec<&str> = rows
            .iter()
            .filter(|r| r.aliases.iter().any(|a| a.to_lowercase() == "jonmo nibondhon"))
            .map(|r| r.code.as_str())
            .collect();
        assert_eq!(named, ["ORGBDR-001"]);
    }

    #[test]
    fn the_same_seed_gives_the_same_catalogue() {
        assert_eq!(catalogue_rows(809, 3), catalogue_rows(809, 3));
    }
}
