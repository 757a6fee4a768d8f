// A YARDSTICK, not a product: the work mc-api does for GET /tasks?status=… and POST /tasks, written the way the
// seed planned mc-api.js (Node, pg), so bench/report.sh can set our service beside it at equal CPU. It does the same
// work: the same SQL text (TaskQuery's shape, server-side prepared like pgjdbc's), a 2-connection pool, the same
// strict body checks, the same JWT checks (issuer's discovery → JWKS, issuer, audience, typ, algorithms, sub/exp/iat;
// a verified token trusted until it expires, bounded like JwtVerifier's cache), the same JSON bytes, and one JSON
// log line per request. Express and Fastify only wire these functions to routes.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const ALL = ['open', 'in_progress', 'blocked', 'review', 'done', 'cancelled'];
const CLOSED = ['done', 'cancelled'];
const COLUMNS = 'id, title, description, status, assignee, tags, priority, created_at, updated_at, closed_at, archived, version, extra::text';
const PARAMS = new Set(['status', 'assignee', 'tag', 'updated_since', 'q', 'cursor', 'limit']);
const FIELDS = new Set(['title', 'description', 'status', 'assignee', 'tags', 'priority']);
const ASSIGNEE = /^[A-Za-z0-9._@-]{1,100}$/u;
const TAG = /^[\p{L}\p{N}._:/-]{1,50}$/u;
const MAX_BODY = Number(process.env.MAX_BODY_BYTES ?? 256 * 1024);

export class Problem extends Error {
  constructor(status, title, detail, errors) {
    super(detail);
    Object.assign(this, { status, title, detail, errors });
  }
}

// Timestamps as Java's Instant.toString prints them: PostgreSQL's text in UTC, fraction in groups of three digits.
pg.types.setTypeParser(1184, (text) => {
  const [, date, time, fraction = ''] = text.match(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d+))?\+00$/);
  const micros = fraction.padEnd(6, '0');
  const shown = micros === '000000' ? '' : micros.endsWith('000') ? '.' + micros.slice(0, 3) : '.' + micros;
  return `${date}T${time}${shown}Z`;
});
pg.types.setTypeParser(20, Number); // ids and versions are far below 2^53

export function pool() {
  return new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 2), options: '-c TimeZone=UTC' });
}

export function verifier() {
  const issuer = process.env.OIDC_ISSUER.replace(/\/+$/, '');
  const audience = process.env.OIDC_AUDIENCE;
  const verified = new Map();
  let keys;
  return async function verify(authorization) {
    if (!authorization || !/^bearer /i.test(authorization)) throw new Problem(401, 'Unauthorized', 'send Authorization: Bearer <token>');
    const token = authorization.slice(7).trim();
    if (!token || token.length > 16384) throw new Problem(401, 'Unauthorized', 'the bearer token is empty or too long');
    const known = verified.get(token);
    if (known && Date.now() < known.exp) return known.payload;
    if (!keys) {
      const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
      keys = { jwks: createRemoteJWKSet(new URL(discovery.jwks_uri)), issuer: discovery.issuer };
    }
    try {
      const { payload, protectedHeader } = await jwtVerify(token, keys.jwks, {
        issuer: keys.issuer, audience, requiredClaims: ['sub', 'exp', 'iat'],
        algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'],
      });
      if (protectedHeader.typ !== undefined && !['jwt', 'at+jwt'].includes(protectedHeader.typ.toLowerCase())) {
        throw new Error('unexpected typ');
      }
      if (verified.size >= 4096) verified.clear();
      verified.set(token, { payload, exp: payload.exp * 1000 });
      return payload;
    } catch (e) {
      throw new Problem(401, 'Unauthorized', 'invalid token: ' + String(e.message).slice(0, 160));
    }
  };
}

function task(row) {
  let extra;
  try { extra = JSON.parse(row.extra); } catch { extra = {}; }
  return {
    id: row.id, title: row.title, description: row.description, status: row.status, assignee: row.assignee,
    tags: row.tags ?? [], priority: row.priority, createdAt: row.created_at, updatedAt: row.updated_at,
    closedAt: row.closed_at, archived: row.archived, version: row.version, extra,
  };
}

const cursor = (id) => Buffer.from('id:' + id).toString('base64url');

/** GET /tasks for the status filter (the page bench/report.sh loads); other filters answer 501, not a wrong page. */
export async function list(db, query) {
  for (const name of Object.keys(query)) {
    if (!PARAMS.has(name)) throw new Problem(400, 'Bad Request', `unknown query parameter '${name.slice(0, 40)}'`);
  }
  const status = query.status;
  if (status === undefined || status === 'any_open' || !ALL.includes(status) || Object.keys(query).length > 1) {
    throw new Problem(status === undefined || ALL.includes(status) ? 501 : 400, 'Not Implemented',
      'this yardstick serves GET /tasks?status=<one status> only');
  }
  const limit = 50;
  const { rows } = await db.query({
    name: 'tasks_page',
    text: `SELECT ${COLUMNS} FROM tasks WHERE id > $1 AND status = ANY($2) ORDER BY status, id LIMIT ${limit + 1}`,
    values: [0, [status]],
  });
  const more = rows.length > limit;
  const page = (more ? rows.slice(0, limit) : rows).map(task);
  return { items: page, nextCursor: more ? cursor(page[page.length - 1].id) : null };
}

function text(root, field, max, errors) {
  const value = root[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') { errors[field] = 'must be a string'; return null; }
  if ([...value].length > max) errors[field] = `must be at most ${max} characters`;
  else if (value.includes('\0')) errors[field] = 'must not contain NUL characters';
  else if (field === 'title' && value.trim() === '') errors[field] = 'must not be blank';
  return value;
}

/** POST /tasks: TaskJson.parseNew's checks, then the INSERT mc-api sends. */
export async function create(db, contentType, body) {
  if (!String(contentType ?? '').toLowerCase().startsWith('application/json')) {
    throw new Problem(415, 'Unsupported Media Type', 'send the body as application/json');
  }
  if (body.length > MAX_BODY) throw new Problem(413, 'Content Too Large', `the body exceeds ${MAX_BODY} bytes`);
  let root;
  try { root = JSON.parse(body); } catch { throw new Problem(400, 'Bad Request', 'the body is not valid JSON'); }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) throw new Problem(400, 'Bad Request', 'the body must be a JSON object');
  const errors = {};
  for (const name of Object.keys(root)) if (!FIELDS.has(name)) errors[name.slice(0, 60)] = 'is not a field of a task';
  if (root.title === undefined || root.title === null) errors.title = 'is required';
  const title = text(root, 'title', 500, errors);
  const description = text(root, 'description', 100000, errors);
  let status = 'open';
  if ('status' in root) {
    if (typeof root.status !== 'string' || !ALL.includes(root.status)) errors.status = `must be one of [${ALL.join(', ')}]`;
    else status = root.status;
  }
  let assignee = null;
  if (root.assignee !== undefined && root.assignee !== null) {
    if (typeof root.assignee !== 'string' || !ASSIGNEE.test(root.assignee)) errors.assignee = 'must be 1-100 of letters, digits and . _ @ -';
    else assignee = root.assignee;
  }
  let tags = [];
  if (root.tags !== undefined && root.tags !== null) {
    if (!Array.isArray(root.tags) || root.tags.length > 20) errors.tags = 'must be an array of at most 20 tags';
    else if (!root.tags.every((t) => typeof t === 'string' && TAG.test(t))) errors.tags = 'each tag must be 1-50 letters, digits or . _ : / -';
    else tags = [...new Set(root.tags)];
  }
  let priority = null;
  if (root.priority !== undefined && root.priority !== null) {
    if (!Number.isInteger(root.priority) || root.priority < 0 || root.priority > 5) errors.priority = 'must be an integer from 0 to 5';
    else priority = root.priority;
  }
  if (Object.keys(errors).length) throw new Problem(422, 'Validation failed', 'the request body has invalid fields', Object.fromEntries(Object.entries(errors).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  const { rows } = await db.query({
    name: 'tasks_insert',
    text: 'INSERT INTO tasks (title, description, status, assignee, tags, priority, closed_at)'
      + ` VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7 = ANY($8) THEN now() END) RETURNING ${COLUMNS}`,
    values: [title, description, status, assignee, tags, priority, status, CLOSED],
  });
  return task(rows[0]);
}

export async function ready(db) {
  try { await db.query('SELECT 1'); return true; } catch { return false; }
}

export function requestId(given) {
  return given && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
}

export function problemBody(error, path, id) {
  const p = error instanceof Problem ? error : new Problem(500, 'Internal Server Error', 'the request failed');
  return { type: 'about:blank', title: p.title, status: p.status, detail: p.detail, instance: path, requestId: id, ...(p.errors ? { errors: p.errors } : {}) };
}

export function logRequest(service, id, method, path, status, start) {
  process.stdout.write(JSON.stringify({
    time: new Date().toISOString(), level: 'INFO', logger: service, message: 'request', requestId: id,
    method, path, status, ms: Math.floor(Number(process.hrtime.bigint() - start) / 1e6),
  }) + '\n');
}
