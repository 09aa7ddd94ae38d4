//! Pain categories of a theme, voted by the keywords its texts contain.

use std::fmt;

pub use super::lexicon::Lexicon;

/// What a pain point costs the citizen, in a2i's terms plus conduct and access.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PainCategory {
    /// Waiting, delays, slow delivery.
    Time,
    /// Fees, travel and other money spent.
    Cost,
    /// Repeated trips to an office.
    Visits,
    /// Papers demanded, certificates, attestations.
    Documents,
    /// No information about rules or status.
    Information,
    /// Rude or careless staff.
    StaffConduct,
    /// Bribes, brokers (dalal), speed money.
    UnofficialPayment,
    /// Websites, servers, online forms, payment gateways.
    DigitalAccess,
    /// Anything else.
    Other,
}

/// The order in which a tie between categories is broken: the specific and severe
/// before the generic (a bribe text also mentions money, a server text also time).
const TIE_ORDER: [PainCategory; 9] = [
    PainCategory::UnofficialPayment,
    PainCategory::StaffConduct,
    PainCategory::DigitalAccess,
    PainCategory::Documents,
    PainCategory::Visits,
    PainCategory::Information,
    PainCategory::Cost,
    PainCategory::Time,
    PainCategory::Other,
];

impl PainCategory {
    /// Every category, in declaration order.
    pub const ALL: [PainCategory; 9] = [
        PainCategory::Time,
        PainCategory::Cost,
        PainCategory::Visits,
        PainCategory::Documents,
        PainCategory::Information,
        PainCategory::StaffConduct,
        PainCategory::UnofficialPayment,
        PainCategory::DigitalAccess,
        PainCategory::Other,
    ];

    /// The stored name (`time`, …, `staff-conduct`, `unofficial-payment`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            PainCategory::Time => "time",
            PainCategory::Cost => "cost",
            PainCategory::Visits => "visits",
            PainCategory::Documents => "documents",
            PainCategory::Information => "information",
            PainCategory::StaffConduct => "staff-conduct",
            PainCategory::UnofficialPayment => "unofficial-payment",
            PainCategory::DigitalAccess => "digital-access",
            PainCategory::Other => "other",
        }
    }

    /// Reads a stored name; case, surrounding spaces and `_` for `-` are forgiven.
    pub fn parse(s: &str) -> Option<Self> {
        let key = s.trim().to_ascii_lowercase().replace('_', "-");
        Self::ALL.into_iter().find(|c| c.as_str() == key)
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for PainCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Keyword votes per category, summed over the texts of a theme.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CategoryVotes {
    counts: [u32; 9],
}

impl CategoryVotes {
    /// Adds `n` votes for `category`.
    pub fn vote(&mut self, category: PainCategory, n: u32) {
        let slot = &mut self.counts[category.index()];
        *slot = slot.saturating_add(n);
    }

    /// Votes for one category.
    pub fn get(&self, category: PainCategory) -> u32 {
        self.counts[category.index()]
    }

    /// Adds another text's or theme's votes (a text joins, two themes merge).
    pub fn add(&mut self, other: &CategoryVotes) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a = a.saturating_add(b);
        }
    }

    /// Takes away another text's votes (a text leaves the theme); never below zero.
    pub fn subtract(&mut self, other: &CategoryVotes) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a = a.saturating_sub(b);
        }
    }

    /// The share of all votes that went to `category` (0 without votes).
    pub fn share(&self, category: PainCategory) -> f32 {
        let total: u32 = self.counts.iter().sum();
        if total == 0 {
            0.0
        } else {
            self.get(category) as f32 / total as f32
        }
    }

    /// The category with most votes; `Other` when there are none. Ties go to the
    /// more specific category: unofficial payment, staff conduct, digital access,
    /// documents, visits, information, cost, time.
    pub fn winner(&self) -> PainCategory {
        let mut best = PainCategory::Other;
        let mut most = 0;
        for c in TIE_ORDER {
            if self.get(c) > most {
                best = c;
                most = self.get(c);
            }
        }
        best
    }

    /// Nine comma-separated counts in [`PainCategory::ALL`] order, e.g. `0,2,0,0,0,0,5,0,0`.
    pub fn encode(&self) -> String {
        self.counts.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
    }

    /// Reads [`CategoryVotes::encode`]'s form; `None` unless exactly nine counts.
    pub fn decode(s: &str) -> Option<Self> {
        let mut counts = [0u32; 9];
        let mut parts = s.split(',');
        for slot in &mut counts {
            *slot = parts.next()?.trim().parse().ok()?;
        }
        parts.next().is_none().then_some(CategoryVotes { counts })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_names_round_trip() {
        for c in PainCategory::ALL {
            assert_eq!(PainCategory::parse(c.as_str()), Some(c));
        }
        assert_eq!(PainCategory::parse(" Staff_Conduct "), Some(PainCategory::StaffConduct));
        assert_eq!(PainCategory::parse("bribe"), None);
        assert_eq!(PainCategory::UnofficialPayment.to_string(), "unofficial-payment");
    }

    #[test]
    fn no_votes_means_other() {
        assert_eq!(CategoryVotes::default().winner(), PainCategory::Other);
    }

    #[test]
    fn the_most_voted_category_wins_and_ties_prefer_the_specific() {
        let mut v = CategoryVotes::default();
        v.vote(PainCategory::Time, 2);
        v.vote(PainCategory::Cost, 1);
        assert_eq!(v.winner(), PainCategory::Time);
        v.vote(PainCategory::UnofficialPayment, 2);
        assert_eq!(v.winner(), PainCategory::UnofficialPayment);
    }

    #[test]
    fn votes_add_subtract_and_never_go_negative() {
        let mut a = CategoryVotes::default();
        a.vote(PainCategory::Documents, 3);
        let mut b = CategoryVotes::default();
        b.vote(PainCategory::Documents, 1);
        b.vote(PainCategory::Visits, 2);
        a.add(&b);
        assert_eq!((a.get(PainCategory::Documents), a.get(PainCategory::Visits)), (4, 2));
        a.subtract(&b);
        a.subtract(&b);
        assert_eq!((a.get(PainCategory::Documents), a.get(PainCategory::Visits)), (2, 0));
    }

    #[test]
    fn votes_encode_and_decode() {
        let mut v = CategoryVotes::default();
        v.vote(PainCategory::Cost, 2);
        v.vote(PainCategory::UnofficialPayment, 5);
        assert_eq!(v.encode(), "0,2,0,0,0,0,5,0,0");
        assert_eq!(CategoryVotes::decode(&v.encode()), Some(v));
        assert_eq!(CategoryVotes::decode("1,2,3"), None);
        assert_eq!(CategoryVotes::decode("0,0,0,0,0,0,0,0,0,0"), None);
        assert_eq!(CategoryVotes::decode("0,0,0,0,0,0,0,0,x"), None);
        assert_eq!(CategoryVotes::decode(""), None);
    }
}
