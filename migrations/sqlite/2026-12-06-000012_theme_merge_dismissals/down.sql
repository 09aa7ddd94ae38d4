DROP TABLE theme_merge_dismissals;
