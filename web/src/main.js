import { createApp } from 'vue';
import { ElLoading, ElMessage, ElMessageBox, makeInstaller } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import en from 'element-plus/es/locale/lang/en';
// The styles of what is not a tag (below); each tag's come with it (vite.config.js). The base
// (Element Plus's variables) first, so that every component's sheet finds them.
import 'element-plus/es/components/base/style/css';
import 'element-plus/es/components/loading/style/css';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import App from './App.vue';
import { router } from './router.js';
import { lang } from './i18n.js';
import { releaseLeftScrollLock } from './scrollLock.js';

// Screen readers, the browser's spelling and its offer to translate go by the page's language.
document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';

// Components are imported by the screens that use them (vite.config.js). What is installed here is what
// is not a tag: v-loading, and the messages and confirmations, which take the app's language from it.
createApp(App)
  .use(makeInstaller([ElLoading, ElMessage, ElMessageBox]), { locale: lang() === 'en' ? en : zhCn })
  .use(router)
  .mount('#app');

releaseLeftScrollLock();
