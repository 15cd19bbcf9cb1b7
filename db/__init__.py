"""Database layer: the ORM tables (models/), engine and sessions (session), migrations, accounts, every query
(read/) and the one write service (write/). Above `indicators`, below `dashboard` and `etl`; never imports dash."""
