// The network between keyaccounts and the LRS, for the network-cut test:
// forwards HTTP requests on 127.0.0.1:PORT to the LRS on 127.0.0.1:TARGET.
// Mode "pass" forwards requests and answers. Mode "drop-answers" forwards
// each request (the LRS stores the statements) and then cuts the connection
// before the answer reaches the client, as a network failing mid-request.
// Mode "conflict" forwards each request and answers every statement write
// (POST, PUT) that the LRS took with 409 Conflict, as an LRS that answers a
// re-sent statement it already holds, identical, with 409. Every request
// is logged (method and path) to the proxy's output.
// Killing the process is the network going down (connection refused).
// usage: node proxy.js PORT_FILE PORT TARGET pass|drop-answers|conflict
//        (PORT 0 picks a free port; the port goes to PORT_FILE)
'use strict';
const http = require('http');
const fs = require('fs');

const [portFile, port, target, mode] = process.argv.slice(2);
if (!portFile || !target || !['pass', 'drop-answers', 'conflict'].includes(mode)) {
  console.error('usage: node proxy.js PORT_FILE PORT TARGET pass|drop-answers|conflict');
  process.exit(2);
}
let forwarded = 0;
const server = http.createServer((req, res) => {
  const up = http.request({
    host: '127.0.0.1', port: Number(target), method: req.method, path: req.url, headers: req.headers,
  }, (answer) => {
    const chunks = [];
    answer.on('data', (c) => chunks.push(c));
    answer.on('end', () => {
      forwarded++;
      console.log(`proxy (${mode}): ${req.method} ${req.url} -> ${answer.statusCode}`);
      if (mode === 'conflict' && ['POST', 'PUT'].includes(req.method) && answer.statusCode < 300) {
        res.writeHead(409, { 'Content-Type': 'application/json' });
        res.end('{"message": "Conflict (answered by the test proxy)"}');
        return;
      }
      if (mode === 'drop-answers') {
        console.log(`proxy: ${req.method} ${req.url}: the LRS answered ${answer.statusCode}; the answer is lost`);
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.statusCode, answer.headers);
      res.end(Buffer.concat(chunks));
    });
  });
  up.on('error', (e) => {
    res.writeHead(502);
    res.end(String(e));
  });
  req.pipe(up);
});
server.listen(Number(port), '127.0.0.1', () => {
  fs.writeFileSync(portFile + '.tmp', String(server.address().port));
  fs.renameSync(portFile + '.tmp', portFile);
});
process.on('SIGTERM', () => {
  console.log(`proxy (${mode}): ${forwarded} requests forwarded`);
  process.exit(0);
});
