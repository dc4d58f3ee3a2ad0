import { EnvError, loadConfig } from './env';
import { startApp } from './start';

try {
  const started = startApp(loadConfig());
  // A stop lets the requests in flight finish, then closes the database: nothing half-written, no socket
  // cut. Listened for before the start, so that a signal during it waits for the start, then stops.
  const stop = () => {
    void started.then((app) => app.stop()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await started;
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
