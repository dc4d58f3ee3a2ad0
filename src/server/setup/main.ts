import { EnvError, loadConfig } from './env';
import { startApp } from './start';

try {
  const app = await startApp(loadConfig());
  // A stop lets the requests in flight finish, then closes the database: nothing half-written, no socket cut.
  const stop = () => {
    void app.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
