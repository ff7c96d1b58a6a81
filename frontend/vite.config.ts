import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The silo serves the built files from its wwwroot; in development Vite proxies the API and the hub to a running silo.
const silo = process.env.LIVEGRID_SILO ?? 'http://127.0.0.1:5080';

export default defineConfig({
  base: '/',
  build: {
    outDir: resolve(import.meta.dirname, '../silo/LiveGrid.Silo/wwwroot'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        board: resolve(import.meta.dirname, 'index.html'),
        console: resolve(import.meta.dirname, 'console.html'),
        worker: resolve(import.meta.dirname, 'worker.html'),
        login: resolve(import.meta.dirname, 'login.html'),
        reports: resolve(import.meta.dirname, 'reports.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: silo, changeOrigin: true },
      '/hubs': { target: silo, changeOrigin: true, ws: true },
      '/healthz': { target: silo, changeOrigin: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
