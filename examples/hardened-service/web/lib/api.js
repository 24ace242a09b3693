const API_URL = process.env.NEXT_PUBLIC_API_URL || "http://localhost:8000";

async function request(path, options = {}) {
  const response = await fetch(`${API_URL}${path}`, {
    headers: { "Content-Type": "application/json" },
    ...options,
  });
  if (!response.ok) {
    throw new Error(`API ${response.status} on ${path}`);
  }
  return response.json();
}

export function listAppointments(patientId) {
  return request(`/appointments?patient_id=${encodeURIComponent(patientId)}`);
}

export function bookAppointment(appointment) {
  return request("/appointments", {
    method: "POST",
    body: JSON.stringify(appointment),
  });
}
