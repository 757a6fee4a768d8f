// A YARDSTICK, not a product: mc-api's GET /tasks?status=… and POST /tasks on Fastify 5 + pg (tasks.mjs does the
// work). Env: PORT, DATABASE_URL, OIDC_ISSUER, OIDC_AUDIENCE, DB_POOL_SIZE (2). Usage: node fastify.mjs
import Fastify from 'fastify';
import * as tasks from './tasks.mjs';

const db = tasks.pool();
const verify = tasks.verifier();
const app = Fastify({ logger: false, bodyLimit: Number(process.env.MAX_BODY_BYTES ?? 256 * 1024) });
app.removeAllContentTypeParsers();
app.addContentTypeParser('*', { parseAs: 'string' }, (req, body, done) => done(null, body));

app.get('/healthz', async () => ({ status: 'up' }));
app.get('/readyz', async (req, reply) => reply.code(await tasks.ready(db) ? 200 : 503).send({ status: 'checked' }));

app.register(async (secured) => {
  secured.addHook('onRequest', async (req, reply) => {
    req.start = process.hrtime.bigint();
    req.rid = tasks.requestId(req.headers['x-request-id']);
    reply.header('X-Request-Id', req.rid).header('X-Content-Type-Options', 'nosniff');
    await verify(req.headers.authorization);
  });
  secured.addHook('onResponse', async (req, reply) => {
    tasks.logRequest('peer-fastify', req.rid, req.method, req.url.split('?')[0], reply.statusCode, req.start);
  });
  secured.get('/tasks', async (req) => tasks.list(db, req.query));
  secured.post('/tasks', async (req, reply) => {
    const task = await tasks.create(db, req.headers['content-type'], typeof req.body === 'string' ? req.body : '');
    reply.code(201).header('ETag', `"v${task.version}"`).header('Location', `/tasks/${task.id}`);
    return task;
  });
});
app.setErrorHandler((error, req, reply) => {
  const problem = error.statusCode === 413 ? new tasks.Problem(413, 'Content Too Large', 'the body is too large') : error;
  const body = tasks.problemBody(problem, req.url.split('?')[0], req.rid);
  reply.code(body.status).type('application/problem+json').send(JSON.stringify(body));
});
app.listen({ port: Number(process.env.PORT ?? 8080), host: '127.0.0.1' });
