//! What happens to new feedback inside the transaction that stores it: personal
//! data is masked for public view, the text joins the most similar theme of its
//! service (or starts one), and the service's counters are bumped.

use std::collections::HashMap;

use chrono::{NaiveDateTime, SubsecRound};
use diesel::QueryResult;

use super::{auto_labels, relabel, CANDIDATE_THEMES};
use crate::counts::{Facts, Tally};
use crate::db::feedback::NewFeedback;
use crate::db::themes::{self, NewTheme};
use crate::db::Conn;
use crate::themes::{
    accepts, has_label_words, is_bare, place, signature, CategoryVotes, Centroid, Classifier, LabelScript,
    PainCategory, Placement, Signature,
};

/// What intake reads from a new text before it is stored: its public (masked) form, its
/// signature and its pain category. None of it needs the database, so it is made where the
/// text arrives (request handlers run on every core) and the writer only places and stores.
#[derive(Debug, Clone)]
pub struct Reading {
    public: String,
    sig: Signature,
    category: PainCategory,
}

impl Reading {
    /// Reads `body` as intake will store it.
    pub fn of(body: &str, classifier: &Classifier) -> Self {
        let public = crate::domain::pii::mask(body);
        let sig = signature(&public);
        let category = if sig.is_empty() { PainCategory::Other } else { classifier.classify(&public).category };
        Self { public, sig, category }
    }
}

#[derive(Clone)]
struct LiveTheme {
    id: i64,
    stamp: NaiveDateTime,
    centroid: Centroid,
    votes: CategoryVotes,
    category: PainCategory,
    by_designer: bool,
    label_by_designer: bool,
    /// Whether the Bangla and the English label are the category name alone (no words yet).
    bare: [bool; 2],
    changed: bool,
}

/// Decoded themes kept between groups by one intake writer, so that each group reads only
/// which themes changed (ids and timestamps) and decodes just those. Themes changed elsewhere
/// (designers, other writers) are read again; a rolled-back group leaves stamps that no longer
/// match, so its themes are read again too.
#[derive(Default)]
pub struct ThemeCache {
    services: HashMap<i64, HashMap<i64, LiveTheme>>,
    /// Per service, the version (latest change, number of themes) the cache was last checked at.
    versions: HashMap<i64, (Option<NaiveDateTime>, i64)>,
}

/// A service's themes version as [`themes::versions`] reads it.
type Version = (Option<NaiveDateTime>, i64);

impl ThemeCache {
    /// Which of these services' cached themes are still current (one query for them all).
    fn current(&self, conn: &mut Conn, service_ids: &[i64]) -> QueryResult<HashMap<i64, Version>> {
        let mut now: HashMap<i64, Version> = service_ids.iter().map(|id| (*id, (None, 0))).collect();
        for (id, at, n) in themes::versions(conn, service_ids)? {
            now.insert(id, (at, n));
        }
        Ok(now)
    }

    /// The service's current candidate themes, from the cache where still current.
    fn load(&mut self, conn: &mut Conn, service_id: i64, version: Version) -> QueryResult<Vec<LiveTheme>> {
        if self.versions.get(&service_id) == Some(&version) {
            if let Some(cached) = self.services.get(&service_id) {
                let mut all: Vec<LiveTheme> = cached.values().cloned().collect();
                all.sort_by(|a, b| b.stamp.cmp(&a.stamp).then(b.id.cmp(&a.id)));
                return Ok(all);
            }
        }
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
                    category: PainCategory::parse(&t.category).unwrap_or(PainCategory::Other),
                    by_designer: t.category_by_designer,
                    label_by_designer: t.label_by_designer,
                    bare: [is_bare(&t.label_bn), is_bare(&t.label_en)],
                    changed: false,
                };
                cached.insert(t.id, live);
            }
        }
        let current: std::collections::HashSet<i64> = stamps.iter().map(|(id, _)| *id).collect();
        cached.retain(|id, _| current.contains(id));
        Ok(stamps.iter().filter_map(|(id, _)| cached.get(id).cloned()).collect())
    }

    /// Remembers themes as this group left them (written with `stamp`), and the service's version
    /// after the group (`None`: unknown, check again next time).
    fn store(&mut self, service_id: i64, themes: Vec<LiveTheme>, version: Option<Version>) {
        match version {
            Some(v) => self.versions.insert(service_id, v),
            None => self.versions.remove(&service_id),
        };
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
    classifier: &Classifier,
    cache: &mut ThemeCache,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let readings: Vec<Reading> = rows.iter().map(|row| Reading::of(&row.body, classifier)).collect();
    on_arrival_read(conn, rows, &readings.iter().collect::<Vec<_>>(), cache, now)
}

/// [`on_arrival`] for rows whose texts were read already (`readings[i]` of `rows[i].body`).
pub fn on_arrival_read(
    conn: &mut Conn,
    rows: &mut [NewFeedback],
    readings: &[&Reading],
    cache: &mut ThemeCache,
    now: NaiveDateTime,
) -> QueryResult<()> {
    debug_assert_eq!(rows.len(), readings.len());
    // PostgreSQL keeps microseconds: cached stamps must equal what the database will hold.
    let now = now.trunc_subsecs(6);
    for (row, reading) in rows.iter_mut().zip(readings) {
        row.has_personal_data = reading.public != row.body;
        row.public_body = Some(reading.public.clone());
    }
    let mut by_service: HashMap<i64, Vec<usize>> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        if row.moderation == "visible" && row.theme_id.is_none() {
            by_service.entry(row.service_id).or_default().push(i);
        }
    }
    let mut services: Vec<_> = by_service.into_iter().collect();
    services.sort_by_key(|(id, _)| *id);
    let ids: Vec<i64> = services.iter().map(|(id, _)| *id).collect();
    let versions = if ids.is_empty() { HashMap::new() } else { cache.current(conn, &ids)? };
    for (service_id, indexes) in services {
        let version = versions.get(&service_id).copied().unwrap_or((None, 0));
        assign(conn, (service_id, version), rows, readings, &indexes, cache, now)?;
    }
    let mut tally = Tally::default();
    for row in rows.iter().filter(|r| r.moderation == "visible") {
        tally.add(&Facts::from(row), 1, 1);
    }
    tally.apply(conn)
}

/// Assigns the rows at `indexes` (all of one service, whose themes are at `version`) to themes.
fn assign(
    conn: &mut Conn,
    (service_id, version): (i64, Version),
    rows: &mut [NewFeedback],
    readings: &[&Reading],
    indexes: &[usize],
    cache: &mut ThemeCache,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let mut live = cache.load(conn, service_id, version)?;
    let before = live.len() as i64;
    // Texts this group put in each theme (not stored yet), and the themes labelled again after it.
    let mut joined: HashMap<i64, Vec<String>> = HashMap::new();
    let mut relabelled: Vec<i64> = Vec::new();
    for &i in indexes {
        let (sig, category) = (&readings[i].sig, readings[i].category);
        if sig.is_empty() {
            continue;
        }
        let text = rows[i].public_body.clone().unwrap_or_default();
        let mut votes = CategoryVotes::default();
        votes.vote(category, 1);
        let candidates = live.iter().map(|t| (t.id, &t.centroid, accepts(t.category, &t.votes, category)));
        match place(sig, category, candidates) {
            Placement::Join(id) => {
                let theme = live.iter_mut().find(|t| t.id == id).expect("the placed theme is one of them");
                theme.centroid.add(sig);
                theme.votes.add(&votes);
                let was = theme.category;
                if !theme.by_designer {
                    theme.category = theme.votes.winner();
                }
                theme.changed = true;
                rows[i].theme_id = Some(id);
                joined.entry(id).or_default().push(text.clone());
                // The label leads with the category, and is made from more texts as the theme
                // doubles in size (2, 4, … 32 texts; a regroup relabels larger ones), or as soon
                // as a text brings the first words of a script its label has none of yet.
                let grown = matches!(theme.centroid.count(), 2 | 4 | 8 | 16 | 32);
                let first_words = (theme.bare[0] && has_label_words(&text, LabelScript::Bangla))
                    || (theme.bare[1] && has_label_words(&text, LabelScript::Latin));
                let due = grown || first_words || was != theme.category;
                if !theme.label_by_designer && due && !relabelled.contains(&id) {
                    relabelled.push(id);
                }
            }
            Placement::Open => {
                let (label_bn, label_en) = auto_labels(&[text.as_str()], category);
                let bare = [is_bare(&label_bn), is_bare(&label_en)];
                let centroid = Centroid::new(sig);
                let new = NewTheme::automatic(service_id, (label_bn, label_en), &votes, &centroid, now);
                let id = themes::insert(conn, &new)?;
                live.push(LiveTheme {
                    id,
                    stamp: now,
                    centroid,
                    votes,
                    category,
                    by_designer: false,
                    label_by_designer: false,
                    bare,
                    changed: false,
                });
                rows[i].theme_id = Some(id);
                joined.entry(id).or_default().push(text);
            }
            // Not yet grouped: the next regroup looks at it again.
            Placement::Wait => {}
        }
    }
    // In id order, so that writers updating the same themes never deadlock.
    live.sort_by_key(|t| t.id);
    let changed: Vec<themes::Regrouped> = live
        .iter()
        .filter(|t| t.changed)
        .map(|t| (t.id, t.centroid.encode(), t.votes.encode(), (!t.by_designer).then(|| t.votes.winner().as_str())))
        .collect();
    themes::set_grouping_many(conn, &changed, now)?;
    relabelled.sort_unstable();
    for id in relabelled {
        if let Some(theme) = live.iter_mut().find(|t| t.id == id) {
            let (bn, en) = relabel(conn, id, theme.category, joined.get(&id).map_or(&[], Vec::as_slice))?;
            theme.bare = [is_bare(&bn), is_bare(&en)];
        }
    }
    for theme in live.iter_mut().filter(|t| t.changed) {
        theme.stamp = now;
    }
    // The version after this group, known without asking when nothing else changed it: the
    // themes written now carry `now`, and new ones add to the count. Only a full cache (the
    // service has no more themes than fit) can be trusted this way.
    let grew = live.len() as i64 - before;
    let after = (live.iter().any(|t| t.changed) || grew > 0).then_some((Some(now), version.1 + grew)).or(Some(version));
    let trusted = (version.1 as usize) < CANDIDATE_THEMES as usize;
    cache.store(service_id, live, after.filter(|_| trusted));
    Ok(())
}
