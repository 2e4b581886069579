# t.* and * mixed with other items in the select list.
# people.csv: 1 alice 30 paris | 2 bob NULL london | 3 carol 25 paris | 4 dave 41 berlin | 5 eve 25 london
# orders.csv (order, person, amount): 10 1 12.5 | 11 1 7.5 | 12 2 100.0 | 13 3 3.25 | 14 9 50.0 | 15 3 1.75

statement ok
CREATE VIEW people AS SELECT * FROM '${data}/people.csv'

statement ok
CREATE VIEW orders AS SELECT * FROM '${data}/orders.csv'

query rowsort
SELECT o.*, p.name FROM orders o JOIN people p ON p.id = o.person_id
----
10	1	12.5	2024-01-01 08:15:00	alice
11	1	7.5	2024-01-01 09:45:00	alice
12	2	100.0	2024-01-02 08:05:00	bob
13	3	3.25	2024-01-02 23:59:59	carol
15	3	1.75	2024-01-03 12:30:00	carol

query rowsort
SELECT p.name, o.* FROM people p JOIN orders o ON p.id = o.person_id WHERE o.amount > 10
----
alice	10	1	12.5	2024-01-01 08:15:00
bob	12	2	100.0	2024-01-02 08:05:00

query rowsort
SELECT *, age * 2 AS double_age FROM people
----
1	alice	30	paris	60
2	bob	NULL	london	NULL
3	carol	25	paris	50
4	dave	41	berlin	82
5	eve	25	london	50

query rowsort
SELECT id + 100 AS big, * FROM people WHERE city = 'paris'
----
101	1	alice	30	paris
103	3	carol	25	paris

query rowsort
SELECT people.*, 'x' AS tag FROM people WHERE age IS NULL
----
2	bob	NULL	london	x

query rowsort
SELECT p.*, o.amount FROM people p LEFT JOIN orders o ON p.id = o.person_id WHERE p.id > 3
----
4	dave	41	berlin	NULL
5	eve	25	london	NULL

statement error
SELECT x.* FROM people p
----
x.*: no source is called 'x'; sources: p

statement error
SELECT p.*, count(*) FROM people p GROUP BY p.id
----
SELECT * cannot be used with GROUP BY or aggregate functions; list the columns to group by and the aggregates to compute
