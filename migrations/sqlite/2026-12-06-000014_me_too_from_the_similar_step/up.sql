-- A "me too" voice now comes from the similar-feedback step the server showed: the
-- citizen's own submission (their text, time, cost, visits and district) stored as
-- feedback of its own, which joins the theme of the feedback it agrees with. The voice
-- records that submission (echo_id), the signed step it came from (spent once) and a
-- keyed hash of the address it came from (for the daily cap per address).
ALTER TABLE me_too ADD COLUMN echo_id BIGINT REFERENCES feedback (id) ON DELETE CASCADE;
ALTER TABLE me_too ADD COLUMN token_nonce TEXT;
ALTER TABLE me_too ADD COLUMN address_key TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX me_too_token_nonce ON me_too (token_nonce);
CREATE INDEX me_too_address_created ON me_too (address_key, created_at);
CREATE INDEX me_too_echo ON me_too (echo_id);

-- Voices that were answered kindly but not counted (a repeat from one browser, an old
-- or forged step, over the daily cap of one address): moderators see bursts of them.
CREATE TABLE me_too_refusals (
    id INTEGER PRIMARY KEY NOT NULL,
    service_id BIGINT NOT NULL REFERENCES services (id),
    reason TEXT NOT NULL,
    address_key TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX me_too_refusals_service_created ON me_too_refusals (service_id, created_at);
