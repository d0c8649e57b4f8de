"""Printed text every layer reads the same way: numbers (printed ↔ exact) and contents titles.

Neutral ground: it imports only `model` and `sources.normalize`, so the reader (`recognize`), the
checks (`audit`), the reports and the outer rooms can share it without importing one another.
"""
