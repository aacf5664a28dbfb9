import vue from '@vitejs/plugin-vue';
import { koeReceiverPlugin } from 'koe-widgets/vite';
import { defineConfig } from 'vite';

// Vue renders koe-* tags as custom elements (not Vue components); `npm run dev` and `npm run preview` answer
// POST /api/intake with Koe's reference receiver (records in .koe-data/).
export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('koe-') } } }), koeReceiverPlugin({ dataDir: '.koe-data' })],
});
