"""The index snapshot saved to a file, so the app processes of one machine share one load.

Loading the snapshot from the index table analyses every row again: about 3 s of CPU at
20,000 services and 8 s at 50,000 on the development machine, in every app process, after
every restart, every recycled worker and every full rebuild. Read back from this file it
takes a tenth of a second or two (``benchmarks/search.py`` prints both).

The file is a cache and never the truth. A process that loads it compares its entries'
``indexed_at`` with the table's, as it does with its own snapshot after an edit elsewhere
(``snapshot.Snapshot._next``), and brings it up to date entry by entry; when more than half
differ, or the file is missing, unreadable or written by other code, the table is read as
before and the file written anew. Writing is atomic (a temporary file, then a rename), so a
reader never sees half a file.

It is a pickle: only this application may write the folder (``SEARCH_SNAPSHOT_DIR``,
created with mode 0700; anyone who can write there can run code as the application).
Unset, nothing is saved or read. One file per database (its connection settings hashed),
so sites or test databases sharing the folder do not meet.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection

log = logging.getLogger(__name__)

FORMAT = 1  # raise when what is saved changes in a way the code fingerprint cannot see


@functools.cache
def _fingerprint() -> str:
    """The code that shapes a snapshot: a file saved by other code is not read."""
    from agenda import schedules
    from search import analysis, record

    from . import snapshot

    digest = hashlib.sha256(str(FORMAT).encode())
    for module in (snapshot, record, analysis, schedules):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def path() -> Path | None:
    """Where this database's snapshot is saved (None: saving is off)."""
    folder = settings.SEARCH_SNAPSHOT_DIR
    if not folder:
        return None
    database = connection.settings_dict
    key = "|".join(str(database.get(name) or "") for name in ("ENGINE", "NAME", "HOST", "PORT"))
    name = hashlib.sha256(key.encode()).hexdigest()[:16]
    return Path(folder) / f"snapshot-{connection.vendor}-{name}.pickle"


def load():
    """The saved snapshot of this database, or None (none saved, or not usable)."""
    where = path()
    if where is None or not where.exists():
        return None
    enabled = gc.isenabled()
    gc.disable()  # many small objects: collecting while they arrive only slows it down
    try:
        with where.open("rb") as file:
            fingerprint, saved = pickle.load(file)
    except Exception as error:  # a damaged file is read from the table instead
        log.warning("Saved snapshot %s not read (%s: %s)", where, type(error).__name__, error)
        return None
    finally:
        if enabled:
            gc.enable()
    if fingerprint != _fingerprint():
        return None  # written by other code; the next full load replaces it
    return saved


def save(snapshot) -> Path | None:
    """Write ``snapshot`` (not yet shared with other threads) for the other processes."""
    where = path()
    if where is None:
        return None
    try:
        where.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where.parent, prefix=".snapshot-")
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump((_fingerprint(), snapshot), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, where)
        except BaseException:
            os.unlink(temporary)
            raise
    except Exception as error:  # searching goes on without it
        log.warning("Search snapshot not saved to %s (%s: %s)", where, type(error).__name__, error)
        return None
    return where
