"""Pure-Python indicator logic: definitions, trend verdicts, formatting and the queries pages need.
Never imports dash."""
