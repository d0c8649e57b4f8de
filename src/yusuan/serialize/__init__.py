"""JSON for the domain records: exact (Decimal as text), complete, and loadable back unchanged."""
from .codec import (dump_disclosure, dumps, from_data, iter_json, load_disclosure, loads, to_data,
                    write_disclosure_json)

__all__ = ["dump_disclosure", "dumps", "from_data", "iter_json", "load_disclosure", "loads", "to_data",
           "write_disclosure_json"]
