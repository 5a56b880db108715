-- The original Athena query (find_unengaged_users.sql beside this file) in its production form.
-- It differs from the original in exactly three places, and a test (ParameterisedAthenaQueryTest) proves it:
--   1. the source table is "${database}"."${table}" instead of "pinpoint-events"."[REENGAGEMENT_S3_TABLENAME]";
--   2. every current_date is DATE '${as_of}', so a run for a past day can be repeated;
--   3. the dataset CTE also requires arrival_timestamp < ${until_epoch_millis} (the job's --until, exclusive),
--      so a rerun with the same as-of and until sees the same events however much has arrived since.
--
-- Each placeholder below is replaced as plain text (every occurrence, comments included) before the query
-- is sent; the caller validates each value first, because the replacement is textual:
--   ${database}            Glue database of the events table, an identifier without double quotes
--   ${table}               Glue table over the Firehose events (JSON SerDe, facets as the nested struct)
--   ${as_of}               the as-of date, YYYY-MM-DD (UTC); plays the role of current_date
--   ${until_epoch_millis}  exclusive upper bound on arrival_timestamp, epoch milliseconds, digits only
-- Windows (10 and 6 months) and the threshold (> 5) are the original's; a run with other --*-window-months or
-- --min-delivered values has no Athena counterpart.
WITH dataset AS (
  SELECT
    facets.email_channel.mail_event.mail.destination as emailaddresses,
    event_type,
    arrival_timestamp
  FROM "${database}"."${table}"
  WHERE
    arrival_timestamp < ${until_epoch_millis} AND (
    (event_type = '_email.delivered' AND from_unixtime(arrival_timestamp/1000) > date_add('month', -10, DATE '${as_of}'))
   OR
    (event_type IN ('_email.open', '_email.click') AND from_unixtime(arrival_timestamp/1000) > date_add('month', -6, DATE '${as_of}'))
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
  SELECT emailaddress, delivered_timestamp, engagement_timestamp
  FROM joined
  CROSS JOIN UNNEST(emailaddresses) as t(emailaddress)
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
  max_delivered_timestamp AS "Attributes.max_delivered_timestamp",
  min_delivered_timestamp AS "Attributes.min_delivered_timestamp",
  last_engagement AS "Attributes.last_engagement",
  num_delivered AS "Attributes.num_delivered"
FROM min_max
WHERE last_engagement IS NULL -- No Engagement in the last 6 months
  AND from_unixtime(min_delivered_timestamp/1000) < date_add('month', -6, DATE '${as_of}') -- Emails started more than 6 months ago
  AND num_delivered > 5 -- Has at least 5 delivered emails
