# SELECT without FROM: one row of constants, computed by the same engine (a one-row source).

query
SELECT 1 + 2 AS x, 'a' || 'b', hour(TIMESTAMP '2000-01-01 05:00:00')
----
3	ab	5

query
SELECT 7 % 4 AS m, 'x' || 'y' || 'z' AS s, CASE WHEN 1 < 2 THEN 'yes' ELSE 'no' END AS c, NULL IS NULL AS n
----
3	xyz	yes	true

query
SELECT 'a' || 1 + 2 AS precedence, upper('floe') AS u, date_trunc('hour', TIMESTAMP '2024-05-06 07:08:09') AS t
----
a3	FLOE	2024-05-06 07:00:00

query
SELECT count(*) AS n, sum(5) AS s
----
1	5

query
SELECT 1 AS x UNION ALL SELECT 2 UNION ALL SELECT 3 ORDER BY x DESC
----
3
2
1

query
SELECT 2 AS two WHERE 1 = 0
----

query
SELECT * FROM (SELECT 40 + 2 AS answer) t
----
42

# The one-row source (no columns) under DISTINCT, joins, IN and EXISTS.

query
SELECT DISTINCT 1 AS x
----
1

query
SELECT * FROM (SELECT 1 AS x) a JOIN (SELECT 1 AS x, 'y' AS y) b USING (x)
----
1	y

query
SELECT name FROM '${data}/people.csv' WHERE id IN (SELECT 2 UNION ALL SELECT 4) ORDER BY name
----
bob
dave

query
SELECT p.name, c.one FROM '${data}/people.csv' p CROSS JOIN (SELECT 1 AS one) c WHERE p.id < 3 ORDER BY 1
----
alice	1
bob	1

query
SELECT 1 AS x WHERE EXISTS (SELECT 1)
----
1

statement error
SELECT nope + 1
----
column 'nope' not found: a SELECT without FROM has no columns; read a table with FROM

statement error
SELECT *
----
SELECT * needs a FROM clause: a SELECT without FROM has no columns

statement error
SELECT 1 2
----
line 1, column 10: expected ',' or FROM after '1', found '2'
SELECT 1 2
         ^

# The one row is held in memory (Floe.oneRow()): no file is read or written.

query floe-only
EXPLAIN SELECT 1 + 2 AS x
----
== Logical plan ==
Project (1 + 2) AS x
  InMemoryScan one row, no columns
== Task graph ==
2 tasks: 1 partition, 1 result; depth 2
  part-0-* (1 tasks, one per partition): InMemoryScan -> Project [x] -> collect rows
