# CROSS JOIN and FROM a, b: every pair of rows, unless the WHERE has an equality between the two sides,
# which becomes the join's key (the rest of the WHERE filters the joined rows).
# keys.csv (k, label): 1 one | 3 three | NULL nothing | 9 nine

statement ok
CREATE VIEW people AS SELECT * FROM '${data}/people.csv'

statement ok
CREATE VIEW orders AS SELECT * FROM '${data}/orders.csv'

statement ok
CREATE VIEW keys AS SELECT * FROM '${data}/keys.csv'

query rowsort
SELECT k.label, p.name FROM keys k CROSS JOIN people p WHERE p.age > 29
----
nine	alice
nine	dave
nothing	alice
nothing	dave
one	alice
one	dave
three	alice
three	dave

query
SELECT count(*) AS pairs FROM people CROSS JOIN orders
----
30

query rowsort
SELECT p.name, o.order_id FROM people p, orders o WHERE p.id = o.person_id AND o.amount > 5
----
alice	10
alice	11
bob	12

query rowsort
SELECT p.name, o.order_id FROM people p, orders o WHERE o.person_id = p.id AND p.city = 'paris' AND o.amount < 10
----
alice	11
carol	13
carol	15

query rowsort
SELECT a.name, b.name FROM people a, people b WHERE a.age < b.age AND b.city = 'berlin'
----
alice	dave
carol	dave
eve	dave

query rowsort
SELECT p.name, o.order_id, k.label FROM people p, orders o, keys k WHERE p.id = o.person_id AND o.person_id = k.k
----
alice	10	one
alice	11	one
carol	13	three
carol	15	three

# Below the left side of a RIGHT (or FULL) join the WHERE is not a key: it must also drop the padded rows.

query rowsort
SELECT a.name, o.order_id FROM people a, people b RIGHT JOIN orders o ON b.id = o.person_id WHERE a.id = b.id
----
alice	10
alice	11
bob	12
carol	13
carol	15

query rowsort
SELECT a.name, o.order_id FROM people a, people b FULL JOIN orders o ON b.id = o.person_id WHERE a.id = b.id AND a.age > 26
----
alice	10
alice	11
dave	NULL

query
SELECT count(*) AS n FROM keys a, keys b, keys c
----
64

query rowsort
SELECT x.v, y.w FROM (SELECT 1 AS v UNION ALL SELECT 2) x CROSS JOIN (SELECT 'a' AS w UNION ALL SELECT 'b') y
----
1	a
1	b
2	a
2	b

statement error
SELECT a.name FROM people a, people b WHERE age > 30
----
column 'age' is ambiguous: it could be a.age or b.age

statement error
SELECT * FROM people CROSS JOIN orders ON people.id = orders.person_id
----
line 1, column 40: expected JOIN, WHERE, GROUP BY, HAVING, UNION ALL, ORDER BY, LIMIT, OFFSET, ';' or end of input after 'orders', found 'ON'
SELECT * FROM people CROSS JOIN orders ON people.id = orders.person_id
                                       ^
