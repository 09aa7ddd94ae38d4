//! What happens to new feedback inside the transaction that stores it: personal
//! data is masked for public view, the text joins the most similar theme of its
//! service (or starts one), and the service's counters are bumped.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::{auto_labels, CANDIDATE_THEMES};
use crate::counts::{Facts, Tally};
use crate::db::feedback::NewFeedback;
use crate::db::themes::{self, NewTheme};
use crate::db::Conn;
use crate::themes::{best_theme, signature, CategoryVotes, Centroid, Lexicon};

#[derive(Clone)]
struct LiveTheme {
    id: i64,
    stamp: NaiveDateTime,
    centroid: Centroid,
    votes: CategoryVotes,
    by_designer: bool,
    changed: bool,
}

/// Decoded themes kept between groups by one intake writer, so that each group reads only
/// which themes changed (ids and timestamps) and decodes just those. Themes changed elsewhere
/// (designers, other writers) are read again; a rolled-back group leaves stamps that no longer
/// match, so its themes are read again too.
#[derive(Default)]
pub struct ThemeCache {
    services: HashMap<i64, HashMap<i64, LiveTheme>>,
}

impl ThemeCache {
    /// The service's current candidate themes, from the cache where still current.
    fn load(&mut self, conn: &mut Conn, service_id: i64) -> QueryResult<Vec<LiveTheme>> {
        let stamps = themes::recent_stamps(conn, service_id, CANDIDATE_THEMES)?;
        let cached = self.services.entry(service_id).or_default();
        let stale: Vec<i64> =
            stamps.iter().filter(|(id, at)| cached.get(id).is_none_or(|t| t.stamp != *at)).map(|(id, _)| *id).collect();
        for t in themes::with_ids(conn, &stale)? {
            if let Some(centroid) = Centroid::decode(&t.centroid) {
                let votes = CategoryVotes::decode(&t.category_votes).unwrap_or_default();
                let live = LiveTheme {
                    id: t.id,
                    stamp: t.updated_at,
                    centroid,
                    votes,
                    by_designer: t.category_by_designer,
                    changed: false,
                };
                cached.insert(t.id, live);
            }
        }
        let current: std::collections::HashSet<i64> = stamps.iter().map(|(id, _)| *id).collect();
        cached.retain(|id, _| current.contains(id));
        Ok(stamps.iter().filter_map(|(id, _)| cached.get(id).cloned()).collect())
    }

    /// Remembers themes as this group left them (written with `stamp`).
    fn store(&mut self, service_id: i64, themes: Vec<LiveTheme>) {
        let cached = self.services.entry(service_id).or_default();
        for mut t in themes {
            t.changed = false;
            cached.insert(t.id, t);
        }
    }
}

impl From<&NewFeedback> for Facts {
    fn from(row: &NewFeedback) -> Self {
        Facts {
            service_id: row.service_id,
            kind: row.kind.clone(),
            district: row.district.clone(),
            channel: row.channel.clone(),
            created_at: row.created_at,
            days: row.days_taken,
            cost: row.cost_bdt,
            visits: row.visits,
            theme_id: row.theme_id,
        }
    }
}

/// Prepares `rows` for insertion (masked text, suggested theme) and counts them.
pub fn on_arrival(
    conn: &mut Conn,
    rows: &mut [NewFeedback],
    lexicon: &Lexicon,
    cache: &mut ThemeCache,
    now: NaiveDateTime,
) -> QueryResult<()> {
    for row in rows.iter_mut() {
        let public = crate::domain::pii::mask(&row.body);
        row.has_personal_data = public != row.body;
        row.public_body = Some(public);
    }
    let mut by_service: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        if row.moderation == "visible" && row.theme_id.is_none() {
            by_service.entry(row.service_id).or_default().push(i);
        }
    }
    let mut services: Vec<_> = by_service.into_iter().collect();
    services.sort_by_key(|(id, _)| *id);
    for (service_id, indexes) in services {
        assign(conn, service_id, rows, &indexes, lexicon, cache, now)?;
    }
    let mut tally = Tally::default();
    for row in rows.iter().filter(|r| r.moderation == "visible") {
        tally.add(&Facts::from(row), 1, 1);
    }
    tally.apply(conn)
}

fn assign(
    conn: &mut Conn,
    service_id: i64,
    rows: &mut [NewFeedback],
    indexes: &[usize],
    lexicon: &Lexicon,
    cache: &mut ThemeCache,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let mut live = cache.load(conn, service_id)?;
    for &i in indexes {
        let text = rows[i].public_body.clone().unwrap_or_default();
        let sig = signature(&text);
        if sig.is_empty() {
            continue;
        }
        let votes = lexicon.votes(&text);
        match best_theme(&sig, live.iter().map(|t| (t.id, &t.centroid))) {
            Some((id, _)) => {
                let theme = live.iter_mut().find(|t| t.id == id).expect("the best theme is one of them");
                theme.centroid.add(&sig);
                theme.votes.add(&votes);
                theme.changed = true;
                rows[i].theme_id = Some(id);
            }
            None => {
                let (label_bn, label_en) = auto_labels(&[text.as_str()]);
                let centroid = Centroid::new(&sig);
                let new = NewTheme {
                    service_id,
                    label_bn,
                    label_en,
                    category: votes.winner().as_str().to_owned(),
                    category_by_designer: false,
                    category_votes: votes.encode(),
                    confirmed: false,
                    centroid: centroid.encode(),
                    created_at: now,
                    updated_at: now,
                };
                let id = themes::insert(conn, &new)?;
                live.push(LiveTheme { id, stamp: now, centroid, votes, by_designer: false, changed: false });
                rows[i].theme_id = Some(id);
            }
        }
    }
    // In id order, so that writers updating the same themes never deadlock.
    live.sort_by_key(|t| t.id);
    for theme in live.iter_mut().filter(|t| t.changed) {
        let category = (!theme.by_designer).then(|| theme.votes.winner().as_str());
        themes::set_grouping(conn, theme.id, &theme.centroid.encode(), &theme.votes.encode(), category, now)?;
        theme.stamp = now;
    }
    cache.store(service_id, live);
    Ok(())
}
