/** Where the running dev server notes its process id, for `npm run stop`. */
const path = require('path');

module.exports = { PID_FILE: path.resolve(__dirname, '..', 'node_modules', '.cache', 'itcost-dev-server.pid') };
