"""One module per route; each has `layout(...)` (cheap with no arguments) and its thin callbacks."""
