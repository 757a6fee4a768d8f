-- Filters of GET /tasks and the stats queries.
CREATE INDEX tasks_status_idx ON tasks (status, id);
CREATE INDEX tasks_assignee_idx ON tasks (assignee, id);
CREATE INDEX tasks_updated_idx ON tasks (updated_at);
CREATE INDEX tasks_closed_idx ON tasks (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX tasks_tags_idx ON tasks USING gin (tags);
