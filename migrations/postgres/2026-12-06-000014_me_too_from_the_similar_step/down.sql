DROP TABLE me_too_refusals;
DROP INDEX me_too_echo;
DROP INDEX me_too_address_created;
DROP INDEX me_too_token_nonce;
ALTER TABLE me_too DROP COLUMN address_key;
ALTER TABLE me_too DROP COLUMN token_nonce;
ALTER TABLE me_too DROP COLUMN echo_id;
