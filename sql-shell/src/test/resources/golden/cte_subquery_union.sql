# WITH, subqueries in FROM, UNION ALL (with ORDER BY / LIMIT over the union).

query
WITH big AS (SELECT * FROM '${data}/orders.csv' WHERE amount >= 10),
     per AS (SELECT person_id, count(*) AS n FROM big GROUP BY person_id)
SELECT * FROM per ORDER BY person_id
----
1	1
2	1
9	1

query
SELECT t.city, t.n FROM (SELECT city, count(*) AS n FROM '${data}/people.csv' GROUP BY city) AS t WHERE t.n > 1 ORDER BY t.city
----
london	2
paris	2

query
SELECT name FROM '${data}/people.csv' WHERE id <= 2 UNION ALL SELECT city FROM '${data}/people.csv' WHERE id >= 4 ORDER BY 1
----
alice
berlin
bob
london

query rowsort
SELECT id FROM '${data}/people.csv' UNION ALL SELECT order_id FROM '${data}/orders.csv' WHERE amount > 40
----
1
12
14
2
3
4
5

query
SELECT id FROM '${data}/people.csv' UNION ALL SELECT order_id FROM '${data}/orders.csv' ORDER BY id DESC LIMIT 2 OFFSET 1
----
14
13

query
SELECT count(*) FROM (SELECT * FROM '${data}/people.csv' UNION ALL SELECT * FROM '${data}/people.csv') AS doubled
----
10

query
WITH a AS (SELECT id FROM '${data}/people.csv' WHERE id < 3) SELECT * FROM a UNION ALL SELECT id FROM a ORDER BY id
----
1
1
2
2

statement error
SELECT id, name FROM '${data}/people.csv' UNION ALL SELECT id FROM '${data}/people.csv'
----
UNION ALL needs the same number of columns on each side

statement error
SELECT id FROM '${data}/people.csv' UNION SELECT id FROM '${data}/people.csv'
----
expected ALL (only UNION ALL is supported
