from fastapi.testclient import TestClient
from sqlalchemy.exc import OperationalError

from app.db import get_db
from app.main import app


class _FakeSession:
    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    def execute(self, statement):
        if self.fail:
            raise OperationalError(str(statement), {}, Exception("connection refused"))
        return None


def _client(fail: bool) -> TestClient:
    app.dependency_overrides[get_db] = lambda: _FakeSession(fail=fail)
    return TestClient(app)


def test_health_ok():
    response = _client(fail=False).get("/health")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_health_reports_database_outage():
    response = _client(fail=True).get("/health")
    assert response.status_code == 503
    assert response.json()["status"] == "degraded"
    app.dependency_overrides.clear()
