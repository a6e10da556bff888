import path from 'node:path';
import { createGateway } from './gateway';
import { dashboardSettingsFrom } from './settings';

// dist/apps/dashboard/src/main.js serves dist/apps/dashboard/client (Vite's output).
const settings = dashboardSettingsFrom(process.env, path.resolve(__dirname, '../client'));
const server = createGateway(settings).listen(settings.port, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ level: 30, msg: `dashboard on http://127.0.0.1:${settings.port}` })}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
