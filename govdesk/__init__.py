"""govdesk — the desk program of a village Party-and-people service center.

This package is the domain: models, services, validation, import/export and the CLI.
It never imports Qt or ``ui`` (a test enforces that), so every rule can be used and
tested without a screen.
"""

__version__ = "0.1.0"
