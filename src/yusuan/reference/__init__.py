"""Classification codes (政府收支分类科目): code arithmetic, the dated bundled catalogue (2017–2026),
the user's imported official list."""
from .bundled import bundled_catalogue, class_code
from .catalogue import Catalogue, NameCheck, NameVerdict
from .entries import CodeEntry, EntryKind
from .codes import (
    Code,
    CodeLevel,
    CodeSystem,
    ancestors_of,
    is_ancestor,
    is_code,
    level_of,
    parent_of,
    parse_code,
    system_of,
)
from .loader import load_catalogue, with_user_catalogue
from .local import active_catalogue
from .names import fold_name, strip_ordinal


def names_for(code: str, year: int | None = None) -> tuple[str, ...]:
    """The names the bundled catalogue gives a code (in `year`), preferred first."""
    return bundled_catalogue().names_for(code, year)


def name_matches(code: str, name: str, year: int | None = None) -> NameCheck:
    """Compare a printed name with the bundled catalogue of `year` (see `Catalogue.name_matches`)."""
    return bundled_catalogue().name_matches(code, name, year)


__all__ = [
    "Catalogue", "Code", "active_catalogue", "CodeEntry", "CodeLevel", "CodeSystem", "EntryKind", "NameCheck",
    "NameVerdict", "ancestors_of", "bundled_catalogue", "class_code", "fold_name", "is_ancestor",
    "is_code", "level_of", "load_catalogue", "name_matches", "names_for", "parent_of",
    "parse_code", "strip_ordinal", "system_of", "with_user_catalogue",
]
