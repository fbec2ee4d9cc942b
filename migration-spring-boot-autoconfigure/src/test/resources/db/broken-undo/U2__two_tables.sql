-- the second statement names a table that does not exist
DROP TABLE t1;
DROP TABLE t2_typo;
