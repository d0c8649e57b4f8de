"""organisation list (部门→单位) for per-department status

Revision ID: 0003
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('org_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('department', sa.String(length=200), nullable=False),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('code', sa.String(length=50), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('department', 'unit')
    )
    with op.batch_alter_table('org_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_entries_department'), ['department'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('org_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_entries_department'))
    op.drop_table('org_entries')
