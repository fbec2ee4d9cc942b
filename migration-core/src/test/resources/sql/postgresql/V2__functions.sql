-- PL/pgSQL with dollar quotes, SQL-standard bodies, E'' strings and nested comments.
CREATE TABLE account (
    id int PRIMARY KEY,
    owner text NOT NULL,
    balance numeric NOT NULL DEFAULT 0
);

/* Deposits money; /* nested comments are fine here; */ and so are semicolons. */
CREATE FUNCTION deposit(account_id int, amount numeric) RETURNS numeric AS $$
DECLARE
    new_balance numeric;
BEGIN
    IF amount <= 0 THEN
        RAISE EXCEPTION 'amount must be positive; got %', amount;
    END IF;
    UPDATE account SET balance = balance + amount WHERE id = account_id
        RETURNING balance INTO new_balance;
    RETURN new_balance;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION greeting(name text) RETURNS text LANGUAGE plpgsql AS $body$
BEGIN
    RETURN $$Hello; $$ || name || E'\'s account';
END
$body$;

CREATE FUNCTION sign_of(x numeric) RETURNS text LANGUAGE sql
BEGIN ATOMIC
    SELECT CASE WHEN x < 0 THEN 'negative' WHEN x = 0 THEN 'zero' ELSE 'positive' END;
END;

INSERT INTO account (id, owner) VALUES (1, E'O\'Brien; Pat'), (2, 'Smith');

DO $do$
BEGIN
    PERFORM deposit(1, 10);
    PERFORM deposit(1, 5);
END
$do$
