'use strict';
// Mission Control through mc-api, for ANVIL's ~/system/tools/mc.js. No dependencies: Node >= 18 has fetch.
//
// When ALAI_MC_URL is set, every call goes to the API, and an API that does not answer is an error that names the
// URL. This module never opens mission-control.db: falling back to SQLite while the API is the source of truth would
// split the data in two. When ALAI_MC_URL is unset, enabled() is false and mc.js keeps its own SQLite path.

const { execFileSync } = require('node:child_process');

class McError extends Error {
  constructor(message, { code, status, url, problem } = {}) {
    super(message);
    this.name = 'McError';
    this.code = code;           // ALAI_MC_UNREACHABLE | ALAI_MC_AUTH | ALAI_MC_NOT_FOUND | ALAI_MC_API | ALAI_MC_CONFIG
    this.status = status;       // the HTTP status, when the API answered
    this.url = url;
    this.problem = problem;     // the API's RFC 9457 problem+json body, when it sent one
  }
}

function enabled(env = process.env) {
  return Boolean(env.ALAI_MC_URL && env.ALAI_MC_URL.trim());
}

// ALAI_TOKEN, else `alai token` (which refreshes the stored login silently, exit 4 when there is none).
function tokenFrom(env) {
  if (env.ALAI_TOKEN && env.ALAI_TOKEN.trim()) return env.ALAI_TOKEN.trim();
  const bin = env.ALAI_BIN || 'alai';
  try {
    return execFileSync(bin, ['token'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60000 }).trim();
  } catch (e) {
    const why = e.code === 'ENOENT' ? `${bin} is not installed (set ALAI_TOKEN or ALAI_BIN)`
      : `\`${bin} token\` failed${e.status === 4 ? ': not logged in, run `alai login`' : ''} ${String(e.stderr || '').trim()}`;
    throw new McError(`no token for mc-api: ${why}`, { code: 'ALAI_MC_AUTH' });
  }
}

function client({ env = process.env, url, token, timeoutMs = 30000 } = {}) {
  const base = String(url || env.ALAI_MC_URL || '').trim().replace(/\/+$/, '');
  if (!base) throw new McError('ALAI_MC_URL is not set: mc-api is not in use (mc.js reads its SQLite file)', { code: 'ALAI_MC_CONFIG' });
  let parsed;
  try { parsed = new URL(base); } catch { throw new McError(`ALAI_MC_URL ${base} is not a URL`, { code: 'ALAI_MC_CONFIG' }); }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname) || parsed.hostname.startsWith('127.');
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new McError(`ALAI_MC_URL ${base} must be https:// (http:// only to localhost)`, { code: 'ALAI_MC_CONFIG' });
  }
  let bearer = token;

  async function call(method, path, body, headers = {}) {
    bearer = bearer || tokenFrom(env);
    const target = base + path;
    let response;
    try {
      response = await fetch(target, {
        method,
        headers: { Accept: 'application/json', Authorization: `Bearer ${bearer}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const why = (e.cause && (e.cause.code || e.cause.message)) || e.message;
      throw new McError(`mc-api at ${target} did not answer (${why}); is it up and ALAI_MC_URL right? (not falling back to SQLite)`,
        { code: 'ALAI_MC_UNREACHABLE', url: target });
    }
    const text = await response.text();
    let json;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    if (!response.ok) {
      const detail = json && (json.detail || json.title) ? `: ${json.detail || json.title}` : '';
      const code = response.status === 401 ? 'ALAI_MC_AUTH' : response.status === 404 ? 'ALAI_MC_NOT_FOUND'
        : response.status >= 502 && response.status <= 504 ? 'ALAI_MC_UNREACHABLE' : 'ALAI_MC_API';
      throw new McError(`${method} ${target} answered ${response.status}${detail}`, { code, status: response.status, url: target, problem: json });
    }
    return { json, etag: response.headers.get('etag') };
  }

  const query = (filters = {}) => {
    const known = ['status', 'assignee', 'tag', 'q', 'updated_since', 'cursor', 'limit'];
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) {
      if (!known.includes(k)) throw new McError(`unknown filter ${k}; known: ${known.join(', ')}`, { code: 'ALAI_MC_CONFIG' });
      if (v !== undefined && v !== null) params.set(k, String(v));
    }
    const s = params.toString();
    return s ? `?${s}` : '';
  };
  const id = (value) => {
    if (!/^[1-9][0-9]{0,17}$/.test(String(value))) throw new McError(`task id ${value} is not a positive integer`, { code: 'ALAI_MC_CONFIG' });
    return String(value);
  };

  return {
    url: base,
    // { items: [task…], nextCursor } — open tasks unless filters.status says otherwise.
    async list(filters = {}) { return (await call('GET', `/tasks${query({ status: 'any_open', ...filters })}`)).json; },
    async get(taskId) { return (await call('GET', `/tasks/${id(taskId)}`)).json; },
    async create(task) { return (await call('POST', '/tasks', task)).json; },
    // Only the fields given change. If-Match with the version just read; one retry when someone else won the race.
    async update(taskId, changes) {
      for (let attempt = 0; ; attempt++) {
        const current = await call('GET', `/tasks/${id(taskId)}`);
        try {
          return (await call('PATCH', `/tasks/${id(taskId)}`, changes, { 'If-Match': current.etag })).json;
        } catch (e) {
          if (attempt > 0 || e.status !== 412) throw e;
        }
      }
    },
    async stats() { return (await call('GET', '/stats')).json; },
  };
}

module.exports = { enabled, client, McError };
