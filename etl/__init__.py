"""ETL: read sources (CBS downloads, own spreadsheets, demo content), validate every row with
pydantic, and write them to the database in one transaction per load. Never imports dash."""
