-- Revenue per day and country from a week of events, Hive-partitioned by event_date.
-- The filter on event_date touches only the partition column: a scan need only read the days it names.
CREATE OR REPLACE TEMPORARY VIEW events USING parquet OPTIONS (path 'data/demo/events');

SELECT event_date,
       country,
       count(*)              AS purchases,
       round(sum(value), 2)  AS revenue
FROM events
WHERE event_type = 'purchase'
  AND event_date BETWEEN DATE '2024-01-03' AND DATE '2024-01-05'
GROUP BY event_date, country
ORDER BY event_date, revenue DESC;
