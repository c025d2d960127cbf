-- Events per type in 10-minute time buckets, as a structured-streaming style batch aggregation.
CREATE OR REPLACE TEMPORARY VIEW events USING parquet OPTIONS (path 'data/demo/events');

SELECT window(ts, '10 minutes') AS bucket, event_type, count(*) AS n
FROM events
WHERE event_date = DATE '2024-01-01'
GROUP BY window(ts, '10 minutes'), event_type
ORDER BY bucket, n DESC
LIMIT 20;
