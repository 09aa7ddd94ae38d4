//! The explainable priority score (PRODUCT.md, "Prioritisation must be explainable").
//!
//! Five components, each first measured in its own unit and then normalised to 0..1:
//! demand (voices in the last 12 months), burden (the yearly citizen cost of the service in
//! BDT), gap (BDT per application beyond the charter's promise), severity (a share) and
//! readiness (the roadmap category). Demand, burden and gap are heavy-tailed, so they are
//! normalised on a log scale against the largest value among all services:
//! `ln(1 + x) / ln(1 + max)`. The total is the weighted mean of the normalised components,
//! out of 100. `docs/scoring.md` explains the choice.

use serde::Serialize;

/// How much each component counts (whole numbers; only their ratios matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Weights {
    /// Voices in the last 12 months.
    pub demand: i32,
    /// Yearly citizen cost.
    pub burden: i32,
    /// Reported time and cost beyond the charter.
    pub gap: i32,
    /// Complaints, unofficial payments, staff conduct.
    pub severity: i32,
    /// Roadmap category.
    pub readiness: i32,
}

impl Weights {
    /// The built-in national default, until a cabinet admin sets one.
    pub const DEFAULT: Weights = Weights { demand: 30, burden: 25, gap: 20, severity: 15, readiness: 10 };

    /// The largest weight a form accepts.
    pub const MAX: i32 = 100;

    /// The weights in component order.
    pub fn as_array(self) -> [i32; 5] {
        [self.demand, self.burden, self.gap, self.severity, self.readiness]
    }

    /// Weights from component order.
    pub fn from_array(w: [i32; 5]) -> Weights {
        Weights { demand: w[0], burden: w[1], gap: w[2], severity: w[3], readiness: w[4] }
    }

    /// Whether every weight is within 0..=MAX and at least one is positive.
    pub fn is_valid(self) -> bool {
        let w = self.as_array();
        w.iter().all(|x| (0..=Self::MAX).contains(x)) && w.iter().any(|x| *x > 0)
    }
}

/// The five components, in the order pages and exports show them.
pub const COMPONENTS: [&str; 5] = ["demand", "burden", "gap", "severity", "readiness"];

/// Rates that turn a service's time and visits into money.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rates {
    /// BDT a citizen loses per day of waiting.
    pub day_bdt: i64,
    /// BDT a visit to an office costs (travel and a lost half day's earnings).
    pub visit_bdt: i64,
    /// Hours one visit takes.
    pub visit_hours: i64,
}

impl Default for Rates {
    fn default() -> Self {
        Rates { day_bdt: 100, visit_bdt: 400, visit_hours: 4 }
    }
}

/// Fewest answers a burden estimate should rest on before it is read as more than a rough guide.
pub const FEW_ANSWERS: i64 = 10;

/// What is known of one service, read from counters and the charter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inputs {
    /// Voices (feedback plus "me too") in the last 12 months.
    pub voices_12m: i64,
    /// Visible voices of all time.
    pub voices_all: i64,
    /// Of which complaints.
    pub complaint_voices: i64,
    /// Of which in themes tagged unofficial payment or staff conduct.
    pub severe_theme_voices: i64,
    /// Estimated yearly applications (charter).
    pub yearly_applications: Option<i64>,
    /// Median days reported.
    pub median_days: Option<i64>,
    /// Median BDT reported.
    pub median_cost: Option<i64>,
    /// Median visits reported.
    pub median_visits: Option<i64>,
    /// How many citizens' answers each median rests on: days, cost, visits.
    pub answers: [i64; 3],
    /// Days the charter promises.
    pub promised_days: Option<i64>,
    /// The charter's fee in BDT.
    pub fee_bdt: Option<i64>,
    /// Roadmap category (1, 2 or none).
    pub category: Option<i32>,
}

/// One application's citizen cost, and what a year of them costs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Burden {
    /// BDT per application: days × day rate + BDT paid + visits × visit rate.
    pub per_application_bdt: i64,
    /// Hours per application spent on visits.
    pub per_application_hours: i64,
    /// Per application × yearly applications: what an e-service could save a year.
    pub yearly_bdt: i64,
    /// Hours a year.
    pub yearly_hours: i64,
}

impl Inputs {
    /// The citizen cost of the service. Reported medians are used where citizens gave
    /// them; otherwise the charter's promise and fee (no visits).
    pub fn burden(&self, rates: Rates) -> Burden {
        let days = self.median_days.or(self.promised_days).unwrap_or(0);
        let cost = self.median_cost.or(self.fee_bdt).unwrap_or(0);
        let visits = self.median_visits.unwrap_or(0);
        let per_application_bdt = days * rates.day_bdt + cost + visits * rates.visit_bdt;
        let per_application_hours = visits * rates.visit_hours;
        let apps = self.yearly_applications.unwrap_or(0).max(0);
        Burden {
            per_application_bdt,
            per_application_hours,
            yearly_bdt: per_application_bdt.saturating_mul(apps),
            yearly_hours: per_application_hours.saturating_mul(apps),
        }
    }

    /// BDT per application beyond the charter: extra days at the day rate plus BDT paid
    /// beyond the fee. Zero when nothing was reported or the promise is kept.
    pub fn gap_bdt(&self, rates: Rates) -> i64 {
        let days = match (self.median_days, self.promised_days) {
            (Some(m), Some(p)) => (m - p).max(0),
            _ => 0,
        };
        let cost = match self.median_cost {
            Some(m) => (m - self.fee_bdt.unwrap_or(0)).max(0),
            None => 0,
        };
        days * rates.day_bdt + cost
    }

    /// Share of complaints plus share in severe themes, halved: 0..1.
    pub fn severity(&self) -> f64 {
        if self.voices_all <= 0 {
            return 0.0;
        }
        let all = self.voices_all as f64;
        0.5 * (self.complaint_voices as f64 / all).min(1.0) + 0.5 * (self.severe_theme_voices as f64 / all).min(1.0)
    }

    /// Category 1 is ready (1), category 2 half (0.5), none 0.
    pub fn readiness(&self) -> f64 {
        match self.category {
            Some(1) => 1.0,
            Some(2) => 0.5,
            _ => 0.0,
        }
    }
}

/// One component of a score: what it measured, how it normalised, what it adds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Component {
    /// The measure in its own unit (voices, BDT, BDT, share ×1000, category points ×1000).
    pub raw: i64,
    /// Normalised to 0..1.
    pub normalised: f64,
    /// Its weight.
    pub weight: i32,
    /// Points it adds to the total (0..100 over all components).
    pub points: f64,
}

/// A service's score with everything needed to explain it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Components in [`COMPONENTS`] order.
    pub components: [Component; 5],
    /// Sum of the points, 0..100.
    pub total: f64,
    /// The citizen cost an e-service could save.
    pub burden: Burden,
}

/// The largest raw demand, burden and gap across all services, for normalising.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scale {
    /// Largest voices in 12 months.
    pub demand: i64,
    /// Largest yearly BDT.
    pub burden: i64,
    /// Largest gap BDT.
    pub gap: i64,
}

impl Scale {
    /// The scale of a set of services.
    pub fn of<'a>(inputs: impl IntoIterator<Item = &'a Inputs>, rates: Rates) -> Scale {
        inputs.into_iter().fold(Scale::default(), |s, i| Scale {
            demand: s.demand.max(i.voices_12m),
            burden: s.burden.max(i.burden(rates).yearly_bdt),
            gap: s.gap.max(i.gap_bdt(rates)),
        })
    }
}

fn log_scaled(x: i64, max: i64) -> f64 {
    if max <= 0 || x <= 0 {
        return 0.0;
    }
    ((x as f64).ln_1p() / (max as f64).ln_1p()).min(1.0)
}

/// Scores one service against the scale of all services.
pub fn score(inputs: &Inputs, weights: Weights, rates: Rates, scale: Scale) -> Score {
    let burden = inputs.burden(rates);
    let gap = inputs.gap_bdt(rates);
    let severity = inputs.severity();
    let readiness = inputs.readiness();
    let raw =
        [inputs.voices_12m, burden.yearly_bdt, gap, (severity * 1000.0).round() as i64, (readiness * 1000.0) as i64];
    let normalised = [
        log_scaled(inputs.voices_12m, scale.demand),
        log_scaled(burden.yearly_bdt, scale.burden),
        log_scaled(gap, scale.gap),
        severity,
        readiness,
    ];
    let w = weights.as_array();
    let sum: i32 = w.iter().map(|x| (*x).max(0)).sum();
    let components: [Component; 5] = std::array::from_fn(|i| Component {
        raw: raw[i],
        normalised: normalised[i],
        weight: w[i],
        points: if sum > 0 { 100.0 * f64::from(w[i].max(0)) * normalised[i] / f64::from(sum) } else { 0.0 },
    });
    let total = components.iter().map(|c| c.points).sum();
    Score { components, total, burden }
}

/// Why one score is above another: the component that adds most to the difference, and
/// each component's difference in points (first minus second).
pub fn explain(first: &Score, second: &Score) -> (usize, [f64; 5]) {
    let diff: [f64; 5] = std::array::from_fn(|i| first.components[i].points - second.components[i].points);
    let sign = if first.total >= second.total { 1.0 } else { -1.0 };
    let main = (0..5).max_by(|a, b| (sign * diff[*a]).total_cmp(&(sign * diff[*b]))).unwrap_or(0);
    (main, diff)
}

#[cfg(test)]
#[path = "scoring_tests.rs"]
mod tests;
