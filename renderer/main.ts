import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
// The UI's CJK font, shipped with the app (renderer/fonts/cjk-font.ts), for PCs without one of their own.
import '@fontsource/noto-sans-sc/400.css';
import './panels/floating-panel.css';
import App from './App.vue';
import { i18n } from './i18n';

document.documentElement.lang = i18n.global.locale.value;
createApp(App).use(createPinia()).use(i18n).use(ElementPlus).mount('#app');
// Only the scale benchmark's build has the probe (test/bench/scale.bench.ts); elsewhere this is dead code.
if (__GRIDDESK_BENCH__) void import('./bench/bench-probe').then((m) => m.installBenchProbe());
