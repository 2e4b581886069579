# JOIN (inner), LEFT, SEMI, ANTI (RIGHT, FULL, CROSS, USING: right_full_joins.sql, cross_joins.sql, join_using.sql); qualified names; extra ON conditions; self joins (the _right suffix).
# people.csv: 1 alice 30 paris | 2 bob NULL london | 3 carol 25 paris | 4 dave 41 berlin | 5 eve 25 london
# orders.csv (order, person, amount): 10 1 12.5 | 11 1 7.5 | 12 2 100.0 | 13 3 3.25 | 14 9 50.0 | 15 3 1.75

statement ok
CREATE VIEW people AS SELECT * FROM '${data}/people.csv'

statement ok
CREATE VIEW orders AS SELECT * FROM '${data}/orders.csv'

query
SELECT p.name, o.order_id, o.amount FROM people p JOIN orders o ON p.id = o.person_id ORDER BY o.order_id
----
alice	10	12.5
alice	11	7.5
bob	12	100.0
carol	13	3.25
carol	15	1.75

query
SELECT p.name, o.order_id FROM people AS p LEFT OUTER JOIN orders AS o ON o.person_id = p.id ORDER BY p.id, o.order_id
----
alice	10
alice	11
bob	12
carol	13
carol	15
dave	NULL
eve	NULL

query
SELECT name FROM people SEMI JOIN orders ON people.id = orders.person_id ORDER BY name
----
alice
bob
carol

query
SELECT name FROM people ANTI JOIN orders ON people.id = orders.person_id ORDER BY name
----
dave
eve

query
SELECT o.order_id FROM orders o ANTI JOIN people p ON o.person_id = p.id
----
14

query
SELECT p.name, count(*) AS n, sum(o.amount) AS total FROM people p JOIN orders o ON p.id = o.person_id GROUP BY p.name ORDER BY total DESC
----
bob	1	100.0
alice	2	20.0
carol	2	5.0

query
SELECT p.name, o.amount FROM people p INNER JOIN orders o ON p.id = o.person_id AND o.amount > 5 ORDER BY o.amount
----
alice	7.5
alice	12.5
bob	100.0

query
SELECT a.name, b.name FROM people a JOIN people b ON a.age = b.age AND a.id < b.id
----
carol	eve

query
SELECT p.name, o.order_id, q.city FROM orders o JOIN people p ON o.person_id = p.id JOIN people q ON q.id = p.id WHERE o.amount < 5 ORDER BY 2
----
carol	13	paris
carol	15	paris

query
SELECT p.name, o.order_id FROM '${data}/people.csv' p JOIN read_csv('${data}/orders.csv') o ON p.id = o.person_id WHERE o.order_id = 12
----
bob	12

statement error
SELECT * FROM people p JOIN orders o ON p.id > o.person_id
----
has no equality between a column of each side

statement error
SELECT x.name FROM people p
----
'x.name': no source is called 'x'; sources: p

statement error
SELECT p.name FROM people p LEFT JOIN orders o ON p.id = o.person_id AND o.amount > 5
----
LEFT JOIN conditions must be equalities between the two sides, but (o.amount > 5) is not

statement error
SELECT * FROM people p NATURAL JOIN orders o
----
NATURAL joins are not supported; name the keys with JOIN ... USING (columns)

statement error
SELECT p.nmae FROM people p JOIN orders o ON p.id = o.person_id
----
column 'nmae' not found; did you mean 'name'?

statement error
SELECT name FROM people a JOIN people b ON a.id = b.id
----
column 'name' is ambiguous: it could be a.name or b.name; qualify it

query
SELECT name, total FROM people p JOIN (SELECT person_id, sum(amount) AS total FROM orders GROUP BY person_id) s ON p.id = s.person_id ORDER BY total
----
carol	5.0
alice	20.0
bob	100.0
