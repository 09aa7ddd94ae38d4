DROP TABLE theme_redirects;
