import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { fileURLToPath } from 'node:url';

// The build lands in the Java module's classes (console/ on the classpath), where ConsoleHandler
// serves it from the jar. base './': the page works under an API stage path (/dev/) as well as at /.
export default defineConfig({
  base: './',
  plugins: [
    vue(),
    // Element Plus components and their styles imported where used, not the whole library
    Components({ resolvers: [ElementPlusResolver({ importStyle: 'css' })], dts: false }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../target/classes/console', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 800,
    reportCompressedSize: false,
  },
  test: {
    include: ['test/**/*.test.js'],
    environment: 'node',
  },
});
