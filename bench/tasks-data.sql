-- The state in which PostgreSQL once walked the primary key for GET /tasks?status=open: 8,378 older tasks, almost
-- all closed, then 70,000 open ones with the highest ids (what a burst of POST /tasks leaves). ListPlanTest builds
-- the same shape. Run on a schema mc-api has migrated.
INSERT INTO tasks (title, status, assignee, tags, priority)
SELECT 'legacy ' || g, CASE WHEN g % 200 = 0 THEN 'open' WHEN g % 3 = 0 THEN 'cancelled' ELSE 'done' END,
       CASE WHEN g % 2 = 0 THEN 'kelsey' END, '{legacy}', g % 6
FROM generate_series(1, 8378) g;
ANALYZE tasks;
INSERT INTO tasks (title, status, tags, priority) SELECT 'bench task', 'open', '{bench}', 1 FROM generate_series(1, 70000);
ANALYZE tasks;
