"""create patients and providers

Revision ID: 3f1c2a9b7d10
Revises:
Create Date: 2025-03-10 14:02:11.512034

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = "3f1c2a9b7d10"
down_revision: Union[str, None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("date_of_birth", sa.DateTime(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.UniqueConstraint("email", name="uq_patients_email"),
    )
    op.create_table(
        "providers",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("npi", sa.String(length=10), nullable=False),
        sa.Column("specialty", sa.String(length=100), nullable=False, server_default="primary care"),
        sa.UniqueConstraint("npi", name="uq_providers_npi"),
    )


def downgrade() -> None:
    op.drop_table("providers")
    op.drop_table("patients")
