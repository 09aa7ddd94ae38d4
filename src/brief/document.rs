//! The brief as a document a ministry takes into its design workshop, in one language: headings,
//! paragraphs, quotes and tables, built once and written by each export (the A4 print page and
//! DOCX), so both carry the same words and figures. Nothing in it names or contacts a citizen:
//! quotes are the masked public texts, never one in which personal data was found.

use super::design::Decision;
use super::figures::Figures;
use super::journey::{Reported, Stage};
use super::load::Loaded;
use crate::db::backlog_items::BacklogItem;
use crate::db::services::ServiceListing;
use crate::domain::digits::lakh_crore;
use crate::domain::scoring::{Rates, FEW_ANSWERS};
use crate::domain::Locale;
use crate::i18n::{localise_digits, message};

/// One part of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading, level 1 to 3.
    Heading(u8, String),
    /// A paragraph.
    Para(String),
    /// A paragraph that opens with a code (a service code), then text.
    Coded(String, String),
    /// A citizen's words (masked).
    Quote(String),
    /// A table: header cells, rows, and an optional footer row.
    Table { head: Vec<String>, rows: Vec<Vec<String>>, foot: Option<Vec<String>> },
}

/// The whole brief in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Its language.
    pub lang: Locale,
    /// The title (the first heading).
    pub title: String,
    /// Every block, in order.
    pub blocks: Vec<Block>,
}

struct Writer {
    locale: Locale,
    blocks: Vec<Block>,
}

impl Writer {
    fn t(&self, id: &str, args: &[(&str, String)]) -> String {
        message(self.locale, id, args)
    }
    fn n(&self, v: i64) -> String {
        localise_digits(self.locale, &v.to_string())
    }
    fn money(&self, v: i64) -> String {
        lakh_crore(v, self.locale)
    }
    fn heading(&mut self, level: u8, text: String) {
        self.blocks.push(Block::Heading(level, text));
    }
    fn para(&mut self, text: String) {
        self.blocks.push(Block::Para(text));
    }
    /// A reported median with its answers (`*` when few), or "—".
    fn measure(&self, r: Reported, money: bool) -> String {
        match r.median {
            None => "—".to_owned(),
            Some(m) => {
                let shown = if money { self.money(m) } else { self.n(m) };
                let star = if r.answers < FEW_ANSWERS { "*" } else { "" };
                format!("{shown} ({}){star}", self.t("brief-answers", &[("answers", r.answers.to_string())]))
            }
        }
    }
    fn journey_row(&self, name: String, s: &Stage) -> Vec<String> {
        vec![
            name,
            self.n(s.voices),
            self.measure(s.days, false),
            self.measure(s.cost, true),
            self.measure(s.visits, false),
        ]
    }
}

/// What the service's charter promises (days and fee; "no fee" for a fee of 0), in a sentence.
pub fn charter_promise(service: &crate::db::services::Service, locale: Locale) -> String {
    let fee = match service.fee_bdt {
        Some(0) => message(locale, "brief-promise-fee-free", &[]),
        Some(fee) => message(locale, "brief-promise-fee-taka", &[("taka", lakh_crore(fee, locale))]),
        None => message(locale, "brief-promise-fee-none", &[]),
    };
    let days = service.promised_days.map_or_else(|| "none".to_owned(), |d| d.to_string());
    message(locale, "brief-promise", &[("days", days), ("fee", fee)])
}

/// The brief of `item` of `listing` in `locale`, from what the brief page reads.
pub fn build(
    (item, listing): (&BacklogItem, &ServiceListing),
    loaded: &Loaded,
    figures: Option<&Figures>,
    rates: Rates,
    locale: Locale,
) -> Document {
    let (service, ministry) = (&listing.0, &listing.2);
    let mut w = Writer { locale, blocks: Vec::new() };
    let service_name = locale.pick(&service.name_bn, &service.name_en).to_owned();
    let title = format!("{}: {service_name}", w.t("brief-title", &[]));
    w.heading(1, title.clone());
    let about = format!(
        "{} · {}",
        locale.pick(&ministry.name_bn, &ministry.name_en),
        w.t(&format!("backlog-status-{}", item.status), &[])
    );
    w.blocks.push(Block::Coded(service.code.clone(), about));
    let problem = locale.pick(&item.problem_bn, &item.problem_en);
    if !problem.trim().is_empty() {
        w.para(problem.to_owned());
    }

    // Today's journey.
    let j = &loaded.journey;
    w.heading(2, w.t("brief-journey-title", &[]));
    let overall =
        w.t("brief-overall", &[("feedback", j.overall.feedback.to_string()), ("voices", j.overall.voices.to_string())]);
    w.para(format!("{overall} {}", charter_promise(service, locale)));
    let head = ["brief-col-step", "brief-col-voices", "brief-col-days", "brief-col-cost", "brief-col-visits"]
        .iter()
        .map(|id| w.t(id, &[]))
        .collect();
    let mut rows: Vec<Vec<String>> = j
        .steps
        .iter()
        .map(|s| w.journey_row(format!("{}. {}", w.n(s.number.unwrap_or(0)), s.step.clone().unwrap_or_default()), s))
        .collect();
    rows.push(w.journey_row(w.t("brief-col-unstepped", &[]), &j.unstepped));
    let foot = Some(w.journey_row(w.t("brief-col-whole", &[]), &j.overall));
    w.blocks.push(Block::Table { head, rows, foot });
    w.para(w.t("brief-table-notes", &[("few", FEW_ANSWERS.to_string())]));
    for s in j.steps.iter().chain([&j.unstepped]) {
        let heading = match (s.number, &s.step) {
            (Some(n), Some(step)) => w.t("brief-step-heading", &[("number", n.to_string()), ("step", step.clone())]),
            _ => w.t("brief-unstepped-title", &[]),
        };
        w.heading(3, heading);
        if s.feedback == 0 {
            w.para(w.t("brief-step-nobody", &[]));
            continue;
        }
        w.para(w.t("brief-step-counts", &[("feedback", s.feedback.to_string()), ("voices", s.voices.to_string())]));
        for t in &s.themes {
            let category = w.t(&format!("category-{}", t.category), &[]);
            let voices = w.t("staff-voices", &[("count", t.voices.to_string())]);
            w.para(format!("• {} ({category}, {voices})", locale.pick(&t.label_bn, &t.label_en)));
        }
        w.blocks.extend(s.quotes.iter().cloned().map(Block::Quote));
    }
    w.heading(2, w.t("brief-documents-title", &[]));
    if j.documents.is_empty() {
        w.para(w.t("brief-documents-none", &[]));
    }
    for d in &j.documents {
        w.para(format!("• {}: {}", d.name, w.t("brief-document-voices", &[("voices", d.voices.to_string())])));
    }

    // What citizens want, with the decisions.
    w.heading(2, w.t("brief-wants-title", &[]));
    if loaded.wants.is_empty() {
        w.para(w.t("brief-wants-none", &[]));
    }
    for want in &loaded.wants {
        let heading = match want.theme_id {
            Some(_) => format!(
                "{} ({})",
                locale.pick(&want.label_bn, &want.label_en),
                w.t(&format!("category-{}", want.category), &[])
            ),
            None => w.t("brief-wants-ungrouped", &[]),
        };
        w.heading(3, heading);
        w.para(
            w.t("brief-step-counts", &[("feedback", want.feedback.to_string()), ("voices", want.voices.to_string())]),
        );
        let step_name = |n: i64| {
            loaded
                .design
                .steps
                .get(n as usize - 1)
                .map(|s| locale.pick(&s.name_bn, &s.name_en).to_owned())
                .unwrap_or_default()
        };
        match &want.decision {
            Some(Decision::Taken { step }) => {
                w.para(format!("{}: {}. {}", w.t("brief-want-taken", &[]), w.n(*step), step_name(*step)))
            }
            Some(Decision::NotNow { reason }) => w.para(format!("{}: {reason}", w.t("brief-want-not-now", &[]))),
            None if want.theme_id.is_some() => w.para(w.t("brief-want-undecided", &[])),
            None => {}
        }
        w.blocks.extend(want.quotes.iter().cloned().map(Block::Quote));
    }

    // The design.
    w.heading(2, w.t("brief-design-title", &[]));
    match &loaded.version {
        None => w.para(w.t("brief-version-none", &[])),
        // The version and its date, not who saved it: the exports name no one.
        Some(v) => w.para(w.t(
            "brief-version-exported",
            &[("number", v.number.to_string()), ("when", v.created_at.format("%Y-%m-%d").to_string())],
        )),
    }
    if !loaded.design.steps.is_empty() {
        let head = [
            "brief-col-step",
            "brief-col-channel",
            "brief-col-documents",
            "brief-col-target-days",
            "brief-col-target-cost",
            "brief-col-target-visits",
        ]
        .iter()
        .map(|id| w.t(id, &[]))
        .collect();
        let rows = loaded
            .design
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    format!("{}. {}", w.n(i as i64 + 1), locale.pick(&s.name_bn, &s.name_en)),
                    w.t(&format!("brief-channel-{}", s.channel.as_str()), &[]),
                    s.documents.clone(),
                    w.n(s.days),
                    w.money(s.cost),
                    w.n(s.visits),
                ]
            })
            .collect();
        let foot = figures.map(|f| {
            vec![
                w.t("brief-col-target-whole", &[]),
                String::new(),
                String::new(),
                w.money(f.target.days),
                w.money(f.target.cost),
                w.money(f.target.visits),
            ]
        });
        w.blocks.push(Block::Table { head, rows, foot });
    }
    if let Some(f) = figures {
        let (target, today, saves) = (f.target.burden, f.today, f.savings);
        w.para(
            w.t("brief-target", &[("per", w.money(target.per_application_bdt)), ("year", w.money(target.yearly_bdt))]),
        );
        w.para(w.t("brief-today", &[("per", w.money(today.per_application_bdt)), ("year", w.money(today.yearly_bdt))]));
        if saves.costs_more() {
            w.para(w.t(
                "brief-costs-more",
                &[("per", w.money(-saves.per_application_bdt)), ("year", w.money(-saves.yearly_bdt))],
            ));
        } else {
            w.para(w.t(
                "brief-saves",
                &[
                    ("per", w.money(saves.per_application_bdt)),
                    ("year", w.money(saves.yearly_bdt)),
                    ("hours", w.money(saves.yearly_hours)),
                ],
            ));
        }
        w.para(match f.yearly_applications {
            Some(apps) => w.t(
                "brief-figures-basis",
                &[
                    ("applications", w.money(apps)),
                    ("day", rates.day_bdt.to_string()),
                    ("visit", rates.visit_bdt.to_string()),
                ],
            ),
            None => w.t("brief-figures-no-applications", &[]),
        });
    }
    Document { lang: locale, title, blocks: w.blocks }
}
