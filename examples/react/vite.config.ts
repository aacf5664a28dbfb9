import react from '@vitejs/plugin-react';
import { koeReceiverPlugin } from 'koe-widgets/vite';
import { defineConfig } from 'vite';

// `npm run dev` and `npm run preview` answer POST /api/intake with Koe's reference receiver (records in .koe-data/).
export default defineConfig({
  plugins: [react(), koeReceiverPlugin({ dataDir: '.koe-data' })],
});
