import { defineConfig } from 'vite';

// The API server serves web/dist at `/`; `npm run dev` proxies API calls to it.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React libraries mark their modules "use client" for server-component bundlers; meaningless in an SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': 'http://127.0.0.1:4000',
      '/healthz': 'http://127.0.0.1:4000',
      '/public': 'http://127.0.0.1:4000',
      '/socket.io': { target: 'ws://127.0.0.1:4000', ws: true },
    },
  },
});
