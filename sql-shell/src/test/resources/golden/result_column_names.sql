# Repeated result column names: a later column of a name gets _1, _2, ... (ResultNames), as DuckDB names
# a subquery's or a table's columns and as read_csv names a header's repeated columns. A column reference
# is named by its name in its source (b.name is name, not the join's internal name_right). DuckDB keeps the
# repeats in a top-level result and renames them in a subquery, so each name is checked here by reading it
# from an outer query (the oracle compares rows).

query rowsort
SELECT p.id, o.person_id AS id FROM '${data}/people.csv' p JOIN '${data}/orders.csv' o ON p.id = o.person_id
----
1	1
1	1
2	2
3	3
3	3

query rowsort
SELECT id, id_1 FROM (SELECT p.id, o.person_id AS id FROM '${data}/people.csv' p JOIN '${data}/orders.csv' o ON p.id = o.person_id) t
----
1	1
1	1
2	2
3	3
3	3

# The follow-up's example: an unqualified USING key and one side's copy of it.

query rowsort
SELECT k_1, label FROM (SELECT k, a.k, b.label FROM '${data}/keys.csv' a JOIN '${data}/keys.csv' b USING (k)) t
----
1	one
3	three
9	nine

# A self join three times over: name, name_1, name_2 (DuckDB's names; Floe used to say name_right, name_right_2).

query
SELECT name_2, name_1, name FROM (SELECT a.name, b.name, c.name FROM '${data}/people.csv' a JOIN '${data}/people.csv' b ON a.id = b.id JOIN '${data}/people.csv' c ON c.id = b.id WHERE a.id = 2) t
----
bob	bob	bob

query
SELECT id_1, city_1, city FROM (SELECT * FROM '${data}/people.csv' a JOIN '${data}/people.csv' b ON a.id = b.id + 1) t ORDER BY id_1
----
1	paris	london
2	london	paris
3	paris	berlin
4	berlin	london

query
SELECT id_2, name_1 FROM (SELECT a.*, b.*, c.id FROM '${data}/people.csv' a JOIN '${data}/people.csv' b ON a.id = b.id JOIN '${data}/people.csv' c ON c.id = a.id) t WHERE id = 4
----
4	dave

statement ok
CREATE TABLE pairs AS SELECT a.city, b.city, count(*) AS n FROM '${data}/people.csv' a JOIN '${data}/people.csv' b ON a.age = b.age AND a.id < b.id GROUP BY a.city, b.city

query
SELECT city, city_1, n FROM pairs
----
paris	london	1

query
WITH t AS (SELECT 1 AS x, 2 AS x, 3 AS x) SELECT x_2, x_1, x FROM t
----
3	2	1

query
SELECT k_1 FROM (SELECT k, k FROM '${data}/keys.csv' WHERE k < 3 UNION ALL SELECT k, k + 1 FROM '${data}/keys.csv' WHERE k > 3) t ORDER BY k_1
----
1
10

# Where Floe and DuckDB differ: a suffix never takes a name some column is written with, so the written
# k_1 keeps its name and the repeated k becomes k_2 (as Floe's read_csv names a header k,k,k_1); DuckDB
# renames in order, in a subquery as in its CSV reader, and calls them k, k_1, k_1_1.

query floe-only
SELECT k_2, k_1 FROM (SELECT k, k * 10 AS k, k * 100 AS k_1 FROM '${data}/keys.csv' WHERE k = 1) t
----
10	100
