# SET threads / memory_limit / split_every / block_size / format, and COPY ... TO.

statement ok
SET threads = 2

statement ok
SET memory_limit = '1GB'

statement ok floe-only
SET split_every TO 2

# 16-byte blocks: orders.csv is read as many byte-range splits; the answers must not change.
statement ok floe-only
SET block_size = 16

query
SELECT count(*), sum(amount), min(order_id), max(order_id) FROM '${data}/orders.csv'
----
6	175.0	10	15

query
SELECT person_id, count(*) FROM '${data}/orders.csv' GROUP BY 1 ORDER BY 1
----
1	2
2	1
3	2
9	1

statement error
SET split_every = 1
----
split_every must be at least 2, got 1

statement error
SET thread = 4
----
unknown setting 'thread'; did you mean 'threads'?

statement error
SET memory_limit = 'lots'
----
cannot read 'lots' as a size

statement ok floe-only
SET format = 'json'

statement error
SET format = 'yaml'
----
unknown format 'yaml'; formats: table, csv, json, markdown

query floe-only
COPY (SELECT id, name FROM '${data}/people.csv' WHERE age > 26 ORDER BY id) TO '${tmp}/out.csv' (FORMAT csv)
----
Wrote 2 rows to ${tmp}/out.csv

query floe-only
SELECT * FROM '${tmp}/out.csv' ORDER BY id
----
1	alice
4	dave

query floe-only
COPY (SELECT * FROM '${data}/people.csv') TO '${tmp}/people.arrow' (FORMAT arrow)
----
Wrote 5 rows to ${tmp}/people.arrow

statement error
COPY (SELECT * FROM '${data}/people.csv') TO '${tmp}/x.parquet' (FORMAT parquet)
----
COPY FORMAT must be csv or arrow, not parquet

query floe-only
COPY (SELECT id, name FROM '${data}/people.csv' WHERE id = 2) TO '${tmp}/nohead.csv' (FORMAT csv, HEADER false, DELIMITER '|')
----
Wrote 1 row to ${tmp}/nohead.csv

query floe-only
SELECT * FROM read_csv('${tmp}/nohead.csv', header = false, delim = '|')
----
2	bob

query floe-only
COPY (SELECT * FROM '${data}/orders.csv') TO '${tmp}/parts' (FORMAT csv, PER_PARTITION true)
----
Wrote 6 rows to ${tmp}/parts

query floe-only
SELECT count(*), sum(amount) FROM '${tmp}/parts/*.csv'
----
6	175.0

query floe-only
COPY (SELECT * FROM '${data}/orders.csv') TO '${tmp}/slashed/' (FORMAT csv)
----
Wrote 6 rows to ${tmp}/slashed/

query floe-only
SELECT count(*), sum(amount) FROM '${tmp}/slashed/part-*.csv'
----
6	175.0

statement error
COPY (SELECT * FROM '${data}/orders.csv') TO '${tmp}/x.csv' (COMPRESSION gzip)
----
unknown COPY option 'compression'; options: delimiter, format, header, nullstr, per_partition, quote
