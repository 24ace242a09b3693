import Head from "next/head";
import { useEffect, useState } from "react";
import { listAppointments } from "../lib/api";

export default function Appointments() {
  const [appointments, setAppointments] = useState([]);
  const [error, setError] = useState(null);

  useEffect(() => {
    const patientId = window.localStorage.getItem("careline.patientId");
    if (!patientId) return;
    listAppointments(patientId)
      .then(setAppointments)
      .catch(() => setError("We could not load your appointments. Please try again."));
  }, []);

  return (
    <>
      <Head>
        <title>Your appointments — Careline</title>
      </Head>
      <main className="container">
        <h1>Your appointments</h1>
        {error && <p role="alert">{error}</p>}
        {appointments.length === 0 && !error && <p>No upcoming visits.</p>}
        <ul>
          {appointments.map((a) => (
            <li key={a.id}>
              {new Date(a.starts_at).toLocaleString()} with {a.provider_name} ({a.status})
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
