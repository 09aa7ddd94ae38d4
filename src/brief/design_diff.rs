//! What changed between two designs, as a version records it and the compare page shows it:
//! steps added, removed or changed (by position, with the boxes that changed) and decisions on
//! what citizens want made, changed or cleared.

use serde::{Deserialize, Serialize};

use super::design::{Decision, Design, ToBeStep};

/// One change from one design to the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum Change {
    /// A step was added at `step` (1-based).
    StepAdded {
        /// Its position.
        step: i64,
        /// Its Bangla name.
        name_bn: String,
        /// Its English name.
        name_en: String,
    },
    /// The step at `step` was removed.
    StepRemoved {
        /// Its position.
        step: i64,
        /// Its Bangla name.
        name_bn: String,
        /// Its English name.
        name_en: String,
    },
    /// The step at `step` changed in `fields` (`name_bn`, `channel`, `days`, …).
    StepChanged {
        /// Its position.
        step: i64,
        /// The boxes that changed.
        fields: Vec<String>,
    },
    /// A theme of what citizens want got (or changed) its decision.
    WantDecided {
        /// The theme.
        theme_id: i64,
        /// The decision now.
        #[serde(flatten)]
        decision: Decision,
    },
    /// A theme's decision was taken back.
    WantCleared {
        /// The theme.
        theme_id: i64,
    },
}

fn changed_fields(a: &ToBeStep, b: &ToBeStep) -> Vec<String> {
    let pairs: [(&str, bool); 7] = [
        ("name_bn", a.name_bn != b.name_bn),
        ("name_en", a.name_en != b.name_en),
        ("channel", a.channel != b.channel),
        ("documents", a.documents != b.documents),
        ("days", a.days != b.days),
        ("cost", a.cost != b.cost),
        ("visits", a.visits != b.visits),
    ];
    pairs.iter().filter(|(_, differ)| *differ).map(|(f, _)| (*f).to_owned()).collect()
}

/// The changes from `before` to `after`, steps first (in order), then decisions by theme id.
pub fn changes(before: &Design, after: &Design) -> Vec<Change> {
    let mut out = Vec::new();
    for i in 0..before.steps.len().max(after.steps.len()) {
        let step = i as i64 + 1;
        match (before.steps.get(i), after.steps.get(i)) {
            (Some(a), Some(b)) => {
                let fields = changed_fields(a, b);
                if !fields.is_empty() {
                    out.push(Change::StepChanged { step, fields });
                }
            }
            (None, Some(b)) => {
                out.push(Change::StepAdded { step, name_bn: b.name_bn.clone(), name_en: b.name_en.clone() })
            }
            (Some(a), None) => {
                out.push(Change::StepRemoved { step, name_bn: a.name_bn.clone(), name_en: a.name_en.clone() })
            }
            (None, None) => {}
        }
    }
    let mut themes: Vec<i64> = before.wants.iter().chain(&after.wants).map(|w| w.theme_id).collect();
    themes.sort_unstable();
    themes.dedup();
    for theme_id in themes {
        match (before.decision(theme_id), after.decision(theme_id)) {
            (old, Some(new)) if old != Some(new) => out.push(Change::WantDecided { theme_id, decision: new.clone() }),
            (Some(_), None) => out.push(Change::WantCleared { theme_id }),
            _ => {}
        }
    }
    out
}
