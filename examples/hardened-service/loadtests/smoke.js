// k6 smoke/load test for Careline: `k6 run loadtests/smoke.js`
// BASE_URL (API) and WEB_URL default to staging. Thresholds make k6 exit non-zero,
// which fails the workflow that runs it (.github/workflows/load-test.yml, deploy.yml).
import http from "k6/http";
import { check, group, sleep } from "k6";

const BASE_URL = __ENV.BASE_URL || "https://api.staging.careline.example.com";
const WEB_URL = __ENV.WEB_URL || "https://staging.careline.example.com";
const PEAK_VUS = parseInt(__ENV.PEAK_VUS || "20", 10);
// A synthetic patient that exists only in staging (seeded by the staging fixtures).
const PATIENT_ID = __ENV.PATIENT_ID || "900001";

export const options = {
  scenarios: {
    ramp: {
      executor: "ramping-vus",
      startVUs: 1,
      stages: [
        { duration: "30s", target: PEAK_VUS },
        { duration: "1m", target: PEAK_VUS },
        { duration: "15s", target: 0 },
      ],
    },
  },
  thresholds: {
    http_req_failed: ["rate<0.01"],
    http_req_duration: ["p(95)<500", "p(99)<1500"],
    "http_req_duration{endpoint:health}": ["p(95)<200"],
    checks: ["rate>0.99"],
  },
};

export default function () {
  group("api", () => {
    const health = http.get(`${BASE_URL}/health`, { tags: { endpoint: "health" } });
    check(health, {
      "health is 200": (r) => r.status === 200,
      "database ok": (r) => r.json("database") === "ok",
    });

    const list = http.get(`${BASE_URL}/appointments?patient_id=${PATIENT_ID}`, {
      tags: { endpoint: "appointments" },
    });
    check(list, { "appointments is 200": (r) => r.status === 200 });
  });

  group("web", () => {
    const home = http.get(`${WEB_URL}/`, { tags: { endpoint: "web-home" } });
    check(home, { "home page is 200": (r) => r.status === 200 });
  });

  sleep(1);
}
