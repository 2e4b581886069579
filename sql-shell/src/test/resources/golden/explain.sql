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
