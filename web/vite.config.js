import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Built into the platform's jar: Spring Boot serves classpath:/static/app/ at /app/.
export default defineConfig({
  plugins: [vue()],
  base: '/app/',
  build: {
    outDir: 'target/classes/static/app',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
