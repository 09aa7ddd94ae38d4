//! The backlog's rules: the status workflow, Bangladesh's fiscal year (July to June,
//! written `2026-27`) and its quarters.

use chrono::{Datelike, NaiveDate};

/// Where a backlog item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Promoted from a service page; the problem is named.
    Identified,
    /// Designers are shaping the e-service.
    Designing,
    /// The ministry approved the design.
    Approved,
    /// The e-service is being built.
    Building,
    /// Citizens use the e-service.
    Live,
    /// Not pursued (a reason is recorded).
    Dropped,
}

impl Status {
    /// Every status, in workflow order.
    pub const ALL: [Status; 6] =
        [Status::Identified, Status::Designing, Status::Approved, Status::Building, Status::Live, Status::Dropped];

    /// Stored and typed form.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Identified => "identified",
            Status::Designing => "designing",
            Status::Approved => "approved",
            Status::Building => "building",
            Status::Live => "live",
            Status::Dropped => "dropped",
        }
    }

    /// Reads the stored or typed form.
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.as_str() == s.trim())
    }

    /// The statuses this one may move to: one step on, one step back, dropped
    /// from any open status, and a dropped item may be reopened. Live is final.
    pub fn next(self) -> &'static [Status] {
        use Status::*;
        match self {
            Identified => &[Designing, Dropped],
            Designing => &[Approved, Identified, Dropped],
            Approved => &[Building, Designing, Dropped],
            Building => &[Live, Approved, Dropped],
            Live => &[],
            Dropped => &[Identified],
        }
    }

    /// Whether moving from `self` to `to` is allowed.
    pub fn may_move_to(self, to: Status) -> bool {
        self.next().contains(&to)
    }

    /// Whether a ministry has committed to building it (counts for the APA).
    pub fn is_committed(self) -> bool {
        matches!(self, Status::Approved | Status::Building | Status::Live)
    }

    /// Whether the item still needs quarterly reviews.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Live | Status::Dropped)
    }
}

/// A Bangladesh fiscal year, July to June, named by the year it starts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    /// The fiscal year a date falls in.
    pub fn of(date: NaiveDate) -> FiscalYear {
        FiscalYear(if date.month() >= 7 { date.year() } else { date.year() - 1 })
    }

    /// Reads `2026-27` (also with Bangla digits or an en dash); the second part
    /// must be the year after the first.
    pub fn parse(s: &str) -> Option<FiscalYear> {
        let s = super::digits::to_ascii_digits(s.trim()).replace(['–', '/'], "-");
        let (start, end) = s.split_once('-')?;
        if start.len() != 4 || end.len() != 2 {
            return None;
        }
        let start: i32 = start.parse().ok()?;
        let end: i32 = end.parse().ok()?;
        ((2000..=2099).contains(&start) && (start + 1) % 100 == end).then_some(FiscalYear(start))
    }

    /// The written form, `2026-27`.
    pub fn label(self) -> String {
        format!("{}-{:02}", self.0, (self.0 + 1) % 100)
    }
}

/// A quarter of a fiscal year: Q1 is July to September.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quarter {
    /// Its fiscal year.
    pub year: FiscalYear,
    /// 1 to 4.
    pub number: u8,
}

impl Quarter {
    /// The quarter a date falls in.
    pub fn of(date: NaiveDate) -> Quarter {
        let offset = (date.month0() + 6) % 12;
        Quarter { year: FiscalYear::of(date), number: (offset / 3 + 1) as u8 }
    }

    /// The quarter before this one.
    pub fn previous(self) -> Quarter {
        if self.number == 1 {
            Quarter { year: FiscalYear(self.year.0 - 1), number: 4 }
        } else {
            Quarter { year: self.year, number: self.number - 1 }
        }
    }

    /// The stored form, `2026-27 Q2`.
    pub fn label(self) -> String {
        format!("{} Q{}", self.year.label(), self.number)
    }

    /// As pages and mail show it: `2026-27 Q2`; on Bangla pages `২০২৬-২৭ প্রান্তিক ২`.
    pub fn shown(self, locale: super::Locale) -> String {
        match locale {
            super::Locale::En => self.label(),
            super::Locale::Bn => {
                super::digits::to_bangla_digits(&format!("{} প্রান্তিক {}", self.year.label(), self.number))
            }
        }
    }

    /// A stored quarter label as [`Quarter::shown`] writes it (anything else as it is).
    pub fn shown_label(label: &str, locale: super::Locale) -> String {
        Quarter::parse(label).map_or_else(|| label.to_owned(), |q| q.shown(locale))
    }

    /// Reads the stored form.
    pub fn parse(s: &str) -> Option<Quarter> {
        let (year, q) = s.trim().split_once(" Q")?;
        let number: u8 = q.parse().ok()?;
        (1..=4).contains(&number).then_some(Quarter { year: FiscalYear::parse(year)?, number })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn fiscal_year_turns_on_the_first_of_july() {
        assert_eq!(FiscalYear::of(day(2026, 6, 30)).label(), "2025-26");
        assert_eq!(FiscalYear::of(day(2026, 7, 1)).label(), "2026-27");
        assert_eq!(FiscalYear::of(day(2099, 12, 31)).label(), "2099-00");
    }

    #[test]
    fn fiscal_year_parses_its_written_form_and_bangla_digits() {
        assert_eq!(FiscalYear::parse("2026-27"), Some(FiscalYear(2026)));
        assert_eq!(FiscalYear::parse("২০২৬-২৭"), Some(FiscalYear(2026)));
        assert_eq!(FiscalYear::parse("2026–27"), Some(FiscalYear(2026)));
        for bad in ["2026-28", "2026", "26-27", "2026-2027", "abcd-ef", ""] {
            assert_eq!(FiscalYear::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn quarters_follow_the_fiscal_year() {
        assert_eq!(Quarter::of(day(2026, 7, 1)).label(), "2026-27 Q1");
        assert_eq!(Quarter::of(day(2026, 11, 30)).label(), "2026-27 Q2");
        assert_eq!(Quarter::of(day(2027, 1, 1)).label(), "2026-27 Q3");
        assert_eq!(Quarter::of(day(2027, 6, 30)).label(), "2026-27 Q4");
        assert_eq!(Quarter::of(day(2026, 7, 1)).previous().label(), "2025-26 Q4");
        assert_eq!(Quarter::parse("2026-27 Q2"), Some(Quarter::of(day(2026, 11, 30))));
        assert_eq!(Quarter::parse("2026-27 Q5"), None);
    }

    #[test]
    fn status_moves_one_step_at_a_time_and_live_is_final() {
        use Status::*;
        assert!(Identified.may_move_to(Designing));
        assert!(!Identified.may_move_to(Approved));
        assert!(!Identified.may_move_to(Live));
        assert!(Building.may_move_to(Approved));
        assert!(Approved.may_move_to(Dropped));
        assert!(Dropped.may_move_to(Identified));
        assert!(!Dropped.may_move_to(Live));
        assert!(Live.next().is_empty());
        assert!(!Live.may_move_to(Dropped));
        for st in Status::ALL {
            assert_eq!(Status::parse(st.as_str()), Some(st));
            assert!(!st.may_move_to(st));
        }
    }
}
