"""The same jobs on a Dask cluster give the same files, byte for byte, as the local pool.

Dask runs in a child process here: it leaves a thread behind for the life of its process, and the
test process must stay single-threaded (the PDF renderer forks its layout child only then)."""
from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("distributed")

OUTPUTS = ("documents.csv", "amounts.csv", "findings.csv", "pairs.csv", "datapackage.json",
           "documents.parquet", "amounts.parquet", "findings.parquet", "series.csv", "series.parquet")

CHILD = """
import sys
from pathlib import Path
from distributed import LocalCluster
from yusuan.batch import dask_runner
from yusuan.batch.run import BatchOptions, run_batch
from yusuan.errors import InputError

if __name__ == "__main__":
    corpus, out, mode = sys.argv[1:]
    if mode == "unreachable":
        dask_runner.CONNECT_TIMEOUT = "1s"
        try:
            run_batch([corpus], BatchOptions(out=Path(out), dask="tcp://127.0.0.1:1"))
        except InputError as exc:
            print(exc.message)
        sys.exit(0)
    # In-process workers keep the suite fast; the jobs still travel as they would to remote ones
    # (the scheduler address is a tcp:// one and each job carries its file's bytes).
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://",
                      dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        summary = run_batch([corpus], BatchOptions(out=Path(out), dask=cluster.scheduler_address))
    print(summary.files, summary.unreadable)
"""


def child(tmp_path, *args: str) -> str:
    script = tmp_path / "dask_child.py"
    script.write_text(CHILD, encoding="utf-8")
    r = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout


def test_a_dask_cluster_writes_the_same_files_as_the_local_pool(one_batch, corpus_master, tmp_path):
    summary, local_out = one_batch
    said = child(tmp_path, str(corpus_master), str(tmp_path / "dask"), "cluster")
    assert said.split() == [str(summary.files), str(summary.unreadable)]
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == (local_out / name).read_bytes(), name


def test_an_unreachable_scheduler_is_a_chinese_error(tmp_path, corpus_master):
    said = child(tmp_path, str(corpus_master / "shanxi"), str(tmp_path / "o"), "unreachable")
    assert "无法连接 Dask 调度器 tcp://127.0.0.1:1" in said
