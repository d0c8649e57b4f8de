"""Renderers by format name, the built-ins registered through the path a plug-in uses."""
from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.errors import InputError
from yusuan.render import Renderer, output_name, register, render, renderers
from yusuan.render.registry import DuplicateRenderer


def test_built_in_formats_are_registered():
    assert {"xlsx", "docx", "pdf", "html", "json"} <= set(renderers())


def test_a_second_renderer_for_a_taken_name_is_refused():
    with pytest.raises(DuplicateRenderer):
        register(Renderer("xlsx", ".xlsx", lambda d, p: p))


def test_a_third_party_renderer_is_used_by_render(reference, tmp_path):
    def write_csv(d, path: Path) -> Path:
        path.write_text("\n".join(t.title for t in d.tables), encoding="utf-8")
        return path

    register(Renderer("titles_csv", ".csv", write_csv, "表名清单"))
    [path] = render(reference, ["titles_csv"], tmp_path)
    assert path.name == "阳泉市民政局-2025年部门预算.csv"
    assert path.read_text(encoding="utf-8").splitlines()[0] == "2025年预算收支总表"


def test_render_writes_each_format_asked_and_json_loads_back(reference, tmp_path):
    from yusuan.ingest import read_disclosure

    paths = render(reference, ["json", "xlsx", "html", "json"], tmp_path)
    assert [p.suffix for p in paths] == [".json", ".xlsx", ".html"]
    assert read_disclosure(paths[0]) == reference


def test_unknown_format_is_refused_before_anything_is_written(reference, tmp_path):
    with pytest.raises(InputError) as err:
        render(reference, ["xlsx", "odt"], tmp_path / "out")
    assert "odt" in str(err.value) and not (tmp_path / "out").exists()


def test_output_name_keeps_only_file_safe_characters(reference):
    from dataclasses import replace

    d = replace(reference, meta=replace(reference.meta, organisation="某局/办公室 A"))
    assert output_name(d) == "某局_办公室_A-2025年部门预算"
