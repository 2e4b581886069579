# CREATE [OR REPLACE] VIEW, CREATE TABLE AS, DROP, SHOW TABLES, DESCRIBE.

statement ok
CREATE VIEW parisians AS SELECT id, name FROM '${data}/people.csv' WHERE city = 'paris'

query
SELECT name FROM parisians ORDER BY id
----
alice
carol

statement error
CREATE VIEW parisians AS SELECT id FROM '${data}/people.csv'
----
a view called 'parisians' exists already; use CREATE OR REPLACE VIEW or DROP it first

statement ok
CREATE OR REPLACE VIEW parisians AS SELECT id, name, age FROM '${data}/people.csv' WHERE city = 'paris'

query floe-only
DESCRIBE parisians
----
id	BIGINT	computed by the query	NULL
name	VARCHAR	computed by the query	NULL
age	BIGINT	computed by the query	NULL

statement ok
CREATE TABLE spend AS SELECT person_id, sum(amount) AS total FROM '${data}/orders.csv' GROUP BY person_id

query
SELECT * FROM spend ORDER BY total
----
3	5.0
1	20.0
9	50.0
2	100.0

query
SELECT p.name, s.total FROM parisians p JOIN spend s ON p.id = s.person_id ORDER BY p.name
----
alice	20.0
carol	5.0

query floe-only
SHOW TABLES
----
parisians	view
spend	table

query floe-only
DESCRIBE '${data}/orders.csv'
----
order_id	BIGINT	inferred from sampled rows (sample_size 1000)	BIGINT: 6 values sampled from 1 file, all integers
person_id	BIGINT	inferred from sampled rows (sample_size 1000)	BIGINT: 6 values sampled from 1 file, all integers
amount	DOUBLE	inferred from sampled rows (sample_size 1000)	DOUBLE: 6 values sampled from 1 file, all numbers
ts	TIMESTAMP	inferred from sampled rows (sample_size 1000)	TIMESTAMP: 6 values sampled from 1 file, all ISO 8601 timestamps

query floe-only
DESCRIBE read_csv('${data}/orders.csv', types = {'order_id': 'VARCHAR'}, sample_size = -1)
----
order_id	VARCHAR	declared (types)	VARCHAR: declared by types = {'order_id': 'VARCHAR'}
person_id	BIGINT	inferred from every row	BIGINT: 6 values (every row) in 1 file, all integers
amount	DOUBLE	inferred from every row	DOUBLE: 6 values (every row) in 1 file, all numbers
ts	TIMESTAMP	inferred from every row	TIMESTAMP: 6 values (every row) in 1 file, all ISO 8601 timestamps

query floe-only
DESCRIBE SELECT name, age + 0.5 AS x FROM parisians
----
name	VARCHAR	computed by the query	NULL
x	DECIMAL(21,1)	computed by the query	NULL

statement ok
DROP VIEW parisians

statement error
SELECT * FROM parisians
----
unknown table or view 'parisians'. Tables and views: spend

statement error
SELECT * FROM spnd
----
unknown table or view 'spnd'; did you mean 'spend'?

statement error
DROP VIEW spend
----
'spend' is a table; use DROP TABLE

statement ok
DROP TABLE spend

statement ok
DROP TABLE IF EXISTS spend

query floe-only
SHOW TABLES
----
