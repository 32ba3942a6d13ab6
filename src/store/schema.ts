// The store's tables. One database per briefings folder; a row per file, keyed by its path inside the
// folder, with the stamps that tell whether the file changed, the summary columns `list` and the
// first frame read, and what the story needs of the file in tables of its own. The whole parsed
// briefing is kept apart (`briefings`), read only by `print` and `list --json`, never by a load; what
// actors are resolved from is kept apart (`actor_inputs`), read only when actors.yaml changes.
//
// The schema version is SQLite's user_version; the program's version and its parser's hash are in
// `meta`. Any other version (an older program, a newer one, a database that is not ours) means the
// tables are dropped and made again: the store is a cache, the files are the truth.

export const SCHEMA_VERSION = 14;

export const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE files (
  id INTEGER PRIMARY KEY,
  rel_path TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  ctime_ms REAL NOT NULL,
  ino INTEGER NOT NULL,
  hash TEXT NOT NULL,
  -- The summary (null bid: the file did not load as a briefing).
  bid TEXT,
  date TEXT,
  title TEXT,
  actors TEXT,
  tags TEXT,
  story TEXT,
  -- A checksum of the summary columns: a flipped bit inside a row is found and the file read again.
  ssum TEXT
);
CREATE INDEX files_bid ON files (bid);

-- What the story needs of a loaded file beyond its summary: events, glossary lines, what the text
-- says of unknown actors, what to watch, report words (briefing/digest.ts), as compact JSON with a
-- checksum: SQLite finds a damaged page, not a flipped bit inside a row.
CREATE TABLE digests (
  file_id INTEGER PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  sum TEXT NOT NULL
);

-- What each loaded file's actors are resolved from, so a change of actors.yaml resolves them again
-- without reading a file (actor-inputs.ts): a blob (UTF-8 JSON) with a checksum.
CREATE TABLE actor_inputs (
  file_id INTEGER PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
  body BLOB NOT NULL,
  sum TEXT NOT NULL
);

-- The whole briefing as parsed (JSON, load/stored-briefing.ts), with the hash of the actor registry
-- it was parsed under: what 'print' and 'list --json' show of a file whose stamps still match, without
-- loading the parser. Only those two commands read it.
CREATE TABLE briefings (
  file_id INTEGER PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
  registry TEXT NOT NULL,
  body TEXT NOT NULL,
  sum TEXT NOT NULL
);

-- The glossary terms each file defines (by key), and the files whose text uses each term.
CREATE TABLE terms (
  key TEXT NOT NULL,
  file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  PRIMARY KEY (key, file_id)
) WITHOUT ROWID;
CREATE INDEX terms_file ON terms (file_id);
CREATE TABLE term_uses (
  key TEXT NOT NULL,
  file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  PRIMARY KEY (key, file_id)
) WITHOUT ROWID;
CREATE INDEX term_uses_file ON term_uses (file_id);

-- Each loaded file's glossary lines, [[term, definition], ...] in its order, with a checksum
-- (glossary.ts): the merged glossary is read from here without decoding a digest. No row: none.
CREATE TABLE glossaries (
  file_id INTEGER PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
  body TEXT NOT NULL,
  sum TEXT NOT NULL
);

CREATE TABLE problems (
  file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  path TEXT,
  line INTEGER,
  message TEXT NOT NULL,
  severity TEXT NOT NULL
);
CREATE INDEX problems_file ON problems (file_id);

-- The timeline as a derived table (store/timeline.ts), kept up to date file by file by the sync: each
-- loaded file's own entry (seq 0, when dated) and its dated events, with what orders them (the
-- timeline's sort key, then the briefing's story order: date, undated last, path), so reading the
-- timeline is a walk of one index. \`day\` is set for the events the conflict search compares.
CREATE TABLE events (
  -- Never reused: a story on screen fetches its rows by id, and must not get another event's text.
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  sort_key TEXT NOT NULL,
  bdate TEXT,
  rel_path TEXT NOT NULL,
  date TEXT NOT NULL,
  code INTEGER NOT NULL,
  precision TEXT NOT NULL,
  text TEXT NOT NULL,
  line INTEGER NOT NULL,
  flags INTEGER NOT NULL,
  day INTEGER,
  -- Who a conflicting event names, as JSON [[date, file_id], ...] (timeline.ts conflictPartners); null: none.
  -- The pairs are not stored: a day's are found again by the search when its events change.
  partners TEXT
);
-- Covering: the order, dates and files of the whole timeline are read from the index alone.
CREATE INDEX events_order ON events (sort_key, bdate IS NULL, bdate, rel_path, seq, code, file_id);
CREATE INDEX events_file ON events (file_id);
CREATE INDEX events_day ON events (day) WHERE day IS NOT NULL;

-- Contentless: the index answers which files match; no copy of the text is kept. The prefix indexes
-- answer the first three letters typed in a search: without them every term starting with "s" or
-- "exp" is merged at each keystroke (at 100k briefings 130-990 ms; 10-20 ms with them, for an index
-- of 360 MB instead of 130: docs/performance-log.md, work-big).
CREATE VIRTUAL TABLE search USING fts5 (
  title, body,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
CREATE TRIGGER files_search_delete AFTER DELETE ON files BEGIN
  DELETE FROM search WHERE rowid = old.id;
END;
`;

/** Every table, index and trigger SCHEMA makes (and older schemas made), for a rebuild in place. */
export const DROP = `
DROP TRIGGER IF EXISTS files_search_delete;
DROP TABLE IF EXISTS search;
DROP TABLE IF EXISTS conflicts;
DROP TABLE IF EXISTS problems;
DROP TABLE IF EXISTS term_uses;
DROP TABLE IF EXISTS terms;
DROP TABLE IF EXISTS glossary;
DROP TABLE IF EXISTS glossaries;
DROP TABLE IF EXISTS actors;
DROP TABLE IF EXISTS events;
DROP TABLE IF EXISTS actor_inputs;
DROP TABLE IF EXISTS briefings;
DROP TABLE IF EXISTS digests;
DROP TABLE IF EXISTS file_data;
DROP TABLE IF EXISTS files;
DROP TABLE IF EXISTS dirs;
DROP TABLE IF EXISTS meta;
`;
