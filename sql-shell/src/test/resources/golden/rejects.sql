# store_rejects: the rejected rows of a query in the reject_errors table, as DuckDB has it.
# rejects.csv: id,value,note / 1,10,a / 2,oops,b / 3,30,"multi<LF>line" / 4,x4,d / 5,50,e / 6,60 / 7,70,g,extra

query
SELECT id, value FROM read_csv('${data}/rejects.csv', types = {'value': 'BIGINT'}, store_rejects = true) ORDER BY id
----
1	10
3	30
5	50

query floe-only
SELECT * FROM reject_errors ORDER BY line
----
${data}/rejects.csv	3	21	value	2,oops,b	${data}/rejects.csv line 3 (byte 21), column 'value': cannot read 'oops' as BIGINT; record: 2,oops,b; declare the column's type (types = {'value': 'VARCHAR'}) or fix the file
${data}/rejects.csv	6	48	value	4,x4,d	${data}/rejects.csv line 6 (byte 48), column 'value': cannot read 'x4' as BIGINT; record: 4,x4,d; declare the column's type (types = {'value': 'VARCHAR'}) or fix the file
${data}/rejects.csv	8	62	note	6,60	${data}/rejects.csv line 8 (byte 62): expected 3 fields (id, value, note) but found 2; record: 6,60; fix the file (every row needs one field per header column, or null_padding = true reads missing fields as NULL)
${data}/rejects.csv	9	67	NULL	7,70,g,extra	${data}/rejects.csv line 9 (byte 67): expected 3 fields (id, value, note) but found more than 3; record: 7,70,g,extra; fix the file (every row needs one field per header column)

# DuckDB agrees on the columns they share (before the quoted line break: DuckDB counts that record as one
# line; Floe's line is the physical line in the file, so '4,x4,d' is on line 6, DuckDB says 5)
query
SELECT line, column_name, csv_line FROM reject_errors WHERE line < 4 ORDER BY line
----
3	value	2,oops,b

query floe-only
SELECT line, column_name, csv_line FROM reject_errors WHERE column_name = 'value' ORDER BY line
----
3	value	2,oops,b
6	value	4,x4,d

query floe-only
SELECT count(*) FROM reject_errors
----
4

query floe-only
SHOW TABLES
----
reject_errors	table

# the next query that stores rejects replaces the table
query floe-only
SELECT count(*) FROM read_csv('${data}/rejects.csv', store_rejects = true, block_size = 16)
----
5

query floe-only
SELECT line, byte_position, column_name, csv_line FROM reject_errors ORDER BY line
----
8	62	note	6,60
9	67	NULL	7,70,g,extra

statement error
SELECT * FROM read_csv('${data}/rejects.csv', store_rejects = true, ignore_errors = false)
----
read_csv options store_rejects = true and ignore_errors = false contradict each other: store_rejects skips bad rows to keep them in reject_errors; drop one

# max_rejects as a fraction applies to the whole query: 4 of its 7 rows are bad
statement error
SELECT count(*) FROM read_csv('${data}/rejects.csv', types = {'value': 'BIGINT'}, ignore_errors = true, max_rejects = 0.5, block_size = 16)
----
4 of 7 rows rejected (57.14%), more than max_rejects = 0.5 (50%) of the rows the query read

query floe-only
SELECT count(*) FROM read_csv('${data}/rejects.csv', types = {'value': 'BIGINT'}, ignore_errors = true, max_rejects = 0.6, block_size = 16)
----
3
