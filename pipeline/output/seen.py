"""What a run has written so far, kept on disk so that the main process stays flat in memory.

In: keys (doc_ids, sha256s, duplicate keys) as the writer meets them, one input after another.
Out: whether a key was met before, and the value first stored with it.

A corpus run must remember something of every input it wrote: the doc_ids (unique whatever their
case), and the sha256 and number-plus-issuer key of every original (``duplicate_of``). Held in
Python, that is about 0.5 KB per input, which a refresh of 100,000 unchanged notices pays in
the main process for nothing. :class:`DiskSet` and :class:`DiskMap` keep them in one SQLite
file in the run's temporary folder (no journal, no fsync: it is gone with the folder), with
SQLite's page cache as the only memory. They give what the writer asks of a ``set`` and a
``dict`` (``in``, ``add``, ``get``, ``setdefault``), so :class:`~.tables.Duplicates` takes
either.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Hashable
from pathlib import Path

#: Pages of SQLite's cache per store file (negative: KiB).
CACHE_KIB = 2048


def _text(key: Hashable) -> str:
    """A key as one text: a tuple's parts joined by NUL (none of them holds one)."""
    if isinstance(key, tuple):
        return "\0".join(map(str, key))
    return str(key)


class Store:
    """One SQLite file holding named :class:`DiskSet` and :class:`DiskMap` tables."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._db = sqlite3.connect(self.path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        self._db.execute("BEGIN")  # one transaction for the run: it is never read by another process

    def table(self, name: str) -> str:
        if not name.isidentifier():
            raise ValueError(f"not a table name: {name!r}")
        self._db.execute(f"CREATE TABLE IF NOT EXISTS {name} (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
        return name

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


class DiskMap:
    """Keys to texts, on disk: ``get``, ``setdefault``, ``in`` and ``len`` as a dict's."""

    def __init__(self, store: Store, name: str):
        self._db = store._db
        t = store.table(name)
        self._get = f"SELECT v FROM {t} WHERE k = ?"
        self._put = f"INSERT OR IGNORE INTO {t} (k, v) VALUES (?, ?)"
        self._count = f"SELECT count(*) FROM {t}"

    def get(self, key: Hashable, default: str | None = None) -> str | None:
        row = self._db.execute(self._get, (_text(key),)).fetchone()
        return default if row is None else row[0]

    def insert_new(self, key: Hashable, value: str | None) -> bool:
        """Store ``value`` for ``key`` unless it has one; whether it was stored."""
        return self._db.execute(self._put, (_text(key), value)).rowcount == 1

    def setdefault(self, key: Hashable, value: str) -> str:
        """The value of ``key``; ``value`` stored first when it has none."""
        if self.insert_new(key, value):
            return value
        return self.get(key)

    def __contains__(self, key: Hashable) -> bool:
        return self._db.execute(self._get, (_text(key),)).fetchone() is not None

    def __len__(self) -> int:
        return self._db.execute(self._count).fetchone()[0]


class DiskSet:
    """A set of keys, on disk: ``add``, ``in`` and ``len``; ``add_new`` tells whether it was new."""

    def __init__(self, store: Store, name: str):
        self._map = DiskMap(store, name)

    def add_new(self, key: Hashable) -> bool:
        """Add ``key``; False when it was there already."""
        return self._map.insert_new(key, None)

    def add(self, key: Hashable) -> None:
        self.add_new(key)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._map

    def __len__(self) -> int:
        return len(self._map)
