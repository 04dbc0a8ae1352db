import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repository = fileURLToPath(new URL('..', import.meta.url));

/** Vendor groups that change rarely get their own long-cached chunk; the pages split by route. */
const VENDOR_GROUPS: Array<[name: string, pattern: RegExp]> = [
  ['react', /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/],
  ['echarts', /node_modules[\\/](echarts|zrender)[\\/]/],
];

/**
 * The console: built into dist/web (served by `veracity serve`), or run by `npm run dev:web`
 * with /api proxied to a local `veracity serve` on port 3000.
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: `${repository}dist/web`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_GROUPS.map(([name, pattern]) => ({ name, test: pattern })),
        },
      },
    },
  },
  server: {
    port: 5173,
    // The console imports the server's pure dictionaries (src/shared/roles.ts, case-rules.ts).
    fs: { allow: [repository] },
    // VERACITY_API: another `veracity serve` (default the local one on port 3000).
    proxy: { '/api': { target: process.env.VERACITY_API ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
