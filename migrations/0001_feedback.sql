-- Feedback on answers and the questions the plan did not fully answer. Every text column is redacted before it is
-- written (src/answer/redact.ts); no IP address or other identifier of a person is kept. `day` is the Beijing date
-- (UTC+8) the row belongs to: reports and retention work on it.

CREATE TABLE feedback (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  day TEXT NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  question TEXT NOT NULL,
  answer TEXT,
  clauses TEXT NOT NULL DEFAULT '[]',
  mode TEXT,
  coverage TEXT,
  comment TEXT
);
CREATE INDEX feedback_by_day ON feedback (day);

-- Questions answered with coverage "none" (declined) or "partial".
CREATE TABLE unanswered (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  day TEXT NOT NULL,
  question TEXT NOT NULL,
  coverage TEXT NOT NULL CHECK (coverage IN ('none', 'partial')),
  clauses TEXT NOT NULL DEFAULT '[]',
  channel TEXT NOT NULL
);
CREATE INDEX unanswered_by_day ON unanswered (day);

-- Counts only, no text: every question asked, by day, channel and coverage.
CREATE TABLE ask_counts (
  day TEXT NOT NULL,
  channel TEXT NOT NULL,
  coverage TEXT NOT NULL,
  asks INTEGER NOT NULL,
  PRIMARY KEY (day, channel, coverage)
);

-- Counts only: how often each clause was cited in an answer, by day.
CREATE TABLE clause_counts (
  day TEXT NOT NULL,
  clause TEXT NOT NULL,
  asks INTEGER NOT NULL,
  PRIMARY KEY (day, clause)
);
