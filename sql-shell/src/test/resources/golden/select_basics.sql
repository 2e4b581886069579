# Projection, WHERE, IS NULL, IN, BETWEEN, ORDER BY with NULLS FIRST/LAST, LIMIT/OFFSET, DISTINCT.
# people.csv: 1 alice 30 paris | 2 bob NULL london | 3 carol 25 paris | 4 dave 41 berlin | 5 eve 25 london

query
SELECT id, name FROM '${data}/people.csv' WHERE age > 26 ORDER BY id
----
1	alice
4	dave

query
SELECT name, age * 2 AS double_age FROM read_csv('${data}/people.csv', header = true, delim = ',') ORDER BY id
----
alice	60
bob	NULL
carol	50
dave	82
eve	50

query
SELECT name FROM '${data}/people.csv' WHERE age IS NULL
----
bob

query
SELECT name FROM '${data}/people.csv' WHERE age IS NOT NULL AND NOT city = 'paris' ORDER BY name
----
dave
eve

query
SELECT name, age FROM '${data}/people.csv' ORDER BY age NULLS FIRST, name
----
bob	NULL
carol	25
eve	25
alice	30
dave	41

query
SELECT name, age FROM '${data}/people.csv' ORDER BY age DESC NULLS LAST, name
----
dave	41
alice	30
carol	25
eve	25
bob	NULL

query
SELECT name FROM '${data}/people.csv' ORDER BY id LIMIT 2 OFFSET 1
----
bob
carol

query
SELECT name FROM '${data}/people.csv' ORDER BY id DESC OFFSET 3
----
bob
alice

query
SELECT DISTINCT city FROM '${data}/people.csv' ORDER BY city
----
berlin
london
paris

query
SELECT DISTINCT age FROM '${data}/people.csv' ORDER BY 1 NULLS FIRST
----
NULL
25
30
41

query
SELECT id FROM '${data}/people.csv' WHERE city IN ('paris', 'berlin') AND age BETWEEN 26 AND 50 ORDER BY id
----
1
4

query
SELECT id FROM '${data}/people.csv' WHERE city NOT IN ('paris') ORDER BY id DESC
----
5
4
2

query
SELECT id FROM '${data}/people.csv' WHERE age NOT BETWEEN 26 AND 40 ORDER BY id
----
3
4
5

query
SELECT "name" AS "Name", -- a comment
  /* a block
     comment */ age FROM '${data}/people.csv' WHERE id = 3
----
carol	25

query
sElEcT NAME fRoM '${data}/people.csv' wHeRe ID = 4
----
dave

statement error
SELECT DISTINCT city FROM '${data}/people.csv' ORDER BY age
----
with SELECT DISTINCT, ORDER BY age must be a column of the result (city) or its position
