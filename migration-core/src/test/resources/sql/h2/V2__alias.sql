// H2 reads // as a line comment; and block comments nest: /* like /* this; */ one */
CREATE TABLE account (id INT PRIMARY KEY, owner VARCHAR(100));
/* outer /* inner; */ still a comment; */
INSERT INTO account VALUES (1, 'O''Brien; Pat');
CREATE ALIAS twice AS $$
int twice(int x) {
    int doubled = x * 2; // Java code; its semicolons stay inside
    return doubled;
}
$$;
