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
        aliases -> Text,
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
        public_body -> Nullable<Text>,
        has_personal_data -> Bool,
        extra_voices -> Integer,
        theme_pinned -> Bool,
        forgotten_at -> Nullable<Timestamp>,
        provenance_id -> Nullable<BigInt>,
        idempotency_key -> Nullable<Text>,
        request_hash -> Nullable<Text>,
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
    /// Sentence embeddings of feedback texts, from the optional embeddings service.
    feedback_embeddings (feedback_id) {
        feedback_id -> BigInt,
        embedding -> Binary,
        created_at -> Timestamp,
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

diesel::table! {
    /// Staff accounts.
    staff_users (id) {
        id -> BigInt,
        email -> Text,
        name -> Text,
        password_hash -> Text,
        role -> Text,
        locale -> Text,
        digest_opt_in -> Bool,
        disabled_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The ministries a staff member may see (cabinet admins see all without rows here).
    staff_ministries (staff_id, ministry_id) {
        staff_id -> BigInt,
        ministry_id -> BigInt,
    }
}

diesel::table! {
    /// Log-in sessions (the cookie holds the token; only its hash is stored).
    staff_sessions (id) {
        id -> BigInt,
        token_hash -> Text,
        staff_id -> BigInt,
        csrf_token -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    /// Bearer tokens for the staff JSON API (stored hashed).
    staff_tokens (id) {
        id -> BigInt,
        staff_id -> BigInt,
        name -> Text,
        token_prefix -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Failed log-ins per account and per address (hashed), for throttling.
    login_failures (id) {
        id -> BigInt,
        subject -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Every staff change: who, what, when, before and after.
    audit_log (id) {
        id -> BigInt,
        staff_id -> Nullable<BigInt>,
        actor -> Text,
        action -> Text,
        target_kind -> Text,
        target_id -> Nullable<BigInt>,
        ministry_id -> Nullable<BigInt>,
        before_json -> Nullable<Text>,
        after_json -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Pain-point themes of one service.
    themes (id) {
        id -> BigInt,
        service_id -> BigInt,
        label_bn -> Text,
        label_en -> Text,
        category -> Text,
        category_by_designer -> Bool,
        category_votes -> Text,
        confirmed -> Bool,
        centroid -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        label_by_designer -> Bool,
        published_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// "Me too" voices, one per browser per feedback.
    me_too (id) {
        id -> BigInt,
        feedback_id -> BigInt,
        browser_key -> Text,
        created_at -> Timestamp,
        echo_id -> Nullable<BigInt>,
        token_nonce -> Nullable<Text>,
        address_key -> Text,
    }
}

diesel::table! {
    /// Where a merged theme's old id leads.
    theme_redirects (old_id) {
        old_id -> BigInt,
        new_id -> BigInt,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Daily jobs run once across app servers: one row per job and day.
    job_runs (name, day) {
        name -> Text,
        day -> Date,
        started_at -> Timestamp,
    }
}

diesel::table! {
    /// "Me too" voices answered kindly but not counted.
    me_too_refusals (id) {
        id -> BigInt,
        service_id -> BigInt,
        reason -> Text,
        address_key -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Counters per service: feedback and voices by kind, district, channel, week, theme and TCV value.
    service_counts (service_id, dimension, bucket) {
        service_id -> BigInt,
        dimension -> Text,
        bucket -> Text,
        feedback -> BigInt,
        voices -> BigInt,
    }
}

diesel::table! {
    /// The e-service backlog: at most one item per service.
    backlog_items (id) {
        id -> BigInt,
        service_id -> BigInt,
        problem_bn -> Text,
        problem_en -> Text,
        status -> Text,
        drop_reason -> Nullable<Text>,
        target_year -> Nullable<Text>,
        owner_office_id -> Nullable<BigInt>,
        created_by -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// Themes a backlog item addresses.
    backlog_themes (backlog_item_id, theme_id) {
        backlog_item_id -> BigInt,
        theme_id -> BigInt,
    }
}

diesel::table! {
    /// Every status move of a backlog item, with who and why.
    backlog_moves (id) {
        id -> BigInt,
        backlog_item_id -> BigInt,
        from_status -> Nullable<Text>,
        to_status -> Text,
        note -> Text,
        staff_id -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Quarterly reviews of backlog items.
    backlog_reviews (id) {
        id -> BigInt,
        backlog_item_id -> BigInt,
        quarter -> Text,
        progress -> Text,
        status -> Text,
        next_step -> Text,
        staff_id -> Nullable<BigInt>,
        created_at -> Timestamp,
        brief_version -> Nullable<Integer>,
    }
}

diesel::table! {
    /// Scoring weights: the national default (no ministry) and each ministry's own.
    score_weights (id) {
        id -> BigInt,
        ministry_id -> Nullable<BigInt>,
        demand -> Integer,
        burden -> Integer,
        gap -> Integer,
        severity -> Integer,
        readiness -> Integer,
        updated_by -> Nullable<BigInt>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    /// The ranking as each fiscal quarter opened.
    backlog_snapshots (quarter, service_id) {
        quarter -> Text,
        service_id -> BigInt,
        in_backlog -> Bool,
        status -> Nullable<Text>,
        target_year -> Nullable<Text>,
        rank -> Integer,
        score_milli -> BigInt,
        taken_at -> Timestamp,
    }
}

diesel::table! {
    /// Outgoing email: queued with the change that causes it, sent by the outbox worker.
    outbox (id) {
        id -> BigInt,
        kind -> Text,
        recipient -> Text,
        locale -> Text,
        data -> Text,
        service_id -> Nullable<BigInt>,
        staff_id -> Nullable<BigInt>,
        dedupe_key -> Nullable<Text>,
        state -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    /// Addresses (SHA-256) that asked for no more "you said, we did" updates.
    unsubscribes (address_hash) {
        address_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Secrets generated on first start when none is configured.
    app_secrets (name) {
        name -> Text,
        value -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// The districts an operator (Union Digital Centre) enters feedback for.
    staff_districts (staff_id, district) {
        staff_id -> BigInt,
        district -> Text,
    }
}

diesel::table! {
    /// Where feedback not typed by the citizen came from: an operator's entry or an imported file.
    intake_sources (id) {
        id -> BigInt,
        channel -> Text,
        operator_id -> Nullable<BigInt>,
        centre -> Nullable<Text>,
        consent_asked -> Nullable<Bool>,
        reached_by -> Nullable<Text>,
        source_label -> Nullable<Text>,
        source_file -> Nullable<Text>,
        file_sha256 -> Nullable<Text>,
        imported_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Pairs of themes a designer said are not the same (never suggested for merging again).
    theme_merge_dismissals (theme_a, theme_b) {
        theme_a -> BigInt,
        theme_b -> BigInt,
        dismissed_by -> Nullable<BigInt>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    /// Versions of a backlog item's design brief (the to-be journey and decisions, as JSON).
    brief_versions (id) {
        id -> BigInt,
        backlog_item_id -> BigInt,
        number -> Integer,
        design -> Text,
        changes -> Text,
        staff_id -> Nullable<BigInt>,
        saved_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(offices -> ministries (ministry_id));
diesel::joinable!(staff_districts -> staff_users (staff_id));
diesel::joinable!(feedback -> intake_sources (provenance_id));
diesel::joinable!(staff_ministries -> staff_users (staff_id));
diesel::joinable!(staff_ministries -> ministries (ministry_id));
diesel::joinable!(staff_sessions -> staff_users (staff_id));
diesel::joinable!(staff_tokens -> staff_users (staff_id));
diesel::joinable!(themes -> services (service_id));
diesel::joinable!(me_too -> feedback (feedback_id));
diesel::joinable!(service_counts -> services (service_id));
diesel::joinable!(services -> offices (office_id));
diesel::joinable!(feedback -> services (service_id));
diesel::joinable!(feedback -> api_clients (api_client_id));

diesel::joinable!(feedback -> themes (theme_id));
diesel::joinable!(feedback_embeddings -> feedback (feedback_id));
diesel::joinable!(backlog_items -> services (service_id));
diesel::joinable!(backlog_items -> offices (owner_office_id));
diesel::joinable!(backlog_themes -> backlog_items (backlog_item_id));
diesel::joinable!(backlog_themes -> themes (theme_id));
diesel::joinable!(backlog_moves -> backlog_items (backlog_item_id));
diesel::joinable!(backlog_reviews -> backlog_items (backlog_item_id));
diesel::joinable!(brief_versions -> backlog_items (backlog_item_id));
diesel::joinable!(brief_versions -> staff_users (staff_id));
diesel::joinable!(backlog_snapshots -> services (service_id));
diesel::joinable!(outbox -> services (service_id));
diesel::joinable!(outbox -> staff_users (staff_id));

diesel::allow_tables_to_appear_in_same_query!(
    ministries,
    offices,
    services,
    feedback,
    api_clients,
    feedback_embeddings,
    idempotency_keys,
    staff_users,
    staff_ministries,
    staff_sessions,
    staff_tokens,
    login_failures,
    audit_log,
    themes,
    me_too,
    service_counts,
    staff_districts,
    intake_sources,
    backlog_items,
    backlog_themes,
    backlog_moves,
    backlog_reviews,
    score_weights,
    backlog_snapshots,
    outbox,
    unsubscribes,
    app_secrets,
    theme_merge_dismissals,
    brief_versions,
);
