# What the user sees for mistakes: syntax errors with a caret, unknown names with suggestions, type errors.

statement error
SELECT name
FROM '${data}/people.csv'
WHER id = 1
----
line 3, column 6: expected JOIN, WHERE, GROUP BY, HAVING, UNION ALL, ORDER BY, LIMIT, OFFSET, ';' or end of input after 'WHER', found 'id'
WHER id = 1
     ^

statement error
SELECT name,
       age +
FROM '${data}/people.csv'
----
line 3, column 1: expected an expression after '+', found 'FROM'
FROM '${data}/people.csv'
^

statement error
SELECT nmae FROM '${data}/people.csv'
----
column 'nmae' not found; did you mean 'name'? Columns: id, name, age, city

statement error
SELECT houre(ts) FROM '${data}/orders.csv'
----
unknown function 'houre'; did you mean 'hour'?

statement error
SELECT name + 1 FROM '${data}/people.csv'
----
VARCHAR

statement error
SELECT * FROM '${data}/no-such-*.csv'
----
no-such-*.csv

statement error
SELECT * FROM read_csv('${data}/people.csv', hedaer = true)
----
unknown read_csv option 'hedaer'; did you mean 'header'?

statement error
SELECT * FROM read_csv('${data}/people.csv', bogus = 1)
----
unknown read_csv option 'bogus'. Known options: all_varchar,

statement error
SELECT * FROM nosuch
----
unknown table or view 'nosuch'. There are no views or tables yet: create one with CREATE VIEW nosuch AS SELECT ...

statement error
FROBNICATE everything
----
expected a statement (SELECT, WITH, CREATE, DROP, COPY, DESCRIBE, SHOW TABLES, EXPLAIN, SET), found 'FROBNICATE'

# Data errors name the file, line and column. bad.csv: id,value / 1,10 / 2,oops / 3,30
statement error
SELECT sum(value) FROM read_csv('${data}/bad.csv', types = {'value': 'BIGINT'})
----
${data}/bad.csv line 3 (byte 14), column 'value': cannot read 'oops' as BIGINT; record: 2,oops; declare the column's type (types = {'value': 'VARCHAR'}) or fix the file

statement error
SELECT id + 'x' FROM '${data}/people.csv'
----
operator + cannot take BIGINT and VARCHAR in (id + 'x')
