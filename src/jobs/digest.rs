//! The daily digest: from the configured hour (UTC) on, each staff member who opted
//! in gets one message a day with the new feedback per service and the new themes
//! of their ministries (cabinet admins: all) since their last digest. Counts and
//! masked theme labels only, never what a citizen wrote. The day's digest is
//! queued under the key `digest:<staff>:<date>` (an empty one is recorded as
//! skipped), so a restart or a second server never queues it again.

use chrono::{Duration, NaiveDateTime, Timelike};
use diesel::prelude::*;

use crate::db::schema::{feedback, offices, services, staff_users, themes};
use crate::db::staff_users::{self as staff_db, StaffUser};
use crate::db::{is_unique_violation, outbox, write_transaction, Conn};
use crate::domain::feedback::Moderation;
use crate::domain::pii::mask;
use crate::domain::staff::{Permission, Role};
use crate::domain::Locale;
use crate::email::notifications::{queue_digest, Digest, DigestService, DigestTheme, DIGEST};

/// Most services and themes listed in one digest.
const MOST_LINES: usize = 30;

/// Queues today's digest for every opted-in, enabled staff member who has none yet,
/// once `now` is past `hour` (UTC). Returns how many were queued (sent or skipped).
pub fn queue_digests(conn: &mut Conn, now: NaiveDateTime, hour: u32) -> QueryResult<usize> {
    if now.hour() < hour {
        return Ok(0);
    }
    let recipients: Vec<StaffUser> = staff_users::table
        .filter(staff_users::digest_opt_in.eq(true))
        .filter(staff_users::disabled_at.is_null())
        .order(staff_users::id)
        .select(StaffUser::as_select())
        .load(conn)?;
    let mut queued = 0;
    for staff in recipients {
        let key = format!("digest:{}:{}", staff.id, now.date());
        if outbox::has_key(conn, &key)? {
            continue;
        }
        // Digests summarise the workspace: only roles that read it get one (not operators).
        let Some(role) = Role::parse(&staff.role).filter(|r| r.allows(Permission::ViewFeedback)) else { continue };
        let since = outbox::last_queued_for_staff(conn, staff.id, DIGEST)?.unwrap_or(now - Duration::days(1));
        let within = if role.sees_all_ministries() { None } else { Some(staff_db::ministry_ids(conn, staff.id)?) };
        let locale = Locale::parse(&staff.locale).unwrap_or_default();
        let digest = build(conn, within.as_deref(), since, now, locale)?;
        // Another server may queue the same digest at the same moment: the unique key lets one win.
        match write_transaction(conn, |c| queue_digest(c, &staff, &digest, &key, now)) {
            Ok(true) => queued += 1,
            Ok(false) => {}
            Err(err) if is_unique_violation(&err) => {}
            Err(err) => return Err(err),
        }
    }
    Ok(queued)
}

/// What happened in `ministries` (`None`: all) between `since` and `now`.
pub fn build(
    conn: &mut Conn,
    ministries: Option<&[i64]>,
    since: NaiveDateTime,
    now: NaiveDateTime,
    locale: Locale,
) -> QueryResult<Digest> {
    let mut counts = feedback::table
        .inner_join(services::table.inner_join(offices::table))
        .filter(feedback::created_at.gt(since))
        .filter(feedback::created_at.le(now))
        .filter(feedback::moderation.ne(Moderation::Spam.as_str()))
        .group_by((services::id, services::name_bn, services::name_en))
        .select((services::id, services::name_bn, services::name_en, diesel::dsl::count_star()))
        .into_boxed();
    let mut new_themes = themes::table
        .inner_join(services::table.inner_join(offices::table))
        .filter(themes::created_at.gt(since))
        .filter(themes::created_at.le(now))
        .order(themes::id)
        .limit(MOST_LINES as i64)
        .select((services::name_bn, services::name_en, themes::label_bn, themes::label_en))
        .into_boxed();
    if let Some(ids) = ministries {
        counts = counts.filter(offices::ministry_id.eq_any(ids.to_vec()));
        new_themes = new_themes.filter(offices::ministry_id.eq_any(ids.to_vec()));
    }
    let mut counts: Vec<(i64, String, String, i64)> = counts.load(conn)?;
    counts.sort_by(|a, b| b.3.cmp(&a.3).then(a.0.cmp(&b.0)));
    let total = counts.iter().map(|c| c.3).sum();
    let services = counts
        .into_iter()
        .take(MOST_LINES)
        .map(|(_, bn, en, count)| DigestService { name: locale.pick(&bn, &en).to_owned(), count })
        .collect();
    let themes = new_themes
        .load::<(String, String, String, String)>(conn)?
        .into_iter()
        .map(|(sbn, sen, lbn, len)| DigestTheme {
            service: locale.pick(&sbn, &sen).to_owned(),
            label: mask(locale.pick(&lbn, &len)),
        })
        .collect();
    Ok(Digest { since: since.date().to_string(), total, services, themes })
}
