import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';

// Built into the platform's jar: Spring Boot serves classpath:/static/app/ at /app/.
export default defineConfig({
  plugins: [
    vue(),
    // Each <el-…> tag a screen uses is imported where it is used, so the script holds the Element
    // Plus components the workbench shows, not all of them. Their styles stay in one sheet (main.js).
    Components({ resolvers: [ElementPlusResolver({ importStyle: false })], dts: false }),
  ],
  base: '/app/',
  build: {
    outDir: 'target/classes/static/app',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
