//! `nagorik remask`: masks the stored public text of every feedback again with today's rules
//! ([`crate::domain::pii::mask`]), so that formats the masking learned to find since a row
//! arrived stop showing on public reads. Designers' redactions stay (masking the public text
//! keeps them); the original text is untouched.

use diesel::prelude::*;
use serde_json::json;

use crate::audit::{self, Actor, Target};
use crate::db::schema::feedback;
use crate::db::{write_transaction, Conn};
use crate::domain::pii::mask;

/// Rows read and written per transaction.
const BATCH: i64 = 500;

/// Re-masks every stored public text; returns how many changed. The run is audited with its count.
pub fn remask_all(conn: &mut Conn, actor: &Actor) -> QueryResult<usize> {
    let (mut after, mut changed) = (0i64, 0usize);
    loop {
        let rows: Vec<(i64, String)> = feedback::table
            .filter(feedback::id.gt(after))
            .filter(feedback::public_body.is_not_null())
            .order(feedback::id)
            .limit(BATCH)
            .select((feedback::id, feedback::public_body.assume_not_null()))
            .load(conn)?;
        let Some(&(last, _)) = rows.last() else { break };
        after = last;
        changed += write_transaction(conn, |c| {
            let mut n = 0;
            for (id, public) in &rows {
                let masked = mask(public);
                if &masked != public {
                    crate::db::feedback_embeddings::forget(c, &[*id])?;
                    diesel::update(feedback::table.find(id))
                        .set((feedback::public_body.eq(&masked), feedback::has_personal_data.eq(true)))
                        .execute(c)?;
                    n += 1;
                }
            }
            Ok::<_, diesel::result::Error>(n)
        })?;
    }
    let target = Target { kind: "feedback", id: None, ministry_id: None };
    write_transaction(conn, |c| {
        audit::record(c, actor, "feedback.remask", target, None, Some(json!({ "remasked": changed })))
    })?;
    Ok(changed)
}
