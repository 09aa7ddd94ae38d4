//! "You said, we did" on a service's public page: where its backlog item stands and the
//! published themes citizens raised, with their voices. Labels only, never quotes.

use std::collections::HashMap;

use diesel::QueryResult;

use crate::counts::dim;
use crate::db::{backlog_items, service_counts, themes, Conn};

/// Themes with fewer voices stay off the public page (too few to be a pattern, and too
/// close to identifying someone).
pub const MIN_PUBLIC_VOICES: i64 = 5;

/// What the public page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct YouSaid {
    /// Backlog status and target year, when the service is in the backlog.
    pub item: Option<(String, Option<String>)>,
    /// Published themes with at least [`MIN_PUBLIC_VOICES`]: (label bn, label en, voices), most first.
    pub themes: Vec<(String, String, i64)>,
}

/// Whether a theme of the service is shown to citizens: published, with at least
/// [`MIN_PUBLIC_VOICES`] (the service page and the tracking page alike).
pub fn shows_theme(conn: &mut Conn, service_id: i64, theme: &themes::Theme) -> QueryResult<bool> {
    let voices = service_counts::voices_by_bucket(conn, service_id, dim::THEME)?;
    Ok(public_voices(theme.id, theme.published_at.is_some(), &voices).is_some())
}

/// The voices a theme shows citizens with, when it is shown: published, with at least
/// [`MIN_PUBLIC_VOICES`] (`voices`: the service's voices by theme id, from its counters).
pub fn public_voices(theme_id: i64, published: bool, voices: &HashMap<String, i64>) -> Option<i64> {
    let v = voices.get(&theme_id.to_string()).copied().unwrap_or(0);
    (published && v >= MIN_PUBLIC_VOICES).then_some(v)
}

/// What a service's public page reads once of its backlog item and themes, for "you said, we
/// did" ([`YouSaid::of`]) and a live e-service's before and after (`brief::public::load`).
#[derive(Debug, Clone, Default)]
pub struct Shown {
    /// The service's backlog item, when it was promoted.
    pub item: Option<backlog_items::BacklogItem>,
    /// Its themes shown to citizens (published, with at least [`MIN_PUBLIC_VOICES`]):
    /// (theme id, label bn, label en, voices), most voiced first.
    pub themes: Vec<(i64, String, String, i64)>,
}

/// Reads it for one service: its item, its voices by theme and its themes' labels, once.
pub fn shown(conn: &mut Conn, service_id: i64) -> QueryResult<Shown> {
    let item = backlog_items::for_service(conn, service_id)?;
    let voices = service_counts::voices_by_bucket(conn, service_id, dim::THEME)?;
    let mut themes: Vec<(i64, String, String, i64)> = themes::labels_of_service(conn, service_id)?
        .into_iter()
        .filter_map(|t| {
            public_voices(t.id, t.published_at.is_some(), &voices).map(|v| (t.id, t.label_bn, t.label_en, v))
        })
        .collect();
    themes.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.2.cmp(&b.2)));
    Ok(Shown { item, themes })
}

impl YouSaid {
    /// What the public page says of the service `shown` was read of.
    pub fn of(shown: &Shown) -> Self {
        YouSaid {
            item: shown.item.as_ref().map(|i| (i.status.clone(), i.target_year.clone())),
            themes: shown.themes.iter().map(|(_, bn, en, v)| (bn.clone(), en.clone(), *v)).collect(),
        }
    }
}
