"""Production operations (issue 15): server-side sessions, the data version, and the programme of each upload

`web_session` holds signed-in sessions (the cookie keeps only a random token, stored here as its SHA-256), so every
instance sees a session end at once. `data_version` is one row whose number every committed content write raises
(page cache keys). `media_upload` records for which programme a story file was uploaded.

Revision ID: 0011
Revises: 0010
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'web_session',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('data', sa.JSON(), nullable=False),
        sa.Column('csrf', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_web_session_user_id_app_user'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_web_session')),
    )
    op.create_index(op.f('ix_web_session_user_id'), 'web_session', ['user_id'], unique=False)
    op.create_index(op.f('ix_web_session_expires_at'), 'web_session', ['expires_at'], unique=False)
    data_version = op.create_table(
        'data_version',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_data_version')),
    )
    op.bulk_insert(data_version, [{'id': 1, 'version': 1}])
    op.create_table(
        'media_upload',
        sa.Column('name', sa.String(length=64), nullable=False),
        sa.Column('programme_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('size', sa.Integer(), nullable=False),
        sa.Column('uploaded_by', sa.Integer(), nullable=True),
        sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['programme_id'], ['programme.id'], name=op.f('fk_media_upload_programme_id_programme'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_media_upload')),
    )
    op.create_index(op.f('ix_media_upload_programme_id'), 'media_upload', ['programme_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_media_upload_programme_id'), table_name='media_upload')
    op.drop_table('media_upload')
    op.drop_table('data_version')
    op.drop_index(op.f('ix_web_session_expires_at'), table_name='web_session')
    op.drop_index(op.f('ix_web_session_user_id'), table_name='web_session')
    op.drop_table('web_session')
