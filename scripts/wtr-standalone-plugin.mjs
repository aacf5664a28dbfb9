// Serves the standalone files (dist/standalone/*.js) to browser tests as a CMS or kintone serves an upload: from any path
// under /uploads/, any query string. Each is built by bundleStandalone(), the function `npm run build` uses, on its first
// request and kept for the run, so the tests need no prior build and load exactly the code that ships (no dev-server
// transform touches it). Another version's copy, for the two-copies tests, is under /uploads-other-version/.
import { interceptRequests } from './wtr-intercept.mjs';

/** The version number of the copy under /uploads-other-version/ (the tests name it in what they expect). */
export const OTHER_VERSION = '0.0.0-other';

// /uploads/<anything>/<file>.js — the directories are opaque, as an upload's URL is.
const UPLOAD_PATH = /^\/(uploads|uploads-other-version)\/(?:[^/]+\/)+([^/]+\.js)$/;

/** The build tools (Vite among them), imported on the first upload request: runs that never ask for one do not pay for them. */
let tools;
function buildTools() {
  tools ??= Promise.all([import('./build-standalone.mjs'), import('./bundle-standalone.mjs')]).then(([{ STANDALONE_FILES }, { bundleStandalone }]) => ({
    bundleStandalone,
    modulesOf: new Map(STANDALONE_FILES.filter(({ file }) => file.startsWith('standalone/')).map(({ file, modules }) => [file.slice('standalone/'.length), modules])),
  }));
  return tools;
}

/** A wtr plugin: GET /uploads/…/koe-intake.js (koe-snippet.js, koe-consent.js, koe.js) answers the built file. */
export function koeStandaloneFiles() {
  const built = new Map();
  // One build at a time: each sets and restores process.env.NODE_ENV, and interleaved builds would restore the wrong value.
  let queue = Promise.resolve();

  /** The code of standalone file `fileName` (e.g. koe-intake.js) in `version`, or undefined when there is no such file. */
  async function build(fileName, version) {
    const { bundleStandalone, modulesOf } = await buildTools();
    if (!modulesOf.has(fileName)) return undefined;
    const key = `${version ?? 'package'}/${fileName}`;
    if (!built.has(key)) {
      const code = queue.then(() => bundleStandalone({ modules: modulesOf.get(fileName), fileName, version }).then((out) => out.code));
      queue = code.catch(() => undefined);
      built.set(key, code);
      code.catch(() => built.delete(key)); // a failed build is tried again on the next request
    }
    return built.get(key);
  }

  return {
    name: 'koe-standalone-files',

    serverStart({ server, logger }) {
      if (!server) return;
      interceptRequests(server, (req, res, pass) => {
        const match = req.method === 'GET' && UPLOAD_PATH.exec(new URL(req.url ?? '/', 'http://wtr.invalid').pathname);
        if (!match) return pass();
        const [, prefix, fileName] = match;
        build(fileName, prefix === 'uploads-other-version' ? OTHER_VERSION : undefined).then(
          (code) => {
            if (code === undefined) return pass();
            res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
            res.end(code);
          },
          (error) => {
            logger.error(error);
            res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
            res.end(`Building ${fileName} failed: ${error.message}`);
          },
        );
      });
    },
  };
}
