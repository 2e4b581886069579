# Regression: joining the same table three times made two columns named id_right (the join's suffix
# clashed with the previous join's); the planner now names the third copy id_right_2 inside the plan
# (the result shows id, id_1, id_2, as DuckDB does: result_column_names.sql).
query
SELECT a.name, b.name, c.name FROM '${data}/people.csv' a JOIN '${data}/people.csv' b ON a.id = b.id JOIN '${data}/people.csv' c ON c.id = b.id WHERE a.id = 2
----
bob	bob	bob

query
SELECT * FROM '${data}/people.csv' a JOIN '${data}/people.csv' b ON a.id = b.id JOIN '${data}/people.csv' c ON c.id = b.id WHERE a.id = 5
----
5	eve	25	london	5	eve	25	london	5	eve	25	london
