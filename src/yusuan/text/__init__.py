"""Printed text every layer reads the same way: folding for matching, numbers (printed ↔ exact), contents titles.

Neutral ground: it imports only `model`, so the reader (`recognize`), the checks (`audit`), the reports
and the outer rooms can share it without importing one another. `folding` imports nothing of yusuan:
even the file readers (`sources`) and the code lists (`reference`) fold with it.
"""
