# x IN (SELECT ...), x NOT IN (SELECT ...) and EXISTS (SELECT ...), uncorrelated. A WHERE conjunct
# x IN (...) is a semi join; elsewhere, and for NOT IN, SQL's NULL rules hold: NULL IN (non-empty) is
# NULL, x NOT IN (a set holding a NULL) is never true, anything NOT IN (empty) is true.
# people.csv: 1 alice 30 paris | 2 bob NULL london | 3 carol 25 paris | 4 dave 41 berlin | 5 eve 25 london
# orders.csv (order, person, amount): 10 1 12.5 | 11 1 7.5 | 12 2 100.0 | 13 3 3.25 | 14 9 50.0 | 15 3 1.75
# keys.csv (k, label): 1 one | 3 three | NULL nothing | 9 nine

statement ok
CREATE VIEW people AS SELECT * FROM '${data}/people.csv'

statement ok
CREATE VIEW orders AS SELECT * FROM '${data}/orders.csv'

statement ok
CREATE VIEW keys AS SELECT * FROM '${data}/keys.csv'

query rowsort
SELECT name FROM people WHERE id IN (SELECT person_id FROM orders)
----
alice
bob
carol

query rowsort
SELECT name FROM people WHERE id IN (SELECT person_id FROM orders WHERE amount > 5) AND city = 'paris'
----
alice

query rowsort
SELECT name FROM people WHERE id NOT IN (SELECT person_id FROM orders)
----
dave
eve

query rowsort
SELECT name FROM people WHERE id NOT IN (SELECT k FROM keys)
----

query rowsort
SELECT name FROM people WHERE age NOT IN (SELECT age FROM people WHERE city = 'paris')
----
dave

query rowsort
SELECT name FROM people WHERE age NOT IN (SELECT age FROM people WHERE id > 100)
----
alice
bob
carol
dave
eve

query rowsort
SELECT name, id IN (SELECT k FROM keys) AS in_keys, age IN (SELECT age FROM people WHERE city = 'paris') AS paris_age FROM people
----
alice	true	true
bob	NULL	NULL
carol	true	true
dave	NULL	false
eve	NULL	true

query rowsort
SELECT name FROM people WHERE id IN (SELECT k FROM keys) OR age > 40
----
alice
carol
dave

query rowsort
SELECT city, count(*) AS n FROM people WHERE id NOT IN (SELECT person_id FROM orders WHERE amount > 50) GROUP BY city
----
berlin	1
london	1
paris	2

query rowsort
SELECT order_id FROM orders WHERE person_id IN (SELECT id FROM people WHERE age IN (SELECT age FROM people WHERE name = 'eve'))
----
13
15

query rowsort
SELECT name FROM people WHERE EXISTS (SELECT * FROM orders WHERE amount > 99)
----
alice
bob
carol
dave
eve

query rowsort
SELECT name FROM people WHERE NOT EXISTS (SELECT * FROM orders WHERE amount > 1000)
----
alice
bob
carol
dave
eve

query
SELECT count(*) AS n FROM people WHERE EXISTS (SELECT * FROM orders WHERE amount > 1000)
----
0

query
SELECT 3 IN (SELECT k FROM keys) AS three, 2 IN (SELECT k FROM keys) AS two, 2 NOT IN (SELECT k FROM keys WHERE k IS NOT NULL) AS not_two
----
true	NULL	true

query rowsort
SELECT city, sum(CASE WHEN id IN (SELECT person_id FROM orders) THEN 1 ELSE 0 END) AS buyers FROM people GROUP BY city
----
berlin	0
london	1
paris	2

# Over a self join, where a bare id would be ambiguous.

query rowsort
SELECT a.name, b.name FROM people a JOIN people b ON a.age = b.age WHERE a.id NOT IN (SELECT person_id FROM orders) AND b.id IN (SELECT person_id FROM orders) AND (a.id IN (SELECT k FROM keys) IS NULL)
----
eve	carol

statement error
SELECT city, count(*) FROM people GROUP BY city HAVING city IN (SELECT city FROM people WHERE age > 40)
----
(city IN (SELECT city FROM people WHERE (age > 40))): IN (SELECT ...) and EXISTS cannot be used in HAVING of a grouped query; use them in WHERE, or group in a subquery in FROM and test its result in an outer query

statement error
SELECT city, city IN (SELECT city FROM people WHERE age > 40) AS old FROM people GROUP BY city
----
(city IN (SELECT city FROM people WHERE (age > 40))): IN (SELECT ...) and EXISTS cannot be used in the select list or ORDER BY of a grouped query; use them in WHERE, or group in a subquery in FROM and test its result in an outer query

statement error
SELECT p.name FROM people p JOIN orders o ON p.id = o.person_id AND o.order_id IN (SELECT order_id FROM orders)
----
JOIN ... ON cannot hold IN (SELECT ...) or EXISTS (SELECT ...); move that condition to WHERE

statement error
SELECT name FROM people WHERE id IN (SELECT id, name FROM people)
----
the subquery of IN must return one column, but (SELECT id, name FROM people) returns 2: id, name

statement error
SELECT name FROM people WHERE id IN (SELECT nope FROM orders)
----
column 'nope' not found. Columns: order_id, person_id, amount, ts

statement error
SELECT name FROM people p WHERE id IN (SELECT person_id FROM orders o WHERE o.amount > p.age)
----
'p.age': no source is called 'p'; sources: o. A subquery in IN or EXISTS cannot use the outer query's columns (correlated subqueries are not supported); join with it instead

statement error
SELECT name FROM people WHERE id IN (SELECT person_id FROM orders
----
line 1, column 66: expected ')' after 'orders', found end of input
SELECT name FROM people WHERE id IN (SELECT person_id FROM orders
                                                                 ^
