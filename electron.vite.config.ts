import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from './src/shared/csp';

/**
 * Keeps index.html's CSP meta tag equal to src/shared/csp.ts (the build fails otherwise), and
 * relaxes it on the dev server only, where React Fast Refresh needs an inline preamble.
 */
function contentSecurityPolicy(): Plugin {
  let serving = false;
  return {
    name: 'channel-desk:csp',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(`content="${CONTENT_SECURITY_POLICY}"`)) {
          throw new Error(
            'src/renderer/index.html must carry CONTENT_SECURITY_POLICY from src/shared/csp.ts',
          );
        }
        return serving ? html.replace(CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY) : html;
      },
    },
  };
}

export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
  },
  preload: {
    build: {
      // A sandboxed preload can require only `electron`: bundle everything else into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), contentSecurityPolicy()],
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
  },
});
