//! How a charter entry is shown to citizens.

use serde_json::{json, Value};

use crate::db::services::ServiceListing;
use crate::domain::service::DeliveryMode;
use crate::domain::Locale;

/// The charter facts of a service, in `locale`.
pub fn service_facts(listing: &ServiceListing, locale: Locale) -> Value {
    let (service, office, ministry) = listing;
    let pick = |bn: &str, en: &str| locale.pick(bn, en).to_owned();
    let delivery = DeliveryMode::parse(&service.delivery_mode).map(|d| d.as_str()).unwrap_or("manual");
    json!({
        "code": service.code,
        "name": pick(&service.name_bn, &service.name_en),
        "other_name": pick(&service.name_en, &service.name_bn),
        "office": pick(&office.name_bn, &office.name_en),
        "ministry": pick(&ministry.name_bn, &ministry.name_en),
        "ministry_url": format!("/services?ministry={}", ministry.code),
        "url": format!("/services/{}", service.code),
        "delivery_id": format!("delivery-{}", delivery.replace('_', "-")),
        "steps": service.step_list(),
        "documents": service.document_list(),
        "fee_bdt": service.fee_bdt,
        "fee_free": service.fee_bdt == Some(0),
        "promised_days": service.promised_days,
        "officer": service.responsible_officer,
        "yearly_applications": service.yearly_applications,
        "roadmap_category": service.roadmap_category,
    })
}

/// One line of a result list.
pub fn service_summary(listing: &ServiceListing, locale: Locale) -> Value {
    let (service, office, ministry) = listing;
    let pick = |bn: &str, en: &str| locale.pick(bn, en).to_owned();
    json!({
        "code": service.code,
        "name": pick(&service.name_bn, &service.name_en),
        "office": pick(&office.name_bn, &office.name_en),
        "ministry": pick(&ministry.name_bn, &ministry.name_en),
        "url": format!("/services/{}", service.code),
    })
}
