"""The code catalog tables: SKS codes (one row per validity period), LPR3 named lists, SOR units, meta.

`catalog_migrations` is a named sqlite-utils migration set; the store applies it after its own set.
Never rename or edit a shipped migration: add a new one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

catalog_migrations = Migrations("seilocal.catalog")

CODES = "catalog_codes"
WORDS_FTS = "catalog_codes_words"
GRAMS_FTS = "catalog_codes_grams"
LISTS = "catalog_list_members"
SOR = "catalog_sor_units"
SOR_GRAMS = "catalog_sor_grams"
META = "catalog_meta"
LIST_IMPORTS = "catalog_list_imports"


@catalog_migrations()
def m001_catalog_tables(db: Database) -> None:
    """Create the catalog tables, their indexes, and the FTS5 indexes kept in step by triggers."""
    # code_key/text_key hold casefolded copies: SQLite's LIKE and lower() fold ASCII only, and Danish
    # users type "æg" for "Æg". Dates are ISO strings, so they compare correctly as text.
    db.execute(f"""
        CREATE TABLE {CODES} (
            id INTEGER PRIMARY KEY,
            code TEXT NOT NULL,
            code_key TEXT NOT NULL,
            text TEXT NOT NULL,
            text_key TEXT NOT NULL,
            hay TEXT GENERATED ALWAYS AS (code_key || ' ' || text_key) VIRTUAL,
            record_type TEXT,
            valid_from TEXT,
            valid_to TEXT,
            changed TEXT,
            source TEXT NOT NULL CHECK (source IN ('starter', 'sks')),
            verified INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute(f"CREATE INDEX {CODES}_key ON {CODES}(code_key, valid_from)")
    db.execute(f"CREATE INDEX {CODES}_code ON {CODES}(code, valid_from)")
    # Word-prefix search ("begynder med"); remove_diacritics 0 keeps å apart from a. detail=none keeps
    # the index small: a multi-word input becomes an AND of word prefixes, not a phrase.
    db.execute(f"""
        CREATE VIRTUAL TABLE {WORDS_FTS} USING fts5(
            text_key, content='{CODES}', content_rowid='id',
            tokenize='unicode61 remove_diacritics 0', prefix='1 2 3', detail='none')""")
    # Substring search ("indeholder") for 3+ characters, queried with GLOB over the folded `hay`;
    # detail=none makes it 4x smaller and SQLite re-checks every candidate against the pattern.
    db.execute(f"""
        CREATE VIRTUAL TABLE {GRAMS_FTS} USING fts5(
            hay, content='{CODES}', content_rowid='id', tokenize='trigram', detail='none')""")
    _create_fts_triggers(db)
    db.execute(f"""
        CREATE TABLE {LISTS} (
            id INTEGER PRIMARY KEY,
            list_name TEXT NOT NULL,
            member TEXT NOT NULL,
            match TEXT NOT NULL CHECK (match IN ('code', 'prefix')),
            valid_from TEXT,
            valid_to TEXT,
            source TEXT NOT NULL DEFAULT 'starter',
            verified INTEGER NOT NULL DEFAULT 0
        )""")
    db.execute(f"CREATE INDEX {LISTS}_name ON {LISTS}(list_name, member)")
    db.execute(f"""
        CREATE TABLE {SOR} (
            sor_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            level TEXT CHECK (level IN ('SI', 'OE') OR level IS NULL),
            owner_type TEXT CHECK (
                owner_type IN ('statslig', 'regional', 'kommunal', 'privat') OR owner_type IS NULL),
            cvr TEXT,
            ydernummer TEXT,
            unit_type TEXT,
            parent TEXT,
            valid_from TEXT,
            valid_to TEXT,
            source TEXT NOT NULL CHECK (source IN ('starter', 'sor'))
        )""")
    db.execute(f"CREATE INDEX {SOR}_cvr ON {SOR}(cvr)")
    db.execute(f"CREATE INDEX {SOR}_owner ON {SOR}(owner_type)")
    db.execute(f"CREATE TABLE {META} (key TEXT PRIMARY KEY, value TEXT)")


@catalog_migrations()
def m002_list_imports(db: Database) -> None:
    """Record, per named list, the official import that brought its members (when, from which file)."""
    db.execute(f"""
        CREATE TABLE {LIST_IMPORTS} (
            list_name TEXT PRIMARY KEY,
            imported_at TEXT NOT NULL,
            file_name TEXT NOT NULL,
            members INTEGER NOT NULL
        )""")


@catalog_migrations()
def m003_sor_speciality(db: Database) -> None:
    """SOR units get their main speciality (or unit type code) where the SOR file has it."""
    db.execute(f"ALTER TABLE {SOR} ADD COLUMN speciality TEXT")


@catalog_migrations()
def m004_sor2_entity_fields(db: Database) -> None:
    """SOR units as SOR2 describes them: the SI a unit belongs to (code and name), SOR2's own entity type
    (SI, OE and others, which `level` cannot hold), its organisational level; indexes for the look-ups of a
    full SOR file (~40,000 units): by folded name, and by owner type in name order."""
    for column in ("si_id", "si_name", "sor_type", "org_level"):
        db.execute(f"ALTER TABLE {SOR} ADD COLUMN {column} TEXT")
    db.execute(f"CREATE INDEX {SOR}_name ON {SOR}(name_key)")
    db.execute(f"CREATE INDEX {SOR}_owner_name ON {SOR}(owner_type, name_key)")
    # "Contains" over 40,000 names is a 30 ms scan; a trigram index answers GLOB '*text*' for 3+ characters.
    # It follows the table's rowid (the table has no INTEGER PRIMARY KEY; SQLite keeps rowids except on
    # VACUUM, which the app never runs, and every SOR import rebuilds the index anyway).
    db.execute(f"""
        CREATE VIRTUAL TABLE {SOR_GRAMS} USING fts5(
            name_key, content='{SOR}', content_rowid='rowid', tokenize='trigram', detail='none')""")
    db.execute(f"""
        CREATE TRIGGER {SOR}_ai AFTER INSERT ON {SOR} BEGIN
            INSERT INTO {SOR_GRAMS}(rowid, name_key) VALUES (new.rowid, new.name_key);
        END""")
    db.execute(f"""
        CREATE TRIGGER {SOR}_ad AFTER DELETE ON {SOR} BEGIN
            INSERT INTO {SOR_GRAMS}({SOR_GRAMS}, rowid, name_key) VALUES ('delete', old.rowid, old.name_key);
        END""")
    db.execute(f"""
        CREATE TRIGGER {SOR}_au AFTER UPDATE OF name_key ON {SOR} BEGIN
            INSERT INTO {SOR_GRAMS}({SOR_GRAMS}, rowid, name_key) VALUES ('delete', old.rowid, old.name_key);
            INSERT INTO {SOR_GRAMS}(rowid, name_key) VALUES (new.rowid, new.name_key);
        END""")
    db.execute(f"INSERT INTO {SOR_GRAMS}({SOR_GRAMS}) VALUES ('rebuild')")


def _create_fts_triggers(db: Database) -> None:
    """The triggers of m001 that keep both FTS5 indexes in step with catalog_codes (frozen with m001)."""
    words_cols, grams_cols = "rowid, text_key", "rowid, hay"
    old_words, old_grams = "'delete', old.id, old.text_key", "'delete', old.id, old.hay"
    db.execute(f"""
        CREATE TRIGGER IF NOT EXISTS {CODES}_ai AFTER INSERT ON {CODES} BEGIN
            INSERT INTO {WORDS_FTS}({words_cols}) VALUES (new.id, new.text_key);
            INSERT INTO {GRAMS_FTS}({grams_cols}) VALUES (new.id, new.hay);
        END""")
    db.execute(f"""
        CREATE TRIGGER IF NOT EXISTS {CODES}_ad AFTER DELETE ON {CODES} BEGIN
            INSERT INTO {WORDS_FTS}({WORDS_FTS}, {words_cols}) VALUES ({old_words});
            INSERT INTO {GRAMS_FTS}({GRAMS_FTS}, {grams_cols}) VALUES ({old_grams});
        END""")
    db.execute(f"""
        CREATE TRIGGER IF NOT EXISTS {CODES}_au AFTER UPDATE OF code_key, text_key ON {CODES} BEGIN
            INSERT INTO {WORDS_FTS}({WORDS_FTS}, {words_cols}) VALUES ({old_words});
            INSERT INTO {GRAMS_FTS}({GRAMS_FTS}, {grams_cols}) VALUES ({old_grams});
            INSERT INTO {WORDS_FTS}({words_cols}) VALUES (new.id, new.text_key);
            INSERT INTO {GRAMS_FTS}({grams_cols}) VALUES (new.id, new.hay);
        END""")


@contextmanager
def fts_triggers_suspended(db: Database) -> Iterator[None]:
    """Inside the caller's transaction: drop the FTS triggers, let a bulk write run, rebuild, restore them.

    Row triggers cost about 5x a rebuild for a first import of 200,000 codes. The trigger SQL is read
    back from sqlite_master, so a later migration that changes the triggers is respected.
    """
    triggers = db.conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (CODES,)
    ).fetchall()
    for name, _ in triggers:
        db.execute(f"DROP TRIGGER {name}")
    yield
    for table in (WORDS_FTS, GRAMS_FTS):
        db.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")
    for _, sql in triggers:
        db.execute(sql)


def apply_catalog_schema(db: Database) -> None:
    """Apply the pending catalog migrations (for tests, benchmarks and the CLI of a bare database)."""
    catalog_migrations.apply(db)


def get_meta(db: Database, key: str) -> str | None:
    """One value of the catalog meta table, or None."""
    row = db.conn.execute(f"SELECT value FROM {META} WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def set_meta(db: Database, key: str, value: str) -> None:
    """Set one value of the catalog meta table (part of the caller's transaction)."""
    db.execute(
        f"INSERT INTO {META}(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


LIST_EVIDENCE = "catalog_list_evidence"


@catalog_migrations()
def m004_list_evidence(db: Database) -> None:
    """Per list derived from the bundled SKS data: why it is that list (heading, node or record type)."""
    db.execute(f"""
        CREATE TABLE {LIST_EVIDENCE} (
            list_name TEXT PRIMARY KEY,
            evidence TEXT NOT NULL,
            members INTEGER NOT NULL
        )""")
    # The search asks "is this code a plain member" and "which prefix members" per list: one index for both.
    db.execute(f"CREATE INDEX {LISTS}_match ON {LISTS}(list_name, match, member)")
    # A list that is an SKS record type (proc.opr, diag, ...) is searched by the codes' own record type.
    db.execute(f"CREATE INDEX {CODES}_type ON {CODES}(record_type, code_key)")
