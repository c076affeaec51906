// Starts an in-memory dynalite on 127.0.0.1 (port from argv, 0 = any free one) and prints
// "DYNALITE_PORT <port>". Exits when its parent closes stdin, so a killed JVM never leaves it
// behind. It also counts the DynamoDB requests it serves per operation: a line "COUNTS" on
// stdin is answered with "COUNTS {json}" on stdout (used by the request-budget checks).
'use strict';
const dynalite = require('dynalite');
const readline = require('readline');

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
// dynalite rethrows the error of a request whose client hung up mid-way (index.js: req.on('error',
// throw)), which would kill the whole database when a stopping JVM interrupts an in-flight call.
// A client hanging up is not our failure; anything else still stops the process loudly.
process.on('uncaughtException', (err) => {
  if (err && (err.code === 'ECONNRESET' || err.message === 'aborted')) {
    return;
  }
  console.error(err);
  process.exit(1);
});
const counts = {};
server.on('request', (req) => {
  const target = String(req.headers['x-amz-target'] || 'unknown').split('.').pop();
  counts[target] = (counts[target] || 0) + 1;
});
server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  process.stdout.write('DYNALITE_PORT ' + server.address().port + '\n');
});
const input = readline.createInterface({ input: process.stdin });
input.on('line', (line) => {
  if (line.trim() === 'COUNTS') {
    process.stdout.write('COUNTS ' + JSON.stringify(counts) + '\n');
  } else if (line.trim() === 'RESET') {
    for (const k of Object.keys(counts)) delete counts[k];
    process.stdout.write('RESET\n');
  }
});
input.on('close', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
