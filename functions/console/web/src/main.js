import { createApp } from 'vue';
import 'element-plus/theme-chalk/base.css';
import './style.css';
import App from './App.vue';
import { startRouter } from './router.js';
import { restoreSession } from './api.js';
import { setLanguage, language } from './i18n.js';

setLanguage(language.value);
restoreSession();
startRouter();
createApp(App).mount('#app');
