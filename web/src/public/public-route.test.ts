import { publicRouteOf, publicUrl } from './public-route';

it('opens a board or a tracking page by its path, and nothing else', () => {
  expect(publicRouteOf('/board/abc_-1')).toEqual({ kind: 'board', token: 'abc_-1' });
  expect(publicRouteOf('/track/xyz/')).toEqual({ kind: 'track', token: 'xyz' });
  expect(publicRouteOf('/')).toBeNull();
  expect(publicRouteOf('/board/')).toBeNull();
  expect(publicRouteOf('/board/a/b')).toBeNull();
  expect(publicRouteOf('/admin')).toBeNull();
});

it('keeps an undecodable token as it came, for the server to refuse', () => {
  expect(publicRouteOf('/track/%E0%A4%A')).toEqual({ kind: 'track', token: '%E0%A4%A' });
});

it('builds the absolute link the console copies', () => {
  expect(publicUrl('track', 'tok-en_1', 'http://pos.local:4000')).toBe('http://pos.local:4000/track/tok-en_1');
});
