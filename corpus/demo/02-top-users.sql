-- The three most active users of each plan and day, joined to the users dimension, with a window and QUALIFY.
CREATE OR REPLACE TEMPORARY VIEW events USING parquet OPTIONS (path 'data/demo/events');
CREATE OR REPLACE TEMPORARY VIEW users USING parquet OPTIONS (path 'data/demo/users');

WITH daily AS (
  SELECT e.event_date, u.plan, e.user_id, count(*) AS events
  FROM events e JOIN users u ON e.user_id = u.user_id
  GROUP BY e.event_date, u.plan, e.user_id
)
SELECT event_date, plan, user_id, events,
       rank() OVER (PARTITION BY event_date, plan ORDER BY events DESC) AS rnk
FROM daily
QUALIFY rnk <= 3
ORDER BY event_date, plan, rnk;
