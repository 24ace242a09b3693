"""FastAPI application entry point: `uvicorn app.main:app`."""

import sentry_sdk
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.config import settings
from app.routers import appointments, health

if settings.sentry_dsn:
    sentry_sdk.init(
        dsn=settings.sentry_dsn,
        environment=settings.environment,
        release=settings.release,
        traces_sample_rate=0.1,
        send_default_pii=False,  # visit data is PHI: never ship it to Sentry
    )

app = FastAPI(title="Careline API", version="0.9.0")
app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.cors_origins,
    allow_methods=["GET", "POST"],
    allow_headers=["Content-Type", "Authorization"],
)
app.include_router(health.router)
app.include_router(appointments.router)
