// Runs the reference receiver on its own: `npx tsx src/server/cli.ts` (PORT, KOE_DATA_DIR, KOE_ALLOWED_ORIGINS, KOE_HMAC_KEY).
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { createReceiver } from './index.js';

const port = Number(process.env.PORT) || 8787;
const dataDir = resolve(process.env.KOE_DATA_DIR ?? '.koe-data');
const allowedOrigins = (process.env.KOE_ALLOWED_ORIGINS ?? '')
  .split(',')
  .map((o) => o.trim())
  .filter(Boolean);

const receiver = createReceiver({ dataDir, allowedOrigins });
const server = createServer((req, res) => receiver.handle(req, res));

server.listen(port, () => {
  const base = `http://localhost:${port}`;
  console.log(`Koe reference receiver listening on ${base}`);
  console.log(`  POST ${base}/api/intake            (koe.intake.v1)`);
  console.log(`  POST ${base}/api/consent           (koe.consent.v1)`);
  console.log(`  POST ${base}/api/consent-requests  (issue a signed consent request)`);
  console.log(`  GET  ${base}/api/records?type=intake|consent|consent-request`);
  console.log(`  data: ${dataDir}`);
  console.log(`  CORS origins: ${allowedOrigins.length ? allowedOrigins.join(', ') : '(same-origin only)'}`);
});

const stop = () => {
  server.close(() => void receiver.close().then(() => process.exit(0)));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
