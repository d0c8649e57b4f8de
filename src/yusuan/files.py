"""Writing an output file whole or not at all, with the permissions any new file gets."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> Path:
    """A crash half-way never leaves a half-written publication; the file is readable like any
    other new file (mkstemp alone would leave it private to its owner)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
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
