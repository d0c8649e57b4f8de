"""The organisation tree: departments (部门) and their budget units (单位), imported from a list a
finance bureau keeps, and publications matched to it by name."""
from .match import Match, in_tree, match_name
from .tree import OrgTree, OrgUnit, load_tree, parse_rows

__all__ = ["Match", "in_tree", "OrgTree", "OrgUnit", "load_tree", "match_name", "parse_rows"]
