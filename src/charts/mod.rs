//! Server-rendered SVG charts (no JavaScript) for staff pages: a sparkline, a weekly trend and
//! horizontal bars. Each returns a complete, escaped `<svg>` string for a template's `{{{chart}}}`.
//!
//! Every human-readable string comes from the caller (already translated); numbers are written
//! in the page's language. Colours come from the `chart-*` classes in `app.css`.

mod bars;
mod sparkline;
mod svg;
mod ticks;
mod trend;

#[cfg(test)]
mod testing;

pub use bars::horizontal_bars;
pub use sparkline::sparkline;
pub use svg::{escape, format_number};
pub use ticks::nice_ticks;
pub use trend::weekly_trend;

/// The words of one chart, all supplied by the caller in the page's language.
#[derive(Debug, Clone, Copy)]
pub struct ChartText<'a> {
    /// Prefix for the element ids; unique on the page (other characters than `[A-Za-z0-9_-]` become `-`).
    pub id: &'a str,
    /// Short name of the chart, read out as its accessible name.
    pub title: &'a str,
    /// The data in words (e.g. the highest week), read out as its description.
    pub desc: &'a str,
    /// Shown instead of the chart when there is no data.
    pub empty: &'a str,
}
