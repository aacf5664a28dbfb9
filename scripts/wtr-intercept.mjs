// Lets a wtr plugin answer some requests itself, ahead of the dev server: its middleware and transforms never see them.

/**
 * Puts `handle(req, res, pass)` in front of the dev server's request listener; `pass()` hands the request on.
 * Koa composed its middleware before a plugin's serverStart, so app.use() there would never run: this wraps the listener.
 */
export function interceptRequests(server, handle) {
  const original = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const pass = () => {
      for (const listener of original) listener.call(server, req, res);
    };
    handle(req, res, pass);
  });
}
