"""The same jobs on a Dask cluster give the same files, byte for byte, as the local pool."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed")

from yusuan.batch.run import BatchOptions, run_batch  # noqa: E402

OUTPUTS = ("documents.csv", "amounts.csv", "findings.csv", "pairs.csv", "datapackage.json",
           "documents.parquet", "amounts.parquet", "findings.parquet")


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    # In-process workers keep the suite fast; the jobs still travel as they would to remote ones
    # (the scheduler address is a tcp:// one and the job carries the file's bytes).
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://",
                      dashboard_address=None) as c:
        yield c


def test_a_dask_cluster_writes_the_same_files_as_the_local_pool(one_batch, corpus_master, cluster, tmp_path):
    summary, local_out = one_batch
    assert cluster.scheduler_address.startswith("tcp://")
    dask = run_batch([corpus_master], BatchOptions(out=tmp_path / "dask", dask=cluster.scheduler_address))
    assert dask.files == summary.files and dask.unreadable == summary.unreadable
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == (local_out / name).read_bytes(), name


def test_an_unreachable_scheduler_is_a_chinese_error(tmp_path, corpus_master, monkeypatch):
    from yusuan.batch import dask_runner
    from yusuan.errors import InputError

    monkeypatch.setattr(dask_runner, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(InputError, match="无法连接 Dask 调度器"):
        run_batch([corpus_master / "shanxi"], BatchOptions(out=tmp_path / "o", dask="tcp://127.0.0.1:1"))
