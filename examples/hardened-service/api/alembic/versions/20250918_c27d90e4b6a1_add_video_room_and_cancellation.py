"""add video room url and cancellation audit columns

Expand-only migration: both columns are nullable, so the previous release keeps working
against the new schema (what makes a code-only rollback safe; see
docs/runbooks/disaster-recovery.md).

Revision ID: c27d90e4b6a1
Revises: 8a4e6d21c5f3
Create Date: 2025-09-18 16:21:04.903377

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = "c27d90e4b6a1"
down_revision: Union[str, None] = "8a4e6d21c5f3"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column("appointments", sa.Column("video_room_url", sa.String(length=500), nullable=True))
    op.add_column(
        "appointments", sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.create_check_constraint(
        "ck_appointments_status",
        "appointments",
        "status IN ('scheduled', 'in_progress', 'completed', 'cancelled', 'no_show')",
    )


def downgrade() -> None:
    op.drop_constraint("ck_appointments_status", "appointments", type_="check")
    op.drop_column("appointments", "cancelled_at")
    op.drop_column("appointments", "video_room_url")
