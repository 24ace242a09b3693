"""Settings read from the environment (Railway service variables in production)."""

import os
from dataclasses import dataclass, field


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


@dataclass(frozen=True)
class Settings:
    database_url: str = os.environ.get(
        "DATABASE_URL", "postgresql+psycopg://careline:careline@localhost:5432/careline"
    )
    environment: str = os.environ.get("ENVIRONMENT", "development")
    sentry_dsn: str = os.environ.get("SENTRY_DSN", "")
    release: str = os.environ.get("RELEASE", "dev")
    cors_origins: list[str] = field(
        default_factory=lambda: _split(os.environ.get("CORS_ORIGINS", "http://localhost:3000"))
    )


settings = Settings()
