"""A built wheel is complete: installed into a fresh virtual environment, `yusuan demo` reads, checks
and writes the bundled sample (package data, not a file of the repository).

No network: the wheel is built without build isolation, installed without dependencies, and the fresh
environment sees the locked dependencies of the environment running the tests through a .pth line.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def _ok(done: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert done.returncode == 0, f"{done.args}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Built from a copy, so the checkout gets no build/ or egg-info.
    tree = tmp_path_factory.mktemp("tree")
    shutil.copytree(ROOT / "src", tree / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tree / name)
    dist = tmp_path_factory.mktemp("dist")
    _ok(_run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", dist, tree))
    (found,) = dist.glob("yusuan-*.whl")
    return found


def test_yusuan_demo_runs_from_the_installed_wheel(wheel, tmp_path):
    venv = tmp_path / "venv"
    _ok(_run(sys.executable, "-m", "venv", "--without-pip", venv))
    python = venv / "bin" / "python"
    site = Path(_ok(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")).stdout.strip())
    # The locked dependencies, after the environment's own site-packages (where the wheel goes); a
    # plain path line does not run that environment's .pth files, so its editable yusuan stays out.
    (site / "locked-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _ok(_run(sys.executable, "-m", "pip", "--python", python, "install", "-q", "--no-deps", "--no-index", wheel))
    where = _ok(_run(python, "-c", "import yusuan; print(yusuan.__file__)")).stdout.strip()
    assert Path(where).is_relative_to(site), where  # the wheel's yusuan, not the checkout's

    work = tmp_path / "elsewhere"  # not the checkout: no samples/ to fall back on
    work.mkdir()
    done = _ok(_run(venv / "bin" / "yusuan", "demo", "-o", "out", cwd=work))
    assert "阳泉市民政局" in done.stdout
    assert (work / "out" / "reference.json").stat().st_size > 0
    assert any((work / "out" / "built").glob("*.xlsx"))
