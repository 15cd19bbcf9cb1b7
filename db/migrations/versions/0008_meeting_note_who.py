"""Meeting note: who recorded it and who marked it done (accountability to the raad)

`created_by` is the name of the account (or "opdrachtregel" for the command line) that recorded the besluit or
actiepunt; rows from before this revision get '' through the server default. `done_by` is set when an actiepunt is
marked done.

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN on SQLite and PostgreSQL alike (no batch copy of the table); the server default fills
    # the NOT NULL column for existing rows
    op.add_column('meeting_note', sa.Column('created_by', sa.String(length=200), server_default='', nullable=False))
    op.add_column('meeting_note', sa.Column('done_by', sa.String(length=200), nullable=True))


def downgrade() -> None:
    # SQLite 3.35+ and PostgreSQL drop a column in place (batch mode would copy and drop the table)
    op.execute("ALTER TABLE meeting_note DROP COLUMN done_by")
    op.execute("ALTER TABLE meeting_note DROP COLUMN created_by")
