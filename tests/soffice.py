"""LibreOffice at test time: convert a file the way a county's office prints or re-saves its disclosure.

Each conversion runs with its own throw-away user profile, so concurrent test runs (and a desktop
LibreOffice) do not lock one another out. Tests using it skip where `soffice` is not installed
(.ci/apt-packages installs libreoffice-calc-nogui and libreoffice-writer-nogui).
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice")
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def convert(source: Path, target: str, out_dir: Path) -> Path:
    """`source` converted by LibreOffice to format `target` (pdf, xls, ods, doc …) in `out_dir`."""
    assert SOFFICE is not None
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="soffice-profile-") as profile:
        subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
                        "--outdir", str(out_dir), str(source)], check=True, capture_output=True, timeout=300)
    result = out_dir / f"{source.stem}.{target.split(':')[0]}"
    assert result.exists(), f"LibreOffice wrote no {target} for {source.name}"
    return result
