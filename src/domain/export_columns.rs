//! The columns of the export's four tables (`docs/export.md` explains each).

use super::export::Kind::{self, Any, Bool, Dec, Int, Term, Text};
use super::export::{Column, Terms};

/// Backlog statuses (`backlog-status-designing`).
pub const STATUSES: Terms =
    Terms { prefix: "backlog-status", codes: &["identified", "designing", "approved", "building", "live", "dropped"] };

/// Pain categories (`category-unofficial-payment`).
pub const CATEGORIES: Terms = Terms {
    prefix: "category",
    codes: &[
        "time",
        "cost",
        "visits",
        "documents",
        "information",
        "staff-conduct",
        "unofficial-payment",
        "digital-access",
        "other",
    ],
};

/// Whose weights scored a row.
pub const WEIGHTS_SOURCES: Terms = Terms { prefix: "export-weights", codes: &["national", "ministry"] };

/// Units of the parameters.
pub const UNITS: Terms = Terms {
    prefix: "export-unit",
    codes: &[
        "UTC",
        "rows",
        "BDT per day of waiting",
        "BDT per visit to an office",
        "hours per visit",
        "voices, largest of all services",
        "BDT a year, largest of all services",
        "BDT per application, largest of all services",
    ],
};

const fn col(id: &'static str, bn: &'static str, en: &'static str, kind: Kind, width: u8) -> Column {
    Column { id, bn, en, kind, width }
}

/// One row per service: identity, backlog state, charter figures, each score component beside the total.
pub const BACKLOG: &[Column] = &[
    col("rank", "ক্রম (এই তালিকায়)", "Rank (this list)", Int, 6),
    col("national_rank", "জাতীয় ক্রম", "National rank", Int, 8),
    col("service_code", "সেবার কোড", "Service code", Text, 12),
    col("service_name_bn", "সেবার নাম (বাংলা)", "Service name (Bangla)", Text, 36),
    col("service_name_en", "সেবার নাম (ইংরেজি)", "Service name (English)", Text, 36),
    col("ministry_code", "মন্ত্রণালয়ের কোড", "Ministry code", Text, 10),
    col("ministry_name_bn", "মন্ত্রণালয় (বাংলা)", "Ministry (Bangla)", Text, 28),
    col("ministry_name_en", "মন্ত্রণালয় (ইংরেজি)", "Ministry (English)", Text, 28),
    col("owner_office_code", "দায়িত্বপ্রাপ্ত দপ্তরের কোড", "Owner office code", Text, 10),
    col("owner_office_name_bn", "দায়িত্বপ্রাপ্ত দপ্তর (বাংলা)", "Owner office (Bangla)", Text, 28),
    col("owner_office_name_en", "দায়িত্বপ্রাপ্ত দপ্তর (ইংরেজি)", "Owner office (English)", Text, 28),
    col("status", "অবস্থা", "Status", Term(&STATUSES), 11),
    col("target_year", "লক্ষ্য অর্থবছর", "Target fiscal year", Text, 9),
    col("drop_reason", "বাদ দেওয়ার কারণ", "Reason dropped", Text, 24),
    col("roadmap_category", "রোডম্যাপ ক্যাটাগরি", "Roadmap category", Int, 8),
    col("problem_bn", "সমস্যার বিবরণ (বাংলা)", "Problem statement (Bangla)", Text, 48),
    col("problem_en", "সমস্যার বিবরণ (ইংরেজি)", "Problem statement (English)", Text, 48),
    col("yearly_applications", "বছরে আবেদন", "Applications a year", Int, 12),
    col("median_days", "দিন (মধ্যমা)", "Days (median)", Int, 8),
    col("median_cost_bdt", "খরচ, টাকা (মধ্যমা)", "Cost, BDT (median)", Int, 10),
    col("median_visits", "যাতায়াত (মধ্যমা)", "Visits (median)", Int, 8),
    col("promised_days", "প্রতিশ্রুত দিন", "Days promised", Int, 8),
    col("fee_bdt", "ফি, টাকা", "Fee, BDT", Int, 8),
    col("demand_raw", "চাহিদা: মূল মান", "Demand: raw value", Int, 12),
    col("demand_normalised", "চাহিদা: মানকৃত (০-১)", "Demand: normalised (0-1)", Dec(3), 10),
    col("demand_weight", "চাহিদা: ওজন", "Demand: weight", Int, 7),
    col("demand_points", "চাহিদা: পয়েন্ট", "Demand: points", Dec(2), 8),
    col("burden_raw", "নাগরিকের বোঝা: মূল মান", "Citizens' burden: raw value", Int, 12),
    col("burden_normalised", "নাগরিকের বোঝা: মানকৃত (০-১)", "Citizens' burden: normalised (0-1)", Dec(3), 10),
    col("burden_weight", "নাগরিকের বোঝা: ওজন", "Citizens' burden: weight", Int, 7),
    col("burden_points", "নাগরিকের বোঝা: পয়েন্ট", "Citizens' burden: points", Dec(2), 8),
    col("gap_raw", "প্রতিশ্রুতির ঘাটতি: মূল মান", "Promise gap: raw value", Int, 12),
    col("gap_normalised", "প্রতিশ্রুতির ঘাটতি: মানকৃত (০-১)", "Promise gap: normalised (0-1)", Dec(3), 10),
    col("gap_weight", "প্রতিশ্রুতির ঘাটতি: ওজন", "Promise gap: weight", Int, 7),
    col("gap_points", "প্রতিশ্রুতির ঘাটতি: পয়েন্ট", "Promise gap: points", Dec(2), 8),
    col("severity_raw", "গুরুতরতা: মূল মান", "Severity: raw value", Int, 12),
    col("severity_normalised", "গুরুতরতা: মানকৃত (০-১)", "Severity: normalised (0-1)", Dec(3), 10),
    col("severity_weight", "গুরুতরতা: ওজন", "Severity: weight", Int, 7),
    col("severity_points", "গুরুতরতা: পয়েন্ট", "Severity: points", Dec(2), 8),
    col("readiness_raw", "প্রস্তুতি: মূল মান", "Readiness: raw value", Int, 12),
    col("readiness_normalised", "প্রস্তুতি: মানকৃত (০-১)", "Readiness: normalised (0-1)", Dec(3), 10),
    col("readiness_weight", "প্রস্তুতি: ওজন", "Readiness: weight", Int, 7),
    col("readiness_points", "প্রস্তুতি: পয়েন্ট", "Readiness: points", Dec(2), 8),
    col("total_score", "মোট স্কোর (০-১০০)", "Total score (0-100)", Dec(2), 9),
    col("yearly_savings_bdt", "বছরে সম্ভাব্য সাশ্রয়, টাকা", "Possible yearly saving, BDT", Int, 16),
    col("yearly_savings_hours", "বছরে সম্ভাব্য সাশ্রয়, ঘণ্টা", "Possible yearly saving, hours", Int, 12),
    col("weights_source", "ওজনের উৎস", "Weights used", Term(&WEIGHTS_SOURCES), 10),
    col("design_version", "নকশার সংস্করণ", "Design version", Int, 9),
    col("design_yearly_cost_bdt", "নকশায় নাগরিকের বার্ষিক খরচ, টাকা", "Citizens' yearly cost with the design, BDT", Int, 16),
    col("design_yearly_savings_bdt", "নকশায় বছরে সাশ্রয়, টাকা", "Yearly saving with the design, BDT", Int, 16),
];

/// One row per theme of an exported service.
pub const THEMES: &[Column] = &[
    col("service_code", "সেবার কোড", "Service code", Text, 12),
    col("theme_id", "থিম আইডি", "Theme id", Int, 9),
    col("label_bn", "থিম (বাংলা)", "Theme (Bangla)", Text, 40),
    col("label_en", "থিম (ইংরেজি)", "Theme (English)", Text, 40),
    col("pain_category", "কষ্টের ধরন", "Pain category", Term(&CATEGORIES), 18),
    col("confirmed", "নিশ্চিত", "Confirmed", Bool, 10),
    col("voices", "মত", "Voices", Int, 8),
    col("linked_to_item", "ব্যাকলগে যুক্ত", "Linked to the backlog item", Bool, 14),
];

/// The weights used: national, then ministries' own.
pub const WEIGHTS: &[Column] = &[
    col("scope", "পরিসর", "Scope", Text, 12),
    col("demand_weight", "চাহিদা: ওজন", "Demand: weight", Int, 10),
    col("burden_weight", "নাগরিকের বোঝা: ওজন", "Citizens' burden: weight", Int, 10),
    col("gap_weight", "প্রতিশ্রুতির ঘাটতি: ওজন", "Promise gap: weight", Int, 10),
    col("severity_weight", "গুরুতরতা: ওজন", "Severity: weight", Int, 10),
    col("readiness_weight", "প্রস্তুতি: ওজন", "Readiness: weight", Int, 10),
];

/// How the export was made: rates, scale, filter, time.
pub const PARAMETERS: &[Column] = &[
    col("name", "নাম", "Name", Text, 16),
    col("value", "মান", "Value", Any, 40),
    col("unit", "একক", "Unit", Term(&UNITS), 44),
];
