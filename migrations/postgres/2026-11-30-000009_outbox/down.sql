DROP TABLE app_secrets;
DROP TABLE unsubscribes;
DROP TABLE outbox;
