-- GET /tasks?status=…&assignee=…: both filters and then id order from one index, so a page reads only its own rows.
-- TaskQuery explains the query shapes that make the planner use it and (status, id) / (assignee, id) for one filter.
CREATE INDEX tasks_status_assignee_idx ON tasks (status, assignee, id);
