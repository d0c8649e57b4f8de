"""Writing an output file whole or not at all, with the permissions any new file gets."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable


def write_atomic(path: Path, data: bytes) -> Path:
    """A crash half-way never leaves a half-written publication; the file is readable like any
    other new file (mkstemp alone would leave it private to its owner)."""
    return write_chunks_atomic(path, (data,))


def write_chunks_atomic(path: Path, chunks: Iterable[bytes | str]) -> Path:
    """The same for content made piece by piece (text pieces in UTF-8): never all held at once.

    Only a regular file is ever replaced: a device, a pipe or a socket (``-o /dev/null``, ``-o
    /dev/stdout``) is written through, since renaming over /dev/null as root would replace the device
    with a file; a symbolic link is followed, so the file it points at is replaced, not the link."""
    target = path.resolve() if path.is_symlink() else path
    if target.exists() and not target.is_file() and not target.is_dir():
        with target.open("wb") as f:
            for chunk in chunks:
                f.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
        return path
    path = target
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb", buffering=1 << 16) as f:
            for chunk in chunks:
                f.write(chunk.encode("utf-8") if isinstance(chunk, str) else chunk)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text_atomic(path: Path, text: str) -> Path:
    """The same for a UTF-8 text file (JSON, HTML, sidecars)."""
    return write_atomic(path, text.encode("utf-8"))
