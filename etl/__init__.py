"""ETL: read sources (CBS downloads, own spreadsheets, demo content), validate every row, and write them to the
database through db.write in one transaction per load. Never imports dash or the dashboard."""
