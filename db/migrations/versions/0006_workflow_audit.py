"""Workflow state and version on editable items, measurement notes, and the append-only audit trail (issue 5)

Existing rows (loaded by the ETL or the demo) become `gepubliceerd` through the server default; db.editing
creates rows as `concept`. Triggers refuse UPDATE and DELETE (and, on PostgreSQL, TRUNCATE) of audit_entry.

Revision ID: 0006
Revises: 0005
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

EDITABLE = ('project', 'result', 'measurement', 'story', 'indicator_note')
STATES = ('concept', 'ingediend', 'goedgekeurd', 'gepubliceerd')
ITEM_KINDS = ('project', 'resultaat', 'meting', 'verhaal', 'toelichting', 'meting_toelichting')
ACTIONS = ('aangemaakt', 'gewijzigd', 'ingediend', 'goedgekeurd', 'gepubliceerd', 'terug naar concept')
REFUSAL = 'het auditlogboek kan niet worden gewijzigd of verwijderd'


def _in(values: tuple[str, ...]) -> str:
    return ', '.join(f"'{v}'" for v in values)


def upgrade() -> None:
    # Plain ALTER TABLE ... ADD COLUMN on both databases (with the CHECK as a column constraint): SQLite's batch
    # mode would copy and drop each table, and dropping `measurement` with foreign keys on would cascade into
    # measurement_history.
    for table in EDITABLE:
        op.execute(f"ALTER TABLE {table} ADD COLUMN workflow_state VARCHAR(20) DEFAULT 'gepubliceerd' NOT NULL "
                   f"CONSTRAINT ck_{table}_workflow_state CHECK (workflow_state IN ({_in(STATES)}))")
        op.execute(f"ALTER TABLE {table} ADD COLUMN version INTEGER DEFAULT 1 NOT NULL")

    op.create_table('measurement_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('measurement_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('note_date', sa.Date(), nullable=False),
    sa.Column('author', sa.String(length=200), nullable=False),
    sa.Column('workflow_state', sa.Enum(*STATES, name='workflow_state', native_enum=False, create_constraint=True, length=20), server_default='gepubliceerd', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['measurement_id'], ['measurement.id'], name=op.f('fk_measurement_note_measurement_id_measurement'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measurement_note'))
    )
    with op.batch_alter_table('measurement_note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measurement_note_measurement_id'), ['measurement_id'], unique=False)

    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('user_name', sa.String(length=200), nullable=False),
    sa.Column('item_kind', sa.Enum(*ITEM_KINDS, name='item_kind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.Enum(*ACTIONS, name='audit_action', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('field', sa.String(length=60), nullable=True),
    sa.Column('old', sa.Text(), nullable=True),
    sa.Column('new', sa.Text(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entry_item', ['item_kind', 'item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_programme_id'), ['programme_id'], unique=False)

    if op.get_bind().dialect.name == 'postgresql':
        op.execute(f"""
            CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{REFUSAL}' USING ERRCODE = 'insufficient_privilege';
            END $$""")
        op.execute("CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
                   "FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()")
        op.execute("CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
                   "FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()")
    else:
        for event in ('UPDATE', 'DELETE'):
            op.execute(f"CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_entry "
                       f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS audit_entry_refuse_change()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_programme_id'))
        batch_op.drop_index('ix_audit_entry_item')
    op.drop_table('audit_entry')
    with op.batch_alter_table('measurement_note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measurement_note_measurement_id'))
    op.drop_table('measurement_note')
    # Plain DROP COLUMN (SQLite >= 3.35): a column constraint goes with its column, and no table is copied.
    for table in EDITABLE:
        op.execute(f"ALTER TABLE {table} DROP COLUMN version")
        op.execute(f"ALTER TABLE {table} DROP COLUMN workflow_state")
