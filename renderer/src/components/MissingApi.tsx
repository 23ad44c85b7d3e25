/** Shown when the page is opened outside Stowage (no preload, no bridge). */
export function MissingApi() {
  return (
    <div className="fatal" role="alert">
      <h1>Stowage could not start</h1>
      <p>This window is not connected to Stowage’s main process, so it cannot reach your files.</p>
    </div>
  );
}
