"""Render fixtures: a folder for the files each module writes once."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def render_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("render")
