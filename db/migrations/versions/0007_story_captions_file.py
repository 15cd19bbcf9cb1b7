"""Story: the uploaded captions (WebVTT) of an uploaded video (issue 5)

Uploaded files (dashboard.uploads) have random names; `media_file` holds an uploaded image or video (or a demo file
under assets/media), `captions_file` the uploaded .vtt that goes with an uploaded video.

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN on SQLite and PostgreSQL alike (no batch copy of the table)
    op.add_column('story', sa.Column('captions_file', sa.String(length=300), nullable=True))


def downgrade() -> None:
    # SQLite 3.35+ and PostgreSQL drop a column in place (batch mode would copy and drop the table)
    op.execute("ALTER TABLE story DROP COLUMN captions_file")
