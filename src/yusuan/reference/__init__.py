"""Classification codes (政府收支分类科目): code arithmetic, the bundled list, catalogue import."""
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
from .names import fold_name, strip_ordinal


def names_for(code: str) -> tuple[str, ...]:
    """The names the bundled list gives a code, preferred first."""
    return bundled_catalogue().names_for(code)


def name_matches(code: str, name: str) -> NameCheck:
    """Compare a printed name with the bundled list (see `Catalogue.name_matches`)."""
    return bundled_catalogue().name_matches(code, name)


__all__ = [
    "Catalogue", "Code", "CodeEntry", "CodeLevel", "CodeSystem", "EntryKind", "NameCheck",
    "NameVerdict", "ancestors_of", "bundled_catalogue", "class_code", "fold_name", "is_ancestor",
    "is_code", "level_of", "load_catalogue", "name_matches", "names_for", "parent_of",
    "parse_code", "strip_ordinal", "system_of", "with_user_catalogue",
]
