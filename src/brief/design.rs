//! What a designer writes into the brief: the to-be journey (steps, channel, documents still
//! needed, target days, cost and visits per step) and, for each theme of what citizens want,
//! whether it was taken into the design (and at which step) or left for now (and why). Stored as
//! one JSON document per version (`brief_versions`); the targets and the yearly savings against
//! today's burden are computed from it with the backlog score's rates.

use serde::{Deserialize, Serialize};

use crate::domain::scoring::{Burden, Rates};

/// Most steps a to-be journey holds.
pub const MAX_STEPS: usize = 20;
/// Blank step rows the form offers after the written ones.
pub const BLANK_ROWS: usize = 2;
/// Longest step name, documents list or reason (characters).
pub const MAX_TEXT: usize = 500;
/// Most days one step may take.
pub const MAX_DAYS: u64 = 3_650;
/// Most taka one step may cost.
pub const MAX_COST: u64 = 10_000_000;
/// Most office visits one step may need.
pub const MAX_VISITS: u64 = 100;

/// How a citizen goes through a to-be step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// On the web or a phone app.
    Online,
    /// At a union digital centre, with an operator's help.
    UnionDigitalCentre,
    /// At the office.
    Office,
    /// By mobile phone (SMS, USSD, a call).
    Mobile,
}

impl Channel {
    /// Every channel, in the order the form lists them.
    pub const ALL: [Channel; 4] = [Channel::Online, Channel::UnionDigitalCentre, Channel::Office, Channel::Mobile];

    /// The form's and the JSON's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::UnionDigitalCentre => "union-digital-centre",
            Channel::Office => "office",
            Channel::Mobile => "mobile",
        }
    }

    /// The channel named `s`.
    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.as_str() == s.trim())
    }
}

/// One step of the to-be journey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ToBeStep {
    /// The step in Bangla.
    pub name_bn: String,
    /// The step in English.
    pub name_en: String,
    /// How the citizen goes through it.
    pub channel: Channel,
    /// Documents the citizen still has to bring or upload at this step (empty: none).
    pub documents: String,
    /// Target days.
    pub days: i64,
    /// Target taka paid (fees included).
    pub cost: i64,
    /// Target office visits.
    pub visits: i64,
}

/// A designer's answer to one theme of what citizens want.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "decision", rename_all = "kebab-case")]
pub enum Decision {
    /// Taken into the design at to-be step `step` (1-based).
    Taken {
        /// The to-be step that answers it.
        step: i64,
    },
    /// Not in this design, for `reason`.
    NotNow {
        /// Why not.
        reason: String,
    },
}

/// The decision on one theme of what citizens want.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct WantMark {
    /// The theme.
    pub theme_id: i64,
    /// What the design does with it.
    #[serde(flatten)]
    pub decision: Decision,
}

/// Everything a designer wrote into one version of the brief.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Design {
    /// The to-be journey, in order.
    pub steps: Vec<ToBeStep>,
    /// Decisions on what citizens want, by theme id.
    pub wants: Vec<WantMark>,
}

impl Design {
    /// The decision on `theme_id`, if any.
    pub fn decision(&self, theme_id: i64) -> Option<&Decision> {
        self.wants.iter().find(|w| w.theme_id == theme_id).map(|w| &w.decision)
    }

    /// The stored form.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a design serialises")
    }

    /// Reads a stored design; an unreadable one reads as empty (and is logged).
    pub fn from_json(s: &str) -> Design {
        serde_json::from_str(s).unwrap_or_else(|e| {
            tracing::error!(error = %e, "a stored brief design could not be read");
            Design::default()
        })
    }

    /// One application through the to-be journey: its days, cost and visits summed over the
    /// steps, in money and hours with `rates`, and a year of them (`yearly_applications`).
    pub fn target(&self, rates: Rates, yearly_applications: Option<i64>) -> Target {
        let days: i64 = self.steps.iter().map(|s| s.days).sum();
        let cost: i64 = self.steps.iter().map(|s| s.cost).sum();
        let visits: i64 = self.steps.iter().map(|s| s.visits).sum();
        let per_application_bdt = days * rates.day_bdt + cost + visits * rates.visit_bdt;
        let per_application_hours = visits * rates.visit_hours;
        let apps = yearly_applications.unwrap_or(0).max(0);
        Target {
            days,
            cost,
            visits,
            burden: Burden {
                per_application_bdt,
                per_application_hours,
                yearly_bdt: per_application_bdt.saturating_mul(apps),
                yearly_hours: per_application_hours.saturating_mul(apps),
            },
        }
    }
}

/// What one application through the to-be journey takes, and what a year of them costs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Target {
    /// Days, over every step.
    pub days: i64,
    /// Taka, over every step.
    pub cost: i64,
    /// Office visits, over every step.
    pub visits: i64,
    /// In money and hours (the backlog score's rates).
    #[schema(value_type = Object)]
    pub burden: Burden,
}

/// Today's burden less the target's: what the e-service would save citizens a year (negative
/// when the design costs them more).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Savings {
    /// Taka per application.
    pub per_application_bdt: i64,
    /// Taka a year.
    pub yearly_bdt: i64,
    /// Hours a year.
    pub yearly_hours: i64,
}

impl Savings {
    /// Whether the design costs citizens more than today (per application or a year).
    pub fn costs_more(&self) -> bool {
        self.per_application_bdt < 0 || self.yearly_bdt < 0
    }

    /// `today` less `target`.
    pub fn between(today: &Burden, target: &Target) -> Savings {
        Savings {
            per_application_bdt: today.per_application_bdt - target.burden.per_application_bdt,
            yearly_bdt: today.yearly_bdt.saturating_sub(target.burden.yearly_bdt),
            yearly_hours: today.yearly_hours.saturating_sub(target.burden.yearly_hours),
        }
    }
}

#[cfg(test)]
#[path = "design_tests.rs"]
mod tests;
