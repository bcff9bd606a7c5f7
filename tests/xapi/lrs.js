// A real Learning Record Store for the tests, on 127.0.0.1 only: Learning
// Locker's xAPI statements service (npm xapi-statements) with its in-memory
// models, local file storage, no events, and HTTP basic auth checked by a
// small client-info endpoint of ours (the service's "fetch" auth), which
// accepts KEY:SECRET only. Test use only; never shipped.
// usage: node lrs.js PORT_FILE WORK_DIR [KEY:SECRET]
// Writes the LRS's port to PORT_FILE once it listens; the xAPI endpoint is
// http://127.0.0.1:PORT/xAPI
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const [portFile, work, creds = 'key:secret'] = process.argv.slice(2);
if (!portFile || !work) {
  console.error('usage: node lrs.js PORT_FILE WORK_DIR [KEY:SECRET]');
  process.exit(2);
}
const expected = 'Basic ' + Buffer.from(creds).toString('base64');

// Every server of this process listens on the loopback address only.
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, ...rest) {
  const cb = rest.find((a) => typeof a === 'function');
  return listen.call(this, port, '127.0.0.1', cb);
};

const auth = http.createServer((req, res) => {
  if (req.headers.authorization !== expected) {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{}');
    return;
  }
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({
    _id: '5a0000000000000000000001', title: 'keyaccounts tests',
    authority: { objectType: 'Agent', mbox: 'mailto:lrs@keyaccounts.invalid' }, isTrusted: true,
    lrs_id: '5a0000000000000000000002', organisation: '5a0000000000000000000003', scopes: ['all'],
  }));
});

auth.listen(0, () => {
  // pick a free port for the LRS, then start the service on it
  const probe = http.createServer();
  probe.listen(0, () => {
    const port = probe.address().port;
    probe.close(() => {
      fs.mkdirSync(path.join(work, 'storage'), { recursive: true });
      Object.assign(process.env, {
        EXPRESS_PORT: String(port),
        AUTH_REPO: 'fetch',
        LL_CLIENT_INFO_ENDPOINT: `http://127.0.0.1:${auth.address().port}/auth`,
        EVENTS_REPO: 'test',
        MODELS_REPO: 'memory',
        STORAGE_REPO: 'local',
        FS_LOCAL_STORAGE_DIR: path.join(work, 'storage'),
        EXPRESS_MORGAN_DIRECTORY: path.join(work, 'storage'),
        WINSTON_CONSOLE_LEVEL: 'warn',
        AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      });
      // The in-memory store pages with a cursor on its internal ids (uuid v1
      // strings, compared as text) while it sorts by the time stored; the
      // low bits of the time come first in a v1 uuid, so the two orders part
      // every 7 minutes and a `more` link then skips statements. Ids that sort
      // in the order they are made keep its paging right (test use only).
      const uuid = require(require.resolve('uuid', {
        paths: [path.dirname(require.resolve('xapi-statements/dist/repo/modelsRepo/createStatements/memory'))],
      }));
      let made = 0;
      uuid.v1 = () => `00000000-0000-1000-8000-${String(++made).padStart(12, '0')}`;
      require('xapi-statements/dist/server');
      // tell the test once the service answers
      const poll = () => http.get({ host: '127.0.0.1', port, path: '/xAPI/about' }, (res) => {
        res.resume();
        fs.writeFileSync(portFile + '.tmp', String(port));
        fs.renameSync(portFile + '.tmp', portFile);
      }).on('error', () => setTimeout(poll, 100));
      poll();
    });
  });
});
