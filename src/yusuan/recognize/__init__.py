"""From raw lines to a typed Disclosure."""
