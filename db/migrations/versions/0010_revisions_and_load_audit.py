"""Pending revisions beside published items, and file loads in the audit trail

`revision` holds the corrected values of a published item until they are published (one per item). The audit trail
gets the steps `nieuwe versie`, `versie ingetrokken`, `geladen` and `lading geweigerd`, and the subject `lading` (a
file load). Changing the CHECK constraints of `audit_entry` copies the table on SQLite (its append-only triggers
are created again); on PostgreSQL the constraints are replaced in place.

Downgrade drops the revisions (the published rows never held their values) and the audit entries that the old
constraints cannot hold (loads and revision steps).

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

STATES = ('concept', 'ingediend', 'goedgekeurd', 'gepubliceerd')
ITEM_KINDS = ('project', 'resultaat', 'meting', 'verhaal', 'toelichting', 'meting_toelichting')
ACTIONS = ('aangemaakt', 'gewijzigd', 'ingediend', 'goedgekeurd', 'gepubliceerd', 'terug naar concept')
NEW_SUBJECTS = ('lading',)
NEW_ACTIONS = ('nieuwe versie', 'versie ingetrokken', 'geladen', 'lading geweigerd')
REFUSAL = 'het auditlogboek kan niet worden gewijzigd of verwijderd'


def _in(values: tuple[str, ...]) -> str:
    return ', '.join(f"'{v}'" for v in values)


def _sqlite_rebuild(subjects: tuple[str, ...], actions: tuple[str, ...]) -> None:
    """audit_entry copied into a table with these CHECK constraints (SQLite cannot alter a constraint). DROP TABLE
    fires no trigger; the triggers go with the old table and are created again on the new one."""
    op.execute(f"""
        CREATE TABLE audit_entry_new (
            id INTEGER NOT NULL,
            at DATETIME NOT NULL,
            user_id INTEGER,
            user_name VARCHAR(200) NOT NULL,
            item_kind VARCHAR(20) NOT NULL,
            item_id INTEGER NOT NULL,
            programme_id INTEGER,
            action VARCHAR(20) NOT NULL,
            field VARCHAR(60),
            old TEXT,
            new TEXT,
            reason TEXT NOT NULL,
            CONSTRAINT pk_audit_entry PRIMARY KEY (id),
            CONSTRAINT ck_audit_entry_item_kind CHECK (item_kind IN ({_in(subjects)})),
            CONSTRAINT ck_audit_entry_audit_action CHECK (action IN ({_in(actions)}))
        )""")
    op.execute("INSERT INTO audit_entry_new (id, at, user_id, user_name, item_kind, item_id, programme_id, action, "
               "field, old, new, reason) SELECT id, at, user_id, user_name, item_kind, item_id, programme_id, action, "
               f"field, old, new, reason FROM audit_entry WHERE item_kind IN ({_in(subjects)}) "
               f"AND action IN ({_in(actions)})")
    op.execute("DROP TABLE audit_entry")
    op.execute("ALTER TABLE audit_entry_new RENAME TO audit_entry")
    op.execute("CREATE INDEX ix_audit_entry_item ON audit_entry (item_kind, item_id)")
    op.execute("CREATE INDEX ix_audit_entry_programme_id ON audit_entry (programme_id)")
    for event in ('UPDATE', 'DELETE'):
        op.execute(f"CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_entry "
                   f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END")


def _postgres_constraints(subjects: tuple[str, ...], actions: tuple[str, ...]) -> None:
    op.execute("ALTER TABLE audit_entry DROP CONSTRAINT ck_audit_entry_item_kind")
    op.execute("ALTER TABLE audit_entry DROP CONSTRAINT ck_audit_entry_audit_action")
    op.execute(f"ALTER TABLE audit_entry ADD CONSTRAINT ck_audit_entry_item_kind CHECK (item_kind IN ({_in(subjects)}))")
    op.execute(f"ALTER TABLE audit_entry ADD CONSTRAINT ck_audit_entry_audit_action CHECK (action IN ({_in(actions)}))")


def upgrade() -> None:
    op.create_table('revision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_kind', sa.Enum(*ITEM_KINDS, name='item_kind', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('pending_values', sa.JSON(), nullable=False),
    sa.Column('workflow_state', sa.Enum(*STATES, name='workflow_state', native_enum=False, create_constraint=True, length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.String(length=200), nullable=False),
    sa.Column('changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed_by_id', sa.Integer(), nullable=True),
    sa.Column('changed_by', sa.String(length=200), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_revision')),
    sa.UniqueConstraint('item_kind', 'item_id', name=op.f('uq_revision_item_kind'))
    )
    subjects, actions = ITEM_KINDS + NEW_SUBJECTS, ACTIONS + NEW_ACTIONS
    if op.get_bind().dialect.name == 'postgresql':
        _postgres_constraints(subjects, actions)
    else:
        _sqlite_rebuild(subjects, actions)


def downgrade() -> None:
    op.drop_table('revision')
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only")
        op.execute(f"DELETE FROM audit_entry WHERE item_kind NOT IN ({_in(ITEM_KINDS)}) "
                   f"OR action NOT IN ({_in(ACTIONS)})")
        op.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only")
        _postgres_constraints(ITEM_KINDS, ACTIONS)
    else:
        _sqlite_rebuild(ITEM_KINDS, ACTIONS)
