import "../styles/globals.css";

// Set by the on-call during a restore (docs/runbooks/disaster-recovery.md, step 1).
const MAINTENANCE = process.env.NEXT_PUBLIC_MAINTENANCE === "1";

export default function App({ Component, pageProps }) {
  if (MAINTENANCE) {
    return (
      <main className="container">
        <h1>Careline is down for maintenance</h1>
        <p>
          We are restoring service and expect to be back shortly. If you need care now,
          call your local urgent care or, in an emergency, 911.
        </p>
      </main>
    );
  }
  return <Component {...pageProps} />;
}
