-- Ministries -> offices -> services: the Citizen's Charter catalogue.
CREATE TABLE ministries (
    id INTEGER PRIMARY KEY NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name_bn TEXT NOT NULL,
    name_en TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE offices (
    id INTEGER PRIMARY KEY NOT NULL,
    ministry_id BIGINT NOT NULL REFERENCES ministries (id),
    code TEXT NOT NULL UNIQUE,
    name_bn TEXT NOT NULL,
    name_en TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX offices_ministry_id ON offices (ministry_id);

CREATE TABLE services (
    id INTEGER PRIMARY KEY NOT NULL,
    office_id BIGINT NOT NULL REFERENCES offices (id),
    code TEXT NOT NULL UNIQUE,
    name_bn TEXT NOT NULL,
    name_en TEXT NOT NULL,
    search_text TEXT NOT NULL,
    delivery_mode TEXT NOT NULL,
    steps TEXT NOT NULL,
    documents TEXT NOT NULL,
    fee_bdt BIGINT,
    promised_days INTEGER,
    responsible_officer TEXT NOT NULL,
    yearly_applications BIGINT,
    roadmap_category INTEGER,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX services_office_id ON services (office_id);
