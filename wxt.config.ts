import path from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { loadVerifiedManifest, manifestPath } from './utils/models/manifest-files';
import { runtimeModelInfo, MODEL_ROLES } from './utils/models/manifest';
import { ORT_RUNTIME_FILES } from './utils/models/ort-runtime-files';
import { iconPaths } from './utils/icon-sizes';
import { SITE_ORIGINS } from './utils/consent/site-access';

const repoRoot = import.meta.dirname;

/** The collector the extension talks to: the only host it ever contacts. */
const collectorUrl = new URL(process.env.TRIBUTARY_COLLECTOR_URL ?? 'http://127.0.0.1:8787');


export default defineConfig({
  // UI strings, the store listing and the claim page read one catalogue per language: locales/<lang>.yml.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // Explicit imports only: auto-imports would let names from utils/ and components/ collide.
  imports: false,
  // Test runs build side by side with other collector addresses.
  outDir: process.env.TRIBUTARY_OUT_DIR ?? '.output',
  vite: () => ({
    plugins: [preact()],
    define: { __COLLECTOR_URL__: JSON.stringify(collectorUrl.origin) },
    resolve: {
      // transformers.js imports ONNX Runtime's WebGPU build, whose WASM is the 27 MB asyncify
      // variant. The extension runs its models on the CPU only, so it ships the plain WASM build
      // (14 MB): a smaller package and less compiled code resident in the model host.
      // The non-bundled build loads its Emscripten glue from `wasmPaths.mjs`, a file of its own,
      // which is what ONNX Runtime's worker threads are started from.
      alias: [{ find: /^onnxruntime-web\/webgpu$/, replacement: path.join(repoRoot, 'node_modules/onnxruntime-web/dist/ort.wasm.min.mjs') }],
    },
  }),
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    default_locale: 'en',
    // Site access is asked for at opt-in, never at install; the page observer is injected, not registered.
    // `idle`: compute jobs (a separate opt-in) run only while chrome.idle reports the computer idle or
    // locked, and stop when it reports the user back. It shows no install warning and reads no page.
    permissions: ['storage', 'alarms', 'scripting', 'idle', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: [`${collectorUrl.origin}/*`],
    // MV2 (the Firefox build) has no optional_host_permissions: hosts go with optional_permissions.
    ...(manifestVersion === 2 ? { optional_permissions: SITE_ORIGINS } : { optional_host_permissions: SITE_ORIGINS }),
    incognito: 'not_allowed',
    icons: iconPaths(),
    // The toolbar button: MV3's `action`, MV2's (the Firefox build) `browser_action`.
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: iconPaths() },
    // Cross-origin isolation for the extension's own pages (a Chrome manifest key): SharedArrayBuffer,
    // hence WASM threads for the models. Extension pages load nothing from other origins.
    ...(browser === 'firefox'
      ? {}
      : { cross_origin_embedder_policy: { value: 'require-corp' }, cross_origin_opener_policy: { value: 'same-origin' } }),
    content_security_policy: {
      // WASM for the on-device models; no remote code of any kind.
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    },
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'tributary@tributary.dev',
              // data_collection_permissions below is understood from Firefox 140 (142 on Android).
              strict_min_version: '140.0',
              // Firefox's built-in data consent (140+), stated truthfully: what a contribution carries
              // (the origin and time of a visit, dwell and scroll, the anonymized page text). Nothing
              // is collected before the user also opts in from the popup.
              data_collection_permissions: { required: ['browsingActivity', 'websiteActivity', 'websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          }
        : undefined,
  }),
  zip: {
    // The sources zip (Firefox review) rebuilds the package: everything tracked, not what tests leave.
    excludeSources: ['test-results/**', 'contracts/claim-page/dist/**', 'contracts/governance-page/dist/**', '**/__pycache__/**'],
  },
  hooks: {
    // Only the collector is required at install; site access is asked for at opt-in.
    // Headless test browsers cannot click the permission dialog, so test builds may ask for
    // site access at install (TRIBUTARY_GRANT_SITE_ACCESS=1); user builds never do.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.host_permissions = [
        `${collectorUrl.origin}/*`,
        ...(process.env.TRIBUTARY_GRANT_SITE_ACCESS === '1' ? SITE_ORIGINS : []),
      ];
    },
    // Ship the models named by the manifest, checked against their sha256 sums: a build never
    // packs a model other than the one the manifest names.
    'build:publicAssets': (_wxt, files) => {
      const { manifest, dirs } = loadVerifiedManifest(manifestPath(repoRoot), repoRoot);
      for (const role of MODEL_ROLES) {
        for (const rel of Object.keys(manifest.models[role].files)) {
          files.push({ absoluteSrc: path.join(dirs[role], rel), relativeDest: `models/${role}/${rel}` });
        }
      }
      files.push({ relativeDest: 'models/runtime.json', contents: JSON.stringify(runtimeModelInfo(manifest)) });
      for (const rel of Object.values(ORT_RUNTIME_FILES)) {
        files.push({ absoluteSrc: path.join(repoRoot, 'node_modules/onnxruntime-web/dist', path.basename(rel)), relativeDest: rel });
      }
    },
  },
});
