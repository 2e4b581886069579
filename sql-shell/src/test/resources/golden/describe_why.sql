# DESCRIBE of a CSV source says why each column has its type: the value that decided it, and where.
# zips.csv: zip,n,price,day / 10115,1,10,2024-01-01 / 20095,2,12,2024-01-02 / 08123,3,12.5,2024-01-03 08:00:00

query floe-only
DESCRIBE '${data}/zips.csv'
----
zip	VARCHAR	inferred from sampled rows (sample_size 1000)	VARCHAR: '08123' at ${data}/zips.csv line 4 has a leading zero (an identifier: kept as text)
n	BIGINT	inferred from sampled rows (sample_size 1000)	BIGINT: 3 values sampled from 1 file, all integers
price	DOUBLE	inferred from sampled rows (sample_size 1000)	DOUBLE: 3 values sampled from 1 file, all numbers; '12.5' at ${data}/zips.csv line 4 is not an integer
day	TIMESTAMP	inferred from sampled rows (sample_size 1000)	TIMESTAMP: 3 values sampled from 1 file, all ISO 8601 timestamps; '2024-01-03 08:00:00' at ${data}/zips.csv line 4 has a time of day

query floe-only
DESCRIBE read_csv('${data}/zips.csv', types = {'zip': 'VARCHAR', 'price': 'DOUBLE'})
----
zip	VARCHAR	declared (types)	VARCHAR: declared by types = {'zip': 'VARCHAR'}
n	BIGINT	inferred from sampled rows (sample_size 1000)	BIGINT: 3 values sampled from 1 file, all integers
price	DOUBLE	declared (types)	DOUBLE: declared by types = {'price': 'DOUBLE'}
day	TIMESTAMP	inferred from sampled rows (sample_size 1000)	TIMESTAMP: 3 values sampled from 1 file, all ISO 8601 timestamps; '2024-01-03 08:00:00' at ${data}/zips.csv line 4 has a time of day

query floe-only
DESCRIBE read_csv('${data}/zips.csv', all_varchar = true)
----
zip	VARCHAR	all_varchar	VARCHAR: all_varchar = true
n	VARCHAR	all_varchar	VARCHAR: all_varchar = true
price	VARCHAR	all_varchar	VARCHAR: all_varchar = true
day	VARCHAR	all_varchar	VARCHAR: all_varchar = true
