"""Recognition profiles, one declaration file each: a module here that sets ``PROFILE`` (a `TemplateSet`)
is read by the recogniser, with nothing else to register (docs/extending.md).

`national` is the base every document is read with; a regional profile adds the aliases and extra tables
its region prints. Which profile reads a document never depends on the order of the files: regional
profiles are ranked by how many of the document's titles they name, the national one comes last.
"""
from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from ..templates import TemplateSet


def profiles_in(package: ModuleType) -> tuple[TemplateSet, ...]:
    """The PROFILE of every module of `package`, by module name (a deterministic order)."""
    found = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        profile = getattr(module, "PROFILE", None)
        if isinstance(profile, TemplateSet):
            found.append(profile)
    names = [p.name for p in found]
    if len(set(names)) != len(names):
        raise ValueError(f"two recognition profiles share a name: {sorted(names)}")
    return tuple(found)
