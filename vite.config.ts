import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The built pages' Content-Security-Policy. Scripts, workers and connections only from the site itself, no eval: text
 * from a link, a CSV or an imported run can never become code. WebAssembly may compile: the engine's fast kernels are
 * assembled from its own source. 'unsafe-inline' styles because KaTeX writes its layout as style attributes.
 * `frame-ancestors` cannot be set in a <meta> policy: a server that hosts the embed sets it as a header
 * (docs/embedding.md).
 */
const CSP = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets WebAssembly compile (the fast training kernels, src/engine/fast); eval stays refused
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // Vite inlines KaTeX's smallest fonts into its stylesheet as data: URLs (a font is not a script)
  "font-src 'self' data:",
  "frame-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** Puts the policy into every built page. Build only: the dev server injects an inline script (React refresh). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'unrolled-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

/**
 * Offline after the first visit (a lecture hall promises no network): a Workbox service worker precaches every built
 * file — lazy views, lesson chunks, KaTeX fonts. It registers from a file (CSP: no inline script) and claims the
 * first page at once; a new version waits until every tab of the old one is closed, never reloading a lecture.
 */
const offline = VitePWA({
  injectRegister: 'script',
  registerType: 'prompt',
  manifest: {
    name: 'Unrolled — how recurrent networks learn',
    short_name: 'Unrolled',
    description: 'Watch a real recurrent neural network learn, in your browser.',
    start_url: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f4e79',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,svg,woff2,webmanifest}'],
    // the lesson chunk with the bundled corpora is the largest file; keep the bound honest rather than silently skip it
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    navigateFallback: null,
  },
});

// Relative base so the static build works from any file server or sub-folder.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), offline],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // (rollupOptions before Vite 8) three entries: the site, the embed page, and the web component for host pages
    rolldownOptions: {
      input: { main: 'index.html', embed: 'embed.html', element: 'src/embed/element.ts' },
      output: {
        // the web component is loaded by other sites from a URL they write into their pages: a fixed name at the root
        entryFileNames: (chunk) => (chunk.name === 'element' ? 'unrolled-embed.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  test: {
    // Engine tests train real networks: on a loaded 2-core CI machine a run that takes 1 s alone can take 6. The
    // tests assert what was computed, never how fast; this is only the bound after which a test counts as stuck.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'engine', environment: 'node', include: ['test/engine/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/worker/**/*.test.ts', 'test/lessons/**/*.test.ts', 'test/bench/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'views',
          environment: 'jsdom',
          include: ['test/views/**/*.test.{ts,tsx}', 'test/state/**/*.test.{ts,tsx}', 'test/app/**/*.test.{ts,tsx}', 'test/course/**/*.test.{ts,tsx}', 'test/share/**/*.test.{ts,tsx}', 'test/embed/**/*.test.{ts,tsx}', 'test/present/**/*.test.{ts,tsx}', 'test/apps/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup-dom.ts'],
        },
      },
    ],
  },
});
