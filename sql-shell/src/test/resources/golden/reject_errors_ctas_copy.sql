# Regression: reject_errors was filled only by SELECT. CREATE TABLE ... AS and COPY that read with
# store_rejects = true fill it too (and replace it, as the next SELECT that stores rejects does).
# rejects.csv: id,value,note / 1,10,a / 2,oops,b / 3,30,"multi<LF>line" / 4,x4,d / 5,50,e / 6,60 / 7,70,g,extra

statement ok floe-only
CREATE TABLE kept AS SELECT id, value FROM read_csv('${data}/rejects.csv', types = {'value': 'BIGINT'}, store_rejects = true)

query floe-only
SELECT line, byte_position, column_name, csv_line FROM reject_errors ORDER BY line
----
3	21	value	2,oops,b
6	48	value	4,x4,d
8	62	note	6,60
9	67	NULL	7,70,g,extra

query floe-only
SELECT id, value FROM kept ORDER BY id
----
1	10
3	30
5	50

statement ok floe-only
COPY (SELECT id, note FROM read_csv('${data}/rejects.csv', store_rejects = true, block_size = 16)) TO '${tmp}/copied.csv'

query floe-only
SELECT line, column_name, csv_line FROM reject_errors ORDER BY line
----
8	note	6,60
9	NULL	7,70,g,extra

query floe-only
SELECT count(*) FROM read_csv('${tmp}/copied.csv')
----
5

# a table the user called reject_errors is theirs: a COPY that stores rejects leaves it alone
statement ok floe-only
DROP TABLE reject_errors

statement ok floe-only
CREATE TABLE reject_errors AS SELECT id FROM kept

statement ok floe-only
COPY (SELECT * FROM read_csv('${data}/rejects.csv', store_rejects = true)) TO '${tmp}/again.csv'

query floe-only
SELECT id FROM reject_errors ORDER BY id
----
1
3
5
