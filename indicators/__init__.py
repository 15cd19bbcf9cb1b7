"""The pure bottom layer: periods, enums, cell values, Dutch formatting, safe text, the view types pages receive and
the computations on them (verdicts, forecasts, district classes, quarter changes, search matching). Imports nothing
of the project above it, no database, web, dataframe, file-format or settings library."""
