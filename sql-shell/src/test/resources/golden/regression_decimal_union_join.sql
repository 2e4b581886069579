# Regression: since number literals with a point are exact DECIMALs (1.5 is DECIMAL(2,1), 10.5 DECIMAL(3,1)),
# UNION ALL and joins met columns and keys of different numeric types and failed. They now widen to the
# common type, as DuckDB does: DECIMALs to one holding both, BIGINT with DECIMAL to a DECIMAL, DOUBLE with any
# number to DOUBLE, an untyped NULL to the other side's type. Types with no common one stay an error.

statement ok
CREATE VIEW prices AS SELECT * FROM read_csv('${data}/prices.csv', types = {'price': 'DECIMAL(9,2)', 'big': 'DECIMAL(38,2)'})

query rowsort
SELECT 1.5 AS v UNION ALL SELECT 10.5
----
1.5
10.5

statement ok
CREATE VIEW widened AS SELECT 1.5 AS v, NULL AS n, 2 AS b UNION ALL SELECT 10.5, 0.25, 0.125

query floe-only
DESCRIBE widened
----
v	DECIMAL(3,1)	computed by the query	NULL
n	DECIMAL(2,2)	computed by the query	NULL
b	DECIMAL(22,3)	computed by the query	NULL

query rowsort
SELECT * FROM widened
----
1.5	NULL	2.000
10.5	0.25	0.125

query rowsort
SELECT amount FROM '${data}/orders.csv' WHERE order_id < 12 UNION ALL SELECT 0.5
----
0.5
12.5
7.5

query rowsort
SELECT id FROM '${data}/people.csv' WHERE id < 3 UNION ALL SELECT 2.25
----
1.00
2.00
2.25

query rowsort
SELECT NULL AS v UNION ALL SELECT 1.5 UNION ALL SELECT 2
----
1.5
2.0
NULL

query rowsort
SELECT 'a' AS s UNION ALL SELECT NULL
----
NULL
a

query rowsort
SELECT price FROM prices WHERE id < 3 UNION ALL SELECT big FROM prices WHERE id > 8
----
-0.01
0.10
0.20
3.00

query rowsort
SELECT CAST(ts AS DATE) AS d FROM '${data}/orders.csv' WHERE order_id = 10 UNION ALL SELECT ts FROM '${data}/orders.csv' WHERE order_id = 11
----
2024-01-01 00:00:00
2024-01-01 09:45:00

# Join keys: DECIMAL(9,2) = DECIMAL(4,3), DECIMAL = BIGINT, DECIMAL = DOUBLE, BIGINT = DOUBLE; the output
# columns keep their own types.
query
SELECT p.id, q.w FROM prices p JOIN (SELECT 0.100 AS w UNION ALL SELECT 5.500) q ON p.price = q.w ORDER BY p.id
----
1	0.100
3	0.100
6	0.100
7	5.500
8	0.100
9	0.100
10	0.100

query
SELECT p.id, k.label FROM prices p JOIN '${data}/keys.csv' k ON p.big = k.k ORDER BY p.id
----
4	one
10	three

query
SELECT p.id, p.price FROM prices p JOIN (SELECT CAST(0.2 AS DOUBLE) AS x UNION ALL SELECT CAST(5.5 AS DOUBLE)) d ON p.price = d.x ORDER BY p.id
----
2	0.20
7	5.50

query
SELECT p.name, d.x FROM '${data}/people.csv' p JOIN (SELECT CAST(2 AS DOUBLE) AS x UNION ALL SELECT 2.5) d ON p.id = d.x
----
bob	2.0

query
SELECT p.id, k.label FROM prices p LEFT JOIN '${data}/keys.csv' k ON p.big = k.k WHERE p.id >= 9 ORDER BY p.id
----
9	NULL
10	three

# RIGHT and FULL joins are built from LEFT and ANTI joins (and a UNION ALL): the same key widening.
query rowsort
SELECT k.k, p.id FROM prices p RIGHT JOIN '${data}/keys.csv' k ON p.big = k.k
----
1	4
3	10
9	NULL
NULL	NULL

query rowsort
SELECT p.id, p.big, k.label FROM prices p FULL JOIN '${data}/keys.csv' k ON p.big = k.k
----
1	12345678901234567890.12	NULL
10	3.00	three
2	-98765432109876543210.50	NULL
3	0.01	NULL
4	1.00	one
5	NULL	NULL
6	99999999999999999999.99	NULL
7	0.00	NULL
8	0.10	NULL
9	-0.01	NULL
NULL	NULL	nine
NULL	NULL	nothing

# IN (SELECT ...) is planned as a join: the same widening, and an error that speaks of the IN.
query
SELECT name FROM '${data}/people.csv' WHERE id IN (SELECT 2.0 UNION ALL SELECT 4.5) ORDER BY name
----
bob

query
SELECT name FROM '${data}/people.csv' WHERE id NOT IN (SELECT 2.0 UNION ALL SELECT 4.5) ORDER BY name
----
alice
carol
dave
eve

query
SELECT name, id IN (SELECT CAST(3 AS DOUBLE)) FROM '${data}/people.csv' ORDER BY id
----
alice	false
bob	false
carol	true
dave	false
eve	false

query
SELECT id FROM prices WHERE price IN (SELECT k FROM '${data}/keys.csv') OR big IN (SELECT k FROM '${data}/keys.csv') ORDER BY id
----
4
10

statement error
SELECT name FROM '${data}/people.csv' WHERE id IN (SELECT name FROM '${data}/people.csv')
----
id IN (SELECT name ...): id is BIGINT but the subquery's column name is VARCHAR, and they have no common type

statement error
SELECT * FROM '${data}/people.csv' p JOIN '${data}/keys.csv' k ON p.name = k.k
----
is VARCHAR but

statement error
SELECT name FROM '${data}/people.csv' UNION ALL SELECT 1
----
UNION ALL column 1 is name VARCHAR on the left but 1 BIGINT on the right, and they have no common type
