"""Large text input keeps memory bounded (issue 11, defect 9: 10 MB of text took 708 MB): text files
above MAX_TEXT_BYTES are refused at once, in Chinese, and the disclosure JSON is written piece by
piece instead of as one string. Peak figures per size are in bench/bench_text_memory.py."""
from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from yusuan.errors import InputError
from yusuan.ingest import read_disclosure, write_disclosure
from yusuan.serialize import dumps
from yusuan.sources.detect import read_source
from yusuan.sources.text import MAX_TEXT_BYTES


def test_text_above_the_limit_is_refused_before_it_is_read(tmp_path, reference_path):
    ref = reference_path.read_bytes()
    path = tmp_path / "long.txt"
    path.write_bytes(ref * (MAX_TEXT_BYTES // len(ref) + 1))
    tracemalloc.start()
    with pytest.raises(InputError) as caught:
        read_source(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert caught.value.code == "input.text_too_large" and caught.value.exit_code == 2
    assert "文本文件过大" in caught.value.message and "上限 5 MB" in caught.value.message
    assert peak < 1.5 * path.stat().st_size  # the bytes, not their lines


def test_text_just_under_the_limit_is_read(reference_path):
    ref = reference_path.read_bytes()
    data = ref * (MAX_TEXT_BYTES // len(ref))
    assert len(data) <= MAX_TEXT_BYTES
    raw = read_source(Path("many.txt"), data=data)
    assert len(raw.lines) > 20 * len(ref.splitlines())


def test_disclosure_json_is_written_without_holding_its_text(tmp_path, reference):
    text = dumps(reference) + "\n"
    path = tmp_path / "ref.json"
    tracemalloc.start()
    write_disclosure(reference, path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert path.read_text(encoding="utf-8") == text
    assert peak < 3 * len(text.encode("utf-8"))  # json.dumps held the pieces and the text: ~9×
    assert read_disclosure(path) == reference
