//! Table definitions, written with the SQL types both backends share
//! (SQLite's `INTEGER PRIMARY KEY` row ids are read as `BigInt`).

diesel::table! {
    /// Ministries and divisions.
    ministries (id) {
        id -> BigInt,
        code -> Text,
        name_bn -> Text,
        name_en -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Departments, directorates and other offices of a ministry.
    offices (id) {
        id -> BigInt,
        ministry_id -> BigInt,
        code -> Text,
        name_bn -> Text,
        name_en -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Citizen's Charter services.
    services (id) {
        id -> BigInt,
        office_id -> BigInt,
        code -> Text,
        name_bn -> Text,
        name_en -> Text,
        search_text -> Text,
        delivery_mode -> Text,
        steps -> Text,
        documents -> Text,
        fee_bdt -> Nullable<BigInt>,
        promised_days -> Nullable<Integer>,
        responsible_officer -> Text,
        yearly_applications -> Nullable<BigInt>,
        roadmap_category -> Nullable<Integer>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Citizen feedback about one service.
    feedback (id) {
        id -> BigInt,
        tracking_code -> Text,
        service_id -> BigInt,
        kind -> Text,
        body -> Text,
        charter_step -> Nullable<Text>,
        days_taken -> Nullable<Integer>,
        cost_bdt -> Nullable<BigInt>,
        visits -> Nullable<Integer>,
        district -> Text,
        channel -> Text,
        contact_name -> Nullable<Text>,
        contact_email -> Nullable<Text>,
        contact_phone -> Nullable<Text>,
        consent_updates -> Bool,
        locale -> Text,
        moderation -> Text,
        theme_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        address_text -> Nullable<Text>,
        lat_e6 -> Nullable<BigInt>,
        long_e6 -> Nullable<BigInt>,
        api_client_id -> Nullable<BigInt>,
    }
}

diesel::table! {
    /// Client systems allowed to submit through Open311.
    api_clients (id) {
        id -> BigInt,
        name -> Text,
        key_prefix -> Text,
        key_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Idempotency keys of client retries and the feedback they created.
    idempotency_keys (key) {
        key -> Text,
        request_hash -> Text,
        tracking_code -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(offices -> ministries (ministry_id));
diesel::joinable!(services -> offices (office_id));
diesel::joinable!(feedback -> services (service_id));
diesel::joinable!(feedback -> api_clients (api_client_id));

diesel::allow_tables_to_appear_in_same_query!(ministries, offices, services, feedback, api_clients, idempotency_keys);
