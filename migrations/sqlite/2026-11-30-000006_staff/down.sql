DROP TABLE audit_log;
DROP TABLE login_failures;
DROP TABLE staff_tokens;
DROP TABLE staff_sessions;
DROP TABLE staff_ministries;
DROP TABLE staff_users;
