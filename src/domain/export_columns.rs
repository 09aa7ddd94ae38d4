//! The columns of the export's four tables (`docs/export.md` explains each).

use super::export::Column;
use super::export::Kind::{self, Any, Bool, Dec, Int, Text};

const fn col(id: &'static str, bn: &'static str, kind: Kind, width: u8) -> Column {
    Column { id, bn, kind, width }
}

/// One row per service: identity, backlog state, charter figures, each score component beside the total.
pub const BACKLOG: &[Column] = &[
    col("rank", "ক্রম (এই তালিকায়)", Int, 6),
    col("national_rank", "জাতীয় ক্রম", Int, 8),
    col("service_code", "সেবার কোড", Text, 12),
    col("service_name_bn", "সেবার নাম (বাংলা)", Text, 36),
    col("service_name_en", "সেবার নাম (ইংরেজি)", Text, 36),
    col("ministry_code", "মন্ত্রণালয়ের কোড", Text, 10),
    col("ministry_name_bn", "মন্ত্রণালয় (বাংলা)", Text, 28),
    col("ministry_name_en", "মন্ত্রণালয় (ইংরেজি)", Text, 28),
    col("owner_office_code", "দায়িত্বপ্রাপ্ত দপ্তরের কোড", Text, 10),
    col("owner_office_name_bn", "দায়িত্বপ্রাপ্ত দপ্তর (বাংলা)", Text, 28),
    col("owner_office_name_en", "দায়িত্বপ্রাপ্ত দপ্তর (ইংরেজি)", Text, 28),
    col("status", "অবস্থা", Text, 11),
    col("target_year", "লক্ষ্য অর্থবছর", Text, 9),
    col("drop_reason", "বাদ দেওয়ার কারণ", Text, 24),
    col("roadmap_category", "রোডম্যাপ ক্যাটাগরি", Int, 8),
    col("problem_bn", "সমস্যার বিবরণ (বাংলা)", Text, 48),
    col("problem_en", "সমস্যার বিবরণ (ইংরেজি)", Text, 48),
    col("yearly_applications", "বছরে আবেদন", Int, 12),
    col("median_days", "দিন (মধ্যমা)", Int, 8),
    col("median_cost_bdt", "খরচ, টাকা (মধ্যমা)", Int, 10),
    col("median_visits", "যাতায়াত (মধ্যমা)", Int, 8),
    col("promised_days", "প্রতিশ্রুত দিন", Int, 8),
    col("fee_bdt", "ফি, টাকা", Int, 8),
    col("demand_raw", "চাহিদা: মূল মান", Int, 12),
    col("demand_normalised", "চাহিদা: মানকৃত (০-১)", Dec(3), 10),
    col("demand_weight", "চাহিদা: ওজন", Int, 7),
    col("demand_points", "চাহিদা: পয়েন্ট", Dec(2), 8),
    col("burden_raw", "নাগরিকের বোঝা: মূল মান", Int, 12),
    col("burden_normalised", "নাগরিকের বোঝা: মানকৃত (০-১)", Dec(3), 10),
    col("burden_weight", "নাগরিকের বোঝা: ওজন", Int, 7),
    col("burden_points", "নাগরিকের বোঝা: পয়েন্ট", Dec(2), 8),
    col("gap_raw", "প্রতিশ্রুতির ঘাটতি: মূল মান", Int, 12),
    col("gap_normalised", "প্রতিশ্রুতির ঘাটতি: মানকৃত (০-১)", Dec(3), 10),
    col("gap_weight", "প্রতিশ্রুতির ঘাটতি: ওজন", Int, 7),
    col("gap_points", "প্রতিশ্রুতির ঘাটতি: পয়েন্ট", Dec(2), 8),
    col("severity_raw", "গুরুতরতা: মূল মান", Int, 12),
    col("severity_normalised", "গুরুতরতা: মানকৃত (০-১)", Dec(3), 10),
    col("severity_weight", "গুরুতরতা: ওজন", Int, 7),
    col("severity_points", "গুরুতরতা: পয়েন্ট", Dec(2), 8),
    col("readiness_raw", "প্রস্তুতি: মূল মান", Int, 12),
    col("readiness_normalised", "প্রস্তুতি: মানকৃত (০-১)", Dec(3), 10),
    col("readiness_weight", "প্রস্তুতি: ওজন", Int, 7),
    col("readiness_points", "প্রস্তুতি: পয়েন্ট", Dec(2), 8),
    col("total_score", "মোট স্কোর (০-১০০)", Dec(2), 9),
    col("yearly_savings_bdt", "বছরে সম্ভাব্য সাশ্রয়, টাকা", Int, 16),
    col("yearly_savings_hours", "বছরে সম্ভাব্য সাশ্রয়, ঘণ্টা", Int, 12),
    col("weights_source", "ওজনের উৎস", Text, 10),
];

/// One row per theme of an exported service.
pub const THEMES: &[Column] = &[
    col("service_code", "সেবার কোড", Text, 12),
    col("theme_id", "থিম আইডি", Int, 9),
    col("label_bn", "থিম (বাংলা)", Text, 40),
    col("label_en", "থিম (ইংরেজি)", Text, 40),
    col("pain_category", "কষ্টের ধরন", Text, 18),
    col("confirmed", "নিশ্চিত", Bool, 10),
    col("voices", "কণ্ঠ", Int, 8),
    col("linked_to_item", "ব্যাকলগে যুক্ত", Bool, 14),
];

/// The weights used: national, then ministries' own.
pub const WEIGHTS: &[Column] = &[
    col("scope", "পরিসর", Text, 12),
    col("demand_weight", "চাহিদা: ওজন", Int, 10),
    col("burden_weight", "নাগরিকের বোঝা: ওজন", Int, 10),
    col("gap_weight", "প্রতিশ্রুতির ঘাটতি: ওজন", Int, 10),
    col("severity_weight", "গুরুতরতা: ওজন", Int, 10),
    col("readiness_weight", "প্রস্তুতি: ওজন", Int, 10),
];

/// How the export was made: rates, scale, filter, time.
pub const PARAMETERS: &[Column] =
    &[col("name", "নাম", Text, 16), col("value", "মান", Any, 40), col("unit", "একক", Text, 44)];
