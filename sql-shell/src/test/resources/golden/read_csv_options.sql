# read_csv options under DuckDB's names (types, delim, nullstr, header, ignore_errors), checked by io.
# semi.csv: a;b / 1;NA / 2;x      bad.csv: id,value / 1,10 / 2,oops / 3,30

query
SELECT a, b FROM read_csv('${data}/semi.csv', delim = ';', nullstr = 'NA') ORDER BY a
----
1	NULL
2	x

query
SELECT column0, column1 FROM read_csv('${data}/semi.csv', delim = ';', header = false, nullstr = ['NA', 'x'])
----
a	b
1	NULL
2	NULL

query
SELECT id, value FROM read_csv('${data}/bad.csv', types = {'value': 'BIGINT'}, ignore_errors = true) ORDER BY id
----
1	10
3	30

query
SELECT id, value FROM read_csv('${data}/bad.csv', all_varchar = true) ORDER BY id
----
1	10
2	oops
3	30

statement error
SELECT * FROM read_csv('${data}/semi.csv', delim = ';;')
----
read_csv option delim = ';;'

statement error
SELECT * FROM read_csv('${data}/semi.csv', types = {'a': 'INTEGR'})
----
unknown type 'INTEGR' for column 'a'
