"""民情台账: the rules of an item (its words, deadline, overdue, closing only with a reply)."""
