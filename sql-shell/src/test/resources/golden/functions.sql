# CASE, COALESCE, NULLIF, [NOT] [I]LIKE, string and math functions, TRY_CAST, date_trunc,
# count(DISTINCT x), variance/stddev.
# people.csv: 1 alice 30 paris | 2 bob NULL london | 3 carol 25 paris | 4 dave 41 berlin | 5 eve 25 london
# orders.csv (order, person, amount, ts): 10 1 12.5 01-01 08:15 | 11 1 7.5 01-01 09:45 | 12 2 100.0 01-02 08:05
#   13 3 3.25 01-02 23:59:59 | 14 9 50.0 01-03 12:00 | 15 3 1.75 01-03 12:30

query
SELECT name, CASE WHEN age >= 30 THEN 'senior' WHEN age < 30 THEN 'junior' ELSE 'unknown' END AS band FROM '${data}/people.csv' ORDER BY id
----
alice	senior
bob	unknown
carol	junior
dave	senior
eve	junior

query
SELECT id, CASE city WHEN 'paris' THEN 1 WHEN 'london' THEN 2 END FROM '${data}/people.csv' ORDER BY id
----
1	1
2	2
3	1
4	NULL
5	2

query
SELECT name, coalesce(age, -1), nullif(city, 'paris') FROM '${data}/people.csv' ORDER BY id
----
alice	30	NULL
bob	-1	london
carol	25	NULL
dave	41	berlin
eve	25	london

query
SELECT name FROM '${data}/people.csv' WHERE name LIKE '%e%' ORDER BY name
----
alice
dave
eve

query
SELECT name FROM '${data}/people.csv' WHERE name NOT LIKE '_o%' AND city ILIKE 'PAR%' ORDER BY name
----
alice
carol

query
SELECT upper(name), length(name), substring(name, 2, 3), concat(name, '@', city), replace(city, 'a', 'A') FROM '${data}/people.csv' WHERE id = 3
----
CAROL	5	aro	carol@paris	pAris

query
SELECT abs(-amount), round(amount, 1), floor(amount), ceil(amount), sqrt(amount + 0.75), pow(amount, 2) FROM '${data}/orders.csv' WHERE order_id = 13
----
3.25	3.3	3.0	4.0	2.0	10.5625

query
SELECT TRY_CAST(city AS BIGINT), TRY_CAST('42' AS BIGINT), CAST(age AS VARCHAR) FROM '${data}/people.csv' WHERE id = 1
----
NULL	42	30

query
SELECT date_trunc('hour', ts) AS h, count(*) FROM '${data}/orders.csv' GROUP BY h ORDER BY h
----
2024-01-01 08:00:00	1
2024-01-01 09:00:00	1
2024-01-02 08:00:00	1
2024-01-02 23:00:00	1
2024-01-03 12:00:00	2

query
SELECT count(DISTINCT city), count(DISTINCT age), count(age), count(*) FROM '${data}/people.csv'
----
3	3	4	5

query
SELECT city, count(DISTINCT age) FROM '${data}/people.csv' GROUP BY city ORDER BY city
----
berlin	1
london	1
paris	2

query
SELECT person_id, variance(amount), stddev(amount) FROM '${data}/orders.csv' GROUP BY person_id ORDER BY person_id
----
1	12.5	3.5355339059327378
2	NULL	NULL
3	1.125	1.0606601717798212
9	NULL	NULL

statement error
SELECT name FROM '${data}/people.csv' WHERE name LIKE city
----
expected a pattern as a string

query
SELECT name, regexp_matches(name, 'a.'), regexp_full_match(name, 'a.'), regexp_full_match(name, '.*a.*e') FROM '${data}/people.csv' ORDER BY id
----
alice	true	false	true
bob	false	false	false
carol	true	false	false
dave	true	false	true
eve	false	false	false
