"""yusuan (预算): read, check, write and compare Chinese government budget disclosures."""

__version__ = "0.1.0"
