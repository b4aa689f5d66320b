import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { captureLogs } from '../test/support/log-capture';
import { requestIds } from './request-id';

const logs = captureLogs('info');
let server: Server;
let url: string;

beforeAll(async () => {
  const app = express();
  app.use(requestIds());
  // A handler that logs after an await, as resolvers do: the id must survive the async hop.
  app.get('/work', async (_req, res) => {
    await new Promise((resolve) => setImmediate(resolve));
    logs.logger.child({ component: 'test' }).info('working');
    res.send('ok');
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/work`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => logs.lines.splice(0));

it("keeps the caller's X-Request-Id, echoes it and tags the request's log lines with it", async () => {
  const res = await fetch(url, { headers: { 'x-request-id': 'edge-42.a' } });
  expect(res.headers.get('x-request-id')).toBe('edge-42.a');
  expect(logs.lines).toEqual([expect.objectContaining({ msg: 'working', component: 'test', reqId: 'edge-42.a' })]);
});

it('gives a request without a usable id a fresh UUID', async () => {
  const plain = await fetch(url);
  const hostile = await fetch(url, { headers: { 'x-request-id': 'x'.repeat(65) } });
  const ids = [plain.headers.get('x-request-id'), hostile.headers.get('x-request-id')];
  for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(ids[0]).not.toBe(ids[1]);
  expect(logs.lines.map((l) => l.reqId)).toEqual(ids);
});

it('tags nothing outside a request', () => {
  logs.logger.info('idle');
  expect(logs.lines[0]).not.toHaveProperty('reqId');
});
