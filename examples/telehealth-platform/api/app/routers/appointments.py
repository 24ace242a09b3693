"""Booking and listing video visits."""

from fastapi import APIRouter, Depends, HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import get_db
from app.models import Appointment, Provider
from app.schemas import AppointmentCreate, AppointmentOut

router = APIRouter(prefix="/appointments", tags=["appointments"])


def _out(appointment: Appointment) -> AppointmentOut:
    return AppointmentOut(
        id=appointment.id,
        patient_id=appointment.patient_id,
        provider_id=appointment.provider_id,
        provider_name=appointment.provider.full_name,
        starts_at=appointment.starts_at,
        status=appointment.status,
    )


@router.get("", response_model=list[AppointmentOut])
def list_appointments(patient_id: int, db: Session = Depends(get_db)) -> list[AppointmentOut]:
    rows = db.scalars(
        select(Appointment)
        .where(Appointment.patient_id == patient_id)
        .order_by(Appointment.starts_at)
    )
    return [_out(row) for row in rows]


@router.post("", response_model=AppointmentOut, status_code=status.HTTP_201_CREATED)
def book_appointment(body: AppointmentCreate, db: Session = Depends(get_db)) -> AppointmentOut:
    if db.get(Provider, body.provider_id) is None:
        raise HTTPException(status_code=404, detail="provider not found")
    appointment = Appointment(**body.model_dump())
    db.add(appointment)
    db.commit()
    db.refresh(appointment)
    return _out(appointment)
