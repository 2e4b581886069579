# GROUP BY expressions, aliases and ordinals; HAVING; whole-frame aggregates.
# people.csv: 1 alice 30 paris | 2 bob NULL london | 3 carol 25 paris | 4 dave 41 berlin | 5 eve 25 london
# orders.csv: 10 p1 12.5 01-01 08:15 | 11 p1 7.5 01-01 09:45 | 12 p2 100.0 01-02 08:05 | 13 p3 3.25 01-02 23:59:59
#             14 p9 50.0 01-03 12:00 | 15 p3 1.75 01-03 12:30

query
SELECT city, count(*) AS n, sum(age) AS total, min(age), max(age) FROM '${data}/people.csv' GROUP BY city ORDER BY city
----
berlin	1	41	41	41
london	2	25	25	25
paris	2	55	25	30

query
SELECT city AS c, count(age) FROM '${data}/people.csv' GROUP BY c ORDER BY 2 DESC, c
----
paris	2
berlin	1
london	1

query
SELECT city, avg(age) FROM '${data}/people.csv' GROUP BY 1 HAVING count(*) > 1 ORDER BY city
----
london	25.0
paris	27.5

query
SELECT person_id, sum(amount) AS spent FROM '${data}/orders.csv' GROUP BY person_id HAVING spent > 10 ORDER BY spent DESC
----
2	100.0
9	50.0
1	20.0

query
SELECT count(*), sum(amount), avg(amount) FROM '${data}/orders.csv'
----
6	175.0	29.166666666666668

query
SELECT hour(ts) AS h, count(*) FROM '${data}/orders.csv' GROUP BY h ORDER BY h
----
8	2
9	1
12	2
23	1

query
SELECT day(ts), max(amount) - min(amount) AS spread FROM '${data}/orders.csv' GROUP BY day(ts) ORDER BY 1
----
1	5.0
2	96.75
3	48.25

statement error
SELECT city, age FROM '${data}/people.csv' GROUP BY city
----
column 'age' must appear in GROUP BY or be used in an aggregate

statement error
SELECT city FROM '${data}/people.csv' GROUP BY city HAVING age > 1
----
HAVING (age > 1): column 'age' must appear in GROUP BY or be used in an aggregate

statement error
SELECT city FROM '${data}/people.csv' WHERE sum(age) > 1
----
aggregate functions are not allowed in WHERE

# ORDER BY an aggregate (or key) that is not selected: the groups are sorted before the final select.
query
SELECT city FROM '${data}/people.csv' GROUP BY city ORDER BY count(*) DESC, max(age) DESC
----
paris
london
berlin

query
SELECT person_id AS p FROM '${data}/orders.csv' GROUP BY person_id HAVING count(*) > 1 ORDER BY sum(amount)
----
3
1

statement error
SELECT city, count(*) FROM '${data}/people.csv' GROUP BY city ORDER BY name
----
ORDER BY name: column 'name' must appear in GROUP BY or be used in an aggregate
