# JOIN ... USING (k1, k2): one output column per key (where the left's was; the value of a side that has
# one for RIGHT and FULL joins), as in DuckDB and Postgres. t.k still names one side's column.
# keys.csv (k, label): 1 one | 3 three | NULL nothing | 9 nine

statement ok
CREATE VIEW people AS SELECT * FROM '${data}/people.csv'

statement ok
CREATE VIEW orders AS SELECT order_id AS order_no, person_id AS id, amount FROM '${data}/orders.csv'

statement ok
CREATE VIEW keys AS SELECT k AS id, label FROM '${data}/keys.csv'

query rowsort
SELECT * FROM people JOIN orders USING (id)
----
1	alice	30	paris	10	12.5
1	alice	30	paris	11	7.5
2	bob	NULL	london	12	100.0
3	carol	25	paris	13	3.25
3	carol	25	paris	15	1.75

query rowsort
SELECT id, name, amount FROM people LEFT JOIN orders USING (id)
----
1	alice	12.5
1	alice	7.5
2	bob	100.0
3	carol	1.75
3	carol	3.25
4	dave	NULL
5	eve	NULL

query rowsort
SELECT * FROM keys RIGHT JOIN people USING (id)
----
1	one	alice	30	paris
2	NULL	bob	NULL	london
3	three	carol	25	paris
4	NULL	dave	41	berlin
5	NULL	eve	25	london

query rowsort
SELECT * FROM keys FULL JOIN orders USING (id)
----
1	one	10	12.5
1	one	11	7.5
2	NULL	12	100.0
3	three	13	3.25
3	three	15	1.75
9	nine	14	50.0
NULL	nothing	NULL	NULL

query rowsort
SELECT id, keys.id AS keys_id, orders.id AS orders_id FROM keys FULL OUTER JOIN orders USING (id)
----
1	1	1
1	1	1
2	NULL	2
3	3	3
3	3	3
9	9	9
NULL	NULL	NULL

query rowsort
SELECT a.name, b.name FROM people a JOIN people b USING (age, city)
----
alice	alice
carol	carol
dave	dave
eve	eve

query rowsort
SELECT * FROM people SEMI JOIN keys USING (id)
----
1	alice	30	paris
3	carol	25	paris

query rowsort
SELECT * FROM people JOIN orders USING (id) JOIN keys USING (id)
----
1	alice	30	paris	10	12.5	one
1	alice	30	paris	11	7.5	one
3	carol	25	paris	13	3.25	three
3	carol	25	paris	15	1.75	three

query rowsort
SELECT * FROM keys FULL JOIN orders USING (id) LEFT JOIN people USING (id)
----
1	one	10	12.5	alice	30	paris
1	one	11	7.5	alice	30	paris
2	NULL	12	100.0	bob	NULL	london
3	three	13	3.25	carol	25	paris
3	three	15	1.75	carol	25	paris
9	nine	14	50.0	NULL	NULL	NULL
NULL	nothing	NULL	NULL	NULL	NULL	NULL

query
SELECT id, count(*) AS n FROM people JOIN orders USING (id) GROUP BY id ORDER BY id
----
1	2
2	1
3	2

statement error
SELECT * FROM people JOIN orders USING (idd)
----
JOIN ... USING (idd): column 'idd' not found on the left side (people); did you mean 'id'? Its columns: id, name, age, city

statement error
SELECT * FROM people JOIN keys USING (id, nmae)
----
JOIN ... USING (id, nmae): column 'nmae' not found on the left side (people); did you mean 'name'? Its columns: id, name, age, city

statement error
SELECT * FROM people JOIN orders USING (name)
----
JOIN ... USING (name): column 'name' not found on the right side (orders). Its columns: order_no, id, amount

statement error
SELECT * FROM people JOIN orders USING id
----
line 1, column 40: expected '(' and the key columns, such as USING (id) after 'USING', found 'id'
SELECT * FROM people JOIN orders USING id
                                       ^

statement error
SELECT * FROM people JOIN orders USING (id, id)
----
line 1, column 45: column 'id' is named twice in USING
SELECT * FROM people JOIN orders USING (id, id)
                                            ^
