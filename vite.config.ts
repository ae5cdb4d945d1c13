import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The staff app lives in web/ and builds into dist/web, which the Fastify server serves.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  // the one contract with the server (src/contracts): its enums and the API's response types
  resolve: { alias: { '@contracts': fileURLToPath(new URL('./src/contracts/index.ts', import.meta.url)) } },
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 900 },
  server: {
    // `npx vite` during development proxies the API to a server started on API_PORT (default 3000)
    proxy: { '/api': `http://localhost:${process.env.API_PORT ?? 3000}` },
  },
});
