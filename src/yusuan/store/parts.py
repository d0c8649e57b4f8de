"""Uploads of several files: the halves of one publication stored as one document.

A department may publish its 说明 and its tables as two files. Uploaded together, they are read,
sorted into publications (`recognize.join.group_parts`) and each publication of several files is
stored as one document (one version) whose disclosure is the join and whose original is a ZIP
holding every uploaded file unchanged. A file that is no other's half is stored as before.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Sequence

from ..model import Disclosure
from ..recognize.join import group_parts, join_parts
from .repository import read_here


def ingest_files(store, files: Sequence[tuple[str, bytes]], *, user: str | None = None, read=None) -> list:
    """Store uploaded files, joining the halves of one publication; InputError stores nothing.
    `read`: as DocumentStore.ingest's (where files are read and audited)."""
    named = [(Path(name).name or "upload", data) for name, data in files]
    if len(named) == 1:
        return [store.ingest(named[0][0], named[0][1], user=user, read=read)]
    reader = read or read_here
    read_all = [reader(name, data, store.config.max_pages)[0] for name, data in named]  # every file before any write
    by_file = {d.source.file: (name, data) for d, (name, data) in zip(read_all, named)}
    stored = []
    for group in group_parts(read_all):
        if len(group) == 1:
            name, data = by_file[group[0].source.file]
            stored.append(store.ingest(name, data, user=user, read=read))
        else:
            stored.append(_store_joined(store, join_parts(group), [by_file[d.source.file] for d in group], user))
    return stored


def _store_joined(store, d: Disclosure, originals: list[tuple[str, bytes]], user: str | None):
    found = store.find_by_hash(d.source.sha256)
    if found:
        return found
    archive = originals_archive(originals)
    return store._insert(f"{d.source.file}.zip", archive, d.source.sha256, d, user)


def originals_archive(originals: list[tuple[str, bytes]]) -> bytes:
    """A ZIP of the uploaded files, each stored byte for byte under its own name."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as z:
        for name, data in originals:
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return buf.getvalue()


def originals_of(archive: bytes) -> list[tuple[str, bytes]]:
    """The files a joined document was uploaded as."""
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]
