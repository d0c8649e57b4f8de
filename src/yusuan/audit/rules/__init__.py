"""Every rule module in this package, imported so that its @rule registrations run.

Modules are found with pkgutil: adding `<family>_<topic>.py` here is all it takes.
"""
from __future__ import annotations

import importlib
import pkgutil

MODULES = tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))

for _name in MODULES:
    importlib.import_module(f"{__name__}.{_name}")
