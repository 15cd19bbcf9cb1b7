"""Raad experience: wijk boundaries (region_geometry) and dated notes on trend points (indicator_note)

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

PERIOD_KINDS = ('jaar', 'halfjaar', 'kwartaal', 'maand')


def upgrade() -> None:
    op.create_table('region_geometry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('geometry', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('load_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['load_id'], ['data_load.id'], name=op.f('fk_region_geometry_load_id_data_load')),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_region_geometry_region_id_region'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_region_geometry')),
    sa.UniqueConstraint('region_id', name=op.f('uq_region_geometry_region_id'))
    )
    op.create_table('indicator_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('note_date', sa.Date(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('is_example', sa.Boolean(), nullable=False),
    sa.Column('period_kind', sa.Enum(*PERIOD_KINDS, name='period_kind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_indicator_note_indicator_id_indicator'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['region_id'], ['region.id'], name=op.f('fk_indicator_note_region_id_region'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_note'))
    )
    with op.batch_alter_table('indicator_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_note_indicator_id'), ['indicator_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('indicator_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_note_indicator_id'))
    op.drop_table('indicator_note')
    op.drop_table('region_geometry')
