CREATE TABLE started (id int PRIMARY KEY);
