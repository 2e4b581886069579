# DECIMAL(p,s): exact decimals read from CSV, summed, compared, sorted, grouped, joined and cast.
# prices.csv: id,item,price,big / ten rows; price has a NULL (id 4), big has a NULL (id 5) and values past 18 digits.

statement ok
CREATE VIEW prices AS SELECT * FROM read_csv('${data}/prices.csv', types = {'price': 'DECIMAL(9,2)', 'big': 'DECIMAL(38,2)'})

query
SELECT item, sum(price) AS total, min(price), max(price), count(price) FROM prices GROUP BY item ORDER BY item
----
apple	0.60	0.10	0.10	6
pear	20.19	0.20	19.99	2
plum	5.50	5.50	5.50	1

query
SELECT sum(big), min(big), max(big), count(big) FROM prices
----
13580246791358024683.71	-98765432109876543210.50	99999999999999999999.99	9

query
SELECT id, price FROM prices WHERE price > 1 ORDER BY id
----
5	19.99
7	5.50

query
SELECT id, big FROM prices WHERE big >= 1 AND big < 100 ORDER BY big DESC, id
----
10	3.00
4	1.00

query
SELECT id, big FROM prices ORDER BY big DESC NULLS LAST, id LIMIT 3
----
6	99999999999999999999.99
1	12345678901234567890.12
10	3.00

query
SELECT price, count(*) FROM prices GROUP BY price ORDER BY price NULLS FIRST
----
NULL	1
0.10	6
0.20	1
5.50	1
19.99	1

query
SELECT id, CAST(price AS DOUBLE), CAST(price AS VARCHAR), CAST(price AS BIGINT), price * 2, price + big FROM prices WHERE id IN (2, 5, 7) ORDER BY id
----
2	0.2	0.20	0	0.40	-98765432109876543210.30
5	19.99	19.99	20	39.98	NULL
7	5.5	5.50	6	11.00	5.50

query
SELECT CAST('1.005' AS DECIMAL(5,2)), CAST(-2.5 AS DECIMAL(3,0)), TRY_CAST('123.4' AS DECIMAL(3,1)), '3.14159'::DECIMAL(10,4)
----
1.01	-3	NULL	3.1416

query
SELECT item, avg(price) FROM prices GROUP BY item ORDER BY item
----
apple	0.1
pear	10.095
plum	5.5

query
SELECT count(*) FROM prices a JOIN prices b ON a.price = b.price
----
39

query
SELECT id, COALESCE(price, 0) FROM prices WHERE id IN (4, 7) ORDER BY id
----
4	0.00
7	5.50

# decimal = 'decimal': inference picks DECIMAL(38, s) for plain decimals instead of DOUBLE, and says why.
query floe-only
DESCRIBE read_csv('${data}/prices.csv', decimal = 'decimal')
----
id	BIGINT	inferred from sampled rows (sample_size 1000)	BIGINT: 10 values sampled from 1 file, all integers
item	VARCHAR	inferred from sampled rows (sample_size 1000)	VARCHAR: 'apple' at ${data}/prices.csv line 2 is text
price	DECIMAL(38,2)	inferred from sampled rows (sample_size 1000)	DECIMAL(38,2): 9 values sampled from 1 file, all plain decimals (decimal = 'decimal'); '0.10' at ${data}/prices.csv line 2 has 2 digits after the point
big	DECIMAL(38,2)	inferred from sampled rows (sample_size 1000)	DECIMAL(38,2): 9 values sampled from 1 file, all plain decimals (decimal = 'decimal'); '12345678901234567890.12' at ${data}/prices.csv line 2 has 2 digits after the point

query floe-only
DESCRIBE prices
----
id	BIGINT	computed by the query	NULL
item	VARCHAR	computed by the query	NULL
price	DECIMAL(9,2)	computed by the query	NULL
big	DECIMAL(38,2)	computed by the query	NULL

# A value with more digits than the declared type holds is a bad value, never rounded (DuckDB rounds it).
statement error
SELECT * FROM read_csv('${data}/prices.csv', types = {'price': 'DECIMAL(9,1)'})
----
${data}/prices.csv line 6 (byte 123), column 'price': cannot read '19.99' as DECIMAL(9,1) without losing digits: 2 digits after the point, DECIMAL(9,1) keeps 1; record: 5,pear,19.99,; declare DECIMAL(10,2) or DOUBLE in types = {'price': 'DECIMAL(10,2)'} or fix the file

# ... and under ignore_errors it is skipped and counted; trailing zeros past the scale lose nothing (0.10 is 0.1).
query floe-only
SELECT id, price FROM read_csv('${data}/prices.csv', types = {'price': 'DECIMAL(3,1)'}, ignore_errors = true) ORDER BY id
----
1	0.1
2	0.2
3	0.1
4	NULL
6	0.1
7	5.5
8	0.1
9	0.1
10	0.1

# Arithmetic that passes 38 digits is an error naming the values, never a wrapped number.
statement error
SELECT sum(price * big * big) FROM prices
----
DECIMAL overflow in ((price * big) * big)

# round, floor and ceil of decimals have room for the carry (DuckDB's types).
query
SELECT round(9.5), round(0.5), ceil(0.99), round(0.95, 1), floor(-0.5), floor(1.5), round(1.005, 2), round(123.456, -1), round(-2.5)
----
10	1	1	1.0	-1	1	1.01	120	-3

query
SELECT id, round(price, 1), floor(price), ceil(price), round(big, -2) FROM prices WHERE id IN (2, 5, 6) ORDER BY id
----
2	0.2	0	1	-98765432109876543200
5	20.0	19	20	NULL
6	0.1	0	1	100000000000000000000

# % of decimals is exact (DuckDB's DECIMAL % too); past BIGINT too
query
SELECT 5 % 2.0, 7.5 % 2, 0.3 % 0.1, 12.34 % 1, -12.34 % 5, 99999999999999999999 % 7
----
1.0	1.5	0.0	0.34	-2.34	1

query
SELECT id, price % 1, big % 100 FROM prices WHERE id IN (1, 2, 5) ORDER BY id
----
1	0.10	90.12
2	0.20	-10.50
5	0.99	NULL

# price + 1 and price * 2: a BIGINT literal counts by its digits, so narrow decimals stay narrow
query floe-only
DESCRIBE SELECT price + 1 AS a, price * 2 AS b, price + id AS c, coalesce(price, 0) AS d, price % 1 AS e FROM prices
----
a	DECIMAL(10,2)	computed by the query	NULL
b	DECIMAL(10,2)	computed by the query	NULL
c	DECIMAL(22,2)	computed by the query	NULL
d	DECIMAL(9,2)	computed by the query	NULL
e	DECIMAL(9,2)	computed by the query	NULL

# an integer past BIGINT is a count out of range in an option, not a fraction
statement error
SELECT count(*) FROM read_csv('${data}/prices.csv', ignore_errors = true, max_rejects = 99999999999999999999)
----
integer 99999999999999999999 is out of range; the largest is 9223372036854775807

# the common type of decimals past 38 digits keeps the scale (nothing after the point is rounded away), so a value
# whose integer part no longer fits is an error (DuckDB gives up scale instead: DECIMAL(38,21))
statement error
SELECT COALESCE(CAST(NULL AS DECIMAL(38,30)), CAST(-99999999999999999.9 AS DECIMAL(18,1)))
----
cannot cast -99999999999999999.9 to DECIMAL(38,30)
