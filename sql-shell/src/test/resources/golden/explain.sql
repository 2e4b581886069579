# EXPLAIN output pinned: the plan SQL builds is the DataFrame plan (filter, aggregate, sort, join).

query floe-only
EXPLAIN SELECT city, count(*) AS n FROM '${data}/people.csv' WHERE age > 20 GROUP BY city ORDER BY n DESC
----
== Logical plan ==
Sort n DESC NULLS FIRST
  Aggregate keys=[city] aggregates=[count_star() AS n]
    Filter (age > 20)
      CsvScan ${data}/people.csv
== Task graph ==
4 tasks: 1 chunk, 1 finalize, 1 sort, 1 result; depth 4
  chunk-0-* (1 tasks, one per partition): CsvScan[age, city] -> Filter (age > 20) -> partial aggregate

query floe-only
EXPLAIN SELECT p.name, o.amount FROM '${data}/people.csv' p JOIN '${data}/orders.csv' o ON p.id = o.person_id
----
== Logical plan ==
Project name, amount
  Join INNER on id = person_id
    CsvScan ${data}/people.csv
    CsvScan ${data}/orders.csv
== Task graph ==
4 tasks: 2 partition, 1 build, 1 result; depth 4
  part-0-* (1 tasks, one per partition): CsvScan[person_id, amount] -> collect rows
  part-2-* (1 tasks, one per partition): CsvScan[id, name] -> Probe build-1 -> Project [name, amount] -> collect rows

statement ok floe-only
EXPLAIN ANALYZE SELECT count(*) FROM '${data}/orders.csv'

# RIGHT JOIN is the LEFT join with the sides swapped, then the columns in the order written; FULL JOIN is
# the LEFT join and the right's ANTI join padded with NULLs; CROSS JOIN joins on a constant key (a WHERE
# over one side filters that side first); x IN (SELECT ...) in WHERE is a SEMI join, NOT IN an ANTI join
# crossed with the subquery's counts (for its NULL rules).

query floe-only
EXPLAIN SELECT p.name, o.amount FROM '${data}/people.csv' p RIGHT JOIN '${data}/orders.csv' o ON p.id = o.person_id
----
== Logical plan ==
Project name, amount
  Project id, name, age, city, order_id, person_id, amount, ts
    Join LEFT on person_id = id
      CsvScan ${data}/orders.csv
      CsvScan ${data}/people.csv
== Task graph ==
4 tasks: 2 partition, 1 build, 1 result; depth 4
  part-0-* (1 tasks, one per partition): CsvScan[id, name] -> collect rows
  part-2-* (1 tasks, one per partition): CsvScan[person_id, amount] -> Probe build-1 -> Project [name, amount] -> Project [name, amount] -> collect rows

query floe-only
EXPLAIN SELECT p.name, o.amount FROM '${data}/people.csv' p FULL JOIN '${data}/orders.csv' o ON p.id = o.person_id
----
== Logical plan ==
Project name, amount
  UnionAll
    Join LEFT on id = person_id
      CsvScan ${data}/people.csv
      CsvScan ${data}/orders.csv
    Project NULL AS id, NULL AS name, NULL AS age, NULL AS city, order_id, person_id, amount, ts
      Join ANTI on person_id = id
        CsvScan ${data}/orders.csv
        CsvScan ${data}/people.csv
== Task graph ==
7 tasks: 4 partition, 2 build, 1 result; depth 4
  part-0-* (1 tasks, one per partition): CsvScan[all columns] -> collect rows
  part-2-* (1 tasks, one per partition): CsvScan[id] -> collect rows
  part-4-* (2 tasks, one per partition): CsvScan[all columns] -> Probe build-1 -> Project [name, amount] (and 1 more shapes) -> collect rows

query floe-only
EXPLAIN SELECT p.name, o.amount FROM '${data}/people.csv' p, '${data}/orders.csv' o WHERE o.amount > 50
----
== Logical plan ==
Project name, amount
  Join INNER on 1 = 1
    CsvScan ${data}/people.csv
    Filter (amount > 50)
      CsvScan ${data}/orders.csv
== Task graph ==
4 tasks: 2 partition, 1 build, 1 result; depth 4
  part-0-* (1 tasks, one per partition): CsvScan[amount] -> Filter (amount > 50) -> collect rows
  part-2-* (1 tasks, one per partition): CsvScan[name] -> Probe build-1 -> Project [name, amount] -> collect rows

query floe-only
EXPLAIN SELECT name FROM '${data}/people.csv' WHERE id IN (SELECT person_id FROM '${data}/orders.csv')
----
== Logical plan ==
Project name
  Join SEMI on id = person_id
    CsvScan ${data}/people.csv
    Project person_id
      CsvScan ${data}/orders.csv
== Task graph ==
4 tasks: 2 partition, 1 build, 1 result; depth 4
  part-0-* (1 tasks, one per partition): CsvScan[person_id] -> Project [person_id] -> collect rows
  part-2-* (1 tasks, one per partition): CsvScan[id, name] -> Probe build-1 -> Project [name] -> collect rows

query floe-only
EXPLAIN SELECT name FROM '${data}/people.csv' WHERE id NOT IN (SELECT person_id FROM '${data}/orders.csv')
----
== Logical plan ==
Project name
  Filter ((__subquery_1_n = 0) OR ((id IS NOT NULL) AND (__subquery_1_nn = __subquery_1_n)))
    Join INNER on 1 = 1
      Join ANTI on id = person_id
        CsvScan ${data}/people.csv
        Project person_id
          CsvScan ${data}/orders.csv
      Aggregate keys=[] aggregates=[count_star() AS __subquery_1_n, count(person_id) AS __subquery_1_nn]
        Project person_id
          CsvScan ${data}/orders.csv
== Task graph ==
7 tasks: 2 partition, 2 build, 1 chunk, 1 finalize, 1 result; depth 5
  part-0-* (1 tasks, one per partition): CsvScan[person_id] -> Project [person_id] -> collect rows
  chunk-2-* (1 tasks, one per partition): CsvScan[person_id] -> Project [person_id] -> partial aggregate
  part-5-* (1 tasks, one per partition): CsvScan[id, name] -> Probe build-1 -> Probe build-4 -> Filter ((__subquery_1_n = 0) OR ((id IS NOT NULL) AND (__subquery_1_nn = __subquery_1_n))) -> Project [name] -> collect rows
