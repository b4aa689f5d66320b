import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { requestIds } from './request-id';

let server: Server;
let url: string;

beforeAll(async () => {
  const app = express();
  app.use(requestIds());
  // What the handlers after it (Yoga's context) read: the same id the response names.
  app.get('/seen', (req, res) => {
    res.send(req.get('x-request-id'));
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/seen`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it("keeps the caller's X-Request-Id and hands it on", async () => {
  const res = await fetch(url, { headers: { 'x-request-id': 'edge-42.a' } });
  expect(res.headers.get('x-request-id')).toBe('edge-42.a');
  expect(await res.text()).toBe('edge-42.a');
});

it('gives a request without a usable id a fresh UUID, the same one downstream', async () => {
  const plain = await fetch(url);
  const hostile = await fetch(url, { headers: { 'x-request-id': 'x'.repeat(65) } });
  const ids = [plain.headers.get('x-request-id'), hostile.headers.get('x-request-id')];
  for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(ids[0]).not.toBe(ids[1]);
  expect([await plain.text(), await hostile.text()]).toEqual(ids);
});
