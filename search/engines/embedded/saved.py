"""The index snapshot saved to a file, so the app processes of one machine share one load.

Loading the snapshot from the index table parses every row again: about 3.5 s at 20,000
services and 8 s at 50,000 on the development machine, in every app process, after every
restart, every recycled worker and every full rebuild. Read back from this file it takes
about 0.4 s at 20,000 (``benchmarks/search.py`` prints both).

The file is a cache and never the truth. It starts with a small header: the fingerprint of
the code that wrote it and the ``indexed_at`` of every entry. A process compares those with
the table's, as it does with its own snapshot after an edit elsewhere
(``snapshot.Snapshot._next``): only when at most half of the entries differ does it read the
rest of the file and bring it up to date entry by entry; otherwise (or when the file is
missing, unreadable, or was written by other code) it reads the table as before and writes
the file anew. Writing is atomic (a temporary file, then a rename), so a reader never sees
half a file. What a snapshot holds comes from the table's rows alone (their tokens were
analysed when they were written), so the code that reads them is all the fingerprint needs.

It is a pickle, so the folder (``SEARCH_SNAPSHOT_DIR``) must be private: it is created with
mode 0700, and a file is read only when it and its folder belong to this process's user and
nobody else may write the folder (anyone who could write there could run code as the
application). Unset, nothing is saved or read. One file per database (its connection
settings hashed), so sites or test databases sharing the folder do not meet.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection

log = logging.getLogger(__name__)

FORMAT = 2  # raise when what is saved changes in a way the code fingerprint cannot see
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
# The code that shapes a snapshot, hashed as this process loaded it (at import).
SHAPED_BY = (
    HERE / "snapshot.py",
    HERE / "saved.py",
    ROOT / "search" / "record.py",
    ROOT / "search" / "analysis.py",
    ROOT / "agenda" / "schedules.py",
)


def _fingerprint() -> str:
    digest = hashlib.sha256(str(FORMAT).encode())
    for source in SHAPED_BY:
        digest.update(source.read_bytes())
    return digest.hexdigest()


FINGERPRINT = _fingerprint()


def path() -> Path | None:
    """Where this database's snapshot is saved (None: saving is off)."""
    folder = settings.SEARCH_SNAPSHOT_DIR
    if not folder:
        return None
    database = connection.settings_dict
    key = "|".join(str(database.get(name) or "") for name in ("ENGINE", "NAME", "HOST", "PORT"))
    name = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Path(folder) / f"snapshot-{connection.vendor}-{name}.pickle"


def _private(where: Path) -> bool:
    """The file and its folder are this user's, and only this user may write the folder."""
    folder, file = os.stat(where.parent), os.stat(where)
    mine = folder.st_uid == file.st_uid == os.geteuid()
    return mine and not folder.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def load(judge: Callable[[dict], object]):
    """The saved snapshot of this database and ``judge``'s verdict on its entries' stamps
    (``{id: indexed_at}``), or ``(None, None)``: nothing saved or usable, or the verdict is
    None (then the rest of the file is not read)."""
    where = path()
    if where is None:
        return None, None
    enabled = gc.isenabled()
    gc.disable()  # many small objects: collecting while they arrive only slows it down
    try:
        if not where.exists():
            return None, None
        if not _private(where):
            log.warning("Saved snapshot %s not read: others may write it or its folder", where)
            return None, None
        with where.open("rb") as file:
            fingerprint, stamps = pickle.load(file)
            if fingerprint != FINGERPRINT:
                return None, None  # written by other code; the next full load replaces it
            verdict = judge(stamps)
            if verdict is None:
                return None, None
            return pickle.load(file), verdict
    except Exception as error:  # damaged, or unreadable: the table is read instead
        log.warning("Saved snapshot %s not read (%s: %s)", where, type(error).__name__, error)
        return None, None
    finally:
        if enabled:
            gc.enable()


def save(snapshot) -> Path | None:
    """Write ``snapshot`` (not shared with other threads) for the other processes; returns
    where, or None when saving is off or failed (logged)."""
    where = path()
    if where is None:
        return None
    try:
        where.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where.parent, prefix=".snapshot-")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump((FINGERPRINT, snapshot.stamps), file, pickle.HIGHEST_PROTOCOL)
                pickle.dump(snapshot, file, pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, where)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception as error:  # searching goes on without it
        log.warning("Search snapshot not saved to %s (%s: %s)", where, type(error).__name__, error)
        return None
    return where
