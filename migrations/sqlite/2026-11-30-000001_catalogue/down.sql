DROP TABLE services;
DROP TABLE offices;
DROP TABLE ministries;
