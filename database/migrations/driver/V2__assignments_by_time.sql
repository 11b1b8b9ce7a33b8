-- Admin analytics (issue #9): driver utilization reads the assignments overlapping a time range.
CREATE INDEX assignments_by_time ON assignments (assigned_at);
