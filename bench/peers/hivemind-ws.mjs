// A YARDSTICK, not a product: HiveMind's publish → deliver path on node:http + ws + pg LISTEN/NOTIFY, with the same
// durability and the same SQL as hivemind-api: a row per message (offset taken from the topic row in the same
// statement that inserts it and notifies "topic:offset"), one LISTEN connection per replica outside a 2-connection
// pool, delivery read back from the rows (notifications within 2 ms coalesced into one read), gaps refilled from the
// database so delivery is complete and in order, an in-flight window of unacked messages, cumulative acks, and a
// group's acked offset committed every 200 ms. Serves POST /topics, POST /topics/{t}/messages and
// WS /topics/{t}/subscribe?after=&group= with hivemind-api's frames. Env as express.mjs. Usage: node hivemind-ws.mjs
import http from 'node:http';
import pg from 'pg';
import { WebSocketServer } from 'ws';
import * as common from './tasks.mjs';

const WINDOW = Number(process.env.HIVEMIND_WS_WINDOW ?? 256);
const BUFFER = Number(process.env.HIVEMIND_WS_BUFFER ?? 2048);
const MAX_PAYLOAD = Number(process.env.HIVEMIND_MAX_PAYLOAD_BYTES ?? 64 * 1024);
const db = common.pool();
const verify = common.verifier();
const feeds = new Map(); // topic → { fetched, subs: Set, chain: Promise }

const READ = 'SELECT "offset", producer, headers::text AS headers, payload::text AS payload, created_at FROM messages'
  + ' WHERE topic = $1 AND "offset" > $2 AND "offset" <= $3 ORDER BY "offset" LIMIT $4';
async function read(topic, after, upTo, limit) {
  const { rows } = await db.query({ name: 'read', text: READ, values: [topic, after, Math.min(upTo, Number.MAX_SAFE_INTEGER), limit] });
  return rows.map((m) => ({
    offset: m.offset,
    text: `{"type":"message","topic":${JSON.stringify(topic)},"offset":${m.offset},"producer":${JSON.stringify(m.producer)},`
      + `"createdAt":"${m.created_at}","headers":${m.headers},"payload":${m.payload}}`,
  }));
}
async function lastOffset(topic) {
  const { rows } = await db.query({ name: 'last', text: 'SELECT next_offset - 1 AS last FROM topics WHERE name = $1', values: [topic] });
  return rows.length ? rows[0].last : null;
}

// The replica's fan-out: one read per topic per notification batch, handed to every local subscriber.
function advance(topic, upTo) {
  const feed = feeds.get(topic);
  if (!feed) return;
  feed.chain = feed.chain.then(async () => {
    while (feed.fetched < upTo) {
      const frames = await read(topic, feed.fetched, upTo, 500);
      if (!frames.length) return;
      for (const sub of feed.subs) sub.deliver(frames);
      feed.fetched = frames[frames.length - 1].offset;
    }
  }).catch(() => {});
}
let pending = null;
async function listen() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL, options: '-c TimeZone=UTC' });
  client.on('error', () => setTimeout(listen, 50));
  client.on('notification', (n) => {
    if (n.channel !== 'hivemind') return;
    const colon = n.payload.lastIndexOf(':');
    const topic = n.payload.slice(0, colon);
    const offset = Number(n.payload.slice(colon + 1));
    if (!pending) {
      pending = new Map();
      setTimeout(() => { const batch = pending; pending = null; for (const [t, o] of batch) advance(t, o); }, 2);
    }
    pending.set(topic, Math.max(pending.get(topic) ?? 0, offset));
  });
  await client.connect();
  await client.query('LISTEN hivemind');
  for (const topic of feeds.keys()) advance(topic, Number.MAX_SAFE_INTEGER); // resync whatever committed meanwhile
}

class Subscription {
  constructor(ws, topic, after, group, latest) {
    Object.assign(this, { ws, topic, group, sent: after, acked: after, committed: after, latest, queue: [], pumping: false });
    if (group) this.timer = setInterval(() => this.commit(), 200);
  }
  deliver(frames) {
    this.latest = Math.max(this.latest, frames[frames.length - 1].offset);
    if (this.queue.length + frames.length > BUFFER) return this.close(4408, `buffer of ${BUFFER} messages full; reconnect with after=${this.acked}`);
    this.queue.push(...frames);
    this.pump();
  }
  ack(offset) {
    if (offset > this.sent) return this.close(4400, `ack ${offset} is beyond the last delivered offset ${this.sent}`);
    this.acked = Math.max(this.acked, offset);
    this.pump();
  }
  // Sends in offset order within the window; what the live queue lacks (replay, a gap) is read from the rows.
  async pump() {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.ws.readyState === 1 && this.sent - this.acked < WINDOW) {
        while (this.queue.length && this.queue[0].offset <= this.sent) this.queue.shift();
        if (this.queue.length && this.queue[0].offset === this.sent + 1) {
          const frame = this.queue.shift();
          this.ws.send(frame.text);
          this.sent = frame.offset;
        } else if (this.latest > this.sent) {
          const upTo = this.queue.length ? this.queue[0].offset - 1 : this.latest;
          const frames = await read(this.topic, this.sent, upTo, 200);
          if (!frames.length) break;
          this.queue.unshift(...frames);
        } else {
          break;
        }
      }
    } catch {
      this.close(1011, `the server could not read the topic; reconnect with after=${this.acked}`);
    } finally {
      this.pumping = false;
    }
  }
  async commit() {
    const target = this.acked;
    if (!this.group || target <= this.committed) return;
    await db.query({
      name: 'commit',
      text: 'INSERT INTO consumer_groups AS g (topic, name, committed_offset) VALUES ($1, $2, $3) ON CONFLICT (topic, name) DO UPDATE'
        + ' SET committed_offset = CASE WHEN $4 THEN excluded.committed_offset ELSE greatest(g.committed_offset, excluded.committed_offset) END,'
        + ' updated_at = now() RETURNING committed_offset, updated_at',
      values: [this.topic, this.group, target, false],
    }).then(() => { this.committed = target; }, () => {});
  }
  close(code, reason) { this.ws.close(code, reason); }
  ended() {
    clearInterval(this.timer);
    this.commit();
    const feed = feeds.get(this.topic);
    feed?.subs.delete(this);
    if (feed && !feed.subs.size) feeds.delete(this.topic);
  }
}

function body(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => { size += c.length; if (size > MAX_PAYLOAD + 1024) reject(new common.Problem(413, 'Content Too Large', 'the body is too large')); else chunks.push(c); });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
function json(res, status, value, headers = {}) {
  res.writeHead(status, { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json', ...headers });
  res.end(JSON.stringify(value));
}
function parse(text) {
  let root;
  try { root = JSON.parse(text); } catch { throw new common.Problem(400, 'Bad Request', 'the body is not valid JSON'); }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) throw new common.Problem(400, 'Bad Request', 'the body must be a JSON object');
  return root;
}

async function publish(req, topic, caller) {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new common.Problem(415, 'Unsupported Media Type', 'send the body as application/json');
  const root = parse(await body(req));
  const errors = {};
  for (const k of Object.keys(root)) if (k !== 'payload' && k !== 'headers') errors[k] = 'is not a known field (known: headers, payload)';
  if (root.payload === undefined) errors.payload = 'is required';
  const payload = JSON.stringify(root.payload ?? null);
  if (payload.length > MAX_PAYLOAD) errors.payload = `must be at most ${MAX_PAYLOAD} bytes`;
  const headers = root.headers ?? {};
  if (typeof headers !== 'object' || Array.isArray(headers) || !Object.values(headers).every((v) => typeof v === 'string')) errors.headers = 'must be an object of string values';
  if (Object.keys(errors).length) throw new common.Problem(422, 'Validation failed', 'the request body has invalid fields', errors);
  const { rows } = await db.query({
    name: 'publish',
    text: 'WITH advanced AS (UPDATE topics SET next_offset = next_offset + 1 WHERE name = $1 RETURNING next_offset - 1 AS taken),'
      + ' stored AS (INSERT INTO messages (topic, "offset", producer, headers, payload) SELECT $2, taken, $3, $4::jsonb, $5::jsonb FROM advanced RETURNING "offset")'
      + ` SELECT "offset", pg_notify($6, $7 || ':' || "offset") FROM stored`,
    values: [topic, topic, caller.sub, JSON.stringify(headers), payload, 'hivemind', topic],
  });
  if (!rows.length) throw new common.Problem(404, 'Not Found', `no topic ${topic}; create it with POST /topics`);
  return { topic, offset: rows[0].offset, replayed: false };
}

const TOPIC = /^\/topics\/([a-z0-9][a-z0-9._-]{0,127})\/(messages|subscribe)$/;
const server = http.createServer(async (req, res) => {
  const start = process.hrtime.bigint();
  const url = new URL(req.url, 'http://peer');
  const id = common.requestId(req.headers['x-request-id']);
  res.setHeader('X-Request-Id', id);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.on('finish', () => common.logRequest('peer-hivemind-ws', id, req.method, url.pathname, res.statusCode, start));
  try {
    if (url.pathname === '/healthz') return json(res, 200, { status: 'up' });
    if (url.pathname === '/readyz') return json(res, await common.ready(db) ? 200 : 503, { status: 'checked' });
    const caller = await verify(req.headers.authorization);
    const m = url.pathname.match(TOPIC);
    if (req.method === 'POST' && url.pathname === '/topics') {
      const { name } = parse(await body(req));
      if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9._-]{0,127}$/.test(name)) throw new common.Problem(422, 'Validation failed', 'the request body has invalid fields', { name: 'must be a topic name' });
      const { rows } = await db.query('INSERT INTO topics (name) VALUES ($1) ON CONFLICT DO NOTHING RETURNING created_at', [name]);
      if (!rows.length) throw new common.Problem(409, 'Conflict', `topic ${name} exists`);
      json(res, 201, { name, retention: null, publishers: null, subscribers: null, firstOffset: 1, lastOffset: 0, createdAt: rows[0].created_at }, { Location: `/topics/${name}` });
    } else if (req.method === 'POST' && m?.[2] === 'messages') {
      json(res, 201, await publish(req, m[1], caller));
    } else {
      throw new common.Problem(404, 'Not Found', 'no such route');
    }
  } catch (error) {
    const problem = common.problemBody(error, url.pathname, id);
    json(res, problem.status, problem);
  }
});

const wss = new WebSocketServer({ noServer: true });
server.on('upgrade', async (req, socket, head) => {
  const url = new URL(req.url, 'http://peer');
  const m = url.pathname.match(TOPIC);
  const refuse = (status, detail) => { socket.end(`HTTP/1.1 ${status} Refused\r\nContent-Type: application/problem+json\r\nConnection: close\r\n\r\n${JSON.stringify({ status, detail })}`); };
  try {
    await verify(req.headers.authorization);
    if (m?.[2] !== 'subscribe') return refuse(404, 'no such route');
    const topic = m[1];
    const after = Number(url.searchParams.get('after') ?? 0);
    const group = url.searchParams.get('group');
    if (!Number.isSafeInteger(after) || after < 0) return refuse(400, 'after must be an offset');
    let feed = feeds.get(topic);
    if (!feed) {
      const last = await lastOffset(topic);
      if (last === null) return refuse(404, `no topic ${topic}`);
      feed = feeds.get(topic) ?? { fetched: last, subs: new Set(), chain: Promise.resolve() };
      feeds.set(topic, feed);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const sub = new Subscription(ws, topic, after, group, feed.fetched);
      feed.subs.add(sub);
      ws.send(JSON.stringify({ type: 'subscribed', topic, after, group, firstOffset: 1 }));
      ws.on('message', (data) => {
        let frame;
        try { frame = JSON.parse(data); } catch { return sub.close(4400, 'frames must be JSON'); }
        if (frame.type === 'ack' && Number.isSafeInteger(frame.offset)) sub.ack(frame.offset);
        else sub.close(4400, 'unknown frame');
      });
      ws.on('close', () => sub.ended());
      sub.pump();
    });
  } catch (error) {
    refuse(error.status ?? 500, error.message);
  }
});

await listen();
server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1');
