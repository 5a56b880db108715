-- The Athena query (../athena/find_unengaged_users.sql) ported to Spark SQL 3.5, statement by statement, for the
-- job's --cross-check. Every change of dialect is marked "Athena:" with the original text and why it differs.
--
-- Input: a temporary view named events with the job's parsed events (io.reengage.job.read.EventColumns):
--   event_type STRING, arrival_timestamp BIGINT, destination ARRAY<STRING>
-- where destination is facets.email_channel.mail_event.mail.destination of the Pinpoint record.
--
-- Placeholders, each replaced as plain text (every occurrence, comments included) before the text is parsed;
-- the caller passes validated values only:
--   ${as_of}                     the as-of date, YYYY-MM-DD; plays the role of current_date
--   ${until_epoch_millis}        exclusive upper bound on arrival_timestamp, epoch milliseconds (the job's --until)
--   ${delivered_window_months}   the query's 10 (--delivered-window-months), a non-negative integer
--   ${engagement_window_months}  the query's 6 (--engagement-window-months), a non-negative integer
--   ${min_delivered_exclusive}   the query's 5 in num_delivered > 5, that is --min-delivered minus 1
-- The engagement types are the query's two ('_email.open', '_email.click'); a run with other
-- --engagement-types has no counterpart here.
--
-- Requires spark.sql.session.timeZone=UTC (the job sets it). Like Athena, Spark compares a TIMESTAMP with a DATE
-- by turning the DATE into midnight of the session time zone; Athena's session zone is UTC.
--
-- Semantics are the query's, plus the until bound, which is the only addition. The output is exactly the
-- Pinpoint import columns, in order. Like the query, it keeps rows whose address is NULL, empty or
-- whitespace-only; the job drops those (a documented deviation from the query), so the cross-check applies the
-- job's unusable-address filter to this output before comparing. Dropping those rows after the aggregation
-- equals dropping them before it, because every aggregate is per address.
WITH dataset AS (
  SELECT
    -- Athena: facets.email_channel.mail_event.mail.destination; the job's reader has already pulled it out.
    destination AS emailaddresses,
    event_type,
    arrival_timestamp
  FROM events
  WHERE
    -- Not in the original query: the until bound, as in ../athena/find_unengaged_users_parameterised.sql.
    arrival_timestamp < ${until_epoch_millis} AND (
    -- Athena: from_unixtime(arrival_timestamp/1000) > date_add('month', -10, current_date)
    --   / on two BIGINTs is integer division in Athena but DOUBLE division in Spark: div truncates like Athena.
    --   from_unixtime returns a STRING in Spark: timestamp_seconds gives the TIMESTAMP Athena compares.
    --   date_add('month', n, d) is add_months(d, n); both clamp to the month's last day (08-31 - 6 = 02-28).
    --   current_date is the as-of date; the months are parenthesised so a value can never form a -- comment.
    (event_type = '_email.delivered' AND timestamp_seconds(arrival_timestamp div 1000) > add_months(DATE '${as_of}', -(${delivered_window_months})))
   OR
    (event_type IN ('_email.open', '_email.click') AND timestamp_seconds(arrival_timestamp div 1000) > add_months(DATE '${as_of}', -(${engagement_window_months})))
    )
),
delivered AS (
  SELECT
    emailaddresses,
    'DELIVERED' AS event_type,
    arrival_timestamp
  FROM dataset
  WHERE event_type = '_email.delivered'
),
engaged AS (
  SELECT
    emailaddresses,
    'ENGAGEMENT' AS event_type,
    arrival_timestamp
  FROM dataset
  WHERE event_type IN ('_email.open', '_email.click')
),
joined AS (
  -- UNION is DISTINCT in both dialects, over whole rows, arrays compared element by element in order.
  -- The NULL columns take the BIGINT type of the other branch in both.
  SELECT
    emailaddresses,
    arrival_timestamp AS delivered_timestamp,
    null AS engagement_timestamp
  FROM delivered
  UNION
  SELECT
    emailaddresses,
    null AS delivered_timestamp,
    arrival_timestamp AS engagement_timestamp
  FROM engaged
),
flatten AS (
  -- Athena: FROM joined CROSS JOIN UNNEST(emailaddresses) as t(emailaddress)
  --   explode, like UNNEST, yields one row per element (repeats and NULL elements included) and none for a
  --   NULL or empty array.
  SELECT emailaddress, delivered_timestamp, engagement_timestamp
  FROM joined
  LATERAL VIEW explode(emailaddresses) t AS emailaddress
),
min_max AS (
  SELECT
    emailaddress,
    MAX(delivered_timestamp) AS max_delivered_timestamp,
    MIN(delivered_timestamp) AS min_delivered_timestamp,
    MAX(engagement_timestamp) AS last_engagement,
    COUNT(delivered_timestamp) AS num_delivered
  FROM flatten
  GROUP BY emailaddress
)
SELECT
  'EMAIL' AS ChannelType,
  emailaddress AS Id,
  emailaddress AS Address,
  -- Athena: "Attributes.max_delivered_timestamp"; double quotes make a string literal in Spark, backticks an
  -- identifier, and the dot stays part of the column name.
  max_delivered_timestamp AS `Attributes.max_delivered_timestamp`,
  min_delivered_timestamp AS `Attributes.min_delivered_timestamp`,
  last_engagement AS `Attributes.last_engagement`,
  num_delivered AS `Attributes.num_delivered`
FROM min_max
WHERE last_engagement IS NULL -- No Engagement in the last 6 months
  -- Athena: from_unixtime(min_delivered_timestamp/1000) < date_add('month', -6, current_date), as in dataset.
  AND timestamp_seconds(min_delivered_timestamp div 1000) < add_months(DATE '${as_of}', -(${engagement_window_months})) -- Emails started more than 6 months ago
  -- Athena: num_delivered > 5
  AND num_delivered > ${min_delivered_exclusive} - 1 -- Has at least 5 delivered emails
