import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./client', import.meta.url));

// The dashboard's browser bundle. In development (`npx vite --config …`) /api and sign-in go to a running gateway.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/dashboard/client', import.meta.url)),
    emptyOutDir: true,
    // Named so Nx's Vite plugin sees a buildable app whose index.html lives in client/.
    rolldownOptions: { input: fileURLToPath(new URL('./client/index.html', import.meta.url)) },
    // Charts are loaded only on the screens that draw them (a dynamic import), so the first page stays small.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/config.json', '/dev-sign-in'].map((path) => [
        path,
        `http://127.0.0.1:${process.env.DASHBOARD_PORT ?? 3000}`,
      ]),
    ),
  },
});
