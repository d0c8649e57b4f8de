"""``yusuan audit``: check a disclosure (wired once the audit package lands)."""
