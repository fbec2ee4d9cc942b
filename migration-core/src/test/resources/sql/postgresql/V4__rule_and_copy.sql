CREATE TABLE rule_source (id int PRIMARY KEY);
CREATE TABLE rule_log_b (note text);
CREATE TABLE rule_log_c (note text);
-- A multi-action rule: its inner semicolons do not end the statement.
CREATE RULE log_both AS ON INSERT TO rule_source DO ALSO (
    INSERT INTO rule_log_b VALUES ('b; ' || NEW.id);
    INSERT INTO rule_log_c VALUES ('c; ' || NEW.id)
);
INSERT INTO rule_source VALUES (1);
CREATE TABLE copied (id int, note text);
COPY copied (id, note) FROM stdin; -- data follows, as pg_dump writes it
1	semi;colon
2	it's -- not a comment
3	\N
\.
COPY copied FROM STDIN WITH (FORMAT csv);
4,"quoted, with comma; and semicolon"
\.
INSERT INTO copied VALUES (5, 'after the data');
