'use strict';
// Runs against the real mc-api: ALAI_MC_URL and ALAI_TOKEN come from the Java test that started it (McJsTest).
const test = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const mc = require('..');

const env = { ...process.env };

test('enabled follows ALAI_MC_URL', () => {
  assert.equal(mc.enabled({}), false);
  assert.equal(mc.enabled({ ALAI_MC_URL: '  ' }), false);
  assert.equal(mc.enabled(env), true);
});

test('create, get, update and list round-trip through mc-api', async () => {
  const api = mc.client({ env });
  const created = await api.create({ title: 'From mc.js', assignee: 'anvil', tags: ['mcjs'] });
  assert.equal(created.status, 'open');
  assert.equal((await api.get(created.id)).title, 'From mc.js');
  const updated = await api.update(created.id, { status: 'in_progress' });
  assert.equal(updated.status, 'in_progress');
  assert.equal(updated.version, 2);
  const page = await api.list({ tag: 'mcjs' });
  assert.ok(page.items.some((t) => t.id === created.id));
  assert.ok('nextCursor' in page);
});

test('list pages with the cursor', async () => {
  const api = mc.client({ env });
  for (let i = 0; i < 3; i++) await api.create({ title: `page ${i}`, assignee: 'pager-js' });
  const first = await api.list({ assignee: 'pager-js', limit: 2 });
  assert.equal(first.items.length, 2);
  const second = await api.list({ assignee: 'pager-js', limit: 2, cursor: first.nextCursor });
  assert.equal(second.items.length, 1);
});

test('stats counts open tasks', async () => {
  const stats = await mc.client({ env }).stats();
  assert.ok(stats.open >= 1);
  assert.ok(stats.byStatus);
});

test('a task that does not exist is ALAI_MC_NOT_FOUND', async () => {
  await assert.rejects(mc.client({ env }).get(999999999), (e) => e.code === 'ALAI_MC_NOT_FOUND' && e.status === 404);
});

test('the API\'s validation comes back with its problem', async () => {
  await assert.rejects(mc.client({ env }).create({ title: '' }), (e) => e.code === 'ALAI_MC_API' && e.status === 422 && 'title' in e.problem.errors);
});

test('an API that is down fails loudly, names the URL, and no SQLite file is touched', async () => {
  const port = await new Promise((resolve) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); }); });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcjs-'));
  const before = fs.readdirSync(dir);
  const down = mc.client({ env: { ...env, ALAI_MC_URL: `http://127.0.0.1:${port}`, HOME: dir } });
  await assert.rejects(down.list(), (e) => e.code === 'ALAI_MC_UNREACHABLE' && e.message.includes(`http://127.0.0.1:${port}/tasks`)
    && e.message.includes('not falling back to SQLite'));
  assert.deepEqual(fs.readdirSync(dir), before);
});

test('a refused token is ALAI_MC_AUTH', async () => {
  await assert.rejects(mc.client({ env: { ...env, ALAI_TOKEN: 'not-a-jwt' } }).list(), (e) => e.code === 'ALAI_MC_AUTH' && e.status === 401);
});

test('without ALAI_TOKEN the token comes from `alai token`, and a missing alai says what to set', async () => {
  const api = mc.client({ env: { ...env, ALAI_TOKEN: '', ALAI_BIN: '/nonexistent/alai' } });
  await assert.rejects(api.list(), (e) => e.code === 'ALAI_MC_AUTH' && /ALAI_TOKEN or ALAI_BIN/.test(e.message));
});

test('a plain-http URL to another host is refused', () => {
  assert.throws(() => mc.client({ env: { ...env, ALAI_MC_URL: 'http://mc.example.com' } }), (e) => e.code === 'ALAI_MC_CONFIG');
});

test('a hostile id never reaches the URL', async () => {
  await assert.rejects(mc.client({ env }).get('1/../../stats'), (e) => e.code === 'ALAI_MC_CONFIG');
});
