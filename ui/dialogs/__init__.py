"""Record dialogs: each validates as the user types through the domain validators."""
