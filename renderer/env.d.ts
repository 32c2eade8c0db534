/// <reference types="vite/client" />

/** package.json version, injected at build time. */
declare const __APP_VERSION__: string;

/** The digest of the embedded sample files (resources/sample), injected at build time. */
declare const __SAMPLE_DIGEST__: string;

/** True only in the scale benchmark's build (GRIDDESK_BENCH=1, renderer/vite.config.ts). */
declare const __GRIDDESK_BENCH__: boolean;

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
