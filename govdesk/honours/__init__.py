"""评先评优: the rules of honours (govdesk.honours.rules)."""
