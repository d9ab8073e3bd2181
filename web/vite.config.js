import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// Built into the platform's jar: Spring Boot serves classpath:/static/app/ at /app/.
export default defineConfig({
  plugins: [
    vue(),
    // Each <el-…> tag a screen uses is imported where it is used, with its styles, so a screen's
    // script and sheet hold the Element Plus components it shows, not all of them (main.js imports
    // the styles of what is not a tag).
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ],
  base: '/app/',
  build: {
    outDir: 'target/classes/static/app',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
