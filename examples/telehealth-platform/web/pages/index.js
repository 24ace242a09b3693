import Head from "next/head";
import Link from "next/link";

export default function Home() {
  return (
    <>
      <Head>
        <title>Careline — see a clinician today</title>
      </Head>
      <main className="container">
        <h1>See a licensed clinician from home</h1>
        <p>
          Book a video visit with a primary-care provider, usually within the hour.
          Prescriptions are sent to the pharmacy you choose.
        </p>
        <Link className="button" href="/appointments">
          Book or view appointments
        </Link>
      </main>
    </>
  );
}
