"""Qt only: the main window, one module per tab, dialogs and table models.

Widgets receive the services they need through their constructor and never build queries
or commit sessions themselves.
"""
