import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Relative base so the static build works from any file server or sub-folder.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    // Engine tests train real networks: on a loaded 2-core CI machine a run that takes 1 s alone can take 6. The
    // tests assert what was computed, never how fast; this is only the bound after which a test counts as stuck.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'engine', environment: 'node', include: ['test/engine/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/worker/**/*.test.ts', 'test/lessons/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'views',
          environment: 'jsdom',
          include: ['test/views/**/*.test.{ts,tsx}', 'test/state/**/*.test.{ts,tsx}', 'test/app/**/*.test.{ts,tsx}', 'test/course/**/*.test.{ts,tsx}', 'test/share/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup-dom.ts'],
        },
      },
    ],
  },
});
