// A YARDSTICK, not a product: mc-api's GET /tasks?status=… and POST /tasks on Express 5 + pg (tasks.mjs does the
// work). Env: PORT, DATABASE_URL, OIDC_ISSUER, OIDC_AUDIENCE, DB_POOL_SIZE (2). Usage: node express.mjs
import express from 'express';
import * as tasks from './tasks.mjs';

const db = tasks.pool();
const verify = tasks.verifier();
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.set('query parser', 'simple');

app.get('/healthz', (req, res) => res.json({ status: 'up' }));
app.get('/readyz', async (req, res) => res.status(await tasks.ready(db) ? 200 : 503).json({ status: 'checked' }));

app.use((req, res, next) => {
  req.start = process.hrtime.bigint();
  req.id = tasks.requestId(req.get('x-request-id'));
  res.set({ 'X-Request-Id': req.id, 'X-Content-Type-Options': 'nosniff' });
  res.on('finish', () => tasks.logRequest('peer-express', req.id, req.method, req.path, res.statusCode, req.start));
  verify(req.get('authorization')).then(() => next(), next);
});
app.get('/tasks', async (req, res) => res.json(await tasks.list(db, req.query)));
app.post('/tasks', express.text({ type: () => true, limit: Number(process.env.MAX_BODY_BYTES ?? 256 * 1024) }), async (req, res) => {
  const task = await tasks.create(db, req.get('content-type'), typeof req.body === 'string' ? req.body : '');
  res.status(201).set({ ETag: `"v${task.version}"`, Location: `/tasks/${task.id}` }).json(task);
});
app.use((error, req, res, next) => { // eslint-disable-line no-unused-vars
  const problem = error.type === 'entity.too.large' ? new tasks.Problem(413, 'Content Too Large', 'the body is too large') : error;
  const body = tasks.problemBody(problem, req.path, req.id);
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
});
app.listen(Number(process.env.PORT ?? 8080), '127.0.0.1');
