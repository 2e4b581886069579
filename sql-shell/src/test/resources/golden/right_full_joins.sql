# RIGHT [OUTER] JOIN (a LEFT join with the sides swapped, columns in the order written) and FULL [OUTER]
# JOIN (the LEFT join, then the right rows without a match padded with NULLs; NULL keys never match).
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
SELECT p.name, o.order_id FROM people p RIGHT JOIN orders o ON p.id = o.person_id
----
NULL	14
alice	10
alice	11
bob	12
carol	13
carol	15

query rowsort
SELECT * FROM people p RIGHT OUTER JOIN orders o ON p.id = o.person_id
----
1	alice	30	paris	10	1	12.5	2024-01-01 08:15:00
1	alice	30	paris	11	1	7.5	2024-01-01 09:45:00
2	bob	NULL	london	12	2	100.0	2024-01-02 08:05:00
3	carol	25	paris	13	3	3.25	2024-01-02 23:59:59
3	carol	25	paris	15	3	1.75	2024-01-03 12:30:00
NULL	NULL	NULL	NULL	14	9	50.0	2024-01-03 12:00:00

query rowsort
SELECT k.label, p.name FROM keys k RIGHT JOIN people p ON k.k = p.id
----
NULL	bob
NULL	dave
NULL	eve
one	alice
three	carol

query rowsort
SELECT p.name, o.order_id, o.amount FROM people p FULL JOIN orders o ON p.id = o.person_id
----
NULL	14	50.0
alice	10	12.5
alice	11	7.5
bob	12	100.0
carol	13	3.25
carol	15	1.75
dave	NULL	NULL
eve	NULL	NULL

query rowsort
SELECT * FROM people p FULL OUTER JOIN keys k ON p.age = k.k
----
1	alice	30	paris	NULL	NULL
2	bob	NULL	london	NULL	NULL
3	carol	25	paris	NULL	NULL
4	dave	41	berlin	NULL	NULL
5	eve	25	london	NULL	NULL
NULL	NULL	NULL	NULL	1	one
NULL	NULL	NULL	NULL	3	three
NULL	NULL	NULL	NULL	9	nine
NULL	NULL	NULL	NULL	NULL	nothing

query rowsort
SELECT k.label, count(*) AS n FROM keys k FULL JOIN orders o ON k.k = o.person_id GROUP BY k.label
----
NULL	1
nine	1
nothing	1
one	2
three	2

query rowsort
SELECT a.k, b.k FROM keys a FULL JOIN keys b ON a.k = b.k
----
1	1
3	3
9	9
NULL	NULL
NULL	NULL

query rowsort
SELECT p.name, o.order_id FROM people p FULL JOIN orders o ON p.id = o.person_id WHERE o.order_id IS NULL OR p.name IS NULL
----
NULL	14
dave	NULL
eve	NULL

statement error
SELECT * FROM people p RIGHT JOIN orders o ON p.id = o.person_id AND o.amount > 5
----
RIGHT JOIN conditions must be equalities between the two sides, but (o.amount > 5) is not; filter one side in a subquery first

statement error
SELECT * FROM people p FULL JOIN orders o
----
line 1, column 42: expected ON condition or USING (columns) after 'o', found end of input
SELECT * FROM people p FULL JOIN orders o
                                         ^

statement error
SELECT * FROM people p FULL OUTER orders o ON p.id = o.person_id
----
line 1, column 35: expected JOIN after 'OUTER', found 'orders'
SELECT * FROM people p FULL OUTER orders o ON p.id = o.person_id
                                  ^
