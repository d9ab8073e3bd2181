import { createApp } from 'vue';
import ElementPlus from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import en from 'element-plus/es/locale/lang/en';
import 'element-plus/dist/index.css';
import App from './App.vue';
import { router } from './router.js';
import { lang } from './i18n.js';

// Screen readers, the browser's spelling and its offer to translate go by the page's language.
document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';

createApp(App)
  .use(ElementPlus, { locale: lang() === 'en' ? en : zhCn })
  .use(router)
  .mount('#app');
