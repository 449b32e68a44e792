// CTest js_engines: every JS test dependency pinned in package-lock.json runs on the oldest Node that the
// distributions we support ship (package.json "engines": Debian 12 has 18.20, Ubuntu 24.04 18.19), and so does
// the Node running this test. A dependency bump that needs a newer Node fails here, not in a browser test on a
// plain Debian machine.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const semver = require('semver');

const here = __dirname;
const manifest = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(here, 'package-lock.json'), 'utf8'));
const supported = manifest.engines && manifest.engines.node;
if (!supported) {
    console.error('package.json has no engines.node: say which Node versions the tests support');
    process.exit(1);
}
const oldest = semver.minVersion(supported).version;
const problems = [];
for (const [where, pkg] of Object.entries(lock.packages || {})) {
    if (!where) continue; // the project itself
    const range = pkg.engines && (Array.isArray(pkg.engines) ? null : pkg.engines.node);
    if (range && !semver.satisfies(oldest, range)) {
        problems.push(`${where.replace(/^node_modules\//, '')}@${pkg.version} needs node ${range}`);
    }
}
for (const [name, wanted] of Object.entries(manifest.dependencies || {})) {
    if (!semver.valid(wanted)) problems.push(`${name} is not pinned to one version (${wanted})`);
}
if (!semver.satisfies(process.version, supported)) {
    problems.push(`this Node is ${process.version}, the tests support ${supported}`);
}
if (problems.length) {
    console.error(`JS test dependencies that do not run on Node ${oldest}:\n  ` + problems.join('\n  '));
    process.exit(1);
}
console.log(`${Object.keys(lock.packages).length - 1} packages run on Node ${oldest} and later; this is ${process.version}`);
