"""FastAPI application entry point: `uvicorn app.main:app`."""

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.config import settings
from app.routers import appointments, health
from app.telemetry import init_sentry, init_tracing

init_sentry()

app = FastAPI(title="Careline API", version="1.4.0")
app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.cors_origins,
    allow_methods=["GET", "POST"],
    allow_headers=["Content-Type", "Authorization"],
)
app.include_router(health.router)
app.include_router(appointments.router)
init_tracing(app)
