// Loaded with --require into the core process the stand-in `utilityProcess.fork` starts
// under Node: it gives the real core bundle `process.parentPort`, as Electron's utility
// process does, carried over Node's IPC channel. Electron ends its utility processes with
// the app; a lost channel ends this one the same way.
const { EventEmitter } = require('node:events');

const port = new EventEmitter();
port.postMessage = (message) => process.send(message);
port.start = () => undefined;
process.on('message', (message) => port.emit('message', { data: message, ports: [] }));
process.on('disconnect', () => process.exit(0));
Object.defineProperty(process, 'parentPort', { value: port, enumerable: true });
Object.defineProperty(process, 'type', { value: 'utility', enumerable: true });
