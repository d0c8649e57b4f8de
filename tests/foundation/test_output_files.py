"""Output files are written whole or not at all, and only a regular file is ever replaced: `-o /dev/null`
as root must not turn the device into a file (a FIFO stands in for it here, needing no root)."""
from __future__ import annotations

import os
import threading

from yusuan.files import write_text_atomic


def test_output_to_a_pipe_is_written_through_and_the_pipe_stays(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_text_atomic(fifo, "{\"金额\": \"1.00\"}")
    reader.join(timeout=10)
    assert got == ["{\"金额\": \"1.00\"}".encode()]
    assert fifo.is_fifo() and [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_output_through_a_symbolic_link_replaces_the_file_it_points_at(tmp_path):
    (tmp_path / "real.json").write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to("real.json")
    write_text_atomic(link, "new")
    assert link.is_symlink() and (tmp_path / "real.json").read_text(encoding="utf-8") == "new"


def test_output_to_a_regular_file_still_replaces_it_whole(tmp_path):
    path = tmp_path / "out.json"
    path.write_text("old", encoding="utf-8")
    write_text_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new" and [p.name for p in tmp_path.iterdir()] == ["out.json"]
