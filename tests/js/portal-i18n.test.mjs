// Every text of the portal's scripts and page has its German (resources/portal/js/de.js): each literal
// given to t() or tn(), each list-page text (countOne, noMatch, ...), each form label given to field(),
// each data-i18n text of index.html. Fails naming the missing texts and where they are.
//   node portal-i18n.test.mjs <portal dir>
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] || '../../resources/portal');
const { DE, DE_PATTERNS } = await import(path.join(dir, 'js', 'de.js'));
const lit = String.raw`'((?:[^'\\]|\\.)*)'`;
const found = [];
for (const file of fs.readdirSync(path.join(dir, 'js')).filter((f) => f.endsWith('.js') && f !== 'de.js')) {
  const source = fs.readFileSync(path.join(dir, 'js', file), 'utf8');
  const add = (text, index) => found.push({ text, where: `${file}:${source.slice(0, index).split('\n').length}` });
  for (const m of source.matchAll(new RegExp(String.raw`\bt\(\s*` + lit, 'g'))) add(m[1], m.index);
  for (const m of source.matchAll(new RegExp(String.raw`\btn\([^,]+,\s*` + lit + String.raw`\s*,\s*` + lit, 'g'))) { add(m[1], m.index); add(m[2], m.index); }
  for (const m of source.matchAll(new RegExp(String.raw`\b(?:countOne|countMany|noMatch|selectLabel|emailedOne|emailedMany):\s*` + lit, 'g'))) add(m[1], m.index);
  for (const m of source.matchAll(new RegExp(String.raw`\bfield\('\w+',\s*` + lit, 'g'))) add(m[1], m.index);
  // The label maps (status badges, account fields, address kinds) are translated where shown.
  for (const block of source.matchAll(/const (STATUS|ACCOUNT_LABELS|KIND_LABEL) = \{([\s\S]*?)\};/g))
    for (const m of block[2].matchAll(new RegExp(String.raw`:\s*` + lit, 'g'))) add(m[1], block.index);
}
const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
for (const m of html.matchAll(/data-i18n(?:-label)?="([^"]+)"/g)) found.push({ text: m[1], where: 'index.html' });

assert.ok(found.length > 150, `only ${found.length} texts found: is the extraction broken?`);
const missing = found.filter(({ text }) => !Object.prototype.hasOwnProperty.call(DE, text.replace(/\\'/g, "'")));
assert.deepEqual(missing, [], `texts without German:\n${missing.map((m) => `  ${m.where}: ${m.text}`).join('\n')}`);
// Placeholders survive translation: {name} in the English is in the German too.
for (const [en, de] of Object.entries(DE)) {
  const names = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
  assert.equal(names(de), names(en), `placeholders differ in the German of "${en}"`);
}
assert.ok(DE_PATTERNS.every(([re, de]) => re instanceof RegExp && typeof de === 'string'));
console.log(`ok - ${found.length} portal texts, all with German`);
