# Regression: OFFSET without LIMIT returned no rows. The planner asked for limit(Long.MAX_VALUE, offset),
# and limit + offset overflowed; it now asks for Long.MAX_VALUE - offset rows.

query
SELECT id FROM '${data}/people.csv' ORDER BY id OFFSET 3
----
4
5

query
SELECT id FROM '${data}/people.csv' ORDER BY id DESC OFFSET 0
----
5
4
3
2
1

query
SELECT id FROM '${data}/people.csv' UNION ALL SELECT order_id FROM '${data}/orders.csv' ORDER BY 1 OFFSET 9
----
14
15
