# Timestamps: date-part functions, EXTRACT, typed literals.
# orders.csv ts: 10 2024-01-01 08:15:00 | 11 01-01 09:45:00 | 12 01-02 08:05:00 | 13 01-02 23:59:59
#                14 01-03 12:00:00 | 15 01-03 12:30:00

query
SELECT order_id, EXTRACT(hour FROM ts), day(ts), year(ts), month(ts), minute(ts), second(ts) FROM '${data}/orders.csv' WHERE ts >= TIMESTAMP '2024-01-02 00:00:00' AND ts < TIMESTAMP '2024-01-03' ORDER BY ts
----
12	8	2	2024	1	5	0
13	23	2	2024	1	59	59

query
SELECT order_id, ts FROM '${data}/orders.csv' WHERE EXTRACT(minute FROM ts) = 30
----
15	2024-01-03 12:30:00

query
SELECT CAST(order_id AS DOUBLE), CAST(amount AS VARCHAR) FROM '${data}/orders.csv' WHERE order_id = 13
----
13.0	3.25

statement error
SELECT EXTRACT(fortnight FROM ts) FROM '${data}/orders.csv'
----
EXTRACT cannot take 'fortnight'; units: day, dayofweek, 

query
SELECT order_id, weekofyear(ts), week(ts), dayofmonth(ts) FROM '${data}/orders.csv' WHERE order_id IN (10, 14) ORDER BY order_id
----
10	1	1	1
14	1	1	3
